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
"""

from __future__ import annotations

import re
import threading
import weakref

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.reading import IndexReader

from search.lexicon import protected_words
from search.query.plan import QueryPlan

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
    """The index's surface words grouped by their first letters and length: read once per
    index reader, on the first query that needs a correction."""

    def __init__(self, reader: IndexReader) -> None:
        self.groups: dict[tuple[str, int], list[str]] = {}
        for btext in reader.lexicon(FIELD):
            word = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            if len(word) >= MIN_LENGTH - MAX_EDITS and _LETTERS.fullmatch(word):
                self.groups.setdefault((word[:SHARED_PREFIX], len(word)), []).append(word)

    def near(self, word: str) -> list[str]:
        """Words sharing `word`'s first letters, at most MAX_EDITS letters longer or shorter."""
        prefix = word[:SHARED_PREFIX]
        out: list[str] = []
        for length in range(len(word) - MAX_EDITS, len(word) + MAX_EDITS + 1):
            out += self.groups.get((prefix, length), [])
        return out


_vocabularies: weakref.WeakKeyDictionary[IndexReader, Vocabulary] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def vocabulary(reader: IndexReader) -> Vocabulary:
    with _lock:
        vocab = _vocabularies.get(reader)
        if vocab is None:
            vocab = _vocabularies[reader] = Vocabulary(reader)
        return vocab


def correct_word(reader: IndexReader, word: str) -> str | None:
    """The index word `word` was probably meant to be, or None."""
    if len(word) < MIN_LENGTH or not _LETTERS.fullmatch(word):
        return None
    df = reader.doc_frequency(FIELD, word)
    if df >= UNCOMMON_DF:
        return None
    rare = df < RARE_DF
    edits, gain = (MAX_EDITS, MIN_GAIN) if rare else (1, UNCOMMON_GAIN)
    matches = process.extract(
        word,
        vocabulary(reader).near(word),
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
        cdf = reader.doc_frequency(FIELD, candidate)
        if cdf < max(1, gain * df):
            continue
        key = (distance, -cdf, candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def suggest(
    reader: IndexReader, text: str, parsed: QueryPlan, *, unfinished: str | None = None
) -> str | None:
    """The query with its misspelt words replaced by index words, or None when nothing
    needed correcting. `unfinished`: a word still being typed, left as it is."""
    corrected = text
    changed = False
    for word in dict.fromkeys(w.exact for w in parsed.content_words()):
        if word == unfinished:
            continue
        better = correct_word(reader, word)
        if better:
            corrected = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", better, corrected)
            changed = True
    return corrected if changed and corrected != text else None
