"""The causal test set's own integrity (tests/causal/causal_set.jsonl), sentence by sentence.

These tests check the set, never the extractor: its score on the set is a benchmark figure
(`python bench/causal_score.py`), not a test.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.evaluation.causal import (
    CUE_FAMILIES,
    MIN_NEGATIVES,
    MIN_SENTENCES,
    item_problems,
    load_causal_set,
    set_problems,
)

SET = Path(__file__).resolve().parent / "causal_set.jsonl"
ITEMS = load_causal_set(SET) if SET.exists() else []
pytestmark = pytest.mark.skipif(not ITEMS, reason=f"no causal set at {SET}")


@pytest.mark.parametrize("item", ITEMS, ids=[item.id for item in ITEMS])
def test_sentence(item):
    assert item_problems(item) == []
    assert item.family in CUE_FAMILIES
    for cause, effect in item.pairs:
        assert cause in item.text and effect in item.text  # both ends are phrases of the sentence
        assert cause != effect
    assert len(set(item.pairs)) == len(item.pairs)


def test_every_line_is_json_with_the_known_keys():
    for number, line in enumerate(SET.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            data = json.loads(line)
            assert {"id", "text", "family", "pairs"} <= data.keys() <= {"id", "text", "family", "pairs", "note"}, number


def test_ids_are_unique():
    counts = Counter(item.id for item in ITEMS)
    assert [i for i, n in counts.items() if n > 1] == []


def test_size_and_negatives():
    assert len(ITEMS) >= MIN_SENTENCES == 150
    assert sum(item.negative for item in ITEMS) >= MIN_NEGATIVES == 30


@pytest.mark.parametrize("family", sorted(CUE_FAMILIES))
def test_every_cue_family_is_covered(family):
    members = [item for item in ITEMS if item.family == family]
    assert any(item.pairs for item in members), f"{family}: no sentence with a pair"
    assert len(members) >= 2, f"{family}: {len(members)} sentence(s)"


def test_the_set_has_no_problem_at_all():
    assert set_problems(ITEMS) == []
