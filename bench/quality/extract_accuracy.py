"""Extraction accuracy and speed on the shared corpus (run by hand; prints figures, writes JSON).

    python -m bench.quality.extract_accuracy [--every 60] [--speed 3000] [--out FILE]

Pages: raw pages in publishers' shapes (tests/data/publisher_pages.toml), scored for exact
titles, dates, sources and clean bodies. Dates: a fixed sample (every Nth record of the corpus) goes through extraction as a raw page
and the extracted date is compared with the record's date; officials: hand-annotated gold,
precision and recall (both scored by tests/extraction_scores.py, which says how). Speed:
articles/s of the JSONL seed reader (read + extract, stemming as a build does) over the first N
records. Figures go to
bench/quality/extract_accuracy.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.harness import write_jsonl_seed
from search.ingest.extract.officials import find_officials
from search.ingest.seeds import read_articles
from search.text.analyzer import use_stem_table
from tests.corpus import records, records_with_ids
from tests.extraction_scores import (
    HELDOUT,
    load_gold,
    load_pages,
    score_dates,
    score_officials,
    score_pages,
)

OUT = Path(__file__).resolve().parent / "extract_accuracy.json"


def measure_speed(count: int, tmp: Path) -> dict:
    subset = write_jsonl_seed(tmp / "speed.jsonl", count)
    use_stem_table()  # as a build and an update stem: from the mined table, then Sastrawi
    find_officials(["Presiden Joko Widodo"])  # load word lists before timing
    started, cpu = time.perf_counter(), time.process_time()
    n = sum(1 for _ in read_articles([subset]))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "articles": n,
        "seconds": round(wall, 2),
        "articles_per_s": round(n / wall),
        "cpu_articles_per_s": round(n / cpu),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=60, help="sample every Nth record")
    parser.add_argument("--speed", type=int, default=3000, help="records for the speed figure")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    pages = score_pages(load_pages())
    dates = score_dates(list(records(every=args.every))).as_dict()
    gold, heldout = load_gold(), load_gold(HELDOUT)
    by_id = records_with_ids(set(gold) | set(heldout))
    officials = score_officials(by_id, gold)
    officials_heldout = score_officials(by_id, heldout)
    with tempfile.TemporaryDirectory() as tmp:
        speed = measure_speed(args.speed, Path(tmp))
    result = {
        "pages": pages,
        "dates": dates,
        "officials": officials,
        "officials_heldout": officials_heldout,
        "speed": speed,
    }
    print("pages:", {k: v for k, v in pages.items() if k != "misses"})
    for miss in pages["misses"]:
        print("  ", miss)
    print("dates:", json.dumps(dates, indent=1))
    print("officials:", {k: v for k, v in officials.items() if k != "errors"})
    for error in officials["errors"]:
        print("  ", error)
    print("officials (held out):", {k: v for k, v in officials_heldout.items() if k != "errors"})
    for error in officials_heldout["errors"]:
        print("  ", error)
    print("speed:", speed)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
