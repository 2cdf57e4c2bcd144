"""A prefix query's words (`birokra*`): the index's words that start with it, for ranking
and for marking matches; and the words a query's last word may be the start of, while it is
being typed (`complete_last_word`: karnav -> karnavian).

Matching a prefix is Whoosh's `Prefix` query (every word that starts with it counts); this
module finds which of those words to score and to mark: the MAX_EXPANSIONS most frequent in
the exact fields, each scored as a typed word's exact form (search.retrieval.ranking) and marked in
snippets and on the article page. Rarer words still match, unscored and unmarked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from search.query.lexer import MIN_PREFIX, Item
from search.query.plan import QueryPlan, Word

MAX_EXPANSIONS = 64
# A word being typed is completed with at most this many of the words it starts, each
# weighed by how common it is against the commonest.
MAX_COMPLETIONS = 8
FIELDS = ("title_exact", "body_exact")


def _frequencies(reader: Any, prefix: str, fields: tuple[str, ...]) -> list[tuple[str, int]]:
    """The words of the exact fields that start with `prefix`, with their document
    frequencies, the commonest first."""
    frequency: dict[str, int] = {}
    for fieldname in fields:
        for term in reader.expand_prefix(fieldname, prefix):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            frequency[text] = frequency.get(text, 0) + reader.doc_frequency(fieldname, text)
    return sorted(frequency.items(), key=lambda item: (-item[1], item[0]))


def prefix_words(reader: Any, prefix: str, fields: tuple[str, ...] = FIELDS) -> list[Word]:
    """The most frequent words of the exact fields that start with `prefix` (most frequent
    first), as exact-form Words."""
    best = _frequencies(reader, prefix, fields)[:MAX_EXPANSIONS]
    return [Word(exact=text, stem="") for text, _ in best]


def complete_last_word(reader: Any, parsed: QueryPlan) -> QueryPlan:
    """`parsed` with its last word, when it is a plain word typed last, also matching the
    MAX_COMPLETIONS commonest words it starts (`Unit.completions`), each weighed by its
    frequency against the commonest's (the word itself counted among them): "karnav" finds
    Karnavian first. The plan unchanged when the last part is not a word being typed."""
    items = [p for p in parsed.parts if isinstance(p, Item)]
    if not items or parsed.parts[-1] is not items[-1]:
        return parsed
    last = items[-1]
    if last.sign or last.field or last.phrase or last.prefix or len(last.forms) != 1:
        return parsed
    typed = last.forms[0]
    unit = next((u for u in parsed.units if u.words[-1].exact == typed), None)
    if unit is None or len(typed) < MIN_PREFIX:
        return parsed
    found = _frequencies(reader, typed, FIELDS)
    if not found:
        return parsed
    top = found[0][1]
    completions = [(Word(text, ""), df / top) for text, df in found if text != typed]
    units = [
        replace(u, completions=completions[:MAX_COMPLETIONS]) if u is unit else u
        for u in parsed.units
    ]
    return replace(parsed, units=units)


def expand_prefixes(reader: Any, parsed: QueryPlan) -> QueryPlan:
    """`parsed` with the words of each of its prefixes (QueryPlan.prefix_words)."""
    if not parsed.has_prefixes:
        return parsed
    words = [w for prefix in parsed.prefixes for w in prefix_words(reader, prefix)]
    words += [
        w for prefix in parsed.title_prefixes for w in prefix_words(reader, prefix, FIELDS[:1])
    ]
    return replace(parsed, prefix_words=words)
