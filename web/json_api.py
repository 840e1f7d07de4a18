"""The JSON API beside the pages, for notebooks and scripts.

``GET /api/reports``, ``GET /api/statements/<id>``, ``GET /api/graph?theme=&country=&report=&stage=``
(nodes and edges, capped), ``GET /api/matrix`` and ``POST /api/query`` with
``{"query": ..., "params": {...}}``, read-only like the console. Errors are ``{"error": ...}``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import Blueprint, abort, jsonify, request

from web import console, data
from web.cache import cached
from web.store import get_store
from web.themes import filters_from_request, network_for
from web.views import check_id

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/reports")
def reports() -> Any:
    store = get_store()
    return jsonify({"reports": cached(store, "all_reports", {}, lambda: data.reports(store, 100000))})


@bp.get("/statements/<statement_id>")
def statement(statement_id: str) -> Any:
    view = data.statement_view(get_store(), check_id(statement_id, "statement"))
    if view is None:
        abort(404, "no statement with that id is in the graph")
    return jsonify({"statement": view.statement, "links": view.links, "themes": view.themes,
                    "entities": view.entities,
                    "context": [{"text": c["text"], "source": c["source"], "page": c["page"]} for c in view.context]})


@bp.get("/graph")
def graph() -> Any:
    return jsonify(network_for(get_store(), filters_from_request()))


@bp.get("/matrix")
def matrix() -> Any:
    store = get_store()
    table = cached(store, "matrix", {}, lambda: data.matrix(store))
    return jsonify({"columns": list(data.MATRIX_COLUMNS),
                    "rows": [{c: row[c] for c in data.MATRIX_COLUMNS} for row in table.rows]})


@bp.post("/query")
def query() -> Any:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify({"error": 'send a JSON object: {"query": "...", "params": {...}}'}), 400
    try:
        text = console.check_query(body.get("query"))
        params = console.parse_params(body.get("params") or {})
    except console.ConsoleInputError as exc:
        return jsonify({"error": str(exc)}), 400
    outcome = console.run(get_store(), text, params)
    timeout, cap = console.limits()
    if outcome.error:
        return jsonify({"error": outcome.error, "timed_out": outcome.timed_out, "timeout": timeout,
                        "row_cap": cap}), 400
    result = outcome.result
    assert result is not None
    payload = asdict(result)
    return jsonify({"columns": list(result.columns), "rows": [list(r) for r in result.rows],
                    "truncated": payload["truncated"], "row_cap": cap, "timeout": timeout,
                    "seconds": round(result.seconds, 4)})
