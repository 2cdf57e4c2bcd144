"""Writing a new Whoosh segment faster than Whoosh's own SegmentWriter, in the same format.

Whoosh's writer puts every posting in a pool of (field, term, doc, weight, value) tuples, sorts
the pool (spilling sorted runs to disk and merging them back when it is large), then reads each
posting's field length back from the segment's length column, and compresses every posting
block with zlib. On the corpus that was about two thirds of a build. This writer:

- keeps each term's postings in a flat list as documents are added (documents come in order, so
  each list is already sorted: only the terms need sorting, once, at the end);
- keeps field lengths in memory;
- analyses the text fields with `search.text.terms` (one regex pass, no Token objects);
- writes the terms and posting blocks itself (`_TermsOut`), a term at a time instead of a
  posting at a time, with the block statistics Whoosh's readers expect;
- writes blocks uncompressed (reading them skips zlib too) and pickled with protocol 4, whose
  bytes objects are ten times faster to write and read than protocol 2's (Whoosh unpickles
  blocks with `pickle.loads`, which reads any protocol), and puts the postings of a term
  found in one document in its term entry instead of a block (Whoosh's "inline" postings,
  broken in whoosh-reloaded 2.7.5 by a misnamed method).

The files are an ordinary Whoosh 3 segment that any Whoosh reader opens, and two more: every
term's documents and weights as flat arrays (`search.indexing.flat_postings`), and its
positions (`search.indexing.flat_positions`), which searches read by memory map. Only for writing a
new segment from documents: merging existing segments still goes through Whoosh's writer.
"""

from __future__ import annotations

import pickle
import struct
from array import array
from collections import defaultdict
from hashlib import md5
from operator import sub
from pathlib import Path
from typing import Any

from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec
from whoosh.fields import FieldType
from whoosh.formats import Existence
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

from search import whoosh_private
from search.indexing import flat_positions
from search.indexing.flat_postings import EXTENSION, FlatPostingsWriter, key_of
from search.text.terms import TextTerms, indexer_for

# Terms with fewer postings than this go into their term entry, not a posting block.
INLINE_LIMIT = 2
# The postings of this many field values are remembered (see _whoosh_postings).
MAX_REMEMBERED_VALUES = 50_000


def fast_codec() -> W3Codec:
    return W3Codec(compression=0, inlinelimit=INLINE_LIMIT)


