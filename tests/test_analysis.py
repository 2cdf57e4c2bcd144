"""The Indonesian analyzer: stemming, protected names and acronyms, hyphens, stopwords."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.indexing.schema import build_schema
from search.text.analyzer import (
    STEMMED_STEPS,
    Words,
    add_acronyms,
    analyze,
    drop_stopwords,
    exact_analyzer,
    fragments_for,
    run_steps,
    sastrawi_stem,
    split_hyphens,
    stem,
    stem_word,
    stemmed_analyzer,
    steps_of,
    tokenize_text,
    word_spans,
    word_spans_containing,
)


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("dilayani", "layan"),
        ("pelayanan", "layan"),
        ("melayani", "layan"),
        ("layanan", "layan"),
        ("terwujudnya", "wujud"),
    ],
)
def test_inflected_words_share_a_root(word, root):
    assert stem_word(word) == root


@pytest.mark.parametrize(
    "word",
    ["kediri", "bekasi", "pemilu", "perbankan", "kependudukan", "kemendagri", "asn", "jokowi"],
)
def test_names_places_and_acronyms_are_not_mangled(word):
    assert stem_word(word) == word


def test_reduplication_finds_the_singular_and_compounds_split():
    assert analyze("pembenahan-pembenahan") == analyze("pembenahan") == ["benah"]
    assert analyze("kota-kota") == ["kota"]
    assert analyze("e-KTP", stem=False) == ["ektp", "e", "ktp"]


def test_a_long_form_of_one_word_is_indexed_with_its_acronym():
    """ "Undang-Undang" (its base word once the reduplication is read) is the law's long form:
    the index writes "uu" beside it, as for "UU"; not beside "mengundang" (to invite), whose
    root is the same word."""
    assert analyze("Revisi Undang-Undang KPK") == ["revisi", "undang", "uu", "kpk"]
    assert "uu" not in analyze("mengundang wartawan dan undangan")


def test_function_words_are_dropped_but_content_words_are_not():
    assert analyze("yang dan di kerja masalah hari baru besar") == [
        "kerja",
        "masalah",
        "hari",
        "baru",
        "besar",
    ]


def test_schema_pickles_small():
    # The schema (analyzers included) is pickled into the index TOC: it must stay small.
    assert len(pickle.dumps(build_schema())) < 20_000


def test_kediri_and_mendirikan_do_not_share_a_token():
    assert stem_word("mendirikan") == "diri"
    assert analyze("Kediri") == ["kediri"]


@pytest.mark.parametrize("word", ["kejati", "pemalang", "perhutani", "berau", "merapi"])
def test_names_mined_from_the_corpus_are_protected(word):
    # Sastrawi alone cuts these to common words (kejat, malang, hutan, rau, rapi).
    assert sastrawi_stem(word) != word
    assert stem_word(word) == word


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("berikan", "beri"),
        ("beragam", "ragam"),
        ("penduduk", "penduduk"),
        ("pemadaman", "padam"),  # Sastrawi: madam
        ("pengesahan", "sah"),  # Sastrawi: kesah
        ("perampokan", "rampok"),  # Sastrawi: ampo
        ("penanganan", "tangani"),  # Sastrawi: tangan, "hand"
        ("penenggelaman", "tenggelamkan"),  # Sastrawi: tenggelam, "to founder"
    ],
)
def test_stem_overrides_fix_roots_that_are_other_words(word, root):
    assert sastrawi_stem(word) != root
    assert stem_word(word) == root


@pytest.mark.parametrize(
    ("family", "apart"),
    [
        (["pemadaman", "memadamkan", "dipadamkan", "padam"], "madam"),
        (["pengesahan", "mengesahkan", "disahkan"], "keluh kesah"),
        (["penanganan", "menangani", "ditangani"], "tangannya"),
        (["penenggelaman", "menenggelamkan", "ditenggelamkan"], "tenggelam"),
    ],
)
def test_a_word_family_shares_one_root_apart_from_other_words(family, apart):
    """A blackout (pemadaman) is found where a text writes that the power went out (padam),
    and a flood's handling (penanganan) is not found where a text writes a hand (tangan)."""
    roots = {stem_word(w) for w in family}
    assert len(roots) == 1
    assert not roots & set(analyze(apart))


