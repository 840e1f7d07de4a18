"""Problem trees: each group's trunk (core problem), root causes, causes and effects.

A tree is read from labels ("Core problem:", "Root causes:", "Effects -"), list items (whose kind
comes from their label or the lead-in above them), and prose, where each sentence states causes
(effects when its paragraph opens by naming effects or a sentence switches to them, "The effects
of this are …"; root causes when it says so), remarks, questions and talk about the method aside.
Every span becomes statements of one claim each, its causes and effects phrases linked by CAUSES
(``clauses``). Finally every cause that does not lead on to another cause feeds the trunk, and the
trunk feeds every effect that no other effect explains.

The trunk is, in order: an explicit "Core problem:" label, else the last sentence naming the core
problem or the trunk (its stated wording: "the group agreed that the core problem is that X" is X),
else the group's opening definition, else the topic its heading names.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.contract import Statement
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.clauses import TreeKind, add_tree_span
from graph.ingest.extract.cues import (
    core_problem_span,
    kind_frame,
    names_effects,
    names_root_cause,
    opens_with_effects,
    quoted_span,
)
from graph.ingest.extract.discourse import (
    is_anecdote,
    is_definition,
    is_discussion,
    is_meta,
    is_question,
    material_span,
)
from graph.ingest.extract.groups import Groups, TopicResolver
from graph.ingest.extract.remarks import opens_discussion, remark_spans
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
    previous: list[Statement] = []
    discussion = after_paragraph = False
    for index in content:
        parsed_block = parsed[index]
        block = parsed_block.block
        if block.kind != "paragraph":
            discussion = after_paragraph = False
        if block.kind == "label":
            if block.label == "core_problem" or not block.text:
                continue
            previous = add_tree_span(builder, parsed_block, 0, len(block.text), _label_kind(block.label), topic,
                                     previous, listed=True)
            continue
        if block.kind == "item":
            kind = _item_kind(parsed, block)
            parent = builder.last_statement_in(parent_of(parsed, block)) if block.level > 1 else None
            previous = add_tree_span(builder, parsed_block, 0, len(block.text), kind, topic, previous,
                                     n=block.marker.ordinal if block.marker else None, parent=parent,
                                     listed=_under_a_lead(parsed, block))
            continue
        discussion = opens_discussion(parsed_block, discussion, continues=after_paragraph)
        after_paragraph = True
        if discussion:
            continue
        paragraph_kind: TreeKind = "effect" if opens_with_effects(block.text) else "cause"
        anecdote = False
        for start, end, is_remark in remark_spans(parsed_block, discussion):
            sentence = block.text[start:end]
            anecdote = is_anecdote(sentence, anecdote)
            if is_remark or anecdote or is_discussion(sentence):
                continue
            if is_question(sentence) or core_problem_span(sentence) is not None or sentence.rstrip().endswith(":"):
                continue
            offset, claim_end = material_span(sentence)
            defines_the_trunk = start == 0 and core is not None and core.source.start == block.start
            if is_meta(sentence[offset:]) or (is_definition(sentence) and defines_the_trunk):
                continue
            frame = kind_frame(sentence[offset:])
            if frame is not None and frame.kind == "effect" and frame.start == 0 or opens_with_effects(sentence):
                paragraph_kind = "effect"  # "The effects of this are …": the rest of the paragraph is effects too
            sentence_kind: TreeKind = paragraph_kind
            if paragraph_kind == "cause" and names_root_cause(sentence):
                sentence_kind = "root_cause"
            previous = add_tree_span(builder, parsed_block, start + offset, start + claim_end, sentence_kind, topic,
                                     previous)
    if core is not None:
        _attach_to_trunk(builder, core)
    return core


def _under_a_lead(parsed: Sequence[ParsedBlock], block: Block) -> bool:
    """An item whose kind a label or lead-in gives ("Effects:", "Three root causes were identified:")."""
    if block.label is not None:
        return True
    lead = parent_of(parsed, block)
    while lead is not None and lead.kind == "item" and lead.parent is not None:
        lead = parent_of(parsed, lead)
    return lead is not None and (lead.kind == "label" or names_root_cause(lead.text) or names_effects(lead.text)
                                 or "cause" in lead.text.lower())


def _label_kind(label: LabelKind | None) -> TreeKind:
    if label == "root_cause" or label == "effect":
        return label
    return "cause"


def _item_kind(parsed: Sequence[ParsedBlock], block: Block) -> TreeKind:
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
            return _trunk(builder, parsed[index], 0, len(block.text), topic)
    found: tuple[int, int, int] | None = None
    for index in content:
        block = parsed[index].block
        if block.kind not in ("paragraph", "item"):
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
        return _trunk(builder, parsed[index], s, e, topic)
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


def _trunk(builder: StatementBuilder, parsed_block: ParsedBlock, start: int, end: int,
           topic: str | None) -> Statement | None:
    """The trunk stated in [start, end) of a block, with the causes and effects the statement gives it."""
    made_before = len(builder.statements)
    add_tree_span(builder, parsed_block, start, end, "core_problem", topic, ())
    return next((s for s in builder.statements[made_before:] if s.kind == "core_problem"), None)


def _attach_to_trunk(builder: StatementBuilder, core: Statement) -> None:
    """Hang every cause and effect of a tree on its trunk where the report did not say more.

    A cause that leads to no other cause of the tree (nor the trunk) feeds the trunk; an effect that
    no other effect (nor the trunk) explains is fed by it. So "X results in Y" among the causes
    gives X→trunk as well as X→Y, and a chain of effects hangs from the trunk by its first link.
    """
    in_tree = {s.id: s for s in builder.statements
               if s.topic == core.topic and s.kind in ("root_cause", "cause", "effect", "core_problem")}
    feeds_a_cause: set[str] = set()
    explained: set[str] = set()
    for link in builder.links:
        if link.type != "CAUSES" or link.source not in in_tree or link.target not in in_tree:
            continue
        source, target = in_tree[link.source], in_tree[link.target]
        if target.kind in ("root_cause", "cause", "core_problem"):
            feeds_a_cause.add(source.id)
        if source.kind in ("effect", "core_problem"):
            explained.add(target.id)
    for statement in in_tree.values():
        if statement.id == core.id or statement.kind == "core_problem":
            continue
        if statement.kind == "effect" and statement.id not in explained:
            builder.link(core, statement, "CAUSES", "problem tree: effect of the trunk")
        elif statement.kind != "effect" and statement.id not in feeds_a_cause:
            builder.link(statement, core, "CAUSES", "problem tree: cause of the trunk")
