"""Shingles and MinHash signatures: how near-duplicate texts are compared.

A text's shingles are the hashes of its runs of SHINGLE_WORDS lower-cased words. Hashes are

stable across processes and machines (CRC-32 of each word, combined arithmetically), so a
signature stored by a build is comparable with one computed by a later update.

A MinHash signature keeps, for each of SIGNATURE_SIZE hash functions, the smallest hash of
the text's shingles: two texts agree on a share of the positions that estimates the Jaccard
similarity of their shingle sets. `band_keys` cuts signatures into bands for locality
sensitive hashing: texts that agree on a whole band are candidates to compare exactly.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 64
BAND_ROWS = 1  # SIGNATURE_SIZE / BAND_ROWS bands: Jaccard 0.1 is a candidate 99.9 % of the time

_WORD = re.compile(r"[^\W_]+")
# Numbers as written: "757.000", "15/9/2019", "2-2", "19.30".
_NUMBER = re.compile(r"\d+(?:[.,/:-]\d+)*")
# Odd 64-bit multipliers, one per position in a shingle.
_POSITION = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)[:SHINGLE_WORDS]
# A shingle's hash keeps its top SHINGLE_BITS bits: room beside it for a day number when
# shingles are sorted with their articles' dates (search.indexing.copies).
SHINGLE_BITS = 48
EMPTY = np.zeros(0, dtype=np.uint64)
EMPTY_POSITION = 0xFFFFFFFF
_BIN_BITS = SIGNATURE_SIZE.bit_length() - 1
_FILL = 0x5BD1E995  # xor-ed into a value at each bin it fills (see `densified`)
_UNFILLABLE = EMPTY_POSITION ^ _FILL  # the value whose fill would be EMPTY_POSITION
# The steps that mix a shingle's hash, and the shift that keeps its top SHINGLE_BITS.
_SHIFT_29, _MIX, _SHIFT_32 = np.uint64(29), np.uint64(0xBF58476D1CE4E5B9), np.uint64(32)
_TOP = np.uint64(64 - SHINGLE_BITS)


def words(text: str) -> list[str]:
    """The lower-cased words of a text (letters and digits)."""
    return _WORD.findall(text.lower())


def numbers(text: str) -> frozenset[str]:
    """The numbers written in a text, of two characters or more ("2019", "757.000")."""
    return frozenset(n for n in _NUMBER.findall(text) if len(n) > 1)


def shingles(text: str) -> np.ndarray:
    """The sorted, distinct hashes of a text's runs of SHINGLE_WORDS words (a shorter text:
    one hash of all its words; no words: none)."""
    return word_shingles(words(text))


def word_shingles(found: list[str]) -> np.ndarray:
    """`shingles` of a text's words (`words`)."""
    return id_shingles(word_ids(found))


def word_ids(found: list[str]) -> np.ndarray:
    """The hash of each word (CRC-32 of its UTF-8) that `id_shingles` combines: a text's and
    its opening's shingles are made from one hashing of its words."""
    return np.fromiter(map(zlib.crc32, map(str.encode, found)), dtype=np.uint64, count=len(found))


def id_shingles(ids: np.ndarray) -> np.ndarray:
    """`shingles` of a text's words' hashes (`word_ids`)."""
    if not len(ids):
        return EMPTY
    span = min(SHINGLE_WORDS, len(ids))
    count = len(ids) - span + 1
    # Arrays of uint64 wrap around silently (no errstate needed, unlike scalars).
    hashes = ids[:count] * _POSITION[0]
    for position in range(1, span):
        hashes += ids[position : position + count] * _POSITION[position]
    hashes ^= hashes >> _SHIFT_29
    hashes *= _MIX
    hashes ^= hashes >> _SHIFT_32
    hashes >>= _TOP
    # np.unique's result, sorted in place: a third less time for an article's few hundred.
    hashes.sort()
    distinct = np.empty(len(hashes), dtype=bool)
    distinct[0] = True
    np.not_equal(hashes[1:], hashes[:-1], out=distinct[1:])
    return hashes[distinct]


