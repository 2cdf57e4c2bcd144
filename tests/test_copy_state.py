"""The copies state on disk (search/indexing/copy_state.py): updates that append to it find the
same copies as over every signature held in memory, an older index's `copies.npz` is
converted, and a state killed while it is written is the one before or the one after."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from search.indexing import copy_state
from search.indexing.build import build
from search.indexing.copies import (
    CopyIndex,
    find_copies,
    stored_fingerprint,
    update_copies,
    update_generation,
)
from search.indexing.copy_state import CopyState
from search.indexing.store import require_live
from search.indexing.update import update
from search.text.shingles import SIGNATURE_SIZE, sharing_a_band
from tests.conftest import GOLD, KUDUS, OTHER, PUPUK, copy_test_records, write_jsonl
from tests.corpus import records

pytestmark = pytest.mark.corpus


def _fields(record: dict) -> dict[str, Any]:
    """An article's stored fields, as copy detection reads them."""
    return {
        "id": record["id"],
        "title": record.get("title") or "",
        "body": record.get("body") or "",
        "date": (record.get("date") or "")[:10],
        "source": record.get("source"),
    }


class StoredArticles:
    """What `update_generation` asks of a searcher: the indexed articles' stored fields."""

    def __init__(self, fields: dict[str, dict[str, Any]]) -> None:
        self.fields = dict(fields)

    def document(self, id: str) -> dict[str, Any] | None:
        return self.fields.get(id)

    def all_stored_fields(self) -> list[dict[str, Any]]:
        return list(self.fields.values())


