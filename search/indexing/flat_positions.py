"""A segment's positions as flat arrays, read by memory map: where each term occurs in each
document, what phrases and the proximity and lede bonuses read, without unpickling Whoosh's
posting blocks.

The flat postings file (`search.indexing.flat_postings`, `<segment>.fpst`) holds every term's
documents and weights; a term's postings are a run [first, last) of the segment's postings,
found through its table of hashes. This file, `<segment>.fpos`, holds each posting's
positions in the same order, so the same lookup finds them:

    offset  what
    0       magic b"CARIFPO1", then four little-endian uint64: postings P (as many as the
            .fpst's), occurrences O, the starts' type S (0: uint32, 1: uint64) and the
            positions' type Q (0: uint16, 1: uint32)
    40      starts     S[P + 1]  where each posting's positions begin in `positions`
            positions  Q[O]      each posting's positions in its document, ascending

(the positions start at a multiple of 8; little-endian). A term's occurrences in a segment are
`positions[starts[first]:starts[last]]`, in document order: no unpickling, no cache. A
posting of a field without positions (ids, keywords, numbers) has none. Positions take two
bytes each when every position of the segment is under 65,536 (all but texts of more than
65,536 words). The file is written with the segment's .fpst (by `FastSegmentWriter`, or read
back from the blocks: `write_missing`), never changes, and is recorded with the other files
(`search.indexing.store`). A segment without it (an index built by an older Cari) has its
positions read from its blocks as before.
"""

from __future__ import annotations

import os
import pickle
import struct
from itertools import chain
from pathlib import Path

import numpy as np

from search.indexing.mapped import aligned, open_map, padded

EXTENSION = ".fpos"
MAGIC = b"CARIFPO1"
_HEADER = struct.Struct("<8s4Q")
_STARTS_TYPES = (np.dtype("<u4"), np.dtype("<u8"))
_POSITIONS_TYPES = (np.dtype("<u2"), np.dtype("<u4"))
_EMPTY = np.zeros(0, dtype=np.int64)
_NONE = np.zeros(0, dtype=np.uint32)
# Position values are decoded this many at a time when a file is written.
DECODED_AT_ONCE = 65_536


def decode_values(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Whoosh's position values (each a 4-byte frequency, then a pickled list of position
    gaps): how many positions each has (int64) and the positions themselves, one value's
    after the other's (int64, ascending within each)."""
    if not values:
        return _EMPTY, _EMPTY
    counts, gaps = _gaps(values)
    if not len(gaps):
        return counts, gaps
    # Gaps restart in each value: a running sum, less the sum before the value.
    running = np.cumsum(gaps)
    starts = np.cumsum(counts) - counts
    nonempty = counts > 0
    before = np.zeros(len(values), dtype=np.int64)
    before[nonempty] = running[starts[nonempty]] - gaps[starts[nonempty]]
    return counts, running - np.repeat(before, counts)


# How pickle.dumps(gaps, 2) writes a list of gaps under 256 (after the value's 4-byte count):
# one gap as _ONE, the gap, b"a."; 2 to _MAX_BATCH gaps as _MANY, then b"K" and the gap for
# each, then b"e.". Most values are such lists: `_gaps` reads them from their bytes.
_ONE = b"\x80\x02]q\x00K"
_MANY = b"\x80\x02]q\x00("
_MAX_BATCH = 1000  # pickle writes a longer list in several batches
_COUNT_BYTES = 4
_PADDING = bytes(8)  # after the values: every place read is in the buffer


