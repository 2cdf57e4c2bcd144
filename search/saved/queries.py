"""Saved queries: named searches kept in a TOML file, run by name or all at once.

    [queries.pelayanan-publik]
    query = "pelayanan publik"          # the query text, as typed in `cari query`
    officials = ["Tito Karnavian"]      # any of them (names or aliases)
    sources = ["kompas.com"]            # any of them
    said = ["Akhmad Wiyagus"]           # quoting any of them (names or parts of one)
    from = "2022-01"                    # YYYY, YYYY-MM or YYYY-MM-DD
    to = "2022-12-31"
    last = "7 days"                     # instead of from/to: days, weeks, months, years,
                                        # ending on the newest article's day
    sort = "newest"                     # relevance (default), newest, oldest
    limit = 20                          # 1..100, default 10

The file is the user's: Cari only appends a query to it (`add`) or cuts one query's lines out
(`remove`), keeping comments and layout. When each query last ran is kept next to the index
(`saved-state.json`), so `--new` can show only the articles indexed since.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import tomli_w

from search import jsonfiles
from search.config import SORTS, EngineUnavailableError
from search.dates import archive_today, last_period, parse_date_input
from search.i18n import gettext
from search.indexing.schema import SCHEMA_VERSION
from search.indexing.store import IndexMissingError
from search.ingest.extract.sources import readable_source
from search.locks import flock_within
from search.model import MAX_PAGE_SIZE, Hit, RequestError, SearchRequest, SearchResult
from search.retrieval.engines import Engine

log = logging.getLogger(__name__)

TABLE = "queries"
STATE_FILE = "saved-state.json"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")  # whole: fullmatch
KEYS = (
    "description",
    "query",
    "officials",
    "sources",
    "said",
    "from",
    "to",
    "last",
    "sort",
    "limit",
)
DEFAULT_LIMIT = 10
MAX_FILE_BYTES = 1024 * 1024  # a queries file is a few kilobytes
MAX_STATE_BYTES = 16 * MAX_FILE_BYTES  # its state, about 100 bytes a query
EDIT_WAIT_SECONDS = 30.0  # for another `cari saved add` or `rm` to finish
_LAST = re.compile(
    r"^(\d{1,4})\s*(days?|hari|weeks?|minggu|pekan|months?|bulan|years?|tahun)$", re.IGNORECASE
)
_UNITS = {"day": "days", "hari": "days", "week": "weeks", "minggu": "weeks", "pekan": "weeks"}
_UNITS |= {"month": "months", "bulan": "months", "year": "years", "tahun": "years"}


class SavedQueryError(Exception):
    """A problem with the saved queries file or a saved query, named by file and line."""


class NamesNoOneError(SavedQueryError):
    """A query not saved: a filter names no one (or no source) the archive has."""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    query: str = ""
    officials: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    said: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    last: str | None = None
    sort: str = "relevance"
    limit: int = DEFAULT_LIMIT
    description: str = ""

    @classmethod
    def of_request(
        cls, request: SearchRequest, name: str = "", description: str = ""
    ) -> SavedQuery:
        """A search as a saved query (its dates as YYYY-MM-DD)."""
        return cls(
            name=name,
            query=request.query,
            officials=request.officials,
            sources=request.sources,
            said=request.said,
            date_from=request.date_from.isoformat() if request.date_from else None,
            date_to=request.date_to.isoformat() if request.date_to else None,
            sort=request.sort,
            description=description,
        )

    def date_range(self, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """The dates to filter on; a relative `last` range ends on `today`, the archive's
        (search.dates.archive_today: `period_end`)."""
        if self.last:
            return last_range(self.last, today), today
        start = parse_date_input(self.date_from) if self.date_from else None
        end = parse_date_input(self.date_to, end=True) if self.date_to else None
        return start, end

    def request(self, today: dt.date, indexed_after: float | None = None) -> SearchRequest:
        start, end = self.date_range(today)
        return SearchRequest(
            query=self.query,
            officials=self.officials,
            sources=self.sources,
            said=self.said,
            date_from=start,
            date_to=end,
            sort=self.sort,
            page_size=self.limit,
            indexed_after=indexed_after,
        )

    def to_toml(self) -> dict[str, Any]:
        """The TOML table for this query, leaving out defaults."""
        table: dict[str, Any] = {}
        if self.description:
            table["description"] = self.description
        table["query"] = self.query
        for key, value in (
            ("officials", list(self.officials)),
            ("sources", list(self.sources)),
            ("said", list(self.said)),
            ("from", self.date_from),
            ("to", self.date_to),
            ("last", self.last),
        ):
            if value:
                table[key] = value
        if self.sort != "relevance":
            table["sort"] = self.sort
        if self.limit != DEFAULT_LIMIT:
            table["limit"] = self.limit
        return table


def last_range(text: str, today: dt.date) -> dt.date:
    """First day of 'the last N days/weeks/months/years' ending on `today` ('7 hari' works
    too), as search.dates.last_period counts them."""
    m = _LAST.match(text.strip())
    if not m:
        raise ValueError(
            gettext(
                '%(text)s is not a period: use e.g. "7 days", "2 weeks", "1 month"',
                text=repr(text),
            )
        )
    count, unit = int(m.group(1)), m.group(2).lower()
    unit = _UNITS.get(unit, unit if unit.endswith("s") else unit + "s")
    if count < 1:
        raise ValueError(gettext("%(text)s: the period must be at least 1", text=repr(text)))
    return last_period(count, unit, today)


def period_end(engine: Engine) -> dt.date:
    """The day saved queries' `last` periods end on: the archive's newest article's day, as
    the search page's presets (search.dates.archive_today)."""
    return archive_today(engine.newest_day())


