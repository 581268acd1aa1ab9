"""The whole of `trainer check`: the model's checks, then the route checks that follow the rules of play.

"Every route covers the four steps" (C110) is decided on the state graph (`engine/routes.py`), so a
choice hidden by `when:` or a branch of a conditional `goto` that cannot be taken makes no route, and a
route the conditions do allow is never missed. The model layer cannot run the rules (it sits below the
engine), so the check that needs them lives here.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from trainer.engine.look_routes import look_route_findings
from trainer.engine.routes import coverage
from trainer.model.checks import check as model_check
from trainer.model.diagnostics import Both, Diagnostic
from trainer.model.graph import ALL_STEPS, missing_steps, step_bit
from trainer.model.loader import LoadedScenario
from trainer.model.phrases import PhraseList
from trainer.model.scenario import EndingNode

# Findings that leave the rules unable to play the scenario (an unknown node, flag or meter, no start, two
# choices of one node with one id, a conditional goto without a default): the route search waits until
# they are fixed.
_BLOCKING = frozenset({"C101", "C103", "C104", "C115", "C116", "C118", "C119", "C147"})


def _graph_can_miss_a_step(loaded: LoadedScenario) -> bool:
    """Whether some walk over the graph, ignoring every condition, reaches an ending without all four steps.

    The rules allow only some of these walks, so when none misses a step no route does, and the search over
    states (the exact answer) is needed only when this says yes: a clean scenario is decided in a fraction
    of the time. (The graph also holds a `next:` beside choices, which the rules never take: one walk more
    can only send a scenario to the exact search, never keep it from it.)
    """
    scenario, graph = loaded.scenario, loaded.graph
    nodes = scenario.nodes
    if scenario.start not in nodes:
        return False
    out = {
        node_id: [(e.target, step_bit(e.step) if e.step is not None else 0) for e in edges]
        for node_id, edges in graph.out.items()
    }
    seen = {(scenario.start, 0)}
    stack = [(scenario.start, 0)]
    while stack:
        node_id, mask = stack.pop()
        if isinstance(nodes[node_id], EndingNode):
            if mask != ALL_STEPS:
                return True
            continue
        for target, bit in out[node_id]:
            nxt = (target, mask | bit)
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def route_findings(loaded: LoadedScenario) -> list[Diagnostic]:
    """C110 for every walk to an ending that misses a step, at the choice (or `next:`) that leads into the
    ending without it; one finding per such move and set of missing steps."""
    if not _graph_can_miss_a_step(loaded):
        return []
    found = []
    for gap in coverage(loaded.scenario, count=False).gaps:
        steps = ", ".join(s.value for s in missing_steps(gap.steps))
        found.append(
            loaded.source.diag("C110", gap.last, steps=steps, ending=gap.ending, route=" → ".join(gap.nodes))
        )
    return found


def check(
    loaded: LoadedScenario,
    asset_exists: Callable[[str], bool] = lambda _name: False,
    phrases: PhraseList | None = None,
    asset_problem: Callable[[str], Both | None] = lambda _name: None,
) -> list[Diagnostic]:
    """Every semantic finding for a loaded scenario, in file order (`asset_exists`, `asset_problem`: whether
    a named backdrop image is there, and why it cannot be drawn if so)."""
    # like loading, checking makes many short-lived acyclic objects: the cyclic collector pauses meanwhile
    collecting = gc.isenabled()
    gc.disable()
    try:
        found = model_check(loaded, asset_exists, phrases, asset_problem)
        if not any(d.code in _BLOCKING for d in found):
            found = sorted(
                [*found, *route_findings(loaded), *look_route_findings(loaded)],
                key=lambda d: (d.line, d.column, d.code),
            )
        return found
    finally:
        if collecting:
            gc.enable()
