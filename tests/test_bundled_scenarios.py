"""Every bundled scenario: loads, checks clean, autoplays to an ending under many seeds, and every plan
plays."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.conftest import PLANS, SCENARIOS
from trainer.commands.common import findings
from trainer.engine import FakeClock, Phase, Session
from trainer.engine.autoplay import autoplay
from trainer.engine.events import EndingReached
from trainer.engine.plan import follow, parse_plan
from trainer.engine.routes import coverage
from trainer.model.loader import load_scenario

SCENARIO_FILES = sorted(SCENARIOS.glob("*.yaml"))
PLAN_FILES = sorted(PLANS.glob("*/*.yaml"))


def test_there_are_bundled_scenarios_and_plans() -> None:
    assert SCENARIO_FILES, "no bundled scenarios"
    assert PLAN_FILES, "no playthrough plans"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_checks_clean_with_no_warnings(path: Path) -> None:
    assert [d.format() for d in findings(load_scenario(path))] == []


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_first_line_points_editors_to_the_schema(path: Path) -> None:
    assert (
        path.read_text(encoding="utf-8").splitlines()[0]
        == "# yaml-language-server: $schema=scenario.schema.json"
    )


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_autoplays_to_an_ending_under_many_seeds(path: Path) -> None:
    scenario = load_scenario(path).scenario
    for seed in range(60):
        session = Session(scenario, seed=seed, clock=FakeClock())
        autoplay(session, random.Random(seed))
        assert session.phase == Phase.DONE
        assert any(isinstance(e, EndingReached) for e in session.events)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_route_covers_all_steps_and_every_ending_and_choice_is_reachable(path: Path) -> None:
    scenario = load_scenario(path).scenario
    cov = coverage(scenario)
    assert cov.gaps == []
    endings = {n for n, node in scenario.nodes.items() if node.type == "ending"}
    assert set(cov.endings) == endings
    assert cov.unreachable_choices == []


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_ending_has_a_plan(path: Path) -> None:
    scenario = load_scenario(path).scenario
    endings = {n for n, node in scenario.nodes.items() if node.type == "ending"}
    planned = {
        parse_plan(p.read_text(encoding="utf-8"), str(p)).plan.expect.ending
        for p in PLANS.glob(f"{scenario.id}/*.yaml")
    }
    assert endings <= planned, f"endings without a plan: {sorted(endings - planned)}"


@pytest.mark.parametrize("plan_path", PLAN_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_plan_plays_to_its_expected_ending(plan_path: Path) -> None:
    loaded_plan = parse_plan(plan_path.read_text(encoding="utf-8"), str(plan_path))
    scenario = load_scenario(SCENARIOS / f"{loaded_plan.plan.scenario}.yaml").scenario
    session = Session(scenario, clock=FakeClock())
    follow(session, loaded_plan)
    assert session.phase == Phase.DONE
    assert loaded_plan.plan.expect.ending is not None
