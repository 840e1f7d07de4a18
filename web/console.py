"""``/console``: a read-only Cypher console, with the query library offered as examples.

Read-only is enforced by the engine (``Store.run(..., read_only=True)``: FalkorDB's
``GRAPH.RO_QUERY``, Neo4j's READ access), not by parsing the text here; whatever the store refuses
is shown with its own message. A timeout and a row cap apply to every query and are shown.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, current_app, render_template, request

from graph.queries import api
from web import networks
from web.store import get_store

bp = Blueprint("console", __name__)

MAX_QUERY = 20000
MAX_PARAMS = 20000
GRAPH_NODE_CAP = 300


class ConsoleInputError(ValueError):
    """The query text or its parameters are unusable (400)."""


@dataclass
class Outcome:
    """What one console run gave: a result, or an error message (and whether it hit the timeout)."""

    result: api.ConsoleResult | None = None
    error: str | None = None
    timed_out: bool = False
    graph: dict[str, Any] | None = None
    cells: list[list[str]] = field(default_factory=list)


def limits() -> tuple[float, int]:
    return float(current_app.config["CONSOLE_TIMEOUT"]), int(current_app.config["CONSOLE_ROW_CAP"])


def parse_params(raw: str | Any) -> dict[str, Any]:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return {}
    if isinstance(raw, str):
        if len(raw) > MAX_PARAMS:
            raise ConsoleInputError(f"the parameters are too long (at most {MAX_PARAMS} characters)")
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ConsoleInputError(f"the parameters are not valid JSON: {exc.msg} (line {exc.lineno}, "
                                    f"column {exc.colno})") from None
    if not isinstance(raw, dict):
        raise ConsoleInputError('the parameters must be a JSON object, e.g. {"text": "database"}')
    for key in raw:
        if not key.isidentifier():
            raise ConsoleInputError(f"parameter name {key!r} is not a valid identifier")
    return raw


def check_query(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ConsoleInputError("write a query first")
    if len(text) > MAX_QUERY:
        raise ConsoleInputError(f"the query is too long (at most {MAX_QUERY} characters)")
    return text


def run(store: Any, text: str, params: dict[str, Any]) -> Outcome:
    from graph.store import StoreError, base

    timeout, cap = limits()
    timeout_error = getattr(base, "QueryTimeout", ())
    try:
        result = api.read_only_query(store, text, params, timeout=timeout, row_cap=cap)
    except StoreError as exc:
        message = str(exc)
        timed_out = isinstance(exc, timeout_error) or "timed out" in message.lower()
        return Outcome(error=message, timed_out=timed_out)
    except (TypeError, ValueError) as exc:  # parameter values the driver cannot send
        return Outcome(error=f"the parameters cannot be sent to the database: {exc}")
    return Outcome(result=result, cells=[[cell_text(v) for v in row] for row in result.rows],
                   graph=result_graph(result.columns, result.rows))


def cell_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _is_node(value: Any) -> bool:
    return isinstance(value, dict) and "_labels" in value


def _is_rel(value: Any) -> bool:
    return isinstance(value, dict) and "_type" in value


def _node_key(value: dict[str, Any]) -> str:
    if value.get("id") is not None:
        return f"n:{value['id']}"
    return "h:" + hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def result_graph(columns: tuple[str, ...], rows: tuple[tuple[Any, ...], ...]) -> dict[str, Any] | None:
    """Nodes and relationships found in a result, for drawing; None when it holds no nodes.

    A relationship value is drawn between the node values on either side of it in the row
    (``RETURN a, r, b``); a path (a list of nodes) links its nodes in order."""
    from pyvis.network import Network

    net = Network(directed=True)
    seen: set[str] = set()
    capped = False

    def add(value: dict[str, Any]) -> str | None:
        nonlocal capped
        key = _node_key(value)
        if key not in seen:
            if len(seen) >= GRAPH_NODE_CAP:
                capped = True
                return None
            labels = [label for label in value.get("_labels", []) if label not in ("Statement", "Entity")]
            text = value.get("text") or value.get("name") or value.get("label") or value.get("title") or value.get("id")
            title = f"{':'.join(value.get('_labels', []))}\n" + "\n".join(
                f"{k}: {v}" for k, v in value.items() if k != "_labels")
            net.add_node(key, label=networks.short(str(text or ":".join(labels)), 40), title=title, shape="dot",
                         size=10, group=labels[0] if labels else "node")
            seen.add(key)
        return key

    for row in rows:
        keys: list[str | None] = []
        for value in row:
            if _is_node(value):
                keys.append(add(value))
            elif isinstance(value, list) and value and all(_is_node(v) for v in value):
                path = [add(v) for v in value]
                for a, b in zip(path, path[1:], strict=False):
                    if a and b:
                        net.add_edge(a, b)
                keys.append(None)
            else:
                keys.append(None)
        for i, value in enumerate(row):
            if _is_rel(value) and 0 < i < len(row) - 1 and keys[i - 1] and keys[i + 1]:
                net.add_edge(keys[i - 1], keys[i + 1], label=value["_type"], title=value["_type"])
    if not seen:
        return None
    options = {"physics": {"enabled": True, "solver": "barnesHut",
                           "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 50}},
               "interaction": {"hover": True}, "edges": {"font": {"size": 10}, "smooth": False},
               "nodes": {"font": {"size": 11}}}
    return {"nodes": list(net.nodes), "edges": list(net.edges), "options": options, "capped": capped}


def examples() -> list[Any]:
    return api.list_queries()


def example_params(query: Any) -> str:
    values: dict[str, Any] = {}
    for p in query.params:
        if p.default is not None:
            values[p.name] = p.coerce(p.default)
        else:
            values[p.name] = {"int": 0, "float": 0.0, "bool": False, "list": []}.get(p.type, "")
    return json.dumps(values, ensure_ascii=False)


@bp.route("/console", methods=["GET", "POST"])
def console() -> Any:
    timeout, cap = limits()
    text, params_text, outcome, status, chosen = "", "", None, 200, None
    if request.method == "POST":
        text = request.form.get("query", "")
        params_text = request.form.get("params", "")
        try:
            outcome = run(get_store(), check_query(text), parse_params(params_text))
            status = 400 if outcome.error else 200
        except ConsoleInputError as exc:
            outcome, status = Outcome(error=str(exc)), 400
    else:
        name = request.args.get("example", "")
        chosen = next((q for q in examples() if q.name == name), None)
        if chosen is not None:
            text, params_text = chosen.text, example_params(chosen)
    return render_template("console.html", text=text, params_text=params_text, outcome=outcome,
                           examples=examples(), chosen=chosen, timeout=timeout, row_cap=cap), status
