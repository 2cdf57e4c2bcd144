"""The on-disk layout of an index folder: built generations and an atomic `live` pointer.

    index/
      live -> gen-20261123T133000-1a2b   (symlink, swapped atomically with os.replace)
      gen-20261123T133000-1a2b/          (a complete Whoosh index + cari.json)
      gen-...                            (the previous generation, kept for open readers)

Readers resolve `live` once when they open a searcher, so a rebuild never shows them an empty
or half-written index. Only open index folders you trust: Whoosh unpickles the schema.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

LIVE = "live"
META = "cari.json"
GEN_PREFIX = "gen-"
BUILD_PREFIX = ".building-"
KEEP_GENERATIONS = 2


class IndexMissingError(Exception):
    """No built index where one was expected; the message says how to build it."""


@dataclass(frozen=True)
class Generation:
    path: Path

    @property
    def meta_path(self) -> Path:
        return self.path / META

    def read_meta(self) -> dict[str, Any]:
        try:
            return json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def write_meta(self, meta: dict[str, Any]) -> None:
        tmp = self.meta_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.meta_path)

    def open(self) -> whoosh_index.Index:
        return whoosh_index.open_dir(str(self.path))


def live_generation(index_dir: Path) -> Generation | None:
    """The generation searches should use now, or None if nothing was built yet."""
    link = index_dir / LIVE
    if link.is_symlink() or link.exists():
        target = link.resolve()
        if whoosh_index.exists_in(str(target)):
            return Generation(target)
    return None


def require_live(index_dir: Path) -> Generation:
    generation = live_generation(index_dir)
    if generation is None:
        raise IndexMissingError(
            f"no index in {index_dir}/ yet: run `cari build` (or `make run`) to build it from seeds/"
        )
    return generation


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
    os.symlink(final.name, tmp_link)
    os.replace(tmp_link, index_dir / LIVE)
    _fsync_dir(index_dir)
    prune(index_dir)
    return Generation(final)


def prune(index_dir: Path) -> None:
    """Remove old generations (keeping the live one and the one before) and dead build folders."""
    live = live_generation(index_dir)
    generations = sorted(
        (p for p in index_dir.glob(f"{GEN_PREFIX}*") if p.is_dir()),
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
            shutil.rmtree(path, ignore_errors=True)
    for path in index_dir.glob(f"{BUILD_PREFIX}*"):
        if not _owner_alive(path):
            shutil.rmtree(path, ignore_errors=True)
    for path in index_dir.glob(f".{LIVE}-*"):
        if path.is_symlink():
            path.unlink(missing_ok=True)


def _owner_alive(build_dir: Path) -> bool:
    """Whether the process that created a .building-<pid>-* folder is still running."""
    try:
        pid = int(build_dir.name.removeprefix(BUILD_PREFIX).split("-")[0])
    except ValueError:
        return False
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