def _gaps(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """How many gaps each value holds, and the gaps, one value's after the other's (int64).
    The values in the layouts above are read with numpy, every byte but the gaps checked;
    the others are unpickled."""
    data = np.frombuffer(b"".join(values) + _PADDING, dtype=np.uint8)
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    starts = np.cumsum(sizes) - sizes
    heads = np.where(sizes >= _COUNT_BYTES, starts, 0)
    counts = np.zeros(len(values), dtype=np.int64)
    for byte in range(_COUNT_BYTES):  # big-endian (whoosh.system.pack_uint)
        counts = counts << 8 | data[heads + byte]
    one = (counts == 1) & (sizes == _COUNT_BYTES + len(_ONE) + 3)
    many = (counts > 1) & (counts <= _MAX_BATCH)
    many &= sizes == _COUNT_BYTES + len(_MANY) + 2 * counts + 2
    # Where each value's first gap is, and its gaps' places in `data` (2 bytes apart).
    first = starts + _COUNT_BYTES + np.where(one, len(_ONE), len(_MANY) + 1)
    read = one | many
    read &= _bytes_are(data, starts + _COUNT_BYTES, np.where(one, 1, 0), (_MANY, _ONE))
    read &= _bytes_are(data, starts + sizes - 2, np.where(one, 1, 0), (b"e.", b"a."))
    counts_read = np.where(read, counts, 0)
    at = np.repeat(first, counts_read) + 2 * _runs(np.zeros(len(values), np.int64), counts_read)
    misread = data[at - 1] != ord("K")
    if misread.any():  # not the layout read here after all: unpickle those values
        read[np.repeat(np.arange(len(values)), counts_read)[misread]] = False
        counts_read = np.where(read, counts, 0)
        at = np.repeat(first, counts_read) + 2 * _runs(np.zeros(len(values), np.int64), counts_read)
    others = np.flatnonzero(~read)
    loads = pickle.loads
    gap_lists = [loads(values[i][_COUNT_BYTES:]) for i in others.tolist()]
    counts = counts_read
    counts[others] = np.fromiter(map(len, gap_lists), dtype=np.int64, count=len(gap_lists))
    placed = np.cumsum(counts) - counts
    gaps = np.empty(int(counts.sum()), dtype=np.int64)
    gaps[_runs(placed[read], counts[read])] = data[at]
    if gap_lists:
        unpickled = _runs(placed[others], counts[others])
        gaps[unpickled] = np.fromiter(
            chain.from_iterable(gap_lists), dtype=np.int64, count=len(unpickled)
        )
    return counts, gaps


def _bytes_are(
    data: np.ndarray, at: np.ndarray, choice: np.ndarray, layouts: tuple[bytes, ...]
) -> np.ndarray:
    """Whether data[at[i]:] begins with layouts[choice[i]], for each i (layouts of one length)."""
    size = len(layouts[0])
    expected = np.frombuffer(b"".join(layouts), dtype=np.uint8).reshape(len(layouts), size)
    found = data[np.clip(at, 0, len(data) - size)[:, None] + np.arange(size)]
    return (found == expected[choice]).all(axis=1) & (at >= 0) & (at + size <= len(data))


class FlatPositionsWriter:
    """Collects a segment's positions (`add_values`, a term's at a time, in posting order),
    then writes the file (`write`). Values are decoded DECODED_AT_ONCE at a time as they
    come: a pickled list per value, kept for a whole segment, would take hundreds of
    megabytes."""

    def __init__(self) -> None:
        self._terms = 0
        self._next = 0  # the first posting the next term may have
        self._at: list[np.ndarray] = [_EMPTY]  # each decoded value's posting
        self._counts: list[np.ndarray] = [_NONE]
        self._positions: list[np.ndarray] = [_NONE]
        self._firsts: list[int] = []
        self._values: list[bytes] = []

    def __len__(self) -> int:
        """How many terms have positions."""
        return self._terms

    def add_values(self, first: int, values: list[bytes]) -> None:
        """A term's Whoosh position values (see `decode_values`), the positions of its
        postings, which begin at posting `first` of the segment's flat postings (after the
        previous term's)."""
        if not values:
            return
        if first < self._next:
            raise ValueError(f"positions of posting {first} after those of {self._next - 1}")
        self._terms += 1
        self._next = first + len(values)
        self._firsts += range(first, first + len(values))
        self._values += values
        if len(self._values) >= DECODED_AT_ONCE:
            self._decode()

    def _decode(self) -> None:
        counts, positions = decode_values(self._values)
        # Posting numbers in 4 bytes while they fit (a segment's always do in a build).
        small = self._next <= np.iinfo(np.int32).max
        self._at.append(np.array(self._firsts, dtype=np.int32 if small else np.int64))
        self._counts.append(counts.astype(np.uint32))
        self._positions.append(positions.astype(np.uint32))
        self._firsts, self._values = [], []

    def write(self, path: Path, postings: int) -> None:
        """Write the file (`postings`: how many the segment's flat postings hold) whole under
        a temporary name, then rename it into place."""
        if self._next > postings:
            raise ValueError(f"positions past the segment's {postings} postings")
        self._decode()
        starts = np.zeros(postings + 1, dtype=np.int64)
        for at, counts in zip(self._at, self._counts, strict=True):
            starts[at + 1] = counts
        np.cumsum(starts, out=starts)
        positions = np.concatenate(self._positions)
        self._at, self._counts, self._positions = [_EMPTY], [_NONE], [_NONE]
        occurrences = int(starts[-1])
        wide = bool(len(positions)) and int(positions.max()) >= 1 << 16
        big = occurrences >= 1 << 32
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("wb") as f:
            f.write(_HEADER.pack(MAGIC, postings, occurrences, int(big), int(wide)))
            f.write(aligned(starts.astype(_STARTS_TYPES[big]).tobytes()))
            f.write(positions.astype(_POSITIONS_TYPES[wide], copy=False).tobytes())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


def _runs(lows: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indexes lows[0] .. lows[0] + counts[0] - 1, then lows[1] .., one run after the
    other."""
    heads = np.cumsum(counts) - counts
    return np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(lows - heads, counts)


class DamagedFlatPositions(Exception):
    """The file is not as written (its size or header do not add up)."""


class FlatPositions:
    """One segment's file, memory-mapped: `starts` and `positions` are views of the map."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map, size = open_map(path, _HEADER.size, DamagedFlatPositions)
        magic, postings, occurrences, big, wide = _HEADER.unpack_from(self._map)
        if magic != MAGIC or big > 1 or wide > 1:
            raise DamagedFlatPositions(f"{path.name} is damaged (its header does not fit)")
        starts_type, positions_type = _STARTS_TYPES[big], _POSITIONS_TYPES[wide]
        positions_at = _HEADER.size + padded(starts_type.itemsize * (postings + 1))
        if positions_at + positions_type.itemsize * occurrences != size:
            raise DamagedFlatPositions(f"{path.name} is damaged (its header does not fit)")
        self.postings = postings
        self.starts = np.frombuffer(self._map, starts_type, postings + 1, _HEADER.size)
        self.positions = np.frombuffer(self._map, positions_type, occurrences, positions_at)
        if postings and (self.starts[0] != 0 or self.starts[-1] != occurrences):
            raise DamagedFlatPositions(f"{path.name} is damaged (its starts do not add up)")

    def term(self, first: int, last: int) -> TermPositions:
        """The positions of the postings [first, last) (a term's: `FlatPostings.span`)."""
        if not 0 <= first <= last <= self.postings:
            raise DamagedFlatPositions(f"{self.path.name} does not fit its flat postings")
        return TermPositions(self.starts[first : last + 1], self.positions)


class TermPositions:
    """One term's positions in one segment: those of its i-th posting are
    `positions[starts[i]:starts[i + 1]]`."""

    __slots__ = ("positions", "starts")

    def __init__(self, starts: np.ndarray, positions: np.ndarray) -> None:
        self.starts = starts
        self.positions = positions

    def of(self, at: list[int]) -> list[list[int]]:
        """The positions of the postings at `at` (indexes among the term's postings)."""
        starts, positions = self.starts, self.positions
        return [positions[starts[i] : starts[i + 1]].tolist() for i in at]

    def occurrences(self, at: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """How many positions each posting of `at` (all of them when None) has, and those
        positions, one posting's after the other's (int64)."""
        if at is None:
            starts = self.starts.astype(np.int64)
            return np.diff(starts), self.positions[starts[0] : starts[-1]].astype(np.int64)
        # The starts of `at` alone converted (not every posting's of the term).
        lows = self.starts[at].astype(np.int64)
        counts = self.starts[at + 1].astype(np.int64) - lows
        return counts, self.positions[_runs(lows, counts)].astype(np.int64)


def open_beside(flat_postings_path: Path, postings: int) -> FlatPositions | None:
    """The file beside a segment's flat postings file (which holds `postings`), or None when
    the segment has none."""
    try:
        found = FlatPositions(flat_postings_path.with_suffix(EXTENSION))
    except FileNotFoundError:
        return None
    if found.postings != postings:
        raise DamagedFlatPositions(f"{found.path.name} does not fit its segment's flat postings")
    return found
