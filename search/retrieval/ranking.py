"""Relevance ranking over numpy postings (search.retrieval.postings) instead of Whoosh's matchers.

Every query word scores BM25F (Whoosh's formula and constants, field boosts included) on any
form of its root, and EXACT_BOOST more on the form as typed; the words that spell one concept
together (a long form and its acronym) score as one word, their mean; a place of several words
(`Unit.place`: pasar minggu) and a long form (`Unit.long_form`: kereta rel listrik) have all
their words only as a phrase. A word that is often a name
(written with a capital letter in a share of its occurrences: Serang, Ganjar) scores that
share less in the articles that have only other forms of its root (serangan, ganjaran): they
are about the common word, not the name (`stem_only_weight`). Articles with all the words (or
each concept's glossary alternative) then score ALL_WORDS_BOOST times their word scores more,
and the words in order close together (NEAR_SLOP; `QueryPlan.proximity_words`) PHRASE_BOOST
times more where they spell one concept (a long form, a compound), NEAR_BOOST times more where
they are several concepts' (`near_boost`): the precision of AND and the recall of OR, as
`search.query.plan` describes. Articles whose title has every
concept (a word's form, or its alternative as a phrase) score TITLE_WORDS_BOOST times their
word scores more: the title says the article is about what was typed, where a single query
word in a title says little. An article missing some of the concepts scores the share of the
query's idf it has (`covered_share`): among the partial matches, missing a common word
(sungai) matters less than missing the rare one the query is about (pencemaran). The scores
are array sums over each term's postings; only the proximity bonus reads positions, for the best candidates alone.

A place or a short name typed alone that is also a common word (`QueryPlan.cased`: palu,
serang): an article that writes it (or another form of its root) but never capitalised inside
a sentence (the `capitalised` field) scores LOWER_CASE_WEIGHT of its score, after the others:
it is about the gavel or an attack, not the city of Palu or Serang. (An article that names the person
only by the full name a short one stands for, Sandiaga for sandi, does not write the word.)

Words naming an official (`QueryPlan.officials`): an article tagged with that official scores
as if it named them once more (TAGGED_WEIGHT), and SUBJECT_WEIGHT times more where the name
is in its title or lede (the first LEDE_WORDS words) or the official is quoted in it, and it
has every concept of the query: the person and the topic typed beside the name are what it
is about. Typed beside a topic, the name's words score NAMED_WEIGHT of a concept's score
(`unit_weight`): among the person's articles, the topic's words say which are about it (an
article on the person that names the topic in passing does not outrank one about the topic).

The constants (boosts, weights, BM25's K1 and B) are tunables in `search.config`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

from search.config import (
    ALL_WORDS_BOOST,
    EXACT_BOOST,
    K1,
    LEDE_WORDS,
    LOWER_CASE_WEIGHT,
    MIN_STEM_ONLY_WEIGHT,
    NAMED_WEIGHT,
    NEAR_BOOST,
    NEAR_POOL,
    NEAR_SLOP,
    PHRASE_BOOST,
    SUBJECT_WEIGHT,
    TAGGED_WEIGHT,
    TITLE_WORDS_BOOST,
    B,
)
from search.indexing.schema import CASE_FIELD, TEXT_FIELDS
from search.lexicon import capitalised_shares
from search.query.plan import QueryPlan, Unit, Word, dedupe
from search.query.prefixes import prefix_fields
from search.retrieval import docsets
from search.retrieval.phrases import phrase_docs
from search.retrieval.postings import Arrays
from search.text import glossary

FIELDS = TEXT_FIELDS


def stem_only_weight(word: Word) -> float:
    """How much an article that has only other forms of the word's root (not the form typed)
    scores of them: 1 less the share of the word's occurrences written with a capital letter
    (search.text.mining), 1 for a word seldom capitalised, and for a glossary acronym (the
    index writes it, as a root, where a text writes its long form)."""
    share = capitalised_shares().get(word.exact)
    if share is None or glossary.is_indexed(word.exact):
        return 1.0
    return max(1.0 - share, MIN_STEM_ONLY_WEIGHT)


# A derived noun made with one of these confixes names another thing than its root does
# ("kekeringan", a drought; "kering", dry; "kebakaran", a fire; "bakar", to burn): a title
# with the root alone does not say the article is about what was typed.
_OWN_CONCEPT_CONFIXES = (("ke", "an"),)


def title_takes_root_forms(word: Word) -> bool:
    """Whether any form of the word's root in a title counts as the word there (the title
    bonus): not for a word that is often a name (`stem_only_weight`: Satuan is not in a title
    that writes satu) nor for a noun whose confix names its own thing (kekeringan)."""
    if not word.stem or stem_only_weight(word) < 1.0:
        return False
    return not any(word.exact == pre + word.stem + post for pre, post in _OWN_CONCEPT_CONFIXES)


@dataclass(frozen=True)
class Sparse:
    """A score for some documents (the others score 0): sorted document numbers and their
    scores."""

    docs: np.ndarray
    values: np.ndarray

    @property
    def nbytes(self) -> int:
        return self.docs.nbytes + self.values.nbytes

    def at(self, docs: np.ndarray) -> np.ndarray:
        """The scores of `docs` (sorted or not), 0 for those without one."""
        return docsets.lookup(self.docs, self.values, docs)


def _term_values(
    arrays: Arrays, fieldname: str, text: str, boost: float, among: Among | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """The BM25F score of a term in a field, for each document of its postings (the
    documents, the scores); with `among`, for those of its documents alone (their places in
    `among.docs`, the scores)."""
    postings = arrays.postings(fieldname, text)
    if not len(postings):
        return None
    idf = term_idf(arrays.size, len(postings))
    average = arrays.average_length(fieldname) or 1.0
    if among is None:
        docs, weights = postings.docs, postings.weights
        where = docs
    else:  # the postings as kept (int32, the files' weights): only those of `among` widened
        where, kept = among.places_of(postings.stored_docs)
        docs = docsets.wide(postings.stored_docs[kept])
        weights = postings.stored_weights[kept].astype(np.float32, copy=False)
    lengths = arrays.lengths(fieldname)[docs]
    norm = K1 * ((1 - B) + B * lengths / average)
    return where, (boost * idf) * (weights * (K1 + 1)) / (weights + norm)


@dataclass(frozen=True)
class Among:
    """Sorted document numbers a search scores (the matches up to the page asked for): the
    words' scores are computed for these alone, not for every document that has a word (a
    common word's hundreds of thousands, at a million articles)."""

    docs: np.ndarray
    size: int

    def places_of(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Of `docs` (sorted), those `self.docs` holds: their places in `self.docs`, and
        their indexes in `docs` (both ascending)."""
        if len(self.docs) * 16 > self.size:  # many: a place per document of the index
            at = self._places[docsets.wide(docs)]
            kept = np.flatnonzero(at >= 0)
            return at[kept], kept
        # A binary search of each of the fewer in the other.
        if len(self.docs) < len(docs):
            at = np.searchsorted(docs, docsets.searchable(self.docs, docs))
            at[at == len(docs)] = 0
            found = docs[at] == self.docs
            return np.flatnonzero(found), at[found]
        at = np.searchsorted(self.docs, docs)
        at[at == len(self.docs)] = 0
        kept = np.flatnonzero(self.docs[at] == docs)
        return at[kept], kept

    @cached_property
    def _places(self) -> np.ndarray:
        """Each document number's place in `docs` (-1: not there)."""
        place = np.full(self.size, -1, dtype=np.int64)
        place[self.docs] = np.arange(len(self.docs))
        return place


def term_scores(arrays: Arrays, fieldname: str, text: str, out: np.ndarray, boost: float) -> None:
    """Add the BM25F score of a term in a field to `out` (by document number)."""
    found = _term_values(arrays, fieldname, text, boost)
    if found is not None:
        out[found[0]] += found[1]


def _summed(arrays: Arrays, parts: list[tuple[np.ndarray, np.ndarray]]) -> Sparse:
    """The terms' scores added up, document by document, in the order given (float32, as
    a score per document of the index would add them)."""
    docs = docsets.union([d for d, _ in parts], arrays.size)
    values = np.zeros(len(docs), dtype=np.float32)
    for part_docs, part_values in parts:
        values[np.searchsorted(docs, part_docs)] += part_values
    return Sparse(docs, values)


def _word_parts(
    arrays: Arrays, word: Word, fields: tuple[str, ...], among: Among | None
) -> tuple[list[tuple[np.ndarray, np.ndarray]], list[tuple[np.ndarray, np.ndarray]], float]:
    """A word's terms' scores (any form of its root, the exact form), and the share of its
    score an article with only other forms of its root gets (`stem_only_weight`)."""
    root = word.root_term
    stems = [_term_values(arrays, f, root, 1.0, among) for f in fields] if root else []
    exact = [_term_values(arrays, f"{f}_exact", word.exact, EXACT_BOOST, among) for f in fields]
    weight = stem_only_weight(word) if root else 1.0
    return [p for p in stems if p is not None], [p for p in exact if p is not None], weight


def word_vector(arrays: Arrays, word: Word, fields: tuple[str, ...] = FIELDS) -> Sparse:
    """A word's score in the documents that have it: any form of its root, more for the
    exact form (kept for the reader's life: the same word is scored for several clauses)."""
    key = (word, fields)
    found = arrays.memo.get(key)
    if found is not None:
        return found
    stem_parts, exact_parts, weight = _word_parts(arrays, word, fields, None)
    if weight < 1.0:
        stem, typed = _summed(arrays, stem_parts), _summed(arrays, exact_parts)
        docs = docsets.union([stem.docs, typed.docs], arrays.size)
        vector = Sparse(docs, _stem_weighted(stem.at(docs), typed.at(docs), weight))
    else:
        vector = _summed(arrays, stem_parts + exact_parts)
    arrays.memo.put(key, vector)
    return vector


def _stem_weighted(stem: np.ndarray, typed: np.ndarray, weight: float) -> np.ndarray:
    """The scores of a word's root forms and of its typed form together, the root's counted
    `weight` times where the typed form is not there."""
    return np.where(typed > 0, stem, weight * stem) + typed


def word_at(arrays: Arrays, word: Word, among: Among) -> np.ndarray:
    """`word_vector(arrays, word).at(among.docs)`, the same scores, computed for `among`
    alone (a vector already kept is read instead)."""
    found = arrays.memo.get((word, FIELDS))
    if found is not None:
        return found.at(among.docs)
    stem_parts, exact_parts, weight = _word_parts(arrays, word, FIELDS, among)
    if weight < 1.0:
        stem = _summed_at(len(among.docs), stem_parts)
        return _stem_weighted(stem, _summed_at(len(among.docs), exact_parts), weight)
    return _summed_at(len(among.docs), stem_parts + exact_parts)


def _summed_at(count: int, parts: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The terms' scores at `count` documents (each part: places, scores) added up in the
    order given, in float32 as `_summed` adds them."""
    values = np.zeros(count, dtype=np.float32)
    for places, part_values in parts:
        values[places] += part_values
    return values


def word_scores(arrays: Arrays, word: Word, fields: tuple[str, ...] = FIELDS) -> np.ndarray:
    """A word's score in every document (`word_vector` as an array by document number)."""
    vector = word_vector(arrays, word, fields)
    out = np.zeros(arrays.size, dtype=np.float32)
    out[vector.docs] = vector.values
    return out


def _phrase_hits(
    arrays: Arrays,
    words: list[Word],
    among: np.ndarray,
    fields: tuple[str, ...] = FIELDS,
    *,
    exact: bool = False,
) -> np.ndarray:
    """Which of `among` have the words as a phrase (their stems, next to each other; with
    `exact`, their forms as written: an exact: part's)."""
    if exact:
        forms = [w.exact for w in words]
        found = [phrase_docs(arrays, f"{f}_exact", forms, 1, among=among) for f in fields]
    else:
        stems = [w.stem or w.exact for w in words]
        found = [phrase_docs(arrays, f, stems, 1, among=among) for f in fields]
    return docsets.union(found, arrays.size)


class QueryOfficial(NamedTuple):
    """An official a query names: the words naming them, the articles tagged with them and
    the articles quoting them (sorted document numbers)."""

    words: list[Word]
    tagged: np.ndarray
    quoted: np.ndarray


Officials = Sequence[QueryOfficial]


def _unit(
    arrays: Arrays, unit: Unit, officials: Officials, docs: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """A concept's score in each of `docs` and whether it matches there in full (all its
    words, or an alternative, or the tag of an official its words name). Words that spell
    one concept together (a long form, "KTP elektronik") score their mean (`word_share`): a
    concept weighs as one word, however many words spell it. A title: part typed beside OR
    (`Unit.title`) scores and matches in the title alone, as a title: word alone does; a
    prefix typed beside OR (`Unit.prefix`: no words) where one of the words it starts is
    (its completions), each scoring in full, as a prefix typed alone's words do."""
    scores = np.zeros(len(docs), dtype=np.float32)
    matched = np.full(len(docs), bool(unit.words), dtype=bool)
    among = Among(docs, arrays.size)
    for word in unit.words:
        one = _unit_word_at(arrays, unit, word, among)
        matched &= one > 0
        scores += one * word_share(unit)
    if unit.whole or unit.phrase:
        fields = ("title",) if unit.title else FIELDS
        hits = _phrase_hits(arrays, unit.words, docs, fields, exact=unit.exact)
        matched &= docsets.contains(hits, docs, arrays.size)
    for alternative in unit.searched_alternatives():
        hits = _phrase_hits(arrays, alternative, docs) if len(alternative) > 1 else None
        alt = sum((word_at(arrays, w, among) for w in alternative), np.zeros(len(docs)))
        if hits is not None:
            alt = np.where(docsets.contains(hits, docs, arrays.size), alt, 0.0)
        matched |= alt > 0
        scores += alt / len(alternative)
    for word, weight in unit.completions:
        completion = _unit_word_at(arrays, unit, word, among)
        matched |= completion > 0
        scores += weight * completion
    if unit.prefix:
        # found as matching finds it: any word it starts (`prefix_docs`), not only the
        # commonest ones it scores by; an article with only a rarer one has the unit too
        found = arrays.memo.get(prefix_key(unit.prefix, prefix_fields(unit)))
        if found is not None:
            matched |= docsets.contains(found, docs, arrays.size)
    for words, tagged, _quoted in officials:
        if unit.named_by(words):
            matched |= docsets.contains(tagged, docs, arrays.size)
    return scores, matched


def prefix_key(prefix: str, fields: Sequence[str]) -> tuple:
    """The key under which a reader's arrays keep the documents with a word starting with a
    prefix (search.retrieval.matching.prefix_docs)."""
    return ("prefix", prefix, tuple(fields))


def _unit_word_at(arrays: Arrays, unit: Unit, word: Word, among: Among) -> np.ndarray:
    """The score at `among` of a word of a unit: in the title alone for a title: part."""
    if unit.title:
        return word_vector(arrays, word, ("title",)).at(among.docs)
    return word_at(arrays, word, among)


def unit_weight(plan: QueryPlan, unit: Unit) -> float:
    """How much of a concept's score counts: NAMED_WEIGHT for words naming an official
    (`QueryPlan.officials`) typed beside other concepts (the tag's and the subject's bonuses
    stand for the person), else all of it."""
    if len(plan.units) > 1 and any(unit.named_by(words) for _, words in plan.officials):
        return NAMED_WEIGHT
    return 1.0


def word_share(unit: Unit) -> float:
    """The share of a concept's score each of its words scores: their mean (a long form
    weighs as one word), or all of each for a place of several words (`Unit.place`: as rare
    as its words together, `unit_idf`) and for a phrase or a title: part typed beside OR
    (scored as it is alone: `scores_at`)."""
    return 1.0 if unit.place or unit.typed_part else 1 / len(unit.words)


def _title_has(arrays: Arrays, word: Word) -> np.ndarray:
    """The documents with the word in the title: any form of its root, or the form typed
    where the root's forms do not count (`title_takes_root_forms`)."""
    if title_takes_root_forms(word):
        return word_vector(arrays, word, ("title",)).docs
    return arrays.postings("title_exact", word.exact).docs


def _words_in_title(arrays: Arrays, unit: Unit) -> np.ndarray:
    """The documents with all the unit's words in the title, next to each other for a place
    or a phrase (`Unit.place`, `Unit.phrase`; as written for an exact: part), or one of the
    words a prefix starts (`Unit.prefix`: its completions)."""
    if unit.prefix:
        words = [arrays.postings("title_exact", w.exact).docs for w, _ in unit.completions]
        return docsets.union(words, arrays.size)
    if unit.exact and unit.phrase:
        return phrase_docs(arrays, "title_exact", [w.exact for w in unit.words], 1)
    if unit.whole or unit.phrase:
        return phrase_docs(arrays, "title", [w.stem or w.exact for w in unit.words], 1)
    return docsets.intersect([_title_has(arrays, w) for w in unit.words], arrays.size)


def _in_title(arrays: Arrays, unit: Unit) -> np.ndarray:
    """The documents with the concept in the title (sorted): all its words, or one of its
    alternatives (as a phrase when it has several words; a place's words too). Title postings
    are short: the set costs less than a look-up per scored document."""
    found = [_words_in_title(arrays, unit)]
    for alternative in unit.searched_alternatives():
        terms = [w.stem or w.exact for w in alternative]
        found.append(phrase_docs(arrays, "title", terms, 1))
    return docsets.union(found, arrays.size)


def term_idf(size: int, count: int) -> float:
    """The idf of a term held by `count` of the `size` articles (Whoosh's BM25F idf)."""
    return math.log(size / (count + 1)) + 1


def concept_terms(unit: Unit, stems: str = "{}", exact: str = "{}_exact") -> list[tuple[str, str]]:
    """The (field, term) pairs a concept's words score on: any form of the root and the form
    typed, in each text field (`stems`, `exact`: the fields' names from a text field's); a
    prefix's (`Unit.prefix`) are the words it starts (its completions)."""
    found = []
    for word in unit.words or [w for w, _ in unit.completions]:
        for field in FIELDS:
            if word.root_term:
                found.append((stems.format(field), word.root_term))
            found.append((exact.format(field), word.exact))
    return found


def concept_idf(size: int, counts: Sequence[int]) -> float:
    """How much a concept says: the idf of its commonest term (`counts`: how many of the
    `size` articles have each of `concept_terms`)."""
    return term_idf(size, max(counts, default=0))


def unit_idf(
    size: int,
    unit: Unit,
    count: Callable[[str, str], int],
    stems: str = "{}",
    exact: str = "{}_exact",
) -> float:
    """A concept's `concept_idf` (`count`: how many of the `size` articles have a (field,
    term) of `concept_terms`); for a place of several words (`Unit.place`: "jakarta utara")
    the sum of its words' idf: the place is about as rare as its words together, not as its
    commonest word; so is a phrase (`Unit.phrase`)."""
    parts = [Unit([w]) for w in unit.words] if unit.place or unit.phrase else [unit]
    return sum(
        concept_idf(size, [count(f, t) for f, t in concept_terms(part, stems, exact)])
        for part in parts
    )


def concept_shares(idfs: Sequence[float]) -> list[float]:
    """Each concept's share of the query's idf (`idfs`: each `unit_idf`)."""
    total = sum(idfs)
    return [i / total for i in idfs]


def covered_share(arrays: Arrays, units: Sequence[Unit], matched: list[np.ndarray]) -> np.ndarray:
    """For each document, the share of the concepts' idf it has (`matched`: whether it has
    each concept): 1 for an article with all of them; an article missing only a common word
    (sungai) keeps most of its score, one missing the rare word the query is about
    (pencemaran) little of it."""
    idfs = [unit_idf(arrays.size, u, lambda f, t: len(arrays.postings(f, t))) for u in units]
    shares = concept_shares(idfs)
    covered = np.zeros(len(matched[0]), dtype=np.float32)
    for share, found in zip(shares, matched, strict=True):
        covered += np.where(found, np.float32(share), np.float32(0.0))
    return covered


def _subject(
    arrays: Arrays, words: list[Word], among: np.ndarray, quoted: np.ndarray
) -> np.ndarray:
    """The documents of `among` (sorted) that are about the official: one of the name's
    words in the title or among the first LEDE_WORDS of the body (its form as written), or
    a quotation of theirs (`quoted`). The positions of those documents only are read."""
    found = [quoted]
    for word in words:
        found.append(arrays.postings("title_exact", word.exact).docs)
        body = arrays.postings("body_exact", word.exact)
        keys = body.position_keys(docsets.intersect([among, body.docs], arrays.size))
        found.append(docsets.distinct(keys[(keys & 0xFFFFFFFF) < LEDE_WORDS] >> 32))
    return docsets.union(found, arrays.size)


def official_scores_at(
    arrays: Arrays, officials: Officials, docs: np.ndarray, complete: np.ndarray | None = None
) -> np.ndarray:
    """The bonus of each of `docs` (sorted) for the officials a query names (`officials`: their
    words, the documents tagged with them and those quoting them). The subject's bonus goes
    only to the `docs` that have every concept of the query (`complete`, a mask; all when
    None): an article about the official that lacks the topic typed beside the name is not
    lifted above those that have it."""
    total = np.zeros(len(docs), dtype=np.float32)
    for words, tagged, quoted in officials:
        count = len(tagged)
        if not count:
            continue
        idf = term_idf(arrays.size, count)
        is_tagged = docsets.contains(tagged, docs, arrays.size)
        total += np.where(is_tagged, TAGGED_WEIGHT * idf, 0.0)
        among = docsets.distinct(docs[is_tagged])  # docs: sorted (a hash set cost more)
        subject = is_tagged & docsets.contains(
            _subject(arrays, words, among, quoted), docs, arrays.size
        )
        if complete is not None:
            subject &= complete
        total += np.where(subject, SUBJECT_WEIGHT * idf, 0.0)
    return total


def lower_case_docs(arrays: Arrays, word: Word) -> np.ndarray:
    """The documents that write `word` (a form of its root, or the form typed) but never the
    form typed capitalised inside a sentence (sorted)."""
    terms = [(f"{f}_exact", word.exact) for f in FIELDS]
    terms += [(f, word.root_term) for f in FIELDS if word.root_term]
    written = docsets.union([arrays.postings(f, t).docs for f, t in terms], arrays.size)
    capitalised = arrays.postings(CASE_FIELD, word.exact).docs
    return written[~docsets.contains(capitalised, written, arrays.size)]


def scores_at(
    arrays: Arrays, parsed: QueryPlan, docs: np.ndarray, officials: Officials = ()
) -> np.ndarray:
    """The score of each of `docs` before the proximity bonus (`officials`: the words
    naming an official, and the documents tagged with them, sorted)."""
    total = np.zeros(len(docs), dtype=np.float32)
    among = Among(docs, arrays.size)
    for word in [w for p in parsed.phrases for w in p]:
        total += word_at(arrays, word, among)
    for word in dedupe(parsed.title_words) + [w for p in parsed.title_phrases for w in p]:
        total += word_vector(arrays, word, ("title",)).at(docs)
    for word in parsed.prefix_words + [w for p in parsed.exact_phrases for w in p]:
        total += word_at(arrays, word, among)
    units = []
    for unit in parsed.units:
        scores, matched = _unit(arrays, unit, officials, docs)
        units.append((scores * np.float32(unit_weight(parsed, unit)), matched))
    # The documents with every concept of the query.
    every = np.logical_and.reduce([m for _, m in units]) if units else None
    if officials:
        total += official_scores_at(arrays, officials, docs, every)
    if units:
        unit_total = np.sum([s for s, _ in units], axis=0)
        total += unit_total
        if len(units) > 1:
            total *= covered_share(arrays, parsed.units, [m for _, m in units])
        if len(units) > 1 or len(parsed.units[0].words) > 1:
            total += np.where(every, ALL_WORDS_BOOST * unit_total, 0.0)
        titled = docsets.intersect([_in_title(arrays, u) for u in parsed.units], arrays.size)
        titled = docsets.contains(titled, docs, arrays.size)
        total += np.where(titled, TITLE_WORDS_BOOST * unit_total, 0.0)
    if parsed.cased is not None:
        lower = docsets.contains(lower_case_docs(arrays, parsed.cased), docs, arrays.size)
        total *= np.where(lower, np.float32(LOWER_CASE_WEIGHT), np.float32(1.0))
    # Every match scores: one found only by a word too rare to be among a prefix's scored
    # completions (`pemb*`: 8,332 articles, 365 with none of its 64 commonest words) ranks
    # below every scored one, never at 0.
    return np.maximum(total, MIN_SCORE)


# The least score of a match (`scores_at`).
MIN_SCORE = np.float32(1e-4)


def near_boost(parsed: QueryPlan, words: list[Word]) -> float:
    """How much more the words close together in order score (`words`: the plan's
    `proximity_words`): PHRASE_BOOST when they are all one concept's (pinjaman online,
    kereta rel listrik), else NEAR_BOOST. One concept's words together say the concept is
    there; the words of several concepts together may be one passing mention (*sampah
    plastik* in a story about monkeys raiding rubbish) in an article about something else."""
    units = {i for i, u in enumerate(parsed.units) for w in words if w in u.words}
    alone = [w for w in words if not any(w in u.words for u in parsed.units)]
    return PHRASE_BOOST if len(units) + len(alone) <= 1 else NEAR_BOOST


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


def rank_docs(
    arrays: Arrays,
    parsed: QueryPlan,
    docs: np.ndarray,
    needed: int,
    officials: Officials = (),
    ranks: np.ndarray | None = None,
) -> list[tuple[float, int]]:
    """(score, document number) of the best `needed` of `docs` (sorted), best first, equal
    scores by `ranks` (each document number's place in the article ids' order:
    doctable.id_ranks), else by document number. Only `docs` are scored.

    One order for every page: the proximity bonus goes to the NEAR_POOL best matches by
    word score (equal scores in that order), which the bonus only raises, so they stay
    above all the others; the others follow by word score. (A pool that grew with the page
    asked for let equal scores fall differently on each page: paging skipped articles.)"""
    if not len(docs) or needed <= 0:
        return []
    base = scores_at(arrays, parsed, docs, officials)
    keys = docs if ranks is None else ranks[docs]
    words = parsed.proximity_words(dedupe(parsed.words))
    pool = NEAR_POOL if len(words) > 1 else 0
    top = _best(base, keys, max(needed, pool))
    docs, base, keys = docs[top], base[top], keys[top]
    if pool:
        head = slice(0, min(pool, len(docs)))
        order = np.argsort(docs[head])
        among = Among(docs[head][order], arrays.size)
        word_part = np.zeros(len(order), dtype=np.float32)
        word_part[order] = np.sum([word_at(arrays, w, among) for w in words], axis=0)
        near = _near(arrays, words, docs[head])
        boosted = base[head] + np.where(near, near_boost(parsed, words) * word_part, 0.0)
        regroup = np.lexsort((keys[head], -boosted))  # equal scores in the order of `keys`
        base = np.concatenate([boosted[regroup], base[head.stop :]])
        docs = np.concatenate([docs[head][regroup], docs[head.stop :]])
    return [(float(base[i]), int(docs[i])) for i in range(min(needed, len(docs)))]


def _best(scores: np.ndarray, keys: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the `k` highest of `scores`, best first, equal scores by `keys` (distinct):
    the same first k whatever k (ties at the cut are taken by key, not as argpartition
    leaves them)."""
    if k >= len(scores):
        return np.lexsort((keys, -scores))
    cut = np.partition(-scores, k - 1)[k - 1]  # minus the k-th highest score
    above = np.flatnonzero(-scores < cut)
    tied = np.flatnonzero(-scores == cut)
    tied = tied[np.argsort(keys[tied], kind="stable")][: k - len(above)]
    chosen = np.concatenate([above, tied])
    return chosen[np.lexsort((keys[chosen], -scores[chosen]))]
