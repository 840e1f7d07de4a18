"""`gmsgraph ingest`: extract reports and write them to the graph store, one line per report.

The work is :func:`graph.ingest.service.ingest_paths`; this module parses, shows progress and prints.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from graph.cli.common import ExitCode, add_report_options, add_store_options, guard, opened_store, report_inputs

if TYPE_CHECKING:
    from graph.ingest.service import ReportOutcome


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="extract reports and load them into the graph",
        description="Extract each report and write it to the graph. An unchanged report (same content hash) "
        "writes nothing; a changed report from the same source replaces the old one. A report that fails is "
        "reported and the rest still load; the exit code is then 1.")
    add_report_options(parser)
    add_store_options(parser)
    parser.set_defaults(func=cmd_ingest)


@guard
def cmd_ingest(args: argparse.Namespace) -> int:
    from graph.ingest.service import ingest_paths

    inputs = report_inputs(args)
    if inputs is None:
        return ExitCode.BAD_INPUT
    paths = inputs.paths
    with opened_store(args) as store, tqdm(total=len(paths), unit="report", file=sys.stderr, disable=None,
                                           dynamic_ncols=True) as bar:
        bar.set_postfix_str(paths[0].name)  # the report being worked on
        summary = ingest_paths(paths, store, inputs.options, progress=functools.partial(_show, bar, iter(paths[1:])))
    counts = ", ".join(f"{n} {outcome.value}" for outcome, n in summary.counts().items())
    print(f"{len(paths)} report(s): {counts}")
    return ExitCode.FAILURE if summary.failed or inputs.missing else ExitCode.OK


def _show(bar: tqdm, upcoming: Iterator[Path], outcome: ReportOutcome) -> None:
    """One line per report (failures on stderr), above the progress bar, which moves to the next report."""
    bar.update()
    following = next(upcoming, None)
    if following is not None:
        bar.set_postfix_str(following.name)
    result = outcome.result
    if result is None:
        bar.write(f"{outcome.outcome.value:<10} {outcome.path}: {outcome.error}", file=sys.stderr)
        return
    detail = f"{result.nodes} nodes, {result.relationships} relationships" if result.nodes else "already in the graph"
    if result.replaced_id:
        detail += f"; replaced {result.replaced_id[:12]}"
    bar.write(f"{outcome.outcome.value:<10} {outcome.path} ({result.report_id[:12]}: {detail})")
