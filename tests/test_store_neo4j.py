"""The Neo4j engine. Runs only where NEO4J_URI points at a Neo4j 5 server (e.g. docker-compose)."""

from __future__ import annotations

import os
from dataclasses import replace
from types import MappingProxyType

import pytest
from store_fixtures import edited_extraction, make_extraction

from graph.model import GraphRows, to_rows
from graph.queries import api
from graph.queries.catalog import catalog
from graph.store import Outcome, StoreError, describe_target

pytestmark = pytest.mark.neo4j


def test_factory_picks_neo4j_from_uri_or_env(tmp_path) -> None:
    assert describe_target("bolt://db:7687", env={}) == ("neo4j", "bolt://db:7687")
    assert describe_target(None, env={"NEO4J_URI": "neo4j://h:7687"}) == ("neo4j", "neo4j://h:7687")
    assert describe_target(None, tmp_path, env={}) == ("falkordb", str(tmp_path))
    with pytest.raises(StoreError, match="unknown store scheme 'mysql'"):
        describe_target("mysql://x", env={})


def test_engines_are_found_by_scheme_in_one_registry() -> None:
    from graph.store import ENGINES
    from graph.store.falkor import FalkorStore
    from graph.store.neo4j import Neo4jStore

    classes = {scheme: engine.load() for engine in ENGINES for scheme in engine.schemes}
    assert classes["falkordb"] is classes["embedded"] is FalkorStore
    assert {classes[s] for s in ("neo4j", "neo4j+s", "bolt", "bolt+ssc")} == {Neo4jStore}


def test_unreachable_neo4j_says_where_it_tried() -> None:
    from graph.store.neo4j import Neo4jStore

    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1"):
        Neo4jStore.connect("bolt://127.0.0.1:1", "neo4j", "x")


def test_an_injected_driver_belongs_to_its_owner() -> None:
    import neo4j
    from neo4j.exceptions import DriverError, ServiceUnavailable

    from graph.store.neo4j import Neo4jStore

    driver = neo4j.GraphDatabase.driver("bolt://127.0.0.1:1", auth=("neo4j", "x"))
    Neo4jStore(driver, "graphs").close()
    # Still open: it fails on the unreachable address, not with "Driver closed".
    with pytest.raises(ServiceUnavailable):
        driver.verify_connectivity()
    driver.close()
    with pytest.raises(DriverError, match="closed"):
        driver.verify_connectivity()


@pytest.fixture
def neo():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set: start Neo4j 5 with `docker compose up neo4j` and export NEO4J_URI")
    from graph.store.neo4j import Neo4jStore

    store = Neo4jStore.from_env(uri)
    if store.counts().nodes:
        store.close()
        pytest.skip(f"the Neo4j database at {uri} is not empty; these tests only use an empty one")
    store.init_schema()
    yield store
    store.wipe()  # we checked it was empty, so everything in it is ours
    store.close()


def _snapshot(store):
    nodes, rels = store.iter_export()
    return store.counts(), sorted(map(repr, nodes)), sorted(map(repr, rels))


def test_neo4j_idempotent_replace_and_atomic(neo) -> None:
    assert neo.write_report(make_extraction()).outcome is Outcome.NEW
    before = _snapshot(neo)
    assert neo.write_report(make_extraction()).outcome is Outcome.UNCHANGED
    assert _snapshot(neo) == before
    rows = to_rows(edited_extraction())
    mentions = [*rows.rels["mentions"], {**rows.rels["mentions"][0], "count": {"not": "storable"}}]
    with pytest.raises(StoreError):
        neo.write_rows(GraphRows(rows.report_id, rows.source, rows.nodes,
                                 MappingProxyType({**rows.rels, "mentions": tuple(mentions)})))
    assert _snapshot(neo) == before
    assert neo.write_report(edited_extraction()).outcome is Outcome.REPLACED


def test_every_library_query_runs_on_neo4j(neo) -> None:
    neo.write_report(make_extraction())
    neo.write_report(replace(make_extraction(source="other.txt", partner="UNICEF")))
    sid = api.search_statements(neo, "border officials").records()[0]["statement_id"]
    pid = api.statement_provenance(neo, sid).records()[0]["passage_id"]
    known = {"report": "Lao", "core": "", "priority": "", "name": "IOM", "text": "victims", "kind": "",
             "statement": sid, "passage": pid}
    for name, query in catalog().items():
        params = {p.name: known[p.name] for p in query.params if p.name in known}
        if any(p.required and p.name not in params for p in query.params):
            continue
        assert api.run_query(neo, query, params).columns, name
    assert [r["hops"] for r in api.root_causes(neo, "Lao").records()] == [2]


@pytest.mark.parametrize(("query_type", "plan", "refused"), [
    ("r", {"operatorType": "ProduceResults@neo4j", "children": [{"operatorType": "AllNodesScan@neo4j"}]}, None),
    ("r", {"operatorType": "ProduceResults@neo4j", "children": [{"operatorType": "LoadCSV@neo4j"}]}, "LOAD CSV"),
    ("rw", {"operatorType": "ProduceResults"}, "writes"),
    ("w", None, "writes"),
    ("s", None, "schema"),
    (None, None, None),
])
def test_read_only_judged_from_neo4j_explain(query_type, plan, refused) -> None:
    from graph.store.neo4j import read_only_refusal

    got = read_only_refusal(query_type, plan)
    assert (got is None) if refused is None else (refused in got)


@pytest.mark.parametrize("query", [
    "CREATE (:Report {id: 'x'})",
    "MATCH (n) SET n.x = 1",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CREATE INDEX probe IF NOT EXISTS FOR (n:Report) ON (n.probe)",
])
def test_neo4j_read_only_refuses_writes_and_file_access(neo, query) -> None:
    before = neo.counts()
    with pytest.raises(StoreError):
        neo.run(query)
    assert neo.counts() == before
