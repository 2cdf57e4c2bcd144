"""Copies of one story, found at index time: a syndicated article republished by another
publisher of its media group, a re-run under a new headline or lede, a live or match report
updated in place. Each index generation keeps its copy groups (`copies.json`: the groups and
the pairs they were joined by) and what an update needs to extend them (`copies/`, see
`search.indexing.copy_state`: each article's MinHash signature, and the shingles found to be
boilerplate).

How two articles are found to be copies:
- Shingles (runs of 5 words, `search.text.shingles`) that are boilerplate are left out: those
  in more than MAX_SHARED articles, and template text (daily gold-price and stock reports,
  entertainment formats) that recurs in articles spread over more than TEMPLATE_DAYS days.
- Candidates: articles whose MinHash signatures agree on a whole band (LSH; one-row bands:
  a short text inside a long one, at Jaccard 0.1, is a candidate nearly always).
- A candidate pair is compared exactly (`copy_reason`): near-identical texts (a re-run up
  to IDENTICAL_DAYS later), or texts published within NEAR_DAYS of each other that share most
  of their text (Jaccard >= SAME_TEXT; more under unrelated headlines, and more again from
  publishers of different media groups unless the headlines are nearly the same: their
  reports of one event, written separately, share little text), or, for one
  publisher or one media group (`search/data/media_groups.toml`) and related headlines, one
  text extending the other (containment >= EXTENDED_CONTAINMENT) or a rewrite under nearly
  the same headline (the same publisher's also sharing REWRITE_OWN_JACCARD of the text or
  opening alike: else two of its reports on one story reusing a background paragraph); or, for one publisher or one media group within NEW_HEADLINE_DAYS, a
  re-run under a new headline: the same opening words (Jaccard of the first LEDE_WORDS words
  >= NEW_HEADLINE_LEDE) over a body that shares much of its text (containment >=
  NEW_HEADLINE_CONTAINMENT, Jaccard >= NEW_HEADLINE_JACCARD); or, for two publishers of one
  media group within SYNDICATED_DAYS, one text holding much of the other (containment >=
  SYNDICATED_CONTAINMENT, or SYNDICATED_OPENING_CONTAINMENT under an opening alike:
  SYNDICATED_LEDE) under any headline: a group's reporter's text republished and re-angled
  (not for one publisher, whose stories of one event reuse its background paragraphs:
  okezone.com's Arsenal stories share a whole match recap); or, for any
  publishers within a day, one text holding nearly all of the other (containment >=
  CONTAINED) under the same opening (CONTAINED_LEDE), or, for publishers of different media
  groups within a day, one text holding most of the other (PRESS_RELEASE_CONTAINMENT) under an
  opening alike (PRESS_RELEASE_LEDE): a press release or an agency's report each edited lightly. Headlines with different numbers ("Rp 757 ribu", "Rp 753 ribu")
  are different reports unless the texts are near-identical, or one publisher updated its
  report the same day under a related headline (a match at half time, then at full time).
  One publisher's short near-identical texts under unrelated headlines are a reused opening
  (a match summary opening several stories, the page holding only that part), not a re-run.
  One publisher's follow-up is no copy of its first report unless near-identical (`_follows`):
  a text opening with paragraphs of its own (less than FOLLOW_UP_OPENING of its opening's
  shingles in the other) before the other's opening (FOLLOW_UP_BACKGROUND of it), reused
  whole as background, and quoting someone the first report never names (YLBHI's reaction to
  the RKUHP delay over the report of the delay; Iran's reply over Netanyahu's claim); nor is
  one publisher's (or group's) text headlined with someone it quotes whom the other never
  names (`_new_voice`: "..., Ini Jawaban Sri Mulyani" over the report of BPS's figures).
- Headlines fall in three bands (`headline_band`, by the Jaccard of their words): "related"
  (RELATED_TITLE or more), "unrelated" (less than UNRELATED_TITLE), and "between". Headlines
  between are neither: not related enough to ease the bar for texts that are not identical,
  nor unrelated enough to make one publisher's short near-identical texts a reused opening
  (they stay a re-run: tempo.co's "Garuda Medan-Solo Kembali Mendarat setelah Terbang 39
  Menit" and "Pesawat Garuda Balik ke Bandara Kualanamu Usai Terbang 39 Menit", 0.27).
A group is the articles joined by such pairs.

A build finds them in bounded memory (`CopyFinder`): its articles are set aside in files as
they arrive, and read back a bucket of shingles or a band of signatures at a time; the
shingles shared by a few thousand candidate pairs are counted at once, and only the pairs
sharing enough for some rule are compared one by one (`copy_reason`); an update compares its few articles with the indexed articles that share a band with
one of them, looked up in the generation's copies state (`update_generation`), or, for the
OpenSearch engine's state held in memory, among every signature (`update_copies`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from search import jsonfiles
from search.i18n import gettext
from search.indexing.copy_state import CopyState, CopyStateError
from search.ingest.extract.dates import full_dates_in
from search.lexicon import load_toml, media_groups
from search.model import Article
from search.text.shingles import (
    BAND_ROWS,
    EMPTY,
    EMPTY_POSITION,
    SHINGLE_BITS,
    SIGNATURE_SIZE,
    band_key,
    band_keys,
    densified,
    estimated_jaccard,
    id_shingles,
    numbers,
    sharing_a_band,
    signature_value,
    signatures,
    word_ids,
    words,
)

log = logging.getLogger(__name__)
# A word written capitalised (a name's, a sentence's first, a headline's).
_CAPITALISED = re.compile(r"\b[A-Z][^\W_]*")
Member = TypeVar("Member", str, int)

GROUPS_FILE = "copies.json"
LEGACY_STATE_FILE = "copies.npz"  # before the copies state (Cari up to 068ac5c)
# What reading a generation's copies raises when they cannot be read.
_UNREADABLE = (OSError, ValueError, KeyError, CopyStateError)

# The thresholds of the rules (`search/data/copies.toml`, where each is described).
_RULES = load_toml("copies.toml")
MAX_SHARED: int = int(_RULES["max_shared"])
TEMPLATE_DAYS: int = int(_RULES["template_days"])
TEMPLATE_ARTICLES: int = int(_RULES["template_articles"])
NEAR_DAYS: int = int(_RULES["near_days"])
SAME_TEXT: float = float(_RULES["same_text"])
SAME_TEXT_OTHER_TITLE: float = float(_RULES["same_text_other_title"])
UNRELATED_SAME_TEXT: float = float(_RULES["unrelated_same_text"])
RELATED_TITLE: float = float(_RULES["related_title"])
UNRELATED_TITLE: float = float(_RULES["unrelated_title"])
IDENTICAL_TEXT: float = float(_RULES["identical_text"])
IDENTICAL_DAYS: int = int(_RULES["identical_days"])
REUSED_OPENING: int = int(_RULES["reused_opening"])
EXTENDED_CONTAINMENT: float = float(_RULES["extended_containment"])
EXTENDED_JACCARD: float = float(_RULES["extended_jaccard"])
REWRITE_TITLE: float = float(_RULES["rewrite_title"])
REWRITE_CONTAINMENT: float = float(_RULES["rewrite_containment"])
REWRITE_OWN_JACCARD: float = float(_RULES["rewrite_own_jaccard"])
REWRITE_OWN_LEDE: float = float(_RULES["rewrite_own_lede"])
LEDE_WORDS: int = int(_RULES["lede_words"])
NEW_HEADLINE_DAYS: int = int(_RULES["new_headline_days"])
NEW_HEADLINE_JACCARD: float = float(_RULES["new_headline_jaccard"])
NEW_HEADLINE_CONTAINMENT: float = float(_RULES["new_headline_containment"])
NEW_HEADLINE_LEDE: float = float(_RULES["new_headline_lede"])
CONTAINED: float = float(_RULES["contained"])
CONTAINED_LEDE: float = float(_RULES["contained_lede"])
SYNDICATED_CONTAINMENT: float = float(_RULES["syndicated_containment"])
SYNDICATED_OPENING_CONTAINMENT: float = float(_RULES["syndicated_opening_containment"])
SYNDICATED_LEDE: float = float(_RULES["syndicated_lede"])
SYNDICATED_DAYS: int = int(_RULES["syndicated_days"])
PRESS_RELEASE_CONTAINMENT: float = float(_RULES["press_release_containment"])
PRESS_RELEASE_LEDE: float = float(_RULES["press_release_lede"])
FOLLOW_UP_OPENING: float = float(_RULES["follow_up_opening"])
FOLLOW_UP_BACKGROUND: float = float(_RULES["follow_up_background"])
# Dated articles further apart than this are never copies (see `copy_reason`): a build does
# not read them back to compare them.
MAX_GAP_DAYS = max(IDENTICAL_DAYS, NEAR_DAYS)
# Candidates whose signatures agree on fewer positions than this are not compared exactly.
CANDIDATE_ESTIMATE = 0.06
_DAY_BITS = 64 - SHINGLE_BITS
_DAY_MASK = (1 << _DAY_BITS) - 1
_TABLE_BITS = 22
# Fewer shingles than 1/_SEARCHED_SHARE of the boilerplate are looked up one by one.
_SEARCHED_SHARE = 16
# A band bucket holding more articles than this is boilerplate left in: not paired.
MAX_BUCKET = 50


@dataclass(frozen=True)
class Fingerprint:
    """What comparing an article with its candidates needs."""

    id: str
    shingles: np.ndarray  # sorted hashes of the body's shingles
    title_words: frozenset[str]
    title_numbers: frozenset[str]
    lede: frozenset[str]  # the words of the body's first LEDE_WORDS words
    opening: np.ndarray  # the sorted shingles of the body's first LEDE_WORDS words
    day: int | None  # the publication day's ordinal (None: not dated to the day)
    source: str
    speakers: frozenset[str] = frozenset()  # the names of the people quoted
    names: frozenset[str] = frozenset()  # the words written capitalised, lower-cased
    days_named: frozenset[int] = frozenset()  # the ordinals of the full dates written


def fingerprint(
    article_id: str,
    title: str,
    body: str,
    date_iso: str | None,
    source: str | None,
    speakers: Iterable[str] = (),
) -> Fingerprint:
    day = None
    if date_iso and len(date_iso) == 10:
        day = dt.date.fromisoformat(date_iso).toordinal()
    body_words = words(body)
    ids = word_ids(body_words)
    return Fingerprint(
        id=article_id,
        shingles=id_shingles(ids),
        title_words=frozenset(words(title)),
        title_numbers=numbers(title),
        lede=frozenset(body_words[:LEDE_WORDS]),
        opening=id_shingles(ids[:LEDE_WORDS]),
        day=day,
        source=(source or "").lower(),
        speakers=frozenset(speakers),
        names=frozenset(map(str.lower, _CAPITALISED.findall(f"{title}\n{body}"))),
        days_named=frozenset(
            dt.date(d.year, d.month, d.day).toordinal()
            for d in full_dates_in(f"{title}\n{body}")
            if d.month and d.day
        ),
    )


def article_fingerprint(article: Article) -> Fingerprint:
    return fingerprint(
        article.id,
        article.title,
        article.body,
        article.date_iso,
        article.source,
        (q.speaker for q in article.quotes),
    )


def stored_fingerprint(fields: dict[str, Any]) -> Fingerprint:
    """The fingerprint of an indexed article, from its stored fields."""
    return fingerprint(
        fields["id"],
        fields.get("title", ""),
        fields.get("body", ""),
        fields.get("date"),
        fields.get("source"),
        _stored_speakers(fields.get("quotes")),
    )


def _stored_speakers(quotes: str | None) -> list[str]:
    """The speakers of an indexed article's stored quotes (JSON; none when unreadable)."""
    try:
        found = jsonfiles.loads(quotes) if quotes else []
    except ValueError:
        return []
    if not isinstance(found, list):
        return []
    return [str(q["speaker"]) for q in found if isinstance(q, dict) and q.get("speaker")]


