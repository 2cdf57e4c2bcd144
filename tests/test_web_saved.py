"""Saved searches in the web: saved from a results page (a CSRF-safe POST) into the same TOML
file as `cari saved`, listed at /tersimpan, each with an Atom feed and a CSV that equals
`cari saved run --format csv`; any search exported as CSV or JSON, streamed and bounded."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

import pytest

from search.cli import cli
from search.indexing.build import build
from search.saved.queries import load_queries
from tests.conftest import SEEDS_DIR
from tests.test_updater import NEW_WORD
from web import create_app

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture()
def site(tmp_path: Path):
    """Its own seeds, index and queries file: the tests save searches and update the index."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    index = tmp_path / "index"
    build(seeds, index)
    queries = tmp_path / "queries.toml"
    app = create_app({"INDEX_DIR": str(index), "QUERIES_FILE": str(queries), "RESULT_CACHE": 0})
    client = app.test_client()
    client.set_cookie("lang", "en")
    return client, seeds, index, queries


def _save(client, name: str, **fields) -> object:
    page = client.get("/?q=" + fields.get("q", "")).get_data(as_text=True)
    token = re.search(r'name="csrf" value="([0-9a-f]{32})"', page).group(1)
    return client.post("/tersimpan", data={"csrf": token, "name": name, **fields})


def test_a_search_saved_from_the_page_is_a_saved_query_of_the_cli(site, runner):
    client, _, _, queries = site
    saved = _save(client, "layanan", q="pelayanan publik", official="Joko Widodo", to="30/9/2022")
    assert saved.status_code == 303 and saved.headers["Location"].endswith("/tersimpan#q-layanan")
    listed = runner.invoke(cli, ["saved", "list", "--queries", str(queries)])
    assert "layanan" in listed.output and "officials: Joko Widodo" in listed.output
    assert "… to 2022-09-30" in listed.output  # the date as typed, stored as a date
    page = client.get("/tersimpan").get_data(as_text=True)
    assert 'id="q-layanan"' in page and 'href="/tersimpan/layanan.atom"' in page
    again = _save(client, "layanan", q="x")
    assert again.status_code == 400 and "exists" in again.get_data(as_text=True)


def test_the_page_saves_at_most_max_web_saved_searches(site, runner):
    """Anyone reaching the page may save a search, and the page and each morning's run run
    them all: past MAX_WEB_SAVED the page refuses with how to make room; the CLI, the
    operator's, may add more."""
    from search.config import MAX_WEB_SAVED
    from search.saved.queries import SavedQuery, add_query

    client, _, _, queries = site
    for n in range(MAX_WEB_SAVED):
        add_query(queries, SavedQuery(name=f"q{n}", query="pelayanan"))
    refused = _save(client, "satu-lagi", q="pelayanan")
    assert refused.status_code == 400
    assert "remove some with 'cari saved rm NAME'" in html.unescape(refused.get_data(as_text=True))
    assert len(load_queries(queries)) == MAX_WEB_SAVED
    added = runner.invoke(
        cli, ["saved", "add", "satu-lagi", "pelayanan", "--queries", str(queries)]
    )
    assert added.exit_code == 0 and len(load_queries(queries)) == MAX_WEB_SAVED + 1


