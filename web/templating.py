"""Template helpers: links that change one piece of the search state kept in the URL, page
windows, timeline bar heights and dates for people. Presentation only, no searching."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus, urlencode

from flask import Flask, g, request, url_for
from markupsafe import Markup, escape

from search.searcher import SearchResult, format_date

# Timeline bars are drawn with one of these height classes (CSP forbids inline styles).
BAR_STEPS = 20
# Parameters that describe a search (the article page carries them to link back).
SEARCH_PARAMS = ("q", "official", "source", "from", "to", "undated", "sort", "page", "size")


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
        # Adding a value: the current URL (page reset) plus one parameter. Facet lists link
        # every value, so this is most of a results page's links.
        base = g.get("toggle_base")
        if base is None:
            base = g.toggle_base = _search_url({"page": None})
        return f"{base}{'&' if '?' in base else '?'}{quote_plus(param)}={quote_plus(value)}"
    chosen = [v for v in selected if v != value] if value in selected else [*selected, value]
    return url_with(**{param: chosen or None})


def facet_items(param: str, pairs: list[tuple[str, int]], selected: Any) -> Markup:
    """The `<li>` links of a facet list, each adding or removing its value. Built here rather
    than by a template macro: a results page has a hundred of them or more, and Jinja's
    per-item calls were a quarter of the page's time."""
    selected = list(selected)
    items = []
    for name, count in pairs:
        on = name in selected
        url = toggle(param, name, selected)
        items.append(
            f'<li><a href="{escape(url)}" class="facet-link{" on" if on else ""}" '
            f'aria-pressed="{"true" if on else "false"}" data-{param}="{escape(name)}">'
            f'<span class="name">{escape(name)}</span> '
            f'<span class="count">{count:,}</span></a></li>'
        )
    return Markup("\n".join(items))


def page_url(page: int) -> str:
    return _search_url({"page": [str(page)]})


def search_state() -> dict[str, list[str]]:
    """The search parameters of the current URL, to carry to an article page and back (read
    once per request; callers copy before changing it)."""
    state = g.get("search_state")
    if state is None:
        args = request.args.to_dict(flat=False)
        state = g.search_state = {k: v for k, v in args.items() if k in SEARCH_PARAMS}
    return state


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
    """The height class of a timeline bar: h0 (empty) to h20 (the tallest); never h0 when
    there is something to count, so a small month stays visible beside a big one."""
    if not count or not peak:
        return "h0"
    return f"h{max(1, round(BAR_STEPS * count / peak))}"


def active_filters(result: SearchResult) -> list[tuple[str, str]]:
    """(label, URL without it) for every filter in force."""
    r = result.request
    chips = [(f"Official: {n}", toggle("official", n, r.officials)) for n in r.officials]
    chips += [(f"Source: {n}", toggle("source", n, r.sources)) for n in r.sources]
    if r.date_from or r.date_to:
        start = r.date_from.isoformat() if r.date_from else "…"
        end = r.date_to.isoformat() if r.date_to else "…"
        chips.append((f"Date: {start} to {end}", url_with(from_=None, to=None)))
    if r.undated:
        chips.append(("No date", url_with(undated=None)))
    return chips


def init_app(app: Flask) -> None:
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    for function in (url_with, toggle, page_url, search_state, page_window, bar_class, facet_items):
        app.add_template_global(function)
    app.add_template_global(active_filters)
    app.add_template_filter(format_date, "human_date")
