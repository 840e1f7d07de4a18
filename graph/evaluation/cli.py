"""The scorer's command line: ``python -m graph.evaluation``, ``bench/score.py``.

Argument parsing, reading and printing only; the figures come from the pure functions of
this package.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.evaluation.extraction import Obtained, load_extraction, run_extract
from graph.evaluation.gold import (
    REPORT_DIRS,
    Gold,
    GoldError,
    find_report,
    gold_paths,
    load_gold,
)
from graph.evaluation.match import THRESHOLD
from graph.evaluation.report import render_json, render_table
from graph.evaluation.scorecard import ReportScore, aggregate, score_report

DESCRIPTION = (
    "Score `gmsgraph extract --format json` against the hand annotations in tests/gold "
    "(format 2; the format-1 files of tests/gold/v1 with --gold tests/gold/v1)."
)


def build_parser(root: Path, prog: str | None = None) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=prog, description=DESCRIPTION)
    ap.add_argument(
        "--gold",
        type=Path,
        default=root / "tests" / "gold",
        help="directory of gold JSON files",
    )
    src = ap.add_mutually_exclusive_group()
    src.add_argument(
        "--extraction-dir",
        type=Path,
        help="read extractions from DIR/<report stem>.json",
    )
    src.add_argument(
        "--run",
        action="store_true",
        help="run `python -m graph extract` on each report (default)",
    )
    ap.add_argument("--json", action="store_true", help="print machine-readable figures")
    ap.add_argument(
        "--database-theme",
        default=None,
        metavar="ID",
        help="format-1 gold: id of the database theme (default: any theme id containing 'data'); "
        "format-2 gold scores every annotated theme by its exact id",
    )
    ap.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="format-2 gold: list the first N missed and spurious statements, pairs and entities per kind",
    )
    ap.add_argument(
        "--threshold",
        type=float,
        default=THRESHOLD,
        help="similarity threshold, 0-100 (default 80)",
    )
    ap.add_argument(
        "--report",
        action="append",
        default=[],
        metavar="NAME",
        help="score only this report (file name or stem); repeatable",
    )
    ap.add_argument(
        "--save-dir",
        type=Path,
        help="with --run, also write each extraction to DIR/<stem>.json",
    )
    ap.add_argument("--timeout", type=float, default=900, help="seconds per extract run")
    return ap


def selected(report: str, wanted: Sequence[str]) -> bool:
    """Is `report` one of the --report names (file name or stem)? None selects all."""
    return not wanted or report in wanted or Path(report).stem in wanted


def _obtain(gold: Gold, args: argparse.Namespace, root: Path) -> Obtained:
    name = gold.report
    if args.extraction_dir:
        return load_extraction(args.extraction_dir, name)
    path = find_report(name, root)
    if path is None:
        return Obtained(None, f"report {name} not found in {', '.join(REPORT_DIRS)}")
    obtained = run_extract(path, cwd=root, timeout=args.timeout)
    if obtained.extraction is not None and args.save_dir:
        args.save_dir.mkdir(parents=True, exist_ok=True)
        (args.save_dir / f"{Path(name).stem}.json").write_text(
            json.dumps(obtained.extraction, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return obtained


def main(
    argv: Sequence[str] | None = None,
    *,
    root: Path | None = None,
    prog: str | None = None,
) -> int:
    """Score every selected gold file; exit 1 if an extraction is missing, 2 on bad use.

    `root` is the project checkout holding ``tests/gold`` and ``data/`` (default: the
    current directory).
    """
    root = Path.cwd() if root is None else root
    ap = build_parser(root, prog)
    args = ap.parse_args(argv)

    paths = gold_paths(args.gold)
    if not paths:
        ap.error(f"no gold files in {args.gold}")
    try:
        golds = [load_gold(p) for p in paths]
    except GoldError as exc:
        ap.error(str(exc))
    scores: list[ReportScore] = []
    for gold in golds:
        if not selected(gold.report, args.report):
            continue
        extraction, error = _obtain(gold, args, root)
        if error:
            print(f"warning: {gold.report}: {error}", file=sys.stderr)
        scores.append(
            score_report(
                gold.data,
                extraction,
                threshold=args.threshold,
                database_theme=args.database_theme,
                error=error,
            )
        )

    overall = aggregate(scores)
    if args.json:
        print(render_json(scores, overall, args.threshold))
    else:
        sys.stdout.write(render_table(scores, overall, args.errors))
    return 1 if any(rs.error for rs in scores) else 0
