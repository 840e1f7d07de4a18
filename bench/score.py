"""Score `gmsgraph extract --format json` against the hand annotations in tests/gold.

Usage:
    python bench/score.py [--gold tests/gold] [--extraction-dir DIR | --run] [--json]
                          [--database-theme ID] [--threshold 80] [--report NAME]
                          [--save-dir DIR] [--timeout SECONDS]

This is `python -m graph.evaluation` (see graph/evaluation/) with the project root taken
from this file's location, so `make score` works from any directory. Argument parsing,
scoring and printing all live in the package; nothing here but the entry point.

--run (the default) runs `python -m graph extract <report> --format json` for each gold
file's report, found by file name in data/reports or data/synthetic. --extraction-dir
DIR reads DIR/<report stem>.json (or DIR/<report file name>.json) instead; a file may
hold one object or an array of them.

Prints precision, recall and F1 per statement kind per report and micro-averaged over
all reports, the recall of explicit cause->effect pairs, the number of predicted
statements that are captions, footnotes, page furniture or speaker names (must be 0),
database-theme recall/precision when statements carry themes, and metadata accuracy.
The matching rule is documented in graph/evaluation/match.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.evaluation.cli import main

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    sys.exit(main(root=ROOT))
