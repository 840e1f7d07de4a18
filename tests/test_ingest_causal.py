"""Explicit causal statements without a parse (the rule-only fallback): cue, clauses and direction (cause → effect).

With the statistical model, extraction reads causes and effects from the dependency parse instead
(``graph.ingest.extract.phrases``, tested in ``tests/test_extract_phrases.py``); these cases pin the
string splitter that ``spacy.blank`` falls back to, and the vocabulary both read.
"""

from __future__ import annotations

import pytest

from graph.ingest.causal import split_causal

ANAPHOR = "<previous>"  # the cause is the statement before ("As a result, ...", "This leads to ...")


def pairs(sentence: str) -> list[tuple[str, str, str]]:
    """(cause, effect, cue) with the clauses as text."""
    found = []
    for pair in split_causal(sentence):
        cause = ANAPHOR if pair.cause.anaphoric else sentence[pair.cause.start:pair.cause.end]
        effect = ANAPHOR if pair.effect.anaphoric else sentence[pair.effect.start:pair.effect.end]
        found.append((cause, effect, pair.cue))
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # X cue Y: X causes Y.
        ("Poverty leads to unsafe migration.", [("Poverty", "unsafe migration", "leads to")]),
        ("Poverty often leads to unsafe migration.", [("Poverty", "unsafe migration", "leads to")]),
        ("A lack of funding to legal institutions results in fewer investigations.",
         [("A lack of funding to legal institutions", "fewer investigations", "results in")]),
        ("Weak border controls contribute to trafficking.", [("Weak border controls", "trafficking", "contribute to")]),
        ("Poverty gives rise to unsafe migration.", [("Poverty", "unsafe migration", "gives rise to")]),
        ("The lack of jobs is the main cause of migration.",
         [("The lack of jobs", "migration", "is the main cause of")]),
        ("Economic forces are a push factor for migration.",
         [("Economic forces", "migration", "are a push factor for")]),
        ("Poverty is a push factor for migration.", [("Poverty", "migration", "is a push factor for")]),
        ("Corruption weakens the courts, which in turn undermines public trust.",
         [("Corruption weakens the courts", "undermines public trust", "which in turn")]),
        ("Local authorities do not provide reports, so it is difficult to follow up cases.",
         [("Local authorities do not provide reports", "it is difficult to follow up cases", "so")]),
        # Y cue X: X causes Y.
        ("Migration is driven by poverty.", [("poverty", "Migration", "is driven by")]),
        ("Migration is largely driven by the lack of jobs.",
         [("the lack of jobs", "Migration", "is largely driven by")]),
        ("Re-trafficking is caused by stigma.", [("stigma", "Re-trafficking", "is caused by")]),
        ("Law enforcement is not strict due to a lack of capacity.",
         [("a lack of capacity", "Law enforcement is not strict", "due to")]),
        ("Victims are re-trafficked because of stigma in their villages.",
         [("stigma in their villages", "Victims are re-trafficked", "because of")]),
        ("Victims do not report because they fear the police.",
         [("they fear the police", "Victims do not report", "because")]),
        ("Impunity stems from corruption.", [("corruption", "Impunity", "stems from")]),
        ("Many problems arise from weak coordination.", [("weak coordination", "Many problems", "arise from")]),
        ("Families are in debt as a result of recruitment fees.",
         [("recruitment fees", "Families are in debt", "as a result of")]),
        # Anaphoric causes.
        ("As a result, victims are not identified.", [(ANAPHOR, "victims are not identified", "As a result")]),
        ("Consequently, victims are re-trafficked.", [(ANAPHOR, "victims are re-trafficked", "Consequently")]),
        ("This leads to impunity for traffickers.", [(ANAPHOR, "impunity for traffickers", "leads to")]),
        # Chains.
        ("A lack of internal collaboration leads to weak cooperation across borders resulting in fewer prosecutions.",
         [("A lack of internal collaboration", "weak cooperation across borders", "leads to"),
          ("weak cooperation across borders", "fewer prosecutions", "resulting in")]),
        ("Weak courts lead to impunity, which in turn encourages traffickers.",
         [("Weak courts", "impunity", "lead to"), ("impunity", "encourages traffickers", "which in turn")]),
    ],
)
def test_split_causal(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert pairs(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Informal mediation does not lead to justice for victims.",
        "Mediation doesn't lead to justice for victims.",
        "Awareness raising never results in prosecutions.",
        "If laws were enforced, this would lead to fewer cases.",
        "If poverty leads to migration, the government must act.",
        "Whether poverty causes migration was debated.",
        "Poverty is a serious problem in the northern provinces.",
        "The results of the vote were announced.",
        "",
    ],
)
def test_no_causal_pair(sentence: str) -> None:
    assert split_causal(sentence) == []


