"""Every route through Flask's test client; bad parameters are 400s, never 500s."""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.parse
from collections import Counter

import pytest

from web import create_app


@pytest.fixture(autouse=True)
def _english(client):
    """These tests read the pages in English (`lang` cookie); the Indonesian default and the
    catalogs are tested in tests/test_i18n.py."""
    client.set_cookie("lang", "en")


def test_search_page_marks_stemmed_matches(client):
    page = client.get("/?q=dilayani").get_data(as_text=True)
    ids = re.findall(r'href="/articles/([^"?]+)', page)
    assert ids[0] == "002_4786081c4393efc4" and len(ids) == 5
    marked = {m.lower() for m in re.findall(r"<mark>(.*?)</mark>", page)}
    assert {"pelayanan", "melayani", "dilayani", "layanan"} & marked >= {
        "pelayanan",
        "melayani",
        "dilayani",
    }


def test_official_filter_and_facet_links(client):
    page = client.get("/?q=birokrasi&official=Tito+Karnavian").get_data(as_text=True)
    assert re.findall(r'href="/articles/([^"?]+)', page) == ["004_9d790e0e9df54a94"]
    assert 'aria-current="true" data-official="Tito Karnavian"' in page


def test_date_filter(client):
    page = client.get("/?q=birokrasi&from=2022-01-01&to=2022-12-31").get_data(as_text=True)
    assert sorted(re.findall(r'href="/articles/([^"?]+)', page)) == [
        "001_c392d4d57c4d2ec5",
        "004_9d790e0e9df54a94",
    ]


def test_article_page_marks_the_query(client):
    page = client.get("/articles/002_4786081c4393efc4?q=dilayani").get_data(as_text=True)
    assert "<mark>dilayani</mark>" in page and "John R. Wetipo" in page


def test_api_search_and_article(client):
    data = client.get("/api/search?q=dilayani").get_json()
    assert data["total"] == 5 and data["hits"][0]["id"] == "002_4786081c4393efc4"
    article = client.get("/api/articles/003_c37476abf8d7220f").get_json()
    assert article["date"] == "2021-03-15" and article["officials"][0]["name"] == "Muhammad Hudori"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/?q=x&official=Nobody", 400),
        ("/?q=x&page=0", 400),
        ("/?q=x&page=1000000000", 400),
        ("/?q=x&page=abc", 400),
        ("/api/search?q=x&page=1_0", 400),
        ("/api/search?q=x&size=%D9%A3", 400),
        ("/?q=pelayanan&page=2", 400),
        ("/api/search?q=pelayanan&size=2&page=4", 400),
        ("/?q=x&sort=random", 400),
        ("/?q=x&size=0", 400),
        ("/?q=x&size=101", 400),
        ("/api/search?q=x&from=2023&to=2022", 400),
        ("/?q=x&undated=1&from=2022", 400),
        ("/?q=" + "birokrasi " * 1000, 200),
        ("/?q=" + "x" * 10_000, 200),
        ("/?q=%00%ff%22%3C", 200),
        ("/?official=" + "&official=".join(["Joko Widodo"] * 21), 400),
        ("/articles/unknown-id", 404),
        ("/articles/..%2F..%2Fetc%2Fpasswd", 404),
        ("/nowhere", 404),
        ("/api/search?q=x&from=bad", 400),
        ("/api/search?q=x&to=2022-13", 400),
        ("/api/search?q=x&official=Nobody", 400),
        ("/api/search?page=0", 400),
        ("/api/search?q=x&page=1000000000", 400),
        ("/api/search?q=x&page=10000000000000", 400),
        ("/api/search?q=x&size=abc", 400),
        ("/api/search?q=x&sort=random", 400),
        ("/api/search?q=x&undated=2", 400),  # a yes or no, not read as no
        ("/api/search?q=x&partial=maybe", 400),
        ("/api/search?q=x&undated=yes&partial=0", 200),
        ("/api/search?q=" + "birokrasi " * 1000, 200),
        ("/api/articles/unknown-id", 404),
        ("/api/nowhere", 404),
    ],
)
def test_bad_parameters_get_clear_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        data = response.get_json()
        if status != 200:
            assert data["status"] == status
            assert data["error"] and "Traceback" not in data["error"]
    elif status == 400:
        page = response.get_data(as_text=True)
        assert 'class="error" role="alert"' in page and "Traceback" not in page


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_documents_and_queries_are_escaped(xss_index):
    client = create_app({"INDEX_DIR": str(xss_index)}).test_client()
    hostile_query = client.get('/?q=pelayanan+"><script>alert(3)</script>').get_data(as_text=True)
    assert "<script>alert" not in hostile_query and "&lt;script&gt;alert(3)" in hostile_query
    page = client.get("/?q=pelayanan").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    article = client.get("/articles/900_xss?q=pelayanan").get_data(as_text=True)
    assert "<script>alert" not in article and "&lt;script&gt;" in article


def test_missing_index_is_a_clear_503(tmp_path):
    client = create_app({"INDEX_DIR": str(tmp_path)}).test_client()
    response = client.get("/?q=x")
    assert response.status_code == 503 and "cari build" in response.get_data(as_text=True)


def hit_ids(page: str) -> list[str]:
    return re.findall(r'<h2 class="title" lang="id"><a href="/articles/([^"?]+)', page)


def test_every_route_answers(client):
    assert client.get("/").status_code == 200
    assert "Find what officials said" in client.get("/").get_data(as_text=True)
    browse = client.get("/?sort=newest").get_data(as_text=True)  # browse without a query
    assert len(hit_ids(browse)) == client.get("/api/search").get_json()["total"]
    for asset in ("/static/style.css", "/static/app.js"):
        assert client.get(asset).status_code == 200


def test_pages_load_nothing_from_other_hosts(client):
    page = client.get("/?q=dilayani").get_data(as_text=True)
    assets = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/static/") for a in assets)
    assert "style=" not in page and "<script>" not in page  # the CSP forbids inline code


def test_result_shows_dates_at_their_precision_and_officials_as_chips(client):
    data = client.get("/api/search?q=dilayani").get_json()
    page = client.get("/?q=dilayani").get_data(as_text=True)
    from search.dates import format_date

    for hit in data["hits"]:
        shown = format_date(hit["date"])
        assert f">{shown}</time>" in page
        for official in hit["officials"]:
            assert f">{official['name']} <small>{official['role']}</small></a>" in page
    assert re.search(r"<time datetime=\"\d{4}\" class=\"date\">\d{4}</time>", page)
    assert re.search(r">\d{1,2} [A-Z][a-z]+ \d{4}</time>", page)