class FastSegmentWriter(whoosh_private.OwnPostingsSegmentWriter):
    """A SegmentWriter for a new segment: `add_document`, then `commit(merge=False)` (or, in
    a worker, `whoosh_private.finish_segment`)."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", fast_codec())
        super().__init__(ix, **kwargs)
        for name, field in self.schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r} needs Whoosh's own writer")
        text_terms = TextTerms()
        self._indexers = {
            name: indexer_for(field, text_terms) for name, field in self.schema.items()
        }
        # name -> (field, indexed, stored, column type)
        self._fields = {
            name: (field, field.indexed, field.stored, field.column_type)
            for name, field in self.schema.items()
        }
        # field -> term -> [docnum, weight, value, docnum, weight, value, ...] in document
        # order (flat: a tuple per posting cost more memory and time); a term is a str for
        # the fields text_terms analyses, bytes for the others
        self._terms: dict[str, defaultdict[Any, list[Any]]] = {
            name: defaultdict(list) for name, field in self.schema.items() if field.indexed
        }
        self._lengths: dict[str, array] = {
            name: array("I") for name, field in self.schema.items() if field.scorable
        }
        self.postings = 0  # held in memory, until the segment is written
        self._remembered: dict[tuple[str, Any], list[tuple]] = {}
        # Fields indexed as their whole value (Whoosh's ID): the value is the term
        self._whole = {
            name: field.format.field_boost
            for name, field in self.schema.items()
            if type(field.analyzer) is IDTokenizer
            and type(field.format) is Existence
            and type(field).index is FieldType.index  # not a number's terms
        }

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        raise NotImplementedError("FastSegmentWriter writes new segments only: merge=False")

    def add_document(self, **fields: Any) -> None:
        """As SegmentWriter.add_document, with postings kept per term instead of pooled."""
        self.check_writable()
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        plain = not any(name.startswith("_") for name in fields)  # no boosts, no _stored_
        docboost = 1.0 if plain else self.doc_boost(fields)
        fieldnames = sorted(fields) if plain else sorted(n for n in fields if n[0] != "_")
        if not self._fields.keys() >= fields.keys():
            self.check_fields(fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field, indexed, stored, column = self._fields[fieldname]
                length = 0
                if indexed:
                    boost = docboost if plain else self.field_boost(fields, fieldname, docboost)
                    length = self._index(fieldname, field, value, docnum, boost)
                if not plain:
                    value = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, value if stored else None, length)
                if column and value is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self.mark_added()
        self.docnum += 1

    def _index(self, fieldname: str, field: Any, value: Any, docnum: int, boost: float) -> int:
        """Add one field's postings (weights times `boost`); its length (0 for a field that
        is not scorable)."""
        terms = self._terms[fieldname]
        indexer = self._indexers[fieldname]
        if indexer is not None:
            length, added = indexer(value, terms, docnum, boost)
            self.postings += added
        else:
            length = 0
            postings = self._whoosh_postings(fieldname, field, value)
            for term, freq, weight, vbytes in postings:
                length += freq
                terms[term].extend((docnum, weight * boost, vbytes))
            self.postings += len(postings)
        if not field.scorable:
            return 0
        lengths = self._lengths[fieldname]
        if len(lengths) == docnum:
            lengths.append(length)
        else:
            lengths.extend([0] * (docnum + 1 - len(lengths)))
            lengths[docnum] = length
        return length

    def _whoosh_postings(self, fieldname: str, field: Any, value: Any) -> list[tuple]:
        """field.index(value), remembered: dates, sources, officials and a build's indexed_at
        repeat (Whoosh indexes each number at several precisions), and Whoosh's pipeline
        costs more per value than a lookup."""
        if not isinstance(value, (str, int, float)):
            return list(field.index(value))
        if fieldname in self._whole and isinstance(value, str):
            # What field.index gives, without Whoosh's pipeline: an article's id and hash
            # are new to each document, never remembered
            return [(value.encode("utf-8"), 1, self._whole[fieldname], b"")]
        key = (fieldname, value)
        found = self._remembered.get(key)
        if found is None:
            if len(self._remembered) > MAX_REMEMBERED_VALUES:
                self._remembered.clear()
            found = self._remembered[key] = list(field.index(value))
        return found

    def write_postings(self) -> None:
        self.perdocwriter.close()
        writer = self.fieldwriter
        out = _TermsOut(writer, whoosh_private.block_limit(self.codec))
        for fieldname in sorted(name for name, terms in self._terms.items() if terms):
            fmt = self.schema[fieldname].format
            out.write_field(fieldname, self._terms[fieldname], self._lengths.get(fieldname), fmt)
        out.close()
        writer.close()
        # Not for a compound segment (its files are put in one) nor an index in memory.
        folder = getattr(self.storage, "folder", None)
        if folder is not None and not self.compound:
            out.flat.write(Path(folder) / self.newsegment.make_filename(EXTENSION))
            out.positions.write(
                Path(folder) / self.newsegment.make_filename(flat_positions.EXTENSION),
                out.flat.postings,
            )
        self._terms = {}
        self._lengths = {}


_TERMINFO = whoosh_private.TERMINFO
# Blocks and inlined postings are pickled with this protocol (see the module's docstring).
PICKLE_PROTOCOL = 4
_BUFFER_BYTES = 1 << 20
_SLOT = whoosh_private.HASH_SLOT_FORMAT.lstrip("!")


class _TermsOut:
    """Writes a segment's terms (the `.trm` hash file, through its OrderedHashWriter) and
    posting blocks (`.pst`), as W3FieldWriter and W3PostingsWriter do term by term, with the
    same statistics in each term entry and block header."""

    def __init__(self, fieldwriter: Any, blocklimit: int) -> None:
        self._tindex, self._fieldmap, self._postfile = whoosh_private.term_files(fieldwriter)
        # Each hash table's entries as (hash, position) pairs in one flat array, not a tuple
        # of two ints per term (over 100 bytes each, held until the segment's end).
        self._tindex.buckets = [array("Q") for _ in self._tindex.buckets]
        self._blocklimit = blocklimit
        self._posts = bytearray()
        self._posts_base = self._postfile.tell()
        self._keys = bytearray()
        self._keys_base = self._tindex.dbfile.tell()
        self._last_key = b""
        # Every term's documents and weights again, as flat arrays (search.indexing.flat_postings),
        # and its positions (search.indexing.flat_positions)
        self.flat = FlatPostingsWriter()
        self.positions = flat_positions.FlatPositionsWriter()

    def write_field(
        self, fieldname: str, terms: dict[Any, list], lengths: array | None, fmt: Any
    ) -> None:
        """Every term of a field, in order: its postings (inlined into its entry when there
        is one), and its entry in the term file (OrderedHashWriter.add, into a buffer)."""
        prefix = pack_ushort(self._fieldmap.setdefault(fieldname, len(self._fieldmap)))
        fixed = fmt.fixed_value_size()
        lengths = lengths or array("I")
        known = len(lengths)
        keys, keys_base = self._keys, self._keys_base
        index_append, buckets = self._tindex.index.append, self._tindex.buckets
        key = self._last_key
        flat, flat_prefix = self.flat, key_of(fieldname, b"")
        positions = self.positions if fmt.supports("positions") else None
        # Each term's postings are let go once written: the memory they held (most of a
        # worker's) serves the segment's files as they grow.
        for term in sorted(terms):  # str order is UTF-8 byte order
            postings = terms.pop(term)
            term_bytes = term.encode("utf-8") if isinstance(term, str) else term
            if len(postings) < 3 * INLINE_LIMIT:
                docnum, weight, value = postings
                size = _length_byte(lengths[docnum] if docnum < known else 0)
                info = _TERMINFO.pack(
                    1, weight, 1, size, size, weight if weight > 0 else 0.0, docnum, docnum
                ) + pickle.dumps(((docnum,), (weight,), (value,)), PICKLE_PROTOCOL)
                if positions is not None:
                    positions.add_values(flat.postings, [value])
                flat.add(flat_prefix + term_bytes, (docnum,), (weight,))
            else:
                ids, weights = postings[0::3], postings[1::3]
                values = postings[2::3]
                info = self._write_postings(ids, weights, values, lengths, fixed)
                if positions is not None:
                    positions.add_values(flat.postings, values)
                flat.add(flat_prefix + term_bytes, ids, weights)
                if len(self._posts) > _BUFFER_BYTES:
                    self._flush_posts()
            key = prefix + term_bytes
            position = keys_base + len(keys)
            index_append(position)
            keys += whoosh_private.KEY_LENGTHS.pack(len(key), len(info))
            keys += key
            keys += info
            h = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:])  # md5_hash
            buckets[h & 255].extend((h, position))
        self._last_key = key

    def _write_postings(
        self,
        ids: list[int],
        weights: list[float],
        values: list[bytes],
        lengths: array,
        fixed: int | None,
    ) -> bytes:
        """A term's postings in blocks of `blocklimit` (the last with a negative length, as
        Whoosh marks it); its term entry."""
        posts = self._posts
        start = self._posts_base + len(posts)
        posts += WHOOSH3_HEADER_MAGIC
        limit = self._blocklimit
        count = len(ids)
        if count <= limit:  # most terms: one block, whose statistics are the term's
            low, high, top = _write_block(posts, ids, weights, values, lengths, fixed, True)
        else:
            lows, highs, tops = [], [], []
            for begin in range(0, count, limit):
                end = begin + limit
                low, high, top = _write_block(
                    posts,
                    ids[begin:end],
                    weights[begin:end],
                    values[begin:end],
                    lengths,
                    fixed,
                    end >= count,
                )
                if low:
                    lows.append(low)
                highs.append(high)
                tops.append(top)
            low = min(lows) if lows else 0
            high, top = max(highs), max(tops)
        fixed_part = _TERMINFO.pack(
            0, sum(weights), count, _length_byte(low), _length_byte(high), top, ids[0], ids[-1]
        )
        return fixed_part + pack_long(start) + pack_int(self._posts_base + len(posts) - start)

    def _flush_posts(self) -> None:
        self._postfile.write(bytes(self._posts))
        self._posts_base += len(self._posts)
        self._posts = bytearray()

    def close(self) -> None:
        """Write what is buffered (the writers' own close() then writes the hash tables)."""
        self._flush_posts()
        self._tindex.dbfile.write(bytes(self._keys))
        self._tindex.lastkey = self._last_key
        whoosh_private.write_hash_tables_with(self._tindex, _write_hashes)
        self._keys = bytearray()


def _write_hashes(tindex: Any) -> None:
    """HashWriter._write_hashes, writing each of the 256 tables at once instead of a write
    per slot (each table's entries: hash, position, hash, position, ...)."""
    dbfile = tindex.dbfile
    for entries in tindex.buckets:
        slots = len(entries)
        tindex.directory.append((dbfile.tell(), slots))
        table = [0] * (2 * slots)  # (hash, position) pairs, flat; (0, 0) is an empty slot
        for hashval, position in zip(entries[0::2], entries[1::2], strict=True):
            slot = (hashval >> 8) % slots
            while table[2 * slot] or table[2 * slot + 1]:
                slot = (slot + 1) % slots
            table[2 * slot] = hashval
            table[2 * slot + 1] = position
        if slots:
            dbfile.write(struct.pack("!" + _SLOT * slots, *table))


def _write_block(
    posts: bytearray,
    ids: list[int],
    weights: list[float],
    values: list[bytes],
    lengths: array,
    fixed: int | None,
    last: bool,
) -> tuple[int, int, float]:
    """W3PostingsWriter._write_block: one block's length, header and data into `posts`;
    its shortest and longest field length (0 when unknown) and highest weight."""
    known = len(lengths)
    if known and ids[-1] < known:
        sizes = list(map(lengths.__getitem__, ids))
        low = min(sizes)
        if not low:  # documents without the field have no length
            sizes = [n for n in sizes if n] or [0]
            low = min(sizes)
        high = max(sizes)
    else:
        sizes = [lengths[d] for d in ids if d < known and lengths[d]] or [0]
        low, high = min(sizes), max(sizes)
    top = max(weights)
    top = top if top > 0 else 0
    data = pickle.dumps(
        ((ids[0], *map(sub, ids[1:], ids)), _mini_weights(weights), _mini_values(values, fixed)),
        PICKLE_PROTOCOL,
    )
    header = pickle.dumps(
        (len(ids), ids[-1], top, 0, _length_byte(low), _length_byte(high)), PICKLE_PROTOCOL
    )
    size = len(header) + len(data)
    posts += pack_int(-size if last else size)
    posts += header
    posts += data
    return low, high, top


_LENGTH_BYTES = [length_to_byte(n) for n in range(1024)]


def _length_byte(length: int) -> int:
    """length_to_byte (a field length as one byte, 0 for none), from a table for most."""
    return _LENGTH_BYTES[length] if length < 1024 else length_to_byte(length)


def _mini_weights(weights: list[float]) -> Any:
    """W3PostingsWriter._mini_weights: None when all are 1, one number when all are equal."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else float(first)
    return tuple(weights)


def _mini_values(values: list[bytes], fixed: int | None) -> Any:
    """W3PostingsWriter._mini_values (empty values are not kept)."""
    if fixed is None or fixed < 0:
        return tuple(v for v in values if v) if b"" in values else tuple(values)
    if fixed == 0:
        return None
    return b"".join(values)
