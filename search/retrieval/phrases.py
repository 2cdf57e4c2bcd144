"""Phrases over the position values of search.retrieval.postings: which documents have the words in
order, each at most `slop` positions after the one before (Whoosh's Phrase semantics: slop 1
is "next to each other"), checking only the documents that have every word."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from search.retrieval import docsets
from search.retrieval.postings import Arrays, TermPostings

# Up to this many candidate documents, positions are decoded document by document; beyond,
# each word's occurrences are decoded once (and kept) and the check is done with arrays.
PER_DOCUMENT_CHECKS = 100


def in_sequence(positions: Sequence[Sequence[int]], slop: int) -> bool:
    """True when some position of each list follows one of the previous list's within
    1..slop positions."""
    ends = positions[0]
    for following in positions[1:]:
        if not ends:
            return False
        reachable = set()
        for end in ends:
            reachable.update(range(end + 1, end + slop + 1))
        ends = [p for p in following if p in reachable]
    return bool(ends)


def candidates(
    arrays: Arrays, fieldname: str, words: Sequence[str], among: np.ndarray | None = None
) -> np.ndarray:
    """The live documents (of `among`, sorted, when given) that have every word in the
    field: the smallest set first (a proximity check's few hundred documents, not a
    common word's hundreds of thousands)."""
    postings = [arrays.postings(fieldname, w) for w in words]
    if not postings or any(len(p) == 0 for p in postings):
        return np.zeros(0, dtype=np.int64)
    sets = [p.stored_docs for p in postings] + ([] if among is None else [among])
    docs = docsets.intersect(sets, arrays.size)
    return docs[arrays.live[docs]]


def phrase_docs(
    arrays: Arrays, fieldname: str, words: Sequence[str], slop: int, among: np.ndarray | None = None
) -> np.ndarray:
    """The documents (of `among`, when given) with the phrase in the field."""
    docs = candidates(arrays, fieldname, words, None if among is None else np.sort(among))
    if not len(docs):
        return docs
    postings = [arrays.postings(fieldname, w) for w in words]
    if len(docs) > PER_DOCUMENT_CHECKS:
        return _by_keys(postings, docs, slop)
    positions = [p.positions_of(docs) for p in postings]
    keep = [in_sequence([p[i] for p in positions], slop) for i in range(len(docs))]
    return docs[np.array(keep, dtype=bool)]


def _by_keys(postings: list[TermPostings], docs: np.ndarray, slop: int) -> np.ndarray:
    """The phrase check as array lookups over every occurrence (document << 32 | position):
    each word's occurrences that follow a previous word's within `slop` positions."""
    steps = np.arange(1, slop + 1, dtype=np.int64)
    ends: np.ndarray | None = None
    for p in postings:
        keys = p.position_keys(docs)
        if ends is not None:
            # The occurrences that follow one of the previous word's within `slop`.
            following = docsets.distinct(np.sort((ends[:, None] + steps).ravel()))
            keys = following[docsets.contains(keys, following)]
            docs = docsets.distinct(keys >> 32)  # the documents where the phrase goes on
        ends = keys
        if not len(ends):
            break
    return docsets.distinct(ends >> 32) if ends is not None else docs[:0]
