"""The benchmark subset of the shared corpus: every Nth article of clickid-2019."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-2019" / "clickid-2019.jsonl"


def load_subset(step: int = 4, corpus: Path = CORPUS) -> list[dict]:
    """Every `step`-th record (id, title, body, source, ...) of the corpus, in corpus order."""
    records = []
    with corpus.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % step == 0:
                records.append(json.loads(line))
    return records
