"""`gmsgraph compare` and `gmsgraph themes list|recurring|suggest|retag`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def _store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", default=None, metavar="URI",
                        help="neo4j://host:7687 or falkordb (default: $NEO4J_URI, else embedded FalkorDB)")
    parser.add_argument("--data-dir", default=None, metavar="DIR",
                        help="embedded FalkorDB data dir (default: $GMSGRAPH_DATA_DIR or a per-user dir)")


def _themes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--themes", "--themes-file", dest="theme_files", action="append", type=Path,
                        default=[], metavar="FILE",
                        help="TOML file that extends or overrides the packaged taxonomy (repeatable)")


def register(subparsers: argparse._SubParsersAction) -> None:
    compare = subparsers.add_parser(
        "compare", help="country x theme matrix of statements by stage",
        description="For each country and theme, count the statements by stage: problem, cause "
        "(root causes also shown apart), effect, vision, result.",
    )
    compare.add_argument("--themes", action="append", metavar="IDS", help="theme ids, comma-separated")
    compare.add_argument("--countries", action="append", metavar="NAMES", help="country names or ids, comma-separated")
    compare.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store_options(compare)
    compare.set_defaults(func=run_compare)

    themes = subparsers.add_parser("themes", help="theme taxonomy, recurring themes, suggestions, re-tagging")
    sub = themes.add_subparsers(dest="themes_command", metavar="ACTION")

    listing = sub.add_parser("list", help="the taxonomy in use")
    _themes_option(listing)
    listing.add_argument("--format", choices=("table", "toml", "json"), default="table")
    listing.set_defaults(func=run_list)

    recurring = sub.add_parser("recurring", help="themes ranked by the countries that raise them, with provenance")
    recurring.add_argument("--themes", action="append", metavar="IDS", help="theme ids, comma-separated")
    recurring.add_argument("--countries", action="append", metavar="NAMES", help="country names or ids")
    recurring.add_argument("--examples", type=int, default=3, metavar="N", help="statements shown per country")
    recurring.add_argument("--format", choices=("text", "json"), default="text")
    _store_options(recurring)
    recurring.set_defaults(func=run_recurring)

    suggest = sub.add_parser("suggest", help="candidate themes from statements no theme matches (TOML)")
    _themes_option(suggest)
    suggest.add_argument("--min-reports", type=int, default=2, metavar="N")
    suggest.add_argument("--similarity", type=float, default=85.0, metavar="0-100",
                         help="fuzzy similarity for grouping key phrases (default 85)")
    suggest.add_argument("--model", default=None, help="spaCy model package")
    _store_options(suggest)
    suggest.set_defaults(func=run_suggest)

    retag = sub.add_parser("retag", help="re-tag the stored graph with the current taxonomy")
    _themes_option(retag)
    retag.add_argument("--model", default=None, help="spaCy model package")
    _store_options(retag)
    retag.set_defaults(func=run_retag)

    themes.set_defaults(func=lambda args: (themes.print_help(), EXIT_BAD_INPUT)[1])


def _taxonomy(args: argparse.Namespace):  # noqa: ANN202
    from graph.themes.taxonomy import load_taxonomy

    return load_taxonomy(getattr(args, "theme_files", None) or None)


def _tagger(args: argparse.Namespace):  # noqa: ANN202
    from graph.ingest.nlp import load_nlp
    from graph.themes.tagger import ThemeTagger

    return ThemeTagger(load_nlp(args.model), _taxonomy(args))


def _open(args: argparse.Namespace):  # noqa: ANN202
    from graph.store import open_store

    return open_store(args.store, args.data_dir)


def _guarded(body):  # noqa: ANN001, ANN202
    """User-actionable failures become one line on stderr and an exit code, not a traceback."""

    def run(args: argparse.Namespace) -> int:
        from graph.store import StoreError
        from graph.themes.taxonomy import TaxonomyError

        try:
            return body(args)
        except TaxonomyError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except (StoreError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_FAILURE

    return run


@_guarded
def run_compare(args: argparse.Namespace) -> int:
    from graph.themes.compare import matrix_rows, render_matrix_csv, render_matrix_json, render_matrix_table
    from graph.themes.store_ops import library_rows, split_list

    params = {"countries": split_list(args.countries), "themes": split_list(args.themes)}
    with _open(args) as store:
        rows = matrix_rows(library_rows(store, "compare_country_theme_matrix", params))
    if args.format == "csv":
        sys.stdout.write(render_matrix_csv(rows))
    elif args.format == "json":
        print(render_matrix_json(rows))
    else:
        print(render_matrix_table(rows) if rows else "no tagged statements (ingest reports, or run `gmsgraph themes retag`)")
    return EXIT_OK


@_guarded
def run_recurring(args: argparse.Namespace) -> int:
    from graph.themes.compare import rank_recurring, recurring_json, render_recurring
    from graph.themes.store_ops import library_rows, split_list

    params = {"countries": split_list(args.countries), "themes": split_list(args.themes)}
    with _open(args) as store:
        ranked = rank_recurring(library_rows(store, "theme_recurring_statements", params))
    print(recurring_json(ranked) if args.format == "json" else render_recurring(ranked, args.examples) or "no tagged statements")
    return EXIT_OK


@_guarded
def run_list(args: argparse.Namespace) -> int:
    import json

    from graph.themes.compare import render_table
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
                           [(t.id, t.label, t.frame, len(t.synonyms) + len(t.patterns)) for t in taxonomy]))
    return EXIT_OK


@_guarded
def run_suggest(args: argparse.Namespace) -> int:
    from graph.themes.emergent import candidates_to_toml, suggest_themes
    from graph.themes.store_ops import statements_by_report

    tagger = _tagger(args)
    with _open(args) as store:
        statements = statements_by_report(store)
    candidates = suggest_themes(statements, tagger, min_reports=args.min_reports, similarity=args.similarity)
    if not candidates:
        print(f"# no untagged topic recurs in {args.min_reports} or more reports", file=sys.stderr)
    sys.stdout.write(candidates_to_toml(candidates))
    return EXIT_OK


@_guarded
def run_retag(args: argparse.Namespace) -> int:
    from graph.themes.store_ops import retag

    tagger = _tagger(args)
    with _open(args) as store:
        result = retag(store, tagger)
    print(f"re-tagged {result.statements} statements: {result.tagged} carry {result.tags} theme tags "
          f"({len(tagger.taxonomy)} themes); {result.reference_passages} cross-consultation references tagged")
    return EXIT_OK
