"""A small cache for the summaries that scan the whole graph (the matrix, the recurring themes,
the report list), so that a graph of a thousand reports answers in milliseconds after the first
request.

An entry is used only while the graph's fingerprint (``api.graph_version``: the reports, their
statements and the theme tags, a few milliseconds to read) is the one it was computed under, and
for at most ``CACHE_SECONDS`` (60 by default; 0 turns the cache off), which bounds how long a
change the fingerprint cannot see can go unnoticed. The fingerprint is read once per request.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, g

from graph.queries import api

T = TypeVar("T")
EXTENSION = "gmsgraph_cache"
MAX_ENTRIES = 256


class SummaryCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[Any, float, Any]] = OrderedDict()

    def get(self, key: str, version: Any, ttl: float) -> tuple[bool, Any]:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return False, None
            stored_version, at, value = entry
            if stored_version != version or time.monotonic() - at > ttl:
                del self._entries[key]
                return False, None
            self._entries.move_to_end(key)
            return True, value

    def put(self, key: str, version: Any, value: Any) -> None:
        with self._lock:
            self._entries[key] = (version, time.monotonic(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > MAX_ENTRIES:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def init_app(app: Any) -> None:
    app.extensions[EXTENSION] = SummaryCache()


def clear() -> None:
    """Forget every entry (the upload calls this after it changed the graph)."""
    current_app.extensions[EXTENSION].clear()


def cached(store: Any, name: str, params: Any, compute: Callable[[], T]) -> T:
    ttl = float(current_app.config.get("CACHE_SECONDS", 60))
    if ttl <= 0:
        return compute()
    if "graph_version" not in g:
        g.graph_version = api.graph_version(store)
    key = name + "\x1f" + json.dumps(params, sort_keys=True, default=str)
    cache: SummaryCache = current_app.extensions[EXTENSION]
    hit, value = cache.get(key, g.graph_version, ttl)
    if hit:
        return value  # type: ignore[no-any-return]
    value = compute()
    cache.put(key, g.graph_version, value)
    return value
