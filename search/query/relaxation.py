"""Help for a search that found nothing: what each filter removed, and shorter queries that
would find something.

Each `Relaxation` is one change to the request (drop a filter, leave out a part of the query,
unquote a phrase), read from the request and its query plan: the parts of the query are the
plan's own (search.query.lexer), so "without X" leaves out exactly the part the parser read.
The engine counts what each change finds (SearchEngine.relaxations), so a page can say
"without the date range: 12 articles" and link to it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from search.i18n import gettext
from search.model import LIST_FILTERS, SearchRequest
from search.query.lexer import EXACT_FIELD, Item
from search.query.plan import QueryPlan

MAX_QUERY_PARTS = 8


@dataclass(frozen=True)
class Relaxation:
    label: str  # what changes, for people: "without the date range"
    total: int  # articles the changed request matches
    drop: tuple[str, ...] = ()  # URL parameters to remove
    query: str | None = None  # the query to search instead, when it changes


def candidates(request: SearchRequest, plan: QueryPlan) -> list[tuple[Relaxation, SearchRequest]]:
    """Each change to `request` (whose query `plan` is), with the request it makes; totals
    are 0 until counted."""
    found: list[tuple[Relaxation, SearchRequest]] = []
    filters = _filter_changes(request)
    for label, drop, changed in filters:
        found.append((Relaxation(label, 0, drop), changed))
    if len(filters) > 1:
        every = tuple(p for _, drop, _ in filters for p in drop)
        no_filters = replace(
            request,
            officials=(),
            sources=(),
            said=(),
            date_from=None,
            date_to=None,
            undated=False,
        )
        found.append((Relaxation(gettext("without any filter"), 0, every), no_filters))
    for label, query in _query_changes(plan):
        found.append((Relaxation(label, 0, query=query), replace(request, query=query)))
    return found


def _filter_changes(
    request: SearchRequest,
) -> list[tuple[str, tuple[str, ...], SearchRequest]]:
    changes = []
    # each filter as its relaxation names it: the filter its link removes
    kinds = {
        "official": gettext("official"),
        "source": gettext("source"),
        "said": gettext("speaker"),
    }
    for param, field in LIST_FILTERS.items():
        if names := getattr(request, field):
            label = gettext(
                "without the %(filter)s filter (%(names)s)",
                filter=kinds[param],
                names=", ".join(names),
            )
            changes.append((label, (param,), replace(request, **{field: ()})))
    if request.date_from or request.date_to:
        undated = replace(request, date_from=None, date_to=None)
        changes.append((gettext("without the date range"), ("from", "to"), undated))
    if request.undated:
        changes.append(
            (gettext("with dated articles too"), ("undated",), replace(request, undated=False))
        )
    return changes


def _query_changes(plan: QueryPlan) -> list[tuple[str, str]]:
    """Shorter forms of a query: each part left out in turn, and each phrase unquoted."""
    items = [p for p in plan.parts if isinstance(p, Item)][:MAX_QUERY_PARTS]
    text = plan.parts_text
    changes: list[tuple[str, str]] = []
    if len(items) > 1:
        for item in items:
            changes.append(
                (
                    gettext("without %(part)s", part=text[item.start : item.end]),
                    plan.with_part(item),
                )
            )
    for item in items:
        if item.sign == "-":
            continue
        typed = text[item.start : item.end]
        quoted = typed[typed.index('"') :] if '"' in typed else None
        if item.field == EXACT_FIELD and quoted:
            # exact:"..." -> "...": the words in order, any form of each
            label = gettext("%(phrase)s in any form", phrase=quoted)
            changes.append((label, plan.with_part(item, quoted)))
        elif item.phrase and item.field is None and len(item.forms) > 1 and quoted:
            words = quoted.strip('"')
            label = gettext("%(words)s as separate words", words=words)
            changes.append((label, plan.with_part(item, words)))
    return changes
