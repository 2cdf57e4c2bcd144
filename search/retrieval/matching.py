"""Which articles a query plan matches: array algebra over the postings (search.retrieval
.postings), a bool per document number, no Python step per document.

One reading of the plan (search.query.plan), for the results, their count, the facets and the
relaxations alike:
- every required part must match: each phrase, +word, title: word or phrase, prefix and
  exact:"..." phrase;
- then at least one of the optional words, or one of its glossary alternatives;
- and no excluded word, phrase or exact phrase.
A word matches any form of its root (the stemmed fields) or its form as typed (the exact
fields); a phrase its stems next to each other (function words left out) or its forms as
written. What only adds to a score (all the words, the words close together) is ranking's
business (search.retrieval.ranking), not matching's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from whoosh import query as whoosh_query
from whoosh.searching import Searcher

from search.indexing.schema import TEXT_FIELDS
from search.model import SearchRequest
from search.query.plan import QueryPlan, Word, dedupe
from search.query.prefixes import prefix_terms
from search.retrieval.phrases import phrase_mask
from search.retrieval.postings import Arrays, reader_arrays

FIELDS = TEXT_FIELDS
TITLE = ("title",)


def word_mask(arrays: Arrays, word: Word, fields: Sequence[str] = FIELDS) -> np.ndarray:
    """Any form of the word's root, or the word as typed, in one of the fields."""
    out = np.zeros(arrays.size, dtype=bool)
    for f in fields:
        if word.stem:
            out |= arrays.mask(f, word.stem)
        out |= arrays.mask(f"{f}_exact", word.exact)
    return out


def phrase_words_mask(
    arrays: Arrays, words: list[Word], fields: Sequence[str] = FIELDS, *, exact: bool = True
) -> np.ndarray:
    """The words in order, next to each other: their stems in one of the fields (where
    function words are left out, so the phrase reads across them), or (`exact`) their forms
    as written in the last field. A phrase with function words in it (no stems) is matched
    as written only."""
    if any(not w.stem for w in words):
        forms = [w.exact for w in words]
        return _any(arrays, [phrase_mask(arrays, f"{f}_exact", forms, 1) for f in fields])
    stems = [w.stem for w in words]
    found = [phrase_mask(arrays, f, stems, 1) for f in fields]
    if exact:
        found.append(phrase_mask(arrays, f"{fields[-1]}_exact", [w.exact for w in words], 1))
    return _any(arrays, found)


def exact_mask(arrays: Arrays, words: list[Word]) -> np.ndarray:
    """An exact:"..." phrase: the words as written, next to each other, in the title or the
    body (exact words have no stems, so they keep to the exact fields)."""
    if len(words) == 1:
        return word_mask(arrays, words[0])
    return phrase_words_mask(arrays, words)


def prefix_mask(searcher: Searcher, prefix: str, fields: Sequence[str]) -> np.ndarray:
    """Any word starting with `prefix` in one of the (exact) fields: the most frequent words
    of the index's lexicon that start with it (search.query.prefixes.prefix_terms). Kept
    with the index's word scores: a page asks for it again for each relaxation."""
    reader = searcher.reader()
    arrays = reader_arrays(reader)
    key = ("prefix", prefix, tuple(fields))
    found = arrays.memo.get(key)
    if found is not None:
        return found
    docs = [
        arrays.postings(f, term).docs for f in fields for term in prefix_terms(reader, f, prefix)
    ]
    out = np.zeros(arrays.size, dtype=bool)
    if docs:
        out[np.concatenate(docs)] = True
    out &= arrays.live
    arrays.memo.put(key, out)
    return out


def plan_mask(searcher: Searcher, plan: QueryPlan) -> np.ndarray:
    """The live documents the plan matches (every one when it has nothing to match)."""
    arrays = reader_arrays(searcher.reader())
    required = [phrase_words_mask(arrays, p) for p in plan.phrases]
    required += [word_mask(arrays, w) for w in dedupe(plan.required)]
    required += [word_mask(arrays, w, TITLE) for w in dedupe(plan.title_words)]
    required += [phrase_words_mask(arrays, p, TITLE) for p in plan.title_phrases]
    required += [prefix_mask(searcher, p, ("title_exact", "body_exact")) for p in plan.prefixes]
    required += [prefix_mask(searcher, p, ("title_exact",)) for p in plan.title_prefixes]
    required += [exact_mask(arrays, p) for p in plan.exact_phrases]
    if plan.units:
        optional = [word_mask(arrays, w) for unit in plan.units for w in unit.words]
        optional += [
            word_mask(arrays, alt[0])
            if len(alt) == 1
            else phrase_words_mask(arrays, alt, exact=False)
            for unit in plan.units
            for alt in unit.searched_alternatives()
        ]
        required.append(_any(arrays, optional))
    found = np.logical_and.reduce(required) if required else arrays.live.copy()
    excluded = [word_mask(arrays, w) for w in plan.excluded]
    excluded += [phrase_words_mask(arrays, p) for p in plan.excluded_phrases]
    excluded += [exact_mask(arrays, p) for p in plan.excluded_exact]
    if excluded:
        found &= ~_any(arrays, excluded)
    return found & arrays.live


def indexed_after_mask(searcher: Searcher, after: float) -> np.ndarray:
    """The documents indexed after a time (epoch seconds): saved queries' --new."""
    arrays = reader_arrays(searcher.reader())
    out = np.zeros(arrays.size, dtype=bool)
    newer = whoosh_query.NumericRange("indexed_at", after, None, startexcl=True)
    out[list(searcher.docs_for_query(newer))] = True
    return out


def request_mask(searcher: Searcher, plan: QueryPlan, request: SearchRequest) -> np.ndarray:
    """What the plan matches among the documents the request's non-facet filters keep (the
    facet filters, officials, sources and dates, are search.retrieval.facets' business: each
    facet is counted without its own)."""
    found = plan_mask(searcher, plan)
    if request.indexed_after is not None:
        found &= indexed_after_mask(searcher, request.indexed_after)
    return found


def _any(arrays: Arrays, masks: list[np.ndarray]) -> np.ndarray:
    if not masks:
        return np.zeros(arrays.size, dtype=bool)
    return np.logical_or.reduce(masks)
