"""Coverage over the state graph: known answers, and the counts agree with enumerating every route."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.generate import generate
from tests.conftest import FIXTURES, SCENARIOS
from trainer.engine.routes import coverage, routes
from trainer.model.graph import ALL_STEPS
from trainer.model.loader import load_scenario, load_scenario_text


def test_minimal_known_answer() -> None:
    cov = coverage(load_scenario(FIXTURES / "minimal.yaml").scenario)
    # 2 explanations x (rustig, or boete_houding only after 'vaag') + nobody = 4 routes
    assert cov.routes == 4
    assert cov.endings == {"einde_waarschuwing": 3, "einde_geen_controle": 1}
    assert cov.gaps == [] and cov.unreachable_choices == []


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_route_count_equals_the_routes_enumerated(path: Path) -> None:
    scenario = load_scenario(path).scenario
    cov = coverage(scenario)
    listed = list(routes(scenario, limit=10**6, max_visits=10**6))
    assert cov.routes == len(listed)
    assert all(r.steps == ALL_STEPS for r in listed)
    counted: dict[str, int] = {}
    for r in listed:
        counted[r.ending] = counted.get(r.ending, 0) + 1
    assert counted == cov.endings


def test_a_loop_makes_routes_unbounded_but_the_search_ends() -> None:
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    # 'groeten' may go back to the question about the station: a loop with a way out
    looped = text.replace(
        "      - id: groeten\n",
        "      - id: nog_eens\n        text: {nl: Wat zei je?, en: What did you say?}\n"
        "        step: uitleggen\n        assessment: in_lijn\n"
        "        goto: geen_uitleg_nodig\n      - id: groeten\n",
    )
    cov = coverage(load_scenario_text(looped, "minimaal.yaml").scenario)
    assert cov.routes is None
    assert set(cov.endings) == {"einde_waarschuwing", "einde_geen_controle"}
    assert cov.gaps == [] and cov.unreachable_choices == []


def test_large_generated_scenario_is_explored_exhaustively() -> None:
    scenario = load_scenario_text(generate(600), "gegenereerd.yaml").scenario
    cov = coverage(scenario)
    # three choices per layer, so routes grow like 3^layers: far past any cap, and counted exactly
    assert cov.routes is not None and cov.routes > 10**50
    assert cov.gaps == [] and cov.unreachable_choices == []
    assert cov.states >= len(scenario.nodes) - 1
