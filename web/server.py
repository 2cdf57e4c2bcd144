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
(HeaderDeadlineChannel): waitress only closes silent connections, so clients sending a header
byte every few seconds held every connection for as long as they kept sending.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
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
CONNECTION_LIMIT = 500
WAITRESS_SETTINGS = {
    "ident": "cari",
    "channel_timeout": CHANNEL_TIMEOUT,
    "cleanup_interval": CLEANUP_INTERVAL,
    "connection_limit": CONNECTION_LIMIT,
}


class HeaderDeadlineChannel(HTTPChannel):
    """A waitress connection closed when a request's header block (its first line and
    headers) has not arrived `header_timeout` seconds after its first byte. The clock runs
    from the first byte received since the connection opened or last answered a request, so
    blank lines sent between requests do not restart it; a request's body is not timed (a
    slow upload is only closed when silent for CHANNEL_TIMEOUT)."""

    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    # when the first byte since the connection last answered (or opened) arrived
    receiving_since: float | None = None

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

    def readable(self) -> bool:
        # asked by the event loop on every turn (at least once a second)
        if not self.will_close and self.headers_overdue(time.monotonic()):
            self.will_close = True  # closed on this turn (writable() is now true)
        return super().readable()


def waitress_server(app: Any, sock: socket.socket, threads: int, header_timeout: float) -> Any:
    """A waitress server for `app` on the listening `sock`, its connections held to the
    header deadline."""
    server = create_server(app, sockets=[sock], threads=threads, **WAITRESS_SETTINGS)
    server.channel_class = type(
        "HeaderDeadlineChannel", (HeaderDeadlineChannel,), {"header_timeout": header_timeout}
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
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Serve `make_app()` on host:port with `processes` waitress processes of `threads`
    threads each (the app is made, and its index opened, in each process after the fork);
    a client has `header_timeout` seconds to send a request's headers."""

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
        on_ready()
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
