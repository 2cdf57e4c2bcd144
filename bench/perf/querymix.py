"""The fixed query mix (`bench/perf/queries.toml`) as web parameters, SearchRequests and URLs."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from search.model import RequestError, SearchRequest
from search.retrieval.engine import SearchEngine
from web.params import request_from_params

MIX = Path(__file__).resolve().parent / "queries.toml"


def load_mix() -> list[dict[str, Any]]:
    """Each query of the mix as a dict of web parameters (lists for repeatable ones)."""
    entries = tomllib.loads(MIX.read_text(encoding="utf-8"))["query"]
    return [{k: v for k, v in e.items()} for e in entries]


def to_request(params: dict[str, Any]) -> SearchRequest:
    def get(key: str) -> str | None:
        value = params.get(key)
        return None if value is None else str(value)

    def get_list(key: str) -> list[str]:
        value = params.get(key, [])
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    return request_from_params(get, get_list)


def to_query_string(params: dict[str, Any]) -> str:
    pairs = []
    for key, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            pairs.append((key, str(v)))
    return urlencode(pairs)


def label(params: dict[str, Any]) -> str:
    parts = [params.get("q", "") or "*"]
    parts += [f"{k}={v}" for k, v in params.items() if k != "q"]
    return " ".join(str(p) for p in parts)


def usable(
    engine: SearchEngine, mix: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The queries of the mix this index can answer (an official or source no article names,
    or a page past the last, is a user error, not a query; a short run's index is small):
    (usable entries, labels of the skipped ones)."""
    kept, skipped = [], []
    for params in mix:
        try:
            engine.search(to_request(params))
        except RequestError:
            skipped.append(label(params))
            continue
        kept.append(params)
    return kept, skipped
