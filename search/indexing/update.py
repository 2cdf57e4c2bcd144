"""Incremental update: bring the live index in line with the seed folder, article by article.

Each article in the index carries the content hash of its seed. An update lists the seeds,
hashes them, and compares (id, hash) pairs with the index: new ids are added, changed hashes
re-indexed, ids whose seed is gone deleted; nothing else is touched, so the other articles
keep their `indexed_at` stamps. A seed that no longer reads (emptied, truncated, a line cut
short, unreadable) is reported and its indexed articles kept as they were, until the seed reads again or is deleted:
a botched copy into the seed folder never removes what the index holds. The changes land in the live generation as
one Whoosh commit, which readers see whole or not at all.

A full rebuild (`search.indexing.build.build`) is done instead when there is no index yet or when the
index was made by another analyzer or schema version.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from whoosh.writing import NO_MERGE

from search import regex_cache
from search.i18n import format_decimal, gettext
from search.indexing import flat_postings, seedstats, store
from search.indexing.build import (
    MIN_KEEP_SHARE,
    BuildRefusedError,
    article_document,
    build,
    duplicate_id,
)
from search.indexing.copies import Fingerprint, article_fingerprint, update_generation
from search.indexing.parallel import COMPOUND
from search.indexing.schema import SCHEMA_VERSION
from search.indexing.segment_writer import fast_codec
from search.ingest.files import SeedError
from search.ingest.kinds import TEXT, SeedProblem, kind_of, skipped_count
from search.ingest.seeds import list_seeds
from search.lexicon import data_fingerprint
from search.model import Article
from search.text.analyzer import ANALYZER_VERSION, load_stem_cache

log = logging.getLogger(__name__)

# Seeds are hashed, not parsed (search.ingest.kinds, SeedKind.keys). When that hash differs
# from the index, the seed is parsed and its article's own hash decides, so a different
# hashing rule costs a parse, never a needless re-index.


@dataclass
class SeedEntry:
    """One article's worth of a seed folder: its id and content hash, and how to get it."""

    id: str
    content_hash: str
    path: Path
    article: Article | None = None  # already parsed (multi-article seeds), else parsed on demand
    indexed_hash: str | None = None  # the hash in the index, for a changed article


@dataclass
class KnownSeed:
    """A seed of many articles unchanged since the last build or update: not read; it holds
    `count` records, all as indexed."""

    path: Path
    count: int


@dataclass
class UpdatePlan:
    """What an update would do; ids in seed order."""

    add: list[SeedEntry] = field(default_factory=list)
    change: list[SeedEntry] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[SeedProblem] = field(default_factory=list)
    unusable: dict[str, str] = field(default_factory=dict)  # id -> hash of articles skipped
    # Articles a JSONL seed changed moments ago no longer holds: not removed yet (it may
    # still be being written), counted as unchanged.
    held: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.add or self.change or self.remove)


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[SeedProblem] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: str | None = None  # why a full rebuild was done instead, if it was
    held: int = 0  # articles not removed yet: their JSONL seed changed moments ago
    articles: int = 0
    dry_run: bool = False

    @property
    def changes(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)

    def summary(self) -> str:
        skipped = ""
        if self.problems:
            skipped = gettext(", skipped %(skipped)s", skipped=skipped_count(self.problems))
        seconds = format_decimal(self.seconds)
        if self.rebuilt and self.dry_run:
            return gettext("would rebuild the whole index (%(reason)s)", reason=self.rebuilt)
        if self.rebuilt:
            return gettext(
                "rebuilt the whole index (%(reason)s): %(articles)s articles%(skipped)s"
                " in %(seconds)ss",
                reason=self.rebuilt,
                articles=self.articles,
                skipped=skipped,
                seconds=seconds,
            )
        if not self.changes:
            return gettext(
                "up to date: %(unchanged)s articles unchanged%(skipped)s (%(seconds)ss)",
                unchanged=self.unchanged,
                skipped=skipped,
                seconds=seconds,
            )
        counts = {
            "added": len(self.added),
            "changed": len(self.changed),
            "removed": len(self.removed),
            "unchanged": self.unchanged,
            "skipped": skipped,
        }
        if self.dry_run:
            return gettext(
                "would add %(added)s, re-index %(changed)s, remove %(removed)s;"
                " %(unchanged)s unchanged%(skipped)s",
                **counts,
            )
        return gettext(
            "added %(added)s, re-indexed %(changed)s, removed %(removed)s,"
            " %(unchanged)s unchanged%(skipped)s in %(seconds)ss",
            seconds=seconds,
            **counts,
        )