def signatures(sets: list[np.ndarray]) -> np.ndarray:
    """The MinHash signature of each shingle set, as rows of SIGNATURE_SIZE uint32: one
    permutation hashing (the shingles fall into SIGNATURE_SIZE bins by their hash's top bits;
    a position holds its bin's smallest hash), empty bins filled from the next bin on the
    right (densification). An empty set's row is all EMPTY_POSITION."""
    out = np.full((len(sets), SIGNATURE_SIZE), EMPTY_POSITION, dtype=np.uint64)
    sizes = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    if not sizes.sum():
        return out.astype(np.uint32)
    joined = np.concatenate(sets)
    docs = np.repeat(np.arange(len(sets), dtype=np.uint64), sizes)
    bins = signature_bin(joined)
    values = signature_value(joined)
    keys = np.sort(((docs * np.uint64(SIGNATURE_SIZE) + bins) << np.uint64(32)) | values)
    first = np.ones(len(keys), dtype=bool)
    first[1:] = (keys[1:] >> np.uint64(32)) != (keys[:-1] >> np.uint64(32))
    slots = keys[first] >> np.uint64(32)
    out.reshape(-1)[slots.astype(np.int64)] = keys[first] & np.uint64(0xFFFFFFFF)
    return densified(out)


def densified(rows: np.ndarray) -> np.ndarray:
    """Signature rows (uint64, EMPTY_POSITION in empty bins) with each empty bin filled from
    the next bin on the right, as uint32 (see `signatures`): from the nearest filled bin on
    the right (round the row's end), its value xor-ed with _FILL once for each bin it fills on
    the way. A bin whose fill would be EMPTY_POSITION stays empty, and so do those on its left
    that it would fill."""
    rows = np.asarray(rows, dtype=np.uint64)
    if not rows.size:
        return rows.astype(np.uint32)
    width = rows.shape[1]
    twice = np.concatenate([rows, rows], axis=1)
    positions = np.arange(2 * width)
    filled = np.where(twice != EMPTY_POSITION, positions, 2 * width)
    nearest = np.minimum.accumulate(filled[:, ::-1], axis=1)[:, ::-1][:, :width]
    steps = nearest - positions[:width]
    source = np.take_along_axis(twice, np.minimum(nearest, 2 * width - 1), axis=1)
    found = (nearest < 2 * width) & ((steps == 0) | (source != _UNFILLABLE))
    values = source ^ np.where(steps % 2 == 1, np.uint64(_FILL), np.uint64(0))
    return np.where(found, values, rows).astype(np.uint32)


def signature_bin(hashes: np.ndarray) -> np.ndarray:
    """The signature position (bin) of each shingle hash."""
    return hashes >> np.uint64(SHINGLE_BITS - _BIN_BITS)


def signature_value(hashes: np.ndarray) -> np.ndarray:
    """What a shingle hash contributes to its bin (the bin keeps the smallest)."""
    return hashes & np.uint64(0xFFFFFFFE)  # below EMPTY_POSITION


def band_keys(signature_rows: np.ndarray) -> np.ndarray:
    """One key per band of BAND_ROWS positions, for each signature: (documents, bands) uint64."""
    bands = SIGNATURE_SIZE // BAND_ROWS
    return _band_keys(signature_rows, np.arange(bands, dtype=np.uint64))


def band_key(signature_rows: np.ndarray, band: int) -> np.ndarray:
    """`band_keys` of one band: (documents,) uint64."""
    at = slice(band * BAND_ROWS, (band + 1) * BAND_ROWS)
    return _band_keys(signature_rows[:, at], np.uint64(band))[:, 0]


def _band_keys(signature_rows: np.ndarray, bands: np.ndarray | np.uint64) -> np.ndarray:
    rows = signature_rows.astype(np.uint64)
    keys = np.zeros((len(rows), rows.shape[1] // BAND_ROWS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(BAND_ROWS):
            keys = keys * np.uint64(0x100000001B3) + rows[:, r::BAND_ROWS]
        keys = keys * np.uint64(64) + bands  # bands never collide
        # An odd multiplier keeps keys apart and spreads them into the top bits, which the
        # copies state looks up by (a one-row band's key is otherwise under 2**38).
        keys = keys * np.uint64(0x9E3779B97F4A7C15)
    return keys


def sharing_a_band(signature_rows: np.ndarray, signature: np.ndarray) -> np.ndarray:
    """A bool per row: does it agree with `signature` on every position of some band (the
    bands of `band_keys`), compared position by position rather than through the keys: for a
    few signatures against many, cheaper than keying them all."""
    agree = signature_rows == signature
    together = agree[:, 0::BAND_ROWS]
    for r in range(1, BAND_ROWS):
        together = together & agree[:, r::BAND_ROWS]
    return together.any(axis=1)


def estimated_jaccard(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The share of positions where paired signatures agree (row by row)."""
    return (first == second).mean(axis=1)
