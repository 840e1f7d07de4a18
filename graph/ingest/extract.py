"""Extraction: structured blocks plus their parsed spaCy docs in, statements and links out.

Each workshop stage has its own reading:
- problems: every listed item (prose sentences when a group reports without a list);
- priorities: the items the vote picked;
- analysis: the trunk (core problem), root causes, causes and effects, with causal cues split
  into CAUSES links;
- vision and results: the statements, each linked to the priority it ADDRESSES.
Discussion (a participant commenting, the facilitator asking) is never a statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc

from graph.contract import Link, SourceSpan, Statement, StatementKind, stable_id
from graph.ingest.causal import split_causal
from graph.ingest.structure import Block, Stage

_HONORIFIC = r"(?:Mr|Ms|Mrs|Dr|Prof|Colonel|Col|Major|Maj|Madam|Sir|H\.?E\.?|General|Captain|Lt)\.?"
_SPEAKER_VERBS = (
    r"(?:comment|ask|question|state|said|say|suggest|note|respond|repl|stress|clarif|interject|emphasi|debat|"
    r"propos|felt|feel|raise|point|add|explain|thank|welcom|argu|agree|disagree|remark|wonder|highlight|observ|"
    r"mention|express|invit|outlin|conclud|summar|indicat|share)\w*"
)
# Discussion: someone other than the group's own presenter speaking about the material.
_DISCUSSION = re.compile(
    rf"^(?:(?:a|another|one|some|several|other|many|most)\s+(?:of the\s+)?(?:participants?|delegates?|attendees?|members?|speakers?|representatives? (?:of|from) (?!(?:the |this |that )?group))"
    rf"|(?:the\s+)?(?:facilitator|moderator|chair(?:person)?|secretariat|audience)"
    rf"|{_HONORIFIC}\s+[A-Z]\w+"
    rf"|(?:a|another|one) (?:comment|question|point|concern|suggestion)\b"
    rf"|(?:the )?discussion\b|in response\b|he |she )",
    re.IGNORECASE,
)
# The group's presenter reporting the group's own material: keep what follows "that".
_REPORTING = re.compile(
    rf"^(?:the\s+)?(?:group(?:[’']s)?\s+(?:\w+\s+)?(?:representative|presenter|rapporteur|spokesperson)|representative (?:of|from) (?:the )?group(?: \w+)?|group \w+[’']s representative|the group|participants|the participants|the table|the working group)"
    rf"\s+(?:then |also |further )?{_SPEAKER_VERBS}\s+(?:that\s+)?",
    re.IGNORECASE,
)
_META = re.compile(
    r"problem trees?\b|\bbranch(?:es)?\b|divided (?:the issues |them )?into|can be divided|categor(?:y|ies)|in terms of the tree"
    r"|focus of (?:the )?discussion|already been raised|previous groups|(?:were|was) identified\s*:|the following\b|this issue was separated"
    r"|as follows|were as below|^we refer\b|\b(?:also )?(?:raised|discussed|mentioned) (?:during|in|at) the [\w ]{2,30} consultations?\b",
    re.IGNORECASE,
)
_DEFINITION = re.compile(r"\b(?:in this context|relates? to|refers? to|is defined as|means)\b", re.IGNORECASE)
_EFFECT_LEAD = re.compile(r"^(?:the\s+)?(?:main\s+|major\s+|direct\s+|key\s+|resulting\s+)?(?:effects?|consequences?|impacts?)\b", re.IGNORECASE)
_ROOT_CAUSE = re.compile(r"\broot[- ]causes?\b", re.IGNORECASE)
_CORE = re.compile(
    r"(?:(?:the\s+)?(?:core|central|main|focal)\s+problem(?:\s+(?!is\b|was\b)[\w’']+){0,5}?\s+(?:is|was)\s+(?:that\s+)?(?P<a>.+))"
    r"|(?:trunk(?: of the tree)?\s+(?:\w+\s+){0,3}?(?:chang\w+|edit\w+|amend\w+|revis\w+)\s+(?:from\s+.+?\s+)?to\s+(?P<b>.+))"
    r"|(?:^(?P<c>.+?)\s+(?:forms?|formed|is|was|became|becomes)\s+the\s+trunk\b)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[‘“\"'](?P<q>[^‘’“”\"']{4,}?)[’”\"']")
_GENERIC_LEAD_IN = re.compile(r"(?:following|were|are|include|includes|identified|listed|as follows|below|these)\s*:?\s*$", re.IGNORECASE)
_CRITERIA = re.compile(r"criteri", re.IGNORECASE)
_PRIORITY_SENTENCE = re.compile(r"\b(?:priorit\w+|selected|chosen|agreed)\b.*?\b(?:were|are|was|is)\b\s*:?\s*(?P<list>.+)$", re.IGNORECASE)


# Words every statement of this genre shares; a match on them says nothing about what a result remedies.
_GENERIC_TERMS = frozenset(
    "trafficking traffic traffick trafficker human people person issue problem lack insufficient limited level "
    "work need country area government national lao pdr effective strong good well more less better victim case "
    "anti sufficient increase increased reduce reduced reduction improve improved support provide ensure develop available "
    "specific life role mechanism process service legal protect achieve able".split()
)
_CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", ""}
MAX_REMEDIES_PER_RESULT = 3


def content_terms(doc: Doc | None, text: str, start: int, end: int) -> frozenset[str]:
    """Lemmas of the content words in [start, end) of a block: what a statement is about."""
    if doc is None:
        words = re.findall(r"[a-z]{3,}", text[start:end].lower())
        return frozenset(w for w in words if w not in _GENERIC_TERMS)
    terms = set()
    for token in doc:
        if token.idx < start or token.idx >= end or not token.is_alpha or token.is_stop or token.pos_ not in _CONTENT_POS:
            continue
        lemma = (token.lemma_ or token.text).lower()
        if len(lemma) >= 3 and lemma not in _GENERIC_TERMS:
            terms.add(lemma)
    return frozenset(terms)


@dataclass
class _Builder:
    report_id: str
    statements: list[Statement] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    terms: dict[str, frozenset[str]] = field(default_factory=dict)
    _ids: set[str] = field(default_factory=set)

    def add(self, kind: StatementKind, block: Block, doc: Doc | None, start: int, end: int, *, topic: str | None,
            n: int | None = None, parent: str | None = None, text: str | None = None) -> Statement | None:
        """Add the statement at block-relative [start, end). Returns None for an empty or repeated span."""
        raw = block.text[start:end]
        lead = len(raw) - len(raw.lstrip(" \"“‘'(-–"))
        start += lead
        body = block.text[start:end].rstrip(" ,;:")
        if len(body.strip(" .")) < 2:
            return None
        end = start + len(body)
        absolute_start, absolute_end = block.start + start, block.start + end
        statement_id = stable_id(self.report_id, kind, absolute_start, absolute_end)
        if statement_id in self._ids:
            return None
        self._ids.add(statement_id)
        statement = Statement(
            id=statement_id,
            kind=kind,
            text=text or body,
            group=block.group,
            topic=topic,
            n=n,
            parent=parent,
            source=SourceSpan(block.section, block.page, absolute_start, absolute_end, _sentence_of(block, doc, start, end)),
        )
        self.statements.append(statement)
        self.terms[statement_id] = content_terms(doc, block.text, start, end)
        return statement

    def link(self, source: Statement, target: Statement, type_: str, evidence: str) -> None:
        if source.id != target.id:
            self.links.append(Link(source.id, target.id, type_, evidence))  # type: ignore[arg-type]


def _sentence_of(block: Block, doc: Doc | None, start: int, end: int) -> str:
    if doc is None:
        return block.text[start:end]
    pieces = [s for s in doc.sents if s.end_char > start and s.start_char < end]
    if not pieces:
        return block.text[start:end]
    return block.text[pieces[0].start_char:pieces[-1].end_char]


def _sentences(doc: Doc | None, block: Block) -> list[tuple[int, int]]:
    if doc is None:
        return [(0, len(block.text))]
    spans = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    return _merge_fragments(block.text, spans)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The small model splits at "i.e." or a lone parenthesis; rejoin pieces that start in lower case."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end].strip()
        if merged and (piece[:1].islower() or len(piece) < 3 or not _ends_sentence(text[merged[-1][0]:merged[-1][1]])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!", "”", "\"", ")", ":", ";"))


def is_discussion(sentence: str) -> bool:
    return bool(_DISCUSSION.match(sentence.strip())) and not _REPORTING.match(sentence.strip())


def _content_start(sentence: str) -> int:
    """Skip the presenter's reporting clause: "The group's representative explained that X" -> X."""
    match = _REPORTING.match(sentence)
    return match.end() if match else 0


