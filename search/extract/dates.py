"""Publication dates from Indonesian news pages, with their precision. Never invents a date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from search.articles import ArticleDate

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "sept.": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jum[`'’]?at|sabtu|minggu|ahad)"

# "01 April 2022", "Selasa, 10 September 2019 14:30 WIB", "28 Sept 2022"
DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.I)
# "28/09/2022", "10/09/2019, 14:30 WIB", "10-09-2019"
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})([/.-])(?P<month>\d{1,2})\2(?P<year>\d{4})\b")
# "Senin (15/3/2021)" in the opening paragraph
WEEKDAY_PAREN = re.compile(
    rf"\b{_WEEKDAY}\s*\(\s*(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>\d{{2,4}})\s*\)", re.I
)
# "April 2022"
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b", re.I)
# "Copyright © ANTARA 2025", "© 2025 Kompas.com"
COPYRIGHT_YEAR = re.compile(
    r"(?:copyright|hak cipta|©)[^\n\d]{0,40}?(?P<year>(?:19|20)\d{2})\b", re.I
)


@dataclass(frozen=True)
class DateEvidence:
    """A date and the line it came from, so `cari inspect` can say why."""

    date: ArticleDate
    line: str
    rule: str


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _valid(year: int, month: int | None = None, day: int | None = None) -> ArticleDate | None:
    if not 1945 <= year <= dt.date.today().year + 1:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return ArticleDate(year, month, day)


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def full_date_in(line: str) -> ArticleDate | None:
    """A day-precise date written anywhere in `line` (first one wins)."""
    found: list[tuple[int, ArticleDate]] = []
    for pattern in (WEEKDAY_PAREN, DAY_MONTH_YEAR, NUMERIC):
        for m in pattern.finditer(line):
            raw_month = m.group("month")
            month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month)
            date = _valid(_year(m.group("year")), month, int(m.group("day")))
            if date:
                found.append((m.start(), date))
                break
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _partial_date_in(line: str) -> ArticleDate | None:
    m = MONTH_YEAR.search(line)
    if m:
        return _valid(int(m.group("year")), _month_number(m.group("month")))
    m = COPYRIGHT_YEAR.search(line)
    if m:
        return _valid(int(m.group("year")))
    return None


def find_date(
    header: Iterable[str], first_paragraph: str, footer: Iterable[str]
) -> DateEvidence | None:
    """The publication date, best evidence first.

    1. a full date in the page header (the dateline under the title);
    2. a full date in the body's first paragraph ("Senin (15/3/2021)");
    3. a full date in the footer;
    4. month or year evidence in header or footer ("Copyright © ANTARA 2025").
    Dates the story mentions later in the body are not publication dates and are ignored.
    """
    header, footer = list(header), list(footer)
    for rule, lines in (("header", header), ("first paragraph", [first_paragraph])):
        for line in lines:
            date = full_date_in(line)
            if date:
                return DateEvidence(date, line, rule)
    for line in footer:
        date = full_date_in(line)
        if date:
            return DateEvidence(date, line, "footer")
    for line in [*header, *footer]:
        date = _partial_date_in(line)
        if date:
            return DateEvidence(date, line, f"{date.precision} only")
    return None
