"""Theme mentions of format-2 gold, per theme: recall and precision of the tagger.

A format-2 gold file lists, per theme id it annotates (``theme_mentions``), the texts of the
statements about that theme. Statements are aligned by the loose rule
(:func:`graph.evaluation.match.overlaps`: a fuzzy match, or one text containing the other),
so that the figures measure the tagger and not the segmentation, which the per-kind figures
already score:

* a gold mention is **recalled** when a predicted statement (any kind) that overlaps it
  carries the theme id;
* a predicted statement carrying the theme id is **correct** when it overlaps a gold
  mention of that theme, else spurious (it is about no annotated mention of the theme).

Only the themes a report annotates are scored for it: a theme id absent from its
``theme_mentions`` is not known to be absent from the report. A theme listed with no
mention (an empty list) is annotated as absent, so every statement tagged with it is
spurious.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph.evaluation.match import THRESHOLD, overlaps, theme_matches
from graph.evaluation.metrics import ThemeScore

Record = Mapping[str, Any]


def score_theme(
    mentions: Sequence[str],
    predicted_statements: Sequence[Record],
    theme_id: str,
    threshold: float = THRESHOLD,
) -> ThemeScore:
    """Recall of one theme's gold mentions and precision of the statements tagged with it."""
    tagged = [s.get("text") or "" for s in predicted_statements if theme_matches(s.get("themes"), theme_id)]
    missed = tuple(m for m in mentions if not any(overlaps(m, t, threshold) for t in tagged))
    spurious = tuple(t for t in tagged if not any(overlaps(m, t, threshold) for m in mentions))
    return ThemeScore(
        tagged_any=any(s.get("themes") for s in predicted_statements),
        gold=len(mentions),
        recalled=len(mentions) - len(missed),
        predicted=len(tagged),
        correct=len(tagged) - len(spurious),
        missed=missed,
        spurious=spurious,
    )


def score_themes(
    theme_mentions: Mapping[str, Sequence[str]],
    predicted_statements: Sequence[Record],
    threshold: float = THRESHOLD,
) -> dict[str, ThemeScore]:
    """Every theme the gold annotates, in the gold's order: see :func:`score_theme`."""
    return {
        theme: score_theme(list(mentions), predicted_statements, theme, threshold)
        for theme, mentions in theme_mentions.items()
    }
