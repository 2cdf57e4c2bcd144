"""One name per official over a whole index: the names the articles give officials, with how
many articles give each, merged where several are one person.

Each article names its officials on its own (search.ingest.extract.officials), so one person
may reach the index under several spellings: a misspelling ("Sri Muklyani Indrawati"), an old
or a new spelling ("Donny Monardo", "Doni Munardo" for Doni Monardo; "Azis" and "Aziz"), a word
the page glued to the name when it lost a space or a line ("Inspektur Luki Hermawan",
"Utara Sigit Widjatmoko") or a shorter form ("Taj Yasin" for Taj Yasin Maimoen). Over the
index, a name goes under another when

- it is that name after a leading word that is no one's name (a rank, also misspelt by a
  letter or with "Pol" glued on, "Komes", "Kombespol"; a place, a common word, an acronym
  or an initial) and the other is as frequent or a gazetteer name;
- it is that name but for a space lost or added ("SriMulyani", "TitoKarnavian", "Dwi
  Korita Karnawati" for Dwikorita Karnawati): the same letters once spellings are made
  alike, and the other is a gazetteer name, or more frequent, or as frequent in more words;
- it is spelt like it: the same words once spellings are made alike (y and i, z and s, dj and
  j, oe and u, ch and h, doubled letters, an h after a consonant), and the other is more
  frequent or a gazetteer name; or one word a slip apart, "ch" counted as written or as "h"
  ("Isa Rachmatawata" and "Isa Racwatarwata") (two in a word of six letters or more, but
  not only consonants for consonants: "Sukarno" and "Suparno" are two names, unless the
  slip made a common word, "Nama Sudjana", or swapped two letters, "Haharap"),
  and the other is the only such name and ranks above it (a gazetteer name, then more
  articles), or the one much more frequent of several;
- its words are, in order, words of one fuller name, whatever their counts (an initial
  standing for a word, "HM" for "H. M."; "Javad Zarif" of Mohammad Javad Zarif), when the
  fuller name has no word glued before it (a rank, a place), or more articles, or a given
  name before it and one office of one holder written alike with its place ("Hamid
  Rizal" of Abdul Hamid Rizal, "Bupati Natuna"), and it is
  not a gazetteer name or alias (a gazetteer alias that the article did not give to its
  holder is someone else: "Sri Mulyani", deputy regent of Klaten); of several such fuller
  names, the one that holds all the others ("Desmond J. Mahesa", "Desmond Junaidi Mahesa");
- it is that name with one word cut short ("Bambang Brodjo" of Bambang Brodjonegoro), maybe
  with its last words left out ("Wido Eko" of Widodo Eko Prihastopo), the other ranks above
  it and articles give both an office one person holds at a time;
- it is one word after a word glued on it, the office or a word of the office
  ("Menkopolhukam Wiranto", "Pangan Suwandi" of "Dirjen Tanaman Pangan Suwandi"), and that
  word names an office the name is given, or articles give both one office;
- it is one word, the last word (or, with fewer articles, the first) of one longer name
  (of several, of the one given its office), and articles give both one office ("Gubernur Papua" Enembe and Lukas Enembe; a Kapolsek
  Zulkifli is not the minister Masagos Zulkifli), a former holder's too ("Mantan Presiden
  Zimbabwe" Mugabe; roles.toml's `former_words`);
- it is one word spelt like (a slip or two apart) one name of one word, the first or last
  word of one longer name or a one-word gazetteer alias, when that name is a gazetteer name
  or much more frequent, and articles give both an office one person holds at a time
  ("Kepala BPS" Suhariyano and Suhariyanto, "Menkumham" Yasona and Yasonna Laoly, "Perdana
  Menteri India" Narenda and Narendra Modi; two Kapolsek a letter apart stay two).
- it is that name after a word glued on that is no given name but a place of any kind
  ("Texas Greg Abbott", place_names.txt) or a word of an office that name is given, also
  misspelt by a letter ("Ombudsman Ahmad Suaedy", "Polhulkam Wiranto" of Menko Polhukam;
  roles.toml's heads and labels say which words name offices), or that name with a word
  written twice ("Polana Polana B. Pramesti");
- it is one word a slip apart, whatever the letters, from a name ranking above it that
  each of its first articles names too ("Hamin Pou" beside Hamim Pou);
- its words end (or begin) one fuller name that each of its first articles names too, or
  whose words before them end a role it is given ("Yuni Sukowati" of Kusdinar Untung Yuni
  Sukowati; "Yusuf", "Kepala Dinas Sumber Daya Air Juani", of Juaini Yusuf);
- it is one word, the beginning of a longer word of one name given one office of one
  holder written alike with its place ("Rudy" of FX Hadi Rudyatmo, "Wali Kota Solo");
- it is a nickname after a word of kinship or affection ("Paman Birin"; person_names.toml's
  `nickname_words`) and the end of a longer word of the one name given one office (Sahbirin
  Noor, "Gubernur Kalsel");
- its words and another's are one name written more or less fully, the first word for the
  first (initials for words, spellings made alike, one word a slip apart whatever the
  letters: "AM Dicky", "Andi Moch Dicky", "Andy M Dicky", "AM Dicky Pastika Gading"; "Yudi
  Dinyati" and "Yudi Dimyati"), and articles give both one office of one holder
  written alike with its place or body ("Kapolres Bogor"): all go under the one of them
  ranking first.

A spelling goes under no name when articles give it only regional or local offices of one
holder of a kind the other is never given, and the other an office of one holder that is no
such office: AKBP Arif Budiman, Kapolres Jepara, is not the Ketua KPU Arief Budiman.
A gazetteer name or alias goes under the gazetteer's name. What counts as a word of no name
and how much more frequent "much" is live here; the names are the index's own. Both engines
list the officials facet with the variants' counts added to their name's (`merged_counts`)
and filter by a name with its variants (`with_variants`); a variant written in a filter is
read as its name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from itertools import pairwise

from rapidfuzz.distance import OSA

from search.ingest.extract.officials import (
    canonical_role,
    gazetteer,
    holds_office_kind,
    is_common_word,
    is_title,
    names_no_country,
    office_kinds_apart,
    one_holder,
    same_office,
)
from search.ingest.extract.person_names import (
    is_agency_word,
    is_place,
    nickname_words,
    not_names,
    place_name_kind,
)
from search.lexicon import load_toml, name_roots, places

# How many of a name's articles are read for the roles they give it (a surname's office).
ROLE_SAMPLE = 20
# A misspelling goes under a name at least this many times as frequent.
MUCH_MORE_FREQUENT = 2
# Words shorter than this are never taken for another word a letter apart.
MIN_MISSPELT_LENGTH = 4
# Ranks and titles this long are known misspelt by a letter ("Komes" for Kombes).
MIN_TITLE_SLIP_LENGTH = 5
# A nickname after a word of kinship this long or longer is read as the end of a given name.
MIN_NICKNAME_LENGTH = 4
# Words this long may be two slips apart ("Busyroh" and "Busro"); shorter ones, one.
TWO_SLIPS_LENGTH = 6
_VOWELS = frozenset("aeiou")
_C_AND_K = frozenset("ck")  # one sound written two ways ("Marcus", "Markus")
_INITIAL = re.compile(r"[A-Z]\.?")
_INITIALS = re.compile(r"[A-Z]{2,3}\.?")  # initials written together: "HM Prasetyo"
_CH = re.compile(r"ch")
# Marks inside a name that its letters do not need: "M. Nasir", "Ma'ruf", "Perangin-angin".
_MARKS = re.compile(r"[’'`.-]")
_SPELLINGS = (
    (_MARKS, ""),
    (re.compile(r"dj"), "j"),
    (re.compile(r"kh"), "h"),
    (_CH, "h"),
    (re.compile(r"tj"), "c"),
    (re.compile(r"oe"), "u"),
    (re.compile(r"(?<=[^aeiou\s])h"), ""),
    (re.compile(r"[yj](?=[aeiou])|y"), "i"),
    (re.compile(r"z"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(.)\1+"), r"\1"),
)


def canonical_names(
    counts: Mapping[str, int],
    roles: Callable[[str], Iterable[str]] | None = None,
    beside: Callable[[str], Iterable[str]] | None = None,
) -> dict[str, str]:
    """Each name of `counts` (name -> articles) that is another's variant -> that other
    name (the one it finally goes under); names that stay as they are are left out.
    `roles(name)`: the roles articles give a name (some of them); without it, a name of one
    word goes under no other. `beside(name)`: the names every one of its first articles
    names too (`named_beside`); without it, a cut name goes under no fuller one by the
    article they share."""
    names = _Names(counts)
    merged: dict[str, str] = {}
    full_forms = gazetteer().full_forms
    for name in sorted(counts):
        if name.lower() in full_forms:  # "Aziz Syamsuddin": the gazetteer's Azis Syamsuddin
            if full_forms[name.lower()] != name:
                merged[name] = full_forms[name.lower()]
        else:
            target = (
                _without_glued_words(name, names, roles)
                or _without_doubled_word(name, names)
                or _slip_beside(name, names, beside)
                or _spelling_of(name, names)
                or _with_lost_space(name, names)
                or _reordered(name, names)
            )
            if target is not None:  # "Aziz Syamsuddin": the gazetteer's Azis Syamsuddin
                target = full_forms.get(target.lower(), target)
            if target is not None and not (
                target in counts and _offices_apart(name, target, roles)
            ):
                merged[name] = target
    _resolve_chains(merged)
    # Shorter forms, against the names left once the spellings are merged.
    # Each name counts its spellings' articles too ("Naisyahtun Azikin" for Naisyah Tun Azikin).
    totals = {n: c for n, c in counts.items() if n not in merged}
    for name, target in merged.items():
        if target in totals:
            totals[target] += counts[name]
    left = _Names(totals)
    for name in sorted(left.counts):
        if name.lower() in full_forms:
            continue
        target = (
            _fuller_form(name, left, roles)
            or _cut_form(name, left, roles)
            or _office_glued_on(name, left, roles)
            or _surname_of(name, left, roles)
            or _one_word_slip_of(name, left, roles)
            or _nickname_of(name, left, roles)
            or _end_of_fuller(name, left, roles, beside)
            or _short_for(name, left, roles)
        )
        if target is not None:
            merged[name] = target
    _resolve_chains(merged)
    # Forms of one name given one office of one holder ("AM Dicky", "Andi Moch Dicky",
    # "Andy M Dicky": Kapolres Bogor), against the names left.
    rest = {n: c for n, c in left.counts.items() if n not in merged}
    merged.update(_forms_of_one_holder(_Names(rest), roles))
    _resolve_chains(merged)
    # A name goes only under a name some article gives: a facet lists what it counts.
    return {name: target for name, target in merged.items() if target in counts}


def quoted_official(name: str) -> str | None:
    """The gazetteer official a name of the people quoted is: the gazetteer's name or an
    alias ("Anies Rasyid Baswedan", "Jokowi"), not a partial one ("Sri Mulyani", "Prabowo"):
    extraction quotes a speaker named so under the official's name wherever the article does
    not keep them apart (`People.as_quoted` of search.ingest.extract.quotes.people), so a
    partial alias left in an index is someone else (the deputy regent of Klaten). None for
    no official."""
    gaz = gazetteer()
    key = name.lower()
    if key in gaz.partial:
        return None
    found = gaz.by_alias.get(key)
    return found[0] if found else gaz.full_forms.get(key)


# A word that this many names of the people quoted hold ("muhammad", "agus") links no
# speaker to an official: the spellings of one official are looked for among the speakers
# sharing one of the official's rarer words, a few each, not among every speaker at once
# (that took minutes with a hundred thousand names).
MAX_WORD_SPEAKERS = 40


def speaker_variants(
    counts: Mapping[str, int], official_variants: Mapping[str, str]
) -> dict[str, str]:
    """Each name of the people quoted (`counts`: name -> articles) that is another spelling
    of a known official -> the one name it goes under, as the officials facet merges them:
    the spelling of several words the officials facet puts under a name
    (`official_variants`), a gazetteer name or alias ("Anies Rasyid Baswedan", "Jokowi") but
    a partial one, or a spelling `canonical_names` merges with a gazetteer name quoted as
    such ("Laode M. Syarief", "Jenderal Tito Karnavian") or that name with initials between
    its words ("Yasonna H. Laoly"). Other speakers stay as they are: a quoted "Budi"
    is anyone called Budi (the officials facet reads a one-word name by the role beside it,
    which a quote does not have), and without the roles an official is given, two people a
    letter apart ("Nana Sudjana", "Nana Suryana") may be two, and a partial alias ("Sri
    Mulyani") is someone else (`quoted_official`). A person no article quotes under the
    gazetteer's name goes under the spelling most articles quote."""
    full_forms = gazetteer().full_forms
    merged: dict[str, str] = {}
    for name in counts:
        several = len(name.split()) > 1
        target = official_variants.get(name, name) if several else name
        # (a filter by a gazetteer name finds its aliases, one word too: "Jokowi")
        target = quoted_official(target) or target
        if target != name:
            merged[name] = target
    famous = set(full_forms.values())
    for name, target in _spellings_of_quoted_officials(counts, merged, famous).items():
        target = merged.get(target, target)
        if target in famous and target != name:
            merged[name] = target
    for name, target in _spelt_alike(counts, merged).items():
        merged[name] = target
    for name, target in _without_heads(counts, merged, famous).items():
        merged[name] = merged.get(target, target)
    # A person quoted only under other spellings: under the most quoted of them.
    groups: dict[str, list[str]] = {}
    for name, target in merged.items():
        groups.setdefault(target, []).append(name)
    for target, names in groups.items():
        if target not in counts:
            first = min(names, key=lambda n: (-counts[n], n))
            for name in names:
                merged[name] = first
            del merged[first]
    return merged


def _spelt_alike(counts: Mapping[str, int], merged: Mapping[str, str]) -> dict[str, str]:
    """Names of two words or more of the people quoted that are one name written two ways,
    its letters the same but for case, dots, apostrophes and hyphens ("M Nasir" and "M.
    Nasir", "Mohammed bin Salman" and "Mohammed Bin Salman", "Gigi Dall'Igna" and "Gigi
    Dall’Igna") -> the one they go under: the name one of them already goes under (an
    official), else the most quoted of them. Names a letter apart stay apart: "Djoko
    Siswanto" of the Dirjen Migas and "Joko Siswanto", a rector, are two people, and so are
    "Bambang Riyanto" and "Bambang Rijanto"; so does a name of one word (a quoted "Budi" is
    anyone)."""
    groups: dict[str, list[str]] = {}
    for name in counts:
        if len(name.split()) > 1:
            groups.setdefault(_written_key(name), []).append(name)
    found: dict[str, str] = {}
    merged_to = set(merged.values())
    for names in groups.values():
        if len(names) < 2:
            continue
        # (an official's spelling may be a name others go under, not one of them itself)
        targets = {merged.get(n, n) for n in names if n in merged or n in merged_to}
        if len(targets) > 1:
            continue  # spellings of two officials: left as the officials facet has them
        target = targets.pop() if targets else min(names, key=lambda n: (-counts[n], n))
        found.update({name: target for name in names if name != target and name not in merged})
    return found


def _without_heads(
    counts: Mapping[str, int], merged: Mapping[str, str], famous: set[str]
) -> dict[str, str]:
    """Names of the people quoted that are another's name of two words or more after words
    that are no one's name, a headline's or a body's glued on ("TNI Hadi Tjahjanto", "Jasa
    Marga Irra Susiyanti", "Pers Mohammad Nuh", "Skuat Simon McMenemy") or an initial ("M.
    Hanif Dhakiri") -> that name, when it is quoted in as many articles or more, or is a
    gazetteer official's. Not after a word of kinship ("Keluarga Robert Mugabe": his family
    speaks) nor a given name that is a word ("Teguh Dwi Nugroho", "Bunga Kirana Larasati")."""
    found: dict[str, str] = {}
    for name, articles in counts.items():
        if name in merged:
            continue
        words = name.split()
        for cut in range(1, len(words) - 1):
            rest = " ".join(words[cut:])
            if not ((rest in counts and counts[rest] >= articles) or rest in famous):
                continue
            # (the first word glued on says it is no name: "Jasa Marga Irra Susiyanti")
            if (
                words[0].lower() not in _given_places()
                and _no_ones_name(words[0])
                and not any(w.rstrip(".").lower() in _kin_words() for w in words[:cut])
            ):
                found[name] = rest
            break
    return found


def _no_ones_name(word: str) -> bool:
    """A word glued before a name that is no part of it: an acronym ("TNI", "PPP"), an
    initial, a place's or a body's word, a dictionary word the corpus does not write as a
    name ("Pidana", "Skuat"); never a word of kinship ("Keluarga", "Istri")."""
    bare = word.rstrip(".")
    if bare.lower() in _kin_words():
        return False
    if len(bare) == 1 or (len(bare) > 1 and bare.isupper()):
        return True
    return (
        bare in not_names()
        or is_agency_word(bare)
        or is_place([bare])
        or (is_common_word(bare) and bare.lower() not in name_roots())
    )


@cache
def _kin_words() -> frozenset[str]:
    """Words of kinship and address (speech.toml `relations`, `address_titles`,
    `honorifics`; "Keluarga X" is X's family, "Bude X" may be another): never cut off a
    name."""
    speech = load_toml("speech.toml")
    words = [
        *speech.get("relations", []),
        *speech.get("address_titles", []),
        *speech.get("honorifics", []),
        "bunda",  # "Bunda Jefri Nichol": his mother
    ]
    return frozenset(w.lower() for w in words)


@cache
def _given_places() -> frozenset[str]:
    """Given names that are places' too (person_names.toml `names_also_places`): opening a
    name, a person's ("Bambang Brodjonegoro"); after another word, maybe a body's ("Jasa
    Marga Irra Susiyanti")."""
    return frozenset(w.lower() for w in load_toml("person_names.toml").get("names_also_places", []))


def _written_key(name: str) -> str:
    """A name's letters and words, lower case, without accents, dots, apostrophes and hyphens."""
    return " ".join(_MARKS.sub("", _plain(name)).split())


def _plain(name: str) -> str:
    """`name` in lower case without accents ("António" -> "antonio")."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c)
    )


def _spellings_of_quoted_officials(
    counts: Mapping[str, int], merged: Mapping[str, str], famous: set[str]
) -> dict[str, str]:
    """`canonical_names` over each gazetteer official quoted under the gazetteer's name and
    the speakers of several words not merged yet that share one of its words that few
    speakers have (MAX_WORD_SPEAKERS)."""
    by_word: dict[str, list[str]] = {}
    for name in counts:
        if name in merged or name in famous or len(name.split()) < 2:
            continue
        for word in set(spelling_key(name).split()):
            if len(word) >= 4:
                by_word.setdefault(word, []).append(name)
    found: dict[str, str] = {}
    for official in sorted(famous & set(counts)):
        near: set[str] = set()
        for word in set(spelling_key(official).split()):
            holders = by_word.get(word, ())
            if len(word) >= 4 and len(holders) <= MAX_WORD_SPEAKERS:
                near.update(holders)
        near -= found.keys()
        if not near:
            continue
        group = {name: counts[name] for name in near} | {official: counts[official]}
        for name, target in canonical_names(group).items():
            if target == official:
                found[name] = official
        for name in near - found.keys():
            if _with_middle_initials(name, official):
                found[name] = official
    return found


def _with_middle_initials(name: str, official: str) -> bool:
    """True when `name` is `official` with initials between its words: "Yasonna H. Laoly" is
    Yasonna Laoly, "Laode Muhammad M Syarif" is no such form."""
    words, wanted = spelling_key(name).split(), spelling_key(official).split()
    if len(words) <= len(wanted) or words[0] != wanted[0] or words[-1] != wanted[-1]:
        return False
    rest = [w for w in words if w not in wanted]
    return len(words) - len(rest) == len(wanted) and all(len(w.rstrip(".")) <= 2 for w in rest)


def roles_given(name: str, officials: Iterable[Iterable[tuple[str, str]]]) -> set[str]:
    """The roles articles' (name, role) pairs of officials give `name`."""
    return {role for pairs in officials for n, role in pairs if n == name and role}


def named_beside(name: str, officials: Iterable[Iterable[tuple[str, str]]]) -> set[str]:
    """The names, but `name`, that every article's (name, role) pairs of officials name."""
    found: set[str] | None = None
    for pairs in officials:
        names = {n for n, _ in pairs if n != name}
        found = names if found is None else found & names
    return found or set()


def _resolve_chains(merged: dict[str, str]) -> None:
    """A chain (a glued word, then a misspelling) to its end."""
    for name in list(merged):
        seen = {name}
        while merged[name] in merged and merged[name] not in seen:
            seen.add(merged[name])
            merged[name] = merged[merged[name]]
        if merged[name] == name:
            del merged[name]


def merged_counts(
    counts: Iterable[tuple[str, int]],
    variants: Mapping[str, str],
    exact: Iterable[tuple[str, int]] = (),
) -> list[tuple[str, int]]:
    """A facet's (name, articles) with its variants under each name, most first, then by
    name: the articles counted under a name that variants go under are `exact`'s (each
    article once, whichever of them it writes); names counted nowhere are left out, but
    those `counts` lists with 0 (a filter's)."""
    counts = list(counts)
    if not any(name in variants for name, _ in counts):
        return counts  # no variant counted: the list as it is
    totals: dict[str, int] = {}
    for name, count in counts:
        name = variants.get(name, name)
        totals[name] = totals.get(name, 0) + count
    for name, count in exact:
        if name in totals:
            totals[name] = count
    return sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))