def _related(first: str, second: str) -> bool:
    """One publisher, or two of one media group."""
    if first == second:
        return bool(first)
    groups = media_groups()
    return first in groups and groups.get(first) == groups.get(second)


def headline_band(titles: float) -> str:
    """How related two headlines sharing `titles` of their words (Jaccard) are: "related",
    "between" or "unrelated" (see the module docstring)."""
    if titles >= RELATED_TITLE:
        return "related"
    return "unrelated" if titles < UNRELATED_TITLE else "between"


def are_copies(a: Fingerprint, b: Fingerprint, a_text: np.ndarray, b_text: np.ndarray) -> bool:
    """Whether two articles are copies of one story (see the module docstring); `a_text`,
    `b_text`: their shingles without boilerplate."""
    return copy_reason(a, b, a_text, b_text) is not None


def copy_reason(
    a: Fingerprint, b: Fingerprint, a_text: np.ndarray, b_text: np.ndarray
) -> str | None:
    """Why two articles are copies ("identical", "updated", "same text", "contained", "press
    release", "new headline", "syndicated", "extended", "rewrite"), or None when they are
    not."""
    if not len(a_text) or not len(b_text):
        return None
    shared = len(np.intersect1d(a_text, b_text, assume_unique=True))
    jaccard = shared / (len(a_text) + len(b_text) - shared)
    containment = shared / min(len(a_text), len(b_text))
    gap = abs(a.day - b.day) if a.day is not None and b.day is not None else None
    titles = len(a.title_words & b.title_words) / max(1, len(a.title_words | b.title_words))
    headlines = headline_band(titles)
    if jaccard >= IDENTICAL_TEXT:
        if _reused_opening(a, b, headlines, max(len(a_text), len(b_text))):
            return None
        return "identical" if gap is None or gap <= IDENTICAL_DAYS else None
    if gap is None or gap > NEAR_DAYS:
        return None
    if _follow_up(a, b) or _editions(a, b) or _new_voice(a, b):
        return None
    if a.title_numbers and b.title_numbers and not a.title_numbers & b.title_numbers:
        # A template's headline with another day's figures, or a publisher's report updated
        # in place the same day (a match's score at half time, then at full time).
        updated = a.source == b.source and gap == 0 and headlines == "related"
        return "updated" if updated and _new_headline(a, b, jaccard, containment, gap) else None
    related = _related(a.source, b.source)
    if titles >= REWRITE_TITLE or (related and headlines == "related"):
        same_text = SAME_TEXT
    else:
        same_text = SAME_TEXT_OTHER_TITLE if related else UNRELATED_SAME_TEXT
    if jaccard >= same_text:
        return "same text"
    if containment >= CONTAINED and _lede(a, b) >= CONTAINED_LEDE and gap <= 1:
        return "contained"
    if not related and _press_release(a, b, containment, gap):
        return "press release"
    if related and _new_headline(a, b, jaccard, containment, gap):
        return "new headline"
    if related and _syndicated(a, b, containment, gap):
        return "syndicated"
    if not related or headlines != "related":
        return None
    if containment >= EXTENDED_CONTAINMENT and jaccard >= EXTENDED_JACCARD:
        return "extended"
    if _rewrite(a, b, titles, jaccard, containment, gap):
        return "rewrite"
    return None


