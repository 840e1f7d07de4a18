"""The store interface. CLI, ingest and web talk to a ``Store``; only engines hold a driver.

``write_report`` is implemented once here (decide new/unchanged/replaced, plan the write) and each
engine supplies ``_write_atomic``: run an ordered list of write steps as one all-or-nothing unit.
FalkorDB has no multi-statement transactions, so its engine sends the steps as a single query
(FalkorDB undoes a failed query); Neo4j runs them, chunked, in one managed transaction and also
overrides ``_replace`` to do the whole replacement in that one transaction.
"""

from __future__ import annotations

import abc
import enum
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from graph import cypherfiles
from graph.contract import Extraction
from graph.model import NODE_KEYS, REL_KEYS, GraphRows, to_rows

DEFAULT_TIMEOUT = 30.0
QUERIES = "graph.store.cypher"
# Theme-tag rewrites go a page of statements at a time, each page one atomic unit.
TAG_PAGE = 2000
Row = Mapping[str, Any]


class StoreError(RuntimeError):
    """A store failure a user can act on (unreachable server, bad query...)."""

    exit_code = 1


class QuerySyntaxError(StoreError):
    """The engine rejected the query text; the message is the engine's own."""


class QueryTimeout(StoreError):
    """The query ran past its timeout: stopped by the engine or abandoned by the client."""


class Outcome(enum.StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


@dataclass(frozen=True)
class WriteResult:
    outcome: Outcome
    report_id: str
    source: str
    nodes: int = 0
    relationships: int = 0
    replaced_id: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Any]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class Counts:
    labels: Mapping[str, int] = field(default_factory=dict)
    relationships: Mapping[str, int] = field(default_factory=dict)

    @property
    def nodes(self) -> int:
        # Every node has exactly one of these base labels, so their sum is the node count.
        return sum(self.labels.get(k, 0) for k in _BASE_LABELS)

    @property
    def edges(self) -> int:
        return sum(self.relationships.values())


_BASE_LABELS = ("Report", "Entity", "Theme", "Group", "Passage", "Statement")


def store_query(name: str) -> str:
    """An internal (non-analyst) query from ``graph/store/cypher/<name>.cypher``."""
    return cypherfiles.query(QUERIES, name)


def schema_statements(engine: str) -> list[str]:
    """The constraints and indexes of one engine, from ``graph/store/cypher/schema.<engine>.cypher``."""
    return cypherfiles.statements(QUERIES, f"schema.{engine}")


@dataclass(frozen=True)
class WriteStep:
    """One write statement and the name of the list parameter it unwinds (None: no list)."""

    query: str
    batch: str | None


def create_steps() -> tuple[WriteStep, ...]:
    """Write a report's nodes then relationships. Creates and merges only, never deletes."""
    return (
        *(WriteStep(store_query(f"write_{key}"), key) for key in NODE_KEYS),
        *(WriteStep(store_query(f"write_{key}"), key) for key in REL_KEYS),
    )


def retire_steps() -> tuple[WriteStep, ...]:
    """Delete report ``$old_id`` and the shared nodes in ``$orphans`` nobody else uses. Deletes only."""
    return (WriteStep(store_query("delete_report"), None),
            WriteStep(store_query("delete_orphans"), "orphans"))


def finalize_steps() -> tuple[WriteStep, ...]:
    return (WriteStep(store_query("finalize_report"), None), WriteStep(store_query("link_consultations"), None))


