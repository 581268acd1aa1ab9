"""Session behaviour, each test run plain and round-tripped through save/restore after every step."""

from __future__ import annotations

import json

import pytest

from tests.engine.driver import Driver
from trainer.engine import EngineError, FakeClock, Phase, Session
from trainer.engine.events import (
    ChoiceMade,
    EndingReached,
    NodeEntered,
    ReflectionAnswered,
    RegistrationMade,
    TimedOut,
)
from trainer.engine.rules import ADVANCE, GameState, rules_for
from trainer.engine.save import restore, save
from trainer.engine.views import View
from trainer.model.loader import load_scenario
from trainer.model.scenario import Scenario


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    from tests.conftest import FIXTURES

    return load_scenario(FIXTURES / "minimal.yaml").scenario


@pytest.fixture(params=[False, True], ids=["plain", "roundtrip"])
def drive(request: pytest.FixtureRequest, scenario: Scenario):  # type: ignore[no-untyped-def]
    return lambda **kw: Driver(scenario, roundtrip=request.param, **kw)


def test_starts_in_the_selection_with_candidates_and_nobody(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    view = d.view()
    assert view.phase == Phase.PLAY and view.node_id == "straat"
    assert [c.id for c in view.choices] == ["fietser_zonder_licht", "niemand"]
    assert view.timer_seconds == 60


def test_choice_logs_step_assessment_grounds_and_time_to_decide(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    d.wait(7.5).choose("fietser_zonder_licht")
    made = [e for e in d.events if isinstance(e, ChoiceMade)]
    assert made[-1].step == "selecteren" and made[-1].assessment == "in_lijn"
    assert made[-1].grounds == ("voertuig",) and made[-1].legal_basis == "wvw_160"
    assert made[-1].seconds == 7.5
    d.wait(2.0).choose("concreet")
    assert [e for e in d.events if isinstance(e, ChoiceMade)][-1].seconds == 2.0
    assert d.node_id == "afhandelen"


def test_effects_change_meters_and_flags_and_conditions_gate_choices(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    d.choose("fietser_zonder_licht")
    d.choose("vaag")
    assert d.state.meters["spanning"] == 5 and d.state.flags["gefilmd"] is True
    assert [c.id for c in d.view().choices] == ["rustig", "boete_houding"]


def test_condition_hides_choice_and_machine_refuses_it(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    d.choose("fietser_zonder_licht")
    d.choose("concreet")
    assert [c.id for c in d.view().choices] == ["rustig"]
    with pytest.raises(EngineError):
        d.choose("boete_houding")
    assert d.node_id == "afhandelen"


def test_meters_are_clamped_to_bounds(scenario: Scenario) -> None:
    s = Session(scenario, clock=FakeClock())
    s.state = GameState.of(s.state.flags, {**s.state.meters, "spanning": 9})
    s.choose("fietser_zonder_licht")
    s.choose("vaag")
    assert s.state.meters["spanning"] == 10


def test_the_state_is_immutable_and_step_is_pure(scenario: Scenario) -> None:
    rules = rules_for(scenario)
    before = rules.initial
    with pytest.raises(TypeError):
        before.meters["spanning"] = 9  # type: ignore[index]
    selected = rules.step(scenario.start, before, "fietser_zonder_licht")
    move = rules.step(selected.target, selected.state, "vaag")
    assert before == rules.initial and before.meters["spanning"] != move.state.meters["spanning"]
    assert move.target == "afhandelen" and move.option is not None and move.option.id == "vaag"
    assert rules.step(scenario.start, before, "fietser_zonder_licht") == selected  # same in, same out
    with pytest.raises(EngineError):
        rules.step(move.target, move.state, ADVANCE)  # a node with choices has no way on without one
    assert rules_for(scenario) is rules  # compiled once per loaded scenario


def test_timeout_takes_the_default_and_logs_it(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    d.choose("fietser_zonder_licht")
    d.wait(20).timeout()
    kinds = [type(e) for e in d.events[-4:]]
    assert TimedOut in kinds
    made = [e for e in d.events if isinstance(e, ChoiceMade)][-1]
    assert made.choice == "vaag" and made.timed_out is True and made.seconds == 20


def test_selection_timeout_addresses_nobody(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    d.wait(60).timeout()
    assert [e for e in d.events if isinstance(e, ChoiceMade)][-1].choice == "niemand"
    assert d.node_id == "terugblik"


def test_full_run_reaches_ending_reflection_registration_done(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    for choice in ("fietser_zonder_licht", "concreet", "rustig"):
        d.choose(choice)
    assert d.view().can_advance
    d.advance()
    d.choose("bespreken")
    assert d.phase == Phase.ENDING
    assert isinstance(d.events[-1], EndingReached) and d.events[-1].outcome == "waarschuwing"
    d.advance()
    assert d.phase == Phase.REFLECTION and d.view().question.id == "waarom"
    d.answer("waarom", "Geen licht, dus WVW/RVV.")
    assert d.phase == Phase.REGISTRATION
    d.register(["voertuig"], "wvw_160", "waarschuwing", "fiets zonder licht")
    assert d.phase == Phase.DONE
    assert any(isinstance(e, ReflectionAnswered) and e.answer.startswith("Geen licht") for e in d.events)
    assert any(isinstance(e, RegistrationMade) and e.grounds == ("voertuig",) for e in d.events)


def _fresh_view(session: Session) -> View:
    """The view of a new session replayed from the same events: nothing cached from before."""
    return Session.from_events(session.scenario, list(session.events), clock=FakeClock()).view()


def test_a_view_is_never_served_stale(scenario: Scenario) -> None:
    """Session caches its view between changes: after every kind of change the view it hands out is the
    one a fresh session builds, and it changed where it must."""
    s = Session(scenario, clock=FakeClock(), seed=3)
    first = s.view()
    assert s.view() is first and s.choices() == first.choices  # unchanged: the same object
    s.choose("fietser_zonder_licht")
    after = s.view()
    assert after.node_id != first.node_id and after.choices != first.choices
    assert after.visited == (*first.visited, after.node_id)
    assert after == _fresh_view(s) and s.choices() == after.choices
    s.choose("vaag")
    assert s.view().meters["spanning"] != after.meters["spanning"]  # the choice's effect shows
    assert s.view() == _fresh_view(s)
    raised = GameState.of(s.state.flags, {**s.state.meters, "spanning": 0})
    s.state = raised  # a test may set the state: the view follows
    assert s.view().meters["spanning"] == 0
    s = Session(scenario, clock=FakeClock(), seed=3)
    for choice in ("fietser_zonder_licht", "concreet", "rustig"):
        s.choose(choice)
        assert s.view() == _fresh_view(s)
    s.advance()
    s.choose("bespreken")
    ending = s.view()
    assert ending.phase == Phase.ENDING and ending == _fresh_view(s)
    s.advance()
    asked = s.view()
    assert asked.phase == Phase.REFLECTION and asked.question is not None and asked == _fresh_view(s)
    s.answer(asked.question.id, "Geen licht.")
    assert s.view().phase == Phase.REGISTRATION and s.view().question is None
    s.register(["voertuig"], "wvw_160", "waarschuwing", "fiets zonder licht")
    assert s.view().phase == Phase.DONE and s.view().perspective == _fresh_view(s).perspective


@pytest.mark.parametrize("name", ["fietser_zonder_licht", "stationsplein"])
def test_the_view_after_every_step_of_random_play_is_a_fresh_one(name: str) -> None:
    """Random play through every phase, several reflection questions included: after each call the
    cached view equals the view a session replayed from the same events builds from scratch."""
    import random

    from tests.conftest import SCENARIOS

    loaded = load_scenario(SCENARIOS / f"{name}.yaml").scenario
    for seed in range(3):
        s, rng = Session(loaded, clock=FakeClock(), seed=seed), random.Random(seed)
        while (view := s.view()).phase != Phase.DONE:
            if view.phase == Phase.REGISTRATION:
                s.register([], "geen", "waarschuwing", "test")
            elif view.question is not None:
                s.answer(view.question.id, f"antwoord {seed}")
            elif view.can_advance or not view.choices:
                s.advance()
            else:
                s.choose(rng.choice(view.choices).id)
            assert s.view() == _fresh_view(s), (name, seed, s.view().phase)


def test_a_node_entered_again_shows_its_new_order() -> None:
    """A choice that loops back to its own node, in the same state, draws a new order: the view must show
    that one, not the order of the visit before."""
    from tests.bench.generate import generate
    from trainer.model.loader import load_scenario_text

    text = generate(60)
    start = text.index("  s0_0:")
    loop = text.index("goto: s1_0}", start)  # s0_0's first choice, without effects, now loops
    looped = load_scenario_text(text[:loop] + "goto: s0_0}" + text[loop + 11 :], "lus.yaml").scenario
    changed = 0
    for seed in range(20):
        s = Session(looped, clock=FakeClock(), seed=seed, start_node="s0_0")
        before = s.view()
        s.choose("k0")
        again = s.view()
        entered = s.events[-1]
        assert isinstance(entered, NodeEntered) and entered.node == again.node_id == "s0_0"
        assert tuple(c.id for c in again.choices) == entered.order
        assert again == _fresh_view(s)
        changed += again.choices != before.choices
    assert changed > 0  # some seed drew a different order the second time


def test_wrong_phase_and_bad_registration_are_refused(drive) -> None:  # type: ignore[no-untyped-def]
    d = drive()
    with pytest.raises(EngineError):
        d.advance()
    with pytest.raises(EngineError):
        d.answer("waarom", "te vroeg")
    with pytest.raises(EngineError):
        d.register([], "geen", "boete", "")
    with pytest.raises(EngineError):
        d.choose("bestaat_niet")


def test_registration_values_are_validated(scenario: Scenario) -> None:
    s = Session(scenario, clock=FakeClock())
    s.timeout()
    for c in ("eerlijk", "vriendelijk_wijzen", "groeten"):
        s.choose(c)
    s.advance()
    s.answer("waarom", "")
    with pytest.raises(EngineError):
        s.register(["huidskleur_bestaat_niet"], "geen", "geen_controle", "")
    s.register([], "geen", "geen_controle", "")
    assert s.phase == Phase.DONE


def test_listeners_hear_every_event_before_the_call_returns(scenario: Scenario) -> None:
    heard: list[str] = []
    s = Session(scenario, clock=FakeClock(), listeners=[lambda e: heard.append(e.type)])
    assert heard == ["session_started", "node_entered"]
    s.choose("fietser_zonder_licht")
    assert heard[-2:] == ["choice_made", "node_entered"]


def test_start_from_node(scenario: Scenario) -> None:
    s = Session(scenario, clock=FakeClock(), start_node="afhandelen")
    assert s.node_id == "afhandelen"
    with pytest.raises(EngineError):
        Session(scenario, start_node="nergens")


def test_same_seed_and_clock_give_identical_events(scenario: Scenario) -> None:
    import random

    from trainer.engine.autoplay import autoplay

    runs = []
    for _ in range(2):
        s = Session(scenario, seed=11, clock=FakeClock())
        autoplay(s, random.Random(11))
        runs.append([e.to_dict() for e in s.events])
    assert runs[0] == runs[1]


def test_restore_refuses_other_scenario_newer_version_and_tampering(scenario: Scenario) -> None:
    s = Session(scenario, clock=FakeClock())
    s.choose("fietser_zonder_licht")
    data = json.loads(json.dumps(save(s)))
    with pytest.raises(EngineError):
        restore(scenario, {**data, "min_compatible": 99})
    with pytest.raises(EngineError):
        restore(scenario, {**data, "scenario": {**data["scenario"], "id": "ander"}})
    tampered = json.loads(json.dumps(data))
    tampered["events"][2]["assessment"] = "in_lijn_vervalst"
    with pytest.raises(EngineError):
        restore(scenario, tampered)
    wrong_hash = json.loads(json.dumps(data))
    wrong_hash["events"][0]["content_hash"] = "0" * 64
    with pytest.raises(EngineError):
        restore(scenario, wrong_hash)
    with pytest.raises(EngineError):
        restore(scenario, {"format": "iets anders"})


def test_restore_continues_the_clock_where_it_stopped(scenario: Scenario) -> None:
    clock = FakeClock()
    s = Session(scenario, clock=clock)
    clock.advance(12)
    s.choose("fietser_zonder_licht")
    later = FakeClock(1000.0)
    r = restore(scenario, json.loads(json.dumps(save(s))), clock=later)
    later.advance(3)
    r.choose("concreet")
    made = [e for e in r.events if isinstance(e, ChoiceMade)][-1]
    assert made.t == 15.0 and made.seconds == 3.0


def test_time_left_comes_from_the_session_and_survives_a_restore(scenario: Scenario) -> None:
    clock = FakeClock()
    s = Session(scenario, clock=clock)
    limit = s.view().timer_seconds
    assert limit is not None
    clock.advance(5.0)
    assert s.time_left() == pytest.approx(limit - 5.0)
    s.choose("fietser_zonder_licht")
    scene_timer = s.view().timer_seconds
    assert scene_timer is not None and s.time_left() == pytest.approx(scene_timer)  # a new node, from the top
    clock.advance(2.0)
    restored = restore(scenario, json.loads(json.dumps(save(s))), clock=clock)
    # The log ends when the scene was entered: a restore carries on from that moment, not from the wait
    # after it, which no event recorded.
    assert restored.time_left() == pytest.approx(scene_timer)
    assert s.time_left() == pytest.approx(scene_timer - 2.0)
