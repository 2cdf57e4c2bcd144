"""Extraction scored against the shared corpus: dates against each record's own date, officials
against hand-annotated gold (tests/data/officials_gold.toml and its held-out twin); raw pages in
publishers' shapes against what each should give (tests/data/publisher_pages.toml).

Used by tests/test_extract_corpus.py (thresholds) and bench/quality/extract_accuracy.py (the
figures); records come from tests/corpus.py.

Dates: each record goes through extraction as a raw page (title line + body text, no metadata
fields); the extracted date is compared with the record's date, split by what the text holds:
  * "lede holds the date": the record's date is written in the first paragraphs;
  * "lede holds other dates": only dates that are not the publication date (the day the
    story reports on is often the day before it was published);
  * "no date in the text": no full date anywhere; extraction must then give none.
Officials: precision and recall of the official names found, against the gold.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from search.ingest.extract import extract_article
from search.ingest.extract.dates import LEDE_PARAGRAPHS, full_date_in
from search.ingest.files import SeedError
from search.ingest.records import extract_record

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "officials_gold.toml"
# Annotated after the extractor was tuned on GOLD; its first score was blind (see the file).
HELDOUT = DATA / "officials_gold_heldout.toml"
PAGES = DATA / "publisher_pages.toml"


def _dates_in(paragraphs: list[str]) -> list[date]:
    """Every full date written in the paragraphs (any sentence, any context)."""
    found = []
    for paragraph in paragraphs:
        for sentence in paragraph.replace("(", " (").split(". "):
            d = full_date_in(sentence)
            if d:
                found.append(date(d.year, d.month or 1, d.day or 1))
    return found


def page_text(record: dict) -> str:
    return f"{record['title']}\n\n{record['body']}"


@dataclass
class DateScore:
    counts: Counter

    def as_dict(self) -> dict:
        c = self.counts
        held = c["held"]
        dated = c["dated"]
        return {
            "articles": c["articles"],
            "unparsed_pages": c["unparsed"],
            "lede_holds_date": held,
            "exact_where_lede_holds_date": round(c["held_exact"] / held, 4) if held else None,
            "lede_holds_other_dates": c["other"],
            "no_date_in_text": c["none"],
            "invented_where_text_has_none": c["invented"],
            "coverage_day": round(dated / c["articles"], 4),
            "exact_of_dated": round(c["exact"] / dated, 4) if dated else None,
            "within_one_day_of_dated": round(c["near"] / dated, 4) if dated else None,
            "source_from_text": c["source_found"],
            "source_right_where_found": (
                round(c["source_right"] / c["source_found"], 4) if c["source_found"] else None
            ),
        }


def score_dates(records: list[dict]) -> DateScore:
    c: Counter = Counter()
    for record in records:
        gold = date.fromisoformat(record["date"])
        try:
            article = extract_article(page_text(record), record["id"]).article
        except SeedError:
            c["unparsed"] += 1
            continue
        paragraphs = [p for p in record["body"].split("\n") if p.strip()]
        lede_dates = _dates_in(paragraphs[:LEDE_PARAGRAPHS])
        all_dates = _dates_in(paragraphs)
        if article.source:
            c["source_found"] += 1
            c["source_right"] += article.source == record["source"]
        got = article.date if article.date and article.date.day else None
        got_day = date(got.year, got.month, got.day) if got else None
        c["articles"] += 1
        if got_day:
            c["dated"] += 1
            c["exact"] += got_day == gold
            c["near"] += abs((got_day - gold).days) <= 1
        if gold in lede_dates:
            c["held"] += 1
            c["held_exact"] += got_day == gold
        elif lede_dates:
            c["other"] += 1
        if not all_dates:
            c["none"] += 1
            c["invented"] += got_day is not None
    return DateScore(c)


def load_gold(path: Path = GOLD) -> dict[str, set[str]]:
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {entry["id"]: set(entry["officials"]) for entry in table["article"]}


def score_officials(records_by_id: dict[str, dict], gold: dict[str, set[str]]) -> dict:
    tp = fp = fn = 0
    errors = []
    for article_id, expected in gold.items():
        record = records_by_id[article_id]
        found = {o.name for o in extract_record(record).article.officials}
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
        if found != expected:
            errors.append(
                {
                    "id": article_id,
                    "extra": sorted(found - expected),
                    "missed": sorted(expected - found),
                }
            )
    return {
        "articles": len(gold),
        "gold_officials": tp + fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "errors": errors,
    }


def load_pages(path: Path = PAGES) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["page"]


def score_pages(pages: list[dict]) -> dict:
    """The share of pages whose title is exact, whose date (value and precision) and source
    are right, and whose body is the article's paragraphs and nothing else; with the misses."""
    right: Counter = Counter()
    misses = []
    for page in pages:
        article = extract_article(page["text"], page["name"]).article
        got = {
            "title": article.title,
            "date": [article.date_iso, article.date_precision],
            "source": article.source,
            "body": article.body.split("\n\n"),
        }
        want = {
            "title": page["title"],
            "date": [page["date"], page["precision"]],
            "source": page["source"],
            "body": page["body"],
        }
        wrong = [key for key in got if got[key] != want[key]]
        right.update(key for key in got if key not in wrong)
        if wrong:
            misses.append({"page": page["name"], **{key: got[key] for key in wrong}})
    n = len(pages)
    return {
        "pages": n,
        **{key: round(right[key] / n, 4) for key in ("title", "date", "source", "body")},
        "misses": misses,
    }
