"""Hostile queries: huge, many-termed, wildcard, bracketed and unicode-odd input gets a normal
answer, and the work it causes is bounded by the documented limits (docs/query-syntax.md, "Limits")."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from whoosh_oracle import to_whoosh

from search.cli import cli
from search.config import MAX_QUERY_CHARS, MAX_QUERY_TERMS
from search.model import SearchRequest
from search.query.plan import parse_query
from search.retrieval.engine import SearchEngine

HOSTILE = {
    "10k-chars-one-word": "a" * 10_000,
    "10k-chars-of-words": "birokrasi pelayanan " * 500,
    "thousands-of-terms": " ".join(f"kata{i}" for i in range(5_000)),
    "thousands-of-exclusions": " ".join(f"-kata{i}" for i in range(3_000)),
    "thousands-of-phrases": ' "pelayanan publik"' * 1_000,
    "unclosed-quote": '"' + "pelayanan " * 300,
    "only-quotes": '"' * 5_000,
    "only-dashes": "-" * 5_000,
    "hyphen-chain": "-".join(["pelayanan"] * 1_000),
    "star": "*",
    "a-star": "a*",
    "nested-parentheses": "(" * 5_000 + "birokrasi" + ")" * 5_000,
    "boolean-syntax": "birokrasi AND (pelayanan OR NOT publik) title:x body:[a TO z] ~2 ^3",
    "rtl-marks": "\u202e\u200fpelayanan\u200f\u202c",
    "zero-width-joiners": "pela\u200dyanan \u200b\u200c\u2060",
    "emoji": "🔥👨‍👩‍👧🇮🇩" * 500,
    "nul": "pela\x00yanan\x00\x00",
    "control-characters": "".join(chr(c) for c in range(32)) + "birokrasi",
    "lone-surrogate": "\udcffpelayanan\ud800",
    "combining-marks": "e\u0301" * 3_000,
    "html": '"><script>alert(1)</script><img src=x onerror=alert(2)>',
}


def _leaves(query) -> int:
    return sum(1 for _ in query.leaves())


# Words: 4 terms each, again in the all-words And; one phrase over them; excluded words 4 each.
MAX_LEAVES = 16 * MAX_QUERY_TERMS


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_parsing_is_bounded_by_the_limits(text: str):
    parsed = parse_query(text)
    assert len(parsed.content_words()) <= MAX_QUERY_TERMS  # glossary forms come on top
    assert len(parsed.excluded) <= MAX_QUERY_TERMS
    assert _leaves(to_whoosh(parsed)) <= MAX_LEAVES
    if len(text) > MAX_QUERY_CHARS:
        assert any(str(MAX_QUERY_CHARS) in note for note in parsed.notes)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_engine_answers_normally(engine: SearchEngine, text: str):
    result = engine.search(SearchRequest(text))
    assert 0 <= len(result.hits) <= result.request.page_size
    assert len(result.hits) == min(result.found, result.request.page_size)
    json.dumps(result.to_json())  # serialisable, as the API and `--json` need


def _ids(engine: SearchEngine, text: str) -> list[str]:
    return [h.id for h in engine.search(SearchRequest(text)).hits]


@pytest.mark.parametrize(
    ("hostile", "plain"),
    [
        ("(" * 400 + "birokrasi" + ")" * 400, "birokrasi"),  # within the 1,000 characters
        ("\u202e\u200fpelayanan\u200f\u202c", "pelayanan"),
        ("pela\u200dyanan", "pelayanan"),
        ("pela\u00adyanan", "pelayanan"),
        ("\uff50\uff45\uff4c\uff41\uff59\uff41\uff4e\uff41\uff4e", "pelayanan"),  # full width
        ("\uff22\uff29\uff32\uff2f\uff2b\uff32\uff21\uff33\uff29", "birokrasi"),
        ("\ufeffbirokrasi\u2060", "birokrasi"),
        ("pelayanan\x00publik", "pelayanan publik"),
        ("🔥 birokrasi 🇮🇩", "birokrasi"),
        ("a*", "a"),
        ("*", ""),
        ("-" * 5_000, ""),
    ],
)
def test_odd_characters_do_not_change_what_a_query_finds(engine, hostile: str, plain: str):
    assert _ids(engine, hostile) == _ids(engine, plain)


def test_too_many_words_are_cut_with_a_note(engine: SearchEngine):
    result = engine.search(
        SearchRequest(" ".join(["birokrasi"] + [f"kata{i}" for i in range(200)]))
    )
    assert result.found > 0  # the first word still counts
    assert any(f"first {MAX_QUERY_TERMS}" in note for note in result.notes)
    excluded = engine.search(SearchRequest("birokrasi " + " ".join(f"-k{i}" for i in range(200))))
    assert excluded.total > 0 and any("excluded" in note for note in excluded.notes)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_web_answers_normally(client, text: str):
    query = quote(text.encode("utf-8", "surrogatepass"), safe="")
    page = client.get(f"/?q={query}")
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    api = client.get(f"/api/search?q={query}")
    assert api.status_code == 200 and "total" in api.get_json()


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ("q=x&q=" + "y" * 10_000, 200),  # only the first q counts
        ("q=%ff%fe%00", 200),  # not UTF-8
        ("q=%ed%a0%80", 200),  # an encoded surrogate
        ("source=" + "s" * 10_000, 400),  # no article comes from it, as for officials
        ("q=x&official=" + "o" * 10_000, 400),
        ("q=x&" + "&".join(f"official=o{i}" for i in range(100)), 400),
        ("q=x&from=" + "2" * 10_000, 400),
        ("q=x&from=%00", 400),
        ("q=x&size=1000000000000000000000", 400),
        ("q=x&size=" + "9" * 4301, 400),  # past Python's limit for int()
        ("q=x&page=" + "9" * 4301, 400),
        ("q=x&page=-1", 400),
        ("q=x&page=1e9", 400),
        ("q=x&sort=%00", 400),
    ],
)
def test_hostile_parameters_get_a_normal_answer(client, params: str, status: int):
    response = client.get(f"/api/search?{params}")
    assert response.status_code == status
    body = response.get_json()
    assert ("error" in body) == (status == 400)
    if status == 400:  # one clear line, not the whole hostile value echoed back
        assert len(body["error"]) < 300


@pytest.mark.parametrize(
    ("params", "meant"),
    [
        ("q=banjir&date_from=2019", "from"),
        ("q=banjir&offical=Anies", "official"),
        ("qq=banjir", "q"),
    ],
)
def test_an_unknown_api_parameter_is_a_400_naming_the_closest(client, params: str, meant: str):
    """A misspelt filter is refused, not silently dropped (the search would run without it);
    the HTML page, which links from elsewhere reach with tracking parameters, ignores it."""
    response = client.get(f"/api/search?{params}")
    assert response.status_code == 400
    assert f"did you mean '{meant}'" in response.get_json()["error"]
    assert client.get(f"/?{params}&utm_source=x").status_code == 200


@pytest.mark.parametrize("name", ["10k-chars-of-words", "lone-surrogate", "emoji", "html"])
def test_the_cli_answers_normally(runner, seed_index, name: str):
    result = runner.invoke(cli, ["query", HOSTILE[name], "--json", "--index", str(seed_index)])
    assert result.exit_code in (0, 1) and isinstance(result.exception, SystemExit | None), (
        result.exception
    )
    assert json.loads(result.output)["total"] >= 0


@pytest.mark.parametrize("typed", ["!!! ???", "-", '"', "title:"])
def test_a_query_with_nothing_to_search_says_so(engine: SearchEngine, typed: str):
    """Signs alone list every article, newest first, as an empty query does; the page says
    the query had no word, rather than show them as found."""
    result = engine.search(SearchRequest(typed))
    everything = engine.search(SearchRequest(""))
    assert [h.id for h in result.hits] == [h.id for h in everything.hits]
    assert any("no word to search for" in note for note in result.notes)
    assert not any("no word to search for" in note for note in everything.notes)
