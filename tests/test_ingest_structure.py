"""Structure: group headings, stage vocabulary, list markers, nesting, and a layout unlike the Lao report's."""

from __future__ import annotations

import pytest
from ingest_support import cleaned

from graph.ingest.layout import find_marker, is_title_like
from graph.ingest.structure import build_blocks, parse_group_heading, parse_label, stage_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Group One", ("Group One", None, None)),
        ("Group Four", ("Group Four", None, None)),
        ("Group I: Skills", ("Group I", None, "Skills")),
        ("Group II Vision: Cooperation", ("Group II", "vision", "Cooperation")),
        ("Group III Results Map: Economic Issues", ("Group III", "results", "Economic Issues")),
        ("Group IV Problem Tree: Legal Issues", ("Group IV", "analysis", "Legal Issues")),
        ("Working Group A – Legal Framework", ("Working Group A", None, "Legal Framework")),
        ("Working Group B", ("Working Group B", None, None)),
        ("Table 2", ("Table 2", None, None)),
        ("Breakout Group Alpha", ("Breakout Group Alpha", None, None)),
        ("Team 3 (Cooperation)", ("Team 3", None, "Cooperation")),
        ("2.1 Group 3: Victim Protection", ("Group 3", None, "Victim Protection")),
    ],
)
def test_parse_group_heading(text: str, expected: tuple) -> None:
    assert parse_group_heading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grouping of problems",
        "Group work was lively and everyone took part in it.",
        "Tables were arranged in a circle.",
        "Group One agreed that poverty is the main problem.",
        "Poverty",
    ],
)
def test_not_group_headings(text: str) -> None:
    assert parse_group_heading(text) is None


@pytest.mark.parametrize(
    ("heading", "stage"),
    [
        ("Problem Identification", "problems"),
        ("Identifying Main Problems", "problems"),
        ("Session 1: Identifying the Key Challenges", "problems"),
        ("Brainstorming", "problems"),
        ("Prioritisation", "priorities"),
        ("Prioritization of Problems", "priorities"),
        ("Organizing and Prioritizing Main Problems", "priorities"),
        ("Session 2: Selecting Priority Problems", "priorities"),
        ("Voting on Priorities", "priorities"),
        ("Problem Tree Analysis", "analysis"),
        ("Problem Analysis", "analysis"),
        ("Session 3: Analysing the Problems", "analysis"),
        ("Root Causes and Effects", "analysis"),
        ("Visioning", "vision"),
        ("Vision Statements", "vision"),
        ("Session 4: A Shared Vision", "vision"),
        ("Results Mapping", "results"),
        ("Results Map", "results"),
        ("What Must Be in Place", "results"),
        ("Opening Speeches", "opening"),
        ("Welcome and Introductions", "opening"),
        ("Background", "opening"),
        ("Closing Remarks", "closing"),
        ("Conclusions and Next Steps", "closing"),
        ("Annex 1: List of Participants", "closing"),
        ("Methodology", None),
        ("Poverty", None),
    ],
)
def test_stage_of(heading: str, stage: str | None) -> None:
    assert stage_of(heading) == stage


@pytest.mark.parametrize(
    ("line", "style", "label", "ordinal"),
    [
        ("1. Poverty", "number", "1", 1),
        ("1) Poverty", "number", "1", 1),
        ("(1) Poverty", "number", "1", 1),
        ("12. Weak courts", "number", "12", 12),
        ("a. Poverty", "letter-lower", "a", 1),
        ("(a) Poverty", "letter-lower", "a", 1),
        ("c) Poverty", "letter-lower", "c", 3),
        ("A. Poverty", "letter-upper", "A", 1),
        ("i) Poverty", "roman-lower", "i", 1),
        ("iv. Poverty", "roman-lower", "iv", 4),
        ("(ix) Poverty", "roman-lower", "ix", 9),
        ("II. Main Problems", "roman-upper", "II", 2),
        ("• Poverty", "bullet", "•", None),
        ("- Poverty", "bullet", "-", None),
        ("– Poverty", "bullet", "–", None),
        ("¶ Poverty", "bullet", "¶", None),
        ("Å Poverty", "bullet", "Å", None),
        ("▪ Poverty", "bullet", "▪", None),
        ("o Poverty", "bullet", "o", None),
    ],
)
def test_find_marker(line: str, style: str, label: str, ordinal: int | None) -> None:
    marker = find_marker(line)
    assert marker is not None
    assert (marker.style, marker.label, marker.ordinal) == (style, label, ordinal)
    assert line[marker.length:] == line.split(None, 1)[1]


