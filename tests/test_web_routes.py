"""The web explorer through Flask's test client, against the real embedded FalkorDB with the real
Lao PDR report (plus the synthetic Viet Nam report and a synthetic report full of XSS payloads)
ingested by the ingest service. See tests/web_support.py for the fixtures."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zipfile

import pytest

pytest.register_assert_rewrite("web_support")

from web_support import RAW_PAYLOADS  # noqa: E402

pytest_plugins = ["web_support"]
pytestmark = pytest.mark.slow

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def html(response) -> str:
    return response.get_data(as_text=True)


def token(client, path: str = "/console") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html(client.get(path)))
    assert match, "the form carries a CSRF token"
    return match.group(1)


def network_data(page: str, dom_id: str) -> dict:
    match = re.search(rf'<script type="application/json" id="{re.escape(dom_id)}-data">(.*?)</script>', page, re.S)
    assert match, f"no network data for {dom_id}"
    return json.loads(match.group(1))


def assert_inert(page: str) -> None:
    for raw in RAW_PAYLOADS:
        assert raw not in page, f"unescaped payload {raw!r}"
    assert "49" not in re.findall(r"are (\S+) small", page), "report text was evaluated as a template"


# --- the app factory and the store --------------------------------------------------------------


def test_create_app_opens_no_store_until_a_request_needs_one(tmp_path) -> None:
    from web import create_app
    from web.store import EXTENSION, close_store

    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data")})
    holder = app.extensions[EXTENSION]
    assert not holder.is_open
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert "gmsgraph ingest" in html(response)  # a new, empty store: the empty state
    assert holder.is_open
    close_store(app)
    assert not holder.is_open


def test_a_store_given_to_the_app_is_never_closed_by_it(web_store) -> None:
    from web import create_app
    from web.store import close_store

    app = create_app({"TESTING": True, "STORE": web_store})
    assert app.test_client().get("/api/reports").status_code == 200
    close_store(app)
    assert web_store.counts().nodes > 0  # still open


def test_jinja_autoescaping_is_on(app) -> None:
    with app.app_context():
        from flask import render_template_string

        assert render_template_string("{{ v }}", v="<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"


# --- headers and errors -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/themes", "/matrix.csv", "/api/reports", "/static/app.js",
                                  "/vendor/vis-9.1.2/vis-network.min.js", "/no/such/page", "/api/statements/none"])
def test_security_headers_on_every_response(client, path: str) -> None:
    response = client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, (path, name)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp


def test_pages_have_no_inline_script_or_style(client, corpus) -> None:
    for path in ("/", f"/reports/{corpus.lao}", "/themes", "/matrix", "/console",
                 f"/statements/{corpus.root_cause}"):
        page = html(client.get(path))
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert "<style" not in page and " style=" not in page, path
        assert "http://" not in page.replace("http://127.0.0.1", "") and "https://" not in page, path


@pytest.mark.parametrize("path", ["/nope", "/reports/0000", "/statements/0000", "/themes/no_such_theme",
                                  "/export/pdf", "/vendor/vis-9.1.2/other.js", "/upload"])
def test_unknown_things_are_404_pages_without_tracebacks(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    page = html(response)
    assert "404" in page and "Traceback" not in page and 'File "' not in page


def test_an_unexpected_error_is_a_500_page_with_no_traceback(web_store) -> None:
    from web import create_app

    class Broken:
        def run(self, *args, **kwargs):
            raise ZeroDivisionError("secret internals")

    app = create_app({"TESTING": False, "STORE": Broken()})
    for path, marker in (("/", "Internal error"), ("/api/reports", '"error"')):
        response = app.test_client().get(path)
        assert response.status_code == 500
        body = html(response)
        assert marker in body and "secret internals" not in body and "Traceback" not in body


def test_an_unreachable_store_is_a_503_with_its_message() -> None:
    from graph.store import StoreError
    from web import create_app

    class Down:
        def run(self, *args, **kwargs):
            raise StoreError("cannot reach FalkorDB at /tmp/x.sock")

    response = create_app({"STORE": Down()}).test_client().get("/matrix")
    assert response.status_code == 503
    assert "cannot reach FalkorDB" in html(response)


# --- the pages --------------------------------------------------------------------------------


def test_overview_lists_the_reports_with_counts_and_the_recurring_themes(client, corpus) -> None:
    page = html(client.get("/"))
    assert f'href="/reports/{corpus.lao}"' in page
    assert "Lao PDR Consultation Workshop on Strategic Visioning" in page
    assert "Viet Nam" in page and "Myanmar" in page
    assert page.count('class="badge synthetic"') >= 2 + 1  # two synthetic reports, plus the footer's key
    assert "Data and information sharing" in page and 'href="/themes/database"' in page
    assert f'<td class="num">{corpus.lao_statements}</td>' in page  # the Lao report's statements


def test_overview_of_an_empty_graph_shows_the_ingest_command(store) -> None:
    from web import create_app

    page = html(create_app({"STORE": store}).test_client().get("/"))
    assert "The graph is empty" in page and "gmsgraph ingest" in page


def test_report_page_shows_groups_priorities_trees_and_results(client, corpus) -> None:
    response = client.get(f"/reports/{corpus.lao}")
    assert response.status_code == 200
    page = html(response)
    for group in ("Group One", "Group Two", "Group Three", "Group Four"):
        assert f"<h3>{group}</h3>" in page
    for priority in ("Skills", "Cooperation", "Economic Issues / Materialism", "Legal Issues / Regulations"):
        assert priority in page
    assert page.count('class="tree"') >= 4
    assert corpus.root_cause_text in page
    assert 'class="addresses"' in page  # results say what they address
    assert 'src="/vendor/vis-9.1.2/vis-network.min.js"' in page


def test_problem_trees_are_hierarchical_with_causes_below_and_effects_above(client, corpus) -> None:
    page = html(client.get(f"/reports/{corpus.lao}"))
    trees = [network_data(page, f"tree-{i}") for i in range(1, 5)]
    found_root = False
    for tree in trees:
        assert tree["options"]["layout"]["hierarchical"]["enabled"] is True
        assert tree["options"]["layout"]["hierarchical"]["direction"] == "DU"
        assert tree["options"]["physics"]["enabled"] is False
        levels: dict[str, list[int]] = {}
        for node in tree["nodes"]:
            levels.setdefault(node["kind"], []).append(node["level"])
        core = levels["core_problem"][0]
        assert all(lvl < core for lvl in levels.get("cause", []) + levels.get("root_cause", []))
        assert all(lvl > core for lvl in levels.get("effect", []))
        if levels.get("root_cause"):
            assert max(levels["root_cause"]) <= min(levels.get("cause", [99]))
        found_root |= any(n["id"] == corpus.root_cause for n in tree["nodes"])
        assert all(e["from"] != e["to"] for e in tree["edges"])
    assert found_root


def test_build_trees_levels_from_causes_links() -> None:
    from web.data import Item, build_trees

    def item(sid: str, kind: str) -> Item:
        return Item(sid, kind, sid, "G", "T", None, None)

    statements = [item("core", "core_problem"), item("c1", "cause"), item("c2", "cause"), item("r", "root_cause"),
                  item("e1", "effect"), item("e2", "effect"), item("loose", "cause")]
    links = [{"source_id": s, "target_id": t, "type": "CAUSES"}
             for s, t in (("c1", "core"), ("c2", "c1"), ("r", "core"), ("core", "e1"), ("e1", "e2"))]
    (tree,) = build_trees(statements, links)
    lv = tree.levels
    assert lv["e2"] > lv["e1"] > lv["core"] > lv["c1"] > lv["c2"] > lv["r"] == 0
    assert lv["loose"] < lv["core"]
    assert [len(items) for _, items in tree.rows()][0] == 1  # the top row is the last effect


def test_statement_page_shows_provenance_and_highlights_the_sentence(client, corpus, web_store) -> None:
    from graph.queries import api

    detail = api.statement_detail(web_store, corpus.root_cause).records()[0]
    response = client.get(f"/statements/{corpus.root_cause}")
    assert response.status_code == 200
    page = html(response)
    assert "Root cause" in page and f"<dt>Section</dt><dd>{detail['section']}</dd>" in page
    assert f"<mark>{corpus.root_cause_text.rstrip('.')}" in page
    assert f"<dt>Page</dt><dd>{detail['page']}</dd>" in page
    assert "lao_pdr_2013_consultation.txt" in page
    assert "Leads to" in page  # its CAUSES link to the core problem
    assert 'class="around"' in page  # the neighbouring sentences


def test_context_paragraph_keeps_each_sentence_once_and_marks_the_statement() -> None:
    from web.data import context_paragraph

    passages = [
        {"sentence": "A b c.", "start": 0, "end": 6, "page": 1, "is_source": False},
        {"sentence": "Poverty drives migration to cities.", "start": 7, "end": 42, "page": 1, "is_source": False},
        {"sentence": "Poverty drives migration to cities.", "start": 22, "end": 41, "page": 1, "is_source": True},
        {"sentence": "A b c. Poverty drives migration to cities.", "start": 0, "end": 42, "page": None,
         "is_source": False},
    ]
    out = context_paragraph(passages, "migration to cities")
    assert [c["text"] for c in out] == ["A b c.", "Poverty drives migration to cities."]
    assert out[1]["parts"] == [("Poverty drives ", False), ("migration to cities", True), (".", False)]


def test_theme_page_shows_countries_stages_wording_and_cross_references(client) -> None:
    response = client.get("/themes/database")
    assert response.status_code == 200
    page = html(response)
    assert "Data and information sharing" in page
    for country in ("Lao PDR", "Viet Nam", "Myanmar"):
        assert f"<h2>{country}" in page
    assert "<h3>Problem" in page and "<h3>Result" in page
    assert "centralised human trafficking database" in page  # the Lao report's own words
    assert "matched “" in page and ", p. " in page  # the wording that matched, and the page
    assert "Said to have been raised also in" in page


def test_theme_network_page_and_filters(client) -> None:
    everything = network_data(html(client.get("/themes")), "theme-network")
    assert everything["options"]["physics"]["enabled"] is False
    kinds = {n["kind"] for n in everything["nodes"]}
    assert kinds == {"theme", "country", "statement"}
    assert all("x" in n and "y" in n for n in everything["nodes"])
    one = network_data(html(client.get("/themes?theme=database&country=Lao+PDR")), "theme-network")
    assert 0 < len(one["nodes"]) < len(everything["nodes"])
    assert {n["label"] for n in one["nodes"] if n["kind"] == "theme"} == {"Data and information sharing"}
    stage = network_data(html(client.get("/themes?stage=result")), "theme-network")
    assert {n["stage"] for n in stage["nodes"] if n["kind"] == "statement"} == {"result"}
    assert client.get("/themes?stage=bogus").status_code == 400


def test_theme_network_is_capped_and_says_so(web_store) -> None:
    from web import create_app

    client = create_app({"STORE": web_store, "NODE_CAP": 40}).test_client()
    page = html(client.get("/themes"))
    data = network_data(page, "theme-network")
    assert len(data["nodes"]) == 40 and data["capped"] is True
    assert "capped at 40 nodes" in page and "Narrow it with the filters" in page
    assert len(html(create_app({"STORE": web_store}).test_client().get("/themes")).split("capped at")) == 1


def test_theme_network_layout_is_linear_and_deterministic() -> None:
    import time

    from web.networks import theme_network

    rows = [{"statement_id": f"s{i}", "kind": ("problem", "cause", "result")[i % 3], "text": f"statement {i}",
             "evidence": "data", "theme": f"t{i % 20}", "label": f"Theme {i % 20}", "country_id": f"c{i % 6}",
             "country": f"Country {i % 6}", "report_id": "r", "synthetic": False} for i in range(3000)]
    started = time.perf_counter()
    first = theme_network(rows, cap=500)
    assert time.perf_counter() - started < 2.0
    assert len(first["nodes"]) == 500 and first["capped"]
    assert first == theme_network(rows, cap=500)
    positions = {(n["x"], n["y"]) for n in first["nodes"]}
    assert len(positions) == 500  # no two nodes on the same spot


def test_matrix_heatmap_cells_open_their_statements(client) -> None:
    page = html(client.get("/matrix"))
    assert 'class="heatmap"' in page and "heat-5" in page
    assert 'href="/matrix?country=Lao+PDR&amp;theme=database#cell"' in page
    cell = client.get("/matrix?country=Lao+PDR&theme=database")
    assert cell.status_code == 200
    body = html(cell)
    assert 'id="cell"' in body and "Data and information sharing in Lao PDR" in body
    assert "centralised human trafficking database" in body
    assert client.get("/matrix?country=Lao+PDR").status_code == 400
    assert client.get("/matrix?country=Atlantis&theme=database").status_code == 404


def test_matrix_csv_download(client) -> None:
    response = client.get("/matrix.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(html(response))))
    assert list(rows[0]) == ["country", "theme", "label", "problem", "cause", "root_cause", "effect", "vision",
                             "result", "total"]
    lao_db = next(r for r in rows if r["country"] == "Lao PDR" and r["theme"] == "database")
    assert int(lao_db["total"]) >= 5
    from web.matrix import _csv_safe

    assert _csv_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _csv_safe("plain") == "plain" and _csv_safe(3) == 3


def test_gaps_page(client, corpus) -> None:
    page = html(client.get("/gaps"))
    assert f'href="/reports/{corpus.lao}"' in page
    assert "unaddressed" in page and "Themes raised but not answered" in page


def test_search_finds_statements_themes_and_entities(client) -> None:
    page = html(client.get("/search?q=database"))
    assert 'href="/themes/database"' in page
    assert "centralised human trafficking database" in page
    assert "UNIAP" in html(client.get("/search?q=UNIAP"))
    assert "<h2>Statements" not in html(client.get("/search"))
    assert client.get("/search?q=" + "x" * 400).status_code == 400


def test_compare_two_consultations(client) -> None:
    response = client.get("/compare?a=Lao+PDR&b=Viet+Nam")
    assert response.status_code == 200
    page = html(response)
    assert "Shared themes" in page and "Data and information sharing" in page
    assert "Only Lao PDR" in page and "Only Viet Nam" in page
    assert 'id="tree-1-1-1-data"' in page and 'id="tree-2-1-1-data"' in page
    assert client.get("/compare?a=Lao+PDR").status_code == 400
    assert client.get("/compare?a=Lao+PDR&b=Atlantis").status_code == 404
    assert "<select name=\"a\">" in html(client.get("/compare"))


def test_vis_network_is_served_from_pyvis_gzipped_and_cached(client) -> None:
    plain = client.get("/vendor/vis-9.1.2/vis-network.min.js")
    assert plain.status_code == 200 and plain.mimetype == "text/javascript"
    assert b"vis-network" in plain.data[:200] and "Content-Encoding" not in plain.headers
    packed = client.get("/vendor/vis-9.1.2/vis-network.min.js", headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data and len(packed.data) < len(plain.data) / 2
    css = client.get("/vendor/vis-9.1.2/vis-network.css")
    assert css.status_code == 200 and css.mimetype == "text/css"


def test_exports(client) -> None:
    js = client.get("/export/json")
    assert js.status_code == 200 and "attachment" in js.headers["Content-Disposition"]
    payload = json.loads(js.data)
    assert payload["nodes"] and payload["relationships"]
    graphml = client.get("/export/graphml")
    assert graphml.status_code == 200 and b"<graphml" in graphml.data[:500]
    archive = zipfile.ZipFile(io.BytesIO(client.get("/export/csv").data))
    assert any(name.endswith(".csv") for name in archive.namelist())


# --- the console --------------------------------------------------------------------------------


def run_console(client, query: str, params: str = ""):
    return client.post("/console", data={"query": query, "params": params, "csrf_token": token(client)})


def test_console_offers_the_library_and_shows_its_limits(client) -> None:
    page = html(client.get("/console"))
    assert 'href="/console?example=root_causes"' in page
    assert "The root causes of a core problem" in page and "<code>$report</code>" in page
    assert 'id="timeout">10.0 s' in page and 'id="row-cap">1000' in page
    filled = html(client.get("/console?example=search_statements"))
    assert "toLower(s.text) CONTAINS toLower($text)" in filled
    assert "{&#34;text&#34;: &#34;&#34;, &#34;kind&#34;: &#34;&#34;, &#34;limit&#34;: 100}" in filled


def test_console_runs_a_library_query_with_parameters(client) -> None:
    from graph.queries.catalog import get

    response = run_console(client, get("search_statements").text, '{"text": "database", "kind": "", "limit": 5}')
    assert response.status_code == 200
    page = html(response)
    assert '<table class="results" id="console-rows">' in page
    assert "5 rows in" in page
    cells = re.findall(r"<td>(.*?)</td>", page.split('id="console-rows"')[1], re.S)
    assert any("database" in c.lower() for c in cells)


def test_console_post_needs_the_csrf_token(client) -> None:
    response = client.post("/console", data={"query": "MATCH (n) RETURN count(n)"})
    assert response.status_code == 400
    assert "security token" in html(response)
    client.get("/console")
    forged = client.post("/console", data={"query": "MATCH (n) RETURN count(n)", "csrf_token": "forged"})
    assert forged.status_code == 400


WRITES = [
    "CREATE (n:Report {id: 'hacked'}) RETURN n",
    "MERGE (n:Theme {id: 'hacked'})",
    "MATCH (r:Report) SET r.title = 'hacked'",
    "MATCH (s:Statement) DETACH DELETE s",
    "MATCH (r:Report) REMOVE r.title",
    "CREATE INDEX FOR (n:Report) ON (n.title)",
    "CALL db.idx.fulltext.createNodeIndex('Statement', 'text')",
    "/* looks harmless */ cReAtE (n:Theme {id: 'hacked'})",
    "MATCH (n) RETURN count(n); CREATE (x:Theme {id: 'hacked'})",
    "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
]


@pytest.mark.parametrize("query", WRITES)
def test_console_refuses_writes_and_the_graph_is_unchanged(client, web_store, query: str) -> None:
    before = web_store.counts()
    response = run_console(client, query)
    assert response.status_code == 400
    page = html(response)
    assert 'id="console-error"' in page and "Refused or failed:" in page
    assert web_store.counts() == before


def test_console_load_csv_is_refused_with_the_store_message(client) -> None:
    page = html(run_console(client, "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r"))
    assert "root:" not in page
    assert "LOAD CSV" in page


def test_console_bad_parameters_are_400_with_a_message(client) -> None:
    for params, message in (("{not json", "not valid JSON"), ("[1, 2]", "must be a JSON object"),
                            ('{"bad name": 1}', "not a valid identifier")):
        response = run_console(client, "RETURN $x AS x", params)
        assert response.status_code == 400
        assert message in html(response)
    assert run_console(client, "   ").status_code == 400


def test_console_row_cap_and_timeout_are_enforced_and_said(web_store) -> None:
    from web import create_app

    client = create_app({"STORE": web_store, "CONSOLE_ROW_CAP": 3, "CONSOLE_TIMEOUT": 0.2}).test_client()
    capped = html(run_console(client, "MATCH (s:Statement) RETURN s.text AS text"))
    assert "capped at 3 rows" in capped and capped.count("<tr>") == 1 + 3
    slow = run_console(client, "MATCH (a:Statement), (b:Statement), (c:Passage) RETURN count(*)")
    assert slow.status_code == 400
    assert "hit the timeout of 0.2 s" in html(slow)


def test_console_draws_nodes_and_relationships_as_a_graph(client) -> None:
    page = html(run_console(client, "MATCH (a:RootCause)-[r:CAUSES]->(b:Statement) RETURN a, r, b LIMIT 5"))
    graph = network_data(page, "console-graph")
    assert graph["nodes"] and graph["edges"]
    assert {e["label"] for e in graph["edges"]} == {"CAUSES"}


def test_console_results_with_payloads_are_escaped(client, corpus) -> None:
    query = "MATCH (s:Statement {report_id: $r}) RETURN s.text, s"
    page = html(run_console(client, query, json.dumps({"r": corpus.xss})))
    assert "window.__xss" in page  # the text is there...
    assert_inert(page)  # ...but only as text


# --- the JSON API -------------------------------------------------------------------------------


def test_api_reports_and_statement(client, corpus) -> None:
    reports = client.get("/api/reports").get_json()["reports"]
    assert {r["country"] for r in reports} == {"Lao PDR", "Viet Nam", "Myanmar"}
    lao = next(r for r in reports if r["id"] == corpus.lao)
    assert lao["statements"] == corpus.lao_statements > 100 and lao["synthetic"] is False
    detail = client.get(f"/api/statements/{corpus.root_cause}").get_json()
    assert detail["statement"]["text"] == corpus.root_cause_text and detail["statement"]["kind"] == "root_cause"
    assert detail["links"]["causes"] and any(c["source"] for c in detail["context"])
    missing = client.get("/api/statements/nope")
    assert missing.status_code == 404 and "error" in missing.get_json()


def test_api_graph_is_filtered_and_capped(client) -> None:
    data = client.get("/api/graph?theme=database&country=Lao+PDR&stage=problem").get_json()
    assert data["nodes"] and data["edges"] and data["capped"] is False
    stmts = [n for n in data["nodes"] if n["kind"] == "statement"]
    assert stmts and {n["stage"] for n in stmts} == {"problem"}
    assert len(client.get("/api/graph").get_json()["nodes"]) <= 500
    assert client.get("/api/graph?stage=nope").status_code == 400


def test_api_matrix(client) -> None:
    data = client.get("/api/matrix").get_json()
    assert data["columns"][0] == "country"
    assert any(r["country"] == "Lao PDR" and r["theme"] == "database" for r in data["rows"])


def test_api_query_runs_read_only(client, web_store) -> None:
    ok = client.post("/api/query", json={"query": "MATCH (r:Report) RETURN r.country AS country ORDER BY country"})
    assert ok.status_code == 200
    body = ok.get_json()
    assert body["columns"] == ["country"] and body["rows"] == [["Lao PDR"], ["Myanmar"], ["Viet Nam"]]
    assert body["truncated"] is False and body["row_cap"] == 1000
    before = web_store.counts()
    refused = client.post("/api/query", json={"query": "CREATE (n:Theme {id: 'x'})"})
    assert refused.status_code == 400 and "error" in refused.get_json()
    assert web_store.counts() == before
    bad = client.post("/api/query", json={"query": "RETURN $x", "params": "[1]"})
    assert bad.status_code == 400 and "JSON object" in bad.get_json()["error"]
    assert client.post("/api/query", json=["no"]).status_code == 400


def test_api_query_refuses_forms_and_other_origins(client) -> None:
    form = client.post("/api/query", data={"query": "RETURN 1"})
    assert form.status_code == 415
    foreign = client.post("/api/query", json={"query": "RETURN 1"}, headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403


# --- XSS: report text with markup renders inert everywhere --------------------------------------


def test_every_page_showing_the_xss_report_renders_it_inert(client, corpus) -> None:
    paths = ["/", f"/reports/{corpus.xss}", "/themes", "/themes?country=Myanmar", "/themes/database", "/matrix",
             "/matrix?country=Myanmar&theme=database", "/gaps", "/search?q=national+database", "/search?q=window",
             "/compare?a=Myanmar&b=Lao+PDR", *(f"/statements/{s}" for s in corpus.xss_statements)]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        page = html(response)
        assert_inert(page)
        # a JSON data block never closes its <script> early
        for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S):
            json.loads(block)
    report = html(client.get(f"/reports/{corpus.xss}"))
    assert "&lt;img src=x onerror=" in report and "{{ 7*7 }}" in report


def test_api_consumers_get_the_payloads_as_plain_json_strings(client, corpus) -> None:
    for sid in corpus.xss_statements:
        response = client.get(f"/api/statements/{sid}")
        assert response.mimetype == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert isinstance(response.get_json()["statement"]["text"], str)
    texts = [n["title"] for n in client.get("/api/graph?country=Myanmar").get_json()["nodes"]]
    assert any("<img src=x onerror" in t for t in texts)  # data, for the consumer to escape


# --- upload -------------------------------------------------------------------------------------


def test_upload_is_off_by_default(client) -> None:
    assert client.get("/upload").status_code == 404
    assert "Upload" not in html(client.get("/")).split("</nav>")[0]


def test_upload_ingests_good_files_and_reports_bad_ones(store, tmp_path) -> None:
    from web_support import VIET_NAM_REPORT

    from web import create_app

    client = create_app({"STORE": store, "ALLOW_UPLOAD": True, "MAX_UPLOAD_BYTES": 200_000}).test_client()
    form = html(client.get("/upload"))
    assert 'enctype="multipart/form-data"' in form
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    assert client.post("/upload", data={"reports": (io.BytesIO(b"x"), "a.txt")},
                       content_type="multipart/form-data").status_code == 400  # no token
    before = store.counts()
    response = client.post("/upload", content_type="multipart/form-data", data={
        "csrf_token": csrf,
        "reports": [(io.BytesIO(b""), "empty.txt"), (io.BytesIO(b"\x00\x01\x02" * 100), "binary.pdf"),
                    (io.BytesIO(b"x" * 300_000), "huge.txt"),
                    (io.BytesIO(VIET_NAM_REPORT.read_bytes()), "viet_nam_synthetic.txt")]})
    assert response.status_code == 200
    page = html(response)
    assert page.count("outcome-failed") == 3 and page.count("outcome-new") == 1
    assert "open the report" in page
    after = store.counts()
    assert after.labels["Report"] == before.labels.get("Report", 0) + 1


# --- compression --------------------------------------------------------------------------------


def test_pages_are_gzipped_for_browsers_except_those_with_a_csrf_token(client) -> None:
    plain = client.get("/themes")
    packed = client.get("/themes", headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 3
    assert "Content-Encoding" not in plain.headers
    console = client.get("/console", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in console.headers and b"csrf_token" in console.data
