"""search/retrieval/ranking.py: every query with words is ranked by relevance, required words
(AND, +word) and filters included."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from search.model import RequestError, SearchRequest
from web.params import request_from_params

# The query mix the benchmarks time: newsroom searches of every kind (read as data).
QUERY_MIX = Path(__file__).resolve().parent.parent / "bench" / "perf" / "queries.toml"
ANIES = "clickid-96687247de06fd55"  # Anies Baswedan Andalkan Ini Buat Antisipasi Banjir Jakarta


def _params(entry: dict) -> SearchRequest:
    def get(key: str) -> str | None:
        value = entry.get(key)
        return None if value is None else str(value[0] if isinstance(value, list) else value)

    def get_list(key: str) -> list[str]:
        value = entry.get(key, [])
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    return request_from_params(get, get_list)


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["banjir AND jakarta", "+banjir +jakarta"])
def test_required_words_are_ranked(corpus_engine, query):
    """The article about Jakarta's floods comes first, above articles that name *banjir*
    once; every hit has a score."""
    result = corpus_engine.search(SearchRequest(query, page_size=20))
    assert result.hits[0].id == ANIES
    assert all(h.score > 0 for h in result.hits)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert result.total == corpus_engine.search(SearchRequest("banjir jakarta")).total


@pytest.mark.corpus
def test_no_hit_of_a_worded_query_scores_zero(corpus_engine):
    """Over the query mix, asked by relevance, and its queries of plain words with AND
    between them: a query with words to find scores each hit."""
    checked = 0
    mix = tomllib.loads(QUERY_MIX.read_text("utf-8"))["query"]
    plain = [e for e in mix if len(q := e.get("q", "").split()) > 1 and q[0].isalpha()]
    required = [{**e, "q": " AND ".join(e["q"].split())} for e in plain]
    for entry in mix + required:
        try:
            request = _params({**entry, "sort": "relevance", "page": 1, "size": 50})
            result = corpus_engine.search(request)
        except RequestError:
            continue  # an official or source the slice of the corpus lacks
        plan, _ = corpus_engine.plan(request)
        if not (plan.all_words() or plan.has_prefixes or plan.exact_phrases) or not result.hits:
            continue
        checked += 1
        assert all(h.score > 0 for h in result.hits), entry
    assert checked > 40
