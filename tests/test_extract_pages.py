"""Raw pages in the shapes of Indonesian publishers (tests/data/publisher_pages.toml): the
headline, the publication date, the publisher and the article text, with the page chrome
(breadcrumbs, HTML-title suffixes, bylines, related lists, share prompts, footers) left out."""

from __future__ import annotations

import pytest

from search.ingest.extract import extract_article
from tests.extraction_scores import load_pages, score_pages

PAGES = load_pages()
IDS = [page["name"] for page in PAGES]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_page_title_date_and_source(page):
    article = extract_article(page["text"], page["name"]).article
    assert article.title == page["title"]
    assert (article.date_iso, article.date_precision) == (page["date"], page["precision"])
    assert article.source == page["source"]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_page_body_is_the_article_text_and_nothing_else(page):
    """No byline, related headline, share prompt, tag or footer line is a body paragraph."""
    article = extract_article(page["text"], page["name"]).article
    assert article.body.split("\n\n") == page["body"]


def test_page_scores_reach_the_targets():
    """The scores the extraction benchmark prints, at the targets for pages nobody tuned on."""
    score = score_pages(PAGES)
    assert score["pages"] >= 40
    for field in ("title", "date", "source"):
        assert score[field] >= 0.95, score["misses"]
    assert score["body"] == 1.0, score["misses"]


def test_a_syndicated_copys_notice_ends_the_story():
    # gold16t dev tribunnews-05 and okezone-02: the network copy's notice, then tags
    from search.ingest.extract.boilerplate.lines import is_footer_start

    assert is_footer_start("Berita ini juga tayang di Tribunnews.com")
    assert is_footer_start(
        "Artikel ini merupakan konten dari Okezone. Isi artikel sepenuhnya menjadi tanggung "
        "jawab Okezone."
    )
    assert not is_footer_start("Berita ini menjadi perbincangan warga sejak pagi.")


def test_captions_under_and_over_their_credits():
    # gold16t dev kompas-01 and tribunnews-05: a caption over "© KOMPAS.com/NAME", and a
    # caption under a bare "Istimewa" over the story's dateline
    from search.ingest.extract.boilerplate.captions import drop_captions

    lines = [
        "Gedung Merah Putih KPK di Jalan Kuningan Persada, Jakarta Selatan.",
        "© KOMPAS.com/IHSANUDDIN",
        "JAKARTA, KOMPAS.com - Komisi Pemberantasan Korupsi memiliki kewenangan baru.",
    ]
    assert drop_captions(lines) == lines[2:]
    lines = [
        "Istimewa",
        "Kondisi mobil ambulans yang ringsek usai menabrak truk di Tol Pejagan-Pemalang.",
        "TRIBUNJATENG.COM, SLAWI - Kecelakaan maut terjadi di ruas tol.",
    ]
    assert drop_captions(lines) == lines[2:]
    # a story's last paragraph over its wire's name stays
    lines = ["Teh juga menginduksi penurunan berat badan karena polifenolnya.", "Antara"]
    assert drop_captions(lines)[0] == lines[0]


def test_an_aggregators_name_is_no_part_of_the_headline():
    from search.ingest.extract.boilerplate.headline import headline_of

    assert headline_of("KPK Punya Kewenangan Menerbitkan SP3 - MSN") == (
        "KPK Punya Kewenangan Menerbitkan SP3"
    )
    assert headline_of("Rossi Kecewa di Misano | LINE TODAY") == "Rossi Kecewa di Misano"


def test_a_web_archives_toolbar_gives_no_date_and_no_body():
    # gold16v dev kompas-01: a Wayback snapshot; the captures' span is no date of the story
    from search.ingest.extract.dates import find_date

    header = ["Wayback Machine", "14 captures", "21 Sep 2019 - 21 Jan 2022", "Go"]
    header += ["Kompas.com - 02/09/2019, 12:37 WIB"]
    found = find_date(header, [], [])
    assert found is not None and (found.date.year, found.date.month, found.date.day) == (
        2019,
        9,
        2,
    )
    # an English ordinal day (gold16v dev posmetro-medan-09, a Blogger view)
    found = find_date(["Posted 28th July 2019 by Redaksi Posmetro"], [], [])
    assert found is not None and found.date.day == 28


def test_light_and_aggregator_views_notices_are_chrome():
    from search.ingest.extract.boilerplate.lines import is_dropped

    for line in (
        "The Wayback Machine - https://web.archive.org/web/20190921041522/https://kompas.com/",
        "Halaman web versi ringan",
        "Halaman ini telah dioptimalkan oleh Google untuk ditampilkan lebih cepat.",
        "Lihat halaman asli",
        "Cerita oleh Hasan Kurniawan",
    ):
        assert is_dropped(line), line
    assert not is_dropped("Cerita itu beredar luas di media sosial sejak Senin.")


def test_a_caches_banner_gives_no_title_date_or_source():
    # gold16y dev kompas-01: Google's cached copy; the banner's date is the capture's
    page = "\n".join(
        [
            "Ini adalah cache Google dari https://bola.kompas.com/read/2019/09/15/14300038/rossi. "
            "Ini adalah snapshot halaman yang terlihat pada 21 Sep 2019 02:11:45 GMT.",
            "Versi lengkap",
            "Versi teks saja",
            "MotoGP San Marino, Valentino Rossi Merasa Tertantang - Kompas.com",
            "Kompas.com - 15/09/2019, 14:30 WIB",
            "KOMPAS.com - Valentino Rossi merasa tertantang setelah kualifikasi di Misano yang "
            "berlangsung ketat pada Sabtu sore waktu setempat.",
            "Rossi mengatakan dia punya kecepatan dan ritme balap yang cukup untuk bersaing di "
            "barisan depan pada balapan hari Minggu.",
            "Pebalap Italia itu akan start dari posisi keempat di sirkuit kandangnya.",
        ]
    )
    article = extract_article(page, "cache").article
    assert article.title == "MotoGP San Marino, Valentino Rossi Merasa Tertantang"
    assert (article.date.year, article.date.month, article.date.day) == (2019, 9, 15)
    assert "Versi" not in article.body


def test_an_aggregators_own_lines_are_chrome():
    from search.ingest.extract.boilerplate.lines import is_dropped, is_footer_start

    assert is_dropped("Yahoo Berita")
    assert is_dropped("Cerita berlanjut")
    assert is_footer_start("Baca artikel asli di WowKeren")
    assert is_footer_start("Lebih banyak dari Liputan6.com")
    assert not is_footer_start("Lebih banyak dari separuh warga menolak rencana itu.")


def test_a_blog_themes_share_menu_and_byline_under_the_post_title():
    # gold16zf dev blogger-13: the Blogger "Soho" theme; its name and motto over the date,
    # the post title, "oleh Admin Warta", the share menu before and after the post
    share = ["Dapatkan link", "Facebook", "Twitter", "Pinterest", "Email", "Aplikasi Lainnya"]
    page = "\n".join(
        [
            "Langsung ke konten utama",
            "Warta Terkini Online",
            "Berita nasional dan daerah, dirangkum setiap hari",
            "Beranda",
            "17 September 2019",
            "Wadah Pegawai: Hanya Koruptor yang Akan Tertawa Lihat KPK Jadi Lemah",
            "oleh Admin Warta",
            *share,
            "JAKARTA, KOMPAS.com - Wadah Pegawai KPK menilai KPK seolah dikebiri selepas "
            "kesepakatan antara DPR dan pemerintah.",
            "Ketua Wadah Pegawai KPK Yudi Purnomo menyatakan revisi UU KPK akan melemahkan KPK.",
            "Sumber: kompas.com",
            *share,
            "Posting Komentar",
        ]
    )
    article = extract_article(page, "blog").article
    assert article.title == "Wadah Pegawai: Hanya Koruptor yang Akan Tertawa Lihat KPK Jadi Lemah"
    assert "Dapatkan link" not in article.body and "Aplikasi Lainnya" not in article.body


