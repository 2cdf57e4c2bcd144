"""What the `cari` command prints, in the current language (search.i18n): search results as
terminal text, warnings, and the lines that say what a command did. The click layer
(search.cli) only chooses which to print; the errors come from the library's exceptions."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from search.dates import format_date
from search.i18n import gettext, ngettext

if TYPE_CHECKING:  # imported by the commands that search: the others start faster
    from search.model import SearchResult
    from search.query.relaxation import Relaxation

# Control characters (C0 but tab and newline, DEL, C1) in text from seeds: an article
# title holding ESC ] 0 ; ... BEL would retitle the terminal, ESC [ 2 J clear it. And the
# bidirectional overrides and isolates, which reorder what follows them on the line (a title
# with U+202E prints the rest of the line backwards).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")
_MARK = re.compile(r"</?mark>")
BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def terminal_text(text: str) -> str:
    """Text fit to print to a terminal: control characters taken out."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Terminal text on one line: its line breaks and tabs as spaces (a seed's name, an id)."""
    return terminal_text(_BREAKS.sub(" ", text))


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """Print a line of the CLI's to the terminal, its control characters taken out: every
    line but JSON (which escapes them) and the bytes `serve --get` is sent."""
    click.echo(terminal_text(message), err=err, nl=nl)


class TerminalFormatter(logging.Formatter):
    """Log lines (warnings naming a seed, a file, a query) printed without control
    characters."""

    def format(self, record: logging.LogRecord) -> str:
        return terminal_text(super().format(record))


def warning(message: object) -> str:
    return gettext("warning: %(message)s", message=one_line(str(message)))


def not_saved(problem: str) -> str:
    """A saved query refused for a filter naming no one the index has, and how to save it."""
    return gettext(
        "%(problem)s (--force saves it anyway, for someone the archive does not name yet)",
        problem=problem,
    )


def run_problem(name: str, problem: str) -> str:
    """A saved query that could not search as written (`cari saved run`)."""
    return warning(gettext("%(name)s: %(problem)s", name=name, problem=problem))


def search_result(
    result: SearchResult, relaxations: list[Relaxation] | None = None, *, color: bool = False
) -> str:
    """Results as readable terminal text (matches in bold with `color`, [brackets]
    otherwise); for a search that found nothing, the same changes that would find something
    as the search page offers (`relaxations`)."""
    request = result.request
    lines = [_heading(result)]
    lines += [gettext("note: %(note)s", note=note) for note in result.notes]
    if result.corrected_from:
        lines.append(
            gettext(
                "showing results for %(query)s; search instead for %(typed)s (--as-typed)",
                query=repr(request.query),
                typed=repr(result.corrected_from),
            )
        )
    elif result.suggestion:
        lines.append(gettext("did you mean: %(words)s", words=result.suggestion))
    if relaxations:
        lines.append(gettext("These would find something:"))
        lines += [
            "  "
            + ngettext(
                "%(label)s: %(num)s result", "%(label)s: %(num)s results", x.total, label=x.label
            )
            for x in relaxations
        ]
    first = (request.page - 1) * request.page_size
    for n, hit in enumerate(result.hits, start=first + 1):
        if hit.missing and (n == first + 1 or not result.hits[n - first - 2].missing):
            lines += ["", gettext("--- articles with some of the words ---")]
        source = hit.source or gettext("source unknown")
        title = f"{n}. {hit.title}"
        lines += ["", f"{BOLD}{title}{PLAIN}" if color else title]
        lines.append(f"   {hit.id} · {format_date(hit.date)} · {source}")
        if hit.url:
            lines.append(f"   {hit.url}")
        if hit.missing:
            lines.append("   " + gettext("missing: %(words)s", words=", ".join(hit.missing)))
        if hit.officials:
            names = ", ".join(f"{o.name} ({o.role})" if o.role else o.name for o in hit.officials)
            lines.append("   " + gettext("officials: %(names)s", names=names))
        marked = hit.snippet.html()
        opening, closing = (BOLD, PLAIN) if color else ("[", "]")
        marked = marked.replace("<mark>", opening).replace("</mark>", closing)
        shown = html.unescape(_MARK.sub("", marked))
        if hit.snippet_speaker:  # a quote of the person asked for (said), not the article's text
            shown = f"“{shown}” — {hit.snippet_speaker}"
        lines.append("   " + shown)
        if hit.copies:
            sources = ", ".join(
                dict.fromkeys(c.source or gettext("source unknown") for c in hit.copies)
            )
            lines.append(
                "   "
                + ngettext(
                    "%(num)s other copy (%(sources)s)",
                    "%(num)s other copies (%(sources)s)",
                    len(hit.copies),
                    sources=sources,
                )
            )
    if result.found_as_stories > first + len(result.hits):
        lines.append("")
        lines.append(
            gettext(
                "page %(page)s of %(pages)s: use --page for more",
                page=request.page,
                pages=result.pages,
            )
        )
    return "\n".join(lines)


