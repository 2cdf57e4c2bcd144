"""Web security: whatever documents and queries hold is shown as text, never run; security
headers on every response; article ids reach nothing outside the index; debug is off and the
server binds 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from search.cli import cli
from search.config import DEFAULT_HOST
from search.indexing.build import build, build_articles
from search.ingest.seeds import read_articles
from search.model import Article
from tests.conftest import SEEDS_DIR
from web import create_app
from web.templating import shown_text

XSS = '"><script>alert(1)</script>'
ATTR = "' onerror='alert(2)' x='"
JS_URL = "javascript:alert(3)"
IMG = "<img src=x onerror=alert(4)>"
HOSTILE_ID = "x\"><img src=x onerror=alert(5)> & 'q'"

HOSTILE_SEED = f"""Pejabat {XSS} Bicara {ATTR} Pelayanan Publik

JAKARTA, KOMPAS.com - Gubernur Jawa Tengah Ganjar Pranowo menyebut {XSS} dan {IMG} bukan bagian dari pelayanan publik, kata dia di {JS_URL} dan {ATTR}, Senin (10/9/2019).

Ia meminta agar semua pelayanan publik dilayani dengan cepat, lihat <a href="{JS_URL}">tautan</a>.
"""


class _Page(HTMLParser):
    """Every tag with its attributes, and the page's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def attr_values(self, tag: str, name: str) -> list[str]:
        return [a[name] for t, a in self.tags if t == tag and name in a]


