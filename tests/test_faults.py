"""Faults: broken seeds are reported and skipped; a build or update killed with SIGKILL at any
moment leaves an index that opens and answers, which the next run repairs without manual help;
and the server answers every request from 32 clients while the index is rewritten."""

from __future__ import annotations

import contextlib
import gzip
import http.client
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from search.indexing import store
from search.indexing.build import build
from search.indexing.update import update
from search.ingest.files import MAX_SEED_BYTES, SeedError, content_hash, read_seed_bytes
from search.ingest.kinds import TEXT
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
from tests.conftest import SEEDS_DIR, free_port, this_checkout_env

REAL_SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(autouse=True)
def english_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """The `cari` processes started here speak English: the tests read its messages."""
    monkeypatch.setenv("CARI_LANG", "en")


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


# -- bad seeds ---------------------------------------------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")  # reading it never ends


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)


def _symlink_to_folder(path: Path) -> None:
    path.parent.parent.joinpath("a-folder").mkdir()
    path.symlink_to(path.parent.parent / "a-folder")


def _oversized(path: Path) -> None:
    with path.open("wb") as f:  # sparse: no disk space used
        f.truncate(MAX_SEED_BYTES + 1)


def _gzipped(path: Path) -> None:
    path.write_bytes(gzip.compress(REAL_SEEDS[0].read_bytes()))


def _not_utf8_name(path: Path) -> Path:
    bad = os.fsencode(path.parent) + b"/\xffnama.txt"
    with open(bad, "wb") as f:
        f.write(REAL_SEEDS[0].read_bytes())
    return Path(os.fsdecode(bad))


BAD_SEEDS: list[tuple[str, Callable[[Path], object], str]] = [
    ("fifo", _fifo, "not a regular file"),
    ("device", _device, "not a regular file"),
    ("symlink-loop", _symlink_loop, "does not exist"),
    ("symlink-to-folder", _symlink_to_folder, "is a directory"),
    ("oversized", _oversized, "byte limit"),
    ("gzipped", _gzipped, "binary"),
    ("not-utf8-name", _not_utf8_name, "not valid UTF-8"),
]


@pytest.mark.parametrize(("name", "make", "reason"), BAD_SEEDS, ids=[b[0] for b in BAD_SEEDS])
def test_a_bad_seed_is_reported_and_the_build_proceeds(
    seeds: Path, tmp_path: Path, name: str, make: Callable[[Path], object], reason: str
):
    made = make(seeds / f"{name}.txt")
    bad = made if isinstance(made, Path) else seeds / f"{name}.txt"
    report = build(seeds, tmp_path / "index")
    assert report.indexed == len(REAL_SEEDS)
    assert [(p.path, reason in p.reason) for p in report.problems] == [(bad, True)], [
        str(p) for p in report.problems
    ]
    assert SearchEngine(tmp_path / "index").search(SearchRequest("birokrasi")).total == 5


@pytest.mark.parametrize("make", [_fifo, _device], ids=["fifo", "device"])
def test_a_jsonl_seed_that_is_not_a_regular_file_is_reported(
    seeds: Path, tmp_path: Path, make: Callable[[Path], object]
):
    make(seeds / "export.jsonl")
    report = build(seeds, tmp_path / "index")
    assert report.indexed == len(REAL_SEEDS)
    assert [(p.path.name, p.reason) for p in report.problems] == [
        ("export.jsonl", "is not a regular file (a device, FIFO or socket)")
    ]


def test_cari_build_reports_each_bad_seed_in_one_line(seeds: Path, tmp_path: Path):
    _fifo(seeds / "fifo.txt")
    _device(seeds / "device.txt")
    _not_utf8_name(seeds / "x.txt")
    done = subprocess.run(
        [*_cari(), "build", "--seeds", str(seeds), "--index", str(tmp_path / "index")],
        capture_output=True,
        timeout=120,
        env=this_checkout_env(),
    )
    out, err = done.stdout.decode(), done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, err
    assert "indexed 5 articles, skipped 3 seeds" in out
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 3 and "Traceback" not in err


def test_an_unreadable_seed_is_reported(seeds: Path, tmp_path: Path):
    locked = seeds / "locked.txt"
    shutil.copy(REAL_SEEDS[0], locked)
    locked.chmod(0)
    try:
        try:
            locked.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reads")
        report = build(seeds, tmp_path / "index")
    finally:
        locked.chmod(0o644)
    assert report.indexed == len(REAL_SEEDS)
    assert [p.reason for p in report.problems] == ["cannot be read (permission denied)"]


