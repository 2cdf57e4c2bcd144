"""User corrections beside a seed: `seeds/<name>.meta.toml`, applied after extraction.

For a `.txt` seed the sidecar's top-level keys correct that article; for a `.jsonl` seed each
table is named after a record id (`["clickid-df9459011acd8bee"]`) and corrects that record.

    title = "Judul yang benar"
    date = "2022-04"              # YYYY, YYYY-MM or YYYY-MM-DD; "" clears a wrong date
    source = "kompas.com"         # "" clears it
    url = "https://..."
    officials = [{ name = "Tito Karnavian", role = "Mendagri" }]   # replaces the list
    add_officials = [{ name = "Suhajar Diantoro", role = "Sekjen Kemendagri" }]
    remove_officials = ["Mark Turner"]
"""

from __future__ import annotations

import errno
import json
import os
import tomllib
from pathlib import Path
from typing import Any

from search.i18n import gettext
from search.ingest.extract.dates import parse_iso_date
from search.ingest.extract.sources import given_source
from search.ingest.files import SeedError, read_seed_bytes
from search.model import Article, Official

SIDECAR_SUFFIX = ".meta.toml"
KEYS = ("title", "date", "source", "url", "officials", "add_officials", "remove_officials")


def overridden_by(sidecar: str) -> str:
    """What gave a field an override file set (`cari inspect`)."""
    return gettext("override %(file)s", file=sidecar)


def _in_file(sidecar: str, problem: str) -> str:
    return gettext("override file %(file)s: %(problem)s", file=sidecar, problem=problem)


def sidecar_path(seed: Path) -> Path:
    """`seeds/001.txt` -> `seeds/001.meta.toml`."""
    return seed.with_name(seed.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)


def load_sidecar(seed: Path) -> dict[str, Any]:
    """The seed's sidecar as a table ({} when there is none). Raises SeedError when unreadable."""
    path = sidecar_path(seed)
    try:
        os.lstat(path)
    except OSError as exc:
        # A seed's name may leave no room for ".meta.toml" (255 bytes at most): no sidecar.
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG):
            return {}
    try:
        # Through the safe reader, as seeds are: a FIFO or device is refused, not waited on.
        data = read_seed_bytes(path)
        return tomllib.loads(data.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    except SeedError as exc:
        raise SeedError(_in_file(path.name, str(exc))) from exc
    except UnicodeDecodeError as exc:
        problem = gettext("cannot be read (%(problem)s)", problem=exc)
        raise SeedError(_in_file(path.name, problem)) from exc
    except tomllib.TOMLDecodeError as exc:
        problem = gettext("is not valid TOML (%(problem)s)", problem=exc)
        raise SeedError(_in_file(path.name, problem)) from exc
    except RecursionError:
        problem = gettext("is not valid TOML (%(problem)s)", problem="nested too deeply")
        raise SeedError(_in_file(path.name, problem)) from None


def fingerprint(table: dict[str, Any]) -> str:
    """A stable text form of an override, folded into the article's content hash."""
    return json.dumps(table, sort_keys=True, ensure_ascii=False, default=str) if table else ""


def _officials(value: Any, sidecar: str, key: str) -> list[Official]:
    if not isinstance(value, list):
        problem = gettext("%(key)s must be a list of { name, role } tables", key=key)
        raise SeedError(_in_file(sidecar, problem))
    officials = []
    for item in value:
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            problem = gettext(
                "%(key)s entries need a name, e.g. { name = ..., role = ... }", key=key
            )
            raise SeedError(_in_file(sidecar, problem))
        officials.append(Official(str(item["name"]).strip(), str(item.get("role", "")).strip()))
    return officials


def apply_override(article: Article, table: dict[str, Any], sidecar: str) -> list[str]:
    """Correct `article` in place from an override table; returns the fields changed.

    Raises SeedError naming the sidecar and the key when the table is wrong.
    """
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        problem = gettext(
            "unknown key %(key)s (use %(keys)s)", key=repr(unknown[0]), keys=", ".join(KEYS)
        )
        raise SeedError(_in_file(sidecar, problem))
    changed: list[str] = []
    for key in ("title", "source", "url"):
        if key in table:
            value = str(table[key]).strip()
            if key == "title" and not value:
                raise SeedError(_in_file(sidecar, gettext("title cannot be empty")))
            setattr(article, key, (given_source(value) if key == "source" else value) or None)
            changed.append(key)
    if "date" in table:
        raw = str(table["date"]).strip()
        date = parse_iso_date(raw) if raw else None
        if raw and date is None:
            problem = gettext("date %(date)s is not YYYY, YYYY-MM or YYYY-MM-DD", date=repr(raw))
            raise SeedError(_in_file(sidecar, problem))
        article.date = date
        changed.append("date")
    if "officials" in table:
        article.officials = _officials(table["officials"], sidecar, "officials")
        changed.append("officials")
    if "remove_officials" in table:
        drop = {str(name).strip().lower() for name in table["remove_officials"]}
        article.officials = [o for o in article.officials if o.name.lower() not in drop]
        changed.append("remove_officials")
    if "add_officials" in table:
        added = _officials(table["add_officials"], sidecar, "add_officials")
        known = {o.name.lower() for o in article.officials}
        article.officials += [o for o in added if o.name.lower() not in known]
        changed.append("add_officials")
    return changed
