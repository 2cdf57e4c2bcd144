"""Photo captions on publishers' pages (search/ingest/extract/boilerplate/captions.py): the
caption under "Lihat Foto" and its credit, a caption over a credit line or under it, a caption that ends in
its credit before the story; story lines that look like them stay."""

from __future__ import annotations

import pytest

from search.ingest.extract import extract_article
from search.ingest.extract.boilerplate.captions import drop_captions, is_photo_credit

DATELINE = (
    "JAKARTA, KOMPAS.com - Jakarta akan jadi tuan rumah balapan pada 6 Juni 2020. Lokasi "
    "balapan akan berada di sekitaran Monas."
)
TRIBUN_DATELINE = (
    "TRIBUNNEWS.COM, JAKARTA - (BI) mencatatkan, penjualan eceran pada Juli 2019 terindikasi "
    "mengalami peningkatan."
)

STORY = (
    "Pendiri Alibaba, Jack Ma resmi menyatakan mundur dari perusahaan yang dibesarkannya. Ia "
    "mundur sebagai Kepala Eksekutif Alibaba dan ingin menghabiskan hidupnya sebagai filantrop."
)


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # kompas.com: the label, the caption and a credit without a slash
        (
            [
                "Lihat Foto",
                "Mobil balap Formula E saat beraksi di sirkuit jalanan Hong Kong.",
                "FIA Formula E",
                DATELINE,
            ],
            [DATELINE],
        ),
        # the label over a credit alone: the credit is chrome of its own (dropped later)
        (
            ["Lihat Foto", "KOMPAS.com/DIAN ERIKA NUGRAHENY", "Penulis Dian Erika Nugraheny"],
            ["KOMPAS.com/DIAN ERIKA NUGRAHENY", "Penulis Dian Erika Nugraheny"],
        ),
        # the label, then the story at once
        (["Lihat Foto", DATELINE], [DATELINE]),
        # a caption that ends in its credit is chrome of its own; the line after it stays
        (
            [
                "Lihat Foto",
                "Chelsea Islan saat ditemui di Jakarta. (KOMPAS.com/NABILLA TASHANDRA)",
                "Ternyata Hal Ini Juga Pernah Dialami",
            ],
            [
                "Chelsea Islan saat ditemui di Jakarta. (KOMPAS.com/NABILLA TASHANDRA)",
                "Ternyata Hal Ini Juga Pernah Dialami",
            ],
        ),
        # tribunnews.com: a caption over a credit line naming the publisher
        (
            [
                "Ilustrasi pengunjung berbelanja di salah satu pusat perbelanjaan di Jakarta.",
                "Tribunnews/Jeprima",
                "Penulis: Yanuar Riezqi Yovanda",
                TRIBUN_DATELINE,
            ],
            ["Penulis: Yanuar Riezqi Yovanda", TRIBUN_DATELINE],
        ),
        (
            ["Warga antre minyak goreng di Pasar Senen.", "ANTARA FOTO/Sigid Kurniawan"],
            [],
        ),
        # tribunnews.com: a credit over its caption, then the reporter's line and the story
        (
            [
                "Editor: Choirul Arifin",
                "Tribunnews.com/Lita Febriani",
                "Lini perakitan skutik di pabrik PT Astra Honda Motor, Cikarang, Jawa Barat,"
                " Selasa (10/9/2019).",
                "Laporan Wartawan Tribunnews.com, Lita Febriani",
                TRIBUN_DATELINE,
            ],
            [
                "Editor: Choirul Arifin",
                "Laporan Wartawan Tribunnews.com, Lita Febriani",
                TRIBUN_DATELINE,
            ],
        ),
        # a caption ending in a bracketed credit that names a photo source, wherever it is;
        # a story's credit naming its publisher, and a quote, stay
        (
            [
                DATELINE,
                "Agnez Mo saat tampil di Jakarta. (Instagram/agnezmo)",
                "Presiden saat meninjau banjir di Bekasi. (Twitter/@jokowi)",
                "Penjualan naik 5 persen, kata dia. (Tribunnews.com/Reza Deni)",
                '"Kami siap bertanding," kata pelatih. (Instagram/pbsi)',
            ],
            [
                DATELINE,
                "Penjualan naik 5 persen, kata dia. (Tribunnews.com/Reza Deni)",
                '"Kami siap bertanding," kata pelatih. (Instagram/pbsi)',
            ],
        ),
        # a credit over the story's dateline: the story is no caption
        (
            ["Tribunnews/Jeprima", TRIBUN_DATELINE, "Penjualan naik 5 persen."],
            ["Tribunnews/Jeprima", TRIBUN_DATELINE, "Penjualan naik 5 persen."],
        ),
        # a line under a credit that the story goes on after is the story's
        (
            [
                "Instagram/pbsi",
                "Ganda putra Indonesia melaju ke final.",
                "Mereka mengalahkan pasangan Jepang dua gim langsung di Istora, Minggu.",
            ],
            [
                "Instagram/pbsi",
                "Ganda putra Indonesia melaju ke final.",
                "Mereka mengalahkan pasangan Jepang dua gim langsung di Istora, Minggu.",
            ],
        ),
        # a date line over a credit is the page's date, not a caption
        (
            ["Senin, 30 September 2019", "detik.com/Ilustrasi"],
            ["Senin, 30 September 2019", "detik.com/Ilustrasi"],
        ),
        # a pair of players is no credit; a quote is no caption
        (
            ["Ganda putra Indonesia melaju ke final.", "Ahsan/Hendra"],
            ["Ganda putra Indonesia melaju ke final.", "Ahsan/Hendra"],
        ),
        (
            ['"Kami siap bertanding," kata pelatih.', "Instagram/pbsi"],
            ['"Kami siap bertanding," kata pelatih.', "Instagram/pbsi"],
        ),
        # a caption with no credit right over the dateline naming the publisher (gold16zzo
        # dev posmetro-medan-08); not a story's first sentence cut short, in lower case
        (
            ["Wakil Menteri Keuangan Mardiasmo dalam Forum Merdeka Barat 9.", TRIBUN_DATELINE],
            [TRIBUN_DATELINE],
        ),
        (
            ["ini sudah tidak asing lagi untuk masyarakat.", TRIBUN_DATELINE],
            ["ini sudah tidak asing lagi untuk masyarakat.", TRIBUN_DATELINE],
        ),
        # a Tribun paper's credit over its caption, the byline under it (gold16zzu dev)
        (
            [
                "SURYA/KHAIRUL AMIN",
                "Asisten pelatih Persebaya Surabaya, Wolfgang Pikal, memimpin latihan tim.",
                "Laporan Wartawan Surya, Khairul Amin",
                TRIBUN_DATELINE,
            ],
            ["Laporan Wartawan Surya, Khairul Amin", TRIBUN_DATELINE],
        ),
        # two sentences are the story's
        (
            ["Menkeu hadir di forum itu. Ia berbicara soal iuran.", TRIBUN_DATELINE],
            ["Menkeu hadir di forum itu. Ia berbicara soal iuran.", TRIBUN_DATELINE],
        ),
        # a caption with no credit: a name, "saat" and the scene, over a longer first paragraph
        (
            ["Jack Ma saat pesta perpisahannya di Hangzhou, Cina.", STORY],
            [STORY],
        ),
        (
            ["Esemka Bima saat peresmian pabrik PT SMK di Boyolali.", STORY],
            [STORY],
        ),
        # a short paragraph over a labelled credit stays, the story's first one too (a
        # caption over "Foto: ..." reads the same)
        (
            [
                "Senin, 16 September 2019 10:30 WIB",
                "Polisi menangkap dua pelaku pembunuhan pengemudi ojek online di Bekasi.",
                "Foto: Istimewa",
                STORY,
            ],
            [
                "Senin, 16 September 2019 10:30 WIB",
                "Polisi menangkap dua pelaku pembunuhan pengemudi ojek online di Bekasi.",
                "Foto: Istimewa",
                STORY,
            ],
        ),
        (
            [STORY, "Dari sana, terpilih 26 anak yang mendapat super tiket.", "Foto: Arbi"],
            [STORY, "Dari sana, terpilih 26 anak yang mendapat super tiket.", "Foto: Arbi"],
        ),
        # a headline's words in capitals, or a story's first sentence telling more, stay
        (
            ["Jack Ma saat Pesta Perpisahan di Hangzhou", STORY],
            ["Jack Ma saat Pesta Perpisahan di Hangzhou", STORY],
        ),
        (
            ["Presiden Jokowi mengatakan saat ini iuran naik. Ia hadir di forum itu.", STORY],
            ["Presiden Jokowi mengatakan saat ini iuran naik. Ia hadir di forum itu.", STORY],
        ),
        (
            ["Jokowi saat membuka Rakernas PDIP di Jakarta meminta kader tetap solid.", STORY],
            ["Jokowi saat membuka Rakernas PDIP di Jakarta meminta kader tetap solid.", STORY],
        ),
    ],
)
def test_captions_and_their_credits_are_dropped(lines, kept):
    assert drop_captions(lines) == kept


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Tribunnews/Jeprima", True),
        ("KOMPAS.com/GARRY LOTULUNG", True),
        ("ANTARA FOTO/Sigid Kurniawan", True),
        ("Instagram/lucintaluna_", True),
        ("Ahsan/Hendra", False),
        ("Home / Nasional", False),
        ("Kamis/Jumat", False),
        ("Polisi menyita 2/3 barang bukti dari gudang itu", False),
    ],
)
def test_photo_credit_lines(line, credit):
    assert is_photo_credit(line) is credit


