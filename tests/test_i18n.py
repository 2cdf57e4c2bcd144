"""Cari in Indonesian first: the catalogs are complete, pages are Indonesian unless English is
asked for (`?lang=en`, remembered in a cookie, or Accept-Language), numbers, dates and errors
follow the language, and no English word is left on an Indonesian page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from search import i18n
from search.cli import cli
from search.config import SORTS
from search.dates import format_date
from search.saved.queries import SavedQuery, add_query
from tests.catalogs import catalog, english_only_words
from tests.conftest import ROOT
from web import create_app


@pytest.fixture()
def client(app):
    """A first visit: no language chosen yet."""
    return app.test_client()


PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _extracted() -> dict[str, str]:
    """Every message the code and templates show people -> where: what `make catalog`
    extracts, through babel.cfg's mapping (the `cari` command's help texts included)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[str, str] = {}
    for name, line, message, _, _ in extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None},
    ):
        key = message[0] if isinstance(message, tuple) else message
        found.setdefault(key, f"{name}:{line}")
    return found


def test_every_message_shown_has_an_indonesian_translation():
    entries = catalog()
    missing = [
        f"{where}: {message!r}"
        for message, where in _extracted().items()
        if not (entry := entries.get(message))
        or entry.fuzzy
        or not all(entry.string if isinstance(entry.string, tuple) else [entry.string])
    ]
    assert not missing, "untranslated (run `make catalog`, then translate):\n" + "\n".join(missing)


def test_translations_keep_every_placeholder():
    for entry in catalog():
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == wanted, entry.id


def test_translations_keep_the_help_s_unwrapped_blocks():
    """click prints a help block after a line holding only "\\b" as written (examples, one
    a line); a translation without it runs them together into one paragraph."""
    for entry in catalog():
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for string in strings:
            assert string.count("\b") == ids[-1].count("\b"), entry.id


def test_the_catalog_holds_no_message_the_code_no_longer_shows():
    shown = set(_extracted())
    stale = [
        e.id
        for e in catalog()
        if e.id and (e.id[0] if isinstance(e.id, tuple) else e.id) not in shown
    ]
    assert not stale


@pytest.mark.parametrize(
    ("language", "number", "date", "month"),
    [
        ("id", "1.234.567", "17 Agustus 2019", "Agustus 2019"),
        ("en", "1,234,567", "17 August 2019", "August 2019"),
    ],
)
def test_numbers_and_dates_follow_the_language(language, number, date, month):
    with i18n.using(language):
        assert i18n.format_number(1234567) == number
        assert format_date("2019-08-17") == date
        assert format_date("2019-08") == month
        assert i18n.ngettext("%(num)s article", "%(num)s articles", 1) == (
            "1 artikel" if language == "id" else "1 article"
        )


def test_no_date_is_tanpa_tanggal():
    with i18n.using("id"):
        assert format_date(None) == "Tanpa tanggal"


# -- the pages --------------------------------------------------------------------------------


def _shown_text(page: str) -> str:
    """What a reader sees or hears of a page's own words: its text and its titles, labels and
    placeholders, without the articles' own text (marked lang="id")."""
    page = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page, flags=re.S)  # code: commands
    page = re.sub(r'<(h2|p|h1|div)[^>]*\blang="id"[^>]*>.*?</\1>', " ", page, flags=re.S)
    attributes = re.findall(r'(?:title|aria-label|placeholder)="([^"]*)"', page)
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(" ".join([text, *attributes]))


INDONESIAN_PAGES = [
    "/",
    "/?q=pelayanan",
    "/?q=pelayanan&official=Joko+Widodo&from=2022",
    "/?q=zzzqqqxx",
    "/?q=birokrasi&official=Muhammad+Hudori&from=2022-01-01",
    "/?q=pelayanan&from=2010&to=2011",
    "/?q=pelayanan&from=32/13/2019",
    "/?q=x&sort=random",
    "/tentang",
    "/tersimpan",
    "/pejabat/Joko%20Widodo",
    "/pejabat/Suhajar%20Diantoro",  # with the latest quotes
    "/nowhere",
    "/tersimpan/nobody.atom",
    "/ekspor.csv?q=x&sort=random",
]


@pytest.mark.parametrize("url", INDONESIAN_PAGES)
def test_no_english_word_is_left_on_an_indonesian_page(app, client, tmp_path, url):
    # The saved searches are the user's own words: here, Indonesian ones.
    app.config["QUERIES_FILE"] = str(tmp_path / "queries.toml")
    add_query(tmp_path / "queries.toml", SavedQuery("banjir", "banjir", last="7 hari"))
    response = client.get(url)
    page = response.get_data(as_text=True)
    assert '<html lang="id">' in page
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", _shown_text(page))}
    # "English" is the link to the English pages, written in English on purpose; a bad `sort`
    # is told the values the URL takes.
    left = (words & english_only_words()) - {"english"} - (set(SORTS) if "sort=" in url else set())
    assert not left, f"{url}: English words on an Indonesian page: {sorted(left)}"


