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


# The stages of search/, in the order text flows through them: a module imports only from its
# own stage or the ones before it (seeds -> Article -> index -> plan -> matches -> hits ->
# renderers), never back up the stream.
STAGES = ["base", "text", "ingest", "indexing", "query", "retrieval", "saved", "cli"]
BASE = {
    "model",
    "config",
    "dates",
    "i18n",
    "jsonfiles",
    "locks",
    "lexicon",
    "regex_cache",
    "child_process",
    "whoosh_private",
}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "search" or len(parts) == 1:
        return None  # not the library, or its public API (search/__init__.py)
    return "base" if parts[1] in BASE else parts[1]


def _imports(path) -> list[str]:
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


def test_every_module_of_search_belongs_to_a_stage():
    for path in (ROOT / "search").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if path.name != "__init__.py" or path.parent.name != "search":
            assert _stage(module) in STAGES, f"{module}: add it to a stage in this test"


def test_imports_only_point_down_the_stream():
    upstream = []
    for path in (ROOT / "search").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        own = _stage(module)
        if own is None:
            continue
        for name in _imports(path):
            other = _stage(name)
            if other in STAGES and STAGES.index(other) > STAGES.index(own):
                upstream.append(f"{module} ({own}) imports {name} ({other})")
    assert not upstream, "\n".join(upstream)
