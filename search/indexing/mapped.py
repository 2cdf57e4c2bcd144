"""The index's own files read by memory map (flat postings and positions, the facet tables):
opening one, the 8-byte alignment of the arrays in them, and a file of named arrays."""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from search import whoosh_private
from search.lexicon import data_fingerprint

log = logging.getLogger(__name__)


def open_map(path: Path, header_size: int, damaged: type[Exception]) -> tuple[mmap.mmap, int]:
    """The file mapped for reading, and its size; `damaged` raised when it is shorter than
    its header."""
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size < header_size:
            raise damaged(f"{path.name} is {size} bytes, too short")
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ), size


def padded(size: int) -> int:
    """`size` bytes rounded up to a multiple of 8."""
    return (size + 7) // 8 * 8


def aligned(data: bytes) -> bytes:
    """`data` with zeros after it up to a multiple of 8 bytes."""
    return data + bytes(padded(len(data)) - len(data))


# A file of named one-dimensional arrays and a JSON header, read by memory map (no
# unpickling): MAGIC, the header's length (8 bytes, little-endian), the header (padded to 8
# bytes; it lists each array's dtype, length and offset after it), then the arrays, each
# padded to 8 bytes.
ARRAYS_MAGIC = b"CARIARR1"


def write_arrays(path: Path, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """Write `header` and `arrays` to `path`, replacing it atomically (a reader maps the old
    file or the new one, never half of one)."""
    directory: dict[str, list[Any]] = {}
    offset = 0
    contiguous = {name: np.ascontiguousarray(a) for name, a in arrays.items()}
    for name, a in contiguous.items():
        if a.ndim != 1:
            raise ValueError(f"{name}: only one-dimensional arrays, not {a.shape}")
        directory[name] = [a.dtype.str, len(a), offset]
        offset += padded(a.nbytes)
    head = aligned(json.dumps({"header": header, "arrays": directory}).encode("utf-8"))
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("wb") as f:
            f.write(ARRAYS_MAGIC + len(head).to_bytes(8, "little") + head)
            for a in contiguous.values():
                f.write(aligned(a.tobytes()))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class DamagedArraysError(Exception):
    """A file of arrays that is not as `write_arrays` writes it."""


def read_arrays(path: Path) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The header and the arrays (read-only views of the mapped file) of a file written by
    `write_arrays`; FileNotFoundError when there is none, DamagedArraysError when it is not
    whole."""
    mapped, size = open_map(path, len(ARRAYS_MAGIC) + 8, DamagedArraysError)
    if mapped[: len(ARRAYS_MAGIC)] != ARRAYS_MAGIC:
        raise DamagedArraysError(f"{path.name} is not a file of arrays")
    start = len(ARRAYS_MAGIC) + 8
    length = int.from_bytes(mapped[len(ARRAYS_MAGIC) : start], "little")
    base = start + length
    arrays = {}
    try:
        found = json.loads(mapped[start : start + length].rstrip(b"\0"))
        header, directory = found["header"], found["arrays"]
        if not isinstance(header, dict) or not isinstance(directory, dict):
            raise TypeError("a header and a directory of arrays")
        for name, (dtype, count, offset) in directory.items():
            kind = np.dtype(dtype)
            if kind.hasobject or not (isinstance(count, int) and isinstance(offset, int)):
                raise TypeError(f"{name}: numbers, not {dtype}")
            if count < 0 or offset < 0 or base + offset + count * kind.itemsize > size:
                raise DamagedArraysError(f"{path.name} is {size} bytes, too short for {name}")
            arrays[name] = np.frombuffer(mapped, dtype=kind, count=count, offset=base + offset)
    except (KeyError, TypeError, ValueError) as exc:
        raise DamagedArraysError(f"{path.name}: its header does not read ({exc})") from None
    return header, arrays


# A file of arrays derived from an index's content and written beside its segments (the facet
# table, the suggestions' vocabulary) names the content it was made for, its stamp: a reader
# whose content differs (an update committed since, a file of an older Cari) does not use it.


def code_fingerprint(*sources: str) -> str:
    """A short hash of the source files (module `__file__`s) that make a file of arrays: a
    file made by other code is not used, even when nobody raised its format number."""
    digest = hashlib.sha1()
    for source in sources:
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:16]


def content_stamp(reader: Any, file_format: int | str) -> dict[str, Any] | None:
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


def stamp_of(path: Path) -> dict[str, Any] | None:
    """The stamp of the file of arrays at `path`; None when there is none or it does not read."""
    try:
        header, _ = read_arrays(path)
    except (OSError, DamagedArraysError):
        return None
    return header.get("stamp")


def read_stamped(
    reader: Any, name: str, file_format: int | str, what: str
) -> tuple[dict[str, Any], dict[str, np.ndarray]] | None:
    """The header and arrays of the file `name` beside the reader's segments, written for
    its content; None when there is none, or it was made for other content or does not read
    (`what` it holds is then read from the index)."""
    folder = index_folder(reader)
    if folder is None:
        return None
    path = folder / name
    try:
        header, arrays = read_arrays(path)
    except FileNotFoundError:
        return None
    except (OSError, DamagedArraysError) as exc:
        log.warning("%s does not read, %s is read from the index: %s", path, what, exc)
        return None
    if header.get("stamp") != content_stamp(reader, file_format):
        log.info("%s was written for other content: %s is read again", path, what)
        return None
    return header, arrays


def keep_stamped(
    reader: Any,
    name: str,
    file_format: int | str,
    save: Callable[[Path, dict[str, Any]], None],
    what: str,
) -> bool:
    """`save(path, stamp)` the file `name` of what was read from `reader`'s content beside
    its segments, for the next process to map (best effort: an index in a folder this
    process may not write is only read); whether it was saved."""
    folder, stamp = index_folder(reader), content_stamp(reader, file_format)
    if folder is None or stamp is None:
        return False
    try:
        save(folder / name, stamp)
    except OSError as exc:
        log.info("%s is not kept in %s: %s", what, folder, exc)
        return False
    return True
