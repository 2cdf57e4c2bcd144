"""Ranking quality of Cari against two baselines on the same Whoosh engine and the same queries.

Reads a queries file (`qid<TAB>kind<TAB>query`) and a TREC qrels file (`qid 0 docid grade`),
builds (or reuses) three indexes of the corpus subset the qrels judge, runs every query on each
system and prints nDCG@10, MRR@10, P@10 and recall@100, overall and per kind of query, then
Cari's per-query wins and losses against the Snowball baseline. Writes the figures as JSON.

    python -m bench.quality.relevance            # every 4th corpus article, bench/quality/data/*
    python -m bench.quality.relevance --rebuild  # after changing the analyzer
    python -m bench.quality.relevance --set gold17/dev             # a judged set under data/
    python -m bench.quality.relevance --set gold17/both --unjudged # and Cari's unjudged top 10

A set is a folder under bench/quality/data/ holding queries.tsv and qrels.txt (`gold17/dev`,
`gold17/blind`); `<folder>/both` reads its `dev` and `blind` halves together. Pooled sets list
their grade-0 judgments too, so J@10 (the fraction of a system's top 10 that was judged) shows
where a changed system returns articles nobody has read: judge those (`--unjudged` lists
Cari's) before comparing figures. (The default set grades every subset article by its criteria
and lists only the relevant ones, so its J@10 says nothing.)

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
from pathlib import Path

from whoosh import index as whoosh_index

from bench.harness import RESULTS_DIR
from bench.quality.baselines import plain_query, schema
from bench.quality.judge import DATA
from bench.quality.judged_sets import read_qrels, read_queries, set_files
from search.indexing.build import build_articles
from search.indexing.schema import SCHEMA_VERSION
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from search.model import Article, SearchRequest
from search.retrieval.engine import SearchEngine
from search.text.analyzer import ANALYZER_VERSION
from tests.corpus import records as corpus_records
from tests.corpus import records_with_ids

OUT = Path(__file__).resolve().parent / "relevance.json"

SYSTEMS = ("cari", "nostem", "snowball", "snowball-and")
DEPTH = 100


def corpus_subset_articles(records) -> list[Article]:
    """The subset's records as `cari build` reads a JSONL seed: extracted (dates, officials,
    quotes), so the ranking's official and subject bonuses are measured too. A record the
    build would skip (too short once its boilerplate is cut) is kept as it is: it may be
    judged."""
    articles = []
    for r in records:
        try:
            articles.append(extract_record(r).article)
        except SeedError:
            articles.append(Article(id=r["id"], title=r["title"], body=r["body"]))
    return articles


def build_indexes(work: Path, step: int, rebuild: bool) -> dict[str, object]:
    """The Whoosh index of each system (built once per subset and analyzer version)."""
    stamp = work / "built.json"
    wanted = {
        "step": step,
        "analyzer_version": ANALYZER_VERSION,
        "schema_version": SCHEMA_VERSION,
        "extracted": True,
    }
    fresh = rebuild or not stamp.exists() or json.loads(stamp.read_text()) != wanted
    if fresh:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        records = list(corpus_records(every=step))
        started = time.perf_counter()
        build_articles(corpus_subset_articles(records), work / "cari")
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

    articles = corpus_subset_articles(corpus_records(every=step))
    started = time.perf_counter()
    build_on_cluster(settings, articles)
    print(f"built the OpenSearch index in {time.perf_counter() - started:.0f}s")
    indexes["cari"] = open_engine(Path(tempfile.gettempdir()), settings, cache_size=0)


def system_query(system: str, text: str):
    operator = "AND" if system.endswith("-and") else "OR"
    return plain_query(text, stem=system.startswith("snowball"), operator=operator)


def rankings(indexes, queries, systems=SYSTEMS, depth: int = DEPTH):
    """ranked[system][qid]: the ids of the top `depth` hits; `-and` systems share an index."""
    ranked: dict[str, dict[str, list[str]]] = {}
    for system in systems:
        ix = indexes[system.removesuffix("-and")]
        ranked[system] = {}
        if system == "cari":  # the engine itself: its matching and its ranking
            for qid, _kind, text in queries:
                found = ix.search(SearchRequest(query=text, page_size=depth))
                ranked[system][qid] = [h.id for h in found.hits]
            continue
        with ix.searcher() as s:
            for qid, _kind, text in queries:
                hits = s.search(system_query(system, text), limit=depth)
                ranked[system][qid] = [h["id"] for h in hits]
    return ranked


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


def judged_share(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    """J@k: the share of the top k that has a judgment (any grade); 1 when nothing is returned."""
    top = ranked[:k]
    return sum(1 for d in top if d in judged) / len(top) if top else 1.0


METRICS = {
    "nDCG@10": ndcg,
    "MRR@10": mrr,
    "P@10": precision,
    "R@100": recall,
    "J@10": judged_share,
}


def evaluate(ranked, queries, qrels) -> dict[str, dict[str, dict[str, float]]]:
    """scores[system][qid][metric]"""
    return {
        system: {
            qid: {m: f(ranked[system][qid], qrels.get(qid, {})) for m, f in METRICS.items()}
            for qid, _kind, _text in queries
        }
        for system in SYSTEMS
    }


def print_unjudged(ranked, queries, qrels) -> None:
    """Cari's top-10 articles that have no judgment yet, per query: what to judge next."""
    todo = {
        qid: [d for d in ranked["cari"][qid][:10] if d not in qrels.get(qid, {})]
        for qid, _kind, _text in queries
    }
    found = records_with_ids({d for docs in todo.values() for d in docs})
    print(f"\nunjudged in cari's top 10: {sum(map(len, todo.values()))}")
    for qid, kind, text in queries:
        if todo[qid]:
            print(f"  {qid} {kind} {text!r}")
            for doc in todo[qid]:
                print(f"    {doc}  {found[doc]['title'][:90]}")


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
    parser.add_argument("--set", help="a judged set under data/ (gold17/dev, gold17/both ...)")
    parser.add_argument("--unjudged", action="store_true", help="list Cari's unjudged top 10")
    parser.add_argument("--step", type=int, default=4, help="every Nth corpus article")
    parser.add_argument("--work", type=Path, default=Path("/tmp/cari-relevance"))
    parser.add_argument("--rebuild", action="store_true", help="rebuild the indexes")
    parser.add_argument("--json", type=Path, help=f"where to write the figures (default {OUT})")
    parser.add_argument(
        "--engine",
        choices=("whoosh", "opensearch"),
        default="whoosh",
        help="the engine the cari system runs on (opensearch: --opensearch-url, or a cluster"
        " started for the run; figures in bench/results/relevance-opensearch.json)",
    )
    parser.add_argument("--opensearch-url", default=os.environ.get("CARI_OPENSEARCH_URL"))
    args = parser.parse_args()
    files = set_files(args.set) if args.set else [(args.queries, args.qrels)]
    queries = [row for q, _ in files for row in read_queries(q)]
    qrels = {qid: g for _, r in files for qid, g in read_qrels(r).items()}
    if args.json is None:  # a named set's figures go next to its indexes, not into the repo
        args.json = args.work / f"relevance-{args.set.replace('/', '-')}.json" if args.set else OUT
        if args.engine == "opensearch":
            args.json = RESULTS_DIR / args.json.name.replace("relevance", "relevance-opensearch")
    indexes = build_indexes(args.work, args.step, args.rebuild)
    with contextlib.ExitStack() as stack:
        if args.engine == "opensearch":
            from bench.perf.engines import opensearch

            settings, _pids = stack.enter_context(opensearch(args.opensearch_url))
            settings = dataclasses.replace(settings, alias="cari-relevance")
            use_opensearch(indexes, args.step, settings)
        ranked = rankings(indexes, queries)
    scores = evaluate(ranked, queries, qrels)
    table = summary(scores, queries)
    print(f"cari on the {args.engine} engine")
    for kind, rows in table.items():
        print(f"\n{kind} ({rows['queries']} queries)")
        print(f"  {'system':14}" + "".join(f"{m:>9}" for m in METRICS))
        for system in SYSTEMS:
            print(f"  {system:14}" + "".join(f"{rows[system][m]:9.3f}" for m in METRICS))
    # A blind set is scored, never read query by query: only its totals are shown.
    blind = bool(args.set) and "blind" in args.set
    if not blind:
        print("\nper query nDCG@10: cari vs snowball (vs nostem)")
    wins = losses = 0
    for qid, kind, text in queries:
        c, b, n = (scores[s][qid]["nDCG@10"] for s in ("cari", "snowball", "nostem"))
        mark = "win " if c > b + 1e-9 else "loss" if c < b - 1e-9 else "tie "
        wins += mark == "win "
        losses += mark == "loss"
        if not blind:
            print(
                f"  {mark} {qid} {kind:6} {text[:32]:32} cari {c:.3f}  snowball {b:.3f}"
                f"  nostem {n:.3f}"
            )
    print(f"wins {wins}, losses {losses}, ties {len(queries) - wins - losses}")
    if args.unjudged and not blind:
        print_unjudged(ranked, queries, qrels)
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
