"""Command-line path arguments: files, folders and glob patterns, expanded in a stable order."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

REPORT_SUFFIXES = (".txt", ".text", ".pdf", ".docx", ".html", ".htm")


def expand_paths(arguments: Iterable[str]) -> tuple[list[Path], list[str]]:
    """The report files the arguments name, and the arguments that named nothing."""
    found: list[Path] = []
    missing: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        elif path.exists():
            found.append(path)  # an explicit file is always tried, so an unsupported type gets a clear error
        else:
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True) if Path(m).is_file())
            if matches:
                found += matches
            else:
                missing.append(argument)
    return list(dict.fromkeys(found)), missing