def with_variants(names: Iterable[str], variants: Mapping[str, str]) -> tuple[str, ...]:
    """`names` and every variant that goes under one of them (a filter's names)."""
    chosen = set(names)
    return tuple(sorted(chosen | {v for v, name in variants.items() if name in chosen}))


class _Names:
    """The index's names with their counts, spelling keys and lookups by key and by
    word."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self.keys = {name: spelling_key(name).split() for name in counts}
        self.by_key: dict[tuple[str, ...], list[str]] = {}
        self.by_key_but_one: dict[tuple[int, tuple[str, ...]], list[str]] = {}
        # the spelling key's words in alphabetical order -> the names ("Ida Made Bagus
        # Winarta", "Ida Bagus Made Winarta")
        self.by_words: dict[tuple[str, ...], list[str]] = {}
        self.by_word: dict[str, list[str]] = {}  # a written-out word -> the longer names
        # the spelling key without spaces -> the names ("srimulyani": "SriMulyani", "Sri Mulyani")
        self.by_joined: dict[str, list[str]] = {}
        # the first letter -> (the key of a one-word name or of a longer name's first or last
        # word, the name)
        self.by_letter: dict[str, list[tuple[str, str]]] = {}
        # a first word, lower case -> how many names open with it (a given name opens several)
        self.first_words: dict[str, int] = {}
        for name in sorted(counts):
            words = name.split()
            if words:
                first = words[0].rstrip(".,").lower()
                self.first_words[first] = self.first_words.get(first, 0) + 1
            if len(words) > 1:
                for word in {_bare(w) for w in words}:
                    self.by_word.setdefault(word, []).append(name)
            key = self.keys[name]
            self.by_key.setdefault(tuple(key), []).append(name)
            self.by_joined.setdefault("".join(key), []).append(name)
            self.by_words.setdefault(tuple(sorted(key)), []).append(name)
            for word in {key[0], key[-1]} if key else ():
                self.by_letter.setdefault(word[:1], []).append((word, name))
            for i in range(len(key)):
                self.by_key_but_one.setdefault((i, tuple(key[:i] + key[i + 1 :])), []).append(name)


def _is_gazetteer_name(name: str) -> bool:
    return name.lower() in gazetteer().full_forms


def _without_glued_words(
    name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None = None
) -> str | None:
    """ "Inspektur Luki Hermawan" -> "Luki Hermawan": the name without leading words that
    are no one's name (`_no_name`, or `_glued_before`: "Texas Greg Abbott", "Ombudsman Ahmad
    Suaedy"), when that name is as frequent or a gazetteer name."""
    words = name.split()
    for cut in (1, 2):
        rest = " ".join(words[cut:])
        if len(words) - cut < 2 or not all(
            _no_name(w) or _glued_before(w, rest, names, roles) for w in words[:cut]
        ):
            break
        if names.counts.get(rest, 0) >= names.counts[name] or _is_gazetteer_name(rest):
            return rest
    return None


