"""Articles from the shared corpus (JSONL records), for benchmarks and corpus tests.

Records go through the library's own record reader (`search.records.extract_record`, what
`cari build` does with a `.jsonl` seed); this module only picks which lines, so a test can take
a sample spread over the whole file without parsing all of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from search.articles import Article, SeedError
from search.records import extract_record

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-2019" / "clickid-2019.jsonl"


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
