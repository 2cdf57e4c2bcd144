"""The query mix's full results pages on a kept index, in process, result cache off: wall and
CPU time a page (each query's median over the rounds; p50/p95 over every timing), and every
page as JSON without its time, to check that a change gives the same pages.

Run it once per version in one sitting, each from its own tree (an export of the other:
`git archive REV | tar -x -C DIR`; `python -m` imports `search` from the working directory
before PYTHONPATH), so both meet the same machine:

    (cd DIR && python -m bench.perf.pages --index INDEX --out before.json [--cold])
    python -m bench.perf.pages --index INDEX --out after.json --compare before.json

With `--cold`, decoded postings are dropped before each search (search.retrieval.postings
.clear_cache). `--compare` exits 1 when a page differs from the file's.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.harness import latency_stats, median
from bench.perf.querymix import label, load_mix, to_request


def run(index: Path, rounds: int, *, cold: bool = False) -> dict[str, Any]:
    from search.retrieval.engine import SearchEngine
    from search.retrieval.postings import clear_cache

    started = time.perf_counter()
    engine = SearchEngine(index, cache_size=0)
    requests = []
    for params in load_mix():
        request = to_request(params)
        officials = engine.resolve_officials(request.officials)
        requests.append((label(params), replace(request, officials=officials)))
    pages = {}
    for name, request in requests:  # once untimed: a server's caches are warm
        page = engine.search(request).to_json()
        page.pop("took_ms")
        pages[name] = page
    first = time.perf_counter() - started
    wall: dict[str, list[float]] = {name: [] for name, _ in requests}
    cpu: dict[str, list[float]] = {name: [] for name, _ in requests}
    for _ in range(rounds):
        for name, request in requests:
            if cold:
                clear_cache()
            at, cpu_at = time.perf_counter(), time.process_time()
            engine.search(request)
            wall[name].append(time.perf_counter() - at)
            cpu[name].append(time.process_time() - cpu_at)
    engine.close()
    return {
        "index": str(index),
        "rounds": rounds,
        "cold": cold,
        "first_pass_s": round(first, 1),
        "wall": latency_stats([t for ts in wall.values() for t in ts]),
        "cpu": latency_stats([t for ts in cpu.values() for t in ts]),
        "per_query_ms": {
            name: [round(median(wall[name]) * 1000, 2), round(median(cpu[name]) * 1000, 2)]
            for name in wall
        },
        "pages": pages,
    }


def differing(pages: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """The queries whose pages are not the same in both."""
    return sorted(
        name for name in pages.keys() | other.keys() if pages.get(name) != other.get(name)
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="drop decoded postings each search")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="a file of another run: the same pages?")
    args = parser.parse_args(argv)
    result = run(args.index, args.rounds, cold=args.cold)
    import search  # `python -m` puts the working directory first: say which tree ran

    print(f"search from {Path(search.__file__).parent}")
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        f"{len(result['pages'])} pages, {args.rounds} rounds{' cold' if args.cold else ''}:"
        f" wall p50/p95 {result['wall']['p50_ms']}/{result['wall']['p95_ms']} ms,"
        f" CPU {result['cpu']['p50_ms']}/{result['cpu']['p95_ms']} ms"
    )
    if args.compare:
        other = json.loads(args.compare.read_text(encoding="utf-8"))["pages"]
        found = differing(result["pages"], other)
        print(f"pages differing from {args.compare}: {len(found)} {found[:10]}")
        sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
