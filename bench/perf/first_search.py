"""A fresh process on a kept index: how long `cari serve` takes to answer its first
/api/search (its start), and how long the first results page of a fresh process takes (the
index opened, then one page of the query mix, in process). Each tree given runs its own code
(`python -m` from that folder imports its `search`), the trees taking turns round after round
so they meet the same machine; medians over the rounds.

    git archive main | tar -x -C /tmp/base
    python -m bench.perf.first_search --index INDEX --tree /tmp/base --tree . [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import json
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

from bench.harness import free_port, median, table
from bench.perf.http_load import tree_rss_mb

QUERY = "pelayanan publik"
START_LIMIT_S = 900.0

# Run in the tree's folder: the first page of a fresh process, wall and CPU seconds.
FIRST_PAGE = """
import json, sys, time
from pathlib import Path
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
at, cpu_at = time.perf_counter(), time.process_time()
engine = SearchEngine(Path(sys.argv[1]), cache_size=0)
engine.search(SearchRequest(sys.argv[2]))
print(json.dumps([time.perf_counter() - at, time.process_time() - cpu_at]))
"""


def server_start(tree: Path, index: Path, query: str) -> tuple[float, float]:
    """Seconds from starting `cari serve` (in `tree`) to its first answered search, and its
    resident memory then (MB)."""
    port = free_port()
    at = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "search.cli", "serve", "--index", str(index), "--port", str(port)],
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    path = "/api/search?" + urllib.parse.urlencode({"q": query})
    try:
        while time.perf_counter() - at < START_LIMIT_S:
            if proc.poll() is not None:
                raise SystemExit(f"cari serve in {tree} ended with {proc.returncode}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=START_LIMIT_S)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status == 200:
                    return time.perf_counter() - at, tree_rss_mb(proc.pid)
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"cari serve in {tree} did not answer within {START_LIMIT_S:g} s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def first_page(tree: Path, index: Path, query: str) -> tuple[float, float]:
    """Wall and CPU seconds of a fresh process (in `tree`) opening the index and answering
    one results page."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_PAGE, str(index), query],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    wall, cpu = json.loads(out.splitlines()[-1])
    return wall, cpu


def run(trees: list[Path], index: Path, rounds: int, query: str) -> dict[str, Any]:
    found: dict[str, dict[str, list[float]]] = {
        str(t): {"start_s": [], "rss_mb": [], "page_s": [], "page_cpu_s": []} for t in trees
    }
    for _ in range(rounds):
        for tree in trees:
            figures = found[str(tree)]
            start, rss = server_start(tree, index, query)
            wall, cpu = first_page(tree, index, query)
            figures["start_s"].append(start)
            figures["rss_mb"].append(rss)
            figures["page_s"].append(wall)
            figures["page_cpu_s"].append(cpu)
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument(
        "--tree", type=Path, action="append", required=True, help="a source tree (repeatable)"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--query", default=QUERY)
    parser.add_argument("--out", type=Path, help="the timings as JSON")
    args = parser.parse_args(argv)
    trees = [t.resolve() for t in args.tree]
    found = run(trees, args.index.resolve(), args.rounds, args.query)
    rows = []
    for tree, figures in found.items():
        rows.append(
            [
                tree,
                *(f"{median(figures[k]):.2f}" for k in ("start_s", "page_s", "page_cpu_s")),
                f"{median(figures['rss_mb']):.0f}",
                " ".join(f"{v:.2f}" for v in figures["start_s"]),
                " ".join(f"{v:.2f}" for v in figures["page_s"]),
            ]
        )
    header = ["tree", "start s", "first page s", "its CPU s", "RSS MB", "starts", "pages"]
    print(table(rows, header))
    if args.out:
        args.out.write_text(json.dumps(found, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
