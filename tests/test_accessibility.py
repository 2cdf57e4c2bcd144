"""axe-core (pinned in tests/js, installed by `make test`) on the search, article, official,
saved-searches and about pages, in Indonesian and English, on a desktop and a phone, with and
without the pages' JavaScript: no serious or critical violation."""

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
    "/?q=birokrasi&said=Suhajar+Diantoro",  # snippets that are a person's quote
    "/pejabat/Joko%20Widodo",
    "/pejabat/Suhajar%20Diantoro",  # with their latest quotes and mentions by week
    "/tersimpan",  # with one saved search
    "/tentang",
    "/tidak-ada",  # the 404 page
    "ARTICLE",
]


DESKTOP = {"width": 1280, "height": 900}


# axe runs in the page, so "without JavaScript" is the page without its own script (app.js
# refused): the HTML and CSS a reader with JavaScript off gets.
@pytest.mark.parametrize(
    ("viewport", "locale", "javascript"),
    [
        (DESKTOP, "id-ID", True),
        (PHONE, "en-US", True),
        (DESKTOP, "en-US", False),
        (PHONE, "id-ID", False),
    ],
    ids=["desktop-id-js", "phone-en-js", "desktop-en-no-js", "phone-id-no-js"],
)
def test_no_serious_accessibility_violations(
    browser,  # noqa: F811
    base_url,  # noqa: F811
    served_app,  # noqa: F811
    tmp_path,
    viewport,
    locale,
    javascript,
):
    from search.saved.queries import SavedQuery, add_query

    served_app.config["QUERIES_FILE"] = str(tmp_path / "queries.toml")
    add_query(tmp_path / "queries.toml", SavedQuery("layanan", "pelayanan", last="30 hari"))
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make axe` (npm ci --prefix tests/js)")
    phone = viewport is PHONE
    context = browser.new_context(
        viewport=viewport, locale=locale, bypass_csp=True, is_mobile=phone, has_touch=phone
    )
    if not javascript:
        context.route("**/static/app.js*", lambda route: route.abort())
    page = context.new_page()
    found = {}
    for path in PAGES:
        if path == "ARTICLE":
            path = f"/articles/{_first_article(base_url)}?q=pelayanan"
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.classList.contains('js')") == javascript
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
