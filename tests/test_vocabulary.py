"""search/indexing/vocabulary.py: a build writes the suggestions' vocabulary beside the
index's segments and a search maps it (the same words, the same suggestions and completions
as one read from the lexicons); the first suggestion of an updated index keeps the one it
reads, and a vocabulary written for other content, or damaged, is not used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from search.indexing import store
from search.indexing import vocabulary as vocabulary_file
from search.indexing.update import update
from search.indexing.vocabulary import Vocabulary
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
from tests.conftest import DAMAGES, SEED_IDS, built_seed_copy, damage_file

NEW_WORD = "Gorontalo"


def vocabulary_path(index_dir: Path) -> Path:
    return store.require_live(index_dir).path / vocabulary_file.KEPT.name


def words_of(vocabulary: Vocabulary) -> dict[tuple[str, int], list[str]]:
    return {key: vocabulary.group(*key) for key in vocabulary.spans}


def mapped_and_read(index_dir: Path) -> tuple[Vocabulary | None, Vocabulary]:
    with store.require_live(index_dir).open().searcher() as s:
        return vocabulary_file.KEPT.load(s.reader()), Vocabulary.of_reader(s.reader())


def test_a_build_writes_the_vocabulary_a_search_maps(tmp_path: Path):
    _, index = built_seed_copy(tmp_path)
    assert vocabulary_path(index).exists()
    mapped, read = mapped_and_read(index)
    assert mapped is not None and not isinstance(mapped.text, bytes)  # the mapped file's
    assert words_of(mapped) == words_of(read)
    assert "birokrasi" in mapped.group("bi", len("birokrasi"))
    for word in ("birokasi", "pelayana", "kemendagr", "zzzz"):
        assert mapped.near(word) == read.near(word), word


def test_an_update_leaves_the_vocabulary_to_its_first_suggestion(tmp_path: Path):
    seeds, index = built_seed_copy(tmp_path)
    before = vocabulary_path(index).read_bytes()
    text = (seeds / f"{SEED_IDS[2]}.txt").read_text(encoding="utf-8")
    (seeds / "100_new.txt").write_text(f"{text}\nPelayanan publik di {NEW_WORD}.\n", "utf-8")
    assert update(seeds, index).added == ["100_new"]
    # The update's cost follows its size: the vocabulary of the content before it stays, unused.
    assert vocabulary_path(index).read_bytes() == before
    assert mapped_and_read(index)[0] is None
    # The first suggestion reads the lexicons and keeps the new content's vocabulary.
    page = SearchEngine(index, cache_size=0).search(SearchRequest("gorontlo", as_typed=True))
    assert page.suggestion == NEW_WORD.lower()
    mapped, read = mapped_and_read(index)
    assert mapped is not None and words_of(mapped) == words_of(read)
    assert NEW_WORD.lower() in mapped.group("go", len(NEW_WORD))
    # The vocabulary of the content before the update, put back: not used.
    vocabulary_path(index).write_bytes(before)
    assert mapped_and_read(index)[0] is None


def test_an_index_in_a_folder_it_may_not_write_still_gets_suggestions(tmp_path: Path):
    seeds, index = built_seed_copy(tmp_path)
    text = (seeds / f"{SEED_IDS[2]}.txt").read_text(encoding="utf-8")
    (seeds / "100_new.txt").write_text(f"{text}\nPelayanan publik di {NEW_WORD}.\n", "utf-8")
    update(seeds, index)
    folder = store.require_live(index).path
    folder.chmod(0o555)
    try:
        page = SearchEngine(index, cache_size=0).search(SearchRequest("gorontlo", as_typed=True))
    finally:
        folder.chmod(0o755)
    assert page.suggestion == NEW_WORD.lower()


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_vocabulary_is_not_used(tmp_path: Path, damage: str):
    _, index = built_seed_copy(tmp_path)
    damage_file(vocabulary_path(index), damage)
    assert mapped_and_read(index)[0] is None
    page = SearchEngine(index, cache_size=0).search(SearchRequest("birokasi", as_typed=True))
    assert page.suggestion == "birokrasi"


REQUESTS = [
    SearchRequest("birokasi", as_typed=True),
    SearchRequest("pemerintha daerah", as_typed=True),
    SearchRequest("presidn jokowi", as_typed=True),
    SearchRequest("kementrian keuangn", as_typed=True),
    SearchRequest("banjir jakar", complete=True),
    SearchRequest("pelayanan publ", complete=True),
    SearchRequest("korupsi"),
]


@pytest.mark.corpus
def test_suggestions_and_completions_are_the_same_with_and_without_the_file(
    corpus_engine, tmp_path: Path
):
    """The corpus index (its vocabulary written by the build) and a copy without it."""
    copy = tmp_path / "index"
    shutil.copytree(corpus_engine.index_dir, copy, symlinks=True)
    vocabulary_path(copy).unlink()
    with_file, without = SearchEngine(corpus_engine.index_dir, cache_size=0), SearchEngine(copy)
    suggested = 0
    for request in REQUESTS:
        mapped, read = with_file.search(request).to_json(), without.search(request).to_json()
        mapped.pop("took_ms"), read.pop("took_ms")
        assert mapped == read, request
        suggested += mapped["suggestion"] is not None
    assert suggested >= 3
    assert vocabulary_path(copy).exists()  # kept by the first suggestion without it
