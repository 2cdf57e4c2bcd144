"""A query plan (search.query.plan) as an OpenSearch bool query, and a request's filters and
facets as filters, a post_filter and aggregations.

Matching reads the plan as search.retrieval.matching does: every required part must match
(a concept typed with + or AND in any form a plain word is found by, or another unit of its
OR group: a phrase, a title:, a prefix or an exact: part typed beside OR is such a unit),
then, when none is,
one of the optional words (or a glossary alternative), and nothing excluded (an excluded word
in any form a search for it finds: its glossary alternatives, the official it names). Scores
follow
search.retrieval.ranking: BM25 (k1 1.2, b 0.75) on any form of a word's root (less for a name's
root where the name is not written: `stem_only_weight`) and EXACT_BOOST more on the form as
typed (the title's weight is in its indexed term frequencies:
search.indexing.opensearch_index.TITLE_WEIGHT); the articles with every concept ALL_WORDS_BOOST
times their word scores more (a boosted bool of all the units), and those with the words in
order within NEAR_SLOP positions `ranking.near_boost` times more (a boosted span), and those with
every concept in the title TITLE_WORDS_BOOST times more (the words naming an official beside a
topic weigh `ranking.unit_weight` of a concept); an article missing some of the
concepts scores the share of the query's idf it has (a `function_score` summing the share of
each concept it has: `ranking.covered_share`). Each term's boost
also carries the ratio of the embedded engine's idf to OpenSearch's (`Idf`), so the words of a
query weigh against each other as they do there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

from search.config import (
    ALL_WORDS_BOOST,
    EXACT_BOOST,
    LEDE_WORDS,
    LOWER_CASE_WEIGHT,
    NEAR_SLOP,
    SUBJECT_WEIGHT,
    TAGGED_WEIGHT,
    TITLE_WORDS_BOOST,
)
from search.dates import as_int
from search.indexing.schema import CASE_FIELD
from search.model import SearchRequest
from search.query.plan import QueryPlan, Unit, Word, dedupe
from search.query.prefixes import FIELDS as PREFIX_FIELDS
from search.query.prefixes import prefix_fields
from search.retrieval.ranking import (
    concept_shares,
    concept_terms,
    near_boost,
    stem_only_weight,
    title_takes_root_forms,
    unit_idf,
    unit_weight,
    word_share,
)

Query = dict[str, Any]
# The words of a query naming an official, and the official's spelling in the index (None
# when no article is tagged with them).
Officials = list[tuple[list[Word], str | None]]
TEXT_FIELDS = ("title", "body")
# Facet lists as long as any index has names (an archive's officials and sources): what each
# shard counts, so that the counts of the names a facet lists are exact (the coordinating node
# keeps the request's facet_size most frequent).
FACET_SIZE = 65536
# Up to this many names a facet's `cardinality` (how many it has in all) is exact.
CARDINALITY_EXACT = 40_000
# The copy groups a search counts its stories by, at most (beyond, it estimates them).
COPY_GROUPS = 10_000
MATCH_ALL: Query = {"match_all": {}}
MATCH_NONE: Query = {"match_none": {}}


# The share of an article with none of a query's concepts (ranking.covered_share: 0).
NO_CONCEPT_WEIGHT = 1e-6
# The names of a text field's stemmed and exact fields (`ranking.concept_terms`).
FORMS = ("{}_stems", "{}_exact")


class Idf:
    """Per term, the embedded engine's idf over OpenSearch's BM25 idf, given how many
    articles have it (`frequencies`, (field, term) -> articles) among `articles`. Without
    frequencies every ratio is 1 and the terms asked for are noted in `asked`."""

    def __init__(
        self, articles: int = 0, frequencies: dict[tuple[str, str], int] | None = None
    ) -> None:
        self.articles = articles
        self.frequencies = frequencies
        self.asked: set[tuple[str, str]] = set()

    def _known(self, field: str, term: str) -> tuple[int, int] | None:
        """(articles, articles with the term), None when either is unknown (no frequencies:
        the term is noted in `asked`)."""
        if self.frequencies is None:
            self.asked.add((field, term))
            return None
        n, df = self.articles, self.frequencies.get((field, term), 0)
        return (n, df) if df and n else None

    def ratio(self, field: str, term: str) -> float:
        known = self._known(field, term)
        if known is None:
            return 1.0
        n, df = known
        bm25 = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return self.embedded(field, term) / bm25 if bm25 > 0 else 1.0

    def embedded(self, field: str, term: str) -> float:
        """The embedded engine's idf of a term (1 when unknown)."""
        known = self._known(field, term)
        if known is None:
            return 1.0
        n, df = known
        return max(math.log(n / (df + 1)) + 1, 0.0)

    def concept(self, unit: Unit) -> float:
        """The embedded engine's idf of a concept (`ranking.unit_idf`; 1 when unknown)."""
        terms = concept_terms(unit, *FORMS)
        if self.frequencies is None or not self.articles:
            self.asked.update(terms)
            return 1.0
        found = self.frequencies
        return unit_idf(self.articles, unit, lambda f, t: found.get((f, t), 0), *FORMS)


