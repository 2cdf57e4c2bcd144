"""Article dates as day ranges, and the user's --from/--to inputs."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from search.lexicon import load_toml
from search.model import ArticleDate

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


def month_names() -> tuple[str, ...]:
    """The twelve months as Cari writes them for people (`search/data/months.toml`)."""
    return tuple(m["name"] for m in load_toml("months.toml")["month"])


def month_forms() -> dict[str, int]:
    """Every spelling of a month the date extractor reads -> its number (1-12)."""
    return {
        form: number
        for number, month in enumerate(load_toml("months.toml")["month"], 1)
        for form in month["forms"]
    }


def format_date(iso: str | None) -> str:
    """A date at its precision, for people: '2025', 'April 2022', '1 April 2022'."""
    if not iso:
        return "no date"
    date = ArticleDate.from_iso(iso)
    name = month_names()[(date.month or 1) - 1]
    if date.day:
        return f"{date.day} {name} {date.year}"
    if date.month:
        return f"{name} {date.year}"
    return str(date.year)


# Date precisions, finest first; an article's precision code is its index here (the index
# keeps it, and the timeline's bars are drawn at one of these units).
PRECISIONS = ("day", "month", "year")


def from_int(value: int) -> dt.date:
    """The date of a YYYYMMDD integer (the inverse of `as_int`)."""
    return dt.date(value // 10000, value // 100 % 100, value % 100)


def period(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the day, month or year (`unit`) that holds `day`."""
    if unit == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if unit == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return dt.date(day.year, day.month, 1), dt.date(day.year, day.month, last)
    return day, day
