"""Facet counts of a search: officials, sources and the timeline of matching articles.

The timeline is a histogram of the matching articles' dates, a bar per day, month or year
(whichever gives a readable number of bars for the span the matches cover), with the articles
that have no date in a bucket of their own. Dates keep their precision: an article dated only
"2019" is never drawn in January 2019; when the bars are months it goes in a "2019, year only"
bar, and likewise a month-precision article among day bars.

All facets are counted in one pass over the matching document numbers, reading per-document
tables (date, date precision, source, officials) built once per index reader and cached: one
run of the query instead of one per facet.
"""

from __future__ import annotations

import calendar
import datetime as dt
import weakref
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from whoosh import query as q
from whoosh.searching import Searcher

from search.dateranges import as_int
from search.schema import NO_DATE_END, NO_DATE_START

# The widest spans drawn at a finer unit: up to 45 days as days, up to 36 months as months.
MAX_DAY_BARS = 45
MAX_MONTH_BARS = 36

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
MONTH_NAMES = tuple(MONTHS.split())
_PRECISIONS = {"day": 0, "month": 1, "year": 2}
_UNIT_OF = {0: "day", 1: "month", 2: "year"}
# Finer units first: a precision code is coarse for a unit when it is above the unit's code.
_UNIT_CODE = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class TimelineBar:
    """One bar: matching articles dated within [date_from, date_to] at `precision` or finer
    (or, for a coarse bar, dated only to that month or year)."""

    label: str  # "September 2019", "2019", "10 September 2019", "2019 (year only)"
    tick: str  # a short axis label: "Sep", "2019", "10"
    date_from: dt.date
    date_to: dt.date
    count: int
    coarse: bool = False  # articles dated less precisely than the bars' unit

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "count": self.count,
            "coarse": self.coarse,
        }


@dataclass
class Timeline:
    unit: str = "year"  # "day", "month" or "year"
    bars: list[TimelineBar] = field(default_factory=list)
    undated: int = 0

    @property
    def peak(self) -> int:
        return max((b.count for b in self.bars), default=0)

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bars) + self.undated

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "bars": [b.to_json() for b in self.bars],
            "undated": self.undated,
        }


@dataclass
class FacetCounts:
    """Everything counted over the matching articles in one pass."""

    docs: set[int] = field(default_factory=set)  # the matches that pass every filter
    officials: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    timeline: Timeline = field(default_factory=Timeline)

    @property
    def total(self) -> int:
        return len(self.docs)


@dataclass(frozen=True)
class _DocTable:
    """Per-document facet values of one index reader, by document number."""

    starts: array  # first day of the date as YYYYMMDD (NO_DATE_START: none)
    ends: array  # last day of the date as YYYYMMDD (NO_DATE_END: none)
    dates: list[tuple[int, int]]  # (start, _PRECISIONS code): the timeline's key
    sources: array  # 1 + index into source_names (0: no source)
    source_names: list[str]
    source_docs: dict[str, frozenset[int]]
    officials: list[tuple[int, ...]]  # indexes into official_names
    official_names: list[str]
    official_by_lower: dict[str, str]  # lower-cased name -> its spelling in the index
    official_docs: dict[str, frozenset[int]]


_tables: weakref.WeakKeyDictionary[Any, _DocTable] = weakref.WeakKeyDictionary()


def _term_docs(searcher: Searcher, fieldname: str) -> list[tuple[str, frozenset[int]]]:
    """Every term of a field with the documents that have it."""
    terms = [t.decode("utf-8") for t in searcher.reader().lexicon(fieldname)]
    return [(t, frozenset(searcher.docs_for_query(q.Term(fieldname, t)))) for t in terms if t]


