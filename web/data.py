"""The data behind each page and API endpoint, shaped from ``graph.queries.api`` results.

Pure functions of a store and plain values; no Flask, no Cypher. Pages and the JSON API both
call these, so they always show the same thing.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.queries import api

# The stages of the matrix and the theme network, as in compare_country_theme_matrix.cypher.
STAGES: Mapping[str, tuple[str, ...]] = {
    "problem": ("problem", "priority", "core_problem"),
    "cause": ("cause", "root_cause"),
    "effect": ("effect",),
    "vision": ("vision",),
    "result": ("result",),
}
KIND_STAGE: Mapping[str, str] = {kind: stage for stage, kinds in STAGES.items() for kind in kinds}
KIND_NAMES: Mapping[str, str] = {
    "problem": "Problem", "priority": "Priority", "core_problem": "Core problem",
    "root_cause": "Root cause", "cause": "Cause", "effect": "Effect", "vision": "Vision",
    "result": "Result", "comment": "Comment",
}
# The workshop's material, in the order of a report; other kinds (a participant's comment...)
# are listed on their own on the report page.
KINDS: tuple[str, ...] = tuple(KIND_STAGE)
TREE_KINDS = frozenset({"core_problem", "root_cause", "cause", "effect"})


def kind_name(kind: str | None) -> str:
    return KIND_NAMES.get(kind or "", kind or "")


def stage_of(kind: str | None) -> str:
    """problem, cause, effect, vision or result; "other" for a remark about them (a comment)."""
    return KIND_STAGE.get(kind or "", "other")


# --- the overview -----------------------------------------------------------------------------


def reports(store: Any, limit: int = 1000, skip: int = 0) -> list[dict[str, Any]]:
    """Report summaries (metadata and counts per kind), a page at a time."""
    return api.report_summaries(store, "", limit, skip).records()


def report_index(store: Any) -> list[dict[str, Any]]:
    """Every report's id, country, title and source: cheap, for menus."""
    return api.reports(store).records()


def countries(store: Any) -> list[str]:
    return sorted({r["country"] for r in report_index(store) if r["country"]})


def top_themes(store: Any, n: int = 10) -> list[dict[str, Any]]:
    return api.theme_recurring(store).records()[:n]


# --- a report ---------------------------------------------------------------------------------


@dataclass
class Item:
    """A statement with what hangs under it (its PART_OF sub-items) and what it points at."""

    id: str
    kind: str
    text: str
    group: str | None
    topic: str | None
    n: int | None
    page: int | None
    children: list[Item] = field(default_factory=list)
    targets: list[tuple[str, str, str]] = field(default_factory=list)  # (type, id, text)


@dataclass
class Tree:
    """One problem tree: its statements by level (0 = the lowest root causes) and its links."""

    key: str
    group: str | None
    topic: str | None
    cores: list[Item]
    levels: dict[str, int]
    items: dict[str, Item]
    edges: list[tuple[str, str, str]]  # (source, target, type)

    def rows(self) -> list[tuple[int, list[Item]]]:
        """The levels from the top (effects) down to the root causes, as an outline."""
        by_level: dict[int, list[Item]] = defaultdict(list)
        for sid, level in self.levels.items():
            by_level[level].append(self.items[sid])
        return [(lvl, by_level[lvl]) for lvl in sorted(by_level, reverse=True)]


@dataclass
class ReportView:
    report: dict[str, Any]
    problems: dict[str, list[Item]]
    priorities: list[Item]
    trees: list[Tree]
    topics: list[tuple[str, list[Item], list[Item]]]  # (topic, visions, results)
    others: list[Item]  # statements of any other kind (remarks about the material...)
    references: list[dict[str, Any]]
    statements: int


def _item(row: Mapping[str, Any]) -> Item:
    return Item(row["statement_id"], row["kind"], row["text"] or "", row["group"], row["topic"], row["n"],
                row["page"])


