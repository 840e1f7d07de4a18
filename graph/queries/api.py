"""The query API that the CLI and the web layer both call. Neither holds any Cypher.

Functions take an open ``Store`` and plain Python values and return a ``QueryResult``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graph.queries.catalog import BadParameter, LibraryQuery, UnknownQuery, catalog, from_file, get
from graph.store.base import DEFAULT_TIMEOUT, QueryResult, Store

__all__ = [
    "BadParameter", "UnknownQuery", "list_queries", "resolve", "run_query", "report_overview",
    "root_causes", "causal_chains", "gap_analysis", "search_statements", "statement_provenance",
    "counts_per_kind", "reports",
]


def list_queries() -> list[LibraryQuery]:
    return list(catalog().values())


def resolve(name_or_file: str) -> LibraryQuery:
    """A library query by name, or a ``.cypher`` file by path."""
    path = Path(name_or_file)
    if name_or_file.endswith(".cypher") and path.is_file():
        return from_file(path)
    return get(name_or_file.removesuffix(".cypher"))


def run_query(store: Store, query: str | LibraryQuery, params: Mapping[str, Any] | None = None, *,
              limit: int | None = None, read_only: bool = True,
              timeout: float | None = DEFAULT_TIMEOUT) -> QueryResult:
    """Run a library query (by name or object) with its declared parameters.

    ``limit`` is passed as the query's ``$limit`` when it declares one, and the store stops at
    ``limit`` rows in any case (in the engine where it can), so it works for every query.
    """
    lq = resolve(query) if isinstance(query, str) else query
    given = dict(params or {})
    if limit is not None and any(p.name == "limit" for p in lq.params):
        given.setdefault("limit", limit)
    return store.run(lq.text, lq.bind(given), read_only=read_only, timeout=timeout, max_rows=limit)


def reports(store: Store) -> QueryResult:
    return run_query(store, "reports")


def report_overview(store: Store, report: str = "", limit: int = 1000) -> QueryResult:
    return run_query(store, "report_overview", {"report": report, "limit": limit})


def root_causes(store: Store, report: str = "", core: str = "") -> QueryResult:
    return run_query(store, "root_causes", {"report": report, "core": core})


def causal_chains(store: Store, report: str = "", limit: int = 200) -> QueryResult:
    return run_query(store, "causal_chains", {"report": report, "limit": limit})


def gap_analysis(store: Store, report: str = "") -> QueryResult:
    return run_query(store, "gap_analysis", {"report": report})


def search_statements(store: Store, text: str, kind: str = "", limit: int = 100) -> QueryResult:
    return run_query(store, "search_statements", {"text": text, "kind": kind, "limit": limit})


def statement_provenance(store: Store, statement: str) -> QueryResult:
    return run_query(store, "statement_provenance", {"statement": statement})


def counts_per_kind(store: Store, report: str = "") -> QueryResult:
    return run_query(store, "counts_per_kind", {"report": report})
