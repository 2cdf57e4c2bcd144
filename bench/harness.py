"""What every benchmark shares: timing statistics, memory, tables and JSON output, a free port,
the `cari` command, and seed files written from corpus records.

Benchmarks are run as modules from the repository root (`python -m bench.perf.build`); they
print figures and write `bench/results/<name>.json`, and never assert on time. The corpus
itself (its path, its records, records as Articles) is read by tests/corpus.py.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from search.dates import format_date

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def latency_stats(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/max/mean of timings, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "max_ms": round(max(ms), 3) if ms else 0.0,
        "mean_ms": round(statistics.fmean(ms), 3) if ms else 0.0,
    }


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def rss_mb(pid: int, *, peak: bool = False) -> float:
    """Resident memory of a running process (or its peak so far), in MB (0 when unknown)."""
    key = "VmHWM:" if peak else "VmRSS:"
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@contextmanager
def work_dir(keep: Path | None, prefix: str) -> Iterator[Path]:
    """`keep` (created if needed) when given, else a temporary folder removed afterwards."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        yield Path(tmp)


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6


def machine() -> dict[str, Any]:
    """Where the figures were measured (they mean little without it)."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def write_json(name: str, data: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    payload = {"benchmark": name, "machine": machine(), **data}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def run_sampled(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> dict[str, Any]:
    """Run `command` (with `env` added to the environment), sampling the memory of its
    process tree every 0.2 s: wall time, the tree's peak, the largest process's peak (of
    every child so far) and the CPU seconds of the command and its children."""
    import resource
    import threading

    from bench.perf.http_load import tree_rss_mb

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    peak = [0.0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:2])} failed: {stderr.decode()[-800:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    return {
        "seconds": seconds,
        "tree_peak_mb": peak[0],
        "largest_process_mb": usage.ru_maxrss / 1024,
        "cpu_seconds": cpu,
    }


def table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    """A plain-text table, columns padded to their widest cell."""
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cari_command() -> list[str]:
    """The `cari` of this Python's environment (this checkout's code), as a command."""
    exe = Path(sys.executable).with_name("cari")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "search.cli"]


def cari_commands() -> set[str]:
    """The commands this `cari` has (its --help's list)."""
    out = subprocess.run(
        [*cari_command(), "--help"], capture_output=True, text=True, check=True
    ).stdout
    return {line.split()[0] for line in out.split("Commands:", 1)[-1].splitlines() if line.strip()}


def seed_text(
    record: dict[str, Any],
    *,
    dateline: Literal["iso", "written"] | None = None,
    source_line: bool = False,
) -> str:
    """A corpus record as a scraped page: the title, a blank line and the body; with
    `dateline`, the record's date between them (as the record has it, or written out:
    '10 September 2019'); with `source_line`, the publisher's URL after the body
    ('Sumber: <url>')."""
    parts = [record.get("title") or ""]
    if dateline and record.get("date"):
        parts.append(record["date"] if dateline == "iso" else format_date(record["date"][:10]))
    parts.append(record.get("body") or "")
    if source_line and record.get("url"):
        parts.append(f"Sumber: {record['url']}")
    return "\n\n".join(parts) + "\n"


def write_txt_seeds(folder: Path, records: Iterable[dict[str, Any]], **style: Any) -> int:
    """Each record as `<id>.txt` in `folder` (created if needed), in `seed_text`'s `style`;
    the number written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for record in records:
        (folder / f"{record['id']}.txt").write_text(seed_text(record, **style), encoding="utf-8")
        written += 1
    return written


def write_jsonl_seed(target: Path, limit: int | None = None) -> Path:
    """The corpus as one JSONL seed at `target`: its first `limit` lines, or (None) a link to
    the whole file."""
    from tests.corpus import corpus_path

    target.parent.mkdir(parents=True, exist_ok=True)
    if limit is None:
        target.symlink_to(corpus_path())
        return target
    with corpus_path().open("rb") as src, target.open("wb") as out:
        for n, line in enumerate(src):
            if n >= limit:
                break
            out.write(line)
    return target


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 ("--records 0" is refused with a
    message instead of dividing by zero later)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is fewer than 1")
    return value
