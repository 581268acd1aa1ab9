"""The decision a group revote asks again, as a trainee's window or terminal shows it: the same situation
and the same options, in the order this trainee saw them, without timer and without what followed.

Pure: from the session's scenario (in this session's looks) and its events.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.engine.errors import EngineError
from trainer.engine.events import Event, NodeEntered, RevoteCast
from trainer.engine.order import sheet_order
from trainer.engine.rules import rules_for
from trainer.model.graph import NOBODY, node_choices
from trainer.model.scenario import Scenario, SceneNode, SelectionNode


@dataclass(frozen=True)
class RevoteOption:
    """`label` is the option in the trainee's language; None for 'nobody' (the host says it in its words)."""

    choice_id: str
    label: str | None


@dataclass(frozen=True)
class RevoteQuestion:
    revote_id: str
    node_id: str
    prompt: str  # the selection's question, or empty for a scene
    lines: tuple[tuple[str, str], ...]  # (speaker id, text) of a scene, as written (conditions not applied)
    options: tuple[RevoteOption, ...]


def revote_question(
    scenario: Scenario, events: list[Event], revote_id: str, node_id: str, lang: str
) -> RevoteQuestion | None:
    """The question, or None when the node is not a decision point of this scenario."""
    if node_id not in scenario.nodes:
        return None
    listed = {cid: choice for cid, _step, choice, _p in node_choices(scenario, node_id)}
    if not listed:
        return None
    seen = next((e.order for e in events if isinstance(e, NodeEntered) and e.node == node_id and e.order), ())
    pins = [(o.id, o.pin) for o in rules_for(scenario).options[node_id]]
    order = [c for c in seen if c in listed] or list(sheet_order(node_id, pins))
    order += [c for c in listed if c not in order]  # options this trainee's route did not offer, last
    node = scenario.nodes[node_id]
    options = []
    for cid in order:
        if isinstance(node, SelectionNode):
            cand = next((c for c in node.candidates if c.id == cid), None)
            label = cand.label.get(lang) if cand is not None else None
            options.append(RevoteOption(cid, None if cid == NOBODY else label))
        else:
            options.append(RevoteOption(cid, listed[cid].text.get(lang)))
    prompt = node.prompt.get(lang) if isinstance(node, SelectionNode) else ""
    lines = tuple((ln.speaker, ln.text.get(lang)) for ln in node.lines) if isinstance(node, SceneNode) else ()
    return RevoteQuestion(revote_id, node_id, prompt, lines, tuple(options))


def vote_event(scenario: Scenario, revote_id: str, node_id: str, choice_id: str, t: float) -> RevoteCast:
    """The RevoteCast for a vote for `choice_id` at `node_id`, with the option's step and assessment; an
    EngineError when the node has no such option."""
    listed = node_choices(scenario, node_id) if node_id in scenario.nodes else iter(())
    found = next(((step, c) for cid, step, c, _p in listed if cid == choice_id), None)
    if found is None:
        raise EngineError(
            f"'{choice_id}' is geen keuze bij '{node_id}'", f"'{choice_id}' is not a choice at '{node_id}'"
        )
    step, choice = found
    return RevoteCast(t, revote_id, node_id, choice_id, step.value, choice.assessment.value)


def voted(events: list[Event], revote_id: str) -> bool:
    return any(isinstance(e, RevoteCast) and e.revote_id == revote_id for e in events)
