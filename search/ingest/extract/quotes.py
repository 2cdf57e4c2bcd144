"""Who said what: the quotations in an article's body and the person who said each.

Direct quotes ('"...," kata X', '“...,” ujarnya', 'Menurut X, "..."', 'X mengatakan, "..."')
and reported speech ('X mengatakan bahwa ...', '..., ujar X', 'Menurut X, ...') are found
paragraph by paragraph; the words that attribute speech live in `search/data/speech.toml`.

A speaker is a person, named by the fullest form the article writes ("kata Wiyagus" after
"Wamendagri Akhmad Wiyagus" is Akhmad Wiyagus), without ranks and honorifics. A pronoun
("ujarnya", "kata dia", "Menurutnya") is the last speaker named, or the person a sentence
started with since; a role alone ("kata Mendagri") is the official the article names in that
role, else the gazetteer's holder of it on the article's date. Institutions ("kata Polri") and
unnamed sources ("ujar seorang warga") are no speakers: their quotes are left out.

A quote with no attribution of its own is its paragraph's earlier speaker's, or, opening a
paragraph right after a quoted one, that paragraph's speaker's (a quote carried on).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from search.ingest.extract.officials import gazetteer, is_common_word, is_derived_word
from search.ingest.extract.person_names import not_names
from search.lexicon import load_toml, places
from search.model import Official, Quote
from search.text.analyzer import analyze
from search.text.glossary import find_long_forms

_CLOSING = {
    "“": re.compile('[”"]'),
    '"': re.compile('["”]'),
    "„": re.compile("[“”]"),
    "«": re.compile("»"),
    "”": re.compile('[”"]'),
}
_OPENING = re.compile(r"[\"“„«”]")
_WORDS = re.compile(r"[\w'’.-]+")
_LINE = re.compile(r"[^\n]+")
_LOWER_WORD_END = re.compile(r"\b([a-z]+)$")
# The rest of a longer word and the capitalised words after it: "anto Kuswinarno" after "Ardi".
_LONGER_WORD = re.compile(r"[a-z]+(?: [A-Z][\w'’-]+){0,3}")
_MENURUTNYA_END = re.compile(r"\bMenurutnya\s*,?\s*$", re.I)
_PREP_SPEAKER_END = re.compile(r"(?:^|[\s,])(?P<prep>\w+)\s+(?P<who>[^,.!?\"“”]{1,80}?)\s*[,:]\s*$")
_THAT = re.compile(r"(?:\s+(?:bahwa|kalau|jika))?\s*[,:]?\s*")
_ATTRIBUTION_TAIL = re.compile(r"(?:\s+[a-z][\w/-]*|\s*\([^()]*\)|\s+[A-Z]\w*|\s*,)*\s*[.!?]*\s*")
_OPENING_PHRASE = re.compile(r"\s*(?:[A-Z]\w+(?: itu)?,\s*)?")
# A name, a comma and a lower-case description of the person before a verb.
_APPOSITION = re.compile(
    r"(?:^|[.!?,]\s+)(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s+"
    r"(?:seorang|salah\s+satu|sang|selaku|yang)\b[^,.;:!?\"“”]{0,80},\s*$"
)
_ANAPHORA = re.compile(r"\s+(?:ini|itu|tersebut)\b")
_DESCRIPTION_END = re.compile(r"[^,.;:!?\"“”()]{0,80}?\b(?:ini|itu|tersebut)\b")
# A word ends at a full stop ("Rahmat.Dia menambahkan": a lost space after a sentence).
_TOKEN = re.compile(r"\s*(?:(?P<word>[\w'’-]+\.?)|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))")
_WORD_BACK = re.compile(r"(?:(?P<word>[\w'’-]+\.?)|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))\s*$")
# A sentence ends at . ! ? before a space and a capital, a quote or the end.
_SENTENCE_END = re.compile(r"[.!?]+,?(?=\s+[A-Z\"“(]|\s*$)|\.(?=[A-Z][a-z])")
MIN_REPORTED_WORDS = 3
# How far back a word (_BACK) or a sentence's start (_SENTENCE_SPAN) is looked for: searches
# anchored at a place, not run from the paragraph's start each time.
_BACK = 80
_SENTENCE_SPAN = 400
MAX_QUOTE_CHARS = 3000


@dataclass(frozen=True)
class _Speech:
    after: frozenset[str]
    after_pattern: re.Pattern[str]  # '," kata', '," ujarnya' after a closing quote
    before_pattern: re.Pattern[str]  # 'mengatakan, ', 'mengatakan bahwa ' before the speech
    before_any: re.Pattern[str]  # a verb written before the speech, anywhere
    postposed: re.Pattern[str]  # ', ujar' / ', ujarnya' in a sentence
    pronoun_before: re.Pattern[str]  # 'ujarnya, ' right before a quotation
    speech_words: re.Pattern[str]  # anything that may attribute speech in a paragraph
    described_before: re.Pattern[str]  # "Pemain naturalisasi itu" opening a sentence
    according_start: re.Pattern[str]  # "Menurut X, ...", "Dijelaskan X, ..." opening one
    name_verb: re.Pattern[str]  # '" Yati kembali mempertegas.' after a closing mark
    between: frozenset[str]
    openers: frozenset[str]  # words opening a sentence before its subject: "Lebih jauh"
    described: frozenset[str]  # words opening a description of someone: "pria yang ... itu"
    according: frozenset[str]
    pronouns: frozenset[str]
    role_words: frozenset[str]  # words of a person's role: heads, ranks of office
    qualifiers: frozenset[str]  # what a role is of: portfolios, agencies, places
    name_enders: frozenset[str]
    institutions: frozenset[str]
    unnamed: frozenset[str]
    publishers: frozenset[str]  # "OKEZONE", "KOMPAS": a publisher says nothing itself
    role_aliases: dict[str, str]  # "Kepala Negara" -> "Presiden"
    titles: frozenset[str]
    not_names: frozenset[str]


@cache
def _speech() -> _Speech:
    data = load_toml("speech.toml")
    roles = load_toml("roles.toml")
    after = sorted(data["after"], key=len, reverse=True)
    before = sorted(data["before"], key=len, reverse=True)
    verbs = "|".join(after)
    role_words = set(data["role_words"])
    for head in roles["heads"]:
        role_words.update(head.split())
    qualifiers = set(roles["qualifiers"]) | set(roles.get("private_bodies", []))
    for place in places():
        qualifiers.update(place.split())
    before_verbs = "|".join(before)
    return _Speech(
        after=frozenset(after),
        after_pattern=re.compile(rf"\s*[,.]?\s*(?P<verb>{verbs})(?P<nya>nya)?\b"),
        before_pattern=re.compile(
            rf"\b(?P<verb>{before_verbs})(?:\s+(?:bahwa|kalau|jika))?\s*[,:]?\s*$"
        ),
        before_any=re.compile(rf"\b(?:{before_verbs})\b"),
        # "..., ujar X." and "Sementara itu, menurut Dipo, mobil listrik ...".
        postposed=re.compile(rf",\s*(?P<verb>{verbs}|menurut)(?P<nya>nya)?\b"),
        pronoun_before=re.compile(rf"\b(?:{verbs})nya\s*,\s*$"),
        speech_words=re.compile(
            rf"[\"“”]|\b(?:{verbs}|{before_verbs}|menurut|{'|'.join(data['according'])})"
        ),
        according_start=re.compile(
            r"\s*(?:(?:Namun|Sementara itu|Selain itu|Sedangkan),\s*)?"
            rf"(?P<prep>{'|'.join(data['according'])})(?P<nya>nya)?\b"
        ),
        described_before=re.compile(
            rf"(?:^|[.!?]\s+|,\s*)(?:{'|'.join(data['described'])})\b[^,.;:!?\"“”]{{0,60}}"
            r"\b(?:itu|ini|tersebut)\s*$"
        ),
        name_verb=re.compile(
            r"\s*[,.]?\s*(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})\s+"
            rf"(?:(?:{'|'.join(data['between'])})\s+)*(?:{before_verbs}|mempertegas)\s*[.,]"
        ),
        between=frozenset(data["between"]),
        openers=frozenset(data["openers"]),
        described=frozenset(data["described"]),
        according=frozenset(data["according"]),
        pronouns=frozenset(data["pronouns"]),
        role_words=frozenset(role_words),
        qualifiers=frozenset(qualifiers - role_words),
        name_enders=frozenset(data["name_enders"]),
        institutions=frozenset(data["institutions"]),
        unnamed=frozenset(data["unnamed"]),
        publishers=frozenset(load_toml("sources.toml").get("publishers", {})),
        role_aliases=dict(data.get("role_aliases", {})),
        titles=frozenset(t.rstrip(".") for t in [*roles["titles"], *data["honorifics"]]),
        not_names=not_names(),
    )


# -- who: a speaker phrase as written ------------------------------------------------------


@dataclass(frozen=True)
class _Said:
    """A speaker as the text gives them: `name` words and `role` words ("kata Kepala BNPB
    Doni Monardo"), a pronoun ("ujarnya"), or nothing to go on (`inherit`: a quote with no
    attribution of its own). `none`: an institution or an unnamed source."""

    name: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    pronoun: bool = False
    inherit: bool = False
    none: bool = False
    weak: bool = False  # a name that may be a place's ("Bima"): only a person named in full


_PRONOUN = _Said(pronoun=True)
_INHERIT = _Said(inherit=True)
_NOBODY = _Said(none=True)


def _is_name_word(word: str) -> bool:
    sp = _speech()
    bare = word.rstrip(".")
    if not bare or not bare[0].isupper() or bare in sp.titles:
        return False
    if len(bare) == 1:
        return True  # an initial: "M. Hendra"
    if bare.isupper():
        return False  # an acronym: KPK, BNPB, PP
    return (
        bare not in sp.role_words
        and bare.upper() not in sp.publishers
        and bare not in sp.qualifiers
        and bare not in sp.titles
        and bare not in sp.not_names
        and bare not in sp.institutions
        and bare not in sp.name_enders
        and bare not in sp.according
        and bare.lower() not in sp.after
        and not (len(bare) > 6 and is_derived_word(bare))
    )


def _is_role_word(word: str) -> bool:
    """A word of a person's role: a head ('Kapolres'), a role word, or a noun of a doer
    ('Pembalap', 'Pengamat')."""
    return word in _speech().role_words or (len(word) > 6 and is_derived_word(word))


def _bounds_name(word: str) -> bool:
    """True for a word a name may follow directly: a role, a rank or title, a qualifier."""
    sp = _speech()
    bare = word.rstrip(".")
    return bare in sp.role_words or bare in sp.titles or bare in sp.qualifiers


def _speaker(words: list[str]) -> _Said:
    """A speaker phrase (its words in order, commas dropped) as name and role words."""
    sp = _speech()
    while words and words[0] == ",":
        words = words[1:]
    while words and words[-1] == ",":
        words = words[:-1]
    if not words:
        return _NOBODY
    first = words[0].rstrip(".")
    if not first[:1].isalpha():
        return _NOBODY  # "kata ...", "ujar -"
    if first in sp.pronouns or first == "ia":
        return _PRONOUN if len(words) == 1 else _NOBODY
    if not first[0].isupper() or first in sp.unnamed:
        return _NOBODY
    if "," in words:
        # "Kasubag Humas Polres Anambas, Ipda Zulmi": the role, a comma, the name (the last
        # part with a name); "Zulmi, Kasubag Humas": the name, then the role.
        cuts = [i for i, w in enumerate(words) if w == ","]
        for cut in reversed(cuts):
            named = _speaker(words[cut + 1 :])
            if named.name and not named.weak:
                role = [
                    w for w in words[:cut] if w not in (",",) and w.rstrip(".") not in sp.titles
                ]
                return _Said(named.name, (*role, *named.role))
        first = _speaker(words[: cuts[0]])
        if first.name and not first.weak:
            return first
        words = [w for w in words if w != ","]
        if not words:
            return _NOBODY
    words = [w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in words]
    name: list[str] = []
    for word in reversed(words):
        if not _is_name_word(word):
            break
        name.insert(0, word)
    role = []
    for i, word in enumerate(words[: len(words) - len(name)]):
        ranked = i and words[i - 1].rstrip(".") in sp.titles
        if word.rstrip(".") not in sp.titles and not (ranked and word in ("Polisi", "TNI")):
            role.append(word)  # "Brigjen Polisi Dedi Prasetyo": a rank and its force
    if (
        len(name) == 1
        and len(role) == 1
        and not any(w in sp.role_words or w in sp.institutions for w in role)
    ):
        # "Bima Sakti": a place's name is a person's when no role comes before it (but
        # "Sumsel Lesty Nurainy" is a province before a name).
        name, role = role + name, []
    if len(name) >= 3 and role and role[-1].isupper():
        # "Ketua Umum PP Muhammadiyah Haedar Nashir": the organisation's name goes on past
        # its acronym.
        role, name = [*role, name[0]], name[1:]
    if name and all(len(w.rstrip(".")) == 1 for w in name):
        name = []  # initials alone
    if len(name) == 1 and role and is_common_word(name[0]):
        role, name = [*role, *name], []  # "Koordinator Advokasi": still the role
    if not any(_is_role_word(w) for w in role) and (
        not name or (role and role[0] in sp.institutions)
    ):
        if not name and role and not any(_is_institution(w) for w in role):
            # "kata Bima": a place's name; a person only if the article names one so.
            return _Said(tuple(role), weak=True)
        return _NOBODY  # "kata Polda Metro Jaya", "ujar Partai Gerindra": an institution
    return _Said(tuple(name), tuple(role))


def _is_institution(word: str) -> bool:
    sp = _speech()
    return word in sp.institutions or word.isupper() or not word[:1].isupper()


def _words_after(text: str, pos: int) -> tuple[list[str], int]:
    """The speaker phrase after a verb at `pos`, and where it ends: capitalised words (ranks,
    initials, a role with its commas and "dan"), up to a lower-case word or punctuation."""
    sp = _speech()
    words: list[str] = []
    end = pos
    while len(words) < 16:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        if m.group("paren"):
            pos = m.end()  # "Wakil Menteri Dalam Negeri (Wamendagri) ..."
            continue
        nxt = _TOKEN.match(text, m.end())
        upper_next = bool(nxt and nxt.group("word") and nxt.group("word")[0].isupper())
        word = m.group("word")
        in_role = (m.group("comma") or word in ("dan", "&")) and any(
            _is_role_word(w) for w in words
        )
        if m.group("comma"):
            # "kata Kasubag Humas Polres Anambas, Ipda Zulmi": a name after the role;
            # "kata Kepala Badan Meteorologi, Klimatologi dan Geofisika, Edison Kurniawan".
            said = _speaker(words) if words and upper_next else None
            if said is not None and (not said.name or said.weak or in_role):
                words.append(",")
                pos = m.end()
                continue
            break
        if not words and word in sp.pronouns:
            return [word], m.end()
        if word in ("dan", "&") and in_role and upper_next:
            words.append(word)  # "Dirjen Peternakan dan Kesehatan Hewan"
            pos = m.end()
            continue
        if not word[0].isupper():
            if not words:
                words.append(word)  # "kata seorang warga": an unnamed source
                end = m.end()
            break
        if word.rstrip(".") in sp.name_enders:
            break
        words.append(word)
        pos = end = m.end()
        if word.endswith(".") and len(word) > 2 and word.rstrip(".") not in sp.titles:
            break  # the sentence ends with the name
    while words and words[-1] in (",", "dan", "&"):
        words.pop()
    return words, end


def _words_before(text: str, end: int) -> tuple[list[str], int]:
    """The speaker phrase ending at `end` (before a verb), and where it starts: capitalised
    words, with words such as "juga" between it and the verb skipped."""
    sp = _speech()
    words: list[str] = []
    pos = end
    skipping = True
    while len(words) < 12:
        m = _WORD_BACK.search(text, max(0, pos - _BACK), pos)
        if m is None:
            break
        if m.group("paren"):
            pos = m.start()
            continue
        if m.group("comma"):
            # "Kasubag Humas Polres Anambas, Ipda Zulmi mengatakan": a role before the name;
            # "Ilija Spasojevic, mengatakan": a comma before the verb.
            back = _WORD_BACK.search(text, max(0, m.start() - _BACK), m.start())
            if words and back and back.group("word") and _role_before_comma(text, m.start()):
                words.insert(0, ",")
                pos = m.start()
                continue
            if not words and skipping and back and back.group("word"):
                pos = m.start()
                continue
            break
        word = m.group("word")
        if skipping and word in sp.between:
            pos = m.start()
            continue
        skipping = False
        if word in sp.pronouns and not words:
            return [word], m.start()
        if word == "dan" and words:
            back = _WORD_BACK.search(text, max(0, m.start() - _BACK), m.start())
            capital = back and back.group("word") and back.group("word")[0].isupper()
            if capital and not _is_name_word(words[0]):
                # "Kepala Dinas Lingkungan Hidup dan Pertanahan ..." (not "Channing dan Jenna")
                words.insert(0, word)
                pos = m.start()
                continue
        if words and not word[0].isupper() and _is_role_word(word.capitalize()):
            words.insert(0, word.capitalize())  # "presiden Qualcomm Cristiano Amon"
            pos = m.start()
            continue
        if not word[0].isupper() or word.endswith("."):
            break
        words.insert(0, word)
        pos = m.start()
    if not words:
        # "Dipo Dwiki, seorang drifter profesional, mengatakan": a name, then who they are.
        apposed = _APPOSITION.search(text, 0, end)
        if apposed is not None:
            return apposed.group("name").split(), apposed.start("name")
    return words, pos


def _role_before_comma(text: str, comma: int) -> bool:
    """True when the capitalised words before a comma are a role: 'Kasubag Humas Polres
    Anambas, Ipda Zulmi'."""
    sp = _speech()
    words = _WORDS.findall(text, max(0, comma - 80), comma)
    run: list[str] = []
    for word in reversed(words):
        if not word[0].isupper():
            break
        run.insert(0, word)
    return bool(run) and run[0] in sp.role_words


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts."""
    start = max(0, pos - _SENTENCE_SPAN)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    while start < pos and text[start] in ' \t"“”':
        start += 1
    return start


def _leads_sentence(text: str, start: int) -> bool:
    """True when the words before `start` in its sentence leave it the subject: nothing,
    or an opening phrase ended by a comma ("Sementara itu, ")."""
    before = text[_sentence_start(text, start) : start].strip()
    return not before or before.endswith(",") or before in _speech().openers


# -- what: quotes and reported speech in a paragraph ------------------------------------------


@dataclass
class _Found:
    start: int  # into the body
    end: int
    said: _Said
    paragraph: int
    direct: bool
    closed: bool = True  # a quotation whose closing mark is in its paragraph
    carried: bool = False  # one that a paragraph opens by closing ('" terangnya.')
    opens: bool = False  # a quotation that opens its paragraph


def _quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """(opening mark, closing mark or the paragraph's end, closed) of each quotation. A
    paragraph opening with a closing mark and an attribution ('" terangnya.') ends a
    quotation begun in the paragraph before: its opening is -1. A quotation still open when
    another opens (“... “...”) ends there."""
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    first = _OPENING.search(text)
    if first is not None and _speech().after_pattern.match(text, first.end()):
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


def _attribution_after(text: str, pos: int) -> _Said | None:
    """'," kata Wiyagus', '," ujarnya', '," kata seorang warga' right after a closing mark;
    'kata politikus Golkar ini' (a description of someone named before) as a pronoun."""
    m = _speech().after_pattern.match(text, pos)
    if m is None:
        named = _speech().name_verb.match(text, pos)  # '," Yati kembali mempertegas.'
        return _speaker(named.group("who").split()) if named else None
    if m.group("nya"):
        return _PRONOUN
    words, end = _words_after(text, m.end())
    if words and _ANAPHORA.match(text, end):
        return _PRONOUN
    if words and words[0] in _speech().described and _DESCRIPTION_END.match(text, m.end()):
        return _PRONOUN  # "ungkap pria yang akrab disapa Bamsoet itu"
    return _speaker(words)


def _attribution_before(text: str, pos: int) -> _Said | None:
    """'Menurut X, ', 'X mengatakan, ', 'Ia menambahkan: ', 'kata X, ' right before an
    opening mark (in the same sentence)."""
    sp = _speech()
    head = text[max(0, pos - 200) : pos]
    if _MENURUTNYA_END.search(head):
        return _PRONOUN
    verb = sp.before_pattern.search(head)
    if verb is not None:
        words, start = _words_before(head, verb.start())
        if words and _leads_sentence(head, start):
            return _speaker(words)
        if not words and sp.described_before.search(head, 0, verb.start()):
            return _PRONOUN  # "Pemain naturalisasi itu melanjutkan, ..."
        return None
    m = _PREP_SPEAKER_END.search(head)
    if m and (m.group("prep") in sp.according or m.group("prep") in sp.after):
        if m.group("prep") in sp.according and not _leads_sentence(head, m.start("prep")):
            return None
        return _speaker(_words_after(m.group("who") + ".", 0)[0])
    m = sp.pronoun_before.search(head)
    return _PRONOUN if m else None


def _direct(text: str, offset: int, index: int) -> tuple[list[_Found], list[tuple[int, int]]]:
    """The quotations of one paragraph with their attributions, and the marks' spans."""
    found: list[_Found] = []
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
                found.append(_Found(offset, offset, said, index, True, True, True))
            continue
        if end - start < 2 or end - start > MAX_QUOTE_CHARS:
            continue
        if not closed and len(text[start:end].split()) < MIN_REPORTED_WORDS:
            continue
        said = _attribution_after(text, closing + 1) if closed else None
        if said is None and opening >= 0:
            said = _attribution_before(text, opening)
        if said is None:
            if closed and _scare_quote(text, opening, closing):
                continue
            said = _INHERIT
        found.append(
            _Found(
                offset + start, offset + end, said, index, True, closed, opening < 0, opening <= 0
            )
        )
    return found, [(o, c + 1) for o, c, _ in spans]


def _scare_quote(text: str, opening: int, closing: int) -> bool:
    """A few words quoted inside a sentence ('istilah "dynamic governance" itu'): a term,
    not a quotation."""
    inner = text[opening + 1 : closing]
    before = text[:opening].rstrip()
    inside_sentence = bool(before) and not before.endswith((".", ":", "!", "?"))
    ended = inner.rstrip().endswith((".", ",", "!", "?"))
    return inside_sentence and (len(inner.split()) <= 6 or not ended)


def _reported(text: str, offset: int, index: int, marks: list[tuple[int, int]]) -> list[_Found]:
    """Reported speech in the sentences of a paragraph that hold no quotation marks."""
    found: list[_Found] = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.end() if m else len(text)
        # A sentence going on into a quotation: what it reports before the first mark
        # ("Mantan Wali Kota Solo itu mengatakan saat ini ..., “...”").
        clip = min((o for o, _ in marks if start <= o < end), default=end)
        speech = _speech().speech_words.search(text, start, clip) is not None
        if speech and clip > start and not any(o < clip and start < c for o, c in marks):
            item = _reported_sentence(text, start, clip)
            if item is not None:
                s, e, said = item
                found.append(_Found(offset + s, offset + e, said, index, False))
        start = end
    return found


def _reported_sentence(text: str, start: int, end: int) -> tuple[int, int, _Said] | None:
    """(start, end, speaker) of what a sentence reports, if it reports speech."""
    sp = _speech()
    sentence = text[start:end]
    lead = len(sentence) - len(sentence.lstrip())
    # "..., ujar X." / "..., ujarnya." / "Pada tingkat daerah, kata Wiyagus, penerapan ...":
    # the sentence without the attribution is what was said (infixed, the whole sentence).
    for m in sp.postposed.finditer(sentence):
        if m.group("nya"):
            said, after = _PRONOUN, m.end()
        else:
            words, after = _words_after(sentence, m.end())
            said = _speaker(words)
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
            said, rest_at = _PRONOUN, m.end()
        else:
            said = _speaker(_words_after(sentence, m.end())[0])
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
        words, at = _words_before(sentence, m.start())
        if not words and sp.described_before.search(sentence, 0, m.start()):
            words = ["ia"]  # "Pemain naturalisasi itu menambahkan, ..." names the last one
        elif not words or not _leads_sentence(sentence, at):
            continue
        rest = _THAT.match(sentence[m.end() :])
        clause_start = m.end() + (rest.end() if rest else 0)
        return _clause(text, start + clause_start, end, _speaker(words))
    return None


def _attribution_ends(rest: str) -> bool:
    """True when what follows a postposed speaker ends the attribution: the sentence's end
    (after words such as 'kepada wartawan' or a date), or a comma before the rest of an
    infixed one."""
    if rest.lstrip().startswith(","):
        return True
    return bool(_ATTRIBUTION_TAIL.fullmatch(rest))


def _clause(text: str, start: int, end: int, said: _Said) -> tuple[int, int, _Said] | None:
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    words = text[start:end].split()
    if len(words) < MIN_REPORTED_WORDS or words[0].lower() in ("agar", "supaya", "untuk"):
        return None  # "mengingatkan agar ...": a request, not a statement
    return start, end, said


# -- resolving speakers to people --------------------------------------------------------------


_JOINED = re.compile(r"[\w'’-]")
_RUN_BEFORE = re.compile(r"((?:(?:[A-Z][\w'’-]*|[A-Z]\.)[ \t]+)+)$")
_RUN_AFTER = re.compile(
    r"((?:[ \t]+(?:[A-Z][\w'’-]*|bin[ \t]+[A-Z][\w'’-]*|binti[ \t]+[A-Z][\w'’-]*))+)"
)


class _People:
    """The people an article names, to give a speaker their fullest name."""

    def __init__(
        self, body: str, officials: list[Official], span: tuple[int, int] | None, title: str = ""
    ):
        self.body = body
        self.names_text = f"{title}\n{body}" if title else body  # where full names are read
        self.title_end = len(title)  # a title capitalises every word: only names there
        self.officials = officials
        self.span = span
        self.known: list[str] = [o.name for o in officials]
        self.roles: dict[str, str] = {}  # a person's role as an attribution gives it

    def full_name(self, name: tuple[str, ...]) -> str | None:
        """The fullest name the article writes that holds `name` ('Wiyagus' -> 'Akhmad
        Wiyagus'; 'Jokowi' -> 'Joko Widodo' when the article names him)."""
        name = tuple(self.trimmed(list(name)))
        written = " ".join(name)
        gaz = gazetteer()
        canonical = gaz.by_alias.get(written.lower(), (None, ""))[0]
        if canonical and canonical in self.names_text:
            # "Jokowi" is Joko Widodo where the article writes that name (or a fuller one)
            name, written = tuple(canonical.split()), canonical
        best = written
        if len(name) == 1 and len(written) >= 4:
            # "Gusmi" for "Gusmiadirrahman", "Ardi" for "Ardianto Kuswinarno": a short form of
            # one person's name.
            longer = {
                k for k in self.known for w in k.split() if w != written and w.startswith(written)
            }
            text = self.names_text
            at = text.find(written)
            while at >= 0:
                m = _LONGER_WORD.match(text, at + len(written))
                if m and not (at and _JOINED.match(text, at - 1)):
                    words = (written + m.group(0)).split()
                    while words and not _is_name_word(words[-1]):
                        words.pop()
                    if words and all(_is_name_word(w) for w in words):
                        longer.add(" ".join(words))
                at = text.find(written, at + 1)
            longer = {n for n in longer if not any(n != o and n in o for o in longer)}
            if len(longer) == 1:
                return longer.pop()
        forms = [*self.known, *self._written_forms(name)]
        if len(name) > 1:
            forms += self._written_forms(name[:1])  # "Rini Marini Soemarno" for "Rini Soemarno"
        for full in forms:
            words = full.split()
            if len(words) > len(best.split()) and _holds(words, list(name)):
                best = full
        return best

    def _written_forms(self, name: tuple[str, ...]) -> Iterator[str]:
        """Longer names the body writes around `name`: 'Akhmad Wiyagus' around 'Wiyagus'."""
        body, written = self.names_text, " ".join(name)
        at = body.find(written)
        while at >= 0:
            end = at + len(written)
            if not (_JOINED.match(body, at - 1) if at else False) and not _JOINED.match(body, end):
                words = list(name)
                left = _RUN_BEFORE.search(body, max(0, at - 60), at)
                if left:
                    before = left.group(1).split()
                    taken = 0
                    while taken < len(before) and (
                        self._name_word(before[-1 - taken], at)
                        or (  # "Mardani H Maming": an initial between names
                            len(before[-1 - taken].rstrip(".")) == 1
                            and taken + 1 < len(before)
                            and self._name_word(before[-2 - taken], at)
                        )
                    ):
                        taken += 1
                    # Only up to a role, a title or the run's start: "Umum PP Muhammdiyah
                    # Syafii" is an organisation before the name.
                    if taken and (taken == len(before) or _bounds_name(before[-1 - taken])):
                        words[:0] = before[len(before) - taken :]
                right = _RUN_AFTER.match(body, end)
                if right:
                    for word in right.group(1).split():
                        if not self._name_word(word, at) and word not in ("bin", "binti"):
                            break
                        words.append(word)  # "Usman bin Yahya"
                words = self.trimmed(words, stop=name[0])
                if len(name) < len(words) <= 5:
                    yield " ".join(words)
            at = body.find(written, end)

    def _name_word(self, word: str, at: int) -> bool:
        """A word of a name, at `at` in the names text: in the title, not a common word
        ("Sissy Prescillia Hemat Belanja")."""
        return _is_name_word(word) and not (at < self.title_end and is_common_word(word))

    def by_role(self, role: tuple[str, ...]) -> Official | None:
        """The official the article names in `role` ("Mendagri"), else the gazetteer's
        holder of it on the article's date."""
        written = " ".join(role)
        key = _role_key(_speech().role_aliases.get(written, written))
        if not key:
            return None
        named = [o for o in self.officials if o.role and _role_key(o.role) == key]
        if not named:
            named = [
                o for o in self.officials if o.role and _role_key(o.role).startswith(key + " ")
            ]
        if len({o.name for o in named}) == 1:
            return named[0]
        if named or self.span is None:
            return None
        holders = {
            canonical
            for canonical, terms in gazetteer().terms.items()
            for held, first, last in terms
            if _role_key(held) == key and first <= self.span[0] and self.span[1] <= last
        }
        if len(holders) == 1:
            name = holders.pop()
            return Official(name, " ".join(role))
        return None

    def role_of(self, name: str) -> str:
        """The role the article gives a person: as an official, else in an attribution."""
        for official in self.officials:
            if official.name == name and official.role:
                return _without_titles(official.role)
        return self.roles.get(name, "")

    def trimmed(self, words: list[str], stop: str = "") -> list[str]:
        """A name without the leading words (up to `stop`) the body also writes alone inside
        a sentence: 'Telkomsel' of 'Telkomsel Emma Sri Martini' after 'Operator seluler
        Telkomsel akan ...' (a company before the name)."""
        while (
            len(words) > 2  # a name of two words is kept whole: "Bima Sakti"
            and words[0] != stop
            and len(words[1].rstrip(".")) > 1  # not down to an initial: "H Maming"
            and self._stands_alone(words[0], words[1])
        ):
            words = words[1:]
        return words

    def _stands_alone(self, word: str, following: str) -> bool:
        body, after = self.body, _speech().after
        at = body.find(" " + word)
        while at >= 0:
            end = at + 1 + len(word)
            if not _JOINED.match(body, end):
                before = _LOWER_WORD_END.search(body, max(0, at - 30), at)
                alone = not body.startswith(" " + following, end)
                if before and before.group(1) not in after and alone:
                    return True
            at = body.find(" " + word, end)
        return False


def _holds(words: list[str], part: list[str]) -> bool:
    """True if `part` is `words` in a row, or (two words or more) `words` with some left out
    between its first and its last: 'Toni Pontoh' of 'Toni Ismail Pontoh'."""
    n = len(part)
    if any(words[i : i + n] == part for i in range(len(words) - n + 1)):
        return True
    if n < 2 or part[0] not in words or part[-1] not in words:
        return False
    rest = iter(words[words.index(part[0]) :])
    return all(w in rest for w in part) and words.index(part[-1]) > words.index(part[0])


@cache
def _role_key(role: str) -> str:
    """A role's words with long forms written as their acronyms: 'Menteri Dalam Negeri' and
    'Mendagri' are one role."""
    words = analyze(role, stem=False)
    out: list[str] = []
    i = 0
    for start, stop, acronym in find_long_forms(words):
        out += [*words[i:start], acronym]
        i = stop
    return " ".join(out + words[i:])


# -- the whole article -------------------------------------------------------------------------


def find_quotes(
    body: str,
    officials: list[Official] | None = None,
    span: tuple[int, int] | None = None,
    title: str = "",
) -> list[Quote]:
    """Who said what in `body`: each quotation or reported statement whose speaker is a
    person, in order, with offsets into `body`. `officials` are the article's (for full
    names and roles), `span` its first and last possible day (YYYYMMDD, for roles), `title`
    its title (a full name may be written only there)."""
    people = _People(body, officials or [], span, title)
    found: list[_Found] = []
    starts: list[int] = []  # each paragraph's offset
    subjects: list[tuple[int, _Said]] = []
    paragraphs: list[tuple[str, int, list[tuple[int, int]]]] = []
    for index, m in enumerate(_LINE.finditer(body)):
        text, offset = m.group(0), m.start()
        starts.append(offset)
        if not _may_hold_speech(text):
            paragraphs.append((text, offset, []))
            continue
        direct, marks = _direct(text, offset, index)
        last = next((f for f in reversed(found) if f.direct), None)
        # '" terangnya.' closes the last paragraph's open quotation: its speaker too, and
        # what it closes is that quotation's end, not a quotation of its own.
        carried = direct and direct[0].carried and last is not None
        if carried and last.paragraph == index - 1 and not last.closed:
            if last.said.inherit:
                last.said = direct[0].said
            direct = direct[1:]
        found += [f for f in direct if f.end > f.start]
        found += _reported(text, offset, index, marks)
        paragraphs.append((text, offset, marks))
    needing = [f.start for f in found if f.said.pronoun or f.said.inherit]
    if needing:
        # Who "ujarnya" may mean: read only when some quote needs it, up to the last one.
        for text, offset, marks in paragraphs:
            if offset > max(needing):
                break
            subjects += _subjects(text, offset, marks)
    found.sort(key=lambda f: f.start)
    return _resolve(found, subjects, people, starts)


def _may_hold_speech(text: str) -> bool:
    return _speech().speech_words.search(text) is not None


def _subjects(text: str, offset: int, marks: list[tuple[int, int]]) -> Iterator[tuple[int, _Said]]:
    """Capitalised words that open a sentence outside the quotations: a person a following
    'ujarnya' may mean ("Hudori juga menekankan, ...")."""
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.end() if m else len(text)
        lead = _OPENING_PHRASE.match(text, start, end)
        at = lead.end() if lead else start
        if not any(o <= at < c for o, c in marks):
            words = _words_after(text, at)[0]
            said = _speaker(words) if words and words[0][0].isupper() else _NOBODY
            if said.name or said.pronoun:  # "Hudori juga menekankan", "Ia menilai"
                yield offset + at, said
        start = end


def _resolve(
    found: list[_Found],
    subjects: list[tuple[int, _Said]],
    people: _People,
    starts: list[int],
) -> list[Quote]:
    """Speakers for the quotes, in order: names to full names, pronouns to the last person
    named, roles to their holders; quotes with no person left out."""
    quotes: list[Quote] = []
    named: dict[_Said, tuple[str, str] | None] = {}

    def person(said: _Said) -> tuple[str, str] | None:
        if said not in named:
            named[said] = _person(said, people)
            if named[said] is not None and named[said][0] not in people.known:
                people.known.append(named[said][0])
        return named[said]

    def subject_between(start: int, end: int) -> tuple[str, str] | None:
        """The last person a sentence opened with between two places: one the article
        names elsewhere, or one given a role there ("Wali Kota Bogor Dedie Rachim menyambut
        ..."; "Jalan Sudirman ditutup" names nobody)."""
        for at, subject in reversed(subjects):
            if at >= end:
                continue
            if at <= start:
                return None
            if subject.pronoun:
                return last
            full = people.full_name(subject.name)
            if full and (full not in people.known and not subject.role):
                continue
            if full is None or subject.weak:
                return None  # someone the article does not name in full: not the last one
            if full and (full in people.known or subject.role):
                return full, people.role_of(full) or _without_titles(" ".join(subject.role))
        return None

    for f in found:
        if f.said.name or f.said.role:
            person(f.said)
    last: tuple[str, str] | None = None
    last_at = -1
    by_paragraph: dict[int, tuple[str, str]] = {}
    for f in found:
        said = f.said
        who: tuple[str, str] | None
        if said.none:
            continue
        if said.pronoun:
            who = subject_between(last_at, f.start) or last
        elif said.inherit:
            who = by_paragraph.get(f.paragraph)
            if who is None and f.opens:
                who = by_paragraph.get(f.paragraph - 1)
            elif who is None:
                # "Lucius miris ... Ia pun menilai ... “Di situ ...”": the person the
                # paragraph is about before the quotation.
                who = subject_between(starts[f.paragraph] - 1, f.start)
        else:
            who = person(said)
        if who is None:
            continue
        last, last_at = who, f.start
        by_paragraph[f.paragraph] = who
        quotes.append(Quote(who[0], who[1], people.body[f.start : f.end], f.start, f.end))
    return _without_overlaps(quotes)


def _without_titles(role: str) -> str:
    titles = _speech().titles
    return " ".join(w for w in role.split() if w.rstrip(".") not in titles)


def _person(said: _Said, people: _People) -> tuple[str, str] | None:
    role = _without_titles(" ".join(said.role))
    if said.name:
        full = people.full_name(said.name)
        if full is None or (said.weak and full not in people.known):
            return None
        if role and full not in people.roles:
            people.roles[full] = role
        return full, people.role_of(full) or role
    official = people.by_role(said.role)
    return (official.name, official.role) if official else None


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept
