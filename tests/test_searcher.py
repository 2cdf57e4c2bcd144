"""Searching the seed index: stemming, exact forms first, filters, snippets."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from search.model import RequestError, SearchRequest, UnknownNameError
from search.retrieval.engine import SearchEngine
from tests.conftest import SEED_IDS


@pytest.fixture()
def engine(contract_engine):
    """Each test of this module runs on the embedded index and on OpenSearch."""
    return contract_engine


def ids(result) -> list[str]:
    return [h.id for h in result.hits]


def test_dilayani_finds_every_form_of_layan_with_the_exact_form_first(engine: SearchEngine):
    result = engine.search(SearchRequest("dilayani"))
    assert sorted(ids(result)) == SEED_IDS
    assert ids(result)[0] == "002_4786081c4393efc4"


def test_snippets_mark_stemmed_matches_on_the_words_as_written(engine: SearchEngine):
    result = engine.search(SearchRequest("dilayani"))
    marked = {
        m.lower() for h in result.hits for m in re.findall(r"<mark>(.*?)</mark>", h.snippet.html())
    }
    assert {"pelayanan", "melayani", "dilayani"} <= marked
    by_id = {h.id: h for h in result.hits}
    assert "<mark>dilayani</mark>" in by_id["002_4786081c4393efc4"].snippet.html()
    for hit in result.hits:
        for start, end in hit.snippet.matches:
            assert re.sub(r"\W", "", hit.snippet.text[start:end].lower()) != ""
            # every marked span is a word of the stored text
            assert hit.snippet.text[start:end].replace(" ", "") in hit.snippet.text


def test_layanan_is_marked_where_it_is_the_best_passage(engine: SearchEngine):
    result = engine.search(SearchRequest("layanan perizinan"))
    assert ids(result)[0] == "002_4786081c4393efc4"
    assert "<mark>layanan</mark> <mark>perizinan</mark>" in result.hits[0].snippet.html()


def test_official_filter(engine: SearchEngine):
    result = engine.search(SearchRequest("reformasi birokrasi", officials=("Suhajar Diantoro",)))
    assert ids(result)[0] == "004_9d790e0e9df54a94"
    assert all("Suhajar Diantoro" in [o.name for o in h.officials] for h in result.hits)
    assert result.found == 2


def test_official_filter_accepts_aliases_and_any_case(engine: SearchEngine):
    by_alias = engine.search(SearchRequest("", officials=("jokowi",)))
    assert sorted(ids(by_alias)) == ["001_c392d4d57c4d2ec5", "004_9d790e0e9df54a94"]


def test_unknown_official_is_a_request_error(engine: SearchEngine):
    with pytest.raises(RequestError, match="Nobody"):
        engine.search(SearchRequest("birokrasi", officials=("Nobody Atall",)))


def test_date_filter_keeps_only_overlapping_dated_articles(engine: SearchEngine):
    result = engine.search(
        SearchRequest("birokrasi", date_from=dt.date(2022, 1, 1), date_to=dt.date(2022, 12, 31))
    )
    assert sorted(ids(result)) == ["001_c392d4d57c4d2ec5", "004_9d790e0e9df54a94"]
    year_only = engine.search(
        SearchRequest("birokrasi", date_from=dt.date(2025, 6, 1), date_to=dt.date(2025, 6, 30))
    )
    assert ids(year_only) == ["000_598db4fe2a2fc782"]


def test_official_facet_counts(engine: SearchEngine):
    counts = dict(engine.search(SearchRequest("birokrasi")).official_counts)
    assert counts["Suhajar Diantoro"] == 2
    assert counts["Joko Widodo"] == 2
    assert counts["Tito Karnavian"] == 1


def test_sort_newest_and_oldest_put_undated_last(engine: SearchEngine):
    newest = ids(engine.search(SearchRequest("", sort="newest")))
    oldest = ids(engine.search(SearchRequest("", sort="oldest")))
    assert newest[0] == "000_598db4fe2a2fc782" and newest[-1] == "002_4786081c4393efc4"
    assert oldest[0] == "003_c37476abf8d7220f" and oldest[-1] == "002_4786081c4393efc4"


def test_paging(engine: SearchEngine):
    page1 = engine.search(SearchRequest("pelayanan", page_size=2))
    page2 = engine.search(SearchRequest("pelayanan", page_size=2, page=2))
    assert page1.total == 5 and page1.pages == 3
    assert not set(ids(page1)) & set(ids(page2))
    last = engine.search(SearchRequest("pelayanan", page_size=2, page=3))
    assert len(ids(last)) == 1 and not set(ids(last)) & set(ids(page1) + ids(page2))
    with pytest.raises(RequestError, match=r"page 4 is past the last page \(3\) of the 5"):
        engine.search(SearchRequest("pelayanan", page_size=2, page=4))
    assert engine.search(SearchRequest("zzzxq", page=4)).total == 0  # empty: no error


def test_pages_stop_at_the_result_window(engine, monkeypatch):
    """The pager's last page is one that can be asked for: past the result window a page is
    refused, so `pages` counts only the pages inside it."""
    import search.model as searcher

    monkeypatch.setattr(searcher, "MAX_RESULT_WINDOW", 3)
    result = engine.search(SearchRequest("pelayanan", page_size=1))
    assert result.total == 5 and result.pages == 3 and result.to_json()["pages"] == 3
    assert ids(engine.search(SearchRequest("pelayanan", page_size=1, page=3)))
    with pytest.raises(RequestError, match="beyond the first 3 results"):
        SearchRequest("pelayanan", page_size=1, page=4)
    # A page size that does not divide the window: its last page holds the window's end.
    monkeypatch.setattr(searcher, "MAX_RESULT_WINDOW", 4)
    three = engine.search(SearchRequest("pelayanan", page_size=3))
    assert three.pages == 2 and ids(engine.search(SearchRequest("pelayanan", page_size=3, page=2)))
    with pytest.raises(RequestError, match=r"the last page of 3 is 2"):
        SearchRequest("pelayanan", page_size=3, page=3)


def test_phrase_and_exclusion(engine: SearchEngine):
    phrase = engine.search(SearchRequest('"reformasi birokrasi"'))
    assert set(ids(phrase)) == {"002_4786081c4393efc4", "004_9d790e0e9df54a94"}
    excluded = engine.search(SearchRequest("birokrasi -jokowi"))
    # 004 writes "Jokowi"; 001 names him as "Joko Widodo" (tagged), which a search for jokowi
    # finds too: both are left out
    jokowi = {"001_c392d4d57c4d2ec5", "004_9d790e0e9df54a94"}
    assert set(ids(engine.search(SearchRequest("jokowi")))) == jokowi
    assert sorted(ids(excluded)) == [i for i in SEED_IDS if i not in jokowi]


def test_stopword_only_query_is_not_emptied(engine: SearchEngine):
    assert engine.search(SearchRequest("yang")).total >= 1


def test_boilerplate_is_not_searchable(engine: SearchEngine):
    for chrome in ("liga335", "Apresiasi", "Pewarta", '"Rakyat news"', '"Read Entire Article"'):
        assert engine.search(SearchRequest(chrome, as_typed=True)).total == 0, chrome


def test_article_lookup(engine: SearchEngine):
    article = engine.article("003_c37476abf8d7220f")
    assert article is not None and article.title.startswith("Buka Latsar CPNS")
    assert engine.article("../../etc/passwd") is None


@pytest.mark.parametrize(
    "kwargs",
    [{"page": 0}, {"page_size": 0}, {"sort": "random"}, {"page": 10**9}],
)
def test_bad_requests(kwargs):
    with pytest.raises(RequestError):
        SearchRequest("x", **kwargs)


@pytest.mark.parametrize("text", ["pelayanan", "birokrasi -jokowi", '"pelayanan publik" desa'])
def test_hits_are_the_exact_ranking_of_every_match(whoosh_engine: SearchEngine, text: str):
    # Whoosh's top-N collector may skip blocks and miss better hits of nested Or/AndNot
    # queries; the page must be the head of the exhaustive ranking, the articles with all
    # the words first (`"pelayanan publik" desa`: desa is optional beside the phrase).
    from whoosh_oracle import complete_query, to_whoosh

    from search.query.plan import parse_query

    engine = whoosh_engine
    result = engine.search(SearchRequest(text, page_size=3, as_typed=True))
    with engine.searcher() as s:
        plan = parse_query(text)
        every = s.search(to_whoosh(plan), limit=None, terms=False)
        complete = set(s.docs_for_query(complete_query(plan)))
        ranked = sorted(every.top_n, key=lambda hit: hit[1] not in complete)  # stable
        expected = [s.stored_fields(d)["id"] for _score, d in ranked[:3]]
        assert result.found == len(every.top_n)
    assert ids(result) == expected


def test_official_filter_narrows_sources_but_not_the_officials_facet(engine: SearchEngine):
    unfiltered = engine.search(SearchRequest("birokrasi"))
    filtered = engine.search(SearchRequest("birokrasi", officials=("Suhajar Diantoro",)))
    assert filtered.official_counts == unfiltered.official_counts
    assert filtered.total == 2 == sum(c for _, c in filtered.source_counts if _)
    assert sum(c for _, c in unfiltered.source_counts) > filtered.total


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_date_sort_follows_the_stored_dates(engine: SearchEngine, sort: str):
    # Date sorts walk a per-reader date order (Whoosh's own sort over the numeric column put
    # 2022-04-01 before 2022-09-28 for "newest"). Undated articles come last either way.
    result = engine.search(SearchRequest("pelayanan", sort=sort))
    dates = [h.date for h in result.hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=(sort == "newest"))
    assert dates[len(dated) :] == [None] * (len(dates) - len(dated))
    assert ids(result)[:3] == (
        ["000_598db4fe2a2fc782", "004_9d790e0e9df54a94", "001_c392d4d57c4d2ec5"]
        if sort == "newest"
        else ["003_c37476abf8d7220f", "001_c392d4d57c4d2ec5", "004_9d790e0e9df54a94"]
    )


@pytest.mark.parametrize(
    "asked", ["kompas.com", "Kompas.com", "KOMPAS.COM", "https://www.kompas.com/", "kompas"]
)
def test_a_source_is_found_however_it_is_written(engine: SearchEngine, asked: str):
    exact = engine.search(SearchRequest("", sources=("kompas.com",)))
    assert exact.total == 1
    assert ids(engine.search(SearchRequest("", sources=(asked,)))) == ids(exact)
    if "/" not in asked:
        assert ids(engine.search(SearchRequest(f"source:{asked}"))) == ids(exact)


def test_a_source_no_article_has_is_a_request_error_with_the_nearest(engine: SearchEngine):
    with pytest.raises(
        RequestError,
        match=r"no article comes from the source 'kompas\.tv'; did you mean kompas\.com",
    ):
        engine.search(SearchRequest("", sources=("kompas.tv",)))
    with pytest.raises(RequestError, match=r"did you mean antaranews.com"):
        engine.search(SearchRequest("", sources=("antara.com",)))


def test_a_prefix_search_is_ranked_and_marked(engine: SearchEngine, client):
    """`birokra*` scores the words that start with it (more occurrences rank higher) and
    marks them in snippets and on the article page, as a typed word is."""
    result = engine.search(SearchRequest("birokra*"))
    assert result.total >= 2
    scores = [h.score for h in result.hits]
    assert all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)
    marked = re.findall(r"<mark>([^<]+)</mark>", result.hits[0].snippet.html())
    assert marked and all(m.lower().startswith("birokra") for m in marked)
    page = client.get(f"/articles/{result.hits[0].id}?q=birokra*").get_data(as_text=True)
    assert re.search(r"<mark[^>]*>[Bb]irokra\w*</mark>", page)
    assert (
        result.hits[0].id
        == max(result.hits, key=lambda h: engine.article(h.id).body.lower().count("birokra")).id
    )


def test_an_official_asked_for_by_first_name_gets_the_full_names_and_how_to_quote(
    engine: SearchEngine,
):
    with pytest.raises(RequestError) as raised:
        engine.search(SearchRequest("official:joko widodo"))
    message = str(raised.value)
    assert "no article names the official 'joko'; did you mean Joko Widodo" in message
    assert 'official:"Joko Widodo"' in message
    quoted = engine.search(SearchRequest('official:"joko widodo"'))
    assert quoted.total == engine.search(SearchRequest("", officials=("Joko Widodo",))).total > 0


@pytest.mark.parametrize("phrase", ["pelayanan publik", "di daerah", "aparatur sipil negara"])
def test_an_exact_phrase_finds_the_words_as_written_and_marks_only_them(
    engine: SearchEngine, phrase: str
):
    """exact:"..." checks a quote: the words exactly as written (function words too), in
    order; a plain "phrase" also takes other forms of each word and reads across function
    words. Only the phrase itself is marked."""
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(phrase.split()) + r"(?!\w)", re.I)
    every = engine.search(SearchRequest("", page_size=100)).hits
    texts = {h.id: f"{h.title}\n{engine.article(h.id).body}" for h in every}
    written = {i for i, text in texts.items() if pattern.search(text)}
    result = engine.search(SearchRequest(f'exact:"{phrase}"', page_size=100))
    assert {h.id for h in result.hits} == written and written
    for hit in result.hits:
        marked = re.findall(r"<mark>([^<]+)</mark>", hit.snippet.html() + hit.title_html)
        assert marked and all(m.lower() in phrase.split() for m in marked)
        assert len(marked) % len(phrase.split()) == 0  # whole runs only
    loose = engine.search(SearchRequest(f'"{phrase}"', page_size=100))
    assert written <= {h.id for h in loose.hits}


@pytest.mark.corpus
def test_paging_shows_every_match_once_in_one_order(tmp_path):
    """Pages of 10 and pages of 100 list the same matches in the same order, each once,
    equal scores included (they fell differently on each page: paging skipped articles)."""
    import json

    from search.indexing.build import build_articles
    from tests.corpus import CORPUS, article_from_record

    with CORPUS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(2000), lines, strict=False)]
    build_articles([article_from_record(r) for r in records], tmp_path / "index")
    engine = SearchEngine(tmp_path / "index", cache_size=0)
    for query in ("jokowi", "korupsi", "pemberantas*", "banjir jakarta"):
        total = engine.search(SearchRequest(query)).found
        assert total > 60
        pages = min(12, -(-total // 10))
        small = [
            h.id
            for page in range(1, pages + 1)
            for h in engine.search(SearchRequest(query, page=page, page_size=10)).hits
        ]
        large = [h.id for h in engine.search(SearchRequest(query, page_size=100)).hits]
        if total > 100:
            large += [h.id for h in engine.search(SearchRequest(query, page=2, page_size=100)).hits]
        assert small == large[: len(small)] and len(set(small)) == len(small) == min(total, 120)


def test_a_title_prefix_searches_titles_only(engine: SearchEngine):
    titled = engine.search(SearchRequest("title:birokra*", page_size=100))
    anywhere = engine.search(SearchRequest("birokra*", page_size=100))
    assert 0 < titled.total < anywhere.total
    assert all("birokra" in h.title.lower() for h in titled.hits)
    every = engine.search(SearchRequest("", page_size=100)).hits
    assert titled.total == sum("birokra" in h.title.lower() for h in every)


def test_a_source_given_as_a_page_url_or_subdomain_is_its_site(engine: SearchEngine):
    """The source filter reads a URL the way extraction gives an article its source."""
    assert engine.resolve_sources(("https://news.kompas.com/read/2019/09/10/x",)) == ("kompas.com",)
    assert engine.resolve_sources(("www.Antaranews.com",)) == ("antaranews.com",)
    with pytest.raises(RequestError) as refused:
        engine.resolve_sources(("https://news.detik.com/berita/x",))
    assert "antaranews" not in str(refused.value)  # no hint from the "news" subdomain


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Donny Monardo", "Doni Monardo"),  # spelt another way (y and i, one n)
        ("Presiden Jokowi", "Joko Widodo"),  # an office before an alias
        ("pak jokowi", "Joko Widodo"),  # a form of address, lower case
        ("Irjen Luki Hermawan", "Luki Hermawan"),  # a rank
        ("Kapolda Jatim Irjen Luki Hermawan", "Luki Hermawan"),  # an office, its place, a rank
        ("Bu Susi", "Susi Pudjiastuti"),  # a form of address before one official's given name
    ],
)
def test_an_official_written_with_a_title_or_spelt_another_way_is_found(
    corpus_contract_engine, typed: str, official: str
):
    engine = corpus_contract_engine
    assert engine.resolve_officials((typed,)) == (official,)
    total = engine.search(SearchRequest("", officials=(official,))).total
    assert engine.search(SearchRequest("", officials=(typed,))).total == total > 0


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Doni Monrdo", "Doni Monardo"),  # a letter lost: offered, not taken
        ("Fahri", "Fahri Hamzah"),
        ("Presiden Fahri", "Fahri Hamzah"),  # the name after the office
        ("Nobody Atall", None),
    ],
)
def test_an_official_no_article_names_is_refused_with_the_names_meant(
    corpus_contract_engine, typed: str, meant: str | None
):
    with pytest.raises(UnknownNameError) as raised:
        corpus_contract_engine.resolve_officials((typed,))
    refused = raised.value
    assert (refused.param, refused.name) == ("official", typed)
    if meant is None:
        assert refused.close == () and "did you mean" not in str(refused)
    else:
        assert refused.close[0] == meant and f"did you mean {meant}" in str(refused)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("typed", "holder"),
    [
        ("Kapolri", "Tito Karnavian"),
        ("Menteri Keuangan", "Sri Mulyani Indrawati"),
        ("Kapolda Metro Jaya", "Gatot Eddy Pramono"),
    ],
)
def test_an_office_asked_for_as_an_official_is_refused_with_its_holders(
    corpus_contract_engine, typed: str, holder: str
):
    """`official=Kapolri`: an office is no one's name; the refusal names the gazetteer's
    holders of that office the index knows ("Menteri Keuangan" is one office with
    "Menkeu"), then the officials mined from the corpus who hold it (a regional police
    chief), and says the office is found by typing it in the query."""
    with pytest.raises(UnknownNameError) as raised:
        corpus_contract_engine.resolve_officials((typed,))
    refused = raised.value
    assert (refused.param, refused.name) == ("official", typed)
    assert "is an office, not a person" in str(refused) and "in the query" in str(refused)
    assert refused.close and refused.close[0] == holder


@pytest.mark.corpus
@pytest.mark.parametrize("typed", ["Jenderal Gatot", "Jenderal Andika"])
def test_a_person_after_a_rank_or_named_by_a_word_of_an_office_is_no_office(
    corpus_contract_engine, typed: str
):
    """A rank and a given name: refused as no one the index names (with the people it may
    mean), never as an office."""
    with pytest.raises(UnknownNameError) as raised:
        corpus_contract_engine.resolve_officials((typed,))
    assert "is an office" not in str(raised.value)


@pytest.mark.parametrize("param", ["official", "said"])
def test_an_office_no_holder_of_is_known_is_refused_as_an_office(client, param):
    response = client.get(f"/api/search?q=banjir&{param}=Gubernur+Riau")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert "'Gubernur Riau' is an office, not a person" in error and "in the query" in error
