"""Deterministic records for debrief tests, goldens and the benchmark: a group playing the bundled scenario.

Every session follows one of the scenario's playthrough plans on a stepping clock, with fixed session ids
and a fixed wall clock, so the same call always writes the same records.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from tests.conftest import PLANS, SCENARIOS
from trainer.engine.clock import FakeClock
from trainer.engine.plan import TIMEOUT, LoadedPlan, parse_plan
from trainer.engine.session import Session
from trainer.engine.views import Phase
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.records import RecordStore
from trainer.records.recorder import Recorder

SCENARIO = SCENARIOS / "nachtelijke_verkeerscontrole.yaml"
ROUTES = (
    "oude_auto_aanhouding",
    "achterlicht_waarschuwing",
    "oude_auto_waarschuwing",
    "langzame_auto_vriendelijk",
    "niemand_belofte_teruggenomen",
    "oude_auto_boete_timeout",
    "bestelbus_weggestuurd_timeout",
    "achterlicht_boete",
    "oude_auto_marco_neemt_over",
    "niemand_timeout",
    "oude_auto_waarschuwing",
    "langzame_auto_vriendelijk",
)
GROUP = "ochtend-2026-11"


class SteppingClock(FakeClock):
    """Each reading moves the clock on, a little differently per trainee, so times differ but never vary."""

    def __init__(self, step: float) -> None:
        super().__init__()
        self.step = step

    def now(self) -> float:
        self.t += self.step
        return self.t


def fixed_wall() -> Callable[[], str]:
    counter = itertools.count()

    def wall() -> str:
        n = next(counter)
        return f"2026-11-20T{9 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}.000"

    return wall


def session_id(i: int) -> str:
    return f"5e55{i + 1:04d}" + "0" * 24


def load_plan(route: str, scenario: str = "nachtelijke_verkeerscontrole") -> LoadedPlan:
    path = PLANS / scenario / f"{route}.yaml"
    return parse_plan(path.read_text(encoding="utf-8"), str(path))


def play(
    session: Session,
    plan: LoadedPlan,
    *,
    stop_after: int | None = None,
    answers: Mapping[str, str] | None = None,
    shared: bool = False,
) -> None:
    """Follow the plan's choices (all, or the first `stop_after`), answers and registration; `shared` ticks
    "mag gedeeld worden" with the last reflection question."""
    choices = list(plan.plan.choices)
    done = 0
    while session.phase != Phase.DONE:
        phase = session.phase
        if phase == Phase.PLAY:
            if session.view().can_advance:
                session.advance()
                continue
            if stop_after is not None and done >= stop_after:
                return
            wanted = choices[done]
            session.timeout() if wanted == TIMEOUT else session.choose(wanted)
            done += 1
        elif phase == Phase.ENDING:
            if stop_after is not None and done >= stop_after:
                return
            session.advance()
        elif phase == Phase.REFLECTION:
            question = session.next_question()
            text = (answers or {}).get(question.id, plan.plan.answers.get(question.id, ""))
            if shared and session.view().last_question:
                session.share(True)
            session.answer(question.id, text)
        elif phase == Phase.REGISTRATION:
            reg = plan.plan.registration
            outcome = reg.outcome or "geen_controle"
            session.register(reg.grounds, reg.legal_basis, outcome, reg.reason)


def record_group(
    db: Path,
    *,
    count: int = 12,
    group: str | None = GROUP,
    unfinished: Mapping[int, int] | None = None,
    answers: Mapping[int, Mapping[str, str]] | None = None,
    first: int = 0,
    loaded: LoadedScenario | None = None,
    names: bool = False,
    shared: Collection[int] = (),
    routes: tuple[str, ...] = ROUTES,
    plans: str = "nachtelijke_verkeerscontrole",
) -> list[str]:
    """Record `count` sessions into `db`; `unfinished` maps a session number to the choices it stops after;
    the sessions numbered in `shared` tick "mag gedeeld worden"."""
    loaded = loaded or load_scenario(SCENARIO)
    ids = []
    with RecordStore(db, wall=fixed_wall()) as store:
        if group is not None:
            with store.transaction() as conn:
                store.ensure_group(
                    conn, group, date="2026-11-20", leader="IBT Noord", location="Politieacademie Apeldoorn"
                )
        for i in range(first, first + count):
            sid = session_id(i)
            recorder = Recorder(
                store,
                loaded.scenario,
                loaded.content_hash,
                trainee=f"T{i + 1:02d}",
                group=group,
                session_id=sid,
                display_name=f"Agent {chr(ord('A') + i % 26)}" if names else None,
            )
            session = Session(
                loaded.scenario,
                seed=i,
                clock=SteppingClock(2.5 + (i * 7) % 11),
                listeners=[recorder],
                scenario_hash=loaded.content_hash,
            )
            play(
                session,
                load_plan(routes[i % len(routes)], plans),
                stop_after=(unfinished or {}).get(i),
                answers=(answers or {}).get(i),
                shared=i in shared,
            )
            ids.append(sid)
    return ids


_STYLE = re.compile(r"<style>.*?</style>", re.S)


def without_styles(html: str) -> str:
    """The page without its <style> blocks: the inlined font's base64 can spell anything, even 'T03'."""
    return _STYLE.sub("", html)
