"""The analysts' Cypher library: catalogue parsing, and every query on the embedded engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from store_fixtures import make_extraction, relabelled

from graph.model import NODE_LABELS, REL_TYPES
from graph.queries import api
from graph.queries.catalog import BadParameter, UnknownQuery, catalog, get, parse_query

REPO = Path(__file__).resolve().parents[1]
LIBRARY = REPO / "cypher"
REQUIRED = {
    "report_overview", "root_causes", "causal_chains", "results_for_priority", "gap_analysis",
    "statements_mentioning", "consultation_references", "passage_statements", "statement_provenance",
    "counts_per_kind", "search_statements",
}


# --- the catalogue ---------------------------------------------------------------------------


def test_catalogue_holds_every_library_file_and_no_schema() -> None:
    files = {p.stem for p in LIBRARY.glob("*.cypher") if not p.name.startswith("schema.")}
    assert set(catalog()) == files
    assert REQUIRED <= files
    assert len(files) >= 10


@pytest.mark.parametrize("name", sorted(catalog()))
def test_every_query_has_a_header_and_uses_only_parameters_and_model_names(name: str) -> None:
    query = get(name)
    assert query.description, f"{name} needs a purpose line"
    assert all(p.description for p in query.params), f"{name}: describe every @param"
    text = query.text
    for label in re.findall(r"\(\w*:(\w+)", text):
        assert label in NODE_LABELS, f"{name}: label {label} is not in the model"
    for rel in re.findall(r"\[\w*:([A-Z_|]+)", text):
        for part in rel.split("|"):
            assert part in REL_TYPES, f"{name}: relationship {part} is not in the model"
    # Values come in as $parameters: no quoted literals except '' and CASE/kind names and joiners.
    for literal in re.findall(r"'([^']*)'", text):
        assert literal in {"", ": ", "direct"} or literal.replace("_", "").isalpha(), f"{name}: literal {literal!r}"


def test_header_parsing_types_defaults_and_undeclared_parameters() -> None:
    parsed = parse_query("demo", "// Purpose line.\n// @param n int = 5: how many\n// @param who string: a name\n"
                                 "MATCH (r:Report) WHERE r.id = $who RETURN r LIMIT $n")
    assert parsed.summary == "Purpose line."
    assert [(p.name, p.type, p.default, p.required) for p in parsed.params] == [
        ("n", "int", "5", False), ("who", "string", None, True)]
    assert parsed.bind({"who": "x"}) == {"n": 5, "who": "x"}
    assert parsed.bind({"who": "x", "n": "7"}) == {"n": 7, "who": "x"}
    with pytest.raises(BadParameter, match="missing parameter who"):
        parsed.bind({})
    with pytest.raises(BadParameter, match="unknown parameter"):
        parsed.bind({"who": "x", "colour": "red"})
    with pytest.raises(BadParameter, match="must be int"):
        parsed.bind({"who": "x", "n": "many"})
    with pytest.raises(ValueError, match="undeclared"):
        parse_query("bad", "// x\nMATCH (n) WHERE n.id = $id RETURN n")


def test_unknown_name_suggests_close_names() -> None:
    with pytest.raises(UnknownQuery) as info:
        get("root_cause")
    assert "root_causes" in info.value.close


# --- each query on the fixture report: exact, meaningful answers -----------------------------


@pytest.fixture
def loaded(store):
    store.write_report(make_extraction())
    store.write_report(relabelled(make_extraction(), 1, country="Viet Nam"))
    return store


def test_report_overview(loaded) -> None:
    rows = api.report_overview(loaded, "Lao PDR").records()
    assert [r["kind"] for r in rows] == ["problem", "priority", "core_problem", "root_cause", "cause",
                                         "effect", "effect", "vision", "result", "result"]
    core = next(r for r in rows if r["kind"] == "core_problem")
    assert sorted(core["links"]) == [
        "CAUSES: Victims are re-trafficked after return",
        "CAUSES: Victims refuse to cooperate with prosecution under the Law on Anti-Trafficking in Persons"]


def test_root_causes_through_chains(loaded) -> None:
    rows = api.root_causes(loaded, "Lao PDR", core="adequate support").records()
    assert [(r["root_cause"], r["hops"]) for r in rows] == [("Limited budget for victim services", 2)]


def test_causal_chains(loaded) -> None:
    rows = api.causal_chains(loaded, "Lao PDR").records()
    assert len(rows) == 2
    assert rows[0]["chain"][0] == "Limited budget for victim services"
    assert {r["chain"][-1] for r in rows} == {"Victims are re-trafficked after return",
                                              "Victims refuse to cooperate with prosecution under the Law on "
                                              "Anti-Trafficking in Persons"}
    assert all(r["hops"] == 3 for r in rows)


def test_results_for_priority(loaded) -> None:
    rows = api.run_query(loaded, "results_for_priority", {"report": "Lao PDR"}).records()
    assert {(r["priority"], r["result"], r["via"]) for r in rows} == {
        ("Victims are not identified at the border",
         "Border officials identify victims, as agreed with Thailand at its consultation", "direct"),
        ("Victims of trafficking do not receive adequate support",
         "Shelters have trained staff and funding, with support from IOM", "cause"),
        ("Victims of trafficking do not receive adequate support",
         "All victims receive comprehensive support services", "direct"),
    }


def test_gap_analysis(loaded) -> None:
    rows = api.gap_analysis(loaded, "Lao PDR").records()
    assert [(r["kind"], r["unaddressed"]) for r in rows] == [("root_cause", "Limited budget for victim services")]


def test_statements_mentioning_org_and_law(loaded) -> None:
    iom = api.run_query(loaded, "statements_mentioning", {"name": "iom"}).records()
    assert {(r["country"], r["text"]) for r in iom} == {
        (c, "Shelters have trained staff and funding, with support from IOM") for c in ("Lao PDR", "Viet Nam")}
    law = api.run_query(loaded, "statements_mentioning", {"name": "Anti-Trafficking"}).records()
    assert {r["entity_kind"] for r in law} == {"law"}
    assert all(r["kind"] == "effect" for r in law) and len(law) == 2


def test_consultation_references(loaded) -> None:
    rows = api.run_query(loaded, "consultation_references", {"report": "Lao PDR"}).records()
    assert [(r["to_country"], len(r["their_reports"])) for r in rows] == [("Thailand", 0), ("Viet Nam", 1)]
    # The Viet Nam copy refers to "Viet Nam": its own country, so that is not a cross-reference.
    vn = api.run_query(loaded, "consultation_references", {"report": "Viet Nam"}).records()
    assert [r["to_country"] for r in vn] == ["Thailand"]


def test_passage_statements_and_provenance(loaded) -> None:
    hit = api.search_statements(loaded, "border officials").records()[0]
    prov = api.statement_provenance(loaded, hit["statement_id"]).records()
    assert len(prov) == 1
    p = prov[0]
    assert (p["section"], p["group"], p["country"]) == ("Results Mapping", "Group 1", hit["country"])
    text = make_extraction().text if hit["country"] == "Lao PDR" else relabelled(make_extraction(), 1).text
    assert text[p["start"]:p["end"]] == p["sentence"]
    inside = api.run_query(loaded, "passage_statements", {"passage": p["passage_id"]}).records()
    assert [r["statement_id"] for r in inside] == [hit["statement_id"]]


def test_counts_per_kind(loaded) -> None:
    rows = api.counts_per_kind(loaded, "Viet Nam").records()
    assert {r["kind"]: r["statements"] for r in rows} == {
        "problem": 1, "priority": 1, "core_problem": 1, "root_cause": 1, "cause": 1, "effect": 2,
        "vision": 1, "result": 2}


def test_search_statements(loaded) -> None:
    rows = api.search_statements(loaded, "SHELTERS", kind="cause").records()
    assert [(r["country"], r["kind"]) for r in rows] == [("Lao PDR", "cause"), ("Viet Nam", "cause")]
    assert api.search_statements(loaded, "no such words").rows == ()


def test_organisation_reach_and_reports(loaded) -> None:
    rows = api.run_query(loaded, "organisation_reach", {"name": "Women"}).records()
    assert [(r["organisation"], r["country"], r["passages"]) for r in rows] == [
        ("Lao Women's Union", "Lao PDR", 1), ("Lao Women's Union", "Viet Nam", 1)]
    assert [r["country"] for r in api.reports(loaded).records()] == ["Lao PDR", "Viet Nam"]


def test_limit_caps_rows(loaded) -> None:
    assert len(api.run_query(loaded, "report_overview", {}, limit=3)) == 3
    assert len(api.run_query(loaded, "reports", {}, limit=1)) == 1


# --- comments: remarks about the material, by theme and role ---------------------------------


def _with_comments(extraction):
    """The fixture report with two comments: a participant's on the database theme, the facilitator's on the tree."""
    from dataclasses import replace

    from graph.contract import Link, SourceSpan, Statement, ThemeTag, stable_id

    text = extraction.text
    core = next(s for s in extraction.statements if s.kind == "core_problem")

    def comment(local: str, needle: str, role: str, speaker: str | None, themes: tuple) -> Statement:
        start = text.index(needle)
        return Statement(id=stable_id(extraction.report.id, local), kind="comment", text=needle, group="Group 1",
                         topic=None, n=None, parent=None,
                         source=SourceSpan("Problem Tree Analysis", 1, start, start + len(needle), needle),
                         themes=themes, speaker=speaker, speaker_role=role)

    database = comment("c1", "participants stressed reintegration", "participant", None,
                       (ThemeTag("database", "database"),))
    trunk = comment("c2", "Victims of trafficking do not receive adequate support", "facilitator", "Geoff Manthey", ())
    links = (*extraction.links, Link(database.id, core.id, "DISCUSSES", "the tree it discusses"),
             Link(trunk.id, core.id, "DISCUSSES", "shared terms: support, victim"))
    return replace(extraction, statements=(*extraction.statements, database, trunk), links=links)


def test_comments_by_theme_role_and_report(store) -> None:
    store.write_report(_with_comments(make_extraction()))
    rows = api.run_query(store, "comments", {"report": "Lao PDR"}).records()
    assert [(r["role"], r["speaker"], r["text"], r["discusses_kind"]) for r in rows] == [
        ("facilitator", "Geoff Manthey", "Victims of trafficking do not receive adequate support", "core_problem"),
        ("participant", None, "participants stressed reintegration", "core_problem"),
    ]
    by_theme = api.run_query(store, "comments", {"themes": "database"}).records()
    assert [(r["role"], r["themes"], r["discusses"]) for r in by_theme] == [
        ("participant", ["database"], "Victims of trafficking do not receive adequate support")]
    assert api.run_query(store, "comments", {"role": "chair"}).rows == ()
    # Comments are never counted as problems or causes.
    kinds = {r["kind"]: r["statements"] for r in api.counts_per_kind(store, "Lao PDR").records()}
    assert kinds["comment"] == 2 and kinds["cause"] == 1 and kinds["problem"] == 1
