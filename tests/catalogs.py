"""The gettext catalogues as tests read them: Cari's own (search/locale/id.po) and click's
words as the `cari` command shows them (search/locale/click/id.po)."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "search" / "locale"
CARI = LOCALE / "id.po"
CLICK = LOCALE / "click" / "id.po"
# %(name)s in Cari's messages, {name} or {name!r} in click's.
PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{\w+(?:![rs])?\}")


def catalog(path: Path = CARI) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale="id")


def english_only_words(*paths: Path) -> set[str]:
    """Words of the English messages that no Indonesian translation uses ('Cari', 'Sastrawi',
    'JSON' and the like appear in both, so they are allowed)."""
    english: set[str] = set()
    indonesian: set[str] = set()
    for path in paths or (CARI,):
        for entry in catalog(path):
            if not entry.id:
                continue
            ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            for text, words in ((" ".join(ids), english), (" ".join(strings), indonesian)):
                text = PLACEHOLDER.sub(" ", text)
                words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return english - indonesian
