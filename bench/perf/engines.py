"""The embedded engine and OpenSearch side by side on the shared corpus, in one run:

- bulk ingest: the corpus's articles (parsed once, beforehand) written into each engine's
  index, in articles/s (OpenSearch's figure includes its replicas and the alias swap);
- the results page (hits, snippets, facets, timeline) of every query of the query mix
  (bench/perf/queries.toml), in process, p50/p95 over `--rounds` rounds;
- memory: this Python process's resident set, and the OpenSearch nodes' (JVM) resident sets
  and heaps;
- agreement: per query, the same total and story counts, the same facet counts (officials, sources,
  speakers, timeline), and the top-10 overlap (by ids; for date sorts also with articles of
  the same date counted as equal: both engines order equal dates by article id, so the two
  figures differ only if that order does).

    python -m bench.perf.engines [--articles N] [--rounds 3] [--opensearch-url URL]
    python -m bench.perf.engines --seeds seeds     # the seeds' articles instead

Uses the cluster at --opensearch-url (default $CARI_OPENSEARCH_URL) when it answers, else
starts a 2-node one of its own (deploy/opensearch/cluster.py) and stops it at the end.
Writes bench/results/engines.json (engines-seeds.json with --seeds).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.harness import latency_stats, machine, rss_mb, table, write_json
from bench.perf.querymix import label, load_mix, to_request, usable
from search.config import EngineSettings
from tests.corpus import article_from_record, records

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = ROOT / "deploy" / "opensearch" / "cluster.py"
ALIAS = "cari-bench"


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/_cluster/health", timeout=3) as r:
            return r.status == 200
    except OSError:
        return False


@contextmanager
def opensearch(
    url: str | None, home: Path | None = None
) -> Iterator[tuple[EngineSettings, list[int]]]:
    """Settings for a cluster that answers at `url` (its node pids from the cluster.json of
    `home`, a deploy/opensearch/cluster.py home, for their memory), else for one started
    here."""
    if url and _answers(url.split(",")[0]):
        pids = []
        if home is not None and (home / "cluster.json").exists():
            state = json.loads((home / "cluster.json").read_text())
            pids = [int(p) for p in state["pids"].values()]
        yield EngineSettings(engine="opensearch", urls=tuple(url.split(",")), alias=ALIAS), pids
        return
    home = Path(tempfile.mkdtemp(prefix="cari-bench-opensearch-"))
    args = ["--home", str(home), "--http-port", "9480", "--transport-port", "9580"]
    subprocess.run([sys.executable, str(CLUSTER), "start", *args], check=True)
    try:
        state = json.loads((home / "cluster.json").read_text())
        pids = [int(p) for p in state["pids"].values()]
        urls = ("http://127.0.0.1:9480", "http://127.0.0.1:9481")
        yield EngineSettings(engine="opensearch", urls=urls, alias=ALIAS), pids
    finally:
        subprocess.run([sys.executable, str(CLUSTER), "stop", "--home", str(home)], check=False)


def _node_pids(client: Any) -> list[int]:
    """The process ids of the cluster's nodes that run on this machine (JVMs whose ids the
    nodes report and that run here)."""
    found = client.nodes.info(metric="process")["nodes"].values()
    pids = {int(n["process"]["id"]) for n in found if "process" in n}
    here = []
    for pid in sorted(pids):
        try:
            if b"java" in Path(f"/proc/{pid}/cmdline").read_bytes():
                here.append(pid)
        except OSError:
            continue
    return here


def _jvm(settings: EngineSettings, pids: list[int]) -> dict[str, Any]:
    """The nodes' heaps, and the resident sets of `pids` (else of the nodes running here)."""
    from search.indexing.opensearch_index import connect

    client = connect(settings)
    pids = pids or _node_pids(client)
    stats = client.nodes.stats(metric="jvm")["nodes"].values()
    return {
        "nodes": len(stats),
        "heap_used_mb": round(sum(n["jvm"]["mem"]["heap_used_in_bytes"] for n in stats) / 2**20),
        "heap_max_mb": round(sum(n["jvm"]["mem"]["heap_max_in_bytes"] for n in stats) / 2**20),
        "rss_mb": round(sum(rss_mb(p) for p in pids)) if pids else None,
    }


def _ingest(articles: list, settings: EngineSettings, work: Path) -> dict[str, float]:
    from search.indexing import opensearch_index
    from search.indexing.build import build_articles

    started = time.perf_counter()
    build_articles(articles, work / "index")
    embedded = time.perf_counter() - started
    started = time.perf_counter()
    opensearch_index.build_articles(settings, articles)
    cluster = time.perf_counter() - started
    return {
        "articles": len(articles),
        "embedded_s": round(embedded, 1),
        "embedded_articles_per_s": round(len(articles) / embedded),
        "opensearch_s": round(cluster, 1),
        "opensearch_articles_per_s": round(len(articles) / cluster),
    }


def _overlap(a: list, b: list, key) -> float:
    if not a and not b:
        return 1.0  # both find nothing: they agree
    want = Counter(key(h) for h in a[:10])
    got = Counter(key(h) for h in b[:10])
    return sum((want & got).values()) / max(1, min(10, len(a)))


