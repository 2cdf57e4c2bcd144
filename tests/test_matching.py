"""search/retrieval/matching.py: one reading of the query plan for the results, their count,
the facets and the relaxations, so they never disagree."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search.model import RequestError, SearchRequest
from search.retrieval.engine import SearchEngine
from search.text.analyzer import analyze, stem_word


@pytest.fixture(scope="session")
def engine(contract_engine):
    """The seed tests of this module run on the embedded index and on OpenSearch."""
    return contract_engine


# Words, typed filters and operators the seeds answer (and some they do not).
WORDS = ["pelayanan", "publik", "birokrasi", "dilayani", "netralitas", "reformasi", "asn",
         "pungli", "presiden", "kalteng", "bupati", "xyzzy"]  # fmt: skip
PARTS = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: f"-{w}"),
    st.sampled_from(WORDS).map(lambda w: f"+{w}"),
    st.sampled_from(WORDS).map(lambda w: f"title:{w}"),
    st.sampled_from(WORDS).map(lambda w: f"{w[:4]}*"),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(lambda ws: f'"{" ".join(ws)}"'),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(
        lambda ws: f'exact:"{" ".join(ws)}"'
    ),
    st.sampled_from(["AND", "OR", "NOT"]),
    st.sampled_from(
        [
            "source:kompas.com",
            "source:antaranews",
            "official:jokowi",
            'official:"Tito Karnavian"',
            "-source:kompas.com",
        ]
    ),
)
REQUESTS = st.builds(
    SearchRequest,
    query=st.lists(PARTS, max_size=5).map(" ".join),
    officials=st.sampled_from([(), ("Joko Widodo",), ("Tito Karnavian", "Ganjar Pranowo")]),
    sources=st.sampled_from([(), ("kompas.com",), ("Kompas.com", "detik.com")]),
    date_from=st.sampled_from([None, dt.date(2019, 1, 1), dt.date(2021, 1, 1)]),
    date_to=st.sampled_from([None, dt.date(2022, 12, 31), dt.date(2024, 12, 31)]),
    sort=st.sampled_from(["relevance", "newest"]),
    indexed_after=st.sampled_from([None, 0.0, 4e9]),
)


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(request=REQUESTS)
@example(request=SearchRequest("pelayanan source:kompas.com OR netralitas"))
def test_count_is_the_total_of_the_search_for_any_request(engine: SearchEngine, request):
    try:
        result = engine.search(request)
    except RequestError:
        with pytest.raises(RequestError):
            engine.count(request)
        return
    if result.corrected_from is None:  # else the count of the words as typed differs
        assert engine.count(request) == result.total
    assert result.total == result.timeline.total
    # The request as searched (typed filters moved out of the text, as the web page's URL
    # gets them; a spelling correction's words) finds the same.
    assert engine.count(replace(result.request, as_typed=True)) == result.total
    assert len(result.hits) == min(result.found, request.page_size)
    assert all(not h.missing for h in result.hits[: result.total])


def test_a_filter_typed_in_the_query_is_counted_as_it_is_searched(engine: SearchEngine):
    """`official:jokowi` typed in the query: the count used to leave the filter out (5 articles
    mention a word of the query's text) while the search applied it (2)."""
    request = SearchRequest("official:jokowi")
    result = engine.search(request)
    assert result.total == 2 == engine.count(request)
    assert result.request.officials == ("Joko Widodo",) and result.request.query == ""
    # A source named without its domain resolves the same way when typed.
    typed = SearchRequest("pelayanan source:antaranews")
    assert engine.count(typed) == engine.search(typed).total == 1
    assert engine.count(typed) == engine.count(
        SearchRequest("pelayanan", sources=("antaranews.com",))
    )


def _stems(engine: SearchEngine, article_id: str) -> set[str]:
    article = engine.article(article_id)
    assert article is not None
    return set(analyze(f"{article.title}\n{article.body}"))


@pytest.mark.corpus
@pytest.mark.parametrize("sort", ["newest", "relevance"])
def test_articles_with_all_the_words_come_first_and_are_the_count(
    corpus_contract_engine, corpus_slice, sort
):
    """`banjir jakarta`: the count is the articles with a form of both words; they are listed
    first (by date too), then the articles with one, each saying which word it lacks."""
    corpus_engine = corpus_contract_engine
    wanted = {stem_word("banjir"), stem_word("jakarta")}
    both = {a.id for a in corpus_slice if wanted <= set(analyze(f"{a.title}\n{a.body}"))}
    result = corpus_engine.search(SearchRequest("banjir jakarta", sort=sort, page_size=100))
    assert result.total == len(both) == corpus_engine.count(result.request) > 10
    assert result.total_partial > result.total
    assert result.timeline.total == result.total  # the facets count the same set
    first = [h for h in result.hits[: result.total]]
    assert {h.id for h in first} == both and not any(h.missing for h in first)
    page_two = corpus_engine.search(
        SearchRequest("banjir jakarta", sort=sort, page=2, page_size=100)
    )
    for hit in page_two.hits[:20]:
        assert hit.missing in (["banjir"], ["jakarta"])
        assert wanted - _stems(corpus_engine, hit.id) == {stem_word(hit.missing[0])}
    if sort == "newest":
        dates = [h.date or "" for h in first]
        assert dates == sorted(dates, reverse=True)


@pytest.mark.corpus
def test_a_word_written_as_a_name_finds_the_name_not_the_other_words_of_its_root(
    corpus_contract_engine, corpus_slice
):
    """`ganjar`: the corpus writes the word alone capitalised (Ganjar Pranowo); *diganjar*
    (awarded, punished) shares its root. A search for ganjar finds the articles naming him,
    not those with the verb alone; on both engines."""
    name = re.compile(r"\bganjar\b", re.IGNORECASE)
    verb = re.compile(r"\b\w+ganjar\w*|\bganjar\w+", re.IGNORECASE)
    named = {a.id for a in corpus_slice if name.search(f"{a.title}\n{a.body}")}
    verb_only = {a.id for a in corpus_slice if verb.search(a.body)} - named
    assert named and verb_only
    result = corpus_contract_engine.search(SearchRequest("ganjar", page_size=100))
    found = {h.id for h in result.hits}
    assert found == named and result.total == len(named)


@pytest.mark.corpus
def test_partial_matches_are_never_dropped(corpus_contract_engine):
    """Words no article has together: every article with one of them is still listed."""
    corpus_engine = corpus_contract_engine
    result = corpus_engine.search(SearchRequest("tito karnavian pilkada", page_size=100))
    alone = [corpus_engine.search(SearchRequest(w)).found for w in ("pilkada", "tito")]
    assert result.found >= max(alone) > 0
    assert result.hits and all(h.missing for h in result.hits[: 100 - result.total])


@pytest.mark.corpus
def test_a_compound_missing_is_labelled_as_typed(corpus_contract_engine):
    """`e-KTP jakarta`: an article without e-KTP (in any of its spellings) misses "e-ktp",
    as typed, not the joined spelling the index searches ("ektp")."""
    result = corpus_contract_engine.search(SearchRequest("e-KTP jakarta", page_size=100))
    missing = {tuple(h.missing) for h in result.hits if h.missing}
    assert ("e-ktp",) in missing
    assert missing <= {("e-ktp",), ("jakarta",)}


def test_or_typed_means_either(engine: SearchEngine):
    """`a OR b c`: an article with c and either a or b has all the words."""
    with_or = engine.search(SearchRequest("jokowi OR suhajar birokrasi", page_size=100))
    jokowi = engine.search(SearchRequest("jokowi birokrasi", page_size=100))
    suhajar = engine.search(SearchRequest("suhajar birokrasi", page_size=100))
    complete = {h.id for h in with_or.hits if not h.missing}
    assert complete == {h.id for h in jokowi.hits + suhajar.hits if not h.missing}
    assert with_or.total == len(complete) > 0
    assert {tuple(h.missing) for h in with_or.hits} - {()} <= {
        ("birokrasi",),
        ("jokowi or suhajar",),
    }


@pytest.mark.corpus
@pytest.mark.parametrize(
    "sides",
    [
        ("banjir", '"kebakaran hutan"'),
        ("jokowi", '"joko widodo"'),
        ("title:banjir", "title:jakarta"),
        ('title:"kebakaran hutan"', "banjir"),
        ("banjir", "rob*"),
        ("exact:banjir", "longsor"),
        ('exact:"tanah longsor"', "banjir"),
        ("title:banjir", "jakar*"),
    ],
)
def test_or_means_either_when_a_side_is_a_phrase_a_title_word_a_prefix_or_exact(
    corpus_contract_engine, sides
):
    """`banjir OR "kebakaran hutan"`, `banjir OR rob*`, `exact:banjir OR longsor` find what
    either side finds alone (the union: each side's count less those both find), every
    article with all the words; a word typed beside the OR is the only one a result may
    miss. (A phrase, a title: word, a prefix or an exact: part typed beside OR was required:
    OR read as AND, the forest fires listed as missing "banjir".)"""
    engine = corpus_contract_engine
    either = engine.search(SearchRequest(" OR ".join(sides)))
    alone = [engine.count(SearchRequest(side)) for side in sides]
    both = engine.count(SearchRequest(" AND ".join(sides)))
    assert min(alone) > both
    assert either.total == sum(alone) - both and either.total_partial == 0
    beside = _all_hits(engine, f"{' OR '.join(sides)} hujan")
    assert {tuple(m) for m in beside.values()} == {(), ("hujan",)}


@pytest.mark.corpus
def test_an_excluded_prefix_leaves_out_every_word_it_starts(corpus_contract_engine):
    """`banjir -long*` is `banjir` less the articles with a word starting with "long"
    (*longsor*); it left out only the word "long" (on the corpus `banjir -rob*` kept 379 of
    386 instead of 376), on both engines."""
    engine = corpus_contract_engine
    both = engine.count(SearchRequest("banjir long*"))
    assert both > engine.count(SearchRequest("+banjir +long"))
    for text in ("banjir -long*", "banjir NOT long*"):
        left = engine.search(SearchRequest(text))
        assert left.total == engine.count(SearchRequest("banjir")) - both, text
    everything, some = engine.count(SearchRequest("")), engine.count(SearchRequest("long*"))
    assert engine.count(SearchRequest("-long*")) == everything - some


def test_the_page_says_both_counts_and_the_partial_matches_are_labelled(client):
    page = client.get("/?q=reformasi+birokrasi&official=Suhajar+Diantoro").get_data(as_text=True)
    summary = re.search(r'id="summary">(.*?)</p>', page, re.S).group(1)
    assert re.search(r"<strong>1</strong> article\s*with all the words", summary)
    assert '<strong class="partial-count">1</strong> with some' in summary
    divider = page.index('id="partial"')
    assert page.index('class="missing">Missing: <s lang="id">reformasi</s>') > divider
    assert 'href="/?q=reformasi+birokrasi&amp;official=Suhajar+Diantoro&amp;partial=1"' in page


@pytest.mark.corpus
@pytest.mark.parametrize(("typed", "written"), [("hutang", "utang"), ("cina", "tiongkok")])
def test_a_word_finds_the_articles_that_spell_it_another_way(
    corpus_contract_engine, corpus_slice, typed, written
):
    """Articles that write only the other spelling have all the words, and their snippet
    marks that spelling."""
    spelt = re.compile(rf"\b{written}\b", re.IGNORECASE)
    only_other = {
        a.id
        for a in corpus_slice
        if spelt.search(f"{a.title}\n{a.body}")
        and not re.search(rf"\b{typed}\b", f"{a.title}\n{a.body}", re.IGNORECASE)
    }
    found: dict = {}
    for page in range(1, 20):
        result = corpus_contract_engine.search(SearchRequest(typed, page=page, page_size=100))
        found |= {h.id: h for h in result.hits if not h.missing}
        if len(found) >= result.total:
            break
    assert only_other and only_other <= set(found)
    some = found[sorted(only_other)[0]]
    marked = re.findall(r"<mark>(.*?)</mark>", some.title_html + some.snippet.html())
    assert spelt.search(" ".join(marked))


def _text(engine: SearchEngine, article_id: str) -> str:
    article = engine.article(article_id)
    assert article is not None
    return f"{article.title}\n{article.body}"


def _all_hits(engine: SearchEngine, text: str) -> dict[str, list[str]]:
    """Every result of a query, by article id, with what each misses."""
    found: dict[str, list[str]] = {}
    for page in range(1, 100):
        result = engine.search(SearchRequest(text, page=page, page_size=100, partial=True))
        found |= {h.id: h.missing for h in result.hits}
        if page * 100 >= result.found_as_stories:  # a story's copies are one result
            return found
    raise AssertionError(f"{text}: more results than paged")


@pytest.mark.corpus
def test_a_hyphenated_pair_finds_its_words_written_apart_ranked_as_a_phrase(
    corpus_contract_engine,
):
    """`kebakaran-hutan` (news writes *kebakaran hutan* far more often than with the hyphen)
    finds what `kebakaran hutan` finds, all the words first; the articles writing the two
    words as a phrase rank first; an article with one of them misses the pair as typed."""
    engine = corpus_contract_engine
    hyphenated, apart = _all_hits(engine, "kebakaran-hutan"), _all_hits(engine, "kebakaran hutan")
    assert set(hyphenated) == set(apart)
    complete = {i for i, missing in hyphenated.items() if not missing}
    assert complete == {i for i, missing in apart.items() if not missing} and len(complete) > 50
    assert {tuple(m) for m in hyphenated.values() if m} == {("kebakaran-hutan",)}
    top = engine.search(SearchRequest("kebakaran-hutan", page_size=20)).hits
    phrase = re.compile(r"\bkebakaran[\s-]+hutan\b", re.IGNORECASE)
    assert all(phrase.search(_text(engine, h.id)) for h in top)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("words", "excluded", "example"),
    [
        # articles that name him only as Presiden Joko Widodo (tagged with the official)
        ("banjir", "jokowi", "clickid-b96fa3af6f33ee99"),
        # an article that writes only the long form (Partai Demokrasi Indonesia Perjuangan)
        ("pemilu", "pdip", None),
    ],
)
def test_an_excluded_word_leaves_out_every_article_a_search_for_it_finds(
    corpus_contract_engine, words, excluded, example
):
    """`banjir -jokowi` is `banjir` without the articles `banjir jokowi` finds with both:
    an exclusion reads the word as a search for it does (any form, its glossary alternatives,
    the official it names). It used to leave in the articles that name Jokowi otherwise."""
    engine = corpus_contract_engine
    both = {i for i, missing in _all_hits(engine, f"{words} {excluded}").items() if not missing}
    without = _all_hits(engine, f"{words} -{excluded}")
    assert not both & set(without)
    assert engine.count(SearchRequest(f"{words} -{excluded}")) == engine.count(
        SearchRequest(words)
    ) - engine.count(SearchRequest(f"{words} {excluded}"))
    if example:
        assert example in both


