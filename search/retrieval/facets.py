"""Facet counts of a search: the officials, sources, speakers ("Said by") and timeline of the
matching articles,
counted over the matching documents alone with the per-document tables of
search.retrieval.doctable. Each facet counts with the other facets' filters applied but not its
own, so choosing a second official or source widens the list.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np
from whoosh.searching import Searcher

from search.dates import as_int
from search.indexing.official_variants import with_variants
from search.indexing.schema import NO_DATE_END, NO_DATE_START
from search.model import SearchRequest, Timeline
from search.retrieval import docsets
from search.retrieval.doctable import DocTable, doc_table
from search.retrieval.timeline import timeline


@dataclass
class FacetCounts:
    """Everything counted over the matching articles in one pass."""

    # The matches passing every filter, as sorted document numbers.
    docs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    officials: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    said: list[tuple[str, int]] = field(default_factory=list)
    timeline: Timeline = field(default_factory=Timeline)
    # How many names each facet has in all ("officials", "sources", "said"): each list holds
    # the request's facet_size most frequent of them, and the chosen ones.
    totals: dict[str, int] = field(default_factory=dict)
    # The request's filters (None: none in force), for `kept`.
    filters: Filters | None = None

    @property
    def total(self) -> int:
        return len(self.docs)

    def kept(self, docs: np.ndarray) -> np.ndarray:
        """The documents of `docs` (sorted) that every filter of the request keeps."""
        return docs if self.filters is None else docs[self.filters.passing(docs, None)]


@dataclass(frozen=True)
class Filters:
    """The request's filters over the facet table: dates, officials, sources, speakers."""

    table: DocTable
    request: SearchRequest
    by_official: np.ndarray | None  # the documents of the chosen officials (None: no filter)
    by_speaker: np.ndarray | None
    source_codes: np.ndarray | None

    @classmethod
    def of(cls, table: DocTable, request: SearchRequest) -> Filters:
        by_source = None
        if request.sources:
            chosen = set(request.sources)
            codes = [i for i, name in enumerate(table.source_names, 1) if name in chosen]
            by_source = np.array(codes, dtype=np.int64)
        return cls(
            table,
            request,
            table.officials.docs_of(with_variants(request.officials, table.officials.variants))
            if request.officials
            else None,
            table.said.docs_of(with_variants(request.said, table.said.variants))
            if request.said
            else None,
            by_source,
        )

    def dates(self, docs: np.ndarray) -> np.ndarray | None:
        """A bool per document of `docs`: does its date pass the date filters (None: no
        date filter)."""
        request, table = self.request, self.table
        if not (request.undated or request.date_from or request.date_to):
            return None
        starts = table.starts[docs]
        out = starts == NO_DATE_START if request.undated else np.ones(len(docs), dtype=bool)
        if request.date_from or request.date_to:
            lowest = as_int(request.date_from) if request.date_from else NO_DATE_START + 1
            highest = as_int(request.date_to) if request.date_to else NO_DATE_END - 1
            out &= (starts != NO_DATE_START) & (starts <= highest)
            if request.date_from:
                out &= table.ends[docs] >= lowest
        return out

    def each(self, docs: np.ndarray) -> dict[str, np.ndarray]:
        """A bool per document of `docs` for each filter in force: does it pass the date
        filters ("dates"), the officials' ("officials"), the sources' ("sources"), the
        speakers' ("said")."""
        size = len(self.table.starts)
        found = {"dates": self.dates(docs)}
        if self.by_official is not None:
            found["officials"] = docsets.contains(self.by_official, docs, size)
        if self.source_codes is not None:
            chosen = np.zeros(len(self.table.source_names) + 1, dtype=bool)
            chosen[self.source_codes] = True
            found["sources"] = chosen[self.table.sources[docs]]
        if self.by_speaker is not None:
            found["said"] = docsets.contains(self.by_speaker, docs, size)
        return {name: passes for name, passes in found.items() if passes is not None}

    def passing(self, docs: np.ndarray, but: str | None) -> np.ndarray:
        """A bool per document of `docs`: does it pass every filter but the facet `but`'s
        own ("officials", "sources", "said")."""
        found = [passes for name, passes in self.each(docs).items() if name != but]
        return np.logical_and.reduce(found) if found else np.ones(len(docs), dtype=bool)


