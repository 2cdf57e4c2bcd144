"""Routes: they parse the URL into a SearchRequest, call the library and render. No logic here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from werkzeug.exceptions import HTTPException

from search.config import MAX_WEB_SAVED, SORTS, EngineUnavailableError
from search.dates import format_date, presets
from search.i18n import gettext
from search.indexing.store import IndexMissingError
from search.model import RequestError, SearchRequest, UnknownNameError
from search.retrieval.engines import Engine
from search.retrieval.profile import official_profile
from search.retrieval.snippets import highlight_all
from search.saved.formats import (
    atom_feed,
    export_filename,
    runs_csv,
    search_filters,
    stream_csv,
    stream_json,
)
from search.saved.queries import (
    EXPORT_LIMIT,
    SavedQuery,
    SavedQueryError,
    add_query,
    export_rows,
    find_query,
    load_queries,
    period_end,
    query_problem,
    run_query,
)
from web import csrf
from web.params import (
    check_known,
    flag,
    request_from_params,
    saved_params,
    saved_query_from_form,
    shown_id,
    with_typed_filters_moved,
)
from web.templating import as_sentence, other_filter_url, suggestion_url

bp = Blueprint("cari", __name__)

# No index yet, or its cluster cannot be reached: the service is unavailable (503).
UNAVAILABLE = (IndexMissingError, EngineUnavailableError)


def _engine() -> Engine:
    return current_app.extensions["cari_engine"]


def _parse(
    date_problems: list[str] | None = None, date_notes: list[str] | None = None
) -> SearchRequest:
    return request_from_params(request.args.get, request.args.getlist, date_problems, date_notes)


def _outside_coverage(search_request: SearchRequest, coverage) -> str | None:
    if not coverage.outside(search_request.date_from, search_request.date_to):
        return None
    return gettext(
        "The archive holds articles from %(first)s to %(last)s: nothing is indexed in the"
        " dates asked for.",
        first=format_date(coverage.first.isoformat()),
        last=format_date(coverage.last_shown),
    )


@bp.route("/")
def search_page():
    args = request.args
    moved = with_typed_filters_moved(args.to_dict(flat=False))
    if moved is not None:
        return redirect(f"{url_for('cari.search_page')}?{urlencode(moved, doseq=True)}")
    has_search = any(
        args.get(k) for k in ("q", "official", "source", "said", "from", "to", "undated", "sort")
    )
    page = {
        "args": args,
        "sorts": SORTS,
        "result": None,
        "error": None,
        "relaxations": [],
        "presets": [],
        "coverage": None,
        "outside_coverage": None,
        "date_notes": [],
    }
    problems: list[str] = []
    try:
        search_request = _parse(problems, page["date_notes"])
        coverage = _engine().coverage()
        page["coverage"] = coverage if not has_search else None
        if coverage.newest_day:
            page["presets"] = [
                (label, start.isoformat(), end.isoformat())
                for label, start, end in presets(coverage.newest_day)
            ]
        if problems:
            sentences = [as_sentence(p) for p in problems]
            page["error"] = " ".join(
                [*sentences, gettext("The results are shown without the date filter.")]
            )
        if has_search:
            page["result"] = result = _engine().search(search_request)
            if not result.total:
                page["relaxations"] = _engine().relaxations(result.request)
                page["outside_coverage"] = _outside_coverage(result.request, coverage)
    except RequestError as exc:
        unknown = exc if isinstance(exc, UnknownNameError) else None
        return render_template(
            "search.html", **{**page, "error": str(exc), "unknown": unknown}
        ), 400
    except UNAVAILABLE as exc:
        return render_template("search.html", **{**page, "error": str(exc)}), 503
    return render_template("search.html", **page)


@bp.route("/tentang")
def about_page():
    try:
        coverage = _engine().coverage()
    except IndexMissingError:
        abort(503)
    return render_template("about.html", coverage=coverage)


@bp.route("/api/coverage")
def api_coverage():
    try:
        coverage = _engine().coverage()
    except IndexMissingError as exc:
        return jsonify(error=str(exc), status=503), 503
    return jsonify(coverage.to_json())


@bp.route("/articles/<article_id>")
def article_page(article_id: str):
    try:
        article = _engine().article(article_id)
        parsed = _engine().marking(
            request.args.get("q", ""), complete=flag(request.args.get("complete"))
        )
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
        check_known(request.args)
        result = _engine().search(_parse())
    except UnknownNameError as exc:
        meant = [
            {"name": name, "url": suggestion_url("cari.api_search", exc, name)}
            for name in exc.close
        ]
        other = exc.other and {
            "filter": exc.other.param,
            "name": exc.other.name,
            "articles": exc.other.articles,
            "url": other_filter_url("cari.api_search", exc),
        }
        return jsonify(error=str(exc), status=400, did_you_mean=meant, other_filter=other), 400
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
        message = gettext("no article with id '%(id)s'", id=shown_id(article_id))
        return jsonify(error=message, status=404), 404
    return jsonify(article.to_json())


def _error_text(code: int | None) -> tuple[str, str]:
    """(title, message) of an HTTP error page, in the page's language."""
    texts = {
        400: (gettext("Bad request"), gettext("The address asks for something Cari cannot read.")),
        404: (
            gettext("Not found"),
            gettext("There is no page at this address: the article may have left the archive."),
        ),
        405: (gettext("Not allowed"), gettext("This address does not take that kind of request.")),
        503: (
            gettext("Not available"),
            gettext("The archive cannot be read right now; try again in a moment."),
        ),
    }
    return texts.get(code or 500, (gettext("Error"), gettext("Something went wrong on our side.")))


