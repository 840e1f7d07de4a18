"""The scorer on format-2 gold: phrase matching, comments, pairs, entities, themes, macro-F1.

Pure: tiny hand-made gold and extractions, no extractor run.
"""

from __future__ import annotations

import json

import pytest

from graph.evaluation import (
    PRF,
    GoldError,
    aggregate,
    gold_problems,
    macro_f1,
    parse_gold,
    phrase_match,
    render_json,
    render_table,
    same_speaker,
    score_entities,
    score_kinds,
    score_pairs,
    score_report,
    score_themes,
    strip_reporting_frame,
)
from graph.evaluation.cli import main as score_main
from graph.evaluation.gold import report_body
from graph.evaluation.match import pair_partners, phrase_blockers, phrase_similarity
from graph.evaluation.normalise import entity_key

# --- the phrase rule --------------------------------------------------------------------------

EFFECT = "Victims hide their experience"
SENTENCE = "Victims hide their experience because of stigma."


@pytest.mark.parametrize(
    ("gold", "predicted", "blockers", "expected"),
    [
        (EFFECT, EFFECT, (), True),
        (EFFECT, "victims hide their experience.", (), True),  # case, full stop
        ("Poverty", "a) Poverty", (), True),  # a list marker
        (
            "Border officials lack training on victim identification",
            "The border officials lack training in victim identification",
            (),
            True,
        ),  # a small rewording
        ("Fragmented data on trafficking cases", "Fragmented data on trafficking cases (31 votes)", (), True),
        # the whole host sentence of a phrase is not the phrase, even with no blocker
        (EFFECT, SENTENCE, (), False),
        (
            "an influx of workers into urban areas",
            "The effects of these problems include an influx of workers into urban areas.",
            (),
            False,
        ),
        (
            "M&E is not conducted on a regular basis",
            "In terms of internal cooperation, M&E is not conducted on a regular basis.",
            (),
            False,
        ),
        # an enumeration not split is none of its items
        ("debt in rural areas", "Landlessness and debt in rural areas.", (), False),
        # a long phrase with a short other half: near enough by similarity, but it spans the
        # other half (a blocker), so it is not the phrase
        (
            "Traffickers exploit the weak enforcement of labour laws in the border provinces",
            "Traffickers exploit the weak enforcement of labour laws in the border provinces due to corruption",
            ("corruption",),
            False,
        ),
        (
            "Traffickers exploit the weak enforcement of labour laws in the border provinces",
            "Traffickers exploit the weak enforcement of labour laws in the border provinces due to corruption",
            (),
            True,
        ),  # the same without the blocker: within the fuzzy threshold
        # a blocker inside the gold text itself does not block (the whole item is the problem)
        (
            "Poverty and a lack of jobs in mountainous areas drive young people to migrate",
            "Poverty and a lack of jobs in mountainous areas drive young people to migrate.",
            ("a lack of jobs in mountainous areas", "poverty"),
            True,
        ),
        # a part of the gold sentence is not the statement
        ("Young women in the border provinces have few jobs", "few jobs", (), False),
        ("Young women in the border provinces have few jobs", "Young women in the border provinces", (), False),
        (EFFECT, "", (), False),
        ("", EFFECT, (), False),
    ],
)
def test_phrase_match(gold, predicted, blockers, expected):
    from graph.evaluation.normalise import normalise

    assert phrase_match(gold, predicted, blockers=frozenset(normalise(b) for b in blockers)) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Young women in the border provinces have few jobs", "Young women in the border provinces", 0.0),  # 6/8
        ("The border officials lack training", "Border officials lack training", 100.0),  # 4/5 of its words
        ("a lack of capacity", "capacity", 0.0),
    ],
)
def test_a_part_of_the_gold_phrase_needs_most_of_its_words(gold, predicted, expected):
    assert phrase_similarity(gold, predicted) == expected


