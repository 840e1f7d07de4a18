"""The extractions to score: run through the extractor's CLI, or read from saved JSON.

The extractor is run as ``python -m graph extract REPORT --format json`` (the extraction
contract in :mod:`graph.contract`), so the scorer never imports ``graph.ingest`` and
does not depend on how the extractor is organised inside.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple


class Obtained(NamedTuple):
    """An extraction (``gmsgraph extract --format json``), or why there is none."""

    extraction: Mapping[str, Any] | None
    error: str | None


def pick_extraction(data: Any, source: str) -> Mapping[str, Any] | None:
    """The extraction of report `source` in parsed JSON: one object or an array."""
    if isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and (item.get("report") or {}).get("source") == source:
                return item
        only = data[0] if len(data) == 1 else None
        return only if isinstance(only, dict) else None
    return data if isinstance(data, dict) else None


def _picked(data: Any, source: str, where: str) -> Obtained:
    extraction = pick_extraction(data, source)
    if extraction is None:
        return Obtained(None, f"no extraction of {source} in {where}")
    return Obtained(extraction, None)


def extract_command(report: Path, python: str = sys.executable) -> list[str]:
    return [python, "-m", "graph", "extract", str(report), "--format", "json"]


def run_extract(report: Path, *, cwd: Path, timeout: float, python: str = sys.executable) -> Obtained:
    """Run the extractor's CLI on one report, in `cwd`."""
    cmd = extract_command(report, python)
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Obtained(None, f"timed out after {timeout:.0f}s: {' '.join(cmd)}")
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return Obtained(None, f"exit {proc.returncode}: " + " | ".join(tail))
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return Obtained(None, f"output is not JSON: {exc}")
    return _picked(data, report.name, "the extractor's output")


def load_extraction(directory: Path, report_name: str) -> Obtained:
    """Read DIR/<report stem>.json, or DIR/<report file name>.json."""
    stem = Path(report_name).stem
    for candidate in (directory / f"{stem}.json", directory / f"{report_name}.json"):
        if candidate.exists():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                return Obtained(None, f"{candidate}: {exc}")
            return _picked(data, report_name, str(candidate))
    return Obtained(None, f"no {stem}.json in {directory}")
