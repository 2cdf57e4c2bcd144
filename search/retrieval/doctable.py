"""Per-document values of an index reader as arrays by document number: dates (start, end,
precision), source, officials, the people quoted and the order of the article ids. Built once
per index content (a rebuilt or updated index has new content and gets a new table) and
shared by every thread's reader: facet counting, date filters and sorting by date read it
instead of the index.

Articles that rank equal (the same date, the same score) are ordered by their ids, on every
engine (search.retrieval.opensearch_query.sort_for): an order that does not depend on how an
index happened to be written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from search.dates import PRECISIONS, as_int, from_int, period
from search.indexing.official_variants import (
    ROLE_SAMPLE,
    canonical_names,
    named_beside,
    roles_given,
    speaker_variants,
)
from search.indexing.schema import NO_DATE_END, NO_DATE_START
from search.retrieval import docsets
from search.retrieval.postings import PerContent, reader_arrays
from search.text.analyzer import plain_apostrophes


@dataclass(frozen=True)
class DocCodes:
    """(document, code) pairs in document order, counted over a set of documents with one
    `numpy.bincount`, whatever its size: a few documents gather their own pairs, most of
    the index a bool per document over every pair, nearly all of it (a page without words)
    subtract the pairs of the documents it lacks from the counts over every pair."""

    docs: np.ndarray  # ascending
    codes: np.ndarray  # aligned with docs
    starts: np.ndarray  # where each document's pairs start (one more entry than documents)
    every: np.ndarray  # the counts over every pair, by code

    @classmethod
    def of(cls, docs: np.ndarray, codes: np.ndarray, size: int) -> DocCodes:
        order = np.lexsort((codes, docs))
        docs, codes = docs[order], codes[order]
        documents = int(docs[-1]) + 1 if len(docs) else 0
        starts = np.zeros(documents + 1, dtype=np.int64)
        np.cumsum(np.bincount(docs, minlength=documents), out=starts[1:])
        return cls(docs, codes, starts, np.bincount(codes, minlength=size))

    def count(self, chosen: np.ndarray) -> np.ndarray:
        """How many of the documents `chosen` (sorted, no repeats) hold each code."""
        documents = len(self.starts) - 1
        chosen = chosen[: np.searchsorted(chosen, documents)]  # beyond: no pairs
        held = len(chosen)
        # Gathering a document's pairs costs some 16 times what a pass over a pair does.
        if held * 16 <= len(self.docs):
            return self._of(chosen)
        if held == documents:  # every document
            return self.every.copy()
        if (documents - held) * 16 <= len(self.docs):  # nearly every: those it lacks
            return self.every - self._of(_lacking(chosen, documents))
        # A bool per pair (its document chosen?), then the codes of the fewer of the pairs
        # chosen and the others (listed first: numpy's mask indexing branches on each pair).
        chosen_pairs = docsets.to_mask(chosen, documents)[self.docs]
        if np.count_nonzero(chosen_pairs) * 2 <= len(self.docs):
            return np.bincount(self.codes[np.flatnonzero(chosen_pairs)], minlength=len(self.every))
        others = np.flatnonzero(~chosen_pairs)
        return self.every - np.bincount(self.codes[others], minlength=len(self.every))

    def _of(self, chosen: np.ndarray) -> np.ndarray:
        """The counts of a few documents: their own pairs alone."""
        lows = self.starts[chosen]
        at = docsets.spans(lows, self.starts[chosen + 1] - lows)
        return np.bincount(self.codes[at], minlength=len(self.every))


def _lacking(chosen: np.ndarray, documents: int) -> np.ndarray:
    """The documents 0 .. documents-1 not in `chosen` (sorted, no repeats, all below
    `documents`): the gaps between its runs."""
    bounds = np.concatenate(([-1], chosen, [documents]))
    at = np.flatnonzero(np.diff(bounds) > 1)
    lows = bounds[at] + 1
    return docsets.spans(lows, bounds[at + 1] - lows)


@dataclass(frozen=True)
class NamePairs:
    """A keyword field holding several names per document (officials, speakers), as
    (document, name) pairs."""

    docs: np.ndarray  # the document numbers...
    codes: np.ndarray  # ...and indexes into names
    names: list[str]  # in lexicon order
    by_lower: dict[str, str]  # lower-cased name -> its spelling in the index (or its name's)
    variants: dict[str, str] = field(default_factory=dict)  # a variant -> the name it goes under

    def counts(self, passing: np.ndarray) -> np.ndarray:
        """How many of the `passing` documents hold each name, by code."""
        return np.bincount(self.codes[passing[self.docs]], minlength=len(self.names))

    def docs_of(self, chosen: tuple[str, ...]) -> np.ndarray:
        """The documents holding any of the `chosen` names, ascending (each name's documents
        are one run of the pairs, which are in code order)."""
        codes = np.array(self._codes(chosen), dtype=np.int64)
        lows = np.searchsorted(self.codes, codes, side="left")
        highs = np.searchsorted(self.codes, codes, side="right")
        runs = [
            self.docs[low:high] for low, high in zip(lows.tolist(), highs.tolist(), strict=True)
        ]
        return docsets.union(runs, int(self.docs.max()) + 1 if len(self.docs) else 0)

    def docs_named(self, name: str) -> np.ndarray:
        """The documents holding one name written in any case; none when the field has no
        such name."""
        spelt = self.by_lower.get(name.lower())
        return docsets.EMPTY if spelt is None else self.docs_of((spelt,))

    def _codes(self, chosen: tuple[str, ...]) -> list[int]:
        """The codes of the `chosen` names the field has, ascending."""
        return sorted({self._code_of[name] for name in chosen if name in self._code_of})

    @cached_property
    def _code_of(self) -> dict[str, int]:
        """Each name's code (a facet filter looks its names up here, not in a walk over
        every name)."""
        return {name: i for i, name in enumerate(self.names)}

    def counts_of(self, docs: np.ndarray) -> np.ndarray:
        """How many of the documents `docs` (sorted) hold each name, by code (`DocCodes`)."""
        return self._by_doc.count(docs)

    def named_counts(self, docs: np.ndarray) -> np.ndarray:
        """`merged(counts_of(docs), docs)` in one count: each variant's documents counted
        under the name it goes under (each document once), a variant counting none."""
        return self._named_by_doc.count(docs) if self.variants else self.counts_of(docs)

    @cached_property
    def _by_doc(self) -> DocCodes:
        return DocCodes.of(self.docs, self.codes, len(self.names))

    @cached_property
    def _named_by_doc(self) -> DocCodes:
        """The pairs `merged` counts: a name no variant goes under, with its own documents;
        a name some variant goes under, with the documents holding it or a variant (once)."""
        variant_codes, name_codes, known = self._merged_codes
        merged = self._merged
        kept = ~np.isin(self.codes, np.concatenate([variant_codes, name_codes]))
        moved = np.full(len(merged.names), -1, dtype=np.int64)
        moved[known] = name_codes
        named = moved[merged.codes] >= 0
        docs = np.concatenate([self.docs[kept], merged.docs[named]])
        codes = np.concatenate([self.codes[kept], moved[merged.codes[named]]])
        return DocCodes.of(docs, codes, len(self.names))

    @cached_property
    def _merged(self) -> _MergedPairs:
        """The (document, name) pairs of the names some variant goes under, each document
        once per name however many variants it holds."""
        names = sorted(set(self.variants.values()))
        index = {name: i for i, name in enumerate(names)}
        code_of = np.array(
            [index.get(self.variants.get(n, n), -1) for n in self.names], dtype=np.int64
        )
        mapped = code_of[self.codes]
        keep = mapped >= 0
        unique = np.unique(self.docs[keep] * len(names) + mapped[keep])
        return _MergedPairs(unique // len(names), unique % len(names), names)

    def merged(self, counts: np.ndarray, docs: np.ndarray) -> np.ndarray:
        """The `counts` by code of the documents `docs` (sorted) with each variant's moved
        under the name it goes under: that name counts the documents holding it or any of
        its variants (each once), a variant counts none."""
        if not self.variants:
            return counts
        variant_codes, name_codes, known = self._merged_codes
        merged = self._merged
        size = max(int(docs[-1]) if len(docs) else 0, int(self.docs.max(initial=0))) + 1
        held = docsets.contains(docs, merged.docs, size)
        found = np.bincount(merged.codes[held], minlength=len(merged.names))
        out = counts.copy()
        out[variant_codes] = 0
        out[name_codes] = found[known]
        return out

    @cached_property
    def _merged_codes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The codes of the variants, of the names they go under, and which of those names
        (by their index in `_merged.names`) the index has."""
        code = self._code_of
        variant_codes = np.array([code[v] for v in self.variants if v in code], dtype=np.int64)
        names = self._merged.names
        known = np.array([i for i, name in enumerate(names) if name in code], dtype=np.int64)
        name_codes = np.array([code[names[i]] for i in known.tolist()], dtype=np.int64)
        return variant_codes, name_codes, known


