"""A real Learning Record Store for the tests: ralph's own (`ralph runserver`, file-system backend), on
127.0.0.1 and a free port, with its own credentials file, stopped (its whole process group) afterwards.

ralph 5.1's file-system backend stores only the first write into a file: it writes with operation type CREATE,
and a second POST with new statements fails with HTTP 500 ("fs_lrs.jsonl already exists and overwrite is not
allowed with operation_type create or index", ralph/backends/data/fs.py). Its other backends need
Elasticsearch, MongoDB or a recent ClickHouse, none installable here. So every test takes its own LRS user
with its own target folder (its own file), and sends what it stores in one batch.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PASSWORD = "geheim-voor-de-test"
USERS = tuple(f"u{i}" for i in range(1, 9))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Lrs:
    url: str  # the xAPI endpoint, as a user gives it to --send
    data: Path  # the file-system backend's folder: one subfolder (target) per user
    process: subprocess.Popen[bytes]
    log: Path
    free: list[str]  # users no test has taken yet

    def take_user(self) -> str:
        """A user of its own for one test: `user:password`, as --auth takes it."""
        return f"{self.free.pop(0)}:{PASSWORD}"

    def _get(self, url: str, auth: str) -> Any:
        request = urllib.request.Request(url, headers={"X-Experience-API-Version": "1.0.3"})
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
        with urllib.request.urlopen(request, timeout=30) as reply:  # noqa: S310 - our own test server
            return json.loads(reply.read())

    def statements(self, auth: str) -> list[dict[str, Any]]:
        """Every statement stored for this user, through the LRS's own GET /statements, following `more`."""
        found: list[dict[str, Any]] = []
        page = self._get(self.url + "statements?limit=500", auth)
        while True:
            found.extend(page["statements"])
            more = page.get("more")
            if not more:
                return found
            origin = self.url.split("/xAPI/")[0]
            page = self._get(origin + more if more.startswith("/") else self.url + more, auth)

    def lines_on_disk(self, auth: str) -> int:
        """What the backend wrote for this user: one JSON line per stored statement."""
        path = self.data / auth.split(":")[0] / "fs_lrs.jsonl"
        return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def _ralph() -> Path:
    return Path(sys.executable).parent / "ralph"


def _agent(name: str) -> dict[str, Any]:
    return {"account": {"homePage": "https://lrs.test/", "name": name}, "objectType": "Agent"}


def start_lrs(folder: Path) -> Lrs:
    """Start ralph's LRS; raises RuntimeError (with its log) when it does not come up within 60 s."""
    if not _ralph().exists():
        raise RuntimeError(f"{_ralph()} missing (pip install -r requirements.lock.txt)")
    data, app = folder / "data", folder / "app"
    data.mkdir(parents=True)
    env = {
        **os.environ,
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_APP_DIR": str(app),
        "RALPH_AUTH_FILE": str(folder / "auth.json"),
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(data),
    }
    # One user made by ralph's own tool (so the file has its format); the others alike, without the wait.
    first = USERS[0]
    command = [
        "auth",
        "-u",
        first,
        "-p",
        PASSWORD,
        "-s",
        "all",
        "-t",
        first,
        "-A",
        first,
        "https://lrs.test/",
    ]
    subprocess.run(
        [str(_ralph()), *command, "-w"], env=env, cwd=folder, check=True, capture_output=True, timeout=120
    )
    auth_file = folder / "auth.json"
    users = json.loads(auth_file.read_text(encoding="utf-8"))
    users += [{**users[0], "username": name, "target": name, "agent": _agent(name)} for name in USERS[1:]]
    auth_file.write_text(json.dumps(users), encoding="utf-8")
    for name in USERS:
        (data / name).mkdir()
    port = free_port()
    log = folder / "lrs.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(_ralph()), "runserver", "-b", "fs", "--fs-default-directory-path", str(data)]
            + ["-h", "127.0.0.1", "-p", str(port)],
            env=env,
            cwd=folder,  # its reloader watches this folder, not the repository
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # runserver starts a reloader and a worker: stop the group
        )
    lrs = Lrs(f"http://127.0.0.1:{port}/xAPI/", data, process, log, list(USERS))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/__heartbeat__", timeout=2) as reply:  # noqa: S310
                if reply.status == 200:
                    return lrs
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    stop_lrs(lrs)
    raise RuntimeError("ralph runserver did not start: " + log.read_text(errors="replace")[-800:])


def stop_lrs(lrs: Lrs) -> None:
    """Stop the reloader and its worker together: the worker outlives a reloader killed alone."""
    try:
        os.killpg(lrs.process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        lrs.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(lrs.process.pid, signal.SIGKILL)
        lrs.process.wait(timeout=10)
