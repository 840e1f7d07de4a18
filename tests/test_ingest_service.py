"""The ingest service on the real embedded FalkorDB and the real spaCy model (two small synthetic reports)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ingest_support import REPO, nlp  # noqa: F401  (nlp: session fixture, so the model loads once)

import graph.ingest.read
from graph.ingest.errors import EmptyDocument
from graph.ingest.service import (
    Ingester,
    IngestOptions,
    IngestOutcome,
    ReportOutcome,
    check_options,
    file_sha256,
    ingest_paths,
)
from graph.themes import TaxonomyError

SYNTHETIC = REPO / "data" / "synthetic"
pytestmark = pytest.mark.usefixtures("nlp")

ADDENDUM = "\n\nParticipants also asked for interpreters at every police station in the border provinces.\n"


@pytest.fixture
def reports(tmp_path: Path) -> list[Path]:
    """Copies of two synthetic test reports (not real consultations)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    return [Path(shutil.copy(SYNTHETIC / name, folder / name))
            for name in ("thailand_synthetic.txt", "viet_nam_synthetic.txt")]


def graph_state(store) -> tuple[dict, dict, list]:
    counts = store.counts()
    ids = store.run("MATCH (r:Report) RETURN r.id AS id, r.source AS source ORDER BY source").rows
    return dict(counts.labels), dict(counts.relationships), list(ids)


def outcomes_of(summary) -> list[tuple[str, IngestOutcome]]:
    return [(o.path.name, o.outcome) for o in summary.outcomes]


def test_new_reports_are_written_and_themes_synced(store, reports) -> None:
    summary = ingest_paths(reports, store)
    assert outcomes_of(summary) == [(p.name, IngestOutcome.NEW) for p in reports]
    for outcome in summary.outcomes:
        assert outcome.error is None and outcome.result is not None
        assert outcome.result.nodes > 50 and outcome.result.relationships > 50
        assert store.has_report(outcome.result.report_id)
        assert store.find_file(file_sha256(outcome.path)) == outcome.result.report_id
    assert summary.counts() == {IngestOutcome.NEW: 2, IngestOutcome.REPLACED: 0, IngestOutcome.UNCHANGED: 0,
                                IngestOutcome.FAILED: 0}
    assert summary.themes_synced and not summary.failed
    labelled = store.run("MATCH (t:Theme) WHERE t.label IS NOT NULL AND t.frame IS NOT NULL RETURN count(t) AS n")
    assert labelled.column("n")[0] > 0


def test_same_bytes_are_unchanged_without_reading_the_file(store, reports, monkeypatch) -> None:
    first = ingest_paths(reports, store)
    before = graph_state(store)

    def no_reading(*args, **kwargs):
        raise AssertionError("a file whose bytes were ingested before must not be read")

    monkeypatch.setattr(graph.ingest.read, "read_document", no_reading)
    again = ingest_paths(reports, store)
    assert outcomes_of(again) == [(p.name, IngestOutcome.UNCHANGED) for p in reports]
    assert [o.result.report_id for o in again.outcomes] == [o.result.report_id for o in first.outcomes]
    assert all(o.result.nodes == 0 for o in again.outcomes)
    assert not again.themes_synced
    assert graph_state(store) == before


def test_cosmetic_change_is_unchanged_without_extracting(store, reports, monkeypatch) -> None:
    import graph.ingest.pipeline

    first = ingest_paths(reports[:1], store)
    before = graph_state(store)
    reports[0].write_bytes(reports[0].read_bytes() + b"\n\n\n")  # new bytes, same cleaned text

    def no_extraction(*args, **kwargs):
        raise AssertionError("a report that cleans to known text must not reach spaCy")

    monkeypatch.setattr(graph.ingest.pipeline, "extract_clean", no_extraction)
    again = ingest_paths(reports[:1], store)
    assert outcomes_of(again) == [(reports[0].name, IngestOutcome.UNCHANGED)]
    assert again.outcomes[0].result.report_id == first.outcomes[0].result.report_id
    assert graph_state(store) == before


def test_changed_report_from_the_same_source_replaces_the_old_one(store, reports) -> None:
    first = ingest_paths(reports, store)
    old_id = first.outcomes[0].result.report_id
    reports[0].write_text(reports[0].read_text(encoding="utf-8") + ADDENDUM, encoding="utf-8")
    again = ingest_paths(reports, store)
    assert outcomes_of(again) == [(reports[0].name, IngestOutcome.REPLACED), (reports[1].name, IngestOutcome.UNCHANGED)]
    result = again.outcomes[0].result
    assert result.replaced_id == old_id and result.report_id != old_id
    assert not store.has_report(old_id) and store.has_report(result.report_id)
    assert again.themes_synced
    sources = store.run("MATCH (r:Report) RETURN r.source AS source ORDER BY source").column("source")
    assert sources == [p.name for p in reports]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [("broken.txt", b"\x00\x01\x02 not a report \xff" * 10, "binary"),
     ("empty.txt", b"", "empty"),
     ("notes.txt", b"Call Somchai about the venue on Monday.\n", "too little readable text"),
     ("sheet.xlsx", b"cells", "unsupported file type")],
)
def test_bad_file_among_good_ones(store, reports, name: str, data: bytes, reason: str) -> None:
    bad = reports[0].parent / name
    bad.write_bytes(data)
    summary = ingest_paths([reports[0], bad, reports[1]], store)
    assert outcomes_of(summary) == [(reports[0].name, IngestOutcome.NEW), (name, IngestOutcome.FAILED),
                                    (reports[1].name, IngestOutcome.NEW)]
    failed = summary.outcomes[1]
    assert failed.result is None and reason in failed.error
    assert summary.failed == (failed,) and summary.count(IngestOutcome.FAILED) == 1
    sources = store.run("MATCH (r:Report) RETURN r.source AS source ORDER BY source").column("source")
    assert sources == [p.name for p in reports]


