"""The Neo4j 5 engine, through the official driver with managed transactions.

Writes go through ``execute_write`` with every batch chunked into ``UNWIND $rows`` calls inside one
transaction, so a report replacement is a single all-or-nothing transaction. Results are consumed
inside the transaction function, and ``database_`` is passed on every call.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from graph.model import GraphRows
from graph.store.base import (
    DEFAULT_TIMEOUT,
    QueryResult,
    QuerySyntaxError,
    Store,
    StoreError,
    WriteStep,
    create_steps,
    finalize_steps,
    retire_steps,
    schema_statements,
    store_query,
)

if TYPE_CHECKING:
    from neo4j import Driver

CHUNK = 1000


class Neo4jStore(Store):
    """A store on a Neo4j driver. Give it a driver you own (apps, tests), or let ``connect`` make one."""

    engine = "neo4j"

    def __init__(self, driver: Driver, database: str | None = None, *, uri: str | None = None,
                 owns_driver: bool = False) -> None:
        self._driver = driver
        self.database = database or "neo4j"
        self.uri = uri or "(a driver given by the caller)"
        self._owns_driver = owns_driver

    @classmethod
    def connect(cls, uri: str, user: str | None, password: str | None, database: str | None = None) -> Neo4jStore:
        """A store on a new driver for ``uri``, checked reachable; closing the store closes it."""
        import neo4j

        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password or "") if user else None)
        store = cls(driver, database, uri=uri, owns_driver=True)
        try:
            driver.verify_connectivity()
        except Exception as exc:
            driver.close()
            raise StoreError(f"cannot reach Neo4j at {uri} (database {store.database!r}): {exc}") from exc
        return store

    @classmethod
    def open_location(cls, location: str) -> Neo4jStore:
        return cls.from_env(location)

    @classmethod
    def from_env(cls, uri: str, env: Mapping[str, str] | None = None) -> Neo4jStore:
        env = os.environ if env is None else env
        return cls.connect(uri, env.get("NEO4J_USER", "neo4j"), env.get("NEO4J_PASSWORD"), env.get("NEO4J_DATABASE"))

    @property
    def location(self) -> str:
        return f"Neo4j at {self.uri} (database {self.database})"

    def run(self, query: str, params: Mapping[str, Any] | None = None, *, read_only: bool = True,
            timeout: float | None = DEFAULT_TIMEOUT, max_rows: int | None = None) -> QueryResult:
        import neo4j
        from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable

        def work(tx: Any) -> QueryResult:
            if read_only:
                # A READ session refuses writes; EXPLAIN also catches what it lets through (LOAD CSV
                # reads files and URLs; schema commands and writing procedures).
                summary = tx.run(f"EXPLAIN {query}", dict(params or {})).consume()
                refusal = read_only_refusal(summary.query_type, summary.plan)
                if refusal:
                    raise StoreError(f"Neo4j: {refusal}; pass --write if that is intended")
            result = tx.run(query, dict(params or {}))
            # The driver streams records in batches: stopping early fetches no more than needed.
            records = islice(result, max_rows) if max_rows is not None else result
            rows = tuple(tuple(to_plain(v) for v in record.values()) for record in records)
            keys = tuple(result.keys())
            result.consume()
            return QueryResult(keys, rows)

        fn = neo4j.unit_of_work(timeout=timeout)(work) if timeout else work
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_read(fn) if read_only else session.execute_write(fn)
        except ClientError as exc:
            if "Syntax" in (exc.code or ""):
                raise QuerySyntaxError(f"Neo4j: {exc.message}") from exc
            raise StoreError(f"Neo4j: {exc.message}") from exc
        except ServiceUnavailable as exc:
            raise StoreError(f"cannot reach Neo4j at {self.uri}: {exc}") from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j: {exc}") from exc

    def _write_atomic(self, steps: Sequence[WriteStep], params: Mapping[str, Any]) -> None:
        self._transaction([(steps, params)])

    def _replace(self, rows: GraphRows, old_id: str | None, orphans: list[str]) -> None:
        # One transaction for the whole replacement: Neo4j rolls every step back on any failure.
        units: list[tuple[Sequence[WriteStep], Mapping[str, Any]]] = [(create_steps(), rows.batches())]
        if old_id:
            units.append((retire_steps(), {"old_id": old_id, "orphans": orphans}))
        units.append((finalize_steps(), {"new_id": rows.report_id}))
        self._transaction(units)

    def _transaction(self, units: Sequence[tuple[Sequence[WriteStep], Mapping[str, Any]]]) -> None:
        from neo4j.exceptions import Neo4jError

        def work(tx: Any) -> None:
            for steps, params in units:
                batches = {step.batch for step in steps if step.batch}
                scalars = {k: v for k, v in params.items() if k not in batches}
                for step in steps:
                    if step.batch is None:
                        tx.run(step.query, scalars).consume()
                        continue
                    rows = list(params.get(step.batch, ()))
                    for i in range(0, len(rows), CHUNK):
                        tx.run(step.query, {**scalars, step.batch: rows[i:i + CHUNK]}).consume()

        try:
            with self._driver.session(database=self.database) as session:
                session.execute_write(work)
        except Neo4jError as exc:
            raise StoreError(f"Neo4j: {exc}") from exc

    def init_schema(self) -> None:
        for statement in schema_statements("neo4j"):
            self.run(statement, read_only=False, timeout=None)

    def wipe(self) -> None:
        # Batched so that a large graph does not need one huge transaction.
        while self.run(store_query("wipe_batch"), {"batch": 10000}, read_only=False, timeout=None).rows[0][0]:
            pass

    def close(self) -> None:
        if self._owns_driver:
            self._driver.close()


def read_only_refusal(query_type: str | None, plan: Mapping[str, Any] | None) -> str | None:
    """Why Neo4j's EXPLAIN of a read-only query shows it is not one (None: it is a pure read).

    ``query_type`` is "r", "rw", "w" or "s" (schema); ``plan`` is the operator tree.
    """
    if query_type and query_type != "r":
        return {"s": "this query changes the schema", "w": "this query writes",
                "rw": "this query writes"}.get(query_type, f"this query is of type {query_type!r}")
    if plan and any(op == "LoadCSV" for op in _operators(plan)):
        return "LOAD CSV reads files and URLs, which read-only queries may not do"
    return None


def _operators(plan: Mapping[str, Any]) -> Iterator[str]:
    yield str(plan.get("operatorType", "")).split("@")[0]
    for child in plan.get("children", ()) or ():
        yield from _operators(child)


def to_plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [to_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value