def test_a_summary_telling_of_a_day_is_no_dateline():
    # gold16zf dev merdeka-07: the summary under the headline names the inauguration's day
    page = "\n".join(
        [
            "Ma'ruf Rahasiakan Kostum untuk Pelantikan: Tunggu Tanggal Mainnya",
            "Wapres terpilih Ma'ruf Amin belum mau membeberkan pakaian yang akan dikenakannya "
            "saat dilantik 20 Oktober 2019.",
            "Reporter : Muhammad Genantan Saputra",
            "Selasa, 15 Oktober 2019 21:35",
            "Merdeka.com - Wakil Presiden terpilih periode 2019-2024 merahasiakan kostum yang "
            "akan ia gunakan nanti saat pelantikan di Gedung MPR RI.",
            "Ia akan dilantik bersama dengan Joko Widodo pada 20 Oktober 2019 mendatang.",
        ]
    )
    date = extract_article(page, "merdeka").article.date
    assert (date.year, date.month, date.day) == (2019, 10, 15)


def test_the_pages_dateline_before_a_sister_papers_byline():
    # gold16zg dev tribunnews-05: a Tribun Jateng reporter's story on tribunnews.com
    page = "\n".join(
        [
            "Muatan di Mobil Pikap Terbakar Saat Kendaraan Melaju",
            "Selasa, 10 September 2019 19:11 WIB",
            "Laporan Wartawan Tribun Jateng, Moch Saifudin",
            "TRIBUNNEWS.COM, DEMAK - Muatan dalam mobil jenis pikap terbakar saat melaju di "
            "Jalan Raya Semarang-Demak.",
            "Pikap membawa rosok untuk dibawa ke Desa Kalianyar, Kecamatan Wonosalam.",
            "Sumber: Tribun Jateng",
        ]
    )
    assert extract_article(page, "tribun").article.source == "tribunnews.com"


def test_the_other_views_own_lines_are_chrome():
    # gold16zh and gold16zi dev: archive and cache notes, a consent box, an aggregator's
    # reading time, a gallery's pager, a help notice, a newsletter box, a publisher's credit
    from search.ingest.extract.boilerplate.lines import is_dropped, is_footer_start

    for line in (
        "About this capture",
        "COLLECTED BY",
        "Organization: Archive Team",
        "TIMESTAMPS",
        "AUG",
        "Halaman terkini mungkin telah berubah sejak saat itu. Pelajari lebih lanjut.",
        "Tip: Untuk menemukan istilah penelusuran Anda di halaman ini dengan cepat, tekan Ctrl+F.",
        "Versi hanya teks",
        "Pelajari lebih lanjut",
        "Data pribadi Anda akan diproses dan informasi dari perangkat Anda dapat disimpan.",
        "10 September 2019 · Bacaan 2 menit",
        "Foto 1 dari 4",
        "Lihat Semua Foto (4)",
        "Baca Beritanya",
        "Bunuh diri bukan jalan keluar. Jika Anda membutuhkan bantuan, hubungi layanan 119.",
        "Daftarkan email kamu dan dapatkan artikel pilihan setiap minggu.",
    ):
        assert is_dropped(line), line
    assert is_footer_start("(tribun-medan/pmg)")  # the editor's initials close the story
    for line in ("Go to the market.", "Agustus lalu ia pindah ke Medan.", "Foto itu viral."):
        assert not is_dropped(line), line


def test_a_headline_written_whole_above_takes_no_byline_under_it():
    # gold16zh dev kompas-01 (an MSN copy): the HTML title, then the headline over its author
    page = "\n".join(
        [
            "Ikuti Diksar Menwa, Mahasiswa UIN Palembang Ditemukan Tewas",
            "MSN",
            "Kompas.com",
            "05/09/2019",
            "Ikuti Diksar Menwa, Mahasiswa UIN Palembang Ditemukan Tewas",
            "Aji YK Putra",
            "Suka",
            "Komentar",
            "PALEMBANG, KOMPAS.com - Seorang mahasiswa UIN Raden Fatah Palembang ditemukan tewas "
            "setelah mengikuti pendidikan dasar resimen mahasiswa.",
            "Kapolsek setempat membenarkan kejadian tersebut kepada wartawan, Kamis pagi.",
        ]
    )
    article = extract_article(page, "msn").article
    assert article.title == "Ikuti Diksar Menwa, Mahasiswa UIN Palembang Ditemukan Tewas"


def test_a_byline_broken_before_its_comma_is_no_part_of_the_headline():
    # gold16zz dev okezone-02: "Rahman Asmardika" / ", Jurnalis" under the headline
    page = "\n".join(
        [
            "okezone",
            "News",
            "Video Kepsek India Hancurkan Ponsel Siswa jadi Viral, Ini Reaksi Warganet",
            "Rahman Asmardika",
            ", Jurnalis",
            "Senin 16 September 2019 07:01 WIB",
            "NEW DELHI - Seorang kepala sekolah di Negara Bagian Karnataka, India menimbulkan "
            "perdebatan di media sosial setelah menghancurkan 16 ponsel milik siswa-siswanya.",
            "Video itu menyebar seperti api di media sosial, membuat banyak pengguna marah.",
        ]
    )
    article = extract_article(page, "okezone").article
    assert article.title == (
        "Video Kepsek India Hancurkan Ponsel Siswa jadi Viral, Ini Reaksi Warganet"
    )


@pytest.mark.parametrize("credit", [["dok/ist"], []])
def test_a_caption_opening_with_its_keyword_in_capitals_is_not_the_dateline(credit):
    # gold16zzd dev tribunnews-05: "KEYWORD - caption" over the reporter's line, then the
    # dateline naming the publisher
    page = "\n".join(
        [
            "Bikin Keributan di Hotel Candidasa, Belasan Aparat Diturunkan Atasi Bule Belanda",
            "Selasa, 10 September 2019 18:10 WIB",
            "Editor: Dewi Agustina",
            *credit,
            "PEMBINAAN - Satpol PP Karangasem bersama pegawai puskesmas mendatangi hotel yang "
            "ditempati Sandra, Senin (9/9/2019). Petugas memberi pembinaan.",
            "Laporan Wartawan Tribun Bali, Saiful Rohim",
            "TRIBUNNEWS.COM, AMLAPURA - Seorang Warga Negara Asing (WNA) asal Belanda, Sandra, "
            "membuat keributan di salah satu hotel sekitar Candidasa.",
            "Petugas hotel pun melaporkan ke Public Safety Center (PSC) Karangasem karena "
            "tingkahnya yang meresahkan.",
        ]
    )
    article = extract_article(page, "tribunnews").article
    assert article.body.startswith("TRIBUNNEWS.COM, AMLAPURA - Seorang")
    assert "PEMBINAAN" not in article.body


def test_a_credit_and_its_caption_under_the_date_line_over_a_story_with_no_dateline():
    # gold16zzf, gold16zze and gold16zr dev wowkeren-06: the credit, a caption of one
    # sentence, then the story
    page = "\n".join(
        [
            "Ruben Onsu Banjir Cibiran Usai Abadikan Momen Oppa-Oppa Korea 'Dandan'",
            "Minggu, 29 September 2019",
            "Instagram/ruben_onsu",
            "Ruben Onsu kebanjiran cibiran dari netter usai mengunggah video seorang pria Korea.",
            "Ruben Onsu saat ini tengah mengajak keluarga kecilnya berlibur ke Korea Selatan. "
            "Lewat media sosial miliknya, ia membagikan beberapa potret kebersamaan mereka.",
            "Namun perhatian netter tertuju pada unggahan Instagram Story milik Ruben.",
        ]
    )
    article = extract_article(page, "wowkeren").article
    assert article.body.startswith("Ruben Onsu saat ini tengah")


def test_a_caption_over_a_bare_credit_over_the_dateline():
    # gold16zzf dev tribunnews-05: the caption, "Istimewa", then the dateline
    page = "\n".join(
        [
            "Oppo Rilis Dua Ponsel Baru untuk Generasi Z, Ini Harganya",
            "Kamis, 19 September 2019 17:42 WIB",
            "Editor: Sanusi",
            "Oppo A9 2020 dan Oppo A5 2020 resmi meluncur di Indonesia.",
            "Istimewa",
            "TRIBUNNEWS.COM - Pabrikan smartphone asal Tiongkok kembali merilis perangkat "
            "terbarunya yakni A9 2020 dan A5 2020.",
            "Hal tersebut dikatakan PR Manager OPPO Indonesia, Aryo Meidianto.",
        ]
    )
    article = extract_article(page, "tribunnews").article
    assert article.body.startswith("TRIBUNNEWS.COM - Pabrikan")


