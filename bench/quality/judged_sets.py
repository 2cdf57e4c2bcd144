"""The judged query sets under bench/quality/data/: their files, and a check that they are whole.

A set is a folder holding `queries.tsv` (`qid<TAB>kind<TAB>query`), `qrels.txt` (TREC:
`qid 0 docid grade`) and, for the sets judged by reading, `needs.toml` (each query's
information need and what counts for each grade). A set split for tuning has `dev` and
`blind` halves; `<folder>/both` names the two together.

    python -m bench.quality.judged_sets gold17 gold17b   # exits 1 naming each problem (make test)

The check: every query has a written need, judgments of articles of the benchmark subset
(every 4th corpus article) and at least one relevant one; grades are 0/1/2; the halves share
no query (by id or text), each holds every kind (or those of the set's `kinds.txt`), and half of the queries at least are of the weak kinds.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import defaultdict
from pathlib import Path

from bench.quality.judge import DATA
from tests.corpus import records

HALVES = ("dev", "blind")
KINDS = {"acronym", "ecompound", "collision", "official_topic", "topic"}
WEAK_KINDS = KINDS - {"topic"}
MIN_JUDGED = 8  # a query's pool is never smaller than this once it is judged


def set_files(name: str) -> list[tuple[Path, Path]]:
    """The (queries, qrels) files of a judged set under data/; `<folder>/both` is its halves."""
    folder = DATA / name
    if folder.name == "both" and not (folder / "queries.tsv").exists():
        folders = [folder.parent / half for half in HALVES]
    else:
        folders = [folder]
    missing = [f for f in folders if not (f / "queries.tsv").exists()]
    if missing:
        raise SystemExit(f"no judged set at {missing[0]}: expected queries.tsv and qrels.txt")
    return [(f / "queries.tsv", f / "qrels.txt") for f in folders]


def read_queries(path: Path) -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [(qid, kind, text) for qid, kind, text in rows]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            qid, _, doc, grade = line.split()
            qrels[qid][doc] = int(grade)
    return qrels


def read_needs(path: Path) -> dict[str, dict]:
    return {entry["qid"]: entry for entry in tomllib.loads(path.read_text("utf-8"))["query"]}


def _half_problems(folder: Path, subset: frozenset[str]) -> list[str]:
    where = folder.relative_to(DATA)
    problems: list[str] = []
    try:
        queries = read_queries(folder / "queries.tsv")
        needs = read_needs(folder / "needs.toml")
        lines = (folder / "qrels.txt").read_text("utf-8").splitlines()
    except (OSError, ValueError, KeyError) as error:  # missing file, bad row, bad TOML
        return [f"{where}: {error}"]
    judged: dict[str, dict[str, str]] = defaultdict(dict)
    for number, line in enumerate(lines, 1):
        fields = line.split()
        if len(fields) != 4 or fields[1] != "0" or fields[3] not in {"0", "1", "2"}:
            problems.append(f"{where}/qrels.txt:{number}: expected 'qid 0 docid 0|1|2'")
        elif fields[2] in judged[fields[0]]:
            problems.append(f"{where}/qrels.txt:{number}: {fields[2]} judged twice")
        else:
            judged[fields[0]][fields[2]] = fields[3]
    qids = [qid for qid, _, _ in queries]
    if len(set(qids)) != len(qids):
        problems.append(f"{where}/queries.tsv: a qid is listed twice")
    problems += [f"{where}/qrels.txt: {qid} is not a query" for qid in set(judged) - set(qids)]
    for qid, kind, text in queries:
        need = needs.get(qid, {})
        if kind not in KINDS:
            problems.append(f"{where} {qid}: unknown kind {kind!r}")
        if (need.get("kind"), need.get("query")) != (kind, text):
            problems.append(f"{where} {qid}: needs.toml has no entry for {kind} {text!r}")
        if not need.get("need", "").strip() or not need.get("notes", "").strip():
            problems.append(f"{where} {qid}: the need and its notes are written out")
        grades = judged.get(qid, {})
        if len(grades) < MIN_JUDGED or max(grades.values(), default="0") == "0":
            problems.append(f"{where} {qid}: {len(grades)} judgments, none relevant or too few")
        outside = sorted(set(grades) - subset)
        if outside:
            problems.append(f"{where} {qid}: {outside[0]} is not in the benchmark subset")
    return problems


def set_kinds(folder: Path) -> set[str]:
    """The kinds each half of a set holds: every kind, unless the set names fewer in its
    `kinds.txt` (one a line)."""
    listed = folder / "kinds.txt"
    if not listed.exists():
        return KINDS
    return {
        line.strip() for line in listed.read_text(encoding="utf-8").splitlines() if line.strip()
    }


def check(name: str) -> list[str]:
    """Problems in a judged set (an empty list when it is whole): one with dev and blind
    halves, or a tuning set of a dev half only (gold17b), whose queries are checked alone."""
    subset = frozenset(r["id"] for r in records(every=4))
    if not (DATA / name / "blind").exists() and (DATA / name / "dev").exists():
        return _half_problems(DATA / name / "dev", subset)
    problems = [p for half in HALVES for p in _half_problems(DATA / name / half, subset)]
    if problems:
        return problems
    halves = [read_queries(DATA / name / half / "queries.tsv") for half in HALVES]
    if {qid for qid, _, _ in halves[0]} & {qid for qid, _, _ in halves[1]} or {
        text.lower() for _, _, text in halves[0]
    } & {text.lower() for _, _, text in halves[1]}:
        problems.append(f"{name}: a query is in both halves")
    kinds = set_kinds(DATA / name)
    for half, queries in zip(HALVES, halves, strict=True):
        if {kind for _, kind, _ in queries} != kinds:
            problems.append(f"{name}/{half}: every kind of the set has queries in each half")
    kinds = [kind for queries in halves for _, kind, _ in queries]
    if 2 * sum(kind in WEAK_KINDS for kind in kinds) < len(kinds):
        problems.append(f"{name}: fewer than half of the queries are of the weak kinds")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sets",
        nargs="+",
        help="judged sets: with dev and blind halves (gold17), or a dev half only (gold17b)",
    )
    args = parser.parse_args()
    problems = [p for name in args.sets for p in check(name)]
    for problem in problems:
        print(problem)
    print(f"{', '.join(args.sets)}: {len(problems)} problem(s)")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
