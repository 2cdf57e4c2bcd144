"""The `cari` command: a thin click layer over the search library."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from search import config, i18n
from search.config import RESULT_CACHE, SORTS
from search.dates import DateInputError, parse_date_input
from search.indexing import indexers, store
from search.indexing.build import BuildRefusedError
from search.indexing.store import IndexMissingError

if TYPE_CHECKING:
    from search.model import SearchResult
    from search.query.relaxation import Relaxation

# The searcher (and numpy) is imported by the commands that search: `cari update` and
# `cari build` start faster without it.

log = logging.getLogger("search")

SEEDS_OPTION = click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Folder of seed articles [default: ${config.SEEDS_ENV} or ./{config.DEFAULT_SEEDS_DIR}].",
)
INDEX_OPTION = click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Index folder [default: ${config.INDEX_ENV} or ./{config.DEFAULT_INDEX_DIR}].",
)

ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(config.ENGINES),
    default=None,
    help=f"Search engine: the embedded index or an OpenSearch cluster [default: ${config.ENGINE_ENV}"
    " or whoosh; opensearch when an OpenSearch URL is set].",
)
OPENSEARCH_URL_OPTION = click.option(
    "--opensearch-url",
    default=None,
    metavar="URL",
    help=f"OpenSearch node URLs, comma-separated, user:password@ allowed [default:"
    f" ${config.OPENSEARCH_URL_ENV} or {config.DEFAULT_OPENSEARCH_URL}]; see docs/opensearch.md.",
)


def engine_options(command):  # type: ignore[no-untyped-def]
    """--engine and --opensearch-url, for the commands that search or write the index."""
    return ENGINE_OPTION(OPENSEARCH_URL_OPTION(command))


def _engine_settings(engine: str | None, url: str | None) -> config.EngineSettings:
    try:
        return config.engine_settings(engine, url)
    except config.EngineSettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(levelname)s %(message)s" if verbose else "%(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("search.ingest.kinds").setLevel(logging.ERROR)
    # The OpenSearch client logs every request, and each failed one with its traceback: the
    # command says in one line what failed (-v shows them).
    logging.getLogger("opensearch").setLevel(logging.DEBUG if verbose else logging.CRITICAL)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log more detail to stderr.")
@click.version_option(package_name="cari", prog_name="cari")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
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
    ctx.with_resource(i18n.using(i18n.system_language()))


@cli.command("build")
@SEEDS_OPTION
@INDEX_OPTION
@engine_options
@click.option(
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
        raise click.ClickException(f"{exc}: pass --seeds DIR or set ${config.SEEDS_ENV}") from exc
    if not total:
        click.echo(
            f"warning: no seed files in {seeds}/ (one article per .txt file, or a .jsonl file"
            " of records): the index will be empty",
            err=True,
        )
    progress = _progress(total, "indexing")
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
        click.echo(terminal_text(f"warning: {problem}"), err=True)
    click.echo(f"{report.summary()} -> {indexers.target(index, settings)}")


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
            log.info("%s: %d/%d seeds", self.label, self.done, self.total)
            self._next += 0.1

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _progress(total: int, label: str) -> _Progress:
    return _Progress(total, label)


def _date_option(value: str | None, *, end: bool, flag: str):
    if value is None:
        return None
    try:
        return parse_date_input(value, end=end)
    except DateInputError as exc:
        raise click.BadParameter(str(exc), param_hint=flag) from exc


# Control characters (C0 but tab and newline, DEL, C1) in text from seeds: an article
# title holding ESC ] 0 ; ... BEL would retitle the terminal, ESC [ 2 J clear it.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_text(text: str) -> str:
    """Text fit to print to a terminal: control characters taken out."""
    return _CONTROL.sub("", text)


def _argv_text(value: str) -> str:
    """Command-line text as valid Unicode: bytes that were not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD, so printing them back, in JSON too, cannot fail."""
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


@cli.command("query")
@click.argument("text", required=False, default="")
@click.option(
    "--official",
    "officials",
    multiple=True,
    help="Only articles naming this official (repeatable: any of them). Aliases such as Jokowi work.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    help="Only articles from this publisher domain, e.g. kompas.com (repeatable).",
)
@click.option(
    "--said",
    "said",
    multiple=True,
    metavar="NAME",
    help="Only articles quoting this person (repeatable: any of them); the snippet is their"
    " quote. Part of one person's name works (Wiyagus).",
)
@click.option(
    "--from",
    "date_from",
    metavar="DATE",
    help="Only articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option(
    "--to",
    "date_to",
    metavar="DATE",
    help="Only articles dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="relevance",
    show_default=True,
    help="Order of results.",
)
@click.option(
    "--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Results per page."
)
@click.option(
    "--page", type=click.IntRange(1), default=1, show_default=True, help="Page of results."
)
@click.option(
    "--partial",
    is_flag=True,
    help="Count the articles with some of the words too in the facets and the timeline (--json).",
)
@click.option(
    "--as-typed",
    is_flag=True,
    help="Search the words as typed, even when nothing has them all and a correction would.",
)
@click.option(
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
        click.echo(terminal_text(render_text(result, relaxations)))
    sys.exit(0 if result.found else 1)


_MARK = re.compile(r"</?mark>")


def render_text(result: SearchResult, relaxations: list[Relaxation] | None = None) -> str:
    """Results as readable terminal text (matches in bold on a terminal, [brackets] otherwise);
    for a search that found nothing, the same changes that would find something as the search
    page offers (`relaxations`)."""
    import html

    from search.dates import format_date
    from search.i18n import gettext, ngettext

    color = sys.stdout.isatty()
    shown = result.request.query
    shown = shown if len(shown) <= 200 else shown[:199] + "…"
    request = result.request
    filters = [f"official: {name}" for name in request.officials]
    filters += [f"source: {name}" for name in request.sources]
    filters += [f"said: {name}" for name in request.said]
    within = f" ({'; '.join(filters)})" if filters else ""
    count = f"{result.total:,} results"
    if result.total_partial:
        every = f"{result.total:,}" if result.total else "none"
        count = f"{every} with all the words, {result.total_partial:,} with some,"
    stories = f" ({result.stories:,} stories)" if result.stories != result.total else ""
    lines = [f"{count}{stories} for {shown!r}{within} ({result.seconds * 1000:.0f} ms)"]
    lines += [f"note: {n}" for n in result.notes]
    if result.corrected_from:
        lines.append(
            f"showing results for {request.query!r}; search instead for"
            f" {result.corrected_from!r} (--as-typed)"
        )
    elif result.suggestion:
        lines.append(f"did you mean: {result.suggestion}")
    if relaxations:
        from search.i18n import gettext, ngettext

        lines.append(gettext("These would find something:"))
        lines += [
            "  "
            + ngettext(
                "%(label)s: %(num)s result", "%(label)s: %(num)s results", x.total, label=x.label
            )
            for x in relaxations
        ]
    first = (result.request.page - 1) * result.request.page_size
    for n, hit in enumerate(result.hits, start=first + 1):
        if hit.missing and (n == first + 1 or not result.hits[n - first - 2].missing):
            lines += ["", "--- articles with some of the words ---"]
        meta = " · ".join(x for x in (format_date(hit.date), hit.source or "source unknown") if x)
        lines.append("")
        lines.append(click.style(f"{n}. {hit.title}", bold=True) if color else f"{n}. {hit.title}")
        lines.append(f"   {hit.id} · {meta}")
        if hit.url:
            lines.append(f"   {hit.url}")
        if hit.missing:
            lines.append(f"   missing: {', '.join(hit.missing)}")
        if hit.officials:
            lines.append(
                "   "
                + gettext(
                    "officials: %(names)s",
                    names=", ".join(
                        f"{o.name} ({o.role})" if o.role else o.name for o in hit.officials
                    ),
                )
            )
        marked = hit.snippet.html()
        if color:
            marked = marked.replace("<mark>", "\x1b[1m").replace("</mark>", "\x1b[0m")
        else:
            marked = marked.replace("<mark>", "[").replace("</mark>", "]")
        lines.append("   " + html.unescape(_MARK.sub("", marked)))
        if hit.copies:
            sources = ", ".join(dict.fromkeys(c.source or "source unknown" for c in hit.copies))
            count = len(hit.copies)
            lines.append(f"   {count} other cop{'y' if count == 1 else 'ies'} ({sources})")
    if result.found_as_stories > first + len(result.hits):
        lines.append("")
        lines.append(
            gettext(
                "page %(page)s of %(pages)s: use --page for more",
                page=result.request.page,
                pages=result.pages,
            )
        )
    return "\n".join(lines)


@cli.command("serve")
@INDEX_OPTION
@click.option(
    "--host",
    default=config.DEFAULT_HOST,
    show_default=True,
    help="Address to bind (keep 127.0.0.1 unless you mean to share it).",
)
@click.option(
    "--port", type=int, default=config.DEFAULT_PORT, show_default=True, help="Port to listen on."
)
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=4,
    show_default=True,
    help="Threads per process.",
)
@click.option(
    "--processes",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes sharing the port: one per core for a busy server.",
)
@click.option(
    "--result-cache",
    type=click.IntRange(0, 100_000),
    default=RESULT_CACHE,
    show_default=True,
    help="Searches per process whose results are kept for repeats, until the index changes"
    " (0: none).",
)
@click.option(
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
      cari serve --get '/api/search?q=banjir&official=Anies+Baswedan'
    """
    from web import create_app
    from web.server import get, serve

    index = config.index_dir(index_dir)
    chosen = _engine_settings(engine, opensearch_url)
    settings = {"INDEX_DIR": str(index), "RESULT_CACHE": result_cache, "ENGINE": chosen}
    app = create_app(settings)  # fail here, before forking, on a bad setup
    if get_path is not None:
        status, _content_type, body = get(app, get_path)
        click.echo(body.decode("utf-8", "replace"), nl=not body.endswith(b"\n"))
        if status >= 400:
            raise click.ClickException(f"HTTP {status} for {get_path}")
        return
    plural = "es" if processes > 1 else ""
    serve(
        lambda: create_app(settings),
        host,
        port,
        threads=threads,
        processes=processes,
        on_ready=lambda: click.echo(
            f"serving {indexers.target(index, chosen)} on http://{host}:{port} with {processes} process{plural}"
            " (Ctrl+C to stop)"
        ),
    )


