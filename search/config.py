"""Defaults in one place, overridable by environment variables and CLI flags."""

from __future__ import annotations

import os
from pathlib import Path

SEEDS_ENV = "CARI_SEEDS_DIR"
INDEX_ENV = "CARI_INDEX_DIR"
QUERIES_ENV = "CARI_QUERIES"

DEFAULT_SEEDS_DIR = "seeds"
DEFAULT_INDEX_DIR = "index"
DEFAULT_QUERIES_FILE = "queries.toml"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_PAGE_SIZE = 10
SORTS = ("relevance", "newest", "oldest")
# Results kept per search engine for repeated searches (each a page of hits and the facets).
RESULT_CACHE = 128

# Limits that keep hostile queries bounded (documented in docs/query-syntax.md).
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64
# A search's time budget for what only helps (a "did you mean", the relaxations offered when
# nothing matched): past it, a page goes without them rather than keep the user waiting.
EXTRAS_BUDGET_SECONDS = 2.0


def seeds_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The seeds folder: flag, else $CARI_SEEDS_DIR, else ./seeds."""
    return Path(override or os.environ.get(SEEDS_ENV) or DEFAULT_SEEDS_DIR)


def index_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The index folder: flag, else $CARI_INDEX_DIR, else ./index."""
    return Path(override or os.environ.get(INDEX_ENV) or DEFAULT_INDEX_DIR)


def queries_file(override: str | os.PathLike[str] | None = None) -> Path:
    """The saved queries file: flag, else $CARI_QUERIES, else ./queries.toml."""
    return Path(override or os.environ.get(QUERIES_ENV) or DEFAULT_QUERIES_FILE)
