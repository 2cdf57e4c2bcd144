"""The on-disk layout of an index folder: built generations and an atomic `live` pointer.

    index/
      live -> gen-20261123T133000-1a2b   (symlink, swapped atomically with os.replace)
      gen-20261123T133000-1a2b/          (a complete Whoosh index + cari.json, *.arrays)
      gen-...                            (the previous generation, kept for open readers)
      write.lock                         (who holds the write lock: an flock on index/ itself)
      saved-state.json                   (when each saved query last ran, see search.saved.queries)

Readers resolve `live` once when they open a searcher, so a rebuild never shows them an empty
or half-written index. An update writes into the live generation with one Whoosh commit, which
readers see whole or not at all. Builds and updates take `write_lock` first, so two of them
never write at once; the lock is a kernel flock, released when its process ends, even by a
crash, so it is never left stale. Only open index folders you trust: Whoosh unpickles the schema.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.searching import Searcher

from search import jsonfiles
from search.i18n import gettext
from search.indexing import kept
from search.locks import flock_within

if TYPE_CHECKING:
    from search.indexing.flat_postings import KeyLookup

LIVE = "live"
META = "cari.json"
GEN_PREFIX = "gen-"
BUILD_PREFIX = ".building-"
# An old generation being deleted (see _remove_folder).
REMOVING_PREFIX = ".removing-"
KEEP_GENERATIONS = 2
LOCK = "write.lock"
# How long a build or update waits for another one to finish before giving up.
LOCK_WAIT_SECONDS = 120.0


class IndexMissingError(Exception):
    """No built index where one was expected; the message says how to build it."""


class IndexCorruptError(IndexMissingError):
    """The live index is there but cannot be read (damaged files); `cari build` replaces it."""


def error_detail(exc: BaseException) -> str:
    """The first line of an exception's message (its type's name when it has none)."""
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def corrupt_index(index_dir: Path, exc: BaseException) -> IndexCorruptError:
    if isinstance(exc, (ModuleNotFoundError, AttributeError)):
        # The schema pickled in the index names analyzer classes this version does not have.
        return IndexCorruptError(
            gettext(
                "the index in %(folder)s/ was built by another version of Cari (%(problem)s):"
                " rebuild it with `cari update` or `cari build`",
                folder=index_dir,
                problem=error_detail(exc),
            )
        )
    return unreadable_index(index_dir, error_detail(exc))


def unreadable_index(index_dir: Path, problem: str) -> IndexCorruptError:
    return IndexCorruptError(
        gettext(
            "the index in %(folder)s/ cannot be read (%(problem)s): rebuild it with `cari build`",
            folder=index_dir,
            problem=problem,
        )
    )


class IndexBusyError(Exception):
    """Another build or update held the index's write lock for longer than we would wait."""


