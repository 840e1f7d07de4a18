"""The analysts' query library: every ``cypher/*.cypher`` file except the schema files.

Each file holds one query and starts with a ``//`` header::

    // The root causes of a core problem, through CAUSES chains of any length.
    // @param report string: report id (or its first characters), country, or source file name
    // @param limit int = 50: at most this many rows

Description lines come first; ``@param name type [= default]: text`` lines declare parameters
(types: string, int, float, bool, list). Files are read through ``graph.cypherfiles`` from the
package ``graph.cypher``, which is the top-level ``cypher/`` folder installed inside the package.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from graph import cypherfiles

PARAM_TYPES = ("string", "int", "float", "bool", "list")
_PARAM_RE = re.compile(
    r"^@param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\w+)"
    r"(?:\s*=\s*(?P<default>[^:]*?))?\s*(?::\s*(?P<text>.*))?$"
)
_USED_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class UnknownQuery(LookupError):
    exit_code = 2

    def __init__(self, name: str, close: list[str]) -> None:
        self.name = name
        self.close = close
        hint = f"; did you mean: {', '.join(close)}?" if close else "; run `gmsgraph queries` for the list"
        super().__init__(f"no library query named {name!r}{hint}")


class BadParameter(ValueError):
    exit_code = 2


class QueryFileError(ValueError):
    """A .cypher file whose header does not match its body."""

    exit_code = 2


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str = ""
    default: str | None = None

    @property
    def required(self) -> bool:
        return self.default is None

    def coerce(self, raw: Any) -> Any:
        """A CLI/web string (or an already typed value) as the declared type."""
        if not isinstance(raw, str):
            return raw
        try:
            if self.type == "int":
                return int(raw)
            if self.type == "float":
                return float(raw)
            if self.type == "bool":
                if raw.lower() in ("1", "true", "yes", "y", "on"):
                    return True
                if raw.lower() in ("0", "false", "no", "n", "off"):
                    return False
                raise ValueError(raw)
            if self.type == "list":
                return [part.strip() for part in raw.split(",") if part.strip()]
        except ValueError:
            raise BadParameter(f"parameter {self.name!r} must be {self.type}, got {raw!r}") from None
        return raw


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    filename: str

    @property
    def summary(self) -> str:
        return self.description.split("\n", 1)[0]

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Declared params from ``given`` (coerced) or their defaults; unknown or missing ones fail."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise BadParameter(
                f"{self.name}: unknown parameter(s) {', '.join(unknown)}; "
                f"it takes: {', '.join(declared) or 'none'}"
            )
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                bound[p.name] = p.coerce(given[p.name])
            elif p.default is not None:
                bound[p.name] = p.coerce(p.default)
            else:
                raise BadParameter(f"{self.name}: missing parameter {p.name} ({p.type}): {p.description}")
        return bound


def parse_query(name: str, text: str, filename: str = "") -> LibraryQuery:
    description: list[str] = []
    params: list[Param] = []
    body: list[str] = []
    in_header = True
    for line in text.splitlines():
        stripped = line.strip()
        if in_header and stripped.startswith("//"):
            comment = stripped[2:].strip()
            match = _PARAM_RE.match(comment)
            if match:
                ptype = match["type"].lower()
                if ptype not in PARAM_TYPES:
                    raise QueryFileError(f"{filename or name}: @param {match['name']} has unknown type {ptype!r}")
                params.append(Param(match["name"], ptype, (match["text"] or "").strip(),
                                    None if match["default"] is None else match["default"].strip()))
            elif comment and not comment.startswith("@"):
                description.append(comment)
            continue
        if stripped:
            in_header = False
        if not in_header:
            body.append(line)
    query = "\n".join(body).strip()
    declared = {p.name for p in params}
    undeclared = sorted(set(_USED_PARAM_RE.findall(query)) - declared)
    if undeclared:
        raise QueryFileError(f"{filename or name}: uses undeclared parameter(s) {', '.join(undeclared)}")
    return LibraryQuery(name, "\n".join(description), tuple(params), query, filename)


LIBRARY = "graph.cypher"


@cache
def catalog() -> Mapping[str, LibraryQuery]:
    """Every library query by name (file name without ``.cypher``), sorted by name."""
    return MappingProxyType({
        name: parse_query(name, cypherfiles.read_text(LIBRARY, name), f"{name}{cypherfiles.SUFFIX}")
        for name in cypherfiles.names(LIBRARY)
    })


def get(name: str) -> LibraryQuery:
    queries = catalog()
    if name in queries:
        return queries[name]
    raise UnknownQuery(name, difflib.get_close_matches(name, list(queries), n=5, cutoff=0.5))


def from_file(path: Path) -> LibraryQuery:
    """An ad-hoc ``.cypher`` file: same header rules as the library."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryFileError(f"{path}: a query file must be UTF-8 text (byte {exc.start} is not)") from None
    except OSError as exc:
        raise QueryFileError(f"{path}: cannot read the query file ({exc.strerror})") from None
    return parse_query(path.stem, text, str(path))
