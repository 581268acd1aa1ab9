"""The records store: what is written, resume and replay, and how bad database files are refused."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.records.helpers import minimal, recorded_session
from trainer.engine import FakeClock, Phase
from trainer.records import RecordsError, RecordStore
from trainer.records.resume import rebuild, resume
from trainer.records.schema import SCHEMA_VERSION


def test_every_event_is_stored_with_sequence_times_and_payload(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        session, recorder = recorded_session(store)
        rows = store.events(recorder.session_id)
        assert [r.seq for r in rows] == list(range(len(session.events)))
        assert [r.type for r in rows] == [e.type for e in session.events]
        assert [json.loads(r.payload) for r in rows] == [e.to_dict() for e in session.events]
        assert all(r.wall_time.endswith("+00:00") for r in rows)
        row = store.session(recorder.session_id[:6])
        assert (row.trainee_code, row.group_label, row.status, row.scenario_id) == (
            "A17",
            "ochtend",
            "active",
            "minimaal",
        )


def test_database_settings_are_wal_full_sync_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    RecordStore(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_finished_session_is_marked_and_reflection_and_registration_are_events(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        _, recorder = recorded_session(store, finish=True)
        row = store.session(recorder.session_id)
        assert row.status == "finished" and row.ended_at is not None
        types = [e.type for e in store.events(row.id)]
        assert "reflection_answered" in types and "registration_made" in types


def test_resume_reaches_same_node_meters_and_flags_and_keeps_recording(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with RecordStore(path) as store:
        original, recorder = recorded_session(store, choices=("fietser_zonder_licht", "vaag"))
    with RecordStore(path) as store:
        row = store.session(recorder.session_id)
        resumed = resume(store, row, clock=FakeClock(500))
        assert resumed.node_id == original.node_id == "afhandelen"
        assert resumed.state.meters == original.state.meters and resumed.state.flags == original.state.flags
        resumed.choose("boete_houding")
        assert store.session(row.id).event_count == row.event_count + 2
        _, rebuilt = rebuild(store, store.session(row.id))
        assert rebuilt.node_id == "terugblik_na_controle"


def test_resume_refuses_a_finished_session(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        _, recorder = recorded_session(store, finish=True)
        with pytest.raises(RecordsError, match="afgerond"):
            resume(store, store.session(recorder.session_id))


def test_rebuild_uses_the_recorded_scenario_version(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        _, recorder = recorded_session(store, finish=True)
        scenario, session = rebuild(store, store.session(recorder.session_id))
        assert scenario == minimal().scenario and session.phase == Phase.DONE


def test_unknown_and_ambiguous_ids(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store, pytest.raises(RecordsError, match="geen sessie"):
        store.session("ffff")


@pytest.mark.parametrize("content", [b"dit is geen database\n" * 50, bytes(range(256)) * 8])
def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "r.db"
    path.write_bytes(content)
    with pytest.raises(RecordsError, match="geen SQLite-database"):
        RecordStore(path)
    assert path.read_bytes() == content


def test_a_truncated_database_is_refused_and_untouched(tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    with RecordStore(good) as store:
        for i in range(30):
            recorded_session(store, trainee=f"T{i}")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = good.read_bytes()
    bad = tmp_path / "bad.db"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(RecordsError, match="bad.db"), RecordStore(bad) as store:
        store.sessions()
    assert bad.read_bytes() == data[: len(data) // 2]


def test_corrupted_pages_are_refused(tmp_path: Path) -> None:
    good = tmp_path / "r.db"
    with RecordStore(good) as store:
        for i in range(30):
            recorded_session(store, trainee=f"T{i}")
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):
        data[offset + 100 : offset + 400] = b"\xff" * 300
    good.write_bytes(bytes(data))
    with pytest.raises(RecordsError, match="r.db"), RecordStore(good) as store:
        store.sessions()


def test_database_from_a_newer_trainer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    RecordStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(RecordsError, match="nieuwere trainer"):
        RecordStore(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    with pytest.raises(RecordsError, match="ander programma"):
        RecordStore(path)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RecordsError, match="map"):
        RecordStore(tmp_path)


def test_two_processes_writing_at_once_do_not_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    RecordStore(path).close()
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from tests.records.helpers import recorded_session;"
        "from trainer.records import RecordStore;"
        "store = RecordStore(sys.argv[1]);"
        "[recorded_session(store, trainee=f'P{sys.argv[3]}x{i}', finish=True) for i in range(15)]"
    )
    root = str(Path(__file__).resolve().parents[2])
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path), root, str(n)]) for n in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    with RecordStore(path) as store:
        assert store.integrity() == "ok"
        rows = store.sessions()
        assert len(rows) == 30 and all(r.status == "finished" and r.event_count == 16 for r in rows)


def test_purge_by_trainee_and_age_removes_sessions_events_and_orphans(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    with RecordStore(tmp_path / "r.db") as store:
        recorded_session(store, trainee="A1")
        recorded_session(store, trainee="B2", group="middag")
        store.delete_sessions(store.purge_ids(trainee="A1"))
        assert [r.trainee_code for r in store.sessions()] == ["B2"]
        assert store._conn.execute("SELECT COUNT(*) FROM trainees WHERE code='A1'").fetchone()[0] == 0
        assert store.purge_ids(older_than_days=30) == []
        later = datetime.now(UTC) + timedelta(days=31)
        store.delete_sessions(store.purge_ids(older_than_days=30, now=later))
        assert store.sessions() == []
        assert store._conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
        assert store._conn.execute("SELECT COUNT(*) FROM groups").fetchone()[0] == 0


def test_records_errors_speak_both_languages(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    with pytest.raises(RecordsError) as caught:
        RecordStore(folder)
    assert caught.value.message("en").endswith(
        "this is a folder, not a database (hint: give a file name with --db)"
    )
    assert str(caught.value).endswith(
        "dit is een map, geen database (tip: geef een bestandsnaam op met --db)"
    )


def test_a_bundle_session_carries_exactly_the_session_row() -> None:
    """The export format lists the session row's fields once more (it is a file format, kept explicit);
    this keeps the two from drifting apart. Version 2 adds the casting, which is also in the first event."""
    from dataclasses import fields

    from trainer.records.bundle import BundleSession
    from trainer.records.store import SessionRow

    row = [f.name for f in fields(SessionRow) if f.name != "event_count"]
    assert list(BundleSession.model_fields) == [*row, "events", "casting"]
