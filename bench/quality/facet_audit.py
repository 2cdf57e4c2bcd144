"""The officials facet over the whole corpus, sampled for a reader to check (run by hand).

    python -m bench.quality.facet_audit [--index DIR] [--rebuild] [--sample 200] [--seed 16]
        [--uniform]

Builds the corpus index (or reuses the one in --index), lists the whole official facet over
every article (every entry: a search lists MAX_FACET_SIZE at most), prints its size and its 50
largest entries, and draws a sample of entries weighted by their article counts, or with
--uniform one uniform over entries (`random.Random(seed).sample(sorted(facet), size)`); a
fixed seed: the same index gives the same sample. Each sampled entry
is written with its count, the roles it was given and a few example contexts from its
articles, to bench/quality/facet_audit.json, with empty fields for the reader to fill:
`official` (a real holder of public office, under one canonical name: true or false) and
`why`. The share of entries marked true is the audit's figure.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import numpy as np

from bench.harness import write_jsonl_seed
from search.indexing.build import build
from search.ingest.records import extract_record
from search.model import SearchRequest
from search.retrieval.doctable import doc_table
from search.retrieval.engine import SearchEngine
from tests.corpus import records_with_ids

OUT = Path(__file__).resolve().parent / "facet_audit.json"
DEFAULT_INDEX = Path(__file__).resolve().parents[1] / "results" / "facet-audit-index"
CONTEXTS = 3
CONTEXT_CHARS = 110


def corpus_index(index_dir: Path, rebuild: bool) -> Path:
    """The index of the whole corpus in `index_dir`, built when missing or asked for."""
    if rebuild and index_dir.exists():
        shutil.rmtree(index_dir)
    if not (index_dir / "live").exists():
        seeds = index_dir.parent / (index_dir.name + "-seeds")
        if seeds.exists():
            shutil.rmtree(seeds)
        write_jsonl_seed(seeds / "corpus.jsonl")
        report = build(seeds, index_dir, force=True)
        print(f"built {index_dir}: {report.indexed} articles, {len(report.problems)} skipped")
    return index_dir


def whole_facet(engine: SearchEngine) -> list[tuple[str, int]]:
    """Every entry of the official facet over all the index's articles, as (name, articles),
    most articles first, then by name: the facet a search counts (each variant's articles
    under the name it goes under), without the search's MAX_FACET_SIZE cut."""
    with engine.searcher() as searcher:
        officials = doc_table(searcher).officials
        docs = np.fromiter(searcher.reader().all_doc_ids(), dtype=np.int64)
        docs.sort()
        counts = officials.merged(officials.counts_of(docs), docs)
        entries = [(officials.names[code], int(counts[code])) for code in np.flatnonzero(counts)]
    return sorted(entries, key=lambda entry: (-entry[1], entry[0]))


def uniform_sample(entries: list[tuple[str, int]], size: int, seed: int) -> list[tuple[str, int]]:
    """`size` entries drawn without replacement, each with the same odds."""
    return random.Random(seed).sample(sorted(entries), size)


def weighted_sample(entries: list[tuple[str, int]], size: int, seed: int) -> list[tuple[str, int]]:
    """`size` entries drawn without replacement, each with odds in proportion to its count
    (Efraimidis-Spirakis keys)."""
    rng = random.Random(seed)
    keyed = sorted(entries, key=lambda e: rng.random() ** (1.0 / e[1]), reverse=True)
    return keyed[:size]


def contexts(name: str, article_ids: list[str]) -> tuple[list[dict], Counter]:
    """Where each article names the entry: the role extraction gave it and a window of text
    around the first mention of its last name word (or the lede when not written)."""
    records = records_with_ids(set(article_ids))
    found, roles = [], Counter()
    last = re.escape(name.split()[-1])
    for article_id in article_ids:
        record = records.get(article_id)
        if record is None:
            continue
        article = extract_record(record).article
        roles.update(o.role for o in article.officials if o.name == name)
        body = article.body
        m = re.search(rf"\b{last}\b", body)
        at = m.start() if m else 0
        text = body[max(0, at - CONTEXT_CHARS) : at + CONTEXT_CHARS].replace("\n", " ")
        found.append({"id": article_id, "title": article.title, "text": text})
    return found, roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--rebuild", action="store_true", help="build the index anew")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--uniform", action="store_true", help="a sample uniform over entries")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    engine = SearchEngine(corpus_index(args.index, args.rebuild))
    facet = whole_facet(engine)
    print(f"official facet: {len(facet)} entries, {sum(n for _, n in facet)} article mentions")
    print("top 50:")
    for name, count in facet[:50]:
        print(f"  {count:6d}  {name}")
    entries = []
    draw = uniform_sample if args.uniform else weighted_sample
    for name, count in draw(facet, args.sample, args.seed):
        request = SearchRequest("", officials=(name,), page_size=CONTEXTS)
        ids = [hit.id for hit in engine.search(request).hits]
        examples, roles = contexts(name, ids)
        entries.append(
            {
                "name": name,
                "articles": count,
                "roles": [role or "(none)" for role, _ in roles.most_common()],
                "contexts": examples,
                "official": None,
                "why": "",
            }
        )
    engine.close()
    result = {
        "facet_size": len(facet),
        "sample_seed": args.seed,
        "sample_kind": "uniform" if args.uniform else "weighted",
        "top_50": [{"name": n, "articles": c} for n, c in facet[:50]],
        "sample": entries,
    }
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} sampled entries to {args.out}")


if __name__ == "__main__":
    main()
