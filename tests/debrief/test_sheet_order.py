"""The letters on a sheet (A, B, C ...) follow a neutral fixed order, not the author's."""

from __future__ import annotations

from tests.conftest import SCENARIOS
from trainer.engine.order import sheet_order
from trainer.model.graph import NOBODY, node_choices
from trainer.model.loader import load_scenario
from trainer.model.vocabulary import Assessment


def test_the_in_line_option_is_not_a_by_the_authors_habit() -> None:
    points = first_in_line = 0
    chance = 0.0
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        for node_id in scenario.nodes:
            listed = list(node_choices(scenario, node_id))
            in_line = {cid for cid, _s, ch, _p in listed if ch.assessment == Assessment.IN_LIJN}
            if len(listed) < 2 or not in_line:
                continue
            order = sheet_order(node_id, [(cid, "laatst" if cid == NOBODY else None) for cid, *_ in listed])
            assert sorted(order) == sorted(cid for cid, *_ in listed)
            assert order == sheet_order(
                node_id, [(cid, "laatst" if cid == NOBODY else None) for cid, *_ in listed]
            )
            points += 1
            first_in_line += order[0] in in_line
            chance += len(in_line) / len(listed)
    assert points > 50
    assert first_in_line / points <= chance / points + 0.15, (first_in_line, points, chance)


def test_pins_keep_their_place_on_the_sheet() -> None:
    order = sheet_order("n", [("a", None), ("niets", "laatst"), ("b", None), ("eerst", "eerst"), ("c", None)])
    assert order[0] == "eerst" and order[-1] == "niets" and sorted(order[1:4]) == ["a", "b", "c"]
