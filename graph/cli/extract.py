"""`gmsgraph extract`: reports in, the extraction contract (or a readable view of it) out."""

from __future__ import annotations

import argparse
import json
import sys

from tqdm import tqdm

from graph.cli.paths import expand_paths
from graph.ingest.pipeline import extract_many
from graph.ingest.read import DEFAULT_MAX_BYTES
from graph.ingest.summary import render_summary

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract problems, causes, effects, visions and results from reports",
        description="Read reports (.txt, .pdf, .docx, .html) and print what was extracted. "
        "A report that cannot be read is reported on stderr and skipped; the exit code is then 2.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders or glob patterns")
    parser.add_argument("--format", choices=("json", "text", "summary"), default="summary",
                        help="json: the extraction contract; text: the cleaned text that offsets point into; "
                        "summary: counts, trees, visions and results (default)")
    parser.add_argument("--max-size", type=int, default=None, metavar="BYTES",
                        help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES:,}, or $GMSGRAPH_MAX_BYTES)")
    parser.add_argument("--themes", default=None, metavar="FILE",
                        help="a TOML taxonomy that extends or overrides the built-in themes")
    parser.add_argument("--model", default=None, help="spaCy model package to use (default: en_core_web_sm if installed)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.ingest.nlp import load_nlp
    from graph.ingest.pipeline import default_tagger
    from graph.themes import TaxonomyError

    paths, missing = expand_paths(args.paths)
    for pattern in missing:
        print(f"error: {pattern}: no such file, folder or matching report", file=sys.stderr)
    if not paths:
        return EXIT_BAD_INPUT
    nlp = load_nlp(args.model)
    try:
        tagger = default_tagger(nlp, args.themes)
    except (TaxonomyError, OSError) as error:
        print(f"error: themes: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    results = []
    failed = bool(missing)
    # A progress bar only where someone watches (stderr is a terminal) and only for several reports.
    outcomes = tqdm(extract_many(paths, nlp, max_bytes=args.max_size, tagger=tagger), total=len(paths),
                    unit="report", file=sys.stderr, disable=None if len(paths) > 1 else True, leave=False)
    for outcome in outcomes:
        if outcome.error is not None:
            failed = True
            outcomes.write(f"error: {outcome.error}", file=sys.stderr)
            continue
        results.append(outcome.extraction)
        if args.format == "summary":
            print(render_summary(outcome.extraction), end="\n\n")
        elif args.format == "text":
            print(outcome.extraction.text)
    if args.format == "json":
        payload = [e.to_dict() for e in results]
        json.dump(payload[0] if len(args.paths) == 1 and len(paths) == 1 and payload else payload,
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return EXIT_BAD_INPUT if failed else EXIT_OK
