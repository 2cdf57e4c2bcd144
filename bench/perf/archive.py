"""A large archive of distinct articles made from the corpus, for the scale benchmark.

Each new article is recombined from paragraphs of two to five different corpus articles: the
lede of one (with its dateline, so sources and officials are found as in real pages), then one
to three paragraphs of each of the others, in order. The title joins the first half of one
corpus title to the second half of another's. Dates are spread evenly over 2015-2025 (one in
twenty to the month only), sources follow the corpus's mix of outlets, and officials are
whoever the paragraphs name (Cari extracts them, as from any seed). No two articles share a
body: the choice of paragraphs is a distinct combination per article, and the generator
checks it.

Vocabulary. Recombined paragraphs alone reuse the corpus's words, so the vocabulary would stop
growing at the corpus's size, unlike a real archive, which keeps meeting new names. Each
article therefore renames one or two capitalised words of one paragraph with a synthetic name
drawn from an unbounded Pareto-ranked list (tail index 2): the number of distinct names among
N draws grows about as the square root of N, the Heaps' law growth measured in real news
archives (exponent 0.4-0.6; Reuters RCV1: 0.49). `vocabulary_growth` measures the result.

    python -m bench.perf.archive --articles 100000 --out DIR
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.corpus import records as corpus_records

PER_FILE = 10_000  # articles per JSONL seed file
FIRST_DAY, LAST_DAY = 735_599, 739_616  # date.toordinal() of 2015-01-01 and 2025-12-31
SYLLABLES = [
    "ba",
    "di",
    "ku",
    "ra",
    "so",
    "wi",
    "ne",
    "lo",
    "ta",
    "mu",
    "ha",
    "ri",
    "gan",
    "to",
    "sa",
    "pu",
    "le",
    "ma",
    "nu",
    "ki",
    "dar",
    "win",
    "sur",
    "jo",
    "yan",
    "har",
    "ti",
    "ro",
    "bu",
    "se",
]
# A capitalised word inside a sentence (not its first word): a name, mostly.
_NAME_SLOT = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")


@dataclass(frozen=True)
class Donor:
    title: str
    paragraphs: tuple[str, ...]
    source: str


def load_donors(limit: int | None = None) -> tuple[list[Donor], list[str], list[int]]:
    """Corpus articles with at least two paragraphs, and the corpus's sources with counts."""
    donors = []
    sources: Counter[str] = Counter()
    for record in corpus_records(limit):
        paragraphs = tuple(p.strip() for p in record["body"].split("\n") if len(p.strip()) >= 40)
        if len(paragraphs) >= 2 and record.get("title"):
            source = record.get("source") or ""
            donors.append(Donor(record["title"].strip(), paragraphs, source))
            sources[source] += 1
    names = sorted(sources)
    return donors, names, [sources[n] for n in names]


def synthetic_name(rank: int) -> str:
    """The rank-th synthetic name: three or more syllables spelling the rank in base 30."""
    syllables = []
    value = rank + 30 * 30  # at least three syllables
    while value:
        value, digit = divmod(value, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    return "".join(syllables).capitalize()


def _pareto_rank(rng: random.Random) -> int:
    return int(rng.paretovariate(2.0)) - 1


def _date(rng: random.Random) -> str:
    from datetime import date

    day = date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))
    return day.isoformat()[:7] if rng.random() < 0.05 else day.isoformat()


def generate(
    count: int, donors: list[Donor], sources: list[str], weights: list[int], seed: int = 2019
) -> Iterator[dict[str, str]]:
    """`count` distinct article records (id, title, body, date, source)."""
    rng = random.Random(seed)
    seen: set[bytes] = set()
    made = 0
    while made < count:
        picks = rng.sample(range(len(donors)), rng.randint(2, 5))
        lede = donors[picks[0]]
        paragraphs = [lede.paragraphs[0]]
        for index in picks[1:]:
            donor = donors[index]
            start = rng.randrange(len(donor.paragraphs))
            paragraphs.extend(donor.paragraphs[start : start + rng.randint(1, 3)])
        # One or two new names in one paragraph (never the lede: its dateline stays intact).
        if len(paragraphs) > 1:
            where = rng.randrange(1, len(paragraphs))
            for _ in range(rng.randint(1, 2)):
                name = synthetic_name(_pareto_rank(rng))
                paragraphs[where] = _NAME_SLOT.sub(name, paragraphs[where], count=1)
        body = "\n".join(paragraphs)
        key = hashlib.blake2b(body.encode(), digest_size=16).digest()
        if key in seen:
            continue
        seen.add(key)
        other = donors[picks[1]].title.split()
        first = lede.title.split()
        title = " ".join(first[: max(1, len(first) // 2)] + other[len(other) // 2 :])
        made += 1
        yield {
            "id": f"arsip-{made:08d}",
            "title": title,
            "body": body,
            "date": _date(rng),
            "source": rng.choices(sources, weights)[0] or lede.source,
        }


def write_archive(
    folder: Path, count: int, *, seed: int = 2019, donors_limit: int | None = None
) -> list[Path]:
    """The archive as JSONL seeds of PER_FILE articles in `folder` (created); their paths."""
    donors, sources, weights = load_donors(donors_limit)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    out = None
    for n, record in enumerate(generate(count, donors, sources, weights, seed)):
        if n % PER_FILE == 0:
            if out:
                out.close()
            paths.append(folder / f"arsip-{n // PER_FILE:04d}.jsonl")
            out = paths[-1].open("w", encoding="utf-8")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out:
        out.close()
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2019)
    args = parser.parse_args(argv)
    paths = write_archive(args.out, args.articles, seed=args.seed)
    print(f"{args.articles:,} articles in {len(paths)} JSONL seeds under {args.out}")


if __name__ == "__main__":
    main()
