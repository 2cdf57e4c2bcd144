"""What a user typed, as one plan that every consumer reads: matching, counting, facets,
ranking, snippet marking, spelling suggestions and relaxations.

Syntax (bad syntax never errors: what cannot be read as an operator is read as words):

    reformasi birokrasi          any form of each word; all the words and the phrase rank first
    "pelayanan publik"           a phrase (also across function words: "pelayanan kepada publik")
    exact:"tidak akan mundur"    the words exactly as written, in this order (a quote checked)
    -pungli  NOT pungli          exclude a word (in any form the plain word finds), a "phrase"
                                 or a prefix (-rob*: every word starting with it)
    a AND b  +b                  require a word, in any form the plain word finds (AND requires
                                 both sides); the other words stay optional
    a OR b                       either one counts as having that word (also a "phrase", a
                                 title: word, a prefix or an exact:"..." part beside OR:
                                 `Unit.phrase`, `Unit.title`, `Unit.prefix`, `Unit.exact`)
    title:birokrasi              search the title only (also title:"a phrase")
    source:kompas.com            keep one publisher's articles (repeatable: any of them)
    official:jokowi              keep articles naming an official (name or alias)
    birokra*                     words starting with a prefix (3 letters or more; required,
                                 unless typed beside OR: `banjir OR rob*`)

Every word matches any form of its root (stemmed fields) and scores extra for its exact form
(exact fields). The results are the documents with all the words (a word typed with OR: either
of them), then those with some (each missing a word: `QueryPlan.unit_groups`); within each,
the words as a phrase (or close together) rank first. An acronym also finds its long form and
the reverse (`search.text.glossary`); a long form typed counts as all there only where its
words are next to each other, as its acronym finds it (`Unit.long_form`). A place of several
words (`pasar minggu`, `tanah abang`: `search.lexicon.multi_word_places`) is one concept, whose
words count as all there only next to each other (not a market on a Sunday); a compound the
corpus writes as one (`lalu lintas`, traffic: `search.lexicon.compounds`) is one concept too,
whose words weigh as one word, as a long form's do (not "lalu", then, and "lintas" apart). The
filters typed in the query (source:, official:) are taken out of its text into
`QueryPlan.filters`, and the engine merges
them with the request's filters once (`QueryPlan.text` is the query without them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from search.config import (
    MAX_CASED_SHARE,
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MAX_TYPED_CHARS,
    NAME_SHARE,
)
from search.i18n import gettext
from search.lexicon import (
    all_places,
    capitalised_shares,
    joined_spellings,
    multi_word_places,
    one_word_names,
    place_phrases,
    place_units,
    root_words,
    short_names,
    spellings,
    split_spellings,
    stopwords,
)
from search.lexicon import (
    compounds as mined_compounds,
)
from search.model import LIST_FILTERS
from search.query.lexer import (
    EXACT_FIELD,
    TITLE_FIELD,
    Item,
    Operator,
    lex,
    visible_text,
)
from search.text import glossary
from search.text.analyzer import sastrawi_stem, split_hyphenated, stem_word, surface_words

# Opens a marked run of forms as written (an exact phrase) rather than of stems.
EXACT_RUN = "="
MAX_PREFIXES = 4  # typed and excluded ones each: each matches thousands of words at worst


@dataclass(frozen=True)
class Word:
    exact: str
    stem: str
    # A name whose root other words share (`written_as_name`: Ganjar, *diganjar*): alone, it
    # is found and scored as written; in a phrase, by its stem as any word is.
    as_written: bool = False

    @property
    def root_term(self) -> str:
        """The stem the word alone is found and scored by: none for a name found as written."""
        return "" if self.as_written else self.stem


@dataclass
class Unit:
    """One thing to match: a word, or several words standing for one concept (a long form),
    with alternatives (the acronym for a long form, the long forms for an acronym).
    `indexed`: the index writes the acronym where a text has a long form, so the acronym's
    term alone finds both (the alternatives then only serve to mark snippets)."""

    words: list[Word]
    alternatives: list[list[Word]] = field(default_factory=list)
    indexed: bool = False
    # Units typed with OR between them share a group: an article has "all the words" when it
    # has one unit of every group.
    group: int = 0
    # Words the last word may be the start of, while it is typed, each with its weight
    # (search.query.prefixes.complete_last_word): found as the word is, scored by weight.
    completions: list[tuple[Word, float]] = field(default_factory=list)
    # A hyphenated compound as typed ("e-ktp"): its word is the joined spelling ("ektp").
    typed: str = ""
    # A place of several words (`search.lexicon.place_names`: "pasar minggu", "tanah abang"):
    # found in full only as a phrase, not as its words apart (a market on a Sunday).
    place: bool = False
    # A long form typed (words a glossary acronym stands for: "kereta rel listrik", KRL):
    # found in full only as a phrase, as a search for its acronym finds it, not as its words
    # apart (a train, a rail and electricity in one article).
    long_form: bool = False
    # Typed with + or AND: an article must have the concept (in any of the forms it is found
    # by) to be a result at all; the other units only sort all the words from some.
    required: bool = False
    # A "phrase", a title: word or phrase, a prefix or an exact:"..." part typed beside OR
    # (`parse_query`): one side of the OR, found as it is found alone (its words next to each
    # other, in the title only, the words starting with the prefix, the words as written),
    # and required as it is alone (its group: one of its units). Typed without OR, such a
    # part is no unit (`QueryPlan.phrases`, `title_words`, `title_phrases`, `prefixes`,
    # `title_prefixes`, `exact_phrases`).
    phrase: bool = False
    title: bool = False
    # A prefix (`rob*`; `title:wame*` with `title`) has no words: it is found by the index's
    # words that start with it (search.retrieval.matching.prefix_docs), and scored and marked
    # by the commonest of them, its `completions` (search.query.prefixes.expand_prefixes).
    prefix: str = ""
    # An exact:"..." part: its words as written (no stems: the exact fields), a `phrase`
    # when they are several.
    exact: bool = False

    @property
    def label(self) -> str:
        """The unit as typed, for "Missing: ..." labels."""
        written = self.typed or " ".join(w.exact for w in self.words)
        written = f'"{written}"' if self.phrase else written
        written = f"{self.prefix}*" if self.prefix else written
        written = f"exact:{written}" if self.exact else written
        return f"title:{written}" if self.title else written

    @property
    def typed_part(self) -> bool:
        """Whether the unit is a phrase, a title:, a prefix or an exact: part typed beside
        OR, whose words are not the plan's `words`."""
        return self.phrase or self.title or self.exact or bool(self.prefix)

    @property
    def whole(self) -> bool:
        """Whether the unit's words are all there only next to each other: a place of several
        words or a long form (`place`, `long_form`)."""
        return self.place or self.long_form

    def searched_alternatives(self) -> list[list[Word]]:
        return [] if self.indexed else self.alternatives

    def named_by(self, name: list[Word]) -> bool:
        """Whether the words naming an official (`QueryPlan.officials`) hold the unit's: the
        articles tagged with the official have the unit as they have its words. Never for a
        phrase or a title: part: those are found as written."""
        return not self.typed_part and all(w in name for w in self.words)


