"""Turning what a user typed into a Whoosh query.

Syntax: words, "quoted phrases", and -word to exclude. Every word matches any form of its root
(stemmed fields) and scores extra for its exact form (exact fields). Documents with all the words
rank above those with some, and the words as a phrase above both; partial matches still count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import query as q

from search.analysis import analyze, stem_word
from search.config import MAX_QUERY_CHARS, MAX_QUERY_TERMS
from search.lexicon import stopwords

_PART = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')

EXACT_BOOST = 1.5
ALL_WORDS_BOOST = 2.0
PHRASE_BOOST = 2.0


class UnionOr(q.Or):
    """An Or that always merges its clauses as a tree of unions. On indexes under 5,000
    documents Whoosh otherwise preloads every Or into a 2,048-slot array, about 3 ms each:
    a 64-word query took 0.6 s on the five seeds, against 0.1 s this way. Larger indexes
    already use the tree, so nothing changes for them."""

    matcher_type = q.Or.DEFAULT_MATCHER


@dataclass(frozen=True)
class Word:
    exact: str
    stem: str


@dataclass
class ParsedQuery:
    """The words, phrases and exclusions of a query, after analysis."""

    words: list[Word] = field(default_factory=list)
    phrases: list[list[Word]] = field(default_factory=list)
    excluded: list[Word] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    def stems(self) -> set[str]:
        return {w.stem for w in self.all_words()}

    def exact_forms(self) -> set[str]:
        return {w.exact for w in self.all_words()}

    def all_words(self) -> list[Word]:
        return self.words + [w for phrase in self.phrases for w in phrase]


def _words(text: str) -> list[Word]:
    forms = analyze(text, stem=False)
    stops = stopwords()
    content = [f for f in forms if f not in stops]
    # A query of stopwords only is searched as written (exact fields), never emptied.
    return [Word(form, stem_word(form)) for form in (content or forms)]


def _visible(text: str) -> str:
    """The query without invisible characters: format marks (RTL/LTR marks, zero-width
    joiners, soft hyphens, BOM) are dropped so "pela\u200dyanan" is one word; control
    characters (NUL, tabs) become spaces."""
    if text.isprintable():
        return text
    return "".join(
        " " if unicodedata.category(c) == "Cc" else c
        for c in text
        if c.isprintable() or unicodedata.category(c) != "Cf"
    )


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    text = _visible(text)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.notes.append(f"the query was cut to its first {MAX_QUERY_CHARS} characters")
    for m in _PART.finditer(text):
        if m.group(2) is not None:
            words = _words(m.group(2))
            if m.group(1):
                parsed.excluded.extend(words)
            elif len(words) > 1:
                parsed.phrases.append(words)
            else:
                parsed.words.extend(words)
        else:
            words = _words(m.group(4))
            (parsed.excluded if m.group(3) and words else parsed.words).extend(words)
    total = len(parsed.all_words())
    if total > MAX_QUERY_TERMS:
        parsed.notes.append(f"only the first {MAX_QUERY_TERMS} of {total} words were searched")
        parsed.words = parsed.words[:MAX_QUERY_TERMS]
        budget = MAX_QUERY_TERMS - len(parsed.words)
        kept: list[list[Word]] = []
        for phrase in parsed.phrases:
            if budget >= len(phrase):
                kept.append(phrase)
                budget -= len(phrase)
        parsed.phrases = kept
    if len(parsed.excluded) > MAX_QUERY_TERMS:
        parsed.notes.append(
            f"only the first {MAX_QUERY_TERMS} of {len(parsed.excluded)} excluded words were used"
        )
        parsed.excluded = parsed.excluded[:MAX_QUERY_TERMS]
    return parsed


def word_query(word: Word) -> q.Query:
    """Any form of the word's root, with a bonus for the exact form."""
    return UnionOr(
        [
            q.Term("title", word.stem),
            q.Term("body", word.stem),
            q.Term("title_exact", word.exact, boost=EXACT_BOOST),
            q.Term("body_exact", word.exact, boost=EXACT_BOOST),
        ]
    )


def phrase_query(words: list[Word], slop: int = 1, boost: float = 1.0) -> q.Query:
    stems = [w.stem for w in words]
    exact = [w.exact for w in words]
    return UnionOr(
        [
            q.Phrase("title", stems, slop=slop),
            q.Phrase("body", stems, slop=slop),
            q.Phrase("body_exact", exact, slop=slop, boost=EXACT_BOOST),
        ],
        boost=boost,
    )


def to_whoosh(parsed: ParsedQuery) -> q.Query:
    """The Whoosh query for a parsed query (Every() when there is nothing to match)."""
    groups = [word_query(w) for w in _dedupe(parsed.words)]
    required = [phrase_query(p) for p in parsed.phrases]
    if not groups and not required:
        main: q.Query = q.Every()
    else:
        clauses: list[q.Query] = []
        if groups:
            clauses.append(UnionOr(groups))
            if len(groups) > 1:
                clauses.append(q.And(groups, boost=ALL_WORDS_BOOST))
                clauses.append(phrase_query(_dedupe(parsed.words), slop=3, boost=PHRASE_BOOST))
        scored = UnionOr(clauses) if len(clauses) > 1 else clauses[0] if clauses else None
        main = q.And([*required, scored] if scored else required) if required else scored
    if parsed.excluded:
        main = q.AndNot(main, UnionOr([word_query(w) for w in parsed.excluded]))
    return main


def _dedupe(words: list[Word]) -> list[Word]:
    seen: set[Word] = set()
    return [w for w in words if not (w in seen or seen.add(w))]  # type: ignore[func-returns-value]
