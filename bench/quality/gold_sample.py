"""Draw a new who-said-what gold sample from the corpus, outside every earlier gold set.

    python -m bench.quality.gold_sample --seed 1620 --size 72 --out DIR

The pool: corpus records whose id is in no earlier gold file (the officials gold files and
both halves of every `bench/quality/data/gold16*` set), with a body of 300 to 2,500 characters,
filed by their publisher under a news category (`NEWS_CATEGORIES`: national, regional, metro,
world, politics, law, economy), where officials speak most. `random.Random(seed)` samples
`size` of them; positions 0, 2, 4, ... go to `dev`, 1, 3, 5, ... to `blind`. Writes
`DIR/<half>/articles.toml` with the ids, titles and empty annotation lists, for readers to fill.
"""

from __future__ import annotations

import argparse
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


def earlier_ids() -> set[str]:
    files = list(DATA.glob("gold16*/*/articles.toml"))
    files += list(TESTS_DATA.glob("officials_gold*.toml"))
    return {found for path in files for found in _ID.findall(path.read_text(encoding="utf-8"))}


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


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(halves: dict[str, list[dict]], out: Path) -> None:
    for half, chosen in halves.items():
        lines = []
        for record in chosen:
            lines += [
                "[[article]]",
                f"id = {_toml_string(record['id'])}",
                f"title = {_toml_string(record.get('title', ''))}",
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
    args = parser.parse_args()
    write(draw(args.seed, args.size), args.out)


if __name__ == "__main__":
    main()
