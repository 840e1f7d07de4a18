"""Working groups: which blocks make one group's tree, vision or results, and which priority it works on.

A unit is the blocks of one stage and one working group ("Group One", "Table 2"), or of one topic
heading where a report does not name its groups. Every stage refers to a group's topic by the
priority's own wording, so the tree, the vision and the results of one topic share it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from graph.contract import Statement
from graph.ingest.parsed import ParsedBlock
from graph.ingest.structure import Stage

GroupKey = tuple[Stage | None, str | None]  # (stage, group or topic heading)
Groups = dict[GroupKey, list[int]]  # block indices of each unit, in block order
TopicResolver = Callable[[Stage | None, str | None], str | None]
MIN_TOPIC_SIMILARITY = 70


def group_blocks(parsed: Sequence[ParsedBlock]) -> Groups:
    """The block indices of each (stage, unit), in order of first appearance."""
    grouped: Groups = {}
    for index, item in enumerate(parsed):
        block = item.block
        # A tree, vision or result set is a working group's, or a topic heading's where groups are not named.
        unit = block.group or (block.topic if block.stage in ("analysis", "vision", "results") else None)
        grouped.setdefault((block.stage, unit), []).append(index)
    return grouped


def stage_has_groups(groups: Groups, stage: Stage) -> bool:
    """Whether any unit of ``stage`` is a named group or topic."""
    return any(s == stage and g is not None for s, g in groups)


def topic_resolver(priorities: list[Statement], groups: Groups, parsed: Sequence[ParsedBlock]) -> TopicResolver:
    """Map a group's topic (or its position) to the priority it works on, so every stage uses one wording."""
    ordinals: dict[Stage, list[str]] = {}
    named: dict[GroupKey, str] = {}
    for (stage, group), indices in groups.items():
        if group is not None and stage is not None:
            ordinals.setdefault(stage, []).append(group)
            topic = next((parsed[i].block.topic for i in indices if parsed[i].block.topic), None)
            if topic:
                named[(stage, group)] = topic

    def resolve(stage: Stage | None, group: str | None) -> str | None:
        if group is None:
            return None
        topic = named.get((stage, group))
        if topic and priorities:
            best = max(priorities, key=lambda p: fuzz.token_set_ratio(topic.lower(), p.text.lower()))
            similar = fuzz.token_set_ratio(topic.lower(), best.text.lower()) >= MIN_TOPIC_SIMILARITY
            return best.text if similar else topic
        if topic:
            return topic
        siblings = ordinals.get(stage, []) if stage is not None else []
        if priorities and len(siblings) == len(priorities):
            return priorities[siblings.index(group)].text
        return None

    return resolve
