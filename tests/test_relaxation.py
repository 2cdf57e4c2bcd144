"""Help for empty searches: every suggested change really finds what it says it finds."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from search.model import SearchRequest
from search.retrieval.engine import SearchEngine


def apply(request: SearchRequest, relaxation) -> SearchRequest:
    fields = {
        "official": {"officials": ()},
        "source": {"sources": ()},
        "said": {"said": ()},
        "from": {"date_from": None},
        "to": {"date_to": None},
        "undated": {"undated": False},
    }
    changed = request
    for param in relaxation.drop:
        changed = replace(changed, **fields[param])
    if relaxation.query is not None:
        changed = replace(changed, query=relaxation.query)
    return changed


EMPTY = [
    # an official and a year they are not named in
    SearchRequest("birokrasi", officials=("Muhammad Hudori",), date_from=dt.date(2022, 1, 1)),
    # a phrase that is not there, though its words are
    SearchRequest('"publik pelayanan"'),
    # a source and a word it never printed, with a date range
    SearchRequest(
        "presiden kemendagri",
        sources=("kompas.com",),
        date_from=dt.date(2021, 1, 1),
        date_to=dt.date(2021, 12, 31),
    ),
    # a person quoted, an official and a source, none of them beside the word
    SearchRequest("wetipo", said=("Suhajar Diantoro",)),
    SearchRequest("wetipo", officials=("Joko Widodo",)),
    SearchRequest("wetipo", sources=("kompas.com",)),
]


@pytest.mark.parametrize("request_", EMPTY)
def test_each_relaxation_finds_what_it_says(engine: SearchEngine, request_):
    assert engine.search(request_).found == 0
    found = engine.relaxations(request_)
    assert found, "an empty search over the seeds always has a way out"
    assert [r.total for r in found] == sorted((r.total for r in found), reverse=True)
    for relaxation in found:
        assert engine.search(apply(request_, relaxation)).found == relaxation.total > 0


def test_filters_are_named_and_a_phrase_can_be_unquoted(engine: SearchEngine):
    labels = [r.label for r in engine.relaxations(EMPTY[0])]
    assert any("Muhammad Hudori" in label for label in labels)
    assert "without the date range" in labels
    unquoted = engine.relaxations(EMPTY[1])
    assert [r.query for r in unquoted] == ["publik pelayanan"]


def test_each_filter_relaxation_names_the_filter_it_drops(engine: SearchEngine):
    dropping = {r.drop: r.label for request in EMPTY[-3:] for r in engine.relaxations(request)}
    assert dropping[("said",)] == "without the speaker filter (Suhajar Diantoro)"
    assert dropping[("official",)] == "without the official filter (Joko Widodo)"
    assert dropping[("source",)] == "without the source filter (kompas.com)"


def test_a_search_with_results_is_not_relaxed_into_nothing(engine: SearchEngine):
    # relaxing a search that matches keeps totals at least as large
    request = SearchRequest("dilayani", sources=("kompas.com",))
    total = engine.search(request).total
    assert all(r.total >= total for r in engine.relaxations(request))


def test_an_exact_phrase_that_finds_nothing_is_offered_in_any_form(engine):
    from search.model import SearchRequest

    request = SearchRequest('exact:"dilayani publik"')
    assert engine.search(request).total == 0
    offered = {r.label: r for r in engine.relaxations(request)}
    assert '"dilayani publik" in any form' in offered
    assert offered['"dilayani publik" in any form'].total > 0


@pytest.mark.parametrize(
    ("typed", "without"),
    [
        # the OR that joined the part left out goes with it: OR joins nothing else
        ("banjir OR qwzx riau", ["qwzx riau", "banjir riau", "banjir OR qwzx"]),
        ('"kebakaran hutan" OR title:qwzx riau', ['"kebakaran hutan" riau']),
        ("a OR b OR c", ["b OR c", "a OR c", "a OR b"]),
    ],
)
def test_a_part_left_out_takes_its_or_with_it(typed, without):
    from search.query.lexer import Item
    from search.query.plan import parse_query

    plan = parse_query(typed)
    shorter = [plan.with_part(p) for p in plan.parts if isinstance(p, Item)]
    assert set(without) <= set(shorter)
