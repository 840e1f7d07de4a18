"""The graph model, written down once: labels, relationship types, and the rows a report becomes.

Everything that writes to a store (both engines, the benchmarks, the docs) reads the model from
here, so a label or relationship type that is not in these tuples can never reach a query.

Identity rules (ids are deterministic, so the same report always yields the same ids):

* ``Report.id`` is the extraction's report id, i.e. the sha256 of the cleaned text.
* Nodes owned by one report (``Statement``, ``Passage``, ``Group``) get ids derived from the
  report id, so two reports never share them and deleting a report removes exactly its own nodes.
* Shared nodes (``Country``, ``Organisation``, ``Person``, ``Law``, ``Place``, ``Theme``) have
  readable, report-independent ids such as ``organisation:iom`` or ``country:lao-pdr``, so every
  report that mentions IOM points at the same node.

Entity kinds map to labels: organisation/person/law/place/country. Every entity node also carries
the ``Entity`` label so that ``MENTIONS`` can be written with one static query and one index.
``date`` entities are *not* stored as nodes: the report's own dates live on ``Report``
(``start_date``/``end_date``) and a free-standing date has no analytical relationship in the model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from graph.contract import Extraction, SourceSpan, stable_id

Row = Mapping[str, Any]

# Statement kind (contract value) -> kind label on the Statement node.
KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "problem": "Problem",
        "priority": "Priority",
        "core_problem": "CoreProblem",
        "root_cause": "RootCause",
        "cause": "Cause",
        "effect": "Effect",
        "vision": "Vision",
        "result": "Result",
        "comment": "Comment",
    }
)

# Entity kind (contract value) -> label. "date" is deliberately absent (see module docstring).
ENTITY_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "organisation": "Organisation",
        "person": "Person",
        "law": "Law",
        "place": "Place",
        "country": "Country",
    }
)

NODE_LABELS: tuple[str, ...] = (
    "Report",
    "Country",
    "Group",
    "Statement",
    *KIND_LABELS.values(),
    "Theme",
    "Organisation",
    "Person",
    "Law",
    "Place",
    "Entity",
    "Passage",
)

REL_TYPES: tuple[str, ...] = (
    "CAUSES",
    "ADDRESSES",
    "PART_OF",
    "FROM",
    "RAISED_BY",
    "ABOUT",
    "MENTIONS",
    "REFERS_TO",
    "ABOUT_THEME",
    "DISCUSSES",
)

# Labels whose nodes belong to exactly one report (carry ``report_id``) and die with it.
OWNED_LABELS: tuple[str, ...] = ("Statement", "Passage", "Group")


@dataclass(frozen=True)
class NodeSpec:
    """One batch of nodes: the rows under ``key`` become nodes with these labels."""

    key: str
    label: str
    properties: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class RelSpec:
    """One batch of relationships: rows ``{src, dst, ...properties}`` under ``key``."""

    key: str
    type: str
    source: str
    target: str
    properties: tuple[str, ...]
    description: str


NODES: tuple[NodeSpec, ...] = (
    NodeSpec("report", "Report",
             ("id", "source", "title", "country", "city", "start_date", "end_date", "organiser",
              "synthetic", "statement_count", "file_sha256"),
             "One consultation report; id is the sha256 of its cleaned text, file_sha256 that of the "
             "raw file it was read from (when known), so an unchanged file is skipped before cleaning."),
    NodeSpec("countries", "Country", ("id", "name"),
             "A country (also labelled Entity): the report's own, referenced or mentioned."),
    NodeSpec("entities", "Entity", ("id", "name", "kind"),
             "An organisation, person, law or place (kind label added from ENTITY_LABELS)."),
    NodeSpec("themes", "Theme", ("id",), "A theme; filled in by the themes feature."),
    NodeSpec("groups", "Group", ("id", "report_id", "name"), "A working group of one report."),
    NodeSpec("passages", "Passage",
             ("id", "report_id", "section", "page", "start", "end", "sentence"),
             "A span of the cleaned text: the provenance of statements and mentions."),
    NodeSpec("statements", "Statement",
             ("id", "local_id", "report_id", "kind", "text", "group", "topic", "n",
              "section", "page", "start", "end", "speaker", "speaker_role"),
             "A problem, cause, effect, vision... or a comment on them (kind label added from KIND_LABELS); "
             "speaker and speaker_role are a comment's (null on other kinds)."),
)

RELS: tuple[RelSpec, ...] = (
    RelSpec("about", "ABOUT", "Report", "Country", (), "The country a report is about."),
    RelSpec("refers_to", "REFERS_TO", "Report", "Country", ("passage", "text"),
            "A report refers to another country's consultation."),
    RelSpec("passage_from", "FROM", "Passage", "Report", (), "A passage is from a report."),
    RelSpec("statement_from", "FROM", "Statement", "Passage", (),
            "A statement was extracted from a passage."),
    RelSpec("raised_by", "RAISED_BY", "Statement", "Group", (),
            "The group that raised it (a comment only when the group's representative made it)."),
    RelSpec("mentions", "MENTIONS", "Passage", "Entity", ("count",),
            "A passage mentions an organisation, person, law, place or country."),
    RelSpec("about_theme", "ABOUT_THEME", "Statement", "Theme", ("evidence",),
            "A statement is about a theme, with the words that matched."),
    RelSpec("passage_about_theme", "ABOUT_THEME", "Passage", "Theme", ("evidence",),
            "A reference passage is about a theme: what another consultation is said to have raised."),
    RelSpec("causes", "CAUSES", "Statement", "Statement", ("evidence", "report_id"),
            "A cause leads to a problem or effect."),
    RelSpec("addresses", "ADDRESSES", "Statement", "Statement", ("evidence", "report_id"),
            "A result or vision addresses a problem."),
    RelSpec("part_of", "PART_OF", "Statement", "Statement", ("evidence", "report_id"),
            "A statement is part of another (a sub-point of a list item)."),
    RelSpec("discusses", "DISCUSSES", "Statement", "Statement", ("evidence", "report_id"),
            "A comment discusses a statement (or the tree's trunk, the vision) of the group it follows."),
)

NODE_KEYS: tuple[str, ...] = tuple(n.key for n in NODES)
REL_KEYS: tuple[str, ...] = tuple(r.key for r in RELS)

assert all(n.label in NODE_LABELS for n in NODES)
assert all(r.type in REL_TYPES and r.source in NODE_LABELS and r.target in NODE_LABELS for r in RELS)


@dataclass(frozen=True)
class GraphRows:
    """A report as batches of plain rows, ready for ``UNWIND $<key> AS row``."""

    report_id: str
    source: str
    nodes: Mapping[str, tuple[Row, ...]]
    rels: Mapping[str, tuple[Row, ...]]

    def batches(self) -> dict[str, list[Row]]:
        """Every batch by key, in the order they must be written (nodes before relationships)."""
        out: dict[str, list[Row]] = {k: list(self.nodes.get(k, ())) for k in NODE_KEYS}
        out.update({k: list(self.rels.get(k, ())) for k in REL_KEYS})
        return out

    def count(self) -> tuple[int, int]:
        return (sum(len(v) for v in self.nodes.values()), sum(len(v) for v in self.rels.values()))


def slug(text: str) -> str:
    """A readable, stable key for a name: accents folded, lower case, dashes."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or stable_id(text, length=8)


