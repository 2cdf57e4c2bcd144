"""Small JSON files kept beside an index (metadata, seed stats, stems, saved-query state):
read forgivingly, written so a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def read_dict(path: Path) -> dict[str, Any]:
    """The JSON object in a file; {} when it is missing, unreadable or not an object (these
    files only save work or describe: losing one never loses articles)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_text(path: Path, text: str) -> None:
    """Replace a file's text atomically: a temporary file beside it (named by process, so
    two writers never share one), then a rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json(path: Path, data: Any, **dumps: Any) -> None:
    write_text(path, json.dumps(data, **dumps))
