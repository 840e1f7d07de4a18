"""Gold files: the hand annotations in ``tests/gold`` (format in its README.md).

Two formats: format 1 (no ``"format"`` key; one statement per sentence, database mentions,
kept in ``tests/gold/v1``) and format 2 (``"format": 2``; phrase-level statements,
comments, entities with aliases, theme mentions per theme). :func:`load_gold` reads one file
and refuses what cannot be scored at all; :func:`gold_problems` lists every way a file breaks
the annotation rules of its format, checking texts against the report when it is given (the
test suite requires none).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.evaluation.kinds import COMMENT, ENTITY_KINDS, FORMAT1_KINDS, ROLES, SCORED_KINDS
from graph.evaluation.match import contains_words, is_not_statement
from graph.evaluation.normalise import normalise

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
REQUIRED_KEYS_V2: frozenset[str] = frozenset(
    {
        "report",
        "format",
        "metadata",
        "statements",
        "causal_pairs",
        "not_statements",
        "entities",
        "theme_mentions",
    }
)
FORMATS: tuple[int, ...] = (1, 2)
_LIST_KEYS = (
    "statements",
    "causal_pairs",
    "not_statements",
    "database_mentions",
    "data_sharing_mentions",
    "entities",
    "references",
)
# Where a gold file's report is looked for, relative to the project root, by file name.
REPORT_DIRS: tuple[str, ...] = ("data/reports", "data/synthetic")
# Page furniture that may interrupt a statement in a report, besides the gold's not-statements.
_FURNITURE_LINE = re.compile(r"^\s*(?:page \d+(?: of \d+)?|\d{1,3}|_{5,})\s*$", re.IGNORECASE)


class GoldError(ValueError):
    """A gold file that cannot be scored."""


def gold_format(gold: Mapping[str, Any]) -> int:
    """2 for a file with ``"format": 2``, else 1."""
    return 2 if gold.get("format") == 2 else 1


@dataclass(frozen=True)
class Gold:
    path: Path
    data: Mapping[str, Any]

    @property
    def report(self) -> str:
        """The file name of the annotated report."""
        return str(self.data["report"])

    @property
    def format(self) -> int:
        return gold_format(self.data)


def gold_paths(directory: Path) -> list[Path]:
    """The gold files of a directory (not its subfolders), in name order."""
    return sorted(directory.glob("*.json"))


def parse_gold(data: Any, where: str = "gold") -> Mapping[str, Any]:
    """`data` if it can be scored: an object naming its ``report``, lists as lists."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: not a JSON object")
    if not isinstance(data.get("report"), str) or not data["report"]:
        raise GoldError(f'{where}: no "report" file name')
    if data.get("format", 1) not in FORMATS:
        raise GoldError(f"{where}: unknown format {data.get('format')!r}")
    for key in _LIST_KEYS:
        if not isinstance(data.get(key, []), list):
            raise GoldError(f'{where}: "{key}" is not a list')
    if not isinstance(data.get("metadata", {}), dict):
        raise GoldError(f'{where}: "metadata" is not an object')
    mentions = data.get("theme_mentions", {})
    if not isinstance(mentions, dict) or not all(isinstance(v, list) for v in mentions.values()):
        raise GoldError(f'{where}: "theme_mentions" is not an object of lists')
    return data


