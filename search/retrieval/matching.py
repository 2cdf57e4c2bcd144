"""Which articles a query plan matches: set algebra over the postings (search.retrieval
.postings) as sorted arrays of document numbers (search.retrieval.docsets), no Python step
per document and no step per document of the index: the work grows with the postings read.

One reading of the plan (search.query.plan), for the results, their count, the facets and the
relaxations alike:
- every required part must match: each phrase, title: word or phrase, prefix and
  exact:"..." phrase, and each concept typed with + or AND (`Unit.required`: all its words,
  or an alternative, or the tag of the official it names: as a plain word is found), or
  another unit of its OR group (a phrase, a title:, a prefix or an exact: part typed beside
  OR is such a unit: `Unit.phrase`, `Unit.title`, `Unit.prefix`, `Unit.exact`);
- when there is no required part, at least one of the optional words, or one of its glossary
  alternatives;
- and nothing excluded: no excluded phrase or exact phrase, and no excluded word in any form
  a search for the word finds (`QueryPlan.excluded_units`: its glossary alternatives, the
  tag of the official it names).
Of those, the articles with all the words (`Matches.complete`) have every unit (all its
words, or an alternative), or one of each OR group; the others (`Matches.partial`) are still
results, listed after them with what they miss (`Matches.missing`). Words that name an
official (`QueryPlan.officials`) are also found in the articles tagged with that official
(`Matches.officials`), however the article writes the name.
A word matches any form of its root (the stemmed fields) or its form as typed (the exact
fields); a phrase its stems next to each other (function words left out) or its forms as
written. What only adds to a score (all the words, the words close together) is ranking's
business (search.retrieval.ranking), not matching's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from whoosh import query as whoosh_query
from whoosh.searching import Searcher

from search.indexing.schema import TEXT_FIELDS
from search.model import SearchRequest
from search.query.plan import QueryPlan, Unit, Word, dedupe
from search.query.prefixes import FIELDS as PREFIX_FIELDS
from search.query.prefixes import prefix_fields, prefix_terms
from search.retrieval import docsets
from search.retrieval.doctable import doc_table
from search.retrieval.phrases import phrase_docs
from search.retrieval.postings import Arrays, reader_arrays
from search.retrieval.ranking import QueryOfficial, prefix_key

FIELDS = TEXT_FIELDS
TITLE = ("title",)


def word_docs(arrays: Arrays, word: Word, fields: Sequence[str] = FIELDS) -> np.ndarray:
    """Any form of the word's root, or the word as typed, in one of the fields (live
    documents, ascending)."""
    found = []
    for f in fields:
        if word.root_term:
            found.append(arrays.postings(f, word.root_term).stored_docs)
        found.append(arrays.postings(f"{f}_exact", word.exact).stored_docs)
    return docsets.live(docsets.union(found, arrays.size), arrays.live)


def phrase_words_docs(
    arrays: Arrays, words: list[Word], fields: Sequence[str] = FIELDS, *, exact: bool = True
) -> np.ndarray:
    """The words in order, next to each other: their stems in one of the fields (where
    function words are left out, so the phrase reads across them), or (`exact`) their forms
    as written in the last field. A phrase with function words in it (no stems) is matched
    as written only."""
    if any(not w.stem for w in words):
        forms = [w.exact for w in words]
        return docsets.union(
            [phrase_docs(arrays, f"{f}_exact", forms, 1) for f in fields], arrays.size
        )
    stems = [w.stem for w in words]
    found = [phrase_docs(arrays, f, stems, 1) for f in fields]
    if exact:
        found.append(phrase_docs(arrays, f"{fields[-1]}_exact", [w.exact for w in words], 1))
    return docsets.union(found, arrays.size)


def exact_docs(arrays: Arrays, words: list[Word]) -> np.ndarray:
    """An exact:"..." phrase: the words as written, next to each other, in the title or the
    body (exact words have no stems, so they keep to the exact fields)."""
    if len(words) == 1:
        return word_docs(arrays, words[0])
    return phrase_words_docs(arrays, words)


def prefix_docs(searcher: Searcher, prefix: str, fields: Sequence[str]) -> np.ndarray:
    """Any word starting with `prefix` in one of the (exact) fields: the most frequent words
    of the index's lexicon that start with it (search.query.prefixes.prefix_terms). Kept
    with the index's word scores: a page asks for it again for each relaxation."""
    reader = searcher.reader()
    arrays = reader_arrays(reader)
    key = prefix_key(prefix, fields)
    found = arrays.memo.get(key)
    if found is not None:
        return found
    docs = [
        arrays.postings(f, term).stored_docs
        for f in fields
        for term in prefix_terms(reader, f, prefix)
    ]
    out = docsets.live(docsets.union(docs, arrays.size), arrays.live)
    arrays.memo.put(key, out)
    return out


