"""An indexed article's stored fields as a hit (with its snippet and marked title) or as the
article page's view, whichever engine stored them."""

from __future__ import annotations

import json
from typing import Any

from search.model import ArticleView, Copy, Hit, Official, Quote
from search.query.plan import QueryPlan
from search.retrieval.snippets import best_snippet, highlight_all, quote_snippet


def officials_of(fields: dict[str, Any]) -> list[Official]:
    try:
        return [
            Official(name, role) for name, role in json.loads(fields.get("official_roles") or "[]")
        ]
    except (ValueError, TypeError):
        return []


def quotes_of(fields: dict[str, Any]) -> list[Quote]:
    try:
        return [Quote(**q) for q in json.loads(fields.get("quotes") or "[]")]
    except (ValueError, TypeError):
        return []


def copies_of(others: list[dict[str, Any]]) -> list[Copy]:
    """A story's other copies, from their stored fields, oldest first."""
    copies = [
        Copy(f["id"], f.get("source") or None, f.get("date"), f.get("title", "")) for f in others
    ]
    return sorted(copies, key=lambda c: (c.date or "", c.source or "", c.id))


def hit_from_fields(
    fields: dict[str, Any],
    score: float,
    plan: QueryPlan,
    said: tuple[str, ...] = (),
    missing: list[str] | None = None,
    copies: list[Copy] | None = None,
) -> Hit:
    """A result: the article's fields, its best passage and its title with the query's
    words marked; with a `said` filter, its snippet is what those people said (their quote
    holding the most of the query's words, their first where none does: a journalist reads
    their words, not another's the query found elsewhere in the article; `snippet_speaker`
    says whose quote it is, None for the article's own text)."""
    stems, exact, runs = plan.stems(), plan.exact_forms(), plan.marked_runs()
    quoted = None
    if said:
        quotes = [q for q in quotes_of(fields) if q.speaker in said]
        quoted = quote_snippet(quotes, stems, exact, runs)
    return Hit(
        id=fields["id"],
        title=fields["title"],
        date=fields.get("date"),
        date_precision=fields.get("date_precision", "none"),
        source=fields.get("source") or None,
        officials=officials_of(fields),
        score=score,
        snippet=quoted[0]
        if quoted
        else best_snippet(fields.get("body", ""), stems, exact, runs=runs),
        snippet_speaker=quoted[1] if quoted else None,
        title_html=highlight_all(fields["title"], stems, exact, runs),
        url=fields.get("url"),
        missing=missing or [],
        copies=copies or [],
    )


def article_from_fields(fields: dict[str, Any], copies: list[Copy] | None = None) -> ArticleView:
    return ArticleView(
        id=fields["id"],
        title=fields["title"],
        body=fields.get("body", ""),
        date=fields.get("date"),
        date_precision=fields.get("date_precision", "none"),
        source=fields.get("source") or None,
        officials=officials_of(fields),
        url=fields.get("url"),
        quotes=quotes_of(fields),
        copies=copies or [],
    )
