"""``/matrix``: the country x theme heatmap; a cell opens its statements; ``/matrix.csv``."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, render_template

from web import data
from web.cache import cached
from web.store import get_store
from web.views import arg

bp = Blueprint("matrix", __name__)


@bp.get("/matrix")
def heatmap() -> str:
    store = get_store()
    table = cached(store, "matrix", {}, lambda: data.matrix(store))
    country, theme = arg("country"), arg("theme")
    cell = None
    if country or theme:
        if not (country and theme):
            abort(400, "a cell needs both a country and a theme")
        found = table.cell(country, theme)
        if found is None:
            abort(404, "that country and theme have no statements in common")
        cell = {**found, "statements": data.cell_statements(store, country, theme)}
    return render_template("matrix.html", table=table, selected=cell, stages=list(data.STAGES),
                           kind_name=data.kind_name)


def _csv_safe(value: object) -> object:
    # A spreadsheet must not run report text as a formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@bp.get("/matrix.csv")
def heatmap_csv() -> Response:
    store = get_store()
    table = cached(store, "matrix", {}, lambda: data.matrix(store))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(data.MATRIX_COLUMNS)
    for row in table.rows:
        writer.writerow([_csv_safe(row[c]) for c in data.MATRIX_COLUMNS])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=country_theme_matrix.csv"})
