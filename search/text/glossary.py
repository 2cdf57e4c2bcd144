"""Acronyms and their long forms (KPK ⇄ Komisi Pemberantasan Korupsi).

At index time the analyzer writes the acronym where a text writes a long form (so a query for
the acronym is one term, and finds both); at query time a long form also looks for the acronym.

Two data files in `search/data/`: `glossary.toml` (curated government vocabulary) and
`glossary_mined.toml` (pairs a corpus writes as "Long Form (ACR)", see `search.text.mining`).
The curated entry wins where both name an acronym. A mined acronym of two or three letters
("AS", "PP") is only expanded at query time, where the query writes it in capitals or, typed in
lower case, it is one of three letters the corpus nearly always writes in capitals
(`typed_as_acronym`: "sdm", "phk"; not "the", "spa"): in lower case the others are too often an
ordinary word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from search.lexicon import acronyms_typed, load_toml, root_words, stopwords
from search.text.analyzer import analyze

SHORT_ACRONYM = 3


@dataclass(frozen=True)
class Term:
    acronym: str  # lower-case, as the analyzer sees it ("kpk", "kemenpan-rb" -> "kemenpanrb")
    long_forms: tuple[tuple[str, ...], ...]  # each a sequence of lower-case words as written
    curated: bool
    # the function words its long forms are written with ("dan" of "obat dan makanan")
    function_words: frozenset[str] = frozenset()
    written: str = ""  # the acronym as the glossary writes it ("KPK", "Bappeda")


def _key(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Content words of a long form, lower-case, as the exact analyzer writes them (function
    words such as "dan" dropped so "Pendapatan dan Belanja" matches "Pendapatan Belanja"),
    and the function words dropped."""
    from search.lexicon import stopwords

    words = analyze(text, stem=False)
    stops = stopwords()
    content = tuple(w for w in words if w not in stops) or tuple(words)
    return content, frozenset(w for w in words if w in stops)


def _acronym_key(acronym: str) -> str:
    words = analyze(acronym, stem=False)
    return words[0] if words else acronym.lower()


@cache
def terms() -> dict[str, Term]:
    """Every glossary term by its lower-case acronym."""
    out: dict[str, Term] = {}
    for name, curated in (("glossary_mined.toml", False), ("glossary.toml", True)):
        for entry in load_toml(name).get("term", []):
            key = _acronym_key(entry["acronym"])
            read = [_key(f) for f in entry.get("long", [])]
            forms = tuple(dict.fromkeys(form for form, _ in read if form))
            if key and forms:
                words = frozenset().union(*(f for _, f in read))
                out[key] = Term(key, forms, curated, words, entry["acronym"])
    return out


@cache
def acronyms_in_capitals() -> frozenset[str]:
    """The glossary's acronyms as written where they are capitals only ("KPK", "HMI")."""
    return frozenset(t.written for t in terms().values() if t.written.isupper())


def function_words(acronym: str) -> frozenset[str]:
    """The function words an acronym's long forms are written with: a query may type them
    between the long form's words ("badan pengawas obat dan makanan")."""
    term = terms().get(acronym)
    return term.function_words if term else frozenset()


@cache
def _by_long_form() -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for term in sorted(terms().values(), key=lambda t: not t.curated):
        for form in term.long_forms:
            index.setdefault(form, term.acronym)
    return index


@cache
def _longest_form() -> int:
    return max((len(f) for f in _by_long_form()), default=0)


def long_forms(word: str, *, written_in_capitals: bool = False) -> tuple[tuple[str, ...], ...]:
    """Long forms of an acronym (lower-case word), or () when it is not one."""
    term = terms().get(word)
    if term is None:
        return ()
    if not term.curated and len(word) <= SHORT_ACRONYM and not written_in_capitals:
        return ()
    return term.long_forms


def typed_as_acronym(word: str) -> bool:
    """Whether a word typed in lower case in a query reads as the acronym written in capitals
    (`long_forms`): one the corpus writes in capitals nearly wherever it has the word
    (`acronyms_typed_mined.txt`: "sdm", "phk", "pkl"), not a root word or stopword of the
    language. A text's words keep their case (extraction reads them as written)."""
    return word in acronyms_typed() and word not in root_words() and word not in stopwords()


