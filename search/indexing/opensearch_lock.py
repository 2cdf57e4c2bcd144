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

A holder that stalled for longer than its lease (a paused machine, a cut network) may find its
lock taken over: the lease is then `lost`. `Lease.confirm` renews the lease by that same
compare-and-set, and raises LockLostError when the document is no longer ours; a build calls it
right before its alias swap and an update before its first write, so a lost lock swaps and
writes nothing.
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


class LockLostError(IndexBusyError):
    """Another writer took over the write lock after our lease expired; nothing more was
    written (reported, and in `cari watch` tried again, as a busy index is)."""


def lock_name(alias: str) -> str:
    return alias + SUFFIX


@contextmanager
def write_lock(
    client: Any, alias: str, what: str, *, timeout: float = LOCK_WAIT_SECONDS
) -> Iterator[Lease]:
    """Hold the alias's write lock and yield its Lease; wait up to `timeout` seconds for it
    (IndexBusyError naming its holder after that). Re-entrant within a thread (an update that
    turns into a full build keeps its lock and lease)."""
    held: dict[str, Lease] = _held.__dict__.setdefault("leases", {})
    if alias in held:
        yield held[alias]
        return
    lease = Lease(client, alias, what)
    lease.take(timeout)
    held[alias] = lease
    try:
        yield lease
    finally:
        del held[alias]
        lease.release()


class Lease:
    """One writer's hold on an alias's lock document: `held`, then `lost` when another
    writer took it over, or `released`."""

    def __init__(self, client: Any, alias: str, what: str) -> None:
        self.client = client
        self.alias = alias
        self.index = lock_name(alias)
        self.holder = f"{what} (pid {os.getpid()} on {socket.gethostname()})"
        self.version: tuple[int, int] | None = None
        self.state = "waiting"
        self._writing = threading.Lock()  # the renewer and confirm() write one at a time
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

    def take(self, timeout: float) -> None:
        from opensearchpy import ConflictError, NotFoundError

        alias = self.alias
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
        self.state = "held"
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
        from opensearchpy import TransportError

        while not self._stop.wait(LEASE_SECONDS / 3):
            try:
                self.confirm()
            except LockLostError:
                log.error("the write lock %s was taken over by another writer", self.index)
                return
            except TransportError as exc:  # tried again at the next turn, within the lease
                log.warning("the write lock %s was not renewed: %s", self.index, exc)

    def confirm(self) -> None:
        """Make sure the lock is still ours, renewing its lease by a compare-and-set on the
        version we wrote (so it stays ours for LEASE_SECONDS more); LockLostError, and the
        lease `lost`, when another writer has taken it over or it is gone."""
        from opensearchpy import ConflictError, NotFoundError

        with self._writing:
            if self.state == "held":
                try:
                    self._write(self.version)
                except (ConflictError, NotFoundError):
                    self.state = "lost"
            if self.state != "held":
                raise LockLostError(
                    gettext(
                        "the OpenSearch index %(alias)s was taken over by another writer while"
                        " this one stalled past its lease: nothing more was written; run it"
                        " again",
                        alias=repr(self.alias),
                    )
                )

    def release(self) -> None:
        from opensearchpy import ConflictError, NotFoundError

        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        if self.state != "held":
            return
        self.state = "released"
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
