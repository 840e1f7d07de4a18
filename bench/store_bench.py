"""Graph-store benchmarks on the embedded FalkorDB (its own temp data dir; nothing else touched).

    .venv/bin/python bench/store_bench.py [--reports 1000] [--report data/reports/lao_pdr_2013_consultation.txt]

Prints: batched UNWIND vs per-row MERGE on the same extraction; graph writes as a share of total
ingest; unchanged re-ingest as a share of first ingest; a scale run of N relabelled copies with
ingest time and the latency of a 2-hop library query.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.contract import Extraction, content_hash  # noqa: E402
from graph.model import to_rows  # noqa: E402
from graph.queries import api  # noqa: E402
from graph.store.base import create_steps  # noqa: E402
from graph.store.falkor import FalkorStore  # noqa: E402

COUNTRIES = ("Lao PDR", "Cambodia", "China", "Myanmar", "Thailand", "Viet Nam", "GMS regional")


def relabel(extraction: Extraction, n: int) -> Extraction:
    """A copy posing as another report: new content hash (so new ids), source and country."""
    text = f"{extraction.text}\n[copy {n}]"
    report = replace(extraction.report, id=content_hash(text), source=f"copy_{n:04d}.txt",
                     country=COUNTRIES[n % len(COUNTRIES)])
    return replace(extraction, report=report, text=text)


def timed(fn, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_row_merge(store: FalkorStore, extraction: Extraction) -> None:
    """The naive way: one MERGE query per row, same queries and rows as the batched write."""
    batches = to_rows(extraction).batches()
    for step in create_steps():
        for row in batches[step.batch]:
            store.run(step.query, {step.batch: [row]}, read_only=False, timeout=None)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", type=Path, default=REPO / "data" / "reports" / "lao_pdr_2013_consultation.txt")
    parser.add_argument("--reports", type=int, default=1000, help="size of the scale run")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from graph.cli.store import Ingester
    from graph.ingest.nlp import load_nlp
    from graph.ingest.pipeline import extract_path

    nlp = load_nlp()
    t_extract = timed(lambda: extract_path(args.report, nlp), 1)
    extraction = extract_path(args.report, nlp)
    n_nodes, n_rels = to_rows(extraction).count()
    print(f"report: {args.report.name}: {len(extraction.statements)} statements -> {n_nodes} nodes, {n_rels} rels")
    print(f"extraction (spaCy pipeline): {t_extract:.2f} s")

    with tempfile.TemporaryDirectory(prefix="gms-bench-") as tmp:
        store = FalkorStore(Path(tmp))
        store.init_schema()
        try:
            def batched() -> None:
                store.wipe()
                store.write_report(extraction)

            def naive() -> None:
                store.wipe()
                per_row_merge(store, extraction)

            t_wipe = timed(store.wipe, args.repeat)
            t_batched = timed(batched, args.repeat) - t_wipe
            t_naive = timed(naive, args.repeat) - t_wipe
            print(f"batched UNWIND write: {t_batched * 1000:.1f} ms; per-row MERGE: {t_naive * 1000:.1f} ms; "
                  f"ratio {t_naive / t_batched:.1f}x (target >= 10x)")
            print(f"graph writes share of ingest: {t_batched / (t_extract + t_batched):.2%} (target <= 10%)")

            store.wipe()
            ingest = Ingester(store)
            ingest._nlp = nlp  # the model load is a one-off per process; compare per-report work
            t_first = timed(lambda: (store.wipe(), ingest(args.report)), 1)
            t_again = timed(lambda: ingest(args.report), args.repeat)
            print(f"first ingest {t_first:.2f} s; unchanged re-ingest {t_again * 1000:.1f} ms = "
                  f"{t_again / t_first:.2%} of first (target <= 1%)")

            store.wipe()
            copies = [relabel(extraction, n) for n in range(args.reports)]
            start = time.perf_counter()
            for copy in copies:
                store.write_report(copy)
            t_scale = time.perf_counter() - start
            counts = store.counts()
            print(f"scale: {args.reports} reports written in {t_scale:.1f} s "
                  f"({t_scale / args.reports * 1000:.1f} ms/report); graph {counts.nodes} nodes, {counts.edges} rels")
            for name, params in (("organisation_reach", {"name": "UNIAP"}),
                                 ("statements_mentioning", {"name": "Penal Code"})):
                rows = len(api.run_query(store, name, params))
                lat = timed(lambda: api.run_query(store, name, params), 20)
                print(f"2-hop query {name}{params}: {rows} rows, median {lat * 1000:.1f} ms")
            t_unchanged = timed(lambda: store.write_report(copies[0]), args.repeat)
            print(f"unchanged write_report at scale: {t_unchanged * 1000:.2f} ms")
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
