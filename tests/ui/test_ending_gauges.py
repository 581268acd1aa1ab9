"""The ending's gauges show the trust only of people the trainee met on that route: a gauge for someone never
spoken to would say a conversation that did not happen kept or lost their trust (busje, buurtapp and villawijk
endings showed one). The oracle is the transcript: who has a line in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PLANS, SCENARIOS
from trainer.engine import FakeClock, Session
from trainer.engine.plan import follow, parse_plan
from trainer.engine.transcript import transcript
from trainer.model.loader import load_scenario
from trainer.model.vocabulary import MeterKind
from trainer.ui.screens import pages

PLAN_FILES = sorted(PLANS.glob("*/*.yaml"))


def _speakers(lines: list[str], names: dict[str, str]) -> set[str]:
    """Cast ids with a spoken line in the transcript ('  Name: text')."""
    return {cid for cid, name in names.items() if any(line.startswith(f"  {name}: ") for line in lines)}


def _trust_shown(plan_path: Path) -> tuple[set[str], set[str], set[str]]:
    """(trust meters shown at the end, people who spoke on the route, trust meters of the scenario)."""
    plan = parse_plan(plan_path.read_text(encoding="utf-8"), str(plan_path))
    scenario = load_scenario(SCENARIOS / f"{plan.plan.scenario}.yaml").scenario
    session = Session(scenario, clock=FakeClock())
    follow(session, plan)
    view = session.view()
    shown_scenario = session.shown_scenario
    labels = {
        spec.label.get("nl"): spec.cast
        for spec in shown_scenario.state.meters.values()
        if spec.kind == MeterKind.VERTROUWEN
    }
    shown = {
        labels[g[0]] for g in pages.gauges(shown_scenario, view.meters, "nl", view.visited) if g[0] in labels
    }
    names = {c.id: c.name.get("nl") for c in shown_scenario.cast}
    spoke = _speakers(transcript(shown_scenario, session.events, "nl"), names)
    return {c for c in shown if c}, spoke, {c for c in labels.values() if c}


@pytest.mark.parametrize("plan_path", PLAN_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_an_ending_shows_trust_only_of_people_met(plan_path: Path) -> None:
    shown, spoke, _ = _trust_shown(plan_path)
    assert shown <= spoke, f"trust of people never met: {sorted(shown - spoke)}"


def test_the_library_has_endings_with_and_without_a_trust_gauge_left_out() -> None:
    """Both sides of the rule happen in the bundled plans, so the test above is not vacuous."""
    left_out = kept = 0
    for plan_path in PLAN_FILES:
        shown, spoke, trust = _trust_shown(plan_path)
        left_out += len(trust - spoke)
        kept += len(shown)
    assert left_out > 0 and kept > 0
