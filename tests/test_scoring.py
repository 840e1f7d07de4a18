"""Unit tests of the scorer (graph.evaluation) on tiny hand-made cases; no extractor
needed.

Also checks the gold files themselves, and the command line on a temporary
gold/extraction pair.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

import graph.contract
from graph.evaluation import (
    ALL,
    POOLED_CAUSE,
    PRF,
    ROW_KINDS,
    STATEMENT_KINDS,
    GoldError,
    Overall,
    ThemeScore,
    aggregate,
    causal_pair_recall,
    contains_words,
    country_key,
    gold_problems,
    greedy_match,
    is_not_statement,
    load_gold,
    metadata_field_right,
    normalise,
    parse_gold,
    render_json,
    render_table,
    score_database_theme,
    score_kinds,
    score_metadata,
    score_report,
    score_texts,
    similarity,
    span_match,
    strip_marker,
    sum_prf,
    theme_matches,
)
from graph.evaluation.cli import main as score_main
from graph.evaluation.extraction import load_extraction, pick_extraction

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Poverty.", "poverty"),
        ("12) Limited awareness of legal rights.", "limited awareness of legal rights"),
        ("a. Fragmented data (31 votes)", "fragmented data 31 votes"),
        ("(iv) Returnees face stigma", "returnees face stigma"),
        ("• Skills", "skills"),
        ("- common referral forms are used;", "common referral forms are used"),
        (
            "¶ Victims donôt go back re-\ntrafficked",
            "victims don t go back re trafficked",
        ),
        ("We don’t have a ‘regional’ database", "we don t have a regional database"),
        ("A national plan", "a national plan"),  # a capital word is not a marker
        ("2005 was the year", "2005 was the year"),
        ("Ms Lucía Núñez", "ms lucía núñez"),  # real ñ is left alone
        ("", ""),
        (None, ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_mojibake_is_repaired_only_with_its_signature():
    assert normalise("the Projectôs evolution") == normalise("the Project’s evolution")
    assert normalise("ñproblem treesò") == "problem trees"


def test_similarity_identical_and_reordered():
    assert similarity("Poverty is a root cause.", "poverty is a ROOT cause") == 100
    assert similarity("cooperation is limited", "limited cooperation is") >= 80


def test_similarity_tolerates_small_differences():
    gold = "Limited budget / funding for relevant agencies and government departments."
    assert similarity(gold, "Limited budget/funding for relevant agencies and govt departments") >= 80


def test_similarity_subset_counts_only_when_lengths_are_comparable():
    gold = "Fragmented data on trafficking cases"
    assert similarity(gold, "Fragmented data on trafficking cases (31 votes)") == 100
    paragraph = (
        "Fragmented data on trafficking cases was chosen first. The group then discussed many other "
        "issues of budget, training, rotation of staff and the cooperation with neighbouring countries."
    )
    assert similarity(gold, paragraph) < 80


def test_similarity_unrelated_texts_are_low():
    assert similarity("No one lives in poverty.", "Traffickers and brokers in prison.") < 50
    assert similarity("", "anything") == 0


def test_greedy_match_is_one_to_one_and_best_first():
    gold = ["Poverty.", "Poverty and landlessness push families to migrate."]
    pred = [
        "Poverty and landlessness push families to migrate",
        "Poverty",
        "Poverty",  # a duplicate prediction is a false positive
    ]
    pairs = greedy_match(gold, pred)
    assert [(g, p) for g, p, _ in pairs] == [(0, 1), (1, 0)]
    m = score_texts(gold, pred)
    assert (m.gold, m.predicted, m.tp) == (2, 3, 2)
    assert m.recall == 1.0
    assert m.precision == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(0.8)


def test_greedy_match_threshold():
    assert greedy_match(["Lower school drop-out rates."], ["Higher school attendance"]) == []
    assert greedy_match(["Lower school drop-out rates."], ["Lower school drop out rates"]) != []


def test_prf_edge_cases():
    empty = score_texts([], [])
    assert empty.precision is None and empty.recall is None and empty.f1 is None
    missed = score_texts(["a statement here"], [])
    assert missed.recall == 0.0 and missed.f1 == 0.0
    spurious = score_texts([], ["a statement here"])
    assert spurious.precision == 0.0 and spurious.f1 == 0.0


def test_score_kinds_keeps_kinds_apart_and_pools_causes():
    gold = [
        {"kind": "root_cause", "text": "Landlessness and debt in rural areas."},
        {
            "kind": "cause",
            "text": "Villagers have little information about safe migration.",
        },
        {"kind": "effect", "text": "Villages lose their working-age adults."},
    ]
    pred = [
        {
            "kind": "cause",
            "text": "Landlessness and debt in rural areas.",
        },  # wrong kind
        {
            "kind": "cause",
            "text": "Villagers have little information about safe migration.",
        },
        {
            "kind": "result",
            "text": "Villages lose their working-age adults.",
        },  # wrong kind
    ]
    out = score_kinds(gold, pred)
    assert (
        out["root_cause"].tp,
        out["root_cause"].gold,
        out["root_cause"].predicted,
    ) == (0, 1, 0)
    assert (out["cause"].tp, out["cause"].gold, out["cause"].predicted) == (1, 1, 2)
    assert out["effect"].recall == 0.0
    assert out["result"].precision == 0.0
    assert (
        out[POOLED_CAUSE].tp,
        out[POOLED_CAUSE].gold,
        out[POOLED_CAUSE].predicted,
    ) == (2, 2, 2)


def test_span_match_accepts_clauses_and_whole_sentences():
    assert span_match("poor coordination", "Poor coordination")
    assert span_match(
        "poor coordination",
        "Internal cooperation doesn't function well because of poor coordination.",
    )
    assert span_match("the labour shortage", "labour shortage")
    assert not span_match("poor coordination", "budget constraints and personnel shortages")
    # Containment is on word boundaries only.
    assert not span_match("aid", "Victims are afraid to testify")


def _statements(*texts):
    return [{"id": f"s{i}", "kind": "cause", "text": t} for i, t in enumerate(texts)]


def test_causal_pair_recall_needs_the_right_direction():
    gold = [
        {
            "cause": "a fear among officials that leaked information will endanger victims",
            "effect": "Weak information sharing",
            "cue": "stems from",
        },
        {
            "cause": "A lack of funding to legal institutions",
            "effect": "fewer investigations",
            "cue": "results in",
        },
    ]
    statements = _statements(
        "Weak information sharing",
        "a fear among officials that leaked information will endanger victims and witnesses",
        "A lack of funding to legal institutions",
        "fewer investigations",
    )
    links = [
        {
            "source": "s1",
            "target": "s0",
            "type": "CAUSES",
            "evidence": "stems from",
        },  # right way round
        {
            "source": "s3",
            "target": "s2",
            "type": "CAUSES",
            "evidence": "results in",
        },  # reversed
        {
            "source": "s2",
            "target": "s3",
            "type": "PART_OF",
            "evidence": "",
        },  # not a CAUSES link
    ]
    assert causal_pair_recall(gold, statements, links) == [True, False]


def test_causal_pair_recall_with_dangling_ids():
    gold = [{"cause": "x y z", "effect": "a b c", "cue": "so"}]
    links = [{"source": "nope", "target": "gone", "type": "CAUSES", "evidence": ""}]
    assert causal_pair_recall(gold, [], links) == [False]


def test_is_not_statement():
    nots = [
        "Photo: participants of Working Group B present their list of problems to the plenary.",
        "Page 3 of 5",
        "Mr Geoff Manthey",
        "¹ The Law on Suppression of Human Trafficking and Sexual Exploitation was promulgated in February 2008.",
    ]
    assert is_not_statement("Photo: participants of Working Group B present their list of problems", nots)
    assert is_not_statement("page 3 of 5", nots) == "Page 3 of 5"
    # a caption or page line glued into a statement
    assert is_not_statement("returns can take more than six months. Page 3 of 5", nots) == "Page 3 of 5"
    assert is_not_statement("Mr. Geoff Manthey", nots) == "Mr Geoff Manthey"
    # a sentence that merely mentions a short name is not flagged
    assert is_not_statement("Mr Geoff Manthey asked whether the vision was realistic.", nots) is None
    # the sentence a footnote annotates shares words with it but is a real statement
    assert (
        is_not_statement(
            "Many commune officials do not know the provisions of the 2008 Law on "
            "Suppression of Human Trafficking and Sexual Exploitation.",
            nots,
        )
        is None
    )


def test_database_theme_recall_and_precision():
    gold = {
        "database_mentions": ["We need to move quickly to establish and maintain a central database."],
        "data_sharing_mentions": ["Available information must be shared with stakeholders in a timely manner."],
    }
    preds = [
        {
            "kind": "problem",
            "text": "We need to move quickly to establish and maintain a central database.",
            "themes": [{"id": "data_sharing", "evidence": "database"}],
        },
        {
            "kind": "problem",
            "text": "Available information must be shared with stakeholders in a timely manner.",
            "themes": [{"id": "data_sharing", "evidence": "shared"}],
        },
        {
            "kind": "problem",
            "text": "Poverty.",
            "themes": [{"id": "data_sharing", "evidence": "?"}],
        },
        {
            "kind": "problem",
            "text": "Limited budget.",
            "themes": [{"id": "budget", "evidence": "budget"}],
        },
    ]
    out = score_database_theme(gold, preds)
    assert out.tagged_any
    assert (out.recalled, out.gold) == (1, 1)
    assert (out.correct, out.predicted) == (2, 3)
    assert out.spurious == ("Poverty.",)
    # an explicit id must match exactly
    assert score_database_theme(gold, preds, theme_id="databases").recalled == 0
    assert score_database_theme(gold, preds, theme_id="data_sharing").recalled == 1


def test_database_theme_untagged():
    out = score_database_theme({"database_mentions": ["a central database"]}, [{"text": "a central database"}])
    assert not out.tagged_any and out.recall == 0.0 and out.precision is None


def test_metadata():
    gold = {
        "title": "Consultation Workshop on Strategic Visioning",
        "country": "Lao PDR",
        "city": "Vientiane",
        "start_date": "2013-04-09",
        "end_date": "2013-04-10",
        "organiser": "UNIAP",
    }
    pred = {
        "title": "Lao PDR Consultation Workshop on Strategic Visioning",
        "country": "Laos",
        "city": "Vientiane",
        "start_date": "2013-04-09",
        "end_date": None,
        "organiser": "United Nations Inter-Agency Project on Human Trafficking (UNIAP)",
    }
    assert score_metadata(gold, pred) == {
        "title": True,
        "country": True,
        "city": True,
        "start_date": True,
        "end_date": False,
        "organiser": True,
    }


def test_score_report_end_to_end_on_a_tiny_case():
    gold = {
        "report": "tiny.txt",
        "metadata": {"country": "Viet Nam"},
        "statements": [
            {"kind": "problem", "text": "Poverty drives young people to migrate."},
            {
                "kind": "vision",
                "text": "No woman or girl is trafficked into a forced marriage.",
            },
        ],
        "causal_pairs": [
            {
                "cause": "Poverty",
                "effect": "young people to migrate",
                "cue": "drives",
                "section": "problems",
            }
        ],
        "not_statements": ["Photo: participants at work in Hanoi"],
        "database_mentions": [],
    }
    extraction = {
        "report": {"country": "Vietnam"},
        "statements": [
            {
                "id": "a",
                "kind": "problem",
                "text": "(a) Poverty drives young people to migrate.",
                "themes": [],
            },
            {
                "id": "b",
                "kind": "problem",
                "text": "Photo: participants at work in Hanoi",
                "themes": [],
            },
            {"id": "c", "kind": "cause", "text": "Poverty", "themes": []},
            {
                "id": "d",
                "kind": "effect",
                "text": "young people to migrate",
                "themes": [],
            },
        ],
        "links": [{"source": "c", "target": "d", "type": "CAUSES", "evidence": "drives"}],
    }
    rs = score_report(gold, extraction)
    assert rs.kinds["problem"].tp == 1 and rs.kinds["problem"].predicted == 2
    assert rs.kinds["vision"].recall == 0.0
    assert rs.pair_recall == 1.0
    assert [n for _, _, n in rs.not_statement_hits] == ["Photo: participants at work in Hanoi"]
    assert rs.metadata == {"country": True}
    json.dumps(rs.as_dict())  # serialisable


def _report_of(gold: dict) -> Path:
    report_dirs = [ROOT / "data" / "reports", ROOT / "data" / "synthetic"]
    found = [d / gold["report"] for d in report_dirs if (d / gold["report"]).exists()]
    assert found, gold["report"]
    return found[0]


GOLD_V2 = sorted((ROOT / "tests" / "gold").glob("*.json"))
GOLD_V1 = sorted((ROOT / "tests" / "gold" / "v1").glob("*.json"))


@pytest.mark.parametrize("gf", GOLD_V2, ids=lambda p: p.stem)
def test_gold_files_are_well_formed(gf):
    """The installed gold (format 2) follows its rules, checked against the report's text."""
    gold = json.loads(gf.read_text(encoding="utf-8"))
    assert gold.get("format") == 2, gf.name
    report = _report_of(gold)
    assert gold_problems(gold, report.read_text(encoding="utf-8")) == [], gf.name
    assert load_gold(gf).report == gold["report"] and load_gold(gf).format == 2
    assert gold["statements"] and gold["theme_mentions"], gf.name
    assert "database" in gold["theme_mentions"], gf.name