# -- the file -------------------------------------------------------------------------------


def load_queries(path: Path) -> dict[str, SavedQuery]:
    """Every saved query in the file, in file order. Raises SavedQueryError (file:line)."""
    return parse_queries(_read_text(path), path)


def _read_text(path: Path) -> str:
    """The file's text. Only a regular file is read (a FIFO would block, a symlink to
    /dev/zero never end), and at most MAX_FILE_BYTES. Raises SavedQueryError."""
    try:
        data = jsonfiles.read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise SavedQueryError(
            gettext(
                "%(path)s: no saved queries file: create it with `cari saved add NAME QUERY` or"
                " pass --queries PATH",
                path=path,
            )
        ) from None
    except jsonfiles.NotRegularFile:
        raise SavedQueryError(
            gettext("%(path)s: is not a regular file (a folder, device or FIFO)", path=path)
        ) from None
    except jsonfiles.TooLarge:
        raise SavedQueryError(
            gettext(
                "%(path)s: is larger than %(limit)s bytes: not a queries file",
                path=path,
                limit=MAX_FILE_BYTES,
            )
        ) from None
    except OSError as exc:
        raise SavedQueryError(_unreadable(path, exc.strerror or exc)) from None
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")  # a BOM, as Notepad saves
    except UnicodeDecodeError as exc:
        raise SavedQueryError(_unreadable(path, exc)) from None


def _unreadable(path: Path, problem: object) -> str:
    return gettext("%(path)s: cannot be read (%(problem)s)", path=path, problem=problem)


@contextmanager
def _editing(path: Path) -> Iterator[None]:
    """Hold the file's edit lock (a kernel lock on a hidden file beside it, released when the
    process ends): two `cari saved add` at once each read the file the other wrote."""
    lock = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        raise SavedQueryError(
            gettext(
                "%(path)s: cannot be locked for editing (%(problem)s)",
                path=path,
                problem=exc.strerror,
            )
        ) from None
    try:
        if not flock_within(fd, EDIT_WAIT_SECONDS):
            raise SavedQueryError(
                gettext(
                    "%(path)s: another process kept it locked for %(seconds)ss: try again",
                    path=path,
                    seconds=round(EDIT_WAIT_SECONDS),
                )
            )
        yield
    finally:
        os.close(fd)


