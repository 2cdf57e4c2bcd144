"""Relevance ranking over numpy postings (search.retrieval.postings) instead of Whoosh's matchers.

Every query word scores BM25F (Whoosh's formula and constants, field boosts included) on any
form of its root, and EXACT_BOOST more on the form as typed; the words that spell one concept
together (a long form and its acronym) score as one word, their mean. A word that is often a name
(written with a capital letter in a share of its occurrences: Serang, Ganjar) scores that
share less in the articles that have only other forms of its root (serangan, ganjaran): they
are about the common word, not the name (`stem_only_weight`). Articles with all the words (or
each concept's glossary alternative) then score ALL_WORDS_BOOST times their word scores more,
and the words in order close together (NEAR_SLOP) PHRASE_BOOST times more: the precision of
AND and the recall of OR, as `search.query.plan` describes. The scores are array sums over each
term's postings; only the proximity bonus reads positions, for the best candidates alone.

Words naming an official (`QueryPlan.officials`): an article tagged with that official scores
as if it named them once more (TAGGED_WEIGHT), and SUBJECT_WEIGHT times more where the name
is in its title or lede (the first LEDE_WORDS words): the person is what it is about.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from search.indexing.schema import TEXT_FIELDS
from search.lexicon import capitalised_shares
from search.query.plan import QueryPlan, Unit, Word, dedupe
from search.retrieval.phrases import phrase_docs
from search.retrieval.postings import Arrays
from search.text import glossary

# The exact form typed scores this much more than another form of its root; articles with
# all the words score ALL_WORDS_BOOST times their word scores more, and with the words in
# order within NEAR_SLOP positions PHRASE_BOOST times more.
EXACT_BOOST = 3.0
ALL_WORDS_BOOST = 2.0
PHRASE_BOOST = 2.0
NEAR_SLOP = 3

# An article tagged with an official the query names scores this many times the tag's idf,
# and SUBJECT_WEIGHT times more where the official's name is in the title or the lede.
TAGGED_WEIGHT = 1.0
SUBJECT_WEIGHT = 2.0
LEDE_WORDS = 40

K1 = 1.2
B = 0.75
# The proximity bonus is computed for this many candidates beyond the page asked for.
NEAR_POOL = 200
FIELDS = TEXT_FIELDS
# An article with only other forms of a name's root scores at least this share of them.
MIN_STEM_ONLY_WEIGHT = 0.1


def stem_only_weight(word: Word) -> float:
    """How much an article that has only other forms of the word's root (not the form typed)
    scores of them: 1 less the share of the word's occurrences written with a capital letter
    (search.text.mining), 1 for a word seldom capitalised, and for a glossary acronym (the
    index writes it, as a root, where a text writes its long form)."""
    share = capitalised_shares().get(word.exact)
    if share is None or glossary.is_indexed(word.exact):
        return 1.0
    return max(1.0 - share, MIN_STEM_ONLY_WEIGHT)


def term_scores(arrays: Arrays, fieldname: str, text: str, out: np.ndarray, boost: float) -> None:
    """Add the BM25F score of a term in a field to `out` (by document number)."""
    postings = arrays.postings(fieldname, text)
    if not len(postings):
        return
    idf = math.log(arrays.size / (len(postings) + 1)) + 1
    average = arrays.average_length(fieldname) or 1.0
    lengths = arrays.lengths(fieldname)[postings.docs]
    weights = postings.weights
    norm = K1 * ((1 - B) + B * lengths / average)
    out[postings.docs] += (boost * idf) * (weights * (K1 + 1)) / (weights + norm)


def word_scores(arrays: Arrays, word: Word, fields: tuple[str, ...] = FIELDS) -> np.ndarray:
    """A word's score in every document: any form of its root, more for the exact form
    (kept for the reader's life: the same word is scored for several clauses)."""
    key = (word, fields)
    found = arrays.memo.get(key)
    if found is not None:
        return found
    scores = np.zeros(arrays.size, dtype=np.float32)
    for f in fields:
        if word.stem:
            term_scores(arrays, f, word.stem, scores, 1.0)
    weight = stem_only_weight(word) if word.stem else 1.0
    if weight < 1.0:
        exact = np.zeros(arrays.size, dtype=np.float32)
        for f in fields:
            term_scores(arrays, f"{f}_exact", word.exact, exact, EXACT_BOOST)
        scores = np.where(exact > 0, scores, weight * scores) + exact
    else:
        for f in fields:
            term_scores(arrays, f"{f}_exact", word.exact, scores, EXACT_BOOST)
    arrays.memo.put(key, scores)
    return scores


def _phrase_hits(arrays: Arrays, words: list[Word]) -> np.ndarray:
    """Documents with the words as a phrase (their stems, next to each other)."""
    stems = [w.stem or w.exact for w in words]
    found = [phrase_docs(arrays, f, stems, 1) for f in FIELDS]
    return np.union1d(*found)


Officials = Sequence[tuple[list[Word], np.ndarray]]


def _unit(arrays: Arrays, unit: Unit, officials: Officials) -> tuple[np.ndarray, np.ndarray]:
    """A concept's score and where it matches in full (all its words, or an alternative, or
    the tag of an official its words name). Words that spell one concept together (a long
    form, "KTP elektronik") score their mean: a concept weighs as one word, however many
    words spell it."""
    scores = np.zeros(arrays.size, dtype=np.float32)
    matched = np.ones(arrays.size, dtype=bool)
    for word in unit.words:
        one = word_scores(arrays, word)
        matched &= one > 0
        scores += one / len(unit.words)
    for alternative in unit.searched_alternatives():
        hits = _phrase_hits(arrays, alternative) if len(alternative) > 1 else None
        alt = sum((word_scores(arrays, w) for w in alternative), np.zeros(arrays.size))
        if hits is not None:
            keep = np.zeros(arrays.size, dtype=bool)
            keep[hits] = True
            alt = np.where(keep, alt, 0.0)
        matched |= alt > 0
        scores += alt / len(alternative)
    for word, weight in unit.completions:
        completion = word_scores(arrays, word)
        matched |= completion > 0
        scores += weight * completion
    for words, tagged in officials:
        if all(w in words for w in unit.words):
            matched |= tagged
    return scores, matched


def _subject(arrays: Arrays, words: list[Word]) -> np.ndarray:
    """Where one of the name's words is in the title or among the first LEDE_WORDS of the
    body (its form as written)."""
    out = np.zeros(arrays.size, dtype=bool)
    for word in words:
        out[arrays.postings("title_exact", word.exact).docs] = True
        keys = arrays.postings("body_exact", word.exact).position_keys()
        out[keys[(keys & 0xFFFFFFFF) < LEDE_WORDS] >> 32] = True
    return out


def official_scores(arrays: Arrays, officials: Officials) -> np.ndarray:
    """The bonus of the articles tagged with the officials a query names."""
    total = np.zeros(arrays.size, dtype=np.float32)
    for words, tagged in officials:
        count = int(np.count_nonzero(tagged))
        if not count:
            continue
        idf = math.log(arrays.size / (count + 1)) + 1
        total += np.where(tagged, TAGGED_WEIGHT * idf, 0.0)
        total += np.where(tagged & _subject(arrays, words), SUBJECT_WEIGHT * idf, 0.0)
    return total


def scores(arrays: Arrays, parsed: QueryPlan, officials: Officials = ()) -> np.ndarray:
    """Every document's score before the proximity bonus (`officials`: the words naming an
    official, and the articles tagged with them)."""
    total = np.zeros(arrays.size, dtype=np.float32)
    for word in dedupe(parsed.required) + [w for p in parsed.phrases for w in p]:
        total += word_scores(arrays, word)
    for word in dedupe(parsed.title_words) + [w for p in parsed.title_phrases for w in p]:
        total += word_scores(arrays, word, ("title",))
    for word in parsed.prefix_words + [w for p in parsed.exact_phrases for w in p]:
        total += word_scores(arrays, word)
    units = [_unit(arrays, unit, officials) for unit in parsed.units]
    if officials:
        total += official_scores(arrays, officials)
    if units:
        unit_total = np.sum([s for s, _ in units], axis=0)
        total += unit_total
        if len(units) > 1 or len(parsed.units[0].words) > 1:
            every = np.logical_and.reduce([m for _, m in units])
            total += np.where(every, ALL_WORDS_BOOST * unit_total, 0.0)
    return total


def _near(arrays: Arrays, words: list[Word], docs: np.ndarray) -> np.ndarray:
    """Which of `docs` have the words in order within NEAR_SLOP positions, in the title or
    the body (stems, function words left out) or as written in the body."""
    near = np.zeros(len(docs), dtype=bool)
    for fieldname, terms in (
        ("title", [w.stem or w.exact for w in words]),
        ("body", [w.stem or w.exact for w in words]),
        ("body_exact", [w.exact for w in words]),
    ):
        if any(not t for t in terms):
            continue
        found = phrase_docs(arrays, fieldname, terms, NEAR_SLOP, among=docs[~near])
        near |= np.isin(docs, found)
    return near


def rank(
    arrays: Arrays,
    parsed: QueryPlan,
    mask: np.ndarray,
    needed: int,
    officials: Officials = (),
    order: np.ndarray | None = None,
) -> list[tuple[float, int]]:
    """(score, document number) of the best `needed` matches in `mask`, best first, equal
    scores in `order` (every document number: the article ids' order, doctable.id_order),
    else in document order.

    One order for every page: the proximity bonus goes to the NEAR_POOL best matches by
    word score (equal scores in that order), which the bonus only raises, so they stay
    above all the others; the others follow by word score. (A pool that grew with the page
    asked for let equal scores fall differently on each page: paging skipped articles.)"""
    docs = np.flatnonzero(mask) if order is None else order[mask[order]]
    if not len(docs):
        return []
    base = scores(arrays, parsed, officials)[docs]
    words = dedupe(parsed.required + parsed.words)
    pool = NEAR_POOL if len(words) > 1 else 0
    top = _best(base, max(needed, pool))
    docs, base = docs[top], base[top]
    if pool:
        head = slice(0, min(pool, len(docs)))
        word_part = np.sum([word_scores(arrays, w)[docs[head]] for w in words], axis=0)
        near = _near(arrays, words, docs[head])
        boosted = base[head] + np.where(near, PHRASE_BOOST * word_part, 0.0)
        regroup = np.lexsort((top[head], -boosted))  # equal scores in the order of `docs`
        base = np.concatenate([boosted[regroup], base[head.stop :]])
        docs = np.concatenate([docs[head][regroup], docs[head.stop :]])
    return [(float(base[i]), int(docs[i])) for i in range(min(needed, len(docs)))]


def _best(scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the `k` highest of `scores`, best first, equal scores in index order: the
    same first k whatever k (ties at the cut are taken in index order, not as
    argpartition leaves them)."""
    if k >= len(scores):
        return np.lexsort((np.arange(len(scores)), -scores))
    cut = np.partition(-scores, k - 1)[k - 1]  # minus the k-th highest score
    above = np.flatnonzero(-scores < cut)
    tied = np.flatnonzero(-scores == cut)[: k - len(above)]
    chosen = np.concatenate([above, tied])
    return chosen[np.lexsort((chosen, -scores[chosen]))]
