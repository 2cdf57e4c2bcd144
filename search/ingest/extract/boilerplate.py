"""Separating an article's own text from page chrome: headers, footers, links, spam."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from search.ingest.extract.dates import full_date_in
from search.ingest.extract.sources import (
    DOMAIN_DATELINE,
    NAMED_DATELINE,
    TITLE_BRAND_PREFIX,
    TITLE_BRAND_SUFFIX,
    WIRE_DATELINE,
    brand_in,
    brand_line_source,
    named_publisher,
)
from search.lexicon import load_toml

# Byline initials closing the last paragraph: "... profesional. (RUL)", "(mdk/ded)", "[vvn]".
_TRAILING_INITIALS = re.compile(
    r"\s*[(\[](?:[A-Z]{2,5}|[a-z]{2,5}|[A-Z][a-z]{1,4})(?:/[A-Za-z]{2,6}){0,3}[)\]]\s*$"
)
# A credit closing the last paragraph: "... kata dia. (Tribunnews.com/Reza Deni)".
_TRAILING_CREDIT = re.compile(
    r"\s*\((?:\S+\.(?:com|id|co)|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})/[^()]{2,40}\)$"
)
# "JAKARTA - ", "Paris - ", "Liputan6.com, Jakarta - ": the place (and publisher) opening a story.
_PLACE_DATELINE = re.compile(
    r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}(?:,\s*[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})?\s+[-–—]{1,2}\s"
)
_DATELINES = (DOMAIN_DATELINE, NAMED_DATELINE, WIRE_DATELINE, _PLACE_DATELINE)
# A line that is a date line and nothing else: a few capitalised words of label, byline or
# publisher ("Kompas.com -", "Diperbarui", "Rabu,"), the date, maybe a time
# ("Kompas.com - 12/09/2019, 10:15 WIB", "Senin, 09 Sep 2019 11:05 WIB", "12 Sep 2019 | 10:15",
# "Agustus 28, 2019").
_DATE_LINE = re.compile(
    r"^(?:(?:[^\sa-z]\S*|at|by|on|oleh|pada)\s+){0,6}?"
    r"(?:\d{1,2}(?:\s+[A-Za-z]+\.?,?\s+|[/.-]\d{1,2}[/.-])\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:T\S*)?)"
    r"(?:\s*[-–|,·]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp][Mm])?)?"
    r"\s*(?:WIB|WITA|WIT|GMT[+\d:]*)?$"
)
_DATE_LINE_CHARS = 100
# A caption is a short line; a paragraph that ends in a credit is still the story.
_CAPTION_CHARS = 200
# A caption's credit is at its end, within this many characters.
_CREDIT_CHARS = 80
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w\w")
# A headline wrapped over two lines: the second part is at most this many words.
_WRAPPED_PART_WORDS = 10
# A headline listed under "Baca juga:" is at most this many words (a quote, at most the second).
_HEADLINE_WORDS = 20
_QUOTED_HEADLINE_WORDS = 12
# A related headline between two paragraphs, without a label: between these many words.
_LINKED_HEADLINE_WORDS = (5, 20)
# How far below the headline a story's dateline is looked for, past a teaser and a byline.
_TEASER_LINES = 8
# Lines shaped like a headline looked at before choosing the one beside the date line.
_TITLE_CANDIDATES = 4
# A label over a list of headlines ("Terpopuler", "Berita Terkait") is at most this many words.
_LIST_LABEL_WORDS = 3
# A publisher's motto after its name: at most this many words.
_TAGLINE_WORDS = 9
# A list inside a story, under such a label: at most this many lines (headlines, dates).
_LISTED_LINES = 8
# A tag under a story: a few words, no punctuation.
_TAG_LINE = re.compile(r"^#?\w[\w #&'-]*$")
_TAG_WORDS = 6
# Tags listed with commas under a story: "Jokowi, Kabinet, Pelantikan" (three or more short
# items, no sentence).
_TAG_LIST = re.compile(r"^#?\w[\w&'-]*(?: [\w&'-]+){0,2}(?:, #?\w[\w&'-]*(?: [\w&'-]+){0,2}){2,}$")
# A link to another page of the site, left under a story: a few words, written as a title.
_LINK_WORDS = 3
_SPACES_CLASS = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
# A run of those spaces, unless it is one plain space (which would be replaced by itself:
# most lines have nothing to replace, and are then returned as they are).
_WHITESPACE = re.compile(
    rf"(?:[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]| (?={_SPACES_CLASS})){_SPACES_CLASS}*"
)
_BREADCRUMB = re.compile(r"\S\s+[/»>›]\s+\S.*\s[/»>›]\s")
# "Home » Nasional", "News > Regional": short parts between breadcrumb separators.
_SHORT_BREADCRUMB = re.compile(r"^[\w&.-]+(?: [\w&.-]+)?(?:\s*[/»>›•|]\s*[\w&.-]+(?: [\w&.-]+)?)+$")
_DATE_ONLY = re.compile(r"^[\w`'’.,:/ -]{0,20}\d{1,4}[/ ][\w/ ]{1,20}\d{2,4}\b.{0,25}$")
# A headline starts with a capital or a number ("3 Tewas ..."), maybe inside quotes.
_TITLE_START = re.compile(r"[\"'“‘«(\[]?(?:[A-Z]|\d+\s+[A-Za-z])")
_SPACES = re.compile(r"\s{2,}")
_SENTENCE_END = re.compile(r"[.!?\"”)]$")


# A list of at least this many anchored patterns is grouped by the letter lines start with.
_GROUPED_PATTERNS = 8


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
        # The anchored ones by the lower-case ASCII letter a line must start with; those that
        # may start otherwise are in every group ("" holds only them).
        starts = [(p, _first_letters(p)) for p in anchored]
        anywhere = [p for p, first in starts if first is None]
        letters = {c for _, first in starts for c in first or ()}
        self.anchored_by_start = {
            c: _alternation([p for p, first in starts if first is None or c in first])
            for c in [*letters, ""]
        }
        self.anchored_any_start = _alternation(anywhere)
        self.by_start = len(anchored) >= _GROUPED_PATTERNS

    def _anchored_match(self, line: str) -> bool:
        if not self.by_start:
            return bool(self.anchored and self.anchored.match(line))
        group = self.anchored_by_start.get(line[:1].lower(), self.anchored_any_start)
        return bool(group and group.match(line))

    def _may_float(self, line: str) -> bool:
        needs = self.floating_needs
        if needs is None or not line.isascii():  # other scripts fold case in more ways
            return True
        lower = line.lower()
        return any(need in lower for need in needs)

    def search(self, line: str) -> bool:
        return bool(
            self._anchored_match(line)
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
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class _Patterns:
    drop_line: _AnyOf
    footer_start: _AnyOf
    spam_token: _AnyOf
    related_label: _AnyOf
    title_suffix: _AnyOf
    caption_line: _AnyOf
    headline_small_words: frozenset[str]
    open_ending: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    table = load_toml("boilerplate.toml")
    small = frozenset(table["headline_small_words"])
    open_words = sorted(table["headline_open_words"])
    return _Patterns(
        *(
            _AnyOf(table.get(key, []))
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
        or (_may_be_caption(line) and _patterns().caption_line.search(line[-_CREDIT_CHARS:]))
        or (
            ("/" in line or "»" in line or ">" in line or "›" in line or "•" in line or "|" in line)
            and (_BREADCRUMB.search(line) or _SHORT_BREADCRUMB.match(line))
        )
    )


def _may_be_caption(line: str) -> bool:
    """A short line whose end may be a photo's credit: "(...)" or "Source/Name"."""
    return len(line) <= _CAPTION_CHARS and (line.endswith(")") or "/" in line)


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


