"""Builds the transitions Machine of a scenario: one state per node plus the after-phases.

The Machine holds the current node and fires transitions; it decides nothing. Which moves are legal and
where they lead is `Rules.step` (engine/rules.py): the Machine's transitions carry no conditions, so the
rules exist once. One Machine serves every Session of a scenario: sessions are plain objects with a `state`
attribute that are triggered directly (no add_model), so forking a session for search costs nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from transitions import Event, Machine, MachineError

from trainer.engine.rules import ADVANCE, DONE, REFLECTION, REGISTRATION, Rules, rules_for
from trainer.model.scenario import Scenario

__all__ = ["ADVANCE", "DONE", "REFLECTION", "REGISTRATION", "BuiltMachine", "machine_for", "trigger_name"]

logging.getLogger("transitions").setLevel(logging.WARNING)


def trigger_name(node: str, choice: str) -> str:
    return f"{node}.{choice}"


@dataclass(frozen=True)
class BuiltMachine:
    machine: Machine
    events: dict[str, Event]
    # (source, choice id or ADVANCE) -> destination, read from the Machine's own transition table once.
    table: dict[tuple[str, str], str]

    def fire(self, model: Any, choice: str) -> str:
        """Fire the trigger of `choice` on `model`: the Machine's table gives the destination, and the model's
        state is set to it as `Machine.set_state` would (without its per-call type checks and listify).

        `Event.trigger` would run transitions' callback pipeline (prepare, conditions, before, exit, enter,
        after, each with debug logging): 15-25 µs a step, more than the whole choice step may cost, for
        callbacks this Machine never has (`build_machine` registers none and a test holds the two paths to
        the same result). The Machine still refuses a trigger its table does not have from this state.
        """
        dest = self.table.get((model.state, choice))
        if dest is None:
            raise MachineError(f"'{trigger_name(model.state, choice)}' is not a transition of this machine")
        model.state = dest  # what Machine.set_state does for one model, without its per-call checks
        return dest


def build_machine(rules: Rules) -> BuiltMachine:
    """A Machine with auto_transitions off; each choice, `next:` and phase step is a named trigger."""
    scenario = rules.scenario
    states = [*scenario.nodes, REFLECTION, REGISTRATION, DONE]
    transitions: list[dict[str, Any]] = [
        {
            "trigger": trigger_name(node_id, trigger),
            "source": node_id,
            "dest": target,
        }
        for node_id, options in rules.options.items()
        for option in options
        for trigger, (_test, target, _path) in zip(option.triggers, option.targets, strict=True)
    ]
    transitions += [
        {"trigger": trigger_name(source, ADVANCE), "source": source, "dest": dest}
        for source, dest in rules.advances.items()
    ]
    transitions += [
        {
            "trigger": trigger_name(source, ADVANCE if i == 0 else f"{ADVANCE}#{i}"),
            "source": source,
            "dest": dest,
        }
        for source, branches in rules.next_branches.items()
        for i, (_test, dest) in enumerate(branches)
    ]
    machine = Machine(
        model=None,
        states=states,
        transitions=transitions,
        initial=scenario.start,
        auto_transitions=False,
        send_event=False,
        ignore_invalid_triggers=False,
    )
    events = dict(machine.events)
    table = {
        (source, name.rpartition(".")[2]): items[0].dest
        for name, event in events.items()
        for source, items in event.transitions.items()
        if items[0].dest is not None
    }
    return BuiltMachine(machine, events, table)


_CACHE: dict[int, tuple[Scenario, BuiltMachine]] = {}
_CACHE_SIZE = 16


def machine_for(scenario: Scenario) -> BuiltMachine:
    """The cached Machine of a scenario object (the entry keeps the scenario alive, so ids stay unique)."""
    entry = _CACHE.get(id(scenario))
    if entry is not None and entry[0] is scenario:
        return entry[1]
    built = build_machine(rules_for(scenario))
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(scenario)] = (scenario, built)
    return built
