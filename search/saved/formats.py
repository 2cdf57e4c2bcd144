"""Saved query runs as a readable table, CSV or JSON (the `cari saved run --format` choices)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from search.dates import format_date
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for run in runs:
        for rank, hit in enumerate(run.result.hits, start=1):
            writer.writerow(
                spreadsheet_cell(cell)
                for cell in (
                    run.saved.name,
                    rank,
                    hit.id,
                    hit.date or "",
                    hit.source or "",
                    hit.title,
                    "; ".join(o.name for o in hit.officials),
                    hit.url or "",
                    hit.snippet.text,
                    "; ".join(hit.missing),
                )
            )
    return out.getvalue().rstrip("\n")


def runs_table(runs: list[SavedRun], width: int | None = None) -> str:
    """A heading per query, then one line per hit: rank, date, source, title, id; the hits
    with some of the words below a line, each with what it misses."""
    blocks = []
    for run in runs:
        result = run.result
        scope = ""
        if run.new_only:
            since = _iso(run.new_since)
            scope = f", new since {since}" if since else ", first run: all are new"
        shown = f"{len(result.hits)} of {result.found_as_stories}" if result.found else "0"
        if result.total_partial:
            scope += f"; {result.total:,} with all the words, {result.total_partial:,} with some"
        articles = f" ({result.found} articles)" if result.found_as_stories != result.found else ""
        lines = [f"{run.saved.name}: {shown} results{articles} for {_describe(run.saved)}{scope}"]
        lines += [f"  note: {note}" for note in result.notes]
        if result.hits:
            rows = [
                (str(n), format_date(h.date), h.source or "-", h.title, h.id)
                for n, h in enumerate(result.hits, start=1)
            ]
            widths = [max(len(r[i]) for r in rows) for i in range(3)]
            id_width = max(len(r[4]) for r in rows)
            longest = max(len(r[3]) for r in rows)
            title_width = longest if width is None else max(20, width - sum(widths) - id_width - 8)
            for i, (row, hit) in enumerate(zip(rows, result.hits, strict=True)):
                if hit.missing and (i == 0 or not result.hits[i - 1].missing):
                    lines.append("  --- with some of the words ---")
                title = row[3] if len(row[3]) <= title_width else row[3][: title_width - 1] + "…"
                if hit.missing:
                    title = f"{title} (missing: {', '.join(hit.missing)})"
                lines.append(
                    f"{row[0]:>{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  "
                    f"{title:<{title_width}}  {row[4]}".rstrip()
                )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def queries_table(queries: list[SavedQuery]) -> str:
    """`cari saved list`: name, what it searches, and its description."""
    if not queries:
        return "no saved queries"
    name_width = max(len(q.name) for q in queries)
    lines = []
    for q in queries:
        lines.append(f"{q.name:<{name_width}}  {_describe(q)}")
        if q.description:
            lines.append(f"{'':<{name_width}}  {q.description}")
    return "\n".join(lines)


def _describe(q: SavedQuery) -> str:
    parts = [repr(q.query) if q.query else "everything"]
    if q.officials:
        parts.append("officials: " + ", ".join(q.officials))
    if q.sources:
        parts.append("sources: " + ", ".join(q.sources))
    if q.said:
        parts.append("said: " + ", ".join(q.said))
    if q.last:
        parts.append(f"last {q.last}")
    elif q.date_from or q.date_to:
        parts.append(f"{q.date_from or '…'} to {q.date_to or '…'}")
    if q.sort != "relevance":
        parts.append(q.sort)
    parts.append(f"limit {q.limit}")
    return " · ".join(parts)


def _iso(stamp: float | None) -> str | None:
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(stamp, dt.UTC).isoformat(timespec="seconds")
