"""The per-session summary: the debrief's judgement, the casting looks, and the revote hook."""

from __future__ import annotations

from random import Random

from debrief.cohort.summary import RevoteShift, revote_count, summarise
from debrief.sources import SessionRecord
from tests.cohort.cohorts import ThinkingClock, follows_look, loaded, play
from trainer.engine.events import ChoiceMade, Event
from trainer.engine.session import Session
from trainer.model.graph import node_choices


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


def test_each_revote_is_judged_against_the_sessions_own_first_choice() -> None:
    scenario = loaded("fietser_zonder_licht")
    session = Session(scenario.scenario, seed=1, clock=ThinkingClock(1.0))
    play(session, follows_look("x"), Random(2), honest=False)
    firsts = {}
    for event in session.events:
        if isinstance(event, ChoiceMade):
            firsts.setdefault(event.node, event)
    node, first = next((n, c) for n, c in firsts.items() if c.assessment != "in_lijn")
    better = next(
        cid for cid, _s, c, _p in node_choices(scenario.scenario, node) if c.assessment == "in_lijn"
    )
    unplayed = next(
        n for n in scenario.scenario.nodes if n not in firsts and any(node_choices(scenario.scenario, n))
    )
    session.cast_revote("r1", node, first.choice)
    session.cast_revote("r1", node, better)  # the last vote in a revote counts
    session.cast_revote("r2", node, first.choice)
    session.cast_revote("r3", unplayed, next(node_choices(scenario.scenario, unplayed))[0])
    record = _record(session)
    assert revote_count(record) == 4
    summary = summarise(scenario.scenario, record)
    assert summary.revotes == 3  # r1's second vote replaces its first
    assert summary.shifts == (
        RevoteShift("r1", node, first.step, "towards"),
        RevoteShift("r2", node, first.step, "stayed"),
        RevoteShift("r3", unplayed, summary.shifts[2].step, "new"),
    )


def test_a_record_of_another_scenario_is_unfit_not_an_error() -> None:
    bike, station = loaded("fietser_zonder_licht"), loaded("stationsplein")
    session = Session(bike.scenario, seed=1, clock=ThinkingClock(1.0))
    play(session, follows_look("x"), Random(2), honest=True)
    summary = summarise(station.scenario, _record(session))
    assert not summary.fits and summary.choices == ()
