"""Precision, recall and F1 of statements; causal pairs, database theme and metadata.

Pure functions on plain data: gold is a parsed ``tests/gold`` file, predictions are the
statements, links and report of a ``gmsgraph extract --format json`` object. The
statement kinds are :mod:`graph.evaluation.kinds`' (the contract's, plus ``comment``).
Format-2 gold is matched by the phrase rule of :mod:`graph.evaluation.match`
(``phrase=True``); pairs, entities and themes of format 2 are in
:mod:`~graph.evaluation.pairs`, :mod:`~graph.evaluation.entities` and
:mod:`~graph.evaluation.themes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from graph.evaluation.kinds import COMMENT, FORMAT1_KINDS, MACRO_KINDS, SCORED_KINDS
from graph.evaluation.match import (
    THRESHOLD,
    Match,
    contains_words,
    greedy_match,
    pair_partners,
    phrase_blockers,
    similarity,
    span_match,
    theme_matches,
)
from graph.evaluation.normalise import normalise

# A lenient extra row: causes and root causes pooled, for reports where the line between
# them is a judgement call.
POOLED_CAUSE = "cause+root_cause"
POOLED_KINDS: tuple[str, ...] = ("cause", "root_cause")
# The rows of a per-kind table: every scored kind, then the pooled row.
ROW_KINDS: tuple[str, ...] = (*SCORED_KINDS, POOLED_CAUSE)

Record = Mapping[str, Any]


@dataclass(frozen=True)
class PRF:
    """Counts of one comparison; a rate is None when there is nothing to divide by."""

    gold: int = 0
    predicted: int = 0
    tp: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            # Nothing predicted and nothing expected is undefined; one side empty is 0.
            if not self.gold and not self.predicted:
                return None
            return 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.gold + other.gold, self.predicted + other.predicted, self.tp + other.tp)

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def sum_prf(scores: Iterable[PRF]) -> PRF:
    """Micro-average: the counts added up."""
    return sum(scores, PRF())


def score_texts(
    gold: Sequence[str],
    predicted: Sequence[str],
    threshold: float = THRESHOLD,
    also_correct: Sequence[str] = (),
) -> PRF:
    """P/R of `predicted` against `gold`. An unmatched prediction that matches one of
    `also_correct` is neither right nor wrong: it is left out of the predicted count."""
    pairs = greedy_match(gold, predicted, threshold)
    matched = {m.predicted for m in pairs}
    excused = sum(
        1
        for j, text in enumerate(predicted)
        if j not in matched and any(span_match(other, text, threshold) for other in also_correct)
    )
    return PRF(gold=len(gold), predicted=len(predicted) - excused, tp=len(pairs))


def texts_of_kinds(statements: Iterable[Record], kinds: Iterable[str]) -> list[str]:
    """The texts of the statements whose kind is one of `kinds`, in order."""
    wanted = set(kinds)
    return [s.get("text") or "" for s in statements if s.get("kind") in wanted]


def match_kinds(
    gold_statements: Sequence[Record],
    predicted_statements: Sequence[Record],
    kinds: Sequence[str],
    threshold: float = THRESHOLD,
    *,
    pairs: Sequence[Record] = (),
) -> tuple[list[Record], list[Record], list[Match]]:
    """The gold and predicted statements of `kinds` and their one-to-one pairing under the
    phrase rule (format 2, :func:`graph.evaluation.match.phrase_similarity`), where no
    prediction may span another gold statement of the report or a pair partner (`pairs`,
    the gold causal pairs). Comments are compared with and without their reporting frame.
    """
    wanted = set(kinds)
    gold = [s for s in gold_statements if s.get("kind") in wanted]
    predicted = [s for s in predicted_statements if s.get("kind") in wanted]
    gold_texts = [s.get("text") or "" for s in gold]
    blockers = phrase_blockers(
        gold_texts,
        (s.get("text") or "" for s in gold_statements),
        pair_partners(pairs),
    )
    matches = greedy_match(
        gold_texts,
        [s.get("text") or "" for s in predicted],
        threshold,
        phrase=True,
        blockers=blockers,
        strip_frames=wanted == {COMMENT},
    )
    return gold, predicted, matches


def score_kinds(
    gold_statements: Sequence[Record],
    predicted_statements: Sequence[Record],
    threshold: float = THRESHOLD,
    clause_ends: Sequence[str] = (),
    *,
    phrase: bool = False,
    pairs: Sequence[Record] = (),
) -> dict[str, PRF]:
    """Precision/recall per statement kind, plus the pooled cause+root_cause row.

    Sentence-level gold (format 1, ``phrase=False``) is matched by :func:`score_texts`; its
    ``comment`` row stays empty (format 1 annotates no remarks, so predicted comments are
    not counted). With `clause_ends` (the cause and effect texts of the gold causal pairs),
    a predicted statement that is one of those clauses is accepted as well: the format-1
    gold annotates one statement per sentence, while splitting a causal sentence into its
    clauses is also a right answer.

    Phrase-level gold (format 2, ``phrase=True``) is matched by :func:`match_kinds`, every
    kind including ``comment``; `pairs` are the gold causal pairs (their partners block).
    """
    groups: list[tuple[str, tuple[str, ...]]] = [(kind, (kind,)) for kind in SCORED_KINDS]
    groups.append((POOLED_CAUSE, POOLED_KINDS))
    out: dict[str, PRF] = {}
    for row, kinds in groups:
        if phrase:
            gold, predicted, matches = match_kinds(gold_statements, predicted_statements, kinds, threshold, pairs=pairs)
            out[row] = PRF(gold=len(gold), predicted=len(predicted), tp=len(matches))
        elif all(k in FORMAT1_KINDS for k in kinds):
            out[row] = score_texts(
                texts_of_kinds(gold_statements, kinds),
                texts_of_kinds(predicted_statements, kinds),
                threshold,
                clause_ends,
            )
        else:
            out[row] = PRF()
    return out


def kind_errors(
    gold_statements: Sequence[Record],
    predicted_statements: Sequence[Record],
    threshold: float = THRESHOLD,
    *,
    pairs: Sequence[Record] = (),
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per scored kind (phrase rule, format 2): (gold texts no prediction matched, predicted
    texts that matched no gold statement)."""
    out = {}
    for kind in SCORED_KINDS:
        gold, predicted, matches = match_kinds(gold_statements, predicted_statements, (kind,), threshold, pairs=pairs)
        matched_g = {m.gold for m in matches}
        matched_p = {m.predicted for m in matches}
        out[kind] = (
            tuple(str(s.get("text") or "") for i, s in enumerate(gold) if i not in matched_g),
            tuple(str(s.get("text") or "") for j, s in enumerate(predicted) if j not in matched_p),
        )
    return out


