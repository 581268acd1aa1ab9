"""The group journal on the shared PostgreSQL server (schema 3): the same meaning as LocalGroupJournal.

The console writes flags, revotes and hands here directly when it reads the server; the trainees' windows
learn of a revote through GroupWatch (NOTIFY from the triggers in server_schema.py). Votes are RevoteCast
events in the trainees' sessions, pushed by each laptop's sync like every other event.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import psycopg

from trainer.engine.events import RevoteCast
from trainer.records.errors import RecordsError
from trainer.records.group_journal import (
    FLAG_SELECT,
    REVOTE_SELECT,
    latest_votes,
    new_id,
    no_revote,
    vote_event,
)
from trainer.records.group_rows import Flag, HandCount, Revote, RevoteVote
from trainer.records.rows import canonical_json, parse_snapshot, utc_now
from trainer.records.server import ServerStore


def _group_id(conn: psycopg.Connection[Any], label: str) -> int:
    row = conn.execute(
        "INSERT INTO groups(label, created_at) VALUES (%s, %s) "
        "ON CONFLICT(label) DO UPDATE SET label = excluded.label RETURNING id",
        (label, utc_now()),
    ).fetchone()
    assert row is not None
    return int(row[0])


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


class ServerGroupJournal:
    """The group journal on the server; `server` is a ServerStore (its pool)."""

    def __init__(self, server: ServerStore) -> None:
        self.server = server

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self.server.pool.connection() as conn:
            return [tuple(r) for r in conn.execute(_pg(sql), params).fetchall()]  # type: ignore[arg-type,unused-ignore]

    # --- flags ---

    def add_flag(
        self, group: str, *, at_session: str | None = None, at_node: str | None = None, note: str = ""
    ) -> Flag:
        with self.server.pool.connection() as conn:
            group_id = _group_id(conn, group)
            conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext('trainer_flags'), %s::int)", (group_id % 2**31,)
            )
            row = conn.execute(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM flags WHERE group_id = %s", (group_id,)
            ).fetchone()
            flag = Flag(group, int(row[0]) if row else 0, at_session, at_node, note, utc_now(), new_id())
            conn.execute(
                "INSERT INTO flags(id, group_id, seq, at_session, at_node, note, created_at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (flag.flag_id, group_id, flag.seq, at_session, at_node, note, flag.created_at),
            )
        return flag

    def flags(self, group: str) -> list[Flag]:
        return [Flag(*row) for row in self._read(FLAG_SELECT + " WHERE g.label = ? ORDER BY f.seq", (group,))]

    # --- revotes ---

    def open_revote(self, group: str, scenario_id: str, node_id: str) -> Revote:
        with self.server.pool.connection() as conn:
            group_id = _group_id(conn, group)
            now = utc_now()
            conn.execute(
                "UPDATE revotes SET closed_at = %s WHERE group_id = %s AND closed_at IS NULL", (now, group_id)
            )
            revote = Revote(group, new_id(), scenario_id, node_id, now, None)
            conn.execute(
                "INSERT INTO revotes(id, group_id, scenario_id, node_id, opened_at) "
                "VALUES (%s, %s, %s, %s, %s)",
                (revote.revote_id, group_id, scenario_id, node_id, now),
            )
        return revote

    def close_revote(self, revote_id: str) -> None:
        with self.server.pool.connection() as conn:
            conn.execute(
                "UPDATE revotes SET closed_at = %s WHERE id = %s AND closed_at IS NULL",
                (utc_now(), revote_id),
            )

    def revote(self, revote_id: str) -> Revote:
        rows = self._read(REVOTE_SELECT + " WHERE r.id = ?", (revote_id,))
        if not rows:
            raise no_revote(revote_id)
        return Revote(*rows[0])

    def open_revote_for(self, group: str) -> Revote | None:
        rows = self._read(
            REVOTE_SELECT + " WHERE g.label = ? AND r.closed_at IS NULL ORDER BY r.opened_at DESC LIMIT 1",
            (group,),
        )
        return Revote(*rows[0]) if rows else None

    def revotes(self, group: str) -> list[Revote]:
        rows = self._read(REVOTE_SELECT + " WHERE g.label = ? ORDER BY r.opened_at, r.id", (group,))
        return [Revote(*row) for row in rows]

    # --- votes ---

    def record_vote(self, revote_id: str, session_id: str, choice_id: str) -> None:
        """Append a RevoteCast to a session that lives only on the server (an imported one). A session a
        laptop still records votes there, through its window; its sync brings the vote here."""
        revote = self.revote(revote_id)
        rows = self._read("SELECT content_hash FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise RecordsError(
                f"{self.server.shown}: geen sessie '{session_id[:8]}'",
                f"{self.server.shown}: no session '{session_id[:8]}'",
            )
        snapshot = self._read("SELECT snapshot FROM scenario_versions WHERE content_hash = ?", (rows[0][0],))
        scenario = parse_snapshot(
            str(snapshot[0][0]) if snapshot else None, str(rows[0][0]), self.server.shown
        )
        event = vote_event(scenario, revote, choice_id, 0.0)
        with self.server.pool.connection() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (session_id,))  # as a push does
            last = conn.execute(
                "SELECT seq, payload FROM events WHERE session_id = %s ORDER BY seq DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            seq = int(last[0]) + 1 if last else 0
            t = float(json.loads(last[1]).get("t", 0.0)) if last else 0.0
            event = RevoteCast(t, event.revote_id, event.node, event.choice, event.step, event.assessment)
            conn.execute(
                "INSERT INTO events(session_id, seq, wall_time, mono_time, type, payload) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                (session_id, seq, utc_now(), t, event.type, canonical_json(event.to_dict())),
            )

    def votes(self, revote_id: str) -> list[RevoteVote]:
        rows = self._read(
            "SELECT e.session_id, e.payload FROM events e JOIN sessions s ON s.id = e.session_id "
            "JOIN revotes r ON r.group_id = s.group_id "
            "WHERE r.id = ? AND e.type = 'revote_cast' ORDER BY e.session_id, e.seq",
            (revote_id,),
        )
        return latest_votes([(str(a), str(b)) for a, b in rows], revote_id)

    # --- show of hands ---

    def set_hands(self, revote_id: str, choice_id: str, count: int) -> None:
        if count < 0:
            raise RecordsError("een aantal handen is nooit negatief", "a count of hands is never negative")
        self.revote(revote_id)
        with self.server.pool.connection() as conn:
            conn.execute(
                "INSERT INTO revote_hands(revote_id, choice_id, count) VALUES (%s, %s, %s) "
                "ON CONFLICT(revote_id, choice_id) DO UPDATE SET count = excluded.count",
                (revote_id, choice_id, count),
            )

    def hands(self, revote_id: str) -> list[HandCount]:
        rows = self._read(
            "SELECT revote_id, choice_id, count FROM revote_hands WHERE revote_id = ? ORDER BY choice_id",
            (revote_id,),
        )
        return [HandCount(str(a), str(b), int(c)) for a, b, c in rows]


# --- sync: what a laptop's journal holds of its groups, brought to the server ---


def push_group_journal(
    server: ServerStore, flags: Sequence[Flag], revotes: Sequence[Revote], hands: Sequence[HandCount]
) -> None:
    """Bring flags, revotes and hands a laptop holds to the server (one transaction, idempotent).

    A flag or revote is known by its random id: one the server has is left as it is, except that a revote
    closed on either side is closed on both. A flag on a session the server purged stays away. Hands are the
    laptop's count (the show of hands is typed on one laptop). The flags' `seq` on the server follows the
    server's own order (a laptop's seq may be taken by a flag typed on the server)."""
    if not (flags or revotes or hands):
        return
    with server.pool.connection() as conn:
        ids: dict[str, int] = {}
        for revote in revotes:
            gid = ids.get(revote.group) or _group_id(conn, revote.group)
            ids[revote.group] = gid
            conn.execute(
                "INSERT INTO revotes(id, group_id, scenario_id, node_id, opened_at, closed_at) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT(id) DO UPDATE SET "
                "closed_at = COALESCE(revotes.closed_at, excluded.closed_at)",
                (
                    revote.revote_id,
                    gid,
                    revote.scenario_id,
                    revote.node_id,
                    revote.opened_at,
                    revote.closed_at,
                ),
            )
        for flag in flags:
            if conn.execute("SELECT 1 FROM flags WHERE id = %s", (flag.flag_id,)).fetchone():
                continue
            if (
                flag.at_session
                and conn.execute("SELECT 1 FROM purged_sessions WHERE id = %s", (flag.at_session,)).fetchone()
            ):
                continue
            gid = ids.get(flag.group) or _group_id(conn, flag.group)
            ids[flag.group] = gid
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('trainer_flags'), %s::int)", (gid % 2**31,))
            row = conn.execute(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM flags WHERE group_id = %s", (gid,)
            ).fetchone()
            conn.execute(
                "INSERT INTO flags(id, group_id, seq, at_session, at_node, note, created_at) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (
                    flag.flag_id,
                    gid,
                    int(row[0]) if row else 0,
                    flag.at_session,
                    flag.at_node,
                    flag.note,
                    flag.created_at,
                ),
            )
        for hand in hands:
            conn.execute(
                "INSERT INTO revote_hands(revote_id, choice_id, count) "
                "SELECT %s, %s, %s WHERE EXISTS (SELECT 1 FROM revotes WHERE id = %s) "
                "ON CONFLICT(revote_id, choice_id) DO UPDATE SET count = excluded.count",
                (hand.revote_id, hand.choice_id, hand.count, hand.revote_id),
            )
