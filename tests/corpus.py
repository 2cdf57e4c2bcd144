"""The shared corpus (../shared/corpus/clickid-2019) as records and as Articles.

Used by the corpus tests and by the benchmarks (which import it from here; tests never import
`bench/`).

- `records(limit, every)`: the JSON records as they are; `every` > 1 takes a sample spread over
  the whole file (its months and sources). `records_with_ids(ids)` finds given records.
- `corpus_articles(limit, every)` goes through the library's record reader
  (`search.ingest.records.extract_record`: what `cari build` does with a `.jsonl` seed). The web
  and facet measurements use it.
- `article_from_record(record)` takes the record's title and body as they are and only finds the
  officials: the build and query benchmarks use it to measure indexing and search without page
  extraction (their published figures were made with it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from search.dates import date_span
from search.ingest.extract.officials import find_officials
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from search.model import Article, ArticleDate

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "clickid-2019" / "clickid-2019.jsonl"


def corpus_path() -> Path:
    """The corpus file; a one-line exit naming where it was expected when it is missing."""
    if not CORPUS.exists():
        raise SystemExit(f"the shared corpus is missing: expected {CORPUS}")
    return CORPUS


def records(limit: int | None = None, every: int = 1, path: Path | None = None) -> Iterator[dict]:
    """Every `every`-th record of the corpus (from the first), `limit` at most (all when None),
    in file order."""
    with (path or corpus_path()).open(encoding="utf-8") as lines:
        for line in islice(islice(lines, 0, None, every), limit):
            if line.strip():
                yield json.loads(line)


def records_with_ids(ids: set[str], path: Path | None = None) -> dict[str, dict]:
    """The records whose id is in `ids`, by id (a record's id is near the start of its line)."""
    found = {}
    with (path or corpus_path()).open(encoding="utf-8") as handle:
        for line in handle:
            if any(i in line[:60] for i in ids):
                record = json.loads(line)
                if record["id"] in ids:
                    found[record["id"]] = record
    return found


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
    path: Path | None = None, limit: int | None = None, every: int = 1
) -> Iterator[Article]:
    """Records of a JSONL corpus as Articles: every `every`-th one, `limit` at most (all when
    None). Records the library refuses (no article text) are skipped, as `cari build` skips
    them."""
    for record in records(limit, every, path):
        try:
            yield extract_record(record).article
        except SeedError:
            continue