@dataclass
class QueryPlan:
    """The words, phrases, exclusions and filters of a query, after analysis: what every
    consumer of a query reads (search.retrieval.matching, ranking, snippets, suggestions,
    relaxations)."""

    words: list[Word] = field(default_factory=list)
    phrases: list[list[Word]] = field(default_factory=list)
    excluded: list[Word] = field(default_factory=list)
    excluded_phrases: list[list[Word]] = field(default_factory=list)
    title_words: list[Word] = field(default_factory=list)
    title_phrases: list[list[Word]] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    title_prefixes: list[str] = field(default_factory=list)  # title:birokra*
    # exact:"..." phrases: the words as written (function words too), stems left empty.
    exact_phrases: list[list[Word]] = field(default_factory=list)
    excluded_exact: list[list[Word]] = field(default_factory=list)  # -exact:"..."
    # -rob*: every article with a word starting with it is left out (in the title too for
    # -title:rob*: an exclusion reads no field)
    excluded_prefixes: list[str] = field(default_factory=list)
    # The index's words starting with a prefix, scored and marked (search.query.prefixes).
    prefix_words: list[Word] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    # The OR group of each word, in the order of `words`: words typed with OR between them
    # share one.
    word_groups: list[int] = field(default_factory=list)
    # Whether each word, in the order of `words`, was typed required (+word, AND).
    word_required: list[bool] = field(default_factory=list)
    # Hyphenated pairs of ordinary words as typed, by their words ("kebakaran", "hutan") ->
    # "kebakaran-hutan": one concept, found by its two words (`hyphenated_pair`).
    hyphenated: dict[tuple[str, str], str] = field(default_factory=dict)
    # The optional words typed one after the other (by their forms as typed), with the function
    # words typed between them (none: next to each other): only such words make one concept (a
    # place, a compound, a long form), never words either side of an OR.
    links: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # Officials the optional words name (gazetteer name or alias): (canonical name, the words).
    officials: list[tuple[str, list[Word]]] = field(default_factory=list)
    # What each excluded word stands for, as a search for it reads the word: its concept (the
    # word with its glossary alternatives) and the official it names (an article tagged with
    # them is left out as one writing the word is: `-jokowi` leaves out *Joko Widodo*).
    excluded_units: list[Unit] = field(default_factory=list)
    excluded_officials: list[tuple[str, list[Word]]] = field(default_factory=list)
    # A word typed alone that is both a name and a common word (`cased_word`): the articles
    # writing it capitalised inside a sentence (the `capitalised` field) rank first.
    cased: Word | None = None
    notes: list[str] = field(default_factory=list)
    # The query as typed, without the filters typed in it (they are in `filters`).
    text: str = field(default="", compare=False)
    # The parts a user typed, in order (the filters taken out of `text` left out), and the
    # text they stand in: relaxations leave parts out (search.query.relaxation).
    parts: list[Item | Operator] = field(default_factory=list, compare=False, repr=False)
    parts_text: str = field(default="", compare=False, repr=False)
    # The filter typed last, when the query ends with one: (its LIST_FILTERS field, its value).
    # While a query is typed, that value may be a name half typed ("said:karnav").
    last_filter: tuple[str, str] | None = field(default=None, compare=False)

    def with_part(self, part: Item | Operator, typed: str = "") -> str:
        """The query text with one of its `parts` typed another way ("": left out, with the
        OR that joined it to a neighbour, so that OR joins nothing else: "banjir OR qwzx
        riau" without qwzx is "banjir riau"), the others as typed, one space apart."""
        parts = list(self.parts)
        at = next(i for i, p in enumerate(parts) if p is part)
        dropped = {at}
        if not typed and isinstance(part, Item):
            beside = [i for i in (at - 1, at + 1) if 0 <= i < len(parts)]
            joined = [i for i in beside if isinstance(parts[i], Operator) and parts[i].name == "OR"]
            dropped.update(joined[:1])
        texts = (
            (typed if i == at else "") if i in dropped else self.parts_text[p.start : p.end]
            for i, p in enumerate(parts)
        )
        return " ".join(t for t in texts if t)

    @property
    def has_prefixes(self) -> bool:
        return bool(self.typed_prefixes())

    def typed_prefixes(self) -> list[tuple[str, bool]]:
        """Every prefix typed, with whether it is a title: prefix: the required ones, then
        those typed beside OR (`Unit.prefix`)."""
        found = [(p, False) for p in self.prefixes] + [(p, True) for p in self.title_prefixes]
        return found + [(u.prefix, u.title) for u in self.units if u.prefix]

    @property
    def required(self) -> list[Word]:
        """The words typed required (+word, AND), in order. They are words of `words` too,
        read into concepts as the others are (an acronym's long form, an official's tag);
        their units are `Unit.required`."""
        return [w for w, req in zip(self.words, self.word_required, strict=True) if req]

    def unit_groups(self) -> list[list[Unit]]:
        """The units by OR group, in the order typed: an article with a unit of every group
        has all the words; one without a group misses it (`Missing: ...`)."""
        groups: dict[int, list[Unit]] = {}
        for unit in self.units:
            groups.setdefault(unit.group, []).append(unit)
        return list(groups.values())

    def required_groups(self) -> list[list[Unit]]:
        """The OR groups holding a unit typed required: a result has one of each."""
        return [g for g in self.unit_groups() if any(u.required for u in g)]

    @property
    def has_required(self) -> bool:
        """Whether the plan has a part every result must have (a phrase, a required word, a
        title: word, a prefix, an exact:"..." phrase): then an article needs none of its
        optional words to be a result, only to have all the words."""
        return bool(
            self.phrases
            or any(u.required for u in self.units)
            or self.title_words
            or self.title_phrases
            or self.has_prefixes
            or self.exact_phrases
        )

    def missable_groups(self) -> list[list[Unit]]:
        """The OR groups a result may lack (typed without + or AND), each labelled as
        `Missing: ...`; none when every result has all the words (a plan of one optional
        word, or words typed with OR, and nothing required: a result has one of them)."""
        groups = [g for g in self.unit_groups() if not any(u.required for u in g)]
        one = len(groups) == 1 and all(len(u.words) == 1 for u in groups[0])
        return [] if one and not self.has_required else groups

    @property
    def is_empty(self) -> bool:
        return not (
            self.units  # the parts typed beside OR too
            or self.words
            or self.phrases
            or self.title_words
            or self.title_phrases
            or self.has_prefixes
            or self.exact_phrases
        )

    def stems(self) -> set[str]:
        return {w.root_term for w in self.all_words() if w.root_term}

    def exact_forms(self) -> set[str]:
        return {w.exact for w in self.all_words()}

    def all_words(self) -> list[Word]:
        """Every word to mark wherever it is: the query's own words, a prefix's words and
        one-word glossary forms (an acronym). A long form's words are marked only together,
        as the long form (`marked_runs`): "KPK" marks "Komisi Pemberantasan Korupsi", not
        every "korupsi"."""
        words = self.words + self.title_words
        words += [w for phrase in self.phrases + self.title_phrases for w in phrase]
        words += [w for u in self.units if u.typed_part and not u.exact for w in u.words]
        words += [
            w for unit in self.units for alt in unit.alternatives if len(alt) == 1 for w in alt
        ]
        words += [w for unit in self.units for w, _ in unit.completions]
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
        exact = self.exact_phrases + [u.words for u in self.units if u.exact]
        runs |= {(EXACT_RUN, *(w.exact for w in phrase)) for phrase in exact}
        return sorted(runs)

    def proximity_words(self, words: list[Word]) -> list[Word]:
        """Of `words`, those whose closeness in a text ranks it: not the words naming an
        official. A name's words always stand together, and news writes a person's title and
        full name a few words from anything they said or did, so the name close to a topic
        word says little about what an article is about (the official bonus ranks the
        articles about the person)."""
        named = {w for _, name in self.officials for w in name}
        return [w for w in words if w not in named]

    def content_words(self) -> list[Word]:
        """The words a user typed to find (no exclusions), for spelling suggestions."""
        typed = [w for u in self.units if u.phrase and not (u.title or u.exact) for w in u.words]
        return self.words + [w for p in self.phrases for w in p] + typed


