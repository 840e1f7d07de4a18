"""One report's scores, and their micro-average over several reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graph.contract import STATEMENT_KINDS
from graph.evaluation.match import THRESHOLD, is_not_statement
from graph.evaluation.metrics import (
    PRF,
    ROW_KINDS,
    Record,
    ThemeScore,
    causal_pair_recall,
    score_database_theme,
    score_kinds,
    score_metadata,
    sum_prf,
)

# The micro-average over the contract kinds (the pooled row is not added a second time).
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
    # The same, with a clause split off a sentence accepted when it ends a gold pair.
    kinds_with_clauses: Mapping[str, PRF]
    pairs_found: tuple[bool, ...]  # per gold causal pair
    pair_sections: tuple[str, ...]  # per gold causal pair: "tree" or "problems"
    not_statement_hits: tuple[NotStatementHit, ...]
    database: ThemeScore
    metadata: Mapping[str, bool]
    error: str | None = None

    @property
    def total(self) -> PRF:
        """All contract kinds, micro-averaged."""
        return sum_prf(self.kinds[kind] for kind in STATEMENT_KINDS)

    @property
    def pair_recall(self) -> float | None:
        return sum(self.pairs_found) / len(self.pairs_found) if self.pairs_found else None

    def pairs_in_section(self, section: str) -> tuple[int, int]:
        """(recalled, gold) causal pairs of one section."""
        found = [f for f, s in zip(self.pairs_found, self.pair_sections, strict=True) if s == section]
        return sum(found), len(found)

    def as_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "error": self.error,
            "kinds": {k: v.as_dict() for k, v in self.kinds.items()},
            "kinds_with_clauses": {k: v.as_dict() for k, v in self.kinds_with_clauses.items()},
            "causal_pairs": {
                "gold": len(self.pairs_found),
                "recalled": sum(self.pairs_found),
                "recall": self.pair_recall,
                "by_section": {
                    sec: {"gold": total, "recalled": found}
                    for sec in sorted(set(self.pair_sections))
                    for found, total in [self.pairs_in_section(sec)]
                },
            },
            "not_statement_hits": [h._asdict() for h in self.not_statement_hits],
            "database_theme": self.database.as_dict(),
            "metadata": dict(self.metadata),
        }


def score_report(
    gold: Record,
    extraction: Record | None,
    *,
    threshold: float = THRESHOLD,
    database_theme: str | None = None,
    error: str | None = None,
) -> ReportScore:
    """Score one extraction (``gmsgraph extract --format json``) against one gold file.

    A missing extraction (None) scores as one that found nothing.
    """
    extraction = extraction or {}
    statements = list(extraction.get("statements", ()))
    links = list(extraction.get("links", ()))
    gold_statements = list(gold.get("statements", ()))
    pairs = list(gold.get("causal_pairs", ()))
    clause_ends = [end for p in pairs for end in (p["cause"], p["effect"])]
    return ReportScore(
        report=gold["report"],
        kinds=score_kinds(gold_statements, statements, threshold),
        kinds_with_clauses=score_kinds(gold_statements, statements, threshold, clause_ends),
        pairs_found=tuple(causal_pair_recall(pairs, statements, links, threshold)),
        pair_sections=tuple(p.get("section", "tree") for p in pairs),
        not_statement_hits=tuple(not_statement_hits(statements, gold.get("not_statements", ()), threshold)),
        database=score_database_theme(gold, statements, database_theme, threshold),
        metadata=score_metadata(gold.get("metadata", {}), extraction.get("report", {}) or {}, threshold),
        error=error,
    )


def _zero_rows() -> dict[str, PRF]:
    return {k: PRF() for k in (*ROW_KINDS, ALL)}


@dataclass(frozen=True)
class Overall:
    """The micro-average over several reports."""

    reports: int = 0
    kinds: Mapping[str, PRF] = field(default_factory=_zero_rows)  # ROW_KINDS and ALL
    kinds_with_clauses: Mapping[str, PRF] = field(default_factory=_zero_rows)
    pairs_found: int = 0
    pairs_total: int = 0
    not_statement_hits: int = 0
    database: ThemeScore = ThemeScore()

    @property
    def pair_recall(self) -> float | None:
        return self.pairs_found / self.pairs_total if self.pairs_total else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kinds": {
                **{k: v.as_dict() for k, v in self.kinds.items()},
                **{f"{k}+clauses": v.as_dict() for k, v in self.kinds_with_clauses.items()},
            },
            "causal_pairs": {
                "gold": self.pairs_total,
                "recalled": self.pairs_found,
                "recall": self.pair_recall,
            },
            "not_statement_hits": self.not_statement_hits,
            "database_theme": self.database.as_dict(),
        }


def _rows(per_report: Sequence[Mapping[str, PRF]]) -> dict[str, PRF]:
    rows = {kind: sum_prf(r[kind] for r in per_report) for kind in ROW_KINDS}
    rows[ALL] = sum_prf(rows[kind] for kind in STATEMENT_KINDS)
    return rows


def aggregate(scores: Sequence[ReportScore]) -> Overall:
    """Add up the counts of every report (micro-averaging)."""
    return Overall(
        reports=len(scores),
        kinds=_rows([rs.kinds for rs in scores]),
        kinds_with_clauses=_rows([rs.kinds_with_clauses for rs in scores]),
        pairs_found=sum(sum(rs.pairs_found) for rs in scores),
        pairs_total=sum(len(rs.pairs_found) for rs in scores),
        not_statement_hits=sum(len(rs.not_statement_hits) for rs in scores),
        database=sum((rs.database for rs in scores), ThemeScore()),
    )
