"""One session's record read against its scenario: the choices, where they led, and the state at the end.

Pure: the events are folded with the engine's own transition function (`Rules.step`), never replayed through a
clock.
A record that names a node or choice the scenario does not have is refused with a one-line error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from debrief.errors import fail
from debrief.sources import SessionRecord
from debrief.words import clip
from trainer.engine.errors import EngineError
from trainer.engine.events import (
    ChoiceMade,
    EndingReached,
    NodeEntered,
    ReflectionAnswered,
    ReflectionShared,
    RegistrationMade,
    SessionStarted,
    TimedOut,
)
from trainer.engine.rules import GameState, rules_for
from trainer.model.graph import Graph
from trainer.model.scenario import Scenario, SceneNode, SelectionNode
from trainer.model.vocabulary import CastKind


@dataclass
class Run:
    record: SessionRecord
    choices: list[ChoiceMade] = field(default_factory=list)
    first: dict[str, ChoiceMade] = field(default_factory=dict)  # node → the first choice made there
    # per choice made, every legal basis its option names (a choice may name several; the event keeps the
    # first, so the scenario is read for the rest)
    bases: list[tuple[str, ...]] = field(default_factory=list)
    timeouts: dict[str, int] = field(default_factory=dict)
    nodes: list[str] = field(default_factory=list)
    ending: EndingReached | None = None
    answers: dict[str, str] = field(default_factory=dict)
    shared: bool = False  # "mag gedeeld worden": no answer means no
    registration: RegistrationMade | None = None
    state: GameState | None = None

    @property
    def total_seconds(self) -> float | None:
        return self.ending.t if self.ending else None

    @property
    def slow(self) -> bool:
        """Played at the slower tempo (every timer longer), as the session's first event records."""
        first = self.record.events[0] if self.record.events else None
        return isinstance(first, SessionStarted) and first.pace > 1.0


def read_run(scenario: Scenario, record: SessionRecord, lang: str) -> Run:
    """Fold one session's events through the rules; a record that does not fit the scenario is refused."""
    rules = rules_for(scenario)
    first = record.events[0] if record.events else None
    # a `when:` on a look reads the session's recorded casting, as it did in play
    state = rules.start_state(first.casting) if isinstance(first, SessionStarted) else rules.initial
    run = Run(record, state=state)
    for event in record.events:
        if isinstance(event, ChoiceMade):
            try:
                move = rules.step(event.node, state, event.choice)
            except (EngineError, KeyError):
                raise fail(
                    "no_fit", lang, session=record.id[:8], problem=f"{event.node}.{event.choice}"
                ) from None
            if move.target != event.target:
                raise fail("no_fit", lang, session=record.id[:8], problem=f"{event.node}.{event.choice}")
            state = run.state = move.state
            run.choices.append(event)
            run.bases.append(move.option.legal_bases if move.option else ())
            run.first.setdefault(event.node, event)
        elif isinstance(event, NodeEntered):
            if event.node not in scenario.nodes:
                raise fail("no_fit", lang, session=record.id[:8], problem=event.node)
            run.nodes.append(event.node)
        elif isinstance(event, TimedOut):
            run.timeouts[event.node] = run.timeouts.get(event.node, 0) + 1
        elif isinstance(event, EndingReached):
            run.ending = event
        elif isinstance(event, ReflectionAnswered):
            run.answers[event.question] = event.answer
        elif isinstance(event, ReflectionShared):
            run.shared = event.shared
        elif isinstance(event, RegistrationMade):
            run.registration = event
    return run


def story_order(scenario: Scenario) -> dict[str, int]:
    """Nodes in the order a reader meets them: depth-first from the start, choices in authored order.

    Stored scenario snapshots keep lists in order but sort mappings (nodes), so the order is rebuilt from the
    graph; nodes no route reaches come last, by id.
    """
    graph = Graph.of(scenario)
    order: dict[str, int] = {}
    stack = [scenario.start]
    while stack:
        node = stack.pop()
        if node in order or node not in scenario.nodes:
            continue
        order[node] = len(order)
        stack.extend(reversed([e.target for e in graph.out[node]]))
    for node in sorted(scenario.nodes):
        order.setdefault(node, len(order))
    return order


def point_title(scenario: Scenario, node_id: str, lang: str, limit: int | None = None) -> str:
    """What the trainee faced at a decision point, in one short line: the question put to them, else what the
    citizen said, else the last line."""
    node = scenario.nodes[node_id]
    if isinstance(node, SelectionNode):
        return _cut(node.prompt.get(lang), limit)
    if not isinstance(node, SceneNode) or not node.lines:
        return node_id.replace("_", " ")
    cast = {c.id: c for c in scenario.cast}
    asked = [ln for ln in node.lines if ln.text.get(lang).rstrip().endswith("?")]
    citizen = [ln for ln in node.lines if ln.speaker in cast and cast[ln.speaker].kind != CastKind.AGENT]
    line = asked[-1] if asked else citizen[0] if citizen else node.lines[-1]
    text = line.text.get(lang)
    if line.speaker in cast:
        text = f"{cast[line.speaker].name.get(lang)}: {text}"
    return _cut(text, limit)


def _cut(text: str, limit: int | None) -> str:
    """Whole (the sheet wraps it), unless a caller really has only `limit` characters."""
    return clip(text, limit) if limit is not None else clip(text, 10_000)
