"""How far two readers of one gold half agree on its officials, and what extraction scores
against each and against both.

A half's second reading (`<set>/<half>/officials_second_reader.toml`) lists, for the same
articles, the officials a second reader found on their own, without the first reader's
lists. The figures say how much of the officials' precision a single reader's gold leaves to
judgement: the second reader scored as a system against the first (its recall is the
first's precision against the second), extraction against each, and extraction against both (a tag counts when either reader lists
the person; a person counts as missed when both list them). Only totals are printed: a blind
half's names stay unseen.

    python -m bench.quality.reader_agreement --set gold16zy --half blind
    python -m bench.quality.reader_agreement --all --half blind
    python -m bench.quality.reader_agreement --listed DIR/dev/officials_read.toml --errors
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

from bench.quality.extract_gold import (
    DATA,
    RESULTS_DIR,
    SETS,
    Tally,
    _articles,
    _commit,
    official_names,
    same_person,
    score_names,
)
from search.ingest.records import extract_record
from tests.corpus import records_with_ids

SECOND = "officials_second_reader.toml"


def _second(folder: Path) -> dict[str, list[str]]:
    path = folder / SECOND
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {a["id"]: a["officials"] for a in table["article"]}


def _pr(system: list[list[str]], gold: list[list[str]], ids: list[str]) -> Tally:
    """Per-article name lists scored against per-article gold lists."""
    tally = Tally()
    for names, truth, where in zip(system, gold, ids, strict=True):
        score_names(names, truth, tally, where)
    return tally


def _either(system: list[list[str]], one: list[list[str]], two: list[list[str]]) -> Tally:
    """A tag is right when either reader lists the person; a person is missed when both list
    them and the system does not."""
    tally = Tally()
    for names, a, b in zip(system, one, two, strict=True):
        tally.judged += len(names)
        tally.right += sum(any(same_person(n, g) for g in [*a, *b]) for n in names)
        both = [g for g in a if any(same_person(g, h) or same_person(h, g) for h in b)]
        tally.gold += len(both)
        tally.found += sum(any(same_person(n, g) for n in names) for g in both)
    return tally


def _extracted(ids: list[str]) -> list[list[str]]:
    """Extraction's officials of each corpus record, in the order of `ids`."""
    records = records_with_ids(set(ids))
    return [official_names(extract_record(records[i]).article) for i in ids]


def agreement(gold_set: str, half: str) -> dict[str, Tally] | None:
    folder = DATA / gold_set / half
    if not (folder / SECOND).is_file():
        return None
    second = _second(folder)
    items = [item for item in _articles(folder) if item["id"] in second]
    ids = [item["id"] for item in items]
    first = [list(item["officials"]) for item in items]
    other = [list(second[i]) for i in ids]
    system = _extracted(ids)
    return {
        "second_reader_vs_first": _pr(other, first, ids),
        "extraction_vs_first": _pr(system, first, ids),
        "extraction_vs_second": _pr(system, other, ids),
        "extraction_vs_either": _either(system, first, other),
    }


def against_list(path: Path, *, errors: bool) -> dict[str, Any]:
    """Extraction against a file of officials read from the text (`[[article]]` with `id` and
    `officials`), such as a mention audit's articles read again from scratch; with `errors`,
    the tags not listed and the people missed (for a dev half only)."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))["article"]
    ids = [a["id"] for a in table]
    tally = _pr(_extracted(ids), [list(a["officials"]) for a in table], ids)
    if errors:
        for error in tally.errors:
            print("  ", error)
    return {"articles": len(table), "extraction": tally.as_dict()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, dest="gold_set")
    parser.add_argument("--all", action="store_true", help="every set with a second reading")
    parser.add_argument("--half", choices=("dev", "blind"), default="blind")
    parser.add_argument(
        "--listed",
        type=Path,
        help="score extraction against this file of officials read from the text instead",
    )
    parser.add_argument("--errors", action="store_true", help="with --listed: list mistakes")
    args = parser.parse_args()
    if args.listed:
        figures = against_list(args.listed, errors=args.errors and "blind" not in args.listed.parts)
        print(args.listed, json.dumps(figures))
        return
    sets = SETS if args.all or not args.gold_set else (args.gold_set,)
    result: dict[str, Any] = {"date": dt.date.today().isoformat(), "commit": _commit()}
    totals: dict[str, Tally] = {}
    for gold_set in sets:
        tallies = agreement(gold_set, args.half)
        if tallies is None:
            continue
        result[gold_set] = {key: tally.as_dict() for key, tally in tallies.items()}
        print(gold_set, json.dumps(result[gold_set]))
        for key, tally in tallies.items():
            total = totals.setdefault(key, Tally())
            total.right += tally.right
            total.judged += tally.judged
            total.found += tally.found
            total.gold += tally.gold
    for key, t in totals.items():
        line = f"{key}: precision {t.right / t.judged:.3f} ({t.right} of {t.judged})"
        if t.gold:
            line += f", recall {t.found / t.gold:.3f} ({t.found} of {t.gold})"
        print(line)
    result["totals"] = {key: tally.as_dict() for key, tally in totals.items()}
    out = RESULTS_DIR / f"reader_agreement-{args.half}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