def find_report(store: Any, report_id: str) -> dict[str, Any] | None:
    if not report_id:
        return None
    return next((r for r in api.report_summaries(store, report_id).records() if r["id"] == report_id), None)


def report_view(store: Any, report_id: str) -> ReportView | None:
    report = find_report(store, report_id)
    if report is None:
        return None
    rows = [r for r in api.report_statements(store, report_id).records() if r["report_id"] == report_id]
    links = [r for r in api.report_links(store, report_id).records() if r["report_id"] == report_id]
    items = {r["statement_id"]: _item(r) for r in rows}
    order = [r["statement_id"] for r in rows]

    parent: dict[str, str] = {}
    for link in links:
        src, dst = items.get(link["source_id"]), items.get(link["target_id"])
        if src is None or dst is None:
            continue
        if link["type"] == "PART_OF" and src.kind == dst.kind:
            parent[src.id] = dst.id
        else:
            src.targets.append((link["type"], dst.id, dst.text))
    for child, par in parent.items():
        items[par].children.append(items[child])

    problems: dict[str, list[Item]] = defaultdict(list)
    for sid in order:
        it = items[sid]
        if it.kind == "problem" and sid not in parent:
            problems[it.group or "Plenary"].append(it)
    priorities = [items[s] for s in order if items[s].kind == "priority"]
    priorities.sort(key=lambda i: (i.n is None, i.n or 0))

    topic_order: list[str] = []
    visions: dict[str, list[Item]] = defaultdict(list)
    results: dict[str, list[Item]] = defaultdict(list)
    for sid in order:
        it = items[sid]
        if it.kind not in ("vision", "result") or sid in parent:
            continue
        topic = it.topic or it.group or "General"
        if topic not in topic_order:
            topic_order.append(topic)
        (visions if it.kind == "vision" else results)[topic].append(it)

    return ReportView(
        report=report,
        problems=dict(problems),
        priorities=priorities,
        trees=build_trees([items[s] for s in order], links),
        topics=[(t, visions[t], results[t]) for t in topic_order],
        others=[items[s] for s in order if items[s].kind not in KIND_STAGE and s not in parent],
        references=api.run_query(store, "consultation_references", {"report": report_id}).records(),
        statements=len(rows),
    )


def build_trees(statements: Sequence[Item], links: Iterable[Mapping[str, Any]]) -> list[Tree]:
    """Group the problem-tree statements into trees and give each statement a level.

    A tree is the core problem(s) of one working group and topic plus that group's causes, root
    causes and effects, and anything linked to them. Levels follow the CAUSES links from the
    core (the trunk, level 0 before shifting): what causes it goes below, what it causes goes
    above; unlinked statements sit by their kind; root causes always form the bottom row.
    """
    tree_items = {s.id: s for s in statements if s.kind in TREE_KINDS}
    edges = [(link["source_id"], link["target_id"], link["type"]) for link in links
             if link["source_id"] in tree_items and link["target_id"] in tree_items
             and link["type"] in ("CAUSES", "PART_OF")]

    def key_of(item: Item) -> str:
        return f"{item.group or ''}\u241f{item.topic or ''}"

    membership: dict[str, str] = {}
    for s in statements:
        if s.id in tree_items:
            membership[s.id] = key_of(s)
    # A statement from another group that is linked into a tree with a core joins that tree.
    cores_by_key: dict[str, list[Item]] = defaultdict(list)
    for s in tree_items.values():
        if s.kind == "core_problem":
            cores_by_key[key_of(s)].append(s)
    changed = True
    while changed:
        changed = False
        for src, dst, _ in edges:
            ks, kd = membership[src], membership[dst]
            if ks != kd and (kd in cores_by_key) != (ks in cores_by_key):
                target = kd if kd in cores_by_key else ks
                moving = src if target == kd else dst
                membership[moving] = target
                changed = True

    groups: dict[str, list[str]] = defaultdict(list)
    for sid in (s.id for s in statements if s.id in tree_items):
        groups[membership[sid]].append(sid)

    trees = []
    for key, members in groups.items():
        member_set = set(members)
        tree_edges = [(a, b, t) for a, b, t in edges if a in member_set and b in member_set]
        levels = _levels([tree_items[m] for m in members], tree_edges)
        first = tree_items[members[0]]
        trees.append(Tree(key=key, group=first.group, topic=first.topic, cores=cores_by_key.get(key, []),
                          levels=levels, items={m: tree_items[m] for m in members}, edges=tree_edges))
    # Trees with a trunk first, in text order; trunkless collections of causes after them.
    trees.sort(key=lambda t: not t.cores)
    return trees


