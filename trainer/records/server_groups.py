"""Groups on the shared server: their header (date, gespreksleider, location), their "wat nemen we mee?"
commitments, and purging sessions, all with the same meaning as in a laptop's SQLite store.

Sync carries a laptop's group headers and commitments along with its events. A header value set on a laptop
fills in or updates the server's; an unset one never clears it. Commitments are replaced only by a laptop
that has some (the gespreksleider's), never emptied by a trainee's laptop that has none.

A purge on the server keeps only the purged session's random id (`purged_sessions`), so a laptop that still
holds the session does not push it back: the purge holds for the whole training centre.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg

from trainer.records.rows import utc_now
from trainer.records.server import ServerStore


@dataclass(frozen=True)
class GroupState:
    """What a laptop knows of one group: its header and its commitments, in order."""

    label: str
    date: str | None
    leader: str | None
    location: str | None
    commitments: tuple[str, ...]


def _group_id(conn: psycopg.Connection[Any], label: str, created_at: str) -> int:
    row = conn.execute(
        "INSERT INTO groups(label, created_at) VALUES (%s, %s) "
        "ON CONFLICT(label) DO UPDATE SET label = excluded.label RETURNING id",
        (label, created_at),
    ).fetchone()
    assert row is not None
    return int(row[0])


def push_groups(server: ServerStore, groups: Sequence[GroupState]) -> None:
    """Bring the server's groups up to what a laptop knows (one transaction)."""
    if not groups:
        return
    with server.pool.connection() as conn:
        for g in groups:
            group_id = _group_id(conn, g.label, utc_now())
            conn.execute(
                "UPDATE groups SET date = COALESCE(%s, date), leader = COALESCE(%s, leader), "
                "location = COALESCE(%s, location) WHERE id = %s",
                (g.date, g.leader, g.location, group_id),
            )
            if g.commitments:
                _replace_commitments(conn, group_id, g.commitments)


def _replace_commitments(conn: psycopg.Connection[Any], group_id: int, texts: Sequence[str]) -> None:
    stored = [
        r[0]
        for r in conn.execute("SELECT text FROM commitments WHERE group_id = %s ORDER BY seq", (group_id,))
    ]
    if stored == list(texts):
        return
    conn.execute("DELETE FROM commitments WHERE group_id = %s", (group_id,))
    now = utc_now()
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO commitments(group_id, seq, text, created_at) VALUES (%s, %s, %s, %s)",
            [(group_id, i, text, now) for i, text in enumerate(texts)],
        )


def save_commitments(server: ServerStore, label: str, texts: Sequence[str]) -> None:
    """Replace the group's commitments (typed in `debrief --present --db postgresql://...`)."""
    with server.pool.connection() as conn:
        group_id = _group_id(conn, label, utc_now())
        conn.execute("DELETE FROM commitments WHERE group_id = %s", (group_id,))
        _replace_commitments(conn, group_id, texts)


def set_group(
    server: ServerStore,
    label: str,
    *,
    date: str | None = None,
    leader: str | None = None,
    location: str | None = None,
) -> None:
    """Fill in a group's header on the server (a value of "" clears it), as `RecordStore.set_group`."""
    with server.pool.connection() as conn:
        group_id = _group_id(conn, label, utc_now())
        for column, value in (("date", date), ("leader", leader), ("location", location)):
            if value is not None:
                conn.execute(
                    f"UPDATE groups SET {column} = %s WHERE id = %s",  # noqa: S608 - fixed names
                    (value or None, group_id),
                )


def purge_ids(
    server: ServerStore,
    *,
    older_than_days: int | None = None,
    trainee: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Ids of the sessions a purge with these criteria removes from the server."""
    with server.pool.connection() as conn:
        if older_than_days is not None:
            cutoff = ((now or datetime.now(UTC)) - timedelta(days=older_than_days)).isoformat(
                timespec="milliseconds"
            )
            rows = conn.execute("SELECT id FROM sessions WHERE started_at < %s ORDER BY id", (cutoff,))
        else:
            rows = conn.execute("SELECT id FROM sessions WHERE trainee_code = %s ORDER BY id", (trainee,))
        return [str(r[0]) for r in rows]


def delete_sessions(server: ServerStore, ids: Sequence[str]) -> None:
    """Remove sessions, their events (votes among them), diverged copies and the flags set on them, and
    trainees and groups left without sessions (with their flags, revotes and hands); keep the bare ids so no
    laptop pushes them back. One transaction."""
    with server.pool.connection() as conn:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('trainer_purge'))")
        conn.execute(
            "INSERT INTO purged_sessions(id) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING", (list(ids),)
        )
        conn.execute("DELETE FROM diverged_events WHERE session_id = ANY(%s)", (list(ids),))
        conn.execute("DELETE FROM flags WHERE at_session = ANY(%s)", (list(ids),))
        conn.execute("DELETE FROM sessions WHERE id = ANY(%s)", (list(ids),))
        conn.execute("DELETE FROM trainees WHERE code NOT IN (SELECT trainee_code FROM sessions)")
        conn.execute(
            "DELETE FROM groups WHERE id NOT IN (SELECT group_id FROM sessions WHERE group_id IS NOT NULL)"
        )
