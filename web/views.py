"""Routes: they parse the URL into a SearchRequest, call the library and render. No logic here."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from search.params import request_from_params
from search.query import parse_query
from search.searcher import SORTS, RequestError, SearchEngine, SearchRequest, format_date
from search.snippets import highlight_all
from search.store import IndexMissingError

bp = Blueprint("cari", __name__)


def _engine() -> SearchEngine:
    return current_app.extensions["cari_engine"]


def _parse() -> SearchRequest:
    return request_from_params(request.args.get, request.args.getlist)


@bp.app_template_global("url_with")
def _url_with(**changes: object) -> str:
    """The current search URL with some parameters changed (None removes one); page resets."""
    params = request.args.to_dict(flat=False)
    params.pop("page", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value if isinstance(value, list) else [str(value)]
    return url_for("cari.search_page", **params)


@bp.app_template_global("toggle_official")
def _toggle_official(name: str) -> str:
    selected = request.args.getlist("official")
    chosen = [o for o in selected if o != name] if name in selected else [*selected, name]
    return _url_with(official=chosen or None)


@bp.app_template_global("page_url")
def _page_url(page: int) -> str:
    params = request.args.to_dict(flat=False)
    params["page"] = [str(page)]
    return url_for("cari.search_page", **params)


@bp.app_template_filter("human_date")
def _human_date(iso: str | None) -> str:
    return format_date(iso)


@bp.route("/")
def search_page():
    args = request.args
    has_search = any(args.get(k) for k in ("q", "official", "source", "from", "to"))
    try:
        search_request = _parse()
        result = _engine().search(search_request) if has_search else None
    except RequestError as exc:
        return render_template(
            "search.html", error=str(exc), result=None, args=args, sorts=SORTS
        ), 400
    except IndexMissingError as exc:
        return render_template(
            "search.html", error=str(exc), result=None, args=args, sorts=SORTS
        ), 503
    return render_template("search.html", result=result, error=None, args=args, sorts=SORTS)


@bp.route("/articles/<article_id>")
def article_page(article_id: str):
    try:
        article = _engine().article(article_id)
    except IndexMissingError:
        abort(503)
    if article is None:
        abort(404)
    parsed = parse_query(request.args.get("q", ""))
    body_html = highlight_all(article.body, parsed.stems(), parsed.exact_forms())
    return render_template("article.html", article=article, body_html=body_html, args=request.args)


@bp.route("/api/search")
def api_search():
    try:
        result = _engine().search(_parse())
    except RequestError as exc:
        return jsonify(error=str(exc), status=400), 400
    except IndexMissingError as exc:
        return jsonify(error=str(exc), status=503), 503
    return jsonify(result.to_json())


@bp.route("/api/articles/<article_id>")
def api_article(article_id: str):
    try:
        article = _engine().article(article_id)
    except IndexMissingError as exc:
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
