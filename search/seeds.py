"""Finding seed files and turning each into articles, reporting (never raising) bad ones."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from search.articles import Article, SeedError, content_hash, decode_seed, read_seed_bytes
from search.extract import Extraction, extract_article

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class SeedProblem:
    """A seed that was skipped, and why (one line, printed by the CLI)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: skipped: {self.reason}"


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Seed files in a folder, in name order. Hidden files and sidecars are not seeds."""
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder {seeds_dir}/ does not exist")
    return sorted(
        p
        for p in seeds_dir.iterdir()
        if not p.name.startswith(".") and p.name.endswith(SEED_SUFFIXES)
    )


def seed_id(path: Path) -> str:
    """An article's id: the seed file name without its extension."""
    return path.name.rsplit(".", 1)[0]


def extract_seed(path: Path) -> Extraction:
    """Read and parse one seed file. Raises SeedError with a one-line reason."""
    try:
        seed_id(path).encode("utf-8")
    except UnicodeEncodeError as exc:  # the id is stored as UTF-8: it must be text
        raise SeedError("has a file name that is not valid UTF-8: rename it") from exc
    data = read_seed_bytes(path)
    text = decode_seed(data)
    return extract_article(text, seed_id(path), content_hash=content_hash(data))


def read_articles(paths: list[Path]) -> Iterator[Article | SeedProblem]:
    """Each seed as an Article, or as a SeedProblem when it cannot be used."""
    for path in paths:
        try:
            yield extract_seed(path).article
        except SeedError as exc:
            yield SeedProblem(path, str(exc))
        except Exception as exc:  # a bug in extraction must not stop a build
            log.exception("unexpected error while reading %s", path)
            yield SeedProblem(path, f"could not be parsed ({type(exc).__name__}: {exc})")
