"""What every engine does the same way before and around a search: the filters a user typed
resolved to their spellings in the index, the query plan, and the relaxations of a request
that finds nothing, and the spelling correction shown instead of a search that finds nothing.
An engine gives the names its index has; these functions do the rest."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from typing import Protocol

from search import config
from search.i18n import gettext, ngettext
from search.ingest.extract.sources import source_from_url
from search.model import (
    LIST_FILTERS,
    OtherFilter,
    RequestError,
    SearchRequest,
    SearchResult,
    UnknownNameError,
)
from search.query.plan import QueryPlan, parse_query
from search.query.relaxation import Relaxation, candidates
from search.text.analyzer import plain_apostrophes


class Resolver(Protocol):
    def resolve_officials(self, names: tuple[str, ...]) -> tuple[str, ...]: ...
    def resolve_speakers(self, names: tuple[str, ...]) -> tuple[str, ...]: ...
    def resolve_sources(self, names: tuple[str, ...]) -> tuple[str, ...]: ...
    def plan(self, request: SearchRequest) -> tuple[QueryPlan, SearchRequest]: ...
    def count(self, request: SearchRequest) -> int: ...
    def found(self, request: SearchRequest) -> int: ...


def _source_key(name: str) -> str:
    key = " ".join(name.split()).lower()
    key = key.split("://", 1)[-1].split("/", 1)[0]
    return key.removeprefix("www.")


def resolve_people(
    names: tuple[str, ...], known: dict[str, str], param: str, *, partial: bool
) -> tuple[str, ...]:
    """Index spellings (`known`: lower-cased -> as in the index) of the people asked for by
    a filter (`param`: "official" or "said"): as written in any case, or by a gazetteer
    alias; with `partial` (people quoted), also by whole words of one person's name
    ("wiyagus"), and every spelling of the same gazetteer person (an article that writes only
    "Jokowi" quotes him under that name; not a partial alias, someone else's name:
    `quoted_official`). Anything else is a RequestError naming the nearest."""
    from search.indexing.official_variants import quoted_official

    resolved: list[str] = []
    for name in names:
        found = _spelling(name, known, param, partial=partial)
        resolved.append(found)
        canonical = quoted_official(found) if partial else None
        if canonical is not None:
            resolved += sorted(k for k in known.values() if quoted_official(k) == canonical)
    return tuple(dict.fromkeys(resolved))


def _spelling(name: str, known: dict[str, str], param: str, *, partial: bool) -> str:
    """The index spelling of one name asked for (see resolve_people): as written, then
    without the titles and offices written before it ("Presiden Jokowi": `without_titles`),
    or after a form of address as one official's given name ("Bu Susi"); else an
    UnknownNameError naming the nearest names."""
    from search.indexing.official_variants import names_an_office, without_titles

    key = plain_apostrophes(" ".join(name.split()).lower())
    found = _known_as(key, known, partial=partial)
    for rest in without_titles(key) if found is None else ():
        found = _known_as(rest, known, partial=partial)
        if found is None and _addressed(key.split()[: -len(rest.split())]):
            found = _given_name_of(rest, known)
        if found is not None:
            break
    if found is not None:
        return found
    close = close_names(key, known)
    holders = office_holders(name, known)
    if (holders or names_an_office(key)) and not any(key in n.lower() for n in close):
        problem = gettext("%(name)s is an office, not a person", name=repr(name[:80]))
        hint = gettext(" (typed in the query, it finds the articles naming the office)")
        if holders:
            hint = _did_you_mean(holders) + hint
        raise UnknownNameError(problem, param, name, holders, hint)
    hint = _did_you_mean(close)
    if param == "official":
        problem = gettext("no article names the official %(name)s", name=repr(name[:80]))
    else:
        problem = gettext("no article quotes %(name)s", name=repr(name[:80]))
    raise UnknownNameError(problem, param, name, close, hint)


def _did_you_mean(close: tuple[str, ...]) -> str:
    return gettext("; did you mean %(names)s?", names=", ".join(close)) if close else ""


def office_holders(office: str, known: dict[str, str]) -> tuple[str, ...]:
    """The gazetteer's officials who hold or held `office` (one label for one office:
    "Menteri Keuangan" is "Menkeu") and whom the index names, in its spelling, the latest
    term first, then those of the officials mined from the corpus ("Kapolda Metro Jaya":
    Gatot Eddy Pramono); MAX_CLOSE at most."""
    from search.ingest.extract.officials import canonical_role, gazetteer, mined_gazetteer

    wanted = canonical_role(office).lower()
    latest: dict[str, int] = {}
    for rank, gaz in enumerate((gazetteer(), mined_gazetteer())):
        for person, roles in gaz.roles.items():
            if not any(canonical_role(r).lower() == wanted for r in roles):
                continue  # the cheap test first: names_of reads every alias
            spelt = [known[n.lower()] for n in gaz.names_of(person) if n.lower() in known]
            if not spelt or spelt[0] in latest:
                continue
            terms = gaz.terms.get(person, [])
            ends = [end for role, _, end in terms if canonical_role(role).lower() == wanted]
            latest[spelt[0]] = max(ends, default=0) - rank * 10**9  # mined after
    return tuple(sorted(latest, key=lambda n: (-latest[n], n))[:MAX_CLOSE])


def _known_as(key: str, known: dict[str, str], *, partial: bool) -> str | None:
    """The index spelling of the name `key` (lower case) stands for: as written, as a
    gazetteer alias, as spelt another way (`_spelt_alike`: "Donny Monardo" is Doni Monardo);
    with `partial`, as whole words of one name; else None."""
    from search.ingest.extract.officials import gazetteer

    if key in known:
        return known[key]
    canonical = gazetteer().by_alias.get(key, (None, ""))[0]
    if canonical and canonical.lower() in known:
        return known[canonical.lower()]
    spelt = _spelt_alike(key, known)
    if spelt is not None:
        return spelt
    if partial and key:
        words = key.split()
        holding = [
            spelled
            for lower, spelled in known.items()
            if any(lower.split()[i : i + len(words)] == words for i in range(len(lower.split())))
        ]
        if len(holding) == 1:
            return holding[0]
    return None


def _spelt_alike(key: str, known: dict[str, str]) -> str | None:
    """The one person whose name, or gazetteer alias, is spelt like `key` once spellings
    are made alike (y and i, oe and u, doubled letters: official_variants.spelling_key), or
    None (nobody, or several people)."""
    from search.indexing.official_variants import spelling_key

    wanted = spelling_key(key)
    people = set(_by_spelling(known).get(wanted, ()))
    people |= {
        known[canonical.lower()]
        for canonical in _aliases_by_spelling().get(wanted, ())
        if canonical.lower() in known
    }
    return people.pop() if len(people) == 1 else None


# The spelling keys of the names of the last few `known` tables (an engine keeps one table of
# names until its index changes): id -> (the table, spelling key -> its names).
_known_keys: dict[int, tuple[dict[str, str], dict[str, set[str]]]] = {}
KNOWN_KEYS_KEPT = 4


def _by_spelling(known: dict[str, str]) -> dict[str, set[str]]:
    """Spelling key -> the index names of `known` spelt so."""
    from search.indexing.official_variants import spelling_key

    kept = _known_keys.get(id(known))
    if kept is not None and kept[0] is known:
        return kept[1]
    found: dict[str, set[str]] = {}
    for lower, spelled in known.items():
        found.setdefault(spelling_key(lower), set()).add(spelled)
    while len(_known_keys) >= KNOWN_KEYS_KEPT:
        _known_keys.pop(next(iter(_known_keys)), None)
    _known_keys[id(known)] = (known, found)
    return found


@cache
def _aliases_by_spelling() -> dict[str, set[str]]:
    """Spelling key -> the gazetteer's officials with an alias spelt so."""
    from search.indexing.official_variants import spelling_key
    from search.ingest.extract.officials import gazetteer

    found: dict[str, set[str]] = {}
    for alias, (canonical, _) in gazetteer().by_alias.items():
        found.setdefault(spelling_key(alias), set()).add(canonical)
    return found


