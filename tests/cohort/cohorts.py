"""Synthetic cohorts with known properties, played through the real engine, for tests and the benchmark.

Every session is a real `Session` over a bundled scenario, driven by a strategy (which option to take at
each decision point) and recorded by the real `Recorder`, with fixed session ids, dates, groups and sites.
What is known by construction:

- `kader_player(p)`: at every decision point takes an option assessed *in lijn* with probability `p`,
  otherwise one of the others, so a cohort's share in line is about `p` (a pre-test at 0.2 and a post-test at
  0.8 is a cohort that improved; 0.5 and 0.5 one that did not);
- `follows_look(look)`: in a casting scenario selects whoever wears `look`, whatever they do;
  `follows_behaviour(candidate)`: selects the person whose behaviour the report points at, whatever their
  look;
- `honest=True` registers exactly what the route did (the debrief's own reading of it) with a reason that
  names a fact; `honest=False` registers behaviour and WVW 160 as ground and power, with "routinecontrole".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from random import Random

from debrief.registration import powers_of, trigger_of
from debrief.runs import read_run
from debrief.sources import SessionRecord
from tests.conftest import SCENARIOS
from trainer.engine.clock import FakeClock
from trainer.engine.plan import TIMEOUT
from trainer.engine.session import Session
from trainer.engine.views import ChoiceOption, Phase
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.model.scenario import SelectionNode
from trainer.records import RecordStore
from trainer.records.recorder import Recorder

Strategy = Callable[[Session, Sequence[ChoiceOption], Random], str]
"""Which option to take (or TIMEOUT), given the session, the options shown and the player's own RNG."""

_LOADED: dict[str, LoadedScenario] = {}


def loaded(scenario_id: str) -> LoadedScenario:
    if scenario_id not in _LOADED:
        _LOADED[scenario_id] = load_scenario(SCENARIOS / f"{scenario_id}.yaml")
    return _LOADED[scenario_id]


def kader_player(p: float, timeouts: float = 0.0) -> Strategy:
    """In line with probability `p`; lets the timer run out with probability `timeouts` where there is one."""

    def choose(session: Session, options: Sequence[ChoiceOption], rng: Random) -> str:
        if timeouts and session.view().timer_seconds and rng.random() < timeouts:
            return TIMEOUT
        good = [o.id for o in options if o.choice.assessment == "in_lijn"]
        other = [o.id for o in options if o.choice.assessment != "in_lijn"]
        if good and (not other or rng.random() < p):
            return rng.choice(good)
        return rng.choice(other or good)

    return choose


def _selection_first(pick: Callable[[Session, SelectionNode], str | None], rest: Strategy) -> Strategy:
    def choose(session: Session, options: Sequence[ChoiceOption], rng: Random) -> str:
        node = session.view().node
        if isinstance(node, SelectionNode):
            wanted = pick(session, node)
            if wanted is not None and wanted in {o.id for o in options}:
                return wanted
        return rest(session, options, rng)

    return choose


def follows_look(look: str, rest: Strategy | None = None) -> Strategy:
    """Selects the candidate whose pooled person wears `look` in this session."""

    def pick(session: Session, node: SelectionNode) -> str | None:
        wearing = {cast_id for cast_id, worn in session.casting.items() if worn == look}
        return next((c.id for c in node.candidates if wearing & set(c.cast)), None)

    return _selection_first(pick, rest or kader_player(0.5))


def follows_behaviour(candidate: str, rest: Strategy | None = None) -> Strategy:
    """Selects `candidate` (a person by what they do), whatever they look like."""
    return _selection_first(lambda _s, _n: candidate, rest or kader_player(0.5))


