"""The same measurements on two versions of Cari in one run: this checkout against another commit.

Machines are shared and their speed changes from hour to hour, so a figure from one day cannot
be compared with one from another. This runs both versions alternately on the same machine at
the same time, over the shared corpus as one JSONL seed:

- `cari build` of the corpus, each version's own code, alternately (`--builds` each);
- the query mix (`queries.toml`) as full results pages in process, result cache off, once
  untimed (a server's caches are warm) then `--rounds` times, in `--turns` processes of each
  version taking turns. Each query's figure is its best time over all of them (the least
  disturbed by other work on a shared machine); the table gives the median, 95th percentile,
  mean and sum of those over the mix.

It prints the medians and the after/before ratios, and writes `bench/results/ab.json`.

    python -m bench.perf.ab --before 2ea98b4          # about 5 minutes on 2 quiet cores

The other version is checked out in a temporary git worktree and run with PYTHONPATH pointing
at it, so both use this checkout's virtualenv (the dependencies must not differ).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.harness import ROOT, latency_stats, median, table, write_json
from bench.perf.querymix import load_mix, to_request
from search.model import RequestError, SearchRequest
from tests.corpus import CORPUS

# Run inside each version's process: only `search` and the standard library, and both the old
# and the new module layout (SearchEngine moved from search.searcher to search.retrieval.engine).
# The other version must never import a module it lacks: this checkout's editable install
# would supply it, and the "before" figures would be partly this checkout's code.
WORKER = """
import datetime, json, sys, time
try:  # the old layout first: this checkout's editable install would fill in new modules
    from search.searcher import SearchEngine, SearchRequest
except ImportError:
    from search.retrieval.engine import SearchEngine
    from search.model import SearchRequest
index, rounds = sys.argv[1], int(sys.argv[2])
requests = []
for fields in json.load(sys.stdin):
    for key in ("date_from", "date_to"):
        if fields[key]:
            fields[key] = datetime.date.fromisoformat(fields[key])
    fields["officials"], fields["sources"] = tuple(fields["officials"]), tuple(fields["sources"])
    requests.append(SearchRequest(**fields))
engine = SearchEngine(index, cache_size=0)
engine.warm()
answered = {}
for n, request in enumerate(requests):  # once untimed: a server's caches are warm
    try:
        engine.search(request)
        answered[n] = request
    except ValueError:  # a filter a small index cannot answer: the same on both sides
        pass
best = {}
for _ in range(rounds):
    for n, request in answered.items():
        started = time.perf_counter()
        engine.search(request)
        best[n] = min(best.get(n, 1e9), time.perf_counter() - started)
print(json.dumps(best))
"""


def _env(code: Path | None, **extra: str) -> dict[str, str]:
    env = {**os.environ, **extra}
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def _build(code: Path | None, seeds: Path, index: Path) -> float:
    shutil.rmtree(index, ignore_errors=True)
    env = _env(code, CARI_SEEDS_DIR=str(seeds), CARI_INDEX_DIR=str(index))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "search.cli", "build"], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - started


def _pages(code: Path | None, index: Path, requests: str, rounds: int) -> dict[str, float]:
    """Each request's best time (seconds) over `rounds` in one process of that version."""
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(index), str(rounds)],
        input=requests,
        env=_env(code),
        check=True,
        capture_output=True,
        text=True,
        cwd=code or ROOT,
    )
    return json.loads(done.stdout)


def _requests() -> str:
    """The query mix as SearchRequest fields (JSON), as today's parameter parsing reads it:
    the fields the search sets and those every version has, so an older one reads them too."""
    defaults = SearchRequest()
    kept = {"query", "officials", "sources", "date_from", "date_to"}
    fields = []
    for params in load_mix():
        try:
            request = to_request(params)
        except RequestError:
            continue
        item: dict[str, Any] = {
            key: value
            for key, value in dataclasses.asdict(request).items()
            if key in kept or value != getattr(defaults, key)
        }
        for key in ("date_from", "date_to"):
            item[key] = item[key].isoformat() if item[key] else None
        fields.append(item)
    return json.dumps(fields)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the commit to compare with")
    parser.add_argument("--builds", type=int, default=3, help="builds of each version")
    parser.add_argument("--turns", type=int, default=3, help="processes of each version, in turn")
    parser.add_argument("--rounds", type=int, default=5, help="query mix passes per process")
    parser.add_argument("--limit", type=int, help="only the first N corpus records")
    args = parser.parse_args()
    sides: dict[str, Path | None] = {}
    with tempfile.TemporaryDirectory(prefix="cari-ab-") as tmp:
        work = Path(tmp)
        other = work / "before"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(other), args.before],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            sides = {"before": other, "after": None}
            seeds = work / "seeds"
            seeds.mkdir()
            with CORPUS.open(encoding="utf-8") as src, (seeds / "corpus.jsonl").open("w") as dst:
                for n, line in enumerate(src):
                    if args.limit is not None and n >= args.limit:
                        break
                    dst.write(line)
            builds: dict[str, list[float]] = {side: [] for side in sides}
            for n in range(args.builds):
                for side, code in sides.items():
                    builds[side].append(_build(code, seeds, work / f"index-{side}"))
                    print(f"build {n + 1} {side}: {builds[side][-1]:.1f} s", flush=True)
            requests = _requests()
            best: dict[str, dict[str, float]] = {side: {} for side in sides}
            for n in range(args.turns):
                for side, code in sides.items():
                    found = _pages(code, work / f"index-{side}", requests, args.rounds)
                    for key, seconds in found.items():
                        best[side][key] = min(best[side].get(key, seconds), seconds)
                    print(f"query mix, turn {n + 1}, {side}: done", flush=True)
            both = sorted(set(best["before"]) & set(best["after"]), key=int)
            pages = {side: [best[side][key] for key in both] for side in sides}
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, check=False
            )
    figures = {
        side: {"build_s": round(median(builds[side]), 2), **latency_stats(pages[side])}
        for side in sides
    }
    rows: list[list[object]] = []
    for side in sides:
        figures[side]["mix_ms"] = round(sum(pages[side]) * 1000, 1)
    for key in ("build_s", "p50_ms", "p95_ms", "mean_ms", "mix_ms"):
        before, after = figures["before"][key], figures["after"][key]
        rows.append([key, before, after, round(after / before, 3) if before else "-"])
    print(
        table(rows, ["figure", f"before ({args.before})", "after (this checkout)", "after/before"])
    )
    path = write_json("ab", {"before": args.before, "figures": figures, "builds": builds})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