def indexed_hashes(generation: store.Generation) -> dict[str, str]:
    """Article id -> content hash for every document of a generation."""
    return store.indexed_hashes(generation)


def seed_entries(
    paths: list[Path],
    known: seedstats.SeedStats | None = None,
    seen: seedstats.SeedStats | None = None,
) -> Iterator[SeedEntry | SeedProblem | KnownSeed]:
    """(id, content hash) of every article in the seeds, as each seed's kind tells them
    without extracting articles (`SeedKind.keys`), or by parsing the seed when only that
    tells. Single-article seeds with nothing beside them are hashed, and not even read when
    `known` has them unchanged since; a seed of many articles `known` unchanged is not read
    at all (a KnownSeed). Their stats are put in `seen`."""
    unaccompanied = seedstats.alone(paths)
    quick = {name for name in unaccompanied if name.endswith(seedstats.SINGLE_ARTICLE_SUFFIXES)}
    known = known or seedstats.SeedStats()
    for path in paths:
        name = path.name
        if name in quick:
            try:
                article_id = TEXT.article_id(path)
            except SeedError as exc:  # a name that is not text: skipped, as a build does
                yield SeedProblem(path, str(exc))
                continue
            stat = seedstats.stat_or_none(path)
            digest = known.known_hash(name, stat) if stat is not None else None
            if digest is not None:
                if seen is not None:
                    seen.entries[name] = known.entries[name]
                yield SeedEntry(article_id, digest, path)
                continue
            try:
                digest = TEXT.file_hash(path)
            except SeedError as exc:
                yield SeedProblem(path, str(exc))
                continue
            if seen is not None and stat is not None:
                seen.record(name, stat, digest)
            yield SeedEntry(article_id, digest, path)
            continue
        kind = kind_of(name)
        stat = seedstats.stat_or_none(path)
        count = None
        if stat is not None and name in unaccompanied:
            count = known.known_count(name, stat)
        if count is not None:
            if seen is not None:
                seen.keep(name, known)
            yield KnownSeed(path, count)
            continue
        try:
            keys = kind.keys(path)
        except SeedError as exc:
            yield SeedProblem(path, str(exc))
            continue
        if keys is not None:
            if seen is not None and stat is not None:
                seen.record_keys(
                    name, stat, seedstats.keys_lines((k.id, k.content_hash) for k in keys)
                )
            yield from (SeedEntry(key.id, key.content_hash, path) for key in keys)
            continue
        for item in kind.read(path):
            if isinstance(item, SeedProblem):
                yield item
            else:
                article = item.article
                yield SeedEntry(article.id, article.content_hash, path, article)


