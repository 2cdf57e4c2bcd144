"""The kinds of seed file, one class each: which files are of that kind, the id and content
hash of each article a seed holds, and reading it into articles.

- `.txt` (`TEXT`, a TextSeed): a scraped page, one article; its id is the file name without
  `.txt`, its hash that of the file's bytes.
- `.jsonl` (`JSONL`, a JsonlSeed): an export, one article per line (see
  `search.ingest.records`); ids are the records' `id`s, each hashed by its line's bytes.

Either may have a sidecar of corrections (`<name>.meta.toml`, see `search.ingest.overrides`),
folded into the hash of the article it corrects. Every read goes through the safe opener
(`search.ingest.files.open_seed`): a FIFO, a device or an unreadable file named like a seed
is one SeedError, never a read that blocks or never ends.
"""

from __future__ import annotations

import io
import json
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from search import jsonfiles
from search.i18n import gettext, ngettext
from search.ingest.extract import Extraction, extract_article
from search.ingest.files import (
    MAX_SEED_BYTES,
    SeedError,
    content_hash,
    decode_seed,
    on_line,
    open_seed,
    read_seed_bytes,
    seed_read_errors,
    too_big,
    without_unwritable,
)
from search.ingest.overrides import (
    apply_override,
    fingerprint,
    load_sidecar,
    overridden_by,
    sidecar_path,
)
from search.ingest.records import extract_record, record_id

log = logging.getLogger(__name__)


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
        return gettext("%(where)s: skipped: %(reason)s", where=where, reason=self.reason)


def skipped_count(problems: list[SeedProblem]) -> str:
    """What was skipped ("2 seeds", "0 seeds, 1 line"): a seed once, however many of its
    problems are reported, and a JSONL seed's bad lines apart (its other lines were read)."""
    seeds = len({p.path for p in problems if p.line is None})
    lines = sum(1 for p in problems if p.line is not None)
    text = ngettext("%(num)s seed", "%(num)s seeds", seeds)
    return text + ngettext(", %(num)s line", ", %(num)s lines", lines) if lines else text


class ArticleKey(NamedTuple):
    """What `cari update` compares with the index: an article's id and content hash."""

    id: str
    content_hash: str


def article_hash(content: bytes, correction: dict[str, Any]) -> str:
    """An article's content hash: its seed bytes (a `.txt` file, or a `.jsonl` line without
    its line ending) and its correction in the sidecar. `cari update` compares these."""
    return content_hash(content + fingerprint(correction).encode())


def _apply_sidecar(extraction: Extraction, table: dict[str, Any], seed: Path) -> Extraction:
    if table:
        changed = apply_override(extraction.article, table, sidecar_path(seed).name)
        extraction.given.update(dict.fromkeys(changed, overridden_by(sidecar_path(seed).name)))
    return extraction


def _unexpected(path: Path, exc: Exception, line: int | None = None) -> SeedProblem:
    """A bug in extraction, reported as the seed's problem: it must not stop a build."""
    where = f"{path}:{line}" if line is not None else str(path)
    log.exception("unexpected error while reading %s", where)
    error = f"{type(exc).__name__}: {exc}"
    reason = gettext("could not be parsed (%(error)s)", error=error)
    return SeedProblem(path, reason, line)


class SeedKind(ABC):
    """A kind of seed file, known by its suffix."""

    suffix: str
    # One article per file, its id from the file name: known without reading the file.
    one_article: bool

    def holds(self, name: str) -> bool:
        """Whether a file of this name is a seed of this kind."""
        return name.endswith(self.suffix)

    def named_id(self, path: Path) -> str | None:
        """The id of the seed's article when its name gives it (one article per file)."""
        return None

    @abstractmethod
    def keys(self, path: Path) -> list[ArticleKey] | None:
        """Id and content hash of each article in the seed, without extracting them; None when
        only parsing it tells (`read` then reports why). Raises SeedError when the seed or its
        sidecar cannot be read."""

    @abstractmethod
    def read(self, path: Path) -> Iterator[Extraction | SeedProblem]:
        """Each article of the seed, or a SeedProblem where there is none."""

    @abstractmethod
    def read_ids(self, path: Path, ids: set[str]) -> dict[str, Extraction | SeedProblem]:
        """The articles of the seed with these ids, or the problem that stands for each; the
        others are passed over unparsed."""

    @abstractmethod
    def inspect(self, path: Path, article_id: str | None = None) -> Extraction:
        """The article `cari inspect` shows (`article_id`: which one, in a seed of many).
        Raises SeedError when it yields nothing."""

    @abstractmethod
    def count(self, path: Path) -> int:
        """How many articles the seed holds at most (for progress bars); 1 when unreadable."""

    def written_whole(self, path: Path) -> bool:
        """Whether the seed looks completely written (not a file still being written in
        place); True when that cannot be told, or the file cannot be read."""
        return True