@dataclass(frozen=True)
class Generation:
    path: Path

    @property
    def meta_path(self) -> Path:
        return self.path / META

    def read_meta(self) -> dict[str, Any]:
        return jsonfiles.read_dict(self.meta_path)

    def write_meta(self, meta: dict[str, Any]) -> None:
        jsonfiles.write_json(self.meta_path, meta, ensure_ascii=False, indent=1)

    def open(self) -> whoosh_index.Index:
        """The generation's Whoosh index, its files checked first (`check_files`)."""
        self.check_files()
        return _retrying(lambda: whoosh_index.open_dir(str(self.path)))

    def searcher(self) -> Searcher:
        """A searcher over the generation as it is now (safe while an update commits)."""
        self.check_files()
        return _retrying(lambda: whoosh_index.open_dir(str(self.path)).searcher())

    def remove_writer_leftovers(self) -> int:
        """Remove the spill folders and files (`*.tmp`) of a Whoosh writer that was killed
        (between its commit and its clean-up, say), and the files a search killed while
        keeping one left half-written (search.indexing.kept); how many. Only while holding
        the index's write lock: a running writer's spill folder is a `*.tmp` too."""
        removed = kept.remove_abandoned(self.path)
        for stale in self.path.glob("*.tmp"):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
            removed += 1
        return removed

    # -- the files' sizes and checksums, recorded when written ------------------------------

    def record_files(self) -> None:
        """Record the size and checksums of each index file (after a build, or an update's
        commit). Index files never change once written: one recorded before with the same
        size is not read again."""
        before = self._recorded().get("files", {})
        files: dict[str, list[int]] = {}
        for path in _index_files(self.path):
            size = path.stat().st_size
            known = before.get(path.name)
            if isinstance(known, list) and len(known) == 3 and known[0] == size:
                files[path.name] = known
            else:
                files[path.name] = [size, *_checksums(path, full=True)]
        toc = _newest_toc(self.path)
        jsonfiles.write_json(self.path / FILES, {"toc": toc, "files": files})

    def toc(self) -> str | None:
        """The name of the generation's newest table of contents: it changes with every
        commit (what a record of the index's content is checked against)."""
        return _newest_toc(self.path)

    def check_files(self, *, full: bool = False) -> int:
        """Raise DamagedFileError when an index file differs from what was recorded: its size,
        a checksum of its first and last SAMPLE_BYTES (a file zero-filled or overwritten
        at either end), and with `full` a checksum of the whole file. A generation recorded
        by no build (an older Cari) is not checked. Returns how many files were checked."""
        recorded = self._recorded()
        files = recorded.get("files")
        if not isinstance(files, dict):
            return 0
        # Right after an update's commit, before it records the new files, the old record
        # may list files the commit merged away: only when it names the newest table of
        # contents is a missing file damage.
        complete = recorded.get("toc") == _newest_toc(self.path)
        for name, entry in files.items():
            if not (isinstance(entry, list) and len(entry) == 3):
                continue
            path = self.path / name
            try:
                size = path.stat().st_size
                if size != entry[0]:
                    raise DamagedFileError(
                        gettext(
                            "%(file)s is %(size)s bytes, %(written)s when written",
                            file=name,
                            size=size,
                            written=entry[0],
                        )
                    )
                sample, whole = _checksums(path, full=full)
            except FileNotFoundError:
                # An update committing meanwhile deletes the files it merged away, the old
                # table of contents among them: missing only if no commit happened since.
                if complete and recorded.get("toc") == _newest_toc(self.path):
                    raise DamagedFileError(gettext("%(file)s is missing", file=name)) from None
                continue
            if sample != entry[1] or (full and whole != entry[2]):
                raise DamagedFileError(
                    gettext("%(file)s has changed since it was written", file=name)
                )
        return len(files)

    def _recorded(self) -> dict[str, Any]:
        return jsonfiles.read_dict(self.path / FILES)


class DamagedFileError(Exception):
    """An index file is not as it was written (truncated, zero-filled, missing)."""


FILES = "files.json"
SAMPLE_BYTES = 64 * 1024
_TOC = re.compile(r"^_MAIN_(\d+)\.toc$")


def _index_files(folder: Path) -> list[Path]:
    """Whoosh's files of an index (its table of contents and its segments' files)."""
    return sorted(
        p
        for p in folder.iterdir()
        if (p.name.startswith("MAIN_") or _TOC.match(p.name))
        and p.name != "MAIN_WRITELOCK"
        and not p.name.endswith(".tmp")
        and p.is_file()
    )


def _newest_toc(folder: Path) -> str | None:
    tocs = [(int(m.group(1)), p.name) for p in folder.iterdir() if (m := _TOC.match(p.name))]
    return max(tocs)[1] if tocs else None


def _checksums(path: Path, *, full: bool) -> tuple[int, int]:
    """CRC-32 of the file's first and last SAMPLE_BYTES, and (`full`) of the whole file
    (else 0)."""
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        if not full:
            head = f.read(SAMPLE_BYTES)
            f.seek(max(0, size - SAMPLE_BYTES))
            return zlib.crc32(head + f.read(SAMPLE_BYTES)), 0
        whole = 0
        head = tail = b""
        while chunk := f.read(1 << 20):
            whole = zlib.crc32(chunk, whole)
            if len(head) < SAMPLE_BYTES:
                head += chunk[: SAMPLE_BYTES - len(head)]
            tail = (tail + chunk)[-SAMPLE_BYTES:]
        return zlib.crc32(head + (tail if size > SAMPLE_BYTES else head)), whole


OPEN_ATTEMPTS = 5
T = TypeVar("T")


def _retrying(open_index: Callable[[], T]) -> T:
    """Whoosh lists the newest TOC file of an index, then opens it: an update committing in
    between deletes it (FileNotFoundError, a 500 under load). The next try finds the new one."""
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return open_index()
        except FileNotFoundError:
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