def query_word(form: str) -> Word:
    """A form typed as the plan searches it (a hyphenated compound by its joined spelling):
    completing a word being typed must look up the word the plan holds."""
    if "-" in form:
        joined, parts = split_hyphenated(form)
        if len(parts) > 1:
            # A compound is searched by its joined spelling, indexed for both spellings.
            return Word(joined, stem_word(joined))
        form = parts[0]
    if form in stopwords():
        return Word(form, "")
    stem = stem_word(form)
    return Word(form, stem, as_written=stem == form and written_as_name(form))


def written_as_name(form: str) -> bool:
    """A root typed that is a person's or a place's name (a word of a gazetteer official's
    name, a one-word place or short name) and that the archive writes capitalised where it
    stands alone at least NAME_SHARE of the time (`capitalised_mined.tsv`: Ganjar): found
    alone as written, not by the other words of its root (*diganjar*, awarded). A root that
    is another spelling's (*ramadhan* is *ramadan*) keeps its stem: the stem field is where
    the other spelling is."""
    share = capitalised_shares().get(form)
    if share is None or share < NAME_SHARE or form in _respelt_roots():
        return False
    return form in one_word_names() or form in _official_name_words()


@cache
def _official_name_words() -> frozenset[str]:
    """The words of the gazetteer's officials' names, lower case."""
    from search.ingest.extract.officials import gazetteer

    return frozenset(w.lower() for words in gazetteer().words.values() for w in words)


@cache
def _respelt_roots() -> frozenset[str]:
    """The roots other spellings are read as (`stem_word`'s spelling table)."""
    return frozenset(spellings().values())