def test_phrase_blockers_are_other_statements_of_two_words_and_pair_partners():
    statements = ["Victims hide their experience", "stigma", "poor coordination", "trafficking"]
    pairs = [{"cause": "stigma", "effect": "Victims hide their experience", "cue": "because of"}]
    effect, stigma = phrase_blockers(["Victims hide their experience", "stigma"], statements, pair_partners(pairs))
    # one-word statements block only as a pair partner
    assert effect == {"stigma", "poor coordination"}
    assert stigma == {"victims hide their experience", "poor coordination"}


@pytest.mark.parametrize(
    ("gold", "predicted", "matches"),
    [
        # the reporting frame is compared with and without
        (
            "the vision statement can and should be ambitious",
            "Mr Manthey said that the vision statement can and should be ambitious.",
            True,
        ),
        (
            "Ms Núñez asked whether the Personal Data Protection Bill would allow the exchange of case files.",
            "the Personal Data Protection Bill would allow the exchange of case files",
            True,
        ),
        ("the vision statement can and should be ambitious", "Mr Manthey said that the budget is too small.", False),
    ],
)
def test_comments_match_with_or_without_their_reporting_frame(gold, predicted, matches):
    gold_statements = [{"kind": "comment", "text": gold, "role": "facilitator", "speaker": None}]
    predicted_statements = [{"id": "a", "kind": "comment", "text": predicted}]
    out = score_kinds(gold_statements, predicted_statements, phrase=True)
    assert out["comment"] == PRF(1, 1, int(matches))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A participant commented that victims come from poor families.", "victims come from poor families."),
        ("Mr Manthey asked whether the vision was realistic.", "the vision was realistic."),
        ("The chair, Colonel Dr Phengsavanh, noted that time was short.", "time was short."),
        ("He said the cost is high.", "the cost is high."),
        # a quotation stops the frame: "we say that" inside it stays
        ("in Lao PDR, “we say that if you move too fast, you will fail”", None),
        ("Victims often follow friends to urban areas", None),  # no frame
    ],
)
def test_strip_reporting_frame(text, expected):
    assert strip_reporting_frame(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Mr Geoff Manthey", "Mr Manthey", True),
        ("Mr Geoff Manthey", "Geoff Manthey", True),
        ("Senior Colonel Tran Minh Duc", "Tran Minh Duc", True),
        ("Mr Geoff Manthey", "Mr Sebastian Boll", False),
        (None, None, True),
        ("Mr Manthey", None, False),
        (None, "Mr Manthey", False),
    ],
)
def test_same_speaker(gold, predicted, expected):
    assert same_speaker(gold, predicted) is expected


# --- statements per kind -------------------------------------------------------------------------

GOLD_STATEMENTS = [
    {"kind": "problem", "text": "Victims hide their experience because of stigma", "group": "A", "topic": None},
    {"kind": "effect", "text": "Victims hide their experience", "group": "A", "topic": None},
    {"kind": "cause", "text": "stigma", "group": "A", "topic": None},
    {"kind": "comment", "text": "the budget is too small", "group": None, "topic": None,
     "role": "participant", "speaker": None},
    {"kind": "comment", "text": "shelters are full", "group": None, "topic": None,
     "role": "facilitator", "speaker": "Mr Geoff Manthey"},
]
GOLD_PAIRS = [{"cause": "stigma", "effect": "Victims hide their experience", "cue": "because of"}]


def test_a_whole_sentence_is_the_problem_but_not_its_effect():
    predicted = [
        {"id": "p", "kind": "problem", "text": "Victims hide their experience because of stigma."},
        {"id": "e", "kind": "effect", "text": "Victims hide their experience because of stigma."},
        {"id": "c", "kind": "cause", "text": "stigma"},
    ]
    out = score_kinds(GOLD_STATEMENTS, predicted, phrase=True, pairs=GOLD_PAIRS)
    assert out["problem"] == PRF(1, 1, 1)
    assert out["effect"] == PRF(1, 1, 0)
    assert out["cause"] == PRF(1, 1, 1)
    assert out["comment"] == PRF(2, 0, 0)


