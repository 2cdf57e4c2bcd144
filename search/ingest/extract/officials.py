"""Officials named in an article: "<role> <name>" patterns plus a gazetteer of aliases.

Role phrases are read as written: "Sekretaris Jenderal (Sekjen) Kementerian Dalam Negeri
(Kemendagri) Suhajar Diantoro" gives the role "Sekjen Kemendagri" (the short forms the text
itself introduces) and the name "Suhajar Diantoro".

An official the text names without a role gets the one the gazetteer gives: the role held on
the article's date when the entry lists its terms ("Tito" in September 2019 is the Kapolri, in
November 2019 the Mendagri; none when no term covers the date, or the date's span straddles
two), else the entry's first role.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from search.lexicon import load_toml, places
from search.model import Official

log = logging.getLogger(__name__)

_WORD = r"[A-Z][A-Za-z'’`-]*"
_TOKEN = re.compile(
    r"\s*(?:(?P<paren>\([^()\n]{1,40}\))|(?P<initial>[A-Z]\.?)(?=\s)"
    r"|(?P<word>[A-Za-z][A-Za-z'’`-]*[A-Za-z]\.?)"
    r"|(?P<comma>,))"
)


# A term of office: (role, first day, last day), days as YYYYMMDD integers.
_Term = tuple[str, int, int]


@dataclass(frozen=True)
class _Gazetteer:
    by_alias: dict[str, tuple[str, str]]  # alias (lower) -> (canonical name, default role)
    # Aliases as written (and in capitals), longest first: a case-sensitive scan is fast.
    alias_pattern: re.Pattern[str] | None
    terms: dict[str, list[_Term]]  # canonical name -> its terms, when the entry lists them

    def role_on(self, canonical: str, default: str, span: tuple[int, int] | None) -> str:
        """The role an official named without one held over `span` (an article's first and
        last possible day): see the module docstring."""
        terms = self.terms.get(canonical)
        if not terms or span is None:
            return default
        held = {role for role, first, last in terms if first <= span[0] and span[1] <= last}
        return held.pop() if len(held) == 1 else ""


def _day(text: str, open_end: int) -> int:
    return int(text.replace("-", "")) if text else open_end


_TERM_DAY = re.compile(r"(?:\d{4}-\d{2}-\d{2})?")


def _terms(entry: dict) -> list[_Term]:
    """An entry's `terms = [[role, "YYYY-MM-DD", "YYYY-MM-DD" or ""], ...]`. A term written
    otherwise (a user's edit of the gazetteer) is left out with a warning, never a crash."""
    terms: list[_Term] = []
    for term in entry.get("terms", []):
        if (
            isinstance(term, list)
            and len(term) == 3
            and all(isinstance(t, str) for t in term)
            and term[0]
            and all(_TERM_DAY.fullmatch(t) for t in term[1:])
        ):
            terms.append((term[0], _day(term[1], 0), _day(term[2], 99991231)))
        else:
            log.warning(
                "officials.toml: %s: term %r left out (write [role, first day, last day],"
                ' days as "YYYY-MM-DD" or "" for none)',
                entry.get("name"),
                term,
            )
    return terms


@dataclass(frozen=True)
class _Roles:
    head_pattern: re.Pattern[str]
    qualifiers: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]
    place_heads: frozenset[str]
    private_bodies: frozenset[str]
    public_bodies: frozenset[str]
    document_words: frozenset[str]
    staff_words: frozenset[str]
    role_words_before: frozenset[str]


@cache
def gazetteer() -> _Gazetteer:
    by_alias: dict[str, tuple[str, str]] = {}
    for entry in load_toml("officials.toml").get("official", []):
        role = (entry.get("roles") or [""])[0]
        for alias in [entry["name"], *entry.get("aliases", [])]:
            by_alias[_clean_name(alias).lower()] = (entry["name"], role)
    forms: set[str] = set()
    for entry in load_toml("officials.toml").get("official", []):
        for alias in [entry["name"], *entry.get("aliases", [])]:
            clean = _clean_name(alias)
            forms.add(clean)
            if len(clean) > 4:  # "JOKOWI" in a headline; but "Uu" must not match "UU"
                forms.update({clean.upper(), clean.title()})
    pattern = None
    if forms:
        pattern = re.compile(rf"{_alternation(forms)}(?![\w'’-])")  # see _word_matches
    terms = {e["name"]: _terms(e) for e in load_toml("officials.toml").get("official", [])}
    return _Gazetteer(by_alias, pattern, {name: t for name, t in terms.items() if t})


