"""Matching and scoring of extracted statements against the hand annotations in ``tests/gold``.

Pure functions on plain data (stdlib + rapidfuzz, and the kinds from ``graph.contract``); nothing
here imports ``graph.ingest``, so the scorer stays independent of the extractor it measures.

The matching rule
-----------------
Texts are compared after :func:`normalise`: Unicode NFKC, the corpus's PDF mojibake repaired only if
the text shows it, a leading list marker (``1.``, ``1)``, ``a.``, ``(a)``, ``i)``, ``•``, ``-``...) dropped,
lower-cased, every run of non-alphanumeric characters turned into one space.

:func:`similarity` of two normalised texts is the larger of

* ``rapidfuzz.fuzz.token_sort_ratio`` (word order ignored, extra words penalised), and
* ``rapidfuzz.fuzz.token_set_ratio`` (one text's words contained in the other's scores 100), counted only
  when the shorter text has at least ``MIN_LENGTH_RATIO`` (half) of the longer one's words, so that a
  whole paragraph does not match each of its sentences.

Two texts match when their similarity is at least the threshold (default ``THRESHOLD`` = 80).
Predicted and gold statements of one kind are paired one-to-one, greedily, best similarity first
(:func:`greedy_match`); an unpaired prediction is a false positive, an unpaired gold statement a
false negative.

Cause and effect halves of a causal pair are clauses, and an extractor may keep a longer statement, so a
half also matches when one normalised text occurs inside the other on word boundaries
(:func:`span_match`).

A predicted statement "is" a not-statement (caption, footnote, page furniture, speaker name) when
their ``token_sort_ratio`` reaches the threshold (the subset-friendly ``token_set_ratio`` is not used
here: a footnote often repeats words of the sentence it annotates), or when a not-statement of at least ``CONTAINMENT_MIN_TOKENS`` words
occurs inside it (a caption glued into a sentence), see :func:`is_not_statement`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz

THRESHOLD = 80.0
MIN_LENGTH_RATIO = 0.5
CONTAINMENT_MIN_TOKENS = 4

# The kinds come from the contract itself (graph.contract holds no extraction code).
from graph.contract import STATEMENT_KINDS  # noqa: E402
# A lenient extra row: causes and root causes pooled, for reports where the line between them is a
# judgement call.
POOLED_CAUSE = "cause+root_cause"

_MOJIBAKE = str.maketrans({"ô": "’", "ó": "‘", "ñ": "“", "ò": "”", "ï": "–", "Å": "•", "¶": "•"})
# Apostrophes as in "donôt", "Projectôs", quotes as in "óvaluesô" or "ñproblem treesò".
_MOJIBAKE_SIGNATURE = re.compile(r"[a-z]ô(?:s|t|re|ve|ll|d|m)\b|ó\w[^ó\n]{0,60}ô|ñ\w[^ñ\n]{0,80}ò")
_MARKER = re.compile(
    r"^\s*(?:"
    r"\(?\d{1,2}[.)](?!\d)"  # 1.  1)  (1)
    r"|\(?[a-zA-Z][.)](?=\s)"  # a.  a)  (a)  A.
    r"|\(?(?:[ivxIVX]{1,5})[.)](?=\s)"  # i)  ii.  (iv)
    r"|[•·▪◦●○■□\-–—*¶Å]"  # bullets
    r")\s*"
)


def repair_mojibake(text: str) -> str:
    """Repair the corpus's PDF-font mojibake, but only when the text shows its signature."""
    if _MOJIBAKE_SIGNATURE.search(text):
        return text.translate(_MOJIBAKE)
    return text


def strip_marker(text: str) -> str:
    """Drop one leading list marker such as ``1.``, ``a)``, ``(iv)``, ``•`` or ``-``."""
    return _MARKER.sub("", text, count=1)


def normalise(text: str | None) -> str:
    """Lower-case words and digits separated by single spaces; see the module docstring."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = repair_mojibake(text)
    text = strip_marker(text)
    text = text.lower()
    text = re.sub(r"[^\w]+|_", " ", text)
    return " ".join(text.split())


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
    """True when normalised ``needle`` occurs in normalised ``haystack`` on word boundaries."""
    if not haystack or not needle:
        return False
    return f" {needle} " in f" {haystack} "


def span_match(gold: str, predicted: str, threshold: float = THRESHOLD) -> bool:
    """Does a predicted statement text stand for a gold cause or effect clause?"""
    g, p = normalise(gold), normalise(predicted)
    if not g or not p:
        return False
    return (
        similarity(g, p, normalised=True) >= threshold
        or contains_words(p, g)
        or contains_words(g, p)
    )


def greedy_match(
    gold: Sequence[str], predicted: Sequence[str], threshold: float = THRESHOLD
) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold_index, predicted_index, similarity)``, best similarity first.

    Ties are broken by position, so the result is deterministic.
    """
    ng = [normalise(t) for t in gold]
    npred = [normalise(t) for t in predicted]
    candidates: list[tuple[float, int, int]] = []
    for i, g in enumerate(ng):
        for j, p in enumerate(npred):
            s = similarity(g, p, normalised=True)
            if s >= threshold:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for s, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j, s))
    pairs.sort()
    return pairs