# The terms' idf ratios while a query is built (a context variable: one query per thread).
_idf: ContextVar[Idf | None] = ContextVar("idf", default=None)
# The words a prefix matches in a field, (field, prefix) -> words: the index's most frequent
# (search.query.prefixes.MAX_MATCHED_TERMS), as the embedded engine matches them.
Prefixes = dict[tuple[str, str], list[str]]
_prefixes: ContextVar[Prefixes | None] = ContextVar("prefixes", default=None)


def _term(field: str, value: str, boost: float = 1.0) -> Query:
    idf = _idf.get()
    if idf is not None:
        boost *= idf.ratio(field, value)
    return {"term": {field: {"value": value, "boost": round(boost, 6)}}}


def _any(queries: list[Query]) -> Query:
    if not queries:
        return MATCH_NONE
    if len(queries) == 1:
        return queries[0]
    return {"bool": {"should": queries, "minimum_should_match": 1}}


def _all(queries: list[Query], boost: float = 1.0) -> Query:
    if len(queries) == 1 and boost == 1.0:
        return queries[0]
    return {"bool": {"must": queries, "boost": boost}}


def word_query(word: Word, fields: tuple[str, ...] = TEXT_FIELDS, share: float = 1.0) -> Query:
    """Any form of the word's root, or the word as typed (scoring EXACT_BOOST more), `share`
    of its score (a word of a concept spelt by several). A word that is often a name scores
    its root `stem_only_weight` as much where the form typed is missing (the rest of the
    root's score only comes with the form typed)."""
    root = word.root_term
    weight = stem_only_weight(word) if root else 1.0
    typed = _any([{"term": {f"{f}_exact": word.exact}} for f in fields])
    clauses = []
    for f in fields:
        if root:
            clauses.append(_term(f"{f}_stems", root, share * weight))
            if weight < 1.0:
                rest = _term(f"{f}_stems", root, share * (1.0 - weight))
                clauses.append({"bool": {"must": [rest], "filter": [typed]}})
        clauses.append(_term(f"{f}_exact", word.exact, share * EXACT_BOOST))
    return _any(clauses)


def _concept(
    words: list[Word], share: float | None = None, fields: tuple[str, ...] = TEXT_FIELDS
) -> list[Query]:
    """The words spelling one concept, each scoring its share (ranking._unit: their mean,
    or `share`: ranking.word_share), in `fields`."""
    return [word_query(w, fields, 1 / len(words) if share is None else share) for w in words]


def _fields(unit: Unit) -> tuple[str, ...]:
    """The fields a unit is found in: the title alone for a title: part (matching
    .unit_fields)."""
    return ("title",) if unit.title else TEXT_FIELDS


def _phrase(field: str, terms: list[str]) -> Query:
    if len(terms) == 1:
        return {"constant_score": {"filter": {"term": {field: terms[0]}}, "boost": 0.0}}
    return {
        "constant_score": {
            "filter": {"match_phrase": {field: {"query": " ".join(terms), "slop": 0}}},
            "boost": 0.0,
        }
    }