def _is_question(sentence: str) -> bool:
    return sentence.rstrip(" ”\"’'").endswith("?")


def extract_statements(blocks: Sequence[Block], docs: dict[int, Doc], report_id: str) -> tuple[list[Statement], list[Link]]:
    builder = _Builder(report_id)
    priorities = _extract_priorities(builder, blocks, docs)
    groups = _groups_by_stage(blocks)
    topic_of = _topic_resolver(priorities, groups, blocks)

    for index, block in enumerate(blocks):
        if block.stage == "problems" and block.kind != "heading":
            _problem(builder, blocks, docs, index, groups)

    trees: dict[str | None, Statement] = {}
    for (stage, group), indices in groups.items():
        if stage == "analysis" and group is not None:
            core = _analyse_tree(builder, blocks, docs, indices, topic_of(stage, group))
            if core is not None:
                trees[core.topic] = core
    for (stage, group), indices in groups.items():
        if stage in ("vision", "results"):
            _vision_or_results(builder, blocks, docs, indices, stage, topic_of(stage, group), has_groups=_stage_has_groups(groups, stage))

    _link_answers(builder, priorities, trees)
    return builder.statements, builder.links


def _groups_by_stage(blocks: Sequence[Block]) -> dict[tuple[Stage | None, str | None], list[int]]:
    grouped: dict[tuple[Stage | None, str | None], list[int]] = {}
    for index, block in enumerate(blocks):
        # A tree, vision or result set is a working group's, or a topic heading's where groups are not named.
        unit = block.group or (block.topic if block.stage in ("analysis", "vision", "results") else None)
        grouped.setdefault((block.stage, unit), []).append(index)
    return grouped


