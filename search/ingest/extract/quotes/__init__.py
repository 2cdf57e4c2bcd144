"""Who said what: the quotations in an article's body and the person who said each.

Direct quotes ('"...," kata X', '“...,” ujarnya', 'Menurut X, "..."', 'X mengatakan, "..."')
and reported speech ('X mengatakan bahwa ...', '..., ujar X', 'Menurut X, ...') are found
paragraph by paragraph; the words that attribute speech live in `search/data/speech.toml`.

A speaker is a person, named by the fullest form the article writes ("kata Wiyagus" after
"Wamendagri Akhmad Wiyagus" is Akhmad Wiyagus), without ranks and honorifics; one named only
by part of a gazetteer official's name ("kata Sri Mulyani") by the gazetteer's, unless the
article keeps them apart by an office he never held ("Wakil Bupati Klaten Sri Mulyani"). A pronoun
("ujarnya", "kata dia", "Menurutnya") is the last speaker named, or the person a sentence
started with since; a role alone ("kata Mendagri") is the official the article names in that
role, else the gazetteer's holder of it on the article's date. Institutions ("kata Polri") and
unnamed sources ("ujar seorang warga") are no speakers: their quotes are left out, and so is an
"ujarnya" or a quotation carried on after such a quotation (it is theirs, not the last person
named); "ujar ibunda Kris, Tuty" is Tuty's.

A quote with no attribution of its own is its paragraph's earlier speaker's, or, opening a
paragraph right after a quoted one, that paragraph's speaker's (a quote carried on).

What a speaker denies ("Yasonna membantah bahwa KPK tak pernah dilibatkan ...") is no statement
of theirs and is left out; so is a word or two quoted inside a reported statement ('menilai
bahwa "rumus" yang dipakai ...': the sentence is the statement). A related article's headline
set inside the story ("Baca juga: ...", 'Simak Video "..."') is no quotation and names no one.

The modules, in the order a quote goes through them: `vocabulary` (speech.toml compiled),
`direct` (quotation marks and their attributions) and `reported` (reported speech), which read
speaker phrases with `phrases` and `sentences` and make sense of them with `speakers`; then
`resolve`, which gives each quote a person with `people`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from search.ingest.extract.quotes.direct import MIN_REPORTED_WORDS, Found, direct_quotes
from search.ingest.extract.quotes.people import People
from search.ingest.extract.quotes.reported import earlier_statements, reported_speech
from search.ingest.extract.quotes.resolve import Subjects, resolve
from search.ingest.extract.quotes.vocabulary import vocabulary
from search.model import Official, Quote

__all__ = ["find_quotes"]

_LINE = re.compile(r"[^\n]+")


def find_quotes(
    body: str,
    officials: list[Official] | None = None,
    span: tuple[int, int] | None = None,
    title: str = "",
    page_lines: Sequence[str] = (),
) -> list[Quote]:
    """Who said what in `body`: each quotation or reported statement whose speaker is a
    person, in order, with offsets into `body`. `officials` are the article's (for full
    names and roles), `span` its first and last possible day (YYYYMMDD, for roles), `title`
    its title (a full name may be written only there), `page_lines` the page's lines outside
    the story that may name its people (a photo's caption, a tag)."""
    story = body
    headlines = []
    if _may_hold_related_headline(body):
        headlines = [m.span() for m in vocabulary().related_headline.finditer(body)]
    for start, end in headlines:
        body = f"{body[:start]}{' ' * (end - start)}{body[end:]}"
    people = People(body, officials or [], span, title, page_lines)
    found: list[Found] = []
    starts: list[int] = []  # each paragraph's offset
    paragraphs: list[tuple[str, int, list[tuple[int, int]]]] = []
    for index, m in enumerate(_LINE.finditer(body)):
        text, offset = m.group(0), m.start()
        starts.append(offset)
        if not _may_hold_speech(text):
            paragraphs.append((text, offset, []))
            continue
        direct, marks = direct_quotes(text, offset, index)
        last = next((f for f in reversed(found) if f.direct), None)
        # '" terangnya.' closes the last paragraph's open quotation: its speaker too, and
        # what it closes is that quotation's end, not a quotation of its own.
        closing = direct[0] if direct and direct[0].carried else None
        carried = closing is not None and last is not None
        if carried and last.paragraph == index - 1 and not last.closed:
            if last.said.inherit:
                last.said = direct[0].said
            direct = direct[1:]
        found += [f for f in direct if f.end > f.start]
        if closing is not None and closing.end == closing.start:
            # No quote of its own, but who speaks on in this paragraph ('" jelas Fatkhur.
            # "Ada SUTET ..."'): a quotation after it with no attribution is theirs.
            found.append(Found(offset, offset, closing.said, index, False, shown=False))
        found += reported_speech(text, offset, index, marks)
        paragraphs.append((text, offset, marks))
    found += earlier_statements(found, [(text, offset) for text, offset, _ in paragraphs])
    needing = [f.start for f in found if f.said.pronoun or f.said.inherit]
    # Who "ujarnya" may mean: read only when some quote needs it, up to the last one.
    last_needing = max(needing, default=-1)
    subjects = Subjects([p for p in paragraphs if p[1] <= last_needing])
    found.sort(key=lambda f: f.start)
    quotes = resolve(found, subjects, people, starts)
    if not headlines:
        return quotes
    cut = [_before_headlines(q, story, headlines) for q in quotes]
    return [q for q in cut if q is not None]


def _before_headlines(quote: Quote, story: str, headlines: list[tuple[int, int]]) -> Quote | None:
    """A quote read with the related articles' headlines set inside the story blanked out
    ("Baca juga: ...", 'Simak Video "..."': no quotations, and they name no one who speaks),
    up to the first of them (a statement read on to its paragraph's end stops there); None
    when too few words are left before it to be a statement ("ujar dia." after a quotation
    whose marks are out of step)."""
    end = min(
        (start for start, _ in headlines if quote.start < start < quote.end), default=quote.end
    )
    if end == quote.end:
        return replace(quote, text=story[quote.start : end])
    text = story[quote.start : end].rstrip()
    if len(text.split()) < MIN_REPORTED_WORDS:
        return None
    return replace(quote, text=text, end=quote.start + len(text))


# Letters `re` matches in any case as a label's ASCII letter where `str.lower` does not give
# it: İ and ı for "i", ſ for "s".
_FOLDED_APART = frozenset("\u0130\u0131\u017f")


def _may_hold_related_headline(text: str) -> bool:
    """False when no related article's label ("Baca juga") is written in `text`, in any
    case, as `related_headline` reads case."""
    if not _FOLDED_APART.isdisjoint(text):
        return True
    return vocabulary().related_label.search(text.lower()) is not None


def _may_hold_speech(text: str) -> bool:
    return vocabulary().speech_words.search(text) is not None
