"""SearchRequest -> SearchResult: ranked hits with snippets, facet counts, filters, paging.

`SearchEngine` owns the open index: it follows the live generation (so a rebuild or update is
picked up without restart) and keeps one Whoosh searcher per thread, refreshed when stale.
"""

from __future__ import annotations

import datetime as dt
import pickle
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from search import config
from search.config import RESULT_CACHE
from search.i18n import format_number, gettext, language
from search.indexing import store
from search.indexing.official_variants import with_variants
from search.model import (
    ArticleView,
    Copy,
    Hit,
    RequestError,
    SearchRequest,
    SearchResult,
    last_page,
)
from search.query.plan import QueryPlan, parse_query
from search.query.prefixes import complete_last_word, expand_prefixes
from search.query.relaxation import Relaxation
from search.query.suggest import suggest, vocabulary
from search.query.terms import ReaderTerms
from search.retrieval import docsets, resolving
from search.retrieval.copies import CopyGroups, collapse, copy_groups
from search.retrieval.coverage import Coverage, coverage
from search.retrieval.doctable import (
    date_order,
    date_ranks,
    doc_table,
    id_ranks,
    official_spellings,
    source_names,
    speaker_spellings,
)
from search.retrieval.facets import FacetCounts, count_facets
from search.retrieval.hits import article_from_fields, copies_of, hit_from_fields
from search.retrieval.matching import Matches, request_matches
from search.retrieval.postings import LRU, reader_arrays
from search.retrieval.ranking import rank_docs

# What reading a damaged index file raises deep in Whoosh or numpy (a file the size it was
# written, its bytes not): the index's damage, not the program's.
DAMAGE_READ = (zlib.error, struct.error, EOFError, pickle.UnpicklingError)


class Pin:
    """One version of an index held open (`SearchEngine.pinned`): `with pin:` makes the
    searches of the thread inside read it, as many times as needed."""

    def __init__(self, local: threading.local, searcher: Searcher, groups: CopyGroups) -> None:
        self._local, self.searcher, self.groups = local, searcher, groups
        self._outer: list[Pin | None] = []

    def __enter__(self) -> Pin:
        self._outer.append(getattr(self._local, "pin", None))
        self._local.pin = self
        return self

    def __exit__(self, *exc: object) -> None:
        self._local.pin = self._outer.pop()


