"""Separating an article's own text from page chrome: headers, footers, links, spam.

A page's lines are read one by one (`lines`: chrome, date lines, datelines) against the
patterns of `search/data/boilerplate.toml` (`patterns`); the headline is found among the lines
before the story (`headline`), photo captions are left out (`captions`), and the body is the
story's paragraphs up to the footer (`body`). A page's body line whose words and shape read as
chrome (`line_model`) is left out whatever its wording.
"""

from __future__ import annotations

import re

from search.ingest.extract.boilerplate.body import Layout, fill_body
from search.ingest.extract.boilerplate.captions import drop_captions
from search.ingest.extract.boilerplate.headline import body_start, find_title, headline_of
from search.ingest.extract.boilerplate.line_model import chrome_log_odds, odds_read_as_chrome
from search.ingest.extract.boilerplate.lines import (
    SENTENCE_END,
    headline_cased,
    is_date_line,
    is_dropped,
    is_footer_start,
    normalize_line,
    opens_with_dateline,
    remove_spam,
)
from search.ingest.extract.boilerplate.patterns import chrome_patterns
from search.ingest.extract.officials import find_officials
from search.ingest.extract.person_names import looks_like_person
from search.ingest.extract.quotes.speakers import is_role_word

# A list's item is shorter than this many words.
_LIST_ITEM_WORDS = 8
# A subheading has at most this many words (past its number: "1. Polisi: ...").
_SUBHEADING_WORDS = 7
# Of the line under a would-be subheading, the words read with it for an official's name.
_NAME_READ_WORDS = 12
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")
_ORDINAL = re.compile(r"ke-?\d+")
_BRACKETED_LABEL = re.compile(r"^\[[A-Z][A-Z ]{2,30}\]$")
# A list's opener read as chrome at odds above e**5 (a hundred and fifty to one) is a prompt.
_LIST_INTRO_LOG_ODDS = 5.0

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
    layout = Layout(title=title, header=header, above_title=title_at)
    return _without_chrome_read(fill_body(layout, rest[body_at:]))


def _without_chrome_read(layout: Layout) -> Layout:
    """The body without the lines that read as chrome (`line_model`), unless that leaves none;
    the lines left out are kept apart (`left_out`, read last for a date or a source). The story's,
    whatever the model says: its dateline paragraph, prose broken mid-sentence (ending in a
    comma, or a long line opening in small letters, not with a site's name), a line that
    introduces a list ("Berikut daftarnya:", "... tiga tahap, yakni:") and the short lines
    under it; a short line between two of its paragraphs needs much higher odds, unless it is
    written as a subheading (`_is_subheading`).
    """
    body = layout.body
    odds = [chrome_log_odds(line) for line in body]
    # the story's paragraphs, as the model reads them (its dateline paragraph whatever it says)
    paragraph = [
        opens_with_dateline(line)
        or (len(line.split()) >= _LIST_ITEM_WORDS and not odds_read_as_chrome(line, o))
        for line, o in zip(body, odds, strict=True)
    ]
    dropped: list[int] = []
    listed = False
    introduced = False  # a list's opener read: its numbered items may have paragraphs between
    for i, line in enumerate(body):
        if len(line.split()) >= _LIST_ITEM_WORDS:
            listed = False
        if listed or opens_with_dateline(line) or _prose_goes_on(line):
            continue
        inside = 0 < i < len(body) - 1 and paragraph[i - 1] and paragraph[i + 1]
        read = odds_read_as_chrome(line, odds[i], between_paragraphs=inside) or (
            inside
            and not (introduced and _NUMBERED.match(line))  # "2. Olahraga Teratur"
            and _is_subheading(line, body[i - 1], body[i + 1])
        )
        if _introduces_list(line, odds[i], read):
            listed = introduced = True
        elif read and not _sums_up_news(line):
            dropped.append(i)
    if dropped and len(dropped) < len(body):
        layout.body = [line for i, line in enumerate(body) if i not in dropped]
        layout.left_out = [body[i] for i in dropped]
    return layout