def test_there_are_gold_files_of_both_formats():
    assert len(GOLD_V2) >= 4 and len(GOLD_V1) == 4
    assert {p.name for p in GOLD_V1} <= {p.name for p in GOLD_V2}


@pytest.mark.parametrize("gf", GOLD_V1, ids=lambda p: p.stem)
def test_format1_gold_files_are_well_formed(gf):
    """The old annotations (tests/gold/v1) the README's first quality table was measured on."""
    kinds = {
        "problem",
        "priority",
        "core_problem",
        "root_cause",
        "cause",
        "effect",
        "vision",
        "result",
    }
    assert kinds <= set(STATEMENT_KINDS)
    gold = json.loads(gf.read_text(encoding="utf-8"))
    assert "format" not in gold and load_gold(gf).format == 1
    assert gold_problems(gold) == [], gf.name
    assert load_gold(gf).report == gold["report"]
    assert {
        "report",
        "metadata",
        "statements",
        "causal_pairs",
        "not_statements",
        "database_mentions",
    } <= gold.keys()
    assert gold["statements"], gf.name
    texts = {s["text"] for s in gold["statements"]}
    for s in gold["statements"]:
        assert s["kind"] in kinds and s["text"].strip(), (gf.name, s)
        # no gold statement may itself look like page furniture, a caption or a
        # speaker name
        assert is_not_statement(s["text"], gold["not_statements"]) is None, (
            gf.name,
            s["text"],
        )
    for mention in gold["database_mentions"]:
        assert mention in texts, (gf.name, mention)
    for p in gold["causal_pairs"]:
        assert p["cause"].strip() and p["effect"].strip() and p["cue"].strip()
    _report_of(gold)


