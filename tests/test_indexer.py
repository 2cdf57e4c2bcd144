"""Full builds: bad seeds skipped, the live index swapped atomically and never emptied."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from search.indexing import store
from search.indexing.build import BuildRefusedError, BuildReport, build
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
from tests.conftest import SEEDS_DIR


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def test_broken_seeds_are_reported_and_skipped(seeds: Path, tmp_path: Path):
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (seeds / "only-chrome.txt").write_text("Read Entire Article\nBaca juga: apa saja\n")
    (seeds / "folder.txt").mkdir()
    (seeds / "dangling.txt").symlink_to(tmp_path / "missing")
    (seeds / "latin1.txt").write_bytes(
        "Gubernur Bicara Soal Pelayanan Publik Daerah\n\nJAKARTA - Pelayanan publik di daerah "
        "harus cepat, kata pejabat itu dengan tegas kepada para wartawan, café.\n".encode("cp1252")
    )
    report = build(seeds, tmp_path / "index")
    reasons = {p.path.name: p.reason for p in report.problems}
    assert report.indexed == 6  # five seeds + the Latin-1 one
    assert set(reasons) == {
        "empty.txt",
        "binary.txt",
        "only-chrome.txt",
        "folder.txt",
        "dangling.txt",
    }
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    hit = SearchEngine(tmp_path / "index").search(SearchRequest("café"))
    assert [h.id for h in hit.hits] == ["latin1"]


def test_rebuild_swaps_generations_and_keeps_the_previous_one(seeds: Path, tmp_path: Path):
    index = tmp_path / "index"
    first = build(seeds, index).generation
    second = build(seeds, index).generation
    third = build(seeds, index).generation
    assert store.live_generation(index).path == third
    assert second.exists() and not first.exists()
    assert not list(index.glob(".building-*"))


def test_a_build_that_would_lose_most_articles_is_refused(seeds: Path, tmp_path: Path):
    index = tmp_path / "index"
    build(seeds, index)
    for path in list(seeds.glob("*.txt"))[:4]:
        path.unlink()
    with pytest.raises(BuildRefusedError, match="left as it was"):
        build(seeds, index)
    assert SearchEngine(index).search(SearchRequest("")).total == 5
    assert build(seeds, index, force=True).indexed == 1


def test_an_empty_seed_folder_never_empties_the_index(seeds: Path, tmp_path: Path):
    index = tmp_path / "index"
    build(seeds, index)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BuildRefusedError):
        build(empty, index)
    assert SearchEngine(index).search(SearchRequest("birokrasi")).total == 5


def test_a_slow_builds_rate_is_not_rounded_to_zero():
    assert "(0.5 articles/s)" in BuildReport(indexed=5, seconds=10.0).summary()
    assert "(250 articles/s)" in BuildReport(indexed=2500, seconds=10.0).summary()