def _stage_has_groups(groups: dict, stage: Stage) -> bool:
    return any(s == stage and g is not None for s, g in groups)


# ---- priorities -------------------------------------------------------------------------------

def _extract_priorities(builder: _Builder, blocks: Sequence[Block], docs: dict[int, Doc]) -> list[Statement]:
    priorities: list[Statement] = []
    for index, block in enumerate(blocks):
        if block.stage != "priorities" or block.kind == "heading":
            continue
        lead_in = blocks[block.parent] if block.parent is not None else None
        # Only the sentence that introduces the list says whether it lists criteria or priorities.
        introduction = re.split(r"(?<=[.!?])\s+", lead_in.text.strip())[-1] if lead_in else ""
        if block.kind == "item" and block.level == 1 and not _CRITERIA.search(introduction):
            text_end = len(_strip_votes(block.text))
            # Bulleted priorities are numbered by their place in the list.
            n = block.marker.ordinal if block.marker and block.marker.ordinal else len(priorities) + 1
            statement = builder.add("priority", block, docs.get(index), 0, text_end, topic=None, n=n)
            if statement:
                priorities.append(statement)
        elif block.kind == "label" and block.label == "priority" and block.text:
            priorities += _split_inline_list(builder, block, docs.get(index), 0)
    if not priorities:
        # Some reports name the priorities in a sentence: "The priorities agreed were A, B and C."
        for index, block in enumerate(blocks):
            if block.stage == "priorities" and block.kind == "paragraph":
                for start, end in _sentences(docs.get(index), block):
                    match = _PRIORITY_SENTENCE.search(block.text[start:end])
                    if match and not _CRITERIA.search(block.text[start:end]):
                        priorities += _split_inline_list(builder, block, docs.get(index), start + match.start("list"), end)
    return priorities