def test_synthetic_reports_are_marked():
    for path in sorted((ROOT / "data" / "synthetic").glob("*.txt")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.upper().startswith("SYNTHETIC TEST REPORT"), path.name


def test_a_split_off_clause_is_excused_only_when_it_is_a_gold_pair_end() -> None:
    gold = ["Law enforcement is not strict due to a lack of capacity."]
    predicted = [
        "Law enforcement is not strict due to a lack of capacity.",
        "a lack of capacity",
        "poverty in the north",
    ]
    plain = score_texts(gold, predicted)
    assert (plain.gold, plain.predicted, plain.tp) == (1, 3, 1)
    with_clauses = score_texts(gold, predicted, also_correct=["a lack of capacity"])
    # The clause is neither right nor wrong; the unrelated statement still counts
    # against precision.
    assert (with_clauses.gold, with_clauses.predicted, with_clauses.tp) == (1, 2, 1)


# --- the matching rule, case by case
# -------------------------------------------------------------

GOLD_SENTENCE = "Law enforcement is not strict due to a lack of capacity."


@pytest.mark.parametrize(
    ("gold", "predicted", "matches"),
    [
        ("Poverty is a root cause.", "Poverty is a root cause.", True),
        (
            "Fragmented data on trafficking cases",
            "a. Fragmented data on trafficking cases (31 votes)",
            True,
        ),
        (
            "Victims don’t trust the police.",
            "Victims donôt trust the police.",
            True,
        ),  # mojibake repaired
        (
            "The border officials lack training on victim identification.",
            "Border officials lack training in victim identification.",
            True,
        ),
        # a partial span of the gold sentence is not the statement
        (GOLD_SENTENCE, "a lack of capacity", False),
        (GOLD_SENTENCE, "Law enforcement is not strict", False),
        # a caption that shares words with a statement is not it
        (
            "Working Group B presents its list of problems to the plenary.",
            "Photo: participants of Working Group B",
            False,
        ),
        (
            "Limited budget for shelters.",
            "Limited budget for schools and roads in the north.",
            False,
        ),
        ("Poverty.", "", False),
        ("", "Poverty.", False),
    ],
)
def test_statement_match(gold, predicted, matches):
    assert (similarity(gold, predicted) >= 80) is matches
    assert bool(greedy_match([gold], [predicted])) is matches
    assert score_texts([gold], [predicted]).tp == int(matches)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1) Poverty", "Poverty"),
        ("(a) Poverty", "Poverty"),
        ("ii. Poverty", "Poverty"),
        ("• Poverty", "Poverty"),
        ("Poverty", "Poverty"),
        (
            "1.5 million people migrate",
            "1.5 million people migrate",
        ),  # a number, not a marker
        ("I think so", "I think so"),  # a capital word, not a numeral marker
    ],
)
def test_strip_marker(text, expected):
    assert strip_marker(text) == expected


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("because of poor coordination", "poor coordination", True),
        ("poor coordination", "poor coordination", True),
        ("poor coordinationally", "poor coordination", False),  # not on a word boundary
        ("victims are afraid", "aid", False),
        ("", "aid", False),
        ("aid", "", False),
    ],
)
def test_contains_words(haystack, needle, expected):
    assert contains_words(haystack, needle) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (
            "poor coordination",
            "Internal cooperation fails because of poor coordination.",
            True,
        ),  # longer statement
        (
            "Internal cooperation fails because of poor coordination.",
            "poor coordination",
            True,
        ),  # the clause
        ("poor coordination", "Poor coord", False),  # a partial word is not a span
        ("poor coordination", "", False),
        ("", "poor coordination", False),
        ("poverty in the north", "a lack of capacity", False),
    ],
)
def test_span_match_cases(gold, predicted, expected):
    assert span_match(gold, predicted) is expected


