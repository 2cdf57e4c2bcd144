"""Watching the seed folder and updating the index when seeds arrive, change or go.

Filesystem events come from watchdog (inotify on Linux; `poll=True` for network disks where
events do not arrive). Events are batched: an update starts once no seed has changed for
`settle` seconds (a burst of files, or one file written in pieces, makes one update), or at
the latest `max_wait` seconds after the first change of a burst. An update that finds the
index busy (a `cari build` running) is tried again later, so no change is left behind.

A JSONL export being written in place (its last line not yet ended) is waited for, up to
INCOMPLETE_WAIT_SECONDS: an update of half a file would report its cut line for nothing (it
keeps the articles of the part not yet written either way, see search.indexing.update).
One rewritten in place that pauses at a line's end reads whole: the records it no longer
holds are not removed until it has stayed without them for REMOVAL_HOLD_SECONDS (the update
holds them back, and the watch updates again once the hold is over), so a rewrite in progress
neither removes its second half nor adds it back as new articles.
The seed folder deleted and made again is watched again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from search.i18n import gettext
from search.indexing import store
from search.indexing.build import BuildRefusedError
from search.indexing.update import UpdateReport, update
from search.ingest.kinds import kind_of
from search.ingest.seeds import list_seeds, may_change_articles, missing_folder

log = logging.getLogger(__name__)

SETTLE_SECONDS = 2.0
MAX_WAIT_SECONDS = 30.0
RETRY_SECONDS = 10.0  # after an update found the index busy (a long build)
INCOMPLETE_WAIT_SECONDS = 60.0  # at most, for an export whose last line is not ended yet
# Records an export changed less than this long ago no longer holds are not removed yet.
REMOVAL_HOLD_SECONDS = 30.0


def is_seed_path(path: str) -> bool:
    """Whether a change to this file may change the index: a seed or a seed's sidecar of
    corrections; not hidden files, nor those editors and downloads write on the way to the
    real file (`001.txt.swp`, `001.txt~`, `export.jsonl.part`)."""
    return may_change_articles(Path(path).name)


class _SeedEvents(FileSystemEventHandler):
    """Notes when any seed file was created, changed, moved or deleted."""

    def __init__(self) -> None:
        self.changed = threading.Event()
        self.first: float | None = None
        self.last = 0.0
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(p and is_seed_path(str(p)) for p in paths):
            self.note_change()

    def note_change(self) -> None:
        with self._lock:
            now = time.monotonic()
            self.first = self.first or now
            self.last = now
        self.changed.set()

    def take_burst(
        self,
        settle: float,
        max_wait: float,
        stop: threading.Event,
        idle: Callable[[], None] | None = None,
    ) -> bool:
        """Wait for a burst of changes to end; False if stopped first. `idle` is called
        every 0.2 s while nothing changes."""
        while not stop.is_set():
            if not self.changed.wait(timeout=0.2):
                if idle:
                    idle()
                continue
            with self._lock:
                assert self.first is not None
                quiet = time.monotonic() - self.last
                waited = time.monotonic() - self.first
                if quiet >= settle or waited >= max_wait:
                    self.first = None
                    self.changed.clear()
                    return True
            stop.wait(min(settle - quiet, max_wait - waited, 0.2))
        return False


def watch(
    seeds_dir: str | os.PathLike[str],
    index_dir: str | os.PathLike[str],
    *,
    settle: float = SETTLE_SECONDS,
    max_wait: float = MAX_WAIT_SECONDS,
    poll: bool = False,
    stop: threading.Event | None = None,
    on_update: Callable[[UpdateReport], None] | None = None,
    on_ready: Callable[[], None] | None = None,
    lock_timeout: float = store.LOCK_WAIT_SECONDS,
    removal_hold: float = REMOVAL_HOLD_SECONDS,
) -> None:
    """Update the index now, then after every burst of seed changes, until `stop` is set
    (or KeyboardInterrupt). A failed update is logged and the watch goes on; one that found
    the index busy for `lock_timeout` seconds is tried again RETRY_SECONDS later. Records an
    export changed less than `removal_hold` seconds ago lost are removed by an update after
    that (see the module docstring)."""
    stop = stop or threading.Event()
    seeds_dir, index_dir = Path(seeds_dir), Path(index_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(missing_folder(seeds_dir))
    events = _SeedEvents()
    observer = PollingObserver(timeout=1) if poll else Observer()
    folder = _WatchedFolder(observer, events, seeds_dir)
    observer.start()
    recheck = _Recheck(events)

    def run_update() -> bool:
        report = _update_once(seeds_dir, index_dir, on_update, lock_timeout, removal_hold)
        if report is not None and report.held:
            recheck.after(removal_hold)
        return report is not None

    def idle() -> None:
        folder.follow()
        recheck.when_due()

    try:
        if not run_update():
            events.note_change()
        if on_ready:
            on_ready()
        unfinished_since: float | None = None
        while events.take_burst(settle, max_wait, stop, idle=idle):
            unfinished = _unfinished_seeds(seeds_dir)
            if unfinished:
                unfinished_since = unfinished_since or time.monotonic()
                if time.monotonic() - unfinished_since < INCOMPLETE_WAIT_SECONDS:
                    log.info(
                        gettext("waiting for %(seed)s to be written whole", seed=unfinished[0])
                    )
                    stop.wait(settle)
                    events.note_change()
                    continue
            unfinished_since = None
            if not run_update():
                stop.wait(RETRY_SECONDS)
                events.note_change()  # try again, even if no seed changes meanwhile
    finally:
        observer.stop()
        observer.join(timeout=5)


class _Recheck:
    """An update due at a set time though no seed changes: when the records an export lost
    were held back, to remove them if it still lacks them."""

    def __init__(self, events: _SeedEvents) -> None:
        self.events = events
        self.due: float | None = None

    def after(self, seconds: float) -> None:
        # A little after the hold ends: the update measures it from the file's last change.
        self.due = time.monotonic() + seconds + 0.5

    def when_due(self) -> None:
        if self.due is not None and time.monotonic() >= self.due:
            self.due = None
            self.events.note_change()


class _WatchedFolder:
    """The seed folder under watch, watched again when it is deleted and made anew (the
    old watch then follows a folder that no longer exists)."""

    def __init__(self, observer: Any, events: _SeedEvents, path: Path) -> None:
        self.observer, self.events, self.path = observer, events, path
        self.identity = _identity(path)
        self.watch = observer.schedule(events, str(path), recursive=False)

    def follow(self) -> None:
        now = _identity(self.path)
        if now == self.identity:
            return
        if now is None:
            log.warning(
                gettext(
                    "seeds folder %(folder)s/ is gone: waiting for it to come back",
                    folder=self.path,
                )
            )
        else:
            with contextlib.suppress(Exception):  # the old watch may have ended already
                self.observer.unschedule(self.watch)
            self.watch = self.observer.schedule(self.events, str(self.path), recursive=False)
            log.warning(
                gettext("seeds folder %(folder)s/ is back: watching it again", folder=self.path)
            )
            self.events.note_change()
        self.identity = now


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _unfinished_seeds(seeds_dir: Path) -> list[Path]:
    """Seeds still being written (an export whose last line is not ended)."""
    try:
        paths = list_seeds(seeds_dir)
    except OSError:
        return []
    return [p for p in paths if not kind_of(p.name).written_whole(p)]


def _update_once(
    seeds_dir: Path,
    index_dir: Path,
    on_update: Callable[[UpdateReport], None] | None,
    lock_timeout: float,
    removal_hold: float,
) -> UpdateReport | None:
    """Run one update: its report, or None when it could not run and should be tried again
    later (an update refused or without a seed folder is reported as one with no changes)."""
    try:
        report = update(seeds_dir, index_dir, lock_timeout=lock_timeout, hold_seconds=removal_hold)
    except store.IndexBusyError as exc:
        log.warning(gettext("update postponed: %(problem)s", problem=exc))
        return None
    except (BuildRefusedError, FileNotFoundError) as exc:
        log.error(gettext("update skipped: %(problem)s", problem=exc))
        return UpdateReport()
    if on_update:
        on_update(report)
    return report
