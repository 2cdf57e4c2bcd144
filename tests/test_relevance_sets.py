"""The judged relevance sets under bench/quality/data/ are complete and consistent.

Reads the files directly (tests never import bench/): every query has a written need and
judgments, grades are 0/1/2, the two halves of a set share no query and cover every kind, and
every judged article is one of the benchmark subset's (every 4th corpus article).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from tests.corpus import records

DATA = Path(__file__).resolve().parent.parent / "bench" / "quality" / "data"
SETS = {"gold17": ("dev", "blind")}
KINDS = {"acronym", "ecompound", "collision", "official_topic", "topic"}
WEAK_KINDS = KINDS - {"topic"}
HALVES = [(name, half) for name, halves in SETS.items() for half in halves]


def read_queries(folder: Path) -> dict[str, tuple[str, str]]:
    rows = [line.split("\t") for line in (folder / "queries.tsv").read_text("utf-8").splitlines()]
    assert all(len(row) == 3 for row in rows), f"{folder}/queries.tsv: qid<TAB>kind<TAB>query"
    queries = {qid: (kind, text) for qid, kind, text in rows}
    assert len(queries) == len(rows), f"{folder}/queries.tsv repeats a qid"
    return queries


def read_qrels(folder: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    for line in (folder / "qrels.txt").read_text("utf-8").splitlines():
        qid, zero, doc, grade = line.split()
        assert zero == "0" and grade in {"0", "1", "2"}, line
        assert doc not in qrels.setdefault(qid, {}), f"{line}: judged twice"
        qrels[qid][doc] = int(grade)
    return qrels


def read_needs(folder: Path) -> dict[str, dict]:
    entries = tomllib.loads((folder / "needs.toml").read_text("utf-8"))["query"]
    return {entry["qid"]: entry for entry in entries}


@cache
def subset_ids() -> frozenset[str]:
    return frozenset(r["id"] for r in records(every=4))


@pytest.mark.parametrize(("name", "half"), HALVES)
def test_every_query_has_a_need_and_judgments(name, half):
    folder = DATA / name / half
    queries, qrels, needs = read_queries(folder), read_qrels(folder), read_needs(folder)
    assert set(needs) == set(queries), "needs.toml and queries.tsv list other queries"
    assert set(qrels) <= set(queries), "qrels.txt judges a query that is not in queries.tsv"
    for qid, (kind, text) in queries.items():
        need = needs[qid]
        assert kind in KINDS, f"{qid}: unknown kind {kind}"
        assert (need["kind"], need["query"]) == (kind, text), f"{qid}: needs.toml disagrees"
        assert len(need["need"]) > 40 and len(need["notes"]) > 40, f"{qid}: need written out"
        grades = qrels.get(qid, {})
        assert len(grades) >= 8, f"{qid}: its pool is not judged"
        assert any(grades.values()), f"{qid}: no relevant article"


@pytest.mark.parametrize("name", sorted(SETS))
def test_halves_are_disjoint_and_balanced(name):
    halves = [read_queries(DATA / name / half) for half in SETS[name]]
    assert not set(halves[0]) & set(halves[1]), "a query is in both halves"
    every = {qid: kind for queries in halves for qid, (kind, _) in queries.items()}
    assert sum(kind in WEAK_KINDS for kind in every.values()) * 2 >= len(every)
    for queries in halves:
        assert {kind for kind, _ in queries.values()} == KINDS, "each half has every kind"


@pytest.mark.parametrize(("name", "half"), HALVES)
def test_judged_articles_are_in_the_benchmark_subset(name, half):
    judged = {doc for grades in read_qrels(DATA / name / half).values() for doc in grades}
    assert judged <= subset_ids(), sorted(judged - subset_ids())[:5]