def live_generation(index_dir: Path) -> Generation | None:
    """The generation searches should use now, or None if nothing was built yet."""
    link = index_dir / LIVE
    if link.is_symlink() or link.exists():
        try:
            target = link.resolve(strict=True)
        except FileNotFoundError:
            return None  # points to a generation that is gone: as if nothing was built
        except (OSError, RuntimeError) as exc:  # a symlink loop (RuntimeError before 3.13)
            problem = gettext(
                "%(link)s cannot be followed: %(problem)s", link=LIVE, problem=error_detail(exc)
            )
            raise unreadable_index(index_dir, problem) from exc
        try:
            found = _retrying(lambda: whoosh_index.exists_in(str(target)))
        except Exception as exc:  # Whoosh raises many kinds on a damaged TOC
            raise corrupt_index(index_dir, exc) from exc
        if found:
            return Generation(target)
    return None


# A folder's modification time is only trusted this long after it (the kernel stamps it
# with a coarse clock: a change within the same tick would leave it equal).
STAMP_SETTLE_NS = 200_000_000


def live_stamp(index_dir: Path) -> tuple[str, int] | None:
    """A cheap fingerprint of the live index: the generation `live` points to and that
    folder's modification time (an update adds and removes files in it). None when it cannot
    be trusted (changed too recently, or missing): then do the full check."""
    try:
        target = os.readlink(index_dir / LIVE)
        changed = os.stat(index_dir / target).st_mtime_ns
    except OSError:
        return None
    if time.time_ns() - changed < STAMP_SETTLE_NS:
        return None
    return target, changed


def indexed_articles(generation: Generation) -> Iterator[tuple[str, str, float | None]]:
    """(article id, content hash, indexed_at) of every document of a generation, read one at a
    time: what a rebuild keeps the stamps of (reads every stored article)."""
    with generation.open().reader() as reader:
        for _docnum, fields in reader.iter_docs():
            yield fields["id"], fields.get("content_hash", ""), fields.get("indexed_at")


def indexed_hashes(generation: Generation) -> dict[str, str]:
    """Article id -> content hash for every document of a generation: what an update
    compares with the seeds. Read from the id and content_hash columns (schema 3), in a
    fraction of the time it takes to load every stored article (an older index's are)."""
    with generation.open().reader() as reader:
        if reader.has_column("id") and reader.has_column("content_hash"):
            ids = list(reader.column_reader("id"))
            hashes = list(reader.column_reader("content_hash"))
            deleted = reader.is_deleted if reader.has_deletions() else None
            return {
                ids[d]: hashes[d]
                for d in range(len(ids))
                if ids[d] and not (deleted is not None and deleted(d))
            }
    return {k: content for k, content, _stamp in indexed_articles(generation)}


class IndexedLookup(Mapping[str, str]):
    """Article id -> content hash of a generation, asked id by id (the id field's postings,
    the content_hash column): an update that knows which seeds changed asks only about
    theirs, where `indexed_hashes` reads every document. Iterating reads every id."""

    def __init__(self, generation: Generation) -> None:
        from search.indexing.flat_postings import KeyLookup  # numpy: not for every command

        self.index = generation.open()  # its files checked once, for the whole update
        self._searcher = self.index.searcher()
        reader = self._searcher.reader()
        self._hashes = (
            reader.column_reader("content_hash") if reader.has_column("content_hash") else None
        )
        self._size = reader.doc_count()
        self._ids = KeyLookup(reader, "id")

    def stored_by_id(self) -> StoredById:
        """The stored articles of the index as it was when opened, found through the same
        lookup (an update's copy candidates: no second opening of every segment)."""
        return StoredById(self._searcher, self._ids)

    def __getitem__(self, article_id: str) -> str:
        docnum = self._ids.document_number(article_id)
        if docnum is None:
            raise KeyError(article_id)
        if self._hashes is not None:
            return self._hashes[docnum]
        return self._searcher.stored_fields(docnum).get("content_hash", "")

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        reader = self._searcher.reader()
        return (fields["id"] for _, fields in reader.iter_docs())

    def close(self) -> None:
        self._searcher.close()