NOTS = ["Photo: participants at work in Hanoi", "Page 3 of 5", "Mr Geoff Manthey"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Photo: participants at work in Hanoi",
            "Photo: participants at work in Hanoi",
        ),
        (
            "Photo - participants at work in Hanoi.",
            "Photo: participants at work in Hanoi",
        ),
        (
            "Returns take months. Photo: participants at work in Hanoi",
            "Photo: participants at work in Hanoi",
        ),
        (
            "Returns take months. Photo: participants at work",
            None,
        ),  # part of a caption is not the caption
        (
            "Victims were met by Mr Geoff Manthey today",
            None,
        ),  # a short not-statement inside is allowed
        ("Page 3", None),
        ("", None),
    ],
)
def test_is_not_statement_cases(text, expected):
    assert is_not_statement(text, NOTS) == expected


def test_is_not_statement_without_not_statements():
    assert is_not_statement("Photo: participants at work in Hanoi", []) is None
    assert is_not_statement("Photo: participants at work in Hanoi", ["", "   "]) is None


def test_greedy_match_breaks_ties_by_position():
    pairs = greedy_match(["Poverty.", "Poverty."], ["poverty"])
    assert [(m.gold, m.predicted, m.similarity) for m in pairs] == [(0, 0, 100.0)]
    assert greedy_match([], ["poverty"]) == [] and greedy_match(["poverty"], []) == []