def _strip_votes(text: str) -> str:
    return re.sub(r"\s*[(\[\-–—:]\s*\d+\s*(?:votes?|dots?|points?)\s*[)\]]?\s*\.?$", "", text, flags=re.IGNORECASE).rstrip(" .")


def _split_inline_list(builder: _Builder, block: Block, doc: Doc | None, start: int, end: int | None = None) -> list[Statement]:
    end = len(block.text) if end is None else end
    found = []
    cursor = start
    for piece in re.split(r"(;|,(?:\s*and)?|\band\b)", block.text[start:end]):
        if piece in (";", ",") or piece.strip() in ("and", ", and") or re.fullmatch(r",\s*and|;|,|and", piece.strip()):
            cursor += len(piece)
            continue
        item_end = cursor + len(_strip_votes(piece.rstrip(" .")))
        statement = builder.add("priority", block, doc, cursor, item_end, topic=None, n=len(found) + 1)
        if statement:
            found.append(statement)
        cursor += len(piece)
    return found


def _topic_resolver(priorities: list[Statement], groups: dict, blocks: Sequence[Block]):
    """Map a group's topic (or its position) to the priority it works on, so every stage uses one wording."""
    ordinals: dict[Stage, list[str]] = {}
    named: dict[tuple[Stage | None, str | None], str] = {}
    for (stage, group), indices in groups.items():
        if group is not None and stage is not None:
            ordinals.setdefault(stage, []).append(group)
            topic = next((blocks[i].topic for i in indices if blocks[i].topic), None)
            if topic:
                named[(stage, group)] = topic

    def resolve(stage: Stage, group: str | None) -> str | None:
        if group is None:
            return None
        topic = named.get((stage, group))
        if topic and priorities:
            best = max(priorities, key=lambda p: fuzz.token_set_ratio(topic.lower(), p.text.lower()))
            return best.text if fuzz.token_set_ratio(topic.lower(), best.text.lower()) >= 70 else topic
        if topic:
            return topic
        siblings = ordinals.get(stage, [])
        if priorities and len(siblings) == len(priorities):
            return priorities[siblings.index(group)].text
        return None

    return resolve


# ---- problems ---------------------------------------------------------------------------------

def _problem(builder: _Builder, blocks: Sequence[Block], docs: dict[int, Doc], index: int, groups: dict) -> None:
    block = blocks[index]
    doc = docs.get(index)
    if block.kind == "item":
        parent = _statement_for_block(builder, blocks, block.parent)
        n = block.marker.ordinal if block.marker else None
        _tree_unit(builder, block, doc, 0, len(block.text), "problem", None, None, n=n, parent=parent)
        return
    if block.group is None or block.kind == "label":
        return
    group_has_items = any(blocks[i].kind == "item" for i in groups.get((block.stage, block.group), ()))
    if group_has_items:
        return
    # A group that reports in prose: its sentences state the problems, discussion aside.
    if is_discussion(block.text):
        return
    previous: Statement | None = None
    for start, end in _sentences(doc, block):
        sentence = block.text[start:end]
        if is_discussion(sentence) or _is_question(sentence) or _META.search(sentence):
            continue
        previous = _tree_unit(builder, block, doc, start + _content_start(sentence), end, "problem", None, previous)


def _statement_for_block(builder: _Builder, blocks: Sequence[Block], index: int | None) -> Statement | None:
    if index is None:
        return None
    block = blocks[index]
    for statement in reversed(builder.statements):
        if block.start <= statement.source.start < block.end + 1:
            return statement
    return None


# ---- problem trees ----------------------------------------------------------------------------