class TextSeed(SeedKind):
    """A scraped page (`.txt`): one article, its id the file name without the suffix."""

    suffix = ".txt"
    one_article = True

    def article_id(self, path: Path) -> str:
        """The file name without its suffix. Raises SeedError when the name is not text (not
        valid UTF-8): the id is stored as UTF-8, so such a seed is skipped by every reader."""
        article_id = path.name.rsplit(".", 1)[0]
        try:
            article_id.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise SeedError(gettext("has a file name that is not valid UTF-8: rename it")) from exc
        return article_id

    def named_id(self, path: Path) -> str | None:
        try:
            return self.article_id(path)
        except SeedError:
            return None

    def file_hash(self, path: Path) -> str:
        """The content hash of the seed without its corrections: what `cari update` compares
        without parsing a seed that has no sidecar, and what a build records for a seed it
        could not use. Raises SeedError when the file cannot be read."""
        return article_hash(read_seed_bytes(path), {})

    def keys(self, path: Path) -> list[ArticleKey]:
        data = read_seed_bytes(path)
        return [ArticleKey(self.article_id(path), article_hash(data, load_sidecar(path)))]

    def extract(self, path: Path) -> Extraction:
        """The seed's article, corrected by its sidecar if it has one. Raises SeedError."""
        article_id = self.article_id(path)
        data = read_seed_bytes(path)
        table = load_sidecar(path)
        digest = article_hash(data, table)
        extraction = extract_article(decode_seed(data), article_id, content_hash=digest)
        return _apply_sidecar(extraction, table, path)

    def _read_one(self, path: Path) -> Extraction | SeedProblem:
        try:
            return self.extract(path)
        except SeedError as exc:
            return SeedProblem(path, str(exc))
        except Exception as exc:  # a bug in extraction must not stop a build
            return _unexpected(path, exc)

    def read(self, path: Path) -> Iterator[Extraction | SeedProblem]:
        yield self._read_one(path)

    def read_ids(self, path: Path, ids: set[str]) -> dict[str, Extraction | SeedProblem]:
        item = self._read_one(path)
        if isinstance(item, SeedProblem):
            return dict.fromkeys(ids, item)
        return {item.article.id: item} if item.article.id in ids else {}

    def inspect(self, path: Path, article_id: str | None = None) -> Extraction:
        if article_id is not None and article_id != self.article_id(path):
            raise SeedError(
                gettext(
                    "holds one article, %(id)s: --id is for .jsonl seeds",
                    id=repr(self.article_id(path)),
                )
            )
        return self.extract(path)

    def count(self, path: Path) -> int:
        return 1


RecordBatch = tuple[dict[str, Any], list[tuple[int, bytes]]]