def test_a_failed_new_version_leaves_the_graph_as_it_was(store, reports) -> None:
    ingest_paths(reports, store)
    before = graph_state(store)
    reports[0].write_bytes(b"\x00" * 200)  # the same source, now unreadable
    summary = ingest_paths(reports, store)
    assert outcomes_of(summary) == [(reports[0].name, IngestOutcome.FAILED), (reports[1].name, IngestOutcome.UNCHANGED)]
    assert graph_state(store) == before


def test_progress_is_called_once_per_report_in_order(store, reports) -> None:
    bad = reports[0].parent / "empty.txt"
    bad.write_bytes(b"")
    paths = [reports[0], bad, reports[1], reports[0]]
    seen: list[ReportOutcome] = []
    summary = ingest_paths(paths, store, progress=seen.append)
    assert seen == list(summary.outcomes)
    assert [o.path for o in seen] == paths
    assert [o.outcome for o in seen] == [IngestOutcome.NEW, IngestOutcome.FAILED, IngestOutcome.NEW,
                                         IngestOutcome.UNCHANGED]


def test_max_bytes_option(store, reports) -> None:
    summary = ingest_paths(reports[:1], store, IngestOptions(max_bytes=100))
    assert summary.outcomes[0].outcome is IngestOutcome.FAILED and "over the limit" in summary.outcomes[0].error
    assert store.counts().nodes == 0


def test_themes_file_is_checked_before_any_work(tmp_path: Path) -> None:
    check_options(IngestOptions())
    with pytest.raises(TaxonomyError, match="cannot read theme file"):
        check_options(IngestOptions(themes_file=str(tmp_path / "missing.toml")))


def test_ingester_raises_the_reason_and_outcome_reports_it(store, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ingester = Ingester(store)
    with pytest.raises(EmptyDocument):
        ingester(empty)
    assert ingester.outcome(empty) == ReportOutcome(empty, IngestOutcome.FAILED, error="the file is empty")
    assert file_sha256(tmp_path / "missing.txt") is None


@pytest.fixture
def clean_graph(falkor_dir):
    """What the reports give when nothing goes wrong: a second graph on the session server."""
    import uuid

    from graph.export import snapshot
    from graph.store.falkor import FalkorStore

    def ingested(paths: list[Path]):
        other = FalkorStore(falkor_dir, graph_name=f"test_clean_{uuid.uuid4().hex[:12]}")
        try:
            other.init_schema()
            ingest_paths(paths, other)
            return _comparable(snapshot(other))
        finally:
            other.drop_graph()
            other.close()

    return ingested


def _comparable(export: tuple) -> tuple[list, list]:
    nodes, rels = export
    return (sorted((str(n[0]), sorted(n[1]), sorted(n[2].items())) for n in nodes),
            sorted((str(r[0]), r[1], str(r[2]), sorted(r[3].items())) for r in rels))


@pytest.mark.parametrize("killed_at", ["finalize", "theme sync"])
def test_a_plain_rerun_after_a_killed_ingest_gives_the_clean_graph(store, reports, clean_graph, monkeypatch,
                                                                     killed_at: str) -> None:
    """Killed between a report's create and finalize steps (it stays staged), or after the last report
    but before the theme sync (theme nodes unlabelled): a plain re-run must not call the report
    unchanged, and must end with exactly the graph a clean ingest gives."""
    from graph.export import snapshot
    from graph.store.base import finalize_steps

    if killed_at == "finalize":
        write_atomic = type(store)._write_atomic

        def dies_before_finalize(self, steps, params):
            if tuple(steps) == finalize_steps():
                raise KeyboardInterrupt("killed")  # BaseException: no clean-up of ours runs
            return write_atomic(self, steps, params)

        monkeypatch.setattr(type(store), "_write_atomic", dies_before_finalize)
    else:
        import graph.themes.store_ops

        def dies(*args, **kwargs):
            raise KeyboardInterrupt("killed")

        monkeypatch.setattr(graph.themes.store_ops, "sync_themes", dies)
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(reports[:1], store)
    monkeypatch.undo()
    if killed_at == "finalize":
        assert store.run("MATCH (r:Report) WHERE r.staging = true RETURN count(r)").rows == ((1,),)
    else:
        assert store.run("MATCH (t:Theme) WHERE t.label IS NULL RETURN count(t)").rows[0][0] > 0

    again = ingest_paths(reports, store)
    assert not again.failed and again.themes_synced
    assert _comparable(snapshot(store)) == clean_graph(reports)


def test_a_fifo_fails_at_once_and_the_rest_still_ingest(store, reports) -> None:
    """Hashing a FIFO before checking its type used to block for ever (no writer ever comes)."""
    import os

    fifo = reports[0].parent / "pipe.txt"
    os.mkfifo(fifo)
    assert file_sha256(fifo) is None
    summary = ingest_paths([fifo, reports[0]], store)
    assert outcomes_of(summary) == [("pipe.txt", IngestOutcome.FAILED), (reports[0].name, IngestOutcome.NEW)]
