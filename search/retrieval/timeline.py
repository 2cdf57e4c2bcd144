"""The timeline of a search: a histogram of the matching articles' dates, a bar per day, month
or year (whichever gives a readable number of bars for the span the matches cover), with the
articles that have no date in a bucket of their own. Dates keep their precision: an article
dated only "2019" is never drawn in January 2019; when the bars are months it goes in a
"2019, year only" bar, and likewise a month-precision article among day bars.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from search.dates import PRECISIONS, from_int, period, period_label
from search.indexing.schema import NO_DATE_START
from search.model import Timeline, TimelineBar

# The widest spans drawn at a finer unit: up to 45 days as days, up to 36 months as months.
MAX_DAY_BARS = 45
MAX_MONTH_BARS = 36


def timeline(
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


def _unit_for(
    dated: dict[tuple[int, int], int], date_from: dt.date | None, date_to: dt.date | None
) -> str:
    """The finest unit that draws the span of the dated matches in few enough bars. The span
    is clipped to the range asked for: an article dated only "2024" matches March 2024 but does
    not stretch its timeline to January (it gets a bar of its own)."""
    starts = [from_int(start) for start, _ in dated]
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


def _next(period_start: dt.date, unit: str) -> dt.date:
    return period(period_start, unit)[1] + dt.timedelta(days=1)


def _label(start: dt.date, unit: str, coarse: bool) -> tuple[str, str]:
    return period_label(start, unit, coarse)


def _bars(dated: dict[tuple[int, int], int], unit: str) -> list[TimelineBar]:
    """Contiguous bars from the first to the last period with matches (empty ones included),
    and a coarse bar before each period's bars for articles dated less precisely."""
    code = PRECISIONS.index(unit)
    fine: Counter[dt.date] = Counter()
    coarse: Counter[tuple[dt.date, str]] = Counter()
    for (start, precision), count in dated.items():
        day = from_int(start)
        if precision <= code:
            fine[period(day, unit)[0]] += count
        else:
            coarse[period(day, PRECISIONS[precision])[0], PRECISIONS[precision]] += count
    periods = sorted(fine)
    bars: list[TimelineBar] = []
    pending = sorted(coarse.items(), key=lambda kv: (kv[0][0], -PRECISIONS.index(kv[0][1])))
    cursor = periods[0] if periods else None
    while cursor is not None and cursor <= periods[-1]:
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
