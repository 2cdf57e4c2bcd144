"""search/text/mining.py: acronym pairs mined from the ways news writes them, and the
precision of the mined glossary on a reviewed sample."""

from __future__ import annotations

import tomllib
import zlib
from collections import Counter
from pathlib import Path

import pytest

from search.text.mining import (
    acronym_pairs,
    best_pairs,
    capital_counts,
    capital_shares,
    common_short_forms,
    compounds,
    heads_of_many,
    joined_spellings,
    mine_place_phrases,
    name_roots,
    officials_short_names,
    regions_named,
    short_names,
    stem_collisions,
    written_words,
)

ROOT = Path(__file__).resolve().parent.parent
MINED = ROOT / "search" / "data" / "glossary_mined.toml"
REVIEW = Path(__file__).parent / "data" / "glossary_mined_review.tsv"
SAMPLE_MODULUS = 12
MIN_PRECISION = 0.9


@pytest.mark.parametrize(
    ("line", "pair"),
    [
        (
            "diperiksa Komisi Pemberantasan Korupsi (KPK) sebagai saksi",
            ("KPK", "Komisi Pemberantasan Korupsi"),
        ),
        (
            "Ketua KPK (Komisi Pemberantasan Korupsi) Agus Rahardjo",
            ("KPK", "Komisi Pemberantasan Korupsi"),
        ),
        (
            # no acronym of initials, but of the words' parts: Ba(dan) (Penga)was (Pemi)lu
            "pengawasan oleh Badan Pengawas Pemilu atau Bawaslu di daerah",
            ("Bawaslu", "Badan Pengawas Pemilu"),
        ),
        # a word's first letter and later letters of it in order, or its last letters
        ("kata Kepala Dinas Perhubungan (Dishub) itu", ("Dishub", "Dinas Perhubungan")),
        (
            "saat menjabat Menteri Pemuda dan Olahraga (Menpora) pada",
            ("Menpora", "Menteri Pemuda dan Olahraga"),
        ),
        ("DPR membentuk Panitia Khusus (Pansus) untuk", ("Pansus", "Panitia Khusus")),
        # a second word of capitals
        (
            "petugas Satuan Polisi Pamong Praja (Satpol PP) menertibkan",
            ("Satpol PP", "Satuan Polisi Pamong Praja"),
        ),
        ("kata Kepala Biro (Kabag) itu", None),  # "bag" is in neither word
        (
            "laporan Badan Pemeriksa Keuangan atau BPK menyebut",
            ("BPK", "Badan Pemeriksa Keuangan"),
        ),
        (
            "kata Kepala BNPB atau Badan Nasional Penanggulangan Bencana Doni Monardo",
            ("BNPB", "Badan Nasional Penanggulangan Bencana"),
        ),
        # a linking word whose initial the acronym keeps ("Dalam": the D of KDRT)
        (
            "menjadi korban Kekerasan Dalam Rumah Tangga (KDRT) selama",
            ("KDRT", "Kekerasan Dalam Rumah Tangga"),
        ),
        (
            "kasus KDRT (Kekerasan Dalam Rumah Tangga) itu",
            ("KDRT", "Kekerasan Dalam Rumah Tangga"),
        ),
        (
            "pelaku KDRT atau Kekerasan Dalam Rumah Tangga bisa",
            ("KDRT", "Kekerasan Dalam Rumah Tangga"),
        ),
        # or leaves out ("dan": UMKM)
        (
            "pelaku Usaha Mikro Kecil dan Menengah (UMKM) di",
            ("UMKM", "Usaha Mikro Kecil dan Menengah"),
        ),
        # a common noun's long form in lower case (or opening a sentence)
        (
            "perusahaan melakukan pemutusan hubungan kerja (PHK) terhadap",
            ("PHK", "pemutusan hubungan kerja"),
        ),
        ("Pemutusan hubungan kerja (PHK) terus", ("PHK", "Pemutusan hubungan kerja")),
        ("gelombang PHK atau pemutusan hubungan kerja di", ("PHK", "pemutusan hubungan kerja")),
        ("siswa yang drop out (DO) dari sekolah", None),  # two letters: too often initials
        ("Ketua KPK terpilih FB (Firli Bahuri) mengatakan", None),  # initials of a name
        ("UU (Undang Undang Dasar) itu", None),  # the words in brackets spell more
        (
            "disidang di Pengadilan Tindak Pidana Korupsi (Tipikor) Jakarta",
            ("Tipikor", "Tindak Pidana Korupsi"),
        ),
        (
            "menurut Kemenkeu (Kementerian Keuangan) pekan lalu",
            ("Kemenkeu", "Kementerian Keuangan"),
        ),
        ("Pelatih Timnas atau Tim Nasional Indonesia", ("Timnas", "Tim Nasional")),
        # a word's beginning after its prefix: (per)hub(ungan)
        (
            "juru bicara Kementerian Perhubungan (Kemenhub) itu",
            ("Kemenhub", "Kementerian Perhubungan"),
        ),
        ("kata Sandiaga Uno (Sandi) kepada wartawan", None),  # a nickname: Uno spells nothing
        ("di Badan Pengawas (Bawaslu) itu", None),  # the beginnings spell "bape..."
    ],
)
def test_acronym_pairs_are_read_in_every_way_news_writes_them(line, pair):
    assert list(acronym_pairs([line])) == ([pair] if pair else [])