def _analyse_tree(builder: _Builder, blocks: Sequence[Block], docs: dict[int, Doc], indices: list[int], topic: str | None) -> Statement | None:
    content = [i for i in indices if blocks[i].kind != "heading"]
    core = _core_problem(builder, blocks, docs, indices, topic)
    previous: Statement | None = None
    discussion = False
    for index in content:
        block = blocks[index]
        doc = docs.get(index)
        if block.kind == "label":
            if block.label == "core_problem" or not block.text:
                continue
            previous = _tree_unit(builder, block, doc, 0, len(block.text), _label_kind(block.label), topic, previous)
            continue
        if block.kind == "item":
            kind = _item_kind(blocks, block)
            parent = _statement_for_block(builder, blocks, block.parent) if block.level > 1 else None
            previous = _tree_unit(builder, block, doc, 0, len(block.text), kind, topic, previous, n=block.marker.ordinal if block.marker else None, parent=parent)
            continue
        if block.paragraph_start or discussion:
            discussion = is_discussion(block.text)
        if discussion:
            continue
        kind: StatementKind = "effect" if _EFFECT_LEAD.match(block.text) else "cause"
        for start, end in _sentences(doc, block):
            sentence = block.text[start:end]
            if is_discussion(sentence):
                break
            if _is_question(sentence) or _CORE.search(sentence) or sentence.rstrip().endswith(":"):
                continue
            offset = _content_start(sentence)
            if _META.search(sentence[offset:]) or (_DEFINITION.search(sentence) and start == 0 and core is not None and core.source.start == block.start):
                continue
            sentence_kind = "root_cause" if kind == "cause" and _ROOT_CAUSE.search(sentence) else kind
            previous = _tree_unit(builder, block, doc, start + offset, end, sentence_kind, topic, previous)
    if core is not None:
        _attach_to_trunk(builder, core)
    return core


def _label_kind(label: str | None) -> StatementKind:
    return {"root_cause": "root_cause", "effect": "effect"}.get(label or "", "cause")  # type: ignore[return-value]


def _item_kind(blocks: Sequence[Block], block: Block) -> StatementKind:
    if block.label in ("root_cause", "cause", "effect"):
        return block.label  # type: ignore[return-value]
    lead = blocks[block.parent] if block.parent is not None else None
    while lead is not None and lead.kind == "item" and lead.parent is not None:
        lead = blocks[lead.parent]
    if lead is not None:
        if lead.kind == "label" and lead.label in ("root_cause", "cause", "effect"):
            return lead.label  # type: ignore[return-value]
        if _ROOT_CAUSE.search(lead.text):
            return "root_cause"
        if re.search(r"\b(?:effects?|consequences?|impacts?)\b", lead.text, re.IGNORECASE):
            return "effect"
    return "cause"


def _tree_unit(builder: _Builder, block: Block, doc: Doc | None, start: int, end: int, kind: StatementKind,
               topic: str | None, previous: Statement | None, n: int | None = None, parent: Statement | None = None) -> Statement | None:
    """One sentence or item, kept whole as a statement; its explicit causal cues become CAUSES links.

    The whole sentence stands for its first clause ("X leads to Y" is X; "This leads to Y" is Y);
    every other clause becomes a statement of its own, so each end of a link is a node. In a tree,
    what only ever comes out of a chain ("... resulting in fewer prosecutions") is an effect.
    """
    sentence = block.text[start:end]
    in_tree = kind in ("cause", "root_cause", "effect", "core_problem")
    pairs = split_causal(sentence, causal_verbs=in_tree)
    if in_tree and kind != "core_problem" and pairs and all(pair.cause.anaphoric for pair in pairs):
        kind = "effect"  # "As a result, Y" / "This leads to Y": a consequence of what came before
    statement = builder.add(kind, block, doc, start, end, topic=topic, n=n, parent=parent.id if parent else None)
    if statement is None:
        return previous
    if parent is not None:
        builder.link(statement, parent, "PART_OF", "sub-item")
    if not pairs:
        return statement
    clauses = sorted({c for pair in pairs for c in (pair.cause, pair.effect) if not c.anaphoric}, key=lambda c: c.start)
    causes = {(p.cause.start, p.cause.end) for p in pairs}
    nodes = {(clauses[0].start, clauses[0].end): statement} if clauses else {}
    for pair in pairs:
        ends: list[Statement | None] = []
        for clause, role in ((pair.cause, "cause"), (pair.effect, "effect")):
            if clause.anaphoric:
                ends.append(previous)
                continue
            key = (clause.start, clause.end)
            if key not in nodes:
                outcome_only = role == "effect" and key not in causes
                made = builder.add(_clause_kind(kind, role, outcome_only), block, doc, start + clause.start, start + clause.end,
                                   topic=topic, parent=statement.id)
                if made is None:
                    ends.append(None)
                    continue
                nodes[key] = made
            ends.append(nodes[key])
        cause, effect = ends
        if cause is not None and effect is not None:
            builder.link(cause, effect, "CAUSES", pair.cue)
    return statement