def searched_text(text: str) -> tuple[str, bool]:
    """The query as it is searched (`visible_text`), and whether part of it was cut: within
    MAX_QUERY_CHARS, cut after its last whole part (never inside a word or a phrase), with
    the filters typed after the cut (source:, official:, said:, read as far as
    MAX_TYPED_CHARS) kept, as they apply wherever they were typed."""
    shown = visible_text(text[:MAX_TYPED_CHARS])
    if len(shown) <= MAX_QUERY_CHARS:
        return shown, len(text) > MAX_TYPED_CHARS
    tokens = lex(shown)
    end = max((t.end for t in tokens if t.end <= MAX_QUERY_CHARS), default=0)
    later = [t for t in tokens if t.end > MAX_QUERY_CHARS]
    filters = [
        shown[t.start : t.end] for t in later if isinstance(t, Item) and t.field in LIST_FILTERS
    ]
    cut = len(filters) < len(later) or len(text) > MAX_TYPED_CHARS
    return " ".join([shown[:end], *filters]), cut


def parse_query(text: str) -> QueryPlan:
    """The plan of a query as typed (never raises: bad syntax is read as words)."""
    plan = QueryPlan(text=text)
    shown, cut = searched_text(text)
    if cut:
        plan.notes.append(
            gettext("the query was cut to its first %(n)s characters", n=MAX_QUERY_CHARS)
        )
    tokens = lex(shown)
    if tokens and all(isinstance(t, Operator) for t in tokens):
        # Operators alone ("AND", "NOT"): read them as words.
        tokens = [Item("", None, surface_words(shown), False, start=0, end=len(shown))]
    items: list[Item] = []
    either: set[int] = set()  # items typed after OR (index in `items`)
    negate = after_or = False
    # The item an AND follows: required, with the next, once a next item comes ("a AND" is
    # a stray AND, and "a" a plain word).
    and_after: Item | None = None
    for token in tokens:
        if isinstance(token, Operator):
            if token.name == "NOT":
                negate = True
            elif token.name == "AND" and items:
                and_after = items[-1]
            elif token.name == "OR" and items:
                after_or = True
            continue
        if and_after is not None:
            if and_after.sign == "":
                and_after.sign = "+"
            if not negate and token.sign == "":
                token.sign = "+"
        if negate:
            token.sign = "-"
        # A filter is no word: an OR beside one joins no words ("a source:x OR b" is "a b",
        # as the text without its filters reads).
        beside_filter = token.field in LIST_FILTERS or (items and items[-1].field in LIST_FILTERS)
        if after_or and not negate and not beside_filter:
            either.add(len(items))
        negate = after_or = False
        and_after = None
        items.append(token)
    beside_or = _limit(plan, _fill(plan, items, either))
    plan.units = _units(plan, shown, beside_or)
    plan.officials = _named_officials(dedupe(plan.words))
    _read_exclusions(plan, shown)
    plan.cased = cased_word(plan)
    _take_out_filters(plan, tokens, shown)
    excludes = plan.excluded or plan.excluded_phrases or plan.excluded_prefixes
    if plan.is_empty and not excludes and plan.text.strip():
        # "!!! ???", "-", '"': something typed, nothing to search: say so, rather than list
        # every article as if it had been found
        plan.notes.append(
            gettext("the query has no word to search for: every article is listed, newest first")
        )
    return plan


def cased_word(plan: QueryPlan) -> Word | None:
    """The word of a query of one word that names a place or a person (`one_word_names`) and
    is also a common word the corpus writes in lower case (`capitalised_mined.tsv`,
    capitalised in at most MAX_CASED_SHARE of its occurrences: the city of Palu and a gavel,
    Sandi and a password), else None. Typed alone, it asks for the name: an article that
    writes it only in lower case is about the common word. A common word capitalised only
    in the names of offices (*Dinas Pendidikan*) asks for the common word, and with other
    words typed, they say which sense is meant (*ibu kota* is in lower case where *Kota*
    names a city)."""
    if len(plan.units) != 1 or len(plan.units[0].words) != 1 or not plan.words:
        return None
    if plan.required or plan.phrases or plan.title_words or plan.title_phrases:
        return None
    if plan.has_prefixes or plan.exact_phrases:
        return None
    word = plan.units[0].words[0]
    share = capitalised_shares().get(word.exact)
    if word.exact not in one_word_names() or share is None or share > MAX_CASED_SHARE:
        return None
    return word


def _take_out_filters(plan: QueryPlan, tokens: list[Item | Operator], shown: str) -> None:
    """`plan.text` and `plan.parts` without the filters typed in the query (they are in
    `plan.filters`, merged with the request's). The text left reads the same way on its own:
    each part is written with the sign it ended up with and the operators are gone, so "a AND
    official:x b" is "+a b" and "official:x OR" is "" (parsed again, it is the same plan)."""
    applied = {id(t) for t in tokens if isinstance(t, Item) and t.applied_filter}
    plan.parts = [t for t in tokens if id(t) not in applied]
    if tokens and id(tokens[-1]) in applied:
        last = tokens[-1]
        assert isinstance(last, Item) and last.field is not None
        plan.last_filter = (LIST_FILTERS[last.field], last.raw)
    plan.parts_text = shown
    if applied:
        kept = [t for t in tokens if isinstance(t, Item) and id(t) not in applied]
        plan.text = " ".join(item.written(shown) for item in kept)


