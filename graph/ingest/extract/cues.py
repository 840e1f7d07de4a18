"""Cues for the kind of a statement: the words that name a trunk, root causes, effects or priorities.

Structure already reads explicit labels ("Core problem:", "Root causes -", "Vision:"); these cues
read the prose around them: "The core problem was that ...", "Effects include ...", "The
priorities selected were A, B and C". Pure functions over strings, tested in
``tests/test_extract_cues.py``.

To add a cue for a statement kind (another wording of the trunk, of root causes or of effects),
widen its pattern here and add a case to that test file. Causal cues ("leads to", "due to") are
not here: they live in ``graph.ingest.causal``.
"""

from __future__ import annotations

import re

_EFFECT_LEAD = re.compile(
    r"^(?:the\s+)?(?:main\s+|major\s+|direct\s+|key\s+|resulting\s+)?(?:effects?|consequences?|impacts?)\b",
    re.IGNORECASE,
)
_EFFECT_WORD = re.compile(r"\b(?:effects?|consequences?|impacts?)\b", re.IGNORECASE)
_ROOT_CAUSE = re.compile(r"\broot[- ]causes?\b", re.IGNORECASE)
# The trunk named in prose: "The core problem is that A", "the trunk was changed from X to B", "C forms the trunk".
_CORE = re.compile(
    r"(?:(?:the\s+)?(?:core|central|main|focal)\s+problem(?:\s+(?!is\b|was\b)[\w’']+){0,5}?\s+(?:is|was)\s+(?:that\s+)?(?P<a>.+))"
    r"|(?:trunk(?: of the tree)?\s+(?:\w+\s+){0,3}?(?:chang\w+|edit\w+|amend\w+|revis\w+)"
    r"\s+(?:from\s+.+?\s+)?to\s+(?P<b>.+))"
    r"|(?:^(?P<c>.+?)\s+(?:forms?|formed|is|was|became|becomes)\s+the\s+trunk\b)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[‘“\"'](?P<q>[^‘’“”\"']{4,}?)[’”\"']")
_PRIORITY_SENTENCE = re.compile(
    r"\b(?:priorit\w+|selected|chosen|agreed)\b.*?\b(?:were|are|was|is)\b\s*:?\s*(?P<list>.+)$", re.IGNORECASE
)


def opens_with_effects(text: str) -> bool:
    """A paragraph that opens by naming effects ("The main effects are ..."): its sentences are effects."""
    return bool(_EFFECT_LEAD.match(text))


def names_effects(text: str) -> bool:
    """A lead-in that mentions effects, consequences or impacts anywhere."""
    return bool(_EFFECT_WORD.search(text))


def names_root_cause(text: str) -> bool:
    """"root cause(s)" or "root-cause(s)" anywhere in the text."""
    return bool(_ROOT_CAUSE.search(text))


def core_problem_span(sentence: str) -> tuple[int, int] | None:
    """Offsets of the trunk a sentence names ("The core problem is that X" -> X), else None."""
    match = _CORE.search(sentence)
    if not match:
        return None
    name = next(name for name in ("a", "b", "c") if match.group(name))
    return match.start(name), match.end(name)


def quoted_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Offsets of the first quoted passage (four characters or more) within text[start:end], else None."""
    match = _QUOTED.search(text, start, len(text) if end is None else end)
    return (match.start("q"), match.end("q")) if match else None


def priority_list_start(sentence: str) -> int | None:
    """Where the list starts in a sentence that names the priorities ("The priorities agreed were A, B and C")."""
    match = _PRIORITY_SENTENCE.search(sentence)
    return match.start("list") if match else None
