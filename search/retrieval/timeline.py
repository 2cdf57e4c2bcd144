"""The timeline of a search: a histogram of the matching articles' dates, a bar per day, month
or year (whichever gives a readable number of bars for the span the matches cover; a bar per
week instead of months when asked, as an official's page does), with the articles that have no
date in a bucket of their own. Dates keep their precision: an article
dated only "2019" is never drawn in January 2019; when the bars are months it goes in a
"2019, year only" bar, and likewise a month-precision article among day bars.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np

from search.dates import PRECISIONS, from_int, period, period_label
from search.indexing.schema import NO_DATE_START
from search.model import Timeline, TimelineBar

# The widest spans drawn at a finer unit: up to 45 days as days, (when weeks are asked for)
# up to a year as weeks, up to 36 months as months.
MAX_DAY_BARS = 45
MAX_WEEK_BARS = 53
MAX_MONTH_BARS = 36


def timeline(
    starts: np.ndarray,
    precisions: np.ndarray,
    counts: np.ndarray,
    date_from: dt.date | None,
    date_to: dt.date | None,
    *,
    weeks: bool = False,
) -> Timeline:
    """The timeline of matches counted by date: `counts[i]` articles start on `starts[i]`
    (YYYYMMDD, NO_DATE_START for none) at precision code `precisions[i]` (PRECISIONS); with
    `weeks`, a span that would be drawn by month is drawn by week when it is a year or less.
    The work is array arithmetic over the distinct dates, then a step per bar: an archive that
    spans ten years has thousands of distinct days, and a step per day cost milliseconds."""
    undated_at = starts == NO_DATE_START
    undated = int(counts[undated_at].sum())
    dated = ~undated_at
    starts, precisions, counts = starts[dated], precisions[dated], counts[dated]
    if not len(starts):
        return Timeline(undated=undated)
    bulk, before, after = _outlying_years(starts // 10000, counts)
    starts, precisions, counts = starts[bulk], precisions[bulk], counts[bulk]
    unit = _unit_for(starts, date_from, date_to, weeks)
    bars = _year_bars(before) + _bars(starts, precisions, counts, unit) + _year_bars(after)
    if date_from or date_to:
        bars = [_clip(b, date_from, date_to) for b in bars]
    return Timeline(unit=unit, bars=bars, undated=undated)


# At most this share of the dated matches, in years of their own before or after the rest,
# get a bar per year instead of stretching the timeline: an archive of 2019 with a few
# articles of 2022 and 2025 keeps its months.
OUTLYING_SHARE = 0.01


def _summed(keys: np.ndarray, counts: np.ndarray) -> tuple[list[int], list[int]]:
    """The distinct keys, ascending, with the sum of their counts."""
    distinct, where = np.unique(keys, return_inverse=True)
    sums = np.bincount(where, weights=counts, minlength=len(distinct))
    return distinct.tolist(), [int(x) for x in sums.tolist()]


def _outlying_years(
    years: np.ndarray, counts: np.ndarray
) -> tuple[np.ndarray, Counter[int], Counter[int]]:
    """(which dates are in the rest, match counts by outlying year before it, after it)."""
    allowed = int(counts.sum() * OUTLYING_SHARE)
    distinct, sums = _summed(years, counts)
    by_year = dict(zip(distinct, sums, strict=True))
    before: Counter[int] = Counter()
    after: Counter[int] = Counter()
    low, high = 0, len(distinct) - 1
    while low < high:
        # Trim the smaller end first, while the trimmed years stay within the allowance.
        end = low if by_year[distinct[low]] <= by_year[distinct[high]] else high
        year = distinct[end]
        if sum(before.values()) + sum(after.values()) + by_year[year] > allowed:
            break
        (before if end == low else after)[year] = by_year[year]
        low, high = (low + 1, high) if end == low else (low, high - 1)
    kept = (years >= distinct[low]) & (years <= distinct[high])
    return kept, before, after


def _year_bars(counts: Counter[int]) -> list[TimelineBar]:
    return [
        TimelineBar(str(year), str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), count)
        for year, count in sorted(counts.items())
    ]


def _unit_for(
    starts: np.ndarray, date_from: dt.date | None, date_to: dt.date | None, weeks: bool = False
) -> str:
    """The finest unit that draws the span of the dated matches in few enough bars. The span
    is clipped to the range asked for: an article dated only "2024" matches March 2024 but does
    not stretch its timeline to January (it gets a bar of its own)."""
    first, last = from_int(int(starts.min())), from_int(int(starts.max()))
    if date_from:
        first = max(first, date_from)
    if date_to:
        last = min(last, date_to)
    last = max(first, last)
    if (last - first).days < MAX_DAY_BARS:
        return "day"
    if weeks and (period(last, "week")[0] - period(first, "week")[0]).days // 7 < MAX_WEEK_BARS:
        return "week"
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "month" if months <= MAX_MONTH_BARS else "year"


def _period_starts(starts: np.ndarray, unit: str) -> np.ndarray:
    """YYYYMMDD of the first day of the day, week (its Monday), month or year holding each
    date."""
    if unit == "year":
        return starts // 10000 * 10000 + 101
    if unit == "month":
        return starts // 100 * 100 + 1
    if unit == "week":
        return _mondays(starts)
    return starts


def _mondays(starts: np.ndarray) -> np.ndarray:
    """YYYYMMDD of the Monday of each YYYYMMDD date."""
    months = (starts // 10000 - 1970) * 12 + starts // 100 % 100 - 1
    days = months.astype("datetime64[M]").astype("datetime64[D]") + (starts % 100 - 1)
    epoch_days = days.astype(np.int64)
    mondays = days - ((epoch_days + 3) % 7).astype("timedelta64[D]")  # 1970-01-01: a Thursday
    month_starts = mondays.astype("datetime64[M]")
    years = month_starts.astype("datetime64[Y]").astype(np.int64) + 1970
    month_numbers = month_starts.astype(np.int64) % 12 + 1
    day_numbers = (mondays - month_starts.astype("datetime64[D]")).astype(np.int64) + 1
    return years * 10000 + month_numbers * 100 + day_numbers


def _next(period_start: dt.date, unit: str) -> dt.date:
    return period(period_start, unit)[1] + dt.timedelta(days=1)


def _label(start: dt.date, unit: str, coarse: bool) -> tuple[str, str]:
    return period_label(start, unit, coarse)


def _bars(
    starts: np.ndarray, precisions: np.ndarray, counts: np.ndarray, unit: str
) -> list[TimelineBar]:
    """Contiguous bars from the first to the last period with matches (empty ones included),
    and a coarse bar before each period's bars for articles dated less precisely."""
    code = PRECISIONS.index("day" if unit == "week" else unit)
    is_fine = precisions <= code
    periods, sums = _summed(_period_starts(starts[is_fine], unit), counts[is_fine])
    fine = {from_int(p): n for p, n in zip(periods, sums, strict=True)}
    coarse: Counter[tuple[dt.date, str]] = Counter()
    for precision in range(code + 1, len(PRECISIONS)):
        at = precisions == precision
        name = PRECISIONS[precision]
        keys, totals = _summed(_period_starts(starts[at], name), counts[at])
        for key, total in zip(keys, totals, strict=True):
            coarse[from_int(key), name] += total
    ordered = sorted(fine)
    bars: list[TimelineBar] = []
    pending = sorted(coarse.items(), key=lambda kv: (kv[0][0], -PRECISIONS.index(kv[0][1])))
    cursor = ordered[0] if ordered else None
    while cursor is not None and cursor <= ordered[-1]:
        while pending and pending[0][0][0] <= cursor:
            bars.append(_coarse_bar(*pending.pop(0)))
        end = period(cursor, unit)[1]
        tick_label, tick = _label(cursor, unit, False)
        bars.append(TimelineBar(tick_label, tick, cursor, end, fine.get(cursor, 0)))
        cursor = _next(cursor, unit)
    bars.extend(_coarse_bar(*item) for item in pending)
    return bars


def _coarse_bar(key: tuple[dt.date, str], count: int) -> TimelineBar:
    start, unit = key
    label, tick = _label(start, unit, True)
    first, last = period(start, unit)
    return TimelineBar(label, tick, first, last, count, coarse=True)


def _clip(bar: TimelineBar, date_from: dt.date | None, date_to: dt.date | None) -> TimelineBar:
    first = max(bar.date_from, date_from) if date_from else bar.date_from
    last = min(bar.date_to, date_to) if date_to else bar.date_to
    if first > last:  # a coarse bar around the range: keep the range itself
        first, last = date_from or bar.date_from, date_to or bar.date_to
    return TimelineBar(bar.label, bar.tick, first, last, bar.count, bar.coarse)
