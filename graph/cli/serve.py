"""`gmsgraph serve`: the web explorer, served by waitress (a production WSGI server that runs on
every platform), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
import threading

from graph.cli.common import ExitCode, add_store_options, guard

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the web explorer (reports, trees, themes, matrix, console, JSON API)",
        description="Serve the web explorer with waitress. It binds to 127.0.0.1 by default; on any "
        "other address the read-only Cypher console and the API are reachable by others.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="port (default: 5000; 0 picks a free one)")
    p.add_argument("--threads", type=int, default=4, help="worker threads (default: 4)")
    p.add_argument("--allow-upload", action="store_true",
                   help="add an upload form that ingests report files, as `gmsgraph ingest` does")
    add_store_options(p)
    p.set_defaults(func=cmd_serve)


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def warning_for(host: str) -> str | None:
    if is_loopback(host):
        return None
    return (f"warning: binding to {host}: the explorer, its read-only Cypher console and its JSON API "
            "are then reachable by anyone who can reach this address; there is no login.")


WARM_PATHS = ("/", "/matrix", "/themes")


def warm_up(app: object) -> threading.Thread:
    """Fill the explorer's summary cache in the background (a few seconds on a thousand reports),
    so that the first visitor of the overview and the matrix does not wait for it."""

    def run() -> None:
        client = app.test_client()  # type: ignore[attr-defined]
        for path in WARM_PATHS:
            try:
                client.get(path)
            except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first page
                return

    thread = threading.Thread(target=run, name="gmsgraph-warm-up", daemon=True)
    thread.start()
    return thread


def make_server(app: object, host: str, port: int, threads: int = 4):  # noqa: ANN201 - a waitress server
    from waitress.server import create_server

    return create_server(app, host=host, port=port, threads=threads, ident="gmsgraph")


@guard
def cmd_serve(args: argparse.Namespace) -> int:
    from web import create_app
    from web.store import close_store

    if not 0 <= args.port <= 65535:
        print(f"error: --port must be between 0 and 65535, got {args.port}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    warning = warning_for(args.host)
    if warning:
        print(warning, file=sys.stderr)
    app = create_app({"STORE_URI": args.store, "DATA_DIR": args.data_dir, "ALLOW_UPLOAD": args.allow_upload})
    try:
        server = make_server(app, args.host, args.port, args.threads)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return ExitCode.FAILURE
    host = f"[{args.host}]" if ":" in args.host else args.host
    port = server.effective_port  # type: ignore[attr-defined]
    print(f"gms-graph explorer on http://{host}:{port}/  (Ctrl-C stops it)", flush=True)
    warm_up(app)
    # `docker stop` and service managers send SIGTERM: stop as cleanly as on Ctrl-C.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
        close_store(app)
    return ExitCode.OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