def _fill(parsed: QueryPlan, items: list[Item], either: set[int]) -> list[tuple[int, Unit]]:
    """The plan's parts from the items; `either`: the items typed after OR, which share the
    OR group of the optional words before them. Returned: the phrases, title:, prefix and
    exact: parts typed beside OR, as units of their OR group (`Unit.phrase`, `Unit.title`,
    `Unit.prefix`, `Unit.exact`), each with how many of the plan's words were typed before
    it."""
    stops = stopwords()
    group = -1
    beside_or: list[tuple[int, Unit]] = []
    ored = either | {i - 1 for i in either}
    has_content = any(f not in stops for it in items if it.sign != "-" for f in it.forms)

    def or_side(index: int, unit: Unit) -> None:
        """One side of an OR: the group before it (typed after OR), else a group of its own;
        required, as it is alone (an article has it or another side)."""
        nonlocal group
        if not (index in either and group >= 0):
            group += 1
        unit.group, unit.required = group, True
        beside_or.append((len(parsed.words), unit))

    def prefix_counted(prefix: str, title: bool) -> bool:
        """Whether a prefix is within MAX_PREFIXES (those typed before it, once each), with
        a note when it is not."""
        typed = {(p, False) for p in parsed.prefixes} | {(p, True) for p in parsed.title_prefixes}
        typed |= {(u.prefix, u.title) for _, u in beside_or if u.prefix}
        if (prefix, title) in typed or len(typed) < MAX_PREFIXES:
            return True
        note = gettext("only the first %(n)s prefixes were searched", n=MAX_PREFIXES)
        if note not in parsed.notes:
            parsed.notes.append(note)
        return False

    def linked_words(item: Item) -> tuple[list[tuple[Word, tuple[str, ...]]], tuple[str, ...]]:
        """The item's words, each with the function words dropped before it, and those
        dropped after its last word; a hyphenated pair of ordinary words is its two words,
        typed next to each other (noted in `parsed.hyphenated`)."""
        words: list[tuple[Word, tuple[str, ...]]] = []
        dropped: list[str] = []
        for form in item.forms:
            # Function words are dropped unless the query has nothing else: never emptied.
            if has_content and form in stops:
                dropped.append(form)
                continue
            pair = hyphenated_pair(form)
            if pair:
                first, second = query_word(pair[0]), query_word(pair[1])
                parsed.hyphenated[(first.exact, second.exact)] = form
                words += [(first, tuple(dropped)), (second, ())]
            else:
                words.append((query_word(form), tuple(dropped)))
            dropped = []
        return words, tuple(dropped)

    # the last optional item's index, its last word and the function words typed after it
    last: tuple[int, Word, tuple[str, ...]] | None = None
    for index, item in enumerate(items):
        if item.field in LIST_FILTERS:
            if item.applied_filter:
                parsed.filters.setdefault(LIST_FILTERS[item.field], []).append(item.raw)
            if last and last[0] == index - 1:  # a filter is no word: "pasar source:x minggu"
                last = (index, *last[1:])
            continue
        if item.prefix and item.sign == "-":
            if item.prefix in parsed.excluded_prefixes:
                continue
            if len(parsed.excluded_prefixes) < MAX_PREFIXES:
                parsed.excluded_prefixes.append(item.prefix)
                continue
            note = gettext("only the first %(n)s excluded prefixes were used", n=MAX_PREFIXES)
            if note not in parsed.notes:
                parsed.notes.append(note)
            continue
        if item.prefix:
            title = item.field == TITLE_FIELD
            if not prefix_counted(item.prefix, title):
                continue
            if index in ored:  # "banjir OR rob*": one side of the OR
                or_side(index, Unit([], prefix=item.prefix, title=title))
                continue
            target = parsed.title_prefixes if title else parsed.prefixes
            if item.prefix not in target:
                target.append(item.prefix)
            continue
        if item.field == EXACT_FIELD:
            exact = _exact_words(item.forms)
            if exact and item.sign != "-" and index in ored:  # "exact:banjir OR longsor"
                or_side(index, Unit(exact, phrase=len(exact) > 1, exact=True))
            elif exact:
                target = parsed.excluded_exact if item.sign == "-" else parsed.exact_phrases
                target.append(exact)
            continue
        linked, trailing = linked_words(item)
        words = [word for word, _ in linked]
        if not words:
            plain = not (item.sign or item.field or item.phrase)
            if plain and last and last[0] == index - 1 and index not in either:
                last = (index, last[1], last[2] + tuple(item.forms))  # "pasar di minggu"
            continue
        if item.sign == "-":
            # "-kebakaran-hutan": the two words together, not every article with either.
            if (item.phrase or any(map(hyphenated_pair, item.forms))) and len(words) > 1:
                parsed.excluded_phrases.append(words)
            else:
                parsed.excluded.extend(words)
            continue
        phrase, title = item.phrase and len(words) > 1, item.field == TITLE_FIELD
        if (phrase or title) and index in ored:
            or_side(index, Unit(words, phrase=phrase, title=title))
        elif title and phrase:
            parsed.title_phrases.append(words)
        elif title:
            parsed.title_words.extend(words)
        elif phrase:
            parsed.phrases.append(words)
        else:
            # A required word (+word, AND) is one concept alone: never one with the words
            # typed beside it (AND parts concepts as OR does).
            required = item.sign == "+"
            for n, (word, between) in enumerate(linked):
                # The first word typed after OR joins the group before; any other its own.
                if not (n == 0 and index in either and group >= 0):
                    group += 1
                parsed.word_groups.append(group)
                parsed.word_required.append(required)
                if n:
                    before: Word | None = linked[n - 1][0]
                elif last and last[0] == index - 1 and index not in either and not required:
                    before, between = last[1], last[2] + between
                else:
                    before = None
                if before and before != word:
                    pair = (before.exact, word.exact)
                    if pair not in parsed.links or len(between) < len(parsed.links[pair]):
                        parsed.links[pair] = between
            last = None if required else (index, linked[-1][0], trailing)
            parsed.words.extend(words)
    return beside_or


