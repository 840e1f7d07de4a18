"""The sentences of a block as the stage readers see them, and the sentence a statement sits in.

The small model splits at "i.e." or a lone parenthesis; such pieces are rejoined here, so every
reader gets whole sentences. A block without a parse (a heading) is one sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.ingest.structure import Block

_CACHE_KEY = "gmsgraph.sentence_spans"


def sentence_spans(doc: Doc | None, block: Block) -> list[tuple[int, int]]:
    """Block-relative (start, end) of each non-empty sentence, fragments rejoined."""
    if doc is None:
        return [(0, len(block.text))]
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:  # every reader asks, so the doc remembers its sentences
        spans = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
        cached = doc.user_data[_CACHE_KEY] = tuple(merge_fragments(block.text, spans))
    return list(cached)


def merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a piece to the one before when it starts in lower case, is tiny, or the one before does not
    end a sentence, or ends with an initial or a title ("according to M." + "Chan, …", "Dr." + "Smith …").

    A sentence that ends with a name ("…, said J. Smith.") ends there: the next piece starts a sentence."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end].strip()
        before = text[merged[-1][0]:merged[-1][1]] if merged else ""
        if merged and (piece[:1].islower() or len(piece) < 3 or not closes_sentence(before)
                       or (ends_with_initial(before) and piece[:1].isupper())):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_INITIAL = re.compile(r"(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|No|Col|Capt|Lt|Gen|H\.E)\.$")


def ends_with_initial(text: str) -> bool:
    """Ends with a single capital's full stop or a title's ("M.", "Dr."): the sentence goes on after it."""
    return bool(_INITIAL.search(text.rstrip()))


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


def sentences_within(doc: Doc | None, block: Block, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of block text [start, end), fragments rejoined, each clipped to the span."""
    if doc is None or start >= end:
        return [(start, end)] if end > start else []
    spans = []
    for s, e in sentence_spans(doc, block):
        s, e = max(s, start), min(e, end)
        while e > s and block.text[e - 1].isspace():
            e -= 1
        while s < e and block.text[s].isspace():
            s += 1
        if e > s:
            spans.append((s, e))
    return spans or [(start, end)]
