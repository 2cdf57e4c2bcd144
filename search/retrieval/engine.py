"""SearchRequest -> SearchResult: ranked hits with snippets, facet counts, filters, paging.

`SearchEngine` owns the open index: it follows the live generation (so a rebuild or update is
picked up without restart) and keeps one Whoosh searcher per thread, refreshed when stale.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from search import config
from search.config import RESULT_CACHE
from search.indexing import store
from search.model import (
    ArticleView,
    Hit,
    RequestError,
    SearchRequest,
    SearchResult,
    last_page,
)
from search.query.plan import QueryPlan, parse_query
from search.query.prefixes import expand_prefixes
from search.query.relaxation import Relaxation
from search.query.suggest import suggest, vocabulary
from search.retrieval import resolving
from search.retrieval.doctable import (
    date_order,
    official_spellings,
    source_names,
    speaker_spellings,
)
from search.retrieval.facets import FacetCounts, count_facets
from search.retrieval.hits import article_from_fields, hit_from_fields
from search.retrieval.matching import request_mask
from search.retrieval.postings import LRU, reader_arrays
from search.retrieval.ranking import rank


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
                vocabulary(s.reader())  # for suggestions
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
        if not names:
            return ()
        with self.searcher() as s:
            known = official_spellings(s)
        return resolving.resolve_people(names, known, "official", partial=False)

    def resolve_speakers(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Index spellings of the people quoted a user asked for, as for officials; a part of
        one person's name ("wiyagus") is that person."""
        if not names:
            return ()
        with self.searcher() as s:
            known = speaker_spellings(s)
        return resolving.resolve_people(names, known, "said", partial=True)

    def resolve_sources(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Index spellings of the sources a user asked for (search.retrieval.resolving)."""
        if not names:
            return ()
        with self.searcher() as s:
            known = source_names(s)
        return resolving.resolve_sources(known, names)

    # -- searching -----------------------------------------------------------------------

    def plan(self, request: SearchRequest) -> tuple[QueryPlan, SearchRequest]:
        """The request's query plan, and the request as searched (search.retrieval.resolving
        .plan_request): searching, counting and relaxations all start here."""
        return resolving.plan_request(self, request)

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
        plan, request = self.plan(request)
        with self.searcher() as s:
            counts = self._facets(s, plan, request)
            plan = expand_prefixes(s.reader(), plan)
            hits = []
            if counts.total:
                last = last_page(counts.total, request.page_size)
                if request.page > last:
                    raise RequestError(
                        f"page {request.page} is past the last page ({last}) of the"
                        f" {counts.total:,} results"
                    )
                ranked = self._rank(s, plan, request, counts.mask)
                start = (request.page - 1) * request.page_size
                hits = [
                    self._hit(s.stored_fields(docnum), score, plan, request.said)
                    for score, docnum in ranked[start : start + request.page_size]
                ]
            suggestion = None
            if time.perf_counter() - started < config.EXTRAS_BUDGET_SECONDS:
                suggestion = suggest(s.reader(), request.query, plan)
        notes = list(plan.notes)
        return SearchResult(
            request=request,
            total=counts.total,
            hits=hits,
            official_counts=counts.officials,
            source_counts=counts.sources,
            said_counts=counts.said,
            timeline=counts.timeline,
            notes=notes,
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
        )

    def _rank(
        self, s: Searcher, plan: QueryPlan, request: SearchRequest, mask: np.ndarray
    ) -> list[tuple[float, int]]:
        """(score, docnum) of the matches up to the end of the requested page, best first.

        By date: the matches in the index's date order, built once per index reader. By
        relevance: array scoring over the postings (search.retrieval.ranking).
        """
        needed = request.page * request.page_size
        if request.sort in ("newest", "oldest") or plan.is_empty:
            order = date_order(s, newest=request.sort != "oldest")
            return [(0.0, int(d)) for d in order[mask[order]][:needed]]
        return rank(reader_arrays(s.reader()), plan, mask, needed)

    def count(self, request: SearchRequest) -> int:
        """How many articles a request matches (no ranking, snippets or facets): always
        `search(request).total`."""
        plan, request = self.plan(request)
        with self.searcher() as s:
            return self._facets(s, plan, request).total

    def relaxations(self, request: SearchRequest) -> list[Relaxation]:
        """Changes to a request that would find something, most first (search.retrieval
        .resolving)."""
        return resolving.relaxations(self, request)

    def _facets(self, s: Searcher, plan: QueryPlan, request: SearchRequest) -> FacetCounts:
        """The matches passing every filter, and the facet counts."""
        return count_facets(s, request_mask(s, plan, request), request)

    def _hit(
        self, fields: dict[str, Any], score: float, plan: QueryPlan, said: tuple[str, ...] = ()
    ) -> Hit:
        return hit_from_fields(fields, score, plan, said)

    def marking(self, query: str) -> QueryPlan:
        """The plan whose words an article page marks (a prefix's words included)."""
        plan = parse_query(query)
        if not plan.has_prefixes:  # no index words to look up: no searcher needed
            return plan
        with self.searcher() as s:
            return expand_prefixes(s.reader(), plan)

    def article(self, article_id: str) -> ArticleView | None:
        with self.searcher() as s:
            fields = s.document(id=article_id)
        return None if fields is None else article_from_fields(fields)

    # -- what saved queries read ---------------------------------------------------------

    @property
    def state_dir(self) -> Path:
        """Where saved queries keep how far each has seen: the index folder."""
        return self.index_dir

    def describe(self) -> str:
        return f"{self.index_dir}/"

    def meta(self) -> dict[str, Any]:
        """The live index's build metadata (analyzer and schema versions, build time)."""
        return store.require_live(self.index_dir).read_meta()

    def latest_indexed_at(self) -> float:
        """When the most recently indexed article visible now was indexed (0.0 for none).

        Articles of an update still being written carry a later stamp (updates are
        serialised by the write lock), so `indexed_at > this` never misses one. Read from the
        field's terms: every article of one build or update shares its stamp, so there are
        few of them."""
        with self.searcher() as s:
            field = s.schema["indexed_at"]
            full_precision = [t for t in s.reader().lexicon("indexed_at") if t[:1] == b"\x00"]
            return float(field.from_bytes(full_precision[-1])) if full_precision else 0.0