def test_offsets_index_the_sentence() -> None:
    sentence = "  Poverty leads to unsafe migration, which in turn fuels trafficking."
    for pair in split_causal(sentence):
        for clause in (pair.cause, pair.effect):
            assert 0 <= clause.start <= clause.end <= len(sentence)
            text = sentence[clause.start:clause.end]
            assert text == text.strip() and text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Because of poverty, many people migrate.", [("poverty", "many people migrate", "Because of")]),
        ("Due to poverty, many people migrate.", [("poverty", "many people migrate", "Due to")]),
        ("Poverty does not lead to trafficking but weak laws lead to impunity.",
         [("weak laws", "impunity", "lead to")]),
    ],
    ids=["sentence-initial-because-of", "sentence-initial-due-to", "negated-clause-kept-in-cause"],
)
def test_split_causal_edge_cues(sentence: str, expected: list) -> None:
    assert pairs(sentence) == expected


def tree_pairs(sentence: str) -> list[tuple[str, str, str]]:
    return [
        (sentence[p.cause.start:p.cause.end], sentence[p.effect.start:p.effect.end], p.cue)
        for p in split_causal(sentence, causal_verbs=True)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The shortage of women in parts of China creates demand for foreign brides.",
         [("The shortage of women in parts of China", "demand for foreign brides", "creates")]),
        ("Corruption among border officials allows brokers to operate openly.",
         [("Corruption among border officials", "brokers to operate openly", "allows")]),
        ("The desire for luxury goods fuels trafficking.", [("The desire for luxury goods", "trafficking", "fuels")]),
    ],
)
def test_causal_verbs_count_in_problem_trees(sentence: str, expected: list) -> None:
    assert tree_pairs(sentence) == expected
    assert pairs(sentence) == []  # outside a tree these verbs are too loose to be cues


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Agencies use different definitions of a case, so their figures cannot be compared.",
         [("Agencies use different definitions of a case", "their figures cannot be compared", "so")]),
        ("Migration is therefore a main cause of exploitation.",
         [("Migration", "exploitation", "is therefore a main cause of")]),
        ("And because this only happens in some areas, many provinces receive nothing.",
         [("this only happens in some areas", "many provinces receive nothing", "because")]),
    ],
)
def test_comma_and_copular_cues(sentence: str, expected: list) -> None:
    assert pairs(sentence) == expected


def test_a_purpose_is_not_a_cause() -> None:
    assert tree_pairs("There is no political will to create an information centre.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The cue families of issue 9, as the string splitter reads them.
        ("The closure of the factory triggered a wave of migration.",
         [("The closure of the factory", "a wave of migration", "triggered")]),
        ("The floods sparked an exodus from the delta.", [("The floods", "an exodus from the delta", "sparked")]),
        ("The raid caused panic, causing workers to flee.",
         [("The raid", "panic", "caused"), ("panic", "workers to flee", "causing")]),
        ("Debt bondage is the result of high fees.", [("high fees", "Debt bondage", "is the result of")]),
        ("Debt is one of the triggers for migration.", [("Debt", "migration", "is one of the triggers for")]),
        ("The crisis was triggered by the closure of the mines.",
         [("the closure of the mines", "The crisis", "was triggered by")]),
        ("Delays caused by the project frustrated victims.",
         [("the project frustrated victims", "Delays", "caused by")]),
        ("Police lack interpreters, due to which interviews are delayed.",
         [("Police lack interpreters", "interviews are delayed", "due to which")]),
        ("The shelter closed, as a result of which victims were sent home.",
         [("The shelter closed", "victims were sent home", "as a result of which")]),
        ("Thanks to the hotline, more victims are found.", [("the hotline", "more victims are found", "Thanks to")]),
        ("Budgets are small, thus few inspections take place.",
         [("Budgets are small", "few inspections take place", "thus")]),
        ("The drought has led many families to sell their land.",
         [("The drought", "many families to sell their land", "has led")]),
        ("Sometimes, the result is no justice for victims.", [(ANAPHOR, "no justice for victims", "the result is")]),
    ],
)
def test_issue_nine_cue_families_without_a_parse(sentence: str, expected: list) -> None:
    assert pairs(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Mediation does not trigger prosecutions.",
        "If the mines closed, this would trigger migration.",
        "The results of the vote were announced.",
    ],
)
def test_issue_nine_negatives_without_a_parse(sentence: str) -> None:
    assert split_causal(sentence) == []