def test_seeds_that_vanish_or_change_kind_between_listing_and_reading(seeds: Path, tmp_path: Path):
    """The folder is listed first and read after: what happens to it meanwhile is reported."""
    victims = sorted(seeds.glob("*.txt"))[2:5]

    def meddle(_item: object) -> None:
        if victims[0].exists() and not victims[0].is_dir():
            victims[0].unlink()
            victims[1].unlink()
            victims[1].mkdir()
            victims[2].unlink()
            os.mkfifo(victims[2])

    report = build(seeds, tmp_path / "index", force=True, on_article=meddle)
    reasons = {p.path.name: p.reason for p in report.problems}
    assert report.indexed == 2
    assert "does not exist" in reasons[victims[0].name]
    assert "directory" in reasons[victims[1].name]
    assert "not a regular file" in reasons[victims[2].name]


# -- seeds that cannot be read, in every command that reads the seed folder --------------------


def _locked(path: Path) -> None:
    path.write_bytes(REAL_SEEDS[0].read_bytes())
    path.chmod(0)


UNREADABLE = [
    ("fifo", _fifo, "is not a regular file (a device, FIFO or socket)"),
    ("device", _device, "is not a regular file (a device, FIFO or socket)"),
    ("locked", _locked, "cannot be read (permission denied)"),
]


def _limit_memory() -> None:
    """In the child: reading /dev/zero for ever fails at 4 GB rather than eating the machine."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


@pytest.fixture()
def unreadable(seeds: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An index of the real seeds, then a FIFO, a device and a file chmod 000 of each kind of
    seed in the folder (the last only where chmod stops reads: not as root). Returns the
    index and the bad seeds' names with the reason each is skipped."""
    index = tmp_path / "index"
    build(seeds, index)
    bad: dict[str, str] = {}
    for suffix in (".txt", ".jsonl"):
        for name, make, reason in UNREADABLE:
            path = seeds / f"{name}{suffix}"
            make(path)
            bad[path.name] = reason
    try:
        (seeds / "locked.txt").read_bytes()
    except PermissionError:
        pass
    else:  # running as root (or with CAP_DAC_OVERRIDE)
        for suffix in (".txt", ".jsonl"):
            (seeds / f"locked{suffix}").unlink()
            del bad[f"locked{suffix}"]
    return index, bad


def _skipped(stderr: str) -> dict[str, str]:
    """Seed name -> reason, from the `warning: PATH: skipped: REASON` lines."""
    warnings = [line for line in stderr.splitlines() if line.startswith("warning: ")]
    found = [line.removeprefix("warning: ").split(": skipped: ", 1) for line in warnings]
    assert len({Path(path).name for path, _reason in found}) == len(found), warnings
    return {Path(path).name: reason for path, reason in found}