@pytest.mark.parametrize(
    "line",
    ["2004. In 2004 the law was passed", "e.g. this one", "i.e. the police", "1.5 million people migrated",
     "-5 per cent", "Poverty is a problem", "I am here", "A lack of funding", "or more"],
)
def test_non_markers(line: str) -> None:
    assert find_marker(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Core problem: Weak law enforcement", ("core_problem", "Weak law enforcement")),
        ("Root causes:", ("root_cause", "")),
        ("Effects – victims are re-trafficked", ("effect", "victims are re-trafficked")),
        ("Vision: Every victim is protected.", ("vision", "Every victim is protected.")),
        ("Expected results:", ("result", "")),
        ("Poverty is a cause of migration.", None),
    ],
)
def test_parse_label(text: str, expected: tuple | None) -> None:
    assert parse_label(text) == expected


@pytest.mark.parametrize(
    ("text", "title_like"),
    [("Problem Identification", True), ("GROUP WORK", True), ("Group One", True),
     ("Poverty leads to migration.", False), ("The government needs to act, and quickly", False)],
)
def test_is_title_like(text: str, title_like: bool) -> None:
    assert is_title_like(text) is title_like


# ---- nesting ----------------------------------------------------------------------------------

NESTED = """Problem Identification

Group Four

6. Customary law does not always fit with international conventions.
7. The Government needs to take ownership:
- Needs to allocate a sustained budget towards anti-trafficking;
- A need to cooperate and consult more across sectors.
8. Problems relating to male victims are not addressed.
a. Male victims are not identified.
b. No shelter accepts men.
i) Not even in the capital.
c. Men do not report.
9. Border guards rotate too often.
"""


def test_sub_items_nest_under_their_item() -> None:
    blocks = build_blocks(cleaned(NESTED))
    items = [b for b in blocks if b.kind == "item"]
    by_text = {b.text: (i, b) for i, b in enumerate(blocks)}
    level = {b.text: b.level for b in items}
    assert level == {
        "Customary law does not always fit with international conventions.": 1,
        "The Government needs to take ownership:": 1,
        "Needs to allocate a sustained budget towards anti-trafficking;": 2,
        "A need to cooperate and consult more across sectors.": 2,
        "Problems relating to male victims are not addressed.": 1,
        "Male victims are not identified.": 2,
        "No shelter accepts men.": 2,
        "Not even in the capital.": 3,
        "Men do not report.": 2,
        "Border guards rotate too often.": 1,
    }
    item7, _ = by_text["The Government needs to take ownership:"]
    item8, _ = by_text["Problems relating to male victims are not addressed."]
    sub_b, _ = by_text["No shelter accepts men."]
    assert by_text["Needs to allocate a sustained budget towards anti-trafficking;"][1].parent == item7
    assert by_text["A need to cooperate and consult more across sectors."][1].parent == item7
    assert by_text["Male victims are not identified."][1].parent == item8
    assert by_text["Not even in the capital."][1].parent == sub_b
    assert by_text["Men do not report."][1].parent == item8
    assert by_text["Border guards rotate too often."][1].parent is None
    assert all(b.group == "Group Four" and b.stage == "problems" for b in items)
    # Offsets point at the text without its marker.
    text = cleaned(NESTED).text
    assert all(text[b.start:b.end] == b.text for b in blocks)


# ---- a layout of our own ----------------------------------------------------------------------

OWN_LAYOUT = """SYNTHETIC LAYOUT — written for the tests

Welcome and Introductions

The workshop opened with remarks from the organisers.

Session 1: Listing the Key Challenges

Table 1

- Children leave school early to work on farms.
- Recruiters promise well paid jobs across the border.

Table 2

a) Police stations lack interpreters.
b) Judges rarely hear trafficking cases.

Session 2: Voting on Priorities

Each table placed dots next to the problems it found most urgent.

1) Early school leaving (14 votes)
2) Access to justice (11 votes)

Session 3: Problem Tree Analysis

Table 1: Early school leaving

Core problem: Children leave school before the age of fifteen.
Root causes:
- Families cannot pay for uniforms and books.
Effects:
- Children are recruited into exploitative work.

Session 4: Visioning

Table 1: Early school leaving

Vision: Every child completes lower secondary school.

Session 5: Results Mapping

Table 1: Early school leaving

- Scholarships reach the poorest families.
- Schools track children who stop attending.

Conclusions and Next Steps

The organisers thanked everyone.
"""


