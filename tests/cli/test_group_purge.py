"""`trainer sessions purge` removes what the console kept about the purged: flags on their sessions, their
votes (events of their sessions), and a group's flags, revotes and hands once no session of it is left."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.test_commands import trainer
from tests.records.group_helpers import GROUP, play_group
from trainer.records import RecordStore
from trainer.records.group_journal import LocalGroupJournal


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608


def test_purge_by_trainee_and_then_everyone(records_db: Path) -> None:
    with RecordStore(records_db) as store:
        played = play_group(store)
        journal = LocalGroupJournal(store)
        journal.add_flag(GROUP, at_session=played["T3"][1].session_id, note="over T3")
        journal.add_flag(GROUP, at_node="straat", note="voor de groep")
        revote = journal.open_revote(GROUP, "minimaal", "straat")
        played["T3"][0].cast_revote(revote.revote_id, "straat", "niemand")
        journal.set_hands(revote.revote_id, "niemand", 1)
    result = trainer("sessions", "purge", "--trainee", "T3", "--yes")
    assert result.returncode == 0, result.stderr
    with RecordStore(records_db) as store:
        journal = LocalGroupJournal(store)
        assert [f.note for f in journal.flags(GROUP)] == ["voor de groep"]
        assert journal.votes(revote.revote_id) == []  # T3's vote went with T3's session
    for code in ("T1", "T2", "T4", "T5"):
        assert trainer("sessions", "purge", "--trainee", code, "--yes").returncode == 0
    assert [_count(records_db, t) for t in ("flags", "revotes", "revote_hands", "groups")] == [0, 0, 0, 0]
