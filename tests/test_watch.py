"""`cari watch`: seed changes are noticed, batched and applied by an update."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from search.indexing.build import build
from search.indexing.update import UpdateReport
from search.indexing.watch import is_seed_path, watch
from tests.conftest import ROOT, SEED_IDS, SEEDS_DIR
from tests.test_store import HOLD_LOCK
from tests.test_updater import ids_for, write_new_seed

# Generous: the machine is shared; the watch itself reacts in about `settle` seconds.
PATIENCE_SECONDS = 60


class Watcher:
    """`watch` running in a thread, with the reports it made."""

    def __init__(self, seeds: Path, index: Path, *, poll: bool = False, **options) -> None:
        self.reports: list[UpdateReport] = []
        self.ready, self.stop = threading.Event(), threading.Event()
        self.thread = threading.Thread(
            target=watch,
            args=(seeds, index),
            kwargs={
                "settle": 1.0,
                "poll": poll,
                "stop": self.stop,
                "on_update": self.reports.append,
                "on_ready": self.ready.set,
                **options,
            },
            daemon=True,
        )
        self.thread.start()
        assert self.ready.wait(PATIENCE_SECONDS)

    def wait_for_reports(self, count: int) -> list[UpdateReport]:
        deadline = time.monotonic() + PATIENCE_SECONDS
        while len(self.reports) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.reports

    def close(self) -> None:
        self.stop.set()
        self.thread.join(PATIENCE_SECONDS)
        assert not self.thread.is_alive()


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


@pytest.mark.parametrize("poll", [False, True], ids=["events", "polling"])
def test_a_burst_of_new_seeds_makes_one_update(seeds: Path, tmp_path: Path, poll: bool):
    index = tmp_path / "index"
    build(seeds, index)
    watcher = Watcher(seeds, index, poll=poll)
    try:
        assert watcher.reports[0].changes == 0  # the update at start found nothing to do
        new = [write_new_seed(seeds, f"20{n}_burst") for n in range(3)]
        (seeds / ".partial.txt.swp").write_text("not a seed", encoding="utf-8")
        reports = watcher.wait_for_reports(2)
        assert len(reports) == 2 and sorted(reports[1].added) == new
        assert ids_for(index, "Gorontalo") == new

        (seeds / f"{new[0]}.txt").unlink()
        reports = watcher.wait_for_reports(3)
        assert reports[2].removed == [new[0]] and not reports[2].added
    finally:
        watcher.close()


def test_watch_builds_a_missing_index_first(seeds: Path, tmp_path: Path):
    index = tmp_path / "index"
    watcher = Watcher(seeds, index)
    try:
        assert watcher.reports[0].rebuilt and watcher.reports[0].articles == len(SEED_IDS)
    finally:
        watcher.close()


def test_changes_made_while_a_build_holds_the_index_are_applied_after(
    seeds: Path, tmp_path: Path, monkeypatch
):
    index = tmp_path / "index"
    build(seeds, index)
    monkeypatch.setattr("search.indexing.watch.RETRY_SECONDS", 0.2)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        watcher = Watcher(seeds, index, lock_timeout=0.2)
        new_id = write_new_seed(seeds)
        time.sleep(2)  # several postponed attempts, while no further seed changes
        assert watcher.reports == [] and ids_for(index, "Gorontalo") == []
    finally:
        holder.kill()
        holder.wait()
    try:
        reports = watcher.wait_for_reports(1)
        assert reports and reports[0].added == [new_id]
        assert ids_for(index, "Gorontalo") == [new_id]
    finally:
        watcher.close()


@pytest.mark.parametrize(
    ("path", "is_seed"),
    [
        ("seeds/001_a.txt", True),
        ("seeds/export.jsonl", True),
        ("seeds/001_a.meta.toml", True),
        ("seeds/.001_a.txt", False),
        ("seeds/001_a.txt.swp", False),
        ("seeds/001_a.txt~", False),
        ("seeds/001_a.txt.part", False),
    ],
)
def test_only_seed_files_count(path: str, is_seed: bool):
    assert is_seed_path(path) is is_seed
