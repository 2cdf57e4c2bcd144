"""Facet counts from per-reader document sets, checked against the stored fields."""

from __future__ import annotations

import json
from collections import Counter

from search import store
from search.docsets import field_docs


def _stored_counts(searcher, docs, fieldname):
    counts: Counter[str] = Counter()
    for d in docs:
        fields = searcher.stored_fields(d)
        if fieldname == "officials":
            counts.update(name for name, _role in json.loads(fields["official_roles"]))
        elif fields.get(fieldname):
            counts[fields[fieldname]] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def test_counts_match_the_stored_fields(engine):
    with engine.searcher() as s:
        every = set(s.reader().all_doc_ids())
        some = set(sorted(every)[:3])
        for fieldname in ("officials", "source"):
            docs = field_docs(s, fieldname)
            assert docs.counts(every) == _stored_counts(s, every, fieldname)
            assert docs.counts(some) == _stored_counts(s, some, fieldname)
            assert docs.counts(set()) == []


def test_docs_with_any_official(engine):
    with engine.searcher() as s:
        docs = field_docs(s, "officials")
        name, count = docs.counts(set(s.reader().all_doc_ids()))[0]
        assert len(docs.docs_with_any([name])) == count
        assert docs.docs_with_any(["Nobody At All"]) == set()


def test_built_once_per_index_version_and_shared_between_searchers(engine, seed_index):
    with engine.searcher() as s:
        first = field_docs(s, "source")
        assert field_docs(s, "source") is first
    with store.require_live(seed_index).open().searcher() as other:  # another thread's
        assert field_docs(other, "source") is first
