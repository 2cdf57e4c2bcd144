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
_SPACES_CLASS = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
# A run of those spaces, unless it is one plain space (which would be replaced by itself:
# most lines have nothing to replace, and are then returned as they are).
_WHITESPACE = re.compile(
    rf"(?:[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]| (?={_SPACES_CLASS})){_SPACES_CLASS}*"
)
_BREADCRUMB = re.compile(r"\S\s+[/»>]\s+\S.*\s[/»>]\s")
_DATE_ONLY = re.compile(r"^[\w`'’.,:/ -]{0,20}\d{1,4}[/ ][\w/ ]{1,20}\d{2,4}\b.{0,25}$")
# A headline starts with a capital or a number ("3 Tewas ..."), maybe inside quotes.
_TITLE_START = re.compile(r"[\"'“‘«(\[]?(?:[A-Z]|\d+\s+[A-Za-z])")
_SPACES = re.compile(r"\s{2,}")
_SENTENCE_END = re.compile(r"[.!?\"”)]$")


class _AnyOf:
    """A list of boilerplate.toml patterns as two alternations: those anchored at the start of
    the line (tried once, at the start) and the others (searched). One or two scans per line.
    The searched ones are tried only on lines that contain a piece of text each of them needs
    (when every one has such a piece): a substring test costs far less than the scan."""

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self.anchored = _alternation(anchored)
        self.floating = _alternation(floating)
        needs = [_required_text(p) for p in floating]
        self.floating_needs = None if None in needs else tuple(n for n in needs if n)

    def _may_float(self, line: str) -> bool:
        needs = self.floating_needs
        if needs is None or not line.isascii():  # other scripts fold case in more ways
            return True
        lower = line.lower()
        return any(need in lower for need in needs)

    def search(self, line: str) -> bool:
        return bool(
            (self.anchored and self.anchored.match(line))
            or (self.floating and self._may_float(line) and self.floating.search(line))
        )

    def sub(self, line: str) -> str:
        if self.anchored:
            line = self.anchored.sub("", line)
        if self.floating and self._may_float(line):
            line = self.floating.sub("", line)
        return line


def _required_text(pattern: str) -> str | None:
    """Lower-case ASCII text that every match of `pattern` (case-insensitive) contains: its
    longest run of plain characters outside groups and repeats. None when it has none."""
    try:
        from re import _parser

        items = _parser.parse(pattern, re.IGNORECASE).data
    except (ImportError, AttributeError, re.error):
        return None
    best, run = "", ""
    for op, arg in [*items, (None, None)]:
        char = chr(arg) if op is _parser.LITERAL else ""
        if char and char.isascii():
            run += char.lower()
            continue
        best = max(best, run, key=len)
        run = ""
    return best or None


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class _Patterns:
    drop_line: _AnyOf
    footer_start: _AnyOf
    spam_token: _AnyOf


@cache
def _patterns() -> _Patterns:
    table = load_toml("boilerplate.toml")
    return _Patterns(
        *(_AnyOf(table.get(key, [])) for key in ("drop_line", "footer_start", "spam_token"))
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
    cleaned = _patterns().spam_token.sub(line)
    return cleaned if cleaned is line else _SPACES.sub(" ", cleaned).strip()


def is_dropped(line: str) -> bool:
    return bool(
        _patterns().drop_line.search(line)
        or (("/" in line or "»" in line or ">" in line) and _BREADCRUMB.search(line))
    )


def is_footer_start(line: str) -> bool:
    return bool(_patterns().footer_start.search(line))


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        len(words) >= 3
        and _TITLE_START.match(line) is not None
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
    return _fill_body(Layout(title=title, header=header), rest[body_at:])


def split_body(title: str, text: str) -> Layout:
    """Cut the body of a structured record (its title known): every line is article text
    until a footer starts; chrome lines are dropped."""
    lines = [remove_spam(normalize_line(raw)) for raw in text.split("\n")]
    return _fill_body(Layout(title=normalize_line(title)), [line for line in lines if line])


def _fill_body(layout: Layout, lines: list[str]) -> Layout:
    in_footer = False
    for line in lines:
        if not in_footer and is_footer_start(line):
            in_footer = True
        if in_footer:
            layout.footer.append(line)
        elif line != layout.title and not is_dropped(line):
            layout.body.append(line)
    if layout.body:
        layout.body[-1] = _TRAILING_INITIALS.sub("", layout.body[-1])
        if not layout.body[-1]:
            layout.body.pop()
    return layout