def test_a_short_form_mostly_written_as_a_word_of_its_own_is_left_out():
    """Persis (Persatuan Islam) is most often *persis* (exactly): not listed; Tipikor is."""
    pairs = {"Persis": ["Persatuan Islam"], "Tipikor": ["Tindak Pidana Korupsi"], "KPK": ["x"]}
    lines = ["Itu persis sama. Ormas Persis hadir. Hakim Tipikor memutus. Sidang Tipikor usai."]
    lines += ["Hasilnya persis seperti dugaan. Ucapan itu persis benar."]
    assert common_short_forms(pairs, capital_counts(lines)) == {"Persis"}


def test_an_acronym_of_initials_needs_two_writings_a_short_form_of_parts_three():
    """Initials in capitals (four letters or more) are a strict match; a short form of words'
    parts a loose one."""
    pairs = Counter({("PKWT", "Perjanjian Kerja Waktu Tertentu"): 2, ("Rutan", "Rumah Tahanan"): 2})
    pairs[("Dishub", "Dinas Perhubungan")] = 3
    pairs[("PB", "Paku Buwono")] = 2  # two letters: many meanings
    assert best_pairs(pairs) == {
        "PKWT": ["Perjanjian Kerja Waktu Tertentu"],
        "Dishub": ["Dinas Perhubungan"],
    }


def test_a_short_form_news_writes_in_lower_case_but_no_word_of_the_dictionary_stays():
    """ "prolegnas" is written in lower case more often than not, and means nothing else."""
    pairs = {"Prolegnas": ["Program Legislasi Nasional"]}
    lines = ["RUU itu masuk prolegnas. Daftar prolegnas disusun. Ada di Prolegnas."]
    assert common_short_forms(pairs, capital_counts(lines)) == set()


def test_a_short_form_of_two_words_needs_its_first_word_to_mean_it_alone():
    """Satpol is always Satpol PP; Komnas is Komnas HAM or Komnas Perempuan: listed by its
    first word (the analyzer's one term), it would spell one of them everywhere."""
    pairs = {
        "Satpol PP": ["Satuan Polisi Pamong Praja"],
        "Komnas HAM": ["Komisi Nasional Hak Asasi Manusia"],
        "Dishub": ["Dinas Perhubungan"],
    }
    texts = ["Satpol PP menertibkan PKL. Satpol-PP datang.", "Komnas HAM dan Komnas Perempuan."]
    assert heads_of_many(pairs, texts) == {"Komnas HAM"}


def test_a_short_form_other_words_have_as_their_root_is_left_out():
    """The index matches an acronym by its root: "Gema" (Gerakan Pemuda) would find
    *menggema* (echoes), written here more often than Gema itself."""
    pairs = {"Gema": ["Gerakan Pemuda"], "Dishub": ["Dinas Perhubungan"]}
    texts = ["Teriakan itu menggema. Suaranya bergema.", "Gema Keadilan hadir. Kata Dishub."]
    assert stem_collisions(pairs, written_words(texts)) == {"Gema"}


