"""What extraction made of one seed, and why: the data behind `cari inspect`."""

from __future__ import annotations

from typing import Any

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


def _why(evidence: dict[str, str] | None) -> str:
    if not evidence:
        return "(nothing in the page gave it)"
    line = evidence["line"]
    if len(line) > 160:  # keep both ends: datelines open a line, lede dates close a sentence
        line = line[:60] + " ... " + line[-95:]
    return f"from {evidence['rule']}" + (f": {line!r}" if line else "")


def inspection_text(extraction: Extraction) -> str:
    """The same as readable lines for a terminal."""
    data = inspection_json(extraction)
    why = data["evidence"]
    body = data["body"]
    lines = [
        f"id:        {data['id']}",
        f"title:     {data['title']}",
        f"date:      {data['date'] or 'none'} ({data['date_precision']}) {_why(why.get('date'))}",
        f"source:    {data['source'] or 'none'} {_why(why.get('source'))}",
    ]
    if data["officials"]:
        for n, official in enumerate(data["officials"]):
            label = "officials:" if n == 0 else ""
            role = f" ({official['role']})" if official["role"] else ""
            lines.append(f"{label:<10} {official['name']}{role}")
    else:
        lines.append("officials: none")
    for n, quote in enumerate(data["quotes"]):
        label = "quotes:" if n == 0 else ""
        role = f" ({quote['role']})" if quote["role"] else ""
        text = quote["text"] if len(quote["text"]) <= 100 else quote["text"][:99] + "…"
        lines.append(f"{label:<10} {quote['speaker']}{role} [{quote['start']}-{quote['end']}]:")
        lines.append(f"{'':<12}{text!r}")
    if not data["quotes"]:
        lines.append("quotes:    none")
    if extraction.given:
        given = ", ".join(f"{key} ({origin})" for key, origin in extraction.given.items())
        lines.append(f"given:     {given}")
    if data["url"]:
        lines.append(f"url:       {data['url']}")
    paragraphs = body.count("\n\n") + 1
    preview = body[:_PREVIEW_CHARS] + ("..." if len(body) > _PREVIEW_CHARS else "")
    lines.append(f"body:      {len(body)} characters, {paragraphs} paragraphs")
    lines.append("           " + preview.replace("\n\n", " / "))
    return "\n".join(lines)