def unit_fields(unit: Unit) -> tuple[str, ...]:
    """The fields a unit is found in: the title alone for a title: part (`Unit.title`)."""
    return TITLE if unit.title else FIELDS


def unit_docs(searcher: Searcher, unit: Unit) -> np.ndarray:
    """Where a unit is found in full: all its words (a place's or a phrase's as a phrase),
    or one of its alternatives, or one of the words it may be the start of; a prefix's
    words (`Unit.prefix`)."""
    arrays = reader_arrays(searcher.reader())
    if unit.prefix:  # found as a prefix typed alone is (its completions are among its words)
        return prefix_docs(searcher, unit.prefix, prefix_fields(unit))
    fields = unit_fields(unit)
    found = [_all_words_docs(arrays, unit)]
    found += [alternative_docs(arrays, alt) for alt in unit.searched_alternatives()]
    found += [word_docs(arrays, word, fields) for word, _ in unit.completions]
    return docsets.union(found, arrays.size)


def _all_words_docs(arrays: Arrays, unit: Unit) -> np.ndarray:
    """Where all a unit's words are: anywhere, or next to each other for a place of several
    words (`Unit.place`: "pasar minggu", not a market on a Sunday) or a long form
    (`Unit.long_form`: "kereta rel listrik", as KRL finds it) or a phrase (as a phrase
    typed alone is found; an exact: part's words as written: they have no stems), in the
    title alone for a title: part."""
    fields = unit_fields(unit)
    if unit.whole:
        return phrase_words_docs(arrays, unit.words, exact=False)
    if unit.phrase:
        return phrase_words_docs(arrays, unit.words, fields)
    return docsets.intersect([word_docs(arrays, w, fields) for w in unit.words], arrays.size)


def alternative_docs(arrays: Arrays, alt: list[Word]) -> np.ndarray:
    """A glossary alternative: one word, or a long form's words as a phrase."""
    return (
        word_docs(arrays, alt[0]) if len(alt) == 1 else phrase_words_docs(arrays, alt, exact=False)
    )


@dataclass
class Matches:
    """What a plan matches, as sorted document numbers: every result (`found`), those with
    all the words (`complete`), and each OR group's label with where it is found (for what a
    partial match misses)."""

    found: np.ndarray
    complete: np.ndarray
    groups: list[tuple[str, np.ndarray]]
    # The words naming an official, the articles tagged with and those quoting that official.
    officials: list[QueryOfficial]
    size: int = 0  # how many documents the index has

    @property
    def partial(self) -> np.ndarray:
        return docsets.difference(self.found, self.complete, self.size)

    def missing(self, docnums: Sequence[int]) -> list[list[str]]:
        """The labels of the groups each document lacks (none for a complete match): one
        membership test a group for all of them."""
        ids = np.asarray(docnums, dtype=np.int64)
        lacking = [(label, (~docsets.contains(docs, ids)).tolist()) for label, docs in self.groups]
        return [[label for label, lacks in lacking if lacks[i]] for i in range(len(ids))]


def tagged_docs(searcher: Searcher, official: str) -> np.ndarray:
    """The articles tagged with an official (canonical name, any case); none when no article
    names them."""
    return doc_table(searcher).officials.docs_named(official)


def quoted_docs(searcher: Searcher, official: str) -> np.ndarray:
    """The articles quoting an official (canonical name, any case); none when none does."""
    return doc_table(searcher).said.docs_named(official)


