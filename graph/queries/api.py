"""The query API that the CLI and the web layer both call. Neither holds any Cypher.

Functions take an open ``Store`` and plain Python values and return a ``QueryResult``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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


# --- the web explorer's queries (web/ holds no Cypher; each function is one cypher/ file) ------


def report_summaries(store: Store, report: str = "", limit: int = 1000, skip: int = 0) -> QueryResult:
    return run_query(store, "report_summaries", {"report": report, "limit": limit, "skip": skip})


def report_count(store: Store) -> int:
    rows = run_query(store, "report_count").rows
    return int(rows[0][0]) if rows else 0


def graph_version(store: Store) -> tuple[Any, ...]:
    """A fingerprint that changes when reports are added, removed or replaced, or re-tagged."""
    reports = run_query(store, "graph_version").rows
    tags = run_query(store, "theme_tag_count").rows
    return (*(reports[0] if reports else ()), *(tags[0] if tags else ()))


def report_statements(store: Store, report: str) -> QueryResult:
    return run_query(store, "report_statements", {"report": report})


def report_links(store: Store, report: str) -> QueryResult:
    return run_query(store, "report_links", {"report": report})


def statement_detail(store: Store, statement: str) -> QueryResult:
    return run_query(store, "statement_detail", {"statement": statement})


def statement_links(store: Store, statement: str) -> QueryResult:
    return run_query(store, "statement_links", {"statement": statement})


def statement_themes(store: Store, statement: str) -> QueryResult:
    return run_query(store, "statement_themes", {"statement": statement})


def statement_entities(store: Store, statement: str) -> QueryResult:
    return run_query(store, "statement_entities", {"statement": statement})


def passage_context(store: Store, passage: str, window: int = 600) -> QueryResult:
    return run_query(store, "passage_context", {"passage": passage, "window": window})


def theme_labels(store: Store) -> QueryResult:
    return run_query(store, "theme_labels")


def theme_list(store: Store, themes: Sequence[str] = ()) -> QueryResult:
    return run_query(store, "theme_list", {"themes": list(themes)})


def theme_recurring(store: Store, themes: Sequence[str] = (), min_countries: int = 1) -> QueryResult:
    return run_query(store, "theme_recurring", {"themes": list(themes), "min_countries": min_countries})


def theme_statements(store: Store, themes: Sequence[str] = (), countries: Sequence[str] = ()) -> QueryResult:
    return run_query(store, "theme_recurring_statements", {"themes": list(themes), "countries": list(countries)})


def theme_cross_consultation(store: Store, themes: Sequence[str] = ()) -> QueryResult:
    return run_query(store, "theme_cross_consultation", {"themes": list(themes)})


def theme_network(store: Store, themes: Sequence[str] = (), countries: Sequence[str] = (),
                  kinds: Sequence[str] = (), report: str = "", limit: int = 5000) -> QueryResult:
    return run_query(store, "theme_network", {"themes": list(themes), "countries": list(countries),
                                              "kinds": list(kinds), "report": report, "limit": limit})


def country_theme_matrix(store: Store, countries: Sequence[str] = (), themes: Sequence[str] = ()) -> QueryResult:
    return run_query(store, "compare_country_theme_matrix", {"countries": list(countries), "themes": list(themes)})


def theme_coverage_gaps(store: Store, countries: Sequence[str] = ()) -> QueryResult:
    return run_query(store, "theme_coverage_gaps", {"countries": list(countries)})


def unaddressed_causes(store: Store, report: str = "", skip: int = 0, limit: int = 1000) -> QueryResult:
    return run_query(store, "unaddressed_causes", {"report": report, "skip": skip, "limit": limit})


def search_themes(store: Store, text: str) -> QueryResult:
    return run_query(store, "search_themes", {"text": text})


def search_entities(store: Store, text: str, limit: int = 100) -> QueryResult:
    return run_query(store, "search_entities", {"text": text, "limit": limit})


@dataclass(frozen=True)
class ConsoleResult:
    """An analyst's ad-hoc query result, capped at ``row_cap`` rows (``truncated`` says so)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    truncated: bool
    row_cap: int
    timeout: float
    seconds: float


def read_only_query(store: Store, text: str, params: Mapping[str, Any] | None = None, *,
                    timeout: float = DEFAULT_TIMEOUT, row_cap: int = 1000) -> ConsoleResult:
    """Run an analyst's own Cypher, read-only as the engine enforces it (FalkorDB's read-only
    command, Neo4j's READ access), with a timeout and a row cap. Refusals and errors are the
    store's ``StoreError`` with the engine's message."""
    started = time.perf_counter()
    # One row past the cap tells a capped result from one that just fits; the engine stops there.
    result = store.run(text, dict(params or {}), read_only=True, timeout=timeout, max_rows=row_cap + 1)
    rows = result.rows
    return ConsoleResult(result.columns, rows[:row_cap], len(rows) > row_cap, row_cap, timeout,
                         time.perf_counter() - started)
