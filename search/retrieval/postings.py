"""The postings of an index as numpy arrays: what matching, facets and ranking compute with.

Whoosh walks postings one document at a time in Python, which made matching and scoring a
common word on the corpus cost tens of milliseconds. Here a term's documents and weights are
views of each segment's flat postings file (`search.indexing.flat_postings`, memory-mapped:
no decoding, no cache), and its positions, when a phrase or a bonus asks (only for the
documents a phrase check needs), views of its flat positions file
(`search.indexing.flat_positions`). Segment files never change (an update adds segments and
marks deletions, which `Arrays.live` applies). A segment without those files (an index an
older Cari built) has its documents and weights, or its positions, decoded from Whoosh's
posting blocks, and kept in a cache shared by every thread and reader that opens the same
segment.

    arrays = reader_arrays(searcher.reader())
    found = arrays.postings("body", "layan")      # found.docs, found.weights
    lengths = arrays.lengths("body")             # field length per document
"""

from __future__ import annotations

import pickle
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.reading import TermNotFound

from search import whoosh_private
from search.indexing import flat_positions, flat_postings, store
from search.retrieval import docsets

# The caches hold decoded postings up to this many bytes in all: a server that has answered
# tens of thousands of distinct searches stays within it. Document numbers and weights
# (`DocWeights`, what every search reads) and positions (`Positions`, several times their
# size, read by phrases, the proximity bonus and the lede bonus only) are cached apart, the
# positions in POSITIONS_SHARE of the bytes, so the common terms' documents stay decoded
# (the mix of bench/perf/queries.toml at 100,000 articles holds 59 MB of documents and 43 MB
# of positions).
CACHE_BYTES = 128 * 1024 * 1024
POSITIONS_SHARE = 0.5
# Position keys are decoded for a few documents alone when they are under 1/SOME_DOCS of a
# term's (the proximity bonus over the best matches, the lede bonus over the tagged ones), the
# first time a term's positions are read: a term read again before the cache drops it is
# decoded whole, once.
SOME_DOCS = 16
# A term's postings longer than this are not cached (read again when asked).
MAX_CACHED_TERM = 1_000_000

_BYTE_TO_LENGTH = np.array(whoosh_private.BYTE_TO_LENGTH, dtype=np.float32)
_EMPTY_DOCS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float32)
_BYTES_OVERHEAD = 41  # a bytes object's header and its slot in a list
_ITEM_OVERHEAD = 400  # the arrays' and the entry's own headers, its key


@dataclass(frozen=True)
class DocWeights:
    """One term's document numbers (ascending) and weights (term frequency times field
    boost) in one segment: what matching and scoring read, cached apart from the positions."""

    docs: np.ndarray
    weights: np.ndarray

    def __len__(self) -> int:
        return len(self.docs)

    @property
    def nbytes(self) -> int:
        return _ITEM_OVERHEAD + self.docs.nbytes + self.weights.nbytes


@dataclass(frozen=True)
class Positions:
    """One term's raw position values in one segment, aligned with its documents, and the
    occurrence keys a phrase or the lede bonus decodes from them (kept once decoded)."""

    docs: np.ndarray
    values: list[bytes]
    occurrences: int = 0  # about how many (the weights' sum)
    _keys: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @property
    def nbytes(self) -> int:
        """About the memory the values take, with the position keys that may be decoded
        from them later (one per occurrence) counted in advance."""
        values = sum(map(len, self.values)) + _BYTES_OVERHEAD * len(self.values)
        return _ITEM_OVERHEAD + values + 8 * self.occurrences

    def positions_at(self, at: list[int]) -> list[list[int]]:
        """The positions of the postings at `at` (places among the term's documents)."""
        if not self.values:
            return [[] for _ in at]
        values = self.values
        return [decode_positions(values[i]) for i in at]

    def position_keys(self, among: np.ndarray | None) -> np.ndarray:
        keys = self._keys.get("keys")
        few = among is not None and len(among) * SOME_DOCS < len(self.docs)
        if keys is None and few and "asked" not in self._keys:
            # A few documents of a long list, the first time: decode theirs alone. Asked
            # again while still cached, the positions are worth decoding whole and keeping.
            self._keys["asked"] = _EMPTY_DOCS
            at = np.searchsorted(self.docs, among).tolist()
            values = self.values
            return _position_keys(self.docs[at], [values[i] for i in at]) if values else _EMPTY_DOCS
        if keys is None:
            keys = self._keys["keys"] = _position_keys(self.docs, self.values)
        if among is not None:
            keys = docsets.in_runs(keys, among)
        return keys


