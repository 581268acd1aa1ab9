"""Route coverage over the state graph: which endings, kader steps and choices the real rules can reach.

A route is a walk from the start to an ending by legal moves. Their number explodes (three choices at
ten points are 59,049 routes) and loops make it endless, so routes are not enumerated: the search visits
each distinct (node, flags, meters) once and merges walks that meet in equal pairs. Everything a later
choice can depend on is in that pair, so merging loses nothing, and the search is exhaustive. To decide
"every route covers the four steps" (C110) the steps taken so far join the pair: (node, state, steps).

Moves come from `Rules.step` (through `Rules.moves`), the same transition function a Session plays by,
so `when:` on choices and conditional `goto` count exactly as in play.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from trainer.engine.casting import casting_variants
from trainer.engine.rules import GameState, Rules, rules_for
from trainer.model.graph import ALL_STEPS, Path
from trainer.model.scenario import Scenario


@dataclass(frozen=True)
class Gap:
    """A walk to an ending that misses a kader step: the shortest one, and the move that ends it."""

    ending: str
    steps: int  # the steps the walk covered (bit mask)
    nodes: tuple[str, ...]
    choices: tuple[str, ...]
    last: Path  # data path of the choice (or `next:`) that leads into the ending without the step


@dataclass(frozen=True)
class Route:
    """One route for `trainer coverage --routes`: its nodes, its choices, its ending and its steps."""

    nodes: tuple[str, ...]
    choices: tuple[str, ...]
    ending: str
    steps: int


@dataclass
class Coverage:
    """What the exhaustive search found."""

    states: int = 0  # distinct (node, flags, meters) pairs explored
    step_states: int = 0  # distinct (node, flags, meters, steps) triples explored
    routes: int | None = 0  # number of distinct routes; None when a loop makes it unbounded
    endings: dict[str, int] = field(default_factory=dict)  # ending -> routes reaching it (0: loop)
    gaps: list[Gap] = field(default_factory=list)
    reachable_choices: set[tuple[str, str]] = field(default_factory=set)
    all_choices: set[tuple[str, str]] = field(default_factory=set)

    @property
    def unreachable_choices(self) -> list[tuple[str, str]]:
        return sorted(self.all_choices - self.reachable_choices)


_Pair = tuple[str, int]  # (node, state number)


class _States:
    """Numbers equal game states, so a (node, state) pair is small and hashable."""

    def __init__(self) -> None:
        self.index: dict[tuple[Any, ...], int] = {}
        self.states: list[GameState] = []

    def number(self, state: GameState) -> int:
        # every state holds the same flags and meters in the same order (effects only change values), so
        # the values alone identify it
        key = (*state.flags.values(), *state.meters.values(), *state.looks.values())
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.states)
            self.states.append(state)
        return found


def coverage(scenario: Scenario, *, gap_limit: int = 20, count: bool = True) -> Coverage:
    """Explore every reachable (node, state, steps) once; count routes on the (node, state) graph (unless
    `count` is off: the checker needs only the gaps)."""
    rules = rules_for(scenario)
    result = Coverage()
    for node_id, options in rules.options.items():
        result.all_choices.update((node_id, o.id) for o in options)
    if scenario.start not in scenario.nodes:
        return result
    states = _States()
    # successors of each (node, state) pair: (choice id or '', data path, step bit, next pair)
    succ: dict[_Pair, list[tuple[str, Path, int, _Pair]]] = {}
    # one start per casting a look condition can tell apart: a route exists for the looks that allow it
    firsts = list(
        dict.fromkeys(
            (scenario.start, states.number(rules.start_state(v)))
            for v in casting_variants(scenario, rules.route_members)
        )
    )
    queue = deque(firsts)
    succ_order = list(firsts)
    seen = set(firsts)
    while queue:
        pair = queue.popleft()
        node_id, sid = pair
        out: list[tuple[str, Path, int, _Pair]] = []
        state = states.states[sid]
        for move in rules.moves(node_id, state):
            # a choice without effects keeps the very same state object: no need to number it again
            nxt = (move.target, sid if move.state is state else states.number(move.state))
            option = move.option
            if option is None:
                out.append(("", rules.next_path(move), 0, nxt))
            else:
                result.reachable_choices.add((node_id, option.id))
                out.append((option.id, option.targets[move.branch][2], option.bit, nxt))
            if nxt not in seen:
                seen.add(nxt)
                succ_order.append(nxt)
                queue.append(nxt)
        succ[pair] = out
    result.states = len(seen)
    if count:
        _count_routes(rules, succ, succ_order, firsts, result)
    _step_gaps(rules, succ, firsts, result, gap_limit)
    return result


def _count_routes(
    rules: Rules,
    succ: dict[_Pair, list[tuple[str, Path, int, _Pair]]],
    pairs: list[_Pair],
    firsts: list[_Pair],
    result: Coverage,
) -> None:
    """Routes per ending by counting paths over the pair graph (Kahn's order); a loop makes them endless."""
    incoming = dict.fromkeys(pairs, 0)
    for out in succ.values():
        for *_rest, nxt in out:
            incoming[nxt] += 1
    ways = dict.fromkeys(pairs, 0)
    for first in firsts:
        ways[first] = 1
    ready = deque(p for p in pairs if incoming[p] == 0)
    done = 0
    while ready:
        pair = ready.popleft()
        done += 1
        for *_rest, nxt in succ[pair]:
            ways[nxt] += ways[pair]
            incoming[nxt] -= 1
            if incoming[nxt] == 0:
                ready.append(nxt)
    looped = done < len(pairs)
    for (node_id, _sid), count in ways.items():
        if rules.is_ending(node_id):
            result.endings[node_id] = result.endings.get(node_id, 0) + count
    if looped:
        result.routes = None
        reached = {node_id for node_id, _sid in pairs if rules.is_ending(node_id)}
        result.endings = {e: result.endings.get(e, 0) for e in reached}
    else:
        result.routes = sum(result.endings.values())


def _step_gaps(
    rules: Rules,
    succ: dict[_Pair, list[tuple[str, Path, int, _Pair]]],
    firsts: list[_Pair],
    result: Coverage,
    limit: int,
) -> None:
    """Breadth-first over (node, state, steps): each gap found is a shortest walk missing a step; one gap is
    kept per (move into the ending, steps covered)."""
    Triple = tuple[str, int, int]
    starts: list[Triple] = [(first[0], first[1], 0) for first in firsts]
    parent: dict[Triple, tuple[Triple, str, Path] | None] = dict.fromkeys(starts)
    queue = deque(starts)
    reported: set[tuple[Path, int]] = set()
    while queue:
        triple = queue.popleft()
        node_id, sid, mask = triple
        for cid, path, bit, (target, tsid) in succ[(node_id, sid)]:
            nxt = (target, tsid, mask | bit)
            if nxt in parent:
                continue
            parent[nxt] = (triple, cid, path)
            if rules.is_ending(target):
                if nxt[2] != ALL_STEPS and (path, nxt[2]) not in reported and len(result.gaps) < limit:
                    reported.add((path, nxt[2]))
                    nodes, choices = _walk_back(parent, nxt)
                    result.gaps.append(Gap(target, nxt[2], nodes, choices, path))
            else:
                queue.append(nxt)
    result.step_states = len(parent)


def _walk_back(parent: dict[Any, Any], end: tuple[str, int, int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    nodes, choices = [end[0]], []
    link = parent[end]
    while link is not None:
        prev, cid, _path = link
        nodes.append(prev[0])
        if cid:
            choices.append(cid)
        link = parent[prev]
    return tuple(reversed(nodes)), tuple(reversed(choices))


def routes(scenario: Scenario, *, limit: int = 2000, max_visits: int = 2) -> Iterator[Route]:
    """Routes one by one for `trainer coverage --routes` (depth-first, each node at most `max_visits` times
    per route, at most `limit`): a list for reading; the counts and checks come from `coverage`."""
    rules = rules_for(scenario)
    if scenario.start not in scenario.nodes:
        return
    stack: list[tuple[str, GameState, tuple[str, ...], tuple[str, ...], int, dict[str, int]]] = [
        (scenario.start, rules.start_state(v), (scenario.start,), (), 0, {scenario.start: 1})
        for v in reversed(casting_variants(scenario, rules.route_members))
    ]
    given = 0
    while stack and given < limit:
        node_id, state, nodes, choices, mask, visits = stack.pop()
        if rules.is_ending(node_id):
            given += 1
            yield Route(nodes, choices, node_id, mask)
            continue
        for move in reversed(rules.moves(node_id, state)):
            target = move.target
            if visits.get(target, 0) >= max_visits:
                continue
            option = move.option
            stack.append(
                (
                    target,
                    move.state,
                    (*nodes, target),
                    (*choices, option.id) if option else choices,
                    mask | (option.bit if option else 0),
                    {**visits, target: visits.get(target, 0) + 1},
                )
            )