def test_saving_needs_the_sites_own_token(site):
    client, _, _, queries = site
    client.get("/?q=pelayanan")  # the visitor has a token cookie...
    forged = client.post("/tersimpan", data={"name": "x", "q": "pelayanan", "csrf": "0" * 32})
    assert forged.status_code == 400 and not queries.exists()  # ...another site cannot read it
    missing = client.post("/tersimpan", data={"name": "x", "q": "pelayanan"})
    assert missing.status_code == 400 and not queries.exists()
    page = client.get("/?q=pelayanan").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([0-9a-f]{32})"', page).group(1)
    other_origin = client.post(
        "/tersimpan",
        data={"name": "x", "q": "pelayanan", "csrf": token},
        headers={"Origin": "https://elsewhere.example"},
    )
    assert other_origin.status_code == 400 and not queries.exists()
    cross_site = client.post(
        "/tersimpan",
        data={"name": "x", "q": "pelayanan", "csrf": token},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert cross_site.status_code == 400 and not queries.exists()
    own = client.post("/tersimpan", data={"name": "x", "q": "pelayanan", "csrf": token})
    assert own.status_code == 303 and queries.exists()


def _plain(snippet_html: str) -> str:
    import html

    return html.unescape(re.sub(r"</?mark>", "", snippet_html))


# RFC 3339 date-times, as Atom's updated elements must be (RFC 4287 section 3.3).
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _one(parent: ET.Element, tag: str) -> str:
    found = parent.findall(f"{ATOM}{tag}")
    assert len(found) == 1, f"{parent.tag} must have exactly one {tag}, has {len(found)}"
    return found[0].text or ""


def _valid_atom(text: bytes) -> ET.Element:
    """The feed, parsed, after checking what RFC 4287 requires of it: one id (an absolute
    IRI), title and updated (RFC 3339) in the feed and in each entry, an author for every
    entry (its own or the feed's), a link or content for each entry, unique entry ids."""
    feed = ET.fromstring(text)
    assert feed.tag == f"{ATOM}feed"
    for parent in (feed, *feed.findall(f"{ATOM}entry")):
        assert urlparse(_one(parent, "id")).scheme in ("http", "https", "urn", "tag")
        assert _one(parent, "title").strip()
        assert RFC3339.match(_one(parent, "updated")), _one(parent, "updated")
        for link in parent.findall(f"{ATOM}link"):
            assert urlparse(link.get("href", "")).scheme in ("http", "https")
    feed_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        assert feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        alternate = [
            link for link in entry.findall(f"{ATOM}link") if link.get("rel") in (None, "alternate")
        ]
        assert alternate or entry.find(f"{ATOM}content") is not None
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1
    return feed


def _feed(client, name: str) -> ET.Element:
    response = client.get(f"/tersimpan/{name}.atom")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    return _valid_atom(response.data)


@pytest.mark.parametrize(
    "broken",
    [
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title></feed>",  # no id, updated
        "<feed xmlns='http://www.w3.org/2005/Atom'><id>http://x/</id><title>x</title>"
        "<updated>2 Sept 2019</updated><link rel='self' href='http://x/'/></feed>",
        "<rss><channel><title>x</title></channel></rss>",
    ],
)
def test_the_feed_check_refuses_what_is_not_atom(broken):
    with pytest.raises(AssertionError):
        _valid_atom(broken.encode())


def test_the_atom_feed_is_valid_newest_first_and_lists_new_articles_after_an_update(site, runner):
    client, seeds, index, _ = site
    assert _save(client, "layanan", q="pelayanan").status_code == 303
    feed = _feed(client, "layanan")
    entries = feed.findall(f"{ATOM}entry")
    expected = client.get("/api/search?q=pelayanan&sort=newest").get_json()["hits"]
    assert [e.findtext(f"{ATOM}title") for e in entries] == [h["title"] for h in expected]
    for entry, hit in zip(entries, expected, strict=True):
        assert entry.findtext(f"{ATOM}summary") == _plain(hit["snippet"])
    updated = [e.findtext(f"{ATOM}updated") for e in entries if e.findtext(f"{ATOM}updated")]
    dated = [u for u, h in zip(updated, expected, strict=True) if h["date"]]
    assert dated == sorted(dated, reverse=True)
    (seeds / "100_new.txt").write_text(
        f"Pelayanan Publik di {NEW_WORD} Dipercepat\n\n{NEW_WORD.upper()}, KOMPAS.com - Pemerintah"
        f" daerah {NEW_WORD} mempercepat pelayanan publik dengan loket baru di setiap kecamatan,"
        " Senin (30/9/2019).\n\nWarga kini dilayani lebih cepat tanpa antrean panjang.\n",
        encoding="utf-8",
    )
    updated_run = runner.invoke(cli, ["update", "--seeds", str(seeds), "--index", str(index)])
    assert updated_run.exit_code == 0, updated_run.output
    titles = [e.findtext(f"{ATOM}title") for e in _feed(client, "layanan").findall(f"{ATOM}entry")]
    assert any(NEW_WORD in t for t in titles) and len(titles) == len(entries) + 1


def test_the_csv_of_a_saved_search_equals_cari_saved_run(site, runner):
    client, _, index, queries = site
    assert _save(client, "birokrasi", q="birokrasi", sort="newest").status_code == 303
    web = client.get("/tersimpan/birokrasi.csv")
    assert web.status_code == 200 and web.mimetype == "text/csv"
    args = ["saved", "run", "birokrasi", "--format", "csv"]
    cli_run = runner.invoke(cli, [*args, "--queries", str(queries), "--index", str(index)])
    assert cli_run.exit_code == 0 and web.get_data(as_text=True) == cli_run.output
    assert len(cli_run.output.splitlines()) > 1


def test_the_csv_export_of_a_search_equals_cari_saved_run_of_it_saved(site, runner):
    """The results page's CSV link, and the same search saved under its own words as name:
    `cari saved run NAME --format csv` prints the same file (while the search has no more
    hits than a saved run lists)."""
    client, _, index, queries = site
    page = client.get("/?q=pelayanan&from=1/1/2022&sort=newest").get_data(as_text=True)
    link = html.unescape(re.search(r'<a href="(/ekspor\.csv\?[^"]+)" download>', page).group(1))
    exported = client.get(link).get_data(as_text=True)
    fields = {"q": "pelayanan", "from": "1/1/2022", "sort": "newest"}
    assert _save(client, "pelayanan", **fields).status_code == 303
    args = ["saved", "run", "pelayanan", "--format", "csv", "--queries", str(queries)]
    cli_run = runner.invoke(cli, [*args, "--index", str(index)])
    assert cli_run.exit_code == 0 and exported == cli_run.output
    dates = [row[3] for row in csv.reader(io.StringIO(exported))][1:]
    assert dates and all(d >= "2022" for d in dates)  # the date filter held


def test_any_search_exports_as_csv_and_json_with_the_saved_run_columns(site):
    client, _, _, _ = site
    everything = client.get("/api/search?q=pelayanan").get_json()
    exported = client.get("/ekspor.csv?q=pelayanan")
    assert exported.is_streamed and "attachment" in exported.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True))))
    from search.saved.formats import CSV_COLUMNS

    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[2] for r in rows[1:]] == [h["id"] for h in everything["hits"]]
    data = json.loads(client.get("/ekspor.json?q=pelayanan").get_data(as_text=True))
    assert [h["id"] for h in data["hits"]] == [h["id"] for h in everything["hits"]]
    assert client.get("/ekspor.csv?q=x&sort=random").status_code == 400
    assert client.get("/ekspor.xml?q=x").status_code == 404


