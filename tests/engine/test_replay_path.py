"""F5's replay: the old session's moves taken again in the edited scenario, as far as they still exist."""

from __future__ import annotations

from tests.conftest import FIXTURES
from trainer.engine import FakeClock, Session
from trainer.engine.events import NodeEntered
from trainer.engine.replay_path import Stop, moves, replay
from trainer.engine.views import Phase
from trainer.model.loader import load_scenario_text

TEXT = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def _played(text: str = TEXT, *, timeout: bool = True, seed: int = 7) -> Session:
    """Street -> stop the cyclist -> (time runs out: 'vaag') -> fine for attitude -> next: -> reflect."""
    session = Session(load_scenario_text(text).scenario, seed=seed, clock=FakeClock())
    session.choose("fietser_zonder_licht")
    session.timeout() if timeout else session.choose("vaag")
    session.choose("boete_houding")  # allowed: 'vaag' raised the tension to 5
    session.advance()  # past the narrator's `next:`
    assert session.node_id == "reflectie_keuze"
    return session


def _fresh(text: str, old: Session) -> Session:
    return Session(
        load_scenario_text(text).scenario, seed=old.seed, clock=FakeClock(), start_node=old.start_node
    )


def test_the_moves_of_a_session_are_its_choices_timeouts_and_next_steps() -> None:
    kinds = [(m.node, m.kind, m.choice) for m in moves(_played().events)]
    assert kinds == [
        ("straat", "choose", "fietser_zonder_licht"),
        ("aanspreken", "timeout", "vaag"),
        ("afhandelen", "choose", "boete_houding"),
        ("terugblik_na_controle", "advance", ""),
    ]


def test_an_unchanged_scenario_replays_to_the_same_place_state_and_order() -> None:
    old = _played()
    new = _fresh(TEXT, old)
    result = replay(new, old.events)
    assert (result.done, result.total, result.stop) == (4, 4, None)
    assert new.node_id == old.node_id and new.state == old.state
    orders = [e.order for e in new.events if isinstance(e, NodeEntered)]
    assert orders == [e.order for e in old.events if isinstance(e, NodeEntered)]  # same seed, same order


def test_an_edited_text_still_replays_everything() -> None:
    old = _played()
    edited = TEXT.replace("Door die houding wordt het een boete.", "Nu wordt het een boete.")
    new = _fresh(edited, old)
    assert replay(new, old.events).stop is None and new.node_id == "reflectie_keuze"


def test_a_choice_that_no_longer_exists_stops_there() -> None:
    old = _played()
    edited = TEXT.replace("- id: boete_houding", "- id: boete_om_houding")
    new = _fresh(edited, old)
    result = replay(new, old.events)
    assert (result.stop, result.node, result.choice, result.done) == (
        Stop.CHOICE_GONE,
        "afhandelen",
        "boete_houding",
        2,
    )
    assert new.node_id == "afhandelen" and new.state.meters["spanning"] == old.state.meters["spanning"]


def test_a_choice_whose_condition_no_longer_holds_stops_there() -> None:
    old = _played()
    new = _fresh(TEXT.replace("at_least: 4", "at_least: 9"), old)
    result = replay(new, old.events)
    assert (result.stop, result.node, result.choice) == (Stop.NOT_ALLOWED, "afhandelen", "boete_houding")


def test_a_choice_that_now_leads_elsewhere_stops_after_it() -> None:
    old = _played(timeout=False)
    edited = TEXT.replace(
        "perspective: {nl: Alweer ik., en: Me again.}\n        goto: afhandelen",
        "perspective: {nl: Alweer ik., en: Me again.}\n        goto: terugblik_na_controle",
    )
    new = _fresh(edited, old)
    result = replay(new, old.events)
    assert (result.stop, result.choice, result.then, result.now, result.done) == (
        Stop.LEADS_ELSEWHERE,
        "vaag",
        "afhandelen",
        "terugblik_na_controle",
        2,
    )
    assert new.node_id == "terugblik_na_controle"