def hyphenated_pair(form: str) -> tuple[str, str] | None:
    """The two words of a hyphenated pair of ordinary words as typed ("kebakaran-hutan",
    "tito-karnavian"): news writes them with or without the hyphen, so the pair is found by
    its words. None for any other form: a reduplication ("anak-anak" is "anak"), a compound
    with a one-letter or function-word part or a glossary prefix ("e-KTP", "di-PHK"), one
    with digits ("covid-19") or whose joined spelling is a glossary acronym ("kemenpan-rb"):
    those are found by their joined spelling, as the index writes them (and the glossary's
    long form)."""
    if form.count("-") != 1:
        return None
    joined, parts = split_hyphenated(form)
    if (
        len(parts) != 2
        or joined in glossary.terms()
        or parts[0] in glossary.prefixed_words()
        or parts[1] in glossary.suffixed_words()
    ):
        return None
    if not all(p.isalpha() and len(p) > 1 and p not in stopwords() for p in parts):
        return None
    return parts[0], parts[1]


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


def _limit(parsed: QueryPlan, beside_or: list[tuple[int, Unit]]) -> list[tuple[int, Unit]]:
    """The plan within MAX_QUERY_TERMS words and as many excluded words, required words
    first, then the others, the phrases and the parts typed beside OR (`beside_or`, each
    kept whole or dropped), with a note; returned: the parts typed beside OR kept."""
    excluded = len(parsed.excluded) + sum(len(p) for p in parsed.excluded_phrases)
    if excluded > MAX_QUERY_TERMS:
        parsed.notes.append(
            gettext(
                "only the first %(n)s of %(total)s excluded words were used",
                n=MAX_QUERY_TERMS,
                total=excluded,
            )
        )
        parsed.excluded = parsed.excluded[:MAX_QUERY_TERMS]
        parsed.excluded_phrases = _phrases_within(
            parsed.excluded_phrases, MAX_QUERY_TERMS - len(parsed.excluded)
        )
    total = len(parsed.words) + sum(len(p) for p in parsed.phrases)
    total += sum(len(unit.words) for _, unit in beside_or)
    if total <= MAX_QUERY_TERMS:
        return beside_or
    parsed.notes.append(
        gettext(
            "only the first %(n)s of %(total)s words were searched",
            n=MAX_QUERY_TERMS,
            total=total,
        )
    )
    # The required words first, then the others in the order typed.
    kept = sorted(range(len(parsed.words)), key=lambda i: not parsed.word_required[i])
    kept = sorted(kept[:MAX_QUERY_TERMS])
    parsed.words = [parsed.words[i] for i in kept]
    parsed.word_groups = [parsed.word_groups[i] for i in kept]
    parsed.word_required = [parsed.word_required[i] for i in kept]
    parsed.phrases = _phrases_within(parsed.phrases, MAX_QUERY_TERMS - len(parsed.words))
    budget = MAX_QUERY_TERMS - len(parsed.words) - sum(len(p) for p in parsed.phrases)
    parts: list[tuple[int, Unit]] = []
    for at, unit in beside_or:
        if budget >= len(unit.words):
            parts.append((sum(1 for i in kept if i < at), unit))  # the words kept before it
            budget -= len(unit.words)
    return parts


