"""The search engine boundary: what the CLI, the web app and saved queries use of an engine,
and `open_engine`, which picks the embedded Whoosh index (the default) or an OpenSearch
cluster (`search.config.engine_settings`: $CARI_ENGINE, $CARI_OPENSEARCH_URL, or the CLI's
--engine and --opensearch-url). Nothing above this module knows which one runs."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from search.config import RESULT_CACHE, EngineSettings, engine_settings
from search.model import ArticleView, Hit, SearchRequest, SearchResult
from search.query.plan import QueryPlan
from search.query.relaxation import Relaxation


class Engine(Protocol):
    """A SearchRequest gives a SearchResult; the rest serves pages, filters and saved queries."""

    def search(self, request: SearchRequest) -> SearchResult: ...
    # The copies of a page's stories that the request finds too (an export's rows).
    def copy_hits(self, request: SearchRequest, hits: list[Hit]) -> dict[str, list[Hit]]: ...
    # One version of the index held until the block ends: `with pin:` makes the searches of
    # the thread inside read it (an export's pages).
    def pinned(self) -> AbstractContextManager[AbstractContextManager[Any]]: ...
    def count(self, request: SearchRequest) -> int: ...
    def relaxations(self, request: SearchRequest) -> list[Relaxation]: ...
    def plan(self, request: SearchRequest) -> tuple[QueryPlan, SearchRequest]: ...
    def article(self, article_id: str) -> ArticleView | None: ...
    def marking(self, query: str, *, complete: bool = False) -> QueryPlan: ...
    def official_names(self) -> list[str]: ...
    def resolve_officials(self, names: tuple[str, ...]) -> tuple[str, ...]: ...
    def resolve_speakers(self, names: tuple[str, ...]) -> tuple[str, ...]: ...
    def resolve_sources(self, names: tuple[str, ...]) -> tuple[str, ...]: ...
    def warm(self) -> None: ...
    def close(self) -> None: ...
    # What saved queries read: the index's build metadata, where their state is kept, and
    # the newest indexed_at visible now (--new).
    def describe(self) -> str: ...
    def meta(self) -> dict[str, Any]: ...
    def latest_indexed_at(self) -> float: ...
    # The day of the newest article dated to a day (None: none is): an archive's "today".
    def newest_day(self) -> dt.date | None: ...
    @property
    def state_dir(self) -> Path: ...


def open_engine(
    index_dir: str | os.PathLike[str],
    settings: EngineSettings | None = None,
    *,
    cache_size: int = RESULT_CACHE,
) -> Engine:
    """The engine `settings` name (default: from the environment). `index_dir` is the
    embedded index's folder, and for OpenSearch where saved queries keep their state."""
    settings = settings or engine_settings()
    if settings.is_opensearch:
        from search.retrieval.opensearch_engine import OpenSearchEngine

        return OpenSearchEngine(settings, Path(index_dir), cache_size=cache_size)
    from search.retrieval.engine import SearchEngine

    return SearchEngine(Path(index_dir), cache_size=cache_size)
