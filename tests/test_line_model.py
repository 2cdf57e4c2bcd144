"""The chrome-line model (search/ingest/extract/boilerplate/line_model.py) reads page chrome
nobody listed as chrome and leaves a story's lines alone; pages in the other views a scraper
meets (cut from the written test pages) keep their headline, date and story. The model file is
checked against the pages it is learned from, and on sets it did not learn from, by `make test`
(`python -m bench.quality.chrome_lines --check`)."""

from __future__ import annotations

import pytest

from search.ingest.extract import extract_article
from search.ingest.extract.boilerplate import Layout, _without_chrome_read
from search.ingest.extract.boilerplate.headline import headline_of
from search.ingest.extract.boilerplate.line_model import reads_as_chrome
from search.ingest.extract.boilerplate.lines import looks_like_title
from tests.corpus import records


@pytest.mark.parametrize(
    "line",
    [
        # menus, buttons and prompts no pattern lists
        "Aktifkan notifikasi untuk mendapatkan kabar terbaru dari kami",
        "Unduh aplikasinya sekarang",
        "Bagikan artikel ini",
        "Tampilkan komentar",
        "Gaya Hidup",
    ],
)
def test_chrome_in_words_nobody_listed(line):
    assert reads_as_chrome(line)


def test_the_corpus_stories_sentences_stay():
    # whole sentences of corpus stories (every 25th record), social media and apps included
    sentences = [
        " ".join(paragraph.split())
        for record in records(every=25)
        for paragraph in (record.get("body") or "").split("\n")
        if len(paragraph.split()) >= 8 and paragraph.rstrip().endswith((".", '."', ".”"))
    ]
    read = [line for line in sentences if reads_as_chrome(line)]
    assert len(sentences) > 5_000
    assert len(read) / len(sentences) < 0.002, read[:10]


def test_a_line_read_as_chrome_leaves_the_story():
    page = "\n".join(
        [
            "Warga Gotong Royong Bersihkan Sungai Cikapundung",
            "Bandung, 12 Agustus 2019",
            "BANDUNG - Ratusan warga bergotong royong membersihkan Sungai Cikapundung pada Senin.",
            "Tampilkan komentar",
            '"Kami ingin sungai ini bersih," kata Ketua RW, Asep.',
        ]
    )
    article = extract_article(page, "gotong-royong").article
    assert "Tampilkan komentar" not in article.body
    assert article.body.endswith("kata Ketua RW, Asep.")


def test_a_line_left_out_is_read_after_the_footer():
    # no date over the story: the copyright's year dates it, not a date in a line left out
    page = "\n".join(
        [
            "Pendaftaran Beasiswa LPDP Tahap Kedua Dibuka",
            "JAKARTA - Lembaga Pengelola Dana Pendidikan membuka pendaftaran beasiswa tahap kedua "
            "bagi lulusan perguruan tinggi di seluruh Indonesia.",
            "Direktur Utama LPDP Rionald Silaban mengatakan kuota tahun ini ditambah.",
            "Pendaftaran online dibuka mulai 1 Oktober 2019",
            "Seleksi substansi akan digelar di 12 kota, katanya.",
            "© 2019 Kompas.com",
        ]
    )
    article = extract_article(page, "lpdp").article
    assert (article.date_iso, article.date_precision) == ("2019", "year")


def _kept(body: list[str]) -> list[str]:
    return _without_chrome_read(Layout(title="Judul", body=list(body))).body


def test_the_story_lines_the_model_alone_never_takes():
    story = "Pemerintah kota menyiapkan layanan baru bagi warga yang ingin mengurus dokumen."
    # a list a story's line introduces, items read as chrome included
    listed = [story, "Berikut daftarnya:", "KTP asli", "Pas foto 3x4", "Surat keterangan sehat"]
    assert _kept([*listed, story]) == [*listed, story]
    # a short line of the story between two paragraphs, not written as a headline
    assert _kept([story, "Kronologi kejadian", story]) == [story, "Kronologi kejadian", story]
    # prose broken where a link was taken out
    assert _kept([story, "Bagikan artikel ini,", story]) == [story, "Bagikan artikel ini,", story]
    # never the whole body
    prompts = ["Unduh aplikasinya sekarang", "Bagikan artikel ini", "Tampilkan komentar"]
    assert _kept(prompts) == prompts
    # a prompt over a list is no story's line
    video = [story, "Saksikan Video Pilihan Berikut Ini:", "Gaya Hidup", story]
    assert _kept(video) == [story, story]


MENUS = ["News", "Entertainment", "Lifestyle", "Travel", "Home", "Lifestyle", "Relationship"]


