"""The shared store on a PostgreSQL server: schema, idempotent pushes that never splice, and reads.

A laptop's SQLite stays the crash-safe journal; this is where a training centre's laptops meet. Every push is
one transaction per session and is idempotent on (session id, sequence number). A push whose overlap with the
stored history differs is refused with one line naming the session; the other history is kept in
`diverged_events`, and the stored one is never changed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from trainer.records.errors import RecordsError
from trainer.records.server_schema import MIGRATIONS, SCHEMA_VERSION
from trainer.records.store import EventRow, SessionRow

# The pool logs each failed connection attempt in English on stderr; the syncer reports outages itself, in one
# line and in the trainee's language, so the library's own log stays quiet.
_POOL_LOG = logging.getLogger("psycopg.pool")
_POOL_LOG.addHandler(logging.NullHandler())
_POOL_LOG.propagate = False

# One error type for "the server is away"; the sync loop waits and retries on it.
ServerUnavailable = psycopg.OperationalError


def redact(url: str) -> str:
    """The URL as it may be printed: without a password."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "<ongeldige server-URL>"
    user = f"{info['user']}@" if info.get("user") else ""
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{info.get('host', '')}{port}/{info.get('dbname', '')}"


_SSLMODES = {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}


def check_url(url: str) -> None:
    """Refuse a server URL that cannot work, before anything tries to reach it."""
    shown = redact(url)
    nl_hint = "(tip: postgresql://gebruiker@host:5432/database, zie README 'Een gedeelde server')"
    en_hint = "(hint: postgresql://user@host:5432/database, see README 'A shared server')"

    def refuse(nl: str, en: str) -> RecordsError:
        return RecordsError(f"{shown}: {nl} {nl_hint}", f"{shown}: {en} {en_hint}")

    if not url.startswith(("postgresql://", "postgres://")):
        raise refuse("geen PostgreSQL-URL", "not a PostgreSQL URL")
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise refuse("ongeldige server-URL", "invalid server URL") from None
    port = str(info.get("port", "5432"))
    if not all(part.isdigit() for part in port.split(",")):
        raise refuse(f"poort '{port}' is geen getal", f"port '{port}' is not a number")
    sslmode = str(info.get("sslmode", "prefer"))
    if sslmode not in _SSLMODES:
        raise refuse(f"onbekende sslmode '{sslmode}'", f"unknown sslmode '{sslmode}'")


class DivergedHistory(RecordsError):
    """The server holds a different history for this session than the one offered."""


