"""One report's scores, and their micro-average over several reports.

A report's gold format decides what is scored: format 1 (sentence-level statements, the
lenient "clauses accepted" rows, pair recall with either end overlapping, the database
theme) or format 2 (phrase-level statements including comments, pairs strict and loose,
entities, themes per theme, comment roles and speakers). Both give the macro-F1 of issue 9,
not-statement hits and metadata.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graph.evaluation.entities import EntityScore, score_entities
from graph.evaluation.gold import gold_format
from graph.evaluation.kinds import SCORED_KINDS
from graph.evaluation.match import THRESHOLD, is_not_statement
from graph.evaluation.metrics import (
    PRF,
    ROW_KINDS,
    CommentScore,
    Record,
    ThemeScore,
    causal_pair_recall,
    kind_errors,
    macro_f1,
    score_comments,
    score_database_theme,
    score_kinds,
    score_metadata,
    sum_prf,
)
from graph.evaluation.pairs import PairScore, score_pairs
from graph.evaluation.themes import score_themes

# The micro-average over the scored kinds (the pooled row is not added a second time).
ALL = "all"


class NotStatementHit(NamedTuple):
    """A predicted statement that is (or contains) a gold not-statement."""

    kind: str
    text: str
    not_statement: str


def not_statement_hits(
    statements: Iterable[Record],
    not_statements: Sequence[str],
    threshold: float = THRESHOLD,
) -> list[NotStatementHit]:
    """Every predicted statement that is a gold not-statement, in order."""
    hits = []
    for s in statements:
        text = s.get("text") or ""
        ns = is_not_statement(text, not_statements, threshold)
        if ns is not None:
            hits.append(NotStatementHit(s.get("kind") or "", text, ns))
    return hits


@dataclass(frozen=True)
class ReportScore:
    report: str
    kinds: Mapping[str, PRF]  # ROW_KINDS -> counts
    # Format 1 only (else None): the same, with a clause split off a sentence accepted when
    # it ends a gold pair.
    kinds_with_clauses: Mapping[str, PRF] | None
    pairs_found: tuple[bool, ...]  # per gold causal pair (format 2: both ends the phrase)
    pair_sections: tuple[str, ...]  # per gold causal pair: "tree", "problems" or "" (format 2)
    not_statement_hits: tuple[NotStatementHit, ...]
    database: ThemeScore
    metadata: Mapping[str, bool]
    error: str | None = None
    format: int = 1
    pairs: PairScore | None = None  # format 2: strict, loose, reversed, link precision
    themes: Mapping[str, ThemeScore] = field(default_factory=dict)  # format 2: per annotated theme
    entities: Mapping[str, EntityScore] = field(default_factory=dict)  # format 2: per entity kind
    comments: CommentScore = CommentScore()
    # format 2: per kind, (missed gold texts, unmatched predicted texts)
    errors: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    @property
    def total(self) -> PRF:
        """All scored kinds, micro-averaged."""
        return sum_prf(self.kinds[kind] for kind in SCORED_KINDS)

    @property
    def macro_f1(self) -> float | None:
        """Issue 9's macro-F1: the mean F1 of problem, core_problem, cause, effect, vision, result."""
        return macro_f1(self.kinds)

    @property
    def pair_recall(self) -> float | None:
        return sum(self.pairs_found) / len(self.pairs_found) if self.pairs_found else None

    def pairs_in_section(self, section: str) -> tuple[int, int]:
        """(recalled, gold) causal pairs of one section."""
        found = [f for f, s in zip(self.pairs_found, self.pair_sections, strict=True) if s == section]
        return sum(found), len(found)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "report": self.report,
            "format": self.format,
            "error": self.error,
            "macro_f1": self.macro_f1,
            "kinds": {k: v.as_dict() for k, v in self.kinds.items()},
        }
        if self.kinds_with_clauses is not None:
            out["kinds_with_clauses"] = {k: v.as_dict() for k, v in self.kinds_with_clauses.items()}
        if self.pairs is not None:
            out["causal_pairs"] = self.pairs.as_dict()
        else:
            out["causal_pairs"] = {
                "gold": len(self.pairs_found),
                "recalled": sum(self.pairs_found),
                "recall": self.pair_recall,
                "by_section": {
                    sec: {"gold": total, "recalled": found}
                    for sec in sorted(set(self.pair_sections))
                    for found, total in [self.pairs_in_section(sec)]
                },
            }
        out["not_statement_hits"] = [h._asdict() for h in self.not_statement_hits]
        out["database_theme"] = self.database.as_dict()
        if self.format == 2:
            out["themes"] = {k: v.as_dict() for k, v in self.themes.items()}
            out["entities"] = {k: v.as_dict() for k, v in self.entities.items()}
            out["comments"] = self.comments.as_dict()
            out["statement_errors"] = {
                k: {"missed": list(missed), "spurious": list(spurious)} for k, (missed, spurious) in self.errors.items()
            }
        out["metadata"] = dict(self.metadata)
        return out


