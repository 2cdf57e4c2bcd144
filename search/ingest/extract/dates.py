"""Publication dates from Indonesian news pages, with their precision. Never invents a date.

Indonesian news writes the day it reports on in the lede ("kata Hudori, Senin (15/3/2021)"),
and a page's chrome carries the publication dateline ("Selasa, 10 September 2019 14:30 WIB").
Both are used; dates the story merely mentions ("Rabu (11/9/2019) mendatang", "sejak 1 Mei
2019", "lahir 23 Juni 1987") are not publication dates, and neither is a date whose written
weekday contradicts it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from search.dates import month_forms
from search.i18n import N_
from search.model import ArticleDate

MONTHS: dict[str, int] = month_forms()

WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
# A weekday's name as news writes it (any case): "Jumat", "Jum'at", "Ahad".
WEEKDAY_NAME = r"senin|selasa|rabu|kamis|jum[`'’]?at|sabtu|minggu|ahad"
# A part of the day written after a weekday: "Senin malam", "Jumat dini hari".
DAY_PART = r"pagi|siang|sore|petang|malam|dini\s+hari"
# A day and month (maybe the year) in parentheses after a weekday or a name: "(6/9/2019)",
# "(25/9)".
PAREN_DATE = r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)"
# An optional weekday written before a date: "Selasa, ", "Jum'at ", "Senin ("
_WEEKDAY = rf"(?:(?P<weekday>{WEEKDAY_NAME})\s*,?\s*)?"

# "Senin (15/3/2021)", "pagi ini (18/9/2019)", "Rabu (17/07/2019)"
WEEKDAY_PAREN = re.compile(
    rf"\b{_WEEKDAY}\(\s*(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>\d{{4}}|\d{{2}})\s*\)",
    re.I,
)
# "01 April 2022", "Selasa, 10 September 2019 14:30 WIB", "28 Sept 2022", "28th July 2019"
DAY_MONTH_YEAR = re.compile(
    rf"\b{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.I
)
# "20 Sep 19 | 18:50" (a page's date line writing two digits of the year: only before a time
# or at the line's end, so that "pada 20 Mei 19 orang" is no date)
DAY_MONTH_SHORT_YEAR = re.compile(
    rf"\b{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{2}})"
    r"(?=\s*$|\s*[|,·–-]\s*\d{1,2}[:.]\d{2}\b)",
    re.I,
)
# "28/09/2022", "10/09/2019, 14:30 WIB", "10-09-2019"
NUMERIC = re.compile(
    rf"\b{_WEEKDAY}(?P<day>\d{{1,2}})(?P<sep>[/.-])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})\b",
    re.I,
)
# "Agustus 28, 2019" (Blogger's date header), "September 12, 2019"
MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<weekday>){_MONTH}\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\b", re.I
)
# "2019-09-12", "2019-09-12T10:15:00+07:00" (a page's machine-readable date)
ISO_DAY = re.compile(
    r"\b(?P<weekday>)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?=$|[T\s,.;])"
)
FULL_DATE_PATTERNS = (
    WEEKDAY_PAREN,
    DAY_MONTH_YEAR,
    DAY_MONTH_SHORT_YEAR,
    NUMERIC,
    MONTH_DAY_YEAR,
    ISO_DAY,
)
# Text a line must hold for each pattern to be tried (most lines hold no such date).
_PATTERN_NEEDS = {
    MONTH_DAY_YEAR: re.compile(r"\d, +\d{4}"),
    ISO_DAY: re.compile(r"\d{4}-\d\d-\d\d"),
}
# "April 2022"
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b", re.I)
# "Copyright © ANTARA 2025", "© 2025 Kompas.com", "© 2008 - 2019 PT. Kompas" (a range: its
# last year)
COPYRIGHT_YEAR = re.compile(
    r"(?:copyright|hak cipta|©)[^\n\d]{0,40}?(?:(?:19|20)\d{2}\s*[-–]\s*)?"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.I,
)
# A page's date line for its last update, read only when it has no other:
# "Diperbarui 12 Sep 2019, 11:00 WIB", "Updated: ...", "Terakhir diperbarui ...".
UPDATED = re.compile(r"^\W*(?:terakhir\s+)?(?:diperbarui|diupdate|update[d]?|pembaruan)\b", re.I)
# Words around a date that make it a date the story mentions, not the day it reports on.
STORY_AFTER = re.compile(
    r"[\s,)]*(?:\w+\s+){0,2}?(?:mendatang|nanti|besok|esok|lusa|depan|lalu|kemarin|silam|"
    r"sebelumnya|hingga|sampai|s\.d\.?|s/d)\b",
    re.I,
)
STORY_BEFORE = re.compile(
    r"(?:\b(?:sejak|mulai|hingga|sampai|lahir|jelang|menjelang|kemarin|berlaku|periode|"
    r"tenggat|batas|lusa|besok|esok|nanti)\b\W*(?:\w+\W+){0,2}|\d\s*[-–]\s*)$",
    re.I,
)
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|T|\s)")
# How many opening paragraphs count as the lede (scraped bodies often split every sentence).
LEDE_PARAGRAPHS = 3

# A line that is a span of two dates and nothing else: "21 Sep 2019 - 21 Jan 2022".
_SPAN_DATE = rf"\d{{1,2}}\s+(?:{_MONTH_NAMES})\.?\s+\d{{4}}"
_DATE_SPAN = re.compile(rf"^\W*{_SPAN_DATE}\s*[-–—]\s*{_SPAN_DATE}\W*$", re.I)
# Header lines are the page's own datelines; beyond this many characters a line is prose.
_MAX_DATELINE_CHARS = 300


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
    if month == 0 or day == 0:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return ArticleDate(year, month, day)


def parse_iso_date(value: str) -> ArticleDate | None:
    """'2022', '2022-04' or '2022-04-01' (or an ISO timestamp) at that precision, else None."""
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    return _valid(*(int(part) for part in m.group(0).split("-")))


def field_date(value: str) -> ArticleDate | None:
    """A record's date field: ISO-shaped ('2022-04-01', a timestamp) read as ISO alone, else
    the first full date written in it ('Selasa, 10 September 2019'). An ISO date out of
    range is no date: a placeholder '0001-01-01' is not read as 2001-01-01, nor '0019-09-10'
    as 2019-09-10."""
    if _ISO_DATE.match(value.strip()):
        return parse_iso_date(value)
    return full_date_in(value)


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _weekday_agrees(written: str | None, date: ArticleDate) -> bool:
    if not written:
        return True
    name = re.sub(r"[`'’]", "", written.lower()).replace("ahad", "minggu")
    return WEEKDAYS[dt.date(date.year, date.month or 1, date.day or 1).weekday()] == name


# A quote's attribution ("kata Zari, Minggu (15/9/2019)") dates the reporting, which is
# what a news page is published on; the lede's first sentence often dates the event before.
ATTRIBUTION = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|terang|papar|tegas|sebut|imbuh|tambah|lanjut|"
    r"paparnya|katanya|ujarnya|ucapnya|tuturnya|jelasnya|ungkapnya|terangnya|tegasnya|"
    r"mengatakan|menjelaskan|menyatakan|mengungkapkan|menegaskan|menuturkan|menyebutkan|"
    r"dikonfirmasi|dihubungi|ditemui|kepada wartawan|konferensi pers|keterangan tertulis)\b"
    r"[^.!?\"”]{0,120}$",
    re.I,
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    date: ArticleDate
    story: bool  # a date the story mentions, by the words around it
    attribution: bool  # the date of a quote's attribution


_DIGIT = re.compile(r"\d")


def _candidates(line: str, *, judged: bool = True) -> list[_Candidate]:
    """The full dates written in `line`, in order; `judged`: with whether the story merely
    mentions each and whether it dates a quote's attribution (else both False)."""
    if not _DIGIT.search(line):  # every full date has a day number: most lines are skipped
        return []
    found: list[_Candidate] = []
    rejected: list[tuple[int, int]] = []  # a date whose weekday disagrees is not re-read bare
    for pattern in FULL_DATE_PATTERNS:
        need = _PATTERN_NEEDS.get(pattern)
        if need is not None and not need.search(line):
            continue
        for m in pattern.finditer(line):
            if any(start <= m.start() < end for start, end in rejected):
                continue
            raw_month = m.group("month")
            month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month)
            date = _valid(_year(m.group("year")), month, int(m.group("day")))
            if date is None or not _weekday_agrees(m.group("weekday"), date):
                rejected.append(m.span())
                continue
            if not judged:
                found.append(_Candidate(m.start(), date, False, False))
                continue
            story = bool(
                STORY_AFTER.match(line, m.end()) or STORY_BEFORE.search(line[: m.start()][-40:])
            )
            attribution = bool(ATTRIBUTION.search(line[: m.start()][-160:]))
            found.append(_Candidate(m.start(), date, story, attribution))
    found.sort(key=lambda c: c.start)
    return found


