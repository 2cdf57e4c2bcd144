"""Cari: full-text search for Indonesian news, who said what, and when.

The library is the product: the `cari` command (`search.cli`) and the Flask app (`web`) are
thin layers over it. Text flows through one stage per subpackage, and imports only point down
the stream:

                  search.text       the Indonesian analyzer (stems, glossary), read by every stage
    seeds         search.ingest     seed files (.txt pages, .jsonl records, .meta.toml sidecars)
    -> Article    search.ingest.extract   title, body, date, source and officials of a page
    -> index      search.indexing   build, update, watch; index generations and the write lock
    -> plan       search.query      what the user typed, parsed once (words, phrases, filters)
    -> matches    search.retrieval  postings, phrases, facets and the timeline
    -> hits       search.retrieval  BM25F ranking and snippets: a SearchResult
    -> renderers  search.cli, search.saved, web   terminal text, CSV, JSON and HTML

Types that cross stages live in `search.model`, defaults in `search.config`.

Public API (see docs/python-api.md):

    build(seeds_dir, index_dir, *, force=False, on_article=None) -> BuildReport
    update(seeds_dir, index_dir, *, force=False, dry_run=False, ...) -> UpdateReport
    SearchEngine(index_dir)          .search(SearchRequest) -> SearchResult, .article(id)
    open_engine(index_dir, EngineSettings | None) -> the embedded engine or OpenSearch's
    engine_settings(engine=None, url=None) -> EngineSettings (from $CARI_ENGINE, ...)
    SearchRequest, SearchResult, Hit, Copy, Timeline, ArticleView
    Article, ArticleDate, Official, Quote
    list_seeds(seeds_dir), read_articles(paths) -> Article | SeedProblem, ...
    extract_article(text, article_id, *, url=None) -> Extraction (.article)
    parse_query(text) -> QueryPlan   the query, parsed once; every consumer reads the plan
    SearchEngine.relaxations(request) -> [Relaxation]   ways out of an empty search
    parse_date_input(text, *, end=False) -> datetime.date
    load_queries(path), run_queries(engine, queries, *, new_only=False) -> [SavedRun]
    SavedQuery, SavedRun
    RequestError, BuildRefusedError, IndexMissingError, IndexBusyError, SeedError,
    SavedQueryError, DateInputError

The names are imported on first use, so `import search` (and the CLI) stays fast.
"""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the module that defines it (the same names as __all__ and the imports
# for type checkers below: tests/test_docs.py checks they agree).
_EXPORTS = {
    "build": "search.indexing.build",
    "BuildReport": "search.indexing.build",
    "BuildRefusedError": "search.indexing.build",
    "update": "search.indexing.update",
    "UpdateReport": "search.indexing.update",
    "IndexMissingError": "search.indexing.store",
    "IndexBusyError": "search.indexing.store",
    "SearchEngine": "search.retrieval.engine",
    "open_engine": "search.retrieval.engines",
    "EngineSettings": "search.config",
    "engine_settings": "search.config",
    "Article": "search.model",
    "ArticleDate": "search.model",
    "ArticleView": "search.model",
    "Copy": "search.model",
    "Hit": "search.model",
    "Official": "search.model",
    "Quote": "search.model",
    "RequestError": "search.model",
    "SearchRequest": "search.model",
    "SearchResult": "search.model",
    "Timeline": "search.model",
    "list_seeds": "search.ingest.seeds",
    "read_articles": "search.ingest.seeds",
    "SeedProblem": "search.ingest.seeds",
    "SeedError": "search.ingest.files",
    "extract_article": "search.ingest.extract",
    "parse_query": "search.query.plan",
    "QueryPlan": "search.query.plan",
    "Relaxation": "search.query.relaxation",
    "parse_date_input": "search.dates",
    "DateInputError": "search.dates",
    "load_queries": "search.saved.queries",
    "run_queries": "search.saved.queries",
    "SavedQuery": "search.saved.queries",
    "SavedRun": "search.saved.queries",
    "SavedQueryError": "search.saved.queries",
}

# A literal list (not sorted(_EXPORTS)): linters and type checkers read it as written.
__all__ = [
    "Article",
    "ArticleDate",
    "ArticleView",
    "BuildRefusedError",
    "BuildReport",
    "Copy",
    "DateInputError",
    "EngineSettings",
    "Hit",
    "IndexBusyError",
    "IndexMissingError",
    "Official",
    "QueryPlan",
    "Quote",
    "Relaxation",
    "RequestError",
    "SavedQuery",
    "SavedQueryError",
    "SavedRun",
    "SearchEngine",
    "SearchRequest",
    "SearchResult",
    "SeedError",
    "SeedProblem",
    "Timeline",
    "UpdateReport",
    "build",
    "engine_settings",
    "extract_article",
    "list_seeds",
    "load_queries",
    "open_engine",
    "parse_date_input",
    "parse_query",
    "read_articles",
    "run_queries",
    "update",
]

if TYPE_CHECKING:
    from search.config import EngineSettings, engine_settings
    from search.dates import DateInputError, parse_date_input
    from search.indexing.build import BuildRefusedError, BuildReport, build
    from search.indexing.store import IndexBusyError, IndexMissingError
    from search.indexing.update import UpdateReport, update
    from search.ingest.extract import extract_article
    from search.ingest.files import SeedError
    from search.ingest.seeds import SeedProblem, list_seeds, read_articles
    from search.model import (
        Article,
        ArticleDate,
        ArticleView,
        Copy,
        Hit,
        Official,
        Quote,
        RequestError,
        SearchRequest,
        SearchResult,
        Timeline,
    )
    from search.query.plan import QueryPlan, parse_query
    from search.query.relaxation import Relaxation
    from search.retrieval.engine import SearchEngine
    from search.retrieval.engines import open_engine
    from search.saved.queries import (
        SavedQuery,
        SavedQueryError,
        SavedRun,
        load_queries,
        run_queries,
    )


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'search' has no attribute {name!r}")
    value = getattr(_import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
