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
SPEAKER_VERBS = (
    r"(?:comment|ask|question|state|said|say|suggest|note|respond|repl|stress|clarif|interject|emphasi|debat|"
    r"propos|felt|feel|raise|point|add|explain|thank|welcom|argu|agree|disagree|remark|wonder|highlight|observ|"
    r"mention|express|invit|outlin|conclud|summar|indicat|share|told|tell|answer|recommend|warn|insist|urg|"
    r"remind|caution|acknowledg|underlin|reiterat|quer|found|report|believ|think|thought|prais)\w*"
)
_SPEAKER_VERBS = SPEAKER_VERBS
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
    r"|the group|participants|the participants|the table|the team|the working group|members of the group)"
    rf"\s+(?:then |also |further )?{_SPEAKER_VERBS}\s+(?:that\s+)?",
    re.IGNORECASE,
)
# Talk about the exercise itself: the tree's shape, what earlier groups said, what follows.
_META = re.compile(
    r"problem trees?\b|\bbranch(?:es)?\b|divided (?:the issues |them )?into|can be divided|categor(?:y|ies)"
    r"|in terms of the tree|focus of (?:the )?discussion|already been raised|previous groups"
    r"|(?:were|was) identified\s*:|the following\b|this issue was separated|as follows|were as below|^we refer\b"
    r"|\b(?:also )?(?:raised|discussed|mentioned) (?:during|in|at) the [\w ]{2,30} consultations?\b"
    # How a group went about its work, not what it found.
    r"|\b(?:spent|spend)\s+(?:some|much|a\s+lot\s+of|most\s+of\s+the|a\s+long)?\s*time\s+(?:debating|discussing|on)\b"
    r"|\b(?:started|began|opened|finished|ended|closed)\s+(?:by|with)\s+(?:discussing|debating|looking|considering"
    r"|presenting|listing|asking|reviewing)\b|\bwithout\s+reaching\s+(?:an?\s+)?(?:agreement|consensus|conclusion)\b"
    r"|\bhow\s+to\s+(?:word|phrase|formulate|frame)\b"
    r"|\b(?:chose|decided|opted|preferred)\s+to\s+(?:report|present|write|record)\b|\bin\s+prose\b"
    r"|\b(?:was|were)\s+(?:adopted|endorsed|approved|validated)\s+by\s+(?:the\s+)?(?:plenary|participants|workshop)\b"
    r"|^(?:the\s+)?(?:group|table|team|participants|plenary)\s+(?:then\s+|also\s+)?(?:debated|discussed)\s+"
    r"(?:whether|how|if)\b"
    r"|^(?:the\s+)?(?:\w+\s+){0,3}(?:group|table|team|participants|plenary)(?:\s+(?:\d+|[a-z]|one|two|three|four|five"
    r"|six|i{1,3}|iv|v|alpha|beta|gamma))?\s+(?:then\s+|also\s+|first\s+)?"
    r"(?:raised|identified|listed|presented|discussed|made|had|named|gave|noted|agreed\s+on|chose|selected)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+number\s+of|a\s+few|some)\s+"
    r"(?:main\s+|key\s+|major\s+|important\s+|further\s+)?(?:points|issues|problems|causes|items|questions|topics|areas"
    r"|ideas|effects|concerns|themes|priorities)\s*[.:]?\s*$",
    re.IGNORECASE,
)
# A transition to the next subject: "Moving on to the border areas, …" opens what follows, says nothing.
_TRANSITION = re.compile(
    r"^(?:(?:moving|turning|coming|going|passing)\s+(?:on\s+)?to|turning\s+(?:now\s+)?to|as\s+for|as\s+regards"
    r"|with\s+regard\s+to|regarding|next|finally|lastly)\b[^,;]{0,60},\s*",
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
    """Where the material starts after the presenter's reporting clause or a transition, else 0.

    "The group's representative explained that X" -> the offset of X; "Moving on to the border
    areas, X" -> the offset of X.
    """
    offset = 0
    transition = _TRANSITION.match(sentence)
    if transition and transition.end() < len(sentence.rstrip(" .")):
        offset = transition.end()
    match = _REPORTING.match(sentence[offset:])
    return offset + match.end() if match else offset


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


_ANECDOTE = re.compile(
    r"\b(?:a|one|another)\s+(?:case\s+example|case\s+study|example|story|anecdote|real[- ]life\s+case)\s+"
    r"(?:was|were)\s+(?:also\s+)?(?:given|told|shared|presented|described|offered|cited|recounted)"
    r"|^(?:for example|for instance),?\s+(?:a|one)\s+(?:\d+[- ]year[- ]old|young|teenage)\b"
    r"|\btold\s+(?:the|a)\s+story\s+of\b|\bshared\s+(?:the|a|her|his|their)\s+(?:story|experience)\b"
    r"|\b(?:recounted|described)\s+the\s+case\s+of\b",
    re.IGNORECASE,
)
_NARRATIVE = re.compile(r"\b(?:was|were|had|did|became|went|wanted|left|paid|told|\w{3,}ed)\b", re.IGNORECASE)
_GENERIC = re.compile(r"\b(?:is|are|has|have|remains?|tends?|needs?)\b", re.IGNORECASE)


def is_anecdote(sentence: str, in_anecdote: bool = False) -> bool:
    """A case example told as a story ("A case example was given of a 16 year old girl …") or its next sentence.

    An anecdote illustrates a problem but states none: its opening sentence and the narrative that
    follows it (told in the past tense) are not statements. ``in_anecdote`` says the sentence before
    was part of one; a sentence in the present tense ("Poverty is a major problem.") ends it.
    """
    if _ANECDOTE.search(sentence):
        return True
    return in_anecdote and bool(_NARRATIVE.search(sentence)) and not _GENERIC.search(sentence)


# Frames around a claim that are no part of it: "In terms of internal cooperation, X", "Under this cause, X was
# highlighted", "This can be described as X", "Even before it gets to the courts, X", "At present, X".
_LEADING_FRAME = re.compile(
    r"^(?:(?:and|but|so|also|yet)\s+(?=\w))?(?:(?:in\s+terms\s+of|under\s+this|under\s+the|with\s+regard\s+to|as\s+regards"
    r"|as\s+for|regarding|concerning)\s+[^,;]{1,60},\s*"
    r"|(?:at\s+present|currently|nowadays|today|in\s+practice|in\s+reality|in\s+general|overall|firstly|secondly"
    r"|thirdly|lastly|finally|moreover|furthermore|in\s+addition|also|however|therefore|similarly),\s*"
    r"|even\s+(?:before|after|when|though)\s+[^,;]{1,60},\s*)",
    re.IGNORECASE,
)
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|yet)\s+(?=\w)", re.IGNORECASE)
_TRAILING_REPORT = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:highlighted|mentioned|noted|raised|identified|cited"
    r"|emphasi[sz]ed|stressed|pointed\s+out|named|discussed)\s*[.;]?\s*$",
    re.IGNORECASE,
)
_DESCRIBED_AS = re.compile(
    r"^(?:this|it|these|that)\s+(?:can|could|may|might|is|are)\s+(?:also\s+)?(?:be\s+)?(?:described|seen|summari[sz]ed"
    r"|characteri[sz]ed|understood|regarded|considered)\s+as\s+",
    re.IGNORECASE,
)


def material_span(sentence: str) -> tuple[int, int]:
    """The claim of a sentence without the frames around it, as offsets into the sentence.

    Frames: the presenter's reporting clause and transitions (:func:`reported_content_start`), a
    leading topic or time frame ("In terms of internal cooperation, X", "At present, X", "Even before
    it gets to the courts, X"), a leading conjunction ("And …"), a trailing report ("X was
    highlighted") and a description ("This can be described as X"). A frame is only dropped when a
    claim is left after it.
    """
    start = reported_content_start(sentence)
    end = len(sentence.rstrip())
    for _ in range(3):
        rest = sentence[start:end]
        match = _LEADING_FRAME.match(rest) or _DESCRIBED_AS.match(rest) or _LEADING_CONJUNCTION.match(rest)
        if not match or match.end() >= len(rest.rstrip(" ."))  - 2:
            break
        start += match.end()
        start += reported_content_start(sentence[start:end])
    trailing = _TRAILING_REPORT.search(sentence, start, end)
    if trailing and trailing.start() - start > 8:
        end = trailing.start()
    return start, end
