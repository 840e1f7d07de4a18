"""`gmsgraph ingest | query | queries | stats | export | reset`: the graph store commands."""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def _store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, metavar="D",
                        help="embedded FalkorDB data directory (default: $GMSGRAPH_DATA_DIR, then a per-user dir)")
    parser.add_argument("--store", default=None, metavar="URI",
                        help="neo4j://host:7687 or bolt://host:7687 to use Neo4j (default: $NEO4J_URI, "
                        "else the embedded FalkorDB)")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ingest", help="extract reports and load them into the graph",
                              description="Extract each report and write it to the graph. An unchanged report "
                              "(same content hash) writes nothing; a changed report from the same source replaces "
                              "the old one. A report that fails is reported and the rest still load; the exit "
                              "code is then 1.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders or glob patterns")
    p.add_argument("--model", default=None, help="spaCy model package to use")
    p.add_argument("--themes", default=None, metavar="FILE",
                   help="a TOML taxonomy that extends or overrides the built-in themes")
    _store_options(p)
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("query", help="run a library query by name, or a .cypher file",
                              description="Run a query from the analysts' library (see `gmsgraph queries`) "
                              "or a .cypher file. Read-only unless --write is given.")
    p.add_argument("name", metavar="NAME_OR_FILE")
    p.add_argument("--param", "-p", action="append", default=[], metavar="K=V",
                   help="a query parameter (repeatable)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")
    p.add_argument("--write", action="store_true", help="allow a query file that writes")
    _store_options(p)
    p.set_defaults(func=cmd_query)

    p = subparsers.add_parser("queries", help="list the query library with descriptions and parameters")
    p.set_defaults(func=cmd_queries)

    p = subparsers.add_parser("stats", help="counts per label, relationship type and report")
    _store_options(p)
    p.set_defaults(func=cmd_stats)

    p = subparsers.add_parser("export", help="export the whole graph as GraphML (Gephi), CSV or JSON")
    p.add_argument("--format", choices=("graphml", "csv", "json"), required=True)
    p.add_argument("out", metavar="OUT", help="output file (graphml, json) or directory (csv)")
    _store_options(p)
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("reset", help="wipe the graph store")
    p.add_argument("--yes", action="store_true", help="really wipe it")
    _store_options(p)
    p.set_defaults(func=cmd_reset)


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Any]:
    from graph.store import open_store

    store = open_store(args.store, args.data_dir)
    try:
        yield store
    finally:
        store.close()


def _error(message: object) -> None:
    print(f"error: {message}", file=sys.stderr)


