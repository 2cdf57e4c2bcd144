"""search/retrieval/matching.py: one reading of the query plan for the results, their count,
the facets and the relaxations, so they never disagree."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.model import RequestError, SearchRequest
from search.retrieval.engine import SearchEngine

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
def test_count_is_the_total_of_the_search_for_any_request(engine: SearchEngine, request):
    try:
        result = engine.search(request)
    except RequestError:
        with pytest.raises(RequestError):
            engine.count(request)
        return
    assert engine.count(request) == result.total
    assert result.total == result.timeline.total
    # The request as searched (typed filters moved out of the text, as the web page's URL
    # gets them) finds the same.
    assert engine.count(result.request) == result.total
    assert len(result.hits) == min(result.total, request.page_size)


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
