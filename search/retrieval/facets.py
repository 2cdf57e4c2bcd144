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
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as q
from whoosh.searching import Searcher

from search.dates import as_int, month_names
from search.indexing.schema import NO_DATE_END, NO_DATE_START
from search.model import Timeline, TimelineBar
from search.retrieval.phrases import phrase_mask
from search.retrieval.postings import Arrays, PerContent, reader_arrays

# The widest spans drawn at a finer unit: up to 45 days as days, up to 36 months as months.
MAX_DAY_BARS = 45
MAX_MONTH_BARS = 36

_PRECISIONS = {"day": 0, "month": 1, "year": 2}
_UNIT_OF = {0: "day", 1: "month", 2: "year"}
# Finer units first: a precision code is coarse for a unit when it is above the unit's code.
_UNIT_CODE = {"day": 0, "month": 1, "year": 2}


@dataclass
class FacetCounts:
    """Everything counted over the matching articles in one pass."""

    mask: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # the matches
    officials: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    timeline: Timeline = field(default_factory=Timeline)

    @property
    def total(self) -> int:
        return int(np.count_nonzero(self.mask))


@dataclass(frozen=True)
class _DocTable:
    """Per-document facet values of one index reader, as arrays by document number."""

    starts: np.ndarray  # first day of the date as YYYYMMDD (NO_DATE_START: none)
    ends: np.ndarray  # last day of the date as YYYYMMDD (NO_DATE_END: none)
    date_keys: np.ndarray  # start * 4 + _PRECISIONS code: the timeline's key
    sources: np.ndarray  # 1 + index into source_names (0: no source)
    source_names: list[str]
    pair_docs: np.ndarray  # (document, official) pairs: the document numbers...
    pair_officials: np.ndarray  # ...and indexes into official_names
    official_names: list[str]
    official_by_lower: dict[str, str]  # lower-cased name -> its spelling in the index
    orders: dict[bool, np.ndarray] = field(default_factory=dict)  # date orders, by `newest`


def _term_docs(searcher: Searcher, fieldname: str) -> list[tuple[str, np.ndarray]]:
    """Every term of a field with the live documents that have it."""
    arrays = reader_arrays(searcher.reader())
    out = []
    for raw in searcher.reader().lexicon(fieldname):
        term = raw.decode("utf-8")
        docs = arrays.postings(fieldname, term).docs
        docs = docs[arrays.live[docs]]
        if term and len(docs):
            out.append((term, docs))
    return out


def _doc_table(searcher: Searcher) -> _DocTable:
    """The facet values of every document, read from the postings once per index content
    (a rebuilt or updated index has new content, and gets a new table)."""
    return _tables.get(reader_arrays(searcher.reader()).content_key, searcher)


def _build_doc_table(searcher: Searcher) -> _DocTable:
    reader = searcher.reader()
    arrays = reader_arrays(reader)
    size = reader.doc_count_all()
    starts = np.full(size, NO_DATE_START, dtype=np.int64)
    for segreader, offset in reader.leaf_readers():  # per segment: one may lack the column
        if segreader.has_column("date_start"):
            values = np.fromiter(segreader.column_reader("date_start"), dtype=np.int64)
            values = np.where(values > 0, values, NO_DATE_START)
            starts[offset : offset + len(values)] = values
    precisions = np.zeros(size, dtype=np.int64)
    for name in ("month", "year"):
        precisions[arrays.postings("date_precision", name).docs] = _PRECISIONS[name]
    ends = np.where(starts == NO_DATE_START, NO_DATE_END, starts)
    for docnum in np.flatnonzero((precisions > 0) & (starts != NO_DATE_START)).tolist():
        ends[docnum] = _last_day(int(starts[docnum]), int(precisions[docnum]))
    sources = np.zeros(size, dtype=np.int64)
    source_docs = _term_docs(searcher, "source")
    for code, (_, docs) in enumerate(source_docs, 1):
        sources[docs] = code
    official_docs = _term_docs(searcher, "officials")
    empty = np.zeros(0, dtype=np.int64)
    pair_docs = np.concatenate([docs for _, docs in official_docs] or [empty])
    pair_officials = np.concatenate(
        [np.full(len(docs), code, dtype=np.int64) for code, (_, docs) in enumerate(official_docs)]
        or [empty]
    )
    names = [name for name, _ in official_docs]
    table = _DocTable(
        starts=starts,
        ends=ends,
        date_keys=starts * 4 + precisions,
        sources=sources,
        source_names=[name for name, _ in source_docs],
        pair_docs=pair_docs,
        pair_officials=pair_officials,
        official_names=names,
        official_by_lower={name.lower(): name for name in names},
    )
    return table


def date_order(searcher: Searcher, *, newest: bool) -> np.ndarray:
    """Every document number, newest first (or oldest first), undated ones last; built once
    per index content (with its facet table), so sorting a result by date is a walk down
    this array."""
    table = _doc_table(searcher)
    orders = table.orders
    if newest not in orders:
        # Stable sorts: equal dates keep document order, as before.
        key = -table.starts if newest else table.ends
        orders[newest] = np.argsort(key, kind="stable")
    return orders[newest]


# Every thread's reader of the same index shares one table.
_tables = PerContent(_build_doc_table)


def official_spellings(searcher: Searcher) -> dict[str, str]:
    """Every official the index names, lower-cased -> as spelled in the index (from the
    reader's facet table, so resolving a filter reads no lexicon)."""
    return _doc_table(searcher).official_by_lower