def _glued_before(
    word: str, rest: str, names: _Names, roles: Callable[[str], Iterable[str]] | None
) -> bool:
    """True for a word before the name `rest` that is no given name but a place of any
    kind ("Texas", place_names.txt) or a word of an office `rest` is given, also misspelt
    by a letter ("Ombudsman" of "Anggota Ombudsman", "Polhulkam" of "Menko
    Polhukam"): the page glued its office or place to the name. A given name is a word a
    gazetteer name has, a dictionary root the corpus writes capitalised (`name_roots`),
    or the first word of another name of the index ("Atalia Ridwan Kamil", "Thony Saut
    Situmorang" stay)."""
    bare = word.rstrip(".,")
    lower = bare.lower()
    if (
        len(bare) < 2
        or lower in name_roots()
        or lower in _gazetteer_words()
        or names.first_words.get(lower, 0) > 1
    ):
        return False
    if place_name_kind([bare]):
        return True
    if roles is None:
        return False
    if rest not in names.counts:
        return False
    given = set(roles(rest)) | gazetteer().roles.get(rest, frozenset())
    # words of its offices that are office words, not a name the page put in the role
    # ("Juani", "Kepala Dinas Sumber Daya Air Juani", is Juaini Yusuf's)
    role_words = {
        w for role in given for w in re.split(r"[\s/-]+", role.lower()) if w in _office_words()
    }
    return lower in role_words or (
        len(lower) >= MIN_TITLE_SLIP_LENGTH
        and any(
            w[:1] == lower[:1] and len(w) >= MIN_TITLE_SLIP_LENGTH and OSA.distance(w, lower) == 1
            for w in role_words
        )
    )


