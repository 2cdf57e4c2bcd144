"""Seed files in every shape they arrive in: each gives an article or one clear problem line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.ingest.files import SeedError
from search.ingest.kinds import JSONL, TEXT, SeedProblem
from search.ingest.seeds import (
    count_articles,
    find_seed,
    inspect_seed,
    list_seeds,
    read_articles,
)
from search.model import Article
from tests.conftest import SEEDS_DIR

SEED_001 = SEEDS_DIR / "001_c392d4d57c4d2ec5.txt"
PAGE = (
    "Gubernur Jawa Tengah Resmikan Mal Pelayanan Publik di Kudus\n"
    "Selasa, 10 September 2019 14:30 WIB\n"
    "KUDUS, KOMPAS.com - Gubernur Jawa Tengah Ganjar Pranowo meresmikan mal pelayanan publik "
    "di Kabupaten Kudus agar warga dilayani lebih cepat dan tanpa pungutan liar.\n"
    "Ia meminta aparatur melayani warga dengan ramah dan cepat di seluruh kantor pelayanan.\n"
)


def one(items: list) -> Article | SeedProblem:
    assert len(items) == 1, items
    return items[0]


def read_one(path: Path) -> Article | SeedProblem:
    return one(list(read_articles([path])))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8", PAGE.encode("utf-8")),
        ("bom", b"\xef\xbb\xbf" + PAGE.encode("utf-8")),
        ("crlf", PAGE.replace("\n", "\r\n").encode("utf-8")),
        ("cr", PAGE.replace("\n", "\r").encode("utf-8")),
        ("cp1252", PAGE.replace("pungutan", "“pungutan”").encode("cp1252")),
        ("latin1", PAGE.replace("warga", "warga café").encode("latin-1")),
    ],
)
def test_encodings_and_line_ends_give_the_same_article(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    article = read_one(path)
    assert isinstance(article, Article), article
    assert article.id == name
    assert article.title == "Gubernur Jawa Tengah Resmikan Mal Pelayanan Publik di Kudus"
    assert article.date_iso == "2019-09-10"
    assert article.source == "kompas.com"
    assert [(o.name, o.role) for o in article.officials] == [
        ("Ganjar Pranowo", "Gubernur Jawa Tengah")
    ]
    assert "\r" not in article.body and "\ufeff" not in article.body
    if name == "cp1252":
        assert "“pungutan”" in article.body
    if name == "latin1":
        assert "café" in article.body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\r\n\t \n", "is empty"),
        (b"Beranda / Berita / Nasional\nBaca juga: Tujuh hal\nCopyright 2025\n", "no article text"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
    ],
)
def test_unusable_files_are_one_clear_problem(tmp_path: Path, data: bytes, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    problem = read_one(path)
    assert isinstance(problem, SeedProblem)
    assert reason in problem.reason
    assert str(problem).startswith(f"{path}: skipped: ")
    assert "\n" not in str(problem)


def test_a_directory_or_broken_link_named_like_a_seed_is_a_problem(tmp_path: Path):
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing")
    items = list(read_articles(list_seeds(tmp_path)))
    assert [type(i) for i in items] == [SeedProblem, SeedProblem]


def test_a_very_large_page_is_read_whole(tmp_path: Path):
    paragraph = (
        "Pemerintah daerah terus memperbaiki pelayanan publik agar warga dilayani dengan cepat, "
        "ramah dan tanpa pungutan liar di seluruh kantor pelayanan.\n"
    )
    path = tmp_path / "big.txt"
    path.write_text(PAGE + paragraph * 3000, encoding="utf-8")
    assert path.stat().st_size > 400_000
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.date_iso == "2019-09-10"
    assert article.body.count("tanpa pungutan liar di seluruh") == 3000


def test_a_bad_seed_does_not_stop_the_others(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    items = list(read_articles(list_seeds(tmp_path)))
    assert [type(i).__name__ for i in items] == ["SeedProblem", "Article"]


def test_list_seeds_takes_txt_and_jsonl_but_not_sidecars(tmp_path: Path):
    for name in ("a.txt", "b.jsonl", "a.meta.toml", ".hidden.txt", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in list_seeds(tmp_path)] == ["a.txt", "b.jsonl"]


# JSONL seeds: one article per line, as exported by news archives.

RECORD = {
    "id": "rec-1",
    "title": "Anies Resmikan Jalur Sepeda",
    "body": "Gubernur DKI Jakarta Anies Baswedan meresmikan jalur sepeda baru di Jakarta Pusat, "
    "Selasa (10/9/2019).\nMenurut Anies, jalur itu membuat warga lebih sehat.",
    "date": "2019-09-11",
    "source": "kompas.com",
    "url": "https://megapolitan.kompas.com/read/2019/09/11/1/jalur-sepeda",
    "category": "News",
}


def write_jsonl(path: Path, *lines: object) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_jsonl_record_fields_win_over_extraction(tmp_path: Path):
    article = read_one(write_jsonl(tmp_path / "x.jsonl", RECORD))
    assert isinstance(article, Article)
    assert article.id == "rec-1"
    assert article.title == RECORD["title"]
    assert article.date_iso == "2019-09-11"  # the record's, not the lede's 10/9
    assert article.source == "kompas.com"
    assert article.url == RECORD["url"]
    assert [o.name for o in article.officials] == ["Anies Baswedan"]
    assert article.body.startswith("Gubernur DKI Jakarta") and "Menurut Anies" in article.body


def test_jsonl_record_date_and_source_are_not_searched_for(tmp_path: Path, monkeypatch):
    """A record's usable date and source are taken as given: the text is not searched for
    them (the date search was a fifth of a corpus record's extraction). A record without
    them still is."""
    import search.ingest.extract as extract

    searched: list[str] = []
    real_date, real_source = extract.find_date, extract.find_source

    def find_date(*args):
        searched.append("date")
        return real_date(*args)

    def find_source(*args):
        searched.append("source")
        return real_source(*args)

    monkeypatch.setattr(extract, "find_date", find_date)
    monkeypatch.setattr(extract, "find_source", find_source)
    given = read_one(write_jsonl(tmp_path / "given.jsonl", RECORD))
    assert given.date_iso == "2019-09-11" and given.source == "kompas.com"
    assert searched == []
    bare = read_one(write_jsonl(tmp_path / "bare.jsonl", {"id": 7, "body": PAGE}))
    assert bare.date_iso == "2019-09-10" and bare.source == "kompas.com"
    assert searched == ["date", "source"]
    unreadable = {**RECORD, "date": "kapan-kapan"}
    assert read_one(write_jsonl(tmp_path / "odd.jsonl", unreadable)).date_iso == "2019-09-10"
    assert searched[-1] == "date"


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "0001-01-01", "0019-09-11"])
def test_an_iso_date_out_of_range_is_not_read_loosely(tmp_path: Path, caplog, placeholder: str):
    """A placeholder date the ISO reader refused was read again by the loose one, which
    found part of it: '0001-01-01' became 2001-01-01 at day precision, '0019-09-11'
    2019-09-11, with no warning. It is a date not understood, taken from the text."""
    with caplog.at_level("WARNING"):
        article = read_one(write_jsonl(tmp_path / "zero.jsonl", {**RECORD, "date": placeholder}))
    assert article.date_iso == "2019-09-10"  # the page's own date
    assert "not understood" in caplog.text and repr(placeholder) in caplog.text


def test_jsonl_record_without_text_is_reported_as_that_first(tmp_path: Path, caplog):
    """A record with no article text is reported as such, whatever its date field holds,
    and its unreadable date is not warned about; the same date on a usable record is."""
    short = {"id": "s", "title": "Judul", "body": "Terlalu pendek."}
    odd_type = read_one(write_jsonl(tmp_path / "a.jsonl", {**short, "date": 2019}))
    assert isinstance(odd_type, SeedProblem) and "no article text" in odd_type.reason
    with caplog.at_level("WARNING"):
        read_one(write_jsonl(tmp_path / "b.jsonl", {**short, "date": "kapan-kapan"}))
    assert "not understood" not in caplog.text
    with caplog.at_level("WARNING"):
        read_one(write_jsonl(tmp_path / "c.jsonl", {**RECORD, "date": "kapan-kapan"}))
    assert "not understood" in caplog.text
    typed = read_one(write_jsonl(tmp_path / "d.jsonl", {**RECORD, "source": 5}))
    assert isinstance(typed, SeedProblem) and "'source' must be a string" in typed.reason


def test_jsonl_missing_fields_are_extracted_from_the_text(tmp_path: Path):
    record = {"id": 7, "body": PAGE}
    article = read_one(write_jsonl(tmp_path / "x.jsonl", record))
    assert isinstance(article, Article)
    assert article.id == "7"
    assert article.title.startswith("Gubernur Jawa Tengah Resmikan")
    assert article.date_iso == "2019-09-10"
    assert article.source == "kompas.com"


def test_jsonl_source_from_url_when_not_given(tmp_path: Path):
    record = {k: v for k, v in RECORD.items() if k != "source"}
    article = read_one(write_jsonl(tmp_path / "x.jsonl", record))
    assert article.source == "kompas.com"


def test_jsonl_bad_lines_are_problems_naming_file_and_line(tmp_path: Path):
    path = write_jsonl(
        tmp_path / "x.jsonl",
        RECORD,
        "{not json",
        "",
        ["a", "list"],
        {"title": "no id", "body": "x" * 80},
        {"id": "no-body", "title": "Judul"},
        {"id": "bad/id", "body": "x" * 80},
        {"id": "rec-2", "body": 5},
        {**RECORD, "id": "rec-3"},
        {**RECORD, "id": ".."},
        {**RECORD, "id": " . "},
    )
    items = list(read_articles([path]))
    problems = [i for i in items if isinstance(i, SeedProblem)]
    assert [a.id for a in items if isinstance(a, Article)] == ["rec-1", "rec-3"]
    assert [p.line for p in problems] == [2, 4, 5, 6, 7, 8, 10, 11]
    assert str(problems[0]).startswith(f"{path}:2: skipped: is not valid JSON")
    assert "not an object" in problems[1].reason
    assert "'id'" in problems[2].reason
    assert "'body'" in problems[3].reason
    assert "unusable id" in problems[4].reason
    assert "must be a string" in problems[5].reason
    # "." and "..": a client takes them out of /api/articles/<id>, the page never opens
    assert all("unusable id" in p.reason for p in problems[6:])


def test_jsonl_content_hash_is_per_record(tmp_path: Path):
    first = list(read_articles([write_jsonl(tmp_path / "a.jsonl", RECORD, {**RECORD, "id": "r2"})]))
    changed = {**RECORD, "body": RECORD["body"] + " Tambahan."}
    second = list(
        read_articles([write_jsonl(tmp_path / "b.jsonl", changed, {**RECORD, "id": "r2"})])
    )
    assert first[1].content_hash == second[1].content_hash  # untouched record: same hash
    assert first[0].content_hash != second[0].content_hash  # edited record: new hash
    assert len({a.content_hash for a in first}) == 2


def test_jsonl_bom_and_crlf(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(RECORD).encode() + b"\r\n")
    article = read_one(path)
    assert isinstance(article, Article) and article.id == "rec-1"


def test_unreadable_jsonl_is_one_problem(tmp_path: Path):
    (tmp_path / "dir.jsonl").mkdir()
    problem = read_one(tmp_path / "dir.jsonl")
    assert isinstance(problem, SeedProblem) and problem.line is None


# Overrides: seeds/<name>.meta.toml corrects extraction without editing the article.


def test_sidecar_corrects_a_txt_seed(tmp_path: Path):
    seed = tmp_path / SEED_001.name
    seed.write_bytes(SEED_001.read_bytes())
    before = TEXT.extract(seed).article
    (tmp_path / "001_c392d4d57c4d2ec5.meta.toml").write_text(
        'date = "2022-03"\nsource = "Kemendagri.go.id"\n'
        'remove_officials = ["Joko Widodo"]\n'
        'add_officials = [{ name = "Tito Karnavian", role = "Mendagri" }]\n',
        encoding="utf-8",
    )
    extraction = TEXT.extract(seed)
    after = extraction.article
    assert (after.date_iso, after.date_precision) == ("2022-03", "month")
    assert after.source == "kemendagri.go.id"
    assert [(o.name, o.role) for o in after.officials] == [
        ("Suhajar Diantoro", "Sekjen Kemendagri"),
        ("Tito Karnavian", "Mendagri"),
    ]
    assert after.title == before.title and after.body == before.body
    assert after.content_hash != before.content_hash  # an edited override means a reindex
    assert extraction.given["date"] == "override 001_c392d4d57c4d2ec5.meta.toml"


def test_sidecar_can_clear_a_wrong_date_and_replace_officials(tmp_path: Path):
    seed = tmp_path / "s.txt"
    seed.write_text(PAGE, encoding="utf-8")
    (tmp_path / "s.meta.toml").write_text(
        'date = ""\nofficials = [{ name = "Ganjar Pranowo" }]\ntitle = "Judul Baru"\n',
        encoding="utf-8",
    )
    article = TEXT.extract(seed).article
    assert article.date is None and article.title == "Judul Baru"
    assert [(o.name, o.role) for o in article.officials] == [("Ganjar Pranowo", "")]


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ('titel = "x"', "unknown key 'titel'"),
        ('date = "kemarin"', "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date = ", "not valid TOML"),
        ('officials = "Ganjar"', "must be a list"),
        ('title = ""', "title cannot be empty"),
    ],
)
def test_a_wrong_sidecar_is_one_clear_problem(tmp_path: Path, sidecar: str, reason: str):
    seed = tmp_path / "s.txt"
    seed.write_text(PAGE, encoding="utf-8")
    (tmp_path / "s.meta.toml").write_text(sidecar + "\n", encoding="utf-8")
    problem = read_one(seed)
    assert isinstance(problem, SeedProblem)
    assert reason in problem.reason and "s.meta.toml" in problem.reason


def test_sidecar_corrects_jsonl_records_by_id(tmp_path: Path):
    path = write_jsonl(tmp_path / "x.jsonl", RECORD, {**RECORD, "id": "rec-2"})
    plain = list(read_articles([path]))
    (tmp_path / "x.meta.toml").write_text('["rec-2"]\ndate = "2019"\n', encoding="utf-8")
    corrected = list(read_articles([path]))
    assert [a.date_iso for a in corrected] == ["2019-09-11", "2019"]
    assert plain[0].content_hash == corrected[0].content_hash
    assert plain[1].content_hash != corrected[1].content_hash


def test_find_and_inspect_seeds(tmp_path: Path):
    assert find_seed("001_c392d4d57c4d2ec5", SEEDS_DIR) == SEED_001
    assert find_seed(str(SEED_001), tmp_path) == SEED_001
    path = write_jsonl(tmp_path / "x.jsonl", "{broken", RECORD, {**RECORD, "id": "rec-2"})
    assert inspect_seed(path).article.id == "rec-1"
    assert inspect_seed(path, "rec-2").article.id == "rec-2"
    with pytest.raises(SeedError, match="no record with id 'nope'"):
        inspect_seed(path, "nope")
    short = write_jsonl(tmp_path / "y.jsonl", RECORD, {"id": "tiny", "body": "Adapun"})
    with pytest.raises(SeedError, match="line 2: has no article text"):
        inspect_seed(short, "tiny")


def test_count_articles_counts_jsonl_lines(tmp_path: Path):
    write_jsonl(tmp_path / "x.jsonl", RECORD, "", {**RECORD, "id": "r2"}, "{broken")
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    assert count_articles(list_seeds(tmp_path)) == 4


def test_a_jsonl_date_written_as_a_number_is_a_year(tmp_path: Path):
    path = write_jsonl(tmp_path / "a.jsonl", {**RECORD, "date": 2019})
    (article,) = list(read_articles([path]))
    assert isinstance(article, Article) and article.date_iso == "2019"


def test_a_record_with_a_non_ascii_id_is_found_by_its_id(tmp_path: Path):
    """A line holds the id as UTF-8 ("café") or escaped (json.dumps' default): both are
    found, by `cari inspect --id` and by an update that wants that record."""
    path = tmp_path / "a.jsonl"
    written = json.dumps({**RECORD, "id": "berita-café"}, ensure_ascii=False)
    escaped = json.dumps({**RECORD, "id": "berita-señor"})
    path.write_text(f"{written}\n{escaped}\n", encoding="utf-8")
    for article_id in ("berita-café", "berita-señor"):
        assert inspect_seed(path, article_id).article.id == article_id
    found = JSONL.read_ids(path, {"berita-café", "berita-señor"})
    assert {i: e.article.id for i, e in found.items()} == {
        "berita-café": "berita-café",
        "berita-señor": "berita-señor",
    }


def test_a_sidecar_that_is_a_fifo_is_refused_not_waited_on(tmp_path: Path):
    """A sidecar is read through the same safe reader as seeds: a FIFO named like one makes
    its seed a reported problem, and the other seeds are read."""
    import os

    for path in sorted(SEEDS_DIR.glob("*.txt"))[:2]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    first = sorted(tmp_path.glob("*.txt"))[0]
    os.mkfifo(tmp_path / f"{first.stem}.meta.toml")
    read = list(read_articles(list_seeds(str(tmp_path))))  # a str folder is fine too
    problems = [r for r in read if not isinstance(r, Article)]
    assert len(read) == 2 and len(problems) == 1
    assert "is not a regular file" in str(problems[0]) and first.name in str(problems[0])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_an_export_saved_as_utf16_is_read_whole(tmp_path: Path, encoding: str):
    """A spreadsheet's "Unicode text" is UTF-16 with a byte-order mark: its line breaks are
    two bytes, so read as bytes its lines were cut in half (one record of three indexed, the
    others "binary"). It is read as its text, every record, and counts as written whole."""
    from search.indexing.build import build
    from tests.conftest import corpus_records

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    records = corpus_records(3)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # the mark a writer puts first
    (seeds / "export.jsonl").write_bytes(data)
    report = build(seeds, tmp_path / "index")
    assert report.indexed == 3 and not report.problems
    assert JSONL.written_whole(seeds / "export.jsonl")
    (seeds / "export.jsonl").write_bytes(data[:-2])  # cut before its last line break
    assert not JSONL.written_whole(seeds / "export.jsonl")
