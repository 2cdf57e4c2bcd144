"""Who, as written: the speaker phrase before or after a speech word ("kata Kasubag Humas
Polres Anambas Ipda Zulmi", "Menurut Lucius Karus", "Ia menambahkan") read as the words of a
name and of a role, a pronoun, or nobody (an institution, an unnamed source); and whether such
a phrase is its sentence's subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.ingest.extract.officials import is_common_word, is_derived_word
from search.ingest.extract.quotes.vocabulary import vocabulary

_WORDS = re.compile(r"[\w'’.-]+")
# A name, a comma and a lower-case description of the person before a verb.
_APPOSITION = re.compile(
    r"(?:^|[.!?,]\s+)(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s+"
    r"(?:seorang|salah\s+satu|sang|selaku|yang)\b[^,.;:!?\"“”]{0,80},\s*$"
)
# A word ends at a full stop ("Rahmat.Dia menambahkan": a lost space after a sentence).
TOKEN = re.compile(r"\s*(?:(?P<word>[\w'’-]+\.?)|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))")
_WORD_BACK = re.compile(r"(?:(?P<word>[\w'’-]+\.?)|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))\s*$")
# A sentence ends at . ! ? before a space and a capital, a quote or the end.
SENTENCE_END = re.compile(r"[.!?]+,?(?=\s+[A-Z\"“(]|\s*$)|\.(?=[A-Z][a-z])")
# How far back a word (_BACK) or a sentence's start (_SENTENCE_SPAN) is looked for: searches
# anchored at a place, not run from the paragraph's start each time.
_BACK = 80
_SENTENCE_SPAN = 400


@dataclass(frozen=True)
class Said:
    """A speaker as the text gives them: `name` words and `role` words ("kata Kepala BNPB
    Doni Monardo"), a pronoun ("ujarnya"), or nothing to go on (`inherit`: a quote with no
    attribution of its own). `none`: an institution or an unnamed source."""

    name: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    pronoun: bool = False
    inherit: bool = False
    none: bool = False
    weak: bool = False  # a name that may be a place's ("Bima"): only a person named in full


PRONOUN = Said(pronoun=True)
INHERIT = Said(inherit=True)
NOBODY = Said(none=True)


def is_name_word(word: str) -> bool:
    sp = vocabulary()
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


def is_role_word(word: str) -> bool:
    """A word of a person's role: a head ('Kapolres'), a role word, or a noun of a doer
    ('Pembalap', 'Pengamat')."""
    return word in vocabulary().role_words or (len(word) > 6 and is_derived_word(word))


def bounds_name(word: str) -> bool:
    """True for a word a name may follow directly: a role, a rank or title, a qualifier."""
    sp = vocabulary()
    bare = word.rstrip(".")
    return bare in sp.role_words or bare in sp.titles or bare in sp.qualifiers


def speaker(words: list[str]) -> Said:
    """A speaker phrase (its words in order, commas dropped) as name and role words."""
    sp = vocabulary()
    while words and words[0] == ",":
        words = words[1:]
    while words and words[-1] == ",":
        words = words[:-1]
    if not words:
        return NOBODY
    first = words[0].rstrip(".")
    if not first[:1].isalpha():
        return NOBODY  # "kata ...", "ujar -"
    if first in sp.pronouns or first == "ia":
        return PRONOUN if len(words) == 1 else NOBODY
    if not first[0].isupper() or first in sp.unnamed:
        return NOBODY
    if "," in words:
        # "Kasubag Humas Polres Anambas, Ipda Zulmi": the role, a comma, the name (the last
        # part with a name); "Zulmi, Kasubag Humas": the name, then the role.
        cuts = [i for i, w in enumerate(words) if w == ","]
        for cut in reversed(cuts):
            named = speaker(words[cut + 1 :])
            if named.name and not named.weak:
                role = [
                    w for w in words[:cut] if w not in (",",) and w.rstrip(".") not in sp.titles
                ]
                return Said(named.name, (*role, *named.role))
        first = speaker(words[: cuts[0]])
        if first.name and not first.weak:
            return first
        words = [w for w in words if w != ","]
        if not words:
            return NOBODY
    words = [w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in words]
    name: list[str] = []
    for word in reversed(words):
        if not is_name_word(word):
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
    if not any(is_role_word(w) for w in role) and (
        not name or (role and role[0] in sp.institutions)
    ):
        if not name and role and not any(_is_institution(w) for w in role):
            # "kata Bima": a place's name; a person only if the article names one so.
            return Said(tuple(role), weak=True)
        return NOBODY  # "kata Polda Metro Jaya", "ujar Partai Gerindra": an institution
    return Said(tuple(name), tuple(role))


def _is_institution(word: str) -> bool:
    sp = vocabulary()
    return word in sp.institutions or word.isupper() or not word[:1].isupper()


def words_after(text: str, pos: int) -> tuple[list[str], int]:
    """The speaker phrase after a verb at `pos`, and where it ends: capitalised words (ranks,
    initials, a role with its commas and "dan"), up to a lower-case word or punctuation."""
    sp = vocabulary()
    words: list[str] = []
    end = pos
    while len(words) < 16:
        m = TOKEN.match(text, pos)
        if m is None:
            break
        if m.group("paren"):
            pos = m.end()  # "Wakil Menteri Dalam Negeri (Wamendagri) ..."
            continue
        nxt = TOKEN.match(text, m.end())
        upper_next = bool(nxt and nxt.group("word") and nxt.group("word")[0].isupper())
        word = m.group("word")
        in_role = (m.group("comma") or word in ("dan", "&")) and any(is_role_word(w) for w in words)
        if m.group("comma"):
            # "kata Kasubag Humas Polres Anambas, Ipda Zulmi": a name after the role;
            # "kata Kepala Badan Meteorologi, Klimatologi dan Geofisika, Edison Kurniawan".
            said = speaker(words) if words and upper_next else None
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


def words_before(text: str, end: int) -> tuple[list[str], int]:
    """The speaker phrase ending at `end` (before a verb), and where it starts: capitalised
    words, with words such as "juga" between it and the verb skipped."""
    sp = vocabulary()
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
            if capital and not is_name_word(words[0]):
                # "Kepala Dinas Lingkungan Hidup dan Pertanahan ..." (not "Channing dan Jenna")
                words.insert(0, word)
                pos = m.start()
                continue
        if words and not word[0].isupper() and is_role_word(word.capitalize()):
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
    sp = vocabulary()
    words = _WORDS.findall(text, max(0, comma - 80), comma)
    run: list[str] = []
    for word in reversed(words):
        if not word[0].isupper():
            break
        run.insert(0, word)
    return bool(run) and run[0] in sp.role_words


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts."""
    start = max(0, pos - _SENTENCE_SPAN)
    for m in SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    while start < pos and text[start] in ' \t"“”':
        start += 1
    return start


def leads_sentence(text: str, start: int) -> bool:
    """True when the words before `start` in its sentence leave it the subject: nothing,
    or an opening phrase ended by a comma ("Sementara itu, ")."""
    before = text[sentence_start(text, start) : start].strip()
    return not before or before.endswith(",") or before in vocabulary().openers
