"""An oracle for the tests: a query plan written as a Whoosh query, with the boosts the
ranking mirrors, run by Whoosh itself. The product never builds it (search.retrieval.matching
and ranking read the plan); the tests check that matching finds Whoosh's documents and that
ranking orders them as Whoosh's BM25F would.
"""

from __future__ import annotations

from whoosh import query as q

from search.config import (
    ALL_WORDS_BOOST,
    EXACT_BOOST,
    NEAR_SLOP,
    TITLE_WORDS_BOOST,
)
from search.dates import as_int
from search.indexing.schema import NO_DATE_END, NO_DATE_START
from search.model import SearchRequest
from search.query.plan import QueryPlan, Unit, Word, dedupe
from search.retrieval.ranking import near_boost, stem_only_weight


class UnionOr(q.Or):
    """An Or that always merges its clauses as a tree of unions. On indexes under 5,000
    documents Whoosh otherwise preloads every Or into a 2,048-slot array, about 3 ms each:
    a 64-word query took 0.6 s on the five seeds, against 0.2 s this way. Larger indexes
    already use the tree, so nothing changes for them."""

    matcher_type = q.Or.DEFAULT_MATCHER


def word_query(word: Word, fields: tuple[str, str] = ("title", "body")) -> q.Query:
    """Any form of the word's root, with a bonus for the exact form."""
    clauses: list[q.Query] = []
    if word.stem:
        clauses += [q.Term(f, word.stem) for f in fields]
    clauses += [q.Term(f"{f}_exact", word.exact, boost=EXACT_BOOST) for f in fields]
    return UnionOr(clauses)


def phrase_query(
    words: list[Word],
    slop: int = 1,
    boost: float = 1.0,
    fields: tuple[str, ...] = ("title", "body"),
    exact: bool = True,
) -> q.Query:
    """The words in order, `slop` positions apart at most, in the stemmed fields (where
    function words are left out, so the phrase reads across them), and as written."""
    if any(not w.stem for w in words):  # a phrase of function words: exact fields only
        clauses = [q.Phrase(f"{f}_exact", [w.exact for w in words], slop=slop) for f in fields]
        return UnionOr(clauses, boost=boost)
    stems = [w.stem for w in words]
    forms = [w.exact for w in words]
    clauses = [q.Phrase(f, stems, slop=slop) for f in fields]
    if exact:
        clauses.append(q.Phrase(f"{fields[-1]}_exact", forms, slop=slop, boost=EXACT_BOOST))
    return UnionOr(clauses, boost=boost)


def _form_query(words: list[Word], *, as_phrase: bool) -> q.Query:
    if len(words) == 1:
        return word_query(words[0])
    if as_phrase:  # a glossary form: its stems as a phrase (no exact-form bonus, cheaper)
        return phrase_query(words, exact=False)
    return q.And([word_query(w) for w in words])


def _unit_query(unit: Unit) -> q.Query:
    """The unit matched in full: all its own words, or one of its alternatives as a phrase;
    a phrase, title:, prefix or exact: part typed beside OR as it is matched alone."""
    if unit.prefix:
        return q.Prefix("title_exact", unit.prefix) if unit.title else _prefix_query(unit.prefix)
    if unit.exact:
        return exact_phrase_query(unit.words)
    if unit.typed_part:
        fields = ("title",) if unit.title else ("title", "body")
        if unit.phrase:
            return phrase_query(unit.words, fields=fields)
        return q.And([word_query(w, fields) for w in unit.words])
    forms = [_form_query(unit.words, as_phrase=False)]
    forms += [_form_query(alt, as_phrase=True) for alt in unit.searched_alternatives()]
    return forms[0] if len(forms) == 1 else UnionOr(forms)


def _title_word(word: Word) -> q.Query:
    """The word in the title: any form, or the form typed for a word often a name."""
    if word.stem and stem_only_weight(word) == 1.0:
        return word_query(word, ("title",))
    return q.Term("title_exact", word.exact)


def _title_query(unit: Unit) -> q.Query:
    """The unit in the title (matching only): all its words, or an alternative as a phrase;
    a prefix's words."""
    if unit.prefix:
        return q.Prefix("title_exact", unit.prefix)
    forms: list[q.Query] = [q.And([_title_word(w) for w in unit.words])]
    forms += [
        phrase_query(alt, fields=("title",), exact=False) for alt in unit.searched_alternatives()
    ]
    return UnionOr(forms)


