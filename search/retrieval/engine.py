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
from search.i18n import format_number, gettext, language
from search.indexing import store
from search.ingest.extract.sources import source_from_url
from search.model import (
    ArticleView,
    Copy,
    Hit,
    Official,
    Quote,
    RequestError,
    SearchRequest,
    SearchResult,
    last_page,
)
from search.query.plan import QueryPlan, parse_query
from search.query.prefixes import complete_last_word, expand_prefixes
from search.query.relaxation import Relaxation, candidates
from search.query.suggest import suggest, vocabulary
from search.retrieval.copies import CopyGroups, collapse, copy_groups
from search.retrieval.coverage import Coverage, coverage
from search.retrieval.doctable import (
    date_order,
    official_spellings,
    source_names,
    speaker_spellings,
)
from search.retrieval.facets import FacetCounts, count_facets
from search.retrieval.matching import Matches, request_matches
from search.retrieval.postings import LRU, reader_arrays
from search.retrieval.ranking import rank
from search.retrieval.snippets import best_snippet, highlight_all, quote_snippet
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


def _quotes(fields: dict[str, Any]) -> list[Quote]:
    try:
        return [Quote(**q) for q in json.loads(fields.get("quotes") or "[]")]
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
        if not names:
            return ()
        with self.searcher() as s:
            known = official_spellings(s)
        return _resolve_people(names, known, "official", partial=False)

    def resolve_speakers(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Index spellings of the people quoted a user asked for, as for officials; a part of
        one person's name ("wiyagus") is that person."""
        if not names:
            return ()
        with self.searcher() as s:
            known = speaker_spellings(s)
        return _resolve_people(names, known, "said", partial=True)

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
            hint = (
                gettext("; did you mean %(names)s?", names=", ".join(sorted(close)[:3]))
                if close
                else ""
            )
            raise RequestError(
                gettext("no article comes from the source %(name)s", name=repr(name[:80])) + hint
            )
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
        said = (*request.said, *plan.filters.get("said", []))
        request = replace(
            request,
            query=plan.text,
            officials=self.resolve_officials(tuple(dict.fromkeys(officials))),
            sources=self.resolve_sources(tuple(dict.fromkeys(sources))),
            said=self.resolve_speakers(tuple(dict.fromkeys(said))),
        )
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
        plan, request = self.plan(request)
        with self.searcher() as s:
            if request.complete:
                plan = complete_last_word(s.reader(), plan)
            counts, partial, matches = self._counts(s, plan, request)
            plan = expand_prefixes(s.reader(), plan)
            hits = []
            found = counts.total + int(np.count_nonzero(partial))
            groups = self._copy_groups(s)
            stories = groups.stories(counts.mask) if counts.total else 0
            found_stories = groups.stories(counts.mask | partial) if found else 0
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
                # Copies of one story are shown once: rank enough articles for a page of stories.
                extra = groups.copies_in(counts.mask | partial)
                ranked = collapse(
                    self._rank(s, plan, request, (counts.mask, partial), matches, extra), groups
                )
                start = (request.page - 1) * request.page_size
                hits = [
                    self._hit(
                        s.stored_fields(docnum),
                        score,
                        plan,
                        missing,
                        self._copies(s, others),
                        request.said,
                    )
                    for score, docnum, missing, others in ranked[start : start + request.page_size]
                ]
            unfinished = plan.units[-1].words[-1].exact if request.complete and plan.units else None
            suggestion = None
            if time.perf_counter() - started < config.EXTRAS_BUDGET_SECONDS:
                suggestion = suggest(s.reader(), request.query, plan, unfinished=unfinished)
        notes = list(plan.notes)
        if not counts.total and suggestion and not (request.as_typed or request.complete):
            # No article has all the words, and a confident correction finds some that have
            # all of its words: search it instead.
            corrected = self._search(replace(request, query=suggestion, as_typed=True), started)
            if corrected.total:
                return replace(
                    corrected,
                    request=replace(corrected.request, as_typed=False),
                    corrected_from=request.query,
                    suggestion=None,
                )
        return SearchResult(
            request=request,
            total=counts.total,
            total_partial=found - counts.total,
            hits=hits,
            official_counts=counts.officials,
            source_counts=counts.sources,
            said_counts=counts.said,
            timeline=counts.timeline,
            notes=notes,
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
            total_stories=stories,
            found_stories=found_stories,
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
        shown: tuple[np.ndarray, np.ndarray],
        matches: Matches,
        extra: int = 0,
    ) -> list[tuple[float, int, list[str]]]:
        """(score, docnum, missing words) of the matches up to the end of the requested page
        (and `extra` more): the articles with all the words, then those with some (`shown`:
        the two sets, filters applied), each with what it misses.

        By date: each set in the index's date order, built once per index reader. By
        relevance: array scoring over the postings (search.retrieval.ranking).
        """
        needed = request.page * request.page_size + extra
        complete, partial = shown
        if request.sort in ("newest", "oldest") or plan.is_empty:
            order = date_order(s, newest=request.sort != "oldest")
            first = [(0.0, int(d)) for d in order[complete[order]][:needed]]
            rest = needed - len(first)
            later = [(0.0, int(d)) for d in order[partial[order]][:rest]] if rest > 0 else []
        else:
            arrays = reader_arrays(s.reader())
            first = rank(arrays, plan, complete, needed, matches.officials)
            rest = needed - len(first)
            later = rank(arrays, plan, partial, rest, matches.officials) if rest > 0 else []
        return [(score, d, []) for score, d in first] + [
            (score, d, matches.missing(d)) for score, d in later
        ]

    def count(self, request: SearchRequest) -> int:
        """How many articles a request matches with all the words (no ranking, snippets or
        facets): `search(request).total`, unless the search shows a spelling correction's
        results (`SearchResult.corrected_from`)."""
        plan, request = self.plan(request)
        with self.searcher() as s:
            return self._counts(s, plan, request)[0].total

    def _found(self, request: SearchRequest) -> int:
        """How many results a request lists: with all the words, then with some."""
        plan, request = self.plan(request)
        with self.searcher() as s:
            counts, partial, _ = self._counts(s, plan, request)
            return counts.total + int(np.count_nonzero(partial))

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
                total = self._found(replace(changed, page=1))
            except RequestError:
                continue
            if total:
                found.append(replace(relaxation, total=total))
        return sorted(found, key=lambda r: -r.total)

    def _counts(
        self, s: Searcher, plan: QueryPlan, request: SearchRequest
    ) -> tuple[FacetCounts, np.ndarray, Matches]:
        """The matches with all the words passing every filter, with the facet counts (of
        every match with `request.partial`); the matches with some of the words passing
        them; and the plan's matches."""
        matches = request_matches(s, plan, request)
        counted = count_facets(s, matches.found if request.partial else matches.complete, request)
        partial = matches.partial & counted.kept
        if request.partial:
            counted.mask = counted.mask & matches.complete
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
        """A result; with a `said` filter, its snippet is what those people said."""
        stems, exact, runs = plan.stems(), plan.exact_forms(), plan.marked_runs()
        snippet = None
        if said:
            quotes = [q for q in _quotes(fields) if q.speaker in said]
            snippet = quote_snippet(quotes, stems, exact, runs)
        return Hit(
            id=fields["id"],
            title=fields["title"],
            date=fields.get("date"),
            date_precision=fields.get("date_precision", "none"),
            source=fields.get("source") or None,
            officials=_officials(fields),
            score=score,
            snippet=snippet or best_snippet(fields.get("body", ""), stems, exact, runs=runs),
            title_html=highlight_all(fields["title"], stems, exact, runs),
            url=fields.get("url"),
            missing=missing,
            copies=copies,
        )

    def marking(self, query: str) -> QueryPlan:
        """The plan whose words an article page marks (a prefix's words included)."""
        plan = parse_query(query)
        if not plan.has_prefixes:  # no index words to look up: no searcher needed
            return plan
        with self.searcher() as s:
            return expand_prefixes(s.reader(), plan)

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
        return ArticleView(
            id=fields["id"],
            title=fields["title"],
            body=fields.get("body", ""),
            date=fields.get("date"),
            date_precision=fields.get("date_precision", "none"),
            source=fields.get("source") or None,
            officials=_officials(fields),
            url=fields.get("url"),
            quotes=_quotes(fields),
            copies=copies,
        )


def _resolve_people(
    names: tuple[str, ...], known: dict[str, str], param: str, *, partial: bool
) -> tuple[str, ...]:
    """Index spellings (`known`: lower-cased -> as in the index) of the people asked for by
    a filter (`param`: "official" or "said"): as written in any case, or by a gazetteer
    alias; with `partial` (people quoted), also by whole words of one person's name
    ("wiyagus"), and every spelling of the same gazetteer person (an article that writes only
    "Jokowi" quotes him under that name). Anything else is a RequestError naming the nearest."""
    from search.ingest.extract.officials import gazetteer

    by_alias = gazetteer().by_alias
    resolved: list[str] = []
    for name in names:
        found = _spelling(name, known, param, partial=partial)
        resolved.append(found)
        if partial:
            canonical = by_alias.get(found.lower(), (found, ""))[0]
            resolved += sorted(
                k for k in known.values() if by_alias.get(k.lower(), (None, ""))[0] == canonical
            )
    return tuple(dict.fromkeys(resolved))


def _spelling(name: str, known: dict[str, str], param: str, *, partial: bool) -> str:
    """The index spelling of one name asked for (see _resolve_people)."""
    from search.ingest.extract.officials import gazetteer

    key = plain_apostrophes(" ".join(name.split()).lower())
    if key in known:
        return known[key]
    canonical = gazetteer().by_alias.get(key, (None, ""))[0]
    if canonical and canonical.lower() in known:
        return known[canonical.lower()]
    if partial and key:
        words = key.split()
        holding = [
            spelled
            for lower, spelled in known.items()
            if any(lower.split()[i : i + len(words)] == words for i in range(len(lower.split())))
        ]
        if len(holding) == 1:
            return holding[0]
    # Names that start with the words asked for first ("joko": Joko Widodo before
    # Djoko Santoso), the gazetteer's officials first among them.
    famous = {canonical for canonical, _ in gazetteer().by_alias.values()}
    close = sorted(
        (n for k, n in known.items() if key and key in k),
        key=lambda n: (not n.lower().startswith(key), n not in famous, n),
    )[:3]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    if close and " " not in key and any(" " in n for n in close):
        hint += f' (in a query, a name of several words is quoted: {param}:"{close[0]}")'
    what = "names the official" if param == "official" else "quotes"
    raise RequestError(f"no article {what} {name[:80]!r}{hint}")