def test_updates_appended_find_the_copies_found_over_every_signature_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Corpus articles indexed, then added, re-indexed and removed a batch at a time: after
    each update, the runs on disk (merged as they pile up) hold the same articles and
    signatures, and find the same copies, as the whole state read, updated and written."""
    monkeypatch.setattr(copy_state, "MAX_RUNS", 3)
    corpus = [_fields(r) for r in records(limit=3000)]
    base = [f for n, f in enumerate(corpus[:2000]) if n % 5]
    later = [f for n, f in enumerate(corpus[:2000]) if not n % 5] + corpus[2000:]
    stored = StoredArticles({f["id"]: f for f in base})
    whole = find_copies(stored_fingerprint(f) for f in base)
    whole.save(tmp_path)
    rng = random.Random(20)
    found_by_updates = 0
    for step in range(0, len(later), 125):
        added = later[step : step + 125]
        indexed = list(stored.fields)
        changed = [
            {**stored.fields[i], "body": " ".join(reversed(stored.fields[i]["body"].split()))}
            for i in rng.sample(indexed, 3)
        ]
        removed = rng.sample([i for i in indexed if i not in {c["id"] for c in changed}], 4)
        articles = [stored_fingerprint(f) for f in added + changed]
        before = set(whole.pairs)
        whole = update_copies(whole, articles, removed, stored.document)
        update_generation(tmp_path, stored, articles, removed)
        for gone in removed:
            del stored.fields[gone]
        stored.fields.update({f["id"]: f for f in added + changed})

        on_disk = CopyIndex.load(tmp_path)
        assert on_disk is not None
        assert on_disk.pairs == whole.pairs
        assert dict(zip(on_disk.ids, map(tuple, on_disk.signatures), strict=True)) == dict(
            zip(whole.ids, map(tuple, whole.signatures), strict=True)
        )
        assert len(on_disk.ids) == len(stored.fields)
        found_by_updates += len(whole.pairs - before)
    state = CopyState.open(tmp_path)
    assert state is not None and len(state.runs) <= copy_state.MAX_RUNS
    assert found_by_updates >= 5, "the updates found too few copies to compare"


def test_a_band_lookup_finds_what_comparing_every_signature_finds(tmp_path: Path):
    signatures = np.random.default_rng(7).integers(0, 50, (3000, SIGNATURE_SIZE), dtype=np.uint32)
    ids = [f"a{n}" for n in range(len(signatures))]
    CopyState.create(tmp_path, ids, signatures, np.zeros(0, dtype=np.uint64))
    state = CopyState.open(tmp_path)
    assert state is not None
    wanted = signatures[:40] ^ (np.arange(SIGNATURE_SIZE) % 3 == 0).astype(np.uint32)
    for (found, rows), signature in zip(state.sharing_a_band(wanted), wanted, strict=True):
        expected = [ids[j] for j in np.flatnonzero(sharing_a_band(signatures, signature))]
        assert sorted(found) == sorted(expected) and len(expected) > 1
        assert np.array_equal(rows, signatures[[int(i[1:]) for i in found]])


def test_an_index_of_an_older_cari_is_converted_by_its_first_update(tmp_path: Path):
    copies = copy_test_records()
    seeds, index_dir = tmp_path / "seeds", tmp_path / "index"
    seeds.mkdir()
    first = [copies[i] for i in (PUPUK[0], *KUDUS, *GOLD, *OTHER)]
    write_jsonl(seeds / "corpus.jsonl", first)
    build(seeds, index_dir)
    generation = require_live(index_dir).path
    # The layout before the copies state: every signature in one copies.npz, the pairs found
    # in copies.json.
    built = CopyIndex.load(generation)
    assert built is not None and {frozenset(g) for g in built.groups} == {frozenset(KUDUS)}
    shutil.rmtree(generation / copy_state.FOLDER)
    np.savez(
        generation / "copies.npz",
        ids=np.array(built.ids, dtype=str),
        signatures=built.signatures,
        boilerplate=built.boilerplate,
    )
    legacy = CopyIndex.load(generation)
    assert legacy is not None and legacy.pairs == built.pairs and legacy.ids == built.ids
    write_jsonl(seeds / "corpus.jsonl", [*first, copies[PUPUK[1]]])
    report = update(seeds, index_dir)
    assert report.added == [PUPUK[1]] and report.rebuilt is None
    assert not (generation / "copies.npz").exists()
    after = CopyIndex.load(generation)
    assert after is not None
    assert after.pairs >= built.pairs
    assert {frozenset(g) for g in after.groups} == {frozenset(PUPUK), frozenset(KUDUS)}
    assert sorted(after.ids) == sorted(copies[i]["id"] for i in (*PUPUK, *KUDUS, *GOLD, *OTHER))


def _signature(k: int) -> np.ndarray:
    return np.random.default_rng(k + 1000).integers(
        0, 1 << 31, (1, SIGNATURE_SIZE), dtype=np.uint32
    )


def _live(state: CopyState) -> dict[str, tuple[int, ...]]:
    ids, signatures = state.rows()
    return {i: tuple(s) for i, s in zip(ids, signatures.tolist(), strict=True)}


def _expected(k: int) -> dict[str, tuple[int, ...]]:
    """The state after step k: the base, and the last three articles added (each step adds
    one and removes the one added three steps before)."""
    found = {f"b{n}": tuple(_signature(-1 - n)[0].tolist()) for n in range(50)}
    found |= {f"a{j}": tuple(_signature(j)[0].tolist()) for j in range(max(1, k - 2), k + 1)}
    return found


def _steps(folder: Path) -> None:
    """Append forever (a child process, until it is killed), merging runs as they pile up."""
    copy_state.MAX_RUNS = 3
    while True:
        state = CopyState.open(folder)
        assert state is not None
        k = max([int(i[1:]) for i in _live(state) if i.startswith("a")] or [0]) + 1
        state.remove([f"a{k - 3}"])
        state.add([f"a{k}"], _signature(k))
        state.commit()


def test_a_state_killed_while_it_is_written_is_the_one_before_or_after(tmp_path: Path):
    base = np.concatenate([_signature(-1 - n) for n in range(50)])
    CopyState.create(tmp_path, [f"b{n}" for n in range(50)], base, np.zeros(0, np.uint64))
    seed = int(os.environ.get("CARI_FAULT_SEED", time.time_ns() % 10**6))
    rng = random.Random(seed)
    steps = 0
    rounds = 0
    # 15 kills, and more (up to 60) while a loaded machine has let the writer make little
    # progress: the kills must land while it writes, not before its first commit.
    while rounds < 15 or (steps < 5 and rounds < 60):
        rounds += 1
        pid = os.fork()
        if pid == 0:  # pragma: no cover (the child is killed)
            try:
                _steps(tmp_path)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.1, 0.6))
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL, "the writer failed"
        state = CopyState.open(tmp_path)
        assert state is not None
        live = _live(state)
        # Killed before its first commit (a loaded machine), the writer left the base.
        k = max([int(i[1:]) for i in live if i.startswith("a")] or [0])
        assert live == _expected(k), f"a mixed state after step {k} (CARI_FAULT_SEED={seed})"
        steps = k
    assert steps >= 5, "the writer made too little progress to be killed while writing"
    # The next update removes what killed ones left.
    state = CopyState.open(tmp_path)
    assert state is not None
    state.add(["z"], _signature(10**6))
    state.commit()
    named = {state.manifest["boilerplate"], copy_state.MANIFEST}
    named |= {f"{r.name}.{p}.npy" for r in state.runs for p in copy_state._PARTS}
    assert {p.name for p in (tmp_path / copy_state.FOLDER).iterdir()} == named
