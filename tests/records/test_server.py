"""The shared store on a real PostgreSQL server: schema, idempotent sync, outages, never splicing."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import psycopg
import pytest

from tests.conftest import FIXTURES
from tests.pgserver import PgServer
from trainer.engine.autoplay import autoplay
from trainer.engine.clock import FakeClock
from trainer.engine.session import Session
from trainer.model.loader import load_scenario
from trainer.records import RecordStore
from trainer.records.errors import RecordsError
from trainer.records.recorder import Recorder
from trainer.records.server import ServerStore
from trainer.records.sync import LocalJournal, Syncer, SyncPass


@pytest.fixture
def server_url(pg_server: PgServer, request: pytest.FixtureRequest) -> str:
    """A fresh database per test on the shared server, with the schema."""
    name = "t_" + request.node.name.lower().replace("[", "_").replace("]", "").replace("-", "_")[:50]
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.url(name)
    with ServerStore(url) as server:
        server.init()
    return url


def record_session(db: Path, seed: int, *, trainee: str = "T1", group: str = "G1") -> str:
    loaded = load_scenario(FIXTURES / "minimal.yaml")
    with RecordStore(db) as store:
        recorder = Recorder(store, loaded.scenario, loaded.content_hash, trainee=trainee, group=group)
        session = Session(
            loaded.scenario,
            seed=seed,
            clock=FakeClock(),
            listeners=[recorder],
            scenario_hash=loaded.content_hash,
        )
        autoplay(session, random.Random(seed))
        return recorder.session_id


def server_rows(url: str, session_id: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = %s ORDER BY seq",
            (session_id,),
        ).fetchall()


def local_rows(db: Path, session_id: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = ? ORDER BY seq",
            (session_id,),
        ).fetchall()


def test_init_is_idempotent_and_refuses_a_newer_schema(server_url: str) -> None:
    with ServerStore(server_url) as server:
        assert server.init() == server.init()
        with psycopg.connect(server_url) as conn:
            conn.execute("UPDATE trainer_schema SET version = 99")
        with pytest.raises(RecordsError, match="nieuwer"):
            server.init()
        with pytest.raises(RecordsError, match="nieuwer"):
            server.require_schema()


def test_a_pass_pushes_everything_once(server_url: str, tmp_path: Path) -> None:
    db = tmp_path / "laptop.sqlite3"
    ids = [record_session(db, seed) for seed in range(3)]
    with ServerStore(server_url) as server:
        status = SyncPass(LocalJournal(db), server).run()
        assert status.waiting_events == 0 and status.online
        again = SyncPass(LocalJournal(db), server).run()  # a restarted trainer: nothing new, nothing doubled
        assert again.pushed_events == 0
    for sid in ids:
        assert server_rows(server_url, sid) == local_rows(db, sid)


def test_a_diverging_history_is_refused_and_both_kept(server_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    sid = record_session(first, seed=1)
    # The same session, exported while open and continued differently (and further) on a second laptop.
    second.write_bytes(first.read_bytes())
    with sqlite3.connect(second) as conn:
        conn.execute("UPDATE events SET payload = payload || ' ' WHERE session_id = ? AND seq = 2", (sid,))
        conn.execute(
            "INSERT INTO events SELECT session_id, seq + 1, wall_time, mono_time, type, payload FROM events "
            "WHERE session_id = ? AND seq = (SELECT MAX(seq) FROM events WHERE session_id = ?)",
            (sid, sid),
        )
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(first), server).run()
        refused = SyncPass(LocalJournal(second), server).run().refused
    assert list(refused) == [sid]
    message = refused[sid].message("nl")
    assert f"sessie {sid[:8]}" in message and "andere geschiedenis vanaf gebeurtenis 2" in message
    assert "different history on the server from event 2" in refused[sid].message("en")
    assert server_rows(server_url, sid) == local_rows(first, sid)
    with psycopg.connect(server_url) as conn:
        kept = conn.execute("SELECT COUNT(*) FROM diverged_events WHERE session_id = %s", (sid,)).fetchone()
    assert kept is not None and kept[0] == len(local_rows(second, sid))


def test_the_syncer_catches_up_after_the_server_was_away(
    pg_server: PgServer, server_url: str, tmp_path: Path
) -> None:
    db = tmp_path / "laptop.sqlite3"
    syncer = Syncer(db, server_url, poll_seconds=0.05, max_backoff=0.3).start()
    try:
        before = record_session(db, seed=3)
        _wait(lambda: syncer.status().waiting_events == 0 and syncer.status().online)
        pg_server.stop()
        try:
            during = [record_session(db, seed) for seed in (4, 5)]
            syncer.wake()
            _wait(lambda: not syncer.status().online)
        finally:
            pg_server.start()
        syncer.wake()
        _wait(lambda: syncer.status().online and syncer.status().waiting_events == 0, seconds=20)
    finally:
        syncer.stop()
    for sid in [before, *during]:
        assert server_rows(server_url, sid) == local_rows(db, sid)


def _wait(condition, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_the_syncer_notices_commits_without_any_hook(server_url: str, tmp_path: Path) -> None:
    """The window never calls the syncer: it sees the recorder's commits through PRAGMA data_version."""
    db = tmp_path / "laptop.sqlite3"
    syncer = Syncer(db, server_url).start()
    try:
        sid = record_session(db, seed=7)
        _wait(lambda: len(server_rows(server_url, sid)) == len(local_rows(db, sid)))
    finally:
        status = syncer.stop()
    assert status.online and status.waiting_events == 0
    assert server_rows(server_url, sid) == local_rows(db, sid)


def test_the_casting_travels_to_the_server_and_replays_there(server_url: str, tmp_path: Path) -> None:
    """A casting session's looks ride in its first event: the server holds them and a session rebuilt from
    the server's events shows the same looks (the group sheet read from the server runs the Hof test)."""
    import json

    from tests.conftest import SCENARIOS
    from trainer.engine.events import event_from_dict
    from trainer.records.sessions import RecordedSessions

    loaded = load_scenario(SCENARIOS / "stationsplein.yaml")
    db = tmp_path / "laptop.sqlite3"
    castings = {}
    with RecordStore(db) as store:
        source = RecordedSessions(store)
        for i in range(3):
            session = source.start(loaded, trainee=f"T{i}", group="G1", lang="nl", clock=FakeClock(), seed=i)
            autoplay(session, random.Random(i))
            recorder = session.listeners[0]
            assert isinstance(recorder, Recorder)
            castings[recorder.session_id] = (session.casting, session.casting_place)
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
    for sid, (casting, place) in castings.items():
        events = [event_from_dict(json.loads(row[4])) for row in server_rows(server_url, sid)]
        again = Session.from_events(loaded.scenario, events, scenario_hash=loaded.content_hash)
        assert (again.casting, again.casting_place) == (casting, place)
    assert sorted(p for _c, p in castings.values()) == [0, 1, 2]
