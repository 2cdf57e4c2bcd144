"""The seed folder: finding its seed files and turning them into articles, reporting (never
raising) the bad ones. What each kind of seed file holds, and how it is read, is the kind's
(`search.ingest.kinds`: `.txt` pages and `.jsonl` exports).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from search.i18n import gettext
from search.ingest.extract import Extraction
from search.ingest.kinds import SEED_SUFFIXES, SeedProblem, kind_of
from search.ingest.overrides import SIDECAR_SUFFIX
from search.model import Article


def missing_folder(seeds_dir: Path) -> str:
    return gettext("seeds folder %(folder)s/ does not exist", folder=seeds_dir)


def list_seeds(seeds_dir: str | os.PathLike[str]) -> list[Path]:
    """Seed files in a folder, in name order. Hidden files and sidecars are not seeds."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(missing_folder(seeds_dir))
    # Names, not Path objects, until the end: comparing Paths (and even reading .name) is
    # slow, 0.7 s to sort 25,000 seeds.
    with os.scandir(seeds_dir) as entries:
        names = sorted(e.name for e in entries if is_seed_name(e.name))
    return [seeds_dir / name for name in names]


def is_seed_name(name: str) -> bool:
    """Whether a file of this name in the seed folder is a seed (not hidden, of a kind)."""
    return not name.startswith(".") and name.endswith(SEED_SUFFIXES)


def may_change_articles(name: str) -> bool:
    """Whether a file of this name in the seed folder may change what the index holds: a
    seed, or a seed's sidecar of corrections."""
    return is_seed_name(name) or (not name.startswith(".") and name.endswith(SIDECAR_SUFFIX))


def read_articles(paths: list[Path]) -> Iterator[Article | SeedProblem]:
    """Each seed as an Article (one per line for `.jsonl`), or a SeedProblem when unusable."""
    for path in paths:
        for item in kind_of(path.name).read(path):
            yield item if isinstance(item, SeedProblem) else item.article


def inspect_seed(path: Path, article_id: str | None = None) -> Extraction:
    """What extraction makes of one seed (for `cari inspect`). For a `.jsonl` seed, the record
    with `article_id` (the first record when None). Raises SeedError when it yields nothing."""
    return kind_of(path.name).inspect(path, article_id)


def find_seed(name: str, seeds_dir: Path) -> Path:
    """A seed named on the command line: a path, or a name in the seed folder (the `.txt`
    may be left off). Returns the path as given when nothing better exists. A FIFO or a
    device is found too, to be refused with its reason when read."""
    path = Path(name)
    if path.exists():
        return path
    for candidate in (seeds_dir / name, *(seeds_dir / f"{name}{s}" for s in SEED_SUFFIXES)):
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return path


def count_articles(paths: list[Path]) -> int:
    """How many articles (at most) the seeds hold: one per `.txt`, one per non-blank line of a
    `.jsonl`. For progress bars; unreadable files count as one."""
    return sum(kind_of(path.name).count(path) for path in paths)
