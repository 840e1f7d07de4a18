"""Scoring on the causal test set (graph.evaluation.causal), with hand-made finders: pure, no
extractor run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.evaluation.causal import (
    CUE_FAMILIES,
    CausalItem,
    CausalSetError,
    item_problems,
    load_causal_set,
    main,
    parse_item,
    render,
    score_causal,
    score_item,
    set_problems,
)

ROOT = Path(__file__).resolve().parent.parent

CHAIN = CausalItem(
    "c001",
    "Weak coordination leads to slow referrals, resulting in victims leaving shelters early.",
    "leads_to",
    (("Weak coordination", "slow referrals"), ("slow referrals", "victims leaving shelters early")),
)
DRIVEN = CausalItem(
    "c002",
    "Irregular migration is driven by the high cost of the legal channel.",
    "drives",
    (("the high cost of the legal channel", "Irregular migration"),),
)
NEGATIVE = CausalItem("c003", "Raising awareness alone does not lead to fewer cases.", "leads_to", ())


@pytest.mark.parametrize(
    ("item", "predicted", "expected"),
    [
        # (found, loose, reversed, right)
        (DRIVEN, [("the high cost of the legal channel", "Irregular migration")], ((True,), (True,), (False,), 1)),
        (DRIVEN, [("The high cost of the legal channel.", "irregular migration")], ((True,), (True,), (False,), 1)),
        # the direction trap: the pair found reversed is a direction error, and a wrong pair
        (DRIVEN, [("Irregular migration", "the high cost of the legal channel")], ((False,), (False,), (True,), 0)),
        # one end is the whole host sentence: loose only
        (DRIVEN, [("the high cost of the legal channel", DRIVEN.text)], ((False,), (True,), (False,), 0)),
        (DRIVEN, [], ((False,), (False,), (False,), 0)),
        # a chain: the middle phrase spanning the next link is not the phrase
        (
            CHAIN,
            [("Weak coordination", "slow referrals, resulting in victims leaving shelters early"),
             ("slow referrals", "victims leaving shelters early")],
            ((False, True), (True, True), (False, False), 1),
        ),
        (
            CHAIN,
            [("Weak coordination", "slow referrals"), ("slow referrals", "victims leaving shelters early")],
            ((True, True), (True, True), (False, False), 2),
        ),
        # one prediction stands for one gold pair only
        (CHAIN, [("Weak coordination", "slow referrals")] * 2, ((True, False), (True, False), (False, False), 1)),
        (NEGATIVE, [("Raising awareness alone", "fewer cases")], ((), (), (), 0)),
    ],
)
def test_score_item(item, predicted, expected):
    r = score_item(item, predicted)
    assert (r.found, r.loose, r.reversed, r.right) == expected
    assert r.predicted == tuple(predicted)


def test_score_causal_adds_up_per_family():
    finder = {
        CHAIN.text: [("Weak coordination", "slow referrals")],
        DRIVEN.text: [("Irregular migration", "the high cost of the legal channel")],
        NEGATIVE.text: [("Raising awareness alone", "fewer cases")],
    }
    score = score_causal([CHAIN, DRIVEN, NEGATIVE], lambda text: finder[text])
    t = score.total
    assert (t.sentences, t.negatives, t.negatives_with_pair) == (3, 1, 1)
    assert (t.gold, t.predicted, t.found, t.reversed, t.right) == (3, 3, 1, 1, 1)
    assert t.recall == pytest.approx(1 / 3) and t.precision == pytest.approx(1 / 3)
    assert t.direction_error_rate == pytest.approx(1 / 3) and t.reversed_share == 0.5
    assert list(score.families) == ["drives", "leads_to"]
    assert score.families["leads_to"].negatives_with_pair == 1 and score.families["drives"].reversed == 1
    data = json.loads(json.dumps(score.as_dict()))
    assert [m["id"] for m in data["misses"]] == ["c001", "c002", "c003"]
    text = render(score, "set.jsonl", "a finder", misses=1)
    assert "pairs, both ends the phrase: recall  0.33 (1/3)  precision  0.33 (1/3)" in text
    assert "direction errors (pair found reversed): 1" in text
    assert "LOOSE (each end overlaps its phrase" in text and "first 1 sentences with a miss" in text


def test_nothing_found_gives_defined_figures():
    score = score_causal([NEGATIVE], lambda text: [])
    assert score.total.recall is None and score.total.precision is None and score.total.reversed_share is None


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        (DRIVEN, None),
        (CausalItem("x1", DRIVEN.text, "drives", DRIVEN.pairs), "id is not cNNN"),
        (CausalItem("c009", DRIVEN.text, "drivers", DRIVEN.pairs), "unknown cue family"),
        (CausalItem("c009", "Two  spaces.", "drives", ()), "whitespace"),
        (CausalItem("c009", DRIVEN.text, "drives", (("poverty", "Irregular migration"),)), "'poverty' does not occur"),
        (CausalItem("c009", DRIVEN.text, "drives", (("Irregular migration", "irregular migration"),)), "same phrase"),
        (CausalItem("c009", DRIVEN.text, "drives", DRIVEN.pairs * 2), "listed twice"),
        (CausalItem("c009", DRIVEN.text, "drives", (), extra_keys=("sense",)), "unknown keys"),
    ],
)
def test_item_problems(item, problem):
    problems = item_problems(item)
    assert problems == [] if problem is None else any(problem in p for p in problems), problems


def test_set_problems_counts_sentences_negatives_families_and_ids():
    problems = set_problems([DRIVEN, DRIVEN])
    assert any("only 2 sentences" in p for p in problems)
    assert any("only 0 negatives" in p for p in problems)
    assert any("id c002 is used 2 times" in p for p in problems)
    assert any("cue family leads_to has no sentence with a pair" in p for p in problems)
    assert not any("cue family drives" in p for p in problems)
    assert set_problems([DRIVEN, NEGATIVE], min_sentences=2, min_negatives=1, families=["drives"]) == [
        "cue family drives has 1 sentence(s) (at least 2)"
    ]
    assert len(CUE_FAMILIES) >= 26


def test_load_causal_set(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(
        json.dumps({"id": "c001", "text": "A causes B.", "family": "causes", "pairs": [{"cause": "A", "effect": "B"}]})
        + "\n\n"
        + json.dumps({"id": "c002", "text": "Nothing.", "family": "causes", "pairs": [], "note": "negative"})
        + "\n",
        encoding="utf-8",
    )
    items = load_causal_set(path)
    assert [i.id for i in items] == ["c001", "c002"] and items[0].pairs == (("A", "B"),) and items[1].negative
    path.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(CausalSetError, match="set.jsonl:1"):
        load_causal_set(path)
    with pytest.raises(CausalSetError, match="pairs"):
        parse_item({"id": "c001", "pairs": "A causes B"})


def test_cli_refuses_a_broken_set(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"id": "bad", "text": "x", "family": "?", "pairs": []}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["--set", str(path)])
    assert exit_info.value.code == 2


def test_importing_the_causal_scorer_does_not_import_the_extractor():
    probe = (
        "import sys, graph.evaluation.causal; "
        "print(sorted(m for m in sys.modules if m.startswith('graph.ingest')))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stderr
