"""Saved queries: the TOML file, the `cari saved` commands, relative ranges and --new."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from search.cli import cli
from search.saved.queries import SavedQueryError, last_range, load_queries, parse_queries
from tests.conftest import ROOT, SEED_IDS, SEEDS_DIR
from tests.test_updater import NEW_WORD, write_new_seed

EXAMPLE = ROOT / "queries.toml"


@pytest.fixture()
def queries(tmp_path: Path) -> Path:
    path = tmp_path / "queries.toml"
    shutil.copy(EXAMPLE, path)
    return path


def saved(runner, queries: Path, command: str, *args: str, env: dict | None = None):
    return runner.invoke(cli, ["saved", command, "--queries", str(queries), *args], env=env)


def test_the_example_file_loads_and_every_query_finds_something(runner, seed_index: Path):
    examples = load_queries(EXAMPLE)
    assert len(examples) >= 3
    args = ["--all", "--format", "json", "--index", str(seed_index)]
    result = saved(runner, EXAMPLE, "run", *args)
    assert result.exit_code == 0, result.output
    runs = {r["name"]: r for r in json.loads(result.output)["queries"]}
    assert list(runs) == list(examples)
    dated = {n for n, q in examples.items() if not q.last}
    assert all(runs[n]["total"] > 0 for n in dated)


def test_run_table_and_exit_codes(runner, queries: Path, seed_index: Path):
    found = saved(runner, queries, "run", "reformasi-birokrasi", "--index", str(seed_index))
    assert found.exit_code == 0, found.output
    lines = found.output.splitlines()
    heading = "reformasi-birokrasi: 1 with all the words, 1 with some, for 'reformasi birokrasi'"
    assert lines[0].startswith(heading)
    assert "004_9d790e0e9df54a94" in lines[1]
    assert saved(runner, queries, "add", "nothing", "zzzzqqq").exit_code == 0
    none = saved(runner, queries, "run", "nothing", "--index", str(seed_index))
    assert none.exit_code == 1 and "nothing: 0 results" in none.output
    # An official no article names yet, saved anyway: nothing found, and said so.
    add = ["add", "later", "--official", "Budi Gunadi", "--index", str(seed_index), "--force"]
    assert saved(runner, queries, *add).exit_code == 0
    later = saved(runner, queries, "run", "later", "nothing", "--index", str(seed_index))
    assert later.exit_code == 1, later.output
    assert "note: no article names the official 'Budi Gunadi'" in later.stdout
    assert "warning: later: no article names the official 'Budi Gunadi'" in later.stderr


def test_saved_add_checks_the_filters_against_the_index_as_query_does(
    runner, tmp_path: Path, seed_index: Path
):
    path = tmp_path / "queries.toml"
    index = ["--index", str(seed_index)]
    query = runner.invoke(cli, ["query", "x", "--official", "Nobody Atall", *index])
    assert query.exit_code == 2
    refused = saved(runner, path, "add", "bad", "x", "--official", "Nobody Atall", *index)
    assert refused.exit_code == 2 and not path.exists()
    problem = "no article names the official 'Nobody Atall'"
    assert problem in query.stderr and problem in refused.stderr and "--force" in refused.stderr
    typed = saved(runner, path, "add", "typed", "x source:nowhere.example", *index)
    assert typed.exit_code == 2 and "no article comes from the source" in typed.stderr
    assert saved(runner, path, "add", "ok", "x", "--official", "jokowi", *index).exit_code == 0
    forced = saved(runner, path, "add", "bad", "x", "--official", "Nobody Atall", "--force", *index)
    assert forced.exit_code == 0 and set(load_queries(path)) == {"ok", "bad"}
    run = saved(runner, path, "run", "--all", "--format", "csv", *index)
    assert f"warning: bad: {problem}" in run.stderr
    assert "warning" not in run.stdout and run.stdout.startswith("query,rank,id")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_saved_run_counts_its_results_as_cari_query_does(
    runner, tmp_path: Path, seed_index: Path, lang: str
):
    """The articles with all the words and those with some, in the words of `cari query` and
    the results page (not "5 of 5 results")."""
    path = tmp_path / "queries.toml"
    env = {"CARI_LANG": lang}
    index = ["--index", str(seed_index)]
    added = saved(runner, path, "add", "birokrasi", "reformasi birokrasi", *index, env=env)
    assert added.exit_code == 0
    run = saved(runner, path, "run", "birokrasi", *index, env=env).stdout.splitlines()[0]
    query = runner.invoke(cli, ["query", "reformasi birokrasi", *index], env=env).stdout
    counted = re.match(r"(.+) (for|untuk) 'reformasi birokrasi' \(", query.splitlines()[0])
    expected = {"en": "2 with all the words, 3 with some,", "id": "2 memuat semua kata, 3 memuat"}
    assert counted.group(1).startswith(expected[lang])
    assert run.startswith(f"birokrasi: {counted.group(1)} {counted.group(2)} 'reformasi birokrasi'")


def test_the_last_days_count_back_from_the_newest_article_as_the_pages_presets_do(
    runner, tmp_path: Path, seed_index: Path, client
):
    """ "The last 30 days" of an archive whose newest article is of 28 September 2022 end
    that day, for a saved query's `last` as for the search page's preset (counted back from
    the calendar's today, they held nothing)."""
    path = tmp_path / "queries.toml"
    index = ["--index", str(seed_index)]
    assert saved(runner, path, "add", "sebulan", "--last", "30 hari", *index).exit_code == 0
    run = saved(runner, path, "run", "sebulan", "--format", "json", *index)
    found = json.loads(run.stdout)["queries"][0]
    page = client.get("/").get_data(as_text=True)
    preset = html.unescape(re.search(r'<a href="([^"]+)"[^>]*>Last 30 days</a>', page).group(1))
    listed = client.get(preset.replace("/?", "/api/search?", 1)).get_json()
    period = ("2022-08-30", "2022-09-28")
    assert (found["filters"]["from"], found["filters"]["to"]) == period
    assert (listed["filters"]["from"], listed["filters"]["to"]) == period
    assert found["total"] == listed["total"] == 1 and run.exit_code == 0


def test_run_csv_has_a_row_per_hit(runner, queries: Path, seed_index: Path):
    result = saved(
        runner, queries, "run", "presiden-2022", "--format", "csv", "--index", str(seed_index)
    )
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["id"] for r in rows] == ["001_c392d4d57c4d2ec5", "004_9d790e0e9df54a94"]
    assert {r["query"] for r in rows} == {"presiden-2022"}
    assert all("Joko Widodo" in r["officials"] for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        '[queries]\nx = { query = "banjir" }\ny = { query = "gempa", description = "pagi" }\n'
        'z = { query = "sampah" }\n',
        '[queries]\nx.query = "banjir"\ny.query = "gempa"\ny.sort = "newest"\nx.sort = "newest"\n',
        '# pagi\n[queries.x]\nquery = "banjir"\n\n# sore\n[queries.y]\nquery = "gempa"\n',
    ],
)
def test_rm_and_replace_keep_every_other_query(runner, tmp_path: Path, text: str):
    """Queries written as inline tables or dotted keys inside [queries], or as tables of
    their own: removing or replacing one leaves the others as they were (it cut every line
    to the next table, the whole file of inline ones)."""
    path = tmp_path / "queries.toml"
    path.write_text(text, encoding="utf-8")
    others = {n: q for n, q in load_queries(path).items() if n != "x"}
    assert saved(runner, path, "rm", "x").exit_code == 0
    assert load_queries(path) == others
    path.write_text(text, encoding="utf-8")
    replaced = saved(runner, path, "add", "x", "banjir bandang", "--replace")
    assert replaced.exit_code == 0, replaced.output
    after = load_queries(path)
    assert after["x"].query == "banjir bandang"
    assert {n: q for n, q in after.items() if n != "x"} == others