def _given_name_of(word: str, known: dict[str, str]) -> str | None:
    """The one gazetteer official of the index with `word` among their names: a name
    written as people address an official, a form of address and a given name ("Bu Susi":
    Susi Pudjiastuti); None when there are none or several."""
    if " " in word:
        return None
    holding = {
        known[canonical.lower()]
        for canonical in _gazetteer_names()
        if canonical.lower() in known and word in canonical.lower().split()
    }
    return holding.pop() if len(holding) == 1 else None


def _addressed(words: list[str]) -> bool:
    """Are these words before a name forms of address or ranks ("Bu", "pak", "Irjen"), not
    an office ("Presiden Fahri" is no given name of a president)?"""
    from search.ingest.extract.officials import is_title

    return all(is_title(w) or is_title(w.capitalize()) for w in words)


def _gazetteer_names() -> set[str]:
    """The gazetteer's officials, by their names (officials.toml)."""
    from search.ingest.extract.officials import gazetteer

    return {canonical for canonical, _ in gazetteer().by_alias.values()}


# A name asked for and an index name this alike (difflib's ratio, their spellings made alike)
# is offered as a misspelling of it.
CLOSE_SPELLING = 0.85
MAX_CLOSE = 3


def close_names(key: str, known: dict[str, str]) -> tuple[str, ...]:
    """The names of `known` that a user who typed `key` (lower case) may have meant, the
    likeliest first, MAX_CLOSE at most: those holding what was typed, or what follows the
    titles before it ("Presiden Fahri": Fahri Hamzah), those starting with it first ("joko":
    Joko Widodo before Djoko Santoso) and the gazetteer's officials first among them; then
    those spelt almost alike ("Doni Monrdo": Doni Monardo)."""
    import difflib

    from search.indexing.official_variants import spelling_key, without_titles

    famous = _gazetteer_names()
    close: list[str] = []
    for typed in (key, *without_titles(key)):
        # one person once, however many of their spellings hold the words
        holding = {n for k, n in known.items() if typed and typed in k}
        close = sorted(
            holding,
            key=lambda n, typed=typed: (not n.lower().startswith(typed), n not in famous, n),
        )
        if close:
            break
    if len(close) < MAX_CLOSE and len(key) >= 4:
        by_key = _by_spelling(known)
        alike = difflib.get_close_matches(
            spelling_key(key), list(by_key), n=MAX_CLOSE, cutoff=CLOSE_SPELLING
        )
        close += [n for k in alike for n in sorted(by_key[k]) if n not in close]
    return tuple(close[:MAX_CLOSE])