def test_compound_is_indexed_joined_and_by_its_parts():
    assert analyze("pasca-bencana") == ["pascabencana", "pasca", "bencana"]
    assert analyze("pascabencana") == ["pascabencana"]


def test_reduplicated_function_word_is_a_content_word():
    assert analyze("agar-agar") == ["agar-agar"]
    assert analyze("agar") == []


def positions(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.pos) for t in stemmed_analyzer()(text, positions=True)]


def test_positions_after_a_compound_do_not_collide():
    assert positions("e-KTP baru") == [("ektp", 0), ("e", 0), ("ktp", 1), ("baru", 2)]


def test_function_words_leave_no_gap_so_phrases_read_across_them():
    assert positions("pelayanan kepada masyarakat") == [("layan", 0), ("masyarakat", 1)]


def test_word_spans_give_the_compound_before_its_parts():
    spans = word_spans("kartu e-KTP")
    assert [(form, start, end) for _stem, form, start, end in spans] == [
        ("kartu", 0, 5),
        ("ektp", 6, 11),
        ("e", 6, 7),
        ("ktp", 8, 11),
    ]


def test_long_forms_are_indexed_with_their_acronym_too():
    assert analyze("Komisi Pemberantasan Korupsi") == ["komisi", "berantas", "korupsi", "kpk"]
    # across function words, at the long form's first position
    assert positions("belanja Anggaran Pendapatan dan Belanja Negara") == [
        ("belanja", 0),
        ("anggar", 1),
        ("dapat", 2),
        ("belanja", 3),
        ("negara", 4),
        ("apbn", 1),
    ]
    # a short mined acronym is not written where its long form is (AS: "Amerika Serikat")
    assert analyze("Amerika Serikat") == ["amerika", "serikat"]


def test_word_spans_agree_with_the_exact_analyzer_on_the_seeds():
    # Snippets use a one-pass regex version of the exact analyzer: same words, same offsets.
    from search.ingest.kinds import TEXT
    from search.text.analyzer import exact_analyzer, word_spans
    from tests.conftest import SEEDS_DIR

    texts = ["e-KTP pasca-bencana kota-kota masing-masing Jum'at x--y"]
    texts += [TEXT.extract(p).article.body for p in sorted(SEEDS_DIR.glob("*.txt"))]
    for text in texts:
        expected = [(t.text, t.startchar, t.endchar) for t in exact_analyzer()(text, chars=True)]
        assert [(form, start, end) for _stem, form, start, end in word_spans(text)] == expected


def test_the_shipped_stem_table_is_sastrawis_own_answer():
    """search/data/stems_sastrawi.tsv.gz (mined by search.text.mining from the corpus) must say
    what Sastrawi says: a sample of it, checked word by word (fails if PySastrawi changes)."""
    import random

    from search.text import analyzer as analysis
    from search.text.analyzer import sastrawi_stem

    table = analysis._stem_table()
    assert len(table) > 90_000
    sample = random.Random(7).sample(sorted(table), 400)
    assert [table[w] for w in sample] == [sastrawi_stem(w) for w in sample]
    assert table["dilayani"] == "layan" and table["pelayanan"] == "layan"


