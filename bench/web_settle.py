"""Web explorer benchmarks in headless Chromium (its own temp data dir; nothing else touched).

    .venv/bin/python bench/web_settle.py [--reports 1000] [--runs 5] [--screenshots docs/screenshots]

1. Builds a scale corpus: the real Lao PDR report and the three synthetic ones, ingested by the
   ingest service, plus N relabelled copies of the Lao extraction (as bench/store_bench.py does).
2. Server time of ``/``, ``/matrix`` and ``/themes`` (Flask test client, so no network in the
   figure): the first request of a fresh app (its summary cache empty), then median and p95.
3. Settle time of a 500-node theme network, the one ``/themes`` sends, in Chromium: with the
   explorer's settings (positions computed on the server, physics off) against pyvis's default
   physics (``pyvis.network.Network().options``: barnesHut, 1000 stabilisation iterations, then
   simulated until still) on the same nodes and edges, with the same vis-network 9.1.2 from pyvis.
   Settled: with physics off, vis-network's first ``afterDrawing``; with pyvis's physics, the end
   of its 1000 stabilisation iterations (the conservative figure: it keeps moving after that), and
   also when it is still (``stabilized``, or no node moving 0.5 px in 250 ms, within --budget).
   Prints the ratio against the conservative figure (target <= 1/5).
4. Page weight of ``/themes`` and ``/``: bytes transferred for the page and everything it loads.
5. With ``--screenshots DIR`` (``--screenshots-only``: and stop): the overview, a report with its
   trees, the theme network, the database theme page and the heatmap, as PNG files (on the real
   reports only, no copies).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LAO = REPO / "data" / "reports" / "lao_pdr_2013_consultation.txt"
SYNTHETIC = sorted((REPO / "data" / "synthetic").glob("*.txt"))
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
COUNTRIES = ("Lao PDR", "Cambodia", "China", "Myanmar", "Thailand", "Viet Nam", "GMS regional")

# The bench page: one network per load, timed from construction to settled.
SETTLE_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="vis-network.css"><script src="vis-network.min.js"></script>
<style>#net { width: 1200px; height: 800px; }</style></head><body><div id="net"></div><script>
fetch(location.hash.slice(1) + ".json").then(r => r.json()).then(data => {
  // Listeners first, then the data: nothing the network emits is missed.
  const net = new vis.Network(document.getElementById("net"), {nodes: [], edges: []}, data.options);
  const physics = !data.options.physics || data.options.physics.enabled !== false;
  const budget = Number(new URLSearchParams(location.search).get("budget") || 60000);
  window.result = null;
  let t0 = 0;
  const finish = (laidOut, still, how) => {
    if (!window.result) window.result = {laid_out_ms: laidOut, still_ms: still, how: how};
  };
  if (!physics) {
    // Positions come from the server: the first frame is the final picture.
    net.on("afterDrawing", () => { const t = performance.now() - t0; finish(t, t, "first draw, physics off"); });
  } else {
    let laidOut = null;
    net.on("stabilized", () => { if (laidOut !== null) finish(laidOut, performance.now() - t0, "stabilized event"); });
    net.on("stabilizationIterationsDone", () => {
      laidOut = performance.now() - t0;
      // vis keeps simulating; call it still once no node moves 0.5 px in 250 ms.
      let last = net.getPositions();
      const timer = setInterval(() => {
        const now = net.getPositions();
        let moved = 0;
        for (const id in now) moved = Math.max(moved, Math.hypot(now[id].x - last[id].x, now[id].y - last[id].y));
        last = now;
        const t = performance.now() - t0;
        if (moved < 0.5) { clearInterval(timer); finish(laidOut, t, "no node moved 0.5 px in 250 ms"); }
        else if (t > budget) { clearInterval(timer); finish(laidOut, null, "still moving at the time budget"); }
      }, 250);
    });
  }
  t0 = performance.now();
  net.setData({nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)});
});
</script></body></html>
"""