def source_names(searcher: Searcher) -> list[str]:
    """Every source the index names, as spelled in the index (from the facet table)."""
    return _doc_table(searcher).source_names


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
    base = matching_mask(searcher, matching)
    starts, ends = table.starts, table.ends
    if undated:
        base &= starts == NO_DATE_START
    if date_from or date_to:
        lowest = as_int(date_from) if date_from else NO_DATE_START + 1
        highest = as_int(date_to) if date_to else NO_DATE_END - 1
        base &= (starts != NO_DATE_START) & (ends >= lowest) & (starts <= highest)
    # Each facet sees the other facet's choice, not its own.
    with_officials, with_sources = base, base
    if officials:
        chosen = set(officials)
        codes = [i for i, name in enumerate(table.official_names) if name in chosen]
        named = np.zeros(len(base), dtype=bool)
        named[table.pair_docs[np.isin(table.pair_officials, codes)]] = True
        with_officials = base & named
    if sources:
        chosen = set(sources)
        codes = [i for i, name in enumerate(table.source_names, 1) if name in chosen]
        with_sources = base & np.isin(table.sources, codes)
    passing = with_officials & with_sources
    by_official = np.bincount(
        table.pair_officials[with_sources[table.pair_docs]], minlength=len(table.official_names)
    )
    by_source = np.bincount(table.sources[with_officials], minlength=len(table.source_names) + 1)
    keys, key_counts = np.unique(table.date_keys[passing], return_counts=True)
    by_date = Counter(
        {(k // 4, k % 4): c for k, c in zip(keys.tolist(), key_counts.tolist(), strict=True)}
    )
    return FacetCounts(
        mask=passing,
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


def matching_mask(searcher: Searcher, query: q.Query) -> np.ndarray:
    """Which live documents a query matches (a bool per document number), as array algebra
    over the postings of its parts (search.retrieval.postings): no Python step per document."""
    arrays = reader_arrays(searcher.reader())
    return _mask(searcher, arrays, query) & arrays.live


def _mask(searcher: Searcher, arrays: Arrays, query: q.Query) -> np.ndarray:
    if isinstance(query, q.Or) and not getattr(query, "minmatch", 0) and query.subqueries:
        return np.logical_or.reduce([_mask(searcher, arrays, sub) for sub in query.subqueries])
    if isinstance(query, q.And) and query.subqueries:
        return np.logical_and.reduce([_mask(searcher, arrays, sub) for sub in query.subqueries])
    if isinstance(query, q.AndNot):
        return _mask(searcher, arrays, query.a) & ~_mask(searcher, arrays, query.b)
    if isinstance(query, q.Term):
        return arrays.mask(query.fieldname, query.text)
    if isinstance(query, q.Every):
        return arrays.live.copy()
    if isinstance(query, q.Phrase):
        return phrase_mask(arrays, query.fieldname, query.words, query.slop)
    out = np.zeros(arrays.size, dtype=bool)
    out[list(searcher.docs_for_query(query))] = True
    return out


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


def _timeline(
    counts: Counter[tuple[int, int]], date_from: dt.date | None, date_to: dt.date | None
) -> Timeline:
    undated = sum(c for (start, _), c in counts.items() if start == NO_DATE_START)
    dated = {k: c for k, c in counts.items() if k[0] != NO_DATE_START}
    if not dated:
        return Timeline(undated=undated)
    bulk, before, after = _outlying_years(dated)
    unit = _unit_for(bulk, date_from, date_to)
    bars = _year_bars(before) + _bars(bulk, unit) + _year_bars(after)
    if date_from or date_to:
        bars = [_clip(b, date_from, date_to) for b in bars]
    return Timeline(unit=unit, bars=bars, undated=undated)


# At most this share of the dated matches, in years of their own before or after the rest,
# get a bar per year instead of stretching the timeline: an archive of 2019 with a few
# articles of 2022 and 2025 keeps its months.
OUTLYING_SHARE = 0.01


def _outlying_years(
    dated: dict[tuple[int, int], int],
) -> tuple[dict[tuple[int, int], int], Counter[int], Counter[int]]:
    """(the rest, match counts by outlying year before it, after it)."""
    allowed = int(sum(dated.values()) * OUTLYING_SHARE)
    by_year: Counter[int] = Counter()
    for (start, _), count in dated.items():
        by_year[start // 10000] += count
    years = sorted(by_year)
    before: Counter[int] = Counter()
    after: Counter[int] = Counter()
    low, high = 0, len(years) - 1
    while low < high:
        # Trim the smaller end first, while the trimmed years stay within the allowance.
        end = low if by_year[years[low]] <= by_year[years[high]] else high
        year = years[end]
        if sum(before.values()) + sum(after.values()) + by_year[year] > allowed:
            break
        (before if end == low else after)[year] = by_year[year]
        low, high = (low + 1, high) if end == low else (low, high - 1)
    if not before and not after:
        return dated, before, after
    kept = set(years[low : high + 1])
    return {k: c for k, c in dated.items() if k[0] // 10000 in kept}, before, after


def _year_bars(counts: Counter[int]) -> list[TimelineBar]:
    return [
        TimelineBar(str(year), str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), count)
        for year, count in sorted(counts.items())
    ]


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
    month = month_names()[start.month - 1]
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
