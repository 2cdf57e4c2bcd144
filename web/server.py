"""Serving the app with waitress, in one process or several sharing one listening socket.

Python runs one thread at a time per process, so on a machine with several cores a busy
server needs several processes: each has its own app, searcher and caches and follows the
live index on its own; the kernel hands each new connection to whichever process accepts it
first. A child that dies is started again, however soon after its start (then after a pause
that doubles with each quick death, up to MAX_RESTART_DELAY, so a child that cannot start does
not spin); the parent only stops on Ctrl+C or SIGTERM, which stop them all.

Waitress is set for a public server: clients that send half a request and wait hold a
connection only CHANNEL_TIMEOUT seconds, and up to CONNECTION_LIMIT connections are open at
once (its defaults, 120 s and 100, let 110 such clients shut everyone out for minutes). A
client must send a request's header block within `header_timeout` seconds of its first byte
and take its response at MIN_SEND_RATE bytes a second at least (SlowClientChannel): waitress
only closes silent connections, so clients sending a header byte, or reading a few bytes of a
large response, every few seconds held every connection for as long as they kept at it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import struct
import sys
import time
from collections.abc import Callable
from typing import Any

from waitress.channel import HTTPChannel
from waitress.server import create_server

from search.child_process import die_with_parent
from search.config import DEFAULT_HEADER_TIMEOUT
from search.i18n import gettext

# A child that dies sooner than this after starting is restarted after a pause.
MIN_CHILD_LIFE = 2.0
MAX_RESTART_DELAY = 30.0
CHANNEL_TIMEOUT = 10  # seconds a connection may stay silent (a request sent in part)
CLEANUP_INTERVAL = 2  # how often silent connections are looked for
# A client must take a response at this many bytes a second, over CHANNEL_TIMEOUT seconds.
MIN_SEND_RATE = 1024
CONNECTION_LIMIT = 500
# The largest request body taken (Cari's one form, a saved search, is a few hundred bytes;
# waitress's default, 1 GB, was read into memory whole by the form parser).
MAX_REQUEST_BODY = 1024 * 1024
WAITRESS_SETTINGS = {
    "ident": "cari",
    "max_request_body_size": MAX_REQUEST_BODY,
    "channel_timeout": CHANNEL_TIMEOUT,
    "cleanup_interval": CLEANUP_INTERVAL,
    "connection_limit": CONNECTION_LIMIT,
}


RESET = struct.pack("ii", 1, 0)  # SO_LINGER on, 0 s: close() resets the connection


class SlowClientChannel(HTTPChannel):
    """A waitress connection closed when its client is too slow for a public server (waitress
    itself only closes a connection silent for CHANNEL_TIMEOUT):

    - a request whose header block (its first line and headers) has not arrived
      `header_timeout` seconds after its first byte. The clock runs from the first byte
      received since the connection opened or last answered a request, so blank lines sent
      between requests do not restart it. A request's body is not timed (a slow upload is
      only closed when silent);
    - a response the client takes at less than MIN_SEND_RATE bytes a second over
      CHANNEL_TIMEOUT seconds (a client reading a few bytes now and then is never silent, and
      held its connection, and its thread while the response was written, for hours).
    """

    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    # when the first byte since the connection last answered (or opened) arrived
    receiving_since: float | None = None
    bytes_sent = 0
    # since when output has waited on the client, and bytes_sent then
    waiting_on_client: tuple[float, int] | None = None
    shut_down = False

    def received(self, data: bytes) -> bool:
        if data and self.receiving_since is None:
            self.receiving_since = time.monotonic()
        return super().received(data)

    def service(self) -> None:
        self.receiving_since = None  # a request whole: being answered
        try:
            super().service()
        finally:
            self.receiving_since = None

    def send(self, data: bytes, do_close: bool = True) -> int:
        sent = super().send(data, do_close)
        self.bytes_sent += sent
        return sent

    def headers_overdue(self, now: float) -> bool:
        """Whether the request being received has taken too long to send its headers."""
        since, request = self.receiving_since, self.request
        return (
            since is not None
            and not self.requests  # none being answered
            and not self.total_outbufs_len  # nor an answer still being sent
            and not (request is not None and request.headers_finished)  # nor a body coming
            and now - since > self.header_timeout
        )

    def response_stalled(self, now: float) -> bool:
        """Whether the client has taken its response too slowly over the last
        CHANNEL_TIMEOUT seconds that output waited on it."""
        # output waits on the client: what waitress would send now (while the app writes,
        # it holds back less than send_bytes)
        pending = self.total_outbufs_len
        if not pending or (self.requests and pending < self.adj.send_bytes):
            self.waiting_on_client = None
            return False
        if self.waiting_on_client is None:
            self.waiting_on_client = (now, self.bytes_sent)
            return False
        since, sent_then = self.waiting_on_client
        window = self.adj.channel_timeout
        if now - since < window:
            return False
        if self.bytes_sent - sent_then < MIN_SEND_RATE * window:
            return True
        self.waiting_on_client = (now, self.bytes_sent)
        return False

    def readable(self) -> bool:
        # asked by the event loop on every turn (at least once a second)
        if not self.will_close:
            now = time.monotonic()
            self.will_close = self.headers_overdue(now) or self.response_stalled(now)
        if self.will_close and not self.shut_down:
            # Closed on this turn, when select() finds the socket writable: shut down, it is
            # even when the client has stopped reading (waitress's own will_close, for a
            # channel silent for CHANNEL_TIMEOUT, waited for ever on a full send buffer).
            # A response not taken is reset, so the kernel drops what it held of it too.
            self.shut_down = True
            with contextlib.suppress(OSError):
                if self.total_outbufs_len:
                    self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET)
                self.socket.shutdown(socket.SHUT_RDWR)
        return super().readable()


def waitress_server(
    app: Any, sock: socket.socket, threads: int, header_timeout: float, **settings: Any
) -> Any:
    """A waitress server for `app` on the listening `sock` that closes slow clients
    (SlowClientChannel); `settings` override WAITRESS_SETTINGS."""
    settings = {**WAITRESS_SETTINGS, **settings}
    server = create_server(app, sockets=[sock], threads=threads, **settings)
    server.channel_class = type(
        "SlowClientChannel", (SlowClientChannel,), {"header_timeout": header_timeout}
    )
    return server


def run_waitress(app: Any, sock: socket.socket, threads: int, header_timeout: float) -> None:
    """Serve until stopped, as `waitress.serve` does."""
    logging.basicConfig()  # waitress's warnings are seen (idempotent)
    server = waitress_server(app, sock, threads, header_timeout)
    server.print_listen("Serving on http://{}:{}")
    server.run()


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket (clear error if the port is taken)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family, backlog=1024)
    except OSError as exc:
        raise SystemExit(
            gettext(
                "cannot listen on %(host)s:%(port)s: %(problem)s",
                host=host,
                port=port,
                problem=exc.strerror or exc,
            )
        ) from None


def get(app: Any, path: str) -> tuple[int, str, bytes]:
    """One GET request through the app, without a server (as datasette's `serve --get`): the
    status, the content type and the body, exactly what a browser at `path` would receive."""
    if not path.startswith("/"):
        path = "/" + path
    with app.test_client() as client:
        response = client.get(path)
        return response.status_code, response.content_type or "", response.get_data()


def _exit_cleanly(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def serve(
    make_app: Callable[[], Any],
    host: str,
    port: int,
    *,
    threads: int = 8,
    processes: int = 1,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    on_ready: Callable[[int], None] | None = None,
) -> None:
    """Serve `make_app()` on host:port with `processes` waitress processes of `threads`
    threads each (the app is made, and its index opened, in each process after the fork);
    a client has `header_timeout` seconds to send a request's headers. `on_ready` is told
    the port listened on (the one the system chose for port 0)."""

    def ready_app() -> Any:
        app = make_app()
        engine = app.extensions.get("cari_engine")
        if engine is not None:
            engine.warm()
        for name in app.jinja_env.list_templates():  # compiled once, now
            if name.endswith(".html"):
                app.jinja_env.get_template(name)
        return app

    sock = listening_socket(host, port)
    if on_ready:
        on_ready(sock.getsockname()[1])
    if processes <= 1:
        signal.signal(signal.SIGTERM, _exit_cleanly)
        run_waitress(ready_app(), sock, threads, header_timeout)
        return

    parent = os.getpid()

    def child() -> None:
        die_with_parent(parent)  # a killed parent must not leave servers holding the port
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        try:
            run_waitress(ready_app(), sock, threads, header_timeout)
        finally:
            os._exit(0)

    children: dict[int, float] = {}

    def start() -> None:
        pid = os.fork()
        if pid == 0:
            child()
        children[pid] = time.monotonic()

    def stop(signum: int, _frame: object) -> None:
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(processes):
        start()
    quick_deaths = 0
    while True:
        pid, status = os.wait()
        started = children.pop(pid, None)
        if started is None:
            continue
        code = os.waitstatus_to_exitcode(status)
        print(
            gettext(
                "cari serve: worker %(pid)s exited (%(code)s): starting another",
                pid=pid,
                code=code,
            ),
            file=sys.stderr,
            flush=True,
        )
        if time.monotonic() - started < MIN_CHILD_LIFE:
            time.sleep(min(MAX_RESTART_DELAY, 0.25 * 2**quick_deaths))
            quick_deaths += 1
        else:
            quick_deaths = 0
        start()
