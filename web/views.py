"""Routes: they parse the URL into a SearchRequest, call the library and render. No logic here."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import HTTPException

from search.config import SORTS, EngineUnavailableError
from search.indexing.store import IndexMissingError
from search.model import RequestError, SearchRequest
from search.retrieval.engines import Engine
from search.retrieval.snippets import highlight_all
from web.params import request_from_params, with_typed_filters_moved

bp = Blueprint("cari", __name__)

# No index yet, or its cluster cannot be reached: the service is unavailable (503).
UNAVAILABLE = (IndexMissingError, EngineUnavailableError)


def _engine() -> Engine:
    return current_app.extensions["cari_engine"]


def _parse() -> SearchRequest:
    return request_from_params(request.args.get, request.args.getlist)


@bp.route("/")
def search_page():
    args = request.args
    moved = with_typed_filters_moved(args.to_dict(flat=False))
    if moved is not None:
        return redirect(f"{url_for('cari.search_page')}?{urlencode(moved, doseq=True)}")
    has_search = any(
        args.get(k) for k in ("q", "official", "source", "said", "from", "to", "undated", "sort")
    )
    page = {"args": args, "sorts": SORTS, "result": None, "error": None, "relaxations": []}
    try:
        search_request = _parse()
        if has_search:
            page["result"] = result = _engine().search(search_request)
            if not result.total:
                page["relaxations"] = _engine().relaxations(result.request)
    except RequestError as exc:
        return render_template("search.html", **{**page, "error": str(exc)}), 400
    except UNAVAILABLE as exc:
        return render_template("search.html", **{**page, "error": str(exc)}), 503
    return render_template("search.html", **page)


@bp.route("/articles/<article_id>")
def article_page(article_id: str):
    try:
        article = _engine().article(article_id)
        parsed = _engine().marking(request.args.get("q", ""))
    except UNAVAILABLE:
        abort(503)
    if article is None:
        abort(404)
    marking = (parsed.stems(), parsed.exact_forms(), parsed.marked_runs())
    return render_template(
        "article.html",
        article=article,
        title_html=highlight_all(article.title, *marking),
        body_html=highlight_all(article.body, *marking, quotes=article.quotes),
        args=request.args,
    )


@bp.route("/api/search")
def api_search():
    try:
        result = _engine().search(_parse())
    except RequestError as exc:
        return jsonify(error=str(exc), status=400), 400
    except UNAVAILABLE as exc:
        return jsonify(error=str(exc), status=503), 503
    return jsonify(result.to_json())


@bp.route("/api/articles/<article_id>")
def api_article(article_id: str):
    try:
        article = _engine().article(article_id)
    except UNAVAILABLE as exc:
        return jsonify(error=str(exc), status=503), 503
    if article is None:
        return jsonify(error=f"no article with id '{article_id}'", status=404), 404
    return jsonify(article.to_json())


@bp.app_errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    if request.path.startswith("/api/"):
        return jsonify(error=exc.description, status=exc.code), exc.code
    return render_template("error.html", code=exc.code, message=exc.description), exc.code


@bp.app_errorhandler(Exception)
def _unexpected(exc: Exception):
    current_app.logger.exception("unexpected error on %s", request.full_path)
    if request.path.startswith("/api/"):
        return jsonify(error="internal error", status=500), 500
    return render_template("error.html", code=500, message="Something went wrong on our side."), 500
