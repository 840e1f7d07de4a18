"""Graph stores: embedded FalkorDB (default) or Neo4j. Use :func:`open_store`.

Nothing here imports a driver or reads the environment at import time; ``open_store`` decides.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from graph.store.base import (
    Counts,
    Outcome,
    QueryResult,
    QuerySyntaxError,
    Store,
    StoreError,
    WriteResult,
)

NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")

__all__ = [
    "Counts", "Outcome", "QueryResult", "QuerySyntaxError", "Store", "StoreError", "WriteResult",
    "open_store", "describe_target",
]


def describe_target(store: str | None = None, data_dir: str | os.PathLike[str] | None = None,
                    env: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(engine, location) that :func:`open_store` would use, without connecting."""
    from graph.store.falkordb_server import resolve_data_dir

    env = os.environ if env is None else env
    uri = store or env.get("NEO4J_URI") or ""
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else uri.lower()
    if scheme in NEO4J_SCHEMES:
        return "neo4j", uri
    if uri and scheme not in ("falkordb", "embedded"):
        raise StoreError(f"unknown store {uri!r}: use neo4j://host:7687, bolt://host:7687 or falkordb")
    if uri.startswith("falkordb://") and len(uri) > len("falkordb://"):
        data_dir = data_dir or uri[len("falkordb://"):]
    return "falkordb", str(resolve_data_dir(data_dir))


def open_store(store: str | None = None, data_dir: str | os.PathLike[str] | None = None,
               *, init_schema: bool = True) -> Store:
    """The store chosen by ``--store`` URI, else ``NEO4J_URI``, else embedded FalkorDB in the data dir.

    The data dir comes from ``--data-dir``, then ``GMSGRAPH_DATA_DIR``, then a per-user default.
    """
    engine, location = describe_target(store, data_dir)
    opened: Store
    if engine == "neo4j":
        from graph.store.neo4j import Neo4jStore

        opened = Neo4jStore.from_env(location)
    else:
        from graph.store.falkor import FalkorStore

        opened = FalkorStore(Path(location))
    if init_schema:
        try:
            opened.init_schema()
        except BaseException:
            opened.close()
            raise
    return opened
