"""The `cari` command: a thin click layer over the search library. What it prints comes from
search.cli.text and the library's errors, in the language search.cli.language sets up."""

from __future__ import annotations

import json
import logging
import math
import shutil
import sys
import time
from pathlib import Path

import click

from search import config
from search.cli import output
from search.cli.language import Group, argument, install_click_messages, option
from search.config import RESULT_CACHE, SORTS
from search.dates import DateInputError, parse_date_input
from search.i18n import gettext
from search.indexing import store
from search.indexing.store import IndexMissingError

# Each command imports what only it needs: the searcher (and numpy) for the commands that
# search, the writers (search.indexing.indexers: extraction, copies, numpy) for `cari build`,
# `cari update` and `cari serve`'s banner; `cari query`, `cari saved` and `cari check` start
# without them.

log = logging.getLogger("search")
install_click_messages()

SEEDS_OPTION = option(
    "--seeds",
    "seeds_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of seed articles [default: $%(seeds_env)s or ./%(seeds_dir)s].",
)
INDEX_OPTION = option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Index folder [default: $%(index_env)s or ./%(index_dir)s].",
)

ENGINE_OPTION = option(
    "--engine",
    type=click.Choice(config.ENGINES),
    default=None,
    help="Search engine: the embedded index or an OpenSearch cluster [default: $%(engine_env)s"
    " or whoosh; opensearch when an OpenSearch URL is set].",
)
OPENSEARCH_URL_OPTION = option(
    "--opensearch-url",
    default=None,
    metavar="URL",
    help="OpenSearch node URLs, comma-separated, user:password@ allowed [default:"
    " $%(opensearch_url_env)s or %(opensearch_url)s]; see docs/opensearch.md.",
)


# The longest wait or pause an option takes: a week (inf or 1e10 seconds overflowed the
# clocks and locks they are handed to, a traceback).
MAX_SECONDS = 7 * 24 * 3600.0


class Seconds(click.FloatRange):
    """A number of seconds in a range, at most MAX_SECONDS: nan, which no bound compares
    with, is refused too (a `--header-timeout nan` turned the header deadline off)."""

    def __init__(self, low: float = 0, high: float = MAX_SECONDS) -> None:
        super().__init__(low, high)

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        seconds = super().convert(value, param, ctx)
        if math.isnan(seconds):
            self.fail(gettext("'%(value)s' is not a number of seconds", value=value), param, ctx)
        return seconds


def engine_options(command):  # type: ignore[no-untyped-def]
    """--engine and --opensearch-url, for the commands that search or write the index."""
    return ENGINE_OPTION(OPENSEARCH_URL_OPTION(command))


def _engine_settings(engine: str | None, url: str | None) -> config.EngineSettings:
    try:
        return config.engine_settings(engine, url)
    except config.EngineSettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        output.TerminalFormatter("%(levelname)s %(message)s" if verbose else "%(message)s")
    )
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=[handler])
    logging.getLogger("search.ingest.kinds").setLevel(logging.ERROR)
    # The OpenSearch client logs every request, and each failed one with its traceback: the
    # command says in one line what failed (-v shows them).
    logging.getLogger("opensearch").setLevel(logging.DEBUG if verbose else logging.CRITICAL)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@option("-v", "--verbose", is_flag=True, help="Log more detail to stderr.")
@option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _show_version(ctx) if value else None,
    help="Show the version and exit.",
)
def cli(verbose: bool) -> None:
    """Cari: full-text search for Indonesian news, who said what, and when.

    \b
    Typical use:
      cari build                         # index every article in ./seeds
      cari update                        # then index only new, changed and removed seeds
      cari query "reformasi birokrasi"   # search from the terminal
      cari saved run --all --new         # your saved searches, new articles only
      cari serve                         # search in the browser, http://127.0.0.1:8000
    """
    _setup_logging(verbose)


def _show_version(ctx: click.Context) -> None:
    from importlib.metadata import version  # only here: its import takes 0.1 s of every command

    output.echo(output.version("cari", version("cari")))
    ctx.exit()


