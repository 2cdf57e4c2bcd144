"""Defaults in one place, overridable by environment variables and CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from search.i18n import gettext

SEEDS_ENV = "CARI_SEEDS_DIR"
INDEX_ENV = "CARI_INDEX_DIR"
QUERIES_ENV = "CARI_QUERIES"

DEFAULT_SEEDS_DIR = "seeds"
DEFAULT_INDEX_DIR = "index"
DEFAULT_QUERIES_FILE = "queries.toml"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_PAGE_SIZE = 10
# `cari serve`: seconds a client has to send a request's header block (its first line and
# headers), from its first byte; past it, the connection is closed.
DEFAULT_HEADER_TIMEOUT = 10
SORTS = ("relevance", "newest", "oldest")
# A facet (officials, sources, people quoted) lists its most frequent names, this many by
# default (what a page shows) and at most MAX_FACET_SIZE when a request asks for more.
DEFAULT_FACET_SIZE = 100
MAX_FACET_SIZE = 1000
# Results kept per search engine for repeated searches (each a page of hits and the facets).
RESULT_CACHE = 128
# Exports (up to 10,000 hits each) a server process writes at once; another asked meanwhile
# is told to try again, so that a flood of them leaves threads for searches.
EXPORTS_AT_ONCE = 2
# The saved searches the web page may add to the queries file, at most: anyone reaching the
# page may save one, and the page and every morning's `saved run --all` run them all.
MAX_WEB_SAVED = 50

# Limits that keep hostile queries bounded (documented in docs/query-syntax.md).
MAX_QUERY_CHARS = 1000
# How far a longer query is read for the filters typed after its cut (source:, official:,
# said:), which apply wherever they were typed.
MAX_TYPED_CHARS = 10 * MAX_QUERY_CHARS
MAX_QUERY_TERMS = 64
# A search's time budget for what only helps (a "did you mean", the relaxations offered when
# nothing matched): past it, a page goes without them rather than keep the user waiting.
EXTRAS_BUDGET_SECONDS = 2.0


# -- ranking (search.retrieval.ranking, and the OpenSearch query that mirrors it) -------------
# BM25F's constants (Whoosh's), for every field.
K1 = 1.2
B = 0.75
# The exact form typed scores this much more than another form of its root; articles with
# all the words score ALL_WORDS_BOOST times their word scores more, and with the words in
# order within NEAR_SLOP positions PHRASE_BOOST times more where they are one concept's (a
# long form, a compound: pinjaman online), NEAR_BOOST times more where they are several
# concepts' (sampah plastik: written together once, in passing, they say less).
EXACT_BOOST = 3.0
ALL_WORDS_BOOST = 2.0
PHRASE_BOOST = 2.0
NEAR_BOOST = 1.0
NEAR_SLOP = 3
# Articles whose title has every concept of the query score this many times their word
# scores more.
TITLE_WORDS_BOOST = 4.0
# An article tagged with an official the query names scores this many times the tag's idf,
# and SUBJECT_WEIGHT times more where the official's name is in the title or the lede (its
# first LEDE_WORDS words) and the article has every concept of the query.
TAGGED_WEIGHT = 0.3
SUBJECT_WEIGHT = 20.0
LEDE_WORDS = 40
# The words naming an official typed beside a topic (wiranto penusukan) score this share of
# a concept's score: the tag and the subject's bonus say the person is there, and the topic's
# words say which of the person's articles are about it.
NAMED_WEIGHT = 0.7
# An article with only other forms of a name's root scores at least this share of them.
MIN_STEM_ONLY_WEIGHT = 0.1
# A person's or place's name typed that the corpus writes capitalised inside sentences at least
# this share of the time (`capitalised_mined.tsv`) is found alone as written, not by the other
# words of its root (Ganjar, not *diganjar*: search.query.plan.written_as_name).
NAME_SHARE = 0.9
# A word typed alone that names a place or a person and is a common word too (a one-word
# place or short name capitalised in at most MAX_CASED_SHARE of its occurrences inside
# sentences: palu, sandi): an article that writes it (or another form of its root) but never
# capitalised inside a sentence (a gavel, a password) scores this share of its score
# (`QueryPlan.cased`).
MAX_CASED_SHARE = 0.95
LOWER_CASE_WEIGHT = 0.001
# The proximity bonus is computed for this many candidates beyond the page asked for.
NEAR_POOL = 200


def seeds_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The seeds folder: flag, else $CARI_SEEDS_DIR, else ./seeds."""
    return Path(override or os.environ.get(SEEDS_ENV) or DEFAULT_SEEDS_DIR)