class JsonlSeed(SeedKind):
    """An export (`.jsonl`): one record per line, each an article with its own `id`."""

    suffix = ".jsonl"
    one_article = False
    batch_lines = 64  # lines parsed at a time (by a worker process, in a build)

    def lines(self, path: Path) -> Iterator[tuple[int, bytes]]:
        """(line number, bytes) of each non-blank line, as UTF-8: an export saved as UTF-16
        (spreadsheets' "Unicode text", with its byte-order mark) is read as its text, or
        its line breaks would be cut in half. Raises SeedError."""
        with seed_read_errors(), open_seed(path) as handle, io.BufferedReader(handle) as lines:
            if lines.peek(2)[:2] in _UTF16_BOMS:
                text = io.TextIOWrapper(lines, encoding="utf-16", errors="replace", newline="")
                for number, line in enumerate(text, start=1):
                    if line.strip():
                        yield number, line.encode("utf-8", "surrogatepass")
                return
            for number, raw in enumerate(lines, start=1):
                if raw.strip():
                    yield number, raw

    def line_hash(self, raw: bytes, correction: dict[str, Any]) -> str:
        """The content hash of one line (see `article_hash`)."""
        return article_hash(raw.rstrip(b"\r\n"), correction)

    def _record(self, raw: bytes) -> Any:
        """A line's JSON value. Raises SeedError."""
        try:
            text = decode_seed(raw.rstrip(b"\r\n"))
            value = jsonfiles.loads(text)
            # A JSON escape may write what no article's text holds (`without_unwritable`).
            return without_unwritable(value) if "\\u" in text else value
        except RecursionError:  # nested within json's limit but past our own walk's
            problem, column = "nested too deeply", 1
        except json.JSONDecodeError as exc:
            # Some of json's messages end in "at" ("Invalid control character at").
            problem, column = exc.msg.removesuffix(" at"), exc.colno
        raise SeedError(
            gettext(
                "is not valid JSON (%(problem)s at column %(column)s)",
                problem=problem,
                column=column,
            )
        )

    def _correction(self, record: Any, overrides: dict[str, Any], path: Path) -> dict[str, Any]:
        """The sidecar's table for a record ({} when it has none). Raises SeedError."""
        table = (
            overrides.get(str(record.get("id", "")).strip(), {}) if isinstance(record, dict) else {}
        )
        if not isinstance(table, dict):
            raise SeedError(
                gettext(
                    "override file %(file)s: entry for this id is not a table",
                    file=sidecar_path(path).name,
                )
            )
        return table

    def line_key(self, raw: bytes, overrides: dict[str, Any], path: Path) -> ArticleKey:
        """A line's id and content hash, without extracting its article. Raises SeedError
        when the line has no usable id."""
        record = self._record(raw)
        if not isinstance(record, dict):
            raise SeedError(
                gettext("is a JSON %(type)s, not an object", type=type(record).__name__)
            )
        article_id = record_id(record)
        return ArticleKey(
            article_id, self.line_hash(raw, self._correction(record, overrides, path))
        )

    def keys(self, path: Path) -> list[ArticleKey] | None:
        """(A line without a usable id, or an empty file, gives None: the seed is then parsed,
        which reports the problem with its line.)"""
        overrides = load_sidecar(path)
        keys: list[ArticleKey] = []
        for _number, raw in self.lines(path):
            try:
                keys.append(self.line_key(raw, overrides, path))
            except SeedError:
                return None
        return keys or None

    def unusable_key(self, raw: bytes, overrides: dict[str, Any], path: Path) -> ArticleKey | None:
        """The key of a line that could not be used, when its id can be read: what an update
        compares to leave it unparsed until it changes."""
        try:
            return self.line_key(raw, overrides, path)
        except SeedError:
            return None

    def batches(self, path: Path) -> Iterator[RecordBatch | SeedProblem]:
        """The lines, `batch_lines` at a time, with the sidecar's table, to be parsed by
        `parse_lines` (in worker processes, for a build); a SeedProblem, last, when the file or
        its sidecar cannot be read."""
        try:
            overrides = load_sidecar(path)
        except SeedError as exc:
            yield SeedProblem(path, str(exc))
            return
        batch: list[tuple[int, bytes]] = []
        problem = None
        count = 0
        try:
            for line in self.lines(path):
                count += 1
                batch.append(line)
                if len(batch) >= self.batch_lines:
                    yield overrides, batch
                    batch = []
        except SeedError as exc:
            problem = SeedProblem(path, str(exc))
        if batch:
            yield overrides, batch
        if problem is None and not count:
            problem = SeedProblem(path, gettext("is empty (no records)"))
        if problem is not None:
            yield problem

    def _extraction(self, raw: bytes, overrides: dict[str, Any], path: Path) -> Extraction:
        if len(raw) > MAX_SEED_BYTES:
            raise SeedError(too_big(len(raw)))
        record = self._record(raw)
        table = self._correction(record, overrides, path)
        extraction = extract_record(record, content_hash=self.line_hash(raw, table))
        return _apply_sidecar(extraction, table, path)

    def parse_lines(
        self, path: Path, overrides: dict[str, Any], lines: list[tuple[int, bytes]]
    ) -> list[Extraction | SeedProblem]:
        """Each (line number, bytes) as an Extraction, or a SeedProblem naming its line."""
        out: list[Extraction | SeedProblem] = []
        for number, raw in lines:
            try:
                out.append(self._extraction(raw, overrides, path))
            except SeedError as exc:
                out.append(SeedProblem(path, str(exc), number))
            except Exception as exc:  # a bug in extraction must not stop a build
                out.append(_unexpected(path, exc, number))
        return out

    def read(self, path: Path, only_id: str | None = None) -> Iterator[Extraction | SeedProblem]:
        """(With `only_id`, lines that cannot hold that id are passed over unparsed.)"""
        needles = _id_needles(only_id) if only_id else ()
        for batch in self.batches(path):
            if isinstance(batch, SeedProblem):
                yield batch
                continue
            overrides, lines = batch
            yield from self.parse_lines(
                path,
                overrides,
                [(n, raw) for n, raw in lines if not needles or any(f in raw for f in needles)],
            )

    def read_ids(self, path: Path, ids: set[str]) -> dict[str, Extraction | SeedProblem]:
        """(Each id's problem is that of the line that holds it, by `file:line`; an update
        wants a few records of a corpus export: reading them all took seconds.)"""
        needles = {article_id: _id_needles(article_id) for article_id in ids}
        found: dict[str, Extraction | SeedProblem] = {}
        for batch in self.batches(path):
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
            for item in self.parse_lines(path, overrides, wanted):
                if isinstance(item, SeedProblem):
                    for article_id in holders.get(item.line or 0, []):
                        found.setdefault(article_id, item)
                elif item.article.id in ids and not isinstance(
                    found.get(item.article.id), Extraction
                ):
                    found[item.article.id] = item  # the first record with an id wins, as in a build
        return found

    def inspect(self, path: Path, article_id: str | None = None) -> Extraction:
        """(The first record when `article_id` is None.)"""
        first_problem: SeedProblem | None = None
        for item in self.read(path, article_id):
            if isinstance(item, SeedProblem):
                if item.line is None:  # the file itself, or its sidecar
                    raise SeedError(item.reason)
                if article_id is not None:  # the only lines read are those holding the id
                    raise SeedError(on_line(item.line, item.reason))
                first_problem = first_problem or item
                continue
            if article_id is None or item.article.id == article_id:
                return item
        if first_problem is not None:
            raise SeedError(on_line(first_problem.line, first_problem.reason))
        if article_id:
            raise SeedError(gettext("has no record with id %(id)s", id=repr(article_id)))
        raise SeedError(gettext("has no records"))

    def count(self, path: Path) -> int:
        try:
            return sum(1 for _line in self.lines(path))
        except SeedError:
            return 1

    def written_whole(self, path: Path) -> bool:
        """(An export's last line ends with a newline, as every writer of JSONL ends it.)"""
        try:
            with seed_read_errors(), open_seed(path) as handle:
                size = os.fstat(handle.fileno()).st_size
                if size == 0:
                    return True
                bom = os.pread(handle.fileno(), 2, 0)
                if bom in _UTF16_BOMS:  # a line break of two bytes, in the BOM's order
                    return os.pread(handle.fileno(), 2, size - 2) == "\n".encode(_UTF16[bom])
                return os.pread(handle.fileno(), 1, size - 1) == b"\n"
        except SeedError:
            return True


# The byte-order marks of UTF-16, and the codec each says.
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
_UTF16_BOMS = frozenset(_UTF16)


def _id_needles(article_id: str) -> tuple[bytes, bytes]:
    """What a JSONL line holding `article_id` holds: the id as UTF-8, or escaped as
    json.dumps writes it ("café" or "caf" + backslash + "u00e9")."""
    return article_id.encode(), json.dumps(article_id)[1:-1].encode()


TEXT = TextSeed()
JSONL = JsonlSeed()
SEED_KINDS: tuple[SeedKind, ...] = (TEXT, JSONL)
SEED_SUFFIXES = tuple(kind.suffix for kind in SEED_KINDS)


def kind_of(name: str) -> SeedKind:
    """The kind a file of this name is read as: by its suffix; a file named otherwise (one
    given to `cari inspect`) is read as a page."""
    return JSONL if JSONL.holds(name) else TEXT
