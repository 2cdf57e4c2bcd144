"""HTTP benchmark: `cari serve` (waitress) under a bounded loopback load of 8 and 32 clients.

Starts `cari serve` on a free 127.0.0.1 port, warms it with the query mix once, then for each
client count runs that many keep-alive clients for --seconds, each cycling through the mix's
results pages (`/?q=...`). Reported: requests/s, latency p50/p95/max, errors, and the server's
resident memory (peak).

    python -m bench.perf.http_load --index DIR [--seconds 10] [--clients 8,32]
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from bench.harness import cari_command, free_port, latency_stats, rss_mb, table, write_json
from bench.perf.querymix import load_mix, to_query_string, usable

MAX_REQUESTS_PER_CLIENT = 5000
DEFAULT_PROCESSES = os.cpu_count() or 1


def _get(conn: http.client.HTTPConnection, path: str) -> int:
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    return response.status


class Server:
    """`cari serve` in a child process, on a free loopback port."""

    def __init__(
        self,
        index_dir: Path,
        threads: int = 4,
        processes: int = 1,
        result_cache: int | None = None,
        env: dict[str, str] | None = None,
        start_s: float = 60,
    ) -> None:
        """`env`: variables set for the server (the engine: CARI_ENGINE, ...); `start_s`: how
        long it may take to answer (it reads the index's facet tables first)."""
        cache = [] if result_cache is None else ["--result-cache", str(result_cache)]
        self.port = free_port()
        self.proc = subprocess.Popen(
            [
                *cari_command(),
                "serve",
                "--index",
                str(index_dir),
                "--port",
                str(self.port),
                "--threads",
                str(threads),
                "--processes",
                str(processes),
                *cache,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        deadline = time.monotonic() + start_s
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                _get(conn, "/")
                conn.close()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise SystemExit(f"cari serve did not answer within {start_s:g} s") from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def tree_rss_mb(pid: int, *, peak: bool = False) -> float:
    """Resident memory of a process and its children (the server's worker processes)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return rss_mb(pid, peak=peak) + sum(rss_mb(int(c), peak=peak) for c in children)


def tree_rss_parts_mb(pid: int) -> dict[str, float]:
    """A process tree's resident memory in its kernel parts, in MB: `anon` (what the server
    allocated: caches, tables, Python objects), `file` (pages of the index files it maps:
    the page cache, which the kernel drops under pressure and reads back) and `shmem`."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    parts = {"anon": 0.0, "file": 0.0, "shmem": 0.0}
    keys = {"RssAnon:": "anon", "RssFile:": "file", "RssShmem:": "shmem"}
    for one in [pid, *map(int, children)]:
        try:
            lines = Path(f"/proc/{one}/status").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            key = line.split(maxsplit=1)[0] if line else ""
            if key in keys:
                parts[keys[key]] += int(line.split()[1]) / 1024
    return parts


def load(port: int, paths: list[str], clients: int, seconds: float, pid: int) -> dict[str, Any]:
    """`clients` keep-alive clients for `seconds`; returns throughput and latencies."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    stop_at = time.perf_counter() + seconds
    start_gate = threading.Barrier(clients + 1)
    peak = [0.0]

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        start_gate.wait()
        i = n
        while time.perf_counter() < stop_at and len(latencies[n]) < MAX_REQUESTS_PER_CLIENT:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                status = _get(conn, path)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            latencies[n].append(time.perf_counter() - started)
            if status != 200:
                errors[n] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    start_gate.wait()
    began = time.perf_counter()
    while any(t.is_alive() for t in threads):
        peak[0] = max(peak[0], tree_rss_mb(pid))
        time.sleep(0.2)
    elapsed = time.perf_counter() - began
    done = sum(len(x) for x in latencies)
    return {
        "clients": clients,
        "requests": done,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(done / elapsed, 1) if elapsed else 0.0,
        "errors": sum(errors),
        "latency": latency_stats([t for x in latencies for t in x]),
        "server_rss_mb": round(peak[0], 1),
    }


def run(
    index_dir: Path,
    *,
    seconds: float = 10.0,
    clients: tuple[int, ...] = (8, 32),
    processes: int = DEFAULT_PROCESSES,
    result_cache: int | None = None,
) -> dict:
    """`result_cache`: the server's --result-cache (None: its default; 0 measures every
    request computed afresh)."""
    from search.retrieval.engine import SearchEngine

    engine = SearchEngine(index_dir)
    mix, _ = usable(engine, load_mix())
    engine.close()
    paths = ["/?" + to_query_string(p) for p in mix]
    server = Server(index_dir, processes=processes, result_cache=result_cache)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        for path in paths:
            _get(conn, path)
        conn.close()
        runs = [load(server.port, paths, c, seconds, server.proc.pid) for c in clients]
        peak = tree_rss_mb(server.proc.pid, peak=True)
    finally:
        server.stop()
    return {
        "paths": len(paths),
        "processes": processes,
        "result_cache": result_cache,
        "runs": runs,
        "server_peak_rss_mb": round(peak, 1),
    }


def report(result: dict[str, Any]) -> str:
    rows = [
        (
            r["clients"],
            r["requests"],
            r["requests_per_second"],
            r["latency"]["p50_ms"],
            r["latency"]["p95_ms"],
            r["latency"]["max_ms"],
            r["errors"],
        )
        for r in result["runs"]
    ]
    text = table(rows, ("clients", "requests", "req/s", "p50 ms", "p95 ms", "max ms", "errors"))
    cache = result.get("result_cache")
    cache_text = "default result cache" if cache is None else f"result cache {cache}"
    return text + (
        f"\nserver: {result['processes']} process(es), {cache_text}, "
        f"peak RSS {result['server_peak_rss_mb']} MB in all"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", default="8,32")
    parser.add_argument(
        "--processes",
        type=int,
        default=DEFAULT_PROCESSES,
        help="cari serve --processes (default: one per core)",
    )
    parser.add_argument(
        "--result-cache",
        type=int,
        default=None,
        help="cari serve --result-cache (0: every request computed afresh)",
    )
    args = parser.parse_args(argv)
    clients = tuple(int(c) for c in args.clients.split(","))
    result = run(
        args.index,
        seconds=args.seconds,
        clients=clients,
        processes=args.processes,
        result_cache=args.result_cache,
    )
    print(report(result))
    print(f"-> {write_json('http', result)}")


if __name__ == "__main__":
    main()
