"""Problem trees: each group's trunk (core problem), root causes, causes and effects.

A tree is read from labels ("Core problem:", "Root causes:", "Effects -"), list items (whose kind
comes from their label or the lead-in above them), and prose, where each sentence is a cause (an
effect when its paragraph opens by naming effects, a root cause when it says so), discussion,
questions and talk about the method aside. Finally every cause that the report did not link to
anything feeds the trunk, and the trunk feeds every effect nothing else causes.

The trunk is, in order: an explicit "Core problem:" label, else the last sentence naming the core
problem or the trunk, else the group's opening definition, else the topic its heading names.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.contract import Statement, StatementKind
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.clauses import add_with_causes
from graph.ingest.extract.cues import (
    core_problem_span,
    names_effects,
    names_root_cause,
    opens_with_effects,
    quoted_span,
)
from graph.ingest.extract.discourse import is_definition, is_discussion, is_meta, is_question, reported_content_start
from graph.ingest.extract.groups import Groups, TopicResolver
from graph.ingest.extract.sentences import sentence_spans
from graph.ingest.parsed import ParsedBlock, parent_of
from graph.ingest.structure import Block, LabelKind


def read_trees(builder: StatementBuilder, parsed: Sequence[ParsedBlock], groups: Groups,
               topic_of: TopicResolver) -> dict[str | None, Statement]:
    """Every working group's tree; returns each tree's trunk by its topic."""
    trees: dict[str | None, Statement] = {}
    for (stage, group), indices in groups.items():
        if stage == "analysis" and group is not None:
            core = _read_tree(builder, parsed, indices, topic_of(stage, group))
            if core is not None:
                trees[core.topic] = core
    return trees


def _read_tree(builder: StatementBuilder, parsed: Sequence[ParsedBlock], indices: list[int],
               topic: str | None) -> Statement | None:
    content = [i for i in indices if parsed[i].block.kind != "heading"]
    core = _core_problem(builder, parsed, indices, topic)
    previous: Statement | None = None
    discussion = False
    for index in content:
        parsed_block = parsed[index]
        block, doc = parsed_block.block, parsed_block.doc
        if block.kind == "label":
            if block.label == "core_problem" or not block.text:
                continue
            kind = _label_kind(block.label)
            previous = add_with_causes(builder, parsed_block, 0, len(block.text), kind, topic, previous)
            continue
        if block.kind == "item":
            kind = _item_kind(parsed, block)
            parent = builder.last_statement_in(parent_of(parsed, block)) if block.level > 1 else None
            previous = add_with_causes(builder, parsed_block, 0, len(block.text), kind, topic, previous,
                                       n=block.marker.ordinal if block.marker else None, parent=parent)
            continue
        if block.paragraph_start or discussion:
            discussion = is_discussion(block.text)
        if discussion:
            continue
        paragraph_kind: StatementKind = "effect" if opens_with_effects(block.text) else "cause"
        for start, end in sentence_spans(doc, block):
            sentence = block.text[start:end]
            if is_discussion(sentence):
                break
            if is_question(sentence) or core_problem_span(sentence) is not None or sentence.rstrip().endswith(":"):
                continue
            offset = reported_content_start(sentence)
            defines_the_trunk = start == 0 and core is not None and core.source.start == block.start
            if is_meta(sentence[offset:]) or (is_definition(sentence) and defines_the_trunk):
                continue
            sentence_kind: StatementKind = paragraph_kind
            if paragraph_kind == "cause" and names_root_cause(sentence):
                sentence_kind = "root_cause"
            previous = add_with_causes(builder, parsed_block, start + offset, end, sentence_kind, topic, previous)
    if core is not None:
        _attach_to_trunk(builder, core)
    return core


def _label_kind(label: LabelKind | None) -> StatementKind:
    if label == "root_cause" or label == "effect":
        return label
    return "cause"


def _item_kind(parsed: Sequence[ParsedBlock], block: Block) -> StatementKind:
    """An item's own label, else its lead-in's ("Root causes:" above the list), else a cause."""
    if block.label == "root_cause" or block.label == "cause" or block.label == "effect":
        return block.label
    lead = parent_of(parsed, block)
    while lead is not None and lead.kind == "item" and lead.parent is not None:
        lead = parent_of(parsed, lead)
    if lead is not None:
        if lead.kind == "label" and (lead.label == "root_cause" or lead.label == "cause" or lead.label == "effect"):
            return lead.label
        if names_root_cause(lead.text):
            return "root_cause"
        if names_effects(lead.text):
            return "effect"
    return "cause"


def _core_problem(builder: StatementBuilder, parsed: Sequence[ParsedBlock], content_with_heading: list[int],
                  topic: str | None) -> Statement | None:
    """The trunk: an explicit "Core problem:" label, else the last sentence naming the core problem or
    trunk, else the group's definition, else the topic its heading names."""
    content = [i for i in content_with_heading if parsed[i].block.kind != "heading"]
    for index in content:
        block = parsed[index].block
        if block.kind == "label" and block.label == "core_problem" and block.text:
            # "Core problem: X because Y" names a cause of the trunk too.
            return add_with_causes(builder, parsed[index], 0, len(block.text), "core_problem", topic, None)
    found: tuple[int, int, int] | None = None
    for index in content:
        block = parsed[index].block
        if block.kind != "paragraph":
            continue
        for start, end in sentence_spans(parsed[index].doc, block):
            core_span = core_problem_span(block.text[start:end])
            if core_span is None:
                continue
            s, e = start + core_span[0], start + core_span[1]
            quoted = quoted_span(block.text, s, e)
            if quoted:
                s, e = quoted
            found = (index, s, e)
    if found:
        index, s, e = found
        return builder.add("core_problem", parsed[index], s, e, topic=topic)
    paragraphs = [i for i in content if parsed[i].block.kind == "paragraph"]
    first = next((i for i in paragraphs if not is_discussion(parsed[i].block.text)), None)
    if first is not None:
        block = parsed[first].block
        sentences = sentence_spans(parsed[first].doc, block)
        if sentences and is_definition(block.text[sentences[0][0]:sentences[0][1]]):
            s, e = sentences[0]
            return builder.add("core_problem", parsed[first], s, e, topic=topic)
    # The tree's trunk is then the topic its group heading names.
    headings = [parsed[i] for i in content_with_heading if parsed[i].block.kind == "heading"]
    heading = next((h for h in headings if h.block.topic), None)
    if heading is not None and heading.block.topic:
        position = heading.block.text.rfind(heading.block.topic)
        if position >= 0:
            return builder.add("core_problem", heading, position, position + len(heading.block.topic), topic=topic)
    return None


def _attach_to_trunk(builder: StatementBuilder, core: Statement) -> None:
    """A tree's causes feed its trunk and the trunk feeds its effects, unless the report gave a more specific link."""
    in_tree = [s for s in builder.statements
               if s.topic == core.topic and s.kind in ("root_cause", "cause", "effect") and s.id != core.id]
    has_effect = {link.source for link in builder.links if link.type == "CAUSES"}
    has_cause = {link.target for link in builder.links if link.type == "CAUSES"}
    for statement in in_tree:
        if statement.kind == "effect" and statement.id not in has_cause:
            builder.link(core, statement, "CAUSES", "problem tree: effect of the trunk")
        elif statement.kind != "effect" and statement.id not in has_effect:
            builder.link(statement, core, "CAUSES", "problem tree: cause of the trunk")
