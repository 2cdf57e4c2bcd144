"""Parsing the five real seeds: every value of the foundation issue's table."""

from __future__ import annotations

import pytest

from search.ingest.extract import extract_article
from search.ingest.kinds import TEXT
from tests.conftest import SEEDS_DIR

EXPECTED = [
    (
        "000_598db4fe2a2fc782",
        "Wamendagri: Tujuan utama aparatur",
        "2025",
        "year",
        "antaranews.com",
        [("Akhmad Wiyagus", "Wamendagri")],
    ),
    (
        "001_c392d4d57c4d2ec5",
        "Sekjen Kemendagri Dorong Optimalisasi",
        "2022-04-01",
        "day",
        "dialeksis.com",
        [("Suhajar Diantoro", "Sekjen Kemendagri"), ("Joko Widodo", "Presiden")],
    ),
    (
        "002_4786081c4393efc4",
        "Wamendagri: ASN Wajib Junjung Tinggi",
        None,
        "none",
        "kemendagri.go.id",
        [("John R. Wetipo", "Wamendagri")],
    ),
    (
        "003_c37476abf8d7220f",
        "Buka Latsar CPNS, Sekjen Kemendagri",
        "2021-03-15",
        "day",
        None,
        [("Muhammad Hudori", "Sekjen Kemendagri")],
    ),
    (
        "004_9d790e0e9df54a94",
        "Kemendagri Dorong Perwujudan Reformasi",
        "2022-09-28",
        "day",
        "kompas.com",
        [
            ("Suhajar Diantoro", "Sekjen Kemendagri"),
            ("Joko Widodo", "Presiden"),
            ("Tito Karnavian", "Mendagri"),
        ],
    ),
]


@pytest.mark.parametrize(("seed", "title", "date", "precision", "source", "officials"), EXPECTED)
def test_seed_metadata(seed, title, date, precision, source, officials):
    article = TEXT.extract(SEEDS_DIR / f"{seed}.txt").article
    assert article.id == seed
    assert article.title.startswith(title)
    assert article.date_iso == date
    assert article.date_precision == precision
    assert article.source == source
    assert sorted((o.name, o.role) for o in article.officials) == sorted(officials)


BOILERPLATE = {
    "000_598db4fe2a2fc782": [
        "Baca juga",
        "Read Entire Article",
        "Pewarta",
        "Copyright",
        "Dilarang keras",
        "Rakyat news",
        "2 hours ago",
    ],
    "001_c392d4d57c4d2ec5": [
        "kip lhok",
        "Beranda /",
        "Font:",
        "[Foto:",
        "Keyword:",
        "Komentar Anda",
        "riset-JSI",
        "Alfatur",
        "(PK)",
    ],
    "002_4786081c4393efc4": ["liga335"],
    "003_c37476abf8d7220f": ["(RUL)"],
    "004_9d790e0e9df54a94": [
        "Apresiasi Spesial",
        "Syarat dan ketentuan",
        "Bagikan artikel",
        "Login untuk",
        "DOK. Kemendagri",
        "Advertorial",
    ],
}


@pytest.mark.parametrize("seed", sorted(BOILERPLATE))
def test_boilerplate_is_not_in_the_body(seed):
    article = TEXT.extract(SEEDS_DIR / f"{seed}.txt").article
    for chrome in BOILERPLATE[seed]:
        assert chrome not in article.body, chrome
        assert chrome not in article.title, chrome


@pytest.mark.parametrize(
    ("seed", "first_words", "last_words"),
    [
        (
            "000_598db4fe2a2fc782",
            "Jakarta (ANTARA) - Wakil Menteri",
            "di seluruh penjuru Indonesia,” tuturnya.",
        ),
        (
            "001_c392d4d57c4d2ec5",
            "DIALEKSIS.COM | Jakarta",
            "disebut dengan digitalisasi pemerintah.",
        ),
        (
            "004_9d790e0e9df54a94",
            "KOMPAS.com - Kementerian",
            "ramping dan sesuai fungsinya,” tuturnya.",
        ),
    ],
)
def test_body_keeps_the_article_text_from_first_to_last_paragraph(seed, first_words, last_words):
    body = TEXT.extract(SEEDS_DIR / f"{seed}.txt").article.body
    assert body.startswith(first_words)
    assert body.endswith(last_words)


def test_baca_juga_headlines_do_not_name_officials():
    # 000's "Baca juga:" links mention "Mendagri" in other headlines; only Wiyagus is an official.
    article = TEXT.extract(SEEDS_DIR / "000_598db4fe2a2fc782.txt").article
    assert [o.name for o in article.officials] == ["Akhmad Wiyagus"]
    assert "Kebijakan Pemda harus berdasarkan data" not in article.body


def test_researchers_are_not_officials():
    article = TEXT.extract(SEEDS_DIR / "001_c392d4d57c4d2ec5.txt").article
    names = {o.name for o in article.officials}
    assert "Mark Turner" not in names and "David Hulme" not in names
    assert "Mark Turner" in article.body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kata  demi\tkata", "Kata demi kata"),
        ("\ufeffJakarta\u00a0-\u2009Presiden", "Jakarta - Presiden"),
        ("satu \u200b dua", "satu dua"),
        ("  biasa saja  ", "biasa saja"),
        ("biasa saja", "biasa saja"),
    ],
)
def test_odd_spaces_become_one_plain_space(line, expected):
    from search.ingest.extract.boilerplate import normalize_line

    assert normalize_line(line) == expected


def test_breadcrumbs_are_dropped_and_sentences_with_a_slash_are_not():
    from search.ingest.extract.boilerplate import is_dropped

    assert is_dropped("Beranda / Nasional / Politik ")
    assert is_dropped("News » Daerah » Jawa Tengah ")
    assert not is_dropped("Harga naik 10 persen/tahun menurut BPS")


