"""Article dates as day ranges, and the user's --from/--to inputs."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from search.ingest.articles import ArticleDate

_INPUT = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DateInputError(ValueError):
    """A --from/--to value that is not a date; the message says what is accepted."""


def as_int(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def date_span(date: ArticleDate) -> tuple[int, int]:
    """First and last day an article's date may be: '2025' -> (20250101, 20251231)."""
    if date.day is not None and date.month is not None:
        day = as_int(dt.date(date.year, date.month, date.day))
        return day, day
    if date.month is not None:
        last = calendar.monthrange(date.year, date.month)[1]
        return as_int(dt.date(date.year, date.month, 1)), as_int(
            dt.date(date.year, date.month, last)
        )
    return as_int(dt.date(date.year, 1, 1)), as_int(dt.date(date.year, 12, 31))


def parse_date_input(text: str, *, end: bool = False) -> dt.date:
    """'2022', '2022-04' or '2022-04-01'. A partial date means its first day, or its last when
    `end` is set (so --to 2022 includes all of 2022)."""
    m = _INPUT.match(text.strip())
    if not m:
        raise DateInputError(f"{text[:40]!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if day is not None:
            return dt.date(year, month, day)  # type: ignore[arg-type]
        if month is not None:
            last = calendar.monthrange(year, month)[1] if end else 1  # type: ignore[arg-type]
            return dt.date(year, month, last)  # type: ignore[arg-type]
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)  # type: ignore[arg-type]
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise DateInputError(f"{text!r} is not a real date ({exc})") from exc
