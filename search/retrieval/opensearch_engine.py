"""SearchRequest -> SearchResult on an OpenSearch cluster: the same plan, filters, facets,
timeline, snippets and paging as the embedded engine (search.retrieval.engine), with the
index held by the cluster (search.indexing.opensearch_index).

One `_search` request per results page: the plan as a bool query
(search.retrieval.opensearch_query) scored with global term statistics
(dfs_query_then_fetch: two shards score as one index), the officials and sources facets as
filtered aggregations that leave out their own filter, the post_filter for the hits and the
total, and the timeline's dates per precision. Snippets are cut by Cari's snippet code from
the stored text, so marks are the embedded engine's. Pages past the first 10,000 hits are
reached with search_after.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from search.config import RESULT_CACHE, EngineSettings
from search.i18n import format_number, gettext
from search.indexing import opensearch_index, store
from search.indexing.schema import NO_DATE_START
from search.model import (
    ArticleView,
    RequestError,
    SearchRequest,
    SearchResult,
    Timeline,
    last_page,
)
from search.query.plan import QueryPlan, parse_query
from search.query.prefixes import expand_prefixes
from search.query.relaxation import Relaxation
from search.retrieval import resolving
from search.retrieval.hits import article_from_fields, hit_from_fields
from search.retrieval.opensearch_query import (
    FACET_SIZE,
    Idf,
    Officials,
    frequencies_body,
    group_queries,
    idf_from,
    request_body,
    scored_terms,
    sort_for,
)
from search.retrieval.postings import LRU
from search.retrieval.timeline import timeline
from search.text.analyzer import tokenize_text

log = logging.getLogger(__name__)

# Hits a page may start at with from/size; deeper pages walk with search_after.
MAX_FROM = 10_000
WALK_BATCH = 1000
# A request a node failed is tried again this many times, waiting longer each time.
RETRIES = 4
RETRY_PAUSE = 0.5
# The term frequencies of a query's idf ratios are read once in this many seconds (they move
# slowly; they weigh scores only, never what matches or counts).
FREQUENCIES_SECONDS = 60.0
FREQUENCIES_KEPT = 4096
# Articles whose texts give a prefix's words (see _Lexicon).
PREFIX_SAMPLE = 200
SOURCE_FIELDS = [
    "id",
    "title",
    "body",
    "date",
    "date_precision",
    "source",
    "official_roles",
    "quotes",
    "url",
]


class MissingIndexError(store.IndexMissingError):
    """No index behind the alias yet."""


class _Lexicon:
    """A field's words that start with a prefix, most frequent first, as
    search.query.prefixes lists them from the embedded index. OpenSearch keeps no lexicon to
    walk (text fields have no doc values), so they are read from the texts of a sample of
    the articles the prefix matches (PREFIX_SAMPLE): the frequent words are found, a word only
    a few articles outside the sample have is matched but not scored or marked."""

    def __init__(self, engine: OpenSearchEngine) -> None:
        self._engine = engine

    def prefix_terms(self, _reader: object, field: str, prefix: str) -> list[str]:
        texts = field.removesuffix("_exact").split("_")[:1]
        body = {"size": PREFIX_SAMPLE, "query": {"prefix": {field: prefix}}, "_source": texts}
        found: Counter[str] = Counter()
        for hit in self._engine._call("search", body=body)["hits"]["hits"]:
            text = " ".join(hit["_source"].get(t) or "" for t in texts)
            found.update({w for w in tokenize_text(text).words if w.startswith(prefix)})
        return sorted(found, key=lambda w: (-found[w], w))

    def expand(self, plan: QueryPlan) -> QueryPlan:
        return expand_prefixes(None, plan, self.prefix_terms)


class OpenSearchEngine:
    """Searches the index behind an alias on an OpenSearch cluster. Safe to share between
    threads (the client pools its connections)."""

    def __init__(
        self, settings: EngineSettings, state_dir: Path, *, cache_size: int = RESULT_CACHE
    ) -> None:
        self.settings = settings
        self.alias = settings.alias
        self._state_dir = Path(state_dir)
        self.client = opensearch_index.connect(settings)
        self._names_lock = threading.Lock()
        self._names: tuple[tuple[str, int], dict[str, str], list[str], dict[str, str]] | None = None
        self._results: LRU | None = LRU(cache_size) if cache_size > 0 else None
        self._frequencies = LRU(FREQUENCIES_KEPT)

    # -- the cluster ----------------------------------------------------------------------

    def _call(self, method: str, **kwargs: Any) -> Any:
        """A request to the alias. A node that fails mid-request is retried on another
        (RETRIES times, RETRY_PAUSE apart; a search never answers from part of the shards); a
        missing index is a MissingIndexError that says what to do; a cluster that stays
        unreachable an EngineUnavailableError (the web app answers 503)."""
        from opensearchpy import ConnectionError as Unreachable
        from opensearchpy import NotFoundError, TransportError

        if method == "search":
            kwargs.setdefault("params", {})["allow_partial_search_results"] = "false"
        for attempt in range(RETRIES + 1):
            last = attempt == RETRIES
            with opensearch_index.cluster_errors(self.settings):
                try:
                    return getattr(self.client, method)(index=self.alias, **kwargs)
                except NotFoundError as exc:
                    # A search in flight while a rebuild deleted the old index: again on the
                    # alias, which now points at the new one.
                    if not last and opensearch_index.live_index(self.client, self.alias):
                        continue
                    raise MissingIndexError(
                        gettext(
                            "no index %(alias)s on %(url)s: run `cari build` with the same"
                            " --engine and --opensearch-url",
                            alias=repr(self.alias),
                            url=self.settings.urls[0],
                        )
                    ) from exc
                except (Unreachable, TransportError) as exc:
                    status = getattr(exc, "status_code", None)
                    if last or not ((isinstance(status, int) and status >= 500) or status == "N/A"):
                        raise
                    log.debug("OpenSearch %s failed (%s), retrying", method, status)
            time.sleep(RETRY_PAUSE * (attempt + 1))
        raise AssertionError("unreachable")

    def _content_key(self) -> tuple[str, int]:
        """Which index and how much of it: (the index behind the alias, highest seq,
        articles). Changes with every build, update and removal."""
        body = {"size": 0, "aggs": {"seq": {"max": {"field": "seq"}}}, "track_total_hits": True}
        found = self._call("search", body=body)
        index = opensearch_index.live_index(self.client, self.alias) or ""
        seq = int(found["aggregations"]["seq"]["value"] or 0)
        return (f"{index}:{seq}", int(found["hits"]["total"]["value"]))

    def _known_names(self) -> tuple[dict[str, str], list[str], dict[str, str]]:
        """Every official and person quoted (lower-cased -> as spelled) and every source the
        index names, read once per index content."""
        key = self._content_key()
        with self._names_lock:
            if self._names is not None and self._names[0] == key:
                return self._names[1], self._names[2], self._names[3]
        body = {
            "size": 0,
            "aggs": {
                "officials": {"terms": {"field": "officials", "size": FACET_SIZE}},
                "sources": {"terms": {"field": "source", "size": FACET_SIZE}},
                "said": {"terms": {"field": "said", "size": FACET_SIZE}},
            },
        }
        found = self._call("search", body=body)["aggregations"]
        officials = sorted(b["key"] for b in found["officials"]["buckets"])
        sources = sorted(b["key"] for b in found["sources"]["buckets"])
        speakers = sorted(b["key"] for b in found["said"]["buckets"])
        names = ({n.lower(): n for n in officials}, sources, {n.lower(): n for n in speakers})
        with self._names_lock:
            self._names = (key, *names)
        return names

    # -- resolving user input ---------------------------------------------------------------

    def official_names(self) -> list[str]:
        return sorted(self._known_names()[0].values())

    def resolve_officials(self, names: tuple[str, ...]) -> tuple[str, ...]:
        if not names:
            return ()
        return resolving.resolve_people(names, self._known_names()[0], "official", partial=False)

    def resolve_speakers(self, names: tuple[str, ...]) -> tuple[str, ...]:
        if not names:
            return ()
        return resolving.resolve_people(names, self._known_names()[2], "said", partial=True)

    def resolve_sources(self, names: tuple[str, ...]) -> tuple[str, ...]:
        if not names:
            return ()
        return resolving.resolve_sources(self._known_names()[1], names)

    def plan(self, request: SearchRequest) -> tuple[QueryPlan, SearchRequest]:
        return resolving.plan_request(self, request)

    def relaxations(self, request: SearchRequest) -> list[Relaxation]:
        return resolving.relaxations(self, request)

    def marking(self, query: str) -> QueryPlan:
        plan = parse_query(query)
        if not plan.has_prefixes:
            return plan
        return _Lexicon(self).expand(plan)

    # -- searching -------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        if self._results is None:
            return self._search(request, started)
        key = (request, self._content_key())
        found = self._results.get(key)
        if found is None:
            found = self._search(request, started)
            self._results.put(key, found)
            return found
        return SearchResult(**{**found.__dict__, "seconds": time.perf_counter() - started})

    def _officials(self, plan: QueryPlan) -> Officials:
        """The officials the plan's words name, with their spelling in the index."""
        if not plan.officials:
            return []
        known = self._known_names()[0]
        return [(words, known.get(name.lower())) for name, words in plan.officials]

    def _bodies(
        self, plan: QueryPlan, request: SearchRequest, idf: Idf | None = None
    ) -> tuple[dict[str, Any], dict[str, Any] | None, list[str]]:
        """The request for the articles with all the words (with the facets: of every match
        with `request.partial`), the query of those with some (None when every match has all
        the words; facet filters applied, each group a named query), and the groups' labels."""
        officials = self._officials(plan)
        body = request_body(plan, request, idf, officials)
        groups = group_queries(plan, officials)
        if not groups:
            return body, None, []
        every = {"bool": {"filter": [q for _, q in groups]}}
        found = body["query"]
        facets = [body["post_filter"]] if "post_filter" in body else []
        if request.partial:
            body["post_filter"] = {"bool": {"filter": [*facets, every]}}
        else:
            body["query"] = {"bool": {"must": [found], "filter": [every]}}
        named = [
            {"constant_score": {"filter": q, "boost": 0.0, "_name": f"group{i}"}}
            for i, (_, q) in enumerate(groups)
        ]
        partial = {
            "bool": {"must": [found], "filter": facets, "must_not": [every], "should": named}
        }
        return body, partial, [label for label, _ in groups]

    def _page(self, body: dict[str, Any], start: int, size: int) -> dict[str, Any]:
        """The hits from `start` (from/size, or search_after past MAX_FROM)."""
        body = {**body, "size": size}
        if start + size <= MAX_FROM:
            return self._call(
                "search", body={**body, "from": start}, search_type="dfs_query_then_fetch"
            )
        return self._deep_page(body, start)

    def _search(self, request: SearchRequest, started: float) -> SearchResult:
        plan, request = self.plan(request)
        plan = _Lexicon(self).expand(plan)
        body, partial, labels = self._bodies(plan, request, self._idf(plan, request))
        sort = sort_for(request, plan)
        body["sort"] = sort
        body["_source"] = SOURCE_FIELDS
        start = (request.page - 1) * request.page_size
        found = self._page(body, start, request.page_size)
        total = int(found["hits"]["total"]["value"])
        rows = [(h, []) for h in found["hits"]["hits"]]
        total_partial = 0
        if partial is not None:
            wanted = request.page_size - len(rows)
            some = {
                "query": partial,
                "sort": sort,
                "_source": SOURCE_FIELDS,
                "track_total_hits": True,
            }
            more = self._page(some, max(0, start - total) if wanted else 0, wanted)
            total_partial = int(more["hits"]["total"]["value"])
            for h in more["hits"]["hits"][:wanted]:
                matched = set(h.get("matched_queries") or [])
                missing = [x for i, x in enumerate(labels) if f"group{i}" not in matched]
                rows.append((h, missing))
        if total + total_partial:
            last = last_page(total + total_partial, request.page_size)
            if request.page > last:
                raise RequestError(
                    gettext(
                        "page %(page)s is past the last page (%(last)s) of the %(total)s results",
                        page=request.page,
                        last=last,
                        total=format_number(total + total_partial),
                    )
                )
        hits = [
            hit_from_fields(
                h["_source"], float(h.get("_score") or 0.0), plan, request.said, missing
            )
            for h, missing in rows
        ]
        aggs = found["aggregations"]
        return SearchResult(
            request=request,
            total=total,
            total_partial=total_partial,
            hits=hits,
            official_counts=_ranked(aggs["officials"]["names"]["buckets"], request.officials),
            source_counts=_ranked(aggs["sources"]["names"]["buckets"], request.sources),
            said_counts=_ranked(aggs["said"]["names"]["buckets"], request.said),
            timeline=_timeline(aggs["timeline"], request),
            notes=list(plan.notes),
            suggestion=None,
            seconds=time.perf_counter() - started,
        )

    def _idf(self, plan: QueryPlan, request: SearchRequest) -> Idf | None:
        """The plan's terms' idf ratios (one request), for a search ranked by relevance."""
        if request.sort != "relevance" or plan.is_empty:
            return None
        terms = scored_terms(plan)
        if not terms:
            return None
        key = frozenset(terms)
        kept = self._frequencies.get(key)
        if kept is not None and time.monotonic() - kept[0] < FREQUENCIES_SECONDS:
            return kept[1]
        idf = idf_from(terms, self._call("search", body=frequencies_body(terms)))
        self._frequencies.put(key, (time.monotonic(), idf))
        return idf

    def _deep_page(self, body: dict[str, Any], start: int) -> dict[str, Any]:
        """The page starting at hit `start`, walked to with search_after (no from/size
        window limit); the total and the facets come from a first request without hits."""
        first = self._call("search", body={**body, "size": 0}, search_type="dfs_query_then_fetch")
        query = body["query"]
        if "post_filter" in body:
            query = {"bool": {"must": [query], "filter": [body["post_filter"]]}}
        walk = {"query": query, "sort": body["sort"], "_source": False, "track_total_hits": False}
        after, skipped = None, 0
        while skipped < start:
            step = {**walk, "size": min(WALK_BATCH, start - skipped)}
            if after is not None:
                step["search_after"] = after
            hits = self._call("search", body=step, search_type="dfs_query_then_fetch")
            hits = hits["hits"]["hits"]
            if not hits:
                first["hits"]["hits"] = []
                return first
            skipped += len(hits)
            after = hits[-1]["sort"]
        page = {**walk, "size": body["size"], "_source": body["_source"], "search_after": after}
        found = self._call("search", body=page, search_type="dfs_query_then_fetch")
        first["hits"]["hits"] = found["hits"]["hits"]
        return first

    def count(self, request: SearchRequest) -> int:
        """How many articles a request matches with all the words."""
        plan, request = self.plan(request)
        body, _, _ = self._bodies(plan, request)
        return self._count(body)

    def found(self, request: SearchRequest) -> int:
        """How many results a request lists: with all the words, then with some."""
        plan, request = self.plan(request)
        body, partial, _ = self._bodies(plan, request)
        return self._count(body) + (self._count({"query": partial}) if partial else 0)

    def _count(self, body: dict[str, Any]) -> int:
        query = body["query"]
        if "post_filter" in body:
            query = {"bool": {"must": [query], "filter": [body["post_filter"]]}}
        return int(self._call("count", body={"query": query})["count"])

    def article(self, article_id: str) -> ArticleView | None:
        body = {"query": {"term": {"id": article_id}}, "_source": SOURCE_FIELDS, "size": 1}
        hits = self._call("search", body=body)["hits"]["hits"]
        return article_from_fields(hits[0]["_source"]) if hits else None

    def warm(self) -> None:
        from search.text.analyzer import warm_stemmer

        warm_stemmer()
        with contextlib.suppress(RequestError, store.IndexMissingError):
            self._search(SearchRequest("pelayanan publik"), time.perf_counter())

    def close(self) -> None:
        self.client.close()

    # -- what saved queries read -------------------------------------------------------------

    def describe(self) -> str:
        return gettext("the OpenSearch index %(alias)s", alias=repr(self.alias))

    @property
    def state_dir(self) -> Path:
        self._state_dir.mkdir(parents=True, exist_ok=True)
        return self._state_dir

    def meta(self) -> dict[str, Any]:
        with opensearch_index.cluster_errors(self.settings):
            found = opensearch_index.live_meta(self.client, self.alias)
        if found is None:
            raise MissingIndexError(
                gettext(
                    "no index %(alias)s on %(url)s",
                    alias=repr(self.alias),
                    url=self.settings.urls[0],
                )
            )
        return found

    def latest_indexed_at(self) -> float:
        body = {"size": 0, "aggs": {"t": {"max": {"field": "indexed_at"}}}}
        return float(self._call("search", body=body)["aggregations"]["t"]["value"] or 0.0)


def _ranked(buckets: list[dict[str, Any]], chosen: tuple[str, ...]) -> list[tuple[str, int]]:
    """(name, count), most first, then by name, the chosen names always listed (0 if need
    be), as search.retrieval.facets lists them."""
    pairs = [(b["key"], int(b["doc_count"])) for b in buckets if b["doc_count"]]
    listed = {name for name, _ in pairs}
    return pairs + sorted((name, 0) for name in chosen if name not in listed)


def _timeline(found: dict[str, Any], request: SearchRequest) -> Timeline:
    """The timeline from the dates counted per precision (search.retrieval.timeline)."""
    starts, precisions, counts = [], [], []
    for precision in found["precision"]["buckets"]:
        for day in precision["days"]["buckets"]:
            starts.append(int(day["key_as_string"]))
            precisions.append(int(precision["key"]))
            counts.append(int(day["doc_count"]))
    undated = int(found["undated"]["doc_count"])
    if undated:
        starts.append(NO_DATE_START)
        precisions.append(0)
        counts.append(undated)
    return timeline(
        np.array(starts, dtype=np.int64),
        np.array(precisions, dtype=np.int64),
        np.array(counts, dtype=np.int64),
        request.date_from,
        request.date_to,
        weeks=request.weekly,
    )