def _levels(members: Sequence[Item], edges: Sequence[tuple[str, str, str]]) -> dict[str, int]:
    causes_of: dict[str, list[str]] = defaultdict(list)
    effects_of: dict[str, list[str]] = defaultdict(list)
    for src, dst, kind in edges:
        if kind == "CAUSES":
            causes_of[dst].append(src)
            effects_of[src].append(dst)
    level: dict[str, int] = {}
    frontier = [m.id for m in members if m.kind == "core_problem"]
    for sid in frontier:
        level[sid] = 0
    # Breadth-first, both ways from the trunk.
    while frontier:
        nxt = []
        for sid in frontier:
            for cause in causes_of[sid]:
                if cause not in level:
                    level[cause] = level[sid] - 1
                    nxt.append(cause)
            for effect in effects_of[sid]:
                if effect not in level:
                    level[effect] = level[sid] + 1
                    nxt.append(effect)
        frontier = nxt
    reached = set(level)
    default = {"core_problem": 0, "cause": -1, "root_cause": -2, "effect": 1}
    for m in members:
        lvl = level.get(m.id, default[m.kind])
        if m.kind in ("cause", "root_cause"):
            lvl = min(lvl, -1)
        elif m.kind == "effect":
            lvl = max(lvl, 1)
        level[m.id] = lvl
    # A PART_OF sub-point sits next to the point it belongs to: above it when it is an effect,
    # below it when it is a cause.
    kinds = {m.id: m.kind for m in members}
    for src, dst, kind in edges:
        if kind == "PART_OF" and src not in reached:
            if kinds[src] == "effect":
                level[src] = max(1, level[dst] + 1)
            elif kinds[src] in ("cause", "root_cause"):
                level[src] = min(-1, level[dst] - 1)
    bottom = min([lvl for sid, lvl in level.items() if kinds[sid] != "root_cause"] + [0]) - 1
    for m in members:
        if m.kind == "root_cause":
            level[m.id] = min(level[m.id], bottom)
    lowest = min(level.values(), default=0)
    return {sid: lvl - lowest for sid, lvl in level.items()}


# --- a statement ------------------------------------------------------------------------------


@dataclass
class StatementView:
    statement: dict[str, Any]
    links: dict[str, list[dict[str, Any]]]
    themes: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    context: list[dict[str, Any]]  # {"text", "source": bool, "parts": [(text, highlighted)]}


LINK_SECTIONS = (
    ("caused_by", "in", "CAUSES", "Caused by"),
    ("causes", "out", "CAUSES", "Leads to"),
    ("addressed_by", "in", "ADDRESSES", "Addressed by"),
    ("addresses", "out", "ADDRESSES", "Addresses"),
    ("part_of", "out", "PART_OF", "Part of"),
    ("parts", "in", "PART_OF", "Its parts"),
)


def statement_view(store: Any, statement_id: str) -> StatementView | None:
    rows = api.statement_detail(store, statement_id).records()
    if not rows:
        return None
    detail = rows[0]
    links: dict[str, list[dict[str, Any]]] = {key: [] for key, *_ in LINK_SECTIONS}
    for link in api.statement_links(store, statement_id).records():
        for key, direction, rel, _ in LINK_SECTIONS:
            if link["direction"] == direction and link["type"] == rel:
                links[key].append(link)
    passages = api.passage_context(store, detail["passage_id"]).records()
    return StatementView(
        statement=detail,
        links=links,
        themes=api.statement_themes(store, statement_id).records(),
        entities=api.statement_entities(store, statement_id).records(),
        context=context_paragraph(passages, detail["text"] or ""),
    )


