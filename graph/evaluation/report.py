"""The scores as a plain-text table or as JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from graph.evaluation.metrics import PRF, ROW_KINDS, ThemeScore
from graph.evaluation.scorecard import ALL, Overall, ReportScore

_HEADER = f"{'kind':18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}\n"
_MICRO_LABEL = "all kinds (micro)"
_HITS_SHOWN = 10
_CLAUSES_TITLE = (
    "\nthe same, accepting a causal clause split off a sentence (a gold pair's cause or effect) as a statement:\n"
)


def fmt(x: float | None) -> str:
    """A rate with two decimals, or a dash when it is undefined."""
    return "  -  " if x is None else f"{x:5.2f}"


def row(label: str, m: PRF) -> str:
    return (
        f"{label:18} {m.gold:5d} {m.predicted:5d} {m.tp:5d} {fmt(m.precision):>6} {fmt(m.recall):>6} {fmt(m.f1):>6}\n"
    )


def _rows(kinds: Mapping[str, PRF]) -> str:
    return "".join(row(_MICRO_LABEL if kind == ALL else kind, kinds[kind]) for kind in (*ROW_KINDS, ALL))


def _pairs_line(found: int, total: int, recall: float | None) -> str:
    return f"causal pairs recalled: {found}/{total}  recall {fmt(recall)}"


def _database_line(db: ThemeScore) -> str:
    if not db.tagged_any:
        return "database theme: n/a (no statement carries themes)\n"
    return (
        f"database theme: recall {db.recalled}/{db.gold} {fmt(db.recall)}  "
        f"precision {db.correct}/{db.predicted} {fmt(db.precision)}\n"
    )


def render_report(rs: ReportScore) -> str:
    """One report's block: kinds, causal pairs, not-statements, theme, metadata."""
    out = [
        f"\n== {rs.report}" + (f"   [ERROR: {rs.error}]" if rs.error else "") + "\n",
        _HEADER,
    ]
    out += [row(kind, rs.kinds[kind]) for kind in ROW_KINDS]
    out.append(row(_MICRO_LABEL, rs.total))
    line = _pairs_line(sum(rs.pairs_found), len(rs.pairs_found), rs.pair_recall)
    tree_found, tree_total = rs.pairs_in_section("tree")
    if tree_total and tree_total != len(rs.pairs_found):
        line += f"  (problem trees only: {tree_found}/{tree_total})"
    out.append(line + "\n")
    out.append(f"not-statements predicted as statements: {len(rs.not_statement_hits)}\n")
    out += [
        f"    [{hit.kind}] {hit.text[:90]!r}  ~ {hit.not_statement[:50]!r}\n"
        for hit in rs.not_statement_hits[:_HITS_SHOWN]
    ]
    out.append(_database_line(rs.database))
    wrong = [k for k, v in rs.metadata.items() if not v]
    out.append(
        f"metadata fields right: {sum(rs.metadata.values())}/{len(rs.metadata)}"
        + (f"  (wrong: {', '.join(wrong)})" if wrong else "")
        + "\n"
    )
    return "".join(out)


def render_overall(overall: Overall) -> str:
    """The micro-averaged block, plain and with split-off clauses accepted."""
    return "".join(
        [
            f"\n== OVERALL (micro-averaged over {overall.reports} reports)\n",
            _HEADER,
            _rows(overall.kinds),
            _CLAUSES_TITLE,
            _rows(overall.kinds_with_clauses),
            _pairs_line(overall.pairs_found, overall.pairs_total, overall.pair_recall) + "\n",
            f"not-statements predicted as statements: {overall.not_statement_hits}\n",
            _database_line(overall.database),
        ]
    )


def render_table(scores: Sequence[ReportScore], overall: Overall) -> str:
    """The whole text output: every report's block, then the overall one."""
    return "".join(render_report(rs) for rs in scores) + render_overall(overall)


def to_json(scores: Sequence[ReportScore], overall: Overall, threshold: float) -> dict[str, Any]:
    """The machine-readable figures (``--json``)."""
    return {
        "threshold": threshold,
        "reports": [rs.as_dict() for rs in scores],
        "overall": overall.as_dict(),
    }


def render_json(scores: Sequence[ReportScore], overall: Overall, threshold: float) -> str:
    return json.dumps(to_json(scores, overall, threshold), ensure_ascii=False, indent=1)
