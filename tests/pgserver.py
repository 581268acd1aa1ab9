"""A real, throw-away PostgreSQL server for tests: Debian's binaries, a temporary directory, a free port.

CI runs as root and initdb refuses root, so the cluster belongs to the `postgres` user (`runuser`). The
server listens on 127.0.0.1 only and is stopped when the fixture ends. Without PostgreSQL binaries the tests
that need it are skipped with one line, except under CI (CI=true), where that is a failure: CI must run them.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgServer:
    """One running cluster; `url` reaches its `trainer` database as the superuser."""

    bindir: Path
    root: Path
    port: int

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "trainer") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _as_owner(self, *args: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)

    def _run(self, *args: str) -> None:
        subprocess.run(self._as_owner(*args), check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=100"
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name: str) -> None:
        self._run(
            str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name
        )


_RUNNING: list[PgServer] = []


def _stop_leftovers() -> None:
    for server in list(_RUNNING):
        remove_server(server)


def _stop_on_sigterm() -> None:
    """A run ended with SIGTERM (a CI time-out, `kill`) skips `finally` and atexit: turn it into an exit, so
    the throw-away server is stopped instead of outliving the run."""
    if (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    ):
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def start_server() -> PgServer:
    """initdb, start and create the `trainer` database; raise RuntimeError when PostgreSQL is not here."""
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="trainer-pg-"))
    server = PgServer(bindir, root, _free_port())
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    server._run(
        str(bindir / "initdb"),
        "-D",
        str(server.data),
        "-U",
        "postgres",
        "-A",
        "trust",
        "--no-sync",
        "-E",
        "UTF8",
    )
    if not _RUNNING:
        atexit.register(_stop_leftovers)
        _stop_on_sigterm()
    server.start()
    _RUNNING.append(server)
    for _ in range(50):
        try:
            server.create_database("trainer")
            break
        except subprocess.CalledProcessError:
            time.sleep(0.1)
    return server


def remove_server(server: PgServer) -> None:
    if server in _RUNNING:
        _RUNNING.remove(server)
    with contextlib.suppress(subprocess.CalledProcessError):
        server.stop()
    shutil.rmtree(server.root, ignore_errors=True)
