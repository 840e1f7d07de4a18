"""The sentences of a block as the stage readers see them, and the sentence a statement sits in.

The small model splits at "i.e." or a lone parenthesis; such pieces are rejoined here, so every
reader gets whole sentences. A block without a parse (a heading) is one sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.structure import Block


def sentence_spans(doc: Doc | None, block: Block) -> list[tuple[int, int]]:
    """Block-relative (start, end) of each non-empty sentence, fragments rejoined."""
    if doc is None:
        return [(0, len(block.text))]
    spans = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    return merge_fragments(block.text, spans)


def merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a piece to the one before when it starts in lower case, is tiny, or the one before does not
    end a sentence."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end].strip()
        if merged and (piece[:1].islower() or len(piece) < 3 or not closes_sentence(text[merged[-1][0]:merged[-1][1]])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def closes_sentence(text: str) -> bool:
    """Ends with sentence-final punctuation, a closing quote or bracket, a colon or a semicolon."""
    return text.rstrip().endswith((".", "?", "!", "”", "\"", ")", ":", ";"))


def sentence_around(block: Block, doc: Doc | None, start: int, end: int) -> str:
    """The text of the sentence or sentences that block-relative [start, end) overlaps."""
    if doc is None:
        return block.text[start:end]
    pieces = [s for s in doc.sents if s.end_char > start and s.start_char < end]
    if not pieces:
        return block.text[start:end]
    return block.text[pieces[0].start_char:pieces[-1].end_char]
