"""What extraction made of one seed, and why: the data behind `cari inspect`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from search.i18n import gettext
from search.ingest.extract import Extraction

_PREVIEW_CHARS = 300


def _evidence(rule: str, line: str) -> dict[str, str]:
    return {"rule": rule, "line": line}


def inspection_json(extraction: Extraction) -> dict[str, Any]:
    """The extracted fields (the shape scripts rely on) plus the evidence behind them."""
    article = extraction.article
    evidence: dict[str, Any] = {"date": None, "source": None}
    if extraction.date_evidence:
        evidence["date"] = _evidence(extraction.date_evidence.rule, extraction.date_evidence.line)
    if extraction.source_evidence:
        source = extraction.source_evidence
        evidence["source"] = _evidence(source.rule, source.line)
    for key, origin in extraction.given.items():
        evidence.setdefault(key, None)
        evidence[key] = _evidence(origin, str(evidence[key]["line"]) if evidence[key] else "")
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date_iso,
        "date_precision": article.date_precision,
        "source": article.source,
        "officials": [{"name": o.name, "role": o.role} for o in article.officials],
        "quotes": [q.to_json() for q in article.quotes],
        "url": article.url,
        "body": article.body,
        "evidence": evidence,
    }


def _dated(data: dict) -> str:
    """'2019-09-17 (day)', or 'none' (an undated article has no precision to give)."""
    if not data["date"]:
        return gettext("none")
    return f"{data['date']} ({_PRECISIONS[data['date_precision']]()})"


_PRECISIONS = {
    "day": lambda: gettext("day"),
    "month": lambda: gettext("month"),
    "year": lambda: gettext("year"),
}


def _why(evidence: dict[str, str] | None) -> str:
    if not evidence:
        return gettext("(nothing in the page gave it)")
    line = evidence["line"]
    if len(line) > 160:  # keep both ends: datelines open a line, lede dates close a sentence
        line = line[:60] + " ... " + line[-95:]
    # A rule's name (a source's or a date's: search.ingest.extract) is English in the JSON.
    rule = gettext(evidence["rule"])
    if line:
        return gettext("from %(rule)s: %(line)s", rule=rule, line=repr(line))
    return gettext("from %(rule)s", rule=rule)


def inspection_text(extraction: Extraction, seed: Path | None = None) -> str:
    """The same as readable lines for a terminal, headed by the seed's path when given."""
    data = inspection_json(extraction)
    why = data["evidence"]
    body = data["body"]
    none = gettext("none")
    rows: list[tuple[str, str]] = []
    if seed is not None:
        rows.append((gettext("seed:"), str(seed)))
    rows += [
        (gettext("id:"), data["id"]),
        (gettext("title:"), data["title"]),
        (gettext("date:"), f"{_dated(data)} {_why(why.get('date'))}"),
        (gettext("source:"), f"{data['source'] or none} {_why(why.get('source'))}"),
    ]
    label = gettext("officials:")
    for official in data["officials"]:
        role = f" ({official['role']})" if official["role"] else ""
        rows.append((label, f"{official['name']}{role}"))
        label = ""
    if not data["officials"]:
        rows.append((label, none))
    label = gettext("quotes:")
    for quote in data["quotes"]:
        role = f" ({quote['role']})" if quote["role"] else ""
        text = quote["text"] if len(quote["text"]) <= 100 else quote["text"][:99] + "…"
        rows.append((label, f"{quote['speaker']}{role} [{quote['start']}-{quote['end']}]:"))
        rows.append(("", f" {text!r}"))
        label = ""
    if not data["quotes"]:
        rows.append((label, none))
    if extraction.given:
        given = ", ".join(f"{key} ({gettext(origin)})" for key, origin in extraction.given.items())
        rows.append((gettext("given:"), given))
    if data["url"]:
        rows.append((gettext("url:"), data["url"]))
    paragraphs = body.count("\n\n") + 1
    preview = body[:_PREVIEW_CHARS] + ("..." if len(body) > _PREVIEW_CHARS else "")
    size = gettext(
        "%(chars)s characters, %(paragraphs)s paragraphs", chars=len(body), paragraphs=paragraphs
    )
    rows.append((gettext("body:"), size))
    rows.append(("", preview.replace("\n\n", " / ")))
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}} {value}" for label, value in rows)