@pytest.mark.corpus
def test_a_required_word_keeps_the_others_optional(corpus_contract_engine):
    """`+kebakaran hutan`: every article with kebakaran is a result (as for `kebakaran`);
    those with hutan too have all the words, the others follow, missing hutan."""
    engine = corpus_contract_engine
    required = _all_hits(engine, "+kebakaran hutan")
    assert set(required) == set(_all_hits(engine, "kebakaran"))
    complete = {i for i, missing in required.items() if not missing}
    assert complete == {i for i, m in _all_hits(engine, "kebakaran hutan").items() if not m}
    assert {tuple(m) for m in required.values() if m} == {("hutan",)}


@pytest.mark.corpus
def test_a_required_name_finds_the_officials_articles(corpus_contract_engine):
    """A name required (+jokowi, AND) is found as the plain word is: also in the articles
    tagged with the official, which write only *Joko Widodo*; a stray AND is a plain word."""
    engine = corpus_contract_engine
    plain = _all_hits(engine, "jokowi")
    assert any("jokowi" not in _text(engine, i).lower() for i in plain)
    assert _all_hits(engine, "+jokowi") == plain
    assert _all_hits(engine, "jokowi AND") == plain
    both = {i for i, missing in _all_hits(engine, "jokowi kpk").items() if not missing}
    assert _all_hits(engine, "jokowi AND kpk") == {i: [] for i in both}
