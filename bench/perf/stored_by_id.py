"""Indexed articles fetched by id, as `cari update` fetches its copy candidates: Whoosh's
`document(id=...)` (the id's term looked up in every segment's term table) against
`store.StoredById` (each segment's flat postings file asked by hash), the same random ids,
alternately; CPU ms an id, and the lookup of the document number alone. Reads the index only.

    python -m bench.perf.stored_by_id --index DIR [--ids 300] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from whoosh import index as whoosh_index

from bench.harness import median, table
from search.indexing.store import StoredById, require_live


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="a built index folder")
    parser.add_argument("--ids", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    ix = whoosh_index.open_dir(str(require_live(args.index).path))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        column = reader.column_reader("id")
        picks = random.Random(20).sample(range(reader.doc_count_all()), args.ids * 2)
        ids = [column[d] for d in picks if not reader.is_deleted(d)][: args.ids]
        segments = len(list(reader.leaf_readers()))
        print(f"{segments} segments, {reader.doc_count_all():,} documents, {len(ids)} ids")
        times: dict[str, list[float]] = {"Whoosh": [], "flat files": []}
        for round_ in range(args.rounds):
            order = list(times) if round_ % 2 == 0 else list(reversed(times))
            for name in order:
                started = time.process_time()
                if name == "Whoosh":
                    found = [searcher.document(id=i) for i in ids]
                else:
                    by_id = StoredById(searcher)
                    found = [by_id.document(i) for i in ids]
                times[name].append((time.process_time() - started) / len(ids) * 1000)
                assert [f["id"] for f in found if f] == ids
        lookup = StoredById(searcher)._ids
        started = time.process_time()
        flat = [lookup.document_number(i) for i in ids]
        flat_ms = (time.process_time() - started) / len(ids) * 1000
        started = time.process_time()
        whoosh = [searcher.document_number(id=i) for i in ids]
        whoosh_ms = (time.process_time() - started) / len(ids) * 1000
        assert flat == whoosh
    rows = [
        [
            "stored article by id",
            f"{median(times['Whoosh']):.3f}",
            f"{median(times['flat files']):.3f}",
        ],
        ["document number alone (one pass)", f"{whoosh_ms:.3f}", f"{flat_ms:.3f}"],
    ]
    print(table(rows, [f"CPU ms an id, median of {args.rounds}", "Whoosh", "flat files"]))


if __name__ == "__main__":
    main()
