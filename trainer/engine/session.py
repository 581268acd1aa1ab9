"""Session: the only host API. It says what to show now, takes choices and emits events.

Hosts (the pygame UI, the headless runner, tests) never touch the Machine. Every event is handed to the
listeners synchronously, before the call that caused it returns, so a recorder can commit it before the
host shows its consequence.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from trainer.engine.clock import Clock, MonotonicClock
from trainer.engine.errors import EngineError
from trainer.engine.events import (
    ChoiceMade,
    EndingReached,
    Event,
    NodeEntered,
    ReflectionAnswered,
    ReflectionShared,
    ReflectionStarted,
    RegistrationMade,
    SessionFinished,
    SessionStarted,
    TimedOut,
)
from trainer.engine.machine import ADVANCE, DONE, REFLECTION, REGISTRATION, machine_for, trigger_name
from trainer.engine.order import LAST, shown_order
from trainer.engine.rules import GameState, apply, holds, visible
from trainer.engine.views import ChoiceOption, Phase, View
from trainer.model.graph import NOBODY, node_choices
from trainer.model.loader import content_hash
from trainer.model.scenario import Choice, EndingNode, Scenario, SceneNode, SelectionNode
from trainer.model.vocabulary import Ground, LegalBasis, Outcome

Listener = Callable[[Event], None]
_AFTER_PHASES = {REFLECTION: Phase.REFLECTION, REGISTRATION: Phase.REGISTRATION, DONE: Phase.DONE}


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
    ) -> None:
        start = start_node or scenario.start
        if start not in scenario.nodes:
            raise EngineError(f"onbekend startknooppunt '{start}'")
        self.scenario = scenario
        self.content_hash = scenario_hash or content_hash(scenario)
        self.seed = seed
        self.lang = lang
        self.clock = clock or MonotonicClock()
        self.start_node = start
        self.listeners: list[Listener] = list(listeners)
        self.events: list[Event] = []
        self.state = GameState.initial(scenario)
        self.answers: dict[str, str] = {}
        self._built = machine_for(scenario)
        self._options = {nid: list(node_choices(scenario, nid)) for nid in scenario.nodes}
        self._rng = random.Random(seed)  # only the choice order draws from it, so replays reproduce it
        self._order: tuple[str, ...] = ()
        self._pos = _Position(start)
        self._t0 = self.clock.now()
        self._entered_at = 0.0
        self._replay_t: float | None = None
        self._emit(SessionStarted(0.0, scenario.id, scenario.version, self.content_hash, seed, lang, start))
        self._enter(start, 0.0)

    # --- reading ---

    def elapsed(self) -> float:
        if self._replay_t is not None:
            return self._replay_t
        return self.clock.now() - self._t0

    @property
    def node_id(self) -> str | None:
        return self._pos.state if self._pos.state in self.scenario.nodes else None

    @property
    def phase(self) -> Phase:
        state = self._pos.state
        if state in _AFTER_PHASES:
            return _AFTER_PHASES[state]
        return Phase.ENDING if isinstance(self.scenario.nodes[state], EndingNode) else Phase.PLAY

    def choices(self) -> tuple[ChoiceOption, ...]:
        """The legal choices now, in the order shown (recorded in the NodeEntered event)."""
        if self._pos.state not in self._options:
            return ()
        by_id = {
            cid: ChoiceOption(cid, step, choice) for cid, step, choice, _ in self._options[self._pos.state]
        }
        return tuple(by_id[cid] for cid in self._order)

    def _legal(self, node_id: str) -> list[tuple[str, str | None]]:
        """(id, pin) of the choices legal on entering a node, in authored order. 'Nobody' is always last."""
        return [
            (cid, LAST if cid == NOBODY else (choice.pin if isinstance(choice, Choice) else None))
            for cid, _step, choice, _ in self._options[node_id]
            if not choice.when or holds(choice.when, self.state)
        ]

    def view(self) -> View:
        node_id = self.node_id
        node = self.scenario.nodes[node_id] if node_id else None
        timer: int | None = None
        if isinstance(node, SelectionNode):
            timer = node.time_limit
        elif isinstance(node, SceneNode) and node.timer is not None:
            timer = node.timer.seconds
        can_advance = (
            isinstance(node, SceneNode) and not node.choices and node.next is not None
        ) or isinstance(node, EndingNode)
        return View(
            phase=self.phase,
            node_id=node_id,
            node=node,
            choices=self.choices(),
            timer_seconds=timer,
            can_advance=can_advance,
            question=self.next_question(),
            flags=dict(self.state.flags),
            meters=dict(self.state.meters),
            lines=visible(getattr(node, "lines", ()), self.state),
            last_question=self.phase == Phase.REFLECTION
            and sum(q.id not in self.answers for q in self.scenario.reflection) == 1,
        )

    def next_question(self) -> Any:
        if self.phase != Phase.REFLECTION:
            return None
        return next((q for q in self.scenario.reflection if q.id not in self.answers), None)

    # --- acting ---

    def choose(self, choice_id: str) -> None:
        """Take a legal choice at the current node."""
        self._choose(choice_id, self.elapsed(), timed_out=False)

    def timeout(self) -> None:
        """The node's timer ran out: take its default (a selection defaults to addressing nobody)."""
        node_id = self.node_id
        node = self.scenario.nodes.get(node_id) if node_id else None
        if isinstance(node, SelectionNode):
            default = node.default or NOBODY
        elif isinstance(node, SceneNode) and node.timer is not None and node.timer.default:
            default = node.timer.default
        else:
            raise EngineError("hier loopt geen tijd")
        t = self.elapsed()
        self._emit(TimedOut(t, node_id or "", default))
        self._choose(default, t, timed_out=True)

    def advance(self) -> None:
        """Continue past a node without choices, or from an ending to the reflection."""
        state = self._pos.state
        event = self._built.events.get(trigger_name(state, ADVANCE))
        if event is None or state in (REFLECTION, REGISTRATION):
            raise EngineError("hier kun je niet verder zonder een keuze")
        event.trigger(self._pos, self.state)
        t = self.elapsed()
        if self._pos.state == REFLECTION:
            self._emit(ReflectionStarted(t))
        else:
            self._enter(self._pos.state, t)

    def answer(self, question_id: str, text: str) -> None:
        """Store a reflection answer; after the last one the registration form follows."""
        if self.phase != Phase.REFLECTION:
            raise EngineError("er staan nu geen reflectievragen open")
        question = next((q for q in self.scenario.reflection if q.id == question_id), None)
        if question is None:
            raise EngineError(f"onbekende reflectievraag '{question_id}'")
        self.answers[question_id] = text
        self._emit(ReflectionAnswered(self.elapsed(), question_id, question.step.value, text))
        if self.next_question() is None:
            self._built.events[trigger_name(REFLECTION, ADVANCE)].trigger(self._pos, self.state)

    def share(self, shared: bool) -> None:
        """The trainee's "mag gedeeld worden" answer, asked with the last reflection question (default: no)."""
        if self.phase != Phase.REFLECTION:
            raise EngineError("er staan nu geen reflectievragen open")
        self._emit(ReflectionShared(self.elapsed(), bool(shared)))

    def register(self, grounds: Iterable[str], legal_basis: str, outcome: str, reason: str) -> None:
        """The trainee's registration of the stop (MEOS/Proco); ends the session."""
        if self.phase != Phase.REGISTRATION:
            raise EngineError("het registratieformulier is nu niet open")
        grounds = tuple(grounds)
        try:
            for g in grounds:
                Ground(g)
            LegalBasis(legal_basis)
            Outcome(outcome)
        except ValueError as exc:
            raise EngineError(f"ongeldige registratie: {exc}") from None
        t = self.elapsed()
        self._emit(RegistrationMade(t, grounds, legal_basis, outcome, reason))
        self._built.events[trigger_name(REGISTRATION, ADVANCE)].trigger(self._pos, self.state)
        self._emit(SessionFinished(t))

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    # --- internals ---

    def _choose(self, choice_id: str, t: float, *, timed_out: bool) -> None:
        source = self._pos.state
        event = self._built.events.get(trigger_name(source, choice_id))
        if event is None or not event.trigger(self._pos, self.state):
            raise EngineError(f"keuze '{choice_id}' is hier niet mogelijk")
        cid, step, choice, _ = next(o for o in self._options[source] if o[0] == choice_id)
        apply(choice.effects, self.state)
        self._emit(
            ChoiceMade(
                t,
                source,
                cid,
                step.value,
                choice.assessment.value,
                choice.goto,
                round(t - self._entered_at, 3),
                timed_out,
                tuple(g.value for g in choice.grounds),
                tuple(g.value for g in choice.real_trigger),
                choice.legal_basis.value if choice.legal_basis else None,
                tuple(choice.values),
            )
        )
        self._enter(choice.goto, t)

    def _enter(self, node_id: str, t: float) -> None:
        # The state only changes by a choice, which leaves the node: the legal set is fixed on entry.
        self._entered_at = t
        self._order = shown_order(self._legal(node_id), self._rng)
        self._emit(NodeEntered(t, node_id, self._order))
        node = self.scenario.nodes[node_id]
        if isinstance(node, EndingNode):
            self._emit(EndingReached(t, node_id, node.outcome.value))

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
            raise EngineError("het verslag begint niet met de start van een sessie")
        first = events[0]
        session = cls(
            scenario,
            seed=first.seed,
            lang=first.lang,
            clock=clock,
            start_node=first.start_node,
            scenario_hash=scenario_hash,
        )
        if first.content_hash != session.content_hash:
            raise EngineError(
                "het verslag hoort bij een andere versie van het scenario (inhoudshash verschilt)"
            )
        session._replay(events)
        session.listeners = list(listeners)
        return session

    def _replay(self, events: list[Event]) -> None:
        for i, recorded in enumerate(events):
            if i < len(self.events):
                if not self._matches(i, recorded):
                    raise EngineError(f"gebeurtenis {i + 1} past niet bij het scenario: {recorded.type}")
                continue
            self._replay_t = recorded.t
            try:
                self._replay_command(recorded)
            except EngineError as exc:
                raise EngineError(
                    f"gebeurtenis {i + 1} ({recorded.type}) is niet na te spelen: {exc}"
                ) from None
            finally:
                self._replay_t = None
            if i >= len(self.events) or not self._matches(i, recorded):
                raise EngineError(f"gebeurtenis {i + 1} past niet bij het scenario: {recorded.type}")
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
            self._order = tuple(cid for cid, _pin in self._legal(recorded.node))
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
        else:
            raise EngineError(f"onverwachte gebeurtenis {event.type}")
