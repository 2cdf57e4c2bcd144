"""Turning what a user typed into a Whoosh query.

Syntax (bad syntax never errors: what cannot be read as an operator is read as words):

    reformasi birokrasi          any form of each word; all the words and the phrase rank first
    "pelayanan publik"           a phrase (also across function words: "pelayanan kepada publik")
    exact:"tidak akan mundur"    the words exactly as written, in this order (a quote checked)
    -pungli  NOT pungli          exclude a word or a "phrase"
    a AND b  +b                  require a word (AND requires both sides)
    a OR b                       either (the default, spelled out)
    title:birokrasi              search the title only (also title:"a phrase")
    source:kompas.com            keep one publisher's articles (repeatable: any of them)
    official:jokowi              keep articles naming an official (name or alias)
    birokra*                     words starting with a prefix (3 letters or more)

Every word matches any form of its root (stemmed fields) and scores extra for its exact form
(exact fields). Documents with all the words rank above those with some, and the words as a
phrase (or close together) above both; partial matches still count. An acronym also finds its
long form and the reverse (`search.text.glossary`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import query as q

from search.config import MAX_QUERY_CHARS, MAX_QUERY_TERMS
from search.text import glossary
from search.text.analyzer import split_hyphenated, stem_word, surface_words
from search.text.lexicon import stopwords

# A part of the query: an optional sign, an optional field, then a "phrase" or a bare word.
# "source: tempo" and 'exact: "..."' (a space after the colon) are read as the field too.
_PART = re.compile(r'([-+]?)(?:([A-Za-z_]+):[ \t]*)?(?:"([^"]*)"|(\S+))')
_OPERATORS = {"AND", "OR", "NOT", "&&", "||", "!"}
FILTER_FIELDS = {"source": "sources", "official": "officials"}
TITLE_FIELD = "title"
EXACT_FIELD = "exact"
_FIELDS = {*FILTER_FIELDS, TITLE_FIELD, EXACT_FIELD}
# Opens a marked run of forms as written (an exact phrase) rather than of stems.
EXACT_RUN = "="
MIN_PREFIX = 3
MAX_PREFIXES = 4  # each matches thousands of words at worst

EXACT_BOOST = 1.5
ALL_WORDS_BOOST = 2.0
PHRASE_BOOST = 2.0
NEAR_SLOP = 3


class UnionOr(q.Or):
    """An Or that always merges its clauses as a tree of unions. On indexes under 5,000
    documents Whoosh otherwise preloads every Or into a 2,048-slot array, about 3 ms each:
    a 64-word query took 0.6 s on the five seeds, against 0.2 s this way. Larger indexes
    already use the tree, so nothing changes for them."""

    matcher_type = q.Or.DEFAULT_MATCHER


@dataclass(frozen=True)
class Word:
    exact: str
    stem: str


@dataclass
class Unit:
    """One thing to match: a word, or several words standing for one concept (a long form),
    with alternatives (the acronym for a long form, the long forms for an acronym).
    `indexed`: the index writes the acronym where a text has a long form, so the acronym's
    term alone finds both (the alternatives then only serve to mark snippets)."""

    words: list[Word]
    alternatives: list[list[Word]] = field(default_factory=list)
    indexed: bool = False

    def searched_alternatives(self) -> list[list[Word]]:
        return [] if self.indexed else self.alternatives


@dataclass
class ParsedQuery:
    """The words, phrases and exclusions of a query, after analysis."""

    words: list[Word] = field(default_factory=list)
    phrases: list[list[Word]] = field(default_factory=list)
    excluded: list[Word] = field(default_factory=list)
    excluded_phrases: list[list[Word]] = field(default_factory=list)
    required: list[Word] = field(default_factory=list)
    title_words: list[Word] = field(default_factory=list)
    title_phrases: list[list[Word]] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    title_prefixes: list[str] = field(default_factory=list)  # title:birokra*
    # exact:"..." phrases: the words as written (function words too), stems left empty.
    exact_phrases: list[list[Word]] = field(default_factory=list)
    excluded_exact: list[list[Word]] = field(default_factory=list)  # -exact:"..."
    # The index's words starting with a prefix, scored and marked (search.query.prefixes).
    prefix_words: list[Word] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_prefixes(self) -> bool:
        return bool(self.prefixes or self.title_prefixes)

    @property
    def is_empty(self) -> bool:
        return not (
            self.words
            or self.phrases
            or self.title_words
            or self.title_phrases
            or self.has_prefixes
            or self.exact_phrases
        )

    def stems(self) -> set[str]:
        return {w.stem for w in self.all_words() if w.stem}

    def exact_forms(self) -> set[str]:
        return {w.exact for w in self.all_words()}

    def all_words(self) -> list[Word]:
        """Every word to mark wherever it is: the query's own words, a prefix's words and
        one-word glossary forms (an acronym). A long form's words are marked only together,
        as the long form (`marked_runs`): "KPK" marks "Komisi Pemberantasan Korupsi", not
        every "korupsi"."""
        words = self.words + self.required + self.title_words
        words += [w for phrase in self.phrases + self.title_phrases for w in phrase]
        words += [
            w for unit in self.units for alt in unit.alternatives if len(alt) == 1 for w in alt
        ]
        return words + self.prefix_words

    def marked_runs(self) -> list[tuple[str, ...]]:
        """What is marked only where its words come in a row: each glossary long form (its
        stems) and each exact:"..." phrase (its forms as written, after EXACT_RUN)."""
        runs = {
            tuple(w.stem or w.exact for w in alt)
            for unit in self.units
            for alt in unit.alternatives
            if len(alt) > 1
        }
        runs |= {(EXACT_RUN, *(w.exact for w in phrase)) for phrase in self.exact_phrases}
        return sorted(runs)

    def content_words(self) -> list[Word]:
        """The words a user typed to find (no exclusions), for spelling suggestions."""
        return self.words + self.required + [w for p in self.phrases for w in p]


def _word(form: str) -> Word:
    if "-" in form:
        joined, parts = split_hyphenated(form)
        if len(parts) > 1:
            # A compound is searched by its joined spelling, indexed for both spellings.
            return Word(joined, stem_word(joined))
        form = parts[0]
    return Word(form, "" if form in stopwords() else stem_word(form))


def _forms(text: str) -> list[str]:
    return surface_words(text)


@dataclass
class _Item:
    sign: str  # "", "+" (required) or "-" (excluded)
    field: str | None
    forms: list[str]
    phrase: bool
    prefix: str | None = None
    raw: str = ""


def _lex(text: str) -> list[_Item | str]:
    """Items and operators, left to right."""
    out: list[_Item | str] = []
    for m in _PART.finditer(text):
        sign, fieldname, quoted, bare = m.group(1), m.group(2), m.group(3), m.group(4)
        if fieldname is None and bare and bare.endswith(":") and bare[:-1].lower() in _FIELDS:
            continue  # a field with nothing after it ("exact:" at the end): nothing to search
        if quoted is None and not sign and not fieldname and bare in _OPERATORS:
            out.append({"&&": "AND", "||": "OR", "!": "NOT"}.get(bare, bare))
            continue
        fieldname = fieldname.lower() if fieldname else None
        if fieldname and fieldname not in _FIELDS:
            # Not a field we know: "jam:10" is read as words.
            bare = f"{m.group(2)} {bare}" if bare is not None else None
            quoted = f"{m.group(2)} {quoted}" if quoted is not None else None
            fieldname = None
        value = quoted if quoted is not None else bare or ""
        if fieldname in FILTER_FIELDS:
            out.append(_Item(sign, fieldname, [], False, raw=value.strip()))
            continue
        prefix = None
        if quoted is None and value.endswith("*"):
            stem = _forms(value.rstrip("*"))
            if len(stem) == 1 and len(stem[0]) >= MIN_PREFIX:
                prefix = stem[0]
        forms = _forms(value)
        out.append(_Item(sign, fieldname, forms, quoted is not None, prefix=prefix))
    return out


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


# Typographic double quotes (a phone keyboard's “...”, German „...“, «...») delimit a phrase
# as '"' does.
PLAIN_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»〝〞＂", '"'))


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    text = _visible(text).translate(PLAIN_QUOTES)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.notes.append(f"the query was cut to its first {MAX_QUERY_CHARS} characters")
    tokens = _lex(text)
    if tokens and all(isinstance(t, str) for t in tokens):
        # Operators alone ("AND", "NOT"): read them as words.
        tokens = [_Item("", None, surface_words(text), False)]
    items: list[_Item] = []
    negate = require_next = False
    for token in tokens:
        if isinstance(token, str):
            if token == "NOT":
                negate = True
            elif token == "AND" and items:
                if items[-1].sign == "":
                    items[-1].sign = "+"
                require_next = True
            continue
        if negate:
            token.sign = "-"
        elif require_next and token.sign == "":
            token.sign = "+"
        negate = require_next = False
        items.append(token)
    _fill(parsed, items)
    _limit(parsed)
    parsed.units = _units(parsed.words, text)
    return parsed


def _fill(parsed: ParsedQuery, items: list[_Item]) -> None:
    stops = stopwords()
    has_content = any(f not in stops for it in items if it.sign != "-" for f in it.forms)

    def words_of(item: _Item) -> list[Word]:
        # Function words are dropped unless the query has nothing else: never emptied.
        kept = [f for f in item.forms if f not in stops] if has_content else item.forms
        return [_word(f) for f in kept]

    for item in items:
        if item.field in FILTER_FIELDS:
            if item.raw and item.sign != "-":
                parsed.filters.setdefault(FILTER_FIELDS[item.field], []).append(item.raw)
            continue
        if item.prefix and item.sign != "-":
            target = parsed.title_prefixes if item.field == TITLE_FIELD else parsed.prefixes
            count = len(parsed.prefixes) + len(parsed.title_prefixes)
            if item.prefix not in target and count < MAX_PREFIXES:
                target.append(item.prefix)
            elif item.prefix not in target:
                note = f"only the first {MAX_PREFIXES} prefixes were searched"
                if note not in parsed.notes:
                    parsed.notes.append(note)
            continue
        if item.field == EXACT_FIELD:
            exact = _exact_words(item.forms)
            if exact:
                target = parsed.excluded_exact if item.sign == "-" else parsed.exact_phrases
                target.append(exact)
            continue
        words = words_of(item)
        if not words:
            continue
        if item.sign == "-":
            if item.phrase and len(words) > 1:
                parsed.excluded_phrases.append(words)
            else:
                parsed.excluded.extend(words)
        elif item.field == TITLE_FIELD:
            if item.phrase and len(words) > 1:
                parsed.title_phrases.append(words)
            else:
                parsed.title_words.extend(words)
        elif item.phrase and len(words) > 1:
            parsed.phrases.append(words)
        elif item.sign == "+":
            parsed.required.extend(words)
        else:
            parsed.words.extend(words)


def _exact_words(forms: list[str]) -> list[Word]:
    """exact:"..." as the exact fields index it: every word as written (lower-cased),
    function words too; a hyphenated compound by its parts, a reduplication by its base."""
    words: list[Word] = []
    for form in forms:
        parts = split_hyphenated(form)[1] if "-" in form else [form]
        words += [Word(part, "") for part in parts]
    return words


def _phrases_within(phrases: list[list[Word]], budget: int) -> list[list[Word]]:
    """The phrases, in order, that fit in `budget` words (a phrase is kept whole or dropped)."""
    kept: list[list[Word]] = []
    for phrase in phrases:
        if budget >= len(phrase):
            kept.append(phrase)
            budget -= len(phrase)
    return kept


def _limit(parsed: ParsedQuery) -> None:
    excluded = len(parsed.excluded) + sum(len(p) for p in parsed.excluded_phrases)
    if excluded > MAX_QUERY_TERMS:
        parsed.notes.append(
            f"only the first {MAX_QUERY_TERMS} of {excluded} excluded words were used"
        )
        parsed.excluded = parsed.excluded[:MAX_QUERY_TERMS]
        parsed.excluded_phrases = _phrases_within(
            parsed.excluded_phrases, MAX_QUERY_TERMS - len(parsed.excluded)
        )
    total = len(parsed.words) + len(parsed.required) + sum(len(p) for p in parsed.phrases)
    if total <= MAX_QUERY_TERMS:
        return
    parsed.notes.append(f"only the first {MAX_QUERY_TERMS} of {total} words were searched")
    parsed.required = parsed.required[:MAX_QUERY_TERMS]
    budget = MAX_QUERY_TERMS - len(parsed.required)
    parsed.words = parsed.words[:budget]
    parsed.phrases = _phrases_within(parsed.phrases, budget - len(parsed.words))


def _units(words: list[Word], text: str) -> list[Unit]:
    """The optional words grouped into concepts, with their glossary alternatives."""
    words = dedupe(words)
    capitals = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", text)}
    units: list[Unit] = []
    runs = {
        start: (end, acr) for start, end, acr in glossary.find_long_forms([w.exact for w in words])
    }
    i = 0
    while i < len(words):
        if i in runs:
            end, acronym = runs[i]
            units.append(Unit(words[i:end], [[Word(acronym, stem_word(acronym))]]))
            i = end
            continue
        word = words[i]
        forms = glossary.long_forms(word.exact, written_in_capitals=word.exact in capitals)
        alternatives = [[_word(f) for f in form] for form in forms]
        units.append(Unit([word], alternatives, bool(forms) and glossary.is_indexed(word.exact)))
        i += 1
    return units


# -- building the Whoosh query -------------------------------------------------------------


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
    """The unit matched in full: all its own words, or one of its alternatives as a phrase."""
    forms = [_form_query(unit.words, as_phrase=False)]
    forms += [_form_query(alt, as_phrase=True) for alt in unit.searched_alternatives()]
    return forms[0] if len(forms) == 1 else UnionOr(forms)


def _scored_query(parsed: ParsedQuery) -> q.Query | None:
    """Any word or alternative matches; all the units, and the words close together, score
    extra (the precision of AND and the recall of OR)."""
    units = parsed.units
    if not units:
        return None
    any_word = [word_query(w) for u in units for w in u.words]
    any_word += [
        _form_query(alt, as_phrase=True) for u in units for alt in u.searched_alternatives()
    ]
    if len(any_word) == 1:
        return any_word[0]
    clauses: list[q.Query] = [UnionOr(any_word)]
    if len(units) > 1 or len(units[0].words) > 1:
        clauses.append(q.And([_unit_query(u) for u in units], boost=ALL_WORDS_BOOST))
    words = dedupe(parsed.words)
    if len(words) > 1:
        clauses.append(phrase_query(words, slop=NEAR_SLOP, boost=PHRASE_BOOST))
    return UnionOr(clauses)


def to_whoosh(parsed: ParsedQuery) -> q.Query:
    """The Whoosh query for a parsed query (Every() when there is nothing to match)."""
    required: list[q.Query] = [phrase_query(p) for p in parsed.phrases]
    required += [word_query(w) for w in dedupe(parsed.required)]
    required += [word_query(w, ("title",)) for w in dedupe(parsed.title_words)]
    required += [phrase_query(p, fields=("title",)) for p in parsed.title_phrases]
    required += [_prefix_query(p) for p in parsed.prefixes]
    required += [q.Prefix("title_exact", p) for p in parsed.title_prefixes]
    required += [exact_phrase_query(p) for p in parsed.exact_phrases]
    scored = _scored_query(parsed)
    parts = required + ([scored] if scored is not None else [])
    main: q.Query = q.Every() if not parts else parts[0] if len(parts) == 1 else q.And(parts)
    excluded = [word_query(w) for w in parsed.excluded]
    excluded += [phrase_query(p) for p in parsed.excluded_phrases]
    excluded += [exact_phrase_query(p) for p in parsed.excluded_exact]
    if excluded:
        main = q.AndNot(main, UnionOr(excluded))
    return main


def exact_phrase_query(words: list[Word]) -> q.Query:
    """The words as written, next to each other, in the title or the body: exact words have
    no stems, so word_query and phrase_query keep to the exact fields."""
    return word_query(words[0]) if len(words) == 1 else phrase_query(words)


def _prefix_query(prefix: str) -> q.Query:
    return UnionOr([q.Prefix("title_exact", prefix), q.Prefix("body_exact", prefix)])


def dedupe(words: list[Word]) -> list[Word]:
    seen: set[Word] = set()
    return [w for w in words if not (w in seen or seen.add(w))]  # type: ignore[func-returns-value]