def index_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The index folder: flag, else $CARI_INDEX_DIR, else ./index."""
    return Path(override or os.environ.get(INDEX_ENV) or DEFAULT_INDEX_DIR)


def queries_file(override: str | os.PathLike[str] | None = None) -> Path:
    """The saved queries file: flag, else $CARI_QUERIES, else ./queries.toml."""
    return Path(override or os.environ.get(QUERIES_ENV) or DEFAULT_QUERIES_FILE)


# The address the server is reached at, for the links of its Atom feeds (a feed reader follows
# them from elsewhere). Without it they name the host the request names (its Host header).
BASE_URL_ENV = "CARI_BASE_URL"


def base_url(override: str | None = None) -> str | None:
    """The server's public address: flag, else $CARI_BASE_URL, else None (the request's
    host). An http(s) URL with a host, maybe a path, no query: returned without its last
    slash. Raises ValueError saying what is wrong."""
    value = (override or os.environ.get(BASE_URL_ENV) or "").strip()
    if not value:
        return None
    try:
        parts = urlsplit(value)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 (raises for a port out of range)
    except ValueError:  # "http://[::1": no URL
        usable = False
    if not usable or any(c in "?#" or c.isspace() for c in value):
        raise ValueError(
            gettext(
                "base URL %(url)s: give the address users reach the server at, as"
                " https://host[:port][/path]",
                url=repr(value),
            )
        )
    return value.rstrip("/")


# -- which engine searches ----------------------------------------------------------------
# The embedded Whoosh index is the default; an OpenSearch cluster is chosen by environment
# variables or the CLI's --engine/--opensearch-url (docs/opensearch.md).
ENGINE_ENV = "CARI_ENGINE"
OPENSEARCH_URL_ENV = "CARI_OPENSEARCH_URL"
OPENSEARCH_USER_ENV = "CARI_OPENSEARCH_USER"
OPENSEARCH_PASSWORD_ENV = "CARI_OPENSEARCH_PASSWORD"
OPENSEARCH_CA_ENV = "CARI_OPENSEARCH_CA"
OPENSEARCH_INDEX_ENV = "CARI_OPENSEARCH_INDEX"
ENGINES = ("whoosh", "opensearch")
DEFAULT_OPENSEARCH_URL = "http://127.0.0.1:9200"
DEFAULT_OPENSEARCH_ALIAS = "cari"


@dataclass(frozen=True)
class EngineSettings:
    """Which engine serves searches and builds, and how to reach an OpenSearch cluster.
    `urls`: one or more node URLs (comma-separated in $CARI_OPENSEARCH_URL), user and
    password in them or given apart; `alias`: the name searches read (a build swaps it)."""

    engine: str = "whoosh"
    urls: tuple[str, ...] = (DEFAULT_OPENSEARCH_URL,)
    user: str | None = None
    password: str | None = None
    ca_file: str | None = None
    alias: str = DEFAULT_OPENSEARCH_ALIAS

    @property
    def is_opensearch(self) -> bool:
        return self.engine == "opensearch"


class EngineUnavailableError(Exception):
    """The search engine's cluster cannot be reached or refused a request (one line: what,
    where, what to do)."""


class EngineSettingsError(ValueError):
    """An engine name or OpenSearch URL that cannot be used."""


def engine_settings(engine: str | None = None, url: str | None = None) -> EngineSettings:
    """The engine to use: flags, else $CARI_ENGINE and $CARI_OPENSEARCH_URL (a URL given
    alone chooses OpenSearch), else the embedded Whoosh index."""
    env = os.environ
    url = url or env.get(OPENSEARCH_URL_ENV) or None
    name = (engine or env.get(ENGINE_ENV) or ("opensearch" if url else "whoosh")).lower()
    if name not in ENGINES:
        raise EngineSettingsError(
            gettext(
                "unknown engine %(name)s: use one of %(engines)s (--engine or $%(env)s)",
                name=repr(name),
                engines=", ".join(ENGINES),
                env=ENGINE_ENV,
            )
        )
    urls = tuple(u.strip() for u in (url or DEFAULT_OPENSEARCH_URL).split(",") if u.strip())
    for one in urls:
        if not one.startswith(("http://", "https://")):
            raise EngineSettingsError(
                gettext(
                    "OpenSearch URL %(url)s should start with http:// or https://"
                    " (--opensearch-url or $%(env)s)",
                    url=repr(one),
                    env=OPENSEARCH_URL_ENV,
                )
            )
        try:
            urlsplit(one).port  # noqa: B018 (read to check: a port past 65535 raises)
        except ValueError as exc:
            raise EngineSettingsError(
                gettext(
                    "OpenSearch URL %(url)s cannot be read: %(problem)s"
                    " (--opensearch-url or $%(env)s)",
                    url=repr(one),
                    problem=exc,
                    env=OPENSEARCH_URL_ENV,
                )
            ) from None
    return EngineSettings(
        engine=name,
        urls=urls,
        user=env.get(OPENSEARCH_USER_ENV) or None,
        password=env.get(OPENSEARCH_PASSWORD_ENV) or None,
        ca_file=env.get(OPENSEARCH_CA_ENV) or None,
        alias=env.get(OPENSEARCH_INDEX_ENV) or DEFAULT_OPENSEARCH_ALIAS,
    )
