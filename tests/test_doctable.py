"""search/retrieval/doctable.py: the officials and speakers of any set of matching articles,
counted over the (document, name) pairs in document order, whichever way the count takes (a
few documents' own pairs, a bool per document, the counts over every pair less the documents
left out), are those of a pass over every pair of the real corpus index; officials' variants
merged in the same count are those merged after it."""

from __future__ import annotations

import numpy as np
import pytest

from search.query.plan import parse_query
from search.retrieval import docsets


def chosen_sets(size: int, matched: np.ndarray) -> dict[str, np.ndarray]:
    """Sets of documents of each size the count treats its own way."""
    rng = np.random.default_rng(7)
    every = np.arange(size)
    return {
        "none": docsets.EMPTY,
        "one": every[:1],
        "a few": np.sort(rng.choice(size, size // 50, replace=False)),
        "a third": np.sort(rng.choice(size, size // 3, replace=False)),
        "most": np.sort(rng.choice(size, size * 4 // 5, replace=False)),
        "all but a few": np.delete(every, rng.choice(size, 5, replace=False)),
        "all but the last": every[:-1],
        "every": every,
        "matched": matched,
    }


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["presiden", "banjir jakarta"])
def test_counts_over_any_set_of_documents_are_those_over_every_pair(corpus_engine, query):
    from search.retrieval.doctable import doc_table
    from search.retrieval.matching import match_docs

    with corpus_engine.searcher() as s:
        table = doc_table(s)
        size = len(table.starts)
        sets = chosen_sets(size, match_docs(s, parse_query(query)).found)
        assert table.officials.variants  # the corpus slice has some: merged below
        for name, docs in sets.items():
            mask = docsets.to_mask(docs, size)
            for pairs in (table.officials, table.said):
                expected = pairs.counts(mask)
                assert np.array_equal(pairs.counts_of(docs), expected), name
                merged = pairs.merged(expected, docs)
                assert np.array_equal(pairs.named_counts(docs), merged), name
        assert table.officials.named_counts(sets["every"]).sum() > 0
