"""The fast segment writer writes the same index as Whoosh's own writer: every term's
postings (documents, weights, positions), field lengths, stored fields and columns, on the
seeds and on a slice of the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from search.indexing.build import article_document
from search.indexing.schema import build_schema
from search.indexing.segment_writer import FastSegmentWriter
from search.model import Article
from tests.conftest import corpus_records, seed_articles


def _articles() -> list[Article]:
    corpus = [Article(id=r["id"], title=r["title"], body=r["body"]) for r in corpus_records(300)]
    return seed_articles() + corpus


def _write(folder: Path, articles: list[Article], fast: bool) -> whoosh_index.Index:
    ix = whoosh_index.create_in(str(folder), build_schema())
    writer = FastSegmentWriter(ix) if fast else ix.writer()
    for article in articles:
        writer.add_document(**article_document(article, 1_700_000_000.0))
    writer.commit(merge=False)
    return ix


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory):
    articles = _articles()
    whoosh_ix = _write(tmp_path_factory.mktemp("whoosh-writer"), articles, fast=False)
    fast_ix = _write(tmp_path_factory.mktemp("fast-writer"), articles, fast=True)
    with whoosh_ix.reader() as expected, fast_ix.reader() as got:
        yield expected, got


def _postings(reader, fieldname: str, term: bytes) -> list[tuple]:
    """(doc, weight, value); a field without values (ids, keywords) reads as None from a
    block and as empty bytes from a term entry: both are "no value"."""
    matcher = reader.postings(fieldname, term)
    out = []
    while matcher.is_active():
        out.append((matcher.id(), round(matcher.weight(), 5), matcher.value() or None))
        matcher.next()
    return out


def test_every_term_has_the_same_postings(both):
    expected, got = both
    fields = [name for name, field in build_schema().items() if field.indexed]
    compared = 0
    for fieldname in fields:
        terms = list(expected.lexicon(fieldname))
        assert list(got.lexicon(fieldname)) == terms, fieldname
        for term in terms:
            assert _postings(got, fieldname, term) == _postings(expected, fieldname, term)
            assert got.doc_frequency(fieldname, term) == expected.doc_frequency(fieldname, term)
            compared += 1
    assert compared > 10_000


def test_lengths_stored_fields_and_columns_are_the_same(both):
    expected, got = both
    assert got.doc_count_all() == expected.doc_count_all() > 300
    for fieldname in ("title", "body", "title_exact", "body_exact"):
        assert got.field_length(fieldname) == expected.field_length(fieldname)
        for docnum in range(expected.doc_count_all()):
            assert got.doc_field_length(docnum, fieldname) == expected.doc_field_length(
                docnum, fieldname
            )
    for docnum in range(expected.doc_count_all()):
        assert got.stored_fields(docnum) == expected.stored_fields(docnum)
    for column in ("id", "content_hash", "date_start"):
        assert list(got.column_reader(column)) == list(expected.column_reader(column))


def test_single_document_terms_are_inlined_and_blocks_uncompressed(both):
    _expected, got = both
    (segreader, _), *_ = got.leaf_readers()
    singles = [t for t in got.lexicon("body_exact") if got.doc_frequency("body_exact", t) == 1]
    assert singles
    info = segreader._terms.term_info("body_exact", singles[0])
    assert info.is_inlined()


def test_whoosh_merges_and_searches_segments_the_fast_writer_wrote(tmp_path: Path):
    """`cari update` writes with Whoosh's writer, which may merge older segments: it must
    read the fast writer's inlined terms (a failure found by the kill test)."""
    articles = _articles()
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    for part in (articles[:100], articles[100:200], articles[200:]):
        writer = FastSegmentWriter(ix)
        for article in part:
            writer.add_document(**article_document(article, 1_700_000_000.0))
        writer.commit(merge=False)
    with ix.reader() as reader:
        before = {t: _postings(reader, "id", t) for t in reader.lexicon("id")}
        assert len(reader.leaf_readers()) == 3
    writer = ix.writer()
    writer.delete_by_term("id", articles[0].id)
    writer.commit(optimize=True)  # merges every segment through Whoosh's posting pool
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) == 1
        assert reader.doc_count() == len(articles) - 1
        after = {t: _postings(reader, "id", t) for t in reader.lexicon("id")}
    assert len(after) == len(before) - 1
