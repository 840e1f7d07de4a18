"""Enumerations and vote counts: parametrised (text, expected) cases, no spaCy at all."""

from __future__ import annotations

import pytest

from graph.ingest.extract.enumerations import enumeration_spans
from graph.ingest.extract.priorities import strip_votes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A, B and C", ["A", " B ", " C"]),
        ("A; B; C", ["A", " B", " C"]),
        ("A, B, and C", ["A", " B", " C"]),
        ("Poverty", ["Poverty"]),
        ("Poverty (12 votes), corruption (5 votes)", ["Poverty (12 votes)", " corruption (5 votes)"]),
        ("a,,b", ["a", "", "b"]),  # a blank piece is returned; the builder refuses it
        # Today "and" always separates, even inside a member's own wording.
        ("Land and water", ["Land ", " water"]),
    ],
)
def test_enumeration_spans(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in enumeration_spans(text)] == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(12, None, ["poverty", " debt."]), (12, 19, ["poverty"]), (21, None, ["debt."])],
)
def test_enumeration_spans_in_a_window(start: int, end: int | None, expected: list[str]) -> None:
    text = "Priorities: poverty, debt."
    assert [text[s:e] for s, e in enumeration_spans(text, start, end)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poverty (12 votes)", "Poverty"),
        ("Trafficking (1 vote)", "Trafficking"),
        ("Corruption - 5 votes.", "Corruption"),
        ("Weak laws: 3 dots", "Weak laws"),
        ("Debt [4 points]", "Debt"),
        ("Poverty.", "Poverty"),
        ("Article 12", "Article 12"),
    ],
)
def test_strip_votes(text: str, expected: str) -> None:
    assert strip_votes(text) == expected
