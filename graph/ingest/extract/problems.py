"""Problems: what the groups listed in the problem-identification stage.

Every listed item is a problem, whole (a sub-item is PART_OF its parent). A group that reports in
prose rather than a list states its problems in sentences: each is a problem unless it is a remark
(``remarks``: it becomes a comment), discussion, a question or talk about the method (see
``discourse``). The causes and effects a problem states become phrases of their own, linked by
CAUSES (see ``clauses``).
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.contract import Statement
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.clauses import add_problem_span
from graph.ingest.extract.discourse import is_anecdote, is_discussion, is_meta, is_question, material_span
from graph.ingest.extract.groups import Groups
from graph.ingest.extract.remarks import opens_discussion, remark_spans
from graph.ingest.parsed import ParsedBlock, parent_of


def read_problems(builder: StatementBuilder, parsed: Sequence[ParsedBlock], groups: Groups) -> None:
    """The problem statements of every block in the problems stage, in block order."""
    discussion = after_paragraph = False
    for parsed_block in parsed:
        block = parsed_block.block
        if block.stage == "problems" and block.kind != "heading":
            discussion = _problems_of_block(builder, parsed, parsed_block, groups, discussion, after_paragraph)
        after_paragraph = block.kind == "paragraph"


def _problems_of_block(builder: StatementBuilder, parsed: Sequence[ParsedBlock], parsed_block: ParsedBlock,
                       groups: Groups, discussion: bool, after_paragraph: bool) -> bool:
    """The problems of one block; returns whether the discussion goes on after it."""
    block = parsed_block.block
    if block.kind == "item":
        parent = builder.last_statement_in(parent_of(parsed, block))
        n = block.marker.ordinal if block.marker else None
        add_problem_span(builder, parsed_block, 0, len(block.text), (), n=n, parent=parent)
        return False
    if block.group is None or block.kind == "label":
        return False
    discussion = opens_discussion(parsed_block, discussion, continues=after_paragraph)
    group_has_items = any(parsed[i].block.kind == "item" for i in groups.get((block.stage, block.group), ()))
    if group_has_items or discussion:
        return discussion
    # A group that reports in prose: its sentences state the problems, remarks and discussion aside.
    previous: list[Statement] = []
    anecdote = False
    for start, end, is_remark in remark_spans(parsed_block, discussion):
        sentence = block.text[start:end]
        anecdote = is_anecdote(sentence, anecdote)
        if is_remark or anecdote or is_discussion(sentence) or is_question(sentence) or is_meta(sentence):
            continue
        claim_start, claim_end = material_span(sentence)
        previous = add_problem_span(builder, parsed_block, start + claim_start, start + claim_end, previous)
    return discussion
