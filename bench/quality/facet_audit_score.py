"""The officials facet audit's figures, from a reader's marks of the sampled entries.

    python -m bench.quality.facet_audit_score [--marks FILE] [--index DIR]

Reads bench/quality/data/facet_audit_marks.toml (one [[entry]] per sampled facet entry of
bench/quality/facet_audit.json, with name, articles, verdict and why) and prints the share of
entries marked "ok" (a real holder of public office under one canonical name), the same share
weighted by the entries' article counts, and every entry not marked "ok", grouped by verdict.
The figures are also written to bench/results/facet_audit_score.json.

With --index DIR (a built index, such as `cari build --seeds /work/shared/corpus/clickid-2019
--index DIR` gives), the marks are scored against that index's official facet instead: how
many entries the facet has, which marked entries it still lists (under their own name) and
which it no longer does, by verdict, so a change of extraction shows the entries it dropped,
the wrong ones (wanted) and the ok ones (lost); the share is then of the entries still listed.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import defaultdict
from pathlib import Path

from search.config import MAX_FACET_SIZE
from search.model import RequestError, SearchRequest
from search.retrieval.engine import SearchEngine

MARKS = Path(__file__).resolve().parent / "data" / "facet_audit_marks.toml"
OUT = Path(__file__).resolve().parents[1] / "results" / "facet_audit_score.json"
VERDICTS = ("ok", "not_person", "not_official", "variant", "wrong_person")


def load_marks(path: Path) -> list[dict]:
    """The marked entries in `path`, each checked for a known verdict and a count."""
    with path.open("rb") as handle:
        entries = tomllib.load(handle).get("entry", [])
    for entry in entries:
        if entry.get("verdict") not in VERDICTS:
            raise ValueError(f"{entry.get('name')!r}: verdict must be one of {VERDICTS}")
        if not isinstance(entry.get("articles"), int) or entry["articles"] < 1:
            raise ValueError(f"{entry.get('name')!r}: articles must be a positive integer")
    return entries


def score(entries: list[dict]) -> dict:
    """The share of entries marked ok, plain and weighted by article count, and the rest."""
    ok = [e for e in entries if e["verdict"] == "ok"]
    total_articles = sum(e["articles"] for e in entries)
    by_verdict: dict[str, list[dict]] = defaultdict(list)
    for entry in entries:
        if entry["verdict"] != "ok":
            by_verdict[entry["verdict"]].append(
                {"name": entry["name"], "articles": entry["articles"], "why": entry["why"]}
            )
    return {
        "entries": len(entries),
        "ok": len(ok),
        "ok_share": len(ok) / len(entries) if entries else 0.0,
        "ok_share_by_articles": (
            sum(e["articles"] for e in ok) / total_articles if total_articles else 0.0
        ),
        "not_ok": {verdict: by_verdict[verdict] for verdict in VERDICTS if by_verdict[verdict]},
    }


def facet_presence(index_dir: Path, names: list[str]) -> tuple[int, dict[str, int]]:
    """The number of entries in the official facet of the index in `index_dir`, and each of
    `names` with the articles the facet gives it (0: no longer listed)."""
    engine = SearchEngine(index_dir)
    try:
        size = engine.search(SearchRequest("", facet_size=1)).facet_total("officials")
        counts = {}
        for name in names:
            request = SearchRequest("", officials=(name,), page_size=1, facet_size=MAX_FACET_SIZE)
            try:
                listed = dict(engine.search(request).official_counts)
            except RequestError:  # no article names it
                listed = {}
            counts[name] = listed.get(name, 0)
    finally:
        engine.close()
    return size, counts


def against_index(entries: list[dict], index_dir: Path) -> dict:
    """The marked entries the index's facet still lists and those it does not, by verdict,
    and the score of those still listed."""
    size, counts = facet_presence(index_dir, [e["name"] for e in entries])
    kept = [dict(e, articles=counts[e["name"]]) for e in entries if counts[e["name"]]]
    gone: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        if not counts[entry["name"]]:
            gone[entry["verdict"]].append(entry["name"])
    figures = score(kept)
    figures.update(
        {
            "index": str(index_dir),
            "facet_size": size,
            "marked": len(entries),
            "marked_ok": sum(e["verdict"] == "ok" for e in entries),
            "kept": len(kept),
            "kept_ok": sum(e["verdict"] == "ok" for e in kept),
            "gone": {verdict: gone[verdict] for verdict in VERDICTS if gone[verdict]},
        }
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=Path, default=MARKS)
    parser.add_argument("--index", type=Path, help="score this built index's official facet")
    args = parser.parse_args()
    if args.index is not None:
        figures = against_index(load_marks(args.marks), args.index)
        print(f"official facet of {args.index}: {figures['facet_size']} entries")
        print(f"marked entries still listed: {figures['kept']}/{figures['marked']}")
        print(f"marked ok still listed: {figures['kept_ok']}/{figures['marked_ok']}")
        wrong = figures["marked"] - figures["marked_ok"]
        wrong_kept = figures["kept"] - figures["kept_ok"]
        print(f"marked wrong still listed: {wrong_kept}/{wrong}")
        for verdict, names in figures["gone"].items():
            print(f"  gone, marked {verdict}: {', '.join(names)}")
    else:
        figures = score(load_marks(args.marks))
    print(f"entries marked: {figures['entries']}")
    print(f"ok: {figures['ok']}/{figures['entries']} = {figures['ok_share']:.1%}")
    print(f"ok weighted by article count: {figures['ok_share_by_articles']:.1%}")
    for verdict, entries in figures["not_ok"].items():
        print(f"\n{verdict} ({len(entries)}):")
        for entry in entries:
            print(f"  {entry['name']} ({entry['articles']}): {entry['why']}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