def _scored_query(parsed: QueryPlan) -> q.Query | None:
    """Any word or alternative matches; all the units, and the words close together, score
    extra (the precision of AND and the recall of OR)."""
    units = parsed.units
    if not units:
        return None
    any_word = [word_query(w) for u in units for w in u.words]
    any_word += [_unit_query(u) for u in units if u.prefix]
    any_word += [
        _form_query(alt, as_phrase=True) for u in units for alt in u.searched_alternatives()
    ]
    clauses: list[q.Query] = [any_word[0] if len(any_word) == 1 else UnionOr(any_word)]
    if len(units) > 1 or len(units[0].words) > 1:
        clauses.append(q.And([_unit_query(u) for u in units], boost=ALL_WORDS_BOOST))
    titled = q.And([_title_query(u) for u in units])
    clauses.append(
        q.Require(q.And([_unit_query(u) for u in units], boost=TITLE_WORDS_BOOST), titled)
    )
    words = dedupe(parsed.words)
    if len(words) > 1:
        boost = near_boost(parsed, words)
        clauses.append(phrase_query(words, slop=NEAR_SLOP, boost=boost))
    return UnionOr(clauses)


def to_whoosh(parsed: QueryPlan) -> q.Query:
    """The Whoosh query for a parsed query (Every() when there is nothing to match)."""
    # a phrase scores its words (ranking.scores_at), where they are a phrase
    required: list[q.Query] = [
        q.Require(q.And([word_query(w) for w in p]), phrase_query(p)) for p in parsed.phrases
    ]
    required += [UnionOr([_unit_query(u) for u in g]) for g in parsed.required_groups()]
    required += [word_query(w, ("title",)) for w in dedupe(parsed.title_words)]
    required += [phrase_query(p, fields=("title",)) for p in parsed.title_phrases]
    required += [_prefix_query(p) for p in parsed.prefixes]
    required += [q.Prefix("title_exact", p) for p in parsed.title_prefixes]
    required += [exact_phrase_query(p) for p in parsed.exact_phrases]
    scored = _scored_query(parsed)
    if scored is not None and parsed.has_required:  # the optional words only score
        main: q.Query = q.AndMaybe(q.And(required), scored)
    else:
        parts = required + ([scored] if scored is not None else [])
        main = q.Every() if not parts else parts[0] if len(parts) == 1 else q.And(parts)
    # an excluded word as a search for it finds it: its glossary forms, its official's tag
    excluded = [_unit_query(u) for u in parsed.excluded_units]
    excluded += [q.Term("officials", name) for name, _ in parsed.excluded_officials]
    excluded += [phrase_query(p) for p in parsed.excluded_phrases]
    excluded += [exact_phrase_query(p) for p in parsed.excluded_exact]
    if excluded:
        main = q.AndNot(main, UnionOr(excluded))
    return main


def complete_query(parsed: QueryPlan) -> q.Query:
    """The articles with all the words: a unit of every OR group a result may miss
    (Every() when every result has them all)."""
    groups = parsed.missable_groups()
    if not groups:
        return q.Every()
    return q.And([UnionOr([_unit_query(u) for u in g]) for g in groups])


def exact_phrase_query(words: list[Word]) -> q.Query:
    """The words as written, next to each other, in the title or the body: exact words have
    no stems, so word_query and phrase_query keep to the exact fields."""
    return word_query(words[0]) if len(words) == 1 else phrase_query(words)


def _prefix_query(prefix: str) -> q.Query:
    return UnionOr([q.Prefix("title_exact", prefix), q.Prefix("body_exact", prefix)])


def filter_query(request: SearchRequest) -> q.Query | None:
    """The request's filters as a Whoosh query."""
    parts: list[q.Query] = []
    if request.officials:
        parts.append(q.Or([q.Term("officials", n) for n in request.officials]))
    if request.sources:
        parts.append(q.Or([q.Term("source", s) for s in request.sources]))
    if request.said:
        parts.append(q.Or([q.Term("said", n) for n in request.said]))
    if request.date_from or request.date_to:
        start = as_int(request.date_from) if request.date_from else 1
        end = as_int(request.date_to) if request.date_to else NO_DATE_END - 1
        parts.append(q.NumericRange("date_end", start, NO_DATE_END - 1))
        parts.append(q.NumericRange("date_start", 1, end))
    if request.undated:
        parts.append(q.NumericRange("date_start", NO_DATE_START, NO_DATE_START))
    if request.indexed_after is not None:
        parts.append(q.NumericRange("indexed_at", request.indexed_after, None, startexcl=True))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.And(parts)
