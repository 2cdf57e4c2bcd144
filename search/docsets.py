"""Facet counts from document-number sets, without loading stored fields.

Whoosh's `groupedby=` facets rebuild a document -> term map for the whole index on every
search, and each facet is one more full (scored) run of the query. Instead, for each version
of the index we build once which documents carry each term of a keyword field (`officials`,
`source`), keep it, and count a query's matches against it.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

# Above this many distinct terms, count by walking the matched documents instead of
# intersecting one set per term.
MANY_TERMS = 64


@dataclass
class FieldDocs:
    """For one reader and one field: the documents of each term, and the terms of each doc."""

    by_term: dict[str, frozenset[int]]
    by_doc: dict[int, tuple[str, ...]]

    def docs_with_any(self, terms: Collection[str]) -> set[int]:
        found: set[int] = set()
        for term in terms:
            found |= self.by_term.get(term, frozenset())
        return found

    def counts(self, docs: Collection[int]) -> list[tuple[str, int]]:
        """(term, number of `docs` carrying it), most frequent first, then by name."""
        if len(self.by_term) <= MANY_TERMS:
            doc_set = docs if isinstance(docs, (set, frozenset)) else set(docs)
            pairs = [(t, len(ds & doc_set)) for t, ds in self.by_term.items()]
        else:
            counter: Counter[str] = Counter()
            by_doc = self.by_doc
            for d in docs:
                terms = by_doc.get(d)
                if terms:
                    counter.update(terms)
            pairs = list(counter.items())
        return sorted(((t, c) for t, c in pairs if t and c), key=lambda kv: (-kv[1], kv[0]))


# Keyed by the index content (its segments), so the threads of a server, each with its own
# searcher, share one copy; the last few versions are kept (a rebuild or update adds one).
_cache: OrderedDict[tuple[Any, ...], dict[str, FieldDocs]] = OrderedDict()
_lock = threading.Lock()
KEEP_VERSIONS = 4


def _content_key(reader: Any) -> tuple[Any, ...]:
    leaves = reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]
    key = []
    for leaf, offset in leaves:
        segment = getattr(leaf, "_segment", None)
        key.append((segment.segment_id() if segment is not None else id(leaf), offset))
    return tuple(key)


def field_docs(searcher: Any, fieldname: str) -> FieldDocs:
    """The FieldDocs of `fieldname` for this searcher's index content (built once)."""
    reader = searcher.reader()
    key = _content_key(reader)
    with _lock:
        fields = _cache.get(key)
        if fields is not None and fieldname in fields:
            _cache.move_to_end(key)
            return fields[fieldname]
    by_term: dict[str, frozenset[int]] = {}
    by_doc: dict[int, list[str]] = {}
    for btext in reader.lexicon(fieldname):
        term = btext.decode("utf-8") if isinstance(btext, bytes) else str(btext)
        ids = frozenset(reader.postings(fieldname, btext).all_ids())
        by_term[term] = ids
        for d in ids:
            by_doc.setdefault(d, []).append(term)
    built = FieldDocs(by_term, {d: tuple(ts) for d, ts in by_doc.items()})
    with _lock:
        _cache.setdefault(key, {})[fieldname] = built
        _cache.move_to_end(key)
        while len(_cache) > KEEP_VERSIONS:
            _cache.popitem(last=False)
    return built
