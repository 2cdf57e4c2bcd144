"""Parallel builds: several worker processes, one segment each, the same search results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from search.indexing import parallel, store
from search.indexing.build import build_articles
from search.indexing.parallel import ParallelWriter, WorkerError
from search.indexing.schema import build_schema
from search.ingest.seeds import list_seeds, read_articles
from search.model import Article, SearchRequest
from search.retrieval.engine import SearchEngine
from tests.conftest import corpus_records

QUERIES = ["dilayani", "reformasi birokrasi", '"pelayanan publik"', "pemerintah -desa", ""]


def _segments(index_dir: Path) -> int:
    with store.require_live(index_dir).open().reader() as reader:
        return 1 if reader.is_atomic() else len(reader.leaf_readers())


def _page(engine: SearchEngine, text: str) -> tuple:
    result = engine.search(SearchRequest(query=text))
    return (
        result.total,
        sorted(h.id for h in result.hits),
        result.official_counts,
        result.source_counts,
    )


@pytest.fixture(scope="module")
def parallel_index(tmp_path_factory: pytest.TempPathFactory, seeds_copy: Path) -> Path:
    index_dir = tmp_path_factory.mktemp("parallel-index")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(parallel, "MIN_PARALLEL_DOCS", 2)
        mp.setattr(parallel, "BATCH_DOCS", 1)
        articles = read_articles(list_seeds(seeds_copy))
        report = build_articles(articles, index_dir, workers=2)
    assert report.indexed == 6
    return index_dir


def test_parallel_build_writes_one_segment_per_worker(parallel_index: Path):
    assert _segments(parallel_index) == 2


def test_parallel_build_finds_what_a_single_process_build_finds(
    parallel_index: Path, xss_index: Path
):
    assert _segments(xss_index) == 1  # the same seeds, too few to start workers
    one, two = SearchEngine(xss_index), SearchEngine(parallel_index)
    for text in QUERIES:
        assert _page(two, text) == _page(one, text), text


def test_a_failing_worker_cancels_the_build(tmp_path: Path):
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    writer = ParallelWriter(ix, workers=2, min_parallel=1, batch_docs=1)
    writer.add_document(id="a", title="satu", body="satu dua")
    writer.add_document(id="b", no_such_field="x")
    with pytest.raises(WorkerError, match="UnknownFieldError"):
        writer.commit()
    writer.cancel()
    assert whoosh_index.open_dir(str(tmp_path)).doc_count() == 0


def test_workers_spilling_to_disk_do_not_delete_each_others_runs(tmp_path: Path, monkeypatch):
    # With a tiny posting pool every worker spills sorted runs to its temp folder; a worker
    # that finishes first must not delete the runs another is still merging (this failed the
    # full-corpus build before each worker got its own temp folder).
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCS", 2)
    monkeypatch.setattr(parallel, "BATCH_DOCS", 5)
    monkeypatch.setattr(parallel, "WORKER_LIMIT_MB", 0.02)
    articles = [Article(r["id"], r["title"], r["body"]) for r in corpus_records(120)]
    articles.append(Article("last", "Penutup", "satu kata saja " * 3000))
    report = build_articles(articles, tmp_path / "ix", workers=2)
    assert report.indexed == 121
    engine = SearchEngine(tmp_path / "ix")
    assert engine.search(SearchRequest(query="")).total == 121
    assert not list((store.require_live(tmp_path / "ix").path).glob("*.tmp"))


def test_the_workers_stems_are_saved_with_the_generation(parallel_index: Path):
    """Each worker's stems are merged into the generation's stems.json (for `cari update`),
    and no worker's part file is left behind."""

    from search.indexing import store
    from search.text.analyzer import STEMS_FILE, stem_word

    folder = store.require_live(parallel_index).path
    assert not list(folder.glob("stems-*.json"))
    stems = json.loads((folder / STEMS_FILE).read_text(encoding="utf-8"))
    assert len(stems) > 300  # six seeds
    for word in list(stems)[:: max(1, len(stems) // 200)]:
        assert stems[word] == stem_word(word), word


def test_seeds_parsed_in_worker_processes_build_the_same_index(
    tmp_path: Path, seeds_copy: Path, monkeypatch
):
    from search.indexing import build as indexer
    from search.indexing.build import build
    from search.indexing.parallel import ordered_map

    assert (
        list(ordered_map(len, ["a", "bb", "ccc"] * 20, workers=2, min_items=1))
        == [
            1,
            2,
            3,
        ]
        * 20
    )
    serial = build(seeds_copy, tmp_path / "serial")
    monkeypatch.setattr(indexer, "PARALLEL_PARSE_MIN", 1)
    forked = build(seeds_copy, tmp_path / "forked")
    assert forked.indexed == serial.indexed == 6
    assert [str(p) for p in forked.problems] == [str(p) for p in serial.problems]
    assert _page(SearchEngine(tmp_path / "forked"), "pelayanan") == _page(
        SearchEngine(tmp_path / "serial"), "pelayanan"
    )


def test_a_worker_past_its_memory_budget_starts_a_new_segment(
    tmp_path: Path, seeds_copy: Path, monkeypatch
):
    """Postings are held in memory until a segment is written: a worker writes one out and
    starts another once it holds MAX_SEGMENT_POSTINGS, so a big build never holds them all."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_DOCS", 2)
    monkeypatch.setattr(parallel, "BATCH_DOCS", 1)
    monkeypatch.setattr(parallel, "MAX_SEGMENT_POSTINGS", 300)  # about one seed each
    articles = read_articles(list_seeds(seeds_copy))
    report = build_articles(articles, tmp_path / "small-segments", workers=2)
    assert report.indexed == 6
    assert _segments(tmp_path / "small-segments") > 2
    single = tmp_path / "single"
    build_articles(read_articles(list_seeds(seeds_copy)), single, workers=1)
    for text in ("pelayanan", "birokrasi", '"pelayanan publik"', ""):
        assert _page(SearchEngine(tmp_path / "small-segments"), text) == _page(
            SearchEngine(single), text
        )


def test_a_jsonl_seed_is_parsed_in_batches_of_lines_with_the_same_result(
    tmp_path: Path, monkeypatch
):
    """A corpus export is one file: its lines are parsed by worker processes, a batch at a
    time. The articles, and the problems with their line numbers, come out in file order as
    the serial reader gives them."""
    from search.indexing import build as indexer
    from search.indexing.build import build
    from search.ingest.kinds import JSONL

    lines = [json.dumps(r, ensure_ascii=False) for r in corpus_records(150)]
    lines[3] = "{not json"
    lines[70] = json.dumps({"id": "empty", "title": "Kosong", "body": ""})
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    serial = list(read_articles(list_seeds(folder)))
    monkeypatch.setattr(indexer, "PARALLEL_PARSE_MIN", 1)
    monkeypatch.setattr(JSONL, "batch_lines", 16)  # ten batches
    assert len(list(JSONL.batches(folder / "export.jsonl"))) == 10
    report = build(folder, tmp_path / "index")
    assert report.indexed == sum(isinstance(i, Article) for i in serial) == 148
    assert [str(p) for p in report.problems] == [
        str(p) for p in serial if not isinstance(p, Article)
    ]
    assert [p.line for p in report.problems] == [4, 71]
    engine = SearchEngine(tmp_path / "index")
    with engine.searcher() as searcher:
        assert searcher.doc_count() == 148


def test_a_parallel_build_numbers_the_documents_the_same_way_every_time(
    tmp_path: Path, seeds_copy: Path
):
    """Segments are committed in worker order, whichever worker finishes first: batches go
    to the workers in turn, so the same seeds get the same document numbers in every build
    (and equal scores or dates come in the same order)."""
    orders = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(parallel, "MIN_PARALLEL_DOCS", 2)
        mp.setattr(parallel, "BATCH_DOCS", 1)
        for n in range(3):
            articles = list(read_articles(list_seeds(seeds_copy)))
            build_articles(iter(articles), tmp_path / f"index-{n}", workers=2)
            with store.require_live(tmp_path / f"index-{n}").open().searcher() as s:
                orders.append([s.stored_fields(d)["id"] for d in range(s.doc_count_all())])
    given = [a.id for a in articles if isinstance(a, Article)]
    # Worker 0 had the 1st, 3rd and 5th article, worker 1 the others.
    assert orders == [given[0::2] + given[1::2]] * 3