def _is_subheading(line: str, before: str, after: str) -> bool:
    """A subheading set inside the story ("Menikah di Jakarta", "Susunan Pemain", "1. Polisi:
    Nikita Mirzani Bukan Informan", "[PENJELASAN]"): the stories of the corpus hold none. A
    short line written as a headline, ending no sentence, between a finished paragraph and one
    that opens a sentence; not a line in capitals (a credit, "THE SUN"), nor a sentence's start
    broken off where a link was lost: one opening with a sentence's word ("Melalui Instagram"),
    a role's words over a line opening with a person's name ("Juru Bicara KPK" over "Febri
    Diansyah mengatakan, ..."), or an official's role or name read on into the next line
    ("Kepala Basarnas" over "Muhammad Arafah mengatakan, ..."); nor a numbered item of a list
    a story's line opens (see `_without_chrome_read`)."""
    if _BRACKETED_LABEL.match(line):
        return SENTENCE_END.search(before) is not None
    bare = _NUMBERED.sub("", line)
    words = bare.split()
    if not 2 <= len(words) <= _SUBHEADING_WORDS or bare.isupper():
        return False
    if bare[-1:] in ".,;:!?\"”'’)" or not (after[:1].isupper() or after[:1] in '"“'):
        return False
    cased = [w for w in words if not _ORDINAL.fullmatch(w)]  # "Ulang Tahun ke-70 SBY"
    if not _finishes(before) or not headline_cased(cased):
        return False
    patterns = chrome_patterns()
    if words[0].strip(",.:;").lower() in patterns.sentence_openers:
        return False
    if any(is_role_word(w.strip(",.:;")) for w in words) and _opens_with_name(after):
        return False  # "Juru Bicara KPK" over "Febri Diansyah mengatakan, ..."
    # the next line's opening only: the name a role over it would be read with
    opening = " ".join(after.split()[:_NAME_READ_WORDS])
    said = {w.lower() for w in words}
    return not any(
        # a role or a name that the line opens ("Kepala Basarnas" over "Muhammad Arafah
        # ...", not "Menikah di Jakarta" over "Gubernur DKI Jakarta Anies Baswedan ...")
        f"{official.role} {official.name}".split()[0].lower() in said
        for official in find_officials([f"{bare} {opening}"])
    )


def _finishes(line: str) -> bool:
    """A paragraph that ends its sentence, or ends where the link it calls to click was lost
    ("..., silakan klik di"): nothing under it carries it on."""
    return SENTENCE_END.search(line) is not None or chrome_patterns().lost_link_end.search(line)


# A team's formation closing its name over its line-up: "Madura United (4-3-3): ...".
_LINE_UP_BRACKET = re.compile(r"\([^()]*\)\s*:")


def _opens_with_name(line: str) -> bool:
    """A line opening with a person's name of two to four capitalised words, read on into a
    sentence (not a name over a bracketed formation and a colon: "Madura United (4-3-3):
    Ridho Djazulie (kiper); ...", a team's line-up; "Febri Diansyah (45) mengatakan" is one)."""
    raw = line.split()[:5]
    words = [w.strip(",.:;") for w in raw]
    run = 0
    while run < min(len(words), 4) and words[run][:1].isupper():
        run += 1
    # (the line from the bracket's word on: `split` with a limit leaves the rest whole)
    if run < len(raw) and _LINE_UP_BRACKET.match(line.split(None, run)[run]):
        return False
    return any(looks_like_person(words[:n]) for n in range(run, 1, -1))


def _introduces_list(line: str, odds: float, read: bool) -> bool:
    """A story's line over its own list: a list's opener (`list_intro`) that is no related
    articles' label, read as the story's, or of two words or more read as chrome at no more
    than `_LIST_INTRO_LOG_ODDS` ("Berikut daftarnya:", not "Saksikan Video Pilihan Berikut
    Ini:")."""
    patterns = chrome_patterns()
    return (
        patterns.list_intro.search(line)
        and not patterns.related_label.search(line)
        and not _sums_up_news(line)
        and (not read or (" " in line and odds <= _LIST_INTRO_LOG_ODDS))
    )


def _sums_up_news(line: str) -> bool:
    """The story's line over a roundup of news ("Berikut rangkuman ketiga ,nya:"): the story's
    whatever the model reads, and no list's opener (the numbered headlines under it are
    subheadings: "1. Polisi: Nikita Mirzani Bukan Informan")."""
    return bool(chrome_patterns().roundup_intro.search(line))


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
