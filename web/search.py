"""``/search?q=``: statements, themes and entities."""

from __future__ import annotations

from flask import Blueprint, render_template

from web import data
from web.store import get_store
from web.views import arg

bp = Blueprint("search", __name__)


@bp.get("/search")
def search() -> str:
    q = arg("q")
    results = data.search(get_store(), q) if q else None
    return render_template("search.html", q=q, results=results, kind_name=data.kind_name)
