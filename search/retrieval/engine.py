"""SearchRequest -> SearchResult: ranked hits with snippets, facet counts, filters, paging.

`SearchEngine` owns the open index: it follows the live generation (so a rebuild or update is
picked up without restart) and keeps one Whoosh searcher per thread, refreshed when stale.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as q
from whoosh.searching import Searcher

from search.config import RESULT_CACHE
from search.dates import as_int
from search.indexing import store
from search.indexing.schema import NO_DATE_END, NO_DATE_START
from search.model import (
    ArticleView,
    Hit,
    Official,
    RequestError,
    SearchRequest,
    SearchResult,
    last_page,
)
from search.query.plan import ParsedQuery, parse_query, to_whoosh
from search.query.prefixes import expand_prefixes
from search.query.suggest import suggest
from search.retrieval.facets import (
    FacetCounts,
    count_facets,
    date_order,
    official_spellings,
    source_names,
)
from search.retrieval.postings import LRU, reader_arrays
from search.retrieval.ranking import rank
from search.retrieval.snippets import best_snippet, highlight_all
from search.text.analyzer import plain_apostrophes


def _source_key(name: str) -> str:
    key = " ".join(name.split()).lower()
    key = key.split("://", 1)[-1].split("/", 1)[0]
    return key.removeprefix("www.")


def _officials(fields: dict[str, Any]) -> list[Official]:
    try:
        return [
            Official(name, role) for name, role in json.loads(fields.get("official_roles") or "[]")
        ]
    except (ValueError, TypeError):
        return []


class SearchEngine:
    """Searches the live index of one index folder. Safe to share between threads."""

    def __init__(self, index_dir: Path, *, cache_size: int = RESULT_CACHE) -> None:
        """`cache_size`: how many results to keep for repeated searches (0: none). A cached
        result is only reused while the index holds exactly the same documents."""
        self.index_dir = Path(index_dir)
        self._local = threading.local()
        self._results: LRU | None = LRU(cache_size) if cache_size > 0 else None

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """This thread's searcher, reopened when a new generation went live or an update landed."""
        stamp = store.live_stamp(self.index_dir)
        cached = getattr(self._local, "cached", None)
        if stamp is not None and cached is not None and cached[2] == stamp:
            yield cached[1]  # nothing changed on disk since the last full check
            return
        generation = store.require_live(self.index_dir)
        if cached is None or cached[0] != generation.path or not cached[1].up_to_date():
            # Not Searcher.refresh() on an update: it reuses the readers of unchanged
            # segments, which keep their old deletions, so articles an update deleted or
            # re-indexed would linger.
            if cached is not None:
                cached[1].close()
                self._local.cached = None
            try:
                cached = (generation.path, generation.searcher(), stamp)
            except Exception as exc:  # damaged segment files
                raise store.corrupt_index(self.index_dir, exc) from exc
        else:
            cached = (cached[0], cached[1], stamp)
        self._local.cached = cached
        yield cached[1]

    def warm(self) -> None:
        """Open the index and build what the first search would (facet tables, date orders,
        field lengths, the stemmer, the glossary), so the first user does not wait for it.
        No index yet: nothing to do."""
        from search.text.analyzer import warm_stemmer

        warm_stemmer()
        try:
            with self.searcher() as s:
                date_order(s, newest=True)
                date_order(s, newest=False)
            # Field lengths, glossary, snippets: the first search reads and builds them.
            self._search(SearchRequest("pelayanan publik"), time.perf_counter())
        except store.IndexMissingError:
            pass

    def close(self) -> None:
        cached = getattr(self._local, "cached", None)
        if cached is not None:
            cached[1].close()
            self._local.cached = None

    # -- resolving user input ------------------------------------------------------------

    def official_names(self) -> list[str]:
        with self.searcher() as s:
            return sorted(official_spellings(s).values())

    def resolve_officials(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Index spellings of the officials a user asked for (case-insensitive, aliases known)."""
        from search.ingest.extract.officials import gazetteer

        if not names:
            return ()
        with self.searcher() as s:
            known = official_spellings(s)
        resolved = []
        for name in names:
            key = plain_apostrophes(" ".join(name.split()).lower())
            if key in known:
                resolved.append(known[key])
                continue
            canonical = gazetteer().by_alias.get(key, (None, ""))[0]
            if canonical and canonical.lower() in known:
                resolved.append(known[canonical.lower()])
                continue
            # Names that start with the words asked for first ("joko": Joko Widodo before
            # Djoko Santoso), the gazetteer's officials first among them.
            famous = {canonical for canonical, _ in gazetteer().by_alias.values()}
            close = sorted(
                (n for k, n in known.items() if key and key in k),
                key=lambda n: (not n.lower().startswith(key), n not in famous, n),
            )[:3]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            if close and " " not in key and any(" " in n for n in close):
                hint += f' (in a query, a name of several words is quoted: official:"{close[0]}")'
            raise RequestError(f"no article names the official {name[:80]!r}{hint}")
        return tuple(dict.fromkeys(resolved))

    def resolve_sources(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Index spellings of the sources a user asked for: case-insensitive, without a
        scheme or "www." ("https://www.Tempo.co/" is tempo.co), and a name without its
        domain ("tempo") when one source has it. A source no article has is a RequestError
        that lists the nearest ones, as for officials."""
        if not names:
            return ()
        with self.searcher() as s:
            known = source_names(s)
        by_lower = {n.lower(): n for n in known}
        resolved = []
        for name in names:
            key = _source_key(name)
            if key in by_lower:
                resolved.append(by_lower[key])
                continue
            named = [n for k, n in by_lower.items() if k.split(".")[0] == key.split(".")[0]]
            if len(named) == 1 and key and "." not in key:  # "tempo": tempo.co
                resolved.append(named[0])
                continue
            close = named or [n for k, n in by_lower.items() if key and key[:4] in k]
            hint = f"; did you mean {', '.join(sorted(close)[:3])}?" if close else ""
            raise RequestError(f"no article comes from the source {name[:80]!r}{hint}")
        return tuple(dict.fromkeys(resolved))

    # -- searching -----------------------------------------------------------------------

    def _filters(
        self,
        request: SearchRequest,
        *,
        officials: bool = True,
        sources: bool = True,
        dates: bool = True,
    ) -> q.Query | None:
        """The request's filters as a Whoosh query. Facet counting applies officials, sources
        and dates itself (see search.retrieval.facets) and asks here for the others only."""
        parts: list[q.Query] = []
        if officials and request.officials:
            parts.append(q.Or([q.Term("officials", n) for n in request.officials]))
        if sources and request.sources:
            parts.append(q.Or([q.Term("source", s) for s in request.sources]))
        if dates and (request.date_from or request.date_to):
            start = as_int(request.date_from) if request.date_from else 1
            end = as_int(request.date_to) if request.date_to else NO_DATE_END - 1
            parts.append(q.NumericRange("date_end", start, NO_DATE_END - 1))
            parts.append(q.NumericRange("date_start", 1, end))
        if dates and request.undated:
            parts.append(q.NumericRange("date_start", NO_DATE_START, NO_DATE_START))
        if request.indexed_after is not None:
            parts.append(q.NumericRange("indexed_at", request.indexed_after, None, startexcl=True))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else q.And(parts)

    def search(self, request: SearchRequest) -> SearchResult:
        """Ranked hits with snippets, facets and a suggestion (a repeated search on the same
        index is answered from the result cache)."""
        started = time.perf_counter()
        if self._results is None:
            return self._search(request, started)
        with self.searcher() as s:
            key = (request, reader_arrays(s.reader()).content_key)
        found = self._results.get(key)
        if found is None:
            found = self._search(request, started)
            self._results.put(key, found)
            return found
        return replace(found, seconds=time.perf_counter() - started)

    def _search(self, request: SearchRequest, started: float) -> SearchResult:
        parsed = parse_query(request.query)
        request = _with(
            request,
            officials=self.resolve_officials(
                tuple(dict.fromkeys((*request.officials, *parsed.filters.get("officials", []))))
            ),
            sources=self.resolve_sources(
                tuple(dict.fromkeys((*request.sources, *parsed.filters.get("sources", []))))
            ),
        )
        whoosh_query = to_whoosh(parsed)
        with self.searcher() as s:
            counts = self._facets(s, whoosh_query, request)
            parsed = expand_prefixes(s.reader(), parsed)
            hits = []
            # Always filtered by the matching set: Whoosh reads an empty filter as no filter,
            # and its own AndNot let through an excluded word's article ("-PUBLIK 1", found by
            # tests/test_fuzz.py), so hits could disagree with the total.
            if counts.total:
                last = last_page(counts.total, request.page_size)
                if request.page > last:
                    raise RequestError(
                        f"page {request.page} is past the last page ({last}) of the"
                        f" {counts.total:,} results"
                    )
                ranked = self._rank(s, parsed, request, counts.mask)
                start = (request.page - 1) * request.page_size
                hits = [
                    self._hit(s.stored_fields(docnum), score, parsed)
                    for score, docnum in ranked[start : start + request.page_size]
                ]
            suggestion = suggest(s.reader(), request.query, parsed)
        notes = list(parsed.notes)
        return SearchResult(
            request=request,
            total=counts.total,
            hits=hits,
            official_counts=counts.officials,
            source_counts=counts.sources,
            timeline=counts.timeline,
            notes=notes,
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
        )

    def _rank(
        self, s: Searcher, parsed: ParsedQuery, request: SearchRequest, mask: np.ndarray
    ) -> list[tuple[float, int]]:
        """(score, docnum) of the matches up to the end of the requested page, best first.

        By date: the matches in the index's date order, built once per index reader. By
        relevance: array scoring over the postings (search.retrieval.ranking).
        """
        needed = request.page * request.page_size
        if request.sort in ("newest", "oldest") or parsed.is_empty:
            order = date_order(s, newest=request.sort != "oldest")
            return [(0.0, int(d)) for d in order[mask[order]][:needed]]
        return rank(reader_arrays(s.reader()), parsed, mask, needed)

    def count(self, request: SearchRequest) -> int:
        """How many articles a request matches (no ranking, snippets or facets)."""
        request = _with(request, officials=self.resolve_officials(request.officials))
        with self.searcher() as s:
            return self._facets(s, to_whoosh(parse_query(request.query)), request).total

    def _facets(self, s: Searcher, whoosh_query: q.Query, request: SearchRequest) -> FacetCounts:
        """The matches passing every filter, and the facet counts (search.retrieval.facets applies the
        officials, sources and dates filters itself; the others go as a Whoosh query)."""
        return count_facets(
            s,
            whoosh_query,
            self._filters(request, officials=False, sources=False, dates=False),
            officials=request.officials,
            sources=request.sources,
            date_from=request.date_from,
            date_to=request.date_to,
            undated=request.undated,
        )

    def _hit(self, fields: dict[str, Any], score: float, parsed: ParsedQuery) -> Hit:
        stems, exact, runs = parsed.stems(), parsed.exact_forms(), parsed.marked_runs()
        return Hit(
            id=fields["id"],
            title=fields["title"],
            date=fields.get("date"),
            date_precision=fields.get("date_precision", "none"),
            source=fields.get("source") or None,
            officials=_officials(fields),
            score=score,
            snippet=best_snippet(fields.get("body", ""), stems, exact, runs=runs),
            title_html=highlight_all(fields["title"], stems, exact, runs),
            url=fields.get("url"),
        )

    def marking(self, query: str) -> ParsedQuery:
        """The parsed query whose words an article page marks (a prefix's words included)."""
        parsed = parse_query(query)
        if not parsed.has_prefixes:  # no index words to look up: no searcher needed
            return parsed
        with self.searcher() as s:
            return expand_prefixes(s.reader(), parsed)

    def article(self, article_id: str) -> ArticleView | None:
        with self.searcher() as s:
            fields = s.document(id=article_id)
        if fields is None:
            return None
        return ArticleView(
            id=fields["id"],
            title=fields["title"],
            body=fields.get("body", ""),
            date=fields.get("date"),
            date_precision=fields.get("date_precision", "none"),
            source=fields.get("source") or None,
            officials=_officials(fields),
            url=fields.get("url"),
        )


def _with(request: SearchRequest, **changes: Any) -> SearchRequest:
    return replace(request, **changes)
