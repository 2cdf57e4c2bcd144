"""What the index covers: how many articles, from which sources, over which dates (and its
busiest months), and when it was last built or updated. Read from the facet table of the live
index, so it is computed once per index content."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from search.dates import PRECISIONS, from_int
from search.indexing import store
from search.indexing.schema import NO_DATE_START
from search.retrieval.doctable import doc_table
from search.retrieval.postings import reader_arrays

BUSIEST_MONTHS = 3


@dataclass(frozen=True)
class Coverage:
    articles: int
    undated: int
    first: dt.date | None  # the first day of the oldest dated article
    last: dt.date | None  # the first day of the newest
    # The day after the last one any dated article covers (the end of a date known only as a
    # month or a year is the end of that month or year): the first day the index holds nothing
    # for. None: the day after `last`.
    last_end: dt.date | None = None
    # The newest article's date at its precision ('2025', '2022-09', '2022-09-28'): what
    # people are shown, not the first day of a year known only as a year.
    last_shown: str | None = None
    # The newest date known to the day: where date presets ("7 days", "this month") end.
    newest_day: dt.date | None = None
    sources: list[tuple[str, int]] = field(default_factory=list)  # most articles first
    months: dict[dt.date, int] = field(default_factory=dict)  # first of a month -> articles
    updated: dt.datetime | None = None  # when the live index was last built or updated (UTC)

    @property
    def busiest_months(self) -> list[tuple[dt.date, int]]:
        return sorted(self.months.items(), key=lambda kv: (-kv[1], kv[0]))[:BUSIEST_MONTHS]

    def outside(self, date_from: dt.date | None, date_to: dt.date | None) -> bool:
        """True when a date range holds no dated article of the index at all: it ends before
        the first covered day or starts on `last_end` or later (the search's date filter keeps
        an article whose period overlaps the range)."""
        if self.first is None or self.last is None or not (date_from or date_to):
            return False
        end = self.last_end or self.last + dt.timedelta(days=1)
        return bool((date_to and date_to < self.first) or (date_from and date_from >= end))

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "undated": self.undated,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "last_shown": self.last_shown,
            "newest_day": self.newest_day.isoformat() if self.newest_day else None,
            "sources": [{"name": n, "count": c} for n, c in self.sources],
            "busiest_months": [
                {"month": m.isoformat()[:7], "count": c} for m, c in self.busiest_months
            ],
            "updated": self.updated.isoformat() if self.updated else None,
        }


def coverage(searcher, index_dir) -> Coverage:
    """The coverage of the index `searcher` reads (`index_dir` holds its generation)."""
    table = doc_table(searcher)
    live = reader_arrays(searcher.reader()).live
    starts = table.starts[live]
    precisions = table.date_keys[table.date_codes[live]] % 4  # 0 day, 1 month, 2 year
    has_date = starts != NO_DATE_START
    dated = starts[has_date]
    months: Counter[dt.date] = Counter()
    to_the_month = starts[has_date & (precisions < PRECISIONS.index("year"))]
    if len(to_the_month):  # a date known only as a year is in no month
        values, counts = np.unique(to_the_month // 100, return_counts=True)
        for value, count in zip(values.tolist(), counts.tolist(), strict=True):
            months[from_int(value * 100 + 1)] += count
    source_codes = table.sources[live]
    by_source = np.bincount(source_codes, minlength=len(table.source_names) + 1)
    sources = sorted(
        ((name, int(by_source[code])) for code, name in enumerate(table.source_names, 1)),
        key=lambda kv: (-kv[1], kv[0]),
    )
    return Coverage(
        articles=int(live.sum()),
        undated=int(len(starts) - len(dated)),
        first=from_int(int(dated.min())) if len(dated) else None,
        last=from_int(int(dated.max())) if len(dated) else None,
        last_end=_last_end(table.ends[live][has_date]),
        last_shown=_newest_shown(starts, precisions, has_date),
        newest_day=_newest_day(starts, precisions, has_date),
        sources=[(n, c) for n, c in sources if c],
        months=dict(months),
        updated=_updated(index_dir),
    )


def _last_end(ends: np.ndarray) -> dt.date | None:
    return from_int(int(ends.max())) + dt.timedelta(days=1) if len(ends) else None


def _newest_shown(starts: np.ndarray, precisions: np.ndarray, has_date: np.ndarray) -> str | None:
    if not has_date.any():
        return None
    newest = int(starts[has_date].max())
    precision = int(precisions[has_date & (starts == newest)].min())  # the finest known
    return from_int(newest).isoformat()[: (10, 7, 4)[precision]]


def _newest_day(starts: np.ndarray, precisions: np.ndarray, has_date: np.ndarray) -> dt.date | None:
    days = starts[has_date & (precisions == PRECISIONS.index("day"))]
    return from_int(int(days.max())) if len(days) else None


def _updated(index_dir) -> dt.datetime | None:
    generation = store.live_generation(index_dir)
    if generation is None:
        return None
    meta = generation.read_meta()
    stamp = meta.get("updated_at") or meta.get("built_at")
    return dt.datetime.fromtimestamp(stamp, dt.UTC) if stamp else None
