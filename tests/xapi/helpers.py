"""Recorded sessions to export: played through the real engine into a real records database."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES, SCENARIOS
from trainer.engine import FakeClock, Session
from trainer.engine.autoplay import autoplay
from trainer.engine.views import Phase
from trainer.model.loader import load_scenario
from trainer.records import RecordStore
from trainer.records.recorder import Recorder
from trainer.records.stream import Selection
from trainer.xapi.export import statements
from trainer.xapi.statements import ExportOptions

MINIMAL = FIXTURES / "minimal.yaml"
BUNDLED = sorted(SCENARIOS.glob("*.yaml"))


def record(
    db: Path,
    scenario: Path = MINIMAL,
    seed: int = 1,
    *,
    trainee: str = "A17",
    group: str | None = "ochtend",
    share: bool | None = None,
    answer: str = "Ik zag geen licht.",
    stop_at: Phase | None = None,
) -> str:
    """Play a session with seeded random choices; `share` answers "mag gedeeld worden" when given; `stop_at`
    leaves the session unfinished when that phase is reached. Returns the session id."""
    loaded = load_scenario(scenario)
    rng = random.Random(seed)
    with RecordStore(db) as store:
        recorder = Recorder(store, loaded.scenario, loaded.content_hash, trainee=trainee, group=group)
        session = Session(
            loaded.scenario,
            seed=seed,
            clock=FakeClock(),
            listeners=[recorder],
            scenario_hash=loaded.content_hash,
        )
        if share is None and stop_at is None:
            autoplay(session, rng, answer=answer)
            return recorder.session_id
        asked = False
        while (phase := session.view().phase) != Phase.DONE and phase != stop_at:
            if phase == Phase.REFLECTION and share is not None and not asked:
                session.share(share)
                asked = True
            _one_step(session, rng, answer)
        return recorder.session_id


def _one_step(session: Session, rng: random.Random, answer: str) -> None:
    """One move of autoplay's: the same choices, the same seeds."""
    view = session.view()
    if view.phase == Phase.PLAY:
        if view.can_advance:
            session.advance()
        elif view.timer_seconds and rng.random() < 0.15:
            session.timeout()
        else:
            session.choose(rng.choice(view.choices).id)
    elif view.phase == Phase.ENDING:
        session.advance()
    elif view.phase == Phase.REFLECTION and view.question is not None:
        session.answer(view.question.id, answer)
    elif view.phase == Phase.REGISTRATION:
        session.register(["voertuig"], "wvw_160", "waarschuwing", "Fiets zonder licht, gezien om 22:10.")


def export(db: Path, selection: Selection | None = None, **options: Any) -> list[dict[str, Any]]:
    """The statements of a database, through the same stream the command uses."""
    with RecordStore(db, read_only=True) as store:
        return list(statements(store, selection or Selection(), ExportOptions(**options)))


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def verb(statement: dict[str, Any]) -> str:
    return str(statement["verb"]["id"]).rsplit("/", 1)[1]