def test_rm_refuses_rather_than_cut_a_value_over_several_lines(runner, tmp_path: Path):
    path = tmp_path / "queries.toml"
    text = (
        '[queries]\nx = { query = "banjir", officials = [\n "Joko Widodo"] }\ny.query = "gempa"\n'
    )
    path.write_text(text, encoding="utf-8")
    removed = saved(runner, path, "rm", "x")
    assert removed.exit_code == 2 and "edit it by hand" in removed.output
    assert path.read_text(encoding="utf-8") == text


def test_add_list_rm_keep_the_rest_of_the_file(runner, queries: Path):
    original = queries.read_text(encoding="utf-8")
    added = saved(
        runner,
        queries,
        "add",
        "kemendagri",
        "aparatur",
        "--source",
        "kemendagri.go.id",
        "--last",
        "2 minggu",
        "--limit",
        "5",
    )
    assert added.exit_code == 0, added.output
    text = queries.read_text(encoding="utf-8")
    assert text.startswith(original.rstrip("\n"))  # comments and layout kept
    query = load_queries(queries)["kemendagri"]
    assert (query.query, query.sources, query.last, query.limit) == (
        "aparatur",
        ("kemendagri.go.id",),
        "2 minggu",
        5,
    )
    listed = saved(runner, queries, "list")
    assert "kemendagri" in listed.output and "sources: kemendagri.go.id" in listed.output
    again = saved(runner, queries, "add", "kemendagri", "lain")
    assert again.exit_code == 2 and "exists" in again.output
    removed = saved(runner, queries, "rm", "reformasi-birokrasi")
    assert removed.exit_code == 0
    after = queries.read_text(encoding="utf-8")
    assert "reformasi-birokrasi" not in after and "Suhajar Diantoro" not in after
    assert "# Public service: every article" in after and "# What the President" in after
    assert list(load_queries(queries)) == [
        "pelayanan-publik",
        "presiden-2022",
        "asn-pekan-ini",
        "kata-wamendagri",
        "kemendagri",
    ]
    missing = saved(runner, queries, "rm", "reformasi")
    assert missing.exit_code == 2 and "no saved query named 'reformasi'" in missing.output