def test_format1_ignores_comments_and_format2_counts_them():
    predicted = [{"id": "x", "kind": "comment", "text": "the budget is too small"}]
    assert score_kinds(GOLD_STATEMENTS, predicted)["comment"] == PRF()
    assert score_kinds(GOLD_STATEMENTS, predicted, phrase=True)["comment"] == PRF(2, 1, 1)


@pytest.mark.parametrize(
    ("f1s", "expected"),
    [
        ({"problem": PRF(2, 2, 2), "cause": PRF(2, 2, 0)}, 0.5),  # the other four are undefined
        ({k: PRF(1, 1, 1) for k in ("problem", "core_problem", "cause", "effect", "vision", "result")}, 1.0),
        ({"problem": PRF(1, 1, 1), "comment": PRF(5, 0, 0), "root_cause": PRF(3, 0, 0)}, 1.0),  # not in the six
        ({"problem": PRF(4, 0, 0), "vision": PRF(0, 2, 0)}, 0.0),
        ({}, None),
    ],
)
def test_macro_f1(f1s, expected):
    assert macro_f1(f1s) == expected


# --- causal pairs ------------------------------------------------------------------------------------

PAIR_GOLD = [
    {"kind": "cause", "text": "Weak cross-border cooperation"},
    {"kind": "effect", "text": "long delays in rescuing victims"},
]
PAIR = [{"cause": "Weak cross-border cooperation", "effect": "long delays in rescuing victims", "cue": "leads to"}]
WHOLE = "Weak cross-border cooperation leads to long delays in rescuing victims."


@pytest.mark.parametrize(
    ("source", "target", "link_type", "expected"),
    [
        # (strict, loose, reversed strict, reversed loose)
        ("Weak cross-border cooperation", "long delays in rescuing victims", "CAUSES", (True, True, False, False)),
        ("weak cross-border cooperation.", "Long delays in rescuing victims.", "CAUSES", (True, True, False, False)),
        # one end is the whole host sentence: loose only
        (WHOLE, "long delays in rescuing victims", "CAUSES", (False, True, False, False)),
        ("Weak cross-border cooperation", WHOLE, "CAUSES", (False, True, False, False)),
        # reversed
        ("long delays in rescuing victims", "Weak cross-border cooperation", "CAUSES", (False, False, True, True)),
        ("long delays in rescuing victims", WHOLE, "CAUSES", (False, False, False, True)),
        # not a CAUSES link
        ("Weak cross-border cooperation", "long delays in rescuing victims", "PART_OF", (False, False, False, False)),
        ("poverty in the north", "long delays in rescuing victims", "CAUSES", (False, False, False, False)),
    ],
)
def test_score_pairs(source, target, link_type, expected):
    statements = [{"id": "s", "kind": "cause", "text": source}, {"id": "t", "kind": "effect", "text": target}]
    links = [{"source": "s", "target": "t", "type": link_type, "evidence": "leads to"}]
    out = score_pairs(PAIR, PAIR_GOLD, statements, links)
    assert (out.strict[0], out.loose[0], out.reversed_strict[0], out.reversed_loose[0]) == expected
    assert out.links == (link_type == "CAUSES") and out.links_right == int(expected[0])
    missed = (("Weak cross-border cooperation", "long delays in rescuing victims"),)
    assert out.missed == (() if expected[0] else missed)
    json.dumps(out.as_dict())


def test_score_pairs_with_no_gold_pairs_or_links():
    out = score_pairs([], PAIR_GOLD, [], [])
    assert out.gold == 0 and out.recall is None and out.loose_recall is None and out.precision is None


# --- entities -------------------------------------------------------------------------------------------

GOLD_ENTITIES = [
    {"kind": "organisation", "name": "National Referral Office", "aliases": ["National Referral Office", "NRO"],
     "year": None},
    {"kind": "organisation", "name": "Government of Lao PDR", "aliases": ["Lao Government", "the Government"],
     "year": None},
    {"kind": "law", "name": "Lao–Thai MOU", "aliases": ["the 2005 MOU with Thailand", "the MOU"], "year": 2005},
]


