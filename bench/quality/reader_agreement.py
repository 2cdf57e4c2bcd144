"""How far two readers of one gold half agree on its officials, and what extraction scores
against each and against both.

A half's second reading (`<set>/<half>/officials_second_reader.toml`) lists, for the same
articles, the officials a second reader found on their own, without the first reader's
lists. The figures say how much of the officials' precision a single reader's gold leaves to
judgement: the second reader scored as a system against the first (and the other way round),
extraction against each, and extraction against both (a tag counts when either reader lists
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
    _articles,
    _commit,
    same_person,
)
from search.ingest.records import extract_record
from tests.corpus import records_with_ids

SECOND = "officials_second_reader.toml"


def _second(folder: Path) -> dict[str, list[str]]:
    path = folder / SECOND
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {a["id"]: a["officials"] for a in table["article"]}


def _pr(system: list[list[str]], gold: list[list[str]]) -> dict[str, Any]:
    """Precision and recall of per-article name lists against per-article gold lists."""
    right = found = judged = wanted = 0
    for names, truth in zip(system, gold, strict=True):
        judged += len(names)
        wanted += len(truth)
        right += sum(any(same_person(n, g) for g in truth) for n in names)
        found += sum(any(same_person(n, g) for n in names) for g in truth)
    return {
        "precision": round(right / judged, 3) if judged else None,
        "recall": round(found / wanted, 3) if wanted else None,
        "system": judged,
        "gold": wanted,
    }


def _either(system: list[list[str]], one: list[list[str]], two: list[list[str]]) -> dict:
    """A tag is right when either reader lists the person; a person is missed when both list
    them and the system does not."""
    right = judged = found = wanted = 0
    for names, a, b in zip(system, one, two, strict=True):
        judged += len(names)
        right += sum(any(same_person(n, g) for g in [*a, *b]) for n in names)
        both = [g for g in a if any(same_person(g, h) or same_person(h, g) for h in b)]
        wanted += len(both)
        found += sum(any(same_person(n, g) for n in names) for g in both)
    return {
        "precision": round(right / judged, 3) if judged else None,
        "recall": round(found / wanted, 3) if wanted else None,
        "system": judged,
        "gold": wanted,
    }


def agreement(gold_set: str, half: str) -> dict[str, Any] | None:
    folder = DATA / gold_set / half
    if not (folder / SECOND).is_file():
        return None
    items = _articles(folder)
    second = _second(folder)
    items = [item for item in items if item["id"] in second]
    records = records_with_ids({item["id"] for item in items})
    first = [list(item["officials"]) for item in items]
    other = [list(second[item["id"]]) for item in items]
    system = [
        list(dict.fromkeys(o.name for o in extract_record(records[i["id"]]).article.officials))
        for i in items
    ]
    return {
        "articles": len(items),
        "second_reader_vs_first": _pr(other, first),
        "extraction_vs_first": _pr(system, first),
        "extraction_vs_second": _pr(system, other),
        "extraction_vs_either": _either(system, first, other),
    }


def against_list(path: Path, *, errors: bool) -> dict[str, Any]:
    """Extraction against a file of officials read from the text (`[[article]]` with `id` and
    `officials`), such as a mention audit's articles read again from scratch; with `errors`,
    the tags not listed and the people missed (for a dev half only)."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))["article"]
    records = records_with_ids({a["id"] for a in table})
    truth = [list(a["officials"]) for a in table]
    system = [
        list(dict.fromkeys(o.name for o in extract_record(records[a["id"]]).article.officials))
        for a in table
    ]
    if errors:
        for item, names, listed in zip(table, system, truth, strict=True):
            for name in names:
                if not any(same_person(name, g) for g in listed):
                    print(f"   {item['id']}: official not listed: {name!r}")
            for g in listed:
                if not any(same_person(n, g) for n in names):
                    print(f"   {item['id']}: official missed: {g!r}")
    return {"articles": len(table), "extraction": _pr(system, truth)}


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
    totals: dict[str, list[int]] = {}
    for gold_set in sets:
        figures = agreement(gold_set, args.half)
        if figures is None:
            continue
        result[gold_set] = figures
        print(gold_set, json.dumps(figures))
        for key, value in figures.items():
            if isinstance(value, dict) and value["system"]:
                total = totals.setdefault(key, [0, 0, 0, 0])
                total[0] += round(value["precision"] * value["system"])
                total[1] += value["system"]
                total[2] += round((value["recall"] or 0) * value["gold"])
                total[3] += value["gold"]
    for key, (right, judged, found, wanted) in totals.items():
        line = f"{key}: precision {right / judged:.3f} ({right} of {judged})"
        if wanted:
            line += f", recall {found / wanted:.3f} ({found} of {wanted})"
        print(line)
    result["totals"] = {k: v for k, v in totals.items()}
    out = RESULTS_DIR / f"reader_agreement-{args.half}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
