"""The indexing boundary: a build (every seed into a new searchable generation, made live
atomically) and an update (only new, changed and removed articles) on the engine chosen by
`search.config.engine_settings`, the embedded index by default."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from search.config import EngineSettings, engine_settings
from search.indexing import store
from search.indexing.build import BuildReport
from search.indexing.update import UpdateReport
from search.ingest.kinds import SeedProblem
from search.model import Article

OnArticle = Callable[[Article | SeedProblem], None] | None


def build(
    seeds_dir: str | os.PathLike[str],
    index_dir: str | os.PathLike[str],
    settings: EngineSettings | None = None,
    *,
    force: bool = False,
    on_article: OnArticle = None,
) -> BuildReport:
    settings = settings or engine_settings()
    if settings.is_opensearch:
        from search.indexing import opensearch_index

        with opensearch_index.cluster_errors(settings):
            return opensearch_index.build(settings, seeds_dir, force=force, on_article=on_article)
    from search.indexing.build import build as build_embedded

    return build_embedded(seeds_dir, index_dir, force=force, on_article=on_article)


def update(
    seeds_dir: str | os.PathLike[str],
    index_dir: str | os.PathLike[str],
    settings: EngineSettings | None = None,
    *,
    force: bool = False,
    dry_run: bool = False,
    on_plan: Callable[[int], None] | None = None,
    on_article: OnArticle = None,
    lock_timeout: float = store.LOCK_WAIT_SECONDS,
) -> UpdateReport:
    settings = settings or engine_settings()
    if settings.is_opensearch:
        from search.indexing import opensearch_index

        with opensearch_index.cluster_errors(settings):
            return opensearch_index.update(
                settings,
                seeds_dir,
                force=force,
                dry_run=dry_run,
                on_plan=on_plan,
                on_article=on_article,
                lock_timeout=lock_timeout,
            )
    from search.indexing.update import update as update_embedded

    return update_embedded(
        Path(seeds_dir),
        Path(index_dir),
        force=force,
        dry_run=dry_run,
        on_plan=on_plan,
        on_article=on_article,
        lock_timeout=lock_timeout,
    )


def target(index_dir: str | os.PathLike[str], settings: EngineSettings | None = None) -> str:
    """Where a build or update writes, for messages: the index folder or the cluster's alias."""
    settings = settings or engine_settings()
    if settings.is_opensearch:
        return f"OpenSearch {settings.urls[0]} alias {settings.alias}"
    return f"{index_dir}/"
