"""The local store's faults as an instructor meets them on the command line (issue 17): -o onto the
records, a write-protected copy, a full disk, a lock, a reader blocking a purge, escape sequences."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_commands import MINIMAL, trainer
from tests.cli.test_sessions_cmd import _run
from tests.records.mounts import fill, remount_read_only, tmpfs
from tests.records.test_store_faults import hold_lock


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


def _one_line_exit_2(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_output_onto_the_records_database_is_refused_and_it_stays_untouched(
    records_db: Path, tmp_path: Path
) -> None:
    sid = _run("--trainee", "A17", "--group", "ochtend")
    link = tmp_path / "verwijzing.json"
    link.symlink_to(records_db)
    companions = [records_db, Path(f"{records_db}-wal"), Path(f"{records_db}-shm")]
    before = _digest(*companions)
    relative = os.path.relpath(records_db, Path.cwd())
    for target in (str(records_db), relative, str(link), f"{records_db}-wal", f"{records_db}-shm"):
        for command in (
            ["sessions", "export", sid, "-o", target],
            ["debrief", sid, "-o", target],
            ["debrief", "--group", "ochtend", "--format", "md", "-o", target],
        ):
            stderr = _one_line_exit_2(trainer(*command))
            assert "verslagendatabase" in stderr
    assert _digest(*companions) == before
    assert trainer("sessions", "show", sid).returncode == 0


def test_a_write_protected_copy_can_be_listed_and_debriefed(tmp_path: Path, records_db: Path) -> None:
    sid = _run("--trainee", "A17", "--group", "ochtend")
    with tmpfs(tmp_path / "usb", "2m") as usb:
        copy = usb / "records.sqlite3"
        copy.write_bytes(records_db.read_bytes())
        remount_read_only(usb)
        db = ["--db", str(copy)]
        listing = trainer("sessions", "list", *db)
        assert listing.returncode == 0 and sid[:8] in listing.stdout, listing.stderr
        for command in (["sessions", "show", sid], ["sessions", "replay", sid]):
            result = trainer(*command, *db)
            assert result.returncode == 0, result.stderr
        out = tmp_path / "export.json"
        assert trainer("sessions", "export", sid, "-o", str(out), *db).returncode == 0 and out.exists()
        sheet = tmp_path / "blad.md"
        debriefed = trainer("debrief", "--group", "ochtend", "--format", "md", "-o", str(sheet), *db)
        assert debriefed.returncode == 0 and sheet.exists(), debriefed.stderr
        for command in (["sessions", "purge", "--trainee", "A17", "--yes"], ["sessions", "import", str(out)]):
            stderr = _one_line_exit_2(trainer(*command, *db))
            assert "alleen-lezen" in stderr and "beschadigd" not in stderr.replace("niet beschadigd", "")
        assert sorted(p.name for p in usb.iterdir()) == ["records.sqlite3"]


def test_a_lock_held_by_another_program_is_in_use_on_the_command_line(records_db: Path) -> None:
    _run("--trainee", "A17")
    holder = hold_lock(records_db)
    try:
        result = trainer("sessions", "list")
    finally:
        holder.kill()
        holder.wait()
    stderr = _one_line_exit_2(result)
    assert "in gebruik door een ander programma" in stderr and f"pid {holder.pid}" in stderr


READER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT COUNT(*) FROM events").fetchone()
print("held", flush=True)
time.sleep(60)
"""


def test_purge_says_when_a_reader_keeps_removed_data_in_the_file(records_db: Path) -> None:
    _run("--trainee", "WEGZQ9")
    holder = hold_lock(records_db, READER)
    try:
        result = trainer("sessions", "purge", "--trainee", "WEGZQ9", "--yes")
    finally:
        holder.kill()
        holder.wait()
    assert "1 sessie(s) verwijderd" in result.stdout
    assert "staan nog in het bestand" in _one_line_exit_2(result)
    again = trainer("sessions", "purge", "--trainee", "WEGZQ9", "--yes")
    assert again.returncode == 0, again.stderr
    leftovers = b"".join(p.read_bytes() for p in records_db.parent.glob("records.sqlite3*"))
    assert b"WEGZQ9" not in leftovers


