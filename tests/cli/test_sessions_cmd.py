"""`trainer sessions ...` and recording through `trainer run`, as a gespreksleider would use them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.test_commands import MINIMAL, trainer
from tests.conftest import SCENARIOS


def _run(*extra: str) -> str:
    result = trainer("run", MINIMAL, "--auto", *extra)
    assert result.returncode == 0, result.stderr
    return result.stderr.split("sessie ")[1].split()[0]


def test_run_records_by_default_and_no_record_skips(records_db: Path) -> None:
    sid = _run("--trainee", "A17", "--group", "ochtend")
    listing = trainer("sessions", "list").stdout
    assert sid in listing and "A17" in listing and "ochtend" in listing and "klaar" in listing
    assert trainer("run", MINIMAL, "--auto", "--no-record").returncode == 0
    assert trainer("sessions", "list").stdout.count("minimaal v1") == 1


def test_db_option_overrides_environment(tmp_path: Path) -> None:
    other = tmp_path / "elders.db"
    assert trainer("run", MINIMAL, "--auto", "--db", str(other)).returncode == 0
    assert "minimaal" in trainer("sessions", "list", "--db", str(other)).stdout
    empty = trainer("sessions", "list")  # TRAINER_DB names a file nothing was recorded in: named, not made
    assert empty.returncode == 2 and "hier is geen database met verslagen" in empty.stderr


def test_show_and_replay_from_the_record_alone() -> None:
    sid = _run("--seed", "5")
    shown = trainer("sessions", "show", sid[:6])
    assert shown.returncode == 0 and "keuzes" in shown.stdout and "selecteren" in shown.stdout
    replayed = trainer("sessions", "replay", sid[:6])
    original = trainer("run", MINIMAL, "--auto", "--seed", "5", "--no-record")
    assert replayed.stdout == original.stdout


def test_export_import_between_two_databases(tmp_path: Path) -> None:
    bundled = str(next(SCENARIOS.glob("*.yaml")))  # a scenario this laptop knows, so no --force needed
    for trainee in ("A1", "B2"):
        assert trainer("run", bundled, "--auto", "--group", "ochtend", "--trainee", trainee).returncode == 0
    bundle = tmp_path / "ochtend.json"
    exported = trainer("sessions", "export", "--group", "ochtend", "-o", str(bundle))
    assert exported.returncode == 0 and bundle.is_file()
    laptop_b = tmp_path / "b.db"
    first = trainer("sessions", "import", str(bundle), "--db", str(laptop_b))
    assert first.returncode == 0 and "2 sessie(s) toegevoegd" in first.stdout
    again = trainer("sessions", "import", str(bundle), "--db", str(laptop_b))
    assert "0 sessie(s) toegevoegd, 2 al aanwezig" in again.stdout
    _run("--group", "middag")  # the minimal fixture is not bundled: its version is unknown elsewhere
    trainer("sessions", "export", "--group", "middag", "-o", str(bundle))
    refused = trainer("sessions", "import", str(bundle), "--db", str(laptop_b))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert trainer("sessions", "import", str(bundle), "--db", str(laptop_b), "--force").returncode == 0


def test_import_of_a_tampered_bundle_is_one_line_exit_2(tmp_path: Path) -> None:
    _run()
    bundle = tmp_path / "x.json"
    trainer("sessions", "export", "--group", "nope", "-o", str(bundle))
    sid = trainer("sessions", "list").stdout.splitlines()[1].split()[0]
    assert trainer("sessions", "export", sid, "-o", str(bundle)).returncode == 0
    bundle.write_text(
        bundle.read_text(encoding="utf-8").replace('"in_lijn"', '"discutabel"', 1), encoding="utf-8"
    )
    result = trainer("sessions", "import", str(bundle), "--db", str(tmp_path / "b.db"))
    assert (
        result.returncode == 2
        and len(result.stderr.strip().splitlines()) == 1
        and str(bundle) in result.stderr
    )


def test_purge_asks_for_confirmation_without_yes() -> None:
    _run("--trainee", "WEG1")
    refused = trainer("sessions", "purge", "--trainee", "WEG1")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert "WEG1" in trainer("sessions", "list").stdout
    done = trainer("sessions", "purge", "--trainee", "WEG1", "--yes")
    assert done.returncode == 0 and "1 sessie(s) verwijderd" in done.stdout
    assert "WEG1" not in trainer("sessions", "list").stdout


def test_bad_database_file_is_one_line_exit_2_and_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.db"
    bad.write_bytes(b"geen database" * 100)
    for args in (["sessions", "list"], ["run", MINIMAL, "--auto"]):
        result = trainer(*args, "--db", str(bad))
        assert result.returncode == 2 and "kapot.db" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert bad.read_bytes() == b"geen database" * 100


def test_unknown_session_id_is_one_line_exit_2() -> None:
    _run()  # a database that exists, so the id is what is missing
    result = trainer("sessions", "show", "deadbeef")
    assert result.returncode == 2 and "geen sessie 'deadbeef'" in result.stderr


def test_play_offers_to_resume_an_unfinished_session(records_db: Path) -> None:
    # Leave a session unfinished: answer one choice, then close input.
    first = trainer("play", "--text", MINIMAL, "--trainee", "R1", "--group", "g1", stdin="\n1\n")
    assert first.returncode == 2
    conn = sqlite3.connect(records_db)
    assert conn.execute("SELECT status FROM sessions").fetchone()[0] == "active"
    conn.close()
    # Enter for the perspective pages at the end: how many depends on the route the shown order gave
    answers = (
        "\n".join(["1", "", "1", "1", "", "1", "", "Geen licht.", "5", "2", "4", "licht", *[""] * 6]) + "\n"
    )
    second = trainer("play", "--text", "--trainee", "R1", stdin=answers)
    assert second.returncode == 0, second.stderr
    assert "onafgemaakte sessie" in second.stdout and "Verder met: Minimaal scenario" in second.stdout
    assert "== Afloop: Waarschuwing" in second.stdout
    listing = trainer("sessions", "list").stdout
    assert listing.count("R1") == 1 and "klaar" in listing