def context_paragraph(passages: Sequence[Mapping[str, Any]], statement_text: str) -> list[dict[str, Any]]:
    """The source sentence among its neighbours, each sentence once, the statement highlighted."""
    by_text: dict[str, Mapping[str, Any]] = {}
    for p in passages:
        text = (p["sentence"] or "").strip()
        if not text:
            continue
        if text not in by_text or (p["is_source"] and not by_text[text]["is_source"]):
            by_text[text] = p
    source = next((p for p in by_text.values() if p["is_source"]), None)
    source_text = (source["sentence"] or "").strip() if source else ""
    # A longer passage that repeats the source sentence goes, then any clause of a sentence that
    # is shown whole.
    remaining = {text: p for text, p in by_text.items()
                 if p["is_source"] or not (source_text and source_text in text)}
    kept = [p for text, p in remaining.items()
            if p["is_source"] or not any(text != other and text in other for other in remaining)]
    kept.sort(key=lambda p: (p["start"], p["end"]))
    out = []
    for p in kept:
        text = (p["sentence"] or "").strip()
        out.append({"text": text, "source": bool(p["is_source"]), "page": p["page"],
                    "parts": highlight(text, statement_text) if p["is_source"] else [(text, False)]})
    return out


def highlight(sentence: str, needle: str) -> list[tuple[str, bool]]:
    """The sentence split into (text, highlighted) parts around the statement's words."""
    target = needle.strip().rstrip(".").strip()
    if not target:
        return [(sentence, True)]
    at = sentence.lower().find(target.lower())
    if at < 0:
        return [(sentence, True)]
    end = at + len(target)
    parts = [(sentence[:at], False), (sentence[at:end], True), (sentence[end:], False)]
    return [p for p in parts if p[0]]


# --- themes -----------------------------------------------------------------------------------


def themes(store: Any) -> list[dict[str, Any]]:
    """Every theme with its statement, report and country counts."""
    return api.theme_list(store).records()


def theme_labels(store: Any) -> list[dict[str, Any]]:
    """Every theme's id and label, for menus."""
    return api.theme_labels(store).records()


@dataclass
class ThemeView:
    theme: dict[str, Any]
    by_country: list[tuple[str, bool, dict[str, list[dict[str, Any]]]]]  # (country, synthetic, stage -> rows)
    cross: dict[str, Any] | None


def theme_view(store: Any, theme_id: str) -> ThemeView | None:
    found = [t for t in api.theme_list(store, [theme_id]).records() if t["theme"] == theme_id]
    if not found:
        return None
    per_country: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    synthetic: dict[str, bool] = {}
    for row in api.theme_statements(store, [theme_id]).records():
        per_country[row["country"]][stage_of(row["kind"])].append(row)
        synthetic[row["country"]] = synthetic.get(row["country"], True) and bool(row["synthetic"])
    cross = next((c for c in api.theme_cross_consultation(store, [theme_id]).records()
                  if c["theme"] == theme_id), None)
    by_country = [(c, synthetic[c], {s: per_country[c][s] for s in (*STAGES, "other") if per_country[c].get(s)})
                  for c in sorted(per_country)]
    return ThemeView(found[0], by_country, cross)


# --- the matrix -------------------------------------------------------------------------------


@dataclass
class Matrix:
    countries: list[str]
    themes: list[tuple[str, str]]  # (id, label)
    cells: dict[tuple[str, str], dict[str, Any]]
    rows: list[dict[str, Any]]

    def cell(self, country: str, theme: str) -> dict[str, Any] | None:
        return self.cells.get((country, theme))


MATRIX_COLUMNS = ("country", "theme", "label", "problem", "cause", "root_cause", "effect", "vision", "result", "total")


COUNT_COLUMNS = ("problem", "cause", "root_cause", "effect", "vision", "result", "total")