def _units(plan: QueryPlan, text: str, beside_or: list[tuple[int, Unit]]) -> list[Unit]:
    """The plan's words grouped into concepts, with their glossary alternatives, and the
    phrases, title:, prefix and exact: parts typed beside OR (`beside_or`: each after the
    words typed before it), in the order typed. Words make
    one concept only where they were typed one after the other (`QueryPlan.links`): a long
    form across the function words it holds ("badan pengawas obat dan makanan", not "bank
    dan indonesia"), a place or a compound with nothing between its words ("pasar di minggu"
    names no place), a hyphenated pair ("kebakaran-hutan"); never across OR or AND. A word
    typed twice is read at each place ("jakarta utara OR jakarta selatan": two places), a
    concept typed twice is one (required if typed required once)."""
    words, links, hyphenated = plan.words, plan.links, plan.hyphenated
    capitals, typed = _written(text)
    units: list[Unit] = []
    exact = [w.exact for w in words]

    def typed_together(start: int, end: int, allowed: frozenset[str] = frozenset()) -> bool:
        pairs = zip(exact[start : end - 1], exact[start + 1 : end], strict=True)
        return all(pair in links and set(links[pair]) <= allowed for pair in pairs)

    runs = {
        start: (end, acr)
        for start, end, acr in glossary.find_long_forms(exact)
        if typed_together(start, end, glossary.function_words(acr))
    }
    # "KTP elektronik", "Kartu Tanda Penduduk Elektronik": also e-KTP, KTP-el (each searched
    # by its joined spelling, as typed).
    compounds = {
        start: (end, _compound_alternatives(base, word))
        for start, end, base, word in glossary.compound_short_forms(exact)
        if typed_together(start, end) and end > runs.get(start, (start,))[0]
    }
    apart = {i for i in range(1, len(exact)) if not typed_together(i - 1, i + 1)}
    places = _place_runs(exact, set(runs) | set(compounds), apart)
    taken = {k for start, end in places.items() for k in range(start, end)}
    taken |= {k for start, (end, _) in (runs | compounds).items() for k in range(start, end)}
    # "kebakaran-hutan": its two words, as one concept, or its joined spelling.
    pairs = {
        i
        for i in range(len(exact) - 1)
        if (exact[i], exact[i + 1]) in hyphenated
        and typed_together(i, i + 2)
        and not taken.intersection((i, i + 1))
    }
    taken |= {k for i in pairs for k in (i, i + 1)}
    joined = _compound_runs(exact, taken, apart)
    # "ibu kota": also "ibukota", the corpus's other spelling of the two words
    spelt_as_one = {
        i: one
        for i in range(len(exact) - 1)
        if (one := joined_spellings().get((exact[i], exact[i + 1])))
        and typed_together(i, i + 2)
        and not taken.intersection((i, i + 1))
    }
    i = 0
    while i < len(words):
        if i in pairs:  # its words' mean, as a compound's; the phrase ranks it first
            pair = hyphenated[(exact[i], exact[i + 1])]
            units.append(Unit(words[i : i + 2], [[query_word(pair)]], typed=pair))
            i += 2
            continue
        if i in joined or i in spelt_as_one:
            # "lalu lintas": one concept, its words' mean (as a long form's); "ibu kota" also
            # as the one word "ibukota"
            one = spelt_as_one.get(i)
            units.append(Unit(words[i : i + 2], [[query_word(one)]] if one else []))
            i += 2
            continue
        if i in places:
            end = places[i]
            one = joined_spellings().get(tuple(exact[i:end]))  # "hong kong", "hongkong"
            units.append(Unit(words[i:end], [[query_word(one)]] if one else [], place=True))
            i = end
            continue
        if i in compounds:  # its words found together, as its other spellings are
            end, spellings = compounds[i]
            others = [alt for alt in spellings if alt != words[i:end]]
            units.append(Unit(words[i:end], others, long_form=True))
            i = end
            continue
        if i in runs:
            end, acronym = runs[i]
            run = words[i:end]
            # the acronym as a word typed is (Jabar as written: "menjabarkan" shares its root)
            alternatives = [[query_word(acronym)], *_nested(run)]
            units.append(Unit(run, alternatives, long_form=True))
            i = end
            continue
        units.append(_word_unit(words[i], capitals, typed))
        i += 1
    ordered: list[Unit] = []
    groups: list[list[int]] = []  # the OR groups of each unit's words
    pending = list(beside_or)
    start = 0
    for unit in units:
        while pending and pending[0][0] <= start:  # typed before this unit's words
            part = pending.pop(0)[1]
            ordered.append(part)
            groups.append([part.group])
        end = start + len(unit.words)
        unit.required = any(plan.word_required[start:end])
        key = tuple(w.exact for w in unit.words)
        if len(key) == 2 and key in hyphenated:  # "pasar-minggu": the place, as typed
            unit.typed = hyphenated[key]
        ordered.append(unit)
        groups.append(plan.word_groups[start:end])
        start = end
    for _, part in pending:
        ordered.append(part)
        groups.append([part.group])
    _group(ordered, groups)
    once: dict[tuple, Unit] = {}  # a concept typed twice is one
    for unit in ordered:
        key = (tuple(w.exact for w in unit.words), unit.phrase, unit.title, unit.exact, unit.prefix)
        if key in once:
            once[key].required |= unit.required
        else:
            once[key] = unit
    return list(once.values())


def _written(text: str) -> tuple[set[str], dict[str, str]]:
    """How the query writes its words: those typed in capitals (lower-cased), and the
    hyphenated compounds typed, by their joined spelling (a word's exact form)."""
    capitals = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", text)}
    typed = {f.replace("-", ""): f for f in re.findall(r"\w+(?:-\w+)+", text.lower())}
    return capitals, typed


def _word_unit(word: Word, capitals: set[str], typed: dict[str, str]) -> Unit:
    """A word alone as a concept, with its glossary alternatives (its long forms, a long form
    written with another's acronym, the name it is short for, its two words where the corpus
    also writes it apart, a prefixed compound's long form); `capitals`, `typed`: how the query
    writes its words (`_written`)."""
    capitalised = word.exact in capitals or glossary.typed_as_acronym(word.exact)
    forms = glossary.long_forms(word.exact, written_in_capitals=capitalised)
    alternatives = [[query_word(f) for f in form] for form in forms]
    nested = [alt for form in alternatives for alt in _nested(form)]
    # The acronym's term in the stem field stands for its long forms too, unless the word is
    # found as written (a name whose root other words share: Jabar, *menjabarkan*; Sulut,
    # *menyulut*): then its long forms are searched as phrases.
    indexed = bool(forms) and glossary.is_indexed(word.exact) and not nested and not word.as_written
    alternatives += nested
    full_name = short_names().get(word.exact)
    if full_name and not forms:  # "sandi": also "Sandiaga", the name it is short for
        alternatives.append([query_word(full_name)])
    two = split_spellings().get(word.exact)
    if two:  # "ibukota": also "ibu kota", as a phrase
        alternatives.append([query_word(w) for w in two])
    spelt = glossary.compound_long_form(typed.get(word.exact) or word.exact)
    if spelt:  # e-KTP, eKTP, KTP-el: also "KTP elektronik" and the other spellings
        alternatives += [alt for alt in _compound_alternatives(*spelt) if alt != [word]]
        indexed = False
    return Unit([word], alternatives, indexed, typed=typed.get(word.exact, ""))


def _compound_alternatives(base: str, word: str) -> list[list[Word]]:
    """The spellings of a compound of a word and the word after it ("ktp", "elektronik"): the
    two words (as a phrase), each compound (e-KTP, KTP-el: by its joined spelling), and the
    base's long forms spelt out before the word ("Kartu Tanda Penduduk Elektronik")."""
    spellings = [[query_word(base), query_word(word)]]
    spellings += [[query_word(c)] for c in glossary.compound_spellings(base, word)]
    for form in glossary.long_forms(base, written_in_capitals=True):
        spellings.append([*(query_word(f) for f in form), query_word(word)])
    return spellings


def _read_exclusions(plan: QueryPlan, text: str) -> None:
    """What each excluded word stands for, read as a search for the word alone reads it
    (`QueryPlan.excluded_units`, `excluded_officials`): `-x` leaves out every article a
    search for x finds."""
    capitals, typed = _written(text)
    excluded = dedupe(plan.excluded)
    plan.excluded_units = [_word_unit(word, capitals, typed) for word in excluded]
    plan.excluded_officials = [found for w in excluded for found in _named_officials([w])]


