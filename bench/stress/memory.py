"""Memory: a search engine's resident size while it answers many distinct searches.

Opens an index (a corpus index built with `cari build`), warms it as `cari serve` does, then
runs QUERIES distinct two-word searches (words drawn from the index, a fixed seed), printing
the process's resident memory and the postings cache's size every STEP searches, and writes
them as JSON. A server's memory should level off, not grow with every new search.

    python -m bench.stress.memory --index /path/to/corpus-index          # 10,000 searches
    python -m bench.stress.memory --index index --queries 2000 --step 500

No assertion on memory or time: the figures are for people and for the JSON record.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from bench.harness import rss_mb, table, write_json
from search.model import SearchRequest
from search.retrieval import postings
from search.retrieval.engine import SearchEngine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="a built index folder")
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--step", type=int, default=1_000)
    args = parser.parse_args()
    engine = SearchEngine(args.index)
    engine.warm()
    with engine.searcher() as s:
        words = [t.decode() for t in s.reader().lexicon("body_exact")]
    words = [w for w in words if w.isalpha() and len(w) > 3]
    rng = random.Random(1)
    rows = [(0, rss_mb(os.getpid()), 0.0, 0.0)]
    started = time.perf_counter()
    for n in range(1, args.queries + 1):
        engine.search(SearchRequest(" ".join(rng.sample(words, 2))))
        if n % args.step == 0:
            cache_mb = postings._cache.size / 2**20
            rows.append((n, rss_mb(os.getpid()), cache_mb, time.perf_counter() - started))
            print(
                f"{n} searches: {rows[-1][1]:.0f} MB resident, cache {cache_mb:.0f} MB", flush=True
            )
    print(table(rows, ("searches", "rss MB", "postings cache MB", "seconds")))
    write_json(
        "memory",
        {
            "index": str(args.index),
            "points": [
                {"searches": n, "rss_mb": rss, "postings_cache_mb": cache, "seconds": seconds}
                for n, rss, cache, seconds in rows
            ],
        },
    )


if __name__ == "__main__":
    main()
