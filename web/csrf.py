"""Writes from the web (saving a search) are POSTs that carry a token matching a cookie the
site set (double submit): another site can make a browser send the cookie, never read it to
put it in the form. The cookie is SameSite=Strict, and a POST from another origin is refused."""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, Request, Response, g, request

COOKIE = "cari_csrf"
FIELD = "csrf"


def token() -> str:
    """This visitor's token (made on first use, and set as a cookie with the response)."""
    current = g.get("csrf_token")
    if current is None:
        current = request.cookies.get(COOKIE) or ""
        if len(current) != 32:
            current = g.csrf_new = secrets.token_hex(16)
        g.csrf_token = current
    return current


def valid(req: Request) -> bool:
    """True when a POST carries the visitor's token and comes from this site's own pages."""
    if req.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = req.headers.get("Origin")  # "null" under Referrer-Policy: no-referrer
    if origin and origin != "null" and origin.rstrip("/") != req.host_url.rstrip("/"):
        return False
    sent, kept = req.form.get(FIELD, ""), req.cookies.get(COOKIE, "")
    return bool(sent) and len(kept) == 32 and hmac.compare_digest(sent, kept)


def init_app(app: Flask) -> None:
    app.add_template_global(token, "csrf_token")

    @app.after_request
    def _set_token(response: Response) -> Response:
        new = g.get("csrf_new")
        if new:
            response.set_cookie(COOKIE, new, httponly=True, samesite="Strict", max_age=86400 * 30)
        return response
