"""Small JSON files kept beside an index (metadata, seed stats, stems, saved-query state):
read forgivingly, written so a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any


class NotRegularFile(OSError):
    """A folder, device or FIFO where a file was expected."""


class TooLarge(OSError):
    """A file larger than its reader's limit."""


def read_bounded(path: Path, limit: int) -> bytes:
    """A small file's bytes. Only a regular file is read (a FIFO would block, a symlink to
    /dev/zero never end), and at most `limit` bytes. Raises FileNotFoundError,
    NotRegularFile, TooLarge or another OSError."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(f"{path}: not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{path}: larger than {limit} bytes")
    return data


def loads(text: str) -> Any:
    """A JSON text's value. A value nested deeper than Python's stack goes is bad JSON like any
    other (json.JSONDecodeError, a ValueError), not a RecursionError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def read_dict(path: Path) -> dict[str, Any]:
    """The JSON object in a file; {} when it is missing, unreadable or not an object (these
    files only save work or describe: losing one never loses articles)."""
    try:
        data = loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_text(path: Path, text: str) -> None:
    """Replace a file's text atomically: a temporary file beside it (named by process, so
    two writers never share one), then a rename. A symlink to a regular file has its target
    written (the link stays a link); a link to anything else (a device, a pipe: a link to
    /dev/zero) is replaced itself, never what it points to. The file keeps its permissions
    (a 600 file is not made 644)."""
    target, mode = Path(path), None
    try:
        found = os.stat(path)  # what a link points to
    except (FileNotFoundError, NotADirectoryError):
        found = None
    if found is not None and stat.S_ISREG(found.st_mode):
        target, mode = Path(os.path.realpath(path)), stat.S_IMODE(found.st_mode)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
        with os.fdopen(os.open(tmp, flags, 0o600 if mode is not None else 0o666), "wb") as f:
            if mode is not None:
                os.fchmod(f.fileno(), mode)
            f.write(text.encode("utf-8"))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json(path: Path, data: Any, **dumps: Any) -> None:
    write_text(path, json.dumps(data, **dumps))