def _doc_table(searcher: Searcher) -> _DocTable:
    """The facet values of every document, read from the postings once per index reader (a
    reader never changes: a rebuilt or updated index comes with a new one)."""
    reader = searcher.reader()
    table = _tables.get(reader)
    if table is not None:
        return table
    size = reader.doc_count_all()
    starts = array("l", [NO_DATE_START]) * size
    if size and reader.has_column("date_start"):
        for docnum, value in enumerate(reader.column_reader("date_start")):
            starts[docnum] = value or NO_DATE_START
    precisions = bytearray(size)
    for name in ("month", "year"):
        for docnum in searcher.docs_for_query(q.Term("date_precision", name)):
            precisions[docnum] = _PRECISIONS[name]
    ends = array("l", [NO_DATE_END]) * size
    for docnum, start in enumerate(starts):
        if start != NO_DATE_START:
            ends[docnum] = _last_day(start, precisions[docnum])
    sources = array("l", [0]) * size
    source_docs = dict(_term_docs(searcher, "source"))
    for code, docs in enumerate(source_docs.values(), 1):
        for docnum in docs:
            sources[docnum] = code
    named: list[list[int]] = [[] for _ in range(size)]
    official_docs = dict(_term_docs(searcher, "officials"))
    for code, docs in enumerate(official_docs.values()):
        for docnum in docs:
            named[docnum].append(code)
    table = _DocTable(
        starts=starts,
        ends=ends,
        dates=list(zip(starts, precisions, strict=True)),
        sources=sources,
        source_names=list(source_docs),
        source_docs=source_docs,
        officials=[tuple(n) for n in named],
        official_names=list(official_docs),
        official_by_lower={name.lower(): name for name in official_docs},
        official_docs=official_docs,
    )
    _tables[reader] = table
    return table


_orders: weakref.WeakKeyDictionary[Any, dict[bool, list[int]]] = weakref.WeakKeyDictionary()


def date_order(searcher: Searcher, *, newest: bool) -> list[int]:
    """Every document number, newest first (or oldest first), undated ones last; built once
    per index reader, so sorting a result by date is a walk down this list."""
    reader = searcher.reader()
    orders = _orders.setdefault(reader, {})
    if newest not in orders:
        table = _doc_table(searcher)
        if newest:
            order = sorted(range(len(table.starts)), key=lambda d: -table.starts[d])
        else:
            order = sorted(range(len(table.ends)), key=lambda d: table.ends[d])
        orders[newest] = order
    return orders[newest]


def official_spellings(searcher: Searcher) -> dict[str, str]:
    """Every official the index names, lower-cased -> as spelled in the index (from the
    reader's facet table, so resolving a filter reads no lexicon)."""
    return _doc_table(searcher).official_by_lower


def _last_day(start: int, precision: int) -> int:
    first = _day(start)
    if precision == _PRECISIONS["day"]:
        return start
    unit = _UNIT_OF[precision]
    return as_int(_period(first, unit)[1])


def count_facets(
    searcher: Searcher,
    whoosh_query: q.Query,
    filter_query: q.Query | None = None,
    *,
    officials: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    undated: bool = False,
) -> FacetCounts:
    """The matches of `whoosh_query` that pass the filters, with their officials, sources and
    timeline, in one pass over the matching documents.

    Filters: `filter_query` (any filter given as a Whoosh query), any of `officials`, any of `sources`, a date overlapping [date_from, date_to]
    (undated articles left out when a bound is set), or no date at all (`undated`). Each facet
    counts with the other filters applied but not its own, so choosing a second official or
    source widens the list; the documents, total and timeline apply them all, and the
    timeline's bars are clipped to the date range.
    """
    table = _doc_table(searcher)
    matching = matching_only(whoosh_query)
    if filter_query is not None:
        matching = q.And([matching, filter_query])
    base = matching_docs(searcher, matching)
    starts, ends = table.starts, table.ends
    if undated:
        base = {d for d in base if starts[d] == NO_DATE_START}
    if date_from or date_to:
        lowest = as_int(date_from) if date_from else NO_DATE_START + 1
        highest = as_int(date_to) if date_to else NO_DATE_END - 1
        base = {
            d
            for d in base
            if starts[d] != NO_DATE_START and ends[d] >= lowest and starts[d] <= highest
        }
    # Set algebra and counting in C: each facet sees the other facet's choice, not its own.
    with_officials = base & _union(table.official_docs, officials) if officials else base
    with_sources = base & _union(table.source_docs, sources) if sources else base
    passing = (
        with_officials & with_sources
        if officials and sources
        else (with_officials if officials else with_sources)
    )
    by_official = Counter(chain.from_iterable(map(table.officials.__getitem__, with_sources)))
    by_source = Counter(map(table.sources.__getitem__, with_officials))
    by_date = Counter(map(table.dates.__getitem__, passing))
    return FacetCounts(
        docs=passing,
        officials=_ranked(by_official, table.official_names, 0, officials),
        sources=_ranked(by_source, table.source_names, 1, sources),
        timeline=_timeline(by_date, date_from, date_to),
    )