def test_a_headlines_hyphen_is_no_dateline_and_a_sites_name_after_it_is_no_headline():
    # gold16zzf dev tempo-04: "Faktor-Faktor" read as a dateline's dash after a comma;
    # gold16zzg dev blogger-11: the blog's name after the headline, written under it too
    from search.ingest.extract.boilerplate.lines import opens_with_dateline

    assert not opens_with_dateline(
        "Anak Akan Masuk Sekolah, Pertimbangkan Faktor-Faktor Penting Ini - Gaya Tempo.co"
    )
    assert opens_with_dateline(
        "JAKARTA, KOMPAS.com-Komisi Pemberantasan Korupsi memiliki kewenangan baru hari ini."
    )
    page = "\n".join(
        [
            "Api di Gunung Merbabu Bakar 3 Km Pipa Sumber Air - Kabar Jateng Terkini",
            "Kabar Jateng Terkini",
            "Berita Jawa Tengah Hari Ini",
            "Beranda",
            "Api di Gunung Merbabu Bakar 3 Km Pipa Sumber Air",
            "Kamis, 19 September 2019",
            "SEMARANG - Kebakaran yang melanda hutan dan lahan di kawasan Gunung Merbabu masih "
            "belum padam.",
            "Kepala BPBD Jateng, Sudaryanto mengatakan, sejumlah warga desa terkena dampak.",
        ]
    )
    assert extract_article(page, "blog").article.title == (
        "Api di Gunung Merbabu Bakar 3 Km Pipa Sumber Air"
    )


def test_a_menus_section_named_like_a_publisher_is_not_the_source():
    # gold16zze dev blogger-12: "Bisnis" in the blog's menu, "Sumber: Kompas.com" under the post
    page = "\n".join(
        [
            "Kabar Ekonomi Terkini: Gara-Gara Pajak dan Retribusi Daerah, Sri Mulyani Disebut Zalim",
            "Kabar Ekonomi Terkini",
            "Beranda",
            "Ekonomi",
            "Bisnis",
            "Kamis, 19 September 2019",
            "Gara-Gara Pajak dan Retribusi Daerah, Sri Mulyani Disebut Zalim",
            "Ada-ada saja cerita Menteri Keuangan Sri Mulyani Indrawati. Kali ini, Sri Mulyani "
            "bercerita disebut zalim karena pajak.",
            "Cerita ini dia bagikan dalam sambutannya di acara orientasi Anggota DPD Terpilih.",
            "Sumber: Kompas.com",
        ]
    )
    assert extract_article(page, "blog").article.source == "kompas.com"


def test_a_lede_under_a_photos_credit_and_a_wire_name_under_the_last_paragraph_stay():
    # a review's cases: a credit with no caption over a lede telling its day; "Antara" under
    # the story's last paragraph, over a related story's dateline
    page = "\n".join(
        [
            "Polisi Tangkap Dua Pencuri Sepeda Motor di Ciputat",
            "Senin, 16 September 2019 10:00 WIB",
            "Istimewa",
            "Polisi menangkap dua pelaku pencurian sepeda motor di kawasan Ciputat, Tangerang "
            "Selatan, Minggu (15/9/2019).",
            "Kedua pelaku ditangkap saat hendak menjual motor curian itu kepada seorang penadah "
            "di sebuah bengkel, kata Kapolsek Ciputat.",
            "Harga buyback emas Antam juga naik Rp 5.000 per gram.",
            "Antara",
            "JAKARTA, KOMPAS.com - Harga minyak dunia kembali naik pada perdagangan hari ini.",
        ]
    )
    body = extract_article(page, "page").article.body
    assert body.startswith("Polisi menangkap dua pelaku")
    assert "Harga buyback emas Antam" in body


def test_a_menu_item_matching_the_end_of_a_headline_stays_in_it():
    # a review's case: "... Persib Bandung - Persija Jakarta" with "Persija Jakarta" in a menu
    page = "\n".join(
        [
            "Prediksi Skor Laga Persib Bandung - Persija Jakarta",
            "Bola",
            "Persib Bandung",
            "Persija Jakarta",
            "Prediksi Skor Laga Persib Bandung - Persija Jakarta",
            "Kamis, 12 September 2019 10:00 WIB",
            "JAKARTA, KOMPAS.com - Laga klasik antara Persib Bandung dan Persija Jakarta akan "
            "digelar pekan depan di Stadion Si Jalak Harupat.",
            "Kedua tim sama-sama membutuhkan kemenangan untuk naik di klasemen sementara.",
        ]
    )
    assert extract_article(page, "page").article.title == (
        "Prediksi Skor Laga Persib Bandung - Persija Jakarta"
    )


def test_a_sites_one_word_logo_wins_over_a_wire_dateline():
    # a review's case: "Tempo" alone in the header, "Jakarta (ANTARA) -" opening the story
    page = "\n".join(
        [
            "Tempo",
            "Jokowi Minta Menteri Percepat Pembangunan Infrastruktur di Papua",
            "Kamis, 12 September 2019 10:00 WIB",
            "Jakarta (ANTARA) - Presiden Joko Widodo meminta para menteri mempercepat "
            "pembangunan infrastruktur di Papua dan Papua Barat tahun depan.",
            "Permintaan itu disampaikan dalam rapat terbatas di Istana Kepresidenan.",
        ]
    )
    assert extract_article(page, "page").article.source == "tempo.co"


def test_a_headline_ending_with_a_date_written_twice_is_the_headline():
    # gold16zzm dev kompas-01: the HTML title and the h1 end with a date, a caption follows
    page = "\n".join(
        [
            "RUU Pertanahan Disahkan 24 September 2019",
            "Kompas.com",
            "Properti",
            "RUU Pertanahan Disahkan 24 September 2019",
            "Kompas.com - 02/09/2019, 15:00 WIB",
            "Ilustrasi sertifikat tanah.",
            "SHUTTERSTOCK",
            "YOGYAKARTA, KOMPAS.com - Pembahasan Rancangan Undang-Undang Pertanahan memasuki "
            "tahap final di DPR.",
            "Menurut dia, pembahasan RUU mengalami percepatan sesuai instruksi Presiden.",
        ]
    )
    article = extract_article(page, "kompas").article
    assert article.title == "RUU Pertanahan Disahkan 24 September 2019"
    assert (article.date.year, article.date.month, article.date.day) == (2019, 9, 2)


def test_a_summary_over_a_byline_and_the_date_line_and_a_date_line_naming_its_channel():
    # gold16zzl dev tempo-04 and gold16zzm dev wowkeren-06
    from search.ingest.extract.boilerplate.lines import is_date_line

    assert is_date_line("Sabtu, 28 September 2019 | Selebriti")
    assert not is_date_line("Prakiraan Cuaca Jakarta Senin 16 September 2019 | Metro")
    page = "\n".join(
        [
            "Dibantai Timnas U-16, Ini Kata Pelatih Kepulauan Mariana Utara",
            "Pelatih Kepulauan Mariana Utara mengapresiasi permainan timnya meski kalah 15-1.",
            "Reporter",
            "Irsyan Hasyim",
            "Editor",
            "Nurdin Saleh",
            "18 September 2019 | 23.01 WIB",
            "TEMPO.CO, Jakarta - Pelatih Tim Nasional Kepulauan Mariana Utara U-16, Michiteru "
            "Mita tetap mengapresiasi permainan timnya.",
            "Timnas Indonesia U-16 menang besar dalam laga kedua kualifikasi itu.",
        ]
    )
    assert extract_article(page, "tempo").article.body.startswith("TEMPO.CO, Jakarta - Pelatih")
    # a lede under the page's date line, over a chronology's own date, stays (a review's case)
    page = "\n".join(
        [
            "Kebakaran Hutan di Lereng Merbabu Terus Meluas",
            "Senin, 16 September 2019 11:05 WIB",
            "Api terus merambat ke arah permukiman penduduk di Boyolali sejak Sabtu malam.",
            "Kronologi",
            "Sabtu, 14 September 2019",
            "Api pertama kali terlihat di petak hutan milik Perhutani pada sore hari oleh warga "
            "yang sedang mencari rumput di lereng gunung.",
        ]
    )
    assert extract_article(page, "page").article.body.startswith("Api terus merambat")


