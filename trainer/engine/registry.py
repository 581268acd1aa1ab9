"""The registry of conditions and effects: each `when:` or `effects:` model maps to one function here.

YAML never names Python: the checker refuses a name that is not a key of `CONDITIONS` or `EFFECTS`, and
`trainer/engine/rules.py` compiles a scenario's conditions and effects through these once per scenario.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from trainer.engine.state import GameState
from trainer.model.casting import condition_member, looks_meeting
from trainer.model.scenario import (
    AddEffect,
    FlagCondition,
    LookCondition,
    MeterCondition,
    Scenario,
    SetEffect,
)

Test = Callable[[GameState], bool]
"""A compiled condition: asked once per state, so the model's fields are read once, at compile time."""


def _flag(cond: FlagCondition, scenario: Scenario | None, speaker: str | None) -> Test:
    name, wanted = cond.flag, cond.is_
    return lambda state: state.flags.get(name, False) is wanted


def _meter(cond: MeterCondition, scenario: Scenario | None, speaker: str | None) -> Test:
    name = cond.meter
    low = cond.at_least if cond.at_least is not None else -(2**63)
    high = cond.at_most if cond.at_most is not None else 2**63
    return lambda state: low <= state.meters.get(name, 0) <= high


def _look(cond: LookCondition, scenario: Scenario | None, speaker: str | None) -> Test:
    who = condition_member(cond, speaker)  # the looks that pass are worked out once, from the pool
    allowed = looks_meeting(scenario, cond, speaker) if scenario is not None else frozenset()
    return lambda state: state.looks.get(who or "") in allowed


Bounds = Mapping[str, tuple[int, int]]


def _clamp(bounds: Bounds, name: str, value: int) -> int:
    low, high = bounds[name]
    return max(low, min(high, value))


Change = tuple[bool, Callable[[dict[str, Any]], None]]
"""A compiled effect: whether it changes the flags (else the meters), and how it changes a copy of them."""


def _set(effect: SetEffect, bounds: Bounds) -> Change:
    name, to = effect.set, effect.to
    if isinstance(to, bool):
        return True, lambda flags: flags.__setitem__(name, to)
    value = _clamp(bounds, name, to)
    return False, lambda meters: meters.__setitem__(name, value)


def _add(effect: AddEffect, bounds: Bounds) -> Change:
    name, by = effect.add, effect.by
    low, high = bounds[name]

    def add(meters: dict[str, Any]) -> None:
        value = meters.get(name, 0) + by
        meters[name] = low if value < low else high if value > high else value

    return False, add


CONDITIONS: dict[type, Callable[[Any, Scenario | None, str | None], Test]] = {
    FlagCondition: _flag,
    MeterCondition: _meter,
    LookCondition: _look,
}
EFFECTS: dict[type, Callable[[Any, Bounds], Change]] = {
    SetEffect: _set,
    AddEffect: _add,
}

Effect = Callable[[GameState], GameState]
"""Compiled `effects:` of a choice: the state after them."""


def compile_effects(effects: Sequence[Any], bounds: Bounds) -> Effect | None:
    """One function for an `effects:` list, applied in order; None when there are none. Flags and meters
    are copied only when an effect changes them: the other half of the state is shared."""
    changes = [EFFECTS[type(e)](e, bounds) for e in effects]
    if not changes:
        return None
    on_flags = tuple(change for is_flag, change in changes if is_flag)
    on_meters = tuple(change for is_flag, change in changes if not is_flag)

    def effect(state: GameState) -> GameState:
        flags, meters = state.flags, state.meters
        if on_flags:
            new_flags = flags.copy()
            for change in on_flags:
                change(new_flags)
            flags = MappingProxyType(new_flags)
        if on_meters:
            new_meters = meters.copy()
            for change in on_meters:
                change(new_meters)
            meters = MappingProxyType(new_meters)
        return GameState(flags, meters, state.looks)

    return effect


def compile_conditions(
    conds: Sequence[Any], sc: Scenario | None = None, who: str | None = None
) -> Test | None:
    """One test for a `when:` (all must hold; None without conditions); a look needs the pools, `who`."""
    tests = [CONDITIONS[type(c)](c, sc, who) for c in conds]
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda state: all(test(state) for test in tests)