def opens_with_dateline(line: str) -> bool:
    """A story's first line: "JAKARTA, KOMPAS.com - ...", "Paris - ...", "Jakarta (ANTARA) -"."""
    return len(line.split()) >= 8 and any(p.match(line) for p in _DATELINES)


def is_date_line(line: str) -> bool:
    """A line that is a date and little else: a page's date line, or a related article's."""
    return (
        len(line) <= _DATE_LINE_CHARS
        and _DATE_LINE.match(line) is not None
        and full_date_in(line) is not None
    )


def _opens_story(line: str) -> bool:
    """Clearly article text, not a headline: a dateline, or a long finished sentence."""
    words = len(line.split())
    return (
        opens_with_dateline(line)
        or words >= 40
        or (words >= 8 and line.endswith((".", '."', ".”", ".'")) and not line.endswith(".."))
    )


def headline_of(line: str) -> str:
    """A headline without the publisher an HTML title adds ("... - Kompas.com", "... | Okezone
    News", Blogger's "POSMETRO MEDAN: ..."); the line as it is when it names none."""
    named = False
    for _ in range(2):  # "... - Halaman all - Kompas.com"
        m = TITLE_BRAND_SUFFIX.search(line)
        if m and len(m.group("brand").split()) <= 3 and brand_in(m.group("brand")):
            line, named = line[: m.start()].rstrip(), True
            continue
        m = TITLE_BRAND_PREFIX.match(line)
        if m and named_publisher(m.group("brand")):
            line, named = line[m.end() :].lstrip(), True
            continue
        break
    return _patterns().title_suffix.sub(line).rstrip() if named else line


