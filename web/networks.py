"""The networks the pages draw, built with pyvis and handed to our own template as JSON.

pyvis builds the node and edge lists and the vis-network options; we never call its
``show``/``write_html`` (they write files and load vis from a CDN) and never pass report text to
its ``heading``. Labels and tooltips are plain text: the page's script puts tooltips into the DOM
with ``textContent``.

Settling fast: the theme network gets its positions from :func:`constellation`, computed here in
linear time, and is drawn with physics off, so the browser draws it once and it is still. Problem
trees use vis-network's hierarchical layout, also without physics.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pyvis.network import Network

from web.data import Tree, kind_name, stage_of

NODE_CAP = 500

STAGE_COLOURS: Mapping[str, str] = {
    "problem": "#d9534f",
    "cause": "#f0883e",
    "effect": "#d4b000",
    "vision": "#3f9b4f",
    "result": "#3f76b5",
}
THEME_COLOUR = "#8e5ea2"
COUNTRY_COLOUR = "#2a9d8f"
ROOT_COLOUR = "#9c4a00"
CORE_COLOUR = "#a4161a"
NO_ARROWS: dict[str, Any] = {"to": {"enabled": False}}

THEME_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "dragNodes": True},
    "edges": {"smooth": False, "color": {"color": "#b9a3c8", "inherit": False}, "width": 1,
              "arrows": {"to": {"enabled": False}}},
    "nodes": {"font": {"size": 12}},
    # Per-kind looks live here, once, rather than on each of up to 500 nodes.
    "groups": {
        # Big labels: a whole network is seen zoomed out, where vis-network skips small text.
        "theme": {"shape": "diamond", "size": 26, "color": THEME_COLOUR,
                  "font": {"size": 30, "strokeWidth": 5, "color": "#3b2248"}},
        "country": {"shape": "box", "color": COUNTRY_COLOUR, "margin": 10,
                    "font": {"size": 32, "color": "#ffffff"}},
        **{stage: {"shape": "dot", "size": 7, "color": colour} for stage, colour in STAGE_COLOURS.items()},
    },
}
COUNTRY_EDGE = {"color": "#cfe6e3"}

TREE_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "layout": {"hierarchical": {"enabled": True, "direction": "DU", "sortMethod": "directed",
                                "levelSeparation": 110, "nodeSpacing": 190, "treeSpacing": 220,
                                "shakeTowards": "roots"}},
    "interaction": {"hover": True, "tooltipDelay": 150, "dragNodes": False},
    "edges": {"smooth": {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical",
                         "roundness": 0.4},
              "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
    "nodes": {"shape": "box", "widthConstraint": {"maximum": 170}, "font": {"size": 12},
              "margin": 8},
}


def short(text: str, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _export(net: Network, options: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    return {"nodes": list(net.nodes), "edges": list(net.edges), "options": dict(options), **extra}


# --- problem trees ----------------------------------------------------------------------------


def tree_network(tree: Tree) -> dict[str, Any]:
    net = Network(directed=True)
    for sid, item in tree.items.items():
        colour = {"core_problem": CORE_COLOUR, "root_cause": ROOT_COLOUR}.get(
            item.kind, STAGE_COLOURS.get(stage_of(item.kind), "#888888"))
        net.add_node(sid, label=short(item.text, 80), title=f"{kind_name(item.kind)}\n{item.text}",
                     level=tree.levels[sid], color=colour, shape="box", kind=item.kind,
                     font={"color": "#ffffff" if item.kind in ("core_problem", "root_cause") else "#111111"})
    for src, dst, rel in tree.edges:
        if rel == "CAUSES":
            net.add_edge(src, dst, title="causes", color="#555555")
        else:
            net.add_edge(src, dst, title="part of", dashes=True, color="#999999", arrows=NO_ARROWS)
    return _export(net, TREE_OPTIONS)


# --- the theme network ------------------------------------------------------------------------


def constellation(themes: Sequence[str], countries: Sequence[str],
                  members: Mapping[str, Sequence[str]]) -> dict[str, tuple[float, float]]:
    """Positions without a simulation: themes on a ring, each theme's statements packed around it
    on a sunflower spiral, and the countries on a small ring in the middle. Linear time and
    deterministic, so the same filter always draws the same picture."""
    golden = math.pi * (3 - math.sqrt(5))
    step = 16.0
    radius = {t: step * math.sqrt(len(members.get(t, ())) + 1) + 30 for t in themes}
    # The ring is long enough to hold every cluster side by side.
    ring = max(260.0, sum(2 * r + 40 for r in radius.values()) / (2 * math.pi))
    pos: dict[str, tuple[float, float]] = {}
    angle = 0.0
    total = sum(2 * r + 40 for r in radius.values()) or 1.0
    for t in themes:
        share = (2 * radius[t] + 40) / total * 2 * math.pi
        angle += share / 2
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        pos[t] = (cx, cy)
        for k, sid in enumerate(members.get(t, ())):
            r = step * math.sqrt(k + 1) + 24
            a = (k + 1) * golden
            pos[sid] = (cx + r * math.cos(a), cy + r * math.sin(a))
        angle += share / 2
    inner = min(ring * 0.35, 40.0 * len(countries))
    for i, c in enumerate(countries):
        a = 2 * math.pi * i / max(1, len(countries))
        pos[c] = (inner * math.cos(a), inner * math.sin(a)) if len(countries) > 1 else (0.0, 0.0)
    return pos


def theme_network(rows: Iterable[Mapping[str, Any]], cap: int = NODE_CAP,
                  row_limit: int | None = None) -> dict[str, Any]:
    """Themes, countries and statements from ``theme_network`` rows, at most ``cap`` nodes.

    Themes and countries always come first; statements fill the rest of the cap in query order.
    ``capped`` is true when some statement (or some row, at ``row_limit``) was left out.
    """
    rows = list(rows)
    theme_labels: dict[str, str] = {}
    country_names: dict[str, str] = {}
    statements: dict[str, Mapping[str, Any]] = {}
    pairs: list[tuple[str, str]] = []
    for row in rows:
        theme_labels.setdefault(row["theme"], row["label"])
        country_names.setdefault(row["country_id"], row["country"])
        statements.setdefault(row["statement_id"], row)
        pairs.append((row["statement_id"], row["theme"]))

    room = max(0, cap - len(theme_labels) - len(country_names))
    shown = _balanced(pairs, room)
    shown_set = set(shown)
    evidence: dict[str, list[str]] = defaultdict(list)
    members: dict[str, list[str]] = defaultdict(list)
    first_theme: dict[str, str] = {}
    for sid, theme in pairs:
        if sid in shown_set:
            if sid not in first_theme:
                first_theme[sid] = theme
                members[f"theme:{theme}"].append(f"s:{sid}")
    for row in rows:
        if row["statement_id"] in shown_set and row["evidence"]:
            evidence[row["statement_id"]].append(f"{row['label']}: {row['evidence']}")

    theme_nodes = [f"theme:{t}" for t in theme_labels]
    country_nodes = [f"country:{c}" for c in country_names]
    pos = constellation(theme_nodes, country_nodes, members)

    # directed=True only spares pyvis its quadratic duplicate-edge scan; no arrows are drawn.
    net = Network(directed=True)
    for t, label in theme_labels.items():
        nid = f"theme:{t}"
        x, y = pos[nid]
        net.add_node(nid, label=label, title=f"Theme: {label}", group="theme", x=round(x), y=round(y),
                     kind="theme", ref=t)
    for c, name in country_names.items():
        nid = f"country:{c}"
        x, y = pos[nid]
        net.add_node(nid, label=name, title=f"Country: {name}", group="country", x=round(x), y=round(y),
                     kind="country", ref=name)
    for sid in shown:
        row = statements[sid]
        nid = f"s:{sid}"
        x, y = pos[nid]
        stage = stage_of(row["kind"])
        matched = "\n".join(evidence[sid])
        title = f"{kind_name(row['kind'])} · {row['country']}" + (" (synthetic)" if row["synthetic"] else "")
        title += f"\n{row['text']}" + (f"\nMatched: {matched}" if matched else "")
        net.add_node(nid, label=" ", title=title, group=stage, x=round(x), y=round(y), kind="statement",
                     stage=stage, ref=sid)
    for sid, theme in pairs:
        if sid in shown_set:
            net.add_edge(f"s:{sid}", f"theme:{theme}", arrows="")
    for sid in shown:
        net.add_edge(f"s:{sid}", f"country:{statements[sid]['country_id']}", color=COUNTRY_EDGE, arrows="")

    for node in net.nodes:
        node.pop("shape", None)  # pyvis always sets one; the node's group gives it instead
    row_limited = row_limit is not None and len(rows) >= row_limit
    capped = len(shown) < len(statements) or row_limited
    return _export(net, THEME_OPTIONS, capped=capped, cap=cap, total_statements=len(statements),
                   total_known=not row_limited, shown_statements=len(shown), themes=len(theme_labels),
                   countries=len(country_names))


def _balanced(pairs: Sequence[tuple[str, str]], room: int) -> list[str]:
    """Up to ``room`` statements, taken from each theme in turn so that a capped view still shows
    every theme (statements in each theme's own order)."""
    per_theme: dict[str, list[str]] = defaultdict(list)
    seen: set[str] = set()
    for sid, theme in pairs:
        if sid not in seen:
            seen.add(sid)
            per_theme[theme].append(sid)
    queues = list(per_theme.values())
    out: list[str] = []
    depth = 0
    while len(out) < room and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and len(out) < room:
                out.append(queue[depth])
        depth += 1
    return out
