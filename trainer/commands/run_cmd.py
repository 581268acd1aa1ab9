"""`trainer run SCENARIO (--plan FILE | --auto [--seed N])`: play headless and print the transcript."""

from __future__ import annotations

import random
from pathlib import Path

from trainer.commands.common import UserError, load_clean
from trainer.engine.autoplay import autoplay
from trainer.engine.clock import FakeClock
from trainer.engine.errors import EngineError
from trainer.engine.plan import PlanFailure, follow, parse_plan
from trainer.engine.session import Session
from trainer.engine.transcript import transcript
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import read_scenario_bytes

AUTO_SECONDS_PER_STEP = 4.0


class _SteppingClock(FakeClock):
    """Headless runs have no trainee: each reading advances a few seconds, so times stay deterministic."""

    def now(self) -> float:
        self.t += AUTO_SECONDS_PER_STEP
        return self.t


def run(scenario_path: str, *, plan: str | None, auto: bool, seed: int, start_node: str | None, lang: str) -> int:
    loaded = load_clean(scenario_path, lang)
    try:
        session = Session(loaded.scenario, seed=seed, lang=lang, clock=_SteppingClock(),
                          start_node=start_node, scenario_hash=loaded.content_hash)
    except EngineError as exc:
        raise UserError(f"{scenario_path}: {exc}") from None
    try:
        if plan is not None:
            try:
                loaded_plan = parse_plan(read_scenario_bytes(Path(plan), plan), plan)
            except ScenarioError as exc:
                raise UserError(exc.diagnostics[0].format(lang)) from None
            if loaded_plan.plan.scenario != loaded.scenario.id:
                raise UserError(f"{plan}: dit plan hoort bij scenario '{loaded_plan.plan.scenario}', "
                                f"niet bij '{loaded.scenario.id}'")
            follow(session, loaded_plan)
        else:
            autoplay(session, random.Random(seed))
    except PlanFailure as exc:
        _print(loaded.scenario, session, lang)
        raise UserError(str(exc)) from None
    except EngineError as exc:
        raise UserError(f"{scenario_path}: {exc}") from None
    _print(loaded.scenario, session, lang)
    return 0


def _print(scenario: object, session: Session, lang: str) -> None:
    for line in transcript(session.scenario, session.events, lang):
        print(line)