def resolve_sources(known: list[str], names: tuple[str, ...]) -> tuple[str, ...]:
    """Index spellings (`known`) of the sources a user asked for: case-insensitive, without
    a scheme or "www." ("https://www.Tempo.co/" is tempo.co), a page's URL or a subdomain as
    its site ("https://news.kompas.com/read/..." is kompas.com), and a name without its
    domain ("tempo") when one source has it. A source no article has is a RequestError that
    lists the nearest ones, as for officials."""
    by_lower = {n.lower(): n for n in known}
    resolved = []
    for name in names:
        key = _source_key(name)
        # As written, else the site a URL or a subdomain belongs to, by the rule
        # extraction gives articles their source with (news.kompas.com: kompas.com).
        site = source_from_url(f"http://{key}") if "." in key else None
        found = by_lower.get(key) or by_lower.get(site or "")
        if found:
            resolved.append(found)
            continue
        key = site or key
        named = [n for k, n in by_lower.items() if k.split(".")[0] == key.split(".")[0]]
        if len(named) == 1 and key and "." not in key:  # "tempo": tempo.co
            resolved.append(named[0])
            continue
        close = sorted(named or [n for k, n in by_lower.items() if key and key[:4] in k])[:3]
        hint = _did_you_mean(tuple(close))
        raise UnknownNameError(
            gettext("no article comes from the source %(name)s", name=repr(name[:80])),
            "source",
            name,
            tuple(close),
            hint,
        )
    return tuple(dict.fromkeys(resolved))


