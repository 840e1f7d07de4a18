"""Scoring of extractions against the hand annotations in ``tests/gold``.

Pure functions on plain data (stdlib, rapidfuzz and the statement kinds of
:mod:`graph.contract`); the extractor is only ever run through its CLI
(:mod:`graph.evaluation.extraction`), so nothing here imports ``graph.ingest`` and the
scorer stays independent of the extractor it measures.

- :mod:`~graph.evaluation.normalise`: the text normalisation both sides go through;
- :mod:`~graph.evaluation.match`: the matching rule (similarity, one-to-one pairing,
  clause spans, not-statements, themes);
- :mod:`~graph.evaluation.metrics`: P/R/F1 per kind, causal-pair recall, database theme,
  metadata;
- :mod:`~graph.evaluation.scorecard`: one report's scores and the micro-average over
  reports;
- :mod:`~graph.evaluation.report`: the text table and the JSON figures;
- :mod:`~graph.evaluation.gold`: loading and checking gold files;
- :mod:`~graph.evaluation.cli`: ``python -m graph.evaluation`` (``bench/score.py``,
  ``make score``).
"""

from graph.contract import STATEMENT_KINDS
from graph.evaluation.gold import (
    Gold,
    GoldError,
    find_report,
    gold_paths,
    gold_problems,
    load_gold,
    parse_gold,
)
from graph.evaluation.match import (
    CONTAINMENT_MIN_TOKENS,
    MIN_LENGTH_RATIO,
    THRESHOLD,
    Match,
    contains_words,
    greedy_match,
    is_not_statement,
    similarity,
    span_match,
    theme_matches,
)
from graph.evaluation.metrics import (
    POOLED_CAUSE,
    POOLED_KINDS,
    PRF,
    ROW_KINDS,
    ThemeScore,
    causal_pair_recall,
    country_key,
    metadata_field_right,
    score_database_theme,
    score_kinds,
    score_metadata,
    score_texts,
    sum_prf,
    texts_of_kinds,
)
from graph.evaluation.normalise import normalise, repair_mojibake, strip_marker
from graph.evaluation.report import render_json, render_table, to_json
from graph.evaluation.scorecard import (
    ALL,
    NotStatementHit,
    Overall,
    ReportScore,
    aggregate,
    not_statement_hits,
    score_report,
)

__all__ = [
    "ALL",
    "CONTAINMENT_MIN_TOKENS",
    "MIN_LENGTH_RATIO",
    "POOLED_CAUSE",
    "POOLED_KINDS",
    "PRF",
    "ROW_KINDS",
    "STATEMENT_KINDS",
    "THRESHOLD",
    "Gold",
    "GoldError",
    "Match",
    "NotStatementHit",
    "Overall",
    "ReportScore",
    "ThemeScore",
    "aggregate",
    "causal_pair_recall",
    "contains_words",
    "country_key",
    "find_report",
    "gold_paths",
    "gold_problems",
    "greedy_match",
    "is_not_statement",
    "load_gold",
    "metadata_field_right",
    "normalise",
    "not_statement_hits",
    "parse_gold",
    "render_json",
    "render_table",
    "repair_mojibake",
    "score_database_theme",
    "score_kinds",
    "score_metadata",
    "score_report",
    "score_texts",
    "similarity",
    "span_match",
    "strip_marker",
    "sum_prf",
    "texts_of_kinds",
    "theme_matches",
    "to_json",
]
