"""Extraction snapshots, used to prove a refactor changed no output."""

from __future__ import annotations

from pathlib import Path

from graph.evaluation.snapshot import differences, main

REPO = Path(__file__).resolve().parents[1]


def test_identical_snapshots_have_no_differences() -> None:
    assert differences('{"id": "a1"}\n', '{"id": "a1"}\n', "r.txt") == []


def test_a_changed_id_is_a_difference() -> None:
    diff = differences('{\n "id": "a1",\n "kind": "cause"\n}', '{\n "id": "b2",\n "kind": "cause"\n}', "r.txt")
    assert '- "id": "a1",' in diff and '+ "id": "b2",' in diff and '  "kind": "cause"' in diff


def test_save_then_compare_round_trip_and_a_tampered_snapshot_fails(tmp_path: Path, capsys) -> None:
    report = REPO / "data" / "synthetic" / "viet_nam_synthetic.txt"
    assert main(["save", str(tmp_path), str(report)]) == 0
    assert main(["compare", str(tmp_path), str(report)]) == 0
    saved = tmp_path / "viet_nam_synthetic.json"
    saved.write_text(saved.read_text(encoding="utf-8").replace('"cause"', '"effect"', 1), encoding="utf-8")
    assert main(["compare", str(tmp_path), str(report)]) == 1
    assert "CHANGED" in capsys.readouterr().out
