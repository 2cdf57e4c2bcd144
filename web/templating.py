"""Template helpers: links that change one piece of the search state kept in the URL, page
windows, timeline bar heights and dates for people. Presentation only, no searching."""

from __future__ import annotations

from flask import Flask, request, url_for

from search.searcher import SearchResult, format_date

# Timeline bars are drawn with one of these height classes (CSP forbids inline styles).
BAR_STEPS = 20
# Parameters that describe a search (the article page carries them to link back).
SEARCH_PARAMS = ("q", "official", "source", "from", "to", "undated", "sort", "page", "size")


def url_with(**changes: object) -> str:
    """The current search URL with some parameters changed (None removes one); page resets.
    Use `from_` for `from`, which is a Python keyword."""
    params = {k: v for k, v in request.args.to_dict(flat=False).items() if k in SEARCH_PARAMS}
    params.pop("page", None)
    for key, value in changes.items():
        key = key.rstrip("_")
        if value is None or value == []:
            params.pop(key, None)
        else:
            params[key] = value if isinstance(value, list) else [str(value)]
    return url_for("cari.search_page", **params)


def toggle(param: str, value: str, selected: list[str] | tuple[str, ...] | None = None) -> str:
    """The current search URL with `value` added to or removed from a repeatable parameter.
    `selected` is the current list when it differs from the URL's (officials are given by any
    alias in the URL, and by their canonical names in a result)."""
    selected = list(request.args.getlist(param) if selected is None else selected)
    chosen = [v for v in selected if v != value] if value in selected else [*selected, value]
    return url_with(**{param: chosen or None})


def page_url(page: int) -> str:
    params = {k: v for k, v in request.args.to_dict(flat=False).items() if k in SEARCH_PARAMS}
    params["page"] = [str(page)]
    return url_for("cari.search_page", **params)


def search_state() -> dict[str, list[str]]:
    """The search parameters of the current URL, to carry to an article page and back."""
    return {k: v for k, v in request.args.to_dict(flat=False).items() if k in SEARCH_PARAMS}


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
    for function in (url_with, toggle, page_url, search_state, page_window, bar_class):
        app.add_template_global(function)
    app.add_template_global(active_filters)
    app.add_template_filter(format_date, "human_date")
