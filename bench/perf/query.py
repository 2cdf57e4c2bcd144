"""Query benchmark: the fixed query mix, in-process, for the full results page (hits, snippets,
facets, suggestion), against the FTS5 peer over the same tokens, measured in the same run.

Each round runs every query once on Cari then once on FTS5 (interleaved, so both see the same
machine load). Reported: p50/p95/max per engine, Cari/FTS5 ratios (of the p50s, and the median
of the per-query ratios), the slowest queries, and the profile's top entries for one pass.

    python -m bench.perf.query --index DIR --peer-db FILE [--rounds 5]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path
from typing import Any

from bench.harness import latency_stats, median, table, write_json
from bench.perf.querymix import label, load_mix, to_request, usable


def profile_top(fn: Any, n: int = 15) -> list[str]:
    """The top `n` entries (by own time) of a cProfile of `fn()`, as printable lines."""
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(n)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
    return [line.replace(str(Path(sys.prefix)), "<venv>") for line in lines[start:] if line.strip()]


def run(
    index_dir: Path, peer_db: Path | None, *, rounds: int = 5, profile: bool = True
) -> dict[str, Any]:
    from search.retrieval.engine import SearchEngine

    engine = SearchEngine(index_dir, cache_size=0)  # every search computed: no result cache
    mix, skipped = usable(engine, load_mix())
    requests = [engine_request(engine, p) for p in mix]
    peer = None
    if peer_db is not None:
        from bench.perf.peer import Peer

        peer = Peer(peer_db)
    # Warm-up: open searchers, load columns, fill caches (not timed).
    for request in requests:
        engine.search(request)
        if peer:
            peer.search(request)
    cari_times: list[list[float]] = [[] for _ in requests]
    peer_times: list[list[float]] = [[] for _ in requests]
    totals: list[int] = [0] * len(requests)
    for _ in range(rounds):
        for i, request in enumerate(requests):
            started = time.perf_counter()
            result = engine.search(request)
            cari_times[i].append(time.perf_counter() - started)
            totals[i] = result.total
            if peer:
                started = time.perf_counter()
                peer.search(request)
                peer_times[i].append(time.perf_counter() - started)
    cari_all = [t for ts in cari_times for t in ts]
    result: dict[str, Any] = {
        "queries": len(requests),
        "skipped": skipped,
        "rounds": rounds,
        "cari": latency_stats(cari_all),
        "per_query": [
            {
                "query": label(p),
                "total": totals[i],
                "cari_ms": round(median(cari_times[i]) * 1000, 3),
                "fts5_ms": round(median(peer_times[i]) * 1000, 3) if peer else None,
            }
            for i, p in enumerate(mix)
        ],
    }
    if peer:
        peer_all = [t for ts in peer_times for t in ts]
        result["fts5"] = latency_stats(peer_all)
        ratios = [
            median(c) / median(f) for c, f in zip(cari_times, peer_times, strict=True) if median(f)
        ]
        result["ratio_p50"] = round(result["cari"]["p50_ms"] / result["fts5"]["p50_ms"], 2)
        result["ratio_p95"] = round(result["cari"]["p95_ms"] / result["fts5"]["p95_ms"], 2)
        result["ratio_median_per_query"] = round(median(ratios), 2)
        peer.close()

    def one_pass() -> None:
        for request in requests:
            engine.search(request)

    result["profile_top"] = profile_top(one_pass) if profile else []
    engine.close()
    return result


def engine_request(engine: Any, params: dict[str, Any]) -> Any:
    """The request with its officials resolved (the peer needs index spellings)."""
    from dataclasses import replace

    request = to_request(params)
    return replace(request, officials=engine.resolve_officials(request.officials))


def report(result: dict[str, Any]) -> str:
    c, f = result["cari"], result.get("fts5")
    rows = [("Cari", c["p50_ms"], c["p95_ms"], c["max_ms"], c["n"])]
    if f:
        rows.append(("FTS5", f["p50_ms"], f["p95_ms"], f["max_ms"], f["n"]))
        rows.append(("Cari / FTS5", result["ratio_p50"], result["ratio_p95"], "", ""))
    text = table(rows, ("results page", "p50 ms", "p95 ms", "max ms", "samples"))
    if f:
        text += f"\nmedian per-query ratio Cari/FTS5: {result['ratio_median_per_query']}x"
    slow = sorted(result["per_query"], key=lambda q: -q["cari_ms"])[:5]
    text += "\nslowest queries (median ms): " + "; ".join(
        f"{q['query']} {q['cari_ms']:.1f}" for q in slow
    )
    if result["skipped"]:
        text += f"\nskipped (official not in this index): {len(result['skipped'])}"
    return text


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--peer-db", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="Print the profile's top entries.")
    args = parser.parse_args(argv)
    result = run(args.index, args.peer_db, rounds=args.rounds)
    print(report(result))
    if args.profile:
        print("\n".join(result["profile_top"]))
    print(f"-> {write_json('query', result)}")


if __name__ == "__main__":
    main()
