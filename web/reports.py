"""``/reports/<id>``: one report's problems, priorities, problem trees, visions and results."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from web import data, networks
from web.store import get_store
from web.views import check_id

bp = Blueprint("reports", __name__)


@bp.get("/reports/<report_id>")
def report(report_id: str) -> str:
    view = data.report_view(get_store(), check_id(report_id, "report"))
    if view is None:
        abort(404, "no report with that id is in the graph")
    trees = [(tree, networks.tree_network(tree)) for tree in view.trees]
    return render_template("report.html", view=view, trees=trees, kind_name=data.kind_name)
