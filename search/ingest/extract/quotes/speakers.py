"""Who, as written: the speaker phrase before or after a speech word ("kata Kasubag Humas
Polres Anambas Ipda Zulmi", "Menurut Lucius Karus", "Ia menambahkan") read as the words of a
name and of a role, a pronoun, or nobody (an institution, an unnamed source); and whether such
a phrase is its sentence's subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.ingest.extract.officials import is_common_word, is_derived_word
from search.ingest.extract.person_names import is_degree, is_place
from search.ingest.extract.quotes.vocabulary import vocabulary

_WORDS = re.compile(r"[\w'’.-]+")
# A name, a comma and a lower-case description of the person before a verb.
_APPOSITION = re.compile(
    r"(?:^|[.!?,]\s+)(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s+"
    r"(?:seorang|salah\s+satu|sang|selaku|yang)\b[^,.;:!?\"“”]{0,80},\s*$"
)
# A word ends at a full stop ("Rahmat.Dia menambahkan": a lost space after a sentence).
# A unit's code is one word: "Dandim 0420/Sarko".
TOKEN = re.compile(
    r"\s*(?:(?P<word>[\w'’-]+(?:/[\w'’-]+)*\.?)|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))"
)
_WORD_BACK = re.compile(r"(?:(?P<word>[\w'’-]+\.?)|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))\s*$")
# A sentence ends at . ! ? before a space and a capital, a quote or the end, or at a full
# stop between words that lost their space ("Rahmat.Dia"; not "M.Kes", "Sp.KK").
SENTENCE_END = re.compile(
    r"[.!?]+,?(?=\s+[A-Z\"“(]|\s*$)|(?:(?<=[a-z]{3})|(?<=[A-Z]{3})|(?<=[\d)]))\.(?=[A-Z][a-z])"
)
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
        and bare not in sp.openers
        and bare.lower() not in sp.after
        and not (len(bare) > 6 and is_derived_word(bare))
    )


def is_role_word(word: str) -> bool:
    """A word of a person's role: a head ('Kapolres'), a role word, or a noun of a doer
    ('Pembalap', 'Pengamat')."""
    return word in vocabulary().role_words or (
        len(word) > 6 and word.lower().startswith("pe") and is_derived_word(word)
    )


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
    while len(words) > 1 and words[0].rstrip(".") in sp.titles and words[0].islower():
        words = words[1:]  # "dr Catharine M Sambo"
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
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if not is_name_word(word) and not (name and _initials_after_rank(words, i)):
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
        and not is_derived_word(role[0])
    ):
        # "Bima Sakti": a place's name is a person's when no role comes before it (but
        # "Sumsel Lesty Nurainy" is a province before a name).
        name, role = role + name, []
    if len(name) >= 3 and " ".join(role).endswith(sp.place_heads):
        # "Lurah Sukajadi Indra Permana": a village's or a district's place, then the name.
        role, name = [*role, name[0]], name[1:]
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


def _initials_after_rank(words: list[str], i: int) -> bool:
    """True when `words[i]` is a name's initials in capitals after a rank ("Iptu MK Daulay"),
    not an acronym."""
    word = words[i].rstrip(".")
    return 2 <= len(word) <= 3 and word.isupper() and i > 0 and words[i - 1] in vocabulary().titles


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
        if word.rstrip(".") in sp.titles or (words and word[0].isdigit()):
            words.append(word)  # "kata dr Catharine", "kata Dandim 0420/Sarko Letkol ..."
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


def speaker_after(text: str, pos: int) -> tuple[Said, int]:
    """The speaker written after a verb that follows the speech, and where the phrase ends:
    a name with its role ("kata Kasubag Humas Polres Anambas Ipda Zulmi"), a role and a
    name after a comma ("kata juru bicara PT KCI, Anne Purba"), a description of the one
    last named ("kata politikus Golkar ini", "ujar sang pelatih") or nothing left of a name
    whose link was cut out ("tutur ,"): a pronoun."""
    if _NOTHING.match(text, pos):
        return PRONOUN, pos
    words, end = words_after(text, pos)
    if words and _ANAPHORA.match(text, end):
        return PRONOUN, end
    described = _DESCRIPTION.match(text, pos)
    if words and described and _describes(words[0]):
        return PRONOUN, described.end()
    sang = _SANG.match(text, pos)
    if sang and _is_role_not_relation(sang.group("role")):
        return PRONOUN, sang.end()
    said = speaker(words)
    if not said.name:
        named = _ROLE_THEN_NAME.match(text, pos)
        if named and _is_role_phrase(named.group("role")):
            role = named.group("role").split()
            found = speaker([role[0].capitalize(), *role[1:], ",", *named.group("name").split()])
            if found.name and not found.weak:
                return found, named.end("name")
    return said, end


# After a verb: nothing before the punctuation.
_NOTHING = re.compile(r"[ \t]*(?:[,.;]|$)")
_ANAPHORA = re.compile(r"\s+(?:ini|itu|tersebut)\b")
# "pria yang akrab disapa Bamsoet itu", "pembalap kelahiran Italia ini", "sang pelatih".
_DESCRIPTION = re.compile(r"[^,.;:!?\"“”()]{0,80}?\b(?:ini|itu|tersebut)\b")
_SANG = re.compile(r"\s*sang\s+(?P<role>\w+)")
_ROLE_THEN_NAME = re.compile(
    r"\s*(?P<role>[^,.;:!?\"“”()\n]{2,80}?),\s*"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’.-]*|bin|binti))*)(?=\s*(?:[.,;!?()\"“”]|$)|\s+[a-z])"
)


def _describes(first: str) -> bool:
    """True when a phrase opening with `first` (and ending in ini/itu/tersebut) describes
    someone already named: a describing word ("pria", "politikus") or a role ("pembalap")."""
    return first in vocabulary().described or (first.islower() and is_role_word(first.capitalize()))


def _is_role_not_relation(word: str) -> bool:
    """True for a role after "sang" ("sang pelatih": the one named; "sang istri": his wife)."""
    return word.lower() not in vocabulary().relations and is_role_word(word.capitalize())


def words_before(text: str, end: int) -> tuple[list[str], int]:
    """The speaker phrase ending at `end` (before a verb), and where it starts: capitalised
    words, with words such as "juga" between it and the verb skipped."""
    sp = vocabulary()
    words: list[str] = []
    pos = _before_degrees(text, end)
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
        if skipping and (word in sp.between or word in sp.name_enders):
            pos = m.start()  # "X juga mengatakan", "X, Selasa (10/9/2019) mengatakan"
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
        if word in _FROM and words and (is_place(words) or all(w in sp.qualifiers for w in words)):
            words = []  # "Shukria Rahumi asal Afghanistan mengaku": where the person is from
            pos = m.start()
            continue
        if words and word.rstrip(".") in sp.titles:
            words.insert(0, word)  # "dr Catharine M Sambo"
            pos = m.start()
            continue
        if not word[0].isupper() or word.endswith("."):
            break
        words.insert(0, word)
        pos = m.start()
    while len(words) > 1 and words[0] in sp.openers:
        words = words[1:]  # "Namun Budi mengatakan": the sentence's opening word
    if len(words) > 1 and words[0] in sp.name_enders:
        # "Meskipun Bebby sendiri telah ...": a clause's conjunction, left before the name
        pos = text.find(words[1], pos + len(words[0]))
        words = words[1:]
    if not words:
        # "Dipo Dwiki, seorang drifter profesional, mengatakan": a name, then who they are.
        apposed = _APPOSITION.search(text, 0, end)
        if apposed is not None:
            return apposed.group("name").split(), apposed.start("name")
    return words, pos


_FROM = frozenset({"asal", "dari"})
_LAST_TOKEN = re.compile(r"([\s,]*)([A-Z][A-Za-z.]{0,7}|\([A-Z]{1,3}\))[\s,]*$")


def _before_degrees(text: str, end: int) -> int:
    """Where the degrees written after a name end it ("dr Catharine M Sambo, Sp.A (K),
    mengatakan", "Abdul Hayat Gani S MSi MH mengatakan"): degrees after a comma, or two or
    more of them; else `end`."""
    pos, degrees, comma = end, 0, False
    while (m := _LAST_TOKEN.search(text, max(0, pos - 12), pos)) is not None:
        token = m.group(2)
        if not token.startswith("("):
            if not is_degree(token):
                break
            degrees += 1
        comma = "," in m.group(1)
        pos = m.start()
    return pos if degrees and (comma or degrees >= 2) else end


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
    an opening phrase ended by a comma ("Sementara itu, "), or the person's role ("Pakar
    hukum tata negara Juanda mengatakan", "Wakil Ketua DPRD DKI nondefinitif Syarif")."""
    before = text[sentence_start(text, start) : start].strip()
    sp = vocabulary()
    return not before or before.endswith(",") or before in sp.openers or _is_role_phrase(before)


# A role before a name is this many words at most.
_ROLE_PHRASE_WORDS = 14
_OPENING_COMMA = re.compile(r"[A-Z][\w ]{0,30}?,\s+")


def _is_role_phrase(words_before: str) -> bool:
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
