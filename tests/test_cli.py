"""The `cari` command through click's runner, on the real seeds."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.cli import cli
from search.model import SearchRequest
from tests.conftest import SEED_IDS, SEEDS_DIR, corpus_records


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


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of 40 articles of the shared corpus: JSONL records that carry their URLs."""
    from search.indexing.build import build

    folder = tmp_path_factory.mktemp("corpus-seeds")
    lines = [json.dumps(r, ensure_ascii=False) for r in corpus_records(40)]
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("corpus-index")
    build(folder, index)
    return index


@pytest.mark.corpus
def test_query_text_shows_each_article_url(runner, corpus_index: Path):
    shown = runner.invoke(cli, ["query", "jakarta", "--index", str(corpus_index)]).output
    data = json.loads(
        runner.invoke(cli, ["query", "jakarta", "--json", "--index", str(corpus_index)]).output
    )
    urls = [h["url"] for h in data["hits"] if h["url"]]
    assert urls and all(f"\n   {url}\n" in shown for url in urls)


def test_query_that_finds_nothing_prints_what_the_page_offers(runner, seed_index: Path, client):
    args = ["query", "netralitas", "--source", "kompas.com", "--index", str(seed_index)]
    shown = runner.invoke(cli, args)
    assert shown.exit_code == 1 and "These would find something:" in shown.output
    offered = re.findall(r"^  (.+): (\d+) results?$", shown.output, re.MULTILINE)
    page = client.get("/?q=netralitas&source=kompas.com&lang=en").get_data(as_text=True)
    on_page = re.findall(
        r'<li><a href="[^"]+">([^<]+)</a> <span class="count">(\d+) articles?', page
    )
    assert offered and offered == [(html.unescape(label), n) for label, n in on_page]


@pytest.mark.corpus
def test_saved_run_table_shows_the_url(runner, tmp_path: Path, corpus_index: Path):
    queries = tmp_path / "queries.toml"
    added = runner.invoke(cli, ["saved", "add", "--queries", str(queries), "p", "jakarta"])
    assert added.exit_code == 0, added.output
    run = ["saved", "run", "p", "--queries", str(queries), "--index", str(corpus_index)]
    table = runner.invoke(cli, run)
    data = json.loads(
        runner.invoke(cli, ["query", "jakarta", "--json", "--index", str(corpus_index)]).output
    )
    assert any(hit["url"] for hit in data["hits"])
    for hit in data["hits"]:
        line = next(line for line in table.output.splitlines() if hit["id"] in line)
        assert line.rstrip().endswith(hit["url"] or hit["id"])


def test_inspect_never_prints_none_none(runner, engine):
    """The seeds hold an undated article: its date reads 'none', with no precision."""
    undated = engine.search(SearchRequest(undated=True)).hits
    assert undated
    shown = runner.invoke(cli, ["inspect", undated[0].id, "--seeds", str(SEEDS_DIR)]).output
    assert "none (none)" not in shown and "date:      none " in shown


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


# -- in Indonesian unless asked ----------------------------------------------------------------
# What a newsroom's terminal shows: no locale set (LANG=C.UTF-8), so Indonesian; CARI_LANG=en
# or an English LANG for English.

NO_LOCALE = {"CARI_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
ENGLISH = {**NO_LOCALE, "LANG": "en_US.UTF-8"}


def _cli_words(output: str) -> set[str]:
    """The command's own words in its output: without paths, quoted values, option names,
    metavars (TEXT, NAME), environment variables ($CARI_SEEDS_DIR), code in backticks and the
    values options take (newest, csv)."""
    from search.config import ENGINES, SORTS

    text = re.sub(
        r"`[^`]*`|'[^'\n]*'|\"[^\"\n]*\"|\S*/\S*|--?[\w-]+|\$\w+|\b[A-Z]{2,}\b", " ", output
    )
    values = {*SORTS, *ENGINES, "table", "csv", "json"}
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)} - values


