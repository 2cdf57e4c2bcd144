"""Writing a new Whoosh segment faster than Whoosh's own SegmentWriter, in the same format.

Whoosh's writer puts every posting in a pool of (field, term, doc, weight, value) tuples, sorts
the pool (spilling sorted runs to disk and merging them back when it is large), then reads each
posting's field length back from the segment's length column, and compresses every posting
block with zlib. On the corpus that was about two thirds of a build. This writer:

- keeps each term's postings in arrays as documents are added (documents come in order, so
  each list is already sorted: only the terms need sorting, once, at the end);
- keeps field lengths in memory;
- writes blocks uncompressed (the index is larger on disk, and reading it skips zlib too) and
  puts the postings of a term found in one document in its term entry instead of a block
  (Whoosh's "inline" postings, broken in whoosh-reloaded 2.7.5 by a misnamed method).

The files are an ordinary Whoosh 3 segment that any Whoosh reader opens. Only for writing a
new segment from documents: merging existing segments still goes through Whoosh's writer.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.writing import SegmentWriter


def _set_inline(self: W3TermInfo, ids: Any, weights: Any, values: Any) -> None:
    """W3TermInfo.set_inlined, with a value for every posting: the posting writer keeps
    only non-empty values, and an inlined term of a field without values (ids, keywords)
    would read back as "" (a str), which Whoosh's merge refuses. Empty bytes instead."""
    values = tuple(values)
    if len(values) != len(ids):
        values = (b"",) * len(ids)
    self._inlined = (tuple(ids), tuple(weights), values)


# Whoosh 2.7.5 calls set_inline() on a term info that only has set_inlined().
W3TermInfo.set_inline = _set_inline  # type: ignore[attr-defined]

# Terms with fewer postings than this go into their term entry, not a posting block.
INLINE_LIMIT = 2


def fast_codec() -> W3Codec:
    return W3Codec(compression=0, inlinelimit=INLINE_LIMIT)


class FastSegmentWriter(SegmentWriter):
    """A SegmentWriter for a new segment: `add_document`, then `commit(merge=False)` (or, in
    a worker, `_finalize_segment()`)."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", fast_codec())
        super().__init__(ix, **kwargs)
        for name, field in self.schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r} needs Whoosh's own writer")
        # field -> term -> [(docnum, weight, value), ...] in document order
        self._terms: dict[str, defaultdict[bytes, list[tuple[int, float, bytes]]]] = {}
        self._lengths: dict[str, array] = {}
        self.postings = 0  # held in memory, until the segment is written

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        raise NotImplementedError("FastSegmentWriter writes new segments only: merge=False")

    def add_document(self, **fields: Any) -> None:
        """As SegmentWriter.add_document, with postings kept per term instead of pooled."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    terms = self._terms.get(fieldname)
                    if terms is None:
                        terms = self._terms[fieldname] = defaultdict(list)
                    scorable = field.scorable
                    before = self.postings
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if scorable:
                            length += freq
                        terms[tbytes].append((docnum, weight * fieldboost, vbytes))
                        before += 1
                    self.postings = before
                    if scorable:
                        lengths = self._lengths.setdefault(fieldname, array("I"))
                        if len(lengths) <= docnum:
                            lengths.extend([0] * (docnum + 1 - len(lengths)))
                        lengths[docnum] = length
                customval = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(
                    fieldname, field, customval if field.stored else None, length
                )
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(
                        fieldname, column, field.to_column_value(customval)
                    )
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        writer = self.fieldwriter
        for fieldname in sorted(self._terms):
            terms = self._terms[fieldname]
            lengths = self._lengths.get(fieldname, array("I"))
            writer.start_field(fieldname, self.schema[fieldname])
            start_term, finish_term = writer.start_term, writer.finish_term
            for tbytes in sorted(terms):
                start_term(tbytes)
                _add_postings(writer._postwriter, terms[tbytes], lengths)
                finish_term()
            writer.finish_field()
        writer.close()
        self._terms = {}
        self._lengths = {}


def _add_postings(
    postwriter: Any, postings: list[tuple[int, float, bytes]], lengths: array
) -> None:
    """What W3PostingsWriter.add_posting does for each posting, a block at a time: fill
    the block buffer and its statistics, write every full block but the last (which
    finish_postings writes, or inlines)."""
    limit = postwriter._blocklimit
    known = len(lengths)
    count = len(postings)
    for start in range(0, count, limit):
        chunk = postings[start : start + limit]
        ids, weights, values = zip(*chunk, strict=True)
        postwriter._ids = array("I", ids)
        postwriter._weights = array("f", weights)
        postwriter._values = [v for v in values if v]
        postwriter._maxweight = max(0, max(weights))
        sizes = [lengths[d] for d in ids if d < known and lengths[d]]
        postwriter._minlength = min(sizes) if sizes else None
        postwriter._maxlength = max(sizes) if sizes else 0
        if start + limit < count:
            postwriter._write_block()