@pytest.mark.parametrize(
    ("predicted", "kind", "expected"),
    [
        # (gold, predicted, tp)
        ([{"kind": "organisation", "name": "National Referral Office"}], "organisation", (2, 1, 1)),
        ([{"kind": "organisation", "name": "NRO"}], "organisation", (2, 1, 1)),  # an alias
        ([{"kind": "organisation", "name": "the NRO"}], "organisation", (2, 1, 1)),  # a leading article
        ([{"kind": "organisation", "name": "Government"}], "organisation", (2, 1, 1)),
        ([{"kind": "organisation", "name": "LAO GOVERNMENT"}], "organisation", (2, 1, 1)),
        # the acronym and its long form as two nodes: the second is a false positive
        (
            [{"kind": "organisation", "name": "NRO"}, {"kind": "organisation", "name": "National Referral Office"}],
            "organisation",
            (2, 2, 1),
        ),
        ([{"kind": "organisation", "name": "National Referral"}], "organisation", (2, 1, 0)),  # a part is not it
        ([{"kind": "organisation", "name": "MOU"}], "organisation", (2, 1, 0)),  # a law as an organisation
        ([{"kind": "law", "name": "MOU", "year": 2005}], "law", (1, 1, 1)),
        ([{"kind": "law", "name": "2005 MOU with Thailand", "year": 2005}], "law", (1, 1, 1)),  # years go
        ([{"kind": "person", "name": "NRO"}], "organisation", (2, 0, 0)),
    ],
)
def test_entities_match_by_name_or_alias(predicted, kind, expected):
    out = score_entities(GOLD_ENTITIES, predicted)[kind]
    assert (out.counts.gold, out.counts.predicted, out.counts.tp) == expected


def test_entity_years_and_names_behind_the_errors():
    predicted = [{"kind": "law", "name": "the MOU", "year": 2004}, {"kind": "law", "name": "Penal Code", "year": None}]
    law = score_entities(GOLD_ENTITIES, predicted)["law"]
    assert (law.with_year, law.year_right) == (1, 0)
    assert law.spurious == ("Penal Code",) and law.missed == ()
    org = score_entities(GOLD_ENTITIES, [])["organisation"]
    assert org.missed == ("National Referral Office", "Government of Lao PDR") and org.counts.f1 == 0.0
    key = entity_key("The  Ministry of Labour, Invalids and Social Affairs")
    assert key == "ministry of labour invalids and social affairs"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("National Plan of Action for 2011–2015", "national plan of action"),
        ("NPA 2012 – 2015", "npa"),
        ("Penal Code (2005)", "penal code"),
        ("the 2005 MOU with Thailand", "mou with thailand"),
        ("a Regional Management Office", "regional management office"),
        ("Law 2008", "law"),
        ("Group 2", "group 2"),  # only years go
    ],
)
def test_entity_key(name, key):
    assert entity_key(name) == key


# --- themes -------------------------------------------------------------------------------------------------


def _tagged(text: str, *themes: str) -> dict:
    return {"id": text[:8], "kind": "problem", "text": text, "themes": [{"id": t, "evidence": "x"} for t in themes]}


THEME_MENTIONS = {
    "database": ["There is no national data system on trafficking cases", "there is no regional database"],
    "corruption": [],  # annotated, and absent from the report
}