@bp.app_errorhandler(HTTPException)
def _http_error(exc: HTTPException):
    title, message = _error_text(exc.code)
    if request.path.startswith("/api/"):
        return jsonify(error=message, status=exc.code), exc.code
    return render_template("error.html", code=exc.code, title=title, message=message), exc.code


# Control characters in a logged path written as escapes: a path decoded from
# "/x%0A127.0.0.1 GET /admin 200" forged a second log line.
_LOG_ESCAPES = {c: f"\\x{c:02x}" for c in [*range(32), *range(127, 160)]} | {10: "\\n", 13: "\\r"}
_LOG_ESCAPES |= {0x2028: "\\u2028", 0x2029: "\\u2029"}  # line separators too


def logged_path() -> str:
    """The request's path and query as a log line shows it, on that one line."""
    return request.full_path.rstrip("?").translate(_LOG_ESCAPES)


@bp.app_errorhandler(Exception)
def _unexpected(exc: Exception):
    current_app.logger.exception("unexpected error on %s", logged_path())
    title, message = _error_text(500)
    if request.path.startswith("/api/"):
        return jsonify(error=message, status=500), 500
    return render_template("error.html", code=500, title=title, message=message), 500


# -- saved searches, feeds and exports ---------------------------------------------------------


def _queries_file() -> Path:
    return Path(current_app.config["QUERIES_FILE"])


def _saved(name: str) -> SavedQuery:
    """The saved search `name`, or a 404 page."""
    try:
        queries = load_queries(_queries_file()) if _queries_file().exists() else {}
        return find_query(queries, name, _queries_file())
    except SavedQueryError:
        abort(404)


@bp.route("/tersimpan")
def saved_page():
    problem = None
    try:
        queries = load_queries(_queries_file()) if _queries_file().exists() else {}
    except SavedQueryError as exc:
        queries, problem = {}, str(exc)
    # what keeps a query from searching as written (a name no article gives), and the day its
    # `last` period ends
    try:
        problems = {name: query_problem(_engine(), q) for name, q in queries.items()}
        end = period_end(_engine())
    except UNAVAILABLE:
        problems, end = {}, dt.date.today()
    return render_template(
        "saved.html", queries=list(queries.values()), error=problem, problems=problems, end=end
    )


@bp.route("/tersimpan", methods=["POST"])
def save_search():
    if not csrf.valid(request):
        abort(400)
    form = request.form
    try:
        saved = saved_query_from_form(form.get, form.getlist)
        add_query(_queries_file(), saved, check=_engine(), most=MAX_WEB_SAVED)
    except (SavedQueryError, RequestError) as exc:
        queries = load_queries(_queries_file()) if _queries_file().exists() else {}
        page = render_template("saved.html", queries=list(queries.values()), error=str(exc))
        return page, 400
    return redirect(url_for("cari.saved_page", _anchor=f"q-{saved.name}"), code=303)


def _absolute_url(endpoint: str, **values: Any) -> str:
    """An address of the app for a reader elsewhere: under the configured BASE_URL, else the
    request's scheme and host."""
    base = current_app.config.get("BASE_URL")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


