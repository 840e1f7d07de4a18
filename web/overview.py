"""``/``: the reports in the graph and the themes that recur most."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from graph.queries import api
from web import data
from web.cache import cached
from web.store import get_store

bp = Blueprint("overview", __name__)

PAGE_SIZE = 100


@bp.get("/")
def index() -> str:
    store = get_store()
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        abort(400, "page must be a number")
    total = api.report_count(store)
    pages = max(1, -(-total // PAGE_SIZE))
    if not 1 <= page <= pages:
        abort(404, f"there are {pages} page(s) of reports")
    skip = (page - 1) * PAGE_SIZE
    reports = cached(store, "reports", {"skip": skip}, lambda: data.reports(store, PAGE_SIZE, skip))
    themes = cached(store, "top_themes", {}, lambda: data.top_themes(store)) if total else []
    return render_template("index.html", reports=reports, themes=themes, kinds=data.KINDS, total=total,
                           page=page, pages=pages, first=skip + 1)
