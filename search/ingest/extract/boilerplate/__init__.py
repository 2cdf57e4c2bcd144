"""Separating an article's own text from page chrome: headers, footers, links, spam.

A page's lines are read one by one (`lines`: chrome, date lines, datelines) against the
patterns of `search/data/boilerplate.toml` (`patterns`); the headline is found among the lines
before the story (`headline`), photo captions are left out (`captions`), and the body is the
story's paragraphs up to the footer (`body`).
"""

from __future__ import annotations

from search.ingest.extract.boilerplate.body import Layout, fill_body
from search.ingest.extract.boilerplate.captions import drop_captions
from search.ingest.extract.boilerplate.headline import body_start, find_title, headline_of
from search.ingest.extract.boilerplate.lines import (
    is_date_line,
    is_dropped,
    is_footer_start,
    normalize_line,
    remove_spam,
)

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
    return fill_body(Layout(title=title, header=header), rest[body_at:])


def split_body(title: str, text: str) -> Layout:
    """Cut the body of a structured record (its title known): every line is article text
    until a footer starts; chrome lines and photo captions are dropped."""
    lines = [remove_spam(normalize_line(raw)) for raw in text.split("\n")]
    return fill_body(
        Layout(title=normalize_line(title)), drop_captions([line for line in lines if line])
    )
