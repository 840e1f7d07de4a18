"""Small helpers shared by the blueprints."""

from __future__ import annotations

from flask import abort, request

MAX_ARG = 300


def arg(name: str, default: str = "") -> str:
    """A query-string value, stripped; an absurdly long one is a bad request."""
    value = request.args.get(name, default)
    if len(value) > MAX_ARG:
        abort(400, f"the {name!r} parameter is too long (at most {MAX_ARG} characters)")
    return value.strip()


def arg_list(name: str) -> list[str]:
    """A filter that may be repeated (?theme=a&theme=b) or comma-separated (?theme=a,b)."""
    out: list[str] = []
    for raw in request.args.getlist(name):
        if len(raw) > MAX_ARG:
            abort(400, f"the {name!r} parameter is too long (at most {MAX_ARG} characters)")
        out.extend(part.strip() for part in raw.split(",") if part.strip())
    return out


def check_id(value: str, what: str) -> str:
    if not value or len(value) > 128:
        abort(404, f"no {what} with that id")
    return value
