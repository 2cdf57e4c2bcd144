"""The language of the `cari` command: Indonesian unless English is asked for ($CARI_LANG, else
$LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG: search.i18n.system_language), for everything it
prints: its messages, its help texts and click's own words (Usage, Options, "No such option").

- The help texts stay English in the code (the commands' docstrings, the options' help=) and
  are looked up in Cari's catalogue when shown: the `Command`, `Group` and `option` here do
  that, and `extract_help` lets `make catalog` find them (babel.cfg). A help text may name a
  setting as `%(seeds_env)s` (HELP_VALUES), so that its name is written in one place.
- Click writes its words through the standard library's gettext, bound as `_` and `ngettext`
  in each of its modules; `install_click_messages` points them at click's catalogue,
  search/locale/click/<language>.po (the words of click a `cari` user meets). Outside a `cari`
  run the language is the code's own, English, and click's words come out as click wrote them.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

import click
from babel.messages.extract import extract_python

from search import config, i18n
from search.i18n import N_

CLICK_DOMAIN = "click"

# The settings help texts name, as `%(name)s`.
HELP_VALUES = {
    "seeds_env": config.SEEDS_ENV,
    "seeds_dir": config.DEFAULT_SEEDS_DIR,
    "index_env": config.INDEX_ENV,
    "index_dir": config.DEFAULT_INDEX_DIR,
    "engine_env": config.ENGINE_ENV,
    "opensearch_url_env": config.OPENSEARCH_URL_ENV,
    "opensearch_url": config.DEFAULT_OPENSEARCH_URL,
    "queries_env": config.QUERIES_ENV,
    "queries_file": config.DEFAULT_QUERIES_FILE,
}


def help_text(text: str | None) -> str | None:
    """A help text as written in the code -> in the current language, settings filled in."""
    if not text:
        return text
    return i18n.gettext(inspect.cleandoc(text), **HELP_VALUES)


class _TranslatedHelp:
    """`help` is kept as written and read in the current language."""

    _help: str | None = None

    @property
    def help(self) -> str | None:  # type: ignore[override]
        return help_text(self._help)

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value


class _ClickWords:
    """Click's words a command keeps from its creation, read in the current language: the
    usage line's `[OPTIONS]` and the help of --help (made once, then kept by click)."""

    _options_metavar: str | None = None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _click_gettext("Show this message and exit.")
        return option

    @property
    def options_metavar(self) -> str | None:  # type: ignore[override]
        return _click_gettext(self._options_metavar) if self._options_metavar else None

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        self._options_metavar = value


class Command(_TranslatedHelp, _ClickWords, click.Command):
    """A `cari` command whose help is read in the current language."""


class Group(_TranslatedHelp, _ClickWords, click.Group):
    """A `cari` group: its commands and subgroups are of these classes, and a run (usage
    errors and --help included) speaks the language the environment asks for."""

    command_class = Command
    group_class = type  # subgroups are Groups too

    _subcommand_metavar: str = ""

    @property
    def subcommand_metavar(self) -> str:  # type: ignore[override]
        return _click_gettext(self._subcommand_metavar)

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str) -> None:
        self._subcommand_metavar = value

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with i18n.using(i18n.system_language()):
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a file or folder the system refuses (a full disk, a read-only
        index, a link to nothing) is a one-line error, not a traceback: what was live stays
        live, as every write goes to a new generation first. An error's control characters
        are taken out (`terminal_text`)."""
        from search.cli.output import os_error, terminal_text

        try:
            return super().invoke(ctx)
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except click.ClickException as exc:  # it may name a seed or a query: printed safe
            exc.message = terminal_text(exc.message)
            raise
        except OSError as exc:
            raise click.ClickException(terminal_text(os_error(exc))) from exc


# The words that stand for a value in the help (metavars: `[TEXT]`, `--said NAME`, click's
# `DIRECTORY` and `INTEGER RANGE`), read in the current language: `cari query [OPSI] [TEKS]`.
# The help texts that name them are translated with the same words.
METAVARS = frozenset(
    {
        N_("TEXT"),
        N_("NAME"),
        N_("NAMES"),
        N_("QUERY"),
        N_("DATE"),
        N_("PERIOD"),
        N_("PATH"),
        N_("FILE"),
        N_("DIRECTORY"),
        N_("INTEGER"),
        N_("INTEGER RANGE"),
        N_("FLOAT RANGE"),
    }
)
_CAPITALS = re.compile(r"[A-Z]+(?: [A-Z]+)*")


def metavar_text(metavar: str) -> str:
    """A metavar as written in the code or by click ("[TEXT]", "INTEGER RANGE", "NAMES...")
    in the current language; a choice's values ("[relevance|newest]") as they are."""
    return _CAPITALS.sub(
        lambda m: i18n.gettext(m.group()) if m.group() in METAVARS else m.group(), metavar
    )


class _TranslatedMetavar:
    """The metavar is made as click makes it and read in the current language."""

    def make_metavar(self, *args: Any, **kwargs: Any) -> str:
        return metavar_text(super().make_metavar(*args, **kwargs))  # type: ignore[misc]


class Option(_TranslatedHelp, _TranslatedMetavar, click.Option):
    """An option whose help and metavar are read in the current language."""


class Argument(_TranslatedMetavar, click.Argument):
    """An argument whose metavar is read in the current language."""


def option(*param_decls: str, **attrs: Any) -> Callable[[Any], Any]:
    """click.option, with the help and the metavar read in the current language."""
    return click.option(*param_decls, cls=Option, **attrs)


def argument(*param_decls: str, **attrs: Any) -> Callable[[Any], Any]:
    """click.argument, with the metavar read in the current language."""
    return click.argument(*param_decls, cls=Argument, **attrs)


# -- click's own words -------------------------------------------------------------------------

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def _click_gettext(message: str) -> str:
    return i18n.translations(i18n.language(), CLICK_DOMAIN).gettext(message)


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return i18n.translations(i18n.language(), CLICK_DOMAIN).ngettext(singular, plural, n)


def install_click_messages() -> None:
    """Click's words through click's catalogue, in the current language."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


# -- finding the help texts --------------------------------------------------------------------

_COMMAND_DECORATORS = {"command", "group"}


def _called(node: ast.expr) -> str | None:
    """The name a call calls: `option` for both `option(...)` and `click.option(...)`."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def help_texts(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each help text of a click module: the docstrings of its commands and
    groups and the help= of its options, cleaned as click cleans them."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            if any(_called(d) in _COMMAND_DECORATORS for d in node.decorator_list):
                doc = ast.get_docstring(node, clean=True)
                if doc:
                    yield node.lineno, doc
        elif _called(node) == "option":
            assert isinstance(node, ast.Call)
            for keyword in node.keywords:
                if keyword.arg != "help":
                    continue
                if not isinstance(keyword.value, ast.Constant):
                    raise ValueError(f"line {node.lineno}: a help text must be a plain string")
                yield node.lineno, inspect.cleandoc(keyword.value.value)


def extract_help(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """A babel extractor (babel.cfg) for the click layer: its gettext calls, as babel's own
    Python extractor finds them, and its help texts (help_texts)."""
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    for line, text in help_texts(source.decode("utf-8")):
        yield line, "", text, []