def _guard(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Store errors become one clear line and a non-zero exit, not a traceback."""

    def wrapped(args: argparse.Namespace) -> int:
        from graph.queries.catalog import BadParameter, QueryFileError, UnknownQuery
        from graph.store import StoreError
        from graph.store.falkordb_server import ServerError

        try:
            return fn(args)
        except (UnknownQuery, BadParameter, QueryFileError) as exc:
            _error(exc.args[0] if exc.args else exc)
            return EXIT_BAD_INPUT
        except (StoreError, ServerError) as exc:
            _error(exc)
            return EXIT_FAILURE

    wrapped.__name__ = fn.__name__
    return wrapped


# --- ingest ----------------------------------------------------------------------------------


@_guard
def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from graph.cli.paths import expand_paths
    from graph.ingest.errors import IngestError

    from graph.themes import TaxonomyError, load_taxonomy

    paths, missing = expand_paths(args.paths)
    for pattern in missing:
        _error(f"{pattern}: no such file, folder or matching report")
    if not paths:
        return EXIT_BAD_INPUT
    try:
        taxonomy = load_taxonomy(args.themes)  # a broken taxonomy file fails before any report is touched
    except (TaxonomyError, OSError) as exc:
        _error(f"themes: {exc}")
        return EXIT_BAD_INPUT
    tally: dict[str, int] = defaultdict(int)
    with _opened(args) as store:
        ingest = Ingester(store, args.model, args.themes)
        bar = tqdm(paths, unit="report", file=sys.stderr, disable=None, dynamic_ncols=True)
        for path in bar:
            bar.set_postfix_str(path.name)
            try:
                result = ingest(path)
            except IngestError as exc:
                tally["failed"] += 1
                bar.write(f"failed     {path}: {exc.reason}", file=sys.stderr)
                continue
            tally[result.outcome.value] += 1
            detail = (f"{result.nodes} nodes, {result.relationships} relationships"
                      if result.nodes else "already in the graph")
            if result.replaced_id:
                detail += f"; replaced {result.replaced_id[:12]}"
            bar.write(f"{result.outcome.value:<10} {path} ({result.report_id[:12]}: {detail})")
        bar.close()
        if tally["new"] or tally["replaced"]:
            from graph.themes.store_ops import sync_themes

            sync_themes(store, taxonomy)  # theme nodes carry their label, frame and description
    summary = ", ".join(f"{tally[k]} {k}" for k in ("new", "replaced", "unchanged", "failed"))
    print(f"{len(paths)} report(s): {summary}")
    return EXIT_FAILURE if tally["failed"] or missing else EXIT_OK


class Ingester:
    """Decide before doing the work. A file whose bytes were ingested before (sha256 of the raw
    file, stored on its Report) is unchanged without being read or cleaned; otherwise the file is
    read and cleaned, and a cosmetic change that cleans to the same text (same content hash) is
    still unchanged and never reaches spaCy, which is most of the cost of ingesting a report. The
    model loads on first real need."""

    def __init__(self, store: Any, model: str | None = None, themes_file: str | None = None) -> None:
        self.store = store
        self.model = model
        self.themes_file = themes_file
        self._nlp: Any = None

    def __call__(self, path: Path) -> Any:
        from graph.contract import content_hash
        from graph.ingest.clean import clean
        from graph.ingest.pipeline import default_tagger, extract_clean
        from graph.ingest.read import read_document
        from graph.store import Outcome, WriteResult

        digest = file_sha256(path)
        if digest is not None:
            known = self.store.find_file(digest)
            if known is not None:
                return WriteResult(Outcome.UNCHANGED, known, path.name)
        cleaned = clean(read_document(path))  # also raises the clear error for a bad file
        report_id = content_hash(cleaned.text)
        if self.store.has_report(report_id):
            return WriteResult(Outcome.UNCHANGED, report_id, path.name)
        if self._nlp is None:
            from graph.ingest.nlp import load_nlp

            self._nlp = load_nlp(self.model)
        tagger = default_tagger(self._nlp, self.themes_file)
        return self.store.write_report(extract_clean(path, cleaned, self._nlp, tagger), file_sha256=digest)


def file_sha256(path: Path) -> str | None:
    """sha256 of a file's raw bytes, or None when it cannot be read (read_document then says why)."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


# --- query -----------------------------------------------------------------------------------


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            from graph.queries.catalog import BadParameter

            raise BadParameter(f"--param {pair!r}: expected KEY=VALUE")
        params[key.strip()] = value
    return params


@_guard
def cmd_query(args: argparse.Namespace) -> int:
    from graph.queries import api

    query = api.resolve(args.name)  # unknown names fail before any store is started
    params = parse_params(args.param)
    with _opened(args) as store:
        result = api.run_query(store, query, params, limit=args.limit, read_only=not args.write,
                               timeout=args.timeout)
    write_result(result.columns, result.rows, args.format, sys.stdout)
    return EXIT_OK


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_result(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump([dict(zip(columns, row)) for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([_cell(v) for v in row] for row in rows)
    else:
        out.write(render_table(columns, rows))
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int | None = None) -> str:
    width = max_width or max(40, min(100, shutil.get_terminal_size((120, 20)).columns // max(1, len(columns))))
    cells = [[_cell(v).replace("\n", " ") for v in row] for row in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(str(col))] + [len(row[i]) for row in cells]) for i, col in enumerate(columns)]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(columns, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
    return "\n".join(lines) + "\n"


def cmd_queries(args: argparse.Namespace) -> int:
    from graph.queries import api

    for q in api.list_queries():
        print(f"{q.name}")
        for line in q.description.splitlines():
            print(f"    {line}")
        for p in q.params:
            default = "" if p.required else f" = {p.default!r}"
            print(f"    --param {p.name}=<{p.type}>{default}  {p.description}")
        print()
    return EXIT_OK


# --- stats, export, reset --------------------------------------------------------------------


@_guard
def cmd_stats(args: argparse.Namespace) -> int:
    from graph.queries import api

    with _opened(args) as store:
        counts = store.counts()
        per_report = api.counts_per_kind(store)
        where = getattr(store, "location", store.engine)
    print(f"store: {where}")
    print(f"{counts.nodes} nodes, {counts.edges} relationships\n")
    print(render_table(("label", "nodes"), sorted(counts.labels.items())))
    print(render_table(("relationship", "count"), sorted(counts.relationships.items())))
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in per_report.records():
        table[(r["country"] or "?", r["source"])][r["kind"]] = r["statements"]
    from graph.model import KIND_LABELS

    kinds = list(KIND_LABELS)
    rows = [(c, s, *(v.get(k, 0) for k in kinds), sum(v.values())) for (c, s), v in sorted(table.items())]
    print(render_table(("country", "source", *kinds, "total"), rows), end="")
    return EXIT_OK


@_guard
def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with _opened(args) as store:
        nodes_iter, rels_iter = store.iter_export()
        nodes, rels = list(nodes_iter), list(rels_iter)
    if args.format == "graphml":
        out.write_text(to_graphml(nodes, rels), encoding="utf-8")
    elif args.format == "json":
        payload = {"nodes": [{"id": i, "labels": ls, "properties": p} for i, ls, p in nodes],
                   "relationships": [{"source": s, "type": t, "target": d, "properties": p} for s, t, d, p in rels]}
        out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        write_csv_dir(out, nodes, rels)
    print(f"exported {len(nodes)} nodes and {len(rels)} relationships to {out}")
    return EXIT_OK


def primary_label(labels: Sequence[str]) -> str:
    """The most specific label: the kind label of a statement, the entity label of an entity."""
    generic = {"Statement", "Entity"}
    specific = [label for label in labels if label not in generic]
    return specific[0] if specific else (labels[0] if labels else "Node")


def _graphml_type(values: list[Any]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _graphml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def to_graphml(nodes: list[tuple[Any, ...]], rels: list[tuple[Any, ...]]) -> str:
    """GraphML with typed keys, a `label` (display name) and `labels` per node: what Gephi reads."""
    from xml.sax.saxutils import escape, quoteattr

    def keys(items: list[dict[str, Any]], domain: str, prefix: str) -> dict[str, tuple[str, str]]:
        seen: dict[str, list[Any]] = defaultdict(list)
        for props in items:
            for k, v in props.items():
                if v is not None:
                    seen[k].append(v)
        return {k: (f"{prefix}_{k}", _graphml_type(v)) for k, v in sorted(seen.items())}

    node_props = [{"label": _display(p, ls), "labels": ":".join(ls), "kind_label": primary_label(ls), **p}
                  for _, ls, p in nodes]
    rel_props = [{"label": t, **p} for _, t, _, p in rels]
    nkeys, ekeys = keys(node_props, "node", "n"), keys(rel_props, "edge", "e")
    buf = io.StringIO()
    buf.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for domain, table in (("node", nkeys), ("edge", ekeys)):
        for name, (kid, ktype) in table.items():
            buf.write(f'  <key id="{kid}" for="{domain}" attr.name={quoteattr(name)} attr.type="{ktype}"/>\n')
    buf.write('  <graph id="gmsgraph" edgedefault="directed">\n')
    for (node_id, _, _), props in zip(nodes, node_props):
        buf.write(f"    <node id={quoteattr(str(node_id))}>")
        for k, v in props.items():
            if v is not None:
                buf.write(f'<data key="{nkeys[k][0]}">{escape(_graphml_value(v))}</data>')
        buf.write("</node>\n")
    for i, ((src, _, dst, _), props) in enumerate(zip(rels, rel_props)):
        buf.write(f'    <edge id="e{i}" source={quoteattr(str(src))} target={quoteattr(str(dst))}>')
        for k, v in props.items():
            if v is not None:
                buf.write(f'<data key="{ekeys[k][0]}">{escape(_graphml_value(v))}</data>')
        buf.write("</edge>\n")
    buf.write("  </graph>\n</graphml>\n")
    return buf.getvalue()


def _display(props: dict[str, Any], labels: Sequence[str]) -> str:
    text = props.get("text") or props.get("name") or props.get("title") or props.get("sentence") or props.get("id")
    text = str(text)
    return text if len(text) <= 80 else text[:79] + "…"


def write_csv_dir(out: Path, nodes: list[tuple[Any, ...]], rels: list[tuple[Any, ...]]) -> None:
    """One CSV per (most specific) node label and one per relationship type."""
    out.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id, labels, props in nodes:
        by_label[primary_label(labels)].append({"id": node_id, "labels": ":".join(labels), **props})
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for src, rtype, dst, props in rels:
        by_type[rtype].append({"source": src, "target": dst, **props})
    for prefix, groups in (("nodes", by_label), ("rels", by_type)):
        for name, rows in groups.items():
            columns = list(dict.fromkeys(k for row in rows for k in row))
            with open(out / f"{prefix}_{name}.csv", "w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)


@_guard
def cmd_reset(args: argparse.Namespace) -> int:
    from graph.store import describe_target

    engine, location = describe_target(args.store, args.data_dir)
    if not args.yes:
        _error(f"this deletes every report in the {engine} store at {location}; re-run with --yes")
        return EXIT_BAD_INPUT
    with _opened(args) as store:
        before = store.counts()
        store.wipe()
    print(f"wiped {before.nodes} nodes and {before.edges} relationships from {location}")
    return EXIT_OK