def test_an_official_chip_says_what_its_link_does(client):
    """A chip adds its official to the filter: with none chosen it keeps only the articles
    naming them; with one chosen, the filter keeps either, so the chip adds articles."""
    page = client.get("/?q=dilayani").get_data(as_text=True)
    assert 'title="Only articles naming Suhajar Diantoro"' in page
    name = "Suhajar Diantoro"  # named beside other officials in two seeds
    one = client.get(f"/?q=dilayani&official={name}").get_data(as_text=True)
    assert 'title="Only articles naming' not in one
    others = re.findall(r'title="Also articles naming ([^"]+)"', one)
    assert others and name not in others and 'title="Remove the filter"' in one


def test_source_facet_is_multi_select(client):
    data = client.get("/api/search?q=dilayani").get_json()
    (first, a), (second, b) = [(s["name"], s["count"]) for s in data["facets"]["sources"][:2]]
    one = client.get(f"/?q=dilayani&source={first}").get_data(as_text=True)
    assert len(hit_ids(one)) == a
    # the other sources stay listed with their counts, so a second one can be added
    assert f'data-source="{second}"' in one
    both = client.get(f"/?q=dilayani&source={first}&source={second}").get_data(as_text=True)
    assert len(hit_ids(both)) == a + b
    # the page says how the counts beside a choice are made; not before a choice
    note = "Counted before your choice of sources"
    assert note in one and note not in client.get("/?q=dilayani").get_data(as_text=True)


def test_timeline_bars_link_to_their_range(client):
    data = client.get("/api/search?q=dilayani").get_json()
    timeline = data["facets"]["timeline"]
    page = client.get("/?q=dilayani").get_data(as_text=True)
    for bar in timeline["bars"]:
        if bar["count"]:
            link = f"/?q=dilayani&amp;from={bar['from']}&amp;to={bar['to']}"
            assert link in page
            assert (
                len(hit_ids(client.get(link.replace("&amp;", "&")).get_data(as_text=True)))
                == (bar["count"])
            )
    assert timeline["undated"] >= 1 and 'id="undated-bucket"' in page
    undated = client.get("/api/search?q=dilayani&undated=1").get_json()
    assert undated["total"] == timeline["undated"]
    assert all(h["date"] is None for h in undated["hits"])


@pytest.mark.parametrize(
    "extra",
    [
        "&from=2019&to=2022-12-31",  # the range already in the URL is replaced where it is
        "&to=2022-12-31&from=2019",  # ... in the URL's order
        "&q=cari-bar-from-date",  # the URL's stand-ins for the dates are in the query itself
    ],
)
def test_timeline_bar_links_replace_the_range_in_place(client, extra):
    """Each bar's link is the page's URL with its own range (and page and undated left
    out), however the URL is written."""
    url = "/?q=dilayani" + extra
    response = client.get(url)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    bars = re.findall(
        r'<a class="bar" href="([^"]+)" title="[^"]*" data-from="([^"]+)" data-to="([^"]+)"', page
    )
    assert bars
    for href, start, end in bars:
        expected = "&amp;".join(
            f"from={start}" if p.startswith("from=") else f"to={end}" if p.startswith("to=") else p
            for p in url[2:].replace("&", "&amp;").split("&amp;")
        )
        if "from=" not in url:
            expected += f"&amp;from={start}&amp;to={end}"
        assert href == "/?" + expected


