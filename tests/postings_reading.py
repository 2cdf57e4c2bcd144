"""For tests comparing two ways of reading an index's postings (flat files or Whoosh's
blocks): the results pages of a list of queries, and fresh caches for the second way."""

from __future__ import annotations

import dataclasses

import pytest

from search.model import SearchRequest, SearchResult
from search.retrieval import postings
from search.retrieval.engine import SearchEngine


def pages(engine: SearchEngine, queries: list[str]) -> list[SearchResult]:
    """Each query's first page by relevance and by date (its time zeroed: comparable)."""
    out = []
    for query in queries:
        for sort in ("relevance", "newest"):
            result = engine.search(SearchRequest(query, sort=sort))
            out.append(dataclasses.replace(result, seconds=0.0))
    return out


def forget_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drop every decoded posting and word score (for this test only)."""
    monkeypatch.setattr(
        postings,
        "_memos",
        postings.PerContent(lambda: postings.LRU(postings.MEMO_BYTES, weigh=lambda s: s.nbytes)),
    )
    postings.clear_cache()
