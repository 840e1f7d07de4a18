"""Links between the stages, made once every stage has been read.

- a tree is PART_OF the priority it analyses;
- a vision or result ADDRESSES its topic's priority (else its tree's trunk);
- a result ADDRESSES the causes it remedies, judged by the content words they share.

Links inside one stage are made where the statements are: sub-items PART_OF their parent (by the
stage readers), CAUSES between clauses (``clauses``) and to or from a trunk (``trees``).
"""

from __future__ import annotations

from graph.contract import Statement
from graph.ingest.extract.builder import StatementBuilder

MAX_REMEDIES_PER_RESULT = 3
# A cause this short (in content words) is remedied by a result sharing one of them.
SHORT_CAUSE_TERMS = 3


def link_answers(builder: StatementBuilder, priorities: list[Statement], trees: dict[str | None, Statement]) -> None:
    """Trees to their priorities, visions and results to what they answer, results to the causes they remedy."""
    by_topic = {p.text: p for p in priorities}
    for core in trees.values():
        if core.topic in by_topic:
            builder.link(core, by_topic[core.topic], "PART_OF", "problem tree of the priority")
    for statement in list(builder.statements):
        if statement.kind not in ("vision", "result") or statement.topic is None:
            continue
        target = by_topic.get(statement.topic) or trees.get(statement.topic)
        if target is not None:
            builder.link(statement, target, "ADDRESSES", f"{statement.kind} for {statement.topic}")
    link_remedies(builder)


def link_remedies(builder: StatementBuilder) -> None:
    """A result ADDRESSES the causes it remedies, judged by the content words they share.

    Participants wrote results for every tree, not only their own, so every cause is a candidate;
    gap analysis then finds the causes that no result reaches.
    """
    causes = [s for s in builder.statements if s.kind in ("root_cause", "cause")]
    for result in [s for s in builder.statements if s.kind == "result"]:
        result_terms = builder.terms.get(result.id, frozenset())
        scored = []
        for cause in causes:
            cause_terms = builder.terms.get(cause.id, frozenset())
            shared = result_terms & cause_terms
            if len(shared) >= 2 or (shared and len(cause_terms) <= SHORT_CAUSE_TERMS):
                scored.append((len(shared) / len(result_terms | cause_terms), cause, shared))
        # Equally close causes: those of the result's own tree first, root causes before other causes.
        ranked = sorted(scored,
                        key=lambda item: (-item[0], item[1].topic != result.topic, item[1].kind != "root_cause"))
        for _, cause, shared in ranked[:MAX_REMEDIES_PER_RESULT]:
            builder.link(result, cause, "ADDRESSES", "shared terms: " + ", ".join(sorted(shared)))
