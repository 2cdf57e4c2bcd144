"""Reading a seed file's bytes safely (regular files only, size-limited, a stable snapshot),
decoding them to text, and the one-line SeedError for every way that fails. Which files are
seeds, and what each holds, is `search.ingest.kinds`."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import charset_normalizer

from search.i18n import gettext

MAX_SEED_BYTES = 5 * 1024 * 1024
READ_ATTEMPTS = 3  # reads of a file that keeps changing before it is reported


class SeedError(Exception):
    """A seed file that cannot become an article; the message says why in one line."""


def too_big(size: int) -> str:
    return gettext(
        "is %(size)s bytes, above the %(limit)s-byte limit", size=size, limit=MAX_SEED_BYTES
    )


def on_line(line: int | None, reason: str) -> str:
    """A reason given for one line of a seed."""
    return gettext("line %(line)s: %(reason)s", line=line, reason=reason)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_seed(data: bytes) -> str:
    """Bytes of a scraped page to text: UTF-8 (with or without BOM), else the best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        guess = charset_normalizer.from_bytes(data).best()
        text = str(guess) if guess is not None else data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise SeedError(gettext("looks like a binary file (contains NUL bytes)"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Characters no text of an article holds that a JSON escape can still write: half of a UTF-16
# pair alone ("\udc80", which UTF-8 refuses to write: a page, a terminal, the index's files)
# and NUL ("\u0000", which ends strings in C and shows in no page).
_UNWRITABLE = re.compile("[\ud800-\udfff\x00]")


def without_unwritable(value: Any) -> Any:
    """A JSON value with every lone surrogate in its strings (keys too) as U+FFFD and every
    NUL dropped."""
    if isinstance(value, str):
        return _UNWRITABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)
    if isinstance(value, list):
        return [without_unwritable(v) for v in value]
    if isinstance(value, dict):
        return {without_unwritable(k): without_unwritable(v) for k, v in value.items()}
    return value


@contextmanager
def seed_read_errors() -> Iterator[None]:
    """Every filesystem problem met while reading a seed as a one-line SeedError."""
    try:
        yield
    except IsADirectoryError as exc:
        raise SeedError(gettext("is a directory, not a file")) from exc
    except PermissionError as exc:
        raise SeedError(gettext("cannot be read (permission denied)")) from exc
    except OSError as exc:
        raise SeedError(
            gettext("cannot be read (%(problem)s)", problem=exc.strerror or exc)
        ) from exc


def read_seed_bytes(path: Path) -> bytes:
    """Read a seed file, turning every filesystem problem into a one-line SeedError.

    Only regular files are read (a FIFO or a symlink to /dev/zero would block or never end),
    never more than MAX_SEED_BYTES, and a file that changes while it is read is read again: the
    bytes returned are the file as it was at one moment, not a mix of two versions.
    """
    with seed_read_errors():
        if path.is_dir():
            raise SeedError(gettext("is a directory, not a file"))
        if not path.exists():
            raise SeedError(gettext("does not exist (broken symlink?)"))
        for _attempt in range(READ_ATTEMPTS):
            # File times are coarse (a few ms): a rewrite can leave them unchanged, so the file
            # must also read the same twice in a row (cheap: the second read hits the cache).
            data = _read_stable(path)
            if data is not None and data == _read_stable(path):
                return data
        raise SeedError(
            gettext(
                "kept changing while being read (%(n)s tries): run again later", n=READ_ATTEMPTS
            )
        )


def open_seed(path: Path) -> BinaryIO:
    """A seed file opened for reading, if it is a regular file: a FIFO would block and a
    device (a symlink to /dev/zero) never end. Raises SeedError, or OSError."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise SeedError(gettext("is a directory, not a file"))
        raise SeedError(gettext("is not a regular file (a device, FIFO or socket)"))
    return os.fdopen(fd, "rb", buffering=0)


def _read_stable(path: Path) -> bytes | None:
    """The whole file, or None when it changed while being read."""
    with open_seed(path) as handle:
        fd = handle.fileno()
        before = os.fstat(fd)
        if before.st_size > MAX_SEED_BYTES:
            raise SeedError(too_big(before.st_size))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_SEED_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_SEED_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_SEED_BYTES:
            raise SeedError(
                gettext(
                    "grew above the %(limit)s-byte limit while being read", limit=MAX_SEED_BYTES
                )
            )
        after = os.fstat(fd)
    unchanged = (before.st_size, before.st_mtime_ns, before.st_ctime_ns) == (
        after.st_size,
        after.st_mtime_ns,
        after.st_ctime_ns,
    )
    return b"".join(chunks) if unchanged and size == after.st_size else None
