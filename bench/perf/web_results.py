"""How long the results page (hits, snippets, officials, sources and the timeline) takes to
render over the shared corpus, through the whole Flask app (routing, search, templates).

Builds the corpus index once into --index (default /tmp/cari-corpus-index) and reuses it.
Prints the median and p95 per query and overall, and writes them as JSON.

    .venv/bin/python -m bench.perf.web_results                 # 15 queries x 7 rounds
    .venv/bin/python -m bench.perf.web_results --short         # CI: 5 queries x 3 rounds
    .venv/bin/python -m bench.perf.web_results --limit 2000    # a smaller index, for a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.harness import RESULTS_DIR, percentile
from search.indexing import store
from search.indexing.build import build_articles
from tests.corpus import CORPUS, corpus_articles
from web import create_app

QUERIES: list[dict[str, str]] = [
    {"q": "presiden jokowi"},
    {"q": "pelayanan publik"},
    {"q": "dilayani"},
    {"q": "korupsi", "sort": "newest"},
    {"q": "pemilu 2019"},
    {"q": "reformasi birokrasi"},
    {"q": "gempa bumi"},
    {"q": "banjir jakarta"},
    {"q": '"menteri keuangan"'},
    {"q": "harga beras", "page": "3"},
    {"q": "kebakaran hutan", "from": "2019-09-01", "to": "2019-09-30"},
    {"q": "polisi", "source": "kompas.com"},
    {"q": "pemerintah"},
    {"q": "sepak bola -liga"},
    {"sort": "newest"},
]
SHORT = 5


def ensure_index(index_dir: Path, limit: int | None) -> int:
    """Build the corpus index unless one is live there; returns its article count."""
    generation = store.live_generation(index_dir)
    if generation is not None:
        return int(generation.read_meta().get("articles", 0))
    print(f"building {index_dir} from {CORPUS} (about a minute for the whole corpus)")
    report = build_articles(corpus_articles(limit=limit), index_dir, force=True)
    print(report.summary())
    return report.indexed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=Path("/tmp/cari-corpus-index"))
    parser.add_argument("--limit", type=int, default=None, help="index only this many articles")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--short", action="store_true", help=f"{SHORT} queries, 3 rounds")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "web_results.json")
    args = parser.parse_args()

    articles = ensure_index(args.index, args.limit)
    queries = QUERIES[:SHORT] if args.short else QUERIES
    rounds = 3 if args.short else args.rounds
    # No result cache: every page is searched and rendered afresh.
    client = create_app({"INDEX_DIR": str(args.index), "RESULT_CACHE": 0}).test_client()
    client.get("/?q=warm")  # open the index, fill caches

    timings: dict[str, list[float]] = {}
    cpu: list[float] = []
    for _ in range(rounds):
        for params in queries:
            url = "/?" + urlencode(params)
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            cpu.append((time.process_time() - started_cpu) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            timings.setdefault(url, []).append(elapsed)

    everything = [t for values in timings.values() for t in values]
    rows = {
        url: {"median_ms": statistics.median(v), "p95_ms": percentile(v, 95)}
        for url, v in timings.items()
    }
    for url, row in rows.items():
        print(f"{row['median_ms']:7.1f} ms median {row['p95_ms']:7.1f} ms p95  {url}")
    summary = {
        "articles": articles,
        "queries": len(queries),
        "rounds": rounds,
        "median_ms": round(statistics.median(everything), 1),
        "p95_ms": round(percentile(everything, 95), 1),
        # CPU time of this process: less sensitive than wall time to other work on the machine
        "cpu_median_ms": round(statistics.median(cpu), 1),
        "load_average": round(os.getloadavg()[0], 2),
        "per_query": rows,
    }
    print(
        f"results page with facets over {articles} articles: "
        f"{summary['median_ms']} ms median, {summary['p95_ms']} ms p95 "
        f"({len(everything)} requests; CPU {summary['cpu_median_ms']} ms median; "
        f"load average {summary['load_average']})"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