def test_a_newsletter_box_over_the_menus_is_no_story():
    # gold16zq dev fimela-11: a cookie banner and a newsletter box open over the page; the
    # story starts under the headline written again, and the box's lines stay out of it
    headline = "Tips Menyusun Itinerary untuk Travelling Secara Efektif"
    page = "\n".join(
        [
            f"{headline} - Lifestyle Fimela.com",
            "Kami menggunakan cookie untuk meningkatkan pengalaman Anda di situs ini. Dengan "
            "melanjutkan penelusuran, Anda menyetujui penggunaan cookie sesuai Kebijakan Privasi "
            "kami.",
            "Pengaturan Cookie",
            "Terima Semua",
            "Jangan lewatkan update terbaru dari Fimela",
            "Dapatkan artikel pilihan, tips, dan inspirasi langsung di inbox kamu setiap minggu.",
            "Masukkan alamat email",
            "Berlangganan",
            "Nanti saja",
            "Fimela.com",
            *MENUS,
            headline,
            "Anisha Saktian Putri",
            "17 Sep 2019, 09:00 WIB",
            "Fimela.com, Jakarta Menyusun rencana perjalanan bisa membantu kamu mengunjungi "
            "tempat-tempat tertentu di sebuah daerah.",
            "Meski sudah menyusun bukan hal yang tidak mungkin jika masih banyak waktu yang "
            "terbuang.",
            '"Misalnya kalau ke Prancis biasanya ingin melihat Menara Eiffel," ungkap Kenny.',
            "Tag Terkait",
            "Travelling",
        ]
    )
    article = extract_article(page, "fimela-11").article
    assert article.title == headline
    assert article.body.startswith("Fimela.com, Jakarta Menyusun")
    assert article.body.endswith("ungkap Kenny.")
    assert "Jangan lewatkan" not in article.body and "inbox" not in article.body
    assert (article.date_iso, article.date_precision) == ("2019-09-17", "day")


def test_an_aggregators_caption_with_its_copyright_is_no_headline():
    # gold16zp dev merdeka-07: an MSN copy, the headline twice, then the photo's caption
    headline = "Imam Besar Masjid Istiqlal Harap Ada Pertemuan Tokoh Agama Cegah Konflik Keagamaan"
    page = "\n".join(
        [
            headline,
            "Lewati ke konten utama",
            "msn",
            "Berita",
            "Merdeka.com",
            "Logo Merdeka.com",
            headline,
            "Merdeka.com",
            "17/10/2019",
            "Imam Besar Masjid Istiqlal Nasaruddin Umar. © Disediakan oleh Merdeka.com",
            "Merdeka.com - Imam Besar Masjid Istiqlal Nasaruddin Umar berharap Presiden Joko "
            "Widodo menyelesaikan masalah keagamaan dengan baik dalam pemerintahannya mendatang.",
            '"Jadi perlu ada semacam sistem proteksi secara mendasar," kata Nasaruddin.',
            "(mdk/gil)",
        ]
    )
    assert extract_article(page, "merdeka-07").article.title == headline


def test_a_consent_box_over_the_menus_leaves_the_story_under_the_headline():
    # gold16zr dev wowkeren-06: a consent dialog's lines, then the menus and the headline
    # written again; the story and its date come from under the headline
    headline = "Barbie Kumalasari Gantian Crop Foto Ruben Onsu, Sengaja Balas Dendam?"
    page = "\n".join(
        [
            headline,
            "wowkeren.com meminta izin untuk menggunakan data pribadi Anda untuk:",
            "Menyimpan dan/atau mengakses informasi di perangkat",
            "Pelajari lebih lanjut",
            "Beberapa vendor mungkin memproses data pribadi Anda berdasarkan kepentingan yang "
            "sah, yang dapat Anda tolak dengan mengelola opsi di bawah. Cari link di bagian bawah "
            "halaman ini untuk mengelola atau menarik persetujuan.",
            "Kelola opsi",
            "Izinkan",
            "WowKeren",
            "Berita",
            "Selebriti",
            headline,
            "Kamis, 19 Sep 2019",
            "Hal tersebut pun membuat Barbie kesal dan sempat menyindir Ruben karena seolah tak "
            "menganggapnya.",
            "Para netter pun menuding Barbie sengaja ingin membalaskan dendamnya kepada Ruben.",
            "Follow WowKeren di Google News",
            "© 2004 - 2022 WowKeren.com",
        ]
    )
    article = extract_article(page, "wowkeren-06").article
    assert (article.date_iso, article.date_precision) == ("2019-09-19", "day")
    assert article.body.startswith("Hal tersebut pun membuat Barbie kesal")
    assert "meminta izin" not in article.body


