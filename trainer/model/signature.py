"""What a route through a scenario depends on, without its text: two snapshots with the same signature
give the same routes, so their sessions can be debriefed together (debrief.versions)."""

from __future__ import annotations

from typing import Any

from trainer.model.graph import node_choices
from trainer.model.scenario import EndingNode, Scenario, SceneNode

Signature = dict[str, tuple[Any, ...]]


def signature(scenario: Scenario) -> Signature:
    """Node id → what a route through it depends on; text is left out."""
    out: Signature = {}
    for node_id, node in scenario.nodes.items():
        choices = tuple(
            (
                cid,
                step.value,
                choice.assessment.value,
                choice.goto
                if isinstance(choice.goto, str)
                else tuple(b.model_dump_json() for b in choice.goto),
                tuple(c.model_dump_json() for c in choice.when),
                tuple(e.model_dump_json() for e in choice.effects),
            )
            for cid, step, choice, _path in node_choices(scenario, node_id)
        )
        extra: tuple[Any, ...] = ()
        if isinstance(node, SceneNode):
            flow = (
                node.next
                if node.next is None or isinstance(node.next, str)
                else tuple(b.model_dump_json() for b in node.next)
            )
            extra = (flow, node.timer.default if node.timer else None)
        elif isinstance(node, EndingNode):
            extra = (node.outcome.value,)
        out[node_id] = (node.type, choices, extra)
    return out
