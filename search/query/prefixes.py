"""A prefix query's words (`birokra*`): the index's words that start with it, most frequent
first, for matching, ranking and marking matches; and the words a query's last word may be
the start of, while it is being typed (`complete_last_word`: karnav -> karnavian).

A prefix matches the MAX_MATCHED_TERMS most frequent words of the exact fields that start
with it (search.retrieval.matching): a prefix as short as `ber*` starts thousands of words,
the rarest of which add almost no article but cost a postings read each (four such prefixes
took seconds). Of those, the MAX_EXPANSIONS most frequent are scored as a typed word's exact
form (search.retrieval.ranking) and marked in snippets and on the article page. A reader's
expansions are shared by every reader of the same segments (the first costs a lexicon walk).
Expanding and completing read the index's words through `search.query.terms.Terms`, the same
way on every engine.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from search import whoosh_private
from search.query.lexer import TITLE_FIELD, Item
from search.query.plan import MAX_PREFIXES, QueryPlan, Unit, Word, query_word

if TYPE_CHECKING:
    from search.query.terms import Terms

MAX_EXPANSIONS = 64
MAX_MATCHED_TERMS = 256
# A word being typed is completed with at most this many of the words it starts, each
# weighed by how common it is against the commonest.
MAX_COMPLETIONS = 8
# A word being typed is completed from its second letter (a prefix typed with `*` needs
# search.query.lexer.MIN_PREFIX): two letters already start a word of their own (kp: KPK,
# KPU, KPAI), while one starts most of a language.
MIN_COMPLETED = 2
FIELDS = ("title_exact", "body_exact")
_KEPT = 512  # expansions kept (of any index content)

_expansions: OrderedDict[tuple, list[str]] = OrderedDict()
_lock = threading.Lock()


def prefix_terms(reader: Any, fieldname: str, prefix: str) -> list[str]:
    """The MAX_MATCHED_TERMS most frequent words of a field that start with `prefix` (most
    frequent first, then in alphabetical order)."""
    key = (whoosh_private.segments_key(reader), fieldname, prefix)
    with _lock:
        found = _expansions.get(key)
        if found is not None:
            _expansions.move_to_end(key)
            return found
    frequency: dict[str, int] = {}
    for segment, _offset in reader.leaf_readers():  # (a segment's lexicon has the counts)
        if not whoosh_private.is_segment_reader(segment) or fieldname not in segment.schema:
            continue
        for term, info in segment.iter_prefix(fieldname, prefix):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            frequency[text] = frequency.get(text, 0) + info.doc_frequency()
    best = sorted(frequency, key=lambda t: (-frequency[t], t))[:MAX_MATCHED_TERMS]
    with _lock:
        _expansions[key] = best
        while len(_expansions) > _KEPT:
            _expansions.popitem(last=False)
    return best


def prefix_words(terms: Terms, prefix: str, fields: tuple[str, ...] = FIELDS) -> list[Word]:
    """The most frequent words of the exact fields that start with `prefix` (most frequent
    first), as exact-form Words."""
    rank: dict[str, int] = {}
    for fieldname in fields:
        for position, text in enumerate(terms.prefix_terms(fieldname, prefix)):
            rank[text] = min(rank.get(text, position), position)
    best = sorted(rank, key=lambda t: (rank[t], t))[:MAX_EXPANSIONS]
    return [Word(exact=text, stem="") for text in best]


def complete_last_word(terms: Terms, parsed: QueryPlan) -> QueryPlan:
    """`parsed` with its last word, when it is a plain word typed last, also matching the
    MAX_COMPLETIONS commonest words it starts (`Unit.completions`), each weighed by its
    frequency against the commonest's (the word itself counted among them): "karnav" finds
    Karnavian first. A hyphenated word is completed by its joined spelling, as it is searched
    ("e-kt": e-KTP); a `title:` word typed last is searched as a title prefix ("title:karnav"
    as title:karnav*; beside OR, "title:papua OR title:wame" completed in titles as the
    word is): a half-typed word finds nothing as a word. A word is completed from
    MIN_COMPLETED letters ("revisi uu kp": KPK). The plan unchanged when the last part is not
    a word being typed."""
    items = [p for p in parsed.parts if isinstance(p, Item)]
    if not items or parsed.parts[-1] is not items[-1]:
        return parsed
    last = items[-1]
    if last.sign or last.phrase or last.prefix or len(last.forms) != 1:
        return parsed
    title = last.field == TITLE_FIELD
    if title and query_word(last.forms[0]) in parsed.title_words:
        return _title_prefix(parsed, last.forms[0])
    if last.field and not title:
        return parsed
    typed = query_word(last.forms[0]).exact
    unit = next(
        (
            u
            for u in parsed.units
            if u.words and not u.exact and u.words[-1].exact == typed and u.title == title
        ),
        None,
    )
    if unit is None or len(typed) < MIN_COMPLETED:
        return parsed
    fields = FIELDS[:1] if title else FIELDS
    commonest = prefix_words(terms, typed, fields)[: MAX_COMPLETIONS + 1]
    frequency = {w.exact: sum(terms.doc_frequency(f, w.exact) for f in fields) for w in commonest}
    top = max(frequency.values(), default=0)
    if not top:
        return parsed
    ranked = sorted(frequency, key=lambda t: (-frequency[t], t))
    completions = [(Word(t, ""), frequency[t] / top) for t in ranked if t != typed]
    units = [
        replace(u, completions=completions[:MAX_COMPLETIONS]) if u is unit else u
        for u in parsed.units
    ]
    return replace(parsed, units=units)


def _title_prefix(parsed: QueryPlan, form: str) -> QueryPlan:
    """`parsed` with its last title word searched as a title prefix (its last `title_words`
    entry moved to `title_prefixes`), unless it is too short or MAX_PREFIXES are typed."""
    word = query_word(form)
    if len(word.exact) < MIN_COMPLETED or len(parsed.typed_prefixes()) >= MAX_PREFIXES:
        return parsed
    at = len(parsed.title_words) - 1 - parsed.title_words[::-1].index(word)
    title_words = parsed.title_words[:at] + parsed.title_words[at + 1 :]
    prefixes = list(dict.fromkeys([*parsed.title_prefixes, word.exact]))
    return replace(parsed, title_words=title_words, title_prefixes=prefixes)


def expand_prefixes(terms: Terms, parsed: QueryPlan) -> QueryPlan:
    """`parsed` with the words of each of its prefixes: those of the required ones
    (QueryPlan.prefix_words), and each prefix typed beside OR's as its unit's completions
    (`Unit.prefix`), found and scored as the words are."""
    if not parsed.has_prefixes:
        return parsed
    words = [w for prefix in parsed.prefixes for w in prefix_words(terms, prefix)]
    words += [
        w for prefix in parsed.title_prefixes for w in prefix_words(terms, prefix, FIELDS[:1])
    ]
    units = [
        replace(u, completions=[(w, 1.0) for w in prefix_words(terms, u.prefix, prefix_fields(u))])
        if u.prefix
        else u
        for u in parsed.units
    ]
    return replace(parsed, prefix_words=words, units=units)


def prefix_fields(unit: Unit) -> tuple[str, ...]:
    """The exact fields a prefix typed beside OR is found in: the title's alone for a
    title: prefix (`Unit.title`)."""
    return FIELDS[:1] if unit.title else FIELDS
