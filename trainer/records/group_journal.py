"""The group's own record beside its sessions: flags with notes, revotes, votes and the show of hands.

One small protocol (`GroupJournal`) with two backends: `LocalGroupJournal` on a laptop's SQLite store (this
module) and `ServerGroupJournal` on the shared PostgreSQL (server_journal.py), so the console reads and writes
either the same way.

Where the votes live: a trainee's vote is a `RevoteCast` event in their own session (recorded by their
window through `Session.cast_revote`), never a row of its own; `votes()` reads those events. So sync, export
and purge carry a vote with its session and nothing can disagree. `record_vote` appends such an event
directly, for a session no window is recording any more (tests, a console on the trainee's laptop).
"""

from __future__ import annotations

import json
import uuid
from typing import Protocol

from trainer.engine.errors import EngineError
from trainer.engine.events import RevoteCast
from trainer.engine.revote import vote_event as engine_vote
from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.group_rows import Flag, HandCount, Revote, RevoteVote, WatchUpdate
from trainer.records.rows import canonical_json
from trainer.records.store import RecordStore

__all__ = [
    "Flag",
    "GroupJournal",
    "HandCount",
    "LocalGroupJournal",
    "Revote",
    "RevoteVote",
    "WatchUpdate",
    "journal_for",
    "latest_votes",
    "new_id",
    "vote_event",
]


def new_id() -> str:
    return uuid.uuid4().hex


class GroupJournal(Protocol):
    """What the console and the trainees' windows need of a group's record, on either backend."""

    def add_flag(
        self, group: str, *, at_session: str | None = None, at_node: str | None = None, note: str = ""
    ) -> Flag: ...

    def flags(self, group: str) -> list[Flag]: ...

    def open_revote(self, group: str, scenario_id: str, node_id: str) -> Revote: ...

    def close_revote(self, revote_id: str) -> None: ...

    def open_revote_for(self, group: str) -> Revote | None: ...

    def revotes(self, group: str) -> list[Revote]: ...

    def record_vote(self, revote_id: str, session_id: str, choice_id: str) -> None: ...

    def votes(self, revote_id: str) -> list[RevoteVote]: ...

    def set_hands(self, revote_id: str, choice_id: str, count: int) -> None: ...

    def hands(self, revote_id: str) -> list[HandCount]: ...


def latest_votes(rows: list[tuple[str, str]], revote_id: str) -> list[RevoteVote]:
    """Votes from (session id, RevoteCast payload) rows in recorded order: a trainee's last vote counts."""
    last: dict[str, str] = {}
    for session_id, payload in rows:
        data = json.loads(payload)
        if data.get("revote_id") == revote_id and isinstance(data.get("choice"), str):
            last[session_id] = data["choice"]
    return [RevoteVote(revote_id, sid, choice) for sid, choice in sorted(last.items())]


def vote_event(scenario: Scenario, revote: Revote, choice_id: str, t: float) -> RevoteCast:
    """The RevoteCast a vote for `choice_id` in `revote` makes, checked against the scenario."""
    try:
        return engine_vote(scenario, revote.revote_id, revote.node_id, choice_id, t)
    except EngineError:
        raise RecordsError(
            f"'{choice_id}' is geen keuze bij '{revote.node_id}' (tip: kies een van de getoonde keuzes)",
            f"'{choice_id}' is not a choice at '{revote.node_id}' (hint: pick one of the choices shown)",
        ) from None


def no_revote(revote_id: str) -> RecordsError:
    return RecordsError(
        f"geen herstemming '{revote_id[:8]}' (tip: open er een in trainer lead)",
        f"no revote '{revote_id[:8]}' (hint: open one in trainer lead)",
    )


REVOTE_SELECT = (
    "SELECT g.label, r.id, r.scenario_id, r.node_id, r.opened_at, r.closed_at "
    "FROM revotes r JOIN groups g ON g.id = r.group_id"
)
FLAG_SELECT = (
    "SELECT g.label, f.seq, f.at_session, f.at_node, f.note, f.created_at, f.id "
    "FROM flags f JOIN groups g ON g.id = f.group_id"
)


