"""Articles from the shared corpus's JSONL records, for benchmarks and corpus tests.

The corpus records are already clean (id, title, body, date, source, url), so this reader only
maps them onto `Article`, finding officials with the library's extractor. It lives outside the
library on purpose: the library's own seed formats are its business.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from search.articles import Article, ArticleDate
from search.extract.officials import find_officials

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-2019" / "clickid-2019.jsonl"


def corpus_articles(
    path: Path = CORPUS, limit: int | None = None, every: int = 1
) -> Iterator[Article]:
    """Records of a JSONL corpus as Articles: every `every`-th one, `limit` at most (all when
    None). A sample taken with `every` > 1 spans the whole file (its months and sources)."""
    with path.open(encoding="utf-8") as lines:
        for line in islice(islice(lines, 0, None, every), limit):
            record = json.loads(line)
            body = record.get("body") or ""
            date = record.get("date")
            yield Article(
                id=record["id"],
                title=record.get("title") or "",
                body=body,
                date=ArticleDate.from_iso(date[:10]) if date else None,
                source=record.get("source") or None,
                officials=find_officials(body.split("\n")),
                url=record.get("url"),
            )
