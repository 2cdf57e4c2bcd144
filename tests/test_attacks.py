"""Attacks: what someone careless or hostile can do to the seed folder, the index folder, the
saved queries and the server, each answered without losing an article, hanging or a traceback.

Kept short so CI runs the whole list; the long stress runs (many clients, kills at random
points) are in test_faults.py and test_concurrency.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import multiprocessing
import multiprocessing.synchronize
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from search import config
from search.cli import cli
from search.config import DEFAULT_HEADER_TIMEOUT
from search.dates import last_period
from search.indexing import flat_postings, store
from search.indexing.build import build
from search.indexing.update import update
from search.model import SearchRequest
from search.query import prefixes, suggest
from search.retrieval import postings
from search.retrieval.engine import SearchEngine
from search.saved.queries import (
    STATE_FILE,
    SavedQuery,
    SavedQueryError,
    add_query,
    load_queries,
    period_end,
    run_queries,
)
from search.text import analyzer
from tests.conftest import ROOT, SEEDS_DIR, corpus_records, http_get, this_checkout_env
from tests.test_store import HOLD_LOCK
from tests.test_updater import _age, write_new_seed
from tests.test_watch import PATIENCE_SECONDS, Watcher
from web import create_app
from web.server import CONNECTION_LIMIT
from web.views import STREAM_PIECE

EXPORT_RECORDS = 40


def live_ids(index_dir: Path) -> dict[str, float]:
    """Article id -> indexed_at in the live index."""
    with store.require_live(index_dir).open().searcher() as s:
        return {f["id"]: f["indexed_at"] for f in s.all_stored_fields()}


@pytest.fixture()
def export(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A seed folder holding one JSONL export of corpus records, its index, and its bytes."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    data = "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in corpus_records(EXPORT_RECORDS)
    ).encode()
    (seeds / "export.jsonl").write_bytes(data)
    index = tmp_path / "index"
    build(seeds, index)
    return seeds, index, data


# -- data loss ---------------------------------------------------------------------------------


def _truncated(data: bytes) -> bytes:
    return data[: len(data) * 6 // 10]


def _line_cut_short(data: bytes) -> bytes:
    lines = data.split(b"\n")
    lines[4] = lines[4][:200]
    return b"\n".join(lines)


@pytest.mark.parametrize("damage", [_truncated, _line_cut_short], ids=["truncated", "line-cut"])
def test_a_damaged_export_keeps_its_indexed_articles(export, damage):
    seeds, index, data = export
    before = live_ids(index)
    (seeds / "export.jsonl").write_bytes(damage(data))
    report = update(seeds, index)
    assert not report.removed
    assert live_ids(index) == before  # the same articles, with the same stamps
    reasons = " ".join(str(p) for p in report.problems)
    assert "export.jsonl:" in reasons and "not valid JSON" in reasons
    assert "indexed articles kept" in reasons
    (seeds / "export.jsonl").write_bytes(data)  # repaired: nothing to do
    assert update(seeds, index).changes == 0
    assert live_ids(index) == before


def test_watch_waits_for_an_export_rewritten_in_place(export):
    """60 % written, a pause longer than the watch's settle time, then the rest: no article
    is removed and added back (which would stamp them new for `saved run --new`)."""
    seeds, index, data = export
    before = live_ids(index)
    watcher = Watcher(seeds, index)
    try:
        with (seeds / "export.jsonl").open("wb") as f:
            f.write(_truncated(data))
            f.flush()
            time.sleep(2.5)
            f.write(data[len(_truncated(data)) :])
        time.sleep(2.5)
        assert live_ids(index) == before
        assert not any(r.removed or r.added or r.problems for r in watcher.reports)
    finally:
        watcher.close()


def test_watch_keeps_an_export_rewritten_in_place_with_a_pause_between_lines(export):
    """Half the lines written, a pause longer than the watch's settle time at a line's end
    (the file reads whole), then the rest: the half not yet written is not removed and
    added back (which would stamp them new for `saved run --new`)."""
    seeds, index, data = export
    before = live_ids(index)
    half = data.index(b"\n", len(data) // 2) + 1
    watcher = Watcher(seeds, index)
    try:
        with (seeds / "export.jsonl").open("wb") as f:
            f.write(data[:half])
            f.flush()
            time.sleep(2.5)
            f.write(data[half:])
        time.sleep(2.5)
        assert live_ids(index) == before
        assert not any(r.removed or r.added for r in watcher.reports)
    finally:
        watcher.close()


def test_watch_removes_the_records_of_an_export_that_stays_shortened(export):
    seeds, index, data = export
    half = data.index(b"\n", len(data) // 2) + 1
    kept = {json.loads(line)["id"] for line in data[:half].splitlines()}
    watcher = Watcher(seeds, index, removal_hold=2.0)
    try:
        (seeds / "export.jsonl").write_bytes(data[:half])
        lost = EXPORT_RECORDS - len(kept)
        deadline = time.monotonic() + PATIENCE_SECONDS
        # (the index goes live a moment before the watch records its report)
        while time.monotonic() < deadline and (
            set(live_ids(index)) != kept or sum(len(r.removed) for r in watcher.reports[1:]) < lost
        ):
            time.sleep(0.2)
        assert set(live_ids(index)) == kept
        # held while the file was new (when the watch saw it within the hold: on a busy
        # machine it may not have), then removed once, never added back
        after = list(watcher.reports[1:])
        assert sum(len(r.removed) for r in after) == lost
        assert not any(r.added for r in after)
        first = next(r for r in after if r.removed)
        assert all(not r.removed for r in after[: after.index(first)])
    finally:
        watcher.close()


def _records_export(seeds: Path, name: str, records: list[dict]) -> None:
    (seeds / name).write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def _dangling(path: Path) -> None:
    path.symlink_to("nowhere")


def _looping(path: Path) -> None:
    path.symlink_to(path.name)


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    "beside", [_dangling, _looping, _folder, os.mkfifo], ids=["dangling", "loop", "folder", "fifo"]
)
def test_a_broken_export_beside_others_never_removes_the_unchanged_ones(
    tmp_path: Path, beside, monkeypatch
):
    """A seed the build could not read left its record of the seeds incomplete; the update
    then took the articles of every export it did not read (unchanged) for gone."""
    seeds, index = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    records = corpus_records(EXPORT_RECORDS)
    _records_export(seeds, "a.jsonl", records[:10])
    _records_export(seeds, "b.jsonl", records[10:])
    _age(seeds, monkeypatch)  # settled: an update reads neither again until it changes
    beside(seeds / "c.jsonl")
    build(seeds, index)
    before = live_ids(index)
    with (seeds / "b.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps({**records[0], "id": "baru-1", "title": "Judul baru"}) + "\n")
    report = update(seeds, index)
    assert (report.added, report.removed) == (["baru-1"], [])
    assert report.unchanged == EXPORT_RECORDS  # each article counted once
    assert set(live_ids(index)) == {*before, "baru-1"}
    if beside is _folder:
        (seeds / "c.jsonl").rmdir()
    else:
        (seeds / "c.jsonl").unlink()
    (seeds / "b.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[10:]), encoding="utf-8"
    )
    report = update(seeds, index)
    assert report.removed == ["baru-1"]
    assert set(live_ids(index)) == set(before)


def test_an_id_two_exports_hold_stays_while_either_does(tmp_path: Path, monkeypatch):
    """One rule in build and update: the first seed in name order (then line order) holding
    an id gives its article; the article goes only when no seed holds the id any more."""
    seeds, index = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    records = corpus_records(EXPORT_RECORDS)
    _records_export(seeds, "a.jsonl", records)
    # b.jsonl holds five of a's ids, with other titles: a's versions are indexed.
    others = [{**r, "title": f"Versi lain {n}"} for n, r in enumerate(records[:5])]
    _records_export(seeds, "b.jsonl", others)
    _age(seeds, monkeypatch)
    build(seeds, index)
    shared = {r["id"] for r in others}

    def titles() -> dict[str, str]:
        with store.require_live(index).open().searcher() as s:
            return {f["id"]: f["title"] for f in s.all_stored_fields() if f["id"] in shared}

    first = titles()
    assert not any(t.startswith("Versi lain") for t in first.values())
    before = live_ids(index)
    assert len(before) == EXPORT_RECORDS
    report = update(seeds, index)  # b's five reported again, each article counted once
    assert report.changes == 0 and report.unchanged == EXPORT_RECORDS
    duplicates = [p for p in report.problems if "duplicate" in p.reason]
    assert [p.path.name for p in duplicates] == ["b.jsonl"] * 5

    (seeds / "b.jsonl").unlink()  # a still holds them
    report = update(seeds, index)
    assert report.removed == [] and report.changes == 0
    assert live_ids(index) == before
    assert update(seeds, index).unchanged == EXPORT_RECORDS

    _records_export(seeds, "b.jsonl", others)  # back: a's versions stay, b's are duplicates
    report = update(seeds, index)
    assert report.changes == 0 and report.unchanged == EXPORT_RECORDS
    assert titles() == first
    assert sum("duplicate" in p.reason for p in report.problems) == 5

    (seeds / "a.jsonl").unlink()  # now only b holds them: b's versions, the rest removed
    report = update(seeds, index, force=True)
    assert sorted(report.changed) == sorted(shared)
    assert len(report.removed) == EXPORT_RECORDS - 5
    assert all(t.startswith("Versi lain") for t in titles().values())
    assert set(live_ids(index)) == shared


@pytest.mark.parametrize("poll", [False, True], ids=["events", "polling"])
def test_watch_follows_a_seed_folder_deleted_and_made_again(export, poll: bool):
    seeds, index, data = export
    watcher = Watcher(seeds, index, poll=poll)
    try:
        shutil.rmtree(seeds)
        time.sleep(1.5)
        seeds.mkdir()
        (seeds / "export.jsonl").write_bytes(data)
        new_id = write_new_seed(seeds)
        deadline = time.monotonic() + PATIENCE_SECONDS
        while new_id not in live_ids(index) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert new_id in live_ids(index)
    finally:
        watcher.close()


# -- saved queries -----------------------------------------------------------------------------

CONCURRENT_ADDS = 20


def _add_when_released(path: Path, number: int, start: multiprocessing.synchronize.Event) -> None:
    start.wait()
    add_query(path, SavedQuery(name=f"q{number}", query=f"banjir {number}"))


def _run_when_released(index: Path, number: int, start: multiprocessing.synchronize.Event) -> None:
    engine = SearchEngine(index)
    start.wait()
    run_queries(engine, [SavedQuery(name=f"q{number}", query="banjir")], new_only=True)


def _twenty_at_once(target: Any, path: Path) -> None:
    """`target(path, number, start)` in CONCURRENT_ADDS processes released at once."""
    context = multiprocessing.get_context("fork")
    start = context.Event()
    workers = [
        context.Process(target=target, args=(path, n, start)) for n in range(CONCURRENT_ADDS)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0] * CONCURRENT_ADDS


def test_saved_add_run_twenty_at_once_keeps_all_twenty(tmp_path: Path):
    path = tmp_path / "queries.toml"
    _twenty_at_once(_add_when_released, path)
    assert sorted(load_queries(path)) == sorted(f"q{n}" for n in range(CONCURRENT_ADDS))


def test_saved_run_new_twenty_at_once_keeps_all_twenty_states(tmp_path: Path, seed_index: Path):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    (index / STATE_FILE).unlink(missing_ok=True)
    _twenty_at_once(_run_when_released, index)
    state = json.loads((index / STATE_FILE).read_text(encoding="utf-8"))
    assert sorted(state) == sorted(f"q{n}" for n in range(CONCURRENT_ADDS))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zeros(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _nested(path: Path) -> None:
    path.write_text("a = " + "[" * 100_000, encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_fifo, "not a regular file"),
        (_zeros, "not a regular file"),
        (_nested, "nested too deeply"),
    ],
    ids=["fifo", "dev-zero", "nested"],
)
def test_a_hostile_queries_file_is_one_line_error(runner, tmp_path: Path, make, message):
    path = tmp_path / "queries.toml"
    make(path)
    result = runner.invoke(cli, ["saved", "list", "--queries", str(path)])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    "state",
    [
        '{"daily": "string"}',
        "NaN",
        "[1]",
        '{"daily": {"seen_up_to": NaN}}',
        '{"daily": {"seen_up_to": 1e300}}',  # past any date
        "[" * 100_000,
        "folder",
        "fifo",
        "dev-zero",
    ],
    ids=lambda state: state if len(state) < 40 else "nested",
)
def test_damaged_saved_state_is_treated_as_none_with_a_warning(
    runner, tmp_path: Path, seed_index: Path, state: str, caplog
):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    queries = tmp_path / "queries.toml"
    add_query(queries, SavedQuery(name="daily", query="pelayanan publik"))
    (index / STATE_FILE).unlink(missing_ok=True)  # a state another test's runs left
    if state == "folder":
        (index / STATE_FILE).mkdir()
    elif state == "fifo":
        os.mkfifo(index / STATE_FILE)
    elif state == "dev-zero":
        (index / STATE_FILE).symlink_to("/dev/zero")
    else:
        (index / STATE_FILE).write_text(state, encoding="utf-8")
    args = ["saved", "run", "daily", "--new", "--queries", str(queries), "--index", str(index)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "saved-state.json" in caplog.text
    if state != "folder":  # the next run sees only what is new since
        assert runner.invoke(cli, args).exit_code == 1
    if state == "dev-zero":  # the link is replaced, never the device it points to
        assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)
        assert not (index / STATE_FILE).is_symlink()


# -- the index folder --------------------------------------------------------------------------


def test_deleting_write_lock_by_hand_does_not_let_a_second_writer_in(export):
    seeds, index, _data = export
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(index)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        (index / store.LOCK).unlink()
        write_new_seed(seeds)
        with pytest.raises(store.IndexBusyError):
            update(seeds, index, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.wait()
    assert update(seeds, index, lock_timeout=5).added


FLOCK_FOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_DIRECTORY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(120)
"""


