"""vis-network served from the installed pyvis package, so no page needs a CDN.

Only the two files the pages use are served; both are gzipped once in memory when the browser
accepts it (the library is about 470 KB raw, 130 KB gzipped).
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, abort, request

bp = Blueprint("assets", __name__)

VIS_VERSION = "9.1.2"
FILES = {"vis-network.min.js": "text/javascript", "vis-network.css": "text/css"}


def vis_dir() -> Path:
    import pyvis

    return Path(pyvis.__file__).resolve().parent / "templates" / "lib" / f"vis-{VIS_VERSION}"


@cache
def _payload(name: str) -> tuple[bytes, bytes]:
    raw = (vis_dir() / name).read_bytes()
    return raw, gzip.compress(raw, compresslevel=9, mtime=0)


@bp.get(f"/vendor/vis-{VIS_VERSION}/<name>")
def vis(name: str) -> Response:
    if name not in FILES:
        abort(404, "no such file")
    try:
        raw, packed = _payload(name)
    except OSError:
        abort(404, "vis-network is not installed with pyvis")
    gz = "gzip" in request.headers.get("Accept-Encoding", "")
    response = Response(packed if gz else raw, mimetype=FILES[name])
    if gz:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
