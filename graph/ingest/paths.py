"""Which report files a list of paths names: files, folders and glob patterns, in a stable order.

Shared by ``gmsgraph extract``/``ingest`` and by the web upload, so both accept the same inputs.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from graph.ingest.read import READERS

# A folder contributes the files that have a reader; an explicitly named file is always tried.
REPORT_SUFFIXES: tuple[str, ...] = tuple(READERS)


def expand_paths(arguments: Iterable[str]) -> tuple[list[Path], list[str]]:
    """The report files the arguments name (each once, in argument order), and one message per
    argument that named none (``"ARG: why"``).

    A folder gives its report files, recursively and sorted (not following symlinked folders); a
    file is kept whatever its type, so that reading it gives a clear error ("unsupported file
    type", "not a regular file"); anything else is a glob pattern.
    """
    found: list[Path] = []
    unmatched: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            reports = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
            if not reports:
                unmatched.append(f"{argument}: no reports found in this folder ({', '.join(REPORT_SUFFIXES)})")
            found += reports
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True) if Path(m).is_file())
            if matches:
                found += matches
            else:
                unmatched.append(f"{argument}: no such file, folder or matching report")
    return list(dict.fromkeys(found)), unmatched
