"""The language Cari speaks to people: gettext catalogs (`search/locale/<lang>.po`, read as
they are, nothing compiled to keep in step), the current language, and numbers and dates in
it. Indonesian is the default; the messages in the code are English, which is the other
language (its catalog is the code itself).

The language is a context variable: a web request sets it from `?lang=`, its cookie or
Accept-Language, the CLI from CARI_LANG or the system locale (both Indonesian unless asked
otherwise), and every message made while it is set (an error, a note, a relaxation's label)
comes out in it. The library called from Python speaks English until told otherwise.
"""

from __future__ import annotations

import contextlib
import gettext as stdlib_gettext
import io
import os
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from importlib import resources

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"  # of the pages and the CLI, when nothing asks for another
CODE_LANGUAGE = "en"  # of the library called from Python, until a language is chosen
DOMAIN = "cari"

_current: ContextVar[str] = ContextVar("cari_language", default=CODE_LANGUAGE)


def catalog_path(language: str, domain: str = DOMAIN):
    """search/locale/<language>.po for Cari's own messages, search/locale/<domain>/<language>.po
    for another's (click's: the `cari` command's usage lines and errors)."""
    folder = resources.files("search").joinpath("locale")
    return (folder if domain == DOMAIN else folder.joinpath(domain)).joinpath(f"{language}.po")


@cache
def translations(language: str, domain: str = DOMAIN) -> stdlib_gettext.NullTranslations:
    """The language's messages; English (the code's own) and unknown languages: as written."""
    path = catalog_path(language, domain)
    if language == "en" or not path.is_file():
        return stdlib_gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return stdlib_gettext.GNUTranslations(compiled)


def language() -> str:
    return _current.get()


@contextlib.contextmanager
def using(code: str) -> Iterator[str]:
    token = _current.set(supported(code) or DEFAULT_LANGUAGE)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def supported(code: str | None) -> str | None:
    """'en-US', 'EN', 'id_ID.UTF-8' -> the language Cari speaks, or None."""
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split(".")[0].split("-")[0]
    return base if base in LANGUAGES else None


def system_language() -> str:
    """The CLI's language: CARI_LANG, else the first of LANGUAGE/LC_ALL/LC_MESSAGES/LANG
    that names a language Cari speaks, else Indonesian ('C' and 'POSIX' name none)."""
    for name in ("CARI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for code in os.environ.get(name, "").split(":"):
            if found := supported(code):
                return found
    return DEFAULT_LANGUAGE


def gettext(message: str, /, **values: object) -> str:
    """`message` in the current language, with `%(name)s` placeholders filled from `values`."""
    text = translations(_current.get()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The form for `n` (`%(num)s` is `n` as the language writes numbers)."""
    text = translations(_current.get()).ngettext(singular, plural, n)
    return text % {"num": format_number(n), **values}


_ = gettext


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is made; gettext() translates it where it
    is shown (a rule's name kept in English in JSON, shown to people in their language)."""
    return message


@cache
def _group_separator(language: str) -> str:
    return Locale.parse(language).number_symbols["latn"]["group"]


def format_number(n: int) -> str:
    """1234 -> '1.234' in Indonesian, '1,234' in English."""
    separator = _group_separator(_current.get())
    text = f"{n:,}"
    return text if separator == "," else text.replace(",", separator)


@cache
def _decimal_separator(language: str) -> str:
    return Locale.parse(language).number_symbols["latn"]["decimal"]


def format_decimal(value: float, digits: int = 1) -> str:
    """1.25 -> '1,2' in Indonesian, '1.2' in English (`digits` after the separator)."""
    text = f"{value:.{digits}f}"
    separator = _decimal_separator(_current.get())
    return text if separator == "." else text.replace(".", separator)


@cache
def month_names(language: str) -> tuple[str, ...]:
    """The twelve months as the language writes them in a date ('April', 'Agustus')."""
    names = Locale.parse(language).months["format"]["wide"]
    return tuple(names[m] for m in range(1, 13))
