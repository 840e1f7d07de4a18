"""``/upload``, only with ``gmsgraph serve --allow-upload``: report files through the same ingest
service as ``gmsgraph ingest``, with the same size limit and the same errors. A bad file gets its
message and writes nothing; the rest of the batch still ingests."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from werkzeug.utils import secure_filename

from web import cache
from web.store import get_store

bp = Blueprint("upload", __name__)

MAX_FILES = 20


def _enabled() -> None:
    if not current_app.config["ALLOW_UPLOAD"]:
        abort(404, "uploads are off; start the server with `gmsgraph serve --allow-upload`")


def max_bytes() -> int:
    return upload_limit(current_app.config)


def upload_limit(config: Any) -> int:
    """The per-file limit: ``MAX_UPLOAD_BYTES`` if set, else the CLI's (``$GMSGRAPH_MAX_BYTES`` or 50 MB)."""
    from graph.ingest.read import max_bytes_from_env

    configured = config.get("MAX_UPLOAD_BYTES")
    return int(configured) if configured else max_bytes_from_env()


@bp.get("/upload")
def form() -> str:
    _enabled()
    return render_template("upload.html", outcomes=None, limit=max_bytes(), max_files=MAX_FILES)


@bp.post("/upload")
def upload() -> Any:
    _enabled()
    from graph.ingest.service import IngestOptions, ingest_paths

    files = [f for f in request.files.getlist("reports") if f and f.filename]
    if not files:
        abort(400, "choose at least one report file to upload")
    if len(files) > MAX_FILES:
        abort(400, f"at most {MAX_FILES} files at a time")
    limit = max_bytes()
    with tempfile.TemporaryDirectory(prefix="gmsgraph-upload-") as tmp:
        paths, names = [], {}
        for i, f in enumerate(files):
            name = secure_filename(f.filename or "") or f"report_{i}.txt"
            folder = Path(tmp) / str(i)  # one folder each, so two files of the same name both ingest
            folder.mkdir()
            path = folder / name
            f.save(path)
            paths.append(path)
            names[path] = f.filename
        summary = ingest_paths(paths, get_store(), IngestOptions(max_bytes=limit))
        cache.clear()
        outcomes = [{"name": names[o.path], "outcome": o.outcome.value, "error": o.error,
                     "report_id": o.result.report_id if o.result else None} for o in summary.outcomes]
    status = 200 if not summary.failed else 422 if len(summary.failed) == len(outcomes) else 200
    return render_template("upload.html", outcomes=outcomes, limit=limit, max_files=MAX_FILES), status
