"""Playthrough plans: choices in, expected ending and state out. Plans are data, like scenarios.

A plan is YAML read with the same strict loader, so a broken plan gets the same positioned messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError

from trainer.engine.errors import EngineError
from trainer.engine.events import EndingReached, NodeEntered
from trainer.engine.session import Session
from trainer.engine.views import Phase
from trainer.model.diagnostics import Diagnostic, ScenarioError
from trainer.model.schema_errors import to_diagnostics
from trainer.model.yaml_source import SourceMap, describe_root, parse_yaml

TIMEOUT = "timeout"
MAX_STEPS = 10_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanRegistration(_Strict):
    grounds: list[str] = Field(default_factory=list)
    legal_basis: str = "geen"
    outcome: str | None = None
    reason: str = ""


class PlanExpectation(_Strict):
    ending: str | None = None
    outcome: str | None = None
    route: list[str] | None = None
    meters: dict[str, StrictInt] = Field(default_factory=dict)
    flags: dict[str, StrictBool] = Field(default_factory=dict)


class Plan(_Strict):
    scenario: str
    description: str = ""
    choices: list[str]
    answers: dict[str, str] = Field(default_factory=dict)
    registration: PlanRegistration = Field(default_factory=PlanRegistration)
    expect: PlanExpectation = Field(default_factory=PlanExpectation)


@dataclass(frozen=True)
class LoadedPlan:
    plan: Plan
    source: SourceMap


def parse_plan(text: str, file: str) -> LoadedPlan:
    """Validate a plan; raises ScenarioError with positions."""
    data, smap = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise ScenarioError([Diagnostic("L009", file, 1, 1, {"found": describe_root(data)})])
    try:
        return LoadedPlan(Plan.model_validate(data), smap)
    except ValidationError as exc:
        raise ScenarioError(to_diagnostics(exc, Plan, data, smap)) from None


class PlanFailure(Exception):
    """The plan does not play as written, or its expectations do not hold. One line, with position."""


def follow(session: Session, loaded: LoadedPlan) -> None:
    """Play `session` along the plan; raise PlanFailure on an impossible step or a failed expectation."""
    plan, smap = loaded.plan, loaded.source
    index = 0
    for _ in range(MAX_STEPS):
        phase = session.phase
        if phase == Phase.DONE:
            break
        if phase == Phase.PLAY:
            view = session.view()
            if view.can_advance:
                session.advance()
                continue
            if index >= len(plan.choices):
                legal = ", ".join(c.id for c in view.choices)
                raise _fail(
                    smap,
                    ("choices",),
                    f"het plan heeft geen keuze meer bij '{view.node_id}' (mogelijk: {legal})",
                )
            wanted = plan.choices[index]
            try:
                session.timeout() if wanted == TIMEOUT else session.choose(wanted)
            except EngineError:
                legal = ", ".join(c.id for c in view.choices) + (f", {TIMEOUT}" if view.timer_seconds else "")
                raise _fail(
                    smap,
                    ("choices", index),
                    f"keuze '{wanted}' kan niet bij '{view.node_id}' (mogelijk: {legal})",
                ) from None
            index += 1
        elif phase == Phase.ENDING:
            session.advance()
        elif phase == Phase.REFLECTION:
            question = session.next_question()
            assert question is not None  # the reflection phase lasts while a question is open
            session.answer(question.id, plan.answers.get(question.id, ""))
        elif phase == Phase.REGISTRATION:
            reg = plan.registration
            outcome = reg.outcome or _ending_outcome(session)
            try:
                session.register(reg.grounds, reg.legal_basis, outcome, reg.reason)
            except EngineError as exc:
                raise _fail(smap, ("registration",), str(exc)) from None
    if index < len(plan.choices):
        raise _fail(
            smap,
            ("choices", index),
            f"het scenario is afgelopen, maar het plan heeft nog {len(plan.choices) - index} keuze(s)",
        )
    check_expectations(session, loaded)


def _ending_outcome(session: Session) -> str:
    return next(
        (e.outcome for e in reversed(session.events) if isinstance(e, EndingReached)), "geen_controle"
    )


def check_expectations(session: Session, loaded: LoadedPlan) -> None:
    expect, smap = loaded.plan.expect, loaded.source
    ending = next((e for e in reversed(session.events) if isinstance(e, EndingReached)), None)
    if expect.ending is not None and (ending is None or ending.node != expect.ending):
        raise _fail(
            smap,
            ("expect", "ending"),
            f"verwacht einde '{expect.ending}', gekregen '{ending.node if ending else '-'}'",
        )
    if expect.outcome is not None and (ending is None or ending.outcome != expect.outcome):
        raise _fail(
            smap,
            ("expect", "outcome"),
            f"verwachte afloop '{expect.outcome}', gekregen '{ending.outcome if ending else '-'}'",
        )
    if expect.route is not None:
        route = [e.node for e in session.events if isinstance(e, NodeEntered)]
        if route != expect.route:
            raise _fail(smap, ("expect", "route"), f"route verschilt: {' → '.join(route)}")
    for name, value in expect.meters.items():
        if session.state.meters.get(name) != value:
            raise _fail(
                smap,
                ("expect", "meters", name),
                f"meter '{name}' is {session.state.meters.get(name)}, verwacht {value}",
            )
    for name, flag in expect.flags.items():
        if session.state.flags.get(name) != flag:
            raise _fail(
                smap,
                ("expect", "flags", name),
                f"vlag '{name}' is {session.state.flags.get(name)}, verwacht {flag}",
            )


def _fail(smap: SourceMap, path: tuple[str | int, ...], message: str) -> PlanFailure:
    line, col = smap.value_pos(path)
    return PlanFailure(f"{smap.file}:{line}:{col}: {message}")
