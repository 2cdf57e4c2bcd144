"""Whether capitalised words name a person: not a place, an agency, a program, a product or a
phrase, and shaped like a name.

Data: `person_names.toml` (words that are never names, institution words, degrees, names
that are also place words), `places.txt`, `place_names.txt` (some 8,000 Indonesian
provinces, regencies, cities, districts and towns: a name that is one of them as a whole,
"Teluk Bintuni", "Kalianget", "Kuburaya" for Kubu Raya, is a place) and the glossaries'
agencies (acronyms and long forms). Dictionary words come
from Sastrawi's list of Indonesian root words: a name made only of them ("Lingkungan Hidup")
or holding an affixed form of one ("Perhubungan") is a portfolio, not a person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from search.lexicon import (
    load_toml,
    name_roots,
    place_names,
    places,
    root_words,
    spellings,
    stem_overrides,
    stopwords,
)

# Latin letters for regex classes, the accented ones too: a name keeps its accented letters
# ("António Guterres", "Recep Tayyip Erdoğan", "Nicolás Maduro"), never cut at the first.
_LATIN = [chr(c) for c in range(0xC0, 0x250)]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
# A name word: capitalised, lower case after the first letter but for a joined part
# ("Ma'ruf", "Ing-wen", "Mas’ud") or a short prefix ("McDonald", "DeSantis").
_NAME_WORD = re.compile(
    rf"(?:[{UPPER}][{LOWER}]{{1,2}})?[{UPPER}][{LOWER}]+(?:['’`-][{UPPER}{LOWER}][{LOWER}]*)*\.?"
)
# A person's age in brackets after the name: "Goliat Dowansiba (50)", "Irawan (40),".
PAREN_AGE = r"\(\d{1,3}\)"
_INITIAL = re.compile(r"[A-Z]\.?")
_INITIALS = re.compile(r"[A-Z]{2,3}\.?")  # initials written together: "Timbul RK Siregar"
_COMPASS = frozenset({"Timur", "Barat", "Selatan", "Utara", "Tengah", "Tenggara", "Daya"})
_SPECIALTY = re.compile(r"Sp[A-Z]{1,4}")  # a medical specialist's degree: "SpKK", "SpJP"
_GLUED_MIN = 10  # a word this long may be a name glued to the next word by a lost space
# Words whose reading (a degree? an affixed form?) is kept: the same words recur article after
# article, and a bound keeps made-up words from growing the cache for ever.
CACHED_WORDS = 1 << 16
# Readings keyed by an article's whole text are kept for the few articles being read only.
_CACHED_TEXTS = 1 << 10
# How the affixed words that follow a name begin ("menghadiri", "berkunjung", "ditangkap").
_AFFIXES = ("me", "be", "di", "te", "pe", "ke", "se")


@dataclass(frozen=True)
class _Lists:
    not_names: frozenset[str]
    institution_words: frozenset[str]
    degrees: frozenset[str]
    balinese: frozenset[str]
    places: frozenset[tuple[str, ...]]  # lower-case words of each place
    longest_place: int
    agency_acronyms: frozenset[str]  # lower case, four letters or more
    short_acronyms: frozenset[str]  # lower case, three letters (an agency when in capitals)
    agency_prefixes: tuple[str, ...]
    agency_runs: frozenset[tuple[str, ...]]  # every run of two or more words of a long form
    agency_starts: frozenset[tuple[str, ...]]  # every leading run of two or more words
    longest_agency: int
    loan_noun_endings: tuple[str, ...] = ()
    # place_names.txt, lower case, and the same written without spaces ("kuburaya") -> kind
    place_names: dict[str, str] = field(default_factory=dict)
    names_also_places: frozenset[str] = frozenset()  # lower case: "bambang", "guntur"
    name_openers: frozenset[tuple[str, ...]] = frozenset()  # ("Anak", "Agung"), ("Lalu",)
    names_also_roles: frozenset[str] = frozenset()  # "Agung" (of "Jaksa Agung")
    surnames_also_roles: frozenset[str] = frozenset()  # "Hakim" (of "Lukman Hakim")
    place_openers: frozenset[str] = frozenset()  # "Sei", "Bagan", "Muara"
    name_particles: frozenset[str] = frozenset()  # "bin", "von", "El"
    nickname_words: frozenset[str] = frozenset()  # "Paman", "Eyang"
    surnames_also_places: frozenset[str] = frozenset()  # "Tanjung" (of "Akbar Tanjung")
    institution_words_after: frozenset[str] = frozenset()  # "Watch" (of "Jokowi Watch")


def _office_terms() -> frozenset[str]:
    """The mined glossary's acronyms (lower case) that are offices, not bodies: written as an
    office's head of roles.toml (`heads`: "Seskab", "Menpora"), or spelt out by a long form
    opening with one ("Menteri Sekretaris Negara" of Mensesneg). "Sekretaris Kabinet Yoshihide
    Suga" names a person after an office, not a body's name. (The curated glossary's offices,
    "Kapolda", "Mendagri", are read as the role rules were written for them: "Kepala
    Kepolisian Daerah Metro Jaya Inspektur Jenderal Gatot Eddy Pramono" is the Kapolda; and so
    are short forms of three letters or fewer, "PM": "Deputi Perdana Menteri Malaysia" is a
    deputy.)"""
    from search.text.glossary import SHORT_ACRONYM, terms

    heads = {tuple(h.lower().split()) for h in load_toml("roles.toml")["heads"]}
    return frozenset(
        term.acronym
        for term in terms().values()
        if not term.curated
        and len(term.acronym) > SHORT_ACRONYM
        and (
            (term.acronym,) in heads
            or any(form[:n] in heads for form in term.long_forms for n in range(1, len(form) + 1))
        )
    )


@cache
def _lists() -> _Lists:
    from search.text.glossary import terms

    table = load_toml("person_names.toml")
    place_words = {tuple(p.lower().split()) for p in places()}
    runs: set[tuple[str, ...]] = set()
    starts: set[tuple[str, ...]] = set()
    people = _glossary_people()
    named_after = [tuple(w.lower().split()) for w in table.get("named_after_openers", [])]
    offices = _office_terms()
    agencies = [t for t in terms().values() if t.acronym not in offices]
    for term in agencies:
        for form in term.long_forms:
            if form in people:
                continue  # "Setya Novanto" of Setnov: a person's name
            starts.update(form[:j] for j in range(2, len(form) + 1))
            # "Universitas Slamet Riyadi": no run inside the name of its namesake
            last_start = max(
                (len(o) for o in named_after if form[: len(o)] == o and len(form) - len(o) >= 2),
                default=len(form),
            )
            for i in range(min(len(form), last_start)):
                for j in range(i + 2, len(form) + 1):
                    runs.add(form[i:j])
    return _Lists(
        frozenset(table["not_names"]),
        frozenset(table["institution_words"]),
        frozenset(table["degrees"]),
        frozenset(table.get("balinese_names", [])),
        frozenset(place_words),
        max((len(p) for p in place_words), default=1),
        frozenset(t.acronym for t in agencies if len(t.acronym) > 3),
        frozenset(t.acronym for t in agencies if len(t.acronym) == 3),
        tuple(table.get("agency_prefixes", [])),
        frozenset(runs),
        frozenset(starts),
        max((len(s) for s in starts), default=0),
        tuple(table.get("loan_noun_endings", [])),
        {**{k.replace(" ", ""): v for k, v in place_names().items()}, **place_names()},
        frozenset(n.lower() for n in table.get("names_also_places", [])),
        frozenset(tuple(n.split()) for n in table.get("name_openers", [])),
        frozenset(table.get("names_also_roles", [])),
        frozenset(table.get("surnames_also_roles", [])),
        frozenset(table.get("place_openers", [])),
        frozenset(table.get("name_particles", [])),
        frozenset(table.get("nickname_words", [])),
        frozenset(table.get("surnames_also_places", [])),
        frozenset(table.get("institution_words_after", [])),
    )


def not_names() -> frozenset[str]:
    return _lists().not_names


def nickname_words() -> frozenset[str]:
    """Words of kinship and affection written before a nickname or a short name ("Paman
    Birin", "Eyang Habibie")."""
    return _lists().nickname_words


def surnames_also_roles() -> frozenset[str]:
    """Surnames that are also a role's head: "Hakim" ("Lukman Hakim", not "Majelis Hakim")."""
    return _lists().surnames_also_roles


def names_also_roles() -> frozenset[str]:
    """Given names that are also a later word of a role's head: "Agung" ("Jaksa Agung")."""
    return _lists().names_also_roles


def is_institution_word(word: str) -> bool:
    """True for a word that, right before a person's name, makes it the name of a thing
    ("Universitas Airlangga", "Jalan Sudirman")."""
    return word.rstrip(".") in _lists().institution_words


def is_institution_word_after(word: str) -> bool:
    """True for a word that, right after a person's name, makes it the name of a group or a
    thing ("Jokowi Watch", "Habibie Center")."""
    return word in _lists().institution_words_after


def opens_balinese_name(words: Sequence[str]) -> bool:
    """True for "I" or "Ni" before a Balinese name ("I Ketut Diarmita", "Ni Luh Putu")."""
    return len(words) >= 2 and words[0] in ("I", "Ni") and words[1] in _lists().balinese


# A Balinese name's opening holds at most this many words ("I Gusti Ngurah").
_BALINESE_OPENING = 3


def _balinese_names_opening(words: Sequence[str]) -> int:
    """How many words open a Balinese name: "I" or "Ni" and the birth-order and caste names
    after it ("I Gusti Ngurah": 3), 0 for another name."""
    if not opens_balinese_name(words):
        return 0
    at = 1
    while at < min(len(words) - 1, _BALINESE_OPENING) and words[at] in _lists().balinese:
        at += 1
    return at


def name_opener(words: Sequence[str]) -> int:
    """How many words open the name with a title or given name of its people ("Anak Agung
    Raka", "Lalu Wira Sakti", "Raja Indra Saleh") in a name of three words or more, else 0:
    the opening words are the name's, not the role's or a place's before it."""
    if len(words) < 3:
        return 0
    for opener in _lists().name_openers:
        if tuple(words[: len(opener)]) == opener and len(words) > len(opener):
            return len(opener)
    return 0


def opener_after_title(words: Sequence[str], i: int, titles: frozenset[str]) -> bool:
    """True when `words[i]` is a word of a name opener ("Lalu", "Baiq", "Tengku", "Anak
    Agung") right after a rank or title in `titles` and before the name's word: "AKP Lalu
    Hedwin" is Lalu Hedwin, whom a name of two words opened so names too; "Kompol Anak Agung
    Raka" is Anak Agung Raka (not the role of "Kapolsek Cijeruk" before it)."""
    for opener in _lists().name_openers:
        for start in range(max(1, i - len(opener) + 1), i + 1):
            end = start + len(opener)
            if (
                end < len(words)
                and tuple(words[start:end]) == opener
                and words[start - 1].rstrip(".") in titles
            ):
                return True
    return False


def opens_name(words: Sequence[str]) -> bool:
    """True for a name opened by a title or given name of its people (see name_opener)."""
    return name_opener(words) > 0


def is_compass(word: str) -> bool:
    """A compass word ("Selatan", "Timur"): it ends a place's name, it opens no person's."""
    return word in _COMPASS


@lru_cache(maxsize=CACHED_WORDS)
def is_degree(word: str) -> bool:
    """An academic degree written after a name, with or without its dots ("Sp.A", "M.Si"),
    or a medical specialty ("Sp.KK", "Sp.JP")."""
    bare = word.replace(".", "").rstrip(",")
    return bare in _lists().degrees or bool(_SPECIALTY.fullmatch(bare))


def without_degrees(words: list[str]) -> list[str]:
    """The name without the degrees written after it ("Abdul Hayat Gani S MSi MH"), also a
    degree whose first letter a space sets apart ("Alfian S Sos" for S.Sos, "M Si")."""
    degrees = _lists().degrees
    end = len(words)
    while end > 1:
        last = words[end - 1].rstrip(".,")
        if last in degrees:
            end -= 1
            continue
        initial = words[end - 2].rstrip(".") if end > 2 else ""
        if len(initial) == 1 and initial.isupper() and initial + last in degrees:
            end -= 2  # "S Sos": the degree SSos written in two
            continue
        break
    return words[:end]


def is_loan_noun(word: str) -> bool:
    """A noun borrowed with its ending ("Utilisasi", "Produktivitas", "Optimisme")."""
    lower = word.lower().rstrip(".")
    return len(lower) >= _LOAN_NOUN and lower.endswith(_lists().loan_noun_endings)


@lru_cache(maxsize=CACHED_WORDS)
def is_common_word(word: str) -> bool:
    """True for an Indonesian dictionary word or a form of one ('Kelautan', 'Pajak'):
    such words name portfolios and agencies, not people."""
    if is_loan_noun(word):
        return True  # "Utilisasi", "Produktivitas"
    return word.lower().rstrip(".") in root_words() or is_derived_word(word)


@lru_cache(maxsize=_CACHED_TEXTS)
def opens_sentence_only(word: str, text: str) -> bool:
    """True for a capitalised word opening a sentence that is no part of the name after it:
    a function word ("Namun Budi Santoso") or a word the text also writes in lower case
    ("Rahasia Jedar"). A given name that is also a dictionary word ("Budi", "Indah") stays,
    unless the text uses it as a word too."""
    lower = word.lower().rstrip(".")
    if lower in stopwords():
        return True
    return re.search(rf"(?<![\w'’-]){re.escape(lower)}(?![\w'’-])", text) is not None


@lru_cache(maxsize=CACHED_WORDS)
def is_derived_word(word: str) -> bool:
    """True for an affixed form of a dictionary word ('Perhubungan', 'Pemuda'). Unlike bare
    roots (Budi, Karya, Indah), such forms are never personal names."""
    from search.text.analyzer import stem_word

    lower = word.lower().rstrip(".")
    if len(lower) <= 4 or not lower.isalpha():
        return False
    # A word the stem overrides give another root (menangani -> tangani, not tangan) is an
    # affixed form all the same.
    if stem_overrides().get(lower, lower) != lower:
        return True
    stem = stem_word(lower)
    if lower in (f"ku{stem}", f"kau{stem}") and len(stem) <= _PROCLITIC_ROOT:
        return False  # "Kusin" read as ku-sin: the proclitic before a root this short, a name
    # Another spelling of a root is not an affixed form: "Ramadhan" is a name as often as not.
    if stem != lower and stem in root_words() and lower not in spellings():
        # an infix alone ("Tinal" read as t-in-al) makes no word the news writes: a name
        return lower.startswith((stem, *_AFFIXES)) or lower.endswith(stem)
    if lower.startswith(_PEN) and any(
        len(lower) - len(p) >= _SHORT_ROOT and lower[len(p) :] in root_words()
        for p in _PEN
        if lower.startswith(p)
    ):
        return True  # "Penduduk" (pen- "duduk"), "Pengusaha": the stemmer keeps some whole
    # A word the stemmer keeps whole (a protected word) may still be a ke-/pe-/per-...-an
    # noun of a dictionary word: "Kependudukan" of "penduduk" (pen- "duduk").
    if not lower.endswith("an"):
        return False
    if len(lower) >= _LONG_NOUN and lower.startswith(("ke", "per", "pen", "pem", "peng")):
        return True  # "Perkeretaapian", "Ketenagalistrikan": of compounds the list lacks
    for outer in _NOUN_PREFIXES:
        if lower.startswith(outer):
            middle = lower[len(outer) : -2]
            if middle in root_words() or any(
                middle.startswith(inner) and middle[len(inner) :] in root_words()
                for inner in _NOUN_PREFIXES
            ):
                return True
    return False


def is_verb_of_root(word: str) -> bool:
    """True for a root with the verb suffix "-i" alone ('Priti' read as prit + -i, 'Temui'):
    a verb's form, never a word of a role's portfolio (those are nouns: 'Pertanian'), so a
    capitalised one after a role is a name's ("Menteri Dalam Negeri Inggris Priti Patel")."""
    from search.text.analyzer import stem_word

    lower = word.lower().rstrip(".")
    return lower.isalpha() and lower.endswith("i") and stem_word(lower) == lower[:-1]


_NOUN_PREFIXES = ("ke", "pe", "per", "pen", "pem", "peng", "ber", "ter")
# A pe(N)- noun of a root of four letters or more ("penduduk", "pembina", "pengusaha").
_PEN = ("pen", "pem", "peng", "peny")
_SHORT_ROOT = 4
# A root of at most this many letters after "ku-"/"kau-" makes a name, not a word ("Kusin").
_PROCLITIC_ROOT = 3
_LONG_NOUN = 12
_LOAN_NOUN = 8


@lru_cache(maxsize=CACHED_WORDS)
def is_glued(word: str) -> bool:
    """True for a name glued to the next word by a lost space ('Wirantomenghadiri'): a long
    word whose tail is an affixed dictionary word, or one of the words that follow a name
    (person_names.toml `glued_after_name`: 'Alfedriusai' for "Alfedri usai")."""
    if len(word) < _GLUED_MIN or not word.isalpha():
        return False
    lower = word.lower()
    if any(lower.endswith(w) and len(lower) - len(w) >= _GLUED_HEAD for w in _glued_after()):
        return True
    return any(
        lower.startswith(_AFFIXES, i) and is_derived_word(lower[i:])
        for i in range(3, len(lower) - _GLUED_TAIL + 1)
    )


_GLUED_HEAD = 5  # the name before a glued word: five letters at least
# The glued word: six letters at least ("menghadiri", "dilantik"; "Sugardiman" ends in no
# word, though "diman" reads as di- + man).
_GLUED_TAIL = 6


@cache
def _glued_after() -> tuple[str, ...]:
    return tuple(load_toml("person_names.toml").get("glued_after_name", []))


def is_place(words: Sequence[str]) -> bool:
    """True if the words hold a place of places.txt, or end in a compass word ('Kalimatan
    Barat', 'Cikarang Timur')."""
    lists = _lists()
    if words and words[-1] in _COMPASS:
        return True
    lower = [w.lower().rstrip(".") for w in words]
    for size in range(1, min(lists.longest_place, len(lower)) + 1):
        for i in range(len(lower) - size + 1):
            if tuple(lower[i : i + size]) in lists.places:
                return True
    return False


def names_one_place(words: Sequence[str]) -> bool:
    """True if the words as a whole name a place of places.txt or place_names.txt ("DKI
    Jakarta", "Bone Bolango"; not "Bogor Bima", two places)."""
    whole = tuple(w.lower().rstrip(".") for w in words)
    return bool(words) and (whole in _lists().places or bool(place_name_kind(words)))


def place_name_kind(words: Sequence[str]) -> str:
    """The kind of place ("region", "local" or "foreign", see place_names.txt) the words name as a
    whole, written with or without spaces ("Teluk Bintuni", "Kuburaya"), or "" when they
    name none, or are a person's name that is also a place word ("Bambang", "Guntur")."""
    lists = _lists()
    lower = " ".join(w.rstrip(".,") for w in words).lower()
    if lower in lists.names_also_places:
        return ""
    # a place the list writes as one word, written in two: "Batang Hari" for Batanghari
    return lists.place_names.get(lower, "") or lists.place_names.get(lower.replace(" ", ""), "")


def name_particles() -> frozenset[str]:
    """Words inside a name that join its parts ("bin", "binti", "von der", "El", "Ben"):
    person_names.toml `name_particles`."""
    return _lists().name_particles


def is_name_particle(word: str) -> bool:
    """A particle inside a name (see name_particles), or a word it opens with a hyphen
    ("al-Saud", "el-Sisi")."""
    particles = _lists().name_particles
    head, dash, rest = word.partition("-")
    return word in particles or (bool(dash) and head in particles and rest[:1].isupper())


def name_core(words: Sequence[str]) -> list[str]:
    """The name's words without the particles after its first ("Zine El Abidine Ben Ali" ->
    Zine, Abidine, Ali; "Abdulaziz bin Salman" -> Abdulaziz, Salman): what is checked for a
    name's shape and counted against its length; a particle joined by a hyphen gives its
    name word ("al-Saud" -> Saud)."""
    core = list(words[:1])
    for word in words[1:]:
        if not is_name_particle(word):
            core.append(word)
        elif "-" in word:
            core.append(word.partition("-")[2])
    return core


def opens_place(word: str) -> bool:
    """True for a word that opens a place's name of two words (person_names.toml
    `place_openers`: "Sei Kumango", "Bagan Deli", "Muara Enim"): after the head of a small
    unit, it and the next word are the unit's place."""
    return word in _lists().place_openers


def is_agency(words: Sequence[str]) -> bool:
    """True if a word is an agency's acronym ('Kemenpora', 'Kominfo') or two words or more
    run inside an agency's long form ('Narkotika Nasional' of Badan Narkotika Nasional)."""
    lists = _lists()
    lower = [w.lower().rstrip(".") for w in words]
    if any(w in lists.agency_acronyms for w in lower) or any(map(is_agency_word, words)):
        return True
    if any(w.isupper() and w.lower() in lists.short_acronyms for w in words):
        return True  # "PKK", "BPN" written in capitals
    return len(lower) >= 2 and tuple(lower) in lists.agency_runs


@lru_cache(maxsize=CACHED_WORDS)
def is_agency_word(word: str) -> bool:
    """True for an agency's short name written as one word: an acronym of the glossaries
    ("Kemenpora") or a word of six letters or more opening with an agency prefix
    ("Kemenristekdikti")."""
    bare = word.rstrip(".")
    if bare.lower() in _lists().agency_acronyms:
        return True
    return len(bare) >= 6 and bare.startswith(_lists().agency_prefixes)


@cache
def _glossary_people() -> frozenset[tuple[str, ...]]:
    """The people the glossaries give a short form of (person_names.toml `glossary_people`),
    as lower-case words."""
    names = load_toml("person_names.toml").get("glossary_people", [])
    return frozenset(tuple(n.lower().split()) for n in names)


@cache
def _person_acronyms() -> frozenset[str]:
    from search.text.glossary import terms

    people = _glossary_people()
    return frozenset(
        t.acronym.lower() for t in terms().values() if any(f in people for f in t.long_forms)
    )


def is_person_acronym(word: str) -> bool:
    """True for a glossary short form of a person's name ("Setnov" of Setya Novanto,
    person_names.toml `glossary_people`): no agency, though the glossary lists it."""
    return word.rstrip(".").lower() in _person_acronyms()


def continues_agency(words: Sequence[str]) -> bool:
    """True if the last word continues an agency's long form begun by the words before it
    ("Badan Narkotika Nasional", "Bank Sentral Eropa"); function words are skipped, as the
    glossary writes long forms without them."""
    lists = _lists()
    lower = [w.lower() for w in words if w.lower() not in ("dan", "dan/atau", "untuk", "serta")]
    for size in range(2, min(lists.longest_agency, len(lower)) + 1):
        if tuple(lower[-size:]) in lists.agency_starts:
            return True
    return False


# Particles written after a word with a hyphen: emphasis, question, "too" and "his".
_CLITICS = frozenset({"lah", "kah", "pun", "nya", "tah"})


def word_shape_ok(word: str) -> bool:
    """A name word, an initial or a short run of initials; no words glued together, no
    doubled word ("Ibu-ibu")."""
    if _INITIAL.fullmatch(word) or _INITIALS.fullmatch(word):
        return True
    parts = word.lower().split("-")
    if len(parts) == 2 and (parts[0] == parts[1] or parts[1] in _CLITICS):
        return False  # "Ibu-ibu"; "Habibie-lah": a word of the sentence, the name before it
    return bool(_NAME_WORD.fullmatch(word)) and not is_glued(word.rstrip("."))


def is_full_word(word: str) -> bool:
    """A word of the name that is neither an initial nor a run of initials."""
    bare = word.rstrip(".")
    return len(bare) > 1 and not bare.isupper()


def looks_like_person(words: Sequence[str]) -> bool:
    """True if the words can be a person's name: one to four name-shaped words, one of them
    written out, none a word that never names a person, no place, agency or run of
    dictionary words only."""
    return _looks_like_person(tuple(words))


@lru_cache(maxsize=CACHED_WORDS)
def _looks_like_person(name: tuple[str, ...]) -> bool:
    """looks_like_person, once for each run of words (the same names are read again and again)."""
    words = name_core(name)
    if not words or len(words) - _balinese_names_opening(words) > 4:
        return False  # "I Gusti Ngurah Bagus Kusuma Dewa": four words past "I Gusti"
    lists = _lists()
    if any(
        (w.rstrip(".") in lists.not_names and not surname_also_place(words, i))
        or not word_shape_ok(w)
        for i, w in enumerate(words)
    ):
        return False
    full = [w for w in words if is_full_word(w)]
    if not full or any(is_derived_word(w) and not is_verb_of_root(w) for w in words):
        return False
    if all(is_common_word(w) for w in full) and not _name_roots_only(full):
        return False
    return not is_place(words) and not is_agency(words) and not place_name_kind(words)


def surname_also_place(words: Sequence[str], i: int) -> bool:
    """True when `words[i]` is a surname that is also a place's word ("Tanjung") ending a name
    of two words or more after a word that opens no place ("Asril Hamzah Tanjung"; not "Kuala
    Tanjung")."""
    lists = _lists()
    return (
        i == len(words) - 1
        and i >= 1
        and words[i] in lists.surnames_also_places
        and words[i - 1] not in lists.place_openers
        and words[i - 1] not in lists.not_names
    )


def _name_roots_only(words: Sequence[str]) -> bool:
    """True for two or three dictionary words that are each a root the corpus writes
    capitalised at least as often as in lower case (name_roots_mined.txt): a given name and a
    surname that are both words ("Taufik Hidayat", "Dewi Sartika"); not a portfolio such as
    Lingkungan Hidup, whose words the corpus writes in lower case."""
    return 2 <= len(words) <= 3 and all(w.lower() in name_roots() for w in words)


# A surname written cut short keeps at least this many letters ("Brodjo" of Brodjonegoro).
_CUT_SURNAME_CHARS = 5


def is_cut_short(words: Sequence[str], full: Sequence[str]) -> bool:
    """`words` is the name `full` with its last word cut short ("Bambang Brodjo" of Bambang
    Brodjonegoro); compared as given (case included)."""
    return (
        len(full) == len(words)
        and list(words[:-1]) == list(full[:-1])
        and len(words[-1]) >= _CUT_SURNAME_CHARS
        and full[-1] != words[-1]
        and full[-1].startswith(words[-1])
    )
