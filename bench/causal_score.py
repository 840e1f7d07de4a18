"""Score the extractor's causal-link finder on the causal test set (tests/causal/causal_set.jsonl).

Usage:
    python bench/causal_score.py [--set tests/causal/causal_set.jsonl] [--json] [--misses N]
                                 [--no-causal-verbs] [--threshold 80]

This is `python -m graph.evaluation.causal` (see graph/evaluation/causal.py) with the project root
taken from this file's location, so it works from any directory. It prints recall and precision of
the cause->effect pairs with both ends as phrases, the direction errors (pairs found reversed), a
loose figure (each end overlaps its phrase) beside them, and the same per cue family. These are
benchmark figures: tests/causal/test_causal_set.py checks the set itself, never the score.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.evaluation.causal import main

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    sys.exit(main(root=ROOT, prog="bench/causal_score.py"))
