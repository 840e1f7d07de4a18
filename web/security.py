"""Security headers on every response, and a CSRF token on every POST form.

The token is a random value kept in the (signed) session and repeated in a hidden form field;
a POST whose field does not match is refused with 400. JSON endpoints under ``/api/`` take only
``application/json`` bodies, which a cross-site form cannot send, and refuse a foreign ``Origin``.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, abort, g, request, session

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",  # vis-network's stylesheet embeds its icons as data: images
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}

SESSION_KEY = "_csrf"
FORM_FIELD = "csrf_token"


def csrf_token() -> str:
    g.csrf_token_used = True  # web.compression leaves this response uncompressed
    token = session.get(SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
    return token


def _same_origin() -> bool:
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


def _check_post() -> None:
    if request.method != "POST":
        return
    if request.path.startswith("/api/"):
        if not request.is_json:
            abort(415, "send the request body as application/json")
        if not _same_origin():
            abort(403, "cross-origin requests are refused")
        return
    sent = request.form.get(FORM_FIELD, "")
    expected = session.get(SESSION_KEY, "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        abort(400, "the form's security token is missing or out of date: reload the page and try again")


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.before_request(_check_post)
    app.after_request(_add_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