def _clause_kind(kind: StatementKind, role: str, outcome_only: bool) -> StatementKind:
    """A clause split off a sentence keeps the sentence's stage: a problem's cause is still a problem."""
    if kind in ("problem", "result", "vision"):
        return kind
    if kind == "core_problem":
        return "cause" if role == "cause" else "effect"
    if role == "cause":
        return "root_cause" if kind == "root_cause" else "cause"
    return "effect" if outcome_only else kind


def _core_problem(builder: _Builder, blocks: Sequence[Block], docs: dict[int, Doc], content_with_heading: list[int], topic: str | None) -> Statement | None:
    """The trunk: an explicit "Core problem:" label, else the last sentence naming the core problem or trunk, else the group's definition."""
    content = [i for i in content_with_heading if blocks[i].kind != "heading"]
    for index in content:
        block = blocks[index]
        if block.kind == "label" and block.label == "core_problem" and block.text:
            # "Core problem: X because Y" names a cause of the trunk too.
            return _tree_unit(builder, block, docs.get(index), 0, len(block.text), "core_problem", topic, None)
    found: tuple[int, int, int] | None = None
    for index in content:
        block = blocks[index]
        if block.kind != "paragraph":
            continue
        for start, end in _sentences(docs.get(index), block):
            sentence = block.text[start:end]
            match = _CORE.search(sentence)
            if not match:
                continue
            group_name = next(name for name in ("a", "b", "c") if match.group(name))
            s, e = start + match.start(group_name), start + match.end(group_name)
            quoted = _QUOTED.search(block.text, s, e)
            if quoted:
                s, e = quoted.start("q"), quoted.end("q")
            found = (index, s, e)
    if found:
        index, s, e = found
        return builder.add("core_problem", blocks[index], docs.get(index), s, e, topic=topic)
    first = next((i for i in content if blocks[i].kind == "paragraph" and not is_discussion(blocks[i].text)), None)
    if first is not None:
        block = blocks[first]
        sentences = _sentences(docs.get(first), block)
        if sentences and _DEFINITION.search(block.text[sentences[0][0]:sentences[0][1]]):
            s, e = sentences[0]
            return builder.add("core_problem", block, docs.get(first), s, e, topic=topic)
    # The tree's trunk is then the topic its group heading names.
    heading = next((blocks[i] for i in content_with_heading if blocks[i].kind == "heading" and blocks[i].topic), None)
    if heading is not None:
        position = heading.text.rfind(heading.topic)
        if position >= 0:
            return builder.add("core_problem", heading, None, position, position + len(heading.topic), topic=topic)
    return None


def _attach_to_trunk(builder: _Builder, core: Statement) -> None:
    """A tree's causes feed its trunk and the trunk feeds its effects, unless the report gave a more specific link."""
    in_tree = [s for s in builder.statements if s.topic == core.topic and s.kind in ("root_cause", "cause", "effect") and s.id != core.id]
    has_effect = {link.source for link in builder.links if link.type == "CAUSES"}
    has_cause = {link.target for link in builder.links if link.type == "CAUSES"}
    for statement in in_tree:
        if statement.kind == "effect" and statement.id not in has_cause:
            builder.link(core, statement, "CAUSES", "problem tree: effect of the trunk")
        elif statement.kind != "effect" and statement.id not in has_effect:
            builder.link(statement, core, "CAUSES", "problem tree: cause of the trunk")