def full_date_in(line: str) -> ArticleDate | None:
    """The first day-precise date written in `line` whose weekday (if written) agrees."""
    found = _candidates(line, judged=False)
    return found[0].date if found else None


# A year of four digits, around which a long text's full dates are read (`full_dates_in`).
_FULL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# How far before its year a full date starts, at most ("Selasa, 10 September 2019").
_BEFORE_YEAR = 40


def full_dates_in(text: str) -> set[ArticleDate]:
    """The day-precise dates written with a year of four digits in a text of any length, whose
    weekday (if written) agrees: read around each such year, not by every pattern over the
    whole text."""
    found: set[ArticleDate] = set()
    for year in _FULL_YEAR.finditer(text):
        start, end = max(0, year.start() - _BEFORE_YEAR), year.end() + 7
        # a full date's day is a number of its own, before its year or after it ("2019-09-10")
        if _DIGIT.search(text, start, year.start()) or _DIGIT.search(text, year.end(), end):
            found.update(c.date for c in _candidates(text[start:end], judged=False))
    return found


def reported_date_in(line: str) -> ArticleDate | None:
    """The first day-precise date in `line` that is not a date the story merely mentions."""
    return next((c.date for c in _candidates(line) if not c.story), None)


def _partial_date_in(line: str) -> ArticleDate | None:
    m = MONTH_YEAR.search(line)
    if m:
        return _valid(int(m.group("year")), _month_number(m.group("month")))
    m = COPYRIGHT_YEAR.search(line)
    if m:
        return _valid(int(m.group("year")))
    return None