def entity_id(kind: str, name: str) -> str:
    return f"{kind}:{slug(name)}"


def country_id(name: str) -> str:
    return entity_id("country", name)


def kind_label(kind: str) -> str:
    return KIND_LABELS[_checked_kind(kind)]


def _checked_kind(kind: str) -> str:
    # The writer turns kinds into labels; an unknown kind would silently get no kind label.
    if kind not in KIND_LABELS:
        raise ValueError(f"unknown statement kind {kind!r}; expected one of {list(KIND_LABELS)}")
    return kind


def statement_node_id(report_id: str, local_id: str) -> str:
    return stable_id(report_id, "statement", local_id)


def passage_id(report_id: str, start: int, end: int) -> str:
    return stable_id(report_id, "passage", start, end)


def group_id(report_id: str, name: str) -> str:
    return stable_id(report_id, "group", name)


def to_rows(extraction: Extraction, *, file_sha256: str | None = None) -> GraphRows:
    """Turn an extraction into batched rows with deterministic ids. Pure: no store, no I/O.

    ``file_sha256`` is the sha256 of the raw file the extraction was read from, if the caller has
    it; it is stored on the Report and is not part of any id (the extraction contract has no
    place for it: cleaning, not the file bytes, defines a report's identity).
    """
    report = extraction.report
    rid = report.id
    nodes: dict[str, dict[str, Row]] = {k: {} for k in NODE_KEYS}
    rels: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {k: {} for k in REL_KEYS}

    def add_rel(key: str, src: str, dst: str, ident: tuple[Any, ...] = (), **props: Any) -> dict[str, Any]:
        # Keyed by endpoints (plus an optional discriminator) so duplicates collapse to one row.
        return rels[key].setdefault((src, dst, *ident), {"src": src, "dst": dst, **props})

    def add_country(name: str) -> str:
        cid = country_id(name)
        nodes["countries"].setdefault(cid, {"id": cid, "name": name.strip()})
        return cid

    def add_passage(span: SourceSpan) -> str:
        pid = passage_id(rid, span.start, span.end)
        if pid not in nodes["passages"]:
            nodes["passages"][pid] = {
                "id": pid, "report_id": rid, "section": span.section, "page": span.page,
                "start": span.start, "end": span.end, "sentence": span.sentence,
            }
            add_rel("passage_from", pid, rid)
        return pid

    nodes["report"][rid] = {
        "id": rid, "source": report.source, "title": report.title, "country": report.country,
        "city": report.city, "start_date": report.start_date, "end_date": report.end_date,
        "organiser": report.organiser, "synthetic": report.synthetic, "statement_count": len(extraction.statements),
        "file_sha256": file_sha256,
    }
    if report.country:
        add_rel("about", rid, add_country(report.country))

    local_to_node = {s.id: statement_node_id(rid, s.id) for s in extraction.statements}
    for s in extraction.statements:
        sid = local_to_node[s.id]
        pid = add_passage(s.source)
        nodes["statements"][sid] = {
            "id": sid, "local_id": s.id, "report_id": rid, "kind": _checked_kind(s.kind),
            "text": s.text, "group": s.group, "topic": s.topic,
            "n": s.n, "section": s.source.section, "page": s.source.page,
            "start": s.source.start, "end": s.source.end,
            "speaker": s.speaker, "speaker_role": s.speaker_role,
        }
        add_rel("statement_from", sid, pid)
        if s.group and (s.kind != "comment" or s.speaker_role == "group_representative"):
            # A participant's or the facilitator's comment on a group's work was not raised by the group.
            gid = group_id(rid, s.group)
            nodes["groups"].setdefault(gid, {"id": gid, "report_id": rid, "name": s.group})
            add_rel("raised_by", sid, gid)
        for tag in s.themes:
            nodes["themes"].setdefault(tag.id, {"id": tag.id})
            row = add_rel("about_theme", sid, tag.id, evidence=tag.evidence)
            known = row["evidence"].split("; ")
            row["evidence"] = "; ".join(known + [w for w in tag.evidence.split("; ") if w not in known])

    for link in extraction.links:
        src, dst = local_to_node.get(link.source), local_to_node.get(link.target)
        if src is None or dst is None:
            continue  # a link to a statement the extractor dropped: nothing to attach it to
        add_rel(link.type.lower(), src, dst, evidence=link.evidence, report_id=rid)
    for s in extraction.statements:
        parent = local_to_node.get(s.parent) if s.parent else None
        if parent and (local_to_node[s.id], parent) not in rels["part_of"]:
            add_rel("part_of", local_to_node[s.id], parent, evidence="parent", report_id=rid)

    for ref in extraction.references:
        cid = add_country(ref.country)
        pid = add_passage(ref.source)
        add_rel("refers_to", rid, cid, (pid,), passage=pid, text=ref.text)
        for tag in ref.themes:
            nodes["themes"].setdefault(tag.id, {"id": tag.id})
            add_rel("passage_about_theme", pid, tag.id, evidence=tag.evidence)

    passages = sorted(nodes["passages"].values(), key=lambda p: (p["start"], -p["end"]))
    for entity in extraction.entities:
        label = ENTITY_LABELS.get(entity.kind)
        if label is None:
            continue  # dates: see module docstring
        if label == "Country":
            eid = add_country(entity.name)
        else:
            eid = entity_id(entity.kind, entity.name)
            nodes["entities"].setdefault(eid, {"id": eid, "name": entity.name.strip(), "kind": entity.kind})
        for mention in entity.mentions:
            holder = _containing_passage(passages, mention.start, mention.end)
            if holder is None:
                holder = add_passage(_mention_span(extraction.text, mention.start, mention.end))
                passages = sorted(nodes["passages"].values(), key=lambda p: (p["start"], -p["end"]))
            row = add_rel("mentions", holder, eid, count=0)
            row["count"] += 1

    return GraphRows(
        report_id=rid,
        source=report.source,
        nodes=MappingProxyType({k: tuple(v.values()) for k, v in nodes.items()}),
        rels=MappingProxyType({k: tuple(v.values()) for k, v in rels.items()}),
    )


def _containing_passage(passages: list[Row], start: int, end: int) -> str | None:
    best: Row | None = None
    for p in passages:
        if p["start"] > start:
            break
        if p["end"] >= end and (best is None or p["end"] - p["start"] < best["end"] - best["start"]):
            best = p
    return None if best is None else best["id"]


def _mention_span(text: str, start: int, end: int) -> SourceSpan:
    """A passage for a mention outside every statement: its line of the cleaned text."""
    if not text:
        return SourceSpan(section=None, page=None, start=start, end=end, sentence="")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return SourceSpan(section=None, page=None, start=line_start, end=line_end,
                      sentence=text[line_start:line_end].strip())
