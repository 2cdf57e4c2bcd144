"""Update benchmark: `cari update` with 10 and with 1,000 new articles on a built index.

Writes the first articles of the corpus as seed files, builds them with `cari build`, then adds
10 (and then 1,000) more seeds and times `cari update` on each. Reports "not available" when
this `cari` has no `update` command yet.

    python bench/update.py [--base 25436] [--adds 10,1000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, table, work_dir, write_json


def _cari() -> list[str]:
    exe = Path(sys.executable).parent / "cari"
    return (
        [str(exe)]
        if exe.exists()
        else [sys.executable, "-c", "from search.cli import main; main()"]
    )


def update_available() -> bool:
    done = subprocess.run([*_cari(), "update", "--help"], capture_output=True, text=True)
    return done.returncode == 0


def _write_seed(folder: Path, record: dict[str, Any]) -> None:
    """A corpus record as a scraped page: title, a dateline body, the publisher's URL."""
    lines = [record.get("title") or "", ""]
    body = record.get("body") or ""
    if record.get("date"):
        lines.append(f"{record['date']}")
        lines.append("")
    lines.append(body)
    if record.get("url"):
        lines += ["", f"Sumber: {record['url']}"]
    (folder / f"{record['id']}.txt").write_text("\n".join(lines), encoding="utf-8")


def run(base: int, adds: tuple[int, ...], work: Path, runs: int = 1) -> dict[str, Any]:
    if not update_available():
        return {"available": False, "note": "`cari update` is not available in this build"}
    import json

    from bench.corpus import corpus_path

    need = base + sum(adds)
    records = []
    with corpus_path().open(encoding="utf-8") as f:
        for line in f:
            if len(records) >= need:
                break
            records.append(json.loads(line))
    seeds, index = work / "seeds", work / "index"
    seeds.mkdir(parents=True, exist_ok=True)
    for record in records[:base]:
        _write_seed(seeds, record)
    started = time.perf_counter()
    subprocess.run(
        [*_cari(), "build", "--seeds", str(seeds), "--index", str(index)],
        check=True,
        capture_output=True,
    )
    build_seconds = time.perf_counter() - started
    results = []
    offset = base
    for n in adds:
        for record in records[offset : offset + n]:
            _write_seed(seeds, record)
        offset += n
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            done = subprocess.run(
                [*_cari(), "update", "--seeds", str(seeds), "--index", str(index)],
                capture_output=True,
                text=True,
            )
            times.append(time.perf_counter() - started)
            if done.returncode != 0:
                return {"available": True, "error": done.stderr.strip()[-500:]}
        results.append(
            {"added": n, "seconds": round(times[0], 2), "runs": [round(t, 2) for t in times]}
        )
    return {
        "available": True,
        "base_articles": base,
        "base_build_seconds": round(build_seconds, 2),
        "updates": results,
        "median_first_update_s": round(median([r["seconds"] for r in results[:1]]), 2),
    }


def report(result: dict[str, Any]) -> str:
    if not result.get("available"):
        return "update: not available (`cari update` does not exist in this build)"
    if "error" in result:
        return f"update: failed: {result['error']}"
    rows = [(r["added"], r["seconds"]) for r in result["updates"]]
    return table(rows, ("new articles", "cari update s")) + (
        f"\n(on an index of {result['base_articles']} articles built from seeds in "
        f"{result['base_build_seconds']} s)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=25436 - 1010)
    parser.add_argument("--adds", default="10,1000")
    args = parser.parse_args(argv)
    adds = tuple(int(a) for a in args.adds.split(","))
    with work_dir(None, "cari-update-") as work:
        result = run(args.base, adds, work)
    print(report(result))
    print(f"-> {write_json('update', result)}")


if __name__ == "__main__":
    main()