def plan_update(
    paths: list[Path],
    indexed: Mapping[str, str],
    unusable: dict[str, str] | None = None,
    known: seedstats.SeedStats | None = None,
    stats: seedstats.SeedStats | None = None,
    generation_dir: Path | None = None,
    hold_seconds: float = 0.0,
) -> UpdatePlan:
    """Compare the seeds with the index's (id -> content hash) map. Articles that could not
    be used by an earlier update (`unusable`, id -> hash) are not parsed again unless their
    content changed: they are reported as problems. Seeds `known` unchanged are not read;
    the stats of the seeds now are put in `stats`.

    An id several seeds hold is indexed from the first of them in name order (then line
    order), as a build does, and removed only when no seed holds it any more: the ids of the
    seeds not read (`KnownSeed`) are looked up in their recorded keys for the ids this
    update would add, change or remove (`_unchanged_holders`), so an unchanged seed's
    articles are never taken for gone.

    When `known` records every seed of the live generation (`generation_dir`), the articles
    that may be gone are only those its changed or vanished seeds held, and `indexed` is only
    asked about them and about the articles of the seeds that were read (it can be a
    store.IndexedLookup that asks the index id by id); otherwise every indexed id is
    compared.

    The records a JSONL seed changed less than `hold_seconds` ago no longer holds are not
    removed yet (`plan.held`): a file rewritten in place may have paused at a line's end."""
    unusable = unusable or {}
    plan = UpdatePlan()
    items = list(seed_entries(paths, known, stats))
    known_seeds = [i for i in items if isinstance(i, KnownSeed)]
    entries = [i for i in items if isinstance(i, SeedEntry)]
    for entry in entries:
        entry.indexed_hash = indexed.get(entry.id)
    # A seed that is still there but cannot be read as a whole (permissions, an I/O error,
    # emptied, a broken sidecar, truncated or cut short on a line, half rewritten) has not
    # lost its articles: they are kept, not removed as if the seed were gone. A
    # single-article seed's article has its name; the records a JSONL seed's broken part
    # held are not known, so while one has a broken part, only the articles of
    # single-article seeds that are gone (named in the last run's stats) are removed.
    unreadable = [
        i for i in items if isinstance(i, SeedProblem) and i.path.exists() and not i.repeated
    ]
    read_ids = {e.id for e in entries}
    for problem in unreadable:
        if (article_id := kind_of(problem.path.name).named_id(problem.path)) is not None:
            read_ids.add(article_id)
    unchanged_seeds = {k.path.name for k in known_seeds}
    complete = known is not None and known.complete and generation_dir is not None
    if complete:
        assert known is not None and generation_dir is not None
        candidates = _formerly_held(
            known, generation_dir, unchanged_seeds, unreadable, read_ids, plan
        )
    else:
        candidates = list(indexed)
    candidates = [a for a in dict.fromkeys(candidates) if a not in read_ids and a in indexed]
    # Only a changed article may now have another seed's version to index (an unchanged one
    # is the indexed version): reading the other seeds' keys for every seed read made an
    # update of ten new pages read every export's keys beside them.
    changed = {e.id for e in entries if e.indexed_hash not in (None, e.content_hash)}
    wanted = changed | set(candidates)
    holders = _unchanged_holders(known_seeds, wanted, generation_dir, plan)

    seen: set[str] = set()
    for item in items:
        if isinstance(item, KnownSeed):
            plan.unchanged += item.count
            continue
        if isinstance(item, SeedProblem):
            plan.problems.append(item)
            continue
        entry = item
        holder = holders.get(entry.id)
        if entry.id in seen or (holder is not None and holder.path.name < entry.path.name):
            plan.problems.append(SeedProblem(entry.path, duplicate_id(entry.id)))
            continue
        seen.add(entry.id)
        if holder is not None:
            plan.unchanged -= 1  # counted in the later seed's records, but this one's
        _classify(entry, plan, unusable)
    # The ids held first by a seed not read: its version is the one to index.
    for article_id, holder in holders.items():
        if article_id in seen:
            continue
        seen.add(article_id)
        old = indexed.get(article_id)
        usable = unusable.get(article_id) != holder.content_hash
        if old is not None and old != holder.content_hash and usable:
            plan.unchanged -= 1
            plan.change.append(replace(holder, indexed_hash=old))
    seen |= read_ids
    gone = [a for a in candidates if a not in seen]
    multi_unreadable = any(kind_of(p.path.name).named_id(p.path) is None for p in unreadable)
    if not complete and multi_unreadable and known is not None:
        former = {name.rsplit(".", 1)[0] for name in known.entries}
        kept = [article_id for article_id in gone if article_id not in former]
        if kept:
            plan.unchanged += len(kept)
            plan.problems.append(
                SeedProblem(
                    unreadable[0].path.parent,
                    gettext(
                        "%(n)s indexed articles kept: a seed that holds many could not be read"
                        " whole, and they may be its (fix it, then update again)",
                        n=len(kept),
                    ),
                )
            )
        gone = [article_id for article_id in gone if article_id in former]
    if hold_seconds > 0 and generation_dir is not None and gone:
        held = _held_back(entries, set(gone), hold_seconds, generation_dir, plan, stats)
        gone = [article_id for article_id in gone if article_id not in held]
    plan.remove = gone
    return plan


