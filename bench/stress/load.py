"""Load: the waitress server under concurrent loopback clients while the index is rewritten.

Starts `cari serve` on a free loopback port over an index of real articles, then runs CLIENTS
threads (each its own keep-alive connection) through a mix of searches, filters, paging,
hostile queries and article pages, until REQUESTS requests are done or SECONDS have passed
(but not before one rewrite of the index has gone live, and never past 3 x SECONDS).
Meanwhile `cari update` (or `cari build` where update does not exist) runs again and again on
the same index, with new and changed seeds each time. Prints requests, errors, status counts
and latency percentiles, and writes them as JSON. Errors are any failed connection, any 5xx,
and any status a request should not get; the exit code is 1 when there was one.

    python -m bench.stress.load            # 2,000 corpus articles, 32 clients, 3,000 requests
    python -m bench.stress.load --quick    # 200 articles, 32 clients, 400 requests
    python -m bench.stress.load --seeds seeds --clients 64 --requests 10000 --seconds 120

No assertion on time: the figures are for people and for the JSON record.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from bench.harness import (
    RESULTS_DIR,
    cari_command,
    cari_commands,
    free_port,
    percentile,
    write_txt_seeds,
)
from tests.corpus import records

RESULTS = RESULTS_DIR / "load.json"

WORDS = [
    "pelayanan",
    "birokrasi",
    "presiden",
    "jokowi",
    "korupsi",
    "pemilu",
    "banjir",
    "kpk",
    "dpr",
    "ekonomi",
    "gubernur",
    "dilayani",
    "reformasi birokrasi",
    '"pelayanan publik"',
    "pendidikan -sekolah",
    "kebakaran hutan",
]
HOSTILE = [
    "a" * 10_000,
    " ".join(f"kata{i}" for i in range(3_000)),
    " ".join(f"-kata{i}" for i in range(2_000)),
    "*",
    "a*",
    "(" * 3_000 + "pemilu" + ")" * 3_000,
    "\u202e\u200fpelayanan\u200d🔥\x00",
    '"><script>alert(1)</script>',
]


@dataclass
class Window:
    """How long the load lasts: REQUESTS requests or SECONDS, whichever comes first, but never
    ending before a rewrite of the index has gone live (so the load sees a swap), and never
    past three times SECONDS."""

    requests: int
    deadline: float
    hard_deadline: float
    swapped: threading.Event = field(default_factory=threading.Event)

    def more(self, issued: int) -> bool:
        now = time.monotonic()
        if now >= self.hard_deadline:
            return False
        return (issued < self.requests and now < self.deadline) or not self.swapped.is_set()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    issued: int = 0

    def take(self, window: Window) -> bool:
        """Whether to send one more request (and count it)."""
        with self.lock:
            if not window.more(self.issued):
                return False
            self.issued += 1
            return True

    def record(self, kind: str, seconds: float, status: int | str, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_kind.setdefault(kind, []).append(seconds)
            self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
            if error:
                self.errors.append(error)


def request_mix(rng: random.Random, ids: list[str]) -> tuple[str, str, tuple[int, ...]]:
    """One request: its kind, its path and the statuses it may get."""
    roll = rng.random()
    if roll < 0.10:
        return "hostile", "/api/search?" + urlencode({"q": rng.choice(HOSTILE)}), (200,)
    if roll < 0.20 and ids:
        # Articles can vanish between two generations: 404 is a right answer then.
        prefix = rng.choice(("/articles/", "/api/articles/"))
        return "article", prefix + quote(rng.choice(ids), safe=""), (200, 404)
    params: dict[str, str] = {"q": rng.choice(WORDS)}
    if rng.random() < 0.2:
        params.update({"from": "2019-01", "to": "2019-12-31"})
    if rng.random() < 0.2:
        params["sort"] = rng.choice(("newest", "oldest"))
    expected: tuple[int, ...] = (200,)
    if rng.random() < 0.2:
        # A page past the last is refused with a 400 naming the last page: a right answer
        # for a word with few matches (and the index changes between generations).
        params["page"] = str(rng.randint(2, 4))
        expected = (200, 400)
    path = "/" if rng.random() < 0.5 else "/api/search"
    return "search", f"{path}?{urlencode(params)}", expected


def client(port: int, tally: Tally, window: Window, seed: int, ids: list[str]) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while tally.take(window):
        kind, path, expected = request_mix(rng, ids)
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            status: int | str = response.status
            error = None if status in expected else f"{status} for {path[:120]}"
        except (OSError, http.client.HTTPException) as exc:
            status, error = type(exc).__name__, f"{type(exc).__name__} for {path[:120]}: {exc}"
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        tally.record(kind, time.perf_counter() - started, status, error)
    conn.close()


def wait_until_serving(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"cari serve exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"cari serve did not listen on port {port} within {seconds:.0f}s")


def sample_ids(port: int) -> list[str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/api/search?q=&size=100")
    hits = json.loads(conn.getresponse().read())["hits"]
    conn.close()
    return [h["id"] for h in hits]


def rewrite_loop(
    command: str, env: dict[str, str], seeds: Path, stop: threading.Event, window: Window
) -> list:
    """Run `cari <command>` again and again until stopped, adding and editing seeds between
    runs so that each run has work to do. Returns (seconds, exit code, ended during the
    load) per run."""
    runs: list[tuple[float, int, bool]] = []
    step = 0
    while not stop.is_set() or not runs:
        step += 1
        for n, path in enumerate(sorted(seeds.glob("*.txt"))[:3]):
            (seeds / f"load-{step}-{n}.txt").write_bytes(path.read_bytes())
        edited = sorted(seeds.glob("*.txt"))[-1]
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nSunting {step}.\n")
        started = time.perf_counter()
        done = subprocess.run([*cari_command(), command], env=env, capture_output=True, text=True)
        runs.append((time.perf_counter() - started, done.returncode, not stop.is_set()))
        window.swapped.set()
        if done.returncode:
            print(f"cari {command} failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
    return runs


def run_load(
    seeds: Path,
    index: Path,
    *,
    clients: int = 32,
    requests: int = 3000,
    seconds: float = 60,
    threads: int = 8,
    seed: int = 1,
) -> dict:
    """Build the index, serve it, load it while it is rewritten; the figures as a dict."""
    env = {**os.environ, "CARI_SEEDS_DIR": str(seeds), "CARI_INDEX_DIR": str(index)}
    articles = len(list(seeds.glob("*.txt")))
    started = time.perf_counter()
    subprocess.run([*cari_command(), "build"], env=env, check=True, capture_output=True)
    build_seconds = time.perf_counter() - started
    command = "update" if "update" in cari_commands() else "build"
    port = free_port()
    server_log = index.parent / "server.log"
    server = subprocess.Popen(
        [*cari_command(), "serve", "--port", str(port), "--threads", str(threads)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=server_log.open("w"),
    )
    try:
        wait_until_serving(port, server)
        ids = sample_ids(port)
        stop = threading.Event()
        now = time.monotonic()
        window = Window(requests, now + seconds, now + 3 * seconds)
        runs: list[tuple[float, int, bool]] = []
        writer = threading.Thread(
            target=lambda: runs.extend(rewrite_loop(command, env, seeds, stop, window)),
            daemon=True,
        )
        tally = Tally()
        workers = [
            threading.Thread(target=client, args=(port, tally, window, seed + i, ids))
            for i in range(clients)
        ]
        load_started = time.perf_counter()
        writer.start()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        load_seconds = time.perf_counter() - load_started
        stop.set()
        writer.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    lat = [s * 1000 for s in tally.latencies]
    log_lines = server_log.read_text(encoding="utf-8", errors="replace").splitlines()
    tracebacks = [i for i, line in enumerate(log_lines) if line.startswith("Traceback")]
    return {
        "clients": clients,
        "server_threads": threads,
        "articles": articles,
        "initial_build_s": round(build_seconds, 2),
        "requests": len(lat),
        "errors": len(tally.errors),
        "error_samples": tally.errors[:10],
        "server_tracebacks": ["\n".join(log_lines[i : i + 40]) for i in tracebacks[:3]],
        "statuses": tally.statuses,
        "seconds": round(load_seconds, 2),
        "requests_per_s": round(len(lat) / load_seconds, 1) if load_seconds else 0.0,
        "p50_ms": round(percentile(lat, 50), 1),
        "p95_ms": round(percentile(lat, 95), 1),
        "p99_ms": round(percentile(lat, 99), 1),
        "max_ms": round(max(lat, default=0.0), 1),
        "mean_ms": round(statistics.fmean(lat), 1) if lat else 0.0,
        "by_kind": {
            kind: {
                "requests": len(values),
                "p50_ms": round(percentile(values, 50) * 1000, 1),
                "p95_ms": round(percentile(values, 95) * 1000, 1),
            }
            for kind, values in sorted(tally.by_kind.items())
        },
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "index_command": command,
        "index_runs": len(runs),
        "index_runs_live_during_load": sum(1 for _, rc, during in runs if during and not rc),
        "index_run_failures": sum(1 for _, rc, _ in runs if rc),
        "index_run_s": [round(s, 2) for s, _, _ in runs],
    }


def report(figures: dict) -> str:
    return (
        f"{figures['requests']} requests from {figures['clients']} clients in "
        f"{figures['seconds']}s ({figures['requests_per_s']}/s) over {figures['articles']} "
        f"articles, while `cari {figures['index_command']}` ran {figures['index_runs']} times "
        f"({figures['index_runs_live_during_load']} went live during the load, "
        f"{figures['index_run_failures']} failed)\n"
        f"errors: {figures['errors']}   statuses: {figures['statuses']}\n"
        f"latency ms: p50 {figures['p50_ms']}  p95 {figures['p95_ms']}  "
        f"p99 {figures['p99_ms']}  max {figures['max_ms']}\n"
        + "\n".join(
            f"  {kind:8} {k['requests']:6} requests  p50 {k['p50_ms']}  p95 {k['p95_ms']}"
            for kind, k in figures["by_kind"].items()
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, help="seed folder to copy (default: the corpus)")
    parser.add_argument("--articles", type=int, help="corpus articles to index [2000]")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, help="stop after this many [3000]")
    parser.add_argument("--seconds", type=float, default=60, help="or after this long")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    parser.add_argument(
        "--quick", action="store_true", help="defaults of 200 articles, 400 requests"
    )
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default {RESULTS}")
    args = parser.parse_args()
    args.articles = args.articles or (200 if args.quick else 2000)
    args.requests = args.requests or (400 if args.quick else 3000)
    with tempfile.TemporaryDirectory(prefix="cari-load-") as tmp:
        seeds = Path(tmp) / "seeds"
        if args.seeds:
            import shutil

            shutil.copytree(args.seeds, seeds)
        else:
            write_txt_seeds(seeds, records(args.articles))
        figures = run_load(
            seeds,
            Path(tmp) / "index",
            clients=args.clients,
            requests=args.requests,
            seconds=args.seconds,
            threads=args.threads,
        )
    print(report(figures))
    for trace in figures["server_tracebacks"]:
        print(trace, file=sys.stderr)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"-> {args.json}")
    return 1 if figures["errors"] or figures["index_run_failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
