"""Whether two texts stand for the same statement.

:func:`similarity` of two normalised texts (see :mod:`graph.evaluation.normalise`) is
the larger of

* ``rapidfuzz.fuzz.token_sort_ratio`` (word order ignored, extra words penalised), and
* ``rapidfuzz.fuzz.token_set_ratio`` (one text's words contained in the other's scores
  100), counted only when the shorter text has at least ``MIN_LENGTH_RATIO`` (half) of
  the longer one's words, so that a whole paragraph does not match each of its
  sentences.

Two texts match when their similarity is at least the threshold (default ``THRESHOLD`` =
80). Predicted and gold statements of one kind are paired one-to-one, greedily, best
similarity first (:func:`greedy_match`); an unpaired prediction is a false positive, an
unpaired gold statement a false negative.

Cause and effect halves of a causal pair are clauses, and an extractor may keep a longer
statement, so a half also matches when one normalised text occurs inside the other on
word boundaries (:func:`span_match`).

A predicted statement "is" a not-statement (caption, footnote, page furniture, speaker
name) when their ``token_sort_ratio`` reaches the threshold (the subset-friendly
``token_set_ratio`` is not used here: a footnote often repeats words of the sentence it
annotates), or when a not-statement of at least ``CONTAINMENT_MIN_TOKENS`` words occurs
inside it (a caption glued into a sentence), see :func:`is_not_statement`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from graph.evaluation.normalise import normalise

THRESHOLD = 80.0
MIN_LENGTH_RATIO = 0.5
CONTAINMENT_MIN_TOKENS = 4


class Match(NamedTuple):
    """One gold statement paired with one prediction."""

    gold: int  # index into the gold texts
    predicted: int  # index into the predicted texts
    similarity: float


def _length_ratio(a: str, b: str) -> float:
    la, lb = len(a.split()), len(b.split())
    if not la or not lb:
        return 0.0
    return min(la, lb) / max(la, lb)


def similarity(a: str, b: str, *, normalised: bool = False) -> float:
    """0–100 similarity of two texts under the documented rule."""
    if not normalised:
        a, b = normalise(a), normalise(b)
    if not a or not b:
        return 0.0
    score = fuzz.token_sort_ratio(a, b)
    if _length_ratio(a, b) >= MIN_LENGTH_RATIO:
        score = max(score, fuzz.token_set_ratio(a, b))
    return float(score)


def contains_words(haystack: str, needle: str) -> bool:
    """Does normalised `needle` occur in normalised `haystack` on word boundaries?"""
    if not haystack or not needle:
        return False
    return f" {needle} " in f" {haystack} "


def span_match(gold: str, predicted: str, threshold: float = THRESHOLD) -> bool:
    """Does a predicted statement text stand for a gold cause or effect clause?"""
    g, p = normalise(gold), normalise(predicted)
    if not g or not p:
        return False
    return similarity(g, p, normalised=True) >= threshold or contains_words(p, g) or contains_words(g, p)


def greedy_match(gold: Sequence[str], predicted: Sequence[str], threshold: float = THRESHOLD) -> list[Match]:
    """One-to-one pairs ``(gold_index, predicted_index, similarity)``, best first.

    Ties are broken by position, so the result is deterministic; it is sorted by gold
    index.
    """
    ng = [normalise(t) for t in gold]
    npred = [normalise(t) for t in predicted]
    candidates = [
        (s, i, j)
        for i, g in enumerate(ng)
        for j, p in enumerate(npred)
        if (s := similarity(g, p, normalised=True)) >= threshold
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[Match] = []
    for s, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append(Match(i, j, s))
    pairs.sort()
    return pairs


def is_not_statement(text: str, not_statements: Iterable[str], threshold: float = THRESHOLD) -> str | None:
    """The not-statement that a predicted statement is (or swallowed), else None."""
    p = normalise(text)
    if not p:
        return None
    for ns in not_statements:
        n = normalise(ns)
        if not n:
            continue
        if fuzz.token_sort_ratio(n, p) >= threshold:
            return ns
        if len(n.split()) >= CONTAINMENT_MIN_TOKENS and contains_words(p, n):
            return ns
    return None


def theme_matches(themes: Iterable[Any] | None, theme_id: str | None) -> bool:
    """Does a statement carry the database theme?

    ``theme_id`` None means "any theme whose id contains 'data'"; otherwise the id must
    be equal. Themes may be ``{"id": ..., "evidence": ...}`` dicts or plain id strings.
    """
    for t in themes or ():
        tid = t.get("id") if isinstance(t, dict) else str(t)
        if tid is None:
            continue
        if theme_id is None:
            if "data" in str(tid).lower():
                return True
        elif tid == theme_id:
            return True
    return False
