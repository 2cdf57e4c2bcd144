"""The judging pool of a query set: the top 20 of several systems, deduplicated.

Prints, per query, every article that one of the pooled systems ranks in its top 20 and that
has no judgment yet (all of them for a new set), with its title and the first lines of its
body, so that an assessor can read and grade it against the need. Writes the pool as JSON.

    python -m bench.quality.pool --set gold17/both
    python -m bench.quality.pool --set gold17/dev --all   # judged articles too
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.quality.judged_sets import read_qrels, read_queries, set_files
from bench.quality.relevance import SYSTEMS, build_indexes, rankings
from tests.corpus import records_with_ids

POOL_SYSTEMS = (*SYSTEMS, "nostem-and")
POOL_DEPTH = 20


def pool(ranked, queries) -> dict[str, dict[str, list[str]]]:
    """pooled[qid][doc]: the systems that rank doc in their top POOL_DEPTH, in first-seen order."""
    pooled: dict[str, dict[str, list[str]]] = {}
    for qid, _kind, _text in queries:
        docs: dict[str, list[str]] = {}
        for system in POOL_SYSTEMS:
            for doc in ranked[system][qid][:POOL_DEPTH]:
                docs.setdefault(doc, []).append(system)
        pooled[qid] = docs
    return pooled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", required=True, help="a judged set under data/ (gold17/both)")
    parser.add_argument("--all", action="store_true", help="print judged articles too")
    parser.add_argument("--lines", type=int, default=3, help="body lines to print per article")
    parser.add_argument("--step", type=int, default=4, help="every Nth corpus article")
    parser.add_argument("--work", type=Path, default=Path("/tmp/cari-relevance"))
    parser.add_argument("--json", type=Path, help="where to write the pool (default: --work)")
    args = parser.parse_args()
    files = set_files(args.set)
    queries = [row for q, _ in files for row in read_queries(q)]
    qrels = {qid: g for _, r in files if r.exists() for qid, g in read_qrels(r).items()}
    indexes = build_indexes(args.work, args.step, rebuild=False)
    pooled = pool(rankings(indexes, queries, POOL_SYSTEMS, POOL_DEPTH), queries)
    found = records_with_ids({d for docs in pooled.values() for d in docs})
    for qid, kind, text in queries:
        # in id order (arbitrary): the assessor does not see which system ranked what first
        todo = sorted(d for d in pooled[qid] if args.all or d not in qrels.get(qid, {}))
        print(f"\n## {qid} {kind} {text!r}: pool {len(pooled[qid])}, to judge {len(todo)}")
        for doc in todo:
            record = found[doc]
            lines = [line for line in record["body"].splitlines() if line.strip()]
            print(f"- {doc} | {record['title']}")
            for line in lines[: args.lines]:
                print(f"    {line[:300]}")
    out = args.json or args.work / f"pool-{args.set.replace('/', '-')}.json"
    out.write_text(json.dumps(pooled, indent=1), "utf-8")
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
