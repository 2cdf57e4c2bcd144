"""The docs stay true: docs/python-api.md's examples run, and the public API is exported."""

from __future__ import annotations

import ast
import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import search
from tests.conftest import ROOT, SEEDS_DIR

DOCS = ROOT / "docs"


def python_blocks(page: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)


# -- docs/python-api.md ------------------------------------------------------------------------


def test_python_api_examples_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(SEEDS_DIR, tmp_path / "seeds")
    shutil.copy(ROOT / "queries.toml", tmp_path / "queries.toml")
    monkeypatch.chdir(tmp_path)
    blocks = python_blocks(DOCS / "python-api.md")
    assert len(blocks) >= 10
    namespace: dict = {"__name__": "python_api_md"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for number, block in enumerate(blocks, 1):
            try:
                exec(compile(block, f"docs/python-api.md block {number}", "exec"), namespace)
            except Exception as exc:
                raise AssertionError(f"docs/python-api.md block {number} failed:\n{block}") from exc
    printed = out.getvalue()
    assert "indexed 5 articles, skipped 0 seeds" in printed
    assert "<mark>" in printed  # a snippet as HTML
    assert "\nbirokrasi\n" in printed  # the "did you mean" of birokasi
    assert "added 1, re-indexed 0, removed 0, 5 unchanged" in printed
    assert "no article names the official 'Nobody Atall'" in printed
    assert "run `cari build`" in printed
    assert (tmp_path / "index" / "saved-state.json").exists()
    assert namespace["article"].date_iso == "2023-03-06"


def test_the_python_api_is_exported_and_listed_by_help():
    assert set(search.__all__) <= set(dir(search))
    for name in ("build", "update", "SearchEngine", "SearchRequest", "SearchResult", "Hit"):
        assert name in search.__all__
    for name in search.__all__:
        value = getattr(search, name)
        # The real thing from its module, not a wrapper defined in search/__init__.py.
        assert value.__module__ != "search", name
        assert name in (search.__doc__ or ""), f"{name} is not in search's docstring"
    help_text = subprocess.run(
        [sys.executable, "-c", "import search; help(search)"],
        capture_output=True,
        text=True,
        check=True,
        env={"PAGER": "cat", "PATH": "/usr/bin:/bin"},
    ).stdout
    assert "build(seeds_dir" in help_text and "class SearchEngine" in help_text


def test_the_lazy_exports_agree_with_all_and_the_type_checking_imports():
    tree = ast.parse((ROOT / "search" / "__init__.py").read_text(encoding="utf-8"))
    (block,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    ]
    imported = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == search._EXPORTS
    assert sorted(search.__all__) == sorted(search._EXPORTS)


def test_every_public_name_is_documented_in_python_api_md():
    page = (DOCS / "python-api.md").read_text(encoding="utf-8")
    missing = [name for name in search.__all__ if f"`{name}" not in page]
    assert not missing, f"docs/python-api.md does not mention {missing}"