def test_a_writer_held_out_names_the_holder_even_without_write_lock(export):
    """A backup under `flock index cp ...` holds the lock without writing write.lock."""
    seeds, index, _data = export
    holder = subprocess.Popen(
        [sys.executable, "-c", FLOCK_FOLDER, str(index)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(store.IndexBusyError, match=f"process {holder.pid}"):
            update(seeds, index, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.wait()


# -- costly queries ----------------------------------------------------------------------------


def test_a_short_prefix_matches_a_bounded_number_of_words(seed_index: Path, monkeypatch):
    """`ber* men* ter* mem*` took seconds: each prefix walked thousands of words. Now each
    reads the postings of at most MAX_MATCHED_TERMS words, the most frequent."""
    monkeypatch.setattr(prefixes, "MAX_MATCHED_TERMS", 5)
    prefixes._expansions.clear()
    read: set[tuple[str, str]] = set()
    original = postings.Arrays.postings

    def noting_postings(self, fieldname: str, text: str):
        read.add((fieldname, text))
        return original(self, fieldname, text)

    monkeypatch.setattr(postings.Arrays, "postings", noting_postings)
    engine = SearchEngine(seed_index, cache_size=0)
    assert engine.search(SearchRequest("mem*")).total > 0
    body_words = {t for f, t in read if f == "body_exact" and t.startswith("mem")}
    assert len(body_words) == 5
    prefixes._expansions.clear()


def test_the_vocabulary_for_suggestions_is_read_once_per_index(seed_index: Path, monkeypatch):
    """A zero-result page read the whole vocabulary again for each thread's reader."""
    built: list[object] = []
    original = suggest._vocabulary_of

    def noting(reader):
        built.append(reader)
        return original(reader)

    monkeypatch.setattr(suggest, "_vocabulary_of", noting)
    suggest._vocabularies.clear()
    for _ in range(2):  # two engines: two readers of the same index
        result = SearchEngine(seed_index, cache_size=0).search(
            SearchRequest("pelayannan", as_typed=True)
        )
        assert result.suggestion == "pelayanan"
    assert len(built) == 1


# -- the server --------------------------------------------------------------------------------

HALF_SENT = 110


@pytest.mark.parametrize("server", [1], indirect=True)
def test_half_sent_requests_do_not_shut_others_out(server):
    """110 clients that send headers without the final blank line and wait: the others are
    still answered (waitress's default connection limit, 100, refused them for minutes)."""
    _proc, port, _ = server
    idle = []
    try:
        for _ in range(HALF_SENT):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /?q=banjir HTTP/1.1\r\nHost: x\r\n")
            idle.append(sock)
        started = time.monotonic()
        assert http_get(port, "/api/search?q=birokrasi", timeout=10)[0] == 200
        assert time.monotonic() - started < 10
    finally:
        for sock in idle:
            sock.close()


class Tricklers:
    """`count` clients that send a request's headers one byte at a time, each every
    TRICKLE_EVERY seconds (never silent long enough for waitress's channel_timeout), and
    connect again when the server closes them."""

    def __init__(self, port: int, count: int) -> None:
        self.port, self.stop = port, threading.Event()
        self.socks = [self._connect() for _ in range(count)]
        self.sent = [0] * count
        self.thread = threading.Thread(target=self._trickle, daemon=True)
        self.thread.start()

    def _connect(self) -> socket.socket | None:
        try:
            return socket.create_connection(("127.0.0.1", self.port), timeout=2)
        except OSError:
            return None

    def _trickle(self) -> None:
        while not self.stop.wait(TRICKLE_EVERY):
            for i, sock in enumerate(self.socks):
                if sock is None:
                    self.socks[i], self.sent[i] = self._connect(), 0
                    continue
                try:
                    sock.send(
                        TRICKLED[self.sent[i] % len(TRICKLED) : self.sent[i] % len(TRICKLED) + 1]
                    )
                    self.sent[i] += 1
                except OSError:
                    sock.close()
                    self.socks[i] = None

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        for sock in self.socks:
            if sock is not None:
                sock.close()


TRICKLED = b"GET /?q=banjir HTTP/1.1\r\nHost: x\r\n" + b"X-a: b\r\n" * 1000
TRICKLE_EVERY = 2.0


@pytest.mark.parametrize("server", [1, 2], indirect=True)
def test_clients_trickling_their_headers_do_not_shut_others_out(server):
    """More clients than the server holds connections send their headers a byte every 2 s
    (and connect again when closed): a search is still answered within seconds of the
    header deadline (they held every connection for as long as they kept sending)."""
    _proc, port, processes = server
    tricklers = Tricklers(port, processes * CONNECTION_LIMIT + 20)
    try:
        time.sleep(TRICKLE_EVERY)  # every connection open and trickling
        started = time.monotonic()
        assert http_get(port, "/api/search?q=birokrasi", timeout=30)[0] == 200
        assert time.monotonic() - started < DEFAULT_HEADER_TIMEOUT + 5
    finally:
        tricklers.close()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_is_handed_to_the_server_in_large_pieces(client, fmt: str):
    """A piece per hit: waitress tries to send each piece, and for a client that does not
    read, each try copied what it held; a 5 MB export cost 1.6 s of CPU instead of 0.13 s."""
    response = client.get(f"/ekspor.{fmt}?q=dilayani", buffered=False)
    pieces = [piece for piece in response.response if piece]
    assert len(pieces) <= 1 + sum(map(len, pieces)) // STREAM_PIECE
    response.close()
    body = b"".join(pieces)
    hits = json.loads(body)["hits"] if fmt == "json" else body.splitlines()[1:]
    assert len(hits) >= 2


def test_exports_asked_beyond_those_written_at_once_are_told_to_wait(client):
    """Each up to 10,000 hits: a flood of them took every thread, and searches waited behind
    them (520 at once: a search took 25 s)."""
    export = "/ekspor.csv?q=dilayani"
    writing = [client.get(export) for _ in range(2)]  # streamed: sent when closed
    refused = client.get(export, buffered=True)
    assert refused.status_code == 503 and refused.headers["Retry-After"]
    assert "try again in a moment" in refused.get_data(as_text=True)
    assert client.get("/api/search?q=dilayani").status_code == 200
    writing.pop().close()  # the last begun first: the test client's contexts nest
    assert client.get(export, buffered=True).status_code == 200
    client.head(export, buffered=True)  # a response never iterated
    client.get(export + "&from=x&undated=maybe", buffered=True)  # refused before writing
    assert client.get(export, buffered=True).status_code == 200
    writing.pop().close()


@pytest.mark.parametrize(
    "args",
    [
        ["serve", "--header-timeout", "nan", "--get", "/"],
        ["update", "--wait", "nan"],
        ["watch", "--settle", "NaN"],
    ],
    ids=["header-timeout", "wait", "settle"],
)
def test_nan_seconds_are_a_usage_error(runner, tmp_path: Path, args: list[str]):
    """A range compares nothing with nan: `--header-timeout nan` turned the deadline off."""
    result = runner.invoke(cli, [*args, "--index", str(tmp_path / "index")])
    assert result.exit_code == 2 and "is not a number of seconds" in result.output


def test_a_saved_search_name_of_100_kb_is_not_sent_back_whole(tmp_path: Path):
    """Posted from the page, the refusal repeated the whole name (a 100 KB page)."""
    with pytest.raises(SavedQueryError) as refused:
        add_query(tmp_path / "queries.toml", SavedQuery(name="a" * 100_000, query="banjir"))
    assert "is not a usable name" in str(refused.value) and len(str(refused.value)) < 300


def test_a_page_number_of_4301_digits_is_a_400_on_the_page_too(client):
    assert client.get("/?q=banjir&page=" + "9" * 4301).status_code == 400


def test_a_long_query_is_carried_in_links_as_far_as_it_is_searched(client):
    """A 100 KB query made a 16.5 MB page: every facet link repeated it whole."""
    response = client.get("/", query_string={"q": "pelayanan publik " * 6000})
    assert response.status_code == 200
    assert len(response.data) < 200_000


def test_an_unknown_id_of_100_kb_is_not_sent_back_whole(client):
    response = client.get("/api/articles/" + "x" * 100_000)
    assert response.status_code == 404 and len(response.data) < 1_000


@pytest.mark.parametrize(("param", "status"), [("from", 200), ("to", 200), ("official", 400)])
def test_a_long_filter_value_is_not_repeated_in_every_link(client, param: str, status: int):
    """A date the page cannot read (not applied, said so) and a name no one has were carried
    whole in every link: a 100 KB `from` made a page of 22 MB."""
    value = "a" * 100_000
    response = client.get("/", query_string={"q": "pelayanan", param: value})
    assert response.status_code == status
    assert response.get_data(as_text=True).count(value) <= 2  # the form's field, the JSON link
    assert len(response.data) < 300_000


def test_live_as_a_symlink_loop_is_a_clear_error_and_build_replaces_it(
    runner, tmp_path: Path, seed_index: Path
):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    (index / store.LIVE).unlink()
    (index / store.LIVE).symlink_to(store.LIVE)
    result = runner.invoke(cli, ["query", "pelayanan", "--index", str(index)])
    assert result.exit_code == 2 and "cannot be read" in result.output
    assert "Traceback" not in result.output
    app = create_app({"INDEX_DIR": str(index), "TESTING": True})
    assert app.test_client().get("/?q=pelayanan").status_code == 503
    assert (
        runner.invoke(cli, ["build", "--seeds", str(SEEDS_DIR), "--index", str(index)]).exit_code
        == 0
    )
    assert runner.invoke(cli, ["query", "pelayanan", "--index", str(index)]).exit_code == 0


def test_index_at_a_dangling_symlink_is_a_clear_error(runner, tmp_path: Path):
    (tmp_path / "index").symlink_to(tmp_path / "gone")
    result = runner.invoke(cli, ["query", "pelayanan", "--index", str(tmp_path / "index")])
    assert result.exit_code == 2 and "no index" in result.output
    for command in ("build", "update"):
        args = [command, "--seeds", str(SEEDS_DIR), "--index", str(tmp_path / "index")]
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "which does not exist" in result.output and not (tmp_path / "gone").exists()


def test_a_full_disk_is_a_one_line_error(runner, tmp_path: Path, seed_index: Path, monkeypatch):
    """A file the system refuses to write (a full disk, a read-only mount) is an error that
    names it, not a traceback; the live index still answers."""
    import errno

    from search.indexing import build as building

    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    full = index / "segment.tmp"

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(full))

    monkeypatch.setattr(building, "_build_generation", no_space)
    result = runner.invoke(cli, ["build", "--seeds", str(SEEDS_DIR), "--index", str(index)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{full}: {os.strerror(errno.ENOSPC)}" in result.output
    query = runner.invoke(cli, ["query", "pelayanan", "--index", str(index)])
    assert query.exit_code == 0


@pytest.mark.parametrize("command", [["update"], ["update", "--dry-run"]])
def test_a_fifo_named_like_an_export_does_not_block_an_update(export, command):
    seeds, index, _data = export
    os.mkfifo(seeds / "fifo.jsonl")
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "cari"),
            *command,
            "--seeds",
            str(seeds),
            "--index",
            str(index),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**this_checkout_env(), "CARI_LANG": "en"},
    )
    assert done.returncode == 0
    assert "fifo.jsonl: skipped: is not a regular file" in done.stderr


# -- what is printed and exported ----------------------------------------------------------------

HOSTILE_TITLE = '=HYPERLINK("http://x") \u001b]0;PWNED\u0007\u001b[2J \u202ereversed'


@pytest.fixture()
def hostile_export(tmp_path: Path) -> tuple[Path, Path]:
    """An export of two records: one with a title that attacks terminals and spreadsheets,
    one whose source is a URL (seeds folder, index)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    first, second = corpus_records(2)
    first = {**first, "title": HOSTILE_TITLE + " " + first["title"], "source": "detik.com/news"}
    second = {**second, "source": "https://www.tempo.co/read/123"}
    (seeds / "export.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in (first, second)), encoding="utf-8"
    )
    index = tmp_path / "index"
    build(seeds, index)
    return seeds, index


def test_control_characters_never_reach_the_terminal(runner, hostile_export, tmp_path: Path):
    seeds, index = hostile_export
    queries = tmp_path / "queries.toml"
    add_query(queries, SavedQuery(name="all", query="", sources=("detik.com",)))
    outputs = [
        runner.invoke(cli, ["query", "", "--source", "detik.com", "--index", str(index)]),
        runner.invoke(
            cli, ["saved", "run", "all", "--queries", str(queries), "--index", str(index)]
        ),
        runner.invoke(cli, ["inspect", str(seeds / "export.jsonl")]),
    ]
    for result in outputs:
        assert result.exit_code == 0, result.output
        assert (
            "PWNED" in result.output and "\x1b" not in result.output and "\x07" not in result.output
        )
        assert "reversed" in result.output and "\u202e" not in result.output


def test_csv_cells_that_start_like_a_formula_stay_text(runner, hostile_export, tmp_path: Path):
    _seeds, index = hostile_export
    queries = tmp_path / "queries.toml"
    add_query(queries, SavedQuery(name="all", query="", sources=("detik.com",)))
    args = [
        "saved",
        "run",
        "all",
        "--format",
        "csv",
        "--queries",
        str(queries),
        "--index",
        str(index),
    ]
    result = runner.invoke(cli, args)
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert rows[0]["title"].startswith("'=HYPERLINK")


def test_a_source_given_as_a_url_is_its_site_everywhere(runner, hostile_export):
    _seeds, index = hostile_export
    engine = SearchEngine(index)
    result = engine.search(SearchRequest(""))
    assert sorted(name for name, _ in result.source_counts) == ["detik.com", "tempo.co"]
    for source in ("detik.com", "tempo.co"):
        assert engine.search(SearchRequest("", sources=(source,))).total == 1
        assert (
            runner.invoke(cli, ["query", "", "--source", source, "--index", str(index)]).exit_code
            == 0
        )
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    assert client.get("/api/search?source=tempo.co").status_code == 200
    assert client.get("/?source=detik.com").status_code == 200


def test_cari_check_reads_every_index_file_whole(runner, tmp_path: Path, seed_index: Path):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    result = runner.invoke(cli, ["check", "--index", str(index)])
    assert result.exit_code == 0 and "as they were written" in result.output
    postings = max(store.require_live(index).path.glob("*.pst"), key=lambda p: p.stat().st_size)
    data = bytearray(postings.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(16)  # the same size, damaged in the middle
    postings.write_bytes(bytes(data))
    result = runner.invoke(cli, ["check", "--index", str(index)])
    assert result.exit_code == 2 and postings.name in result.output
    assert "Traceback" not in result.output


def test_the_postings_cache_is_bounded_by_bytes(seed_index: Path, tmp_path: Path, monkeypatch):
    """Server memory grew with every distinct query (444 MB after 24,000): the cache counted
    postings, not the bytes they take with their positions. (An index without flat postings
    files, as an older Cari built it: its documents and weights are decoded and cached too.)"""
    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    for path in store.require_live(index).path.glob(f"*{flat_postings.EXTENSION}"):
        path.unlink()
    store.require_live(index).record_files()
    budget = 200_000
    for name in ("_cache", "_positions"):
        cache = getattr(postings, name)
        monkeypatch.setattr(postings, name, postings.LRU(budget, weigh=cache._weigh))
    engine = SearchEngine(index, cache_size=0)
    with engine.searcher() as s:
        words = [w.decode() for w in s.reader().lexicon("body_exact")][::7][:300]
    for first, second in zip(words[::2], words[1::2], strict=False):
        engine.search(SearchRequest(f'"{first} {second}" {first}'))
    for cache in (postings._cache, postings._positions):
        held = [item.nbytes for item in cache._items.values()]
        assert len(held) > 1 and sum(held) <= budget


def test_made_up_words_do_not_grow_the_stem_cache_for_ever(monkeypatch):
    monkeypatch.setattr(analyzer, "MAX_CACHED_STEMS", len(analyzer._stem_cache))
    word = "qzxmemperjuangkankanlah"
    assert analyzer.stem_word(word)
    assert word not in analyzer._stem_cache


def test_a_slow_search_goes_without_its_extras(seed_index: Path, monkeypatch):
    """Every search has a time budget for what only helps: past it, no "did you mean" and
    no relaxations are worked out (a zero-result page took 7-9 s computing them)."""
    engine = SearchEngine(seed_index, cache_size=0)
    request = SearchRequest("+pelayanan +qqqzzx")
    assert engine.search(SearchRequest("pelayannan", as_typed=True)).suggestion == "pelayanan"
    assert engine.relaxations(request)
    monkeypatch.setattr(config, "EXTRAS_BUDGET_SECONDS", 0.0)
    assert engine.search(SearchRequest("pelayannan", as_typed=True)).suggestion is None
    assert engine.relaxations(request) == []


def test_lone_surrogates_and_nul_in_an_export_are_read_as_text(runner, tmp_path: Path):
    """JSON can escape half of a UTF-16 pair alone ("\\udc80") and NUL ("\\u0000"), which no
    text holds and UTF-8 cannot write: the record is indexed with U+FFFD for the one and
    without the other, and every page, the terminal and the exports show it."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    first, second = corpus_records(2)
    odd = {
        **first,
        "id": first["id"] + "\udfff",
        "title": "Banjir \udc80 besar\u0000",
        "body": first["body"] + " \udc80",
    }
    lines = json.dumps(odd) + "\n" + json.dumps(second) + "\n"
    assert "\\udc80" in lines  # json.dumps escapes them as an export's writer did
    (seeds / "export.jsonl").write_text(lines, encoding="utf-8")
    index = tmp_path / "index"
    assert (
        runner.invoke(cli, ["build", "--seeds", str(seeds), "--index", str(index)]).exit_code == 0
    )
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    data = client.get("/api/search?q=banjir+besar").get_json()
    hit = next(h for h in data["hits"] if h["title"].startswith("Banjir"))
    assert hit["title"] == "Banjir \ufffd besar" and hit["id"] == first["id"] + "\ufffd"
    for url in ("/?q=banjir", "/", f"/articles/{hit['id']}", "/ekspor.json?q=banjir"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "\x00" not in page.get_data(as_text=True)
    json.loads(client.get("/ekspor.json?q=banjir").get_data(as_text=True))
    shown = runner.invoke(cli, ["query", "banjir besar", "--index", str(index)])
    assert shown.exit_code == 0 and "Banjir \ufffd besar" in shown.output


@pytest.mark.parametrize("depth", [5000, 900], ids=["past-json", "past-our-walk"])
def test_a_deeply_nested_export_line_is_one_bad_line(export, depth: int):
    seeds, index, data = export
    before = live_ids(index)
    deep = '{"id":"deep","x":' + "[" * depth + '"\\u00e9"' + "]" * depth + "}\n"
    (seeds / "export.jsonl").write_bytes(data + deep.encode())
    report = update(seeds, index)
    assert live_ids(index).keys() == before.keys()
    reasons = " ".join(str(p) for p in report.problems)
    assert "not valid JSON" in reasons and "nested too deeply" in reasons
    assert len(build(seeds, tmp := index.parent / "rebuilt").problems) == 1
    assert live_ids(tmp).keys() == before.keys()


@pytest.mark.parametrize("source", ["[x.com", "x].com", "http://[x/abc"])
def test_a_bracket_in_a_source_filter_is_a_bad_request(client, runner, seed_index, source):
    for url in ("/api/search", "/"):
        assert client.get(url, query_string={"q": "banjir", "source": source}).status_code == 400
    for args in (["banjir", "--source", source], [f"banjir source:{source}"]):
        result = runner.invoke(cli, ["query", *args, "--index", str(seed_index)])
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output


def test_a_record_whose_url_is_not_a_url_is_indexed(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    records = [{**r, "url": "http://[x/abc"} for r in corpus_records(2)]
    _records_export(seeds, "export.jsonl", records)
    report = build(seeds, tmp_path / "index")
    assert report.indexed == 2 and not report.problems


def _one_seed_indexed(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """A seed folder holding the first seed, its index, that seed and the next one."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    first, second = sorted(SEEDS_DIR.glob("*.txt"))[:2]
    shutil.copy(first, seeds / first.name)
    index = tmp_path / "index"
    build(seeds, index)
    return seeds, index, first, second


def test_a_seed_whose_name_is_not_utf8_is_skipped_by_update(tmp_path: Path):
    seeds, index, first, second = _one_seed_indexed(tmp_path)
    shutil.copy(second, seeds / os.fsdecode(b"bad\xff.txt"))
    for _run in range(2):  # the second from the recorded stats
        report = update(seeds, index)
        assert "not valid UTF-8" in " ".join(str(p) for p in report.problems)
        assert list(live_ids(index)) == [first.stem]
    assert len(build(seeds, index).problems) == 1
    assert "not valid UTF-8" in " ".join(str(p) for p in update(seeds, index).problems)


def test_control_characters_in_seed_and_query_names_never_reach_the_terminal(
    runner, tmp_path: Path
):
    seeds, index, _first, second = _one_seed_indexed(tmp_path)
    shutil.copy(second, seeds / "ctl2\x1b]0;PWNED\x07.txt")
    shutil.copy(second, seeds / "two\nlines.txt")
    queries = tmp_path / "queries.toml"
    queries.write_text('[queries."a\\u001b]0;PWNED\\u0007"]\nquery = 1\n', encoding="utf-8")
    outputs = [
        runner.invoke(cli, ["update", "--seeds", str(seeds), "--index", str(index)]),
        runner.invoke(cli, ["saved", "list", "--queries", str(queries)]),
        runner.invoke(
            cli, ["saved", "run", "zz", "--queries", str(queries), "--index", str(index)]
        ),
    ]
    for result in outputs:
        assert "PWNED" in result.output, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert "added: two lines\n" in outputs[0].output


def test_a_seed_named_too_long_for_a_sidecar_is_indexed(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name = "x" * 251
    shutil.copy(sorted(SEEDS_DIR.glob("*.txt"))[0], seeds / f"{name}.txt")
    report = build(seeds, tmp_path / "index")
    assert report.indexed == 1 and not report.problems
    assert list(live_ids(tmp_path / "index")) == [name]


def test_a_queries_file_saved_with_a_bom_is_read(runner, tmp_path: Path):
    path = tmp_path / "queries.toml"
    path.write_bytes(b'\xef\xbb\xbf[queries.banjir]\nquery = "banjir"\n')
    result = runner.invoke(cli, ["saved", "list", "--queries", str(path)])
    assert result.exit_code == 0 and "banjir" in result.output, result.output
    add_query(path, SavedQuery(name="gempa", query="gempa"))
    assert list(load_queries(path)) == ["banjir", "gempa"]


def test_one_bad_line_of_an_export_is_counted_as_a_line_not_seeds(runner, export):
    seeds, index, data = export
    (seeds / "export.jsonl").write_bytes(data + b"{bad\n")
    args = ["--seeds", str(seeds), "--index", str(index)]
    updated = runner.invoke(cli, ["update", *args])
    assert "unchanged, skipped 0 seeds, 1 line (" in updated.output, updated.output
    built = runner.invoke(cli, ["build", *args])
    assert "skipped 0 seeds, 1 line in" in built.output, built.output


class _Windows:
    """A pattern whose searches record how much text each one was given."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.spans = pattern, []

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self.spans.append(min(endpos, len(text)) - pos)
        return self.pattern.search(text, pos, endpos)


def test_a_body_of_one_paragraph_repeated_is_read_in_linear_time(monkeypatch):
    """A record whose body is one paragraph written 1,000 times took minutes to extract:
    each mention of a name read the whole text before it, or every paragraph, again."""
    from search.ingest.extract import officials
    from search.ingest.extract.quotes import people
    from search.ingest.records import extract_record

    record = max(
        (r for r in corpus_records(20) if len(r["body"]) < 2500), key=lambda r: len(r["body"])
    )
    calls: list[str] = []
    speaks_alone, given_names = (
        officials._speaks_alone,
        officials._ArticleWords._written_with_given_names,
    )
    monkeypatch.setattr(
        officials, "_speaks_alone", lambda w, p: calls.append(w) or speaks_alone(w, p)
    )
    monkeypatch.setattr(
        officials._ArticleWords,
        "_written_with_given_names",
        lambda self, name: calls.append(name) or given_names(self, name),
    )
    windows = _Windows(people._OPENS_SENTENCE)
    monkeypatch.setattr(people, "_OPENS_SENTENCE", windows)
    extract_record({**record, "body": "\n\n".join([record["body"]] * 100)})
    assert len(calls) == len(set(calls))  # each name read once
    assert windows.spans and max(windows.spans) < 1000


def test_a_saved_query_whose_source_is_no_site_is_refused(runner, tmp_path: Path):
    path = tmp_path / "queries.toml"
    args = ["saved", "add", "zz", "banjir", "--queries", str(path)]
    result = runner.invoke(cli, [*args, "--source", "[x.com"])
    assert result.exit_code == 2 and "is not a source" in result.output, result.output
    assert runner.invoke(cli, [*args, "--source", "kompas.com", "--source", "tempo"]).exit_code == 0


def test_a_sidecar_nested_too_deeply_is_one_line(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]
    shutil.copy(seed, seeds / seed.name)
    (seeds / f"{seed.stem}.meta.toml").write_text("a = " + "[" * 100_000, encoding="utf-8")
    problems = build(seeds, tmp_path / "index").problems
    assert [p.reason for p in problems] == [
        f"override file {seed.stem}.meta.toml: is not valid TOML (nested too deeply)"
    ]


# -- found by the attack of 2026-12-07 ----------------------------------------------------------


def test_a_last_period_reaching_before_year_1_starts_on_its_first_day(
    runner, tmp_path: Path, seed_index: Path
):
    """Checked against today when added, '2019 tahun' ended on the archive's newest day (in
    2019) reached year 0: `saved run` a traceback, /tersimpan and its feed a 500."""
    end = period_end(SearchEngine(seed_index))
    queries = tmp_path / "queries.toml"
    add_query(queries, SavedQuery(name="semua", query="pelayanan", last=f"{end.year} tahun"))
    args = ["saved", "run", "semua", "--queries", str(queries), "--index", str(seed_index)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    add_query(queries, SavedQuery(name="hampir", query="pelayanan", last=f"{end.year - 1} tahun"))
    almost = runner.invoke(cli, [*args[:2], "hampir", *args[3:]])  # from year 1: every dated one
    assert result.output.split("\n")[1:] == almost.output.split("\n")[1:]
    app = create_app({"INDEX_DIR": str(seed_index), "QUERIES_FILE": str(queries), "TESTING": True})
    client = app.test_client()
    for path in ("/tersimpan", "/tersimpan/semua.atom", "/tersimpan/semua.csv"):
        assert client.get(path).status_code == 200, path
    assert last_period(end.year * 12, "months", end) == dt.date.min
    assert last_period(10**9, "days", end) == last_period(10**9, "weeks", end) == dt.date.min


def test_a_saved_query_name_ending_in_a_newline_is_refused(runner, tmp_path: Path, seed_index):
    """`$` matches before a last newline: 'banjir\\n' was saved, its CSV a 500."""
    queries = tmp_path / "queries.toml"
    result = runner.invoke(cli, ["saved", "add", "banjir\n", "banjir", "--queries", str(queries)])
    assert result.exit_code == 2 and "is not a usable name" in result.output
    queries.write_text('[queries."banjir\\n"]\nquery = "banjir"\n', encoding="utf-8")
    with pytest.raises(SavedQueryError, match="a name is letters"):
        load_queries(queries)
    app = create_app({"INDEX_DIR": str(seed_index), "QUERIES_FILE": str(queries), "TESTING": True})
    assert app.test_client().get("/tersimpan/banjir%0A.csv").status_code == 404


NOT_XML = "\x0b\x0c\x01\x1b\ufffe\uffff"  # characters XML 1.0 cannot hold


def test_a_title_with_characters_xml_forbids_leaves_the_feed_readable(tmp_path: Path):
    """A \\x0b or U+FFFF in a record's title made /tersimpan/NAME.atom unparseable; its CSV,
    JSON and page keep working."""
    from xml.etree import ElementTree as ET

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    first, second = corpus_records(2)
    first = {**first, "title": f"Rapat{NOT_XML} banjir {first['title']}"}
    _records_export(seeds, "export.jsonl", [first, second])
    build(seeds, tmp_path / "index")
    queries = tmp_path / "queries.toml"
    add_query(queries, SavedQuery(name="rapat", query="rapat"))
    app = create_app(
        {"INDEX_DIR": str(tmp_path / "index"), "QUERIES_FILE": str(queries), "TESTING": True}
    )
    client = app.test_client()
    feed = ET.fromstring(client.get("/tersimpan/rapat.atom").data)
    titles = [t.text or "" for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(t.startswith("Rapat banjir ") for t in titles), titles
    rows = list(csv.DictReader(io.StringIO(client.get("/tersimpan/rapat.csv").get_data(True))))
    assert any(r["title"].startswith("Rapat") for r in rows)
    exported = json.loads(client.get("/ekspor.json?q=rapat").get_data(as_text=True))
    assert any(h["title"].startswith("Rapat") for h in exported["hits"])
    assert client.get("/?q=rapat").status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serve", "--port", "70000"], "70000"),
        (["serve", "--port", "-1"], "-1"),
        (["update", "--wait", "inf"], "inf"),
        (["update", "--wait", "1e10"], "10000000000"),
        (["watch", "--settle", "inf"], "inf"),
        (["query", "x", "--opensearch-url", "http://[::1"], "Invalid IPv6 URL"),
        (["query", "x", "--opensearch-url", "http://127.0.0.1:99999"], "Port out of range"),
    ],
    ids=["port-70000", "port-1", "wait-inf", "wait-1e10", "settle-inf", "ipv6", "url-port"],
)
def test_numbers_and_urls_out_of_range_are_usage_errors(runner, tmp_path, args, message):
    """Each was a traceback (OverflowError, ValueError) once handed on."""
    result = runner.invoke(cli, [*args, "--index", str(tmp_path / "index")])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert message in result.output and not (tmp_path / "index").exists()


def test_serve_on_port_0_announces_the_port_it_listens_on(seed_index: Path):
    cari = Path(sys.executable).parent / "cari"
    proc = subprocess.Popen(
        [str(cari), "serve", "--index", str(seed_index), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**this_checkout_env(), "LANG": "C"},
        text=True,
    )
    try:
        line = proc.stdout.readline()
        port = int(line.split("http://127.0.0.1:")[1].split()[0])
        assert port != 0 and http_get(port, "/")[0] == 200, line
    finally:
        proc.kill()
        proc.wait()


def test_a_folder_restored_as_live_is_refused_before_building(runner, tmp_path, seed_index):
    """The build ran whole, then failed naming its temporary link ('.live-xxxx: Is a
    directory'), leaving a generation and the link behind on each try."""
    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    restored = store.require_live(index).path
    (index / store.LIVE).unlink()
    shutil.copytree(restored, index / store.LIVE)
    before = sorted(p.name for p in index.iterdir())
    args = ["build", "--seeds", str(SEEDS_DIR), "--index", str(index)]
    for _ in range(2):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        assert (
            f"{index / store.LIVE} is a folder" in result.output and ".live-" not in result.output
        )
        assert sorted(p.name for p in index.iterdir()) == before


def test_a_failed_swap_leaves_no_generation_nor_link(tmp_path: Path, seed_index, monkeypatch):
    index = tmp_path / "index"
    shutil.copytree(seed_index, index, symlinks=True)
    before = sorted(p.name for p in index.iterdir())
    real_replace = os.replace

    def refuse_the_link(src, dst):  # type: ignore[no-untyped-def]
        if Path(dst).name == store.LIVE:
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", refuse_the_link)
    with pytest.raises(OSError):
        build(SEEDS_DIR, index)
    assert sorted(p.name for p in index.iterdir()) == before


def _users_folders(folder: Path) -> list[Path]:
    made = [folder / "gen-laporan", folder / "gen-2020", folder / ".building-lama"]
    for path in made:
        path.mkdir(parents=True)
        (path / "catatan.txt").write_text("milik pengguna", encoding="utf-8")
    return made


def test_a_build_into_a_folder_of_the_users_deletes_nothing(runner, tmp_path: Path):
    """`build --index ud` took gen-laporan, gen-2020 and .building-lama for its own and
    deleted them."""
    made = _users_folders(tmp_path / "ud")
    args = ["build", "--seeds", str(SEEDS_DIR), "--index", str(tmp_path / "ud")]
    for _ in range(2):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1 and "is no Cari index" in result.output, result.output
        assert all((path / "catatan.txt").exists() for path in made)
    assert sorted(p.name for p in (tmp_path / "ud").iterdir()) == sorted(p.name for p in made)
    # in an index folder, a build or an update leaves what it did not make
    index = tmp_path / "index"
    (index).mkdir()
    (index / ".gitignore").write_text("*\n", encoding="utf-8")  # as the project's index/
    assert (
        runner.invoke(cli, ["build", "--seeds", str(SEEDS_DIR), "--index", str(index)]).exit_code
        == 0
    )
    made = _users_folders(index)
    for _ in range(3):
        build(SEEDS_DIR, index)
    update(SEEDS_DIR, index)
    assert all((path / "catatan.txt").exists() for path in made)
    assert len([p for p in index.glob("gen-*") if p not in made]) == store.KEEP_GENERATIONS


def test_saving_a_query_writes_through_a_linked_file_and_keeps_its_mode(runner, tmp_path: Path):
    """`saved add` and `saved rm` put a regular file (mode 644) in place of a link to the
    queries file (mode 600), whose target was left as it was."""
    target = tmp_path / "dotfiles" / "queries.toml"
    target.parent.mkdir()
    add_query(target, SavedQuery(name="banjir", query="banjir"))
    target.chmod(0o600)
    link = tmp_path / "queries.toml"
    link.symlink_to(target)
    args = ["--queries", str(link)]
    assert runner.invoke(cli, ["saved", "add", "gempa", "gempa", *args]).exit_code == 0
    assert link.is_symlink() and sorted(load_queries(target)) == ["banjir", "gempa"]
    assert runner.invoke(cli, ["saved", "rm", "banjir", *args]).exit_code == 0
    assert link.is_symlink() and sorted(load_queries(target)) == ["gempa"]
    assert target.stat().st_mode & 0o777 == 0o600
    assert not [*tmp_path.glob("**/*.tmp"), *tmp_path.glob("**/.*.tmp")]


def test_excluded_prefixes_are_capped_as_typed_ones_are(seed_index: Path):
    """Typed prefixes were capped at MAX_PREFIXES, excluded ones not: 63 of them
    (`banjir -ber* -men* ...`) were all expanded (6 s cold)."""
    from search.query.plan import MAX_PREFIXES, parse_query

    excluded = ["ber", "men", "ter", "mem", "pen", "per", "pem", "dik", "sel"]
    text = "pelayanan " + " ".join(f"-{p}*" for p in excluded)
    plan = parse_query(text)
    assert plan.excluded_prefixes == excluded[:MAX_PREFIXES]
    note = f"only the first {MAX_PREFIXES} excluded prefixes were used"
    assert plan.notes.count(note) == 1
    result = SearchEngine(seed_index, cache_size=0).search(SearchRequest(text))
    assert note in result.notes
    assert parse_query("pelayanan -ber* -ber* -men*").notes == []  # a repeat is not counted


def test_a_filter_typed_after_the_query_cut_still_applies(client):
    """The 1,000-character cut took the filters typed after it (silently: the search found
    every source), and cut a word in two."""
    from search.config import MAX_QUERY_CHARS
    from search.query.plan import parse_query

    words = "pelayanan publik " * 58 + " " * 8  # up to just before the cut
    text = words + "birokrasi source:kompas.com"
    assert len(words) < MAX_QUERY_CHARS < len(words + "birokrasi")
    plan = parse_query(text)
    assert plan.filters == {"sources": ["kompas.com"]}
    assert plan.words[-1].exact == "publik"  # "birokrasi" crossed the cut: left out whole
    cut = "the query was cut to its first 1000 characters"
    assert cut in plan.notes
    assert cut not in parse_query(words + "   source:kompas.com").notes  # only a filter past it
    searched = client.get("/api/search", query_string={"q": text}).get_json()
    alone = client.get("/api/search", query_string={"q": "pelayanan publik source:kompas.com"})
    assert searched["total"] == alone.get_json()["total"]
    page = client.get("/", query_string={"q": text}).get_data(as_text=True)
    assert re.search(r'href="[^"]*source%3Akompas\.com', page)  # carried in its links


def test_a_path_cannot_forge_a_line_of_the_request_log(client, caplog):
    """The log printed the decoded path with its newlines: "/x%0A127.0.0.1 GET /admin 200"
    wrote a second line."""
    with caplog.at_level("INFO", logger="cari.web"):
        client.get("/x%0D%0AGET%20/admin%20200%E2%80%A8y")
    logged = [r.getMessage() for r in caplog.records if r.name == "cari.web"]
    assert logged == ["GET /x\\r\\nGET /admin 200\\u2028y 404 " + logged[0].split()[-1]]