def score_report(
    gold: Record,
    extraction: Record | None,
    *,
    threshold: float = THRESHOLD,
    database_theme: str | None = None,
    error: str | None = None,
) -> ReportScore:
    """Score one extraction (``gmsgraph extract --format json``) against one gold file.

    The gold's format decides the rules (:func:`graph.evaluation.gold.gold_format`). A
    missing extraction (None) scores as one that found nothing.
    """
    extraction = extraction or {}
    statements = list(extraction.get("statements", ()))
    links = list(extraction.get("links", ()))
    gold_statements = list(gold.get("statements", ()))
    pairs = list(gold.get("causal_pairs", ()))
    common = {
        "report": gold["report"],
        "not_statement_hits": tuple(not_statement_hits(statements, gold.get("not_statements", ()), threshold)),
        "metadata": score_metadata(gold.get("metadata", {}), extraction.get("report", {}) or {}, threshold),
        "error": error,
    }
    if gold_format(gold) == 2:
        pair_score = score_pairs(pairs, gold_statements, statements, links, threshold)
        themes = score_themes(gold.get("theme_mentions") or {}, statements, threshold)
        return ReportScore(
            kinds=score_kinds(gold_statements, statements, threshold, phrase=True, pairs=pairs),
            kinds_with_clauses=None,
            pairs_found=pair_score.strict,
            pair_sections=tuple(str(p.get("section", "")) for p in pairs),
            database=themes.get(database_theme or "database", ThemeScore()),
            format=2,
            pairs=pair_score,
            themes=themes,
            entities=score_entities(gold.get("entities", ()), list(extraction.get("entities", ()))),
            comments=score_comments(gold_statements, statements, threshold, pairs=pairs),
            errors=kind_errors(gold_statements, statements, threshold, pairs=pairs),
            **common,
        )
    clause_ends = [end for p in pairs for end in (p["cause"], p["effect"])]
    return ReportScore(
        kinds=score_kinds(gold_statements, statements, threshold),
        kinds_with_clauses=score_kinds(gold_statements, statements, threshold, clause_ends),
        pairs_found=tuple(causal_pair_recall(pairs, statements, links, threshold)),
        pair_sections=tuple(p.get("section", "tree") for p in pairs),
        database=score_database_theme(gold, statements, database_theme, threshold),
        **common,
    )


def _zero_rows() -> dict[str, PRF]:
    return {k: PRF() for k in (*ROW_KINDS, ALL)}


