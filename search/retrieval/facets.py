"""Facet counts of a search: the officials, sources, speakers ("Said by") and timeline of the
matching articles,
counted in one pass over the matches with the per-document tables of
search.retrieval.doctable. Each facet counts with the other facets' filters applied but not its
own, so choosing a second official or source widens the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from whoosh.searching import Searcher

from search.dates import as_int
from search.indexing.official_variants import merged_counts, with_variants
from search.indexing.schema import NO_DATE_END, NO_DATE_START
from search.model import SearchRequest, Timeline
from search.retrieval.doctable import doc_table
from search.retrieval.timeline import timeline


@dataclass
class FacetCounts:
    """Everything counted over the matching articles in one pass."""

    mask: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # the matches
    # Every document the request's filters keep, matching or not.
    kept: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    officials: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    said: list[tuple[str, int]] = field(default_factory=list)
    timeline: Timeline = field(default_factory=Timeline)

    @property
    def total(self) -> int:
        return int(np.count_nonzero(self.mask))


def count_facets(searcher: Searcher, matches: np.ndarray, request: SearchRequest) -> FacetCounts:
    """The `matches` (a bool per document) that pass the request's facet filters, with
    their officials, sources and timeline, in one pass over the matching documents.

    Filters: any of the request's officials, any of its sources, any of its speakers, a date
    overlapping [date_from, date_to] (undated articles left out when a bound is set), or no
    date at all (`undated`). Each facet counts with the other filters applied but not its
    own, so choosing a second official, source or speaker widens the list; the documents,
    total and timeline apply them all, and the timeline's bars are clipped to the date range.
    """
    table = doc_table(searcher)
    base = np.ones(len(matches), dtype=bool)
    officials, sources, said = request.officials, request.sources, request.said
    date_from, date_to, undated = request.date_from, request.date_to, request.undated
    starts, ends = table.starts, table.ends
    if undated:
        base &= starts == NO_DATE_START
    if date_from or date_to:
        lowest = as_int(date_from) if date_from else NO_DATE_START + 1
        highest = as_int(date_to) if date_to else NO_DATE_END - 1
        base &= (starts != NO_DATE_START) & (ends >= lowest) & (starts <= highest)
    # Each facet's filter, as a mask (None: not in force).
    variants = table.officials.variants
    by_official = (
        table.officials.named(with_variants(officials, variants), len(base)) if officials else None
    )
    by_speaker = table.said.named(said, len(base)) if said else None
    by_source = None
    if sources:
        chosen = set(sources)
        codes = [i for i, name in enumerate(table.source_names, 1) if name in chosen]
        by_source = np.isin(table.sources, codes)
    # The articles every filter keeps, whatever the words (the partial matches are counted
    # among them), then the matches among them.
    kept = base
    for mask in (by_official, by_source, by_speaker):
        if mask is not None:
            kept = kept & mask
    base = base & matches

    def without(own: np.ndarray | None) -> np.ndarray:
        """The matches passing every facet filter but `own`."""
        out = base
        for mask in (by_official, by_source, by_speaker):
            if mask is not None and mask is not own:
                out = out & mask
        return out

    passing = without(None)
    official_counts = table.officials.counts(without(by_official))
    speaker_counts = table.said.counts(without(by_speaker))
    source_counts = np.bincount(
        table.sources[without(by_source)], minlength=len(table.source_names) + 1
    )
    by_key = np.bincount(table.date_codes[passing], minlength=len(table.date_keys))
    keys, key_counts = table.date_keys[by_key > 0], by_key[by_key > 0]
    return FacetCounts(
        mask=passing,
        kept=kept,
        officials=merged_counts(
            _ranked(official_counts, table.officials.names, 0, officials),
            variants,
            table.officials.merged_counts(without(by_official)),
        ),
        sources=_ranked(source_counts, table.source_names, 1, sources),
        said=_ranked(speaker_counts, table.said.names, 0, said),
        timeline=timeline(
            keys // 4, keys % 4, key_counts, date_from, date_to, weeks=request.weekly
        ),
    )


def _ranked(
    counts: np.ndarray, names: list[str], first: int, chosen: tuple[str, ...]
) -> list[tuple[str, int]]:
    """(name, count), most first, then by name; the chosen names always listed, with 0 if
    need be, so a filter in force can be seen and undone in its facet. `counts` is indexed by
    code, `first` the code of names[0]; names come from the lexicon, so code order is name
    order and a stable sort on the counts alone gives it."""
    codes = np.flatnonzero(counts[first:]) + first
    codes = codes[np.argsort(-counts[codes], kind="stable")]
    pairs = [
        (names[c - first], n) for c, n in zip(codes.tolist(), counts[codes].tolist(), strict=True)
    ]
    listed = {name for name, _ in pairs}
    return pairs + sorted((name, 0) for name in chosen if name not in listed)
