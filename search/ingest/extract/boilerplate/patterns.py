"""The page-chrome patterns of `search/data/boilerplate.toml`, compiled so that a line is tried
against few of them: those anchored at a line's start grouped by the character it starts with
(a letter, a digit, a mark), the others searched only in lines holding a piece of text each
needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from search import regex_cache
from search.lexicon import load_toml

# A list of at least this many anchored patterns is grouped by the character lines start with.
_GROUPED_PATTERNS = 8
# Where a line starting with a character outside ASCII ("“", "©", a digit of another script)
# is grouped.
_OUTSIDE_ASCII = "\x80"


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
        """The anchored patterns with the characters a line must start with (lower-case ASCII
        letters, ASCII digits and marks, `_OUTSIDE_ASCII`; None: it may start otherwise)."""
        return [(p, _first_chars(p)) for p in self._anchored]

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
        line apart, rather than compiled into every letter's group (but for `_anchored_runs`)."""
        runs = {p for _, p in self._runs}
        return _alternation([p for p, first in self._starts if first is None and p not in runs])

    @cached_property
    def _runs(self) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The anchored patterns that may start with anything and open with a run of
        characters (".{0,80}\\bklik ...", "[\\w ]{2,30}\\b(group|grup|network)$"), with the
        pieces of text of which each match holds one: `re` tries every length of the run on
        every line (a fifth of a page line's chrome tests), and a substring test costs less."""
        found = []
        for p, first in self._starts:
            needs = required_any(p) if first is None and _opens_with_run(p) else None
            if needs is not None:
                found.append((needs, p))
        return tuple(found)

    @cached_property
    def _anchored_runs(self) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
        return tuple((needs, _alternation([p])) for needs, p in self._runs)

    @cached_property
    def _runs_need(self) -> tuple[str, ...]:
        """The pieces of text of every run pattern: an ASCII line holding none of them (most
        lines) matches none, found with one test instead of one a pattern."""
        return tuple(need for needs, _ in self._runs for need in needs)

    def _anchored_match(self, line: str, lower: str | None) -> bool:
        if not self.by_start:
            return bool(self.anchored and self.anchored.match(line))
        letter = line[:1].lower()
        if not letter.isascii():
            letter = _OUTSIDE_ASCII
        group = self._anchored_group(letter) if letter in self._letters else None
        anywhere = self._anchored_anywhere
        if (group and group.match(line)) or (anywhere and anywhere.match(line)):
            return True
        if lower is not None and not any(map(lower.__contains__, self._runs_need)):
            return False
        return any(
            (lower is None or any(map(lower.__contains__, needs))) and run.match(line)
            for needs, run in self._anchored_runs
        )

    def _may_float(self, lower: str | None) -> bool:
        needs = self.floating_needs
        if needs is None or lower is None:
            return True
        return any(map(lower.__contains__, needs))

    def search(self, line: str) -> bool:
        if not (self.by_start or self._floating):  # a few anchored patterns (a label's list)
            return self.anchored is not None and self.anchored.match(line) is not None
        lower = _ascii_lower(line)  # one for both
        return bool(
            self._anchored_match(line, lower)
            or (self._floating and self._may_float(lower) and self.floating.search(line))
        )

    def sub(self, line: str) -> str:
        if self._anchored:
            line = self.anchored.sub("", line)
        if self._floating and self._may_float(_ascii_lower(line)):
            line = self.floating.sub("", line)
        return line


def _ascii_lower(line: str) -> str | None:
    """The line in lower case, where the pieces of text the patterns need are looked for; None
    when it is not ASCII (other scripts fold case in more ways than `str.lower`)."""
    return line.lower() if line.isascii() else None


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


def required_any(pattern: str) -> tuple[str, ...] | None:
    """Lower-case ASCII pieces of text of which every match of `pattern` (case-insensitive)
    in an ASCII line holds one: its plain text, or the alternatives of a group or a set of
    characters it cannot do without ("(group|grup|network)", "[|•·]"), the longest the
    shortest of them is. None when there are none."""
    try:
        from re import _parser

        items = list(_parser.parse(pattern, re.IGNORECASE).data)
    except (ImportError, AttributeError, re.error):
        return None
    return _needs_of(items, _parser)


def _needs_of(items: list, parser: object) -> tuple[str, ...] | None:
    p = parser
    found: list[tuple[str, ...]] = []
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is p.LITERAL and chr(arg).isascii():
            run += chr(arg).lower()
            continue
        if run:
            found.append((run,))
            run = ""
        needs = None
        if op is p.LITERAL:
            needs = _ascii_matches([chr(arg)])
        elif op is p.IN and all(o is p.LITERAL for o, _ in arg):
            needs = _ascii_matches([chr(a) for _, a in arg])
        elif op is p.SUBPATTERN:
            needs = _needs_of(list(arg[-1]), p)
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT) and arg[0] >= 1:
            needs = _needs_of(list(arg[2]), p)
        elif op is p.BRANCH:
            each = [_needs_of(list(branch), p) for branch in arg[1]]
            needs = None if None in each else tuple(n for e in each for n in e)
        if needs is not None:
            found.append(needs)
    # the most telling: none (no ASCII line matches), else the longest shortest piece ("me"
    # of "(menggunakan|memakai)" is in most lines; "cookie" or "kuki" in few), then the fewest
    return min(found, key=lambda n: (bool(n), -min(map(len, n), default=0), len(n)), default=None)