def test_a_pagers_count_is_dropped_and_a_count_in_a_sentence_is_not():
    from search.ingest.extract.boilerplate import is_dropped

    assert is_dropped("2 dari 2 halaman")  # gold16zzn dev liputan6-07
    assert is_dropped("1 of 3 pages")
    assert not is_dropped("3 dari 5 orang tewas di lokasi")


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        # gold16zzza dev kompas-01: a translated story's origin, a program's note
        ("Sumber fastcompany.com", True),
        ("Sumber www.theguardian.co.uk", True),
        ("Artikel ini merupakan bagian dari Lestari KG Media, sebuah inisiatif", True),
        # gold16zzza dev wowkeren-06: an embed's label
        ("Instagram Post", True),
        ("Postingan Instagram", True),
        # story text near them stays
        ("Sumber dana kampanye itu berasal dari sumbangan.", False),
        ("Sumber Jakarta Post menyebut hal itu.", False),
        ("Artikel ini merupakan karya jurnalistik terbaik tahun ini menurut dewan juri.", False),
        ("Instagram Post terbaru Raffi menuai pujian.", False),
    ],
)
def test_origin_credits_program_notes_and_embed_labels_are_chrome(line, dropped):
    from search.ingest.extract.boilerplate import is_dropped
    from search.ingest.extract.boilerplate.lines import is_footer_start

    # dropped where they stand, never a footer's start: a series' note may follow the lede
    # and a photo's origin stand between paragraphs, the story going on (a review's cases)
    assert is_dropped(line) is dropped
    assert not is_footer_start(line)


def test_boilerplate_patterns_are_tried_only_on_lines_with_the_text_they_need():
    from search.ingest.extract.boilerplate import remove_spam
    from search.ingest.extract.boilerplate.patterns import AnyOf, required_text

    assert required_text(r"\(?\bslot\s?gacor\b\)?") == "gacor"
    assert required_text(r"\[(foto|photo)\s*:[^\]]*\]\s*$") == "["
    assert required_text(r"(foto|photo)\d+") is None
    spam = AnyOf([r"\(?\bliga\d{2,4}\b\)?", r"\bpromo\w*"])
    assert spam.floating_needs == ("liga", "promo")
    assert spam.sub("Menang LIGA88 hari ini") == "Menang  hari ini"
    assert spam.sub("Tidak ada apa-apa") == "Tidak ada apa-apa"
    assert spam.sub("Ⅼiga88 bukan ASCII") == spam.floating.sub("", "Ⅼiga88 bukan ASCII")
    unsure = AnyOf([r"(foto|photo)\d+"])
    assert unsure.floating_needs is None and unsure.search("FOTO12")
    assert remove_spam("Berita (slot gacor) terkini") == "Berita terkini"


def test_chrome_patterns_opening_with_a_run_are_tried_only_on_lines_with_their_text():
    from search.ingest.extract.boilerplate import is_dropped, is_footer_start
    from search.ingest.extract.boilerplate.patterns import required_any

    assert required_any(r"[\w ]{2,30}\b(group|grup|network)$") == ("group", "grup", "network")
    assert required_any(r".{0,80}\bklik (di ?sini|link (ini|berikut))\W*$") == ("klik ",)
    assert required_any(r"[\w&.-]+(\s*[|•·]\s*[\w&.-]+){2,}$") == ("|",)
    assert required_any(r"[\w.-]+\s*©\s*(19|20)\d\d$") == ()  # no ASCII line holds "©"
    assert required_any(r"[\w ]{2,30}(group|\d+)$") is None
    # the longest of the shortest pieces, not the fewest: "me" of "(menggunakan|memakai)" is in
    # most lines ("cookie" and "kuki" would do too)
    cookies = r"[\w-]+ (menggunakan|memakai) (cookie|cookies|kuki)\b.{0,300}$"
    assert required_any(cookies) == ("nggunakan", "makai")
    assert is_dropped("Detik.com menggunakan cookie untuk pengalaman anda")
    # The footer's and the dropped lines' patterns of boilerplate.toml that open with a run.
    assert is_footer_start("Tribun Network") and is_footer_start("Kompas | Gramedia | Bola")
    assert is_footer_start("Kompas.com © 2019")
    assert is_dropped("Untuk info lengkap klik di sini")
    assert not is_footer_start("Jaringan Tribun Network terbesar di Indonesia dan grup lain")


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("12,3K suka", True),  # a counter: grouped under its digit
        ("2.345 Dibaca", True),
        ("(jpnn/pojoksatu)", False),  # initials with a publisher's name close a story instead
        ("#Jokowi #Pelantikan #Kabinet", True),  # hashtags: under "#"
        ("@infoBMKG", True),  # a handle: under "@"
        ("© ANTARA 2019", True),  # a character outside ASCII
        ("Foto Ilustrasi kebakaran hutan", True),  # an optional first word: under "f" and "i"
        ("- Halaman 2", True),
        ("Ilustrasi kebakaran itu terjadi pada Selasa malam, kata polisi.", False),
        ("2019 menjadi tahun terbaik bagi tim asuhan Budiman di Liga 2.", False),
        ("“Kami akan menyelidiki kasus ini,” ujarnya kepada wartawan.", False),
    ],
)
def test_anchored_chrome_patterns_are_tried_by_the_character_a_line_starts_with(line, dropped):
    """A line is tried against the anchored patterns that may start with its first character
    (a letter, a digit, a mark, or any character outside ASCII), with the same verdict as the
    whole list's."""
    from search.ingest.extract.boilerplate import is_dropped
    from search.ingest.extract.boilerplate.patterns import chrome_patterns

    patterns = chrome_patterns().drop_line
    assert patterns.search(line) == bool(
        patterns.anchored.match(line) or (patterns.floating and patterns.floating.search(line))
    )
    assert is_dropped(line) == dropped