@dataclass(frozen=True)
class FlatTermPositions:
    """One term's positions in one segment, read from its flat positions file: as
    `Positions`, without decoding or keeping anything."""

    docs: np.ndarray  # the term's documents in the segment (int32, the file's)
    found: flat_positions.TermPositions

    def positions_at(self, at: list[int]) -> list[list[int]]:
        return self.found.of(at)

    def position_keys(self, among: np.ndarray | None) -> np.ndarray:
        at = None if among is None else self._places(among)
        counts, positions = self.found.occurrences(at)
        docs = self.docs if at is None else self.docs[at]
        return (np.repeat(docs.astype(np.int64), counts) << 32) | positions

    def _places(self, docnums: np.ndarray) -> np.ndarray:
        """Where the `docnums` (the segment's own numbers) are among the term's documents:
        searched as the file's int32 (searching int64 numbers converted all of them)."""
        return np.searchsorted(self.docs, docnums.astype(self.docs.dtype, copy=False))


@dataclass(frozen=True)
class Part:
    """One segment's share of a term's postings: its first document number in the reader,
    its documents (the segment's own numbers) and a way to read its positions."""

    offset: int
    docs: np.ndarray
    positions: Callable[[], Positions | FlatTermPositions]


@dataclass(frozen=True)
class TermPostings:
    """One term's postings in a whole reader: document numbers (ascending) and weights,
    aligned, and each segment's part for the positions (read only when asked: phrases and
    the lede bonus).

    Kept as the flat files hold them (`stored_docs`: int32 reader numbers; `stored_weights`:
    uint8 where every segment's are whole numbers that fit, else float32), 5 bytes a posting
    where the int64 and float32 that searches compute with take 12: the per-index cache holds
    a pass over the query mix's terms at a million articles. `docs` and `weights` are those
    widened, once per `read()`, kept by the reader of the moment and not by the cache."""

    stored_docs: np.ndarray
    stored_weights: np.ndarray
    parts: tuple[Part, ...] = ()

    def __len__(self) -> int:
        return len(self.stored_docs)

    @property
    def nbytes(self) -> int:
        stored = self.stored_docs.nbytes + self.stored_weights.nbytes
        return _ITEM_OVERHEAD * (1 + len(self.parts)) + stored

    def read(self) -> TermPostings:
        """The same postings for one search: what it widens is dropped with it."""
        return TermPostings(self.stored_docs, self.stored_weights, self.parts)

    @cached_property
    def docs(self) -> np.ndarray:
        """The document numbers as int64 (what sets of documents are made of)."""
        return self.stored_docs.astype(np.int64, copy=False)

    @cached_property
    def weights(self) -> np.ndarray:
        """The weights as float32 (what the scores are computed in)."""
        return self.stored_weights.astype(np.float32, copy=False)

    def positions_of(self, docnums: np.ndarray) -> list[list[int]]:
        """The term's positions in each of `docnums` (ascending, all among `docs`)."""
        out: list[list[int]] = []
        for part, at in self._chosen(docnums):
            out += part.positions().positions_at(at.tolist())
        return out

    def position_keys(self, among: np.ndarray | None = None) -> np.ndarray:
        """Every occurrence as document << 32 | position, ascending: phrases become array
        lookups. Decoded once per segment and kept with the cached positions; with `among`
        (sorted document numbers, all among `docs`), the occurrences in those documents only
        (decoded alone when they are few of a long list; read from the flat positions files
        of all the segments in one pass)."""
        if among is None:
            found = [
                part.positions().position_keys(None) + (part.offset << 32) for part in self.parts
            ]
        else:
            read = [(part, part.positions(), at) for part, at in self._chosen(among)]
            if read and all(isinstance(found, FlatTermPositions) for _, found, _ in read):
                flat = [(found.found, at) for _, found, at in read]
                return _flat_keys(flat, among.astype(np.int64, copy=False))
            found = [
                positions.position_keys(part.docs[at].astype(np.int64)) + (part.offset << 32)
                for part, positions, at in read
            ]
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def _chosen(self, among: np.ndarray) -> list[tuple[Part, np.ndarray]]:
        """Each part holding some of `among` (sorted reader numbers, all among `docs`), with
        their places among the part's postings: one binary search over the term's documents,
        not one a segment."""
        at = np.searchsorted(self.stored_docs, docsets.searchable(among, self.stored_docs))
        cuts = [*np.searchsorted(at, self._firsts).tolist(), len(at)]
        return [
            (part, at[low:high] - first if first else at[low:high])
            for part, first, low, high in zip(
                self.parts, self._firsts.tolist(), cuts[:-1], cuts[1:], strict=True
            )
            if high > low
        ]

    @cached_property
    def _firsts(self) -> np.ndarray:
        """Each part's first place among the term's postings."""
        return np.cumsum([0, *(len(part.docs) for part in self.parts)])[:-1]


