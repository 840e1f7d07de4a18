"""``/compare?a=&b=``: two consultations side by side."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from web import data, networks
from web.cache import cached
from web.store import get_store
from web.views import arg

bp = Blueprint("compare", __name__)


@bp.get("/compare")
def compare() -> str:
    store = get_store()
    countries = sorted({r["country"] for r in cached(store, "report_index", {}, lambda: data.report_index(store))
                        if r["country"]})
    a, b = arg("a"), arg("b")
    result = None
    if a or b:
        for name in (a, b):
            if not name:
                abort(400, "choose two countries to compare")
            if name not in countries:
                abort(404, f"no report about {name!r} is in the graph")
        table = cached(store, "matrix", {}, lambda: data.matrix(store))
        result = data.compare(store, a, b, matrix_rows=table.rows)
    sides = []
    if result is not None:
        for country, side in ((result.a, result.trees_a), (result.b, result.trees_b)):
            sides.append((country, [(report, [(tree, networks.tree_network(tree)) for tree in trees])
                                    for report, trees in side]))
    return render_template("compare.html", countries=countries, a=a, b=b, result=result, sides=sides,
                           stages=list(data.STAGES))