def macro_f1(kinds: Mapping[str, PRF], over: Sequence[str] = MACRO_KINDS) -> float | None:
    """The mean F1 of the kinds in `over` (issue 9's six by default); a kind whose F1 is
    undefined (nothing annotated, nothing predicted) is left out; None if all are."""
    values = [f for kind in over if (f := kinds.get(kind, PRF()).f1) is not None]
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class CommentScore:
    """Of the gold comments matched by a predicted comment: how many have the right role,
    and of those whose gold names a speaker, how many name the same person."""

    matched: int = 0
    role_right: int = 0
    with_speaker: int = 0
    speaker_right: int = 0

    def __add__(self, other: CommentScore) -> CommentScore:
        return CommentScore(
            self.matched + other.matched,
            self.role_right + other.role_right,
            self.with_speaker + other.with_speaker,
            self.speaker_right + other.speaker_right,
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    """Do two speaker names name the same person? Equal, one contained in the other, or the
    same last word ("Mr Manthey", "Mr Geoff Manthey"); None only matches None."""
    g, p = normalise(gold), normalise(predicted)
    if not g or not p:
        return not g and not p
    return contains_words(g, p) or contains_words(p, g) or g.split()[-1] == p.split()[-1]


def score_comments(
    gold_statements: Sequence[Record],
    predicted_statements: Sequence[Record],
    threshold: float = THRESHOLD,
    *,
    pairs: Sequence[Record] = (),
) -> CommentScore:
    """Role and speaker agreement over the matched comments.

    The gold's ``role``/``speaker`` against the prediction's ``speaker_role`` (the contract's
    field; ``role`` is read when it is absent) and ``speaker``; roles compare normalised, so
    "group_representative" is "group representative".
    """
    gold, predicted, matches = match_kinds(gold_statements, predicted_statements, (COMMENT,), threshold, pairs=pairs)
    role_right = with_speaker = speaker_right = 0
    for m in matches:
        g, p = gold[m.gold], predicted[m.predicted]
        predicted_role = p.get("speaker_role") or p.get("role")
        role_right += normalise(g.get("role")) == normalise(predicted_role) != ""
        if g.get("speaker"):
            with_speaker += 1
            speaker_right += same_speaker(g.get("speaker"), p.get("speaker"))
    return CommentScore(len(matches), role_right, with_speaker, speaker_right)


def causal_pair_recall(
    gold_pairs: Sequence[Record],
    predicted_statements: Sequence[Record],
    predicted_links: Sequence[Record],
    threshold: float = THRESHOLD,
) -> list[bool]:
    """Per gold pair: does a CAUSES link go from its cause to its effect?"""
    by_id = {s.get("id"): s.get("text") or "" for s in predicted_statements}
    links = [
        (by_id.get(link.get("source"), ""), by_id.get(link.get("target"), ""))
        for link in predicted_links
        if link.get("type") == "CAUSES"
    ]
    return [
        any(
            span_match(pair["cause"], src, threshold) and span_match(pair["effect"], tgt, threshold)
            for src, tgt in links
        )
        for pair in gold_pairs
    ]


@dataclass(frozen=True)
class ThemeScore:
    """Recall of the gold database mentions; precision of the theme's statements."""

    tagged_any: bool = False  # did the extraction tag any statement with any theme?
    gold: int = 0
    recalled: int = 0
    predicted: int = 0
    correct: int = 0
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    @property
    def recall(self) -> float | None:
        return self.recalled / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    def __add__(self, other: ThemeScore) -> ThemeScore:
        return ThemeScore(
            tagged_any=self.tagged_any or other.tagged_any,
            gold=self.gold + other.gold,
            recalled=self.recalled + other.recalled,
            predicted=self.predicted + other.predicted,
            correct=self.correct + other.correct,
            missed=self.missed + other.missed,
            spurious=self.spurious + other.spurious,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "recall": self.recall,
            "precision": self.precision,
        }


def score_database_theme(
    gold: Record,
    predicted_statements: Sequence[Record],
    theme_id: str | None = None,
    threshold: float = THRESHOLD,
) -> ThemeScore:
    """Recall over ``database_mentions``; precision over the statements with the theme.

    A gold mention is recalled when some predicted statement (any kind) that matches its
    text carries the theme. A tagged statement is correct when it matches a
    ``database_mentions`` or a ``data_sharing_mentions`` entry.
    """
    mentions = list(gold.get("database_mentions", ()))
    lenient = [normalise(m) for m in (*mentions, *gold.get("data_sharing_mentions", ()))]
    preds = [(normalise(s.get("text") or ""), s) for s in predicted_statements]
    tagged = [(p, s) for p, s in preds if theme_matches(s.get("themes"), theme_id)]
    missed = tuple(
        m for m in mentions if not any(similarity(normalise(m), p, normalised=True) >= threshold for p, _ in tagged)
    )
    spurious = tuple(
        s.get("text") or ""
        for p, s in tagged
        if not any(similarity(m, p, normalised=True) >= threshold for m in lenient)
    )
    return ThemeScore(
        tagged_any=any(s.get("themes") for s in predicted_statements),
        gold=len(mentions),
        recalled=len(mentions) - len(missed),
        predicted=len(tagged),
        correct=len(tagged) - len(spurious),
        missed=missed,
        spurious=spurious,
    )


_COUNTRY_ALIASES = {
    "laos": "lao",
    "lao pdr": "lao",
    "lao people s democratic republic": "lao",
    "viet nam": "vietnam",
    "socialist republic of viet nam": "vietnam",
    "kingdom of cambodia": "cambodia",
    "kingdom of thailand": "thailand",
    "people s republic of china": "china",
    "prc": "china",
    "burma": "myanmar",
}


def country_key(value: str | None) -> str:
    """One spelling per country: "Lao PDR", "Laos" -> "lao"; "Viet Nam" -> "vietnam"."""
    n = normalise(value)
    return _COUNTRY_ALIASES.get(n, n)


def metadata_field_right(key: str, expected: Any, got: Any, threshold: float = THRESHOLD) -> bool:
    """Is one predicted metadata field right?

    Dates exactly (first 10 characters), country through aliases, other fields by text
    match or containment; an expected None needs a predicted None.
    """
    if expected is None:
        return got is None
    if got is None:
        return False
    if key.endswith("_date"):
        return str(got)[:10] == str(expected)
    if key == "country":
        return country_key(got) == country_key(expected)
    g, p = normalise(expected), normalise(got)
    return similarity(g, p, normalised=True) >= threshold or contains_words(p, g) or contains_words(g, p)


def score_metadata(gold_meta: Record, predicted_meta: Record, threshold: float = THRESHOLD) -> dict[str, bool]:
    """Every gold metadata field: right or not (see :func:`metadata_field_right`)."""
    return {
        key: metadata_field_right(key, expected, predicted_meta.get(key), threshold)
        for key, expected in gold_meta.items()
    }