def _flat_keys(
    parts: list[tuple[flat_positions.TermPositions, np.ndarray]], docs: np.ndarray
) -> np.ndarray:
    """The occurrences (document << 32 | position) of the postings at each part's places,
    `docs` their reader numbers in the same order: the occurrences' bounds gathered part by
    part, their positions' places worked out once for all the parts."""
    lows = np.concatenate([found.starts[at] for found, at in parts]).astype(np.int64)
    highs = np.concatenate([found.starts[at + 1] for found, at in parts]).astype(np.int64)
    counts = highs - lows
    places = docsets.spans(lows, counts)
    ends = np.cumsum([0, *(len(at) for _, at in parts)])
    bounds = np.concatenate(([0], np.cumsum(counts)))[ends].tolist()
    positions = np.concatenate(
        [
            found.positions[places[low:high]]
            for (found, _), low, high in zip(parts, bounds[:-1], bounds[1:], strict=True)
        ]
    )
    return (np.repeat(docs, counts) << 32) | positions.astype(np.int64)


def _position_keys(docs: np.ndarray, values: list[bytes]) -> np.ndarray:
    counts, positions = flat_positions.decode_values(values)
    return (np.repeat(docs, counts) << 32) | positions


_EMPTY = TermPostings(_EMPTY_DOCS, _EMPTY_WEIGHTS)
_NO_POSTINGS = DocWeights(_EMPTY_DOCS, _EMPTY_WEIGHTS)
_NO_POSITIONS = Positions(_EMPTY_DOCS, [])


def decode_positions(value: bytes) -> list[int]:
    """Whoosh's Positions value: a 4-byte frequency, then a pickled list of position gaps."""
    gaps = pickle.loads(value[4:] if value.endswith(b".") else value[4:] + b".")
    out: list[int] = []
    position = 0
    for gap in gaps:
        position += gap
        out.append(position)
    return out


class LRU:
    """A map that drops its least recently used entries once the total `weigh(value)` of
    its values passes `budget` (entries by default; bytes for the postings and the word
    scores)."""

    def __init__(self, budget: int, weigh: Callable[[Any], int] = lambda _value: 1) -> None:
        self.budget = budget
        self.size = 0
        self._weigh = weigh
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: Any, item: Any) -> None:
        with self._lock:
            if key in self._items:
                return
            self._items[key] = item
            self.size += self._weigh(item)
            while self.size > self.budget and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self.size -= self._weigh(old)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0


# Decoded postings by (segment folder, segment id, field, term): documents and weights, and
# positions.
_cache = LRU(int(CACHE_BYTES * (1 - POSITIONS_SHARE)), weigh=lambda postings: postings.nbytes)
_positions = LRU(int(CACHE_BYTES * POSITIONS_SHARE), weigh=lambda positions: positions.nbytes)


def _read_segment_term(segreader: Any, fieldname: str, text: str) -> tuple[DocWeights, Positions]:
    """All postings of a term in one segment, deleted documents included: the documents and
    weights, and the position values."""
    try:
        matcher = segreader.postings(fieldname, text)
    except (TermNotFound, KeyError):
        return _NO_POSTINGS, _NO_POSITIONS
    return _decoded(getattr(matcher, "child", matcher))  # without the deletions filter