@cache
def _office_words() -> frozenset[str]:
    """The words of roles.toml's offices and their labels, lower case ("ombudsman",
    "polhukam")."""
    data = load_toml("roles.toml")
    offices = [*data["heads"], *data["labels"], *data["labels"].values()]
    return frozenset(w.lower() for office in offices for w in re.split(r"[\s/-]+", office))


def _without_doubled_word(name: str, names: _Names) -> str | None:
    """ "Polana Polana B. Pramesti" -> "Polana B. Pramesti": a name with a word written
    twice in a row goes under the name written once, when the index has it."""
    words = name.split()
    once = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    if len(once) == len(words) or len(once) < 2:
        return None
    rest = " ".join(once)
    return rest if rest in names.counts else None


def without_titles(name: str) -> list[str]:
    """`name` without its first word, then without its first two, and so on while those
    words are no one's name: a rank or a form of address ("Irjen", "Bu", "pak"), a word of an
    office ("Presiden", "Kapolda") or a place ("Jatim"). How people write an official in a
    filter: "Kapolda Jatim Irjen Luki Hermawan" gives "Jatim Irjen Luki Hermawan", "Irjen
    Luki Hermawan" and "Luki Hermawan"."""
    words = name.split()
    found = []
    for cut in range(1, len(words)):
        bare = words[cut - 1].rstrip(".,")
        if not (bare.lower() in _office_words() or _no_name(bare) or _no_name(bare.capitalize())):
            break
        found.append(" ".join(words[cut:]))
    return found


def names_an_office(name: str) -> bool:
    """A name typed in a filter that is an office, not a person: words of offices, then
    places or short forms ("Kapolri", "Menteri Keuangan", "Kapolda Metro Jaya", "Gubernur
    Riau"; not "Jenderal Gatot", where a name follows the rank)."""
    words = [w.rstrip(".,") for w in name.split()]
    offices = _office_words()

    def of_office(word: str) -> bool:
        return (
            word.lower() in offices
            or word.capitalize() in places()
            or word in places()
            or (word.isupper() and len(word) <= 5)
        )

    return bool(words) and words[0].lower() in offices and all(map(of_office, words[1:]))


def _no_name(word: str) -> bool:
    """A word no person's name starts with: a rank or title, a place, an acronym, an
    initial, or a common word that is no word of a gazetteer name ("Marga", "Utara"; not
    "Budi")."""
    bare = word.rstrip(".")
    return (
        is_title(bare)
        or _misspelt_title(bare)
        or bare in places()
        or (bare.isupper() and len(bare) <= 4)
        or bool(_INITIAL.fullmatch(word))
        or (is_common_word(bare) and bare.lower() not in _gazetteer_words())
    )


def _misspelt_title(word: str) -> bool:
    """A rank or title of `MIN_TITLE_SLIP_LENGTH` letters or more misspelt by the page, a
    letter lost or another for one ("Komes", "Irhen"; not "Habibi", a letter more, nor a
    given name the corpus writes, `name_roots`), or with "Pol" glued on ("Kombespol")."""
    if word.lower().endswith("pol") and is_title(word[:-3]):
        return True
    if len(word) < MIN_TITLE_SLIP_LENGTH - 1 or word.lower() in name_roots():
        return False
    return any(
        len(title) >= MIN_TITLE_SLIP_LENGTH
        and title[0] == word[0]
        and len(title) - len(word) in (0, 1)
        and OSA.distance(title, word) == 1
        for title in _titles()
    )


@cache
def _titles() -> tuple[str, ...]:
    return tuple(t.rstrip(".") for t in load_toml("roles.toml")["titles"])


