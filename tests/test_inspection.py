"""`cari inspect`: what extraction made of one seed, and why."""

from __future__ import annotations

import json
from pathlib import Path

from search.cli import cli
from tests.conftest import ROOT, SEEDS_DIR


def test_inspect_json_has_the_documented_shape(runner):
    result = runner.invoke(cli, ["inspect", str(SEEDS_DIR / "004_9d790e0e9df54a94.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"title", "date", "date_precision", "source", "officials", "body"}
    assert (data["date"], data["date_precision"], data["source"]) == (
        "2022-09-28",
        "day",
        "kompas.com",
    )
    assert {"name": "Tito Karnavian", "role": "Mendagri"} in data["officials"]
    assert data["body"].startswith("KOMPAS.com - Kementerian")
    assert data["evidence"]["date"]["line"].startswith("Kompas.com - 28/09/2022")


def test_inspect_text_says_which_line_gave_the_date(runner):
    result = runner.invoke(cli, ["inspect", "001_c392d4d57c4d2ec5", "--seeds", str(SEEDS_DIR)])
    assert result.exit_code == 0, result.output
    assert (
        "2022-04-01 (day) from header dateline: 'Jum`at, 01 April 2022 15:00 WIB'" in result.output
    )
    assert "Suhajar Diantoro (Sekjen Kemendagri)" in result.output


def test_inspect_year_only_and_no_date(runner):
    year = runner.invoke(cli, ["inspect", str(SEEDS_DIR / "000_598db4fe2a2fc782.txt")])
    assert "date:      2025 (year) from year only: 'Copyright © ANTARA 2025'" in year.output
    none = runner.invoke(cli, ["inspect", str(SEEDS_DIR / "002_4786081c4393efc4.txt")])
    assert "date:      none (nothing in the page gave it)" in none.output


def test_inspect_a_jsonl_record_and_an_override(runner, tmp_path: Path):
    record = {
        "id": "r1",
        "title": "Wiranto Pimpin Rapat Karhutla",
        "body": "Menko Polhukam Wiranto memimpin rapat koordinasi penanganan kebakaran hutan di "
        "Jakarta, Senin (16/9/2019).",
    }
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "x.meta.toml").write_text('["r1"]\nsource = "tempo.co"\n', encoding="utf-8")
    result = runner.invoke(cli, ["inspect", str(path), "--id", "r1", "--json"])
    data = json.loads(result.output)
    assert data["date"] == "2019-09-16" and data["evidence"]["date"]["rule"] == "lede"
    assert data["source"] == "tempo.co"
    assert data["evidence"]["source"]["rule"] == "override x.meta.toml"
    assert data["officials"] == [{"name": "Wiranto", "role": "Menko Polhukam"}]


def test_inspect_problems_are_one_line(runner, tmp_path: Path):
    missing = runner.invoke(cli, ["inspect", "nope", "--seeds", str(tmp_path)])
    assert missing.exit_code == 1 and "no such seed file" in missing.output
    (tmp_path / "empty.txt").write_bytes(b"")
    empty = runner.invoke(cli, ["inspect", str(tmp_path / "empty.txt")])
    assert empty.exit_code == 1 and "is empty" in empty.output
    assert "Traceback" not in missing.output + empty.output


def test_inspect_is_documented():
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    data_files = (ROOT / "docs" / "data-files.md").read_text(encoding="utf-8")
    assert "## `cari inspect`" in reference and ".meta.toml" in data_files
