"""Saved query runs as a readable table, CSV or JSON (the `cari saved run --format` choices)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from search.dates import format_date
from search.i18n import gettext
from search.model import Hit, SearchResult
from search.saved.queries import SavedQuery, SavedRun

FORMATS = ("table", "csv", "json")
CSV_COLUMNS = (
    "query",
    "rank",
    "id",
    "date",
    "source",
    "title",
    "officials",
    "url",
    "snippet",
    "missing",
    "filters",  # the search's filters, dates and order in words (search_filters)
    # An export's copy of a story: the id of the story's row above it (its rank is the
    # story's); empty for the story's own row, and in a saved run (which lists stories).
    "copy_of",
)


def render(runs: list[SavedRun], fmt: str, *, width: int | None = None) -> str:
    """`width` is the terminal's: long titles are cut to fit; None keeps them whole."""
    if fmt == "json":
        return json.dumps(runs_json(runs), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return runs_csv(runs)
    return runs_table(runs, width)


def runs_json(runs: list[SavedRun]) -> dict[str, Any]:
    """{"queries": [{"name", "description", "new_only", "new_since", "total", "hits", ...}]};
    each hit has the shape of `cari query --json` hits."""
    return {
        "queries": [
            {
                "name": run.saved.name,
                "description": run.saved.description,
                "query": run.saved.query,
                "new_only": run.new_only,
                "new_since": _iso(run.new_since),
                **{k: v for k, v in run.result.to_json().items() if k != "query"},
            }
            for run in runs
        ]
    }


# A cell a spreadsheet would take for a formula (OWASP, CSV injection): a title such as
# "=HYPERLINK(...)" in the morning report must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs: text starting like a formula gets a leading
    apostrophe (shown by none of them, kept by every one as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def runs_csv(runs: list[SavedRun]) -> str:
    """One row per hit, with the saved query's name in the first column."""
    lines = [csv_line(CSV_COLUMNS)]
    for run in runs:
        filters = search_filters(run.saved)
        lines += [
            csv_line(hit_row(run.saved.name, rank, hit, filters))
            for rank, hit in enumerate(run.result.hits, start=1)
        ]
    return "".join(lines).rstrip("\n")


def hit_row(
    name: str, rank: int, hit: Hit, filters: str = "", copy_of: str = ""
) -> tuple[Any, ...]:
    """A hit as a CSV row (CSV_COLUMNS); `name` says which search found it, `filters` its
    filters (search_filters), `copy_of` the story's hit it is a copy of."""
    return (
        name,
        rank,
        hit.id,
        hit.date or "",
        hit.source or "",
        hit.title,
        "; ".join(o.name for o in hit.officials),
        hit.url or "",
        hit.snippet.text,
        "; ".join(hit.missing),
        filters,
        copy_of,
    )


def csv_line(row: tuple[Any, ...]) -> str:
    """One CSV line, its cells safe from spreadsheets' formulas (spreadsheet_cell)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(spreadsheet_cell(cell) for cell in row)
    return out.getvalue()


def stream_csv(
    name: str, pages: Iterator[list[tuple[Hit, str]]], filters: str = ""
) -> Iterator[str]:
    """CSV text, a page of rows at a time (the heading first): for exports too long to hold.
    Each row is a hit and the id of the story's hit it is a copy of ("" for a story's own
    row: search.saved.queries.export_rows); a copy has its story's rank."""
    yield csv_line(CSV_COLUMNS)
    rank = 0
    for rows in pages:
        for hit, copy_of in rows:
            rank += not copy_of
            yield csv_line(hit_row(name, rank, hit, filters, copy_of))


# An export's file name holds this many characters of its query at most.
MAX_NAME_SLUG = 60


def export_filename(query: str, extension: str) -> str:
    """The file name of a search's export, saying its query in plain ASCII ("Revisi UU KPK"
    as cari-revisi-uu-kpk.csv; cari.csv for a search with no words)."""
    ascii_text = unicodedata.normalize("NFKD", query).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:MAX_NAME_SLUG].rstrip("-")
    return f"cari-{slug}.{extension}" if slug else f"cari.{extension}"


def stream_json(head: dict[str, Any], pages: Iterator[list[tuple[Hit, str]]]) -> Iterator[str]:
    """{...head, "hits": [...]}, a page of rows at a time (as stream_csv's); each hit as in
    `cari query --json`, with `copy_of`: the id of the story's hit it is a copy of, or null."""
    yield json.dumps(head, ensure_ascii=False)[:-1] + (', "hits": [' if head else '{"hits": [')
    first = True
    for rows in pages:
        for hit, copy_of in rows:
            row = {**hit.to_json(), "copy_of": copy_of or None}
            yield ("" if first else ", ") + json.dumps(row, ensure_ascii=False)
            first = False
    yield "]}\n"


ATOM = "http://www.w3.org/2005/Atom"
# What XML 1.0 cannot hold, even escaped (its Char production): most C0 controls, lone
# surrogates, U+FFFE and U+FFFF. One in a title made the whole feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)


