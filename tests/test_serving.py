"""`cari serve` as a real server: one process or several sharing the port, every request
answered, stopped cleanly; and the result cache, reused only while the index is the same."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

from search.indexing.update import update
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
from tests.conftest import SEED_IDS, SEEDS_DIR, built_seed_copy, http_get
from web import server as web_server
from web.server import listening_socket, waitress_server


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.parametrize("server", [1, 2], indirect=True)
def test_every_request_is_answered_and_sigterm_stops_every_process(server):
    proc, port, processes = server
    workers = _children(proc.pid)
    assert len(workers) == (processes if processes > 1 else 0)
    for n in range(20):
        status, body = http_get(port, f"/?q=pelayanan&page={1 + n % 2}&size=3")
        assert status == 200
        assert b"<mark>" in body
    assert http_get(port, "/api/search?from=bukan-tanggal")[0] == 400
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=15) == 0
    for pid in workers:  # the workers went with it
        deadline = time.monotonic() + 10
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (
            not Path(f"/proc/{pid}").exists()
            or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
        )


@pytest.mark.parametrize("server", [2], indirect=True)
def test_a_worker_that_dies_is_replaced(server):
    proc, port, _ = server
    first = _children(proc.pid)
    time.sleep(2.1)  # older than the minimum life below which a worker is not restarted
    os.kill(first[0], signal.SIGKILL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        now = _children(proc.pid)
        if len(now) == 2 and first[0] not in now:
            break
        time.sleep(0.1)
    assert len(_children(proc.pid)) == 2 and first[0] not in _children(proc.pid)
    for _ in range(10):
        assert http_get(port, "/?q=birokrasi")[0] == 200


def test_the_port_taken_is_a_clear_error(seed_index: Path, runner):
    from search.cli import cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["serve", "--index", str(seed_index), "--port", str(port)])
    assert result.exit_code != 0
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_a_repeated_search_comes_from_the_cache_until_the_index_changes(tmp_path: Path):
    seeds, index = built_seed_copy(tmp_path)
    engine = SearchEngine(index)
    request = SearchRequest("pelayanan publik")
    first = engine.search(request)
    again = engine.search(request)
    assert again.hits is first.hits  # the cached result
    assert [h.id for h in first.hits] and first.total <= len(SEED_IDS)

    text = (SEEDS_DIR / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8")
    (seeds / "900_baru.txt").write_text(
        "Pelayanan Publik Dipercepat\n" + text.split("\n", 1)[1], encoding="utf-8"
    )
    assert update(seeds, index).added == ["900_baru"]
    after = engine.search(request)
    assert after.hits is not first.hits
    assert "900_baru" in [h.id for h in after.hits]
    assert after.total == first.total + 1

    uncached = SearchEngine(index, cache_size=0)
    assert uncached.search(request).hits is not uncached.search(request).hits


@pytest.mark.parametrize("server", [2], indirect=True)
def test_workers_do_not_outlive_a_killed_server(server):
    """SIGKILL gives the parent no chance to stop its workers: they must go by themselves,
    or they would keep the port and a restarted server could not listen."""
    proc, port, _ = server
    workers = _children(proc.pid)
    assert len(workers) == 2
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    with socket.socket() as s:
        # As a server binds (TIME_WAIT connections allowed): fails while a worker listens.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))
        s.listen()


def test_serve_get_answers_one_request_without_a_server(seed_index: Path, runner, client):
    """`cari serve --get PATH` prints what the app answers at PATH (the same bytes as the web
    client gets) and fails with the status on an HTTP error."""
    import json

    from search.cli import cli

    path = "/api/search?q=dilayani&sort=newest"
    result = runner.invoke(cli, ["serve", "--index", str(seed_index), "--get", path])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    expected = client.get(path).get_json()
    answer.pop("took_ms"), expected.pop("took_ms")
    assert answer == expected
    assert answer["total"] == len(SEED_IDS)

    page = runner.invoke(cli, ["serve", "--index", str(seed_index), "--get", "?q=dilayani"])
    assert page.exit_code == 0 and "<mark" in page.stdout

    bad = runner.invoke(cli, ["serve", "--index", str(seed_index), "--get", "/api/search?to=x"])
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)["status"] == 400
    assert "HTTP 400 for /api/search?to=x" in bad.stderr


@pytest.mark.parametrize("server", [2], indirect=True)
def test_workers_killed_in_quick_succession_are_replaced_and_the_server_stays(server):
    """A worker killed twice within 2 s was not replaced, and killing the last one made the
    parent exit."""
    proc, port, _ = server
    for _ in range(2):
        workers = _children(proc.pid)
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(0.3)
    for pid in _children(proc.pid):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(_children(proc.pid)) < 2:
        time.sleep(0.1)
    assert proc.poll() is None and len(_children(proc.pid)) == 2
    deadline = time.monotonic() + 30
    while True:
        try:
            assert http_get(port, "/?q=birokrasi")[0] == 200
            break
        except OSError:
            assert time.monotonic() < deadline
            time.sleep(0.2)


# -- slow clients closed (web.server.SlowClientChannel), on a server in this process --------

DEADLINE = 1.0


WINDOW = 2  # channel_timeout: silence allowed, and the window of the minimum read rate
LARGE = 256 * 1024


def _echo_length(environ, start_response):
    """The length of the body read, or LARGE bytes for GET /large (a few KB at a time)."""
    body = environ["wsgi.input"].read()
    start_response("200 OK", [("Content-Type", "text/plain")])
    if environ["PATH_INFO"] == "/large":
        return (b"x" * 4096 for _ in range(LARGE // 4096))
    return [str(len(body)).encode()]


@pytest.fixture()
def slow_server():
    """A waitress server as `cari serve` runs it, with a header deadline of 1 s, over an app
    that answers the length of the body it read (a small send buffer, so that a response
    waits on the client rather than in the kernel)."""
    sock = listening_socket("127.0.0.1", 0)
    server = waitress_server(
        _echo_length,
        sock,
        threads=2,
        header_timeout=DEADLINE,
        channel_timeout=WINDOW,
        cleanup_interval=1,
    )
    server.adj.socket_options = [(socket.SOL_SOCKET, socket.SO_SNDBUF, 8192)]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server
    server.task_dispatcher.shutdown()
    for channel in list(server._map.values()):
        channel.close()


@pytest.fixture()
def deadline_port(slow_server) -> int:
    return int(slow_server.effective_port)


def _send_slowly(port: int, parts: list[bytes], pause: float) -> bytes:
    """Send `parts` a pause apart, then read until the server closes: what it answered."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        for part in parts:
            try:
                sock.sendall(part)
            except OSError:  # closed by the server
                break
            time.sleep(pause)
        answer = b""
        with contextlib.suppress(OSError):  # reset by the server
            sock.shutdown(socket.SHUT_WR)
            while chunk := sock.recv(65536):
                answer += chunk
        return answer


