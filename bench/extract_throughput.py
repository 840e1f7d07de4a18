"""Benchmark: end-to-end extraction throughput against raw `nlp.pipe` on the same text, in one run.

    python bench/extract_throughput.py [REPORT ...] [--repeat N]

Both sides parse the same blocks with the same loaded model, so the ratio measures what the
pipeline adds (reading, cleaning, structure, extraction, entities) on top of spaCy itself. The
machines are noisy: compare the ratio, not the absolute numbers, and alternate the two sides.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from graph.ingest.clean import clean
from graph.ingest.nlp import load_nlp
from graph.ingest.pipeline import BATCH_SIZE, extract_path
from graph.ingest.read import read_document
from graph.ingest.structure import build_blocks

DEFAULT_REPORTS = [Path("data/reports/lao_pdr_2013_consultation.txt"), *sorted(Path("data/synthetic").glob("*.txt"))]


def block_texts(path: Path) -> list[str]:
    blocks = build_blocks(clean(read_document(path)))
    return [b.text for b in blocks if b.kind != "heading"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="*", type=Path, default=DEFAULT_REPORTS)
    parser.add_argument("--repeat", type=int, default=5, help="alternating rounds of each side (default 5)")
    args = parser.parse_args()

    nlp = load_nlp()
    texts = {path: block_texts(path) for path in args.reports}
    words = sum(len(t.split()) for blocks in texts.values() for t in blocks)
    # Warm both paths once so model loading and first-call caches count for neither.
    for path in args.reports:
        extract_path(path, nlp)
        list(nlp.pipe(texts[path], batch_size=BATCH_SIZE))

    pipe_times, extract_times = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for path in args.reports:
            list(nlp.pipe(texts[path], batch_size=BATCH_SIZE))
        pipe_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for path in args.reports:
            extract_path(path, nlp)
        extract_times.append(time.perf_counter() - started)

    pipe_rate = words / statistics.median(pipe_times)
    extract_rate = words / statistics.median(extract_times)
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    print(f"model: {model}; pipes: {', '.join(nlp.pipe_names)}")
    print(f"reports: {len(args.reports)}; words: {words:,}; rounds: {args.repeat} (median)")
    print(f"raw nlp.pipe:        {pipe_rate:10,.0f} words/s")
    print(f"gmsgraph extract:    {extract_rate:10,.0f} words/s")
    print(f"ratio extract/pipe:  {extract_rate / pipe_rate:10.2f}  (target >= 0.80)")


if __name__ == "__main__":
    main()