class StoredById:
    """A searcher's stored articles asked by id (`document(id=...)`, `all_stored_fields()`, as
    Whoosh's searcher is asked), each id found through the segments' flat postings files
    (`flat_postings.KeyLookup`): what an update reads of its copy candidates."""

    def __init__(self, searcher: Searcher, ids: KeyLookup | None = None) -> None:
        from search.indexing.flat_postings import KeyLookup  # numpy: not for every command

        self._searcher = searcher
        self._ids = ids if ids is not None else KeyLookup(searcher.reader(), "id")

    def document(self, id: str) -> dict[str, Any] | None:
        docnum = self._ids.document_number(id)
        return None if docnum is None else self._searcher.stored_fields(docnum)

    def all_stored_fields(self) -> Iterator[dict[str, Any]]:
        return self._searcher.all_stored_fields()


def require_live(index_dir: Path) -> Generation:
    generation = live_generation(index_dir)
    if generation is None:
        raise IndexMissingError(
            gettext(
                "no index in %(folder)s/ yet: run `cari build` (or `make run`) to build it from"
                " seeds/",
                folder=index_dir,
            )
        )
    return generation


def build_target_problem(index_dir: Path) -> str | None:
    """Why a build must not write into `index_dir`, or None: a `live` that is a folder (a
    backup restored as `live`: the swap would fail on it after the whole build), or a folder
    holding something and not a Cari index (no `live` and no `write.lock`: a build there
    would take the user's gen-* and .building-* folders for its own)."""
    live = index_dir / LIVE
    if live.is_dir() and not live.is_symlink():
        return gettext(
            "%(live)s is a folder, not the link to the live generation a build makes: move it"
            " out of %(folder)s/ (a backup restored as %(name)s?) and build again",
            live=live,
            folder=index_dir,
            name=LIVE,
        )
    if not index_dir.is_dir() or live.is_symlink() or (index_dir / LOCK).exists():
        return None
    # hidden files such as .gitignore are no one's data to lose
    if any(not (p.name.startswith(".") and p.is_file()) for p in index_dir.iterdir()):
        return gettext(
            "%(folder)s/ holds files and is no Cari index (it has no %(live)s): build into a"
            " new or empty folder",
            folder=index_dir,
            live=LIVE,
        )
    return None


def new_build_dir(index_dir: Path) -> Path:
    """A fresh, private folder to build a generation in (renamed to gen-* when complete)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / f"{BUILD_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    path.mkdir()
    return path


def publish(index_dir: Path, build_dir: Path) -> Generation:
    """Turn a completed build folder into the live generation, atomically."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    final = index_dir / f"{GEN_PREFIX}{stamp}-{uuid.uuid4().hex[:6]}"
    os.replace(build_dir, final)
    tmp_link = index_dir / f".{LIVE}-{uuid.uuid4().hex[:8]}"
    try:
        os.symlink(final.name, tmp_link)
        os.replace(tmp_link, index_dir / LIVE)
    except BaseException:  # not made live: leave neither it nor its link behind
        tmp_link.unlink(missing_ok=True)
        shutil.rmtree(final, ignore_errors=True)
        raise
    _fsync_dir(index_dir)
    prune(index_dir)
    return Generation(final)


