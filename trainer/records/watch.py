"""GroupWatch: what changed in a group since the last look, without ever holding up a frame.

`poll()` returns a WatchUpdate (new sessions and events of the group's sessions, new or closed revotes, new
flags, changed hand counts) and returns at once:
- a laptop's SQLite: PRAGMA data_version says in microseconds whether anyone committed since the last poll;
  only then do cheap cursor queries run (per session from the last sequence number seen);
- the shared PostgreSQL: a background thread LISTENs on the `trainer_live` channel (triggers on the group's
  tables NOTIFY it, see server_schema.py) and runs the same cursor queries when woken, or every
  `fallback_seconds` when no notification comes (a proxy that drops them, a lost connection being remade);
  `poll()` only drains the thread's queue.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from trainer.records.group_rows import Flag, HandCount, Revote, WatchUpdate
from trainer.records.rows import SESSION_SELECT, EventRow, SessionRow
from trainer.records.store import RecordStore

CHANNEL = "trainer_live"

Query = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]


class _Cursor:
    """What a watcher has seen of one group, and the queries that find what is new (either backend)."""

    def __init__(self, group: str, *, events: bool, mark: str) -> None:
        self.group = group
        self.with_events = events
        self.mark = mark
        self.counts: dict[str, int] = {}
        self.status: dict[str, str] = {}
        self.revotes: dict[str, str | None] = {}
        self.flag_ids: set[str] = set()
        self.hands: dict[tuple[str, str], int] = {}
        self.group_id: int | None = None

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self.mark)

    def fetch(self, query: Query) -> WatchUpdate:
        update = WatchUpdate()

        def q(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
            return query(self._sql(sql), params)

        if self.group_id is None:
            found = q("SELECT id FROM groups WHERE label = ?", (self.group,))
            if not found:
                return update  # nobody has started in this group yet
            self.group_id = int(found[0][0])
        sessions = SESSION_SELECT + " WHERE s.group_id = ? ORDER BY s.started_at, s.id"
        for row in q(sessions, (self.group_id,)) if self.with_events else ():  # a trainee needs revotes only
            values = list(row)
            values[-1] = int(values[-1])  # PostgreSQL's COUNT(*) is a bigint
            session = SessionRow(*values)
            seen = self.counts.get(session.id)
            if seen is None or self.status.get(session.id) != session.status:
                update.sessions.append(session)
                self.status[session.id] = session.status
            seen = seen or 0
            self.counts.setdefault(session.id, 0)
            if self.with_events and session.event_count > seen:
                rows = q(
                    "SELECT seq, wall_time, mono_time, type, payload FROM events "
                    "WHERE session_id = ? AND seq >= ? ORDER BY seq",
                    (session.id, seen),
                )
                new = [EventRow(int(a), str(b), float(c), str(d), str(e)) for a, b, c, d, e in rows]
                if new:
                    update.events[session.id] = new
                    self.counts[session.id] = new[-1].seq + 1
        for row in q(
            "SELECT ?, id, scenario_id, node_id, opened_at, closed_at FROM revotes WHERE group_id = ? "
            "ORDER BY opened_at, id",
            (self.group, self.group_id),
        ):
            revote = Revote(*row)
            if revote.revote_id not in self.revotes or self.revotes[revote.revote_id] != revote.closed_at:
                update.revotes.append(revote)
                self.revotes[revote.revote_id] = revote.closed_at
        for row in q(
            "SELECT ?, seq, at_session, at_node, note, created_at, id FROM flags WHERE group_id = ? "
            "ORDER BY seq",
            (self.group, self.group_id),
        ):
            if row[-1] not in self.flag_ids:
                update.flags.append(Flag(*row))
                self.flag_ids.add(row[-1])
        for rid, cid, count in q(
            "SELECT h.revote_id, h.choice_id, h.count FROM revote_hands h "
            "JOIN revotes r ON r.id = h.revote_id WHERE r.group_id = ? ORDER BY h.revote_id, h.choice_id",
            (self.group_id,),
        ):
            if self.hands.get((rid, cid)) != int(count):
                update.hands.append(HandCount(str(rid), str(cid), int(count)))
                self.hands[(rid, cid)] = int(count)
        return update


class GroupWatch:
    """Watches one group in a records store (RecordStore), or on the server (a postgresql:// URL, or an
    object with a `url`, like ServerStore). `events=False` skips the sessions and their events: a trainee's
    window only needs to know about revotes. Close it (or use `with`) to stop the server thread."""

    def __init__(
        self,
        source: RecordStore | str | Any,
        group: str,
        *,
        events: bool = True,
        fallback_seconds: float = 1.0,
    ) -> None:
        self.group = group
        self.fallback_seconds = fallback_seconds
        self._local: _LocalWatch | None = None
        self._remote: _ServerWatch | None = None
        if isinstance(source, RecordStore):
            self._local = _LocalWatch(source.path, _Cursor(group, events=events, mark="?"))
        else:
            url = source if isinstance(source, str) else str(source.url)
            self._remote = _ServerWatch(url, _Cursor(group, events=events, mark="%s"), fallback_seconds)

    def poll(self) -> WatchUpdate:
        """What is new since the last poll; returns at once (an empty update most frames)."""
        if self._local is not None:
            return self._local.poll()
        assert self._remote is not None
        return self._remote.drain()

    @property
    def problem(self) -> str | None:
        """Why the server watch is not connected right now (it keeps retrying), or None: connected, or a
        local store. The host says it on screen; nothing is lost, the watch catches up when back."""
        if self._remote is None or self._remote.connected:
            return None
        return self._remote.last_error

    @property
    def listening(self) -> bool:
        """True while the server watch is woken by NOTIFY (False: polling only, or a local store)."""
        return self._remote is not None and self._remote.listening

    def close(self) -> None:
        if self._local is not None:
            self._local.close()
        if self._remote is not None:
            self._remote.stop()

    def __enter__(self) -> GroupWatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _LocalWatch:
    """Own read-only connection, so the data_version changes for every commit another connection makes."""

    def __init__(self, path: Any, cursor: _Cursor) -> None:
        self.path = path
        self.cursor = cursor
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None

    def _db(self) -> sqlite3.Connection | None:
        if self._conn is None:
            try:
                # no busy wait: a writer's moment (a checkpoint) made the frame wait 5-12 ms; the next
                # frame simply looks again
                self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=0)
            except sqlite3.Error:
                return None
        return self._conn

    def poll(self) -> WatchUpdate:
        db = self._db()
        if db is None:
            return WatchUpdate()
        try:
            version = int(db.execute("PRAGMA data_version").fetchone()[0])
            if version == self._version:
                return WatchUpdate()
            update = self.cursor.fetch(lambda sql, params: db.execute(sql, params).fetchall())
        except sqlite3.OperationalError:
            return WatchUpdate()  # busy for a moment (a writer checkpointing): the next frame looks again
        self._version = version
        return update

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _ServerWatch:
    """The background LISTEN thread; the frame loop only takes its queued updates."""

    def __init__(self, url: str, cursor: _Cursor, fallback_seconds: float) -> None:
        self.url = url
        self.cursor = cursor
        self.fallback_seconds = fallback_seconds
        self.listening = False
        self.connected = False
        self.last_error: str | None = None
        self._queue: queue.SimpleQueue[WatchUpdate] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="trainer-watch", daemon=True)
        self._thread.start()

    def drain(self) -> WatchUpdate:
        update = WatchUpdate()
        while True:
            try:
                update.merge(self._queue.get_nowait())
            except queue.Empty:
                return update

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        import psycopg  # here: the local watch never needs the driver

        delay = 0.25
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=2) as conn:
                    self.connected = True
                    try:
                        conn.execute(f"LISTEN {CHANNEL}")
                        self.listening = True
                    except psycopg.Error:
                        self.listening = False  # polling only
                    delay = 0.25
                    self._serve(conn)
            except psycopg.Error as exc:
                self.listening = self.connected = False
                self.last_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                self._stop.wait(delay)
                delay = min(5.0, delay * 2)

    def _serve(self, conn: Any) -> None:
        def query(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in conn.execute(sql, params).fetchall()]

        while not self._stop.is_set():
            update = self.cursor.fetch(query)
            if not update.empty:
                self._queue.put(update)
            # Wait for a NOTIFY in short slices, so stop() is heard quickly. psycopg keeps the notifies that
            # arrived during the fetch in a backlog and yields those first, so none is missed in between.
            deadline = time.monotonic() + self.fallback_seconds
            woken = False
            while not woken and not self._stop.is_set() and time.monotonic() < deadline:
                remaining = deadline - time.monotonic()
                for _ in conn.notifies(timeout=max(0.0, min(0.2, remaining)), stop_after=1):
                    woken = True
