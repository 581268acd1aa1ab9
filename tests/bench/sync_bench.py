"""Shared-store figures for `make bench`: local commit with a syncer running, push latency, catch-up rate
and the group sheet read from the server, on a real PostgreSQL started for the run (tests/pgserver.py)."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

from tests.conftest import SCENARIOS
from tests.pgserver import remove_server, start_server
from trainer.engine import FakeClock, Session
from trainer.engine.autoplay import autoplay
from trainer.engine.events import Event
from trainer.model.loader import load_scenario
from trainer.records import RecordStore
from trainer.records.recorder import Recorder
from trainer.records.server import ServerStore
from trainer.records.sync import Syncer

Row = Callable[[str, float, str, float], None]
Listener = Callable[[Event], None]


def _play(
    store: RecordStore, loaded, seeds: range, prefix: str, group: str, wrap: Callable[[Recorder], Listener]
) -> None:  # type: ignore[no-untyped-def]
    """Autoplay one recorded session per seed; `wrap` puts timing around each session's recorder."""
    for seed in seeds:
        recorder = Recorder(
            store, loaded.scenario, loaded.content_hash, trainee=f"{prefix}{seed}", group=group
        )
        session = Session(
            loaded.scenario,
            seed=seed,
            clock=FakeClock(),
            listeners=[wrap(recorder)],
            scenario_hash=loaded.content_hash,
        )
        autoplay(session, random.Random(seed))


def _server_count(conn: psycopg.Connection[tuple[int]]) -> int:
    row = conn.execute("SELECT COUNT(*) FROM events").fetchone()
    return int(row[0]) if row else 0


def bench_sync(row: Row, rows: list[tuple[str, str, str, bool]]) -> None:
    try:
        server = start_server()
    except (RuntimeError, OSError) as exc:
        rows.append(("shared store (PostgreSQL)", f"not measured: {exc}", "-", False))
        return
    try:
        url = server.url()
        with ServerStore(url) as store:
            store.init()
        loaded = load_scenario(SCENARIOS / "stationsplein.yaml")
        with tempfile.TemporaryDirectory() as tmp:
            _latency(row, url, Path(tmp) / "live.sqlite3", loaded)
            _catch_up(row, rows, url, Path(tmp) / "offline.sqlite3", loaded)
            _debrief_from_server(row, url)
    finally:
        remove_server(server)


def _latency(row: Row, url: str, db: Path, loaded) -> None:  # type: ignore[no-untyped-def]
    """Each event: the local commit's time, then the time until the server shows it (polled every 0.5 ms)."""
    commits: list[float] = []
    latencies: list[float] = []
    syncer = Syncer(db, url).start()
    watcher = psycopg.connect(url, autocommit=True)
    try:
        with RecordStore(db) as store:

            def timed(recorder: Recorder) -> Listener:
                def listen(event: Event) -> None:
                    target = _server_count(watcher) + 1  # counted before the commit: the push may be quick
                    start = time.perf_counter()
                    recorder(event)
                    committed = time.perf_counter()
                    commits.append(committed - start)
                    syncer.wake()
                    while _server_count(watcher) < target:
                        time.sleep(0.0005)
                    latencies.append(time.perf_counter() - committed)

                return listen

            _play(store, loaded, range(12), "T", "bench", timed)
    finally:
        watcher.close()
        syncer.stop()
    row(
        f"shared store: local commit per event, syncer running (median of {len(commits)})",
        statistics.median(commits),
        "µs",
        200,
    )
    row(
        "shared store: local commit per event, no syncer (same disk, for comparison)",
        _bare_commit(db.parent, loaded),
        "µs",
        200,
    )
    row(
        f"shared store: push latency, local commit -> on server (median of {len(latencies)})",
        statistics.median(latencies),
        "ms",
        50,
    )
    p95 = statistics.quantiles(latencies, n=20)[18]
    row("shared store: push latency, p95", p95, "ms", 100)


def _bare_commit(tmp: Path, loaded) -> float:  # type: ignore[no-untyped-def]
    samples: list[float] = []

    def timed(recorder: Recorder) -> Listener:
        def listen(event: Event) -> None:
            start = time.perf_counter()
            recorder(event)
            samples.append(time.perf_counter() - start)

        return listen

    with RecordStore(tmp / "bare.sqlite3") as store:
        _play(store, loaded, range(12), "B", "bare", timed)
    return statistics.median(samples)


def _catch_up(row: Row, rows: list[tuple[str, str, str, bool]], url: str, db: Path, loaded) -> None:  # type: ignore[no-untyped-def]
    """Events recorded while the server was away, then the time until the syncer has pushed them all."""
    with RecordStore(db) as store:
        _play(store, loaded, range(100), "O", "offline", lambda recorder: recorder)
        total = sum(row.event_count for row in store.sessions(group="offline"))
    with psycopg.connect(url, autocommit=True) as conn:
        before = _server_count(conn)
        start = time.perf_counter()
        syncer = Syncer(db, url).start()
        while _server_count(conn) < before + total:
            time.sleep(0.01)
        elapsed = time.perf_counter() - start
        syncer.stop()
    rows.append(
        (
            f"shared store: catch-up after an outage, {total:,} events in 100 sessions",
            f"{total / elapsed:,.0f} events/s",
            "(no target)",
            True,
        )
    )


def _debrief_from_server(row: Row, url: str) -> None:
    from debrief.render import render_html
    from debrief.sources import assemble, from_store
    from debrief.summary import fold
    from trainer.records.server_read import ServerReader

    def sheet() -> str:
        with ServerReader(url) as reader:
            material = assemble(*from_store(reader, group="bench"))
        return render_html(fold(material), "group")

    sheet()
    samples = []
    for _ in range(10):
        start = time.perf_counter()
        sheet()
        samples.append(time.perf_counter() - start)
    row(
        "shared store: group sheet for 12 sessions read from the server (median of 10)",
        statistics.median(samples),
        "ms",
        300,
    )
