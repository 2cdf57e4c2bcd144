"""Officials named in an article: "<role> <name>" patterns plus a gazetteer of aliases.

Role phrases are read as written: "Sekretaris Jenderal (Sekjen) Kementerian Dalam Negeri
(Kemendagri) Suhajar Diantoro" gives the role "Sekjen Kemendagri" (the short forms the text
itself introduces) and the name "Suhajar Diantoro".

A role may also follow its holder's name, in apposition ("Owen Jenkins, Duta Besar Inggris
untuk Indonesia dan Timor Leste,") or after a joining phrase of roles.toml `role_after_name`
("Seiko Hashimoto, sebagai menteri Olimpiade"; a former role after "yang sebelumnya menjabat
sebagai"): only when the role opens no name of its own and names one office.

A name must be a person's (person_names: not a place, agency, program or phrase). A gazetteer
alias inside another name ("Tito Rabat", "Universitas Airlangga") is not the official; a
partial alias ("Tito", "Sri Mulyani") names him only when the article names him in full, by
role or by office; a local office he never held names a namesake ("Wakil Bupati Klaten Sri
Mulyani"). Spelling variants of a gazetteer name are that official, and a role has one label
per office (roles.toml `labels`).

An official the text names without a role gets the one the gazetteer gives: the role held on
the article's date when the entry lists its terms ("Tito Karnavian" in September 2019 is the
Kapolri, in November 2019 the Mendagri; none when no term covers the date, or the date's span
straddles two), else the entry's first role. One whose entry's terms are every office he held
(`all_terms`) is no official before the first ("Gibran Rakabuming Raka" in 2019, Wali Kota
Surakarta from 2021).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from search import regex_cache
from search.i18n import gettext
from search.ingest.extract.association_posts import association_post
from search.ingest.extract.dates import DAY_PART, PAREN_DATE, WEEKDAY_NAME, WEEKDAYS
from search.ingest.extract.person_names import (
    CACHED_WORDS,
    LOWER,
    PAREN_AGE,
    UPPER,
    continues_agency,
    is_agency,
    is_agency_word,
    is_common_word,
    is_compass,
    is_cut_short,
    is_degree,
    is_derived_word,
    is_full_word,
    is_institution_word,
    is_institution_word_after,
    is_name_particle,
    is_place,
    is_verb_of_root,
    looks_like_person,
    name_core,
    name_opener,
    name_particles,
    names_one_place,
    nickname_words,
    not_names,
    opens_balinese_name,
    opens_name,
    opens_place,
    opens_sentence_only,
    place_name_kind,
    surname_also_place,
    without_degrees,
    word_shape_ok,
)
from search.lexicon import foreign_regions, load_toml, name_roots, places, short_names, stopwords
from search.model import Official
from search.text.glossary import long_forms, terms

log = logging.getLogger(__name__)

_TOKEN = re.compile(
    r"\s*(?:(?P<paren>\([^()\n]{1,40}\))|(?P<initial>[A-Z]\.?)(?=\s)"
    # a unit's number: "Dandim 0420/Sarko", "Pangdam IX/Udayana"
    r"|(?P<code>(?:\d+|[IVX]+(?=/))(?:/[A-Za-z][\w-]*)?)(?=[\s,])"
    # a word; two offices' or bodies' names joined by a slash are one ("ATR/BPN",
    # "PPN/Bappenas")
    # an ordinal in figures: "Presiden ke-3 RI"
    rf"|(?P<word>ke-\d+(?=[\s,])|[{UPPER}{LOWER}][{UPPER}{LOWER}'’`-]*[{UPPER}{LOWER}]"
    # (one of them an acronym: not a photo's credit, "Sri Mulyani Indrawati/Antara")
    rf"(?:(?<=[{UPPER}]{{2}})/[{UPPER}][{UPPER}{LOWER}-]*[{UPPER}{LOWER}]"
    rf"|/[{UPPER}]{{2,}}(?![{LOWER}]))?\.?)"
    r"|(?P<comma>,))"
)


_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")

# A term of office: (role, first day, last day), days as YYYYMMDD integers.
_Term = tuple[str, int, int]


@dataclass(frozen=True)
class _Gazetteer:
    by_alias: dict[str, tuple[str, str]]  # alias (lower) -> (canonical name, default role)
    # Aliases as written (and in capitals), longest first: a case-sensitive scan is fast.
    alias_pattern: re.Pattern[str] | None
    terms: dict[str, list[_Term]]  # canonical name -> its terms, when the entry lists them
    # Aliases (lower) that are part of a longer form of the name: one word of it ("Tito")
    # or its first words ("Sri Mulyani"), but for those its entry says name him `alone`
    # ("Habibie"). Alone, they need the article to name the official more fully.
    partial: frozenset[str] = frozenset()
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # canonical -> every role
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # canonical -> name words
    # Full names (lower) for spelling variants: two words or more, and one-word names.
    full_forms: dict[str, str] = field(default_factory=dict)  # form (lower) -> canonical
    # canonical -> the words of its roles that name its office ("KPK", "Kapolri", "Jabar")
    office_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # canonical names whose entries' terms are every office they held (`all_terms = true`)
    all_terms: frozenset[str] = frozenset()
    alone: frozenset[str] = frozenset()  # parts of names that name their official alone

    def names_of(self, canonical: str) -> list[str]:
        """An official's canonical name, then every alias of his (lower case)."""
        return [canonical, *(a for a, (c, _) in self.by_alias.items() if c == canonical)]

    def role_on(self, canonical: str, default: str, span: tuple[int, int] | None) -> str:
        """The role an official named without one held over `span` (an article's first and
        last possible day): see the module docstring."""
        terms = self.terms.get(canonical)
        if not terms or span is None:
            return default
        held = {role for role, first, last in terms if first <= span[0] and span[1] <= last}
        return held.pop() if len(held) == 1 else ""

    def before_first_term(self, canonical: str, span: tuple[int, int] | None) -> bool:
        """True when an article of `span` is before the first term the gazetteer gives an
        official ("Firli Bahuri" in September 2019, Ketua KPK from December)."""
        terms = self.terms.get(canonical)
        if not terms or span is None:
            return False
        return span[1] < min(first for _, first, _ in terms)

    def takes_later(self, canonical: str, role: str) -> bool:
        """True when `role` names the office of one of the official's terms that is not won
        by a popular vote (for one before them: chosen or appointed, not yet in office; the
        winner of an election, "Wakil Presiden terpilih Ma'ruf Amin", is an elected official
        to readers)."""
        elected = _roles().elected_offices
        return any(
            same_office(role, held) and not any(same_office(held, e) for e in elected)
            for held, _, _ in self.terms.get(canonical, [])
        )

    def before_office(self, canonical: str, span: tuple[int, int] | None) -> bool:
        """True when an article of `span` is before the first term of an official whose
        entry's terms are every office he held (`all_terms`: "Gibran Rakabuming Raka" in
        2019, Wali Kota Surakarta from 2021): he held none yet."""
        return canonical in self.all_terms and self.before_first_term(canonical, span)


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
                gettext(
                    "officials.toml: %(name)s: term %(term)s left out (write [role, first day,"
                    ' last day], days as "YYYY-MM-DD" or "" for none)',
                    name=entry.get("name"),
                    term=repr(term),
                )
            )
    return terms


@dataclass(frozen=True)
class _Roles:
    head_pattern: re.Pattern[str]
    qualifiers: frozenset[str]
    titles: frozenset[str]
    place_heads: frozenset[str]
    unit_heads: frozenset[str]
    private_bodies: frozenset[str]
    public_bodies: frozenset[str]
    document_words: frozenset[str]
    staff_words: frozenset[str]
    role_words_before: frozenset[str]
    local_heads: frozenset[str]
    labels: dict[str, str]
    country_suffixes: tuple[str, ...]
    role_words: dict[str, str]
    country_heads: frozenset[str]
    # of those, the heads no company, club or title takes: read bare before a full name
    government_only_heads: frozenset[str]
    private_heads: tuple[str, ...]
    unit_words: frozenset[str]
    after_rank: frozenset[str]
    modifiers: frozenset[str]
    institution_starts: frozenset[str]
    # A head as written -> as listed: a short form in capitals or lower case ("KAPOLRES",
    # "kapolres") is "Kapolres".
    head_forms: dict[str, str] = field(default_factory=dict)
    party_boards: frozenset[str] = frozenset()
    staff_heads: frozenset[str] = frozenset()
    personal_aides: frozenset[str] = frozenset()
    public_body_boards: frozenset[str] = frozenset()
    not_office_heads: frozenset[str] = frozenset()
    staff_openers: frozenset[str] = frozenset()
    role_after_name: tuple[str, ...] = ()
    former_role_after_name: tuple[str, ...] = ()
    elected_role_after_name: tuple[str, ...] = ()
    beside_subject: frozenset[str] = frozenset()
    offices_alone: frozenset[str] = frozenset()
    body_leaders: frozenset[str] = frozenset()
    member_words: frozenset[str] = frozenset()
    private_posts: frozenset[str] = frozenset()
    private_names: tuple[tuple[str, ...], ...] = ()
    shared_offices: tuple[tuple[str, ...], ...] = ()  # longest first
    one_deputy_words: frozenset[str] = frozenset()
    role_of_name_before: frozenset[str] = frozenset()
    building_words: tuple[tuple[str, ...], ...] = ()
    royal_titles: tuple[tuple[str, ...], ...] = ()
    unit_name_openers: frozenset[str] = frozenset()
    royal_titles_given_names: frozenset[str] = frozenset()
    open_role_ends: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    listed_offices: frozenset[str] = frozenset()
    company_posts: frozenset[str] = frozenset()
    region_heads: frozenset[str] = frozenset()
    rank_heads: frozenset[str] = frozenset()
    elected_offices: tuple[str, ...] = ()
    rank_forces: frozenset[str] = frozenset()
    acting_words: frozenset[str] = frozenset()
    object_words: frozenset[str] = frozenset()
    party_people: frozenset[str] = frozenset()
    party_posts_alone: frozenset[str] = frozenset()
    staff_offices: frozenset[str] = frozenset()
    term_words: tuple[str, ...] = ()
    public_agencies: frozenset[str] = frozenset()
    region_words: frozenset[str] = frozenset()
    speaker_tag_words: frozenset[str] = frozenset()
    then_phrases: tuple[str, ...] = ()  # "saat itu": a role held then, before its holder
    naming_words: tuple[str, ...] = ()  # "bernama": the holder's name follows
    close_staff: frozenset[str] = frozenset()  # "sopir", "ajudan": lower case
    # a legislature's long name -> its short one, longest first ("Dewan Perwakilan Daerah")
    body_short_forms: tuple[tuple[str, str], ...] = ()
    deputy_offices: tuple[str, ...] = ()  # offices with a "Wakil" of them ("Gubernur")
    deputy_offices_not: tuple[str, ...] = ()  # but these ("Gubernur BI")


@cache
def whole_offices() -> frozenset[str]:
    """The gazetteer's one-word roles that name a whole office ("Menaker", "Kapolri"), a word
    after which opens a name ("Menaker Hanif"), not a portfolio; not a head of state's
    ("Presiden" goes with a country: roles.toml `country_heads`)."""
    return frozenset(
        role
        for roles in gazetteer().roles.values()
        for role in roles
        if " " not in role and role not in _roles().country_heads
    )


# Officials mined from the corpus (search.ingest.extract.officials_mining): entries of the
# gazetteer after the hand-written ones, which take precedence.
MINED_OFFICIALS_FILE = "officials_mined.toml"


def hand_gazetteer_names() -> frozenset[str]:
    """Every name and alias (lower) of the hand-written gazetteer, `officials.toml`."""
    return frozenset(gazetteer().by_alias)


@cache
def _mined_entries() -> tuple[dict, ...]:
    """officials_mined.toml's entries whose names the hand-written gazetteer does not hold."""
    known = hand_gazetteer_names()
    return tuple(
        entry
        for entry in load_toml(MINED_OFFICIALS_FILE).get("official", [])
        if _clean_name(entry["name"]).lower() not in known
    )


@cache
def mined_gazetteer() -> _Gazetteer:
    """The officials mined from the corpus, as a gazetteer of their own: their names are
    matched as written where the text names them without a role (`_read_mentions`), and
    take no part in reading roles and names, which the hand-written gazetteer guides."""
    return _build_gazetteer(_mined_entries())


@cache
def gazetteer() -> _Gazetteer:
    """The hand-written gazetteer, `officials.toml`."""
    return _build_gazetteer(tuple(load_toml("officials.toml").get("official", [])))


def _build_gazetteer(entries: tuple[dict, ...]) -> _Gazetteer:
    by_alias: dict[str, tuple[str, str]] = {}
    spelt: dict[str, list[str]] = {}  # name -> its names in the other spelling
    for entry in entries:
        role = (entry.get("roles") or [""])[0]
        spelt[entry["name"]] = [
            other
            for alias in [entry["name"], *entry.get("aliases", [])]
            for other in _other_spellings(_clean_name(alias))
        ]
        for alias in [entry["name"], *entry.get("aliases", [])]:
            by_alias[_clean_name(alias).lower()] = (entry["name"], role)
    for entry in entries:
        role = (entry.get("roles") or [""])[0]
        for alias in spelt[entry["name"]]:  # never another entry's own alias
            by_alias.setdefault(alias.lower(), (entry["name"], role))
    forms: set[str] = set()
    for entry in entries:
        for alias in [entry["name"], *entry.get("aliases", []), *spelt[entry["name"]]]:
            clean = _clean_name(alias)
            forms.add(clean)
            if len(clean) > 4:  # "JOKOWI" in a headline; but "Uu" must not match "UU"
                forms.update({clean.upper(), clean.title()})
    pattern = None
    if forms:
        pattern = regex_cache.compile(rf"{alternation(forms)}(?![\w'’-])")  # word_matches
    terms = {e["name"]: _terms(e) for e in entries}
    alone = frozenset(_clean_name(a).lower() for e in entries for a in e.get("alone", []))
    partial: set[str] = set()
    roles: dict[str, frozenset[str]] = {}
    words: dict[str, frozenset[str]] = {}
    full_forms: dict[str, str] = {}
    for entry in entries:
        names = [_clean_name(a) for a in [entry["name"], *entry.get("aliases", [])]]
        sets = [frozenset(n.lower().split()) for n in names]
        first_words = names[0].lower().split()
        for i, (name, word_set) in enumerate(zip(names, sets, strict=True)):
            lower = name.lower().split()
            if (
                i
                and name.lower() not in alone
                and (
                    (len(lower) == 1 and any(word_set < other for other in sets))
                    or (len(lower) < len(first_words) and lower == first_words[: len(lower)])
                )
            ):
                partial.add(name.lower())  # "Tito", "Habibie", "Sri Mulyani"
            elif " " in name or len(sets[0]) == 1:
                full_forms[name.lower()] = entry["name"]
        words[entry["name"]] = frozenset().union(*sets)
        roles[entry["name"]] = frozenset(
            [*entry.get("roles", []), *(t[0] for t in terms[entry["name"]])]
        )
    generic = set(load_toml("roles.toml").get("generic_role_words", []))
    office_words = {
        name: frozenset(w for role in held for w in role.split() if w not in generic)
        for name, held in roles.items()
    }
    return _Gazetteer(
        by_alias,
        pattern,
        {name: t for name, t in terms.items() if t},
        frozenset(partial),
        roles,
        words,
        full_forms,
        office_words,
        frozenset(e["name"] for e in entries if e.get("all_terms") is True),
        alone,
    )


def _public_agencies(table: dict) -> list[str]:
    """Each glossary acronym written in capitals whose long forms name a public body
    (roles.toml `agency_long_form_starts`, none holding a word of `agency_long_form_not`):
    "BPJT" (Badan Pengatur Jalan Tol), "DLH" (Dinas Lingkungan Hidup), "PPATK" (Pusat
    Pelaporan dan Analisis Transaksi Keuangan), "KNKT"; not "BEM" (Badan Eksekutif
    Mahasiswa) nor "BUMD" (Badan Usaha Milik Daerah)."""
    starts = frozenset(table.get("agency_long_form_starts", []))
    excluded = frozenset(table.get("agency_long_form_not", []))
    return sorted(
        term.written
        for term in terms().values()
        if term.written.isupper()
        and term.written.isalpha()
        and any(form[0] in starts for form in term.long_forms)
        and not any(excluded & set(form) for form in term.long_forms)
    )


def _agency_heads(table: dict, agencies: list[str]) -> list[str]:
    """The heads "Kepala <ACRONYM>" and "Ketua <ACRONYM>" (roles.toml `body_leaders`) of
    each public agency (`_public_agencies`): "Kepala BPJT", "Wakil Ketua PPATK"."""
    return [f"{leader} {agency}" for agency in agencies for leader in table.get("body_leaders", [])]


# Heads whose holder has a deputy written "Wakil <head>" ("Wakil Ketua KPI Pusat").
_DEPUTY_OF = ("Ketua ", "Kepala ")


def no_office_post(role: str) -> bool:
    """True when `role` opens with a post that is no public office (roles.toml
    `not_office_heads`: "Kasat Reskrim Polres Tebo", "Kapendam XVII/Cenderawasih")."""
    roles = _roles()
    m = roles.head_pattern.match(role)
    return m is not None and _no_office(roles.head_forms.get(m.group(0), m.group(0)), role)


def _no_office(head: str, role: str) -> bool:
    """True when a role read from its `head` is a post of no public office: the head's own
    (roles.toml `not_office_heads`), or such a post's short form right after it."""
    return head in _roles().not_office_heads or _post_after_head(role)


def _post_after_head(role: str) -> bool:
    """True when the word after a role's head is a post of no public office written by its
    short form, the head written twice: "Plt Kepala Kapusdatinmas BNPB"."""
    roles = _roles()
    m = roles.head_pattern.match(role)
    after = role[m.end() :].split() if m else []
    return bool(after) and after[0] in roles.not_office_heads


@cache
def _roles() -> _Roles:
    table = load_toml("roles.toml")
    offices = [*table["heads"]]
    agencies = _public_agencies(table)
    offices += [h for h in _agency_heads(table, agencies) if h not in offices]
    offices += [
        f"Wakil {h}" for h in offices if h.startswith(_DEPUTY_OF) and f"Wakil {h}" not in offices
    ]
    # an acting head of a body's unit is no office either: "Plt Kepala Biro Humas Kemkominfo"
    not_office_heads = [
        *table.get("not_office_heads", []),
        *(
            f"{acting} {head}"
            for acting in table.get("acting_words", [])
            for head in table.get("not_office_heads", [])
            if head.startswith(_DEPUTY_OF) and not head.startswith(acting)
        ),
    ]
    heads = [*offices, *not_office_heads]
    head_forms = {head: head for head in heads}
    for head in heads:
        if _any_case(head):
            head_forms.setdefault(head.upper(), head)
            head_forms.setdefault(head.lower(), head)
    for head in table.get("sentence_case_heads", []):
        first, _, rest = head.partition(" ")  # "Perdana menteri", "Kepala sekretaris Kabinet"
        head_forms.setdefault(f"{first} {rest.lower()}", head)
        head_forms.setdefault(f"{first} {rest[0].lower()}{rest[1:]}", head)
    for head in table.get("lower_case_heads", []):  # "anggota Komisi Hukum DPR"
        first, _, rest = head.partition(" ")
        head_forms.setdefault(f"{first.lower()} {rest}", head)
    staff_heads = [*table.get("staff_heads", []), *not_office_heads]
    for head in staff_heads:  # "Juru bicara KPK", "staf khusus Presiden"
        head_forms.setdefault(head.capitalize(), head)
        head_forms.setdefault(head.lower(), head)
    head_pattern = regex_cache.compile(alternation(head_forms) + r"(?![\w-])")  # word_matches
    qualifiers = set(table["qualifiers"])
    for place in places():
        qualifiers.update(place.split())
    return _Roles(
        head_pattern,
        frozenset(qualifiers),
        frozenset(t.rstrip(".") for t in table["titles"]),
        frozenset(table.get("place_heads", [])),
        frozenset(table.get("unit_heads", [])),
        frozenset([*table.get("parties", []), *table.get("private_bodies", [])]),
        frozenset(table.get("public_bodies", [])),
        frozenset(table.get("document_words", [])),
        frozenset(table.get("staff_words", [])),
        frozenset(table.get("role_words_before", [])),
        frozenset(table.get("local_heads", [])),
        dict(table.get("labels", {})),
        tuple(table.get("country_suffixes", [])),
        dict(table.get("role_words", {})),
        frozenset(table.get("country_heads", [])),
        frozenset(table.get("government_only_heads", [])),
        tuple(table.get("private_heads", [])),
        frozenset(table.get("unit_words", [])),
        frozenset(table.get("after_rank", [])),
        frozenset(table.get("modifiers", [])),
        frozenset(table.get("institution_starts", [])),
        head_forms,
        frozenset(table.get("party_boards", [])),
        frozenset(staff_heads),
        frozenset(table.get("personal_aides", [])),
        frozenset(table.get("public_body_boards", [])),
        frozenset(not_office_heads),
        frozenset(table.get("staff_openers", [])),
        tuple(table.get("role_after_name", [])),
        tuple(table.get("former_role_after_name", [])),
        tuple(table.get("elected_role_after_name", [])),
        frozenset(table.get("beside_subject", [])),
        frozenset(table.get("offices_alone", [])),
        frozenset(table.get("body_leaders", [])),
        frozenset(table.get("member_words", [])),
        frozenset(table.get("private_posts", [])),
        tuple(tuple(n.split()) for n in table.get("private_names", [])),
        tuple(
            tuple(o.split()) for o in sorted(table.get("shared_offices", []), key=len, reverse=True)
        ),
        frozenset(table.get("one_deputy_words", [])),
        frozenset(table.get("role_of_name_before", [])),
        tuple(tuple(w.lower().split()) for w in table.get("building_words", [])),
        tuple(tuple(t.split()) for t in table.get("royal_titles", [])),
        frozenset(table.get("unit_name_openers", [])),
        frozenset(table.get("royal_titles_given_names", [])),
        frozenset(table.get("open_role_ends", [])),
        frozenset(w.lower() for w in table.get("relatives", [])),
        frozenset(table.get("listed_offices", [])),
        frozenset(table.get("company_posts", [])),
        frozenset(table.get("region_heads", [])),
        frozenset(table.get("rank_heads", [])),
        tuple(table.get("elected_offices", [])),
        frozenset(table.get("rank_forces", [])),
        frozenset(table.get("acting_words", [])),
        frozenset(table.get("object_words", [])),
        frozenset(table.get("party_people", [])),
        frozenset(table.get("party_posts_alone", [])),
        frozenset(table.get("staff_offices", [])),
        tuple(table.get("term_words", [])),
        frozenset(agencies),
        frozenset(table.get("region_words", [])),
        frozenset(table.get("speaker_tag_words", [])),
        tuple(table.get("then_phrases", [])),
        tuple(table.get("naming_words", [])),
        frozenset(
            w.lower() for w in [*table.get("close_staff", []), *table.get("personal_aides", [])]
        ),
        tuple(sorted(table.get("body_short_forms", {}).items(), key=lambda p: -len(p[0]))),
        tuple(table.get("deputy_offices", [])),
        tuple(table.get("deputy_offices_not", [])),
    )


def _any_case(head: str) -> bool:
    """True for a head that is a short form written as one word in mixed case ("Kapolres",
    "Mendagri", "Sekda"): pages write it in capitals or lower case too. A dictionary word
    ("Bupati", "Camat", "Raja") is not: in lower case it is no title before a name."""
    return (
        " " not in head
        and len(head) >= 5
        and head[0].isupper()
        and not head.isupper()
        and head.isalpha()
        and not is_common_word(head)
    )


def alternation(words: Iterable[str]) -> str:
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


def alias_key(name: str) -> str:
    """The key the gazetteer files a name or alias under: lower case, no honorific or
    academic title ("Gus Dur" -> "dur")."""
    return _clean_name(name).lower()


def _other_spellings(name: str) -> list[str]:
    """A name of two words or more in the spelling before 1972 and in today's, each pair of
    person_names.toml `old_spellings` changed all through it ("Basaria Panjaitan":
    "Basaria Pandjaitan"; "Soeharto Wiryo": "Suharto Wiryo"), other than itself."""
    if " " not in name:
        return []
    found: list[str] = []
    pairs = load_toml("person_names.toml").get("old_spellings", [])
    for old, new in pairs:
        for a, b in ((old, new), (new, old)):
            # not the letter inside another pair's old letters ("j" of "Tjahjo")
            inside = "".join(o[0] for o, _ in pairs if len(o) > len(a) and o.endswith(a))
            other = re.sub(
                rf"(?i)(?<![{inside}]){a}" if inside else rf"(?i){a}",
                lambda m, b=b: b.capitalize() if m.group(0)[0].isupper() else b,
                name,
            )
            if other != name and other not in found:
                found.append(other)
    return found


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
    return (
        word_shape_ok(word)
        and word.rstrip(".") not in not_names()
        and not _roles().head_pattern.fullmatch(word)
        and word.lower() not in _head_words()  # "MenPan RB"
    )


def _all_name_words(words: list[str]) -> bool:
    """Every word of a name is a name word, a surname that is also a place's word included
    where it ends the name ("Asril Hamzah Tanjung": person_names.surname_also_place)."""
    return all(_is_name_word(w) or surname_also_place(words, i) for i, w in enumerate(words))


@cache
def _head_words() -> frozenset[str]:
    """The one-word role heads, lower case: in any capitals they are no name ("MenPan")."""
    return frozenset(h.lower() for h in _roles().head_forms if " " not in h)


# A DPR faction by its short form: "F-PAN", "F-Gerindra", "F-PDIP".
_FACTION = re.compile(r"F-[A-Z][A-Za-z]{1,11}")


def _is_qualifier(word: str) -> bool:
    roles = _roles()
    return (
        word in roles.qualifiers
        or _FACTION.fullmatch(word) is not None
        or word in roles.private_bodies
        or word in _JOINERS
        or _NUMBERED.fullmatch(word) is not None  # "Presiden ke-3 RI"
        or word in roles.modifiers
        or (is_derived_word(word) and not is_verb_of_root(word))
    )


# A word this close to a role word or a rank (fuzz.ratio) is a misspelling of it
# ("Keungan" for Keuangan, "Jendertal" for Jenderal), when it is not a known name's word.
_VOWELS = frozenset("aiueo")
_TYPO_SCORE = 88
_TYPO_MIN_LENGTH = 6


@lru_cache(maxsize=CACHED_WORDS)
def _misspelt(word: str, vocabulary: frozenset[str]) -> bool:
    """True for a misspelling of a word of `vocabulary` (not a name's word of the gazetteer,
    nor a short form the glossary knows)."""
    if len(word) < _TYPO_MIN_LENGTH or not word.isalpha() or word.lower() in _gazetteer_words():
        return False
    if long_forms(word.lower(), written_in_capitals=word.isupper()):
        return False  # a short form the glossary knows: "Kemendag" (trade), not "Kemenag"
    return (
        process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=_TYPO_SCORE)
        is not None
    )


# A word before an official's name this close to a word of his offices is its misspelling
# ("Menproa Imam Nahrawi" for Menpora): closer matching than `_TYPO_SCORE`, his offices only.
_OWN_OFFICE_TYPO_SCORE = 80
_OWN_OFFICE_TYPO_MIN_LENGTH = 5


def _misspelt_office(word: str, canonical: str) -> bool:
    """True for a misspelling of a word of the official's offices written before his name."""
    if len(word) < _OWN_OFFICE_TYPO_MIN_LENGTH or not word.isalpha():
        return False
    offices = gazetteer().office_words.get(canonical, frozenset())
    return any(
        fuzz.ratio(word.lower(), w.lower()) >= _OWN_OFFICE_TYPO_SCORE
        for w in offices
        if len(w) >= _OWN_OFFICE_TYPO_MIN_LENGTH
    )


@lru_cache(maxsize=CACHED_WORDS)
def _spelling_in(word: str, vocabulary: frozenset[str]) -> str:
    best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=_TYPO_SCORE)
    return best[0] if best else word


@cache
def _gazetteer_words() -> frozenset[str]:
    return frozenset(w for words in gazetteer().words.values() for w in words)


def is_title(word: str) -> bool:
    """An honorific, rank or degree written before a name ("Inspektur", "Jendral")."""
    return _is_title(word.rstrip("."))


def _is_title(bare: str) -> bool:
    """An honorific, rank or degree before a name, or a misspelling of one."""
    return bool(_title_of(bare))


@lru_cache(maxsize=CACHED_WORDS)
def _title_of(bare: str) -> str:
    """The honorific or rank `bare` is, or a misspelling of ("Jendral", "Jendertal"), or ""."""
    titles = _roles().titles
    if bare in titles:
        return bare
    if len(bare) >= 4 and bare.isupper() and bare.isalpha():
        # a rank in capitals ("IPTU Aprinaldi", "AIPTU"), its letters after the first one
        # reordered too ("AKPB Eka Mulyana")
        return next(
            (t for t in titles if sorted(t.upper()) == sorted(bare) and t[0] == bare[0]), ""
        )
    if len(bare) < _TYPO_MIN_LENGTH or not bare[:1].isupper() or not bare.isalpha():
        return ""
    if bare.lower() in _gazetteer_words():
        return ""
    best = process.extractOne(bare, titles, scorer=fuzz.ratio, score_cutoff=_TYPO_SCORE)
    # a title with a vowel after it is a name's word, no misspelling ("Habiba Saimima"; not
    # "Brigjend")
    if best and bare.startswith(best[0]) and bare[len(best[0]) :].lower().strip("h") in _VOWELS:
        return ""
    return best[0] if best else ""


def _is_role_word(word: str, before: list[str], after: str = "") -> bool:
    """A word that goes on the role being read (`before` its words so far, `after` the word
    that follows it): a qualifier, a role head ("Kepala Staf Presiden"), a place or acronym
    written in odd capitals ("DKi"), a word continuing an agency's long form ("Kepala Badan
    Narkotika Nasional"), or a misspelt qualifier ("Menteri Keungan"); bodies joined by a
    slash ("ATR/BPN")."""
    if parts := _bodies_joined(word):
        return all(p.isupper() or _is_role_word(p, before) for p in parts)
    if _is_qualifier(word) or _roles().head_pattern.fullmatch(word) or word[:1].isdigit():
        return True
    if any(c.isupper() for c in word[1:]) and word.upper() in _roles().qualifiers:
        return True
    if continues_agency([*before, word]) or is_agency_word(word):
        return True
    if _misspelt(word, _roles().qualifiers):
        return True
    if before and _names_bill(before, word, after):
        return True  # "Ketua Panja RUU SDA Lasarus", "RUU Penghapusan Kekerasan Seksual"
    nexts = _head_next_words().get(before[-1]) if before else None
    return bool(nexts) and _misspelt(word, nexts)


