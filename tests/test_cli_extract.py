"""`gmsgraph extract`, run in-process: the JSON contract, the text and summary views, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_support import LAO_REPORT, nlp  # noqa: F401  (nlp: session fixture, so the model loads once)

from graph.cli import main
from graph.contract import LINK_TYPES, STATEMENT_KINDS

# Small reports written for these tests (synthetic), so each CLI run parses little text.
TINY = """SYNTHETIC TEST REPORT — written for the gms-graph CLI tests

Report of the {country} Consultation Workshop on Safe Migration, Vientiane, 3–4 June 2013

Session 1: Identifying the Key Challenges

Table 1

- Children leave school early to work on the farms of their neighbours.
- Recruiters promise well paid jobs across the border to young people.

Session 2: Voting on Priorities

Each table placed dots next to the problems it found most urgent.

1) Early school leaving (14 votes)
2) Access to justice (11 votes)

Session 3: Problem Tree Analysis

Table 1: Early school leaving

Core problem: Children leave school before the age of fifteen.
Root causes:
- Families cannot pay for uniforms and books.
Effects:
- Children are recruited into exploitative work, which in turn leads to trafficking.

Session 4: Visioning

Table 1: Early school leaving

Vision: Every child in the province completes lower secondary school.

Session 5: Results Mapping

Table 1: Early school leaving

