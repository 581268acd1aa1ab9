"""The rules of play, written once: which choices are legal, what a choice does, where it leads.

In the spirit of ink's Story/StoryState split, a scenario's rules (`Rules`, compiled once per loaded
scenario) are kept apart from the state of one run (`GameState`, immutable). `Rules.step` is the one pure
transition function: `Session`, route coverage (`engine/routes.py`), the transcript and the debrief's
re-simulation (`debrief/runs.py`) all call it, so a rule changes in one place. The transitions Machine
(`engine/machine.py`) holds the current node and fires the transitions `step` has decided on.

YAML never names Python: each condition or effect model maps to one function in `engine/registry.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from operator import attrgetter
from random import Random
from types import MappingProxyType
from typing import NamedTuple

from trainer.engine.errors import EngineError
from trainer.engine.events import EndingReached, Event, NodeEntered, NodeEnteredFields
from trainer.engine.order import LAST, Orders, partition
from trainer.engine.registry import CONDITIONS as CONDITIONS  # re-exported: the registry the checker reads
from trainer.engine.registry import EFFECTS as EFFECTS
from trainer.engine.registry import Bounds, Effect, Test, compile_conditions, compile_effects
from trainer.engine.state import GameState as GameState  # re-exported: the rules and their state
from trainer.engine.views import ChoiceOption, Phase
from trainer.model.beats import leaves_at
from trainer.model.casting import look_members
from trainer.model.graph import NOBODY, Path, node_choices, step_bit
from trainer.model.loader import content_hash
from trainer.model.scenario import (
    Choice,
    ChoiceBase,
    EndingNode,
    Line,
    LookCondition,
    ReflectionQuestion,
    Scenario,
    SceneNode,
    SelectionNode,
)
from trainer.model.vocabulary import Step

# The phases after an ending; the Machine has a state for each, the rules say how to get there.
REFLECTION = "#reflectie"
REGISTRATION = "#registratie"
DONE = "#klaar"
ADVANCE = ">"
"""The id of the move that continues without a choice (a scene's `next:`, an ending, a phase)."""


# --- one scenario's rules, compiled once ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Option(ChoiceOption):
    """One authored way out of a node by choice, with what its log entry needs worked out in advance.

    It is the ChoiceOption a View hands out, so listing the legal choices allocates nothing."""

    path: Path
    test: Test | None  # the compiled `when:`, None when the choice is always there
    effect: Effect | None  # the compiled `effects:`, None when the choice changes nothing
    bit: int
    step_value: str
    assessment: str
    grounds: tuple[str, ...]
    real_trigger: tuple[str, ...]
    legal_basis: str | None  # the first power named: what a ChoiceMade event records
    values: tuple[str, ...]
    pin: str | None  # where the option stays when the order is drawn ('nobody' is always last)
    legal_bases: tuple[str, ...]  # every power named, in the author's order
    offences: tuple[str, ...]
    # where the choice leads: (compiled `when:` or None, node, data path of the target); the first whose
    # test holds wins, so a plain `goto: x` is one entry without a test
    targets: tuple[tuple[Test | None, str, Path], ...]
    # the Machine's trigger per entry of `targets`: the id, or `id#branch` where a conditional goto branches
    triggers: tuple[str, ...]


ViewHead = tuple[Phase, str | None, SelectionNode | SceneNode | EndingNode | None, int | None, bool]


class Move(NamedTuple):
    """The outcome of one transition: from `node` by `option` (None: without a choice) to `target`.

    `branch` is the entry of a conditional `goto` that was taken (0 for a plain `goto:`)."""

    node: str
    option: Option | None
    target: str
    state: GameState
    branch: int = 0

    @property
    def trigger(self) -> str:
        """The Machine's trigger for this move: one per choice, and per entry of a conditional goto or
        `next:` (a plain `next:` and the first entry of a conditional one are ADVANCE)."""
        if self.option is None:
            return ADVANCE if self.branch == 0 else f"{ADVANCE}#{self.branch}"
        return self.option.triggers[self.branch]


def _option(sc: Scenario, cid: str, step: Step, choice: ChoiceBase, path: Path, bounds: Bounds) -> Option:
    bases = choice.legal_bases
    return Option(
        cid,
        step,
        choice,
        path,
        compile_conditions(choice.when, sc),
        compile_effects(choice.effects, bounds),
        step_bit(step),
        step.value,
        choice.assessment.value,
        tuple(g.value for g in choice.grounds),
        tuple(g.value for g in choice.real_trigger),
        bases[0].value if bases else None,
        tuple(choice.values),
        LAST if cid == NOBODY else (choice.pin if isinstance(choice, Choice) else None),
        tuple(b.value for b in bases),
        tuple(o.value for o in choice.offences),
        targets := tuple(
            (compile_conditions(when, sc), target, (*path, *below))
            for when, target, below in choice.targets()
        ),
        (cid,) if len(targets) == 1 else tuple(f"{cid}#{i}" for i in range(len(targets))),
    )


_ID = attrgetter("id")
_new = tuple.__new__


def _pin(option: Option) -> str | None:
    return option.pin


class Rules:
    """The rules of one loaded scenario: choice lists, bounds, `next:` targets, timer defaults, its hash.

    Built once per scenario object (`rules_for`), so a Session, a coverage search or a debrief of many
    sessions never rebuilds them.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        nodes = scenario.nodes
        meters = scenario.state.meters
        self.bounds: dict[str, tuple[int, int]] = {name: (m.min, m.max) for name, m in meters.items()}
        self.options: dict[str, tuple[Option, ...]] = {
            nid: tuple(_option(scenario, *entry, self.bounds) for entry in node_choices(scenario, nid))
            for nid in nodes
        }
        self._by_id = {(nid, o.id): o for nid, opts in self.options.items() for o in opts}
        # A node's lines once, and whether any of them depends on the state.
        self._lines = {nid: tuple(getattr(node, "lines", ())) for nid, node in nodes.items()}
        self._line_tests = {
            nid: tuple((line, compile_conditions(line.when, scenario, line.speaker)) for line in lines)
            for nid, lines in self._lines.items()
            if any(line.when for line in lines)
        }
        self.phases: dict[str, Phase] = {
            nid: Phase.ENDING if isinstance(node, EndingNode) else Phase.PLAY for nid, node in nodes.items()
        }
        self.phases |= {REFLECTION: Phase.REFLECTION, REGISTRATION: Phase.REGISTRATION, DONE: Phase.DONE}
        self._endings = {
            nid: node.outcome.value for nid, node in nodes.items() if isinstance(node, EndingNode)
        }
        # Nodes whose choices carry no conditions: their legal choices are the authored tuple itself.
        self._unconditional = {
            nid for nid, opts in self.options.items() if not any(o.choice.when for o in opts)
        }
        self._questions = tuple((q, compile_conditions(q.when, scenario)) for q in scenario.reflection)
        # whose look a `when:` asks about: only these join the state (none without look conditions)
        self.look_members, self.route_members = look_members(scenario)
        # The orders each node's legal options can be shown in, built once: where no option has a `when:`
        # one set, elsewhere one per combination of the conditions that hold (keyed by the bits of the
        # options left out), built when first met. Entering a node is on every host step.
        self._orders: dict[str, Orders[Option]] = {
            nid: Orders(partition(self.options[nid], _pin), _ID) for nid in self._unconditional
        }
        self._conditional: dict[str, tuple[tuple[int, Test], ...]] = {
            nid: tuple((1 << i, o.test) for i, o in enumerate(opts) if o.test is not None)
            for nid, opts in self.options.items()
            if nid not in self._unconditional
        }
        self._masked: dict[str, dict[int, Orders[Option]]] = {nid: {} for nid in self._conditional}
        self.initial = GameState.of(
            {name: False for name in scenario.state.flags}, {name: m.start for name, m in meters.items()}
        )
        # Where continuing without a choice leads: a scene's `next:` (only without choices), an ending's
        # reflection, then the registration form, then done.
        self.advances: dict[str, str] = {REFLECTION: REGISTRATION, REGISTRATION: DONE}
        # A conditional `next:`: its entries (compiled `when:` or None, target) in order; the first that
        # holds is taken, as with a conditional goto (without choices, the state is the one on arrival).
        self.next_branches: dict[str, tuple[tuple[Test | None, str], ...]] = {}
        self.defaults: dict[str, str] = {}
        self.timers: dict[str, int] = {}
        # When a candidate has walked out of the street (their beats say so): from then on they cannot be
        # addressed.
        self.leaves: dict[tuple[str, str], float] = {}
        for nid, node in nodes.items():
            if isinstance(node, SceneNode):
                if isinstance(node.next, str) and not node.choices:
                    self.advances[nid] = node.next
                elif isinstance(node.next, list) and not node.choices:
                    self.next_branches[nid] = tuple(
                        (compile_conditions(when), target) for when, target, _below in node.next_targets()
                    )
                if node.timer is not None:
                    self.timers[nid] = node.timer.seconds
                    if node.timer.default:
                        self.defaults[nid] = node.timer.default
            elif isinstance(node, SelectionNode):
                self.timers[nid] = node.time_limit
                self.defaults[nid] = node.default or NOBODY
                props = {p.id: p for p in node.props}
                for cand in node.candidates:
                    gone = leaves_at(cand, props)
                    if gone is not None:
                        self.leaves[(nid, cand.id)] = gone
            elif isinstance(node, EndingNode):
                self.advances[nid] = REFLECTION
        self.leaving = frozenset(nid for nid, _cand in self.leaves)  # nodes someone walks out of
        # What a view of each position says whatever the state: (phase, node id, node, timer, can advance).
        self.heads: dict[str, ViewHead] = {
            pos: (
                phase,
                pos if pos in nodes else None,
                nodes.get(pos),
                self.timers.get(pos),
                pos in nodes and (pos in self.advances or pos in self.next_branches),
            )
            for pos, phase in self.phases.items()
        }

    def start_state(self, casting: Mapping[str, str]) -> GameState:
        """The initial state of a session with this casting (cast id -> look id)."""
        looks = MappingProxyType({cid: casting[cid] for cid in self.look_members if cid in casting})
        return replace(self.initial, looks=looks) if looks else self.initial

    def looks_allow(self, item: Line | ChoiceBase, casting: Mapping[str, str]) -> bool:
        """Whether a line's or choice's conditions on a look hold for this casting (for the storyboard)."""
        who = item.speaker if isinstance(item, Line) else None
        test = compile_conditions([c for c in item.when if isinstance(c, LookCondition)], self.scenario, who)
        return test is None or test(self.start_state(casting))

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
        return tuple(o for o in options if o.test is None or o.test(state))

    def ordered(self, node: str, order: Sequence[str]) -> tuple[Option, ...]:
        """The node's options with these ids, in this order (as a NodeEntered event recorded it)."""
        return tuple(self._by_id[(node, cid)] for cid in order)

    def lines(self, node: str, state: GameState) -> tuple[Line, ...]:
        """The node's lines shown in `state`."""
        tests = self._line_tests.get(node)
        if tests is None:
            return self._lines.get(node, ())
        return tuple(line for line, test in tests if test is None or test(state))

    def step(self, node: str, state: GameState, choice_id: str) -> Move:
        """The one transition function: take `choice_id` at `node` in `state` (ADVANCE: continue without a
        choice). Pure: the state given is never changed. Raises EngineError when the move is not legal."""
        if choice_id == ADVANCE:
            target = self.advances.get(node)
            if target is None and node in self.next_branches:
                return self._next(node, state)
            if target is None:
                raise EngineError(
                    "hier kun je niet verder zonder een keuze", "you cannot go on here without a choice"
                )
            return Move(node, None, target, state)
        option = self._by_id.get((node, choice_id))
        if option is None or (option.test is not None and not option.test(state)):
            raise EngineError(
                f"keuze '{choice_id}' is hier niet mogelijk", f"choice '{choice_id}' is not possible here"
            )
        return self._take(node, option, state)

    def _take(self, node: str, option: Option, state: GameState) -> Move:
        """The move of a legal option: its effects, then where its `goto` leads."""
        after = state if option.effect is None else option.effect(state)
        targets = option.targets
        if len(targets) == 1:
            return Move(node, option, targets[0][1], after)
        # a conditional goto sees the state after the choice's own effects: "add 2 tension, then if the
        # tension is 5 or more, it escalates" is written as one choice
        for branch, (test, target, _path) in enumerate(targets):
            if test is None or test(after):
                return Move(node, option, target, after, branch)
        raise EngineError(
            f"keuze '{option.id}': geen voorwaarde van de goto geldt",
            f"choice '{option.id}': no goto applies",
        )

    def _next(self, node: str, state: GameState) -> Move:
        """Where a conditional `next:` leads in `state`: its first entry whose `when:` holds."""
        for branch, (test, target) in enumerate(self.next_branches[node]):
            if test is None or test(state):
                return Move(node, None, target, state, branch)
        raise EngineError(
            f"knooppunt '{node}': geen voorwaarde van next geldt", f"node '{node}': no next applies"
        )

    def next_path(self, move: Move) -> Path:
        """The data path of the `next:` (or its entry) a move without a choice followed."""
        if move.node in self.next_branches:
            return ("nodes", move.node, "next", move.branch, "to")
        return ("nodes", move.node, "next")

    def gone(self, node: str, choice_id: str, seconds: float) -> bool:
        """Whether the candidate `choice_id` has left the street `seconds` after the node was entered."""
        leaves = self.leaves.get((node, choice_id))
        return leaves is not None and seconds >= leaves

    def check_present(self, node: str, choice_id: str, seconds: float) -> None:
        """Refuse addressing someone who has already left, with the reason (EngineError)."""
        if self.gone(node, choice_id, seconds):
            raise EngineError(
                "die persoon is al weggelopen: je kunt hem of haar niet meer aanspreken",
                "that person has already left: you can no longer approach them",
            )

    def moves(self, node: str, state: GameState) -> list[Move]:
        """Every legal move at a scenario node, choices first, then `next:`; for searches over states."""
        found = [self._take(node, o, state) for o in self.legal(node, state)]
        target = self.advances.get(node)
        if target is not None and target in self.scenario.nodes:
            found.append(Move(node, None, target, state))
        elif node in self.next_branches:
            move = self._next(node, state)
            if move.target in self.scenario.nodes:
                found.append(move)
        return found

    def timeout_choice(self, node: str) -> str:
        """The choice taken when the node's timer runs out (a selection defaults to addressing nobody)."""
        default = self.defaults.get(node)
        if default is None:
            raise EngineError("hier loopt geen tijd", "no timer runs here")
        return default

    def shown(self, node: str, state: GameState, rng: Random) -> tuple[Option, ...]:
        """The choices legal on entering `node`, in the order a trainee is shown them: drawn from the
        session's seeded `rng` (pins kept in place), so the authored order gives nothing away and a replay
        shows the same. The state changes only by a choice, which leaves the node, so the order drawn on
        entry holds while the trainee stays."""
        return self._orders_for(node, state).draw(rng)[0]

    def _orders_for(self, node: str, state: GameState) -> Orders[Option]:
        """The orders of the options legal at `node` in `state`."""
        orders = self._orders.get(node)
        if orders is not None:
            return orders
        left_out = 0
        for bit, test in self._conditional[node]:
            if not test(state):
                left_out |= bit
        masked = self._masked[node]
        orders = masked.get(left_out)
        if orders is None:
            legal = [o for i, o in enumerate(self.options[node]) if not left_out >> i & 1]
            orders = masked[left_out] = Orders(partition(legal, _pin), _ID)
        return orders

    def enter(
        self, node: str, state: GameState, t: float, rng: Random
    ) -> tuple[tuple[Option, ...], tuple[Event, ...]]:
        """What entering a node means: the choices shown, in their order; the node is logged with that
        order, and an ending is reached there."""
        shown, order = self._orders_for(node, state).draw(rng)
        fields: NodeEnteredFields = (t, node, order)
        entered = _new(NodeEntered, fields)  # the record from its checked fields, on every host step
        outcome = self._endings.get(node)
        if outcome is not None:
            return shown, (entered, EndingReached(t, node, outcome))
        return shown, (entered,)

    def entered(self, node: str, state: GameState, t: float, rng: Random) -> tuple[Event, ...]:
        """The events of entering a node (see `enter`)."""
        return self.enter(node, state, t, rng)[1]

    def questions(self, state: GameState) -> tuple[ReflectionQuestion, ...]:
        """The reflection questions asked after an ending reached in `state`, in authored order: those
        whose `when:` holds (the route decides which questions fit it)."""
        return tuple(q for q, test in self._questions if test is None or test(state))

    def is_ending(self, node: str) -> bool:
        return node in self._endings


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
