"""Discourse filters: is this sentence a statement of the workshop's material, or talk around it?

Reports of this genre mix the groups' material with the discussion of it: a participant
commenting, the facilitator asking, the presenter introducing a list, a note about the method.
Every function here is pure (``str`` in, ``bool`` or an offset out), so each rule is tested on
its own in ``tests/test_extract_discourse.py``; the stage readers (problems, trees, visions and
results, priorities) decide what to do with a sentence that a filter flags.

To add a discourse rule: write a ``str -> bool`` function here (or widen one of the patterns),
add positive and negative cases to ``tests/test_extract_discourse.py``, then call it from the
stage readers that should skip such sentences. A participant's remark is recognised by
:func:`is_discussion`: a future ``comment`` statement kind would collect the sentences that the
readers now skip because of it, instead of dropping them.
"""

from __future__ import annotations

import re

_HONORIFIC = r"(?:Mr|Ms|Mrs|Dr|Prof|Colonel|Col|Major|Maj|Madam|Sir|H\.?E\.?|General|Captain|Lt)\.?"
_SPEAKER_VERBS = (
    r"(?:comment|ask|question|state|said|say|suggest|note|respond|repl|stress|clarif|interject|emphasi|debat|"
    r"propos|felt|feel|raise|point|add|explain|thank|welcom|argu|agree|disagree|remark|wonder|highlight|observ|"
    r"mention|express|invit|outlin|conclud|summar|indicat|share)\w*"
)
# Discussion: someone other than the group's own presenter speaking about the material.
_DISCUSSION = re.compile(
    r"^(?:(?:a|another|one|some|several|other|many|most)\s+(?:of the\s+)?"
    r"(?:participants?|delegates?|attendees?|members?|speakers?"
    r"|representatives? (?:of|from) (?!(?:the |this |that )?group))"
    r"|(?:the\s+)?(?:facilitator|moderator|chair(?:person)?|secretariat|audience)"
    rf"|{_HONORIFIC}\s+[A-Z]\w+"
    r"|(?:a|another|one) (?:comment|question|point|concern|suggestion)\b"
    r"|(?:the )?discussion\b|in response\b|he |she )",
    re.IGNORECASE,
)
# The group's presenter reporting the group's own material: keep what follows "that".
_REPORTING = re.compile(
    r"^(?:the\s+)?"
    r"(?:group(?:[’']s)?\s+(?:\w+\s+)?(?:representative|presenter|rapporteur|spokesperson)"
    r"|representative (?:of|from) (?:the )?group(?: \w+)?|group \w+[’']s representative"
    r"|the group|participants|the participants|the table|the working group)"
    rf"\s+(?:then |also |further )?{_SPEAKER_VERBS}\s+(?:that\s+)?",
    re.IGNORECASE,
)
# Talk about the exercise itself: the tree's shape, what earlier groups said, what follows.
_META = re.compile(
    r"problem trees?\b|\bbranch(?:es)?\b|divided (?:the issues |them )?into|can be divided|categor(?:y|ies)"
    r"|in terms of the tree|focus of (?:the )?discussion|already been raised|previous groups"
    r"|(?:were|was) identified\s*:|the following\b|this issue was separated|as follows|were as below|^we refer\b"
    r"|\b(?:also )?(?:raised|discussed|mentioned) (?:during|in|at) the [\w ]{2,30} consultations?\b",
    re.IGNORECASE,
)
_DEFINITION = re.compile(r"\b(?:in this context|relates? to|refers? to|is defined as|means)\b", re.IGNORECASE)
_GENERIC_LEAD_IN = re.compile(
    r"(?:following|were|are|include|includes|identified|listed|as follows|below|these)\s*:?\s*$", re.IGNORECASE
)
_CRITERIA = re.compile(r"criteri", re.IGNORECASE)


def is_discussion(sentence: str) -> bool:
    """A participant, the facilitator or a named speaker talking, not the group's presenter reporting.

    "One participant asked ..." and "Mr Smith noted ..." are discussion; "The group's
    representative explained that ..." reports the group's material and is not.
    """
    return bool(_DISCUSSION.match(sentence.strip())) and not _REPORTING.match(sentence.strip())


def reported_content_start(sentence: str) -> int:
    """Where the material starts after the presenter's reporting clause, else 0.

    "The group's representative explained that X" -> the offset of X.
    """
    match = _REPORTING.match(sentence)
    return match.end() if match else 0


def is_question(sentence: str) -> bool:
    """A question (closing quotes aside): asked in the discussion, never a statement."""
    return sentence.rstrip(" ”\"’'").endswith("?")


def is_meta(sentence: str) -> bool:
    """Talk about the method or the report rather than its content: "The tree has three branches"."""
    return bool(_META.search(sentence))


def is_definition(sentence: str) -> bool:
    """A sentence that defines the group's topic: "Labour migration in this context means ..."."""
    return bool(_DEFINITION.search(sentence))


def is_generic_lead_in(sentence: str) -> bool:
    """A sentence that only introduces what follows: "The results identified were:"."""
    return bool(_GENERIC_LEAD_IN.search(sentence))


def is_about_criteria(text: str) -> bool:
    """Text about the criteria of a vote, so the list it introduces holds criteria, not priorities."""
    return bool(_CRITERIA.search(text))
