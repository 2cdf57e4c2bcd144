"""Search parameters as they arrive in a URL query string, turned into a SearchRequest.

Shared by the HTML pages and the JSON API so that both accept exactly the same parameters:
q, official (repeatable), source (repeatable), said (repeatable), from, to, undated, sort, page,
size, facet_size (how many names each facet lists), partial (the facets count the articles with some of the words too), as_typed (no automatic
spelling correction) and complete (the last word is being typed: read it as the start of a word).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable

from search.config import DEFAULT_FACET_SIZE, DEFAULT_PAGE_SIZE, MAX_QUERY_CHARS
from search.dates import DateInputError, format_date, parse_date_input
from search.i18n import gettext
from search.model import LIST_FILTERS, RequestError, SearchRequest
from search.query.plan import parse_query
from search.saved.queries import SavedQuery

MAX_PARAM_VALUES = 20
# Every parameter a search URL may carry: the JSON API refuses others, so that a misspelt one
# (`date_from` for `from`) is a clear 400 rather than a filter silently left out.
SEARCH_PARAMS = (
    "q", *LIST_FILTERS, "from", "to", "undated", "sort", "page", "size", "facet_size",
    "partial", "as_typed", "complete", "lang",
)  # fmt: skip


def check_known(names: Iterable[str]) -> None:
    """Raise RequestError naming the first parameter that is not a search parameter, with
    the closest one it may have meant."""
    for name in names:
        if name in SEARCH_PARAMS:
            continue
        close = difflib.get_close_matches(name, SEARCH_PARAMS, n=1, cutoff=0.5)
        if not close and "_" in name:  # date_from, date_to, official_name ...
            close = [part for part in name.split("_") if part in SEARCH_PARAMS][:1]
        hint = gettext(" (did you mean '%(param)s'?)", param=close[0]) if close else ""
        raise RequestError(
            gettext(
                "unknown parameter '%(name)s'%(hint)s; the search parameters are: %(known)s",
                name=name[:40],
                hint=hint,
                known=", ".join(SEARCH_PARAMS),
            )
        )


def request_from_params(
    get: Callable[[str], str | None],
    get_list: Callable[[str], list[str]],
    date_problems: list[str] | None = None,
    date_notes: list[str] | None = None,
) -> SearchRequest:
    """Build a SearchRequest; raises RequestError with a message fit to show the user. Given
    a `date_problems` list, a date that cannot be read is left out (and said why in that list)
    instead: the page still shows the results and facets without it. Given a `date_notes`
    list, a range typed the wrong way round is searched the right way round (ordered_dates),
    and said so in that list."""
    lists = {
        field: tuple(v.strip() for v in get_list(param) if v.strip())
        for param, field in LIST_FILTERS.items()
    }
    if any(len(values) > MAX_PARAM_VALUES for values in lists.values()):
        raise RequestError(
            gettext(
                "at most %(n)s officials, %(n)s sources and %(n)s speakers at once",
                n=MAX_PARAM_VALUES,
            )
        )
    typed = {param: (get(param) or "").strip() for param in ("from", "to")}
    swapped = False
    if date_notes is not None and typed["from"] and typed["to"]:
        ordered = ordered_dates(typed["from"], typed["to"])
        swapped = ordered != (typed["from"], typed["to"])
        typed["from"], typed["to"] = ordered
    dates = {}
    for param, text in typed.items():
        try:
            dates[param] = parse_date_input(text, end=param == "to") if text else None
        except DateInputError as exc:
            if date_problems is None:
                raise RequestError(str(exc)) from exc
            date_problems.append(str(exc))
            dates[param] = None
    date_from, date_to = dates["from"], dates["to"]
    if swapped and date_notes is not None and date_from and date_to:
        date_notes.append(
            gettext(
                "The dates were the wrong way round: searched from %(start)s to %(end)s.",
                start=format_date(date_from.isoformat()),
                end=format_date(date_to.isoformat()),
            )
        )
    return SearchRequest(
        query=(get("q") or "").strip(),
        officials=lists["officials"],
        sources=lists["sources"],
        said=lists["said"],
        date_from=date_from,
        date_to=date_to,
        sort=(get("sort") or "relevance").strip(),
        page=_int(get("page"), 1, "page"),
        page_size=_int(get("size"), DEFAULT_PAGE_SIZE, "size"),
        facet_size=_int(get("facet_size"), DEFAULT_FACET_SIZE, "facet_size"),
        undated=_yes_no(get("undated"), "undated"),
        partial=_yes_no(get("partial"), "partial"),
        as_typed=_yes_no(get("as_typed"), "as_typed"),
        complete=_yes_no(get("complete"), "complete"),
    )


def ordered_dates(start: str, end: str) -> tuple[str, str]:
    """A date range as typed ("from", "to"), the right way round: swapped when "from" begins
    after "to" ends ("31/12/2022" to "2022-01" is January to December 2022). Dates that
    cannot be read are left as they are."""
    try:
        if parse_date_input(start) > parse_date_input(end, end=True):
            return end, start
    except (DateInputError, ValueError):
        pass
    return start, end


def flag(value: str | None) -> bool:
    """Whether a yes/no parameter is set (`complete=1`, `as_typed=true`): read alone where
    the rest of a URL need not be valid (an article page reading its search's `complete`)."""
    return (value or "").strip().lower() in _YES


# An article's id as an error message repeats it: no id is longer (a 100 KB one was sent back
# whole).
MAX_SHOWN_ID = 200


def shown_id(article_id: str) -> str:
    """An id as an error message shows it: cut to MAX_SHOWN_ID characters."""
    return article_id if len(article_id) <= MAX_SHOWN_ID else article_id[:MAX_SHOWN_ID] + "…"


_YES = frozenset({"1", "true", "yes", "on"})
_NO = frozenset({"", "0", "false", "no", "off"})


def _yes_no(value: str | None, name: str) -> bool:
    """A yes/no parameter of a search; a value that is neither is refused (`undated=2` was
    read as no), as every other parameter the search does not know is."""
    text = (value or "").strip().lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise RequestError(
        gettext(
            "'%(name)s' is a yes or no: 1 or 0, not %(value)s", name=name, value=repr(value[:40])
        )
    )


_WHOLE_NUMBER = re.compile(r"-?[0-9]+")


def _int(value: str | None, default: int, name: str) -> int:
    if value is None or not value.strip():
        return default
    text = value.strip()
    # Digits only: int() would also take "1_0" (as 10), "٣" and "+3".
    if not _WHOLE_NUMBER.fullmatch(text):
        raise RequestError(
            gettext(
                "'%(name)s' must be a whole number, not %(value)s",
                name=name,
                value=repr(value[:40]),
            )
        )
    if len(text) > 12:  # int() refuses over 4,300 digits: out of range long before that
        raise RequestError(gettext("'%(name)s' is out of range", name=name))
    number = int(text)
    if not -(10**9) <= number <= 10**9:
        raise RequestError(gettext("'%(name)s' is out of range", name=name))
    return number


def with_typed_filters_moved(params: dict[str, list[str]]) -> dict[str, list[str]] | None:
    """The URL parameters with the filters typed in `q` (source:, official:, said:) moved into their
    own parameters, or None when `q` types none. The query left searches the same (each part
    keeps the sign it had: "a AND official:x b" is "+a b"), and the page then shows the
    filters as filters that can be removed one by one, so every link it makes (remove a
    filter, relax the search) changes what it means to change. A query past the length limit
    is left as it is (the engine still applies its filters, and notes the cut), and so is a
    query being typed that ends with a filter (`complete=1`, "said:karnav"): its name is
    still being typed, and the engine leaves it out until it names someone."""
    text = (params.get("q") or [""])[0].strip()
    if ":" not in text or len(text) > MAX_QUERY_CHARS:
        return None  # no field typed (most searches): nothing to parse here
    plan = parse_query(text)
    if plan.text == text:
        return None
    if plan.last_filter and flag((params.get("complete") or [""])[0]):
        return None
    moved = {key: list(values) for key, values in params.items()}
    moved["q"] = [plan.text] if plan.text else []
    for param, field in LIST_FILTERS.items():
        values = [*moved.get(param, []), *plan.filters.get(field, [])]
        moved[param] = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    return {key: values for key, values in moved.items() if values}


def with_name_replaced(
    params: dict[str, list[str]], param: str, name: str, by: str, into: str | None = None
) -> dict[str, list[str]]:
    """The URL parameters with the name a filter (`param`) was given replaced by another:
    a "did you mean" link; with `into`, the name taken out of `param` and `by` given to the
    filter `into` instead ("official=Dedi Prasetyo" as "said=Dedi Prasetyo"). A filter typed
    in the query is moved into its parameter first."""
    moved = with_typed_filters_moved(params) or {k: list(v) for k, v in params.items()}
    values = moved.get(param, [])
    if into is not None:
        moved[param] = [v for v in values if v.strip() != name.strip()]
        moved[into] = list(dict.fromkeys([*moved.get(into, []), by]))
    elif name.strip() in (v.strip() for v in values):
        moved[param] = [by if v.strip() == name.strip() else v for v in values]
    else:
        moved[param] = [*values, by]
    return {key: values for key, values in moved.items() if values}


def saved_query_from_form(
    get: Callable[[str], str | None], get_list: Callable[[str], list[str]]
) -> SavedQuery:
    """The search a page's "save" form describes, as a saved query (dates as YYYY-MM-DD);
    raises RequestError for a date or parameter it cannot read."""
    return SavedQuery.of_request(
        request_from_params(get, get_list),
        name=(get("name") or "").strip(),
        description=(get("description") or "").strip()[:200],
    )


def saved_params(saved: SavedQuery, today: dt.date | None = None) -> dict[str, str | list[str]]:
    """The search page's URL parameters for a saved query: every filter it runs with, a
    relative `last` range as the dates it covers when it ends on `today` (the archive's:
    search.saved.queries.period_end; the page then lists what a run of the query lists)."""
    params: dict[str, str | list[str]] = {}
    if saved.query:
        params["q"] = saved.query
    if saved.officials:
        params["official"] = list(saved.officials)
    if saved.sources:
        params["source"] = list(saved.sources)
    if saved.said:
        params["said"] = list(saved.said)
    if saved.last:
        start, end = saved.date_range(today or dt.date.today())
        if start:
            params["from"] = start.isoformat()
        if end:
            params["to"] = end.isoformat()
    if saved.date_from and not saved.last:
        params["from"] = saved.date_from
    if saved.date_to and not saved.last:
        params["to"] = saved.date_to
    if saved.sort != "relevance":
        params["sort"] = saved.sort
    return params