def _follow_up(a: Fingerprint, b: Fingerprint) -> bool:
    """One publisher's two texts, one following the other up (`_follows`)."""
    return a.source == b.source and (_follows(a, b) or _follows(b, a))


def _follows(later: Fingerprint, first: Fingerprint) -> bool:
    """Whether `later` follows `first` up: it opens with paragraphs of its own (less than
    FOLLOW_UP_OPENING of its opening's shingles in `first`) before `first`'s opening
    (FOLLOW_UP_BACKGROUND of it found in `later`), reused as background, and quotes someone
    `first` never names: another party's reaction or statement over the first report."""
    return (
        _opening_share(later, first) < FOLLOW_UP_OPENING
        and _opening_share(first, later) >= FOLLOW_UP_BACKGROUND
        and any(not set(words(speaker)) & first.names for speaker in later.speakers)
    )


def _new_voice(a: Fingerprint, b: Fingerprint) -> bool:
    """One publisher's (or media group's) two texts, one headlined with someone it quotes whom
    the other never names ("Neraca Perdagangan Agustus Surplus Tipis, Ini Jawaban Sri
    Mulyani" over the report of BPS's figures): a reaction or a new angle reported over the
    first, no re-run of it."""
    if not _related(a.source, b.source):
        return False
    return _headlines_new_voice(a, b) or _headlines_new_voice(b, a)


def _headlines_new_voice(later: Fingerprint, first: Fingerprint) -> bool:
    for speaker in later.speakers:
        named = {w for w in words(speaker) if len(w) > 2}  # no initials: "M. Ridwan", "Rp 1 M"
        if named & later.title_words and not named & first.names:
            return True
    return False


def _editions(a: Fingerprint, b: Fingerprint) -> bool:
    """One publisher's two editions of a dated series (a daily horoscope, a stock-pick column
    of each trading day): each text names a day, the other none of its days, and two of them
    are a day apart (a re-run keeps the days its first text names)."""
    if a.source != b.source or not a.days_named or not b.days_named:
        return False
    if a.days_named & b.days_named:
        return False
    return any(abs(x - y) == 1 for x in a.days_named for y in b.days_named)


def _opening_share(a: Fingerprint, b: Fingerprint) -> float:
    """The share of the shingles of `a`'s opening (its first LEDE_WORDS words) found in `b`'s
    text (none when `a` has no opening)."""
    if not len(a.opening):
        return 0.0
    return len(np.intersect1d(a.opening, b.shingles, assume_unique=True)) / len(a.opening)


def _rewrite(
    a: Fingerprint, b: Fingerprint, titles: float, jaccard: float, containment: float, gap: int
) -> bool:
    """A rewrite under nearly the same headline within a day (see REWRITE_TITLE): another
    publisher of the group rewriting one report, or the same publisher when its texts also
    share REWRITE_OWN_JACCARD or open alike (REWRITE_OWN_LEDE); else two of its reports on
    one story (a roundup of its facts, another angle) reusing a background paragraph."""
    if titles < REWRITE_TITLE or containment < REWRITE_CONTAINMENT or gap > 1:
        return False
    if a.source != b.source:
        return True
    return jaccard >= REWRITE_OWN_JACCARD or _lede(a, b) >= REWRITE_OWN_LEDE


def _reused_opening(a: Fingerprint, b: Fingerprint, headlines: str, longest: int) -> bool:
    """One publisher's short text under unrelated headlines (see REUSED_OPENING): not
    those "between"."""
    return a.source == b.source and headlines == "unrelated" and longest < REUSED_OPENING


