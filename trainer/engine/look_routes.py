"""Routes that depend on a look (C177): what a condition on a look may and may not change.

The Hof test compares the same behaviour shown in different looks, so what a trainee can do, and where the
story can go, must be the same in every look; only what is said may differ ("is het om mijn kleur?"). A
node that only some castings reach, or a node that only some castings can leave, means a look decides the
story. Decided by the rules of play, per casting the conditions can tell apart (`casting_variants`).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from trainer.engine.casting import casting_variants
from trainer.engine.rules import Move, Rules, rules_for
from trainer.model.casting import look_gate
from trainer.model.diagnostics import Diagnostic
from trainer.model.graph import Path
from trainer.model.loader import LoadedScenario


@dataclass
class _Walk:
    """What one casting reaches: nodes, nodes without a way out, and the look conditions passed into a
    node (target -> paths of those conditions)."""

    nodes: set[str] = field(default_factory=set)
    stuck: set[str] = field(default_factory=set)
    gates: dict[str, set[Path]] = field(default_factory=dict)
    exits: dict[str, set[Path]] = field(default_factory=dict)


def _gate(move: Move) -> Path | None:
    """Where the condition on a look stands that let this move through, if one did."""
    return None if move.option is None else look_gate(move.option.choice, move.option.path, move.branch)


def _walk(rules: Rules, casting: dict[str, str]) -> _Walk:
    scenario = rules.scenario
    walk = _Walk(nodes={scenario.start})
    start = rules.start_state(casting)
    seen = {(scenario.start, start.key())}
    queue = deque([(scenario.start, start)])
    while queue:
        node_id, state = queue.popleft()
        moves = rules.moves(node_id, state)
        if not moves and not rules.is_ending(node_id):
            walk.stuck.add(node_id)
        for move in moves:
            gate = _gate(move)
            if gate is not None:
                walk.gates.setdefault(move.target, set()).add(gate)
                walk.exits.setdefault(node_id, set()).add(gate)
            key = (move.target, move.state.key())
            if key not in seen:
                seen.add(key)
                walk.nodes.add(move.target)
                queue.append((move.target, move.state))
    return walk


def _gates_at(rules: Rules, node_id: str) -> set[Path]:
    """The look conditions on the choices of a node, whatever the state."""
    found = set()
    for option in rules.options.get(node_id, ()):
        for branch, (_test, target, _path) in enumerate(option.targets):
            gate = _gate(Move(node_id, option, target, rules.initial, branch))
            if gate is not None:
                found.add(gate)
    return found


def look_route_findings(loaded: LoadedScenario) -> list[Diagnostic]:
    """C177 at the condition on a look that opens a node only some castings reach, or that is the only
    way out of a node in some castings."""
    scenario = loaded.scenario
    if not scenario.casting:  # no pools, no looks to tell routes apart (and no Rules to build for a check)
        return []
    rules = rules_for(scenario)
    if not rules.route_members or scenario.start not in scenario.nodes:
        return []
    variants = casting_variants(scenario, rules.route_members)
    walks = [_walk(rules, casting) for casting in variants]
    names = {m.id: m.name.nl for m in scenario.cast}
    who = ", ".join(names.get(cid, cid) for cid in rules.route_members)
    found: dict[Path, Diagnostic] = {}

    def report(gates: set[Path], node_id: str, where: list[int]) -> None:
        looks = ", ".join(sorted({look for v in where for look in variants[v].values()}))
        for gate in sorted(gates, key=str):
            if gate not in found:
                found[gate] = loaded.source.diag("C177", gate, target=node_id, who=who, looks=looks)

    for node_id in scenario.nodes:
        where = [v for v, walk in enumerate(walks) if node_id in walk.nodes]
        if where and len(where) < len(walks):  # reached in some castings only: by the look that opens it
            report(set().union(*(walks[v].gates.get(node_id, set()) for v in where)), node_id, where)
        free = [v for v in where if node_id not in walks[v].stuck]
        if free and len(free) < len(where):  # a way out in some castings only: by a look
            report(_gates_at(rules, node_id), node_id, free)
    return sorted(found.values(), key=lambda d: (d.line, d.column))