def test_purge_on_a_nearly_full_disk_reports_cleanly(tmp_path: Path) -> None:
    """With little room left the delete commits and the VACUUM after it runs out of space; how much room
    that takes depends on SQLite's page use, so a range of free space is tried and every run must end in
    one clean line, one of them in exactly that case."""
    made = tmp_path / "made.sqlite3"
    for trainee in ("WEG1", "BLIJF1"):
        _run("--trainee", trainee, "--db", str(made))
    cases = []
    for leave_kib in range(60, 100, 4):
        with tmpfs(tmp_path / f"small{leave_kib}", "1m") as small:
            db = small / "records.sqlite3"
            db.write_bytes(made.read_bytes())
            fill(small, leave=leave_kib * 1024)
            env = {**os.environ, "TMPDIR": str(small), "SQLITE_TMPDIR": str(small)}
            purge = ["sessions", "purge", "--trainee", "WEG1", "--yes", "--db", str(db)]
            result = subprocess.run(
                [sys.executable, "-m", "trainer", *purge], capture_output=True, text=True, env=env, timeout=60
            )
            if result.returncode != 0:
                assert "schijf vol" in _one_line_exit_2(result)
            removed = "1 sessie(s) verwijderd" in result.stdout
            cases.append((removed, result.returncode))
            (small / "filler.bin").unlink()
            listing = trainer("sessions", "list", "--db", str(db)).stdout
            assert "BLIJF1" in listing and ("WEG1" in listing) != removed
    assert (True, 2) in cases, cases  # deleted, then the tidying up ran out of space: said, no traceback


def test_export_on_a_full_disk_leaves_no_partial_file(tmp_path: Path) -> None:
    sid = _run("--trainee", "A17")
    with tmpfs(tmp_path / "small", "256k") as small:
        fill(small)
        target = small / "export.json"
        stderr = _one_line_exit_2(trainer("sessions", "export", sid, "-o", str(target)))
        assert "schijf vol" in stderr
        debriefed = trainer("debrief", sid, "-o", str(small / "blad.html"))
        assert "schijf vol" in _one_line_exit_2(debriefed)
        assert sorted(p.name for p in small.iterdir()) == ["filler.bin"]


ESC = "\x1b]0;gehackt\x07\x1b[2J"


def test_escape_sequences_from_records_and_scenarios_are_shown_not_run(
    records_db: Path, tmp_path: Path
) -> None:
    sid = _run("--trainee", "A17", "--group", "ochtend")
    with sqlite3.connect(records_db) as conn:
        conn.execute("UPDATE groups SET label = ?", (f"ochtend{ESC}",))
        conn.execute("UPDATE trainees SET display_name = ?", (f"Jan{ESC}",))
        conn.execute(  # a reflection as an imported bundle could carry it
            "UPDATE events SET payload = replace(payload, '(automatisch gespeeld)', ?)",
            (json.dumps(f"antwoord{ESC}")[1:-1],),
        )
    outputs = [
        trainer("sessions", "list").stdout,
        trainer("sessions", "show", sid).stdout,
        trainer("sessions", "replay", sid).stdout,
        trainer("debrief", sid, "--format", "md", "-o", "-").stdout,
    ]
    bad = tmp_path / "sleutel.yaml"
    bad.write_text(Path(MINIMAL).read_text(encoding="utf-8") + '"raar\\e[2Jveld": 1\n', encoding="utf-8")
    checked = trainer("check", str(bad))
    outputs += [checked.stdout, trainer("check", str(bad), "--format", "json").stdout]
    for text in outputs:
        assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b" in outputs[0] and "\\x1b" in outputs[2] and "\\x1b[2Jveld" in outputs[4]


def test_a_write_protected_file_in_a_writable_folder_can_be_read(tmp_path: Path, records_db: Path) -> None:
    """The file itself read-only (a bind mount, since root ignores file modes), its folder writable."""
    sid = _run("--trainee", "A17", "--group", "ochtend")
    done = subprocess.run(["mount", "--bind", str(records_db), str(records_db)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr!r}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(records_db)], check=True)
        before = _digest(records_db)
        listing = trainer("sessions", "list")
        assert listing.returncode == 0 and sid[:8] in listing.stdout, listing.stderr
        assert trainer("debrief", sid, "--format", "md", "-o", "-").returncode == 0
        stderr = _one_line_exit_2(trainer("sessions", "purge", "--trainee", "A17", "--yes"))
        assert "alleen-lezen" in stderr
        assert _digest(records_db) == before
    finally:
        subprocess.run(["umount", "-l", str(records_db)], check=True)


def test_a_read_only_copy_with_an_unmerged_wal_says_so_instead_of_hiding_sessions(
    tmp_path: Path, records_db: Path
) -> None:
    _run("--trainee", "A17")
    with sqlite3.connect(records_db) as conn:  # a copy taken while the trainer was still writing
        conn.execute("PRAGMA wal_autocheckpoint=0")
        held = sqlite3.connect(records_db)
        held.execute("PRAGMA wal_autocheckpoint=0")
        held.execute("UPDATE trainees SET display_name = 'x'")
        held.commit()
        with tmpfs(tmp_path / "usb", "2m") as usb:
            for name in ("records.sqlite3", "records.sqlite3-wal"):
                (usb / name).write_bytes((records_db.parent / name).read_bytes())
            remount_read_only(usb)
            stderr = _one_line_exit_2(trainer("sessions", "list", "--db", str(usb / "records.sqlite3")))
            assert "records.sqlite3-wal" in stderr and "schrijfbare map" in stderr
        held.close()