@pytest.mark.parametrize(
    ("predicted", "theme", "expected"),
    [
        # (gold, recalled, tagged, correct)
        ([_tagged("There is no national data system on trafficking cases.", "database")], "database", (2, 1, 1, 1)),
        # a tagged whole sentence overlapping a mention recalls it (themes score the tagger, not the spans)
        (
            [_tagged("Viet Nam cannot compare its data because there is no regional database.", "database")],
            "database",
            (2, 1, 1, 1),
        ),
        # the statement is found, the tag is not: a miss; the wrong tag elsewhere is spurious
        (
            [_tagged("There is no national data system on trafficking cases", "budget"),
             _tagged("Poverty drives migration", "database")],
            "database",
            (2, 0, 1, 0),
        ),
        # an empty theme: everything tagged with it is spurious, recall undefined
        ([_tagged("Officials accept bribes at the border", "corruption")], "corruption", (0, 0, 1, 0)),
        ([_tagged("Poverty drives migration")], "corruption", (0, 0, 0, 0)),
    ],
)
def test_score_themes(predicted, theme, expected):
    out = score_themes(THEME_MENTIONS, predicted)
    assert list(out) == ["database", "corruption"]
    t = out[theme]
    assert (t.gold, t.recalled, t.predicted, t.correct) == expected
    if theme == "corruption":
        assert t.recall is None and t.precision == (0.0 if t.predicted else None)


def test_a_theme_the_gold_does_not_annotate_is_not_scored():
    out = score_themes(THEME_MENTIONS, [_tagged("Boats stay at sea", "migration")])
    assert "migration" not in out


# --- gold files ------------------------------------------------------------------------------------------------

REPORT = """SYNTHETIC TEST REPORT
Group A
1. Victims hide their experience because of
Page 2 of 5
stigma.
A participant said that the budget is too small. Mr Geoff Manthey said shelters are full.
The National Referral Office (NRO) met twice.
"""

GOOD = {
    "report": "x.txt",
    "format": 2,
    "metadata": {},
    "statements": [
        {"kind": "priority", "text": "Stigma", "group": None, "topic": None},
        *GOLD_STATEMENTS,
    ],
    "causal_pairs": GOLD_PAIRS,
    "not_statements": ["Page 2 of 5"],
    "entities": GOLD_ENTITIES[:1],
    "theme_mentions": {"victim_reintegration": ["Victims hide their experience"], "corruption": []},
    "references": [],
}


def _with(**change):
    gold = json.loads(json.dumps(GOOD))
    for key, value in change.items():
        if value is None:
            del gold[key]
        else:
            gold[key] = value
    return gold


@pytest.mark.parametrize(
    ("gold", "problem"),
    [
        (GOOD, None),
        (_with(entities=None), "missing key 'entities'"),
        (_with(statements=[]), "no statements"),
        (_with(statements=[*GOOD["statements"], {"kind": "solution", "text": "stigma"}]), "statement kind 'solution'"),
        (
            _with(statements=[*GOOD["statements"], {"kind": "comment", "text": "shelters are full", "speaker": None}]),
            "role None",
        ),
        (
            _with(statements=[*GOOD["statements"], {"kind": "comment", "text": "shelters are full", "role": "chair"}]),
            "without a speaker key",
        ),
        (_with(statements=[*GOOD["statements"], {"kind": "cause", "text": "stigma", "role": "chair"}]), "role/speaker"),
        (_with(statements=[*GOOD["statements"], GOOD["statements"][1]]), "listed 2 times"),
        (
            _with(statements=[*GOOD["statements"], {"kind": "cause", "text": "stigma", "group": "A", "topic": "Debt"}]),
            "topic 'Debt' is not a priority text",
        ),
        (
            _with(causal_pairs=[{"cause": "poverty", "effect": "Victims hide their experience", "cue": "x"}]),
            "causal pair cause is not a statement text: 'poverty'",
        ),
        (_with(causal_pairs=[{"cause": "stigma", "effect": "stigma", "cue": "x"}]), "links a statement to itself"),
        (_with(causal_pairs=[GOLD_PAIRS[0], GOLD_PAIRS[0]]), "listed 2 times"),
        (
            _with(theme_mentions={"database": ["a central database"]}),
            "theme database mention is not a statement text",
        ),
        (_with(theme_mentions={"database": ["stigma", "stigma"]}), "lists 'stigma' 2 times"),
        (_with(entities=[{"kind": "place", "name": "Hanoi", "aliases": ["Hanoi"], "year": None}]), "kind 'place'"),
        (_with(entities=[{"kind": "law", "name": "MOU", "aliases": [], "year": None}]), "aliases must be"),
        (_with(entities=[{"kind": "law", "name": "MOU", "aliases": ["MOU"], "year": "2005"}]), "year '2005'"),
    ],
)
def test_format2_gold_problems(gold, problem):
    problems = gold_problems(gold)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