def phrase_match(words: list[Word], fields: tuple[str, ...] = TEXT_FIELDS, exact: bool = True):
    """The words next to each other (matching only, no score): as
    matching.phrase_words_mask."""
    if any(not w.stem for w in words):
        return _any([_phrase(f"{f}_exact", [w.exact for w in words]) for f in fields])
    found = [_phrase(f"{f}_stems", [w.stem for w in words]) for f in fields]
    if exact:
        found.append(_phrase(f"{fields[-1]}_exact", [w.exact for w in words]))
    return _any(found)


def _scored_phrase(words: list[Word], fields: tuple[str, ...] = TEXT_FIELDS) -> Query:
    """A phrase that must match, scored by its words (as ranking.scores_at does)."""
    scores = [word_query(w) for w in words]
    return {"bool": {"filter": [phrase_match(words, fields)], "must": scores}}


def _exact(words: list[Word]) -> Query:
    if len(words) == 1:
        return word_query(words[0])
    return _scored_phrase(words)


def _prefix(prefix: str, fields: tuple[str, ...]) -> Query:
    """Any of the words a prefix matches in the fields (`Prefixes`), else any word starting
    with it."""
    known = _prefixes.get()
    found = []
    for f in fields:
        words = known.get((f, prefix)) if known is not None else None
        matched = {"prefix": {f: prefix}} if words is None else {"terms": {f: words}}
        found.append({"constant_score": {"filter": matched, "boost": 0.0}})
    return _any(found)


def _bonus(name: str) -> float:
    """An official's tag bonus by weight 1: the embedded engine's idf of the tag."""
    idf = _idf.get()
    return idf.embedded("officials", name) if idf is not None else 1.0


def _tagged(name: str | None, scored: bool = True) -> Query:
    """The articles tagged with an official, scored (`scored`) as ranking.official_scores_at
    scores them."""
    if name is None:
        return MATCH_NONE
    boost = TAGGED_WEIGHT * _bonus(name) if scored else 0.0
    return {"constant_score": {"filter": {"term": {"officials": name}}, "boost": round(boost, 6)}}


def _subject(words: list[Word], name: str | None) -> Query:
    """The articles tagged with an official who is their subject (one of the name's words in
    the title, or among the first LEDE_WORDS of the body, or a quotation of theirs), scoring
    SUBJECT_WEIGHT times the tag's bonus more (ranking.official_scores_at)."""
    if name is None:
        return MATCH_NONE
    named: list[Query] = [{"term": {"said": name}}]
    named += [{"term": {"title_exact": w.exact}} for w in words]
    named += [
        {"span_first": {"match": {"span_term": {"body_exact": w.exact}}, "end": LEDE_WORDS}}
        for w in words
    ]
    where = {"bool": {"should": named, "minimum_should_match": 1}}
    found = {"bool": {"filter": [{"term": {"officials": name}}, where]}}
    return {"constant_score": {"filter": found, "boost": round(SUBJECT_WEIGHT * _bonus(name), 6)}}


def _unit(unit: Unit, officials: Officials = ()) -> Query:
    """A concept: scores its words and alternatives; matches where all its words are or
    an alternative is, or the tag of an official its words name."""
    words = _concept(unit.words, word_share(unit), _fields(unit))
    alternatives = [
        word_query(alt[0])
        if len(alt) == 1
        else {"bool": {"filter": [phrase_match(alt, exact=False)], "must": _concept(alt)}}
        for alt in unit.searched_alternatives()
    ]
    completions = _completions(unit)
    tagged = [_tagged(name, scored=False) for words, name in officials if unit.named_by(words)]
    found = _any([_all_words(unit), *alternatives, *completions, *tagged])
    if len(words) == 1:
        return found
    # Each of its words scores where it is, whether or not the others are (ranking._unit).
    return {"bool": {"should": [*words, *alternatives, *completions], "filter": [found]}}


def _all_words(unit: Unit) -> Query:
    """All a unit's words, each scoring its share; a place's, a long form's or a phrase's next
    to each other, a title: part's in the title (matching._all_words_docs); a prefix's words
    (matching only: its completions score, as in `_unit`)."""
    if unit.prefix:
        return _prefix(unit.prefix, prefix_fields(unit))
    fields = _fields(unit)
    words = _concept(unit.words, word_share(unit), fields)
    if unit.whole:
        return _all([phrase_match(unit.words, exact=False), *words])
    if unit.phrase:
        return _all([phrase_match(unit.words, fields), *words])
    return _all(words)


