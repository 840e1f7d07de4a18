"""Shape query rows into the comparisons analysts read: the country x theme matrix and recurring themes.

Pure functions over plain rows (what ``QueryResult.records()`` returns), so they are tested without
a store and reused by the CLI and the web heatmap.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from graph.tables import render_table

STAGES: tuple[str, ...] = ("problem", "cause", "effect", "vision", "result")
# Root causes are causes too; the matrix shows them as a subset column.
MATRIX_COLUMNS: tuple[str, ...] = (*STAGES, "root_cause", "total")
STAGE_OF_KIND: Mapping[str, str] = {
    "problem": "problem",
    "priority": "problem",
    "core_problem": "problem",
    "root_cause": "cause",
    "cause": "cause",
    "effect": "effect",
    "vision": "vision",
    "result": "result",
}


@dataclass(frozen=True)
class MatrixRow:
    country: str
    theme: str
    label: str
    problem: int = 0
    cause: int = 0
    effect: int = 0
    vision: int = 0
    result: int = 0
    root_cause: int = 0

    @property
    def total(self) -> int:
        return self.problem + self.cause + self.effect + self.vision + self.result

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "total": self.total}


def matrix_rows(records: Iterable[Mapping[str, Any]]) -> tuple[MatrixRow, ...]:
    """Rows of ``compare_country_theme_matrix``, ordered by country then by total, busiest first."""
    rows = [
        MatrixRow(
            country=str(r["country"]),
            theme=str(r["theme"]),
            label=str(r.get("label") or r["theme"]),
            **{k: int(r.get(k) or 0) for k in (*STAGES, "root_cause")},
        )
        for r in records
    ]
    return tuple(sorted(rows, key=lambda m: (m.country, -m.total, m.theme)))


def render_matrix_table(rows: Sequence[MatrixRow]) -> str:
    header = ("Country", "Theme", "Problem", "Cause", "(root)", "Effect", "Vision", "Result", "Total")
    body = [
        (r.country, r.label, r.problem, r.cause, r.root_cause, r.effect, r.vision, r.result, r.total)
        for r in rows
    ]
    return render_table(header, body, style="plain")


def render_matrix_csv(rows: Sequence[MatrixRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["country", "theme", "label", *MATRIX_COLUMNS], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row.as_dict())
    return out.getvalue()


def render_matrix_json(rows: Sequence[MatrixRow]) -> str:
    return json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False)


@dataclass(frozen=True)
class Support:
    """One statement raising a theme, with its provenance."""

    country: str
    report: str
    kind: str
    text: str
    page: int | None
    sentence: str | None
    evidence: str | None


@dataclass(frozen=True)
class RecurringTheme:
    theme: str
    label: str
    countries: tuple[str, ...]
    reports: int
    mentions: int
    support: Mapping[str, tuple[Support, ...]]


def rank_recurring(records: Iterable[Mapping[str, Any]]) -> tuple[RecurringTheme, ...]:
    """Rows of ``theme_recurring_statements`` ranked by countries, then reports, then mentions."""
    by_theme: dict[str, list[Mapping[str, Any]]] = {}
    for r in records:
        by_theme.setdefault(str(r["theme"]), []).append(r)
    ranked: list[RecurringTheme] = []
    for theme, rows in by_theme.items():
        support: dict[str, list[Support]] = {}
        seen: set[tuple[str, str]] = set()
        for r in rows:
            key = (str(r["report"]), str(r.get("statement") or r["text"]))
            if key in seen:
                continue
            seen.add(key)
            support.setdefault(str(r["country"]), []).append(
                Support(str(r["country"]), _report_label(r), str(r["kind"]),
                        str(r["text"]), r.get("page"), r.get("sentence"), r.get("evidence"))
            )
        ranked.append(RecurringTheme(
            theme=theme,
            label=str(rows[0].get("label") or theme),
            countries=tuple(sorted(support)),
            reports=len({str(r["report"]) for r in rows}),
            mentions=len(seen),
            support={c: tuple(s) for c, s in sorted(support.items())},
        ))
    return tuple(sorted(ranked, key=lambda t: (-len(t.countries), -t.reports, -t.mentions, t.theme)))


def render_recurring(ranked: Sequence[RecurringTheme], per_country: int = 3) -> str:
    lines: list[str] = []
    for i, theme in enumerate(ranked, 1):
        lines.append(f"{i}. {theme.label} [{theme.theme}]: {len(theme.countries)} countries, "
                     f"{theme.reports} reports, {theme.mentions} statements")
        for country, support in theme.support.items():
            lines.append(f"   {country} ({len(support)})")
            for s in support[:per_country]:
                where = f"{s.report}, p. {s.page}" if s.page is not None else s.report
                lines.append(f"     - [{s.kind}] {' '.join(s.text.split())[:140]}  ({where})")
                if s.evidence:
                    lines.append(f"       matched: {s.evidence}")
            if len(support) > per_country:
                lines.append(f"     ... {len(support) - per_country} more")
    return "\n".join(lines)


def recurring_json(ranked: Sequence[RecurringTheme]) -> str:
    return json.dumps(
        [{**asdict(t), "support": {c: [asdict(s) for s in ss] for c, ss in t.support.items()}} for t in ranked],
        indent=2,
        ensure_ascii=False,
    )


def _report_label(row: Mapping[str, Any]) -> str:
    """A report's title, marked when it is one of the synthetic test reports, so it never passes for a real one."""
    title = str(row.get("report_title") or row["report"])
    return f"{title} [synthetic test report]" if row.get("synthetic") else title
