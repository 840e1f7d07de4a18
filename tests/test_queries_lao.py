"""Every library query against the real Lao PDR report, extracted with the real pipeline."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from graph.queries import api
from graph.queries.catalog import catalog

LAO = Path(__file__).resolve().parents[1] / "data" / "reports" / "lao_pdr_2013_consultation.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lao(falkor_dir):
    from graph.ingest.pipeline import extract_path
    from graph.store.falkor import FalkorStore

    extraction = extract_path(LAO)
    store = FalkorStore(falkor_dir, graph_name=f"lao_{uuid.uuid4().hex[:8]}")
    store.init_schema()
    assert store.write_report(extraction).outcome.value == "new"
    store.extraction = extraction
    yield store
    store.drop_graph()
    store.close()


def _ids(store) -> dict[str, str]:
    statement = api.search_statements(store, "poverty", kind="root_cause").records()[0]["statement_id"]
    passage = api.statement_provenance(store, statement).records()[0]["passage_id"]
    return {"statement": statement, "passage": passage}


OVERRIDES = {"organisation_reach": {"name": "UNIAP"}}


def _params(store, query: str, names: list[str]) -> dict[str, str]:
    known = {"report": "Lao PDR", "core": "", "priority": "", "name": "Penal Code", "text": "victim",
             "kind": "", **_ids(store), **OVERRIDES.get(query, {})}
    return {n: known[n] for n in names if n in known}


def _check(name: str, rows: list[dict], store) -> None:
    """What the real report must give for each query of this feature."""
    ex = store.extraction
    if name == "report_overview":
        assert len(rows) == len(ex.statements)
        assert {r["kind"] for r in rows} == {s.kind for s in ex.statements}
    elif name == "root_causes":
        assert any(r["root_cause"] == "Poverty" for r in rows)  # "Poverty is a root cause." as a phrase
        assert all(r["hops"] >= 1 for r in rows)
    elif name == "causal_chains":
        assert rows and all(len(r["chain"]) == r["hops"] + 1 for r in rows)
        assert any(r["root_cause"] == "Poverty" for r in rows)
    elif name == "results_for_priority":
        assert any(r["priority"] == "Cooperation" and r["via"] == "direct" for r in rows)
    elif name == "gap_analysis":
        assert rows and {r["kind"] for r in rows} <= {"root_cause", "cause"}
    elif name == "statements_mentioning":
        assert rows and all("Penal Code" in r["entity"] for r in rows)
    elif name == "consultation_references":
        assert {r["to_country"] for r in rows} >= {"Cambodia", "China", "Viet Nam"}
    elif name == "passage_statements":
        assert [r["text"] for r in rows] == ["Poverty"]
    elif name == "statement_provenance":
        (r,) = rows
        assert r["kind"] == "root_cause" and ex.text[r["start"]:r["end"]].strip()
        assert r["source"] == LAO.name
    elif name == "counts_per_kind":
        assert sum(r["statements"] for r in rows) == len(ex.statements)
    elif name == "search_statements":
        assert rows and all("victim" in r["text"].lower() for r in rows)
    elif name == "organisation_reach":
        assert any(r["organisation"] == "UNIAP" and r["passages"] >= 1 for r in rows)
    elif name == "reports":
        assert [r["country"] for r in rows] == ["Lao PDR"]
        assert rows[0]["statements"] == len(ex.statements)
    else:
        # Another feature's query (compare_*, theme_*): its own tests check its answers; here it
        # must at least run on the real report and name its columns.
        return
    assert rows, name


@pytest.mark.parametrize("name", sorted(catalog()))
def test_every_library_query_on_the_lao_report(lao, name: str) -> None:
    query = catalog()[name]
    params = _params(lao, name, [p.name for p in query.params])
    missing = [p.name for p in query.params if p.required and p.name not in params]
    if missing:
        pytest.skip(f"{name}: no sample value for required parameter(s) {missing}")
    result = api.run_query(lao, query, params)
    assert result.columns
    _check(name, result.records(), lao)


def test_reingesting_the_real_report_changes_nothing(lao) -> None:
    before = lao.counts()
    assert lao.write_report(lao.extraction).outcome.value == "unchanged"
    assert lao.counts() == before
    assert before.labels["Statement"] == len(lao.extraction.statements)