def match_docs(searcher: Searcher, plan: QueryPlan) -> Matches:
    """The plan's matches, complete and partial, as sorted document numbers."""
    arrays = reader_arrays(searcher.reader())
    officials = [
        QueryOfficial(
            words,
            docsets.live(tagged_docs(searcher, name), arrays.live),
            docsets.live(quoted_docs(searcher, name), arrays.live),
        )
        for name, words in plan.officials
    ]
    found = plan_docs(searcher, plan, officials)
    groups = plan.missable_groups()
    if not groups:
        return Matches(found, found, [], officials, arrays.size)  # every match has them all
    labelled = [
        (" or ".join(u.label for u in group), group_docs(searcher, group, officials))
        for group in groups
    ]
    complete = docsets.intersect([found] + [docs for _, docs in labelled], arrays.size)
    return Matches(found, complete, labelled, officials, arrays.size)


def group_docs(
    searcher: Searcher, group: list[Unit], officials: Sequence[QueryOfficial]
) -> np.ndarray:
    """Where an OR group is found in full: one of its units, or the tag of an official the
    words of one of its units name."""
    arrays = reader_arrays(searcher.reader())
    found = [unit_docs(searcher, u) for u in group]
    found += [tagged for u in group for words, tagged, _ in officials if u.named_by(words)]
    return docsets.union(found, arrays.size)


def plan_docs(
    searcher: Searcher, plan: QueryPlan, officials: Sequence[QueryOfficial] = ()
) -> np.ndarray:
    """The live documents the plan matches (every one when it has nothing to match);
    `officials`: the officials its words name, whose tagged articles match as the words
    do."""
    arrays = reader_arrays(searcher.reader())
    required = [phrase_words_docs(arrays, p) for p in plan.phrases]
    required += [group_docs(searcher, g, officials) for g in plan.required_groups()]
    required += [word_docs(arrays, w, TITLE) for w in dedupe(plan.title_words)]
    required += [phrase_words_docs(arrays, p, TITLE) for p in plan.title_phrases]
    required += [prefix_docs(searcher, p, PREFIX_FIELDS) for p in plan.prefixes]
    required += [prefix_docs(searcher, p, ("title_exact",)) for p in plan.title_prefixes]
    required += [exact_docs(arrays, p) for p in plan.exact_phrases]
    if plan.units and not plan.has_required:
        optional = [word_docs(arrays, w) for unit in plan.units for w in unit.words]
        optional += [
            alternative_docs(arrays, alt)
            for unit in plan.units
            for alt in unit.searched_alternatives()
        ]
        optional += [word_docs(arrays, w) for unit in plan.units for w, _ in unit.completions]
        optional += [official.tagged for official in officials]
        required.append(docsets.union(optional, arrays.size))
    found = docsets.intersect(required, arrays.size) if required else np.flatnonzero(arrays.live)
    excluded = [unit_docs(searcher, u) for u in plan.excluded_units]
    excluded += [tagged_docs(searcher, name) for name, _ in plan.excluded_officials]
    excluded += [phrase_words_docs(arrays, p) for p in plan.excluded_phrases]
    excluded += [exact_docs(arrays, p) for p in plan.excluded_exact]
    excluded += [prefix_docs(searcher, p, PREFIX_FIELDS) for p in plan.excluded_prefixes]
    if excluded:
        found = docsets.difference(found, docsets.union(excluded, arrays.size), arrays.size)
    return docsets.live(found, arrays.live)


def indexed_after_docs(searcher: Searcher, after: float) -> np.ndarray:
    """The documents indexed after a time (epoch seconds): saved queries' --new."""
    newer = whoosh_query.NumericRange("indexed_at", after, None, startexcl=True)
    return np.unique(np.fromiter(searcher.docs_for_query(newer), dtype=np.int64))


def request_matches(searcher: Searcher, plan: QueryPlan, request: SearchRequest) -> Matches:
    """What the plan matches among the documents the request's non-facet filters keep (the
    facet filters, officials, sources and dates, are search.retrieval.facets' business: each
    facet is counted without its own)."""
    matches = match_docs(searcher, plan)
    if request.indexed_after is not None:
        newer = indexed_after_docs(searcher, request.indexed_after)
        matches.found = docsets.intersect([matches.found, newer], matches.size)
        matches.complete = docsets.intersect([matches.complete, newer], matches.size)
    return matches
