"""The whole graph as GraphML (Gephi), CSV (one file per label and relationship type) or JSON.

Each format is a pure function of the exported nodes and relationships that returns ``str`` or
``bytes``, so ``gmsgraph export`` writes it to a file and a web route sends it as it is::

    nodes, rels = snapshot(store)
    to_graphml(nodes, rels)   # str
    csv_zip(nodes, rels)      # bytes: the files of `export --format csv`, zipped
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from graph.store import Store

FORMATS: tuple[str, ...] = ("graphml", "csv", "json")

# (id, labels, properties) and (source id, type, target id, properties), as Store.iter_export gives them.
Node = tuple[Any, Sequence[str], Mapping[str, Any]]
Rel = tuple[Any, str, Any, Mapping[str, Any]]

_GENERIC_LABELS = frozenset({"Statement", "Entity"})
# Zip entries get a fixed timestamp, so the same graph always gives the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def snapshot(store: Store) -> tuple[list[Node], list[Rel]]:
    """Every node and relationship of the store, read while it is open."""
    nodes, rels = store.iter_export()
    return list(nodes), list(rels)


def primary_label(labels: Sequence[str]) -> str:
    """The most specific label: the kind label of a statement, the entity label of an entity."""
    specific = [label for label in labels if label not in _GENERIC_LABELS]
    return specific[0] if specific else (labels[0] if labels else "Node")


def cell_text(value: Any) -> str:
    """A property value as one flat cell: empty for None, JSON for lists and maps."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# --- JSON ------------------------------------------------------------------------------------


def to_json(nodes: Sequence[Node], rels: Sequence[Rel]) -> str:
    payload = {"nodes": [{"id": i, "labels": ls, "properties": p} for i, ls, p in nodes],
               "relationships": [{"source": s, "type": t, "target": d, "properties": p} for s, t, d, p in rels]}
    return json.dumps(payload, ensure_ascii=False, indent=1)


# --- GraphML ---------------------------------------------------------------------------------


def to_graphml(nodes: Sequence[Node], rels: Sequence[Rel]) -> str:
    """GraphML with typed keys, a `label` (display name) and `labels` per node: what Gephi reads."""
    node_props = [{"label": _display_name(p), "labels": ":".join(ls), "kind_label": primary_label(ls), **p}
                  for _, ls, p in nodes]
    rel_props = [{"label": t, **p} for _, t, _, p in rels]
    nkeys, ekeys = _graphml_keys(node_props, "n"), _graphml_keys(rel_props, "e")
    buf = io.StringIO()
    buf.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for domain, table in (("node", nkeys), ("edge", ekeys)):
        for name, (kid, ktype) in table.items():
            buf.write(f'  <key id="{kid}" for="{domain}" attr.name={quoteattr(name)} attr.type="{ktype}"/>\n')
    buf.write('  <graph id="gmsgraph" edgedefault="directed">\n')
    for (node_id, _, _), props in zip(nodes, node_props, strict=True):
        buf.write(f"    <node id={quoteattr(str(node_id))}>{_graphml_data(props, nkeys)}</node>\n")
    for i, ((src, _, dst, _), props) in enumerate(zip(rels, rel_props, strict=True)):
        buf.write(f'    <edge id="e{i}" source={quoteattr(str(src))} target={quoteattr(str(dst))}>'
                  f"{_graphml_data(props, ekeys)}</edge>\n")
    buf.write("  </graph>\n</graphml>\n")
    return buf.getvalue()


def _graphml_keys(items: Sequence[Mapping[str, Any]], prefix: str) -> dict[str, tuple[str, str]]:
    """Property name -> (key id, GraphML type), over the values the property takes."""
    seen: dict[str, list[Any]] = defaultdict(list)
    for props in items:
        for k, v in props.items():
            if v is not None:
                seen[k].append(v)
    return {k: (f"{prefix}_{k}", _graphml_type(v)) for k, v in sorted(seen.items())}


def _graphml_data(props: Mapping[str, Any], keys: Mapping[str, tuple[str, str]]) -> str:
    return "".join(f'<data key="{keys[k][0]}">{escape(_graphml_value(v))}</data>'
                   for k, v in props.items() if v is not None)


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


def _display_name(props: Mapping[str, Any]) -> str:
    text = str(props.get("text") or props.get("name") or props.get("title") or props.get("sentence")
               or props.get("id"))
    return text if len(text) <= 80 else text[:79] + "…"


# --- CSV -------------------------------------------------------------------------------------


def csv_files(nodes: Sequence[Node], rels: Sequence[Rel]) -> dict[str, str]:
    """File name -> CSV text: ``nodes_<Label>.csv`` per most specific node label and
    ``rels_<TYPE>.csv`` per relationship type, each with the union of its rows' properties."""
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id, labels, props in nodes:
        by_label[primary_label(labels)].append({"id": node_id, "labels": ":".join(labels), **props})
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for src, rtype, dst, props in rels:
        by_type[rtype].append({"source": src, "target": dst, **props})
    files: dict[str, str] = {}
    for prefix, groups in (("nodes", by_label), ("rels", by_type)):
        for name, rows in groups.items():
            buf = io.StringIO(newline="")
            writer = csv.DictWriter(buf, fieldnames=list(dict.fromkeys(k for row in rows for k in row)))
            writer.writeheader()
            writer.writerows({k: cell_text(v) for k, v in row.items()} for row in rows)
            files[f"{prefix}_{name}.csv"] = buf.getvalue()
    return files


def write_csv_dir(out: Path, nodes: Sequence[Node], rels: Sequence[Rel]) -> list[Path]:
    """Write :func:`csv_files` into the folder ``out`` (created if need be); the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in csv_files(nodes, rels).items():
        path = out / name
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def csv_zip(nodes: Sequence[Node], rels: Sequence[Rel]) -> bytes:
    """:func:`csv_files` as a zip archive, the files at its top level."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in csv_files(nodes, rels).items():
            entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16  # rw-r--r-- once unzipped
            archive.writestr(entry, text.encode("utf-8"))
    return buf.getvalue()


# --- any format ------------------------------------------------------------------------------


def write_export(fmt: str, out: Path, nodes: Sequence[Node], rels: Sequence[Rel]) -> None:
    """Write one of :data:`FORMATS` to ``out``: a file for graphml and json, a folder for csv."""
    if fmt == "graphml":
        out.write_text(to_graphml(nodes, rels), encoding="utf-8")
    elif fmt == "json":
        out.write_text(to_json(nodes, rels), encoding="utf-8")
    elif fmt == "csv":
        write_csv_dir(out, nodes, rels)
    else:
        raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
