"""The search page in a real browser: headless Debian chromium driven by Playwright.

Expectations come from the engine itself (the JSON API over the same index), not from
hard-coded ids, so they hold as the seeds grow.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect
from waitress.server import create_server

from web import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
MISSPELT, SPELT = "birokarsi", "birokrasi"
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_app(seed_index: Path):
    """The app over the seed index. Until the spelling engine suggests SPELT for MISSPELT,
    its result is given that suggestion, so the page's link is what is tested."""
    app = create_app({"INDEX_DIR": str(seed_index)})
    engine = app.extensions["cari_engine"]
    real_search = engine.search

    def search(request):
        result = real_search(request)
        if request.query == MISSPELT and result.suggestion is None:
            result.suggestion = SPELT
        return result

    engine.search = search
    return app


@pytest.fixture(scope="module")
def base_url(served_app):
    server = create_server(served_app, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: run `make test` (it installs it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def api(base_url: str, query: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/api/search?{query}") as response:
        return json.load(response)


def hit_ids(page) -> list[str]:
    hrefs = page.locator("ol.hits li.hit h2 a").evaluate_all("els => els.map(e => e.pathname)")
    return [h.rsplit("/", 1)[-1] for h in hrefs]


def total_shown(page) -> int:
    return int(page.locator("#summary strong").inner_text().replace(",", ""))


def test_search_and_read_highlighted_results(page, base_url):
    page.goto(base_url + "/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.fill("#q", "dilayani")
    page.press("#q", "Enter")
    page.wait_for_url("**q=dilayani*")
    page.wait_for_selector("ol.hits li.hit")
    expected = api(base_url, "q=dilayani")
    assert hit_ids(page) == [h["id"] for h in expected["hits"]]
    assert total_shown(page) == expected["total"]
    marks = {m.lower() for m in page.locator("ol.hits mark").all_inner_texts()}
    assert {"pelayanan", "melayani", "dilayani"} <= marks
    assert page.locator("#timeline a.bar").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "results.png"), full_page=True)


def test_official_facet_narrows_the_list_and_back_restores_it(page, base_url):
    page.goto(base_url + "/?q=birokrasi")
    before = len(hit_ids(page))
    link = page.locator("#facet-officials a.facet-link").last
    name = link.get_attribute("data-official")
    count = int(link.locator(".count").inner_text())
    link.click()
    page.wait_for_url("**official=*")
    assert len(hit_ids(page)) == count < before
    for hit in page.locator("ol.hits li.hit").all():
        assert name in hit.locator(".chips").inner_text()
    chosen = page.locator(f'#facet-officials a[data-official="{name}"]')
    assert chosen.get_attribute("aria-current") == "true"
    page.go_back()
    page.wait_for_url("**/?q=birokrasi")
    assert len(hit_ids(page)) == before


def test_source_facet_is_multi_select(page, base_url):
    page.goto(base_url + "/?q=dilayani")
    sources = page.locator("#facet-sources a.facet-link")
    first, second = sources.nth(0), sources.nth(1)
    names = [first.get_attribute("data-source"), second.get_attribute("data-source")]
    counts = [int(first.locator(".count").inner_text()), int(second.locator(".count").inner_text())]
    first.click()
    page.wait_for_url("**source=*")
    assert total_shown(page) == counts[0]
    assert set(page.locator("ol.hits .source").all_inner_texts()) == {names[0]}
    page.locator(f'#facet-sources a[data-source="{names[1]}"]').click()
    page.wait_for_url(f"**source={names[1]}*")
    assert total_shown(page) == sum(counts)
    assert set(page.locator("ol.hits .source").all_inner_texts()) == set(names)


def test_set_a_date_range(page, base_url):
    page.goto(base_url + "/?q=birokrasi")
    page.fill("#from", "2022-01-01")
    page.fill("#to", "2022-12-31")
    page.press("#to", "Enter")
    page.wait_for_url("**to=2022-12-31*")
    expected = api(base_url, "q=birokrasi&from=2022-01-01&to=2022-12-31")
    assert 0 < total_shown(page) == expected["total"]
    dates = page.locator("ol.hits time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates and all(d.startswith("2022") for d in dates)
    assert page.locator(".active-filters").inner_text().count("2022") == 2


def test_timeline_bar_narrows_the_range(page, base_url):
    page.goto(base_url + "/?q=dilayani")
    bar = page.locator("#timeline a.bar[data-from]").first
    start, end = bar.get_attribute("data-from"), bar.get_attribute("data-to")
    count = int(bar.get_attribute("title").split(": ")[1].split()[0])
    bar.click()
    page.wait_for_url(f"**from={start}*")
    assert f"to={end}" in page.url
    assert total_shown(page) == count
    assert page.locator("#timeline").get_by_text("Whole timeline").count() == 1


def test_no_date_bucket_lists_the_undated_articles(page, base_url):
    page.goto(base_url + "/?q=dilayani")
    page.click("#undated-bucket")
    page.wait_for_url("**undated=1*")
    assert total_shown(page) == api(base_url, "q=dilayani")["facets"]["timeline"]["undated"]
    assert set(page.locator("ol.hits time").all_inner_texts()) == {"No date"}


def test_sort_by_newest(page, base_url):
    page.goto(base_url + "/?q=dilayani")
    page.select_option("#sort", "newest")  # applied on change by app.js
    page.wait_for_url("**sort=newest*")
    assert hit_ids(page) == [h["id"] for h in api(base_url, "q=dilayani&sort=newest")["hits"]]
    dates = page.locator("ol.hits time").evaluate_all("els => els.map(e => e.dateTime)")
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[: len(dated)] == dated  # undated articles come last


def test_back_after_a_sort_shows_the_sort_of_the_page_shown(page, base_url):
    """Back from a sorted page restores the page left, whose menu still showed the sort
    picked just before leaving; the form must follow the URL, or the next search would
    silently carry that sort."""
    page.goto(base_url + "/?q=dilayani")
    page.select_option("#sort", "newest")
    page.wait_for_url("**sort=newest*")
    page.go_back()
    page.wait_for_url(re.compile(r"/\?q=dilayani$"))
    assert page.input_value("#sort") == "relevance"
    assert page.input_value("#q") == "dilayani"
    page.fill("#q", "birokrasi")
    page.press("#q", "Enter")
    page.wait_for_url("**q=birokrasi*")
    assert "sort=" not in page.url


def test_paginate_and_come_back(page, base_url):
    page.goto(base_url + "/?q=dilayani&size=2")
    first = hit_ids(page)
    page.click("nav.pages a[rel=next]")
    page.wait_for_url("**page=2*")
    second = hit_ids(page)
    assert len(second) == 2 and not set(first) & set(second)
    assert page.locator("nav.pages [aria-current=page]").inner_text() == "2"
    expected = api(base_url, "q=dilayani&size=2&page=2")
    assert second == [h["id"] for h in expected["hits"]]
    page.go_back()
    page.wait_for_url("**size=2")
    assert hit_ids(page) == first


def test_open_an_article_and_go_back_to_the_same_results(page, base_url):
    page.goto(base_url + "/?q=birokrasi&sort=oldest")
    target = hit_ids(page)[0]
    page.locator("ol.hits li.hit h2 a").first.click()
    page.wait_for_url(f"**/articles/{target}*")
    assert page.locator(".article .body mark").count() >= 1
    marks = int(page.locator("#match-count").inner_text().split()[0])
    assert marks == page.locator(".article .body mark").count()
    page.keyboard.press("n")
    assert page.locator(".article .body mark.current").count() == 1
    page.click("#back")
    page.wait_for_url("**/?q=birokrasi&sort=oldest")
    assert hit_ids(page)[0] == target


def test_a_misspelling_shows_the_correction_and_links_the_words_as_typed(page, base_url):
    page.goto(base_url + "/?q=" + MISSPELT)
    expect(page.locator("#corrected")).to_contain_text(f"Showing results for {SPELT}")
    assert page.input_value("#q") == MISSPELT
    assert total_shown(page) == api(base_url, f"q={SPELT}")["total"] > 0
    page.locator("#corrected a").nth(1).click()
    page.wait_for_url(f"**q={MISSPELT}&as_typed=1")
    assert total_shown(page) == 0 and page.locator("#suggestion a").count() == 1


def test_follow_did_you_mean(page, base_url):
    page.goto(base_url + "/?q=" + MISSPELT + "&as_typed=1")
    link = page.locator("#suggestion a")
    suggestion = link.inner_text()
    link.click()
    page.wait_for_url(f"**q={suggestion}*")
    assert page.input_value("#q") == suggestion
    assert total_shown(page) == api(base_url, f"q={suggestion}")["total"] > 0


def test_results_follow_typing_without_reloading(page, base_url):
    page.goto(base_url + "/")
    page.evaluate("window.notReloaded = true")
    page.locator("#q").press_sequentially("dilayani", delay=30)
    # The last word, still being typed, is read as the start of a word, and the URL says so.
    expect(page).to_have_url(re.compile(r"/\?q=dilayani(&sort=relevance)?&complete=1$"))
    expect(page.locator("#summary q")).to_have_text("dilayani")
    assert page.evaluate("window.notReloaded") is True
    expect(page.locator("#live-status")).to_contain_text("for dilayani")
    assert hit_ids(page) == [h["id"] for h in api(base_url, "q=dilayani&complete=1")["hits"]]
    assert page.evaluate("document.activeElement.id") == "q"


def test_slash_focuses_the_search_box(page, base_url):
    page.goto(base_url + "/?q=dilayani")
    page.locator("ol.hits li.hit h2 a").first.focus()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"


def test_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/?q=birokrasi")
    page.select_option("#sort", "newest")
    page.click("form.search button.secondary")  # Apply
    page.wait_for_url("**sort=newest*")
    page.locator("#facet-officials a.facet-link").first.click()
    page.wait_for_url("**official=*")
    assert "sort=newest" in page.url and len(hit_ids(page)) >= 1
    context.close()


def test_phone_sized_screen(browser, base_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + "/?q=dilayani")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    filters = page.locator("#filters")
    assert filters.get_attribute("open") is None  # folded on a phone
    page.screenshot(path=str(ARTIFACTS / "results-phone.png"), full_page=True)
    page.click("#filters > summary")
    link = page.locator("#facet-officials a.facet-link").first
    count = int(link.locator(".count").inner_text())
    link.tap()
    page.wait_for_url("**official=*")
    assert total_shown(page) == count
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_a_typed_filter_can_be_removed_and_every_way_out_finds_what_it_says(page, base_url):
    """On a search that finds nothing, with a source typed in the query: the source becomes a
    chip, its × leads to the search without it, and each suggested change finds the number of
    articles it states."""
    page.goto(f"{base_url}/?q=netralitas+source%3Akompas.com")
    expect(page.locator("#summary strong")).to_have_text("0")
    expect(page.locator("#q")).to_have_value("netralitas")
    offers = page.locator("ul.relaxations li")
    stated = [
        (offers.nth(i).locator("a").get_attribute("href"), offers.nth(i).locator(".count"))
        for i in range(offers.count())
    ]
    assert stated, "an empty search over the seeds always has a way out"
    counts = [(href, int(count.inner_text().split()[0].replace(",", ""))) for href, count in stated]
    for href, count in counts:
        page.goto(base_url + href)
        expect(page.locator("#summary strong")).to_have_text(f"{count:,}")
    page.goto(f"{base_url}/?q=netralitas+source%3Akompas.com")
    page.get_by_label("Remove filter Source: kompas.com").click()
    expect(page.locator(".active-filters")).to_have_count(0)
    assert "source" not in page.url and int(page.locator("#summary strong").inner_text()) > 0


# -- Indonesian pages, dates as typed, the timeline, the article page, phones and keys --------


def test_english_browser_gets_english_and_the_switch_is_remembered(browser, base_url):
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(base_url + "/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_url("**lang=id*")
    page.goto(base_url + "/?q=pelayanan")
    assert page.evaluate("document.documentElement.lang") == "id"
    context.close()


def test_dates_typed_day_first_and_picked(page, base_url):
    page.goto(base_url + "/?q=pelayanan")
    page.fill("#from", "1/4/2022")
    page.locator(".date-pick").nth(1).fill("2022-04-30")
    assert page.input_value("#to") == "30/4/2022"
    page.press("#to", "Enter")
    page.wait_for_url("**to=30%2F4%2F2022*")
    expected = api(base_url, "q=pelayanan&from=2022-04-01&to=2022-04-30")
    assert 0 < total_shown(page) == expected["total"]


def test_a_bad_date_keeps_the_results(page, base_url):
    page.goto(base_url + "/?q=pelayanan&from=32/13/2019")
    assert total_shown(page) == api(base_url, "q=pelayanan")["total"] > 0
    assert "32/13/2019" in page.locator("#date-error").inner_text()


def test_dragging_across_the_timeline_searches_the_range(page, base_url):
    page.goto(base_url + "/?q=pelayanan")
    bars = page.locator("#timeline a.bar[data-from]")
    assert bars.count() >= 2
    first, last = bars.first, bars.last
    start, end = first.get_attribute("data-from"), last.get_attribute("data-to")
    box_a, box_b = first.bounding_box(), last.bounding_box()
    page.mouse.move(box_a["x"] + box_a["width"] / 2, box_a["y"] + box_a["height"] - 2)
    page.mouse.down()
    page.mouse.move(box_b["x"] + box_b["width"] / 2, box_b["y"] + box_b["height"] - 2, steps=5)
    page.mouse.up()
    page.wait_for_url(f"**from={start}*")
    assert f"to={end}" in page.url
    expected = api(base_url, f"q=pelayanan&from={start}&to={end}")
    assert total_shown(page) == expected["total"]


def test_match_buttons_count_and_the_citation_copies(browser, base_url):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    hit = api(base_url, "q=pelayanan")["hits"][0]
    page.goto(f"{base_url}/articles/{hit['id']}?q=pelayanan")
    marks = page.locator(".article .body mark").count()
    assert marks >= 2
    page.click("#match-next")
    page.click("#match-next")
    assert page.inner_text("#match-position") == f"2/{marks}"
    page.keyboard.press("p")
    assert page.inner_text("#match-position") == f"1/{marks}"
    page.click("#cite > summary")
    citation = page.inner_text("#citation-text")
    assert hit["title"] in citation and (hit["url"] or "") in citation
    page.click("#copy-citation")
    assert page.evaluate("navigator.clipboard.readText()") == citation
    context.close()


def test_without_javascript_the_match_buttons_stay_hidden_and_the_citation_shows(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    hit = api(base_url, "q=pelayanan")["hits"][0]
    page.goto(f"{base_url}/articles/{hit['id']}?q=pelayanan")
    assert not page.locator("#match-nav").is_visible()
    page.click("#cite > summary")
    assert hit["title"] in page.inner_text("#citation-text")
    context.close()


def test_said_by_facet_and_the_speaker_on_the_article_page(page, base_url):
    page.goto(base_url + "/?q=birokrasi")
    link = page.locator("#facet-said a.facet-link").first
    name = link.get_attribute("data-said")
    count = int(link.locator(".count").inner_text())
    link.click()
    page.wait_for_url("**said=*")
    assert len(hit_ids(page)) == count
    page.locator("ol.hits li.hit h2 a").first.click()
    page.wait_for_selector("article .body")
    quotes = page.locator("article .body q.quote")
    assert quotes.count() >= 1
    assert name in page.locator("article .body sup.speaker").first.inner_text()
    assert quotes.first.is_visible()
    assert name in page.locator("#quoted").inner_text()


def test_typing_completes_the_last_word(page, base_url):
    """`karnav`, still being typed, finds Karnavian (no "did you mean"), and the address
    says so: reloaded, sorted or narrowed by a facet, the page still reads it that way.
    Enter searches the words as typed."""
    page.goto(base_url + "/")
    page.locator("#q").press_sequentially("karnav", delay=30)
    expect(page.locator("#summary q")).to_have_text("karnav")
    page.wait_for_selector("ol.hits li.hit")
    marks = {m.lower() for m in page.locator("ol.hits mark").all_inner_texts()}
    assert "karnavian" in marks
    total = api(base_url, "q=karnav&complete=1")["total"]
    assert total_shown(page) == total > 0
    assert page.locator("#suggestion").count() == 0
    page.wait_for_url("**q=karnav&complete=1")
    page.reload()
    page.wait_for_selector("ol.hits li.hit")
    assert total_shown(page) == total
    page.select_option("#sort", "newest")
    page.wait_for_url("**sort=newest*")
    assert "complete=1" in page.url and total_shown(page) == total
    facet = page.locator("#facet-officials a.facet-link").first
    count = int(facet.locator(".count").inner_text().replace(",", ""))
    facet.click()
    page.wait_for_url("**official=*")
    assert "complete=1" in page.url and total_shown(page) == count
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=karnav(?!.*complete)"))
    assert "complete" not in page.url


@pytest.fixture(scope="module")
def copies_url(copies_index: Path):
    """The app over corpus articles among which some are copies of one story."""
    app = create_app({"INDEX_DIR": str(copies_index)})
    server = create_server(app, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


@pytest.mark.corpus
def test_copies_of_a_story_open_from_its_one_result(page, copies_url):
    expected = api(copies_url, "q=bea+cukai+kudus")
    (hit,) = expected["hits"]
    page.goto(copies_url + "/?q=bea+cukai+kudus")
    assert hit_ids(page) == [hit["id"]]
    copies = page.locator("ol.hits li.hit details.copies")
    expect(copies.locator("li").first).to_be_hidden()
    copies.locator("summary").click()
    expect(copies.locator("li")).to_have_count(len(hit["copies"]))
    first = hit["copies"][0]["id"]
    copies.locator(f'a[href*="/articles/{first}"]').click()
    page.wait_for_url(f"**/articles/{first}*")
    expect(page.locator("#copies summary")).to_contain_text("2 other copies")


# -- an official's page ------------------------------------------------------------------------

QUOTED = "Suhajar Diantoro"  # quoted in two seeds, six months apart
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_officials_page_shows_their_latest_quotes_and_mentions_by_week(
    browser, base_url, viewport, javascript
):
    from urllib.parse import quote, quote_plus

    phone = viewport is PHONE
    context = browser.new_context(
        viewport=viewport, is_mobile=phone, has_touch=phone, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(f"{base_url}/pejabat/{quote(QUOTED)}")
    expected = api(base_url, f"said={quote_plus(QUOTED)}&sort=newest")["hits"]
    quotes = page.locator("#quotes li.quoted")
    expect(quotes).to_have_count(len(expected))
    for item, hit in zip(quotes.all(), expected, strict=True):
        expect(item.locator("blockquote")).to_be_visible()
        link = item.locator("a.quote-article")
        assert link.inner_text() == hit["title"]
        assert link.get_attribute("href").endswith(f"/articles/{hit['id']}")
        assert item.locator("time").get_attribute("datetime") == hit["date"]
        assert item.locator(".source").inner_text() == hit["source"]
    assert page.locator("#timeline ol.bars.unit-week").count() == 1
    bars = page.locator("#timeline a.bar[data-from]")
    assert bars.count() >= 2
    for bar in bars.all():
        box = bar.bounding_box()
        assert box and box["width"] >= (24 if phone else 1)  # a tap target on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    quotes.first.locator("a.quote-article").click()
    page.wait_for_url(f"**/articles/{expected[0]['id']}")
    assert QUOTED in page.locator("#quoted").inner_text()  # the article marks what they said
    context.close()


# -- each item of the interface, on a desktop and a phone, with and without JavaScript --------

SCREENS = [(v, js) for v in ("desktop", "phone") for js in (True, False)]


@pytest.fixture(params=SCREENS, ids=[f"{v}-{'js' if js else 'no-js'}" for v, js in SCREENS])
def screen(request, browser):
    """A page in a browser that asks for nothing but Indonesian, on a 1280x900 desktop or a
    390x844 phone, with JavaScript on or off."""
    kind, javascript = request.param
    phone = kind == "phone"
    context = browser.new_context(
        viewport=PHONE if phone else DESKTOP,
        is_mobile=phone,
        has_touch=phone,
        java_script_enabled=javascript,
        locale="id-ID",
    )
    page = context.new_page()
    page.phone, page.javascript = phone, javascript
    yield page
    context.close()


# The class of the first element a Tab reaches from the top of the page.
FIRST_IN_TAB_ORDER = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.closest('[hidden]'))[0].className"""


def _fits(page) -> bool:
    width = PHONE["width"] if page.phone else DESKTOP["width"]
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_every_page_is_indonesian_fits_the_screen_and_skips_to_its_content(screen, base_url):
    article = api(base_url, "q=pelayanan")["hits"][0]["id"]
    for path in ("/", "/?q=pelayanan", "/tentang", "/tersimpan", f"/articles/{article}"):
        screen.goto(base_url + path)
        assert screen.evaluate("document.documentElement.lang") == "id", path
        assert _fits(screen), path
        assert screen.evaluate(FIRST_IN_TAB_ORDER) == "skip", path


def test_the_home_and_about_pages_say_what_the_archive_holds(screen, base_url):
    with urllib.request.urlopen(f"{base_url}/api/coverage") as response:
        coverage = json.load(response)
    for path in ("/", "/tentang"):
        screen.goto(base_url + path)
        text = screen.locator("#coverage").inner_text()
        assert f"{coverage['articles']} artikel" in text, path
    sources = screen.locator("#coverage-sources li")
    expect(sources).to_have_count(len(coverage["sources"]))


def test_dates_as_people_type_them_and_a_bad_one_keeps_the_results(screen, base_url):
    screen.goto(base_url + "/?q=pelayanan&from=1/4/2022&to=30/4/2022")
    expected = api(base_url, "q=pelayanan&from=2022-04-01&to=2022-04-30")["total"]
    assert 0 < total_shown(screen) == expected
    screen.goto(base_url + "/?q=pelayanan&from=32/13/2019")
    assert total_shown(screen) == api(base_url, "q=pelayanan")["total"]
    expect(screen.locator("#date-error")).to_be_visible()
    assert "32/13/2019" in screen.locator("#date-error").inner_text()
    screen.goto(base_url + "/?q=pelayanan&from=2010&to=2011")  # before the archive begins
    assert total_shown(screen) == 0
    expect(screen.locator("#outside-coverage")).to_be_visible()


def test_timeline_bars_say_their_counts_and_are_big_enough_to_tap(screen, base_url):
    screen.goto(base_url + "/?q=pelayanan")
    bars = screen.locator("#timeline a.bar")
    timeline = api(base_url, "q=pelayanan")["facets"]["timeline"]
    counts = [b["count"] for b in timeline["bars"] if b["count"]]
    assert bars.count() == len(counts) + (1 if timeline["undated"] else 0)
    for bar in bars.all():
        said = bar.locator(".visually-hidden").inner_text()
        assert re.search(r": \d+ artikel$", said), said  # in text, for screen readers too
        box = bar.bounding_box()
        assert box and box["width"] >= (24 if screen.phone else 1)


def test_saved_searches_are_listed_with_their_feed(screen, base_url, served_app, tmp_path):
    from search.saved.queries import SavedQuery, add_query

    served_app.config["QUERIES_FILE"] = str(tmp_path / "queries.toml")
    add_query(tmp_path / "queries.toml", SavedQuery("layanan", "pelayanan", last="30 hari"))
    screen.goto(base_url + "/tersimpan")
    item = screen.locator("#q-layanan")
    expect(item).to_be_visible()
    feed = item.locator("a[type='application/atom+xml']")
    assert feed.get_attribute("href").endswith("/tersimpan/layanan.atom")
    with urllib.request.urlopen(base_url + feed.get_attribute("href")) as response:
        assert response.headers["Content-Type"].startswith("application/atom+xml")


def test_the_article_page_cites_and_links_the_officials_pages(screen, base_url):
    hit = next(h for h in api(base_url, "q=pelayanan")["hits"] if h["officials"])
    screen.goto(f"{base_url}/articles/{hit['id']}?q=pelayanan")
    screen.click("#cite > summary")
    citation = screen.inner_text("#citation-text")
    assert hit["title"] in citation and hit["source"] in citation
    # the match buttons work with JavaScript; without it, keys and buttons are not offered
    assert screen.locator("#match-nav").is_visible() == screen.javascript
    profile = screen.locator("ul.chips a.profile").first
    expect(profile).to_have_attribute("href", re.compile(r"^/pejabat/"))
    profile.click()
    screen.wait_for_url("**/pejabat/**")
    assert screen.locator("h1").inner_text() == hit["officials"][0]["name"]


def _open_filters(page) -> None:
    """Unfold the filter panel if it is folded (on a phone it starts so)."""
    if page.get_attribute("#filters", "open") is None:
        page.click("#filters > summary")


def test_the_first_result_is_on_the_first_screen(screen, base_url):
    screen.goto(base_url + "/?q=pelayanan")
    assert "artikel" in screen.locator("#summary").inner_text()
    first = screen.locator("ol.hits li.hit h2").first.bounding_box()
    height = (PHONE if screen.phone else DESKTOP)["height"]
    assert first and first["y"] + first["height"] <= height
    assert screen.evaluate("window.scrollY") == 0 and _fits(screen)


@pytest.mark.parametrize("path", ["/?q=pelayanan", "/pejabat/Suhajar%20Diantoro", "/tentang"])
def test_the_first_tab_reaches_the_skip_link_and_it_leads_to_the_content(screen, base_url, path):
    screen.goto(base_url + path)
    screen.keyboard.press("Tab")
    assert screen.evaluate("document.activeElement.className") == "skip"
    screen.keyboard.press("Enter")
    assert screen.evaluate("document.activeElement.id") == "main"


def test_the_filter_panel_stays_as_the_user_left_it(screen, base_url):
    screen.goto(base_url + "/?q=pelayanan")
    # folded at first on a phone with JavaScript only: without it the panel is always open
    assert (screen.get_attribute("#filters", "open") is None) == (
        screen.phone and screen.javascript
    )
    _open_filters(screen)
    screen.locator("#facet-sources a.facet-link").first.click()
    screen.wait_for_url("**source=*")
    assert screen.get_attribute("#filters", "open") is not None  # not folded again by a tap
    if not screen.javascript:
        return
    screen.click("#filters > summary")
    # The panel's state is remembered by its toggle event, which fires after the click.
    screen.wait_for_function("sessionStorage.getItem('cari-filters-open') === '0'")
    screen.goto(base_url + "/?q=birokrasi")
    assert screen.get_attribute("#filters", "open") is None


def test_a_long_facet_list_gets_a_filter_box(screen, base_url, served_app, monkeypatch):
    """The seeds name few officials: the facet is given fifteen here, as a busy search has.
    Without JavaScript there is no box, and the entries past the first twelve are one tap
    away, folded under "more"."""
    engine = served_app.extensions["cari_engine"]
    real_search = engine.search

    def search(request):
        result = real_search(request)
        extra = [(f"Pejabat Contoh {n:02d}", 1) for n in range(15)]
        result.official_counts = [*result.official_counts, *extra]
        return result

    monkeypatch.setattr(engine, "search", search)
    screen.goto(base_url + "/?q=pelayanan")
    _open_filters(screen)
    entries = screen.locator("[aria-labelledby=facet-officials-h] ul.facet > li")
    box = screen.locator("#facet-officials-h + .facet-filter")
    assert screen.locator("#facet-sources-h + .facet-filter").count() == 0
    if not screen.javascript:
        assert box.count() == 0
        screen.click("[aria-labelledby=facet-officials-h] details.more > summary")
        expect(entries.filter(has_text="Pejabat Contoh 14")).to_be_visible()
        return
    assert box.count() == 1
    box.fill("contoh 14")
    visible = screen.locator("[aria-labelledby=facet-officials-h] ul.facet > li:visible .name")
    assert visible.all_inner_texts() == ["Pejabat Contoh 14"]  # found in the folded part too
    visible.first.click()
    screen.wait_for_url("**official=Pejabat+Contoh+14*")
    screen.goto(base_url + "/?q=pelayanan")
    _open_filters(screen)
    assert screen.locator("#facet-officials > li:visible").count() == 12


def test_save_a_search_from_the_results_page(screen, base_url, served_app, tmp_path):
    served_app.config["QUERIES_FILE"] = str(tmp_path / "queries.toml")
    screen.goto(base_url + "/?q=pelayanan&from=1/1/2022")
    screen.fill("#save-name", "layanan-2022")
    screen.click("#save-search button[type=submit]")
    screen.wait_for_url("**/tersimpan#q-layanan-2022")
    assert screen.locator("#q-layanan-2022 .what").inner_text().startswith("pelayanan")
    text = (tmp_path / "queries.toml").read_text(encoding="utf-8")
    assert '[queries.layanan-2022]\nquery = "pelayanan"\nfrom = "2022-01-01"' in text


def test_date_presets_and_the_picker(screen, base_url):
    with urllib.request.urlopen(f"{base_url}/api/coverage") as response:
        newest = json.load(response)["newest_day"]
    screen.goto(base_url + "/?q=pelayanan")
    presets = screen.locator("#presets a")
    expect(presets).to_have_count(4)
    assert presets.first.inner_text() == "7 hari terakhir"
    year = presets.last
    year.click()
    screen.wait_for_url(f"**to={newest}*")
    start = newest[:4] + "-01-01"
    assert f"from={start}" in screen.url
    assert total_shown(screen) == api(base_url, f"q=pelayanan&from={start}&to={newest}")["total"]
    expect(screen.locator("#presets a[aria-current=true]")).to_have_text(year.inner_text())
    pickers = screen.locator(".date-pick")
    if not screen.javascript:  # the boxes take typed dates; the picker comes with JavaScript
        expect(pickers).to_have_count(0)
        return
    expect(pickers).to_have_count(2)
    pickers.first.fill("2022-04-01")
    pickers.last.fill("2022-04-30")
    assert (screen.input_value("#from"), screen.input_value("#to")) == ("1/4/2022", "30/4/2022")
    for picker in pickers.all():
        box = picker.bounding_box()
        assert box and box["height"] >= (24 if screen.phone else 1)
    screen.click("form.search button.secondary")
    screen.wait_for_url("**to=30%2F4%2F2022*")
    expected = api(base_url, "q=pelayanan&from=2022-04-01&to=2022-04-30")["total"]
    assert 0 < total_shown(screen) == expected


def test_the_match_counter_steps_through_the_matches(screen, base_url):
    hit = api(base_url, "q=pelayanan")["hits"][0]
    screen.goto(f"{base_url}/articles/{hit['id']}?q=pelayanan")
    marks = screen.locator(".article .body mark:not(.quote)").count()
    assert marks >= 2 and str(marks) in screen.inner_text("#match-count")
    if not screen.javascript:
        assert not screen.locator("#match-nav").is_visible()
        return
    expect(screen.locator("#match-position")).to_have_text(f"0/{marks}")
    for button in ("#match-prev", "#match-next"):
        box = screen.locator(button).bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24  # a tap target
    screen.click("#match-next")
    screen.click("#match-next")
    expect(screen.locator("#match-position")).to_have_text(f"2/{marks}")
    current = screen.locator(".article .body mark.current")
    expect(current).to_have_count(1)
    expect(current).to_be_in_viewport()
    screen.click("#match-prev")
    screen.click("#match-prev")
    expect(screen.locator("#match-position")).to_have_text(f"{marks}/{marks}")  # wraps round
    screen.keyboard.press("n")
    expect(screen.locator("#match-position")).to_have_text(f"1/{marks}")


def test_the_results_download_as_csv_and_json(screen, base_url):
    import csv
    import io

    from search.saved.formats import CSV_COLUMNS

    expected = [h["id"] for h in api(base_url, "q=pelayanan&sort=newest&size=100")["hits"]]
    screen.goto(base_url + "/?q=pelayanan&sort=newest")
    with screen.expect_download() as download:
        screen.locator("#keep a", has_text="CSV").click()
    assert download.value.suggested_filename == "cari-pelayanan.csv"  # named after the query
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[CSV_COLUMNS.index("id")] for r in rows[1:]] == expected
    with screen.expect_download() as download:
        screen.locator("#keep a", has_text="JSON").click()
    assert download.value.suggested_filename == "cari-pelayanan.json"
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [h["id"] for h in data["hits"]] == expected and data["query"] == "pelayanan"
    assert data["sort"] == "newest" and data["filters"]["officials"] == []


def test_the_text_of_every_page_keeps_off_the_screens_edge(screen, base_url):
    for path in ("/tentang", "/tersimpan", "/pejabat/Suhajar%20Diantoro", "/tidak-ada"):
        screen.goto(base_url + path)
        heading = screen.locator("main h1").first.bounding_box()
        assert heading and heading["x"] >= 8, path


# The boxes of the timeline's ticks a reader sees (visibility: hidden ones left out).
TICK_BOXES = """() => [...document.querySelectorAll('#timeline .tick')]
    .filter(t => getComputedStyle(t).visibility === 'visible')
    .map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right]; })"""


@pytest.mark.parametrize("path", ["/?q=pelayanan", "/pejabat/Suhajar%20Diantoro"])
def test_the_timelines_ticks_do_not_run_together(screen, base_url, path):
    """Years on the ticks, and a gap marked where weeks are empty (the official's page)."""
    screen.goto(base_url + path)
    boxes = screen.evaluate(TICK_BOXES)
    assert len(boxes) >= 2
    for (_, right), (left, _) in itertools.pairwise(boxes):
        assert right <= left, boxes
    assert re.search(r"20\d\d", screen.locator("#timeline .tick").first.inner_text())
    if "pejabat" in path:
        expect(screen.locator("#timeline li.gap")).to_have_count(1)


def test_an_officials_page_from_a_facet_entry_with_roles_company_and_a_scoped_search(
    screen, base_url
):
    screen.goto(base_url + "/?q=pelayanan")
    _open_filters(screen)
    profile = screen.locator("#facet-officials a.profile").first
    name = screen.locator("#facet-officials a.facet-link").first.get_attribute("data-official")
    profile.click()
    screen.wait_for_url("**/pejabat/**")
    expect(screen.locator("h1")).to_have_text(name)
    expect(screen.locator("#roles li").first).to_be_visible()  # the gazetteer's terms
    expect(screen.locator("#named-with a.facet-link").first).to_be_visible()
    screen.fill("#official-q", "pelayanan")
    screen.press("#official-q", "Enter")
    screen.wait_for_url("**q=pelayanan*")
    assert "official=" in screen.url
    expected = api(base_url, f"q=pelayanan&official={urllib.parse.quote_plus(name)}")["total"]
    assert 0 < total_shown(screen) == expected


def test_english_is_one_link_away_and_remembered(screen, base_url):
    screen.goto(base_url + "/?q=pelayanan")
    screen.get_by_role("link", name="English").click()
    screen.wait_for_url("**lang=en*")
    assert screen.evaluate("document.documentElement.lang") == "en"
    assert "articles" in screen.locator("#summary").inner_text()
    screen.goto(base_url + "/tentang")  # the cookie keeps the choice
    assert screen.evaluate("document.documentElement.lang") == "en"
    expect(screen.locator("h1")).to_have_text("About this archive")