def _title_has(word: Word) -> Query:
    if title_takes_root_forms(word):
        return word_query(word, ("title",))
    return {"constant_score": {"filter": {"term": {"title_exact": word.exact}}, "boost": 0.0}}


def _in_title(unit: Unit) -> Query:
    """The concept in the title (matching only, as ranking._in_title): all its words (the
    form typed for a word that is often a name), or one of its alternatives as a phrase; one
    of the words a prefix starts (its completions)."""
    if unit.prefix:
        found = [w.exact for w, _ in unit.completions]
        words = {"constant_score": {"filter": {"terms": {"title_exact": found}}, "boost": 0.0}}
    elif unit.whole or unit.phrase:
        words = phrase_match(unit.words, ("title",), exact=False)
    else:
        words = _all([_title_has(w) for w in unit.words])
    alternatives = [
        phrase_match(alt, ("title",), exact=False) for alt in unit.searched_alternatives()
    ]
    return _any([words, *alternatives])


def _completions(unit: Unit) -> list[Query]:
    """The words a word being typed (or a prefix typed beside OR) may be the start of, each
    scored by its weight."""
    return [word_query(w, _fields(unit), weight) for w, weight in unit.completions]


def _weighted(plan: QueryPlan, unit: Unit, query: Query) -> Query:
    """A concept's query, scoring `ranking.unit_weight` of its score (words naming an official
    beside a topic: less)."""
    weight = unit_weight(plan, unit)
    return query if weight == 1.0 else {"bool": {"must": [query], "boost": weight}}


def _unit_any(unit: Unit) -> Query:
    """A concept's words, alternatives and completions, any of them (the optional part's
    matching)."""
    alternatives = [
        word_query(alt[0])
        if len(alt) == 1
        else _all([phrase_match(alt, exact=False), *_concept(alt)])
        for alt in unit.searched_alternatives()
    ]
    words = _concept(unit.words, word_share(unit), _fields(unit))
    return _any(words + alternatives + _completions(unit))


def _near(words: list[Word]) -> Query:
    """The words in order, each within NEAR_SLOP positions after the one before (as
    phrases.in_sequence reads a slop), in the title or body (stems) or the body as written."""
    spans = []
    for field, terms in (
        ("title_stems", [w.stem or w.exact for w in words]),
        ("body_stems", [w.stem or w.exact for w in words]),
        ("body_exact", [w.exact for w in words]),
    ):
        # Nested from the last word back, so each gap is bounded (not only their sum) and
        # every chain is found: a nested span is matched at each start of its first word,
        # with the nearest following match of the rest.
        span: Query = {"span_term": {field: terms[-1]}}
        for term in reversed(terms[:-1]):
            clauses = [{"span_term": {field: term}}, span]
            span = {"span_near": {"clauses": clauses, "slop": NEAR_SLOP - 1, "in_order": True}}
        spans.append(span)
    return _any(spans)


def plan_query(
    plan: QueryPlan,
    idf: Idf | None = None,
    officials: Officials = (),
    prefixes: Prefixes | None = None,
    excluded: Officials = (),
) -> Query:
    """The plan as one bool query: what it matches is what matching.plan_docs matches (with
    `idf`, its terms weigh as in the embedded engine; `officials`, the officials its words
    name, whose tagged articles match as the words do; `prefixes`, the words each prefix
    matches; `excluded`, the officials its excluded words name, whose tagged articles are
    left out)."""
    token = _idf.set(idf or Idf())
    known = _prefixes.set(prefixes)
    try:
        return _plan_query(plan, officials, excluded)
    finally:
        _idf.reset(token)
        _prefixes.reset(known)


def group_queries(plan: QueryPlan, officials: Officials = ()) -> list[tuple[str, Query]]:
    """Each OR group of the plan's units with its label, as matching.match_docs reads
    them: an article with a unit of every group has all the words; one without a group misses
    its label (`QueryPlan.missable_groups`: none when every match is complete)."""
    groups = plan.missable_groups()
    if not groups:
        return []
    token = _idf.set(Idf())
    try:
        found = []
        for group in groups:
            units = [_unit(u, officials) for u in group]
            found.append((" or ".join(u.label for u in group), _any(units)))
        return found
    finally:
        _idf.reset(token)


