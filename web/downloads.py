"""``/export/<format>``: the whole graph as GraphML, CSV (zip) or JSON, as ``gmsgraph export``."""

from __future__ import annotations

from flask import Blueprint, Response, abort

from web.store import get_store

bp = Blueprint("downloads", __name__)

# format -> (file name, media type)
FORMATS = {
    "graphml": ("gmsgraph.graphml", "application/graphml+xml"),
    "csv": ("gmsgraph_csv.zip", "application/zip"),
    "json": ("gmsgraph.json", "application/json"),
}


@bp.get("/export/<fmt>")
def export(fmt: str) -> Response:
    if fmt not in FORMATS:
        abort(404, f"unknown export format; use one of: {', '.join(FORMATS)}")
    from graph import export as exporter

    nodes, rels = exporter.snapshot(get_store())
    if fmt == "graphml":
        body: str | bytes = exporter.to_graphml(nodes, rels)
    elif fmt == "csv":
        body = exporter.csv_zip(nodes, rels)
    else:
        body = exporter.to_json(nodes, rels)
    filename, mimetype = FORMATS[fmt]
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}"})
