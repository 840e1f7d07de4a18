"""The scores as plain-text tables or as JSON.

Text output: one block per report (its kinds, macro-F1, pairs, entities, themes, comments,
not-statements, metadata), then one row per report (the per-report table), then the
all-reports block (micro-averaged counts; macro-F1 as the mean over reports).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from graph.evaluation.entities import EntityScore
from graph.evaluation.kinds import COMMENT, MACRO_KINDS
from graph.evaluation.metrics import PRF, ROW_KINDS, CommentScore, ThemeScore
from graph.evaluation.pairs import PairScore
from graph.evaluation.scorecard import ALL, Overall, ReportScore

_HEADER = f"{'kind':18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}\n"
_MICRO_LABEL = "all kinds (micro)"
_HITS_SHOWN = 10
_CLAUSES_TITLE = (
    "\nthe same, accepting a causal clause split off a sentence (a gold pair's cause or effect) as a statement:\n"
)
_MACRO_LABEL = "macro-F1 (" + ", ".join(MACRO_KINDS) + ")"
_STRICT_PAIRS = "causal pairs, both ends the phrase"
_LOOSE_PAIRS = "causal pairs, LOOSE (each end overlaps its phrase; a whole host sentence counts)"
_THEME_HEADER = f"{'theme':24} {'gold':>5} {'found':>5} {'R':>6} {'tagged':>6} {'right':>5} {'P':>6}\n"
_ENTITY_HEADER = f"{'entity kind':18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}  years right\n"


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


def _pair_lines(pairs: PairScore) -> str:
    return (
        f"{_STRICT_PAIRS}: {sum(pairs.strict)}/{pairs.gold}  recall {fmt(pairs.recall)}"
        f"  reversed {sum(pairs.reversed_strict)}"
        f"  | predicted CAUSES links {pairs.links}, of which a gold pair {pairs.links_right}\n"
        f"{_LOOSE_PAIRS}: {sum(pairs.loose)}/{pairs.gold}  recall {fmt(pairs.loose_recall)}"
        f"  reversed {sum(pairs.reversed_loose)}\n"
    )


def _database_line(db: ThemeScore) -> str:
    if not db.tagged_any:
        return "database theme: n/a (no statement carries themes)\n"
    return (
        f"database theme: recall {db.recalled}/{db.gold} {fmt(db.recall)}  "
        f"precision {db.correct}/{db.predicted} {fmt(db.precision)}\n"
    )


def _theme_block(themes: Mapping[str, ThemeScore], reports: Mapping[str, int] | None = None) -> str:
    if not themes:
        return ""
    if not any(t.tagged_any for t in themes.values()):
        return "themes: n/a (no statement carries themes)\n"
    title = "themes (statements aligned by overlap)" + (", summed over the reports annotating each" if reports else "")
    out = [title + ":\n", _THEME_HEADER]
    for theme, t in themes.items():
        label = theme + (f" ({reports.get(theme, 0)})" if reports else "")
        out.append(
            f"{label:24} {t.gold:5d} {t.recalled:5d} {fmt(t.recall):>6} {t.predicted:6d} {t.correct:5d} "
            f"{fmt(t.precision):>6}\n"
        )
    return "".join(out)


def _entity_block(entities: Mapping[str, EntityScore]) -> str:
    if not entities:
        return ""
    out = ["entities (name or alias, one node per entity):\n", _ENTITY_HEADER]
    for kind, e in entities.items():
        years = f"  {e.year_right}/{e.with_year}" if e.with_year else ""
        out.append(row(kind, e.counts).rstrip("\n") + years + "\n")
    return "".join(out)


def _comment_line(c: CommentScore) -> str:
    return (
        f"comments matched: {c.matched}  role right {c.role_right}/{c.matched}"
        f"  speaker right {c.speaker_right}/{c.with_speaker} (gold names a speaker)\n"
    )


def _error_lines(rs: ReportScore, shown: int) -> str:
    out = []
    for kind, (missed, spurious) in rs.errors.items():
        out += [f"    [{kind}] missed   {text[:100]!r}\n" for text in missed[:shown]]
        out += [f"    [{kind}] spurious {text[:100]!r}\n" for text in spurious[:shown]]
    if rs.pairs is not None:
        out += [f"    [pair] missed   {c[:50]!r} -> {e[:50]!r}\n" for c, e in rs.pairs.missed[:shown]]
    for kind, e in rs.entities.items():
        out += [f"    [{kind}] missed   {name!r}\n" for name in e.missed[:shown]]
        out += [f"    [{kind}] spurious {name!r}\n" for name in e.spurious[:shown]]
    return (f"errors (first {shown} of each):\n" + "".join(out)) if out else ""


def render_report(rs: ReportScore, errors: int = 0) -> str:
    """One report's block: kinds, macro-F1, causal pairs, entities, themes, not-statements,
    metadata; with `errors`, the first that many missed and spurious items of each kind."""
    out = [
        f"\n== {rs.report}" + (" (gold format 2)" if rs.format == 2 else "")
        + (f"   [ERROR: {rs.error}]" if rs.error else "") + "\n",
        _HEADER,
    ]
    out += [row(kind, rs.kinds[kind]) for kind in ROW_KINDS if rs.format == 2 or kind != COMMENT]
    out.append(row(_MICRO_LABEL, rs.total))
    out.append(f"{_MACRO_LABEL}: {fmt(rs.macro_f1)}\n")
    if rs.pairs is not None:
        out.append(_pair_lines(rs.pairs))
    else:
        line = _pairs_line(sum(rs.pairs_found), len(rs.pairs_found), rs.pair_recall)
        tree_found, tree_total = rs.pairs_in_section("tree")
        if tree_total and tree_total != len(rs.pairs_found):
            line += f"  (problem trees only: {tree_found}/{tree_total})"
        out.append(line + "\n")
    if rs.format == 2:
        out.append(_comment_line(rs.comments))
        out.append(_entity_block(rs.entities))
        out.append(_theme_block(rs.themes))
    out.append(f"not-statements predicted as statements: {len(rs.not_statement_hits)}\n")
    out += [
        f"    [{hit.kind}] {hit.text[:90]!r}  ~ {hit.not_statement[:50]!r}\n"
        for hit in rs.not_statement_hits[:_HITS_SHOWN]
    ]
    if rs.format != 2:
        out.append(_database_line(rs.database))
    wrong = [k for k, v in rs.metadata.items() if not v]
    out.append(
        f"metadata fields right: {sum(rs.metadata.values())}/{len(rs.metadata)}"
        + (f"  (wrong: {', '.join(wrong)})" if wrong else "")
        + "\n"
    )
    if errors:
        out.append(_error_lines(rs, errors))
    return "".join(out)


_SUMMARY_COLUMNS = (*MACRO_KINDS, COMMENT)
_SHORT = {"core_problem": "core", "problem": "probl", "comment": "commt", "result": "reslt", "vision": "visn"}


def render_summary(scores: Sequence[ReportScore]) -> str:
    """The per-report table: one row per report, F1 per kind, pairs and entities."""
    if not scores:
        return ""
    width = max(len(Path(rs.report).stem) for rs in scores)
    width = max(width, len("report"))
    head = (
        f"{'report':{width}} fmt  macro "
        + " ".join(f"{_SHORT.get(k, k)[:5]:>5}" for k in _SUMMARY_COLUMNS)
        + "  pairs  loose   org    law\n"
    )
    out = ["\n== PER REPORT (F1 per kind; pairs = recall with both ends the phrase; loose = each end overlaps)\n",
           head]
    for rs in scores:
        kinds = " ".join(f"{fmt(rs.kinds[k].f1) if rs.format == 2 or k != COMMENT else '  -  ':>5}"
                         for k in _SUMMARY_COLUMNS)
        loose = fmt(rs.pairs.loose_recall) if rs.pairs is not None else "  -  "
        org = rs.entities.get("organisation")
        law = rs.entities.get("law")
        out.append(
            f"{Path(rs.report).stem:{width}} {rs.format:3d} {fmt(rs.macro_f1)} {kinds}  {fmt(rs.pair_recall)}"
            f"  {loose}  {fmt(org.counts.f1) if org else '  -  '}  {fmt(law.counts.f1) if law else '  -  '}\n"
        )
    return "".join(out)


def render_overall(overall: Overall) -> str:
    """The all-reports block: micro-averaged kinds (and, for format-1 reports, with split-off
    clauses accepted), macro-F1, pairs, entities, themes, comments."""
    values = [m for m in overall.macro_f1s if m is not None]
    out = [
        f"\n== OVERALL (micro-averaged over {overall.reports} reports)\n",
        _HEADER,
        _rows(overall.kinds),
        f"{_MACRO_LABEL}: mean over reports {fmt(overall.macro_f1)}"
        f"  (min {fmt(min(values) if values else None)}); of the pooled counts {fmt(overall.pooled_macro_f1)}\n",
    ]
    if overall.kinds_with_clauses is not None:
        out += [_CLAUSES_TITLE.replace(":\n", " (format-1 reports):\n"), _rows(overall.kinds_with_clauses)]
    if overall.pairs is not None:
        out.append(_pair_lines(overall.pairs))
        if overall.pairs.gold != overall.pairs_total:
            out.append(_pairs_line(overall.pairs_found, overall.pairs_total, overall.pair_recall) + " (all formats)\n")
    else:
        out.append(_pairs_line(overall.pairs_found, overall.pairs_total, overall.pair_recall) + "\n")
    if overall.entities:
        out.append(_comment_line(overall.comments))
        out.append(_entity_block(overall.entities))
    out.append(_theme_block(overall.themes, overall.theme_reports))
    out.append(f"not-statements predicted as statements: {overall.not_statement_hits}\n")
    if overall.kinds_with_clauses is not None or not overall.themes:
        out.append(_database_line(overall.database))
    return "".join(out)


def render_table(scores: Sequence[ReportScore], overall: Overall, errors: int = 0) -> str:
    """The whole text output: every report's block, the per-report table, the overall block."""
    return "".join(render_report(rs, errors) for rs in scores) + render_summary(scores) + render_overall(overall)


def to_json(scores: Sequence[ReportScore], overall: Overall, threshold: float) -> dict[str, Any]:
    """The machine-readable figures (``--json``)."""
    return {
        "threshold": threshold,
        "reports": [rs.as_dict() for rs in scores],
        "overall": overall.as_dict(),
    }


def render_json(scores: Sequence[ReportScore], overall: Overall, threshold: float) -> str:
    return json.dumps(to_json(scores, overall, threshold), ensure_ascii=False, indent=1)