PORTAL_PAGE = """Beranda
Nasional
Login | Daftar
Sri Mulyani: Defisit APBN 2019 Masih Aman
Reporter: Budi Santoso | Editor: Andi
Selasa, 15 Oktober 2019 14:30 WIB
JAKARTA - Menteri Keuangan Sri Mulyani Indrawati memastikan defisit Anggaran Pendapatan dan Belanja Negara (APBN) 2019 masih dalam batas aman, kata dia di Gedung DPR.
Ia menambahkan, penerimaan pajak hingga September tumbuh melambat seiring perlambatan ekonomi global.
Berita Terkait
Presiden Joko Widodo Resmikan Tol Baru di Sumatera Selatan
"""


def test_account_links_tickers_and_related_headlines_are_page_chrome():
    """The title is the headline, not "Login | Daftar" above it; related headlines after
    the article are not its body (nor its officials)."""
    article = extract_article(PORTAL_PAGE, "portal").article
    assert article.title == "Sri Mulyani: Defisit APBN 2019 Masih Aman"
    assert "Tol Baru" not in article.body
    assert [o.name for o in article.officials] == ["Sri Mulyani Indrawati"]


@pytest.mark.parametrize(
    ("opening", "source"),
    [
        ("Jakarta, CNN Indonesia -- Presiden Joko Widodo meminta", "cnnindonesia.com"),
        ("PEKANBARU, KOMPAS.com — Gubernur Riau Syamsuar menetapkan", "kompas.com"),
    ],
)
def test_the_dateline_names_the_source_after_a_teaser_line(opening, source):
    page = (
        "Kebakaran Hutan di Riau Meluas, Gubernur Tetapkan Status Darurat\n"
        "Rabu (11/9/2019) mendatang, pemerintah provinsi akan menggelar rapat lagi.\n"
        f"{opening} status tanggap darurat pencemaran udara akibat kebakaran hutan dan lahan.\n"
        "Kepala BNPB Doni Monardo mengatakan pihaknya telah mengerahkan helikopter.\n"
    )
    assert extract_article(page, "riau").article.source == source


def test_a_headline_that_starts_breaking_news_is_the_title():
    """The corpus has 8 such headlines: a "BREAKING NEWS:" line is not chrome."""
    page = (
        "BREAKING NEWS: Gempa Guncang Maluku Utara Hari Ini\n"
        "AMBON - Gempa bermagnitudo 5,2 mengguncang Maluku Utara pada Selasa pagi, kata"
        " petugas BMKG di Ambon kepada wartawan.\n"
    )
    title = extract_article(page, "gempa").article.title
    assert title == "BREAKING NEWS: Gempa Guncang Maluku Utara Hari Ini"


BLOG_PAGE = """Seputar Selebriti Kita
Kabar artis tanah air, terbaru setiap hari
Beranda
Seleb
Musik
Selasa, 10 September 2019
Pesan Ruben Onsu untuk Betrand Peto Pada Hari Pertama Sekolah di Jakarta
Ruben Onsu bersama istrinya mengantar anak lelakinya menjalani hari pertama sekolah di Jakarta.
Betrand mengenakan seragam sekolah berwarna putih, dibalut jaket biru dan dasi.
Diposting oleh Admin Seleb di 13.51
"""


def test_a_blogs_post_title_is_the_title_not_the_blogs_name_and_motto():
    article = extract_article(BLOG_PAGE, "blog").article
    assert article.title == (
        "Pesan Ruben Onsu untuk Betrand Peto Pada Hari Pertama Sekolah di Jakarta"
    )
    assert article.body.startswith("Ruben Onsu bersama istrinya")
    assert "Seputar Selebriti" not in article.body


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Diduga Pasok Sabu di Anambas - Kompas.com", "Diduga Pasok Sabu di Anambas"),
        ("Diduga Pasok Sabu di Anambas Halaman all - Kompas.com", "Diduga Pasok Sabu di Anambas"),
        (
            "Dua Pelajar SMA Dijual oleh Tantenya : Okezone News",
            "Dua Pelajar SMA Dijual oleh Tantenya",
        ),
        ("Bon Iver Akan Tampil di Jakarta - Seleb Tempo.co", "Bon Iver Akan Tampil di Jakarta"),
        ("Jokowi Akan Bertemu Tokoh Papua - Tribun Jateng", "Jokowi Akan Bertemu Tokoh Papua"),
        ("POSMETRO MEDAN: Diserbu Ribuan KKSB, 1 TNI Wafat", "Diserbu Ribuan KKSB, 1 TNI Wafat"),
        # A colon or a dash inside a headline names no site: the headline stays whole.
        (
            "Atas Perintah Jokowi : Rektor Akan Kena Sanksi",
            "Atas Perintah Jokowi : Rektor Akan Kena Sanksi",
        ),
        (
            "Wamendagri: ASN Wajib Junjung Tinggi Integritas",
            "Wamendagri: ASN Wajib Junjung Tinggi Integritas",
        ),
        ("Liga 1: Persebaya - Arema Imbang", "Liga 1: Persebaya - Arema Imbang"),
    ],
)
def test_the_headline_of_an_html_title_leaves_the_site_name_out(line, headline):
    from search.ingest.extract.boilerplate import headline_of

    assert headline_of(line) == headline


@pytest.mark.parametrize(
    ("line", "is_date_line"),
    [
        ("Kompas.com - 12/09/2019, 10:15 WIB", True),
        ("Selasa 10 Sep 2019, 14:20 WIB", True),
        ("12 Sep 2019 | 10:15", True),
        ("Diperbarui 12 September 2019, 11:00 WIB", True),
        ("Ramdani Bur, Jurnalis · Jumat 13 September 2019 12:05 WIB", True),
        ("Reporter : Yan Muhardiansyah | Senin, 14 Oktober 2019 21:04", True),
        ("Agustus 28, 2019", True),
        # A sentence that ends in a date is the story's.
        ("Senin (16/9/2019).", False),
        ("Kamis 19 September 2019.", False),
        ("Rapat digelar di Jakarta pada 12 September 2019 pukul 10.00", False),
    ],
)
def test_date_lines(line, is_date_line):
    from search.ingest.extract import boilerplate

    assert boilerplate.is_date_line(line) is is_date_line


