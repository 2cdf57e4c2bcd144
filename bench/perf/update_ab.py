"""`cari update` with 10 new articles on a large built index: this checkout against another
version of Cari, alternately, in one run (a shared machine's speed changes from hour to hour).

Each version gets its own copy of the index and of its seed folder (hard links). Both first
take one untimed update of 10 (an index of an older version may convert a file then); then,
--rounds times, each adds a new seed of 10 generated articles (`bench/perf/archive.py`,
another generator seed each round, the same for both) and runs `cari update`, timed, the
versions taking turns. The other version runs from its checkout (`--before`, e.g. made with
`git archive COMMIT | tar -x -C DIR`) with this checkout's virtualenv.

    python -m bench.perf.update_ab --index DIR --seeds DIR --before DIR [--rounds 3]

Prints the medians of the wall and of the CPU time (user and system, of the update's process:
what a shared machine's load does not lengthen) and writes bench/results/update-ab.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.harness import ROOT, median, table, write_json
from bench.perf.archive import generate, load_donors

NEW = 10


def _new_seed(seeds: Path, seed: int) -> None:
    donors, sources, weights = load_donors()
    with (seeds / f"arsip-baru-{seed}.jsonl").open("w", encoding="utf-8") as out:
        for record in generate(NEW, donors, sources, weights, seed=seed):
            record["id"] = record["id"].replace("arsip-", f"arsip-baru{seed}-")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _update(tree: Path, seeds: Path, index: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one `cari update`."""
    command = [sys.executable, "-m", "search.cli", "update", "--seeds", str(seeds)]
    env = {**os.environ, "PYTHONPATH": str(tree), "CARI_ENGINE": "whoosh"}
    cpu = _cpu_of_children()
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--index", str(index)], cwd=tree, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"cari update failed ({tree}): {done.stderr[-800:]}")
    return seconds, _cpu_of_children() - cpu


def run(index: Path, seeds: Path, before: Path, work: Path, rounds: int) -> dict[str, Any]:
    trees = {"before": before, "after": ROOT}
    places = {}
    for name in trees:
        place = work / name
        shutil.rmtree(place, ignore_errors=True)
        place.mkdir(parents=True)
        shutil.copytree(index, place / "index", symlinks=True)
        shutil.copytree(seeds, place / "seeds", copy_function=os.link)
        places[name] = place
    for name, tree in trees.items():  # untimed: the same first update for both
        _new_seed(places[name] / "seeds", 100)
        _update(tree, places[name] / "seeds", places[name] / "index")
    times: dict[str, list[float]] = {name: [] for name in trees}
    cpu: dict[str, list[float]] = {name: [] for name in trees}
    for round_ in range(rounds):
        order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
        for name in order:
            _new_seed(places[name] / "seeds", 200 + round_)
            seconds, used = _update(trees[name], places[name] / "seeds", places[name] / "index")
            times[name].append(seconds)
            cpu[name].append(used)
            print(f"round {round_ + 1}, {name}: {seconds:.2f} s, CPU {used:.2f} s", flush=True)
    return {
        "rounds": rounds,
        "new_articles": NEW,
        "before_s": round(median(times["before"]), 2),
        "after_s": round(median(times["after"]), 2),
        "before_cpu_s": round(median(cpu["before"]), 2),
        "after_cpu_s": round(median(cpu["after"]), 2),
        "before_runs_s": [round(t, 2) for t in times["before"]],
        "after_runs_s": [round(t, 2) for t in times["after"]],
        "before_cpu_runs_s": [round(t, 2) for t in cpu["before"]],
        "after_cpu_runs_s": [round(t, 2) for t in cpu["after"]],
        "load_average_at_end": [round(x, 1) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="a built index folder")
    parser.add_argument("--seeds", type=Path, required=True, help="its seed folder")
    parser.add_argument("--before", type=Path, required=True, help="the other version's tree")
    parser.add_argument("--work", type=Path, required=True, help="where the copies go")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(args.index, args.seeds, args.before, args.work, args.rounds)
    print(
        table(
            [
                ("cari update, 10 new, s", result["before_s"], result["after_s"]),
                ("its CPU, s", result["before_cpu_s"], result["after_cpu_s"]),
            ],
            (f"median of {args.rounds}", "before", "after"),
        )
    )
    print(f"wrote {write_json('update-ab', result)}")


if __name__ == "__main__":
    main()