# --- metrics
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            (0, 0, 0),
            (None, None, None),
        ),  # empty gold, nothing predicted: undefined, not an error
        ((0, 3, 0), (0.0, None, 0.0)),  # empty gold, three predictions
        ((3, 0, 0), (None, 0.0, 0.0)),  # nothing predicted
        ((2, 2, 2), (1.0, 1.0, 1.0)),
        ((2, 2, 0), (0.0, 0.0, 0.0)),
        ((4, 2, 1), (0.5, 0.25, 1 / 3)),
    ],
)
def test_prf(counts, expected):
    m = PRF(*counts)
    assert (m.precision, m.recall, m.f1) == pytest.approx(expected)
    assert m.as_dict() == {
        "gold": counts[0],
        "predicted": counts[1],
        "tp": counts[2],
        "precision": m.precision,
        "recall": m.recall,
        "f1": m.f1,
    }


def test_prf_adds_up_and_is_frozen():
    assert PRF(1, 2, 1) + PRF(3, 4, 2) == PRF(4, 6, 3)
    assert sum_prf([PRF(1, 1, 1), PRF(2, 0, 0), PRF()]) == PRF(3, 1, 1)
    assert sum_prf([]) == PRF()
    with pytest.raises(dataclasses.FrozenInstanceError):
        PRF().tp = 1  # type: ignore[misc]


