"""What a child process (a build worker, a web server process) does so as not to outlive the
process that started it."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """In a child process: be killed when the parent dies (Linux's PR_SET_PDEATHSIG), so a
    build that crashes or is killed leaves no workers behind writing into its folder, and a
    killed server leaves no process holding its port."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before that: nobody will read our work
        os._exit(1)
