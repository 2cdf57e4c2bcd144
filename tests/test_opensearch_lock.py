"""search/indexing/opensearch_lock.py: one build or update of an alias at a time, whichever
process runs it; a lock whose holder died is taken over once its lease has expired."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from search.indexing import indexers, opensearch_lock
from search.indexing.opensearch_index import connect, delete_all, indexed_stamps, live_index
from search.indexing.store import IndexBusyError
from tests.conftest import ROOT, SEED_IDS, SEEDS_DIR, opensearch_settings
from tests.test_opensearch_lexicon import lexicon_of


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def _add_copy(seeds: Path) -> None:
    """A new article: a copy of a seed under another title."""
    text = (SEEDS_DIR / f"{SEED_IDS[3]}.txt").read_text(encoding="utf-8")
    (seeds / "100_copy.txt").write_text("Judul Lain\n" + text.split("\n", 1)[1], "utf-8")


def test_a_second_update_waits_for_the_first(opensearch_cluster, seeds: Path, tmp_path: Path):
    """Two updates of the same new article at once: the second waits while the first holds
    the lock, then finds nothing left to do; the lexicon is the one a build writes (without
    the lock both would add the article and count its words twice)."""
    settings, fresh = (opensearch_settings(opensearch_cluster) for _ in range(2))
    try:
        indexers.build(seeds, tmp_path / "a", settings)
        _add_copy(seeds)
        holding, go_on = threading.Event(), threading.Event()

        def slow(_item) -> None:
            holding.set()
            assert go_on.wait(60)

        reports: dict[str, object] = {}

        def run(name: str, **options) -> None:
            reports[name] = indexers.update(seeds, tmp_path / name, settings, **options)

        first = threading.Thread(target=run, args=("first",), kwargs={"on_article": slow})
        first.start()
        assert holding.wait(60)
        second = threading.Thread(target=run, args=("second",))
        second.start()
        time.sleep(2)
        assert second.is_alive(), "the second update ran while the first held the lock"
        go_on.set()
        first.join(120)
        second.join(120)
        assert reports["first"].added == ["100_copy"]
        assert (reports["second"].added, reports["second"].changed) == ([], [])
        indexers.build(seeds, tmp_path / "b", fresh)
        assert lexicon_of(settings) == lexicon_of(fresh)
        client = connect(settings)
        lock = opensearch_lock.lock_name(settings.alias)
        assert not client.exists(index=lock, id=opensearch_lock.DOC), "released"
    finally:
        for s in (settings, fresh):
            delete_all(connect(s), s.alias)


def test_a_held_lock_refuses_after_the_wait_and_an_expired_one_is_taken_over(
    opensearch_cluster, seeds: Path, tmp_path: Path
):
    settings = opensearch_settings(opensearch_cluster)
    client = connect(settings)
    try:
        indexers.build(seeds, tmp_path, settings)
        _add_copy(seeds)
        holding, done = threading.Event(), threading.Event()

        def hold() -> None:  # another writer (a thread's own lock is re-entrant)
            with opensearch_lock.write_lock(client, settings.alias, "cari build"):
                holding.set()
                done.wait(60)

        holder = threading.Thread(target=hold)
        holder.start()
        assert holding.wait(60)
        try:
            with pytest.raises(IndexBusyError, match=r"being written by cari build \(pid"):
                indexers.update(seeds, tmp_path, settings, lock_timeout=0.5)
        finally:
            done.set()
            holder.join(60)
        # A holder that died: its lease ran out a second ago.
        lock = opensearch_lock.lock_name(settings.alias)
        dead = {"holder": "cari update (pid 1 on elsewhere)", "expires": time.time() - 1}
        client.index(index=lock, id=opensearch_lock.DOC, body=dead)
        report = indexers.update(seeds, tmp_path, settings, lock_timeout=0.5)
        assert report.added == ["100_copy"]
        assert not client.exists(index=lock, id=opensearch_lock.DOC)
    finally:
        delete_all(client, settings.alias)


def test_a_long_write_keeps_its_lock_past_the_lease(opensearch_cluster, monkeypatch):
    """The holder renews its lease while it writes: held for three leases, the lock is not
    taken over by a writer waiting all that time."""
    monkeypatch.setattr(opensearch_lock, "LEASE_SECONDS", 1.5)
    settings = opensearch_settings(opensearch_cluster)
    client = connect(settings)
    refused: list[str] = []

    def other() -> None:
        try:
            with opensearch_lock.write_lock(client, settings.alias, "cari update", timeout=3.5):
                refused.append("taken over")
        except IndexBusyError as exc:
            refused.append(str(exc))

    try:
        with opensearch_lock.write_lock(client, settings.alias, "cari build"):
            waiting = threading.Thread(target=other)
            waiting.start()
            time.sleep(4.5)
            waiting.join(10)
        assert len(refused) == 1 and "being written by cari build" in refused[0]
    finally:
        delete_all(client, settings.alias)


def _indices(client, alias: str) -> set[str]:
    return {i for i in client.indices.get(index=f"{alias}-*") if i.startswith(alias + "-")}


def _take_over(client, alias: str):
    """Another writer takes the lock over, as one does once our lease has expired."""
    other = {"holder": "cari update (pid 1 on elsewhere)", "expires": time.time() + 60}
    lock = opensearch_lock.lock_name(alias)

    def steal(_item) -> None:
        client.index(index=lock, id=opensearch_lock.DOC, body=other, refresh="true")

    return steal


def test_a_build_that_lost_its_lock_swaps_nothing(opensearch_cluster, seeds: Path, tmp_path):
    settings = opensearch_settings(opensearch_cluster)
    client = connect(settings)
    try:
        indexers.build(seeds, tmp_path, settings)
        live = live_index(client, settings.alias)
        before = _indices(client, settings.alias)
        with pytest.raises(opensearch_lock.LockLostError, match="taken over by another writer"):
            indexers.build(seeds, tmp_path, settings, on_article=_take_over(client, settings.alias))
        assert live_index(client, settings.alias) == live, "the alias was not swapped"
        assert _indices(client, settings.alias) == before, "the new index deleted"
        lock = opensearch_lock.lock_name(settings.alias)
        found = client.get(index=lock, id=opensearch_lock.DOC)["_source"]
        assert found["holder"] == "cari update (pid 1 on elsewhere)", "the new holder's lock kept"
    finally:
        delete_all(client, settings.alias)


def test_an_update_that_lost_its_lock_writes_nothing(opensearch_cluster, seeds: Path, tmp_path):
    settings = opensearch_settings(opensearch_cluster)
    client = connect(settings)
    try:
        indexers.build(seeds, tmp_path, settings)
        stamps, words = indexed_stamps(client, settings.alias), lexicon_of(settings)
        _add_copy(seeds)
        with pytest.raises(opensearch_lock.LockLostError) as lost:
            indexers.update(
                seeds, tmp_path, settings, on_article=_take_over(client, settings.alias)
            )
        assert "\n" not in str(lost.value)
        client.indices.refresh(index=settings.alias)
        assert indexed_stamps(client, settings.alias) == stamps
        assert lexicon_of(settings) == words
    finally:
        delete_all(client, settings.alias)


def test_confirm_renews_a_held_lease_and_marks_a_lost_one(opensearch_cluster):
    settings = opensearch_settings(opensearch_cluster)
    client = connect(settings)
    try:
        with opensearch_lock.write_lock(client, settings.alias, "cari build") as lease:
            assert lease.state == "held"
            version = lease.version
            lease.confirm()
            assert lease.state == "held" and lease.version != version, "renewed"
            _take_over(client, settings.alias)(None)
            with pytest.raises(opensearch_lock.LockLostError):
                lease.confirm()
            assert lease.state == "lost"
        lock = opensearch_lock.lock_name(settings.alias)
        assert client.exists(index=lock, id=opensearch_lock.DOC), "not released: not ours"
    finally:
        delete_all(client, settings.alias)


def test_two_test_runs_name_their_aliases_apart():
    """Two runs of the suite on one cluster neither share an index nor wait for each other's
    lock: each run's aliases carry a suffix of its own."""
    code = (
        "import types; from tests.conftest import opensearch_settings as s;"
        " c = types.SimpleNamespace(urls=('http://localhost:1',));"
        " print(s(c).alias, s(c, 'corpus').alias)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
        for _ in range(2)
    ]
    assert len(runs[0]) == 2
    assert not set(runs[0]) & set(runs[1]), runs
