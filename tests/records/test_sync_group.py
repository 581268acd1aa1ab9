"""A training day against a real PostgreSQL: twelve laptops record and sync, the server goes away and comes
back, two laptops are killed and their trainees resume and finish their sessions; afterwards the server holds
exactly the union of the local records."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.conftest import ROOT, SCENARIOS
from tests.pgserver import PgServer
from trainer.records.server import ServerStore

TRAINEES = 12
EVENTS_OF = "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = ? ORDER BY seq"
SCENARIO = SCENARIOS / "stationsplein.yaml"


def trainer(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "trainer", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


@pytest.fixture
def day_url(pg_server: PgServer) -> str:
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "training_day"')
        conn.execute('CREATE DATABASE "training_day"')
    url = pg_server.url("training_day")
    assert trainer("server", "init", url).returncode == 0
    return url


def _local_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


def _wait_for_events(dbs: list[Path], at_least: int, seconds: float = 300.0) -> None:
    # generous: twelve Python processes starting at once on a loaded 2-core machine took over 120 s
    deadline = time.monotonic() + seconds
    while any(_local_count(db) < at_least for db in dbs):
        assert time.monotonic() < deadline, "the trainees did not start recording"
        time.sleep(0.1)


def all_local(dbs: list[Path]) -> set[tuple[object, ...]]:
    rows: set[tuple[object, ...]] = set()
    for db in dbs:
        if db.exists():
            with sqlite3.connect(db) as conn:
                rows |= set(
                    conn.execute("SELECT session_id, seq, wall_time, mono_time, type, payload FROM events")
                )
    return rows


def all_server(url: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT session_id, seq, wall_time, mono_time, type, payload FROM events"
        ).fetchall()


def test_twelve_laptops_an_outage_and_two_kills(pg_server: PgServer, day_url: str, tmp_path: Path) -> None:
    dbs = [tmp_path / f"laptop{k:02d}.sqlite3" for k in range(TRAINEES)]
    rng = random.Random(20261206)
    killed = rng.sample(range(TRAINEES), 2)
    procs = [
        spawn(
            "run",
            str(SCENARIO),
            "--auto",
            "--seed",
            str(k),
            "--db",
            str(db),
            "--server",
            day_url,
            "--trainee",
            f"T{k:02d}",
            "--group",
            "DAG1",
            "--pace",
            "1.0" if k in killed else "0.15",  # the two to be killed play slower: surely mid-scenario
        )
        for k, db in enumerate(dbs)
    ]
    _wait_for_events([dbs[k] for k in killed], at_least=3)
    pg_server.stop()  # the network goes away mid-scenario; the trainees play on
    try:
        # Two laptops die mid-scenario while the server is away.
        counts = {k: _local_count(dbs[k]) for k in killed}
        for k in killed:
            _wait_for_events([dbs[k]], at_least=counts[k] + 2)
            assert procs[k].poll() is None, "a trainee to be killed had already finished"
            procs[k].send_signal(signal.SIGKILL)
    finally:
        pg_server.start()
    for k, proc in enumerate(procs):
        proc.wait(timeout=180)
        if k not in killed:
            assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    # The two killed trainees resume their own session (same id) and finish it, syncing as they go.
    for k in killed:
        with sqlite3.connect(dbs[k]) as conn:
            (sid, status), *others = conn.execute("SELECT id, status FROM sessions").fetchall()
            before = conn.execute(
                EVENTS_OF,
                (sid,),
            ).fetchall()
        assert not others and status == "active", "a killed trainee's session must be open"
        resumed = trainer(
            "run", str(SCENARIO), "--auto", "--seed", str(k), "--resume", sid[:8],
            "--db", str(dbs[k]), "--server", day_url, "--trainee", f"T{k:02d}", "--group", "DAG1",
        )  # fmt: skip
        assert resumed.returncode == 0, resumed.stderr
        with sqlite3.connect(dbs[k]) as conn:
            assert conn.execute("SELECT id, status FROM sessions").fetchall() == [(sid, "finished")]
            after = conn.execute(
                EVENTS_OF,
                (sid,),
            ).fetchall()
        assert after[: len(before)] == before, "resuming must keep every recorded event (no lost choice)"
        assert len(after) > len(before) and after[-1][3] == "session_finished"
    # The next start of each laptop's trainer catches up on whatever still waits (`trainer server sync`).
    for db in dbs:
        done = trainer("server", "sync", "--db", str(db), "--server", day_url)
        assert done.returncode == 0, done.stderr
        assert " 0 gebeurtenissen in 0 sessies wachten" in done.stdout

    local = all_local(dbs)
    server = all_server(day_url)
    assert len(server) == len(set(server)), "duplicated events on the server"
    assert set(server) == local, "the server must hold exactly the union of the local records"
    assert len({row[0] for row in server}) == TRAINEES
    with psycopg.connect(day_url) as conn:  # everyone finished, the two killed trainees too
        assert conn.execute("SELECT COUNT(*) FROM sessions WHERE status = 'finished'").fetchone() == (
            TRAINEES,
        )

    # Every session replays from the server; the group's sheet is the same from the server as from a merge.
    listing = trainer("sessions", "list", "--db", day_url)
    assert listing.returncode == 0 and f"{TRAINEES} sessie(s)" in listing.stdout, listing.stderr
    for sid in {row[0] for row in server}:
        replay = trainer("sessions", "replay", str(sid), "--db", day_url)
        assert replay.returncode == 0, replay.stderr
    merged = tmp_path / "merged.sqlite3"
    for k, db in enumerate(dbs):
        bundle = tmp_path / f"export{k}.json"
        assert (
            trainer("sessions", "export", "--group", "DAG1", "--db", str(db), "-o", str(bundle)).returncode
            == 0
        )
        assert trainer("sessions", "import", str(bundle), "--db", str(merged)).returncode == 0
    from_server = trainer("debrief", "--group", "DAG1", "--db", day_url, "-o", "-")
    from_merge = trainer("debrief", "--group", "DAG1", "--db", str(merged), "-o", "-")
    assert from_server.returncode == 0, from_server.stderr
    assert from_server.stdout == from_merge.stdout and "DAG1" in from_server.stdout


def test_server_commands_answer_bad_input_in_one_line(tmp_path: Path, day_url: str) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("TRAINER_SERVER", None)
    none = trainer("server", "status", env=env)
    assert none.returncode == 2 and none.stderr.count("\n") == 1 and "trainer server set" in none.stderr
    bad = trainer("server", "set", "postgresql://x:1:2:3/?sslmode=zzz", env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    gone = trainer("server", "status", "--server", "postgresql://nobody@127.0.0.1:1/none", env=env)
    assert gone.returncode == 2 and "niet bereikbaar" in gone.stderr and gone.stderr.count("\n") == 1
    saved = trainer("server", "set", day_url, env=env)
    assert saved.returncode == 0 and "opgeslagen" in saved.stdout
    status = trainer("server", "status", "--db", str(tmp_path / "empty.sqlite3"), env=env)
    assert status.returncode == 0 and "0 gebeurtenissen in 0 sessies wachten" in status.stdout
    with ServerStore(day_url) as server:
        assert server.schema_version() is not None
