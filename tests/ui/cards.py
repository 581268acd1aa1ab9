"""Picker cards for tests: the card of a scenario already loaded, as the command's cache would give it."""

from __future__ import annotations

from trainer.model.card import ScenarioCard
from trainer.model.loader import LoadedScenario


def card_of(loaded: LoadedScenario) -> ScenarioCard:
    sc = loaded.scenario
    return ScenarioCard(
        loaded.path,
        sc.id,
        (sc.title.nl, sc.title.en),
        (sc.setting.place.nl, sc.setting.place.en),
        sc.setting.time_of_day.value,
        sc.duration_minutes,
    )
