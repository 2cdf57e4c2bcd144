"""`cari build` of one seed folder: this checkout against another version of Cari, the two
taking turns in one run (a shared machine's speed changes from minute to minute), then the
query mix on both indexes: the same results, or the differences.

Each round builds the folder once with each version (which goes first alternates), timed,
with the CPU time of all its processes and the peak memory of its process tree (sampled every
0.2 s). The other version runs from its checkout (`--before`, e.g. made with
`git archive COMMIT | tar -x -C DIR`) with this checkout's virtualenv. The two last indexes
are then searched with this checkout's code, every request of the query mix
(`bench/perf/queries.toml`): the JSON of each result (hits, scores, totals, facets, timeline;
times and `indexed_at` left out) must be the same.

    python -m bench.perf.build_ab --seeds DIR --before DIR [--rounds 3] [--work DIR]

Prints the medians and writes bench/results/build-ab.json.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from bench.harness import ROOT, median, run_sampled, table, work_dir, write_json
from bench.perf.query import engine_request
from bench.perf.querymix import label, load_mix, usable

# Keys of a result's JSON that differ between two builds of the same seeds.
_VARYING = {"seconds", "took_ms", "indexed_at"}


def _build(tree: Path, seeds: Path, index: Path) -> dict[str, float]:
    """One `cari build` by the code in `tree`: wall and CPU seconds, peak MB of its tree."""
    shutil.rmtree(index, ignore_errors=True)
    command = [sys.executable, "-m", "search.cli", "build", "--seeds", str(seeds)]
    env = {"PYTHONPATH": str(tree), "CARI_ENGINE": "whoosh"}
    found = run_sampled([*command, "--index", str(index)], env, cwd=tree)
    return {k: found[k] for k in ("seconds", "cpu_seconds", "tree_peak_mb")}


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in _VARYING}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _results(index: Path) -> list[tuple[str, Any]]:
    from search.retrieval.engine import SearchEngine

    engine = SearchEngine(index, cache_size=0)
    try:
        mix, _ = usable(engine, load_mix())
        return [
            (label(p), _comparable(engine.search(engine_request(engine, p)).to_json())) for p in mix
        ]
    finally:
        engine.close()


def run(seeds: Path, before: Path, work: Path, rounds: int) -> dict[str, Any]:
    trees = {"before": before, "after": ROOT}
    builds: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for n in range(rounds):
        for name in list(trees)[:: 1 if n % 2 == 0 else -1]:
            figures = _build(trees[name], seeds, work / f"{name}-index")
            builds[name].append(figures)
            print(
                f"round {n + 1} {name}: {figures['seconds']:.1f} s,"
                f" CPU {figures['cpu_seconds']:.1f} s, peak {figures['tree_peak_mb']:.0f} MB",
                flush=True,
            )
    found = {name: _results(work / f"{name}-index") for name in trees}
    differ = [q for (q, a), (_, b) in zip(found["before"], found["after"], strict=True) if a != b]
    return {
        "seeds": str(seeds),
        "before": str(before),
        "rounds": rounds,
        "builds": builds,
        "medians": {
            name: {key: median([b[key] for b in runs]) for key in runs[0]}
            for name, runs in builds.items()
        },
        "queries_compared": len(found["after"]),
        "queries_differing": differ,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, required=True, help="the seed folder built")
    parser.add_argument("--before", type=Path, required=True, help="the other version's tree")
    parser.add_argument("--rounds", type=int, default=3, help="builds of each version")
    parser.add_argument("--work", type=Path, help="folder for the two indexes (kept)")
    args = parser.parse_args(argv)
    with work_dir(args.work, "cari-build-ab-") as work:
        result = run(args.seeds.resolve(), args.before.resolve(), Path(work), args.rounds)
    medians = result["medians"]
    rows = []
    for key in ("seconds", "cpu_seconds", "tree_peak_mb"):
        before, after = medians["before"][key], medians["after"][key]
        rows.append([key, round(before, 1), round(after, 1), round(after / before, 3)])
    print(table(rows, ["median", "before", "after (this checkout)", "after/before"]))
    print(
        f"query mix: {result['queries_compared']} requests,"
        f" {len(result['queries_differing'])} differing {result['queries_differing'][:5]}"
    )
    print(f"wrote {write_json('build-ab', result)}")


if __name__ == "__main__":
    main()
