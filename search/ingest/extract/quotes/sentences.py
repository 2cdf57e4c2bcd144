"""Sentences and their subjects: where a sentence starts, and whether a speaker phrase is its
subject (nothing before it, an opening phrase, or the person's role); which words are verbs."""

from __future__ import annotations

import re

from search.ingest.extract.officials import is_derived_word
from search.ingest.extract.quotes.speakers import is_role_word
from search.ingest.extract.quotes.vocabulary import vocabulary

# A sentence ends at . ! ? before a space and a capital, a quote or the end (not after an
# initial or a title: "M. Nasir", "dr. Dian"), or at a full stop between words that lost their
# space ("Rahmat.Dia"; not "M.Kes", "Sp.KK"). The mark both open with is read first, outside
# the alternation: `re` then skips to the marks instead of trying the pattern at every
# character (three times faster over a paragraph).
SENTENCE_END = re.compile(
    r"[.!?](?:[.!?]*(?<!\b[A-Z]\.)(?<!\bdr\.)(?<!\bDr\.)(?<!\bIr\.)(?<!\bHj\.)(?<!\bJl\.)"
    r"(?<!\bNo\.)(?<!Drs\.)(?<!Prof\.)(?:\s*,)?(?=\s+[A-Z\"“(]|\s*$)"
    r"|(?<=\.)(?:(?<=[a-z]{3}\.)|(?<=[A-Z]{3}\.)|(?<=[\d)]\.))(?=[A-Z][a-z]))"
)
# ... or a quotation's closing mark after its sentence's end, where the next sentence's subject
# is read: 'la la la." Selain itu, Justin Bieber pun memberi komentar ...'
SENTENCE_OR_QUOTE_END = re.compile(rf"{SENTENCE_END.pattern}|(?<=[.!?])[\"”](?=[ \t]+[A-Z])")
_SENTENCE_SPAN = 400
# A role before a name is this many words at most.
_ROLE_PHRASE_WORDS = 14
_OPENING_COMMA = re.compile(r"[A-Z][\w ]{0,30}?,\s+")
_WORDS = re.compile(r"[\w'’.-]+")
# A story's dateline before its first sentence: "Jakarta - ", "JAKARTA, KOMPAS.com - ".
DATELINE = re.compile(r"[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,3}\s+[-–—]\s+")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts."""
    start = max(0, pos - _SENTENCE_SPAN)
    for m in SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    while start < pos and text[start] in ' \t"“”':
        start += 1
    return start


# A conjunction opening a main clause after a comma ("Meski ..., namun X mengatakan").
_MAIN_CLAUSE = (", namun", ", tetapi", ", tapi")


def leads_sentence(text: str, start: int) -> bool:
    """True when the words before `start` in its sentence (after a paragraph's dateline)
    leave it the subject: nothing, an opening phrase ended by a comma ("Sementara itu, "), or
    the person's role ("Pakar hukum tata negara Juanda mengatakan", "Wakil Ketua DPRD DKI
    nondefinitif Syarif")."""
    opening = sentence_start(text, start)
    dateline = DATELINE.match(text) if opening == 0 else None
    if dateline and dateline.end() <= start:
        opening = dateline.end()  # "MADINAH - Menteri Agama Lukman Hakim menyatakan ..."
    before = text[opening:start].strip()
    sp = vocabulary()
    return (
        not before
        or before.endswith((",", " bernama"))  # "seorang peneliti bernama Terra McKinnish"
        # the main clause after a concession: "Meskipun hasil belum membaik, namun Rashford"
        # (a name: an "ia" there may be the concession's subject, not the last speaker)
        or (before.endswith(_MAIN_CLAUSE) and text[start : start + 1].isupper())
        or before in sp.openers
        or sp.time_opening.fullmatch(before) is not None  # "Tiga bulan lalu Condro mengaku"
        or is_role_phrase(before)
    )


def is_role_phrase(words_before: str) -> bool:
    """True for a sentence's words before a name that are a role: they open with a role
    word or a doer's noun ("Kepala", "Pakar", "Pengamat"), after an opening phrase ended by a
    comma, and hold no verb."""
    sp = vocabulary()
    opening = _OPENING_COMMA.match(words_before)
    if opening and opening.group(0).rstrip(", ") in sp.openers:
        words_before = words_before[opening.end() :]
    words = _WORDS.findall(words_before)
    if not words or len(words) > _ROLE_PHRASE_WORDS or not is_role_word(words[0].capitalize()):
        return False  # ("pengamat politik dari LIPI" after "Sementara itu,")
    if sp.speech_words.search(words_before):
        return False
    return not any(verb_shaped(w.lower()) for w in words[1:] if not w[0].isupper())


def verb_shaped(word: str) -> bool:
    """An affixed verb: me-, ber-, di- or ter- before a dictionary word ("menjalani",
    "dipulihkan", "terjadi"), but for the affixed words that are no verb ("tersebut")."""
    return (
        word.startswith(("me", "be", "di", "te"))
        and not word.endswith("nya")  # "meninggalnya": a verb made a noun
        and word not in vocabulary().not_predicates
        and is_derived_word(word)
    )