@cli.command("build")
@SEEDS_OPTION
@INDEX_OPTION
@engine_options
@option(
    "--force", is_flag=True, help="Replace the live index even if the build lost most articles."
)
def build_command(
    seeds_dir: Path | None,
    index_dir: Path | None,
    force: bool,
    engine: str | None,
    opensearch_url: str | None,
) -> None:
    """Rebuild the whole index from the seed folder.

    Every seed is parsed (title, body, date, source, officials), analysed with Indonesian
    stemming and written into a new index generation, which then replaces the live one
    atomically: searches running meanwhile see the old index or the new one, never a half-built
    one. Broken seeds are reported and skipped.

    \b
    Example:
      cari build --seeds seeds --index index
    """
    seeds = config.seeds_dir(seeds_dir)
    index = config.index_dir(index_dir)
    settings = _engine_settings(engine, opensearch_url)
    try:
        from search.ingest.seeds import count_articles, list_seeds

        total = count_articles(list_seeds(seeds))
    except FileNotFoundError as exc:
        raise click.ClickException(output.seeds_hint(exc, config.SEEDS_ENV)) from exc
    if not total:
        output.echo(output.no_seed_files(seeds), err=True)
    from search.indexing import indexers
    from search.indexing.build import BuildRefusedError

    progress = _Progress(total, output.progress_label("build"))
    try:
        report = indexers.build(
            seeds, index, settings, force=force, on_article=lambda _item: progress.update(1)
        )
    except (BuildRefusedError, store.IndexBusyError) as exc:
        raise click.ClickException(str(exc)) from exc
    except config.EngineUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
    for problem in report.problems:
        output.echo(output.warning(problem), err=True)
    output.echo(output.written(report.summary(), indexers.target(index, settings)))