def _english_left(output: str) -> set[str]:
    from tests.catalogs import CARI, CLICK, english_only_words

    return _cli_words(output) & english_only_words(CARI, CLICK)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds (the real ones and one that cannot be used), an index of them and a queries
    file, for commands run in either language."""
    import shutil

    folder = tmp_path_factory.mktemp("cli-language")
    shutil.copytree(SEEDS_DIR, folder / "seeds")
    (folder / "seeds" / "900_kosong.txt").write_text("Baca juga: apa saja\n", encoding="utf-8")
    build = CliRunner(env={"CARI_LANG": "en"}).invoke(
        cli, ["build", "--seeds", str(folder / "seeds"), "--index", str(folder / "index")]
    )
    assert build.exit_code == 0, build.output
    return folder


def _commands(folder: Path) -> dict[str, list[str]]:
    """Each kind of output, by name: summaries, results, relaxations, an inspection, saved
    searches, the errors a user can cause, click's usage errors and every --help."""
    seeds, index, queries = (
        ["--seeds", str(folder / "seeds")],
        ["--index", str(folder / "index")],
        ["--queries", str(folder / "queries.toml")],
    )
    commands = {
        "build": ["build", *seeds, "--index", str(folder / "other-index")],
        "update": ["update", *seeds, *index],
        "update --dry-run": ["update", "--dry-run", *seeds, *index],
        "check": ["check", *index],
        "query": ["query", "dilayani", "--limit", "2", *index],
        "query, partial": [
            "query",
            "reformasi birokrasi",
            "--official",
            "Suhajar Diantoro",
            *index,
        ],
        "query, relaxations": ["query", "netralitas", "--source", "kompas.com", *index],
        "query, corrected": ["query", "birokasi", *index],
        "inspect": ["inspect", SEED_IDS[0], *seeds],
        "saved add": [
            "saved",
            "add",
            "pelayanan",
            "pelayanan publik",
            "--sort",
            "newest",
            *queries,
        ],
        "saved list": ["saved", "list", *queries],
        "saved run": ["saved", "run", "pelayanan", *index, *queries],
        "saved run --new": ["saved", "run", "--all", "--new", *index, *queries],
        "saved run, unknown": ["saved", "run", "pelayan", *index, *queries],
        "no index": ["query", "x", "--index", str(folder / "none")],
        "bad date": ["query", "x", "--from", "32/13/2019", *index],
        "unknown official": ["query", "x", "--official", "Nobody Atall", *index],
        "unknown option": ["query", "x", "--limt", "3"],
        "missing argument": ["inspect"],
        "bad choice": ["query", "x", "--sort", "random"],
        "out of range": ["query", "x", "--limit", "0"],
        "a file for a folder": ["build", "--seeds", str(SEEDS_DIR / f"{SEED_IDS[0]}.txt")],
        "no such command": ["cari"],
        "no such seed": ["inspect", "tidak-ada", *seeds],
        "saved rm": ["saved", "rm", "pelayanan", *queries],
    }
    from tests.test_docs import COMMANDS

    commands |= {f"{' '.join(path)} --help": [*path, "--help"] for path in [(), *COMMANDS]}
    return commands


COMMAND_NAMES = list(_commands(Path("workspace")))


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_the_cli_speaks_indonesian_by_default(workspace: Path, name: str):
    result = CliRunner(env=NO_LOCALE).invoke(cli, _commands(workspace)[name], prog_name="cari")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    left = _english_left(result.output)
    assert not left, f"{name}: English words in Indonesian output: {sorted(left)}\n{result.output}"


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (["check"], "berkas indeks masih seperti saat ditulis", "index files are as they were"),
        (["query", "dilayani"], "5 hasil untuk 'dilayani'", "5 results for 'dilayani'"),
        (["query", "x", "--from", "2022-13-01"], "bukan tanggal yang ada", "not a real date"),
        (["query", "x", "--official", "Nobody"], "tidak ada artikel yang menyebut pejabat", None),
        (["query", "x", "--limt", "3"], "Galat: Opsi '--limt' tidak dikenal.", "Error: No such"),
        (
            ["query", "--help"],
            "Penggunaan: cari query [OPSI] [TEKS]",
            "Usage: cari query [OPTIONS] [TEXT]",
        ),
        (["--help"], "Bangun ulang seluruh indeks dari folder seed.", "Rebuild the whole index"),
    ],
)
def test_indonesian_by_default_english_with_the_switch(
    seed_index: Path, args: list[str], indonesian: str, english: str | None
):
    args = [*args, "--index", str(seed_index)] if args[-1] != "--help" else args
    default = CliRunner(env=NO_LOCALE).invoke(cli, args, prog_name="cari")
    assert indonesian in default.output
    for env in ({**NO_LOCALE, "CARI_LANG": "en"}, ENGLISH):
        shown = CliRunner(env=env).invoke(cli, args, prog_name="cari").output
        assert indonesian not in shown
        assert english is None or english in shown, shown


def test_cari_lang_wins_over_the_system_locale(seed_index: Path):
    args = ["query", "dilayani", "--index", str(seed_index)]
    shown = CliRunner(env={**ENGLISH, "CARI_LANG": "id"}).invoke(cli, args).output
    assert shown.startswith("5 hasil untuk")
    shown = CliRunner(env={**NO_LOCALE, "LANG": "id_ID.UTF-8"}).invoke(cli, args).output
    assert shown.startswith("5 hasil untuk")


def test_the_people_resolver_speaks_the_language_too(seed_index: Path):
    """The error for an official or a speaker no article has, with its suggestions (how to
    write a name of several words in a query only for a name typed in the query)."""
    args = ["query", "x", "--official", "joko", "--index", str(seed_index)]
    shown = CliRunner(env=NO_LOCALE).invoke(cli, args).output
    assert "tidak ada artikel yang menyebut pejabat 'joko'; mungkin maksud Anda" in shown
    assert "tanda kutip" not in shown  # an option: no quotes to write
    typed = ["query", "x official:joko", "--index", str(seed_index)]
    shown = CliRunner(env=NO_LOCALE).invoke(cli, typed).output
    assert 'nama yang terdiri atas beberapa kata ditulis dalam tanda kutip: official:"' in shown
    said = ["query", "x", "--said", "Nobody Atall", "--index", str(seed_index)]
    shown = CliRunner(env=NO_LOCALE).invoke(cli, said).output
    assert "tidak ada artikel yang mengutip 'Nobody Atall'" in shown
    english = CliRunner(env={"CARI_LANG": "en"}).invoke(cli, said).output
    assert "no article quotes 'Nobody Atall'" in english
