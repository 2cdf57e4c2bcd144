"""The index on an OpenSearch cluster: the client, the index template, the documents, and the
builds and updates that write them.

Cari analyses text in Python (search.text.analyzer), as for the embedded index, and sends each
text field as its analysed tokens: one whitespace-separated slot per position, the tokens that
share a position joined by "|" (a compound's joined spelling and its first part, a long form's
acronym) and "_" for a position with none. The index's own analyzer only splits the slots
again (`pattern_capture`) and drops the fillers, so OpenSearch holds the same terms at the
same positions as the embedded index: phrases and proximity behave alike. The texts as
written are kept in `_source` for snippets, which Cari cuts itself.

A build writes a new concrete index and then swaps the alias (`EngineSettings.alias`) in one
atomic `_aliases` call; the index it replaced is deleted after the swap. An update compares
the seeds with the (id, content hash) pairs of the live index (`search.indexing.update
.plan_update`, the embedded update's plan) and sends only the new, changed and removed
articles, made visible by one refresh at the end.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from search.config import (
    OPENSEARCH_INDEX_ENV,
    OPENSEARCH_URL_ENV,
    EngineSettings,
    EngineUnavailableError,
)
from search.dates import PRECISIONS, date_span
from search.i18n import gettext
from search.indexing import opensearch_lexicon
from search.indexing.build import (
    MIN_KEEP_SHARE,
    BuildRefusedError,
    BuildReport,
    articles_to_write,
    shrunk_build,
)
from search.indexing.copies import (
    CopyIndex,
    Fingerprint,
    article_fingerprint,
    find_copies,
    stored_fingerprint,
    update_copies,
)
from search.indexing.opensearch_lexicon import WordCounts, lexicon_name, load_copies
from search.indexing.opensearch_lock import Lease, lock_name, write_lock
from search.indexing.schema import CASE_FIELD, SCHEMA_VERSION
from search.indexing.stamps import Stamps
from search.indexing.store import LOCK_WAIT_SECONDS
from search.indexing.update import (
    UpdateReport,
    _outcomes,
    _tally,
    no_index_yet,
    plan_update,
    rebuild_reason,
    start_report,
)
from search.ingest.extract.sources import link_url
from search.ingest.kinds import SeedProblem
from search.ingest.seeds import list_seeds, read_articles
from search.lexicon import data_fingerprint
from search.model import Article
from search.text.analyzer import (
    ANALYZER_VERSION,
    exact_analyzer,
    run_steps,
    stemmed_analyzer,
    steps_of,
    use_stem_table,
)
from search.text.case import written_capitalised

log = logging.getLogger(__name__)

SHARDS = 2
REPLICAS = 1
# The text fields as analysed: stems and forms as written, each with positions.
ANALYSED_FIELDS = ("title_stems", "title_exact", "body_stems", "body_exact")
BULK_CHUNK = 500
LEXICON_CHUNK = 5000  # the lexicon's documents are small
# How long a build waits for the new index's replicas before it swaps the alias.
GREEN_SECONDS = 600.0

# The embedded index weighs a title word's frequency TITLE_WEIGHT times (its schema's
# field_boost) before BM25 saturates it; OpenSearch gets each title token that many times at
# the same position, which counts in the term frequency, the field's length and its average
# length alike: the length norm k1 (1 - b + b dl / avgdl) is the embedded one.
TITLE_WEIGHT = 2


K1, B = 1.2, 0.75
# Every token counts in a field's length, those sharing a position too (a compound's joined
# spelling, an acronym beside its long form), as in the embedded index.
BM25 = {"type": "BM25", "k1": K1, "b": B, "discount_overlaps": False}
# What an index's layout must be for this code to search and update it (its `_meta`): an
# index of another layout is rebuilt by `cari update`.
LAYOUT = 2


def _slots(similarity: str) -> dict[str, Any]:
    return {
        "type": "text",
        "analyzer": "cari_slots",
        "search_analyzer": "whitespace",
        "similarity": similarity,
    }


_STORED_ONLY = {"type": "keyword", "index": False, "doc_values": False}


def index_body(shards: int = SHARDS, replicas: int = REPLICAS) -> dict[str, Any]:
    """The settings and mappings of a Cari index (docs/opensearch.md shows them as a
    template). `_meta` records the analyzer and schema versions the index was built with."""
    return {
        "settings": {
            "number_of_shards": shards,
            "number_of_replicas": replicas,
            "similarity": {"cari_bm25": BM25},
            "analysis": {
                "filter": {
                    "cari_slot_split": {
                        "type": "pattern_capture",
                        "preserve_original": False,
                        "patterns": ["([^|]+)"],
                    },
                    "cari_no_filler": {"type": "stop", "stopwords": ["_"]},
                },
                "analyzer": {
                    "cari_slots": {
                        "type": "custom",
                        "tokenizer": "whitespace",
                        "filter": ["cari_slot_split", "cari_no_filler"],
                    }
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "_meta": index_meta(),
            "_source": {"excludes": list(ANALYSED_FIELDS)},
            "properties": {
                "id": {"type": "keyword"},
                "seq": {"type": "long"},
                "title": {"type": "text", "index": False},
                "body": {"type": "text", "index": False},
                **{name: _slots("cari_bm25") for name in ANALYSED_FIELDS},
                "officials": {"type": "keyword"},
                "official_roles": _STORED_ONLY,
                "said": {"type": "keyword"},
                # The words of capitalised_mined.tsv the body writes capitalised inside a
                # sentence (search.text.case): a word typed alone ranks those first.
                CASE_FIELD: {"type": "keyword"},
                "quotes": _STORED_ONLY,
                "source": {"type": "keyword"},
                "date": _STORED_ONLY,
                "date_precision": {"type": "keyword"},
                "precision_code": {"type": "byte"},
                "date_first": {"type": "date", "format": "basic_date"},
                "date_start": {"type": "integer"},
                "date_end": {"type": "integer"},
                "url": _STORED_ONLY,
                "content_hash": {"type": "keyword"},
                "indexed_at": {"type": "double"},
                # Copies of one story (search.indexing.copies): the story an article tells
                # (its copy group's key, else its own id: results collapse on it) and, for
                # the articles in a group, the group's key (counted by the searches).
                "story": {"type": "keyword"},
                "copy_group": {"type": "keyword"},
            },
        },
    }


def index_meta() -> dict[str, Any]:
    return {
        "analyzer_version": ANALYZER_VERSION,
        "schema_version": SCHEMA_VERSION,
        "layout": LAYOUT,
        "data_fingerprint": data_fingerprint(),
        "built_at": time.time(),
    }


def connect(settings: EngineSettings, **options: Any) -> Any:
    """An opensearch-py client over every node URL of `settings` (a request that fails on
    one node is retried on another), with basic auth and a CA file when given."""
    from opensearchpy import OpenSearch

    auth = (settings.user, settings.password or "") if settings.user else None
    kwargs: dict[str, Any] = {
        "hosts": list(settings.urls),
        "http_auth": auth,
        "retry_on_timeout": True,
        "max_retries": 3,
        "timeout": 30,
        "http_compress": False,
    }
    if settings.ca_file:
        kwargs.update(use_ssl=True, verify_certs=True, ca_certs=settings.ca_file)
    kwargs.update(options)
    return OpenSearch(**kwargs)


@contextmanager
def cluster_errors(settings: EngineSettings) -> Iterator[None]:
    """A cluster that cannot be reached or refuses a request, as EngineUnavailableError."""
    from opensearchpy.exceptions import ConnectionError as Unreachable
    from opensearchpy.exceptions import TransportError

    try:
        yield
    except Unreachable as exc:
        raise EngineUnavailableError(
            gettext(
                "OpenSearch is not reachable at %(urls)s: start it or check --opensearch-url"
                " / $%(env)s (%(problem)s)",
                urls=", ".join(settings.urls),
                env=OPENSEARCH_URL_ENV,
                problem=exc.error,
            )
        ) from exc
    except TransportError as exc:
        problem = f"{exc.status_code} {str(exc.error)[:200]} {str(exc.info)[:300]}"
        raise EngineUnavailableError(
            gettext(
                "OpenSearch at %(url)s refused the request: %(problem)s",
                url=settings.urls[0],
                problem=problem,
            )
        ) from exc


# -- documents ----------------------------------------------------------------------------


def slots(text: str, stemmed: bool, weight: int = 1) -> str:
    """`text` analysed as the embedded index analyses it, written as position slots (see the
    module docstring), each token `weight` times."""
    steps = _STEMMED_STEPS if stemmed else _EXACT_STEPS
    tokens = run_steps(text, steps)
    if not tokens.words:
        return ""
    by_position: list[list[str]] = [[] for _ in range(max(tokens.positions) + 1)]
    for word, position in zip(tokens.words, tokens.positions, strict=True):
        slot = by_position[position]
        if word not in slot:
            slot.append(word)
    return " ".join("|".join(slot * weight) or "_" for slot in by_position)


_STEMMED_STEPS = steps_of(stemmed_analyzer()) or ()
_EXACT_STEPS = steps_of(exact_analyzer()) or ()


def analysed_fields(title: str, body: str) -> dict[str, str]:
    """The analysed text fields of an article (ANALYSED_FIELDS, kept out of `_source`)."""
    return {
        "title_stems": slots(title, True, TITLE_WEIGHT),
        "title_exact": slots(title, False, TITLE_WEIGHT),
        "body_stems": slots(body, True),
        "body_exact": slots(body, False),
    }


def article_source(
    article: Article, indexed_at: float, seq: int, group: str | None = None
) -> dict[str, Any]:
    """The OpenSearch document of an article (`group`: its copy group's key, if any)."""
    doc: dict[str, Any] = {
        "id": article.id,
        "seq": seq,
        "title": article.title,
        "body": article.body,
        **analysed_fields(article.title, article.body),
        "officials": [o.name for o in article.officials],
        "official_roles": json.dumps([[o.name, o.role] for o in article.officials]),
        "said": list(dict.fromkeys(q.speaker for q in article.quotes)),
        "quotes": json.dumps([q.to_json() for q in article.quotes], ensure_ascii=False),
        CASE_FIELD: written_capitalised(article.body),
        "source": article.source or None,
        "date": article.date_iso,
        "date_precision": article.date_precision,
        "url": link_url(article.url),
        "content_hash": article.content_hash,
        "indexed_at": indexed_at,
        **story_fields(article.id, group),
    }
    if article.date:
        start, end = date_span(article.date)
        code = PRECISIONS.index(article.date_precision)
        doc.update(date_start=start, date_end=end, date_first=str(start), precision_code=code)
    return doc


def story_fields(article_id: str, group: str | None) -> dict[str, Any]:
    """An article's `story` (its copy group's key, else its id) and `copy_group`."""
    return {"story": group or article_id, "copy_group": group}


def reindexed(source: dict[str, Any], group: str | None) -> dict[str, Any]:
    """A document again from its `_source` (its analysed fields made anew) with another copy
    group."""
    doc = {k: v for k, v in source.items() if k not in ANALYSED_FIELDS}
    doc.update(analysed_fields(doc.get("title") or "", doc.get("body") or ""))
    doc.update(story_fields(doc["id"], group))
    return doc


# -- reading the live index ---------------------------------------------------------------


def wait_green(client: Any, index: str | None = None, seconds: float = GREEN_SECONDS) -> dict:
    """The cluster's (or an index's) health once green; EngineUnavailableError after
    `seconds` without it."""
    from opensearchpy.exceptions import TransportError

    deadline = time.monotonic() + seconds
    while True:
        try:
            health = client.cluster.health(index=index, wait_for_status="green", request_timeout=40)
        except TransportError as exc:  # 408: not green within the server's 30 s
            if exc.status_code != 408:
                raise
            health = exc.info if isinstance(exc.info, dict) else {"status": str(exc.info)[:200]}
        if health.get("status") == "green":
            return health
        if time.monotonic() > deadline:
            raise EngineUnavailableError(
                gettext(
                    "OpenSearch is not green after %(seconds)s s: %(health)s",
                    seconds=round(seconds),
                    health=health,
                )
            )


def live_index(client: Any, alias: str) -> str | None:
    """The concrete index behind the alias (None: no index yet)."""
    from opensearchpy import NotFoundError

    try:
        found = client.indices.get_alias(name=alias)
    except NotFoundError:
        return None
    return sorted(found)[0] if found else None


def live_meta(client: Any, alias: str) -> dict[str, Any] | None:
    index = live_index(client, alias)
    if index is None:
        return None
    mapping = client.indices.get_mapping(index=index)
    return mapping[index]["mappings"].get("_meta", {})


def live_count(client: Any, alias: str) -> int:
    if live_index(client, alias) is None:
        return 0
    return int(client.count(index=alias)["count"])


def scan(client: Any, index: str, fields: list[str], batch: int = 5000) -> Iterator[dict]:
    """Every document's `fields` (`_source`), in `seq` order, paged with search_after."""
    after: list[Any] | None = None
    while True:
        body: dict[str, Any] = {
            "size": batch,
            "sort": [{"seq": "asc"}],
            "_source": fields,
            "query": {"match_all": {}},
        }
        if after is not None:
            body["search_after"] = after
        hits = client.search(index=index, body=body)["hits"]["hits"]
        if not hits:
            return
        for hit in hits:
            yield hit["_source"]
        after = hits[-1]["sort"]


def indexed_stamps(client: Any, alias: str) -> dict[str, tuple[str, float]]:
    """Article id -> (content hash, indexed_at) of the live index."""
    if live_index(client, alias) is None:
        return {}
    return {
        d["id"]: (d.get("content_hash") or "", d.get("indexed_at") or 0.0)
        for d in scan(client, alias, ["id", "content_hash", "indexed_at"])
    }


def _highest_seq(client: Any, index: str) -> int:
    found = client.search(index=index, body={"size": 0, "aggs": {"seq": {"max": {"field": "seq"}}}})
    return int(found["aggregations"]["seq"]["value"] or 0)


# -- writing ------------------------------------------------------------------------------


def _bulk(client: Any, actions: Iterable[dict[str, Any]], chunk: int = BULK_CHUNK) -> int:
    from opensearchpy import helpers

    done = 0
    for ok, item in helpers.streaming_bulk(
        client, actions, chunk_size=chunk, max_retries=3, raise_on_error=False
    ):
        if not ok:
            raise RuntimeError(
                gettext("OpenSearch refused a document: %(item)s", item=json.dumps(item)[:500])
            )
        done += 1
    return done


def build(
    settings: EngineSettings,
    seeds_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    on_article: Callable[[Article | SeedProblem], None] | None = None,
    client: Any = None,
) -> BuildReport:
    """Full rebuild from a seed folder (see `build_articles`)."""
    articles = read_articles(list_seeds(Path(seeds_dir)))
    return build_articles(settings, articles, force=force, on_article=on_article, client=client)


def build_articles(
    settings: EngineSettings,
    items: Iterable[Article | SeedProblem],
    *,
    force: bool = False,
    on_article: Callable[[Article | SeedProblem], None] | None = None,
    client: Any = None,
) -> BuildReport:
    """Full rebuild from articles into a new index and its lexicon
    (search.indexing.opensearch_lexicon), made live by swapping the aliases atomically; the
    old ones are deleted after the swap. The copies of one story are found as the embedded
    build finds them (search.indexing.copies), and their documents written again with their
    group. Refused (BuildRefusedError, nothing changed) when it would keep less than
    MIN_KEEP_SHARE of the live index unless `force`."""
    client = client or connect(settings)
    with write_lock(client, settings.alias, "cari build") as lease:
        return _build_articles(settings, items, client, lease, force=force, on_article=on_article)


def _build_articles(
    settings: EngineSettings,
    items: Iterable[Article | SeedProblem],
    client: Any,
    lease: Lease,
    *,
    force: bool,
    on_article: Callable[[Article | SeedProblem], None] | None,
) -> BuildReport:
    started = time.perf_counter()
    alias = settings.alias
    use_stem_table()
    previous = indexed_stamps(client, alias)
    report = BuildReport()
    name = f"{alias}-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    lexicon = lexicon_name(name)
    body = index_body(replicas=0)
    # Written without refreshes; the copies written again leave deleted documents behind,
    # which every segment holding one drops before the index goes live (term statistics
    # count deleted documents, and scores would drift from the embedded engine's).
    body["settings"].update({"refresh_interval": "-1", "merge.policy.expunge_deletes_allowed": 0})
    client.indices.create(index=name, body=body)
    try:
        client.indices.create(index=lexicon, body=opensearch_lexicon.index_body(0, "-1"))
        written = _Written()
        report.indexed = _bulk(
            client, _documents(items, name, report, on_article, previous, written)
        )
        client.indices.refresh(index=name)
        copies = find_copies(written.fingerprints)
        if _bulk(client, _regrouped(client, name, {}, copy_keys(copies))):
            client.indices.refresh(index=name)
            client.indices.forcemerge(
                index=name, only_expunge_deletes=True, request_timeout=GREEN_SECONDS
            )
        words = opensearch_lexicon.word_actions(lexicon, written.words)
        state = opensearch_lexicon.copy_actions(lexicon, copies)
        _bulk(client, chain(words, state), LEXICON_CHUNK)
        both = f"{name},{lexicon}"
        client.indices.put_settings(
            index=both, body={"index": {"number_of_replicas": REPLICAS, "refresh_interval": "1s"}}
        )
        client.indices.refresh(index=both)
        wait_green(client, both)
        live = len(previous)
        if not force and live and report.indexed < live * MIN_KEEP_SHARE:
            raise BuildRefusedError(shrunk_build(report.indexed, live))
        lease.confirm()
        swap_alias(client, alias, name)
    except BaseException:
        client.indices.delete(index=f"{name},{lexicon}", ignore_unavailable=True)
        raise
    report.seconds = time.perf_counter() - started
    log.debug("%s", report.summary())
    return report


class _Written:
    """What a build or update learns from the articles it writes: their fingerprints (for
    their copies) and their words (for the lexicon)."""

    def __init__(self) -> None:
        self.fingerprints: list[Fingerprint] = []
        self.words = WordCounts()

    def add(self, article: Article, doc: dict[str, Any]) -> None:
        self.fingerprints.append(article_fingerprint(article))
        self.words.add(doc)


def _documents(
    items: Iterable[Article | SeedProblem],
    index: str,
    report: BuildReport,
    on_article: Callable[[Article | SeedProblem], None] | None,
    previous: dict[str, tuple[str, float]],
    written: _Written,
) -> Iterator[dict[str, Any]]:
    """Bulk actions of the articles a build writes (`articles_to_write`)."""
    stamps = Stamps((k, content, stamp) for k, (content, stamp) in previous.items())
    for seq, (article, indexed_at) in enumerate(
        articles_to_write(items, report, on_article, stamps), 1
    ):
        source = article_source(article, indexed_at, seq)
        written.add(article, source)
        yield {"_index": index, "_id": article.id, "_source": source}


def copy_keys(copies: CopyIndex) -> dict[str, str]:
    """Each article in a copy group -> the group's key (its first id)."""
    return {member: group[0] for group in copies.groups for member in group}


def _sources(client: Any, index: str, ids: list[str], fields: list[str] | None = None):
    """The `_source` of each of `ids` that the index has (`fields` of it), in batches."""
    for start in range(0, len(ids), BULK_CHUNK):
        batch = ids[start : start + BULK_CHUNK]
        params = {"_source_includes": ",".join(fields)} if fields else {}
        found = client.mget(index=index, body={"ids": batch}, params=params)["docs"]
        yield from (d["_source"] for d in found if d.get("found"))


def _regrouped(
    client: Any,
    index: str,
    before: dict[str, str],
    after: dict[str, str],
    skip: set[str] | frozenset[str] = frozenset(),
) -> Iterator[dict[str, Any]]:
    """Bulk actions writing again the documents whose copy group changed from `before` to
    `after` (article id -> group key), but those in `skip`."""
    moved = sorted(i for i in set(before) | set(after) if before.get(i) != after.get(i))
    moved = [i for i in moved if i not in skip]
    for source in _sources(client, index, moved):
        doc = reindexed(source, after.get(source["id"]))
        yield {"_index": index, "_id": source["id"], "_source": doc}


def swap_alias(client: Any, alias: str, index: str) -> None:
    """Point the alias at `index` and the lexicon's alias at its lexicon in one atomic call,
    then delete what they pointed at."""
    if not client.indices.exists_alias(name=alias) and client.indices.exists(index=alias):
        raise BuildRefusedError(
            gettext(
                "%(alias)s is an index on the cluster, not an alias: Cari searches an alias of"
                " that name (delete or rename the index, or set another name in $%(env)s)",
                alias=repr(alias),
                env=OPENSEARCH_INDEX_ENV,
            )
        )
    pairs = ((alias, index), (lexicon_name(alias), lexicon_name(index)))
    actions: list[dict[str, Any]] = []
    old: list[str] = []
    for name, target in pairs:
        if client.indices.exists_alias(name=name):
            for o in sorted(client.indices.get_alias(name=name)):
                actions.append({"remove": {"index": o, "alias": name}})
                old.append(o)
        actions.append({"add": {"index": target, "alias": name}})
    client.indices.update_aliases(body={"actions": actions})
    for o in old:
        if o not in (index, lexicon_name(index)):
            client.indices.delete(index=o, ignore_unavailable=True)


def rebuild_needed(meta: dict[str, Any]) -> str | None:
    """Why a live index must be rebuilt in full (the embedded index's reasons, and a layout
    this code does not search), or None."""
    if meta.get("layout") != LAYOUT:
        return gettext(
            "layout %(index)s of the OpenSearch index, %(code)s in the code",
            index=meta.get("layout"),
            code=LAYOUT,
        )
    return rebuild_reason(meta)


def update(
    settings: EngineSettings,
    seeds_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    dry_run: bool = False,
    on_plan: Callable[[int], None] | None = None,
    on_article: Callable[[Article | SeedProblem], None] | None = None,
    client: Any = None,
    lock_timeout: float = LOCK_WAIT_SECONDS,
) -> UpdateReport:
    """Bring the live index in line with the seed folder: the embedded update's plan
    (`plan_update`), sent as one series of bulk requests and made visible by one refresh,
    with the copy groups and the lexicon brought in line too. A full rebuild is done instead
    when there is no index yet or it was built by another analyzer, schema or layout;
    BuildRefusedError when it would remove more than half. Holds the alias's write lock
    (search.indexing.opensearch_lock), waiting up to `lock_timeout` seconds for it."""
    client = client or connect(settings)
    with write_lock(client, settings.alias, "cari update", timeout=lock_timeout) as lease:
        return _update(settings, seeds_dir, client, lease, force, dry_run, on_plan, on_article)


def _update(
    settings: EngineSettings,
    seeds_dir: str | os.PathLike[str],
    client: Any,
    lease: Lease,
    force: bool,
    dry_run: bool,
    on_plan: Callable[[int], None] | None,
    on_article: Callable[[Article | SeedProblem], None] | None,
) -> UpdateReport:
    started = time.perf_counter()
    alias = settings.alias
    paths = list_seeds(Path(seeds_dir))
    meta = live_meta(client, alias)
    reason = no_index_yet() if meta is None else rebuild_needed(meta)
    if reason:
        report = UpdateReport(rebuilt=reason, dry_run=dry_run)
        if not dry_run:
            if on_plan:
                on_plan(len(paths))
            built = build(settings, seeds_dir, force=force, on_article=on_article, client=client)
            report.problems, report.articles = built.problems, built.indexed
        report.seconds = time.perf_counter() - started
        return report
    indexed = {k: h for k, (h, _) in indexed_stamps(client, alias).items()}
    plan = plan_update(paths, indexed)
    report = start_report(plan, len(indexed), force=force, dry_run=dry_run)
    if not dry_run and not plan.is_empty:
        if on_plan:
            on_plan(len(plan.add) + len(plan.change))
        articles: list[Article] = []
        for outcome, entry, item in _outcomes(plan, on_article):
            _tally(report, outcome, entry, item)
            if outcome in ("change", "add"):
                assert isinstance(item, Article)
                articles.append(item)
        report.removed.extend(plan.remove)
        _write_update(client, lease, articles, list(plan.remove))
    report.articles = len(indexed) + len(report.added) - len(report.removed)
    report.seconds = time.perf_counter() - started
    return report


def _write_update(client: Any, lease: Lease, articles: list[Article], removed: list[str]) -> None:
    """Write an update's new and changed `articles` and delete the `removed` ones, with
    their copy groups and words: the articles first (one refresh), then the lexicon; nothing
    when the lease on the write lock was lost (LockLostError)."""
    if not articles and not removed:
        return
    alias = lease.alias
    index = live_index(client, alias) or alias
    lexicon = live_index(client, lexicon_name(alias)) or lexicon_name(alias)
    replaced = [a.id for a in articles]
    written = _Written()
    for source in _sources(client, index, replaced + removed, ["title", "body"]):
        written.words.remove(analysed_fields(source["title"] or "", source["body"] or ""))
    before_keys = _group_keys(client, index)
    before = load_copies(client, lexicon)
    fingerprints = [article_fingerprint(a) for a in articles]
    if before is None:  # a lexicon without the copies' state: found anew from every article
        gone = set(replaced) | set(removed)
        fields = ["id", "title", "body", "date", "source", "quotes"]  # quotes: who speaks
        kept = [stored_fingerprint(d) for d in scan(client, index, fields) if d["id"] not in gone]
        copies = find_copies(kept + fingerprints)
    else:
        copies = update_copies(
            before, fingerprints, removed, lambda i: next(_sources(client, index, [i]), None)
        )
    keys = copy_keys(copies)
    highest = _highest_seq(client, index)
    now = time.time()
    actions: list[dict[str, Any]] = []
    for seq, article in enumerate(articles, highest + 1):
        source = article_source(article, now, seq, keys.get(article.id))
        written.words.add(source)
        actions.append({"_index": index, "_id": article.id, "_source": source})
    actions += [{"_op_type": "delete", "_index": index, "_id": i} for i in removed]
    moved = _regrouped(client, index, before_keys, keys, set(replaced) | set(removed))
    lease.confirm()
    _bulk(client, chain(actions, moved))
    client.indices.refresh(index=index)
    changes = opensearch_lexicon.word_changes(client, lexicon, written.words)
    state = opensearch_lexicon.copy_actions(lexicon, copies, before, replaced, removed)
    _bulk(client, chain(changes, state), LEXICON_CHUNK)
    client.indices.refresh(index=lexicon)


def _group_keys(client: Any, index: str) -> dict[str, str]:
    """Each article in a copy group -> the group's key, as the documents hold them."""
    from opensearchpy import helpers

    query = {"query": {"exists": {"field": "copy_group"}}, "_source": ["id", "copy_group"]}
    return {
        hit["_source"]["id"]: hit["_source"]["copy_group"]
        for hit in helpers.scan(client, query=query, index=index, size=5000)
    }


def delete_all(client: Any, alias: str) -> None:
    """Delete the alias's index, its lexicon and its lock (tests and benchmarks clean up with
    it)."""
    for name in (alias, lexicon_name(alias)):
        index = live_index(client, name)
        if index is not None:
            client.indices.delete(index=index, ignore_unavailable=True)
    client.indices.delete(index=lock_name(alias), ignore_unavailable=True)
