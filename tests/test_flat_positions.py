"""search/indexing/flat_positions.py: each segment's positions as flat arrays read by memory
map hold exactly what Whoosh's posting blocks hold, phrases and the bonuses that read them
give the same documents and scores as Whoosh's positions, a segment without the file (an index
an older Cari built) is read from its blocks, and a damaged file is an error, never a wrong
answer."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import numpy as np
import pytest
from whoosh.query import Phrase

from search import whoosh_private
from search.indexing import flat_positions, flat_postings, store
from search.indexing.build import build
from search.indexing.update import update
from search.model import SearchRequest
from search.retrieval import phrases, postings
from search.retrieval.engine import SearchEngine
from tests.conftest import SEEDS_DIR
from tests.postings_reading import forget_decoded, pages

# Phrases, several words (the proximity bonus) and officials (the lede bonus) on the seeds.
QUERIES = [
    '"ibu kota"',
    '"pelayanan publik"',
    '"komisi pemberantasan korupsi"',
    '"presiden joko widodo"',
    '"ibu kota" -jakarta',
    'title:"ibu kota"',
    "presiden joko widodo",
    "pemerintah daerah",
    "komisi pemberantasan korupsi",
    "pelayanan publik jakarta",
    "jokowi",
    "presiden",
]


def _encode(positions: list[int]) -> bytes:
    """Whoosh's Positions value for `positions`."""
    from whoosh.formats import Positions

    return Positions().encode(positions)


def test_positions_are_found_by_the_postings_they_belong_to(tmp_path: Path, monkeypatch):
    """Postings without positions (a keyword's), positions past 65,535, values decoded in
    several slices."""
    monkeypatch.setattr(flat_positions, "DECODED_AT_ONCE", 2)
    out = flat_positions.FlatPositionsWriter()
    out.add_values(0, [_encode([0]), _encode([1, 4, 5])])
    out.add_values(3, [_encode([2, 9]), _encode([70_000])])
    with pytest.raises(ValueError, match="after those"):
        out.add_values(4, [_encode([1])])
    out.write(tmp_path / "x.fpos", 6)  # posting 2 (a keyword's) and 5 have none
    found = flat_positions.open_beside(tmp_path / "x.fpst", 6)
    assert found is not None
    assert found.positions.dtype == np.dtype("<u4")
    term = found.term(0, 6)
    assert term.of([0, 1, 2, 3, 4, 5]) == [[0], [1, 4, 5], [], [2, 9], [70_000], []]
    counts, positions = term.occurrences(np.array([1, 4, 2]))
    assert counts.tolist() == [3, 1, 0] and positions.tolist() == [1, 4, 5, 70_000]
    counts, positions = found.term(3, 5).occurrences()
    assert counts.tolist() == [2, 1] and positions.tolist() == [2, 9, 70_000]
    with pytest.raises(flat_positions.DamagedFlatPositions, match="does not fit"):
        flat_positions.open_beside(tmp_path / "x.fpst", 7)
    assert flat_positions.open_beside(tmp_path / "y.fpst", 6) is None


@pytest.mark.parametrize(
    "lists",
    [
        [[0], [1, 4, 5], [7]],  # small gaps: read from the bytes
        [[300], [0, 256], [70_000, 70_001]],  # gaps of 2 and 4 bytes: unpickled
        [[5], [], [0, 255], list(range(0, 2_002, 2))],  # none, and more than pickle's batch
        [[3, 400, 401], [9], list(range(1_000)), [2, 2 + 255]],  # both kinds side by side
    ],
)
def test_position_values_are_decoded_as_whoosh_decodes_them(lists: list[list[int]]):
    values = [_encode(positions) for positions in lists]
    counts, positions = flat_positions.decode_values(values)
    assert counts.tolist() == [len(p) for p in lists]
    assert positions.tolist() == [p for found in lists for p in found]
    assert [postings.decode_positions(v) for v in values] == lists


def test_position_values_in_another_layout_are_unpickled():
    """A value whose bytes look almost like a list of small gaps (a count that does not fit,
    another pickle protocol) is decoded by pickle, never misread."""
    import pickle

    from whoosh.system import pack_uint

    values = [
        pack_uint(2) + pickle.dumps([1, 2], 4),
        pack_uint(1) + pickle.dumps([7], 2),
        pack_uint(3) + pickle.dumps([1, 2], 2),
    ]
    counts, positions = flat_positions.decode_values(values)
    assert counts.tolist() == [2, 1, 2] and positions.tolist() == [1, 3, 7, 1, 3]


def _check_against_blocks(segments: list) -> int:
    """Every term's flat positions are those of its posting blocks; how many terms."""
    checked = 0
    for seg in segments:
        flat = flat_postings.open_for(seg)
        assert flat is not None
        found = flat_positions.open_beside(flat.path, flat.postings)
        assert found is not None
        for fieldname in sorted(seg.schema.names()):
            field = seg.schema[fieldname]
            if not field.indexed or not field.format.supports("positions"):
                continue
            for text, matcher in whoosh_private.field_matchers(seg, fieldname):
                _, _, values = flat_postings.decode_blocks(matcher)
                key = flat_postings.key_of(fieldname, text)
                span = flat.span(key, flat_postings.hash_of(key))
                assert span is not None, key
                expected = [postings.decode_positions(v) for v in values]
                assert found.term(*span).of(list(range(span[1] - span[0]))) == expected, key
                checked += 1
    return checked


@pytest.mark.corpus
def test_every_terms_positions_are_those_of_its_posting_blocks(corpus_engine):
    with corpus_engine.searcher() as s:
        segments = [seg for seg, _ in s.reader().leaf_readers()]
        assert _check_against_blocks(segments) > 50_000


