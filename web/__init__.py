"""The Flask front end: `create_app(config)` builds an app over one index folder."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from flask import Flask, g, request

from search import config as cari_config
from search.config import EXPORTS_AT_ONCE, RESULT_CACHE, engine_settings
from search.retrieval.engines import open_engine

log = logging.getLogger("cari.web")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """App factory. Config keys: INDEX_DIR (default $CARI_INDEX_DIR or ./index),
    QUERIES_FILE (the saved searches, shared with `cari saved`; default $CARI_QUERIES or
    ./queries.toml), RESULT_CACHE (searches whose results are kept for repeats; 0: none),
    ENGINE (a search.config.EngineSettings; default from $CARI_ENGINE and
    $CARI_OPENSEARCH_URL), EXPORTS_AT_ONCE (exports written at once; more are a 503),
    BASE_URL (the address feeds link to; default $CARI_BASE_URL, else the request's host)."""
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=str(cari_config.index_dir()),
        QUERIES_FILE=str(cari_config.queries_file()),
        DEBUG=False,
    )
    if test_config:
        app.config.from_mapping(test_config)
    # the links of Atom feeds: a configured address, not whatever the Host header says
    app.config["BASE_URL"] = cari_config.base_url(app.config.get("BASE_URL"))
    app.extensions["cari_exports"] = threading.BoundedSemaphore(
        app.config.get("EXPORTS_AT_ONCE", EXPORTS_AT_ONCE)
    )
    app.extensions["cari_engine"] = open_engine(
        app.config["INDEX_DIR"],
        app.config.get("ENGINE") or engine_settings(),
        cache_size=app.config.get("RESULT_CACHE", RESULT_CACHE),
    )

    from web import csrf, language, templating, views

    app.register_blueprint(views.bp)
    language.init_app(app)
    csrf.init_app(app)
    templating.init_app(app)

    @app.before_request
    def _start_timer() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def _headers_and_log(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        log.info(
            "%s %s %d %.1fms",
            request.method,
            views.logged_path(),
            response.status_code,
            elapsed,
        )
        return response

    return app