@pytest.mark.parametrize(
    ("gold", "problem"),
    [
        (GOOD, None),  # "stigma" is found across the page break, furniture dropped
        (
            _with(statements=[*GOOD["statements"], {"kind": "cause", "text": "debt bondage", "group": None,
                                                     "topic": None}]),
            "statement text not in the report: 'debt bondage'",
        ),
        (_with(not_statements=["Page 9 of 9"]), "not-statement not in the report"),
        (
            _with(entities=[{"kind": "organisation", "name": "NRO", "aliases": ["NRA"], "year": None}]),
            "alias not in the report: 'NRA'",
        ),
        (
            _with(statements=[*GOOD["statements"][:4],
                              {**GOOD["statements"][5], "speaker": "Ms Lucía Núñez"}]),
            "speaker not in the report",
        ),
    ],
)
def test_format2_gold_texts_occur_in_the_report(gold, problem):
    problems = gold_problems(gold, REPORT)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_report_body_drops_page_furniture():
    body = report_body(REPORT, ["Page 2 of 5"])
    assert "because of stigma" in body and "page 2" not in body
    # a page-number line is dropped even when the gold does not list it
    assert report_body(REPORT) == body
    assert "because of page" not in report_body("because of\nPage 7\nstigma")
    assert report_body("a\n_____\nb") == "a b"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"report": "x.txt", "format": 3}, "unknown format 3"),
        ({"report": "x.txt", "format": 2, "theme_mentions": []}, "theme_mentions"),
        ({"report": "x.txt", "format": 2, "theme_mentions": {"database": "a text"}}, "theme_mentions"),
        ({"report": "x.txt", "format": 2, "entities": {}}, '"entities" is not a list'),
    ],
)
def test_parse_gold_refuses_format2_that_cannot_be_scored(data, message):
    with pytest.raises(GoldError, match=message):
        parse_gold(data)


# --- one report, end to end ------------------------------------------------------------------------------------

EXTRACTION = {
    "report": {"country": "Lao PDR"},
    "statements": [
        {"id": "p", "kind": "problem", "text": "Victims hide their experience because of stigma.",
         "themes": [{"id": "victim_reintegration", "evidence": "victims"}]},
        {"id": "e", "kind": "effect", "text": "Victims hide their experience", "themes": []},
        {"id": "c", "kind": "cause", "text": "stigma", "themes": []},
        {"id": "m", "kind": "comment", "text": "Mr Manthey said that shelters are full.", "speaker_role": "facilitator",
         "speaker": "Mr Manthey", "themes": [{"id": "corruption", "evidence": "?"}]},
    ],
    "links": [{"source": "c", "target": "e", "type": "CAUSES", "evidence": "because of"}],
    "entities": [{"id": "n", "kind": "organisation", "name": "NRO", "mentions": []}],
}


