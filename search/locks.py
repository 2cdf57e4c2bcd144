"""Kernel file locks (`flock`), waited for up to a time limit: held by a process until it
releases them or ends, even by a crash, so one is never left stale."""

from __future__ import annotations

import fcntl
import time

POLL_SECONDS = 0.05


def flock_within(fd: int, timeout: float) -> bool:
    """Take an exclusive lock on an open file (or folder), waiting up to `timeout` seconds
    for its holder; False when it was still held then."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL_SECONDS)
