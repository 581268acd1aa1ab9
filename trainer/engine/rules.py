"""The registry of allowed operations: conditions (flag, meter compare) and effects (set, add).

YAML never names Python: each condition or effect model maps to one function here, looked up by type.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from trainer.model.scenario import AddEffect, FlagCondition, Line, MeterCondition, Scenario, SetEffect


@dataclass
class GameState:
    """Flags and bounded meters of one session."""

    flags: dict[str, bool] = field(default_factory=dict)
    meters: dict[str, int] = field(default_factory=dict)
    bounds: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def initial(cls, scenario: Scenario) -> GameState:
        meters = scenario.state.meters
        return cls(
            flags={name: False for name in scenario.state.flags},
            meters={name: m.start for name, m in meters.items()},
            bounds={name: (m.min, m.max) for name, m in meters.items()},
        )

    def copy(self) -> GameState:
        return GameState(dict(self.flags), dict(self.meters), self.bounds)

    def key(self) -> tuple[Any, ...]:
        """A hashable snapshot, for search over states."""
        return (tuple(sorted(self.flags.items())), tuple(sorted(self.meters.items())))

    def set_meter(self, name: str, value: int) -> None:
        low, high = self.bounds[name]
        self.meters[name] = max(low, min(high, value))


def _flag(cond: FlagCondition, state: GameState) -> bool:
    return state.flags.get(cond.flag, False) is cond.is_


def _meter(cond: MeterCondition, state: GameState) -> bool:
    value = state.meters.get(cond.meter, 0)
    if cond.at_least is not None and value < cond.at_least:
        return False
    return not (cond.at_most is not None and value > cond.at_most)


def _set(effect: SetEffect, state: GameState) -> None:
    if isinstance(effect.to, bool):
        state.flags[effect.set] = effect.to
    else:
        state.set_meter(effect.set, effect.to)


def _add(effect: AddEffect, state: GameState) -> None:
    state.set_meter(effect.add, state.meters.get(effect.add, 0) + effect.by)


CONDITIONS: dict[type, Callable[[Any, GameState], bool]] = {FlagCondition: _flag, MeterCondition: _meter}
EFFECTS: dict[type, Callable[[Any, GameState], None]] = {SetEffect: _set, AddEffect: _add}


def holds(conditions: Sequence[Any], state: GameState) -> bool:
    """True when every condition holds."""
    return all(CONDITIONS[type(c)](c, state) for c in conditions)


def visible(lines: Sequence[Line], state: GameState) -> tuple[Line, ...]:
    """The lines of a node shown in this state: those without conditions and those whose conditions hold."""
    return tuple(line for line in lines if not line.when or holds(line.when, state))


def apply(effects: Sequence[Any], state: GameState) -> None:
    for effect in effects:
        EFFECTS[type(effect)](effect, state)
