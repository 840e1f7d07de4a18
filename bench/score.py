"""Score `gmsgraph extract --format json` against the hand annotations in tests/gold.

Usage:
    python bench/score.py [--gold tests/gold] [--extraction-dir DIR | --run] [--json]
                          [--database-theme ID] [--threshold 80] [--report NAME]
                          [--save-dir DIR] [--timeout SECONDS] [--errors N]

This is `python -m graph.evaluation` (see graph/evaluation/) with the project root taken
from this file's location, so `make score` works from any directory. Argument parsing,
scoring and printing all live in the package; nothing here but the entry point.

--run (the default) runs `python -m graph extract <report> --format json` for each gold
file's report, found by file name in data/reports or data/synthetic. --extraction-dir
DIR reads DIR/<report stem>.json (or DIR/<report file name>.json) instead; a file may
hold one object or an array of them.

tests/gold holds format-2 gold (phrase-level): per report, P/R/F1 per statement kind
(comment included) under the phrase rule, issue 9's macro-F1, cause->effect pairs with
both ends as phrases and, labelled LOOSE beside it, with each end overlapping its phrase,
comment roles and speakers, organisations and laws (name or alias), recall and precision
per annotated theme, predicted statements that are captions, footnotes, page furniture or
meta sentences (must be 0) and metadata; then one row per report and the all-reports
block. `--gold tests/gold/v1` scores the format-1 annotations the README's first quality
table was measured on. The matching rules are documented in graph/evaluation/match.py and
tests/gold/README.md. The causal test set has its own script, bench/causal_score.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.evaluation.cli import main

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    sys.exit(main(root=ROOT))
