"""Separating an article's own text from page chrome: headers, footers, links, spam.

A page's lines are read one by one (`lines`: chrome, date lines, datelines) against the
patterns of `search/data/boilerplate.toml` (`patterns`); the headline is found among the lines
before the story (`headline`), photo captions are left out (`captions`), and the body is the
story's paragraphs up to the footer (`body`). A page's body line whose words and shape read as
chrome (`line_model`) is left out whatever its wording.
"""

from __future__ import annotations

from search.ingest.extract.boilerplate.body import Layout, fill_body
from search.ingest.extract.boilerplate.captions import drop_captions
from search.ingest.extract.boilerplate.headline import body_start, find_title, headline_of
from search.ingest.extract.boilerplate.line_model import reads_as_chrome
from search.ingest.extract.boilerplate.lines import (
    is_date_line,
    is_dropped,
    is_footer_start,
    normalize_line,
    opens_with_dateline,
    remove_spam,
)

# A list's item is shorter than this many words.
_LIST_ITEM_WORDS = 8

__all__ = [
    "Layout",
    "headline_of",
    "is_date_line",
    "is_dropped",
    "is_footer_start",
    "normalize_line",
    "remove_spam",
    "split_body",
    "split_layout",
]


def split_layout(text: str) -> Layout:
    """Cut raw page text into title, header (dates, bylines), body paragraphs and footer."""
    lines = [remove_spam(normalize_line(raw)) for raw in text.split("\n")]
    lines = [line for line in lines if line]
    found = find_title(lines)
    if found is None:
        return Layout(title="", header=lines)
    title_at, span, title = found
    header = lines[:title_at]
    rest = drop_captions(lines[title_at + span :])
    body_at = body_start(rest, title)
    # The headline's own lines (an h1 repeating the HTML title, its wrapped parts) are not
    # header: a date written in a headline is not the page's date line.
    header += [
        line for line in lines[title_at : title_at + span] + rest[:body_at] if line not in title
    ]
    return _without_chrome_read(fill_body(Layout(title=title, header=header), rest[body_at:]))


def _without_chrome_read(layout: Layout) -> Layout:
    """The body without the lines that read as chrome (`line_model`), unless that leaves none.
    They stay on the page as footer lines: a date or a source may still be read there. A line of
    prose broken mid-sentence (ending in a comma, or a long line opening in small letters, not
    with a site's name) and the short
    lines of a list a story's line introduces ("... tiga tahap, yakni:") are the story's."""
    body = layout.body
    chrome: list[str] = []
    listed = False
    for line in body:
        if len(line.split()) >= _LIST_ITEM_WORDS:
            listed = False
        if listed or opens_with_dateline(line) or _prose_goes_on(line):
            continue
        if reads_as_chrome(line):
            chrome.append(line)
        elif line.endswith(":"):
            listed = True
    if chrome and len(chrome) < len(body):
        layout.body = [line for line in body if line not in chrome]
        layout.footer = chrome + layout.footer
    return layout


def _prose_goes_on(line: str) -> bool:
    words = line.split()
    return line.endswith(",") or (
        line[:1].islower() and "." not in words[0] and len(words) >= _LIST_ITEM_WORDS
    )


def split_body(title: str, text: str) -> Layout:
    """Cut the body of a structured record (its title known): every line is article text
    until a footer starts; chrome lines and photo captions are dropped."""
    lines = [remove_spam(normalize_line(raw)) for raw in text.split("\n")]
    return fill_body(
        Layout(title=normalize_line(title)), drop_captions([line for line in lines if line])
    )