def test_empty_gold_gives_defined_figures():
    out = score_kinds([], [{"kind": "problem", "text": "Poverty."}])
    assert tuple(out) == ROW_KINDS
    assert out["problem"] == PRF(0, 1, 0) and out["problem"].precision == 0.0 and out["problem"].recall is None
    assert out["vision"] == PRF() and out["vision"].f1 is None
    rs = score_report({"report": "empty.txt"}, None)
    assert rs.pair_recall is None and rs.total == PRF() and rs.metadata == {}
    assert rs.database == ThemeScore() and rs.database.recall is None and rs.database.precision is None
    json.dumps(rs.as_dict())


def test_kinds_are_the_contracts():
    assert STATEMENT_KINDS is graph.contract.STATEMENT_KINDS
    # The contract's kinds plus "comment", which the format-2 gold annotates.
    extra = () if "comment" in graph.contract.STATEMENT_KINDS else ("comment",)
    assert ROW_KINDS == (*graph.contract.STATEMENT_KINDS, *extra, POOLED_CAUSE)


def test_score_kinds_ignores_unknown_kinds():
    out = score_kinds(
        [{"kind": "problem", "text": "Poverty."}],
        [{"kind": "banana", "text": "Poverty."}],
    )
    assert out["problem"] == PRF(1, 0, 0)
    assert sum_prf(out.values()).predicted == 0


@pytest.mark.parametrize(
    ("themes", "theme_id", "expected"),
    [
        ([{"id": "data_sharing", "evidence": "database"}], None, True),
        (["databases"], None, True),
        ([{"id": "budget", "evidence": "budget"}], None, False),
        ([{"id": "data_sharing", "evidence": "x"}], "data_sharing", True),
        ([{"id": "data_sharing", "evidence": "x"}], "databases", False),
        ([{"evidence": "no id"}], None, False),
        ([], None, False),
        (None, None, False),
    ],
)
def test_theme_matches(themes, theme_id, expected):
    assert theme_matches(themes, theme_id) is expected


def test_theme_scores_add_up():
    a = ThemeScore(tagged_any=False, gold=2, recalled=1, missed=("m",))
    b = ThemeScore(tagged_any=True, predicted=3, correct=2, spurious=("s",))
    assert a + b == ThemeScore(True, 2, 1, 3, 2, ("m",), ("s",))
    assert (a + b).as_dict()["missed"] == ["m"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Lao PDR", "lao"),
        ("Laos", "lao"),
        ("Viet Nam", "vietnam"),
        ("Burma", "myanmar"),
        ("Thailand", "thailand"),
        (None, ""),
    ],
)
def test_country_key(value, expected):
    assert country_key(value) == expected


@pytest.mark.parametrize(
    ("key", "expected", "got", "right"),
    [
        ("start_date", "2013-04-09", "2013-04-09T09:00:00", True),
        ("start_date", "2013-04-09", "2013-04-10", False),
        ("country", "Viet Nam", "Vietnam", True),
        ("country", "Viet Nam", "Cambodia", False),
        ("city", "Vientiane", "Vientiane Capital", True),  # containment
        ("organiser", "UNIAP", "UNODC", False),
        ("city", None, None, True),
        ("city", None, "Vientiane", False),
        ("city", "Vientiane", None, False),
    ],
)
def test_metadata_field_right(key, expected, got, right):
    assert metadata_field_right(key, expected, got) is right


# --- aggregation and rendering
# --------------------------------------------------------------------


def _tiny(report: str, *, found: bool) -> tuple[dict, dict]:
    gold = {
        "report": report,
        "metadata": {"country": "Lao PDR"},
        "statements": [
            {"kind": "cause", "text": "Poverty in rural areas."},
            {"kind": "root_cause", "text": "Landlessness and debt."},
        ],
        "causal_pairs": [
            {
                "cause": "Poverty",
                "effect": "migration",
                "cue": "drives",
                "section": "tree",
            },
            {
                "cause": "Debt",
                "effect": "migration",
                "cue": "drives",
                "section": "problems",
            },
        ],
        "not_statements": [],
        "database_mentions": [],
    }
    statements = [{"id": "a", "kind": "cause", "text": "Poverty in rural areas.", "themes": []}]
    if found:
        statements.append({"id": "b", "kind": "effect", "text": "migration", "themes": []})
    extraction = {
        "report": {"country": "Laos"},
        "statements": statements,
        "links": [{"source": "a", "target": "b", "type": "CAUSES", "evidence": "drives"}],
    }
    return gold, extraction


