"""Builds the transitions Machine of a scenario: one state per node plus the after-phases.

One Machine serves every Session of a scenario: sessions are plain objects with a `state` attribute that
are triggered directly (no add_model), so forking a session for search costs nothing. Conditions are
closures over the registry, never strings (transitions would import dotted names).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from transitions import Event, Machine

from trainer.engine.rules import GameState, holds
from trainer.model.graph import node_choices
from trainer.model.scenario import EndingNode, Scenario, SceneNode

REFLECTION = "#reflectie"
REGISTRATION = "#registratie"
DONE = "#klaar"
ADVANCE = ">"

logging.getLogger("transitions").setLevel(logging.WARNING)


def trigger_name(node: str, choice: str) -> str:
    return f"{node}.{choice}"


@dataclass(frozen=True)
class BuiltMachine:
    machine: Machine
    events: dict[str, Event]


def _condition(conditions: Any) -> Callable[[GameState], bool]:
    def check(state: GameState) -> bool:
        return holds(conditions, state)

    return check


def build_machine(scenario: Scenario) -> BuiltMachine:
    """A Machine with auto_transitions off; each choice, `next:` and phase step is a named trigger."""
    states = [*scenario.nodes, REFLECTION, REGISTRATION, DONE]
    transitions: list[dict[str, Any]] = []
    for node_id, node in scenario.nodes.items():
        for cid, _step, choice, _path in node_choices(scenario, node_id):
            spec: dict[str, Any] = {
                "trigger": trigger_name(node_id, cid),
                "source": node_id,
                "dest": choice.goto,
            }
            if choice.when:
                spec["conditions"] = [_condition(choice.when)]
            transitions.append(spec)
        if isinstance(node, SceneNode) and node.next and not node.choices:
            transitions.append(
                {"trigger": trigger_name(node_id, ADVANCE), "source": node_id, "dest": node.next}
            )
        if isinstance(node, EndingNode):
            transitions.append(
                {"trigger": trigger_name(node_id, ADVANCE), "source": node_id, "dest": REFLECTION}
            )
    transitions.append(
        {"trigger": trigger_name(REFLECTION, ADVANCE), "source": REFLECTION, "dest": REGISTRATION}
    )
    transitions.append({"trigger": trigger_name(REGISTRATION, ADVANCE), "source": REGISTRATION, "dest": DONE})
    machine = Machine(
        model=None,
        states=states,
        transitions=transitions,
        initial=scenario.start,
        auto_transitions=False,
        send_event=False,
        ignore_invalid_triggers=False,
    )
    return BuiltMachine(machine, dict(machine.events))


_CACHE: dict[int, tuple[Scenario, BuiltMachine]] = {}
_CACHE_SIZE = 16


def machine_for(scenario: Scenario) -> BuiltMachine:
    """The cached Machine of a scenario object (the entry keeps the scenario alive, so ids stay unique)."""
    entry = _CACHE.get(id(scenario))
    if entry is not None and entry[0] is scenario:
        return entry[1]
    built = build_machine(scenario)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(scenario)] = (scenario, built)
    return built
