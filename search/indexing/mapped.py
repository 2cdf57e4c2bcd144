"""The index's own files read by memory map (flat postings and positions, the facet tables):
opening one, the 8-byte alignment of the arrays in them, and a file of named arrays."""

from __future__ import annotations

import json
import mmap
import os
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np


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


def write_arrays(f: BinaryIO, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """Write `header` and `arrays` to the file `f` open for writing (search.indexing.kept
    puts it in place whole: a reader maps the old file or the new one, never half of one)."""
    directory: dict[str, list[Any]] = {}
    offset = 0
    contiguous = {name: np.ascontiguousarray(a) for name, a in arrays.items()}
    for name, a in contiguous.items():
        if a.ndim != 1:
            raise ValueError(f"{name}: only one-dimensional arrays, not {a.shape}")
        directory[name] = [a.dtype.str, len(a), offset]
        offset += padded(a.nbytes)
    head = aligned(json.dumps({"header": header, "arrays": directory}).encode("utf-8"))
    f.write(ARRAYS_MAGIC + len(head).to_bytes(8, "little") + head)
    for a in contiguous.values():
        f.write(aligned(a.tobytes()))


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
