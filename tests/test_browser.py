"""The search page in a real browser: headless Debian chromium driven by Playwright."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from waitress.server import create_server

from web import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(seed_index: Path):
    server = create_server(create_app({"INDEX_DIR": str(seed_index)}), host="127.0.0.1", port=0)
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


def test_search_and_read_highlighted_results(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.fill("#q", "dilayani")
    page.press("#q", "Enter")
    page.wait_for_selector("ol.hits li.hit")
    titles = page.locator("ol.hits li.hit h3 a")
    assert titles.count() == 5
    assert "/articles/002_4786081c4393efc4" in titles.first.get_attribute("href")
    marks = {m.lower() for m in page.locator("ol.hits mark").all_inner_texts()}
    assert {"pelayanan", "melayani", "dilayani"} <= marks
    assert "q=dilayani" in page.url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "results.png"), full_page=True)
    page.close()


def test_official_facet_narrows_the_list(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "/?q=birokrasi")
    page.click('a[data-official="Tito Karnavian"]')
    page.wait_for_url("**official=Tito*")
    assert page.locator("ol.hits li.hit").count() == 1
    page.go_back()
    page.wait_for_selector("ol.hits li.hit")
    assert page.locator("ol.hits li.hit").count() == 5
    page.close()
