"""Template helpers: links that change one piece of the search state kept in the URL, page
windows, timeline bar heights and dates for people. Presentation only, no searching."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any
from urllib.parse import quote, quote_plus, urlencode

from flask import Flask, g, request, url_for
from markupsafe import Markup, escape

from search.config import MAX_QUERY_CHARS
from search.dates import DateInputError, format_date, parse_date_input
from search.i18n import format_number, gettext, ngettext
from search.model import LIST_FILTERS, SearchResult, Timeline, UnknownNameError
from search.query.plan import searched_text
from search.saved.queries import EXPORT_LIMIT
from web.params import ordered_dates, saved_params, with_name_replaced

# Timeline bars are drawn with one of these height classes (CSP forbids inline styles).
BAR_STEPS = 20
# Parameters that describe a search (the article page carries them to link back).
SEARCH_PARAMS = (
    "q",
    "official",
    "source",
    "said",
    "from",
    "to",
    "undated",
    "sort",
    "page",
    "size",
    "partial",
    "as_typed",
    "complete",
)


def _encoded(key: str, values: list[str]) -> str:
    return urlencode([(key, v) for v in values])


def _search_url(params: dict[str, list[str] | None]) -> str:
    """The search page's URL: the current parameters with `params` changed (None removes
    one). The path and the unchanged parameters are encoded once per request: a results
    page links every facet value, a hundred links or more."""
    path = g.get("search_path")
    if path is None:
        path = g.search_path = url_for("cari.search_page")
        g.search_encoded = {k: _encoded(k, v) for k, v in search_state().items()}
    parts = []
    for key, encoded in g.search_encoded.items():
        if key in params:
            values = params[key]
            if values:
                parts.append(_encoded(key, values))
        else:
            parts.append(encoded)
    parts += [_encoded(k, v) for k, v in params.items() if v and k not in g.search_encoded]
    query = "&".join(p for p in parts if p)
    return f"{path}?{query}" if query else path


def url_with(**changes: object) -> str:
    """The current search URL with some parameters changed (None removes one); page resets.
    Use `from_` for `from`, which is a Python keyword."""
    params: dict[str, list[str] | None] = {"page": None}
    for key, value in changes.items():
        key = key.rstrip("_")
        if value is None or value == []:
            params[key] = None
        else:
            params[key] = value if isinstance(value, list) else [str(value)]
    return _search_url(params)


def toggle(param: str, value: str, selected: list[str] | tuple[str, ...] | None = None) -> str:
    """The current search URL with `value` added to or removed from a repeatable parameter.
    `selected` is the current list when it differs from the URL's (officials are given by any
    alias in the URL, and by their canonical names in a result)."""
    in_url = search_state().get(param, [])
    selected = list(in_url if selected is None else selected)
    if value not in selected and selected == in_url:
        return _adding(param) + quote_plus(value)
    chosen = [v for v in selected if v != value] if value in selected else [*selected, value]
    return url_with(**{param: chosen or None})


def _adding(param: str) -> str:
    """The current URL (page reset) plus `param=`, waiting for a value: adding a value is
    most of a results page's links (facet lists link every value)."""
    prefixes = g.get("toggle_prefixes")
    if prefixes is None:
        prefixes = g.toggle_prefixes = {}
    prefix = prefixes.get(param)
    if prefix is None:
        base = _search_url({"page": None})
        prefix = prefixes[param] = f"{base}{'&' if '?' in base else '?'}{quote_plus(param)}="
    return prefix


def facet_items(param: str, pairs: list[tuple[str, int]], selected: Any) -> Markup:
    """The `<li>` links of a facet list, each adding or removing its value. Built here rather
    than by a template macro: a results page has a hundred of them or more, and Jinja's
    per-item calls were a quarter of the page's time."""
    selected = list(selected)
    # Adding a value: the escaped URL prefix, then the value quote_plus'ed (whose characters
    # need no HTML escaping).
    adding = selected == search_state().get(param, [])
    prefix = escape(_adding(param)) if adding else None
    items = []
    profiles = param == "official"
    if profiles:
        profile_prefix = url_for("cari.official_page", name="x")[:-1]
        profile_text = gettext("Profile")
    for name, count in pairs:
        on = name in selected
        quoted, shown = _facet_name(name)
        url = f"{prefix}{quoted}" if prefix and not on else escape(toggle(param, name, selected))
        profile = (
            f'<a class="profile" href="{profile_prefix}{_path_name(name)}" '
            f'title="{profile_text}: {shown}"><span class="visually-hidden">{profile_text}: '
            f'{shown}</span><span aria-hidden="true">›</span></a>'
            if profiles
            else ""
        )
        items.append(
            f'<li><a href="{url}" class="facet-link{" on" if on else ""}" '
            f'{_CURRENT if on else ""}data-{param}="{shown}">'
            f'<span class="name">{shown}</span> '
            f'<span class="count">{format_number(count)}</span></a>{profile}</li>'
        )
    return Markup("\n".join(items))


