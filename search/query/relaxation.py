"""Help for a search that found nothing: what each filter removed, and shorter queries that
would find something.

Each `Relaxation` is one change to the request (drop a filter, drop a word, unquote a phrase)
with the number of articles the changed request matches, so a page can say "without the date
range: 12 articles" and link to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from search.model import RequestError, SearchRequest
from search.query.plan import PLAIN_QUOTES
from search.retrieval.engine import SearchEngine

# Queries are split into the parts a user typed: "a phrase", -excluded, word.
_PART = re.compile(r'-?(?:[A-Za-z_]+:)?"[^"]*"?|\S+')
_EXACT = re.compile(r'(?i)^exact:(".*)$')
MAX_QUERY_PARTS = 8


@dataclass(frozen=True)
class Relaxation:
    label: str  # what changes, for people: "without the date range"
    total: int  # articles the changed request matches
    drop: tuple[str, ...] = ()  # URL parameters to remove
    query: str | None = None  # the query to search instead, when it changes


def relaxations(engine: SearchEngine, request: SearchRequest) -> list[Relaxation]:
    """Changes to `request` that would match something, most matches first."""
    candidates: list[tuple[Relaxation, SearchRequest]] = []
    filters = _filter_changes(request)
    for label, drop, changed in filters:
        candidates.append((Relaxation(label, 0, drop), changed))
    if len(filters) > 1:
        every = tuple(p for _, drop, _ in filters for p in drop)
        candidates.append(
            (
                Relaxation("without any filter", 0, every),
                replace(
                    request,
                    officials=(),
                    sources=(),
                    date_from=None,
                    date_to=None,
                    undated=False,
                ),
            )
        )
    for label, query in _query_changes(request.query):
        candidates.append((Relaxation(label, 0, query=query), replace(request, query=query)))
    found: list[Relaxation] = []
    for relaxation, changed in candidates:
        try:
            total = engine.count(replace(changed, page=1))
        except RequestError:
            continue
        if total:
            found.append(replace(relaxation, total=total))
    return sorted(found, key=lambda r: -r.total)


def _filter_changes(
    request: SearchRequest,
) -> list[tuple[str, tuple[str, ...], SearchRequest]]:
    changes = []
    if request.officials:
        names = ", ".join(request.officials)
        changes.append(
            (
                f"without the official filter ({names})",
                ("official",),
                replace(request, officials=()),
            )
        )
    if request.sources:
        names = ", ".join(request.sources)
        changes.append(
            (f"without the source filter ({names})", ("source",), replace(request, sources=()))
        )
    if request.date_from or request.date_to:
        changes.append(
            (
                "without the date range",
                ("from", "to"),
                replace(request, date_from=None, date_to=None),
            )
        )
    if request.undated:
        changes.append(("with dated articles too", ("undated",), replace(request, undated=False)))
    return changes


def _query_changes(query: str) -> list[tuple[str, str]]:
    """Shorter forms of a query: each part left out in turn, and each phrase unquoted."""
    parts = _PART.findall(query.translate(PLAIN_QUOTES))[:MAX_QUERY_PARTS]
    changes: list[tuple[str, str]] = []
    if len(parts) > 1:
        for i, part in enumerate(parts):
            rest = " ".join(parts[:i] + parts[i + 1 :])
            changes.append((f"without {part}", rest))
    for i, part in enumerate(parts):
        exact = _EXACT.match(part)
        if exact:  # exact:"..." -> "...": the words in order, any form of each
            loose = " ".join([*parts[:i], exact.group(1), *parts[i + 1 :]])
            changes.append((f"{exact.group(1)} in any form", loose))
            continue
        if part.lstrip("-").startswith('"'):
            words = part.lstrip("-").strip('"')
            if len(words.split()) > 1 and not part.startswith("-"):
                unquoted = " ".join([*parts[:i], words, *parts[i + 1 :]])
                changes.append((f"{words} as separate words", unquoted))
    return changes
