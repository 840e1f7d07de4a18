"""What the CLI modules share: exit codes from the error types, the guard, the tables, the options."""

from __future__ import annotations

import argparse
import io
import json
import re

import pytest

from graph.cli import COMMAND_MODULES, build_parser
from graph.cli.common import (
    ExitCode,
    add_store_options,
    exit_code_of,
    guard,
    render_table,
    write_result,
)
from graph.ingest.errors import EXIT_BAD_INPUT, IngestError, TooLarge
from graph.queries.catalog import BadParameter, QueryFileError, UnknownQuery
from graph.store import QuerySyntaxError, StoreError
from graph.store.falkordb_server import ServerError
from graph.themes import TaxonomyError


@pytest.mark.parametrize(
    ("error", "code"),
    [(IngestError("r.txt", "the file is empty"), ExitCode.BAD_INPUT),
     (TooLarge("r.txt", "too large"), ExitCode.BAD_INPUT),
     (UnknownQuery("root_cause", ["root_causes"]), ExitCode.BAD_INPUT),
     (BadParameter("--param 'x': expected KEY=VALUE"), ExitCode.BAD_INPUT),
     (QueryFileError("header does not match"), ExitCode.BAD_INPUT),
     (TaxonomyError("bad theme"), ExitCode.BAD_INPUT),
     (StoreError("cannot reach FalkorDB"), ExitCode.FAILURE),
     (QuerySyntaxError("Invalid input"), ExitCode.FAILURE),
     (ServerError("did not start"), ExitCode.FAILURE),
     (FileNotFoundError(2, "No such file or directory"), ExitCode.FAILURE)],
)
def test_guard_prints_one_line_and_the_code_of_the_error(capsys, error: Exception, code: ExitCode) -> None:
    @guard
    def command(args: argparse.Namespace) -> int:
        raise error

    assert command(argparse.Namespace()) == code == exit_code_of(error)
    out, err = capsys.readouterr()
    assert out == "" and err == f"error: {error}\n"


def test_exit_codes_are_declared_by_the_error_types() -> None:
    assert IngestError.exit_code == EXIT_BAD_INPUT == ExitCode.BAD_INPUT

    class Declared(RuntimeError):
        exit_code = 7

    assert exit_code_of(Declared()) == 7  # the declaration wins over the type's base class


def test_guard_lets_programming_errors_through() -> None:
    @guard
    def command(args: argparse.Namespace) -> int:
        raise KeyError("a bug, not a user error")

    with pytest.raises(KeyError):
        command(argparse.Namespace())
    assert command.__name__ == "command"


def test_store_options() -> None:
    parser = argparse.ArgumentParser()
    add_store_options(parser)
    args = parser.parse_args(["--data-dir", "/tmp/d", "--store", "bolt://h:7687"])
    assert (args.data_dir, args.store) == ("/tmp/d", "bolt://h:7687")
    assert (parser.parse_args([]).data_dir, parser.parse_args([]).store) == (None, None)


def test_grid_table() -> None:
    table = render_table(("name", "n"), [("a" * 50, 3), ("b\nc", None), ("d", [1, 2])], max_width=10)
    assert table.splitlines() == [
        "name       | n",
        "-----------+-------",
        "aaaaaaaaa… | 3",
        "b c        |",
        "d          | [1, 2]",
    ]


def test_plain_table_right_aligns_numbers() -> None:
    table = render_table(("Country", "Theme", "Total"), [("Lao PDR", "Data", 12), ("Cambodia", "Data", 5)],
                         style="plain")
    assert table.splitlines() == [
        "Country   Theme  Total",
        "--------  -----  -----",
        "Lao PDR   Data      12",
        "Cambodia  Data       5",
    ]
    assert render_table(("a", "b"), [], style="plain").splitlines() == ["a  b", "-  -"]