@lru_cache(maxsize=100_000)
def _facet_name(name: str) -> tuple[str, Markup]:
    """A facet value as a URL parameter value and as HTML: the same officials and sources
    are listed on every page."""
    return quote_plus(name), escape(name)


_CURRENT = 'aria-current="true" '


@lru_cache(maxsize=100_000)
def _path_name(name: str) -> str:
    """An official's name as the last part of their page's path."""
    return quote(name, safe="")


def official_url(name: str) -> str:
    return url_for("cari.official_page", name=name)


def suggestion_url(endpoint: str, error: UnknownNameError, name: str) -> str:
    """The current request's URL at `endpoint` with the name its filter did not find
    replaced by `name`, one it may have meant."""
    params = with_name_replaced(request.args.to_dict(flat=False), error.param, error.name, name)
    params.pop("page", None)
    return f"{url_for(endpoint)}?{urlencode(params, doseq=True)}"


def other_filter_url(endpoint: str, error: UnknownNameError) -> str:
    """The current request's URL at `endpoint` with the name its filter did not find given
    to the other filter that knows it (`error.other`: "said=Dedi Prasetyo" for
    "official=Dedi Prasetyo")."""
    other = error.other
    assert other is not None
    args = request.args.to_dict(flat=False)
    params = with_name_replaced(args, error.param, error.name, other.name, into=other.param)
    params.pop("page", None)
    return f"{url_for(endpoint)}?{urlencode(params, doseq=True)}"


# Stand-ins for a bar's dates in its URL (letters and hyphens: urlencode and HTML escaping
# leave them as they are).
_BAR_FROM, _BAR_TO = "cari-bar-from-date", "cari-bar-to-date"


def timeline_items(timeline: Timeline) -> Markup:
    """The `<li>` of each timeline bar, each linking to its date range. Built here, like
    facet_items: a bar took seven template calls (a URL, its dates, its height, its text)."""
    pattern = str(escape(url_with(from_=_BAR_FROM, to=_BAR_TO, undated=None)))
    # Unless the query itself holds a stand-in: then a URL per bar.
    filled = pattern.count(_BAR_FROM) == 1 and pattern.count(_BAR_TO) == 1

    def bar_url(start: str, end: str) -> str:
        if filled:
            return pattern.replace(_BAR_FROM, start).replace(_BAR_TO, end)
        return str(escape(url_with(from_=start, to=end, undated=None)))

    peak = timeline.peak
    items = []
    bars = timeline.bars
    index = 0
    while index < len(bars):
        bar = bars[index]
        run = _empty_run(bars, index)
        if run >= MIN_GAP:
            text = escape(
                ngettext(
                    "%(first)s to %(last)s: no article",
                    "%(first)s to %(last)s: no article",
                    run,
                    first=bar.label,
                    last=bars[index + run - 1].label,
                )
            )
            items.append(
                f'    <li class="gap" title="{text}"><span class="gap-mark" aria-hidden="true">'
                f'⋯</span><span class="visually-hidden">{text}</span></li>\n'
            )
            index += run
            continue
        index += 1
        text = escape(
            ngettext(
                "%(label)s: %(num)s article",
                "%(label)s: %(num)s articles",
                bar.count,
                label=bar.label,
            )
        )
        if bar.count:
            start, end = bar.date_from.isoformat(), bar.date_to.isoformat()
            inner = (
                f'<a class="bar" href="{bar_url(start, end)}" title="{text}" '
                f'data-from="{start}" data-to="{end}"><span class="fill '
                f'{bar_class(bar.count, peak)}"></span>'
                f'<span class="visually-hidden">{text}</span></a>'
            )
        else:
            inner = (
                f'<span class="bar none" title="{text}">'
                f'<span class="visually-hidden">{text}</span></span>'
            )
        tick, classes = bar.tick, ["coarse"] if bar.coarse else []
        after_gap = not items or 'class="gap"' in items[-1]
        if timeline.unit in ("month", "week") and not bar.coarse:
            # The year where the bars start and where it changes (a month's or a week's bar
            # starting in the first days of January); a week's tick where a month starts.
            first_days = bar.date_from.day <= 7
            if after_gap or (bar.date_from.month == 1 and first_days):
                tick = f"{tick} {bar.date_from.year}"
                classes.append("year-start")
            elif timeline.unit == "week" and first_days:
                classes.append("month-start")
        items.append(
            f'    <li class="{" ".join(classes)}">\n      {inner}\n'
            f'      <span class="tick" aria-hidden="true">{escape(tick)}</span>\n'
            "    </li>\n"
        )
    return Markup("".join(items))


# This many empty periods in a row or more are drawn as one marked gap.
MIN_GAP = 3


def _empty_run(bars: list, start: int) -> int:
    """How many bars from `start` on are empty (coarse bars end a run)."""
    end = start
    while end < len(bars) and not bars[end].count and not bars[end].coarse:
        end += 1
    return end - start


def page_url(page: int, query: str | None = None) -> str:
    """The results' page `page`; `query`: the one the results are of, where it is not the
    one typed (a spelling correction shown: its pages are its own)."""
    return _search_url({"page": [str(page)], **({"q": [query]} if query else {})})


