"""Remarks as comments: who speaks, what they said, which sentences are remarks, and what a comment discusses.

The speaker functions are pure (strings in, no spaCy); the last tests run small reports through the
extractor on the real model.
"""

from __future__ import annotations

import pytest
from ingest_support import cleaned, nlp  # noqa: F401  (the session fixture: the model loads once)

from graph.contract import content_hash
from graph.ingest.extract import extract_statements
from graph.ingest.extract.remarks import Speaker, remark_flags, speaker_directory, speaker_of
from graph.ingest.parsed import parse_blocks
from graph.ingest.structure import build_blocks

DIRECTORY = speaker_directory([
    "Mr Geoff Manthey, the facilitator of the workshop, introduced himself.",
    "The session was facilitated by Mr Daniel Hoare, UNIAP Consultant.",
    "Senior Colonel Tran Minh Duc, Deputy Director of the Division, opened the workshop.",
    "Ms Lucía Núñez, a visiting adviser from the ILO, described recent work.",
])


@pytest.mark.parametrize(
    ("sentence", "role", "name", "said"),
    [
        ("A participant commented that shelters are full.", "participant", None, "shelters are full."),
        ("Another participant noted that the law is unclear.", "participant", None, "the law is unclear."),
        ("A participant from the Ministry of Justice commented that judges were trained.", "participant", None,
         "judges were trained."),
        ("In the plenary, a representative of the Ministry of Women's Affairs asked whether kilns count.",
         "participant", None, "whether kilns count."),
        ("Another comment was made questioning the term values.", "participant", None,
         "Another comment was made questioning the term values."),
        ("The disparity in wealth was suggested by one participant.", "participant", None,
         "The disparity in wealth was suggested by one participant."),
        # Names resolve to the report's own introductions: "Mr Manthey" is the facilitator Geoff Manthey.
        ("Mr Manthey suggested that the problem is too big.",
         "facilitator", "Geoff Manthey", "the problem is too big."),
        ("Mr Geoff Manthey asked participants whether they recognised the direction.", "facilitator",
         "Geoff Manthey", "whether they recognised the direction."),
        ("Ms Núñez noted that similar patterns were seen.",
         "participant", "Lucía Núñez", "similar patterns were seen."),
        ("Senior Colonel Tran Minh Duc thanked UNIAP and said the Ministry would act.", "chair", "Tran Minh Duc",
         "the Ministry would act."),
        ("Poverty drives migration, said J. Smith.", "participant", "J. Smith", "Poverty drives migration"),
        # The group's representative and the facilitator by role.
        ("The group representative responded that funds are short.", "group_representative", None,
         "funds are short."),
        ("Group Three's representative explained that victims fear the police.", "group_representative", None,
         "victims fear the police."),
        ("The facilitator asked the groups to vote.", "facilitator", None, "vote."),
        ("She added that shelters are full.", None, None, "shelters are full."),
    ],
)
def test_speaker_of(sentence: str, role: str | None, name: str | None, said: str) -> None:
    found = speaker_of(sentence, DIRECTORY)
    assert found is not None
    speaker, start, end = found
    assert (speaker.role, speaker.name, sentence[start:end]) == (role, name, said)


@pytest.mark.parametrize(
    "sentence",
    [
        "Poverty pushes young people to migrate.",
        "Brokers recruit children in the villages.",
        "The group added that the lack of figures leads to disputes.",  # the group presenting its material
        "The participants said that training is needed.",
        "Shelters lack staff.",
    ],
)
def test_no_speaker(sentence: str) -> None:
    assert speaker_of(sentence, DIRECTORY) is None


def test_the_directory_knows_facilitators_chairs_and_full_names() -> None:
    assert DIRECTORY["Manthey"] == Speaker("facilitator", "Geoff Manthey")
    assert DIRECTORY["Hoare"] == Speaker("facilitator", "Daniel Hoare")
    assert DIRECTORY["Duc"] == Speaker("chair", "Tran Minh Duc")
    assert DIRECTORY["Núñez"] == Speaker("participant", "Lucía Núñez")


