"""Extraction (`extract_record`) of the corpus's first records: this checkout against another
version of Cari, alternately, in one run; CPU per article, and whether every record gives the
same extraction (the `repr` of each `Extraction`: title, body, header and footer evidence,
date, source, officials with roles, quotes with speakers, roles and offsets).

Each run is a fresh process that loads the stem table as a build does, extracts the last
--warm records untimed (the gazetteer and patterns built on first use), then times the first
--records. The other version runs from its tree (`--before`, e.g. made with
`git archive COMMIT | tar -x -C DIR`) with this checkout's virtualenv.

The comparison also extracts the raw pages (`extract_article`) of tests/data's publisher
pages and of every dev half's `pages/` under bench/quality/data (never a blind half), read
from this checkout and handed to both versions.

    python -m bench.perf.extract_ab --before DIR [--records 3000] [--rounds 3] [--same 5000]
        [--dump DIR] [--json] [--gc default|build]

`--gc build` times the records with the garbage collection of a build's parsing worker
(`search.indexing.parallel.start_worker`: what was loaded frozen, rarer young collections):
what extraction costs inside `cari build`.

Prints the medians and the number of records and pages whose extraction differs (exit 1 when
any does); `--dump DIR` keeps both versions' `repr`s (one JSON line each) to compare;
`--json` writes the figures to bench/results/extract_ab.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from bench.harness import ROOT, median, positive_int, table, write_json

CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-2019" / "clickid-2019.jsonl"
PUBLISHER_PAGES = ROOT / "tests" / "data" / "publisher_pages.toml"
QUALITY_DATA = ROOT / "bench" / "quality" / "data"

# Run in the version's own tree: prints the CPU ms per article, writes each record's digest.
_CHILD = """
import json, sys, time
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from search.text.analyzer import use_stem_table

from search.ingest.extract import extract_article

corpus, count, warm, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
build_gc = sys.argv[5] == "build"
pages = json.loads(open(sys.argv[6], encoding="utf-8").read()) if len(sys.argv) > 6 else []
use_stem_table()
with open(corpus, encoding="utf-8") as f:
    records = [json.loads(line) for line, _ in zip(f, range(max(count, warm)))]

def one(record, page=False):
    try:
        if page:
            return repr(extract_article(record["text"], record["name"]))
        return repr(extract_record(record))
    except SeedError as exc:
        return f"SeedError {exc}"

for record in records[-warm:]:
    one(record)
if build_gc:  # as a build's parsing worker collects (search.indexing.parallel.start_worker)
    import gc
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
started = time.process_time()
outputs = [one(record) for record in records[:count]]
cpu = time.process_time() - started
outputs += [one(page, page=True) for page in pages]
with open(out, "w", encoding="utf-8") as f:
    json.dump(outputs, f)
print(cpu / count * 1000)
"""


def raw_pages() -> list[dict[str, str]]:
    """The raw pages compared: tests/data's publisher pages, then each dev half's pages."""
    table_ = tomllib.loads(PUBLISHER_PAGES.read_text(encoding="utf-8"))
    pages = [{"name": p["name"], "text": p["text"]} for p in table_["page"]]
    for path in sorted(QUALITY_DATA.glob("*/dev/pages/*.txt")):
        name = str(path.relative_to(QUALITY_DATA))
        pages.append({"name": name, "text": path.read_text(encoding="utf-8")})
    return pages


def _run(
    tree: Path, count: int, warm: int, out: Path, pages: Path | None = None, gc: str = "default"
) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", _CHILD, str(CORPUS), str(count), str(warm), str(out), gc]
    done = subprocess.run(
        command + ([str(pages)] if pages else []),
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
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (0: compare only)")
    parser.add_argument("--warm", type=int, default=300, help="records extracted untimed first")
    parser.add_argument("--same", type=positive_int, default=5000, help="records compared")
    parser.add_argument("--dump", type=Path, help="keep both versions' extractions here")
    parser.add_argument("--json", action="store_true", help="write bench/results/extract_ab.json")
    parser.add_argument(
        "--gc",
        choices=["default", "build"],
        default="default",
        help="garbage collection while timed: Python's default, or a build worker's",
    )
    args = parser.parse_args()
    trees = {"before": args.before, "after": ROOT}
    times: dict[str, list[float]] = {name: [] for name in trees}
    pages = raw_pages()
    with tempfile.TemporaryDirectory() as work:
        for round_ in range(args.rounds):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in order:
                ms = _run(
                    trees[name], args.records, args.warm, Path(work) / "times.json", gc=args.gc
                )
                times[name].append(ms)
                print(f"round {round_ + 1}, {name}: {ms:.2f} ms CPU an article", flush=True)
        pages_file = Path(work) / "pages.json"
        pages_file.write_text(json.dumps(pages), encoding="utf-8")
        outputs = {}
        for name, tree in trees.items():
            _run(tree, args.same, args.warm, Path(work) / f"{name}.json", pages_file)
            outputs[name] = json.loads((Path(work) / f"{name}.json").read_text(encoding="utf-8"))
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for name, lines in outputs.items():
            with open(args.dump / f"{name}.jsonl", "w", encoding="utf-8") as f:
                f.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    pairs = list(zip(outputs["before"], outputs["after"], strict=True))
    records = sum(a != b for a, b in pairs[: -len(pages) or None])
    differ_pages = sum(a != b for a, b in pairs[len(pairs) - len(pages) :])
    records_compared = len(pairs) - len(pages)
    if args.rounds:
        rows = [
            [
                f"extract_record, CPU ms an article ({args.records} records)",
                f"{median(times['before']):.2f}",
                f"{median(times['after']):.2f}",
            ]
        ]
        print(table(rows, [f"median of {args.rounds}", "before", "after"]))
    print(f"records whose extraction differs, of the first {records_compared}: {records}")
    print(f"raw pages whose extraction differs, of {len(pages)}: {differ_pages}")
    if args.json:
        path = write_json(
            "extract_ab",
            {
                "before": str(args.before),
                "records_timed": args.records,
                "gc": args.gc,
                "cpu_ms_an_article": times,
                "median_ms": {k: median(v) for k, v in times.items() if v},
                "records_compared": records_compared,
                "records_differing": records,
                "pages_compared": len(pages),
                "pages_differing": differ_pages,
            },
        )
        print(f"wrote {path}")
    sys.exit(1 if records or differ_pages else 0)


if __name__ == "__main__":
    main()
