"""Finding seed files and turning each into articles, reporting (never raising) bad ones.

A seed is a raw scraped page (`.txt`, one article) or a JSONL export (`.jsonl`, one article
per line, see `search.ingest.records`). Either may have a sidecar of corrections
(`<name>.meta.toml`, see `search.ingest.overrides`).
"""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.ingest.articles import (
    MAX_SEED_BYTES,
    SeedError,
    content_hash,
    decode_seed,
    open_seed,
    read_seed_bytes,
)
from search.ingest.extract import Extraction, extract_article
from search.ingest.overrides import apply_override, fingerprint, load_sidecar, sidecar_path
from search.ingest.records import extract_record, record_id
from search.model import Article

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt", ".jsonl")


@dataclass(frozen=True)
class SeedProblem:
    """A seed (or one line of a JSONL seed) that was skipped, and why (one line, for the CLI)."""

    path: Path
    reason: str
    line: int | None = None
    # Reported by an earlier build or update, and unchanged since (not parsed again).
    repeated: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: skipped: {self.reason}"


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Seed files in a folder, in name order. Hidden files and sidecars are not seeds."""
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder {seeds_dir}/ does not exist")
    # Names, not Path objects, until the end: comparing Paths (and even reading .name) is
    # slow, 0.7 s to sort 25,000 seeds.
    with os.scandir(seeds_dir) as entries:
        names = sorted(
            e.name for e in entries if not e.name.startswith(".") and e.name.endswith(SEED_SUFFIXES)
        )
    return [seeds_dir / name for name in names]


def seed_id(path: Path) -> str:
    """An article's id: the seed file name without its extension."""
    return path.name.rsplit(".", 1)[0]


def _apply_sidecar(extraction: Extraction, table: dict[str, Any], seed: Path) -> Extraction:
    if table:
        changed = apply_override(extraction.article, table, sidecar_path(seed).name)
        extraction.given.update(dict.fromkeys(changed, f"override {sidecar_path(seed).name}"))
    return extraction


def article_hash(content: bytes, correction: dict[str, Any]) -> str:
    """An article's content hash: its seed bytes (a `.txt` file, or a `.jsonl` line without
    its line ending) and its correction in the sidecar. `cari update` compares these."""
    return content_hash(content + fingerprint(correction).encode())


def seed_file_hash(path: Path) -> str:
    """The content hash of a single-article seed file without corrections: `article_hash`
    of its bytes. What `cari update` compares without parsing the seed, and what a build
    records for a seed it could not use. Raises SeedError when the file cannot be read."""
    return article_hash(read_seed_bytes(path), {})


def record_hash(raw: bytes, correction: dict[str, Any]) -> str:
    """The content hash of one `.jsonl` line (see `article_hash`)."""
    return article_hash(raw.rstrip(b"\r\n"), correction)


def extract_seed(path: Path) -> Extraction:
    """Read and parse one `.txt` seed file, corrected by its sidecar if it has one.

    Raises SeedError with a one-line reason.
    """
    try:
        seed_id(path).encode("utf-8")
    except UnicodeEncodeError as exc:  # the id is stored as UTF-8: it must be text
        raise SeedError("has a file name that is not valid UTF-8: rename it") from exc
    data = read_seed_bytes(path)
    table = load_sidecar(path)
    digest = article_hash(data, table)
    extraction = extract_article(decode_seed(data), seed_id(path), content_hash=digest)
    return _apply_sidecar(extraction, table, path)