PUBLISHER_PAGE = """Kompas.com
Home > News > Nasional
Chelsea Islan Pernah Hadapi Masalah Keringat
Berlebih di Ketiak
Kompas.com - 19/09/2019, 15:01 WIB
Penulis Nabilla Tashandra | Editor Wisnubrata
JAKARTA, KOMPAS.com - Udara yang panas membuat kita rentan mengalami masalah keringat berlebih.
Baca juga:
Cara Mudah Atasi Bau Badan Saat Cuaca Panas
Menteri Kesehatan Nila Moeloek Imbau Warga Minum Air Putih
Hal itu diakui aktris Chelsea Islan saat ditemui di Jakarta Selatan, Kamis (19/9/2019).
(nab/wsn)
Berita Terkait
Presiden Joko Widodo Resmikan Tol Baru di Sumatera Selatan
19/09/2019, 14:55 WIB
Copyright 2008 - 2019 PT. Kompas Cyber Media (Kompas Gramedia Digital Group).
"""


def test_a_publisher_page_gives_its_headline_date_source_and_story_only():
    """A wrapped headline after a breadcrumb is whole; the headlines under "Baca juga:" and
    after the initials are not the story, nor are the officials they name."""
    extraction = extract_article(PUBLISHER_PAGE, "kompas")
    article = extraction.article
    assert article.title == "Chelsea Islan Pernah Hadapi Masalah Keringat Berlebih di Ketiak"
    assert (article.date_iso, extraction.date_evidence.rule) == ("2019-09-19", "header dateline")
    assert article.source == "kompas.com"
    assert article.body.split("\n\n") == [
        "JAKARTA, KOMPAS.com - Udara yang panas membuat kita rentan mengalami masalah keringat"
        " berlebih.",
        "Hal itu diakui aktris Chelsea Islan saat ditemui di Jakarta Selatan, Kamis (19/9/2019).",
    ]
    assert article.officials == []


@pytest.mark.parametrize(
    "line",
    [
        "Kirim",
        "Salin Link",
        "Lihat Semua",
        "Muat Lainnya",
        "Berikutnya",
        "(Baca: Polisi Periksa Saksi Kebakaran Pasar)",
        "Video Terkait: Detik-detik Kebakaran Pasar Senen",
        "Halaman: 1 2 3",
        "Berikan Rating",
        "Bagaimana perasaanmu setelah membaca artikel ini?",
        "Senang Sedih Marah Terkejut",
        "Daftar Sekarang",
        "• Baca juga: Dua Pelaku Lain Masih Diburu",
        "» Baca Juga: Dua Pelaku Lain Masih Diburu",
        "#polisi #bekasi #pencurian",
        "Jangan lewatkan berita terbaru lainnya, klik di sini",
        "Dengarkan berita ini",
        # a byline's label and name without a colon, maybe after the bar parting it
        "Penulis Stanly Ravel",
        "| Editor Agung Kurniawan",
        "Editor Krisiandi",
        # an Instagram embed's fallback text
        "Lihat postingan ini di Instagram",
        "View this post on Instagram",
        "Sebuah kiriman dibagikan oleh Lucinta Luna (@lucintaluna_) pada 19 Sep 2019 jam 5:12 PDT",
        # a video embed's fallback text: the video's title and the link under it
        "Agnez Mo - Diamonds ft. French Montana [Official Audio]",
        "Raisa - Kali Kedua (Official Music Video)",
        "BLACKPINK - 'Kill This Love' M/V",
        "Tonton di YouTube",
        "Watch on YouTube",
        "Lihat video ini di TikTok",
        # a tweet's embed without the tweet
        "— Joko Widodo (@jokowi) September 12, 2019",
        "— Joko Widodo (@jokowi) 12 September 2019",
        "♬ suara asli - Lucinta Luna",
        "pic.twitter.com/Xy12AbCd",
        # a caption whose credit is named by its label
        "Lee Jong Suk dan Han Hyo Joo di drama W. (credit: mbc)",
        "Suasana pelantikan di Istana Negara. (Kredit: Setpres)",
        # a caption whose credit names another network's site or a social account
        "Tora Sudiro saat ditemui di Jakarta. (Bola.net/Fitri Apriani)",
        "Raisa saat tampil di Jakarta. (Instagram @raisa6690)",
        "Presiden Joko Widodo di Istana Bogor. (Twitter: @jokowi)",
        # a contributor's byline naming the place, without a colon
        "Penulis Kontributor Magetan, Sukoco",
        # a pager's label left alone, a reading counter, a prompt to scroll
        "Halaman:",
        "Dibaca: 4.812 kali",
        "views: 1.234",
        "Dilihat 120 kali",
        "Scroll ke bawah untuk melanjutkan membaca",
        "Scroll down to continue",
        # an embed's fallback text: a post's prompts and counts, its author's handle alone, a
        # video player's own lines
        "Lihat profil ini di Instagram",
        "View more on Instagram",
        "1.234 suka",
        "Baca 52 balasan",
        "Tambahkan komentar...",
        "@lucintaluna_",
        "YouTube video player",
        "Tap to unmute",
        "If playback doesn't begin shortly, try restarting your device.",
        # a caption with its credit after the sentence, or an unnamed source's
        "Presiden Jokowi di Istana Bogor. Foto: Biro Pers Setpres",
        "Suasana rapat di Mapolres Sampang. (Dokumentasi Polres Sampang)",
        "Robi saat diperiksa di Mapolres Sampang. (ist)",
        # a print view's stamp, a story's part marker, a byline as a site writes it
        "Dicetak pada: Jumat, 4 Desember 2026 20:58 WIB",
        "Kembali ke artikel",
        "halaman ke-2",
        "Dimas Andhika Fikri, Jurnalis",
        "Oleh Admin Dunia K-Pop",
        # a newsletter box and a consent box, whatever the site
        "Dapatkan berita Liga 1 terbaru langsung di inbox kamu. Daftar newsletter sekarang.",
        "Masukkan alamat email",
        "Berlangganan",
        "Dengan mendaftar, Anda menyetujui Syarat dan Ketentuan serta Kebijakan Privasi.",
        "Sign up for our weekly newsletter",
        "Liputan6.com meminta izin Anda untuk menggunakan data pribadi Anda untuk tujuan berikut:",
        "Kelola opsi",
        "Izinkan",
        "Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.",
        "We use cookies to give you the best experience on our website.",
        "Got it!",
        # a player's own lines, a channel's brand, a bilingual page's links, a byline with
        # its channel
        "02:14",
        "00:00 / 03:04",
        "Kecepatan 1x",
        "Putar",
        "Watch on YouTube",
        "Lihat Galeri",
        "KOMPAS.TV",
        "detikFoto",
        "Read in English",
        "Artikel ini tersedia dalam bahasa Inggris",
        "Rifqi Ardita Widianto - Sport",
        # a blog's byline in lower case, a survey prompt, a help notice under a story
        "oleh Redaksi KPT",
        "Bantu kami menjadi lebih baik dengan mengisi survei singkat berikut ini.",
        "Depresi bukanlah persoalan sepele. Jika Anda merasakan tanda-tanda depresi, segera "
        "hubungi profesional kesehatan jiwa atau layanan konseling terdekat.",
        # a theme's accessibility link, which no headline is
        "Skip to main content",
        "Langsung ke konten utama",
    ],
)
def test_page_tools_and_reader_prompts_are_dropped(line):
    from search.ingest.extract.boilerplate import is_dropped

    assert is_dropped(line)


