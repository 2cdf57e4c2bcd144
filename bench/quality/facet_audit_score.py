"""The officials facet audit's figures, from a reader's marks of the sampled entries.

    python -m bench.quality.facet_audit_score [--marks FILE]

Reads bench/quality/data/facet_audit_marks.toml (one [[entry]] per sampled facet entry of
bench/quality/facet_audit.json, with name, articles, verdict and why) and prints the share of
entries marked "ok" (a real holder of public office under one canonical name), the same share
weighted by the entries' article counts, and every entry not marked "ok", grouped by verdict.
The figures are also written to bench/results/facet_audit_score.json.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import defaultdict
from pathlib import Path

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=Path, default=MARKS)
    args = parser.parse_args()
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
