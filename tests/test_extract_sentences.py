"""A block's sentences as the readers see them, on ``spacy.blank("en")`` with a sentencizer."""

from __future__ import annotations

import pytest
import spacy

from graph.ingest.extract.sentences import closes_sentence, merge_fragments, sentence_around, sentence_spans
from graph.ingest.structure import Block


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def _block(text: str) -> Block:
    return Block("paragraph", text, 0, len(text), None, "analysis", None, "Group One", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poverty drives migration. Brokers recruit children.",
         ["Poverty drives migration.", "Brokers recruit children."]),
        # Pieces that start in lower case, or follow one that does not end a sentence, are rejoined.
        ("Police lack training, i.e. few are trained. Courts are slow.",
         ["Police lack training, i.e. few are trained.", "Courts are slow."]),
        ("Weak laws. poor courts. Victims fear the police.", ["Weak laws. poor courts.", "Victims fear the police."]),
        ("One sentence without a stop", ["One sentence without a stop"]),
    ],
)
def test_sentence_spans(nlp, text: str, expected: list[str]) -> None:
    assert [text[s:e].strip() for s, e in sentence_spans(nlp(text), _block(text))] == expected


def test_a_block_without_a_parse_is_one_sentence() -> None:
    text = "Session 3: Problem Tree Analysis"
    assert sentence_spans(None, _block(text)) == [(0, len(text))]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "Weak laws i." does not end a sentence, so "e. old ones." joins it.
        ("Weak laws i.e. old ones.", [(0, 12), (12, 24)], [(0, 24)]),
        # A piece of under three characters joins the one before.
        ("Weak laws. ab", [(0, 10), (10, 13)], [(0, 13)]),
        ("Weak laws. Poor courts.", [(0, 10), (10, 23)], [(0, 10), (10, 23)]),
        ("", [], []),
    ],
)
def test_merge_fragments(text: str, spans: list[tuple[int, int]], expected: list[tuple[int, int]]) -> None:
    assert merge_fragments(text, spans) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Poverty.", True), ("Why?", True), ("“Poverty.”", True), ("(see annex)", True), ("Causes:", True),
     ("Poverty;", True), ("Poverty.  ", True), ("Poverty", False), ("Poverty,", False)],
)
def test_closes_sentence(text: str, expected: bool) -> None:
    assert closes_sentence(text) is expected


def test_sentence_around_covers_every_sentence_a_span_touches(nlp) -> None:
    text = "Poverty drives migration. Brokers recruit children. Courts are slow."
    doc = nlp(text)
    start = text.index("migration")
    end = text.index("recruit")
    assert sentence_around(_block(text), doc, start, end) == "Poverty drives migration. Brokers recruit children."
    assert sentence_around(_block(text), None, start, end) == text[start:end]


# ---- sentence boundaries around names and initials (issue 9, rule 7) -------------------------------------

from ingest_support import real_nlp  # noqa: E402

from graph.ingest.extract.sentences import ends_with_initial, sentences_within  # noqa: E402


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poverty drives migration, said J. Smith. Brokers recruit children in the villages.",
         ["Poverty drives migration, said J. Smith.", "Brokers recruit children in the villages."]),
        ("Victims are rarely identified, according to M. Chan of the ministry. Police lack training.",
         ["Victims are rarely identified, according to M. Chan of the ministry.", "Police lack training."]),
        ("Trafficking is rising, said Dr. A. B. Jones. Courts are slow.",
         ["Trafficking is rising, said Dr. A. B. Jones.", "Courts are slow."]),
    ],
)
@pytest.mark.parametrize("model", ["blank", "real"])
def test_names_and_initials_do_not_split_or_merge_sentences(nlp, model: str, text: str, expected: list[str]) -> None:
    pipeline = nlp if model == "blank" else real_nlp()
    assert [text[s:e].strip() for s, e in sentence_spans(pipeline(text), _block(text))] == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # A sentencizer that stops at an initial: the name goes on in the next piece.
        ("It was said by M. Chan of the ministry.", [(0, 17), (18, 39)], [(0, 39)]),
        ("Ask Dr. Smith.", [(0, 7), (8, 14)], [(0, 14)]),
        # A full stop after a name ends the sentence.
        ("So said J. Smith. Courts are slow.", [(0, 17), (18, 34)], [(0, 17), (18, 34)]),
    ],
)
def test_merge_fragments_at_initials(text: str, spans: list, expected: list) -> None:
    assert merge_fragments(text, spans) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("according to M.", True), ("Dr.", True), ("Ask Mr.", True), ("said J. Smith.", False), ("Poverty.", False),
     ("in the USA.", False)],
)
def test_ends_with_initial(text: str, expected: bool) -> None:
    assert ends_with_initial(text) is expected


def test_sentences_within_a_span_are_clipped_to_it(nlp) -> None:
    text = "Poverty drives migration. Brokers recruit children. Courts are slow."
    block = _block(text)
    start = text.index("recruit")
    assert [text[s:e] for s, e in sentences_within(nlp(text), block, start, len(text))] == [
        "recruit children.", "Courts are slow."]
