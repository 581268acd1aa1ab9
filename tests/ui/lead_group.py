"""A group playing the bundled scenario one choice at a time, for the console's tests and bench: each trainee
follows a playthrough plan, recorded into a real SQLite store, and the test moves them on in turn. Also the
distribution the records hold, counted straight from the stored events (not through the live fold), to hold
the console's bars against."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tests.debrief.helpers import ROUTES, SCENARIO, SteppingClock, fixed_wall, load_plan, session_id
from trainer.engine.plan import TIMEOUT
from trainer.engine.session import Session
from trainer.engine.views import Phase
from trainer.model.loader import load_scenario
from trainer.records import RecordStore
from trainer.records.recorder import Recorder

GROUP = "lead-test"


def _steps(session: Session, route: str) -> Iterator[None]:
    """Play one trainee's plan, pausing after every recorded choice (and after the ending's steps)."""
    plan = load_plan(route)
    choices = list(plan.plan.choices)
    done = 0
    while session.phase != Phase.DONE:
        phase = session.phase
        if phase == Phase.PLAY:
            if session.view().can_advance:
                session.advance()
                continue
            wanted = choices[done]
            session.timeout() if wanted == TIMEOUT else session.choose(wanted)
            done += 1
            yield
        elif phase == Phase.ENDING:
            session.advance()
        elif phase == Phase.REFLECTION:
            question = session.next_question()
            session.answer(question.id, plan.plan.answers.get(question.id, ""))
        elif phase == Phase.REGISTRATION:
            reg = plan.plan.registration
            session.register(reg.grounds, reg.legal_basis, reg.outcome or "geen_controle", reg.reason)
    yield


class PlayingGroup:
    """`count` trainees of GROUP in `db`; `start(i)` opens a session, `step(i)` makes its next choice."""

    def __init__(self, db: Path, count: int, *, group: str = GROUP) -> None:
        self.loaded = load_scenario(SCENARIO)
        self.store = RecordStore(db, wall=fixed_wall())
        self.group = group
        with self.store.transaction() as conn:
            self.store.ensure_group(conn, group)
        self.count = count
        self.ids = [session_id(i) for i in range(count)]
        self._runs: dict[int, Iterator[None]] = {}
        self.sessions: dict[int, Session] = {}
        self.done: set[int] = set()

    def start(self, i: int) -> None:
        recorder = Recorder(
            self.store,
            self.loaded.scenario,
            self.loaded.content_hash,
            trainee=f"T{i + 1:02d}",
            group=self.group,
            session_id=self.ids[i],
        )
        session = Session(
            self.loaded.scenario,
            seed=i,
            clock=SteppingClock(2.5 + (i * 7) % 11),
            listeners=[recorder],
            scenario_hash=self.loaded.content_hash,
        )
        self.sessions[i] = session
        self._runs[i] = _steps(session, ROUTES[i % len(ROUTES)])

    def step(self, i: int) -> bool:
        """The next choice of trainee i (started first if needed); False once it has finished."""
        if i not in self._runs:
            self.start(i)
        try:
            next(self._runs[i])
        except StopIteration:
            return False
        finally:
            if self.sessions[i].phase == Phase.DONE:
                self.done.add(i)
        return True

    def close(self) -> None:
        self.store.close()


def recorded_tally(db: Path, group: str = GROUP) -> dict[str, dict[str, int]]:
    """Per decision point, per choice: how many sessions of the group made it as their first choice there,
    read from the stored events with plain SQL."""
    with RecordStore(db, read_only=True) as store:
        rows = store._read(
            "SELECT e.session_id, e.payload FROM events e JOIN sessions s ON s.id = e.session_id "
            "JOIN groups g ON g.id = s.group_id WHERE g.label = ? AND e.type = 'choice_made' "
            "ORDER BY e.session_id, e.seq",
            (group,),
        )
    seen: set[tuple[str, str]] = set()
    out: dict[str, dict[str, int]] = {}
    for sid, payload in rows:
        event = json.loads(payload)
        if (sid, event["node"]) in seen:
            continue
        seen.add((sid, event["node"]))
        per = out.setdefault(event["node"], {})
        per[event["choice"]] = per.get(event["choice"], 0) + 1
    return out
