"""The `cari` command: a thin click layer over the search library."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

import click

from search import config
from search.dateranges import DateInputError, parse_date_input
from search.indexer import BuildRefusedError, build
from search.searcher import (
    SORTS,
    RequestError,
    SearchEngine,
    SearchRequest,
    SearchResult,
    format_date,
)
from search.store import IndexMissingError

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


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(levelname)s %(message)s" if verbose else "%(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("search.seeds").setLevel(logging.ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log more detail to stderr.")
@click.version_option(package_name="cari", prog_name="cari")
def cli(verbose: bool) -> None:
    """Cari: full-text search for Indonesian news, who said what, and when.

    \b
    Typical use:
      cari build                         # index every article in ./seeds
      cari query "reformasi birokrasi"   # search from the terminal
      cari serve                         # search in the browser, http://127.0.0.1:8000
    """
    _setup_logging(verbose)


@cli.command("build")
@SEEDS_OPTION
@INDEX_OPTION
@click.option(
    "--force", is_flag=True, help="Replace the live index even if the build lost most articles."
)
def build_command(seeds_dir: Path | None, index_dir: Path | None, force: bool) -> None:
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
    try:
        from search.seeds import list_seeds

        total = len(list_seeds(seeds))
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc}: pass --seeds DIR or set ${config.SEEDS_ENV}") from exc
    progress = _progress(total, "indexing")
    try:
        report = build(seeds, index, force=force, on_article=lambda _item: progress.update(1))
    except BuildRefusedError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        progress.close()
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"{report.summary()} -> {index}/")


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
    "--json", "as_json", is_flag=True, help="Print one JSON object (stable shape, for scripts)."
)
@INDEX_OPTION
def query_command(
    text: str,
    officials: tuple[str, ...],
    sources: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    sort: str,
    limit: int,
    page: int,
    as_json: bool,
    index_dir: Path | None,
) -> None:
    """Search the index for TEXT.

    Words match any form of their root word (dilayani finds pelayanan, layanan, melayani);
    articles with the exact form, with all the words, or with the words as a phrase rank first.
    Use "double quotes" for a phrase and -word to exclude a word.

    A date filter keeps articles whose date (known to a day, month or year) overlaps the
    range; articles without a date are left out when a date filter is set.

    \b
    Examples:
      cari query dilayani
      cari query "reformasi birokrasi" --official "Suhajar Diantoro" --json
      cari query birokrasi --from 2022-01-01 --to 2022-12-31
      cari query '"pelayanan publik" -kompas' --sort newest --limit 5
    """
    try:
        request = SearchRequest(
            query=_argv_text(text),
            officials=tuple(_argv_text(o) for o in officials),
            sources=tuple(_argv_text(s) for s in sources),
            date_from=_date_option(date_from, end=False, flag="--from"),
            date_to=_date_option(date_to, end=True, flag="--to"),
            sort=sort,
            page=page,
            page_size=limit,
        )
        result = SearchEngine(config.index_dir(index_dir)).search(request)
    except (RequestError, IndexMissingError) as exc:
        raise click.UsageError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result))
    sys.exit(0 if result.total else 1)


_MARK = re.compile(r"</?mark>")


def render_text(result: SearchResult) -> str:
    """Results as readable terminal text (matches in bold on a terminal, [brackets] otherwise)."""
    import html

    color = sys.stdout.isatty()
    lines = [
        f"{result.total} results for {result.request.query!r} ({result.seconds * 1000:.0f} ms)"
    ]
    lines += [f"note: {n}" for n in result.notes]
    first = (result.request.page - 1) * result.request.page_size
    for n, hit in enumerate(result.hits, start=first + 1):
        meta = " · ".join(x for x in (format_date(hit.date), hit.source or "source unknown") if x)
        lines.append("")
        lines.append(click.style(f"{n}. {hit.title}", bold=True) if color else f"{n}. {hit.title}")
        lines.append(f"   {hit.id} · {meta}")
        if hit.officials:
            lines.append(
                "   officials: "
                + ", ".join(f"{o.name} ({o.role})" if o.role else o.name for o in hit.officials)
            )
        marked = hit.snippet.html()
        if color:
            marked = marked.replace("<mark>", "\x1b[1m").replace("</mark>", "\x1b[0m")
        else:
            marked = marked.replace("<mark>", "[").replace("</mark>", "]")
        lines.append("   " + html.unescape(_MARK.sub("", marked)))
    if result.total > first + len(result.hits):
        lines.append("")
        lines.append(f"page {result.request.page} of {result.pages}: use --page for more")
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
    "--threads", type=click.IntRange(1, 64), default=8, show_default=True, help="Worker threads."
)
def serve_command(index_dir: Path | None, host: str, port: int, threads: int) -> None:
    """Serve the web UI and JSON API with waitress.

    The server follows the index folder: a `cari build` or `cari update` run meanwhile is
    picked up on the next request, without restart.

    \b
    Example:
      cari serve --port 8000    # then open http://127.0.0.1:8000
    """
    import waitress

    from web import create_app

    index = config.index_dir(index_dir)
    app = create_app({"INDEX_DIR": str(index)})
    click.echo(f"serving {index}/ on http://{host}:{port} (Ctrl+C to stop)")
    waitress.serve(app, host=host, port=port, threads=threads, ident="cari")


def main() -> None:
    cli(prog_name="cari")


if __name__ == "__main__":
    main()