class _Progress:
    """tqdm on a terminal; a log line every 10% otherwise."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.done, self._next = total, label, 0, 0.1
        self._bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=label, unit="seed", file=sys.stderr)

    def update(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
        elif self.total >= 50 and self.done / self.total >= self._next:
            log.info(output.progress_line(self.label, self.done, self.total))
            self._next += 0.1

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _date_option(value: str | None, *, end: bool, flag: str):
    if value is None:
        return None
    try:
        return parse_date_input(value, end=end)
    except DateInputError as exc:
        raise click.BadParameter(str(exc), param_hint=flag) from exc


def _argv_text(value: str) -> str:
    """Command-line text as valid Unicode: bytes that were not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD, so printing them back, in JSON too, cannot fail."""
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


# The filters `cari query` and `cari saved add` share.
OFFICIAL_OPTION = option(
    "--official",
    "officials",
    multiple=True,
    metavar="NAME",
    help="Only articles naming this official (repeatable: any of them). Aliases such as Jokowi work.",
)
SOURCE_OPTION = option(
    "--source",
    "sources",
    multiple=True,
    metavar="DOMAIN",
    help="Only articles from this publisher domain, e.g. kompas.com (repeatable).",
)


@cli.command("query")
@argument("text", required=False, default="")
@OFFICIAL_OPTION
@SOURCE_OPTION
@option(
    "--said",
    "said",
    multiple=True,
    metavar="NAME",
    help="Only articles quoting this person (repeatable: any of them); the snippet is their"
    " quote. Part of one person's name works (Wiyagus).",
)
@option(
    "--from",
    "date_from",
    metavar="DATE",
    help="Only articles dated on or after DATE (2019, 9/2019, 1/9/2019 or 2019-09-01).",
)
@option(
    "--to",
    "date_to",
    metavar="DATE",
    help="Only articles dated on or before DATE (2019, 9/2019, 30/9/2019 or 2019-09-30).",
)
@option(
    "--sort",
    type=click.Choice(SORTS),
    default="relevance",
    show_default=True,
    help="Order of results.",
)
@option(
    "--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Results per page."
)
@option("--page", type=click.IntRange(1), default=1, show_default=True, help="Page of results.")
@option(
    "--partial",
    is_flag=True,
    help="Count the articles with some of the words too in the facets and the timeline (--json).",
)
@option(
    "--as-typed",
    is_flag=True,
    help="Search the words as typed, even when nothing has them all and a correction would.",
)
@option(
    "--json", "as_json", is_flag=True, help="Print one JSON object (stable shape, for scripts)."
)
@INDEX_OPTION
@engine_options
def query_command(
    text: str,
    officials: tuple[str, ...],
    sources: tuple[str, ...],
    said: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    sort: str,
    limit: int,
    page: int,
    partial: bool,
    as_typed: bool,
    as_json: bool,
    index_dir: Path | None,
    engine: str | None,
    opensearch_url: str | None,
) -> None:
    """Search the index for TEXT.

    Words match any form of their root word (dilayani finds pelayanan, layanan, melayani).
    The articles with all the words come first (the count is theirs), then those with some,
    each saying which words it misses; among each, the exact form and the words as a phrase
    rank first.
    Use "double quotes" for a phrase (any form of each word) and exact:"..." for the words
    exactly as written, to check a quote; -word excludes a word; also AND, OR, NOT,
    title:word, source:DOMAIN, official:NAME, said:NAME and prefix* (see
    docs/query-syntax.md). When no article has all the words and a spelling correction finds
    some, its results are shown instead (--as-typed: not); else a misspelt word gets a "did you
    mean" line.

    A date filter keeps articles whose date (known to a day, month or year) overlaps the
    range; articles without a date are left out when a date filter is set.

    \b
    Examples:
      cari query dilayani
      cari query "reformasi birokrasi" --official "Suhajar Diantoro" --json
      cari query "pelayanan publik" --said Wiyagus
      cari query birokrasi --from 2022-01-01 --to 2022-12-31
      cari query '"pelayanan publik" -kompas' --sort newest --limit 5
    """
    from search.model import RequestError, SearchRequest
    from search.retrieval.engines import open_engine

    settings = _engine_settings(engine, opensearch_url)
    try:
        request = SearchRequest(
            query=_argv_text(text),
            officials=tuple(_argv_text(o) for o in officials),
            sources=tuple(_argv_text(s) for s in sources),
            said=tuple(_argv_text(p) for p in said),
            date_from=_date_option(date_from, end=False, flag="--from"),
            date_to=_date_option(date_to, end=True, flag="--to"),
            sort=sort,
            page=page,
            page_size=limit,
            as_typed=as_typed,
            partial=partial,
        )
        engine = open_engine(config.index_dir(index_dir), settings)
        result = engine.search(request)
        relaxations = [] if result.found else engine.relaxations(result.request)
    except (RequestError, IndexMissingError) as exc:
        raise click.UsageError(str(exc)) from exc
    except config.EngineUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        shown = output.search_result(result, relaxations, color=sys.stdout.isatty())
        output.echo(shown)
    sys.exit(0 if result.found else 1)


@cli.command("serve")
@INDEX_OPTION
@option(
    "--host",
    default=config.DEFAULT_HOST,
    show_default=True,
    help="Address to bind (keep 127.0.0.1 unless you mean to share it).",
)
@option(
    "--port",
    type=click.IntRange(0, 65535),
    default=config.DEFAULT_PORT,
    show_default=True,
    help="Port to listen on (0: any free port, announced).",
)
@option(
    "--threads",
    type=click.IntRange(1, 64),
    default=4,
    show_default=True,
    help="Threads per process.",
)
@option(
    "--processes",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes sharing the port: one per core for a busy server.",
)
@option(
    "--result-cache",
    type=click.IntRange(0, 100_000),
    default=RESULT_CACHE,
    show_default=True,
    help="Searches per process whose results are kept for repeats, until the index changes"
    " (0: none).",
)
@option(
    "--header-timeout",
    type=Seconds(1, 3600),
    default=config.DEFAULT_HEADER_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Close a connection whose request has not sent its headers this many seconds after"
    " its first byte (a slow upload is not cut).",
)
@option(
    "--base-url",
    metavar="URL",
    help="The address users reach the server at (https://cari.example.id), for the links of"
    " saved searches' Atom feeds [default: $CARI_BASE_URL, else the host each request names].",
)
@option(
    "--get",
    "get_path",
    metavar="PATH",
    help="Do not serve: run one GET request for PATH (e.g. '/api/search?q=banjir') through"
    " the app, print the response body and exit (1 on an HTTP error).",
)
@engine_options
def serve_command(
    index_dir: Path | None,
    host: str,
    port: int,
    threads: int,
    processes: int,
    result_cache: int,
    header_timeout: float,
    base_url: str | None,
    get_path: str | None,
    engine: str | None,
    opensearch_url: str | None,
) -> None:
    """Serve the web UI and JSON API with waitress.

    The server follows the index folder: a `cari build` or `cari update` run meanwhile is
    picked up on the next request, without restart. Python runs one thread at a time, so a
    server for many users runs one process per core (--processes).

    \b
    Examples:
      cari serve --port 8000              # then open http://127.0.0.1:8000
      cari serve --processes 2            # a busy server on a two-core machine
      cari serve --host 0.0.0.0 --base-url https://cari.example.id  # shared, behind a proxy
      cari serve --get '/api/search?q=banjir&official=Anies+Baswedan'
    """
    from search.indexing import indexers
    from web import create_app
    from web.server import get, serve

    index = config.index_dir(index_dir)
    chosen = _engine_settings(engine, opensearch_url)
    try:
        address = config.base_url(base_url)
    except ValueError as exc:
        hint = "--base-url" if base_url else f"${config.BASE_URL_ENV}"
        raise click.BadParameter(str(exc), param_hint=hint) from exc
    settings = {
        "INDEX_DIR": str(index),
        "RESULT_CACHE": result_cache,
        "ENGINE": chosen,
        "BASE_URL": address,
    }
    app = create_app(settings)  # fail here, before forking, on a bad setup
    if get_path is not None:
        status, _content_type, body = get(app, get_path)
        click.echo(body.decode("utf-8", "replace"), nl=not body.endswith(b"\n"))
        if status >= 400:
            raise click.ClickException(output.http_error(status, get_path))
        return
    serve(
        lambda: create_app(settings),
        host,
        port,
        threads=threads,
        processes=processes,
        header_timeout=header_timeout,
        on_ready=lambda bound: output.echo(
            output.serving(indexers.target(index, chosen), host, bound, processes)
        ),
    )


@cli.command("inspect")
@argument("seed")
@option("--id", "article_id", help="For a .jsonl seed: the record's id [default: the first].")
@option(
    "--json", "as_json", is_flag=True, help="Print one JSON object (stable shape, for scripts)."
)
@SEEDS_OPTION
def inspect_command(
    seed: str, article_id: str | None, as_json: bool, seeds_dir: Path | None
) -> None:
    """Show what extraction makes of one SEED file, and why.

    SEED is a path, or a seed's name in the seed folder (with or without .txt). Prints the
    title, the date with its precision and the line that gave it, the source and the rule
    that found it, the officials with their roles, and the start of the body. Fields set by
    a JSONL record or a `<name>.meta.toml` override are marked as given.

    \b
    Examples:
      cari inspect seeds/001_c392d4d57c4d2ec5.txt
      cari inspect 001_c392d4d57c4d2ec5 --json
      cari inspect ../shared/corpus/clickid-2019/clickid-2019.jsonl --id clickid-df9459011acd8bee
    """
    from search.ingest.files import SeedError
    from search.ingest.inspection import inspection_json, inspection_text
    from search.ingest.seeds import find_seed, inspect_seed

    seeds = config.seeds_dir(seeds_dir)
    path = find_seed(seed, seeds)
    try:
        if not path.exists():
            raise SeedError(output.no_seed(path, seeds))
        extraction = inspect_seed(path, article_id)
    except SeedError as exc:
        raise click.ClickException(f"{path}: {exc}") from exc
    if as_json:
        click.echo(json.dumps(inspection_json(extraction), ensure_ascii=False, indent=2))
    else:
        output.echo(inspection_text(extraction, path))


class ConfigError(click.ClickException):
    """A usage or configuration problem (exit code 2), shown as one line."""

    exit_code = 2


@cli.command("check")
@INDEX_OPTION
def check_command(index_dir: Path | None) -> None:
    """Check that the live index's files are as they were written.

    Reads every index file whole and compares its size and checksum with those recorded when
    it was written (searches and `cari update` check the sizes and the files' ends only).
    Exit code 2 with one line naming the damaged file; `cari build` then makes the index anew.

    \b
    Example:
      cari check --index index
    """
    index = config.index_dir(index_dir)
    try:
        checked = store.require_live(index).check_files(full=True)
    except store.DamagedFileError as exc:
        raise ConfigError(output.damaged(index, exc)) from None
    except IndexMissingError as exc:
        raise ConfigError(str(exc)) from exc
    output.echo(output.checked(index, checked))


@cli.command("update")
@SEEDS_OPTION
@INDEX_OPTION
@option("--force", is_flag=True, help="Apply the update even if it removes most of the articles.")
@option("--dry-run", is_flag=True, help="Only say what would change.")
@option(
    "--wait",
    type=Seconds(),
    default=store.LOCK_WAIT_SECONDS,
    show_default=True,
    help="Seconds to wait for a build or update already writing the index.",
)
@engine_options
def update_command(
    seeds_dir: Path | None,
    index_dir: Path | None,
    force: bool,
    dry_run: bool,
    wait: float,
    engine: str | None,
    opensearch_url: str | None,
) -> None:
    """Bring the index up to date with the seed folder, article by article.

    Compares each seed's content hash with the index: new seeds are added, changed ones
    re-indexed and removed ones deleted; the other articles are left alone. Searches running
    meanwhile see the index before or after the update, never half of it. Builds the whole
    index instead when there is none yet or the analyzer has changed since it was built.

    \b
    Example:
      cari update --seeds seeds --index index
    """
    seeds = config.seeds_dir(seeds_dir)
    index = config.index_dir(index_dir)
    settings = _engine_settings(engine, opensearch_url)
    from search.indexing import indexers
    from search.indexing.build import BuildRefusedError

    progress: list[_Progress] = []
    try:
        report = indexers.update(
            seeds,
            index,
            settings,
            force=force,
            dry_run=dry_run,
            on_plan=lambda total: progress.append(
                _Progress(total, output.progress_label("update"))
            ),
            on_article=lambda _item: progress[-1].update(1) if progress else None,
            lock_timeout=wait,
        )
    except FileNotFoundError as exc:
        raise click.ClickException(output.seeds_hint(exc, config.SEEDS_ENV)) from exc
    except (BuildRefusedError, store.IndexBusyError) as exc:
        raise click.ClickException(str(exc)) from exc
    except config.EngineUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        for bar in progress:
            bar.close()
    _echo_problems(report.problems)
    if report.changes <= 50:
        kinds = {"added": report.added, "changed": report.changed, "removed": report.removed}
        for kind, ids in kinds.items():
            for article_id in ids:
                output.echo(output.update_line(kind, article_id, dry_run=dry_run))
    output.echo(output.written(report.summary(), indexers.target(index, settings)))


REPEATED_SHOWN = 3


def _echo_problems(problems: list) -> None:
    """Each seed problem on a line; those reported by an earlier build or update, unchanged
    since, only the first few and a count (a folder with many stays readable)."""
    repeated = [p for p in problems if p.repeated]
    for problem in [p for p in problems if not p.repeated] + repeated[:REPEATED_SHOWN]:
        output.echo(output.warning(problem), err=True)
    if len(repeated) > REPEATED_SHOWN:
        output.echo(output.more_unusable(len(repeated) - REPEATED_SHOWN), err=True)


@cli.command("watch")
@SEEDS_OPTION
@INDEX_OPTION
@option(
    "--settle",
    type=Seconds(),
    default=2.0,
    show_default=True,
    help="Update once no seed has changed for this many seconds (batches bursts of files).",
)
@option(
    "--poll", is_flag=True, help="Poll the folder instead of filesystem events (network disks)."
)
def watch_command(
    seeds_dir: Path | None, index_dir: Path | None, settle: float, poll: bool
) -> None:
    """Keep the index up to date while seeds arrive, change or are deleted.

    Runs `cari update` at start, then after each burst of changes in the seed folder. Stop
    with Ctrl+C. Each update prints a summary line.

    \b
    Example:
      cari watch --seeds seeds --index index
    """
    from search.indexing.watch import watch

    seeds = config.seeds_dir(seeds_dir)
    index = config.index_dir(index_dir)

    def report(update_report) -> None:
        _echo_problems(update_report.problems)
        if update_report.changes or update_report.rebuilt:
            output.echo(f"{time.strftime('%H:%M:%S')} {update_report.summary()}")

    try:
        watch(
            seeds,
            index,
            settle=settle,
            poll=poll,
            on_update=report,
            on_ready=lambda: output.echo(output.watching(seeds, index)),
        )
    except FileNotFoundError as exc:
        raise click.ClickException(output.seeds_hint(exc, config.SEEDS_ENV)) from exc
    except KeyboardInterrupt:
        output.echo(output.stopped())


QUERIES_OPTION = option(
    "--queries",
    "queries_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Saved queries file [default: $%(queries_env)s or ./%(queries_file)s].",
)


@cli.group("saved")
def saved_group() -> None:
    """Saved queries: named searches kept in a TOML file, run by name or all at once.

    The file is ./queries.toml unless --queries PATH or $CARI_QUERIES says otherwise.

    \b
    Examples:
      cari saved list
      cari saved add birokrasi "reformasi birokrasi" --official "Tjahjo Kumolo" --last "30 days"
      cari saved run birokrasi --new
      cari saved run --all --format csv > report.csv
      cari saved rm birokrasi
    """


def _load_saved(path: Path):
    from search.saved.queries import SavedQueryError, load_queries

    try:
        return load_queries(config.queries_file(path))
    except SavedQueryError as exc:
        raise ConfigError(str(exc)) from exc


@saved_group.command("list")
@QUERIES_OPTION
def saved_list_command(queries_path: Path | None) -> None:
    """List the saved queries: name, what each searches, description.

    \b
    Example:
      cari saved list --queries queries.toml
    """
    from search.saved.formats import queries_table

    output.echo(queries_table(list(_load_saved(queries_path).values())))


@saved_group.command("add")
@argument("name")
@argument("query", required=False, default="")
@OFFICIAL_OPTION
@SOURCE_OPTION
@option("--said", "said", multiple=True, metavar="NAME", help="Only articles quoting NAME.")
@option(
    "--from", "date_from", metavar="DATE", help="From DATE (2019, 9/2019, 1/9/2019, 2019-09-01)."
)
@option("--to", "date_to", metavar="DATE", help="To DATE (2019, 9/2019, 30/9/2019, 2019-09-30).")
@option(
    "--last",
    metavar="PERIOD",
    help='A range ending on the newest article\'s day: "7 days", "2 weeks", "1 month".',
)
@option(
    "--sort",
    type=click.Choice(SORTS),
    default="relevance",
    show_default=True,
    help="Order of results.",
)
@option(
    "--limit",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    help="Results per run.",
)
@option("--description", default="", help="A line saying what the query is for.")
@option("--replace", is_flag=True, help="Replace a saved query of the same name.")
@option(
    "--force",
    is_flag=True,
    help="Save it even when the index has no article naming its officials, sources or people"
    " quoted (someone the archive does not name yet).",
)
@QUERIES_OPTION
@INDEX_OPTION
@engine_options
def saved_add_command(
    queries_path: Path | None,
    name: str,
    query: str,
    officials: tuple[str, ...],
    sources: tuple[str, ...],
    said: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    last: str | None,
    sort: str,
    limit: int,
    description: str,
    replace: bool,
    force: bool,
    index_dir: Path | None,
    engine: str | None,
    opensearch_url: str | None,
) -> None:
    """Save QUERY under NAME (appended to the queries file, which keeps its comments).

    Its officials, sources and people quoted are checked against the index as `cari query`
    checks them: a name no article gives is refused (--force saves it anyway).

    \b
    Example:
      cari saved add pelayanan "pelayanan publik" --source kemendagri.go.id --sort newest
    """
    from search.retrieval.engines import open_engine
    from search.saved.queries import NamesNoOneError, SavedQuery, SavedQueryError, add_query

    saved = SavedQuery(
        name=name,
        query=query.strip(),
        officials=officials,
        sources=sources,
        said=said,
        date_from=date_from,
        date_to=date_to,
        last=last,
        sort=sort,
        limit=limit,
        description=description,
    )
    path = config.queries_file(queries_path)
    settings = _engine_settings(engine, opensearch_url)
    check = None if force else open_engine(config.index_dir(index_dir), settings)
    try:
        add_query(path, saved, replace=replace, check=check)
    except NamesNoOneError as exc:
        raise ConfigError(output.not_saved(str(exc))) from exc
    except SavedQueryError as exc:
        raise ConfigError(str(exc)) from exc
    output.echo(output.saved(name, path))


@saved_group.command("rm")
@argument("name")
@QUERIES_OPTION
def saved_rm_command(queries_path: Path | None, name: str) -> None:
    """Remove the saved query NAME (and the comment lines just above it) from the file.

    \b
    Example:
      cari saved rm pelayanan
    """
    from search.saved.queries import SavedQueryError, remove_query

    path = config.queries_file(queries_path)
    try:
        remove_query(path, name)
    except SavedQueryError as exc:
        raise ConfigError(str(exc)) from exc
    output.echo(output.removed(name, path))


@saved_group.command("run")
@argument("names", nargs=-1)
@option("--all", "run_all", is_flag=True, help="Run every saved query, in file order.")
@option("--new", "new_only", is_flag=True, help="Only articles indexed since the query's last run.")
@option(
    "--format",
    "fmt",
    type=click.Choice(("table", "csv", "json")),
    default="table",
    show_default=True,
    help="Output: a readable table, CSV (one row per hit) or JSON.",
)
@INDEX_OPTION
@QUERIES_OPTION
@engine_options
def saved_run_command(
    queries_path: Path | None,
    names: tuple[str, ...],
    run_all: bool,
    new_only: bool,
    fmt: str,
    index_dir: Path | None,
    engine: str | None,
    opensearch_url: str | None,
) -> None:
    """Run saved queries by NAME, or --all of them. Exit code 0 when something matched, 1 when
    nothing did, 2 on a usage or configuration error.

    When each query last ran is kept next to the index (saved-state.json), so --new shows
    only articles indexed since then: a morning report of what is new.

    \b
    Examples:
      cari saved run pelayanan-publik
      cari saved run --all --new
      cari saved run --all --format csv > laporan.csv
    """
    from search.model import RequestError
    from search.retrieval.engines import open_engine
    from search.saved.formats import render
    from search.saved.queries import SavedQueryError, find_query, run_queries

    if bool(names) == run_all:
        raise click.UsageError(output.run_what())
    settings = _engine_settings(engine, opensearch_url)
    queries = _load_saved(queries_path)
    if run_all and not queries:
        raise ConfigError(output.no_saved_queries(config.queries_file(queries_path)))
    try:
        chosen = (
            list(queries.values())
            if run_all
            else [find_query(queries, n, config.queries_file(queries_path)) for n in names]
        )
        engine_ = open_engine(config.index_dir(index_dir), settings)
        runs = run_queries(engine_, chosen, new_only=new_only)
    except (SavedQueryError, RequestError) as exc:
        raise ConfigError(str(exc)) from exc
    except config.EngineUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    except IndexMissingError as exc:
        raise click.UsageError(str(exc)) from exc
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    rendered = render(runs, fmt, width=width)
    if fmt == "json":
        click.echo(rendered)
    else:
        output.echo(rendered)
    for run in runs:
        if run.problem:
            output.echo(output.run_problem(run.saved.name, run.problem), err=True)
    sys.exit(0 if any(run.result.total for run in runs) else 1)


def main() -> None:
    cli(prog_name="cari")
