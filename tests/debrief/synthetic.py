"""Synthetic groups with known right answers: sessions that follow a given list of choices (the rest: the
first option offered), with a given registration and "mag gedeeld worden" answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from debrief.sheet import Sheet
from debrief.sources import assemble, from_store
from debrief.summary import fold
from tests.conftest import SCENARIOS
from tests.debrief.helpers import SteppingClock, fixed_wall, session_id
from trainer.engine.plan import TIMEOUT
from trainer.engine.session import Session
from trainer.engine.views import Phase
from trainer.model.loader import load_scenario
from trainer.records import RecordStore
from trainer.records.recorder import Recorder

GROUP = "synthetisch"


@dataclass(frozen=True)
class Trainee:
    choices: Sequence[str]  # node choices in order; TIMEOUT lets the timer decide
    grounds: Sequence[str] = ()
    basis: str = "geen"
    outcome: str | None = None  # None: the outcome the route really reached
    reason: str = ""
    shared: bool = False
    answers: dict[str, str] = field(default_factory=dict)
    slow: bool = False  # chose the slower tempo (recorded in the session's first event)


def play(session: Session, who: Trainee) -> None:
    todo = list(who.choices)
    while session.phase != Phase.DONE:
        if session.phase == Phase.PLAY:
            view = session.view()
            if view.can_advance:
                session.advance()
            elif todo:
                wanted = todo.pop(0)
                session.timeout() if wanted == TIMEOUT else session.choose(wanted)
            else:
                session.choose(view.choices[0].id)
        elif session.phase == Phase.ENDING:
            session.advance()
        elif session.phase == Phase.REFLECTION:
            question = session.next_question()
            if who.shared and session.view().last_question:
                session.share(True)
            session.answer(question.id, who.answers.get(question.id, f"antwoord op {question.id}"))
        elif session.phase == Phase.REGISTRATION:
            reached = next(e for e in reversed(session.events) if e.type == "ending_reached")
            session.register(who.grounds, who.basis, who.outcome or reached.outcome, who.reason)


def group_sheet(db: Path, scenario: str, trainees: Sequence[Trainee], *, lang: str = "nl") -> Sheet:
    loaded = load_scenario(SCENARIOS / f"{scenario}.yaml")
    with RecordStore(db, wall=fixed_wall()) as store:
        for i, who in enumerate(trainees):
            recorder = Recorder(
                store,
                loaded.scenario,
                loaded.content_hash,
                trainee=f"S{i + 1:02d}",
                group=GROUP,
                session_id=session_id(i),
            )
            session = Session(
                loaded.scenario,
                seed=i,
                clock=SteppingClock(3.0 + i),
                listeners=[recorder],
                scenario_hash=loaded.content_hash,
                pace=1.5 if who.slow else 1.0,
            )
            play(session, who)
    with RecordStore(db) as store:
        material = assemble(*from_store(store, group=GROUP))
    return fold(material, lang=lang)