def _is_title_candidate(line: str) -> bool:
    return _looks_like_title(line) and not is_date_line(line) and not brand_line_source(line)


def _headline_cased(words: list[str], slack: int = 0) -> bool:
    """Written as a headline is: each word capitalised, but for the small words (and `slack`
    others)."""
    small = _patterns().headline_small_words
    return sum(word[0].islower() and word.lower() not in small for word in words) <= slack


def _is_chrome(line: str) -> bool:
    """A byline, a date line, a brand line or other dropped page chrome (with words in it)."""
    return _WORD.search(line) is not None and (
        is_dropped(line) or is_date_line(line) or brand_line_source(line) is not None
    )


def _wraps_onto(title: str, part: str, following: list[str]) -> bool:
    """Whether `part` is the rest of a headline wrapped over two lines: a short line written
    as a headline, after a headline left open ("... di", "...,") or followed by page chrome
    (a byline, a date line; maybe after a teaser) rather than by the story."""
    words = part.split()
    if (
        len(words) > _WRAPPED_PART_WORDS
        or _SENTENCE_END.search(title)
        or part.endswith((",", "."))
        or not _headline_cased(words)
        or not all(_WORD.search(word) for word in words)
        or _is_chrome(part)
        or _opens_story(part)
        or (following[:1] and following[0][:1].islower())  # the story goes on: `part` began it
    ):
        return False
    if _patterns().open_ending.search(title):
        return True
    small = _patterns().headline_small_words
    if following and is_date_line(following[0]) and not any(w.lower() in small for w in words):
        return False  # a byline above the date line: "Achmad Nasrudin Yahya"
    for line in following[:2]:
        if _is_chrome(line):
            return True
        if _opens_story(line):
            return False
        if _looks_like_paragraph(line):  # a teaser
            continue
        if _is_title_candidate(line) and len(line.split()) >= 4:  # another headline
            return False
    return False


def _find_title(lines: list[str]) -> tuple[int, int, str] | None:
    """Where the headline is (first line, how many lines) and its text. It comes before the
    story opens: an HTML title naming the publisher, or a line shaped like a headline (of four
    words or more; of three when there is none), maybe wrapped onto a second line; of those,
    the first one beside the page's date line (a blog's name and tagline come before its date
    header and post title), else the first. Breadcrumbs, section labels, brand lines, bylines,
    date lines and the headlines listed under a label ("Terpopuler", "Baca juga") are not the
    page's headline."""
    short: int | None = None
    listing = False
    found: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        if _opens_story(line) or len(found) >= _TITLE_CANDIDATES:
            break
        if len(line.split()) <= _LIST_LABEL_WORDS and (
            is_footer_start(line) or _patterns().related_label.search(line)
        ):
            listing = True  # "Terpopuler", "Berita Terkait": headlines follow
            continue
        if not _is_title_candidate(line):
            listing = False
            continue
        if listing:
            continue
        headline = headline_of(line)
        if headline is not line and len(headline.split()) >= 4 and not is_dropped(headline):
            return i, 1, headline
        words = [word for word in line.split() if _WORD.search(word)]
        if len(words) < 4:  # "Mercy Raya - Sport" is a byline
            short = i if short is None else short
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if found and (line.endswith(".") or not _headline_cased(words, slack=1)):
            continue  # a teaser or a caption after the headline
        if not found and short is not None and (nxt[:1].islower() or not _headline_cased(words)):
            break  # story text after a short headline, not a headline after a label
        if nxt and _wraps_onto(line, nxt, lines[i + 2 : i + 4]):
            found.append((i, 2, f"{line} {nxt}"))
        else:
            found.append((i, 1, line))
    if found:
        beside = [f for f in found if _beside_date_line(lines, *f[:2])]
        return (beside or found)[0]
    if short is not None:
        return short, 1, lines[short]
    first = next((i for i, line in enumerate(lines) if _looks_like_title(line)), None)
    return None if first is None else (first, 1, lines[first])