def _held_back(
    entries: list[SeedEntry],
    gone: set[str],
    hold_seconds: float,
    generation_dir: Path,
    plan: UpdatePlan,
    stats: seedstats.SeedStats | None,
) -> set[str]:
    """The `gone` ids that a JSONL seed changed less than `hold_seconds` ago held when last
    recorded: kept for now (`plan.held`, reported), since a writer rewriting it in place may
    have paused at a line's end and the rest is still to come. A watch updates again once the
    hold is over, and removes them if the seed still lacks them."""
    now = time.time()
    held: set[str] = set()
    for path in dict.fromkeys(e.path for e in entries if not kind_of(e.path.name).one_article):
        stat = seedstats.stat_or_none(path)
        if stat is None:
            continue
        age = now - max(stat.st_mtime, stat.st_ctime)
        if age >= hold_seconds:
            continue
        lost = [
            (article_id, digest)
            for article_id, digest in seedstats.recorded_keys(generation_dir, path.name)
            if article_id in gone and article_id not in held
        ]
        if not lost:
            continue
        held.update(article_id for article_id, _ in lost)
        plan.held += [article_id for article_id, _ in lost]
        plan.unchanged += len(lost)
        if stats is not None:
            stats.still_held(path.name, seedstats.keys_lines(lost))
        plan.problems.append(
            SeedProblem(
                path,
                gettext(
                    "%(n)s indexed articles it no longer holds are kept for now: it changed"
                    " %(seconds)ss ago and may still be being written",
                    n=len(lost),
                    seconds=format_decimal(max(age, 0.0)),
                ),
            )
        )
    return held


def _classify(entry: SeedEntry, plan: UpdatePlan, unusable: Mapping[str, str]) -> None:
    """A seed's article (the first to hold its id) as added, changed, unchanged or still
    unusable, by its content hash and the one in the index (`entry.indexed_hash`)."""
    old = entry.indexed_hash
    if old != entry.content_hash and unusable.get(entry.id) == entry.content_hash:
        # Skipped by an earlier run and unchanged since: not parsed again (an indexed
        # version, from before its seed broke, is kept).
        plan.unusable[entry.id] = entry.content_hash
        reason = gettext("'%(id)s' still unusable (unchanged since skipped)", id=entry.id)
        if old is not None:
            reason = _kept(reason)
            plan.unchanged += 1
        plan.problems.append(SeedProblem(entry.path, reason, repeated=True))
    elif old is None:
        plan.add.append(entry)
    elif old != entry.content_hash:
        plan.change.append(entry)
    else:
        plan.unchanged += 1


def _unchanged_holders(
    known_seeds: list[KnownSeed],
    wanted: set[str],
    generation_dir: Path | None,
    plan: UpdatePlan,
) -> dict[str, SeedEntry]:
    """For each of the `wanted` ids that a seed not read holds, that seed's record of it (the
    first such seed in name order, its first record): what decides whether the id stays and
    which version is indexed. Read from the seeds' recorded keys, only when something is
    wanted (an update that adds new ids reads none); a seed whose recorded keys are lost is
    read instead."""
    holders: dict[str, SeedEntry] = {}
    if not wanted:
        return holders
    for seed in known_seeds:
        name = seed.path.name
        keys = seedstats.recorded_keys(generation_dir, name) if generation_dir else []
        if len(keys) != seed.count:
            try:
                found = kind_of(name).keys(seed.path) or []
            except SeedError as exc:
                plan.problems.append(SeedProblem(seed.path, str(exc)))
                found = []
            keys = [(k.id, k.content_hash) for k in found]
        for article_id, digest in keys:
            if article_id in wanted and article_id not in holders:
                holders[article_id] = SeedEntry(article_id, digest, seed.path)
    return holders