def _record_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of each non-blank line of a JSONL file."""
    try:
        with open_seed(path) as handle, io.BufferedReader(handle) as lines:
            for number, raw in enumerate(lines, start=1):
                if raw.strip():
                    yield number, raw
    except IsADirectoryError as exc:
        raise SeedError("is a directory, not a file") from exc
    except PermissionError as exc:
        raise SeedError("cannot be read (permission denied)") from exc
    except OSError as exc:
        raise SeedError(f"cannot be read ({exc.strerror or exc})") from exc


def _record_extraction(raw: bytes, overrides: dict[str, Any], path: Path) -> Extraction:
    if len(raw) > MAX_SEED_BYTES:
        raise SeedError(f"is {len(raw)} bytes, above the {MAX_SEED_BYTES}-byte limit")
    try:
        record = json.loads(decode_seed(raw.rstrip(b"\r\n")))
    except json.JSONDecodeError as exc:
        # Some of json's messages end in "at" ("Invalid control character at").
        message = exc.msg.removesuffix(" at")
        raise SeedError(f"is not valid JSON ({message} at column {exc.colno})") from exc
    table = overrides.get(str(record.get("id", "")).strip(), {}) if isinstance(record, dict) else {}
    if not isinstance(table, dict):
        raise SeedError(
            f"override file {sidecar_path(path).name}: entry for this id is not a table"
        )
    digest = record_hash(raw, table)
    return _apply_sidecar(extract_record(record, content_hash=digest), table, path)


def read_records(path: Path, only_id: str | None = None) -> Iterator[Extraction | SeedProblem]:
    """Each line of a JSONL seed as an Extraction, or a SeedProblem naming `file:line`.
    With `only_id`, lines that cannot hold that id are passed over unparsed."""
    needles = _id_needles(only_id) if only_id else ()
    for batch in record_batches(path):
        if isinstance(batch, SeedProblem):
            yield batch
            continue
        overrides, lines = batch
        yield from parse_record_lines(
            path,
            overrides,
            [(n, raw) for n, raw in lines if not needles or any(f in raw for f in needles)],
        )


def _id_needles(article_id: str) -> tuple[bytes, bytes]:
    """What a JSONL line holding `article_id` holds: the id as UTF-8, or escaped as
    json.dumps writes it ("café" or "caf" + backslash + "u00e9")."""
    return article_id.encode(), json.dumps(article_id)[1:-1].encode()


def read_records_for(path: Path, ids: set[str]) -> dict[str, Extraction | SeedProblem]:
    """The records of a JSONL seed with the given ids, parsed, or the problem of the line
    that holds each (by `file:line`); the other lines are passed over unparsed (an update
    wants a few records of a corpus export)."""
    needles = {article_id: _id_needles(article_id) for article_id in ids}
    found: dict[str, Extraction | SeedProblem] = {}
    for batch in record_batches(path):
        if isinstance(batch, SeedProblem):
            for article_id in ids:
                found.setdefault(article_id, batch)
            continue
        overrides, lines = batch
        holders = {
            number: [i for i, forms in needles.items() if any(f in raw for f in forms)]
            for number, raw in lines
        }
        wanted = [(n, raw) for n, raw in lines if holders[n]]
        for item in parse_record_lines(path, overrides, wanted):
            if isinstance(item, SeedProblem):
                for article_id in holders.get(item.line or 0, []):
                    found.setdefault(article_id, item)
            elif item.article.id in ids and not isinstance(found.get(item.article.id), Extraction):
                found[item.article.id] = item  # the first record with an id wins, as in a build
    return found


def unusable_record(raw: bytes, overrides: dict[str, Any]) -> tuple[str, str] | None:
    """(id, hash) of a JSONL line that could not be used, when its id can be read: what an
    update compares to leave it unparsed until it changes."""
    try:
        article_id = record_id(json.loads(decode_seed(raw.rstrip(b"\r\n"))))
    except (ValueError, TypeError, AttributeError, SeedError):
        return None
    table = overrides.get(article_id, {})
    return (article_id, record_hash(raw, table)) if isinstance(table, dict) else None


RecordBatch = tuple[dict[str, Any], list[tuple[int, bytes]]]


def record_batches(path: Path, size: int = 64) -> Iterator[RecordBatch | SeedProblem]:
    """The lines of a JSONL seed, `size` at a time, with its sidecar's table, to be parsed
    by `parse_record_lines` (in worker processes, for a build); a SeedProblem, last, when the
    file or its sidecar cannot be read."""
    try:
        overrides = load_sidecar(path)
    except SeedError as exc:
        yield SeedProblem(path, str(exc))
        return
    batch: list[tuple[int, bytes]] = []
    problem = None
    lines = 0
    try:
        for line in _record_lines(path):
            lines += 1
            batch.append(line)
            if len(batch) >= size:
                yield overrides, batch
                batch = []
    except SeedError as exc:
        problem = SeedProblem(path, str(exc))
    if batch:
        yield overrides, batch
    if problem is None and not lines:
        problem = SeedProblem(path, "is empty (no records)")
    if problem is not None:
        yield problem


def parse_record_lines(
    path: Path, overrides: dict[str, Any], lines: list[tuple[int, bytes]]
) -> list[Extraction | SeedProblem]:
    """Each (line number, bytes) of a JSONL seed as an Extraction, or a SeedProblem."""
    out: list[Extraction | SeedProblem] = []
    for number, raw in lines:
        try:
            out.append(_record_extraction(raw, overrides, path))
        except SeedError as exc:
            out.append(SeedProblem(path, str(exc), number))
        except Exception as exc:  # a bug in extraction must not stop a build
            log.exception("unexpected error while reading %s:%d", path, number)
            out.append(
                SeedProblem(path, f"could not be parsed ({type(exc).__name__}: {exc})", number)
            )
    return out


def read_articles(paths: list[Path]) -> Iterator[Article | SeedProblem]:
    """Each seed as an Article (one per line for `.jsonl`), or a SeedProblem when unusable."""
    for path in paths:
        if path.name.endswith(".jsonl"):
            for item in read_records(path):
                yield item if isinstance(item, SeedProblem) else item.article
            continue
        try:
            yield extract_seed(path).article
        except SeedError as exc:
            yield SeedProblem(path, str(exc))
        except Exception as exc:  # a bug in extraction must not stop a build
            log.exception("unexpected error while reading %s", path)
            yield SeedProblem(path, f"could not be parsed ({type(exc).__name__}: {exc})")


def inspect_seed(path: Path, article_id: str | None = None) -> Extraction:
    """What extraction makes of one seed (for `cari inspect`). For a `.jsonl` seed, the record
    with `article_id` (the first record when None). Raises SeedError when it yields nothing."""
    if not path.name.endswith(".jsonl"):
        if article_id is not None and article_id != seed_id(path):
            raise SeedError(f"holds one article, {seed_id(path)!r}: --id is for .jsonl seeds")
        return extract_seed(path)
    first_problem: SeedProblem | None = None
    for item in read_records(path, article_id):
        if isinstance(item, SeedProblem):
            if article_id is not None:  # the only lines read are those holding the id
                raise SeedError(f"line {item.line}: {item.reason}")
            if first_problem is None:
                first_problem = item
            continue
        if article_id is None or item.article.id == article_id:
            return item
    if article_id is None and first_problem is not None:
        raise SeedError(str(first_problem))
    raise SeedError(f"has no record with id {article_id!r}" if article_id else "has no records")


def find_seed(name: str, seeds_dir: Path) -> Path:
    """A seed named on the command line: a path, or a name in the seed folder (the `.txt`
    may be left off). Returns the path as given when nothing better exists."""
    path = Path(name)
    if path.exists():
        return path
    for candidate in (seeds_dir / name, *(seeds_dir / f"{name}{s}" for s in SEED_SUFFIXES)):
        if candidate.is_file():
            return candidate
    return path


def count_articles(paths: list[Path]) -> int:
    """How many articles (at most) the seeds hold: one per `.txt`, one per non-blank line of a
    `.jsonl`. For progress bars; unreadable files count as one."""
    total = 0
    for path in paths:
        if not path.name.endswith(".jsonl"):
            total += 1
            continue
        try:
            with open_seed(path) as handle, io.BufferedReader(handle) as lines:
                total += sum(1 for line in lines if line.strip())
        except (OSError, SeedError):
            total += 1
    return total
