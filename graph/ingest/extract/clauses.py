"""A sentence or list item as a statement, with its causal clauses and the CAUSES links between them.

Problems and problem trees are read through :func:`add_with_causes`: the sentence is kept whole as
a statement, ``graph.ingest.causal.split_causal`` cuts it at its explicit cues, each clause that
is not the sentence's own first clause becomes a statement of its own (a child of the sentence),
and every cause-effect pair becomes a CAUSES link with the cue as evidence.

Phrase-level causes (a cause inside a noun phrase, "poverty-driven migration") belong here too:
find them in ``graph.ingest.causal`` (pure string functions, tested there), then turn the spans
into statements and links in :func:`add_with_causes` the way clauses are.
"""

from __future__ import annotations

from typing import Literal

from graph.contract import Statement, StatementKind
from graph.ingest.causal import split_causal
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.parsed import ParsedBlock

ClauseRole = Literal["cause", "effect"]
_TREE_KINDS: tuple[StatementKind, ...] = ("cause", "root_cause", "effect", "core_problem")


def add_with_causes(builder: StatementBuilder, parsed_block: ParsedBlock, start: int, end: int, kind: StatementKind,
                    topic: str | None, previous: Statement | None, n: int | None = None,
                    parent: Statement | None = None) -> Statement | None:
    """One sentence or item, kept whole as a statement; its explicit causal cues become CAUSES links.

    The whole sentence stands for its first clause ("X leads to Y" is X; "This leads to Y" is Y);
    every other clause becomes a statement of its own, so each end of a link is a node. In a tree,
    what only ever comes out of a chain ("... resulting in fewer prosecutions") is an effect.
    ``previous`` is the statement an anaphoric cause ("This leads to ...") points back to. Returns
    the new statement, or ``previous`` when the span makes none.
    """
    sentence = parsed_block.block.text[start:end]
    in_tree = kind in _TREE_KINDS
    pairs = split_causal(sentence, causal_verbs=in_tree)
    if in_tree and kind != "core_problem" and pairs and all(pair.cause.anaphoric for pair in pairs):
        kind = "effect"  # "As a result, Y" / "This leads to Y": a consequence of what came before
    statement = builder.add(kind, parsed_block, start, end, topic=topic, n=n, parent=parent.id if parent else None)
    if statement is None:
        return previous
    if parent is not None:
        builder.link(statement, parent, "PART_OF", "sub-item")
    if not pairs:
        return statement
    clauses = sorted({c for pair in pairs for c in (pair.cause, pair.effect) if not c.anaphoric}, key=lambda c: c.start)
    causes = {(p.cause.start, p.cause.end) for p in pairs}
    nodes = {(clauses[0].start, clauses[0].end): statement} if clauses else {}
    for pair in pairs:
        ends: list[Statement | None] = []
        role: ClauseRole
        for clause, role in ((pair.cause, "cause"), (pair.effect, "effect")):
            if clause.anaphoric:
                ends.append(previous)
                continue
            key = (clause.start, clause.end)
            if key not in nodes:
                outcome_only = role == "effect" and key not in causes
                made = builder.add(clause_kind(kind, role, outcome_only), parsed_block, start + clause.start,
                                   start + clause.end, topic=topic, parent=statement.id)
                if made is None:
                    ends.append(None)
                    continue
                nodes[key] = made
            ends.append(nodes[key])
        cause, effect = ends
        if cause is not None and effect is not None:
            builder.link(cause, effect, "CAUSES", pair.cue)
    return statement


def clause_kind(kind: StatementKind, role: ClauseRole, outcome_only: bool) -> StatementKind:
    """A clause split off a sentence keeps the sentence's stage: a problem's cause is still a problem."""
    if kind in ("problem", "result", "vision"):
        return kind
    if kind == "core_problem":
        return "cause" if role == "cause" else "effect"
    if role == "cause":
        return "root_cause" if kind == "root_cause" else "cause"
    return "effect" if outcome_only else kind