def matching_only(query: q.Query) -> q.Query:
    """A query matching exactly the same documents with the clauses that only add to the score
    left out, for counting: in an Or, a clause that can only match documents another clause
    matches (the "all the words" And and the phrase bonus over words that are there anyway)
    is dropped. Pure set logic, so it holds whatever the query builder puts in."""
    if isinstance(query, q.AndNot):
        return q.AndNot(matching_only(query.a), query.b)
    if isinstance(query, q.And):
        return q.And([matching_only(sub) for sub in query.subqueries])
    if isinstance(query, q.Or) and not getattr(query, "minmatch", 0):
        subs = [matching_only(sub) for sub in query.subqueries]
        kept: list[q.Query] = []
        for i, sub in enumerate(subs):
            if any(_within(sub, other) for other in kept):
                continue
            later = subs[i + 1 :]
            if any(_within(sub, other) and not _within(other, sub) for other in later):
                continue
            kept.append(sub)
        return kept[0] if len(kept) == 1 else q.Or(kept)
    return query


def matching_docs(searcher: Searcher, query: q.Query) -> set[int]:
    """The document numbers a query matches, as set operations over the postings of its
    parts: far fewer Python steps per document than walking a tree of Whoosh matchers."""
    if isinstance(query, q.Or) and not getattr(query, "minmatch", 0):
        return set().union(*(matching_docs(searcher, sub) for sub in query.subqueries))
    if isinstance(query, q.And) and query.subqueries:
        parts = sorted((matching_docs(searcher, sub) for sub in query.subqueries), key=len)
        return parts[0].intersection(*parts[1:])
    if isinstance(query, q.AndNot):
        return matching_docs(searcher, query.a) - matching_docs(searcher, query.b)
    return set(searcher.docs_for_query(query))


def _leaves(query: q.Query) -> set[tuple[str, str]]:
    """(field, text) of the terms an Or of terms matches on."""
    if isinstance(query, q.Term):
        return {(query.fieldname, query.text)}
    if isinstance(query, q.Or) and not getattr(query, "minmatch", 0):
        return set().union(*(_leaves(sub) for sub in query.subqueries))
    return set()


def _within(sub: q.Query, other: q.Query) -> bool:
    """True when every document `sub` matches is sure to match `other`."""
    if sub == other:
        return True
    if isinstance(sub, q.Term):
        return (sub.fieldname, sub.text) in _leaves(other)
    if isinstance(sub, q.Phrase):
        return bool(sub.words) and (sub.fieldname, sub.words[0]) in _leaves(other)
    if isinstance(sub, q.And):
        return any(_within(part, other) for part in sub.subqueries)
    if isinstance(sub, q.Or) and not getattr(sub, "minmatch", 0):
        return all(_within(part, other) for part in sub.subqueries)
    if isinstance(other, q.Or) and not getattr(other, "minmatch", 0):
        return any(_within(sub, part) for part in other.subqueries)
    return False


def _union(docs_by_name: dict[str, frozenset[int]], names: tuple[str, ...]) -> set[int]:
    return set().union(*(docs_by_name.get(name, ()) for name in names))


def _ranked(
    counts: Counter[int], names: list[str], first: int, chosen: tuple[str, ...]
) -> list[tuple[str, int]]:
    """(name, count), most first; the chosen names always listed, with 0 if need be, so a
    filter in force can be seen and undone in its facet."""
    pairs = [(names[code - first], n) for code, n in counts.items() if code >= first]
    listed = {name for name, _ in pairs}
    pairs += [(name, 0) for name in chosen if name not in listed]
    return sorted(pairs, key=lambda kv: (-kv[1], kv[0]))


