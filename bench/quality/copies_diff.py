"""What a change of the copy rules does over the corpus: the pairs it parts and joins, to be read.

    python -m bench.quality.copies_diff --corpus --out AFTER.json
    python -m bench.quality.copies_diff BEFORE.json AFTER.json

`--corpus` finds the copies of the corpus's articles as `cari build` does
(`search.indexing.copies.find_copies`, over `tests.corpus.corpus_articles`) with this
checkout's rules, and writes them as a generation's `copies.json` (groups and pairs), each pair
with the rule that joined it (`reasons`). Two such files (or a built index's
`INDEX/live/copies.json`) are then compared: every pair parted or joined, with its rule and each
article's source, date and headline, and how many groups changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def corpus_copies() -> dict[str, Any]:
    """The copies of the corpus, as `copies.json` holds them, with each pair's rule."""
    from search.indexing.copies import _without, article_fingerprint, copy_reason, find_copies
    from tests.corpus import corpus_articles

    prints = {p.id: p for p in map(article_fingerprint, corpus_articles())}
    found = find_copies(prints.values())
    pairs = sorted(found.pairs)
    reasons = []
    for a, b in pairs:
        first, second = prints[a], prints[b]
        texts = _without([first.shingles, second.shingles], found.boilerplate)
        reasons.append(copy_reason(first, second, *texts))
    return {"groups": found.groups, "pairs": [list(p) for p in pairs], "reasons": reasons}


def _pairs(path: Path) -> dict[tuple[str, str], str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    reasons = data.get("reasons") or [""] * len(data["pairs"])
    return {(a, b): reason or "" for (a, b), reason in zip(data["pairs"], reasons, strict=True)}


def compare(before: Path, after: Path) -> None:
    from tests.corpus import records_with_ids

    old, new = _pairs(before), _pairs(after)
    parted, joined = sorted(set(old) - set(new)), sorted(set(new) - set(old))
    records = records_with_ids({i for pair in parted + joined for i in pair})
    for name, pairs, reasons in (("parted", parted, old), ("joined", joined, new)):
        print(f"{len(pairs)} pairs {name}")
        for pair in pairs:
            print(f"  {reasons[pair] or '?'}")
            for i in pair:
                record = records.get(i, {})
                date = (record.get("date") or "")[:10]
                print(f"    {i} {record.get('source')} {date} | {record.get('title')}")
    groups = [
        {frozenset(g) for g in json.loads(p.read_text(encoding="utf-8"))["groups"]}
        for p in (before, after)
    ]
    print(
        f"groups: {len(groups[0])} -> {len(groups[1])}; {len(groups[0] - groups[1])} gone or "
        f"changed, {len(groups[1] - groups[0])} new or changed"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="BEFORE.json AFTER.json to compare")
    parser.add_argument("--corpus", action="store_true", help="find the corpus's copies")
    parser.add_argument("--out", type=Path, help="where --corpus writes them")
    args = parser.parse_args()
    if args.corpus:
        if args.out is None:
            sys.exit("--corpus needs --out FILE")
        args.out.write_text(json.dumps(corpus_copies(), ensure_ascii=False), encoding="utf-8")
        print(f"wrote {args.out}")
    elif len(args.files) == 2:
        compare(*args.files)
    else:
        sys.exit("give --corpus --out FILE, or two files to compare")


if __name__ == "__main__":
    main()