def load_gold(path: Path) -> Gold:
    """Read one gold file; GoldError when it is not JSON or cannot be scored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    return Gold(path, parse_gold(data, str(path)))


def report_body(raw: str, not_statements: Iterable[str] = ()) -> str:
    """The report text as gold texts are checked against: normalised, page furniture left out.

    Lines that are one of the gold's not-statements or look like page furniture (page
    numbers, "Page 3 of 5", a footnote rule) are dropped, so that a statement interrupted by
    a page break still occurs in it.
    """
    furniture = {" ".join(n.split()) for n in not_statements if isinstance(n, str)}
    kept = [
        line
        for line in raw.replace("\f", "\n").splitlines()
        if not _FURNITURE_LINE.match(line) and " ".join(line.split()) not in furniture
    ]
    return normalise("\n".join(kept))


def _statement_problems(gold: Mapping[str, Any], kinds: Iterable[str]) -> Iterable[str]:
    allowed = tuple(kinds)
    nots = [n for n in gold.get("not_statements", ()) if isinstance(n, str)]
    for s in gold.get("statements", ()):
        if not isinstance(s, dict):
            yield f"statement is not an object: {s!r}"
            continue
        text = s.get("text")
        if s.get("kind") not in allowed:
            yield f"statement kind {s.get('kind')!r} is not one of {', '.join(allowed)}"
        if not isinstance(text, str) or not text.strip():
            yield f"statement without text: {s!r}"
        elif (ns := is_not_statement(text, nots)) is not None:
            yield f"statement {text[:60]!r} looks like the not-statement {ns[:60]!r}"


def _pair_field_problems(gold: Mapping[str, Any]) -> Iterable[str]:
    for pair in gold.get("causal_pairs", ()):
        fields = pair if isinstance(pair, dict) else {}
        if not all(isinstance(fields.get(k), str) and fields[k].strip() for k in ("cause", "effect", "cue")):
            yield f"causal pair without cause, effect or cue: {pair!r}"


def _format1_problems(gold: Mapping[str, Any]) -> list[str]:
    problems = [f"missing key {key!r}" for key in sorted(REQUIRED_KEYS - gold.keys())]
    if not gold.get("statements"):
        problems.append("no statements")
    problems += _statement_problems(gold, FORMAT1_KINDS)
    texts = {s.get("text") for s in gold.get("statements", ()) if isinstance(s, dict)}
    problems += [
        f"database mention is not a statement text: {m!r}" for m in gold.get("database_mentions", ()) if m not in texts
    ]
    problems += _pair_field_problems(gold)
    return problems


def _comment_problems(s: Mapping[str, Any]) -> Iterable[str]:
    text = str(s.get("text", ""))[:60]
    if s.get("kind") == COMMENT:
        if s.get("role") not in ROLES:
            yield f"comment {text!r}: role {s.get('role')!r} is not one of {', '.join(sorted(ROLES))}"
        if "speaker" not in s:
            yield f"comment {text!r} without a speaker key (null when the report names nobody)"
        elif s["speaker"] is not None and not (isinstance(s["speaker"], str) and s["speaker"].strip()):
            yield f"comment {text!r}: speaker must be a name or null"
    elif "role" in s or "speaker" in s:
        yield f"statement {text!r}: role/speaker on a {s.get('kind')}"


def _entity_problems(gold: Mapping[str, Any]) -> Iterable[str]:
    for e in gold.get("entities", ()):
        if not isinstance(e, dict):
            yield f"entity is not an object: {e!r}"
            continue
        name = e.get("name")
        if e.get("kind") not in ENTITY_KINDS:
            yield f"entity {name!r}: kind {e.get('kind')!r} is not one of {', '.join(ENTITY_KINDS)}"
        if not isinstance(name, str) or not name.strip():
            yield f"entity without a name: {e!r}"
        aliases = e.get("aliases")
        if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) and a.strip() for a in aliases):
            yield f"entity {name!r}: aliases must be a non-empty list of names"
        year = e.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            yield f"entity {name!r}: year {year!r} is not a number"


def _theme_problems(gold: Mapping[str, Any], texts: set[str]) -> Iterable[str]:
    for theme, mentions in (gold.get("theme_mentions") or {}).items():
        for m in mentions:
            if m not in texts:
                yield f"theme {theme} mention is not a statement text: {m!r}"
        for m, n in Counter(mentions).items():
            if n > 1:
                yield f"theme {theme} lists {m!r} {n} times"


def _format2_pair_problems(gold: Mapping[str, Any], texts: set[str]) -> Iterable[str]:
    yield from _pair_field_problems(gold)
    seen: Counter[tuple[Any, Any]] = Counter()
    for pair in gold.get("causal_pairs", ()):
        if not isinstance(pair, dict):
            continue
        for half in ("cause", "effect"):
            if isinstance(pair.get(half), str) and pair[half] not in texts:
                yield f"causal pair {half} is not a statement text: {pair[half]!r}"
        if pair.get("cause") == pair.get("effect"):
            yield f"causal pair links a statement to itself: {pair.get('cause')!r}"
        seen[(pair.get("cause"), pair.get("effect"))] += 1
    for key, n in seen.items():
        if n > 1:
            yield f"causal pair listed {n} times: {key!r}"


def _occurrence_problems(gold: Mapping[str, Any], report_text: str) -> Iterable[str]:
    nots = [n for n in gold.get("not_statements", ()) if isinstance(n, str)]
    body = report_body(report_text, nots)
    full = normalise(report_text)

    def absent(text: Any, haystack: str = body) -> bool:
        return isinstance(text, str) and bool(normalise(text)) and not contains_words(haystack, normalise(text))

    for s in gold.get("statements", ()):
        if isinstance(s, dict):
            if absent(s.get("text")):
                yield f"statement text not in the report: {s.get('text')!r}"
            if s.get("kind") == COMMENT and absent(s.get("speaker"), full):
                yield f"speaker not in the report: {s.get('speaker')!r}"
    for n in nots:
        if absent(n, full):
            yield f"not-statement not in the report: {n!r}"
    for e in gold.get("entities", ()):
        for a in e.get("aliases", ()) if isinstance(e, dict) else ():
            if absent(a, full):
                yield f"entity {e.get('name')!r}: alias not in the report: {a!r}"


def _format2_problems(gold: Mapping[str, Any], report_text: str | None) -> list[str]:
    problems = [f"missing key {key!r}" for key in sorted(REQUIRED_KEYS_V2 - gold.keys())]
    if not gold.get("statements"):
        problems.append("no statements")
    problems += _statement_problems(gold, SCORED_KINDS)
    statements = [s for s in gold.get("statements", ()) if isinstance(s, dict)]
    texts = {str(s["text"]) for s in statements if isinstance(s.get("text"), str)}
    for s in statements:
        problems += _comment_problems(s)
    seen = Counter((s.get("kind"), s.get("text"), s.get("group"), s.get("topic")) for s in statements)
    problems += [f"statement listed {n} times: {key!r}" for key, n in seen.items() if n > 1]
    priorities = {s.get("text") for s in statements if s.get("kind") == "priority"}
    problems += [
        f"topic {s['topic']!r} is not a priority text"
        for s in statements
        if s.get("topic") is not None and s.get("topic") not in priorities
    ]
    problems += _format2_pair_problems(gold, texts)
    problems += _entity_problems(gold)
    problems += _theme_problems(gold, texts)
    if report_text is not None:
        problems += _occurrence_problems(gold, report_text)
    return problems


def gold_problems(gold: Mapping[str, Any], report_text: str | None = None) -> list[str]:
    """Every breach of the annotation format and rules, as sentences; [] if none.

    Format 2 also requires: comments with a role and a speaker key, no duplicate statement,
    topics that are priority texts, pair halves and theme mentions that are statement texts,
    entities of a scored kind with aliases; with `report_text` (the raw report), every
    statement text, not-statement, speaker and entity alias occurs in the normalised report
    (:func:`report_body`).
    """
    if gold_format(gold) == 2:
        return _format2_problems(gold, report_text)
    return _format1_problems(gold)


def find_report(name: str, root: Path, dirs: Iterable[str] = REPORT_DIRS) -> Path | None:
    """The report a gold file annotates, found by file name in `dirs` under `root`."""
    for d in dirs:
        p = root / d / name
        if p.exists():
            return p
    return None