def prune(index_dir: Path) -> None:
    """Remove old generations (keeping the live one and the one before) and dead build folders."""
    try:
        live = live_generation(index_dir)
    except IndexCorruptError:
        live = None
    generations = sorted(
        (p for p in index_dir.glob(f"{GEN_PREFIX}*") if is_generation(p)),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    keep = {live.path.resolve()} if live else set()
    for path in generations:
        if len(keep) >= KEEP_GENERATIONS:
            break
        keep.add(path.resolve())
    for path in generations:
        if path.resolve() not in keep:
            _remove_folder(index_dir, path)
    for path in index_dir.glob(f"{REMOVING_PREFIX}*"):
        # a generation whose removal was cut short (the process killed while deleting it)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
    remove_dead_builds(index_dir)
    for path in index_dir.glob(f".{LIVE}-*"):
        if path.is_symlink():
            path.unlink(missing_ok=True)


def _remove_folder(index_dir: Path, path: Path) -> None:
    """Delete an old generation: renamed out of the generations first (atomically), so that a
    process killed while deleting it leaves a .removing-* folder the next prune deletes, never
    a gen-* folder without its META that no prune would know for a generation."""
    trash = index_dir / f"{REMOVING_PREFIX}{uuid.uuid4().hex[:8]}"
    try:
        os.replace(path, trash)
    except OSError:
        trash = path
    shutil.rmtree(trash, ignore_errors=True)


@contextmanager
def write_lock(
    index_dir: Path, what: str = "write", *, timeout: float = LOCK_WAIT_SECONDS
) -> Iterator[None]:
    """Hold the index folder's write lock; wait up to `timeout` seconds for it.

    Raises IndexBusyError naming the process that holds it. Re-entrant within a thread (an
    update that turns into a full build keeps its lock). The lock file stays behind, but the
    lock itself (an flock) dies with its process, so a crash never leaves it held.
    """
    if index_dir.is_symlink() and not index_dir.exists():
        raise NotADirectoryError(
            errno.ENOTDIR,
            gettext("a link to %(target)s, which does not exist", target=os.readlink(index_dir)),
            str(index_dir),
        )
    index_dir.mkdir(parents=True, exist_ok=True)
    key = str(index_dir.resolve())
    with _held_guard:
        local = _held.setdefault(key, threading.RLock())
    if not local.acquire(timeout=timeout):
        raise IndexBusyError(
            gettext(
                "%(folder)s/ is being written by another thread of this process", folder=index_dir
            )
        )
    try:
        depth = _depth.get(key, 0)
        _depth[key] = depth + 1
        try:
            if depth:
                yield
            else:
                with _flock(index_dir, what, timeout):
                    yield
        finally:
            _depth[key] = depth
    finally:
        local.release()


_held_guard = threading.Lock()
_held: dict[str, threading.RLock] = {}
_depth: dict[str, int] = {}


@contextmanager
def _flock(index_dir: Path, what: str, timeout: float) -> Iterator[None]:
    """The lock is taken on the index folder itself, which a writer cannot lose: `write.lock`
    (deleted by hand, a new one would be another file to lock) only says who holds it."""
    path = index_dir / LOCK
    folder = os.open(index_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        if not flock_within(folder, timeout):
            raise IndexBusyError(
                gettext(
                    "%(folder)s/ is being written by %(holder)s; waited %(seconds)ss: try again"
                    " when it has finished",
                    folder=index_dir,
                    holder=_lock_holder(path),
                    seconds=round(timeout),
                )
            )
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {time.strftime('%H:%M:%S')} {what}\n".encode())
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            os.close(fd)
            fcntl.flock(folder, fcntl.LOCK_UN)
    finally:
        os.close(folder)


def _lock_holder(path: Path) -> str:
    """Who holds the lock, from `write.lock`: "<pid> <HH:MM:SS> <what>"; else (the file
    deleted by hand, or the lock taken by `flock` for a backup) the process the kernel says
    holds it."""
    try:
        pid, since, what = [*path.read_text(encoding="utf-8").strip().split(" ", 2), "", ""][:3]
    except OSError:
        pid = ""
    if pid and since and what:
        return gettext("process %(pid)s (%(what)s since %(time)s)", pid=pid, what=what, time=since)
    pid = _flock_holder(path.parent) or pid
    if not pid:
        return gettext("another process")
    return gettext("process %(pid)s", pid=pid)


def _flock_holder(folder: Path) -> str:
    """The id of the process holding an flock on `folder`, from /proc/locks ("" when not
    known: not Linux, or let go meanwhile)."""
    try:
        st = os.stat(folder)
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            lines = locks.read().splitlines()
    except OSError:
        return ""
    wanted = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    for line in lines:
        fields = line.split()  # 1: FLOCK ADVISORY WRITE <pid> <maj:min:inode> 0 EOF
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == wanted:
            return fields[4]
    return ""


def is_generation(path: Path) -> bool:
    """Whether `path` is a generation a build made (a gen-* folder holding META), not a
    folder of the user's that happens to be named gen-*."""
    return path.name.startswith(GEN_PREFIX) and not path.is_symlink() and (path / META).is_file()


# The name new_build_dir gives: .building-<pid>-<8 hex digits>.
_BUILD_DIR = re.compile(re.escape(BUILD_PREFIX) + r"(\d+)-[0-9a-f]{8}")


def remove_dead_builds(index_dir: Path) -> int:
    """Remove the build folders (.building-<pid>-*, named by new_build_dir) whose process
    is gone (a build killed): by the next build, and by an update; how many."""
    removed = 0
    for path in index_dir.glob(f"{BUILD_PREFIX}*"):
        named = _BUILD_DIR.fullmatch(path.name)
        if named and path.is_dir() and not path.is_symlink() and not _owner_alive(named[1]):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def _owner_alive(process: str) -> bool:
    """Whether the process that created a .building-<pid>-* folder is still running."""
    pid = int(process)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
