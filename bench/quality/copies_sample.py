"""Samples of the corpus's copy groups and candidate pairs, for a person to read and mark.

Writes (fixed seed) into bench/results/copies_sample/:
- `groups.md`: GROUPS groups found by `cari build` (search.indexing.copies), each article with
  its title, source, date and the first 400 characters of its body. The reader marks each
  group `verdict: yes` (all copies of one story) or `verdict: no` (and says which differ).
- `pairs.md`: pairs of articles at several levels of similarity, PER_LEVEL each, drawn from
  every pair that shares a run of 5 words or a headline (not only the pairs Cari compares),
  shown the same way, marked `verdict: yes` (copies of one story) or `verdict: no`.
- `key.json`: what Cari decided for each group and pair, and how many pairs each level holds.
  A reader does not open it before marking.

    python -m bench.quality.copies_sample            # write the samples
    python -m bench.quality.copies_sample --score    # precision and recall from the marks

`--score` prints and writes (bench/results/copies_quality.json) the precision of the groups
(groups marked yes / groups marked) and the recall estimated from the pairs: at each level,
the share of the pairs marked yes that Cari put in one group, weighted by how many pairs the
level holds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from bench.harness import RESULTS_DIR, write_json

SEED = 20191001
GROUPS = 100
PER_LEVEL = 30
EXCERPT = 400
# Levels of similarity: Jaccard of the bodies' 5-word shingles (boilerplate left in).
LEVELS = [(0.8, 1.01), (0.5, 0.8), (0.3, 0.5), (0.15, 0.3), (0.05, 0.15)]
HEADLINE_LEVEL = "similar headline, little shared text"
HEADLINE_JACCARD = 0.5
HEADLINE_DAYS = 2
OUT = RESULTS_DIR / "copies_sample"


def _articles() -> list[Any]:
    from tests.corpus import corpus_articles

    return list(corpus_articles())


def shingle_pairs(sets: list[np.ndarray], most: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (i < j) of shingle sets sharing a shingle that at most `most` sets have (any
    number when None), and how many they share: ((pairs, 2), (pairs,))."""
    sizes = [len(s) for s in sets]
    joined = np.concatenate(sets)
    docs = np.repeat(np.arange(len(sets)), sizes)
    order = np.argsort(joined, kind="stable")
    joined, docs = joined[order], docs[order]
    starts = np.flatnonzero(np.r_[True, joined[1:] != joined[:-1]])
    counts = np.diff(np.r_[starts, len(joined)])
    codes = [np.zeros(0, dtype=np.int64)]
    for start, count in zip(starts.tolist(), counts.tolist(), strict=True):
        if count >= 2 and (most is None or count <= most):
            members = docs[start : start + count]
            i, j = np.triu_indices(count, 1)
            a, b = np.minimum(members[i], members[j]), np.maximum(members[i], members[j])
            codes.append(a.astype(np.int64) * len(sets) + b)
    found, shared = np.unique(np.concatenate(codes), return_counts=True)
    return np.stack([found // len(sets), found % len(sets)], axis=1), shared


def _pairs_sharing_text(prints: list[Any], most: int = 20) -> dict[tuple[int, int], int]:
    """Every pair of articles sharing a shingle that at most `most` articles have, with how
    many they share."""
    pairs, shared = shingle_pairs([p.shingles for p in prints], most)
    return {(int(a), int(b)): int(n) for (a, b), n in zip(pairs, shared, strict=True)}


def _similar_headlines(prints: list[Any]) -> set[tuple[int, int]]:
    """Pairs published within HEADLINE_DAYS whose headlines share HEADLINE_JACCARD of words."""
    by_word: dict[str, list[int]] = {}
    for i, p in enumerate(prints):
        for word in p.title_words:
            by_word.setdefault(word, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for docs in by_word.values():
        if len(docs) > 200:
            continue
        for x in range(len(docs)):
            for y in range(x + 1, len(docs)):
                key = (docs[x], docs[y])
                shared[key] = shared.get(key, 0) + 1
    found = set()
    for (a, b), n in shared.items():
        pa, pb = prints[a], prints[b]
        union = len(pa.title_words | pb.title_words)
        near = pa.day is not None and pb.day is not None and abs(pa.day - pb.day) <= HEADLINE_DAYS
        if near and union and n / union >= HEADLINE_JACCARD:
            found.add((a, b))
    return found


def level_pairs(prints: list[Any]) -> dict[str, list[tuple[int, int]]]:
    """The candidate pairs of articles (indexes into `prints`, i < j) at each level of
    similarity: by the Jaccard of their bodies' shingles (LEVELS), and pairs sharing little
    text under similar headlines (HEADLINE_LEVEL)."""
    shared = _pairs_sharing_text(prints)
    sizes = [len(p.shingles) for p in prints]
    levels: dict[str, list[tuple[int, int]]] = {}
    for (a, b), n in shared.items():
        jaccard = n / (sizes[a] + sizes[b] - n)
        for low, high in LEVELS:
            if low <= jaccard < high:
                levels.setdefault(f"jaccard {low:.2f}-{min(high, 1):.2f}", []).append((a, b))
    levels[HEADLINE_LEVEL] = [
        pair
        for pair in sorted(_similar_headlines(prints))
        if shared.get(pair, 0) / max(1, sizes[pair[0]] + sizes[pair[1]]) < LEVELS[-1][0] / 2
    ]
    return levels


def _shown(article: Any, excerpt_chars: int = EXCERPT) -> list[str]:
    excerpt = " ".join(article.body[:excerpt_chars].split())
    return [
        f"- **{article.title}**",
        f"  {article.source or 'source unknown'} · {article.date_iso or 'no date'}",
        f"  > {excerpt}…",
    ]


def write_samples(seed: int = SEED, out: Path = OUT, excerpt_chars: int = EXCERPT) -> None:
    from search.indexing.copies import article_fingerprint, find_copies

    articles = _articles()
    prints = [article_fingerprint(a) for a in articles]
    copies = find_copies(prints)
    groups = copies.groups
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    rng = random.Random(seed)

    chosen_groups = rng.sample(groups, min(GROUPS, len(groups)))
    by_id = {a.id: a for a in articles}
    lines = [
        "# Copy groups to read",
        "",
        "For each group: are all its articles copies of one story (the same article republished,",
        "syndicated, re-run under a new headline or lede, or a report updated in place)? Write",
        "`verdict: yes` or `verdict: no` (and which article is another story).",
    ]
    for n, group in enumerate(chosen_groups, 1):
        lines += ["", f"## Group {n} ({len(group)} articles)", ""]
        for article_id in group:
            lines += _shown(by_id[article_id], excerpt_chars)
        lines += ["", "verdict: "]
    out.mkdir(parents=True, exist_ok=True)
    (out / "groups.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    levels = level_pairs(prints)
    lines = [
        "# Pairs of articles to read",
        "",
        "For each pair: are the two articles copies of one story (the same article",
        "republished, syndicated, re-run under a new headline or lede, or a report updated in",
        "place)? Two reports of one event written separately are not. Write `verdict: yes` or",
        "`verdict: no`.",
    ]
    key_pairs = []
    drawn = [
        (level, pair)
        for level, pairs in sorted(levels.items())
        for pair in rng.sample(sorted(pairs), min(PER_LEVEL, len(pairs)))
    ]
    rng.shuffle(drawn)  # levels mixed: the reader does not know a pair's level
    for n, (level, (a, b)) in enumerate(drawn, 1):
        lines += ["", f"## Pair {n}", ""]
        lines += _shown(articles[a], excerpt_chars) + _shown(articles[b], excerpt_chars)
        lines += ["", "verdict: "]
        together = articles[a].id in group_of and group_of.get(articles[a].id) == group_of.get(
            articles[b].id
        )
        key_pairs.append(
            {
                "pair": n,
                "level": level,
                "ids": [articles[a].id, articles[b].id],
                "grouped": together,
            }
        )
    (out / "pairs.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    key = {
        "groups": [{"group": n, "ids": g} for n, g in enumerate(chosen_groups, 1)],
        "pairs": key_pairs,
        "level_sizes": {level: len(pairs) for level, pairs in levels.items()},
        "groups_found": len(groups),
        "articles_in_groups": sum(len(g) for g in groups),
    }
    (out / "key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(groups)} groups ({key['articles_in_groups']} articles) found in {len(articles)}")
    print(f"wrote {len(chosen_groups)} groups and {len(drawn)} pairs to read into {out}/")
    for level, size in sorted(key["level_sizes"].items()):
        print(f"  {level}: {size} pairs")


_VERDICT = re.compile(r"^## (Group|Pair) (\d+).*?^verdict:[ \t]*(\w*)", re.M | re.S)


def _verdicts(path: Path) -> dict[int, bool]:
    found = {}
    for _kind, number, verdict in _VERDICT.findall(path.read_text(encoding="utf-8")):
        if verdict.lower() in ("yes", "no"):
            found[int(number)] = verdict.lower() == "yes"
    return found


def score(out: Path = OUT) -> int:
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    groups, pairs = _verdicts(out / "groups.md"), _verdicts(out / "pairs.md")
    if not groups and not pairs:
        print(f"no verdicts yet in {out}/groups.md or pairs.md", file=sys.stderr)
        return 1
    precision = sum(groups.values()) / len(groups) if groups else None
    per_level: dict[str, dict[str, int]] = {}
    for entry in key["pairs"]:
        if entry["pair"] not in pairs:
            continue
        level = per_level.setdefault(entry["level"], {"read": 0, "copies": 0, "grouped": 0})
        level["read"] += 1
        if pairs[entry["pair"]]:
            level["copies"] += 1
            level["grouped"] += int(entry["grouped"])
    # Copies in the corpus, estimated per level (share marked yes x pairs at that level).
    estimated = found = 0.0
    for name, level in per_level.items():
        size = key["level_sizes"][name]
        if level["read"]:
            estimated += size * level["copies"] / level["read"]
            found += size * level["grouped"] / level["read"]
    recall = found / estimated if estimated else None
    print(f"precision: {precision} ({len(groups)} groups read)")
    print(f"recall: {recall} (estimated copies in the corpus: {estimated:.0f})")
    for name, level in sorted(per_level.items()):
        print(f"  {name}: {level}")
    write_json(
        "copies_quality",
        {
            "precision": precision,
            "recall": recall,
            "estimated_copies": estimated,
            "levels": per_level,
            "groups_read": len(groups),
        },
    )
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--score", action="store_true", help="score the marked samples")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed of the sample")
    parser.add_argument("--out", type=Path, default=OUT, help="folder of the sample files")
    parser.add_argument(
        "--excerpt", type=int, default=EXCERPT, help="characters of each body shown to the reader"
    )
    args = parser.parse_args()
    if args.score:
        sys.exit(score(args.out))
    write_samples(args.seed, args.out, args.excerpt)


if __name__ == "__main__":
    main()
