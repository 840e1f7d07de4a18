"""The store commands end to end: real extraction, real embedded FalkorDB in a temp data dir."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from graph.cli import main
from graph.store import falkordb_server

LAO = Path(__file__).resolve().parents[1] / "data" / "reports" / "lao_pdr_2013_consultation.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):
    """A data dir with the Lao report and one unreadable file ingested once."""
    root = tmp_path_factory.mktemp("cli")
    reports = root / "reports"
    reports.mkdir()
    shutil.copy(LAO, reports / LAO.name)
    (reports / "broken.txt").write_bytes(b"\x00\x01\x02 not a report \xff" * 10)
    data = root / "data"
    yield reports, data
    falkordb_server.wait_stopped(data)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_reports_each_file_and_fails_on_the_bad_one(ingested, capsys, isolated_env) -> None:
    reports, data = ingested
    code, out, err = run(capsys, "ingest", str(reports), "--data-dir", str(data))
    assert code == 1
    assert f"new        {reports / LAO.name}" in out
    assert "failed" in err and "broken.txt" in err
    assert "2 report(s): 1 new, 0 replaced, 0 unchanged, 1 failed" in out
    code, out, _ = run(capsys, "ingest", str(reports / "*.txt"), "--data-dir", str(data))
    assert "1 unchanged" in out and "1 failed" in out
    code, out, _ = run(capsys, "ingest", str(reports / LAO.name), "--data-dir", str(data))
    assert code == 0 and "unchanged" in out
    assert not isolated_env.exists()  # --data-dir won over GMSGRAPH_DATA_DIR


def test_unchanged_file_is_skipped_before_reading_and_cosmetic_changes_by_content(
        ingested, capsys, monkeypatch, tmp_path) -> None:
    import hashlib

    import graph.ingest.read
    from graph.store import open_store

    reports, data = ingested
    run(capsys, "ingest", str(reports / LAO.name), "--data-dir", str(data))  # new or unchanged
    with open_store(None, data) as store:
        stored = store.run("MATCH (r:Report) RETURN r.file_sha256 AS h").column("h")
    assert stored == [hashlib.sha256(LAO.read_bytes()).hexdigest()]

    def no_reading(*args, **kwargs):
        raise AssertionError("an unchanged file must not be read and cleaned")

    with monkeypatch.context() as m:  # same bytes: decided by the file hash alone
        m.setattr(graph.ingest.read, "read_document", no_reading)
        code, out, _ = run(capsys, "ingest", str(reports / LAO.name), "--data-dir", str(data))
    assert code == 0 and "1 unchanged" in out
    cosmetic = tmp_path / LAO.name  # new bytes, same cleaned text: decided by the content hash
    cosmetic.write_bytes(LAO.read_bytes() + b"\n\n")
    code, out, _ = run(capsys, "ingest", str(cosmetic), "--data-dir", str(data))
    assert code == 0 and "1 unchanged" in out


def test_stats_and_queries(ingested, capsys) -> None:
    _, data = ingested
    code, out, _ = run(capsys, "stats", "--data-dir", str(data))
    assert code == 0
    assert "Lao PDR" in out and "Statement" in out and "CAUSES" in out
    code, out, _ = run(capsys, "queries")
    assert code == 0 and "root_causes" in out and "--param report=<string>" in out


def test_query_formats_and_limit(ingested, capsys) -> None:
    _, data = ingested
    code, out, _ = run(capsys, "query", "counts_per_kind", "--param", "report=lao", "--format", "json",
                       "--data-dir", str(data))
    assert code == 0
    rows = json.loads(out)
    assert {r["kind"] for r in rows} >= {"problem", "cause", "result"}
    code, out, _ = run(capsys, "query", "report_overview", "-p", "report=lao", "--format", "csv", "--limit", "2",
                       "--data-dir", str(data))
    assert code == 0 and out.splitlines()[0].startswith("country,kind,group") and len(out.splitlines()) == 3
    code, out, _ = run(capsys, "query", "search_statements", "-p", "text=poverty", "--data-dir", str(data))
    assert code == 0 and "Poverty" in out and "row" in out


def test_query_errors_are_clear(ingested, capsys, tmp_path) -> None:
    _, data = ingested
    code, _, err = run(capsys, "query", "root_cause", "--data-dir", str(data))
    assert code == 2 and "did you mean: root_causes" in err
    code, _, err = run(capsys, "query", "search_statements", "--data-dir", str(data))
    assert code == 2 and "missing parameter text" in err
    bad = tmp_path / "bad.cypher"
    bad.write_text("// broken\nMATCH (n RETURN n\n")
    code, _, err = run(capsys, "query", str(bad), "--data-dir", str(data))
    assert code == 1 and "Invalid input" in err
    writes = tmp_path / "writes.cypher"
    writes.write_text("// writes\n// @param id string: id\nCREATE (:Report {id: $id})\n")
    code, _, err = run(capsys, "query", str(writes), "-p", "id=x", "--data-dir", str(data))
    assert code == 1 and "--write" in err


def test_export_formats(ingested, capsys, tmp_path) -> None:
    _, data = ingested
    graphml = tmp_path / "g.graphml"
    assert run(capsys, "export", "--format", "graphml", str(graphml), "--data-dir", str(data))[0] == 0
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(graphml).getroot()
    nodes = root.findall(".//g:node", ns)
    edges = root.findall(".//g:edge", ns)
    ids = {n.get("id") for n in nodes}
    assert len(nodes) > 100 and len(edges) > 100
    assert all(e.get("source") in ids and e.get("target") in ids for e in edges)
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key", ns)}
    assert keys["label"] == "string" and keys["page"] == "long"

    out = tmp_path / "json.json"
    assert run(capsys, "export", "--format", "json", str(out), "--data-dir", str(data))[0] == 0
    payload = json.loads(out.read_text())
    assert len(payload["nodes"]) == len(nodes) and len(payload["relationships"]) == len(edges)

    csv_dir = tmp_path / "csv"
    assert run(capsys, "export", "--format", "csv", str(csv_dir), "--data-dir", str(data))[0] == 0
    names = {p.name for p in csv_dir.iterdir()}
    assert {"nodes_Report.csv", "nodes_RootCause.csv", "nodes_Organisation.csv", "rels_CAUSES.csv"} <= names


def test_reset_needs_yes_then_wipes(ingested, capsys) -> None:
    # Last in this module: it wipes the module's own data dir.
    _, data = ingested
    code, _, err = run(capsys, "reset", "--data-dir", str(data))
    assert code == 2 and "--yes" in err
    code, out, _ = run(capsys, "reset", "--yes", "--data-dir", str(data))
    assert code == 0 and "wiped" in out
    code, out, _ = run(capsys, "query", "reports", "--format", "json", "--data-dir", str(data))
    assert json.loads(out) == []
    assert falkordb_server.wait_stopped(data)
