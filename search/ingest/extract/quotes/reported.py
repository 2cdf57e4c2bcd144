"""Reported speech: the sentences of a paragraph outside its quotation marks that report what
someone said ('X mengatakan bahwa ...', '..., ujar X', 'Menurut X, ...', 'Dijelaskan X, ...'),
each with its speaker phrase and the clause that is the statement."""

from __future__ import annotations

import re

from search.ingest.extract.quotes.direct import MIN_REPORTED_WORDS, Found
from search.ingest.extract.quotes.speakers import (
    PRONOUN,
    SENTENCE_END,
    Said,
    leads_sentence,
    speaker,
    words_after,
    words_before,
)
from search.ingest.extract.quotes.vocabulary import vocabulary

_THAT = re.compile(r"(?:\s+(?:bahwa|kalau|jika))?\s*[,:]?\s*")
_ATTRIBUTION_TAIL = re.compile(r"(?:\s+[a-z][\w/-]*|\s*\([^()]*\)|\s+[A-Z]\w*|\s*,)*\s*[.!?]*\s*")


def reported_speech(
    text: str, offset: int, index: int, marks: list[tuple[int, int]]
) -> list[Found]:
    """Reported speech in the sentences of a paragraph that hold no quotation marks."""
    found: list[Found] = []
    start = 0
    for m in [*SENTENCE_END.finditer(text), None]:
        end = m.end() if m else len(text)
        # A sentence going on into a quotation: what it reports before the first mark
        # ("Mantan Wali Kota Solo itu mengatakan saat ini ..., “...”").
        clip = min((o for o, _ in marks if start <= o < end), default=end)
        speech = vocabulary().speech_words.search(text, start, clip) is not None
        if speech and clip > start and not any(o < clip and start < c for o, c in marks):
            item = _reported_sentence(text, start, clip)
            if item is not None:
                s, e, said = item
                found.append(Found(offset + s, offset + e, said, index, False))
        start = end
    return found


def _reported_sentence(text: str, start: int, end: int) -> tuple[int, int, Said] | None:
    """(start, end, speaker) of what a sentence reports, if it reports speech."""
    sp = vocabulary()
    sentence = text[start:end]
    lead = len(sentence) - len(sentence.lstrip())
    # "..., ujar X." / "..., ujarnya." / "Pada tingkat daerah, kata Wiyagus, penerapan ...":
    # the sentence without the attribution is what was said (infixed, the whole sentence).
    for m in sp.postposed.finditer(sentence):
        if m.group("nya"):
            said, after = PRONOUN, m.end()
        else:
            words, after = words_after(sentence, m.end())
            said = speaker(words)
        rest = sentence[after:]
        if said.none or not _attribution_ends(rest):
            continue
        if rest.lstrip().startswith(",") and len(rest.strip()) > 20:
            return _clause(text, start + lead, end, said)
        return _clause(text, start + lead, start + m.start(), said)
    # "Menurut X, ..." / "Menurutnya, ...".
    m = sp.according_start.match(sentence)
    if m:
        if m.group("nya"):
            said, rest_at = PRONOUN, m.end()
        else:
            said = speaker(words_after(sentence, m.end())[0])
            comma = sentence.find(",", m.end())
            rest_at = comma if comma >= 0 else -1
        if said.pronoun:  # "Menurutnya, ..." or "Menurutnya usulan itu ..."
            return _clause(text, start + rest_at, end, said)
        comma = sentence.find(",", rest_at) if rest_at >= 0 else -1
        if comma >= 0:
            return _clause(text, start + comma + 1, end, said)
        return None
    # "X mengatakan bahwa ...", "Ia menambahkan, ...".
    for m in sp.before_any.finditer(sentence):
        words, at = words_before(sentence, m.start())
        if not words and sp.described_before.search(sentence, 0, m.start()):
            words = ["ia"]  # "Pemain naturalisasi itu menambahkan, ..." names the last one
        elif not words or not leads_sentence(sentence, at):
            continue
        rest = _THAT.match(sentence[m.end() :])
        clause_start = m.end() + (rest.end() if rest else 0)
        return _clause(text, start + clause_start, end, speaker(words))
    return None


def _attribution_ends(rest: str) -> bool:
    """True when what follows a postposed speaker ends the attribution: the sentence's end
    (after words such as 'kepada wartawan' or a date), or a comma before the rest of an
    infixed one."""
    if rest.lstrip().startswith(","):
        return True
    return bool(_ATTRIBUTION_TAIL.fullmatch(rest))


def _clause(text: str, start: int, end: int, said: Said) -> tuple[int, int, Said] | None:
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    words = text[start:end].split()
    if len(words) < MIN_REPORTED_WORDS or words[0].lower() in ("agar", "supaya", "untuk"):
        return None  # "mengingatkan agar ...": a request, not a statement
    return start, end, said