def _names_bill(before: list[str], word: str, after: str = "") -> bool:
    """True when `word` goes on the name of a bill a role's words `before` it open with a
    bill word: the first word after it ("RUU Minerba", "RUU SDA"), then acronyms and
    dictionary words ("RUU Penghapusan Kekerasan Seksual Marwan Dasopang"), but not a
    dictionary word the corpus writes as a name (name_roots_mined.txt) before a name's word
    (`after`, capitalised and no dictionary word): "Anggota Panja RUU SDA Bambang Haryo"."""
    bills = _roles_words("bill_words")
    at = next((i for i in range(len(before) - 1, -1, -1) if before[i] in bills), None)
    if at is None:
        return False
    if at < len(before) - 1 and _opens_name_before(word, after):
        return False
    return at == len(before) - 1 or all(
        _BODY_ACRONYM.fullmatch(w) or is_common_word(w) for w in [*before[at + 2 :], word]
    )


def _opens_name_before(word: str, after: str) -> bool:
    """True for a dictionary word the corpus writes as a name ("Bambang") before a capitalised
    word that is no dictionary word ("Haryo"): the two open a person's name."""
    return (
        word.lower() in name_roots()
        and after[:1].isupper()
        and not after.isupper()
        and _is_name_word(after)
        and not is_common_word(after)
    )


@cache
def _roles_words(key: str) -> frozenset[str]:
    """A list of words in roles.toml, as a set: `bill_words` (a bill's name follows one in a
    committee's role), `role_joiners` ("sekaligus": two roles of one holder), `seat_bodies`
    and `seat_organs` (a legislature named after "di" in its organ's role), the heads and
    openers of a body's member list, `portfolio_short_forms` ("Menteri Hukum dan HAM")."""
    return frozenset(load_toml("roles.toml").get(key, []))


def _bodies_joined(word: str) -> list[str]:
    """The names of two bodies or offices a slash joins into one word ("ATR/BPN",
    "PPN/Bappenas"), or none: not a unit's number and name ("XVII/Cenderawasih")."""
    if "/" not in word or not word[:1].isalpha() or not word.split("/")[0].strip("IVX"):
        return []
    return word.split("/")


@cache
def _head_next_words() -> dict[str, frozenset[str]]:
    """The first word of each role head of two words -> the words it goes on with: a word
    misspelling one after it is the head's ("Menko Polhukham Luhut" for Menko Polhukam)."""
    nexts: dict[str, set[str]] = {}
    for head in _roles().head_forms.values():
        words = head.split()
        if len(words) == 2:
            nexts.setdefault(words[0], set()).add(words[1])
    return {first: frozenset(words) for first, words in nexts.items()}


# Lower-case words inside a role phrase: "Menteri Pemuda dan Olahraga", "Duta Besar RI
# untuk Suriname", "Anggota Komisi III dari Fraksi PDI-P", "Presiden pertama RI Soekarno".
# Ordinals of an office's holders ("Presiden keempat", "Wakil Presiden ketiga belas").
_ORDINALS = frozenset(
    {"pertama", "kesatu", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh"}
    | {"kedelapan", "kesembilan", "kesepuluh", "kesebelas", "belas"}
)
_JOINERS = frozenset({"dan", "untuk", "dari"}) | _ORDINALS


# Roles that "Jenderal" completes ("Sekretaris Jenderal"): after any other it is a rank.
JENDERAL_ROLES = frozenset({"Sekretaris", "Direktur", "Inspektur", "Jaksa", "Auditor", "Konsul"})


@cache
def _term_openers() -> frozenset[str]:
    return frozenset(w.split()[0] for w in _roles().term_words)


@cache
def _term_pattern() -> re.Pattern[str]:
    """A term of office written inside a role: roles.toml `term_words` and a year or years."""
    return re.compile(
        rf"\s*(?:{alternation(_roles().term_words)})[ \t]+(?:\d{{4}}[ \t]*[-–][ \t]*)?\d{{4}}(?![\w-])"
    )


def _term_end(term: re.Match[str] | None) -> int:
    """The last year of a term of office `_term_pattern` read ("periode 2003-2007": 2007), 0
    for none; and for one year ("periode 2015"), which may be when the term began."""
    if term is None or len(re.findall(r"\d{4}", term.group(0))) < 2:
        return 0
    return int(term.group(0)[-4:])


# A capitalised word right after a bracket: the name goes on ("Bacharuddin Jusuf (BJ) Habibie").
_NAME_WORD_NEXT = re.compile(rf"[ \t]+[{UPPER}]")


def _scan_role(
    text: str, start: int, head: str, *, any_office: bool = False
) -> tuple[str, str, str, int] | None:
    """From a role head at `start`, read role words, short forms and the name after them.

    Returns (role as written, name, alias in parentheses after the name, where the reading
    ended) or None: None too for a role of no public office, unless `any_office`.
    """
    roles = _roles()
    role_parts: list[str] = []
    run: list[str] = head.split()
    pos = start + len(head)
    alias = ""
    comma_at: int | None = None  # where the name starts when a comma separates it
    role_to = 0  # the run's words up to here are the role's (a body after a comma follows)
    after_rank = False
    role_like = 0  # how many first words of `run` are known role words (each read once)
    joined: tuple[str, str, int] | None = None  # a second role's holder: the first's too
    after_short_form = False  # a comma read right after the role's short form

    def all_role_like() -> bool:
        nonlocal role_like
        role_like = min(role_like, len(run))  # `run` only grows, or starts again empty
        while role_like < len(run) and _role_like(run[role_like]):
            role_like += 1
        return role_like == len(run)

    while True:
        if (
            run
            and comma_at is None
            and text.startswith(_words_after_role(), pos)
            and not _of_someone_close(text, start)
        ):
            if then := _held_then().match(text, pos):
                pos = then.end()  # "Wali Kota Malang saat itu, Moch Anton": the holder then
            if naming := _naming_word().match(text, pos):
                # "Ketua DPRD Kota Jayapura bernama Abisai Rollo": the name follows, as after a
                # comma
                comma_at, pos = len(run), naming.end()
        m = _TOKEN.match(text, pos)
        if not m:
            break
        if m.group("paren"):
            inner = m.group("paren")[1:-1].strip()
            if not any(c.isalnum() for c in inner):
                pos = m.end()  # "(,)": a link the scraper took out
                continue
            if after_rank and inner.rstrip(".") in roles.after_rank:
                pos = m.end()  # "Brigjen TNI (Purn) Abraham": the rank's, not an alias
                continue
            # initials written with stops: "Bacharuddin Jusuf (B.J.) Habibie"
            letters = inner.replace(".", "") if _DOTTED_INITIALS.fullmatch(inner) else inner
            named_from = comma_at if comma_at is not None else 0 if role_parts else None
            if (
                named_from is not None
                and _initials_of(letters, run[named_from:])
                and _TOKEN.match(text, m.end()) is not None
            ):
                # "Presiden Ketiga Republik Indonesia (RI), Bacharuddin Jusuf (BJ) Habibie":
                # the initials of the name after the role, which goes on
                pos = m.end()
                continue
            if run and _abbreviates(inner, run) and (role_parts or run[0] == head.split()[0]):
                # "Ketua Komisi Pemilihan Umum (KPU)": the body's short form after the head's
                # first words, Ketua KPU (the head "Ketua Komisi" ends inside the body's name;
                # "Wakil Ketua KPU" where "Wakil" is read already); "Kepala Kepolisian Negara
                # Republik Indonesia (Kapolri)" is the office's own
                done, words = " ".join(role_parts).split(), head.split()
                heads = words[len(done) :] if words[: len(done)] == done else []
                kept = _head_words_kept(run, heads, inner, 0)
                role_parts.append(" ".join([*run[:kept], inner]))
                run, comma_at = [], None
                pos = m.end()
                continue
            head_words = len(head.split()) if run[: len(head.split())] == head.split() else 1
            split = _acronym_split(letters, run, given=True, head_words=head_words)
            if (
                split
                and (
                    known_name(run[split:])
                    or (
                        _spells_initials(letters, run[split:])  # a name word may be a place's
                        and _is_person_name(run[split:])
                        and not _NAME_WORD_NEXT.match(text, m.end())
                    )
                )
            ):
                # "Presiden Susilo Bambang Yudhoyono (SBY)", "Gubernur Banten Wahidin Halim
                # (WH) menyatakan": a person's initials, not an agency's short form; the name
                # and its alias end the reading
                split = None
            if (
                split
                and (
                    (comma_at is not None and split >= comma_at)
                    # "Presiden ke-3 RI Bacharuddin Jusuf (BJ) Habibie": a known name's
                    or (
                        comma_at is None
                        and _initials_of(letters, run[split:])
                        and _known_then(text, m.end(), run[split:])
                    )
                )
                and all(_is_name_word(w) and not _role_like(w) for w in run[split:])
                and _TOKEN.match(text, m.end()) is not None
            ):
                # "Presiden ketiga Republik Indonesia, Bacharuddin Jusuf (BJ) Habibie": the
                # initials of the name after the comma (or the role), which goes on
                pos = m.end()
                continue
            if split and not role_parts:
                # "Wakil Ketua Komisi Pemilihan Umum (KPU)": the head's words up to the body's
                # name stay on the role (Wakil Ketua KPU, not Wakil KPU)
                split = _head_words_kept(run, head.split(), inner, split)
            if split and (not role_parts or all(map(_role_like, run[:split]))):
                # "Sekjen Transparency International Indonesia (TII) Dadang": an agency; one
                # more after another's ("Kepala Badan Pengatur Jalan Tol (BPJT) Kementerian
                # Pekerjaan Umum dan Perumahan Rakyat (PUPR) Danang Parikesit").
                role_parts.append(" ".join([*run[:split], inner]))
                run, comma_at = [], None
                pos = m.end()
                continue
            alias = inner
            break
        if m.group("comma"):
            if run and comma_at is not None and _list_goes_on(text, m.end(), run[comma_at:]):
                # "Menteri Riset, Teknologi, dan Pendidikan Tinggi": a portfolio's list.
                comma_at = len(run)
                pos = m.end()
                continue
            named = len(run) > 2 and _is_person_name(run[-2:])  # "Raja Inal Siregar, Kantor"
            if (
                run
                and not named
                and (
                    _institution_follows(text, m.end())
                    or (run == head.split() and _body_follows(text, m.end()))
                )
            ):
                # "Deputi Agribisnis, Kementerian Koordinator ...": the role goes on.
                role_to, comma_at = len(run), None
                pos = m.end()
                continue
            if (
                comma_at is not None
                and len(run) > comma_at
                and place_name_kind(run[comma_at:])
                and not known_name(run[comma_at:])
            ):
                # "Kepala Kepolisian Sektor Cipayung, Jakarta Timur, Komisaris Rasyid": the
                # unit's region between two commas, the name after the second
                comma_at = len(run)
                pos = m.end()
                continue
            if run and (
                comma_at is not None
                or not _role_before_comma(text, m.end(), head, run)
                or (_of_someone_close(text, start) and not _known_after(text, m.end()))
            ):
                # a comma after the name ends it; after a relative's role the name is the
                # relative's ("istri Gubernur Jawa Barat, Atalia Praratya"), unless the
                # gazetteer knows it ("anak Wakil Presiden terpilih, Ma'ruf Amin")
                break
            # After a short form, or "Kepala Dinas Kehutanan Sumbar, Yozarwardi": the name
            # follows the comma.
            comma_at = len(run) if run else None
            # "Dirjen Pajak (DJP), Harjanto": one word after a short form's comma is a name
            after_short_form = not run and bool(role_parts)
            pos = m.end()
            continue
        if m.group("code"):
            if not run or not all_role_like():
                break
            run.append(m.group("code"))  # the unit's number belongs to the role
            pos = m.end()
            continue
        token = m.group("initial") or m.group("word")
        bare = token.rstrip(".")
        rank = _title_of(bare)
        if rank and (
            token.endswith(".")
            or not run
            or run[-1] in roles.qualifiers
            or run[-1][:1].isdigit()  # "Dandim 0420/Sarko Letkol ..."
            or (rank == "Jenderal" and run[-1] not in JENDERAL_ROLES)
        ):
            # "Kapolri Jenderal (Polisi) Tito", "Marsekal TNI Hadi": a rank, and the force
            # named after it, are not part of the role (nor "Sekjen"'s Jenderal).
            after_rank = True
            pos = m.end()
            continue
        if after_rank and (bare in roles.after_rank or bare.capitalize() in roles.after_rank):
            pos = m.end()
            continue
        after_rank = False
        ordinal = token in _ORDINALS or _NUMBERED.fullmatch(token) is not None
        if (token in _JOINERS or ordinal) and (
            _joins_role(run)
            or (token == "dari" and role_parts and not run and _party_follows(text, m.end()))
        ):
            # "Menteri Pemuda dan Olahraga": a portfolio joined by "dan" goes on, as after a
            # short form ("Senator Amerika Serikat (AS) dari Partai Republik"); an ordinal
            # ends it before a comma ("Mantan Presiden RI ke-6, Susilo Bambang Yudhoyono").
            nxt = _TOKEN.match(text, m.end())
            if nxt and (
                (nxt.group("word") and nxt.group("word")[0].isupper())
                or (ordinal and nxt.group("comma"))
            ):
                run.append(token)
                pos = m.end()
                continue
        if run and token in _term_openers() and all_role_like():
            term = _term_pattern().match(text, m.start())
            if term:
                # "Ketua DPRD Jabar masa bakti 2014-2019, Ineu Purwadewi Sundari": the term
                # is the role's, the name follows it
                pos = term.end()
                continue
        if token in roles.modifiers and ((run and all_role_like()) or (role_parts and not run)):
            # "Wakil Ketua DPRD DKI Jakarta nondefinitif Syarif", "Anggota Dewan Perwakilan
            # Daerah (DPD) terpilih, Abdul Rachman Thaha"
            run.append(token)
            pos = m.end()
            continue
        if token == "atau" and run and not role_parts:
            short = _short_form_after(text, m.end(), run, head)
            if short is not None:
                # "Kepala Dinas Kesehatan atau Kadinkes Sleman Joko": the short form the
                # text gives, as in parentheses.
                role_parts.append(short[0])
                run, comma_at = [], None
                pos = short[1]
                continue
        if (
            token == "di"
            and run
            and all_role_like()
            and not _roles_words("seat_organs").isdisjoint(run)
            and _seat_follows(text, m.end())
        ):
            pos = m.end()  # "Ketua Fraksi Golkar di DPR Melchias Markus Mekeng": of the DPR
            continue
        if (
            token == "di"
            and run
            and head in _roles_words("abroad_heads")
            and "untuk" not in run
            and all_role_like()
            and _place_follows(text, m.end())
        ):
            run.append(token)  # "Konsul Jenderal RI di Hong Kong, Ricky Suhendar": its city
            pos = m.end()
            continue
        if token in _roles_words("role_joiners") and run and all_role_like():
            joined = _holder_of_second_role(text, m.end())
            if joined is not None:
                break  # "Menteri Sosial sekaligus Sekjen Partai Golkar, Idrus Marham"
        if not token[0].isupper():
            bare_particle = token.rstrip(".")
            if is_name_particle(bare_particle) and (
                ("-" in bare_particle and len(run) > len(head.split()))
                or _particle_joins(text, m.end(), run, head)
            ):
                run.append(bare_particle)  # "Pangeran Abdulaziz bin Salman", "Bandar al-Saud"
                pos = m.end()
                if token.endswith("."):
                    break
                continue
            break
        bare_end = m.end() - (len(token) - len(bare))
        if (
            len(run) > len(head.split())
            and _weekday_then_date(bare, text, bare_end)
            and not place_name_kind([run[-1], bare])  # "Kapolsek Pasar Minggu, Kompol ..."
        ):
            # "kata Kapolres Binjai AKBP Nugroho Tri Nuryanto Jumat (21/6/2019)", "Sidiq Handanu
            # Senin malam.", "... Handanu Senin.": the day's, no word of the name
            break
        if token.endswith(".") and bare in _place_words_before() and all_role_like():
            run.append(bare)  # "Kepala Dinas Pendidikan Prov. Jabar": a short form, no end
            pos = m.end()
            continue
        if token.endswith(".") and m.group("word") and not _given_name_cut(bare, text, m.end()):
            run.append(bare)  # "... Suhajar Diantoro." ends the sentence and the name
            break
        run.append(token)
        pos = m.end()
    if not role_parts:
        # No short form: the head is the first words of the run.
        head_words = head.split()
        role_parts = [head]
        run = run[len(head_words) :]
        role_to = max(0, role_to - len(head_words))
        if comma_at is not None:
            comma_at -= len(head_words)
    if joined is not None:
        role = " ".join([*role_parts, *run])
        return (role, *joined) if any_office or _public_office(role) else None
    # A rank written after a place ("Kapolsek Ciputat Kompol Endy") is no more the role's
    # than the name's, and it ends the place: the name follows it, as after a comma.
    kept = [
        i
        for i, w in enumerate(run)
        if not _is_title(w)
        or (i and w == "Jenderal" and run[i - 1] in JENDERAL_ROLES)
        or _initial_inside(run, i)  # "Agus H Purnomo": read with the name below
    ]
    # The words of a rank after its title go with it: "Laksamana Muda", "Letkol Kav".
    kept = [
        i
        for i in kept
        if not (
            i
            and (run[i] in roles.after_rank or run[i].capitalize() in roles.after_rank)
            and i - 1 not in kept
            and _is_title(run[i - 1])
        )
    ]
    ranks = [i for i in range(len(run)) if i not in kept and len(run[i]) > 2]
    if comma_at is not None:
        comma_at = sum(1 for i in kept if i < comma_at)
    elif ranks and kept and ranks[0] < kept[-1]:
        # "Kapolsek Ciputat Kompol Endy", "Pangkostrad Letjen TNI Besar Harto Karyawan"
        comma_at = sum(1 for i in kept if i < ranks[0])
    role_to = sum(1 for i in kept if i < role_to)
    run = [run[i] for i in kept]
    qualifier_count = role_to
    # "Pangkostrad Letjen TNI Besar Harto Karyawan": a rank right after the head, the name
    # right after the rank, whatever its first word ("Besar" is no place here)
    named_after_rank = (
        comma_at == 0
        and ranks[:1] == [0]
        # "Kompol Tanah Abang Budi": a place of two words; one word may be a given name
        # ("Iptu Bima Prasetyo", "Letkol Inf Lingga Wiratama")
        and not place_name_kind(run[:2])
    )
    if comma_at is not None and (comma_at > 0 or named_after_rank):
        qualifier_count = comma_at
    else:
        before = " ".join(role_parts).split()
        while qualifier_count < len(run):
            if _is_role_word(
                run[qualifier_count],
                before + run[:qualifier_count],
                run[qualifier_count + 1] if qualifier_count + 1 < len(run) else "",
            ) and not opens_balinese_name(run[qualifier_count:]):
                qualifier_count += 1
            elif portfolio := _portfolio_before_region(
                before + run[:qualifier_count], run[qualifier_count:]
            ):
                qualifier_count += portfolio
            else:
                break
    unit_first = comma_at is None and qualifier_count == 0 and not after_short_form
    # a rank right before the last word: that word is a name ("Danramil 01/Rengat Kapten Inf
    # Legimin", "Dandim 0420/Sarko Letkol Kav Rohyat")
    ranked_name = bool(run) and _rank_before_word(text[start:pos], run[-1])
    if (
        comma_at is None
        and len(run) == 2
        and "/" in run[0]
        and not known_name(run[1:])
        and not ranked_name
    ):
        return None  # "Danrem 133/Nani Wartabone": the unit's number and name, no one's
    if (
        unit_first
        and (len(run) == 1 or place_name_kind(run))
        and (head in roles.place_heads or head in roles.unit_heads)
    ):
        if not known_name(run):
            return None  # "Kapolsek Cisauk mengatakan", "Kapolsek Pondok Aren": a place
    elif (
        comma_at is None
        and len(run) - qualifier_count == 1
        and qualifier_count
        and run[qualifier_count - 1] in roles.unit_words
        and not known_name(run[qualifier_count:])
    ):
        return None  # "Kepala Kepolisian Sektor Cipayung": the sector's place
    elif (
        comma_at is None
        and len(run) - qualifier_count == 1
        and qualifier_count
        and _unit_number(run[qualifier_count - 1])
        and (head in roles.place_heads or head in roles.unit_heads)
        and not known_name(run[qualifier_count:])
        and not ranked_name
    ):
        return None  # "Pangdam II Sriwijaya dan Kapolda Sumsel": the unit's name
    elif unit_first and head in roles.place_heads and len(run) >= 2:
        # "Camat Ciranjang Kuslin Burhadi": small units are named first, and are too many to
        # list; the place is one word, or two before a name of two or more.
        qualifier_count += 2 if len(run) >= 4 or opens_place(run[0]) else 1
    # one after another: "Sekjen Konsorsium Pembaruan Agraria Dewi Kartika"
    while not named_after_rank and (
        cut := _place_or_agency_before_name(
            run[qualifier_count:], country=head in roles.country_heads
        )
    ):
        qualifier_count += cut
    if not named_after_rank:
        qualifier_count += _place_goes_on(run, qualifier_count)
    if comma_at is None:
        qualifier_count += _place_after_place_word(run, qualifier_count)
    qualifiers, name_words = run[:qualifier_count], run[qualifier_count:]
    qualifiers, name_words = _name_from_role(qualifiers, name_words)
    qualifiers, name_words = _unit_words_before_name(qualifiers, name_words)
    if (
        len(name_words) >= 2
        and _last_role_word(role_parts, qualifiers) in roles.institution_starts
        and _BODY_ACRONYM.fullmatch(name_words[0])
        and not known_name(name_words)
    ):
        # "Kepala Dinas LH Andono Warih": the body's short name, no initials of the name
        qualifiers, name_words = [*qualifiers, name_words[0]], name_words[1:]
    if (
        name_words
        and _last_role_word(role_parts, qualifiers) == "untuk"
        and not known_name(name_words)
    ):
        # "Duta Besar Indonesia untuk Bosnia-Herzegovina", "Kepala Desa untuk Baduy Jaro
        # Saija": the first words after "untuk" say for where or whom, the name follows
        qualifiers, name_words = [*qualifiers, name_words[0]], name_words[1:]
        while len(name_words) > 2 and is_common_word(name_words[0]):
            qualifiers, name_words = [*qualifiers, name_words[0]], name_words[1:]  # "Baduy Luar"
        if not name_words:
            return None
    if (
        not qualifiers
        and head in roles.region_heads
        and len(name_words) >= 3
        and place_name_kind(name_words[:1]) == "foreign"
        and not known_name(name_words)
    ):
        # "Gubernur Virginia Ralph Northam": the state's governor
        qualifiers, name_words = name_words[:1], name_words[1:]
    if (
        comma_at is None
        and qualifiers
        and name_words
        and not known_name(name_words)
        and any(place_name_kind([*qualifiers[-n:], *name_words]) for n in (1, 2))
    ):
        return None  # "Kapolsek Pondok Aren mengatakan": the place's last word, no name
    if _last_role_word(role_parts, qualifiers) in roles.open_role_ends:
        return None  # "Kepala Badan Litbang", "menpora dan Miftahul Ulum": no holder's name
    name_words = without_degrees(
        [
            w
            for i, w in enumerate(name_words)
            if not _is_title(w.rstrip(".")) or _initial_inside(name_words, i)
        ]
    )
    while len(name_words) > 1 and name_words[-1].rstrip(".,") in _fellows_after_name():
        name_words = name_words[:-1]  # "Ketua DPRD Budi Santoso Cs": his fellows, no name
    name_words = _with_surname_in_lower_case(text, pos, name_words)
    holder = _holder_after_comma(text, (start, pos), head, name_words)
    if holder is not None:
        # "Kades One Ete, Jamaludin", "Raja Negeri Iha, Zain Syaiful Latukaisupy": the words
        # before the comma are the role's place or body, the name after it its holder's.
        qualifiers, name_words, pos = [*qualifiers, *name_words], holder[0], holder[1]
    if any(map(_names_a_pair, name_words)) or _joins_two_names(name_words):
        return None  # "Ketua Badan Pemenangan Nasional Prabowo-Sandiaga Uno, Djoko Santoso"
    if any(_glued_acronym(w) for w in name_words):
        return None  # "Menlu PNG Soroi Marepo Eoe", "Kapolres Biak AKB Mada": no name's word
    qualifiers, name_words = _without_royal_title(qualifiers, name_words)
    bare_name = name_words[name_opener(name_words) :]  # "Raja Indra Saleh": Indra Saleh
    if not any(
        _is_person_name(words) or _name_of_dictionary_words(words, text)
        for words in (name_words, bare_name)
    ) and not _speaking_name_root(name_words, text, start, pos):
        return None
    if qualifiers and qualifiers[-1][:1].isdigit() and _name_after_comma(text, pos):
        return None  # "Komandan Korem 102 Panju Panjung, Saiful Riza": the unit's name
    role = " ".join([*role_parts, *qualifiers])
    if not any_office and not _public_office(role):
        return None
    if len(name_words) == 1 and _misspelt_weekday(name_words[0], text, pos):
        return None  # "Wali Kota Tangsel dari PDIP, Salasa (17/9/2019)": Selasa, no name
    return role, " ".join(name_words), alias, pos


def _head_words_kept(run: list[str], heads: list[str], inner: str, fewest: int) -> int:
    """How many words opening `run` are the head's (`heads`) before a body's short form
    `inner` that spells the rest: the most of them, more than `fewest`, else `fewest`
    ("Ketua Komisi Pemilihan Umum (KPU)": 1, Ketua KPU)."""
    return next(
        (
            k
            for k in range(len(heads), fewest, -1)
            if run[:k] == heads[:k] and _abbreviates(inner, run[k:])
        ),
        fewest,
    )


def _place_follows(text: str, at: int) -> bool:
    """True when a place's name of one to three words comes next: "... di Jenewa", "... di
    New York", "... di Hong Kong"."""
    words = text[at : at + 60].split()[:3]
    return any(
        all(w[:1].isupper() for w in words[:n]) and place_name_kind(words[:n]) for n in (3, 2, 1)
    )


def _seat_follows(text: str, at: int) -> bool:
    """True when a legislature's short name comes next: "Ketua Fraksi Golkar di DPR ..."."""
    nxt = _TOKEN.match(text, at)
    return bool(nxt and nxt.group("word")) and nxt.group("word") in _roles_words("seat_bodies")


# Between a role joiner and the second role: "sekaligus mantan Sekjen ...".
_SECOND_ROLE_START = re.compile(r"[ \t]+(?:(?i:mantan|eks|juga)[ \t]+)?")


def _holder_of_second_role(text: str, at: int) -> tuple[str, str, int] | None:
    """The name, alias and reading's end of the holder of the role after a role joiner at
    `at`, whatever office that role is: "Menteri Sosial sekaligus mantan Sekjen Partai
    Golkar, Idrus Marham" names the minister too."""
    roles = _roles()
    gap = _SECOND_ROLE_START.match(text, at)
    second = roles.head_pattern.match(text, gap.end()) if gap else None
    if second is None:
        return None
    head = roles.head_forms.get(second.group(0), second.group(0))
    read = _scan_role(text, second.start(), head, any_office=True)
    return None if read is None else (read[1], read[2], read[3])


_WEEKDAY_THEN_DATE = re.compile(rf"\s*{PAREN_DATE}")
_WEEKDAY_WORD = re.compile(rf"(?i:{WEEKDAY_NAME})")
_DAY_OF_MONTH = re.compile(
    rf"\s*(?:{PAREN_DATE}|,?\s*\d{{1,2}}\s+[A-Z][a-z]{{2,}})"
    rf"|\s+(?:{DAY_PART})\b|\s*\.(?:\s|$)"
)


def _weekday_then_date(word: str, text: str, end: int) -> bool:
    """True for a weekday's name followed by a date, a part of the day or the sentence's end,
    written after a name with no comma: "Nugroho Tri Nuryanto Jumat (21/6/2019)", "Erma
    Suryani Ranik Senin 16 September", "Sidiq Handanu Senin malam" (not before a comma: a
    place, "Kapolsek Pasar Jumat, Kompol ...", or a surname, "Agustinus Minggu, kepada")."""
    return _WEEKDAY_WORD.fullmatch(word) is not None and _DAY_OF_MONTH.match(text, end) is not None


def _misspelt_weekday(word: str, text: str, end: int) -> bool:
    """True for a word one letter from a weekday's name, followed by a date in parentheses."""
    if not _WEEKDAY_THEN_DATE.match(text, end):
        return False
    return any(Levenshtein.distance(word.casefold(), day) <= 1 for day in WEEKDAYS)


_PORTFOLIO_WORDS = 4


def _rank_before_word(read: str, word: str) -> bool:
    """True when the word before the last `word` of the `read` text is a rank or a word
    written after one ("Letkol Kav Rohyat")."""
    at = read.rfind(word)
    before = _WORD_BEFORE.search(read, 0, at) if at > 0 else None
    if not before:
        return False
    bare = before.group(1).rstrip(".")
    return bool(_title_of(bare)) or bare.capitalize() in _roles().after_rank


# What parts two names of a list: a comma, "dan" or "serta", or a comma and one of them.
_LIST_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+)")
_LISTED_NAME = re.compile(
    rf"(?P<sep>{_LIST_SEPARATOR.pattern})"
    rf"(?P<name>[{UPPER}][{LOWER}'’]+(?:[ \t]+(?:[{UPPER}]\.?|[{UPPER}][{LOWER}'’]+)){{1,3}})"
    r"(?![\w'’-])"
)
# A list after a seat names its other holders from this many names on ("Wakil Ketua KPK
# Alexander Marwata, Nawawi Pomolango, dan Nurul Ghufron"); one name after "dan" is anyone
# ("Anggota DPR Fadli Zon dan Ahmad Dhani").
_LISTED_NAMES = 2


_LIST_ITEM_BEFORE = re.compile(r",[ \t]*(?:(?:dan|serta)[ \t]+)?$")
_LIST_ITEM_CHARS = 12


def _held_by_many(role: str) -> bool:
    """An office of several holders at once: a member's seat ("Anggota Komisi III DPR";
    roles.toml `member_words`) or a shared office (`_shared_office`: "Wakil Ketua KPK")."""
    words = role.split()
    return words[0] in _roles().member_words or _shared_office(words)


# "Gubernur Banten Wahidin Halim dan wakilnya Andika Hazrumy": the holder's deputy, named.
# "beserta wakilnya," : the list after the comma may open with the holder's own name.
_DEPUTY_THEN_COMMA = re.compile(r"[ \t]*,?[ \t]*(?:dan|serta|beserta)[ \t]+wakilnya[ \t]*,")
_DEPUTY = re.compile(
    r"[ \t]*,?[ \t]*(?:dan|serta|beserta)[ \t]+wakilnya[ \t]*,?[ \t]+"
    rf"(?P<name>[{UPPER}][{LOWER}'’]+(?:[ \t]+(?:[{UPPER}]\.?|[{UPPER}][{LOWER}'’]+)){{1,3}})"
    r"(?![\w'’-])"
)


