"""The index's own files read by memory map (flat postings and positions): opening one, and
the 8-byte alignment of the arrays in them."""

from __future__ import annotations

import mmap
import os
from pathlib import Path


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
