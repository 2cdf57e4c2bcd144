"""Which language a page is in: `?lang=` (then remembered in a cookie), else the cookie, else
the browser's Accept-Language, else Indonesian."""

from __future__ import annotations

from flask import Flask, Request, Response, g

from search import i18n

COOKIE = "lang"
COOKIE_SECONDS = 365 * 24 * 3600


def choose(request: Request) -> str:
    asked = i18n.supported(request.args.get("lang"))
    if asked:
        return asked
    remembered = i18n.supported(request.cookies.get(COOKIE))
    if remembered:
        return remembered
    best = request.accept_languages.best_match(i18n.LANGUAGES)
    return i18n.supported(best) or i18n.DEFAULT_LANGUAGE


def init_app(app: Flask) -> None:
    from flask import request

    @app.before_request
    def _set_language() -> None:
        g.language_scope = i18n.using(choose(request))
        g.language = g.language_scope.__enter__()

    @app.teardown_request
    def _reset_language(_exc: BaseException | None) -> None:
        scope = g.pop("language_scope", None)
        if scope is not None:
            scope.__exit__(None, None, None)

    @app.after_request
    def _remember_language(response: Response) -> Response:
        asked = i18n.supported(request.args.get("lang"))
        if asked and request.cookies.get(COOKIE) != asked:
            response.set_cookie(
                COOKIE, asked, max_age=COOKIE_SECONDS, samesite="Lax", httponly=True
            )
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
        return response

    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda message: i18n.translations(i18n.language()).gettext(message),
        lambda singular, plural, n: i18n.translations(i18n.language()).ngettext(
            singular, plural, n
        ),
        newstyle=True,
    )
    app.add_template_global(i18n.format_number, "number")
    app.add_template_global(i18n.language, "language")
