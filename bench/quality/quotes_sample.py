"""Who said what on a fixed corpus sample, printed for reading (run by hand).

    python -m bench.quality.quotes_sample [--every 500] [--limit 40] [--out FILE]

The sample: every 500th record (from the first) among the records whose body holds a quotation
mark (" or “), 40 of them. Each article's paragraphs that hold speech are printed, then the
quotes extracted (speaker, role, text). Precision and recall are counted by reading them;
bench/RESULTS.md records the counts. The quotes go to a JSON file for comparing runs.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from search.ingest.files import SeedError
from search.ingest.records import extract_record
from tests.corpus import records

OUT = Path(__file__).resolve().parent.parent / "results" / "quotes_sample.json"


def sample(every: int, limit: int) -> list[dict]:
    with_marks = (r for r in records() if '"' in r.get("body", "") or "“" in r.get("body", ""))
    chosen = []
    for n, record in enumerate(with_marks):
        if n % every == 0:
            chosen.append(record)
            if len(chosen) == limit:
                break
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--quotes-only", action="store_true", help="print no paragraphs")
    args = parser.parse_args()
    out = []
    for number, record in enumerate(sample(args.every, args.limit), 1):
        try:
            article = extract_record(record).article
        except SeedError as exc:
            print(f"## {number}. {record.get('id')}: unusable ({exc})")
            continue
        print(f"\n## {number}. {article.id}: {article.title}")
        if not args.quotes_only:
            for para in article.body.split("\n"):
                if '"' in para or "“" in para or "kata" in para or "ujar" in para:
                    print(textwrap.indent(textwrap.fill(para, 110), "   | "))
        for q in article.quotes:
            print(f"   -> {q.speaker} ({q.role}): {q.text[:150]!r}")
        out.append({"id": article.id, "quotes": [q.to_json() for q in article.quotes]})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