def test_an_export_records_its_search_and_is_named_after_its_query(site):
    client, _, _, _ = site
    search = (
        "q=pelayanan+publik&official=Joko+Widodo&said=Suhajar+Diantoro&source=kompas.com"
        "&from=2022-01&to=2022-12&sort=newest"
    )
    exported = client.get(f"/ekspor.csv?{search}")
    disposition = exported.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="cari-pelayanan-publik.csv"'
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    described = (
        "officials: Joko Widodo · sources: kompas.com · said: Suhajar Diantoro"
        " · 2022-01-01 to 2022-12-31 · newest first"
    )
    assert rows and all((r["query"], r["filters"]) == ("pelayanan publik", described) for r in rows)
    data = client.get(f"/ekspor.json?{search}")
    assert data.headers["Content-Disposition"].endswith('filename="cari-pelayanan-publik.json"')
    head = json.loads(data.get_data(as_text=True))
    assert (head["query"], head["sort"], head["limit"]) == ("pelayanan publik", "newest", 10_000)
    assert head["filters"] == {
        "officials": ["Joko Widodo"],
        "sources": ["kompas.com"],
        "said": ["Suhajar Diantoro"],
        "from": "2022-01-01",
        "to": "2022-12-31",
        "undated": False,
        "partial": False,
    }
    assert [h["id"] for h in head["hits"]] == [r["id"] for r in rows] != []
    for query, name in [
        ("Revisi UU KPK: «Jokowi» / café", "cari-revisi-uu-kpk-jokowi-cafe.csv"),
        ("", "cari.csv"),
        ("“”", "cari.csv"),
        ("a" * 300, "cari-" + "a" * 60 + ".csv"),
    ]:
        got = client.get("/ekspor.csv", query_string={"q": query, "sort": "newest"})
        assert got.headers["Content-Disposition"] == f'attachment; filename="{name}"', query
        got.get_data()  # the stream read to its end


