"""Score `gmsgraph extract --format json` against the hand annotations in tests/gold.

Usage:
    python bench/score.py [--gold tests/gold] [--extraction-dir DIR | --run] [--json]
                          [--database-theme ID] [--threshold 80] [--report NAME] [--save-dir DIR]

--run (the default) runs `python -m graph extract <report> --format json` for each gold file's report,
found by file name in data/reports or data/synthetic. --extraction-dir DIR reads DIR/<report stem>.json
(or DIR/<report file name>.json) instead; a file may hold one object or an array of them.

Prints precision, recall and F1 per statement kind per report and micro-averaged over all reports, the
recall of explicit cause->effect pairs, the number of predicted statements that are captions, footnotes,
page furniture or speaker names (must be 0), database-theme recall/precision when statements carry
themes, and metadata accuracy. The matching rule is documented in bench/scoring.py.

This script never imports graph.ingest: the extractor is only run through its CLI.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.scoring import (  # noqa: E402
    POOLED_CAUSE,
    PRF,
    STATEMENT_KINDS,
    THRESHOLD,
    ReportScore,
    ThemeScore,
    score_report,
)

REPORT_DIRS = ("data/reports", "data/synthetic")
ROW_KINDS = (*STATEMENT_KINDS, POOLED_CAUSE)


def find_report(name: str) -> Path | None:
    for d in REPORT_DIRS:
        p = ROOT / d / name
        if p.exists():
            return p
    return None


def _pick(data: Any, source: str) -> dict[str, Any] | None:
    if isinstance(data, list):
        for item in data:
            if (item.get("report") or {}).get("source") == source:
                return item
        return data[0] if len(data) == 1 else None
    return data


def run_extract(report: Path, timeout: float) -> tuple[dict[str, Any] | None, str | None]:
    cmd = [sys.executable, "-m", "graph", "extract", str(report), "--format", "json"]
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:.0f}s: {' '.join(cmd)}"
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return None, f"exit {proc.returncode}: " + " | ".join(tail)
    try:
        return _pick(json.loads(proc.stdout), report.name), None
    except json.JSONDecodeError as exc:
        return None, f"output is not JSON: {exc}"


def load_extraction(directory: Path, report_name: str) -> tuple[dict[str, Any] | None, str | None]:
    stem = Path(report_name).stem
    for candidate in (directory / f"{stem}.json", directory / f"{report_name}.json"):
        if candidate.exists():
            return _pick(json.loads(candidate.read_text(encoding="utf-8")), report_name), None
    return None, f"no {stem}.json in {directory}"


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def print_table(scores: list[ReportScore], overall: dict[str, PRF], pairs: tuple[int, int],
                database: ThemeScore, out=sys.stdout) -> None:
    w = out.write
    for rs in scores:
        w(f"\n== {rs.report}" + (f"   [ERROR: {rs.error}]" if rs.error else "") + "\n")
        w(f"{'kind':18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}\n")
        for kind in ROW_KINDS:
            m = rs.kinds[kind]
            w(f"{kind:18} {m.gold:5d} {m.predicted:5d} {m.tp:5d} {_fmt(m.precision):>6} {_fmt(m.recall):>6} {_fmt(m.f1):>6}\n")
        total = PRF()
        for kind in STATEMENT_KINDS:
            total += rs.kinds[kind]
        w(f"{'all kinds (micro)':18} {total.gold:5d} {total.predicted:5d} {total.tp:5d} {_fmt(total.precision):>6} {_fmt(total.recall):>6} {_fmt(total.f1):>6}\n")
        found = sum(rs.pairs_found)
        w(f"causal pairs recalled: {found}/{len(rs.pairs_found)}  recall {_fmt(rs.pair_recall)}")
        tree = [f for f, s in zip(rs.pairs_found, rs.pair_sections) if s == "tree"]
        if tree and len(tree) != len(rs.pairs_found):
            w(f"  (problem trees only: {sum(tree)}/{len(tree)})")
        w("\n")
        w(f"not-statements predicted as statements: {len(rs.not_statement_hits)}\n")
        for kind, text, ns in rs.not_statement_hits[:10]:
            w(f"    [{kind}] {text[:90]!r}  ~ {ns[:50]!r}\n")
        db = rs.database
        if db.tagged_any:
            w(f"database theme: recall {db.recalled}/{db.gold} {_fmt(db.recall)}  precision {db.correct}/{db.predicted} {_fmt(db.precision)}\n")
        else:
            w("database theme: n/a (no statement carries themes)\n")
        ok = sum(rs.metadata.values())
        wrong = [k for k, v in rs.metadata.items() if not v]
        w(f"metadata fields right: {ok}/{len(rs.metadata)}" + (f"  (wrong: {', '.join(wrong)})" if wrong else "") + "\n")

    w(f"\n== OVERALL (micro-averaged over {len(scores)} reports)\n")
    w(f"{'kind':18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}\n")
    for kind in (*ROW_KINDS, "all"):
        m = overall[kind]
        label = "all kinds (micro)" if kind == "all" else kind
        w(f"{label:18} {m.gold:5d} {m.predicted:5d} {m.tp:5d} {_fmt(m.precision):>6} {_fmt(m.recall):>6} {_fmt(m.f1):>6}\n")
    w("\nthe same, accepting a causal clause split off a sentence (a gold pair's cause or effect) as a statement:\n")
    for kind in (*ROW_KINDS, "all"):
        m = overall[f"{kind}+clauses"]
        label = "all kinds (micro)" if kind == "all" else kind
        w(f"{label:18} {m.gold:5d} {m.predicted:5d} {m.tp:5d} {_fmt(m.precision):>6} {_fmt(m.recall):>6} {_fmt(m.f1):>6}\n")
    found, total = pairs
    w(f"causal pairs recalled: {found}/{total}  recall {_fmt(found / total if total else None)}\n")
    w(f"not-statements predicted as statements: {sum(len(r.not_statement_hits) for r in scores)}\n")
    if database.tagged_any:
        w(f"database theme: recall {database.recalled}/{database.gold} {_fmt(database.recall)}  "
          f"precision {database.correct}/{database.predicted} {_fmt(database.precision)}\n")
    else:
        w("database theme: n/a (no statement carries themes)\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold", help="directory of gold JSON files")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--extraction-dir", type=Path, help="read extractions from DIR/<report stem>.json")
    src.add_argument("--run", action="store_true", help="run `python -m graph extract` on each report (default)")
    ap.add_argument("--json", action="store_true", help="print machine-readable figures")
    ap.add_argument("--database-theme", default=None, metavar="ID",
                    help="id of the database theme (default: any theme id containing 'data')")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="similarity threshold, 0-100 (default 80)")
    ap.add_argument("--report", action="append", default=[], metavar="NAME",
                    help="score only this report (file name or stem); repeatable")
    ap.add_argument("--save-dir", type=Path, help="with --run, also write each extraction to DIR/<stem>.json")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per extract run")
    args = ap.parse_args(argv)

    gold_files = sorted(args.gold.glob("*.json"))
    if not gold_files:
        ap.error(f"no gold files in {args.gold}")
    scores: list[ReportScore] = []
    for gf in gold_files:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        name = gold["report"]
        if args.report and name not in args.report and Path(name).stem not in args.report:
            continue
        if args.extraction_dir:
            extraction, error = load_extraction(args.extraction_dir, name)
        else:
            path = find_report(name)
            if path is None:
                extraction, error = None, f"report {name} not found in {', '.join(REPORT_DIRS)}"
            else:
                extraction, error = run_extract(path, args.timeout)
                if extraction is not None and args.save_dir:
                    args.save_dir.mkdir(parents=True, exist_ok=True)
                    (args.save_dir / f"{Path(name).stem}.json").write_text(
                        json.dumps(extraction, ensure_ascii=False, indent=1), encoding="utf-8")
        if error:
            print(f"warning: {name}: {error}", file=sys.stderr)
        scores.append(score_report(gold, extraction, threshold=args.threshold,
                                   database_theme=args.database_theme, error=error))

    overall: dict[str, PRF] = {k: PRF() for k in (*ROW_KINDS, "all")}
    overall.update({f"{k}+clauses": PRF() for k in (*ROW_KINDS, "all")})
    database = ThemeScore()
    pairs_found = pairs_total = 0
    for rs in scores:
        for kind in ROW_KINDS:
            overall[kind] += rs.kinds[kind]
            overall[f"{kind}+clauses"] += rs.kinds_with_clauses[kind]
        for kind in STATEMENT_KINDS:
            overall["all"] += rs.kinds[kind]
            overall["all+clauses"] += rs.kinds_with_clauses[kind]
        pairs_found += sum(rs.pairs_found)
        pairs_total += len(rs.pairs_found)
        database += rs.database

    if args.json:
        print(json.dumps({
            "threshold": args.threshold,
            "reports": [rs.as_dict() for rs in scores],
            "overall": {
                "kinds": {k: v.as_dict() for k, v in overall.items()},
                "causal_pairs": {"gold": pairs_total, "recalled": pairs_found,
                                 "recall": pairs_found / pairs_total if pairs_total else None},
                "not_statement_hits": sum(len(r.not_statement_hits) for r in scores),
                "database_theme": database.as_dict(),
            },
        }, ensure_ascii=False, indent=1))
    else:
        print_table(scores, overall, (pairs_found, pairs_total), database)
    return 1 if any(rs.error for rs in scores) else 0


if __name__ == "__main__":
    sys.exit(main())