def search_state() -> dict[str, list[str]]:
    """The search parameters of the current URL, to carry to an article page and back (read
    once per request; callers copy before changing it). The query is carried as far as it
    is searched (searched_text): a 100 KB query repeated in every facet link made pages
    of 16 MB."""
    state = g.get("search_state")
    if state is None:
        args = request.args.to_dict(flat=False)
        state = g.search_state = {k: v for k, v in args.items() if k in SEARCH_PARAMS}
        if "q" in state:
            state["q"] = [
                q if len(q) <= MAX_QUERY_CHARS else searched_text(q)[0]
                for q in (q.strip() for q in state["q"])
            ]
        for param in LIST_FILTERS:  # no name is longer: a longer one names no one
            if param in state:
                state[param] = [v[:MAX_NAME_CHARS] for v in state[param]]
        for param in ("from", "to"):
            # A date the page could not read is not applied ("shown without the date
            # filter"), so its links do not carry it (a 100 KB one made pages of 22 MB).
            if param in state:
                state[param] = [v for v in state[param] if _readable_date(v, param == "to")]
        if len(state.get("from", [])) == len(state.get("to", [])) == 1:
            # a range typed the wrong way round is searched, and carried, the right way round
            state["from"][0], state["to"][0] = ordered_dates(state["from"][0], state["to"][0])
    return state


def typed_date(param: str) -> str:
    """The date a page's "from" or "to" field shows: as searched (a range the wrong way
    round put right), or as typed when it cannot be read (to be corrected)."""
    return (search_state().get(param) or [request.args.get(param, "")])[0]


# A name in a filter (an official's, a source's, a speaker's) is never longer than this.
MAX_NAME_CHARS = 200


def _readable_date(text: str, end: bool) -> bool:
    try:
        parse_date_input(text, end=end)
    except (DateInputError, ValueError):
        return False
    return True


def page_window(current: int, pages: int, width: int = 2) -> list[int | None]:
    """Page numbers to show: the first, the last and `width` either side of the current one;
    None where numbers are left out."""
    shown = {1, pages, *range(current - width, current + width + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= pages)
    window: list[int | None] = []
    for n in numbers:
        if window and n - (window[-1] or 0) > 1:
            window.append(None)
        window.append(n)
    return window


def bar_class(count: int, peak: int) -> str:
    """The height class of a timeline bar: h0 (empty) to h20 (the tallest), on a square-root
    scale so that 1 and 38 articles beside 400 look different; never h0 when there is something
    to count (the exact number is in the bar's title and its text for screen readers)."""
    if not count or not peak:
        return "h0"
    return f"h{max(1, round(BAR_STEPS * math.sqrt(count / peak)))}"


def active_filters(result: SearchResult) -> list[tuple[str, str]]:
    """(label, URL without it) for every filter in force."""
    r = result.request
    kinds = {"official": gettext("Official"), "source": gettext("Source"), "said": gettext("Said")}
    chips = [
        (f"{kinds.get(param, param)}: {name}", toggle(param, name, getattr(r, field)))
        for param, field in LIST_FILTERS.items()
        for name in getattr(r, field)
    ]
    if r.date_from or r.date_to:
        start = format_date(r.date_from.isoformat()) if r.date_from else "…"
        end = format_date(r.date_to.isoformat()) if r.date_to else "…"
        label = gettext("Date: %(start)s to %(end)s", start=start, end=end)
        chips.append((label, url_with(from_=None, to=None)))
    if r.undated:
        chips.append((gettext("No date"), url_with(undated=None)))
    return chips


def language_url(code: str) -> str:
    """The current page in another language (`?lang=` changed; the choice is remembered)."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return f"{request.path}?{urlencode([*args, ('lang', code)])}"


def as_sentence(text: str) -> str:
    """A message as a page shows it: a sentence, its first letter a capital and a full stop
    at its end (the library's messages are one-line clauses, as the CLI prints them:
    "page 999 is past the last page" is "Page 999 is past the last page.")."""
    text = text.strip()
    if not text:
        return text
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


_CONTROLS = {c: " " for c in range(32) if chr(c) not in "\t\n\r"} | {127: " "}


def shown_text(value: str) -> str:
    """Text typed by a user as a page shows it: control characters (NUL...) as spaces, as
    the query parser reads them (a NUL in a page's title or a form field is invalid HTML)."""
    return value.translate(_CONTROLS)


def init_app(app: Flask) -> None:
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    for function in (
        url_with,
        toggle,
        page_url,
        language_url,
        search_state,
        typed_date,
        page_window,
        bar_class,
        facet_items,
        timeline_items,
    ):
        app.add_template_global(function)
    app.add_template_global(active_filters)
    app.add_template_global(saved_params)
    app.add_template_global(official_url)
    app.add_template_global(suggestion_url)
    app.add_template_global(other_filter_url)
    app.add_template_global(EXPORT_LIMIT, "export_limit")
    app.add_template_filter(format_date, "human_date")
    app.add_template_filter(shown_text, "shown")
    app.add_template_filter(as_sentence, "sentence")
