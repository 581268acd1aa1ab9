"""Offline-first sync: every event committed to the laptop's SQLite is pushed to the shared server.

Flags, revotes and the show of hands a console typed on this laptop go along (votes are events already).

A background thread reads the local journal through its own read-only connection and pushes what the server
lacks, one session per transaction. The trainee never waits on it: the recorder commits locally first (the
crash-safe journal), the host wakes the syncer, and when the network or server is away the syncer waits and
catches up later, also after a restart of the trainer, because the journal itself says what is waiting.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from trainer.records.errors import RecordsError
from trainer.records.group_journal import FLAG_SELECT, REVOTE_SELECT
from trainer.records.group_rows import Flag, HandCount, Revote
from trainer.records.server import DivergedHistory, ServerStore, ServerUnavailable
from trainer.records.server_groups import GroupState, push_groups
from trainer.records.server_journal import push_group_journal
from trainer.records.store import SESSION_SELECT, EventRow, SessionRow, pick_session

CONSOLE_SCHEMA = 4  # the server schema with flags, revotes and hands (before it, `trainer server init`)


class LocalJournal:
    """Read-only access to a laptop's records database, for the syncer's thread only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None

    def _db(self) -> sqlite3.Connection | None:
        if self._conn is None:
            if not self.path.exists():
                return None  # nothing recorded yet
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)
            self._conn.execute("PRAGMA busy_timeout=10000")
        return self._conn

    def changed(self) -> bool:
        """True when another connection committed since the last call (PRAGMA data_version: microseconds), so
        the syncer notices the recorder's commits without any hook in the host."""
        db = self._db()
        if db is None:
            return False
        version = int(db.execute("PRAGMA data_version").fetchone()[0])
        seen, self._version = self._version, version
        return seen != version

    def counts(self) -> dict[str, int]:
        db = self._db()
        if db is None:
            return {}
        return {
            str(sid): int(n) for sid, n in db.execute("SELECT session_id, COUNT(*) FROM events GROUP BY 1")
        }

    def header(self, session_id: str) -> tuple[SessionRow, str]:
        db = self._db()
        assert db is not None
        found = db.execute(SESSION_SELECT + " WHERE s.id = ?", (session_id,)).fetchall()
        row = pick_session(found, session_id, self.path)
        snapshot = db.execute(
            "SELECT snapshot FROM scenario_versions WHERE content_hash = ?", (row.content_hash,)
        ).fetchone()[0]
        return row, str(snapshot)

    def events(self, session_id: str, first: int) -> list[EventRow]:
        db = self._db()
        assert db is not None
        rows = db.execute(
            "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = ? AND seq >= ? "
            "ORDER BY seq",
            (session_id, first),
        )
        return [EventRow(int(a), str(b), float(c), str(d), str(e)) for a, b, c, d, e in rows]

    def groups(self) -> list[GroupState]:
        """Every group's header and commitments on this laptop (for the server: see server_groups)."""
        db = self._db()
        if db is None:
            return []
        said: dict[int, list[str]] = {}
        try:
            for group_id, text in db.execute("SELECT group_id, text FROM commitments ORDER BY group_id, seq"):
                said.setdefault(int(group_id), []).append(str(text))
        except sqlite3.OperationalError:  # a journal from before schema 2 has no commitments yet
            pass
        return [
            GroupState(str(label), date, leader, location, tuple(said.get(int(gid), ())))
            for gid, label, date, leader, location in db.execute(
                "SELECT id, label, date, leader, location FROM groups ORDER BY label"
            )
        ]

    def console_rows(self) -> tuple[list[Flag], list[Revote], list[HandCount]]:
        """The gespreksleider's flags, revotes and show of hands on this laptop (schema 3; none before)."""
        db = self._db()
        if db is None:
            return [], [], []
        try:
            flags = [Flag(*r) for r in db.execute(FLAG_SELECT + " ORDER BY g.label, f.seq")]
            revotes = [Revote(*r) for r in db.execute(REVOTE_SELECT + " ORDER BY r.opened_at, r.id")]
            hands = [
                HandCount(str(a), str(b), int(c))
                for a, b, c in db.execute("SELECT revote_id, choice_id, count FROM revote_hands")
            ]
        except sqlite3.OperationalError:  # a journal from before schema 3
            return [], [], []
        return flags, revotes, hands

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


@dataclass
class SyncStatus:
    """What a laptop knows about its sync: what waits, and what the server refused."""

    online: bool = False
    waiting_events: int = 0
    waiting_sessions: int = 0
    pushed_events: int = 0
    refused: dict[str, DivergedHistory] = field(default_factory=dict)
    last_error: str | None = None


