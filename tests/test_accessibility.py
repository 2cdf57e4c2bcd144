"""axe-core (pinned in tests/js, installed by `make test`) on the search, article, official,
saved-searches and about pages, in Indonesian and English, on a desktop and a phone: no
serious or critical violation."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from tests.test_browser import PHONE, base_url, browser, served_app  # noqa: F401 (fixtures)

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = pytest.mark.browser


def _first_article(base: str) -> str:
    with urllib.request.urlopen(f"{base}/api/search?q=pelayanan") as response:
        return json.load(response)["hits"][0]["id"]


PAGES = [
    "/",
    "/?q=pelayanan",
    "/?q=zzzqqqxx&source=kompas.com",
    "/pejabat/Joko%20Widodo",
    "/pejabat/Suhajar%20Diantoro",  # with their latest quotes and mentions by week
    "/tersimpan",
    "/tentang",
    "ARTICLE",
]


@pytest.mark.parametrize(
    ("viewport", "locale"), [({"width": 1280, "height": 900}, "id-ID"), (PHONE, "en-US")]
)
def test_no_serious_accessibility_violations(browser, base_url, viewport, locale):  # noqa: F811
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make axe` (npm ci --prefix tests/js)")
    context = browser.new_context(viewport=viewport, locale=locale, bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in PAGES:
        if path == "ARTICLE":
            path = f"/articles/{_first_article(base_url)}?q=pelayanan"
        page.goto(base_url + path)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("async () => await axe.run(document)")
        bad = [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[path] = bad
    context.close()
    assert not found, found
