"""The embedded default store: an ArcadeDB server (PyPI ``arcadedb-embedded``) speaking Bolt on loopback.

ArcadeDB runs inside a JVM that ``arcadedb-embedded`` starts in-process, so medkg runs it in a small daemon
process of its own (``python -m medkg.kg.embedded --home DIR``) under ``$MEDKG_HOME/arcadedb``. Every medkg process then
talks to it through the official ``neo4j`` driver, exactly as it would to a Neo4j server. A second process finds
the running daemon through its state file and reuses it; ``medkg server stop`` (or :func:`stop_server`) ends it.

Data persist in ``$MEDKG_HOME/arcadedb/databases``. The root password is generated once and kept in a 0600 file.

The server is configured for a machine that holds patient data: it listens on loopback only, ``LOAD CSV`` can read
neither local files nor remote URLs, every command has a timeout, and user queries run as ``READER_USER``, a user
whose group may only read records (no schema, security or write rights, a bounded result size), so the server
itself refuses what medkg's own query check might miss. Everything it writes is readable by its owner only.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import jpype
from arcadedb_embedded.server import ArcadeDBServer

from medkg.kg.errors import StoreError
from medkg.kg.files import open_private, private_dir
from medkg.kg.settings import child_environment, get_settings

log = logging.getLogger(__name__)

DATABASE = "kg"
USER = "root"
#: The read-only server user of ``medkg query`` / ``GraphStore.query``, and its group.
READER_USER = "medkg_reader"
READER_GROUP = "medkg_reader"
#: Any one command (a query, or one batch of a write) is stopped after this long.
COMMAND_TIMEOUT_S = 900
#: The most rows one read query may return through the reader user.
READER_RESULT_LIMIT = 1_000_001
STATE_FILE = "server.json"
START_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    database: str
    home: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


def _dir(home: Path | None) -> Path:
    return private_dir(private_dir(home or get_settings().home) / "arcadedb")


def password(home: Path | None = None, user: str = USER) -> str:
    """The password of a server user (root, or the reader), created on first use and readable only by the owner."""
    path = _dir(home) / ("credentials" if user == USER else f"credentials-{user}")
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(24))
    return path.read_text().strip()


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)  # reap our own exited daemon, or it lingers as a zombie that looks alive
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def running_server(home: Path | None = None) -> ServerInfo | None:
    """The live daemon of this home, or None (a stale state file is removed)."""
    state = _dir(home) / STATE_FILE
    try:
        info = ServerInfo(**json.loads(state.read_text()))
    except (FileNotFoundError, json.JSONDecodeError, TypeError):
        return None
    if _alive(info.pid) and _port_open(info.bolt_port):
        return info
    if not _alive(info.pid):
        state.unlink(missing_ok=True)
    return None


@contextlib.contextmanager
def _lock(home: Path | None):
    with open_private(_dir(home) / ".lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_server(home: Path | None = None, timeout: float = START_TIMEOUT_S) -> ServerInfo:
    """Return the running server of ``home``, starting the daemon if there is none.

    A file lock makes concurrent callers wait for one start instead of racing two servers onto one database.
    """
    home = home or get_settings().home
    with _lock(home):
        if info := running_server(home):
            return info
        d = _dir(home)
        password(home)
        password(home, READER_USER)
        logf = open_private(d / "server.log", "ab")
        proc = subprocess.Popen([sys.executable, "-m", "medkg.kg.embedded", "--home", str(home)],
                                stdin=subprocess.DEVNULL, stdout=logf, stderr=logf, start_new_session=True,
                                cwd=d,  # ArcadeDB writes its log/ folder into the working directory
                                env=child_environment(
                                    PYTHONPATH=os.pathsep.join(os.path.abspath(p or ".") for p in sys.path)))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise StoreError(f"the embedded ArcadeDB server exited with code {proc.returncode}; "
                                 f"see {d / 'server.log'}")
            if (info := running_server(home)) and info.pid == proc.pid:
                return info
            time.sleep(0.2)
        proc.terminate()
        raise StoreError(f"the embedded ArcadeDB server did not start within {timeout:.0f} s; "
                         f"see {d / 'server.log'}")


def stop_server(home: Path | None = None, timeout: float = 60.0) -> bool:
    """Stop the daemon of ``home``; returns False when none was running."""
    info = running_server(home)
    if info is None:
        return False
    os.kill(info.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(info.pid):
        time.sleep(0.2)
    if _alive(info.pid):
        os.kill(info.pid, signal.SIGKILL)
    (_dir(home) / STATE_FILE).unlink(missing_ok=True)
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(home: Path) -> None:
    """Daemon body: start ArcadeDB with Bolt on loopback, publish the state file, wait for SIGTERM."""
    os.umask(0o077)  # the database, its WAL, logs and config: owner only
    d = _dir(home)
    bolt, http = _free_port(), _free_port()
    heap = get_settings().jvm_heap
    server = ArcadeDBServer(
        root_path=str(d),
        root_password=password(home),
        config={"host": "127.0.0.1", "http_port": http, "bolt_port": bolt,
                "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"},
        # a query that exhausts the heap takes the JVM down (as Neo4j's default configuration does) rather than
        # leaving a server in an unknown state; the next command restarts it and the WAL recovers the database
        jvm_kwargs={"heap_size": heap, "jvm_args": "-XX:+ExitOnOutOfMemoryError"},
    )
    _lock_down()
    server.start()
    server.create_database(DATABASE)
    _ensure_reader(server, password(home, READER_USER))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    info = ServerInfo(os.getpid(), bolt, http, DATABASE, str(home))
    tmp = d / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(asdict(info)))
    tmp.replace(d / STATE_FILE)
    log.warning("medkg embedded ArcadeDB listening on bolt://127.0.0.1:%d (pid %d)", bolt, os.getpid())
    try:
        while not stop.wait(1.0):
            pass
    finally:
        with contextlib.suppress(Exception):
            (d / STATE_FILE).unlink(missing_ok=True)
        server.stop()


def _lock_down() -> None:
    """Server-wide settings (the JVM's global configuration, read when queries are planned): no file or network
    access from ``LOAD CSV`` for any user, root included, and a timeout on every command."""
    conf = jpype.JClass("com.arcadedb.GlobalConfiguration")
    conf.OPENCYPHER_LOAD_CSV_ALLOW_FILE_URLS.setValue(False)
    conf.OPENCYPHER_LOAD_CSV_ALLOW_REMOTE_URLS.setValue(False)
    conf.COMMAND_TIMEOUT.setValue(COMMAND_TIMEOUT_S * 1000)


def _ensure_reader(server, reader_password: str) -> None:
    """The read-only group and user of the query path: read records, nothing else (idempotent)."""
    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    security = server._java_server.getSecurity()
    security.saveGroup(DATABASE, READER_GROUP, json_object(json.dumps({
        "access": [], "resultSetLimit": READER_RESULT_LIMIT, "readTimeout": COMMAND_TIMEOUT_S * 1000,
        "types": {"*": {"access": ["readRecord"]}}})))
    if not security.existsUser(READER_USER):
        security.createUser(READER_USER, reader_password)
    else:
        security.setUserPassword(READER_USER, reader_password)
    user = security.getUser(READER_USER).toJSON()
    user.put("databases", json_object(json.dumps({DATABASE: [READER_GROUP]})))
    security.updateUser(user)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run medkg's embedded ArcadeDB server (normally started for you).")
    parser.add_argument("--home", type=Path, default=get_settings().home)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    _serve(args.home)
    sys.exit(0)


if __name__ == "__main__":
    main()
