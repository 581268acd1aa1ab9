"""`make bench`: the cohort report at 100,000 sessions (~2 million events), 50 groups, 3 sites, on SQLite
and on a real PostgreSQL (tests/pgserver.py).

Generating: a few hundred sessions are played through the real engine (every bundled scenario, the
synthetic cohorts' strategies), then dealt out to 100,000 sessions with their own ids, trainees, groups, sites
and dates, and inserted in bulk. The result is cached under the temp folder keyed by `GENERATOR_VERSION`, so
only the first run pays for it. Deriving the per-session summaries (once per session, as after a sync or
import) is timed separately from the report itself, which is what the 5 s target is about.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from random import Random

import psycopg

from debrief.cohort.db import Db
from debrief.cohort.derived import refresh
from debrief.cohort.filters import Filters
from debrief.cohort.render import render_html, write_csv
from debrief.cohort.report import build
from tests.cohort.cohorts import ThinkingClock, follows_behaviour, follows_look, kader_player, loaded, play
from trainer.engine.session import Session
from trainer.records import RecordStore
from trainer.records.rows import canonical_json
from trainer.records.server import ServerStore
from trainer.records.server_read import ServerReader

GENERATOR_VERSION = 2  # 2: choices take time (a clock that moves on)
SESSIONS = int(os.environ.get("REPORT_BENCH_SESSIONS", "100000"))
GROUPS, SITES, TEMPLATES_PER_SCENARIO = 50, ("Apeldoorn", "Zwolle", "Den Haag"), 60
SCENARIO_IDS = (
    "fietser_zonder_licht",
    "grenscontrole_trein",
    "jongeren_plein",
    "nachtelijke_verkeerscontrole",
    "preventief_fouilleren",
    "signalement_overval",
    "stationsplein",
)
TARGET = 5.0

Rows = list[tuple[str, str, str, bool]]


def _templates() -> list[tuple[str, str, list[tuple[float, str, str]]]]:
    """(scenario id, content hash, [(t, type, payload)]) for sessions played through the real engine."""
    out = []
    for scenario_id in SCENARIO_IDS:
        scenario = loaded(scenario_id)
        for i in range(TEMPLATES_PER_SCENARIO):
            rng = Random(f"{scenario_id}/{i}")
            strategy = (
                follows_look("donker")
                if i % 3 == 0
                else follows_behaviour("zakkenroller")
                if i % 3 == 1
                else None
            ) or kader_player(0.2 + 0.6 * (i % 5) / 4, timeouts=0.1)
            session = Session(
                scenario.scenario,
                seed=i,
                clock=ThinkingClock(0.5 + (i % 4) / 2),
                scenario_hash=scenario.content_hash,
                casting_place=i,
                pace=1.5 if i % 7 == 0 else 1.0,
            )
            play(session, strategy, rng, honest=i % 2 == 0)
            events = [(e.t, e.type, canonical_json(e.to_dict())) for e in session.events]
            out.append((scenario_id, scenario.content_hash, events))
    return out


def generate(path: Path) -> tuple[int, int]:
    """Write the 100,000 sessions into a fresh SQLite file; returns (sessions, events)."""
    templates = _templates()
    rng = Random(GENERATOR_VERSION)
    events_total = 0
    with RecordStore(path) as store:
        conn = store.connection
        with store.transaction() as tx:
            for scenario_id in SCENARIO_IDS:
                scenario = loaded(scenario_id)
                store.remember_scenario(tx, scenario.scenario, scenario.content_hash)
            for g in range(GROUPS):
                tx.execute(
                    "INSERT INTO groups(id, label, date, location, created_at) VALUES (?, ?, ?, ?, ?)",
                    (g + 1, f"groep-{g:02d}", None, SITES[g % len(SITES)], "2025-01-01T00:00:00.000"),
                )
        batch_sessions, batch_events, trainees = [], [], set()
        for i in range(SESSIONS):
            group = i % GROUPS
            trainee = f"G{group:02d}T{rng.randrange(40):02d}"  # 40 trainees per group, 2000 in all
            scenario_id, digest, events = templates[rng.randrange(len(templates))]
            month = 1 + (group * 7 + i // 5000) % 24
            day = f"{2025 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-{1 + i % 28:02d}"
            started = f"{day}T{8 + i % 10:02d}:{i % 60:02d}:00.000"
            sid = f"b{i:031x}"
            trainees.add(trainee)
            batch_sessions.append(
                (sid, trainee, group + 1, scenario_id, 1, digest, i, "nl", started, started, "finished")
            )
            batch_events.extend(
                (sid, seq, started, t, kind, payload) for seq, (t, kind, payload) in enumerate(events)
            )
            events_total += len(events)
            if len(batch_events) > 200_000 or i == SESSIONS - 1:
                with store.transaction() as tx:
                    tx.executemany(
                        "INSERT OR IGNORE INTO trainees(code, created_at) "
                        "VALUES (?, '2025-01-01T00:00:00.000')",
                        [(t,) for t in trainees],
                    )
                    tx.executemany(
                        "INSERT INTO sessions(id, trainee_code, group_id, scenario_id, scenario_version, "
                        "content_hash, seed, lang, started_at, ended_at, status) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        batch_sessions,
                    )
                    tx.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", batch_events)
                batch_sessions, batch_events = [], []
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return SESSIONS, events_total


def cached_database() -> tuple[Path, float | None]:
    """The generated database (made now, or found from an earlier run) and how long making it took."""
    folder = Path(tempfile.gettempdir()) / f"trainer-report-bench-v{GENERATOR_VERSION}-{SESSIONS}"
    folder.mkdir(exist_ok=True)
    db, done = folder / "records.sqlite3", folder / "done"
    if done.exists():
        return db, None
    for leftover in folder.glob("records.sqlite3*"):
        leftover.unlink()
    start = time.perf_counter()
    generate(db)
    done.write_text("ok")
    return db, time.perf_counter() - start


def _time_report(db: Db, folder: Path) -> tuple[float, float]:
    """Median wall and CPU seconds of what `trainer report` does on a database whose summaries are current:
    check staleness, aggregate, run the tests, render HTML and CSV."""
    walls, cpus = [], []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        refresh(db)
        report = build(db, Filters())
        render_html(report)
        write_csv(report, folder)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _copy_to_server(sqlite_path: Path, url: str) -> None:
    """Bulk COPY of every records table from the generated SQLite file into the server."""
    import sqlite3

    source = sqlite3.connect(sqlite_path)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        for table, columns in (
            ("trainees", "code, display_name, created_at"),
            ("groups", "id, label, date, leader, location, created_at"),
            ("scenario_versions", "content_hash, scenario_id, version, snapshot"),
            (
                "sessions",
                "id, trainee_code, group_id, scenario_id, scenario_version, content_hash, seed, lang, "
                "started_at, ended_at, status",
            ),
            ("events", "session_id, seq, wall_time, mono_time, type, payload"),
        ):
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {columns} FROM {table}"):  # noqa: S608 - fixed names
                    copy.write_row(row)
        conn.commit()
        conn.execute("ANALYZE")
    source.close()


def bench_report(rows: Rows, row: Callable[[str, float, str, float], None]) -> None:
    db_path, made = cached_database()
    with RecordStore(db_path, quick_check=False) as store:
        sessions, events = store.connection.execute(
            "SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM events)"
        ).fetchone()
        label = f"{sessions:,} sessions, {events:,} events"
        if made is not None:
            rows.append((f"report data generated ({label})", f"{made:,.1f} s", "-", True))
        db = Db(store)
        start = time.perf_counter()
        fresh = refresh(db)
        if fresh.summarised:
            rows.append(
                (
                    f"report: derive summaries once, SQLite ({fresh.summarised:,} sessions)",
                    f"{time.perf_counter() - start:,.1f} s",
                    "-",
                    True,
                )
            )
        wall, cpu = _time_report(db, db_path.parent / "csv")
    cli = []
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "trainer",
                "report",
                "--db",
                str(db_path),
                "-o",
                str(db_path.parent / "r.html"),
            ],
            capture_output=True,
            check=False,
        )
        cli.append(time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
    rows.append(
        (
            f"trainer report, SQLite, end to end with Python's start ({label}, median of 3)",
            f"{statistics.median(cli):,.2f} s",
            f"<= {TARGET:g} s",
            statistics.median(cli) <= TARGET,
        )
    )
    rows.append(
        (
            f"report, SQLite, {label} (CPU {cpu:.2f} s, median of 3)",
            f"{wall:,.2f} s",
            f"<= {TARGET:g} s",
            wall <= TARGET,
        )
    )
    try:
        from tests.pgserver import remove_server, start_server

        server = start_server()
    except (RuntimeError, OSError) as exc:
        rows.append(("report, PostgreSQL", f"not measured: {exc}", "-", False))
        return
    try:
        with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS report_bench")
            conn.execute("CREATE DATABASE report_bench")
        url = server.url("report_bench")
        with ServerStore(url) as init:
            init.init()
        start = time.perf_counter()
        _copy_to_server(db_path, url)
        rows.append(
            (
                f"report data copied to PostgreSQL ({label})",
                f"{time.perf_counter() - start:,.1f} s",
                "-",
                True,
            )
        )
        with ServerReader(url) as reader:
            pg = Db(reader)
            start = time.perf_counter()
            fresh = refresh(pg)
            rows.append(
                (
                    f"report: derive summaries once, PostgreSQL ({fresh.summarised:,} sessions)",
                    f"{time.perf_counter() - start:,.1f} s",
                    "-",
                    True,
                )
            )
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("ANALYZE")
            wall, cpu = _time_report(pg, db_path.parent / "csv-pg")
        rows.append(
            (
                f"report, PostgreSQL, {label} (CPU {cpu:.2f} s, median of 3)",
                f"{wall:,.2f} s",
                f"<= {TARGET:g} s",
                wall <= TARGET,
            )
        )
    finally:
        remove_server(server)


if __name__ == "__main__":
    found: Rows = []
    bench_report(found, lambda *a: None)
    for name, value, target, ok in found:
        print(f"{name:<90} {value:>12} {target:>10} {'yes' if ok else 'NO'}")