def test_aggregate_micro_averages_reports():
    scores = [
        score_report(*_tiny("one.txt", found=True)),
        score_report(*_tiny("two.txt", found=False)),
    ]
    overall = aggregate(scores)
    assert overall.reports == 2
    assert overall.kinds["cause"] == PRF(2, 2, 2)
    assert overall.kinds["root_cause"] == PRF(2, 0, 0)
    assert overall.kinds[POOLED_CAUSE] == PRF(4, 2, 2)
    # "all" adds the contract kinds, not the pooled row a second time
    assert overall.kinds[ALL] == PRF(4, 3, 2)
    assert (overall.pairs_found, overall.pairs_total, overall.pair_recall) == (
        1,
        4,
        0.25,
    )
    assert scores[0].pairs_in_section("tree") == (1, 1) and scores[0].pairs_in_section("problems") == (0, 1)
    assert list(overall.as_dict()["kinds"])[-1] == "all+clauses"


def test_aggregate_of_nothing():
    overall = aggregate([])
    assert overall == Overall()
    assert overall.kinds[ALL] == PRF() and overall.pair_recall is None
    assert render_table([], overall).startswith("\n== OVERALL (micro-averaged over 0 reports)\n")


def test_render_table_lines():
    gold, extraction = _tiny("one.txt", found=True)
    scores = [score_report(gold, extraction, error=None)]
    text = render_table(scores, aggregate(scores))
    lines = text.splitlines()
    assert lines[1] == "== one.txt"
    assert lines[2] == "kind                gold  pred    tp      P      R     F1"
    assert "cause                  1     1     1   1.00   1.00   1.00" in lines
    assert "root_cause             1     0     0    -     0.00   0.00" in lines
    assert "causal pairs recalled: 1/2  recall  0.50  (problem trees only: 1/1)" in lines
    assert "database theme: n/a (no statement carries themes)" in lines
    assert "metadata fields right: 1/1" in lines
    errored = render_table([score_report(gold, None, error="boom")], aggregate([]))
    assert errored.splitlines()[1] == "== one.txt   [ERROR: boom]"
    assert "metadata fields right: 0/1  (wrong: country)" in errored.splitlines()


def test_render_json_is_the_figures():
    scores = [score_report(*_tiny("one.txt", found=True))]
    data = json.loads(render_json(scores, aggregate(scores), 80.0))
    assert data["threshold"] == 80.0
    assert data["reports"][0]["causal_pairs"]["by_section"] == {
        "problems": {"gold": 1, "recalled": 0},
        "tree": {"gold": 1, "recalled": 1},
    }
    assert data["overall"]["kinds"]["all"] == {
        "gold": 2,
        "predicted": 2,
        "tp": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }


# --- gold files and extractions
# -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a JSON object"),
        ({}, 'no "report"'),
        ({"report": ""}, 'no "report"'),
        ({"report": "x.txt", "statements": {}}, '"statements" is not a list'),
        ({"report": "x.txt", "metadata": []}, '"metadata" is not an object'),
    ],
)
def test_parse_gold_refuses_what_cannot_be_scored(data, message):
    with pytest.raises(GoldError, match=message):
        parse_gold(data)