def _compare(engines: dict[str, Any], rounds: int) -> dict[str, Any]:
    mix, skipped = usable(engines["embedded"], load_mix())
    requests = [to_request(p) for p in mix]
    times: dict[str, list[float]] = {name: [] for name in engines}
    for engine in engines.values():  # warm-up, not timed
        for request in requests:
            engine.search(request)
    results: dict[str, list[Any]] = {name: [None] * len(requests) for name in engines}
    for _ in range(rounds):
        for i, request in enumerate(requests):
            for name, engine in engines.items():
                started = time.perf_counter()
                results[name][i] = engine.search(request)
                times[name].append(time.perf_counter() - started)
    rows = []
    for i, params in enumerate(mix):
        a, b = results["embedded"][i], results["opensearch"][i]
        by_date = a.request.sort != "relevance" or not a.request.query
        rows.append(
            {
                "query": label(params),
                "embedded_total": a.total,
                "opensearch_total": b.total,
                "same_total": a.total == b.total,
                "same_stories": (a.stories, a.found_as_stories) == (b.stories, b.found_as_stories),
                "same_facets": (a.official_counts, a.source_counts, a.said_counts, a.timeline)
                == (b.official_counts, b.source_counts, b.said_counts, b.timeline),
                "top10_overlap": round(_overlap(a.hits, b.hits, lambda h: h.id), 3),
                "top10_overlap_equal_dates": round(
                    _overlap(a.hits, b.hits, (lambda h: h.date) if by_date else lambda h: h.id),
                    3,
                ),
            }
        )
    count = len(rows) or 1
    return {
        "queries": len(rows),
        "skipped": skipped,
        "rounds": rounds,
        "latency": {name: latency_stats(ts) for name, ts in times.items()},
        "same_totals": sum(r["same_total"] for r in rows),
        "same_stories": sum(r["same_stories"] for r in rows),
        "same_facets": sum(r["same_facets"] for r in rows),
        "mean_top10_overlap": round(sum(r["top10_overlap"] for r in rows) / count, 3),
        "mean_top10_overlap_equal_dates": round(
            sum(r["top10_overlap_equal_dates"] for r in rows) / count, 3
        ),
        "per_query": rows,
    }


def run(
    limit: int | None,
    rounds: int,
    url: str | None,
    home: Path | None = None,
    seeds: Path | None = None,
) -> dict[str, Any]:
    from search.indexing.opensearch_index import connect, delete_all
    from search.retrieval.engines import open_engine

    if seeds is not None:
        from search.ingest.seeds import list_seeds, read_articles
        from search.model import Article

        found = read_articles(list_seeds(seeds))
        articles = [a for a in found if isinstance(a, Article)][:limit]
    else:
        articles = [article_from_record(r) for r in records(limit)]
    print(f"{seeds or 'corpus'}: {len(articles):,} articles", flush=True)
    with opensearch(url, home) as (settings, pids), tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ingest = _ingest(articles, settings, work)
        print(f"ingest: {ingest}", flush=True)
        engines = {
            "embedded": open_engine(work / "index", EngineSettings(), cache_size=0),
            "opensearch": open_engine(work / "index", settings, cache_size=0),
        }
        compared = _compare(engines, rounds)
        memory = {"python_rss_mb": round(rss_mb(os.getpid())), "jvm": _jvm(settings, pids)}
        delete_all(connect(settings), settings.alias)
    return {"ingest": ingest, **compared, "memory": memory, "machine": machine()}


def report(result: dict[str, Any]) -> str:
    ingest, latency, memory = result["ingest"], result["latency"], result["memory"]
    rows = [
        (
            "bulk ingest, articles/s",
            ingest["embedded_articles_per_s"],
            ingest["opensearch_articles_per_s"],
        ),
        ("results page p50, ms", latency["embedded"]["p50_ms"], latency["opensearch"]["p50_ms"]),
        ("results page p95, ms", latency["embedded"]["p95_ms"], latency["opensearch"]["p95_ms"]),
        (
            "memory, MB",
            f"python {memory['python_rss_mb']}",
            f"jvm rss {memory['jvm']['rss_mb']} heap {memory['jvm']['heap_used_mb']}",
        ),
    ]
    lines = [table(rows, ["", "embedded", "opensearch"])]
    lines.append(
        f"{result['queries']} queries: same total {result['same_totals']}, same stories"
        f" {result['same_stories']}, same facets"
        f" {result['same_facets']}, top-10 overlap {result['mean_top10_overlap']}"
        f" ({result['mean_top10_overlap_equal_dates']} with equal dates as equal)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="corpus articles (all)")
    parser.add_argument("--seeds", type=Path, help="the articles of a seed folder instead")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--opensearch-url", default=os.environ.get("CARI_OPENSEARCH_URL"))
    parser.add_argument(
        "--cluster-home", type=Path, help="the cluster.py home of that cluster (JVM memory)"
    )
    args = parser.parse_args(argv)
    result = run(args.articles, args.rounds, args.opensearch_url, args.cluster_home, args.seeds)
    print(report(result))
    print(f"-> {write_json('engines-seeds' if args.seeds else 'engines', result)}")


if __name__ == "__main__":
    main()
