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
from dataclasses import dataclass
from typing import Literal

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


# ---- what a sentence names, and as what: "The effects are A, B and C", "A, B and C were named as causes" ----

FrameKind = Literal["root_cause", "cause", "effect"]


@dataclass(frozen=True)
class KindFrame:
    """A sentence that names causes or effects: where the named text is, and what it is.

    ``kind`` is None when the sentence names "problems" or "issues": the reader's own kind then.
    ``several`` says the named text may be a list of items ("The effects are A, B and C").
    """

    kind: FrameKind | None
    start: int
    end: int
    several: bool


_LEAD_WORDS = r"(?:(?:and|also|finally|moreover|furthermore|in addition|similarly|secondly|thirdly|lastly),?\s+)?"
_FRAME_ADJECTIVES = (
    r"(?:(?:main|major|direct|key|resulting|other|further|immediate|underlying|biggest|most\s+\w+|two|three|four"
    r"|five|several|identified|negative|possible)\s+)*"
)
_FRAME_NOUN = r"(?P<noun>root[- ]causes?|underlying\s+causes?|causes?|drivers?|effects?|consequences?|impacts?)"
# "The effects of this are A", "The main causes include A", "Its effects were: A".
_NAMING_LEAD = re.compile(
    rf"^{_LEAD_WORDS}(?:the\s+|its\s+|their\s+)?{_FRAME_ADJECTIVES}{_FRAME_NOUN}"
    r"(?:\s+of\s+(?:this|that|it|these|those)(?:\s+\w+){0,2}?)?(?:\s+(?:identified|named|listed|mentioned))?"
    r"(?:,[^,;:]{2,50},)?\s+(?:is|are|was|were|include[sd]?|will\s+be|would\s+be)\s*:?\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "Another underlying cause is A", "One cause was that A".
_ONE_MORE = re.compile(
    r"^(?:another|one|a\s+further|the\s+other|a\s+second|a\s+third|a\s+(?:main|major|key))\s+"
    r"(?:(?:main|major|key|underlying|important|big)\s+)*"
    r"(?P<noun>root[- ]cause|cause|driver|effect|consequence|impact)\s+(?:is|was)\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "A, B and C were all named as causes", "... were all deemed current problems".
_NAMED_AS = re.compile(
    r"\s+(?:were|are|was|is)\s+(?:(?:all|also|each|both|often|commonly)\s+)*"
    r"(?:named|deemed|identified|considered|seen|cited|mentioned|listed|regarded|described|given|highlighted"
    r"|recognised|recognized)\s+(?:as\s+)?(?:being\s+)?(?:the\s+)?"
    r"(?:(?:current|main|major|key|other|underlying|important|further)\s+)*"
    r"(?P<noun>root[- ]causes?|causes?|effects?|consequences?|impacts?|problems?|issues?|factors?|drivers?"
    r"|challenges?)(?:\s+of\s+[^.,;]+)?\s*[.;]?\s*$",
    re.IGNORECASE,
)
# "Poverty and debt are the main causes.", "Poverty is a root cause." (no "of Y": that is a causal pair).
_IS_A_CAUSE = re.compile(
    r"\s+(?:is|are|was|were)\s+(?:(?:all|also|both|therefore)\s+)*(?:the\s+|a\s+|an\s+|one\s+of\s+the\s+)?"
    r"(?:(?:main|major|key|other|underlying|two|three|big|important|real)\s+)*"
    r"(?P<noun>root[- ]causes?|causes?|effects?|consequences?|drivers?)\s*[.;]?\s*$",
    re.IGNORECASE,
)
# "Insufficient implementation relates to core problems such as A, B and C": the examples are the claims.
_SUCH_AS = re.compile(
    r"\b(?:problems|issues|causes|factors|constraints|challenges|gaps|weaknesses|difficulties)\s+(?:such\s+as|like"
    r"|including)\s+",
    re.IGNORECASE,
)
# "Rural to urban migration and migration abroad are the two big issues in Lao PDR."
_ARE_THE_ISSUES = re.compile(
    r"\s+(?:are|were)\s+(?:also\s+)?(?:the\s+)?(?:(?:two|three|four|main|major|key|big|biggest|important|other)\s+)+"
    r"(?:issues|problems|challenges|concerns)\b[^,;]*[.;]?\s*$",
    re.IGNORECASE,
)
_NOT_NAMED = re.compile(r"^(?:identified|named|listed|mentioned|as\s+follows|the\s+following|below|as\s+below)\b|:\s*$",
                        re.IGNORECASE)
_BOTH = re.compile(
    r"^(?P<x>.+?),?\s+(?:which\s+)?(?:is|are|was|were)\s+(?:also\s+)?(?:both\s+)?an?\s+(?:cause|driver)s?"
    r"\s+(?:and|as\s+well\s+as)\s+(?:an?\s+)?(?:effect|consequence|result)s?\b",
    re.IGNORECASE,
)


def kind_frame(sentence: str) -> KindFrame | None:
    """What a sentence names as causes or effects, and where: "The effects include A and B" -> A and B, effects.

    "X is both a cause and an effect" is not a frame (see :func:`cause_and_effect_span`).
    """
    if _BOTH.match(sentence):
        return None
    body_end = len(sentence.rstrip(" .;"))
    for pattern in (_NAMING_LEAD, _ONE_MORE):
        match = pattern.match(sentence)
        if match and match.end() < body_end and not _NOT_NAMED.search(sentence[match.end():body_end]):
            noun = match.group("noun").lower()
            several = pattern is _NAMING_LEAD and (noun.endswith("s") or "includ" in match.group(0).lower())
            return KindFrame(_frame_kind(noun), match.end(), body_end, several)
    for pattern in (_NAMED_AS, _IS_A_CAUSE):
        match = pattern.search(sentence)
        if match and match.start() > 0:
            noun = match.group("noun").lower()
            return KindFrame(_frame_kind(noun), 0, match.start(), pattern is _NAMED_AS or noun.endswith("s"))
    issues = _ARE_THE_ISSUES.search(sentence)
    if issues and issues.start() > 0:
        return KindFrame(None, 0, issues.start(), True)
    such = _SUCH_AS.search(sentence)
    if such and such.end() < body_end:
        return KindFrame(None, such.end(), body_end, True)
    return None


def cause_and_effect_span(sentence: str) -> tuple[int, int] | None:
    """"X is both a cause and an effect" (or "…, which is also a cause and effect") -> the offsets of X."""
    match = _BOTH.match(sentence)
    return (match.start("x"), match.end("x")) if match else None


def _frame_kind(noun: str) -> FrameKind | None:
    if noun.startswith("root"):
        return "root_cause"
    if noun.startswith(("cause", "driver", "underlying")):
        return "cause"
    if noun.startswith(("effect", "consequence", "impact")):
        return "effect"
    return None