def _formerly_held(
    known: seedstats.SeedStats,
    generation_dir: Path,
    unchanged_seeds: set[str],
    unreadable: list[SeedProblem],
    read_ids: set[str],
    plan: UpdatePlan,
) -> list[str]:
    """The ids the seeds recorded last time that changed or vanished held: those that may
    be gone. The articles of a seed of many that no longer reads whole are kept (reported),
    whatever it holds now."""
    broken = {p.path.name for p in unreadable}
    candidates: list[str] = []
    kept = 0
    for name in known.entries:
        if name in unchanged_seeds:
            continue
        if not known.is_many(name):
            if (article_id := TEXT.named_id(Path(name))) is not None:
                candidates.append(article_id)
            continue
        held = [article_id for article_id, _ in seedstats.recorded_keys(generation_dir, name)]
        if name in broken:
            kept += sum(1 for article_id in held if article_id not in read_ids)
            continue
        candidates += held
    if kept:
        plan.unchanged += kept
        where = next(p.path for p in unreadable if p.path.name in broken)
        plan.problems.append(
            SeedProblem(
                where,
                gettext(
                    "%(n)s indexed articles kept: a seed that holds many could not be read"
                    " whole, and they are its (fix it, then update again)",
                    n=kept,
                ),
            )
        )
    return candidates


def _kept(reason: str) -> str:
    """A seed's problem, when the index keeps the article it held before."""
    return gettext("%(reason)s; its indexed version is kept", reason=reason)


def refuse_mass_removal(indexed: int, removed: int) -> None:
    """Raise BuildRefusedError when an update would remove more than MIN_KEEP_SHARE of the
    index's `indexed` articles (a wrong --seeds folder, an unmounted disk)."""
    if indexed and indexed - removed < indexed * MIN_KEEP_SHARE:
        raise BuildRefusedError(
            gettext(
                "the update would remove %(removed)s of the index's %(indexed)s articles: the"
                " index was left as it was (check the seeds folder, or use --force)",
                removed=removed,
                indexed=indexed,
            )
        )


def start_report(plan: UpdatePlan, indexed: int, *, force: bool, dry_run: bool) -> UpdateReport:
    """The report of an update of `plan` on an index of `indexed` articles, before it is
    applied (a dry run's filled in: `_preview`). Raises BuildRefusedError for a mass removal
    (`refuse_mass_removal`) unless `force`."""
    if not force:
        refuse_mass_removal(indexed, len(plan.remove))
    report = UpdateReport(
        unchanged=plan.unchanged, problems=plan.problems, dry_run=dry_run, held=len(plan.held)
    )
    if dry_run:
        _preview(plan, report)
    return report


def update(
    seeds_dir: str | os.PathLike[str],
    index_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    dry_run: bool = False,
    on_plan: Callable[[int], None] | None = None,
    on_article: Callable[[Article | SeedProblem], None] | None = None,
    lock_timeout: float = store.LOCK_WAIT_SECONDS,
    hold_seconds: float = 0.0,
) -> UpdateReport:
    """Bring the live index in line with the seed folder (see the module docstring).

    `on_plan(n)` is called once with the number of seeds about to be parsed, `on_article`
    after each. Raises BuildRefusedError, without changing anything, when the update would
    delete more than half of the index (a wrong --seeds folder, an unmounted disk) unless
    `force` is set; store.IndexBusyError when another build or update holds the index longer
    than `lock_timeout` seconds.
    """
    started = time.perf_counter()
    seeds_dir, index_dir = Path(seeds_dir), Path(index_dir)
    paths = list_seeds(seeds_dir)
    with store.write_lock(index_dir, "cari update", timeout=lock_timeout):
        indexed: Mapping[str, str] = {}
        known = seedstats.SeedStats()
        try:
            live = store.live_generation(index_dir)
            reason = _rebuild_reason(live)
            if reason is None and live is not None:
                known = seedstats.load(live.path)
                known.complete = known.complete_at is not None and known.complete_at == live.toc()
                # Every seed recorded: the index is asked only about the seeds that changed
                # (and the same opened index writes the update: see _apply).
                indexed = store.IndexedLookup(live) if known.complete else indexed_hashes(live)
        except Exception as exc:  # damaged index files: nothing in them can be kept
            cause = exc.__cause__ if isinstance(exc, store.IndexCorruptError) else exc
            live = None
            reason = gettext(
                "the index could not be read: %(problem)s",
                problem=store.error_detail(cause or exc),
            )
        if reason:
            report = UpdateReport(rebuilt=reason, dry_run=dry_run)
            if not dry_run:
                if on_plan:
                    on_plan(len(paths))
                built = build(seeds_dir, index_dir, force=force, on_article=on_article)
                report.problems, report.articles = built.problems, built.indexed
            report.seconds = time.perf_counter() - started
            return report
        assert live is not None
        if not dry_run and live.remove_writer_leftovers():
            log.info(gettext("removed the temporary files of an update that was stopped"))
        if not dry_run and store.remove_dead_builds(index_dir):
            log.info(gettext("removed the folder of a build that was stopped"))
        stats = seedstats.SeedStats()
        opened = indexed if isinstance(indexed, store.IndexedLookup) else None
        try:
            plan = plan_update(
                paths,
                indexed,
                seedstats.read_unusable(live.path),
                known,
                stats,
                live.path,
                hold_seconds,
            )
            stats.complete = all(p.name in stats.entries for p in paths)
            report = start_report(plan, len(indexed), force=force, dry_run=dry_run)
            if not dry_run and not plan.is_empty:
                _apply(live, plan, report, on_plan, on_article, opened)
        finally:
            if opened is not None:
                opened.close()
        if not dry_run:
            for problem in report.problems:  # read again next time, to report it again
                stats.recheck(problem.path.name)
            seedstats.write_unusable(live.path, plan.unusable)
            seedstats.save(live.path, stats, live.toc())
        if report.changes and not dry_run:
            live.write_meta(
                {
                    **live.read_meta(),
                    "articles": len(indexed) + len(report.added) - len(report.removed),
                    "updated_at": time.time(),
                }
            )
        report.articles = len(indexed) + len(report.added) - len(report.removed)
    report.seconds = time.perf_counter() - started
    log.debug("%s", report.summary())
    return report


