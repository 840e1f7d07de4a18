"""Visions and results: what each group wants to see, and what must be in place to get there.

Both are read from "Vision:" / "Result:" labels and list items (a sub-item is PART_OF its parent).
In prose, a group's vision is one statement (its quoted wording when it has one); each sentence
of a results paragraph is a result, remarks (``remarks``), discussion, questions, talk about the
method and lead-ins aside. Which priority or tree each one ADDRESSES is decided later, in ``links``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from graph.contract import StatementKind
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.cues import quoted_span
from graph.ingest.extract.discourse import (
    is_discussion,
    is_generic_lead_in,
    is_meta,
    is_question,
    reported_content_start,
)
from graph.ingest.extract.groups import Groups, TopicResolver, stage_has_groups
from graph.ingest.extract.remarks import opens_discussion, remark_spans
from graph.ingest.parsed import ParsedBlock, parent_of

MIN_QUOTED_VISION_WORDS = 4


def read_visions_and_results(builder: StatementBuilder, parsed: Sequence[ParsedBlock], groups: Groups,
                             topic_of: TopicResolver) -> None:
    """The vision and result statements of every unit of those stages, unit by unit."""
    for (stage, group), indices in groups.items():
        if stage == "vision" or stage == "results":
            topic = topic_of(stage, group)
            _read_unit(builder, parsed, indices, stage, topic, has_groups=stage_has_groups(groups, stage))


def _read_unit(builder: StatementBuilder, parsed: Sequence[ParsedBlock], indices: list[int],
               stage: Literal["vision", "results"], topic: str | None, has_groups: bool) -> None:
    kind: StatementKind = "vision" if stage == "vision" else "result"
    first = parsed[indices[0]].block
    group = first.group or first.topic
    content = [i for i in indices if parsed[i].block.kind != "heading"]
    labelled = any(parsed[i].block.kind == "label" and parsed[i].block.label == kind for i in content)
    made_any = False
    discussion = after_paragraph = False
    for index in content:
        parsed_block = parsed[index]
        block = parsed_block.block
        if block.kind != "paragraph":
            discussion = after_paragraph = False
        if block.kind == "label":
            if block.label == kind and block.text:
                made_any |= builder.add(kind, parsed_block, 0, len(block.text), topic=topic) is not None
            continue
        if block.kind == "item":
            if group is None and has_groups:
                continue
            parent = builder.last_statement_in(parent_of(parsed, block))
            n = block.marker.ordinal if block.marker else None
            statement = builder.add(kind, parsed_block, 0, len(block.text), topic=topic, n=n,
                                    parent=parent.id if parent else None)
            if statement is not None and parent is not None:
                builder.link(statement, parent, "PART_OF", "sub-item")
            made_any |= statement is not None
            continue
        if group is None:
            continue
        discussion = opens_discussion(parsed_block, discussion, continues=after_paragraph)
        after_paragraph = True
        if discussion or (kind == "vision" and (labelled or made_any)):
            continue
        if kind == "vision":
            made_any |= _vision_from_prose(builder, parsed_block, topic)
            continue
        for start, end, is_remark in remark_spans(parsed_block, discussion):
            sentence = block.text[start:end]
            if is_remark or is_discussion(sentence) or is_question(sentence) or is_meta(sentence) \
                    or is_generic_lead_in(sentence):
                continue
            material_start = start + reported_content_start(sentence)
            made_any |= builder.add(kind, parsed_block, material_start, end, topic=topic) is not None


def _vision_from_prose(builder: StatementBuilder, parsed_block: ParsedBlock, topic: str | None) -> bool:
    """A paragraph's vision: its quoted wording when it quotes one, else the paragraph."""
    text = parsed_block.block.text
    quoted = quoted_span(text)
    if quoted and len(text[quoted[0]:quoted[1]].split()) >= MIN_QUOTED_VISION_WORDS:
        return builder.add("vision", parsed_block, quoted[0], quoted[1], topic=topic) is not None
    if is_meta(text) or text.rstrip().endswith(":"):
        return False
    return builder.add("vision", parsed_block, reported_content_start(text), len(text), topic=topic) is not None