def _glued_on(word: str) -> bool:
    """A word glued before a name by a page: a rank or title, a place or a compass word,
    an acronym ("Barat Harrison"); not a given name that is also a dictionary word ("Dian"
    Triansyah Djani)."""
    bare = word.rstrip(".")
    return is_title(bare) or is_place([bare]) or (bare.isupper() and len(bare) <= 4)


def _given_initials(word: str) -> bool:
    """Two capitals standing for given names ("AM" Hendropriyono), not a title, a place, a
    word of an office or a body a role names ("RI", "AS", "PT")."""
    return (
        len(word) == 2
        and word.isupper()
        and not is_title(word)
        and not is_place([word])
        and word.lower() not in _office_words()
        and word not in _body_words()
    )


@cache
def _body_words() -> frozenset[str]:
    """roles.toml's words of a role's place or body ("RI", "AS", "PT")."""
    data = load_toml("roles.toml")
    return frozenset(
        w for key in ("qualifiers", "parties", "private_bodies", "public_bodies") for w in data[key]
    )


@cache
def _gazetteer_words() -> frozenset[str]:
    return frozenset(w for words in gazetteer().words.values() for w in words)


def spelling_key(name: str, *, ch_as_h: bool = True) -> str:
    """`name` with its spellings made alike: "Donny Monardo" and "Doni Monardo" are one,
    "Achmad" and "Ahmad", and "António Guterres" and "Antonio Guterres". Without `ch_as_h`
    a "ch" keeps its "c" ("Rachmat": "racmat"), as a page's slip of the hand may
    ("Racwatarwata")."""
    key = _plain(name)
    for pattern, replacement in _SPELLINGS:
        if ch_as_h or pattern is not _CH:
            key = pattern.sub(replacement, key)
    return key


def _spelling_of(name: str, names: _Names) -> str | None:
    """The one name spelt like `name` that it goes under: the same spelling key and more
    frequent (or a gazetteer name), or one word a slip or two apart (see `_slips_apart`) and
    the only such name, ranking above it (a gazetteer name, then more articles); of several,
    the one gazetteer name or much more frequent name."""
    counts, key = names.counts, names.keys[name]
    if len(key) < 2:
        return None
    candidates = {
        other
        for other in names.by_key.get(tuple(key), ())
        if other != name
        and (_is_gazetteer_name(other) or (counts[other], other) > (counts[name], name))
    }
    apart = set()
    words = name.split()
    for i in range(len(key)):
        for other in names.by_key_but_one.get((i, tuple(key[:i] + key[i + 1 :])), ()):
            theirs = names.keys[other][i]
            if key[i] != theirs and (
                _slips_apart(key[i], theirs)
                or _slips_apart(*(_ch_kept(n, i) for n in (name, other)))
                or (len(words) == len(key) and _slip_to_common_word(words[i], key[i], theirs))
            ):
                apart.add(other)
    apart = _one_per_spelling(apart, names)
    if len(apart) == 1 and not candidates:
        other = next(iter(apart))
        if _ranks_above(other, name, names) and not (
            _is_gazetteer_name(name) and _is_gazetteer_name(other)
        ):
            return other
    candidates |= {
        other
        for other in apart
        if _is_gazetteer_name(other) or counts[other] >= MUCH_MORE_FREQUENT * counts[name]
    }
    listed = {c for c in candidates if _is_gazetteer_name(c)} or candidates
    return listed.pop() if len(listed) == 1 else None


def _reordered(name: str, names: _Names) -> str | None:
    """The name of the same three words or more, spelt alike, the first and the last in
    place and those between in another order, that ranks first (a gazetteer name, then more
    articles, then alphabetical order), when it ranks above `name`: one page put a name's
    words out of order ("Ida Made Bagus Winarta" for Ida Bagus Made Winarta; "Salman bin
    Abdulaziz" and his son Abdulaziz bin Salman are two)."""
    key = names.keys[name]
    if len(key) < 3:
        return None
    others = [
        o
        for o in names.by_words.get(tuple(sorted(key)), ())
        if (theirs := names.keys[o]) != key and theirs[0] == key[0] and theirs[-1] == key[-1]
    ]
    best = min(others, key=lambda o: (not _is_gazetteer_name(o), -names.counts[o], o), default="")
    return best if best and _ranks_above(best, name, names) else None


def _ch_kept(name: str, i: int) -> str:
    """The spelling key of a name's word `i` with its "ch" kept as "c": a slip is counted
    on the letters the page wrote ("Rachmatawata" is two slips from "Racwatarwata", not
    three); an empty word when the name's words and its key's differ in number."""
    words = spelling_key(name, ch_as_h=False).split()
    return words[i] if len(words) == len(spelling_key(name).split()) else ""


def _one_per_spelling(found: set[str], names: _Names) -> set[str]:
    """Of names spelt alike (one spelling key: "Nana Sudjana", "Nana Sujana"), the one that
    ranks first (a gazetteer name, then more articles): they are one name."""
    best: dict[tuple[str, ...], str] = {}
    for other in sorted(found):
        key = tuple(names.keys[other])
        if key not in best or _ranks_above(other, best[key], names):
            best[key] = other
    return set(best.values())


def _with_lost_space(name: str, names: _Names) -> str | None:
    """The name `name` is a variant of by a space lost or added ("SriMulyani" and "Sri
    Mulyani", "Dwi Korita Karnawati" and "Dwikorita Karnawati"): of the names spelt like it
    but for spaces, the one ranking first (a gazetteer name, then more articles, then more
    words), when it ranks above `name`."""

    def rank(other: str) -> tuple[bool, int, int]:
        return (_is_gazetteer_name(other), names.counts[other], len(other.split()))

    others = [
        other for other in names.by_joined.get("".join(names.keys[name]), ()) if other != name
    ]
    if not others:
        return None
    best = max(others, key=lambda other: (*rank(other), other))
    return best if rank(best) > rank(name) else None


def _ranks_above(other: str, name: str, names: _Names) -> bool:
    """Which of two spellings the other goes under: a gazetteer name, then the one more
    articles give, then the first in alphabetical order."""
    mine = (_is_gazetteer_name(name), names.counts[name])
    theirs = (_is_gazetteer_name(other), names.counts[other])
    return theirs > mine or (theirs == mine and other < name)


def _slips_apart(a: str, b: str) -> bool:
    """True for two spelling keys of a word of one name: the same first letter, and one slip
    apart (`_a_slip_apart`), or two when one is `TWO_SLIPS_LENGTH` letters or more, unless
    the only slips are consonants for other consonants ("sukarno", "suparno": two names)."""
    if min(len(a), len(b)) < MIN_MISSPELT_LENGTH or a[0] != b[0]:
        return False
    if _a_slip_apart(a, b):
        return True
    if max(len(a), len(b)) < TWO_SLIPS_LENGTH or OSA.distance(a, b) > 2:
        return False
    if len(a) == len(b):
        apart = [i for i in range(len(a)) if a[i] != b[i]]
        # two letters swapped across a third ("haharap", "harahap") are one slip of the hand
        return sorted(a) == sorted(b) or any(a[i] in _VOWELS or b[i] in _VOWELS for i in apart)
    return True


def _slip_to_common_word(word: str, key: str, other: str) -> bool:
    """True when a name's `word` (spelling key `key`) is a common word no gazetteer name
    has, a letter apart from the word `other` of another name: the page's slip made a word
    of the language ("Nama Sudjana" of Nana Sudjana), whatever the letters."""
    return (
        len(key) >= MIN_MISSPELT_LENGTH
        and key[0] == other[0]
        and OSA.distance(key, other) == 1
        and is_common_word(word)
        and word.lower() not in _gazetteer_words()
    )