def test_exports_stop_at_the_limit(site):
    from search.model import SearchRequest
    from search.saved.queries import result_pages

    client, _, _, _ = site
    engine = client.application.extensions["cari_engine"]
    everything = SearchRequest(sort="newest")
    assert [len(p) for p in result_pages(engine, everything, limit=3)] == [3]
    assert sum(len(p) for p in result_pages(engine, everything, limit=1000)) == 5


@pytest.mark.corpus
@pytest.mark.parametrize("query", ["banjir jakarta", "polisi"])
def test_an_export_lists_every_result_copies_grouped_partial_matches_too(corpus_engine, query):
    """The pages of an export are counted as the results page counts them: stories (copies of
    one story are one result), those with all the words, then those with some. Counting them
    by articles asked for a page past the last (the file cut short) or stopped at the first
    page when the query had partial matches."""
    from search.model import SearchRequest
    from search.saved.queries import listed_count, result_pages

    request = SearchRequest(query)
    first = corpus_engine.search(request)
    assert first.found_stories != first.total or first.total_partial  # the two counts differ
    ids = [h.id for page in result_pages(corpus_engine, request) for h in page]
    assert len(ids) == len(set(ids)) == min(listed_count(first), 10_000) > 100


def test_a_saved_search_naming_no_one_in_the_archive_says_so(site, runner):
    client, _, index, queries = site
    add = ["saved", "add", "bad", "x", "--official", "Nobody Atall", "--force"]
    assert (
        runner.invoke(cli, [*add, "--queries", str(queries), "--index", str(index)]).exit_code == 0
    )
    problem = "no article names the official 'Nobody Atall'"
    listed = client.get("/tersimpan").get_data(as_text=True)
    item = re.search(r'<li id="q-bad">(.*?)</li>', listed, re.S).group(1)
    assert problem in html.unescape(item)
    download = client.get("/tersimpan/bad.csv")
    assert download.status_code == 400
    assert f"{problem[:1].upper()}{problem[1:]}" in html.unescape(download.get_data(as_text=True))
    feed = client.get("/tersimpan/bad.atom")  # a feed reader shows the subtitle
    assert feed.status_code == 200 and problem in html.unescape(feed.get_data(as_text=True))
    assert _save(client, "typo", q="x", official="Nobody Atall").status_code == 400
    assert "typo" not in load_queries(queries)


def test_a_search_saved_from_the_page_keeps_the_people_quoted(site):
    client, _, _, queries = site
    page = client.get("/?q=pelayanan&said=Wiyagus").get_data(as_text=True)
    kept = re.findall(r'<input type="hidden" name="said" value="([^"]+)">', page)
    assert kept and all("Wiyagus" in name for name in kept)
    assert _save(client, "kata", q="pelayanan", said=kept).status_code == 303
    from search.saved.queries import load_queries

    assert load_queries(queries)["kata"].said == tuple(kept)


