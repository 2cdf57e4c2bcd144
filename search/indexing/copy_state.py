"""What an update needs to find the copies of its new articles (search.indexing.copies), kept
on disk so that an update reads and writes only what its few articles touch, however large
the archive:

    copies/                       in the generation folder
      manifest.json               the runs that make the state, and their rows removed since
      boilerplate-<tag>.npy       the boilerplate shingles, sorted (uint64; found by the build)
      run-<n>-<tag>.ids.npy       a run's article ids, by row (UTF-8, fixed width)
      run-<n>-<tag>.order.npy     its rows in the order of their ids (a binary search by id)
      run-<n>-<tag>.sigs.npy      its MinHash signatures: (rows, SIGNATURE_SIZE) uint32
      run-<n>-<tag>.keys.npy      for each band, the rows' band keys sorted: (bands, rows) uint32
      run-<n>-<tag>.keyrows.npy   for each band, the row of each of those keys

A build writes one run. An update appends a run holding its new and re-indexed articles, and
marks in the manifest the rows of the articles it re-indexes or removes; when there are more
than MAX_RUNS runs, the newest are merged into one (sizes kept geometric, so an article is
rewritten a few times in its life, not at every update). The files are opened as memory maps:
finding the indexed articles that share a band with a new one is a binary search per band and
run, and reads the few pages it touches.

A run's files are never changed once written, and new files get new names: the state is what
`manifest.json` names, and the manifest is replaced atomically. An update killed at any point
leaves the state before it or the state after it (and files no manifest names, removed by the
next update).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from search import jsonfiles
from search.text.shingles import (
    BAND_ROWS,
    SIGNATURE_SIZE,
    band_key,
    band_keys,
    sharing_a_band,
)

log = logging.getLogger(__name__)

FOLDER = "copies"
MANIFEST = "manifest.json"
VERSION = 2  # 2: one-row bands (64 keys a row; 1: two-row bands, 32)
BANDS = SIGNATURE_SIZE // BAND_ROWS
MAX_RUNS = 8  # more runs than this, and the newest are merged
MERGE_RATIO = 2  # a run is merged with the newer ones when it is at most this times their size
_PARTS = ("ids", "order", "sigs", "keys", "keyrows")


class CopyStateError(Exception):
    """The copies state cannot be read (a file missing, damaged, or of another version)."""


def _lookup_keys(signature_rows: np.ndarray, band: int) -> np.ndarray:
    """A band's keys as stored: the top half of `band_key` (a collision only adds a candidate
    that the exact comparison of the band's positions then drops)."""
    return (band_key(signature_rows, band) >> np.uint64(32)).astype(np.uint32)


def _load(path: Path) -> np.ndarray:
    try:
        return np.load(path, mmap_mode="r", allow_pickle=False)
    except ValueError:  # an empty array cannot be mapped
        return np.load(path, allow_pickle=False)


def _save(path: Path, array: np.ndarray) -> None:
    with open(path, "wb") as out:
        np.save(out, array, allow_pickle=False)


@dataclass
class Run:
    """One run of rows: its files, mapped, and its rows removed since it was written."""

    name: str
    ids: np.ndarray
    order: np.ndarray
    signatures: np.ndarray
    keys: np.ndarray
    key_rows: np.ndarray
    dead: set[int] = field(default_factory=set)

    @classmethod
    def open(cls, folder: Path, name: str, dead: Iterable[int]) -> Run:
        ids, order, sigs, keys, key_rows = (_load(folder / f"{name}.{p}.npy") for p in _PARTS)
        rows = len(ids)
        if (
            len(order) != rows
            or sigs.shape != (rows, SIGNATURE_SIZE)
            or keys.shape != (BANDS, rows)
            or key_rows.shape != (BANDS, rows)
        ):
            raise CopyStateError(f"{name}: its files disagree on its size")
        return cls(name, ids, order, sigs, keys, key_rows, set(dead))

    @property
    def rows(self) -> int:
        return len(self.ids)

    @property
    def live(self) -> int:
        return self.rows - len(self.dead)

    def rows_of(self, article_id: str) -> list[int]:
        """The rows holding this article (live or not)."""
        wanted = article_id.encode()
        if not self.rows or len(wanted) > self.ids.dtype.itemsize:
            return []
        at = int(np.searchsorted(self.ids, np.array(wanted, self.ids.dtype), sorter=self.order))
        found = []
        while at < self.rows and bytes(self.ids[self.order[at]]) == wanted:
            found.append(int(self.order[at]))
            at += 1
        return found

    def sharing_a_band(self, signature_rows: np.ndarray, keys: np.ndarray) -> list[np.ndarray]:
        """For each signature, the live rows agreeing with it on every position of a band;
        `keys`: the signatures' lookup keys, (signatures, bands)."""
        candidates: list[list[np.ndarray]] = [[] for _ in range(len(signature_rows))]
        for band in range(BANDS):
            wanted = keys[:, band]
            column = self.keys[band]
            starts = np.searchsorted(column, wanted, side="left")
            ends = np.searchsorted(column, wanted, side="right")
            for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
                if end > start:
                    candidates[i].append(np.asarray(self.key_rows[band, start:end]))
        found = []
        for i, parts in enumerate(candidates):
            rows = np.unique(np.concatenate(parts)).astype(np.int64) if parts else np.zeros(0, int)
            if self.dead and len(rows):
                rows = rows[[r not in self.dead for r in rows.tolist()]]
            if len(rows):
                rows = rows[sharing_a_band(np.asarray(self.signatures[rows]), signature_rows[i])]
            found.append(rows)
        return found

    def live_rows(self) -> tuple[list[str], np.ndarray]:
        """The ids and signatures of its live rows."""
        keep = np.ones(self.rows, dtype=bool)
        keep[list(self.dead)] = False
        ids = [bytes(i).decode() for i in self.ids[keep]]
        return ids, np.asarray(self.signatures[keep])