def _a_slip_apart(a: str, b: str) -> bool:
    """True for two spelling keys of a word one slip apart: a letter more or less, two
    letters swapped, one vowel for another or "c" for "k", one sound ("Marcus" and
    "Markus"; "karis" and "karim" are two names)."""
    if a[0] != b[0] or OSA.distance(a, b) != 1:
        return False
    if len(a) != len(b):
        return True
    apart = [i for i in range(len(a)) if a[i] != b[i]]
    if len(apart) == 2:
        return True
    pair = {a[apart[0]], b[apart[0]]}
    return pair <= _VOWELS or pair == _C_AND_K


def _fuller_form(
    name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None = None
) -> str | None:
    """The one fuller name whose words hold the words of `name` in order, whatever their
    counts ("Taj Yasin" -> "Taj Yasin Maimoen"; "Javad Zarif" -> "Mohammad Javad Zarif";
    "M Tamzil" -> "Mohammad Tamzil"; "M. Prasetyo" -> "HM Prasetyo"), for a name of two
    words or more that no gazetteer entry has as alias ("Sri Mulyani" of Klaten); with
    words before it, when more articles write it or both are given one office of one
    holder written alike with its place ("Hamid Rizal" of Abdul Hamid Rizal, "Bupati
    Natuna")."""
    words = _expanded(name)
    if len(name.split()) < 2 or name.lower() in gazetteer().by_alias:
        return None
    full = [w for w in words if not _INITIAL.fullmatch(w)]
    if not full:
        return None
    fuller = []
    for other in names.by_word.get(full[-1], ()):
        longer = _expanded(other)
        at = _held_from(longer, words) if other != name else None
        if at is not None and all(_INITIAL.fullmatch(w) for w in longer[:at]):
            at = 0  # initials before it: "HM Prasetyo" of "M. Prasetyo"
        # Words before the name may be glued to it ("Bolango Hamim Pou", "Komes Sabilul
        # Alif"): such a name is fuller when more articles write it or its office is one.
        if at == 0 or (
            at is not None
            and not _glued_on(other.split()[0])
            and (
                names.counts[other] > names.counts[name]
                or (
                    roles is not None
                    and not _no_name(other.split()[0])
                    and _one_named_office(set(roles(name)), set(roles(other)))
                )
            )
        ):
            fuller.append(other)
    return _fullest(fuller)


def _fullest(fuller: list[str]) -> str | None:
    """Of the fuller forms of a name, the one that holds all the others, when there is one:
    several are one name written more or less fully ("Desmond Mahesa" of Desmond J. Mahesa
    and of Desmond Junaidi Mahesa), not two names ("AM Dicky Pastika Gading", "Andi Moch
    Dicky")."""
    holding = [
        other
        for other in fuller
        if all(_held_from(_expanded(other), _expanded(o)) is not None for o in fuller if o != other)
    ]
    return holding[0] if len(holding) == 1 else None


def _office_glued_on(
    name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None
) -> str | None:
    """ "Menkopolhukam Wiranto" -> Wiranto, "Pangan Suwandi" (of "Dirjen Tanaman Pangan
    Suwandi") -> Suwandi: a name of one word after a word glued on it, the office or a word
    of it, when that name is as frequent or a gazetteer name and the glued word names an
    office it is given, or both are given an office one person holds at a time."""
    words = name.split()
    if roles is None or len(words) != 2:
        return None
    glued, rest = words
    if rest not in names.counts or not (
        names.counts[rest] >= names.counts[name] or _is_gazetteer_name(rest)
    ):
        return None
    theirs = set(roles(rest)) | gazetteer().roles.get(rest, frozenset())
    if any(same_office(glued, role) for role in theirs) or _glued_before(glued, rest, names, roles):
        return rest
    if not _no_name(glued):
        return None
    return rest if any(_one_office(a, b) for a in set(roles(name)) for b in theirs) else None


def _cut_form(name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None) -> str | None:
    """The one name `name` is with one word cut short ("Bambang Brodjo" of Bambang
    Brodjonegoro: the page's line or the writer's haste), maybe with its last words left
    out too ("Wido Eko" of Widodo Eko Prihastopo), the cut word `MIN_MISSPELT_LENGTH`
    letters or more, when that name ranks above it (a gazetteer name, then more articles)
    and both are given an office one person holds at a time ("Kepala Bappenas") or, for a
    gazetteer name, an office the gazetteer gives it ("Wakil Ketua KPK Alex Marwata")."""
    words = name.split()
    if roles is None or len(words) < 2 or name.lower() in gazetteer().by_alias:
        return None
    found = set()
    for other in {o for word in words for o in names.by_word.get(_bare(word), ())}:
        theirs = other.split()
        if len(theirs) < len(words) or not _ranks_above(other, name, names):
            continue
        apart = [(a, b) for a, b in zip(words, theirs[: len(words)], strict=True) if a != b]
        if len(apart) == 1 and _cut_short(*apart[0]):
            found.add(other)
    if len(found) != 1:
        return None
    other = found.pop()
    mine = set(roles(name))
    theirs_roles = set(roles(other)) | gazetteer().roles.get(other, frozenset())
    if any(_one_office(a, b) for a in mine for b in theirs_roles):
        return other
    # "Wakil Ketua KPK Alex Marwata": an office of several holders that the gazetteer gives
    # the fuller name is that official's
    return other if mine & gazetteer().roles.get(other, frozenset()) else None


def _cut_short(written: str, full: str) -> bool:
    """True when `written` is `full` cut short: its first letters, `MIN_MISSPELT_LENGTH` or
    more, and not an initial."""
    return (
        len(written) >= MIN_MISSPELT_LENGTH
        and len(full) > len(written)
        and full.startswith(written)
    )


def _held_from(longer: list[str], shorter: list[str]) -> int | None:
    """Where the words of `shorter` begin to stand in `longer` in order (an initial for a
    word or an initial), when `longer` has more words or more written out and no word
    twice in a row ("Polana Polana B. Pramesti" is a slip); None when they do not."""
    written = sum(not _INITIAL.fullmatch(w) for w in longer)
    if len(longer) <= len(shorter) and written <= sum(not _INITIAL.fullmatch(w) for w in shorter):
        return None
    if any(a == b for a, b in pairwise(longer)):
        return None
    at = 0
    start = None
    for word in shorter:
        while at < len(longer) and not _same_word(longer[at], word):
            at += 1
        if at == len(longer):
            return None
        start = at if start is None else start
        at += 1
    return start


def _expanded(name: str) -> list[str]:
    """The words of a name, bare, with initials written together split ("HM" -> "H", "M")."""
    words: list[str] = []
    for word in name.split():
        bare = _bare(word)
        words.extend(list(bare) if _INITIALS.fullmatch(word) else [bare])
    return words


def _bare(word: str) -> str:
    return word.rstrip(".,")


def _same_word(full: str, written: str) -> bool:
    if _INITIAL.fullmatch(written):
        return full[0] == written[0]
    return full == written


