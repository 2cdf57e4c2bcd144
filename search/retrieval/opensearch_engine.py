"""SearchRequest -> SearchResult on an OpenSearch cluster: the same plan, filters, facets,
timeline, snippets, paging, copies, spelling corrections and completions as the embedded
engine (search.retrieval.engine), with the index held by the cluster
(search.indexing.opensearch_index).

A results page is one `_search` request for the articles with all the words (and one for
those with some, when a query has several): the plan as a bool query
(search.retrieval.opensearch_query) scored with global term statistics
(dfs_query_then_fetch: two shards score as one index), the officials and sources facets as
filtered aggregations that leave out their own filter, the post_filter for the hits and the
total, and the timeline's dates per precision. The copies of one story are collapsed on
their `story` (the best-ranked stands for it; a page deeper than OpenSearch's result
window is walked with `search_after` instead), and the copy groups among the matches
counted, so pages count stories. Snippets are cut by Cari's snippet code from the stored
text, so marks are the embedded engine's. Suggestions, completions and prefixes read the
index's lexicon (search.retrieval.opensearch_terms) with the embedded engine's code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from search import config
from search.config import RESULT_CACHE, EngineSettings
from search.dates import PRECISIONS, from_int
from search.i18n import format_number, gettext
from search.indexing import opensearch_index, store
from search.indexing.official_variants import (
    ROLE_SAMPLE,
    canonical_names,
    merged_counts,
    named_beside,
    roles_given,
    speaker_variants,
    with_variants,
)
from search.indexing.opensearch_lexicon import lexicon_name
from search.indexing.schema import NO_DATE_START
from search.indexing.vocabulary import FIELD as SUGGEST_FIELD
from search.model import (
    ArticleView,
    Copy,
    Hit,
    RequestError,
    SearchRequest,
    SearchResult,
    Timeline,
    last_page,
)
from search.query.plan import QueryPlan, Word, parse_query
from search.query.prefixes import FIELDS as PREFIX_FIELDS
from search.query.prefixes import complete_last_word, expand_prefixes
from search.query.relaxation import Relaxation
from search.query.suggest import suggest
from search.retrieval import resolving
from search.retrieval.doctable import lower_spellings
from search.retrieval.hits import article_from_fields, copies_of, hit_from_fields
from search.retrieval.opensearch_query import (
    FACET_SIZE,
    MATCH_ALL,
    Idf,
    Officials,
    Prefixes,
    copy_groups_agg,
    frequencies_body,
    group_queries,
    idf_from,
    request_body,
    scored_terms,
    sort_for,
    stories,
)
from search.retrieval.opensearch_terms import OpenSearchTerms
from search.retrieval.postings import LRU
from search.retrieval.timeline import timeline

log = logging.getLogger(__name__)

# A request a node failed is tried again this many times, waiting longer each time.
RETRIES = 4
RETRY_PAUSE = 0.5
# The term frequencies of a query's idf ratios are read once in this many seconds (they move
# slowly; they weigh scores only, never what matches or counts).
FREQUENCIES_SECONDS = 60.0
FREQUENCIES_KEPT = 4096
# Pages are ranked with global term statistics: two shards score as one index.
RANKED = "dfs_query_then_fetch"
# A page that ends inside this many stories is one request collapsing copies on `story` with
# from/size (OpenSearch's default `index.max_result_window`); a deeper one is walked with
# `search_after`, this many articles a request (at most the index's result window).
COLLAPSE_WINDOW = 10_000
WALK_BATCH = 1_000
WALK_PREFERENCE = "cari-walk"
# At most this many articles of the copy groups on one page are listed as their copies.
MAX_COPIES = 1000
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
    "copy_group",
]
COPY_FIELDS = ["id", "title", "date", "source", "copy_group"]


class MissingIndexError(store.IndexMissingError):
    """No index behind the alias yet."""


@dataclasses.dataclass(frozen=True)
class _KnownNames:
    """The names an index's facets and filters know, read once per index content."""

    officials: dict[str, str]  # lower-cased -> the name it goes under
    sources: list[str]
    speakers: dict[str, str]  # lower-cased -> as spelled
    variants: dict[str, str]  # an official's variant -> the name it goes under
    merged: dict[str, tuple[str, ...]]  # a name variants go under -> it and its variants
    said_variants: dict[str, str]  # the same for the people quoted (speaker_variants)
    said_merged: dict[str, tuple[str, ...]]


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
        self._names: tuple[tuple[str, int], _KnownNames] | None = None
        self._reading = threading.local()  # the content key of this thread's search
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
        kwargs.setdefault("index", self.alias)
        for attempt in range(RETRIES + 1):
            last = attempt == RETRIES
            with opensearch_index.cluster_errors(self.settings):
                try:
                    return getattr(self.client, method)(**kwargs)
                except NotFoundError as exc:
                    # A search in flight while a rebuild deleted the old index: again on the
                    # alias, which now points at the new one.
                    if not last and opensearch_index.live_index(self.client, kwargs["index"]):
                        continue
                    raise MissingIndexError(
                        gettext(
                            "no index %(alias)s on %(url)s: run `cari build` with the same"
                            " --engine and --opensearch-url",
                            alias=repr(kwargs["index"]),
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

    @contextlib.contextmanager
    def _one_content(self) -> Iterator[None]:
        """Within it, this thread reads the content key once: a search's sub-requests (its
        names, variants, results cache) all take the index as it was when it began."""
        if getattr(self._reading, "key", None) is not None:
            yield
            return
        self._reading.key = self._read_content_key()
        try:
            yield
        finally:
            self._reading.key = None

    def _content_key(self) -> tuple[str, int]:
        """The content key of this thread's search (`_one_content`), or read anew."""
        key = getattr(self._reading, "key", None)
        return key if key is not None else self._read_content_key()

    def _read_content_key(self) -> tuple[str, int]:
        """Which index and how much of it: (the index behind the alias, highest seq,
        articles). Changes with every build, update and removal."""
        body = {"size": 0, "aggs": {"seq": {"max": {"field": "seq"}}}, "track_total_hits": True}
        found = self._call("search", body=body)
        index = opensearch_index.live_index(self.client, self.alias) or ""
        seq = int(found["aggregations"]["seq"]["value"] or 0)
        return (f"{index}:{seq}", int(found["hits"]["total"]["value"]))

    def _known_names(self) -> _KnownNames:
        """Every official and person quoted and every source the index names, with the
        officials' variants, read once per index content."""
        key = self._content_key()
        with self._names_lock:
            if self._names is not None and self._names[0] == key:
                return self._names[1]
        body = {
            "size": 0,
            "aggs": {
                "officials": {"terms": {"field": "officials", "size": FACET_SIZE}},
                "sources": {"terms": {"field": "source", "size": FACET_SIZE}},
                "said": {"terms": {"field": "said", "size": FACET_SIZE}},
            },
        }
        found = self._call("search", body=body)["aggregations"]
        counts = {b["key"]: int(b["doc_count"]) for b in found["officials"]["buckets"]}
        # as the embedded engine's facet table has them
        officials_of = cache(self._officials_of)
        variants = canonical_names(
            counts,
            lambda name: roles_given(name, officials_of(name)),
            lambda name: named_beside(name, officials_of(name)),
        )
        officials = lower_spellings(sorted(counts), variants)
        sources = sorted(b["key"] for b in found["sources"]["buckets"])
        said_counts = {b["key"]: int(b["doc_count"]) for b in found["said"]["buckets"]}
        speakers = sorted(said_counts)
        merged = {name: with_variants((name,), variants) for name in set(variants.values())}
        # as the embedded engine's facet table merges them
        said_variants = speaker_variants(said_counts, variants)
        said_merged = {
            name: with_variants((name,), said_variants) for name in set(said_variants.values())
        }
        names = _KnownNames(
            officials,
            sources,
            lower_spellings(speakers, said_variants),
            variants,
            merged,
            said_variants,
            said_merged,
        )
        with self._names_lock:
            self._names = (key, names)
        return names

    def _officials_of(self, name: str) -> list[list[tuple[str, str]]]:
        """The (name, role) pairs of officials of the first articles naming an official
        (ROLE_SAMPLE), by article."""
        body = {
            "size": ROLE_SAMPLE,
            "query": {"term": {"officials": name}},
            "sort": [{"id": "asc"}],
            "_source": ["official_roles"],
        }
        hits = self._call("search", body=body)["hits"]["hits"]
        return [
            [(n, role) for n, role in json.loads(hit["_source"].get("official_roles") or "[]")]
            for hit in hits
        ]

    # -- resolving user input ---------------------------------------------------------------

    def official_names(self) -> list[str]:
        return sorted(set(self._known_names().officials.values()))

    def resolve_officials(self, names: tuple[str, ...]) -> tuple[str, ...]:
        if not names:
            return ()
        known = self._known_names().officials
        return resolving.resolve_people(names, known, "official", partial=False)

    def resolve_speakers(self, names: tuple[str, ...]) -> tuple[str, ...]:
        if not names:
            return ()
        return resolving.resolve_people(names, self._speakers(), "said", partial=True)

    def _speakers(self) -> dict[str, str]:
        """Every person the index quotes, lower-cased -> as spelled in the index."""
        return self._known_names().speakers

    def resolve_sources(self, names: tuple[str, ...]) -> tuple[str, ...]:
        if not names:
            return ()
        return resolving.resolve_sources(self._known_names().sources, names)

    def plan(self, request: SearchRequest) -> tuple[QueryPlan, SearchRequest]:
        """As SearchEngine.plan: the last word completed while it is typed."""
        with self._one_content():
            plan, request = resolving.plan_request(self, request)
            if request.complete:
                plan = complete_last_word(self._terms(), plan)
            return plan, request

    def relaxations(self, request: SearchRequest) -> list[Relaxation]:
        with self._one_content():
            return resolving.relaxations(self, request)

    def marking(self, query: str, *, complete: bool = False) -> QueryPlan:
        """As SearchEngine.marking."""
        plan = parse_query(query)
        if not plan.has_prefixes and not complete:
            return plan
        terms = self._terms()
        plan = complete_last_word(terms, plan) if complete else plan
        return expand_prefixes(terms, plan)

    def _terms(self) -> OpenSearchTerms:
        """A search's view of the index's lexicon."""
        index = lexicon_name(self.alias)
        return OpenSearchTerms(lambda method, **kwargs: self._call(method, index=index, **kwargs))

    # -- searching -------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        with self._one_content():
            if self._results is None:
                return self._search(request, started)
            key = (request, self._content_key())
            found = self._results.get(key)
            if found is None:
                found = self._search(request, started)
                self._results.put(key, found)
                return found
        return SearchResult(**{**found.__dict__, "seconds": time.perf_counter() - started})

    def _officials(self, named: list[tuple[str, list[Word]]]) -> Officials:
        """The officials some of a plan's words name (`QueryPlan.officials`,
        `QueryPlan.excluded_officials`), with their spelling in the index."""
        if not named:
            return []
        known = self._known_names().officials
        return [(words, known.get(name.lower())) for name, words in named]

    def _bodies(
        self,
        plan: QueryPlan,
        request: SearchRequest,
        terms: OpenSearchTerms,
        idf: Idf | None = None,
        officials: Officials | None = None,
    ) -> tuple[dict[str, Any], dict[str, Any] | None, list[str]]:
        """The request for the articles with all the words (with the facets: of every match
        with `request.partial`; and the copy groups among them), the query of those with
        some (None when every match has all the words; facet filters applied, each group a
        named query), and the groups' labels."""
        if officials is None:
            officials = self._officials(plan.officials)
        known = self._known_names()
        if request.officials:  # an official filtered by with their variants
            names = with_variants(request.officials, known.variants)
            request = dataclasses.replace(request, officials=names)
        if request.said:  # and a person quoted
            request = dataclasses.replace(
                request, said=with_variants(request.said, known.said_variants)
            )
        body = request_body(
            plan,
            request,
            idf,
            officials,
            _prefixes(plan, terms),
            known.merged,
            known.said_merged,
            self._officials(plan.excluded_officials),
        )
        groups = group_queries(plan, officials)
        partial = None
        if groups:
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
        body["aggs"]["stories"] = copy_groups_agg(body.get("post_filter"))
        return body, partial, [label for label, _ in groups]

    def _page(self, body: dict[str, Any], start: int, size: int) -> dict[str, Any]:
        """The answer to `body` with the stories from the `start`th (each the best-ranked of
        its copies), `size` of them: collapsed on `story` by OpenSearch for a page inside
        COLLAPSE_WINDOW, walked with `search_after` past it (`_stories_after`)."""
        if start + size <= COLLAPSE_WINDOW:
            body = {**body, "size": size, "from": start, "collapse": {"field": "story"}}
            return self._call("search", body=body, search_type=RANKED)
        found = self._call("search", body={**body, "size": 0})
        found["hits"]["hits"] = self._stories_after(body, start, size)
        return found

    def _stories_after(self, body: dict[str, Any], start: int, size: int) -> list[dict]:
        """The hits of the stories from the `start`th, `size` of them, found by walking the
        ranked articles WALK_BATCH at a time with `search_after` (their order ends with the
        article id, so it is total) and keeping each story's first article, as `collapse`
        keeps its best-ranked (OpenSearch 2.x refuses `collapse` with `search_after`). Only
        the page's articles are read whole."""
        walk = {
            "query": body["query"],
            "sort": body["sort"],
            "size": WALK_BATCH,
            "_source": False,
            "docvalue_fields": ["story"],
            "track_total_hits": False,
        }
        if "post_filter" in body:
            walk["post_filter"] = body["post_filter"]
        seen: set[str] = set()
        page: list[dict[str, Any]] = []
        while len(page) < size:
            # The same copy of each shard for every step, so scores do not move between them.
            params = {"preference": WALK_PREFERENCE}
            found = self._call("search", body=walk, search_type=RANKED, params=params)
            hits = found["hits"]["hits"]
            for hit in hits:
                story = hit["fields"]["story"][0]
                if story in seen:
                    continue
                seen.add(story)
                if len(seen) > start:
                    page.append(hit)
                    if len(page) == size:
                        break
            if len(hits) < WALK_BATCH:
                break
            walk["search_after"] = hits[-1]["sort"]
        if page:
            ids = [h["_id"] for h in page]
            read = {"query": {"ids": {"values": ids}}, "_source": body["_source"], "size": size}
            found = self._call("search", body=read)
            sources = {h["_id"]: h["_source"] for h in found["hits"]["hits"]}
            # An article an update removed between the walk and the read is left out.
            page = [h for h in page if h["_id"] in sources]
            for hit in page:
                hit["_source"] = sources[hit["_id"]]
        return page

    def _search(self, request: SearchRequest, started: float) -> SearchResult:
        asked = request
        plan, request = self.plan(request)
        plan.notes.extend(resolving.namesake_notes(self, asked, plan, request, self._speakers))
        terms = self._terms()
        plan = expand_prefixes(terms, plan)
        officials = self._officials(plan.officials)
        idf = self._idf(plan, request, officials)
        body, partial, labels = self._bodies(plan, request, terms, idf, officials)
        sort = sort_for(request, plan)
        body["sort"] = sort
        body["_source"] = SOURCE_FIELDS
        start = (request.page - 1) * request.page_size
        found = self._page(body, start, request.page_size)
        total = int(found["hits"]["total"]["value"])
        aggs = found["aggregations"]
        known = self._known_names()
        variants = known.variants
        total_stories = stories(total, aggs["stories"])
        rows = [(h, []) for h in found["hits"]["hits"]]
        total_partial = partial_stories = 0
        if partial is not None:
            wanted = request.page_size - len(rows)
            # A story with all the words in one copy is listed there, not again here.
            shown = {b["key"] for b in aggs["stories"]["groups"]["buckets"]}
            some = {
                "query": partial,
                "sort": sort,
                "_source": SOURCE_FIELDS,
                "track_total_hits": True,
                "aggs": {"found": {"filter": MATCH_ALL}, "stories": copy_groups_agg()},
            }
            if shown:
                some["post_filter"] = {
                    "bool": {"must_not": [{"terms": {"copy_group": sorted(shown)}}]}
                }
            more = self._page(some, max(0, start - total_stories) if wanted else 0, wanted)
            total_partial = int(more["aggregations"]["found"]["doc_count"])
            listed = int(more["hits"]["total"]["value"])
            partial_stories = stories(listed, more["aggregations"]["stories"], shown)
            for h in more["hits"]["hits"][:wanted]:
                matched = set(h.get("matched_queries") or [])
                missing = [x for i, x in enumerate(labels) if f"group{i}" not in matched]
                rows.append((h, missing))
        found_stories = total_stories + partial_stories
        if found_stories:
            last = last_page(found_stories, request.page_size)
            if request.page > last:
                raise RequestError(
                    gettext(
                        "page %(page)s is past the last page (%(last)s) of the %(total)s results",
                        page=request.page,
                        last=last,
                        total=format_number(found_stories),
                    )
                )
        copies = self._copies([h["_source"] for h, _ in rows])
        # the quotes of every spelling of a person quoted, as the embedded engine's snippets
        said_names = with_variants(request.said, known.said_variants) if request.said else ()
        hits = [
            hit_from_fields(
                h["_source"],
                float(h.get("_score") or 0.0),
                plan,
                said_names,
                missing,
                copies.get(h["_source"]["id"], []),
            )
            for h, missing in rows
        ]
        if variants:
            officials = _merged_names(aggs["officials"], request.officials, request, variants)
        else:
            officials = _ranked(aggs["officials"], request.officials)
        sources = _ranked(aggs["sources"], request.sources)
        if known.said_variants:
            said = _merged_names(aggs["said"], request.said, request, known.said_variants)
        else:
            said = _ranked(aggs["said"], request.said)
        suggestion = None
        if time.perf_counter() - started < config.EXTRAS_BUDGET_SECONDS:
            last = plan.units[-1].words if request.complete and plan.units else []
            unfinished = last[-1].exact if last else None
            terms.prefetch(SUGGEST_FIELD, (w.exact for w in plan.content_words()))
            suggestion = suggest(terms, request.query, plan, unfinished=unfinished)
            suggestion = resolving.offered_suggestion(suggestion, request, total, self.count)
        result = SearchResult(
            request=request,
            total=total,
            total_partial=total_partial,
            hits=hits,
            official_counts=officials[0],
            source_counts=sources[0],
            said_counts=said[0],
            timeline=_timeline(aggs["timeline"], request),
            facet_totals={"officials": officials[1], "sources": sources[1], "said": said[1]},
            notes=list(plan.notes),
            suggestion=suggestion,
            seconds=time.perf_counter() - started,
            total_stories=total_stories if total else 0,
            found_stories=found_stories if total + total_partial else 0,
        )
        return resolving.corrected(result, lambda r: self._search(r, started)) or result

    def _copies(self, shown: list[dict[str, Any]]) -> dict[str, list[Copy]]:
        """Article id -> the other copies of its story, oldest first, for the articles
        `shown` (their stored fields)."""
        keys = sorted({f["copy_group"] for f in shown if f.get("copy_group")})
        if not keys:
            return {}
        body = {
            "query": {"terms": {"copy_group": keys}},
            "_source": COPY_FIELDS,
            "size": MAX_COPIES,
        }
        members: dict[str, list[dict[str, Any]]] = {}
        for hit in self._call("search", body=body)["hits"]["hits"]:
            members.setdefault(hit["_source"]["copy_group"], []).append(hit["_source"])
        return {
            f["id"]: copies_of([m for m in members.get(f["copy_group"], []) if m["id"] != f["id"]])
            for f in shown
            if f.get("copy_group")
        }

    def _idf(self, plan: QueryPlan, request: SearchRequest, officials: Officials) -> Idf | None:
        """The plan's terms' idf ratios (one request), for a search ranked by relevance."""
        if request.sort != "relevance" or plan.is_empty:
            return None
        terms = scored_terms(plan, officials)
        if not terms:
            return None
        key = frozenset(terms)
        kept = self._frequencies.get(key)
        if kept is not None and time.monotonic() - kept[0] < FREQUENCIES_SECONDS:
            return kept[1]
        idf = idf_from(terms, self._call("search", body=frequencies_body(terms)))
        self._frequencies.put(key, (time.monotonic(), idf))
        return idf

    @contextlib.contextmanager
    def pinned(self) -> Iterator[contextlib.nullcontext[None]]:
        """Nothing held: each search reads the index as it is then (a cluster's point-in-time
        search is not used), so an export's later pages follow an update landing meanwhile."""
        yield contextlib.nullcontext()

    def copy_hits(self, request: SearchRequest, hits: list[Hit]) -> dict[str, list[Hit]]:
        """As SearchEngine.copy_hits: the copies of each hit's story the request finds, read
        with the request's own queries (all the words, then some) among their ids."""
        ids = [c.id for hit in hits for c in hit.copies]
        if not ids:
            return {}
        with self._one_content():
            plan, request = self.plan(request)
            terms = self._terms()
            plan = expand_prefixes(terms, plan)
            body, partial, labels = self._bodies(plan, request, terms)
            among = {"ids": {"values": ids}}
            every = [body["post_filter"]] if "post_filter" in body else []
            whole = {"bool": {"must": [body["query"]], "filter": [among, *every]}}
            rows: dict[str, tuple[dict[str, Any], list[str]]] = {}
            for h in self._copy_rows(whole, len(ids)):
                rows[h["_source"]["id"]] = (h["_source"], [])
            if partial is not None:
                for h in self._copy_rows(
                    {"bool": {"must": [partial], "filter": [among]}}, len(ids)
                ):
                    matched = set(h.get("matched_queries") or [])
                    missing = [x for i, x in enumerate(labels) if f"group{i}" not in matched]
                    rows.setdefault(h["_source"]["id"], (h["_source"], missing))
            known = self._known_names()
            said = with_variants(request.said, known.said_variants) if request.said else ()
        found = {
            hit.id: [
                hit_from_fields(rows[c.id][0], 0.0, plan, said, rows[c.id][1])
                for c in hit.copies
                if c.id in rows
            ]
            for hit in hits
        }
        return {k: v for k, v in found.items() if v}

    def _copy_rows(self, query: dict[str, Any], size: int) -> list[dict[str, Any]]:
        body = {"query": query, "_source": SOURCE_FIELDS, "size": size}
        return self._call("search", body=body)["hits"]["hits"]

    def count(self, request: SearchRequest) -> int:
        """How many articles a request matches with all the words."""
        with self._one_content():
            plan, request = self.plan(request)
            body, _, _ = self._bodies(plan, request, self._terms())
        return self._count(body)

    def found(self, request: SearchRequest) -> int:
        """How many results a request lists: with all the words, then with some."""
        with self._one_content():
            plan, request = self.plan(request)
            body, partial, _ = self._bodies(plan, request, self._terms())
        return self._count(body) + (self._count({"query": partial}) if partial else 0)

    def _count(self, body: dict[str, Any]) -> int:
        query = body["query"]
        if "post_filter" in body:
            query = {"bool": {"must": [query], "filter": [body["post_filter"]]}}
        return int(self._call("count", body={"query": query})["count"])

    def article(self, article_id: str) -> ArticleView | None:
        body = {"query": {"term": {"id": article_id}}, "_source": SOURCE_FIELDS, "size": 1}
        hits = self._call("search", body=body)["hits"]["hits"]
        if not hits:
            return None
        fields = hits[0]["_source"]
        return article_from_fields(fields, self._copies([fields]).get(article_id, []))

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

    def newest_day(self) -> dt.date | None:
        """The day of the newest article dated to a day (None: none is)."""
        body = {
            "size": 0,
            "query": {"term": {"precision_code": PRECISIONS.index("day")}},
            "aggs": {"newest": {"max": {"field": "date_start"}}},
        }
        newest = self._call("search", body=body)["aggregations"]["newest"]["value"]
        return from_int(int(newest)) if newest else None

    def latest_indexed_at(self) -> float:
        body = {"size": 0, "aggs": {"t": {"max": {"field": "indexed_at"}}}}
        return float(self._call("search", body=body)["aggregations"]["t"]["value"] or 0.0)


def _merged_buckets(found: dict[str, Any]) -> list[tuple[str, int]]:
    """(official some variants go under, articles with any of them) from the facet."""
    buckets = found.get("merged", {}).get("buckets", {})
    return [(name, int(b["doc_count"])) for name, b in buckets.items()]


def _merged_names(
    facet: dict[str, Any],
    chosen: tuple[str, ...],
    request: SearchRequest,
    variants: dict[str, str],
) -> tuple[list[tuple[str, int]], int]:
    """The officials (or people quoted) facet with each variant under the name it goes
    under, as search.retrieval.facets lists it: the facet_size most frequent, the `chosen`
    names after them, and how many names it has. The facet counted the facet_size most
    frequent names in no variant group (`names`), every name of the groups (`members`) and
    each group's articles (`merged`): enough for the facet_size first of the merged list."""
    plain = [(b["key"], int(b["doc_count"])) for b in facet["names"]["buckets"]]
    members = [(b["key"], int(b["doc_count"])) for b in facet["members"]["buckets"]]
    picked = {b["key"]: int(b["doc_count"]) for b in facet.get("picked", {}).get("buckets", [])}
    counted = {name for name, _ in plain + members}
    others = [(name, picked.get(name, 0)) for name in chosen if name not in counted]
    every = merged_counts(plain + members + others, variants, _merged_buckets(facet))
    every.sort(key=lambda pair: (-pair[1], pair[0]))
    top = [pair for pair in every if pair[1]][: request.facet_size]
    shown = {name for name, _ in top}
    extra = [pair for pair in every if pair[0] in chosen and pair[0] not in shown]
    # names with articles: those in no group (every name counted but the groups'), and the
    # groups with any; then the chosen names with none, listed all the same
    groups = set(variants.values())
    named = int(facet["entries"]["value"]) - sum(1 for _, n in members if n)
    named += sum(1 for name, n in every if n and name in groups)
    return top + extra, named + sum(1 for _, n in extra if not n)


def _ranked(facet: dict[str, Any], chosen: tuple[str, ...]) -> tuple[list[tuple[str, int]], int]:
    """The facet's most frequent names as (name, count), most first, then by name, the chosen
    names always listed (after those, 0 if need be), and how many names it has in all, as
    search.retrieval.facets lists them."""
    pairs = [(b["key"], int(b["doc_count"])) for b in facet["names"]["buckets"] if b["doc_count"]]
    named = int(facet["entries"]["value"])
    listed = {name for name, _ in pairs}
    picked = {b["key"]: int(b["doc_count"]) for b in facet.get("picked", {}).get("buckets", [])}
    extra = [(name, picked.get(name, 0)) for name in chosen if name not in listed]
    extra.sort(key=lambda pair: (-pair[1], pair[0]))
    return pairs + extra, named + sum(1 for _, n in extra if not n)


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


def _prefixes(plan: QueryPlan, terms: OpenSearchTerms) -> Prefixes | None:
    """The words each of the plan's prefixes matches in each exact field (the most frequent,
    as the embedded engine's matching takes them)."""
    if not (plan.has_prefixes or plan.excluded_prefixes):
        return None
    wanted = [
        (f, p)
        for p, title in plan.typed_prefixes()
        for f in (PREFIX_FIELDS[:1] if title else PREFIX_FIELDS)
    ]
    wanted += [(f, p) for p in plan.excluded_prefixes for f in PREFIX_FIELDS]
    return {(f, p): terms.prefix_terms(f, p) for f, p in wanted}
