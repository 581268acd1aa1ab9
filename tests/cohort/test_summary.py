"""The per-session summary: the debrief's judgement, the casting looks, and the revote hook."""

from __future__ import annotations

from random import Random
from typing import ClassVar

from debrief.cohort.summary import revote_count, summarise
from debrief.sources import SessionRecord
from tests.cohort.cohorts import ThinkingClock, follows_look, loaded, play
from trainer.engine.events import Event
from trainer.engine.session import Session


class RevoteCast(Event):
    """Stands in for issue 18's revote event until it lands: any event type named *revote* is counted."""

    type: ClassVar[str] = "revote_cast"


def _record(session: Session, extra: tuple[Event, ...] = ()) -> SessionRecord:
    return SessionRecord(
        "s1", "T1", None, "g", session.content_hash, "2026-01-01", True, (*session.events, *extra)
    )


def test_a_look_following_selection_is_summarised_with_its_look() -> None:
    scenario = loaded("stationsplein")
    session = Session(scenario.scenario, seed=3, clock=ThinkingClock(1.0), casting_place=3)
    play(session, follows_look("donker"), Random(1), honest=True)
    summary = summarise(scenario.scenario, _record(session))
    assert summary.fits and summary.finished and summary.registered
    assert summary.selected_look == "donker"
    assert {lk.look for lk in summary.looks} == {"licht", "getint", "donker"}
    assert [lk.selected for lk in summary.looks].count(True) == 1
    assert summary.choices[0].step == "selecteren" and summary.choices[0].seconds > 0
    assert summary.reason_kind == "fact" and summary.revotes == 0


def test_revotes_are_read_as_soon_as_the_engine_records_them() -> None:
    scenario = loaded("fietser_zonder_licht")
    session = Session(scenario.scenario, seed=1, clock=ThinkingClock(1.0))
    play(session, follows_look("x"), Random(2), honest=False)
    record = _record(session, (RevoteCast(99.0), RevoteCast(100.0)))
    assert revote_count(record) == 2
    assert summarise(scenario.scenario, record).revotes == 2


def test_a_record_of_another_scenario_is_unfit_not_an_error() -> None:
    bike, station = loaded("fietser_zonder_licht"), loaded("stationsplein")
    session = Session(bike.scenario, seed=1, clock=ThinkingClock(1.0))
    play(session, follows_look("x"), Random(2), honest=True)
    summary = summarise(station.scenario, _record(session))
    assert not summary.fits and summary.choices == ()