def test_add_creates_the_file_and_checks_its_input(runner, tmp_path: Path):
    path = tmp_path / "new.toml"
    assert saved(runner, path, "add", "a", "pelayanan", "--from", "2022").exit_code == 0
    assert load_queries(path)["a"].date_from == "2022"
    bad = saved(runner, path, "add", "b", "x", "--from", "2022-13")
    assert bad.exit_code == 2 and "cannot save: '2022-13' is not a real date" in bad.output
    both = saved(runner, path, "add", "c", "x", "--from", "2022", "--last", "7 days")
    assert both.exit_code == 2 and "either 'last' or 'from'/'to'" in both.output
    assert list(load_queries(path)) == ["a"]
    assert saved(runner, path, "add", "bad name!", "x").exit_code == 2


BAD_FILES = [
    ("[queries.a]\nquery = 'x'\nlimit = = 3\n", 3, "Invalid value"),
    ("[queries.a]\nquery = 'x'\n\n[queries.b]\nquery = 'y'\nsort = 'latest'\n", 6, "unknown sort"),
    ("# c\n[queries.a]\nquery = 'x'\nfrom = '2022-02-30'\n", 4, "not a real date"),
    ("[queries.a]\nquery = 'x'\nofficial = ['Jokowi']\n", 3, "unknown setting 'official'"),
    ("[queries.a]\nlast = 'a fortnight'\n", 2, "not a period"),
    ("[queries.a]\nquery = 'x'\nlimit = 500\n", 3, "'limit'"),
    ("title = 'morning'\n[queries.a]\nquery = 'x'\n", 1, "unexpected 'title'"),
    ("[queries.a]\nlast = '7 days'\nfrom = '2022'\n", 2, "either 'last' or 'from'/'to'"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_FILES)
def test_a_malformed_file_names_the_line_and_exits_2(runner, tmp_path, text, line, message):
    path = tmp_path / "queries.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SavedQueryError) as err:
        parse_queries(text, path)
    assert str(err.value).startswith(f"{path}:{line}: ") and message in str(err.value)
    result = saved(runner, path, "run", "--all")
    assert result.exit_code == 2
    assert f"{path}:{line}:" in result.output and "Traceback" not in result.output


def test_missing_file_and_env_override(runner, tmp_path: Path, monkeypatch, seed_index):
    missing = runner.invoke(cli, ["saved", "list", "--queries", str(tmp_path / "no.toml")])
    assert missing.exit_code == 2 and "no saved queries file" in missing.output
    monkeypatch.setenv("CARI_QUERIES", str(EXAMPLE))
    listed = runner.invoke(cli, ["saved", "list"])
    assert listed.exit_code == 0 and "pelayanan-publik" in listed.output
    neither = runner.invoke(cli, ["saved", "run", "--index", str(seed_index)])
    assert neither.exit_code == 2 and "--all" in neither.output


@pytest.mark.parametrize(
    ("period", "today", "first_day"),
    [
        ("7 days", "2026-11-23", "2026-11-17"),
        ("1 day", "2026-11-23", "2026-11-23"),
        ("7 hari", "2026-03-03", "2026-02-25"),
        ("2 weeks", "2026-11-23", "2026-11-10"),
        ("1 minggu", "2026-01-03", "2025-12-28"),
        ("1 month", "2024-03-31", "2024-03-01"),
        ("3 bulan", "2026-05-15", "2026-02-16"),
        ("1 tahun", "2024-02-29", "2023-03-01"),
    ],
)
def test_relative_ranges_end_today(period: str, today: str, first_day: str):
    assert last_range(period, dt.date.fromisoformat(today)).isoformat() == first_day


def test_new_shows_only_articles_indexed_since_the_last_run(runner, tmp_path: Path, build_engine):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    build_engine.build(seeds)
    where, env = build_engine.cli_args(), build_engine.cli_env()
    queries = tmp_path / "queries.toml"
    assert saved(runner, queries, "add", "layanan", "pelayanan publik").exit_code == 0

    def run_new() -> tuple[int, list[str]]:
        args = ["run", "layanan", "--new", "--format", "json", *where]
        result = saved(runner, queries, *args, env=env)
        assert result.exit_code in (0, 1), result.output
        hits = json.loads(result.output)["queries"][0]["hits"]
        return result.exit_code, sorted(h["id"] for h in hits)

    assert run_new() == (0, SEED_IDS)  # the first run: everything is new
    assert run_new() == (1, [])
    new_id = write_new_seed(seeds)
    build_engine.update(seeds)
    assert run_new() == (0, [new_id])
    assert run_new() == (1, [])
    # An edit re-indexes the article, so it is new again; a plain search still sees all.
    with (seeds / f"{SEED_IDS[0]}.txt").open("a", encoding="utf-8") as f:
        f.write(f"\nPelayanan publik di {NEW_WORD} juga dibahas.\n")
    build_engine.update(seeds)
    assert run_new() == (0, [SEED_IDS[0]])
    # A full rebuild keeps the stamps of unchanged articles: only the really new one shows.
    newer_id = write_new_seed(seeds, "101_newer")
    build_engine.build(seeds)
    assert run_new() == (0, [newer_id])
    everything = saved(runner, queries, "run", "layanan", *where, env=env)
    # The two new seeds re-run the first one's text under new headlines: one story of three.
    assert everything.exit_code == 0 and "7 results (5 stories)" in everything.output
