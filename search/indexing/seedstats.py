"""What `cari update` knows about seed files without reading them.

An update hashes every single-article seed to find what changed: for an archive of 25,000
files that is most of its time. Each generation keeps, per seed file name, the size, times
and content hash seen last (`seedstats.json`); a file whose size, modification and change
times are the same is not read again.

A seed of many articles (a JSONL export) is recorded the same way, with the id and content
hash of every record it held (`seedkeys/<name>.tsv`, read back only when the file changed or
is gone): an update of a large archive reads only the exports that changed, and learns what
the others hold from their record count alone, unless an id it would re-index or remove may
be theirs too (then their keys files are read, never the exports).

When every seed of a generation is recorded (`complete`), an update needs neither every seed
nor every indexed article: the articles it may remove are those the changed or vanished seeds
held, and the index is asked only about the ids of the changed seeds.

File times are coarse: a file rewritten within the same clock tick can keep them. So an
entry is only trusted when the file had not changed for SETTLE_NS before it was recorded;
a seed written moments before a build or update is hashed again next time.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable
from pathlib import Path

from search import jsonfiles
from search.ingest.kinds import SEED_KINDS

FILE = "seedstats.json"
# The ids and content hashes of each recorded seed of many articles, one file per seed.
KEYS_DIR = "seedkeys"
# The digest recorded for a seed of many articles: its record count after this prefix; after
# RECHECK_PREFIX for one that holds records that could not be used (read by every update, so
# each still reports them, while its keys still say what it held).
KEYS_PREFIX = "keys:"
RECHECK_PREFIX = "recheck:"
# The entry that says every seed of the generation is recorded.
COMPLETE = "//complete"
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
    return {name for name in alone(paths) if name.endswith(SINGLE_ARTICLE_SUFFIXES)}


def alone(paths: list[Path]) -> set[str]:
    """The names of the seeds with no companion file beside them: their own file stats tell
    whether they changed (a sidecar's do not show in them)."""
    names = [p.name for p in paths]
    companions = _companion_stems(names, {os.path.dirname(os.fspath(p)) for p in paths})
    return {name for name in names if name.rsplit(".", 1)[0] not in companions}


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
    """name -> (size, mtime_ns, ctime_ns, recorded_ns, content hash, or KEYS_PREFIX and the
    record count for a seed of many articles, whose keys are in `keys` or on disk)."""

    def __init__(self, entries: dict[str, list] | None = None) -> None:
        self.entries: dict[str, list] = entries or {}
        # Keys of seeds of many articles recorded in this run (written by `save`).
        # As the lines of their files: a build holds every record's until its end, and a line
        # costs less than half what a tuple of two strings does.
        self.keys: dict[str, str] = {}
        # Every seed recorded, as of the index commit named (its table of contents): an
        # update killed between its commit and this record leaves a record of another
        # commit, which is then not trusted.
        recorded = self.entries.pop(COMPLETE, None)
        self.complete_at = recorded if isinstance(recorded, str) else None
        self.complete = False

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

    def known_count(self, name: str, stat: os.stat_result) -> int | None:
        """How many records a seed of many articles held, if it has not changed since."""
        digest = self.known_hash(name, stat)
        if digest is None or not digest.startswith(KEYS_PREFIX):
            return None
        count = digest.removeprefix(KEYS_PREFIX)
        return int(count) if count.isdigit() else None

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

    def record_keys(
        self, name: str, stat: os.stat_result, keys: str, recheck: bool = False
    ) -> None:
        """A seed of many articles read whole: `keys`, its records' lines of the keys file
        (`keys_lines`; `recheck`: some could not be used, so it is read again next time)."""
        count = keys.count("\n")
        self.record(name, stat, f"{RECHECK_PREFIX if recheck else KEYS_PREFIX}{count}")
        self.keys[name] = keys

    def still_held(self, name: str, keys: str) -> None:
        """Records a seed of many articles read in this run no longer holds, but whose
        articles the index keeps for now (a file perhaps still being written): recorded as
        its, so the next update, which reads it again, removes them if it still lacks them."""
        if name in self.keys and name in self.entries:
            self.keys[name] += keys
            count = self.keys[name].count("\n")
            self.entries[name][-1] = f"{RECHECK_PREFIX}{count}"

    def recheck(self, name: str) -> None:
        """A seed of many articles with records that could not be used: read it again next
        time (its recorded keys still count)."""
        entry = self.entries.get(name)
        if entry and str(entry[-1]).startswith(KEYS_PREFIX):
            entry[-1] = RECHECK_PREFIX + entry[-1].removeprefix(KEYS_PREFIX)

    def keep(self, name: str, known: SeedStats) -> None:
        """A seed unchanged since `known` recorded it: its entry carries over (its keys
        file stays where it is)."""
        self.entries[name] = known.entries[name]

    def is_many(self, name: str) -> bool:
        entry = self.entries.get(name)
        return bool(entry) and str(entry[-1]).startswith((KEYS_PREFIX, RECHECK_PREFIX))


def keys_lines(keys: Iterable[tuple[str, str]]) -> str:
    """The lines of a keys file for (id, hash) pairs."""
    return "".join(f"{article_id}\t{digest}\n" for article_id, digest in keys)


def recorded_keys(generation_dir: Path, name: str) -> list[tuple[str, str]]:
    """The (id, hash) pairs a seed of many articles held when it was recorded ([] unknown)."""
    try:
        text = (generation_dir / KEYS_DIR / f"{name}.tsv").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [tuple(line.split("\t", 1)) for line in text.splitlines() if "\t" in line]  # type: ignore[misc]


def load(generation_dir: Path) -> SeedStats:
    return SeedStats(jsonfiles.read_dict(generation_dir / FILE))


def save(generation_dir: Path, stats: SeedStats, toc: str | None = None) -> None:
    """Write atomically (a reader never sees half a file); a failure only costs speed (an
    entry whose keys file could not be written is dropped, so it is read again next time).
    `toc`: the index commit the record describes (search.indexing.store.Generation.toc); a
    record is only `complete` for that commit."""
    folder = generation_dir / KEYS_DIR
    for name, keys in stats.keys.items():
        try:
            folder.mkdir(exist_ok=True)
            part = folder / f".{name}.tsv.part"
            part.write_text(keys, "utf-8")
            part.replace(folder / f"{name}.tsv")
        except OSError:
            stats.entries.pop(name, None)
            stats.complete = False
    stats.keys = {}
    if folder.is_dir():  # keys of seeds no longer recorded
        for path in folder.glob("*.tsv"):
            if path.name.removesuffix(".tsv") not in stats.entries:
                path.unlink(missing_ok=True)
    complete = stats.complete and toc is not None
    entries = {**stats.entries, COMPLETE: toc} if complete else stats.entries
    with contextlib.suppress(OSError):
        jsonfiles.write_json(generation_dir / FILE, entries, separators=(",", ":"))


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
