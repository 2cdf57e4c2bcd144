"""The `cari` command's language (search/cli/language.py): its help texts are found for the
catalogue and read in the language asked for, and click's own words come from a catalogue of
click's real messages."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from search import i18n
from search.cli import cli
from search.cli.language import HELP_VALUES, help_text, help_texts
from tests.catalogs import CLICK, PLACEHOLDER, catalog
from tests.conftest import ROOT


def _walk(command: click.Command):
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)


def _help_in_code() -> set[str]:
    """Every help text the command tree holds, as written in the code."""
    found = set()
    for command in _walk(cli):
        found.add(inspect.cleandoc(command._help))
        found |= {p._help for p in command.params if getattr(p, "_help", None)}
    return found


def test_the_extractor_finds_every_help_text_the_commands_show():
    source = (ROOT / "search" / "cli" / "__init__.py").read_text(encoding="utf-8")
    extracted = {text for _line, text in help_texts(source)}
    assert _help_in_code() <= extracted


def test_a_help_text_that_is_not_a_plain_string_is_refused():
    with pytest.raises(ValueError, match="plain string"):
        list(help_texts('import click\n\n@click.option("--x", help=f"{1}")\ndef f(): ...\n'))


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_help_text_reads_in_both_languages_with_its_settings_filled_in(language):
    with i18n.using(language):
        for text in _help_in_code():
            shown = help_text(text)
            assert shown and "%(" not in shown
            assert (shown == text % HELP_VALUES) == (language == "en")


def test_help_names_the_settings_as_config_spells_them():
    shown = CliRunner(env={"CARI_LANG": "en"}).invoke(cli, ["build", "--help"]).output
    assert f"${HELP_VALUES['seeds_env']} or ./{HELP_VALUES['seeds_dir']}" in shown


# -- click's words -----------------------------------------------------------------------------


def _click_source() -> str:
    folder = Path(click.__file__).parent
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py")))


def test_every_click_message_translated_is_one_click_has():
    source = _click_source()
    gone = [e.id for e in catalog(CLICK) if e.id and repr(_first(e.id))[1:-1] not in source]
    assert not gone, f"click no longer has these messages (update {CLICK.name}): {gone}"


def _first(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def test_click_messages_are_translated_with_no_placeholder_click_does_not_fill():
    for entry in catalog(CLICK):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        given = {m.group(0) for text in ids for m in PLACEHOLDER.finditer(text)}
        for string in strings:
            assert string, entry.id
            assert {m.group(0) for m in PLACEHOLDER.finditer(string)} <= given, entry.id


def test_click_speaks_english_outside_a_cari_run():
    """The code's own language, English, for click's words in any other click program."""
    from click.exceptions import NoSuchOption

    with i18n.using("id"):
        assert "tidak dikenal" in NoSuchOption("--x").format_message()
    assert NoSuchOption("--x").format_message() == "No such option '--x'."
    plain = click.Command("x")
    assert plain.get_usage(click.Context(plain, info_name="x")) == "Usage: x [OPTIONS]"


def _commands_and_paths(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands_and_paths(sub, (*path, name))


ENGLISH_METAVARS = re.compile(
    r"\b(TEXT|NAMES?|DATE|QUERY|PERIOD|PATH|DIRECTORY|FILE|DIR|INTEGER|FLOAT|RANGE)\b"
)


def test_the_help_names_its_values_in_indonesian():
    """`cari query --help` in Indonesian: `[TEKS]`, `--said NAMA`, `--from TANGGAL`, in the
    usage line, the options and the texts that name them; English keeps its own."""
    runner = CliRunner(env={"CARI_LANG": "id"})
    shown = runner.invoke(cli, ["query", "--help"]).output
    assert shown.startswith("Penggunaan: ") and "query [OPSI] [TEKS]\n" in shown
    assert "Cari TEKS di indeks." in shown
    for spec in ("--said NAMA", "--from TANGGAL", "--limit BILANGAN", "--index FOLDER"):
        assert spec in shown
    for path, _command in _commands_and_paths(cli):
        text = runner.invoke(cli, [*path, "--help"]).output
        assert not ENGLISH_METAVARS.findall(text), (path, ENGLISH_METAVARS.findall(text))
    english = CliRunner(env={"CARI_LANG": "en"}).invoke(cli, ["query", "--help"]).output
    assert "query [OPTIONS] [TEXT]\n" in english and "--said NAME" in english
    missing = runner.invoke(cli, ["saved", "rm"])
    assert "'NAMA'" in missing.output
