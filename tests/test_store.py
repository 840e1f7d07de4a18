"""The store against the real embedded FalkorDB: idempotency, atomic replace, model rows."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import pytest
from store_fixtures import edited_extraction, make_extraction, relabelled

from graph.model import (
    ENTITY_LABELS,
    KIND_LABELS,
    NODE_LABELS,
    NODES,
    REL_TYPES,
    RELS,
    GraphRows,
    to_rows,
)
from graph.store import Outcome, StoreError
from graph.store.base import create_steps, finalize_steps, retire_steps, store_query


def snapshot(store) -> tuple[dict, dict, list, list]:
    """Everything in the graph, for exact before/after comparisons."""
    counts = store.counts()
    nodes, rels = store.iter_export()
    return dict(counts.labels), dict(counts.relationships), sorted(map(repr, nodes)), sorted(map(repr, rels))


# --- the model (pure) ----------------------------------------------------------------------


def test_rows_are_deterministic_and_whitelisted() -> None:
    first, second = to_rows(make_extraction()), to_rows(make_extraction())
    assert first == second
    assert set(first.nodes) == {n.key for n in NODES}
    assert set(first.rels) == {r.key for r in RELS}
    statement_ids = [row["id"] for row in first.nodes["statements"]]
    assert len(statement_ids) == len(set(statement_ids)) == 10
    assert {row["kind"] for row in first.nodes["statements"]} <= set(KIND_LABELS)
    assert set(KIND_LABELS.values()) <= set(NODE_LABELS)
    assert set(ENTITY_LABELS.values()) <= set(NODE_LABELS)
    assert {r.type for r in RELS} == set(REL_TYPES)


def test_rows_map_entities_links_and_provenance() -> None:
    rows = to_rows(make_extraction())
    entity_ids = {row["id"] for row in rows.nodes["entities"]}
    assert {"organisation:iom", "organisation:lao-women-s-union", "law:law-on-anti-trafficking-in-persons",
            "place:vientiane"} <= entity_ids
    assert not any(row["kind"] == "date" for row in rows.nodes["entities"])  # dates are skipped
    assert {row["id"] for row in rows.nodes["countries"]} == {"country:lao-pdr", "country:thailand",
                                                            "country:viet-nam"}
    # The dangling link (target dropped by the extractor) is not written.
    assert len(rows.rels["causes"]) == 4
    # Statement.parent and an explicit PART_OF link for the same pair collapse into one row.
    assert len(rows.rels["part_of"]) == 2
    # Every statement comes from exactly one passage, and every passage from the report.
    assert len(rows.rels["statement_from"]) == 10
    assert {r["dst"] for r in rows.rels["passage_from"]} == {rows.report_id}
    # The IOM mention sits inside the statement that names it, so it reuses that passage.
    iom = next(r for r in rows.rels["mentions"] if r["dst"] == "organisation:iom")
    res1 = next(s for s in rows.nodes["statements"] if "IOM" in s["text"])
    assert any(r["src"] == res1["id"] and r["dst"] == iom["src"] for r in rows.rels["statement_from"])


def test_unknown_kind_is_rejected() -> None:
    extraction = make_extraction()
    bad = replace(extraction, statements=(replace(extraction.statements[0], kind="opinion"),))
    with pytest.raises(ValueError, match="unknown statement kind"):
        to_rows(bad)


def test_every_batch_has_a_write_query() -> None:
    steps = create_steps()
    assert [s.batch for s in steps] == [n.key for n in NODES] + [r.key for r in RELS]
    # The create unit never deletes and the retire unit never creates (see Store._replace).
    assert not any("DELETE" in s.query for s in steps)
    assert all("DELETE" in s.query and "CREATE" not in s.query and "MERGE" not in s.query
               for s in retire_steps())
    for rel in RELS:
        assert f":{rel.type}" in store_query(f"write_{rel.key}")
    for label in KIND_LABELS.values():
        assert f"(s:Statement:{label} " in store_query("write_statements")


# --- idempotent and atomic writes ------------------------------------------------------------


def test_new_then_unchanged_writes_nothing(store) -> None:
    extraction = make_extraction()
    first = store.write_report(extraction)
    assert first.outcome is Outcome.NEW
    before = snapshot(store)
    assert before[0]["Statement"] == 10 and before[0]["Report"] == 1
    assert before[1]["CAUSES"] == 4 and before[1]["ADDRESSES"] == 3
    second = store.write_report(extraction)
    assert second.outcome is Outcome.UNCHANGED
    assert second.nodes == 0
    assert snapshot(store) == before


def test_file_hash_is_stored_and_found(store) -> None:
    extraction = make_extraction()
    assert to_rows(extraction).nodes["report"][0]["file_sha256"] is None
    assert store.find_file("ab" * 32) is None
    store.write_report(extraction, file_sha256="ab" * 32)
    assert store.find_file("ab" * 32) == extraction.report.id
    # The file hash is not part of any id: same content, other bytes, still unchanged.
    assert store.write_report(extraction, file_sha256="cd" * 32).outcome is Outcome.UNCHANGED
    assert store.find_file("cd" * 32) is None


def test_kind_labels_survive_a_graph_of_many_reports(store) -> None:
    corpus = [relabelled(make_extraction(), n, c) for n, c in enumerate(["Thailand", "Viet Nam"], 1)]
    for extraction in corpus:
        store.write_report(extraction)
    kinds = store.run("MATCH (s:Statement) RETURN s.kind AS kind, labels(s) AS labels").rows
    assert kinds and all(sorted(labels) == sorted(["Statement", KIND_LABELS[kind]]) for kind, labels in kinds)
    entities = store.run("MATCH (e:Entity) RETURN e.kind AS kind, labels(e) AS labels").rows
    assert all(sorted(labels) == sorted(["Entity", ENTITY_LABELS[kind]]) for kind, labels in entities)


def test_kind_labels_and_provenance_are_stored(store) -> None:
    store.write_report(make_extraction())
    result = store.run(
        "MATCH (s:RootCause)-[:FROM]->(p:Passage)-[:FROM]->(r:Report) "
        "RETURN s.text AS text, p.section AS section, r.country AS country"
    )
    assert result.records() == [{"text": "Limited budget for victim services", "section": "Problem Tree Analysis",
                                  "country": "Lao PDR"}]


def test_changed_report_replaces_old_one(store) -> None:
    store.write_report(make_extraction())
    result = store.write_report(edited_extraction())
    assert result.outcome is Outcome.REPLACED
    assert result.replaced_id == make_extraction().report.id
    reports = store.run("MATCH (r:Report) RETURN r.id AS id").column("id")
    assert reports == [edited_extraction().report.id]
    names = set(store.run("MATCH (e:Entity) RETURN e.name AS name").column("name"))
    assert "IOM" not in names and "UNICEF" in names  # the orphan went with the old report
    assert "Viet Nam" not in names  # no longer referenced
    assert "Thailand" in names

    replaced = snapshot(store)
    store.wipe()
    store.write_report(edited_extraction())
    assert snapshot(store) == replaced  # replace == fresh ingest of the new content


def test_replace_keeps_shared_nodes_other_reports_use(store) -> None:
    other = relabelled(make_extraction(), 1, country="Thailand")
    store.write_report(other)
    store.write_report(make_extraction())
    store.write_report(edited_extraction())
    iom = store.run("MATCH (e:Organisation {id: $id})<-[:MENTIONS]-(p:Passage) RETURN p.report_id AS r",
                    {"id": "organisation:iom"})
    assert iom.column("r") == [other.report.id]


@pytest.mark.parametrize("first", [None, "original"], ids=["into-empty", "replacing"])
def test_failure_midway_leaves_graph_exactly_as_before(store, first) -> None:
    if first:
        store.write_report(make_extraction())
    before = snapshot(store)
    rows = to_rows(edited_extraction())
    # A value no engine can store, in a batch written after the delete, nodes and most relationships.
    mentions = list(rows.rels["mentions"])
    mentions.insert(len(mentions) // 2, {"src": mentions[0]["src"], "dst": mentions[0]["dst"],
                                         "count": {"not": "storable"}})
    poisoned = GraphRows(rows.report_id, rows.source, rows.nodes,
                         MappingProxyType({**rows.rels, "mentions": tuple(mentions)}))
    with pytest.raises(StoreError):
        store.write_rows(poisoned)
    assert snapshot(store) == before
    # And the store still works afterwards.
    assert store.write_report(edited_extraction()).outcome is (Outcome.REPLACED if first else Outcome.NEW)


def test_same_corpus_twice_gives_identical_counts(store) -> None:
    corpus = [make_extraction(), *(relabelled(make_extraction(), n, c) for n, c in
                                   enumerate(["Thailand", "Viet Nam", "Cambodia"], 1))]
    outcomes = [store.write_report(e).outcome for e in corpus]
    assert outcomes == [Outcome.NEW] * 4
    first = store.counts()
    again = [store.write_report(e).outcome for e in corpus]
    assert again == [Outcome.UNCHANGED] * 4
    assert store.counts() == first
    assert first.labels["Report"] == 4 and first.labels["Statement"] == 40


def test_delete_report_removes_what_it_owns(store) -> None:
    extraction = make_extraction()
    store.write_report(extraction)
    assert store.delete_report(extraction.report.id) is True
    assert store.delete_report(extraction.report.id) is False
    counts = store.counts()
    # Themes belong to the themes feature and stay; everything else is gone.
    assert dict(counts.labels) == {"Theme": 2}
    assert dict(counts.relationships) == {}


def test_read_only_rejects_writes_and_timeouts_apply(store) -> None:
    with pytest.raises(StoreError):
        store.run("CREATE (:Report {id: $id})", {"id": "x"})
    assert store.counts().labels.get("Report", 0) == 0
    with pytest.raises(StoreError, match="(?i)timed out|timeout"):
        store.run("UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*)", timeout=0.05)


def test_parameters_carry_quotes_and_backslashes_verbatim(store) -> None:
    extraction = make_extraction()
    odd = 'He said "stop" \\ then left\'s'
    tricky = replace(extraction, statements=(replace(extraction.statements[0], text=odd),))
    store.write_report(tricky)
    assert store.run("MATCH (s:Statement) RETURN s.text AS t").column("t") == [odd]


@pytest.mark.parametrize("crash_after", ["create", "retire"])
def test_recovery_after_a_writer_died_midway(store, crash_after) -> None:
    store.write_report(make_extraction())
    before = snapshot(store)
    rows = to_rows(edited_extraction())
    old_id = make_extraction().report.id
    # What a writer killed between its atomic units leaves behind.
    store._write_atomic(create_steps(), rows.batches())
    if crash_after == "retire":
        orphans = store._orphan_candidates(old_id)
        store._write_atomic(retire_steps(), {"old_id": old_id, "orphans": orphans})
    assert store.recover() == [rows.report_id]
    if crash_after == "create":
        assert snapshot(store) == before  # undone
    else:
        reports = store.run("MATCH (r:Report) RETURN r.id AS id, r.staging AS staging").rows
        assert reports == ((rows.report_id, None),)  # finished
        finished = snapshot(store)
        store.wipe()
        store.write_report(edited_extraction())
        assert snapshot(store) == finished
    assert store.recover() == []
    assert finalize_steps()[0].batch is None


def test_falkordb_undo_of_delete_plus_create_is_unsafe(store) -> None:
    """Why the FalkorDB write is split into create-only and delete-only units.

    If this starts passing (FalkorDB fixed its undo log), a single-query replace becomes possible.
    """
    store.write_report(make_extraction())
    before = snapshot(store)
    rows = to_rows(edited_extraction())
    first = rows.rels["mentions"][0]
    mentions = [*rows.rels["mentions"], {"src": first["src"], "dst": first["dst"], "count": {"not": "storable"}}]
    steps = (*retire_steps(), *create_steps())
    params = {**rows.batches(), "mentions": mentions, "old_id": make_extraction().report.id, "orphans": []}
    with pytest.raises(StoreError):
        store._write_atomic(steps, params)
    after = snapshot(store)
    assert after[:2] == before[:2]  # same counts...
    assert after != before  # ...but relationships reattached to the wrong nodes


def test_a_report_left_staging_is_never_trusted_as_already_ingested(store) -> None:
    """A writer killed between create and finalize: the file-hash and content-hash shortcuts must not
    call that report unchanged; the next write of it recovers and finishes it."""
    extraction = make_extraction()
    rows = to_rows(extraction, file_sha256="f" * 64)
    store._write_atomic(create_steps(), rows.batches())  # killed here: staged, never finalized
    assert store.find_file("f" * 64) is None
    assert not store.has_report(extraction.report.id)
    result = store.write_report(extraction, file_sha256="f" * 64)
    assert result.outcome is Outcome.UNCHANGED  # recovery finished the staged copy, which is this one
    assert store.find_file("f" * 64) == extraction.report.id and store.has_report(extraction.report.id)
    assert store.run("MATCH (r:Report) RETURN r.staging").rows == ((None,),)
