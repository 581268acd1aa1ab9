"""The rules of play, written once: which choices are legal, what a choice does, where it leads.

In the spirit of ink's Story/StoryState split, a scenario's rules (`Rules`, compiled once per loaded
scenario) are kept apart from the state of one run (`GameState`, immutable). `Rules.step` is the one pure
transition function: `Session`, route coverage (`engine/routes.py`), the transcript and the debrief's
re-simulation (`debrief/runs.py`) all call it, so a rule changes in one place. The transitions Machine
(`engine/machine.py`) holds the current node and fires the transitions `step` has decided on.

YAML never names Python: each condition or effect model maps to one function here, looked up by type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from trainer.engine.errors import EngineError
from trainer.engine.events import EndingReached, Event, NodeEntered
from trainer.engine.views import ChoiceOption
from trainer.model.graph import NOBODY, Path, node_choices, step_bit
from trainer.model.loader import content_hash
from trainer.model.scenario import (
    AddEffect,
    ChoiceBase,
    EndingNode,
    FlagCondition,
    Line,
    MeterCondition,
    Scenario,
    SceneNode,
    SelectionNode,
    SetEffect,
)
from trainer.model.vocabulary import Step

# The phases after an ending; the Machine has a state for each, the rules say how to get there.
REFLECTION = "#reflectie"
REGISTRATION = "#registratie"
DONE = "#klaar"
ADVANCE = ">"
"""The id of the move that continues without a choice (a scene's `next:`, an ending, a phase)."""


@dataclass(frozen=True, slots=True)
class GameState:
    """Flags and meters of one run. Immutable: every change makes a new state, so a state can be shared,
    cached against and searched over without copying."""

    flags: Mapping[str, bool]
    meters: Mapping[str, int]

    @classmethod
    def of(cls, flags: Mapping[str, bool], meters: Mapping[str, int]) -> GameState:
        return cls(MappingProxyType(dict(flags)), MappingProxyType(dict(meters)))

    @classmethod
    def initial(cls, scenario: Scenario) -> GameState:
        return rules_for(scenario).initial

    def key(self) -> tuple[Any, ...]:
        """A hashable snapshot, for search over states."""
        return (tuple(sorted(self.flags.items())), tuple(sorted(self.meters.items())))


# --- the registry of conditions and effects ---------------------------------------------------------


def _flag(cond: FlagCondition, flags: Mapping[str, bool], meters: Mapping[str, int]) -> bool:
    return flags.get(cond.flag, False) is cond.is_


def _meter(cond: MeterCondition, flags: Mapping[str, bool], meters: Mapping[str, int]) -> bool:
    value = meters.get(cond.meter, 0)
    if cond.at_least is not None and value < cond.at_least:
        return False
    return not (cond.at_most is not None and value > cond.at_most)


Bounds = Mapping[str, tuple[int, int]]


def _clamp(bounds: Bounds, name: str, value: int) -> int:
    low, high = bounds[name]
    return max(low, min(high, value))


def _set(effect: SetEffect, flags: dict[str, bool], meters: dict[str, int], bounds: Bounds) -> None:
    if isinstance(effect.to, bool):
        flags[effect.set] = effect.to
    else:
        meters[effect.set] = _clamp(bounds, effect.set, effect.to)


def _add(effect: AddEffect, flags: dict[str, bool], meters: dict[str, int], bounds: Bounds) -> None:
    meters[effect.add] = _clamp(bounds, effect.add, meters.get(effect.add, 0) + effect.by)


CONDITIONS: dict[type, Callable[[Any, Mapping[str, bool], Mapping[str, int]], bool]] = {
    FlagCondition: _flag,
    MeterCondition: _meter,
}
EFFECTS: dict[type, Callable[[Any, dict[str, bool], dict[str, int], Bounds], None]] = {
    SetEffect: _set,
    AddEffect: _add,
}


def holds(conditions: Sequence[Any], state: GameState) -> bool:
    """True when every condition holds."""
    flags, meters = state.flags, state.meters
    return all(CONDITIONS[type(c)](c, flags, meters) for c in conditions)


def visible(lines: Sequence[Line], state: GameState) -> tuple[Line, ...]:
    """The lines of a node shown in this state: those without conditions and those whose conditions hold."""
    return tuple(line for line in lines if not line.when or holds(line.when, state))


# --- one scenario's rules, compiled once ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Option(ChoiceOption):
    """One authored way out of a node by choice, with what its log entry needs worked out in advance.

    It is the ChoiceOption a View hands out, so listing the legal choices allocates nothing."""

    path: Path
    bit: int
    step_value: str
    assessment: str
    grounds: tuple[str, ...]
    real_trigger: tuple[str, ...]
    legal_basis: str | None
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Move:
    """The outcome of one transition: from `node` by `option` (None: without a choice) to `target`."""

    node: str
    option: Option | None
    target: str
    state: GameState


def _option(cid: str, step: Step, choice: ChoiceBase, path: Path) -> Option:
    return Option(
        cid,
        step,
        choice,
        path,
        step_bit(step),
        step.value,
        choice.assessment.value,
        tuple(g.value for g in choice.grounds),
        tuple(g.value for g in choice.real_trigger),
        choice.legal_basis.value if choice.legal_basis else None,
        tuple(choice.values),
    )


class Rules:
    """The rules of one loaded scenario: choice lists, bounds, `next:` targets, timer defaults, its hash.

    Built once per scenario object (`rules_for`), so a Session, a coverage search or a debrief of many
    sessions never rebuilds them.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        nodes = scenario.nodes
        self.options: dict[str, tuple[Option, ...]] = {
            nid: tuple(_option(*entry) for entry in node_choices(scenario, nid)) for nid in nodes
        }
        self._by_id = {(nid, o.id): o for nid, opts in self.options.items() for o in opts}
        # A node's lines once, and whether any of them depends on the state.
        self._lines = {nid: tuple(getattr(node, "lines", ())) for nid, node in nodes.items()}
        self._fixed_lines = {nid for nid, lines in self._lines.items() if not any(ln.when for ln in lines)}
        # Nodes whose choices carry no conditions: their legal choices are the authored tuple itself.
        self._unconditional = {
            nid for nid, opts in self.options.items() if not any(o.choice.when for o in opts)
        }
        meters = scenario.state.meters
        self.bounds: dict[str, tuple[int, int]] = {name: (m.min, m.max) for name, m in meters.items()}
        self.initial = GameState.of(
            {name: False for name in scenario.state.flags}, {name: m.start for name, m in meters.items()}
        )
        # Where continuing without a choice leads: a scene's `next:` (only without choices), an ending's
        # reflection, then the registration form, then done.
        self.advances: dict[str, str] = {REFLECTION: REGISTRATION, REGISTRATION: DONE}
        self.defaults: dict[str, str] = {}
        self.timers: dict[str, int] = {}
        for nid, node in nodes.items():
            if isinstance(node, SceneNode):
                if node.next and not node.choices:
                    self.advances[nid] = node.next
                if node.timer is not None:
                    self.timers[nid] = node.timer.seconds
                    if node.timer.default:
                        self.defaults[nid] = node.timer.default
            elif isinstance(node, SelectionNode):
                self.timers[nid] = node.time_limit
                self.defaults[nid] = node.default or NOBODY
            elif isinstance(node, EndingNode):
                self.advances[nid] = REFLECTION

    @cached_property
    def content_hash(self) -> str:
        """The scenario's content hash, computed at most once (2 ms for a large scenario)."""
        return content_hash(self.scenario)

    def option(self, node: str, choice_id: str) -> Option | None:
        """The authored option, whether or not it is legal now."""
        return self._by_id.get((node, choice_id))

    def legal(self, node: str, state: GameState) -> tuple[Option, ...]:
        """The choices legal at `node` in `state`, in authored order."""
        options = self.options.get(node, ())
        if node in self._unconditional:
            return options
        return tuple(o for o in options if not o.choice.when or holds(o.choice.when, state))

    def lines(self, node: str, state: GameState) -> tuple[Line, ...]:
        """The node's lines shown in `state`."""
        lines = self._lines.get(node, ())
        return lines if node in self._fixed_lines else visible(lines, state)

    def step(self, node: str, state: GameState, choice_id: str) -> Move:
        """The one transition function: take `choice_id` at `node` in `state` (ADVANCE: continue without a
        choice). Pure: the state given is never changed. Raises EngineError when the move is not legal."""
        if choice_id == ADVANCE:
            target = self.advances.get(node)
            if target is None:
                raise EngineError(
                    "hier kun je niet verder zonder een keuze", "you cannot go on here without a choice"
                )
            return Move(node, None, target, state)
        option = self._by_id.get((node, choice_id))
        choice = option.choice if option is not None else None
        if choice is None or (choice.when and not holds(choice.when, state)):
            raise EngineError(
                f"keuze '{choice_id}' is hier niet mogelijk", f"choice '{choice_id}' is not possible here"
            )
        assert option is not None
        return Move(node, option, choice.goto, self.apply(choice.effects, state))

    def moves(self, node: str, state: GameState) -> list[Move]:
        """Every legal move at a scenario node, choices first, then `next:`; for searches over states."""
        found = [self.step(node, state, o.id) for o in self.legal(node, state)]
        target = self.advances.get(node)
        if target is not None and target in self.scenario.nodes:
            found.append(Move(node, None, target, state))
        return found

    def apply(self, effects: Sequence[Any], state: GameState) -> GameState:
        """The state after `effects`; the same object when there are none."""
        if not effects:
            return state
        flags, meters = dict(state.flags), dict(state.meters)
        for effect in effects:
            EFFECTS[type(effect)](effect, flags, meters, self.bounds)
        return GameState(MappingProxyType(flags), MappingProxyType(meters))

    def timeout_choice(self, node: str) -> str:
        """The choice taken when the node's timer runs out (a selection defaults to addressing nobody)."""
        default = self.defaults.get(node)
        if default is None:
            raise EngineError("hier loopt geen tijd", "no timer runs here")
        return default

    def entered(self, node: str, t: float) -> tuple[Event, ...]:
        """What entering a node means: it is logged, and an ending is reached there."""
        scene = self.scenario.nodes[node]
        if isinstance(scene, EndingNode):
            return (NodeEntered(t, node), EndingReached(t, node, scene.outcome.value))
        return (NodeEntered(t, node),)

    def is_ending(self, node: str) -> bool:
        return isinstance(self.scenario.nodes.get(node), EndingNode)


_CACHE: dict[int, Rules] = {}
_CACHE_SIZE = 32


def rules_for(scenario: Scenario) -> Rules:
    """The rules of a scenario object, compiled on first use (the entry keeps the scenario alive, so an id
    is never reused while cached)."""
    rules = _CACHE.get(id(scenario))
    if rules is not None and rules.scenario is scenario:
        return rules
    rules = Rules(scenario)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(scenario)] = rules
    return rules
