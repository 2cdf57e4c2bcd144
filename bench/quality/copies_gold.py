"""Recall and false joins of the copy groups a build finds, from pairs of articles a person read.

The one place that reads the read pairs (tab-separated: id_a, id_b, level, verdict `yes` when
the two are copies of one story, `no` when not):
- `data/copies_gold/dev.tsv` and `blind.tsv`: a blind reading of pairs drawn by
  `copies_sample.py` (a seed, 1,500 characters of each body shown), split in two halves. Tune
  on `dev`; `blind` is scored once, as a whole, never read pair by pair.
- `data/copies_read.tsv` (`--half read`): pairs read while tuning (400 characters shown).
- `data/copies_read_*/` (`--half samples`): the candidate pairs of each later reading
  (`copies_sample.py`: `pairs.md` marked, `key.json` naming the pairs), scored against the
  groups found now rather than the groups `key.json` recorded when the sample was drawn.

The groups are found as `cari build` finds them (`search.indexing.copies.find_copies` over the
corpus's articles). Per level of similarity (`copies_sample.level_pairs`, recomputed on the
corpus): how many candidate pairs the level holds, how many pairs were read, marked copies,
and grouped. Recall is estimated over the corpus: each level's share of read copies that are
grouped, weighted by the copies the level is estimated to hold (pairs in the level x share
read as copies). False joins: read pairs marked not copies that end up in one group, and the
pairs of the corpus they stand for (weighted the same way).

    python -m bench.quality.copies_gold --half dev|blind|both|read|samples [--show]

`--show` (not for `blind`) lists the read copies left apart and the false joins. Writes
bench/results/copies_gold_<half>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import table, write_json

DATA = Path(__file__).parent / "data"
HALVES = {
    "dev": [DATA / "copies_gold" / "dev.tsv"],
    "blind": [DATA / "copies_gold" / "blind.tsv"],
    "both": [DATA / "copies_gold" / "dev.tsv", DATA / "copies_gold" / "blind.tsv"],
    "read": [DATA / "copies_read.tsv"],
    "samples": sorted(DATA.glob("copies_read_*/pairs.md")),
}
# How many pairs each level held when the gold pairs were drawn (checked against the corpus).
LEVEL_SIZES = DATA / "copies_gold" / "level_sizes.json"


@dataclass(frozen=True)
class ReadPair:
    id_a: str
    id_b: str
    level: str
    copies: bool


def read_pairs(half: str) -> list[ReadPair]:
    """The pairs read in a half (see the module docstring); comment lines and the header are
    skipped, and so are pairs not marked yes or no."""
    found = []
    for path in HALVES[half]:
        if not path.exists():
            raise SystemExit(f"no read pairs at {path}: is the reading committed?")
        if path.suffix == ".md":
            found += _sample_pairs(path)
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("#") or len(fields) < 4 or fields[0] == "id_a":
                continue
            verdict = fields[3].strip().lower()
            if verdict in ("yes", "no"):
                found.append(ReadPair(fields[0], fields[1], fields[2], verdict == "yes"))
    return found


def _sample_pairs(marked: Path) -> list[ReadPair]:
    """The pairs of a reading drawn by `copies_sample.py`: `marked` (its `pairs.md`) holds the
    verdicts, the `key.json` beside it the ids and levels; pairs left unmarked are skipped."""
    from bench.quality.copies_sample import _verdicts

    key = json.loads((marked.parent / "key.json").read_text(encoding="utf-8"))
    verdicts = _verdicts(marked)
    return [
        ReadPair(entry["ids"][0], entry["ids"][1], entry["level"], verdicts[entry["pair"]])
        for entry in key["pairs"]
        if entry["pair"] in verdicts
    ]


def same_group(groups: list[list[str]]) -> Any:
    """Whether two ids are in one of these groups."""
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    return lambda a, b: a in group_of and group_of.get(a) == group_of.get(b)


def score(
    pairs: list[ReadPair], level_sizes: dict[str, int], grouped: Any
) -> tuple[dict[str, Any], dict[str, dict[str, int]]]:
    """The estimated recall and false joins (see the module docstring), and the counts of each
    level; `grouped(a, b)` tells whether two ids are in one group."""
    levels: dict[str, dict[str, int]] = {}
    for pair in pairs:
        level = levels.setdefault(
            pair.level,
            {"pairs": level_sizes.get(pair.level, 0), "read": 0, "copies": 0, "grouped": 0},
        )
        level.setdefault("false_joins", 0)
        level["read"] += 1
        together = grouped(pair.id_a, pair.id_b)
        if pair.copies:
            level["copies"] += 1
            level["grouped"] += int(together)
        else:
            level["false_joins"] += int(together)
    copies = found = false = 0.0
    for level in levels.values():
        weight = level["pairs"] / level["read"]
        copies += weight * level["copies"]
        found += weight * level["grouped"]
        false += weight * level["false_joins"]
    summary = {
        "read": len(pairs),
        "read_copies": sum(p.copies for p in pairs),
        "read_copies_grouped": sum(v["grouped"] for v in levels.values()),
        "false_joins": sum(v["false_joins"] for v in levels.values()),
        "recall": round(found / copies, 3) if copies else None,
        "estimated_copies": round(copies),
        "estimated_copies_grouped": round(found),
        "estimated_false_pairs_grouped": round(false),
        "pair_precision": round(found / (found + false), 3) if found + false else None,
    }
    return summary, levels


def main() -> None:
    from bench.quality.copies_sample import _articles, level_pairs
    from search.indexing.copies import article_fingerprint, find_copies

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=sorted(HALVES), required=True)
    parser.add_argument(
        "--show", action="store_true", help="list the copies missed and the false joins"
    )
    args = parser.parse_args()
    if args.show and args.half in ("blind", "both"):
        sys.exit("--show lists pairs one by one: not for the blind half")
    pairs = read_pairs(args.half)
    articles = _articles()
    by_id = {a.id: a for a in articles}
    missing = [p for p in pairs if p.id_a not in by_id or p.id_b not in by_id]
    if missing:
        print(f"{len(missing)} read pairs name articles not in the corpus: left out")
        pairs = [p for p in pairs if p not in missing]
    prints = [article_fingerprint(a) for a in articles]
    grouped = same_group(find_copies(prints).groups)
    sizes = {level: len(found) for level, found in level_pairs(prints).items()}
    drawn = json.loads(LEVEL_SIZES.read_text(encoding="utf-8")) if LEVEL_SIZES.exists() else {}
    if drawn and drawn != sizes:
        print(f"the levels hold other numbers of pairs than when the gold was drawn: {drawn}")
    unknown = {p.level for p in pairs} - set(sizes)
    if unknown:
        sys.exit(f"levels not found in the corpus: {', '.join(sorted(unknown))}")
    summary, levels = score(pairs, sizes, grouped)
    print(
        table(
            [
                [name, v["pairs"], v["read"], v["copies"], v["grouped"], v["false_joins"]]
                for name, v in sorted(levels.items())
            ],
            ["level", "pairs in corpus", "read", "copies", "grouped", "non-copies grouped"],
        )
    )
    print(
        f"recall {summary['recall']} (of an estimated {summary['estimated_copies']} copy pairs, "
        f"{summary['estimated_copies_grouped']} grouped); false joins "
        f"{summary['false_joins']} of {summary['read'] - summary['read_copies']} non-copies "
        f"read (an estimated {summary['estimated_false_pairs_grouped']} pairs in the corpus; "
        f"pair precision {summary['pair_precision']})"
    )
    if args.show:
        for pair in pairs:
            together = grouped(pair.id_a, pair.id_b)
            if pair.copies != together:
                print(f"\n{'missed' if pair.copies else 'FALSE JOIN'} ({pair.level})")
                for article in (by_id[pair.id_a], by_id[pair.id_b]):
                    print(f"  {article.id} {article.source} {article.date_iso} | {article.title}")
    path = write_json(f"copies_gold_{args.half}", {**summary, "levels": levels})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
