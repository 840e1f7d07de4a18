"""Causes and effects as phrases from the dependency parse: parametrised (text, expected) cases on the real model.

Each case is a sentence (or two, for a cue that points back) and its (cause, effect, cue) triples,
with the phrases as text; ``<previous>`` is the sentence before. Negatives (negated, hypothetical,
purpose, other senses of a cue word) give no pair; direction traps check that "Y is driven by X",
"Y because X", post-nominal "Y caused by X" and "X, due to which Y" point the right way.
"""

from __future__ import annotations

import pytest
from ingest_support import nlp  # noqa: F401  (the session fixture: the model loads once)

from graph.ingest.extract.phrases import causal_pairs, text_pairs

PREVIOUS = "<previous>"


def triples(nlp, text: str) -> list[tuple[str, str, str]]:  # noqa: F811
    doc = nlp(text)
    out = []
    for sentence in doc.sents:
        for pair in causal_pairs(sentence):
            cause = PREVIOUS if pair.cause.anaphoric else text[pair.cause.start:pair.cause.end]
            effect = PREVIOUS if pair.effect.anaphoric else text[pair.effect.start:pair.effect.end]
            out.append((cause, effect, pair.cue))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The example: three phrases, two links, each end the phrase itself.
        ("Weak coordination between ministries leads to slow referrals, resulting in victims leaving shelters early.",
         [("Weak coordination between ministries", "slow referrals", "leads to"),
          ("slow referrals", "victims leaving shelters early", "resulting in")]),
        ("Poverty leads to unsafe migration.", [("Poverty", "unsafe migration", "leads to")]),
        ("Long delays in court result in victims withdrawing their complaints.",
         [("Long delays in court", "victims withdrawing their complaints", "result in")]),
        ("Weak border controls contribute to smuggling.", [("Weak border controls", "smuggling", "contribute to")]),
        ("High fees give rise to debt bondage.", [("High fees", "debt bondage", "give rise to")]),
        # "has led X", with and without "to".
        ("The drought has led many families to sell their land.",
         [("The drought", "many families to sell their land", "led")]),
        ("The new checkpoint has led a sharp fall in crossings.",
         [("The new checkpoint", "a sharp fall in crossings", "led")]),
        # trigger(ed), spark(ed), prompt(ed), causes, causing.
        ("The closure of the factory triggered a wave of migration.",
         [("The closure of the factory", "a wave of migration", "triggered")]),
        ("The floods sparked an exodus from the delta.", [("The floods", "an exodus from the delta", "sparked")]),
        ("Rising debt prompted parents to send their daughters abroad.",
         [("Rising debt", "parents to send their daughters abroad", "prompted")]),
        ("Corruption causes impunity.", [("Corruption", "impunity", "causes")]),
        ("The raid caused panic, causing workers to flee.",
         [("The raid", "panic", "caused"), ("panic", "workers to flee", "causing")]),
        # Resultative leave and keep; causative make; a verb the tagger took for a noun.
        ("Recruitment fees left families in debt.", [("Recruitment fees", "families in debt", "left")]),
        ("Low wages keep workers poor.", [("Low wages", "workers poor", "keep")]),
        ("Culture – the influence of television makes young people want to go abroad.",
         [("the influence of television", "young people want to go abroad", "makes")]),
        ("Demand for cheap labour drives trafficking.", [("Demand for cheap labour", "trafficking", "drives")]),
        # Nouns: the main cause of, a push factor for, one of the triggers for, the result of.
        ("Poverty is the main cause of migration.", [("Poverty", "migration", "is the main cause of")]),
        ("Landlessness is a push factor for migration.", [("Landlessness", "migration", "is a push factor for")]),
        ("Debt is one of the triggers for migration.", [("Debt", "migration", "is one of the triggers for")]),
        ("Development gaps provide a lure for young people to move.",
         [("Development gaps", "young people to move", "provide a lure for")]),
        # Prepositions and subordinators at the start of the sentence run to the comma.
        ("Due to poor roads, many villages are cut off.", [("poor roads", "many villages are cut off", "Due to")]),
        ("Thanks to the hotline, more victims are found.", [("the hotline", "more victims are found", "Thanks to")]),
        ("Because shelters are full, victims are sent home.",
         [("shelters are full", "victims are sent home", "Because")]),
        # Connectives: so, hence, thus, therefore, with the result that, which in turn, so … that.
        ("Records are kept on paper, so cases are lost.", [("Records are kept on paper", "cases are lost", "so")]),
        ("Courts are slow; hence victims give up.", [("Courts are slow", "victims give up", "hence")]),
        ("Budgets are small, thus few inspections take place.",
         [("Budgets are small", "few inspections take place", "thus")]),
        ("No interpreters were available; therefore the interviews were postponed.",
         [("No interpreters were available", "the interviews were postponed", "therefore")]),
        ("Prosecutors lack translators and are thus unable to use the evidence.",
         [("Prosecutors lack translators", "unable to use the evidence", "thus")]),
        ("Victims were returned without follow-up, with the result that several were trafficked again.",
         [("Victims were returned without follow-up", "several were trafficked again", "with the result that")]),
        ("Fees are so high that migrants cannot repay them.",
         [("Fees are so high", "migrants cannot repay them", "so … that")]),
        ("Weak courts lead to impunity, which in turn encourages trafficking.",
         [("Weak courts", "impunity", "lead to"), ("impunity", "encourages trafficking", "which in turn")]),
    ],
)
def test_forward_cues(nlp, text: str, expected: list) -> None:  # noqa: F811
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Direction traps: the cue names the effect first, or points forward although it reads "due to".
        ("Migration is driven by poverty.", [("poverty", "Migration", "is driven by")]),
        ("The crisis was triggered by the closure of the mines.",
         [("the closure of the mines", "The crisis", "was triggered by")]),
        ("The delays caused by the project angered the victims.", [("the project", "The delays", "caused by")]),
        ("Impunity stems from corruption.", [("corruption", "Impunity", "stems from")]),
        ("Many problems arise from weak coordination.", [("weak coordination", "Many problems", "arise from")]),
        ("Debt bondage is the result of high fees.", [("high fees", "Debt bondage", "is the result of")]),
        ("The main cause of delays is the lack of interpreters.",
         [("the lack of interpreters", "delays", "cause of … is")]),
        ("Victims are not identified due to a lack of training.",
         [("a lack of training", "Victims are not identified", "due to")]),
        ("Cases are dropped because of missing evidence.", [("missing evidence", "Cases are dropped", "because of")]),
        ("Many families are in debt as a result of recruitment fees.",
         [("recruitment fees", "Many families are in debt", "as a result of")]),
        ("Victims do not report because they fear the police.",
         [("they fear the police", "Victims do not report", "because")]),
        ("Victims rarely testify since trials take years.", [("trials take years", "Victims rarely testify", "since")]),
        # "…, due to which Y" and "…, as a result of which Y": the first part causes Y.
        ("Police lack interpreters, due to which interviews are delayed.",
         [("Police lack interpreters", "interviews are delayed", "due to which")]),
        ("The shelter closed, as a result of which victims were sent home.",
         [("The shelter closed", "victims were sent home", "as a result of which")]),
    ],
)
def test_direction(nlp, text: str, expected: list) -> None:  # noqa: F811
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An enumeration is one cause per item; "because A and because B" is two causes of one effect.
        ("Poverty, landlessness and debt lead to migration.",
         [("Poverty", "migration", "lead to"), ("landlessness", "migration", "lead to"),
          ("debt", "migration", "lead to")]),
        ("The delays are due to budget constraints and staff shortages.",
         [("budget constraints", "The delays", "due to"), ("staff shortages", "The delays", "due to")]),
        ("The consequences of weak reintegration include re-trafficking and stigma.",
         [("weak reintegration", "re-trafficking", "consequences of … include"),
          ("weak reintegration", "stigma", "consequences of … include")]),
        ("The referral failed because the shelter was full and because the police did not call.",
         [("the shelter was full", "The referral failed", "because"),
          ("the police did not call", "The referral failed", "because")]),
        # A list inside one cause stays one cause.
        ("Activities suffer from a shortage of vehicles, fuel and staff, so few villages are visited.",
         [("Activities suffer from a shortage of vehicles, fuel and staff", "few villages are visited", "so")]),
    ],
)
def test_enumerated_ends(nlp, text: str, expected: list) -> None:  # noqa: F811
    assert triples(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelters are full. As a result, victims are sent home.",
         [("Shelters are full", "victims are sent home", "As a result")]),
        ("Brokers charge high fees. This leads to debt bondage.",
         [("Brokers charge high fees", "debt bondage", "leads to")]),
        ("Victims rely on mediation. Sometimes, the result is no justice for victims.",
         [("Victims rely on mediation", "no justice for victims", "the result is")]),
    ],
)
def test_anaphoric_cause_is_the_sentence_before(nlp, text: str, expected: list) -> None:  # noqa: F811
    assert text_pairs(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Negated and hypothetical cues.
        "Informal mediation does not lead to justice.",
        "Poverty is not a cause of migration.",
        "Mediation never results in prosecutions.",
        "If laws were enforced, this would lead to fewer cases.",
        "Whether poverty causes migration was debated.",
        "A central database could lead to faster referrals if every ministry used it.",
        "Does poverty lead to trafficking?",
        # A purpose, a way, a schedule, thanks, a time, a product, a person's contribution.
        "There is no political will to create an information centre.",
        "The trees were drawn on large sheets so everyone could read them.",
        "The road that leads to the border is closed.",
        "The meeting is due to take place in May.",
        "The chair gave thanks to the donors.",
        "Shelters have been full since the floods began.",
        "The result of the workshop is a set of results maps.",
        "The results of the vote were announced.",
        "Donors contributed to the cost of the workshop.",
        "Brokers create fake documents.",
        # A cue word inside a name, and a sentence with no cue at all.
        "Staff of the Safe Migration Leads to Safe Return project visited two provinces.",
        "Poverty is a serious problem in the north.",
        "The main drives of change are unclear.",
    ],
)
def test_no_pair(nlp, text: str) -> None:  # noqa: F811
    assert triples(nlp, text) == []


def test_offsets_index_the_doc_on_word_boundaries(nlp) -> None:  # noqa: F811
    text = "In the north, poverty leads to unsafe migration, which in turn fuels trafficking."
    doc = nlp(text)
    for pair in causal_pairs(doc[:]):
        for phrase in (pair.cause, pair.effect):
            piece = text[phrase.start:phrase.end]
            assert piece == piece.strip() and piece
            assert phrase.start == 0 or not text[phrase.start - 1].isalnum()
            assert phrase.end == len(text) or not text[phrase.end].isalnum()
        assert text[pair.cue_span[0]:pair.cue_span[1]]


def test_a_doc_without_a_parse_gives_no_pair() -> None:
    import spacy

    blank = spacy.blank("en")
    doc = blank("Poverty leads to unsafe migration.")
    assert causal_pairs(doc[:]) == []