def test_pagination_keeps_the_search(client):
    page = client.get("/?q=dilayani&size=2&sort=oldest").get_data(as_text=True)
    assert 'rel="next" href="/?q=dilayani&amp;size=2&amp;sort=oldest&amp;page=2"' in page
    total = client.get("/api/search?q=dilayani").get_json()["total"]
    seen = []
    for number in range(1, -(-total // 2) + 1):
        seen += hit_ids(client.get(f"/?q=dilayani&size=2&page={number}").get_data(as_text=True))
    assert len(seen) == len(set(seen)) == total
    beyond = client.get("/?q=dilayani&size=2&page=50").get_data(as_text=True)
    assert hit_ids(beyond) == []


def test_article_page_links_back_to_the_same_search(client):
    search = "q=birokrasi&official=Suhajar+Diantoro&sort=oldest&page=1"
    page = client.get("/?" + search).get_data(as_text=True)
    first = hit_ids(page)[0]
    link = re.search(rf'href="(/articles/{first}\?[^"]+)"', page).group(1).replace("&amp;", "&")
    article = client.get(link).get_data(as_text=True)
    back = re.search(r'id="back" href="([^"]+)"', article).group(1).replace("&amp;", "&")
    assert sorted(back.split("?")[1].split("&")) == sorted(search.split("&"))
    assert "<mark>" in article and 'id="match-count"' in article


def test_article_page_marks_the_title_and_says_back_to_results_for_any_search(client):
    hit = client.get("/api/search?q=birokrasi").get_json()["hits"][0]
    article = client.get(f"/articles/{hit['id']}?q=birokrasi").get_data(as_text=True)
    title = re.search(r"<h1[^>]*>(.*?)</h1>", article, re.S).group(1)
    assert re.search(r"<mark>[Bb]irokrasi</mark>", title)
    dated = client.get(f"/articles/{hit['id']}?from=2019-01-01").get_data(as_text=True)
    assert "← Back to results" in dated
    plain = client.get(f"/articles/{hit['id']}").get_data(as_text=True)
    assert "← Search" in plain and "<mark>" not in plain


def test_control_characters_typed_in_a_query_are_not_echoed_into_the_page(client):
    page = client.get("/?q=%00birokrasi%01").get_data(as_text=True)
    assert "birokrasi" in page and "\x00" not in page and "\x01" not in page
    empty = client.get("/?q=%00zzqx%07").get_data(as_text=True)
    assert "zzqx" in empty and "\x00" not in empty and "\x07" not in empty


def test_did_you_mean_is_a_link_to_the_suggestion(app, monkeypatch):
    """Rendering of SearchResult.suggestion (the spelling engine fills it in)."""
    engine = app.extensions["cari_engine"]
    real_search = engine.search

    def search(request):
        result = real_search(request)
        result.suggestion = "birokrasi"
        return result

    monkeypatch.setattr(engine, "search", search)
    page = app.test_client().get("/?q=birokarsi&sort=newest&as_typed=1").get_data(as_text=True)
    assert (
        '<p class="suggestion" id="suggestion">Mungkin maksud Anda '
        '<a href="/?q=birokrasi&amp;sort=newest" lang="id">birokrasi</a>?</p>'
    ) in page


def test_empty_results_say_what_the_filters_removed(client):
    url = "/?q=birokrasi&official=Muhammad+Hudori&from=2022-01-01"
    page = client.get(url).get_data(as_text=True)
    assert 'id="empty"' in page and hit_ids(page) == []
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">(\d+)', page)
    assert links
    for href, _label, count in links:
        found = client.get(href.replace("&amp;", "&")).get_data(as_text=True)
        assert len(hit_ids(found)) == int(count) > 0
    nothing = client.get("/?q=zzzqqqxx").get_data(as_text=True)
    assert "Try fewer or different words" in nothing


def test_api_search_documents_facets_and_filters(client):
    data = client.get("/api/search?q=dilayani&from=2022&to=2022&sort=newest").get_json()
    assert data["filters"] == {
        "officials": [],
        "sources": [],
        "said": [],
        "from": "2022-01-01",
        "to": "2022-12-31",
        "undated": False,
        "partial": False,
    }
    assert set(data["facets"]) == {"officials", "sources", "said", "timeline"}
    assert data["facets"]["timeline"]["unit"] in {"day", "month", "year"}
    for hit in data["hits"]:
        assert hit["date"].startswith("2022")
        text = hit["snippet_text"]
        marked = [text[a:b] for a, b in hit["snippet_matches"]]
        assert all(f"<mark>{m}</mark>" in hit["snippet"] for m in marked)
    assert data["suggestion"] is None or isinstance(data["suggestion"], str)


def test_api_facets_list_the_most_frequent_names_and_say_how_many_more(client):
    full = client.get("/api/search?q=pelayanan&facet_size=1000").get_json()
    officials = full["facets"]["officials"]
    assert len(officials) > 2
    assert full["facet_entries"]["officials"] == {
        "total_entries": len(officials),
        "truncated": False,
    }
    two = client.get("/api/search?q=pelayanan&facet_size=2").get_json()
    assert two["facets"]["officials"] == officials[:2]
    assert two["facet_entries"]["size"] == 2
    assert two["facet_entries"]["officials"] == {
        "total_entries": len(officials),
        "truncated": True,
    }
    page = client.get("/?q=pelayanan&facet_size=2").get_data(as_text=True)
    more = len(officials) - 2
    assert f"and {more} more, not listed" in page
    assert "not listed" not in client.get("/?q=pelayanan").get_data(as_text=True)
    default = client.get("/api/search?q=pelayanan").get_json()
    assert default["facet_entries"]["size"] == 100
    for size in ("0", "1001", "x"):
        answer = client.get(f"/api/search?q=pelayanan&facet_size={size}")
        error = answer.get_json()["error"]
        assert answer.status_code == 400 and ("facet_size" in error or "facet size" in error)


def test_one_log_line_per_request(client, caplog):
    with caplog.at_level("INFO", logger="cari.web"):
        client.get("/?q=dilayani")
        client.get("/api/articles/unknown-id")
    lines = [r.getMessage() for r in caplog.records if r.name == "cari.web"]
    assert len(lines) == 2
    assert lines[0].startswith("GET /?q=dilayani 200 ")
    assert lines[1].startswith("GET /api/articles/unknown-id 404 ")


def test_a_very_long_query_is_not_echoed_in_full(client):
    # The query box and the links keep the whole query (it is the page's state); the title
    # and the result summary show its start only.
    page = client.get("/?q=" + "birokrasi " * 1000).get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    summary = re.search(r'<q lang="id">(.*?)</q>', page, re.S).group(1)
    assert len(title) < 120 and title.startswith("birokrasi")
    assert len(summary) <= 201 and summary.endswith("…")


def test_an_index_built_from_an_empty_folder_answers_every_page(tmp_path):
    from search.indexing.build import build

    (tmp_path / "seeds").mkdir()
    build(tmp_path / "seeds", tmp_path / "index")
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    for url, status in [
        ("/", 200),
        ("/?q=kpk", 200),
        ("/?q=birokra*&sort=newest", 200),
        ('/?q=exact:"tidak+akan"', 200),
        ("/api/search?q=kpk&from=2019-01-01", 200),
        ("/?q=kpk&official=Joko+Widodo", 400),
        ("/articles/x", 404),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
    assert client.get("/api/search?q=kpk").get_json()["total"] == 0


def _total(page: str) -> int:
    found = re.search(r'id="summary"><strong>([\d,]+)</strong>', page)
    assert found, "a results page states its total"
    return int(found.group(1).replace(",", ""))


def _follow(client, href: str):
    return client.get(html.unescape(href), follow_redirects=True)


@pytest.mark.parametrize(
    "url",
    [
        "/?q=netralitas+source%3Akompas.com",
        "/?q=netralitas+official%3Ajokowi+source%3Akompas.com",
        "/?q=birokrasi&official=Muhammad+Hudori&from=2022-01-01",
        "/?q=%22publik+pelayanan%22+dilayani&source=kompas.com",
        "/?q=exact%3A%22dilayani+publik%22+AND+netralitas",
    ],
)
def test_every_link_on_an_empty_page_finds_what_it_says(client, url):
    """Each relaxation finds the number of articles it promises, and each "remove filter"
    chip leads to the same search without that filter (a filter typed in the query moves
    into the URL's own parameters first, so removing it really removes it)."""
    response = client.get(url, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert _total(page) == 0
    relaxations = re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">([\d,]+)', page
    )
    assert relaxations, "an empty search over the seeds always has a way out"
    for href, label, count in relaxations:
        found = _follow(client, href).get_data(as_text=True)
        assert _total(found) == int(count.replace(",", "")) > 0, label
    chips = re.findall(
        r'<a class="chip removable" href="([^"]+)" aria-label="Remove filter ([^"]+)"', page
    )
    assert chips or ("source" not in url and "official" not in url)
    for href, label in chips:
        after = _follow(client, href).get_data(as_text=True)
        left = re.findall(r'aria-label="Remove filter ([^"]+)"', after)
        assert label not in left and len(left) == len(chips) - 1, label


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "without the speaker filter (Suhajar Diantoro)"), ("id", "tanpa filter pembicara")],
)
def test_an_empty_pages_way_out_names_the_filter_its_link_removes(client, lang, label):
    url = "/?q=wetipo&said=Suhajar+Diantoro&sort=newest"
    page = client.get(f"{url}&lang={lang}").get_data(as_text=True)
    links = dict(re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">', page))
    href = next(h for h, text in links.items() if text.startswith(label))
    kept = urllib.parse.parse_qs(urllib.parse.urlsplit(html.unescape(href)).query)
    assert kept == {"q": ["wetipo"], "sort": ["newest"]}


def test_a_filter_typed_in_the_query_becomes_a_filter_of_the_url(client):
    response = client.get("/?q=netralitas+source%3Akompas.com&page=1")
    assert response.status_code == 302
    assert response.location == "/?q=netralitas&page=1&source=kompas.com"
    typed_only = client.get("/?q=official%3Ajokowi")
    assert typed_only.location == "/?official=jokowi"
    # The JSON API answers at once, with the filters merged and the query without them.
    data = client.get("/api/search?q=netralitas+source%3Akompas.com").get_json()
    assert data["query"] == "netralitas" and data["filters"]["sources"] == ["kompas.com"]


@pytest.mark.parametrize(
    "q",
    [
        "official:jokowi OR",
        "pelayanan AND official:jokowi publik",
        "pelayanan official:jokowi AND publik",
        "source:kompas.com AND pungli publik",
        "NOT birokrasi official:jokowi",
        'official:"Tito Karnavian" birokrasi -pungli',
    ],
)
def test_moving_a_typed_filter_keeps_the_search(client, q):
    """The redirected URL finds what the typed query finds (operators next to the filter
    keep their meaning: "a AND official:x b" requires a)."""
    typed = client.get("/api/search", query_string={"q": q}).get_json()
    landed = client.get("/", query_string={"q": q}, follow_redirects=True)
    assert landed.request.args.get("official") or landed.request.args.get("source")
    assert _total(landed.get_data(as_text=True)) == typed["total"]


def test_other_parameters_survive_the_move_without_error(client):
    odd = client.get("/?q=official%3Ajokowi&endpoint=x&_anchor=y&size=1&page=2")
    assert odd.status_code == 302 and "endpoint=x" in odd.location and "page=2" in odd.location
    assert client.get(odd.location).status_code == 200
    many = client.get("/", query_string={"q": "source:kompas.com " * 21 + "pelayanan"})
    assert many.status_code == 302
    assert client.get(many.location).status_code == 200


def test_dates_typed_day_first_search_the_same_as_iso_dates(client):
    typed = client.get("/?q=pelayanan&from=1/4/2022&to=30/4/2022").get_data(as_text=True)
    iso = client.get("/api/search?q=pelayanan&from=2022-04-01&to=2022-04-30").get_json()
    assert iso["total"] > 0 and _total(typed) == iso["total"]
    worded = client.get("/?q=pelayanan&from=April+2022&to=April+2022").get_data(as_text=True)
    assert _total(worded) == iso["total"]


def test_a_bad_date_keeps_the_results_and_says_what_it_could_not_read(client):
    response = client.get("/?q=pelayanan&from=32/13/2019")
    page = response.get_data(as_text=True)
    everything = client.get("/api/search?q=pelayanan").get_json()
    assert response.status_code == 200 and _total(page) == everything["total"] > 0
    error = re.search(r'id="date-error">([^<]+)<', page)
    assert error and "32/13/2019" in error.group(1) and "without the date filter" in error.group(1)
    both = client.get("/?q=pelayanan&from=32/13/2019&to=1+Sept+2019x").get_data(as_text=True)
    said = html.unescape(re.search(r'id="date-error">([^<]+)<', both).group(1))
    sentences = re.split(r"(?<=\.) ", said)  # each problem a sentence of its own
    assert len(sentences) == 3 and all(s[0].isupper() or s[0] == "'" for s in sentences)
    assert "32/13/2019" in sentences[0] and "1 Sept 2019x" in sentences[1]
    assert 'id="facet-officials"' in page and 'id="timeline"' in page
    assert 'value="32/13/2019"' in page  # what was typed stays in the box, to correct it


def test_presets_are_ranges_ending_at_the_newest_article(client):
    """Ending at the newest article dated to the day: one dated only to a year (a seed says
    just '2025') has no day to count back from."""
    dates = [h["date"] for h in client.get("/api/search?sort=newest&size=100").get_json()["hits"]]
    assert any(d and len(d) == 4 for d in dates)
    newest = max(d for d in dates if d and len(d) == 10)
    page = client.get("/?q=pelayanan").get_data(as_text=True)
    presets = re.findall(r'href="[^"]*from=([\d-]+)&amp;to=([\d-]+)"[^>]*>([^<]+)</a>', page)
    labels = [label for _, _, label in presets]
    assert labels[:4] == ["Last 7 days", "Last 30 days", "This month", "This year"]
    assert {end for _, end, _ in presets[:4]} == {newest}


def test_the_coverage_shows_the_newest_date_as_precise_as_it_is_known(client):
    hits = client.get("/api/search?sort=newest&size=100").get_json()["hits"]
    dated = [h["date"] for h in hits if h["date"]]
    coverage = client.get("/api/coverage").get_json()
    assert coverage["last_shown"] == max(dated, key=lambda d: (d[:4], len(d), d))
    home = re.sub(r"<[^>]+>", "", client.get("/").get_data(as_text=True))
    assert f"to {coverage['last_shown']} " in home  # '2025', not '1 January 2025'
    # the busiest months count the articles dated to the month or the day, and only them
    months = {m["month"]: m["count"] for m in coverage["busiest_months"]}
    assert all(n == sum(d[:7] == m and len(d) >= 7 for d in dated) for m, n in months.items())


def test_nothing_in_dates_outside_the_archive_says_what_it_covers(client, engine):
    coverage = engine.coverage()
    before = coverage.first.year - 5
    page = client.get(f"/?q=pelayanan&from={before}&to={before}").get_data(as_text=True)
    assert _total(page) == 0 and 'id="outside-coverage"' in page
    inside = client.get(f"/?q=zzzqqqxx&from={coverage.first.year}").get_data(as_text=True)
    assert 'id="outside-coverage"' not in inside


def test_a_range_from_the_newest_articles_last_day_is_inside_the_archive(client):
    """The seeds' newest article is dated only to its year: a range starting on the last day
    of that year finds it, and is not said to lie outside the archive; the day after is."""
    newest = client.get("/api/coverage").get_json()["last_shown"]
    assert len(newest) == 4, "the seeds' newest date is a year"
    last_day, after = f"{newest}-12-31", f"{int(newest) + 1}-01-01"
    found = client.get(f"/api/search?from={last_day}").get_json()
    assert any(h["date"] == newest for h in found["hits"])
    page = client.get(f"/?q=zzzqqqxx&from={last_day}").get_data(as_text=True)
    assert 'id="outside-coverage"' not in page
    page = client.get(f"/?q=zzzqqqxx&from={after}").get_data(as_text=True)
    assert 'id="outside-coverage"' in page


def test_the_about_page_and_home_page_say_what_is_indexed(client, engine):
    everything = client.get("/api/search?sort=newest").get_json()
    about = client.get("/tentang").get_data(as_text=True)
    assert f"{everything['total']} article" in about
    sources = re.findall(
        r'source=([^&"]+)&amp;sort=newest">([^<]+)</a> <span class="count">(\d+)', about
    )
    assert {name: int(count) for _, name, count in sources} == {
        s["name"]: s["count"] for s in everything["facets"]["sources"]
    }
    assert "Busiest months" in about and "Last updated" in about
    home = client.get("/").get_data(as_text=True)
    assert 'id="coverage"' in home and f"{everything['total']} article" in home
    assert client.get("/api/coverage").get_json()["articles"] == everything["total"]


def _month_timeline(counts: list[int]):
    import datetime as dt

    from search.dates import period, period_label
    from search.model import Timeline, TimelineBar

    bars = []
    for i, count in enumerate(counts):
        start = dt.date(2018 + (10 + i) // 12, (10 + i) % 12 + 1, 1)
        label, tick = period_label(start, "month")
        bars.append(TimelineBar(label, tick, start, period(start, "month")[1], count))
    return Timeline(unit="month", bars=bars)


def test_the_timeline_shows_small_counts_years_and_collapses_long_empty_stretches(app):
    from web.templating import bar_class, timeline_items

    # November 2018 to October 2019: two busy months, four empty ones between.
    counts = [1, 38, 0, 0, 0, 0, 400, 0, 5, 2, 0, 7]
    with app.test_request_context("/?q=banjir&lang=en"):
        app.preprocess_request()
        html_bars = str(timeline_items(_month_timeline(counts)))
    heights = [bar_class(c, 400) for c in (1, 38, 400)]
    assert heights == ["h1", "h6", "h20"]  # square root: 38 of 400 is not a sliver like 1
    ticks = re.findall(r'<span class="tick" aria-hidden="true">([^<]+)</span>', html_bars)
    assert ticks[0] == "Nov 2018" and "Jan 2019" not in ticks  # January falls in the gap
    assert "May 2019" in ticks  # the first bar after the gap carries its year
    gaps = re.findall(r'<li class="gap" title="([^"]+)"', html_bars)
    assert gaps == ["January 2019 to April 2019: no article"]  # 4 empty months, one gap
    assert "1 article" in html_bars and "38 articles" in html_bars  # in text, not only height
    assert html_bars.count('class="bar none"') == 2  # June and September: too short for a gap


def test_an_official_has_a_page_with_roles_mentions_and_company(client):
    page = client.get("/pejabat/jokowi").get_data(as_text=True)  # an alias finds the page
    everything = client.get("/api/search?official=Joko+Widodo&sort=newest").get_json()
    assert "<h1>Joko Widodo</h1>" in page
    roles = re.findall(r"<li><strong lang=\"id\">([^<]+)</strong>", page)
    assert roles == ["Wali Kota Surakarta", "Gubernur DKI Jakarta", "Presiden"]  # the terms
    assert f"Named in {everything['total']} article" in page
    bars = re.findall(r'<a class="bar" href="([^"]+)"', page)
    assert bars and all("official=Joko+Widodo" in html.unescape(b) for b in bars)
    named_with = re.findall(
        r'href="/pejabat/([^"]+)"><span class="name">([^<]+)</span> <span class="count">(\d+)',
        page,
    )
    # counted among his own articles, most often first, then by name; he is not listed
    beside = Counter(
        o["name"] for h in everything["hits"] for o in h["officials"] if o["name"] != "Joko Widodo"
    )
    expected = sorted(beside.items(), key=lambda pair: (-pair[1], pair[0]))
    assert [(name, int(count)) for _, name, count in named_with] == expected[:15]
    latest = re.findall(r'<a href="/articles/([^"]+)">', page)
    assert latest == [h["id"] for h in everything["hits"]][: len(latest)] and latest
    assert 'name="official" value="Joko Widodo"' in page  # the search box is scoped to him
    assert client.get("/pejabat/Nobody+Here").status_code == 404


def test_the_officials_named_with_one_are_counted_among_their_own_articles(client):
    """Tito Karnavian is named in one seed, beside Suhajar Diantoro and Joko Widodo: each
    is named with him once, whatever the rest of the archive says of them."""
    page = client.get("/pejabat/Tito%20Karnavian").get_data(as_text=True)
    assert "Named in 1 article" in page
    section = re.search(r'<ul class="facet named-with" id="named-with">(.*?)</ul>', page, re.S)
    named_with = re.findall(
        r'<span class="name">([^<]+)</span> <span class="count">(\d+)', section.group(1)
    )
    assert named_with == [("Joko Widodo", "1"), ("Suhajar Diantoro", "1")]


def test_the_indonesian_pages_read_as_indonesian(client):
    """A citation is "sitasi" (a "kutipan" is a quote), the people quoted are the speakers
    ("Pembicara", not "Dikutip dari": quoted from an outlet), a count comes before its noun,
    and an error is a sentence."""
    client.set_cookie("lang", "id")
    article = client.get("/articles/002_4786081c4393efc4?q=dilayani").get_data(as_text=True)
    assert "<summary>Sitasi</summary>" in article and ">Salin sitasi</button>" in article
    assert re.search(r'id="match-count">\d+ kecocokan di teks untuk <q', article)
    page = client.get("/?q=pelayanan").get_data(as_text=True)
    assert '<h2 id="facet-said-h">Pembicara</h2>' in page and "Dikutip dari" not in page
    filtered = client.get("/?q=pelayanan&said=Wiyagus").get_data(as_text=True)
    assert "Pembicara: Akhmad Wiyagus" in filtered
    past = client.get("/?q=pelayanan&page=999")
    assert past.status_code == 400
    assert re.search(r'role="alert">Halaman 999 melewati halaman terakhir [^<]*\.<', past.text)


def test_a_date_range_typed_the_wrong_way_round_is_searched_the_right_way_round(client):
    """On the page, "from" after "to" is the range meant, swapped, with a note (and every
    link carries it swapped); the JSON API, for scripts, refuses it."""
    response = client.get("/?q=dilayani&from=31/12/2022&to=2022-01")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    note = re.search(r'<p class="note" id="dates-swapped">([^<]+)</p>', page).group(1)
    assert (
        note
        == "The dates were the wrong way round: searched from 1 January 2022 to 31 December 2022."
    )
    expected = client.get("/api/search?q=dilayani&from=2022-01&to=31/12/2022").get_json()
    assert _total(page) == expected["total"] > 0
    assert 'name="from" id="from" value="2022-01"' in page
    assert 'name="to" id="to" value="31/12/2022"' in page
    exports = [html.unescape(h) for h in re.findall(r'href="(/ekspor\.csv\?[^"]+)"', page)]
    carried = urllib.parse.parse_qs(urllib.parse.urlsplit(exports[0]).query)
    assert (carried["from"], carried["to"]) == (["2022-01"], ["31/12/2022"])
    assert client.get(exports[0]).status_code == 200
    assert client.get("/api/search?q=dilayani&from=31/12/2022&to=2022-01").status_code == 400


def _footer_json(page: str) -> str | None:
    footer = re.search(r'<footer class="site">(.*?)</footer>', page, re.S).group(1)
    link = re.search(r'<a href="([^"]+)"[^>]*>[^<]* as JSON</a>', footer)
    return html.unescape(link.group(1)) if link else None


@pytest.mark.parametrize(
    ("path", "json_path"),
    [
        ("/?q=dilayani&source=kompas.com", "/api/search?q=dilayani&source=kompas.com"),
        ("/articles/002_4786081c4393efc4?q=dilayani", "/api/articles/002_4786081c4393efc4"),
        ("/tentang", "/api/coverage"),
        ("/", "/api/coverage"),
        ("/pejabat/Tito%20Karnavian", None),
        ("/tersimpan", None),
        ("/articles/unknown-id?q=dilayani", None),
        ("/no-such-page", None),
    ],
)
def test_the_footers_json_link_is_this_pages_own(client, path, json_path):
    """The footer links the JSON of what the page shows, or nothing (not every article)."""
    page = client.get(path).get_data(as_text=True)
    assert _footer_json(page) == json_path
    if json_path:
        assert client.get(json_path).status_code == 200


def _main(page: str) -> str:
    return re.search(r"<main[^>]*>(.*?)</main>", page, re.S).group(1)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_unknown_officials_page_says_so_and_offers_the_names_meant(client, lang):
    response = client.get(f"/pejabat/Suhajar?lang={lang}")
    assert response.status_code == 404
    page = _main(response.get_data(as_text=True))
    said = {
        "en": "The archive names no official called Suhajar.",
        "id": "Arsip tidak menyebut pejabat bernama Suhajar.",
    }
    assert said[lang] in page and "article" not in page.lower()
    assert re.findall(r'<a href="(/pejabat/[^"]+)"', page) == ["/pejabat/Suhajar%20Diantoro"]
    nobody = client.get(f"/pejabat/Nobody%20Here?lang={lang}")
    assert nobody.status_code == 404
    page = _main(nobody.get_data(as_text=True))
    assert "Nobody Here" in page and "/pejabat/" not in page


def test_an_official_filter_with_a_title_finds_them_and_a_misspelt_one_offers_links(client):
    titled = client.get("/api/search?official=Pak+Tito+Karnavian").get_json()
    assert titled["filters"]["officials"] == ["Tito Karnavian"] and titled["total"] == 1
    refused = client.get("/api/search?q=birokrasi&official=Suhajar")
    assert refused.status_code == 400
    assert refused.get_json()["did_you_mean"] == [
        {"name": "Suhajar Diantoro", "url": "/api/search?q=birokrasi&official=Suhajar+Diantoro"}
    ]
    page = client.get("/?q=birokrasi&official=Suhajar")
    assert page.status_code == 400
    links = dict(
        re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', _main(page.get_data(as_text=True)))
    )
    href = next(h for h, name in links.items() if name == "Suhajar Diantoro")
    assert html.unescape(href) == "/?q=birokrasi&official=Suhajar+Diantoro"
    assert client.get(html.unescape(href)).status_code == 200


QUOTED = "Suhajar Diantoro"  # quoted in two seeds, six months apart


@pytest.mark.parametrize(
    ("url", "summary"),
    [
        ("/?q=dilayani", "5 articles for dilayani"),
        ("/?q=reformasi+birokrasi&official=Suhajar+Diantoro", "with some for reformasi birokrasi"),
        ("/?q=dilayani&lang=id", "5 artikel untuk dilayani"),
    ],
)
def test_the_summary_reads_as_a_sentence(client, url, summary):
    page = client.get(url).get_data(as_text=True)
    shown = re.search(r'<p class="summary" id="summary">(.*?)</p>', page, re.S).group(1)
    assert summary in " ".join(re.sub(r"<[^>]+>", "", shown).split())


def test_an_officials_page_shows_their_latest_quotes_with_article_date_and_outlet(client):
    page = client.get(f"/pejabat/{urllib.parse.quote(QUOTED)}").get_data(as_text=True)
    expected = client.get(f"/api/search?said={urllib.parse.quote(QUOTED)}&sort=newest").get_json()
    section = re.search(r'<ol class="quotes" id="quotes">(.*?)</ol>', page, re.S).group(1)
    items = re.findall(r'<li class="quoted">(.*?)</li>', section, re.S)
    assert len(items) == len(expected["hits"]) >= 2  # newest first, as the said: filter lists
    for item, hit in zip(items, expected["hits"], strict=True):
        quote = html.unescape(re.search(r"<blockquote[^>]*><p>“(.*?)”</p>", item, re.S).group(1))
        link = re.search(
            r'<a class="quote-article" href="/articles/([^"]+)"[^>]*>([^<]+)</a>', item
        )
        assert (link.group(1), html.unescape(link.group(2))) == (hit["id"], hit["title"])
        assert f'<time datetime="{hit["date"]}"' in item
        assert f'<span class="source">{hit["source"]}</span>' in item
        said = client.get(f"/api/articles/{hit['id']}").get_json()["quotes"]
        theirs = [q["text"] for q in said if q["speaker"] == QUOTED]
        assert any(quote.strip("… ") in text for text in theirs)  # their words, from that article
    everyone = f'href="/?said={urllib.parse.quote_plus(QUOTED)}&amp;sort=newest"'
    assert everyone in page and f"{expected['total']} articles quoting them" in page


def test_an_official_nobody_quotes_has_no_quotes_section(client):
    quoted = client.get("/api/search?said=Tito+Karnavian")
    assert quoted.status_code == 400  # no article quotes him
    page = client.get("/pejabat/Tito%20Karnavian").get_data(as_text=True)
    assert "<h1>Tito Karnavian</h1>" in page and 'id="quotes"' not in page


def test_an_officials_mentions_are_counted_by_week(client):
    page = client.get(f"/pejabat/{urllib.parse.quote(QUOTED)}").get_data(as_text=True)
    everything = client.get(f"/api/search?official={urllib.parse.quote(QUOTED)}").get_json()
    assert '<ol class="bars unit-week">' in page and "by week" in page
    bars = re.findall(
        r'<a class="bar" href="[^"]+" title="([^"]+)" data-from="([^"]+)" data-to="([^"]+)"', page
    )
    dated = [h for h in everything["hits"] if h["date"] and len(h["date"]) == 10]
    assert len(bars) == len({h["date"] for h in dated}) >= 2  # a week each, months apart
    for title, start, end in bars:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        assert first.weekday() == 0 and (last - first).days == 6  # Monday to Sunday
        inside = [h for h in dated if start <= h["date"] <= end]
        assert title.endswith(f": {len(inside)} article" + ("s" if len(inside) > 1 else ""))
    # the empty weeks between them are one marked gap, not twenty-five empty bars
    assert page.count('<li class="gap"') == 1


def test_every_official_chip_and_facet_entry_links_to_the_officials_page(client):
    page = client.get("/?q=pelayanan").get_data(as_text=True)
    facet = re.search(r'<ul class="facet" id="facet-officials">(.*?)</ul>', page, re.S).group(1)
    entries = re.findall(r'data-official="([^"]+)"', facet)
    profiles = re.findall(r'<a class="profile" href="/pejabat/([^"]+)"', facet)
    assert entries and [html.unescape(n) for n in entries] == [
        urllib.parse.unquote(p) for p in profiles
    ]
    for hit in re.findall(r'<ul class="chips" aria-label="Officials named">(.*?)</ul>', page):
        assert hit.count('class="chip') == hit.count('class="profile"')
    for path in set(profiles):
        assert client.get(f"/pejabat/{path}").status_code == 200


@pytest.fixture(scope="module")
def banjir_client(tmp_path_factory: pytest.TempPathFactory):
    """The web app over the shared corpus's articles about floods (banjir), as exported."""
    import json

    from search.indexing.build import build
    from tests.conftest import corpus_records

    folder = tmp_path_factory.mktemp("banjir-seeds")
    lines = [
        json.dumps(r, ensure_ascii=False)
        for r in corpus_records(None)
        if "banjir" in (r.get("title", "") + r.get("body", "")).lower()
    ]
    (folder / "banjir.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("banjir-index")
    build(folder, index)
    client = create_app({"INDEX_DIR": str(index)}).test_client()
    client.set_cookie("lang", "en")
    return client


@pytest.mark.corpus
def test_flood_reports_of_september_2019_by_dates_typed_day_first(banjir_client):
    page = banjir_client.get("/?q=banjir&from=1/9/2019&to=30/9/2019").get_data(as_text=True)
    api = banjir_client.get("/api/search?q=banjir&from=2019-09-01&to=2019-09-30&size=100")
    expected = api.get_json()
    articles = re.search(r"<strong>([\d,]+)</strong> articles?", page).group(1)
    assert int(articles.replace(",", "")) == expected["total"] > 10
    assert all(h["date"].startswith("2019-09") for h in expected["hits"] if h["date"])
    bad = banjir_client.get("/?q=banjir&from=32/13/2019").get_data(as_text=True)
    every = banjir_client.get("/api/search?q=banjir").get_json()["total"]
    assert re.search(rf"<strong>{every:,}</strong> articles?", bad)
    assert "32/13/2019" in re.search(r'id="date-error">([^<]+)<', bad).group(1)
    january = banjir_client.get("/?q=banjir&from=1/1/2019&to=31/1/2019").get_data(as_text=True)
    assert _total(january) == 0 and 'id="outside-coverage"' in january


def test_a_page_of_partial_matches_only_has_no_empty_list_above_the_divider(client):
    data = client.get("/api/search?q=pelayanan+desa&size=1").get_json()
    assert data["total_all_words"] >= 1 and data["total_partial"] >= 1
    page = client.get(f"/?q=pelayanan+desa&size=1&page={data['total_all_words'] + 1}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="partial-hits"' in text
    assert 'id="hits"' not in text  # no empty <ol> before the divider


def _links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


def test_a_page_read_with_its_last_word_completed_keeps_that_reading_in_every_link(client):
    """`birok` being typed (complete=1) finds birokrasi: the page's facets, pager, timeline,
    article links and exports carry complete=1, so what they lead to is what the page counts
    (read as typed, `birok` is a word no article has)."""
    search = "q=birok&complete=1&size=1"
    page = client.get("/?" + search).get_data(as_text=True)
    total = client.get("/api/search?" + search).get_json()["total"]
    assert total > 1 and client.get("/api/search?q=birok&as_typed=1").get_json()["total"] == 0
    leading = [
        link
        for link in _links(page)
        if link.startswith(("/?", "/articles/", "/ekspor", "/api/search")) and "q=birok" in link
    ]
    kinds = {link.split("?")[0].split("/")[1] for link in leading}
    assert {"", "articles", "ekspor.csv", "ekspor.json", "api"} <= kinds
    assert "page=2" in " ".join(leading) and "official=" in " ".join(leading)
    assert [link for link in leading if "complete=1" not in link] == []
    facet = re.search(r'<a href="([^"]+)" class="facet-link" data-official="[^"]+"', page)
    count = int(re.search(r'class="count">([\d,]+)<', page[facet.end() :]).group(1))
    followed = client.get(html.unescape(facet.group(1))).get_data(as_text=True)
    shown = re.search(r"<strong>([\d,]+)</strong> articles?", followed).group(1)
    assert int(shown) == count
    article_link = next(link for link in leading if link.startswith("/articles/"))
    article = client.get(article_link).get_data(as_text=True)
    back = html.unescape(re.search(r'id="back" href="([^"]+)"', article).group(1))
    assert "complete=1" in back and "q=birok" in back
    assert re.search(r"<mark>[Bb]irokrasi</mark>", article)


def test_a_filter_still_being_typed_is_left_out_not_refused(client):
    """`said:karnav` while typing names no one yet: no 400, the filter is left out (and
    said so), and the page is not redirected to a `said=karnav` filter that would be."""
    page = client.get("/?q=said:karnav&complete=1")
    assert page.status_code == 200
    assert "said:karnav is left out" in page.get_data(as_text=True)
    assert client.get("/api/search?q=said:karnav&complete=1").status_code == 200
    assert client.get("/api/search?q=said:karnav").status_code == 400


def test_said_for_an_official_nobody_quotes_offers_the_official_filter(client):
    """Tito Karnavian is named in a seed but quoted in none: said= says where he is, as the
    official filter with its link, in the API, the page and a query's own syntax."""
    refused = client.get("/api/search?q=birokrasi&said=Tito+Karnavian")
    assert refused.status_code == 400
    data = refused.get_json()
    assert data["error"] == (
        "no article quotes 'Tito Karnavian'; Tito Karnavian is named as an official in 1"
        " article: official=Tito Karnavian"
    )
    assert data["other_filter"] == {
        "filter": "official",
        "name": "Tito Karnavian",
        "articles": 1,
        "url": "/api/search?q=birokrasi&official=Tito+Karnavian",
    }
    assert client.get(data["other_filter"]["url"]).get_json()["total"] == 1
    typed = client.get("/api/search?q=birokrasi+said:tito").get_json()
    assert typed["error"].endswith(': official:"Tito Karnavian"')
    page = client.get("/?q=birokrasi&said=Tito+Karnavian")
    assert page.status_code == 400
    main = _main(page.get_data(as_text=True))
    other = re.search(r'<p class="suggestion" id="other-filter">(.*?)</p>', main).group(1)
    assert other.startswith("Tito Karnavian is named as an official in 1 article: <a href=")
    href = html.unescape(re.search(r'href="([^"]+)"', other).group(1))
    assert href == "/?q=birokrasi&official=Tito+Karnavian"
    assert client.get(href).status_code == 200


# Corpus articles quoting Dedi Prasetyo (a police spokesman: no post the officials count) and
# Febri Diansyah (KPK spokesman), and one naming the official Ferdiansyah.
SPOKESMEN = [
    "clickid-0a2891da8bc11769",
    "clickid-55398a03236c8eca",
    "clickid-90a0450aabee36ef",
    "clickid-449df52537d9dd30",
    "clickid-395c1b080288f3fa",
]


def test_official_for_a_person_only_quoted_offers_said_not_another_official(tmp_path):
    """`official=Dedi Prasetyo` names the filter that finds him (said=), with its link, as
    his official's page does; `official=Febri Diansyah` no longer offers the official
    Ferdiansyah."""
    from search.indexing.build import build_articles
    from search.ingest.records import extract_record
    from tests.corpus import records_with_ids

    found = records_with_ids(set(SPOKESMEN))
    build_articles([extract_record(r).article for r in found.values()], tmp_path)
    client = create_app({"INDEX_DIR": str(tmp_path), "TESTING": True}).test_client()
    client.set_cookie("lang", "en")
    dedi = client.get("/api/search?official=Dedi+Prasetyo").get_json()
    assert dedi["error"] == (
        "no article names the official 'Dedi Prasetyo'; Dedi Prasetyo is quoted in 2"
        " articles: said=Dedi Prasetyo"
    )
    assert dedi["other_filter"]["url"] == "/api/search?said=Dedi+Prasetyo"
    assert client.get(dedi["other_filter"]["url"]).get_json()["total"] == 2
    febri = client.get("/api/search?official=Febri+Diansyah").get_json()
    assert febri["did_you_mean"] == [] and "Ferdiansyah" not in febri["error"]
    assert febri["other_filter"]["name"] == "Febri Diansyah"
    page = _main(client.get("/?official=Febri+Diansyah").get_data(as_text=True))
    assert 'id="did-you-mean"' not in page
    assert re.search(r'id="other-filter">Febri Diansyah is quoted in 2 articles: <a ', page)
    profile = client.get("/pejabat/Dedi%20Prasetyo")
    assert profile.status_code == 404
    link = re.search(
        r'id="other-filter">Dedi Prasetyo is quoted in 2 articles: <a href="([^"]+)"',
        _main(profile.get_data(as_text=True)),
    )
    assert html.unescape(link.group(1)) == "/?said=Dedi+Prasetyo"
    # an office, or a word of it, is not offered as a person quoted ("Prasetyo" of the
    # office-like "Kapolri Prasetyo" would be read as part of his name)
    office = client.get("/api/search?official=Kabid+Humas+Prasetyo").get_json()
    assert office["other_filter"] is None


def test_the_hint_to_quote_a_name_is_for_a_name_typed_in_the_query(client):
    """`official:suhajar` typed in a query is told to quote the name it may mean; the same
    name as the URL parameter is not (no quotes there)."""
    url = client.get("/api/search?q=birokrasi&official=suhajar").get_json()
    typed = client.get("/api/search?q=birokrasi+official:suhajar").get_json()
    assert [m["name"] for m in url["did_you_mean"]] == ["Suhajar Diantoro"]
    assert [m["name"] for m in typed["did_you_mean"]] == ["Suhajar Diantoro"]
    assert url["error"] == "no article names the official 'suhajar'; did you mean Suhajar Diantoro?"
    assert typed["error"] == url["error"] + (
        ' (in a query, a name of several words is quoted: official:"Suhajar Diantoro")'
    )
    assert url["other_filter"] is typed["other_filter"] is None  # quoted, and an official
