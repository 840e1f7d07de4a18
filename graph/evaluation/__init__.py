"""Scoring of extractions against the hand annotations in ``tests/gold``.

Pure functions on plain data (stdlib, rapidfuzz and the statement kinds of
:mod:`graph.contract`); the extractor is only ever run through its CLI
(:mod:`graph.evaluation.extraction`), or, for the causal test set, through one adapter that
imports it when called (:func:`graph.evaluation.causal.extractor_finder`), so importing the
scorer never imports ``graph.ingest`` and it stays independent of the extractor it measures.

- :mod:`~graph.evaluation.normalise`: the text normalisation both sides go through;
- :mod:`~graph.evaluation.match`: the matching rules (similarity, one-to-one pairing,
  the phrase rule of format 2, clause spans, not-statements, themes);
- :mod:`~graph.evaluation.kinds`: the scored statement kinds (the contract's and
  ``comment``), roles, entity kinds, the macro-F1 kinds;
- :mod:`~graph.evaluation.metrics`: P/R/F1 per kind, macro-F1, comments, format-1
  causal-pair recall and database theme, metadata;
- :mod:`~graph.evaluation.pairs`, :mod:`~graph.evaluation.entities`,
  :mod:`~graph.evaluation.themes`: causal pairs (strict and loose), entities with aliases,
  theme mentions per theme, for format-2 gold;
- :mod:`~graph.evaluation.scorecard`: one report's scores and the micro-average over
  reports;
- :mod:`~graph.evaluation.report`: the text tables and the JSON figures;
- :mod:`~graph.evaluation.gold`: loading and checking gold files of both formats;
- :mod:`~graph.evaluation.cli`: ``python -m graph.evaluation`` (``bench/score.py``,
  ``make score``);
- :mod:`~graph.evaluation.causal`: the causal test set and ``python -m
  graph.evaluation.causal`` (``bench/causal_score.py``).
"""

from graph.contract import STATEMENT_KINDS
from graph.evaluation.entities import EntityScore, match_entities, score_entities, score_entity_kind
from graph.evaluation.gold import (
    Gold,
    GoldError,
    find_report,
    gold_format,
    gold_paths,
    gold_problems,
    load_gold,
    parse_gold,
    report_body,
)
from graph.evaluation.kinds import COMMENT, MACRO_KINDS, SCORED_KINDS
from graph.evaluation.match import (
    BLOCKER_MIN_TOKENS,
    CONTAINMENT_MIN_TOKENS,
    MIN_LENGTH_RATIO,
    PHRASE_MIN_LENGTH_RATIO,
    THRESHOLD,
    Match,
    contains_words,
    greedy_match,
    is_not_statement,
    overlaps,
    phrase_blockers,
    phrase_match,
    similarity,
    span_match,
    theme_matches,
)
from graph.evaluation.metrics import (
    POOLED_CAUSE,
    POOLED_KINDS,
    PRF,
    ROW_KINDS,
    CommentScore,
    ThemeScore,
    causal_pair_recall,
    country_key,
    kind_errors,
    macro_f1,
    match_kinds,
    metadata_field_right,
    same_speaker,
    score_comments,
    score_database_theme,
    score_kinds,
    score_metadata,
    score_texts,
    sum_prf,
    texts_of_kinds,
)
from graph.evaluation.normalise import entity_key, normalise, repair_mojibake, strip_marker, strip_reporting_frame
from graph.evaluation.pairs import PairScore, score_pairs
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
from graph.evaluation.themes import score_theme, score_themes

__all__ = [
    "ALL",
    "BLOCKER_MIN_TOKENS",
    "COMMENT",
    "CONTAINMENT_MIN_TOKENS",
    "MACRO_KINDS",
    "MIN_LENGTH_RATIO",
    "PHRASE_MIN_LENGTH_RATIO",
    "POOLED_CAUSE",
    "POOLED_KINDS",
    "PRF",
    "ROW_KINDS",
    "SCORED_KINDS",
    "STATEMENT_KINDS",
    "THRESHOLD",
    "CommentScore",
    "EntityScore",
    "Gold",
    "GoldError",
    "Match",
    "NotStatementHit",
    "Overall",
    "PairScore",
    "ReportScore",
    "ThemeScore",
    "aggregate",
    "causal_pair_recall",
    "contains_words",
    "country_key",
    "entity_key",
    "find_report",
    "gold_format",
    "gold_paths",
    "gold_problems",
    "greedy_match",
    "is_not_statement",
    "kind_errors",
    "load_gold",
    "macro_f1",
    "match_entities",
    "match_kinds",
    "metadata_field_right",
    "normalise",
    "not_statement_hits",
    "overlaps",
    "parse_gold",
    "phrase_blockers",
    "phrase_match",
    "render_json",
    "render_table",
    "repair_mojibake",
    "report_body",
    "same_speaker",
    "score_comments",
    "score_database_theme",
    "score_entities",
    "score_entity_kind",
    "score_kinds",
    "score_metadata",
    "score_pairs",
    "score_report",
    "score_texts",
    "score_theme",
    "score_themes",
    "similarity",
    "span_match",
    "strip_marker",
    "strip_reporting_frame",
    "sum_prf",
    "texts_of_kinds",
    "theme_matches",
    "to_json",
]
