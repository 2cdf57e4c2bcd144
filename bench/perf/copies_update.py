"""The copies step of `cari update` as the archive grows: finding the copies of 10 new articles
against N indexed ones, and saving them.

For each N, the copy state of N generated articles (`bench/perf/archive.py`) is found once, as
a build finds it, and written both ways: as the copies state an update appends to
(`search.indexing.copy_state`, `copies/`), and as the single `copies.npz` that Cari read and
rewrote whole at every update before it. Then, --rounds times, 10 new articles (another
generator seed each round) are added to each, timed: "appended" is `update_generation` as
`cari update` runs it; "whole" reads `copies.npz`, finds the copies in memory
(`update_copies`) and writes the file again. Both find the same pairs (checked).

    python -m bench.perf.copies_update --articles 100000,300000 [--rounds 3] [--keep DIR]

Prints a table and writes bench/results/copies-update.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.harness import dir_size_mb, median, table, work_dir, write_json
from bench.perf.archive import generate, load_donors
from search import jsonfiles
from search.indexing.copies import (
    GROUPS_FILE,
    CopyIndex,
    find_copies,
    groups_of,
    stored_fingerprint,
    update_copies,
    update_generation,
)

NEW = 10


class StoredRecords:
    """The generated articles' stored fields, read back from a JSONL file by id (what an
    update asks of its searcher)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offsets: dict[str, int] = {}
        self._out = path.open("ab")

    def add(self, fields: dict[str, Any]) -> None:
        self.offsets[fields["id"]] = self._out.tell()
        self._out.write(json.dumps(fields, ensure_ascii=False).encode() + b"\n")

    def close(self) -> None:
        self._out.flush()

    def document(self, id: str) -> dict[str, Any] | None:
        at = self.offsets.get(id)
        if at is None:
            return None
        with self.path.open("rb") as handle:
            handle.seek(at)
            return json.loads(handle.readline())

    def all_stored_fields(self) -> list[dict[str, Any]]:
        raise RuntimeError("the copies state is there: not asked")


def _fields(record: dict[str, str]) -> dict[str, Any]:
    return {**record, "date": record["date"][:10]}


def _save_whole(copies: CopyIndex, folder: Path) -> None:
    """The copies as Cari saved them before the copies state (copies.npz, copies.json)."""
    state = folder / "copies.npz"
    partial = state.with_name(state.name + ".partial.npz")
    np.savez(
        partial,
        ids=np.array(copies.ids, dtype=str),
        signatures=copies.signatures,
        boilerplate=copies.boilerplate,
    )
    partial.replace(state)
    pairs = sorted(copies.pairs)
    jsonfiles.write_json(
        folder / GROUPS_FILE,
        {"groups": groups_of(pairs), "pairs": [list(p) for p in pairs]},
        ensure_ascii=False,
    )


def _whole_update(folder: Path, stored: StoredRecords, articles: list, removed: list) -> None:
    with np.load(folder / "copies.npz") as state:
        ids = [str(i) for i in state["ids"]]
        rows, common = state["signatures"], state["boilerplate"]
    pairs = jsonfiles.read_dict(folder / GROUPS_FILE).get("pairs", [])
    copies = CopyIndex(ids, rows, common, {(a, b) for a, b in pairs})
    _save_whole(update_copies(copies, articles, removed, stored.document), folder)


def run(articles: int, rounds: int, work: Path) -> dict[str, Any]:
    donors, sources, weights = load_donors()
    stored = StoredRecords(work / f"records-{articles}.jsonl")
    started = time.perf_counter()

    def prints():
        for record in generate(articles, donors, sources, weights):
            fields = _fields(record)
            stored.add(fields)
            yield stored_fingerprint(fields)

    copies = find_copies(prints())
    stored.close()
    found_s = time.perf_counter() - started
    appended, whole = work / f"appended-{articles}", work / f"whole-{articles}"
    appended.mkdir()
    whole.mkdir()
    copies.save(appended)
    _save_whole(copies, whole)
    times: dict[str, list[float]] = {"appended": [], "whole": []}
    for round_ in range(rounds):
        new = []
        for record in generate(NEW, donors, sources, weights, seed=7 + round_):
            fields = _fields({**record, "id": record["id"].replace("arsip-", f"baru{round_}-")})
            new.append(fields)
        fingerprints = [stored_fingerprint(f) for f in new]
        for name, folder, step in (
            ("whole", whole, _whole_update),
            ("appended", appended, update_generation),
        ):
            started = time.perf_counter()
            step(folder, stored, fingerprints, [])
            times[name].append(time.perf_counter() - started)
        for fields in new:
            stored.add(fields)
        stored.close()
        same = CopyIndex.load(appended)
        assert same is not None
        assert same.pairs == {tuple(p) for p in jsonfiles.read_dict(whole / GROUPS_FILE)["pairs"]}
    return {
        "articles": articles,
        "pairs": len(copies.pairs),
        "find_s": round(found_s, 1),
        "whole_s": round(median(times["whole"]), 3),
        "appended_s": round(median(times["appended"]), 3),
        "whole_runs_s": [round(t, 3) for t in times["whole"]],
        "appended_runs_s": [round(t, 3) for t in times["appended"]],
        "whole_mb": round(dir_size_mb(whole), 1),
        "appended_mb": round(dir_size_mb(appended / "copies"), 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", default="100000", help="N, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the work files here")
    args = parser.parse_args(argv)
    results = []
    with work_dir(args.keep, "cari-copies-") as work:
        for articles in (int(n) for n in args.articles.split(",")):
            results.append(run(articles, args.rounds, work))
            row = results[-1]
            print(
                f"{articles:,}: whole {row['whole_s']} s, appended {row['appended_s']} s",
                flush=True,
            )
    print(
        table(
            [
                (
                    f"{r['articles']:,}",
                    r["pairs"],
                    r["whole_s"],
                    r["appended_s"],
                    r["whole_mb"],
                    r["appended_mb"],
                )
                for r in results
            ],
            (
                "articles",
                "pairs",
                f"whole, s (median of {args.rounds})",
                "appended, s",
                "copies.npz+json, MB",
                "copies/, MB",
            ),
        )
    )
    print(f"wrote {write_json('copies-update', {'rounds': args.rounds, 'results': results})}")


if __name__ == "__main__":
    main()
