"""Ranking quality of Cari against two baselines on the same Whoosh engine and the same queries.

Reads a queries file (`qid<TAB>kind<TAB>query`) and a TREC qrels file (`qid 0 docid grade`),
builds (or reuses) three indexes of the corpus subset the qrels judge, runs every query on each
system and prints nDCG@10, MRR@10, P@10 and recall@100, overall and per kind of query, then
Cari's per-query wins and losses against the Snowball baseline. Writes the figures as JSON.

    python -m bench.quality.relevance            # every 4th corpus article, bench/quality/data/*
    python -m bench.quality.relevance --rebuild  # after changing the analyzer

Systems: `cari` (Cari's analyzer and query parser), `nostem` (no stemming, Tala's stopwords,
plain OR), `snowball` (Snowball `indonesian` stemmer + Tala's stopwords, plain OR: what
Elasticsearch's `indonesian` analyzer gives) and `snowball-and` (the same with plain AND).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import os
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from whoosh import index as whoosh_index

from bench.harness import RESULTS_DIR
from bench.quality.baselines import plain_query, schema
from bench.quality.judge import DATA
from search.indexing.build import build_articles
from search.model import Article, SearchRequest
from search.retrieval.engine import SearchEngine
from search.text.analyzer import ANALYZER_VERSION
from tests.corpus import records as corpus_records

OUT = Path(__file__).resolve().parent / "relevance.json"

SYSTEMS = ("cari", "nostem", "snowball", "snowball-and")
DEPTH = 100


def read_queries(path: Path) -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [(qid, kind, text) for qid, kind, text in rows]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            qid, _, doc, grade = line.split()
            qrels[qid][doc] = int(grade)
    return qrels


def build_indexes(work: Path, step: int, rebuild: bool) -> dict[str, object]:
    """The Whoosh index of each system (built once per subset and analyzer version)."""
    stamp = work / "built.json"
    wanted = {"step": step, "analyzer_version": ANALYZER_VERSION}
    fresh = rebuild or not stamp.exists() or json.loads(stamp.read_text()) != wanted
    if fresh:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        records = list(corpus_records(every=step))
        started = time.perf_counter()
        articles = (
            Article(id=r["id"], title=r["title"], body=r["body"], source=r.get("source"))
            for r in records
        )
        build_articles(articles, work / "cari")
        print(
            f"built cari index of {len(records)} articles in {time.perf_counter() - started:.0f}s"
        )
        for name, stem in (("nostem", False), ("snowball", True)):
            started = time.perf_counter()
            (work / name).mkdir()
            ix = whoosh_index.create_in(str(work / name), schema(stem))
            with ix.writer(limitmb=256) as writer:
                for r in records:
                    writer.add_document(id=r["id"], title=r["title"], body=r["body"])
            print(f"built {name} index in {time.perf_counter() - started:.0f}s")
        stamp.write_text(json.dumps(wanted))
    return {
        "cari": SearchEngine(work / "cari"),
        "nostem": whoosh_index.open_dir(str(work / "nostem")),
        "snowball": whoosh_index.open_dir(str(work / "snowball")),
    }


def use_opensearch(indexes: dict[str, object], step: int, settings) -> None:
    """The "cari" system on OpenSearch: the same subset built into a cluster's index."""
    from search.indexing.opensearch_index import build_articles as build_on_cluster
    from search.retrieval.engines import open_engine

    records = list(corpus_records(every=step))
    articles = [
        Article(id=r["id"], title=r["title"], body=r["body"], source=r.get("source"))
        for r in records
    ]
    started = time.perf_counter()
    build_on_cluster(settings, articles)
    print(f"built the OpenSearch index in {time.perf_counter() - started:.0f}s")
    indexes["cari"] = open_engine(Path(tempfile.gettempdir()), settings, cache_size=0)


def system_query(system: str, text: str):
    if system == "nostem":
        return plain_query(text, stem=False)
    return plain_query(text, stem=True, operator="AND" if system == "snowball-and" else "OR")


