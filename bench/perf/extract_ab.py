"""Extraction (`extract_record`) of the corpus's first records: this checkout against another
version of Cari, alternately, in one run; CPU per article, and whether every record gives the
same extraction (the `repr` of each `Extraction`: article, officials, quotes, evidence).

Each run is a fresh process that loads the stem table as a build does, extracts the last
--warm records untimed (the gazetteer and patterns built on first use), then times the first
--records. The other version runs from its tree (`--before`, e.g. made with
`git archive COMMIT | tar -x -C DIR`) with this checkout's virtualenv.

    python -m bench.perf.extract_ab --before DIR [--records 3000] [--rounds 3] [--same 5000]

Prints the medians and the number of records whose extraction differs (exit 1 when any does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.harness import ROOT, median, positive_int, table

CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-2019" / "clickid-2019.jsonl"

# Run in the version's own tree: prints the CPU ms per article, writes each record's digest.
_CHILD = """
import hashlib, json, sys, time
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from search.text.analyzer import use_stem_table

corpus, count, warm, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
use_stem_table()
with open(corpus, encoding="utf-8") as f:
    records = [json.loads(line) for line, _ in zip(f, range(max(count, warm)))]

def one(record):
    try:
        return repr(extract_record(record))
    except SeedError as exc:
        return f"SeedError {exc}"

for record in records[-warm:]:
    one(record)
started = time.process_time()
outputs = [one(record) for record in records[:count]]
cpu = time.process_time() - started
with open(out, "w") as f:
    json.dump([hashlib.sha1(o.encode()).hexdigest() for o in outputs], f)
print(cpu / count * 1000)
"""


def _run(tree: Path, count: int, warm: int, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(CORPUS), str(count), str(warm), str(out)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"extraction failed ({tree}): {done.stderr[-800:]}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the other version's tree")
    parser.add_argument("--records", type=positive_int, default=3000, help="records timed")
    parser.add_argument("--rounds", type=positive_int, default=3)
    parser.add_argument("--warm", type=int, default=300, help="records extracted untimed first")
    parser.add_argument("--same", type=positive_int, default=5000, help="records compared")
    args = parser.parse_args()
    trees = {"before": args.before, "after": ROOT}
    times: dict[str, list[float]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as work:
        for round_ in range(args.rounds):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in order:
                ms = _run(trees[name], args.records, args.warm, Path(work) / "times.json")
                times[name].append(ms)
                print(f"round {round_ + 1}, {name}: {ms:.2f} ms CPU an article", flush=True)
        digests = {}
        for name, tree in trees.items():
            _run(tree, args.same, args.warm, Path(work) / f"{name}.json")
            digests[name] = json.loads((Path(work) / f"{name}.json").read_text())
    differ = sum(a != b for a, b in zip(digests["before"], digests["after"], strict=True))
    rows = [
        [
            f"extract_record, CPU ms an article ({args.records} records)",
            f"{median(times['before']):.2f}",
            f"{median(times['after']):.2f}",
        ]
    ]
    print(table(rows, [f"median of {args.rounds}", "before", "after"]))
    print(f"records whose extraction differs, of the first {args.same}: {differ}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