def matrix(store: Any) -> Matrix:
    # sum() comes back as a float from FalkorDB: counts are whole numbers.
    rows = [{**r, **{c: int(r[c] or 0) for c in COUNT_COLUMNS}} for r in api.country_theme_matrix(store).records()]
    peak = max((r["total"] for r in rows), default=0)
    totals: dict[str, int] = defaultdict(int)
    labels: dict[str, str] = {}
    cells = {}
    for r in rows:
        totals[r["theme"]] += r["total"]
        labels[r["theme"]] = r["label"]
        heat = math.ceil(5 * r["total"] / peak) if peak and r["total"] else 0
        cells[(r["country"], r["theme"])] = {**r, "heat": heat}
    ordered = sorted(totals, key=lambda t: (-totals[t], labels[t]))
    return Matrix(sorted({r["country"] for r in rows}), [(t, labels[t]) for t in ordered], cells, rows)


def cell_statements(store: Any, country: str, theme: str) -> list[dict[str, Any]]:
    return api.theme_statements(store, [theme], [country]).records()


# --- gaps, search, compare --------------------------------------------------------------------


def gaps(store: Any, skip: int = 0, limit: int = 1000) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The unaddressed causes of a page of reports (reports with none are left out)."""
    by_report: dict[str, list[dict[str, Any]]] = defaultdict(list)
    heads: dict[str, dict[str, Any]] = {}
    for row in api.unaddressed_causes(store, "", skip, limit).records():
        by_report[row["report_id"]].append(row)
        heads.setdefault(row["report_id"], row)
    return [(heads[r], by_report[r]) for r in by_report]


def theme_gaps(store: Any) -> list[dict[str, Any]]:
    return api.theme_coverage_gaps(store).records()


def search(store: Any, q: str, limit: int = 100) -> dict[str, list[dict[str, Any]]]:
    return {
        "statements": api.search_statements(store, q, limit=limit).records(),
        "themes": api.search_themes(store, q).records(),
        "entities": api.search_entities(store, q, limit=limit).records(),
    }


@dataclass
class Comparison:
    a: str
    b: str
    shared: list[dict[str, Any]]
    only_a: list[dict[str, Any]]
    only_b: list[dict[str, Any]]
    trees_a: list[tuple[dict[str, Any], list[Tree]]]
    trees_b: list[tuple[dict[str, Any], list[Tree]]]
    report_counts: dict[str, int]


def compare(store: Any, a: str, b: str, max_reports: int = 3,
            matrix_rows: Sequence[Mapping[str, Any]] | None = None) -> Comparison:
    """Two countries side by side; the problem trees of at most ``max_reports`` reports each.
    ``matrix_rows``: the whole country x theme matrix, when the caller has it already."""
    if matrix_rows is None:
        rows = api.country_theme_matrix(store, [a, b]).records()
    else:
        rows = [dict(r) for r in matrix_rows if r["country"] in (a, b)]
    per: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    labels: dict[str, str] = {}
    for r in rows:
        per[r["theme"]][r["country"]] = r
        labels[r["theme"]] = r["label"]
    shared, only_a, only_b = [], [], []
    for theme in sorted(per, key=lambda t: labels[t].lower()):
        entry = {"theme": theme, "label": labels[theme], "a": per[theme].get(a), "b": per[theme].get(b)}
        if entry["a"] and entry["b"]:
            shared.append(entry)
        elif entry["a"]:
            only_a.append(entry)
        else:
            only_b.append(entry)

    index = report_index(store)

    def trees_for(country: str) -> list[tuple[dict[str, Any], list[Tree]]]:
        out = []
        for report in [r for r in index if r["country"] == country][:max_reports]:
            view = report_view(store, report["id"])
            if view is not None:
                out.append((report, [t for t in view.trees if t.cores]))
        return out

    counts = {c: sum(1 for r in index if r["country"] == c) for c in (a, b)}
    return Comparison(a, b, shared, only_a, only_b, trees_for(a), trees_for(b), counts)
