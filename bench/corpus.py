"""The shared corpus as Articles, for benchmarks and corpus tests.

Two readers, on purpose:
- `corpus_articles(limit, every)` goes through the library's record reader
  (`search.ingest.records.extract_record`: what `cari build` does with a `.jsonl` seed); `every` > 1
  takes a sample spread over the whole file. The web and facet measurements use it.
- `load_articles(limit)` takes the record's title and body as they are and only finds the
  officials: the build, query and scale benchmarks use it to measure indexing and search
  without page extraction (their published figures were made with it).
`scaled(articles, n)` repeats articles n times with new ids and shifted dates: the "10x corpus"
of the scale benchmark.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

from search.dates import date_span
from search.ingest.articles import SeedError
from search.ingest.extract.officials import find_officials
from search.ingest.records import extract_record
from search.model import Article, ArticleDate

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
    date = _date(record.get("date"))
    return Article(
        id=record["id"],
        title=record.get("title") or "",
        body=body,
        date=date,
        source=record.get("source") or None,
        officials=find_officials(
            (p for p in body.split("\n") if p.strip()), date_span(date) if date else None
        ),
        url=record.get("url") or None,
    )


def corpus_articles(
    path: Path = CORPUS, limit: int | None = None, every: int = 1
) -> Iterator[Article]:
    """Records of a JSONL corpus as Articles: every `every`-th one, `limit` at most (all when
    None). A sample taken with `every` > 1 spans the whole file (its months and sources).
    Records the library refuses (no article text) are skipped, as `cari build` skips them."""
    with path.open(encoding="utf-8") as lines:
        for line in islice(islice(lines, 0, None, every), limit):
            if not line.strip():
                continue
            try:
                yield extract_record(json.loads(line)).article
            except SeedError:
                continue


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