def _deputies_after(text: str, at: int, role: str) -> list[tuple[str, str]]:
    """The names and office of a holder's deputies the text names right after the holder read
    before `at` ("Gubernur Banten Wahidin Halim dan wakilnya Andika Hazrumy": the Wakil
    Gubernur Banten), for an office that has a "Wakil" of it (roles.toml `deputy_offices`,
    as written or in its usual form: "Ketua Komisi Pemberantasan Korupsi" is the Ketua KPK;
    not the Ketua KPU, whose body has no deputy chair); of an office several hold at once,
    the list after the first ("Ketua MPR beserta wakilnya Arsul Sani, Jazilul Fawaid, ...,
    dan Syarief Hasan", `_names_listed_after`)."""
    roles = _roles()
    m = _DEPUTY.match(text, at)
    if m is None:
        return []
    office = canonical_role(role)
    if not (
        role.startswith(roles.deputy_offices) or office.startswith(roles.deputy_offices)
    ) or office.startswith(roles.deputy_offices_not):
        return []
    deputy_role = canonical_role(f"Wakil {role}")
    if not roles.head_pattern.match(deputy_role) or not _public_office(deputy_role):
        return []
    if not _is_person_name(m.group("name").split()):
        return []
    names = [m.group("name")]
    if _held_by_many(deputy_role):
        names += _names_listed_after(text, m.end())
    return [(name, deputy_role) for name in names]


def _cut_holders_deputies(text: str, at: int) -> list[tuple[str, str]]:
    """The deputies named right after a role written from `at` that names no holder (the
    scraper cut his name out): "Ketua MPR beserta wakilnya Arsul Sani, ..."."""
    read = _role_after(text, at, lower_ok=False)
    if read is None:
        return []
    _, role, _ = read
    end = _after_written(text, at, role)
    if end == at or _DEPUTY_THEN_COMMA.match(text, end):
        return []  # "Ketua MPR beserta wakilnya, Bambang Soesatyo, ...": the holder first
    deputies = _deputies_after(text, end, role)
    # a list of several deputies only ("Gubernur beserta wakilnya Budi dan Andi" names the
    # pair, the holder first)
    return deputies if len(deputies) > _LISTED_NAMES else []


def _names_listed_after(text: str, at: int) -> list[str]:
    """The people's names listed right after the name read before `at`, up to the one after
    "dan" or "serta" that closes the list ("..., Nawawi Pomolango, dan Nurul Ghufron"); none
    unless the list is closed so and holds `_LISTED_NAMES` names or more, or when one of it
    is no person's name."""
    names: list[str] = []
    while m := _LISTED_NAME.match(text, at):
        words = m.group("name").split()
        if not _is_person_name(words) or _roles().head_pattern.match(m.group("name")):
            return []
        names.append(m.group("name"))
        at = m.end()
        if "dan" in m.group("sep") or "serta" in m.group("sep"):
            return names if len(names) >= _LISTED_NAMES else []
    return []


def _portfolio_before_region(role: list[str], rest: list[str]) -> int:
    """How many words of `rest` name a body's portfolio: after a body's word in `role`
    ("Dinas", "Badan": roles.toml `institution_starts`), up to four dictionary words and "dan"
    before a region's word ("Provinsi", "Kabupaten", "Kota": `region_words`) that follows them
    ("Kepala Dinas Tanaman Pangan dan Hortikultura Provinsi Kalimantan Selatan Syamsir
    Rahman"); 0 otherwise. A name never holds the region's word."""
    roles = _roles()
    if not roles.institution_starts.intersection(role):
        return 0
    for i, word in enumerate(rest[: _PORTFOLIO_WORDS + 1]):
        if word in roles.region_words:
            return i
        if word != "dan" and not (word[:1].isupper() and is_common_word(word)):
            return 0
    return 0


def _last_role_word(role_parts: list[str], qualifiers: list[str]) -> str:
    """The last word of a role read so far: its head and short forms, then its qualifiers."""
    return [*" ".join(role_parts).split(), *qualifiers][-1]


_COMMA_NAME = re.compile(rf"[ \t]*,[ \t]+((?:[{UPPER}][{LOWER}]+[ \t]+)+[{UPPER}][{LOWER}]+)")


# A comma and capitalised words after it, then a word in lower case (after another comma or
# not): a name in apposition before its verb ("..., Jamaludin menggantikan", "..., Zain
# Syaiful Latukaisupy, bentrokan"; not "..., Sheikh Sabah al-Ahmed").
@cache
def _apposed_name() -> re.Pattern[str]:
    """A name in apposition after a comma, with particles between its words ("Putra Mahkota
    Arab Saudi, Mohammed bin Salman"), before a word in lower case."""
    particle = alternation(name_particles())
    return re.compile(
        rf"[ \t]*,[ \t]+((?:[{UPPER}][{LOWER}]+[ \t]+(?:(?:{particle})[ \t]+)?)*"
        rf"[{UPPER}][{LOWER}]+)(?![\w'’-])(?=[ \t]*,?[ \t]*(?:\([^)]*\)[ \t]*)?[a-z]+(?![\w'’-]))"
    )


_NAME_AHEAD = re.compile(rf"[ \t]*((?:[{UPPER}][\w'’-]*[ \t]+){{0,3}}[{UPPER}][\w'’-]*)")


def _known_after(text: str, at: int) -> bool:
    """True when the capitalised words from `at` open with a gazetteer official's name."""
    m = _NAME_AHEAD.match(text, at)
    if m is None:
        return False
    words = m.group(1).split()
    return any(known_name(words[:n]) for n in range(len(words), 0, -1))


def _of_someone_close(text: str, start: int) -> bool:
    """True when the word before a role at `start` is a relative's or an aide's ("Istri Wali
    Kota Malang saat itu, Dewi", "Anak Bupati Bogor bernama Ahmad"): the name after is theirs."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    word = before.group(1).lower() if before else ""
    roles = _roles()
    return word in roles.relatives or word in roles.close_staff


@cache
def _words_after_role() -> tuple[str, ...]:
    """How `_held_then` and `_naming_word` start (a space, then their first word): a cheap
    test before either pattern is tried at each word of a role."""
    roles = _roles()
    return tuple({f" {p.split()[0]}" for p in [*roles.then_phrases, *roles.naming_words]})


@cache
def _naming_word() -> re.Pattern[str]:
    """A word between a role and its holder's name saying the name follows (roles.toml
    `naming_words`): "Ketua DPRD Kota Jayapura bernama Abisai Rollo"."""
    return re.compile(rf"[ \t]+(?:{alternation(_roles().naming_words)})(?=[ \t]+[A-Z])")


@cache
def _held_then() -> re.Pattern[str]:
    """A phrase after a role saying it was held then, before a comma and its holder's name
    (roles.toml `then_phrases`): "Wali Kota Malang saat itu, Moch Anton, ..."."""
    return re.compile(rf"[ \t]+(?:{alternation(_roles().then_phrases)})(?=[ \t]*,)")


def _holder_after_comma(
    text: str, span: tuple[int, int], head: str, name: list[str]
) -> tuple[list[str], int] | None:
    """The holder's name written after a comma at the end of `span` (a role read from its
    start), and where it ends, when the name read before the comma is no gazetteer name but
    a place's or a body's words (a place of places.txt or abroad, or a word of roles.toml
    `qualifiers` last, "Hindia Belanda"; one word after the head of a regional or local
    office, "Kades One Ete") and the one after it is a person's written in apposition before
    its verb, not in a list ("dan" after it): the words read before the comma were the
    role's ("Kades One Ete, Jamaludin menggantikan", "Gubernur Jendral Hindia Belanda,
    Herman Willem Deandels melakukan")."""
    roles = _roles()
    if not name or known_name(name) or _ROMAN.fullmatch(name[-1]):
        return None  # "Raja Yordania Abdullah II, Emir Kuwait ..."
    placed = (
        is_place(name)
        or bool(place_name_kind(name))
        or name[-1] in roles.qualifiers
        or " ".join(name).lower() in foreign_regions()
    )
    if not placed and not (len(name) == 1 and head in roles.local_heads):
        return None  # "Presiden China Xi Jinping, Song Tao", "Sekjen PKMNu, Zaenal Arifin"
    if text[: span[0]].rstrip().endswith(","):
        return None  # "Danrem, Dandim, Koramil, Babinsa semuanya": a list of offices
    m = _apposed_name().match(text, span[1])
    if not m:
        return None
    nxt = _NEXT_WORD.match(text, m.end())
    if not nxt or nxt.group(1) in _JOINERS or nxt.group(1) in _ALSO:
        return None  # "..., Budi Santoso dan ...": a list of names
    words = m.group(1).split()
    while words and (_is_title(words[0]) or words[0] in roles.after_rank):
        words.pop(0)  # "Letkol Pnb Sugeng Sugiharto"
    if not words or roles.head_pattern.match(text, m.start(1)) or not _is_person_name(words):
        return None
    return words, m.end()


def _particle_joins(text: str, after: int, run: list[str], head: str) -> bool:
    """True when a name particle ("bin", "von der") read after a name word of `run` goes on
    to a name word: "Abdulaziz bin Salman", not "Menteri Luar Negeri de facto"."""
    if len(run) <= len(head.split()) or not run[-1][:1].isupper():
        return False
    nxt = _TOKEN.match(text, after)
    word = (nxt.group("word") or "") if nxt else ""
    return bool(word) and (word[0].isupper() or is_name_particle(word))


def _names_a_pair(word: str) -> bool:
    """True for two capitalised names joined by a hyphen, one of them a gazetteer alias
    ("Prabowo-Sandiaga", "Jokowi-Ma'ruf"): a ticket or a pair, no one person's name."""
    parts = word.split("-")
    return (
        len(parts) == 2
        and all(p[:1].isupper() for p in parts)
        and any(p.lower() in gazetteer().by_alias for p in parts)
    )


def _joins_two_names(words: list[str]) -> bool:
    """True for two names of two words or more joined by a hyphen ("Joko Widodo-Ma'ruf Amin",
    "Ali Mazi-Lukman Abunawas"): a ticket or a pair. One person's hyphenated name has one
    side of one word ("Jean-Yves Le Drian", "Anna Korfel-Jasinska")."""
    return any("-" in w and all(p[:1].isupper() for p in w.split("-")) for w in words[1:-1])


# Three capitals or more: no run of a name's initials ("Timbul RK Siregar") but a country's
# or a body's short form ("PNG", "UAW", "SKK") or a rank cut short ("AKB"); a Roman numeral
# is a unit's number or a ruler's ("Hamengku Buwono X"), left to the rules of those.
_ACRONYM = re.compile(r"[A-Z]{3,}")
_ROMAN = re.compile(r"[IVXLC]+")


def _glued_acronym(word: str) -> bool:
    """Three capitals or more that are no official's alias ("SBY") nor a Roman numeral."""
    return bool(
        _ACRONYM.fullmatch(word)
        and not _ROMAN.fullmatch(word)
        and word.lower() not in gazetteer().by_alias
    )


def _without_royal_title(qualifiers: list[str], words: list[str]) -> tuple[list[str], list[str]]:
    """The role's last words and the name without a royal title before it (roles.toml
    `royal_titles`: "Pangeran Abdulaziz bin Salman"; `royal_titles_given_names`, also given
    names, only before a name with a particle: "Putri Reema binti Bandar al-Saud", but "Putri
    Ayu"). Words before the title are the role's ("Menteri Energi Baru Saudi Pangeran
    Abdulaziz bin Salman"). Matched exactly: "Pangerapan" is a place."""
    roles = _roles()
    for i in range(len(words)):
        for title in roles.royal_titles:
            if len(words) > i + len(title) and tuple(words[i : i + len(title)]) == title:
                return [*qualifiers, *words[:i]], words[i + len(title) :]
    if (
        words
        and words[0] in roles.royal_titles_given_names
        and any(map(is_name_particle, words[2:]))
    ):
        return qualifiers, words[1:]
    return qualifiers, words


def _initial_inside(words: list[str], i: int) -> bool:
    """True for one letter between two words of a name ("Agus H Purnomo"): a middle
    initial, not the title it may also be ("H" for Haji, which opens a name)."""
    bare = words[i].rstrip(".")
    return (
        len(bare) == 1
        and 0 < i < len(words) - 1
        and not _is_title(words[i - 1].rstrip("."))
        and words[i + 1][:1].isupper()
    )


def _unit_number(word: str) -> bool:
    """A unit's number: digits ("0420") or a Roman numeral ("II", "XIV")."""
    return word[:1].isdigit() or (word.isupper() and not word.strip("IVX"))


def _name_after_comma(text: str, at: int) -> bool:
    """True when a person's name of two words or more follows a comma at `at`: the words
    before it, after a unit's number, are the unit's name."""
    m = _COMMA_NAME.match(text, at)
    return bool(m) and _is_person_name(m.group(1).split())


def _name_from_role(qualifiers: list[str], name: list[str]) -> tuple[list[str], list[str]]:
    """The role's last words and the name, with the word between them where it belongs: a
    name's opening title or given name goes back to the name ("Kapolsek Cijeruk Kompol Anak
    Agung Raka", "Pjs Kades Senaru Lalu Wira Sakti"), a compass word ending the role's place
    goes on the role ("Kepala Suku Dinas Perhubungan Kota Administrasi Jakarta Selatan
    Christianto")."""
    while qualifiers:
        take = 2 if name_opener(qualifiers[-2:] + name) == 2 else 1
        if take == 1 and not (
            opens_name([qualifiers[-1], *name])
            or (len(name) >= 2 and known_name([qualifiers[-1], *name]))
        ):
            break
        qualifiers, name = qualifiers[:-take], qualifiers[-take:] + name
    if (
        qualifiers
        and len(name) >= 2
        and is_compass(name[0])
        and is_place([qualifiers[-1], name[0]])
    ):
        qualifiers, name = [*qualifiers, name[0]], name[1:]
    return qualifiers, name


def _with_surname_in_lower_case(text: str, at: int, name: list[str]) -> list[str]:
    """The name with the word after it written in lower case when the two are a gazetteer
    name, or one mined from the corpus ("Azis syamsuddin" is Azis Syamsuddin, "Wayan koster"
    Wayan Koster): a slip of capitals, not the name's end."""
    nxt = _TOKEN.match(text, at)
    word = ((nxt.group("word") or "") if nxt else "").rstrip(".")  # "Wayan koster."
    if not name or not word.islower():
        return name
    whole = [*name, word.capitalize()]
    if known_name(whole) or " ".join(whole).lower() in mined_gazetteer().by_alias:
        return whole
    return name


# A body's short name in capitals: "LH" (Lingkungan Hidup), "PUPR".
_BODY_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _unit_words_before_name(qualifiers: list[str], name: list[str]) -> tuple[list[str], list[str]]:
    """The role's last words and the name, with the dictionary words that end a unit's name
    given back to the role: after a word of roles.toml `unit_name_openers`, the next one
    whatever its capitals ("Dirjen Bina Marga Sugiyartanto"), and more before a name of two
    words ("Direktur Jenderal Bimbingan Masyarakat Islam Muhammadiyah Amin", "Ketua Fraksi
    Partai Golongan Karya Melchias Marcus Mekeng"); never from a known name or one a given
    name opens."""
    if not qualifiers or qualifiers[-1] not in _roles().unit_name_openers:
        return qualifiers, name
    if len(name) < 2 or known_name(name) or opens_name(name) or not is_common_word(name[0]):
        return qualifiers, name
    qualifiers, name = [*qualifiers, name[0]], name[1:]
    while len(name) > 2 and is_common_word(name[0]) and not known_name(name):
        qualifiers, name = [*qualifiers, name[0]], name[1:]
    return qualifiers, name


def _name_of_dictionary_words(words: list[str], text: str) -> bool:
    """True for a name of two or three words after a role, all dictionary roots ("KSAD
    Jenderal Andika Perkasa", "Ketua MA Hatta Ali"): a name when the paragraph writes none of
    them in lower case, the corpus writes one capitalised at least as often as in lower case
    (name_roots_mined.txt: "Bagus Selo", not "Deputi Peningkatan Prestasi Olahraga"), and none is a place,
    an agency, a derived word or a word that never names a person. One such word alone is too
    often a place's ("Kota Blora Baru")."""
    if not 2 <= len(words) <= 3 or not all(is_full_word(w) and _is_name_word(w) for w in words):
        return False
    if any(is_derived_word(w) or not is_common_word(w) for w in words):
        return False  # some word is no root: looks_like_person decided
    if not any(w.lower() in name_roots() for w in words):
        return False  # "Deputi Peningkatan Prestasi Olahraga": words the corpus writes so
    if is_place(words) or is_agency(words) or place_name_kind(words):
        return False
    return not any(
        re.search(rf"(?<![\w'’-]){re.escape(w.lower())}(?![\w'’-])", text) for w in words
    )


@cache
def _speech_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """speech.toml's verbs written before what was said ("mengatakan") and after it ("kata")."""
    table = load_toml("speech.toml")
    return frozenset(table["before"]), frozenset(table["after"])


_NEXT_WORD = re.compile(r"[ \t]*,?[ \t]*([a-z]+)")
_VERB_BEFORE = re.compile(r"([a-z]+)[ \t]+$")


def _speaking_name_root(words: list[str], text: str, start: int, end: int) -> bool:
    """True for a one-word name after a role that is a dictionary root the corpus writes
    capitalised (name_roots_mined.txt) and the paragraph never in lower case, when the role
    and the name say something: a verb of speech right after them ("Wakil Ketua DPRD DKI
    Jakarta nondefinitif Syarif menyebut bahwa", "Wali Kota Palu Hidayat mengatakan") or
    right before them ('" kata Bupati Bogor Hidayat'). Without it one such word is too often
    a place's ("Kota Blora Baru")."""
    if len(words) != 1 or not is_full_word(words[0]) or not _is_name_word(words[0]):
        return False
    word = words[0]
    lower = word.lower()
    if lower not in name_roots() or is_derived_word(word):
        return False
    if is_place(words) or is_agency(words) or place_name_kind(words):
        return False
    if re.search(rf"(?<![\w'’-]){re.escape(lower)}(?![\w'’-])", text):
        return False
    before_verbs, after_verbs = _speech_verbs()
    nxt = _NEXT_WORD.match(text, end)
    if nxt and nxt.group(1) in before_verbs:
        return True
    prev = _VERB_BEFORE.search(text, 0, start)
    return bool(prev) and prev.group(1) in after_verbs


def _given_name_cut(bare: str, text: str, after: int) -> bool:
    """True for a given name cut short before the rest of the name ("Moh. Lutfi", "Muh.
    Ilham"): no sentence ends there."""
    nxt = _TOKEN.match(text, after)
    word = nxt.group("word") if nxt else None
    return bare in _NAME_PREFIXES and bool(word) and word[0].isupper()


def _short_form_after(text: str, at: int, run: list[str], head: str) -> tuple[str, int] | None:
    """The role a one-word short form right after "atau" gives the role words `run`, and
    where it ends: the short form of the whole role ("Kepala Kepolisian Resor atau
    Kapolres"), or the role with the agency it abbreviates ("Kepala Badan Pengawas
    Perdagangan Berjangka Komoditi atau Bappebti" -> "Kepala Bappebti"); None for none."""
    nxt = _TOKEN.match(text, at)
    word = nxt.group("word") if nxt else None
    if not nxt or not word or not word[0].isupper() or word.endswith("."):
        return None
    if run[0] != head.split()[0]:
        return None
    if len(word) < len("".join(run)) and _abbreviates(word, run):
        return word, nxt.end()
    split = _acronym_split(word, run, given=True)
    if not split or any(w in _roles().private_bodies for w in run[split:]):
        return None  # "Sekretaris Jenderal Gabungan Industri ... atau GIAMM": no office
    return " ".join([*run[:split], word]), nxt.end()


def _place_or_agency_before_name(words: list[str], *, country: bool = False) -> int:
    """How many words at the start of a name of three words or more are a place, an agency
    or a role word the role names ("Tanjab Timur Romy Haryanto", "Bea Cukai Heru Pambudi",
    "Utara Sigit Widjatmoko", "Pangkal Pinang Maulan Aklil", "Belu Willy Lay"); an initial or
    a Roman numeral is the name's ("I Wayan"). After the head of a state (`country`), a
    country of place_names.txt is the role's too ("Presiden Liberia George Weah"); a region or
    city abroad of foreign_regions.txt is after any role ("Menteri Olahraga Ontario Lisa
    MacLeod")."""
    if len(words) < 3 or known_name(words):
        return 0
    for size in (2, 1):
        lead = words[:size]
        # a district's or town's name of one word may be a given name ("Rosa", "Amirudin"),
        # a country's too, but after a head of state ("Chad Wolf")
        kinds = ("region", "local") if size > 1 else ("region",)
        if country:
            kinds = (*kinds, "foreign")
        if (
            size == 2
            and _lead_word_alone(words[0])
            and not _lead_word_alone(words[1])
            and not place_name_kind(lead)
        ):
            continue  # "KKP Brahmantya Satyamurti Poerwadi": the agency, then a name
        if len(words) - size >= 2 and (
            is_place(lead)
            or is_agency(lead)
            or place_name_kind(lead) in kinds
            or " ".join(lead).lower() in foreign_regions()
        ):
            return size
    first = words[0]
    if first in _roles().qualifiers and len(first) > 1 and first.strip("IVX"):
        return 1
    return 0


def _lead_word_alone(word: str) -> bool:
    """A word that is a place or an agency by itself ("KKP", "Inggris" is neither)."""
    return is_place([word]) or is_agency([word]) or bool(place_name_kind([word]))


def _place_goes_on(run: list[str], at: int) -> int:
    """1 when the role's last words and the word at `at` name one place, and a name of two
    words or more follows ("Bupati Bone Bolango Hamim Pou": the regency Bone Bolango, not
    Bone), or one word after a regency or city ("Bupati Batang Hari Syahirsah"), else 0."""
    if at == 0 or len(run) - at < 2:
        return 0
    for start in range(max(0, at - 2), at):
        kind = place_name_kind(run[start : at + 1])
        if kind and (len(run) - at >= 3 or kind == "region") and not known_name(run[at + 1 :]):
            return 1
    return 0


def _place_after_place_word(run: list[str], at: int) -> int:
    """1 when the role's words end with a word only a place follows (person_names.toml
    `place_words_before`: "Kepulauan", "Kec") and a name of two words or more follows the
    word at `at`: that word is the place's ("Perdana Menteri Kepulauan Solomon Manasseh
    Sogavare", "Camat Kec. Cibinong Ahmad Sudrajat"); not "Kota" after a place ("Kapolres
    Sorong Kota Mario Siregar": the place's last word), else 0."""
    if at == 0 or len(run) - at < 3 or run[at - 1] not in _place_words_before():
        return 0
    if at >= 2 and (is_place(run[at - 2 : at - 1]) or place_name_kind(run[at - 2 : at - 1])):
        return 0
    return 0 if known_name(run[at:]) or opens_name(run[at:]) else 1


# A unit's number in a role ("Komisi IV"): no word of an office a text can name.
_ROMAN_NUMERALS = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"})


def _without_holders_party(role: str) -> str:
    """The office without the holder's party written after it ("Senator AS dari Partai
    Republik": Senator AS) or his faction after a legislature or its organ ("Anggota Komisi
    III DPR RI dari Fraksi PPP": Anggota Komisi III DPR RI); a party's own post keeps it
    ("Ketua Fraksi PKS DPR")."""
    office, of_party, party = role.partition(" dari ")
    if of_party and party.split()[0] in _roles().private_bodies:
        return office
    words = role.split()
    legislature = _roles_words("faction_after")
    seats = _roles_words("seat_bodies")
    for i in range(2, len(words)):
        if words[i] != "Fraksi" or legislature.isdisjoint(words[:i]):
            continue
        given = words[i - 1] == "dari"
        if not given and (legislature - seats | _roles().member_words).isdisjoint(words[:i]):
            return role  # "Ketua DPR RI Fraksi PKS": the faction's chair, not the Speaker
        end = _party_name_end(words, i + 1, seats)
        if end == i + 1:
            return " ".join(words[: i - 1]) if given else role
        # only the faction: "Anggota Komisi III Fraksi PDIP DPR RI" is of the DPR
        return " ".join([*words[: i - 1 if given else i], *words[end:]])
    return role


def _party_name_end(words: list[str], at: int, seats: frozenset[str]) -> int:
    """Where a party's name that starts at `at` ends: "Partai" and its capitalised words up to
    a legislature or a region's word ("Partai Keadilan Sejahtera"), or the parties' words of
    roles.toml `parties` ("PDI Perjuangan", "PKS")."""
    end = at
    if end < len(words) and words[end] == "Partai":
        end += 1
        stops = seats | _roles().region_words
        while end < len(words) and words[end][:1].isupper() and words[end] not in stops:
            end += 1
        return end
    while end < len(words) and words[end] in _roles_words("parties"):
        end += 1
    return end


def _named_before(text: str, at: int) -> bool:
    """True when a naming word (roles.toml `naming_words`: "bernama") comes right before `at`."""
    before = text[max(0, at - 20) : at].split()
    return bool(before) and before[-1].lower() in _roles().naming_words


def _party_follows(text: str, at: int) -> bool:
    """True when a party's or a company's word follows `at` ("... (AS) dari Partai ...")."""
    nxt = _TOKEN.match(text, at)
    return bool(nxt and nxt.group("word")) and nxt.group("word") in _roles().private_bodies


@lru_cache(maxsize=CACHED_WORDS)
def _public_office(role: str) -> bool:
    """False for a party's or a company's post ('Sekjen Partai Demokrat', 'Presiden
    Direktur GGRP', 'Ketua DPD Partai Golkar')."""
    roles = _roles()
    office = _without_holders_party(role)
    if office != role:
        return _public_office(office)  # "Senator AS dari Partai Republik"
    words = set(role.split())
    # a deputy's post is of the same body: "Wakil Presiden Direktur , Jeffri Sandra Tanudjaja"
    post = role.removeprefix("Wakil ")
    if (post.startswith(roles.private_heads) or words & roles.company_posts) and not (
        words & roles.public_agencies
    ):
        return False  # but "Direktur Utama BPJS Kesehatan Fachmi Idris": a public body's
    if words & roles.party_boards:
        return False  # "Ketua DPC PDIP Solo": a party's board
    # a board's level is skipped: "Ketua DPD I Partai Golkar NTB"
    unranked = [w for w in role.split() if w.strip("IVX")]
    for a, b in pairwise(unranked):
        if a in roles.public_body_boards and (
            b in roles.private_bodies
            or (b.isupper() and b not in roles.qualifiers and b not in roles.public_bodies)
        ):
            return False  # "Ketua DPD Partai Golkar Jabar", "Wakil Ketua DPD ASPPI Jabar"
    parts = role.split()
    for name in roles.private_names:
        if any(tuple(parts[i : i + len(name)]) == name for i in range(len(parts))):
            return False  # "Ketua Komnas Perlindungan Anak": an association's, not the state's
    if _board_of_no_state_body(role):
        return False  # "Anggota Dewan Pengarah Pusat Studi Hukum": a university centre's
    if not _listed_body_head(role) and association_post(role, frozenset(gazetteer().by_alias)):
        return False  # "Sekretaris Jenderal API Jawa Barat", "Presiden INAMPA" (not "Presiden
        # ECB", a body's head roles.toml lists)
    # a head's own words are its office's ("Kepala Staf Gabungan AS", the joint chiefs; not
    # "Ketua Gabungan Pengusaha ..."), but for a body's short form ("Ketua DPP", a party's)
    head = roles.head_pattern.match(role)
    own = {w for w in head.group(0).split() if not w.isupper()} if head else set()
    return not ((words - own) & roles.private_bodies) or bool(words & roles.public_bodies)


def _board_of_no_state_body(role: str) -> bool:
    """True when a board only a state body has (roles.toml `state_boards`: "Dewan Pengarah")
    is written in `role` without a state body right after it: not a public agency's or a
    public body's short form ("Anggota Dewan Pengarah BPIP"), nor a word opening a state
    body's name (`state_body_openers`: "Badan Pembinaan Ideologi Pancasila", "Kementerian",
    "Satuan Pelaksana Program Indonesia Emas"), but a university centre's, a company's, an
    NGO's or a foundation's ("Anggota Dewan Pengarah Pusat Studi Hukum"), or none."""
    roles = _roles()
    padded = f" {role} "
    for board in _roles_words("state_boards"):
        at = padded.find(f" {board} ")
        if at < 0:
            continue
        body = role[at + len(board) :].split()
        first = body[0] if body else ""
        return not (
            first in roles.public_agencies
            or first in roles.public_bodies
            or (first and first.startswith(tuple(_roles_words("state_body_openers"))))
        )
    return False


@cache
def _listed_body_head(role: str) -> bool:
    """True for a head roles.toml lists whole with its body's short form ("Presiden ECB",
    "Kepala SKK Migas"; not "Sekretaris Jenderal", whose body the text names after it)."""
    words = role.split()
    return role in _roles().head_forms.values() and any(
        len(w) > 1 and w.isupper() for w in words[1:]
    )


def _role_like(word: str) -> bool:
    """A word that can belong to a role phrase: portfolio, agency, acronym, place, a unit's
    number ("0420/Sarko"), a region joined to its number ("I-Medan")."""
    if word[:1].isdigit() or is_agency_word(word) or _FACTION.fullmatch(word):
        return True
    if _NUMBERED.fullmatch(word):
        return True  # an ordinal: "Presiden RI ke-6"
    if parts := _bodies_joined(word):
        return all(map(_role_like, parts))
    if "-" in word and not word.startswith("-"):
        return all(not p.strip("IVX") or _role_like(p) for p in word.split("-") if p)
    return (
        _is_qualifier(word)
        or (word.isupper() and len(word) > 1)
        or bool(_roles().head_pattern.fullmatch(word))
        or is_common_word(word)
    )


def _joins_role(run: list[str]) -> bool:
    """True if a role phrase read so far (`run`) goes on through 'dan', 'untuk', 'dari' or an
    ordinal: while every word is a role word ("Menteri Pemuda dan", "Duta Besar RI untuk",
    "Presiden pertama"), not once a name is read ("Imam Nahrawi Mundur dari Jabatannya")."""
    return bool(run) and all(map(_role_like, run))


def _role_before_comma(text: str, after: int, head: str, run: list[str]) -> bool:
    """True if the words before a comma are a role phrase and a name follows it:
    'Ketua PPIH Arab Saudi, Endang Jumali', 'Kapolsek Jagakarsa, Komisaris Harsono'."""
    nxt = _TOKEN.match(text, after)
    if not nxt or not (nxt.group("word") or nxt.group("initial")):
        return False
    if not (nxt.group("word") or nxt.group("initial"))[0].isupper():
        return False
    at = _SPACES.match(text, after).end()
    if _roles().head_pattern.match(text, at) and not opens_name(text[at : at + 60].split()[:4]):
        return False  # "Gubernur, Pangdam II Sriwijaya dan Kapolda Sumsel": a list of offices
    tail = run[len(head.split()) :] if run[: len(head.split())] == head.split() else run
    # a word ending a place's name of two or three words is the place's ("Pegunungan Arfak")
    unknown = [
        w
        for i, w in enumerate(tail)
        if not _role_like(w)
        and not any(place_name_kind(tail[max(0, i - k) : i + 1]) for k in (0, 1, 2))
    ]
    unknown = [w for w in unknown if not _short_form_of_place(text, w)]
    # Heads of places may name a place we do not know: "Kapolsek Jagakarsa, ..."
    allowed = 1 if head in _roles().place_heads else 0
    return len(unknown) <= allowed and not any(known_name([w]) for w in tail)


