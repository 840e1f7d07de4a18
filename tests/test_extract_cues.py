"""Cues for a statement's kind: parametrised (text, expected) cases, no spaCy at all."""

from __future__ import annotations

import pytest

from graph.ingest.extract.cues import (
    core_problem_span,
    names_effects,
    names_root_cause,
    opens_with_effects,
    priority_list_start,
    quoted_span,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The main effects are as follows.", True),
        ("Effects include debt bondage.", True),
        ("Impact on victims", True),
        ("The effects of poverty on children.", True),
        ("Consequences: debt.", True),
        ("Resulting impacts are severe.", True),
        ("Poverty has effects on children.", False),
        ("Effective law enforcement is lacking.", False),
    ],
)
def test_opens_with_effects(text: str, expected: bool) -> None:
    assert opens_with_effects(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The effects of weak law enforcement:", True),
        ("Consequences for victims:", True),
        ("What impacts the victims", True),
        ("Effective coordination:", False),
        ("Causes:", False),
    ],
)
def test_names_effects(text: str, expected: bool) -> None:
    assert names_effects(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poverty is a root cause.", True),
        ("Root-causes:", True),
        ("The root causes of trafficking", True),
        ("Roots of the problem", False),
        ("The cause is poverty", False),
        ("Rootcause", False),
    ],
)
def test_names_root_cause(text: str, expected: bool) -> None:
    assert names_root_cause(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The core problem is that victims are not identified.", "victims are not identified."),
        ("The main problem identified by the group was weak law enforcement.", "weak law enforcement."),
        ("The trunk was changed from poverty to unsafe migration.", "unsafe migration."),
        ("The trunk of the tree was later revised to weak prosecution.", "weak prosecution."),
        ("Unsafe migration forms the trunk.", "Unsafe migration"),
        ("The central problem was “Unsafe migration”.", "“Unsafe migration”."),
        ("Poverty is a problem.", None),
        ("The tree has a trunk.", None),
        ("The main problems are poverty and debt.", None),
    ],
)
def test_core_problem_span(text: str, expected: str | None) -> None:
    span = core_problem_span(text)
    assert (text[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize(
    ("text", "window", "expected"),
    [
        ("The vision is “A society free from trafficking”.", (0, None), "A society free from trafficking"),
        ("“First quote here” and “second quote here”", (20, None), "second quote here"),
        ("“First quote here” and “second quote here”", (0, 10), None),
        ("He said 'no'.", (0, None), None),
        ("No quotes here.", (0, None), None),
        pytest.param("The group's vision: \"Safe migration for all\"", (0, None), "Safe migration for all",
                     marks=pytest.mark.xfail(reason="an apostrophe opens a quote", strict=True)),
    ],
)
def test_quoted_span(text: str, window: tuple[int, int | None], expected: str | None) -> None:
    span = quoted_span(text, *window)
    assert (text[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The priorities agreed were poverty, corruption and weak law enforcement.",
         "poverty, corruption and weak law enforcement."),
        ("The three problems selected were: migration and debt", "migration and debt"),
        ("The group chose corruption.", None),
        ("Poverty is widespread.", None),
    ],
)
def test_priority_list_start(text: str, expected: str | None) -> None:
    start = priority_list_start(text)
    assert (text[start:] if start is not None else None) == expected


from graph.ingest.extract.cues import cause_and_effect_span, kind_frame  # noqa: E402


@pytest.mark.parametrize(
    ("text", "kind", "named", "several"),
    [
        ("The effects are longer trials, fewer convictions and more victims.", "effect",
         "longer trials, fewer convictions and more victims", True),
        ("The effects of this are fewer cases going to court.", "effect", "fewer cases going to court", True),
        ("The effects include an inability to solve issues in a timely fashion.", "effect",
         "an inability to solve issues in a timely fashion", True),
        ("The root cause, in the view of the table, is that each agency is measured on its own caseload.",
         "root_cause", "each agency is measured on its own caseload", False),
        ("Another underlying cause is high staff rotation.", "cause", "high staff rotation", False),
        ("Low wages, debt bondage, landlessness and unemployment were all named as causes.", "cause",
         "Low wages, debt bondage, landlessness and unemployment", True),
        ("Poverty, debt and illness were all deemed current problems.", None, "Poverty, debt and illness", True),
        ("Poverty is a root cause.", "root_cause", "Poverty", False),
        ("Rural migration and migration abroad are the two big issues in Lao PDR.", None,
         "Rural migration and migration abroad", True),
        ("Insufficient implementation relates to core problems such as small budgets and weak skills.", None,
         "small budgets and weak skills", True),
    ],
)
def test_kind_frame(text: str, kind: str | None, named: str, several: bool) -> None:
    frame = kind_frame(text)
    assert frame is not None
    assert (frame.kind, text[frame.start:frame.end], frame.several) == (kind, named, several)


@pytest.mark.parametrize(
    "text",
    [
        "The main effects are as follows.",  # a lead-in, naming nothing
        "Three root causes were identified:",
        "Poverty is the main cause of migration.",  # a causal pair, not a frame
        "The effects of poverty on children.",
        "Poverty has effects on children.",
        "Insufficient awareness on human trafficking is both a cause and effect.",
    ],
)
def test_no_kind_frame(text: str) -> None:
    assert kind_frame(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insufficient awareness on human trafficking is both a cause and effect.",
         "Insufficient awareness on human trafficking"),
        ("Mediation does not lead to prosecutions, which is also a cause and an effect.",
         "Mediation does not lead to prosecutions"),
        ("Poverty is both a driver and a consequence of migration.", "Poverty"),
        ("Poverty is a cause of migration.", None),
    ],
)
def test_cause_and_effect_span(text: str, expected: str | None) -> None:
    span = cause_and_effect_span(text)
    assert (text[span[0]:span[1]] if span else None) == expected