def _surname_of(
    name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None
) -> str | None:
    """The one longer name whose last (or first) word is `name`, a name of one word, when
    both are given one office ("Gubernur Papua" Enembe -> Lukas Enembe; "Kapolsek" Zulkifli
    is not the minister Masagos Zulkifli)."""
    if roles is None or " " in name or name.lower() in gazetteer().by_alias or _no_name(name):
        return None
    longer = [
        other
        for other in names.by_word.get(name, ())
        # a title or place before the name, at its start or further in ("Baru Saudi
        # Pangeran Abdulaziz"), is glued on it
        if not any(_glued_on(word) and not _given_initials(word) for word in other.split()[:-1])
        and (
            other.split()[-1] == name
            # a first name only when the fuller name is more written ("Andono" Warih) or
            # both are given one office of one holder written alike ("Wali Kota Banda
            # Aceh" Aminullah and Aminullah Usman)
            or (
                other.split()[0] == name
                and (
                    names.counts[other] > names.counts[name]
                    or _one_named_office(roles(name), roles(other))
                )
            )
        )
    ]
    # The name with its office glued on ("Pangan Suwandi") goes under it, not it under that.
    longer = [other for other in longer if _office_glued_on(other, names, roles) != name]
    # Of several, the one given its office: "Nasir", of Komisi III, is Nasir Djamil, not the
    # minister Mohamad Nasir.
    mine = set(roles(name))
    same = [
        o
        for o in longer
        if any(same_office(_as_held(a), _as_held(b)) for a in mine for b in roles(o))
    ]
    if len(same) == 1 and len(longer) > 1:
        longer = same
    # Several that all hold the shortest of them are one name with words glued before it
    # ("Baru Saudi Pangeran Abdulaziz", "Pangeran Abdulaziz").
    shortest = min(longer, key=lambda n: (len(n.split()), n), default="")
    if any(_held_from(_expanded(n), _expanded(shortest)) is None for n in longer if n != shortest):
        return None
    longer = [shortest] if shortest else []
    if len(longer) != 1:
        return None
    theirs = {_as_held(role) for role in roles(longer[0])}
    if any(same_office(_as_held(a), b) for a in set(roles(name)) for b in theirs):
        return longer[0]
    return None


def _as_held(role: str) -> str:
    """A role without a word of a former holder before it (roles.toml's `former_words`):
    "Mantan Presiden Zimbabwe" is the office "Presiden Zimbabwe"."""
    first, _, rest = role.partition(" ")
    return rest if rest and first.capitalize() in _former_words() else role


@cache
def _former_words() -> frozenset[str]:
    return frozenset(load_toml("roles.toml").get("former_words", []))


def _one_word_slip_of(
    name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None
) -> str | None:
    """The one name a name of one word is a slip of ("Suhariyano" of Suhariyanto, "Yasona"
    of Yasonna Laoly, "Narenda" of Narendra Modi): its spelling key a slip or two apart from
    (see `_slips_apart`), or equal to, a one-word name, the first or last word of a longer
    name, or a one-word gazetteer alias, when that name is a gazetteer name or
    `MUCH_MORE_FREQUENT` times as frequent, and both are given one office, named closely
    enough to have one holder ("Kepala BPS", "Menkumham"; "Kapolsek" alone names many): two
    people a letter apart ("Hasan", "Hasin") are two unless the office says they are one."""
    if roles is None or " " in name or name.lower() in gazetteer().by_alias or _no_name(name):
        return None
    key = names.keys[name][0] if names.keys[name] else ""
    if len(key) < MIN_MISSPELT_LENGTH:
        return None
    mine = set(roles(name))
    if not mine:
        return None
    found = set()
    for word, other in _slip_candidates(key, names):
        if other == name or not (word == key or _slips_apart(key, word)):
            continue
        if not (
            _is_gazetteer_name(other)
            or names.counts[other] >= MUCH_MORE_FREQUENT * names.counts[name]
        ):
            continue
        theirs = set(roles(other)) | gazetteer().roles.get(other, frozenset())
        if any(_one_office(a, b) for a in mine for b in theirs):
            found.add(other)
    return found.pop() if len(found) == 1 else None


def _nickname_of(
    name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None
) -> str | None:
    """The one name a nickname after a word of kinship or affection is of ("Paman Birin" of
    Sahbirin Noor: person_names.toml's `nickname_words`): a name with a longer word ending
    as the nickname, `MIN_NICKNAME_LENGTH` letters or more, given one office."""
    words = name.split()
    if roles is None or len(words) != 2 or words[0] not in nickname_words():
        return None
    short = spelling_key(words[1])
    if len(short) < MIN_NICKNAME_LENGTH:
        return None
    mine = set(roles(name))
    found = set()
    for other, keys in names.keys.items():
        if other != name and any(len(w) > len(short) and w.endswith(short) for w in keys):
            theirs = set(roles(other)) | gazetteer().roles.get(other, frozenset())
            if any(same_office(a, b) for a in mine for b in theirs):
                found.add(other)
    return found.pop() if len(found) == 1 else None


def _short_for(
    name: str, names: _Names, roles: Callable[[str], Iterable[str]] | None
) -> str | None:
    """The one longer name a name of one word is short for, the beginning of a longer word
    of it, `MIN_NICKNAME_LENGTH` letters or more ("Rudy" of FX Hadi Rudyatmo), when both
    are given one office of one holder written alike with its place ("Wali Kota Solo")."""
    if roles is None or " " in name or name.lower() in gazetteer().by_alias or _no_name(name):
        return None
    short = names.keys[name][0] if names.keys[name] else ""
    if len(short) < MIN_NICKNAME_LENGTH:
        return None
    found = {
        other
        for other, keys in names.keys.items()
        if len(keys) > 1
        and any(len(w) > len(short) and w.startswith(short) for w in keys)
        and _one_named_office(set(roles(name)), set(roles(other)))
    }
    return found.pop() if len(found) == 1 else None


def _end_of_fuller(
    name: str,
    names: _Names,
    roles: Callable[[str], Iterable[str]] | None,
    beside: Callable[[str], Iterable[str]] | None,
) -> str | None:
    """The one fuller name that `name`'s words end or begin, named in each of its first
    articles ("Yuni Sukowati" of Kusdinar Untung Yuni Sukowati, Bupati Sragen) or whose
    words before them end a role `name` is given, spelt alike or a slip apart ("Yusuf",
    "Kepala Dinas Sumber Daya Air Juani", of Juaini Yusuf): the article gave the name in
    full, then cut, or its first words went into the role; a name no gazetteer entry has as
    alias, of words `MIN_MISSPELT_LENGTH` letters or more, and a fuller name with no title
    or place before the words it shares."""
    words = name.split()
    if (
        not words
        or name.lower() in gazetteer().by_alias
        or _no_name(words[0])
        or any(len(_bare(w)) < MIN_MISSPELT_LENGTH for w in words)
    ):
        return None
    ending, beginning = [], []
    for other in names.by_word.get(_bare(words[-1]), ()):
        theirs = other.split()
        if len(theirs) <= len(words):
            continue
        before = theirs[: -len(words)]
        if (
            theirs[-len(words) :] == words
            and not (_no_name(before[0]) or any(_glued_on(w) for w in before))
            # the name with its office glued on ("Pangan Suwandi") goes under it
            and _office_glued_on(other, names, roles) != name
        ):
            ending.append((other, [spelling_key(w) for w in before]))
        elif theirs[: len(words)] == words:
            beginning.append(other)
    if not (ending or beginning):
        return None  # no fuller name: the articles are not read
    named = set(beside(name)) if beside is not None else set()
    given = [spelling_key(role).split() for role in roles(name)] if roles is not None else []
    found = {other for other in beginning if other in named}
    for other, keys in ending:
        if other in named or any(
            len(role) > len(keys)
            and all(a == b or _slipped(a, b) for a, b in zip(role[-len(keys) :], keys, strict=True))
            for role in given
        ):
            found.add(other)
    return found.pop() if len(found) == 1 else None