@pytest.mark.parametrize(
    ("sentences", "opens_in_discussion", "expected"),
    [
        # A discussion paragraph: the turn goes on until someone else acts.
        (["A participant commented that shelters are full.", "These people are vulnerable.",
          "Does this refer to values?", "Mr Hoare closed the session.", "The results were noted."],
         True, [True, True, True, False, False]),
        # The group's content, with a remark in the middle: content resumes after it.
        (["Agencies keep their own records.", "One member of the table said that the problem is known.",
          "Committees meet irregularly."], False, [False, True, False]),
        # The presenter outside a discussion is content; inside one, a remark.
        (["The group representative responded that funds are short."], False, [False]),
        (["A participant asked why.", "The group representative responded that funds are short."], True,
         [True, True]),
        # Thanks, instructions and method are no remarks.
        (["The facilitator grouped the themes and counted the votes.", "Mr Manthey thanked the group."], True,
         [False, False]),
    ],
)
def test_remark_flags(sentences: list[str], opens_in_discussion: bool, expected: list[bool]) -> None:
    assert remark_flags(sentences, opens_in_discussion) == expected


def test_a_remark_in_a_tree_ends_the_paragraphs_material() -> None:
    sentences = ["Weak courts lead to impunity.", "A participant asked whether this is new.", "Judges are few."]
    assert remark_flags(sentences, False, sticky=True) == [False, True, True]


REPORT = """Problem Identification

Group One

1. There is no central database on trafficking cases.
2. Border officials lack training on victim identification.

A participant commented that Lao PDR should also be able to access and link in to other countries' databases. \
Mr Manthey asked whether the police share their data.

Problem Tree Analysis

Group One: Border identification

The group agreed that the core problem is that border officials cannot identify victims. Officials are rotated \
every six months and training is rare. One participant asked whether the training is funded; the facilitator \
suggested that the group record it as a cause.

Vision

Group One Vision: Border identification

Vision: Every border official can identify a victim of trafficking.

To get there, we want a training curriculum in every province.

Closing

Mr Geoff Manthey, the facilitator of the workshop, stated that the results were clear.
"""


@pytest.fixture(scope="module")
def statements(nlp):  # noqa: F811
    text = cleaned(REPORT)
    found, links = extract_statements(parse_blocks(build_blocks(text), nlp), content_hash(text.text))
    return {s.id: s for s in found}, links


def test_remarks_are_comments_with_their_speakers(statements) -> None:
    by_id, _ = statements
    comments = [(s.text, s.speaker_role, s.speaker) for s in by_id.values() if s.kind == "comment"]
    assert comments == [
        ("Lao PDR should also be able to access and link in to other countries' databases.", "participant", None),
        ("whether the police share their data.", "facilitator", "Geoff Manthey"),
        ("whether the training is funded", "participant", None),
        ("the group record it as a cause.", "facilitator", None),
        ("To get there, we want a training curriculum in every province.", "group_representative", None),
        ("the results were clear.", "facilitator", "Geoff Manthey"),
    ]


def test_comments_are_never_problems_or_causes(statements) -> None:
    by_id, _ = statements
    texts = {s.text for s in by_id.values() if s.kind != "comment"}
    assert not any("databases" in t or "funded" in t or "curriculum" in t for t in texts)
    assert [s.text for s in by_id.values() if s.kind == "problem"] == [
        "There is no central database on trafficking cases.",
        "Border officials lack training on victim identification.",
    ]


def test_a_comment_discusses_what_it_is_about(statements) -> None:
    by_id, links = statements
    discusses = {(by_id[link.source].text, by_id[link.target].kind, by_id[link.target].text)
                 for link in links if link.type == "DISCUSSES"}
    assert ("Lao PDR should also be able to access and link in to other countries' databases.", "problem",
            "There is no central database on trafficking cases.") in discusses
    assert ("whether the training is funded", "cause", "training is rare") in discusses
    assert ("To get there, we want a training curriculum in every province.", "vision",
            "Every border official can identify a victim of trafficking.") in discusses


def test_the_trunk_is_the_stated_wording_and_its_tree_is_split_into_claims(statements) -> None:
    by_id, _ = statements
    cores = [s.text for s in by_id.values() if s.kind == "core_problem"]
    assert cores == ["border officials cannot identify victims."]
    causes = [s.text for s in by_id.values() if s.kind == "cause"]
    assert causes == ["Officials are rotated every six months", "training is rare"]
