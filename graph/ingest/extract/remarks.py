"""Remarks: what participants, the facilitator, the chair or a group's representative say about the material.

Reports of this genre follow each group's list, tree, vision or results with its discussion:
"A participant commented that …", "Mr Manthey asked whether …", "The group representative
responded that …". These are statements of their own kind, ``comment``: never problems or
causes, but findable ("access and link to other countries' databases" is only a participant's),
tagged with themes like any statement, and linked (DISCUSSES) to what they discuss.

- :func:`remark_flags` says which sentences of a paragraph are remarks: a sentence whose subject
  is a speaker and whose verb is a speech verb starts a turn; in a paragraph that opens with
  discussion, the sentences after it (and questions) continue it; elsewhere only a question or
  "She added …" does. The stage readers skip these sentences, and :func:`read_remarks` makes them
  comments, so the two never disagree.
- :func:`speaker_of` reads the speaker: its role (``participant``, ``facilitator``,
  ``group_representative``, ``chair``) and name when given, with a name's role from the report's
  own introductions (:func:`speaker_directory`: "Mr Geoff Manthey, the facilitator of the
  workshop", "facilitated by Mr Daniel Hoare"). A comment's text is what was said ("… commented
  that X" is X).
- A comment DISCUSSES the statement of its group's unit that shares most content words with it,
  else the unit's tree (its trunk), vision or priority.

Pure string functions are tested in ``tests/test_extract_remarks.py``, with whole-report cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph.contract import SpeakerRole, Statement
from graph.ingest.extract.builder import StatementBuilder
from graph.ingest.extract.cues import core_problem_span
from graph.ingest.extract.discourse import SPEAKER_VERBS, is_discussion, is_meta, is_question
from graph.ingest.extract.groups import Groups, TopicResolver
from graph.ingest.extract.sentences import sentence_spans
from graph.ingest.parsed import ParsedBlock
from graph.ingest.structure import Stage

REMARK_STAGES: tuple[Stage, ...] = ("problems", "priorities", "analysis", "vision", "results", "closing")
MIN_SHARED_TERMS = 2
SHORT_TARGET_TERMS = 3


@dataclass(frozen=True)
class Speaker:
    role: SpeakerRole | None
    name: str | None = None


_HONORIFICS = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|Madam|Sir|H\.\s?E\.|HE)\.?"
_RANKS = r"(?:(?:Senior\s+)?(?:Colonel|Col\.|Major|General|Gen\.|Captain|Capt\.|Lt\.?|Lieutenant)\s+)"
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
_PERSON = rf"(?:{_RANKS}?(?:{_HONORIFICS}\s+)+|{_RANKS})(?P<name>{_NAME})"
_LEAD = r"(?i:(?:in the plenary|in plenary|during the discussion|in the discussion|in response|later|afterwards|then|" \
        r"finally|also|however|at this point|responding|in particular|moreover|furthermore|in addition|lastly)" \
        r",?\s+)?"
_SPEAKERS: tuple[tuple[SpeakerRole | None, str], ...] = (
    ("group_representative",
     r"(?:the\s+|a\s+)?(?:group(?:[’']s)?\s+(?:\w+\s+)?(?:representative|presenter|rapporteur|spokesperson)"
     r"|representative\s+(?:of|from)\s+(?:the\s+|this\s+|that\s+)?(?:group|table|team)(?:\s+\w+)?"
     r"|(?:group|table|team)\s+\w+[’']s\s+(?:representative|presenter)"
     r"|(?:presenter|rapporteur|spokesperson)|representative(?=\s+(?:then\s+|also\s+)?(?:said|responded|replied|"
     r"explained|added|clarified|noted|stated|answered)))"),
    ("facilitator", r"(?:the\s+)?(?:facilitator|moderator|secretariat)"),
    ("chair", r"(?:the\s+)?(?:chair(?:person|man|woman)?)"),
    ("participant",
     r"(?:a|an|another|one|some|several|other|many|most|two|three|a\s+few|few)\s+(?:of\s+the\s+)?"
     r"(?:participants?|delegates?|attendees?|speakers?|members?(?:\s+of\s+the\s+(?:group|table|team|audience|plenary))?"
     r"|representatives?\s+(?:of|from)\s+(?!(?:the\s+|this\s+|that\s+)?(?:group|table|team)\b)[^,;]{2,80}?)"
     r"(?:\s+(?:from|of)\s+[^,;]{2,60}?)?"),
    ("participant", r"(?:the\s+)?(?:participants|audience|plenary|group|table|team|members)"),
    ("participant", r"(?:a|an|another|one|a\s+further)\s+(?:comment|question|point|concern|suggestion|query|remark)"),
    (None, r"(?:he|she|they)"),
)
_SPEECH = rf"(?:\s+(?:then|also|further|later|again|briefly|strongly)){{0,2}}\s+(?P<verb>{SPEAKER_VERBS})"
_SPEAKER_PATTERNS = tuple(
    (role, re.compile(rf"^{_LEAD}(?P<who>{pattern}){_SPEECH}", re.IGNORECASE)) for role, pattern in _SPEAKERS
)
_PERSON_PATTERN = re.compile(rf"^{_LEAD}(?P<who>{_PERSON})(?:,[^,]{{2,80}},)?{_SPEECH}")
_PASSIVE_AGENT = re.compile(
    r"\b(?:was|were)\s+(?:also\s+)?(?:suggested|proposed|raised|asked|made|questioned|mentioned|noted)(?P<by>\s+by\s+"
    r"(?P<who>(?:a|an|one|another|some|several|the)\s+(?:of\s+the\s+)?(?:participants?|facilitator|moderator|chair"
    r"|delegates?)|" + _PERSON + r"))",
    re.IGNORECASE,
)
_MADE = re.compile(r"^(?:a|an|another|one|a\s+further)\s+(?:comment|question|point|concern|suggestion|query|remark)\s+"
                   r"(?:was|were)\s+(?:also\s+)?(?:made|raised|asked|posed|expressed)", re.IGNORECASE)
_TRAILING = re.compile(
    rf",\s+(?:said|noted|added|explained|stressed|asked)\s+"
    rf"(?P<who>{_PERSON}|(?:[A-Z]\.\s*)+{_NAME}|{_NAME}|the\s+(?:facilitator|chair|moderator))\s*\.?$"
)
_CHAIR_INTRO = (
    re.compile(rf"(?:^|(?<=[.!?]\s))(?:{_RANKS}?(?:{_HONORIFICS}\s+)*|{_RANKS})(?P<name>{_NAME})[^.;]{{0,200}}?\b"
               r"(?:(?:opened|closed|chaired)\s+(?:the\s+)?(?:workshop|consultation|meeting|session)"
               r"|welcomed\s+(?:all\s+)?(?:the\s+)?participants)"),
    re.compile(rf"\bthe\s+chair(?:person)?\b[^.]{{0,80}}\.\s+(?:{_RANKS}?(?:{_HONORIFICS}\s+)+|{_RANKS})(?P<name>{_NAME})"),
)
_NAMED_PERSON = re.compile(rf"(?:{_HONORIFICS}\s+)+(?P<name>{_NAME})")
_THAT = re.compile(r"^(?:\s+(?:the\s+(?:group|groups|participants|table|plenary)|participants|them|him|her|everyone))?"
                   r"\s+(?:that\s+|(?=(?:whether|if|how|what|why|when|where|who)\b)|to\s+(?=\w))", re.IGNORECASE)
_AND_SAID = re.compile(rf"\band\s+(?:then\s+|also\s+)?{SPEAKER_VERBS}\s+(?:that\s+)?", re.IGNORECASE)
_GROUP_NARRATION = re.compile(r"(?:the\s+)?(?:group|table|team|participants|plenary)\b", re.IGNORECASE)
_EXERCISE_SUBJECT = re.compile(r"(?:the\s+)?(?:problem\s+)?(?:trees?|trunk|exercise|method|process|session|discussion"
                               r"|issues?|groups?)\b", re.IGNORECASE)
_TRAILING_COURTESY = re.compile(r",?\s+and\s+(?:then\s+)?(?:thanked|welcomed|invited|congratulated)\b")
_COURTESY = re.compile(r"(?:thank|welcom|invit|congratulat|introduc)", re.IGNORECASE)
_CONTINUES = re.compile(rf"^(?:he|she|they)\s+(?:then\s+|also\s+)?{SPEAKER_VERBS}|^(?:for example|for instance)\b",
                        re.IGNORECASE)
_FACILITATOR_INTRO = (
    re.compile(rf"(?:{_HONORIFICS}\s+)?(?P<name>{_NAME}),\s+(?:the\s+|a\s+)?(?:[\w ]{{0,40}}\s)?"
               r"(?i:(?P<f>facilitator|moderator)|(?P<c>chair(?:person)?))\b"),
    re.compile(rf"(?:(?P<f>facilitated|moderated)|(?P<c>chaired))\s+by\s+(?:{_HONORIFICS}\s+)?(?P<name>{_NAME})"),
    re.compile(rf"(?i:the\s+(?:(?P<f>facilitator|moderator)|(?P<c>chair(?:person)?))),?\s+{_HONORIFICS}\s+"
               rf"(?P<name>{_NAME})"),
)


# ---- pure string functions ----------------------------------------------------------------------------

def speaker_of(sentence: str, directory: dict[str, Speaker] | None = None, *,
               in_discussion: bool = False) -> tuple[Speaker, int, int] | None:
    """Who speaks in a sentence, and the span of what they said (the speaker left out); None if no one does.

    "A participant commented that X" -> (participant, the span of X); "Mr Manthey asked whether Y" ->
    (facilitator Geoff Manthey when the directory says so, the span of "asked whether Y");
    "X, said J. Smith." -> (J. Smith, the span of X). "He added that X" -> (Speaker(None), the span
    of X): the speaker is the one before. Outside a discussion, "The group added that X" is the group
    presenting its material, not a remark (``in_discussion`` makes it the participants').
    """
    text = sentence.strip()
    lead = len(sentence) - len(sentence.lstrip())
    end = lead + len(text)
    directory = directory or {}
    match = _PERSON_PATTERN.match(text)
    if match:
        said = _AND_SAID.search(text, match.end()) if _COURTESY.match(match.group("verb")) else None
        start = said.end() if said else _content_start(text, match)  # "thanked participants and stated that X"
        return _named(match.group("name"), directory), lead + start, end
    for role, pattern in _SPEAKER_PATTERNS:
        match = pattern.match(text)
        if match and not (role == "participant" and _is_group_subject(match.group("who")) and not in_discussion
                          and not is_discussion(text) and not _answers(match.group("verb"))):
            return Speaker(role), lead + _content_start(text, match), end
    if _MADE.match(text):
        return Speaker("participant"), lead, end
    agent = _PASSIVE_AGENT.search(text)
    if agent:
        name = agent.groupdict().get("name")
        if name:
            return _named(name, directory), lead, lead + agent.start("by")  # the name is no part of the remark
        return Speaker(_role_word(agent.group("who"))), lead, end
    trailing = _TRAILING.search(text)
    if trailing:
        who = trailing.group("who")
        speaker = Speaker(_role_word(who)) if who.lower().startswith("the ") else _named(
            trailing.groupdict().get("name") or who, directory)
        return speaker, lead, lead + trailing.start()
    return None


def remark_flags(sentences: Sequence[str], opens_in_discussion: bool, *, sticky: bool = False) -> list[bool]:
    """Which sentences of a paragraph are remarks (see the module docstring).

    ``sticky``: once a remark is made the rest of the paragraph is discussion (in a tree, the
    group's analysis comes before the talk about it); else content may resume after it (a group
    reporting in prose).
    """
    flags: list[bool] = []
    turn = False
    discussion = opens_in_discussion
    for sentence in sentences:
        if is_meta(sentence) and not is_question(sentence) and _GROUP_NARRATION.match(sentence.strip()):
            flags.append(False)  # "The group debated whether …": how the discussion went, not what was said
            continue
        spoken = speaker_of(sentence, in_discussion=discussion) is not None and _speech_act(sentence)
        if spoken and not (not discussion and _presents(sentence)):
            flags.append(True)
            turn = True
            discussion = discussion or sticky
        elif _someone_acts(sentence):
            flags.append(False)  # "Mr Hoare closed the workshop", "The facilitator grouped the themes": no remark
            turn = False
        elif discussion and (is_question(sentence) or turn) and not _about_the_tree(sentence):
            flags.append(True)
        elif turn and (is_question(sentence) or _CONTINUES.match(sentence.strip())):
            flags.append(True)
        else:
            flags.append(False)
            turn = turn and discussion
    return flags


def _someone_acts(sentence: str) -> bool:
    """A named person or a role does something other than speak ("Colonel Dr Phengsavanh provided observations")."""
    text = sentence.strip()
    if re.match(rf"(?:{_RANKS}?(?:{_HONORIFICS}\s+)+|{_RANKS}){_NAME}", text):
        return True
    pronoun = re.match(r"(?:he|she|they)\s+(?:then\s+|also\s+)?(?P<verb>\w+)", text, re.IGNORECASE)
    if pronoun:
        return not re.fullmatch(SPEAKER_VERBS, pronoun.group("verb"), re.IGNORECASE) or bool(
            _COURTESY.match(pronoun.group("verb")))
    return bool(re.match(r"(?:the\s+)?(?:facilitator|moderator|chair(?:person)?|secretariat|group|table|team)\s+"
                         r"(?:then\s+|also\s+)?(?!" + SPEAKER_VERBS + r")\w+", text, re.IGNORECASE))


def speaker_directory(texts: Iterable[str]) -> dict[str, Speaker]:
    """Names and the roles the report gives them: "Mr Geoff Manthey, the facilitator of the workshop"."""
    directory: dict[str, Speaker] = {}
    texts = list(texts)
    for text in texts:
        for pattern in _FACILITATOR_INTRO:
            for match in pattern.finditer(text):
                name = match.group("name").strip()
                role: SpeakerRole = "chair" if match.group("c") else "facilitator"
                speaker = Speaker(role, name)
                for key in {name, name.split()[-1]}:
                    directory.setdefault(key, speaker)
    for text in texts:  # who opened, closed or chaired the workshop, or spoke when "the chair" was invited
        for pattern in _CHAIR_INTRO:
            for match in pattern.finditer(text):
                name = " ".join(match.group("name").split())
                known = directory.get(name.split()[-1])
                if known is None or known.role != "facilitator":
                    speaker = Speaker("chair", name)
                    directory[name] = directory[name.split()[-1]] = speaker
    for text in texts:  # everyone else the report names in full: "Ms Lucía Núñez" is who "Ms Núñez" is
        for match in _NAMED_PERSON.finditer(text):
            name = " ".join(match.group("name").split())
            known = directory.get(name.split()[-1])
            if known is None or (known.role == "participant" and len(name) > len(known.name or "")):
                directory[name.split()[-1]] = Speaker("participant", name)
    return directory


def _named(name: str, directory: dict[str, Speaker]) -> Speaker:
    name = " ".join(name.split())
    known = directory.get(name) or directory.get(name.split()[-1])
    if known is not None:
        return Speaker(known.role, known.name if len(known.name or "") >= len(name) else name)
    return Speaker("participant", name)


def _role_word(who: str) -> SpeakerRole:
    lowered = who.lower()
    if "facilitator" in lowered or "moderator" in lowered:
        return "facilitator"
    if "chair" in lowered:
        return "chair"
    return "participant"


def _content_start(text: str, match: re.Match[str]) -> int:
    """After "commented that" / "told the group that": what was said; else from the verb ("asked whether …"),
    or from the start when a whole group speaks ("The group debated whether …")."""
    that = _THAT.match(text[match.end():])
    who = match.groupdict().get("who") or ""
    if that and (that.group(0).strip().lower().startswith("that") or not _is_group_subject(who)):
        return match.end() + that.end()
    return 0 if _is_group_subject(who) else match.start("verb")


def _is_group_subject(who: str) -> bool:
    return bool(re.fullmatch(r"(?:the\s+)?(?:participants|group|table|team|members)", who.strip(), re.IGNORECASE))


def _answers(verb: str) -> bool:
    return verb.lower().startswith(("respond", "repl", "answer", "debat", "question", "ask", "wonder"))


def _speech_act(sentence: str) -> bool:
    """A remark says, asks or answers something; "The facilitator grouped the themes" and "Mr X thanked the
    group" do not."""
    text = sentence.strip()
    if _MADE.match(text) or _PASSIVE_AGENT.search(text) or _TRAILING.search(text):
        return True
    for pattern in (_PERSON_PATTERN, *(p for _, p in _SPEAKER_PATTERNS)):
        match = pattern.match(text)
        if match:
            return not _COURTESY.match(match.group("verb")) or bool(_AND_SAID.search(text, match.end()))
    return False


def _presents(sentence: str) -> bool:
    """The group's presenter reporting the group's own material, outside a discussion: content, not a remark."""
    found = speaker_of(sentence)
    return found is not None and found[0].role == "group_representative"


def _about_the_tree(sentence: str) -> bool:
    """Narration of the exercise ("The problem tree was subsequently edited …"), not a remark on its content."""
    if core_problem_span(sentence) is not None and not is_question(sentence):
        return True
    return is_meta(sentence) and bool(_EXERCISE_SUBJECT.match(sentence.strip()))


# ---- the reader --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Remark:
    parsed_block: ParsedBlock
    start: int
    end: int
    speaker: Speaker
    unit: tuple[Stage | None, str | None]


def remark_spans(parsed_block: ParsedBlock, opens_in_discussion: bool) -> list[tuple[int, int, bool]]:
    """The block's sentences as (start, end, is_remark): what the stage readers and :func:`read_remarks` share.

    A sentence whose part after a semicolon has a speaker of its own is two ("A participant asked
    whether X; the facilitator suggested that Y"). In a problem tree a remark ends the paragraph's
    material (see :func:`remark_flags`, ``sticky``).
    """
    block = parsed_block.block
    spans = [part for s, e in sentence_spans(parsed_block.doc, block) for part in _speaker_parts(block.text, s, e)]
    flags = remark_flags([block.text[s:e] for s, e in spans], opens_in_discussion, sticky=block.stage == "analysis")
    return [(s, e, flag) for (s, e), flag in zip(spans, flags, strict=True)]


def _speaker_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split at each "; " that a new speaker follows ("A participant asked whether X; the
    facilitator suggested that Y"); a part in which someone acts without speaking ("…; the group kept it as a
    cause") is an aside, left out."""
    parts = []
    for match in re.finditer(r";\s+", text[start:end]):
        after = start + match.end()
        rest = text[after:end]
        if speaker_of(rest) is not None and _speech_act(rest):
            parts.append((start, start + match.start() + 1))
            start = after
        elif _someone_acts(rest) and speaker_of(text[start:after]) is not None:
            parts.append((start, start + match.start() + 1))
            return parts  # the aside is no statement of any kind
    return parts + [(start, end)]


def _leading_person(sentence: str, directory: dict[str, Speaker]) -> Speaker | None:
    """The person a sentence opens with ("Colonel Dr Phengsavanh provided observations"), for "He said …" after it."""
    match = re.match(rf"\s*(?:{_RANKS}?(?:{_HONORIFICS}\s+)+|{_RANKS})(?P<name>{_NAME})", sentence)
    return _named(match.group("name"), directory) if match else None


def after_a_list(groups: Groups, parsed: Sequence[ParsedBlock], block_stage: Stage | None, group: str | None) -> bool:
    """In the problem lists, a group that listed its problems: the paragraphs after the list are its discussion."""
    units = groups.get((block_stage, group), ())
    return block_stage == "problems" and any(parsed[i].block.kind == "item" for i in units)


def opens_discussion(parsed_block: ParsedBlock, discussion: bool, *, continues: bool = False) -> bool:
    """Whether a paragraph block is discussion: it opens with a remark, or it continues (``continues``: no blank
    line and no list item between them) a paragraph that is."""
    block = parsed_block.block
    if continues and not block.paragraph_start:
        return discussion
    return is_discussion(block.text) or (speaker_of(block.text) is not None and _speech_act(block.text)
                                         and not _presents(block.text))


def read_remarks(builder: StatementBuilder, parsed: Sequence[ParsedBlock], groups: Groups,
                 topic_of: TopicResolver, trees: dict[str | None, Statement]) -> list[Statement]:
    """Every remark of the problems, priorities, tree, vision and results stages as a ``comment``."""
    directory = speaker_directory(p.block.text for p in parsed)
    remarks: list[_Remark] = []
    for (stage, group), indices in groups.items():
        if stage not in REMARK_STAGES or (group is None and stage not in ("priorities", "closing")):
            continue  # a stage's introduction instructs the groups: it discusses no statement
        discussion = False
        after_paragraph = False
        listed = after_a_list(groups, parsed, stage, group) or stage == "closing"
        vision_given = False
        for index in indices:
            parsed_block = parsed[index]
            block = parsed_block.block
            if block.kind != "paragraph":
                discussion = after_paragraph = False
                vision_given |= block.kind == "label" and block.label == "vision"
                continue
            discussion = opens_discussion(parsed_block, discussion, continues=after_paragraph) or listed
            after_paragraph = True
            # After its vision, the group's own elaboration of it is its representative's remarks.
            elaborates = stage == "vision" and vision_given and not discussion
            previous: Speaker | None = Speaker("group_representative") if elaborates else None
            for start, end, is_remark in remark_spans(parsed_block, discussion):
                sentence = block.text[start:end]
                if not is_remark and not (elaborates and not is_meta(sentence)):
                    previous = _leading_person(sentence, directory) or previous
                    continue
                found = speaker_of(sentence, directory, in_discussion=True)
                speaker = found[0] if found else Speaker(None)
                if speaker.role is None:
                    speaker = previous or speaker
                said = (start + found[1], start + found[2]) if found else (start, end)
                said = (said[0] + _leading_marker(block.text[said[0]:said[1]]), said[1])
                courtesy = _TRAILING_COURTESY.search(block.text, said[0], said[1])
                if courtesy:
                    said = (said[0], courtesy.start())  # "… the results maps and thanked UNIAP for facilitating"
                remarks.append(_Remark(parsed_block, *said, speaker, (stage, group)))
                previous = speaker
    comments = []
    for remark in remarks:
        stage, group = remark.unit
        topic = topic_of(stage, group) if stage in ("analysis", "vision", "results") else None
        comment = builder.add("comment", remark.parsed_block, remark.start, remark.end, topic=topic,
                              speaker=remark.speaker.name, speaker_role=remark.speaker.role)
        if comment is None:
            continue
        comments.append(comment)
        target, evidence = _discussed(builder, comment, stage, trees)
        if target is not None:
            builder.link(comment, target, "DISCUSSES", evidence)
    return comments


def _leading_marker(text: str) -> int:
    """The length of a leading "For example," / "However," that is no part of the remark."""
    match = re.match(r"(?:for example|for instance|however|moreover|also|in addition|furthermore|finally),\s*",
                     text, re.IGNORECASE)
    return match.end() if match and match.end() < len(text) - 3 else 0


def _discussed(builder: StatementBuilder, comment: Statement, stage: Stage | None,
               trees: dict[str | None, Statement]) -> tuple[Statement | None, str]:
    """What a comment discusses: the unit's statement sharing most content words, else the unit's anchor."""
    kinds = {
        "problems": ("problem", "cause", "effect"),
        "priorities": ("priority",),
        "analysis": ("core_problem", "root_cause", "cause", "effect"),
        "vision": ("vision",),
        "results": ("result",),
    }.get(stage or "", ())
    candidates = [s for s in builder.statements if s.kind in kinds and s.group == comment.group
                  and (stage in ("problems", "priorities") or s.topic == comment.topic)
                  and s.source.start < comment.source.start]
    terms = builder.terms.get(comment.id, frozenset())
    best: tuple[int, int, Statement] | None = None
    for candidate in candidates:
        theirs = builder.terms.get(candidate.id, frozenset())
        shared = len(terms & theirs)
        if shared >= MIN_SHARED_TERMS or (shared and len(theirs) <= SHORT_TARGET_TERMS):
            if best is None or (shared, candidate.source.start) > (best[0], best[1]):
                best = (shared, candidate.source.start, candidate)
    if best is not None:
        shared_terms = sorted(terms & builder.terms.get(best[2].id, frozenset()))
        return best[2], "shared terms: " + ", ".join(shared_terms)
    if stage == "analysis" and comment.topic in trees:
        return trees[comment.topic], "the tree it discusses"
    if stage == "vision":
        vision = next((s for s in reversed(candidates) if s.kind == "vision"), None)
        if vision is not None:
            return vision, "the vision it discusses"
    if stage == "results":
        priority = next((s for s in builder.statements if s.kind == "priority" and s.text == comment.topic), None)
        anchor = priority or trees.get(comment.topic)
        if anchor is not None:
            return anchor, "the results it discusses"
    return None, ""