def plan_request(engine: Resolver, request: SearchRequest) -> tuple[QueryPlan, SearchRequest]:
    """The request's query plan, and the request as searched: the filters typed in the
    query (source:, official:, said:) merged with the request's own, each resolved to its spelling
    in the index, and the query without them. While the query is typed (`request.complete`),
    a filter typed last that names nothing known yet ("said:karnav") is left out, with a
    note, rather than refused: its name is still being typed."""
    plan = parse_query(request.query)
    resolvers = {
        "officials": engine.resolve_officials,
        "sources": engine.resolve_sources,
        "said": engine.resolve_speakers,
    }
    unfinished = plan.last_filter if request.complete else None
    resolved: dict[str, tuple[str, ...]] = {}
    for field, resolve in resolvers.items():
        typed = list(plan.filters.get(field, []))
        if unfinished and unfinished[0] == field and unfinished[1] in typed:
            del typed[len(typed) - 1 - typed[::-1].index(unfinished[1])]  # the last one typed
        names = tuple(dict.fromkeys((*getattr(request, field), *typed)))
        try:
            resolved[field] = resolve(names)
        except UnknownNameError as exc:
            in_query = exc.name in typed and exc.name not in getattr(request, field)
            raise explained(engine, exc, in_query=in_query) from None
        if unfinished and unfinished[0] == field and unfinished[1] not in names:
            try:
                resolved[field] = tuple(dict.fromkeys((*resolved[field], *resolve(unfinished[1:]))))
            except RequestError:
                plan.notes.append(
                    gettext(
                        "%(filter)s is left out until it names what the archive holds",
                        filter=_typed_filter(field, unfinished[1]),
                    )
                )
    request = replace(
        request,
        query=plan.text,
        officials=resolved["officials"],
        sources=resolved["sources"],
        said=resolved["said"],
    )
    return plan, request


# At most this many officials a one-word name asked for may be part of: a name more of them
# share ("Muhammad") points to none.
MAX_NAMESAKE_OFFICIALS = 2
# The people asked for whose namesake officials a search looks for, at most (each costs a
# count): as many as a page's URL may give (web.params.MAX_PARAM_VALUES).
MAX_NAMESAKE_NAMES = 20


@cache
def _officials_by_name_word() -> dict[str, tuple[str, ...]]:
    """Each word of a gazetteer official's name or alias (lower case) -> the officials."""
    from search.ingest.extract.officials import gazetteer

    found: dict[str, list[str]] = {}
    for canonical, words in gazetteer().words.items():
        for word in words:
            found.setdefault(word, []).append(canonical)
    return {word: tuple(sorted(names)) for word, names in found.items()}


def _officials_named_in_part(
    name: str, speakers: Callable[[], Mapping[str, str]]
) -> tuple[str, ...]:
    """The gazetteer officials `name` (a person quoted) is only part of the name of: a
    partial alias ("Sri Mulyani"), or one word of few officials' names ("Widodo", "Fahri")
    that few people quoted have (`speakers()`: every one, lower case -> as spelt, read only
    for such a word; "Agus", "Ali" are many people's, MAX_WORD_SPEAKERS)."""
    from search.indexing.official_variants import MAX_WORD_SPEAKERS, quoted_official
    from search.ingest.extract.officials import gazetteer

    gaz, key = gazetteer(), plain_apostrophes(name.lower())
    if key in gaz.partial:
        return (gaz.by_alias[key][0],)
    if " " in key or quoted_official(key) is not None:
        return ()
    officials = _officials_by_name_word().get(key, ())
    if not officials or len(officials) > MAX_NAMESAKE_OFFICIALS:
        return ()
    holders = sum(key in plain_apostrophes(spoken).split() for spoken in speakers())
    return officials if holders < MAX_WORD_SPEAKERS else ()


