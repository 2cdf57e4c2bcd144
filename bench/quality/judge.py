"""Judge every article of the benchmark subset against the development set's criteria.

Reads bench/quality/data/topics.toml (queries, information needs and their criteria) and writes
bench/quality/data/queries.tsv and bench/quality/data/qrels.txt (TREC: `qid 0 docid grade`, grades 1 and 2).
The criteria are regular expressions over the raw title and body: no Cari or baseline code
is used, so the judgments do not favour any analyzer. See topics.toml for the grading rules.

    python -m bench.quality.judge [--step 4]
"""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path

from tests.corpus import records as corpus_records

DATA = Path(__file__).resolve().parent / "data"


def grade(topic: dict, title: str, body: str) -> int:
    body_patterns = [re.compile(p) for p in topic["body"]]
    title_patterns = [re.compile(p) for p in topic.get("title", topic["body"])]
    if all(p.search(title) for p in title_patterns):
        return 2
    first = len(body_patterns[0].findall(body))
    if first >= topic.get("body_min", 2) and all(p.search(body) for p in body_patterns[1:]):
        return 1
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=4, help="every Nth corpus article")
    args = parser.parse_args()
    topics = tomllib.loads((DATA / "topics.toml").read_text("utf-8"))["topic"]
    records = list(corpus_records(every=args.step))
    qrels: list[str] = []
    for topic in topics:
        grades = [(r["id"], grade(topic, r["title"], r["body"])) for r in records]
        relevant = [(doc, g) for doc, g in grades if g]
        qrels += [f"{topic['id']} 0 {doc} {g}" for doc, g in relevant]
        twos = sum(1 for _, g in relevant if g == 2)
        print(f"{topic['id']} {topic['query']!r:38} relevant {len(relevant):4} (grade 2: {twos})")
    (DATA / "qrels.txt").write_text("\n".join(qrels) + "\n", "utf-8")
    lines = [f"{t['id']}\t{t['kind']}\t{t['query']}" for t in topics]
    (DATA / "queries.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(topics)} queries, {len(qrels)} judgments over {len(records)} articles")


if __name__ == "__main__":
    main()