GOOD_GOLD = {
    "report": "x.txt",
    "metadata": {},
    "not_statements": ["Photo: participants at work in Hanoi"],
    "statements": [{"kind": "problem", "text": "Poverty."}],
    "causal_pairs": [],
    "database_mentions": [],
}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({}, None),
        ({"database_mentions": None}, "missing key 'database_mentions'"),
        ({"statements": []}, "no statements"),
        (
            {"statements": [{"kind": "solution", "text": "Poverty."}]},
            "statement kind 'solution'",
        ),
        ({"statements": [{"kind": "problem", "text": " "}]}, "statement without text"),
        (
            {"statements": [{"kind": "problem", "text": "Photo: participants at work in Hanoi"}]},
            "looks like the not-statement",
        ),
        (
            {"database_mentions": ["a central database"]},
            "database mention is not a statement text",
        ),
        (
            {"causal_pairs": [{"cause": "Poverty", "effect": "", "cue": "so"}]},
            "causal pair without",
        ),
    ],
)
def test_gold_problems(change, problem):
    gold = {k: v for k, v in {**GOOD_GOLD, **change}.items() if v is not None}
    problems = gold_problems(gold)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_load_gold_refuses_bad_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match="bad.json"):
        load_gold(bad)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"report": {"source": "a.txt"}}, {"report": {"source": "a.txt"}}),
        (
            [{"report": {"source": "b.txt"}}, {"report": {"source": "a.txt"}}],
            {"report": {"source": "a.txt"}},
        ),
        (
            [{"report": {"source": "b.txt"}}],
            {"report": {"source": "b.txt"}},
        ),  # the only one
        ([{"report": {"source": "b.txt"}}, {"report": {"source": "c.txt"}}], None),
        ([], None),
        ("a.txt", None),
    ],
)
def test_pick_extraction(data, expected):
    assert pick_extraction(data, "a.txt") == expected


def test_load_extraction(tmp_path):
    assert load_extraction(tmp_path, "a.txt").error == f"no a.json in {tmp_path}"
    (tmp_path / "a.json").write_text("[]", encoding="utf-8")
    assert load_extraction(tmp_path, "a.txt").error.startswith("no extraction of a.txt in ")
    (tmp_path / "a.json").write_text('{"statements": []}', encoding="utf-8")
    assert load_extraction(tmp_path, "a.txt") == ({"statements": []}, None)


# --- the command line
# -----------------------------------------------------------------------------


def _project(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, extraction_dir = tmp_path / "gold", tmp_path / "extractions"
    gold_dir.mkdir()
    extraction_dir.mkdir()
    for name in ("one", "two"):
        gold, extraction = _tiny(f"{name}.txt", found=True)
        (gold_dir / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
        (extraction_dir / f"{name}.json").write_text(json.dumps(extraction), encoding="utf-8")
    return gold_dir, extraction_dir


def test_cli_scores_saved_extractions(tmp_path, capsys):
    gold_dir, extraction_dir = _project(tmp_path)
    assert (
        score_main(
            ["--gold", str(gold_dir), "--extraction-dir", str(extraction_dir)],
            root=tmp_path,
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "\n== one.txt\n" in out and "\n== two.txt\n" in out
    assert "== OVERALL (micro-averaged over 2 reports)" in out


def test_cli_report_filter_and_json(tmp_path, capsys):
    gold_dir, extraction_dir = _project(tmp_path)
    argv = [
        "--gold",
        str(gold_dir),
        "--extraction-dir",
        str(extraction_dir),
        "--report",
        "two",
        "--json",
    ]
    assert score_main(argv, root=tmp_path) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["report"] for r in data["reports"]] == ["two.txt"]


def test_cli_missing_extraction_is_an_error(tmp_path, capsys):
    gold_dir, extraction_dir = _project(tmp_path)
    (extraction_dir / "two.json").unlink()
    assert (
        score_main(
            ["--gold", str(gold_dir), "--extraction-dir", str(extraction_dir)],
            root=tmp_path,
        )
        == 1
    )
    captured = capsys.readouterr()
    assert f"warning: two.txt: no two.json in {extraction_dir}" in captured.err
    assert f"== two.txt   [ERROR: no two.json in {extraction_dir}]" in captured.out


def test_cli_missing_report_file_is_an_error(tmp_path, capsys):
    gold_dir, _ = _project(tmp_path)
    assert score_main(["--gold", str(gold_dir), "--report", "one"], root=tmp_path) == 1
    assert "report one.txt not found in data/reports, data/synthetic" in capsys.readouterr().err


@pytest.mark.parametrize("content", [None, "{oops"])
def test_cli_refuses_no_or_bad_gold(tmp_path, content):
    if content is not None:
        (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        score_main(["--gold", str(tmp_path)], root=tmp_path)
    assert exit_info.value.code == 2


def test_module_entry_point_and_independence_from_the_extractor():
    """`python -m graph.evaluation` runs, and importing the scorer never imports
    graph.ingest.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "graph.evaluation", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("usage: python -m graph.evaluation")
    probe = "import sys, graph.evaluation.cli; print(sorted(m for m in sys.modules if m.startswith('graph.ingest')))"
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stderr
