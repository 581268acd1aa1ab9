"""What the command hands the player window: the options it decided, and the error for having no screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.model.card import ScenarioCard
from trainer.records.revote_desk import RevoteDesk
from trainer.ui.preferences import Preferences

SIZE = (1280, 720)


class NoDisplayError(Exception):
    """No screen to open a window on (a server, a broken driver)."""


@dataclass
class PlayerOptions:
    """What the CLI decided: language, who plays, which file, where records go."""

    lang: str = "nl"
    trainee: str | None = None
    group: str | None = None
    scenario_file: Path | None = None
    start_node: str | None = None
    resume_id: str | None = None
    size: tuple[int, int] = SIZE
    fullscreen: bool = False
    scenarios: list[ScenarioCard] = field(
        default_factory=list
    )  # the picker's; loaded and checked when picked
    show_meters: bool = False  # instructor option: tension and trust bars during play (a live score)
    preferences: Preferences = field(default_factory=Preferences)  # the player's own settings
    settings_file: Path | None = None  # where they are remembered; None: for this run only
    sounds: Path | None = None  # the sounds folder; None: silent (tests, the storyboard)
    speech_cache: Path | None = None  # where espeak-ng's lines are kept; None: no reading aloud
    revotes: RevoteDesk | None = None  # watches the group's store for revotes; None: no group revotes
