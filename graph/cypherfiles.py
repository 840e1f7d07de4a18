"""One loader for every folder of ``.cypher`` files: one query per file, read once, cached.

The store's internal queries (``graph/store/cypher``), the themes' read queries
(``graph/themes/cypher``) and the analysts' library (the top-level ``cypher/``, installed as
the package ``graph.cypher``) are all read here, through ``importlib.resources``, so they ship
inside the installed package and a source checkout reads the very same files.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

SUFFIX = ".cypher"


def strip_comments(text: str) -> str:
    """The query without its ``//`` comment lines (headers and explanations)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


@cache
def read_text(package: str, name: str) -> str:
    """The raw text of ``<package>/<name>.cypher``, header comments included."""
    return resources.files(package).joinpath(f"{name}{SUFFIX}").read_text("utf-8")


@cache
def query(package: str, name: str) -> str:
    """The query in ``<package>/<name>.cypher``, ready to run (comments stripped)."""
    return strip_comments(read_text(package, name))


@cache
def names(package: str) -> tuple[str, ...]:
    """Every query name in a package folder, sorted."""
    return tuple(sorted(entry.name[: -len(SUFFIX)] for entry in resources.files(package).iterdir()
                        if entry.name.endswith(SUFFIX)))


def statements(package: str, name: str) -> list[str]:
    """A multi-statement file (a schema) as separate statements: split on ``;`` if any, else per line."""
    lines = [line.strip() for line in strip_comments(read_text(package, name)).splitlines() if line.strip()]
    if any(line.endswith(";") for line in lines):
        return [part.strip() for part in " ".join(lines).split(";") if part.strip()]
    return lines
