"""The slower tempo: timers last longer, and the session records it, through save, export and import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.records.helpers import minimal
from trainer.engine import EngineError, FakeClock, Session
from trainer.engine.events import ChoiceMade, SessionStarted, event_from_dict
from trainer.engine.save import restore, save
from trainer.records import RecordStore
from trainer.records.bundle import export_bundle, import_bundle
from trainer.records.recorder import Recorder


def test_a_slow_session_lengthens_every_timer_and_records_its_pace() -> None:
    loaded = minimal()
    clock = FakeClock()
    s = Session(loaded.scenario, clock=clock, pace=1.5)
    assert isinstance(s.events[0], SessionStarted) and s.events[0].pace == 1.5
    assert s.time_left() == pytest.approx(90)  # the selection's 60 s
    s.choose("fietser_zonder_licht")
    assert s.view().timer_seconds == 30  # the scene's 20 s
    clock.advance(25)
    assert s.time_left() == pytest.approx(5), "at normal pace this timer would have run out"
    clock.advance(5)
    s.timeout()
    made = [e for e in s.events if isinstance(e, ChoiceMade)][-1]
    assert made.timed_out and made.seconds == 30


def test_normal_pace_is_the_default_and_old_records_read_as_normal() -> None:
    s = Session(minimal().scenario, clock=FakeClock())
    assert s.events[0].pace == 1.0  # type: ignore[attr-defined]
    payload = {
        "type": "session_started",
        "t": 0.0,
        "scenario_id": "minimaal",
        "scenario_version": 1,
        "content_hash": "x",
        "seed": 1,
        "lang": "nl",
        "start_node": "straat",
    }  # written before the tempo existed
    event = event_from_dict(payload)
    assert isinstance(event, SessionStarted) and event.pace == 1.0


def test_pace_survives_save_and_restore() -> None:
    loaded = minimal()
    s = Session(loaded.scenario, clock=FakeClock(), pace=1.5)
    s.choose("fietser_zonder_licht")
    again = restore(loaded.scenario, save(s), clock=FakeClock())
    assert again.pace == 1.5 and again.view().timer_seconds == 30


def test_pace_travels_in_an_export_bundle(tmp_path: Path) -> None:
    loaded = minimal()
    with RecordStore(tmp_path / "a.db") as store:
        recorder = Recorder(store, loaded.scenario, loaded.content_hash, trainee="A17", group="g")
        Session(loaded.scenario, clock=FakeClock(), listeners=[recorder], pace=1.5).choose(
            "fietser_zonder_licht"
        )
        bundle = tmp_path / "b.json"
        bundle.write_text(export_bundle(store, [recorder.session_id]), encoding="utf-8")
    with RecordStore(tmp_path / "b.db") as store:
        import_bundle(store, bundle, known_hashes={loaded.content_hash})
        first = store.events(recorder.session_id)[0]
        assert json.loads(first.payload)["pace"] == 1.5


def test_a_pace_outside_the_range_is_refused() -> None:
    with pytest.raises(EngineError):
        Session(minimal().scenario, clock=FakeClock(), pace=0.5)