@cache
def _roles() -> _Roles:
    table = load_toml("roles.toml")
    heads = table["heads"]
    head_pattern = re.compile(_alternation(heads) + r"(?![\w-])")  # see _word_matches
    qualifiers = set(table["qualifiers"])
    for place in places():
        qualifiers.update(place.split())
    return _Roles(
        head_pattern,
        frozenset(qualifiers),
        frozenset(t.rstrip(".") for t in table["titles"]),
        frozenset(table["not_names"]),
        frozenset(table.get("place_heads", [])),
        frozenset(table.get("private_bodies", [])),
        frozenset(table.get("public_bodies", [])),
        frozenset(table.get("document_words", [])),
        frozenset(table.get("staff_words", [])),
        frozenset(table.get("role_words_before", [])),
    )


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, the longest where several match, written as a trie
    ("Men(?:teri(?: Koordinator)?|ko)"): `re` tries alternatives one by one, and a trie
    leaves it one letter to test per branch instead of a few hundred whole words."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        options = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return f"(?:{body})?" if "" in node else body  # longer first, then end here

    return f"(?:{branch(trie)})"


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
    if re.fullmatch(r"[A-Z]\.?", word):
        return True
    return (
        bool(re.fullmatch(_WORD, word))
        and word not in _roles().not_names
        and not (word.isupper() and len(word) > 2)
        and not _roles().head_pattern.fullmatch(word)
    )