def test_a_help_notice_under_a_story_of_suicide_is_chrome():
    # gold16zzf dev kompas-01
    from search.ingest.extract.boilerplate.lines import is_dropped

    assert is_dropped(
        "Informasi di atas tidak bertujuan menginspirasi siapa pun untuk melakukan tindakan "
        "serupa. Bila Anda merasakan gejala depresi dengan kecenderungan berupa pemikiran untuk "
        "bunuh diri, segera konsultasikan persoalan Anda ke pihak-pihak yang dapat membantu."
    )


def test_a_teaser_over_the_date_line_is_no_part_of_the_story():
    # gold16zi dev merdeka-07: a summary under the headline, then the date and a byline
    page = "\n".join(
        [
            "Survei: Jokowi Hebat di Infrastruktur, Lemah di Kebutuhan Bahan Pokok",
            "Parameter Politik Indonesia menilai publik puas dengan pembangunan infrastruktur.",
            "Kamis, 17 Oktober 2019 21:06",
            "Penulis: Merdeka",
            "Merdeka.com - Lembaga survei Parameter Politik Indonesia merilis survei mengenai "
            "evaluasi kinerja Presiden Joko Widodo selama lima tahun ini.",
            "Mayoritas publik menganggap Presiden hebat dalam kebijakan pembangunan infrastruktur.",
            "© 2024 KapanLagi Youniverse",
        ]
    )
    article = extract_article(page, "merdeka").article
    assert (article.date.year, article.date.month, article.date.day) == (2019, 10, 17)
    assert not article.body.startswith("Parameter Politik")


def test_a_teaser_over_a_byline_listing_its_names_is_no_part_of_the_story():
    # gold16zz dev tempo-04: the summary, then "Reporter" / "Tempo" / "Editor" / a name, each
    # on a line of its own, then the date line
    page = "\n".join(
        [
            "Triawan Munaf: Selamat Garin Nugroho untuk Kucumbu Tubuh Indahku | tempo.co",
            "Hiburan",
            "Triawan Munaf: Selamat Garin Nugroho untuk Kucumbu Tubuh Indahku",
            "Film Kucumbu Tubuh Indahku terpilih mewakili Indonesia untuk kategori "
            "International Feature Film di Oscar 2020.",
            "Reporter",
            "Tempo",
            "Editor",
            "Aisha Shaidra",
            "19 September 2019 | 17.17 WIB",
            "TEMPO.CO, Jakarta - Kepala Badan Ekonomi Kreatif, Triawan Munaf mengapresiasi "
            "film karya sutradara Garin Nugroho sebagai wakil Indonesia di Oscar 2020.",
            "Keputusan itu diambil oleh Komite Seleksi Film Indonesia pada Selasa, "
            "17 September 2019, menggeser dua kandidat lainnya.",
        ]
    )
    article = extract_article(page, "tempo").article
    assert article.body.startswith("TEMPO.CO, Jakarta - Kepala Badan")
    assert "Aisha Shaidra" not in article.body
    assert (article.date.year, article.date.month, article.date.day) == (2019, 9, 19)


def test_more_views_own_lines_are_chrome():
    # gold16zj and gold16zk dev: a print view's origin, an archive.today toolbar, a cache tip
    # in other words, a cookie notice with partners, a newsletter box, a copy's credit
    from search.ingest.extract.boilerplate.lines import is_capture_line, is_dropped

    for line in (
        "Artikel ini dicetak dari Kompas.com",
        "URL: https://otomotif.kompas.com/read/2019/09/05/190100715/itu",
        "Kami dan mitra kami menggunakan cookie untuk menyimpan dan/atau mengakses informasi.",
        "Daftarkan emailmu untuk mendapatkan newsletter Fimela setiap minggu.",
        "Alamat email kamu",
        "Jangan lewatkan cerita terbaru!",
        "Baca Berita Selengkapnya",
        "(Disadur dari: Antara.com Penulis: Wisnu Adhi Nugroho, Editor: AA Ariwibowo)",
    ):
        assert is_dropped(line), line
    for line in ("Screenshot", "download .zip", "Kiat: Untuk menemukan istilah penelusuran Anda"):
        assert is_capture_line(line), line
    assert not is_dropped("Kami menggunakan data itu untuk menyusun anggaran tahun depan.")


def test_a_gallerys_caption_under_its_pager_and_a_cut_headline_are_chrome():
    # gold16zk dev wowkeren-06: "Foto 2 dari 9" over a caption between paragraphs
    page = "\n".join(
        [
            "Super Junior Rilis Teaser Foto Comeback 'Time_Slip', Rambut Kyuhyun Jadi Sorotan",
            "Senin, 23 Sep 2019",
            "Foto 1 dari 9",
            "Teaser comeback Super Junior 'Time_Slip'",
            "Twitter/SJofficial",
            "SM Entertainment telah mengeluarkan teaser pada akun resmi Super Junior jelang "
            "perilisan album pada Oktober mendatang.",
            "Foto 2 dari 9",
            "Kyuhyun dengan rambut pink di teaser 'Time_Slip'",
            "Rambut Kyuhyun yang dicat warna pink sukses membuat para penggemar gagal fokus "
            "pada teaser tersebut.",
            "Topik:",
            "Kyuhyun",
        ]
    )
    body = extract_article(page, "wowkeren").article.body
    assert "rambut pink di teaser" not in body and "gagal fokus" in body


def test_aggregator_links_and_disclaimers_end_or_leave_the_story():
    # gold16zl and gold16zm dev: an MSN copy's link to the publisher, LINE TODAY's disclaimer
    from search.ingest.extract.boilerplate.lines import is_dropped, is_footer_start

    assert is_footer_start("Lanjutkan membaca di Okezone")
    assert is_footer_start("Baca cerita aslinya di Liputan6.com")
    assert is_footer_start("Konten lainnya dari Okezone")
    assert not is_footer_start("Lanjutkan membaca di halaman berikutnya")  # a pager
    assert is_dropped(
        "Artikel ini merupakan kiriman dari Fimela. LINE TODAY tidak bertanggung jawab atas "
        "isi artikel ini."
    )


def test_a_blogs_cookie_notice_caption_and_headline_with_a_date():
    # gold16zl dev blogger-12, gold16zm dev tribunnews-05, gold16zl dev kapanlagi-10
    blog = "\n".join(
        [
            "Lokerpedia: Tips Tampil Lebih Unggul Dibanding Kandidat Pencari Kerja Lain",
            "Situs ini menggunakan cookie dari Google untuk memberikan layanannya dan "
            "menganalisis traffic. Alamat IP dan agen pengguna Anda dibagikan dengan Google.",
            "Lokerpedia",
            "Info lowongan kerja terbaru dan tips karier untuk pencari kerja Indonesia",
            "Beranda",
            "Senin, 16 September 2019",
            "Tips Tampil Lebih Unggul Dibanding Kandidat Pencari Kerja Lain",
            "Sejumlah peluang menanti para profesional muda yang ingin mengukir prestasi di "
            "dunia korporat. Namun persaingannya ketat.",
            "Bagaimana cara membedakan diri dari kandidat lainnya di tengah persaingan itu?",
        ]
    )
    title = extract_article(blog, "blog").article.title
    assert title == "Tips Tampil Lebih Unggul Dibanding Kandidat Pencari Kerja Lain"
    copy = "\n".join(
        [
            "kurio",
            "Lantik Dirjen PDSPKP, Menteri Susi Yakin Agus Suherman Sosok yang Tepat",
            "Tribunnews.com",
            "10 September 2019, 09:59",
            "Menteri Kelautan dan Perikanan Susi Pudjiastuti saat pelantikan di Gedung Mina "
            "Bahari IV, Jakarta. (Humas KKP)",
            "TRIBUNNEWS.COM, JAKARTA - Menteri Kelautan dan Perikanan melantik Agus Suherman "
            "sebagai Dirjen PDSPKP di Jakarta.",
            "Pelantikan ini dilakukan untuk mengisi jabatan yang telah kosong beberapa waktu.",
        ]
    )
    title = extract_article(copy, "kurio").article.title
    assert title == "Lantik Dirjen PDSPKP, Menteri Susi Yakin Agus Suherman Sosok yang Tepat"
    dated = "\n".join(
        [
            "Sinopsis Sinetron 'CINTA BUTA' Episode 74 & 75 Tayang Senin, 8 April 2019 | Kurio",
            "KapanLagi.com",
            "Sinopsis Sinetron 'CINTA BUTA' Episode 74 & 75 Tayang Senin, 8 April 2019",
            "9 April 2019, 18:18",
            "Kapanlagi.com - Sinetron Cinta Buta kembali hadir dengan kisah yang makin seru untuk "
            "disaksikan para pemirsa setia.",
            "Aulia kembali bertemu dengan Gugun di rumah sakit dan keduanya berbicara panjang.",
        ]
    )
    date = extract_article(dated, "kurio").article.date
    assert (date.year, date.month, date.day) == (2019, 4, 9)