class LocalGroupJournal:
    """The group journal in a laptop's SQLite store (schema 3)."""

    def __init__(self, store: RecordStore) -> None:
        self.store = store

    # --- flags ---

    def add_flag(
        self, group: str, *, at_session: str | None = None, at_node: str | None = None, note: str = ""
    ) -> Flag:
        """Mark a moment: for a trainee's session, a decision point, both, or the group; with a note."""
        with self.store.transaction() as conn:
            group_id = self.store.ensure_group(conn, group)
            seq = int(
                conn.execute(
                    "SELECT COALESCE(MAX(seq) + 1, 0) FROM flags WHERE group_id = ?", (group_id,)
                ).fetchone()[0]
            )
            flag = Flag(group, seq, at_session, at_node, note, self.store.wall(), new_id())
            conn.execute(
                "INSERT INTO flags(id, group_id, seq, at_session, at_node, note, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (flag.flag_id, group_id, seq, at_session, at_node, note, flag.created_at),
            )
        return flag

    def flags(self, group: str) -> list[Flag]:
        rows = self.store._read(FLAG_SELECT + " WHERE g.label = ? ORDER BY f.seq", (group,))
        return [Flag(*row) for row in rows]

    # --- revotes ---

    def open_revote(self, group: str, scenario_id: str, node_id: str) -> Revote:
        """Open a revote of a decision point; an open revote of the group is closed first (one at a time)."""
        with self.store.transaction() as conn:
            group_id = self.store.ensure_group(conn, group)
            now = self.store.wall()
            conn.execute(
                "UPDATE revotes SET closed_at = ? WHERE group_id = ? AND closed_at IS NULL", (now, group_id)
            )
            revote = Revote(group, new_id(), scenario_id, node_id, now, None)
            conn.execute(
                "INSERT INTO revotes(id, group_id, scenario_id, node_id, opened_at) VALUES (?, ?, ?, ?, ?)",
                (revote.revote_id, group_id, scenario_id, node_id, now),
            )
        return revote

    def close_revote(self, revote_id: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE revotes SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (self.store.wall(), revote_id),
            )

    def revote(self, revote_id: str) -> Revote:
        rows = self.store._read(REVOTE_SELECT + " WHERE r.id = ?", (revote_id,))
        if not rows:
            raise no_revote(revote_id)
        return Revote(*rows[0])

    def open_revote_for(self, group: str) -> Revote | None:
        rows = self.store._read(
            REVOTE_SELECT + " WHERE g.label = ? AND r.closed_at IS NULL ORDER BY r.opened_at DESC LIMIT 1",
            (group,),
        )
        return Revote(*rows[0]) if rows else None

    def revotes(self, group: str) -> list[Revote]:
        """Every revote of the group, in the order they were opened."""
        rows = self.store._read(REVOTE_SELECT + " WHERE g.label = ? ORDER BY r.opened_at, r.rowid", (group,))
        return [Revote(*row) for row in rows]

    # --- votes ---

    def record_vote(self, revote_id: str, session_id: str, choice_id: str) -> None:
        """Append a RevoteCast event to a session no window records any more (a live window votes through
        `Session.cast_revote`, so its recorder keeps the sequence numbers)."""
        revote = self.revote(revote_id)
        row = self.store.session(session_id)
        event = vote_event(self.store.scenario_snapshot(row.content_hash), revote, choice_id, 0.0)
        with self.store.transaction() as conn:
            last = conn.execute(
                "SELECT seq, payload FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1", (row.id,)
            ).fetchone()
            seq = int(last[0]) + 1 if last else 0
            t = float(json.loads(last[1]).get("t", 0.0)) if last else 0.0
            event = RevoteCast(t, event.revote_id, event.node, event.choice, event.step, event.assessment)
            self.store.insert_event(conn, row.id, seq, t, event.type, canonical_json(event.to_dict()))

    def votes(self, revote_id: str) -> list[RevoteVote]:
        rows = self.store._read(
            "SELECT e.session_id, e.payload FROM events e JOIN sessions s ON s.id = e.session_id "
            "JOIN revotes r ON r.group_id = s.group_id "
            "WHERE r.id = ? AND e.type = 'revote_cast' ORDER BY e.session_id, e.seq",
            (revote_id,),
        )
        return latest_votes([(str(a), str(b)) for a, b in rows], revote_id)

    # --- show of hands ---

    def set_hands(self, revote_id: str, choice_id: str, count: int) -> None:
        """The gespreksleider's count of hands for one option (everyone on one laptop)."""
        if count < 0:
            raise RecordsError("een aantal handen is nooit negatief", "a count of hands is never negative")
        self.revote(revote_id)
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO revote_hands(revote_id, choice_id, count) VALUES (?, ?, ?) "
                "ON CONFLICT(revote_id, choice_id) DO UPDATE SET count = excluded.count",
                (revote_id, choice_id, count),
            )

    def hands(self, revote_id: str) -> list[HandCount]:
        rows = self.store._read(
            "SELECT revote_id, choice_id, count FROM revote_hands WHERE revote_id = ? ORDER BY choice_id",
            (revote_id,),
        )
        return [HandCount(str(a), str(b), int(c)) for a, b, c in rows]


def journal_for(reader: object) -> GroupJournal | None:
    """The journal of a records reader: a laptop's RecordStore, or the server behind a ServerReader or a
    ServerStore. None for anything else."""
    if isinstance(reader, RecordStore):
        return LocalGroupJournal(reader)
    from trainer.records.server import ServerStore  # only a server reader needs the driver
    from trainer.records.server_journal import ServerGroupJournal

    server = getattr(reader, "server", reader)
    return ServerGroupJournal(server) if isinstance(server, ServerStore) else None
