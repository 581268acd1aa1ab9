"""One session summarised for the cohort report, with the debrief's own judgement.

Pure: a scenario version and a session's record in, a `Summary` out. The record is folded through the
engine's rules by `debrief.runs.read_run` (the same fold the sheet uses); registration honesty is
`debrief.registration.mismatch_kinds` (the same judgement the sheet prints); the casting looks come from the
session's first event, as in `debrief.hof`. A summary is derived data: it is kept per session and
`SUMMARY_VERSION`, and rebuilt when either changes (`debrief.cohort.derived`).
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.cohort.reasons import classify
from debrief.errors import DebriefError
from debrief.registration import mismatch_kinds
from debrief.runs import Run, read_run
from debrief.sources import SessionRecord
from trainer.engine.events import SessionStarted
from trainer.model.casting import pooled_candidates
from trainer.model.scenario import Scenario, SelectionNode

SUMMARY_VERSION = 1
"""Raise when what a summary holds or how it is judged changes: every stored summary is then rebuilt."""

GROUND_KINDS = frozenset({"pretext", "hidden", "missing"})
POWER_KINDS = frozenset({"power_unused", "power_missing"})


@dataclass(frozen=True)
class ChoiceSummary:
    """The first choice made at one decision point."""

    node: str
    step: str
    assessment: str
    seconds: float
    timed_out: bool


@dataclass(frozen=True)
class LookSummary:
    """A pooled person who stood in the selection this session reached: their look, and whether chosen."""

    pool: str
    cast_id: str
    look: str
    selected: bool


@dataclass(frozen=True)
class Summary:
    session_id: str
    scenario_id: str
    fits: bool  # False: the record does not fit its scenario version (left out of every figure, and said)
    finished: bool
    pace: float
    timeouts: int
    choices: tuple[ChoiceSummary, ...]
    seconds: float | None  # until the ending
    registered: bool
    grounds_ok: bool | None  # None: nothing registered
    power_ok: bool | None
    outcome_ok: bool | None
    reason_kind: str | None
    selection_assessment: str | None
    selected_look: str | None  # the look of the selected person when they were pooled
    looks: tuple[LookSummary, ...]
    revotes: int

    @property
    def honest(self) -> bool | None:
        if not self.registered:
            return None
        return bool(self.grounds_ok and self.power_ok and self.outcome_ok)

    @property
    def in_line(self) -> int:
        return sum(c.assessment == "in_lijn" for c in self.choices)


def revote_count(record: SessionRecord) -> int:
    """Revote events in the session's record. The hook for issue 18's "vote, discuss, revote": any event
    type named *revote* counts, so revotes are read as soon as the engine records them."""
    return sum("revote" in event.type for event in record.events)


def unfit(scenario_id: str, record: SessionRecord) -> Summary:
    return Summary(
        record.id,
        scenario_id,
        False,
        record.finished,
        1.0,
        0,
        (),
        None,
        False,
        None,
        None,
        None,
        None,
        None,
        None,
        (),
        0,
    )


def summarise(scenario: Scenario, record: SessionRecord) -> Summary:
    """The session's summary, or an unfit one when its record does not fit the scenario version."""
    try:
        run = read_run(scenario, record, "nl")
    except DebriefError:
        return unfit(scenario.id, record)
    first = record.events[0] if record.events else None
    start = first if isinstance(first, SessionStarted) else None
    kinds = {kind for kind, _about in mismatch_kinds(scenario, run)}
    reg = run.registration
    choices = tuple(
        ChoiceSummary(c.node, c.step, c.assessment, c.seconds, c.timed_out) for c in run.first.values()
    )
    selection = next(
        (c for c in run.first.values() if isinstance(scenario.nodes[c.node], SelectionNode)), None
    )
    looks = _looks(scenario, run, dict(start.casting) if start else {})
    selected_look = next((lk.look for lk in looks if lk.selected), None)
    return Summary(
        session_id=record.id,
        scenario_id=scenario.id,
        fits=True,
        finished=record.finished,
        pace=start.pace if start else 1.0,
        timeouts=sum(run.timeouts.values()),
        choices=choices,
        seconds=run.total_seconds,
        registered=reg is not None,
        grounds_ok=None if reg is None else not (kinds & GROUND_KINDS),
        power_ok=None if reg is None else not (kinds & POWER_KINDS),
        outcome_ok=None if reg is None else "outcome" not in kinds,
        reason_kind=None if reg is None else classify(reg.reason).value,
        selection_assessment=selection.assessment if selection else None,
        selected_look=selected_look,
        looks=looks,
        revotes=revote_count(record),
    )


def _looks(scenario: Scenario, run: Run, casting: dict[str, str]) -> tuple[LookSummary, ...]:
    """Every pooled person standing in a selection this run reached, with the look this session gave them."""
    standing = pooled_candidates(scenario)
    out = []
    for pool in scenario.casting:
        for cast_id in pool.cast:
            if cast_id not in standing or cast_id not in casting:
                continue
            node_id, cand_id = standing[cast_id]
            if node_id not in run.first:
                continue
            out.append(LookSummary(pool.id, cast_id, casting[cast_id], run.first[node_id].choice == cand_id))
    return tuple(out)