def namesake_notes(
    engine: Resolver,
    asked: SearchRequest,
    plan: QueryPlan,
    request: SearchRequest,
    speakers: Callable[[], Mapping[str, str]],
) -> list[str]:
    """For a search (`asked`, read into `plan` and `request` by `plan_request`), each person
    quoted asked for by a name that is only part of an official's (a partial gazetteer
    alias, "Sri Mulyani", or one word of an official's name, "Fahri") with the official,
    when this search finds articles quoting them: a speaker so named is someone the articles
    do not say is the official (the deputy regent of Klaten Sri Mulyani, the Langkat MUI
    head Mahfud), and a journalist asking for the name may mean the official. The filter is
    written as it was asked for: typed in the query, or a parameter. Each official is
    counted once, for the first MAX_NAMESAKE_NAMES names."""
    if request.complete or not request.said:
        return []
    in_query: set[str] | None = None  # the names typed in the query, read for a first note
    notes, seen = [], set(request.said)
    for name in request.said[:MAX_NAMESAKE_NAMES]:
        for official in _officials_named_in_part(name, speakers):
            try:
                quoted = engine.resolve_speakers((official,))[0]
            except RequestError:
                continue  # the official is quoted nowhere
            if quoted in seen:
                continue
            seen.add(quoted)
            articles = engine.count(replace(request, said=(quoted,)))
            if not articles:
                continue
            if in_query is None:
                typed = tuple(n for n in plan.filters.get("said", []) if n not in asked.said)
                in_query = set(engine.resolve_speakers(typed)) - set(
                    engine.resolve_speakers(asked.said)
                )
            notes.append(
                ngettext(
                    "%(name)s: a person quoted under that name alone, whom the articles do not"
                    " name as %(official)s; %(official)s is quoted in %(num)s article of this"
                    " search: %(filter)s",
                    "%(name)s: a person quoted under that name alone, whom the articles do not"
                    " name as %(official)s; %(official)s is quoted in %(num)s articles of this"
                    " search: %(filter)s",
                    articles,
                    name=name,
                    official=quoted,
                    filter=_written_filter("said", quoted, name in in_query),
                )
            )
    return notes


# The other filter of a person: a name no official filter knows may be that of a person
# quoted, and the other way round.
OTHER_PEOPLE_FILTER = {"official": "said", "said": "official"}


def explained(engine: Resolver, exc: UnknownNameError, *, in_query: bool) -> UnknownNameError:
    """`exc` with what else the archive knows of the name: the other people filter when it
    knows the name (`other_filter`; the did-you-mean names dropped when it knows it as typed:
    "Febri Diansyah" is no misspelling of the official Ferdiansyah), and, for a name typed in
    the query (`in_query`: `official:enembe`), that a name of several words is quoted there."""
    other, close, hint = other_filter(engine, exc), exc.close, exc.hint
    key = " ".join(exc.name.split()).lower()
    if other is not None and other.name.lower() == key:
        close, hint = (), ""
    plain = hint == _did_you_mean(close)  # not an office's hint (office_holders)
    if in_query and plain and close and " " not in key and any(" " in n for n in close):
        hint += gettext(
            " (in a query, a name of several words is quoted: %(example)s)",
            example=_typed_filter(LIST_FILTERS[exc.param], close[0]),
        )
    if other is not None:
        hint += f"; {other.sentence}: {_written_filter(other.param, other.name, in_query)}"
    return UnknownNameError(exc.problem, exc.param, exc.name, close, hint, other)


def _names_all_words(name: str, asked: str) -> bool:
    """Whether the person `name` the other filter reads has every word asked for (in any
    case), or is its gazetteer alias's official: not one word of an office or a place
    ("Kapolda Bali" read as "Bali Marathon")."""
    from search.ingest.extract.officials import gazetteer

    key = plain_apostrophes(" ".join(asked.split()).lower())
    if gazetteer().by_alias.get(key, (None, ""))[0] == name:
        return True
    words = set(plain_apostrophes(name.lower()).split())
    return set(key.split()) <= words


