"""Extraction on articles nobody here wrote: a fixed sample of the shared corpus.

The sample (every 60th record, 424 articles) goes through extraction as a raw page: the
title line and the body text, no metadata fields. Dates are compared with the corpus date;
officials with hand-annotated gold (tests/data/officials_gold.toml). Figures are printed by
bench/extract_accuracy.py.
"""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from search.ingest.records import extract_record
from tests.conftest import CORPUS, ROOT

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not found"),
]


def _bench():
    spec = importlib.util.spec_from_file_location(
        "extract_accuracy", ROOT / "bench" / "extract_accuracy.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _bench()


@pytest.fixture(scope="module")
def sample(bench):
    return bench.sample_records(60)


def test_the_sample_is_fixed_and_large_enough(sample):
    assert len(sample) >= 300
    assert sample[0]["id"] == json.loads(CORPUS.open(encoding="utf-8").readline())["id"]


def test_dates_are_exact_where_the_lede_holds_them_and_never_invented(bench, sample):
    score = bench.score_dates(sample).as_dict()
    assert score["lede_holds_date"] >= 100
    assert score["exact_where_lede_holds_date"] >= 0.95
    assert score["no_date_in_text"] >= 100
    assert score["invented_where_text_has_none"] == 0


@pytest.mark.parametrize("gold_file", ["GOLD", "HELDOUT"])
def test_officials_precision_and_recall_on_hand_annotated_gold(bench, gold_file):
    gold = bench.load_gold(getattr(bench, gold_file))
    assert len(gold) >= 30
    score = bench.score_officials(bench.records_with_ids(set(gold)), gold)
    assert score["precision"] >= 0.9, score["errors"]
    assert score["recall"] >= 0.8, score["errors"]


def test_officials_facet_merges_aliases(sample):
    names = {o.name for record in sample for o in extract_record(record).article.officials}
    assert "Joko Widodo" in names
    assert not names & {"Jokowi", "Presiden Jokowi", "Anies", "Habibie", "BJ Habibie"}
