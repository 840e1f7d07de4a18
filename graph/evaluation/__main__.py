"""``python -m graph.evaluation``: score against ``tests/gold`` of the working dir.

Run it from the project root; ``bench/score.py`` (``make score``) works from anywhere.
"""

import sys

from graph.evaluation.cli import main

sys.exit(main(prog="python -m graph.evaluation"))