def _short_form_of_place(text: str, word: str, *, place_only: bool = False) -> bool:
    """True when the article gives `word` in parentheses after a place's or a body's name
    ("Bolaang Mongondow Selatan (Bolsel)"): "Kepala Dinas PUPR Bolsel, Tedi Manika" names
    the place before the comma, not a person. With `place_only`, after a place's name only
    (not "Menparekraf (Wishnutama)")."""
    short = f"({word})"
    if not word[:1].isupper():
        return False
    at = text.find(short)
    while at >= 0:
        m = _CAPITALS_BEFORE.search(text, max(0, at - _CAPITALS_BEFORE_CHARS), at)
        words = m.group(1).split() if m else []
        if place_only and words and _is_title(words[-1].rstrip(".")):
            words = []  # "lapor ke Ibu (Airin)": a person, after an honorific
        if any(place_name_kind(words[i:]) for i in range(len(words))) or (
            not place_only and any(_role_like(w) for w in words)
        ):
            return True
        at = text.find(short, at + 1)
    return False


@cache
def _officials_by_office_word() -> dict[str, tuple[str, ...]]:
    """The gazetteer's officials by each short form of an office of theirs that is a role
    head by itself ("Mentan": Amran Sulaiman; "Kapolri": Tito Karnavian, ...)."""
    gaz, heads = gazetteer(), _roles().head_pattern
    index: dict[str, list[str]] = {}
    for canonical, office_words in gaz.office_words.items():
        for word in office_words:
            if heads.fullmatch(word):
                index.setdefault(word, []).append(canonical)
    return {word: tuple(names) for word, names in index.items()}


@cache
def _office_word_pattern() -> re.Pattern[str]:
    """The short forms `_officials_by_office_word` indexes, as whole words (read with
    `word_matches`: the start of a word is checked there)."""
    return re.compile(rf"(?:{alternation(_officials_by_office_word())})(?![\w'’-])")


# What follows an office whose holder's name the scraper took out: a comma, then another or
# a word in lower case ("Menteri Pertanian (Mentan) , optimis"), or the paragraph broken
# where the name was, a word in lower case after it ("(Menristekdikti)" / "pun mengeluarkan").
_NAME_CUT = re.compile(r"\)?[ \t]*(?:,[ \t]*(?:,|[a-z])|\n[ \t]*[a-z])")
# A name word the article writes alone, not before another capitalised word.
_ALONE_AFTER = re.compile(r"(?![\w'’-])(?![ \t]+[A-Z])")


def _named_by_office(
    words: _ArticleWords, span: tuple[int, int] | None
) -> Iterator[tuple[str, str]]:
    """(official, role) for each gazetteer official whose office the body names by its short
    form with the name after it cut (`_NAME_CUT`: "Menteri Pertanian (Mentan) , optimis")
    and who held it on the article's date, when the body also writes a word of his name of
    five letters or more that is no dictionary word, alone ("kata Amran"): what the scraper
    left of his name."""
    gaz = gazetteer()
    index = _officials_by_office_word()
    # the short form with the name after it cut: "(Mentan) , optimis", "Mentan , ,"
    offices = {
        m.group(0)
        for m in word_matches(_office_word_pattern(), words.text, _ALIAS_JOINED)
        if _NAME_CUT.match(words.text, m.end())
    }
    for office in sorted(offices):
        for canonical in index[office]:
            role = gaz.role_on(canonical, "", span)
            if office not in role.split():
                continue
            parts = [w for w in canonical.split() if len(w) >= 5 and not is_common_word(w)]
            if any(
                re.search(rf"(?<![\w'’-]){re.escape(w)}{_ALONE_AFTER.pattern}", words.text)
                for w in parts
                if w in words.text
            ):
                yield canonical, role
    yield from _named_by_office_in_full(words.text, span)


# A name the scraper cut after an office written in full, with its short form maybe cut too:
# "Ketua Komisi Pemberantasan Korupsi ( ,) , mengatakan", "Menteri Pekerjaan Umum dan
# Perumahan Rakyat (PUPR) , mengaku", "Ketua KPK , mengatakan".
# The space before a comma, or between two, is where the name was ("Wakil Ketua KPK, baru
# mengetahui" is a clause of the sentence): each comma followed by another or a word in lower
# case is looked for, then the spaces, the other comma or the short form before it.
_CUT_COMMA = re.compile(r",[ \t]*(?=,|[a-z])")
# ... or a paragraph broken where the name was, with no full stop: "oleh Menteri Pekerjaan
# Umum dan Perumahan Rakyat (PUPR)\nBasuki menyebut" (its full stop maybe on a line alone)
# (found from its line break, the spaces before it added: `re` skips to a line break, but tries
# a pattern opening with optional spaces at every character)
_CUT_BREAK = re.compile(r"\n(?:[ \t]*\.[ \t]*\n)?")
_CUT_SHORT_FORM = re.compile(r"[ \t]*\([ \t]*[\w-]*[ \t]*,?[ \t]*\)$")
# the most characters of a short form's parentheses before the commas
_CUT_SHORT_FORM_CHARS = 40
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\"“”]")
# how far before the cut the office's words are read
_CUT_OFFICE_CHARS = 120
# the shortest word of an official's name that, written alone, names him after his office cut
_CUT_NAME_LETTERS = 4


def _named_by_office_in_full(text: str, span: tuple[int, int] | None) -> Iterator[tuple[str, str]]:
    """(official, role) for each gazetteer official whose office on the article's date the
    body writes in full, or as the gazetteer gives it, right before a name the scraper cut,
    when the body writes a word of his name of `_CUT_NAME_LETTERS` letters or more alone
    after it ("Menteri Kelautan dan Perikanan , menjelaskan ..." then "Susi menjelaskan"; a
    dictionary word after a word in lower case: "kata Agus"). The office opens there: "Wakil
    Ketua KPK , mengatakan" is no Ketua KPK's."""
    if " ," not in text and "\t," not in text and "\n" not in text:
        return  # every cut leaves a space before a comma or breaks the paragraph
    gaz, index = gazetteer(), _offices_in_full()
    first_cut: dict[str, int] = {}  # each official's office's first cut, where it ends
    last_words = _office_last_words()
    for office_end, cut_end in _cuts(text):
        before = text[max(0, office_end - _CUT_OFFICE_CHARS) : office_end]
        run = [w for w in _WORD.findall(before) if w != "dan"]
        if not run or run[-1].lower() not in last_words:
            continue  # no office ends at the cut (most cuts): the cheap test first
        breaks = list(_SENTENCE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
        run = [w for w in _WORD.findall(before) if w != "dan"]
        lower = tuple(w.lower() for w in run)
        for size in range(1, min(len(run), _OFFICE_WORDS) + 1):
            if size < len(run) and (
                run[-size - 1][:1].isupper() or run[-size - 1].lower() in _not_holder_before()
            ):
                continue  # another office's head opens before ("Wakil"), or another's post
            for canonical, office in index.get(lower[-size:], ()):
                if cut_end < first_cut.get(canonical, len(text) + 1) and office == (
                    gaz.role_on(canonical, "", span)
                ):
                    first_cut[canonical] = cut_end
    for canonical in sorted(first_cut):
        at = first_cut[canonical]
        parts = [w for w in canonical.split() if len(w) >= _CUT_NAME_LETTERS and w in text]
        if any(_written_alone(text, at, w) for w in parts):
            yield canonical, gaz.role_on(canonical, "", span)


def _written_alone(text: str, at: int, word: str) -> bool:
    """True when `text` writes the name word `word` alone from `at` on: no capitalised word
    right after it, nor before it but one opening a sentence ("Pengamat Budi Widodo" is not
    "Widodo", "Menurut Indrawati" is), no naming word before it ("saksi bernama Agus"), and a
    dictionary word ("Agus") only after a word in lower case ("kata Agus")."""
    common = is_common_word(word)
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}{_ALONE_AFTER.pattern}", text[at:]):
        start = at + m.start()
        before = _WORD_ENDING_AT.search(text, max(0, start - 30), start)
        previous = before.group(1) if before else ""
        if _named_before(text, start) or (
            previous[:1].isupper() and not _opens_sentence(text, before.start(1))
        ):
            continue  # "Pengamat Budi Widodo" (not "Menurut Indrawati")
        if common and not (previous[:1].islower() and text[start - 1] == " "):
            continue
        return True
    return False


def _opens_sentence(text: str, at: int) -> bool:
    """True when the word at `at` opens the text, a line or a sentence."""
    before = text[max(0, at - 5) : at].rstrip(" \t")
    return not before or before[-1] in '\n.!?:"“”'


@cache
def _not_holder_before() -> frozenset[str]:
    """Lower-case words before an office that make the person after it another than its
    holder (roles.toml `not_holder_before` and the lists it names)."""
    keys = [
        "not_holder_before",
        "role_words_before",
        "candidate_words_between",
        "staff_openers",
        "personal_aides",
        "close_staff",
        "relatives",
    ]
    return frozenset().union(*map(_words_before_head, keys))


# the most words of an office written in full
_OFFICE_WORDS = 10


def _cuts(text: str) -> Iterator[tuple[int, int]]:
    """Where an office's words end before a name the scraper cut, and where the cut ends: a
    comma after spaces, after a word's letter, a short form in parentheses or another comma
    ("Ketua KPK , mengatakan", "(PUPR) , mengaku", "Korupsi,     , mengatakan"), or the
    paragraph's end with no full stop ("(PUPR)\nBasuki menyebut")."""
    commas = _CUT_COMMA.finditer(text) if " ," in text or "\t," in text else ()
    for m in commas:
        end = _spaces_start(text, m.start())
        if end == m.start():
            continue  # no space before the comma: the sentence's own
        if end and text[end - 1] == ",":
            end -= 1  # "Korupsi,     , mengatakan", "(PUPR), , menyebut"
        if (end := _before_short_form(text, end)) and text[end - 1].isalpha():
            yield end, m.end()
    if "\n" in text:
        for m in _CUT_BREAK.finditer(text):
            end = _spaces_start(text, m.start())
            if (
                end
                and (text[end - 1] == ")" or text[end - 1].isalpha())  # the cheap test first
                and (end := _before_short_form(text, end))
                and text[end - 1].isalpha()
            ):
                yield end, m.end()


def _spaces_start(text: str, at: int) -> int:
    """Where the spaces and tabs right before `at` start."""
    while at and text[at - 1] in " \t":
        at -= 1
    return at


def _before_short_form(text: str, end: int) -> int:
    """Where the office's words end when `end` follows a short form in parentheses."""
    if end and text[end - 1] == ")":
        short = _CUT_SHORT_FORM.search(text, max(0, end - _CUT_SHORT_FORM_CHARS), end)
        if short is not None:
            return short.start()
    return end


@cache
def _office_last_words() -> frozenset[str]:
    """The last words of `_offices_in_full`'s forms: an office written in full ends with one."""
    return frozenset(form[-1] for form in _offices_in_full())


@cache
def _offices_in_full() -> dict[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The gazetteer's officials by each way of writing an office of their terms
    (`_office_in_full`): (official, office) for each."""
    index: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for canonical, held in gazetteer().terms.items():
        for office in sorted({role for role, _, _ in held}):
            for form in _office_in_full(office):
                if 0 < len(form) <= _OFFICE_WORDS:
                    index.setdefault(form, []).append((canonical, office))
    return {form: tuple(found) for form, found in index.items()}


@cache
def _office_in_full(role: str) -> tuple[tuple[str, ...], ...]:
    """An office's words in lower case without "dan", as the gazetteer gives them and with
    each short form spelt out ("Ketua KPK": ketua kpk; ketua komisi pemberantasan korupsi)."""
    given = tuple(w.lower() for w in role.split() if w.lower() != "dan")
    full = tuple(w.lower() for w in _spelt_out(role.split(), {}) if w.lower() != "dan")
    return (given,) if full == given else (given, full)


def _spelt_out(words: list[str], table: dict[str, str]) -> list[str]:
    """Each word that is a short form spelt out once: by `table`, else by the glossary's one
    long form."""
    spelt: list[str] = []
    for word in words:
        if word in table:
            spelt += table[word].split()
            continue
        forms = long_forms(word.lower(), written_in_capitals=word.isupper())
        spelt += list(forms[0]) if forms and _one_spelling(forms) else [word]
    return spelt


def _one_spelling(forms: tuple[tuple[str, ...], ...]) -> bool:
    """Whether long forms are one name however spelt: as many words, each opening as the
    first form's does ("Badan Pengawas Obat dan Makanan", "Badan Pengawasan Obat dan
    Makanan"); not two names ("Partai Solidaritas Indonesia", "Persatuan Sepakbola ...")."""
    first = forms[0]
    return all(
        len(form) == len(first) and all(a[:3] == b[:3] for a, b in zip(form, first, strict=True))
        for form in forms[1:]
    )


def _ends_body_name(text: str, name: str) -> bool:
    """True when the text writes `name`, two names joined by a hyphen, right before a short
    form in parentheses that ends with the initials of its words and holds more letters
    before them: "Ciliwung-Cisadane (BBWSCC)" ends the name of the Balai Besar Wilayah Sungai
    it abbreviates."""
    if "-" not in name or (f"{name} (" not in text and f"{name}(" not in text):
        return False  # a hyphenated pair of names only: "Bupati H Sukiman Azmy (HSA)" stays
    initials = "".join(w[0] for w in re.split(r"[ \t-]+", name) if w).upper()
    m = re.search(rf"(?<![\w'’-]){re.escape(name)}[ \t]*\(([A-Z]{{2,10}})\)", text)
    return bool(m) and len(m.group(1)) > len(initials) and m.group(1).endswith(initials)


# Up to four capitalised words right before a place's or a body's short form in parentheses.
_CAPITALS_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+){1,4})$")
_CAPITALS_BEFORE_CHARS = 160


def _body_follows(text: str, after: int) -> bool:
    """True when the word after a comma written right after a role's head is a body's short
    name or a portfolio ("Wakil Ketua , DPR RI Erma Suryani Ranik", "Sekretaris Jenderal,
    Kemendikbud, Didik Suhardi": a link's text taken out of the page left the comma)."""
    nxt = _TOKEN.match(text, after)
    word = (nxt.group("word") or "").rstrip(".") if nxt else ""
    if not word or _roles().head_pattern.match(text, _SPACES.match(text, after).end()):
        return False  # "Gubernur, Pangdam II Sriwijaya dan Kapolda Sumsel": a list of offices
    return is_agency_word(word) or (word in _roles().qualifiers and not is_place([word]))


def _institution_follows(text: str, after: int) -> bool:
    """True when a comma inside a role is followed by the body it is of ("..., Kementerian
    Koordinator Bidang Perekonomian"), not by a name."""
    nxt = _TOKEN.match(text, after)
    word = nxt.group("word") if nxt else None
    return bool(word) and word in _roles().institution_starts


def _list_goes_on(text: str, after: int, since: list[str]) -> bool:
    """True when a comma inside a role continues a list of a portfolio's words: dictionary
    words since the last comma, and one more or "dan" after it ("Menteri Riset, Teknologi,
    dan Pendidikan Tinggi"; not a list of places, "Raja Ampat, Teluk Bintuni, ...")."""
    nxt = _TOKEN.match(text, after)
    word = nxt.group("word") if nxt else None
    return (
        bool(since)
        and all(w in _JOINERS or is_common_word(w) for w in since)
        and bool(word)
        and (word == "dan" or (word[0].isupper() and is_common_word(word)))
        and not known_name([word])
    )


def _known_then(text: str, at: int, words: list[str]) -> bool:
    """True when `words` and the word at `at` are a known official's name ("Bacharuddin Jusuf"
    and "Habibie")."""
    nxt = _TOKEN.match(text, at)
    # the word without a sentence's full stop: "... Bacharuddin Jusuf (BJ) Habibie."
    return bool(nxt and nxt.group("word")) and known_name([*words, nxt.group("word").rstrip(".")])


def _initials_of(short: str, words: list[str]) -> bool:
    """True when `short` is the first letters of two or more name words ("BJ" of Bacharuddin
    Jusuf)."""
    return _spells_initials(short, words) and all(
        _is_name_word(w) and not _role_like(w) for w in words
    )


def _spells_initials(short: str, words: list[str]) -> bool:
    """True when `short`, in capitals, is the first letters of two or more `words`."""
    return len(words) >= 2 and short.isupper() and "".join(w[0] for w in words) == short


def _acronym_split(
    short: str, run: list[str], *, given: bool = False, head_words: int = 1
) -> int | None:
    """Where an agency's name starts in `run` if `short` abbreviates its last two or more
    words: 'TII' of [Sekjen, Transparency, International, Indonesia] -> 1, 'Dispora' of
    [Kepala, Dinas, Pemuda, dan, Olahraga] -> 1. Mixed-case short forms count only when the
    words are role words, so 'Jokowi' is never read as an agency of [Joko, Widodo]; when the
    text `given` it as a short form ("... atau Bappebti"), one word of three or more may be
    another ("Badan Pengawas Perdagangan Berjangka Komoditi"). The words after the role's
    `head_words` are tried first: "Bolsel" of [Wakil, Bupati, Bolaang, Mongondow, Selatan] is
    the place's, not "Bupati Bolaang ..."."""
    bare = short.replace("-", "")
    if not (
        2 <= len(short) <= 10
        and bare.isalnum()
        and sum(c.isalpha() for c in bare) >= 2  # "P2P": Pencegahan dan Pengendalian Penyakit
        and short[0].isupper()
    ):
        return None
    last = len(run) - 1
    for start in [*range(max(1, head_words), last), *range(1, min(head_words, last))]:
        words = run[start:]
        if short[0].lower() != words[0][0].lower() or not _abbreviates(short, words):
            continue
        # a word whose first syllable the short form takes counts as the body's, misspelt
        # too ("Badan Legislastif (Baleg)")
        others = sum(not _role_like(w) and w[:3].lower() not in short.lower() for w in words)
        if not short.isupper() and not any(map(_role_like, words)):
            continue  # a person's nickname of syllables: "Setya Novanto (Setnov)"
        if short.isupper() or others == 0 or (given and others == 1 and len(words) >= 3):
            return start
    return None


def _is_person_name(words: list[str]) -> bool:
    """A known official's name, or name-shaped words that are no role head, place, agency,
    program or phrase (see person_names)."""
    if known_name(words):
        return True
    return _all_name_words(name_core(words)) and looks_like_person(words)


def known_name(words: Sequence[str]) -> bool:
    """True when the words are a name (or an alias) the gazetteer of officials knows."""
    return " ".join(words).lower() in gazetteer().by_alias


_WORD_BEFORE = re.compile(r"([\w'’.-]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([\w'’-]+)")


# A match of the alias (or role) pattern right after one of these is inside another word.
_ALIAS_JOINED = re.compile(r"[\w'’-]")
_HEAD_JOINED = re.compile(r"[\w-]")


