"""A scenario's card in the picker: what an officer knows before a shift (title, place, time, duration).

The picker needs only these few words, so the window can show its first frame without loading and checking
every bundled scenario: cards come from a small cache (`trainer.commands.cards`), and the whole file is read
and checked when it is picked, so every error message still appears where the scenario is played.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.model.text import tr
from trainer.model.vocabulary import TimeOfDay

# Time-of-day values the picker can name; a cached card with another is refused.
TIMES_OF_DAY = frozenset(t.value for t in TimeOfDay)


@dataclass(frozen=True)
class ScenarioCard:
    """One picker entry. `scenario_id` is None when the file could not be read: picking it shows why."""

    path: str
    scenario_id: str | None
    title: tuple[str, str | None]  # (Dutch, English)
    place: tuple[str, str | None]
    time_of_day: str | None
    duration_minutes: int | None

    def title_in(self, lang: str) -> str:
        return tr(*self.title, lang)

    def place_in(self, lang: str) -> str:
        return tr(*self.place, lang)

    @property
    def readable(self) -> bool:
        return self.scenario_id is not None
