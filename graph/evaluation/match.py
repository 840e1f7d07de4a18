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

**Phrase-level gold (format 2).** The gold of format 2 annotates phrases: one cause, one effect,
one enumeration item per statement. Three rules keep a prediction that swallows its neighbours,
or keeps only part of its phrase, from matching (:func:`phrase_match`, :func:`greedy_match`
with ``phrase=True``):

* the subset-friendly ``token_set_ratio`` counts only when the shorter text has at least
  ``PHRASE_MIN_LENGTH_RATIO`` (0.8) of the longer one's words, so a prediction matches a gold
  phrase through it only with at most a quarter more words; ``token_sort_ratio`` still
  tolerates a small difference (an article, a vote count, a reworded word);
* a prediction made only of words of the gold phrase but fewer of them (a part of it: "Young
  women in the border provinces" for "Young women in the border provinces have few jobs")
  matches only with at least ``PHRASE_MIN_LENGTH_RATIO`` of its words, whatever the fuzzy
  score (see :func:`phrase_similarity`);
* a prediction that, beside the gold phrase, also contains another gold statement of the
  report (one of at least ``BLOCKER_MIN_TOKENS`` words that is not itself inside the gold
  phrase, or the gold phrase's own causal-pair partner of any length) spans two nodes and
  matches neither: "Victims hide their experience because of stigma" is not the effect
  "Victims hide their experience".

Comments (``strip_frames``) are compared with and without their reporting frame ("Mr Manthey
suggested that"), the best similarity counting. The loose rule of format-2 pairs and themes is
:func:`overlaps`.

A predicted statement "is" a not-statement (caption, footnote, page furniture, speaker
name) when their ``token_sort_ratio`` reaches the threshold (the subset-friendly
``token_set_ratio`` is not used here: a footnote often repeats words of the sentence it
annotates), or when a not-statement of at least ``CONTAINMENT_MIN_TOKENS`` words occurs
inside it (a caption glued into a sentence), see :func:`is_not_statement`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from graph.evaluation.normalise import normalise, strip_reporting_frame

THRESHOLD = 80.0
MIN_LENGTH_RATIO = 0.5
PHRASE_MIN_LENGTH_RATIO = 0.8
BLOCKER_MIN_TOKENS = 2
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


def similarity(
    a: str,
    b: str,
    *,
    normalised: bool = False,
    min_length_ratio: float = MIN_LENGTH_RATIO,
) -> float:
    """0–100 similarity of two texts under the documented rule.

    `min_length_ratio` is the length ratio from which the subset-friendly
    ``token_set_ratio`` counts: ``MIN_LENGTH_RATIO`` for sentence-level gold (format 1),
    ``PHRASE_MIN_LENGTH_RATIO`` for phrase-level gold (format 2).
    """
    if not normalised:
        a, b = normalise(a), normalise(b)
    if not a or not b:
        return 0.0
    score = fuzz.token_sort_ratio(a, b)
    if _length_ratio(a, b) >= min_length_ratio:
        score = max(score, fuzz.token_set_ratio(a, b))
    return float(score)


def phrase_similarity(gold: str, predicted: str, *, normalised: bool = False) -> float:
    """0–100 similarity of a prediction to a phrase-level gold text (format 2).

    :func:`similarity` with ``PHRASE_MIN_LENGTH_RATIO``; but a prediction whose words are all
    words of the gold text, fewer of them, is a part of it, and scores 0 unless it keeps at
    least ``PHRASE_MIN_LENGTH_RATIO`` of the gold's words.
    """
    if not normalised:
        gold, predicted = normalise(gold), normalise(predicted)
    g, p = gold.split(), predicted.split()
    if len(p) < len(g) and not Counter(p) - Counter(g) and len(p) < PHRASE_MIN_LENGTH_RATIO * len(g):
        return 0.0
    return similarity(gold, predicted, normalised=True, min_length_ratio=PHRASE_MIN_LENGTH_RATIO)


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


def spans_another(gold: str, predicted: str, blockers: Iterable[str]) -> str | None:
    """The blocker that normalised `predicted` contains beside normalised `gold`, else None.

    A blocker inside the gold text itself (a cause named inside the whole problem item)
    does not count: only a statement the gold text does not cover makes the prediction
    span two nodes.
    """
    for blocker in blockers:
        if blocker and not contains_words(gold, blocker) and contains_words(predicted, blocker):
            return blocker
    return None


def phrase_blockers(
    texts: Sequence[str],
    statements: Iterable[str],
    partners: Mapping[str, Collection[str]] | None = None,
) -> list[frozenset[str]]:
    """For each gold text, the normalised gold statements a matching prediction must not span.

    `statements` are the texts of every gold statement of the report; those of at least
    ``BLOCKER_MIN_TOKENS`` words block (a one-word statement such as "trafficking" occurs
    in too many sentences by chance). `partners` maps a normalised gold text to the
    normalised texts of its causal-pair partners, which block whatever their length.
    """
    common = frozenset(n for t in statements if len((n := normalise(t)).split()) >= BLOCKER_MIN_TOKENS)
    partners = partners or {}
    out = []
    for text in texts:
        n = normalise(text)
        out.append(frozenset(b for b in common | frozenset(partners.get(n, ())) if b != n))
    return out


def pair_partners(pairs: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Normalised text -> the normalised texts it is paired with in the gold causal pairs."""
    partners: dict[str, set[str]] = {}
    for pair in pairs:
        cause, effect = normalise(pair.get("cause")), normalise(pair.get("effect"))
        if cause and effect:
            partners.setdefault(cause, set()).add(effect)
            partners.setdefault(effect, set()).add(cause)
    return partners


def phrase_match(
    gold: str,
    predicted: str,
    threshold: float = THRESHOLD,
    blockers: Collection[str] = (),
) -> bool:
    """Does a prediction stand for a phrase-level gold statement (format 2)?

    :func:`phrase_similarity` at least `threshold`, and no blocker (see
    :func:`phrase_blockers`) spanned beside the gold phrase.
    """
    g, p = normalise(gold), normalise(predicted)
    if not g or not p:
        return False
    if phrase_similarity(g, p, normalised=True) < threshold:
        return False
    return spans_another(g, p, blockers) is None


def _variants(text: str, strip_frames: bool) -> tuple[str, ...]:
    n = normalise(text)
    if not strip_frames:
        return (n,)
    stripped = normalise(strip_reporting_frame(text))
    return (n,) if stripped == n else (n, stripped)


def greedy_match(
    gold: Sequence[str],
    predicted: Sequence[str],
    threshold: float = THRESHOLD,
    *,
    phrase: bool = False,
    blockers: Sequence[Collection[str]] | None = None,
    strip_frames: bool = False,
) -> list[Match]:
    """One-to-one pairs ``(gold_index, predicted_index, similarity)``, best first.

    `phrase` scores by :func:`phrase_similarity` (format 2) instead of :func:`similarity`.
    With `blockers` (one collection of normalised texts per gold text, see
    :func:`phrase_blockers`), a prediction that spans one of gold text i's blockers does
    not match gold text i. With `strip_frames` (comments), each text is compared with and
    without its reporting frame (:func:`~graph.evaluation.normalise.strip_reporting_frame`)
    and the best similarity counts. Ties are broken by position, so the result is
    deterministic; it is sorted by gold index.
    """
    ng = [_variants(t, strip_frames) for t in gold]
    npred = [_variants(t, strip_frames) for t in predicted]

    def score(g: str, p: str) -> float:
        return phrase_similarity(g, p, normalised=True) if phrase else similarity(g, p, normalised=True)

    candidates = []
    for i, gs in enumerate(ng):
        for j, ps in enumerate(npred):
            s = max(score(g, p) for g in gs for p in ps)
            if s < threshold:
                continue
            if blockers is not None and spans_another(gs[0], ps[0], blockers[i]) is not None:
                continue
            candidates.append((s, i, j))
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


def overlaps(gold: str, predicted: str, threshold: float = THRESHOLD) -> bool:
    """The loose rule: a prediction overlaps a gold phrase when it matches it or one contains
    the other on word boundaries (a whole host sentence overlaps each of its phrases)."""
    return span_match(gold, predicted, threshold)


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
