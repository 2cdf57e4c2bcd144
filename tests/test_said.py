"""Searching by who said it: the said: filter, said= parameter, --said option, saved queries'
`said`, the "Said by" facet and the quotes shown with an article, over the seed index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from search.cli import cli
from search.indexing.build import build_articles
from search.model import Article, Quote, RequestError, SearchRequest
from search.retrieval.engine import SearchEngine
from search.saved.queries import parse_queries
from tests.conftest import SEEDS_DIR


def _quoted(engine: SearchEngine, article_id: str) -> set[str]:
    article = engine.article(article_id)
    assert article is not None
    return {q.speaker for q in article.quotes}


def test_said_keeps_the_articles_quoting_that_person(engine: SearchEngine):
    everything = engine.search(SearchRequest("birokrasi", page_size=100))
    quoting = [h for h in everything.hits if "Suhajar Diantoro" in _quoted(engine, h.id)]
    said = engine.search(SearchRequest("birokrasi", said=("Suhajar Diantoro",), page_size=100))
    assert quoting and said.total == len(quoting) < everything.total
    assert {h.id for h in said.hits} == {h.id for h in quoting}


def test_the_snippet_is_that_persons_quote_best_matching_the_query(engine: SearchEngine):
    result = engine.search(SearchRequest("pelayanan publik", said=("Akhmad Wiyagus",)))
    hit = result.hits[0]
    article = engine.article(hit.id)
    quotes = [q.text for q in article.quotes if q.speaker == "Akhmad Wiyagus"]
    shown = hit.snippet.text.strip("… ")
    assert any(shown in q for q in quotes)
    marked = {hit.snippet.text[s:e].lower() for s, e in hit.snippet.matches}
    assert {"pelayan", "publik"} <= marked  # "pelayan publik": the quote with both words


def test_said_typed_in_the_query_is_the_same_filter(engine: SearchEngine):
    typed = engine.search(SearchRequest('birokrasi said:"Muhammad Hudori"'))
    given = engine.search(SearchRequest("birokrasi", said=("Muhammad Hudori",)))
    assert typed.request.said == given.request.said == ("Muhammad Hudori",)
    assert [h.id for h in typed.hits] == [h.id for h in given.hits]
    assert typed.request.query == "birokrasi"


def test_part_of_one_persons_name_finds_them(engine: SearchEngine):
    assert engine.resolve_speakers(("wiyagus",)) == ("Akhmad Wiyagus",)
    assert engine.resolve_speakers(("HUDORI",)) == ("Muhammad Hudori",)


def test_a_person_nobody_quotes_is_a_clear_error(engine: SearchEngine):
    with pytest.raises(RequestError, match="no article quotes 'Tito Rabat'"):
        engine.search(SearchRequest("birokrasi", said=("Tito Rabat",)))
    with pytest.raises(RequestError, match="did you mean Muhammad Hudori"):
        engine.search(SearchRequest("birokrasi", said=("hudo",)))  # not a whole name word


def test_said_by_facet_counts_the_articles_quoting_each_person(engine: SearchEngine):
    result = engine.search(SearchRequest("", page_size=100))
    counts = dict(result.said_counts)
    for name, count in counts.items():
        assert count == sum(1 for h in result.hits if name in _quoted(engine, h.id))
    assert counts["Suhajar Diantoro"] == 2
    assert "Polri" not in counts and "Presiden" not in counts
    # a second speaker widens the list: the facet does not apply its own filter
    chosen = engine.search(SearchRequest("", said=("Muhammad Hudori",)))
    assert dict(chosen.said_counts) == counts
    assert chosen.total == 1


def test_web_said_parameter_facet_and_typed_filter(client):
    page = client.get("/?q=birokrasi&said=Suhajar+Diantoro").get_data(as_text=True)
    assert 'id="facet-said"' in page and "Said by" in page
    assert "Said: Suhajar Diantoro" in page  # the filter in force, removable
    # a snippet that is the person's quote says whose it is
    data = client.get("/api/search?q=birokrasi&said=Suhajar+Diantoro").get_json()
    quoted = [h for h in data["hits"] if h["snippet_speaker"] == "Suhajar Diantoro"]
    assert quoted and 'class="snippet quoted"' in page and "— Suhajar Diantoro" in page
    data = client.get("/api/search?q=birokrasi&said=Suhajar+Diantoro&said=Hudori").get_json()
    assert data["filters"]["said"] == ["Suhajar Diantoro", "Muhammad Hudori"]
    assert {f["name"] for f in data["facets"]["said"]} >= {"Suhajar Diantoro", "Muhammad Hudori"}
    moved = client.get("/?q=said%3AWiyagus+publik")
    assert moved.status_code == 302 and "said=Wiyagus" in moved.headers["Location"]
    bad = client.get("/api/search?q=birokrasi&said=Nobody+Quoted")
    assert bad.status_code == 400 and "no article quotes" in bad.get_json()["error"]


def test_api_article_gives_its_quotes_with_offsets(client, engine: SearchEngine):
    article_id = next(h.id for h in engine.search(SearchRequest("", said=("Hudori",))).hits)
    data = client.get(f"/api/articles/{article_id}").get_json()
    assert data["quotes"]
    for quote in data["quotes"]:
        assert set(quote) == {"speaker", "role", "text", "start", "end"}
        assert data["body"][quote["start"] : quote["end"]] == quote["text"]
    assert {q["speaker"] for q in data["quotes"]} == {"Muhammad Hudori"}


def test_article_page_marks_each_quote_and_its_speaker(client, engine: SearchEngine):
    article_id = next(h.id for h in engine.search(SearchRequest("", said=("Wiyagus",))).hits)
    article = engine.article(article_id)
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert page.count('<q class="quote"') == len(article.quotes)
    assert page.count('<sup class="speaker">Akhmad Wiyagus</sup>') == len(article.quotes)
    assert 'href="/?said=Akhmad+Wiyagus"' in page
    # each quote's tooltip in the page's language
    assert page.count('title="Said by Akhmad Wiyagus') == len(article.quotes)
    client.set_cookie("lang", "id")
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert page.count('title="Diucapkan oleh Akhmad Wiyagus') == len(article.quotes)


def test_speaker_names_are_escaped_on_the_article_page(tmp_path: Path):
    from search.indexing.build import build_articles
    from search.model import Article, Quote
    from web import create_app

    body = 'Pernyataan "<b>bold</b> itu benar sekali," kata <script>.'
    quote = Quote('<img src=x onerror="alert(1)">', "", "<b>bold</b> itu benar sekali", 12, 39)
    build_articles([Article(id="x1", title="Uji", body=body, quotes=[quote])], tmp_path)
    page = create_app({"INDEX_DIR": str(tmp_path)}).test_client().get("/articles/x1")
    html = page.get_data(as_text=True)
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<b>bold</b>" not in html


def test_cli_said_option_and_inspect(runner, seed_index: Path):
    result = runner.invoke(
        cli, ["query", "pelayanan", "--said", "Wiyagus", "--json", "--index", str(seed_index)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["filters"]["said"] == ["Akhmad Wiyagus"] and data["total"] == 1
    text = runner.invoke(
        cli, ["query", "pelayanan", "--said", "Wiyagus", "--index", str(seed_index)]
    )
    assert "said: Akhmad Wiyagus" in text.output
    seed = str(next(SEEDS_DIR.glob("003_*.txt")))
    inspected = runner.invoke(cli, ["inspect", "--json", seed])
    quotes = json.loads(inspected.output)["quotes"]
    assert {q["speaker"] for q in quotes} == {"Muhammad Hudori"}
    lines = runner.invoke(cli, ["inspect", seed]).output
    assert re.search(r"^quotes: +Muhammad Hudori \(Sekjen Kemendagri\)", lines, re.M)


def test_saved_query_said(runner, tmp_path: Path, seed_index: Path):
    path = tmp_path / "queries.toml"
    added = runner.invoke(
        cli,
        ["saved", "add", "kata-hudori", "birokrasi", "--said", "Hudori", "--queries", str(path)],
    )
    assert added.exit_code == 0, added.output
    assert parse_queries(path.read_text(encoding="utf-8"), path)["kata-hudori"].said == ("Hudori",)
    run = runner.invoke(
        cli,
        [
            "saved",
            "run",
            "kata-hudori",
            "--format",
            "json",
            "--queries",
            str(path),
            "--index",
            str(seed_index),
        ],
    )
    assert run.exit_code == 0, run.output
    hits = json.loads(run.output)["queries"][0]["hits"]
    assert (
        len(hits) == 1
        and "said: Hudori" in runner.invoke(cli, ["saved", "list", "--queries", str(path)]).output
    )


SPOKEN = [
    ("a1", "Anies Baswedan"),
    ("a2", "Anies Rasyid Baswedan"),
    ("a3", "Anies Baswedan"),
    ("a4", "Laode M Syarif"),
    ("a5", "Laode M. Syarief"),
]
SPOKEN_BODY = "Banjir di Jakarta surut sore ini. Warga kembali ke rumah setelah banjir reda."


def _spoken_articles() -> list[Article]:
    quoted = SPOKEN_BODY.index("Warga")
    return [
        Article(
            id=i,
            title="Banjir Jakarta",
            body=SPOKEN_BODY,
            quotes=[Quote(name, "", SPOKEN_BODY[quoted:], quoted, len(SPOKEN_BODY))],
        )
        for i, name in SPOKEN
    ]


def test_said_by_lists_an_official_once_with_the_count_a_click_finds(tmp_path: Path):
    """An official quoted under several spellings ("Anies Baswedan", "Anies Rasyid
    Baswedan", "Laode M. Syarief") is one entry of the facet, its count what a filter by it,
    or by any of its spellings, finds; its quotes are the snippets under any spelling."""
    spoken = SPOKEN
    build_articles(_spoken_articles(), tmp_path)
    engine = SearchEngine(tmp_path)
    _check_said_by_merged(engine, spoken)


def test_said_by_merges_spellings_on_the_opensearch_engine_too(opensearch_cluster, tmp_path):
    """The cluster's "Said by" facet, filter and snippets read the spellings as the embedded
    engine's do."""
    from search.indexing.opensearch_index import build_articles as build_on_cluster
    from search.retrieval.engines import open_engine
    from tests.conftest import opensearch_settings

    settings = opensearch_settings(opensearch_cluster, "said-spellings")
    assert build_on_cluster(settings, _spoken_articles()).indexed == len(SPOKEN)
    build_articles(_spoken_articles(), tmp_path)
    engine = open_engine(tmp_path, settings, cache_size=0)
    _check_said_by_merged(engine, SPOKEN)
    embedded = SearchEngine(tmp_path).search(SearchRequest("banjir"))
    cluster = engine.search(SearchRequest("banjir"))
    assert (cluster.said_counts, cluster.facet_totals) == (
        embedded.said_counts,
        embedded.facet_totals,
    )


def _check_said_by_merged(engine, spoken: list[tuple[str, str]]) -> None:
    counts = dict(engine.search(SearchRequest("banjir")).said_counts)
    assert counts == {"Anies Baswedan": 3, "Laode M Syarif": 2}
    for name, count in counts.items():
        for asked in {name} | {n for _, n in spoken if n.split()[0] == name.split()[0]}:
            said = engine.resolve_speakers((asked,))
            found = engine.search(SearchRequest("banjir", said=said))
            assert found.total == count
            assert all(hit.snippet.text.strip("… ").startswith("Warga") for hit in found.hits)


# The deputy regent of Klaten and the finance minister, both "Sri Mulyani" (issue #16): as
# extraction reads them, the regent by the office beside her name, the minister by hers or by
# nothing to keep her apart.
NAMESAKE_BODIES = [
    (
        "n1",
        "Wakil Bupati Klaten Sri Mulyani meninjau banjir di Klaten.\n"
        '"Warga sudah kembali ke rumah," kata Sri Mulyani.',
    ),
    (
        "n2",
        "Menteri Keuangan Sri Mulyani meninjau banjir di Jakarta.\n"
        '"Anggaran bencana sudah cair," kata Sri Mulyani.',
    ),
    ("n3", 'Sri Mulyani meninjau banjir di Jakarta.\n"Anggaran sudah cair," kata Sri Mulyani.'),
]


def _namesake_articles() -> list[Article]:
    return _quoted_articles(NAMESAKE_BODIES)


def _quoted_articles(bodies: list[tuple[str, str]]) -> list[Article]:
    """Articles of these (id, body), their officials and quotes as extraction reads them."""
    from search.ingest.extract.officials import find_officials
    from search.ingest.extract.quotes import find_quotes

    span = (20191105, 20191105)
    articles = []
    for article_id, body in bodies:
        officials = find_officials(body.split("\n"), span)
        quotes = find_quotes(body, officials, span)
        articles.append(
            Article(id=article_id, title="Banjir", body=body, officials=officials, quotes=quotes)
        )
    return articles


def test_said_by_never_puts_a_namesake_under_an_official(tmp_path: Path):
    """The regent's quotes are her own entry of "Said by"; a filter by the minister finds
    the minister's articles only, one by "Sri Mulyani" the regent's."""
    build_articles(_namesake_articles(), tmp_path)
    engine = SearchEngine(tmp_path)
    result = engine.search(SearchRequest("banjir"))
    assert dict(result.said_counts) == {"Sri Mulyani Indrawati": 2, "Sri Mulyani": 1}
    minister = engine.resolve_speakers(("Sri Mulyani Indrawati",))
    found = engine.search(SearchRequest("banjir", said=minister))
    assert {h.id for h in found.hits} == {"n2", "n3"}
    regent = engine.search(SearchRequest("banjir", said=engine.resolve_speakers(("Sri Mulyani",))))
    assert [h.id for h in regent.hits] == ["n1"]
    assert not found.notes


def test_said_by_one_word_of_an_official_s_name_names_the_official_quoted(tmp_path: Path):
    """ "Fahri" quoted alone in one article, Fahri Hamzah in another: said=Fahri finds the
    first and says the second quotes the official; a word of many officials' names says
    nothing."""
    bodies = [
        ("f1", 'Fahri menilai revisi itu perlu.\n"Revisi itu perlu," kata Fahri.'),
        (
            "f2",
            "Wakil Ketua DPR Fahri Hamzah menilai revisi itu perlu.\n"
            '"Revisi itu perlu," kata Fahri Hamzah.',
        ),
    ]
    build_articles(_quoted_articles(bodies), tmp_path)
    engine = SearchEngine(tmp_path)
    result = engine.search(SearchRequest("revisi", said=("fahri",)))
    assert [h.id for h in result.hits] == ["f1"]
    assert any("Fahri Hamzah is quoted in 1 article of this search" in n for n in result.notes)
    typed = engine.search(SearchRequest("revisi said:fahri"))  # lower case, as typed
    assert any(n.endswith('said:"Fahri Hamzah"') for n in typed.notes), typed.notes
    # the counts are the search's: not made again for a count, nor for a page's relaxations
    assert not engine.plan(SearchRequest("revisi", said=("fahri",)))[0].notes


def test_a_word_many_people_quoted_have_names_no_official():
    """ "Agus" is the first name of two officials and of dozens of people quoted: it points
    to neither; "Fahri", with few people of that name quoted, points to Fahri Hamzah; a word
    of more than two officials' names points to none."""
    from search.indexing.official_variants import MAX_WORD_SPEAKERS
    from search.ingest.extract.officials import gazetteer
    from search.retrieval.resolving import _officials_by_name_word, _officials_named_in_part

    few = {"fahri": "Fahri", "agus rahardjo": "Agus Rahardjo"}
    many = few | {f"agus {i}": f"Agus {i}" for i in range(MAX_WORD_SPEAKERS)}
    assert _officials_named_in_part("Fahri", lambda: many) == ("Fahri Hamzah",)
    assert _officials_named_in_part("Agus", lambda: few)
    assert not _officials_named_in_part("Agus", lambda: many)
    partial = gazetteer().partial
    shared = next(
        w for w, names in _officials_by_name_word().items() if len(names) > 2 and w not in partial
    )
    assert not _officials_named_in_part(shared.title(), lambda: few)


def test_said_by_a_partial_name_of_an_official_names_the_official_quoted(tmp_path: Path):
    """Asked for "Sri Mulyani", the search finds the regent quoted under that name alone and
    says the minister is quoted too, with the filter that finds her: a journalist asking
    for the name most likely means the minister. Asked for the minister, nothing is said."""
    build_articles(_namesake_articles(), tmp_path)
    engine = SearchEngine(tmp_path)
    for asked in (
        SearchRequest("banjir", said=("sri mulyani",)),
        SearchRequest('banjir said:"sri mulyani"'),
    ):
        result = engine.search(asked)
        assert [h.id for h in result.hits] == ["n1"]
        [note] = [n for n in result.notes if "Sri Mulyani Indrawati" in n]
        assert "quoted in 2 articles of this search" in note
        # the filter as it was asked for: a parameter, or typed in the query
        typed = 'said:"Sri Mulyani Indrawati"' if "said:" in asked.query else None
        assert (typed or "said=Sri Mulyani Indrawati") in note
    elsewhere = engine.search(SearchRequest("jakarta", said=("Sri Mulyani",)))
    assert not elsewhere.hits and "quoted in 2 articles of this search" in elsewhere.notes[0]
    minister = engine.search(SearchRequest("banjir", said=("Sri Mulyani Indrawati",)))
    assert {h.id for h in minister.hits} == {"n2", "n3"} and not minister.notes


def test_the_opensearch_engine_keeps_a_namesake_apart_as_the_embedded_one(tmp_path: Path):
    """The cluster engine's names (read from its aggregations, here answered without a
    cluster) map the people quoted as the embedded engine's facet table does."""
    import threading

    from search.retrieval.doctable import speaker_spellings
    from search.retrieval.opensearch_engine import OpenSearchEngine

    articles = _namesake_articles()
    said: dict[str, int] = {}
    for article in articles:
        for name in dict.fromkeys(q.speaker for q in article.quotes):
            said[name] = said.get(name, 0) + 1
    buckets = [{"key": name, "doc_count": count} for name, count in said.items()]
    answer = {
        "aggregations": {
            "officials": {"buckets": []},
            "sources": {"buckets": []},
            "said": {"buckets": buckets},
        },
        "hits": {"hits": []},
    }
    cluster = OpenSearchEngine.__new__(OpenSearchEngine)
    cluster._names_lock = threading.Lock()
    cluster._names = None
    cluster._content_key = lambda: ("stub", len(articles))
    cluster._call = lambda method, **kwargs: answer
    known = cluster._known_names()
    assert "Sri Mulyani" not in known.said_variants
    assert "Sri Mulyani" not in known.said_merged.get("Sri Mulyani Indrawati", ())
    build_articles(articles, tmp_path)
    with SearchEngine(tmp_path).searcher() as searcher:
        assert known.speakers == speaker_spellings(searcher)
    assert known.speakers["sri mulyani"] == "Sri Mulyani"


# Wiranto's articles on the forest fires whose quote on them writes the long form of
# "karhutla" ("kebakaran hutan dan lahan", function word and all), and one whose Wiranto
# quotes never speak of them (a speech on other matters that names the fires once).
KARHUTLA_QUOTED = [
    "clickid-ab209648aa9ca905",
    "clickid-2567ed7dd9adf581",
    "clickid-30d9e920548c6f61",
]
KARHUTLA_UNQUOTED = "clickid-e3ef1911fc638a2a"


def test_said_snippet_is_the_quote_holding_the_query_in_any_form(tmp_path: Path):
    """`karhutla` with said=Wiranto: the snippet is his quote writing the fires' long form
    (the search found the article by it), marked; not his first quote on something else.
    Where none of his quotes holds the query's words, his first quote."""
    from search.ingest.records import extract_record
    from tests.corpus import records_with_ids

    found = records_with_ids({*KARHUTLA_QUOTED, KARHUTLA_UNQUOTED})
    build_articles([extract_record(r).article for r in found.values()], tmp_path)
    engine = SearchEngine(tmp_path)
    result = engine.search(SearchRequest("karhutla", said=("wiranto",)))
    hits = {h.id: h for h in result.hits}
    assert set(hits) == {*KARHUTLA_QUOTED, KARHUTLA_UNQUOTED}
    for article_id in KARHUTLA_QUOTED:
        snippet = hits[article_id].snippet
        quotes = [q.text for q in engine.article(article_id).quotes if q.speaker == "Wiranto"]
        assert any(snippet.text.strip("… ") in q for q in quotes), article_id
        marked = [snippet.text[s:e].lower() for s, e in snippet.matches]
        assert marked == ["kebakaran", "hutan", "lahan"], article_id
    # where none of his quotes holds the query's words, still his words (his first quote),
    # never another's passage the query found in the article shown under his filter
    other = hits[KARHUTLA_UNQUOTED].snippet
    first = next(q.text for q in engine.article(KARHUTLA_UNQUOTED).quotes if q.speaker == "Wiranto")
    assert other.text.strip("… ") in first and not other.matches
    assert all(hits[i].snippet_speaker == "Wiranto" for i in [*KARHUTLA_QUOTED, KARHUTLA_UNQUOTED])
    assert all(h.snippet_speaker is None for h in engine.search(SearchRequest("karhutla")).hits)


def test_said_for_an_official_nobody_quotes_names_the_official_filter(contract_engine):
    """On either engine: Tito Karnavian, named as an official in one seed and quoted in
    none, is offered as the official filter, with how many articles it finds."""
    from search.model import UnknownNameError

    with pytest.raises(UnknownNameError) as refused:
        contract_engine.search(SearchRequest("birokrasi", said=("tito karnavian",)))
    other = refused.value.other
    assert other is not None and (other.param, other.name) == ("official", "Tito Karnavian")
    assert other.articles == contract_engine.count(SearchRequest(officials=(other.name,))) == 1