def _press_release(a: Fingerprint, b: Fingerprint, containment: float, gap: int) -> bool:
    """One text (a press release, an agency's report) carried by publishers of different media
    groups within a day, each lightly edited: one holds PRESS_RELEASE_CONTAINMENT of the
    other, under an opening alike (PRESS_RELEASE_LEDE). Not for one publisher or one group,
    whose stories of one event share their background and their own template openings."""
    return (
        gap <= 1 and containment >= PRESS_RELEASE_CONTAINMENT and _lede(a, b) >= PRESS_RELEASE_LEDE
    )


def _syndicated(a: Fingerprint, b: Fingerprint, containment: float, gap: int) -> bool:
    """One publisher's text republished by another of its media group within
    SYNDICATED_DAYS, under its own headline and lede, holding SYNDICATED_CONTAINMENT of the
    shorter text, or SYNDICATED_OPENING_CONTAINMENT under an opening alike (SYNDICATED_LEDE);
    not for one publisher (its stories reuse background paragraphs too often)."""
    if a.source == b.source or gap > SYNDICATED_DAYS:
        return False
    if containment >= SYNDICATED_CONTAINMENT:
        return True
    return containment >= SYNDICATED_OPENING_CONTAINMENT and _lede(a, b) >= SYNDICATED_LEDE


def _new_headline(
    a: Fingerprint, b: Fingerprint, jaccard: float, containment: float, gap: int
) -> bool:
    """A re-run under a new headline: the same opening over much of the same text."""
    return (
        gap <= NEW_HEADLINE_DAYS
        and jaccard >= NEW_HEADLINE_JACCARD
        and containment >= NEW_HEADLINE_CONTAINMENT
        and _lede(a, b) >= NEW_HEADLINE_LEDE
    )


def _lede(a: Fingerprint, b: Fingerprint) -> float:
    """How alike two bodies open (Jaccard of their first LEDE_WORDS words)."""
    return len(a.lede & b.lede) / max(1, len(a.lede | b.lede))


def without_boilerplate(fingerprints: list[Fingerprint]) -> tuple[list[np.ndarray], np.ndarray]:
    """Each article's shingles without the boilerplate among these articles (see the module
    docstring), and the sorted boilerplate shingles."""
    sizes = [len(f.shingles) for f in fingerprints]
    if not sum(sizes):
        return [f.shingles for f in fingerprints], EMPTY
    # Each shingle with its article's day in the bits below it, sorted: a shingle's articles
    # are a run, earliest day first (an undated article's day is 0: it spreads nothing).
    dated = [f.day for f in fingerprints if f.day is not None]
    epoch = min(dated) - 1 if dated else 0
    days = np.array(
        [0 if f.day is None else min(f.day - epoch, _DAY_MASK) for f in fingerprints],
        dtype=np.uint64,
    )
    joined = np.concatenate([f.shingles for f in fingerprints])
    common = _common(np.sort((joined << np.uint64(_DAY_BITS)) | np.repeat(days, sizes)))
    return _without([f.shingles for f in fingerprints], common), common


def _without(sets: list[np.ndarray], common: np.ndarray) -> list[np.ndarray]:
    """Shingle sets without the given boilerplate shingles."""
    if not len(common) or not sets:
        return sets
    sizes = [len(s) for s in sets]
    joined = np.concatenate(sets)
    if len(joined) * _SEARCHED_SHARE < len(common):
        # A few articles' shingles (an update's): a binary search each, in the sorted
        # boilerplate (read where it is searched, when mapped), not a table of all of it.
        at = np.minimum(np.searchsorted(common, joined), len(common) - 1)
        keep = np.asarray(common[at]) != joined
    else:
        keep = _Boilerplate(common).keep(joined)
    bounds = np.cumsum(sizes)[:-1]
    return [
        part[kept]
        for part, kept in zip(np.split(joined, bounds), np.split(keep, bounds), strict=True)
    ]


class _Boilerplate:
    """Sorted boilerplate shingles, with a bit table of their low bits (some 16 bits for each)
    that answers most lookups (a binary search for every shingle takes seconds on a corpus);
    the few shingles it flags are looked up exactly."""

    def __init__(self, common: np.ndarray) -> None:
        self.common = common
        bits = min(max(_TABLE_BITS, len(common).bit_length() + 4), 32)
        self.mask = np.uint64((1 << bits) - 1)
        self.table = np.zeros(1 << (bits - 3), dtype=np.uint8)
        low = common & self.mask
        for bit in range(8):  # a bit at a time: no two writes to one byte disagree
            at = (low[(low & np.uint64(7)) == bit] >> np.uint64(3)).astype(np.int64)
            self.table[at] |= np.uint8(1 << bit)

    def keep(self, shingles: np.ndarray) -> np.ndarray:
        """Which of these shingles are not boilerplate."""
        if not len(self.common):
            return np.ones(len(shingles), dtype=bool)
        low = shingles & self.mask
        cells = self.table[(low >> np.uint64(3)).astype(np.int64)]
        keep = (cells >> (low & np.uint64(7)).astype(np.uint8)) & np.uint8(1) == 0
        flagged = np.flatnonzero(~keep)
        at = np.minimum(np.searchsorted(self.common, shingles[flagged]), len(self.common) - 1)
        keep[flagged] = self.common[at] != shingles[flagged]
        return keep


def candidate_pairs(keys: np.ndarray, usable: np.ndarray) -> np.ndarray:
    """Pairs of rows (i < j) that share a band key: (pairs, 2)."""
    rows = np.repeat(np.arange(len(keys)), keys.shape[1])
    flat = keys.ravel()
    keep = np.repeat(usable, keys.shape[1])
    rows, flat = rows[keep], flat[keep]
    order = np.argsort(flat, kind="stable")
    rows, flat = rows[order], flat[order]
    _, starts, counts = np.unique(flat, return_index=True, return_counts=True)
    pairs: list[np.ndarray] = []
    # The buckets of each size at once: every pair of places (i < j) in each of them.
    paired = (counts > 1) & (counts <= MAX_BUCKET)
    for count in np.unique(counts[paired]).tolist():
        at = starts[paired & (counts == count)]
        i, j = np.triu_indices(count, 1)
        pairs.append(np.stack([rows[at[:, None] + i].ravel(), rows[at[:, None] + j].ravel()], 1))
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    found = np.concatenate(pairs)
    found.sort(axis=1)
    return np.unique(found, axis=0)


