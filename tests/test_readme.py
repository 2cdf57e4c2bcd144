"""Every `cari` command is documented in the README with an example, and in --help.

Walks the click group (as sqlite-utils does), so a new command without documentation fails.
"""

from __future__ import annotations

import re

import click
import pytest

from search.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


COMMANDS = command_paths(cli)


def readme_section(command: str) -> str:
    """The README text from the command's heading to the next heading."""
    m = re.search(rf"^#+ `{re.escape(command)}`\s*$(.*?)(?=^#)", README, re.M | re.S)
    assert m, f"README.md has no heading for `{command}`: document it under ## Commands"
    return m.group(1)


def test_the_walk_finds_the_nested_commands():
    assert {("build",), ("query",), ("update",), ("saved", "run")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_a_readme_section_with_an_example(path: tuple[str, ...]):
    command = "cari " + " ".join(path)
    section = readme_section(command)
    examples = re.findall(r"```(?:sh|console)\n(.*?)```", section, re.S)
    assert any(command in block for block in examples), f"no example of `{command}` in README"


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(runner, path: tuple[str, ...]):
    result = runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"cari {' '.join(path)}" in result.output