@dataclass(frozen=True)
class Cohort:
    """One group: `trainees` people each playing `scenario` once on `date`, at `site`."""

    group: str
    site: str
    date: str  # YYYY-MM-DD
    scenario: str
    trainees: int
    strategy: Strategy
    honest: bool = True
    slow: float = 0.0  # share of trainees who play at the slower tempo
    trainee_prefix: str = ""  # the same prefix in two cohorts: the same people (pre- and post-test)
    seed: int = 0
    codes: tuple[str, ...] = field(default=())

    def code(self, i: int) -> str:
        return self.codes[i] if self.codes else f"{self.trainee_prefix or self.group[:3].upper()}{i:03d}"


def play(session: Session, strategy: Strategy, rng: Random, *, honest: bool) -> None:
    """Drive one session to its end: the strategy's choices, empty reflections, then a registration."""
    while session.phase != Phase.DONE:
        if session.phase == Phase.PLAY:
            view = session.view()
            if view.can_advance:
                session.advance()
                continue
            wanted = strategy(session, view.choices, rng)
            session.timeout() if wanted == TIMEOUT else session.choose(wanted)
        elif session.phase == Phase.ENDING:
            session.advance()
        elif session.phase == Phase.REFLECTION:
            question = session.next_question()
            assert question is not None
            session.answer(question.id, "")
        elif session.phase == Phase.REGISTRATION:
            _register(session, honest)


def _register(session: Session, honest: bool) -> None:
    reached = next(e for e in reversed(session.events) if e.type == "ending_reached")
    outcome = getattr(reached, "outcome", "geen_controle")
    if not honest:
        session.register(["gedrag"], "wvw_160", outcome, "Routinecontrole.")
        return
    record = SessionRecord("x", "x", None, None, session.content_hash, "", False, tuple(session.events))
    run = read_run(session.scenario, record, "nl")
    powers = powers_of(run)
    session.register(
        trigger_of(session.scenario, run),
        powers[0] if powers else "geen",
        outcome,
        "Gezien: gedrag ter plaatse en de melding; de afloop zoals gebeurd.",
    )


def record_cohort(store: RecordStore, cohort: Cohort, first_id: int, wall: DateWall) -> list[str]:
    """Play and record one cohort; session ids count up from `first_id`. Returns the ids."""
    scenario = loaded(cohort.scenario)
    with store.transaction() as conn:
        store.ensure_group(conn, cohort.group, date=cohort.date, location=cohort.site)
    ids = []
    for i in range(cohort.trainees):
        sid = f"c0{first_id + i:030x}"
        rng = Random(f"{cohort.group}/{cohort.scenario}/{cohort.seed}/{i}")
        wall.day = cohort.date
        recorder = Recorder(
            store,
            scenario.scenario,
            scenario.content_hash,
            trainee=cohort.code(i),
            group=cohort.group,
            session_id=sid,
        )
        session = Session(
            scenario.scenario,
            seed=first_id + i,
            clock=ThinkingClock(0.5 + rng.random()),
            listeners=[recorder],
            scenario_hash=scenario.content_hash,
            casting_place=i,
            pace=1.5 if rng.random() < cohort.slow else 1.0,
        )
        play(session, cohort.strategy, rng, honest=cohort.honest)
        ids.append(sid)
    return ids


class ThinkingClock(FakeClock):
    """Every reading moves the clock on by `step` seconds, so choices take time to decide (the debrief's
    SteppingClock, with a step per trainee)."""

    def __init__(self, step: float) -> None:
        super().__init__()
        self.step = step

    def now(self) -> float:
        self.t += self.step
        return self.t


class DateWall:
    """A wall clock that says the cohort's day (seconds counting up), so sessions fall in known periods."""

    def __init__(self) -> None:
        self.day = "2026-01-01"
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"{self.day}T09:{self.n // 60 % 60:02d}:{self.n % 60:02d}.000"


def record_all(store: RecordStore, cohorts: Sequence[Cohort]) -> list[str]:
    """Every cohort into one store, ids counting on from cohort to cohort."""
    wall = store.wall if isinstance(store.wall, DateWall) else None
    assert wall is not None, "open the store with wall=DateWall()"
    ids: list[str] = []
    for cohort in cohorts:
        ids += record_cohort(store, cohort, len(ids), wall)
    return ids