def groups_of(pairs: Iterable[tuple[Member, Member]]) -> list[list[Member]]:
    """The groups joined by pairs (connected articles), each sorted, largest first."""
    parent: dict[Member, Member] = {}

    def root(x: Member) -> Member:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[Member, list[Member]] = {}
    for x in parent:
        members.setdefault(root(x), []).append(x)
    return sorted((sorted(m) for m in members.values()), key=lambda m: (-len(m), m[0]))


@dataclass
class CopyIndex:
    """The copies of an index generation: the pairs found, and what finding more needs."""

    ids: list[str]
    signatures: np.ndarray  # (articles, SIGNATURE_SIZE) uint32, row i is ids[i]'s
    boilerplate: np.ndarray
    pairs: set[tuple[str, str]]

    @property
    def groups(self) -> list[list[str]]:
        return groups_of(sorted(self.pairs))

    def save(self, folder: Path) -> None:
        """Write the copies into a generation folder: its copies state (a single run) and its
        groups."""
        CopyState.create(folder, self.ids, self.signatures, self.boilerplate)
        _save_groups(folder, self.pairs)

    @classmethod
    def load(cls, folder: Path) -> CopyIndex | None:
        """The copies saved in a generation folder, whole (None when it has none)."""
        try:
            state = CopyState.open(folder)
            if state is None:
                return cls.load_legacy(folder)
            ids, rows = state.rows()
        except _UNREADABLE as exc:
            _unreadable(folder, exc)
            return None
        return cls(ids, rows, np.asarray(state.boilerplate), _saved_pairs(folder))

    @classmethod
    def load_legacy(cls, folder: Path) -> CopyIndex:
        """The copies of a generation of an older Cari (`LEGACY_STATE_FILE`); one of
        `_UNREADABLE` when they cannot be read."""
        with np.load(folder / LEGACY_STATE_FILE) as legacy:
            ids = [str(i) for i in legacy["ids"]]
            rows, common = legacy["signatures"], legacy["boilerplate"]
        return cls(ids, rows, common, _saved_pairs(folder))


def find_copies(fingerprints: Iterable[Fingerprint]) -> CopyIndex:
    """The copies among a build's articles (see `CopyFinder`)."""
    with tempfile.TemporaryDirectory() as folder:
        finder = CopyFinder(Path(folder) / "copies")
        for found in fingerprints:
            finder.add(found)
        return finder.finish()


# Shingles are set aside in 2**BUCKET_BITS files by their top bits (one signature position
# holds 2**(BUCKET_BITS - 6) of them): a bucket's boilerplate is found, and its signature
# positions filled, one bucket at a time.
BUCKET_BITS = 7
_SPILL_SHINGLES = 1 << 22  # shingles held before they are written to their buckets
_FIELDS = "\x1e"  # between the fields of an article's record
_SPEAKERS = "\x1f"  # between the speakers of a record
_CHUNK_ROWS = 1 << 16  # signature rows densified at a time
_CHUNK_PAIRS = 1 << 18  # candidate pairs estimated at a time
_CACHED_ARTICLES = 1 << 13  # articles kept for comparing with the next candidates
# Candidate pairs whose shared shingles are counted at a time: each pair's number goes in the
# bits above a shingle's SHINGLE_BITS.
_CHUNK_COUNTED = 1 << 11
# Every rule of `copy_reason` but a near-identical text asks two texts dated within NEAR_DAYS
# to share at least this much (a Jaccard or a containment: never more than the containment).
_LEAST_SHARE = min(
    SAME_TEXT,
    SAME_TEXT_OTHER_TITLE,
    UNRELATED_SAME_TEXT,
    EXTENDED_CONTAINMENT,
    EXTENDED_JACCARD,
    REWRITE_CONTAINMENT,
    NEW_HEADLINE_JACCARD,
    NEW_HEADLINE_CONTAINMENT,
    CONTAINED,
    PRESS_RELEASE_CONTAINMENT,
    SYNDICATED_CONTAINMENT,
    SYNDICATED_OPENING_CONTAINMENT,
)
_SLACK = 1e-9  # below a threshold by less than this: compared exactly all the same


