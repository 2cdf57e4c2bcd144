"""Building the index from seeds: a full build into a new generation, swapped in atomically."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from search.dates import date_span
from search.i18n import format_decimal, gettext
from search.indexing import seedstats, store, vocabulary
from search.indexing.copies import CopyFinder, article_fingerprint
from search.indexing.parallel import ParallelWriter, ordered_map
from search.indexing.schema import (
    CASE_FIELD,
    NO_DATE_END,
    NO_DATE_START,
    SCHEMA_VERSION,
    build_schema,
)
from search.indexing.stamps import Stamps
from search.ingest.extract.sources import link_url
from search.ingest.files import SeedError
from search.ingest.kinds import JSONL, TEXT, RecordBatch, SeedProblem, skipped_count
from search.ingest.seeds import list_seeds
from search.lexicon import data_fingerprint
from search.model import Article
from search.text.analyzer import ANALYZER_VERSION, save_stem_cache, stem_cache_size, use_stem_table
from search.text.case import written_capitalised

log = logging.getLogger(__name__)

# A build that would leave fewer than this share of the live index's articles needs --force.
MIN_KEEP_SHARE = 0.5


class BuildRefusedError(Exception):
    """A build that would lose most of the live index, or into a folder it must not write
    (store.build_target_problem); nothing was changed."""


@dataclass
class BuildReport:
    indexed: int = 0
    problems: list[SeedProblem] = field(default_factory=list)
    seconds: float = 0.0
    generation: Path | None = None

    def summary(self) -> str:
        rate = self.indexed / self.seconds if self.seconds else 0.0
        return gettext(
            "indexed %(indexed)s articles, skipped %(skipped)s in %(seconds)ss"
            " (%(rate)s articles/s)",
            indexed=self.indexed,
            skipped=skipped_count(self.problems),
            seconds=format_decimal(self.seconds),
            rate=format_decimal(rate) if rate < 10 else round(rate),  # '0,5', not '0'
        )


def shrunk_build(indexed: int, live: int) -> str:
    """Why a build that lost most of the articles did not replace the live index."""
    return gettext(
        "the new build has %(indexed)s articles, the live index %(live)s: the live index was"
        " left as it was (check the seeds, or use --force)",
        indexed=indexed,
        live=live,
    )


def duplicate_id(article_id: str) -> str:
    """Why a seed's article is skipped: an earlier seed holds its id. Build and update keep
    the same one, the first seed in name order (then the first line of a `.jsonl`)."""
    return gettext(
        "duplicate article id %(id)s (the first seed holding it, in name order, is kept)",
        id=repr(article_id),
    )


def article_document(article: Article, indexed_at: float) -> dict[str, Any]:
    """The Whoosh document for an article."""
    start, end = date_span(article.date) if article.date else (NO_DATE_START, NO_DATE_END)
    return {
        "id": article.id,
        "title": article.title,
        "title_exact": article.title,
        "body": article.body,
        "body_exact": article.body,
        "officials": ",".join(o.name for o in article.officials),
        "official_roles": json.dumps([[o.name, o.role] for o in article.officials]),
        "said": ",".join(dict.fromkeys(q.speaker.replace(",", " ") for q in article.quotes)),
        "quotes": json.dumps([q.to_json() for q in article.quotes], ensure_ascii=False),
        CASE_FIELD: " ".join(written_capitalised(article.body)),
        "source": article.source or "",
        "date": article.date_iso,
        "date_precision": article.date_precision,
        "date_start": start,
        "date_end": end,
        "url": link_url(article.url),
        "content_hash": article.content_hash,
        "indexed_at": indexed_at,
    }


def _live_count(index_dir: Path) -> int:
    try:
        generation = store.live_generation(index_dir)
    except store.IndexCorruptError:
        return 0  # nothing in it can be lost: the build replaces it
    if generation is None:
        return 0
    try:
        with generation.open().reader() as reader:
            return reader.doc_count()
    except Exception:  # an unreadable live index is no reason to refuse a rebuild
        return 0


def _live_stamps(index_dir: Path) -> Stamps:
    try:
        generation = store.live_generation(index_dir)
        if generation is None:
            return Stamps()
        return Stamps(store.indexed_articles(generation))
    except Exception:  # an unreadable live index is no reason to refuse a rebuild
        log.warning(gettext("could not read the live index: every article gets a new indexed_at"))
        return Stamps()


def build(
    seeds_dir: str | os.PathLike[str],
    index_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    on_article: Callable[[Article | SeedProblem], None] | None = None,
) -> BuildReport:
    """Full rebuild from a seed folder: every seed parsed into a new generation, made live
    atomically. Bad seeds are reported and skipped (see `build_articles`)."""
    seeds_dir, index_dir = Path(seeds_dir), Path(index_dir)
    paths = list_seeds(seeds_dir)
    stats = seedstats.SeedStats()
    unusable: dict[str, str] = {}

    def finish(folder: Path) -> None:
        seedstats.save(folder, stats, store.Generation(folder).toc())
        seedstats.write_unusable(folder, unusable)

    return build_articles(
        _read_noting_stats(paths, stats, unusable),
        index_dir,
        force=force,
        on_article=on_article,
        meta={"seeds_dir": str(seeds_dir.resolve())},
        finish=finish,
    )


def _read_noting_stats(
    paths: list[Path], stats: seedstats.SeedStats, unusable: dict[str, str]
) -> Iterator[Article | SeedProblem]:
    """The seeds' articles, noting each seed's file stats with its hash (a seed of many
    articles: the id and hash of each record), and the hash of those that cannot be used:
    the next `cari update` need not read the first again, nor parse the others until they
    change."""
    quick = seedstats.quick_seeds(paths)
    # Taken before any is read: a seed rewritten meanwhile is read again by the next update.
    many = {p: seedstats.stat_or_none(p) for p in paths if JSONL.holds(p.name)}
    # Each seed's keys file, as its batches' lines (see seedstats.SeedStats.keys).
    keys: dict[Path, list[str]] = {p: [] for p, stat in many.items() if stat}
    recheck: set[Path] = set()
    # Every id so far: a later seed's article of one is reported here, by its seed (read
    # again by each update, which reports it the same way: `search.indexing.update`).
    ids: set[str] = set()
    parsed = ordered_map(_parse_job, _jobs(paths, quick), min_items=PARALLEL_PARSE_MIN)
    for path, stat, items, problem_hash in parsed:
        if isinstance(problem_hash, dict) or path in many:  # a JSONL batch
            batch_unusable = problem_hash if isinstance(problem_hash, dict) else {}
            unusable.update(batch_unusable)
            problem_hash = None
            if path in keys:
                problems = sum(isinstance(i, SeedProblem) for i in items)
                if problems > len(batch_unusable):  # a record without an id, or the file
                    del keys[path]
                else:
                    if problems:
                        recheck.add(path)
                    found = ((i.id, i.content_hash) for i in items if isinstance(i, Article))
                    keys[path].append(seedstats.keys_lines(found))
                    keys[path].append(seedstats.keys_lines(batch_unusable.items()))
        for item in items:
            if stat is not None and isinstance(item, Article) and item.content_hash:
                stats.record(path.name, stat, item.content_hash)
            elif stat is not None and problem_hash is not None:
                if (named := TEXT.named_id(path)) is not None:
                    unusable[named] = problem_hash
                stats.record(path.name, stat, problem_hash)
            if isinstance(item, Article):
                if item.id in ids:
                    recheck.add(path)
                    yield SeedProblem(path, duplicate_id(item.id))
                    continue
                ids.add(item.id)
            yield item
    for path, batches in keys.items():
        if lines := "".join(batches):
            stats.record_keys(path.name, many[path], lines, path in recheck)  # type: ignore[arg-type]
    stats.complete = all(p.name in stats.entries for p in paths)


# Builds of at least this many seeds (or JSONL line batches) parse them in worker processes.
PARALLEL_PARSE_MIN = 200

# A seed file (whether it is a single-article seed), or a batch of a JSONL seed's lines.
_Job = tuple[Path, bool] | tuple[Path, RecordBatch | SeedProblem]
_Parsed = tuple[
    Path, os.stat_result | None, list[Article | SeedProblem], str | dict[str, str] | None
]


def _jobs(paths: list[Path], quick: set[str]) -> Iterator[_Job]:
    """What to parse: a JSONL seed in batches of lines (a corpus export is one file, and
    parsing its records is most of a build), any other seed whole."""
    for path in paths:
        if JSONL.holds(path.name):
            for batch in JSONL.batches(path):
                yield path, batch
        else:
            yield path, path.name in quick


def _parse_job(job: _Job) -> _Parsed:
    """A job's articles (in a worker process), with the seed's file stats when it is a
    single-article seed, and the hash of its bytes when it could not be used."""
    path, what = job
    if isinstance(what, SeedProblem):
        return path, None, [what], None
    if isinstance(what, tuple):
        overrides, lines = what
        items = [
            i if isinstance(i, SeedProblem) else i.article
            for i in JSONL.parse_lines(path, overrides, lines)
        ]
        raw_of = dict(lines)
        unusable = dict(
            key
            for i in items
            if isinstance(i, SeedProblem)
            and i.line in raw_of
            and (key := JSONL.unusable_key(raw_of[i.line], overrides, path))
        )
        return path, None, items, unusable or None
    stat = seedstats.stat_or_none(path) if what else None
    items = [i if isinstance(i, SeedProblem) else i.article for i in TEXT.read(path)]
    problem_hash = None
    if stat is not None and any(isinstance(i, SeedProblem) for i in items):
        with contextlib.suppress(SeedError):  # unreadable: nothing to remember it by
            problem_hash = TEXT.file_hash(path)
    return path, stat, items, problem_hash


def build_articles(
    items: Iterable[Article | SeedProblem],
    index_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    on_article: Callable[[Article | SeedProblem], None] | None = None,
    meta: dict[str, Any] | None = None,
    workers: int | None = None,
    finish: Callable[[Path], None] | None = None,
) -> BuildReport:
    """Full rebuild from articles (or problems to report): write a new generation, then make
    it live atomically (`finish(folder)` may add files to it just before).

    Large builds are written by `workers` processes (default: one per core, see
    `search.indexing.parallel`). If the result would hold less than MIN_KEEP_SHARE of the live index's
    articles, nothing is swapped unless `force` is set. Holds the index's write lock
    throughout (waiting for a running update or build; store.IndexBusyError if it takes too
    long).
    """
    index_dir = Path(index_dir)
    if problem := store.build_target_problem(index_dir):
        raise BuildRefusedError(problem)
    with store.write_lock(index_dir, "cari build"):
        return _build_generation(
            items,
            index_dir,
            force=force,
            on_article=on_article,
            meta=meta,
            workers=workers,
            finish=finish,
        )


def _build_generation(
    items: Iterable[Article | SeedProblem],
    index_dir: Path,
    *,
    force: bool,
    on_article: Callable[[Article | SeedProblem], None] | None,
    meta: dict[str, Any] | None,
    workers: int | None = None,
    finish: Callable[[Path], None] | None = None,
) -> BuildReport:
    started = time.perf_counter()
    use_stem_table()  # before the workers fork: they share it
    report = BuildReport()
    previous = _live_stamps(index_dir)
    build_dir = store.new_build_dir(index_dir)
    try:
        ix = whoosh_index.create_in(str(build_dir), build_schema())
        writer = ParallelWriter(ix, workers)
        copies = CopyFinder(build_dir / "copies.work")
        try:
            report.indexed = _add_all(writer, items, report, on_article, previous, copies)
            writer.commit()
        except BaseException:
            writer.cancel()
            copies.discard()
            raise
        copies.finish().save(build_dir)
        live = _live_count(index_dir)
        if not force and live and report.indexed < live * MIN_KEEP_SHARE:
            raise BuildRefusedError(shrunk_build(report.indexed, live))
        store.Generation(build_dir).write_meta(
            {
                "analyzer_version": ANALYZER_VERSION,
                "schema_version": SCHEMA_VERSION,
                "data_fingerprint": data_fingerprint(),
                "built_at": time.time(),
                "articles": report.indexed,
                **(meta or {}),
            }
        )
        save_stem_cache(build_dir)
        if finish:
            finish(build_dir)
        write_search_files(build_dir)
        store.Generation(build_dir).record_files()
        report.generation = store.publish(index_dir, build_dir).path
    finally:
        if build_dir.exists():
            shutil.rmtree(build_dir, ignore_errors=True)
    report.seconds = time.perf_counter() - started
    # The report carries the summary and each problem: callers (the CLI) print them once.
    log.debug("%s (stem cache: %d words)", report.summary(), stem_cache_size())
    return report


def _add_all(
    writer: Any,
    items: Iterable[Article | SeedProblem],
    report: BuildReport,
    on_article: Callable[[Article | SeedProblem], None] | None,
    previous: Stamps | None = None,
    copies: CopyFinder | None = None,
) -> int:
    """Add every article (see `articles_to_write`); each article's fingerprint goes to
    `copies`, for finding copies."""
    count = 0
    for article, indexed_at in articles_to_write(items, report, on_article, previous):
        writer.add_document(**article_document(article, indexed_at))
        if copies is not None:
            copies.add(article_fingerprint(article))
        count += 1
    return count


def articles_to_write(
    items: Iterable[Article | SeedProblem],
    report: BuildReport,
    on_article: Callable[[Article | SeedProblem], None] | None,
    previous: Stamps | None = None,
) -> Iterator[tuple[Article, float]]:
    """Each article a build writes, with its indexed_at: one whose content is unchanged since
    the live index keeps its stamp (so saved queries' --new does not see a rebuild as all-new
    articles). Problems and repeated ids go into the report."""
    now = time.time()
    previous = previous or Stamps()
    seen: set[str] = set()
    for item in items:
        if isinstance(item, SeedProblem):
            report.problems.append(item)
            log.debug("%s", item)
        elif item.id in seen:
            problem = SeedProblem(Path(item.id), duplicate_id(item.id))
            report.problems.append(problem)
            log.debug("%s", problem)
        else:
            seen.add(item.id)
            stamp = previous.kept(item.id, item.content_hash)
            yield item, (now if stamp is None else stamp)
        if on_article:
            on_article(item)


def write_search_files(folder: Path) -> None:
    """Write the suggestions' vocabulary of the index in `folder` beside its segments, unless a
    valid one is there: a server's first suggestion maps it instead of reading the lexicons.
    (The facet table is kept by the first search of the new content, search.retrieval.)"""
    vocabulary.write_missing(folder)
