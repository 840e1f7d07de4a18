"""Problems: what the groups listed in the problem-identification stage.

Every listed item is a problem (a sub-item is PART_OF its parent). A group that reports in prose
rather than a list states its problems in sentences: each is a problem unless it is discussion,
a question or talk about the method (see ``discourse``). Causal cues inside a problem become
CAUSES links between its clauses (see ``clauses``).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.contract import Statement
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.clauses import add_with_causes
from graph.ingest.extract.discourse import is_discussion, is_meta, is_question, reported_content_start
from graph.ingest.extract.groups import Groups
from graph.ingest.extract.sentences import sentence_spans
from graph.ingest.parsed import ParsedBlock, parent_of


def read_problems(builder: StatementBuilder, parsed: Sequence[ParsedBlock], groups: Groups) -> None:
    """The problem statements of every block in the problems stage, in block order."""
    for parsed_block in parsed:
        block = parsed_block.block
        if block.stage == "problems" and block.kind != "heading":
            _problems_of_block(builder, parsed, parsed_block, groups)


def _problems_of_block(builder: StatementBuilder, parsed: Sequence[ParsedBlock], parsed_block: ParsedBlock,
                       groups: Groups) -> None:
    block, doc = parsed_block.block, parsed_block.doc
    if block.kind == "item":
        parent = builder.last_statement_in(parent_of(parsed, block))
        n = block.marker.ordinal if block.marker else None
        add_with_causes(builder, parsed_block, 0, len(block.text), "problem", None, None, n=n, parent=parent)
        return
    if block.group is None or block.kind == "label":
        return
    group_has_items = any(parsed[i].block.kind == "item" for i in groups.get((block.stage, block.group), ()))
    if group_has_items:
        return
    # A group that reports in prose: its sentences state the problems, discussion aside.
    if is_discussion(block.text):
        return
    previous: Statement | None = None
    for start, end in sentence_spans(doc, block):
        sentence = block.text[start:end]
        if is_discussion(sentence) or is_question(sentence) or is_meta(sentence):
            continue
        material_start = start + reported_content_start(sentence)
        previous = add_with_causes(builder, parsed_block, material_start, end, "problem", None, previous)
