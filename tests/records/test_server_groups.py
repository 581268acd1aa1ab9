"""Issue 17: group headers, commitments, import, purge and `groups` on the shared server (a real PostgreSQL,
never a mock): the same meaning as on a laptop's SQLite, and carried by sync and bundles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg

from debrief.sources import assemble, from_store
from debrief.summary import fold
from tests.conftest import ROOT
from tests.records.test_server import record_session, server_rows, server_url  # noqa: F401 - fixture
from trainer.records import RecordStore
from trainer.records.bundle import export_bundle
from trainer.records.server import ServerStore
from trainer.records.server_read import ServerReader
from trainer.records.sync import LocalJournal, SyncPass


def trainer(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRAINER_DB": str(db or "/nonexistent/records.sqlite3")}
    env.pop("TRAINER_SERVER", None)
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=120, env=env
    )


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_sync_carries_the_group_header_and_commitments(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    leader, trainee = tmp_path / "leider.sqlite3", tmp_path / "cursist.sqlite3"
    record_session(leader, seed=1, trainee="T1", group="G1")
    record_session(trainee, seed=2, trainee="T2", group="G1")
    with RecordStore(leader) as store:
        store.set_group("G1", date="2026-11-20", leader="IBT Noord", location="Apeldoorn")
        store.save_commitments("G1", ["Eerst de feiten", "Dan de vraag"])
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(leader), server).run()
        SyncPass(
            LocalJournal(trainee), server
        ).run()  # a laptop without header or commitments empties nothing
    with ServerReader(server_url) as reader:
        assert reader.group_info("G1") == {
            "label": "G1",
            "date": "2026-11-20",
            "leader": "IBT Noord",
            "location": "Apeldoorn",
        }
        assert reader.commitments("G1") == ["Eerst de feiten", "Dan de vraag"]
        assert reader.groups() == [("G1", "2026-11-20", "IBT Noord", "Apeldoorn", 2)]
        sheet = fold(assemble(*from_store(reader, group="G1")))
    assert sheet.commitments == ("Eerst de feiten", "Dan de vraag")  # the debrief from the server prints them
    with RecordStore(leader) as store:  # typed again later: the next pass replaces them
        store.save_commitments("G1", ["Alleen dit"])
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(leader), server).run()
    with ServerReader(server_url) as reader:
        assert reader.commitments("G1") == ["Alleen dit"]


def test_groups_list_and_set_on_the_server(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "laptop.sqlite3"
    record_session(db, seed=1, trainee="T1", group="G1")
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
    result = trainer(
        "groups", "set", "G1", "--leader", "Mw. De Vries", "--date", "2026-12-01", "--db", server_url
    )
    assert result.returncode == 0, result.stderr
    listed = trainer("groups", "list", "--db", server_url)
    assert listed.returncode == 0, listed.stderr
    assert "G1" in listed.stdout and "Mw. De Vries" in listed.stdout and "2026-12-01" in listed.stdout
    assert not (tmp_path / "records.sqlite3").exists()  # nothing local was made


def test_import_into_the_server_is_idempotent_and_never_splices(
    server_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = tmp_path / "laptop.sqlite3"
    ids = [record_session(db, seed, trainee=f"T{seed}", group="G1") for seed in range(3)]
    with RecordStore(db) as store:
        store.save_commitments("G1", ["Eerst de feiten"])
        bundle = tmp_path / "groep.json"
        bundle.write_text(export_bundle(store, ids), encoding="utf-8")
    first = trainer("sessions", "import", str(bundle), "--db", server_url, "--force")
    assert first.returncode == 0, first.stderr
    assert "3 sessie(s) toegevoegd, 0 al aanwezig" in first.stdout
    again = trainer("sessions", "import", str(bundle), "--db", server_url, "--force")
    assert "0 sessie(s) toegevoegd, 3 al aanwezig" in again.stdout
    for sid in ids:
        with sqlite3_rows(db, sid) as local:
            assert server_rows(server_url, sid) == local
    with ServerReader(server_url) as reader:
        assert reader.commitments("G1") == ["Eerst de feiten"]
    # the same session continued differently elsewhere: refused whole, one line, nothing written
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["sessions"][1]["events"][2]["wall_time"] = "2030-01-01T00:00:00.000"
    from trainer.records.bundle import _checksum

    data["checksum"] = _checksum({k: v for k, v in data.items() if k != "checksum"})
    other = tmp_path / "anders.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    before = [server_rows(server_url, sid) for sid in ids]
    refused = trainer("sessions", "import", str(other), "--db", server_url, "--force")
    assert refused.returncode == 2
    assert f"sessie {ids[1][:8]}" in _one_line(refused) and "andere geschiedenis" in refused.stderr
    assert [server_rows(server_url, sid) for sid in ids] == before


def test_purge_on_the_server_holds_for_every_laptop(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "laptop.sqlite3"
    gone = record_session(db, seed=1, trainee="T1", group="G1")
    kept = record_session(db, seed=2, trainee="T2", group="G1")
    with ServerStore(server_url) as server:
        SyncPass(LocalJournal(db), server).run()
    result = trainer("sessions", "purge", "--trainee", "T1", "--yes", "--db", server_url)
    assert result.returncode == 0, result.stderr
    assert "1 sessie(s) verwijderd" in result.stdout
    assert server_rows(server_url, gone) == [] and server_rows(server_url, kept) != []
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM trainees WHERE code = 'T1'").fetchone() == (0,)
    with ServerStore(server_url) as server:  # the laptop still holds it: it is not pushed back
        status = SyncPass(LocalJournal(db), server).run()
    assert server_rows(server_url, gone) == [] and status.waiting_events == 0


def test_recording_is_local_only_and_says_why(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Recording deliberately stays local (the crash-safe journal; the sync carries it): one line, exit 2."""
    from tests.conftest import FIXTURES

    result = trainer("run", str(FIXTURES / "minimal.yaml"), "--auto", "--db", server_url)
    assert result.returncode == 2
    line = _one_line(result)
    assert line.startswith("alleen lokaal") and "sync" in line and "trainer server set" in line


class sqlite3_rows:  # noqa: N801 - reads like a function in the test
    """The laptop's rows for a session, as a context manager that closes the connection."""

    def __init__(self, db: Path, sid: str) -> None:
        import sqlite3

        self.conn = sqlite3.connect(db)
        self.sid = sid

    def __enter__(self) -> list[tuple[object, ...]]:
        return self.conn.execute(
            "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = ? ORDER BY seq",
            (self.sid,),
        ).fetchall()

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
