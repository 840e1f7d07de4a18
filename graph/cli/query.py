"""`gmsgraph query | queries`: the analysts' query library (``cypher/``), or a .cypher file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from graph.cli.common import (
    ExitCode,
    add_store_options,
    guard,
    opened_store,
    positive_int,
    positive_seconds,
    write_result,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("query", help="run a library query by name, or a .cypher file",
                                   description="Run a query from the analysts' library (see `gmsgraph queries`) "
                                   "or a .cypher file. Read-only unless --write is given.")
    parser.add_argument("name", metavar="NAME_OR_FILE")
    parser.add_argument("--param", "-p", action="append", default=[], metavar="K=V",
                        help="a query parameter (repeatable)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--limit", type=positive_int, default=None, metavar="N", help="at most N rows")
    parser.add_argument("--timeout", type=positive_seconds, default=30.0, metavar="SECONDS",
                        help="stop the query after this long (default 30)")
    parser.add_argument("--write", action="store_true", help="allow a query file that writes")
    add_store_options(parser)
    parser.set_defaults(func=cmd_query)

    parser = subparsers.add_parser("queries", help="list the query library with descriptions and parameters")
    parser.set_defaults(func=cmd_queries)


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """``--param K=V`` values as a dict (later ones win); ``BadParameter`` for a pair without ``=``."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            from graph.queries.catalog import BadParameter

            raise BadParameter(f"--param {pair!r}: expected KEY=VALUE")
        params[key.strip()] = value
    return params


@guard
def cmd_query(args: argparse.Namespace) -> int:
    from graph.queries import api

    query = api.resolve(args.name)  # unknown names fail before any store is started
    params = parse_params(args.param)
    with opened_store(args) as store:
        result = api.run_query(store, query, params, limit=args.limit, read_only=not args.write,
                               timeout=args.timeout)
    write_result(result.columns, result.rows, args.format, sys.stdout)
    return ExitCode.OK


@guard
def cmd_queries(args: argparse.Namespace) -> int:
    from graph.queries import api

    for q in api.list_queries():
        print(q.name)
        for line in q.description.splitlines():
            print(f"    {line}")
        for p in q.params:
            default = "" if p.required else f" = {p.default!r}"
            print(f"    --param {p.name}=<{p.type}>{default}  {p.description}")
        print()
    return ExitCode.OK
