"""The stamps a rebuild keeps (search/indexing/stamps.py), read from an index of the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.indexing import store
from search.indexing.stamps import Stamps


@pytest.fixture(scope="module")
def indexed(seed_index: Path) -> list[tuple[str, str, float | None]]:
    return list(store.indexed_articles(store.require_live(seed_index)))


def test_every_seed_article_is_read_with_its_hash_and_stamp(indexed):
    assert len(indexed) == 5
    assert all(
        article_id and len(content) == 64 and stamp for article_id, content, stamp in indexed
    )


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        ("same", True),  # the same id and content: its stamp
        ("other content", False),  # the id with another article's content hash
        ("edited", False),  # the id with a content hash one letter off
        ("unknown id", False),  # an id the index does not hold
        ("no hash", False),  # an article without a content hash
    ],
)
def test_a_stamp_is_kept_only_for_the_same_id_and_content(indexed, change, kept):
    stamps = Stamps(indexed)
    (first_id, first_hash, first_stamp), (_, second_hash, _) = indexed[0], indexed[1]
    asked = {
        "same": (first_id, first_hash),
        "other content": (first_id, second_hash),
        "edited": (first_id, first_hash[:-1] + ("0" if first_hash[-1] != "0" else "1")),
        "unknown id": (first_id + "-baru", first_hash),
        "no hash": (first_id, ""),
    }[change]
    assert stamps.kept(*asked) == (first_stamp if kept else None)


def test_every_indexed_article_keeps_its_own_stamp(indexed):
    stamps = Stamps(indexed)
    assert len(stamps) == len(indexed)
    assert [stamps.kept(i, content) for i, content, _ in indexed] == [s for _, _, s in indexed]


def test_entries_without_a_hash_or_a_stamp_are_not_kept(indexed):
    article_id, content, stamp = indexed[0]
    stamps = Stamps([(article_id, "", stamp), (indexed[1][0], indexed[1][1], None)])
    assert len(stamps) == 0 and stamps.kept(article_id, content) is None
