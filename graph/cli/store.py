"""`gmsgraph stats | export | reset`: the graph store as a whole."""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from graph.cli.common import ExitCode, add_store_options, guard, opened_store, print_error, render_table


def register(subparsers: argparse._SubParsersAction) -> None:
    from graph.export import FORMATS

    parser = subparsers.add_parser("stats", help="counts per label, relationship type and report")
    add_store_options(parser)
    parser.set_defaults(func=cmd_stats)

    parser = subparsers.add_parser("export", help="export the whole graph as GraphML (Gephi), CSV or JSON")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("out", metavar="OUT", help="output file (graphml, json) or directory (csv)")
    add_store_options(parser)
    parser.set_defaults(func=cmd_export)

    parser = subparsers.add_parser("reset", help="wipe the graph store")
    parser.add_argument("--yes", action="store_true", help="really wipe it")
    add_store_options(parser)
    parser.set_defaults(func=cmd_reset)


@guard
def cmd_stats(args: argparse.Namespace) -> int:
    from graph.model import KIND_LABELS
    from graph.queries import api

    with opened_store(args) as store:
        counts = store.counts()
        per_report = api.counts_per_kind(store)
        where = getattr(store, "location", store.engine)
    print(f"store: {where}")
    print(f"{counts.nodes} nodes, {counts.edges} relationships\n")
    print(render_table(("label", "nodes"), sorted(counts.labels.items())), end="\n\n")
    print(render_table(("relationship", "count"), sorted(counts.relationships.items())), end="\n\n")
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in per_report.records():
        table[(r["country"] or "?", r["source"])][r["kind"]] = r["statements"]
    kinds = list(KIND_LABELS)
    rows = [(c, s, *(v.get(k, 0) for k in kinds), sum(v.values())) for (c, s), v in sorted(table.items())]
    print(render_table(("country", "source", *kinds, "total"), rows))
    return ExitCode.OK


@guard
def cmd_export(args: argparse.Namespace) -> int:
    from graph import export

    out = Path(args.out)
    with opened_store(args) as store:
        nodes, rels = export.snapshot(store)
    export.write_export(args.format, out, nodes, rels)
    print(f"exported {len(nodes)} nodes and {len(rels)} relationships to {out}")
    return ExitCode.OK


@guard
def cmd_reset(args: argparse.Namespace) -> int:
    from graph.store import describe_target

    engine, location = describe_target(args.store, args.data_dir)
    if not args.yes:
        print_error(f"this deletes every report in the {engine} store at {location}; re-run with --yes")
        return ExitCode.BAD_INPUT
    with opened_store(args) as store:
        before = store.counts()
        store.wipe()
    print(f"wiped {before.nodes} nodes and {before.edges} relationships from {location}")
    return ExitCode.OK
