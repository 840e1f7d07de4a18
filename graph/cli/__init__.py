"""The `gmsgraph` command. Each feature registers its own sub-commands from its own module;
what they share (store options, error guard, tables, exit codes) is in `graph.cli.common`."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from graph import __version__
from graph.cli.common import ExitCode

# One module per feature, in pipeline order (the order `gmsgraph --help` lists the commands in);
# each exposes register(subparsers).
COMMAND_MODULES: tuple[str, ...] = (
    "graph.cli.extract",  # extract
    "graph.cli.ingest",  # ingest
    "graph.cli.query",  # query, queries
    "graph.cli.store",  # stats, export, reset
    "graph.cli.themes",  # compare, themes
    "graph.cli.serve",  # serve
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gmsgraph",
        description="Turn GMS consultation reports into a knowledge graph of problems, causes, "
        "effects, visions and results, and query it.",
    )
    parser.add_argument("--version", action="version", version=f"gmsgraph {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


class _Stderr(logging.Handler):
    """Writes to whatever ``sys.stderr`` is now (a progress bar or a test may have replaced it)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"warning: {record.getMessage()}", file=sys.stderr)


_WARNINGS = _Stderr(logging.WARNING)


def show_warnings() -> None:
    """What a reader had to repair or guess (``graph`` loggers at WARNING) goes to stderr."""
    logger = logging.getLogger("graph")
    if _WARNINGS not in logger.handlers:
        logger.addHandler(_WARNINGS)
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    show_warnings()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.BAD_INPUT
    try:
        return int(args.func(args) or ExitCode.OK)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader of the output went away (`gmsgraph query ... | head`): stop without a traceback,
        # and point stdout at /dev/null so that flushing it at exit does not fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.FAILURE


if __name__ == "__main__":
    sys.exit(main())
