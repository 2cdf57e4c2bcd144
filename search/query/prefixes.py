"""A prefix query's words (`birokra*`): the index's words that start with it, for ranking
and for marking matches.

Matching a prefix is Whoosh's `Prefix` query (every word that starts with it counts); this
module finds which of those words to score and to mark: the MAX_EXPANSIONS most frequent in
the exact fields, each scored as a typed word's exact form (search.retrieval.ranking) and marked in
snippets and on the article page. Rarer words still match, unscored and unmarked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from search.query.plan import QueryPlan, Word

MAX_EXPANSIONS = 64
FIELDS = ("title_exact", "body_exact")


def prefix_words(reader: Any, prefix: str, fields: tuple[str, ...] = FIELDS) -> list[Word]:
    """The most frequent words of the exact fields that start with `prefix` (most frequent
    first), as exact-form Words."""
    frequency: dict[str, int] = {}
    for fieldname in fields:
        for term in reader.expand_prefix(fieldname, prefix):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            frequency[text] = frequency.get(text, 0) + reader.doc_frequency(fieldname, text)
    best = sorted(frequency, key=lambda t: (-frequency[t], t))[:MAX_EXPANSIONS]
    return [Word(exact=text, stem="") for text in best]


def expand_prefixes(reader: Any, parsed: QueryPlan) -> QueryPlan:
    """`parsed` with the words of each of its prefixes (QueryPlan.prefix_words)."""
    if not parsed.has_prefixes:
        return parsed
    words = [w for prefix in parsed.prefixes for w in prefix_words(reader, prefix)]
    words += [
        w for prefix in parsed.title_prefixes for w in prefix_words(reader, prefix, FIELDS[:1])
    ]
    return replace(parsed, prefix_words=words)