def test_write_result_formats() -> None:
    columns, rows = ("kind", "n", "tags"), [("cause", 2, ["x"]), ("effect", None, [])]
    out = io.StringIO()
    write_result(columns, rows, "json", out)
    assert json.loads(out.getvalue()) == [{"kind": "cause", "n": 2, "tags": ["x"]},
                                          {"kind": "effect", "n": None, "tags": []}]
    out = io.StringIO()
    write_result(columns, rows, "csv", out)
    assert out.getvalue().splitlines() == ["kind,n,tags", 'cause,2,"[""x""]"', "effect,,[]"]
    out = io.StringIO()
    write_result(columns, rows[:1], "table", out)
    assert out.getvalue().endswith("cause | 2 | [\"x\"]\n(1 row)\n")


def test_help_lists_commands_in_pipeline_order(capsys) -> None:
    build_parser().print_help()
    listed = re.findall(r"^    (\w+)", capsys.readouterr().out, flags=re.MULTILINE)  # not wrapped help lines
    assert listed == ["extract", "ingest", "query", "queries", "stats", "export", "reset", "compare", "themes", "serve"]
    assert COMMAND_MODULES[:2] == ("graph.cli.extract", "graph.cli.ingest")


@pytest.mark.parametrize("command", ["ingest", "query", "stats", "export", "reset", "compare"])
def test_every_store_command_takes_the_store_options(capsys, command: str) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    out = capsys.readouterr().out
    assert "graph store:" in out and "--data-dir DIR" in out and "--store URI" in out


@pytest.mark.parametrize("argv", [
    ["query", "reports", "--limit", "-1"],
    ["query", "reports", "--limit", "0"],
    ["query", "reports", "--limit", "two"],
    ["query", "reports", "--timeout", "0"],
    ["query", "reports", "--timeout", "-1"],
    ["query", "reports", "--timeout", "nan"],
    ["query", "reports", "--timeout", "inf"],
    ["ingest", "x.txt", "--max-size", "-5"],
    ["themes", "recurring", "--examples", "0"],
])
def test_bad_numbers_are_one_line_errors_with_exit_2(argv, capsys) -> None:
    """They used to become 1 ms timeouts, a silently dropped row, or a traceback."""
    from graph.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert "Traceback" not in "\n".join(err) and not err[-1].startswith("usage:")
    assert any(reason in err[-1] for reason in ("must be", "expected", "is not a size"))


def test_max_size_takes_units_and_a_bad_environment_value_is_an_error(tmp_path, monkeypatch, capsys) -> None:
    """`GMSGRAPH_MAX_BYTES=100MB` used to be ignored silently, and --max-size took bytes only."""
    from graph.cli import build_parser, main

    args = build_parser().parse_args(["extract", "x.txt", "--max-size", "100MB"])
    assert args.max_size == 100_000_000
    report = tmp_path / "r.txt"
    report.write_text("Problem Identification\n1. Victims are not identified.\n", encoding="utf-8")
    monkeypatch.setenv("GMSGRAPH_MAX_BYTES", "lots")
    assert main(["extract", str(report)]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "GMSGRAPH_MAX_BYTES" in err and "is not a size" in err and "Traceback" not in err


def test_a_readers_warning_reaches_stderr(tmp_path, capsys) -> None:
    """One invalid byte keeps the file UTF-8; the reader's warning must reach the user."""
    from graph.cli import main

    report = tmp_path / "r.txt"
    text = "Problem Identification in Hà Nội\n1. Victims are not identified at the border crossing.\n"
    report.write_bytes(text.encode("utf-8").replace(b"border", b"bor\xffder"))
    main(["extract", str(report), "--format", "text"])
    assert "warning:" in capsys.readouterr().err


def test_a_query_or_themes_file_that_is_not_utf8_is_a_one_line_error(tmp_path, capsys) -> None:
    """Both used to raise a UnicodeDecodeError traceback."""
    from graph.cli import main

    query = tmp_path / "latin.cypher"
    query.write_bytes("// caf\xe9\nMATCH (n) RETURN count(n)\n".encode("latin-1"))
    assert main(["query", str(query)]) == ExitCode.BAD_INPUT
    themes = tmp_path / "themes.toml"
    themes.write_bytes('[[theme]]\nid = "caf\xe9"\n'.encode("latin-1"))
    report = tmp_path / "r.txt"
    report.write_text("Problem Identification\n1. Victims are not identified.\n", encoding="utf-8")
    assert main(["extract", str(report), "--themes", str(themes)]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("must be UTF-8") == 2 and "Traceback" not in err
