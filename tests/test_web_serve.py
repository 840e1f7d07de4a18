"""`gmsgraph serve`: waitress, 127.0.0.1 by default, a warning for any other address."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from graph.cli import serve

pytest_plugins = ["web_support"]
REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.org", False),
])
def test_only_loopback_addresses_bind_without_a_warning(host: str, loopback: bool) -> None:
    assert serve.is_loopback(host) is loopback
    warning = serve.warning_for(host)
    if loopback:
        assert warning is None
    else:
        assert warning and "reachable by anyone" in warning and "console" in warning


def test_the_parser_defaults_to_loopback_port_5000_and_no_upload() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    serve.register(parser.add_subparsers())
    args = parser.parse_args(["serve"])
    assert (args.host, args.port, args.allow_upload, args.store, args.data_dir) == ("127.0.0.1", 5000, False,
                                                                                     None, None)
    args = parser.parse_args(["serve", "--host", "0.0.0.0", "--port", "8080", "--allow-upload", "--data-dir", "D",
                              "--store", "bolt://h:7687"])
    assert (args.host, args.port, args.allow_upload, args.data_dir, args.store) == ("0.0.0.0", 8080, True, "D",
                                                                                     "bolt://h:7687")


def test_waitress_serves_the_app(web_store) -> None:
    from web import create_app

    server = serve.make_server(create_app({"STORE": web_store}), "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.effective_port}"
        with urllib.request.urlopen(url + "/", timeout=30) as response:
            assert response.status == 200
            assert response.headers["Server"] == "gmsgraph"
            assert response.headers["X-Frame-Options"] == "DENY"
            assert b"Consultation reports" in response.read()
    finally:
        server.close()
        thread.join(timeout=10)


def _serve_cli(*args: str) -> subprocess.Popen:
    """`gmsgraph serve ARGS` in a subprocess (through `python -m graph`, the same entry point)."""
    return subprocess.Popen([sys.executable, "-m", "graph", "serve", *args], cwd=REPO, env=dict(os.environ),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_prints_its_url_serves_and_stops_cleanly(tmp_path, stop) -> None:
    proc = _serve_cli("--port", "0", "--data-dir", str(tmp_path / "data"))
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(match.group(0), timeout=30) as response:
                    assert response.status == 200
                    assert b"gmsgraph ingest" in response.read()  # an empty store: the empty state
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        proc.send_signal(stop)
        assert proc.wait(timeout=60) == 0
        assert "warning" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()


def test_serve_warns_before_binding_elsewhere(tmp_path) -> None:
    # 192.0.2.1 (TEST-NET-1) is on no interface: the warning comes first, then the bind fails.
    proc = _serve_cli("--host", "192.0.2.1", "--port", "0", "--data-dir", str(tmp_path / "data"))
    _, err = proc.communicate(timeout=60)
    assert "warning: binding to 192.0.2.1" in err
    assert "cannot listen on 192.0.2.1" in err
    assert proc.returncode == 1


def test_serve_is_a_gmsgraph_command() -> None:
    from graph.cli import COMMAND_MODULES, build_parser

    assert "graph.cli.serve" in COMMAND_MODULES
    args = build_parser().parse_args(["serve", "--port", "0"])
    assert args.func is serve.cmd_serve
