"""`gmsgraph extract`: reports in, the extraction contract (or a readable view of it) out."""

from __future__ import annotations

import argparse
import json
import sys

from graph.cli.common import ExitCode, add_report_options, guard, report_inputs


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract problems, causes, effects, visions and results from reports",
        description="Read reports (.txt, .pdf, .docx, .html) and print what was extracted. "
        "A report that cannot be read is reported on stderr and skipped; the exit code is then 2.",
    )
    parser.add_argument("--format", choices=("json", "text", "summary"), default="summary",
                        help="json: the extraction contract; text: the cleaned text that offsets point into; "
                        "summary: counts, trees, visions and results (default)")
    add_report_options(parser)
    parser.set_defaults(func=run)


@guard
def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from graph.ingest.nlp import load_nlp
    from graph.ingest.pipeline import default_tagger, extract_many
    from graph.ingest.summary import render_summary

    inputs = report_inputs(args)
    if inputs is None:
        return ExitCode.BAD_INPUT
    paths, options = inputs.paths, inputs.options
    nlp = load_nlp(options.model)
    tagger = default_tagger(nlp, options.themes_file)
    results = []
    failed = bool(inputs.missing)
    # A progress bar only where someone watches (stderr is a terminal) and only for several reports.
    outcomes = tqdm(extract_many(paths, nlp, max_bytes=options.max_bytes, tagger=tagger), total=len(paths),
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
    return ExitCode.BAD_INPUT if failed else ExitCode.OK
