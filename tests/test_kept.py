"""search/indexing/kept.py: the files a search keeps beside an index (the facet table, the
suggestions' vocabulary). A process that read older content and writes late never replaces
the file kept for a later commit, and a reader only uses a file kept for its own content; an
update's clean-up removes what a killed search left half-written, never a file being kept."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from whoosh.searching import Searcher

from search.indexing import kept, store
from search.indexing import vocabulary as vocabulary_file
from search.indexing.update import update
from search.indexing.vocabulary import Vocabulary
from search.retrieval import doctable_file
from search.retrieval.doctable import build_doc_table
from tests.conftest import SEED_IDS, built_seed_copy

NEW_WORD = "gorontalo"


def add_seed(seeds: Path) -> None:
    """A real seed again, with a word no other seed has (one more article)."""
    text = (seeds / f"{SEED_IDS[2]}.txt").read_text(encoding="utf-8")
    (seeds / "100_new.txt").write_text(f"{text}\nPelayanan publik di Gorontalo.\n", "utf-8")


# Each kept file: how a search reads it from the index, and what says which content it is of
# (the articles in the table; whether the new article's word is in the vocabulary).
KINDS: dict[str, tuple[kept.KeptFile[Any], Callable[[Searcher], Any], Callable[[Any], Any]]] = {
    "table": (doctable_file.KEPT, build_doc_table, lambda table: len(table.starts)),
    "vocabulary": (
        vocabulary_file.KEPT,
        lambda s: Vocabulary.of_reader(s.reader()),
        lambda vocabulary: NEW_WORD in vocabulary.group(NEW_WORD[:2], len(NEW_WORD)),
    ),
}
OLD = {"table": len(SEED_IDS), "vocabulary": False}
NEW = {"table": len(SEED_IDS) + 1, "vocabulary": True}


@pytest.mark.parametrize("meanwhile_at", ["reading", "writing"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_late_writer_of_older_content_leaves_the_file_of_a_later_commit(
    tmp_path: Path, kind: str, meanwhile_at: str
):
    """Process A reads the content before an update; while it reads the index, or writes
    the file, the update commits and process B keeps the new content's file; A's keep then
    leaves B's file in place, and neither uses the other's."""
    kept_file, read, content_of = KINDS[kind]
    seeds, index = built_seed_copy(tmp_path)
    live = store.require_live(index)
    path = live.path / kept_file.name
    path.unlink(missing_ok=True)  # the build writes the vocabulary: as after an update
    kept_by_b: list[bytes] = []

    def meanwhile() -> None:
        add_seed(seeds)
        assert update(seeds, index).added == ["100_new"]
        with live.open().searcher() as b:
            assert content_of(kept_file.of(b.reader(), lambda: read(b))) == NEW[kind]
        kept_by_b.append(path.read_bytes())

    with live.open().searcher() as a:
        if meanwhile_at == "reading":
            writer_a = kept_file
            value = kept_file.of(a.reader(), lambda: (read(a), meanwhile())[0])
        else:
            writer_a = replace(
                kept_file, arrays_of=lambda v: (meanwhile(), kept_file.arrays_of(v))[1]
            )
            value = writer_a.of(a.reader(), lambda: read(a))
        assert content_of(value) == OLD[kind]  # A answers from its own content
        assert path.read_bytes() == kept_by_b[0]
        assert not writer_a.keep(a.reader(), value)
        assert kept_file.load(a.reader()) is None  # B's file is not A's content's
    assert not list(live.path.glob(f".*{kept.IN_FLIGHT}"))
    with live.open().searcher() as b:
        found = kept_file.load(b.reader())
        assert found is not None and content_of(found) == NEW[kind]


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_writer_of_the_later_commit_replaces_the_file_of_older_content(tmp_path: Path, kind: str):
    kept_file, read, content_of = KINDS[kind]
    seeds, index = built_seed_copy(tmp_path)
    live = store.require_live(index)
    with live.open().searcher() as a:
        assert kept_file.keep(a.reader(), read(a))
        add_seed(seeds)
        update(seeds, index)
        with live.open().searcher() as b:
            assert kept_file.load(b.reader()) is None
            assert kept_file.keep(b.reader(), read(b))
            assert content_of(kept_file.load(b.reader())) == NEW[kind]
        assert kept_file.load(a.reader()) is None


def test_an_update_sweeping_while_a_search_keeps_a_file_loses_neither(tmp_path: Path):
    """A search keeps the facet table while `cari update` clears what killed writers left:
    the file being written stays and is put in place; one a killed search left goes."""
    seeds, index = built_seed_copy(tmp_path)
    live = store.require_live(index)
    abandoned = live.path / f".{doctable_file.KEPT.name}.0123abcd{kept.IN_FLIGHT}"
    abandoned.write_bytes(b"half a table")  # no process holds it
    stray = live.path / "MAIN_stray.tmp"  # a killed Whoosh writer's
    stray.write_bytes(b"x")
    writing, resume = threading.Event(), threading.Event()

    def arrays_of(table: Any) -> Any:
        writing.set()
        resume.wait(60)
        return doctable_file.KEPT.arrays_of(table)

    slow = replace(doctable_file.KEPT, arrays_of=arrays_of)
    kept_now: list[bool] = []
    with live.open().searcher() as s:
        table = build_doc_table(s)
        keeping = threading.Thread(target=lambda: kept_now.append(slow.keep(s.reader(), table)))
        keeping.start()
        try:
            assert writing.wait(60)
            in_flight = set(live.path.glob(f".*{kept.IN_FLIGHT}")) - {abandoned}
            assert len(in_flight) == 1
            assert update(seeds, index).changes == 0
            assert not abandoned.exists() and not stray.exists()
            assert all(p.exists() for p in in_flight)
        finally:
            resume.set()
            keeping.join()
        assert kept_now == [True]
        found = doctable_file.KEPT.load(s.reader())
        assert found is not None and len(found.starts) == len(SEED_IDS)
    assert not list(live.path.glob(f".*{kept.IN_FLIGHT}"))