@pytest.mark.parametrize("command", [["build"], ["update"], ["update", "--dry-run"]], ids=" ".join)
def test_a_seed_that_cannot_be_read_is_skipped_with_one_warning(
    seeds: Path, unreadable: tuple[Path, dict[str, str]], command: list[str]
):
    """Never a wait for a FIFO's writer, nor a read of /dev/zero that never ends: the
    timeout makes such a regression a failure."""
    index, bad = unreadable
    done = subprocess.run(
        [*_cari(), *command],
        env=_env(seeds, index),
        capture_output=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, err
    assert _skipped(err) == bad and "Traceback" not in err
    assert SearchEngine(index).search(SearchRequest("birokrasi")).total == 5


def test_cari_watch_skips_a_seed_that_cannot_be_read(
    seeds: Path, unreadable: tuple[Path, dict[str, str]]
):
    index, bad = unreadable
    watcher = subprocess.Popen(
        [*_cari(), "watch"],
        env=_env(seeds, index),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_limit_memory,
    )
    deadline = threading.Timer(120, watcher.kill)  # a hang fails the test, never the CI run
    deadline.start()
    try:
        assert watcher.stdout is not None
        ready = watcher.stdout.readline()  # after the first update; "" when killed
    finally:
        watcher.send_signal(signal.SIGINT)
        try:
            _out, err = watcher.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            watcher.kill()
            _out, err = watcher.communicate()
        deadline.cancel()
    assert ready.startswith("watching"), err
    assert _skipped(err) == bad and "Traceback" not in err


def test_cari_inspect_says_why_a_seed_cannot_be_read_in_one_line(
    seeds: Path, unreadable: tuple[Path, dict[str, str]]
):
    index, bad = unreadable
    for name, reason in bad.items():
        options = ["--id", "rec-1"] if name.endswith(".jsonl") else []
        for extra in {(), tuple(options)}:
            done = subprocess.run(
                [*_cari(), "inspect", name, *extra],
                env=_env(seeds, index),
                capture_output=True,
                timeout=60,
                preexec_fn=_limit_memory,
            )
            err = done.stderr.decode("utf-8", "replace")
            assert done.returncode == 1 and err.splitlines() == [
                f"Error: {seeds / name}: {reason}"
            ], (name, extra, err)


def test_a_seed_rewritten_while_it_is_read_is_never_a_mix_of_versions(tmp_path: Path):
    """A writer rewrites one file in place, over and over, between two versions of different
    sizes and contents. Every read is the file as it was at some moment (a version, or a
    version caught part-written: a prefix of it), or is reported as changing; never the start
    of one version glued to the rest of another."""
    short = REAL_SEEDS[1].read_bytes()
    long = REAL_SEEDS[0].read_bytes() * (MAX_SEED_BYTES // 2 // len(REAL_SEEDS[0].read_bytes()))
    path = tmp_path / "busy.txt"
    path.write_bytes(long)
    stop = threading.Event()

    def rewrite() -> None:
        with path.open("r+b", buffering=0) as f:
            while not stop.is_set():
                for version in (short, long):
                    f.seek(0)
                    f.truncate()
                    f.write(version)

    writer = threading.Thread(target=rewrite, daemon=True)
    writer.start()
    outcomes: dict[str, int] = {}
    try:
        for _ in range(60):
            try:
                data = read_seed_bytes(path)
            except SeedError as exc:
                assert "kept changing" in str(exc)
                outcomes["changing"] = outcomes.get("changing", 0) + 1
                continue
            kind = "whole" if data in (short, long) else "part-written"
            if not (short.startswith(data) or long.startswith(data)):
                kind = "mixed"
            outcomes[kind] = outcomes.get(kind, 0) + 1
    finally:
        stop.set()
        writer.join()
    assert "mixed" not in outcomes, outcomes
    assert read_seed_bytes(path) in (short, long)


def test_a_build_that_fails_midway_leaves_the_live_index_and_no_debris(seeds: Path, tmp_path: Path):
    index = tmp_path / "index"
    build(seeds, index)
    live = store.live_generation(index)
    (seeds / "new.txt").write_bytes(REAL_SEEDS[0].read_bytes())

    def crash(_item: object) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        build(seeds, index, on_article=crash)
    assert store.live_generation(index) == live
    assert SearchEngine(index).search(SearchRequest("")).total == 5
    assert not list(index.glob(".building-*"))


def _damage_toc(index: Path) -> None:
    live = store.live_generation(index)
    for toc in live.path.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage\n")


def _damage_terms(index: Path) -> None:
    live = store.live_generation(index)
    for terms in live.path.glob("*.trm"):
        with terms.open("r+b") as f:
            f.truncate(10)


def _truncate_postings(index: Path) -> None:
    for path in store.live_generation(index).path.glob("*.pst"):
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size // 2)


def _zero_fill(pattern: str) -> Callable[[Path], None]:
    def damage(index: Path) -> None:
        for path in store.live_generation(index).path.glob(pattern):
            path.write_bytes(bytes(path.stat().st_size))

    damage.__name__ = f"zero-filled {pattern}"
    return damage


def _truncate_flat_postings(index: Path) -> None:
    for path in store.live_generation(index).path.glob("*.fpst"):
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size - 4)


def _delete_date_starts(index: Path) -> None:
    for path in store.live_generation(index).path.glob("*.date_start.col"):
        path.unlink()


def _said_damaged(index: Path):
    """Searches of a damaged index by the library and the CLI say so in one line (exit 2);
    the web app's test client, to check its pages."""
    from click.testing import CliRunner

    from search.cli import cli
    from web import create_app

    with pytest.raises(store.IndexCorruptError, match=r"cannot be read.*cari build"):
        SearchEngine(index).search(SearchRequest("pelayanan"))
    result = CliRunner().invoke(cli, ["query", "pelayanan", "--index", str(index)])
    assert result.exit_code == 2 and "cannot be read" in result.output
    assert "Traceback" not in result.output
    return create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()


@pytest.mark.parametrize(
    "damage",
    [
        _damage_toc,
        _damage_terms,
        _truncate_postings,
        _zero_fill("*.pst"),
        _zero_fill("*._stored.col"),
        _zero_fill("*.date_start.col"),
        _zero_fill("*.fpst"),
        _truncate_flat_postings,
        _delete_date_starts,
    ],
    ids=lambda damage: damage.__name__.strip("_"),
)
def test_a_damaged_index_is_a_clear_error_and_the_next_build_or_update_replaces_it(
    damage: Callable[[Path], None], seeds: Path, tmp_path: Path
):
    """Damaged index files (a bad disk, a half-copied backup): searches, the CLI and the web
    say so in one line, never a traceback or a 500; `cari update` and `cari build` rebuild."""

    from search.indexing.update import update

    index = tmp_path / "index"
    build(seeds, index)
    damage(index)
    client = _said_damaged(index)
    page = client.get("/?q=pelayanan&lang=en")
    assert page.status_code == 503 and b"cannot be read" in page.data
    page = client.get("/?q=pelayanan&lang=id")
    assert page.status_code == 503 and b"tidak bisa dibaca" in page.data
    assert client.get("/api/search?q=pelayanan").status_code == 503

    report = update(seeds, index)
    assert report.rebuilt and "could not be read" in report.rebuilt
    assert SearchEngine(index).search(SearchRequest("pelayanan")).total == 5
    damage(index)
    assert build(seeds, index).indexed == 5
    assert SearchEngine(index).search(SearchRequest("pelayanan")).total == 5


def test_zeros_inside_stored_fields_are_a_clear_error_and_check_finds_them(tmp_path: Path):
    """Zeros written over the middle of the stored fields (the file's size and ends intact,
    so opening the index finds nothing wrong): reading an article is where it shows, as the
    index's damage in one line (a 503, exit 2), never a traceback or a 500; `cari check`
    names the file, and `cari build` replaces the index."""
    import json

    from click.testing import CliRunner

    from search.cli import cli
    from tests.conftest import corpus_records

    big = tmp_path / "export"  # stored fields larger than the samples opening checks
    big.mkdir()
    records = corpus_records(400)
    (big / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    index = tmp_path / "index"
    build(big, index)
    for stored in store.live_generation(index).path.glob("*._stored.col"):
        assert stored.stat().st_size > 4 * store.SAMPLE_BYTES
        data = bytearray(stored.read_bytes())
        third = len(data) // 3
        data[third : 2 * third] = bytes(third)
        stored.write_bytes(bytes(data))
    client = _said_damaged(index)
    assert client.get("/?q=pelayanan&lang=en").status_code == 503
    assert client.get("/api/search?q=pelayanan").status_code == 503
    checked = CliRunner().invoke(cli, ["check", "--index", str(index)])
    assert checked.exit_code != 0 and "_stored.col" in checked.output
    assert build(big, index).indexed == len(records)
    assert SearchEngine(index).search(SearchRequest("pelayanan")).total > 0


# -- SIGKILL at random points ------------------------------------------------------------------

KILLS = 20
# Runs tried for the KILLS kills at most: a run that finishes before its kill point (the
# machine got faster, or busier, than when the test timed a run) is checked all the same, and
# the kill points move earlier (MISSED_SCALE) until runs are killed again.
MAX_RUNS = 5 * KILLS
MISSED_SCALE = 0.7
KILLED_SCALE = 1.1
COMMANDS = ("build", "update")


def _cari() -> list[str]:
    script = Path(sys.executable).with_name("cari")
    return [str(script)] if script.exists() else [sys.executable, "-m", "search.cli"]


def _env(seeds: Path, index: Path) -> dict[str, str]:
    return {**this_checkout_env(), "CARI_SEEDS_DIR": str(seeds), "CARI_INDEX_DIR": str(index)}


def _available_commands() -> set[str]:
    out = subprocess.run(
        [*_cari(), "--help"], capture_output=True, text=True, check=True, env=this_checkout_env()
    ).stdout
    listed = out.split("Commands:", 1)[-1].splitlines()
    return {line.split()[0] for line in listed if line.strip()}


def _write_seed(seeds: Path, name: str, n: int) -> None:
    """A real seed's text under a new id, made unique so every file has its own content hash."""
    text = REAL_SEEDS[n % len(REAL_SEEDS)].read_text(encoding="utf-8")
    (seeds / f"{name}.txt").write_text(f"{text}\n\nCatatan arsip nomor {n}.\n", encoding="utf-8")


def _mutate(seeds: Path, step: int) -> None:
    """What changes between two runs: one seed added, one removed, one edited."""
    _write_seed(seeds, f"k{step:03d}", step)
    (seeds / f"k{step - 3:03d}.txt").unlink(missing_ok=True)
    _write_seed(seeds, "base-00", 1000 + step)


def _seed_state(seeds: Path) -> dict[str, str]:
    return {TEXT.article_id(p): content_hash(p.read_bytes()) for p in seeds.glob("*.txt")}


def _index_state(index: Path) -> dict[str, str]:
    """Every article id and content hash in the live index; opening it is part of the check."""
    with store.require_live(index).open().searcher() as s:
        return {f["id"]: f["content_hash"] for f in s.all_stored_fields()}


def _assert_clean(index: Path) -> None:
    assert not list(index.glob(".building-*")), "a dead build folder was left behind"
    assert not list(index.glob(f".{store.LIVE}-*")), "a temporary live link was left behind"
    assert not list(index.glob(f"{store.REMOVING_PREFIX}*")), "a half-deleted generation was left"
    assert len(list(index.glob(f"{store.GEN_PREFIX}*"))) <= store.KEEP_GENERATIONS
    live = store.require_live(index)
    assert not list(live.path.glob("*.tmp")), "Whoosh temp files were left in the live index"
    writer = live.open().writer(timeout=0)  # raises LockError on a stale write lock
    writer.cancel()


# A warm `cari`: it imports the package and loads Sastrawi once, then runs each command in a
# fork, exactly as a fresh `cari <command>` would run it. Killing the fork kills that run; the
# test need not pay interpreter start-up for every one of its kill points.
WARM_CARI = """
import os, sys
from search.text.analyzer import stem_word
from search.cli import cli
stem_word("pelayanan")
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        code = 1
        try:
            cli.main(line.split(), prog_name="cari")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os._exit(code)
    print(pid, flush=True)
    print(os.waitpid(pid, 0)[1], flush=True)
"""


class _WarmCari:
    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WARM_CARI],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def start(self, command: str) -> int:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def wait(self) -> int:
        """The run's exit code, or minus the signal that ended it."""
        assert self.proc.stdout
        return os.waitstatus_to_exitcode(int(self.proc.stdout.readline()))

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("command", COMMANDS)
def test_sigkill_at_random_points_leaves_an_index_that_answers(command: str, tmp_path: Path):
    if command not in _available_commands():
        pytest.skip(f"`cari {command}` does not exist on this branch (not in `cari --help`)")
    seeds, index = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    for n in range(8):
        _write_seed(seeds, f"base-{n:02d}", n)
    env = _env(seeds, index)
    subprocess.run([*_cari(), "build"], env=env, check=True, capture_output=True)
    state = _index_state(index)
    assert state == _seed_state(seeds)
    warm = _WarmCari(env)
    try:
        # Calibrate: how long a whole run takes, and when its build folder appears. Twice,
        # keeping the faster: the first run in a fresh fork still warms caches.
        total, writing_at = float("inf"), None
        for calibration in (-1, 0):
            _mutate(seeds, calibration)
            started = time.monotonic()
            pid = warm.start(command)
            seen = None
            while _running(pid):
                if seen is None and any(index.glob(".building-*")):
                    seen = time.monotonic() - started
                time.sleep(0.002)
            if time.monotonic() - started < total:
                total, writing_at = time.monotonic() - started, seen
            assert warm.wait() == 0
        anchored = writing_at is not None  # a build folder shows when writing starts
        writing_at = writing_at or total / 2
        state = _index_state(index)
        assert state == _seed_state(seeds)

        seed = int(os.environ.get("CARI_FAULT_SEED", time.time_ns() % 10**6))
        rng = random.Random(seed)
        kills = mid_write = step = 0
        scale = 1.0  # of the calibrated times: smaller after runs that finished first
        while kills < KILLS and step < MAX_RUNS:
            step += 1
            _mutate(seeds, step)
            new = _seed_state(seeds)
            # Most kill points fall while the index is written, timed from when its build
            # folder appears (so a slow start on a busy machine does not make them miss);
            # one in five falls before.
            pid = warm.start(command)
            started = time.monotonic()
            if step % 5 and anchored:
                while _running(pid) and not any(index.glob(".building-*")):
                    time.sleep(0.001)
                time.sleep(rng.uniform(0, 1.25 * scale * (total - writing_at)))
            elif step % 5:
                time.sleep(scale * rng.uniform(writing_at, total))
            else:
                time.sleep(scale * rng.uniform(0, writing_at))
            delay = time.monotonic() - started
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            if warm.wait() == -signal.SIGKILL:
                kills += 1
                mid_write += bool(list(index.glob(".building-*")))
                scale = min(1.0, scale * KILLED_SCALE)
            else:
                scale *= MISSED_SCALE
            after = _index_state(index)
            assert after in (state, new), (
                f"kill {kills} after {delay:.3f}s (CARI_FAULT_SEED={seed}) left a mixed index"
            )
            assert SearchEngine(index).search(SearchRequest("pelayanan")).total > 0
            state = after
    finally:
        warm.close()
    assert kills >= KILLS, (
        f"only {kills} of {step} runs were killed before they finished (CARI_FAULT_SEED={seed})"
    )
    if command == "build":
        assert mid_write, f"no kill landed while the index was written (CARI_FAULT_SEED={seed})"

    done = subprocess.run([*_cari(), command], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _index_state(index) == _seed_state(seeds)
    _assert_clean(index)


def test_debris_of_runs_killed_at_any_step_is_cleared_by_the_next_build(tmp_path: Path):
    """What a kill can leave at each step of publishing (the windows are too short for random
    kills to hit often): a dead build folder, a generation renamed but never made live, and a
    temporary `live` link. The next build clears it all."""
    seeds, index = tmp_path / "seeds", tmp_path / "index"
    shutil.copytree(SEEDS_DIR, seeds)
    env = _env(seeds, index)
    subprocess.run([*_cari(), "build"], env=env, check=True, capture_output=True)
    probe = subprocess.Popen(["true"])
    probe.wait()
    shutil.copytree(store.require_live(index).path, index / f".building-{probe.pid}-deadbeef")
    orphan = index / "gen-20000101T000000-orphan"
    shutil.copytree(store.require_live(index).path, orphan)
    os.utime(orphan, (0, 0))
    (index / ".live-deadbeef").symlink_to(orphan.name)
    done = subprocess.run([*_cari(), "build"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not orphan.exists()
    _assert_clean(index)
    assert _index_state(index) == _seed_state(seeds)


def test_a_dead_build_folder_is_cleared_by_the_next_update(tmp_path: Path):
    seeds, index = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    for seed in sorted(SEEDS_DIR.glob("*.txt"))[:3]:
        shutil.copy(seed, seeds / seed.name)
    build(seeds, index)
    probe = subprocess.Popen(["true"])
    probe.wait()
    dead = index / f".building-{probe.pid}-deadbeef"
    shutil.copytree(store.require_live(index).path, dead)
    running = index / f".building-{os.getpid()}-cafebabe"  # a build still at work
    running.mkdir()
    update(seeds, index)
    assert not dead.exists() and running.exists()


# -- load while the index is rewritten ---------------------------------------------------------


def _load_paths(ids: list[str]) -> list[tuple[str, tuple[int, ...]]]:
    """Searches, filters, sorting, paging, hostile queries and article pages, each with the
    statuses it may get (a page past the last is refused with a 400 naming the last page)."""
    searches = ["pelayanan", "birokrasi", "jokowi", '"pelayanan publik"', "dilayani -publik"]
    paths: list[tuple[str, tuple[int, ...]]] = []
    for n, q in enumerate(searches):
        paths += [
            (f"/?{urlencode({'q': q})}", (200,)),
            (f"/api/search?{urlencode({'q': q, 'sort': 'newest', 'from': '2019-01'})}", (200,)),
            (f"/api/search?{urlencode({'q': q, 'page': 2})}", (200, 400)),
            (f"/api/search?{urlencode({'q': q * 2000})}", (200,)),
            (f"/api/search?{urlencode({'q': '(' * 3000 + q})}", (200,)),
            (f"/articles/{quote(ids[n % len(ids)], safe='')}", (200,)),
            (f"/api/articles/{quote(ids[-n % len(ids)], safe='')}", (200,)),
        ]
    return paths


def test_the_server_under_32_clients_while_the_index_is_rewritten_has_no_errors(
    seeds: Path, tmp_path: Path
):
    """32 keep-alive clients search, filter, page and open articles while `cari update` (or
    `cari build`) runs again and again on the index they read, with new, removed and edited
    seeds each time: every request gets the answer it should, until a rewrite has gone live
    during the load."""
    index = tmp_path / "index"
    env = _env(seeds, index)
    subprocess.run([*_cari(), "build"], env=env, check=True, capture_output=True)
    command = "update" if "update" in _available_commands() else "build"
    paths = _load_paths(sorted(TEXT.article_id(p) for p in REAL_SEEDS))
    port = free_port()
    server = subprocess.Popen(
        [*_cari(), "serve", "--port", str(port), "--threads", "4"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rewrites: list[tuple[int, bool]] = []  # (exit code, ended while the clients ran)
    answered: list[int] = []
    wrong: list[str] = []
    load_over = threading.Event()
    deadline = time.monotonic() + 120

    def rewrite() -> None:
        step = 3
        while not load_over.is_set() or not rewrites:
            step += 1
            _mutate(seeds, step)
            done = subprocess.run([*_cari(), command], env=env, capture_output=True, text=True)
            rewrites.append((done.returncode, not load_over.is_set()))

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        sent = 0
        while time.monotonic() < deadline and (
            sent < 3 or not any(live and not rc for rc, live in rewrites)
        ):
            path, expected = paths[(n + sent) % len(paths)]
            sent += 1
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                answered.append(response.status)
                if response.status not in expected:
                    wrong.append(f"{response.status} for {path[:100]}")
            except (OSError, http.client.HTTPException) as exc:
                wrong.append(f"{type(exc).__name__} for {path[:100]}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.close()

    try:
        _wait_until_listening(port, server)
        writer = threading.Thread(target=rewrite)
        clients = [threading.Thread(target=client, args=(n,)) for n in range(32)]
        writer.start()
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        load_over.set()
        writer.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert len(answered) >= 96
    assert not wrong, wrong[:10]
    assert any(live for _, live in rewrites), "no rewrite went live while the clients ran"
    assert all(rc == 0 for rc, _ in rewrites), rewrites


def _wait_until_listening(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"cari serve exited with {proc.returncode}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"cari serve did not listen on port {port} within {seconds:.0f} s")


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (children, their children...), from /proc."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            text = Path(f"/proc/{parent}/task/{parent}/children").read_text()
        except OSError:
            continue
        for child in map(int, text.split()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "zombie" not in status.lower()


def test_sigkill_during_a_parallel_build_leaves_no_workers_and_a_working_index(tmp_path: Path):
    """A build of a few hundred seeds parses them in a process pool and writes them with
    worker processes. Killing the build itself (as a crash or the OOM killer would) must
    take its workers with it, leave the live index as it was, and leave nothing a next build
    trips on."""
    from tests.conftest import corpus_records

    seeds, index = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    for record in corpus_records(450):
        text = f"{record['title']}\n\n{record['body']}\n"
        (seeds / f"{record['id']}.txt").write_text(text, encoding="utf-8")
    env = _env(seeds, index)
    subprocess.run([*_cari(), "build"], env=env, check=True, capture_output=True)
    before = _index_state(index)
    assert len(before) > 400
    (seeds / "zz-new.txt").write_text((SEEDS_DIR / "000_598db4fe2a2fc782.txt").read_text())
    rng = random.Random(int(os.environ.get("CARI_FAULT_SEED", time.time_ns() % 10**6)))
    proc = subprocess.Popen(
        [*_cari(), "build"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        workers |= _descendants(proc.pid)
        if len(workers) >= 2 and any(index.glob(".building-*")):
            break
        time.sleep(0.01)
    time.sleep(rng.uniform(0, 1.5))
    workers |= _descendants(proc.pid)
    proc.kill()
    proc.wait()
    assert workers, "the build started no worker process"
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "workers outlived the killed build"
    assert _index_state(index) in (before, {**before, "zz-new": _index_state(index).get("zz-new")})
    subprocess.run([*_cari(), "build"], env=env, check=True, capture_output=True)
    assert "zz-new" in _index_state(index)
    _assert_clean(index)
