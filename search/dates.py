"""Article dates as day ranges, and the user's --from/--to inputs."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from search.i18n import gettext, language
from search.i18n import month_names as i18n_month_names
from search.lexicon import load_toml
from search.model import ArticleDate


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
    """A date as people type it: '2019-09-01', '1/9/2019' or '1-9-2019' (day first),
    '9/2019', '2019-09', '2019', '1 September 2019', 'Sept 2019' (Indonesian or English month
    names, whole or shortened). A partial date means its first day, or its last when `end` is
    set (so --to 2019 includes all of 2019)."""
    cleaned = " ".join(text.strip().split())
    parts = _date_parts(cleaned)
    if parts is None:
        raise DateInputError(
            gettext(
                "could not read the date %(text)s: write it as 1/9/2019, 2019-09-01,"
                " September 2019 or 2019",
                text=_echo(cleaned),
            )
        )
    year, month, day = parts
    try:
        if day is not None:
            return dt.date(year, month, day)  # type: ignore[arg-type]
        if month is not None:
            last = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, last)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except (ValueError, calendar.IllegalMonthError):
        raise DateInputError(gettext("%(text)s is not a real date", text=_echo(cleaned))) from None


def _echo(text: str, most: int = 40) -> str:
    """The text as an error message quotes it: escaped, and cut to `most` characters (an
    escaped control character takes four)."""
    shown = repr(text)
    return shown if len(shown) <= most else shown[: most - 2] + "…'"


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DAY_FIRST = re.compile(r"(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})")
_WORDS = re.compile(r"(?:(\d{1,2})\.?\s+)?([^\W\d_]{3,})\.?,?\s+(\d{4})")


def _date_parts(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) as typed, or None when the text is no date form Cari reads."""
    if m := _ISO.fullmatch(text):
        year, month, day = (int(g) if g else None for g in m.groups())
        return year, month, day  # type: ignore[return-value]
    if m := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) if g else None for g in m.groups())
        return year, month, day  # type: ignore[return-value]
    if (m := _WORDS.fullmatch(text)) and (month := month_number(m.group(2))):
        return int(m.group(3)), month, int(m.group(1)) if m.group(1) else None
    return None


def month_number(word: str) -> int | None:
    """'Januari', 'jan', 'Sept', 'Agu', 'August' -> the month's number; None for no month."""
    word = word.lower()
    forms = month_forms()
    if word in forms:
        return forms[word]
    if len(word) < 3:
        return None
    found = {number for form, number in forms.items() if form.startswith(word)}
    return found.pop() if len(found) == 1 else None


def archive_today(newest_day: dt.date | None, today: dt.date | None = None) -> dt.date:
    """The day "the last N days" end on: the newest article's day (an archive's "today": the
    last 30 days of an archive of 2019 are its last 30, not 30 empty days of the calendar),
    never after the calendar's today; today when no article is dated to a day."""
    today = today or dt.date.today()
    return min(newest_day, today) if newest_day else today


# The units of a period ("the last 2 weeks"), as `last_period` counts them.
PERIOD_UNITS = ("days", "weeks", "months", "years")


def last_period(count: int, unit: str, end: dt.date) -> dt.date:
    """The first day of the last `count` days, weeks, months or years (PERIOD_UNITS) ending
    on `end`, that day included: the one definition of "the last N days", for the search
    page's presets and saved queries' `last` alike (both end on `archive_today`). A period
    reaching before year 1 starts on its first day ('2019 years' ending in 2019)."""
    if unit in ("days", "weeks"):
        days = count - 1 if unit == "days" else 7 * count - 1
        if days >= (end - dt.date.min).days:
            return dt.date.min
        return end - dt.timedelta(days=days)
    months = count * (12 if unit == "years" else 1)
    year, month = divmod(end.year * 12 + end.month - 1 - months, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    day = min(end.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day) + dt.timedelta(days=1)


def presets(newest: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """Date ranges people reach for, ending at the newest article's day (`archive_today`):
    the last 7 and 30 days, its month and its year; (label, first day, last day)."""
    return [
        (gettext("Last 7 days"), last_period(7, "days", newest), newest),
        (gettext("Last 30 days"), last_period(30, "days", newest), newest),
        (gettext("This month"), newest.replace(day=1), newest),
        (gettext("This year"), newest.replace(month=1, day=1), newest),
    ]


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
    """A date at its precision, for people, in the current language: '2025', 'Agustus 2022',
    '1 Agustus 2022' ('August' in English); 'Tanpa tanggal' for none."""
    if not iso:
        return gettext("No date")
    return _format_date(iso, language())


@lru_cache(maxsize=4096)
def _format_date(iso: str, lang: str) -> str:
    date = ArticleDate.from_iso(iso)
    name = i18n_month_names(lang)[(date.month or 1) - 1]
    if date.day:
        return f"{date.day} {name} {date.year}"
    if date.month:
        return f"{name} {date.year}"
    return str(date.year)


def period_label(start: dt.date, unit: str, coarse: bool = False) -> tuple[str, str]:
    """A timeline bar's label and its short axis tick, in the current language:
    ('September 2019', 'Sep'), ('10 September 2019', '10'), ('2019 (tahun saja)', '2019'),
    a week ('2–8 September 2019', 'Sep': its axis names the months)."""
    months = i18n_month_names(language())
    month = months[start.month - 1]
    if unit == "week":
        end = start + dt.timedelta(days=6)
        last = f"{end.day} {months[end.month - 1]} {end.year}"
        if end.year != start.year:
            first = f"{start.day} {month} {start.year}"
        elif end.month != start.month:
            first = f"{start.day} {month}"
        else:
            first = str(start.day)
        separator = "–" if " " not in first else " – "
        return f"{first}{separator}{last}", month[:3]
    if unit == "year":
        year = str(start.year)
        return (gettext("%(period)s (year only)", period=year) if coarse else year), year
    if unit == "month":
        label = f"{month} {start.year}"
        return (gettext("%(period)s (month only)", period=label) if coarse else label), month[:3]
    return f"{start.day} {month} {start.year}", str(start.day)


# Date precisions, finest first; an article's precision code is its index here (the index
# keeps it, and the timeline's bars are drawn at one of these units).
PRECISIONS = ("day", "month", "year")


def from_int(value: int) -> dt.date:
    """The date of a YYYYMMDD integer (the inverse of `as_int`)."""
    return dt.date(value // 10000, value // 100 % 100, value % 100)


def period(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the day, week (Monday to Sunday), month or year (`unit`)
    that holds `day`."""
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if unit == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if unit == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return dt.date(day.year, day.month, 1), dt.date(day.year, day.month, last)
    return day, day