def scored_terms(plan: QueryPlan, officials: Officials = ()) -> set[tuple[str, str]]:
    """The (field, term) pairs the plan's query scores."""
    idf = Idf()
    plan_query(plan, idf, officials)
    return idf.asked


def _covered_share(query: Query, plan: QueryPlan, officials: Officials) -> Query:
    """`query`'s score times the share of the query's idf an article has (the concepts it
    has: ranking.covered_share)."""
    idf = _idf.get() or Idf()
    shares = concept_shares([idf.concept(u) for u in plan.units])
    functions = [
        {"filter": _unit(u, officials), "weight": round(share, 6)}
        for u, share in zip(plan.units, shares, strict=True)
    ]
    # An article with none of the concepts in full (a place's words apart) scores (nearly) 0,
    # as embedded: where the functions that match weigh 0 in all, function_score keeps the
    # score as it is.
    functions.append({"filter": {"match_all": {}}, "weight": NO_CONCEPT_WEIGHT})
    return {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }


def _required_group(group: list[Unit], officials: Officials) -> Query:
    """An OR group typed required: one of its units in full (or the tag of an official the
    words of one of them name), matching only (its units score as the others do)."""
    return {"bool": {"filter": [_any([_unit(u, officials) for u in group])]}}


def _plan_query(plan: QueryPlan, officials: Officials, excluded: Officials) -> Query:
    must: list[Query] = [_scored_phrase(p) for p in plan.phrases]
    must += [_required_group(g, officials) for g in plan.required_groups()]
    must += [word_query(w, ("title",)) for w in dedupe(plan.title_words)]
    must += [_scored_phrase(p, ("title",)) for p in plan.title_phrases]
    must += [_prefix(p, PREFIX_FIELDS) for p in plan.prefixes]
    must += [_prefix(p, ("title_exact",)) for p in plan.title_prefixes]
    must += [_exact(p) for p in plan.exact_phrases]
    should: list[Query] = [word_query(w) for w in plan.prefix_words]
    if plan.units:
        optional = [_weighted(plan, u, _unit_any(u)) for u in plan.units]
        optional += [_tagged(name) for _, name in officials]
        # The subject's bonus only where every concept is (ranking.official_scores_at).
        complete = [_unit(u, officials) for u in plan.units]
        optional += [
            {"bool": {"must": [_subject(words, name)], "filter": complete}}
            for words, name in officials
        ]
        if len(plan.units) > 1 or len(plan.units[0].words) > 1:
            units = [_weighted(plan, u, _unit(u, officials)) for u in plan.units]
            optional.append(_all(units, ALL_WORDS_BOOST))
        # With a required part, the optional words only score: an article with none of them
        # is still a result (missing them).
        (should if plan.has_required else must).append(_any(optional))
        if len(plan.units) > 1:
            scored: Query = {"bool": {"must": must, **({"should": should} if should else {})}}
            must, should = [_covered_share(scored, plan, officials)], []
        titled = {"filter": [_in_title(u) for u in plan.units]}
        scores = [_weighted(plan, u, _unit(u, officials)) for u in plan.units]
        should.append({"bool": {**titled, "must": scores, "boost": TITLE_WORDS_BOOST}})
    words = plan.proximity_words(dedupe(plan.words))
    if len(words) > 1:
        bonus = [word_query(w) for w in words]
        boost = near_boost(plan, words)
        should.append({"bool": {"filter": [_near(words)], "must": bonus, "boost": boost}})
    must_not = [_unit(u) for u in plan.excluded_units]
    must_not += [_tagged(name, scored=False) for _, name in excluded]
    must_not += [phrase_match(p) for p in plan.excluded_phrases]
    must_not += [_exact(p) for p in plan.excluded_exact]
    must_not += [_prefix(p, PREFIX_FIELDS) for p in plan.excluded_prefixes]
    if not must:
        must = [MATCH_ALL]
    query: Query = {"bool": {"must": must}}
    if should:
        query["bool"]["should"] = should
    if must_not:
        query["bool"]["must_not"] = must_not
    if plan.cased is not None:
        return _lower_case_last(query, plan.cased)
    return query