@pytest.mark.parametrize(
    "line",
    [
        "Tentang Kami",
        "Pedoman Media Siber",
        "Kebijakan Privasi | Syarat dan Ketentuan | Kontak | Karir",
        "Redaksi • Info Iklan • Disclaimer",
        "2019 © detikcom",
        "detikcom ©2019",
        "Hak Cipta Dilindungi Undang-Undang",
        "PT Kompas Cyber Media",
        "Kompas Gramedia Group",
        "Update berita terkini Liputan6 setiap hari, download aplikasinya",
        "Ayo baca berita lainnya di Google News",
        "Kunjungi juga situs kami di www.tribunnews.com",
        "Simak berita lainnya tentang Habibie di Tempo.co",
        "Baca berita terkini lainnya di Okezone.com",
        "Source: Okezone.com",
    ],
)
def test_a_sites_own_links_and_company_start_its_footer(line):
    from search.ingest.extract.boilerplate import is_footer_start

    assert is_footer_start(line)


@pytest.mark.parametrize(
    "line",
    [
        "Presiden meminta menteri melaporkan kinerja setiap pekan.",
        "Redaksi menerima tulisan dari pembaca setiap hari Senin hingga Jumat.",
        "PT Kereta Api Indonesia menambah perjalanan selama libur panjang.",
        "Kirim bantuan ke lokasi banjir secepatnya, kata Bupati.",
        "Penulis buku itu mengaku terinspirasi kisah keluarganya sendiri.",
        "Dengarkan suara hatimu.",
        "Sebuah kiriman dibagikan oleh akun gosip itu memicu perdebatan warganet.",
        "Tonton di YouTube sekarang juga, ajak sang penyanyi kepada penggemarnya.",
        "Video klip Diamonds (Official Audio) sudah ditonton 780 ribu kali di YouTube.",
        "Lagu itu dirilis sebagai audio resmi (bukan video klip) pada Kamis (12/9/2019).",
        "Halaman sekolah itu tergenang air setinggi lutut orang dewasa.",
        "Dibaca 4.812 kali, unggahan itu langsung ramai dikomentari warganet.",
        "Penulis Andrea Hirata, yang lahir di Belitung, meluncurkan novel barunya.",
        "Kontributor Magetan itu meliput kecelakaan di Jalan Raya Mantingan-Ngawi.",
        "Video itu beredar luas di media sosial sejak Senin (2/9/2019).",
        "Scroll ke bawah, warganet menemukan komentar sang ibu.",
        "Pilihan itu jatuh kepada Ridwan Kamil setelah rapat tertutup.",
        "Ia mengunggah foto bersama suaminya. Foto itu disukai 1.234 akun.",
        "1.234 suka dan ratusan komentar membanjiri unggahan itu dalam sejam.",
        "@jokowi menulis ucapan terima kasih kepada para relawan.",
        "Istana menyebut rapat itu tertutup. (Antara)",
        "Baca berita itu di koran, warga langsung mendatangi Tempo.co untuk mengadu.",
        "Oleh karena itu, polisi menangkap pelaku di rumahnya.",
        "Daftar pemain Persija sebagai berikut.",
        "Pabrik itu menggunakan kuki buatan sendiri dan mengekspornya ke Malaysia.",
        "Dengan mendaftar sekarang, warga mendapat bantuan lebih cepat, kata Lurah.",
        "Pertandingan dimulai pukul 19:30 WIB di Stadion Gelora Bung Karno.",
        "Putar balik kendaraan dilarang di ruas tol itu selama arus mudik.",
        "Dalam bahasa Inggris, istilah itu disebut sebagai blackheads.",
        "Diakses pada Senin (14/10), situs tersebut sudah tidak bisa dibuka.",
        "Dicetak pada kertas daur ulang, buku itu dijual Rp50.000.",
        "Isi email itu berisi ancaman.",
        "Situs palsu itu menggunakan cookie untuk mencuri data login korban, kata polisi.",
        "Kami menggunakan cookie pihak ketiga, kata juru bicara Google Indonesia.",
        "Dengan mengklik tautan itu, Anda setuju memberikan akses ke rekening, kata polisi.",
        "Dapatkan informasi cuaca terkini setiap hari melalui aplikasi Info BMKG, kata Dwikorita.",
        "Cek informasi terbaru peringatan dini cuaca di bmkg.go.id.",
        "sscasn.bkn.go.id",
        "Jajak Pendapat",
        "Oleh Karena Itu Pemerintah Menunda",
        "Isi kuesioner itu dibagikan kepada 500 responden.",
        "Ikuti survei warga soal layanan bus, kata Kepala Dinas.",
        "Depresi bukanlah persoalan sepele. Data WHO menunjukkan 300 juta orang mengalaminya.",
    ],
)
def test_story_lines_that_open_like_chrome_stay(line):
    from search.ingest.extract.boilerplate import is_dropped, is_footer_start

    assert not is_dropped(line) and not is_footer_start(line)