def test_stems_with_the_table_are_the_stems_without_it(monkeypatch):
    from search.text import analyzer as analysis

    words = ["dilayani", "pelayanan", "berikan", "kebakaran", "menyapu", "kediri", "jokowi"]
    monkeypatch.setattr(analysis, "_stem_cache", analysis.StemCache())
    monkeypatch.setattr(analysis, "_table_wanted", False)
    plain = [analysis.stem_word(w) for w in words]
    monkeypatch.setattr(analysis, "_stem_cache", analysis.StemCache())
    monkeypatch.setattr(analysis, "_table_wanted", True)
    assert [analysis.stem_word(w) for w in words] == plain


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Ma’ruf",
                "Ma'ruf",
                "maʼruf",
                "Ma‘ruf",
                "’",
                "'",
                "ʼ",
                "-",
                "e-KTP",
                "Amin",
                "pelayanan",
                "dilayani",
                "kata-kata",
                " ",
                ",",
                "\n",
                "x’",
                "’x",
                "Jum’at",
            ]
        ),
        max_size=30,
    ),
    st.sampled_from(["ma'ruf", "layan", "ektp", "amin", "jum'at", "kata"]),
)
def test_spans_containing_a_word_are_the_spans_of_that_word(pieces, stem):
    """Snippets look for a query word only where a piece of it occurs: they find every span
    word_spans gives it, whatever apostrophe the text was typed with, and no other spans."""
    text = "".join(pieces)
    every = word_spans(text)
    found = word_spans_containing(text, fragments_for([stem], []))
    assert set(found) <= set(every)
    assert {s for s in every if s[0] == stem} <= set(found)


# -- each step alone, over lists --------------------------------------------------------------


def test_tokenize_text_lowers_words_and_plains_apostrophes_keeping_offsets():
    tokens = tokenize_text("Wapres Ma’ruf, e-KTP!", chars=True)
    assert tokens == Words(["wapres", "ma'ruf", "e-ktp"], range(3), [0, 7, 15], [6, 13, 20])


@pytest.mark.parametrize(
    ("words", "expected_words", "expected_positions", "expected_spans"),
    [
        (["kota-kota", "baru"], ["kota", "baru"], [0, 1], [(0, 4), (10, 14)]),
        (["e-ktp", "baru"], ["ektp", "e", "ktp", "baru"], [0, 0, 1, 2], None),
        (["agar-agar"], ["agar-agar"], [0], [(0, 9)]),
    ],
)
def test_split_hyphens(words, expected_words, expected_positions, expected_spans):
    text = " ".join(words)
    found = split_hyphens(tokenize_text(text, chars=True))
    assert (found.words, list(found.positions)) == (expected_words, expected_positions)
    if expected_spans:
        assert list(zip(found.starts, found.ends, strict=True)) == expected_spans
    assert split_hyphens(tokenize_text(text)).words == expected_words  # without offsets too


def test_drop_stopwords_closes_the_gaps_they_leave():
    tokens = Words(["pelayanan", "kepada", "masyarakat"], [0, 1, 2], [0, 10, 17], [9, 16, 27])
    assert drop_stopwords(tokens) == Words(["pelayanan", "masyarakat"], [0, 1], [0, 17], [9, 27])


def test_add_acronyms_writes_the_acronym_after_its_long_form_spanning_it():
    tokens = tokenize_text("oleh komisi pemberantasan korupsi", chars=True)
    found = add_acronyms(tokens)
    assert found.words == ["oleh", "komisi", "pemberantasan", "korupsi", "kpk"]
    assert (found.positions[-1], found.starts[-1], found.ends[-1]) == (1, 5, 33)


def test_the_whoosh_analyzers_are_the_steps():
    assert steps_of(stemmed_analyzer()) == (split_hyphens, drop_stopwords, add_acronyms, stem)
    assert steps_of(exact_analyzer()) == (split_hyphens,)
    text = "Pelayanan kepada masyarakat oleh Komisi Pemberantasan Korupsi, e-KTP"
    tokens = [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in stemmed_analyzer()(text, positions=True, chars=True)
    ]
    found = run_steps(text, STEMMED_STEPS, chars=True)
    assert tokens == list(zip(*found, strict=True))


@pytest.mark.parametrize(
    ("variant", "standard"),
    [
        ("hutang", "utang"),
        ("menghimbau", "imbauan"),
        ("ijinnya", "perizinan"),
        ("cina", "china"),
        ("demonstran", "pendemo"),
        ("online", "daring"),
        ("offline", "luring"),
        ("esports", "esport"),
    ],
)
def test_other_spellings_of_a_word_share_its_root(variant, standard):
    # Sastrawi keeps the non-standard forms whole: they would never meet the standard ones.
    assert sastrawi_stem(variant) != sastrawi_stem(standard)
    assert stem_word(variant) == stem_word(standard)
