"""Shared fixtures. The embedded FalkorDB is real: started here in a temp dir, stopped at the end.

Fixtures only ever delete graphs they created themselves (each test store gets its own graph
name), never a user's data directory.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from graph.store.falkor import FalkorStore

REPO = Path(__file__).resolve().parents[1]
LAO_REPORT = REPO / "data" / "reports" / "lao_pdr_2013_consultation.txt"


@pytest.fixture(scope="session")
def falkor_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data dir whose FalkorDB server lives for the whole session."""
    from graph.store import falkordb_server

    data_dir = tmp_path_factory.mktemp("falkordb")
    handle = falkordb_server.acquire(data_dir)
    yield data_dir
    handle.close()
    falkordb_server.wait_stopped(data_dir)


@pytest.fixture
def store(falkor_dir: Path) -> Iterator[FalkorStore]:
    """A fresh, empty graph on the session server; dropped afterwards (we created it)."""
    from graph.store.falkor import FalkorStore

    opened = FalkorStore(falkor_dir, graph_name=f"test_{uuid.uuid4().hex[:12]}")
    opened.init_schema()
    yield opened
    opened.drop_graph()
    opened.close()


@pytest.fixture
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No NEO4J_URI and a private GMSGRAPH_DATA_DIR, so nothing touches the user's store."""
    monkeypatch.delenv("NEO4J_URI", raising=False)
    data_dir = tmp_path / "gmsdata"
    monkeypatch.setenv("GMSGRAPH_DATA_DIR", str(data_dir))
    return data_dir


def neo4j_uri() -> str | None:
    return os.environ.get("NEO4J_URI")