RELATED_INSIDE = """Banjir Rendam Ratusan Rumah di Bandung Selatan
Kamis, 19 September 2019 10:15 WIB
BANDUNG - Banjir merendam ratusan rumah di Kecamatan Dayeuhkolot, Kabupaten Bandung, sejak Rabu malam setelah hujan deras mengguyur kawasan itu selama lima jam.
Warga mulai mengungsi ke masjid dan balai desa terdekat karena air terus naik hingga setinggi pinggang orang dewasa.
Berita Terkait
Benarkah Sungai Citarum Kembali Meluap Pekan Ini?
2 jam yang lalu
Awas! Jalan Tol Padaleunyi Tergenang di Kilometer 130
5 jam yang lalu
Petugas BPBD Kabupaten Bandung masih mendata kerugian warga dan menyiapkan dapur umum di tiga titik pengungsian sejak pagi tadi.
Warga Keluhkan Jalan Rusak di Pantura Jelang Mudik Lebaran
Hingga siang ini, air belum juga surut dan listrik di sebagian kawasan masih padam.
(Antara)
Banjir, Bandung, BPBD, Dayeuhkolot
Kompas.com - Jernih Melihat Dunia
Leave a Reply
Kebijakan Privasi | Pedoman Media Siber | Kontak
Karir
"""


@pytest.mark.parametrize(
    "label",
    [
        "Berita Terkait",
        "BERITA TERKAIT +",
        "Artikel Terkait:",
        "artikel terkait »",
        "Baca Juga +",
        "Rekomendasi",
        "TERPOPULER :",
        "Rekomendasi Berita",
        "Terpopuler Hari Ini",
        "Terpopuler Minggu Ini",
        "Berita detikcom Lainnya",
        "ARTIKEL LAINNYA",
        "Pilihan",
        "Paling Populer",
        "Most Viewed",
        "Baca Juga Berita Lainnya:",
    ],
)
def test_related_headlines_inside_a_story_are_chrome_and_the_story_goes_on(label):
    """Whatever the label over the list ("BERITA TERKAIT +", "Artikel Terkait:"), its
    headlines are chrome and the story goes on under them."""
    from search.ingest.extract import extract_article

    page = RELATED_INSIDE.replace("Berita Terkait\n", f"{label}\n")
    body = extract_article(page, "related-inside").article.body
    assert body.startswith("BANDUNG - Banjir merendam")
    assert "Petugas BPBD Kabupaten Bandung" in body
    assert body.endswith("masih padam.")
    for chrome in ("Sungai Citarum", "Tol Padaleunyi", "Jalan Rusak di Pantura", "jam yang lalu"):
        assert chrome not in body


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Kompas.com - Jernih Melihat Dunia", True),
        ("detikcom - Informasi Berita Terkini dan Terbaru Hari Ini", True),
        ("Fimela - Inspiring Women", True),
        # a story's dateline cut at the end of a line
        ("TEMPO.CO, Jakarta - Polisi memastikan tidak akan menjerat", False),
        ("KOMPAS.COM - Pelatih Tim Nasional", False),
        ("Liputan6.com, Jakarta - Harga Cabai Naik", False),
    ],
)
def test_a_publishers_motto_is_chrome_and_a_dateline_is_not(line, chrome):
    from search.ingest.extract.boilerplate.lines import is_tagline

    assert is_tagline(line) is chrome


# A slot set between a story's paragraphs: its label over nothing (the video or infographic
# does not reach the page's text), or over a few items.
SLOT_INSIDE = """Tora Sudiro Rencana Beli Motor Baru, Istri Mengaku Kesal
Jumat, 29 Maret 2019 19:16 WIB
Kapanlagi.com - Tora Sudiro hingga kini menekuni hobi koleksi motor-motor gede meski sibuk bekerja di dunia hiburan.
"Soalnya disuruh beli mobil gue beli motor, jadi bini gue minta beli mobil agak gedean," kata Tora di Jakarta.
Video Pilihan
Bintang film Warkop DKI Reborn itu menilai wajar reaksi Mieke Amalia, istrinya, karena motor itu mahal.
"Gue emang udah ngomong sih tapi salah siapa dia tidur," pungkas Tora.
Tags
Tora Sudiro
"""


@pytest.mark.parametrize(
    ("slot", "kept"),
    [
        ("Video Pilihan", True),
        ("Infografis", True),
        ("INFOGRAFIK", True),
        ("Video Pilihan\nKecelakaan Beruntun di Tol Cipularang\nBanjir Rendam Jakarta Utara", True),
        # at the story's end, a slot label over its list opens the footer
        ("", False),
    ],
)
def test_a_slot_between_paragraphs_is_chrome_and_the_story_goes_on(slot, kept):
    from search.ingest.extract import extract_article

    page = SLOT_INSIDE.replace("Video Pilihan\n", f"{slot}\n" if slot else "")
    if not kept:  # the slot after the story, its videos' titles under it
        page = page.replace(
            "Tags\n", "Video Pilihan\nKecelakaan Beruntun di Tol Cipularang\nTags\n"
        )
    body = extract_article(page, "slot-inside").article.body
    assert body.startswith("Kapanlagi.com - Tora Sudiro")
    assert body.endswith("pungkas Tora.")
    assert "Bintang film Warkop DKI Reborn" in body
    for chrome in ("Video Pilihan", "Infografi", "INFOGRAFIK", "Tol Cipularang", "Banjir Rendam"):
        assert chrome not in body


