"""Tests stand alone: nothing under tests/ imports or loads the benchmarks (bench/ may use the
corpus helpers of tests/, never the other way round)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

BENCH = "ben" + "ch"  # spelled in two pieces so that this file does not match itself
USES_BENCH = re.compile(
    rf"""^\s*(?:from|import)\s+{BENCH}\b        # an import statement
    | import_module\(\s*["']{BENCH}\b           # importlib's import_module
    | ["']{BENCH}["']                           # a path part, joined with /
    | ["']{BENCH}/                              # a path in a string
    """,
    re.MULTILINE | re.VERBOSE,
)
TEST_FILES = sorted(p for p in (ROOT / "tests").rglob("*.py"))


@pytest.mark.parametrize(
    "line",
    [
        f"import {BENCH}",
        f"from {BENCH}.perf.build import run",
        f"    from {BENCH} import query",
        f'spec = spec_from_file_location("x", ROOT / "{BENCH}" / "load.py")',
        f"path = Path('{BENCH}/stress/load.py')",
        f'module = importlib.import_module("{BENCH}.harness")',
    ],
)
def test_the_check_sees_each_way_of_reaching_the_benchmarks(line: str):
    assert USES_BENCH.search(line)


@pytest.mark.parametrize(
    "line",
    [
        "from tests.corpus import records",
        f'"""Figures are printed by {BENCH}/quality/extract_accuracy.py."""',
        f"def test_{BENCH}mark_free(): ...",
    ],
)
def test_the_check_lets_prose_and_other_names_be(line: str):
    assert not USES_BENCH.search(line)


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_test_file_imports_or_loads_the_benchmarks(path):
    text = path.read_text(encoding="utf-8")
    found = [m.group(0).strip() for m in USES_BENCH.finditer(text)]
    assert not found, f"{path.relative_to(ROOT)} reaches into {BENCH}/: {found}"
