"""Property-based tests (hypothesis): extraction, the analyzer and the query layer never raise on
any input but their own one-line errors, and what they return keeps its promises."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search.config import MAX_QUERY_TERMS
from search.dates import DateInputError, parse_date_input
from search.ingest.extract import MIN_BODY_CHARS, extract_article
from search.ingest.files import SeedError, decode_seed
from search.model import ArticleDate, RequestError, SearchRequest
from search.query.plan import parse_query
from search.retrieval.engine import SearchEngine
from search.retrieval.snippets import best_snippet, highlight_all
from search.text.analyzer import analyze, word_spans
from tests.conftest import SEEDS_DIR
from web.params import request_from_params

FUZZ = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
SLOW_FUZZ = settings(deadline=None, max_examples=30, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real pages, so generated text reaches the extraction rules and not only their
# first "no article here" check.
FRAGMENTS = [
    "JAKARTA, KOMPAS.com - ",
    "Jakarta (ANTARA) - ",
    "Selasa, 10 September 2019 14:30 WIB",
    "Jum'at, 01 April 2022 15:00 WIB",
    "15/3/2021",
    "Copyright © ANTARA 2025",
    "Gubernur Jawa Tengah Ganjar Pranowo",
    "Menteri Dalam Negeri Tito Karnavian mengatakan",
    "Presiden Joko Widodo (Jokowi)",
    "Baca juga: ",
    "Read Entire Article",
    "pelayanan publik yang dilayani dengan cepat oleh aparatur sipil negara.",
    "e-KTP kota-kota pasca-bencana",
    '"><script>alert(1)</script>',
    "\u200d\u202e\ufeff\x00\r\n\t",
    "İstanbul ǅ ß ﬁ ẞ",
]
LINE = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80))
PAGE = st.lists(st.lists(LINE, max_size=4).map("".join), max_size=12).map("\n".join)
REAL_BODIES = [
    extract_article(p.read_text(encoding="utf-8"), p.stem).article.body
    for p in sorted(SEEDS_DIR.glob("*.txt"))
]


# -- extraction --------------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbf\xff\xfe\x00")
@example("Judul\r\nisi café".encode("cp1252"))
def test_decoding_any_bytes_gives_text_or_a_seed_error(data: bytes):
    try:
        text = decode_seed(data)
    except SeedError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert "\r" not in text and "\x00" not in text


@FUZZ
@given(PAGE)
def test_extraction_gives_an_article_or_a_seed_error(text: str):
    try:
        extraction = extract_article(text, "fuzz")
    except SeedError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    article = extraction.article
    assert article.title.strip() and len(article.body) >= MIN_BODY_CHARS
    if article.date:
        assert ArticleDate.from_iso(article.date.iso()) == article.date
        dt.date(article.date.year, article.date.month or 1, article.date.day or 1)
    assert all(o.name.strip() for o in article.officials)


# -- the analyzer ------------------------------------------------------------------------------


@FUZZ
@given(st.one_of(PAGE, st.text()))
def test_the_analyzer_gives_words_and_spans_inside_the_text(text: str):
    for stem in (True, False):
        tokens = analyze(text, stem=stem)
        assert all(t and not re.search(r"\s", t) for t in tokens)
    last_start = 0
    for _stem, form, start, end in word_spans(text):
        # A compound ("e-KTP") gives its joined form and its parts over the same characters.
        assert last_start <= start < end <= len(text)
        assert form
        last_start = start


# -- snippets ----------------------------------------------------------------------------------

QUERY_WORDS = st.lists(
    st.one_of(st.sampled_from(["pelayanan", "layan", "birokrasi", "publik", "di"]), st.text()),
    max_size=5,
)


def _unmark(marked: str) -> str:
    return html.unescape(re.sub(r"</?mark>", "", marked))


@FUZZ
@given(st.one_of(st.sampled_from(REAL_BODIES), PAGE), QUERY_WORDS)
def test_every_highlighted_span_is_in_the_stored_text(body: str, words: list[str]):
    stems = {w for word in words for w in analyze(word)}
    exact = {w for word in words for w in analyze(word, stem=False)}
    snippet = best_snippet(body, stems, exact)
    flat = body.replace("\n", " ")
    core = snippet.text.removeprefix("… ").removesuffix(" …")
    # one passage, or two joined by " … ": each is a piece of the stored text
    assert all(piece in flat for piece in core.split(" … "))
    for start, end in snippet.matches:
        assert 0 <= start < end <= len(snippet.text)
        assert snippet.text[start:end] in body
    marked = snippet.html()
    assert _unmark(marked) == snippet.text
    assert re.sub(r"</?mark>", "", marked).count("<") == 0
    whole = highlight_all(body, stems, exact)
    assert _unmark(whole) == body and re.sub(r"</?mark>", "", whole).count("<") == 0


# -- the query layer ---------------------------------------------------------------------------


@FUZZ
@given(st.one_of(st.text(), PAGE, st.lists(st.sampled_from('"-*()aA ')).map("".join)))
def test_any_query_text_parses_within_the_limits(text: str):
    parsed = parse_query(text)
    assert len(parsed.content_words()) <= MAX_QUERY_TERMS  # glossary forms come on top
    assert len(parsed.excluded) <= MAX_QUERY_TERMS


@FUZZ
@given(st.text(max_size=30))
def test_any_date_input_is_a_date_or_a_clear_error(text: str):
    try:
        day = parse_date_input(text)
    except DateInputError as exc:
        assert str(exc) and len(str(exc)) < 200
        return
    assert isinstance(day, dt.date)


PARAM_NAMES = ["q", "official", "source", "from", "to", "sort", "page", "size", "x"]


@SLOW_FUZZ
@given(
    st.dictionaries(
        st.sampled_from(PARAM_NAMES), st.lists(st.text(max_size=20), max_size=2), max_size=5
    )
)
def test_any_url_parameters_give_a_request_or_a_clear_error(params: dict[str, list[str]]):
    try:
        request_from_params(
            lambda k: (params.get(k) or [None])[0], lambda k: list(params.get(k) or [])
        )
    except RequestError as exc:
        assert str(exc) and "\n" not in str(exc)


@pytest.fixture(scope="module")
def bodies(engine: SearchEngine) -> dict[str, str]:
    with engine.searcher() as s:
        return {f["id"]: f["body"] for f in s.all_stored_fields()}


@SLOW_FUZZ
@given(
    text=st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from(["pelayanan", "birokrasi", "-publik", '"reformasi', "di"])).map(
            " ".join
        ),
    ),
    sort=st.sampled_from(["relevance", "newest", "oldest"]),
)
def test_any_search_answers_and_its_highlights_are_in_the_articles(
    engine: SearchEngine, bodies: dict[str, str], text: str, sort: str
):
    result = engine.search(SearchRequest(text, sort=sort))
    assert len(result.hits) == min(result.found, result.request.page_size)
    for hit in result.hits:
        for start, end in hit.snippet.matches:
            assert hit.snippet.text[start:end] in bodies[hit.id]
