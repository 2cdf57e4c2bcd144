"""Officials named in an article: "<role> <name>" patterns plus a gazetteer of aliases.

Role phrases are read as written: "Sekretaris Jenderal (Sekjen) Kementerian Dalam Negeri
(Kemendagri) Suhajar Diantoro" gives the role "Sekjen Kemendagri" (the short forms the text
itself introduces) and the name "Suhajar Diantoro".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from search.articles import Official
from search.lexicon import load_toml, places

_WORD = r"[A-Z][A-Za-z'’`-]*"
_TOKEN = re.compile(
    r"\s*(?:(?P<paren>\([^()\n]{1,40}\))|(?P<initial>[A-Z]\.)(?=\s)"
    r"|(?P<word>[A-Za-z][A-Za-z'’`-]*[A-Za-z]\.?)"
    r"|(?P<comma>,))"
)


@dataclass(frozen=True)
class _Gazetteer:
    by_alias: dict[str, tuple[str, str]]  # alias (lower) -> (canonical name, default role)
    alias_pattern: re.Pattern[str] | None


@dataclass(frozen=True)
class _Roles:
    head_pattern: re.Pattern[str]
    qualifiers: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]


@cache
def gazetteer() -> _Gazetteer:
    by_alias: dict[str, tuple[str, str]] = {}
    for entry in load_toml("officials.toml").get("official", []):
        role = (entry.get("roles") or [""])[0]
        for alias in [entry["name"], *entry.get("aliases", [])]:
            by_alias[_clean_name(alias).lower()] = (entry["name"], role)
    aliases = sorted(by_alias, key=len, reverse=True)
    pattern = None
    if aliases:
        alternatives = "|".join(re.escape(a) for a in aliases)
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return _Gazetteer(by_alias, pattern)


@cache
def _roles() -> _Roles:
    table = load_toml("roles.toml")
    heads = sorted(table["heads"], key=len, reverse=True)
    head_pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])"
    )
    qualifiers = set(table["qualifiers"])
    for place in places():
        qualifiers.update(place.split())
    return _Roles(
        head_pattern,
        frozenset(qualifiers),
        frozenset(t.rstrip(".") for t in table["titles"]),
        frozenset(table["not_names"]),
    )


def _clean_name(name: str) -> str:
    """Drop honorifics and academic titles: 'Dr. H. Joko Widodo, S.H.' -> 'Joko Widodo'."""
    titles = _roles().titles
    parts = [p for p in name.replace(",", " ").split() if p.rstrip(".") not in titles]
    return " ".join(parts)


def _abbreviates(short: str, words: list[str]) -> bool:
    """True if `short` is an abbreviation of `words`: 'Sekjen' of 'Sekretaris Jenderal'."""
    letters = re.sub(r"[^a-z]", "", short.lower())
    long = "".join(words).lower()
    if not letters or not long or letters[0] != long[0] or len(letters) > len(long):
        return False
    it = iter(long)
    return all(ch in it for ch in letters)


def _is_name_word(word: str) -> bool:
    if re.fullmatch(r"[A-Z]\.", word):
        return True
    return (
        bool(re.fullmatch(_WORD, word))
        and word not in _roles().not_names
        and not (word.isupper() and len(word) > 2)
    )


def _scan_role(text: str, start: int, head: str) -> tuple[str, str, str] | None:
    """From a role head at `start`, read role words, short forms and the name after them.

    Returns (role as written, name, alias in parentheses after the name) or None.
    """
    roles = _roles()
    role_parts: list[str] = []
    run: list[str] = head.split()
    pos = start + len(head)
    alias = ""
    while True:
        m = _TOKEN.match(text, pos)
        if not m:
            break
        if m.group("paren"):
            inner = m.group("paren")[1:-1].strip()
            if run and _abbreviates(inner, run) and (role_parts or run[0] == head.split()[0]):
                role_parts.append(inner)
                run = []
                pos = m.end()
                continue
            alias = inner
            break
        if m.group("comma"):
            if run:  # a comma after the name ends it; after a short form it is allowed
                break
            pos = m.end()
            continue
        token = m.group("initial") or m.group("word")
        bare = token.rstrip(".")
        if bare in roles.titles and (token.endswith(".") or not run or run[-1] in roles.qualifiers):
            pos = m.end()
            continue
        if not token[0].isupper():
            break
        if token.endswith(".") and m.group("word"):
            run.append(bare)  # "... Suhajar Diantoro." ends the sentence and the name
            break
        run.append(token)
        pos = m.end()
    if not role_parts:
        # No short form: the head is the first words of the run.
        head_words = head.split()
        role_parts = [head]
        run = run[len(head_words) :]
    qualifier_count = 0
    while qualifier_count < len(run) and (run[qualifier_count] in roles.qualifiers):
        qualifier_count += 1
    qualifiers, name_words = run[:qualifier_count], run[qualifier_count:]
    name_words = [w for w in name_words if w.rstrip(".") not in roles.titles]
    if not name_words or len(name_words) > 4 or not all(_is_name_word(w) for w in name_words):
        return None
    role = " ".join([*role_parts, *qualifiers])
    return role, " ".join(name_words), alias


def find_officials(paragraphs: Iterable[str]) -> list[Official]:
    """Officials named in the text, merged across aliases, in order of first mention."""
    found: dict[str, Official] = {}
    gaz = gazetteer()
    mentions: list[tuple[str, str]] = []  # (name as written, role)
    texts = list(paragraphs)
    for text in texts:
        for m in _roles().head_pattern.finditer(text):
            scanned = _scan_role(text, m.start(), m.group(0))
            if scanned:
                role, name, alias = scanned
                mentions.append((name, role))
                if alias and alias.lower() in gaz.by_alias:
                    mentions.append((alias, role))
        if gaz.alias_pattern:
            for m in gaz.alias_pattern.finditer(text):
                if m.group(0)[0].isupper():
                    mentions.append((m.group(0), ""))
    full_names = {name for name, _ in mentions if " " in name}
    for name, role in mentions:
        canonical, default_role = gaz.by_alias.get(name.lower(), (None, ""))
        if canonical is None and " " not in name:
            # "Mendagri Tito" after "Tito Karnavian": a short mention of a full name.
            longer = [full for full in full_names if name in full.split()]
            if len(longer) == 1:
                canonical = longer[0]
        canonical = canonical or name
        canonical = gaz.by_alias.get(canonical.lower(), (canonical, ""))[0]
        existing = found.get(canonical)
        if existing is None:
            found[canonical] = Official(canonical, role or default_role)
        elif not existing.role and role:
            found[canonical] = Official(canonical, role)
    return list(found.values())
