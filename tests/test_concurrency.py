"""Searches keep working while other processes rebuild and update the same index."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

from search.indexing import store
from search.indexing.build import build
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
from tests.conftest import ROOT, SEED_IDS, SEEDS_DIR
from tests.test_updater import write_new_seed


def cari(*args: str) -> None:
    """Run the real `cari` command in its own process."""
    subprocess.run(
        [sys.executable, "-m", "search.cli", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_searches_never_fail_or_come_back_empty_during_builds_and_updates(tmp_path: Path):
    seeds, index = tmp_path / "seeds", tmp_path / "index"
    shutil.copytree(SEEDS_DIR, seeds)
    build(seeds, index)
    where = ["--seeds", str(seeds), "--index", str(index)]
    done, failures = threading.Event(), []
    generations: set[Path] = set()

    def churn() -> None:
        """Full builds and updates (adding, editing, deleting a seed) in other processes."""
        try:
            cari("build", *where)
            new_id = write_new_seed(seeds, "300_churn")
            cari("update", *where)
            with (seeds / f"{new_id}.txt").open("a", encoding="utf-8") as f:
                f.write("\nPelayanan publik kembali dibahas.\n")
            cari("update", *where)
            cari("build", *where)  # a third generation: the first one is pruned
            (seeds / f"{new_id}.txt").unlink()
            cari("update", *where)
        except Exception as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            done.set()

    worker = threading.Thread(target=churn, daemon=True)
    worker.start()
    shared = SearchEngine(index)  # long-lived, as in `cari serve`
    searches = 0
    while not done.is_set():
        for engine in (shared, SearchEngine(index)):  # and a fresh one, as in `cari query`
            result = engine.search(SearchRequest("pelayanan publik"))
            assert result.total >= len(SEED_IDS), f"search {searches} found {result.total}"
            searches += 1
        generations.add(store.require_live(index).path)
    worker.join()
    assert not failures, failures
    assert searches > 10
    assert len(generations) > 1  # the searches did run across rebuilds
    assert shared.search(SearchRequest("pelayanan publik")).total == len(SEED_IDS)
