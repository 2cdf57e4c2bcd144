"""Sets of documents as sorted arrays of document numbers (int64, ascending, no repeats):
what matching, ranking and facet counting compute with, so that a query's work grows with the
postings it reads and the documents it matches, not with the size of the index. A term's
documents may be given as the postings cache keeps them (int32: `TermPostings.stored_docs`),
so that a common word's are not widened for each search: what these return is int64.

    both = intersect([word_a, word_b])      # sorted ids in both
    either = union([word_a, word_b])
    rest = difference(either, both)
    inside = contains(both, ids)             # a bool per id of `ids`
    values = lookup(ids_a, values_a, ids)    # values_a at `ids` (0 where absent)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

EMPTY = np.zeros(0, dtype=np.int64)


def union(sets: Sequence[np.ndarray], size: int = 0) -> np.ndarray:
    """Every document in one of the sets (`size`: the number of documents of the index,
    when known: large sets are merged over a bool per document, cheaper than a sort)."""
    sets = [s for s in sets if len(s)]
    if not sets:
        return EMPTY
    if len(sets) == 1:
        return wide(sets[0])
    # A sort costs some 9 ns a document of the sets; a bool per document of the index 5 ns a
    # document of the sets, and 0.25 ns a document of the index to list the set.
    if size and sum(map(len, sets)) * 16 > size:
        mask = np.zeros(size, dtype=bool)
        for s in sets:
            mask[wide(s)] = True
        return np.flatnonzero(mask)
    return distinct(np.sort(np.concatenate(sets, dtype=np.int64)))


def distinct(ordered: np.ndarray) -> np.ndarray:
    """An ascending array without its repeats."""
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def intersect(sets: Sequence[np.ndarray], size: int = 0) -> np.ndarray:
    """The documents in every set (smallest first: each step costs the smaller set's size
    times a binary search in the other)."""
    if not sets:
        return EMPTY
    ordered = sorted(sets, key=len)
    out = ordered[0]
    for other in ordered[1:]:
        if not len(out):
            break
        out = out[contains(other, out, size)]
    return wide(out)


def difference(docs: np.ndarray, removed: np.ndarray, size: int = 0) -> np.ndarray:
    """The documents of `docs` not in `removed`."""
    if not len(docs) or not len(removed):
        return wide(docs)
    return wide(docs[~contains(removed, docs, size)])


def contains(docs: np.ndarray, ids: np.ndarray, size: int = 0) -> np.ndarray:
    """A bool per id of `ids`: is it in the set `docs`."""
    if not len(docs):
        return np.zeros(len(ids), dtype=bool)
    # A binary search costs some 16 ns an id; a bool per document of the index 2 ns a
    # document of the set or an id, and 0.03 ns a document of the index.
    if size and len(ids) * 14 > len(docs) * 2 + size // 32:
        return to_mask(docs, size)[wide(ids)]
    ids = searchable(ids, docs)
    at = np.searchsorted(docs, ids)
    at[at == len(docs)] = 0
    return docs[at] == ids


def lookup(docs: np.ndarray, values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """`values` (aligned with the set `docs`) at each of `ids`, 0 where an id is not in it."""
    out = np.zeros(len(ids), dtype=values.dtype)
    if not len(docs):
        return out
    ids = searchable(ids, docs)
    at = np.searchsorted(docs, ids)
    at[at == len(docs)] = 0
    found = docs[at] == ids
    out[found] = values[at[found]]
    return out


def first_by(ranks: np.ndarray, docs: np.ndarray, needed: int) -> list[int]:
    """The first `needed` documents of `docs` by `ranks` (each document number's place in an
    order), in that order: a partition, then a sort of those alone."""
    if needed <= 0 or not len(docs):
        return []
    keys = ranks[docs]
    if needed < len(docs):
        chosen = np.argpartition(keys, needed - 1)[:needed]
        return docs[chosen[np.argsort(keys[chosen])]].tolist()
    return docs[np.argsort(keys)].tolist()


def in_runs(keys: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The keys (ascending, document << 32 | position) of the documents `docs` (sorted): one
    run of keys a document, found by binary search."""
    lows = np.searchsorted(keys, docs << 32)
    highs = np.searchsorted(keys, (docs + 1) << 32)
    lengths = highs - lows
    if int(lengths.sum()) == len(keys):
        return keys
    return keys[spans(lows, lengths)]


def spans(lows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions lows[i] .. lows[i] + lengths[i] - 1 of every span, in one array."""
    return np.repeat(lows - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))


def places(order: np.ndarray) -> np.ndarray:
    """Each document number's place in `order` (every document number, once)."""
    found = np.empty(len(order), dtype=np.int64)
    found[order] = np.arange(len(order))
    return found


def to_mask(docs: np.ndarray, size: int) -> np.ndarray:
    """The set as a bool per document number."""
    out = np.zeros(size, dtype=bool)
    out[wide(docs)] = True
    return out


def live(docs: np.ndarray, live_mask: np.ndarray) -> np.ndarray:
    """The documents of `docs` not deleted."""
    docs = wide(docs)
    return docs[live_mask[docs]]


def wide(docs: np.ndarray) -> np.ndarray:
    """The documents as int64 (a copy only of int32 ones): numpy indexes by an int32 array
    up to twice as slowly as by an int64 one, slower than making the copy first."""
    return docs.astype(np.int64, copy=False)


def searchable(ids: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """`ids` in the type of `docs` (int32: a term's as kept), so that a binary search does
    not convert every one of `docs`, the larger set, to the wider type: document numbers of
    an index whose documents fit int32 fit it too."""
    if docs.dtype == np.int32 and ids.dtype != np.int32:
        return ids.astype(np.int32)
    return ids
