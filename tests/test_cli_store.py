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


def test_ingest_lines_for_unchanged_reports_and_the_stored_file_hash(ingested, capsys) -> None:
    # What decides unchanged (file hash, then content hash) is tested on the service: tests/test_ingest_service.py.
    import hashlib

    from graph.store import open_store

    reports, data = ingested
    run(capsys, "ingest", str(reports / LAO.name), "--data-dir", str(data))  # new or unchanged
    code, out, err = run(capsys, "ingest", str(reports / LAO.name), "--data-dir", str(data))
    assert code == 0 and err == ""
    assert out.startswith(f"unchanged  {reports / LAO.name} (") and "already in the graph)" in out
    assert out.endswith("1 report(s): 0 new, 0 replaced, 1 unchanged, 0 failed\n")
    with open_store(None, data) as store:
        stored = store.run("MATCH (r:Report) RETURN r.file_sha256 AS h").column("h")
    assert stored == [hashlib.sha256(LAO.read_bytes()).hexdigest()]


def test_ingest_refuses_bad_input_before_starting_a_store(capsys, tmp_path) -> None:
    data = tmp_path / "data"
    code, out, err = run(capsys, "ingest", str(LAO), "--themes", str(tmp_path / "missing.toml"),
                         "--data-dir", str(data))
    assert code == 2 and out == "" and err.startswith("error: themes: ") and "missing.toml" in err
    code, out, err = run(capsys, "ingest", str(tmp_path / "nowhere"), "--data-dir", str(data))
    assert code == 2 and "nowhere: no such file, folder or matching report" in err
    assert not data.exists()


def test_ingest_missing_path_among_good_ones_exits_1(ingested, capsys, tmp_path) -> None:
    reports, data = ingested
    code, out, err = run(capsys, "ingest", str(reports / LAO.name), str(tmp_path / "nowhere.txt"),
                         "--data-dir", str(data))
    assert code == 1 and "nowhere.txt: no such file" in err and "1 report(s):" in out


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
    # The formats themselves are tested on graph.export: tests/test_export.py.
    _, data = ingested
    graphml, payload, csv_dir = tmp_path / "g.graphml", tmp_path / "g.json", tmp_path / "csv"
    for fmt, out in (("graphml", graphml), ("json", payload), ("csv", csv_dir)):
        code, printed, _ = run(capsys, "export", "--format", fmt, str(out), "--data-dir", str(data))
        assert code == 0 and printed.startswith("exported ") and printed.endswith(f" relationships to {out}\n")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = ET.parse(graphml).getroot().findall(".//g:node", ns)
    assert len(nodes) > 100 and len(json.loads(payload.read_text())["nodes"]) == len(nodes)
    assert {"nodes_Report.csv", "nodes_RootCause.csv", "rels_CAUSES.csv"} <= {p.name for p in csv_dir.iterdir()}
    code, _, err = run(capsys, "export", "--format", "json", str(tmp_path / "no" / "such" / "dir.json"),
                       "--data-dir", str(data))
    assert code == 1 and err.startswith("error: ")


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