TEMPO = """Jelang MotoGP San Marino: Valentino Rossi Diarak di Kampungya | tempo.co
Olahraga
Jelang MotoGP San Marino: Valentino Rossi Diarak di Kampungya
Pebalap Monster Energy Yamaha, Valentino Rossi, mengendarai YZR-M1 di jalanan Tavullia, Italia. (MotoGP.com)
Reporter
Antara
Editor
Nurdin Saleh
Rabu, 11 September 2019 | 06.14 WIB
Bagikan
Ukuran Font
Kecil
Besar
TEMPO.CO, Jakarta - Valentino Rossi mewujudkan impiannya ketika legenda MotoGP asal Italia itu mengendarai motor Yamaha YZR-M1 di kampung halamannya di Tavullia, Italia.
Rossi memulai paradenya hari itu di Ranch, tempat ia berlatih dan juga rumah dari Akademi Pebalap VR46, demikian laman resmi MotoGP.
Rossi akan berharap hasil positif di depan para penggemarnya. (Antara)
Topik
MotoGP
"""


def test_a_caption_ending_in_its_credit_before_the_byline_is_not_the_story():
    """The caption over the byline and date line is left out; a story's last paragraph that
    ends in the story's credit stays."""
    article = extract_article(TEMPO, "tempo").article
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("TEMPO.CO, Jakarta - Valentino Rossi mewujudkan")
    assert (
        paragraphs[-1] == "Rossi akan berharap hasil positif di depan para penggemarnya. (Antara)"
    )
    assert len(paragraphs) == 3
    assert article.date_iso == "2019-09-11"