class SearchEngine:
    """Searches the live index of one index folder. Safe to share between threads."""

    def __init__(self, index_dir: Path, *, cache_size: int = RESULT_CACHE) -> None:
        """`cache_size`: how many results to keep for repeated searches (0: none). A cached
        result is only reused while the index holds exactly the same documents."""
        self.index_dir = Path(index_dir)
        self._local = threading.local()
        self._results: LRU | None = LRU(cache_size) if cache_size > 0 else None

    @contextmanager
    def pinned(self) -> Iterator[Pin]:
        """The index as it is now, held until the block ends, though an update or a build lands
        meanwhile: inside `with pin:` this thread's searches read it (an export's pages are of
        one version of the index; each page read anew dropped or repeated the articles and
        copies an update moved). The pin is entered for each page's searches, not across the
        export's pauses: a thread is never left reading an old index, whichever thread ends
        the export."""
        generation = store.require_live(self.index_dir)
        try:
            searcher = generation.searcher()
        except Exception as exc:  # damaged segment files
            raise store.corrupt_index(self.index_dir, exc) from exc
        try:
            with self._damage_read():
                groups = copy_groups(searcher, generation.path)
            yield Pin(self._local, searcher, groups)
        finally:
            searcher.close()

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """This thread's searcher, reopened when a new generation went live or an update landed
        (inside a `Pin`, the pinned one)."""
        if (pin := getattr(self._local, "pin", None)) is not None:
            with self._damage_read():
                yield pin.searcher
            return
        stamp = store.live_stamp(self.index_dir)
        cached = getattr(self._local, "cached", None)
        if stamp is not None and cached is not None and cached[2] == stamp:
            with self._damage_read():
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
        with self._damage_read():
            yield cached[1]

    @contextmanager
    def _damage_read(self) -> Iterator[None]:
        """A file found damaged while it is read (zeros written over compressed stored fields,
        a cut record) is the index's damage, said as such (a 503 and `cari build`), not a
        traceback; the next search opens the index again."""
        try:
            yield
        except DAMAGE_READ as exc:
            self._local.cached = None
            raise store.corrupt_index(self.index_dir, exc) from exc

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
            return sorted(set(official_spellings(s).values()))

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
        return resolving.resolve_people(names, self._speakers(), "said", partial=True)

    def _speakers(self) -> dict[str, str]:
        """Every person the index quotes, lower-cased -> as spelled in the index."""
        with self.searcher() as s:
            return speaker_spellings(s)

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
        .plan_request), its last word completed while it is typed (`request.complete`):
        searching, counting and relaxations all start here, so they read the words alike."""
        plan, request = resolving.plan_request(self, request)
        if request.complete:
            with self.searcher() as s:
                plan = complete_last_word(reader_terms(s), plan)
        return plan, request

    def search(self, request: SearchRequest) -> SearchResult:
        """Ranked hits with snippets, facets and a suggestion (a repeated search on the same
        index is answered from the result cache)."""
        started = time.perf_counter()
        if self._results is None:
            return self._search(request, started)
        with self.searcher() as s:
            key = (request, reader_arrays(s.reader()).content_key, language())
        found = self._results.get(key)
        if found is None:
            found = self._search(request, started)
            self._results.put(key, found)
            return found
        return replace(found, seconds=time.perf_counter() - started)

    def _search(self, request: SearchRequest, started: float) -> SearchResult:
        asked = request
        plan, request = self.plan(request)
        plan.notes.extend(resolving.namesake_notes(self, asked, plan, request, self._speakers))
        with self.searcher() as s:
            terms = reader_terms(s)
            counts, partial, matches = self._counts(s, plan, request)
            plan = expand_prefixes(terms, plan)
            hits = []
            found = counts.total + len(partial)
            groups = self._copy_groups(s)
            every = np.concatenate([counts.docs, partial])  # the two are disjoint
            stories = groups.stories(counts.docs) if counts.total else 0
            found_stories = groups.stories(every) if found else 0
            if found:
                last = last_page(found_stories, request.page_size)
                if request.page > last:
                    raise RequestError(
                        gettext(
                            "page %(page)s is past the last page (%(last)s) of the"
                            " %(total)s results",
                            page=request.page,
                            last=last,
                            total=format_number(found_stories),
                        )
                    )
                page = PageRanking(s, plan, request, (counts.docs, partial), matches)
                ranked = page.stories(groups, every)
                start = (request.page - 1) * request.page_size
                # the quotes shown are those of every spelling the filter counts
                said = with_variants(request.said, doc_table(s).said.variants)
                hits = [
                    self._hit(
                        s.stored_fields(docnum),
                        score,
                        plan,
                        missing,
                        self._copies(s, others),
                        said,
                    )
                    for score, docnum, missing, others in ranked[start : start + request.page_size]
                ]
            last = plan.units[-1].words if request.complete and plan.units else []
            unfinished = last[-1].exact if last else None
            suggestion = None
            if time.perf_counter() - started < config.EXTRAS_BUDGET_SECONDS:
                suggestion = suggest(terms, request.query, plan, unfinished=unfinished)
                suggestion = resolving.offered_suggestion(
                    suggestion, request, counts.total, self.count
                )
        notes = list(plan.notes)
        result = SearchResult(
            request=request,
            total=counts.total,
            total_partial=found - counts.total,
            hits=hits,
            official_counts=counts.officials,
            source_counts=counts.sources,
            said_counts=counts.said,
            timeline=counts.timeline,
            facet_totals=counts.totals,
            notes=notes,
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
            total_stories=stories,
            found_stories=found_stories,
        )
        return resolving.corrected(result, lambda r: self._search(r, started)) or result

    def _copy_groups(self, s: Searcher) -> CopyGroups:
        """The copy groups of the index this thread's searcher reads."""
        if (pin := getattr(self._local, "pin", None)) is not None:
            return pin.groups
        return copy_groups(s, self._local.cached[0])

    def _copies(self, s: Searcher, docnums: list[int]) -> list[Copy]:
        """The other copies of a story, oldest first."""
        return copies_of([s.stored_fields(docnum) for docnum in docnums])

    def copy_hits(self, request: SearchRequest, hits: list[Hit]) -> dict[str, list[Hit]]:
        """For each of `hits` (a page of `request`'s results), the other copies of its story
        that the request finds too, as hits (oldest first, each with the words it misses):
        what the page counts but shows as one result, for an export to list."""
        if not any(hit.copies for hit in hits):
            return {}
        plan, request = self.plan(request)
        with self.searcher() as s:
            counts, partial, matches = self._counts(s, plan, request)
            plan = expand_prefixes(reader_terms(s), plan)
            said = with_variants(request.said, doc_table(s).said.variants)
            found: dict[str, list[Hit]] = {}
            for hit in (h for h in hits if h.copies):
                docnums = [s.document_number(id=c.id) for c in hit.copies]
                docs = np.array([d for d in docnums if d is not None], dtype=np.int64)
                complete = docsets.contains(counts.docs, docs).tolist()
                some = docsets.contains(partial, docs).tolist()
                lacking = matches.missing(docs.tolist())
                copies = [
                    self._hit(
                        s.stored_fields(int(d)), 0.0, plan, missing if not whole else [], [], said
                    )
                    for d, whole, part, missing in zip(docs, complete, some, lacking, strict=True)
                    if whole or part
                ]
                if copies:
                    found[hit.id] = copies
        return found

    def count(self, request: SearchRequest) -> int:
        """How many articles a request matches with all the words (no ranking, snippets or
        facets): `search(request).total`, unless the search shows a spelling correction's
        results (`SearchResult.corrected_from`)."""
        plan, request = self.plan(request)
        with self.searcher() as s:
            return self._counts(s, plan, request)[0].total

    def found(self, request: SearchRequest) -> int:
        """How many results a request lists: with all the words, then with some."""
        plan, request = self.plan(request)
        with self.searcher() as s:
            counts, partial, _ = self._counts(s, plan, request)
            return counts.total + len(partial)

    def relaxations(self, request: SearchRequest) -> list[Relaxation]:
        """Changes to a request that would find something, most first (search.retrieval
        .resolving)."""
        return resolving.relaxations(self, request)

    def _counts(
        self, s: Searcher, plan: QueryPlan, request: SearchRequest
    ) -> tuple[FacetCounts, np.ndarray, Matches]:
        """The matches with all the words passing every filter, with the facet counts (of
        every match with `request.partial`); the matches with some of the words passing
        them; and the plan's matches (all as sorted document numbers)."""
        matches = request_matches(s, plan, request)
        counted = count_facets(s, matches.found if request.partial else matches.complete, request)
        partial = counted.kept(matches.partial)
        if request.partial:
            counted.docs = docsets.intersect([counted.docs, matches.complete], matches.size)
        return counted, partial, matches

    def _hit(
        self,
        fields: dict[str, Any],
        score: float,
        plan: QueryPlan,
        missing: list[str],
        copies: list[Copy],
        said: tuple[str, ...] = (),
    ) -> Hit:
        return hit_from_fields(fields, score, plan, said, missing, copies)

    def marking(self, query: str, *, complete: bool = False) -> QueryPlan:
        """The plan whose words an article page marks (a prefix's words included, and with
        `complete` the words the last word was completed to, as the results read it)."""
        plan = parse_query(query)
        if not plan.has_prefixes and not complete:  # no index words to look up
            return plan
        with self.searcher() as s:
            terms = reader_terms(s)
            plan = complete_last_word(terms, plan) if complete else plan
            return expand_prefixes(terms, plan)

    def coverage(self) -> Coverage:
        """What the live index covers (articles, sources, dates, last update)."""
        with self.searcher() as s:
            key = reader_arrays(s.reader()).content_key
            known = getattr(self, "_coverage", None)
            if known is None or known[0] != key:
                known = self._coverage = (key, coverage(s, self.index_dir))
            return known[1]

    def article(self, article_id: str) -> ArticleView | None:
        with self.searcher() as s:
            docnum = s.document_number(id=article_id)
            if docnum is None:
                return None
            fields = s.stored_fields(docnum)
            copies = self._copies(s, self._copy_groups(s).others(docnum))
        return article_from_fields(fields, copies)

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

    def newest_day(self) -> dt.date | None:
        """The day of the newest article dated to a day (None: none is)."""
        return self.coverage().newest_day

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


