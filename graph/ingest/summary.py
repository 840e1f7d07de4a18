"""The human view of an extraction: counts per kind, each problem tree as an outline, visions and results per topic."""

from __future__ import annotations

import textwrap
from collections import Counter

from graph.contract import STATEMENT_KINDS, Extraction, Statement

_WIDTH = 100


def _line(statement: Statement, indent: int, label: str = "") -> str:
    # shorten() collapses whitespace, so the indent goes on afterwards.
    indent_text = "  " * indent
    body = textwrap.shorten((f"{label}: " if label else "- ") + statement.text, width=_WIDTH - len(indent_text), placeholder=" …")
    return indent_text + body


def render_summary(extraction: Extraction) -> str:
    report = extraction.report
    heading = (report.title or report.source) + (" [SYNTHETIC TEST REPORT]" if report.synthetic else "")
    out: list[str] = [heading, "=" * min(_WIDTH, len(heading))]
    details = [
        ("source", report.source),
        ("country", report.country),
        ("place", report.city),
        ("dates", " to ".join(d for d in (report.start_date, report.end_date) if d) or None),
        ("organiser", report.organiser),
    ]
    out += [f"{name:>10}: {value if value else 'unknown'}" for name, value in details]

    counts = Counter(s.kind for s in extraction.statements)
    out += ["", "Statements: " + ", ".join(f"{kind} {counts.get(kind, 0)}" for kind in STATEMENT_KINDS)]
    links = Counter(link.type for link in extraction.links)
    out.append("Links: " + (", ".join(f"{t} {n}" for t, n in sorted(links.items())) or "none"))
    out.append(f"Entities: {len(extraction.entities)}; references to other consultations: {len(extraction.references)}")

    priorities = [s for s in extraction.statements if s.kind == "priority"]
    if priorities:
        out += ["", "Priority problems"]
        out += [_line(p, 1) for p in priorities]

    by_id = {s.id: s for s in extraction.statements}
    topics = [t for t in dict.fromkeys(s.topic for s in extraction.statements if s.topic)]
    causes_of: dict[str, list[str]] = {}
    for link in extraction.links:
        if link.type == "CAUSES":
            causes_of.setdefault(link.target, []).append(link.source)
    for topic in topics:
        members = [s for s in extraction.statements if s.topic == topic]
        out += ["", f"Topic: {topic}"]
        core = next((s for s in members if s.kind == "core_problem"), None)
        if core:
            out.append(_line(core, 1, "Core problem"))
        for kind, title in (("root_cause", "Root causes"), ("cause", "Causes"), ("effect", "Effects")):
            chosen = [s for s in members if s.kind == kind]
            if chosen:
                out.append(f"    {title}")
                for statement in chosen:
                    out.append(_line(statement, 3))
                    for cause_id in causes_of.get(statement.id, []):
                        cause = by_id[cause_id]
                        if cause.kind != "core_problem" and cause.topic == topic:
                            out.append(_line(cause, 4, "caused by"))
        for kind, title in (("vision", "Vision"), ("result", "Results")):
            chosen = [s for s in members if s.kind == kind]
            if chosen:
                out.append(f"  {title}")
                for statement in chosen:
                    out.append(_line(statement, 3 if statement.parent else 2))
    if extraction.references:
        out += ["", "References to other consultations"]
        out += [textwrap.shorten(f"  - {r.country}: {r.text}", width=_WIDTH, placeholder=" …") for r in extraction.references]
    return "\n".join(out)