def _beside_date_line(lines: list[str], at: int, span: int) -> bool:
    before = lines[at - 1] if at > 0 else ""
    after = lines[at + span] if at + span < len(lines) else ""
    return is_date_line(before) or is_date_line(after)


def _body_start(rest: list[str], title: str) -> int:
    """Where the story starts after the headline: at its dateline when a teaser and the page's
    date line or byline come first; else at the first paragraph."""
    opener = next(
        (i for i, line in enumerate(rest[:_TEASER_LINES]) if opens_with_dateline(line)), None
    )
    if opener:
        before = rest[:opener]
        teasers = [line for line in before if not _is_chrome(line)]
        if len(teasers) <= 1 and len(teasers) < len(before):
            return opener
    for i, line in enumerate(rest):
        if line in title or headline_of(line) == title or _is_chrome(line):
            continue
        nxt = rest[i + 1] if i + 1 < len(rest) else ""
        if (
            _looks_like_paragraph(line)
            or opens_with_dateline(line)
            or (line[:1].islower() and len(line.split()) >= 5)  # prose going on
            or (
                len(line.split()) >= 3
                and (_looks_like_paragraph(nxt) or nxt[:1].islower())
                and not opens_with_dateline(nxt)  # a caption above the story's dateline
            )
        ):
            return i
    return len(rest)


def split_layout(text: str) -> Layout:
    """Cut raw page text into title, header (dates, bylines), body paragraphs and footer."""
    lines = [remove_spam(normalize_line(raw)) for raw in text.split("\n")]
    lines = [line for line in lines if line]
    found = _find_title(lines)
    if found is None:
        return Layout(title="", header=lines)
    title_at, span, title = found
    header = lines[:title_at]
    rest = lines[title_at + span :]
    body_at = _body_start(rest, title)
    # The headline's own lines (an h1 repeating the HTML title, its wrapped parts) are not
    # header: a date written in a headline is not the page's date line.
    header += [
        line for line in lines[title_at : title_at + span] + rest[:body_at] if line not in title
    ]
    return _fill_body(Layout(title=title, header=header), rest[body_at:])


def split_body(title: str, text: str) -> Layout:
    """Cut the body of a structured record (its title known): every line is article text
    until a footer starts; chrome lines are dropped."""
    lines = [remove_spam(normalize_line(raw)) for raw in text.split("\n")]
    return _fill_body(Layout(title=normalize_line(title)), [line for line in lines if line])


def _goes_on(line: str) -> bool:
    """A line that carries on the sentence before it: "sambung Luki, ...", "” tulis Yong Dae"."""
    return line[:1].islower() or line[:1] in ",.;:”’)"


def _is_linked_headline(before: str, line: str, after: list[str]) -> bool:
    """A related article's headline set between two paragraphs without a label: written as a
    headline, not ending a statement (a headline may ask or exclaim: "Benarkah ...?"), after a
    finished paragraph and before a new one."""
    words = line.split()
    return (
        _LINKED_HEADLINE_WORDS[0] <= len(words) <= _LINKED_HEADLINE_WORDS[1]
        and (line[-1:].isalnum() or line.endswith(("?", "!", "...", "…", "'", "’", '"', "”")))
        and line[:1] not in _QUOTE_MARKS
        and _headline_cased(words)
        and before.endswith((*_STATEMENT_ENDS, "?", "!"))
        and bool(after)
        and (after[0][:1].isupper() or after[0][:1] in '"“')
    )


def _is_related_headline(line: str, seen: int) -> bool:
    """A headline listed under a "Baca juga:" label: a line written as a headline, or, for the
    first, any line that does not end a sentence (a headline may end in a quoted name: "... di
    'Vagabond'"); those after it are short and do not end a question either."""
    ends = line.endswith(_STATEMENT_ENDS)
    words = line.split()
    if line.startswith(('"', "“")) and len(words) > _QUOTED_HEADLINE_WORDS:
        return False  # a quote the story goes on with
    if len(words) > _HEADLINE_WORDS:
        return False
    cased = len(words) >= _LINKED_HEADLINE_WORDS[0] - 1 and _headline_cased(words, slack=1)
    if cased and line[:1] not in _QUOTE_MARKS:
        return True  # written as a headline, however it ends ("... Naik Lagi?", "... Hari Ini.")
    if seen == 0:
        return not ends
    return not ends and not line.endswith(("?", "!")) and len(words) <= 15


