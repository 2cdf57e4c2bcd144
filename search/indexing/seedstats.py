"""What `cari update` knows about seed files without reading them.

An update hashes every single-article seed to find what changed: for an archive of 25,000
files that is most of its time. Each generation keeps, per seed file name, the size, times
and content hash seen last (`seedstats.json`); a file whose size, modification and change
times are the same is not read again.

File times are coarse: a file rewritten within the same clock tick can keep them. So an
entry is only trusted when the file had not changed for SETTLE_NS before it was recorded;
a seed written moments before a build or update is hashed again next time.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from search import jsonfiles
from search.ingest.kinds import SEED_KINDS

FILE = "seedstats.json"
# Articles that could not be used (id -> content hash): not parsed again until they change.
UNUSABLE = "unusable.json"
SETTLE_NS = 2_000_000_000

# Seeds whose article id and content hash are known without parsing them: one article per
# file, id from the file name, hash of the file's bytes (search.ingest.kinds.TextSeed).
SINGLE_ARTICLE_SUFFIXES = tuple(kind.suffix for kind in SEED_KINDS if kind.one_article)


def quick_seeds(paths: list[Path]) -> set[str]:
    """The names of the single-article seeds with no companion file beside them (`001.txt`
    with `001.meta.toml` may say something else than its bytes): hashed, not parsed. Names,
    not paths: hashing 25,000 Path objects alone takes a quarter of a second."""
    names = [p.name for p in paths]
    companions = _companion_stems(names, {os.path.dirname(os.fspath(p)) for p in paths})
    return {
        name
        for name in names
        if name.endswith(SINGLE_ARTICLE_SUFFIXES) and name.rsplit(".", 1)[0] not in companions
    }


def _companion_stems(names: list[str], folders: set[str]) -> set[str]:
    """Every dotted prefix of the names of the other files beside the seeds."""
    seeds = set(names)
    stems: set[str] = set()
    for folder in folders:
        with os.scandir(folder) as entries:
            others = [e.name for e in entries if e.name not in seeds]
        for name in others:
            if not name.startswith("."):
                parts = name.split(".")
                stems.update(".".join(parts[:n]) for n in range(1, len(parts)))
    return stems


class SeedStats:
    """name -> (size, mtime_ns, ctime_ns, recorded_ns, content hash)."""

    def __init__(self, entries: dict[str, list] | None = None) -> None:
        self.entries: dict[str, list] = entries or {}

    def known_hash(self, name: str, stat: os.stat_result) -> str | None:
        """The recorded hash of a file that has not changed since, or None."""
        entry = self.entries.get(name)
        if not entry or len(entry) != 5:
            return None
        size, mtime, ctime, recorded, digest = entry
        if (size, mtime, ctime) != (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns):
            return None
        if recorded - max(mtime, ctime) < SETTLE_NS:
            return None  # it had changed just before: the times may hide a later rewrite
        return digest if isinstance(digest, str) else None

    def record(self, name: str, stat: os.stat_result, digest: str) -> None:
        """`stat` taken before the file was read and hashed (a rewrite after that changes
        the times, or happens within SETTLE_NS of them)."""
        self.entries[name] = [
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            time.time_ns(),
            digest,
        ]


def load(generation_dir: Path) -> SeedStats:
    return SeedStats(jsonfiles.read_dict(generation_dir / FILE))


def save(generation_dir: Path, stats: SeedStats) -> None:
    """Write atomically (a reader never sees half a file); a failure only costs speed."""
    with contextlib.suppress(OSError):
        jsonfiles.write_json(generation_dir / FILE, stats.entries, separators=(",", ":"))


def stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def read_unusable(generation_dir: Path) -> dict[str, str]:
    return jsonfiles.read_dict(generation_dir / UNUSABLE)


def write_unusable(generation_dir: Path, unusable: dict[str, str]) -> None:
    if unusable == read_unusable(generation_dir):
        return
    jsonfiles.write_json(generation_dir / UNUSABLE, unusable, sort_keys=True)