@dataclass
class PRF:
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
            # Nothing predicted and nothing expected is perfect; one side empty is 0.
            if not self.gold and not self.predicted:
                return None
            return 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: PRF) -> PRF:
        self.gold += other.gold
        self.predicted += other.predicted
        self.tp += other.tp
        return self

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


def score_texts(gold: Sequence[str], predicted: Sequence[str], threshold: float = THRESHOLD,
                also_correct: Sequence[str] = ()) -> PRF:
    """P/R of `predicted` against `gold`. An unmatched prediction that matches one of
    `also_correct` is neither right nor wrong: it is left out of the predicted count."""
    pairs = greedy_match(gold, predicted, threshold)
    matched = {j for _, j, _ in pairs}
    excused = sum(
        1 for j, text in enumerate(predicted)
        if j not in matched and any(span_match(other, text, threshold) for other in also_correct)
    )
    return PRF(gold=len(gold), predicted=len(predicted) - excused, tp=len(pairs))


def _texts(statements: Iterable[dict[str, Any]], kinds: Iterable[str]) -> list[str]:
    wanted = set(kinds)
    return [s.get("text") or "" for s in statements if s.get("kind") in wanted]


def score_kinds(
    gold_statements: Sequence[dict[str, Any]],
    predicted_statements: Sequence[dict[str, Any]],
    threshold: float = THRESHOLD,
    clause_ends: Sequence[str] = (),
) -> dict[str, PRF]:
    """Precision/recall per statement kind, plus the pooled cause+root_cause row.

    With `clause_ends` (the cause and effect texts of the gold causal pairs), a predicted
    statement that is one of those clauses is accepted as well: the gold annotates one statement
    per sentence, while splitting a causal sentence into its clauses is also a right answer.
    """
    out: dict[str, PRF] = {}
    for kind in STATEMENT_KINDS:
        out[kind] = score_texts(
            _texts(gold_statements, [kind]), _texts(predicted_statements, [kind]), threshold, clause_ends
        )
    pooled = ("cause", "root_cause")
    out[POOLED_CAUSE] = score_texts(
        _texts(gold_statements, pooled), _texts(predicted_statements, pooled), threshold, clause_ends
    )
    return out


def causal_pair_recall(
    gold_pairs: Sequence[dict[str, Any]],
    predicted_statements: Sequence[dict[str, Any]],
    predicted_links: Sequence[dict[str, Any]],
    threshold: float = THRESHOLD,
) -> list[bool]:
    """For each gold pair: is there a CAUSES link whose source matches the cause and target the effect?"""
    by_id = {s.get("id"): s.get("text") or "" for s in predicted_statements}
    links = [
        (by_id.get(link.get("source"), ""), by_id.get(link.get("target"), ""))
        for link in predicted_links
        if link.get("type") == "CAUSES"
    ]
    found = []
    for pair in gold_pairs:
        found.append(
            any(
                span_match(pair["cause"], src, threshold) and span_match(pair["effect"], tgt, threshold)
                for src, tgt in links
            )
        )
    return found


def is_not_statement(text: str, not_statements: Sequence[str], threshold: float = THRESHOLD) -> str | None:
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


def theme_matches(themes: Iterable[Any], theme_id: str | None) -> bool:
    """Does a statement carry the database theme?

    ``theme_id`` None means "any theme whose id contains 'data'"; otherwise the id must be equal.
    Themes may be ``{"id": ..., "evidence": ...}`` dicts or plain id strings.
    """
    for t in themes or ():
        tid = t.get("id") if isinstance(t, dict) else str(t)
        if tid is None:
            continue
        if theme_id is None:
            if "data" in tid.lower():
                return True
        elif tid == theme_id:
            return True
    return False


@dataclass
class ThemeScore:
    tagged_any: bool = False  # did the extraction tag any statement with any theme?
    gold: int = 0
    recalled: int = 0
    predicted: int = 0
    correct: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.recalled / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    def __iadd__(self, other: ThemeScore) -> ThemeScore:
        self.tagged_any = self.tagged_any or other.tagged_any
        self.gold += other.gold
        self.recalled += other.recalled
        self.predicted += other.predicted
        self.correct += other.correct
        self.missed += other.missed
        self.spurious += other.spurious
        return self

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "recall": self.recall, "precision": self.precision}


