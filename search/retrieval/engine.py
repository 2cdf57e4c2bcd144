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
from whoosh.searching import Searcher

from search import config
from search.config import RESULT_CACHE
from search.indexing import store
from search.ingest.extract.sources import source_from_url
from search.model import (
    ArticleView,
    Copy,
    Hit,
    Official,
    RequestError,
    SearchRequest,
    SearchResult,
    last_page,
)
from search.query.plan import QueryPlan, parse_query
from search.query.prefixes import expand_prefixes
from search.query.relaxation import Relaxation, candidates
from search.query.suggest import suggest, vocabulary
from search.retrieval.copies import CopyGroups, collapse, copy_groups
from search.retrieval.doctable import date_order, official_spellings, source_names
from search.retrieval.facets import FacetCounts, count_facets
from search.retrieval.matching import request_mask
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
        scheme or "www." ("https://www.Tempo.co/" is tempo.co), a page's URL or a subdomain
        as its site ("https://news.kompas.com/read/..." is kompas.com), and a name without
        its domain ("tempo") when one source has it. A source no article has is a RequestError
        that lists the nearest ones, as for officials."""
        if not names:
            return ()
        with self.searcher() as s:
            known = source_names(s)
        by_lower = {n.lower(): n for n in known}
        resolved = []
        for name in names:
            key = _source_key(name)
            # As written, else the site a URL or a subdomain belongs to, by the rule
            # extraction gives articles their source with (news.kompas.com: kompas.com).
            site = source_from_url(f"http://{key}") if "." in key else None
            found = by_lower.get(key) or by_lower.get(site or "")
            if found:
                resolved.append(found)
                continue
            key = site or key
            named = [n for k, n in by_lower.items() if k.split(".")[0] == key.split(".")[0]]
            if len(named) == 1 and key and "." not in key:  # "tempo": tempo.co
                resolved.append(named[0])
                continue
            close = named or [n for k, n in by_lower.items() if key and key[:4] in k]
            hint = f"; did you mean {', '.join(sorted(close)[:3])}?" if close else ""
            raise RequestError(f"no article comes from the source {name[:80]!r}{hint}")
        return tuple(dict.fromkeys(resolved))

    # -- searching -----------------------------------------------------------------------

    def plan(self, request: SearchRequest) -> tuple[QueryPlan, SearchRequest]:
        """The request's query plan, and the request as searched: the filters typed in the
        query (source:, official:) merged with the request's own, each resolved to its
        spelling in the index, and the query without them. Searching, counting and
        relaxations all start here."""
        plan = parse_query(request.query)
        officials = (*request.officials, *plan.filters.get("officials", []))
        sources = (*request.sources, *plan.filters.get("sources", []))
        request = replace(
            request,
            query=plan.text,
            officials=self.resolve_officials(tuple(dict.fromkeys(officials))),
            sources=self.resolve_sources(tuple(dict.fromkeys(sources))),
        )
        return plan, request

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
            groups = self._copy_groups(s)
            stories = groups.stories(counts.mask) if counts.total else 0
            if counts.total:
                last = last_page(stories, request.page_size)
                if request.page > last:
                    raise RequestError(
                        f"page {request.page} is past the last page ({last}) of the"
                        f" {stories:,} results"
                    )
                # Copies of one story are shown once: rank enough articles for a page of stories.
                extra = groups.copies_in(counts.mask)
                ranked = collapse(self._rank(s, plan, request, counts.mask, extra), groups)
                start = (request.page - 1) * request.page_size
                hits = [
                    self._hit(s.stored_fields(docnum), score, plan, self._copies(s, others))
                    for score, docnum, others in ranked[start : start + request.page_size]
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
            timeline=counts.timeline,
            notes=notes,
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
            total_stories=stories,
        )

    def _copy_groups(self, s: Searcher) -> CopyGroups:
        """The copy groups of the index this thread's searcher reads."""
        return copy_groups(s, self._local.cached[0])

    def _copies(self, s: Searcher, docnums: list[int]) -> list[Copy]:
        """The other copies of a story, oldest first."""
        copies = []
        for docnum in docnums:
            fields = s.stored_fields(docnum)
            copies.append(
                Copy(
                    fields["id"], fields.get("source") or None, fields.get("date"), fields["title"]
                )
            )
        return sorted(copies, key=lambda c: (c.date or "", c.source or "", c.id))

    def _rank(
        self,
        s: Searcher,
        plan: QueryPlan,
        request: SearchRequest,
        mask: np.ndarray,
        extra: int = 0,
    ) -> list[tuple[float, int]]:
        """(score, docnum) of the matches up to the end of the requested page (and `extra`
        more), best first.

        By date: the matches in the index's date order, built once per index reader. By
        relevance: array scoring over the postings (search.retrieval.ranking).
        """
        needed = request.page * request.page_size + extra
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
        """Changes to a request that would find something (search.query.relaxation), each
        with how many articles it finds, most first (those counted within the time budget
        for extras, config.EXTRAS_BUDGET_SECONDS)."""
        started = time.perf_counter()
        plan, request = self.plan(request)
        found: list[Relaxation] = []
        for relaxation, changed in candidates(request, plan):
            if time.perf_counter() - started >= config.EXTRAS_BUDGET_SECONDS:
                break  # those found so far (see config.EXTRAS_BUDGET_SECONDS)
            try:
                total = self.count(replace(changed, page=1))
            except RequestError:
                continue
            if total:
                found.append(replace(relaxation, total=total))
        return sorted(found, key=lambda r: -r.total)

    def _facets(self, s: Searcher, plan: QueryPlan, request: SearchRequest) -> FacetCounts:
        """The matches passing every filter, and the facet counts."""
        return count_facets(s, request_mask(s, plan, request), request)

    def _hit(
        self, fields: dict[str, Any], score: float, plan: QueryPlan, copies: list[Copy]
    ) -> Hit:
        stems, exact, runs = plan.stems(), plan.exact_forms(), plan.marked_runs()
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
            copies=copies,
        )

    def marking(self, query: str) -> QueryPlan:
        """The plan whose words an article page marks (a prefix's words included)."""
        plan = parse_query(query)
        if not plan.has_prefixes:  # no index words to look up: no searcher needed
            return plan
        with self.searcher() as s:
            return expand_prefixes(s.reader(), plan)

    def article(self, article_id: str) -> ArticleView | None:
        with self.searcher() as s:
            docnum = s.document_number(id=article_id)
            if docnum is None:
                return None
            fields = s.stored_fields(docnum)
            copies = self._copies(s, self._copy_groups(s).others(docnum))
        return ArticleView(
            id=fields["id"],
            title=fields["title"],
            body=fields.get("body", ""),
            date=fields.get("date"),
            date_precision=fields.get("date_precision", "none"),
            source=fields.get("source") or None,
            officials=_officials(fields),
            url=fields.get("url"),
            copies=copies,
        )
