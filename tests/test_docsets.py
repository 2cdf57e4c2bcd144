"""search/retrieval/docsets.py and the matched-documents path of the results page: set algebra
over sorted document numbers gives numpy's set operations whichever way it takes (sorting or a
bool per document), and on the corpus the scores, facet counts and date orders computed over
the matches alone are those computed over every article of the index."""

from __future__ import annotations

import numpy as np
import pytest

from search.query.plan import parse_query
from search.retrieval import docsets

SIZE = 5_000


def random_sets(seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [
        np.sort(rng.choice(SIZE, n, replace=False)).astype(np.int64) for n in (0, 3, 40, 900, 3000)
    ]


@pytest.mark.parametrize("size", [0, SIZE])  # 0: by sorting and binary search only
@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("kept", ["int64", "int32"])  # int32: a term's as the cache keeps them
def test_set_algebra_is_numpys(size: int, seed: int, kept: str):
    sets = random_sets(seed)
    for a in sets:
        for b in sets:
            a_kept = a.astype(kept)
            assert_sets_equal(docsets.union([a_kept, b], size), np.union1d(a, b))
            assert_sets_equal(docsets.union([a_kept], size), a)
            assert_sets_equal(docsets.intersect([a_kept, b], size), np.intersect1d(a, b))
            assert_sets_equal(docsets.intersect([b, a_kept], size), np.intersect1d(a, b))
            assert_sets_equal(docsets.difference(a_kept, b, size), np.setdiff1d(a, b))
            assert_sets_equal(docsets.live(a_kept, np.isin(np.arange(SIZE), b)), a[np.isin(a, b)])
            assert np.array_equal(docsets.contains(a_kept, b, size), np.isin(b, a))
            assert np.array_equal(docsets.contains(b, a_kept, size), np.isin(a, b))
    assert np.array_equal(docsets.union(sets, size), np.unique(np.concatenate(sets)))
    keys = np.sort(np.concatenate([(sets[3] << 32) | p for p in (1, 7)]))
    assert np.array_equal(docsets.in_runs(keys, sets[2]), keys[np.isin(keys >> 32, sets[2])])
    assert np.array_equal(docsets.distinct(keys >> 32), sets[3])
    values = np.arange(len(sets[3]), dtype=np.float32) + 1
    found = docsets.lookup(sets[3], values, sets[4])
    assert np.array_equal(docsets.lookup(sets[3].astype(np.int32), values, sets[4]), found)
    assert np.array_equal(found > 0, np.isin(sets[4], sets[3]))
    assert np.array_equal(values[np.searchsorted(sets[3], sets[4][found > 0])], found[found > 0])


def assert_sets_equal(found: np.ndarray, expected: np.ndarray) -> None:
    """The same documents, as int64 (what every set operation returns)."""
    assert found.dtype == np.int64
    assert np.array_equal(found, expected)


QUERIES = [
    "presiden",
    "banjir jakarta",
    "operasi tangkap tangan",
    '"ibu kota" pindah',
    "tito karnavian",
    "kebakaran hutan -riau",
    "ber* jalan",
]


@pytest.mark.corpus
@pytest.mark.parametrize("query", QUERIES)
def test_scores_of_the_matches_are_those_of_every_article(corpus_engine, query: str):
    """Scoring only the matched articles gives each the score it has among all articles."""
    from search.query.prefixes import expand_prefixes
    from search.query.terms import ReaderTerms
    from search.retrieval.matching import match_docs
    from search.retrieval.postings import reader_arrays
    from search.retrieval.ranking import scores_at

    with corpus_engine.searcher() as s:
        arrays = reader_arrays(s.reader())
        plan = parse_query(query)
        matches = match_docs(s, plan)
        plan = expand_prefixes(ReaderTerms(s.reader()), plan)
        assert len(matches.found), query
        every = scores_at(arrays, plan, np.arange(arrays.size), matches.officials)
        ours = scores_at(arrays, plan, matches.found, matches.officials)
    assert np.array_equal(ours, every[matches.found])


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["", "presiden", "banjir"])
def test_facets_and_date_order_of_the_matches_are_those_over_every_article(corpus_engine, query):
    """Officials and speakers counted over the matches' own pairs, and the first matches by
    date, are those of a pass over every article."""
    from search.retrieval.doctable import date_order, date_ranks, doc_table
    from search.retrieval.matching import match_docs

    with corpus_engine.searcher() as s:
        table = doc_table(s)
        docs = match_docs(s, parse_query(query)).found
        mask = docsets.to_mask(docs, len(table.starts))
        for pairs in (table.officials, table.said):
            assert np.array_equal(pairs.counts_of(docs), pairs.counts(mask))
        for newest in (True, False):
            order = date_order(s, newest=newest)
            ranks = date_ranks(s, newest=newest)
            for needed in (1, 10, len(docs) + 5):
                expected = order[mask[order]][:needed].tolist()
                assert docsets.first_by(ranks, docs, needed) == expected