def ndcg(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    dcg = sum(judged.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(judged.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    return next((1 / (i + 1) for i, d in enumerate(ranked[:k]) if judged.get(d, 0)), 0.0)


def precision(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    return sum(1 for d in ranked[:k] if judged.get(d, 0)) / k


def recall(ranked: list[str], judged: dict[str, int], k: int = DEPTH) -> float:
    relevant = [d for d, g in judged.items() if g]
    return sum(1 for d in ranked[:k] if judged.get(d, 0)) / len(relevant) if relevant else 0.0


METRICS = {"nDCG@10": ndcg, "MRR@10": mrr, "P@10": precision, "R@100": recall}


def evaluate(indexes, queries, qrels) -> dict[str, dict[str, dict[str, float]]]:
    """scores[system][qid][metric]"""
    scores: dict[str, dict[str, dict[str, float]]] = {}
    for system in SYSTEMS:
        ix = indexes["snowball" if system == "snowball-and" else system]
        scores[system] = {}
        if system == "cari":  # the engine itself: its matching and its ranking
            for qid, _kind, text in queries:
                found = ix.search(SearchRequest(query=text, page_size=DEPTH))
                ranked = [h.id for h in found.hits]
                judged = qrels.get(qid, {})
                scores[system][qid] = {m: f(ranked, judged) for m, f in METRICS.items()}
            continue
        with ix.searcher() as s:
            for qid, _kind, text in queries:
                hits = s.search(system_query(system, text), limit=DEPTH)
                ranked = [h["id"] for h in hits]
                judged = qrels.get(qid, {})
                scores[system][qid] = {m: f(ranked, judged) for m, f in METRICS.items()}
    return scores


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def summary(scores, queries) -> dict[str, dict[str, dict[str, float]]]:
    """table[kind][system][metric], kind 'all' included."""
    kinds = ["all", *sorted({k for _, k, _ in queries})]
    table: dict[str, dict[str, dict[str, float]]] = {}
    for kind in kinds:
        qids = [qid for qid, k, _ in queries if kind in ("all", k)]
        table[kind] = {
            system: {m: mean([scores[system][qid][m] for qid in qids]) for m in METRICS}
            for system in SYSTEMS
        }
        table[kind]["queries"] = len(qids)  # type: ignore[assignment]
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=DATA / "queries.tsv")
    parser.add_argument("--qrels", type=Path, default=DATA / "qrels.txt")
    parser.add_argument("--step", type=int, default=4, help="every Nth corpus article")
    parser.add_argument("--work", type=Path, default=Path("/tmp/cari-relevance"))
    parser.add_argument("--rebuild", action="store_true", help="rebuild the indexes")
    parser.add_argument("--json", type=Path, default=None, help=f"[default: {OUT}]")
    parser.add_argument(
        "--engine",
        choices=("whoosh", "opensearch"),
        default="whoosh",
        help="the engine the cari system runs on (opensearch: --opensearch-url, or a cluster"
        " started for the run; figures in bench/results/relevance-opensearch.json)",
    )
    parser.add_argument("--opensearch-url", default=os.environ.get("CARI_OPENSEARCH_URL"))
    args = parser.parse_args()
    if args.json is None:
        args.json = OUT if args.engine == "whoosh" else RESULTS_DIR / "relevance-opensearch.json"
    queries = read_queries(args.queries)
    qrels = read_qrels(args.qrels)
    indexes = build_indexes(args.work, args.step, args.rebuild)
    with contextlib.ExitStack() as stack:
        if args.engine == "opensearch":
            from bench.perf.engines import opensearch

            settings, _pids = stack.enter_context(opensearch(args.opensearch_url))
            settings = dataclasses.replace(settings, alias="cari-relevance")
            use_opensearch(indexes, args.step, settings)
        scores = evaluate(indexes, queries, qrels)
    table = summary(scores, queries)
    print(f"cari on the {args.engine} engine")
    for kind, rows in table.items():
        print(f"\n{kind} ({rows['queries']} queries)")
        print(f"  {'system':14}" + "".join(f"{m:>9}" for m in METRICS))
        for system in SYSTEMS:
            print(f"  {system:14}" + "".join(f"{rows[system][m]:9.3f}" for m in METRICS))
    print("\nper query nDCG@10: cari vs snowball (vs nostem)")
    wins = losses = 0
    for qid, kind, text in queries:
        c, b, n = (scores[s][qid]["nDCG@10"] for s in ("cari", "snowball", "nostem"))
        mark = "win " if c > b + 1e-9 else "loss" if c < b - 1e-9 else "tie "
        wins += mark == "win "
        losses += mark == "loss"
        print(
            f"  {mark} {qid} {kind:6} {text[:32]:32} cari {c:.3f}  snowball {b:.3f}  nostem {n:.3f}"
        )
    print(f"wins {wins}, losses {losses}, ties {len(queries) - wins - losses}")
    args.json.write_text(
        json.dumps(
            {"table": table, "per_query": scores, "step": args.step, "engine": args.engine},
            indent=1,
        ),
        "utf-8",
    )
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