def score_database_theme(
    gold: dict[str, Any],
    predicted_statements: Sequence[dict[str, Any]],
    theme_id: str | None = None,
    threshold: float = THRESHOLD,
) -> ThemeScore:
    """Recall over ``database_mentions``; precision over statements tagged with the theme.

    A gold mention is recalled when some predicted statement (any kind) that matches its text carries the
    theme. A tagged statement is correct when it matches a ``database_mentions`` or a
    ``data_sharing_mentions`` entry.
    """
    mentions = list(gold.get("database_mentions", ()))
    lenient = mentions + list(gold.get("data_sharing_mentions", ()))
    preds = [(normalise(s.get("text") or ""), s) for s in predicted_statements]
    out = ThemeScore(tagged_any=any(s.get("themes") for s in predicted_statements))
    out.gold = len(mentions)
    for m in mentions:
        nm = normalise(m)
        if any(
            theme_matches(s.get("themes"), theme_id) and similarity(nm, p, normalised=True) >= threshold
            for p, s in preds
        ):
            out.recalled += 1
        else:
            out.missed.append(m)
    norm_lenient = [normalise(m) for m in lenient]
    for p, s in preds:
        if not theme_matches(s.get("themes"), theme_id):
            continue
        out.predicted += 1
        if any(similarity(m, p, normalised=True) >= threshold for m in norm_lenient):
            out.correct += 1
        else:
            out.spurious.append(s.get("text") or "")
    return out


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


def _country(value: str | None) -> str:
    n = normalise(value)
    return _COUNTRY_ALIASES.get(n, n)


def score_metadata(gold_meta: dict[str, Any], predicted_meta: dict[str, Any], threshold: float = THRESHOLD) -> dict[str, bool]:
    """Field by field: dates exactly, country through aliases, other fields by text match or containment."""
    out: dict[str, bool] = {}
    for key, expected in gold_meta.items():
        got = predicted_meta.get(key)
        if expected is None:
            out[key] = got is None
        elif got is None:
            out[key] = False
        elif key.endswith("_date"):
            out[key] = str(got)[:10] == str(expected)
        elif key == "country":
            out[key] = _country(got) == _country(expected)
        else:
            g, p = normalise(expected), normalise(got)
            out[key] = similarity(g, p, normalised=True) >= threshold or contains_words(p, g) or contains_words(g, p)
    return out


@dataclass
class ReportScore:
    report: str
    kinds: dict[str, PRF]
    kinds_with_clauses: dict[str, PRF]
    pairs_found: list[bool]
    pair_sections: list[str]
    not_statement_hits: list[tuple[str, str, str]]  # (kind, predicted text, not-statement)
    database: ThemeScore
    metadata: dict[str, bool]
    error: str | None = None

    @property
    def pair_recall(self) -> float | None:
        return sum(self.pairs_found) / len(self.pairs_found) if self.pairs_found else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "error": self.error,
            "kinds": {k: v.as_dict() for k, v in self.kinds.items()},
            "kinds_with_clauses": {k: v.as_dict() for k, v in self.kinds_with_clauses.items()},
            "causal_pairs": {
                "gold": len(self.pairs_found),
                "recalled": sum(self.pairs_found),
                "recall": self.pair_recall,
                "by_section": {
                    sec: {
                        "gold": sum(1 for s in self.pair_sections if s == sec),
                        "recalled": sum(1 for f, s in zip(self.pairs_found, self.pair_sections) if s == sec and f),
                    }
                    for sec in sorted(set(self.pair_sections))
                },
            },
            "not_statement_hits": [
                {"kind": k, "text": t, "not_statement": n} for k, t, n in self.not_statement_hits
            ],
            "database_theme": self.database.as_dict(),
            "metadata": self.metadata,
        }


def score_report(
    gold: dict[str, Any],
    extraction: dict[str, Any] | None,
    *,
    threshold: float = THRESHOLD,
    database_theme: str | None = None,
    error: str | None = None,
) -> ReportScore:
    """Score one extraction (a ``gmsgraph extract --format json`` object) against one gold file."""
    extraction = extraction or {}
    statements = list(extraction.get("statements", ()))
    links = list(extraction.get("links", ()))
    hits = []
    for s in statements:
        ns = is_not_statement(s.get("text") or "", gold.get("not_statements", ()), threshold)
        if ns is not None:
            hits.append((s.get("kind") or "", s.get("text") or "", ns))
    pairs = list(gold.get("causal_pairs", ()))
    return ReportScore(
        report=gold["report"],
        kinds=score_kinds(gold.get("statements", ()), statements, threshold),
        kinds_with_clauses=score_kinds(gold.get("statements", ()), statements, threshold,
                                       [end for p in pairs for end in (p["cause"], p["effect"])]),
        pairs_found=causal_pair_recall(pairs, statements, links, threshold),
        pair_sections=[p.get("section", "tree") for p in pairs],
        not_statement_hits=hits,
        database=score_database_theme(gold, statements, database_theme, threshold),
        metadata=score_metadata(gold.get("metadata", {}), extraction.get("report", {}) or {}, threshold),
        error=error,
    )
