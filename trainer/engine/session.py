"""Session: the only host API. It says what to show now, takes choices and emits events.

Hosts (the pygame UI, the headless runner, tests) never touch the Machine. Every event is handed to the
listeners synchronously, before the call that caused it returns, so a recorder can commit it before the
host shows its consequence.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from transitions import MachineError

from trainer.engine.casting import casting_rng, draw_casting
from trainer.engine.clock import Clock, MonotonicClock
from trainer.engine.errors import EngineError
from trainer.engine.events import (
    ChoiceMade,
    ChoiceMadeFields,
    Event,
    NodeEntered,
    ReflectionAnswered,
    ReflectionShared,
    ReflectionStarted,
    RegistrationMade,
    RevoteCast,
    SessionFinished,
    SessionStarted,
    TimedOut,
)
from trainer.engine.machine import machine_for
from trainer.engine.perspective import perspective_pages
from trainer.engine.revote import vote_event
from trainer.engine.rules import ADVANCE, REFLECTION, REGISTRATION, Move, rules_for
from trainer.engine.state import GameState
from trainer.engine.views import ChoiceOption, Phase, View
from trainer.model.casting import apply_looks
from trainer.model.scenario import ReflectionQuestion, Scenario
from trainer.model.vocabulary import Ground, LegalBasis, Outcome

Listener = Callable[[Event], None]
_new = tuple.__new__  # a View or an event from its fields in order, without the keyword binding
MAX_PACE = 3.0  # the slowest tempo: timers three times as long


class _Position:
    """The object the Machine moves: it holds only the current state name."""

    __slots__ = ("state",)

    def __init__(self, state: str) -> None:
        self.state = state


class Session:
    """One trainee's run through one scenario."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        lang: str = "nl",
        clock: Clock | None = None,
        start_node: str | None = None,
        listeners: Iterable[Listener] = (),
        scenario_hash: str | None = None,
        pace: float = 1.0,
        casting_place: int | None = None,
        casting_from: str | None = None,
    ) -> None:
        start = start_node or scenario.start
        if not 1.0 <= pace <= MAX_PACE:
            raise EngineError(f"tempo {pace} buiten 1 tot {MAX_PACE}", f"pace {pace} outside 1 to {MAX_PACE}")
        if start not in scenario.nodes:
            raise EngineError(f"onbekend startknooppunt '{start}'", f"unknown start node '{start}'")
        self.scenario = scenario
        self.rules = rules_for(scenario)
        self.content_hash = scenario_hash or self.rules.content_hash
        self.seed = seed
        self.lang = lang
        self.pace = pace  # the slower tempo: timers last `pace` times as long
        self.clock = clock or MonotonicClock()
        self.start_node = start
        self.listeners: list[Listener] = list(listeners)
        self.events: list[Event] = []
        self._state: GameState = self.rules.initial  # the casting joins it below, once drawn
        self.answers: dict[str, str] = {}
        self._built = machine_for(scenario)
        self._rng = random.Random(seed)  # only the choice order draws from it, so replays reproduce it
        # The casting draws from its own stream of the same seed: adding a pool to a scenario leaves the
        # choice orders of its sessions as they were.
        self.casting_place = casting_place
        self.casting: dict[str, str] = draw_casting(scenario, casting_rng(seed), casting_place)
        self._state = self.rules.start_state(self.casting)  # a `when:` on a look reads it from the state
        self._shown: tuple[ChoiceOption, ...] = ()  # the legal choices in the order drawn on entry
        self._visited: dict[str, None] = {}  # nodes entered so far, in order (a dict: each once)
        self._visited_t: tuple[str, ...] = ()  # the same as a tuple, for the view
        self._pos = _Position(start)
        # The view of now, built on the first view() after a change; every change (of node, state, order
        # shown or answers) drops it, so a view is never served stale.
        self._view: View | None = None
        self._t0 = self.clock.now()
        self._entered_at = 0.0
        self._replay_t: float | None = None
        self._emit(
            SessionStarted(
                0.0,
                scenario.id,
                scenario.version,
                self.content_hash,
                seed,
                lang,
                start,
                pace=pace,
                casting=dict(self.casting),
                casting_place=casting_place,
                casting_from=casting_from if casting_place is not None else None,
            )
        )
        self._enter(start, 0.0)

    # --- reading ---

    def elapsed(self) -> float:
        if self._replay_t is not None:
            return self._replay_t
        return self.clock.now() - self._t0

    @property
    def shown_scenario(self) -> Scenario:
        """The scenario as this session shows it: every pooled cast member in the look drawn for them. The
        art, names, perspective pages and transcript read this; the rules read `scenario`."""
        return apply_looks(self.scenario, self.casting)

    @property
    def node_id(self) -> str | None:
        return self._pos.state if self._pos.state in self.scenario.nodes else None

    @property
    def phase(self) -> Phase:
        return self.rules.phases[self._pos.state]

    @property
    def state(self) -> GameState:
        """The flags and meters of this run (immutable; a choice replaces it)."""
        return self._state

    @state.setter
    def state(self, state: GameState) -> None:
        self._state = state
        self._view = None

    def choices(self) -> tuple[ChoiceOption, ...]:
        """The legal choices now, in the order shown (recorded in the NodeEntered event): the view's."""
        return self._shown

    def view(self) -> View:
        """What to show now; built once per change of node, state, order shown or answers."""
        view = self._view
        if view is not None:
            return view
        rules, state, position = self.rules, self._state, self._pos.state
        phase, node_id, node, timer, can_advance = rules.heads[position]
        if timer and self.pace != 1.0:
            timer = self._timer(position)  # the slower tempo lengthens it
        if phase is Phase.PLAY or phase is Phase.ENDING:  # the host's hot path: the tuple, positionally
            lines = rules.lines(position, state)
            view = _new(
                View,
                (phase, node_id, node, self._shown, timer, can_advance, None, state.flags, state.meters)
                + (lines, self._visited_t, False, ()),  # no question, not the last one, no perspective yet
            )
            self._view = view
            return view
        self._view = View(
            phase=phase,
            node_id=node_id,
            node=node,
            choices=self._shown,
            timer_seconds=timer,
            can_advance=can_advance,
            question=self.next_question() if phase == Phase.REFLECTION else None,
            flags=state.flags,
            meters=state.meters,
            lines=rules.lines(position, state),
            visited=self._visited_t,
            last_question=phase == Phase.REFLECTION
            and sum(q.id not in self.answers for q in self.rules.questions(state)) == 1,
            perspective=perspective_pages(self.shown_scenario, self.events, self.lang)
            if phase == Phase.DONE
            else (),
        )
        return self._view

    def time_left(self) -> float | None:
        """Seconds left on the current node's timer (negative once it has run out); None without a timer.
        Hosts ask this every frame, so it reads the clock but builds nothing."""
        seconds = self._timer(self._pos.state)
        if not seconds:
            return None
        return seconds - (self.elapsed() - self._entered_at)

    def _timer(self, position: str) -> int | None:
        """The node's timer in seconds at this session's pace (the rules' seconds, lengthened when slow)."""
        seconds = self.rules.timers.get(position)
        return math.ceil(seconds * self.pace) if seconds else seconds

    def next_question(self) -> ReflectionQuestion | None:
        if self.phase != Phase.REFLECTION:
            return None
        return next((q for q in self.rules.questions(self.state) if q.id not in self.answers), None)

    # --- acting ---

    def choose(self, choice_id: str) -> None:
        """Take a legal choice at the current node. Someone who has left the street cannot be addressed."""
        t = self.elapsed()
        if self._pos.state in self.rules.leaving:  # a street someone walks out of
            self.rules.check_present(self._pos.state, choice_id, (t - self._entered_at) / self.pace)
        self._choose(choice_id, t, False)

    def seconds_here(self) -> float:
        """The selection street's own clock: seconds since the current node was entered, slowed by the pace.

        The slower tempo lengthens the timer by `pace`; beats are written against the scenario's time limit,
        so the street plays them `pace` times slower and everyone leaves at the same point of the timer.
        """
        return (self.elapsed() - self._entered_at) / self.pace

    def departed(self) -> frozenset[str]:
        """Candidates at the current node who have left the street by now."""
        here = self.seconds_here()
        node = self._pos.state
        return frozenset(
            cid
            for (nid, cid), _t in self.rules.leaves.items()
            if nid == node and self.rules.gone(nid, cid, here)
        )

    def timeout(self) -> None:
        """The node's timer ran out: take its default (a selection defaults to addressing nobody)."""
        node_id = self._pos.state
        default = self.rules.timeout_choice(node_id)
        t = self.elapsed()
        self._emit(TimedOut(t, node_id, default))
        self._choose(default, t, True)

    def advance(self) -> None:
        """Continue past a node without choices, or from an ending to the reflection."""
        source = self._pos.state
        if source in (REFLECTION, REGISTRATION):
            raise EngineError(
                "hier kun je niet verder zonder een keuze", "you cannot go on here without a choice"
            )
        self._fire(self.rules.step(source, self.state, ADVANCE))
        t = self.elapsed()
        if self._pos.state == REFLECTION:
            self._emit(ReflectionStarted(t))
        else:
            self._enter(self._pos.state, t)

    def answer(self, question_id: str, text: str) -> None:
        """Store a reflection answer; after the last one the registration form follows."""
        if self.phase != Phase.REFLECTION:
            raise EngineError("er staan nu geen reflectievragen open", "no reflection questions are open now")
        question = next((q for q in self.rules.questions(self.state) if q.id == question_id), None)
        if question is None:
            raise EngineError(
                f"onbekende reflectievraag '{question_id}'", f"unknown reflection question '{question_id}'"
            )
        self.answers[question_id] = text
        self._view = None
        self._emit(ReflectionAnswered(self.elapsed(), question_id, question.step.value, text))
        if self.next_question() is None:
            self._fire(self.rules.step(REFLECTION, self.state, ADVANCE))

    def share(self, shared: bool) -> None:
        """The trainee's "mag gedeeld worden" answer, asked with the last reflection question (default no)."""
        if self.phase != Phase.REFLECTION:
            raise EngineError("er staan nu geen reflectievragen open")
        self._emit(ReflectionShared(self.elapsed(), bool(shared)))

    def register(self, grounds: Iterable[str], legal_basis: str, outcome: str, reason: str) -> None:
        """The trainee's registration of the stop (MEOS/Proco); ends the session."""
        if self.phase != Phase.REGISTRATION:
            raise EngineError(
                "het registratieformulier is nu niet open", "the registration form is not open now"
            )
        grounds = tuple(grounds)
        try:
            for g in grounds:
                Ground(g)
            LegalBasis(legal_basis)
            Outcome(outcome)
        except ValueError as exc:
            raise EngineError(f"ongeldige registratie: {exc}", f"invalid registration: {exc}") from None
        t = self.elapsed()
        self._emit(RegistrationMade(t, grounds, legal_basis, outcome, reason))
        self._fire(self.rules.step(REGISTRATION, self.state, ADVANCE))
        self._emit(SessionFinished(t))

    def cast_revote(self, revote_id: str, node_id: str, choice_id: str) -> RevoteCast:
        """The trainee's vote in a group revote of decision `node_id`: recorded, nothing moves. Allowed in
        any phase (the gespreksleider may open a revote before everyone has finished)."""
        event = vote_event(self.scenario, revote_id, node_id, choice_id, self.elapsed())
        self._emit(event)
        return event

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    # --- internals ---

    def _choose(self, choice_id: str, t: float, timed_out: bool) -> None:
        source = self._pos.state
        move = self._fire(self.rules.step(source, self._state, choice_id))
        option = move.option
        assert option is not None
        fields: ChoiceMadeFields = (
            t,
            source,
            option.id,
            option.step_value,
            option.assessment,
            move.target,
            round(t - self._entered_at, 3),
            timed_out,
            option.grounds,
            option.real_trigger,
            option.legal_basis,
            option.values,
        )
        made = _new(ChoiceMade, fields)  # the record from its checked fields (see ChoiceMadeFields)
        self._emit(made)
        self._enter(move.target, t)

    def _fire(self, move: Move) -> Move:
        """Let the Machine carry out a move the rules allowed, and take on the move's state."""
        try:
            self._built.fire(self._pos, move.trigger)
        except MachineError as exc:
            raise EngineError(str(exc.value), str(exc.value)) from None
        if self._pos.state != move.target:  # the Machine and the rules were built from the same scenario
            raise EngineError(
                f"de machine staat in '{self._pos.state}', de regels zeggen '{move.target}'",
                f"the machine is in '{self._pos.state}', the rules say '{move.target}'",
            )
        self._state = move.state
        self._view = None
        return move

    def _enter(self, node_id: str, t: float) -> None:
        # The state only changes by a choice, which leaves the node: the order drawn on entry holds.
        self._entered_at = t
        if node_id not in self._visited:
            self._visited[node_id] = None
            self._visited_t += (node_id,)
        shown, events = self.rules.enter(node_id, self._state, t, self._rng)
        self._shown = shown
        self._view = None
        for event in events:
            self._emit(event)

    def _show(self, node_id: str, shown: tuple[ChoiceOption, ...]) -> None:
        # A node may be entered again in the same state (a loop): the view is rebuilt for the new order.
        self._shown = shown
        self._view = None

    def _emit(self, event: Event) -> None:
        self.events.append(event)
        for listener in self.listeners:
            listener(event)

    # --- replay ---

    @classmethod
    def from_events(
        cls,
        scenario: Scenario,
        events: list[Event],
        *,
        clock: Clock | None = None,
        listeners: Iterable[Listener] = (),
        scenario_hash: str | None = None,
    ) -> Session:
        """Rebuild a session by replaying its recorded events through the engine.

        The replay regenerates every event and compares it with the record, so a record that does not fit
        the scenario is refused rather than silently diverging. Listeners only hear events after the replay.
        """
        if not events or not isinstance(events[0], SessionStarted):
            raise EngineError(
                "het verslag begint niet met de start van een sessie",
                "the record does not begin with a session start",
            )
        first = events[0]
        session = cls(
            scenario,
            seed=first.seed,
            lang=first.lang,
            clock=clock,
            start_node=first.start_node,
            scenario_hash=scenario_hash,
            pace=first.pace,
            casting_place=first.casting_place,
            casting_from=first.casting_from,
        )
        if first.content_hash != session.content_hash:
            raise EngineError(
                "het verslag hoort bij een andere versie van het scenario (inhoudshash verschilt)",
                "the record belongs to another version of the scenario (content hash differs)",
            )
        session._replay(events)
        session.listeners = list(listeners)
        return session

    @contextmanager
    def at_time(self, t: float) -> Iterator[None]:
        """Take the moves made inside at second `t` of the session (F5 taking an old path again: each
        move keeps the time it was first made, so the record says how long the trainee really thought)."""
        self._replay_t = t
        try:
            yield
        finally:
            self._replay_t = None

    def continue_from(self, t: float) -> None:
        """Let the session's clock go on from second `t` (after taking an old path again)."""
        self._t0 = self.clock.now() - t

    def _replay(self, events: list[Event]) -> None:
        for i, recorded in enumerate(events):
            if i < len(self.events):
                if not self._matches(i, recorded):
                    raise _misfit(i, recorded)
                continue
            self._replay_t = recorded.t
            try:
                self._replay_command(recorded)
            except EngineError as exc:
                raise EngineError(
                    f"gebeurtenis {i + 1} ({recorded.type}) is niet na te spelen: {exc.nl}",
                    f"event {i + 1} ({recorded.type}) cannot be replayed: {exc.en}",
                ) from None
            finally:
                self._replay_t = None
            if i >= len(self.events) or not self._matches(i, recorded):
                raise _misfit(i, recorded)
        last_t = events[-1].t if events else 0.0
        self._t0 = self.clock.now() - last_t

    def _matches(self, i: int, recorded: Event) -> bool:
        """Whether regenerated event i is the recorded one.

        A record from before the seeded order has NodeEntered events without an order: it showed the
        authored order, so that node keeps it and the record stays as it was.
        """
        mine = self.events[i]
        if mine == recorded:
            return True
        if not (isinstance(recorded, NodeEntered) and isinstance(mine, NodeEntered)) or recorded.order:
            return False
        if replace(mine, order=()) != recorded:
            return False
        self.events[i] = recorded
        if self.node_id == recorded.node:
            self._show(recorded.node, self.rules.legal(recorded.node, self.state))
        return True

    def _replay_command(self, event: Event) -> None:
        if isinstance(event, TimedOut):
            self.timeout()
        elif isinstance(event, ChoiceMade):
            self.choose(event.choice)
        elif isinstance(event, (NodeEntered, ReflectionStarted)):
            self.advance()
        elif isinstance(event, ReflectionAnswered):
            self.answer(event.question, event.answer)
        elif isinstance(event, ReflectionShared):
            self.share(event.shared)
        elif isinstance(event, RegistrationMade):
            self.register(event.grounds, event.legal_basis, event.outcome, event.reason)
        elif isinstance(event, RevoteCast):
            self.cast_revote(event.revote_id, event.node, event.choice)
        else:
            raise EngineError(f"onverwachte gebeurtenis {event.type}", f"unexpected event {event.type}")


def _misfit(index: int, recorded: Event) -> EngineError:
    return EngineError(
        f"gebeurtenis {index + 1} past niet bij het scenario: {recorded.type}",
        f"event {index + 1} does not fit the scenario: {recorded.type}",
    )