def test_a_short_form_that_names_a_region_is_left_out():
    """Karo (Kepala Biro) is the regency of Karo far more often: a query for it would find
    every Kepala Biro."""
    pairs = {"Karo": ["Kepala Biro"], "Dishub": ["Dinas Perhubungan"]}
    assert regions_named(pairs) == {"Karo"}


def test_an_officials_alias_is_left_to_the_gazetteer():
    """Jokowi (Joko Widodo) is an official's alias the index would write: the officials'
    tags find him; JK is too short to be written, and Tipikor names no official."""
    pairs = {"Jokowi": ["Joko Widodo"], "JK": ["Jusuf Kalla"], "Tipikor": ["Tindak Pidana Korupsi"]}
    assert officials_short_names(pairs) == {"Jokowi"}


def _sample() -> list[tuple[str, str]]:
    terms = tomllib.loads(MINED.read_text("utf-8"))["term"]
    pairs = [(t["acronym"], form) for t in terms for form in t["long"]]
    return [p for p in pairs if zlib.crc32(f"{p[0]}|{p[1]}".encode()) % SAMPLE_MODULUS == 0]


def test_a_reviewed_sample_of_the_mined_glossary_is_precise():
    """Every pair of the sample (a fixed slice of glossary_mined.toml) was read and judged:
    regenerating the file asks for the new pairs of the sample to be reviewed too."""
    verdicts = {}
    for line in REVIEW.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            acronym, form, verdict, *_ = line.split("\t")
            verdicts[(acronym, form)] = int(verdict)
    sample = _sample()
    unreviewed = [p for p in sample if p not in verdicts]
    assert not unreviewed, f"review these mined pairs in {REVIEW.name}: {unreviewed}"
    assert len(sample) >= 40
    precision = sum(verdicts[p] for p in sample) / len(sample)
    assert precision >= MIN_PRECISION, precision


def test_names_that_share_a_root_with_common_words_are_listed_with_their_share():
    """Serang, capitalised inside sentences in two of its three uses, shares its root with
    menyerang; Bandung, always capitalised, has no other word of its root; serangan is
    never capitalised."""
    lines = [
        "Warga kota Serang menolak rencana itu. Pasukan menyerang pos di Serang pagi tadi.",
        "Mereka lalu serang balik. Pasukan itu dikirim ke Bandung untuk serangan kedua.",
    ] * 8
    vocabulary = {"serang", "menyerang", "serangan", "pasukan", "bandung", "warga", "kota"}
    shares = capital_shares(capital_counts(lines), vocabulary)
    assert shares == {"serang": pytest.approx(2 / 3)}


def test_dictionary_roots_written_capitalised_as_often_as_in_lower_case_are_name_roots():
    """Perkasa names KSAD Andika Perkasa more often than it means mighty; prestasi is an
    achievement wherever it is not in an office's title."""
    lines = [
        "Kata KSAD Jenderal Andika Perkasa kepada wartawan. Ia prajurit yang perkasa.",
        "Kata Deputi Peningkatan Prestasi Olahraga itu. Atlet meraih prestasi tinggi.",
        "Prestasi atlet itu naik. Ia punya prestasi dan tekad.",
    ]
    roots = {"perkasa", "prestasi", "andika", "atlet"}
    assert name_roots(capital_counts(lines), roots) == ["andika", "perkasa"]


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        # Sandi for Sandiaga in an article that names him in full, and in others.
        (
            [
                "Cawapres Sandiaga Uno berkampanye. Kata Sandi, harga naik. Sandi pulang.",
                "Menurut Sandi, ekonomi lesu. Sandiaga datang lagi.",
            ]
            * 8,
            {"sandi": "sandiaga"},
        ),
        # The short form is mostly a word in lower case (kata sandi): no short name.
        (
            ["Cawapres Sandiaga Uno datang. Ubah kata sandi, lalu Sandi pulang.", "Ganti sandi."]
            * 8,
            {},
        ),
        # Written apart, never in the same article: two people.
        (["Kata Sandi, harga naik. Sandi pulang.", "Cawapres Sandiaga Uno datang."] * 8, {}),
        # After a hyphen the short form is a ticket's name ("Prabowo-Sandi"), not counted.
        (["Tim Prabowo-Sandi menang. Cawapres Sandiaga Uno datang ke Bogor."] * 8, {}),
    ],
)
def test_short_names_are_starts_of_names_written_in_the_same_articles(lines, names):
    assert short_names(lines, capital_counts(lines)) == names