@dataclass(frozen=True)
class _MergedPairs:
    docs: np.ndarray
    codes: np.ndarray  # indexes into names
    names: list[str]  # the names some variant goes under


def _name_pairs(
    searcher: Searcher,
    fieldname: str,
    *,
    id_order: np.ndarray | None = None,
    official_variants: dict[str, str] | None = None,
) -> NamePairs:
    """The names of a field with their documents; given the documents' `id_order`: with each
    official's variants over the index (search.indexing.official_variants), a variant
    written in a filter found as the name it goes under (the roles a name is given read from
    its first articles by id, as the OpenSearch engine reads them); given the officials'
    variants: the people quoted, each known official under one name (`speaker_variants`),
    so that the "Said by" facet counts what a filter by its name finds."""
    term_docs = _term_docs(searcher, fieldname)
    variants = {}
    if official_variants is not None:
        variants = speaker_variants({n: len(d) for n, d in term_docs}, official_variants)
    if id_order is not None:
        docs_of = dict(term_docs)
        id_ranks = docsets.places(id_order)

        @cache
        def first_named(name: str) -> list[list[tuple[str, str]]]:
            docs = docs_of[name]
            return _officials_of(searcher, docs[np.argsort(id_ranks[docs], kind="stable")])

        variants = canonical_names(
            {n: len(d) for n, d in term_docs},
            lambda name: roles_given(name, first_named(name)),
            lambda name: named_beside(name, first_named(name)),
        )
    empty = np.zeros(0, dtype=np.int64)
    docs = np.concatenate([d for _, d in term_docs] or [empty])
    codes = np.concatenate(
        [np.full(len(d), code, dtype=np.int64) for code, (_, d) in enumerate(term_docs)] or [empty]
    )
    names = [name for name, _ in term_docs]
    return NamePairs(docs, codes, names, lower_spellings(names, variants), variants)