def word_matches(
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


# A hyphen joining two capitalised names, as a ticket or a pair is written ("Jokowi-Ma'ruf
# Amin", "Joko Widodo-Jusuf Kalla"): each side is a name of its own. (The pattern opens with
# the hyphen: `re` skips to the hyphens of a paragraph, few, without trying every letter.)
_HYPHEN_BEFORE_CAPITAL = re.compile(rf"-(?=[{UPPER}])")
_WORD_ENDING = re.compile(rf"[{UPPER}][{UPPER}{LOWER}'’]*[{LOWER}'’]$")


# A word and the spaces after it, right after a pair's hyphen: maybe the right name's title.
_TITLE_AFTER_HYPHEN = re.compile(r"([\w.]+)[ \t]+")


def _split_pairs(text: str, pattern: re.Pattern[str]) -> str:
    """`text` with the hyphen between two gazetteer aliases spaced out ("Joko Widodo -
    Ma'ruf Amin", "Jokowi - JK"); kept when one side is no official's name ("Soekarno-Hatta",
    the airport)."""
    parts: list[str] = []
    last = 0
    by_alias = gazetteer().by_alias
    for m in _HYPHEN_BEFORE_CAPITAL.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if not _WORD_ENDING.search(before):
            continue
        at = m.end()
        while (title := _TITLE_AFTER_HYPHEN.match(text, at)) and _is_title(title.group(1)):
            at = title.end()  # "Joko Widodo-KH Ma'ruf Amin"
        right = pattern.match(text, at)
        if right is None:
            continue
        words = before.split()[-3:]
        if any(_clean_name(" ".join(words[i:])).lower() in by_alias for i in range(len(words))):
            parts += [text[last : m.start()], " - "]
            last = m.end()
    return "".join([*parts, text[last:]]) if parts else text


def _alias_mentions(
    text: str, *, headline: bool = False, gaz: _Gazetteer | None = None
) -> Iterator[tuple[str, bool, str, int]]:
    """Gazetteer aliases written in `text`, longest first; the names of a pair joined by a
    hyphen ("Jokowi-Ma'ruf Amin") each. Each with True when a party's or a company's post
    introduces it (see `_after_private_post`), and how it is written out of office
    (`_out_of_office`'s "candidate", "era" or "relative", "candidacy told" in a paragraph
    telling of a candidacy or an election, or ""), and where it starts.

    An alias that is part of a longer name ("Emil" in "Emil Dardak", "Prabowo" in "Munir
    Syahda Prabowo", "Tito" in "Tito Rabat") or of an institution's ("Universitas Airlangga")
    is not a mention of the gazetteer's official. In a `headline` every word is capitalised:
    only a word that is no dictionary word extends a name there. `gaz`: another gazetteer
    than the hand-written one (the mined officials').
    """
    gaz = gaz or gazetteer()
    pattern = gaz.alias_pattern
    if pattern is None:
        return
    if "-" in text:
        text = _split_pairs(text, pattern)
    candidacy_told: bool | None = None  # read at the first alias: most paragraphs have none
    kinds: dict[int, str] = {}  # how the alias ending at each offset is written
    for m in word_matches(pattern, text, _ALIAS_JOINED):
        if candidacy_told is None:
            # a paragraph that tells of a candidacy ("lima capim terpilih: ... Firli Bahuri
            # (56 suara)") or of an election ("koalisi pendukung Jokowi - Ma'ruf Amin dalam
            # Pilpres 2019")
            candidacy_told = not headline and (
                _candidacy_pattern().search(text) is not None
                or _election_pattern().search(text) is not None
            )
        before = _TWO_WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
        first, second = before.group(1, 2) if before else ("", "")
        if not second:
            last_word = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            second = last_word.group(1) if last_word else ""
        if is_institution_word(second):
            continue
        key = _clean_name(m.group(0)).lower()
        canonical = gaz.by_alias[key][0]
        surname = " " not in key and (key in gaz.partial or key in gaz.alone)
        if (
            _extends_name(second, headline=headline, before=first or "", surname=surname)
            and not _misspelt_office(second, canonical)
            # two officials of full names side by side ("Joko Widodo Ma'ruf Amin"); not one
            # word's ("Wiranto Prabowo", "Gibran Jokowi": someone else's name)
            and not (" " in key and _alias_ends_at(text, m.start()))
        ):
            continue
        if surname and (second == "The" or _named_before(text, m.start())):
            continue  # "The Habibie Center", "pelaku bernama Habibie": no official
        if surname and _AGE_AFTER.match(text, m.end()):
            continue  # "Habibie (25)": a private person, by his age
        after = _WORD_AFTER.match(text, m.end())
        own = gaz.words.get(canonical, frozenset())
        if (
            after
            and _extends_name(after.group(1), headline=headline, own=own, following=True)
            and not (" " in key and _alias_starts_at(text, after.start(1)))
        ):
            continue
        if after and is_institution_word_after(after.group(1)):
            continue  # "organisasi Jokowi Watch": a group named after him
        opened = _PAREN_OPENED.search(text, max(0, m.start() - 3), m.start())
        kind = (
            # "dua putra Susilo Bambang Yudhoyono (SBY)": the short form is written as the name
            kinds[opened.start()]
            if opened and opened.start() in kinds
            else _out_of_office(text, m.start())
            or (_CANDIDATE if _candidacy_after(text, m.end()) else "")
            or (_RELATIVE if _kin_before(text, m.start()) else "")
            or (_CANDIDACY_TOLD if candidacy_told else "")
        )
        kinds[m.end()] = kind
        private = (
            _after_private_post(text, m.start())
            or _private_post_after(text, m.end())
            or (kind == _CANDIDATE and _party_candidacy_before(text, m.start()))
        )
        yield m.group(0), private, kind, m.start()


def _alias_starts_at(text: str, at: int) -> bool:
    """True when a gazetteer alias (hand-written or mined) of two words or more starts at
    `at`: the word beside an alias opens another official's full name ("Pemerintahan Joko
    Widodo Ma'ruf Amin")."""
    return any(
        g.alias_pattern is not None
        and (found := g.alias_pattern.match(text, at)) is not None
        and " " in found.group(0).strip()
        for g in (gazetteer(), mined_gazetteer())
    )


def _alias_ends_at(text: str, end: int) -> bool:
    """True when the words right before `end` are a gazetteer alias (hand-written or mined)
    of two words or more: two officials' full names side by side."""
    words = text[max(0, end - _ALIAS_BEFORE_CHARS) : end].split()[-_ALIAS_BEFORE_WORDS:]
    return any(
        _clean_name(" ".join(words[i:])).lower() in g.by_alias
        for i in range(len(words) - 1)
        for g in (gazetteer(), mined_gazetteer())
    )


_ALIAS_BEFORE_CHARS = 60
_ALIAS_BEFORE_WORDS = 4


# An opening parenthesis right before a name, after the name it abbreviates.
_PAREN_OPENED = re.compile(r"[ \t]*\($")
# Words before a post that make it a second post of someone named by another role.
_ALSO = frozenset({"sekaligus", "merangkap", "juga", "serta"})


def _after_private_post(text: str, start: int) -> bool:
    """True when the capitalised words right before a name at `start` (with "dan", short
    forms in parentheses, a comma) are a post of a party, a company or an association and no
    public office ("Ketua Umum Partai Demokrat Susilo Bambang Yudhoyono", "Sekjen PSSI Ratu
    Tisha"), unless they follow another role ("Menko Perekonomian sekaligus Ketua Umum
    Golkar Airlangga")."""
    tokens = text[max(0, start - 120) : start].split()
    words: list[str] = []
    roles = _roles()
    while tokens and tokens[-1] == ",":
        tokens.pop()  # "Ketua Umum , Susilo Bambang Yudhoyono": the party's name taken out
    while tokens:
        bare = tokens[-1].strip(",()")
        if bare.capitalize() in roles.party_people and bare.islower():
            # "politikus Azis Syamsuddin", "kader Golkar Ace Hasan": a party's person
            words.insert(0, bare.capitalize())
            break
        if not bare or not (bare[0].isupper() or bare == "dan"):
            break
        words.insert(0, bare)
        tokens.pop()
    if (
        words
        and words[0] in roles.party_people
        and not any(w in roles.private_posts and w not in roles.party_people for w in words[1:])
    ):
        # no post of theirs is named: "politikus Azis Syamsuddin", "Kader PDIP Budiman"
        return len(words) == 1 or not _public_office(" ".join(words[1:]))
    if " ".join(words[-3:]) in roles.party_posts_alone or " ".join(words[-2:]) in (
        roles.party_posts_alone
    ):
        # "Ketua Umum Susilo Bambang Yudhoyono": a chair of no public body is a party's
        # (or an organisation's); the state's are written with their body ("Ketua DPR")
        return not (tokens and tokens[-1] in _ALSO)  # "Menko ... sekaligus Ketua Umum X"
    at = next((i for i, w in enumerate(words) if w in roles.private_posts), None)
    if at is None or len(words) - at < 2:
        return False
    if at == 0 and tokens and tokens[-1] in _ALSO:
        return False
    post = " ".join(words[at:])
    return any(w in roles.private_bodies for w in words[at:]) and not _public_office(post)


def _party_candidacy_before(text: str, start: int) -> bool:
    """True when the candidacy written shortly before a name at `start` is for a party's post
    ("dua kubu calon ketua umum antara Airlangga Hartarto dan Bambang Soesatyo"; roles.toml
    `candidate_words`, `party_posts_alone`)."""
    before = text[max(0, start - _CANDIDACY_CHARS) : start]
    return _party_candidacy_pattern().search(before) is not None


@cache
def _party_candidacy_pattern() -> re.Pattern[str]:
    table = load_toml("roles.toml")
    words = alternation(table.get("candidate_words", []))
    posts = alternation(table.get("party_posts_alone", []))
    return re.compile(rf"\b(?i:{words})\s+(?i:{posts})\b")


# A post in apposition after a name: ", Ketua Umum Partai Golkar", ", calon ketua umum Golkar".
_POST_AFTER = re.compile(
    r"(?:[ \t]*\([^()\n]{1,20}\))?,[ \t]+((?:[A-Za-z][\w.-]*)(?:[ \t]+[A-Za-z][\w.-]*){0,5})"
)


def _private_post_after(text: str, end: int) -> bool:
    """True when a party's or a company's post follows a name ending at `end` in apposition
    ("Airlangga Hartarto, Ketua Umum Partai Golkar yang ..."), maybe as its candidate
    ("..., calon Ketua Umum Golkar"), ending with its body (roles.toml `private_posts`,
    `private_bodies`), and no public office."""
    m = _POST_AFTER.match(text, end)
    if m is None:
        return False
    roles = _roles()
    written = m.group(1).split()
    if written[0].lower() in _words_before_head("candidate_words"):
        written = written[1:]  # "calon ketua umum Golkar"
    words = [w.rstrip(".,").capitalize() if w.islower() else w.rstrip(".,") for w in written]
    if not words or words[0] not in roles.private_posts:
        return False
    # the post ends with its body, and no name follows it ("Jusuf Kalla (JK), Ketua Umum PDI
    # Perjuangan Megawati": the next one's post)
    last = max((i for i, w in enumerate(words) if w in roles.private_bodies), default=-1)
    after = written[last + 1 :]
    if not after:
        nxt = _WORD_AFTER.match(text, m.end())
        after = [nxt.group(1)] if nxt else []
    if last < 0 or (after and after[0][:1].isupper()):
        return False
    return not _public_office(" ".join(words[: last + 1]))


# How far before a name a candidacy's word may stand in its sentence: "calon pimpinan KPK dari
# kepolisian, Irjen Firli Bahuri".
_CANDIDACY_CHARS = 60


def _out_of_office(text: str, start: int) -> str:
    """How a name at `start` is written where no office of its holder is meant: "candidate"
    shortly after a word of a candidacy in its sentence ("Capim KPK Firli Bahuri", "calon
    pimpinan KPK dari kepolisian, Irjen Firli Bahuri", "cawapres dari Prabowo Subianto";
    roles.toml `candidate_words`, `candidate_posts`), "era" as an era's name ("di era
    Soeharto", "rezim Presiden Soeharto"; `era_words`), else ""."""
    before = text[max(0, start - _CANDIDACY_CHARS) : start]
    before = re.split(r"[.!?;]\s", before)[-1]
    if _candidacy_pattern().search(before) is not None:
        return _CANDIDATE
    return _ERA if _era_pattern().search(before) is not None else ""


def _kin_before(text: str, start: int) -> bool:
    """True when a word of kinship or founding comes right before a name at `start` ("dua
    putra Susilo Bambang Yudhoyono", "partai besutan SBY"; roles.toml `relatives`,
    `founder_words`)."""
    before = text[max(0, start - _CANDIDACY_CHARS) : start]
    return _relative_pattern().search(before) is not None


_CANDIDATE, _ERA, _RELATIVE = "candidate", "era", "relative"
# A name in a paragraph telling of a candidacy, not near its word ("lima capim terpilih: ...
# Firli Bahuri (56 suara)"): no office meant for one who held none the gazetteer knows yet.
_CANDIDACY_TOLD = "candidacy told"


def _era_before(text: str, start: int) -> bool:
    """True when a role head at `start` follows an era's word: "di era Presiden Suharto"."""
    return _era_pattern().search(text, max(0, start - _CANDIDACY_CHARS), start) is not None


def _candidacy_after(text: str, end: int) -> bool:
    """True when a name ending at `end` is put forward right after it as a candidate ("nama
    Budi Gunawan untuk menjadi calon Kapolri", "Gibran sebagai bakal calon wali kota"):
    roles.toml `candidacy_after_words` then a candidacy's word or post."""
    return _candidacy_after_pattern().match(text, end) is not None


@cache
def _candidacy_after_pattern() -> re.Pattern[str]:
    table = load_toml("roles.toml")
    linking = alternation(table.get("candidacy_after_words", []))
    words = alternation([*table.get("candidate_words", []), *table.get("candidate_posts", [])])
    # a short form in parentheses between: "Bambang Soesatyo (Bamsoet) sebagai calon"
    return re.compile(rf"(?:[ \t]*\([^()\n]{{1,20}}\))?,?[ \t]+(?i:{linking})[ \t]+(?i:{words})\b")


@cache
def _era_pattern() -> re.Pattern[str]:
    table = load_toml("roles.toml")
    titles = alternation(table.get("era_titles", []))
    # the title's number and country between: "di era Presiden ke-2 RI Soeharto"
    rank = rf"(?:ke-?\s?\d+|{alternation([*sorted(_ORDINALS), *table.get('era_ranks', [])])})"
    return re.compile(
        rf"\b(?i:{alternation(table.get('era_words', []))})\s+"
        rf"(?:(?i:{titles})\s+(?:(?i:{rank})\s+){{0,2}})?$"
    )


@cache
def _election_pattern() -> re.Pattern[str]:
    """An election for an executive office named in a paragraph (roles.toml
    `election_words`)."""
    return re.compile(rf"\b(?i:{alternation(load_toml('roles.toml').get('election_words', []))})\b")


@cache
def _relative_pattern() -> re.Pattern[str]:
    """A word of kinship or founding right before a name, maybe with up to three capitalised
    words between ("dua putra Susilo Bambang Yudhoyono", "Putri Pertama Proklamator Indonesia
    Soekarno", "partai besutan SBY"): roles.toml `relatives`, `founder_words`."""
    kin = sorted(_roles().relatives)
    words = alternation(
        [*kin, *(f"{w}nya" for w in kin), *load_toml("roles.toml")["founder_words"]]
    )
    return re.compile(rf"\b(?i:{words})\s+(?:[A-Z][\w'’-]*\s+){{0,3}}$")


@cache
def _roles_word_pattern(key: str, *, any_case: bool = False) -> re.Pattern[str]:
    """A whole word of a roles.toml list: `party_contest_words` in any case ("Munas",
    "caketum"), `parties` as written ("Golkar", "Partai")."""
    words = alternation(load_toml("roles.toml").get(key, []))
    return re.compile(rf"(?<![\w-])(?{'i' if any_case else ''}:{words})(?![\w-])")


@cache
def _candidacy_pattern() -> re.Pattern[str]:
    table = load_toml("roles.toml")
    words = alternation(table.get("candidate_words", []))
    offices = alternation(table.get("candidate_offices", []))
    return re.compile(
        rf"\b(?i:{alternation(table.get('candidate_posts', []))})\b"
        rf"|\b(?i:{words})\s+(?:[A-Z]|(?i:{offices})\b)"
    )


_WORDS = re.compile(r"[\w-]+")
_TWO_WORDS_BEFORE = re.compile(r"(?:([\w'’.-]+)[ \t]+)?([\w'’.-]+)[ \t]+$")


@cache
def _fellows_after_name() -> frozenset[str]:
    """person_names.toml `fellows_after_name`: "Cs", "dkk"."""
    return frozenset(load_toml("person_names.toml").get("fellows_after_name", []))


def _extends_name(
    word: str,
    *,
    headline: bool,
    own: frozenset[str] = frozenset(),
    following: bool = False,
    before: str = "",
    surname: bool = False,
) -> bool:
    """True if `word` beside an alias would make it part of another person's name: a name
    word that is not the official's `own` and no role, rank or body. A dictionary word
    counts in running text when it follows the alias ("Tito Rabat"), or precedes it after
    another name word (`before`: "Munir Syahda Prabowo"), or, before a one-word alias that
    may be a surname (`surname`: "Habibie"), when the corpus writes it as a name as often as
    not ("Nur Habibie", a reporter; not a word of kinship: "Eyang Habibie"); in a headline,
    where every word is capitalised, it never does."""
    roles = _roles()
    if not word or word.lower() in own or word in roles.qualifiers or _is_title(word):
        return False
    if word in _fellows_after_name():
        return False  # "Agus Rahardjo Cs": his fellows
    if word in roles.private_bodies or word in roles.public_bodies:
        return False
    if roles.head_pattern.fullmatch(word) or not _is_name_word(word):
        return False
    if word.lower() in _words_before_head("candidate_posts"):
        return False  # "Capim Firli Bahuri": a candidacy's short form
    if not is_common_word(word):
        return True
    if headline or is_derived_word(word):
        return False
    return following or (
        (surname and word.lower() in name_roots() and word not in nickname_words())
        or (
            _is_name_word(before)
            and before not in roles.qualifiers
            and not _is_title(before)
            and not roles.head_pattern.fullmatch(before)
        )
    )


_WORD_ENDING_AT = re.compile(r"([\w'’-]+)[ \t]*$")


def _rank_only(role: str) -> bool:
    """A role that is a rank: "Inspektur Jenderal", "Inspektur Jenderal Polisi" (see
    `_is_rank`)."""
    return any(
        _is_rank(head, role)
        for head in _roles().rank_heads
        if role == head or role.startswith(f"{head} ")
    )


def _is_rank(head: str, role: str) -> bool:
    """True for a role whose head is also a rank (roles.toml `rank_heads`), with no body
    after it but a force's name (`rank_forces`)."""
    roles = _roles()
    return head in roles.rank_heads and set(role.split()[len(head.split()) :]) <= roles.rank_forces


def _rank_after_role(text: str, start: int, head: str, role: str) -> bool:
    """True for a head that is also a rank (roles.toml `rank_heads`), with no body after it
    but a force's name, written right after the capitalised words of a post that is no office
    (`not_office_heads`): the rank of its holder ("Kepala Divisi Hubungan Masyarakat Mabes
    Polri Inspektur Jenderal Mohammad Iqbal"; not "Plt. Inspektur Jenderal" nor "kata
    Inspektur Jenderal Pol Luki Hermawan")."""
    if not _is_rank(head, role):
        return False
    roles = _roles()
    before = _WORD_ENDING_AT.search(text, max(0, start - 40), start)
    word = before.group(1) if before else ""
    if not word[:1].isupper() or word in roles.acting_words:
        return False
    # the role before it is a post of no office ("Kepala Divisi Humas"): the rank's holder is
    # no official; after an office ("Kapolda Lampung Inspektur Jenderal (Irjen) Purwadi
    # Arianto") the rank still marks him
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
    posts = [
        roles.head_forms.get(h.group(0), h.group(0))
        for h in roles.head_pattern.finditer(text, sentence_start, start)
    ]
    return bool(posts) and posts[-1] in roles.not_office_heads


_NUMBERED = re.compile(r"ke-?\d+")


def _own_country_word(word: str) -> bool:
    """A word of a role naming Indonesia's office, not another country's: "Presiden keempat
    RI", "Wakil Presiden ke-10 Republik Indonesia" (roles.toml `country_suffixes`, an
    ordinal)."""
    return (
        word.lower() in _ORDINALS
        or bool(_NUMBERED.fullmatch(word.lower()))
        or any(word in suffix.split() for suffix in _roles().country_suffixes)
    )


def _relative_of_listed_office(text: str, start: int, head: str, role: str, name: str) -> bool:
    """True when a relative's word comes right before a role head at `start` (roles.toml
    `relatives`: "istri", "putra") and the role is one of Indonesia's offices whose every
    holder the gazetteer lists (`listed_offices`: the presidents and vice-presidents), and the
    name after it is none of them: the name is the relative's ("Istri Presiden Keempat RI Sinta
    Nuriyah Wahid"; but "Putra Presiden Joko Widodo" names the president)."""
    roles = _roles()
    if head not in roles.listed_offices or not role.startswith(head):
        return False
    before = _WORD_ENDING_AT.search(text, max(0, start - 30), start)
    if not before or before.group(1).lower() not in roles.relatives:
        return False
    if not all(_own_country_word(w) for w in role[len(head) :].split()):
        return False
    return not known_name(name.split()) and not _holder_variant(name, role)


def _role_of_name_before(text: str, start: int) -> bool:
    """True when a word of roles.toml `role_of_name_before` ("menjadi", "sebagai") comes
    right before a role head at `start`, after a capitalised word: the role is the name's
    written before that word."""
    before = _WORD_ENDING_AT.search(text, max(0, start - 30), start)
    if not before or before.group(1).lower() not in _roles().role_of_name_before:
        return False
    # a capitalised word before it (the name, or its party, unit or body: "Puan Maharani dari
    # PDIP sebagai"); not "yang pernah menjadi ..., John Blackburn", a fronted apposition
    name = _WORD_ENDING_AT.search(text, max(0, before.start() - 40), before.start())
    return bool(name) and name.group(1)[:1].isupper()


@cache
def _words_before_head(key: str) -> frozenset[str]:
    """A list of roles.toml words read before a role head, in lower case."""
    return frozenset(w.lower() for w in load_toml("roles.toml").get(key, []))


def _staff_post(staff: list[str]) -> bool:
    """True when the words before a role head make it an adviser's staff post (roles.toml
    `staff_openers`, any case): "Staf Khusus", "Tenaga Ahli Utama Kantor Staf"; not one of
    `staff_offices` ("Staf Ahli Menteri")."""
    roles = _roles()
    words = [w.capitalize() for w in staff]
    if any(" ".join(words[i : i + 2]) in roles.staff_offices for i in range(len(words))):
        return False  # "Staf Ahli Menteri Keuangan": an echelon-I post
    return any(w in roles.staff_openers for w in words)


def _candidate_before(text: str, start: int) -> bool:
    """True when a candidate's word (roles.toml `candidate_words`, any case) comes before a
    role head at `start`, maybe with a word of `candidate_words_between` after it: "bakal
    calon wakil Bupati Pandeglang", "calon Wali Kota Solo"."""
    candidate = _words_before_head("candidate_words")
    between = _words_before_head("candidate_words_between")
    at = start
    for _ in range(3):
        before = _WORD_ENDING_AT.search(text, max(0, at - 30), at)
        if not before:
            return False
        word = before.group(1).lower()
        if word in candidate:
            return True
        if word not in between:
            return False
        at = before.start()
    return False


def _representative_before(text: str, start: int, *, apposed: bool) -> bool:
    """True when a representative's word (roles.toml `representative_words`) comes right
    before a role head at `start`, or a lawyer's (`counsel_words`) with the name after a comma
    (`apposed`), maybe with "mantan"/"eks" between: "perwakilan Kepala BKIPM Kota Sorong,
    Andreas J." is sent by the head, "Kuasa hukum eks Menpora, Soesilo Aribowo" speaks for
    him; neither is the head."""
    words = text[max(0, start - 40) : start].lower().split()
    while words and words[-1] in _words_before_head("former_words"):
        words.pop()
    if not words:
        return False
    phrases = {words[-1], " ".join(words[-2:])}
    return bool(phrases & _words_before_head("representative_words")) or (
        apposed and bool(phrases & _words_before_head("counsel_words"))
    )


def _comma_before_name(text: str, start: int, end: int, name: str) -> bool:
    """True when a comma stands between a role read from `start` and its name, read by
    `end` (a name that ends its sentence, "..., Bintaro.", is read by its full stop, and
    `end` may stand before it)."""
    first = name.split()[0] if name else ""
    at = text.rfind(first, start, max(end, text.find(first, start) + len(first))) if first else -1
    return at > start and "," in text[start:at]


# Given names a known official is also written with ("Muhammad Tito Karnavian").
_NAME_PREFIXES = frozenset({"Muhammad", "Mohammad", "Mohamad", "Moh", "Muh", "M", "Andi", "A"})
_WORDS_BEFORE = re.compile(rf"(?:\(?[{UPPER}{LOWER}0-9][\w-]*\)? )+$")
# A unit's number in Roman numerals read where a name should start.
# (two letters or more: "I Gusti Ngurah", "I Wayan" open Balinese names)
_UNIT_NUMBER_FIRST = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})\b")
# How many terms an office was held, right after the place read as a name ("Bupati
# Bantaing 2 Periode", "Wali Kota Solo dua periode").
_TERMS_AFTER = re.compile(r"[ \t]+(?:\d|satu|dua|tiga|empat)[ \t]+periode\b", re.IGNORECASE)
# A post's number between a staff word and the head: "Asisten 1 Sekda Biak", "Asisten II".
_POST_NUMBER = re.compile(r"\d{1,2}|I{1,3}|IV|V|VI{1,3}")


@cache
def _staff_field_before() -> re.Pattern[str]:
    """A staff post's field (roles.toml `staff_fields`), maybe after its grade (`staff_grades`),
    ending right before its chief: "Tk.III Bid. Polkamnas " of "Pa Sahli Tk.III Bid.
    Polkamnas Panglima TNI"; the post's words come before it."""
    roles = load_toml("roles.toml")
    return re.compile(
        rf"(?<=[ \t])(?:(?:{alternation(roles.get('staff_grades', []))})[ \t]*[IVX]+[ \t]+)?"
        rf"(?:{alternation(roles.get('staff_fields', []))})"
        rf"(?:[ \t]+(?:[{UPPER}][\w&-]*|dan|&))+[ \t]+$"
    )


# The most words of a staff post's field written without a field word between the post and
# its chief: "Hubungan Luar Negeri" of "Penasihat Hubungan Luar Negeri Presiden Cina".
_STAFF_FIELD_WORDS = 4
_FIELD_BEFORE = re.compile(rf"((?:[\w.-]+[ \t]+){{1,{_STAFF_FIELD_WORDS + 1}}})$")


def _staff_opener_over_field(text: str, start: int) -> str | None:
    """The staff post's opener (roles.toml `staff_openers`, any case) over a field of a few
    capitalised words that are no role heads, right before a role head at `start`: the
    adviser's post, not the chief's office ("penasihat Hubungan Luar Negeri Presiden Cina Song
    Tao"); None when there is none."""
    before = _FIELD_BEFORE.search(text, max(0, start - 80), start)
    if before is None:
        return None
    words = before.group(1).split()
    openers = _roles().staff_openers
    for at in range(len(words) - 2, -1, -1):
        field = words[at + 1 :]
        if not all(w[:1].isupper() or w in ("dan", "&") for w in field):
            return None
        if any(_roles().head_pattern.fullmatch(w) for w in field):
            return None  # a chief's office inside ("Penasihat Menteri Keuangan")
        if words[at].capitalize() in openers:
            return words[at].capitalize()
    return None


def _words_before(text: str, start: int) -> list[str] | None:
    """The staff words right before a role head at `start` ("Staf Khusus" of "Staf Khusus
    Presiden", "Staf Khusus" of "staf khusus Menteri Keuangan", "Sahli" of "Sahli Bidang
    Hubint Panglima TNI"), or None when a law's name ("Peraturan Menteri ...") or a personal
    aide's post ("Aspri Menpora") comes before it."""
    post_field = _staff_field_before().search(text, max(0, start - 80), start)
    if post_field:
        staff = _words_before(text, post_field.start())
        if staff and staff[-1] in _roles().staff_words:
            return staff  # the post's field is no role word of the chief's
    if opener := _staff_opener_over_field(text, start):
        return [opener]
    before = _WORDS_BEFORE.search(text, max(0, start - 80), start)
    if before is None:
        return []
    written = [w.strip("()") for w in before.group(0).split()]
    roles = _roles()
    if written[-1] in roles.document_words:
        return None
    if written[-1].capitalize() in roles.personal_aides:
        return None  # "Asisten Pribadi (Aspri) Menpora, Miftahul Ulum": no office of his own
    lower = [w.lower() for w in written]
    if any(tuple(lower[-len(b) :]) == b for b in roles.building_words):
        return None  # "Rumah Dinas Wali Kota Solo Loji Gandrung": the building's name
    staff: list[str] = []
    for at in range(len(written) - 1, -1, -1):
        word = written[at]
        if (
            _POST_NUMBER.fullmatch(word)
            and at
            and written[at - 1].capitalize() in roles.staff_words
        ):
            staff.insert(0, word)  # "Asisten 1 Sekda Biak": the assistant's number
            continue
        if word.islower() and (
            word.capitalize() in roles.staff_words or word in _words_before_head("former_words")
        ):
            # "staf khusus Menteri Keuangan", "mantan Menpora" ("calon" and "bakal" in lower
            # case are read as a candidacy: `_candidate_before`)
            word = word.capitalize()
        elif word not in roles.staff_words and word not in roles.role_words_before:
            break
        staff.insert(0, word)
    # A staff post written in lower case opens with a word for a person ("staf", "juru"):
    # "siaran khusus Presiden" is a broadcast.
    lower = [w for w in staff if w.lower() in before.group(0).split()]
    while (
        staff
        and staff[0] in lower
        and staff[0] not in roles.staff_openers
        and staff[0] not in roles.role_words_before
    ):
        staff.pop(0)
    return staff


def _known_name_at_end(role: str, name: str, alias: str, gaz: _Gazetteer) -> tuple[str, str, str]:
    """A name read with role words before a known official ("Kemaritiman Luhut Binsar
    Pandjaitan"): the known name, the words before it given back to the role. Only a known
    name of two words or more: "Hadi Prabowo" is not "Prabowo"."""
    words = name.split()
    if len(words) > 2 and name.lower() not in gaz.by_alias:
        for end in range(len(words) - 1, 1, -1):
            head = " ".join(words[:end])
            if head.lower() in gaz.by_alias and all(map(is_common_word, words[end:])):
                return role, head, alias  # "Imam Nahrawi Mundur": a headline's verb after it
        for i in range(1, len(words) - 1):
            tail = " ".join(words[i:])
            if tail.lower() in gaz.by_alias:
                extra = [w for w in words[:i] if w.rstrip(".") not in _NAME_PREFIXES]
                if not all(_role_like(w) for w in extra):  # "Atalia Ridwan Kamil"
                    break
                return " ".join([role, *extra]).strip(), tail, alias
    return role, name, alias


@lru_cache(maxsize=CACHED_WORDS)
def canonical_role(role: str) -> str:
    """One label for one office (roles.toml): 'Presiden RI' and 'Presiden Republik
    Indonesia' are 'Presiden', 'Walikota Bogor' is 'Wali Kota Bogor', 'Gubernur DKi
    Jakarta' is 'Gubernur DKI Jakarta', 'Senator AS dari Partai Republik' (the holder's
    party) is 'Senator AS', 'Presiden ke-3 RI' is 'Presiden'."""
    roles = _roles()
    role = _without_holders_party(role.rstrip(" ,;:"))  # "Ketua KPK," of "(KPK,) Agus"
    for long, short in roles.body_short_forms:
        role = role.replace(long, short)  # "Ketua Dewan Perwakilan Daerah": "Ketua DPD"
    words: list[str] = []
    after_ordinal = False
    in_line = _holders_in_line(role)
    for word in role.split():
        if in_line and (word.lower() in _ORDINALS or _NUMBERED.fullmatch(word.lower())):
            after_ordinal = True
            continue  # the holder's place in a line, not the office: "Presiden ke-3 RI"
        if after_ordinal and words and (word == words[-1] or word == "dan"):
            continue  # "Presiden RI ke-3 RI", "Wakil Presiden ke-10 dan ke-12"
        after_ordinal = False
        word = roles.role_words.get(word, word)
        first = word.split()[0]
        if (
            words
            and first.lower() == words[-1].split()[-1].lower()
            and (first in roles.region_words or roles.head_pattern.fullmatch(first))
        ):
            # a word written twice: "Walikota Kota Tegal", "Menteri Menteri LHK"
            word = " ".join(word.split()[1:])
            if not word:
                continue
        if word not in roles.qualifiers and word.upper() in roles.qualifiers:
            word = word.upper()
        elif word[:1].isupper() and not is_common_word(word) and _misspelt(word, roles.qualifiers):
            word = _spelling_in(word, roles.qualifiers)
        words.append(word)
    at = 1 if words[:1] and words[0] in roles.role_words_before else 0
    if len(words) > at + 1 and words[at] == "Wakil" and words[at + 1].startswith("Ka"):
        deputy = f"Waka{words[at + 1][2:]}"  # "Wakil Kapolda Jambi": the Wakapolda Jambi
        if deputy in roles.head_forms:
            words[at : at + 2] = [deputy]
    label = roles.labels.get(" ".join(words), " ".join(words))
    for suffix in roles.country_suffixes:
        if label.endswith(" " + suffix):
            label = label[: -len(suffix) - 1]
            break
    return _mined_label(roles.labels.get(label, label))


def _holders_in_line(role: str) -> bool:
    """True for an office whose holders news numbers ("Presiden ke-3 RI", "Perdana Menteri
    pertama Timor Leste"): a head of state's or government's and the vice-president's
    (roles.toml `country_heads`, `listed_offices`), not "Sekretaris Pertama Kedubes" nor
    "Komandan Lantamal ke-2"."""
    words = role.split()
    if words and words[0] == "Mantan":
        words = words[1:]
    heads = _roles().country_heads | _roles().listed_offices
    return any(" ".join(words[:n]) in heads for n in (1, 2, 3))


def same_office(a: str, b: str) -> bool:
    """True when two roles name one office, one maybe more closely than the other:
    'Gubernur' and 'Gubernur Papua', 'Dubes' and 'Duta Besar Indonesia untuk PBB' (but not
    'Kapolsek Menggala' and 'Menteri Lingkungan Hidup')."""
    la, lb = canonical_role(a), canonical_role(b)
    wa, wb = la.split(), lb.split()
    if not wa or not wb:
        return False
    if wa[: len(wb)] == wb or wb[: len(wa)] == wa:
        return True
    ha, hb = _head_of(la), _head_of(lb)
    if not ha or not hb or not la.startswith(ha) or not lb.startswith(hb):
        return False
    if ha != hb and not (_abbreviates(ha, hb.split()) or _abbreviates(hb, ha.split())):
        return False
    ra, rb = la[len(ha) :].split(), lb[len(hb) :].split()
    return ra[: len(rb)] == rb or rb[: len(ra)] == ra


def one_holder(role: str) -> bool:
    """True for a role naming an office one person holds at a time: words after its head
    ("Bupati Magetan", "Perdana Menteri India"), an office the gazetteer gives as it is
    ("Menkumham", "Presiden"), or the head of one body ("Kepala BPS", "Ketua DPR"); not
    "Gubernur" or "Kapolsek", held by many at once, nor a member's seat ("Anggota Komisi III
    DPR"), nor one of a body's several deputies ("Wakil Ketua DPR", "Deputi Gubernur BI")."""
    label = canonical_role(role)
    head = _head_of(label)
    if not head or not label.startswith(head) or head.split()[0] in _roles().member_words:
        return False
    if _shared_office(label.split()):
        return False
    if label[len(head) :].strip() or label in _gazetteer_offices():
        return True
    words = head.split()
    return len(words) > 1 and words[0] in _roles().body_leaders and words[-1].isupper()


def _shared_office(words: list[str]) -> bool:
    """True for a role opening with an office a body has several holders of ("Wakil Ketua
    KPK", "Deputi Gubernur BI"), unless a field or a number picks one ("Deputi Bidang
    Pencegahan KPK", "Deputi V KSP", "Deputi Gubernur Senior BI")."""
    roles = _roles()
    for office in roles.shared_offices:
        if tuple(words[: len(office)]) == office:
            after = words[len(office) : len(office) + 1]
            return not after or not (
                after[0] in roles.one_deputy_words
                or after[0].isdigit()
                or not after[0].strip("IVX")  # a Roman numeral
            )
    return False


@cache
def _gazetteer_offices() -> frozenset[str]:
    return frozenset(canonical_role(r) for held in gazetteer().roles.values() for r in held)


def _name_words(canonical: str) -> frozenset[str]:
    """The words of a gazetteer official's names as written ("Imam", "Nahrawi")."""
    return frozenset(w.title() for w in gazetteer().words.get(canonical, ()) if len(w) > 2)


def names_no_country(role: str) -> bool:
    """True for the head of a state or government without the country: "Presiden", "Raja
    Terakhir" (but "Presiden Zimbabwe", "Perdana Menteri Malaysia", "Presiden Liberia")."""
    head = _head_of(role)
    if head not in _roles().country_heads or not role.startswith(head):
        return False
    rest = role[len(head) :].split()
    if place_name_kind(rest) == "foreign":
        return False  # "Presiden Liberia", "Perdana Menteri Bahamas"
    return not any(w in _roles().qualifiers or w.isupper() or is_place([w]) for w in rest)


def _head_of(role: str) -> str:
    """The office a role names, without 'Mantan', 'Calon' and the like before it."""
    m = _roles().head_pattern.search(role)
    return m.group(0) if m else ""


def _same_office_kind(head: str, role: str) -> bool:
    """True if `role` (a gazetteer role) is an office of the kind `head` opens, written in
    full or short: 'Menteri Koordinator' and 'Menko Kemaritiman', 'Wali Kota' and 'Wali Kota
    Surakarta'."""
    label = canonical_role(role)
    if label.startswith(head) or role.startswith(head):  # "Menteri Dalam Negeri": "Mendagri"
        return True
    other = _head_of(label)
    return bool(other) and (_abbreviates(other, head.split()) or _abbreviates(head, other.split()))


def _holds(canonical: str, role: str) -> bool:
    """False when `role` is a regional or local office of a kind the gazetteer's official
    never held: 'Wakil Bupati Klaten Sri Mulyani' is not Sri Mulyani Indrawati."""
    return holds_office_kind(gazetteer().roles.get(canonical, frozenset()), role)


def names_official(canonical: str, role: str) -> bool:
    """False when the role an article gives a name says the name is someone other than the
    gazetteer's official it is an alias of: a regional or local office of a kind the
    official never held (`_holds`: "Wakil Bupati Klaten Sri Mulyani" is not Sri Mulyani
    Indrawati), an office of a kind none of the entry's roles is (`office_kinds_apart`: a
    "Kepala Balai" Prabowo is not Prabowo Subianto), or an office of a region or town of
    Indonesia none of them names ("Ketua MUI Kabupaten Langkat" Mahfud is not Mahfud MD).
    True for no role."""
    held = gazetteer().roles.get(canonical, frozenset())
    return not role or (
        _holds(canonical, role)
        and not office_kinds_apart((role,), held)
        and not _of_another_place(role, held)
    )


# The kinds of place (place_names.txt) whose office is a regional or local one.
_HOME_PLACE_KINDS = ("region", "local")


def _of_another_place(role: str, held: Iterable[str]) -> bool:
    """True when `role` ends with a region or town of Indonesia (place_names.txt's "region"
    or "local") that none of the roles `held` writes."""
    words = role.split()
    for n in (3, 2, 1):
        place = words[-n:]
        if len(words) > n and place_name_kind(place) in _HOME_PLACE_KINDS:
            written = " ".join(place).lower()
            return not any(written in r.lower() for r in held)
    return False


def names_other_local_office(canonical: str, text: str) -> bool:
    """True when `text` names a regional or local office (roles.toml's `local_heads`, in any
    case: "calon bupati", "Bupati-Wakil Bupati Klaten") of a kind the gazetteer's official
    `canonical` never held (`holds_office_kind`)."""
    held = gazetteer().roles.get(canonical, frozenset())
    heads = _local_heads()
    return any(
        not holds_office_kind(held, heads[m.group(0).lower()])
        for m in _local_head_pattern().finditer(text)
    )


@cache
def _local_heads() -> dict[str, str]:
    """roles.toml's `local_heads`, lower-cased -> as listed."""
    return {head.lower(): head for head in _roles().local_heads}


@cache
def _local_head_pattern() -> re.Pattern[str]:
    """roles.toml's `local_heads` as words of their own, in any case."""
    return re.compile(rf"(?<![\w'’-])(?i:{alternation(_local_heads())})(?![\w'’])")