def test_consent_and_push_prompts_and_an_alt_text_with_the_sites_name():
    # gold16zn and gold16zo dev: a consent box's and a push prompt's lines, Blogger's cookie
    # notice, a photo's alt text with the site's name under a headline written twice
    from search.ingest.extract.boilerplate.lines import is_dropped

    for line in (
        "Kami menghargai privasi Anda",
        "Tribunnews.com dan mitra kami menggunakan cookie untuk meningkatkan pengalaman Anda.",
        "Kami dan mitra kami menyimpan dan/atau mengakses informasi pada perangkat.",
        "Tribunnews.com ingin mengirimkan notifikasi berita terbaru untuk Anda.",
        "Informasi tentang penggunaan situs ini oleh Anda dibagikan dengan Google.",
        "Dengan menggunakan situs ini, Anda setuju dengan penggunaan cookie.",
        "Tidak, terima kasih",
        "Apa pendapat Anda tentang artikel ini?",
        "These crawls are part of an effort to archive pages as they are created.",
        "Collection: Live Web Proxy Crawls",
    ):
        assert is_dropped(line), line
    page = "\n".join(
        [
            "Buka Akses Global untuk UMKM, Asosiasi Wirausaha Nusantara Dibentuk",
            "Microsoft Start",
            "Buka Akses Global untuk UMKM, Asosiasi Wirausaha Nusantara Dibentuk",
            "Cerita oleh Kompas.com • 5-9-2019",
            "Akses Global UMKM Asosiasi Wirausaha Nusantara - Kompas.com",
            "© Disediakan oleh Kompas.com",
            "JAKARTA, KOMPAS.com - Asosiasi Wirausaha Nusantara dan International Digital Economy "
            "Association resmi dibentuk untuk membuka akses global bagi UMKM.",
            "Kedua asosiasi ini dibentuk pada ajang BaliDex 2019 yang berlangsung di Denpasar.",
        ]
    )
    title = extract_article(page, "msn").article.title
    assert title == "Buka Akses Global untuk UMKM, Asosiasi Wirausaha Nusantara Dibentuk"


@pytest.mark.parametrize(
    "line",
    [
        # story sentences close to the chrome patterns above stay in the story
        "Presiden ingin mengirimkan notifikasi kepada seluruh kepala daerah soal bencana.",
        "Kami memproses data penerima subsidi secara bertahap di setiap kecamatan.",
        "Kami menghargai privasi anda sebagai nasabah, ujar Direktur BCA.",
        "Bunuh diri bukan solusi, kata Kapolres, yang meminta warga menghubungi layanan 119.",
        "Tokopedia.com menggunakan cookie untuk melacak pengguna tanpa izin, menurut Kominfo.",
        "Dikutip dari: laman resmi Kemenkes, jumlah kasus naik 20 persen.",
        "Daftarkan email Anda di laman KPU sebelum 10 Oktober.",
        "Apa pendapat Anda tentang artikel ini, tanya moderator kepada menteri.",
        "These crawls of the archive were part of the evidence, kata jaksa.",
    ],
)
def test_story_sentences_near_the_chrome_patterns_stay(line):
    from search.ingest.extract.boilerplate.lines import is_dropped, is_footer_start

    assert not is_dropped(line) and not is_footer_start(line)


def test_a_one_sentence_line_over_the_date_line_is_read_as_the_headlines_summary():
    # the summary rule moves a line over the date only when the dateline's paragraph follows;
    # the learnt line model reads such a line as the headline's summary anyway (publishers'
    # subtitles over their date lines, gold16zz dev tempo-04), and the story under the date
    # stays whole
    page = "\n".join(
        [
            "Kecelakaan Tol Cipularang Tewaskan Tiga Orang",
            "Tiga orang tewas dalam kecelakaan beruntun di Tol Cipularang pada Senin pagi.",
            "Senin, 2 September 2019 08:00 WIB",
            "Polisi masih menyelidiki penyebab kecelakaan yang melibatkan lima kendaraan itu.",
            "Korban luka dibawa ke rumah sakit terdekat di Purwakarta untuk dirawat.",
        ]
    )
    article = extract_article(page, "x").article
    assert article.title == "Kecelakaan Tol Cipularang Tewaskan Tiga Orang"
    assert article.body.startswith("Polisi masih menyelidiki")
    assert article.body.endswith("untuk dirawat.")


def test_a_subhead_naming_more_stories_ends_no_story():
    from search.ingest.extract.boilerplate.lines import is_footer_start

    assert not is_footer_start("Cerita Lainnya dari Papua")
    assert is_footer_start("Konten lainnya dari Okezone")


def test_a_footer_link_ending_a_blogs_menu_is_no_label_over_the_headline():
    # gold16zzq dev blogger-11: "Tentang Kami" ends the navigation bar, the headline follows
    page = "\n".join(
        [
            "Kabar Ibukota",
            "Portal berita Jakarta dan sekitarnya",
            "Beranda",
            "Metro",
            "Politik",
            "Tentang Kami",
            "Anies Baswedan Tak Masalahkan Anggota DPRD Gadaikan SK ke Bank DKI",
            "Kamis, 19 September 2019",
            "Posted by Redaksi Kabar Ibukota",
            "JAKARTA - Gubernur DKI Jakarta Anies Baswedan tak mempermasalahkan ada anggota DPRD "
            "menggadaikan surat keputusan penetapan ke Bank DKI.",
            "Anies mengaku baru mengetahui hal itu dari wartawan di Balai Kota.",
        ]
    )
    assert extract_article(page, "page").article.title == (
        "Anies Baswedan Tak Masalahkan Anggota DPRD Gadaikan SK ke Bank DKI"
    )


def test_a_headline_with_numbers_is_no_date_line():
    # gold16zzs dev tempo-04: "... 123 Pemberi Beasiswa Rp 177 Miliar" names no month
    page = "\n".join(
        [
            "UI Beri Penghargaan 123 Pemberi Beasiswa Rp 177 Miliar - Tekno Tempo.co",
            "TEMPO.CO",
            "Tekno",
            "UI Beri Penghargaan 123 Pemberi Beasiswa Rp 177 Miliar",
            "Sabtu, 14 September 2019 06:46 WIB",
            "TEMPO.CO, Jakarta - Universitas Indonesia memberikan penghargaan kepada 123 mitra "
            "pemberi beasiswa di Balai Sidang UI.",
            "Nilai bantuan yang UI sediakan tahun 2018/2019 mencapai Rp 50.155.550.000 per tahun.",
        ]
    )
    assert extract_article(page, "page").article.title == (
        "UI Beri Penghargaan 123 Pemberi Beasiswa Rp 177 Miliar"
    )


