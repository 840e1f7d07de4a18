"""Entities of format-2 gold (organisations, laws and instruments) against predicted entities.

A gold entity is one node with a canonical ``name`` and the ``aliases`` the report uses for
it ("the National Referral Office (NRO)", "the NRO"). A predicted entity matches a gold
entity of the same kind when its name, compared as :func:`~graph.evaluation.normalise.entity_key`
(normalised, without a leading article or a year), equals the key of the gold name or of one of its
aliases. Pairing is one-to-one, predictions in order, a gold entity matched by its name
before one matched by an alias: a second prediction of the same gold entity (the acronym and
its long form as two nodes) is a false positive, so the figure rewards one node per entity.
For matched laws with a gold year, :attr:`EntityScore.year_right` counts the predicted years
that agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.evaluation.kinds import ENTITY_KINDS
from graph.evaluation.metrics import PRF
from graph.evaluation.normalise import entity_key

Record = Mapping[str, Any]


@dataclass(frozen=True)
class EntityScore:
    """P/R/F1 counts of one entity kind, the names behind the errors, and years."""

    counts: PRF = PRF()
    missed: tuple[str, ...] = ()  # gold names no prediction matched
    spurious: tuple[str, ...] = ()  # predicted names that matched no gold entity (or a matched one again)
    with_year: int = 0  # matched gold entities with a year
    year_right: int = 0

    def __add__(self, other: EntityScore) -> EntityScore:
        return EntityScore(
            self.counts + other.counts,
            self.missed + other.missed,
            self.spurious + other.spurious,
            self.with_year + other.with_year,
            self.year_right + other.year_right,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.counts.as_dict(),
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "with_year": self.with_year,
            "year_right": self.year_right,
        }


def gold_keys(entity: Record) -> tuple[str, frozenset[str]]:
    """(key of the canonical name, keys of the name and every alias) of a gold entity."""
    name = entity_key(entity.get("name"))
    aliases = {entity_key(a) for a in entity.get("aliases") or () if isinstance(a, str)}
    return name, frozenset({name, *aliases} - {""})


def match_entities(gold: Sequence[Record], predicted: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, in prediction order."""
    keys = [gold_keys(e) for e in gold]
    used: set[int] = set()
    pairs = []
    for j, p in enumerate(predicted):
        key = entity_key(p.get("name"))
        if not key:
            continue
        free = [i for i in range(len(gold)) if i not in used and key in keys[i][1]]
        if not free:
            continue
        i = next((i for i in free if keys[i][0] == key), free[0])
        used.add(i)
        pairs.append((i, j))
    return pairs


def score_entity_kind(gold_entities: Sequence[Record], predicted_entities: Sequence[Record], kind: str) -> EntityScore:
    """The gold and predicted entities of one kind, compared."""
    gold = [e for e in gold_entities if e.get("kind") == kind]
    predicted = [e for e in predicted_entities if e.get("kind") == kind]
    pairs = match_entities(gold, predicted)
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    dated = [(gold[i], predicted[j]) for i, j in pairs if gold[i].get("year") is not None]
    return EntityScore(
        counts=PRF(gold=len(gold), predicted=len(predicted), tp=len(pairs)),
        missed=tuple(str(e.get("name")) for i, e in enumerate(gold) if i not in matched_g),
        spurious=tuple(str(e.get("name")) for j, e in enumerate(predicted) if j not in matched_p),
        with_year=len(dated),
        year_right=sum(1 for g, p in dated if p.get("year") == g.get("year")),
    )


def score_entities(
    gold_entities: Sequence[Record],
    predicted_entities: Sequence[Record],
    kinds: Sequence[str] = ENTITY_KINDS,
) -> dict[str, EntityScore]:
    """Per entity kind (organisation, law): see :func:`score_entity_kind`."""
    return {kind: score_entity_kind(gold_entities, predicted_entities, kind) for kind in kinds}
