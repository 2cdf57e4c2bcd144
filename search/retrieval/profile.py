"""An official's page: the roles the gazetteer gives them over time, how often the archive
names them (a timeline, week by week over a year or less), who is named with them, the latest
articles naming them and what they were last quoted saying."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from search.dates import from_int
from search.ingest.extract.officials import gazetteer
from search.model import RequestError, SearchRequest, SearchResult, UnknownNameError
from search.retrieval import resolving
from search.retrieval.engine import SearchEngine

LATEST = 10
LATEST_QUOTES = 5
NAMED_WITH = 15
OPEN_END = 99991231  # the gazetteer's last day of a term still running


@dataclass(frozen=True)
class Role:
    role: str
    first: dt.date
    last: dt.date | None  # None: still held


@dataclass
class OfficialProfile:
    name: str  # as the index spells it
    roles: list[Role]  # oldest first, from search/data/officials.toml
    result: SearchResult  # the articles naming them, newest first (timeline, facets)
    named_with: list[tuple[str, int]] = field(default_factory=list)  # others, most often first
    # The newest articles quoting them, each hit's snippet their quote (None: never quoted).
    quotes: SearchResult | None = None


def official_profile(engine: SearchEngine, name: str) -> OfficialProfile:
    """The profile of the official `name` (any alias or spelling, a title before it, as a
    filter reads it). Raises UnknownNameError, with the names it may mean (or the people
    quoted filter when it knows the name: search.retrieval.resolving.explained), when no
    article names them."""
    try:
        (canonical,) = engine.resolve_officials((name,))
    except UnknownNameError as exc:
        raise resolving.explained(engine, exc, in_query=False) from None
    result = engine.search(
        SearchRequest(
            officials=(canonical,),
            sort="newest",
            page_size=LATEST,
            weekly=True,
            facets_filtered=True,  # who is named with them: among their own articles
        )
    )
    terms = gazetteer().terms.get(canonical, [])
    roles = [
        Role(role, from_int(first), None if last >= OPEN_END else from_int(last))
        for role, first, last in sorted(terms, key=lambda t: t[1])
    ]
    others = [(n, c) for n, c in result.official_counts if n != canonical][:NAMED_WITH]
    return OfficialProfile(canonical, roles, result, others, latest_quotes(engine, canonical))


def latest_quotes(engine: SearchEngine, name: str) -> SearchResult | None:
    """The newest articles quoting `name` (as the said: filter finds them: any spelling of
    the same person), each with their quote as its snippet, a quote reported by several
    articles only once; None when no article quotes them."""
    request = SearchRequest(said=(name,), sort="newest", page_size=LATEST_QUOTES * 3)
    try:
        quoted = engine.search(request)
    except RequestError:
        return None
    distinct = {hit.snippet.text: hit for hit in reversed(quoted.hits)}  # the newest kept
    hits = [hit for hit in quoted.hits if distinct.get(hit.snippet.text) is hit]
    quoted.hits = hits[:LATEST_QUOTES]
    return quoted if quoted.hits else None