def test_the_date_line_under_the_headline_wins_over_the_sites_date_of_the_day():
    # gold16zzt dev okezone-02: a site's header shows the day the page was saved
    page = "\n".join(
        [
            "Okezone",
            "Sabtu, 5 Desember 2026",
            "Home",
            "News",
            "Celebrity",
            "Ketularan Nugie, Aryo Wahab Gemar Bersepeda ke Lokasi Manggung",
            "Rizka Diputra, Jurnalis · Rabu 18 September 2019 04:03 WIB",
            "JAKARTA - Aryo Wahab mengaku bahwa olahraga kegemarannya adalah bersepeda ke mana "
            "pun ia pergi manggung bersama grupnya.",
            "Ia ketularan hobi itu dari Nugie, sahabatnya sejak lama di dunia musik.",
        ]
    )
    assert extract_article(page, "page").article.date_iso == "2019-09-18"


@pytest.mark.parametrize(
    ("lines", "title", "date"),
    [
        # a date line with a byline over the headline (a second review's case)
        (
            ["Home", "Semarang", "Minggu, 22 September 2019 | Redaksi Suara Merdeka"],
            "Jalan Pemuda Ditutup Selama Festival Budaya",
            "2019-09-22",
        ),
        # a headline in sentence case holding two numbers is no date line
        (["ANTARA News", "Terkini"], "Jokowi resmikan 12 ruas tol senilai Rp 20 triliun", None),
    ],
)
def test_a_date_line_names_a_month_or_a_numeric_date(lines, title, date):
    page = "\n".join(
        [
            *lines,
            title,
            *([] if date else ["Kamis, 12 September 2019 15:20 WIB"]),
            "SEMARANG - Pemerintah menutup jalan itu selama festival budaya yang digelar tiga "
            "hari mulai Minggu pagi.",
            "Penutupan dilakukan untuk memberi ruang bagi para pengunjung festival.",
        ]
    )
    article = extract_article(page, "page").article
    assert article.title == title
    assert article.date_iso == (date or "2019-09-12")


def test_a_schedules_date_under_the_headline_does_not_date_the_page():
    page = "\n".join(
        [
            "Jumat, 20 September 2019 19:00 WIB",
            "Persib Tahan Imbang Persija di Bandung",
            "Jadwal Liga 1 Sabtu 21 September 2019",
            "BANDUNG, KOMPAS.com - Persib Bandung menahan imbang Persija Jakarta dalam laga "
            "lanjutan Liga 1 pada Jumat malam.",
            "Kedua tim bermain tanpa gol hingga akhir laga di Stadion Si Jalak Harupat.",
        ]
    )
    assert extract_article(page, "page").article.date_iso == "2019-09-20"


def test_a_paragraph_after_a_related_label_ending_a_run_of_short_lines_stays():
    # a review's page: the run (an ad's label, "Baca Juga", a headline) is passed over; the
    # story's sentence under it, in sentence case, is no headline of the list
    page = "\n".join(
        [
            "Jadwal Liga 1 2019 Pekan Ke-18, Persija Tantang Persib",
            "Kompas.com - 12/09/2019, 10:00 WIB",
            "JAKARTA, KOMPAS.com - Kompetisi Liga 1 2019 memasuki pekan ke-18 dengan sejumlah "
            "laga menarik yang akan digelar di berbagai kota.",
            "ADVERTISEMENT",
            "Baca Juga",
            "Persija Kalah Lagi di Kandang Sendiri",
            "Berikut ini jadwal lengkap pertandingan Liga 1 2019 pekan ke-18 yang digelar mulai "
            "hari ini:",
            "Jumat, 13 September 2019 pukul 15.30 WIB, PSS Sleman melawan Persib Bandung di "
            "Stadion Maguwoharjo.",
            "Laga antara Persija dan Bali United diperkirakan berlangsung ketat karena kedua tim "
            "sama-sama membutuhkan poin.",
        ]
    )
    body = extract_article(page, "page").article.body
    assert "Berikut ini jadwal lengkap" in body
    assert "Persija Kalah Lagi" not in body


def test_an_html_title_whose_headline_reads_like_a_dateline_is_no_story():
    # gold16zzzw dev kapanlagi-08: "Mulai Go Public, Jennifer Dunn - ..." looks like "JAKARTA,
    # KOMPAS.com - ..." but ends with the publisher an HTML title adds
    from search.ingest.extract.boilerplate.headline import find_title

    headline = "Mulai Go Public, Jennifer Dunn - Faisal Haris: Masha Allah Bahagia Luar Biasa"
    lines = [
        f"{headline} - KapanLagi.com",
        "KapanLagi.com",
        "Menu",
        "Showbiz",
        "Selebriti",
        headline,
        "Penulis: Adinda Tri Wardhani",
        "Diterbitkan: Sabtu, 30 Maret 2019 11:31",
        "Kapanlagi.com - Sosok pasangan ini menjadi salah satu tamu di pernikahan itu.",
    ]
    assert find_title(lines)[2] == headline


def test_a_blogs_name_opening_its_html_title_is_not_the_headline():
    # gold16zzzx dev blogger-10: "Blog Name: Headline", the name and the headline each alone
    from search.ingest.extract.boilerplate.headline import find_title

    headline = "Mayat Bayi di Suradita, Polisi Buru Pelaku yang Bantu Ibu Aborsi"
    lines = [
        f"Warta Tangerang Raya: {headline}",
        "Langsung ke konten utama",
        "Warta Tangerang Raya",
        "Kabar harian seputar Tangerang, Tangerang Selatan dan sekitarnya",
        "Beranda",
        "Kriminal",
        headline,
        "Dapatkan link",
        "TANGERANG - Polisi masih memburu pelaku yang membantu aborsi itu, kata Kapolsek.",
    ]
    assert find_title(lines)[2] == headline


@pytest.mark.parametrize(
    "caption",
    [
        # gold16zzzm and gold16zzzj dev tempo-04, gold16zzzq dev kapanlagi-08
        "Petenis Indonesia David Agung Susanto. ANTARA",
        "Lego Technic Land Rover Defender. Lego.com",
        "Barbie Kumalasari © YouTube/Boy William",
    ],
)
def test_a_photos_caption_with_its_credit_is_no_headline(caption):
    from search.ingest.extract.boilerplate.headline import _is_title_candidate

    assert not _is_title_candidate(caption)
    assert _is_title_candidate("Petenis Indonesia David Agung Susanto Absen dari Turnamen ATP")


def test_a_blog_post_s_headline_over_its_byline_and_date_is_the_title_not_the_blog_s_name():
    # gold16zzzzv dev blogger-08: the blog's name, its menu, then the post's headline over a
    # byline of two words and the date line
    page = "\n".join(
        [
            "Kabar Viral Hari Ini",
            "Menu",
            "Beranda",
            "Kesehatan",
            "Viral Ciuman Erotis Camila Cabello-Shawn Mendes, Ini Bahayanya jika Meniru!",
            "Redaksi KVH",
            "Jumat, 13 September 2019",
            "Video itu disebarkan Shawn Mendes di Instagram pribadinya. Tidak ada caption apa "
            "pun di badan video ini.",
            "Video ini pun sekarang viral di media sosial dan disaksikan jutaan warganet.",
        ]
    )
    assert extract_article(page, "blog").article.title == (
        "Viral Ciuman Erotis Camila Cabello-Shawn Mendes, Ini Bahayanya jika Meniru!"
    )


def test_a_caption_and_the_headline_s_summary_over_the_publisher_s_dateline_are_no_story():
    # gold16zzzzt dev tribunnews-05: date line, byline, photo credit, caption, "Ringkasan
    # Berita:" and its points, then "TRIBUNNEWS.COM - " opening the story
    page = "\n".join(
        [
            "Menilik Cara Nia Ramadhani Didik Anak - Tribunnews.com",
            "Home",
            "Seleb",
            "Menilik Cara Nia Ramadhani Didik Anak",
            "Selasa, 10 September 2019 13:25 WIB",
            "Penulis: Nanda Lusiana Saputri",
            "Instagram @ramadhaniabakrie",
            "Nia Ramadhani bersama kedua anaknya, Mikhayla dan Mainaka.",
            "Ringkasan Berita:",
            "Nia Ramadhani tak pernah melupakan kodratnya sebagai ibu meski hidup mewah.",
            "Nia mengaku pernah memarahi hingga memukul anak.",
            "TRIBUNNEWS.COM - Nia Ramadhani dikenal sebagai artis yang hidup layaknya sosialita.",
            "Sejak dinikahi kehidupan Nia seolah berubah drastis.",
        ]
    )
    body = extract_article(page, "page").article.body
    assert body.startswith("TRIBUNNEWS.COM - Nia Ramadhani dikenal")