@dataclass(frozen=True)
class Overall:
    """The micro-average over several reports (and the mean of their macro-F1s)."""

    reports: int = 0
    kinds: Mapping[str, PRF] = field(default_factory=_zero_rows)  # ROW_KINDS and ALL
    # Over the format-1 reports only (their lenient rows); None when there are none.
    kinds_with_clauses: Mapping[str, PRF] | None = None
    pairs_found: int = 0
    pairs_total: int = 0
    not_statement_hits: int = 0
    database: ThemeScore = ThemeScore()
    macro_f1s: tuple[float | None, ...] = ()  # per report, in order
    pairs: PairScore | None = None  # over the format-2 reports; None when there are none
    themes: Mapping[str, ThemeScore] = field(default_factory=dict)  # over the reports annotating each
    theme_reports: Mapping[str, int] = field(default_factory=dict)  # how many reports annotate each theme
    entities: Mapping[str, EntityScore] = field(default_factory=dict)
    comments: CommentScore = CommentScore()

    @property
    def pair_recall(self) -> float | None:
        return self.pairs_found / self.pairs_total if self.pairs_total else None

    @property
    def macro_f1(self) -> float | None:
        """The mean of the per-report macro-F1s (reports where it is defined)."""
        values = [m for m in self.macro_f1s if m is not None]
        return sum(values) / len(values) if values else None

    @property
    def pooled_macro_f1(self) -> float | None:
        """Macro-F1 of the micro-averaged kinds (all reports' counts added first)."""
        return macro_f1(self.kinds)

    def as_dict(self) -> dict[str, Any]:
        kinds = {k: v.as_dict() for k, v in self.kinds.items()}
        if self.kinds_with_clauses is not None:
            kinds.update({f"{k}+clauses": v.as_dict() for k, v in self.kinds_with_clauses.items()})
        out: dict[str, Any] = {
            "macro_f1": {
                "mean_over_reports": self.macro_f1,
                "min_over_reports": min((m for m in self.macro_f1s if m is not None), default=None),
                "of_pooled_counts": self.pooled_macro_f1,
            },
            "kinds": kinds,
            "causal_pairs": {
                "gold": self.pairs_total,
                "recalled": self.pairs_found,
                "recall": self.pair_recall,
                **({"format2": self.pairs.as_dict()} if self.pairs is not None else {}),
            },
            "not_statement_hits": self.not_statement_hits,
            "database_theme": self.database.as_dict(),
        }
        if self.themes:
            out["themes"] = {
                k: {**v.as_dict(), "reports": self.theme_reports.get(k, 0)} for k, v in self.themes.items()
            }
        if self.entities:
            out["entities"] = {k: v.as_dict() for k, v in self.entities.items()}
            out["comments"] = self.comments.as_dict()
        return out


def _rows(per_report: Sequence[Mapping[str, PRF]]) -> dict[str, PRF]:
    rows = {kind: sum_prf(r[kind] for r in per_report) for kind in ROW_KINDS}
    rows[ALL] = sum_prf(rows[kind] for kind in SCORED_KINDS)
    return rows


def aggregate(scores: Sequence[ReportScore]) -> Overall:
    """Add up the counts of every report (micro-averaging)."""
    lenient = [rs.kinds_with_clauses for rs in scores if rs.kinds_with_clauses is not None]
    format2 = [rs for rs in scores if rs.format == 2]
    themes: dict[str, ThemeScore] = {}
    theme_reports: dict[str, int] = {}
    entities: dict[str, EntityScore] = {}
    for rs in format2:
        for theme, ts in rs.themes.items():
            themes[theme] = themes.get(theme, ThemeScore()) + ts
            theme_reports[theme] = theme_reports.get(theme, 0) + 1
        for kind, es in rs.entities.items():
            entities[kind] = entities.get(kind, EntityScore()) + es
    return Overall(
        reports=len(scores),
        kinds=_rows([rs.kinds for rs in scores]),
        kinds_with_clauses=_rows(lenient) if lenient else None,
        pairs_found=sum(sum(rs.pairs_found) for rs in scores),
        pairs_total=sum(len(rs.pairs_found) for rs in scores),
        not_statement_hits=sum(len(rs.not_statement_hits) for rs in scores),
        database=sum((rs.database for rs in scores), ThemeScore()),
        macro_f1s=tuple(rs.macro_f1 for rs in scores),
        pairs=sum((rs.pairs for rs in format2 if rs.pairs is not None), PairScore()) if format2 else None,
        themes=themes,
        theme_reports=theme_reports,
        entities=entities,
        comments=sum((rs.comments for rs in format2), CommentScore()),
    )
