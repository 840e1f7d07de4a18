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


# ---- on the real model: items of a list, independent clauses ---------------------------------------------

from ingest_support import nlp  # noqa: E402,F401  (the session fixture: the model loads once)

from graph.ingest.extract.enumerations import independent_clauses, list_items, phrase_items  # noqa: E402


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("longer trials, fewer convictions and, in the end, more victims returning to brokers",
         ["longer trials", "fewer convictions", "more victims returning to brokers"]),
        ("Low wages, debt bondage, landlessness and unemployment",
         ["Low wages", "debt bondage", "landlessness", "unemployment"]),
        ("family problems, as parents force their children to work",
         ["family problems", "parents force their children to work"]),
        ("poverty, which is widespread", ["poverty, which is widespread"]),
        ("Poverty", ["Poverty"]),
    ],
)
def test_list_items(nlp, text: str, expected: list[str]) -> None:  # noqa: F811
    doc = nlp(text)
    assert [text[s:e] for s, e in list_items(doc, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poverty, landlessness and family debt", ["Poverty", "landlessness", "family debt"]),
        ("budget constraints and personnel shortages", ["budget constraints", "personnel shortages"]),
        ("a lack of capacity and lack of skills", ["a lack of capacity", "lack of skills"]),
        ("Landlessness and debt in rural areas", ["Landlessness", "debt in rural areas"]),
        # A list inside one item stays one item.
        ("a shortage of vehicles, fuel and staff", ["a shortage of vehicles, fuel and staff"]),
        ("demand for cheap labour in fishing, agriculture and domestic work",
         ["demand for cheap labour in fishing, agriculture and domestic work"]),
        ("no legal basis or agreed protocol for sharing data", ["no legal basis or agreed protocol for sharing data"]),
        ("migration, particularly rural to urban migration", ["migration, particularly rural to urban migration"]),
        ("national and international media", ["national and international media"]),
        # Unless the next piece is a phrase of its own.
        ("the influence from the media, advertising on television, and promotions on other media",
         ["the influence from the media", "advertising on television", "promotions on other media"]),
    ],
)
def test_phrase_items(nlp, text: str, expected: list[str]) -> None:  # noqa: F811
    doc = nlp(text)
    assert [doc[s:e].text for s, e in phrase_items(doc, 0, len(doc))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelters are underfunded and social workers are poorly trained.",
         ["Shelters are underfunded", "social workers are poorly trained"]),
        ("There is no central data repository, and each agency records cases in its own format.",
         ["There is no central data repository", "each agency records cases in its own format"]),
        ("The table found that agencies keep their own records and that there is no shared database.",
         ["The table found that agencies keep their own records", "there is no shared database"]),
        # One subject, or one problem with two predicates, or a contrast: one claim.
        ("Judges and prosecutors are insufficiently trained.", ["Judges and prosecutors are insufficiently trained."]),
        ("Boats transfer their catch at sea and do not return to port.",
         ["Boats transfer their catch at sea and do not return to port."]),
        ("Laws are in place but officials do not apply them.", ["Laws are in place but officials do not apply them."]),
        ("There is no active ownership on cooperation and no national database.",
         ["There is no active ownership on cooperation and no national database."]),
    ],
)
def test_independent_clauses(nlp, text: str, expected: list[str]) -> None:  # noqa: F811
    doc = nlp(text)
    assert [text[s:e] for s, e in independent_clauses(doc, 0, len(text))] == expected
