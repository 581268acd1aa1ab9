"""F5 during play: take the moves of the old session again in a session of the edited scenario.

An instructor writing a scenario plays to a node, edits the file and reloads. Starting over at that node
lost the flags and meters the route had set (a conditional line or choice then looked wrong), and starting
from the beginning lost the place. So the moves are replayed through the new session, as far as they still
exist: a choice that is gone, no longer allowed, or that now leads elsewhere stops the replay there, and the
caller says so. When the old path reached its ending, the reflection is taken again too: the same answers
to the questions that are still asked on this route, whether they may be shared, and the registration, so
an instructor who edits a reflection question comes back to the same point.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum

from trainer.engine.errors import EngineError
from trainer.engine.events import (
    ChoiceMade,
    Event,
    NodeEntered,
    ReflectionAnswered,
    ReflectionShared,
    ReflectionStarted,
    RegistrationMade,
    SessionStarted,
    TimedOut,
)
from trainer.engine.session import Session
from trainer.engine.views import Phase


class Stop(StrEnum):
    """Why the replay stopped before the end of the old path."""

    NODE_GONE = "node_gone"  # the node the old path was at no longer exists
    CHOICE_GONE = "choice_gone"  # the node exists but the choice does not
    NOT_ALLOWED = "not_allowed"  # the choice exists but its `when:` does not hold on this route
    NO_TIMER = "no_timer"  # the old path let a timer run out; the node has no timer now
    LEADS_ELSEWHERE = "leads_elsewhere"  # the choice (or `next:`) now goes to another node
    NO_NEXT = "no_next"  # the old path continued past a node that now has no `next:`
    QUESTION_GONE = "question_gone"  # a reflection question answered before is not asked now


@dataclass(frozen=True)
class Replayed:
    """How far the replay came: `done` of `total` moves; where and why it stopped, if it did."""

    done: int
    total: int
    stop: Stop | None = None
    node: str = ""
    choice: str = ""
    then: str = ""  # where the old path went
    now: str = ""  # where the edited scenario goes


@dataclass(frozen=True)
class _Move:
    node: str
    kind: str  # "choose", "timeout" or "advance"
    choice: str
    target: str
    t: float = 0.0  # when it was made in the old session


def moves(events: Sequence[Event]) -> list[_Move]:
    """The old session's moves while in play: choices, timeouts and continuing past a `next:` node."""
    out: list[_Move] = []
    current = ""
    pending_timeout = False
    for i, event in enumerate(events):
        if isinstance(event, SessionStarted):
            current = event.start_node
        elif isinstance(event, TimedOut):
            pending_timeout = True
        elif isinstance(event, ChoiceMade):
            kind = "timeout" if pending_timeout and event.timed_out else "choose"
            out.append(_Move(event.node, kind, event.choice, event.target, event.t))
            pending_timeout = False
        elif isinstance(event, NodeEntered):
            before = events[i - 1] if i > 0 else None
            if before is not None and not isinstance(before, (ChoiceMade, SessionStarted)):
                out.append(_Move(current, "advance", "", event.node, event.t))  # without a choice: `next:`
            current = event.node
    return out


def replay(session: Session, old_events: Sequence[Event], now: float | None = None) -> Replayed:
    """Take the old session's moves in `session` (a fresh session of the edited scenario at the old start
    node, with the old seed) as far as they still exist, each at the second it was first made (so a
    recorded replay keeps the trainee's real times); the session's clock then goes on from `now` (the
    old session's elapsed time), or from the last move taken."""
    result = _replay(session, old_events)
    session.continue_from(now if now is not None else max((e.t for e in session.events), default=0.0))
    return result


def _replay(session: Session, old_events: Sequence[Event]) -> Replayed:
    path = moves(old_events)
    after = [e for e in old_events if isinstance(e, _AFTER_PLAY)]
    total = len(path) + len(after)
    for done, move in enumerate(path):
        stopped = _check(session, move)
        if stopped is not None:
            return Replayed(done, total, *stopped)
        with session.at_time(move.t):
            if move.kind == "choose":
                session.choose(move.choice)
            elif move.kind == "timeout":
                session.timeout()
            else:
                session.advance()
        now = session.node_id or ""
        if now != move.target:
            return Replayed(done + 1, total, Stop.LEADS_ELSEWHERE, move.node, move.choice, move.target, now)
    return _after_play(session, after, len(path), total)


_AFTER_PLAY = (ReflectionStarted, ReflectionAnswered, ReflectionShared, RegistrationMade)


def _after_play(session: Session, after: Sequence[Event], done: int, total: int) -> Replayed:
    """The reflection and registration of the old session, taken again in their order (each at its old
    second), as far as the questions are still asked."""
    for event in after:
        with session.at_time(event.t):
            stop = _take_after(session, event)
        if stop is not None:
            return Replayed(done, total, *stop)
        done += 1
    return Replayed(done, total)


def _take_after(session: Session, event: Event) -> tuple[Stop, str, str] | None:
    if isinstance(event, ReflectionStarted):
        if session.phase == Phase.ENDING:
            session.advance()
    elif isinstance(event, ReflectionAnswered):
        asked = session.phase == Phase.REFLECTION and any(
            q.id == event.question for q in session.rules.questions(session.state)
        )
        if not asked or event.question in session.answers:
            return Stop.QUESTION_GONE, session.node_id or "", event.question
        session.answer(event.question, event.answer)
    elif isinstance(event, ReflectionShared):
        if session.phase == Phase.REFLECTION:
            session.share(event.shared)
    elif isinstance(event, RegistrationMade) and session.phase == Phase.REGISTRATION:
        # a value the edited trainer no longer knows: the form stays open
        with suppress(EngineError):
            session.register(event.grounds, event.legal_basis, event.outcome, event.reason)
    return None


def _check(session: Session, move: _Move) -> tuple[Stop, str, str] | None:
    """Why `move` cannot be taken now, or None when it can."""
    scenario = session.scenario
    node = scenario.nodes.get(move.node)
    if node is None or session.phase != Phase.PLAY or session.node_id != move.node:
        return Stop.NODE_GONE, move.node, move.choice
    if move.kind == "advance":
        return None if session.view().can_advance else (Stop.NO_NEXT, move.node, "")
    if move.kind == "timeout":
        return None if session.view().timer_seconds else (Stop.NO_TIMER, move.node, move.choice)
    if not any(option.id == move.choice for option in session.rules.options.get(move.node, ())):
        return Stop.CHOICE_GONE, move.node, move.choice
    if not any(option.id == move.choice for option in session.choices()):
        return Stop.NOT_ALLOWED, move.node, move.choice
    return None
