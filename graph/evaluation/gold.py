"""Gold files: the hand annotations in ``tests/gold`` (format in its README.md).

:func:`load_gold` reads one file and refuses what cannot be scored at all;
:func:`gold_problems` lists every way a file breaks the annotation rules (the test suite
requires none).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.contract import STATEMENT_KINDS
from graph.evaluation.match import is_not_statement

REQUIRED_KEYS: frozenset[str] = frozenset(
    {
        "report",
        "metadata",
        "statements",
        "causal_pairs",
        "not_statements",
        "database_mentions",
    }
)
_LIST_KEYS = (
    "statements",
    "causal_pairs",
    "not_statements",
    "database_mentions",
    "data_sharing_mentions",
)
# Where a gold file's report is looked for, relative to the project root, by file name.
REPORT_DIRS: tuple[str, ...] = ("data/reports", "data/synthetic")


class GoldError(ValueError):
    """A gold file that cannot be scored."""


@dataclass(frozen=True)
class Gold:
    path: Path
    data: Mapping[str, Any]

    @property
    def report(self) -> str:
        """The file name of the annotated report."""
        return str(self.data["report"])


def gold_paths(directory: Path) -> list[Path]:
    """The gold files of a directory, in name order."""
    return sorted(directory.glob("*.json"))


def parse_gold(data: Any, where: str = "gold") -> Mapping[str, Any]:
    """`data` if it can be scored: an object naming its ``report``, lists as lists."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: not a JSON object")
    if not isinstance(data.get("report"), str) or not data["report"]:
        raise GoldError(f'{where}: no "report" file name')
    for key in _LIST_KEYS:
        if not isinstance(data.get(key, []), list):
            raise GoldError(f'{where}: "{key}" is not a list')
    if not isinstance(data.get("metadata", {}), dict):
        raise GoldError(f'{where}: "metadata" is not an object')
    return data


def load_gold(path: Path) -> Gold:
    """Read one gold file; GoldError when it is not JSON or cannot be scored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    return Gold(path, parse_gold(data, str(path)))


def _statement_problems(gold: Mapping[str, Any]) -> Iterable[str]:
    nots = [n for n in gold.get("not_statements", ()) if isinstance(n, str)]
    for s in gold.get("statements", ()):
        if not isinstance(s, dict):
            yield f"statement is not an object: {s!r}"
            continue
        text = s.get("text")
        if s.get("kind") not in STATEMENT_KINDS:
            kinds = ", ".join(STATEMENT_KINDS)
            yield f"statement kind {s.get('kind')!r} is not one of {kinds}"
        if not isinstance(text, str) or not text.strip():
            yield f"statement without text: {s!r}"
        elif (ns := is_not_statement(text, nots)) is not None:
            yield f"statement {text[:60]!r} looks like the not-statement {ns[:60]!r}"


def gold_problems(gold: Mapping[str, Any]) -> list[str]:
    """Every breach of the annotation format and rules, as sentences; [] if none."""
    problems = [f"missing key {key!r}" for key in sorted(REQUIRED_KEYS - gold.keys())]
    if not gold.get("statements"):
        problems.append("no statements")
    problems += _statement_problems(gold)
    texts = {s.get("text") for s in gold.get("statements", ()) if isinstance(s, dict)}
    problems += [
        f"database mention is not a statement text: {m!r}" for m in gold.get("database_mentions", ()) if m not in texts
    ]
    for pair in gold.get("causal_pairs", ()):
        fields = pair if isinstance(pair, dict) else {}
        if not all(isinstance(fields.get(k), str) and fields[k].strip() for k in ("cause", "effect", "cue")):
            problems.append(f"causal pair without cause, effect or cue: {pair!r}")
    return problems


def find_report(name: str, root: Path, dirs: Iterable[str] = REPORT_DIRS) -> Path | None:
    """The report a gold file annotates, found by file name in `dirs` under `root`."""
    for d in dirs:
        p = root / d / name
        if p.exists():
            return p
    return None
