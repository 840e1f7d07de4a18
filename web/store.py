"""One graph store per app, opened on first use and closed when the app is torn down.

The flaskr ``db.py`` pattern, at app level rather than per request: opening the embedded FalkorDB
means attaching to (or starting) its server, so the app keeps one ``Store`` (whose clients are
thread-safe) for all its requests and threads, and closes it in :func:`close_store` (called by
``gmsgraph serve`` on shutdown and at interpreter exit). A store handed in through
``test_config["STORE"]`` belongs to the caller and is never closed here.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from typing import Any

from flask import Flask, current_app

EXTENSION = "gmsgraph_store"


class StoreHolder:
    def __init__(self, app: Flask) -> None:
        self._config = app.config
        self._lock = threading.Lock()
        self._store: Any = app.config.get("STORE")
        self._owned = False

    def get(self) -> Any:
        with self._lock:
            if self._store is None:
                from graph.store import open_store

                # A failure (no server, bad URI) is raised to the request and retried next time.
                self._store = open_store(self._config.get("STORE_URI"), self._config.get("DATA_DIR"))
                self._owned = True
            return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def close(self) -> None:
        with self._lock:
            store, owned = self._store, self._owned
            if owned:
                self._store, self._owned = None, False
        if owned and store is not None:
            store.close()


def init_app(app: Flask) -> None:
    holder = StoreHolder(app)
    app.extensions[EXTENSION] = holder
    ref = weakref.ref(holder)
    atexit.register(lambda: (h := ref()) is not None and h.close())


def get_store() -> Any:
    """The app's store, opened on first use."""
    return current_app.extensions[EXTENSION].get()


def close_store(app: Flask) -> None:
    """Close the store the app opened (not one it was given)."""
    holder = app.extensions.get(EXTENSION)
    if holder is not None:
        holder.close()
