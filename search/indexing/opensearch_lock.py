"""The write lock of an OpenSearch index, kept in the cluster: one build or update of an alias
at a time, from whichever machine they run on (the embedded index's lock,
search.indexing.store.write_lock, is a file lock on one machine's folder). Two updates at once
would each read the lexicon's word counts and the copy groups, and the later write would undo
the earlier's; a build swapping the alias during an update would drop the update's articles.

The lock is the document `write` of the index `<alias>-lock`, created only where there is none
(`op_type=create`), and a lease: its holder renews it every LEASE_SECONDS / 3 from a thread,
and releases it by deleting it. A holder that died leaves it to expire LEASE_SECONDS later (by
the clocks of the machines involved), when the next writer takes it over; every change is a
compare-and-set on the document's sequence number, so two writers can never both hold it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from search.i18n import gettext
from search.indexing.store import LOCK_WAIT_SECONDS, IndexBusyError

log = logging.getLogger(__name__)

SUFFIX = "-lock"
DOC = "write"
LEASE_SECONDS = 60.0
POLL_SECONDS = 0.2

_held = threading.local()


def lock_name(alias: str) -> str:
    return alias + SUFFIX


@contextmanager
def write_lock(
    client: Any, alias: str, what: str, *, timeout: float = LOCK_WAIT_SECONDS
) -> Iterator[None]:
    """Hold the alias's write lock; wait up to `timeout` seconds for it (IndexBusyError
    naming its holder after that). Re-entrant within a thread (an update that turns into a
    full build keeps its lock)."""
    held: set[str] = _held.__dict__.setdefault("aliases", set())
    if alias in held:
        yield
        return
    lease = _Lease(client, lock_name(alias), what)
    lease.take(alias, timeout)
    held.add(alias)
    try:
        yield
    finally:
        held.discard(alias)
        lease.release()


class _Lease:
    def __init__(self, client: Any, index: str, what: str) -> None:
        self.client = client
        self.index = index
        self.holder = f"{what} (pid {os.getpid()} on {socket.gethostname()})"
        self.version: tuple[int, int] | None = None
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    def _doc(self) -> dict[str, Any]:
        return {"holder": self.holder, "expires": time.time() + LEASE_SECONDS}

    def _write(self, version: tuple[int, int] | None) -> None:
        """Create the lock (version None) or replace the one at `version`; ConflictError
        when someone else's is there."""
        if version is None:
            kwargs: dict[str, Any] = {"op_type": "create"}
        else:
            kwargs = {"if_seq_no": version[0], "if_primary_term": version[1]}
        done = self.client.index(index=self.index, id=DOC, body=self._doc(), **kwargs)
        self.version = (int(done["_seq_no"]), int(done["_primary_term"]))

    def take(self, alias: str, timeout: float) -> None:
        from opensearchpy import ConflictError, NotFoundError

        self._create_index()
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._write(None)
                break
            except ConflictError:
                pass
            try:
                found = self.client.get(index=self.index, id=DOC)
            except NotFoundError:
                continue  # released meanwhile
            if float(found["_source"]["expires"]) < time.time():
                log.warning("taking over the expired lock of %s", found["_source"]["holder"])
                try:
                    self._write((found["_seq_no"], found["_primary_term"]))
                    break
                except ConflictError:
                    continue  # another writer took it over first
            if time.monotonic() >= deadline:
                raise IndexBusyError(
                    gettext(
                        "the OpenSearch index %(alias)s is being written by %(holder)s; waited"
                        " %(seconds)ss: try again when it has finished",
                        alias=repr(alias),
                        holder=found["_source"]["holder"],
                        seconds=round(timeout),
                    )
                )
            time.sleep(POLL_SECONDS)
        self._renewer = threading.Thread(target=self._renew, name="cari-lock-lease", daemon=True)
        self._renewer.start()

    def _create_index(self) -> None:
        from opensearchpy import RequestError

        body = {
            "settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
            "mappings": {"dynamic": False, "properties": {"expires": {"type": "double"}}},
        }
        try:
            self.client.indices.create(index=self.index, body=body)
        except RequestError as exc:
            if exc.error != "resource_already_exists_exception":
                raise

    def _renew(self) -> None:
        from opensearchpy import ConflictError, TransportError

        while not self._stop.wait(LEASE_SECONDS / 3):
            try:
                self._write(self.version)
            except ConflictError:
                log.error("the write lock %s was taken over by another writer", self.index)
                return
            except TransportError as exc:  # tried again at the next turn, within the lease
                log.warning("the write lock %s was not renewed: %s", self.index, exc)

    def release(self) -> None:
        from opensearchpy import ConflictError, NotFoundError

        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        if self.version is None:
            return
        try:
            self.client.delete(
                index=self.index,
                id=DOC,
                if_seq_no=self.version[0],
                if_primary_term=self.version[1],
                refresh="true",
            )
        except (ConflictError, NotFoundError):
            log.error("the write lock %s was no longer ours to release", self.index)