def parse_queries(text: str, path: Path) -> dict[str, SavedQuery]:
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise SavedQueryError(
            gettext("%(path)s: is not valid TOML (nested too deeply)", path=path)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
        if m:
            raise SavedQueryError(f"{path}:{m.group(1)}: {message[: m.start()]}") from None
        raise SavedQueryError(f"{path}: {message}") from None
    for key in data:
        if key != TABLE:
            place = f"{path}:{_line_of(text, key)}"
            raise SavedQueryError(
                gettext(
                    "%(place)s: unexpected '%(key)s': each query is a [%(table)s.NAME] table",
                    place=place,
                    key=key,
                    table=TABLE,
                )
            )
    tables = data.get(TABLE, {})
    if not isinstance(tables, dict):
        place = f"{path}:{_line_of(text, TABLE)}"
        raise SavedQueryError(
            gettext(
                "%(place)s: '%(table)s' must be a table",
                place=place,
                table=TABLE,
            )
        )
    return {name: _saved_query(name, table, text, path) for name, table in tables.items()}


def _saved_query(name: str, table: Any, text: str, path: Path) -> SavedQuery:
    def fail(message: str, key: str | None = None) -> SavedQueryError:
        return SavedQueryError(f"{path}:{_line_of(text, name, key)}: [{TABLE}.{name}]: {message}")

    if not NAME.fullmatch(name):
        raise fail(
            gettext("a name is letters, digits, '-' and '_' (up to 64, not starting with - or _)")
        )
    if not isinstance(table, dict):
        raise fail(gettext("must be a table of settings (%(keys)s)", keys=", ".join(KEYS)))
    for key in table:
        if key not in KEYS:
            raise fail(
                gettext(
                    "unknown setting '%(key)s' (known: %(keys)s)", key=key, keys=", ".join(KEYS)
                ),
                key,
            )

    def text_value(key: str, default: str | None = None) -> str | None:
        value = table.get(key, default)
        if value is not None and not isinstance(value, str):
            raise fail(gettext("'%(key)s' must be a string in quotes", key=key), key)
        return value

    def list_value(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(
                gettext('\'%(key)s\' must be a list of strings, e.g. ["a", "b"]', key=key), key
            )
        return tuple(v.strip() for v in value if v.strip())

    limit = table.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE_SIZE:
        raise fail(
            gettext("'limit' must be a whole number from 1 to %(max)s", max=MAX_PAGE_SIZE),
            "limit",
        )
    sort = text_value("sort", "relevance") or "relevance"
    if sort not in SORTS:
        raise fail(
            gettext(
                "unknown sort %(sort)s: use one of %(sorts)s",
                sort=repr(sort),
                sorts=", ".join(SORTS),
            ),
            "sort",
        )
    if "last" in table and ("from" in table or "to" in table):
        raise fail(gettext("use either 'last' or 'from'/'to', not both"), "last")
    saved = SavedQuery(
        name=name,
        query=(text_value("query", "") or "").strip(),
        officials=list_value("officials"),
        sources=list_value("sources"),
        said=list_value("said"),
        date_from=text_value("from"),
        date_to=text_value("to"),
        last=text_value("last"),
        sort=sort,
        limit=limit,
        description=text_value("description", "") or "",
    )
    for source in saved.sources:
        if not readable_source(source):
            raise fail(
                gettext(
                    "%(source)s is not a source: a name, a domain or a URL", source=repr(source)
                ),
                "sources",
            )
    checks = (
        ("from", lambda v: parse_date_input(v)),
        ("to", lambda v: parse_date_input(v, end=True)),
        ("last", lambda v: last_range(v, dt.date.today())),
    )
    for key, check in checks:
        value = table.get(key)
        if value is not None:
            try:
                check(value)
            except ValueError as exc:
                raise fail(str(exc), key) from None
    try:
        saved.request(dt.date.today())
    except RequestError as exc:
        raise fail(str(exc)) from None
    return saved


def _line_of(text: str, name: str, key: str | None = None) -> int:
    """The line of a query's table header (or of one of its keys, or of a top-level key)."""
    lines = text.splitlines()
    header = re.compile(rf"^\s*\[\s*{TABLE}\s*\.\s*{_key_pattern(name)}\s*\]")
    top = re.compile(rf"^\s*(\[\s*)?{_key_pattern(name)}\s*[\]=.]")
    start = next((n for n, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return next((n + 1 for n, line in enumerate(lines) if top.match(line)), 1)
    if key:
        setting = re.compile(rf"^\s*{_key_pattern(key)}\s*=")
        for n in range(start + 1, len(lines)):
            if lines[n].lstrip().startswith("["):
                break
            if setting.match(lines[n]):
                return n + 1
    return start + 1


def _key_pattern(key: str) -> str:
    """A TOML key as written: bare, "double-quoted" or 'single-quoted'."""
    k = re.escape(key)
    return f"(?:{k}|\"{k}\"|'{k}')"


def add_query(
    path: Path,
    saved: SavedQuery,
    *,
    replace: bool = False,
    check: Engine | None = None,
    most: int | None = None,
) -> None:
    """Append a query to the file (creating it), keeping what is there. With `replace`, an
    existing query of that name is removed first. With an engine to `check` against, a query
    whose filters name no one its archive has is refused (NamesNoOneError, saying it as
    `cari query` does); with no index there yet, it is saved unchecked (its runs will say).
    `most`: a new query is refused when the file holds that many already (the web page's
    MAX_WEB_SAVED)."""
    if not NAME.fullmatch(saved.name):
        raise SavedQueryError(
            gettext(
                "'%(name)s' is not a usable name: letters, digits, '-' and '_', up to 64",
                name=saved.name if len(saved.name) <= 80 else saved.name[:80] + "…",
            )
        )
    block = tomli_w.dumps({TABLE: {saved.name: saved.to_toml()}})
    try:
        parse_queries(block, path)
    except SavedQueryError as exc:  # about the new query, not a line of the file
        problem = str(exc).split(": ", 2)[-1]
        raise SavedQueryError(gettext("cannot save: %(problem)s", problem=problem)) from None
    if check is not None:
        try:
            problem = query_problem(check, saved)
        except (IndexMissingError, EngineUnavailableError):
            problem = None  # no archive to check against yet
        if problem:
            raise NamesNoOneError(gettext("cannot save: %(problem)s", problem=problem))
    with _editing(path):
        text = _read_text(path) if path.exists() else ""
        held = parse_queries(text, path) if text else {}
        if most is not None and saved.name not in held and len(held) >= most:
            raise SavedQueryError(
                gettext(
                    "cannot save: the saved searches are %(most)s, as many as this page may"
                    " keep; remove some with 'cari saved rm NAME'",
                    most=most,
                )
            )
        if saved.name in held:
            if not replace:
                place = f"{path}:{_line_of(text, saved.name)}"
                raise SavedQueryError(
                    gettext(
                        "%(place)s: a query named '%(name)s' exists: remove it first or pass"
                        " --replace",
                        place=place,
                        name=saved.name,
                    )
                )
            text = _without_query(text, saved.name, path)
        new_text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + block
        parse_queries(new_text, path)  # never write a file we could not read back
        jsonfiles.write_text(path, new_text)


def remove_query(path: Path, name: str) -> None:
    """Cut a query's lines (its table, and the comment lines just above it) out of the file."""
    with _editing(path):
        jsonfiles.write_text(path, _without_query(_read_text(path), name, path))


def _without_query(text: str, name: str, path: Path) -> str:
    queries = parse_queries(text, path)
    if name not in queries:
        raise SavedQueryError(_no_query(path, name, queries))
    lines = text.splitlines(keepends=True)
    start = _line_of("".join(lines), name) - 1
    if lines[start].lstrip().startswith("["):  # its own table: to the next one
        end = start + 1
        while end < len(lines) and not lines[end].lstrip().startswith("["):
            end += 1
        # Blank and comment lines just above the next table belong to it.
        while end > start + 1 and (
            not lines[end - 1].strip() or lines[end - 1].lstrip()[:1] == "#"
        ):
            end -= 1
        while start > 0 and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        kept = lines[:start] + lines[end:]
    else:  # keys inside [queries]: 'x = { query = ... }', 'x.query = ...', only its own
        own = re.compile(rf"^\s*{_key_pattern(name)}\s*[=.]")
        kept = [line for line in lines if not own.match(line)]
    new_text = re.sub(r"\n{3,}", "\n\n", "".join(kept))
    try:
        left = parse_queries(new_text, path) if new_text.strip() else {}
    except SavedQueryError:
        left = None  # a value over several lines, cut in two
    others = {n: q for n, q in queries.items() if n != name}
    if left != others:  # never lose or change another query
        raise SavedQueryError(
            gettext(
                "%(path)s: could not cut '%(name)s' out of the file: edit it by hand",
                path=path,
                name=name,
            )
        )
    return new_text


def find_query(queries: dict[str, SavedQuery], name: str, path: Path) -> SavedQuery:
    if name not in queries:
        raise SavedQueryError(_no_query(path, name, queries))
    return queries[name]


def _no_query(path: Path, name: str, queries: dict[str, SavedQuery]) -> str:
    """No saved query of that name, and the names nearest to it (else every name)."""
    close = [n for n in queries if name.lower() in n.lower() or n.lower() in name.lower()]
    if close:
        hint = gettext("; did you mean %(names)s?", names=", ".join(close[:3]))
    else:
        hint = gettext(" (saved: %(names)s)", names=", ".join(queries) or gettext("none"))
    return gettext("%(path)s: no saved query named '%(name)s'", path=path, name=name) + hint


# -- running --------------------------------------------------------------------------------


@dataclass
class SavedRun:
    """One saved query's results; `new_since` is set when only new articles were asked for;
    `problem` says why it could not search as written (query_problem), when it could not."""

    saved: SavedQuery
    result: SearchResult
    new_since: float | None = None
    new_only: bool = False
    problem: str | None = None


def query_problem(engine: Engine, saved: SavedQuery, today: dt.date | None = None) -> str | None:
    """What keeps a saved query from searching as written, said as `cari query` says it (a
    filter naming no one, or no source, the archive has: a typo, or someone it does not name
    yet); None when nothing does."""
    try:
        engine.plan(saved.request(today or dt.date.today()))  # the names: any day will do
    except RequestError as exc:
        return str(exc)
    return None


def run_queries(
    engine: Engine,
    queries: list[SavedQuery],
    *,
    new_only: bool = False,
    today: dt.date | None = None,
) -> list[SavedRun]:
    """Run saved queries against the live index and record, next to the index, how far each
    one has seen. With `new_only`, only articles indexed since the query's last run are
    returned (all matching articles on its first run). `today` is the day `last` periods end
    on (default: `period_end`, the archive's)."""
    today = today or period_end(engine)
    meta = engine.meta()
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise SavedQueryError(
            gettext(
                "%(index)s was built by an older Cari: run `cari update` (it rebuilds it)",
                index=engine.describe(),
            )
        )
    state = load_state(engine.state_dir)
    watermark = engine.latest_indexed_at()
    runs = []
    for saved in queries:
        since = state.get(saved.name, {}).get("seen_up_to") if new_only else None
        runs.append(run_query(engine, saved, today, since))
    record_runs(engine.state_dir, [saved.name for saved in queries], watermark)
    return runs


def record_runs(index_dir: Path, names: list[str], seen_up_to: float) -> None:
    """Record that these queries ran, having seen articles indexed up to `seen_up_to`. The
    state is read again and written under the same lock as the queries file's edits: runs at
    once each keep the others' entries."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    try:
        with _editing(index_dir / STATE_FILE):
            state = load_state(index_dir)
            for name in names:
                state[name] = {"seen_up_to": seen_up_to, "last_run": now}
            save_state(index_dir, state)
    except SavedQueryError as exc:  # the lock could not be had: --new shows these again
        log.warning(str(exc))


def run_query(
    engine: Engine,
    saved: SavedQuery,
    today: dt.date,
    since: float | None = None,
    *,
    sort: str | None = None,
) -> SavedRun:
    """One saved query's results (only articles indexed after `since`, when given), without
    recording the run: the web's feeds and exports read them as often as they like. `sort`
    overrides the query's own (a feed lists the newest first)."""
    request = saved.request(today, indexed_after=since)
    if sort:
        request = replace(request, sort=sort)
    try:
        result = engine.search(request)
    except RequestError as exc:  # e.g. an official no article names yet: no results
        result = SearchResult(request=request, total=0, hits=[], notes=[str(exc)])
        return SavedRun(saved, result, since, since is not None, problem=str(exc))
    return SavedRun(saved, result, since, since is not None)


# Exports from the web are bounded: the first this many hits of a search.
EXPORT_LIMIT = 10_000


def result_pages(
    engine: Engine, request: SearchRequest, limit: int = EXPORT_LIMIT
) -> Iterator[list[Hit]]:
    """A search's hits in ranked order, a page at a time, up to `limit` of them: exports are
    streamed without holding ten thousand snippets at once."""
    for _, hits in _shown_pages(engine, request, limit):
        yield hits


def _shown_pages(
    engine: Engine, request: SearchRequest, limit: int
) -> Iterator[tuple[SearchRequest, list[Hit]]]:
    """`result_pages` with the request each page shows: a spelling correction's, searched as
    such, once the first page shows one (its pages are its own)."""
    size = MAX_PAGE_SIZE
    for page in range(1, -(-limit // size) + 1):
        result = engine.search(replace(request, page=page, page_size=size))
        request = result.request
        yield request, result.hits[: limit - (page - 1) * size]
        if len(result.hits) < size or page * size >= min(listed_count(result), limit):
            return


def export_rows(
    engine: Engine, request: SearchRequest, limit: int = EXPORT_LIMIT
) -> Iterator[list[tuple[Hit, str]]]:
    """What an export lists, a page at a time: every article the search counts, each
    story's best-ranked copy (as `result_pages` gives them, up to `limit` stories) followed by
    its other copies that the search finds too (`Engine.copy_hits`), as (hit, the id of the
    story's first hit for a copy, else ""). Every page reads the index as it was when the
    first was read (`Engine.pinned`), though an update lands meanwhile."""
    with engine.pinned() as pin:
        pages = _export_pages(engine, request, limit)
        while True:
            with pin:  # only while the page is read: never across the pause after it
                page = next(pages, None)
            if page is None:
                return
            yield page


def _export_pages(
    engine: Engine, request: SearchRequest, limit: int
) -> Iterator[list[tuple[Hit, str]]]:
    for shown, hits in _shown_pages(engine, request, limit):
        copies = engine.copy_hits(shown, hits)
        yield [
            row
            for hit in hits
            for row in [(hit, ""), *((copy, hit.id) for copy in copies.get(hit.id, []))]
        ]


def listed_count(result: SearchResult) -> int:
    """How many results a search lists over its pages: its stories (copies of one story are
    one result), those with all the words and those with some of them."""
    if result.found_stories is not None:
        return result.found_stories
    return result.total + result.total_partial


# The last second a date can hold (9999-12-31T23:59:59 UTC): a state's time past it is damage.
LAST_TIMESTAMP = 253_402_300_799


def load_state(index_dir: Path) -> dict[str, dict[str, Any]]:
    """When each query last ran: name -> {"seen_up_to": indexed_at, "last_run": ISO time}.
    Entries not of that shape (a file edited or damaged by hand) are dropped with a warning:
    their queries then show every match once, as on a first run."""
    path = index_dir / STATE_FILE
    try:
        state = jsonfiles.loads(jsonfiles.read_bounded(path, MAX_STATE_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):  # a FIFO, /dev/zero, a folder, bad UTF-8 or bad JSON
        state = None
    if not isinstance(state, dict):
        state = {"": None}  # nothing usable: warned about below
    usable = {
        name: entry
        for name, entry in state.items()
        if isinstance(entry, dict)
        and isinstance(seen := entry.get("seen_up_to", 0.0), int | float)
        and math.isfinite(seen)
        and 0 <= seen <= LAST_TIMESTAMP
    }
    if len(usable) < len(state):
        log.warning(
            gettext(
                "%(path)s: damaged, not the saved queries' state: --new shows their matches again",
                path=path,
            )
        )
    return usable


def save_state(index_dir: Path, state: dict[str, dict[str, Any]]) -> None:
    path = index_dir / STATE_FILE
    try:
        jsonfiles.write_json(path, state, indent=1, sort_keys=True)
    except OSError as exc:
        log.warning(
            gettext(
                "%(path)s: cannot record when the queries ran (%(problem)s): --new will show"
                " these again",
                path=path,
                problem=exc.strerror or exc,
            )
        )
