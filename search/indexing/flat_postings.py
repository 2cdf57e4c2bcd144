"""A segment's postings as flat arrays, read by memory map: each term's document numbers and
weights, what every search reads, without unpickling Whoosh's posting blocks.

Whoosh keeps a term's postings in pickled blocks (`.pst`): reading a common word's means an
unpickle per block and a copy into numpy arrays, which at a million articles cost more than
the rest of a search and did not fit any reasonable cache. Beside each segment's files, a
segment written by Cari has one more, `<segment>.fpst`, with every term's documents and
weights as they are in memory, found by a binary search over hashes of the terms:

    offset  what
    0       magic b"CARIFPS3", then five little-endian uint64: terms T, postings P, key
            bytes K, the weights' type W (0: float32, 1: uint8), bucket bits B
    48      terms    uint64[T, 5]  each term's hash (blake2b-64 of its key: field UTF-8, 0,
                                   term bytes), [start, end) in docs and weights, and its
                                   key's [start, end) in the file; by hash, ascending
            buckets  uint32[2**B + 1]  where the terms whose hash starts with each B bits begin
            docs     int32[P]      the segment's own document numbers, ascending per term
            weights  W[P]          aligned with docs (term frequency times field boost): one
                                   byte each when every weight of the segment is a whole
                                   number up to 255 (term frequencies without boosts), exact
            key bytes K            the keys, each found by its hash checked against its bytes

(each array starts at a multiple of 8; little-endian). There are about as many buckets as
terms: a lookup reads a bucket's bounds and one or two entries (a few microseconds, made once
per segment), and opening the file reads nothing but its header. The file is written once with the segment (by
`FastSegmentWriter`, or read back from a segment Whoosh's own writer made: `write_missing`)
and never changes; the generation records its size and checksums with the other files
(`search.indexing.store`). Each term's positions, read only by phrases and the proximity and
lede bonuses, are in a second file beside it (`search.indexing.flat_positions`), found by the
same lookup: the run [first, last) of the segment's postings that is the term's (`span`). A
segment without the file (an index built by an older Cari) is read from its blocks as before.
"""

from __future__ import annotations

import hashlib
import os
import struct
from array import array
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.reading import TermNotFound

from search import whoosh_private
from search.indexing import flat_positions
from search.indexing.mapped import aligned, open_map, padded

EXTENSION = ".fpst"
MAGIC = b"CARIFPS3"
_HEADER = struct.Struct("<8s5Q")
_ENTRY = struct.Struct("<5Q")
_BUCKET = struct.Struct("<2I")


def key_of(fieldname: str, term: bytes) -> bytes:
    """A term's key in the file."""
    return fieldname.encode("utf-8") + b"\0" + term