def _group(units: list[Unit], groups: list[list[int]]) -> None:
    """Each unit's OR group, from the groups of the words it holds (`groups`: those of each
    unit's words): units holding words of one group share it ("tanah abang OR pasar
    minggu": OR joins "abang" and "pasar", so the two places)."""
    merged: dict[int, int] = {}

    def root(g: int) -> int:
        while merged.get(g, g) != g:
            g = merged[g]
        return g

    firsts = []
    for held_groups in groups:
        held = sorted({root(g) for g in held_groups}) or [0]
        for g in held[1:]:
            merged[g] = held[0]
        firsts.append(held[0])
    for unit, g in zip(units, firsts, strict=True):
        unit.group = root(g)


def _compound_runs(forms: list[str], taken: set[int], apart: set[int]) -> set[int]:
    """Where a mined compound of two words starts (`mined_compounds`: lalu lintas, rumah
    sakit), neither word being part of another concept (`taken`: a place's, a glossary long
    form's or compound's), the second not typed apart from the first (`apart`), not
    overlapping, first found first."""
    known = mined_compounds()
    starts: set[int] = set()
    i = 0
    while i < len(forms) - 1:
        pair = (forms[i], forms[i + 1])
        if pair in known and not taken.intersection((i, i + 1)) and i + 1 not in apart:
            starts.add(i)
            i += 2
        else:
            i += 1
    return starts


@cache
def _longest_place() -> int:
    """How many words the longest place of several words has."""
    return max((len(p) for p in multi_word_places()), default=0)


def _place_runs(forms: list[str], others: set[int], apart: set[int]) -> dict[int, int]:
    """The runs of the words that name a place of several words (`multi_word_places`), or
    a place's kind and its name (`place_units`: "kabupaten puncak", "kecamatan
    penjaringan"), longest first, not overlapping: {start: end}. A run where another concept
    starts (`others`: a glossary long form's or compound's first word), with a word not typed
    next to the one before it (`apart`) or that a common phrase holds (`_in_common_phrase`)
    names no place."""
    longest = _longest_place()
    runs: dict[int, int] = {}
    i = 0
    while i < len(forms):
        for end in range(min(i + longest, len(forms)), i + 1, -1):
            if not _names_place(forms[i:end]) or others.intersection(range(i, end)):
                continue
            if _kind_before_longer_place(forms, i, end, longest):
                continue
            if apart.intersection(range(i + 1, end)):
                continue
            if not _in_common_phrase(forms, i, end):
                runs[i] = end
                i = end
                break
        else:
            i += 1
    return runs


def _kind_before_longer_place(forms: list[str], start: int, end: int, longest: int) -> bool:
    """A place's kind before the first word of a place of several words: that place is the
    place ("kabupaten puncak jaya": Puncak Jaya, not Puncak)."""
    if end != start + 2 or tuple(forms[start:end]) in multi_word_places():
        return False
    return any(
        tuple(forms[start + 1 : stop]) in multi_word_places()
        for stop in range(start + 3, min(start + 1 + longest, len(forms)) + 1)
    )


def _names_place(forms: list[str]) -> bool:
    """Whether the words are a place of several words, or a place's kind and the name of a
    place of one word that is also a common word or shares its root with one (`kabupaten
    puncak`: the regency, not a peak; `kecamatan penjaringan`, not a screening): there the
    kind says the place is meant. A name no common word shares (`provinsi papua`, `kota
    jakarta`) stays a word, found however the article writes it."""
    if tuple(forms) in multi_word_places():
        return True
    return (
        len(forms) == 2
        and forms[0] in place_units()
        and (forms[1],) in all_places()
        and (forms[1] in root_words() or sastrawi_stem(forms[1]) != forms[1])
    )


def _in_common_phrase(forms: list[str], start: int, end: int) -> bool:
    """Whether the place's words `forms[start:end]` are a common phrase, alone or with the
    word before them (`place_phrases`: batu bara, coal; ibu kota baru, the new capital)."""
    common = place_phrases()
    return tuple(forms[start:end]) in common or (
        start > 0 and tuple(forms[start - 1 : end]) in common
    )


def _nested(words: list[Word]) -> list[list[Word]]:
    """A long form written with another long form inside it as its acronym: "Kementerian
    LHK" for kementerian lingkungan hidup kehutanan (KLHK)."""
    return [
        [*words[:start], Word(inner, stem_word(inner)), *words[stop:]]
        for start, stop, inner in glossary.nested_long_forms([w.exact for w in words])
    ]


# An official's alias alone must be this long to be read as naming them ("JK" is not).
MIN_ALIAS = 4
MAX_NAME_WORDS = 4


def _named_officials(words: list[Word]) -> list[tuple[str, list[Word]]]:
    """Runs of the words that are an official's name or alias in the gazetteer (longest
    first, not overlapping), a short name read as the name it is short for ("enggar":
    Enggartiasto), with the official's canonical name."""
    from search.ingest.extract.officials import gazetteer

    by_alias = gazetteer().by_alias
    full = short_names()
    found: list[tuple[str, list[Word]]] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            alias = " ".join(full.get(w.exact, w.exact) for w in words[i : i + size])
            if len(alias) >= MIN_ALIAS and alias in by_alias:
                found.append((by_alias[alias][0], words[i : i + size]))
                i += size
                break
        else:
            i += 1
    return found


def dedupe(words: list[Word]) -> list[Word]:
    seen: set[Word] = set()
    return [w for w in words if not (w in seen or seen.add(w))]  # type: ignore[func-returns-value]