def count_facets(searcher: Searcher, matches: np.ndarray, request: SearchRequest) -> FacetCounts:
    """The `matches` (sorted document numbers) that pass the request's facet filters, with
    their officials, sources and timeline, counted over the matching documents alone.

    Filters: any of the request's officials, any of its sources, any of its speakers, a date
    overlapping [date_from, date_to] (undated articles left out when a bound is set), or no
    date at all (`undated`). Each facet counts with the other filters applied but not its
    own, so choosing a second official, source or speaker widens the list (unless
    `request.facets_filtered`); the documents, total and timeline apply them all, and the
    timeline's bars are clipped to the date range.
    """
    table = doc_table(searcher)
    officials, sources, said = request.officials, request.sources, request.said
    date_from, date_to = request.date_from, request.date_to
    filtering = bool(
        officials or sources or said or request.undated or request.date_from or request.date_to
    )
    filters = Filters.of(table, request) if filtering else None

    tests = filters.each(matches) if filters is not None else {}
    kept: dict[tuple[str, ...], np.ndarray] = {}

    def without(own: str | None) -> np.ndarray:
        """The matches passing every facet filter but `own`'s (each filter tested once; all
        of them with `request.facets_filtered`)."""
        others = tuple(name for name in tests if name != own or request.facets_filtered)
        found = kept.get(others)
        if found is None:
            if not others:
                found = matches
            else:
                passes = np.logical_and.reduce([tests[name] for name in others])
                found = matches[np.flatnonzero(passes)]  # cheaper than a bool index
            kept[others] = found
        return found

    passing = without(None)
    counted = without("officials")
    # each official's variants counted under its name (each article once)
    official_counts = table.officials.named_counts(counted)
    # each speaker's other spellings counted under their name, as a filter by it finds them
    speaker_counts = table.said.named_counts(without("said"))
    source_counts = np.bincount(
        table.sources[without("sources")], minlength=len(table.source_names) + 1
    )
    by_key = np.bincount(table.date_codes[passing], minlength=len(table.date_keys))
    keys, key_counts = table.date_keys[by_key > 0], by_key[by_key > 0]
    size = request.facet_size
    officials_listed, officials_total = _ranked(
        official_counts, table.officials.names, 0, officials, size
    )
    sources_listed, sources_total = _ranked(source_counts, table.source_names, 1, sources, size)
    said_listed, said_total = _ranked(speaker_counts, table.said.names, 0, said, size)
    return FacetCounts(
        docs=passing,
        officials=officials_listed,
        sources=sources_listed,
        said=said_listed,
        timeline=timeline(
            keys // 4, keys % 4, key_counts, date_from, date_to, weeks=request.weekly
        ),
        totals={"officials": officials_total, "sources": sources_total, "said": said_total},
        filters=filters,
    )


def _ranked(
    counts: np.ndarray, names: list[str], first: int, chosen: tuple[str, ...], size: int
) -> tuple[list[tuple[str, int]], int]:
    """The `size` most frequent names as (name, count), most first, then by name, and how
    many names have a count. The chosen names are always listed (after those, with 0 if need
    be), so a filter in force can be seen and undone in its facet. `counts` is indexed by
    code, `first` the code of names[0]; names come from the lexicon, so code order is name
    order. Only the names listed become Python objects."""
    counts = counts[first:]
    named = int(np.count_nonzero(counts))
    if named > size:
        # The size-th largest count; every name above it, and the first of those equal to it.
        top = np.argpartition(-counts, size - 1)[:size]
        threshold = counts[top].min()
        above = np.flatnonzero(counts > threshold)
        codes = np.concatenate([above, np.flatnonzero(counts == threshold)[: size - len(above)]])
    else:
        codes = np.flatnonzero(counts)
    codes = codes[np.lexsort((codes, -counts[codes]))]
    pairs = [(names[c], n) for c, n in zip(codes.tolist(), counts[codes].tolist(), strict=True)]
    listed = {name for name, _ in pairs}
    missing = [name for name in chosen if name not in listed]
    if not missing:
        return pairs, named
    extra = sorted(((name, _count_of(counts, names, name)) for name in missing), key=_by_count)
    return pairs + extra, named + sum(1 for _, n in extra if not n)


def _count_of(counts: np.ndarray, names: list[str], name: str) -> int:
    """The count of `name` (names in lexicon order: sorted), 0 if it is not a name."""
    code = bisect_left(names, name)
    return int(counts[code]) if code < len(names) and names[code] == name else 0


def _by_count(pair: tuple[str, int]) -> tuple[int, str]:
    return -pair[1], pair[0]
