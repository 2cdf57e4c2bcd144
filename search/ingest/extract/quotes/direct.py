"""Direct quotes: the quotation marks of a paragraph and the attribution beside each ('"...,"
kata Wiyagus', '“...,” ujarnya', 'Menurut X, "..."', 'X mengatakan, "..."'); a quotation with
none is left to inherit its paragraph's speaker, a few words quoted inside a sentence are a
term, not a quotation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.ingest.extract.dates import PAREN_DATE, WEEKDAY_NAME
from search.ingest.extract.quotes.phrases import speaker_after, words_after, words_before
from search.ingest.extract.quotes.sentences import leads_sentence
from search.ingest.extract.quotes.speakers import INHERIT, PRONOUN, Said, speaker
from search.ingest.extract.quotes.vocabulary import vocabulary

_CLOSING = {
    "“": re.compile('[”"]'),
    '"': re.compile('["”]'),
    "„": re.compile("[“”]"),
    "«": re.compile("»"),
    "”": re.compile('[”"]'),
}
_OPENING = re.compile(r"[\"“„«”]")
_MENURUTNYA_END = re.compile(r"\bMenurutnya\s*,?\s*$", re.I)
_PREP_SPEAKER_END = re.compile(r"(?:^|[\s,])(?P<prep>\w+)\s+(?P<who>[^,.!?\"“”]{1,80}?)\s*[,:]\s*$")
# "Seperti yang" or "Sebagaimana" before a passive form of a verb of saying and its agent.
_AS_TOLD_END = re.compile(
    r"(?P<as>\b[Ss]eperti|\b[Ss]ebagaimana)\s+(?:yang\s+)?(?P<verb>\w+)(?:\s+oleh)?\s+"
    r"(?P<who>[^,.!?\"“”]{1,80}?)\s*[,:]\s*$"
)
# What a removed link leaves of an attribution on the next line, before the quotation
# that goes on ('... kata Yati dilansir dari' / 'Rabu (25/9). "Jangan halangi ..."'): a day
# and its date, the quotation after it opens the paragraph.
_DATE_LEFT = re.compile(rf"\s*(?:(?i:{WEEKDAY_NAME})\s*,?\s*)?{PAREN_DATE}\s*[.,]?\s*")
# Fewer words than this, unclosed or reported, are no statement.
MIN_REPORTED_WORDS = 3
MAX_QUOTE_CHARS = 3000
# At most this many words quoted inside a sentence, or opening one, are a term or a title.
_TERM_WORDS = 6
# At most this many words quoted after a verb of speech, the sentence going on after them, are a
# term of the statement.
_TERM_IN_STATEMENT_WORDS = 2


@dataclass
class Found:
    start: int  # into the body
    end: int
    said: Said
    paragraph: int
    direct: bool
    closed: bool = True  # a quotation whose closing mark is in its paragraph
    carried: bool = False  # one that a paragraph opens by closing ('" terangnya.')
    opens: bool = False  # a quotation that opens its paragraph
    shown: bool = True  # False: no quote, but its speaker is the one speaking from here
    earlier: bool = False  # a sentence giving what came before it a speaker ("Hal itu ...")


def _quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """(opening mark, closing mark or the paragraph's end, closed) of each quotation. A
    paragraph opening with a closing mark and an attribution ('" terangnya.') ends a
    quotation begun in the paragraph before: its opening is -1. A quotation still open when
    another opens (“... “...”) ends there."""
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    first = _OPENING.search(text)
    if first is not None and vocabulary().after_pattern.match(text, first.end()):
        spans.append((-1, first.start(), True))
        pos = first.end()
    while True:
        m = _OPENING.search(text, pos)
        if m is None:
            return spans
        opening = m.start()
        closing = _CLOSING[text[opening]].search(text, opening + 1)
        again = text.find("“", opening + 1) if text[opening] == "“" else -1
        if again >= 0 and (closing is None or again < closing.start()):
            spans.append((opening, again, False))
            pos = again
            continue
        if closing is None:
            spans.append((opening, len(text), False))
            return spans
        spans.append((opening, closing.start(), True))
        pos = closing.end()


def _attribution_after(text: str, pos: int) -> Said | None:
    """'," kata Wiyagus', '," ujarnya', '," kata seorang warga' right after a closing mark;
    'kata politikus Golkar ini' (a description of someone named before) as a pronoun."""
    m = vocabulary().after_pattern.match(text, pos)
    if m is None:
        # '," Yati kembali mempertegas.', '," dia menambahkan.'
        named = vocabulary().name_verb.match(text, pos)
        return speaker(named.group("who").split()) if named else None
    if m.group("nya"):
        return PRONOUN
    return speaker_after(text, m.end())[0]


def _attribution_before(text: str, pos: int) -> Said | None:
    """'Menurut X, ', 'X mengatakan, ', 'Ia menambahkan: ', 'kata X, ' right before an
    opening mark (in the same sentence)."""
    sp = vocabulary()
    head = text[max(0, pos - 200) : pos]
    if _MENURUTNYA_END.search(head):
        return PRONOUN
    verb = sp.before_pattern.search(head)
    if verb is not None:
        words, start = words_before(head, verb.start())
        if words and leads_sentence(head, start):
            return speaker(words)
        if not words and sp.described_before.search(head, 0, verb.start()):
            return PRONOUN  # "Pemain naturalisasi itu melanjutkan, ..."
        return None
    as_told = _AS_TOLD_END.search(head)
    if (
        as_told
        and as_told.group("verb") in sp.passive_forms
        and leads_sentence(head, as_told.start("as"))
    ):
        # "Seperti yang dituliskan Benny Blanco, “...”": the passive form's agent
        return speaker(words_after(as_told.group("who") + ".", 0)[0])
    m = _PREP_SPEAKER_END.search(head)
    if m and (m.group("prep") in sp.according or m.group("prep") in sp.after):
        if m.group("prep") in sp.according and not leads_sentence(head, m.start("prep")):
            return None
        return speaker(words_after(m.group("who") + ".", 0)[0])
    m = sp.pronoun_before.search(head)
    return PRONOUN if m else None


def direct_quotes(text: str, offset: int, index: int) -> tuple[list[Found], list[tuple[int, int]]]:
    """The quotations of one paragraph with their attributions, and the marks' spans."""
    found: list[Found] = []
    terms: list[int] = []  # the opening marks of words quoted inside a reported statement
    spans = _quoted_spans(text)
    for opening, closing, closed in spans:
        start, end = opening + 1, closing
        while end > start and text[end - 1] in " ,":
            end -= 1
        while start < end and text[start] == " ":
            start += 1
        if opening < 0 and end - start < 2:
            # '" terangnya.' alone: the attribution of the last paragraph's quotation.
            said = _attribution_after(text, closing + 1)
            if said is not None:
                found.append(Found(offset, offset, said, index, True, True, True))
            continue
        if end - start < 2 or end - start > MAX_QUOTE_CHARS:
            continue
        if not closed and len(text[start:end].split()) < MIN_REPORTED_WORDS:
            continue
        said = _attribution_after(text, closing + 1) if closed else None
        if said is None and opening >= 0:
            said = _attribution_before(text, opening)
            if said is not None and closed and _term_in_statement(text, start, end, closing):
                # 'Prabowo menilai bahwa "rumus" yang dipakai ...': a word of the statement
                # quoted, no quotation; the sentence is reported speech, marks and all
                terms.append(opening)
                continue
        if said is None:
            if closed and _scare_quote(text, opening, closing):
                continue
            said = INHERIT
        opens = opening <= 0 or _DATE_LEFT.fullmatch(text, 0, opening) is not None
        found.append(
            Found(offset + start, offset + end, said, index, True, closed, opening < 0, opens)
        )
    return found, [(o, c + 1) for o, c, _ in spans if o not in terms]


def _term_in_statement(text: str, start: int, end: int, closing: int) -> bool:
    """True for a word or two quoted right after a verb of speech whose sentence goes on after
    them in lower case ('Prabowo menilai bahwa "rumus" yang dipakai oleh Sri ...'): a term the
    statement uses, not what was said."""
    after = text[closing + 1 :].lstrip()
    return len(text[start:end].split()) <= _TERM_IN_STATEMENT_WORDS and after[:1].islower()


def _scare_quote(text: str, opening: int, closing: int) -> bool:
    """A few words quoted inside a sentence ('istilah "dynamic governance" itu'), or opening
    one that goes on after them ('"Vagabond" sendiri menceritakan ...', '“Selamanya” adalah
    lagu ciptaan ...'): a term or a title, not a quotation."""
    inner = text[opening + 1 : closing]
    before = text[:opening].rstrip()
    inside_sentence = bool(before) and not before.endswith((".", ":", "!", "?"))
    ended = inner.rstrip().endswith((".", ",", "!", "?"))
    short = len(inner.split()) <= _TERM_WORDS
    if inside_sentence:
        return short or not ended
    return short and not ended and text[closing + 1 :].lstrip()[:1].islower()
