"""The export streams: memory stays flat as the number of sessions grows tenfold (measured with tracemalloc,
with a control that holds the statements to show the measurement sees them), on SQLite and on PostgreSQL;
the filters select what they say; both backends give the same statements."""

from __future__ import annotations

import gc
import sqlite3
import tracemalloc
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import psycopg

from tests.pgserver import PgServer
from tests.xapi.helpers import export, record, verb
from trainer.records import RecordStore
from trainer.records.server import ServerStore
from trainer.records.server_read import ServerReader
from trainer.records.stream import Selection
from trainer.xapi.export import Reader, statements
from trainer.xapi.statements import ExportOptions


def clone(db: Path, copies: int, *, day: str = "2026-11-20") -> None:
    """Fill a database with `copies` sessions: real recorded ones (two seeds, two groups, two scenarios' worth
    of events) copied under new ids, so thousands of sessions take a second, not minutes of play."""
    with sqlite3.connect(db) as conn:
        templates = conn.execute("SELECT * FROM sessions ORDER BY started_at").fetchall()
        events = {
            t[0]: conn.execute("SELECT * FROM events WHERE session_id = ? ORDER BY seq", (t[0],)).fetchall()
            for t in templates
        }
        for i in range(copies):
            base = templates[i % len(templates)]
            sid = f"{i:032x}"
            started = f"{day}T{8 + i // 3600 % 10:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000+00:00"
            conn.execute(
                "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sid, *base[1:8], started, *base[9:]),
            )
            conn.executemany(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", [(sid, *e[1:]) for e in events[base[0]]]
            )


def seeded(db: Path) -> None:
    record(db, seed=1, trainee="A1", group="ochtend")
    record(db, seed=2, trainee="A2", group="middag")


def _peak(make: Callable[[], Iterable[Any]], *, keep: bool) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        held = []
        for item in make():
            if keep:
                held.append(item)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _growth(reader_for: Callable[[], Any], keep: bool) -> int:
    with reader_for() as reader:
        return _peak(lambda: statements(reader, Selection(), ExportOptions(), batch=BATCH), keep=keep)


BATCH = 50  # sessions read at once: small, so the smaller database is already four batches


def _flat(small: Callable[[], Any], large: Callable[[], Any]) -> None:
    """Streaming: the peak with ten times the sessions stays within 1.5 times the peak of the small export.
    Control: holding just the small export's statements already peaks far higher, so growth would show."""
    s_small, s_large = _growth(small, keep=False), _growth(large, keep=False)
    held = _growth(small, keep=True)
    assert held > 3 * s_small, f"control: holding {held:,} bytes should dwarf streaming {s_small:,}"
    assert s_large < 1.5 * s_small, f"streaming grew from {s_small:,} to {s_large:,} bytes"


def test_memory_stays_flat_with_ten_times_the_sessions_on_sqlite(tmp_path: Path) -> None:
    small, large = tmp_path / "small.sqlite3", tmp_path / "large.sqlite3"
    for db, copies in ((small, 200), (large, 2000)):
        seeded(db)
        clone(db, copies)
    _flat(lambda: RecordStore(small, read_only=True), lambda: RecordStore(large, read_only=True))


def to_server(db: Path, url: str) -> None:
    """Copy a laptop's tables to the server as they are (what a sync would give, without its pace)."""
    with sqlite3.connect(db) as local, psycopg.connect(url) as remote:
        for table in ("trainees", "scenario_versions"):
            rows = local.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - fixed names
            marks = ", ".join(["%s"] * len(rows[0]))
            with remote.cursor() as cur:
                cur.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)  # noqa: S608
        with remote.cursor() as cur:
            cur.executemany(
                "INSERT INTO groups(id, label, date, leader, location, created_at) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                local.execute("SELECT * FROM groups").fetchall(),
            )
            cur.executemany(
                "INSERT INTO sessions VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                local.execute("SELECT * FROM sessions").fetchall(),
            )
            cur.executemany(
                "INSERT INTO events VALUES (%s,%s,%s,%s,%s,%s)",
                local.execute("SELECT * FROM events").fetchall(),
            )


def test_memory_stays_flat_on_postgresql_and_both_backends_agree(pg_server: PgServer, tmp_path: Path) -> None:
    urls = []
    for copies in (200, 2000):
        db = tmp_path / f"{copies}.sqlite3"
        seeded(db)
        clone(db, copies)
        name = f"x_stream_{copies}"
        with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = pg_server.url(name)
        with ServerStore(url) as server:
            server.init()
        to_server(db, url)
        urls.append(url)
    small_db = tmp_path / "200.sqlite3"
    with ServerReader(urls[0]) as server, RecordStore(small_db, read_only=True) as local:
        assert list(statements(server, Selection(), ExportOptions())) == list(
            statements(local, Selection(), ExportOptions())
        )
    _flat(lambda: ServerReader(urls[0]), lambda: ServerReader(urls[1]))


def _sessions(reader: Reader, selection: Selection) -> set[str]:
    return {s["actor"]["account"]["name"] for s in statements(reader, selection, ExportOptions())}


def test_the_filters_select_what_they_say(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    seeded(db)  # A1 in ochtend, A2 in middag, both on the minimal scenario, started today
    record(db, Path("scenarios/stationsplein.yaml").resolve(), seed=3, trainee="B3", group="ochtend")
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE sessions SET started_at = '2026-11-20T09:00:00.000+00:00' WHERE trainee_code = 'A1'"
        )
        conn.execute(
            "UPDATE sessions SET started_at = '2026-11-21T23:59:59.999+00:00' WHERE trainee_code = 'A2'"
        )
        conn.execute(
            "UPDATE sessions SET started_at = '2026-11-22T00:00:00.000+00:00' WHERE trainee_code = 'B3'"
        )
    with RecordStore(db, read_only=True) as store:
        assert _sessions(store, Selection()) == {"A1", "A2", "B3"}
        assert _sessions(store, Selection(groups=("ochtend",))) == {"A1", "B3"}
        assert _sessions(store, Selection(scenario="stationsplein")) == {"B3"}
        assert _sessions(store, Selection(trainee="A2")) == {"A2"}
        assert _sessions(store, Selection(since=date(2026, 11, 21))) == {"A2", "B3"}
        assert _sessions(store, Selection(until=date(2026, 11, 21))) == {"A1", "A2"}  # the whole last day
        assert _sessions(store, Selection(since=date(2026, 11, 21), until=date(2026, 11, 21))) == {"A2"}
        assert _sessions(store, Selection(groups=("ochtend",), scenario="minimaal")) == {"A1"}
        assert _sessions(store, Selection(groups=("avond",))) == set()
    made = export(db)
    assert [verb(s) for s in made].count("started") == 3
