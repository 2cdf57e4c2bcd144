"""Large regular expressions compiled once, not in every process that uses them.

Extraction builds a few patterns from the word lists in `search/data/` (the officials'
gazetteer and role heads, the page chrome, the words of reported speech): alternations of
hundreds or thousands of words, which Python's `re` parses and compiles in pure Python. A
`cari update` of 10 articles spent about 0.25 s of its CPU on them (2026-12-03, 100,000
articles), in every run, for the same patterns.

`compile` gives the same `re.Pattern` as `re.compile`; what `re` compiles a pattern to (its
`_sre` code: a list of integers) is kept in memory, and `load`/`save` keep it in a file (an
index generation's `regexes.json`, written by an update), so the next process hands the
code straight to `_sre.compile`. The file is keyed by the pattern's own text and flags and
by the Python build, so a changed word list or another Python only compiles anew; a file
that cannot be read, or code `_sre` refuses, is ignored. `re`'s compiler is a private part
of Python: every use of it is here, and a Python that moved it compiles as `re.compile`
does.
"""

from __future__ import annotations

import base64
import logging
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from search import jsonfiles

log = logging.getLogger(__name__)

FILE_NAME = "regexes.json"
MAX_PATTERNS = 1_000

try:  # Python 3.11+: re._parser, re._compiler
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _PYTHON = f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE}"
except ImportError:  # another Python: compiled as re.compile does
    _compiler = _parser = None
    _PYTHON = ""

# (pattern, flags) -> the arguments `_sre.compile` takes after the pattern: its flags, code,
# number of groups, group index and group names
_Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_known: dict[tuple[str, int], _Compiled] = {}
_used: set[tuple[str, int]] = set()  # compiled by this process
_loaded: dict[str, Any] = {"path": None, "changed": False}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from code compiled before when `load` found it."""
    key = (pattern, int(flags))
    known = _known.get(key)
    if known is not None:
        try:
            compiled = _sre.compile(pattern, *known)
        except Exception:  # code _sre refuses: compiled anew
            _known.pop(key, None)
        else:
            _used.add(key)
            return compiled
    if _compiler is None:
        return re.compile(pattern, flags)
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    known = (
        flags | parsed.state.flags,
        list(code),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    _known[key] = known
    _used.add(key)
    _loaded["changed"] = True
    return _sre.compile(pattern, *known)


def clear() -> None:
    """Forget every pattern's code and the folder, as a new process starts."""
    _known.clear()
    _used.clear()
    _loaded.update(path=None, changed=False)


def load(folder: Path) -> None:
    """Take the code of the patterns compiled in `folder` (its FILE_NAME) before; `save`
    writes there."""
    _loaded["path"] = folder / FILE_NAME
    data = jsonfiles.read_dict(folder / FILE_NAME)
    if not _PYTHON or data.get("python") != _PYTHON:
        return
    for entry in data.get("patterns", []):
        try:
            pattern, flags, final_flags, code, groups, groupindex, indexgroup = entry
            words = array("I")
            words.frombytes(base64.b64decode(code))
            _known.setdefault(
                (pattern, flags),
                (final_flags, words.tolist(), groups, dict(groupindex), tuple(indexgroup)),
            )
        except (TypeError, ValueError):
            continue


def save() -> None:
    """Write the code of the patterns known to the folder `load` read, when one was compiled
    anew: those read from it and those compiled since (each run of extraction compiles only
    what its articles need), the ones this process used first when there are more than
    MAX_PATTERNS (the patterns are made from the word lists, which a generation keeps)."""
    path = _loaded["path"]
    if path is None or not _loaded["changed"] or not _PYTHON:
        return
    kept = sorted(_used) + sorted(k for k in _known if k not in _used)
    entries = []
    for key in kept[:MAX_PATTERNS]:
        final_flags, code, groups, groupindex, indexgroup = _known[key]
        words = base64.b64encode(array("I", code).tobytes()).decode("ascii")
        entries.append([*key, final_flags, words, groups, groupindex, list(indexgroup)])
    try:
        jsonfiles.write_json(path, {"python": _PYTHON, "patterns": entries})
    except OSError as exc:  # a cache: the update itself is done
        log.warning("%s not written: %s", path, exc)
    _loaded["changed"] = False
