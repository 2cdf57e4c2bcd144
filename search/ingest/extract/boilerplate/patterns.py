"""The page-chrome patterns of `search/data/boilerplate.toml`, compiled so that a line is tried
against few of them: those anchored at a line's start grouped by the letter it starts with, the
others searched only in lines holding a piece of text each needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from search import regex_cache
from search.lexicon import load_toml

# A list of at least this many anchored patterns is grouped by the letter lines start with.
_GROUPED_PATTERNS = 8


class AnyOf:
    """A list of boilerplate.toml patterns as two alternations: those anchored at the start of
    the line (tried once, at the start) and the others (searched). One or two scans per line.
    The searched ones are tried only on lines that contain a piece of text each of them needs
    (when every one has such a piece): a substring test costs far less than the scan.

    Each alternation is compiled when a line first needs it (compiling them all took about
    0.6 s, most of the work of a few records' extraction in an update)."""

    def __init__(self, patterns: list[str]) -> None:
        self._anchored = [p[1:] for p in patterns if p.startswith("^")]
        self._floating = [p for p in patterns if not p.startswith("^")]
        self.by_start = len(self._anchored) >= _GROUPED_PATTERNS
        self._by_start: dict[str, re.Pattern[str] | None] = {}

    @cached_property
    def anchored(self) -> re.Pattern[str] | None:
        return _alternation(self._anchored)

    @cached_property
    def floating(self) -> re.Pattern[str] | None:
        return _alternation(self._floating)

    @cached_property
    def floating_needs(self) -> tuple[str, ...] | None:
        needs = [required_text(p) for p in self._floating]
        return None if None in needs else tuple(n for n in needs if n)

    @cached_property
    def _starts(self) -> list[tuple[str, frozenset[str] | None]]:
        """The anchored patterns with the lower-case ASCII letters a line must start with
        (None: it may start otherwise)."""
        return [(p, _first_letters(p)) for p in self._anchored]

    @cached_property
    def _letters(self) -> frozenset[str]:
        return frozenset(c for _, first in self._starts for c in first or ())

    def _anchored_group(self, letter: str) -> re.Pattern[str] | None:
        """The anchored patterns that only a line starting with `letter` may match."""
        if letter not in self._by_start:
            self._by_start[letter] = _alternation(
                [p for p, first in self._starts if first is not None and letter in first]
            )
        return self._by_start[letter]

    @cached_property
    def _anchored_anywhere(self) -> re.Pattern[str] | None:
        """The anchored patterns that may match a line starting with anything: tried on every
        line apart, rather than compiled into every letter's group."""
        return _alternation([p for p, first in self._starts if first is None])

    def _anchored_match(self, line: str) -> bool:
        if not self.by_start:
            return bool(self.anchored and self.anchored.match(line))
        letter = line[:1].lower()
        group = self._anchored_group(letter) if letter in self._letters else None
        anywhere = self._anchored_anywhere
        return bool((group and group.match(line)) or (anywhere and anywhere.match(line)))

    def _may_float(self, line: str) -> bool:
        needs = self.floating_needs
        if needs is None or not line.isascii():  # other scripts fold case in more ways
            return True
        return any(map(line.lower().__contains__, needs))

    def search(self, line: str) -> bool:
        return bool(
            self._anchored_match(line)
            or (self._floating and self._may_float(line) and self.floating.search(line))
        )

    def sub(self, line: str) -> str:
        if self._anchored:
            line = self.anchored.sub("", line)
        if self._floating and self._may_float(line):
            line = self.floating.sub("", line)
        return line


def required_text(pattern: str) -> str | None:
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


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The lower-case ASCII letters a match of `pattern` (case-insensitive) can start with;
    None when it may start with anything else (a digit, a bracket, an optional part)."""
    try:
        from re import _parser

        items = list(_parser.parse(pattern, re.IGNORECASE).data)
    except (ImportError, AttributeError, re.error):
        return None
    return _letters_of(items, _parser)


def _letters_of(items: list, parser: object) -> frozenset[str] | None:
    p = parser
    for op, arg in items:
        if op is p.AT:  # \b and the like take no character
            continue
        if op is p.LITERAL:
            char = chr(arg).lower()
            return frozenset(char) if char.isascii() and char.isalpha() else None
        if op is p.SUBPATTERN:
            return _letters_of(list(arg[-1]), p)
        if op is p.BRANCH:
            found = [_letters_of(list(branch), p) for branch in arg[1]]
            return None if None in found else frozenset().union(*found)
        if op in (p.MAX_REPEAT, p.MIN_REPEAT) and arg[0] >= 1:
            return _letters_of(list(arg[2]), p)
        return None
    return None


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return regex_cache.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class ChromePatterns:
    drop_line: AnyOf
    footer_start: AnyOf
    spam_token: AnyOf
    related_label: AnyOf
    title_suffix: AnyOf
    caption_line: AnyOf
    headline_small_words: frozenset[str]
    open_ending: re.Pattern[str]


@cache
def chrome_patterns() -> ChromePatterns:
    table = load_toml("boilerplate.toml")
    small = frozenset(table["headline_small_words"])
    open_words = sorted(table["headline_open_words"])
    return ChromePatterns(
        *(
            AnyOf(table.get(key, []))
            for key in (
                "drop_line",
                "footer_start",
                "spam_token",
                "related_label",
                "title_suffix",
                "caption_line",
            )
        ),
        small,
        re.compile(r"(?:[,:;&-]|\b(?:" + "|".join(open_words) + r"))$", re.I),
    )