def _story_page(*inner: str, closing: str = "") -> str:
    """A liputan6-shaped page: its chrome, a story of three paragraphs with `inner` lines set
    after its second, and `closing` under its last."""
    return "\n".join(
        [
            "Fanny Ghassani Ungkap Sikap Suami soal Foto Bikininya - ShowBiz Liputan6.com",
            "Liputan6.com",
            "ShowBiz",
            "Fanny Ghassani Ungkap Sikap Suami soal Foto Bikininya",
            "04 Sep 2019, 19:30 WIB",
            "Liputan6.com, Jakarta - Fanny Ghassani mengaku bahwa sang suami bukanlah tipe pria "
            "yang terlalu mengatur istrinya.",
            "Ia pun menjelaskan alasannya tak mengunggah foto itu ke media sosial miliknya.",
            *inner,
            "Fanny Ghassani resmi menjadi istri Erwan setelah keduanya melakukan ijab kabul di "
            "Jakarta Selatan pada 20 Mei 2017 silam.",
            *([closing] if closing else []),
            "Simak Video Pilihan Berikut Ini:",
            "Advertisement",
            "Tag Terkait",
        ]
    )


def _body_lines(page: str) -> list[str]:
    return extract_article(page, "page").article.body.split("\n\n")


@pytest.mark.parametrize(
    "subheading",
    [
        "Menikah di Jakarta",
        "Pro Kontra",
        "[PENJELASAN]",
        "Ulang Tahun ke-70 SBY",
        "Serahkan kepada Allah",  # "kepada" written small, as a headline writes it
    ],
)
def test_a_subheading_inside_the_story_is_left_out(subheading):
    # gold16q dev liputan6-08, gold16zzzzzb dev blogger-08, gold16zzza dev liputan6-07: the
    # corpus's stories hold none
    body = _body_lines(_story_page(subheading))
    assert subheading not in body
    assert len(body) == 3


@pytest.mark.parametrize(
    ("line", "after"),
    [
        # a role cut from its holder's name where a link was lost, an office or not
        ("Kepala Basarnas", "Muhammad Arafah mengatakan, alat ini adalah yang pertama."),
        ("Juru Bicara KPK", "Febri Diansyah mengatakan, KPK akan memeriksa saksi itu."),
        ("Namun, Pelatih Persib", "Robert Alberts menilai timnya bermain baik malam itu."),
        # a sentence's opening words
        ("Melalui Instagram", None),
        # a line ending a sentence
        ("Keduanya Menikah.", None),
    ],
)
def test_a_short_story_line_that_is_no_subheading_stays(line, after):
    page = _story_page(line)
    if after:
        page = page.replace(
            "Fanny Ghassani resmi menjadi istri Erwan setelah keduanya melakukan ijab kabul di "
            "Jakarta Selatan pada 20 Mei 2017 silam.",
            after,
        )
    assert line in _body_lines(page)


def test_a_subheading_over_a_paragraph_naming_an_official_is_left_out():
    # the official's role opens the next line, not the subheading
    page = _story_page("Menikah di Jakarta").replace(
        "Fanny Ghassani resmi menjadi istri Erwan",
        "Gubernur DKI Jakarta Anies Baswedan hadir saat Fanny Ghassani resmi menjadi istri Erwan",
    )
    assert "Menikah di Jakarta" not in _body_lines(page)


@pytest.mark.parametrize(
    "closing", ["(Rivan Yuristiawan)", "AMINUDDIN A.S.", "D.N. AIDIT", "Kontributor: Rizky Pratama"]
)
def test_a_name_closing_the_story_is_its_byline(closing):
    # gold16zzzd dev liputan6-07, gold16zzzzza dev tempo-04
    body = _body_lines(_story_page(closing=closing))
    assert closing not in body
    assert body[-1].endswith("20 Mei 2017 silam.")


@pytest.mark.parametrize("closing", ["RASANYA BARU KEMARIN..", "MOHON MAAF LAHIR BATIN."])
def test_a_story_line_in_capitals_at_its_end_stays(closing):
    body = _body_lines(_story_page(closing=closing))
    assert body[-1] == closing


def test_a_headline_under_baca_juga_over_a_line_opening_in_small_letters():
    # gold16zzzz dev kapanlagi-08: the story's next line lost its opening name with its link
    page = _story_page(
        "Baca Juga",
        "Sudah Siapkan Kain Kafan, Dorce Gamalama Ngaku Tak Mau Pikirkan Duniawi",
        "baru saja melakukan pengajian empat bulan untuk janin yang dikandungnya.",
    )
    body = _body_lines(page)
    assert not any("Kain Kafan" in line for line in body)
    assert "baru saja melakukan pengajian empat bulan untuk janin yang dikandungnya." in body


def test_the_last_headline_of_a_related_list_inside_the_page():
    # gold16zzq dev posmetro-medan-08: a list under "Berita Terkait" after the share buttons;
    # its last headline, with nothing but dropped lines under it, is the list's too
    page = "\n".join(
        [
            "MUI Sumut Buka Suara soal Bolu Meranti ~ Posmetro Medan",
            "Posmetro Medan",
            "MUI Sumut Buka Suara soal Bolu Meranti",
            "Rabu, 17 Juli 2019",
            "POSMETRO MEDAN, Medan - Majelis Ulama Indonesia (MUI) Sumut mengaku produk itu "
            "belum memenuhi syarat standar jaminan halal.",
            '"Hal-hal itu sangat teknis dan harus dilengkapi," katanya.',
            "Bagikan ke Facebook",
            "Label:",
            "Berita Utama",
            "Berita Terkait",
            'PPDB Online dan Manual Ribet, Emak-emak : Naik Darah Awak Bang!"',
            "Kristina Gultom Dibantai Suami Tetangganya, Kronologinya Sadis Kali!!!",
            "Sering Lihat Istri Tetangga Nyusui Anak, Jomblo Tua Gak Tahan, Kepingin Mimik "
            "Cucu Mama Muda Juga",
            "Posting Lebih Baru",
            "Posting Lama",
            "Beranda",
        ]
    )
    body = _body_lines(page)
    assert body[-1] == '"Hal-hal itu sangat teknis dan harus dilengkapi," katanya.'
    assert len(body) == 2


@pytest.mark.parametrize(
    "notice",
    [
        "Konten di bawah ini disajikan oleh Advertiser. Jurnalis Okezone tidak terlibat dalam "
        "materi konten ini.",
        "Temukan inspirasi perempuan hebat di sekitarmu bersama Fimela.",
        "Bunuh diri bukan jawaban apalagi solusi dari semua permasalahan hidup yang seringkali "
        "menghimpit. Bila Anda sedang mengalami masa sulit, sangat disarankan menghubungi dokter "
        "kesehatan jiwa di fasilitas kesehatan terdekat.",
    ],
)
def test_an_advertisers_a_campaigns_and_a_help_notice_are_chrome(notice):
    # gold16zzzze dev okezone-02, gold16zzzf dev fimela-09, gold16zzzi dev liputan6-07
    from search.ingest.extract.boilerplate.lines import is_dropped

    assert is_dropped(notice)