@dataclass(frozen=True)
class PageRanking:
    """What ranking the matches up to the end of a requested page needs: the searcher, the
    plan, the request (sort and page), the articles shown (`shown`: those with all the words,
    then those with some, as sorted document numbers, filters applied) and the plan's
    matches."""

    searcher: Searcher
    plan: QueryPlan
    request: SearchRequest
    shown: tuple[np.ndarray, np.ndarray]
    matches: Matches

    def stories(
        self, groups: CopyGroups, every: np.ndarray
    ) -> list[tuple[float, int, list[str], list[int]]]:
        """The ranked stories up to the end of the requested page (search.retrieval.copies
        .collapse): copies of one story are shown once, so as many more articles than stories
        may have to be ranked as there are copies among the matches (`every`). Most
        pages have few copies: twice the page's stories are ranked first, and all that may be
        needed only when those fall short. Ranking gives the same first articles however many
        it is asked for, so the stories are the same either way."""
        wanted = self.request.page * self.request.page_size
        copies = groups.copies_in(every)
        for extra in dict.fromkeys((min(copies, wanted), copies)):
            stories = collapse(self.rank(extra), groups)
            if len(stories) >= wanted:
                break
        return stories

    def rank(self, extra: int = 0) -> list[tuple[float, int, list[str]]]:
        """(score, docnum, missing words) of the matches up to the end of the requested page
        (and `extra` more): the articles with all the words, then those with some, each with
        what it misses.

        By date: each set in the index's date order, built once per index reader. By
        relevance: array scoring of the matches over the postings (search.retrieval.ranking).
        """
        s, plan, request, officials = self.searcher, self.plan, self.request, self.matches.officials
        needed = request.page * request.page_size + extra
        complete, partial = self.shown
        if request.sort in ("newest", "oldest") or plan.is_empty:
            ranks = date_ranks(s, newest=request.sort != "oldest")
            first = [(0.0, d) for d in docsets.first_by(ranks, complete, needed)]
            rest = needed - len(first)
            later = [(0.0, d) for d in docsets.first_by(ranks, partial, rest)]
        else:
            arrays = reader_arrays(s.reader())
            ranks = id_ranks(s)
            first = rank_docs(arrays, plan, complete, needed, officials, ranks)
            rest = needed - len(first)
            later = rank_docs(arrays, plan, partial, rest, officials, ranks)
        lacking = self.matches.missing([d for _, d in later])
        return [(score, d, []) for score, d in first] + [
            (score, d, missing) for (score, d), missing in zip(later, lacking, strict=True)
        ]


def reader_terms(searcher: Searcher) -> ReaderTerms:
    """What suggestions and prefixes read of a searcher's words, each word's articles
    counted from the flat postings files where the index has them."""
    reader = searcher.reader()
    return ReaderTerms(reader, reader_arrays(reader).doc_frequency)