# Articles an update could not use, kept in the live generation (a rebuild starts afresh).
def no_index_yet() -> str:
    return gettext("there was no index yet")


def _rebuild_reason(live: store.Generation | None) -> str | None:
    if live is None:
        return no_index_yet()
    return rebuild_reason(live.read_meta())


def rebuild_reason(meta: dict) -> str | None:
    """Why an index with this build metadata must be rebuilt in full (None: it need not)."""
    analyzer = meta.get("analyzer_version")
    if analyzer != ANALYZER_VERSION:
        return gettext(
            "analyzer version %(index)s in the index, %(code)s in the code",
            index=analyzer,
            code=ANALYZER_VERSION,
        )
    schema = meta.get("schema_version", "1")
    if schema != SCHEMA_VERSION:
        return gettext(
            "schema version %(index)s in the index, %(code)s in the code",
            index=schema,
            code=SCHEMA_VERSION,
        )
    if meta.get("data_fingerprint") != data_fingerprint():
        return gettext("the word lists in search/data changed since the index was built")
    return None


def _parsed(
    entries: list[SeedEntry], on_article: Callable[[Article | SeedProblem], None] | None
) -> Iterator[tuple[SeedEntry, Article | SeedProblem]]:
    """Each entry with its article (or why it has none), parsing each seed file that was
    only hashed so far once, however many of its articles are wanted."""
    pending: dict[Path, list[SeedEntry]] = {}
    for entry in entries:
        if entry.article is None:
            pending.setdefault(entry.path, []).append(entry)
        else:
            if on_article:
                on_article(entry.article)
            yield entry, entry.article
    for path, wanted in pending.items():
        # Only the articles wanted, each with its own problem (a corpus export holds
        # thousands: reading them all took seconds for a few new ones).
        found = kind_of(path.name).read_ids(path, {e.id for e in wanted})
        for entry in wanted:
            got = found.get(entry.id)
            item: Article | SeedProblem
            if got is None:
                item = SeedProblem(
                    path, gettext("article '%(id)s' could not be read from it", id=entry.id)
                )
            else:
                item = got if isinstance(got, SeedProblem) else got.article
            if on_article:
                on_article(item)
            yield entry, item