def test_a_caption_under_a_labelled_credit_over_the_story():
    # gold16zzzx dev wowkeren-06 (under "Foto: Instagram", below the byline): the caption is
    # no part of the story
    caption = "BTS resmi membuka akun TikTok dan mengunggah dua video perdana."
    photo = ["Foto: Twitter", caption]
    page = "\n".join(
        [
            "BTS Resmi Buka Akun TikTok, Langsung Unggah Dua Video",
            "Rabu, 25 September 2019",
            "Penulis: Ferdian",
            *photo,
            "Hari ini, Rabu (25/9), para member BTS mengumumkan kalau mereka punya akun TikTok "
            "baru. Hal tersebut diumumkan lewat akun Twitter resmi mereka.",
            "Dalam video perdananya, para member BTS tampak menari bersama di ruang latihan.",
            "Copyright © 2019 WowKeren.com",
        ]
    )
    body = _body_lines(page)
    assert caption not in body
    assert body[0].startswith("Hari ini, Rabu (25/9)")


def test_a_lists_numbered_items_with_paragraphs_between_stay():
    # a list a story's line opens: its numbered items are the story's, whatever lies between
    page = "\n".join(
        [
            "Lima Tips Menjaga Kesehatan Saat Musim Hujan - Kompas.com",
            "Kompas.com - 12/09/2019, 10:00 WIB",
            "JAKARTA, KOMPAS.com - Musim hujan membuat banyak orang mudah jatuh sakit karena "
            "daya tahan tubuh menurun.",
            "Berikut lima tips menjaga kesehatan saat musim hujan menurut dokter:",
            "1. Minum Air Putih",
            "Minumlah air putih setidaknya delapan gelas sehari agar tubuh tidak kekurangan "
            "cairan.",
            "2. Olahraga Teratur",
            "Olahraga ringan selama tiga puluh menit setiap hari membantu menjaga daya tahan "
            "tubuh.",
            "3. Tidur Cukup",
            "Tidur tujuh sampai delapan jam setiap malam membuat tubuh lebih segar.",
            "Penulis: Budi",
        ]
    )
    body = _body_lines(page)
    assert {"1. Minum Air Putih", "2. Olahraga Teratur", "3. Tidur Cukup"} <= set(body)


def test_a_numbered_headline_under_a_roundup_of_news_is_left_out():
    # gold16zzzzg dev tribunnews-05: "Berikut rangkuman ..." sums up other articles, each
    # under its headline; a list a story's line opens keeps its items (the test above)
    page = "\n".join(
        [
            "BERITA POPULER - Polisi: Nikita Mirzani Bukan Informan - Tribunnews.com",
            "Selasa, 10 September 2019 06:05 WIB",
            "TRIBUNNEWS.COM - Juga ada viralnya peristiwa bully yang dialami bocah almarhum "
            "Fathir Ahmad dan pengakuan Freddy Siauw, sebelum menjadi mualaf.",
            "Berikut rangkuman ketiga ,nya:",
            "1. Polisi: Nikita Mirzani Bukan Informan",
            "Polda Metro Jaya membantah tudingan bahwa artis Nikita Mirzani dijadikan informan "
            "polisi, seperti yang disebut pengacara Elza Syarief.",
            "Elza Syarief curiga lantaran, menurutnya, sejumlah laporan terhadap Nikita Mirzani "
            "terkesan jalan di tempat.",
            "Penulis: Daryono",
        ]
    )
    body = _body_lines(page)
    assert "1. Polisi: Nikita Mirzani Bukan Informan" not in body
    assert "Berikut rangkuman ketiga ,nya:" in body
    assert len(body) == 4


def test_a_subheading_under_a_line_whose_link_was_lost():
    # gold16zzo dev liputan6-07: "... silakan klik di" ends where its link was; the label under
    # it goes, the line-up under the label stays (a team's name over a bracket is no person's)
    lineup = (
        "Madura United (4-3-3): Ridho Djazulie (kiper); Marckho Meraudje, Fandry Imbiri, "
        "Fachruddin Aryanto, Andik Rendika (belakang); Asep Berlian, Diego Assis (tengah)"
    )
    call = "Untuk link live streaming Madura United vs Kalteng Putra, silakan klik di"
    body = _body_lines(_story_page(call, "Susunan Pemain", lineup))
    assert "Susunan Pemain" not in body
    assert call in body
    assert lineup in body


def test_a_role_over_a_name_with_a_bracket_is_no_subheading():
    """ "Juru Bicara KPK" over "Febri Diansyah (45) mengatakan ...": the role goes on with the
    name under it (only a bracket and a colon, a team's formation, is no person's)."""
    from search.ingest.extract.boilerplate import _is_subheading

    before = "Sebelumnya KPK menahan dua tersangka."
    for after in (
        "Febri Diansyah (45) mengatakan penahanan dilakukan hari ini.",
        "Tito Karnavian (kiri) berbincang dengan Wiranto di Jakarta.",
    ):
        assert not _is_subheading("Juru Bicara KPK", before, after)


def test_a_gallerys_one_sentence_caption_under_its_pager_and_credit():
    # gold16zr dev kapanlagi-10: "Foto 4 dari 4", its credit, then the caption; a gallery's
    # text of two sentences under a photo is the story's
    text = (
        "Kalau biasanya pamerkan kemesraan, kini Jedar dan Richard ingin menunjukkan sisi kocak "
        "mereka. Pasangan calon pengantin tersebut tampak kompak dengan busana yang senada."
    )
    caption = "Jedar dan Richard kompak tersenyum lebar di sesi pemotretan pre-wedding."
    page = "\n".join(
        [
            "Foto Prewed Jessica Iskandar - Richard Kyle, Mandi Bola - KapanLagi.com",
            "Foto Prewed Jessica Iskandar - Richard Kyle, Mandi Bola",
            "Minggu, 26 Mei 2019 19:02",
            "Kapanlagi.com - Jessica Iskandar dan Richard Kyle baru-baru ini sempat mengejutkan "
            "publik dan penggemar dengan momen lamaran.",
            "Foto 1 dari 2",
            "(credit: instagram.com/riomotret)",
            text,
            "Foto 2 dari 2",
            "(credit: instagram.com/riomotret)",
            caption,
            "Sebelumnya",
            "Selanjutnya",
            "(kpl/frm/ntn)",
        ]
    )
    body = _body_lines(page)
    assert caption not in body
    assert body[-1] == text


def test_a_caption_under_a_screen_captures_credit_over_a_short_dateline():
    # gold16zzzzl dev tribunnews-05: "Tangkap layar ..." credits the photo; the caption under
    # it goes, the dateline under that opens the story however short its line
    caption = "Baim Wong saat berbincang dengan perwakilan yayasan soal korban pengantin pesanan."
    page = "\n".join(
        [
            "Cerita Wanita Asal Indonesia Jadi Pengantin Pesanan di China - Tribunnews.com",
            "Cerita Wanita Asal Indonesia Jadi Pengantin Pesanan di China",
            "Selasa, 10 September 2019 21:11 WIB",
            "Penulis: Miftah Salis",
            "Tangkap layar YouTube Baim Paula",
            caption,
            "TRIBUNNEWS.COM - memposting video soal,yang dikirim ke",
            "Baim Wong tak sendiri, ada sejumlah orang yang berasal dari yayasan",
            "Baim Wong dan sejumlah orang dari yayasan ini membantu korban,yang dikirim ke,untuk "
            "kembali ke Indonesia",
            "Ikuti kami di",
            "Google News",
        ]
    )
    body = _body_lines(page)
    assert caption not in body
    assert body[0] == "TRIBUNNEWS.COM - memposting video soal,yang dikirim ke"


def test_a_story_line_ending_where_its_link_was_lost_is_no_related_headline():
    # corpus record 14075 (tempo.co): "kepada" is written small in a headline, but a line ending
    # in it goes on ("... kepada [Tempo]"); it stays the story's
    from search.ingest.extract.boilerplate import split_body

    fragment = (
        "Menurut, Ketua Unit Pelindungan Balai Pelestarian Cagar Budaya (BPCB) Gorontalo Romi "
        "Hidayat kepada"
    )
    text = "\n".join(
        [
            "Luas TNLL sekitar 215 ribu hektare yang lahannya terbentang di Poso dan Sigi.",
            fragment,
            "Rabu, 11 September 2019, pihaknya sedang menyiapkan naskah pengajuan KMLL sebagai "
            "Warisan Dunia ke UNESCO.",
        ]
    )
    assert fragment in split_body("Lore Lindu Bisa Jadi Warisan Dunia UNESCO", text).body
