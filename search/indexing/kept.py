"""Files derived from an index generation's content and kept beside its segments for the next
process to map instead of reading the index again: the facet table
(search.retrieval.doctable_file) and the suggestions' vocabulary (search.indexing.vocabulary).

    gen-.../NAME                      (search.indexing.mapped.write_arrays: arrays, a JSON header)
    gen-.../.NAME.<random>.keeping    (one being written; locked by its writer while it is)

Each file names the content it was made for, its stamp (`content_stamp`): a reader whose
content differs (an update committed since, a file made by other code), or a file that does not
read, is not used, and what it holds is read from the index. The first search of new content
keeps what it read (`KeptFile.of`), best effort: a folder it may not write is only read. A
process that read older content and writes late never replaces a file kept for a later commit
of the index, and an update's clean-up (`remove_abandoned`) removes only the files of a writer
that is gone.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

import numpy as np

from search import whoosh_private
from search.indexing import mapped
from search.lexicon import data_fingerprint
from search.locks import flock_within

log = logging.getLogger(__name__)

T = TypeVar("T")
Header = dict[str, Any]
Arrays = dict[str, np.ndarray]

IN_FLIGHT = ".keeping"  # the ending of a file being written, see `remove_abandoned`
# How long a writer waits for another one to put its file in place (a rename).
REPLACE_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class KeptFile(Generic[T]):
    """A file of arrays `name` kept beside an index's segments: `what` it holds (for the
    log), its `format` (part of its stamp), how a value is written (`arrays_of`: a header and
    arrays) and read back (`value_of`, raising KeyError, IndexError, TypeError or ValueError
    when the file lacks what it holds)."""

    name: str
    format: str
    what: str
    arrays_of: Callable[[T], tuple[Header, Arrays]]
    value_of: Callable[[Header, Arrays], T]

    def of(self, reader: Any, compute: Callable[[], T]) -> T:
        """Mapped from the file kept for the reader's content, else `compute()`d (read from
        the index) and kept for the next process."""
        found = self.load(reader)
        if found is not None:
            return found
        value = compute()
        self.keep(reader, value)
        return value

    def stamp(self, reader: Any) -> Header | None:
        """What a file made from `reader` is valid for (`content_stamp`)."""
        return content_stamp(reader, self.format)

    def load(self, reader: Any) -> T | None:
        """The value kept for the reader's content, mapped; None when there is none, or it was
        made for other content or does not read."""
        folder = index_folder(reader)
        if folder is None:
            return None
        path = folder / self.name
        try:
            header, arrays = mapped.read_arrays(path)
        except FileNotFoundError:
            return None
        except (OSError, mapped.DamagedArraysError) as exc:
            log.warning("%s does not read, %s is read from the index: %s", path, self.what, exc)
            return None
        if header.get("stamp") != self.stamp(reader):
            log.info("%s was written for other content: %s is read again", path, self.what)
            return None
        try:
            return self.value_of(header, arrays)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            log.warning("%s lacks %s, it is read from the index: %s", path, self.what, exc)
            return None

    def keep(self, reader: Any, value: T) -> bool:
        """Keep `value`, read from `reader`'s content, beside its segments (best effort: an
        index in a folder this process may not write is only read); whether the file holds
        it now (not when it was kept meanwhile for a later commit of the index)."""
        folder, stamp = index_folder(reader), self.stamp(reader)
        if folder is None or stamp is None:
            return False
        path = folder / self.name
        settled = _settled(path, stamp, self.what)
        if settled is not None:
            return settled
        try:
            with _being_written(path) as (f, written):
                header, arrays = self.arrays_of(value)
                mapped.write_arrays(f, {**header, "stamp": stamp}, arrays)
                f.flush()
                return _put_in_place(written, path, stamp, self.what)
        except OSError as exc:
            log.info("%s is not kept in %s: %s", self.what, folder, exc)
            return False


@contextmanager
def _being_written(path: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A new file beside `path` (ending IN_FLIGHT), open for writing and locked until it is
    closed, so that `remove_abandoned` leaves it; removed unless it was renamed meanwhile."""
    for _ in range(3):
        written = path.with_name(f".{path.name}.{uuid.uuid4().hex}{IN_FLIGHT}")
        fd = os.open(written, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink:
            break
        os.close(fd)  # removed by a clean-up between its creation and its lock: another
    else:
        raise OSError(f"{path.name}: files being written are removed as soon as created")
    with os.fdopen(fd, "wb") as f:
        try:
            yield f, written
        finally:
            written.unlink(missing_ok=True)  # before the lock goes with the file's closing


def _put_in_place(written: Path, path: Path, stamp: Header, what: str) -> bool:
    """Rename `written` to `path` unless `path` was kept meanwhile for a later commit of the
    index (or for the same content); whether `path` holds `stamp`'s content now. Writers
    take turns on the folder, so that none replaces a file another checked before."""
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        if not flock_within(folder, REPLACE_WAIT_SECONDS):
            log.info("%s is not kept: another process held %s", what, path.parent)
            return False
        settled = _settled(path, stamp, what)
        if settled is not None:
            return settled
        os.replace(written, path)
        return True
    finally:
        os.close(folder)  # and its lock


def _settled(path: Path, stamp: Header, what: str) -> bool | None:
    """True when `path` holds `stamp`'s content already (kept by another process), False when
    it was kept for a later commit of the index (it stays), None when it is to be written."""
    there = stamp_of(path)
    if there == stamp:
        return True
    generation = there.get("generation") if there is not None else None
    if isinstance(generation, int) and generation > stamp["generation"]:
        log.info("%s is not kept: %s was kept for a later commit", what, path)
        return False
    return None


def remove_abandoned(folder: Path) -> int:
    """Remove the files a process left half-written when it was killed while keeping one (a
    file being written is locked by its writer, and stays); how many."""
    removed = 0
    for path in folder.glob(f".*{IN_FLIGHT}"):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            continue  # put in place, or removed, meanwhile
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue  # its writer is at work
        try:
            path.unlink(missing_ok=True)
            removed += 1
        finally:
            os.close(fd)
    return removed


def code_fingerprint(*sources: str) -> str:
    """A short hash of the source files (module `__file__`s) that make a kept file: a file
    made by other code is not used, even when nobody raised its format number."""
    digest = hashlib.sha1()
    for source in sources:
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:16]


def content_stamp(reader: Any, file_format: str) -> Header | None:
    """What a file of `file_format` made from `reader` is valid for: the reader's commit and
    segments (id, documents, documents kept), the format and the data files; None for a
    reader without segments."""
    segments = [
        [whoosh_private.segment_key(seg)[1], seg.doc_count_all(), seg.doc_count()]
        for seg, _ in reader.leaf_readers()
        if whoosh_private.is_segment_reader(seg)
    ]
    if not segments:
        return None
    return {
        "format": file_format,
        "data": data_fingerprint(),
        "generation": reader.generation(),
        "segments": segments,
    }


def index_folder(reader: Any) -> Path | None:
    """The folder of the reader's segments; None for an index not in a folder."""
    for seg, _ in reader.leaf_readers():
        if whoosh_private.is_segment_reader(seg):
            folder = whoosh_private.segment_key(seg)[0]
            return Path(folder) if Path(folder).is_dir() else None
    return None


def stamp_of(path: Path) -> Header | None:
    """The stamp of the kept file at `path`; None when there is none or it does not read."""
    try:
        header, _ = mapped.read_arrays(path)
    except (OSError, mapped.DamagedArraysError):
        return None
    stamp = header.get("stamp")
    return stamp if isinstance(stamp, dict) else None
