"""Every use of Whoosh's private names (`_lenfield`, `_pointer`, a matcher's `_data`, a
writer's `_commit_toc`...), behind functions the rest of Cari calls.

Cari reads posting blocks and field lengths straight from Whoosh 3 segments
(`search.retrieval.postings`) and writes segments itself (`search.indexing.segment_writer`,
`search.indexing.parallel`): both lean on names Whoosh does not promise to keep. They are
touched here only. `tests/test_whoosh_private.py` checks that each name in `CLASS_NAMES` and
`INSTANCE_NAMES` exists on the installed Whoosh, and importing this module fails with a message
naming it when one of the module-level ones is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import whoosh.codec.whoosh3 as whoosh3
import whoosh.filedb.filetables as filetables
import whoosh.util.numeric as numeric
from whoosh.index import FileIndex
from whoosh.reading import SegmentReader
from whoosh.writing import PostingPool, SegmentWriter

MODULE = "search/whoosh_private.py"


def _private(owner: Any, name: str) -> Any:
    try:
        return getattr(owner, name)
    except AttributeError:
        raise ImportError(f"Whoosh moved {owner.__name__}.{name}: update {MODULE}") from None


# Names read from Whoosh's modules and classes when this module is imported.
CLASS_NAMES: tuple[tuple[Any, str], ...] = (
    (whoosh3, "_lenfield"),
    (numeric, "_length_byte_cache"),
    (filetables, "_lengths"),
    (filetables, "_pointer"),
    (whoosh3.W3TermInfo, "_struct"),
    (filetables.HashWriter, "_write_hashes"),
    (SegmentWriter, "_check_state"),
    (SegmentWriter, "_doc_boost"),
    (SegmentWriter, "_field_boost"),
    (SegmentWriter, "_check_fields"),
    (SegmentWriter, "_flush_segment"),
    (SegmentWriter, "_finalize_segment"),
    (SegmentWriter, "_close_segment"),
    (SegmentWriter, "_commit_toc"),
    (SegmentWriter, "_finish"),
    (FileIndex, "_read_toc"),
)
# Names read from Whoosh's objects, by the kind of object that holds them.
INSTANCE_NAMES: dict[str, tuple[str, ...]] = {
    "segment reader (SegmentReader)": ("_segment", "_storage", "_perdoc", "_terms"),
    "terms reader (W3TermsReader)": ("_fieldmap", "_codec", "_postfile"),
    "per-document reader (W3PerDocReader)": ("_cached_reader",),
    "column reader (lengths)": ("_dbfile", "_basepos", "_count"),
    "posting matcher (W3LeafMatcher)": (
        "_read_data",
        "_data",
        "_blocklength",
        "_byteids",
        "_next_block",
    ),
    "codec (W3Codec)": ("_blocklimit",),
    "field writer (W3FieldWriter)": ("_tindex", "_fieldmap", "_postfile"),
    "segment writer (SegmentWriter)": ("_tempstorage", "_added"),
    "term info (W3TermInfo)": ("_inlined",),
}

for _owner, _name in CLASS_NAMES:
    _private(_owner, _name)


# -- reading -------------------------------------------------------------------------------

# A field length's one-byte code -> the length it stands for.
BYTE_TO_LENGTH: list[float] = list(numeric._length_byte_cache)


def is_segment_reader(reader: Any) -> bool:
    """False for Whoosh's EmptyReader (an index with no documents at all)."""
    return hasattr(reader, "_segment")


def segment_key(segreader: Any) -> tuple[str, str]:
    """(the index folder, the segment's id): the same for every reader of one segment."""
    storage = segreader._storage
    return str(getattr(storage, "folder", id(storage))), segreader._segment.segment_id()


def segment_file(segreader: Any, extension: str) -> Path | None:
    """The path of a segment's file with `extension` (`MAIN_<id><extension>`) in its index
    folder; None for a segment in one compound file or in memory."""
    folder = getattr(segreader._storage, "folder", None)
    if folder is None:
        return None
    return Path(folder) / segreader._segment.make_filename(extension)


def segments_key(reader: Any) -> tuple[tuple[str, str], ...]:
    """The keys of a reader's segments: the same for every reader of the same segments
    (what is read from their lexicons can be shared by them)."""
    return tuple(
        segment_key(segment)
        for segment, _offset in reader.leaf_readers()
        if is_segment_reader(segment)
    )


def length_bytes(segreader: Any, fieldname: str) -> bytes | None:
    """A segment's field lengths, one byte code a document (see BYTE_TO_LENGTH); None when
    the segment has no lengths for the field."""
    column = segreader._perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if column is None:
        return None
    return column._dbfile.get(column._basepos, column._count)


def posting_blocks(matcher: Any) -> Iterator[tuple[Any, Any, Any, int, bool]] | None:
    """A Whoosh 3 leaf matcher's blocks, each as (ids, weights, values, count, absolute)
    as stored: ids delta-coded unless `absolute`, weights None (all 1), one number (all
    equal) or one a posting, values a tuple or None. None for any other matcher."""
    if not hasattr(matcher, "_read_data"):
        return None
    return _blocks(matcher)