def _lower_case_last(query: Query, word: Word) -> Query:
    """`query`'s score, LOWER_CASE_WEIGHT of it in the articles that write `word` (a form of
    its root, or the form typed) but never capitalised inside a sentence
    (ranking.lower_case_docs)."""
    terms = [{"term": {f"{f}_exact": word.exact}} for f in TEXT_FIELDS]
    terms += [{"term": {f"{f}_stems": word.root_term}} for f in TEXT_FIELDS if word.root_term]
    written = _any(terms)
    lower = {"bool": {"filter": [written], "must_not": [{"term": {CASE_FIELD: word.exact}}]}}
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": lower, "weight": LOWER_CASE_WEIGHT}],
            "boost_mode": "multiply",
        }
    }


# -- filters and facets -------------------------------------------------------------------


def date_filters(request: SearchRequest) -> list[Query]:
    """As facets.count_facets: undated articles only, or a date overlapping the range
    (undated ones left out when a bound is set)."""
    found: list[Query] = []
    if request.undated:
        found.append({"bool": {"must_not": [{"exists": {"field": "date_start"}}]}})
    if request.date_from or request.date_to:
        found.append({"exists": {"field": "date_start"}})
        if request.date_from:
            found.append({"range": {"date_end": {"gte": as_int(request.date_from)}}})
        if request.date_to:
            found.append({"range": {"date_start": {"lte": as_int(request.date_to)}}})
    return found


def frequencies_body(terms: set[tuple[str, str]]) -> dict[str, Any]:
    """One request for how many articles have each term, and how many there are."""
    filters = {f"{i}": {"term": {f: t}} for i, (f, t) in enumerate(sorted(terms))}
    return {"size": 0, "track_total_hits": True, "aggs": {"df": {"filters": {"filters": filters}}}}


def idf_from(terms: set[tuple[str, str]], found: dict[str, Any]) -> Idf:
    """The Idf of the answer to `frequencies_body(terms)`."""
    buckets = found["aggregations"]["df"]["buckets"]
    counts = {ft: int(buckets[f"{i}"]["doc_count"]) for i, ft in enumerate(sorted(terms))}
    return Idf(int(found["hits"]["total"]["value"]), counts)


def _terms(field: str, values: tuple[str, ...]) -> list[Query]:
    return [{"terms": {field: list(values)}}] if values else []


def _members(merged: Mapping[str, tuple[str, ...]] | None) -> list[str]:
    """Every name of the variant groups: the names variants go under and the variants."""
    return sorted({name for names in (merged or {}).values() for name in names})


def _merged(merged: Mapping[str, tuple[str, ...]] | None, field: str) -> dict[str, Any]:
    """The articles of each official (or person quoted) some variants go under, with any of
    them, and the articles of each name of those groups."""
    if not merged:
        return {}
    groups = {name: {"terms": {field: list(names)}} for name, names in merged.items()}
    members = _members(merged)
    counts = {"field": field, "size": len(members), "include": members}
    return {"merged": {"filters": {"filters": groups}}, "members": {"terms": counts}}


