"""Update benchmark: `cari update` with 10 and with 1,000 new articles on a built index.

Writes the first articles of the corpus as seed files, builds them with `cari build`, then adds
10 (and then 1,000) more seeds and times `cari update` on each. Reports "not available" when
this `cari` has no `update` command yet.

    python -m bench.perf.update [--base 25436] [--adds 10,1000]
"""

from __future__ import annotations

import argparse
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.harness import (
    cari_command,
    cari_commands,
    median,
    table,
    work_dir,
    write_json,
    write_txt_seeds,
)

# Each record as a scraped page: title, its date as the record has it, body, publisher's URL.
SEED_STYLE = {"dateline": "iso", "source_line": True}


def run(base: int, adds: tuple[int, ...], work: Path, runs: int = 1) -> dict[str, Any]:
    if "update" not in cari_commands():
        return {"available": False, "note": "`cari update` is not available in this build"}
    from tests.corpus import records as corpus_records

    records = list(corpus_records(base + sum(adds)))
    seeds, index = work / "seeds", work / "index"
    write_txt_seeds(seeds, records[:base], **SEED_STYLE)
    started = time.perf_counter()
    subprocess.run(
        [*cari_command(), "build", "--seeds", str(seeds), "--index", str(index)],
        check=True,
        capture_output=True,
    )
    build_seconds = time.perf_counter() - started
    results = []
    offset = base
    for n in adds:
        write_txt_seeds(seeds, records[offset : offset + n], **SEED_STYLE)
        offset += n
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            done = subprocess.run(
                [*cari_command(), "update", "--seeds", str(seeds), "--index", str(index)],
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