@cache
def _root_words() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words."""
    data = resources.files("Sastrawi.Stemmer").joinpath("data", "kata-dasar.txt")
    return frozenset(data.read_text(encoding="utf-8").split())


@cache
def is_common_word(word: str) -> bool:
    """True for an Indonesian dictionary word or a form of one ('Kelautan', 'Pajak'):
    such words name portfolios and agencies, not people."""
    lower = word.lower().rstrip(".")
    return lower in _root_words() or is_derived_word(word)


@cache
def is_derived_word(word: str) -> bool:
    """True for an affixed form of a dictionary word ('Perhubungan', 'Pemuda'). Unlike bare
    roots (Budi, Karya, Indah), such forms are never personal names."""
    from search.text.analyzer import stem_word

    lower = word.lower().rstrip(".")
    if len(lower) <= 4 or not lower.isalpha():
        return False
    stem = stem_word(lower)
    return stem != lower and stem in _root_words()


def _is_qualifier(word: str) -> bool:
    roles = _roles()
    return (
        word in roles.qualifiers
        or word in roles.private_bodies
        or word in ("dan", "untuk")
        or is_derived_word(word)
    )


# Roles that "Jenderal" completes ("Sekretaris Jenderal"): after any other it is a rank.
_JENDERAL_ROLES = frozenset({"Sekretaris", "Direktur", "Inspektur", "Jaksa", "Auditor"})


def _scan_role(text: str, start: int, head: str) -> tuple[str, str, str] | None:
    """From a role head at `start`, read role words, short forms and the name after them.

    Returns (role as written, name, alias in parentheses after the name) or None.
    """
    roles = _roles()
    role_parts: list[str] = []
    run: list[str] = head.split()
    pos = start + len(head)
    alias = ""
    comma_at: int | None = None  # where the name starts when a comma separates it
    after_rank = False
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
            split = _acronym_split(inner, run)
            if split and not role_parts:
                # "Sekjen Transparency International Indonesia (TII) Dadang": an agency.
                role_parts.append(" ".join([*run[:split], inner]))
                run = []
                pos = m.end()
                continue
            alias = inner
            break
        if m.group("comma"):
            if run and (comma_at is not None or not _role_before_comma(text, m.end(), head, run)):
                break  # a comma after the name ends it
            # After a short form, or "Kepala Dinas Kehutanan Sumbar, Yozarwardi": the name
            # follows the comma.
            comma_at = len(run) if run else None
            pos = m.end()
            continue
        token = m.group("initial") or m.group("word")
        bare = token.rstrip(".")
        if bare in roles.titles and (
            token.endswith(".")
            or not run
            or run[-1] in roles.qualifiers
            or (bare == "Jenderal" and run[-1] not in _JENDERAL_ROLES)
        ):
            # "Kapolri Jenderal (Polisi) Tito", "Marsekal TNI Hadi": a rank, and the force
            # named after it, are not part of the role (nor "Sekjen"'s Jenderal).
            after_rank = True
            pos = m.end()
            continue
        if after_rank and bare in ("Polisi", "TNI"):
            after_rank = False
            pos = m.end()
            continue
        after_rank = False
        if token in ("dan", "untuk") and run and _role_like(run[-1]):
            # "Menteri Pemuda dan Olahraga": a portfolio joined by "dan" goes on.
            nxt = _TOKEN.match(text, m.end())
            if nxt and nxt.group("word") and nxt.group("word")[0].isupper():
                run.append(token)
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
        if comma_at is not None:
            comma_at -= len(head_words)
    qualifier_count = 0
    if comma_at is not None and comma_at > 0:
        qualifier_count = comma_at
    else:
        while qualifier_count < len(run) and _is_qualifier(run[qualifier_count]):
            qualifier_count += 1
    if comma_at is None and head in roles.place_heads and len(run) - qualifier_count >= 2:
        # "Camat Ciranjang Kuslin Burhadi": small units are named first, and are too many
        # to list; the place is one word, or two before a name of two or more words.
        qualifier_count += 2 if len(run) - qualifier_count >= 4 else 1
    qualifiers, name_words = run[:qualifier_count], run[qualifier_count:]
    name_words = [w for w in name_words if w.rstrip(".") not in roles.titles]
    if not _is_person_name(name_words):
        return None
    role = " ".join([*role_parts, *qualifiers])
    if not _public_office(role):
        return None
    return role, " ".join(name_words), alias


def _public_office(role: str) -> bool:
    """False for a party's or a company's post ('Sekjen Partai Demokrat')."""
    words = set(role.split())
    roles = _roles()
    return not (words & roles.private_bodies) or bool(words & roles.public_bodies)


def _role_like(word: str) -> bool:
    """A word that can belong to a role phrase: portfolio, agency, acronym, place."""
    return (
        _is_qualifier(word)
        or (word.isupper() and len(word) > 1)
        or bool(_roles().head_pattern.fullmatch(word))
        or is_common_word(word)
    )


def _role_before_comma(text: str, after: int, head: str, run: list[str]) -> bool:
    """True if the words before a comma are a role phrase and a name follows it:
    'Ketua PPIH Arab Saudi, Endang Jumali', 'Kapolsek Jagakarsa, Komisaris Harsono'."""
    nxt = _TOKEN.match(text, after)
    if not nxt or not (nxt.group("word") or nxt.group("initial")):
        return False
    if not (nxt.group("word") or nxt.group("initial"))[0].isupper():
        return False
    tail = run[len(head.split()) :] if run[: len(head.split())] == head.split() else run
    unknown = [w for w in tail if not _role_like(w)]
    # Heads of places may name a place we do not know: "Kapolsek Jagakarsa, ..."
    allowed = 1 if head in _roles().place_heads else 0
    return len(unknown) <= allowed and not any(_known([w]) for w in tail)


def _acronym_split(short: str, run: list[str]) -> int | None:
    """Where an agency's name starts in `run` if `short` abbreviates its last two or more
    words: 'TII' of [Sekjen, Transparency, International, Indonesia] -> 1, 'Dispora' of
    [Kepala, Dinas, Pemuda, dan, Olahraga] -> 1. Mixed-case short forms count only when the
    words are role words, so 'Jokowi' is never read as an agency of [Joko, Widodo]."""
    if not (2 <= len(short) <= 10 and short.replace("-", "").isalpha() and short[0].isupper()):
        return None
    for start in range(1, len(run) - 1):
        words = run[start:]
        if short[0].lower() != words[0][0].lower() or not _abbreviates(short, words):
            continue
        if short.isupper() or all(_role_like(w) for w in words):
            return start
    return None


def _is_person_name(words: list[str]) -> bool:
    if not words or len(words) > 4 or not all(_is_name_word(w) for w in words):
        return False
    if any(is_derived_word(w) for w in words):
        return False
    # A lone initial, or only dictionary words ("Direktur", "Lingkungan Hidup"), is no name.
    full = [w for w in words if len(w.rstrip(".")) > 1]
    return (bool(full) and not all(is_common_word(w) for w in full)) or _known(words)


def _known(words: list[str]) -> bool:
    return " ".join(words).lower() in gazetteer().by_alias


_WORD_BEFORE = re.compile(r"([\w'’.-]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([\w'’-]+)")


# A match of the alias (or role) pattern right after one of these is inside another word.
_ALIAS_JOINED = re.compile(r"[\w'’-]")
_HEAD_JOINED = re.compile(r"[\w-]")


def _word_matches(
    pattern: re.Pattern[str], text: str, joined: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) without the matches right after a `joined` character: what
    a `(?<!joined)` at the start of the pattern gives, three times faster. The patterns are
    alternations of some hundred names, and `re` skips ahead to their first letters only
    when the pattern starts with the alternation, not with a lookbehind."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start and joined.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = max(m.end(), start + 1)


def _alias_mentions(text: str) -> Iterator[str]:
    """Gazetteer aliases written in `text`, longest first.

    An alias that is part of a longer name ("Emil" in "Emil Dardak", "Prabowo" in
    "Hadi Prabowo") is not a mention of the gazetteer's official.
    """
    pattern = gazetteer().alias_pattern
    if pattern is None:
        return
    for m in _word_matches(pattern, text, _ALIAS_JOINED):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        after = _WORD_AFTER.match(text, m.end())
        if _extends_name(before.group(1) if before else "") or _extends_name(
            after.group(1) if after else ""
        ):
            continue
        yield m.group(0)


def _extends_name(word: str) -> bool:
    """True if `word` beside an alias would make it part of another person's name."""
    if not word or word in _roles().qualifiers or word in _roles().titles:
        return False
    if _roles().head_pattern.fullmatch(word) or not _is_name_word(word):
        return False
    return not is_common_word(word)


