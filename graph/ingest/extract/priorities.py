"""Priorities: the problems the participants' vote picked, numbered as the report numbers them.

Read from, in this order of preference: the first-level items of a list in the priorities stage
(unless the sentence introducing it says it lists criteria), a "Priorities: A, B and C" label,
else a sentence that names them ("The priorities agreed were A, B and C"). Vote counts
("(12 votes)") are not part of a priority.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.contract import Statement
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.cues import priority_list_start
from graph.ingest.extract.discourse import is_about_criteria
from graph.ingest.extract.enumerations import enumeration_spans
from graph.ingest.extract.sentences import sentence_spans
from graph.ingest.parsed import ParsedBlock, parent_of

_VOTES = re.compile(r"\s*[(\[\-–—:]\s*\d+\s*(?:votes?|dots?|points?)\s*[)\]]?\s*\.?$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def read_priorities(builder: StatementBuilder, parsed: Sequence[ParsedBlock]) -> list[Statement]:
    """The priority statements, in report order."""
    priorities: list[Statement] = []
    for parsed_block in parsed:
        block = parsed_block.block
        if block.stage != "priorities" or block.kind == "heading":
            continue
        lead_in = parent_of(parsed, block)
        # Only the sentence that introduces the list says whether it lists criteria or priorities.
        introduction = _SENTENCE_BREAK.split(lead_in.text.strip())[-1] if lead_in else ""
        if block.kind == "item" and block.level == 1 and not is_about_criteria(introduction):
            text_end = len(strip_votes(block.text))
            # Bulleted priorities are numbered by their place in the list.
            n = block.marker.ordinal if block.marker and block.marker.ordinal else len(priorities) + 1
            statement = builder.add("priority", parsed_block, 0, text_end, topic=None, n=n)
            if statement:
                priorities.append(statement)
        elif block.kind == "label" and block.label == "priority" and block.text:
            priorities += _inline_priorities(builder, parsed_block, 0)
    if not priorities:
        # Some reports name the priorities in a sentence: "The priorities agreed were A, B and C."
        for parsed_block in parsed:
            block = parsed_block.block
            if block.stage == "priorities" and block.kind == "paragraph":
                for start, end in sentence_spans(parsed_block.doc, block):
                    list_start = priority_list_start(block.text[start:end])
                    if list_start is not None and not is_about_criteria(block.text[start:end]):
                        priorities += _inline_priorities(builder, parsed_block, start + list_start, end)
    return priorities


def strip_votes(text: str) -> str:
    """The priority without its vote count: "Poverty (12 votes)" -> "Poverty"."""
    return _VOTES.sub("", text).rstrip(" .")


def _inline_priorities(builder: StatementBuilder, parsed_block: ParsedBlock, start: int,
                       end: int | None = None) -> list[Statement]:
    """The priorities enumerated in one line, numbered by their place in it."""
    text = parsed_block.block.text
    found: list[Statement] = []
    for piece_start, piece_end in enumeration_spans(text, start, end):
        item_end = piece_start + len(strip_votes(text[piece_start:piece_end].rstrip(" .")))
        statement = builder.add("priority", parsed_block, piece_start, item_end, topic=None, n=len(found) + 1)
        if statement:
            found.append(statement)
    return found
