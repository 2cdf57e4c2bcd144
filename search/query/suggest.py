"""Did you mean: a spelling suggestion made of real words from the index.

Only words the index does not know, or knows from few articles, are looked at (so a
well-spelt query costs one document-frequency lookup per word). A word in a handful of
articles (under UNCOMMON_DF) is still corrected when one edit away is a name (a word the
corpus capitalises, `search.lexicon.protected_words`) in many times more articles: news
misspells names ("yasona", in 4 articles, is "yasonna", in 184), while a rare common word
("kuah") must not become a commoner one ("kuat"). For such a word, the index's
surface words (`body_exact`) that share its first two letters and are at most two edits away
(insertions, deletions, substitutions, swaps of neighbours: RapidFuzz's OSA distance) are
candidates; the closest, then
the most common, wins if it is much more common than the word typed.

The index's words and their frequencies are read through `search.query.terms.Terms`, so the
same code suggests on every engine.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.reading import IndexReader

from search import whoosh_private
from search.lexicon import protected_words
from search.query.plan import QueryPlan

if TYPE_CHECKING:
    from search.query.terms import Terms

FIELD = "body_exact"
RARE_DF = 3  # a word in fewer articles than this may be a misspelling
MIN_GAIN = 5  # for a rare word, the suggestion must be in this many times more articles
UNCOMMON_DF = 25  # a word in fewer articles may be a misspelling of a much commoner one:
UNCOMMON_GAIN = 20  # one edit away, in this many times more articles
MIN_LENGTH = 4
MAX_EDITS = 2
SHARED_PREFIX = 2
_LETTERS = re.compile(r"[a-z]+")


class Vocabulary:
    """The index's surface words grouped by their first letters and length: each group's
    words, in the lexicon's order, joined by newlines in one text (`text[start:end]` for the
    group's (start, end) in `spans`); the text is bytes, or an array mapped from the file the
    build writes (search.query.vocabulary_file)."""

    def __init__(
        self, text: bytes | np.ndarray, spans: dict[tuple[str, int], tuple[int, int]]
    ) -> None:
        self.text = text
        self.spans = spans

    @classmethod
    def of_reader(cls, reader: IndexReader) -> Vocabulary:
        """The vocabulary read from the reader's lexicon (every segment's, merged)."""
        groups: dict[tuple[str, int], list[str]] = {}
        for btext in reader.lexicon(FIELD):
            word = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            if is_candidate(word):
                groups.setdefault((word[:SHARED_PREFIX], len(word)), []).append(word)
        parts: list[bytes] = []
        spans: dict[tuple[str, int], tuple[int, int]] = {}
        at = 0
        for key, words in groups.items():
            part = "\n".join(words).encode("utf-8")
            spans[key] = (at, at + len(part))
            parts.append(part)
            at += len(part)
        return cls(b"".join(parts), spans)

    def group(self, prefix: str, length: int) -> list[str]:
        """The words of `length` letters that start with `prefix`."""
        span = self.spans.get((prefix, length))
        if span is None:
            return []
        return bytes(self.text[span[0] : span[1]]).decode("utf-8").split("\n")

    def near(self, word: str) -> list[str]:
        """The words `near_bounds` allows for `word`."""
        prefix, shortest, longest = near_bounds(word)
        out: list[str] = []
        for length in range(shortest, longest + 1):
            out += self.group(prefix, length)
        return out


def near_bounds(word: str) -> tuple[str, int, int]:
    """What a word `word` may be a misspelling of shares: its first letters, and a length
    (shortest, longest) at most MAX_EDITS letters from its own."""
    shortest = max(len(word) - MAX_EDITS, MIN_LENGTH - MAX_EDITS)
    return word[:SHARED_PREFIX], shortest, len(word) + MAX_EDITS


def is_candidate(word: str) -> bool:
    """Whether an index word may be suggested at all (letters only, not too short)."""
    return len(word) >= MIN_LENGTH - MAX_EDITS and _LETTERS.fullmatch(word) is not None


# The vocabulary of an index content (its segments), shared by every thread's reader: it
# takes seconds to read on the corpus, so it is read once, by the first thread that needs it
# (with its own reader: Whoosh readers are not shared between threads); the others wait for
# it at most VOCABULARY_WAIT_SECONDS, and go without a suggestion until it is ready.
VOCABULARY_WAIT_SECONDS = 5.0
_KEPT_VOCABULARIES = 2


class _Reading:
    def __init__(self) -> None:
        self.ready = threading.Event()
        self.vocabulary: Vocabulary | None = None


_vocabularies: OrderedDict[tuple, _Reading] = OrderedDict()
_lock = threading.Lock()


def vocabulary(reader: IndexReader, wait: float = VOCABULARY_WAIT_SECONDS) -> Vocabulary | None:
    """The vocabulary of the reader's index: read now when no thread has, else the one
    another thread reads, or None when it is not ready after `wait` seconds."""
    key = whoosh_private.segments_key(reader)
    with _lock:
        reading = _vocabularies.get(key)
        mine = reading is None
        if reading is None:
            reading = _vocabularies[key] = _Reading()
            while len(_vocabularies) > _KEPT_VOCABULARIES:
                _vocabularies.popitem(last=False)
    if not mine:
        reading.ready.wait(wait)
        return reading.vocabulary
    try:
        reading.vocabulary = _vocabulary_of(reader)
    except BaseException:
        with _lock:
            if _vocabularies.get(key) is reading:
                del _vocabularies[key]  # the next search tries again
        raise
    finally:
        reading.ready.set()
    return reading.vocabulary


def _vocabulary_of(reader: IndexReader) -> Vocabulary:
    """Mapped from the file written for the reader's content, else read from its lexicon and
    kept in that file for the next process."""
    from search.query import vocabulary_file  # it writes and maps this module's vocabularies

    found = vocabulary_file.load(reader)
    if found is not None:
        return found
    found = Vocabulary.of_reader(reader)
    vocabulary_file.keep(reader, found)
    return found


def correct_word(terms: Terms, word: str) -> str | None:
    """The index word `word` was probably meant to be, or None."""
    if len(word) < MIN_LENGTH or not _LETTERS.fullmatch(word):
        return None
    df = terms.doc_frequency(FIELD, word)
    if df >= UNCOMMON_DF:
        return None
    rare = df < RARE_DF
    edits, gain = (MAX_EDITS, MIN_GAIN) if rare else (1, UNCOMMON_GAIN)
    near = terms.near(word)
    if near is None:
        return None
    matches = process.extract(
        word,
        near,
        scorer=OSA.distance,
        score_cutoff=edits,
        limit=None,
    )
    best: tuple[int, int, str] | None = None
    for candidate, distance, _ in matches:
        if candidate == word or (best is not None and distance > best[0]):
            continue
        if not rare and candidate not in protected_words():
            continue
        cdf = terms.doc_frequency(FIELD, candidate)
        if cdf < max(1, gain * df):
            continue
        key = (distance, -cdf, candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def suggest(
    terms: Terms, text: str, parsed: QueryPlan, *, unfinished: str | None = None
) -> str | None:
    """The query with its misspelt words replaced by index words, or None when nothing
    needed correcting. `unfinished`: a word still being typed, left as it is."""
    corrected = text
    changed = False
    for word in dict.fromkeys(w.exact for w in parsed.content_words()):
        if word == unfinished:
            continue
        better = correct_word(terms, word)
        if better:
            corrected = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", better, corrected)
            changed = True
    return corrected if changed and corrected != text else None