def write_run(folder: Path, name: str, ids: list[str], signatures: np.ndarray) -> None:
    """A run's files (see the module docstring)."""
    raw = [i.encode() for i in ids]
    encoded = np.array(raw, dtype=f"S{max([1, *map(len, raw)])}")
    signatures = np.ascontiguousarray(signatures, dtype=np.uint32).reshape(-1, SIGNATURE_SIZE)
    _save(folder / f"{name}.ids.npy", encoded)
    _save(folder / f"{name}.order.npy", np.argsort(encoded, kind="stable").astype(np.intp))
    _save(folder / f"{name}.sigs.npy", signatures)
    if not len(ids):
        _save(folder / f"{name}.keys.npy", np.zeros((BANDS, 0), dtype=np.uint32))
        _save(folder / f"{name}.keyrows.npy", np.zeros((BANDS, 0), dtype=np.uint32))
        return
    # Written a band at a time into the mapped files (a build's million rows: 256 MB of keys
    # never held at once).
    shape = (BANDS, len(ids))
    keys = np.lib.format.open_memmap(folder / f"{name}.keys.npy", "w+", np.uint32, shape)
    key_rows = np.lib.format.open_memmap(folder / f"{name}.keyrows.npy", "w+", np.uint32, shape)
    for band in range(BANDS):
        found = _lookup_keys(signatures, band)
        order = np.argsort(found, kind="stable")
        keys[band], key_rows[band] = found[order], order
    keys.flush()
    key_rows.flush()
    del keys, key_rows


def _tag() -> str:
    return uuid.uuid4().hex[:8]


