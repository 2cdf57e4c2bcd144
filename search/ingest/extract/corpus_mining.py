"""What the miners of extraction's data files share (officials_mining, role_labels_mining):
a corpus read record by record, a data file written whole or not at all, and the command
line that mines a corpus into `search/data/` without the last mining's entries (which would
count themselves)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def corpus_records(path: Path) -> Iterable[dict]:
    """The records of a JSON-lines corpus, one by one."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def toml_string(value: str) -> str:
    """A TOML basic string of `value`."""
    return json.dumps(value, ensure_ascii=False)


def write_data_file(data_dir: Path, name: str, lines: list[str]) -> None:
    """Write `lines` to `data_dir / name`, whole or not at all."""
    handle, temporary = tempfile.mkstemp(dir=data_dir, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(temporary, data_dir / name)


def mine_corpus(
    argv: list[str],
    usage: str,
    write: Callable[[object, Path, str], int],
    mine: Callable[[Iterable[dict]], object],
    empty: object,
) -> tuple[int, Path] | int:
    """The command line of a miner: `argv` names a corpus; its file is first written
    `empty` (extraction reads it at its first record, and must not read the last mining's
    entries), then mined. (how many entries, the data directory), or an exit code."""
    if len(argv) != 1:
        print(usage, file=sys.stderr)
        return 2
    corpus = Path(argv[0])
    if not corpus.is_file():
        print(f"no corpus at {corpus}: give a JSON-lines file of articles", file=sys.stderr)
        return 2
    write(empty, DATA_DIR, corpus.name)
    return write(mine(corpus_records(corpus)), DATA_DIR, corpus.name), DATA_DIR
