"""Incremental updates: only new, changed and removed seeds touch the index."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from search.cli import cli
from search.indexing import store
from search.indexing import update as updater
from search.indexing.build import BuildRefusedError, build
from search.indexing.update import update
from search.ingest.kinds import TEXT, SeedKind, kind_of
from search.model import SearchRequest
from search.retrieval.engine import SearchEngine
from tests.conftest import CORPUS, SEED_IDS, SEEDS_DIR

# A real seed, retitled, with a word no other seed has.
NEW_WORD = "Gorontalo"


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


@pytest.fixture()
def index(seeds: Path, tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    build(seeds, index_dir)
    return index_dir


@pytest.fixture()
def built(seeds: Path, build_engine):
    """The seeds built on each engine in turn (the contract tests of updates)."""
    build_engine.build(seeds)
    return build_engine


@pytest.fixture()
def parsed(monkeypatch) -> list[str]:
    """The names of the seed files the updater parses (rather than only hashes)."""
    names: list[str] = []

    class NotingKind:
        def __init__(self, kind: SeedKind) -> None:
            self.kind = kind

        def __getattr__(self, name: str):
            return getattr(self.kind, name)

        def read(self, path: Path):
            names.append(path.name)
            return self.kind.read(path)

        def read_ids(self, path: Path, ids: set[str]):
            names.append(path.name)
            return self.kind.read_ids(path, ids)

    monkeypatch.setattr(updater, "kind_of", lambda name: NotingKind(kind_of(name)))
    return names


def stamps(index_dir: Path) -> dict[str, float]:
    """Article id -> indexed_at, as stored in the live index."""
    with store.require_live(index_dir).open().searcher() as s:
        return {f["id"]: f["indexed_at"] for f in s.all_stored_fields()}


def ids_for(index_dir: Path, text: str) -> list[str]:
    """The articles that have `text`: each hit, and those of its copies (one result) that do."""
    engine = SearchEngine(index_dir)
    result = engine.search(SearchRequest(text, page_size=100))
    ids = {h.id for h in result.hits}
    for copy in (c for h in result.hits for c in h.copies):
        article = engine.article(copy.id)
        if article and text.lower() in f"{article.title}\n{article.body}".lower():
            ids.add(copy.id)
    return sorted(ids)


def write_new_seed(seeds: Path, name: str = "100_new") -> str:
    text = (SEEDS_DIR / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8")
    rest = text.split("\n", 1)[1]
    text = f"Pemprov {NEW_WORD} Percepat Pelayanan Publik Daerah\n{rest}\n\n"
    text += f"Pelayanan publik di {NEW_WORD} dipercepat oleh pemerintah provinsi.\n"
    (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    return name


def ids_in(built, text: str) -> list[str]:
    result = built.engine().search(SearchRequest(text, page_size=100))
    return sorted(h.id for h in result.hits)


def test_a_new_seed_is_added_without_touching_the_others(seeds: Path, built):
    assert ids_in(built, NEW_WORD) == []
    before = built.stamps()
    new_id = write_new_seed(seeds)
    report = built.update(seeds)
    assert (report.added, report.changed, report.removed) == ([new_id], [], [])
    assert report.unchanged == len(SEED_IDS)
    assert ids_in(built, NEW_WORD) == [new_id]
    after = built.stamps()
    assert {k: v for k, v in after.items() if k != new_id} == before
    assert after[new_id] > max(before.values())


def test_an_edited_seed_is_reindexed(seeds: Path, built):
    before = built.stamps()
    edited = SEED_IDS[2]
    with (seeds / f"{edited}.txt").open("a", encoding="utf-8") as f:
        f.write(f"\nKunjungan kerja berikutnya dijadwalkan ke {NEW_WORD}.\n")
    engine = built.engine()
    assert engine.search(SearchRequest("")).total == len(SEED_IDS)
    report = built.update(seeds)
    assert (report.added, report.changed, report.removed) == ([], [edited], [])
    assert ids_in(built, NEW_WORD) == [edited]
    assert engine.search(SearchRequest("")).total == len(SEED_IDS)  # not the old copy too
    after = built.stamps()
    assert after[edited] > before[edited]
    assert {k: v for k, v in after.items() if k != edited} == {
        k: v for k, v in before.items() if k != edited
    }
    assert built.engine().search(SearchRequest("")).total == len(SEED_IDS)


def test_a_deleted_seed_is_removed(seeds: Path, built):
    gone = SEED_IDS[1]
    engine = built.engine()  # open before the update, as in a running `cari serve`
    assert gone in [h.id for h in engine.search(SearchRequest("pelayanan")).hits]
    (seeds / f"{gone}.txt").unlink()
    report = built.update(seeds)
    assert (report.added, report.changed, report.removed) == ([], [], [gone])
    assert engine.article(gone) is None
    assert gone not in [h.id for h in engine.search(SearchRequest("pelayanan")).hits]
    assert gone not in ids_in(built, "pelayanan")
    assert set(built.stamps()) == set(SEED_IDS) - {gone}


def test_an_update_brings_suggestions_and_completions_up_to_date(seeds: Path, built):
    """A word an update adds is suggested for its misspelling and completes the word being
    typed; once its article is removed, neither."""
    engine = built.engine()
    misspelt = SearchRequest("gorontlo", as_typed=True)
    typing = SearchRequest("pelayanan gorontal", complete=True)
    assert engine.search(misspelt).suggestion is None
    new_id = "100_new"
    text = (SEEDS_DIR / f"{SEED_IDS[2]}.txt").read_text(encoding="utf-8")
    text += f"\nPelayanan publik di {NEW_WORD} dipercepat oleh pemerintah provinsi.\n"
    (seeds / f"{new_id}.txt").write_text(text, encoding="utf-8")
    built.update(seeds)
    assert engine.search(misspelt).suggestion == NEW_WORD.lower()
    completed = engine.search(typing)
    assert [h.id for h in completed.hits if not h.missing] == [new_id]
    (seeds / f"{new_id}.txt").unlink()
    built.update(seeds)
    assert engine.search(misspelt).suggestion is None
    assert not [h for h in engine.search(typing).hits if not h.missing]


def test_seeds_that_no_longer_read_keep_their_indexed_articles(seeds: Path, index: Path, parsed):
    """Emptied or truncated seeds (a botched copy) are reported and skipped: the index keeps
    their articles as they were, the dry run says so too, and the next update does not parse
    them again until they change; a seed fixed is re-indexed, a seed deleted removed."""
    before = stamps(index)
    broken = SEED_IDS[:4]
    original = {i: (seeds / f"{i}.txt").read_text(encoding="utf-8") for i in broken}
    for article_id in broken[:3]:
        (seeds / f"{article_id}.txt").write_text("", encoding="utf-8")
    (seeds / f"{broken[3]}.txt").write_text("Baca juga: apa saja\n", encoding="utf-8")

    preview = update(seeds, index, dry_run=True)
    assert (preview.added, preview.changed, preview.removed) == ([], [], [])
    assert sorted(p.path.stem for p in preview.problems) == broken
    assert all("indexed version is kept" in str(p) for p in preview.problems)

    report = update(seeds, index)
    assert (report.added, report.changed, report.removed) == ([], [], [])
    assert sorted(p.path.stem for p in report.problems) == broken
    assert all("indexed version is kept" in str(p) for p in report.problems)
    assert stamps(index) == before
    assert set(ids_for(index, "pelayanan")) == set(SEED_IDS)

    parsed.clear()
    again = update(seeds, index)
    assert parsed == [] and again.changes == 0 and again.unchanged == len(SEED_IDS)
    assert all("still unusable" in str(p) for p in again.problems)

    fixed = broken[0]
    (seeds / f"{fixed}.txt").write_text(original[fixed] + "\nTambahan.\n", encoding="utf-8")
    (seeds / f"{broken[1]}.txt").unlink()
    last = update(seeds, index)
    assert (last.changed, last.removed) == ([fixed], [broken[1]])
    assert set(stamps(index)) == set(SEED_IDS) - {broken[1]}


def test_an_unusable_seed_is_not_parsed_again_until_it_changes(seeds, index, parsed):
    broken = seeds / "150_broken.txt"
    broken.write_text("Baca juga: apa saja\n", encoding="utf-8")
    first = update(seeds, index)
    assert parsed == ["150_broken.txt"] and [p.path for p in first.problems] == [broken]
    second = update(seeds, index)
    assert parsed == ["150_broken.txt"] and second.changes == 0
    assert "still unusable" in str(second.problems[0])
    new_id = write_new_seed(seeds, "150_broken")  # fixed
    assert update(seeds, index).added == [new_id]


def test_a_second_update_does_nothing(seeds: Path, index: Path):
    write_new_seed(seeds)
    (seeds / f"{SEED_IDS[0]}.txt").unlink()
    first = update(seeds, index)
    assert first.changes == 2
    ix = store.require_live(index).open()
    generation, before = ix.latest_generation(), stamps(index)
    second = update(seeds, index)
    assert second.changes == 0 and second.unchanged == len(SEED_IDS)
    assert "up to date" in second.summary()
    assert ix.latest_generation() == generation  # no Whoosh commit at all
    assert stamps(index) == before


def test_an_update_removes_what_a_killed_writer_left(seeds: Path, index: Path):
    """A writer killed between its commit and its clean-up leaves its spill folder (Whoosh's
    MAIN.tmp) in the live index; the next update removes it even when it has nothing to do
    (found by tests/test_faults.py). A dry run leaves it."""
    live = store.require_live(index)
    (live.path / "MAIN.tmp").mkdir()
    (live.path / "MAIN.tmp" / "run-1.run").write_bytes(b"postings")
    (live.path / "stray.tmp").write_bytes(b"x")
    update(seeds, index, dry_run=True)
    assert (live.path / "MAIN.tmp").is_dir()
    report = update(seeds, index)
    assert report.changes == 0
    assert not list(live.path.glob("*.tmp"))
    assert SearchEngine(index).search(SearchRequest("pelayanan")).total > 0


def test_a_different_quick_hash_costs_a_parse_not_a_reindex(seeds, index, monkeypatch):
    # As if seeds hashed their content by another rule than the bytes of the file.
    monkeypatch.setattr(TEXT, "file_hash", lambda path: "another rule")
    ix = store.require_live(index).open()
    generation, before = ix.latest_generation(), stamps(index)
    report = update(seeds, index)
    assert report.changes == 0 and report.unchanged == len(SEED_IDS)
    assert ix.latest_generation() == generation and stamps(index) == before


def test_seeds_parsed_to_learn_their_ids_update_the_same_way(seeds, index, monkeypatch):
    # Multi-article seeds (one article per JSONL line) are parsed to learn ids and hashes.
    monkeypatch.setattr("search.indexing.seedstats.SINGLE_ARTICLE_SUFFIXES", ())
    new_id = write_new_seed(seeds)
    (seeds / f"{SEED_IDS[4]}.txt").unlink()
    report = update(seeds, index)
    assert (report.added, report.changed, report.removed) == ([new_id], [], [SEED_IDS[4]])
    assert ids_for(index, NEW_WORD) == [new_id]
    assert update(seeds, index).changes == 0


def test_a_sidecar_added_changed_or_removed_reindexes_its_seed(seeds: Path, index: Path):
    # A sidecar of corrections changes the article without changing the seed's bytes.
    corrected, sidecar = SEED_IDS[1], seeds / f"{SEED_IDS[1]}.meta.toml"
    original = SearchEngine(index).article(corrected).source
    sidecar.write_text('source = "contoh.id"\n', encoding="utf-8")
    report = update(seeds, index)
    assert (report.added, report.changed, report.removed) == ([], [corrected], [])
    assert SearchEngine(index).article(corrected).source == "contoh.id"
    assert update(seeds, index).changes == 0
    sidecar.write_text('source = "contoh.go.id"\n', encoding="utf-8")
    assert update(seeds, index).changed == [corrected]
    sidecar.unlink()
    assert update(seeds, index).changed == [corrected]
    assert SearchEngine(index).article(corrected).source == original


def test_dry_run_changes_nothing(seeds: Path, built):
    new_id = write_new_seed(seeds)
    before = built.stamps()
    report = built.update(seeds, dry_run=True)
    assert report.added == [new_id] and report.summary().startswith("would add 1")
    assert built.stamps() == before


def test_an_older_analyzer_forces_a_full_rebuild(seeds: Path, index: Path):
    live = store.require_live(index)
    live.write_meta({**live.read_meta(), "analyzer_version": "0"})
    report = update(seeds, index)
    assert report.rebuilt and "analyzer version 0" in report.rebuilt
    new_live = store.require_live(index)
    assert new_live.path != live.path
    assert new_live.read_meta()["analyzer_version"] != "0"
    assert update(seeds, index).rebuilt is None


def test_changed_word_lists_force_a_full_rebuild(seeds: Path, index: Path):
    # An index built before search/data/ changed (gazetteer, glossary, stopwords...) carries
    # the old fingerprint: the next update re-extracts and re-analyses everything.
    from search.lexicon import data_fingerprint

    live = store.require_live(index)
    assert live.read_meta()["data_fingerprint"] == data_fingerprint()
    live.write_meta({**live.read_meta(), "data_fingerprint": "before-an-edit"})
    report = update(seeds, index)
    assert report.rebuilt == "the word lists in search/data changed since the index was built"
    assert store.require_live(index).read_meta()["data_fingerprint"] == data_fingerprint()
    assert update(seeds, index).rebuilt is None


def test_no_index_yet_means_a_full_build(seeds: Path, build_engine):
    report = build_engine.update(seeds)
    assert report.rebuilt == "there was no index yet"
    assert report.articles == len(SEED_IDS)
    assert sorted(build_engine.stamps()) == SEED_IDS


def test_an_update_that_would_empty_the_index_is_refused(seeds: Path, built):
    for path in list(seeds.glob("*.txt"))[:4]:
        path.unlink()
    with pytest.raises(BuildRefusedError, match="left as it was"):
        built.update(seeds)
    assert len(built.stamps()) == len(SEED_IDS)
    assert len(built.update(seeds, force=True).removed) == 4


def test_a_build_that_would_lose_most_articles_is_refused(seeds: Path, built):
    for path in list(seeds.glob("*.txt"))[:4]:
        path.unlink()
    with pytest.raises(BuildRefusedError, match="left as it was"):
        built.build(seeds)
    assert len(built.stamps()) == len(SEED_IDS)
    assert built.build(seeds, force=True).indexed == 1 and len(built.stamps()) == 1


def test_cli_update_prints_what_it_did(runner, seeds: Path, built):
    new_id = write_new_seed(seeds)
    args = ["update", "--seeds", str(seeds), *built.cli_args()]
    result = runner.invoke(cli, args, env=built.cli_env())
    assert result.exit_code == 0, result.output
    assert f"added: {new_id}" in result.output
    assert "added 1, re-indexed 0, removed 0, 5 unchanged" in result.output
    again = runner.invoke(cli, args, env=built.cli_env())
    assert again.exit_code == 0 and "up to date: 6 articles unchanged" in again.output


def test_cli_update_with_missing_seed_folder_is_one_line(runner, tmp_path: Path):
    result = runner.invoke(
        cli, ["update", "--seeds", str(tmp_path / "nope"), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output


@pytest.mark.corpus
def test_jsonl_records_are_compared_without_parsing_the_unchanged_ones(
    seeds: Path, tmp_path: Path, parsed: list[str]
):
    lines = []
    with CORPUS.open(encoding="utf-8") as corpus:
        for line in corpus:
            lines.append(line)
            if len(lines) == 4:
                break
    ids = [json.loads(line)["id"] for line in lines]
    export = seeds / "export.jsonl"
    export.write_text("".join(lines[:3]), encoding="utf-8")
    index = tmp_path / "index"
    build(seeds, index)
    assert update(seeds, index).changes == 0 and parsed == []

    export.write_text("".join(lines), encoding="utf-8")  # a fourth record
    report = update(seeds, index)
    assert (report.added, report.changed, report.removed) == ([ids[3]], [], [])
    assert parsed == ["export.jsonl"]

    record = json.loads(lines[1])
    record["title"] = f"{record['title']} di {NEW_WORD}"
    edited = [lines[0], json.dumps(record, ensure_ascii=False) + "\n", *lines[2:]]
    export.write_text("".join(edited[1:]), encoding="utf-8")  # edit one, drop the first
    report = update(seeds, index)
    assert (report.added, report.changed, report.removed) == ([], [ids[1]], [ids[0]])
    assert ids_for(index, NEW_WORD) == [ids[1]]

    (seeds / "export.meta.toml").write_text(f'["{ids[2]}"]\nsource = "contoh.id"\n', "utf-8")
    report = update(seeds, index)
    assert report.changed == [ids[2]] and not report.added and not report.removed
    assert SearchEngine(index).article(ids[2]).source == "contoh.id"
    assert update(seeds, index).changes == 0


# -- seeds not read again when their file stats say they are unchanged (search.indexing.seedstats) --


def _age(folder: Path, monkeypatch, seconds: float = 3600) -> None:
    """Make every seed look written an hour ago, and settled: its change time (which the
    kernel sets to now on any write or utime) further back than SETTLE_NS, shortened here."""
    monkeypatch.setattr("search.indexing.seedstats.SETTLE_NS", 200_000_000)
    old = time.time() - seconds
    for path in folder.iterdir():
        os.utime(path, (old, old))
    time.sleep(0.25)


def _counting_reads(monkeypatch) -> list[str]:
    read: list[str] = []
    original = TEXT.file_hash

    def counting(path: Path) -> str:
        read.append(path.name)
        return original(path)

    monkeypatch.setattr(TEXT, "file_hash", counting)
    return read


def test_settled_seeds_are_not_read_again(seeds: Path, tmp_path: Path, monkeypatch):
    _age(seeds, monkeypatch)
    index_dir = tmp_path / "aged-index"
    build(seeds, index_dir)
    read = _counting_reads(monkeypatch)
    assert update(seeds, index_dir).changes == 0
    assert read == []  # every seed known from the build's stats
    new_id = write_new_seed(seeds)
    report = update(seeds, index_dir)
    assert report.added == [new_id] and read == [f"{new_id}.txt"]


def test_a_seed_rewritten_with_the_same_size_and_times_is_read_again(seeds, tmp_path, monkeypatch):
    """The coarse-clock case: same size, same modification time, new content. Its change
    time moves (the kernel sets it on any write or utime), so it is hashed again."""
    _age(seeds, monkeypatch)
    index_dir = tmp_path / "aged-index"
    build(seeds, index_dir)
    target = seeds / f"{SEED_IDS[3]}.txt"
    before = target.stat()
    data = target.read_bytes()
    swapped = data.replace(b"a", b"o", 1)
    assert len(swapped) == len(data) and swapped != data
    target.write_bytes(swapped)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    read = _counting_reads(monkeypatch)
    report = update(seeds, index_dir)
    assert read == [target.name]
    assert report.changed == [SEED_IDS[3]]


def test_a_seed_written_just_before_the_build_is_read_again(seeds, tmp_path, monkeypatch):
    index_dir = tmp_path / "fresh-index"
    build(seeds, index_dir)  # the seeds were copied a moment ago: not settled
    read = _counting_reads(monkeypatch)
    assert update(seeds, index_dir).changes == 0
    assert sorted(read) == sorted(f"{i}.txt" for i in SEED_IDS)


def test_a_seed_the_build_could_not_use_is_not_parsed_by_the_next_update(seeds, tmp_path, parsed):
    broken = seeds / "150_broken.txt"
    broken.write_text("Baca juga: apa saja\n", encoding="utf-8")
    index_dir = tmp_path / "with-broken"
    built = build(seeds, index_dir)
    assert [p.path for p in built.problems] == [broken]
    report = update(seeds, index_dir)
    assert parsed == [] and report.changes == 0
    assert "still unusable" in str(report.problems[0])


@pytest.mark.corpus
def test_an_unusable_jsonl_record_is_not_parsed_again_after_a_build(
    seeds: Path, tmp_path: Path, parsed: list[str]
):
    """A build notes the records it could not use, so the update after it parses nothing;
    a record fixed later is the only one parsed, and a still broken one names its line."""
    with CORPUS.open(encoding="utf-8") as corpus:
        lines = [next(corpus) for _ in range(3)]
    bad = {"id": "rec-kosong", "title": "Baca juga", "body": "Baca juga: apa saja"}
    export = seeds / "export.jsonl"
    export.write_text("".join(lines) + json.dumps(bad) + "\n", encoding="utf-8")
    index = tmp_path / "index"
    assert [p.line for p in build(seeds, index).problems] == [4]

    first = update(seeds, index)
    assert parsed == [] and first.changes == 0
    assert [p.path.name for p in first.problems] == ["export.jsonl"]
    assert "still unusable" in str(first.problems[0])

    worse = {**bad, "body": "Baca juga: yang lain"}
    export.write_text("".join(lines) + json.dumps(worse) + "\n", encoding="utf-8")
    again = update(seeds, index)
    assert parsed == ["export.jsonl"] and again.changes == 0
    assert again.problems[0].line == 4 and "no article text" in again.problems[0].reason

    record = json.loads(lines[0])
    fixed = {**record, "id": "rec-kosong"}
    export.write_text("".join(lines) + json.dumps(fixed) + "\n", encoding="utf-8")
    assert update(seeds, index).added == ["rec-kosong"]


@pytest.mark.corpus
def test_an_unreadable_jsonl_seed_or_sidecar_keeps_its_articles(seeds: Path, tmp_path: Path):
    """An emptied export, or a seed's broken sidecar, is reported and its articles kept;
    a single-article seed deleted meanwhile is still removed; the export deleted removes
    its records."""
    with CORPUS.open(encoding="utf-8") as corpus:
        lines = [next(corpus) for _ in range(5)]
    ids = [json.loads(line)["id"] for line in lines]
    export = seeds / "export.jsonl"
    export.write_text("".join(lines), encoding="utf-8")
    index = tmp_path / "index"
    build(seeds, index)
    before = set(stamps(index))

    export.write_text("", encoding="utf-8")
    (seeds / f"{SEED_IDS[0]}.meta.toml").write_text("bad = = toml\n", encoding="utf-8")
    (seeds / f"{SEED_IDS[1]}.txt").unlink()
    report = update(seeds, index)
    assert report.removed == [SEED_IDS[1]]
    assert set(stamps(index)) == before - {SEED_IDS[1]}
    reasons = " ".join(str(p) for p in report.problems)
    assert "is empty (no records)" in reasons and "not valid TOML" in reasons
    assert "5 indexed articles kept" in reasons

    export.unlink()
    (seeds / f"{SEED_IDS[0]}.meta.toml").unlink()
    assert sorted(update(seeds, index, force=True).removed) == sorted(ids)


# -- a large archive of settled JSONL exports: only the exports that changed are read --


def _counting_keys(monkeypatch) -> list[str]:
    """The names of the JSONL seeds whose records an update reads."""
    from search.ingest.kinds import JSONL

    read: list[str] = []
    original = JSONL.keys

    def counting(path: Path):
        read.append(path.name)
        return original(path)

    monkeypatch.setattr(JSONL, "keys", counting)
    return read


@pytest.mark.corpus
def test_settled_jsonl_exports_are_not_read_again(seeds: Path, tmp_path: Path, monkeypatch):
    with CORPUS.open(encoding="utf-8") as corpus:
        lines = [next(corpus) for _ in range(8)]
    ids = [json.loads(line)["id"] for line in lines]
    (seeds / "a.jsonl").write_text("".join(lines[:3]), encoding="utf-8")
    (seeds / "b.jsonl").write_text("".join(lines[3:5]), encoding="utf-8")
    _age(seeds, monkeypatch)
    index_dir = tmp_path / "archive-index"
    build(seeds, index_dir)
    read = _counting_keys(monkeypatch)
    first = update(seeds, index_dir)
    assert first.changes == 0 and first.unchanged == 10 and read == []

    (seeds / "c.jsonl").write_text("".join(lines[5:7]), encoding="utf-8")
    report = update(seeds, index_dir)
    assert (report.added, report.changed, report.removed) == (ids[5:7], [], [])
    assert read == ["c.jsonl"] and report.unchanged == 10

    read.clear()
    (seeds / "b.jsonl").unlink()  # an export deleted: its records go, nothing else is read
    report = update(seeds, index_dir)
    assert sorted(report.removed) == sorted(ids[3:5]) and not report.added
    assert "a.jsonl" not in read  # (c.jsonl is read again: it was written moments ago)
    assert sorted(stamps(index_dir)) == sorted([*SEED_IDS, *ids[:3], *ids[5:7]])


@pytest.mark.corpus
def test_a_settled_export_cut_short_keeps_its_articles(seeds: Path, tmp_path: Path, monkeypatch):
    with CORPUS.open(encoding="utf-8") as corpus:
        lines = [next(corpus) for _ in range(4)]
    ids = [json.loads(line)["id"] for line in lines]
    export = seeds / "a.jsonl"
    export.write_text("".join(lines), encoding="utf-8")
    _age(seeds, monkeypatch)
    index_dir = tmp_path / "archive-index"
    build(seeds, index_dir)
    before = stamps(index_dir)
    data = export.read_bytes()
    export.write_bytes(data[: int(len(data) * 0.6)])  # a copy stopped part way
    report = update(seeds, index_dir)
    assert report.removed == [] and report.problems
    assert stamps(index_dir) == before
    export.write_bytes(data)  # the copy finished: nothing changed in the index
    assert update(seeds, index_dir).changes == 0 and stamps(index_dir) == before
    assert set(ids) <= set(before)


@pytest.mark.corpus
def test_a_sidecar_beside_a_settled_export_is_read(seeds: Path, tmp_path: Path, monkeypatch):
    with CORPUS.open(encoding="utf-8") as corpus:
        lines = [next(corpus) for _ in range(2)]
    ids = [json.loads(line)["id"] for line in lines]
    (seeds / "a.jsonl").write_text("".join(lines), encoding="utf-8")
    _age(seeds, monkeypatch)
    index_dir = tmp_path / "archive-index"
    build(seeds, index_dir)
    (seeds / "a.meta.toml").write_text(f'["{ids[1]}"]\nsource = "contoh.id"\n', "utf-8")
    report = update(seeds, index_dir)
    assert report.changed == [ids[1]]
    assert SearchEngine(index_dir).article(ids[1]).source == "contoh.id"


@pytest.mark.corpus
def test_a_settled_export_with_an_unusable_record_reports_it_every_time(
    seeds: Path, tmp_path: Path, monkeypatch
):
    with CORPUS.open(encoding="utf-8") as corpus:
        lines = [next(corpus) for _ in range(2)]
    bad = {"id": "rec-kosong", "title": "Baca juga", "body": "Baca juga: apa saja"}
    (seeds / "a.jsonl").write_text("".join(lines) + json.dumps(bad) + "\n", encoding="utf-8")
    _age(seeds, monkeypatch)
    index_dir = tmp_path / "archive-index"
    build(seeds, index_dir)
    for _ in range(2):
        report = update(seeds, index_dir)
        assert report.changes == 0
        assert any("rec-kosong" in str(p) for p in report.problems)


def test_an_update_stopped_before_it_recorded_its_seeds_is_not_trusted(
    seeds: Path, tmp_path: Path, monkeypatch
):
    """Killed between its commit and writing the seed record, an update leaves a record of
    the commit before: the next update compares every indexed article, so an article added
    then and deleted since is removed."""
    _age(seeds, monkeypatch)
    index_dir = tmp_path / "aged-index"
    build(seeds, index_dir)
    new_id = write_new_seed(seeds)
    with monkeypatch.context() as m:
        m.setattr(updater.seedstats, "save", lambda *args, **kwargs: None)
        assert update(seeds, index_dir).added == [new_id]
    (seeds / f"{new_id}.txt").unlink()
    assert update(seeds, index_dir).removed == [new_id]
    assert new_id not in stamps(index_dir)


def segment_sizes(index_dir: Path) -> list[int]:
    """The article counts of the live index's segments, smallest first."""
    with store.require_live(index_dir).open().reader() as reader:
        return sorted(leaf.doc_count_all() for leaf, _ in reader.leaf_readers())


