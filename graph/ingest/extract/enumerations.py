"""Enumerations inside a line: "A, B and C" or "A; B; C" as the spans of their members.

Pure functions over strings, tested in ``tests/test_extract_enumerations.py``. Today only the
priorities are read this way (a "Priorities: A, B and C" label, or a sentence naming them).

To split enumerations elsewhere (the members of "a lack of A, B and C" in a problem, say), call
:func:`enumeration_spans` from that stage's reader, or refine how members are told apart here.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"(;|,(?:\s*and)?|\band\b)")
_SEPARATOR_ONLY = re.compile(r",\s*and|;|,|and")


def enumeration_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each piece of text[start:end] between separators (";", ",", ", and", "and").

    A piece is returned untrimmed and may be blank (between two separators); callers trim it.
    """
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for piece in _SEPARATOR.split(text[start:end]):
        if not _is_separator(piece):
            spans.append((cursor, cursor + len(piece)))
        cursor += len(piece)
    return spans


def _is_separator(piece: str) -> bool:
    return piece in (";", ",") or piece.strip() in ("and", ", and") or bool(_SEPARATOR_ONLY.fullmatch(piece.strip()))