def test_a_web_archives_collection_note_is_no_story():
    # gold16zr dev sindonews-03: the Wayback Machine's collection name and its blurb
    headline = "Baby Tsabina Wujudkan Mimpi Syuting di Korea Selatan"
    page = "\n".join(
        [
            "The Wayback Machine - https://web.archive.org/web/20190918052107/https://lifestyle"
            ".sindonews.com/read/1438037/158/baby-tsabina-wujudkan-mimpi-syuting",
            "Go",
            "3 captures",
            "About this capture",
            "COLLECTED BY",
            "Organization: Internet Archive",
            "These crawls are part of an effort to archive pages as they are created and archive "
            "the pages that they refer to.",
            "Collection: Live Web Proxy Crawls",
            "TIMESTAMPS",
            headline,
            "SINDOnews.com",
            "Home",
            "Lifestyle",
            headline,
            "Thomas Manggalla",
            "Selasa, 10 September 2019 - 00:30 WIB",
            "JAKARTA - Aktris remaja Beby Tsabina akhirnya mewujudkan mimpinya untuk melakukan "
            "syuting di Korea Selatan.",
            '"Jujur aku senang banget mewujudkan mimpi syuting di Korea Selatan," ujar Beby.',
            "(tdy)",
        ]
    )
    article = extract_article(page, "sindonews-03").article
    assert article.title == headline
    assert article.body.startswith("JAKARTA - Aktris remaja")
    assert "crawls" not in article.body


def test_a_blog_titles_tilde_suffix_and_a_headline_opening_with_a_decimal():
    # gold16zs dev posmetro-medan-09: "5,2 Juta ... ~ Posmetro Medan", the blog's motto over
    # the post's date
    headline = "5,2 Juta Penerima Bantuan BPJS Dihapus, Iuran BPJS Bakal Dinaikkan"
    page = "\n".join(
        [
            f"{headline} ~ Posmetro Medan",
            "Buy me a coffee",
            "Posmetro Medan",
            "Kota Medan dan Sumatera Utara Terkini",
            "Home",
            "Medan",
            "Rabu, 31 Juli 2019",
            headline,
            "Diposting oleh Redaksi Posmetro",
            "POSMETRO MEDAN, Jakarta - Mulai Kamis, 1 Agustus 2019 BPJS Kesehatan menonaktifkan "
            "5,2 juta peserta penerima bantuan iuran.",
            "Saat ini jumlah peserta PBI seluruhnya sebanyak 96,8 juta jiwa.",
            "(int/pmg)",
        ]
    )
    assert extract_article(page, "posmetro-medan-09").article.title == headline


def test_a_surname_cut_short_is_the_officials():
    # gold16zs dev sindonews-03: "ujar Kepala Bappenas Bambang Brodjo" after the story names
    # Bambang Brodjonegoro
    page = "\n".join(
        [
            "Kepala Bappenas Sebut Ibu Kota Baru Minim Risiko Kebakaran Hutan",
            "Rabu, 18 September 2019 - 14:39 WIB",
            "JAKARTA - Menteri Perencanaan Pembangunan Nasional/Kepala Bappenas, Bambang "
            "Brodjonegoro menyebutkan ibu kota baru di Kalimantan minim dari risiko kebakaran.",
            '"Paling penting mitigasinya. Kabut asap tergantung arah anginnya," ujar Kepala '
            "Bappenas Bambang Brodjo di Jakarta, Rabu (18/9/2019).",
        ]
    )
    article = extract_article(page, "sindonews-03").article
    assert [o.name for o in article.officials] == ["Bambang Brodjonegoro"]
    assert {q.speaker for q in article.quotes} == {"Bambang Brodjonegoro"}


def test_an_aggregators_section_under_the_headline_is_no_part_of_it():
    # gold16zt dev fimela-11: a Yahoo copy, "Yahoo Gaya Hidup" under the headline that the page
    # writes whole again below
    headline = "Sukses Berakting, Jefan Nathanio Wujudkan Mimpi jadi Penyanyi"
    page = "\n".join(
        [
            headline,
            "Yahoo Gaya Hidup",
            "Beranda",
            "Berita",
            "Fimela.com",
            headline,
            "Fimela.com",
            "15 September 2019 22.00",
            "Fimela.com, Jakarta Jefan Nathanio sukses berakting di layar kaca dan kini mewujudkan "
            "mimpinya menjadi penyanyi.",
            '"Aku memang dari dulu ingin bernyanyi," kata Jefan.',
        ]
    )
    assert extract_article(page, "fimela-11").article.title == headline