@bp.route("/tersimpan/<name>.atom")
def saved_feed(name: str):
    saved = _saved(name)
    try:
        end = period_end(_engine())
        run = run_query(_engine(), saved, end, sort="newest")
    except IndexMissingError:
        abort(503)
    feed = atom_feed(
        saved,
        run.result,
        feed_url=_absolute_url("cari.saved_feed", name=name),
        search_url=_absolute_url("cari.search_page", **saved_params(saved, end)),
        article_url=lambda hit: _absolute_url("cari.article_page", article_id=hit.id),
        updated=dt.datetime.now(dt.UTC),
        problem=run.problem or "",
    )
    return Response(feed, mimetype="application/atom+xml")


@bp.route("/tersimpan/<name>.csv")
def saved_csv(name: str):
    saved = _saved(name)
    try:
        run = run_query(_engine(), saved, period_end(_engine()))
    except IndexMissingError:
        abort(503)
    if run.problem:  # not an empty file: why it is empty
        title, _ = _error_text(400)
        return render_template("error.html", code=400, title=title, message=run.problem), 400
    return _download(runs_csv([run]) + "\n", f"{name}.csv", "text/csv")


@bp.route("/ekspor.<fmt>")
def export_search(fmt: str):
    if fmt not in ("csv", "json"):
        abort(404)
    exports = current_app.extensions["cari_exports"]
    if not exports.acquire(blocking=False):
        message = gettext("Other exports are being written; try again in a moment.")
        page = render_template("error.html", code=503, title=_error_text(503)[0], message=message)
        return page, 503, {"Retry-After": "5"}
    released = []

    def release() -> None:  # once: when the export is written, or its response closed
        if not released:
            released.append(True)
            exports.release()

    try:
        response = _export(fmt, release)
    except BaseException:
        release()
        raise
    response.call_on_close(release)  # sent, or the client gone, or never read (HEAD)
    return response


def _export(fmt: str, written: Callable[[], None]) -> Response:
    try:
        search_request = _parse()
        _engine().search(replace(search_request, page=1, page_size=1))  # fail before streaming
    except RequestError as exc:
        abort(400, str(exc))
    except IndexMissingError:
        abort(503)
    pages = export_rows(_engine(), search_request)
    filename = export_filename(search_request.query, fmt)
    if fmt == "csv":
        filters = search_filters(SavedQuery.of_request(search_request))
        body = stream_csv(search_request.query or "cari", pages, filters)
        return _download(_streamed(body, written), filename, "text/csv")
    head = {
        "query": search_request.query,
        "filters": search_request.filters_json(),
        "sort": search_request.sort,
        "limit": EXPORT_LIMIT,
    }
    body = stream_json(head, pages)
    return _download(_streamed(body, written), filename, "application/json")


# An export is handed to the server in pieces of this many characters at least.
STREAM_PIECE = 64 * 1024


def _streamed(parts: Iterator[str], written: Callable[[], None]) -> Iterator[str]:
    """`parts` (a line or a hit each) joined into pieces of STREAM_PIECE characters, in the
    request's context, and `written()` called after the last: waitress tries to send each
    piece it is given, and to a client that did not read, each try cost a copy of what it
    held (an export cost 12 times its work)."""

    def pieces() -> Iterator[str]:
        held: list[str] = []
        size = 0
        try:
            for part in parts:
                held.append(part)
                size += len(part)
                if size >= STREAM_PIECE:
                    yield "".join(held)
                    held, size = [], 0
            if held:
                yield "".join(held)
        finally:
            try:
                if close := getattr(parts, "close", None):
                    close()  # a client gone: the export's pages let go of the index they read
            finally:
                written()

    return stream_with_context(pieces())


def _download(body, filename: str, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/pejabat/<path:name>")
def official_page(name: str):
    try:
        profile = official_profile(_engine(), name)
    except IndexMissingError:
        abort(503)
    except UnknownNameError as exc:
        message = gettext("The archive names no official called %(name)s.", name=exc.name[:80])
        title = gettext("Unknown official")
        page = render_template(
            "error.html",
            code=404,
            title=title,
            message=message,
            officials=exc.close,
            other=exc.other,
        )
        return page, 404
    # The page's links (timeline bars, named-with) narrow a search for this official.
    g.search_state = {"official": [profile.name]}
    return render_template(
        "official.html", profile=profile, result=profile.result, r=profile.result.request
    )
