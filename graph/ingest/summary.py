"""The human view of an extraction: counts per kind, each problem tree as an outline, visions and results per
topic, the remarks made about them, and the causes and effects the problem lists name."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence

from graph.contract import STATEMENT_KINDS, Extraction, Statement

_WIDTH = 100
_ROLE_NAMES = {"group_representative": "group representative"}


def _line(statement: Statement, indent: int, label: str = "") -> str:
    # shorten() collapses whitespace, so the indent goes on afterwards.
    indent_text = "  " * indent
    body = textwrap.shorten((f"{label}: " if label else "- ") + statement.text, width=_WIDTH - len(indent_text),
                            placeholder=" …")
    return indent_text + body


def speaker_label(statement: Statement) -> str:
    """"facilitator Geoff Manthey", "participant", "speaker unknown": who made a comment."""
    role = _ROLE_NAMES.get(statement.speaker_role or "", statement.speaker_role or "")
    return " ".join(part for part in (role, statement.speaker or "") if part) or "speaker unknown"


def _comment_lines(comments: Sequence[Statement], indent: int) -> list[str]:
    roles = Counter(_ROLE_NAMES.get(c.speaker_role or "", c.speaker_role or "unknown") for c in comments)
    tally = ", ".join(f"{role} {n}" for role, n in roles.most_common())
    out = ["  " * (indent - 1) + f"Comments ({len(comments)}: {tally})"]
    out += [_line(c, indent, f"[{speaker_label(c)}]") for c in comments]
    return out


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

    counts: Counter[str] = Counter(s.kind for s in extraction.statements)
    out += ["", "Statements: " + ", ".join(f"{kind} {counts.get(kind, 0)}" for kind in STATEMENT_KINDS)]
    links = Counter(link.type for link in extraction.links)
    out.append("Links: " + (", ".join(f"{t} {n}" for t, n in sorted(links.items())) or "none"))
    out.append(f"Entities: {len(extraction.entities)}; references to other consultations: {len(extraction.references)}")

    priorities = [s for s in extraction.statements if s.kind == "priority"]
    if priorities:
        out += ["", "Priority problems"]
        out += [_line(p, 1) for p in priorities]

    by_id = {s.id: s for s in extraction.statements}
    causes_of: dict[str, list[str]] = {}
    for link in extraction.links:
        if link.type == "CAUSES":
            causes_of.setdefault(link.target, []).append(link.source)

    listed = [link for link in extraction.links if link.type == "CAUSES" and by_id[link.source].topic is None
              and by_id[link.source].kind in ("cause", "effect") and by_id[link.target].kind in ("cause", "effect")]
    if listed:
        out += ["", "Causes and effects named in the problem lists"]
        for link in listed:
            cause, effect = by_id[link.source], by_id[link.target]
            out.append("  " + textwrap.shorten(f"- {cause.text} → {effect.text} [{link.evidence}]",
                                               width=_WIDTH - 2, placeholder=" …"))
    on_lists = [s for s in extraction.statements if s.kind == "comment" and s.topic is None and s.group]
    if on_lists:
        out += ["", "On the problem lists"] + _comment_lines(on_lists, 2)

    topics = [t for t in dict.fromkeys(s.topic for s in extraction.statements if s.topic)]
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
        comments = [s for s in members if s.kind == "comment"]
        if comments:
            out += _comment_lines(comments, 2)
    plenary = [s for s in extraction.statements if s.kind == "comment" and s.topic is None and not s.group]
    if plenary:
        out += ["", "In plenary and the closing session"] + _comment_lines(plenary, 2)
    if extraction.references:
        out += ["", "References to other consultations"]
        out += ["  " + textwrap.shorten(f"- {r.country}: {r.text}", width=_WIDTH - 2, placeholder=" …")
                for r in extraction.references]
    return "\n".join(out)
