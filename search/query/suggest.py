"""Did you mean: a spelling suggestion made of real words from the index.

Only words the index does not know, or knows from few articles, are looked at (so a
well-spelt query costs one document-frequency lookup per word). A word in a handful of
articles (under UNCOMMON_DF) is still corrected when one edit away is a name (a word the
corpus capitalises, `search.lexicon.protected_words`) in many times more articles: news
misspells names ("yasona", in 4 articles, is "yasonna", in 184), while a rare common word
("kuah") must not become a commoner one ("kuat"). A long one (LONG_WORD letters or more) is
also corrected to any word one edit away in LONG_GAIN times more articles that is no form of
its own root ("karhutlah", in 3, is "karhutla", in 741; "friksi", in 9, is no misspelling
of "fraksi", in 546). A word shorter than MIN_LENGTH is never corrected: an acronym one
letter from a commoner one is another ("kpj", the BPJS card, is no "kpk"; "dpl" no "dpr").
For such a word, the index's
surface words (`body_exact`) that share its first two letters and are at most two edits away
(insertions, deletions, substitutions, swaps of neighbours: RapidFuzz's OSA distance) are
candidates; the closest, then
the most common, wins if it is much more common than the word typed (the words, grouped, are
search.indexing.vocabulary's, mapped from the file the build writes beside the index). A
word no article has may be a word cut short: the commonest word it starts wins when it is as
common as the correction within edits, or more (karnav: Karnavian rather than karna).

The index's words and their frequencies are read through `search.query.terms.Terms`, so the
same code suggests on every engine.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.reading import IndexReader

from search import whoosh_private
from search.indexing import vocabulary as vocabulary_file
from search.indexing.vocabulary import FIELD, LETTERS, MAX_EDITS, MIN_LENGTH, Vocabulary
from search.lexicon import protected_words
from search.query.plan import QueryPlan
from search.text.analyzer import stem_word

if TYPE_CHECKING:
    from search.query.terms import Terms

RARE_DF = 3  # a word in fewer articles than this may be a misspelling
MIN_GAIN = 5  # for a rare word, the suggestion must be in this many times more articles
UNCOMMON_DF = 25  # a word in fewer articles may be a misspelling of a much commoner one:
UNCOMMON_GAIN = 20  # one edit away, in this many times more articles
# An uncommon word this long may be a misspelling of any word (not only a name) one edit
# away in LONG_GAIN times more articles. On the corpus, of 60 words in 3 to 24 articles
# picked at random, these three were: karana, dengab, masayarakat (karena, dengan,
# masyarakat); at 50 times, "sesame" and "friksi" (a word: friction) would have been too.
LONG_WORD = 6
LONG_GAIN = 100


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
    return vocabulary_file.KEPT.of(reader, lambda: Vocabulary.of_reader(reader))


def correct_word(terms: Terms, word: str) -> str | None:
    """The index word `word` was probably meant to be, or None. A word no article has that
    starts a word in MIN_GAIN articles or more, and in as many as the closest correction
    within edits, is that word cut short: every letter typed is in it ("karnav": Karnavian,
    in 106 articles, rather than "karna", in 19)."""
    if len(word) < MIN_LENGTH or not LETTERS.fullmatch(word):
        return None
    df = terms.doc_frequency(FIELD, word)
    if df >= UNCOMMON_DF:
        return None
    edited = _edited(terms, word, df)
    completed = None if df else _completed(terms, word)
    if completed is None:
        return edited
    if edited is None or completed[1] >= terms.doc_frequency(FIELD, edited):
        return completed[0]
    return edited


def _completed(terms: Terms, word: str) -> tuple[str, int] | None:
    """The commonest index word that `word` is the start of, with its articles, when it is
    in MIN_GAIN articles or more."""
    for candidate in terms.prefix_terms(FIELD, word):
        if candidate != word and LETTERS.fullmatch(candidate):
            cdf = terms.doc_frequency(FIELD, candidate)
            return (candidate, cdf) if cdf >= MIN_GAIN else None
    return None


def _edited(terms: Terms, word: str, df: int) -> str | None:
    """The index word at most a few edits from `word` (in `df` articles) it was probably
    meant to be (see the module's docstring), or None."""
    rare = df < RARE_DF
    edits = MAX_EDITS if rare else 1
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
            gain = LONG_GAIN  # any long word (looked up only when it may be one)
            if len(word) < LONG_WORD or _same_root(word, candidate):
                continue
        else:
            gain = MIN_GAIN if rare else UNCOMMON_GAIN
        cdf = terms.doc_frequency(FIELD, candidate)
        if cdf < max(1, gain * df):
            continue
        key = (distance, -cdf, candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _same_root(word: str, other: str) -> bool:
    """Whether two words are forms of one root (the search finds either for the other)."""
    return stem_word(word) == stem_word(other)


def suggest(
    terms: Terms,
    text: str,
    parsed: QueryPlan,
    *,
    unfinished: str | None = None,
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
