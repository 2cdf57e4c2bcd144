"""Facet counts from document-number sets, without loading stored fields.

Whoosh's `groupedby=` facets rebuild a document -> term map for the whole index on every
search, and each facet is one more full (scored) run of the query. Instead, for each open
reader we build once which documents carry each term of a keyword field (`officials`,
`source`), keep it as long as that reader lives, and count a query's matches against it.
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter
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


_cache: weakref.WeakKeyDictionary[Any, dict[str, FieldDocs]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def field_docs(searcher: Any, fieldname: str) -> FieldDocs:
    """The FieldDocs of `fieldname` for this searcher's reader (built once per reader)."""
    reader = searcher.reader()
    with _lock:
        fields = _cache.get(reader)
        if fields is not None and fieldname in fields:
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
        _cache.setdefault(reader, {})[fieldname] = built
    return built
