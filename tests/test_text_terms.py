"""search.text.terms (the analyzer's steps over lists, for builds) gives the postings Whoosh's
writer gives with the schema's analyzers (the same steps behind Whoosh Tokens, for updates),
term for term: the adapters are faithful. On the seeds, on a slice of the shared corpus, on
texts written to reach every branch (hyphens, stopwords between hyphen parts, glossary long
forms, acronyms), and on generated text."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.system import unpack_uint

from search.indexing.schema import build_schema
from search.text.analyzer import stem_word
from search.text.glossary import indexed_long_forms
from search.text.terms import TextTerms, indexer_for
from tests.conftest import corpus_records, seed_articles

SCHEMA = build_schema()
TEXT_FIELDS = ("title", "title_exact", "body", "body_exact")


def _whoosh(fieldname: str, text: str) -> list[tuple]:
    return sorted(SCHEMA[fieldname].index(text))


def _fast(fieldname: str, text: str, terms: TextTerms | None = None) -> list[tuple]:
    """The postings the fast path adds for one document, as field.index gives them."""
    field = SCHEMA[fieldname]
    indexer = indexer_for(field, terms or TextTerms())
    assert indexer is not None
    into: defaultdict[str, list] = defaultdict(list)
    length, added = indexer(text, into, 7, 1.0)
    got = []
    for term, (docnum, weight, value) in into.items():
        assert docnum == 7
        got.append((term.encode("utf-8"), unpack_uint(value[:4])[0], weight, value))
    assert added == len(got)
    assert length == sum(freq for _, freq, _, _ in got)
    return sorted(got)


def _texts() -> list[str]:
    return [t for a in seed_articles() for t in (a.title, a.body)] + [
        t for r in corpus_records(400) for t in (r["title"], r["body"])
    ]


def _long_form_text() -> tuple[str, str]:
    """A text writing two glossary long forms (one right after a stopword, one cut short),
    hyphenated words and stopwords inside and around them; the first form's acronym."""
    forms = sorted(indexed_long_forms(), key=len, reverse=True)
    long_form, other = " ".join(forms[0]), " ".join(forms[1])
    cut = " ".join(forms[0][:-1])
    text = (
        f"Kata-kata yang di-{long_form.split()[0]} dan {long_form} bertemu {cut} "
        f"e-KTP, masing-masing pasca-bencana; {other} di-ke-dari Jum'at ke-2 {long_form}."
    )
    return text, indexed_long_forms()[forms[0]]


def test_only_the_text_fields_get_the_fast_indexer():
    terms = TextTerms()
    fast = {name for name, field in SCHEMA.items() if indexer_for(field, terms) is not None}
    assert fast == set(TEXT_FIELDS)


def test_the_same_postings_as_whoosh_on_seeds_and_corpus():
    terms = TextTerms()  # shared, as a writer shares it: its memo of the last text is exercised
    compared = 0
    for text in _texts():
        for fieldname in TEXT_FIELDS:
            assert _fast(fieldname, text, terms) == _whoosh(fieldname, text), fieldname
            compared += 1
    assert compared > 3000


@pytest.mark.parametrize("fieldname", TEXT_FIELDS)
def test_the_same_postings_on_hyphens_stopwords_and_glossary_forms(fieldname):
    text, acronym = _long_form_text()
    got = _fast(fieldname, text)
    assert got == _whoosh(fieldname, text)
    terms = {t for t, *_ in got}
    assert b"ektp" in terms  # the branches were reached
    assert (stem_word(acronym).encode() in terms) == (fieldname in ("body", "title"))
    assert acronym not in text.lower().split()


@pytest.mark.parametrize("fieldname", ["title", "body"])
def test_a_text_ending_with_a_long_form(fieldname):
    """Its acronym is the last token, at a lower position than the words before it."""
    form = max(indexed_long_forms(), key=len)
    text = "Laporan tahunan " + " ".join(form)
    assert _fast(fieldname, text) == _whoosh(fieldname, text)


@pytest.mark.parametrize(
    "text", ["Wapres Ma’ruf Amin, Jum‘at-Sabtu", "kata ’kunci’ Maʼruf", "O'Brien’s"]
)
def test_every_kind_of_apostrophe_indexes_as_a_plain_one(text):
    plain = text.translate(str.maketrans("’‘ʼ", "'''"))
    for fieldname in TEXT_FIELDS:
        got = _fast(fieldname, text)
        assert got == _whoosh(fieldname, text) == _whoosh(fieldname, plain)


@pytest.mark.parametrize("text", ["ΟΔΟΣ.ΑΒ kota", "İSTANBUL-İzmir", "ǅemal KOTA"])
def test_letters_whose_lower_case_depends_on_context(text):
    """Lower-casing a whole text and each word apart differ for these (a capital sigma
    before "." and a letter lowers to σ in the text, to ς as a word; İ grows)."""
    for fieldname in TEXT_FIELDS:
        assert _fast(fieldname, text) == _whoosh(fieldname, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "kata",
                "Kata-kata",
                "yang",
                "di",
                "e-KTP",
                "ke-2",
                "-",
                "--",
                "'",
                "Jum'at",
                "Jum’at",
                "Ma‘ruf-Amin",
                "’",
                "ʼ",
                "komisi",
                "pemberantasan",
                "korupsi",
                "pelayanan",
                "İstanbul",
                "ΟΔΟΣ",
                "ΣΟΦΙΑΣ-ΣΟΦΙΑΣ",
                "ǅemal",
                "ß",
                "x-y-z",
                "dan-dan",
                "x",
                "123",
                " ",
                "\n",
                ",",
                "masing-masing",
            ]
        ),
        max_size=40,
    )
)
def test_the_same_postings_on_generated_text(words):
    text = " ".join(words)
    for fieldname in TEXT_FIELDS:
        assert _fast(fieldname, text) == _whoosh(fieldname, text)


def _run_hiding_a_form() -> str:
    """Words where a run of a long form's first words fails and its last word starts another
    long form that the text then completes: Whoosh's filter does not look back into the
    failed run, so that second form gets no acronym."""
    forms = indexed_long_forms()
    prefixes = {f[:n] for f in forms for n in range(1, len(f) + 1)}
    for second in sorted(forms):
        for first in sorted(forms):
            for n in range(2, len(first)):
                run = first[:n]
                if run[-1] == second[0] and (*run, second[1]) not in prefixes:
                    return " ".join((*run, *second[1:]))
    pytest.fail("no such pair of long forms in the glossary")


@pytest.mark.parametrize("fieldname", ["title", "body"])
def test_a_long_form_starting_inside_a_failed_run_is_missed_as_whoosh_misses_it(fieldname):
    text = _run_hiding_a_form()
    assert _fast(fieldname, text) == _whoosh(fieldname, text)