def test_score_report_format2():
    gold = {**GOOD, "metadata": {"country": "Lao PDR"}}
    rs = score_report(gold, EXTRACTION)
    assert rs.format == 2 and rs.kinds_with_clauses is None
    assert rs.kinds["problem"] == PRF(1, 1, 1) and rs.kinds["effect"] == PRF(1, 1, 1)
    assert rs.kinds["comment"] == PRF(2, 1, 1) and rs.kinds["priority"] == PRF(1, 0, 0)
    assert rs.macro_f1 == 1.0  # problem, cause, effect: the other three are undefined
    assert rs.pair_recall == 1.0 and rs.pairs is not None and rs.pairs.loose == (True,)
    assert (rs.comments.matched, rs.comments.role_right, rs.comments.with_speaker, rs.comments.speaker_right) == (
        1, 1, 1, 1)
    assert rs.entities["organisation"].counts == PRF(1, 1, 1) and rs.entities["law"].counts == PRF()
    assert rs.themes["victim_reintegration"].recalled == 1
    assert rs.themes["corruption"].predicted == 1 and rs.themes["corruption"].correct == 0
    assert rs.metadata == {"country": True}
    data = json.loads(json.dumps(rs.as_dict()))
    assert data["causal_pairs"]["loose_recalled"] == 1 and data["comments"]["matched"] == 1
    assert set(data["themes"]) == {"victim_reintegration", "corruption"}


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        # (matched, role right, with speaker, speaker right)
        ({"speaker_role": "group_representative", "speaker": None}, (1, 1, 0, 0)),  # the contract's spelling
        ({"role": "group representative", "speaker": None}, (1, 1, 0, 0)),
        ({"speaker_role": "participant", "speaker": None}, (1, 0, 0, 0)),
        ({}, (1, 0, 0, 0)),
    ],
)
def test_comment_roles(predicted, expected):
    from graph.evaluation import score_comments

    gold = [{"kind": "comment", "text": "we should take small steps", "role": "group representative",
             "speaker": None}]
    out = score_comments(gold, [{"id": "c", "kind": "comment", "text": "We should take small steps.", **predicted}])
    assert (out.matched, out.role_right, out.with_speaker, out.speaker_right) == expected


def test_a_missing_extraction_scores_zero_on_format2():
    rs = score_report(GOOD, None, error="boom")
    assert rs.total.tp == 0 and rs.pair_recall == 0.0 and rs.macro_f1 == 0.0
    assert rs.entities["organisation"].counts == PRF(1, 0, 0)


def test_aggregate_and_render_format2_beside_format1():
    v1 = {"report": "old.txt", "metadata": {}, "statements": [{"kind": "problem", "text": "Poverty."}],
          "causal_pairs": [], "not_statements": [], "database_mentions": []}
    old = {"statements": [{"kind": "problem", "text": "Poverty"}]}
    scores = [score_report(GOOD, EXTRACTION), score_report(v1, old)]
    overall = aggregate(scores)
    assert overall.kinds_with_clauses is not None  # from the format-1 report only
    assert overall.pairs is not None and overall.pairs.gold == 1
    assert overall.theme_reports == {"victim_reintegration": 1, "corruption": 1}
    assert overall.macro_f1s == (1.0, 1.0) and overall.macro_f1 == 1.0
    text = render_table(scores, overall)
    assert "== x.txt (gold format 2)" in text and "\n== old.txt\n" in text
    assert "causal pairs, both ends the phrase: 1/1  recall  1.00  reversed 0" in text
    assert "causal pairs, LOOSE (each end overlaps its phrase; a whole host sentence counts): 1/1" in text
    assert "== PER REPORT" in text and "macro-F1 (problem, core_problem, cause, effect, vision, result)" in text
    assert "victim_reintegration (1)" in text
    data = json.loads(render_json(scores, overall, 80.0))
    assert data["reports"][0]["format"] == 2 and data["reports"][1]["format"] == 1
    assert data["overall"]["macro_f1"]["mean_over_reports"] == 1.0
    assert data["overall"]["entities"]["organisation"]["tp"] == 1


def test_cli_scores_format2(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "ex").mkdir()
    (tmp_path / "gold" / "x.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (tmp_path / "ex" / "x.json").write_text(json.dumps(EXTRACTION), encoding="utf-8")
    argv = ["--gold", str(tmp_path / "gold"), "--extraction-dir", str(tmp_path / "ex"), "--json"]
    assert score_main(argv, root=tmp_path) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reports"][0]["kinds"]["comment"]["tp"] == 1