class Store(abc.ABC):
    """A graph store. Engines implement the abstract methods; ``write_report`` is shared."""

    engine: str = "?"

    # --- engine primitives ---
    @classmethod
    @abc.abstractmethod
    def open_location(cls, location: str) -> Store:
        """Open the store at a location from ``open_store``: a data directory or a server URI."""

    @abc.abstractmethod
    def run(self, query: str, params: Mapping[str, Any] | None = None, *, read_only: bool = True,
            timeout: float | None = DEFAULT_TIMEOUT, max_rows: int | None = None) -> QueryResult:
        """Run one query. Read-only (the default) is enforced by the engine: no writes, no file or
        network access. ``max_rows`` stops at that many rows, in the engine where it can, so a huge
        result is never fetched to be cut."""

    @abc.abstractmethod
    def _write_atomic(self, steps: Sequence[WriteStep], params: Mapping[str, Any]) -> None: ...

    @abc.abstractmethod
    def init_schema(self) -> None: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def wipe(self) -> None:
        """Delete every node and relationship (the CLI's ``reset``)."""

    def _write_lock(self) -> AbstractContextManager[object]:
        """Serialises every write between processes where the engine needs it."""
        return nullcontext()

    # --- shared behaviour ---
    def write_report(self, extraction: Extraction, *, file_sha256: str | None = None) -> WriteResult:
        """Write one extraction; ``file_sha256`` (raw file bytes) lets a later ingest of the same
        file be recognised before it is read and cleaned (see ``find_file``)."""
        return self.write_rows(to_rows(extraction, file_sha256=file_sha256))

    def write_rows(self, rows: GraphRows) -> WriteResult:
        """Write one report's rows: nothing if unchanged, else replace any same-source report."""
        started = time.perf_counter()
        with self._write_lock():
            self._recover()
            found = self.run(store_query("find_reports"), {"id": rows.report_id, "source": rows.source})
            if rows.report_id in found.column("id"):
                return WriteResult(Outcome.UNCHANGED, rows.report_id, rows.source,
                                   seconds=time.perf_counter() - started)
            old_ids = [i for i in found.column("id") if i != rows.report_id]
            old_id = old_ids[0] if old_ids else None
            orphans = self._orphan_candidates(old_id) if old_id else []
            self._replace(rows, old_id, orphans)
        n_nodes, n_rels = rows.count()
        return WriteResult(
            Outcome.REPLACED if old_id else Outcome.NEW, rows.report_id, rows.source,
            nodes=n_nodes, relationships=n_rels, replaced_id=old_id,
            seconds=time.perf_counter() - started,
        )

    def _replace(self, rows: GraphRows, old_id: str | None, orphans: list[str]) -> None:
        """Create the new report (staging), retire the old one, finalize; all or nothing.

        This default runs three atomic units, for engines without multi-statement transactions
        (FalkorDB). Each unit either only creates or only deletes, because FalkorDB's undo of a
        failed query that both deletes and creates reconnects relationships to the wrong nodes
        (measured with FalkorDB 4.16; see tests/test_store.py). A failure after the create unit is
        compensated by deleting the new report; a crash in between is repaired by ``recover``.
        """
        new = {"new_id": rows.report_id}
        self._write_atomic(create_steps(), rows.batches())
        if old_id:
            try:
                self._write_atomic(retire_steps(), {"old_id": old_id, "orphans": orphans})
            except BaseException:
                self._discard(rows.report_id)
                raise
        self._write_atomic(finalize_steps(), new)

    def _discard(self, report_id: str) -> None:
        orphans = self._orphan_candidates(report_id)
        self._write_atomic(retire_steps(), {"old_id": report_id, "orphans": orphans})

    def _orphan_candidates(self, report_id: str) -> list[str]:
        return self.run(store_query("orphan_candidates"), {"old_id": report_id}).column("id")

    def recover(self) -> list[str]:
        """Finish or undo writes that a crashed writer left half done. Returns the affected ids.

        Takes the write lock: a report another writer is staging right now is not half done."""
        with self._write_lock():
            return self._recover()

    def _recover(self) -> list[str]:
        staging = self.run(store_query("staging_reports"))
        for report_id, superseded in staging.rows:
            if superseded:
                self._discard(report_id)  # died before retiring the old version: undo
            else:
                self._write_atomic(finalize_steps(), {"new_id": report_id})  # died after: finish
        return [row[0] for row in staging.rows]

    def has_report(self, report_id: str) -> bool:
        """Whether a finished report has this id (a half-written one does not count)."""
        return bool(self.run(store_query("finished_report"), {"id": report_id}).rows)

    def find_file(self, file_sha256: str) -> str | None:
        """The id of the report ingested from a file with exactly these bytes, if any."""
        ids = self.run(store_query("find_file"), {"file_sha256": file_sha256}).column("id")
        return ids[0] if ids else None

    def delete_report(self, report_id: str) -> bool:
        """Delete a report and what it alone owns. Returns False when there was no such report."""
        with self._write_lock():
            if not self.run(store_query("find_reports"), {"id": report_id, "source": None}).rows:
                return False
            self._discard(report_id)
        return True

    # --- themes: every theme write takes the same lock as ``write_report`` ---
    def sync_themes(self, themes: Sequence[Row]) -> None:
        """Create or update Theme nodes (``id``, ``label``, ``frame``, ``description``)."""
        with self._write_lock():
            self._write_atomic((WriteStep(store_query("upsert_themes"), "themes"),), {"themes": list(themes)})

    def replace_theme_tags(self, themes: Sequence[Row], statements: Mapping[str, Sequence[Row]],
                           passages: Mapping[str, Sequence[Row]], keep: Sequence[str]) -> None:
        """Re-tag: for each statement (and passage) id given, its theme links become exactly the rows
        given for it (``{"dst": theme_id, "evidence": ...}``). Ids not given keep their links, so a
        report ingested while the tags were being computed loses none of its own. Themes outside
        ``keep`` that nothing is tagged with any more are deleted."""
        with self._write_lock():
            self._write_atomic((WriteStep(store_query("upsert_themes"), "themes"),), {"themes": list(themes)})
            for label, tags in (("statement", statements), ("passage", passages)):
                ids = list(tags)
                for start in range(0, len(ids), TAG_PAGE):
                    page = ids[start:start + TAG_PAGE]
                    rows = [{"src": i, **tag} for i in page for tag in tags[i]]
                    # Two units, not one: FalkorDB's undo of a failed query that both deletes and
                    # creates is unsafe (see ``_replace``). Under the lock nobody sees the gap.
                    self._write_atomic((WriteStep(store_query(f"clear_{label}_themes"), "ids"),), {"ids": page})
                    self._write_atomic((WriteStep(store_query(f"write_{label}_themes"), "rows"),), {"rows": rows})
            self._write_atomic((WriteStep(store_query("delete_unused_themes"), None),), {"keep": list(keep)})

    def counts(self) -> Counts:
        labels = self.run(store_query("count_labels"))
        rels = self.run(store_query("count_rels"))
        return Counts(labels=dict(labels.rows), relationships=dict(rels.rows))

    def iter_export(self, page: int = 5000) -> tuple[Iterator[tuple[Any, ...]], Iterator[tuple[Any, ...]]]:
        """Every node (id, labels, properties) and relationship (src, type, dst, properties)."""
        return self._paged("export_nodes", page), self._paged("export_rels", page)

    def _paged(self, name: str, page: int) -> Iterator[tuple[Any, ...]]:
        skip = 0
        while True:
            result = self.run(store_query(name), {"skip": skip, "limit": page}, timeout=None)
            yield from result.rows
            if len(result.rows) < page:
                return
            skip += page

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
