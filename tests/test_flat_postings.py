"""search/indexing/flat_postings.py: each segment's documents and weights as flat arrays read
by memory map hold exactly what Whoosh's posting blocks hold, a search reading them gives the
same page as one decoding the blocks (an index an older Cari built has no such files), and a
damaged file is an error, never a wrong answer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from search import whoosh_private
from search.indexing import flat_postings, store
from search.indexing.update import update
from search.model import SearchRequest
from search.query.terms import ReaderTerms
from search.retrieval import postings
from search.retrieval.engine import SearchEngine
from tests.conftest import SEEDS_DIR, built_seed_copy
from tests.postings_reading import forget_decoded, pages

QUERIES = [
    "presiden",
    "jakarta banjir",
    "presiden jokowi",
    '"ibu kota"',
    "korupsi -kpk",
    "title:jokowi",
    "pemerintah AND daerah",
    "ekonomi OR rupiah",
    "menteri*",
    "ber* jalan",
    "dilayani",
    "komisi pemberantasan korupsi",
    "kebakaran hutan riau",
    "qqqzzx",
    "",
]


def test_terms_are_found_by_their_bytes_when_hashes_collide(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(flat_postings, "hash_of", lambda key: 7 if b"a" in key else 3)
    out = flat_postings.FlatPostingsWriter()
    terms = {b"body\0ab": ([1, 5, 9], [1.0, 2.0, 0.5]), b"body\0ba": ([2], [3.0])}
    terms[b"title\0c"] = (np.array([0, 4], dtype=np.int64), np.array([1.5, 1], dtype=np.float32))
    for key, (docs, weights) in terms.items():
        out.add(key, docs, weights)
    out.write(tmp_path / "x.fpst")
    flat = flat_postings.FlatPostings(tmp_path / "x.fpst")
    assert len(flat) == 3
    for key, (docs, weights) in terms.items():
        found = flat.find(key, flat_postings.hash_of(key))
        assert found is not None
        assert found[0].tolist() == list(docs) and found[1].tolist() == list(weights)
    assert flat.find(b"body\0aa", 7) is None and flat.find(b"body\0zz", 3) is None


@pytest.mark.corpus
def test_every_terms_documents_and_weights_are_those_of_its_posting_blocks(corpus_engine):
    with corpus_engine.searcher() as s:
        segments = [seg for seg, _ in s.reader().leaf_readers()]
        checked = 0
        for seg in segments:
            flat = flat_postings.open_for(seg)
            assert flat is not None
            terms = 0
            for fieldname in sorted(seg.schema.names()):
                if not seg.schema[fieldname].indexed:
                    continue
                for text, matcher in whoosh_private.field_matchers(seg, fieldname):
                    docs, weights, _ = flat_postings.decode_blocks(matcher, values=False)
                    key = flat_postings.key_of(fieldname, text)
                    found = flat.find(key, flat_postings.hash_of(key))
                    assert found is not None, key
                    assert found[0].tolist() == docs.tolist(), key
                    assert found[1].astype(np.float32).tobytes() == weights.tobytes(), key
                    terms += 1
            assert len(flat) == terms
            checked += terms
    assert checked > 50_000


def _without_flat_files(monkeypatch) -> None:
    """Searches as an index without flat postings files reads: every posting decoded."""
    monkeypatch.setattr(postings, "_flat_file", lambda _segreader: None)
    forget_decoded(monkeypatch)


@pytest.mark.corpus
def test_the_results_pages_are_those_of_decoded_postings(corpus_engine, monkeypatch):
    """Hits, scores, order, counts, facets and timeline: the same whichever way the postings
    are read."""
    with_files = pages(SearchEngine(corpus_engine.index_dir), QUERIES)
    _without_flat_files(monkeypatch)
    decoded = pages(SearchEngine(corpus_engine.index_dir), QUERIES)
    assert with_files == decoded
    assert sum(page.total for page in decoded) > 1000


def _flat_files(index: Path) -> list[Path]:
    return sorted(store.require_live(index).path.glob(f"*{flat_postings.EXTENSION}"))


def test_an_index_without_the_files_is_read_from_its_blocks_and_updates_keep_it_so(
    tmp_path: Path,
):
    seeds, index = built_seed_copy(tmp_path)
    expected = pages(SearchEngine(index), QUERIES)
    for path in _flat_files(index):
        path.unlink()  # as an older Cari built it
    store.require_live(index).record_files()
    assert pages(SearchEngine(index), QUERIES) == expected
    _add_article(seeds)
    assert update(seeds, index).added
    assert not _flat_files(index)
    assert SearchEngine(index).search(SearchRequest("banjir bandang garut")).total >= 1


def _add_article(seeds: Path) -> None:
    text = next(SEEDS_DIR.glob("*.txt")).read_text(encoding="utf-8")
    (seeds / "new-article.txt").write_text("Banjir bandang di Garut\n\n" + text, encoding="utf-8")


def test_an_update_writes_the_file_of_its_segment(tmp_path: Path):
    seeds, index = built_seed_copy(tmp_path)
    before = _flat_files(index)
    _add_article(seeds)
    assert update(seeds, index).added
    after = _flat_files(index)
    assert len(after) == len(before) + 1
    recorded = store.require_live(index)._recorded()["files"]
    assert all(path.name in recorded for path in after)
    engine = SearchEngine(index)
    found = engine.search(SearchRequest("banjir bandang garut"))
    assert found.total >= 1
    _check_against_blocks(index)


def _check_against_blocks(index: Path) -> None:
    with store.require_live(index).searcher() as s:
        for seg, _ in s.reader().leaf_readers():
            flat = flat_postings.open_for(seg)
            assert flat is not None
            for text, matcher in whoosh_private.field_matchers(seg, "body"):
                docs, weights, _ = flat_postings.decode_blocks(matcher, values=False)
                key = flat_postings.key_of("body", text)
                found = flat.find(key, flat_postings.hash_of(key))
                assert found is not None
                assert found[0].tolist() == docs.tolist()
                assert found[1].tolist() == weights.tolist()


def test_a_damaged_file_no_generation_recorded_is_an_error_not_a_wrong_answer(tmp_path: Path):
    _, index = built_seed_copy(tmp_path)
    (store.require_live(index).path / store.FILES).unlink()  # as an older Cari left it
    for path in _flat_files(index):
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size - 3)
    with pytest.raises(store.IndexCorruptError, match=r"cannot be read.*fpst"):
        SearchEngine(index).search(SearchRequest("pelayanan"))
    for path in _flat_files(index):
        path.write_bytes(bytes(path.stat().st_size))
    postings._flat_files.clear()
    with pytest.raises(store.IndexCorruptError, match=r"cannot be read.*fpst"):
        SearchEngine(index).search(SearchRequest("pelayanan"))


def test_articles_are_found_by_id_as_whoosh_finds_them_with_files_or_without(tmp_path: Path):
    """After an update that adds an article and re-indexes another (its old document deleted
    in an older segment), every id leads to the document Whoosh's own lookup finds, and an
    id no document holds to none; also where a segment's file is gone or damaged."""
    seeds, index = built_seed_copy(tmp_path)
    _add_article(seeds)
    changed = sorted(seeds.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nDiperbarui.\n", encoding="utf-8")
    report = update(seeds, index)
    assert report.added and report.changed

    def lookups_agree(*, flat: bool = False) -> int:
        with store.require_live(index).searcher() as s:
            ids = flat_postings.KeyLookup(s.reader(), "id")
            every = [fields["id"] for fields in s.all_stored_fields()]
            for article_id in every:
                assert ids.document_number(article_id) == s.document_number(id=article_id)
            assert ids.document_number("no-such-article") is None
            assert s.reader().has_deletions()
            live_frequencies_agree(s.reader(), flat=flat)
            return len(every)

    assert lookups_agree(flat=True) == len(list(seeds.iterdir()))
    files = _flat_files(index)
    assert len(files) >= 2
    files[0].unlink()
    files[1].write_bytes(bytes(files[1].stat().st_size))
    (store.require_live(index).path / store.FILES).unlink()  # as an older Cari left it
    lookups_agree()


def live_frequencies_agree(reader, *, flat: bool = False) -> None:
    """Every exact word's document frequency, as suggestions read it, counts the live
    articles only: those Whoosh's filtered postings walk (the re-indexed article's old
    document is deleted, and its words counted once); with `flat`, counted from the flat
    postings files (every segment has one) as from Whoosh's lexicon."""
    counted = postings.reader_arrays(reader).doc_frequency if flat else None
    fewer = 0
    for field in ("title_exact", "body_exact"):
        for text in reader.lexicon(field):
            word = text.decode("utf-8")
            live = sum(1 for _ in reader.postings(field, word).all_ids())
            assert ReaderTerms(reader).doc_frequency(field, word) == live, (field, word)
            if counted is not None:
                assert counted(field, word) == live, (field, word)
                assert ReaderTerms(reader, counted).doc_frequency(field, word) == live
            fewer += reader.doc_frequency(field, word) - live
    assert fewer  # the deleted document's words were counted by Whoosh
