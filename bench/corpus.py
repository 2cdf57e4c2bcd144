"""The shared corpus as Articles, for the benchmarks (until JSONL seeds can be built directly).

`load_articles(limit)` reads the first `limit` records of the shared JSONL corpus and turns each
into an `Article` (officials found by the same extractor the seeds use). `scaled(articles, n)`
repeats them n times with new ids and shifted dates: the "10x corpus" of the scale benchmark.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from search.articles import Article, ArticleDate
from search.extract.officials import find_officials

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-2019" / "clickid-2019.jsonl"


def corpus_path() -> Path:
    if not CORPUS.exists():
        raise SystemExit(f"the shared corpus is missing: expected {CORPUS}")
    return CORPUS


def _date(value: str | None) -> ArticleDate | None:
    if not value:
        return None
    try:
        return ArticleDate.from_iso(value[:10])
    except (TypeError, ValueError):
        return None


def article_from_record(record: dict) -> Article:
    body = record.get("body") or ""
    return Article(
        id=record["id"],
        title=record.get("title") or "",
        body=body,
        date=_date(record.get("date")),
        source=record.get("source") or None,
        officials=find_officials(p for p in body.split("\n") if p.strip()),
        url=record.get("url") or None,
    )


def load_articles(limit: int | None = None) -> list[Article]:
    """The first `limit` articles of the shared corpus (all of them when limit is None)."""
    articles = []
    with corpus_path().open(encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(articles) >= limit:
                break
            articles.append(article_from_record(json.loads(line)))
    return articles


def scaled(articles: Iterable[Article], copies: int) -> Iterator[Article]:
    """Each article `copies` times: copy k gets id suffix `-k` and its date moved k years back,
    so the copies are distinct documents spread over a longer archive."""
    items = list(articles)
    for k in range(copies):
        for a in items:
            if k == 0:
                yield a
                continue
            date = replace(a.date, year=a.date.year - k) if a.date else None
            if date and date.month == 2 and date.day == 29:
                date = replace(date, day=28)
            yield replace(a, id=f"{a.id}-{k}", date=date)