def office_kinds_apart(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """True when every role of `mine` names an office and none of `theirs` is of the kind of
    any of them, while `theirs` names some office too: an ambassador ("Dubes") is not the
    minister ("Menteri BUMN") a letter of the name apart. False when a role of `mine` is
    one run for or left (roles.toml's `candidate_words`, `former_words`: "Calon Presiden")."""
    mine = list(mine)
    not_held = _words_before_head("candidate_words") | _words_before_head("former_words")
    if any(not_held.intersection(w.lower() for w in role.split()) for role in mine):
        return False
    heads = [_head_of(canonical_role(role)) for role in mine]
    theirs = [role for role in theirs if _head_of(canonical_role(role))]
    return (
        bool(heads)
        and all(heads)
        and bool(theirs)
        and not any(_same_office_kind(head, role) for head in heads for role in theirs)
    )


def holds_office_kind(held: Iterable[str], role: str) -> bool:
    """False when `role` is a regional or local office (roles.toml's `local_heads`) of a
    kind none of the roles `held` is: a Kapolres is not the Ketua KPU."""
    head = _head_of(role)
    if not role or head not in _roles().local_heads:
        return True
    return any(_same_office_kind(head, r) for r in held)


# Names this close to a gazetteer name (fuzz.ratio of the lower-case names) are its spelling
# variants ("Sri Muklyani Indrawati", "Airlangga Hartato", "Donny Monardo").
_VARIANT_SCORE = 86
_MONONYM_VARIANT_SCORE = 88


@lru_cache(maxsize=8192)
def _variant_of(name: str, role: str) -> str | None:
    """The gazetteer official a name read after `role` is a variant of: the full name with
    a given name before it or up to two more words inside it ("Nila Farid Moeloek"), a
    spelling within _VARIANT_SCORE, or the first or last names alone after a role of the kind
    that official held ("Menteri Kelautan dan Perikanan Pudjiastuti"). None when there is
    none, or more than one."""
    gaz = gazetteer()
    words = name.lower().split()
    while len(words) > 2 and words[0].rstrip(".").title() in _NAME_PREFIXES:
        words = words[1:]  # "Andi Amran Sulaiman", "M. Hanif Dhakiri"
    by_first, by_last = _full_forms_by_end_word()
    if len(words) >= 2:
        word_set = set(words)
        # (the forms opening with the name's first word, in the gazetteer's order)
        for _, form_words, form_set, canonical in by_first.get(words[0], ()):
            if (
                len(form_words) >= 2
                and len(form_words) <= len(words) <= len(form_words) + 2
                and words[0] == form_words[0]
                and words[-1] == form_words[-1]
                and form_set <= word_set
            ):
                return canonical  # "Nila Farid Moeloek", "Retno Lestari Priansari Marsudi"
        initialled = _initialled_form(name.split(), gaz)
        if initialled:
            return initialled  # "M Nasir" for Mohamad Nasir, "S Yudhoyono"
        cut = {
            canonical
            for _, form_words, _, canonical in by_first.get(words[0], ())
            if is_cut_short(words, form_words)
        }
        if len(cut) == 1:
            return cut.pop()  # a surname cut short: "Bambang Brodjo" for Bambang Brodjonegoro
        forms = _forms_near_length(len(words))
        best = process.extractOne(
            name.lower(), forms, scorer=fuzz.ratio, score_cutoff=_VARIANT_SCORE
        )
        if best is None and words[0] in short_names():
            # a short given name and a misspelt surname: "Enggar Lukito" (Enggartiasto Lukita)
            spelt = " ".join([short_names()[words[0]], *words[1:]])
            best = process.extractOne(spelt, forms, scorer=fuzz.ratio, score_cutoff=_VARIANT_SCORE)
        if best:
            return gaz.full_forms[best[0]]
    if not words:
        return None
    # "Menteri Kelautan dan Perikanan Pudjiastuti", "Wakil Presiden Jusuf", "Menko Bidang
    # Kemaritiman Binsar Pandjaitan": the first or last names of one official, after a role
    # of the kind he held.
    head = _head_of(role)
    named = sorted(
        {
            canonical
            for _, form_words, _, canonical in (
                *by_first.get(words[0], ()),
                *by_last.get(words[-1], ()),
            )
            if len(form_words) > len(words)
            and words in (form_words[: len(words)], form_words[-len(words) :])
        }
    )
    if (
        len(named) == 1
        and head
        and any(_same_office_kind(head, r) for r in gaz.roles.get(named[0], ()))
    ):
        return named[0]
    mined = _mined_holder(words, role) if len(words) == 1 else None
    if mined:
        return mined  # "Gubernur Papua , Enembe": the mined Lukas Enembe, Gubernur Papua
    if len(words) >= 2:
        return None
    word = words[0]
    if len(word) >= _TYPO_MIN_LENGTH:
        mononyms = _mononyms(word[0])
        best = process.extractOne(
            word, mononyms, scorer=fuzz.ratio, score_cutoff=_MONONYM_VARIANT_SCORE
        )
        return gaz.full_forms[best[0]] if best else None
    return None


def _mined_holder(words: list[str], role: str) -> str | None:
    """The one mined official whose name ends or opens with `words` (lower case) and whose
    mined role is `role` itself, its place or body named: a cut name after his own office."""
    label = canonical_role(role)
    if not label or not one_holder(label):
        return None
    mined = mined_gazetteer()
    found = {
        canonical
        for canonical, held in mined.roles.items()
        if label in {canonical_role(r) for r in held}
        and (lower := canonical.lower().split())
        and len(lower) > len(words)
        and words in (lower[: len(words)], lower[-len(words) :])
    }
    return found.pop() if len(found) == 1 else None


def _holder_variant(name: str, role: str) -> bool:
    """True for a misspelling of a gazetteer official who held `role` ("Presiden Joko
    Wiodoo", "Presiden Joko Widoso"): named so, he needs no country."""
    canonical = _variant_of(name, role)
    return canonical is not None and _holds(canonical, role)


@cache
def _full_form_words() -> tuple[tuple[str, list[str], frozenset[str], str], ...]:
    """The gazetteer's full forms (form, its words, their set, canonical name), in its order:
    split once, not for every name read (a name's variant is looked for among them all)."""
    return tuple(
        (form, form.split(), frozenset(form.split()), canonical)
        for form, canonical in gazetteer().full_forms.items()
    )


@cache
def _mononyms(letter: str) -> list[str]:
    """The gazetteer's full forms of one word that open with `letter`, in its order."""
    return [f for f in gazetteer().full_forms if " " not in f and f[0] == letter]


@cache
def _forms_near_length(length: int) -> list[str]:
    """The gazetteer's full forms of one word more or fewer than `length`, or as many, in
    its order."""
    return [f for f, words, _, _ in _full_form_words() if abs(len(words) - length) <= 1]


@cache
def _full_forms_by_end_word() -> tuple[
    dict[str, tuple[tuple[str, list[str], frozenset[str], str], ...]],
    dict[str, tuple[tuple[str, list[str], frozenset[str], str], ...]],
]:
    """`_full_form_words` by each form's first word and by its last, in the gazetteer's order:
    a name is compared with the forms it opens or ends the same way only."""
    by_first: dict[str, list[tuple[str, list[str], frozenset[str], str]]] = {}
    by_last: dict[str, list[tuple[str, list[str], frozenset[str], str]]] = {}
    for entry in _full_form_words():
        if entry[1]:
            by_first.setdefault(entry[1][0], []).append(entry)
            by_last.setdefault(entry[1][-1], []).append(entry)
    return (
        {word: tuple(entries) for word, entries in by_first.items()},
        {word: tuple(entries) for word, entries in by_last.items()},
    )


def _initialled_form(words: list[str], gaz: _Gazetteer) -> str | None:
    """The one gazetteer official whose name is `words` with its first names written as
    initials ("M Nasir", "M. Nasir" for Mohamad Nasir), or None."""
    letters = words[0].replace(".", "")
    if len(words) < 2 or not (1 <= len(letters) <= 3 and letters.isupper()):
        return None
    rest = [w.lower() for w in words[1:]]
    letters = letters.lower()
    found = {
        canonical
        for form, canonical in gaz.full_forms.items()
        if (parts := form.split())[len(letters) :] == rest
        and len(parts) == len(letters) + len(rest)
        and all(part[0] == letter for part, letter in zip(parts, letters, strict=False))
    }
    return found.pop() if len(found) == 1 else None


# A role after a name (roles.toml `role_after_name`): "Taro Kono, Menteri Luar Negeri",
# "Seiko Hashimoto, sebagai menteri Olimpiade", "Budi Santoso selaku Kepala Dinas ...".

_SENTENCE_END = re.compile(r"(?:^|[.!?\"“”:;(])\s*$")
_NAME_END = re.compile(r"[A-Za-z'’]")
# A person's age in brackets after the name: "Goliat Dowansiba (50),".
_AGE_BEFORE = re.compile(rf"[ \t]*{PAREN_AGE}$")
_AGE_AFTER = re.compile(rf"[ \t]*{PAREN_AGE}")
_LOWER_START = re.compile(r"(?<![\w'’-])[a-z]")


@cache
def _after_name_pattern() -> re.Pattern[str]:
    """A comma, a joining phrase or both after a name's last letter, before its role."""
    roles = _roles()
    joint = alternation(
        [*roles.role_after_name, *roles.former_role_after_name, *roles.elected_role_after_name]
    )
    # No lookbehind for the name's last letter (see word_matches): the caller checks it. The
    # comma or space is read first, outside the alternation: `re` then skips to those
    # characters instead of trying the pattern at every one.
    return re.compile(
        rf"[, \t](?:(?<=,)[ \t]+(?:(?i:(?P<joint>{joint}))[ \t]+)?"
        rf"|(?<=[ \t])(?i:(?P<bare>{joint}))[ \t]+|(?<=[ \t])(?P<paren>\())"
    )


_SPEAKER_TAG_CHARS = 120
_WORD_OR_STOP = re.compile(r"[\w-]+|[,.]")


def _speaker_tag_goes_on(text: str, at: int) -> bool:
    """True when a comma or a full stop, or a word in lower case that goes on a speaker's tag
    (roles.toml `speaker_tag_words`), comes first after `at`: "kata Budiono, Kepala Kantor SAR
    Banda Aceh saat dihubungi", "kata Budiono, Kapolsek Cibinong."; not a clause of its own
    ("lanjut Retno, Duta Besar RI untuk Jenewa diutus ...")."""
    for token in _WORD_OR_STOP.finditer(text, at, at + _SPEAKER_TAG_CHARS):
        word = token.group(0)
        if word in ",.":
            return True  # "kata Budiono, Kapolsek Cibinong." or "..., Senin (9/9)."
        if word[0].islower():
            return word in _roles().speaker_tag_words
    return False


# A second office after the one read, for the second of two names before them: "Ridwan Kamil
# dan Uu Ruzhanul Ulum sebagai Gubernur dan Wakil Gubernur".
_ROLES_PAIRED = re.compile(r"[ \t]+dan[ \t]+(?i:wakil)\b")

# A demonstrative right after a role: the role is the one the story is about ("..., Wakil
# Ketua DPR RI ini berencana"), not the name before the comma.
_DEMONSTRATIVE_AFTER = re.compile(r"[ \t]+(?:ini|itu|tersebut)\b")


def _roles_after_names(text: str) -> Iterator[tuple[str, str, int]]:
    """(name, role, the last year of a term written after the role or 0: `_term_end`) for
    each role written after its holder's name: in apposition after a
    comma ("Taro Kono, Menteri Luar Negeri Jepang,"), or after a joining phrase, where it may
    be written in lower case and the name may be one word ("Abe sebagai perdana menteri").
    A role that opens another name is that one's ("Sri Mulyani, Gubernur BI Perry
    Warjiyo"); a name must be a person's, the role a public office."""
    roles = _roles()
    for m in _after_name_pattern().finditer(text):
        joint = (m.group("joint") or m.group("bare") or "").lower()
        paren = m.group("paren") is not None
        if not joint and not paren and not _may_open_role(text, m.start(), m.end()):
            continue  # most commas: the cheap test first
        name_end = m.start()
        if ")" in text[max(0, name_end - 8) : name_end]:
            age = _AGE_BEFORE.search(text, max(0, name_end - 8), name_end)
            if age:
                name_end = age.start()  # "Goliat Dowansiba (50), anggota DPRD Papua Barat"
        if not name_end or not _NAME_END.match(text, name_end - 1):
            continue
        read = _role_after(text, m.end(), lower_ok=bool(joint) or paren)
        if read is None and not joint and not paren and _spoken_by_name(text, name_end):
            # "kata Budiono, kepala Kantor SAR Banda Aceh": a speaker's tag, in lower case too,
            # when it names a place or body ("kepala lembaga pendidikan itu" names none)
            read = _role_after(text, m.end(), lower_ok=True)
            if read and not any(c.isupper() for c in text[m.end() : m.end() + len(read[1])]):
                read = None
        if read is None:
            continue
        head, role, closed = read
        if paren and not _parenthesis_holds(text, m.end(), role):
            continue  # "Budi (Wali Kota Bekasi periode ...)": the role is all it holds, or none
        if not joint and not closed and role == head:
            continue  # "kata Mahfud, Kapolri bisa ...": a clause of its own
        if (
            joint
            and not closed
            and role == head
            and (head in roles.country_heads or head in roles.listed_offices)
            and _another_body_next(text, _after_written(text, m.end(), role))
        ):
            continue  # "terpilih sebagai Wakil Presiden Organisasi Lintas Agama": another body's
        if (
            not joint
            and _DEMONSTRATIVE_AFTER.match(text, m.end() + len(role))
            and text[m.end() : m.end() + len(role)].lower() == role.lower()
        ):
            continue  # "Bersama Anis Matta, Wakil Ketua DPR RI ini berencana": the subject's
        if role == head and not (
            head in roles.offices_alone or _any_case(head) or any(w.isupper() for w in role.split())
        ):
            continue  # "sebagai Sekretaris Jenderal masa bakti ...": of which body?
        name, start = _name_before(text, name_end)
        before = _WORD_BEFORE.search(text, max(0, start - 80), start)
        if not name or (
            len(name) < 2
            and not joint
            and not (paren and before and _is_title(before.group(1).capitalize()))
            and not known_name(name)
            and not _is_title(text[start:name_end].split()[0].rstrip("."))
            and not (before and _is_title(before.group(1).rstrip(".")))
            and not (
                before
                and before.group(1) in _speech_verbs()[1]
                and _speaker_tag_goes_on(text, _after_written(text, m.end(), role))
            )
        ):
            # one word before a comma is a name after a rank ("Brigjen Pol Suroto,"); after a
            # verb of saying it is the speaker's ("kata Budiono, Kepala Kantor SAR Banda Aceh")
            continue
        if (paren or " ".join(joint.split()) in roles.elected_role_after_name) and known_name(name):
            # "Firli Bahuri (Ketua KPK)", "Firli Bahuri terpilih menjadi Ketua KPK": the
            # gazetteer gives his office on the date
            continue
        if (
            paren
            and is_common_word(name[0])
            and name[0].lower() not in name_roots()
            and text[:start].rstrip()[-1:] in _OPENING_MARKS
        ):
            continue  # "“Besok Kaban (Kepala BNPB) ke Riau”": a word glossed, no name
        while before and _is_title(before.group(1).rstrip(".")):  # "mendampingi Dr. Soeharto"
            before = _WORD_BEFORE.search(text, max(0, before.start() - 80), before.start())
        if joint and before and before.group(1).lower() in roles.beside_subject:
            continue  # "mendampingi Soeharto sebagai wakil presiden": the subject's role
        if (
            joint
            and before
            and before.group(1).lower() in ("dan", "serta")
            and text[: before.start()].rstrip()[-1:].isalpha()
            and _ROLES_PAIRED.match(text, m.end() + len(role)) is not None
        ):
            continue  # "Oded dan Yana Mulyana dilantik sebagai wali kota dan wakil ...": whose?
        if {w.lower() for w in name if w[:1].isupper()} & roles.object_words:
            # a sentence opening with a preposition: "Kepada Yasonna, Duta Besar Australia
            # mengatakan ..." names the one spoken to ("dengan X, Gubernur Y" stays apposed)
            continue
        if _no_office(head, role) or not _public_office(role):
            continue
        if names_no_country(role) and not known_name(name):
            continue  # "Budi, Raja Dangdut": which country's?
        if " ".join(joint.split()) in roles.former_role_after_name:
            role = f"Mantan {role}"
        term = _term_pattern().match(text, _after_written(text, m.end(), role))
        yield " ".join(name), canonical_role(role), _term_end(term)


def _may_open_role(text: str, comma: int, at: int) -> bool:
    """False when no role can be read from `at` after the comma at `comma` (as
    `_roles_after_names` reads one there): no role head starts at `at`, and no word in lower
    case follows ", " as in a speaker's tag (`_spoken_by_name`)."""
    return _roles().head_pattern.match(text, at) is not None or _head_word_after_comma(text, comma)


# A capitalised word next: a role read up to it goes on with a name it does not know.
_CAPITAL_NEXT = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


def _another_body_next(text: str, at: int) -> bool:
    """True when a capitalised word other than a weekday's comes next: "sebagai Wakil
    Presiden Organisasi ..." names another body's office (not "sebagai Wakil Presiden Jumat
    (1/11)")."""
    m = _CAPITAL_NEXT.match(text, at)
    return m is not None and _WEEKDAY_WORD.fullmatch(m.group(1)) is None


def _after_written(text: str, at: int, role: str) -> int:
    """Where the `role` read from `at` ends when written there in any case ("kepala Kantor
    SAR"), else `at`."""
    return at + len(role) if text[at : at + len(role)].lower() == role.lower() else at


@cache
def _head_first_words() -> frozenset[str]:
    """The first words of the role heads, in lower case ("kepala", "anggota")."""
    return frozenset(head.split()[0].lower() for head in _roles().head_forms)


# A word and the hyphens inside it: a role head's first word.
_HEAD_WORD = re.compile(r"[\w-]*")


def _opens_head_word(text: str, at: int) -> bool:
    """Whether the word at `at`, in any case, is a role head's first word: else no head,
    capitalised or not, starts there (a cheap test before capitalising the words after)."""
    word = _HEAD_WORD.match(text, at)
    return word is not None and word.group(0).lower() in _head_first_words()


def _head_word_after_comma(text: str, comma: int) -> bool:
    """True when ", " at `comma` is followed by a word in lower case that opens a role head
    ("kata Budiono, kepala Kantor SAR")."""
    if not text.startswith(", ", comma) or not text[comma + 2 : comma + 3].islower():
        return False
    word = _WORD_AFTER.match(text, comma + 1)
    return word is not None and word.group(1) in _head_first_words()


def _spoken_by_name(text: str, name_end: int) -> bool:
    """True when a verb of saying written after a quotation ("kata", "ujar") comes right
    before the name ending at `name_end`."""
    if not _head_word_after_comma(text, name_end):
        return False  # no role's first word: "Budi, yang ..."
    name, start = _name_before(text, name_end)
    before = _WORD_BEFORE.search(text, max(0, start - 80), start) if name else None
    return bool(before) and before.group(1) in _speech_verbs()[1]


# What comes before a sentence's or a quotation's first word ("" at the text's start).
_OPENING_MARKS = ("", ".", "!", "?", '"', "“", "'", "‘")


def _parenthesis_holds(text: str, at: int, role: str) -> bool:
    """True when the parenthesis opened before `at` holds the role and nothing else: "pak
    Soleman (anggota DPRD Bekasi)" names the member of the DPRD."""
    close = text.find(")", at, at + len(role) + 3)
    return close >= 0 and " ".join(text[at:close].split()).lower() == role.lower()


@cache
def _member_list_pattern() -> re.Pattern[str]:
    """A body's leaders or members named in a list after it (roles.toml `member_list_heads`,
    `member_list_bodies`, `member_list_others`, `member_list_openers`): "pimpinan KPK yakni",
    "anggota DPRD Lampung Tengah lainnya, yaitu"; the body's region in capitals goes on it,
    its long name may come before its short form ("Komisi Pemberantasan Korupsi (KPK)").
    What comes before the head must open the phrase (`member_list_before`: a sentence's start,
    a count, "para"): not "Pengacara anggota DPR, yaitu ...", "terhadap anggota DPRD adalah
    ...". No term is read: "pimpinan KPK (2019-2023), yakni" lists those elected."""
    heads = alternation(_roles_words("member_list_heads"))
    bodies = alternation(_roles_words("member_list_bodies"))
    openers = alternation(_roles_words("member_list_openers"))
    others = alternation(_roles_words("member_list_others"))
    before = alternation(_roles_words("member_list_before"))
    return re.compile(
        rf"(?:^|(?<=[.,;:!?\"“”])|(?<![\w'’-])(?i:{before}))[ \t]*"
        rf"(?P<head>(?i:{heads}))(?:[ \t]+{others})?[ \t]+"
        rf"(?:(?P<body>(?:{bodies})(?:[ \t]+[{UPPER}][{LOWER}]+){{0,3}})"
        rf"|(?:[{UPPER}][{LOWER}]+[ \t]+){{1,5}}\((?P<short>{bodies})\))"
        rf"(?:[ \t]*,?[ \t]*(?:{others}|yang[ \t]+{others}))*"
        rf"[ \t]*,?[ \t]*(?:{openers}|:)[ \t]+",
        re.MULTILINE,
    )


@cache
def _member_list_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The heads and the openers of `_member_list_pattern`, in lower case."""
    heads = tuple(w.lower() for w in _roles_words("member_list_heads"))
    return heads, (":", *(w.lower() for w in _roles_words("member_list_openers")))


def _may_list_members(text: str) -> bool:
    """False for a paragraph without a head or an opener of `_member_list_pattern` (most of
    them), found with a few substring tests instead of the pattern's scan."""
    if not text.isascii():
        return True  # the pattern's (?i:) folds letters "str.lower" does not ("İ")
    heads, openers = _member_list_words()
    lower = text.lower()
    return any(map(lower.__contains__, heads)) and any(map(lower.__contains__, openers))


# One name of a list: a rank or title may open it, a note in parentheses close it ("Irjen
# Firli Bahuri (ketua)", "Nawawi Pomolango (50 suara)").
_LIST_ITEM = re.compile(
    rf"(?P<name>[{UPPER}][{LOWER}'’]+(?:[ \t]+(?:[{UPPER}]\.?|[{UPPER}][{LOWER}'’]+)){{0,3}})"
    r"(?![\w'’-])(?:[ \t]*\([^)\n]{1,30}\))?"
)


def _members_listed(text: str) -> Iterator[tuple[str, str]]:
    """(name, role) for each person's name listed after a body's leaders or members
    (`_member_list_pattern`): "anggota DPRD lainnya, yaitu Natalis Sinaga dan Rusliyanto"
    gives Anggota DPRD to each; not in a paragraph that tells of a candidacy, nor a list of
    the leaders elected ("lima pimpinan baru KPK (2019-2023), yakni ...", "pimpinan KPK yang
    terpilih adalah ..."), whom the pattern does not read: they hold no office yet. The list
    ends at its first item that is no person's name or opens with a role ("yakni Menteri ...
    Puan Maharani": that role is read as such); names the gazetteer knows keep their own
    offices, one word alone must be no dictionary word."""
    if not _may_list_members(text):
        return
    told: bool | None = None  # whether the paragraph tells of a candidacy, read once
    for m in _member_list_pattern().finditer(text):
        if told is None:
            told = _candidacy_pattern().search(text) is not None
        if told:
            return  # "lima capim terpilih": leaders elected, in no office yet
        body = m.group("body") or m.group("short")  # "Komisi Pemberantasan Korupsi (KPK)"
        role = canonical_role(f"{m.group('head').capitalize()} {body}")
        at = m.end()
        while item := _LIST_ITEM.match(text, at):
            words = _without_titles(item.group("name").split())
            if (
                not words
                or _roles().head_pattern.match(item.group("name"))
                or not _is_person_name(words)
                or (len(words) == 1 and is_common_word(words[0]))
            ):
                break
            if not known_name(words):
                yield " ".join(words), role
            sep = _LIST_SEPARATOR.match(text, item.end())
            if sep is None:
                break
            at = sep.end()


@cache
def _name_before_pattern() -> re.Pattern[str]:
    """Up to four capitalised words ending a name, with particles between them ("Ursula von
    der Leyen", "Zine El Abidine Ben Ali"), which do not count among the four."""
    particle = alternation(name_particles())
    return re.compile(rf"(?:[A-Z](?:\.|[\w'’-]*)[ \t]+(?:{particle}[ \t]+)*){{0,3}}[A-Z][\w'’-]*$")


def _name_before(text: str, end: int) -> tuple[list[str], int]:
    """The person's name that ends at `end` and where its run of capitals starts: up to four
    capitalised words after a rank or title, without a sentence's first word when it is no
    name ("Namun Budi Santoso", but "Budi Santoso selaku ..."); [] for none,
    and when a role word comes before it in the same run of capitals ("Menteri Luar Negeri
    Retno Marsudi, Menteri ..." lists officials each after a role)."""
    m = _name_before_pattern().search(text, max(0, end - 80), end)
    if m is None:
        return [], end
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before and is_name_particle(before.group(1)):
        return [], end  # "Menurut vo der Leyen, mantan menteri ...": the name is cut
    return _name_in_run(text, m), m.start()


def _without_titles(words: list[str], ranked: bool = False) -> list[str]:
    """`words` without the honorifics and ranks opening them, nor a rank's force or corps
    ("Mayjen TNI Tri Soewandono", "Brigjen Pol Suroto"; `ranked`: a rank came before)."""
    while words:
        first = words[0].rstrip(".")
        if words[0] not in _role_phrase_words() and _is_title(first):
            ranked = True
        elif not (ranked and first in _roles().after_rank):
            break
        words = words[1:]
    return words


def _name_in_run(text: str, m: re.Match[str]) -> list[str]:
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    ranked = bool(before and _is_title(before.group(1).rstrip(".")))
    # "AKP Freddy Yudha Satria, Kapolsek Cisauk", "Mayjen TNI Muhammad Nur Rahmad sebagai"
    words = _without_titles(m.group(0).split(), ranked)
    if _SENTENCE_END.search(text, max(0, m.start() - 3), m.start()):
        while (
            len(words) > 1
            and is_common_word(words[0])
            and words[0] not in _head_parts()
            and (words[0] in not_names() or opens_sentence_only(words[0], text))
        ):
            words = words[1:]  # "Namun Budi Santoso" (but "Deputi I Faisal Abdullah")
        words = _without_titles(words)  # "Menurut Iptu Teguh Hidayat, Kapolsek ..."
    core = name_core(words)
    if any(w in _role_phrase_words() for w in core) or not _all_name_words(core):
        return []
    if any(w in _roles().private_bodies for w in words):
        return []  # "Sufmi Dasco dari Gerindra sebagai Wakil Ketua DPR RI": a party
    if any(len(w) > 2 and w.isupper() for w in words) and not known_name(words):
        return []  # "SKK Migas": an agency's short form
    words = without_degrees(words)
    return words if words and _is_person_name(words) else []


@cache
def _head_parts() -> frozenset[str]:
    """The words of the role heads ("Sekretaris", "Kabinet", "Deputi"), but for the royal
    titles' words that are also given names or titles before a name ("Putra" and "Pangeran"
    of "Putra Mahkota": "Romadhony Putra Pratama", "Pangeran Badr bin Sultan")."""
    royal = royal_title_words()
    return frozenset(w for head in _roles().head_forms for w in head.split() if w not in royal)


@cache
def royal_title_words() -> frozenset[str]:
    """The first words of roles.toml's royal titles and the given names that are also titles
    ("Pangeran", "Putra", "Putri"): no role's words, though a head opens with them ("Putra
    Mahkota"), for they open or go on people's names."""
    roles = _roles()
    return frozenset({title[0] for title in roles.royal_titles} | roles.royal_titles_given_names)


@cache
def _role_phrase_words() -> frozenset[str]:
    """Words of role heads and of roles.toml's qualifiers (not places, not one letter): in
    a run of capitals before a name, the run opens with a role ("Sekretaris Kabinet")."""
    table = load_toml("roles.toml")
    words = set(_head_parts()) | set(table["qualifiers"])
    return frozenset(w for w in words if len(w) > 1)


def _qualifier_follows(text: str, at: int) -> bool:
    """Whether the word at `at` goes on a role as a qualifier ("dalam negeri")."""
    t = _TOKEN.match(text, at)
    word = (t.group("word") or "").rstrip(".") if t else ""
    return bool(word) and word.capitalize() in _roles().qualifiers


def _role_after(text: str, at: int, *, lower_ok: bool) -> tuple[str, str, bool] | None:
    """The role written from `at` (its head, the role, and whether a punctuation mark or
    the text's end closes it), in lower case too when `lower_ok` ("menteri luar negeri" is
    "Menteri Luar Negeri"); None when no role head starts there or a name follows it."""
    roles = _roles()
    m = roles.head_pattern.match(text, at)
    if m is None and lower_ok and _opens_head_word(text, at):
        capitalised = _LOWER_START.sub(lambda c: c.group(0).upper(), text[at : at + 60])
        m = roles.head_pattern.match(capitalised)
        if m is not None and m.group(0) not in roles.head_forms:
            m = None
    if m is None:
        return None
    head = roles.head_forms.get(m.group(0), m.group(0))
    written = text[at : at + 200]
    if not written.startswith(m.group(0)):
        written = m.group(0) + written[len(m.group(0)) :]
    scanned = _scan_role(written, 0, head)
    if scanned and not (
        lower_ok and _comma_before_name(written, len(m.group(0)), scanned[3], scanned[1])
    ):
        # "Sri Mulyani, Gubernur BI Perry Warjiyo": the role is his; but after "selaku" a
        # word after a comma is the place's ("... selaku Kapolsek Pondok Aren, Bintaro").
        return None
    role = head.split()
    pos = at + len(m.group(0))
    while t := _TOKEN.match(text, pos):
        if t.group("paren"):
            pos = t.end()  # "Menteri Luar Negeri (Menlu)": the short form is read already
            continue
        if t.group("code"):
            role.append(t.group("code"))
            pos = t.end()
            continue
        word = (t.group("word") or t.group("initial") or "").rstrip(".")
        if not word or (t.group("initial") and word not in roles.qualifiers):
            break  # an initial opens a name; a Roman numeral goes on ("Komisi I DPR")
        written = word if word[0].isupper() else word.capitalize()
        if word in _term_openers() and (term := _term_pattern().match(text, t.start())):
            # "sebagai Ketua KPK periode 2019-2023": the term closes the role, whatever follows
            # it ("... periode 2014-2019 Fraksi Partai Golkar")
            return head, " ".join(role), bool(_CLOSED.match(text, term.end()))
        if word in _JOINERS:
            nxt = _TOKEN.match(text, t.end())
            following = nxt.group("word") if nxt else None
            if not following or not (
                following in _roles_words("portfolio_short_forms")
                or _is_role_word(following.capitalize(), role)
            ):
                break  # "Kapolri dan TNI sepakat": another body, not the office's name
        elif word[0].isupper():
            if not (_is_role_word(word, role) or _unit_acronym(word)):
                break
        elif not (lower_ok and (written in roles.qualifiers or word in roles.modifiers)):
            if f"{role[-1]} {written}".startswith(roles.private_heads):
                return None  # "sebagai wakil presiden direktur PT ...": a company's
            break
        elif word in stopwords() and not _qualifier_follows(text, t.end()):
            break  # "menteri dalam kabinet": a preposition, not "Dalam Negeri"
        role.append(written if word not in _JOINERS and word not in roles.modifiers else word)
        pos = t.end()
        if t.group(0).endswith("."):
            return head, " ".join(role), True
    following, ends = [], []
    while (t := _TOKEN.match(text, pos)) and t.group("word") and t.group("word")[0].isupper():
        if _WEEKDAY_WORD.fullmatch(t.group("word").rstrip(".")):
            break  # "sebagai Kapolres Bogor Senin lalu": the day's
        following.append(t.group("word").rstrip("."))
        ends.append(pos := t.end())
        if len(following) == 4 or t.group("word").endswith("."):
            break
    if following and (
        any(known_name(following[:n]) for n in range(1, len(following) + 1))
        or (len(following) >= 2 and _is_person_name(following[:2]))
        or (len(following) >= 3 and _is_person_name(following[:3]))
    ):
        return None  # "..., Gubernur BI Perry Warjiyo": the role is his
    if any(w in roles.titles for w in following[1:]):
        # "..., Direktur Jenderal Pembangunan Kawasan Pedesaan Ir Harlina": a title opens
        # the name of the role's holder
        return None
    if len(following) > 1 and not _public_office(" ".join([*role, *following])):
        return None  # "Wakil Ketua DPD PDI Perjuangan Provinsi Banten": a party's board
    end = ends[0] if len(following) == 1 else (ends[0] if ends else pos)
    if len(following) == 1:
        role.append(following[0])  # "menteri Olimpiade", "Camat Ciranjang"
    elif _field_of_body(following) or place_name_kind(following):
        role.extend(following)  # "Mohammad Sadly, Deputi Geofisika BMKG.", "Kapolsek Pondok Aren"
        end = ends[-1]
    elif following:
        end = ends[0] - len(following[0]) - 1  # a run of capitals after the role: open
    return head, " ".join(role), bool(_CLOSED.match(text, end))


def _field_of_body(words: list[str]) -> bool:
    """True for one or two capitalised words and a body's acronym after a role's head, all
    the capitals up to a punctuation mark: the field and the body ("Deputi Geofisika
    BMKG"), no name."""
    return (
        2 <= len(words) <= 3
        and len(words[-1]) > 1
        and words[-1].isupper()
        and not any(w.isupper() for w in words[:-1])
        and not _is_person_name(words[:-1])
    )


def _unit_acronym(word: str) -> bool:
    """A unit's or a body's short form in capitals after a role's head ("Dirjen PKH
    Kementan"), not a rank ("AKBP") or an initial."""
    return 2 <= len(word) <= 8 and word.isupper() and word.isalpha() and not _is_title(word)


_SPACES = re.compile(r"\s*")
_CLOSED = re.compile(r"\s*(?:[,.;:()\"“”]|$)")


@dataclass
class _Mention:
    name: str  # as written, or the official's canonical name once resolved
    role: str  # "" when none is written beside the name
    by_role: bool  # read after a role head (else an alias of the gazetteer)
    in_title: bool = False  # read in the title: it completes the body's mentions, no more
    # an alias written right after a party's or a company's post ("Ketua Umum Partai
    # Demokrat Susilo Bambang Yudhoyono"): no office of his is named there
    private_post: bool = False
    # an alias written shortly after a candidacy ("candidate": "Capim KPK Firli Bahuri"), as
    # an era's name ("era": "di era Soeharto"), or in a paragraph telling of a candidacy
    # ("candidacy told"): no office of his may be meant there
    out_of_office: str = ""
    # a name of the mined officials (mined_gazetteer), written as the entry's
    mined: bool = False
    # the last year of a term written with the role ("Ketua KPK periode 2003-2007"), 0 for none
    term_end: int = 0


# A comma with a space before it, where a scraper took a link's text out of a sentence.
# (The letter or stop before the spaces is tested apart: `re` skips to the spaces of a pattern
# opening with them, and tries one opening with a lookbehind at every character.)
_LINK_GAP = re.compile(r"([ \t]+,)(?=[ \t])")
_LINK_GAP_AFTER = re.compile(r"[\w.]")


def _without_link_gaps(text: str) -> str:
    """The text without the commas left where a link's text was taken out between a role's
    head and the body it heads ("Wakil Ketua , DPR RI Erma Suryani Ranik"): read as if the
    two were next to each other. Elsewhere the gap stays (a name or a place was taken out)."""
    if " ," not in text:
        return text

    def joined(m: re.Match[str]) -> str:
        if not m.start() or not _LINK_GAP_AFTER.match(text, m.start() - 1):
            return m.group(1)
        before = _WORD_ENDING_AT.search(text, max(0, m.start() - 30), m.start())
        if before and before.group(1) in _head_parts() and _body_follows(text, m.end()):
            return ""
        return m.group(1)

    return _LINK_GAP.sub(joined, text)


# An initial glued to the next name word by its dot: "Rudolf A.Rodja", "Friets G.Senandi".
@cache
def _modifier_in_head() -> re.Pattern[str]:
    modifiers = alternation(_roles().modifiers)
    return re.compile(rf"\b((?:Wakil )?Ketua) (?:{modifiers}) (?=[A-Z])")


def _without_modifier_in_head(text: str) -> str:
    """A modifier written inside a chair's head left out: "Ketua sementara DPRD Majalengka,
    Edy Anas Djunaedi" reads as "Ketua DPRD Majalengka, ..." (roles.toml `modifiers`)."""
    return _modifier_in_head().sub(r"\1 ", text) if "Ketua " in text else text


_GLUED_INITIAL = re.compile(r"(?<![\w.])([A-Z])\.([A-Z][a-z]{2,})\b")
_GLUED_INITIAL_HINT = re.compile(r"[A-Z]\.[A-Z][a-z]")  # found faster: no lookbehind


# Two or three initials written with their dots and no space between two words of a name
# ("Bambang P.S. Brodjonegoro", "Alexander K.Y. Kapisa"), the word before them and the word
# after them.
_INNER_INITIALS = re.compile(r"\b([A-Za-z][\w'’-]*) ((?:[A-Z]\.){2,3})(?= ([A-Z][\w'’.-]*))")
_INNER_INITIALS_HINT = re.compile(r"[A-Z]\.[A-Z]\. [A-Z]")  # found faster: no lookbehind


def _with_initials_apart(text: str) -> str:
    """The text with a space after an initial glued to the name word after it ("Irjen Rudolf
    A.Rodja" read as "Rudolf A. Rodja"), and initials written together inside a name without
    their dots ("Bambang P.S. Brodjonegoro" read as "Bambang PS Brodjonegoro", as the corpus
    also writes it); a degree written so stays ("S.Sos", "S.Kom", "S.H.", "M.S." before the
    next sentence), and so do a title ("K.H. Ma'ruf Amin"), an alias of the gazetteer ("B.J.
    Habibie") and a place's short form after an office ("Gubernur N.T.B. Zulkieflimansyah")."""
    if "." not in text:
        return text
    if _GLUED_INITIAL_HINT.search(text):
        text = _GLUED_INITIAL.sub(
            lambda m: m.group(0) if is_degree(m.group(0)) else f"{m.group(1)}. {m.group(2)}",
            text,
        )
    if _INNER_INITIALS_HINT.search(text):
        text = _INNER_INITIALS.sub(_initials_joined, text)
    return text


def _initials_joined(m: re.Match[str]) -> str:
    """An `_INNER_INITIALS` match with the initials' dots left out, unless they are no
    initials of a name (see `_with_initials_apart`)."""
    before, initials, after = m.group(1, 2, 3)
    kept = (
        is_title(initials)
        or is_degree(initials)
        or is_degree(after.rstrip(".,"))
        # a degree ending a sentence: "M.S. Dia mengatakan ..."
        or after in not_names()
        or opens_sentence_only(after, m.string)
        or f"{initials} {after}".lower() in gazetteer().by_alias
        or (not is_title(before) and _roles().head_pattern.fullmatch(before) is not None)
    )
    return m.group(0) if kept else f"{before} {initials.replace('.', '')}"


# A unit's number and name written with a space after the slash: "Pangdam IV/ Diponegoro".
_UNIT_SLASH_SPACE = re.compile(r"\b([IVX]{1,4}|\d{1,4})/[ \t]+(?=[A-Z])")


# A name's last words after a comma that a removed link left inside it, then a verb: "Jean-Yves,
# Le Drian mendesak", "Mohammad, Ishtaye mengecam".
_STRAY_COMMA_REST = re.compile(
    r",[ \t]+(?P<rest>(?:(?:Le|La|Al|El|al|el|bin|van|de)[ \t-])?[A-Z][a-z'’]+(?:[ \t][A-Z][a-z'’]+)?)"
    r"[ \t]+(?P<verb>me[a-z]+)\b"
)


def _name_after_stray_comma(text: str, end: int, name: str) -> re.Match[str] | None:
    """The rest of a one-word name read after a role, when a comma stands between it and a
    name's last words that go straight on to an active verb (`_STRAY_COMMA_REST`); not a place,
    a role or a known official's name after the comma."""
    if " " in name or name.lower() in gazetteer().by_alias:
        return None
    m = _STRAY_COMMA_REST.match(text, end)
    if m is None:
        return None
    words = m.group("rest").replace("-", " ").split()
    core = [w for w in words if not is_name_particle(w)]
    if (
        not core
        or not all(_is_name_word(w) and not _role_like(w) for w in core)
        or is_place(core)
        or known_name(core)
        or any(w.lower() in places() for w in core)
    ):
        return None
    return m


# A space before a comma: where the scraper took out a linked name ("mantan Presiden ,
# Anis Matta": the party's).
_CUT_BEFORE = re.compile(r"[ \t],")
_DEPUTY_WORD_BEFORE = re.compile(r"(?:(?<=[ \t(/\"“'‘])|^)Wakil[ \t]+$")


def _deputy_word_before(text: str, start: int, head: str) -> int:
    """Where a role whose head is at `start` opens: at a "Wakil" right before a head that is
    not a deputy's itself (roles.toml heads hold "Wakil Presiden", "Wakapolri", and "Wakil"
    before every "Ketua" and "Kepala"), else at the head. The deputy of a head written in
    its short form ("Wakil Kapolri", "Wakil Kajati Sumut", "Wakil Dirjen Pajak") holds the
    deputy's office, not the head's. In lower case it is too often someone's deputy or
    envoy ("sebagai wakil Presiden Joko Widodo", "kursi wakil Gubernur Anies Baswedan")."""
    if head.startswith(("Wakil", "wakil", "Waka")):
        return start
    before = _DEPUTY_WORD_BEFORE.search(text, max(0, start - 8), start)
    return before.start() if before else start


# An acting holder's word right before a head: "Plt", "Plh", "Pj" (roles.toml acting_words)
# or "Pelaksana Tugas (Plt)" written out.
_ACTING_BEFORE = re.compile(
    r"(?:(?<=[ \t(/\"“'‘])|^)(?:(?P<word>Plt|Plh|Pj|PLT|PLH|PJ)\.?|[Pp]elaksana"
    r"(?:(?P<daily> [Tt]ugas [Hh]arian| [Hh]arian)| [Tt]ugas)(?: \((?P<short>Plt|PLT|Plh|PLH)\))?)"
    r"[ \t]+$"
)


def _acting_word_before(text: str, start: int, head: str) -> re.Match[str] | None:
    """The acting holder's word right before a role head at `start` (see _ACTING_BEFORE), or
    None; none before a head that holds one already ("Plt Gubernur", "Plt Kepala")."""
    if head.split()[0] in _roles().acting_words:
        return None
    return _ACTING_BEFORE.search(text, max(0, start - 30), start)


def _acting_label(acting: re.Match[str]) -> str:
    """An acting holder's word as labels write it: "Plt" for "Pelaksana Tugas", "Plh" for
    "Pelaksana Tugas Harian" (a day-to-day stand-in)."""
    word = acting.group("word") or acting.group("short")
    if word:
        return word.capitalize()
    return "Plh" if acting.group("daily") else "Plt"


def _without_honours(role: str, canonical: str = "") -> str:
    """A role without the honours that end it before a known official's name (roles.toml
    `honours_before_known`: "Tun" of "Perdana Menteri Malaysia Tun Dr Mahathir Mohamad",
    "Tuan Guru" of "Gubernur NTB Tuan Guru Bajang"), nor the initials of the name's first
    words (`canonical`'s: "BJ" of "Presiden Republik Indonesia BJ Habibie") or a title's
    letter ("K." of "Presiden ke-4 RI K. H. Abdurrahman Wahid"); not stripped from names,
    where they may be a name's own word ("Naisyah Tun Azikin")."""
    words = role.split()
    honours = _honours()
    initials = "".join(w[0] for w in canonical.split()[:-1]).upper()
    while len(words) > 1:
        last = words[-1]
        honour = next(
            (
                h
                for h in honours
                if len(h) < len(words) and [w.lower() for w in words[-len(h) :]] == h
            ),
            None,
        )
        if honour:
            del words[-len(honour) :]
        elif _TITLE_LETTER.fullmatch(last) or (
            last.isupper() and 1 < len(last) <= len(initials) and initials.startswith(last)
        ):
            words.pop()
        else:
            break
    return " ".join(words)


@cache
def _honours() -> tuple[list[str], ...]:
    """roles.toml `honours_before_known`, each as its lower-case words."""
    return tuple(h.lower().split() for h in load_toml("roles.toml").get("honours_before_known", []))


# A title's letter written apart ("K. H." of Kiai Haji) or a given name's initial ("M.").
_TITLE_LETTER = re.compile(r"[A-Z]\.")


def _holds_office(name: str, role: str, gaz: _Gazetteer) -> bool:
    """True when `name` is a gazetteer official whose offices include `role`: "Wakil"
    before it is another's title then ("Wakil Kapolri Tito Karnavian" names no deputy)."""
    known = gaz.by_alias.get(name.lower())
    if known is None:
        return False
    return any(same_office(role, held) for held in gaz.roles.get(known[0], ()))


def _read_mentions(paragraphs: Iterable[str], title: str) -> list[_Mention]:
    """Every name read after a role, and every gazetteer alias, in order; the title's aliases
    last."""
    gaz = gazetteer()
    roles = _roles()
    mentions: list[_Mention] = []
    for text in paragraphs:
        text = _without_modifier_in_head(_with_initials_apart(_without_link_gaps(text)))
        if "/ " in text:
            text = _UNIT_SLASH_SPACE.sub(r"\1/", text)  # "Pangdam IV/ Diponegoro" as one
        read_to = 0  # a head inside a role already read ("Kepala Staf Presiden") starts none
        read_spans: list[tuple[int, int]] = []  # the roles read, and their holders' names
        for m in word_matches(roles.head_pattern, text, _HEAD_JOINED):
            if m.start() < read_to:
                continue
            # where the role opens: "Wakil" before a head that has no deputy's head of its
            # own opens it ("Wakil Kapolda Metro Jaya", "Wakil Kajati Sumut")
            start = _deputy_word_before(text, m.start(), m.group(0))
            acting = _acting_word_before(text, start, m.group(0))
            if acting:
                start = acting.start()
            staff = _words_before(text, start)
            if staff is None:
                continue
            head = roles.head_forms.get(m.group(0), m.group(0))
            if m.group(0).islower() and text.startswith(",", m.end()):
                continue  # "Sekjen Lodewijk Freidrich, sekjen, Bendahara Umum ..."
            scanned = _scan_role(text, m.start(), head)
            if not scanned:
                # "Ketua MPR beserta wakilnya Arsul Sani, ...": the holder's name cut out, his
                # deputies named
                mentions.extend(
                    _Mention(*deputy, True) for deputy in _cut_holders_deputies(text, start)
                )
                continue
            if head in roles.staff_heads and (
                known_name(scanned[1].split()) or roles.head_pattern.match(scanned[1])
            ):
                # "Staf Khusus Presiden Joko Widodo, Ari Dwipayana": the office inside the
                # staff post is the known official's; its own head reads him (and a name
                # read as "Sekretaris Kabinet Alexander Lay" is read from its head).
                continue
            read_to = scanned[3]
            if _role_of_name_before(text, start) and (
                _comma_before_name(text, m.end(), scanned[3], scanned[1])
                or scanned[1].lower() not in gaz.by_alias
            ):
                # "Latri Listyowati menjadi Ketua Fraksi PDIP, Siti Khomsiyah menjadi ...":
                # the role is the name's before it; the one after the comma holds another,
                # and the words right after it go on its body ("Lulik Tri Cahyaningrum
                # sebagai Dirjen Badan Peradilan Mikiter dan Tata Usaha Negara").
                continue
            if _no_office(head, scanned[0]):
                continue  # "Juru Bicara KPK Febri Diansyah": a post, no public office
            role, name, alias = _known_name_at_end(*scanned[:3], gaz)
            # "Perdana Menteri Malaysia Tun Dr Mahathir", "Presiden RI BJ Habibie"
            role = _without_honours(role, gaz.by_alias.get(name.lower(), ("",))[0])
            deputy_at = acting.end() if acting else start
            if deputy_at < m.start() and not _holds_office(name, role, gaz):
                role = f"Wakil {role}"  # the deputy's: "Wakil Kapolri" is the Wakapolri
            if acting and (acting.group(0)[0].isupper() or not _holds_office(name, role, gaz)):
                # an acting holder's: "Plt Menpora Hanif Dhakiri", "Pelaksana Tugas (Plt)
                # Kepala Dinkes Kabupaten Sukabumi", "mantan pelaksana tugas Kepala Dinas PU";
                # not who does a known holder's work ("pelaksana tugas Presiden Joko Widodo di
                # lapangan")
                role = f"{_acting_label(acting)} {canonical_role(role)}"
            rest = _name_after_stray_comma(text, scanned[3], name)
            if rest:
                # "Menteri Luar Negeri Prancis Jean-Yves, Le Drian mendesak ...": a removed
                # link's comma inside the name
                name = f"{name} {rest.group('rest')}"
                read_to = rest.end("rest")
            if _UNIT_NUMBER_FIRST.match(name):
                continue  # "Danlantamal XII Ptk Koarmada I": the unit's number and name
            if " " not in name and _TERMS_AFTER.match(text, scanned[3]):
                continue  # "menjadi Bupati Bantaing 2 Periode": the place, served twice
            if (
                names_no_country(role)
                and (not staff or _CUT_BEFORE.search(text, m.end(), scanned[3]))
                and name.lower() not in gaz.by_alias
                and not (" " in name and _holder_variant(name, role))
                and not (" " in name and head in _roles().government_only_heads)
            ):
                # "Presiden Nicolas", "Raja KO", "Raja Terakhir": which country's? (or which
                # party's: "mantan Presiden , Anis Matta", the body's name cut out)
                continue
            if _rank_after_role(text, start, head, scanned[0]):
                continue  # "... Mabes Polri Inspektur Jenderal Mohammad Iqbal": his rank
            if _relative_of_listed_office(text, start, head, scanned[0], scanned[1]):
                continue  # "Istri Presiden Keempat RI Sinta Nuriyah Wahid": his wife
            apposed = _comma_before_name(text, m.end(), scanned[3], scanned[1])
            if _representative_before(text, start, apposed=apposed):
                continue  # "perwakilan Kepala BKIPM Kota Sorong, Andreas J.": not the head
            candidate = _candidate_before(text, start)
            if candidate and name.lower() not in gaz.by_alias:
                continue  # "bakal calon wakil Bupati Pandeglang Hendra Pranova": no office
            if _era_before(text, start) and name.lower() in gaz.by_alias:
                # "berakhirnya era Presiden Suharto": an era's name, read as the gazetteer
                # official's alias written so ("di era Soeharto"): no office held there unless
                # the gazetteer gives one on the article's date. Another name is read as usual
                # ("masa kepemimpinan Gubernur Wahidin Halim" may be today's governor).
                mentions.append(_Mention(name, "", False, out_of_office=_ERA))
                continue
            if name.lower() not in gaz.by_alias and (
                head in roles.staff_heads or (staff and _staff_post(staff))
            ):
                # "Staf Khusus Presiden Bidang Komunikasi Adita Irawati", "Tenaga Ahli Utama
                # Kantor Staf Presiden Ali Mochtar Ngabalin": an adviser's post, no office
                continue
            if staff and _staff_post(staff) and not _holds_office(name, role, gaz):
                # "Asops Panglima TNI Mayjen TNI Doni Monardo": a known official in a staff
                # post, not the chief (his own office is the gazetteer's); "staf khusus
                # Menteri Keuangan Sri Mulyani" names the chief
                continue
            if name.lower() not in gaz.by_alias:
                # "Staf Khusus Presiden Joko Widodo, Ari Dwipayana": the staff post is
                # not the known official's (he holds the office).
                role = " ".join([*staff, role])
            elif staff and staff[-1] in roles.role_words_before:
                # "Calon Presiden Prabowo Subianto", "mantan Presiden SBY"; not "mantan juru
                # bicara Presiden Joko Widodo", whose office is the president's own
                role = " ".join([staff[-1], role])
            elif candidate:
                role = f"Calon {role}"  # "calon Wali Kota Solo Gibran Rakabuming Raka"
            role = canonical_role(role)
            known_role = gaz.by_alias.get(name.lower(), ("", ""))[1]
            former, office = _former_and_office(role)
            if names_no_country(office) and known_role.startswith(f"{office} "):
                # "Presiden Bashar al-Assad": the Presiden Suriah; "mantan Perdana Menteri
                # Theresa May": the Mantan Perdana Menteri Inggris
                role = f"{former} {known_role}".strip()
            term_end = _term_end(_term_pattern().search(text, m.end(), scanned[3]))
            mentions.append(_Mention(name, role, True, term_end=term_end))
            read_spans.append((start, read_to))
            # "... dan wakilnya Andika Hazrumy"
            mentions.extend(
                _Mention(*deputy, True) for deputy in _deputies_after(text, read_to, role)
            )
            if alias and alias.lower() in gaz.by_alias:
                mentions.append(_Mention(alias, role, True))
            if _held_by_many(role) and not _LIST_ITEM_BEFORE.search(
                text, max(0, start - _LIST_ITEM_CHARS), start
            ):
                # "Wakil Ketua Alexander Marwata, Nawawi Pomolango, dan Nurul Ghufron"; not
                # an item of a list of offices ("Menteri Agama Lukman Hakim, Wakil Ketua DPR
                # Utut Adianto, serta Meutia Hatta"), nor a known official, whose office the
                # gazetteer knows ("dimohonkan anggota DPR Rieke Diah Pitaloka dan Khofifah
                # Indar Parawansa" in 2014)
                mentions.extend(
                    _Mention(n, role, True)
                    for n in _names_listed_after(text, read_to)
                    if n.lower() not in gaz.by_alias
                )
        mentions.extend(
            _Mention(name, role, True, term_end=term_end)
            for name, role, term_end in _roles_after_names(text)
        )
        mentions.extend(_Mention(name, role, True) for name, role in _members_listed(text))
        mentions.extend(
            _Mention(a, "", False, private_post=post, out_of_office=running)
            for a, post, running, _ in _alias_mentions(text)
        )
        mined = mined_gazetteer()
        mentions.extend(
            _Mention(
                mined.by_alias[_clean_name(a).lower()][0],
                "",
                False,
                private_post=post,
                out_of_office=running,
                mined=True,
            )
            for a, post, running, at in _alias_mentions(text, gaz=mined)
            # words a role's reading took are the role's and its holder's ("Wali Kota Bima
            # Arya Sugiarto" read as Bima's mayor is no mention of Bima Arya Sugiarto)
            if not any(start <= at < end for start, end in read_spans)
            # "warga bernama M Anwar": a person the text introduces, no official
            and not _named_before(text, at)
        )
    if title:
        mentions.extend(
            _Mention(a, "", False, in_title=True)
            for a, _, _, _ in _alias_mentions(title, headline=True)
        )
    return mentions


def _with_place_first_names(mentions: list[_Mention], paragraphs: list[str]) -> list[_Mention]:
    """The mentions, with a place's word read as the role's last word given back to the name
    when the article names the person by that word alone as a speaker: "Kepala BKN Bima Haria
    Wibisana" is Bima Haria Wibisana where the story goes on "ujar Bima" or "Bima
    mengatakan" (and the Bupati Bima's story says "kata Bupati Bima")."""
    fixed = []
    # Once per word: each asks of every paragraph, and a role is written at each mention.
    speaks_alone = cache(lambda word: _speaks_alone(word, paragraphs))
    for mention in mentions:
        if _place_word_opens_name(mention, mentions, speaks_alone):
            role, _, place = mention.role.rpartition(" ")
            mention = replace(mention, name=f"{place} {mention.name}", role=role)
        fixed.append(mention)
    return fixed


def _place_word_opens_name(
    mention: _Mention, mentions: list[_Mention], speaks_alone: Callable[[str], bool]
) -> bool:
    """True when a mention's role, of three words or more, ends in a place's word that the
    article also uses alone for a speaker (`speaks_alone`: `_speaks_alone` over its
    paragraphs), and no one else it names opens with that word."""
    role_words = mention.role.split()
    if not (mention.by_role and len(role_words) >= 3 and _home_place_word(role_words[-1])):
        return False
    roles = _roles()
    head = _head_of(mention.role)
    # past the head and any acting or former word before it ("Plt Wali Kota", "Mantan")
    bare_head = " ".join(w for w in head.split() if w not in roles.acting_words)
    after_head = mention.role[mention.role.find(head) + len(head) :].split()
    if bare_head in roles.region_heads and _region_then_place(after_head):
        # a region's head has one region: "Wali Kota Bogor Bima Arya Sugiarto"
        return not known_name(mention.name.split())
    # a region's head keeps a place of its own ("Wali Kota Bogor"; "Wali Kota Bima Muhammad
    # Lutfi" is the Bima mayor's name)
    if " ".join(role_words[:-1]) == head and head in (
        roles.region_heads | roles.place_heads | roles.local_heads
    ):
        return False
    return (
        not known_name(mention.name.split())
        # no one else the article names opens with the word ("Bima Arya")
        and not any(m.name.split()[0] == role_words[-1] for m in mentions if m is not mention)
        and speaks_alone(role_words[-1])
    )


def _region_then_place(words: list[str]) -> bool:
    """True when the words after a region's head are a whole place and then a word that is
    another place and no part of it ("Bogor Bima"; not "Bone Bolango", "Jawa Barat")."""
    return (
        len(words) >= 2
        and names_one_place(words[:-1])
        and not any(w in _role_phrase_words() for w in words[:-1])  # "Wali Kota Kota Tegal"
        and place_name_kind(words[-1:]) in ("region", "local")
        and not names_one_place(words)
    )


def _home_place_word(word: str) -> bool:
    """True for an Indonesian region's or town's name of one word that is no word of a role
    ("Bima", "Cina"; not "Iran", a country, nor "Kota")."""
    kind = place_name_kind([word])
    return (
        (kind in ("region", "local") or (is_place([word]) and not kind))
        and word not in _role_phrase_words()
        and _is_name_word(word)
    )


def _speaks_alone(word: str, paragraphs: list[str]) -> bool:
    """True when a paragraph names someone by `word` alone as a speaker: after a verb written
    after what was said ("ujar Bima di Jakarta"), or opening a clause before a verb of
    speech ("Kendati begitu, Bima memastikan"), with no role or capitalised word beside it.
    (Each place the word is written is read with patterns made once, not one made per word.)"""
    after_verb, before_verb, opening, capital_next = _speaking_alone_patterns()
    for text in paragraphs:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if after_verb.search(text, max(0, at - _VERB_SPAN), at) and not (
                _ALIAS_JOINED.match(text, end) or capital_next.match(text, end)
            ):
                return True  # "ujar Bima di Jakarta"
            if (at == 0 or opening.search(text, max(0, at - _VERB_SPAN), at)) and (
                before_verb.match(text, end)
            ):
                return True  # "Kendati begitu, Bima memastikan"
            at = text.find(word, at + 1)
    return False


# How far before a word a verb of speech or a clause's opening punctuation is looked for.
_VERB_SPAN = 40


@cache
def _speaking_alone_patterns() -> tuple[re.Pattern[str], ...]:
    """A verb written after what was said, ending right before a word; a verb written before
    it, right after; a clause's opening (a line's start, a punctuation mark) right before it;
    a capitalised word right after it."""
    before_verbs, after_verbs = _speech_verbs()
    return (
        re.compile(rf"(?<![\w'’-])(?:{alternation(after_verbs)})[ \t]+\Z"),
        re.compile(rf"[ \t]+(?:{alternation(before_verbs)})(?![\w'’-])"),
        re.compile(r"(?:\n|[.,;:!?\"”][ \t]*)\Z"),
        re.compile(rf"[ \t]+[{UPPER}]"),
    )


def _resolve(mentions: list[_Mention], words: _ArticleWords) -> list[_Mention]:
    """Each mention under the name of the person it names.

    A name after a role is the gazetteer's official when it is an alias or a spelling
    variant and the role is one that official held; otherwise someone else of that name,
    and the article's bare aliases of the name are that person too ("Wakil Bupati Klaten
    Sri Mulyani"). A partial alias ("Tito", "Prabowo", "Sri Mulyani") names the official
    only when the article also names him in full, by role, or names his office (a word of
    his roles that is not generic: "KPK" for "Laode"; or one of his offices spelt out:
    "Menteri Lingkungan Hidup dan Kehutanan (Siti Nurbaya)" for the Menteri LHK); else a
    person the article names in full with that word ("Hadi Prabowo"), or nobody. `words`
    gives the article's words, read only when needed.
    """
    gaz = gazetteer()
    named: set[str] = set()  # officials the article names in full or by role
    others: dict[str, str] = {}  # alias (lower) -> the other person written with it
    for mention in mentions:
        if mention.mined:
            continue  # a mined official's name as written: his own
        key = _clean_name(mention.name).lower()
        if mention.by_role:
            canonical = gaz.by_alias[key][0] if key in gaz.by_alias else None
            canonical = canonical or _variant_of(mention.name, mention.role)
            if canonical and _holds(canonical, mention.role):
                mention.name = canonical
                named.add(canonical)
            elif canonical:
                others[key] = mention.name
        elif key not in gaz.partial and key not in others and " " in key:
            named.add(gaz.by_alias[key][0])
    for key in {_clean_name(m.name).lower() for m in mentions if not m.by_role and not m.mined}:
        if " " in key or key in others:
            continue
        # a one-word alias that is a word of another official the article names is his:
        # "Emil" of Ridwan Kamil is Emil Dardak in a story naming Emil Elestianto Dardak
        own = gaz.by_alias[key][0]
        owners = {c for c in named if c != own and key in gaz.words.get(c, frozenset())}
        if len(owners) == 1:
            others[key] = owners.pop()
        elif key not in gaz.partial:
            named.add(own)
    unknown_full = {m.name for m in mentions if m.by_role and " " in m.name}
    unknown_full -= set(gaz.words)
    resolved: list[_Mention] = []
    for mention in mentions:
        if mention.by_role or mention.mined:
            resolved.append(mention)
            continue
        key = _clean_name(mention.name).lower()
        canonical = gaz.by_alias[key][0]
        if key in others:
            resolved.append(replace(mention, name=others[key], role="", by_role=False))
        elif (
            canonical in named
            or gaz.office_words.get(canonical, set()) & words.article
            or words.writes_office_in_full(canonical)
        ):
            named.add(canonical)
            resolved.append(replace(mention, name=canonical, role="", by_role=False))
        else:
            longer = [n for n in unknown_full if set(key.split()) <= set(n.lower().split())]
            if len(longer) == 1:
                resolved.append(replace(mention, name=longer[0], role="", by_role=False))
    return resolved


@cache
def _place_words_before() -> frozenset[str]:
    """person_names.toml's `place_words_before`: words only a place follows ("Kota")."""
    return frozenset(load_toml("person_names.toml")["place_words_before"])


@cache
def _place_before_pattern() -> re.Pattern[str]:
    """person_names.toml's `place_words_before`, one of them right before a word: the
    word's start is where its group ends."""
    return re.compile(rf"(?<![\w'’-])({alternation(_place_words_before())})[ \t]+(?=[{UPPER}])")


def _written_as_place(name: str, text: str) -> bool:
    """True for a name the article writes as a place: a region or city abroad
    (foreign_regions.txt: "Busan"), or after a word only a place follows ("di Busan", "Kota
    Dordrecht", "Provinsi Irian Jaya Barat"; person_names.toml's `place_words_before`, not
    when it ends a role's head, "Wali Kota"), with no capitalised word after it but a
    compass word."""
    if name.lower() in foreign_regions():
        return True
    if name not in text:
        return False  # never written, so never after a place word
    heads = _roles().head_pattern
    for m in _place_before_pattern().finditer(text):
        if not text.startswith(name, m.end()):
            continue
        nxt = _TOKEN.match(text, m.end() + len(name))
        word = nxt.group("word") if nxt else None
        if text[m.end() + len(name) : m.end() + len(name) + 1].isalnum() or (
            word and word[0].isupper() and not is_compass(word.rstrip("."))
        ):
            continue
        before = _WORD_BEFORE.search(text, 0, m.start())
        if before and heads.fullmatch(f"{before.group(1)} {m.group(1)}"):
            continue  # "Wali Kota Risma"
        return True
    return False


class _ArticleWords:
    """An article's words, read only when a mention needs them (a class, not a function under
    functools.cache: setting one of those up costs more than most articles' reading)."""

    def __init__(self, paragraphs: list[str], title: str) -> None:
        self._paragraphs, self._title = paragraphs, title
        self._places: dict[str, bool] = {}
        self._in_full: dict[str, str | None] = {}

    @cached_property
    def article(self) -> set[str]:
        return {w for text in [*self._paragraphs, self._title] for w in _WORDS.findall(text)}

    @cached_property
    def body(self) -> frozenset[str]:
        return frozenset(w for text in self._paragraphs for w in _WORDS.findall(text))

    @cached_property
    def tells_candidacy(self) -> bool:
        """Whether a paragraph of the body tells of a candidacy (`_candidacy_pattern`)."""
        return any(_candidacy_pattern().search(text) for text in self._paragraphs)

    @cached_property
    def tells_party_contest(self) -> bool:
        """Whether the article tells of a party's contest for its leadership: its title or a
        paragraph holds a word of roles.toml `party_contest_words` and a party's name
        ("Jelang Munas, dukungan DPD Golkar ..."; not "Munas Kadin", "Muktamar NU")."""
        return any(
            _roles_word_pattern("party_contest_words", any_case=True).search(text)
            and _roles_word_pattern("parties").search(text)
            for text in [self._title, *self._paragraphs]
        )

    @cached_property
    def text(self) -> str:
        return "\n".join(self._paragraphs)

    @cached_property
    def _lower_words(self) -> str:
        """The body's words in lower case without "dan", one space between."""
        return " ".join(w for w in _WORDS.findall(self.text.lower()) if w != "dan")

    def writes_office_in_full(self, canonical: str) -> bool:
        """Whether the body spells out an office of a gazetteer official's terms, all its
        short forms written out ("Menteri Lingkungan Hidup dan Kehutanan" for Menteri LHK;
        `_office_in_full`)."""
        for office in {role for role, _, _ in gazetteer().terms.get(canonical, [])}:
            forms = _office_in_full(office)
            if len(forms) > 1 and re.search(
                rf"(?<!\w){re.escape(' '.join(forms[-1]))}(?!\w)", self._lower_words
            ):
                return True
        return False

    def written_in_full(self, name: str) -> str | None:
        """The one name of two words the article (its title too) writes opening with the
        one-word `name` and a word that goes on a person's name (`_extends_name`: "Roy
        Suryo", "Mulan Jameela Ditetapkan ..."), or, where it writes none, the one name its
        body writes ending with it after given names (`_written_with_given_names`: "Gavin
        Newsom"), or None. Once per name: each read is of the whole article, and a name is
        asked about at each of its mentions (a paragraph repeated 1,000 times took minutes)."""
        if name not in self._in_full:
            self._in_full[name] = self._written_in_full(name)
        return self._in_full[name]

    def _written_in_full(self, name: str) -> str | None:
        fuller = set()
        for text, headline in [*((p, False) for p in self._paragraphs), (self._title, True)]:
            for m in _after_each(text, name):
                word = m.group(1)
                if (
                    len(word) > 2
                    and not word.isupper()  # an initial, a degree or an acronym: "Sony S"
                    and not is_degree(word)
                    and not any(word == title[0] for title in _roles().royal_titles)
                    and not (is_place([word]) or place_name_kind([word]) or opens_place(word))
                    and _extends_name(word, headline=headline, following=True)
                    and _is_person_name([name, word])
                ):
                    fuller.add(f"{name} {word}")
        if not fuller:
            fuller = self._written_with_given_names(name)
        return fuller.pop() if len(fuller) == 1 else None

    def _written_with_given_names(self, name: str) -> set[str]:
        """The body's names ending in the one-word `name` after one or two given names (no
        dictionary words) that open a name there, after a word in lower case or a comma
        ("gubernur setempat Gavin Newsom", "Amerika Serikat, Rick Perry"; not "Lanjut
        Novarita" opening a sentence), the fullest one where one holds the others ("Abraham
        Octavianus Atururi" over "Abraham Atururi")."""
        found = set()
        for text in self._paragraphs:
            for start, m in _given_names_before_each(text, name):
                end = start + (0 if text[start] in ",(" else 1)
                before = _WORD_ENDING_AT.search(text, max(0, end - 30), end)
                word = before.group(1).lower().removesuffix("nya") if before else ""
                if word in _roles().relatives:
                    continue  # "Istrinya, Jennifer Newsom": a relative of his
                given = m.group(1).split()
                if all(
                    len(w) > 2
                    and not is_common_word(w)
                    and not _is_title(w)
                    and w not in _role_phrase_words()
                    and not (is_place([w]) or place_name_kind([w]))
                    for w in given
                ) and _is_person_name([*given, name]):
                    found.add(" ".join([*given, name]))
        fullest = {f for f in found if all(set(o.split()) <= set(f.split()) for o in found)}
        return fullest if len(fullest) == 1 else set()

    def written_as_place(self, name: str) -> bool:
        """`_written_as_place` over the article's body, once per name."""
        if name not in self._places:
            self._places[name] = _written_as_place(name, self.text)
        return self._places[name]


# A capitalised word after a name ("Roy" -> "Roy Suryo"), and the given names before one after
# a word in lower case or a comma ("gubernur setempat Gavin Newsom"): matched where the name is
# found (a pattern compiled for each name cost more than the search).
_CAPITALISED_AFTER = re.compile(rf"[ \t]+([{UPPER}][\w'’-]*)")
_GIVEN_NAMES_BEFORE = re.compile(rf"[a-z,(][ \t]+((?:[{UPPER}][{LOWER}]+[ \t]+){{1,2}})\Z")
# how far before a name its given names are looked for
_GIVEN_NAMES_CHARS = 300


def _after_each(text: str, name: str) -> Iterator[re.Match[str]]:
    """The capitalised words written right after the word `name` (no word's character before
    it), each once, as a search for the name and the word would find them, without compiling
    a pattern for each name."""
    at = text.find(name)
    while at >= 0:
        m = None
        if not (at and _ALIAS_JOINED.match(text, at - 1)):
            m = _CAPITALISED_AFTER.match(text, at + len(name))
        if m is not None:
            yield m
        at = text.find(name, m.end() if m is not None else at + 1)


def _given_names_before_each(text: str, name: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Where one or two given names, after a word in lower case or a comma, are written
    before the word `name` (no word's character after it): the match's start and the match
    (its group 1 the given names), each once, without compiling a pattern for each name."""
    at, done = text.find(name), 0
    while at >= 0:
        after = at + len(name)
        if not (after < len(text) and _ALIAS_JOINED.match(text, after)):
            window = max(done, at - _GIVEN_NAMES_CHARS)
            m = _GIVEN_NAMES_BEFORE.search(text[window:at])
            if m is not None:
                yield window + m.start(), m
                done = after
        at = text.find(name, at + 1)


def party_named(role: str) -> bool:
    """True for a role that names a party ("Ketua Fraksi Partai Demokrat", "Anggota Komisi
    III DPR dari Fraksi PDIP")."""
    return bool(set(role.split()) & _roles().private_bodies)


def _article_mentions(paragraphs: list[str], title: str) -> tuple[list[_Mention], _ArticleWords]:
    """Every mention of the article, each under the person it names, and the article's words."""
    words = _ArticleWords(paragraphs, title)
    mentions = _resolve(
        _with_place_first_names(_read_mentions(paragraphs, title), paragraphs), words
    )
    return mentions, words


def role_mentions(paragraphs: Iterable[str], title: str = "") -> set[str]:
    """The names the text writes after a public office's role, as find_officials resolves
    them (for mining officials from a corpus)."""
    mentions, _ = _article_mentions(list(paragraphs), title)
    return {m.name for m in mentions if m.by_role and m.role and not m.private_post}


def find_officials(
    paragraphs: Iterable[str], span: tuple[int, int] | None = None, title: str = ""
) -> list[Official]:
    """Officials named in the text, merged across aliases, in order of first mention; `span`
    is the first and last day (YYYYMMDD) the article's date may be, for the roles of those
    named without one (see the module docstring). The gazetteer's aliases in the `title`
    complete the body's mentions ("Sri Mulyani Yakin Target Pajak Tercapai" over a body that
    says only "Indrawati"); a person only the title names is not counted."""
    found: dict[str, Official] = {}
    gaz = gazetteer()
    paragraphs = list(paragraphs)
    mentions, words = _article_mentions(paragraphs, title)
    full_names = {m.name for m in mentions if " " in m.name}
    private_posts: set[str] = set()  # named after a party's or a company's post
    # whether each person is first named as a candidate or an era's name ("era Soeharto")
    first_named: dict[str, bool] = {}
    candidates: set[str] = set()  # named as a candidate somewhere in the body
    offices: set[str] = set()  # named after a public office's
    kin: set[str] = set()  # named as another's kin or founder ("dua putra SBY", "besutan SBY")
    not_as_candidate: set[str] = set()  # named in the body other than right after a candidacy
    named_so: set[str] = set()  # named in the body otherwise
    running_for = _words_before_head("candidate_words")
    for mention in mentions:
        name, role = mention.name, mention.role
        canonical = name if name in gaz.words else None
        if canonical is None and " " not in name:
            # "Mendagri Tito" after "Tito Karnavian": a short mention of a full name.
            longer = [full for full in full_names if name in full.split()]
            if len(longer) == 1:
                canonical = longer[0]
            elif not longer and mention.by_role and not words.written_as_place(name):
                # "ujar Roy yang menjabat Menpora" after "Politikus Partai Demokrat Roy
                # Suryo": the name the article writes in full, in no role.
                canonical = words.written_in_full(name)
        canonical = canonical or name
        if role and canonical in gaz.words and _rank_only(role):
            # "Inspektur Jenderal Firli Bahuri": a known official's rank; his office is the
            # gazetteer's on the article's date
            mention = replace(mention, role="", by_role=False)
            role = ""
        if (
            role
            and canonical in gaz.words
            and gaz.before_first_term(canonical, span)
            and (role.split()[0].lower() in running_for or gaz.takes_later(canonical, role))
        ):
            # "Calon Wakil Presiden Ma'ruf Amin", "terpilihnya Firli Bahuri sebagai Ketua
            # KPK" in September 2019: a known official named as a candidate, or by the
            # office the gazetteer gives him only later (elected, not yet sworn in), before
            # the first term of his it gives, holds none yet
            candidates.add(canonical)
            mention = replace(mention, role="", by_role=False, out_of_office=_CANDIDATE)
            role = ""
        if (
            role
            and span
            and mention.term_end
            and mention.term_end < span[0] // 10000
            and role.split()[0].lower() not in _words_before_head("role_words_before")
        ):
            # "Ketua KPK periode 2003-2007 Taufiequrachman Ruki" in 2019: a former holder
            role = f"Mantan {role}"
            mention = replace(mention, role=role)
        if mention.by_role and canonical not in gaz.words and words.written_as_place(canonical):
            continue  # "Wali Kota Busan", "di Busan": the role's place, no one's name
        if mention.private_post:
            private_posts.add(canonical)
        elif mention.by_role:
            offices.add(canonical)
        if not mention.in_title and not mention.by_role:
            # how the article first names them: "Capim KPK Firli Bahuri" presents a candidate
            first_named.setdefault(canonical, mention.out_of_office in (_CANDIDATE, _ERA))
            (kin if mention.out_of_office == _RELATIVE else named_so).add(canonical)
            if mention.out_of_office != _CANDIDATE:
                not_as_candidate.add(canonical)
            # told of a candidacy in the paragraph, or anywhere in the article ("seleksi calon
            # pimpinan KPK"): one named before the gazetteer's first term of his, in no office
            # the article gives, is a candidate
            if mention.out_of_office == _CANDIDATE or (
                gaz.before_first_term(canonical, span)
                and (mention.out_of_office == _CANDIDACY_TOLD or words.tells_candidacy)
            ):
                candidates.add(canonical)
        existing = found.get(canonical)
        if existing is None and mention.in_title and not words.body & _name_words(canonical):
            continue  # a person the title names and the body does not ("Imam" counts)
        if existing is None and not role and gaz.before_office(canonical, span):
            elect = _elected_to(paragraphs, canonical, span)
            if not elect:
                continue  # "Gibran Rakabuming Raka" in 2019: no office of his yet
            role = elect  # "Nurul Ghufron" among the KPK's leaders elected in September 2019
            mention = replace(mention, role=role)
            offices.add(canonical)
        default_role = gaz.by_alias.get(canonical.lower(), (None, ""))[1] or (
            mined_gazetteer().by_alias.get(canonical.lower(), (None, ""))[1]
            if mention.mined
            else ""
        )
        if existing is None:
            found[canonical] = Official(
                canonical, role or gaz.role_on(canonical, default_role, span)
            )
        elif not existing.role and role:
            found[canonical] = Official(canonical, role)
    for canonical, role in _named_by_office(words, span):
        if canonical not in found and canonical not in private_posts:
            # "Menteri Pertanian (Mentan) , optimis ...", then "kata Amran": the name the
            # scraper cut after the office, of the one who held it on the article's date
            found[canonical] = Official(canonical, role)
            offices.add(canonical)
    for canonical in private_posts - offices:
        found.pop(canonical, None)  # presented only in a party's or a company's post
    for canonical in [c for c in found if c not in offices]:
        elect = _elected_to(paragraphs, canonical, span)
        if elect:
            # "Firli Bahuri terpilih sebagai Ketua KPK" in September 2019: chosen for the
            # office of his first term, not yet sworn in ("Ketua KPK terpilih")
            found[canonical] = Official(canonical, elect)
            offices.add(canonical)
    # a mined official's role is no more than his usual office: named so, no office is meant
    mined_only = {m.name for m in mentions if m.mined} - offices
    mined = mined_gazetteer()
    for canonical in mined_only:
        own = {w for w in mined.office_words.get(canonical, ()) if w[:1].isupper()}
        if not words.article & (own - _ROMAN_NUMERALS):
            # named without his office, in an article that names nothing of it ("Maluku" for
            # the Gubernur Maluku): another's namesake, or a figure of another story
            found.pop(canonical, None)
    for canonical in {c for c, out in first_named.items() if out} - offices:
        if canonical in found and (not found[canonical].role or canonical in mined_only):
            del found[canonical]  # a candidate, an era's name: no office on the article's date
    for canonical in kin - named_so - offices:
        if canonical in found and (not found[canonical].role or canonical in mined_only):
            del found[canonical]  # "dua putra Susilo Bambang Yudhoyono": only in passing
    for canonical, official in found.items():
        if not official.role and _named_to_later_office(paragraphs, canonical, span):
            candidates.add(canonical)  # "memilih Firli Bahuri menjadi Ketua KPK" in 2019
    for canonical in candidates - offices - not_as_candidate:
        if not words.body & gaz.office_words.get(canonical, frozenset()):
            # "calon Kapolri Budi Gunawan" (a story of 2015): presented only as a candidate,
            # whatever office the gazetteer gives him on the article's date, when the article
            # names no word of his offices ("Capim KPK Alexander Marwata" is the incumbent's)
            found.pop(canonical, None)
    for canonical in candidates - offices:
        if canonical in found and (not found[canonical].role or canonical in mined_only):
            # named as a candidate anywhere, in no office on the article's date nor by a role
            # the article gives: "Irjen Firli" of a story of KPK candidates in September 2019
            del found[canonical]
    contenders = [c for c in found if c in gaz.words and c not in offices]
    if contenders and words.tells_party_contest:
        heads_of_state = _roles().listed_offices
        for canonical in contenders:
            if gaz.by_alias.get(canonical.lower(), ("", ""))[1] in heads_of_state:
                continue  # "Pilpres yang memenangkan Jokowi-Maruf": the president, no contender
            if not words.body & gaz.office_words.get(canonical, frozenset()):
                # "Dukungan DPD Golkar Disebut Menguat ke Airlangga": a party's contest names
                # its contenders in their party's posts, whatever offices they hold elsewhere,
                # when the article gives none of them
                del found[canonical]
    for canonical in [c for c in found if c not in gaz.words]:
        if _ends_body_name(words.text, canonical):
            # "Kepala Balai Besar Wilayah , Ciliwung-Cisadane (BBWSCC) Bambang Hidayah": the
            # words end the body's name its short form spells, no one's name
            del found[canonical]
            continue
        first, _, rest = canonical.partition(" ")
        if _short_form_of_place(words.text, first, place_only=True):
            # "Bolaang Mongondow Selatan (Bolsel)" in one paragraph, "Kepala Dinas PUPR
            # Bolsel, Tedi Manika" in another: the place's short form, no one's name
            official = found.pop(canonical)
            if rest and rest not in found and _is_person_name(rest.split()):
                found[rest] = Official(rest, official.role)
    _fold_shorter_names(found)
    _fold_misspelt_one_word(found)
    return [Official(o.name, _gazetteer_label(o.name, o.role, span)) for o in found.values()]


def _gazetteer_label(canonical: str, role: str, span: tuple[int, int] | None = None) -> str:
    """A gazetteer official's role as the gazetteer gives it when the role names that office
    in other words ("Menteri Hukum dan Hak Asasi Manusia", "Menteri Hukum dan HAM": his
    "Menkumham"; "Presiden Amerika Serikat": "Presiden AS"), a former holder's word kept
    ("Mantan Menpora"): one office, one label. An office whose every term the gazetteer gives
    ended before the article's days is a former holder's ("Presiden ke-3 RI BJ Habibie" in
    2019: Mantan Presiden)."""
    gaz = gazetteer()
    held = gaz.roles.get(canonical)
    if not held or not role:
        return role
    role = _without_honours(role, canonical)  # "Menaker M. , Dhakiri": the name's initial
    former, office = _former_and_office(role)
    prefix = f"{former} " if former else ""
    spelt = _spelt_office(office)
    terms = gaz.terms.get(canonical, [])
    in_terms = {office for office, _, _ in terms}
    # the label its terms give first ("Menkeu", not the roles' "Menteri Keuangan")
    same = sorted((h not in in_terms, h) for h in held if _spelt_office(h) == spelt)
    if same and not (len(same) > 1 and same[0][0] == same[1][0]):
        role = f"{prefix}{same[0][1]}"
    elif not same:
        # the office written without its body or place ("Menteri Susi Pudjiastuti", "Gubernur
        # Anies Baswedan"): the one office of his it opens, held on the article's days when
        # he held several
        fuller = {h for h in held if _spelt_office(h)[: len(spelt)] == spelt != _spelt_office(h)}
        if span is not None:
            fuller = _offices_of_the_days(fuller, terms, span, former=bool(prefix))
        if len(fuller) == 1:
            role = f"{prefix}{fuller.pop()}"
    if prefix or span is None or role.split()[0] in _roles().acting_words:
        return role
    # its terms, and those of the office renamed with more words ("Menko Kemaritiman", then
    # "Menko Kemaritiman dan Investasi")
    spelt = _spelt_office(role)
    ends = [last for office, _, last in terms if _spelt_office(office)[: len(spelt)] == spelt]
    if ends and max(ends) < span[0]:
        return f"Mantan {role}"
    return role


def _former_and_office(role: str) -> tuple[str, str]:
    """A role's former holder's word (roles.toml `former_words`: "Mantan Menpora") and the
    office after it; "" and the role when it opens with none."""
    first, _, rest = role.partition(" ")
    if rest and first.lower() in _words_before_head("former_words"):
        return first, rest
    return "", role


def _offices_of_the_days(
    offices: set[str], terms: list[_Term], span: tuple[int, int], *, former: bool
) -> set[str]:
    """Of a known official's `offices`, those an article of `span` may mean: begun by then
    ("Menteri Mahfud MD" in September 2019 is no Menko Polhukam yet), ended before it for a
    former holder ("mantan Menteri Muhadjir Effendy" in November 2019: Mendikbud, not his
    Menko PMK), and of several the one held on its days."""
    dated = {h: [(b, e) for office, b, e in terms if office == h] for h in offices}
    if former:
        kept = {h for h in offices if dated[h] and max(e for _, e in dated[h]) < span[0]}
    else:
        kept = {h for h in offices if not dated[h] or min(b for b, _ in dated[h]) <= span[1]}
    if len(kept) > 1 and not former:
        kept = {h for h in kept if any(b <= span[0] and span[1] <= e for b, e in dated[h])}
    return kept


@cache
def _spelt_office(role: str) -> tuple[str, ...]:
    """An office's words in lower case with its short forms spelt out (the glossary's and
    roles.toml `office_long_forms`, twice over: "Menkumham" -> menteri hukum hak asasi
    manusia), without "dan" and "Bidang"."""
    return _office_words(canonical_role(role).split())


def _office_words(words: list[str]) -> tuple[str, ...]:
    """`_spelt_office` of a label's words."""
    table = load_toml("roles.toml").get("office_long_forms", {})
    words = _spelt_out(_spelt_out(words, table), table)
    return tuple(w.lower() for w in words if w.lower() not in ("dan", "bidang"))


@lru_cache(maxsize=CACHED_WORDS)
def office_key(label: str) -> str:
    """The office a label (`canonical_role`'s) names, however written: its words spelt out
    (`_spelt_office`) and roles.toml `office_key_words` read ("Provinsi" left out, "DKI" as
    "DKI Jakarta"): "Kapolda Jateng", "Kapolda Jawa Tengah" and "Kepala Kepolisian Daerah
    Jawa Tengah" are one office."""
    read = load_toml("roles.toml").get("office_key_words", {})
    words = [w for word in label.split() for w in read.get(word, word).split()]
    key: list[str] = []
    for word in _office_words(words):
        if not key or key[-1] != word:
            key.append(word)  # "DKI Jakarta", read "DKI Jakarta Jakarta"
    return " ".join(key)


# Labels mined from the corpus (search.ingest.extract.role_labels_mining): the label the
# corpus writes most for each office, by `office_key`.
MINED_ROLE_LABELS_FILE = "role_labels_mined.toml"


def _mined_label(label: str) -> str:
    """The corpus's label of the office `label` names (role_labels_mined.toml), or itself
    (read by `canonical_role` only, whose cache holds its answers)."""
    if not label:
        return label
    return load_toml(MINED_ROLE_LABELS_FILE).get("labels", {}).get(office_key(label), label)


# A name, then the office it is given: "Firli Bahuri menjadi Ketua KPK periode 2019-2023".
_GIVEN_OFFICE = re.compile(
    r"[ \t]+(?:\([^()\n]{1,30}\)[ \t]+)?(?i:sebagai|menjadi|jadi)[ \t]+((?:\S+[ \t]+){0,4}\S+)"
)


def _elected_to(paragraphs: list[str], canonical: str, span: tuple[int, int] | None) -> str:
    """The office a known official is told to be elected to, labelled so ("Ketua KPK
    terpilih"), or "": before the gazetteer's first term of his (not one won by a popular
    vote, `takes_later`), a paragraph naming him (any of his names) says someone was chosen
    (roles.toml `elected_words`) or gives his votes in a body's vote (`_votes_for_office`)
    and names a word of that office ("KPK"), tells of no readers' poll or survey (roles.toml
    `poll_words`: "Firli Bahuri terpilih" as the readers' choice is no election), and the
    sentence naming him calls no one a candidate ("Pak Firli (Calon Pimpinan (Capim) KPK
    terpilih)": readers leave him out). Read in the paragraph, not the sentence: a list of
    those chosen may follow the sentence saying so."""
    gaz = gazetteer()
    if not gaz.before_first_term(canonical, span):
        return ""
    role = min(gaz.terms[canonical], key=lambda term: term[1])[0]
    own = {w for w in role.split() if w not in _roles_words("generic_role_words")}
    if not own or not gaz.takes_later(canonical, role):
        return ""
    names = gaz.names_of(canonical)
    running = {w.lower() for w in _roles_words("candidate_words") | _roles_words("candidate_posts")}
    told = _elected_pattern()
    poll = _roles_word_pattern("poll_words", any_case=True)
    for i, text in enumerate(paragraphs):
        if (
            own.isdisjoint(_WORDS.findall(text))
            or poll.search(text)
            or not (told.search(text) or _votes_for_office(paragraphs, i, names))
        ):
            continue
        for sentence in _ELECTION_SENTENCES.split(text):
            words = _WORDS.findall(sentence)
            if not running.isdisjoint(w.lower() for w in words):
                continue
            if next(_names_written(sentence, names), None) is not None:
                return f"{role} terpilih"
    return ""


@cache
def _elected_pattern() -> re.Pattern[str]:
    words = sorted(_roles_words("elected_words"), key=len, reverse=True)
    return re.compile(rf"(?i)(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


def _votes_for_office(paragraphs: list[str], at: int, names: Sequence[str]) -> bool:
    """True when paragraph `at` gives one of the names a count of votes (`_votes_after_name`)
    in a body's vote for an office: it or the paragraph before it, which may lead the list
    in, tells of the vote (roles.toml `ballot_words`: "Komisi III DPR ... melakukan
    pemilihan lima pimpinan KPK", "pemungutan suara atau voting") and neither of a readers'
    poll or a survey (`poll_words`: "jajak pendapat pembaca ... Firli Bahuri (56 suara)"),
    whose votes elect no one."""
    text = paragraphs[at]
    if not _votes_after_name(text, names):
        return False
    told = "\n".join(paragraphs[max(0, at - 1) : at + 1])
    return (
        _roles_word_pattern("ballot_words", any_case=True).search(told) is not None
        and _roles_word_pattern("poll_words", any_case=True).search(told) is None
    )


def _votes_after_name(text: str, names: Sequence[str]) -> bool:
    """True when a count of votes follows one of the names in the text ("Firli Bahuri (56
    suara)", "Nurul Ghufron dengan 51 suara"; roles.toml `vote_words`)."""
    votes = _votes_pattern()
    return any(votes.match(text, m.end()) for m in _names_written(text, names))


def _names_written(text: str, names: Sequence[str]) -> Iterator[re.Match[str]]:
    """Each place one of `names` stands in `text` as whole words, in any case, the longest
    where several start: no letter or digit right beside it, nor an apostrophe or a hyphen
    that joins it to one ("Firli Bahuri (56 suara)", "‘Firli Bahuri’, ..."; not "Firli" in
    "Al-Firli" nor "Ruf Amin" in "Ma'ruf Amin")."""
    return _names_pattern(tuple(names)).finditer(text)


@lru_cache(maxsize=CACHED_WORDS)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    words = alternation(sorted({name.lower() for name in names}))
    return re.compile(rf"(?i)(?<!\w)(?<!\w['’-]){words}(?!\w)(?!['’-]\w)")


@cache
def _votes_pattern() -> re.Pattern[str]:
    """A count of votes right after a name: "(56 suara)", ", dengan 51 suara"."""
    table = load_toml("roles.toml")
    before = alternation(table.get("vote_words_before", []))
    words = alternation(table.get("vote_words", []))
    return re.compile(rf"[ \t]*(?:\(|,?[ \t]*(?:{before})[ \t]+)?\d+[ \t]+(?:{words})\b")


_ELECTION_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")  # a sentence's end


def _named_to_later_office(
    paragraphs: list[str], canonical: str, span: tuple[int, int] | None
) -> bool:
    """True when, before the gazetteer's first term of an official, the article writes one
    of his names followed by "sebagai"/"menjadi" and the office of a later term of his
    ("terpilihnya Firli Bahuri sebagai ketua KPK" in September 2019): elected or appointed,
    not yet in office."""
    gaz = gazetteer()
    if not gaz.before_first_term(canonical, span):
        return False
    names = gaz.names_of(canonical)
    for text in paragraphs:
        for name in _names_written(text, names):
            m = _GIVEN_OFFICE.match(text, name.end())
            if m:
                # "ketua KPK": the office in any case
                words = [w[:1].upper() + w[1:] for w in m.group(1).rstrip(".,;").split()]
                if words[0][:1].isalpha() and any(
                    gaz.takes_later(canonical, " ".join(words[:n]))
                    for n in range(1, len(words) + 1)
                ):
                    return True
    return False


def _fold_shorter_names(found: dict[str, Official]) -> None:
    """Drop a name of two words or more whose words, in order and from the first, are some of
    a longer name's the article also gives: "Menteri Sosial Agus Gumiwang" and "Mensos Agus
    Gumiwang Kartasasmita" are one person, under the fuller name (with the shorter one's role
    when the fuller has none), and so are a misspelt one's ("Presiden RI ke-3 Bachruddin
    Jusuf" of Bacharuddin Jusuf Habibie)."""
    for short in sorted(found, key=lambda n: len(n.split())):
        words = short.split()
        if len(words) < 2 or short not in found:
            continue
        for full in found:
            other = full.split()
            exact = other[0] == words[0] and _in_order(words, other, exact=True)
            if (
                len(other) > len(words)
                and _same_word(other[0], words[0])
                and _in_order(words, other)
                # a misspelt one only of the same person: no other office ("Kapolsek Tebet
                # Budi Hermawan" is not "Kepala Dinas Sosial Budi Hermawati Lestari")
                and (
                    exact
                    or not found[short].role
                    or not found[full].role
                    or same_office(found[short].role, found[full].role)
                )
            ):
                if not found[full].role and found[short].role:
                    found[full] = Official(full, found[short].role)
                del found[short]
                break


def _fold_misspelt_one_word(found: dict[str, Official]) -> None:
    """Drop a one-word name given an office when it is a misspelling of a word of one other
    name the article gives that office: "Kepala BMKG Dwikora" beside "Kepala BMKG Dwikorita
    Karnawati", "Menkumham Yasona" beside Yasonna Laoly, "Gubernur Syamsur" beside "Gubernur
    Riau Syamsuar" (the fuller or first one's name stays)."""
    gaz = gazetteer()
    order = list(found)
    for short in [n for n in order if " " not in n and found[n].role]:
        role = found[short].role
        alike = [
            other
            for other, official in found.items()
            if other != short
            and (" " in other or order.index(other) < order.index(short))
            and any(_misspelt_as(short, word) for word in other.split())
            and (
                (official.role and same_office(role, official.role))
                or (other in gaz.words and _holds(other, role))
            )
        ]
        if len(alike) == 1:
            del found[short]


# A one-word name misspelt from a word of another name keeps this many first letters of it
# ("Dwikora" of Dwikorita, "Yasona" of Yasonna; not "Soeharto" of Soekarno).
_MISSPELT_PREFIX = 4


def _misspelt_as(short: str, word: str) -> bool:
    """`short` is `word` misspelt (`_same_word`), keeping its first letters."""
    return _same_word(short, word) and short[:_MISSPELT_PREFIX] == word[:_MISSPELT_PREFIX]


def _in_order(words: list[str], other: list[str], *, exact: bool = False) -> bool:
    rest = iter(other)
    return all(
        any(word == o or (not exact and _same_word(word, o)) for o in rest) for word in words
    )


# A name's word this long may be misspelt by this many letters and stay that word.
_MISSPELT_NAME_WORD = (6, 2)


def _same_word(word: str, other: str) -> bool:
    """One word of a name, or a misspelling of it ("Bachruddin", "Baharudin": Bacharuddin)."""
    length, edits = _MISSPELT_NAME_WORD
    return word == other or (
        min(len(word), len(other)) >= length
        and word[0] == other[0]
        and Levenshtein.distance(word, other, score_cutoff=edits) <= edits
    )
