"""The state of one run: flags and meters, immutable. The rules (engine/rules.py) say how it changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from trainer.engine.frozen import Record

_NO_LOOKS: Mapping[str, str] = MappingProxyType({})

if TYPE_CHECKING:
    from trainer.model.scenario import Scenario


class GameState(Record):
    """Flags and meters of one run. Immutable: every change makes a new state, so a state can be shared,
    cached against and searched over without copying (and shares the part a change leaves alone). A frozen
    record rather than a frozen dataclass: one is built on most steps a host takes."""

    # read-only views of dicts nobody else holds; `.copy()` of a view is a fast dict copy, dict(view) is not
    flags: MappingProxyType[str, bool]
    meters: MappingProxyType[str, int]
    # the casting a `when:` asks about (cast id -> look id), fixed per run: a look test is pure too
    looks: Mapping[str, str] = field(default_factory=lambda: _NO_LOOKS)

    @classmethod
    def of(cls, flags: Mapping[str, bool], meters: Mapping[str, int]) -> GameState:
        return cls(MappingProxyType(dict(flags)), MappingProxyType(dict(meters)))

    @classmethod
    def initial(cls, scenario: Scenario) -> GameState:
        from trainer.engine.rules import rules_for  # the rules compile the initial state, once

        return rules_for(scenario).initial

    def key(self) -> tuple[Any, ...]:
        """A hashable snapshot, for search over states."""
        return (
            tuple(sorted(self.flags.items())),
            tuple(sorted(self.meters.items())),
            tuple(sorted(self.looks.items())),
        )