# Given names a known official is also written with ("Muhammad Tito Karnavian").
_NAME_PREFIXES = frozenset({"Muhammad", "Mohammad", "Mohamad", "Moh", "Muh", "M"})
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w-]* )+$")


def _words_before(text: str, start: int) -> list[str] | None:
    """The staff words right before a role head at `start` ("Staf Khusus" of "Staf Khusus
    Presiden"), or None when a law's name comes before it ("Peraturan Menteri ...")."""
    before = _WORDS_BEFORE.search(text, max(0, start - 80), start)
    if before is None:
        return []
    words = before.group(0).split()
    roles = _roles()
    if words[-1] in roles.document_words:
        return None
    staff: list[str] = []
    for word in reversed(words):
        if word not in roles.staff_words and word not in roles.role_words_before:
            break
        staff.insert(0, word)
    return staff


def _known_name_at_end(role: str, name: str, alias: str, gaz: _Gazetteer) -> tuple[str, str, str]:
    """A name read with role words before a known official ("Kemaritiman Luhut Binsar
    Pandjaitan"): the known name, the words before it given back to the role. Only a known
    name of two words or more: "Hadi Prabowo" is not "Prabowo"."""
    words = name.split()
    if len(words) > 2 and name.lower() not in gaz.by_alias:
        for i in range(1, len(words) - 1):
            tail = " ".join(words[i:])
            if tail.lower() in gaz.by_alias:
                extra = [w for w in words[:i] if w.rstrip(".") not in _NAME_PREFIXES]
                if not all(_role_like(w) for w in extra):  # "Atalia Ridwan Kamil"
                    break
                return " ".join([role, *extra]).strip(), tail, alias
    return role, name, alias


def find_officials(
    paragraphs: Iterable[str], span: tuple[int, int] | None = None, title: str = ""
) -> list[Official]:
    """Officials named in the text, merged across aliases, in order of first mention; `span`
    is the first and last day (YYYYMMDD) the article's date may be, for the roles of those
    named without one (see the module docstring). The gazetteer's aliases in the `title`
    count too, after the body's mentions ("Sri Mulyani Yakin Target Pajak Tercapai" over a
    body that says only "Indrawati")."""
    found: dict[str, Official] = {}
    gaz = gazetteer()
    mentions: list[tuple[str, str]] = []  # (name as written, role)
    for text in paragraphs:
        for m in _word_matches(_roles().head_pattern, text, _HEAD_JOINED):
            staff = _words_before(text, m.start())
            if staff is None:
                continue
            scanned = _scan_role(text, m.start(), m.group(0))
            if scanned:
                role, name, alias = _known_name_at_end(*scanned, gaz)
                if name.lower() not in gaz.by_alias:
                    # "Staf Khusus Presiden Joko Widodo, Ari Dwipayana": the staff post is
                    # not the known official's (he holds the office).
                    role = " ".join([*staff, role])
                elif staff and staff[0] in _roles().role_words_before:
                    role = " ".join([staff[0], role])  # "Calon Presiden Prabowo Subianto"
                mentions.append((name, role))
                if alias and alias.lower() in gaz.by_alias:
                    mentions.append((alias, role))
        mentions.extend((alias, "") for alias in _alias_mentions(text))
    if title:
        mentions.extend((alias, "") for alias in _alias_mentions(title))
    full_names = {name for name, _ in mentions if " " in name}
    full_names |= {
        gaz.by_alias[name.lower()][0] for name, _ in mentions if name.lower() in gaz.by_alias
    }
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
            found[canonical] = Official(
                canonical, role or gaz.role_on(canonical, default_role, span)
            )
        elif not existing.role and role:
            found[canonical] = Official(canonical, role)
    return list(found.values())
