"""Choice order: drawn from the session's seed, stable within a session, recorded, reproduced, pinnable."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import SCENARIOS
from trainer.engine import FakeClock, Phase, Session
from trainer.engine.events import NodeEntered, event_from_dict
from trainer.engine.order import shown_order
from trainer.engine.save import restore, save
from trainer.model.graph import NOBODY, node_choices
from trainer.model.loader import load_scenario
from trainer.model.scenario import Scenario, SceneNode


@pytest.fixture(scope="module")
def stationsplein() -> Scenario:
    return load_scenario(SCENARIOS / "stationsplein.yaml").scenario


def _walk(session: Session, rng: random.Random, steps: int = 40) -> None:
    """Random legal play through the PLAY phase."""
    for _ in range(steps):
        view = session.view()
        if view.phase != Phase.PLAY:
            return
        if view.can_advance:
            session.advance()
        else:
            session.choose(rng.choice(view.choices).id)


def _first_scene_with_choices(scenario: Scenario) -> str:
    return next(nid for nid, n in scenario.nodes.items() if isinstance(n, SceneNode) and len(n.choices) >= 3)


def test_order_differs_between_seeds_and_puts_every_option_first_sometimes(stationsplein: Scenario) -> None:
    node = _first_scene_with_choices(stationsplein)
    firsts: Counter[str] = Counter()
    for seed in range(60):
        session = Session(stationsplein, seed=seed, clock=FakeClock(), start_node=node)
        firsts[session.view().choices[0].id] += 1
    authored = [c.id for c in stationsplein.nodes[node].choices]  # type: ignore[union-attr]
    assert set(firsts) == set(authored)  # every option is shown first under some seed
    assert max(firsts.values()) < 60 * 0.6  # no option is first most of the time


def test_order_is_stable_within_a_session_and_is_the_recorded_one(stationsplein: Scenario) -> None:
    session = Session(stationsplein, seed=7, clock=FakeClock())
    rng = random.Random(1)
    for _ in range(12):
        view = session.view()
        if view.phase != Phase.PLAY:
            break
        assert session.view().choices == view.choices  # asking again shows the same order
        entered = [e for e in session.events if isinstance(e, NodeEntered)][-1]
        assert entered.order == tuple(c.id for c in view.choices)
        if view.can_advance:
            session.advance()
        else:
            session.choose(rng.choice(view.choices).id)


def test_selection_keeps_nobody_last(stationsplein: Scenario) -> None:
    orders = {tuple(c.id for c in Session(stationsplein, seed=s).view().choices) for s in range(20)}
    assert len(orders) > 1
    assert all(order[-1] == NOBODY for order in orders)


@pytest.mark.parametrize("seed", [0, 3, 11])
def test_save_restore_and_replay_reproduce_every_order(stationsplein: Scenario, seed: int) -> None:
    session = Session(stationsplein, seed=seed, clock=FakeClock())
    _walk(session, random.Random(seed))
    data = json.loads(json.dumps(save(session)))
    restored = restore(stationsplein, data, clock=FakeClock())
    assert restored.events == session.events
    assert restored.view().choices == session.view().choices
    replayed = Session.from_events(stationsplein, [event_from_dict(e.to_dict()) for e in session.events])
    orders = [e.order for e in replayed.events if isinstance(e, NodeEntered)]
    assert orders == [e.order for e in session.events if isinstance(e, NodeEntered)]
    assert any(len(o) > 1 for o in orders)


def test_a_record_with_another_order_is_refused(stationsplein: Scenario) -> None:
    session = Session(stationsplein, seed=5, clock=FakeClock())
    events = [event_from_dict(e.to_dict()) for e in session.events]
    entered = events[1]
    assert isinstance(entered, NodeEntered)
    events[1] = NodeEntered(entered.t, entered.node, tuple(reversed(entered.order)))
    with pytest.raises(Exception, match="past niet"):
        Session.from_events(stationsplein, events)


def test_a_record_from_before_the_seeded_order_replays_in_authored_order(stationsplein: Scenario) -> None:
    session = Session(stationsplein, seed=5, clock=FakeClock())
    _walk(session, random.Random(2), steps=3)
    old = []
    for event in session.events:
        data = event.to_dict()
        data.pop("order", None)  # what the records of earlier versions hold
        old.append(event_from_dict(data))
    replayed = Session.from_events(stationsplein, old)
    assert replayed.events == old
    node = replayed.node_id
    assert node is not None
    authored = [cid for cid, *_ in node_choices(stationsplein, node)]
    shown = [c.id for c in replayed.view().choices]
    assert shown == [cid for cid in authored if cid in shown]


def test_pins_hold_their_place_and_the_rest_is_shuffled() -> None:
    options = [("a", None), ("niets", "laatst"), ("b", None), ("c", None), ("eerst", "eerst")]
    orders = {shown_order(options, random.Random(seed)) for seed in range(30)}
    assert all(o[0] == "eerst" and o[-1] == "niets" for o in orders)
    assert len({o[1:4] for o in orders}) == 6  # all permutations of the three unpinned options appear


def test_pin_in_a_scenario_file(tmp_path: Path, minimal_path: Path) -> None:
    text = minimal_path.read_text(encoding="utf-8")
    marker = "      - id: concreet\n"
    assert marker in text
    pinned = text.replace(marker, marker + "        pin: laatst\n", 1)
    path = tmp_path / "pinned.yaml"
    path.write_text(pinned, encoding="utf-8")
    scenario = load_scenario(path).scenario
    node = next(
        nid
        for nid, n in scenario.nodes.items()
        if isinstance(n, SceneNode) and any(c.id == "concreet" for c in n.choices)
    )
    for seed in range(10):
        shown = [c.id for c in Session(scenario, seed=seed, start_node=node).view().choices]
        assert shown[-1] == "concreet"


def test_the_replay_transcript_lists_the_choices_in_the_order_shown(stationsplein: Scenario) -> None:
    from trainer.engine.transcript import transcript

    node = _first_scene_with_choices(stationsplein)
    session = Session(stationsplein, seed=4, clock=FakeClock(), start_node=node)
    lines = transcript(stationsplein, session.events, with_order=True)
    start = lines.index("  Keuzes zoals getoond:")
    shown = [c.choice.text.get("nl") for c in session.view().choices]
    assert lines[start + 1 : start + 1 + len(shown)] == [f"    {i}. {t}" for i, t in enumerate(shown, 1)]
    assert "  Keuzes zoals getoond:" not in transcript(stationsplein, session.events)


def test_the_rules_fast_paths_draw_exactly_the_order_of_shown_order() -> None:
    """`Rules.shown` splits by pin once per node and skips the split where nothing is pinned (the host
    step's speed); the order it draws must stay exactly what `shown_order` draws from the same seed, or
    recorded sessions would replay differently. Checked on every node of every bundled scenario and of the
    bench's generated graph, in the initial state and after random play."""
    from tests.bench.generate import generate
    from trainer.engine.rules import rules_for
    from trainer.model.loader import load_scenario_text

    scenarios = [load_scenario(p).scenario for p in sorted(SCENARIOS.glob("*.yaml"))]
    scenarios.append(load_scenario_text(generate(60), "gegenereerd.yaml").scenario)
    checked = 0
    for scenario in scenarios:
        rules = rules_for(scenario)
        states = [rules.initial]
        for seed in range(3):
            session = Session(scenario, clock=FakeClock(), seed=seed)
            _walk(session, random.Random(seed))
            states.append(session.state)
        for node in scenario.nodes:
            for state in states:
                legal = [(o.id, o.pin) for o in rules.legal(node, state)]
                for seed in range(4):
                    fast = tuple(o.id for o in rules.shown(node, state, random.Random(seed)))
                    assert fast == shown_order(legal, random.Random(seed)), (scenario.id, node, seed)
                    checked += 1
    assert checked > 1000


def test_the_memo_of_orders_draws_exactly_what_a_shuffle_draws() -> None:
    """`Orders` indexes prebuilt orders by the shuffle's own draws: for every size and pin layout, the
    order, its ids and the RNG's state afterwards are those of `draw_order` (Random.shuffle), also when an
    order comes from the memo the second time."""
    from trainer.engine.order import Orders, draw_order

    for size in range(10):
        middle = tuple(f"o{i}" for i in range(size))
        for first, last in (((), ()), (("eerst",), ()), ((), ("niets",)), (("eerst",), ("niets", "nog"))):
            parts = (first, middle, last)
            orders = Orders(parts, str.upper)
            for seed in range(60):
                kind = random.Random if seed % 2 else _OwnRandom  # the written-out draws and shuffle's own
                mine, reference = kind(seed), kind(seed)
                for _ in range(3):
                    shown, ids = orders.draw(mine)
                    assert shown == draw_order(parts, reference), (size, seed)
                    assert ids == tuple(o.upper() for o in shown)
                assert mine.getstate() == reference.getstate()


class _OwnRandom(random.Random):
    """A Random subclass: `Orders` must draw through its own `_randbelow`, as `shuffle` does."""