def _outcomes(
    plan: UpdatePlan, on_article: Callable[[Article | SeedProblem], None] | None
) -> Iterator[tuple[str, SeedEntry, Article | SeedProblem]]:
    """Each article the plan adds or re-indexes, parsed, with what becomes of it: "problem"
    (its seed cannot be used), "kept" (an indexed article whose seed no longer reads keeps
    its indexed version), "unchanged" (the quick hash differed, the article's own did not),
    "change" or "add". One reading for `_apply` and for a dry run's `_preview`."""
    changing = {e.id for e in plan.change}
    for entry, item in _parsed(plan.add + plan.change, on_article):
        is_change = entry.id in changing
        if isinstance(item, SeedProblem):
            if is_change:
                item = replace(item, reason=_kept(item.reason))
            yield ("kept" if is_change else "problem"), entry, item
            continue
        item.content_hash = item.content_hash or entry.content_hash
        if is_change and item.content_hash == entry.indexed_hash:
            yield "unchanged", entry, item
        else:
            yield ("change" if is_change else "add"), entry, item


def _tally(
    report: UpdateReport, outcome: str, entry: SeedEntry, item: Article | SeedProblem
) -> None:
    """An outcome of `_outcomes` in the report."""
    if isinstance(item, SeedProblem):
        report.problems.append(item)
    if outcome in ("kept", "unchanged"):
        report.unchanged += 1
    elif outcome == "change":
        report.changed.append(entry.id)
    elif outcome == "add":
        report.added.append(entry.id)


def _preview(plan: UpdatePlan, report: UpdateReport) -> None:
    """What `_apply` would do, told by parsing the seeds to add or re-index (a seed that no
    longer reads is reported as it would be, not listed as re-indexed)."""
    for outcome, entry, item in _outcomes(plan, None):
        _tally(report, outcome, entry, item)
    report.removed = list(plan.remove)


def _apply(
    live: store.Generation,
    plan: UpdatePlan,
    report: UpdateReport,
    on_plan: Callable[[int], None] | None,
    on_article: Callable[[Article | SeedProblem], None] | None,
    opened: store.IndexedLookup | None = None,
) -> None:
    """Write the plan into the live generation as one commit: through `opened`, the index
    the plan was made with, when given (its files were checked and its segments opened
    once: with 53 segments, at a million articles, each opening cost 30 ms and each check
    80 ms)."""
    if on_plan:
        on_plan(len(plan.add) + len(plan.change))
    load_stem_cache(live.path)  # the words the index has seen are not stemmed again
    regex_cache.load(live.path)  # nor extraction's large patterns compiled again
    now = time.time()
    # Separate segment files: a compound segment is copied into memory by every reader.
    index = opened.index if opened is not None else live.open()
    writer = index.writer(timeout=store.LOCK_WAIT_SECONDS, compound=COMPOUND, codec=fast_codec())
    indexed: list[Fingerprint] = []  # the articles added or re-indexed, for their copies
    try:
        for outcome, entry, item in _outcomes(plan, on_article):
            _tally(report, outcome, entry, item)
            if outcome in ("problem", "kept"):
                plan.unusable[entry.id] = entry.content_hash
            elif outcome == "change":
                assert isinstance(item, Article)
                writer.update_document(**article_document(item, now))
                indexed.append(article_fingerprint(item))
            elif outcome == "add":
                assert isinstance(item, Article)
                writer.add_document(**article_document(item, now))
                indexed.append(article_fingerprint(item))
        for article_id in plan.remove:
            writer.delete_by_term("id", article_id)
        report.removed.extend(plan.remove)
        if report.changes:
            # Saved before the commit: a search that sees the new articles finds their copies.
            if opened is not None:
                update_generation(live.path, opened.stored_by_id(), indexed, plan.remove)
            else:
                with index.searcher() as searcher:
                    by_id = store.StoredById(searcher)
                    update_generation(live.path, by_id, indexed, plan.remove)
            # No merge: an update writes its own segment and rewrites none of the ones searches
            # have open (a merge deletes their files under them), so its cost follows its size.
            writer.commit(mergetype=NO_MERGE)
            flat_postings.write_missing(live.path)
            live.record_files()
            regex_cache.save()
        else:
            writer.cancel()
    except BaseException:
        writer.cancel()
        raise