def lower_spellings(names: list[str], variants: dict[str, str]) -> dict[str, str]:
    """Each name lower-cased, its apostrophes plain (the key a user's spelling is looked up
    by: "Mar’ie Muhammad" is "mar'ie muhammad") -> its spelling in the index, or the name it
    goes under."""
    found = {plain_apostrophes(name.lower()): variants.get(name, name) for name in names}
    found.update({plain_apostrophes(name.lower()): name for name in variants.values()})
    return found


def _officials_of(searcher: Searcher, docs: np.ndarray) -> list[list[tuple[str, str]]]:
    """The (name, role) pairs of officials of the first `ROLE_SAMPLE` of `docs`, by
    article."""
    return [
        [
            (n, role)
            for n, role in json.loads(searcher.stored_fields(doc).get("official_roles") or "[]")
        ]
        for doc in docs[:ROLE_SAMPLE].tolist()
    ]


@dataclass(frozen=True)
class DocTable:
    """Per-document facet values of one index reader, as arrays by document number."""

    starts: np.ndarray  # first day of the date as YYYYMMDD (NO_DATE_START: none)
    ends: np.ndarray  # last day of the date as YYYYMMDD (NO_DATE_END: none)
    # The timeline's key, start * 4 + precision code (search.dates.PRECISIONS): the distinct
    # keys ascending, and each document's index into them (counted with one bincount).
    date_keys: np.ndarray
    date_codes: np.ndarray
    sources: np.ndarray  # 1 + index into source_names (0: no source)
    source_names: list[str]
    officials: NamePairs
    said: NamePairs  # the people quoted
    id_order: np.ndarray  # every document number, in the order of the article ids
    # The live documents' article ids (UTF-8 bytes) ascending, and their document numbers.
    id_keys: np.ndarray
    id_docs: np.ndarray
    orders: dict[bool, np.ndarray] = field(default_factory=dict)  # date orders, by `newest`
    ranks: dict[object, np.ndarray] = field(default_factory=dict)  # places in those orders

    def docnums_of(self, ids: list[str]) -> np.ndarray:
        """The document number of each live article of `ids` (-1: none), by binary search
        over the ids in order."""
        keys = np.array([i.encode("utf-8") for i in ids], dtype=bytes)
        if not len(self.id_keys) or not len(keys):
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.id_keys, keys), len(self.id_keys) - 1)
        return np.where(self.id_keys[at] == keys, self.id_docs[at], -1)


def _term_docs(searcher: Searcher, fieldname: str) -> list[tuple[str, np.ndarray]]:
    """Every term of a field with the live documents that have it."""
    return reader_arrays(searcher.reader()).field_postings(fieldname)


def doc_table(searcher: Searcher) -> DocTable:
    """The facet values of every document, once per index content (a rebuilt or updated
    index has new content, and gets a new table): mapped from the table file kept for this
    content, else read from the postings (and kept, search.retrieval.doctable_file)."""
    return _tables.get(reader_arrays(searcher.reader()).content_key, searcher)


def _table_of(searcher: Searcher) -> DocTable:
    from search.retrieval import doctable_file  # it writes and maps this module's tables

    return doctable_file.KEPT.of(searcher.reader(), lambda: build_doc_table(searcher))