class CopyState:
    """The copies state of a generation, opened from its manifest; `remove` and `add` change
    it in memory, `commit` writes the changes as the new state."""

    def __init__(self, folder: Path, manifest: dict, runs: list[Run]) -> None:
        self.folder = folder
        self.manifest = manifest
        self.runs = runs
        self.boilerplate = _load(folder / manifest["boilerplate"])
        self._added: list[tuple[list[str], np.ndarray]] = []

    @classmethod
    def open(cls, generation: Path) -> CopyState | None:
        """The state of a generation folder (None when it has none); CopyStateError when it
        cannot be read."""
        folder = generation / FOLDER
        path = folder / MANIFEST
        if not path.exists():
            return None
        manifest = jsonfiles.read_dict(path)
        if manifest.get("version") != VERSION:
            raise CopyStateError(f"{path}: version {manifest.get('version')}, not {VERSION}")
        try:
            runs = [Run.open(folder, r["name"], r.get("dead", [])) for r in manifest["runs"]]
            return cls(folder, manifest, runs)
        except (OSError, KeyError, TypeError, ValueError) as exc:
            raise CopyStateError(str(exc)) from exc

    @staticmethod
    def create(
        generation: Path, ids: list[str], signatures: np.ndarray, boilerplate: np.ndarray
    ) -> None:
        """Write a whole state (a build's): one run of these articles."""
        folder = generation / FOLDER
        folder.mkdir(exist_ok=True)
        common = f"boilerplate-{_tag()}.npy"
        _save(folder / common, np.asarray(boilerplate, dtype=np.uint64))
        runs = []
        if ids:
            name = f"run-{1:06d}-{_tag()}"
            write_run(folder, name, ids, signatures)
            runs.append({"name": name, "dead": []})
        _publish(folder, {"version": VERSION, "boilerplate": common, "runs": runs, "next": 2})

    def rows(self) -> tuple[list[str], np.ndarray]:
        """The ids and signatures of every live row, oldest first."""
        ids: list[str] = []
        parts = [np.zeros((0, SIGNATURE_SIZE), dtype=np.uint32)]
        for run in self.runs:
            found, signatures = run.live_rows()
            ids += found
            parts.append(signatures)
        return ids, np.concatenate(parts)

    def remove(self, ids: Iterable[str]) -> None:
        """Mark these articles' rows removed (re-indexed or deleted)."""
        for article_id in ids:
            for run in self.runs:
                run.dead.update(run.rows_of(article_id))

    def sharing_a_band(self, signature_rows: np.ndarray) -> list[tuple[list[str], np.ndarray]]:
        """For each signature, the live indexed articles agreeing with it on every position
        of some band: their ids and signatures."""
        found: list[tuple[list[str], list[np.ndarray]]] = [
            ([], []) for _ in range(len(signature_rows))
        ]
        keys = (band_keys(signature_rows) >> np.uint64(32)).astype(np.uint32)  # `_lookup_keys`
        for run in self.runs:
            for (ids, signatures), rows in zip(
                found, run.sharing_a_band(signature_rows, keys), strict=True
            ):
                ids += [bytes(i).decode() for i in run.ids[rows]]
                signatures.append(np.asarray(run.signatures[rows]))
        empty = np.zeros((0, SIGNATURE_SIZE), dtype=np.uint32)
        return [(ids, np.concatenate([empty, *sigs])) for ids, sigs in found]

    def add(self, ids: list[str], signatures: np.ndarray) -> None:
        self._added.append((ids, signatures))

    def commit(self) -> None:
        """Write the rows added and removed as the new state: a run of the added rows, the
        removed ones in the manifest, the newest runs merged when there are too many."""
        ids = [i for added, _ in self._added for i in added]
        runs = list(self.runs)
        serial = int(self.manifest.get("next", len(runs) + 1))
        if ids:
            name = f"run-{serial:06d}-{_tag()}"
            signatures = np.concatenate([s for _, s in self._added])
            write_run(self.folder, name, ids, signatures)
            runs.append(Run.open(self.folder, name, []))
            serial += 1
        start = _merge_from(runs)
        if start is not None:
            merged_ids: list[str] = []
            merged = [np.zeros((0, SIGNATURE_SIZE), dtype=np.uint32)]
            for run in runs[start:]:
                found, signatures = run.live_rows()
                merged_ids += found
                merged.append(signatures)
            log.debug("copies: merging %d runs", len(runs) - start)
            runs[start:] = []
            if merged_ids:
                name = f"run-{serial:06d}-{_tag()}"
                write_run(self.folder, name, merged_ids, np.concatenate(merged))
                runs.append(Run.open(self.folder, name, []))
                serial += 1
        manifest = {
            **self.manifest,
            "runs": [{"name": r.name, "dead": sorted(r.dead)} for r in runs],
            "next": serial,
        }
        _publish(self.folder, manifest)
        self.manifest, self.runs, self._added = manifest, runs, []


def _merge_from(runs: list[Run]) -> int | None:
    """Where the runs to merge start (None: no merge). More than MAX_RUNS runs: the newest
    two, and each older one at most MERGE_RATIO times the size of the newer ones together;
    a run with more rows removed than live is merged too."""
    if len(runs) <= MAX_RUNS and not any(r.live < len(r.dead) for r in runs):
        return None
    start = len(runs) - 2 if len(runs) > MAX_RUNS else len(runs)
    newer = sum(r.live for r in runs[start:])
    while start > 0 and runs[start - 1].live <= MERGE_RATIO * newer:
        start -= 1
        newer += runs[start].live
    worn = [n for n, r in enumerate(runs) if r.live < len(r.dead)]
    start = min([start, *worn])
    return start if len(runs) - start > 1 or worn else None


def _publish(folder: Path, manifest: dict) -> None:
    """Make `manifest` the state (atomically), then remove the files it does not name."""
    jsonfiles.write_json(folder / MANIFEST, manifest)
    named = {manifest["boilerplate"], MANIFEST}
    named |= {f"{r['name']}.{p}.npy" for r in manifest["runs"] for p in _PARTS}
    for path in folder.iterdir():
        if path.name not in named:  # a killed update's, or runs merged away
            path.unlink(missing_ok=True)