class CopyFinder:
    """Copy detection over a build's articles in bounded memory: each article is written to
    a file in `folder` as it arrives (its shingles, and what `copy_reason` compares), and its
    shingles to bucket files by their top bits. `finish` then finds the boilerplate and the
    signatures one bucket at a time, the candidates one band at a time, and reads back only
    the candidates' articles to compare them: the same copies as over all the fingerprints
    held at once."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.ids: list[str] = []
        self._days = array("q")  # the publication day's ordinal (0: not dated to the day)
        self._starts = array("q", [0])  # where each article's record starts
        self._sizes = array("q")  # how many shingles open it
        self._articles = open(folder / "articles.bin", "wb")  # noqa: SIM115 (closed by finish)
        self._pending: list[np.ndarray] = []
        self._pending_rows: list[int] = []
        self._pending_size = 0
        self._buckets = [
            (open(shingles, "wb"), open(rows, "wb"))  # noqa: SIM115 (closed by finish)
            for shingles, rows in map(self._bucket, range(1 << BUCKET_BITS))
        ]

    def _bucket(self, bucket: int) -> tuple[Path, Path]:
        """A bucket's files: its shingles (uint64), and their articles' rows (uint32)."""
        return (
            self.folder / f"bucket-{bucket:03d}.shingles",
            self.folder / f"bucket-{bucket:03d}.rows",
        )

    def add(self, found: Fingerprint) -> None:
        row = len(self.ids)
        self.ids.append(found.id)
        self._days.append(0 if found.day is None else found.day)
        # Words, numbers and hashes hold no spaces, names no _SPEAKERS; the source goes last.
        meta = _FIELDS.join(
            (
                " ".join(found.title_words),
                " ".join(found.title_numbers),
                " ".join(found.lede),
                " ".join(map(str, found.opening.tolist())),
                _SPEAKERS.join(found.speakers),
                " ".join(found.names),
                " ".join(map(str, found.days_named)),
                found.source,
            )
        ).encode()
        shingles = found.shingles.astype(np.uint64, copy=False)
        self._articles.write(shingles.tobytes())
        self._articles.write(meta)
        self._sizes.append(len(shingles))
        self._starts.append(self._starts[-1] + shingles.nbytes + len(meta))
        if len(shingles):
            self._pending.append(shingles)
            self._pending_rows.append(row)
            self._pending_size += len(shingles)
            if self._pending_size >= _SPILL_SHINGLES:
                self._spill()

    def _spill(self) -> None:
        """Write the shingles held to their buckets, with their articles' rows."""
        if not self._pending:
            return
        shingles = np.concatenate(self._pending)
        rows = np.repeat(
            np.array(self._pending_rows, dtype=np.uint32), [len(s) for s in self._pending]
        )
        buckets = (shingles >> np.uint64(SHINGLE_BITS - BUCKET_BITS)).astype(np.uint8)
        order = np.argsort(buckets, kind="stable")  # a radix sort
        shingles, rows = shingles[order], rows[order]
        bounds = np.searchsorted(buckets[order], np.arange(len(self._buckets) + 1))
        for b, (shingle_file, row_file) in enumerate(self._buckets):
            if bounds[b + 1] > bounds[b]:
                shingle_file.write(shingles[bounds[b] : bounds[b + 1]].tobytes())
                row_file.write(rows[bounds[b] : bounds[b + 1]].tobytes())
        self._pending, self._pending_rows, self._pending_size = [], [], 0

    def finish(self) -> CopyIndex:
        """The copies among the articles added; removes the folder."""
        started = time.perf_counter()
        try:
            self._spill()
            self._close()
            common, rows, left = self._boilerplate_and_signatures()
            candidates = self._candidates(rows, left > 0)
            pairs = self._verified(candidates, _Boilerplate(common), left)
        finally:
            self.discard()
        log.debug(
            "copies: %d pairs in %d groups in %.1fs",
            len(pairs),
            len(groups_of(pairs)),
            time.perf_counter() - started,
        )
        return CopyIndex(self.ids, rows, common, pairs)

    def discard(self) -> None:
        """Close and remove the files set aside."""
        self._close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _close(self) -> None:
        for out in (*(f for pair in self._buckets for f in pair), self._articles):
            out.close()

    def _boilerplate_and_signatures(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The boilerplate shingles (sorted), each article's signature, and how many of its
        shingles are left (see `without_boilerplate` and `signatures`)."""
        count = len(self.ids)
        days = np.frombuffer(self._days, dtype=np.int64) if count else np.zeros(0, np.int64)
        dated = days[days > 0]
        epoch = int(dated.min()) - 1 if len(dated) else 0
        relative = np.where(days > 0, np.minimum(days - epoch, _DAY_MASK), 0).astype(np.uint64)
        smallest = np.full((count, SIGNATURE_SIZE), EMPTY_POSITION, dtype=np.uint32)
        left = np.zeros(count, dtype=np.int64)
        common: list[np.ndarray] = []
        per_bin = 1 << (BUCKET_BITS - (SIGNATURE_SIZE.bit_length() - 1))
        for b in range(1 << BUCKET_BITS):
            shingle_file, row_file = self._bucket(b)
            shingles = np.fromfile(shingle_file, dtype=np.uint64)
            members = np.fromfile(row_file, dtype=np.uint32).astype(np.int64)
            shingle_file.unlink()
            row_file.unlink()
            if not len(shingles):
                continue
            # In order: which shingles are boilerplate comes with their runs (a binary search
            # of each shingle among the boilerplate found costs several times more).
            order = np.argsort((shingles << np.uint64(_DAY_BITS)) | relative[members])
            packed = (shingles[order] << np.uint64(_DAY_BITS)) | relative[members[order]]
            found, boilerplate_runs, runs = _common_runs(packed)
            common.append(found)
            if len(found):
                kept = order[~np.repeat(boilerplate_runs, runs)]
                shingles, members = shingles[kept], members[kept]
            left += np.bincount(members, minlength=count)
            keys = np.sort((members.astype(np.uint64) << np.uint64(32)) | signature_value(shingles))
            first = np.ones(len(keys), dtype=bool)
            first[1:] = (keys[1:] >> np.uint64(32)) != (keys[:-1] >> np.uint64(32))
            slots = (keys[first] >> np.uint64(32)).astype(np.int64)
            values = (keys[first] & np.uint64(0xFFFFFFFF)).astype(np.uint32)
            column = smallest[:, b // per_bin]
            column[slots] = np.minimum(column[slots], values)
        for at in range(0, count, _CHUNK_ROWS):
            chunk = smallest[at : at + _CHUNK_ROWS]
            chunk[:] = densified(chunk.astype(np.uint64))
        boilerplate = np.concatenate(common) if common else EMPTY
        return boilerplate, smallest, left

    def _candidates(self, rows: np.ndarray, usable: np.ndarray) -> np.ndarray:
        """Pairs of rows (i < j) that share a band key, whose signatures agree on at least
        CANDIDATE_ESTIMATE of their positions, and that are not dated more than MAX_GAP_DAYS
        apart: (pairs, 2), sorted; one band at a time."""
        count = len(rows)
        members = np.flatnonzero(usable)
        days = np.frombuffer(self._days, dtype=np.int64) if count else np.zeros(0, np.int64)
        found: list[np.ndarray] = []
        for band in range(SIGNATURE_SIZE // BAND_ROWS):
            keys = band_key(rows, band)[members]
            pairs = candidate_pairs(keys[:, None], np.ones(len(members), dtype=bool))
            pairs = members[pairs]
            for at in range(0, len(pairs), _CHUNK_PAIRS):
                part = pairs[at : at + _CHUNK_PAIRS]
                close = estimated_jaccard(rows[part[:, 0]], rows[part[:, 1]]) >= CANDIDATE_ESTIMATE
                first, second = days[part[:, 0]], days[part[:, 1]]
                close &= (first == 0) | (second == 0) | (np.abs(first - second) <= MAX_GAP_DAYS)
                found.append(np.unique(part[close, 0] * count + part[close, 1]))
        codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        return np.stack([codes // max(count, 1), codes % max(count, 1)], axis=1)

    def _verified(
        self, candidates: np.ndarray, boilerplate: _Boilerplate, left: np.ndarray
    ) -> set[tuple[str, str]]:
        """The candidate pairs that are copies, as sorted id pairs; `left`: each article's
        count of shingles that are not boilerplate. The shingles each pair shares are counted
        for many pairs at once, and only the pairs sharing enough for some rule
        (`_could_be_copies`) are compared by `copy_reason`."""
        if not len(candidates):
            return set()
        found: set[tuple[str, str]] = set()
        days = np.frombuffer(self._days, dtype=np.int64)
        with open(self.folder / "articles.bin", "rb") as records:
            descriptor = records.fileno()

            @lru_cache(maxsize=_CACHED_ARTICLES)
            def shingles(row: int) -> np.ndarray:
                size = self._sizes[row]
                record = os.pread(descriptor, 8 * size, self._starts[row])
                return np.frombuffer(record, dtype=np.uint64, count=size)

            def article(row: int) -> tuple[Fingerprint, np.ndarray]:
                start, size = self._starts[row], self._sizes[row]
                record = os.pread(descriptor, self._starts[row + 1] - start, start)
                (title_words, title_numbers, lede, opening, speakers, names, days, source) = (
                    record[8 * size :].decode().split(_FIELDS, 7)
                )
                day = self._days[row]
                printed = Fingerprint(
                    id=self.ids[row],
                    shingles=shingles(row),
                    title_words=frozenset(title_words.split()),
                    title_numbers=frozenset(title_numbers.split()),
                    lede=frozenset(lede.split()),
                    opening=np.fromiter(map(int, opening.split()), dtype=np.uint64),
                    day=day or None,
                    source=source,
                    speakers=frozenset(speakers.split(_SPEAKERS)) - {""},
                    names=frozenset(names.split()),
                    days_named=frozenset(map(int, days.split())),
                )
                return printed, printed.shingles[boilerplate.keep(printed.shingles)]

            for at in range(0, len(candidates), _CHUNK_COUNTED):
                part = candidates[at : at + _CHUNK_COUNTED]
                first, second = part[:, 0], part[:, 1]
                shared = _shared_counts(
                    [shingles(i) for i in first.tolist()],
                    [shingles(j) for j in second.tolist()],
                    boilerplate,
                )
                close = _could_be_copies(
                    shared, left[first], left[second], days[first], days[second]
                )
                for i, j in part[close].tolist():
                    (a, a_text), (b, b_text) = article(i), article(j)
                    if a.id != b.id and are_copies(a, b, a_text, b_text):
                        found.add((min(a.id, b.id), max(a.id, b.id)))
        return found


def _shared_counts(
    firsts: list[np.ndarray], seconds: list[np.ndarray], boilerplate: _Boilerplate
) -> np.ndarray:
    """How many shingles that are not boilerplate each pair (firsts[k], seconds[k]) of sorted
    shingle sets shares, for fewer than 2**(64 - SHINGLE_BITS) pairs: each set's shingles
    with their pair's number above them are sorted as they are joined, and every shingle of
    the first sets is looked up in the second sets at once."""

    def tagged(sets: list[np.ndarray]) -> np.ndarray:
        sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
        pair = np.repeat(np.arange(len(sets), dtype=np.uint64), sizes)
        joined = np.concatenate(sets) if sets else EMPTY
        return (pair << np.uint64(SHINGLE_BITS)) | joined

    first, second = tagged(firsts), tagged(seconds)
    if not len(first) or not len(second):
        return np.zeros(len(firsts), dtype=np.int64)
    at = np.minimum(np.searchsorted(second, first), len(second) - 1)
    both = first[second[at] == first]
    both = both[boilerplate.keep(both & np.uint64((1 << SHINGLE_BITS) - 1))]
    return np.bincount((both >> np.uint64(SHINGLE_BITS)).astype(np.int64), minlength=len(firsts))


def _could_be_copies(
    shared: np.ndarray,
    first_size: np.ndarray,
    second_size: np.ndarray,
    first_day: np.ndarray,
    second_day: np.ndarray,
) -> np.ndarray:
    """Which pairs of texts (sharing `shared` of their `first_size` and `second_size`
    shingles, published on these days: 0 when not dated to the day) some rule of
    `copy_reason` could find copies: near-identical texts, or texts dated within NEAR_DAYS
    that share _LEAST_SHARE of the shorter. The others never are."""
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = shared / np.maximum(first_size + second_size - shared, 1)
        containment = shared / np.maximum(np.minimum(first_size, second_size), 1)
    near = (first_day > 0) & (second_day > 0) & (np.abs(first_day - second_day) <= NEAR_DAYS)
    return (jaccard >= IDENTICAL_TEXT - _SLACK) | (near & (containment >= _LEAST_SHARE - _SLACK))


def _common(packed: np.ndarray) -> np.ndarray:
    """The boilerplate among sorted shingles, each with its article's day in the bits below
    it (see `without_boilerplate`)."""
    return _common_runs(packed)[0]


def _common_runs(packed: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`_common`, with whether each run of one shingle is boilerplate and the runs' lengths."""
    hashes = packed >> np.uint64(_DAY_BITS)
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    counts = np.diff(np.r_[starts, len(packed)])
    first = (packed[starts] & np.uint64(_DAY_MASK)).astype(np.int64)
    last = (packed[starts + counts - 1] & np.uint64(_DAY_MASK)).astype(np.int64)
    spread = np.where(first > 0, last - first, 0)
    boilerplate = (counts > MAX_SHARED) | ((counts >= TEMPLATE_ARTICLES) & (spread > TEMPLATE_DAYS))
    return hashes[starts[boilerplate]], boilerplate, counts


def _verified(
    fingerprints: list[Fingerprint],
    texts: list[np.ndarray],
    rows: np.ndarray,
    candidates: np.ndarray,
    others: list[Fingerprint] | None = None,
    other_texts: list[np.ndarray] | None = None,
    other_rows: np.ndarray | None = None,
) -> set[tuple[str, str]]:
    """The candidate pairs (i of `fingerprints`, j of `others`, or of `fingerprints` itself)
    that are copies, as sorted id pairs."""
    others = fingerprints if others is None else others
    other_texts = texts if other_texts is None else other_texts
    other_rows = rows if other_rows is None else other_rows
    if not len(candidates):
        return set()
    estimate = estimated_jaccard(rows[candidates[:, 0]], other_rows[candidates[:, 1]])
    found: set[tuple[str, str]] = set()
    for i, j in candidates[estimate >= CANDIDATE_ESTIMATE].tolist():
        a, b = fingerprints[i], others[j]
        if a.id != b.id and are_copies(a, b, texts[i], other_texts[j]):
            found.add((min(a.id, b.id), max(a.id, b.id)))
    return found


def update_copies(
    copies: CopyIndex,
    articles: list[Fingerprint],
    removed: Iterable[str],
    stored: Any,
) -> CopyIndex:
    """The copies after an update: `articles` added or re-indexed, `removed` deleted;
    `stored(id)` gives an indexed article's stored fields (for the candidates to compare)."""
    gone = set(removed) | {f.id for f in articles}
    keep = [i for i, article_id in enumerate(copies.ids) if article_id not in gone]
    ids = [copies.ids[i] for i in keep]
    rows = copies.signatures
    if len(keep) < len(copies.ids) and len(rows):
        rows = rows[keep]
    pairs = {p for p in copies.pairs if p[0] not in gone and p[1] not in gone}

    def matching(signatures: np.ndarray) -> list[tuple[list[str], np.ndarray]]:
        found = []
        for signature in signatures:
            at = np.flatnonzero(sharing_a_band(rows, signature)) if len(rows) else []
            found.append(([ids[j] for j in at], rows[at]))
        return found

    new_rows, found = _new_copies(articles, copies.boilerplate, matching, stored)
    all_rows = np.concatenate([rows, new_rows]) if len(rows) else new_rows
    return CopyIndex(ids + [f.id for f in articles], all_rows, copies.boilerplate, pairs | found)


def _new_copies(
    articles: list[Fingerprint],
    boilerplate: np.ndarray,
    matching: Callable[[np.ndarray], list[tuple[list[str], np.ndarray]]],
    stored: Callable[[str], dict[str, Any] | None],
) -> tuple[np.ndarray, set[tuple[str, str]]]:
    """The signatures of an update's articles, and the copies they are: among themselves, and
    of the indexed articles that `matching(signatures)` gives (for each signature, the ids and
    signatures of those sharing one of its bands), compared through `stored(id)`."""
    texts = _without([f.shingles for f in articles], boilerplate)
    new_rows = signatures(texts)
    usable = np.array([len(t) > 0 for t in texts], dtype=bool)
    # Candidates among the new articles, then between each new article and the indexed ones.
    pairs = _verified(articles, texts, new_rows, candidate_pairs(band_keys(new_rows), usable))
    chosen = np.flatnonzero(usable)
    if not len(chosen):
        return new_rows, pairs
    found: dict[str, list[int]] = {}
    for i, (ids, rows) in zip(chosen.tolist(), matching(new_rows[chosen]), strict=True):
        estimate = estimated_jaccard(rows, new_rows[i : i + 1]) if len(rows) else []
        for j in np.flatnonzero(np.asarray(estimate) >= CANDIDATE_ESTIMATE).tolist():
            found.setdefault(ids[j], []).append(i)
    others = [(j, stored(j)) for j in found]
    others_kept = [(j, stored_fingerprint(f)) for j, f in others if f is not None]
    other_texts = _without([other.shingles for _, other in others_kept], boilerplate)
    for (j, other), other_text in zip(others_kept, other_texts, strict=True):
        for i in found[j]:
            if are_copies(articles[i], other, texts[i], other_text):
                a, b = sorted((articles[i].id, other.id))
                pairs.add((a, b))
    return new_rows, pairs


def read_groups(folder: Path) -> list[list[str]]:
    """The copy groups saved in a generation folder (none when it has no copies file)."""
    try:
        data = jsonfiles.loads((folder / GROUPS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    groups = data.get("groups", []) if isinstance(data, dict) else []
    return [[str(i) for i in g] for g in groups if isinstance(g, list) and len(g) > 1]


def update_generation(
    folder: Path, searcher: Any, articles: list[Fingerprint], removed: Iterable[str]
) -> None:
    """Bring a generation's copies in line with an update (`articles` added or re-indexed,
    `removed` deleted), comparing with the indexed articles through `searcher` (the index as
    it was before the update), and save them: a run of the new articles' signatures appended
    to the generation's copies state (`search.indexing.copy_state`), and the groups rewritten
    when they changed. A generation of an older Cari (`copies.npz`) has its state written in
    the new form first; one whose copies cannot be read gets them found anew from every
    indexed article."""
    articles = list(articles)
    gone = set(removed) | {f.id for f in articles}
    state = _state(folder)
    if state is None:
        kept = [
            stored_fingerprint(fields)
            for fields in searcher.all_stored_fields()
            if fields.get("id") and fields["id"] not in gone
        ]
        find_copies(kept + articles).save(folder)
        return
    state.remove(gone)
    new_rows, found = _new_copies(
        articles, state.boilerplate, state.sharing_a_band, lambda i: searcher.document(id=i)
    )
    state.add([f.id for f in articles], new_rows)
    state.commit()
    before = _saved_pairs(folder)
    pairs = {p for p in before if p[0] not in gone and p[1] not in gone} | found
    if pairs != before:
        _save_groups(folder, pairs)


def _state(folder: Path) -> CopyState | None:
    """The copies state of a generation, written from an older Cari's `copies.npz` when it
    has only that (None: none can be read)."""
    try:
        state = CopyState.open(folder)
        if state is not None:
            return state
        legacy = CopyIndex.load_legacy(folder)
    except _UNREADABLE as exc:
        _unreadable(folder, exc)
        return None
    legacy.save(folder)
    (folder / LEGACY_STATE_FILE).unlink(missing_ok=True)
    return CopyState.open(folder)


def _unreadable(folder: Path, problem: Exception) -> None:
    log.warning(
        gettext(
            "the copies of %(folder)s could not be read (%(problem)s)",
            folder=folder,
            problem=problem,
        )
    )


def _saved_pairs(folder: Path) -> set[tuple[str, str]]:
    pairs = jsonfiles.read_dict(folder / GROUPS_FILE).get("pairs", [])
    return {(str(p[0]), str(p[1])) for p in pairs if isinstance(p, list) and len(p) == 2}


def _save_groups(folder: Path, pairs: set[tuple[str, str]]) -> None:
    """The groups and the pairs that join them (`GROUPS_FILE`, replaced atomically)."""
    jsonfiles.write_json(
        folder / GROUPS_FILE,
        {"groups": groups_of(sorted(pairs)), "pairs": [list(p) for p in sorted(pairs)]},
        ensure_ascii=False,
    )