def _slip_beside(
    name: str, names: _Names, beside: Callable[[str], Iterable[str]] | None
) -> str | None:
    """The one name ranking above `name`, one word a slip apart whatever the letters
    (`_slipped`), that each of its first articles names too: the page wrote one name two
    ways ("Hamin Pou" beside Hamim Pou, Bupati Bone Bolango)."""
    key = names.keys[name]
    if beside is None or len(key) < 2:
        return None
    found = set()
    for i in range(len(key)):
        for other in names.by_key_but_one.get((i, tuple(key[:i] + key[i + 1 :])), ()):
            if _slipped(key[i], names.keys[other][i]) and _ranks_above(other, name, names):
                found.add(other)
    if found:  # the articles are read only for a name with a slip beside it
        found &= set(beside(name))
    return found.pop() if len(found) == 1 else None


def _slip_candidates(key: str, names: _Names) -> Iterable[tuple[str, str]]:
    """(a word's spelling key, the name it goes under) for the one-word names, the first and
    last words of longer names and the one-word gazetteer aliases that begin as `key`."""
    yield from names.by_letter.get(key[0], ())
    for word, canonical in _one_word_aliases().get(key[:1], ()):
        if canonical in names.counts:
            yield word, canonical


@cache
def _one_word_aliases() -> dict[str, tuple[tuple[str, str], ...]]:
    """The gazetteer's one-word aliases as (spelling key, gazetteer name), by first letter."""
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for alias, (canonical, _) in gazetteer().by_alias.items():
        if " " not in alias:
            word = spelling_key(alias)
            by_letter.setdefault(word[:1], []).append((word, canonical))
    return {letter: tuple(pairs) for letter, pairs in by_letter.items()}


def _forms_of_one_holder(
    names: _Names, roles: Callable[[str], Iterable[str]] | None
) -> dict[str, str]:
    """Names of two words or more that may be one name written more or less fully (each
    word of the shorter, in order, a word of the longer spelt alike, or an initial of it,
    or it an initial of the word: "AM Dicky", "Andi Moch Dicky", "Andy M Dicky", "AM Dicky
    Pastika Gading"), when articles give both an office one person holds at a time
    ("Kapolres Bogor"): each goes under the one of them ranking first (a gazetteer name,
    then more articles, then more letters written out)."""
    if roles is None:
        return {}
    by_word: dict[str, list[str]] = {}
    for name in sorted(names.counts):
        if len(name.split()) < 2 or name.lower() in gazetteer().by_alias:
            continue
        for word in {w for w in _keyed_words(name) if len(w) > 1}:
            by_word.setdefault(word, []).append(name)

    def rank(name: str) -> tuple[bool, int, int, str]:
        letters = sum(len(w) for w in _keyed_words(name) if len(w) > 1)
        return (_is_gazetteer_name(name), names.counts[name], letters, name)

    merged: dict[str, str] = {}
    for name in sorted(names.counts, key=rank, reverse=True):
        if name in merged or len(name.split()) < 2 or name.lower() in gazetteer().by_alias:
            continue
        mine = set(roles(name)) | gazetteer().roles.get(name, frozenset())
        for word in {w for w in _keyed_words(name) if len(w) > 1}:
            for other in by_word.get(word, ()):
                if (
                    other == name
                    or other in merged
                    or rank(other) > rank(name)
                    or _is_gazetteer_name(other)
                    or not _one_name_more_or_less_written(name, other)
                ):
                    continue
                if _one_named_office(set(roles(other)), mine):
                    merged[other] = name
    return merged


def _one_named_office(mine: Iterable[str], theirs: Iterable[str]) -> bool:
    """True when two names are given one office of one holder written alike, with its
    place or body ("Kapolres Bogor"), or a short form of one that names its country's
    ("Mendag", "Kapolri"; not "Presiden" alone, which the articles give the president of
    Liberia and of the United States)."""
    labels = {canonical_role(role) for role in theirs if one_holder(role)}
    return any(
        (len(label.split()) > 1 or not names_no_country(label)) and label in labels
        for label in (canonical_role(role) for role in mine if one_holder(role))
    )


def _keyed_words(name: str) -> list[str]:
    """The spelling keys of a name's words, initials written together split ("AM" -> "a",
    "m")."""
    return [
        spelling_key(w) if len(w) > 1 else w.lower()
        for word in name.split()
        for w in (list(_bare(word)) if _INITIALS.fullmatch(word) else [_bare(word)])
        if w
    ]


def _one_name_more_or_less_written(a: str, b: str) -> bool:
    """True when each word of the name with fewer words stands, in order, for a word of the
    other, the first for the first: spelt alike, or an initial of it, or it an initial of
    the word ("Andy M Dicky" and "Andi Moch Dicky"), or, for one word, a slip of it
    (`_slipped`: "Yudi Dinyati" and "Yudi Dimyati"); at least one word written out alike on
    both sides."""
    x, y = sorted((_keyed_words(a), _keyed_words(b)), key=len)
    if not x or x[0][0] != y[0][0]:
        return False  # a word before one of them: a title or an office glued on
    at = 0
    written = slipped = False
    for word in x:
        while at < len(y) and not (
            word == y[at]
            or ((len(word) == 1 or len(y[at]) == 1) and word[0] == y[at][0])
            or (not slipped and _slipped(word, y[at]))
        ):
            at += 1
        if at == len(y):
            return False
        written = written or (len(word) > 1 and word == y[at])
        slipped = slipped or (word != y[at] and len(word) > 1 and len(y[at]) > 1)
        at += 1
    return written


def _slipped(a: str, b: str) -> bool:
    """True for two spelling keys of a word a slip of the hand apart, whatever the letters:
    one edit, or two in a word of `TWO_SLIPS_LENGTH` letters or more, the first letter
    kept."""
    if min(len(a), len(b)) < MIN_MISSPELT_LENGTH or a[0] != b[0]:
        return False
    return OSA.distance(a, b) <= (2 if min(len(a), len(b)) >= TWO_SLIPS_LENGTH else 1)


def _offices_apart(name: str, other: str, roles: Callable[[str], Iterable[str]] | None) -> bool:
    """True when articles give a name only regional or local offices of one holder
    (roles.toml's `local_heads`: "Kapolres Jepara") of a kind the other name, spelt like it,
    is never given, and the other an office of one holder that is no such office ("Ketua
    KPU"): AKBP Arif Budiman of Jepara is not the Ketua KPU Arief Budiman. True too when
    the other is a gazetteer official and the name is given only offices of kinds the
    gazetteer never gives them (`office_kinds_apart`): the ambassador Rina Soemarno is not
    the minister Rini Soemarno."""
    if roles is None:
        return False
    mine = set(roles(name))
    theirs = set(roles(other)) | gazetteer().roles.get(other, frozenset())
    return (
        bool(mine)
        and all(one_holder(role) and not holds_office_kind(theirs, role) for role in mine)
        and any(one_holder(role) and holds_office_kind((), role) for role in theirs)
    ) or office_kinds_apart(mine, gazetteer().roles.get(other, ()))


def _one_office(a: str, b: str) -> bool:
    """Two roles of one office that one person holds at a time: one office (`same_office`),
    each named closely ("Bupati Magetan", "Kepala BPS", "Menkumham"; not "Bupati" or
    "Kapolsek" alone, which every regent's or police chief's articles give)."""
    return one_holder(a) and one_holder(b) and same_office(a, b)
