"""Bundle format 4's part for the gespreksleider's console: each group's flags and revotes (with any show of
hands), written by export and taken in by import. The trainees' votes travel as `revote_cast` events in their
sessions, like every other event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from trainer.records.fields import Count, NodeId, Note, RecordId, ScenarioId, Seq, SessionId, Timestamp
from trainer.records.group_journal import journal_for
from trainer.records.reader import RecordReader
from trainer.records.store import RecordStore


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class BundleFlag(_Strict):
    id: RecordId
    seq: Seq
    at_session: SessionId | None
    at_node: NodeId | None
    note: Note
    created_at: Timestamp


class BundleRevote(_Strict):
    id: RecordId
    scenario_id: ScenarioId
    node_id: NodeId
    opened_at: Timestamp
    closed_at: Timestamp | None
    hands: dict[NodeId, Count] = Field(default_factory=dict, max_length=50)  # a show of hands, if typed


class Grouped(Protocol):
    """A bundle's group as import reads it (BundleGroup)."""

    @property
    def label(self) -> str: ...
    @property
    def flags(self) -> list[BundleFlag]: ...
    @property
    def revotes(self) -> list[BundleRevote]: ...


def export_console(store: RecordReader, groups: dict[str, Any], exported: set[str]) -> bool:
    """Add each group's flags (on the group, a decision point, or an exported session) and revotes with
    their hands to `groups`; True when there were any. A flag on a session left out of the export stays
    out: it is about someone whose record does not travel."""
    journal = journal_for(store)
    if journal is None:
        return False
    found = False
    for label, info in groups.items():
        if info is None:
            continue
        flags = [
            {
                "id": f.flag_id,
                "seq": f.seq,
                "at_session": f.at_session,
                "at_node": f.at_node,
                "note": f.note,
                "created_at": f.created_at,
            }
            for f in journal.flags(label)
            if f.at_session is None or f.at_session in exported
        ]
        revotes = [
            {
                "id": r.revote_id,
                "scenario_id": r.scenario_id,
                "node_id": r.node_id,
                "opened_at": r.opened_at,
                "closed_at": r.closed_at,
                "hands": {h.choice_id: h.count for h in journal.hands(r.revote_id)},
            }
            for r in journal.revotes(label)
        ]
        if flags or revotes:
            info.update(flags=flags, revotes=revotes)
            found = True
    return found


def import_revotes(store: RecordStore, conn: Any, groups: Sequence[Grouped]) -> None:
    """Revotes this database does not have come in; one closed in the export is closed here too; a show of
    hands already typed here is kept."""
    for group in groups:
        if not group.revotes:
            continue
        group_id = store.ensure_group(conn, group.label)
        for r in group.revotes:
            conn.execute(
                "INSERT INTO revotes(id, group_id, scenario_id, node_id, opened_at, closed_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "closed_at = COALESCE(revotes.closed_at, excluded.closed_at)",
                (r.id, group_id, r.scenario_id, r.node_id, r.opened_at, r.closed_at),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO revote_hands(revote_id, choice_id, count) VALUES (?, ?, ?)",
                [(r.id, choice, count) for choice, count in sorted(r.hands.items())],
            )


def import_flags(store: RecordStore, conn: Any, groups: Sequence[Grouped]) -> None:
    """Flags this database does not have come in, after its own (in the export's order)."""
    for group in groups:
        if not group.flags:
            continue
        group_id = store.ensure_group(conn, group.label)
        for f in sorted(group.flags, key=lambda f: f.seq):
            if conn.execute("SELECT 1 FROM flags WHERE id = ?", (f.id,)).fetchone():
                continue
            seq = conn.execute(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM flags WHERE group_id = ?", (group_id,)
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO flags(id, group_id, seq, at_session, at_node, note, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (f.id, group_id, seq, f.at_session, f.at_node, f.note, f.created_at),
            )