def test_a_summary_over_the_byline_and_a_font_size_control_stay_out_of_the_story():
    # gold16zu dev tempo-04: tempo.co's 2024 layout, a summary under the headline, the byline
    # and date, a caption, then "Ukuran Font" and its buttons over the story's dateline
    headline = "Barito Putera Vs Bhayangkara FC, Paul Munster Sudah Intip Lawan"
    page = "\n".join(
        [
            f"{headline} | tempo.co",
            "tempo",
            "Olahraga",
            "Sepak Bola",
            headline,
            "Pelatih Bhayangkara FC Paul Munster ingin timnya menjaga tren permainan yang "
            "meningkat saat bertandang ke markas Barito Putera.",
            "Tim Tempo",
            "17 September 2019 | 16.42 WIB",
            "Bagikan",
            "Ukuran Font",
            "Kecil",
            "Normal",
            "Besar",
            "TEMPO.CO, Jakarta - Bhayangkara FC akan menyambangi Barito Putera dalam lanjutan Liga "
            "1 pekan ke-19 di Stadion Demang Lehman, Martapura, Rabu, 18 September.",
            '"Saya sudah menganalisa lawan," kata Munster.',
            "Artikel Terkait",
            "Persib Bandung Tahan Imbang Semen Padang",
            "18 September 2019",
        ]
    )
    article = extract_article(page, "tempo-04").article
    assert (article.date_iso, article.date_precision) == ("2019-09-17", "day")
    assert article.body.startswith("TEMPO.CO, Jakarta - Bhayangkara FC")
    assert "Kecil" not in article.body.split("\n\n")


def test_a_residents_name_is_no_officials_cut_short():
    page = "\n".join(
        [
            "Banjir Rendam Ratusan Rumah di Gowa",
            "Senin, 16 Desember 2019 10:00 WIB",
            "GOWA - Bupati Gowa Adnan Purichta Ichsan meninjau banjir yang merendam ratusan rumah.",
            'Kepala BPBD Gowa Muhammad Ridwansyah mengatakan, "tanggul akan segera diperbaiki."',
            '"Sudah tiga kali kebanjiran tahun ini," kata Muhammad Ridwan, warga setempat.',
        ]
    )
    speakers = {q.speaker for q in extract_article(page, "gowa").article.quotes}
    assert "Muhammad Ridwan" in speakers


def test_a_lead_over_the_date_line_stays_in_the_story():
    lead = (
        "Harga cabai rawit merah di Pasar Induk Kramat Jati melonjak menjadi Rp 80.000 per "
        "kilogram pada Senin pagi. Kenaikan ini terjadi sejak sepekan terakhir. Para pedagang "
        "mengaku omzet mereka turun drastis."
    )
    page = "\n".join(
        [
            "Harga Cabai Rawit di Pasar Induk Kramat Jati Naik Dua Kali Lipat",
            lead,
            "Senin, 16/09/2019",
            "Kecil",
            "Normal",
            "Besar",
            "JAKARTA - Kepala Dinas Ketahanan Pangan DKI Jakarta Darjamuni mengatakan pihaknya "
            "akan menggelar operasi pasar.",
        ]
    )
    assert extract_article(page, "cabai").article.body.startswith("Harga cabai rawit merah")


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Banjir Rendam Jakarta ~ Posmetro Medan", "Banjir Rendam Jakarta"),
        ("Banjir Rendam Jakarta | Okezone", "Banjir Rendam Jakarta"),
        # the words after a rare separator are a publisher's only when they are its name
        (
            "Polisi Ungkap Fakta Baru Penyerangan Novel Baswedan » Inilah Kronologinya",
            "Polisi Ungkap Fakta Baru Penyerangan Novel Baswedan » Inilah Kronologinya",
        ),
        ("Kampung Pecinan » Tempo Dulu", "Kampung Pecinan » Tempo Dulu"),
    ],
)
def test_a_titles_publisher_suffix(line, headline):
    assert headline_of(line) == headline


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("5,2 Juta Penerima Bantuan BPJS Dihapus", True),
        ("1.000 Warga Ikut Aksi Bersih Pantai", True),
        ("3 Tewas dalam Kecelakaan di Tol Cipali", True),
        ("12.000 views 3 komentar", False),
        ("08.30 WIB Rombongan Presiden Tiba", False),
        ("2,5 jam lalu oleh Admin", False),
    ],
)
def test_a_headline_may_open_with_a_number(line, shaped):
    assert looks_like_title(line) is shaped
