"""Officials and quotes over the first corpus records, timed, and the change between two runs
(by hand).

    python -m bench.quality.officials_diff dump [--limit 3000] [--out FILE]
    python -m bench.quality.officials_diff diff BEFORE AFTER [--sample 30] [--seed 16] [--quotes]

`dump` finds the officials and the quotes of the first `limit` corpus records (as `cari build`
reads a JSONL record: search.ingest.records.extract_record) and writes them per record, with
the CPU seconds officials extraction took alone, to bench/results/officials-<limit>.json
(`--out`: FILE). `diff` lists the officials one run has and the other has not, counts them,
and prints a seeded sample of `sample` changes, each with the sentence that names it, for a
reader to mark right or wrong before and after: what a rule of officials.py or roles.toml does
to the corpus, beyond the gold articles. With `--quotes` it does the same for the quotes
(speaker and the quote's first words; the context is the quote's paragraph): what a rule of
quotes/ or speech.toml does.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from bench.harness import RESULTS_DIR
from search.dates import date_span
from search.ingest.extract.officials import find_officials
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from tests.corpus import records


def dump(limit: int, out: Path) -> None:
    found: dict[str, list[list[str]]] = {}
    quotes: dict[str, list[list[str]]] = {}
    cpu = 0.0
    bodies = 0
    for record in records(limit):
        try:
            article = extract_record(record).article
        except SeedError:
            continue
        paragraphs = [p for p in article.body.split("\n") if p.strip()]
        span = date_span(article.date) if article.date else None
        started = time.process_time()
        officials = find_officials(paragraphs, span, article.title)
        cpu += time.process_time() - started
        bodies += 1
        found[article.id] = [[o.name, o.role] for o in officials]
        quotes[article.id] = [[q.speaker, _opening(q.text)] for q in article.quotes]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "records": bodies,
                "cpu_seconds": round(cpu, 2),
                "officials": found,
                "quotes": quotes,
            }
        ),
        encoding="utf-8",
    )
    total = sum(len(v) for v in found.values())
    print(f"{bodies} records, {total} officials, {cpu:.2f} s CPU ({bodies / cpu:.0f} records/s)")
    print(f"wrote {out}")


def _opening(text: str) -> str:
    """A quote's first words: what tells one quote of an article from another."""
    return " ".join(text.split()[:8])


def _quote_context(body: str, opening: str) -> str:
    at = body.find(opening.split(" ")[0] if opening else "")
    if not opening or at < 0:
        return ""
    start = max(body.rfind("\n", 0, at) + 1, at - 200)
    end = body.find("\n", at)
    return re.sub(r"\s+", " ", body[start : end if 0 <= end < at + 400 else at + 400])


def _context(body: str, name: str) -> str:
    word = name.split()[-1]
    at = body.find(word)
    if at < 0:
        return ""
    start = max(body.rfind("\n", 0, at), body.rfind(". ", 0, max(at - 120, 0)), at - 160)
    return re.sub(r"\s+", " ", body[max(start, 0) : at + 80])


def diff(before: Path, after: Path, sample: int, seed: int, *, what: str = "officials") -> None:
    old = json.loads(before.read_text(encoding="utf-8"))[what]
    new = json.loads(after.read_text(encoding="utf-8"))[what]
    changes: list[tuple[str, str, str, str]] = []  # (id, "+"/"-", name, role)
    for rid in sorted(set(old) | set(new)):
        a = {tuple(o) for o in old.get(rid, [])}
        b = {tuple(o) for o in new.get(rid, [])}
        changes += [(rid, "-", n, r) for n, r in sorted(a - b)]
        changes += [(rid, "+", n, r) for n, r in sorted(b - a)]
    added = sum(1 for c in changes if c[1] == "+")
    print(
        f"{len(changes)} changes in {len({c[0] for c in changes})} records: {added} added, "
        f"{len(changes) - added} removed (a changed "
        f"{'role' if what == 'officials' else 'speaker'} counts once each way)"
    )
    picked = random.Random(seed).sample(changes, min(sample, len(changes)))
    ids = {c[0] for c in picked}
    bodies = {}
    for record in records(None):
        if record["id"] in ids:
            bodies[record["id"]] = record.get("body") or ""
            if len(bodies) == len(ids):
                break
    for rid, sign, name, role in picked:
        body = bodies.get(rid, "")
        context = _context(body, name) if what == "officials" else _quote_context(body, role)
        print(f"{sign} {rid}  {name!r} [{role}]\n    {context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--limit", type=int, default=3000)
    d.add_argument("--out", type=Path, default=None)
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--sample", type=int, default=30)
    c.add_argument("--seed", type=int, default=16)
    c.add_argument("--quotes", action="store_true", help="the quotes' changes, not officials'")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.limit, args.out or RESULTS_DIR / f"officials-{args.limit}.json")
    else:
        what = "quotes" if args.quotes else "officials"
        diff(args.before, args.after, args.sample, args.seed, what=what)


if __name__ == "__main__":
    main()