# ---- visions and results ----------------------------------------------------------------------

def _vision_or_results(builder: _Builder, blocks: Sequence[Block], docs: dict[int, Doc], indices: list[int],
                       stage: Stage, topic: str | None, has_groups: bool) -> None:
    kind: StatementKind = "vision" if stage == "vision" else "result"
    group = blocks[indices[0]].group or blocks[indices[0]].topic
    content = [i for i in indices if blocks[i].kind != "heading"]
    labelled = any(blocks[i].kind == "label" and blocks[i].label == kind for i in content)
    made_any = False
    discussion = False
    for index in content:
        block = blocks[index]
        doc = docs.get(index)
        if block.kind == "label":
            if block.label == kind and block.text:
                made_any |= builder.add(kind, block, doc, 0, len(block.text), topic=topic) is not None
            continue
        if block.kind == "item":
            if group is None and has_groups:
                continue
            parent = _statement_for_block(builder, blocks, block.parent)
            statement = builder.add(kind, block, doc, 0, len(block.text), topic=topic,
                                    n=block.marker.ordinal if block.marker else None, parent=parent.id if parent else None)
            if statement and parent:
                builder.link(statement, parent, "PART_OF", "sub-item")
            made_any |= statement is not None
            continue
        if group is None:
            continue
        if block.paragraph_start or discussion:
            discussion = is_discussion(block.text)
        if discussion or (kind == "vision" and (labelled or made_any)):
            continue
        if kind == "vision":
            made_any |= _vision_from_prose(builder, block, doc, topic)
            continue
        for start, end in _sentences(doc, block):
            sentence = block.text[start:end]
            if is_discussion(sentence) or _is_question(sentence) or _META.search(sentence) or _GENERIC_LEAD_IN.search(sentence):
                continue
            made_any |= builder.add(kind, block, doc, start + _content_start(sentence), end, topic=topic) is not None


def _vision_from_prose(builder: _Builder, block: Block, doc: Doc | None, topic: str | None) -> bool:
    quoted = _QUOTED.search(block.text)
    if quoted and len(quoted.group("q").split()) >= 4:
        return builder.add("vision", block, doc, quoted.start("q"), quoted.end("q"), topic=topic) is not None
    if _META.search(block.text) or block.text.rstrip().endswith(":"):
        return False
    return builder.add("vision", block, doc, _content_start(block.text), len(block.text), topic=topic) is not None


def _link_answers(builder: _Builder, priorities: list[Statement], trees: dict[str | None, Statement]) -> None:
    by_topic = {p.text: p for p in priorities}
    for core in trees.values():
        if core.topic in by_topic:
            builder.link(core, by_topic[core.topic], "PART_OF", "problem tree of the priority")
    for statement in list(builder.statements):
        if statement.kind not in ("vision", "result") or statement.topic is None:
            continue
        target = by_topic.get(statement.topic) or trees.get(statement.topic)
        if target is not None:
            builder.link(statement, target, "ADDRESSES", f"{statement.kind} for {statement.topic}")
    _link_remedies(builder)


def _link_remedies(builder: _Builder) -> None:
    """A result ADDRESSES the causes it remedies, judged by the content words they share.

    Participants wrote results for every tree, not only their own, so every cause is a candidate;
    gap analysis then finds the causes that no result reaches.
    """
    causes = [s for s in builder.statements if s.kind in ("root_cause", "cause")]
    for result in [s for s in builder.statements if s.kind == "result"]:
        result_terms = builder.terms.get(result.id, frozenset())
        scored = []
        for cause in causes:
            cause_terms = builder.terms.get(cause.id, frozenset())
            shared = result_terms & cause_terms
            if len(shared) >= 2 or (shared and len(cause_terms) <= 3):
                scored.append((len(shared) / len(result_terms | cause_terms), cause, shared))
        for _, cause, shared in sorted(scored, key=lambda item: -item[0])[:MAX_REMEDIES_PER_RESULT]:
            builder.link(result, cause, "ADDRESSES", "shared terms: " + ", ".join(sorted(shared)))
