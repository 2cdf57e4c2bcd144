"""The naive Whoosh build of `../shared/DESIGN.md`, rebuilt as a peer for the build benchmark.

DESIGN.md measured a prototype on "2 shared cores": one Whoosh writer, Sastrawi behind an
`lru_cache`, title and body stored; 62 s on the shared corpus (411 docs/s, 96 MB index,
810 MB peak RSS). The issue's build target (30 s) was set against that machine. The machines
here are shared and their speed varies about twofold from one session to the next, so the
build benchmark builds this prototype in the same run: Cari's time divided by the prototype's
is a figure that does not depend on the day, and the target becomes 30 / 62 of the
prototype's time.

The prototype is what DESIGN.md lists and nothing more: Whoosh's regex tokenizer, lower-case,
Sastrawi's stem of every token (an `lru_cache` of unbounded size in front of it), one
`index.writer()` with Whoosh's defaults, the record's id, title, body, date and source.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path

from whoosh import index
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, Token
from whoosh.fields import DATETIME, ID, TEXT, Schema

from bench.corpus import corpus_path

_stemmer = None


@cache  # an lru_cache of unbounded size, as in the prototype
def _stem(word: str) -> str:
    global _stemmer
    if _stemmer is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        _stemmer = StemmerFactory().create_stemmer()
    return _stemmer.stem(word) or word


class _SastrawiFilter(Filter):
    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = _stem(t.text)
            yield t


def _schema() -> Schema:
    analyzer = RegexTokenizer() | LowercaseFilter() | _SastrawiFilter()
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True),
        date=DATETIME(stored=True),
        source=ID(stored=True),
    )


def _date(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def build_naive(folder: Path, limit: int | None = None) -> int:
    """Build the prototype's index of the corpus (its first `limit` records) in `folder`;
    the number of articles written."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    ix = index.create_in(str(folder), _schema())
    writer = ix.writer()
    count = 0
    with corpus_path().open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            record = json.loads(line)
            fields = {
                "id": str(record.get("id") or n),
                "title": str(record.get("title") or ""),
                "body": str(record.get("body") or ""),
                "source": str(record.get("source") or ""),
            }
            date = _date(record.get("date"))
            if date is not None:
                fields["date"] = date
            writer.add_document(**fields)
            count += 1
    writer.commit()
    return count


def stems_cached() -> int:
    return _stem.cache_info().currsize
