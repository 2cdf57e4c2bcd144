"""One name per official over a whole index: the names the articles give officials, with how
many articles give each, merged where several are one person.

Each article names its officials on its own (search.ingest.extract.officials), so one person
may reach the index under several spellings: a misspelling ("Sri Muklyani Indrawati"), an old
or a new spelling ("Donny Monardo", "Doni Munardo" for Doni Monardo; "Azis" and "Aziz"), a word
the page glued to the name when it lost a space or a line ("Inspektur Luki Hermawan",
"Utara Sigit Widjatmoko") or a shorter form ("Taj Yasin" for Taj Yasin Maimoen). Over the
index, a name goes under another when

- it is that name after a leading word that is no one's name (a rank, a place, a common
  word, an acronym or an initial) and the other is as frequent or a gazetteer name;
- it is spelt like it: the same words once spellings are made alike (y and i, z and s, dj and
  j, oe and u, doubled letters, an h after a consonant), or one word a letter apart, and the
  other is much more frequent or a gazetteer name (one such other, not two);
- its words are the first words, or all the words in order, of one fuller and more frequent
  name (initials standing for words), and it is not a gazetteer name or alias (a gazetteer
  alias that the article did not give to its holder is someone else: "Sri Mulyani", deputy
  regent of Klaten).

A gazetteer name or alias goes under the gazetteer's name. What counts as a word of no name
and how much more frequent "much" is live here; the names are the index's own. Both engines
list the officials facet with the variants' counts added to their name's (`merged_counts`)
and filter by a name with its variants (`with_variants`); a variant written in a filter is
read as its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from rapidfuzz.distance import OSA

from search.ingest.extract.officials import gazetteer, is_common_word, is_title
from search.lexicon import places

# A misspelling goes under a name at least this many times as frequent.
MUCH_MORE_FREQUENT = 2
# Words shorter than this are never taken for another word a letter apart.
MIN_MISSPELT_LENGTH = 4
_VOWELS = frozenset("aeiou")
_INITIAL = re.compile(r"[A-Z]\.?")
_SPELLINGS = (
    (re.compile(r"[’'`.-]"), ""),
    (re.compile(r"dj"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"tj"), "c"),
    (re.compile(r"oe"), "u"),
    (re.compile(r"(?<=[^aeiou\s])h"), ""),
    (re.compile(r"[yj](?=[aeiou])|y"), "i"),
    (re.compile(r"z"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(.)\1+"), r"\1"),
)


def canonical_names(counts: Mapping[str, int]) -> dict[str, str]:
    """Each name of `counts` (name -> articles) that is another's variant -> that other
    name (the one it finally goes under); names that stay as they are are left out."""
    names = _Names(counts)
    merged: dict[str, str] = {}
    full_forms = gazetteer().full_forms
    for name in sorted(counts):
        if name.lower() in full_forms:  # "Aziz Syamsuddin": the gazetteer's Azis Syamsuddin
            if full_forms[name.lower()] != name:
                merged[name] = full_forms[name.lower()]
        else:
            target = (
                _without_glued_words(name, names)
                or _spelling_of(name, names)
                or _fuller_form(name, names)
            )
            if target is not None:
                merged[name] = target
    for name in list(merged):  # a chain (a glued word, then a misspelling) to its end
        seen = {name}
        while merged[name] in merged and merged[name] not in seen:
            seen.add(merged[name])
            merged[name] = merged[merged[name]]
        if merged[name] == name:
            del merged[name]
    return merged


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
    """The index's names with their counts, spelling keys and lookups by key and first
    word."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self.keys = {name: spelling_key(name).split() for name in counts}
        self.by_key: dict[tuple[str, ...], list[str]] = {}
        self.by_key_but_one: dict[tuple[int, tuple[str, ...]], list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(counts):
            key = self.keys[name]
            self.by_key.setdefault(tuple(key), []).append(name)
            for i in range(len(key)):
                self.by_key_but_one.setdefault((i, tuple(key[:i] + key[i + 1 :])), []).append(name)
            self.by_first.setdefault(name.split()[0], []).append(name)


def _is_gazetteer_name(name: str) -> bool:
    return name.lower() in gazetteer().full_forms


def _without_glued_words(name: str, names: _Names) -> str | None:
    """ "Inspektur Luki Hermawan" -> "Luki Hermawan": the name without leading words that
    are no one's name, when that name is as frequent or a gazetteer name."""
    words = name.split()
    for cut in (1, 2):
        rest = " ".join(words[cut:])
        if len(words) - cut < 2 or not all(_no_name(w) for w in words[:cut]):
            break
        if names.counts.get(rest, 0) >= names.counts[name] or _is_gazetteer_name(rest):
            return rest
    return None


def _no_name(word: str) -> bool:
    """A word no person's name starts with: a rank or title, a place, an acronym, an
    initial, or a common word that is no word of a gazetteer name ("Marga", "Utara"; not
    "Budi")."""
    bare = word.rstrip(".")
    return (
        is_title(bare)
        or bare in places()
        or (bare.isupper() and len(bare) <= 4)
        or bool(_INITIAL.fullmatch(word))
        or (is_common_word(bare) and bare.lower() not in _gazetteer_words())
    )


@cache
def _gazetteer_words() -> frozenset[str]:
    return frozenset(w for words in gazetteer().words.values() for w in words)


def spelling_key(name: str) -> str:
    """`name` with its spellings made alike: "Donny Monardo" and "Doni Monardo" are one."""
    key = name.lower()
    for pattern, replacement in _SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


def _spelling_of(name: str, names: _Names) -> str | None:
    """The one name spelt like `name` that it goes under: the same spelling key and more
    frequent (or a gazetteer name), or a letter apart in one word and much more frequent."""
    counts, key = names.counts, names.keys[name]
    if len(key) < 2:
        return None
    candidates = {
        other
        for other in names.by_key.get(tuple(key), ())
        if other != name
        and (_is_gazetteer_name(other) or (counts[other], other) > (counts[name], name))
    }
    for i in range(len(key)):
        for other in names.by_key_but_one.get((i, tuple(key[:i] + key[i + 1 :])), ()):
            a, b = key[i], names.keys[other][i]
            if (
                a != b
                and min(len(a), len(b)) >= MIN_MISSPELT_LENGTH
                and _a_slip_apart(a, b)
                and (
                    _is_gazetteer_name(other) or counts[other] >= MUCH_MORE_FREQUENT * counts[name]
                )
            ):
                candidates.add(other)
    listed = {c for c in candidates if _is_gazetteer_name(c)} or candidates
    return listed.pop() if len(listed) == 1 else None


def _a_slip_apart(a: str, b: str) -> bool:
    """True for two spelling keys of a word one slip apart: a letter more or less, two
    letters swapped or one vowel for another ("karis" and "karim" are two names)."""
    if a[0] != b[0] or OSA.distance(a, b) != 1:
        return False
    if len(a) != len(b):
        return True
    apart = [i for i in range(len(a)) if a[i] != b[i]]
    return len(apart) == 2 or (a[apart[0]] in _VOWELS and b[apart[0]] in _VOWELS)


def _fuller_form(name: str, names: _Names) -> str | None:
    """The one fuller, more frequent name whose words hold the words of `name` in order
    ("Taj Yasin" -> "Taj Yasin Maimoen"; "Polana B Pramesti" -> "Polana Banguningsih
    Pramesti"), for a name of two words or more that no gazetteer entry has as alias."""
    words = name.split()
    if len(words) < 2 or name.lower() in gazetteer().by_alias:
        return None
    fuller = [
        other
        for other in names.by_first.get(words[0], ())
        if _holds_in_order(other.split(), words)
        and (
            _writes_out_initials(other.split(), words)  # fuller at any count
            or (len(other.split()) > len(words) and names.counts[other] >= names.counts[name])
        )
        and other != name
    ]
    return fuller[0] if len(fuller) == 1 else None


def _holds_in_order(longer: list[str], shorter: list[str]) -> bool:
    """True when the words of `shorter` stand in `longer` in order, after the same first
    word (an initial standing for a word)."""
    at = 1
    for word in shorter[1:]:
        while at < len(longer) and not _same_word(longer[at], word):
            at += 1
        if at == len(longer):
            return False
        at += 1
    return True


def _writes_out_initials(other: list[str], words: list[str]) -> bool:
    """True when `other` is `words` with each initial written out ("Polana B Pramesti")."""
    return len(other) == len(words) and all(
        not _INITIAL.fullmatch(o)
        for o, w in zip(other, words, strict=True)
        if _INITIAL.fullmatch(w)
    )


def _same_word(full: str, written: str) -> bool:
    if _INITIAL.fullmatch(written):
        return full[0] == written[0]
    return full == written
