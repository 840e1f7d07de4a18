"""The `gmsgraph` command. Each feature registers its own sub-commands from its own module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from graph import __version__

# One module per feature; each exposes register(subparsers).
COMMAND_MODULES: tuple[str, ...] = (
    "graph.cli.extract",
    "graph.cli.store",
    "graph.cli.themes",
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.func(args) or EXIT_OK)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
