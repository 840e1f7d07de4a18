"""The embedded FalkorDB server manager: attach, share, stop with the last user, survive crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store import StoreError
from graph.store import falkordb_server as fs
from graph.store.falkor import FalkorStore

REPO = Path(__file__).resolve().parents[1]


def _tcp_inodes() -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        inodes.update(line.split()[9] for line in lines)
    return inodes


def _socket_inodes(pid: int) -> set[str]:
    out = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            out.add(target[8:-1])
    return out


def _wait_for(predicate, what: str, limit: float = 15.0) -> None:
    deadline = time.monotonic() + limit
    while not predicate():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def test_second_user_attaches_and_last_user_stops_it(tmp_path: Path) -> None:
    first = fs.acquire(tmp_path)
    pids = fs.server_pids(tmp_path)
    assert pids is not None and all(fs.pid_alive(p) for p in pids)
    second = fs.acquire(tmp_path)
    assert fs.server_pids(tmp_path) == pids  # attached, not started again
    # Another process attaches to the same server too.
    code = ("from pathlib import Path; from graph.store import falkordb_server as fs; import sys;"
            "h = fs.acquire(Path(sys.argv[1])); print(*fs.server_pids(Path(sys.argv[1]))); h.close()")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                         check=True, cwd=REPO).stdout.split()
    assert tuple(map(int, out)) == pids
    first.close()
    assert fs.ping(second.socket_path)  # still in use by `second`
    second.close()
    assert fs.wait_stopped(tmp_path)
    assert not any(fs.pid_alive(p) for p in pids)
    assert not second.socket_path.exists()


def test_nothing_listens_on_tcp(tmp_path: Path) -> None:
    with fs.acquire(tmp_path):
        _, redis_pid = fs.server_pids(tmp_path)
        sockets = _socket_inodes(redis_pid)
        assert sockets, "redis should hold its unix socket"
        assert not sockets & _tcp_inodes()
        assert oct(fs.socket_path_for(tmp_path).stat().st_mode & 0o777) == "0o700"


def test_data_persists_across_restarts(tmp_path: Path) -> None:
    store = FalkorStore(tmp_path)
    store.init_schema()
    store.run("CREATE (:Report {id: $id, source: $source})", {"id": "r1", "source": "a.txt"}, read_only=False)
    store.close()
    assert fs.wait_stopped(tmp_path)
    again = FalkorStore(tmp_path)
    try:
        assert again.run("MATCH (r:Report) RETURN r.id AS id").column("id") == ["r1"]
    finally:
        again.close()


def test_crashed_server_leaves_no_stale_socket_problem(tmp_path: Path) -> None:
    handle = fs.acquire(tmp_path)
    supervisor, redis_pid = fs.server_pids(tmp_path)
    os.kill(supervisor, signal.SIGKILL)
    # PR_SET_PDEATHSIG takes redis down with its supervisor: no orphan.
    _wait_for(lambda: not fs.pid_alive(redis_pid), "redis to follow its supervisor")
    handle.close()
    sock = fs.socket_path_for(tmp_path)
    if not sock.exists():
        sock.touch()  # a stale socket file, as a hard crash would leave it
    with fs.acquire(tmp_path) as fresh:
        assert fs.ping(fresh.socket_path)
        assert fs.server_pids(tmp_path)[1] != redis_pid
    assert fs.wait_stopped(tmp_path)


def test_crashed_user_does_not_keep_the_server_alive(tmp_path: Path) -> None:
    code = ("from pathlib import Path; from graph.store import falkordb_server as fs; import sys, time;"
            "h = fs.acquire(Path(sys.argv[1])); print('up', flush=True); time.sleep(60)")
    user = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                            cwd=REPO)
    try:
        assert user.stdout.readline().strip() == "up"
        pids = fs.server_pids(tmp_path)
        user.kill()
        user.wait()
    finally:
        user.stdout.close()
    assert fs.wait_stopped(tmp_path)
    assert not any(fs.pid_alive(p) for p in pids)


def test_long_data_dir_gets_a_short_socket(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    sock = fs.socket_path_for(deep)
    assert len(os.fsencode(sock)) <= 100
    assert sock == fs.socket_path_for(deep)  # stable, so every user finds it


def test_data_dir_resolution_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GMSGRAPH_DATA_DIR", str(tmp_path / "env"))
    assert fs.resolve_data_dir(tmp_path / "cli") == tmp_path / "cli"
    assert fs.resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("GMSGRAPH_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert fs.resolve_data_dir(None) == (tmp_path / "xdg" / "gmsgraph") or sys.platform == "darwin"


@pytest.mark.parametrize("query", [
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load csv with headers from 'https://example.invalid/x.csv' AS row RETURN count(row)",
    "MATCH (n) WITH n LIMIT 1 LOAD CSV FROM 'https://example.invalid/' + n.id AS row RETURN row",
    "LOAD /* split */ CSV FROM $url AS row RETURN row",
])
def test_read_only_refuses_load_csv(store, query: str) -> None:
    store.run("CREATE (:Report {id: 'r1'})", read_only=False)
    with pytest.raises(StoreError, match="LOAD CSV"):
        store.run(query, {"url": "file:///etc/hostname"})


def test_read_only_still_runs_queries_that_only_mention_csv(store) -> None:
    store.run("CREATE (:Report {id: 'r1', source: 'table.csv'})", read_only=False)
    assert store.run("MATCH (r:Report) WHERE r.source ENDS WITH '.csv' RETURN r.id").rows == (("r1",),)


# --- hardening: private files, sockets no one else can plant, engine limits, crash restart ----------


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_data_dir_and_its_files_are_private_even_when_made_0755(tmp_path: Path) -> None:
    data = tmp_path / "shared"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    (data / "server.log").write_text("old log\n")
    os.chmod(data / "server.log", 0o644)
    store = FalkorStore(data)
    try:
        store.run("CREATE (:Report {id: 'r'})", read_only=False)
        store.run("MATCH (n) RETURN count(n)")
    finally:
        store.close()
    assert fs.wait_stopped(data)
    assert _mode(data) == 0o700
    leaks = [p for p in data.rglob("*") if _mode(p) & 0o077]
    assert not leaks, f"readable by others: {leaks}"
    assert _mode(data / fs.IMPORT_DIR) == 0o700 and not any((data / fs.IMPORT_DIR).iterdir())


def test_a_deep_data_dir_gets_its_socket_in_a_private_directory(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    sock = fs.socket_path_for(deep)
    assert sock.parent == fs.private_socket_dir()
    assert _mode(sock.parent) == 0o700 and sock.parent.stat().st_uid == os.getuid()
    with fs.acquire(deep) as handle:
        assert handle.socket_path == sock and fs.ping(sock)


@pytest.mark.skipif(os.geteuid() != 0, reason="planting another user's socket needs root (CI runs as root)")
def test_a_socket_another_user_planted_is_refused(tmp_path: Path) -> None:
    import socket

    data = tmp_path / "victim"
    data.mkdir(mode=0o700)
    planted = socket.socket(socket.AF_UNIX)
    planted.bind(str(data / fs.SOCKET_NAME))
    planted.listen()
    os.chown(data / fs.SOCKET_NAME, 4242, 4242)
    try:
        with pytest.raises(fs.ServerError, match="belongs to another user"):
            fs.acquire(data)
    finally:
        planted.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a directory of another user needs root (CI runs as root)")
def test_a_data_dir_of_another_user_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "theirs"
    data.mkdir(mode=0o700)
    os.chown(data, 4242, 4242)
    with pytest.raises(fs.ServerError, match="belongs to another user"):
        fs.acquire(data)


def test_engine_limits_are_set(store) -> None:
    client = store._db.connection  # the raw redis connection: GRAPH.CONFIG is not a graph query
    got = {name: int(client.execute_command("GRAPH.CONFIG", "GET", name)[1])
           for name in ("TIMEOUT_MAX", "TIMEOUT_DEFAULT", "QUERY_MEM_CAPACITY", "RESULTSET_SIZE")}
    assert got == {"TIMEOUT_MAX": fs.ENGINE_TIMEOUT_MAX_MS, "TIMEOUT_DEFAULT": fs.ENGINE_TIMEOUT_DEFAULT_MS,
                   "QUERY_MEM_CAPACITY": fs.ENGINE_QUERY_MEMORY_BYTES, "RESULTSET_SIZE": fs.ENGINE_RESULTSET_ROWS}


def test_a_crashed_server_is_restarted_with_its_data(tmp_path: Path) -> None:
    store = FalkorStore(tmp_path)
    try:
        store.run("CREATE (:Report {id: 'kept'})", read_only=False)
        _, redis_pid = fs.server_pids(tmp_path)
        os.kill(redis_pid, signal.SIGKILL)
        _wait_for(lambda: (fs.server_pids(tmp_path) or (0, redis_pid))[1] != redis_pid and fs.ping(
            fs.socket_path_for(tmp_path)), "the supervisor to restart redis")
        rows = None
        for _ in range(3):  # the first query after the crash may meet the dead connection
            try:
                rows = store.run("MATCH (r:Report) RETURN r.id").rows
                break
            except StoreError:
                time.sleep(0.1)
        assert rows == (("kept",),)
    finally:
        store.close()


@pytest.fixture
def own_server(tmp_path: Path):
    """A store on a server of its own: an abandoned runaway query may keep the engine busy, or even
    crash it (the supervisor restarts it), and must not do so to the session server other tests use."""
    store = FalkorStore(tmp_path / "own")
    store.init_schema()  # a graph that exists (reads of a never-written graph return nothing)
    yield store
    store.close()
    fs.wait_stopped(tmp_path / "own")


def test_a_runaway_read_is_stopped_or_abandoned_at_its_deadline(own_server) -> None:
    """Measured without a client deadline: this ran ~15-19 s with a 2 s timeout. Now it ends at the
    deadline (engine timeout, else the client abandons it one grace second later), and the store
    keeps working."""
    store = own_server
    from graph.store import QueryTimeout
    from graph.store.falkor import CLIENT_GRACE

    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="timed out|did not finish"):
        store.run("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)", timeout=1.0)
    assert time.monotonic() - started < 1.0 + CLIENT_GRACE + 3.0  # a bound on the deadline, not a benchmark
    assert store.run("RETURN 1 AS one").rows == ((1,),)


def test_max_rows_is_applied_by_the_engine(own_server) -> None:
    """`--limit 1` on a 3-million-row query used to fetch every row (42 s, 1.5 GB) and cut it."""
    store = own_server
    big = "UNWIND range(1, 3000000) AS x RETURN x AS value, x * 2 AS double ORDER BY value DESC"
    result = store.run(big, max_rows=2, timeout=10)
    assert result.columns == ("value", "double") and result.rows == ((3000000, 6000000), (2999999, 5999998))
    store.run("UNWIND range(1, 5) AS i CREATE (:Report {id: toString(i)})", read_only=False)
    # Not valid as a subquery: run as written, cut on the client.
    labels = store.run("CALL db.labels()", max_rows=1)
    assert len(labels.rows) == 1
    assert len(store.run("MATCH (r:Report) RETURN r.id", max_rows=3)) == 3
    assert len(store.run("MATCH (r:Report) RETURN r.id")) == 5


def test_max_rows_keeps_a_union_whole_and_a_query_that_has_its_own_limit(store) -> None:
    store.run("UNWIND range(1, 5) AS i CREATE (:Report {id: toString(i)})", read_only=False)
    union = "MATCH (r:Report) RETURN r.id AS id UNION MATCH (r:Report) RETURN r.id + 'x' AS id"
    assert len(store.run(union, max_rows=7)) == 7
    assert len(store.run("MATCH (r:Report) RETURN r.id ORDER BY r.id LIMIT 4", max_rows=2)) == 2
    assert store.run("MATCH (r:Report) RETURN r.id AS id ORDER BY id // the last line is a comment",
                     max_rows=1).rows == (("1",),)