class SyncPass:
    """One comparison of the local journal with the server, and the pushes it needs. No threads."""

    def __init__(self, journal: LocalJournal, server: ServerStore) -> None:
        self.journal = journal
        self.server = server
        self.stored: dict[str, int] = {}
        self.verified: set[str] = set()
        self.groups: dict[str, GroupState] = {}  # as last pushed
        self.console: set[object] = set()  # flags, revotes and hands as last pushed
        self.console_tables: bool | None = None  # the server has schema 3 (not yet: they wait on the laptop)
        self.status = SyncStatus()

    def run(self) -> SyncStatus:
        """Push everything the server lacks. Raises ServerUnavailable when the server is away."""
        local = self.journal.counts()
        unknown = [sid for sid in local if sid not in self.stored]
        if unknown:
            found = self.server.stored_counts(unknown)
            for sid in unknown:
                self.stored[sid] = found.get(sid, 0)
        for sid, count in sorted(local.items()):
            if sid in self.status.refused or count <= self.stored[sid]:
                continue
            # The first contact with a session compares the whole stored part: never splice onto another
            # history.
            first = self.stored[sid] if sid in self.verified else 0
            header, snapshot = self.journal.header(sid)
            try:
                now = self.server.push(header, snapshot, self.journal.events(sid, first))
            except DivergedHistory as exc:
                self.status.refused[sid] = exc
                continue
            self.status.pushed_events += max(0, now - self.stored[sid])
            self.stored[sid] = now
            self.verified.add(sid)
        changed = [g for g in self.journal.groups() if self.groups.get(g.label) != g]
        push_groups(self.server, changed)  # after the sessions: a header or a commitment typed since
        self.groups.update((g.label, g) for g in changed)
        if not self.console_tables:  # asked again each pass until the server has been updated
            self.console_tables = (self.server.schema_version() or 0) >= CONSOLE_SCHEMA
        flags, revotes, hands = self.journal.console_rows() if self.console_tables else ([], [], [])
        fresh = (
            [f for f in flags if f not in self.console],
            [r for r in revotes if r not in self.console],
            [h for h in hands if h not in self.console],
        )
        push_group_journal(self.server, *fresh)  # after the sessions and groups they point at
        self.console.update(*fresh)
        self.status.online = True
        self._count_waiting(local)
        return self.status

    def measure(self) -> SyncStatus:
        """What waits, without pushing anything (for `trainer server status`)."""
        local = self.journal.counts()
        self.stored = {sid: 0 for sid in local} | self.server.stored_counts(list(local))
        self.status.online = True
        self._count_waiting(local)
        return self.status

    def _count_waiting(self, local: dict[str, int]) -> None:
        waiting = {
            sid: n - self.stored.get(sid, 0) for sid, n in local.items() if n > self.stored.get(sid, 0)
        }
        self.status.waiting_events = sum(waiting.values())
        self.status.waiting_sessions = len(waiting)


class Syncer:
    """The background pusher. `wake()` after each local commit; `stop()` when the host closes."""

    def __init__(
        self, db_path: Path, url: str, *, poll_seconds: float = 1.0, max_backoff: float = 5.0
    ) -> None:
        self.db_path = db_path
        self.url = url
        self.poll_seconds = poll_seconds
        self.max_backoff = max_backoff
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._status = SyncStatus()
        self._thread = threading.Thread(target=self._loop, name="trainer-sync", daemon=True)

    def start(self) -> Syncer:
        self._thread.start()
        return self

    def wake(self, *_: object) -> None:
        """Usable as a Session listener: it only sets a flag, so the frame loop never waits."""
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._lock:
            return SyncStatus(**vars(self._status))

    def stop(self, timeout: float = 3.0) -> SyncStatus:
        """Ask the thread to push what it can and end; what is left waits in the journal for next time."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)
        return self.status()

    def _loop(self) -> None:
        journal = LocalJournal(self.db_path)
        server: ServerStore | None = None
        sync: SyncPass | None = None
        retry = True  # the first pass catches up on whatever an earlier run left waiting
        delay = self.poll_seconds
        try:
            while True:
                stopping = self._stop.is_set()
                woken = self._wake.is_set()
                self._wake.clear()
                if retry or woken or stopping or journal.changed():
                    try:
                        if server is None:
                            server = ServerStore(self.url, timeout=2.0)
                        if sync is None:
                            server.require_schema()
                            sync = SyncPass(journal, server)
                        status = sync.run()
                        retry, delay = False, self.poll_seconds
                        with self._lock:
                            self._status = SyncStatus(**vars(status))
                    except (ServerUnavailable, RecordsError, sqlite3.Error) as exc:
                        sync = None  # after an outage, ask the server again what it holds: never assume
                        retry, delay = True, min(self.max_backoff, max(0.25, delay * 2))
                        with self._lock:
                            self._status.online = False
                            self._status.last_error = (
                                str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                            )
                if stopping:
                    return
                self._wake.wait(delay)
        finally:
            journal.close()
            if server is not None:
                server.close()