@cli.command("inspect")
@click.argument("seed")
@click.option("--id", "article_id", help="For a .jsonl seed: the record's id [default: the first].")
@click.option(
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
            raise SeedError(f"no such seed file (nor {path.name}.txt in {seeds}/)")
        extraction = inspect_seed(path, article_id)
    except SeedError as exc:
        raise click.ClickException(f"{path}: {exc}") from exc
    if as_json:
        click.echo(json.dumps(inspection_json(extraction), ensure_ascii=False, indent=2))
    else:
        click.echo(terminal_text(f"seed:      {path}"))
        click.echo(terminal_text(inspection_text(extraction)))


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
        raise ConfigError(
            f"the index in {index}/ is damaged ({exc}): rebuild it with `cari build`"
        ) from None
    except IndexMissingError as exc:
        raise ConfigError(str(exc)) from exc
    if not checked:
        click.echo(
            f"{index}/: no sizes or checksums recorded (built by an older Cari): nothing checked"
        )
    else:
        click.echo(f"{index}/: all {checked} index files are as they were written")


@cli.command("update")
@SEEDS_OPTION
@INDEX_OPTION
@click.option(
    "--force", is_flag=True, help="Apply the update even if it removes most of the articles."
)
@click.option("--dry-run", is_flag=True, help="Only say what would change.")
@click.option(
    "--wait",
    type=click.FloatRange(0),
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
    progress: list[_Progress] = []
    try:
        report = indexers.update(
            seeds,
            index,
            settings,
            force=force,
            dry_run=dry_run,
            on_plan=lambda total: progress.append(_progress(total, "updating")),
            on_article=lambda _item: progress[-1].update(1) if progress else None,
            lock_timeout=wait,
        )
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc}: pass --seeds DIR or set ${config.SEEDS_ENV}") from exc
    except (BuildRefusedError, store.IndexBusyError) as exc:
        raise click.ClickException(str(exc)) from exc
    except config.EngineUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        for bar in progress:
            bar.close()
    _echo_problems(report.problems)
    if report.changes <= 50:
        labels = ("add", "re-index", "remove") if dry_run else ("added", "re-indexed", "removed")
        for label, ids in zip(labels, (report.added, report.changed, report.removed), strict=True):
            for article_id in ids:
                click.echo(f"{'would ' if dry_run else ''}{label}: {article_id}")
    click.echo(f"{report.summary()} -> {indexers.target(index, settings)}")


REPEATED_SHOWN = 3


def _echo_problems(problems: list) -> None:
    """Each seed problem on a line; those reported by an earlier build or update, unchanged
    since, only the first few and a count (a folder with many stays readable)."""
    repeated = [p for p in problems if p.repeated]
    for problem in [p for p in problems if not p.repeated] + repeated[:REPEATED_SHOWN]:
        click.echo(terminal_text(f"warning: {problem}"), err=True)
    if len(repeated) > REPEATED_SHOWN:
        click.echo(
            f"warning: and {len(repeated) - REPEATED_SHOWN} more seeds still unusable"
            " (unchanged since they were skipped)",
            err=True,
        )


@cli.command("watch")
@SEEDS_OPTION
@INDEX_OPTION
@click.option(
    "--settle",
    type=click.FloatRange(0),
    default=2.0,
    show_default=True,
    help="Update once no seed has changed for this many seconds (batches bursts of files).",
)
@click.option(
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
            click.echo(f"{time.strftime('%H:%M:%S')} {update_report.summary()}")

    try:
        watch(
            seeds,
            index,
            settle=settle,
            poll=poll,
            on_update=report,
            on_ready=lambda: click.echo(
                f"watching {seeds}/ for new or changed seeds, index {index}/ (Ctrl+C to stop)"
            ),
        )
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc}: pass --seeds DIR or set ${config.SEEDS_ENV}") from exc
    except KeyboardInterrupt:
        click.echo("stopped")


QUERIES_OPTION = click.option(
    "--queries",
    "queries_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Saved queries file [default: ${config.QUERIES_ENV} or ./{config.DEFAULT_QUERIES_FILE}].",
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

    click.echo(terminal_text(queries_table(list(_load_saved(queries_path).values()))))


@saved_group.command("add")
@click.argument("name")
@click.argument("query", required=False, default="")
@click.option("--official", "officials", multiple=True, help="Only articles naming this official.")
@click.option("--source", "sources", multiple=True, help="Only articles from this domain.")
@click.option("--said", "said", multiple=True, metavar="NAME", help="Only articles quoting NAME.")
@click.option("--from", "date_from", metavar="DATE", help="From DATE (YYYY, YYYY-MM, YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="To DATE (YYYY, YYYY-MM, YYYY-MM-DD).")
@click.option(
    "--last", metavar="PERIOD", help='A range ending today: "7 days", "2 weeks", "1 month".'
)
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--description", default="", help="A line saying what the query is for.")
@click.option("--replace", is_flag=True, help="Replace a saved query of the same name.")
@QUERIES_OPTION
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
) -> None:
    """Save QUERY under NAME (appended to the queries file, which keeps its comments).

    \b
    Example:
      cari saved add pelayanan "pelayanan publik" --source kemendagri.go.id --sort newest
    """
    from search.saved.queries import SavedQuery, SavedQueryError, add_query

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
    try:
        add_query(path, saved, replace=replace)
    except SavedQueryError as exc:
        raise ConfigError(str(exc)) from exc
    click.echo(f"saved '{name}' in {path}")


@saved_group.command("rm")
@click.argument("name")
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
    click.echo(f"removed '{name}' from {path}")


@saved_group.command("run")
@click.argument("names", nargs=-1)
@click.option("--all", "run_all", is_flag=True, help="Run every saved query, in file order.")
@click.option(
    "--new", "new_only", is_flag=True, help="Only articles indexed since the query's last run."
)
@click.option(
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
        raise click.UsageError("name the saved queries to run, or pass --all (not both)")
    settings = _engine_settings(engine, opensearch_url)
    queries = _load_saved(queries_path)
    if run_all and not queries:
        raise ConfigError(
            f"no saved queries in {config.queries_file(queries_path)}: add one with"
            " `cari saved add NAME QUERY`"
        )
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
    output = render(runs, fmt, width=width)
    click.echo(output if fmt == "json" else terminal_text(output))
    sys.exit(0 if any(run.result.total for run in runs) else 1)


def main() -> None:
    cli(prog_name="cari")


if __name__ == "__main__":
    main()
