"""search/indexing/opensearch_lexicon.py: the lexicon an update leaves is the one a build of
the same seeds writes (the words with how many articles have them, the copies' state)."""

from __future__ import annotations

import shutil
from pathlib import Path

from search.indexing import indexers
from search.indexing.opensearch_index import connect, delete_all
from search.indexing.opensearch_lexicon import lexicon_name
from tests.conftest import SEED_IDS, SEEDS_DIR, opensearch_settings


def lexicon_of(settings) -> dict[str, dict]:
    """Every document of the alias's lexicon by id (the signatures left out: a build
    computes them against its own boilerplate)."""
    from opensearchpy import helpers

    client = connect(settings)
    query = {"query": {"bool": {"must_not": [{"term": {"kind": "signature"}}]}}}
    return {
        hit["_id"]: hit["_source"]
        for hit in helpers.scan(client, query=query, index=lexicon_name(settings.alias))
    }


def test_an_update_leaves_the_lexicon_a_build_writes(opensearch_cluster, tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    updated, fresh = (opensearch_settings(opensearch_cluster) for _ in range(2))
    try:
        indexers.build(seeds, tmp_path / "a", updated)
        before = lexicon_of(updated)
        # One seed changed, one removed, one added (a copy of another under a new title).
        with (seeds / f"{SEED_IDS[2]}.txt").open("a", encoding="utf-8") as f:
            f.write("\nKunjungan kerja berikutnya dijadwalkan ke Gorontalo.\n")
        (seeds / f"{SEED_IDS[1]}.txt").unlink()
        text = (SEEDS_DIR / f"{SEED_IDS[3]}.txt").read_text(encoding="utf-8")
        (seeds / "100_copy.txt").write_text("Judul Lain\n" + text.split("\n", 1)[1], "utf-8")
        report = indexers.update(seeds, tmp_path / "a", updated)
        assert (report.added, report.changed, report.removed) == (
            ["100_copy"],
            [SEED_IDS[2]],
            [SEED_IDS[1]],
        )
        indexers.build(seeds, tmp_path / "b", fresh)
        after, built = lexicon_of(updated), lexicon_of(fresh)
        assert after != before and "w:gorontalo" in after
        assert any(doc["kind"] == "pair" for doc in after.values())
        assert after == built
    finally:
        for settings in (updated, fresh):
            delete_all(connect(settings), settings.alias)