_QUOTE_MARKS = "\"“'‘«"
_STATEMENT_ENDS = (".", ".”", '."', ".'", ".’", "!”", '!"', "?”", '?"', ",”", ',"')


def _ends_sentence(line: str) -> bool:
    return line.endswith((".", '"', "”", "'", "’", ".)"))


def _fill_body(layout: Layout, lines: list[str]) -> Layout:
    patterns = _patterns()
    in_footer = False
    related = -1  # headlines seen under a "Baca juga:" label; -1 when there is none
    for at, line in enumerate(lines):
        if not in_footer and is_footer_start(line):
            if not layout.body:
                continue  # a footer starts after the story has: this line alone is chrome
            if _lists_inside_story(line, lines[at + 1 :]):
                related = 0  # "Berita Terkait" and its headlines, then the story goes on
                continue
            in_footer = True
        if in_footer:
            layout.footer.append(line)
            continue
        if patterns.related_label.search(line):
            related = 0  # "Baca juga:" and the headlines under it
            continue
        if related >= 0:
            nxt = lines[at + 1] if at + 1 < len(lines) else ""
            if _is_related_headline(line, related) and not _goes_on(nxt):
                related += 1
                continue
            related = -1
        if line == layout.title or is_dropped(line) or _is_tagline(line):
            continue
        if layout.body and _is_linked_headline(layout.body[-1], line, lines[at + 1 : at + 2]):
            continue
        if _DIGIT.search(line) and is_date_line(line):
            if len(layout.body) < 2:
                layout.header.append(line)  # the page's own date line, after a teaser
            else:
                in_footer = True  # a list of related articles with their dates
                layout.footer.append(line)
            continue
        layout.body.append(line)
    layout.footer[:0] = _trim_tail(layout.body)
    return layout


def _is_tagline(line: str) -> bool:
    """A publisher's name and its motto: "Kompas.com - Jernih Melihat Dunia", "Fimela -
    Inspiring Women" (a few words that end no sentence)."""
    m = TITLE_BRAND_PREFIX.match(line)
    if m is None or line.endswith((".", "?", "!", ",")):
        return False
    brand, motto = m.group("brand"), line[m.end() :].split()
    if "," in brand or brand.isupper():
        return False  # a dateline: "TEMPO.CO, Jakarta - ...", "KOMPAS.COM - ..."
    return (
        0 < len(motto) <= _TAGLINE_WORDS
        and _headline_cased(motto)
        and (brand_in(brand) or named_publisher(brand)) is not None
    )


def _lists_inside_story(label: str, following: list[str]) -> bool:
    """True when a label over a list of headlines ("Berita Terkait", "Terpopuler") stands
    inside the story: after its headlines (and their dates) the story's prose goes on."""
    if len(label.split()) > _LIST_LABEL_WORDS or label.endswith("."):
        return False
    for seen, line in enumerate(following[:_LISTED_LINES]):
        if is_footer_start(line) or _patterns().related_label.search(line):
            return False
        if _is_chrome(line) or (seen < _LISTED_LINES - 1 and _is_related_headline(line, seen)):
            continue
        return seen > 0 and _looks_like_paragraph(line) and not _goes_on(line)
    return False


def _trim_tail(body: list[str]) -> list[str]:
    """Take initials, tag lines ("french open 2019", "#Jokowi") and the page's links ("Karir",
    "Indeks Berita") off the end of the story (a story ends with a sentence); the lines taken
    off, which are the footer's."""
    taken: list[str] = []
    while (
        len(body) > 1
        and _TAG_LINE.match(body[-1])
        and (
            (len(body[-1].split()) <= _TAG_WORDS and (body[-1].islower() or "#" in body[-1]))
            or (len(body[-1].split()) <= _LINK_WORDS and _headline_cased(body[-1].split()))
        )
    ) or (len(body) > 1 and _TAG_LIST.match(body[-1])):
        taken.insert(0, body.pop())
    if body:
        body[-1] = _TRAILING_CREDIT.sub("", _TRAILING_INITIALS.sub("", body[-1]))
        if not body[-1]:
            body.pop()
    return taken
