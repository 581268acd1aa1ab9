"""The rules exist once: the Machine, route coverage and the debrief fold all agree with `Rules.step`."""

from __future__ import annotations

import pytest

from tests.conftest import SCENARIOS
from trainer.engine.machine import ADVANCE, machine_for, trigger_name
from trainer.engine.rules import Rules, rules_for
from trainer.model.loader import load_scenario
from trainer.model.scenario import Scenario

BUNDLED = sorted(SCENARIOS.glob("*.yaml"))


@pytest.fixture(scope="module", params=BUNDLED, ids=lambda p: p.stem)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    return load_scenario(request.param).scenario


class _Model:
    def __init__(self, state: str) -> None:
        self.state = state


def _all_moves(rules: Rules) -> list[tuple[str, str, str]]:
    found = [(node, o.id, o.choice.goto) for node, options in rules.options.items() for o in options]
    return found + [(node, ADVANCE, target) for node, target in rules.advances.items()]


def test_the_machine_fires_exactly_the_moves_the_rules_make(scenario: Scenario) -> None:
    """Firing through the Machine's table and through transitions' full Event.trigger land on the same
    node, for every authored move; the Machine has no callbacks or conditions that the table would skip."""
    built, rules = machine_for(scenario), rules_for(scenario)
    moves = _all_moves(rules)
    assert len(built.table) == len(moves)
    for node, choice, target in moves:
        fast, full = _Model(node), _Model(node)
        assert built.fire(fast, choice) == target
        assert built.events[trigger_name(node, choice)].trigger(full) is True
        assert fast.state == full.state == target
    for event in built.events.values():
        for items in event.transitions.values():
            for transition in items:
                assert not transition.conditions  # `unless` lands here too
                assert not (transition.prepare or transition.before or transition.after)
    machine = built.machine
    for state in machine.states.values():
        assert not state.on_enter and not state.on_exit
    hooks = ("prepare_event", "before_state_change", "after_state_change", "finalize_event", "on_final")
    assert not any(getattr(machine, hook) for hook in hooks)


def test_rules_are_built_once_per_scenario(scenario: Scenario) -> None:
    rules = rules_for(scenario)
    assert rules_for(scenario) is rules
    assert rules.content_hash == rules.content_hash  # cached_property: hashed once
    assert "content_hash" in rules.__dict__


def test_engine_errors_speak_both_languages(scenario: Scenario) -> None:
    from trainer.engine import EngineError, FakeClock, Session

    session = Session(scenario, clock=FakeClock(), lang="en")
    with pytest.raises(EngineError) as caught:
        session.choose("bestaat_niet")
    assert caught.value.message("en") == "choice 'bestaat_niet' is not possible here"
    assert caught.value.message("nl") == str(caught.value) == "keuze 'bestaat_niet' is hier niet mogelijk"


def test_the_rules_are_written_once() -> None:
    """Outside the model (which validates them) only engine/rules.py (with its registry) reads what a
    choice does (`effects`), when it is allowed (`when`) or what a timer defaults to; everyone else asks
    `Rules`."""
    import re

    from tests.conftest import ROOT

    pattern = re.compile(r"\.effects\b|\.when\b|timer\.default|\bCONDITIONS\b|\bEFFECTS\b")
    allowed = {
        "trainer/engine/rules.py",  # the rules
        "trainer/engine/registry.py",  # the functions the rules compile conditions and effects with
        "debrief/summary.py",  # only shows that a choice was conditional, never evaluates it
    }
    offenders = []
    for package in ("trainer", "debrief"):
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("trainer/model/") or rel in allowed:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line):
                    offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == []


def test_entering_a_node_draws_the_order_shown_by_the_rules_alone(scenario: Scenario) -> None:
    """Issue 11's seeded choice order is part of entering a node, so it is decided by `Rules.entered`
    (which a Session only records) and drawn nowhere else."""
    import random
    import re

    from tests.conftest import ROOT
    from trainer.engine import FakeClock, Session
    from trainer.engine.events import NodeEntered

    rules = rules_for(scenario)
    for seed in range(5):
        session = Session(scenario, seed=seed, clock=FakeClock())
        entered = rules.entered(scenario.start, rules.initial, 0.0, random.Random(seed))
        assert tuple(session.events[1 : 1 + len(entered)]) == entered
        first = entered[0]
        assert isinstance(first, NodeEntered)
        assert tuple(c.id for c in session.view().choices) == first.order
        assert sorted(first.order) == sorted(o.id for o in rules.legal(scenario.start, rules.initial))
    drawn = re.compile(r"\b(shown_order|draw_order|Orders)\(")
    callers = {
        path.relative_to(ROOT).as_posix()
        for package in ("trainer", "debrief")
        for path in (ROOT / package).rglob("*.py")
        if drawn.search(path.read_text(encoding="utf-8"))
    }
    assert callers == {"trainer/engine/rules.py", "trainer/engine/order.py"}


def test_the_view_lists_the_nodes_met_so_far(scenario: Scenario) -> None:
    """The B overlay lists the information of every node met: the view says which, in the order met."""
    import random

    from trainer.engine import FakeClock, Session
    from trainer.engine.events import NodeEntered
    from trainer.engine.views import Phase

    session = Session(scenario, seed=3, clock=FakeClock())
    rng = random.Random(3)
    while session.phase == Phase.PLAY:
        view = session.view()
        met = tuple(dict.fromkeys(e.node for e in session.events if isinstance(e, NodeEntered)))
        assert view.visited == met
        if view.choices:
            session.choose(rng.choice(view.choices).id)
        else:
            session.advance()


def test_compiled_effects_apply_in_order_clamp_and_share_what_they_leave() -> None:
    from trainer.engine.rules import GameState, compile_effects
    from trainer.model.scenario import AddEffect, SetEffect

    bounds = {"spanning": (0, 10), "vertrouwen": (0, 5)}
    before = GameState.of({"gefilmd": False}, {"spanning": 2, "vertrouwen": 3})
    effect = compile_effects(
        [
            SetEffect(set="spanning", to=8),
            AddEffect(add="spanning", by=5),
            AddEffect(add="vertrouwen", by=-1),
        ],
        bounds,
    )
    assert effect is not None
    after = effect(before)
    assert dict(after.meters) == {"spanning": 10, "vertrouwen": 2}  # set, then add, clamped at the top
    assert after.flags is before.flags  # meters only: the flags are shared, not copied
    assert dict(before.meters) == {"spanning": 2, "vertrouwen": 3}  # the state given is never changed
    flagged = compile_effects([SetEffect(set="gefilmd")], bounds)
    assert flagged is not None
    assert flagged(before).flags == {"gefilmd": True} and flagged(before).meters is before.meters
    assert compile_effects([], bounds) is None
    with pytest.raises(AttributeError):
        after.meters = before.meters  # type: ignore[misc]
