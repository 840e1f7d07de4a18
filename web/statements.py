"""``/statements/<id>``: a statement, its links, themes, entities and the sentence it came from."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from web import data
from web.store import get_store
from web.views import check_id

bp = Blueprint("statements", __name__)


@bp.get("/statements/<statement_id>")
def statement(statement_id: str) -> str:
    view = data.statement_view(get_store(), check_id(statement_id, "statement"))
    if view is None:
        abort(404, "no statement with that id is in the graph")
    return render_template("statement.html", view=view, sections=data.LINK_SECTIONS, kind_name=data.kind_name)
