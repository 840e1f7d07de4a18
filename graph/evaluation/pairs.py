"""Cause→effect pairs of phrase-level gold (format 2) against the predicted CAUSES links.

Each gold pair is looked for among the predicted CAUSES links (their ends' statement texts):

* **strict** (the figure issue 9's target is about): a link whose source matches the gold
  cause and whose target matches the gold effect under the phrase rule
  (:func:`graph.evaluation.match.phrase_match`), so an end that is the whole host sentence
  does not count;
* **loose** ("each end overlaps", clearly not the target's measure): a link whose source
  overlaps the cause and whose target overlaps the effect
  (:func:`graph.evaluation.match.overlaps`: a fuzzy match, or one text containing the
  other, so a whole host sentence counts);
* **reversed**: not found in its direction under that rule, but found with source and
  target swapped (a direction error).

Links: how many predicted CAUSES links strictly stand for some gold pair. The gold annotates
explicit, cue-marked claims only, so a link from the structure of a problem tree is not a
gold pair without being wrong: ``links_right / links`` is a lower bound of precision (the
causal test set, :mod:`graph.evaluation.causal`, measures precision).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.evaluation.match import THRESHOLD, overlaps, pair_partners, phrase_blockers, phrase_match

Record = Mapping[str, Any]
Ends = tuple[str, str]


@dataclass(frozen=True)
class PairScore:
    """Per gold pair (in gold order): found strictly, loosely, reversed; and link counts."""

    strict: tuple[bool, ...] = ()
    loose: tuple[bool, ...] = ()
    reversed_strict: tuple[bool, ...] = ()
    reversed_loose: tuple[bool, ...] = ()
    links: int = 0  # predicted CAUSES links
    links_right: int = 0  # of which strictly stand for a gold pair
    missed: tuple[Ends, ...] = ()  # gold pairs not found strictly

    @property
    def gold(self) -> int:
        return len(self.strict)

    @property
    def recall(self) -> float | None:
        return sum(self.strict) / self.gold if self.gold else None

    @property
    def loose_recall(self) -> float | None:
        return sum(self.loose) / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        """Share of the predicted CAUSES links that are a gold pair: a lower bound of
        precision, since the gold has no pairs from the structure of a tree."""
        return self.links_right / self.links if self.links else None

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(
            self.strict + other.strict,
            self.loose + other.loose,
            self.reversed_strict + other.reversed_strict,
            self.reversed_loose + other.reversed_loose,
            self.links + other.links,
            self.links_right + other.links_right,
            self.missed + other.missed,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "recalled": sum(self.strict),
            "recall": self.recall,
            "reversed": sum(self.reversed_strict),
            "loose_recalled": sum(self.loose),
            "loose_recall": self.loose_recall,
            "loose_reversed": sum(self.reversed_loose),
            "links": self.links,
            "links_right": self.links_right,
            "links_right_share": self.precision,
            "missed": [list(m) for m in self.missed],
        }


def causes_links(predicted_statements: Sequence[Record], predicted_links: Sequence[Record]) -> list[Ends]:
    """(source text, target text) of every predicted CAUSES link; a dangling id gives ""."""
    by_id = {s.get("id"): s.get("text") or "" for s in predicted_statements}
    return [
        (by_id.get(link.get("source"), ""), by_id.get(link.get("target"), ""))
        for link in predicted_links
        if link.get("type") == "CAUSES"
    ]


def _found(gold: Ends, links: Sequence[Ends], same: Callable[[int, str], bool]) -> tuple[bool, bool]:
    """(found in its direction, found only reversed) under the end test `same(end, text)`,
    where end 0 is the cause and 1 the effect."""
    forward = any(same(0, src) and same(1, tgt) for src, tgt in links)
    backward = not forward and any(same(0, tgt) and same(1, src) for src, tgt in links)
    return forward, backward


def score_pairs(
    gold_pairs: Sequence[Record],
    gold_statements: Sequence[Record],
    predicted_statements: Sequence[Record],
    predicted_links: Sequence[Record],
    threshold: float = THRESHOLD,
) -> PairScore:
    """Strict, loose and reversed recall of the gold pairs; strict precision of the links.

    `gold_statements` give the blockers of the phrase rule (another gold statement spanned
    by a link end, or the pair's own other half, makes the end not the phrase).
    """
    links = causes_links(predicted_statements, predicted_links)
    pairs = [(str(p.get("cause") or ""), str(p.get("effect") or "")) for p in gold_pairs]
    ends = sorted({end for pair in pairs for end in pair})
    blocking = dict(
        zip(
            ends,
            phrase_blockers(ends, (s.get("text") or "" for s in gold_statements), pair_partners(gold_pairs)),
            strict=True,
        )
    )

    def strict_end(pair: Ends) -> Callable[[int, str], bool]:
        return lambda i, text: phrase_match(pair[i], text, threshold, blocking[pair[i]])

    def loose_end(pair: Ends) -> Callable[[int, str], bool]:
        return lambda i, text: overlaps(pair[i], text, threshold)

    strict, loose = [], []
    for pair in pairs:
        strict.append(_found(pair, links, strict_end(pair)))
        loose.append(_found(pair, links, loose_end(pair)))
    right = sum(
        1
        for src, tgt in links
        if any(strict_end(pair)(0, src) and strict_end(pair)(1, tgt) for pair in pairs)
    )
    return PairScore(
        strict=tuple(f for f, _ in strict),
        loose=tuple(f for f, _ in loose),
        reversed_strict=tuple(r for _, r in strict),
        reversed_loose=tuple(r for _, r in loose),
        links=len(links),
        links_right=right,
        missed=tuple(pair for pair, (f, _) in zip(pairs, strict, strict=True) if not f),
    )