def request_body(
    plan: QueryPlan,
    request: SearchRequest,
    idf: Idf | None = None,
    officials: Officials = (),
    prefixes: Prefixes | None = None,
    merged: Mapping[str, tuple[str, ...]] | None = None,
    said_merged: Mapping[str, tuple[str, ...]] | None = None,
    excluded: Officials = (),
) -> dict[str, Any]:
    """The query (plan and the filters facets do not count by) and the facet filters: a
    post_filter for the hits and the total, and aggregations that each leave out their own
    unless `request.facets_filtered` (`merged`, `said_merged`: the officials and the people
    quoted some variants go under, with them, each counted once per article whichever it
    writes; `excluded`: the officials the excluded words name, as `plan_query`)."""
    filters = date_filters(request)
    if request.indexed_after is not None:
        filters.append({"range": {"indexed_at": {"gt": request.indexed_after}}})
    query = plan_query(plan, idf, officials, prefixes, excluded)
    if filters:
        query = {"bool": {"must": [query], "filter": filters}}
    chosen = {
        "officials": _terms("officials", request.officials),
        "sources": _terms("source", request.sources),
        "said": _terms("said", request.said),
    }
    order = [{"_count": "desc"}, {"_key": "asc"}]

    def others(facet: str) -> list[Query]:
        """The filters a facet counts by: the others' (all with `request.facets_filtered`)."""
        kept = [name for name in chosen if name != facet or request.facets_filtered]
        return [f for name in kept for f in chosen[name]]

    def within(filters: list[Query], aggs: dict[str, Any]) -> dict[str, Any]:
        return {"filter": {"bool": {"filter": filters}} if filters else MATCH_ALL, "aggs": aggs}

    def names(field: str, picked: tuple[str, ...], leave_out: list[str] | None = None) -> dict:
        """The facet_size most frequent names but those `leave_out` (each shard counting all
        of its own), how many names there are, and the counts of the `picked` ones (listed
        even when not among the most frequent: search.retrieval.facets)."""
        size = request.facet_size
        top = {"field": field, "size": size, "shard_size": FACET_SIZE, "order": order}
        if leave_out:
            top["exclude"] = leave_out
        out: dict[str, Any] = {
            "names": {"terms": top},
            "entries": {"cardinality": {"field": field, "precision_threshold": CARDINALITY_EXACT}},
        }
        if picked:
            out["picked"] = {
                "terms": {"field": field, "size": len(picked), "include": list(picked)}
            }
        return out

    every = [f for found in chosen.values() for f in found]
    aggs = {
        # the names in variant groups are counted apart, merged, then ranked with the others
        # (search.retrieval.opensearch_engine)
        "officials": within(
            others("officials"),
            {
                **names("officials", request.officials, _members(merged)),
                **_merged(merged, "officials"),
            },
        ),
        "sources": within(others("sources"), names("source", request.sources)),
        "said": within(
            others("said"),
            {**names("said", request.said, _members(said_merged)), **_merged(said_merged, "said")},
        ),
        "timeline": within(
            every,
            {
                "precision": {
                    "terms": {"field": "precision_code", "size": 4},
                    "aggs": {
                        "days": {
                            "date_histogram": {
                                "field": "date_first",
                                "calendar_interval": "day",
                                "min_doc_count": 1,
                                "format": "basic_date",
                            }
                        }
                    },
                },
                "undated": {"missing": {"field": "date_start"}},
            },
        ),
    }
    body: dict[str, Any] = {"query": query, "aggs": aggs, "track_total_hits": True}
    if every:
        body["post_filter"] = {"bool": {"filter": every}}
    return body


def copy_groups_agg(within: Query | None = None) -> dict[str, Any]:
    """The copy groups among the articles a request finds (`within` them, when the hits are
    narrowed by a post_filter), with how many of their articles it finds: a group counts as
    one story (search.retrieval.copies.CopyGroups.stories). Past COPY_GROUPS groups, the
    stories are estimated (`stories`)."""
    aggs = {
        "groups": {"terms": {"field": "copy_group", "size": COPY_GROUPS}},
        "stories": {"cardinality": {"field": "story", "precision_threshold": 40000}},
    }
    return {"filter": within or MATCH_ALL, "aggs": aggs}


def stories(total: int, found: dict[str, Any], leave_out: set[str] = frozenset()) -> int:
    """How many stories `total` articles are, given the copy groups among them (the answer
    to copy_groups_agg), those in `leave_out` not counted; OpenSearch's estimate when they
    are too many to list."""
    groups = found["groups"]
    if groups.get("sum_other_doc_count"):
        return min(total, int(found["stories"]["value"]))
    buckets = groups["buckets"]
    return total - sum(int(b["doc_count"]) - 1 for b in buckets if b["key"] not in leave_out)


def sort_for(request: SearchRequest, plan: QueryPlan) -> list[Any]:
    """The hits' order, as the embedded engine's: by date (undated last) or by score, equal
    dates and equal scores by article id (search.retrieval.doctable.id_order)."""
    if request.sort == "oldest":
        return [{"date_end": {"order": "asc", "missing": "_last"}}, {"id": "asc"}]
    if request.sort == "newest" or plan.is_empty:
        return [{"date_start": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    return [{"_score": "desc"}, {"id": "asc"}]
