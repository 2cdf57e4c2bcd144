"""Draw a new who-said-what gold sample from the corpus, outside every earlier gold set.

    python -m bench.quality.gold_sample --seed 1620 --size 72 --out DIR
    python -m bench.quality.gold_sample --pages --seed 1660 --out DIR

The pool: corpus records whose id is in no earlier gold file (the officials gold files, both
halves of every `bench/quality/data/gold16*` set and of every officials mention audit), with a
body of 300 to 2,500 characters, filed by their publisher under a news category
(`NEWS_CATEGORIES`: national, regional, metro, world, politics, law, economy), where officials
speak most. `random.Random(seed)` samples
`size` of them; positions 0, 2, 4, ... go to `dev`, 1, 3, 5, ... to `blind`. Writes
`DIR/<half>/articles.toml` with the ids, titles and empty annotation lists, for readers to fill.

With `--pages`, the bodies of a raw-page set: for each publisher shape (`PAGE_SHAPES`, the
Blogger shape from any publisher) two records with speech (a quotation mark or a verb of
speech) and a body of 400 to 1,800 characters, outside every earlier gold set (its pages too),
drawn by `random.Random(seed)`; the first goes to `dev`, the second to `blind`. Writes
`DIR/<half>/bodies.tsv` (shape, corpus id) for the page writers; a shape whose publisher has
fewer than two unused records left is skipped (said on stdout).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from tests.corpus import records

DATA = Path(__file__).resolve().parent / "data"
TESTS_DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
NEWS_CATEGORIES = {
    "news", "nasional", "daerah", "metro", "regional", "international", "dunia",
    "politik", "hukum", "bisnis", "ekbis", "economy", "ekonomi", "money", "megapolitan",
}  # fmt: skip
_ID = re.compile(r'id = "(clickid-[0-9a-f]+)"')
PAGE_SHAPES = {
    "kompas": "kompas.com", "okezone": "okezone.com", "sindonews": "sindonews.com",
    "tempo": "tempo.co", "tribunnews": "tribunnews.com", "wowkeren": "wowkeren.com",
    "merdeka": "merdeka.com", "liputan6": "liputan6.com", "posmetro-medan": "posmetro-medan.com",
    "detik": "detik.com", "kapanlagi": "kapanlagi.com", "fimela": "fimela.com", "blogger": "",
}  # fmt: skip
_SPEECH = re.compile(r'["\u201c]|\b(?:kata|ujar|ungkap|jelas|tutur|tegas)\w*\b', re.IGNORECASE)


def earlier_ids() -> set[str]:
    files = list(DATA.glob("gold16*/*/articles.toml")) + list(DATA.glob("gold16*/*/pages.toml"))
    files += list(TESTS_DATA.glob("officials_gold*.toml"))
    taken = {found for path in files for found in _ID.findall(path.read_text(encoding="utf-8"))}
    for path in DATA.glob("mention_audit*/*/articles.txt"):  # one id a line
        taken.update(path.read_text(encoding="utf-8").split())
    for path in DATA.glob("gold16*/*/bodies.tsv"):  # a page set's bodies, before its pages
        taken.update(line.split("\t")[1] for line in path.read_text(encoding="utf-8").splitlines())
    return taken


def draw(seed: int, size: int) -> dict[str, list[dict]]:
    taken = earlier_ids()
    pool = [
        record
        for record in records()
        if record["id"] not in taken
        and 300 <= len(record.get("body", "")) <= 2500
        and str(record.get("category", "")).strip().lower() in NEWS_CATEGORIES
    ]
    pool.sort(key=lambda record: record["id"])
    chosen = random.Random(seed).sample(pool, size)
    return {"dev": chosen[0::2], "blind": chosen[1::2]}


def draw_pages(seed: int) -> dict[str, list[tuple[str, str]]]:
    taken = earlier_ids()
    pool = sorted(
        (
            record
            for record in records()
            if record["id"] not in taken
            and 400 <= len(record.get("body", "")) <= 1800
            and _SPEECH.search(record.get("body", ""))
        ),
        key=lambda record: record["id"],
    )
    rng = random.Random(seed)
    halves: dict[str, list[tuple[str, str]]] = {"dev": [], "blind": []}
    for shape, source in PAGE_SHAPES.items():
        candidates = [
            record["id"]
            for record in pool
            if record["id"] not in taken and (not source or record.get("source") == source)
        ]
        if len(candidates) < 2:
            print(f"{shape}: {len(candidates)} unused record(s) left, no page of this shape")
            continue
        for half, chosen in zip(halves, rng.sample(candidates, 2), strict=True):
            halves[half].append((shape, chosen))
            taken.add(chosen)
    return halves


def write_pages(halves: dict[str, list[tuple[str, str]]], out: Path) -> None:
    for half, chosen in halves.items():
        (out / half).mkdir(parents=True, exist_ok=True)
        lines = [f"{shape}\t{record_id}\n" for shape, record_id in chosen]
        (out / half / "bodies.tsv").write_text("".join(lines), encoding="utf-8")


def toml_string(text: str) -> str:
    """`text` as a TOML basic string (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def write(halves: dict[str, list[dict]], out: Path) -> None:
    for half, chosen in halves.items():
        lines = []
        for record in chosen:
            lines += [
                "[[article]]",
                f"id = {toml_string(record['id'])}",
                f"title = {toml_string(record.get('title', ''))}",
                'stratum = "news"',
                "officials = []",
                "quotes = []",
                "unattributed = []",
                "",
            ]
        (out / half).mkdir(parents=True, exist_ok=True)
        (out / half / "articles.toml").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, default=72)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--pages", action="store_true", help="draw the bodies of a raw-page set instead"
    )
    args = parser.parse_args()
    if args.pages:
        write_pages(draw_pages(args.seed), args.out)
    else:
        write(draw(args.seed, args.size), args.out)


if __name__ == "__main__":
    main()