def _decoded(matcher: Any) -> tuple[DocWeights, Positions]:
    """A leaf matcher's postings from its posting blocks: the documents and weights, and
    the position values."""
    docs, weights, values = flat_postings.decode_blocks(matcher)
    if not len(docs):
        return _NO_POSTINGS, _NO_POSITIONS
    found = DocWeights(docs, weights)
    return found, Positions(docs, values, int(weights.sum()) if values else 0)


def _flat_file(segreader: Any) -> flat_postings.FlatPostings | None:
    """A segment's flat postings file (opened once per segment), or None when it has none
    (an index an older Cari built)."""
    return _opened(_flat_files, segreader, flat_postings.open_for)


def _positions_file(
    segreader: Any, flat: flat_postings.FlatPostings
) -> flat_positions.FlatPositions | None:
    """A segment's flat positions file, aligned with its flat postings `flat` (opened once
    per segment), or None when it has none (an index an older Cari built)."""
    return _opened(
        _positions_files,
        segreader,
        lambda _segreader: flat_positions.open_beside(flat.path, flat.postings),
    )


def _opened(files: LRU, segreader: Any, open_for: Callable[[Any], Any]) -> Any:
    key = whoosh_private.segment_key(segreader)
    found = files.get(key)
    if found is None:
        try:
            found = open_for(segreader)
        except (
            flat_postings.DamagedFlatPostings,
            flat_positions.DamagedFlatPositions,
            OSError,
        ) as exc:
            folder = Path(key[0])
            raise store.unreadable_index(folder.parent, store.error_detail(exc)) from exc
        if found is not None:
            files.put(key, found)
    return found


# Open flat postings and positions files by segment key (a memory map each: what they hold is
# read from the page cache, not kept in the process).
_flat_files = LRU(4096)
_positions_files = LRU(4096)


