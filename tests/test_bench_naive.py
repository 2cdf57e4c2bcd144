"""The build benchmark's peer: DESIGN.md's naive Whoosh prototype, built on real records."""

from __future__ import annotations

from pathlib import Path

from whoosh import index

from bench.naive import _stem, build_naive
from tests.conftest import corpus_records


def test_naive_prototype_indexes_records_with_sastrawi_stems(tmp_path: Path) -> None:
    records = corpus_records(40)
    folder = tmp_path / "naive"
    assert build_naive(folder, limit=40) == 40
    with index.open_dir(str(folder)).searcher() as s:
        assert s.doc_count() == 40
        assert {d["id"] for d in s.all_stored_fields()} == {r["id"] for r in records}
        body_terms = {t.decode() for t in s.lexicon("body")}
    words = {w.lower() for r in records for w in r["body"].split() if w.isalpha()}
    # Affixed words are indexed by their Sastrawi root, not as written.
    changed = {w for w in words if _stem(w) != w}
    assert changed
    assert not changed & body_terms
    assert {_stem(w) for w in changed} <= body_terms
