"""The gms-graph web explorer: ``create_app(test_config=None)``, one blueprint per feature.

Configuration (``test_config`` or ``app.config``):

- ``STORE_URI`` / ``DATA_DIR``: where the graph is, as for ``gmsgraph --store/--data-dir``
  (``None``: ``NEO4J_URI``, else the embedded FalkorDB in ``GMSGRAPH_DATA_DIR`` or the per-user dir).
- ``STORE``: an already open ``Store`` to use instead; the caller keeps it and closes it.
- ``NODE_CAP`` (500): most nodes a network view sends to the browser.
- ``CONSOLE_TIMEOUT`` (10 s) and ``CONSOLE_ROW_CAP`` (1000): the console's limits.
- ``CACHE_SECONDS`` (60): how long whole-graph summaries may be reused (see ``web.cache``).
- ``ALLOW_UPLOAD`` (False): show the upload form (``gmsgraph serve --allow-upload``);
  ``MAX_UPLOAD_BYTES`` (None: the CLI's limit) caps each file.
- ``SECRET_KEY``: signs the session that holds the CSRF token; random per process when unset.

Nothing is opened at import or in ``create_app``: the store opens on the first request that
needs it (see ``web.store``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from typing import Any

from flask import Flask

BLUEPRINTS = (
    "web.assets",
    "web.overview",
    "web.reports",
    "web.statements",
    "web.themes",
    "web.matrix",
    "web.gaps",
    "web.search",
    "web.compare",
    "web.console",
    "web.json_api",
    "web.downloads",
    "web.upload",
)

DEFAULTS: Mapping[str, Any] = {
    "STORE_URI": None,
    "DATA_DIR": None,
    "STORE": None,
    "NODE_CAP": 500,
    "CONSOLE_TIMEOUT": 10.0,
    "CONSOLE_ROW_CAP": 1000,
    "ALLOW_UPLOAD": False,
    "CACHE_SECONDS": 60,
    "MAX_UPLOAD_BYTES": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
}


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    import importlib

    from web import cache, compression, errors, security, store

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config["SECRET_KEY"] = os.environ.get("GMSGRAPH_SECRET_KEY") or secrets.token_hex(32)
    if test_config:
        app.config.update(test_config)
    if not (test_config and "MAX_CONTENT_LENGTH" in test_config):
        # Request bodies are small (console queries) unless uploads are on; then a batch may hold
        # files up to the per-file limit, and one over it still gets its own message.
        if app.config["ALLOW_UPLOAD"]:
            from web.upload import upload_limit

            app.config["MAX_CONTENT_LENGTH"] = 3 * upload_limit(app.config) + 1024 * 1024
        else:
            app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.jinja_env.autoescape = True  # also for templates whose names do not end in .html
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    store.init_app(app)
    cache.init_app(app)
    security.init_app(app)
    compression.init_app(app)
    errors.init_app(app)
    for name in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(name).bp)

    @app.context_processor
    def _globals() -> dict[str, Any]:
        from web.data import kind_name

        return {"allow_upload": bool(app.config["ALLOW_UPLOAD"]), "node_cap": int(app.config["NODE_CAP"]),
                "kind_name": kind_name}

    return app