def build_doc_table(searcher: Searcher) -> DocTable:
    """The table read from the index's postings and columns."""
    reader = searcher.reader()
    arrays = reader_arrays(reader)
    size = reader.doc_count_all()
    starts = np.full(size, NO_DATE_START, dtype=np.int64)
    for segreader, offset in reader.leaf_readers():  # per segment: one may lack the column
        if segreader.has_column("date_start"):
            values = np.fromiter(segreader.column_reader("date_start"), dtype=np.int64)
            values = np.where(values > 0, values, NO_DATE_START)
            starts[offset : offset + len(values)] = values
    precisions = np.zeros(size, dtype=np.int64)
    for name in ("month", "year"):
        precisions[arrays.postings("date_precision", name).docs] = PRECISIONS.index(name)
    ends = np.where(starts == NO_DATE_START, NO_DATE_END, starts)
    for docnum in np.flatnonzero((precisions > 0) & (starts != NO_DATE_START)).tolist():
        ends[docnum] = _last_day(int(starts[docnum]), int(precisions[docnum]))
    sources = np.zeros(size, dtype=np.int64)
    source_docs = _term_docs(searcher, "source")
    for code, (_, docs) in enumerate(source_docs, 1):
        sources[docs] = code
    date_keys, date_codes = np.unique(starts * 4 + precisions, return_inverse=True)
    ids = _ids(reader)
    id_order = np.argsort(ids, kind="stable")
    id_docs = id_order[arrays.live[id_order]]
    officials = _name_pairs(searcher, "officials", id_order=id_order)
    table = DocTable(
        starts=starts,
        ends=ends,
        date_keys=date_keys,
        date_codes=date_codes,
        sources=sources,
        source_names=[name for name, _ in source_docs],
        officials=officials,
        said=_name_pairs(searcher, "said", official_variants=officials.variants),
        id_order=id_order,
        id_keys=np.array([i.encode("utf-8") for i in ids[id_docs].tolist()], dtype=bytes),
        id_docs=id_docs,
    )
    return table


def _ids(reader: Any) -> np.ndarray:
    """Every document's article id, by document number."""
    if reader.has_column("id"):
        ids = list(reader.column_reader("id"))
    else:
        ids = [""] * reader.doc_count_all()
        for docnum, fields in reader.iter_docs():
            ids[docnum] = fields.get("id", "")
    return np.array(ids, dtype=str)


def date_order(searcher: Searcher, *, newest: bool) -> np.ndarray:
    """Every document number, newest first (or oldest first), undated ones last, equal dates
    by article id; built once per index content (with its facet table), so sorting a result
    by date is a walk down this array."""
    return date_order_of(doc_table(searcher), newest=newest)


def date_order_of(table: DocTable, *, newest: bool) -> np.ndarray:
    """`date_order` of a table (computed once, kept in it)."""
    orders = table.orders
    if newest not in orders:
        key = -table.starts if newest else table.ends
        orders[newest] = np.lexsort((_ranks(table, "ids", lambda: table.id_order), key))
    return orders[newest]


def id_order(searcher: Searcher) -> np.ndarray:
    """Every document number in the order of the article ids: the order equal scores keep."""
    return doc_table(searcher).id_order


def id_ranks(searcher: Searcher) -> np.ndarray:
    """Each document number's place in `id_order`."""
    return _ranks(doc_table(searcher), "ids", lambda: id_order(searcher))


def date_ranks(searcher: Searcher, *, newest: bool) -> np.ndarray:
    """Each document number's place in `date_order`: sorting some documents by date is
    sorting them by this."""
    return _ranks(doc_table(searcher), newest, lambda: date_order(searcher, newest=newest))


def _ranks(table: DocTable, key: object, order: Callable[[], np.ndarray]) -> np.ndarray:
    found = table.ranks.get(key)
    if found is None:
        found = table.ranks[key] = docsets.places(order())
    return found


# Every thread's reader of the same index shares one table.
_tables = PerContent(_table_of)


def official_spellings(searcher: Searcher) -> dict[str, str]:
    """Every official the index names, lower-cased -> as spelled in the index (from the
    reader's facet table, so resolving a filter reads no lexicon)."""
    return doc_table(searcher).officials.by_lower


def speaker_spellings(searcher: Searcher) -> dict[str, str]:
    """Every person the index quotes, lower-cased -> as spelled in the index."""
    return doc_table(searcher).said.by_lower


def source_names(searcher: Searcher) -> list[str]:
    """Every source the index names, as spelled in the index (from the facet table)."""
    return doc_table(searcher).source_names


def _last_day(start: int, precision: int) -> int:
    if precision == 0:
        return start
    return as_int(period(from_int(start), PRECISIONS[precision])[1])