class ServerStore:
    """A connection pool to one shared store. Safe to use from one background thread at a time."""

    def __init__(self, url: str, *, min_size: int = 0, max_size: int = 2, timeout: float = 5.0) -> None:
        check_url(url)
        self.url = url
        self.shown = redact(url)
        try:
            self.pool = ConnectionPool(
                url,
                min_size=min_size,
                max_size=max_size,
                timeout=timeout,
                open=True,
                check=ConnectionPool.check_connection,
                kwargs={"connect_timeout": max(1, int(timeout)), "autocommit": False},
            )
        except psycopg.ProgrammingError as exc:
            raise RecordsError(
                f"{redact(url)}: ongeldige server-URL ({type(exc).__name__})",
                f"{redact(url)}: invalid server URL ({type(exc).__name__})",
            ) from None

    def close(self) -> None:
        self.pool.close()

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema ---

    def schema_version(self) -> int | None:
        """The stored schema version, or None for an empty database."""
        with self.pool.connection() as conn:
            exists = conn.execute("SELECT to_regclass('trainer_schema') IS NOT NULL").fetchone()
            if not exists or not exists[0]:
                return None
            row = conn.execute("SELECT version FROM trainer_schema").fetchone()
            return int(row[0]) if row else 0

    def init(self) -> int:
        """Create or migrate the schema; refuse a newer one. Returns the version now stored."""
        with self.pool.connection() as conn:
            # One migrator at a time, even when twelve laptops start together.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('trainer_schema'))")
            has = conn.execute("SELECT to_regclass('trainer_schema') IS NOT NULL").fetchone()
            version = 0
            if has and has[0]:
                row = conn.execute("SELECT version FROM trainer_schema").fetchone()
                version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise _newer(self.shown, version)
            for number in range(version, SCHEMA_VERSION):
                conn.execute(MIGRATIONS[number])  # noqa: S608 (constant DDL)
                conn.execute("UPDATE trainer_schema SET version = %s", (number + 1,))
        return SCHEMA_VERSION

    def require_schema(self) -> None:
        version = self.schema_version()
        if version is None:
            raise RecordsError(
                f"{self.shown}: nog geen trainer-schema (tip: trainer server init URL)",
                f"{self.shown}: no trainer schema yet (hint: trainer server init URL)",
            )
        if version > SCHEMA_VERSION:
            raise _newer(self.shown, version)

    # --- writing ---

    def claim_place(self, group_label: str, scenario_id: str) -> int:
        """The next casting place of a group for a scenario, claimed for good: at least the number of the
        group's sessions of it stored here, and never one handed out before. One statement: concurrent
        claims queue on the row (or on inserting it), so two laptops starting at once get two places."""
        with self.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO casting_places AS c (group_label, scenario_id, next_place) "
                "VALUES (%(g)s, %(s)s, 1 + (SELECT COUNT(*) FROM sessions JOIN groups ON groups.id = "
                "sessions.group_id WHERE groups.label = %(g)s AND sessions.scenario_id = %(s)s)) "
                "ON CONFLICT (group_label, scenario_id) DO UPDATE "
                "SET next_place = GREATEST(c.next_place, EXCLUDED.next_place - 1) + 1 "
                "RETURNING next_place - 1",
                {"g": group_label, "s": scenario_id},
            ).fetchone()
        assert row is not None
        return int(row[0])

    def stored_counts(self, session_ids: Sequence[str]) -> dict[str, int]:
        """How many events the server holds per session (absent sessions are left out)."""
        if not session_ids:
            return {}
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT session_id, COUNT(*) FROM events WHERE session_id = ANY(%s) GROUP BY session_id",
                (list(session_ids),),
            ).fetchall()
        return {str(sid): int(n) for sid, n in rows}

    def push(self, header: SessionRow, snapshot: str, events: Sequence[EventRow]) -> int:
        """Store a contiguous run of a session's events, verifying any part the server already holds.

        Idempotent: pushing the same run twice stores it once. Returns how many events the server now holds
        for the session. A run that disagrees with the stored history raises DivergedHistory; the offered
        rows are kept in `diverged_events` and the stored history stays as it was.
        """
        try:
            with self.pool.connection() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (header.id,))
                if conn.execute("SELECT 1 FROM purged_sessions WHERE id = %s", (header.id,)).fetchone():
                    # purged on the server: taken as delivered, so the laptop stops offering it
                    return events[-1].seq + 1 if events else 0
                self._ensure_session(conn, header, snapshot)
                stored = _count(conn, header.id)
                if events and events[0].seq > stored:
                    return stored  # a gap: the caller sends from `stored` on
                existing = {
                    int(row[0]): EventRow(int(row[0]), str(row[1]), float(row[2]), str(row[3]), str(row[4]))
                    for row in conn.execute(
                        "SELECT seq, wall_time, mono_time, type, payload FROM events "
                        "WHERE session_id = %s AND seq BETWEEN %s AND %s",
                        (header.id, events[0].seq, events[-1].seq) if events else (header.id, 0, -1),
                    )
                }
                for event in events:
                    if event.seq in existing and existing[event.seq] != event:
                        raise DivergedHistory(
                            f"{self.shown}: sessie {header.id[:8]} heeft op de server een andere "
                            f"geschiedenis vanaf gebeurtenis {event.seq} (tip: beide versies zijn bewaard; "
                            "niets is overschreven)",
                            f"{self.shown}: session {header.id[:8]} has a different history on the server "
                            f"from event {event.seq} on (hint: both versions are kept; nothing was "
                            "overwritten)",
                        )
                fresh = [e for e in events if e.seq not in existing]
                if fresh:
                    with conn.cursor() as cur:
                        cur.executemany(
                            "INSERT INTO events(session_id, seq, wall_time, mono_time, type, payload) "
                            "VALUES (%s, %s, %s, %s, %s, %s)",
                            [(header.id, e.seq, e.wall_time, e.mono_time, e.type, e.payload) for e in fresh],
                        )
                if header.status == "finished":
                    conn.execute(
                        "UPDATE sessions SET status = 'finished', ended_at = %s WHERE id = %s",
                        (header.ended_at, header.id),
                    )
                return stored + len(fresh)
        except DivergedHistory:
            self._keep_aside(header, events)
            raise

    def _keep_aside(self, header: SessionRow, events: Sequence[EventRow]) -> None:
        with self.pool.connection() as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO diverged_events(session_id, seq, wall_time, mono_time, type, payload) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [(header.id, e.seq, e.wall_time, e.mono_time, e.type, e.payload) for e in events],
            )

    def _ensure_session(self, conn: psycopg.Connection[Any], header: SessionRow, snapshot: str) -> None:
        row = conn.execute(
            "SELECT trainee_code, scenario_id, scenario_version, content_hash, seed, lang, started_at "
            "FROM sessions WHERE id = %s",
            (header.id,),
        ).fetchone()
        mine = (
            header.trainee_code,
            header.scenario_id,
            header.scenario_version,
            header.content_hash,
            header.seed,
            header.lang,
            header.started_at,
        )
        if row is not None:
            if tuple(row) != mine:
                raise DivergedHistory(
                    f"{self.shown}: sessie {header.id[:8]} bestaat op de server met een andere start "
                    "(tip: beide versies zijn bewaard; niets is overschreven)",
                    f"{self.shown}: session {header.id[:8]} exists on the server with a different start "
                    "(hint: both versions are kept; nothing was overwritten)",
                )
            return
        conn.execute(
            "INSERT INTO trainees(code, display_name, created_at) VALUES (%s, %s, %s) "
            "ON CONFLICT(code) DO UPDATE SET "
            "display_name = COALESCE(excluded.display_name, trainees.display_name)",
            (header.trainee_code, header.display_name, header.started_at),
        )
        group_id = None
        if header.group_label:
            group_id = conn.execute(
                "INSERT INTO groups(label, created_at) VALUES (%s, %s) "
                "ON CONFLICT(label) DO UPDATE SET label = excluded.label RETURNING id",
                (header.group_label, header.started_at),
            ).fetchone()[0]  # type: ignore[index]
        conn.execute(
            "INSERT INTO scenario_versions(content_hash, scenario_id, version, snapshot) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (header.content_hash, header.scenario_id, header.scenario_version, snapshot),
        )
        conn.execute(
            "INSERT INTO sessions(id, trainee_code, group_id, scenario_id, scenario_version, content_hash, "
            "seed, lang, started_at, ended_at, status) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 'active')",
            (header.id, header.trainee_code, group_id, *mine[1:], None),
        )


def _newer(shown: str, version: int) -> RecordsError:
    return RecordsError(
        f"{shown}: schemaversie {version} is nieuwer dan deze trainer kent ({SCHEMA_VERSION}) "
        "(tip: werk de trainer bij; de server blijft ongewijzigd)",
        f"{shown}: schema version {version} is newer than this trainer knows ({SCHEMA_VERSION}) "
        "(hint: update the trainer; the server is left unchanged)",
    )


def _count(conn: psycopg.Connection[Any], session_id: str) -> int:
    row = conn.execute("SELECT COUNT(*) FROM events WHERE session_id = %s", (session_id,)).fetchone()
    return int(row[0]) if row else 0
