"""gzip for text responses (pages, JSON, CSV) when the browser accepts it.

A 500-node theme network page is mostly its JSON; gzipped it is a fraction of the size. Pages
that carry a CSRF token are sent as they are, so that a secret never shares a compressed
response with reflected input (BREACH).
"""

from __future__ import annotations

import gzip

from flask import Flask, Response, g, request

TYPES = frozenset({"text/html", "application/json", "text/csv", "text/css", "text/javascript",
                   "application/javascript", "image/svg+xml", "application/graphml+xml"})
MIN_BYTES = 1024


def _compress(response: Response) -> Response:
    if (response.direct_passthrough or response.status_code != 200 or "Content-Encoding" in response.headers
            or response.mimetype not in TYPES or g.get("csrf_token_used")
            or "gzip" not in request.headers.get("Accept-Encoding", "")):
        return response
    body = response.get_data()
    if len(body) < MIN_BYTES:
        return response
    response.set_data(gzip.compress(body, compresslevel=6))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response


def init_app(app: Flask) -> None:
    app.after_request(_compress)