def assert_nothing_runs(html: str) -> _Page:
    """No script but the app's own file, no event-handler attribute, no link to a scheme
    that runs code: everything hostile was escaped into text or a harmless value."""
    page = _Page(html)
    scripts = [a for t, a in page.tags if t == "script"]
    assert all(urlsplit(a.get("src", "")).path.startswith("/static/") for a in scripts), scripts
    assert [t for t, _ in page.tags if t in {"img", "iframe", "object", "embed", "svg"}] == []
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for key in ("href", "src", "action", "formaction"):
            if key in attrs:
                scheme = urlsplit(attrs[key].strip()).scheme.lower()
                assert scheme in ("", "http", "https"), (tag, key, attrs[key])
    return page


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real seeds, a hostile article, and one whose file name (its id) is hostile."""
    seeds = tmp_path_factory.mktemp("hostile-seeds")
    shutil.copytree(SEEDS_DIR, seeds, dirs_exist_ok=True)
    (seeds / "901_hostile.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    (seeds / f"{HOSTILE_ID}.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    index = tmp_path_factory.mktemp("hostile-index")
    report = build(seeds, index)
    assert report.indexed == 7 and not report.problems
    return index


@pytest.fixture()
def hostile_client(hostile_index: Path):
    return create_app({"INDEX_DIR": str(hostile_index)}).test_client()


@pytest.mark.parametrize("query", [XSS, ATTR, JS_URL, IMG, f"pelayanan {XSS}", "\x00" + XSS])
def test_a_hostile_query_is_shown_as_text(hostile_client, query: str):
    response = hostile_client.get(f"/?q={quote(query)}")
    page = assert_nothing_runs(response.get_data(as_text=True))
    # The search box holds the query as typed: escaped, not dropped or mangled (a control
    # character, invalid in HTML, is a space, as the query parser reads it).
    assert page.attr_values("input", "value")[0] == shown_text(query.strip())


def test_hostile_documents_are_shown_as_text(hostile_client):
    html = hostile_client.get("/?q=pelayanan").get_data(as_text=True)
    page = assert_nothing_runs(html)
    text = "".join(page.text)
    assert XSS in text and IMG in text and JS_URL in text
    links = page.attr_values("a", "href")
    article_link = next(h for h in links if h.startswith("/articles/x%22"))
    assert hostile_client.get(article_link).status_code == 200


@pytest.mark.parametrize("article_id", ["901_hostile", HOSTILE_ID])
def test_a_hostile_article_page_is_shown_as_text(hostile_client, article_id: str):
    response = hostile_client.get(f"/articles/{quote(article_id)}?q={quote(XSS + ' pelayanan')}")
    assert response.status_code == 200
    page = assert_nothing_runs(response.get_data(as_text=True))
    text = "".join(page.text)
    assert XSS in text and IMG in text and f'<a href="{JS_URL}">' in text


@pytest.mark.parametrize(
    "url",
    [
        f"/?q=x&official={quote(XSS)}",
        f"/?q=x&source={quote(XSS)}&official={quote(ATTR)}",
        f"/?q=x&from={quote(XSS)}",
        f"/?q=x&sort={quote(ATTR)}",
        f"/articles/{quote(XSS, safe='')}",
        f"/nothing/{quote(IMG, safe='')}",
    ],
)
def test_hostile_parameters_and_error_pages_are_shown_as_text(hostile_client, url: str):
    response = hostile_client.get(url)
    assert response.status_code in (200, 400, 404)
    assert_nothing_runs(response.get_data(as_text=True))


def test_links_from_stored_urls_cannot_run_code(tmp_path: Path):
    """A `javascript:` URL stored with an article (from a scraper, say) is never a live link."""
    articles = [a for a in read_articles(sorted(SEEDS_DIR.glob("*.txt"))) if isinstance(a, Article)]
    for article in articles:
        article.url = JS_URL
    build_articles(articles, tmp_path / "index")
    client = create_app({"INDEX_DIR": str(tmp_path / "index")}).test_client()
    assert_nothing_runs(client.get("/?q=pelayanan").get_data(as_text=True))
    assert_nothing_runs(client.get(f"/articles/{articles[0].id}").get_data(as_text=True))


def test_the_api_is_json_that_browsers_will_not_sniff(hostile_client):
    response = hostile_client.get(f"/api/search?q={quote(XSS)}")
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_json()["query"] == XSS.strip()


# -- headers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?q=pelayanan",
        "/?q=x&page=0",
        "/articles/002_4786081c4393efc4",
        "/articles/none",
        "/api/search?q=x",
        "/api/articles/none",
        "/static/style.css",
        "/no/such/page",
    ],
)
def test_every_response_has_the_security_headers(client, url: str):
    headers = client.get(url).headers
    csp = {
        d.split()[0]: d.split()[1:]
        for d in headers["Content-Security-Policy"].split(";")
        if d.strip()
    }
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert not [v for values in csp.values() for v in values if "unsafe" in v]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_an_unexpected_error_shows_no_traceback_and_keeps_the_headers(app, monkeypatch):
    def explode(*_args, **_kwargs):
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(app.extensions["cari_engine"], "search", explode)
    client = app.test_client()
    for url in ("/?q=x", "/api/search?q=x"):
        response = client.get(url)
        body = response.get_data(as_text=True)
        assert response.status_code == 500
        assert "secret internal detail" not in body and "Traceback" not in body
        assert "Content-Security-Policy" in response.headers


# -- path traversal ----------------------------------------------------------------------------

TRAVERSALS = [
    "../../../../etc/passwd",
    "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%5c..%5c..%5cetc%5cpasswd",
    "%252e%252e%252fetc%252fpasswd",
    "/etc/passwd",
    "%2Fetc%2Fpasswd",
    "live",
    "..%2Flive%2F_MAIN_1.toc",
    "....//....//etc/passwd",
    "%00",
    "x%00.txt",
    "~root",
]


@pytest.mark.parametrize("prefix", ["/articles/", "/api/articles/", "/static/"])
@pytest.mark.parametrize("attempt", TRAVERSALS)
def test_article_ids_and_static_paths_reach_nothing_outside(client, prefix: str, attempt: str):
    response = client.get(prefix + attempt)
    body = response.get_data(as_text=True)
    assert response.status_code in (308, 404), (response.status_code, body[:200])
    assert "root:" not in body and "import " not in body


def test_the_index_and_source_folders_are_not_served(client, seed_index: Path):
    for url in ("/index/live", "/live", "/seeds/", "/web/__init__.py", "/static/../views.py"):
        assert client.get(url).status_code == 404


# -- defaults ----------------------------------------------------------------------------------


def test_debug_is_off_by_default_even_with_flask_debug_set(seed_index: Path, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"INDEX_DIR": str(seed_index)})
    assert app.debug is False and app.config["DEBUG"] is False


def test_serve_binds_loopback_unless_told_otherwise(runner, seed_index: Path, monkeypatch):
    from web import server

    calls: list[dict] = []

    def fake_serve(app, sock, *_args):
        calls.append({"app": app, "host": sock.getsockname()[0]})
        sock.close()

    monkeypatch.setattr(server, "run_waitress", fake_serve)
    serve = ["serve", "--port", "0", "--index", str(seed_index)]
    assert runner.invoke(cli, serve).exit_code == 0
    assert runner.invoke(cli, [*serve, "--host", "0.0.0.0"]).exit_code == 0
    assert [c["host"] for c in calls] == [DEFAULT_HOST, "0.0.0.0"]
    assert DEFAULT_HOST == "127.0.0.1"
    assert calls[0]["app"].debug is False


# -- in a real browser -------------------------------------------------------------------------


@pytest.mark.browser
def test_nothing_hostile_runs_in_a_real_browser(hostile_index: Path):
    from playwright.sync_api import sync_playwright
    from waitress.server import create_server

    from tests.test_browser import CHROMIUM

    server = create_server(create_app({"INDEX_DIR": str(hostile_index)}), host="127.0.0.1", port=0)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}"
    dialogs: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for url in (
                f"/?q={quote(XSS)}+pelayanan",
                f"/articles/901_hostile?q={quote(ATTR)}",
                f"/articles/{quote(HOSTILE_ID)}",
            ):
                page.goto(base + url)
                page.wait_for_load_state("load")
                assert page.evaluate("document.scripts.length") == 1
            browser.close()
    finally:
        server.close()
    assert dialogs == []
