"""`gmsgraph compare` and `gmsgraph themes list|recurring|suggest|retag`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.cli.common import ExitCode, add_store_options, guard, opened_store, positive_int, render_table

if TYPE_CHECKING:
    from graph.themes import Taxonomy, ThemeTagger

NO_TAGS = "no tagged statements"


def _themes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--themes", "--themes-file", dest="theme_files", action="append", type=Path,
                        default=[], metavar="FILE",
                        help="TOML file that extends or overrides the packaged taxonomy (repeatable)")


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--themes", action="append", metavar="IDS", help="theme ids, comma-separated")
    parser.add_argument("--countries", action="append", metavar="NAMES", help="country names or ids, comma-separated")


def register(subparsers: argparse._SubParsersAction) -> None:
    compare = subparsers.add_parser(
        "compare", help="country x theme matrix of statements by stage",
        description="For each country and theme, count the statements by stage: problem, cause "
        "(root causes also shown apart), effect, vision, result.",
    )
    _filter_options(compare)
    compare.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add_store_options(compare)
    compare.set_defaults(func=run_compare)

    themes = subparsers.add_parser("themes", help="theme taxonomy, recurring themes, suggestions, re-tagging")
    sub = themes.add_subparsers(dest="themes_command", metavar="ACTION")

    listing = sub.add_parser("list", help="the taxonomy in use")
    _themes_option(listing)
    listing.add_argument("--format", choices=("table", "toml", "json"), default="table")
    listing.set_defaults(func=run_list)

    recurring = sub.add_parser("recurring", help="themes ranked by the countries that raise them, with provenance")
    _filter_options(recurring)
    recurring.add_argument("--examples", type=positive_int, default=3, metavar="N", help="statements shown per country")
    recurring.add_argument("--format", choices=("text", "json"), default="text")
    add_store_options(recurring)
    recurring.set_defaults(func=run_recurring)

    suggest = sub.add_parser("suggest", help="candidate themes from statements no theme matches (TOML)")
    _themes_option(suggest)
    suggest.add_argument("--min-reports", type=positive_int, default=2, metavar="N")
    suggest.add_argument("--similarity", type=float, default=85.0, metavar="0-100",
                         help="fuzzy similarity for grouping key phrases (default 85)")
    suggest.add_argument("--model", default=None, help="spaCy model package")
    add_store_options(suggest)
    suggest.set_defaults(func=run_suggest)

    retag = sub.add_parser("retag", help="re-tag the stored graph with the current taxonomy")
    _themes_option(retag)
    retag.add_argument("--model", default=None, help="spaCy model package")
    add_store_options(retag)
    retag.set_defaults(func=run_retag)

    def no_action(args: argparse.Namespace) -> int:
        themes.print_help()
        return ExitCode.BAD_INPUT

    themes.set_defaults(func=no_action)


def _taxonomy(args: argparse.Namespace) -> Taxonomy:
    from graph.themes.taxonomy import load_taxonomy

    return load_taxonomy(getattr(args, "theme_files", None) or None)


def _tagger(args: argparse.Namespace) -> ThemeTagger:
    from graph.ingest.nlp import load_nlp
    from graph.themes.tagger import ThemeTagger

    return ThemeTagger(load_nlp(args.model), _taxonomy(args))


def _filtered_rows(args: argparse.Namespace, query: str) -> list[dict[str, Any]]:
    """The rows of a themes library query, filtered by --countries and --themes."""
    from graph.themes.store_ops import library_rows, split_list

    params = {"countries": split_list(args.countries), "themes": split_list(args.themes)}
    with opened_store(args) as store:
        return library_rows(store, query, params)


@guard
def run_compare(args: argparse.Namespace) -> int:
    from graph.themes.compare import matrix_rows, render_matrix_csv, render_matrix_json, render_matrix_table

    rows = matrix_rows(_filtered_rows(args, "compare_country_theme_matrix"))
    if args.format == "csv":
        sys.stdout.write(render_matrix_csv(rows))
    elif args.format == "json":
        print(render_matrix_json(rows))
    else:
        print(render_matrix_table(rows) if rows else NO_TAGS + " (ingest reports, or run `gmsgraph themes retag`)")
    return ExitCode.OK


@guard
def run_recurring(args: argparse.Namespace) -> int:
    from graph.themes.compare import rank_recurring, recurring_json, render_recurring

    ranked = rank_recurring(_filtered_rows(args, "theme_recurring_statements"))
    if args.format == "json":
        print(recurring_json(ranked))
    else:
        print(render_recurring(ranked, args.examples) or NO_TAGS)
    return ExitCode.OK


@guard
def run_list(args: argparse.Namespace) -> int:
    import json

    from graph.themes.taxonomy import theme_to_toml

    taxonomy = _taxonomy(args)
    if args.format == "toml":
        print("\n".join(theme_to_toml(t) for t in taxonomy))
    elif args.format == "json":
        print(json.dumps([{"id": t.id, "label": t.label, "frame": t.frame, "description": t.description,
                           "synonyms": list(t.synonyms), "patterns": list(t.patterns), "exclude": list(t.exclude)}
                          for t in taxonomy], indent=2, ensure_ascii=False))
    else:
        print(render_table(("Id", "Label", "Frame", "Terms"),
                           [(t.id, t.label, t.frame, len(t.synonyms) + len(t.patterns)) for t in taxonomy],
                           style="plain"))
    return ExitCode.OK


@guard
def run_suggest(args: argparse.Namespace) -> int:
    from graph.themes.emergent import candidates_to_toml, suggest_themes
    from graph.themes.store_ops import statements_by_report

    tagger = _tagger(args)
    with opened_store(args) as store:
        statements = statements_by_report(store)
    candidates = suggest_themes(statements, tagger, min_reports=args.min_reports, similarity=args.similarity)
    if not candidates:
        print(f"# no untagged topic recurs in {args.min_reports} or more reports", file=sys.stderr)
    sys.stdout.write(candidates_to_toml(candidates))
    return ExitCode.OK


@guard
def run_retag(args: argparse.Namespace) -> int:
    from graph.themes.store_ops import retag

    tagger = _tagger(args)
    with opened_store(args) as store:
        result = retag(store, tagger)
    print(f"re-tagged {result.statements} statements: {result.tagged} carry {result.tags} theme tags "
          f"({len(tagger.taxonomy)} themes); {result.reference_passages} cross-consultation references tagged")
    return ExitCode.OK
