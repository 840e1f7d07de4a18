"""Extraction snapshots: prove a refactor changed no output, ids included.

    python -m graph.evaluation.snapshot save DIR [REPORT ...]     # before the change
    python -m graph.evaluation.snapshot compare DIR [REPORT ...]  # after: exit 1 on any difference

Reports default to the bundled ones (``data/reports`` and ``data/synthetic``). Each snapshot is the
``gmsgraph extract --format json`` output of one report, byte for byte.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.evaluation.extraction import extract_command

BUNDLED = ("data/reports", "data/synthetic")


def bundled_reports(root: Path) -> list[Path]:
    return sorted(p for folder in BUNDLED for p in (root / folder).glob("*.txt"))


def extract_json(report: Path) -> str:
    import subprocess

    return subprocess.run(extract_command(report), capture_output=True, text=True, check=True).stdout


def differences(before: str, after: str, name: str, context: int = 2) -> list[str]:
    """A unified diff of two snapshots (empty when identical)."""
    return list(difflib.unified_diff(before.splitlines(), after.splitlines(), f"{name} (saved)",
                                     f"{name} (now)", n=context, lineterm=""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph.evaluation.snapshot",
                                     description="Save or compare extraction snapshots (ids included).")
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("dir", type=Path, metavar="DIR")
    parser.add_argument("reports", nargs="*", type=Path, metavar="REPORT")
    args = parser.parse_args(argv)
    reports = args.reports or bundled_reports(Path.cwd())
    if not reports:
        parser.error("no reports: pass REPORT paths or run from the project root")
    args.dir.mkdir(parents=True, exist_ok=True)
    changed = 0
    for report in reports:
        saved = args.dir / f"{report.stem}.json"
        now = extract_json(report)
        if args.action == "save":
            saved.write_text(now, encoding="utf-8")
            print(f"saved    {report} -> {saved}")
            continue
        if not saved.exists():
            diff = ["(no snapshot)"]
        else:
            diff = differences(saved.read_text(encoding="utf-8"), now, report.name)
        changed += bool(diff)
        print(f"{'CHANGED' if diff else 'same':<8} {report}")
        for line in diff[:40]:
            print(f"    {line}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