def relabel(extraction: Any, n: int) -> Any:
    from graph.contract import content_hash

    text = f"{extraction.text}\n[copy {n}]"
    report = replace(extraction.report, id=content_hash(text), source=f"copy_{n:04d}.txt",
                     country=COUNTRIES[n % len(COUNTRIES)])
    return replace(extraction, report=report, text=text)


def build_corpus(store: Any, copies: int) -> None:
    from graph.ingest.pipeline import extract_path
    from graph.ingest.service import ingest_paths

    started = time.perf_counter()
    summary = ingest_paths([LAO, *SYNTHETIC], store)
    assert not summary.failed, summary.failed
    extraction = extract_path(LAO)
    for n in range(1, copies + 1):
        store.write_report(relabel(extraction, n))
        if n % 100 == 0:
            print(f"  {n} copies written ({time.perf_counter() - started:.0f} s)", flush=True)
    counts = store.counts()
    print(f"corpus: {4 + copies} reports, {counts.nodes} nodes, {counts.edges} relationships "
          f"({time.perf_counter() - started:.0f} s)")


def server_times(make_app: Any, paths: list[str], runs: int) -> dict[str, tuple[float, float, float]]:
    """(first request of a new app, median, p95) per path: the first fills the summary cache."""
    out = {}
    for path in paths:
        client = make_app().test_client()
        started = time.perf_counter()
        assert client.get(path).status_code == 200
        cold = time.perf_counter() - started
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        out[path] = (cold, statistics.median(times), p95)
    return out


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()