def find_long_forms(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) for each run of `words` (lower-case content words) that spells
    a glossary long form of two words or more, longest first, not overlapping. A long form
    of one word ("undang-undang", UU) is written beside its acronym by the index only: a
    query for the acronym finds both, and the word typed stays a word (not "kitab undang-
    undang hukum pidana" read as holding any law's "UU")."""
    found: list[tuple[int, int, str]] = []
    i = 0
    longest = _longest_form()
    index = _by_long_form()
    while i < len(words):
        for size in range(min(longest, len(words) - i), 1, -1):
            acronym = index.get(tuple(words[i : i + size]))
            if acronym:
                found.append((i, i + size, acronym))
                i += size
                break
        else:
            i += 1
    return found


def nested_long_forms(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) for the runs inside a long form's words (not the whole of them)
    that spell another long form, longest first, not overlapping: "kementerian lingkungan
    hidup kehutanan" (KLHK) holds "lingkungan hidup kehutanan" (LHK), written "Kementerian
    LHK"."""
    found = [(start + 1, end + 1, acronym) for start, end, acronym in find_long_forms(words[1:])]
    return found or find_long_forms(words[:-1])


@cache
def prefixed_words() -> dict[str, str]:
    """A compound's prefix -> the word it is also written with (`[prefixed]` in glossary.toml:
    "e" -> "elektronik", for e-KTP ⇄ KTP elektronik)."""
    table = load_toml("glossary.toml").get("prefixed", {})
    return {prefix.lower(): word.lower() for prefix, word in table.items()}


@cache
def suffixed_words() -> dict[str, str]:
    """A compound's second part -> the word it is short for (`[suffixed]` in glossary.toml:
    "el" -> "elektronik", for KTP-el ⇄ KTP elektronik)."""
    table = load_toml("glossary.toml").get("suffixed", {})
    return {suffix.lower(): word.lower() for suffix, word in table.items()}


def _joined_to_prefix(word: str, prefix: str) -> bool:
    """Whether a word typed without its hyphen is a prefix joined to a curated acronym of
    SHORT_ACRONYM letters or more ("ektp", as "eKTP" is written), and no root word ("emas")."""
    base = word.removeprefix(prefix)
    term = terms().get(base)
    return (
        word.startswith(prefix)
        and term is not None
        and term.curated
        and len(base) >= SHORT_ACRONYM
        and word not in root_words()
    )


def compound_long_form(typed: str) -> tuple[str, str] | None:
    """The two words a compound as typed is also written as ("e-ktp", "ektp" and "ktp-el" ->
    ("ktp", "elektronik")), or None."""
    first, hyphen, rest = typed.lower().partition("-")
    if hyphen:
        if first in prefixed_words() and rest.isalnum():
            return (rest, prefixed_words()[first])
        if rest in suffixed_words() and first.isalnum():
            return (first, suffixed_words()[rest])
        return None
    for prefix, word in prefixed_words().items():
        if _joined_to_prefix(first, prefix):
            return (first.removeprefix(prefix), word)
    return None


def compound_spellings(base: str, word: str) -> list[str]:
    """The compounds written for a word and the word after it ("ktp", "elektronik" ->
    ["e-ktp", "ktp-el"])."""
    return [f"{p}-{base}" for p, w in prefixed_words().items() if w == word] + [
        f"{base}-{s}" for s, w in suffixed_words().items() if w == word
    ]


def compound_short_forms(words: list[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, base, word) for each run of `words` (lower-case content words) that spells
    a compound the other way: a word and the word a prefix stands for ("ktp", "elektronik":
    e-KTP), a glossary acronym and a suffix typed apart ("ktp", "el": KTP-el), or a glossary
    long form and that word ("kartu tanda penduduk elektronik", the base its acronym)."""
    compound_words = set(prefixed_words().values()) | set(suffixed_words().values())
    spelt = {end: (start, acronym) for start, end, acronym in find_long_forms(words)}
    found: list[tuple[int, int, str, str]] = []
    for i in range(1, len(words)):
        if words[i] in suffixed_words() and words[i - 1] in terms():
            # "ktp el": KTP-el typed without its hyphen, after a glossary acronym only (not
            # "madrid el clasico")
            found.append((i - 1, i + 1, words[i - 1], suffixed_words()[words[i]]))
            continue
        if words[i] not in compound_words:
            continue
        start, base = spelt.get(i, (i - 1, words[i - 1]))
        if base.isalnum():
            found.append((start, i + 1, base, words[i]))
    return found


def indexed(term: Term) -> bool:
    """Whether the analyzer writes this acronym where a text writes one of its long forms."""
    return term.curated or len(term.acronym) > SHORT_ACRONYM


def is_indexed(word: str) -> bool:
    term = terms().get(word)
    return term is not None and indexed(term)


@cache
def indexed_long_forms() -> dict[tuple[str, ...], str]:
    """Long form (lower-case content words) -> acronym, for the analyzer."""
    return {f: acr for f, acr in _by_long_form().items() if indexed(terms()[acr])}


@cache
def indexed_prefixes() -> frozenset[tuple[str, ...]]:
    """Every leading run of words of an indexed long form (for the analyzer's lookahead)."""
    return frozenset(f[:n] for f in indexed_long_forms() for n in range(1, len(f) + 1))


@cache
def indexed_starts() -> frozenset[str]:
    """The first word of every indexed long form."""
    return frozenset(f[0] for f in indexed_long_forms())