def _timeline(
    counts: Counter[tuple[int, int]], date_from: dt.date | None, date_to: dt.date | None
) -> Timeline:
    undated = sum(c for (start, _), c in counts.items() if start == NO_DATE_START)
    dated = {k: c for k, c in counts.items() if k[0] != NO_DATE_START}
    if not dated:
        return Timeline(undated=undated)
    unit = _unit_for(dated, date_from, date_to)
    bars = _bars(dated, unit)
    if date_from or date_to:
        bars = [_clip(b, date_from, date_to) for b in bars]
    return Timeline(unit=unit, bars=bars, undated=undated)


def _day(value: int) -> dt.date:
    return dt.date(value // 10000, value // 100 % 100, value % 100)


def _unit_for(
    dated: dict[tuple[int, int], int], date_from: dt.date | None, date_to: dt.date | None
) -> str:
    """The finest unit that draws the span of the dated matches in few enough bars. The span
    is clipped to the range asked for: an article dated only "2024" matches March 2024 but does
    not stretch its timeline to January (it gets a bar of its own)."""
    starts = [_day(start) for start, _ in dated]
    first, last = min(starts), max(starts)
    if date_from:
        first = max(first, date_from)
    if date_to:
        last = min(last, date_to)
    last = max(first, last)
    if (last - first).days < MAX_DAY_BARS:
        return "day"
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "month" if months <= MAX_MONTH_BARS else "year"


def _period(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if unit == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return dt.date(day.year, day.month, 1), dt.date(day.year, day.month, last)
    return day, day


def _next(period_start: dt.date, unit: str) -> dt.date:
    return _period(period_start, unit)[1] + dt.timedelta(days=1)


def _label(start: dt.date, unit: str, coarse: bool) -> tuple[str, str]:
    month = MONTH_NAMES[start.month - 1]
    if unit == "year":
        return (f"{start.year} (year only)" if coarse else str(start.year)), str(start.year)
    if unit == "month":
        label = f"{month} {start.year}"
        return (f"{label} (month only)" if coarse else label), month[:3]
    return f"{start.day} {month} {start.year}", str(start.day)


def _bars(dated: dict[tuple[int, int], int], unit: str) -> list[TimelineBar]:
    """Contiguous bars from the first to the last period with matches (empty ones included),
    and a coarse bar before each period's bars for articles dated less precisely."""
    code = _UNIT_CODE[unit]
    fine: Counter[dt.date] = Counter()
    coarse: Counter[tuple[dt.date, str]] = Counter()
    for (start, precision), count in dated.items():
        day = _day(start)
        if precision <= code:
            fine[_period(day, unit)[0]] += count
        else:
            coarse[_period(day, _UNIT_OF[precision])[0], _UNIT_OF[precision]] += count
    periods = sorted(fine)
    bars: list[TimelineBar] = []
    pending = sorted(coarse.items(), key=lambda kv: (kv[0][0], -_UNIT_CODE[kv[0][1]]))
    cursor = periods[0] if periods else None
    while cursor is not None and cursor <= periods[-1]:
        while pending and pending[0][0][0] <= cursor:
            bars.append(_coarse_bar(*pending.pop(0)))
        end = _period(cursor, unit)[1]
        tick_label, tick = _label(cursor, unit, False)
        bars.append(TimelineBar(tick_label, tick, cursor, end, fine.get(cursor, 0)))
        cursor = _next(cursor, unit)
    bars.extend(_coarse_bar(*item) for item in pending)
    return bars


def _coarse_bar(key: tuple[dt.date, str], count: int) -> TimelineBar:
    start, unit = key
    label, tick = _label(start, unit, True)
    first, last = _period(start, unit)
    return TimelineBar(label, tick, first, last, count, coarse=True)


def _clip(bar: TimelineBar, date_from: dt.date | None, date_to: dt.date | None) -> TimelineBar:
    first = max(bar.date_from, date_from) if date_from else bar.date_from
    last = min(bar.date_to, date_to) if date_to else bar.date_to
    if first > last:  # a coarse bar around the range: keep the range itself
        first, last = date_from or bar.date_from, date_to or bar.date_to
    return TimelineBar(bar.label, bar.tick, first, last, bar.count, bar.coarse)
