"""``/gaps``: root causes and causes that no result or vision addresses, per report."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from graph.queries import api
from web import data
from web.cache import cached
from web.store import get_store

bp = Blueprint("gaps", __name__)

PAGE_SIZE = 20  # reports per page


@bp.get("/gaps")
def gaps() -> str:
    store = get_store()
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        abort(400, "page must be a number")
    pages = max(1, -(-api.report_count(store) // PAGE_SIZE))
    if not 1 <= page <= pages:
        abort(404, f"there are {pages} page(s) of reports")
    per_report = data.gaps(store, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    theme_gaps = cached(store, "theme_gaps", {}, lambda: data.theme_gaps(store))
    return render_template("gaps.html", per_report=per_report, theme_gaps=theme_gaps, page=page, pages=pages)
