"""A window that plays one scenario after another keeps only the current one's pictures: the art caches are
bounded by count, so without this the peak memory grew with the library (304 MB for thirteen scenarios in
the bench's 'peak RSS after playing every bundled scenario', target 300 MB)."""

from __future__ import annotations

from tests.conftest import SCENARIOS
from trainer.ui import art
from trainer.ui.app import PlayerOptions
from trainer.ui.pilot import Pilot


def _backdrops_cached() -> set[str]:
    return {key[0] for key in art._backdrops._items}


def test_a_new_scenario_drops_the_last_ones_pictures() -> None:
    first = Pilot(PlayerOptions(trainee="M1", scenario_file=SCENARIOS / "stationsplein.yaml", lang="nl"))
    first.press("enter")  # the briefing, then the street
    assert first.screen == "selection"
    first.wait(1)
    assert "stationsplein" in _backdrops_cached()
    second = Pilot(
        PlayerOptions(trainee="M1", scenario_file=SCENARIOS / "grenscontrole_trein.yaml", lang="nl")
    )
    assert "stationsplein" not in _backdrops_cached()
    second.press("enter")
    second.wait(1)
    assert _backdrops_cached() <= {"trein"}


def test_the_same_scenario_again_keeps_its_pictures() -> None:
    """F5 (a reload of the file being written) or a second session of the same scenario draws at once."""
    first = Pilot(PlayerOptions(trainee="M2", scenario_file=SCENARIOS / "stationsplein.yaml", lang="nl"))
    first.press("enter")
    first.wait(1)
    cached = _backdrops_cached()
    Pilot(PlayerOptions(trainee="M2", scenario_file=SCENARIOS / "stationsplein.yaml", lang="nl"))
    assert _backdrops_cached() == cached