def hash_of(key: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")


class FlatPostingsWriter:
    """Collects a segment's terms (`add`, in any order), then writes the file (`write`)."""

    def __init__(self) -> None:
        self._keys: list[bytes] = []
        self._bounds = array("q", [0])
        self._docs = array("i")
        self._weights = array("f")

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def postings(self) -> int:
        """How many postings were added (where the next term's begin)."""
        return len(self._docs)

    def add(
        self, key: bytes, docs: list[int] | np.ndarray, weights: list[float] | np.ndarray
    ) -> None:
        """A term's postings (`key`: key_of(field, term)): its documents, ascending, and
        their weights."""
        self._keys.append(key)
        if isinstance(docs, np.ndarray):
            self._docs.frombytes(docs.astype(np.int32).tobytes())
            self._weights.frombytes(np.asarray(weights, dtype=np.float32).tobytes())
        else:
            self._docs.extend(docs)
            self._weights.extend(weights)
        if len(self._docs) != len(self._weights):
            raise ValueError(f"term {key!r}: documents and weights differ in number")
        self._bounds.append(len(self._docs))

    def write(self, path: Path) -> None:
        """Write the file whole under a temporary name, then rename it into place."""
        terms = len(self._keys)
        hashes = np.fromiter(map(hash_of, self._keys), dtype="<u8", count=terms)
        order = np.argsort(hashes, kind="stable")
        bounds = np.frombuffer(self._bounds, dtype=np.int64)
        sizes = np.fromiter(map(len, self._keys), dtype=np.int64, count=terms)
        count = len(self._docs)
        weights = np.frombuffer(self._weights, dtype=np.float32)
        small = bool(count) and bool(
            weights.min() >= 0 and weights.max() <= 255 and (weights == np.round(weights)).all()
        )
        weights_data = (weights.astype(np.uint8) if small else weights.astype("<f4")).tobytes()
        bits = max(terms - 1, 0).bit_length()  # 2**bits buckets: about one term each
        buckets_at = _HEADER.size + 40 * terms
        docs_at = buckets_at + padded(4 * ((1 << bits) + 1))
        weights_at = docs_at + padded(4 * count)
        keys_at = weights_at + padded(len(weights_data))
        key_ends = keys_at + np.cumsum(sizes)
        entries = np.empty((terms, 5), dtype="<u8")
        entries[:, 0] = hashes
        entries[:, 1], entries[:, 2] = bounds[:-1], bounds[1:]
        entries[:, 3], entries[:, 4] = key_ends - sizes, key_ends
        entries = entries[order]
        firsts = entries[:, 0] >> np.uint64(64 - bits) if bits else np.zeros(terms, np.uint64)
        buckets = np.searchsorted(firsts, np.arange((1 << bits) + 1, dtype=np.uint64))
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("wb") as f:
            f.write(_HEADER.pack(MAGIC, terms, count, int(sizes.sum()), int(small), bits))
            f.write(entries.tobytes())
            f.write(aligned(buckets.astype("<u4").tobytes()))
            f.write(aligned(np.frombuffer(self._docs, dtype=np.int32).astype("<i4").tobytes()))
            f.write(aligned(weights_data))
            f.write(b"".join(self._keys))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


_WEIGHT_TYPES = (np.dtype("<f4"), np.dtype(np.uint8))


class DamagedFlatPostings(Exception):
    """The file is not as written (its size or header do not add up)."""


class FlatPostings:
    """One segment's file, memory-mapped: `find` a term's documents and weights (views of
    the map, no copy)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._map, size = open_map(path, _HEADER.size, DamagedFlatPostings)
        magic, terms, count, key_bytes, small, bits = _HEADER.unpack_from(self._map)
        weights_type = _WEIGHT_TYPES[small] if small < len(_WEIGHT_TYPES) else None
        buckets_at = _HEADER.size + 40 * terms
        docs_at = buckets_at + padded(4 * ((1 << min(bits, 40)) + 1))
        weights_at = docs_at + padded(4 * count)
        keys_at = weights_at + padded(count * (weights_type.itemsize if weights_type else 0))
        if magic != MAGIC or weights_type is None or bits > 32 or keys_at + key_bytes != size:
            raise DamagedFlatPostings(f"{path.name} is damaged (its header does not fit)")
        self._size = size
        self._count = count
        self._terms = terms
        self._shift = 64 - bits
        self._buckets_at = buckets_at
        self._docs = np.frombuffer(self._map, "<i4", count, docs_at)
        self._weights = np.frombuffer(self._map, weights_type, count, weights_at)

    def __len__(self) -> int:
        return self._terms

    @property
    def postings(self) -> int:
        """How many postings the segment has (its terms' in all)."""
        return self._count

    def find(self, key: bytes, hashed: int) -> tuple[np.ndarray, np.ndarray] | None:
        """A term's documents (int32) and weights (float32, or uint8 when they are all whole
        numbers that fit: convert them before arithmetic), or None when the segment does not
        have it (`hashed`: hash_of(key))."""
        span = self.span(key, hashed)
        return None if span is None else self.postings_at(*span)

    def postings_at(self, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
        """The documents and weights of the postings [first, last) (a term's: `span`)."""
        return self._docs[first:last], self._weights[first:last]

    def span(self, key: bytes, hashed: int) -> tuple[int, int] | None:
        """Where a term's postings are among the segment's: [first, last) (what its flat
        positions are found by), or None when the segment does not have it."""
        if not self._terms:
            return None
        data = self._map
        low, high = _BUCKET.unpack_from(data, self._buckets_at + 4 * (hashed >> self._shift))
        if not low <= high <= self._terms:
            raise DamagedFlatPostings(f"{self.path.name} is damaged (a bucket out of bounds)")
        for at in range(low, high):
            found, first, last, start, end = _ENTRY.unpack_from(data, _HEADER.size + 40 * at)
            if found == hashed:
                if not (start <= end <= self._size and first <= last <= self._count):
                    raise DamagedFlatPostings(
                        f"{self.path.name} is damaged (an entry out of bounds)"
                    )
                if data[start:end] == key:
                    return first, last
            elif found > hashed:
                break
        return None


def open_for(segreader: Any) -> FlatPostings | None:
    """The file of a segment reader's segment, or None when it has none."""
    path = whoosh_private.segment_file(segreader, EXTENSION)
    if path is None:
        return None
    try:
        return FlatPostings(path)
    except FileNotFoundError:
        return None


class KeyLookup:
    """Documents by a field that holds one value per document (an article's `id`) in a
    Whoosh reader: each segment's flat file is opened once and asked by hash, where Whoosh's
    own lookup reads its term table in every segment (53 of them for each id of an update's
    copy candidates, at a million articles). A segment without a usable file is
    asked through Whoosh. The first live document is the one found, as `first_id` finds it."""

    def __init__(self, reader: Any, fieldname: str) -> None:
        self._fieldname = fieldname
        self._field = reader.schema[fieldname]
        self._segments: list[tuple[Any, int, FlatPostings | None]] = []
        for segreader, offset in reader.leaf_readers():
            if whoosh_private.is_segment_reader(segreader):
                self._segments.append((segreader, offset, _usable_file(segreader)))

    def document_number(self, value: str) -> int | None:
        """The number of the first live document whose field holds `value`, or None."""
        text = self._field.to_bytes(value)
        key = key_of(self._fieldname, text)
        hashed = hash_of(key)
        for segreader, offset, flat in self._segments:
            found = None
            if flat is not None:
                try:
                    found = flat.find(key, hashed)
                except DamagedFlatPostings:
                    flat = None
            if flat is None:  # no file, or a damaged one: Whoosh's own lookup
                try:
                    return offset + segreader.first_id(self._fieldname, text)
                except (KeyError, TermNotFound):
                    continue
            if found is None:
                continue
            deleted = segreader.deleted_docs_set if segreader.has_deletions() else ()
            for docnum in found[0].tolist():
                if docnum not in deleted:
                    return offset + docnum
        return None


def deleted_having(segreader: Any, fieldname: str, text: bytes) -> int:
    """How many of a segment's deleted documents have a term (Whoosh's document frequency
    counts them until the segment is merged): the deleted documents looked up among the
    term's in the flat file, where Whoosh's filtered postings walk every posting of the
    term (a common word's hundred thousand, at a million articles, for a few deletions)."""
    deleted = segreader.deleted_docs_set if segreader.has_deletions() else ()
    if not deleted:
        return 0
    flat = _usable_file(segreader)
    if flat is not None:
        try:
            key = key_of(fieldname, text)
            found = flat.find(key, hash_of(key))
        except DamagedFlatPostings:
            flat = None
        else:
            if found is None:
                return 0
            wanted = np.fromiter(deleted, dtype=np.int64, count=len(deleted))
            docs = found[0]
            at = np.searchsorted(docs, wanted)
            return int((docs[np.minimum(at, len(docs) - 1)] == wanted).sum()) if len(docs) else 0
    try:  # no file, or a damaged one: Whoosh's own postings, with the deleted ones
        all_of = segreader.doc_frequency(fieldname, text)
        live = sum(1 for _ in segreader.postings(fieldname, text).all_ids()) if all_of else 0
    except (KeyError, TermNotFound):
        return 0
    return all_of - live


def _usable_file(segreader: Any) -> FlatPostings | None:
    try:
        return open_for(segreader)
    except (DamagedFlatPostings, OSError):
        return None


# -- writing the files for a segment Whoosh's own writer made ------------------------------


def write_for_segment(segreader: Any, path: Path, *, positions: bool = True) -> int:
    """Read every term of a segment from its posting blocks and write its file, and (with
    `positions`) its flat positions file (`search.indexing.flat_positions`); how many
    terms."""
    out = FlatPostingsWriter()
    found = flat_positions.FlatPositionsWriter()
    for fieldname in sorted(segreader.schema.names()):
        field = segreader.schema[fieldname]
        if not field.indexed:
            continue
        with_positions = positions and field.format.supports("positions")
        for text, matcher in whoosh_private.field_matchers(segreader, fieldname):
            docs, weights, values = decode_blocks(matcher, values=with_positions)
            if with_positions:
                found.add_values(out.postings, values)
            out.add(key_of(fieldname, text), docs, weights)
    out.write(path)
    if positions:
        found.write(path.with_suffix(flat_positions.EXTENSION), out.postings)
    return len(out)


def write_positions_for_segment(segreader: Any, flat: FlatPostings, path: Path) -> int:
    """Read every term's positions from a segment's posting blocks and write its flat
    positions file, aligned with its existing flat postings `flat` (a segment written before
    the positions files existed); how many terms have positions."""
    found: list[tuple[int, list[bytes]]] = []
    for fieldname in sorted(segreader.schema.names()):
        field = segreader.schema[fieldname]
        if not field.indexed or not field.format.supports("positions"):
            continue
        for text, matcher in whoosh_private.field_matchers(segreader, fieldname):
            key = key_of(fieldname, text)
            span = flat.span(key, hash_of(key))
            _, _, values = decode_blocks(matcher)
            if span is None or len(values) != span[1] - span[0]:
                raise DamagedFlatPostings(f"{flat.path.name} differs from its segment's blocks")
            found.append((span[0], values))
    out = flat_positions.FlatPositionsWriter()
    for first, values in sorted(found, key=lambda term: term[0]):  # in posting order
        out.add_values(first, values)
    out.write(path, flat.postings)
    return len(out)


def decode_blocks(matcher: Any, *, values: bool = True) -> tuple[np.ndarray, np.ndarray, list]:
    """A leaf matcher's postings, block by block (each block is one unpickle; the ids are
    delta-coded): the documents (int64), weights (float32) and, with `values`, the raw
    position values."""
    blocks = whoosh_private.posting_blocks(matcher)
    found: list[bytes] = []
    if blocks is None:  # not a Whoosh 3 leaf: walk it
        docs, weights = [], []
        while matcher.is_active():
            docs.append(matcher.id())
            weights.append(matcher.weight())
            found.append(matcher.value() or b"")
            matcher.next()
        return np.array(docs, dtype=np.int64), np.array(weights, dtype=np.float32), found
    id_parts: list[np.ndarray] = []
    weight_parts: list[np.ndarray] = []
    for ids, weights, vals, count, absolute in blocks:
        ids = np.asarray(ids, dtype=np.int64)
        id_parts.append(ids if absolute else np.cumsum(ids))
        if weights is None:
            weight_parts.append(np.ones(count, dtype=np.float32))
        elif isinstance(weights, float):
            weight_parts.append(np.full(count, weights, dtype=np.float32))
        else:
            weight_parts.append(np.asarray(weights, dtype=np.float32))
        if values and isinstance(vals, (tuple, list)):
            found.extend(vals)
    if not id_parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), found
    return np.concatenate(id_parts), np.concatenate(weight_parts), found


def write_missing(folder: Path, *, every: bool = False) -> int:
    """Write the flat postings and positions files of each segment of the index in `folder`
    that lacks them (a segment Whoosh's own writer made: an update's); how many files. Only
    in an index whose other segments have theirs (one an older Cari built is read from its
    blocks until rebuilt: flat postings without flat positions, or neither), unless `every`.
    Which segments have them is told by their files' names: only a segment that lacks one is
    opened (after an update, its own; opening all 53 segments of a million articles took
    30 ms). Called while holding the index's write lock, before its files are recorded."""
    from whoosh import index as whoosh_index

    segments, open_segment = whoosh_private.segment_readers(whoosh_index.open_dir(str(folder)))
    have = [
        (s, p, p.with_suffix(flat_positions.EXTENSION))
        for s, p in ((s, folder / s.make_filename(EXTENSION)) for s in segments)
    ]
    lacking = [(s, p) for s, p, _ in have if not p.exists()]
    with_positions = every or any(q.exists() for _, _, q in have)
    lacking_positions = [(s, p, q) for s, p, q in have if p.exists() and not q.exists()]
    written = 0
    if lacking and (len(lacking) < len(segments) or every):
        for segment, path in lacking:
            with open_segment(segment) as segreader:
                write_for_segment(segreader, path, positions=with_positions)
            written += 1 + with_positions
    if with_positions:
        for segment, path, positions_path in lacking_positions:
            with open_segment(segment) as segreader:
                write_positions_for_segment(segreader, FlatPostings(path), positions_path)
            written += 1
    return written