def _without_flat_positions(monkeypatch) -> None:
    """Searches as an index without flat positions files reads: positions from the blocks."""
    monkeypatch.setattr(postings, "_positions_file", lambda _segreader, _flat: None)
    forget_decoded(monkeypatch)


def test_phrases_find_what_whooshs_own_phrase_query_finds(seed_index: Path, monkeypatch):
    """Document by document and with arrays (more candidates than PER_DOCUMENT_CHECKS)."""
    checked = 0
    with store.require_live(seed_index).searcher() as s:
        arrays = postings.reader_arrays(s.reader())
        assert all(f is not None for f in arrays._positions)
        for words in (["ibu", "kota"], ["pelayanan", "publik"], ["presiden", "joko", "widodo"]):
            for fieldname in ("body_exact", "title_exact"):
                for slop in (1, 3):
                    query = Phrase(fieldname, words, slop=slop)
                    expected = sorted(h.docnum for h in s.search(query, limit=None))
                    for per_document in (100, 0):
                        monkeypatch.setattr(phrases, "PER_DOCUMENT_CHECKS", per_document)
                        found = phrases.phrase_docs(arrays, fieldname, words, slop)
                        assert found.tolist() == expected, (words, fieldname, slop)
                    checked += len(expected)
    assert checked > 10


def test_the_results_pages_are_those_of_the_blocks_positions(seed_index: Path, monkeypatch):
    """Hits, scores, order, counts and facets of phrases and of several words (the proximity
    bonus) and officials (the lede bonus): the same whichever way positions are read."""
    with_files = pages(SearchEngine(seed_index), QUERIES)
    _without_flat_positions(monkeypatch)
    from_blocks = pages(SearchEngine(seed_index), QUERIES)
    assert with_files == from_blocks
    assert sum(page.total for page in from_blocks) > 40  # the five seeds, found again and again


@pytest.mark.corpus
def test_the_corpus_results_pages_are_those_of_the_blocks_positions(corpus_engine, monkeypatch):
    with_files = pages(SearchEngine(corpus_engine.index_dir), QUERIES)
    _without_flat_positions(monkeypatch)
    from_blocks = pages(SearchEngine(corpus_engine.index_dir), QUERIES)
    assert with_files == from_blocks
    assert sum(page.total for page in from_blocks) > 1000


def _files(index: Path, extension: str) -> list[Path]:
    return sorted(store.require_live(index).path.glob(f"*{extension}"))


def _add_article(seeds: Path) -> None:
    text = next(SEEDS_DIR.glob("*.txt")).read_text(encoding="utf-8")
    (seeds / "new-article.txt").write_text("Ibu kota di Garut\n\n" + text, encoding="utf-8")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def test_a_build_and_an_update_write_the_file_of_each_segment(seeds: Path, tmp_path: Path):
    index = tmp_path / "index"
    build(seeds, index)
    before = _files(index, flat_positions.EXTENSION)
    assert len(before) == len(_files(index, flat_postings.EXTENSION)) >= 1
    _add_article(seeds)
    assert update(seeds, index).added
    after = _files(index, flat_positions.EXTENSION)
    assert len(after) == len(before) + 1
    recorded = store.require_live(index)._recorded()["files"]
    assert all(path.name in recorded for path in after)
    with store.require_live(index).searcher() as s:
        _check_against_blocks([seg for seg, _ in s.reader().leaf_readers()])
    assert SearchEngine(index).search(SearchRequest('"ibu kota di garut"')).total >= 1


def test_an_index_without_the_files_is_read_from_its_blocks_until_they_are_added(
    seeds: Path, tmp_path: Path
):
    index = tmp_path / "index"
    build(seeds, index)
    expected = pages(SearchEngine(index), QUERIES)
    for path in _files(index, flat_positions.EXTENSION):
        path.unlink()  # as a Cari with flat postings but not positions built it
    store.require_live(index).record_files()
    postings._positions_files.clear()
    assert pages(SearchEngine(index), QUERIES) == expected
    _add_article(seeds)
    assert update(seeds, index).added
    assert not _files(index, flat_positions.EXTENSION)  # an update does not add them
    page = SearchEngine(index).search(SearchRequest('"ibu kota di garut"'))
    live = store.require_live(index).path
    assert flat_postings.write_missing(live, every=True) >= 1
    assert len(_files(index, flat_positions.EXTENSION)) == len(
        _files(index, flat_postings.EXTENSION)
    )
    store.require_live(index).record_files()
    again = SearchEngine(index).search(SearchRequest('"ibu kota di garut"'))
    assert dataclasses.replace(again, seconds=0.0) == dataclasses.replace(page, seconds=0.0)


def test_a_damaged_file_is_an_error_not_a_wrong_answer(seeds: Path, tmp_path: Path):
    index = tmp_path / "index"
    build(seeds, index)
    (store.require_live(index).path / store.FILES).unlink()  # no sizes recorded to check
    for path in _files(index, flat_positions.EXTENSION):
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size - 2)
    postings._positions_files.clear()
    with pytest.raises(store.IndexCorruptError, match=r"cannot be read.*fpos"):
        SearchEngine(index).search(SearchRequest('"ibu kota"'))
    for path in _files(index, flat_positions.EXTENSION):
        path.write_bytes(bytes(path.stat().st_size))
    postings._positions_files.clear()
    with pytest.raises(store.IndexCorruptError, match=r"cannot be read.*fpos"):
        SearchEngine(index).search(SearchRequest('"ibu kota"'))