def test_a_saved_query_s_link_lists_what_a_run_of_it_lists(site):
    """/tersimpan links each saved query to the search page with every filter it runs with:
    the people quoted (`said`) and a relative period (`last`) as the dates it covers today;
    the page then lists what the saved query's CSV lists."""
    client, _, _, queries = site
    queries.write_text(
        '[queries.kata]\nquery = "pelayanan"\nsaid = ["Wiyagus"]\n\n'
        '[queries.baru]\nquery = "pelayanan"\nlast = "5 years"\nsort = "newest"\n',
        encoding="utf-8",
    )
    page = client.get("/tersimpan").get_data(as_text=True)
    for name in ("kata", "baru"):
        link = re.search(rf'<li id="q-{name}"[^>]*>\s*<a class="name" href="([^"]+)"', page)
        url = html.unescape(link.group(1))
        assert ("said=Wiyagus" in url) if name == "kata" else ("from=" in url and "to=" in url)
        listed = client.get(url.replace("/?", "/api/search?", 1) + "&size=100").get_json()
        rows = list(
            csv.reader(io.StringIO(client.get(f"/tersimpan/{name}.csv").get_data(as_text=True)))
        )
        assert [h["id"] for h in listed["hits"]] == [r[2] for r in rows[1:]]
    kata = client.get("/api/search?q=pelayanan&said=Wiyagus").get_json()
    assert 0 < kata["total"] < client.get("/api/search?q=pelayanan").get_json()["total"]


def test_feed_links_use_the_configured_address_not_the_host_a_request_names(
    tmp_path: Path, seed_index: Path
):
    """A feed reader follows a feed's links from elsewhere: with BASE_URL (`cari serve
    --base-url`, $CARI_BASE_URL) they are under it whatever Host header the request sent;
    without it, under the request's host."""
    queries = tmp_path / "queries.toml"
    queries.write_text('[queries.layanan]\nquery = "pelayanan"\n', encoding="utf-8")
    base = "https://cari.example.id/arsip"
    feeds = {}
    for address in (base, None):
        app = create_app(
            {"INDEX_DIR": str(seed_index), "QUERIES_FILE": str(queries), "BASE_URL": address}
        )
        response = app.test_client().get(
            "/tersimpan/layanan.atom", headers={"Host": "evil.example"}
        )
        feeds[address] = _valid_atom(response.data)
    links = [link.get("href") for link in feeds[base].iter(f"{ATOM}link")]
    links += [e.text for e in feeds[base].iter(f"{ATOM}id") if e.text.startswith("http")]
    assert len(links) > 2 and all(link.startswith(f"{base}/") for link in links), links
    assert not any("evil.example" in link for link in links)
    unset = [link.get("href") for link in feeds[None].iter(f"{ATOM}link")]
    assert unset and all(link.startswith("http://evil.example/") for link in unset)


BAD_ADDRESSES = [
    "cari.example.id",
    "ftp://x",
    "http://x:99999",
    "http://a b",
    "https://h/p?",  # feed links would go after the "?"
    "https://h#",
    "http://[::1",
]


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_serve_refuses_an_address_that_is_no_web_address(runner, address):
    result = runner.invoke(cli, ["serve", "--base-url", address, "--get", "/"])
    assert result.exit_code == 2 and "--base-url" in result.output and address in result.output


def test_a_bad_address_in_the_environment_is_named_as_such(runner, monkeypatch):
    monkeypatch.setenv("CARI_BASE_URL", BAD_ADDRESSES[-1])
    result = runner.invoke(cli, ["serve", "--get", "/"])
    assert result.exit_code == 2 and "$CARI_BASE_URL" in result.output
    assert "--base-url" not in result.output.splitlines()[-1]
