"""Structure: logical lines in, blocks out, each placed in its workshop stage and working group.

The genre is fixed by the method (problems, priorities, problem trees, visions, results map), but
each report names its headings, groups and list markers its own way. Stages are recognised from
heading vocabulary, groups from "Group/Table/Team + number or letter" headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from graph.ingest.clean import CleanText, LogicalLine
from graph.ingest.layout import (
    GROUP_NAME,
    LABEL_PATTERN,
    Marker,
    MarkerStyle,
    ends_sentence,
    find_marker,
    is_title_like,
    starts_label,
    strip_section_number,
)

Stage = Literal["opening", "problems", "priorities", "analysis", "vision", "results", "closing"]
BlockKind = Literal["heading", "label", "item", "paragraph"]
LabelKind = Literal["core_problem", "root_cause", "cause", "effect", "vision", "result", "priority"]

# First match wins: prioritising main problems is a priority stage, not problem identification.
_STAGE_CUES: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    ("closing", re.compile(
        r"\b(closing|conclu|wrap|next steps|evaluation of the workshop|annex|appendix|agenda|list of participants)",
        re.I,
    )),
    ("results", re.compile(r"\bresults?\b|\boutcomes?\b|must be (done|in place)|put in place", re.I)),
    ("vision", re.compile(r"\bvision", re.I)),
    ("analysis", re.compile(
        r"problem\s*trees?|tree analysis|problem analysis|analys[ie]|root causes?|causes and effects|cause.and.effect",
        re.I,
    )),
    ("priorities", re.compile(r"priorit|\bvot(e|ing)\b|selecting|ranking", re.I)),
    ("problems", re.compile(
        r"problem identification|identif|main problems|key (problems|challenges|issues)|challenges|brainstorm"
        r"|listing (the )?problems|problems? raised",
        re.I,
    )),
    ("opening", re.compile(r"opening|welcome|introduc|background|overview|situator|about the", re.I)),
)
# Only these markers number headings ("II. MAIN PROBLEMS"); "a." and "•" open list items.
_HEADING_MARKER_STYLES: tuple[MarkerStyle, ...] = ("number", "roman-upper", "letter-upper")
_GROUP_HEADING = re.compile(rf"^(?P<group>{GROUP_NAME})\b(?P<rest>.*)$", re.I)
_LABEL_KINDS: tuple[tuple[str, LabelKind], ...] = (
    ("root", "root_cause"),
    ("cause", "cause"),
    ("effect", "effect"),
    ("consequence", "effect"),
    ("impact", "effect"),
    ("vision", "vision"),
    ("result", "result"),
    ("outcome", "result"),
    ("priorit", "priority"),
)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str  # without list marker or label
    start: int  # offsets of `text` in the cleaned text
    end: int
    page: int | None
    stage: Stage | None
    section: str | None  # the section heading as the report words it
    group: str | None
    topic: str | None  # as the group heading words it
    marker: Marker | None = None
    level: int = 0
    parent: int | None = None  # index of the item or lead-in this item belongs to
    label: LabelKind | None = None
    paragraph_start: bool = True


def stage_of(heading: str) -> Stage | None:
    for stage, cue in _STAGE_CUES:
        if cue.search(heading):
            return stage
    return None


def parse_group_heading(text: str) -> tuple[str, Stage | None, str | None] | None:
    """`Group I Vision: Skills` -> ("Group I", "vision", "Skills")."""
    match = _GROUP_HEADING.match(strip_section_number(text.strip()))
    if not match:
        return None
    rest = match.group("rest").strip()
    if rest and not re.match(r"^[:\-–—(]", rest) and not is_title_like(text):
        return None
    if len(rest.split()) > 10 or rest.endswith("."):
        return None
    stage = None
    hint = re.match(r"^(vision(?: statement)?|results?(?: map)?|problem tree|problems?|causes? and effects)\b\s*",
                    rest, re.I)
    if hint:
        stage = stage_of(hint.group(1))
        rest = rest[hint.end():]
    topic = rest.strip(" :-–—()").strip() or None
    return " ".join(match.group("group").split()), stage, topic


def parse_label(text: str) -> tuple[LabelKind, str] | None:
    match = LABEL_PATTERN.match(text)
    if not match:
        return None
    label = match.group("label").lower()
    for cue, kind in _LABEL_KINDS:
        if cue in label:
            return kind, match.group("rest").strip()
    return "core_problem", match.group("rest").strip()


def _is_heading(line: LogicalLine, following: LogicalLine | None) -> bool:
    text = line.text
    if parse_group_heading(text):
        return True
    marker = find_marker(text)
    if marker is not None:
        # A numbered heading ("2. Problem Identification") names a stage; a numbered problem does not.
        body = text[marker.length:]
        short_title = not ends_sentence(body) and len(body.split()) <= 12
        if following is not None and starts_label(following.text) and short_title:
            return True  # "A. Cross-border trafficking" followed by "Vision: ..." titles that vision
        if marker.style not in _HEADING_MARKER_STYLES or body.endswith(":") or not is_title_like(body):
            return False
        # "II. MAIN PROBLEMS" is a heading; "1. Poverty" is a problem.
        return stage_of(body) is not None or (body.isupper() and len(body) > 3)
    if parse_label(text):
        return False
    return is_title_like(text) and not text.endswith(":")


def build_blocks(clean_text: CleanText) -> list[Block]:
    blocks: list[Block] = []
    stage: Stage | None = None
    section: str | None = None
    group: str | None = None
    topic: str | None = None
    styles: list[str] = []
    last_at_level: dict[int, int] = {}
    lead_in: int | None = None

    lines = clean_text.lines
    for position, line in enumerate(lines):
        text = line.text
        common: dict[str, Any] = dict(page=line.page, paragraph_start=line.paragraph_start)
        if _is_heading(line, lines[position + 1] if position + 1 < len(lines) else None):
            marker = find_marker(text)
            body = text[marker.length:] if marker and not parse_group_heading(text) else text
            parsed = parse_group_heading(body)
            if parsed:
                group, group_stage, topic = parsed
                stage = group_stage or stage
            else:
                heading_stage = stage_of(body)
                if heading_stage is not None:
                    stage, section, group, topic = heading_stage, body, None, None
                elif stage in ("analysis", "vision", "results"):
                    # An unrecognised heading inside these stages names the tree or topic that follows.
                    topic = body
            styles, last_at_level, lead_in = [], {}, None
            blocks.append(Block("heading", body, line.start + (len(text) - len(body)), line.end, stage=stage,
                                section=section, group=group, topic=topic, **common))
            continue

        marker = find_marker(text)
        label = parse_label(text[marker.length:] if marker else text)
        if marker is not None:
            level = _item_level(styles, marker)
            body_start = marker.length
            parent = last_at_level.get(level - 1) if level > 1 else lead_in
            item_label: LabelKind | None = None
            if label and label[1]:
                item_label = label[0]
                body_start = len(text) - len(label[1])
            blocks.append(Block("item", text[body_start:], line.start + body_start, line.end, stage=stage,
                                section=section, group=group, topic=topic, marker=marker, level=level,
                                parent=parent, label=item_label, **common))
            last_at_level = {k: v for k, v in last_at_level.items() if k < level}
            last_at_level[level] = len(blocks) - 1
            continue

        styles, last_at_level = [], {}
        if label is not None:
            kind, rest = label
            offset = len(text) - len(rest)
            blocks.append(Block("label", rest, line.start + offset, line.end, stage=stage, section=section,
                                group=group, topic=topic, label=kind, **common))
        else:
            blocks.append(Block("paragraph", text, line.start, line.end, stage=stage, section=section,
                                group=group, topic=topic, **common))
        # A line that ends in a colon introduces the list that follows it.
        lead_in = len(blocks) - 1 if text.rstrip().endswith(":") or (label and not label[1]) else None
    return blocks


# Bullets that look alike are one style; a different-looking bullet inside a list opens a sub-list,
# as Word's levels do (a dot, then a circle, then a square).
_BULLET_FAMILIES = {char: family for family, chars in (("•", "•·●∙¶Å"), ("◦", "◦○o"), ("▪", "▪■□"), ("-", "-–—"),
                                                      ("➢", "➢►▸‣"), ("✓", "✓✔"), ("*", "*"))
                    for char in chars}


def _nesting_key(marker: Marker) -> str:
    if marker.style == "bullet":
        return "bullet" + _BULLET_FAMILIES.get(marker.label, marker.label)
    return marker.style


def _item_level(styles: list[str], marker: Marker) -> int:
    """Nesting follows marker style: a new style inside a list opens a sub-list, a known one returns to its level."""
    key = _nesting_key(marker)
    if key in styles:
        del styles[styles.index(key) + 1:]
    else:
        styles.append(key)
    return len(styles)


__all__ = ["Block", "Stage", "build_blocks", "parse_group_heading", "parse_label", "stage_of"]
