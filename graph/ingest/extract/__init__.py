"""Extraction: parsed blocks in, statements and links out.

Each workshop stage has its own reader, one module each:

- ``problems``: every listed item (prose sentences when a group reports without a list);
- ``priorities``: the items the vote picked;
- ``trees``: the trunk (core problem), root causes, causes and effects of each group's tree;
- ``visions_and_results``: each group's vision and results;
- ``links``: what links the stages (trees PART_OF priorities, visions and results ADDRESS them).

They share:

- ``builder``: the one place statements and links are made (ids, trimming, source sentence);
- ``clauses``: a sentence with explicit causal cues as clauses linked by CAUSES;
- ``discourse``: pure filters for the talk around the material (discussion, questions, method);
- ``cues``: pure cues for a statement's kind (the trunk, root causes, effects, priorities);
- ``enumerations``: "A, B and C" as spans;
- ``sentences``: a block's sentences, fragments rejoined;
- ``groups``: which blocks form one group's unit and which priority it works on.

Discussion (a participant commenting, the facilitator asking) is never a statement.

Where a change goes:

- a new discourse rule (what is not a statement): ``discourse``, with its cases in
  ``tests/test_extract_discourse.py``;
- a new wording of the trunk, root causes or effects: ``cues``;
- a new causal cue: ``graph.ingest.causal``; phrase-level causes: there, then wired in ``clauses``;
- enumerations split into their members: ``enumerations``, called from the stage's reader;
- a new statement kind (``comment`` for participants' remarks, say): add it to ``StatementKind``
  in ``graph/contract.py``, write its reader as a module here (the sentences the readers skip as
  ``discourse.is_discussion``), and call it from :func:`extract_statements`.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.contract import Link, Statement
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.groups import group_blocks, topic_resolver
from graph.ingest.extract.links import link_answers
from graph.ingest.extract.priorities import read_priorities
from graph.ingest.extract.problems import read_problems
from graph.ingest.extract.trees import read_trees
from graph.ingest.extract.visions_and_results import read_visions_and_results
from graph.ingest.parsed import ParsedBlock


def extract_statements(parsed: Sequence[ParsedBlock], report_id: str) -> tuple[list[Statement], list[Link]]:
    """The statements and links of one report, in a stable order (ids derive from ``report_id``).

    Priorities come first because the other stages name their topic by the priority's wording.
    """
    builder = StatementBuilder(report_id)
    priorities = read_priorities(builder, parsed)
    groups = group_blocks(parsed)
    topic_of = topic_resolver(priorities, groups, parsed)
    read_problems(builder, parsed, groups)
    trees = read_trees(builder, parsed, groups, topic_of)
    read_visions_and_results(builder, parsed, groups, topic_of)
    link_answers(builder, priorities, trees)
    return builder.statements, builder.links


__all__ = ["ParsedBlock", "StatementBuilder", "extract_statements"]
