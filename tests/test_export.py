"""GraphML, JSON and CSV export of a real embedded FalkorDB graph (a hand-built Lao-shaped report, no spaCy)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from store_fixtures import make_extraction, relabelled

from graph import export

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture
def filled(store):
    """The store with two reports written, and what the store counts."""
    extraction = make_extraction()
    store.write_report(extraction)
    store.write_report(relabelled(extraction, 1, country="Cambodia"))
    return store, store.counts()


def test_snapshot_holds_every_node_and_relationship(filled) -> None:
    store, counts = filled
    nodes, rels = export.snapshot(store)
    assert len(nodes) == counts.nodes > 20 and len(rels) == counts.edges > 20
    ids = {node_id for node_id, _, _ in nodes}
    assert len(ids) == len(nodes)
    assert all(src in ids and dst in ids for src, _, dst, _ in rels)


def test_graphml_parses_with_the_store_counts(filled) -> None:
    store, counts = filled
    root = ET.fromstring(export.to_graphml(*export.snapshot(store)))
    nodes, edges = root.findall(".//g:node", NS), root.findall(".//g:edge", NS)
    assert (len(nodes), len(edges)) == (counts.nodes, counts.edges)
    ids = {n.get("id") for n in nodes}
    assert all(e.get("source") in ids and e.get("target") in ids for e in edges)
    keys = {(k.get("for"), k.get("attr.name")): (k.get("id"), k.get("attr.type")) for k in root.findall("g:key", NS)}
    assert keys[("node", "label")][1] == "string" and keys[("node", "page")][1] == "long"
    assert keys[("edge", "label")][1] == "string"
    kind_key = keys[("node", "kind_label")][0]
    kinds = [d.text for d in root.iterfind(f".//g:node/g:data[@key='{kind_key}']", NS)]
    assert kinds.count("Report") == counts.labels["Report"] == 2
    assert kinds.count("RootCause") == counts.labels["RootCause"]
    edge_types = [d.text for d in root.iterfind(f".//g:edge/g:data[@key='{keys[('edge', 'label')][0]}']", NS)]
    assert edge_types.count("CAUSES") == counts.relationships["CAUSES"]


def test_graphml_escapes_markup_in_values() -> None:
    nodes = [("a&b", ["Statement", "Problem"], {"text": 'Victims <under 18> & "others"', "page": 3}),
             ("c", ["Report"], {"title": "T", "flags": [1, 2]})]
    rels = [("a&b", "PART_OF", "c", {"evidence": "x < y"})]
    root = ET.fromstring(export.to_graphml(nodes, rels))
    assert [n.get("id") for n in root.iterfind(".//g:node", NS)] == ["a&b", "c"]
    texts = {d.text for d in root.iterfind(".//g:data", NS)}
    assert {'Victims <under 18> & "others"', "x < y", "1; 2", "Problem", "Statement:Problem"} <= texts


def test_json_has_the_store_counts(filled) -> None:
    store, counts = filled
    payload = json.loads(export.to_json(*export.snapshot(store)))
    assert len(payload["nodes"]) == counts.nodes and len(payload["relationships"]) == counts.edges
    assert set(payload["nodes"][0]) == {"id", "labels", "properties"}
    assert set(payload["relationships"][0]) == {"source", "type", "target", "properties"}


def test_csv_zip_holds_one_file_per_label_and_type(filled, tmp_path: Path) -> None:
    store, counts = filled
    nodes, rels = export.snapshot(store)
    archive = zipfile.ZipFile(io.BytesIO(export.csv_zip(nodes, rels)))
    names = set(archive.namelist())
    specific = set(counts.labels) - {"Statement", "Entity"}  # every statement and entity has a specific label
    assert names == {f"nodes_{label}.csv" for label in specific} | {f"rels_{t}.csv" for t in counts.relationships}
    assert {"nodes_Report.csv", "nodes_RootCause.csv", "nodes_Organisation.csv", "rels_CAUSES.csv"} <= names
    for name in names:
        rows = list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
        kind = name.removesuffix(".csv").split("_", 1)[1]
        expected = counts.relationships[kind] if name.startswith("rels_") else counts.labels[kind]
        assert len(rows) == expected, name
    report_rows = list(csv.DictReader(io.StringIO(archive.read("nodes_Report.csv").decode("utf-8"))))
    assert {r["country"] for r in report_rows} == {"Lao PDR", "Cambodia"}
    assert {"id", "labels"} <= set(report_rows[0])
    # The same files as `gmsgraph export --format csv`, byte for byte; the same graph zips to the same bytes.
    written = export.write_csv_dir(tmp_path / "csv", nodes, rels)
    assert {p.name: p.read_bytes() for p in written} == {n: archive.read(n) for n in names}
    assert export.csv_zip(nodes, rels) == export.csv_zip(nodes, rels)


def test_write_export_formats(filled, tmp_path: Path) -> None:
    store, counts = filled
    nodes, rels = export.snapshot(store)
    for fmt in export.FORMATS:
        export.write_export(fmt, tmp_path / fmt, nodes, rels)
    assert len(ET.parse(tmp_path / "graphml").getroot().findall(".//g:node", NS)) == counts.nodes
    assert len(json.loads((tmp_path / "json").read_text(encoding="utf-8"))["nodes"]) == counts.nodes
    assert (tmp_path / "csv" / "nodes_Report.csv").is_file()
    with pytest.raises(ValueError, match="unknown export format"):
        export.write_export("xml", tmp_path / "x.xml", nodes, rels)


def test_empty_graph(store) -> None:
    nodes, rels = export.snapshot(store)
    assert (nodes, rels) == ([], [])
    assert ET.fromstring(export.to_graphml(nodes, rels)).find("g:graph", NS) is not None
    assert zipfile.ZipFile(io.BytesIO(export.csv_zip(nodes, rels))).namelist() == []


@pytest.mark.parametrize(
    ("labels", "expected"),
    [(["Statement", "RootCause"], "RootCause"), (["Entity", "Organisation"], "Organisation"),
     (["Report"], "Report"), (["Statement"], "Statement"), ([], "Node")],
)
def test_primary_label(labels: list[str], expected: str) -> None:
    assert export.primary_label(labels) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), (3, "3"), ("ñ", "ñ"), (["a", "b"], '["a", "b"]'), ({"k": 1}, '{"k": 1}'), (True, "True")],
)
def test_cell_text(value: object, expected: str) -> None:
    assert export.cell_text(value) == expected
