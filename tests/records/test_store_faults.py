"""A full disk, a read-only copy, a lock held by another program: each said as what it is, never
"damaged, restore a backup" (issue 17, faults in the local store). Real SQLite files on real file systems."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.records.helpers import recorded_session
from tests.records.mounts import tmpfs
from trainer.records import RecordsError, RecordStore


def _write_until_full(store: RecordStore) -> RecordsError:
    recorded_session(store)
    sid = store.sessions()[0].id
    for seq in range(1000, 11_000):
        try:
            with store.transaction() as conn:
                store.insert_event(conn, sid, seq, 0.0, "note", "x" * 20_000)
        except RecordsError as exc:
            return exc
    raise AssertionError("the disk never filled")


def _assert_full(exc: RecordsError) -> None:
    assert "schijf vol" in exc.nl and "disk full" in exc.en
    assert "rollback" not in exc.nl and "beschadigd" not in exc.nl


def test_a_full_disk_is_said_as_full_on_a_real_small_file_system(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "400k") as small, RecordStore(small / "records.sqlite3") as store:
        _assert_full(_write_until_full(store))
        assert store.integrity() == "ok"  # nothing half written


def test_a_full_database_is_said_as_full_with_max_page_count(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "records.sqlite3") as store:
        store._conn.execute("PRAGMA max_page_count=60")
        _assert_full(_write_until_full(store))


HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE trainees SET display_name = display_name")
print("held", flush=True)
time.sleep(60)
"""


def hold_lock(db: Path, script: str = HOLD) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_lock_held_by_another_program_is_in_use_not_damaged(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    with RecordStore(db) as store:
        recorded_session(store)
    holder = hold_lock(db)
    try:
        started = time.monotonic()
        with pytest.raises(RecordsError) as caught:
            RecordStore(db, timeout=0.2)
        assert time.monotonic() - started < 5
        with pytest.raises(RecordsError) as caught_ro:
            RecordStore(db, timeout=0.2, read_only=True)
        assert "in gebruik door een ander programma" in caught_ro.value.nl
    finally:
        holder.kill()
        holder.wait()
    message = caught.value
    assert "in gebruik door een ander programma" in message.nl and "in use by another program" in message.en
    assert f"pid {holder.pid}" in message.nl  # on Linux the holder is named
    assert "beschadigd" not in message.nl.replace("niet beschadigd", "")
    with RecordStore(db) as store:  # and it was never damaged
        assert store.integrity() == "ok"


def test_reading_opens_read_only_and_never_creates_or_changes_files(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    with RecordStore(db) as store:
        recorded_session(store)
    before = db.read_bytes()
    with RecordStore(db, read_only=True) as store:
        assert len(store.sessions()) == 1
        with pytest.raises(RecordsError), store.transaction() as conn:
            store.ensure_trainee(conn, "B2")
    assert db.read_bytes() == before
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM trainees").fetchone()[0] == 1