def _english_left(page: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", _shown_text(page))}
    return (words & english_only_words()) - {"english"}


def test_every_error_page_is_indonesian(app, tmp_path, monkeypatch):
    """400, 404, 405, 500 and 503: each page a reader can meet when something is wrong."""
    client = app.test_client()
    pages = {
        400: client.post("/tersimpan", data={"name": "x"}),  # without the form's token
        404: client.get("/articles/unknown-id"),
        405: client.delete("/"),
    }
    missing = create_app({"INDEX_DIR": str(tmp_path / "none")}).test_client()
    pages[503] = missing.get("/tentang")
    engine = app.extensions["cari_engine"]
    monkeypatch.setattr(engine, "coverage", lambda: 1 / 0)
    pages[500] = client.get("/?q=pelayanan")
    for status, response in pages.items():
        page = response.get_data(as_text=True)
        assert response.status_code == status and '<html lang="id">' in page, status
        assert not _english_left(page), (status, _english_left(page))
    assert "Terjadi kesalahan di pihak kami." in pages[500].get_data(as_text=True)


def test_an_article_page_is_indonesian_too(client, engine):
    hit = engine.search(__import__("search").model.SearchRequest(query="pelayanan")).hits[0]
    page = client.get(f"/articles/{hit.id}?q=pelayanan").get_data(as_text=True)
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", _shown_text(page))}
    assert '<html lang="id">' in page and "Langsung ke artikel" in page
    assert not (words & english_only_words()) - {"english"}


def test_english_is_asked_for_and_remembered(client):
    english = client.get("/?lang=en")
    assert '<html lang="en">' in english.get_data(as_text=True)
    assert "Find what officials said, and when" in english.get_data(as_text=True)
    assert "lang=en" in english.headers["Set-Cookie"]
    remembered = client.get("/?q=pelayanan").get_data(as_text=True)
    assert '<html lang="en">' in remembered and "articles" in remembered
    back = client.get("/?lang=id").get_data(as_text=True)
    assert '<html lang="id">' in back and "Temukan apa kata pejabat, dan kapan" in back


@pytest.mark.parametrize(
    ("accept", "lang"),
    [("en-US,en;q=0.9", "en"), ("id-ID,id;q=0.9,en;q=0.5", "id"), ("fr-FR", "id"), ("", "id")],
)
def test_accept_language_chooses_when_nothing_else_does(client, accept, lang):
    page = client.get("/", headers={"Accept-Language": accept}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page


def test_the_json_api_speaks_the_language_of_the_request(client):
    indonesian = client.get("/api/search?q=x&sort=random").get_json()
    english = client.get("/api/search?q=x&sort=random&lang=en").get_json()
    assert indonesian["error"].startswith("urutan 'random' tidak dikenal")
    assert english["error"].startswith("unknown sort 'random'")


def test_error_pages_are_indonesian(client):
    missing = client.get("/articles/unknown-id")
    page = missing.get_data(as_text=True)
    assert missing.status_code == 404 and "Tidak ditemukan" in page and "Not Found" not in page


def test_facet_counts_and_totals_use_the_indonesian_separator(app, monkeypatch):
    """1.234 in Indonesian, 1,234 in English (a count above a thousand is made up here: the
    seed index is small)."""
    engine = app.extensions["cari_engine"]
    real_search = engine.search

    def search(request):
        result = real_search(request)
        result.total = 1234
        result.source_counts = [(name, 1234) for name, _ in result.source_counts]
        return result

    monkeypatch.setattr(engine, "search", search)
    client = app.test_client()
    page = client.get("/?q=pelayanan").get_data(as_text=True)
    assert "<strong>1.234</strong> artikel" in page and '<span class="count">1.234</span>' in page
    page = client.get("/?q=pelayanan&lang=en").get_data(as_text=True)
    assert "<strong>1,234</strong> articles" in page


def test_the_cli_speaks_indonesian_unless_asked(runner, seed_index: Path):
    args = ["query", "x", "--from", "2022-13-01", "--index", str(seed_index)]
    default = runner.invoke(cli, args, env={"CARI_LANG": "", "LANG": "C.UTF-8", "LANGUAGE": ""})
    assert default.exit_code == 2 and "bukan tanggal yang ada" in default.output
    english = runner.invoke(cli, args, env={"CARI_LANG": "", "LANG": "en_US.UTF-8"})
    assert english.exit_code == 2 and "not a real date" in english.output
