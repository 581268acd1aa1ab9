"""`trainer run --auto --resume ID`: a killed or crashed headless run goes on under its own session id."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_commands import MINIMAL, trainer
from tests.records.helpers import recorded_session
from trainer.records import RecordStore


def test_resume_keeps_the_id_and_every_event_and_finishes(records_db: Path) -> None:
    with RecordStore(records_db) as store:
        _session, recorder = recorded_session(store, choices=("fietser_zonder_licht",))
        before = store.events(recorder.session_id)
    result = trainer("run", MINIMAL, "--auto", "--seed", "4", "--resume", recorder.session_id[:8])
    assert result.returncode == 0, result.stderr
    assert f"sessie {recorder.session_id[:8]} hervat" in result.stderr
    with RecordStore(records_db) as store:
        (row,) = store.sessions()
        after = store.events(row.id)
    assert row.id == recorder.session_id and row.status == "finished"
    assert after[: len(before)] == before and len(after) > len(before)


def test_resume_refusals_are_one_line(records_db: Path) -> None:
    with RecordStore(records_db) as store:
        _session, done = recorded_session(store, finish=True)
    finished = trainer("run", MINIMAL, "--auto", "--resume", done.session_id)
    assert finished.returncode == 2 and "al afgerond" in finished.stderr
    with_plan = trainer("run", MINIMAL, "--plan", "x.yaml", "--resume", done.session_id)
    assert with_plan.returncode == 2 and "--resume gaat samen met --auto" in with_plan.stderr
    for result in (finished, with_plan):
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