@pytest.mark.parametrize(
    ("post", "signature", "kept"),
    [
        # a tweet's text over its signature
        (
            'TWICE "Feel Special" Concept Teaser 3 #TWICE #트와이스 #FeelSpecial',
            "— TWICE (@JYPETWICE) September 19, 2019",
            False,
        ),
        (
            "Terima kasih untuk doanya, Indonesia! pic.twitter.com/Xy12AbCd",
            "— Joko Widodo (@jokowi) 12 September 2019",
            False,
        ),
        # an Instagram post's text over its signature
        (
            "Pagi ini kelas zumba bareng @imelwiseso #zumba",
            "Sebuah kiriman dibagikan oleh Putri Marino (@putrimarino) pada 16 Sep 2019 jam 7:05 PDT",
            False,
        ),
        # a TikTok post's caption over its sound line
        (
            "Joget bareng Gisel di Pesbukers #fyp #pesbukers",
            "♬ suara asli - Lucinta Luna",
            False,
        ),
        # the story's paragraph over a signature whose post the page lost stays
        (
            "Unggahan itu langsung ramai dikomentari warganet yang memuji konsep baru grup itu.",
            "— TWICE (@JYPETWICE) September 19, 2019",
            True,
        ),
    ],
)
def test_an_embedded_posts_text_over_its_signature_is_chrome(post, signature, kept):
    from search.ingest.extract import extract_article

    page = (
        "Visual Twice Banjir Pujian Usai Bawakan Konsep Elegan\n"
        "Jumat, 20 Sep 2019\n"
        "Jakarta - Pihak agensi merilis foto teaser konsep ketiga yang super elegan untuk comeback"
        " Twice pada Kamis (19/9).\n"
        f"{post}\n{signature}\n"
        "Para anggota Twice nampak sangat elegan berpose di sebuah ruangan yang mirip dengan"
        " ruangan pesta.\n"
    )
    body = extract_article(page, "embed").article.body
    assert body.startswith("Jakarta - Pihak agensi")
    assert body.endswith("ruangan pesta.")
    assert (post in body) is kept
    assert signature not in body


def test_a_quote_opened_by_a_closing_mark_under_a_related_headline_is_the_story():
    """A closing mark before a capital opens a quote ("”Dalam ..."): the headline over it is
    a related article's, not a sentence the quote goes on."""
    from search.ingest.extract import extract_article

    page = (
        "Sudah Dikafani, Bangkit Lagi, Ternyata Pura-pura Mati Karena Banyak Utang\n"
        "29 Juli 2019\n"
        "POSMETRO MEDAN, Sampang - Kasubbag Humas Polres Sampang Ipda Eko Puji Waluyo menyebut"
        " Robi masih diperiksa secara intensif.\n"
        "BACA JUGA\n"
        "Lagi Pesta Ganja Digrebek Polisi, Pemuda Ini Ngompol di Celana\n"
        "”Dalam penyelidikan kami, peristiwa mati hidup kembali ini tak benar, hanya"
        " pura-pura,” kata Ipda Puji Eko.\n"
    )
    body = extract_article(page, "posmetro").article.body
    assert "Ngompol" not in body
    assert body.endswith("kata Ipda Puji Eko.")


# A story's own list of short lines (winners, steps, categories): by its shape it could be
# a block of page chrome, but a line of the story introduces it and nothing in it is chrome.
STORY_LIST = """Pemkot Bandung Umumkan Pemenang Lomba Kampung Bersih
Senin, 12 Agustus 2019 10:15 WIB
BANDUNG - Pemerintah Kota Bandung mengumumkan pemenang lomba kampung bersih tahun ini di Balai Kota, Senin.
{intro}
{items}
Wali Kota Bandung Oded M Danial berharap lomba ini memacu warga menjaga kebersihan lingkungan.
"Kami ingin kampung-kampung di Bandung bersih dan sehat," kata Oded.
"""


@pytest.mark.parametrize(
    ("intro", "items"),
    [
        (
            "Berikut daftar pemenangnya.",
            [
                "Juara 1 Kelurahan Cigadung",
                "Juara 2 Kelurahan Sukaluyu",
                "Juara 3 Kelurahan Antapani",
            ],
        ),
        (
            "Penilaian dilakukan dalam tiga tahap, yakni:",
            [
                "Tahap Pertama Seleksi Berkas",
                "Tahap Kedua Kunjungan Lapangan",
                "Tahap Ketiga Presentasi",
            ],
        ),
        (
            "Pemenang dibagi dalam beberapa kategori, antara lain:",
            ["Kategori RW Terbersih", "Kategori Bank Sampah Terbaik", "Kategori Taman Terindah"],
        ),
    ],
)
def test_a_list_the_story_introduces_stays_in_the_body(intro, items):
    page = STORY_LIST.format(intro=intro, items="\n".join(items))
    body = extract_article(page, "story-list").article.body
    for item in items:
        assert item in body
    assert body.endswith("kata Oded.")


def test_a_list_a_story_ends_with_stays_in_the_body():
    page = STORY_LIST.format(
        intro="Berikut daftar pemenangnya.",
        items="Juara 1 Kelurahan Cigadung\nJuara 2 Kelurahan Sukaluyu",
    ).split("Wali Kota")[0] + (
        "Wali Kota Bandung Oded M Danial menyerahkan hadiah kepada pemenang. Berikut daftarnya.\n"
        "Kelurahan Cigadung Kecamatan Cibeunying\n"
        "Kelurahan Sukaluyu Kecamatan Cibeunying\n"
        "Kelurahan Antapani Kecamatan Antapani\n"
    )
    body = extract_article(page, "story-list-end").article.body
    assert body.endswith("Kelurahan Antapani Kecamatan Antapani")


