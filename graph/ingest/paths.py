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
    """The report files the arguments name (each once, in argument order), and the arguments that
    named nothing.

    A folder gives its report files, recursively and sorted; a file is kept whatever its type, so
    that reading it gives a clear "unsupported file type" error; anything else is a glob pattern.
    """
    found: list[Path] = []
    missing: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        elif path.exists():
            found.append(path)
        else:
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True) if Path(m).is_file())
            if matches:
                found += matches
            else:
                missing.append(argument)
    return list(dict.fromkeys(found)), missing