def _ascii_matches(chars: list[str]) -> tuple[str, ...]:
    """The lower-case ASCII characters that one of `chars` matches, case-insensitive."""
    one_of = re.compile("[" + "".join(re.escape(c) for c in chars) + "]", re.IGNORECASE)
    return tuple(sorted({chr(c).lower() for c in range(128) if one_of.fullmatch(chr(c))}))


def _opens_with_run(pattern: str) -> bool:
    """True when `pattern` opens with a repeat of more than one character ("[\\w ]{2,30}")."""
    try:
        from re import _parser

        items = [i for i in _parser.parse(pattern, re.IGNORECASE).data if i[0] is not _parser.AT]
    except (ImportError, AttributeError, re.error):
        return False
    return (
        bool(items)
        and items[0][0] in (_parser.MAX_REPEAT, _parser.MIN_REPEAT)
        and (items[0][1][1] > 1)
    )


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` (case-insensitive) can start with: lower-case ASCII
    letters, ASCII digits and marks, and `_OUTSIDE_ASCII` for the others ("©", a digit of
    another script); None when it may start with anything (a word's character, a set it
    negates, an optional part)."""
    try:
        from re import _parser

        items = list(_parser.parse(pattern, re.IGNORECASE).data)
    except (ImportError, AttributeError, re.error):
        return None
    return _chars_of(items, _parser)


def _chars_of(items: list, parser: object) -> frozenset[str] | None:
    p = parser
    for at, (op, arg) in enumerate(items):
        if op is p.AT:  # \b and the like take no character
            continue
        if op in (p.MAX_REPEAT, p.MIN_REPEAT) and arg[0] == 0:
            # an optional part ("(foto\s+)?ilustrasi"): its first characters or the next part's
            first = _chars_of(list(arg[2]), p)
            rest = None if first is None else _chars_of(items[at + 1 :], p)
            return None if rest is None else first | rest
        if op is p.LITERAL:
            return _char_keys(chr(arg))
        if op is p.IN:
            found = [_set_keys(o, a, p) for o, a in arg]
            return None if None in found else frozenset().union(*found)
        if op is p.SUBPATTERN:
            return _chars_of(list(arg[-1]), p)
        if op is p.BRANCH:
            found = [_chars_of(list(branch), p) for branch in arg[1]]
            return None if None in found else frozenset().union(*found)
        if op in (p.MAX_REPEAT, p.MIN_REPEAT) and arg[0] >= 1:
            return _chars_of(list(arg[2]), p)
        return None
    return None


def _char_keys(char: str) -> frozenset[str] | None:
    """Where a line starting with `char` (case-insensitive) is grouped; None for a letter
    outside ASCII (its other case may be a letter of ASCII)."""
    if char.isascii():
        return frozenset({char.lower()})
    return None if char.lower() != char.upper() else frozenset({_OUTSIDE_ASCII})


def _set_keys(op: object, arg: object, parser: object) -> frozenset[str] | None:
    """Where a line starting with one character of an item of a set ("[\\d.,]") is grouped."""
    p = parser
    if op is p.LITERAL:
        return _char_keys(chr(arg))
    if op is p.RANGE and arg[1] < 128:
        return frozenset(chr(c).lower() for c in range(arg[0], arg[1] + 1))
    if op is p.CATEGORY and arg is p.CATEGORY_DIGIT:
        return frozenset("0123456789") | {_OUTSIDE_ASCII}
    return None


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return regex_cache.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class ChromePatterns:
    drop_line: AnyOf
    age_line: AnyOf
    footer_start: AnyOf
    call_line: AnyOf
    spam_token: AnyOf
    related_label: AnyOf
    slot_label: AnyOf
    list_intro: AnyOf
    closing_byline: AnyOf
    embed_signature: AnyOf
    title_suffix: AnyOf
    caption_line: AnyOf
    caption_label: AnyOf
    capture_line: AnyOf
    summary_label: AnyOf
    roundup_intro: AnyOf
    lost_link_end: AnyOf
    credit_line: AnyOf
    headline_small_words: frozenset[str]
    photo_sources: frozenset[str]
    open_ending: re.Pattern[str]
    sentence_openers: frozenset[str]
    caption_scene_words: frozenset[str]


@cache
def chrome_patterns() -> ChromePatterns:
    table = load_toml("boilerplate.toml")
    small = frozenset(table["headline_small_words"])
    open_words = sorted(table["headline_open_words"])
    # A call opens the footer too (unless the story goes on under it).
    lists = {**table, "footer_start": table.get("footer_start", []) + table.get("call_line", [])}
    return ChromePatterns(
        *(
            AnyOf(lists.get(key, []))
            for key in (
                "drop_line",
                "age_line",
                "footer_start",
                "call_line",
                "spam_token",
                "related_label",
                "slot_label",
                "list_intro",
                "closing_byline",
                "embed_signature",
                "title_suffix",
                "caption_line",
                "caption_label",
                "capture_line",
                "summary_label",
                "roundup_intro",
                "lost_link_end",
                "credit_line",
            )
        ),
        small,
        frozenset(table["photo_sources"]),
        re.compile(r"(?:[,:;&-]|\b(?:" + "|".join(open_words) + r"))$", re.I),
        frozenset(table["sentence_openers"]),
        frozenset(table.get("caption_scene_words", [])),
    )