@pytest.mark.parametrize(
    ("lines", "phrases"),
    [
        # The new capital, in lower case after "ibu"; the district of Kota Baru, capitalised,
        # less often: the place with the word before it is a common phrase.
        (
            ["Rencana pemindahan ibu kota baru ke Kalimantan.", "Banjir di Kota Baru surut."] * 5,
            ["ibu kota baru"],
        ),
        # Coal, in lower case wherever it is written: the place alone is a common phrase.
        (["Harga batu bara turun.", "Ekspor batu bara naik."] * 3, ["batu bara"]),
        # Pasar Minggu, capitalised inside sentences; the first word of a sentence says nothing.
        (["Polsek Pasar Minggu menangkap dua orang.", "Pasar minggu ramai."] * 5, []),
        # Written in lower case fewer than MIN_COMMON_PHRASE times: no phrase.
        (["Harga batu bara turun."] * 4, []),
    ],
)
def test_a_place_written_in_lower_case_more_often_than_capitalised_is_a_common_phrase(
    lines, phrases
):
    places = [("kota", "baru"), ("batu", "bara"), ("pasar", "minggu")]
    assert mine_place_phrases(lines, places, stops={"di", "ke"}) == phrases


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        # Traffic: "lintas" is written after "lalu" in most of its uses.
        (["Kecelakaan lalu lintas di tol.", "Arus lalu lintas padat."] * 10, ["lalu lintas"]),
        # "lintas" on its own as often as after "lalu": no compound.
        (["Arus lalu lintas padat.", "Kerja sama lintas sektor."] * 10, []),
        # Fewer than MIN_COMPOUND times in lower case.
        (["Arus lalu lintas padat."] * 19, []),
        # Capitalised more often than not: a name, not a compound.
        (
            ["Kantor Lalu Lintas ditutup."] * 25
            + ["Arus lalu lintas padat.", "Arus lalu lintas lancar."] * 10,
            [],
        ),
        # A function word is never half of a compound.
        (["Rumah di sana.", "Banjir di sana."] * 20, []),
    ],
)
def test_two_words_the_second_written_mostly_after_the_first_are_a_compound(lines, found):
    assert compounds(lines, stops={"di"}) == found


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        # Each spelling written MIN_JOINED times or more: the pair.
        (["Pindah ke ibu kota baru.", "Rencana ibukota baru."] * 3, ["ibu kota"]),
        (["Pindah ke ibu kota baru.", "Rencana ibukota baru."] * 2, []),
        # Written in two cases, a word and a name: "kata Rina" is no spelling of Katarina.
        (["Itu benar, kata Rina.", "Hadir pula Katarina."] * 5, []),
        # The joined word is an affixed form of another root: "pastikan" of pasti.
        (["Itu pasti kan terjadi.", "Mereka pastikan aman."] * 5, []),
    ],
)
def test_two_words_also_written_as_one_are_one_spelling(lines, found):
    assert joined_spellings(lines, stops={"di"}) == found


def test_an_acronym_typed_in_lower_case_is_one_the_corpus_writes_in_capitals():
    """SDM written in capitals 506 times of 536 (.94): typed "sdm", it is the acronym; "the"
    is mostly English, "spa" mostly a spa."""
    from collections import Counter

    from search.text.mining import acronyms_typed

    words = Counter({"SDM": 506, "sdm": 30, "THE": 3, "the": 40, "The": 12, "SPA": 2, "spa": 5})
    assert acronyms_typed(["sdm", "the", "spa", "sdmx"], words) == ["sdm"]
