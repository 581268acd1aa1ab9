"""The scenario as a directed graph: nodes, edges labelled by choice and kader step, reachability."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from trainer.model.scenario import ChoiceBase, EndingNode, Scenario, SceneNode, SelectionNode
from trainer.model.vocabulary import STEP_ORDER, Step

NOBODY = "niemand"
"""The choice id of addressing nobody in a selection phase."""

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Edge:
    """One way out of a node: a choice (with its kader step) or a plain `next:`."""

    source: str
    target: str
    choice_id: str | None
    step: Step | None
    choice: ChoiceBase | None
    path: Path  # of the `goto` (or `next:`) value that names the target
    when: tuple[Any, ...] = ()  # the conditions of this entry of a conditional `goto` or `next:`


def node_choices(scenario: Scenario, node_id: str) -> Iterator[tuple[str, Step, ChoiceBase, Path]]:
    """Every choice of a node as (id, step, choice, data path)."""
    node = scenario.nodes[node_id]
    base: Path = ("nodes", node_id)
    if isinstance(node, SelectionNode):
        for i, cand in enumerate(node.candidates):
            yield cand.id, Step.SELECTEREN, cand.address, (*base, "candidates", i, "address")
        yield NOBODY, Step.SELECTEREN, node.nobody, (*base, "nobody")
    elif isinstance(node, SceneNode):
        for i, choice in enumerate(node.choices):
            yield choice.id, choice.step, choice, (*base, "choices", i)


def step_bit(step: Step) -> int:
    return 1 << STEP_ORDER.index(step)


ALL_STEPS = (1 << len(STEP_ORDER)) - 1


def missing_steps(mask: int) -> list[Step]:
    return [s for s in STEP_ORDER if not mask & step_bit(s)]


@dataclass
class Graph:
    """Adjacency of a scenario, ignoring conditions (a choice with `when:` may be taken)."""

    scenario: Scenario
    out: dict[str, list[Edge]] = field(default_factory=dict)

    @classmethod
    def of(cls, scenario: Scenario) -> Graph:
        graph = cls(scenario)
        for node_id, node in scenario.nodes.items():
            edges = [
                Edge(node_id, target, cid, step, ch, (*path, *below), when)
                for cid, step, ch, path in node_choices(scenario, node_id)
                for when, target, below in ch.targets()
            ]
            if isinstance(node, SceneNode):
                edges += [
                    Edge(node_id, target, None, None, None, ("nodes", node_id, *below), when)
                    for when, target, below in node.next_targets()
                ]
            graph.out[node_id] = [e for e in edges if e.target in scenario.nodes]
        return graph

    def is_ending(self, node_id: str) -> bool:
        return isinstance(self.scenario.nodes.get(node_id), EndingNode)

    def reachable(self, start: str) -> set[str]:
        seen = {start} if start in self.scenario.nodes else set()
        queue = deque(seen)
        while queue:
            for edge in self.out[queue.popleft()]:
                if edge.target not in seen:
                    seen.add(edge.target)
                    queue.append(edge.target)
        return seen

    def can_reach_ending(self) -> set[str]:
        incoming: dict[str, list[str]] = {n: [] for n in self.scenario.nodes}
        for edges in self.out.values():
            for e in edges:
                incoming[e.target].append(e.source)
        good = {n for n in self.scenario.nodes if self.is_ending(n)}
        queue = deque(good)
        while queue:
            for src in incoming[queue.popleft()]:
                if src not in good:
                    good.add(src)
                    queue.append(src)
        return good

    def closing_edge(self, component: list[str], start: str) -> tuple[str, Edge]:
        """Where a loop closes: (the node the loop is entered at, the edge that leads back into the loop).

        The entry is the component's node met first from the start (breadth-first); walking the loop
        depth-first from there in authored order, the first edge back to a node still on the walk is the
        `goto` (or `next:`) that closes it: the place an author turns the loop into one with a way out.
        """
        members = set(component)
        order = {start: 0}
        queue = deque([start] if start in self.out else [])
        while queue:
            for edge in self.out[queue.popleft()]:
                if edge.target not in order:
                    order[edge.target] = len(order)
                    queue.append(edge.target)
        entry = min(component, key=lambda n: (order.get(n, len(order)), n))
        on_walk = {entry}
        done: set[str] = set()
        walk = [(entry, iter([e for e in self.out[entry] if e.target in members]))]
        while walk:
            node, edges = walk[-1]
            out = next(edges, None)
            if out is None:
                walk.pop()
                on_walk.discard(node)
                done.add(node)
            elif out.target in on_walk:
                return entry, out
            elif out.target not in done:
                on_walk.add(out.target)
                walk.append((out.target, iter([e for e in self.out[out.target] if e.target in members])))
        raise ValueError("not a loop")  # a strongly connected component with an edge always has a cycle

    def strongly_connected(self, nodes: set[str]) -> list[list[str]]:
        """Tarjan's SCCs within `nodes` (iterative: scenarios may be large)."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        result: list[list[str]] = []
        counter = 0
        for root in sorted(nodes):
            if root in index:
                continue
            work = [(root, iter([e.target for e in self.out[root] if e.target in nodes]))]
            index[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on_stack.add(root)
            while work:
                node, children = work[-1]
                child = next(children, None)
                if child is None:
                    work.pop()
                    if work:
                        low[work[-1][0]] = min(low[work[-1][0]], low[node])
                    if low[node] == index[node]:
                        comp = []
                        while True:
                            top = stack.pop()
                            on_stack.discard(top)
                            comp.append(top)
                            if top == node:
                                break
                        result.append(comp)
                elif child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter([e.target for e in self.out[child] if e.target in nodes])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
        return result
