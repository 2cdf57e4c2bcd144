"""Officials as tagged article by article, sampled for readers to judge (run by hand).

    python -m bench.quality.mention_audit --draw --seed 4001 --articles 400 --out DIR
    python -m bench.quality.mention_audit --draw --seed 4003 --articles 120 --min-tags 4 --out DIR
    python -m bench.quality.mention_audit --score DIR --half dev|blind

The gold sets measure officials on a few hundred annotated articles; this audit measures the
precision of the official tags a user filters by on many more, at the cost of recall: a
reader judges only what extraction tagged. `--draw` samples news articles from the corpus
(the pool of `gold_sample`: outside every gold set, a news category, 300 to 2,500
characters), extracts them, and writes one `[[mention]]` per official tagged (the article's
id and title, the name and role given, up to two windows of the body around the name) to
`DIR/<half>/mentions.toml` with an empty `verdict` and `why`; the articles alternate between
`dev` and `blind`. Readers who did not write the rules fill the verdicts by reading the
article (`VERDICTS`; the rules of `data/gold16/README.md` decide who is an official).

`--score` extracts the half's articles again with the current rules and prints the share of
the tags still given that readers marked "ok", with its Wilson interval, the marked tags no
longer given (by verdict: a wrong one dropped is a gain, an "ok" one a loss) and the tags given
now that no reader judged. A blind half's errors are not printed.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
import tomllib
from collections import Counter
from pathlib import Path

from bench.quality.extract_gold import _commit, name_words
from bench.quality.gold_sample import draw, toml_string
from search.indexing.official_variants import spelling_key
from search.ingest.records import extract_record
from tests.corpus import records_with_ids

VERDICTS = ("ok", "not_person", "not_official", "wrong_name", "wrong_person")
WINDOW = 140
RESULTS = Path(__file__).resolve().parents[1] / "results"


def person_key(name: str) -> tuple[str, ...]:
    """One person's name whatever its spelling or title (the gold scorer's words)."""
    return tuple(spelling_key(word) for word in name_words(name))


def windows(name: str, body: str, limit: int = 2) -> list[str]:
    """Up to `limit` stretches of `body` around the name, or its last word when the full
    name is not written (the lede when neither is)."""
    spots: list[int] = []
    for form in (name, name.split()[-1]):
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", body):
            if all(abs(m.start() - s) > WINDOW for s in spots):
                spots.append(m.start())
        if spots:
            break
    spots = sorted(spots)[:limit] or [0]
    return [
        re.sub(r"\s*\n\s*", " / ", body[max(0, at - WINDOW) : at + WINDOW]).strip() for at in spots
    ]


def draw_tag_rich(seed: int, size: int, min_tags: int) -> dict[str, list[dict]]:
    """`size` articles, in `draw`'s order, that extraction tags with at least `min_tags`
    officials: where one article can hold many wrong tags (lists of names, a story of several
    offices), alternating between `dev` and `blind`."""
    drawn = draw(seed, 3000)
    pool = [r for pair in zip(drawn["dev"], drawn["blind"], strict=False) for r in pair]
    chosen = [r for r in pool if len(extract_record(r).article.officials) >= min_tags][:size]
    return {"dev": chosen[0::2], "blind": chosen[1::2]}


def write(halves: dict[str, list[dict]], out: Path, seed: int) -> None:
    for half, chosen in halves.items():
        lines = [
            f"# Officials tagged by extraction in {len(chosen)} corpus news articles"
            f" (mention_audit --seed {seed}), {half} half.",
            "# verdict: " + " | ".join(VERDICTS) + "; why: the office, or what is wrong.",
            "",
        ]
        for record in chosen:
            article = extract_record(record).article
            for official in article.officials:
                lines += [
                    "[[mention]]",
                    f"id = {toml_string(record['id'])}",
                    f"title = {toml_string(article.title)}",
                    f"name = {toml_string(official.name)}",
                    f"role = {toml_string(official.role)}",
                    "context = [",
                    *(f"  {toml_string(text)}," for text in windows(official.name, article.body)),
                    "]",
                    'verdict = ""',
                    'why = ""',
                    "",
                ]
        (out / half).mkdir(parents=True, exist_ok=True)
        (out / half / "mentions.toml").write_text("\n".join(lines), encoding="utf-8")
        ids = "".join(f"{record['id']}\n" for record in chosen)
        (out / half / "articles.txt").write_text(ids, encoding="utf-8")


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a share of `hits` in `n` (95 % for z = 1.96)."""
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - spread, centre + spread)


