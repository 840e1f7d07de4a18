"""Extraction: parsed blocks in, statements and links out.

Each workshop stage has its own reader, one module each:

- ``problems``: every listed item (prose sentences when a group reports without a list);
- ``priorities``: the items the vote picked;
- ``trees``: the trunk (core problem), root causes, causes and effects of each group's tree;
- ``visions_and_results``: each group's vision and results;
- ``remarks``: what participants, the facilitator, the chair or a group's representative say about
  the material, as ``comment`` statements with their speaker, DISCUSSES what they discuss;
- ``links``: what links the stages (trees PART_OF priorities, visions and results ADDRESS them).

They share:

- ``builder``: the one place statements and links are made (ids, trimming, source sentence);
- ``clauses``: a span as statements of one claim each (phrases, list items, independent clauses)
  and the CAUSES links between them;
- ``phrases``: causes and effects as phrases, from the dependency parse of a sentence;
- ``discourse``: pure filters for the talk around the material (discussion, questions, method,
  anecdotes);
- ``cues``: pure cues for a statement's kind (the trunk, root causes, effects, priorities, "The
  effects are A, B and C");
- ``enumerations``: "A, B and C" as spans; a list's items and a sentence's independent clauses on
  the parse;
- ``sentences``: a block's sentences, fragments rejoined;
- ``groups``: which blocks form one group's unit and which priority it works on.

A remark (a participant commenting, the facilitator asking) is never a problem or a cause: the
readers skip the sentences ``remarks.remark_flags`` marks, and ``remarks`` makes them comments.

Where a change goes:

- a new discourse rule (what is not a statement): ``discourse``, with its cases in
  ``tests/test_extract_discourse.py``;
- a new wording of the trunk, root causes or effects: ``cues``;
- a new causal cue: its word and direction in ``graph.ingest.causal`` (the vocabulary both
  splitters read), how the parse shows it in ``phrases``, with cases in
  ``tests/test_extract_phrases.py``;
- how a sentence divides into claims (lists, clauses): ``enumerations`` and ``clauses``;
- a new speaker or remark form: ``remarks``, with cases in ``tests/test_extract_remarks.py``;
- a new statement kind: add it to ``StatementKind`` in ``graph/contract.py`` (and its label in
  ``graph/model.py``), write its reader as a module here, and call it from
  :func:`extract_statements`.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.contract import Link, Statement
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.groups import group_blocks, topic_resolver
from graph.ingest.extract.links import link_answers
from graph.ingest.extract.priorities import read_priorities
from graph.ingest.extract.problems import read_problems
from graph.ingest.extract.remarks import read_remarks
from graph.ingest.extract.trees import read_trees
from graph.ingest.extract.visions_and_results import read_visions_and_results
from graph.ingest.parsed import ParsedBlock


def extract_statements(parsed: Sequence[ParsedBlock], report_id: str) -> tuple[list[Statement], list[Link]]:
    """The statements and links of one report, in a stable order (ids derive from ``report_id``).

    Priorities come first because the other stages name their topic by the priority's wording;
    remarks come last because they point at what the other stages made.
    """
    builder = StatementBuilder(report_id)
    priorities = read_priorities(builder, parsed)
    groups = group_blocks(parsed)
    topic_of = topic_resolver(priorities, groups, parsed)
    read_problems(builder, parsed, groups)
    trees = read_trees(builder, parsed, groups, topic_of)
    read_visions_and_results(builder, parsed, groups, topic_of)
    link_answers(builder, priorities, trees)
    read_remarks(builder, parsed, groups, topic_of, trees)
    return builder.statements, builder.links


__all__ = ["ParsedBlock", "StatementBuilder", "extract_statements"]
