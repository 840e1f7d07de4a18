"""The web explorer in real headless Chromium (Debian's ``chromium``, driven by Playwright with
``executable_path``; never a browser download), against the app served on 127.0.0.1.

Skipped with the reason when no Chromium is installed; with ``CI`` set a missing browser fails
instead (``.ci/run`` installs it), so CI always runs these.
"""

from __future__ import annotations

import json

import pytest

pytest.register_assert_rewrite("web_support")

pytest_plugins = ["web_support"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def all_pages(corpus) -> list[str]:
    return [
        "/", f"/reports/{corpus.lao}", f"/reports/{corpus.viet_nam}", f"/reports/{corpus.xss}",
        f"/statements/{corpus.root_cause}", "/themes", "/themes?theme=database&stage=result",
        "/themes/database", "/matrix", "/matrix?country=Lao+PDR&theme=database", "/gaps",
        "/search?q=database", "/compare?a=Lao+PDR&b=Viet+Nam", "/console", "/console?example=causal_chains",
    ]


def drawn_networks(page) -> list[str]:
    return page.page.evaluate("Array.from(document.querySelectorAll('[data-network]')).map(e => e.id)")


def test_every_page_loads_without_console_errors_or_outside_requests(page, corpus) -> None:
    for path in all_pages(corpus):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        for dom_id in drawn_networks(page):
            assert page.wait_drawn(dom_id) > 0, (path, dom_id)
        page.clean()


def test_theme_network_draws_its_nodes_and_a_filter_changes_the_count(page) -> None:
    page.goto("/themes")
    everything = page.wait_drawn("theme-network")
    sent = len(json.loads(page.page.locator("#theme-network-data").text_content())["nodes"])
    assert everything == sent > 20
    assert page.page.locator("#drawn-count").text_content() == str(everything)
    canvas = page.page.locator("#theme-network canvas")
    assert canvas.count() == 1 and canvas.bounding_box()["width"] > 300

    page.page.select_option("select[name=theme]", "database")
    page.page.select_option("select[name=country]", "Lao PDR")
    with page.page.expect_navigation():
        page.page.click("form.filters button[type=submit]")
    narrowed = page.wait_drawn("theme-network")
    assert 0 < narrowed < everything
    assert page.page.locator("#drawn-count").text_content() == str(narrowed)
    page.clean()


def _node_screen_point(page, dom_id: str, node_id: str) -> tuple[float, float]:
    point = page.page.evaluate(
        """([dom, node]) => {
             const net = window.gmsgraph.networks[dom];
             const p = net.getPositions([node])[node];
             return net.canvasToDOM(p);
           }""", [dom_id, node_id])
    box = page.page.locator(f"#{dom_id}").bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def test_theme_network_hover_shows_the_text_and_click_focuses_the_neighbourhood(page) -> None:
    page.goto("/themes?theme=database&country=Lao+PDR")
    page.wait_drawn("theme-network")
    nodes = json.loads(page.page.locator("#theme-network-data").text_content())["nodes"]
    statement = next(n for n in nodes if n["kind"] == "statement")
    x, y = _node_screen_point(page, "theme-network", statement["id"])
    page.page.mouse.move(x, y)
    tooltip = page.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert statement["title"].split("\n")[1][:40] in tooltip.text_content()
    page.page.mouse.click(x, y)
    page.page.wait_for_function("document.getElementById('theme-network').dataset.focused")
    focused = int(page.page.evaluate("document.getElementById('theme-network').dataset.focused"))
    assert 1 < focused < len(nodes)
    assert "Open this statement" in page.page.locator("#selection").text_content()
    page.clean()


def test_a_problem_tree_renders_as_a_tree(page, corpus) -> None:
    page.goto(f"/reports/{corpus.lao}")
    assert page.wait_drawn("tree-1") > 3
    data = json.loads(page.page.locator("#tree-1-data").text_content())
    positions = page.page.evaluate("window.gmsgraph.networks['tree-1'].getPositions()")
    y_by_kind: dict[str, list[float]] = {}
    for node in data["nodes"]:
        y_by_kind.setdefault(node["kind"], []).append(positions[node["id"]]["y"])
    core = y_by_kind["core_problem"][0]
    # The trunk in the middle: effects drawn above it, causes and root causes below it.
    assert all(y < core for y in y_by_kind.get("effect", []))
    assert all(y > core for y in y_by_kind.get("cause", []) + y_by_kind.get("root_cause", []))
    assert y_by_kind.get("effect") and (y_by_kind.get("cause") or y_by_kind.get("root_cause"))
    # Same level, same row: a hierarchical layout, not a force layout.
    rows = {round(positions[n["id"]]["y"]) for n in data["nodes"]}
    assert len(rows) == len({n["level"] for n in data["nodes"]})
    page.clean()


def test_a_heatmap_cell_opens_its_statements(page) -> None:
    page.goto("/matrix")
    with page.page.expect_navigation():
        page.page.click('td a.cell[href*="country=Lao+PDR"][href*="theme=database"]')
    section = page.page.locator("#cell")
    section.wait_for(state="visible")
    assert "Data and information sharing in Lao PDR" in section.locator("h2").text_content()
    items = section.locator("ul.statements li")
    assert items.count() >= 5
    assert "database" in section.text_content().lower()
    assert page.page.locator("td.selected").count() == 1
    page.clean()


def test_the_console_returns_rows_for_a_library_query_and_refuses_a_write(page, web_store) -> None:
    page.goto("/console")
    with page.page.expect_navigation():
        page.page.click('a[href="/console?example=search_statements"]')
    page.page.fill("#params", '{"text": "database", "kind": "", "limit": 10}')
    with page.page.expect_navigation():
        page.page.click("form.console button[type=submit]")
    rows = page.page.locator("#console-rows tbody tr")
    assert rows.count() == 10
    assert "database" in page.page.locator("#console-rows").text_content().lower()

    before = web_store.counts()
    page.page.fill("#query", "CREATE (n:Theme {id: 'written_from_the_browser'}) RETURN n")
    page.page.fill("#params", "")
    with page.page.expect_navigation():
        page.page.click("form.console button[type=submit]")
    assert page.page.locator("#console-error").is_visible()
    assert web_store.counts() == before
    page.page.fill("#query", "MATCH (n) RETURN count(n) AS nodes")
    with page.page.expect_navigation():
        page.page.click("form.console button[type=submit]")
    assert page.page.locator("#console-rows tbody td").text_content() == str(before.nodes)
    # The 400 of the refused query shows in the console log as a failed resource load: expected.
    page.errors[:] = [e for e in page.errors if "status of 400" not in e]
    page.clean()


def test_a_report_with_xss_payloads_executes_none_of_them(page, corpus) -> None:
    paths = ["/", f"/reports/{corpus.xss}", "/themes?country=Myanmar", "/themes/database", "/matrix",
             "/matrix?country=Myanmar&theme=database", "/gaps", "/search?q=window", "/compare?a=Myanmar&b=Lao+PDR",
             *(f"/statements/{s}" for s in corpus.xss_statements)]
    for path in paths:
        page.goto(path)
        for dom_id in drawn_networks(page):
            page.wait_drawn(dom_id)
        assert page.page.evaluate("window.__xss === undefined"), path
    # Every tooltip of the Myanmar statements in the theme network, and of its problem tree.
    for path, dom_id in (("/themes?country=Myanmar", "theme-network"), (f"/reports/{corpus.xss}", "tree-1")):
        page.goto(path)
        page.wait_drawn(dom_id)
        page.page.locator(f"#{dom_id}").scroll_into_view_if_needed()
        nodes = json.loads(page.page.locator(f"#{dom_id}-data").text_content())["nodes"]
        hovered = 0
        for node in nodes:
            if "__xss" not in node["title"]:
                continue
            x, y = _node_screen_point(page, dom_id, node["id"])
            page.page.mouse.move(x, y)
            tooltip = page.page.locator("div.vis-tooltip")
            tooltip.wait_for(state="visible", timeout=5000)
            assert "window.__xss" in tooltip.text_content()  # shown as text
            assert tooltip.locator("img, script, svg, iframe, a, b").count() == 0
            page.page.mouse.move(1, 1)
            hovered += 1
        assert hovered >= 3, (path, hovered)
        assert page.page.evaluate("window.__xss === undefined"), path
    page.goto(f"/reports/{corpus.xss}")
    for link in page.page.locator("main a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.clean()
