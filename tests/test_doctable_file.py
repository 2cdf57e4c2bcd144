"""search/retrieval/doctable_file.py: the first search of new content (after a build or an
update) keeps the facet table it reads beside the segments; a later process maps it (the same table, the same pages as one read from the
postings), and a table written for other content, or damaged, is not used."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from search.indexing import store
from search.indexing.update import update
from search.model import SearchRequest
from search.retrieval import doctable_file
from search.retrieval.doctable import DocTable, build_doc_table, date_order_of, doc_table
from search.retrieval.engine import SearchEngine
from tests.conftest import DAMAGES, SEED_IDS, built_seed_copy, damage_file

NEW_WORD = "Gorontalo"
COLUMNS = ("starts", "ends", "date_keys", "date_codes", "sources", "id_order", "id_keys", "id_docs")


def table_path(index_dir: Path) -> Path:
    return store.require_live(index_dir).path / doctable_file.KEPT.name


def keep_table(index_dir: Path) -> bool:
    """Keep the table of the live content, as its first search does."""
    with store.require_live(index_dir).open().searcher() as s:
        return doctable_file.KEPT.keep(s.reader(), build_doc_table(s))


def assert_same_table(mapped: DocTable, read: DocTable) -> None:
    for name in COLUMNS:
        assert np.array_equal(getattr(mapped, name), getattr(read, name)), name
    assert mapped.source_names == read.source_names
    for newest in (True, False):
        assert np.array_equal(
            date_order_of(mapped, newest=newest), date_order_of(read, newest=newest)
        )
    for field in ("officials", "said"):
        a, b = getattr(mapped, field), getattr(read, field)
        assert (a.names, a.variants, a.by_lower) == (b.names, b.variants, b.by_lower)
        assert np.array_equal(a.docs, b.docs) and np.array_equal(a.codes, b.codes)
        parts = ("_by_doc", "_named_by_doc") if b.variants else ("_by_doc",)
        for part in parts:
            x, y = getattr(a, part), getattr(b, part)
            for name in ("docs", "codes", "starts", "every"):
                assert np.array_equal(getattr(x, name), getattr(y, name)), (field, part, name)


def write_new_seed(seeds: Path) -> str:
    """A real seed retitled, with a word no other seed has."""
    text = (seeds / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8")
    rest = text.split("\n", 1)[1]
    text = f"Pemprov {NEW_WORD} Percepat Pelayanan Publik Daerah\n{rest}\n\n"
    (seeds / "100_new.txt").write_text(text, encoding="utf-8")
    return "100_new"


def test_the_first_search_keeps_the_table_the_next_process_maps(tmp_path: Path):
    _, index = built_seed_copy(tmp_path)
    assert not table_path(index).exists()  # the build leaves it to the first search
    assert SearchEngine(index, cache_size=0).search(SearchRequest("presiden")).total > 0
    assert table_path(index).exists()
    with store.require_live(index).open().searcher() as s:
        mapped = doctable_file.KEPT.load(s.reader())
        assert mapped is not None
        assert_same_table(mapped, build_doc_table(s))


def test_an_update_leaves_the_table_to_its_first_search_and_a_stale_one_is_not_used(
    tmp_path: Path,
):
    seeds, index = built_seed_copy(tmp_path)
    assert keep_table(index)
    before = table_path(index).read_bytes()
    new_id = write_new_seed(seeds)
    report = update(seeds, index)
    assert report.added == [new_id]
    # The update's cost follows its size: the table of the content before it stays, unused.
    assert table_path(index).read_bytes() == before
    with store.require_live(index).open().searcher() as s:
        assert doctable_file.KEPT.load(s.reader()) is None
    # The first search reads the postings and keeps the new content's table for the next.
    page = SearchEngine(index, cache_size=0).search(SearchRequest(NEW_WORD))
    assert [h.id for h in page.hits] == [new_id]
    after = table_path(index).read_bytes()
    assert after != before
    with store.require_live(index).open().searcher() as s:
        mapped = doctable_file.KEPT.load(s.reader())
        assert mapped is not None and len(mapped.starts) == len(SEED_IDS) + 1
        assert_same_table(mapped, build_doc_table(s))
    # The table of the content before the update, put back: not used, read again.
    table_path(index).write_bytes(before)
    with store.require_live(index).open().searcher() as s:
        assert doctable_file.KEPT.load(s.reader()) is None
        assert len(doc_table(s).starts) == len(SEED_IDS) + 1


def test_an_index_in_a_folder_it_may_not_write_is_still_searched(tmp_path: Path):
    seeds, index = built_seed_copy(tmp_path)
    new_id = write_new_seed(seeds)
    update(seeds, index)
    folder = store.require_live(index).path
    folder.chmod(0o555)
    try:
        page = SearchEngine(index, cache_size=0).search(SearchRequest(NEW_WORD))
    finally:
        folder.chmod(0o755)
    assert [h.id for h in page.hits] == [new_id]


def test_the_table_finds_each_live_article_by_its_id(tmp_path: Path):
    seeds, index = built_seed_copy(tmp_path)
    (seeds / f"{SEED_IDS[1]}.txt").write_text(
        (seeds / f"{SEED_IDS[1]}.txt").read_text(encoding="utf-8") + "\nSatu kalimat lagi.\n",
        encoding="utf-8",
    )
    assert update(seeds, index).changed == [SEED_IDS[1]]  # its old document deleted
    with store.require_live(index).open().searcher() as s:
        live = {fields["id"]: d for d, fields in s.reader().iter_docs()}
        asked = [*SEED_IDS, "no-such-article", SEED_IDS[0][:-1]]
        found = doc_table(s).docnums_of(asked).tolist()
        assert found == [live[i] for i in SEED_IDS] + [-1, -1]
        assert doc_table(s).docnums_of([]).tolist() == []


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_table_is_not_used(tmp_path: Path, damage: str):
    _, index = built_seed_copy(tmp_path)
    assert keep_table(index)
    damage_file(table_path(index), damage)
    with store.require_live(index).open().searcher() as s:
        assert doctable_file.KEPT.load(s.reader()) is None
        assert len(doc_table(s).starts) == len(SEED_IDS)


REQUESTS = [
    SearchRequest("presiden"),
    SearchRequest("banjir jakarta", sort="newest"),
    SearchRequest("", date_from=dt.date(2019, 9, 1), sort="oldest"),
    SearchRequest("pemerintah", officials=("Joko Widodo",)),
    SearchRequest("kata", page=2),
]


@pytest.mark.corpus
def test_the_pages_are_the_same_with_and_without_the_table(corpus_engine, tmp_path: Path):
    """A copy of the corpus index with its table written, and one without."""
    copies = tmp_path / "with", tmp_path / "without"
    for copy in copies:
        shutil.copytree(corpus_engine.index_dir, copy, symlinks=True)
    assert keep_table(copies[0])
    table_path(copies[1]).unlink(missing_ok=True)
    with_table, without = SearchEngine(copies[0], cache_size=0), SearchEngine(copies[1])
    with with_table.searcher() as s:
        assert not doc_table(s).starts.flags.writeable  # mapped
    for request in REQUESTS:
        officials = with_table.resolve_officials(request.officials)
        assert officials == without.resolve_officials(request.officials)
        request = replace(request, officials=officials)
        mapped, read = with_table.search(request).to_json(), without.search(request).to_json()
        mapped.pop("took_ms"), read.pop("took_ms")
        assert mapped == read
        assert mapped["total"] > 0, request