def test_own_layout_gives_stages_and_groups() -> None:
    blocks = build_blocks(cleaned(OWN_LAYOUT))
    placed = {(b.text, b.stage, b.group) for b in blocks if b.kind != "heading"}
    expected = {
        ("The workshop opened with remarks from the organisers.", "opening", None),
        ("Children leave school early to work on farms.", "problems", "Table 1"),
        ("Recruiters promise well paid jobs across the border.", "problems", "Table 1"),
        ("Police stations lack interpreters.", "problems", "Table 2"),
        ("Judges rarely hear trafficking cases.", "problems", "Table 2"),
        ("Early school leaving (14 votes)", "priorities", None),
        ("Access to justice (11 votes)", "priorities", None),
        ("Children leave school before the age of fifteen.", "analysis", "Table 1"),
        ("Families cannot pay for uniforms and books.", "analysis", "Table 1"),
        ("Children are recruited into exploitative work.", "analysis", "Table 1"),
        ("Every child completes lower secondary school.", "vision", "Table 1"),
        ("Scholarships reach the poorest families.", "results", "Table 1"),
        ("Schools track children who stop attending.", "results", "Table 1"),
        ("The organisers thanked everyone.", "closing", None),
    }
    assert expected <= placed
    labels = {b.text: b.label for b in blocks if b.kind == "label"}
    assert labels["Children leave school before the age of fifteen."] == "core_problem"
    assert labels["Every child completes lower secondary school."] == "vision"
    topics = {b.text: b.topic for b in blocks}
    assert topics["Every child completes lower secondary school."] == "Early school leaving"
    sections = [b.section for b in blocks if b.kind == "heading" and b.group is None and b.stage]
    assert "Session 3: Problem Tree Analysis" in sections


def test_own_layout_extracts_its_statements() -> None:
    from graph.contract import content_hash
    from graph.ingest.extract import extract_statements
    from graph.ingest.nlp import blank_nlp
    from graph.ingest.parsed import parse_blocks

    clean_text = cleaned(OWN_LAYOUT)
    parsed = parse_blocks(build_blocks(clean_text), blank_nlp())
    statements, links = extract_statements(parsed, content_hash(clean_text.text))
    kinds = {(s.kind, s.text) for s in statements}
    assert {
        ("problem", "Children leave school early to work on farms."),
        ("problem", "Police stations lack interpreters."),
        ("priority", "Early school leaving"),
        ("priority", "Access to justice"),
        ("core_problem", "Children leave school before the age of fifteen."),
        ("root_cause", "Families cannot pay for uniforms and books."),
        ("effect", "Children are recruited into exploitative work."),
        ("vision", "Every child completes lower secondary school."),
        ("result", "Scholarships reach the poorest families."),
    } <= kinds
    assert not any("organisers" in s.text for s in statements)
    by_id = {s.id: s for s in statements}
    addresses = {(by_id[link.source].text, by_id[link.target].text) for link in links if link.type == "ADDRESSES"}
    assert ("Every child completes lower secondary school.", "Early school leaving") in addresses


def test_a_different_looking_bullet_inside_a_bullet_list_opens_a_sub_list() -> None:
    """Word's list levels show as a dot, a circle, a square; typed lists nest "-" under "•"."""
    text = ("Problem Identification\n\n• Labour inspection is weak:\n- Too few inspectors.\n- Visits are announced.\n"
            "• Officials protect networks.\n◦ In the ports.\n")
    items = [b for b in build_blocks(cleaned(text)) if b.kind == "item"]
    assert [(b.text, b.level) for b in items] == [
        ("Labour inspection is weak:", 1), ("Too few inspectors.", 2), ("Visits are announced.", 2),
        ("Officials protect networks.", 1), ("In the ports.", 2)]
    assert items[1].parent == items[2].parent and items[1].parent is not None