def atom_feed(
    saved: SavedQuery,
    result: SearchResult,
    *,
    feed_url: str,
    search_url: str,
    article_url: Callable[[Hit], str],
    updated: dt.datetime,
    problem: str = "",
) -> str:
    """A saved search as an Atom feed (RFC 4287): its hits newest first, each with its
    snippet as the summary, so that a feed reader or a chat bot becomes the alert. A search
    that cannot run as saved (`problem`: a filter naming no one in the archive) says so in
    the feed's subtitle, where a reader shows it, rather than being only empty."""
    from xml.etree import ElementTree as ET

    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(
            parent, f"{{{ATOM}}}{tag}", {key: xml_text(value) for key, value in attrs.items()}
        )
        if text is not None:
            element.text = xml_text(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    add(feed, "id", feed_url)
    add(feed, "title", f"Cari: {saved.description or saved.name}")
    add(feed, "subtitle", f"{problem} ({_describe(saved)})" if problem else _describe(saved))
    add(feed, "updated", updated.isoformat(timespec="seconds"))
    add(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    add(feed, "link", rel="alternate", href=search_url, type="text/html")
    author = add(feed, "author")
    add(author, "name", "Cari")
    for hit in result.hits:
        entry = add(feed, "entry")
        add(entry, "id", hit.url or article_url(hit))
        add(entry, "title", hit.title)
        add(entry, "updated", _entry_time(hit, updated))
        add(entry, "link", rel="alternate", href=hit.url or article_url(hit), type="text/html")
        if hit.source:
            source_author = add(entry, "author")
            add(source_author, "name", hit.source)
        for official in hit.officials:
            add(entry, "category", term=official.name)
        add(entry, "summary", hit.snippet.text)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def _entry_time(hit: Hit, fallback: dt.datetime) -> str:
    """The article's date as an Atom date-time (its first day at midnight UTC), else when the
    feed was made."""
    if not hit.date:
        return fallback.isoformat(timespec="seconds")
    day = dt.date.fromisoformat((hit.date + "-01-01")[:10] if len(hit.date) < 10 else hit.date)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).isoformat()


def runs_table(runs: list[SavedRun], width: int | None = None) -> str:
    """A heading per query, then one line per hit: rank, date, source, title, id, URL; the
    hits with some of the words below a line, each with what it misses."""
    blocks = []
    for run in runs:
        result = run.result
        scope = ""
        if run.new_only:
            since = _iso(run.new_since)
            scope = (
                gettext(", new since %(when)s", when=since)
                if since
                else gettext(", first run: all are new")
            )
        lines = [
            gettext(
                "%(name)s: %(count)s for %(what)s%(scope)s",
                name=run.saved.name,
                count=result.count_text(),  # as `cari query` counts
                what=_describe(run.saved),
                scope=scope,
            )
        ]
        lines += ["  " + gettext("note: %(note)s", note=note) for note in result.notes]
        if result.hits:
            rows = [
                (str(n), format_date(h.date), h.source or "-", h.title, h.id, h.url or "")
                for n, h in enumerate(result.hits, start=1)
            ]
            widths = [max(len(r[i]) for r in rows) for i in range(3)]
            id_width = max(len(r[4]) for r in rows)
            longest = max(len(r[3]) for r in rows)
            title_width = longest if width is None else max(20, width - sum(widths) - id_width - 8)
            for i, (row, hit) in enumerate(zip(rows, result.hits, strict=True)):
                if hit.missing and (i == 0 or not result.hits[i - 1].missing):
                    lines.append("  " + gettext("--- with some of the words ---"))
                title = row[3] if len(row[3]) <= title_width else row[3][: title_width - 1] + "…"
                if hit.missing:
                    missing = gettext("missing: %(words)s", words=", ".join(hit.missing))
                    title = f"{title} ({missing})"
                lines.append(
                    f"{row[0]:>{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  "
                    f"{title:<{title_width}}  {row[4]:<{id_width}}  {row[5]}".rstrip()
                )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def queries_table(queries: list[SavedQuery]) -> str:
    """`cari saved list`: name, what it searches, and its description."""
    if not queries:
        return gettext("no saved queries")
    name_width = max(len(q.name) for q in queries)
    lines = []
    for q in queries:
        lines.append(f"{q.name:<{name_width}}  {_describe(q)}")
        if q.description:
            lines.append(f"{'':<{name_width}}  {q.description}")
    return "\n".join(lines)


def _describe(q: SavedQuery) -> str:
    parts = [repr(q.query) if q.query else gettext("everything")]
    if filters := search_filters(q):
        parts.append(filters)
    parts.append(gettext("limit %(n)s", n=q.limit))
    return " · ".join(parts)


def search_filters(q: SavedQuery) -> str:
    """A search's filters, dates and order in words ("officials: Joko Widodo · 2022-01-01
    to … · newest first"); "" for none."""
    parts = []
    if q.officials:
        parts.append(gettext("officials: %(names)s", names=", ".join(q.officials)))
    if q.sources:
        parts.append(gettext("sources: %(names)s", names=", ".join(q.sources)))
    if q.said:
        parts.append(gettext("said: %(names)s", names=", ".join(q.said)))
    if q.last:
        parts.append(gettext("last %(range)s", range=q.last))
    elif q.date_from or q.date_to:
        parts.append(
            gettext("%(start)s to %(end)s", start=q.date_from or "…", end=q.date_to or "…")
        )
    if q.sort == "newest":
        parts.append(gettext("newest first"))
    elif q.sort == "oldest":
        parts.append(gettext("oldest first"))
    return " · ".join(parts)


def _iso(stamp: float | None) -> str | None:
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(stamp, dt.UTC).isoformat(timespec="seconds")
