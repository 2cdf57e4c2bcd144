"""The README stays a short, true front page: what Cari is, the two commands, a tour whose
commands exist and whose Python runs, links that resolve, and the licence notes.

The reference (every command, the query syntax, data files, operations, the Python API) is in
docs/, checked by tests/test_docs.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from search.cli import cli
from tests.conftest import ROOT, SEEDS_DIR

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_readme_is_a_front_page_not_a_reference():
    assert len(README.splitlines()) <= 150
    assert "## Two commands" in README


@pytest.mark.parametrize("target", ["run", "test"])
def test_the_two_commands_are_make_targets(target: str):
    assert f"make {target}" in README
    assert re.search(rf"^{target}:", MAKEFILE, re.M), f"the Makefile has no `{target}` target"


def test_every_cari_command_in_the_readme_exists():
    shown = re.findall(
        r"\bcari ((?:[a-z]+ ?)+)", "\n".join(re.findall(r"```sh\n(.*?)```", README, re.S))
    )
    assert shown
    for words in shown:
        group, name = cli, None
        for name in words.split():
            if not hasattr(group, "commands"):
                break
            assert name in group.commands, f"README shows `cari {words.strip()}`: no such command"
            group = group.commands[name]


def test_the_readme_links_resolve():
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    assert "docs/python-api.md" in links and "docs/cli.md" in links
    for target in links:
        if "://" in target or target.startswith("#"):
            continue
        assert (ROOT / target.split("#", 1)[0]).exists(), f"README links to missing {target}"


def test_the_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    (block,) = re.findall(r"^```python\n(.*?)^```", README, re.M | re.S)
    shutil.copytree(SEEDS_DIR, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out.startswith("5 [")


def test_the_sastrawi_dictionary_licence_is_stated():
    assert "CC BY-NC-SA 3.0" in README


@pytest.mark.parametrize("page", [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
def test_the_docs_speak_of_the_product(page: Path):
    """Figures live in bench/RESULTS.md with a date and a commit; the docs never say who
    measured what, or in which sitting."""
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"\bsession\b", text, re.I), f"{page.name} speaks of a session"
