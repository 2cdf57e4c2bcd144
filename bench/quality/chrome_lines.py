"""Learn `search/data/chrome_lines.tsv` (the chrome-line model) from the raw pages written for
tuning, and measure it on sets it did not learn from.

    python -m bench.quality.chrome_lines --write        # learn from every dev half, write
    python -m bench.quality.chrome_lines --check        # the file is what the dev halves give,
                                                        # and it holds on sets it did not learn from
    python -m bench.quality.chrome_lines --held-out 5   # learn without each fifth of the sets

Every line of every page of a set's `dev/` half (`pages.toml`), cut as the extractor cuts a page
(spaces normalised, spam words taken out), is labelled by its corpus record: a line of the
record's text (a whole paragraph, or at least 25 characters of it; after the page's dateline
prefix) is the story's, any other line chrome. Blind halves are never read. The model is a
logistic regression over `line_features` (words, word pairs, shape), learned by six passes of
AdaGrad in a fixed order (`random.Random(0)`), a story line's error counted three times (leaving
out a story line costs more than keeping a chrome line); features of fewer than three lines
and weights under 0.05 are not written.

`--held-out K` splits the sets into K groups and scores each group's lines with a model learned
from the others: the share of chrome lines read as chrome and of story lines read as chrome,
per place of the line on its page (before the story, inside it, under it).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.quality.extract_gold import SETS
from search.ingest.extract.boilerplate import normalize_line, remove_spam
from search.ingest.extract.boilerplate.line_model import (
    line_features,
    log_odds,
    odds_read_as_chrome,
)
from tests.corpus import records_with_ids

DATA = Path(__file__).resolve().parent / "data"
MODEL = Path(__file__).resolve().parents[2] / "search" / "data" / "chrome_lines.tsv"
# A line of the record's text: a whole paragraph, or this many characters of it.
_STORY_CHARS = 25
# "TRIBUNJABAR.ID, BANDUNG - " and the like before a paragraph of the record.
_DATELINE_PREFIX = re.compile(r"^\S{2,40}(?: \S{1,30}){0,3} ?[-–—] ")
_PASSES = 6
_STEP = 0.2
_L2 = 1e-5
_STORY_WEIGHT = 3.0
_BIAS_STEP = 0.01
_KEEP = 0.05
# A feature of fewer lines than this is one page's: not written.
_SEEN = 3
_HEADER = """# The chrome-line model of search/ingest/extract/boilerplate/line_model.py: a weight
# per feature of a line (w: word, b: word pair, len: word-count band, end: how it ends, shapes),
# and the bias. Learned from the dev halves of bench/quality/data/gold16* (raw pages) by
# `python -m bench.quality.chrome_lines --write`; do not edit by hand.
"""


@dataclass(frozen=True)
class Line:
    set: str
    page: str
    at: int
    text: str
    story: bool


def _norm(text: str) -> str:
    return " ".join(text.split())


def _is_story(line: str, body: str, paragraphs: set[str]) -> bool:
    if line in paragraphs or (len(line) >= _STORY_CHARS and line in body):
        return True
    prefix = _DATELINE_PREFIX.match(line)
    return (
        prefix is not None
        and len(line) - prefix.end() >= _STORY_CHARS
        and (line[prefix.end() :] in body)
    )


def dev_lines(sets: tuple[str, ...] = SETS) -> list[Line]:
    """Every line of every dev page, labelled story or chrome."""
    pages = []
    for name in sets:
        path = DATA / name / "dev" / "pages.toml"
        if path.is_file():
            pages += [(name, item) for item in tomllib.loads(path.read_text("utf-8"))["page"]]
    found = records_with_ids({item["corpus_id"] for _, item in pages})
    lines = []
    for name, item in pages:
        record = found[item["corpus_id"]]
        raw = record.get("text") or record.get("body") or ""
        body, paragraphs = _norm(raw), {_norm(p) for p in raw.split("\n")}
        text = (DATA / name / "dev" / item["file"]).read_text(encoding="utf-8")
        cut = [_norm(remove_spam(normalize_line(raw_line))) for raw_line in text.split("\n")]
        for at, line in enumerate(line for line in cut if line):
            lines.append(Line(name, item["file"], at, line, _is_story(line, body, paragraphs)))
    return lines


def learn(lines: list[Line]) -> tuple[dict[str, float], float]:
    rows = [(sorted(line_features(line.text)), 0.0 if line.story else 1.0) for line in lines]
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    bias = 0.0
    order = list(range(len(rows)))
    shuffle = random.Random(0)
    for _ in range(_PASSES):
        shuffle.shuffle(order)
        for i in order:
            features, label = rows[i]
            z = bias + sum(weights[f] for f in features)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            error = (p - label) * (1.0 if label else _STORY_WEIGHT)
            for f in features:
                grad = error + _L2 * weights[f]
                squares[f] += grad * grad
                weights[f] -= _STEP * grad / math.sqrt(squares[f])
            bias -= _BIAS_STEP * error
    seen = Counter(f for features, _ in rows for f in features)
    kept = {f: w for f, w in weights.items() if seen[f] >= _SEEN and abs(w) >= _KEEP}
    return kept, bias


def model_text(weights: dict[str, float], bias: float) -> str:
    rows = [f"bias\t{bias:.4f}"] + [f"{f}\t{w:.4f}" for f, w in sorted(weights.items())]
    return _HEADER + "\n".join(rows) + "\n"


def held_out(lines: list[Line], groups: int, only: int | None = None) -> dict[str, Counter]:
    """Each group's lines scored by a model learned from the other groups (`only`: that group
    alone)."""
    names = sorted({line.set for line in lines})
    random.Random(5).shuffle(names)
    tally: dict[str, Counter] = defaultdict(Counter)
    by_page: dict[tuple[str, str], list[Line]] = defaultdict(list)
    for line in lines:
        by_page[(line.set, line.page)].append(line)
    for k in range(groups) if only is None else [only]:
        group = set(names[k::groups])
        weights, bias = learn([line for line in lines if line.set not in group])
        for (name, _), page in by_page.items():
            if name not in group:
                continue
            story_at = [line.at for line in page if line.story]
            first, last = (min(story_at), max(story_at)) if story_at else (0, -1)
            for line in page:
                if line.story:
                    where = "story"
                elif first < line.at < last:
                    where = "chrome inside the story"
                elif line.at > last:
                    where = "chrome under the story"
                else:
                    where = "chrome over the story"
                tally[where]["lines"] += 1
                odds = log_odds(line.text, weights, bias)
                tally[where]["read as chrome"] += odds_read_as_chrome(line.text, odds)
    return tally


def learn_without(sets: set[str]) -> str:
    """The model file learned from every dev half but those of `sets`."""
    return model_text(*learn([line for line in dev_lines() if line.set not in sets]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    parser.add_argument("--check", action="store_true", help=f"{MODEL.name} is up to date")
    parser.add_argument("--held-out", type=int, metavar="K", help="K groups of sets")
    args = parser.parse_args(argv)
    lines = dev_lines()
    print(f"{len(lines):,} lines of {len({(x.set, x.page) for x in lines})} dev pages, "
          f"{sum(x.story for x in lines):,} of them the story's")  # fmt: skip
    if args.held_out:
        for where, counts in sorted(held_out(lines, args.held_out).items()):
            share = counts["read as chrome"] / counts["lines"]
            print(f"  {where:26} {counts['lines']:6,} lines, read as chrome {share:.3f}")
    if args.write or args.check:
        text = model_text(*learn(lines))
        if args.write:
            MODEL.write_text(text, encoding="utf-8")
            print(f"wrote {MODEL} ({len(text.splitlines()):,} lines)")
        elif MODEL.read_text(encoding="utf-8") != text:
            print(f"{MODEL} is not what the dev halves give: run --write", file=sys.stderr)
            return 1
        else:
            print(f"{MODEL} is up to date")
    if args.check:
        return _check_held_out(lines)
    return 0


# What a model learned without a fifth of the sets reads as chrome on that fifth's lines, at
# least (chrome) or at most (the story's).
HELD_OUT_FLOORS = {
    "chrome over the story": 0.85,
    "chrome under the story": 0.85,
    "chrome inside the story": 0.45,
}
# (A story line here is any line of the corpus record, its own credits and "Baca juga" lines
# too: about half of those read as chrome are such lines.)
HELD_OUT_STORY_CEILING = 0.03


def _check_held_out(lines: list[Line]) -> int:
    tally = held_out(lines, 5, only=0)
    share = {where: c["read as chrome"] / c["lines"] for where, c in tally.items()}
    low = {w: round(share[w], 3) for w, floor in HELD_OUT_FLOORS.items() if share[w] < floor}
    if low or share["story"] > HELD_OUT_STORY_CEILING:
        print(f"on sets it did not learn from: {share}", file=sys.stderr)
        return 1
    print("on sets it did not learn from: " + ", ".join(f"{w} {v:.3f}" for w, v in share.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
