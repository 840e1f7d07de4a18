"""What every ``gmsgraph`` command module shares, so each one only parses arguments and prints.

- :class:`ExitCode`: the exit codes, one table for every command.
- :func:`add_store_options` and :func:`opened_store`: ``--data-dir``/``--store``, and the store they name.
- :func:`guard`: errors a user can act on become one ``error: ...`` line and the exit code the
  error declares (:func:`exit_code_of`), not a traceback. :func:`print_error` prints such a line.
- :func:`render_table` and :func:`write_result`: rows as a text table, CSV or JSON.
- :func:`add_report_options` and :func:`report_inputs`: the report inputs of ``extract`` and
  ``ingest`` (paths, model, themes file, size limit).

A command module exposes ``register(subparsers)`` and sets ``func`` on each parser it adds::

    def register(subparsers):
        parser = subparsers.add_parser("stats", help="...")
        add_store_options(parser)
        parser.set_defaults(func=cmd_stats)

    @guard
    def cmd_stats(args):
        with opened_store(args) as store:
            ...
        return ExitCode.OK

Nothing here imports a driver, spaCy or the store at import time: ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import csv
import enum
import functools
import json
import math
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from graph.export import cell_text
from graph.tables import render_table

if TYPE_CHECKING:
    from graph.ingest.service import IngestOptions
    from graph.store import Store

Command = Callable[[argparse.Namespace], int]


class ExitCode(enum.IntEnum):
    """The exit codes of every command. An error type declares its own in an ``exit_code`` attribute."""

    OK = 0
    FAILURE = 1  # the store or the system failed: unreachable server, a query the engine refused, a report not loaded
    BAD_INPUT = 2  # what the user gave is wrong: unknown query, bad parameter, unreadable report or themes file
    INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT


# --- errors ----------------------------------------------------------------------------------


def print_error(message: object) -> None:
    print(f"error: {message}", file=sys.stderr)


@functools.cache
def _user_errors() -> tuple[type[Exception], ...]:
    """The error types that carry a message meant for the user (imported on first failure)."""
    from graph.ingest.errors import IngestError
    from graph.queries.catalog import BadParameter, QueryFileError, UnknownQuery
    from graph.store import StoreError
    from graph.store.falkordb_server import ServerError
    from graph.themes.taxonomy import TaxonomyError

    return (IngestError, StoreError, ServerError, UnknownQuery, BadParameter, QueryFileError, TaxonomyError,
            OSError)


def exit_code_of(error: BaseException) -> int:
    """The exit code an error declares in its type's ``exit_code`` attribute (1 when it declares none)."""
    return int(getattr(error, "exit_code", ExitCode.FAILURE))


def guard(command: Command) -> Command:
    """Decorate a command: a user-actionable error becomes ``error: <message>`` on stderr and
    :func:`exit_code_of` the error, instead of a traceback. Programming errors still raise."""

    @functools.wraps(command)
    def guarded(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except BrokenPipeError:
            raise  # not an error: the reader went away (`gmsgraph ... | head`); main() ends quietly
        except _user_errors() as exc:
            print_error(exc)
            return exit_code_of(exc)

    return guarded


# --- argument types --------------------------------------------------------------------------


def positive_int(text: str) -> int:
    """An argparse type: a whole number ≥ 1 (``--limit 0`` or ``-1`` is an error, not "no rows")."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def byte_size(text: str) -> int:
    """An argparse type: a size in bytes, plain or with a unit (``100MB``, ``50 MiB``)."""
    from graph.ingest.read import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def positive_seconds(text: str) -> float:
    """An argparse type: a finite number of seconds > 0 (not 0, negative, nan or inf)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds above 0, got {text!r}")
    return value


# --- the store -------------------------------------------------------------------------------


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """``--data-dir DIR`` and ``--store URI``, read back by :func:`opened_store`."""
    group = parser.add_argument_group("graph store")
    group.add_argument("--data-dir", default=None, metavar="DIR",
                       help="embedded FalkorDB data directory (default: $GMSGRAPH_DATA_DIR, then a per-user dir)")
    group.add_argument("--store", default=None, metavar="URI",
                       help="neo4j://host:7687 or bolt://host:7687 to use Neo4j (default: $NEO4J_URI, "
                       "else the embedded FalkorDB)")


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store that ``args.store`` / ``args.data_dir`` name, closed when the block ends."""
    from graph.store import open_store

    store = open_store(args.store, args.data_dir)
    try:
        yield store
    finally:
        store.close()


# --- report inputs (extract, ingest) ---------------------------------------------------------


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """``PATH...``, ``--max-size``, ``--themes`` and ``--model``, read back by :func:`report_inputs`."""
    from graph.ingest.read import DEFAULT_MAX_BYTES

    parser.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders or glob patterns")
    parser.add_argument("--max-size", type=byte_size, default=None, metavar="SIZE",
                        help=f"refuse files larger than this, in bytes or with a unit such as 100MB "
                        f"(default {DEFAULT_MAX_BYTES:,} bytes, or $GMSGRAPH_MAX_BYTES)")
    parser.add_argument("--themes", default=None, metavar="FILE",
                        help="a TOML taxonomy that extends or overrides the built-in themes")
    parser.add_argument("--model", default=None,
                        help="spaCy model package to use (default: en_core_web_sm if installed)")


@dataclass(frozen=True)
class ReportInputs:
    paths: list[Path]  # the report files the PATH arguments name
    missing: list[str]  # one message per PATH argument that named no report
    options: IngestOptions


def report_inputs(args: argparse.Namespace) -> ReportInputs | None:
    """The reports and options of :func:`add_report_options`, or None when there is nothing to do:
    no argument named a report, or the themes file is bad. Each problem gets an error line on
    stderr; a bad themes file is found before any model, store or report is touched."""
    from graph.ingest.paths import expand_paths
    from graph.ingest.read import max_bytes_from_env
    from graph.ingest.service import IngestOptions, check_options
    from graph.themes import TaxonomyError

    max_bytes = args.max_size
    if max_bytes is None:
        try:
            max_bytes = max_bytes_from_env()  # a bad $GMSGRAPH_MAX_BYTES is an error, not ignored
        except ValueError as exc:
            print_error(exc)
            return None
    paths, missing = expand_paths(args.paths)
    for message in missing:
        print_error(message)
    if not paths:
        return None
    options = IngestOptions(model=args.model, themes_file=args.themes, max_bytes=max_bytes)
    try:
        check_options(options)
    except (TaxonomyError, OSError) as exc:
        print_error(f"themes: {exc}")
        return None
    return ReportInputs(paths, missing, options)


# --- output ----------------------------------------------------------------------------------


def write_result(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, out: TextIO) -> None:
    """Query rows to ``out`` as ``json`` (a list of objects), ``csv`` or ``table`` (with a row count)."""
    if fmt == "json":
        json.dump([dict(zip(columns, row, strict=True)) for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([cell_text(v) for v in row] for row in rows)
    else:
        out.write(render_table(columns, rows) + "\n")
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