def test_a_timer_that_is_gone_stops_where_time_ran_out() -> None:
    old = _played()
    new = _fresh(TEXT.replace("    timer: {seconds: 20, default: vaag}\n", ""), old)
    result = replay(new, old.events)
    assert (result.stop, result.node, result.done) == (Stop.NO_TIMER, "aanspreken", 1)
    assert new.node_id == "aanspreken"


def test_a_next_that_became_choices_stops_there() -> None:
    old = _played()
    edited = TEXT.replace(
        "    next: reflectie_keuze\n",
        "    choices:\n      - {id: verder, text: {nl: Verder., en: On.}, step: reflecteren,"
        " assessment: in_lijn, goto: reflectie_keuze}\n",
    )
    new = _fresh(edited, old)
    result = replay(new, old.events)
    assert (result.stop, result.node, result.done) == (Stop.NO_NEXT, "terugblik_na_controle", 3)


def _reflecting(text: str = TEXT) -> Session:
    """Played to the end, into the reflection: the first question answered, 'may be shared' said."""
    session = _played(text)
    session.choose("bespreken")
    session.advance()  # the ending, into the reflection
    first = session.next_question()
    assert first is not None
    session.share(True)
    session.answer(first.id, "Omdat hij geen licht had.")
    return session


def test_the_reflection_is_replayed_with_the_same_answers() -> None:
    with_two = TEXT.replace(
        "registration:\n",
        "  - {id: uitleg, step: uitleggen, text: {nl: Wat zei je?, en: What did you say?}}\nregistration:\n",
    )
    old = _reflecting(with_two)
    assert old.phase == Phase.REFLECTION and old.next_question() is not None  # one question still open
    new = _fresh(with_two, old)
    result = replay(new, old.events)
    assert result.stop is None and result.done == result.total == 8  # 5 moves, start, share, 1 answer
    assert new.phase == Phase.REFLECTION and new.answers == old.answers
    assert [type(e).__name__ for e in new.events] == [type(e).__name__ for e in old.events]
    next_question = new.next_question()
    assert next_question is not None and next_question.id == "uitleg"


def test_a_finished_session_replays_to_its_end_registration_included() -> None:
    old = _reflecting()
    assert old.phase == Phase.REGISTRATION
    old.register(["voertuig"], "wvw_160", "boete", "geen licht")
    new = _fresh(TEXT, old)
    result = replay(new, old.events)
    assert result.stop is None and new.phase == Phase.DONE
    assert [e for e in new.events] == [e for e in old.events]  # the same times too: a FakeClock never moved


def test_a_question_that_is_no_longer_asked_stops_the_replay_there() -> None:
    old = _reflecting()
    edited = TEXT.replace("  - id: waarom\n", "  - id: waarom_zo\n")
    new = _fresh(edited, old)
    result = replay(new, old.events)
    assert result.stop == Stop.QUESTION_GONE and result.choice == "waarom"
    assert new.phase == Phase.REFLECTION and new.answers == {}


def test_replayed_moves_keep_the_seconds_they_were_first_made_at() -> None:
    """With recording on, the new session's record keeps the trainee's real times, not the moment of F5."""
    clock = FakeClock()
    old = Session(load_scenario_text(TEXT).scenario, seed=3, clock=clock)
    for wait, move in ((12.5, "fietser_zonder_licht"), (4.0, "concreet"), (7.25, "rustig")):
        clock.advance(wait)
        old.choose(move)
    clock.advance(3.0)
    later = FakeClock()
    later.advance(500.0)  # F5 comes much later, on a clock that has run on
    new = Session(load_scenario_text(TEXT).scenario, seed=old.seed, clock=later, start_node=old.start_node)
    result = replay(new, old.events, now=old.elapsed())
    assert result.stop is None
    assert [e.t for e in new.events] == [e.t for e in old.events]
    assert new.events == old.events
    assert new.elapsed() == old.elapsed() == 26.75  # the session's clock goes on from where the old one was
