"""The README's screenshots, taken again: the web pages over an index, in headless Debian
chromium through Playwright, written to docs/images/.

    .venv/bin/python scripts/screenshots.py                      # over ./index (make build)
    .venv/bin/python scripts/screenshots.py --index /path/index  # e.g. the shared corpus's

It searches the index for the pages it shows (the first result, the most named official), so
it works over any index.
"""

from __future__ import annotations

import argparse
import json
import threading
import urllib.parse
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright
from waitress.server import create_server

from search import config
from web import create_app

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=config.index_dir())
    parser.add_argument("--query", default="banjir", help="the search shown")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    server = create_server(create_app({"INDEX_DIR": str(args.index)}), host="127.0.0.1", port=0)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}"
    query = urllib.parse.quote_plus(args.query)
    with urllib.request.urlopen(f"{base}/api/search?q={query}") as response:
        found = json.load(response)
    article = found["hits"][0]["id"] if found["hits"] else None
    official = found["facets"]["officials"][0]["name"] if found["facets"]["officials"] else None
    shots = [
        ("search.png", f"/?q={query}", DESKTOP),
        ("search-phone.png", f"/?q={query}", PHONE),
        ("about.png", "/tentang", DESKTOP),
    ]
    if article:
        shots.append(("article.png", f"/articles/{article}?q={query}", DESKTOP))
    if official:
        shots.append(("official.png", f"/pejabat/{urllib.parse.quote(official)}", DESKTOP))
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for name, path, viewport in shots:
            context = browser.new_context(
                viewport=viewport, locale="id-ID", is_mobile=viewport is PHONE
            )
            page = context.new_page()
            page.goto(base + path)
            page.screenshot(path=str(IMAGES / name))
            context.close()
            print(f"{IMAGES / name}: {base}{path}")
        browser.close()
    server.close()


if __name__ == "__main__":
    main()