@contextlib.contextmanager
def static_dir(folder: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def page_weight(browser: Any, url: str) -> tuple[int, dict[str, int]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="load")
    with contextlib.suppress(Exception):
        page.wait_for_function("!document.querySelector('[data-network]') || "
                               "Object.keys(window.gmsgraph.drawn).length > 0", timeout=30000)
    entries = page.evaluate("""() => [performance.getEntriesByType('navigation')[0],
                                     ...performance.getEntriesByType('resource')]
                                     .map(e => [e.name, e.transferSize])""")
    context.close()
    sizes = {name.split("/", 3)[-1]: size for name, size in entries}
    return sum(sizes.values()), sizes


def settle(browser: Any, base: str, name: str, budget_ms: int) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/settle.html?budget={budget_ms}#{name}")
    page.wait_for_function("window.result", timeout=budget_ms + 120000)
    result = page.evaluate("window.result")
    context.close()
    return result


def first_draw_in_app(browser: Any, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.gmsgraph && window.gmsgraph.drawnAt['theme-network'] !== undefined",
                           timeout=60000)
    ms = page.evaluate("window.gmsgraph.drawnAt['theme-network']")
    context.close()
    return float(ms)


def screenshots(browser: Any, base: str, out: Path, lao: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shots = [("overview.png", "/", None), ("report_trees.png", f"/reports/{lao}#trees", "tree-1"),
             ("theme_network.png", "/themes", "theme-network"), ("theme_database.png", "/themes/database", None),
             ("heatmap.png", "/matrix?country=Lao+PDR&theme=database", None)]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    for filename, path, network in shots:
        page.goto(base + path)
        if network:
            page.wait_for_function(f"window.gmsgraph.drawn[{network!r}] !== undefined", timeout=30000)
            page.locator(f"#{network}").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / filename))
        print(f"  screenshot {out / filename}")
    context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000, help="relabelled copies for the scale corpus")
    parser.add_argument("--runs", type=int, default=5, help="browser runs per setting")
    parser.add_argument("--requests", type=int, default=40, help="requests per page for the server times")
    parser.add_argument("--budget", type=int, default=60000, metavar="MS",
                        help="how long pyvis's default physics may run before it counts as never still")
    parser.add_argument("--screenshots", type=Path, default=None, metavar="DIR")
    parser.add_argument("--screenshots-only", action="store_true", help="take the screenshots and stop")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright
    from pyvis.network import Network

    from graph.queries import api
    from graph.store.falkor import FalkorStore
    from web import create_app
    from web.assets import vis_dir

    with tempfile.TemporaryDirectory(prefix="gms-web-bench-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        store = FalkorStore(Path(tmp) / "db")
        store.init_schema()
        try:
            if args.screenshots:
                build_corpus(store, 0)
                lao = next(r["id"] for r in api.report_summaries(store).records() if r["source"] == LAO.name)
                with serving(create_app({"STORE": store})) as base:
                    screenshots(browser, base, args.screenshots, lao)
                if args.screenshots_only:
                    return 0
                store.wipe()
            build_corpus(store, args.reports)
            app = create_app({"STORE": store})

            print(f"\nserver time (test client; first request of a fresh app, then {args.requests} more):")
            times = server_times(lambda: create_app({"STORE": store}), ["/", "/matrix", "/themes"], args.requests)
            for path, (cold, median, p95) in times.items():
                print(f"  {path:<8} first {cold * 1000:7.1f} ms   then median {median * 1000:7.1f} ms   "
                      f"p95 {p95 * 1000:7.1f} ms")

            graph = app.test_client().get("/api/graph").get_json()
            print(f"\ntheme network: {len(graph['nodes'])} nodes, {len(graph['edges'])} edges "
                  f"(capped: {graph['capped']}, {graph['shown_statements']} of {graph['total_statements']} statements)")
            site = Path(tmp) / "site"
            site.mkdir()
            for name in ("vis-network.min.js", "vis-network.css"):
                shutil.copy(vis_dir() / name, site / name)
            (site / "settle.html").write_text(SETTLE_PAGE, encoding="utf-8")
            (site / "ours.json").write_text(json.dumps(graph), encoding="utf-8")
            default_options = json.loads(Network().options.to_json())
            stripped = [{k: v for k, v in n.items() if k not in ("x", "y")} for n in graph["nodes"]]
            (site / "pyvis_default.json").write_text(
                json.dumps({"nodes": stripped, "edges": graph["edges"], "options": default_options}), encoding="utf-8")

            with static_dir(site) as base:
                ours = [settle(browser, base, "ours", args.budget) for _ in range(args.runs)]
                default = [settle(browser, base, "pyvis_default", args.budget) for _ in range(args.runs)]
            m_ours = statistics.median(r["still_ms"] for r in ours)
            m_laid = statistics.median(r["laid_out_ms"] for r in default)
            still = [r["still_ms"] for r in default if r["still_ms"] is not None]
            print(f"\nsettle time, {len(graph['nodes'])}-node theme network, median of {args.runs} runs:")
            print(f"  explorer (server layout, physics off), first draw = settled: {m_ours:8.0f} ms")
            print(f"  pyvis default physics, its 1000 stabilisation iterations:   {m_laid:8.0f} ms")
            if len(still) == len(default):
                median_still = statistics.median(still)
                print(f"  pyvis default physics, until still:                        {median_still:8.0f} ms "
                      f"({default[0]['how']})")
            else:
                print(f"  pyvis default physics, until still: {len(default) - len(still)} of {len(default)} runs "
                      f"still moving after {args.budget / 1000:.0f} s")
            ratio = m_ours / m_laid
            print(f"  ratio against the stabilisation alone (the conservative one): {ratio:.4f} (1/{1 / ratio:.0f}); "
                  f"target <= 1/5: {'met' if ratio <= 0.2 else 'NOT met'}")

            with serving(app) as base:
                in_app = [first_draw_in_app(browser, base + "/themes") for _ in range(args.runs)]
                print(f"  /themes in the app, navigation start to drawn: median {statistics.median(in_app):.0f} ms")
                print("\npage weight (bytes transferred, cold cache):")
                for path in ("/themes", "/", "/matrix"):
                    total, parts = page_weight(browser, base + path)
                    detail = ", ".join(f"{k or '/'} {v / 1024:.0f}" for k, v in parts.items())
                    print(f"  {path:<8} {total / 1024:7.0f} KB   ({detail})")
        finally:
            store.drop_graph()
            store.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