- Scholarships reach the poorest families in every district.
- Schools track the children who stop attending classes.
"""


def tiny_report(path: Path, country: str) -> Path:
    path.write_text(TINY.format(country=country), encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return tiny_report(tmp_path / "small_synthetic.txt", "Lao PDR")


@pytest.fixture
def other(tmp_path: Path) -> Path:
    return tiny_report(tmp_path / "other_synthetic.txt", "Cambodia")

STATEMENT_KEYS = {"id", "kind", "text", "group", "topic", "n", "parent", "themes", "source"}
SOURCE_KEYS = {"section", "page", "start", "end", "sentence"}
# "synthetic" marks the test reports written for this project (issue 4); the rest is the original contract.
KINDS = set(STATEMENT_KINDS)
REPORT_KEYS = {"id", "source", "title", "country", "city", "start_date", "end_date", "organiser", "synthetic"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def check_contract(obj: dict) -> None:
    assert set(obj) == {"report", "statements", "links", "entities", "references"}
    assert set(obj["report"]) == REPORT_KEYS
    assert len(obj["report"]["id"]) == 64
    ids = set()
    for statement in obj["statements"]:
        # A remark also says who made it; no other statement carries a speaker.
        expected = STATEMENT_KEYS | ({"speaker", "speaker_role"} if statement["kind"] == "comment" else set())
        assert set(statement) == expected
        assert set(statement["source"]) == SOURCE_KEYS
        assert statement["kind"] in KINDS
        assert isinstance(statement["themes"], list)
        assert isinstance(statement["source"]["start"], int) and isinstance(statement["source"]["end"], int)
        ids.add(statement["id"])
    for link in obj["links"]:
        assert set(link) == {"source", "target", "type", "evidence"}
        assert link["type"] in LINK_TYPES
        assert link["source"] in ids and link["target"] in ids
    for entity in obj["entities"]:
        assert {"id", "kind", "name", "mentions"} <= set(entity)
        assert entity["kind"] in {"organisation", "person", "law", "country", "place", "date"}
        assert all(set(m) == {"start", "end"} for m in entity["mentions"])
    for reference in obj["references"]:
        assert {"country", "text", "source"} <= set(reference) and set(reference["source"]) == SOURCE_KEYS


@pytest.fixture(scope="module")
def lao_json(nlp) -> dict:  # noqa: F811  (the session fixture: the model loads once)
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["extract", str(LAO_REPORT), "--format", "json"])
    assert code == 0
    return json.loads(out.getvalue())


@pytest.mark.slow
def test_json_on_one_path_is_one_object(lao_json) -> None:
    assert isinstance(lao_json, dict)
    check_contract(lao_json)
    report = lao_json["report"]
    assert (report["country"], report["city"], report["start_date"], report["end_date"]) == (
        "Lao PDR", "Vientiane", "2013-04-09", "2013-04-10")
    assert report["source"] == LAO_REPORT.name
    kinds = {s["kind"] for s in lao_json["statements"]}
    assert {"problem", "priority", "core_problem", "cause", "effect", "vision", "result"} <= kinds
    assert any(r["country"] == "Viet Nam" for r in lao_json["references"])


@pytest.mark.usefixtures("nlp")
def test_text_format_is_what_json_offsets_index(capsys, small: Path) -> None:
    code, out, _ = run(capsys, "extract", str(small), "--format", "text")
    assert code == 0
    text = out[:-1]  # print() adds one newline
    assert "Children leave school before the age of fifteen." in text
    code, out, _ = run(capsys, "extract", str(small), "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["statements"]
    import hashlib

    assert payload["report"]["id"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    for statement in payload["statements"]:
        source = statement["source"]
        assert statement["text"] in text[source["start"]:source["end"]]


@pytest.mark.usefixtures("nlp")
def test_json_on_two_paths_is_an_array(capsys, small: Path, other: Path) -> None:
    code, out, err = run(capsys, "extract", str(small), str(other), "--format", "json")
    assert code == 0 and err == ""
    payload = json.loads(out)
    assert isinstance(payload, list) and len(payload) == 2
    assert [p["report"]["source"] for p in payload] == [small.name, other.name]
    assert [p["report"]["country"] for p in payload] == ["Lao PDR", "Cambodia"]
    for obj in payload:
        check_contract(obj)


@pytest.mark.usefixtures("nlp")
def test_json_on_a_folder_of_reports_is_an_array(capsys, small: Path, other: Path) -> None:
    (small.parent / "notes.csv").write_text("not a report", encoding="utf-8")  # ignored: not a report type
    code, out, err = run(capsys, "extract", str(small.parent), "--format", "json")
    assert code == 0 and err == ""
    payload = json.loads(out)
    assert isinstance(payload, list)
    assert sorted(p["report"]["source"] for p in payload) == sorted([small.name, other.name])


@pytest.mark.usefixtures("nlp")
def test_summary_shows_counts_and_core_problems(capsys, small: Path) -> None:
    code, out, _ = run(capsys, "extract", str(small), "--format", "summary")
    assert code == 0
    assert "Statements: problem 2, priority 2, core_problem 1" in out
    assert "Core problem: Children leave school before the age of fifteen." in out
    assert "Topic: Early school leaving" in out
    assert "Links: " in out and "CAUSES" in out
    assert "Priority problems" in out


@pytest.mark.usefixtures("nlp")
def test_summary_is_the_default_format(capsys, small: Path) -> None:
    code, out, _ = run(capsys, "extract", str(small))
    assert code == 0 and "Core problem:" in out and not out.lstrip().startswith("{")


@pytest.mark.usefixtures("nlp")
def test_bad_file_among_good_ones(capsys, tmp_path: Path, small: Path, other: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"this is not a pdf" * 20)
    code, out, err = run(capsys, "extract", str(small), str(bad), str(other), "--format", "json")
    assert code == 2
    assert "broken.pdf" in err and "corrupt" in err
    assert small.name not in err and other.name not in err
    payload = json.loads(out)
    assert [p["report"]["source"] for p in payload] == [small.name, other.name]


@pytest.mark.usefixtures("nlp")
def test_bad_file_among_good_ones_in_summary(capsys, tmp_path: Path, small: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "extract", str(bad), str(small))
    assert code == 2 and "empty.txt" in err
    assert "Core problem:" in out


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("empty.txt", b"", "empty"), ("sheet.xlsx", b"cells", "unsupported file type"),
     ("nul.txt", b"\x00\x01" * 100, "binary")],
)
@pytest.mark.usefixtures("nlp")
def test_single_bad_file_exits_2(capsys, tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(capsys, "extract", str(path), "--format", "json")
    assert code == 2
    assert message in err and name in err
    assert json.loads(out) == []


@pytest.mark.usefixtures("nlp")
def test_max_size_option(capsys, small: Path) -> None:
    code, _, err = run(capsys, "extract", str(small), "--max-size", "100", "--format", "json")
    assert code == 2 and "over the limit" in err


def test_missing_path_exits_2(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    code, out, err = run(capsys, "extract", str(missing))
    assert code == 2
    assert "nowhere.txt" in err and "no such file" in err
    assert out == ""


@pytest.mark.usefixtures("nlp")
def test_missing_path_among_good_ones(capsys, tmp_path: Path, small: Path) -> None:
    code, out, err = run(capsys, "extract", str(small), str(tmp_path / "nowhere.txt"), "--format", "json")
    assert code == 2 and "nowhere.txt" in err
    payload = json.loads(out)
    assert [p["report"]["source"] for p in payload] == [small.name]


def test_help(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "usage: gmsgraph" in out and "extract" in out


def test_extract_help(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["extract", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "--format" in out and "json" in out and "summary" in out and "--max-size" in out


def test_no_command_prints_help_and_exits_2(capsys) -> None:
    assert main([]) == 2
    assert "usage: gmsgraph" in capsys.readouterr().out


def test_unknown_format_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["extract", str(LAO_REPORT), "--format", "xml"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