REQUEST = b"GET / HTTP/1.1\r\nHost: x\r\nX-a: b\r\n\r\n"


@pytest.mark.parametrize(
    "trickled",
    [REQUEST, b"\r\n" * 20 + REQUEST],
    ids=["headers", "blank-lines-first"],
)
def test_headers_trickled_past_the_deadline_are_not_answered(deadline_port: int, trickled):
    started = time.monotonic()
    parts = [trickled[i : i + 1] for i in range(len(trickled))]
    assert _send_slowly(deadline_port, parts, pause=0.2) == b""
    assert time.monotonic() - started < len(parts) * 0.2  # closed before the end


def test_headers_sent_in_pieces_within_the_deadline_are_answered(deadline_port: int):
    parts = [REQUEST[:5], REQUEST[5:20], REQUEST[20:]]
    assert _send_slowly(deadline_port, parts, pause=0.2).endswith(b"\r\n\r\n0")


def test_a_body_sent_slowly_past_the_deadline_is_read_whole(deadline_port: int):
    head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
    answer = _send_slowly(deadline_port, [head, *[b"ab"] * 6], pause=0.5)  # 3 s
    assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"\r\n\r\n12")


def test_a_connection_kept_alive_past_the_deadline_is_answered_again(deadline_port: int):
    conn = http.client.HTTPConnection("127.0.0.1", deadline_port, timeout=10)
    socks = []
    for _ in range(3):
        conn.request("GET", "/")
        response = conn.getresponse()
        assert (response.status, response.read()) == (200, b"0")
        socks.append(conn.sock)
        time.sleep(DEADLINE * 1.5)  # silent, as a browser between clicks
    conn.close()
    assert socks[0] is socks[1] is socks[2]  # one connection


def _read_slowly(port: int, chunk: int, pause: float, seconds: float) -> int:
    """GET /large with a small receive buffer, reading `chunk` bytes each `pause` seconds
    for at most `seconds`: the bytes read until the server closed the connection."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.settimeout(2)
        sock.connect(("127.0.0.1", port))
        sock.sendall(b"GET /large HTTP/1.1\r\nHost: x\r\n\r\n")
        read, until = 0, time.monotonic() + seconds
        with contextlib.suppress(ConnectionResetError, TimeoutError):
            while time.monotonic() < until and (data := sock.recv(chunk)):
                read += len(data)
                time.sleep(pause)
        return read


def _held(server, chunk: int, pause: float, seconds: float) -> bool:
    """Whether the server still holds the connection of a client reading GET /large as
    _read_slowly does, when it has read for `seconds` (the client may read on from its
    own buffer, and the kernel's, after the server has closed it)."""
    held = []
    port = int(server.effective_port)
    reader = threading.Thread(target=_read_slowly, args=(port, chunk, pause, seconds + 1))
    reader.start()
    time.sleep(seconds)
    held.append(bool(server.active_channels))
    reader.join()
    return held[0]


def test_a_client_that_stops_reading_its_response_is_closed(slow_server):
    """Waitress marked it to close once silent for channel_timeout, then waited for ever for
    its full send buffer to take the closing."""
    assert not _held(slow_server, 100, pause=10, seconds=3 * WINDOW)


def test_a_client_taking_its_response_a_few_bytes_at_a_time_is_closed(slow_server, monkeypatch):
    """10 KB a second, with a minimum of 40 KB (1 KB in `cari serve`, over a longer window):
    never silent, it held the connection, and the thread writing the response, for as long
    as it kept reading."""
    monkeypatch.setattr(web_server, "MIN_SEND_RATE", 40 * 1024)
    assert not _held(slow_server, 2000, pause=0.2, seconds=3 * WINDOW)


def test_a_client_reading_slowly_above_the_minimum_rate_gets_its_response(deadline_port: int):
    assert _read_slowly(deadline_port, 2048, 0.1, seconds=30) > LARGE  # 20 KB/s: all of it


def test_a_request_body_over_a_megabyte_is_refused_before_it_is_read(deadline_port: int):
    """Waitress took up to 1 GB, and the form parser read it into memory whole (a 20 MB
    form for a saved search was read, then cut to its 200 characters)."""
    head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % (2 * 1024 * 1024)
    assert _send_slowly(deadline_port, [head], pause=0).startswith(b"HTTP/1.1 413")