def field_matchers(segreader: Any, fieldname: str) -> Iterator[tuple[bytes, Any]]:
    """Every term of a field in one segment, in the terms file's (sorted) order, with a leaf
    matcher of its postings (deleted documents included): one pass over the terms file, where
    `segreader.postings` looks each term up in its hash table (costly for every name of a
    field over tens of segments)."""
    terms = segreader._terms
    if fieldname not in terms._fieldmap:
        return
    format_ = segreader.schema[fieldname].format
    for (name, text), info in terms.items_from(fieldname, b""):
        if name != fieldname:
            return
        term = (fieldname, text)
        yield text, terms._codec.postings_reader(terms._postfile, info, format_, term=term)


def _blocks(matcher: Any) -> Iterator[tuple[Any, Any, Any, int, bool]]:
    while matcher.is_active():
        matcher._read_data()
        ids, weights, values = matcher._data[:3]
        yield ids, weights, values, matcher._blocklength, bool(matcher._byteids)
        matcher._next_block()


# -- writing -------------------------------------------------------------------------------

# A term file entry's key and value lengths; a hash table slot; a term info's fixed part
# (flags, total weight, document frequency, min and max length as bytes, max weight, first
# and last document).
KEY_LENGTHS = filetables._lengths
HASH_SLOT_FORMAT: str = filetables._pointer.format
TERMINFO = whoosh3.W3TermInfo._struct


def _set_inline(self: whoosh3.W3TermInfo, ids: Any, weights: Any, values: Any) -> None:
    """W3TermInfo.set_inlined, with a value for every posting: the posting writer keeps
    only non-empty values, and an inlined term of a field without values (ids, keywords)
    would read back as "" (a str), which Whoosh's merge refuses. Empty bytes instead."""
    values = tuple(values)
    if len(values) != len(ids):
        values = (b"",) * len(ids)
    self._inlined = (tuple(ids), tuple(weights), values)


# Whoosh 2.7.5 calls set_inline() on a term info that only has set_inlined().
whoosh3.W3TermInfo.set_inline = _set_inline  # type: ignore[attr-defined]


def block_limit(codec: Any) -> int:
    """How many postings a codec puts in a block."""
    return codec._blocklimit


def term_files(fieldwriter: Any) -> tuple[Any, dict[str, int], Any]:
    """A W3FieldWriter's term hash writer, field numbers and postings file."""
    return fieldwriter._tindex, fieldwriter._fieldmap, fieldwriter._postfile


def write_hash_tables_with(tindex: Any, write: Callable[[Any], None]) -> None:
    """Have a HashWriter write its hash tables with `write(tindex)` when it closes."""
    tindex._write_hashes = lambda: write(tindex)


class OwnPostingsSegmentWriter(SegmentWriter):
    """A SegmentWriter whose subclass keeps and writes the postings itself
    (`write_postings`, called where Whoosh would flush its posting pool), with Whoosh's
    checks and boosts for `add_document` as methods."""

    def _flush_segment(self) -> None:
        self.write_postings()

    def write_postings(self) -> None:
        raise NotImplementedError

    def check_writable(self) -> None:
        self._check_state()

    def check_fields(self, fieldnames: list[str]) -> None:
        self._check_fields(self.schema, fieldnames)

    def doc_boost(self, fields: dict[str, Any]) -> float:
        return self._doc_boost(fields)

    def field_boost(self, fields: dict[str, Any], fieldname: str, docboost: float) -> float:
        return self._field_boost(fields, fieldname, docboost)

    def mark_added(self) -> None:
        self._added = True


def use_temp_storage(writer: SegmentWriter, storage: Any, limitmb: float) -> None:
    """Have a writer spill its posting pool into `storage` (Whoosh names the folder after
    the index, the same for every writer)."""
    writer._tempstorage = storage
    writer.pool = PostingPool(storage, writer.newsegment, limitmb=limitmb)


def finish_segment(writer: SegmentWriter) -> Any:
    """Write a writer's segment without committing it (None when it has no documents), and
    remove its spill folder."""
    segment = writer._finalize_segment() if writer.docnum else None
    if segment is None:
        writer._close_segment()
    writer._tempstorage.destroy()
    return segment


def commit_segments(ix: Any, segments: list[Any]) -> None:
    """Commit segments written by `finish_segment` (in other processes) as the index's new
    generation."""
    parent = SegmentWriter(ix)
    parent._close_segment()
    parent._commit_toc(segments)
    parent._finish()


def segment_readers(ix: Any) -> tuple[list[Any], Callable[[Any], Any]]:
    """The segments of an index's newest table of contents, and a function that opens a
    reader over one of them: to read a few segments without opening all of them, as
    `ix.reader()` does."""
    toc = ix._read_toc()

    def open_segment(segment: Any) -> Any:
        return SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)

    return list(toc.segments), open_segment