class Arrays:
    """The numpy view of one index reader (a Whoosh MultiReader or SegmentReader). It holds
    its segment readers weakly: `reader_arrays` keys its cache weakly by the reader, and a
    strong reference back would keep every reader (and its open files) alive."""

    def __init__(self, reader: Any) -> None:
        self.size: int = reader.doc_count_all()
        # The reader's document numbers as the flat files hold a segment's (int64 past them).
        self._docs_type = np.int32 if self.size < 2**31 else np.int64
        # Weak references: a one-segment reader is its own segment reader.
        self._segments: list[tuple[Any, int, tuple[str, str]]] = []
        self._flat: list[flat_postings.FlatPostings | None] = []  # each segment's, if any
        self._positions: list[flat_positions.FlatPositions | None] = []  # the same
        self._schema = reader.schema
        live = np.ones(self.size, dtype=bool)
        for segreader, offset in reader.leaf_readers():
            if not whoosh_private.is_segment_reader(segreader):
                continue  # Whoosh's EmptyReader: an index with no documents at all
            key = whoosh_private.segment_key(segreader)
            self._segments.append((weakref.proxy(segreader), offset, key))
            flat = _flat_file(segreader)
            self._flat.append(flat)
            self._positions.append(None if flat is None else _positions_file(segreader, flat))
            deleted = segreader.deleted_docs_set if segreader.has_deletions() else ()
            for docnum in deleted:
                live[offset + docnum] = False
        self.live = live
        self._deletions = [
            not live[offset : offset + seg.doc_count_all()].all()
            for seg, offset, _ in self._segments
        ]
        # What the reader holds: its segments and how many live documents each has (an
        # update adds segments or deletes documents, and so changes it).
        self.content_key = tuple((*key, seg.doc_count()) for seg, _, key in self._segments)
        self.memo = _memos.get(self.content_key)
        # Every segment read from flat files: terms' postings over the reader are kept (as the
        # files hold them: `TermPostings`), once for every reader of the same content.
        flat = all(found is not None for found in self._positions)
        self._terms: LRU | None = _term_postings.get(self.content_key) if flat else None
        self._lengths: dict[str, np.ndarray] = {}
        self._field_totals: dict[str, float] = {}

    def postings(self, fieldname: str, text: str) -> TermPostings:
        """A term's postings over the reader's document numbers (deleted ones included:
        AND with `live`, as `mask` does); its positions are read when asked."""
        if self._terms is None:
            return self._read_postings(fieldname, text)
        found = self._terms.get((fieldname, text))
        if found is None:
            found = self._read_postings(fieldname, text)
            if len(found) <= MAX_CACHED_TERM:
                self._terms.put((fieldname, text), found)
        return found.read()

    def _read_postings(self, fieldname: str, text: str) -> TermPostings:
        parts = []
        flat_key = self._flat_key(fieldname, text)
        hashed = flat_postings.hash_of(flat_key) if flat_key is not None else 0
        segments = zip(self._segments, self._flat, self._positions, strict=True)
        for (segreader, offset, key), flat, flat_positions_file in segments:
            full_key = (*key, fieldname, text)
            read = None
            span = None
            if flat is not None:
                # Documents and weights from the memory map (positions, when asked, from
                # the flat positions file, or the blocks of a segment without one).
                span = flat.span(flat_key, hashed) if flat_key is not None else None
                item = _NO_POSTINGS if span is None else DocWeights(*flat.postings_at(*span))
            else:
                item = _cache.get(full_key)
                if item is None:
                    item, read = _read_segment_term(segreader, fieldname, text)
                    if len(item) <= MAX_CACHED_TERM:
                        _cache.put(full_key, item)
            if len(item):
                if flat_positions_file is not None and span is not None:
                    positions: Callable[[], Any] = partial(
                        _flat_term_positions, item.docs, flat_positions_file, *span
                    )
                else:
                    # The positions just read are kept for this search; later, read again.
                    positions = partial(_segment_positions, segreader, full_key, read)
                parts.append((item, Part(offset, item.docs, positions)))
        if not parts:
            return _EMPTY
        weights_type = np.result_type(*(item.weights for item, _ in parts))
        if len(parts) == 1 and parts[0][1].offset == 0:
            item, part = parts[0]
            return TermPostings(
                item.docs.astype(self._docs_type, copy=False),
                item.weights.astype(weights_type, copy=False),
                (part,),
            )
        docs = np.empty(sum(len(item) for item, _ in parts), dtype=self._docs_type)
        at = 0
        for item, part in parts:
            np.add(item.docs, part.offset, out=docs[at : at + len(item)])
            at += len(item)
        return TermPostings(
            docs,
            np.concatenate([item.weights for item, _ in parts], dtype=weights_type),
            tuple(part for _, part in parts),
        )

    def doc_frequency(self, fieldname: str, text: str) -> int | None:
        """How many live documents have a term: the lengths of its runs in the segments'
        flat postings files, less the deleted documents among them (a lookup by hash in
        each file, where Whoosh reads each segment's term table); None when a segment has
        no flat postings file (an index an older Cari built)."""
        if not all(flat is not None for flat in self._flat):
            return None
        key = self._flat_key(fieldname, text)
        if key is None:
            return 0
        hashed = flat_postings.hash_of(key)
        found = 0
        segments = zip(self._segments, self._flat, self._deletions, strict=True)
        for (_, offset, _), flat, deletions in segments:
            span = flat.span(key, hashed)
            if span is not None:
                if deletions:
                    docs = flat.postings_at(*span)[0]
                    found += int(np.count_nonzero(self.live[offset + docs]))
                else:
                    found += span[1] - span[0]
        return found

    def _flat_key(self, fieldname: str, text: str | bytes) -> bytes | None:
        """A term's key in the flat postings files (None: a field the index does not have)."""
        if fieldname not in self._schema:
            return None
        if isinstance(text, str):
            text = self._schema[fieldname].to_bytes(text)
        return flat_postings.key_of(fieldname, text)

    def field_postings(self, fieldname: str) -> list[tuple[str, np.ndarray]]:
        """Every term of a field with its live documents (ascending), the terms in the
        lexicon's order, read in one pass over each segment's terms (not cached: for tables
        built once per index content, such as the facets' names)."""
        parts: dict[bytes, list[np.ndarray]] = {}
        for segreader, offset, _ in self._segments:
            for text, matcher in whoosh_private.field_matchers(segreader, fieldname):
                docs = flat_postings.decode_blocks(matcher, values=False)[0]
                parts.setdefault(text, []).append(docs + offset if offset else docs)
        out = []
        for text in sorted(parts):
            found = parts[text]
            docs = found[0] if len(found) == 1 else np.concatenate(found)
            docs = docs[self.live[docs]]
            if text and len(docs):
                out.append((text.decode("utf-8"), docs))
        return out

    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in the field (Whoosh's one-byte approximation, as its
        BM25F scorer reads it)."""
        found = self._lengths.get(fieldname)
        if found is not None:
            return found
        out = np.zeros(self.size, dtype=np.float32)
        for segreader, offset, _ in self._segments:
            raw = whoosh_private.length_bytes(segreader, fieldname)
            if raw is None:
                continue
            codes = np.frombuffer(raw, dtype=np.uint8)
            out[offset : offset + len(codes)] = _BYTE_TO_LENGTH[codes]
        self._lengths[fieldname] = out
        return out

    def average_length(self, fieldname: str) -> float:
        total = self._field_totals.get(fieldname)
        if total is None:
            total = float(sum(seg.field_length(fieldname) for seg, _, _ in self._segments))
            self._field_totals[fieldname] = total
        return (total / self.size) if self.size else 1.0


def _flat_term_positions(
    docs: np.ndarray, found: flat_positions.FlatPositions, first: int, last: int
) -> FlatTermPositions:
    """A term's positions in a segment with a flat positions file (its postings [first,
    last))."""
    return FlatTermPositions(docs, found.term(first, last))


def _segment_positions(segreader: Any, key: tuple, read: Positions | None) -> Positions:
    """A term's positions in a segment (`key`: as the postings cache's): cached, else those
    `read` with its postings, else read again."""
    found = _positions.get(key)
    if found is None:
        found = read
        if found is None:
            postings, found = _read_segment_term(segreader, key[-2], key[-1])
            if len(postings) <= MAX_CACHED_TERM and _flat_files.get(key[:2]) is None:
                _cache.put(key, postings)
        if len(found.docs) <= MAX_CACHED_TERM:
            _positions.put(key, found)
    return found


class PerContent:
    """One value per index content (`Arrays.content_key`), shared by every thread's reader
    of the same index and built once (the other threads wait for it). The last few are
    kept, for readers an update leaves open a moment longer."""

    def __init__(self, build: Callable[..., Any], kept: int = 3) -> None:
        self._build = build
        self._kept = kept
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, content_key: tuple, *args: Any) -> Any:
        found = self._items.get(content_key)
        if found is None:
            with self._lock:
                found = self._items.get(content_key)
                if found is None:
                    found = self._items[content_key] = self._build(*args)
                    while len(self._items) > self._kept:
                        self._items.popitem(last=False)
        return found

    def clear(self) -> None:
        """Empty every value (an LRU each) and forget them."""
        with self._lock:
            for item in self._items.values():
                item.clear()
            self._items.clear()


# Terms' postings over a whole reader (`Arrays.postings`, 5 bytes a posting), by index
# content: the bytes the documents and weights of segments without flat files would be
# cached in.
_term_postings = PerContent(
    lambda: LRU(int(CACHE_BYTES * (1 - POSITIONS_SHARE)), weigh=lambda found: found.nbytes)
)

# Word scores (search.retrieval.ranking) and prefix matches (search.retrieval.matching) by
# index content, up to this many bytes (a score per document: 100 KB a word for the corpus,
# 4 MB for a million articles).
MEMO_BYTES = 16 * 1024 * 1024
_memos = PerContent(lambda: LRU(MEMO_BYTES, weigh=lambda scores: scores.nbytes))


_arrays: weakref.WeakKeyDictionary[Any, Arrays] = weakref.WeakKeyDictionary()
_arrays_lock = threading.Lock()


def reader_arrays(reader: Any) -> Arrays:
    """The numpy view of a reader, built once per reader object."""
    found = _arrays.get(reader)
    if found is None:
        with _arrays_lock:
            found = _arrays.get(reader)
            if found is None:
                found = Arrays(reader)
                _arrays[reader] = found
    return found


def clear_cache() -> None:
    """Forget every decoded posting list (tests and benchmarks measuring a cold cache)."""
    _cache.clear()
    _positions.clear()
    _term_postings.clear()