def test_an_empty_line_is_no_short_unfinished_line():
    from search.ingest.extract.boilerplate.body import _is_short_unfinished

    assert not _is_short_unfinished("")


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("Paris - Langkah Mohammad Ahsan/Hendra Setiawan di French Open 2019 selesai.", True),
        ("JAKARTA - Presiden Joko Widodo meresmikan jalan tol di Jawa Tengah, Senin.", True),
        ("TEMPO.CO, Jakarta - PT Cimanggis Cibitung Tollways menyebutkan progres 57 persen.", True),
        # a headline with a dash between two places: every word written as a headline's
        ("Proyek Jalan Tol Cimanggis - Cibitung Terhambat Pembebasan Lahan Warga", False),
        ("Laga Persib Bandung - Persija Jakarta Ditunda, Kenapa?", False),
        # a hyphen inside a word after a comma is no dateline's dash
        (
            "Mantap, Perluasan Ganjil-genap di DKI Bikin Warga Pindah Naik MRT - Tribunnews.com",
            False,
        ),
        (
            "JAKARTA, KOMPAS.com-Polisi menangkap dua pelaku pencurian sepeda motor di Cengkareng.",
            True,
        ),
        # a place in capitals is a dateline's, whatever follows it
        ("JAKARTA - Berikut Jadwal Lengkap Timnas Indonesia di Piala AFF 2024 Grup B:", True),
    ],
)
def test_a_dash_after_a_place_opens_a_story_unless_the_words_are_a_headline(line, dateline):
    from search.ingest.extract.boilerplate.lines import opens_with_dateline

    assert opens_with_dateline(line) is dateline


# A print view: the HTML title (a dash inside the headline), the view's links, the headline
# again, a byline at the top, the story, the reporter, the print stamp.
PRINT_VIEW = """Proyek Jalan Tol Cimanggis - Cibitung Terhambat Pembebasan Lahan - Bisnis Tempo.co
TEMPO.CO
Cetak
Kembali ke artikel
Proyek Jalan Tol Cimanggis - Cibitung Terhambat Pembebasan Lahan
Reporter: Hendartyo Hanggi
Kamis, 12 September 2019 08:24 WIB
TEMPO.CO, Jakarta - PT Cimanggis Cibitung Tollways menyebutkan progres pembangunan jalan tol itu telah mencapai 57 persen.
Direktur Utama Thorry Hendrarto mengatakan ruas tol itu sedikit molor lantaran terkendala pembebasan lahan.
Dicetak pada: Jumat, 4 Desember 2026 20:58 WIB
"""

# Menus under the HTML title, then the headline again, the byline, a credit over the photo's
# caption and the story's dateline.
MENUS_OVER_H1 = (
    "Pesawat Rimbun Air Hilang di Papua, Pencarian Diperluas - Tribunnews.com\n"
    + "\n".join(["Home", "Nasional", "Internasional", "Regional", "Bisnis", "Seleb", "Sport"])
    + "\nHome\nRegional\nPesawat Rimbun Air Hilang di Papua, Pencarian Diperluas\n"
    "Kamis, 19 September 2019 12:56 WIB\nPenulis: Wahyu Gilang Putranto\nKompas.com\n"
    "Ilustrasi pesawat Twin Otter milik maskapai Rimbun Air yang hilang kontak di Papua.\n"
    "TRIBUNNEWS.COM - Pesawat milik maskapai Rimbun Air hilang kontak sejak Rabu (18/9/2019) "
    "kemarin saat terbang menuju Kabupaten Puncak.\n"
    "Tim SAR gabungan memperluas wilayah pencarian pesawat itu sejak Kamis pagi.\n"
)


@pytest.mark.parametrize(
    ("page", "title", "first", "last"),
    [
        (
            PRINT_VIEW,
            "Proyek Jalan Tol Cimanggis - Cibitung Terhambat Pembebasan Lahan",
            "PT Cimanggis Cibitung Tollways",
            "terkendala pembebasan lahan.",
        ),
        (
            MENUS_OVER_H1,
            "Pesawat Rimbun Air Hilang di Papua, Pencarian Diperluas",
            "TRIBUNNEWS.COM - Pesawat milik maskapai",
            "sejak Kamis pagi.",
        ),
    ],
)
def test_the_story_starts_at_its_dateline_under_the_headline_written_again(
    page, title, first, last
):
    article = extract_article(page, "page").article
    assert article.title == title
    assert first in article.body.split("\n")[0]
    assert article.body.endswith(last)


# A story with a video player set between two paragraphs (its title, its duration and its
# button, maybe its related videos) and a readers' poll under it.
PLAYER_INSIDE = """Tak Ada Hukuman Buat Marquez-Rossi Usai Cekcok di Kualifikasi
Minggu, 15 Sep 2019 03:25 WIB
Misano - Marc Marquez dan Valentino Rossi tidak mendapat hukuman usai cekcok di sesi kualifikasi MotoGP San Marino.
Keduanya sempat saling menghalangi di lintasan pada putaran kedua sesi kualifikasi kedua.
{player}
Marquez akan memulai balapan pada Minggu malam WIB di posisi lima, sedangkan Rossi di posisi tujuh.
Polling
Menurutmu, siapa yang salah?
Marquez
Rossi
Vote
"""


@pytest.mark.parametrize(
    "player",
    [
        "Video Fimela\nDuel Panas Marquez dan Rossi di Misano\n02:47\nPutar",
        "Duel Panas Marquez dan Rossi di Misano 2019\n4:12\nWatch on YouTube",
        "KOMPAS.TV\nDuel Panas Marquez dan Rossi di Misano\n02:14\nPutar\nVideo Terkait\n"
        "Rossi Kecewa dengan Hasil Kualifikasi\n01:37",
    ],
)
def test_a_player_between_paragraphs_and_a_poll_under_the_story_are_chrome(player):
    body = extract_article(PLAYER_INSIDE.format(player=player), "player").article.body
    assert "sesi kualifikasi kedua." in body
    assert body.endswith("Rossi di posisi tujuh.")
    for chrome in ("Duel Panas", "Putar", "YouTube", "Polling", "Menurutmu", "Rossi Kecewa"):
        assert chrome not in body
