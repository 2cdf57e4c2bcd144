"""The `cari` command through click's runner, on the real seeds."""

from __future__ import annotations

import json
from pathlib import Path

from search.cli import cli
from tests.conftest import SEED_IDS, SEEDS_DIR


def run_json(runner, *args: str) -> dict:
    result = runner.invoke(cli, [*args, "--json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def test_build_prints_a_summary(runner, tmp_path: Path):
    result = runner.invoke(
        cli, ["build", "--seeds", str(SEEDS_DIR), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 0, result.output
    assert "indexed 5 articles, skipped 0 seeds" in result.output


def test_build_uses_environment_defaults(runner, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CARI_SEEDS_DIR", str(SEEDS_DIR))
    monkeypatch.setenv("CARI_INDEX_DIR", str(tmp_path / "env-ix"))
    assert runner.invoke(cli, ["build"]).exit_code == 0
    assert (tmp_path / "env-ix" / "live").exists()


def test_build_with_missing_seed_folder_is_one_clear_line(runner, tmp_path: Path):
    result = runner.invoke(
        cli, ["build", "--seeds", str(tmp_path / "nope"), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_query_json_shape(runner, seed_index: Path):
    data = run_json(
        runner,
        "query",
        "reformasi birokrasi",
        "--official",
        "Suhajar Diantoro",
        "--index",
        str(seed_index),
    )
    assert data["query"] == "reformasi birokrasi"
    assert data["total"] == data["total_all_words"] == 1 == data["total_partial"]
    assert len(data["hits"]) == 2 and data["hits"][0]["id"] == "004_9d790e0e9df54a94"
    # the article without "reformasi" comes after the one with both words, saying so
    assert [h["missing"] for h in data["hits"]] == [[], ["reformasi"]]
    for hit in data["hits"]:
        assert set(hit) >= {
            "id",
            "title",
            "date",
            "date_precision",
            "source",
            "officials",
            "score",
            "snippet",
        }
        assert "Suhajar Diantoro" in [o["name"] for o in hit["officials"]]


def test_query_date_range(runner, seed_index: Path):
    data = run_json(
        runner,
        "query",
        "birokrasi",
        "--from",
        "2022-01-01",
        "--to",
        "2022-12-31",
        "--index",
        str(seed_index),
    )
    assert sorted(h["id"] for h in data["hits"]) == ["001_c392d4d57c4d2ec5", "004_9d790e0e9df54a94"]
    assert {h["date"] for h in data["hits"]} == {"2022-04-01", "2022-09-28"}


def test_query_text_output_and_exit_codes(runner, seed_index: Path):
    found = runner.invoke(cli, ["query", "dilayani", "--index", str(seed_index)])
    assert found.exit_code == 0
    assert "[dilayani]" in found.output and found.output.startswith("5 results")
    none = runner.invoke(cli, ["query", "zzzzqqq", "--index", str(seed_index)])
    assert none.exit_code == 1 and none.output.startswith("0 results")


def test_query_bad_date_and_missing_index(runner, seed_index: Path, tmp_path: Path):
    bad = runner.invoke(cli, ["query", "x", "--from", "2022-13-01", "--index", str(seed_index)])
    assert bad.exit_code == 2 and "not a real date" in bad.output
    missing = runner.invoke(cli, ["query", "x", "--index", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "cari build" in missing.output


def test_help_teaches_with_examples(runner):
    for command in ("build", "query", "serve"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output


def test_small_mistakes_get_a_line_that_says_what_to_do(runner, tmp_path: Path, seed_index: Path):
    empty = tmp_path / "empty-seeds"
    empty.mkdir()
    built = runner.invoke(cli, ["build", "--seeds", str(empty), "--index", str(tmp_path / "i")])
    assert built.exit_code == 0 and "no seed files in" in built.stderr
    queries = tmp_path / "queries.toml"
    queries.write_text("", encoding="utf-8")
    ran = runner.invoke(
        cli, ["saved", "run", "--all", "--queries", str(queries), "--index", str(seed_index)]
    )
    assert ran.exit_code == 2 and "no saved queries in" in ran.output
    seed = SEEDS_DIR / f"{SEED_IDS[0]}.txt"
    wrong = runner.invoke(cli, ["inspect", str(seed), "--id", "other"])
    assert wrong.exit_code == 1 and "--id is for .jsonl seeds" in wrong.output


def test_seeds_still_unusable_are_counted_after_the_first_few(runner, tmp_path: Path):
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    for n in range(5):
        (seeds / f"9{n}_kosong.txt").write_text("Baca juga: apa saja\n", encoding="utf-8")
    index = ["--seeds", str(seeds), "--index", str(tmp_path / "index")]
    built = runner.invoke(cli, ["build", *index])
    assert built.stderr.count("warning:") == 5
    updated = runner.invoke(cli, ["update", *index])
    assert updated.exit_code == 0
    assert updated.stderr.count("still unusable") == 3 + 1
    assert "and 2 more seeds still unusable" in updated.stderr


def test_query_lists_partial_matches_below_a_line_with_what_they_miss(runner, seed_index: Path):
    args = ["query", "reformasi birokrasi", "--official", "Suhajar Diantoro"]
    text = runner.invoke(cli, [*args, "--index", str(seed_index)]).output
    assert text.startswith("1 with all the words, 1 with some, for 'reformasi birokrasi'")
    line = text.index("--- articles with some of the words ---")
    assert text.index("1. ") < line < text.index("2. ") < text.index("missing: reformasi")
    facets = run_json(runner, *args, "--index", str(seed_index))["facets"]
    everything = run_json(runner, *args, "--partial", "--index", str(seed_index))["facets"]
    count = sum(b["count"] for b in facets["timeline"]["bars"]) + facets["timeline"]["undated"]
    every = everything["timeline"]
    assert count == 1 and sum(b["count"] for b in every["bars"]) + every["undated"] == 2
