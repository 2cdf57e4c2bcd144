"""Acronyms and their long forms (KPK ⇄ Komisi Pemberantasan Korupsi), applied at query time.

Two data files in `search/data/`: `glossary.toml` (curated government vocabulary) and
`glossary_mined.toml` (pairs a corpus writes as "Long Form (ACR)", see `search.mining`).
The curated entry wins where both name an acronym. A mined acronym of two or three letters
("AS", "PP") is only expanded when the query writes it in capitals: in lower case it is too
often an ordinary word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from search.analysis import analyze
from search.lexicon import load_toml

SHORT_ACRONYM = 3


@dataclass(frozen=True)
class Term:
    acronym: str  # lower-case, as the analyzer sees it ("kpk", "kemenpan-rb" -> "kemenpanrb")
    long_forms: tuple[tuple[str, ...], ...]  # each a sequence of lower-case words as written
    curated: bool


def _key(text: str) -> tuple[str, ...]:
    """Content words of a long form, lower-case, as the exact analyzer writes them (function
    words such as "dan" dropped so "Pendapatan dan Belanja" matches "Pendapatan Belanja")."""
    from search.lexicon import stopwords

    words = analyze(text, stem=False)
    stops = stopwords()
    return tuple(w for w in words if w not in stops) or tuple(words)


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
            forms = tuple(dict.fromkeys(_key(f) for f in entry.get("long", []) if _key(f)))
            if key and forms:
                out[key] = Term(key, forms, curated)
    return out


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


def find_long_forms(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) for each run of `words` (lower-case content words) that spells
    a glossary long form, longest first, not overlapping."""
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
