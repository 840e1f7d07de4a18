"""Graph stores: embedded FalkorDB (default) or Neo4j. Use :func:`open_store`.

Engines are found in one registry, by URI scheme. Nothing here imports a driver or reads the
environment at import time: an engine's module is imported when a store of that kind is opened.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass

from graph.store.base import (
    Counts,
    Outcome,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    Store,
    StoreError,
    WriteResult,
)

__all__ = [
    "Counts", "Outcome", "QueryResult", "QuerySyntaxError", "QueryTimeout", "Store", "StoreError", "WriteResult",
    "ENGINES", "Engine", "open_store", "describe_target",
]


@dataclass(frozen=True)
class Engine:
    """A store engine: its name, the URI schemes that select it, and where its class lives."""

    name: str
    schemes: tuple[str, ...]
    cls: str  # "module:Class", imported on first use
    embedded: bool = False  # located by a data directory rather than a server URI

    def load(self) -> type[Store]:
        module, _, attr = self.cls.partition(":")
        loaded: type[Store] = getattr(importlib.import_module(module), attr)
        return loaded


ENGINES: tuple[Engine, ...] = (
    Engine("falkordb", ("falkordb", "embedded"), "graph.store.falkor:FalkorStore", embedded=True),
    Engine("neo4j", ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"), "graph.store.neo4j:Neo4jStore"),
)
DEFAULT_ENGINE = ENGINES[0]


def _engine_for(scheme: str) -> Engine:
    for engine in ENGINES:
        if scheme in engine.schemes:
            return engine
    known = ", ".join(f"{s}://" for e in ENGINES for s in e.schemes)
    raise StoreError(f"unknown store scheme {scheme!r}: use one of {known}")


def describe_target(store: str | None = None, data_dir: str | os.PathLike[str] | None = None,
                    env: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(engine name, location) that :func:`open_store` would use, without connecting."""
    engine, location = _target(store, data_dir, env)
    return engine.name, location


def _target(store: str | None, data_dir: str | os.PathLike[str] | None,
            env: Mapping[str, str] | None = None) -> tuple[Engine, str]:
    from graph.store.falkordb_server import resolve_data_dir

    env = os.environ if env is None else env
    uri = store or env.get("NEO4J_URI") or ""
    scheme, sep, rest = uri.partition("://")
    engine = _engine_for(scheme.lower()) if uri else DEFAULT_ENGINE
    if not engine.embedded:
        return engine, uri
    return engine, str(resolve_data_dir(data_dir or (rest if sep else None)))


def open_store(store: str | None = None, data_dir: str | os.PathLike[str] | None = None,
               *, init_schema: bool = True) -> Store:
    """The store chosen by ``--store`` URI, else ``NEO4J_URI``, else embedded FalkorDB in the data dir.

    The data dir comes from ``--data-dir``, then ``GMSGRAPH_DATA_DIR``, then a per-user default.
    """
    engine, location = _target(store, data_dir)
    opened = engine.load().open_location(location)
    if init_schema:
        try:
            opened.init_schema()
        except BaseException:
            opened.close()
            raise
    return opened