def other_filter(engine: Resolver, exc: UnknownNameError) -> OtherFilter | None:
    """The other people filter (OTHER_PEOPLE_FILTER) that finds the name `exc` did not, with
    how many articles it finds; None when it finds none, or when the person it names is among
    the did-you-mean names of the filter asked for (`official=enembe`: the official Lukas
    Enembe is the answer, not that he is quoted)."""
    param = OTHER_PEOPLE_FILTER.get(exc.param)
    if param is None:
        return None
    field = LIST_FILTERS[param]
    resolve = engine.resolve_speakers if param == "said" else engine.resolve_officials
    try:
        name = resolve((exc.name,))[0]
    except RequestError:
        return None
    if name in exc.close or not _names_all_words(name, exc.name):
        return None  # "Kapolda Metro Jaya" read as someone's "Yaya": no one asked for
    articles = engine.count(SearchRequest(**{field: (name,)}))
    if not articles:
        return None
    if param == "said":
        sentence = ngettext(
            "%(name)s is quoted in %(num)s article",
            "%(name)s is quoted in %(num)s articles",
            articles,
            name=name,
        )
    else:
        sentence = ngettext(
            "%(name)s is named as an official in %(num)s article",
            "%(name)s is named as an official in %(num)s articles",
            articles,
            name=name,
        )
    return OtherFilter(param, name, articles, sentence)


def _written_filter(param: str, name: str, in_query: bool) -> str:
    """A filter as a user writes it: in a query (`said:"Dedi Prasetyo"`) or as the
    parameter (`said=Dedi Prasetyo`)."""
    return _typed_filter(LIST_FILTERS[param], name) if in_query else f"{param}={name}"


def _typed_filter(field: str, value: str) -> str:
    """A filter as typed in a query ("said:karnav")."""
    param = next(p for p, f in LIST_FILTERS.items() if f == field)
    return f'{param}:"{value}"' if " " in value else f"{param}:{value}"


def relaxations(engine: Resolver, request: SearchRequest) -> list[Relaxation]:
    """Changes to a request that would find something (search.query.relaxation), each with
    how many results it lists (with all the words, then with some), most first (those counted within the time budget for extras,
    config.EXTRAS_BUDGET_SECONDS)."""
    started = time.perf_counter()
    plan, request = engine.plan(request)
    found: list[Relaxation] = []
    for relaxation, changed in candidates(request, plan):
        if time.perf_counter() - started >= config.EXTRAS_BUDGET_SECONDS:
            break  # those found so far (see config.EXTRAS_BUDGET_SECONDS)
        try:
            total = engine.found(replace(changed, page=1))
        except RequestError:
            continue
        if total:
            found.append(replace(relaxation, total=total))
    return sorted(found, key=lambda r: -r.total)


# A query with articles that have all its words is spelt as those articles spell it ("tarik
# ulur", an idiom in 6, is no misspelling of "tarik ulum"): a suggestion for it is offered
# only when it finds this many times as many articles.
FOUND_SUGGESTION_GAIN = 20


def offered_suggestion(
    suggestion: str | None,
    request: SearchRequest,
    total: int,
    count: Callable[[SearchRequest], int],
) -> str | None:
    """The spelling suggestion a search offers: `suggestion` (search.query.suggest, made
    word by word) when the request finds nothing with all its words (`total`), else only
    when the suggestion finds FOUND_SUGGESTION_GAIN times as many (`count`: how many a
    request finds with all its words)."""
    if not suggestion or not total:
        return suggestion
    wanted = FOUND_SUGGESTION_GAIN * total
    return suggestion if count(replace(request, query=suggestion, page=1)) >= wanted else None


# A correction is shown instead of the search typed only when it finds this many articles at
# least: on a small index one article against none is no confidence (`polisi` shown as
# `politik` on the five seeds); the suggestion is still offered as "did you mean".
MIN_CORRECTED_ARTICLES = 2


def corrected(
    result: SearchResult, search: Callable[[SearchRequest], SearchResult]
) -> SearchResult | None:
    """What a search shows instead of `result` when no article has all the words typed and
    a confident spelling correction (`result.suggestion`) finds MIN_CORRECTED_ARTICLES or
    more that have all of its words: the correction's results, saying what was typed
    (`corrected_from`); None when it shows `result` (asked for as typed, or while the query
    is being typed)."""
    request = result.request
    if result.total or not result.suggestion or request.as_typed or request.complete:
        return None
    found = search(replace(request, query=result.suggestion, as_typed=True))
    if found.total < MIN_CORRECTED_ARTICLES:
        return None
    return replace(
        found,
        request=replace(found.request, as_typed=False),
        corrected_from=request.query,
        suggestion=None,
    )