def _heading(result: SearchResult) -> str:
    """'5 results for 'dilayani' (official: X) (3 ms)', with the articles with some of the
    words and the stories when they differ."""
    request = result.request
    shown = request.query if len(request.query) <= 200 else request.query[:199] + "…"
    filters = [gettext("official: %(name)s", name=name) for name in request.officials]
    filters += [gettext("source: %(name)s", name=name) for name in request.sources]
    filters += [gettext("said: %(name)s", name=name) for name in request.said]
    within = f" ({'; '.join(filters)})" if filters else ""
    return gettext(
        "%(count)s for %(query)s%(within)s (%(ms)s ms)",
        count=result.count_text(),
        query=repr(shown),
        within=within,
        ms=round(result.seconds * 1000),
    )


# -- what a command did ------------------------------------------------------------------------


def no_seed_files(seeds: Path) -> str:
    return warning(
        gettext(
            "no seed files in %(folder)s/ (one article per .txt file, or a .jsonl file of"
            " records): the index will be empty",
            folder=seeds,
        )
    )


def seeds_hint(problem: object, env: str) -> str:
    """A missing seeds folder, and how to name another."""
    return gettext("%(problem)s: pass --seeds DIR or set $%(env)s", problem=problem, env=env)


def os_error(exc: OSError) -> str:
    """A file or folder the system refused (a full disk, a read-only mount, a link to nothing),
    as one line: which, and why."""
    problem = exc.strerror or str(exc)
    if exc.filename is None:
        return problem
    return gettext("%(path)s: %(problem)s", path=exc.filename, problem=problem)


def written(summary: str, target: str) -> str:
    """A build's or update's summary, and where it wrote."""
    return f"{summary} -> {target}"


def progress_label(kind: str) -> str:
    return gettext("indexing") if kind == "build" else gettext("updating")


def progress_line(label: str, done: int, total: int) -> str:
    return gettext("%(label)s: %(done)s/%(total)s seeds", label=label, done=done, total=total)


def more_unusable(count: int) -> str:
    return warning(
        ngettext(
            "and %(num)s more seed still unusable (unchanged since it was skipped)",
            "and %(num)s more seeds still unusable (unchanged since they were skipped)",
            count,
        )
    )


def update_line(kind: str, article_id: str, *, dry_run: bool) -> str:
    """One article an update adds, re-indexes or removes (or would, in a dry run)."""
    article_id = one_line(article_id)
    if dry_run:
        text = {
            "added": gettext("would add: %(id)s", id=article_id),
            "changed": gettext("would re-index: %(id)s", id=article_id),
            "removed": gettext("would remove: %(id)s", id=article_id),
        }
    else:
        text = {
            "added": gettext("added: %(id)s", id=article_id),
            "changed": gettext("re-indexed: %(id)s", id=article_id),
            "removed": gettext("removed: %(id)s", id=article_id),
        }
    return text[kind]


def checked(index: Path, files: int) -> str:
    if not files:
        return gettext(
            "%(folder)s/: no sizes or checksums recorded (built by an older Cari): nothing checked",
            folder=index,
        )
    return ngettext(
        "%(folder)s/: the %(num)s index file is as it was written",
        "%(folder)s/: all %(num)s index files are as they were written",
        files,
        folder=index,
    )


def damaged(index: Path, problem: object) -> str:
    return gettext(
        "the index in %(folder)s/ is damaged (%(problem)s): rebuild it with `cari build`",
        folder=index,
        problem=problem,
    )


def watching(seeds: Path, index: Path) -> str:
    return gettext(
        "watching %(seeds)s/ for new or changed seeds, index %(index)s/ (Ctrl+C to stop)",
        seeds=seeds,
        index=index,
    )


def stopped() -> str:
    return gettext("stopped")


def serving(target: str, host: str, port: int, processes: int) -> str:
    return ngettext(
        "serving %(target)s on http://%(host)s:%(port)s with %(num)s process (Ctrl+C to stop)",
        "serving %(target)s on http://%(host)s:%(port)s with %(num)s processes (Ctrl+C to stop)",
        processes,
        target=target,
        host=host,
        port=port,
    )


def http_error(status: int, path: str) -> str:
    return gettext("HTTP %(status)s for %(path)s", status=status, path=path)


def saved(name: str, path: Path) -> str:
    return gettext("saved '%(name)s' in %(path)s", name=name, path=path)


def removed(name: str, path: Path) -> str:
    return gettext("removed '%(name)s' from %(path)s", name=name, path=path)


def run_what() -> str:
    return gettext("name the saved queries to run, or pass --all (not both)")


def no_saved_queries(path: Path) -> str:
    return gettext(
        "no saved queries in %(path)s: add one with `cari saved add NAME QUERY`", path=path
    )


def no_seed(path: Path, seeds: Path) -> str:
    return gettext(
        "no such seed file (nor %(name)s.txt in %(folder)s/)", name=path.name, folder=seeds
    )


def version(prog: str, number: str) -> str:
    return gettext("%(prog)s, version %(version)s", prog=prog, version=number)
