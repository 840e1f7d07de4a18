"""A structured block together with its spaCy parse: what the extract and entity stages read.

The pipeline parses every block except headings once, with ``nlp.pipe``, and hands the stages a
sequence of :class:`ParsedBlock` in block order. Positions in that sequence are the block indices
that ``Block.parent`` refers to, so a heading keeps its place with ``doc=None``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from graph.ingest.structure import Block


@dataclass(frozen=True)
class ParsedBlock:
    """One block and its parse; ``doc`` is None for a block that is not parsed (a heading)."""

    block: Block
    doc: Doc | None


def parse_blocks(blocks: Sequence[Block], nlp: Language, *, batch_size: int = 64) -> list[ParsedBlock]:
    """Every block in order, each non-heading block parsed once in one ``nlp.pipe`` stream."""
    to_parse = [block for block in blocks if block.kind != "heading"]
    docs: Iterator[Doc] = iter(nlp.pipe((block.text for block in to_parse), batch_size=batch_size))
    return [ParsedBlock(block, None if block.kind == "heading" else next(docs)) for block in blocks]


def parent_of(parsed: Sequence[ParsedBlock], block: Block) -> Block | None:
    """The item or lead-in that ``block`` belongs to, if it has one."""
    return parsed[block.parent].block if block.parent is not None else None


def with_docs(parsed: Sequence[ParsedBlock]) -> Iterator[tuple[Block, Doc]]:
    """The parsed blocks only, in order, as (block, doc)."""
    for item in parsed:
        if item.doc is not None:
            yield item.block, item.doc
