"""Fixtures for the web explorer's tests, loaded as a plugin (``pytest_plugins = ["web_support"]``)
so that the ingested graph and the browser are made once per session for every web test module.

The graph is real: the embedded FalkorDB of ``tests/conftest.py``'s session server, in a graph
of its own (dropped at the end: we created it), with the real Lao PDR report, the synthetic
Viet Nam report and a synthetic report whose text carries XSS payloads, all ingested through the
same ingest service as ``gmsgraph ingest``.
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
LAO_REPORT = REPO / "data" / "reports" / "lao_pdr_2013_consultation.txt"
VIET_NAM_REPORT = REPO / "data" / "synthetic" / "viet_nam_synthetic.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Every payload sets window.__xss when it runs; none of them may.
XSS_REPORT = """SYNTHETIC TEST REPORT — not a real UNIAP consultation; written for gms-graph's web security tests.

REPORT OF THE MYANMAR NATIONAL CONSULTATION WORKSHOP <img src=x onerror="window.__xss='title'"> ON STRATEGIC VISIONING

Yangon, Myanmar, 3–4 June 2013

Organised by UNIAP

I. INTRODUCTION

UNIAP organised this consultation in Yangon on 3–4 June 2013. Thirty participants took part.

II. MAIN PROBLEMS

The participants formed one breakout group.

BREAKOUT GROUP ALPHA

(a) There is no national database <img src=x onerror="window.__xss='problem'"> on trafficking cases.
(b) Brokers deceive migrants </script><script>window.__xss='script'</script> about jobs abroad.
(c) Border officials are not trained, see <a href="javascript:window.__xss='link'">the training plan</a> for details.
(d) Budgets for victim support are {{ 7*7 }} small and {% if true %}late{% endif %} every year.
(e) Shelters lack staff "'><svg onload="window.__xss='attr'"> in the border provinces.

III. PRIORITISATION

The problems with the most votes were:

A. Absence of a national database <b onmouseover="window.__xss='priority'">on cases</b>

IV. PROBLEM ANALYSIS

A. ABSENCE OF A NATIONAL DATABASE

Core problem: Myanmar has no shared database on trafficking cases <img src=x onerror="window.__xss='core'">.

Root causes:
(i) There is no budget for data systems <script>window.__xss='root'</script> in the ministries.

Causes:
(i) Data is collected on paper forms <iframe src="javascript:window.__xss='cause'"></iframe> that are not compatible.

Effects:
(i) Policies are not based on evidence <img src=x onerror="window.__xss='effect'">.

V. VISION STATEMENTS

A. Absence of a national database
Vision: Myanmar has a national database <svg onload="window.__xss='vision'"></svg> shared with its neighbours.

VI. RESULTS MAP

A. ABSENCE OF A NATIONAL DATABASE
(a) A national database on trafficking cases <img src=x onerror="window.__xss='result'"> is operated by the police.
(b) Provincial staff are trained in data entry {{ config }} and analysis.
"""

# Markup from the payloads that must never reach a page unescaped.
RAW_PAYLOADS = ("<img src=x onerror", "<script>window.__xss", "<svg onload", "<iframe src", "<b onmouseover",
                'href="javascript:')


@dataclass(frozen=True)
class Corpus:
    """The ids the tests navigate by."""

    lao: str
    viet_nam: str
    xss: str
    root_cause: str  # a root cause of the Lao report that CAUSES something (poverty, when there is one)
    root_cause_text: str
    lao_statements: int
    xss_statements: tuple[str, ...]


@pytest.fixture(scope="session")
def web_store(falkor_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from graph.ingest.service import ingest_paths
    from graph.store.falkor import FalkorStore

    folder = tmp_path_factory.mktemp("web_reports")
    xss = folder / "myanmar_xss_synthetic.txt"
    xss.write_text(XSS_REPORT, encoding="utf-8")
    store = FalkorStore(falkor_dir, graph_name=f"web_{uuid.uuid4().hex[:12]}")
    try:
        store.init_schema()
        summary = ingest_paths([LAO_REPORT, VIET_NAM_REPORT, xss], store)
        assert not summary.failed, [o.error for o in summary.failed]
        yield store
    finally:
        store.drop_graph()
        store.close()


@pytest.fixture(scope="session")
def corpus(web_store: Any) -> Corpus:
    from graph.queries import api

    summaries = {r["source"]: r for r in api.report_summaries(web_store).records()}
    lao = summaries[LAO_REPORT.name]["id"]
    xss_id = summaries["myanmar_xss_synthetic.txt"]["id"]
    # Expectations come from the stored graph, not from a fixed extraction, so that extractor
    # improvements do not break the web tests.
    texts = {r["statement_id"]: r for r in api.report_statements(web_store, lao).records()}
    causing = {link["source_id"] for link in api.report_links(web_store, lao).records() if link["type"] == "CAUSES"}
    roots = sorted((s for s in texts.values() if s["kind"] == "root_cause" and s["statement_id"] in causing),
                   key=lambda s: ("overty" not in s["text"], s["start"]))
    xss_rows = api.report_statements(web_store, xss_id).records()
    return Corpus(lao=lao, viet_nam=summaries[VIET_NAM_REPORT.name]["id"], xss=xss_id,
                  root_cause=roots[0]["statement_id"], root_cause_text=roots[0]["text"],
                  lao_statements=summaries[LAO_REPORT.name]["statements"],
                  xss_statements=tuple(r["statement_id"] for r in xss_rows))


@pytest.fixture(scope="session")
def app(web_store: Any) -> Any:
    from web import create_app

    return create_app({"TESTING": True, "STORE": web_store, "SECRET_KEY": "web-tests"})


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


# --- a live server and a real browser ----------------------------------------------------------


class LiveServer:
    """The app on 127.0.0.1, on a free port, in a thread (werkzeug's WSGI server)."""

    def __init__(self, app: Any) -> None:
        from werkzeug.serving import make_server

        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="web-test-server", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(app: Any) -> Iterator[LiveServer]:
    server = LiveServer(app)
    yield server
    server.close()


def chromium_missing_reason() -> str | None:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` (.ci/run does)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install -e '.[dev]'"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = chromium_missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so the browser tests must run: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright gives each launch a fresh temporary profile (its own --user-data-dir).
    executable = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


class Watched:
    """A page whose console errors, page errors, dialogs and non-local requests are recorded."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("request", self._request)
        page.on("dialog", self._dialog)

    def _request(self, request: Any) -> None:
        url = request.url
        if not (url.startswith(self.base + "/") or url.startswith("data:") or url == self.base):
            self.foreign.append(url)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base + path, wait_until="load")
        return response

    def wait_drawn(self, dom_id: str, timeout: float = 15000) -> int:
        self.page.wait_for_function(f"window.gmsgraph && window.gmsgraph.drawn[{dom_id!r}] !== undefined",
                                    timeout=timeout)
        return int(self.page.evaluate(f"window.gmsgraph.drawn[{dom_id!r}]"))

    def clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.foreign, self.foreign
        assert not self.dialogs, self.dialogs


@pytest.fixture
def page(browser: Any, live_server: LiveServer) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = Watched(context.new_page(), live_server.url)
    yield watched
    context.close()