def score(folder: Path) -> dict:
    marks = tomllib.loads((folder / "mentions.toml").read_text(encoding="utf-8"))["mention"]
    unread = [m for m in marks if m["verdict"] not in VERDICTS]
    if unread:
        raise SystemExit(f"{folder}: {len(unread)} mention(s) without a known verdict")
    ids = (folder / "articles.txt").read_text(encoding="utf-8").split()
    found = records_with_ids(set(ids))
    if missing := [i for i in ids if i not in found]:
        raise SystemExit(f"{folder}: {len(missing)} article(s) no longer in the corpus")
    judged = {(m["id"], person_key(m["name"])): m for m in marks}
    kept: Counter[str] = Counter()
    dropped: list[dict] = []
    unjudged: list[str] = []
    given = set()
    for article_id in ids:
        for official in extract_record(found[article_id]).article.officials:
            key = (article_id, person_key(official.name))
            given.add(key)
            if key in judged:
                kept[judged[key]["verdict"]] += 1
            else:
                unjudged.append(f"{article_id}: {official.name} ({official.role})")
    dropped = [m for key, m in judged.items() if key not in given]
    n = sum(kept.values())
    low, high = wilson(kept["ok"], n)
    return {
        "articles": len(ids),
        "judged_tags": len(marks),
        "tags_now": n + len(unjudged),
        "precision": round(kept["ok"] / n, 3) if n else None,
        "interval": [round(low, 3), round(high, 3)],
        "kept": dict(kept),
        "dropped": dict(Counter(m["verdict"] for m in dropped)),
        "unjudged": len(unjudged),
        "_errors": [
            f"{m['id']}: {m['verdict']} {m['name']!r} ({m['role']}) {m['why']}"
            for m in marks
            if m["verdict"] != "ok" and (m["id"], person_key(m["name"])) in given
        ],
        "_dropped": [f"{m['id']}: {m['verdict']} {m['name']!r}" for m in dropped],
        "_unjudged": unjudged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true", help="draw a new sample into --out")
    parser.add_argument("--seed", type=int, default=4001)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument(
        "--min-tags", type=int, default=0, help="draw only articles tagged with this many officials"
    )
    parser.add_argument("--out", type=Path)
    parser.add_argument("--score", type=Path, help="a sample's folder (with dev/ and blind/)")
    parser.add_argument("--half", choices=("dev", "blind"), default="dev")
    args = parser.parse_args()
    if args.draw:
        if args.out is None:
            parser.error("--draw needs --out")
        if args.min_tags:
            halves = draw_tag_rich(args.seed, args.articles, args.min_tags)
        else:
            halves = draw(args.seed, args.articles)
        write(halves, args.out, args.seed)
        return
    if args.score is None:
        parser.error("give --draw or --score")
    result = score(args.score / args.half)
    print(
        f"{args.score.name} {args.half}: {result['tags_now']} tags in {result['articles']}"
        f" articles; of the {sum(result['kept'].values())} judged, precision"
        f" {result['precision']} ({result['interval'][0]}-{result['interval'][1]});"
        f" dropped {result['dropped']}; unjudged {result['unjudged']}"
    )
    if args.half == "dev":
        for section in ("_errors", "_dropped", "_unjudged"):
            for line in result[section]:
                print(f"  {section[1:]}: {line}")
    name = f"mention_audit-{args.score.name}-{args.half}.json"
    public = {"date": time.strftime("%Y-%m-%d"), "commit": _commit()}
    public |= {k: v for k, v in result.items() if not k.startswith("_")}
    (RESULTS / name).write_text(json.dumps(public, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
