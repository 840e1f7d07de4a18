"""Error pages (and JSON errors under ``/api/``) with a message and never a traceback."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger("gmsgraph.web")


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _respond(status: int, title: str, message: str):  # noqa: ANN202 - a Flask response
    if _wants_json():
        return jsonify({"error": message, "status": status}), status
    return render_template("error.html", status=status, title=title, message=message), status


def _http_error(exc: HTTPException):  # noqa: ANN202
    return _respond(exc.code or 500, exc.name, exc.description or exc.name)


def _store_error(exc: Exception):  # noqa: ANN202
    log.warning("graph store unavailable: %s", exc)
    return _respond(503, "Graph store unavailable", str(exc))


def _unexpected(exc: Exception):  # noqa: ANN202
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    log.exception("unhandled error on %s %s", request.method, request.path)
    return _respond(500, "Internal error", "Something went wrong on the server; the error was logged.")


def store_error_types() -> tuple[type[Exception], ...]:
    from graph.store import StoreError

    types: list[type[Exception]] = [StoreError]
    try:  # the embedded server's start-up failures
        from graph.store.falkordb_server import ServerError
    except ImportError:  # pragma: no cover - layout under refactor
        pass
    else:
        types.append(ServerError)
    return tuple(types)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    for exc_type in store_error_types():
        app.register_error_handler(exc_type, _store_error)
    app.register_error_handler(Exception, _unexpected)
