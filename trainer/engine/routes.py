"""Route enumeration for `trainer coverage`: which endings and kader steps each route reaches.

Routes follow the real rules (`Rules.step`, the same transition function a Session plays by), not just the
graph. Two searches:
- every distinct state (node, flags, meters) breadth-first, to know exactly which choices can ever be
  taken (bounded by `max_states`);
- routes depth-first, each node at most `max_visits` times per route, bounded by `max_routes`, for the table.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from trainer.engine.rules import GameState, Rules, rules_for
from trainer.model.graph import ALL_STEPS
from trainer.model.scenario import Scenario


@dataclass(frozen=True)
class Route:
    nodes: tuple[str, ...]
    choices: tuple[str, ...]
    ending: str
    steps: int


@dataclass
class Coverage:
    routes: list[Route] = field(default_factory=list)
    routes_complete: bool = True
    reachable_choices: set[tuple[str, str]] = field(default_factory=set)
    all_choices: set[tuple[str, str]] = field(default_factory=set)
    states_complete: bool = True
    states_seen: int = 0

    @property
    def unreachable_choices(self) -> list[tuple[str, str]]:
        return sorted(self.all_choices - self.reachable_choices)

    @property
    def endings(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for route in self.routes:
            counts[route.ending] = counts.get(route.ending, 0) + 1
        return counts

    @property
    def incomplete_routes(self) -> list[Route]:
        return [r for r in self.routes if r.steps != ALL_STEPS]


def _moves(rules: Rules, node_id: str, state: GameState) -> list[tuple[str, str, int, GameState]]:
    """(choice id, target, step bit, next state) for every legal move; `next:` has id '' and no step."""
    return [
        (m.option.id, m.target, m.option.bit, m.state) if m.option else ("", m.target, 0, m.state)
        for m in rules.moves(node_id, state)
    ]


def coverage(
    scenario: Scenario, *, max_routes: int = 2000, max_visits: int = 2, max_states: int = 200_000
) -> Coverage:
    result = Coverage()
    rules = rules_for(scenario)
    for node_id, options in rules.options.items():
        result.all_choices.update((node_id, o.id) for o in options)
    _explore_states(rules, result, max_states)
    _enumerate_routes(rules, result, max_routes, max_visits)
    return result


def _explore_states(rules: Rules, result: Coverage, max_states: int) -> None:
    scenario = rules.scenario
    start = rules.initial
    seen = {(scenario.start, start.key())}
    queue = deque([(scenario.start, start)])
    while queue:
        node_id, state = queue.popleft()
        for cid, target, _bit, nxt in _moves(rules, node_id, state):
            if cid:
                result.reachable_choices.add((node_id, cid))
            key = (target, nxt.key())
            if key not in seen:
                if len(seen) >= max_states:
                    result.states_complete = False
                    continue
                seen.add(key)
                queue.append((target, nxt))
    result.states_seen = len(seen)


def _enumerate_routes(rules: Rules, result: Coverage, max_routes: int, max_visits: int) -> None:
    scenario = rules.scenario
    # Explicit stack of (node, state, nodes so far, choices so far, steps mask, visit counts).
    stack: list[tuple[str, GameState, tuple[str, ...], tuple[str, ...], int, dict[str, int]]] = [
        (scenario.start, rules.initial, (scenario.start,), (), 0, {scenario.start: 1})
    ]
    while stack:
        node_id, state, nodes, choices, mask, visits = stack.pop()
        if rules.is_ending(node_id):
            if len(result.routes) >= max_routes:
                result.routes_complete = False
                return
            result.routes.append(Route(nodes, choices, node_id, mask))
            continue
        for cid, target, bit, nxt in reversed(_moves(rules, node_id, state)):
            if visits.get(target, 0) >= max_visits:
                continue
            stack.append(
                (
                    target,
                    nxt,
                    (*nodes, target),
                    (*choices, cid) if cid else choices,
                    mask | bit,
                    {**visits, target: visits.get(target, 0) + 1},
                )
            )
