"""Writing an index generation with several processes.

Whoosh analyses and writes postings in pure Python, so one process uses one core. A
`ParallelWriter` hands batches of documents to worker processes; each worker writes its own
complete segment with a plain Whoosh `SegmentWriter`, and `commit()` lists all the segments in
one new table of contents. The result is an ordinary multi-segment Whoosh index.

Small builds (fewer than `min_parallel` documents) never start a worker: they are written by
one in-process writer, as before. Workers are forked when the platform allows it, so they
inherit the warm stem cache and the loaded Sastrawi dictionary.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing as mp
import os
import queue
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from whoosh.index import Index

from search import whoosh_private
from search.child_process import die_with_parent
from search.i18n import gettext
from search.indexing.segment_writer import FastSegmentWriter
from search.text.analyzer import save_stem_cache

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")

MAX_WORKERS = 4
BATCH_DOCS = 50
MIN_PARALLEL_DOCS = 400
# Whoosh's posting pool: the memory each writer holds before it spills a sorted run to disk.
WORKER_LIMIT_MB = 128
# A worker writes out its segment and starts another past this many postings in memory. At
# 6 million a worker peaks near 420 MB on the corpus (300 MB at 2 million), and the corpus
# index has 2 segments instead of 6: every query term is looked up once per segment, and the
# results page got 5-8 % faster (build time unchanged). Bigger archives get more segments of
# this size, so a build's memory stays bounded.
MAX_SEGMENT_POSTINGS = 6_000_000
_POLL_SECONDS = 1.0
# Segments as separate files, not one compound file: Whoosh copies each file of a compound
# segment into memory for every reader it opens (about 170 MB per reader on the corpus, and a
# server keeps one reader per thread); separate files are read through the OS page cache.
COMPOUND = False


def default_workers() -> int:
    """One worker per core (at most MAX_WORKERS), or CARI_BUILD_WORKERS when set."""
    env = os.environ.get("CARI_BUILD_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    workers: int | None = None,
    *,
    min_items: int = 200,
    window: int | None = None,
) -> Iterator[R]:
    """func(item) for each item, in order, computed by `workers` processes when there are at
    least `min_items`, else in this process. For the parsing of seeds in a build: extraction
    is pure Python, and one process was the build's bottleneck.

    Items are read lazily and at most `window` (default 16 per worker) are in flight or
    waiting to be taken: a large archive's lines are never all in memory, and parsed
    articles do not pile up when indexing is slower than parsing (Pool.imap reads its whole
    input at once and keeps every result it is ahead by)."""
    workers = max(1, workers or default_workers())
    items = iter(items)
    head = list(itertools.islice(items, min_items))
    if workers == 1 or len(head) < min_items:
        yield from map(func, itertools.chain(head, items))
        return
    window = window or 16 * workers
    with _context().Pool(workers, initializer=start_worker, initargs=(os.getpid(),)) as pool:
        pending: deque[Any] = deque()
        for item in itertools.chain(head, items):
            pending.append(pool.apply_async(func, (item,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def start_worker(parent: int) -> None:
    """What every build worker process does first: die with its parent (`die_with_parent`),
    and collect garbage less. What the fork inherited stays put (the collector neither scans
    nor copies its pages), and young collections are rarer: a worker allocates millions of
    small objects that live until its batch or segment is done (collection was about 5 % of
    an indexing worker's time, 8 % of a parsing worker's)."""
    die_with_parent(parent)
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


class WorkerError(RuntimeError):
    """A worker process died or failed; the build was cancelled."""


def _context() -> Any:
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _worker(
    index_path: str,
    indexname: str,
    limitmb: int,
    jobs: Any,
    results: Any,
    parent: int,
    number: int,
) -> None:
    """Worker process `number`: add every document batch from `jobs` to segments of its own
    (a new one each time the postings held in memory pass MAX_SEGMENT_POSTINGS), report each
    segment with (number, its place among the worker's segments), then "done"."""
    from whoosh import index as whoosh_index

    start_worker(parent)
    try:
        ix = whoosh_index.open_dir(index_path, indexname=indexname)
        writer = _segment_writer(ix, limitmb)
        sent = 0
        while True:
            batch = jobs.get()
            if batch is None:
                break
            for doc in batch:
                writer.add_document(**doc)
            if writer.postings >= MAX_SEGMENT_POSTINGS:
                results.put(("segment", (number, sent, whoosh_private.finish_segment(writer))))
                sent += 1
                writer = _segment_writer(ix, limitmb)
        segment = whoosh_private.finish_segment(writer)
        if segment is not None:
            results.put(("segment", (number, sent, segment)))
        save_stem_cache(Path(index_path), part=str(os.getpid()))
        results.put(("done", None))
    except BaseException as exc:  # reported to the parent, which cancels the build
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def _segment_writer(ix: Index, limitmb: int) -> FastSegmentWriter:
    writer = FastSegmentWriter(ix, _lk=False, limitmb=limitmb, compound=COMPOUND)
    # Whoosh names a writer's spill folder after the index ("MAIN.tmp"), and each writer
    # deletes that folder when it finishes: give every worker its own, or the first to
    # finish deletes the runs the others are still writing.
    storage = ix.storage.temp_storage(f"{ix.indexname}.{os.getpid()}.tmp")
    whoosh_private.use_temp_storage(writer, storage, limitmb)
    return writer


class ParallelWriter:
    """A writer with the `add_document` / `commit` / `cancel` subset of Whoosh's API that
    spreads the documents over `workers` processes (one new segment each)."""

    def __init__(
        self,
        ix: Index,
        workers: int | None = None,
        *,
        min_parallel: int | None = None,
        batch_docs: int | None = None,
    ) -> None:
        self.ix = ix
        self.workers = max(1, workers or default_workers())
        self.min_parallel = MIN_PARALLEL_DOCS if min_parallel is None else min_parallel
        self.batch_docs = batch_docs or BATCH_DOCS
        self._pending: list[dict[str, Any]] = []
        self._batch: list[dict[str, Any]] = []
        self._next = 0
        self._procs: list[Any] = []
        self._jobs: list[Any] = []
        self._results: Any = None
        self.segments = 0

    @property
    def parallel(self) -> bool:
        return bool(self._procs)

    def add_document(self, **fields: Any) -> None:
        if not self._procs:
            self._pending.append(fields)
            if self.workers > 1 and len(self._pending) >= self.min_parallel:
                self._start()
                pending, self._pending = self._pending, []
                for doc in pending:
                    self._queue(doc)
            return
        self._queue(fields)

    def _start(self) -> None:
        ctx = _context()
        self._results = ctx.Queue()
        storage = self.ix.storage
        for number in range(self.workers):
            jobs = ctx.Queue(maxsize=4)
            proc = ctx.Process(
                target=_worker,
                args=(
                    storage.folder,
                    self.ix.indexname,
                    WORKER_LIMIT_MB,
                    jobs,
                    self._results,
                    os.getpid(),
                    number,
                ),
                daemon=True,
            )
            proc.start()
            self._procs.append(proc)
            self._jobs.append(jobs)
        log.debug("indexing with %d worker processes", self.workers)

    def _queue(self, doc: dict[str, Any]) -> None:
        self._batch.append(doc)
        if len(self._batch) >= self.batch_docs:
            self._flush()

    def _flush(self) -> None:
        if not self._batch:
            return
        n = self._next % self.workers
        self._next += 1
        self._put(n, self._batch)
        self._batch = []

    def _put(self, n: int, item: Any) -> None:
        while True:
            try:
                self._jobs[n].put(item, timeout=_POLL_SECONDS)
                return
            except queue.Full:
                self._check_alive()

    def _check_alive(self) -> None:
        dead = [p for p in self._procs if not p.is_alive() and p.exitcode not in (0, None)]
        if dead:
            raise WorkerError(
                gettext("an indexing worker died (exit code %(code)s)", code=dead[0].exitcode)
            )

    def commit(self, **_ignored: Any) -> None:
        """Wait for the workers, then make all their segments the index's content."""
        if not self._procs:
            writer = FastSegmentWriter(self.ix, compound=COMPOUND)
            try:
                for doc in self._pending:
                    writer.add_document(**doc)
                writer.commit(merge=False)
            except BaseException:
                writer.cancel()
                raise
            self.segments = 1 if self._pending else 0
            self._pending = []
            return
        self._flush()
        for n in range(self.workers):
            self._put(n, None)
        segments = []
        done = 0
        while done < len(self._procs):
            status, value = self._result()
            if status == "error":
                raise WorkerError(gettext("an indexing worker failed: %(problem)s", problem=value))
            if status == "segment":
                segments.append(value)
            else:
                done += 1
        for proc in self._procs:
            proc.join()
        self._procs = []
        # In worker order, not in the order they finished: batches go to the workers in
        # turn, so the same seeds give the same document numbers (and equal scores or dates
        # the same order) in every build.
        ordered = [segment for _, _, segment in sorted(segments, key=lambda s: s[:2])]
        whoosh_private.commit_segments(self.ix, ordered)
        self.segments = len(ordered)

    def _result(self) -> tuple[str, Any]:
        while True:
            try:
                return self._results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if not any(p.is_alive() for p in self._procs):
                    try:
                        return self._results.get(timeout=_POLL_SECONDS)
                    except queue.Empty:
                        raise WorkerError(
                            gettext("indexing workers exited without a result")
                        ) from None

    def cancel(self) -> None:
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self._procs:
            proc.join(timeout=5)
        self._procs = []
        self._pending = []