def test_an_update_adds_a_segment_and_rewrites_none(seeds: Path, index: Path):
    built = segment_sizes(index)
    write_new_seed(seeds, "100_new")
    update(seeds, index)
    assert segment_sizes(index) == sorted([*built, 1])
    write_new_seed(seeds, "101_new")
    update(seeds, index)
    # Neither the build's segment nor the first update's was merged (and deleted under the
    # searches that have it open).
    assert segment_sizes(index) == sorted([*built, 1, 1])
    assert ids_for(index, NEW_WORD) == ["100_new", "101_new"]


def test_an_update_of_new_pages_beside_exports_reads_no_export_s_keys(tmp_path: Path, monkeypatch):
    """New pages added beside pages and exports already indexed: no other seed can hold a new
    page's version, so the exports' recorded keys are not read (an update of ten new seeds
    on a large archive stays an update of ten)."""
    import json

    from search.indexing import seedstats
    from tests.conftest import corpus_records

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    records = corpus_records(40)
    for n in range(2):
        part = records[n * 20 : (n + 1) * 20]
        (seeds / f"export_{n}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in part))
    _age(seeds, monkeypatch)  # settled: an update skips what it finds unchanged
    index = tmp_path / "index"
    build(seeds, index)
    read: list[str] = []
    recorded = seedstats.recorded_keys
    monkeypatch.setattr(
        seedstats, "recorded_keys", lambda folder, name: read.append(name) or recorded(folder, name)
    )
    for n in range(2):
        write_new_seed(seeds, f"200_new_{n}")
    report = update(seeds, index)
    assert len(report.added) == 2 and not report.removed and report.unchanged == 45
    assert read == []


def _copied(records: list[dict], tag: str) -> list[dict]:
    """Each record again under another id and source: a syndicated copy of it."""
    return [{**r, "id": f"{r['id']}{tag}", "source": f"salinan{tag}.id"} for r in records]


@pytest.mark.corpus
@pytest.mark.parametrize("change", ["update", "builds"])
def test_an_export_reads_one_version_of_the_index_though_an_update_lands(
    tmp_path: Path, change: str
):
    """An export's pages, copies and all, are read from the index as it was at its first page:
    an update that removes articles and copies meanwhile, or two builds (the second removing
    the generation the export began on), neither drop nor repeat rows (each page read anew
    listed the old first page, then the new index's next ones)."""
    from search.model import MAX_PAGE_SIZE
    from search.saved.queries import export_rows

    with CORPUS.open(encoding="utf-8") as corpus:
        records = [json.loads(line) for line, _ in zip(corpus, range(400), strict=False)]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    export = seeds / "export.jsonl"

    def write(rows: list[dict]) -> None:
        export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    write(records + _copied(records[:100], "-c1"))
    index = tmp_path / "index"
    build(seeds, index)
    engine = SearchEngine(index, cache_size=0)
    request = SearchRequest("indonesia")
    before = [(hit.id, copy_of) for page in export_rows(engine, request) for hit, copy_of in page]
    assert len(before) > MAX_PAGE_SIZE and any(copy_of for _, copy_of in before)

    counted = engine.count(request)
    pages = export_rows(engine, request)
    first = [(hit.id, copy_of) for hit, copy_of in next(pages)]
    if change == "update":
        write(records[100:] + _copied(records[:100], "-c1")[:40])
        assert update(seeds, index).removed
    else:
        for kept in (300, 250):
            write(records[:kept])
            build(seeds, index, force=True)
    # between two pages, the thread's own searches read the index as it is now
    assert engine.count(request) < counted
    rest = [(hit.id, copy_of) for page in pages for hit, copy_of in page]
    assert first + rest == before
    after = [hit.id for page in export_rows(engine, request) for hit, _ in page]
    assert 0 < len(after) < len(before)  # the next export reads the changed index
