"""The index folder's write lock: one writer at a time, never stale after a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from search.cli import cli
from search.indexing import store
from search.indexing.update import update
from tests.conftest import ROOT, SEEDS_DIR

HOLD_LOCK = """
import sys, time
from pathlib import Path
from search.indexing import store
with store.write_lock(Path(sys.argv[1]), "test holder"):
    print("locked", flush=True)
    time.sleep(120)
"""


@pytest.fixture()
def holder(tmp_path: Path):
    """Another process holding the write lock of tmp_path/index until killed."""
    index = tmp_path / "index"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    proc.kill()
    proc.wait()


def test_a_second_writer_waits_then_gets_a_clear_message(holder, tmp_path: Path):
    with pytest.raises(store.IndexBusyError) as err:
        update(SEEDS_DIR, tmp_path / "index", lock_timeout=0.3)
    message = str(err.value)
    assert f"process {holder.pid} (test holder since" in message
    assert "try again" in message
    assert store.live_generation(tmp_path / "index") is None


def test_cli_reports_a_busy_index_in_one_line(runner, holder, tmp_path: Path):
    args = ["--seeds", str(SEEDS_DIR), "--index", str(tmp_path / "index")]
    result = runner.invoke(cli, ["update", *args, "--wait", "0.2"])
    assert result.exit_code == 1
    assert "is being written by process" in result.output and "Traceback" not in result.output


def test_a_crashed_writer_leaves_no_stale_lock(holder, tmp_path: Path):
    holder.kill()
    holder.wait()
    assert (tmp_path / "index" / store.LOCK).exists()
    report = update(SEEDS_DIR, tmp_path / "index", lock_timeout=2)
    assert report.rebuilt and report.articles == 5


def test_the_lock_is_reentrant_within_a_thread(tmp_path: Path):
    with (
        store.write_lock(tmp_path, "outer", timeout=0),
        store.write_lock(tmp_path, "inner", timeout=0),
    ):
        pass
    with store.write_lock(tmp_path, "again", timeout=0):
        pass


def test_an_index_built_by_another_version_says_so_and_update_rebuilds_it(tmp_path: Path):
    """Whoosh pickles the schema, analyzer classes included, into the index: an index built
    by a version whose analyzer lived elsewhere cannot be opened. Searching says which
    version built it and what to run; `cari update` rebuilds it."""
    from click.testing import CliRunner

    from search.indexing.build import build

    index = tmp_path / "index"
    build(SEEDS_DIR, index)
    [toc] = (index / "live").glob("*.toc")
    # The module path of the analyzer as an older version pickled it (same length).
    toc.write_bytes(toc.read_bytes().replace(b"search.text.analyzer", b"search.text.analyzex"))
    runner = CliRunner(env={"CARI_LANG": "en"})  # the English messages are asserted
    refused = runner.invoke(cli, ["query", "pelayanan", "--index", str(index)])
    assert refused.exit_code == 2
    assert "was built by another version of Cari" in refused.output
    assert "cari update" in refused.output and "Traceback" not in refused.output
    rebuilt = runner.invoke(cli, ["update", "--seeds", str(SEEDS_DIR), "--index", str(index)])
    assert rebuilt.exit_code == 0 and "rebuilt the whole index" in rebuilt.output
    found = runner.invoke(cli, ["query", "pelayanan", "--index", str(index)])
    assert found.exit_code == 0 and "5 results" in found.output


def test_a_generation_whose_deletion_was_cut_short_is_deleted_by_the_next_prune(tmp_path: Path):
    """A build killed while it deleted an old generation left a gen-* folder without its META,
    which no prune knew for a generation (a fault test found three generations after a clean
    build). Old generations are renamed out of gen-* before they are deleted; what a killed
    deletion leaves is a .removing-* folder, which the next prune deletes."""
    index = tmp_path / "index"
    index.mkdir()
    generations = []
    for n in range(4):
        gen = index / f"{store.GEN_PREFIX}2026010{n}T000000-00000{n}"
        (gen / "segment").mkdir(parents=True)
        (gen / store.META).write_text("{}", encoding="utf-8")
        (gen / "segment" / "postings").write_text("x", encoding="utf-8")
        generations.append(gen)
    (index / store.LIVE).symlink_to(generations[-1].name)
    cut_short = index / f"{store.REMOVING_PREFIX}deadbeef"
    (cut_short / "segment").mkdir(parents=True)  # its META already gone
    (cut_short / "segment" / "postings").write_text("x", encoding="utf-8")
    store.prune(index)
    left = sorted(p.name for p in index.iterdir())
    assert left == sorted([generations[-1].name, generations[-2].name, store.LIVE])