def _sentence_at(text: str, pos: int) -> str:
    """The sentence of `text` around `pos`, so evidence shows the date, not a long paragraph."""
    start = max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos), text.rfind("! ", 0, pos))
    ends = [i for i in (text.find(". ", pos), text.find("? ", pos), text.find("! ", pos)) if i >= 0]
    return text[start + 2 if start >= 0 else 0 : min(ends) + 1 if ends else len(text)].strip()


# A finished sentence of eight words or more.
_SENTENCE = re.compile(r"^(?:\S+\s+){7,}.*[.!?][\"”']?$")


def find_date(
    header: Iterable[str], body: Sequence[str] | str, footer: Iterable[str]
) -> DateEvidence | None:
    """The publication date, best evidence first.

    1. a full date in the page header (the dateline around the title);
    2. the day the lede reports on ("Senin (15/3/2021)") in the first paragraphs;
    3. a full date in the footer;
    4. month or year evidence in header or footer ("Copyright © ANTARA 2025").
    Dates the story mentions later in the body, or with words that make them story dates
    ("mendatang", "sejak", "lalu"), are not publication dates and are ignored.
    """
    header, footer = list(header), list(footer)
    lede = [body] if isinstance(body, str) else list(body[:LEDE_PARAGRAPHS])
    updated = told = None
    for line in header:
        if _DATE_SPAN.match(line):
            continue  # "21 Sep 2019 - 21 Jan 2022": a web archive's captures, an event's days
        date = full_date_in(line[:_MAX_DATELINE_CHARS])
        if date and UPDATED.match(line):
            updated = updated or DateEvidence(date, line, N_("header update line"))
        elif date and _SENTENCE.match(line):
            # a summary under the headline telling of a day ("... saat dilantik 20 Oktober
            # 2019."): the date line after it is the page's
            told = told or DateEvidence(date, line, N_("header dateline"))
        elif date:
            return DateEvidence(date, line, N_("header dateline"))
    if updated or told:
        return updated or told
    reported = [(c, line) for line in lede for c in _candidates(line) if not c.story]
    attributed = [(c, line) for c, line in reported if c.attribution]
    for rule, found in ((N_("quote in the lede"), attributed), (N_("lede"), reported)):
        if found:
            candidate, line = found[0]
            return DateEvidence(candidate.date, _sentence_at(line, candidate.start), rule)
    for line in footer:
        date = full_date_in(line[:_MAX_DATELINE_CHARS])
        if date:
            return DateEvidence(date, line, N_("footer"))
    for line in [*header, *footer]:
        date = _partial_date_in(line)
        if date:
            only = N_("month only") if date.precision == "month" else N_("year only")
            return DateEvidence(date, line, only)
    return None
