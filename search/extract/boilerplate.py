"""Separating an article's own text from page chrome: headers, footers, links, spam."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from search.lexicon import load_toml

# Byline initials closing the last paragraph, e.g. "... secara profesional. (RUL)".
_TRAILING_INITIALS = re.compile(
    r"\s*\((?:[A-Z]{2,5}|[a-z]{2,5}|[A-Z][a-z]{1,4})(?:/[A-Za-z]{2,5})?\)\s*$"
)
_WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_BREADCRUMB = re.compile(r"\S\s+[/»>]\s+\S.*\s[/»>]\s")
_DATE_ONLY = re.compile(r"^[\w`'’.,:/ -]{0,20}\d{1,4}[/ ][\w/ ]{1,20}\d{2,4}\b.{0,25}$")
_SENTENCE_END = re.compile(r"[.!?\"”)]$")


@dataclass(frozen=True)
class _Patterns:
    drop_line: tuple[re.Pattern[str], ...]
    footer_start: tuple[re.Pattern[str], ...]
    spam_token: tuple[re.Pattern[str], ...]


@cache
def _patterns() -> _Patterns:
    table = load_toml("boilerplate.toml")

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in table.get(key, []))

    return _Patterns(
        compile_all("drop_line"), compile_all("footer_start"), compile_all("spam_token")
    )


@dataclass
class Layout:
    """A seed page cut into its parts. `body` paragraphs are the only text that gets indexed."""

    title: str
    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)


def normalize_line(line: str) -> str:
    """Collapse odd spaces (NBSP, zero-width) and strip."""
    return _WHITESPACE.sub(" ", line).strip()


def remove_spam(line: str) -> str:
    for pattern in _patterns().spam_token:
        line = pattern.sub("", line)
    return re.sub(r"\s{2,}", " ", line).strip()


def is_dropped(line: str) -> bool:
    return any(p.search(line) for p in _patterns().drop_line) or bool(_BREADCRUMB.search(line))


def is_footer_start(line: str) -> bool:
    return any(p.search(line) for p in _patterns().footer_start)


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        len(words) >= 3
        and line[0].isupper()
        and not is_dropped(line)
        and not _DATE_ONLY.match(line)
        and len(line) <= 250
    )


def _looks_like_paragraph(line: str) -> bool:
    words = line.split()
    return len(words) >= 15 or (len(words) >= 8 and bool(_SENTENCE_END.search(line)))


def split_layout(text: str) -> Layout:
    """Cut raw page text into title, header (dates, bylines), body paragraphs and footer."""
    lines = [remove_spam(normalize_line(raw)) for raw in text.split("\n")]
    lines = [line for line in lines if line]
    title_at = next((i for i, line in enumerate(lines) if _looks_like_title(line)), None)
    if title_at is None:
        return Layout(title="", header=lines)
    title = lines[title_at]
    header = lines[:title_at]
    rest = lines[title_at + 1 :]
    body_at = next((i for i, line in enumerate(rest) if _looks_like_paragraph(line)), len(rest))
    header += rest[:body_at]
    layout = Layout(title=title, header=header)
    in_footer = False
    for line in rest[body_at:]:
        if not in_footer and is_footer_start(line):
            in_footer = True
        if in_footer:
            layout.footer.append(line)
        elif line != title and not is_dropped(line):
            layout.body.append(line)
    if layout.body:
        layout.body[-1] = _TRAILING_INITIALS.sub("", layout.body[-1])
    return layout
