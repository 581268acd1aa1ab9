"""What a screen is given each frame, what it keeps between frames, and what it asks the app to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import pygame

from trainer.engine.revote import RevoteQuestion
from trainer.engine.views import View
from trainer.model.card import ScenarioCard
from trainer.model.scenario import Scenario
from trainer.ui.preferences import SettingsView
from trainer.ui.text import TextBlock
from trainer.ui.theme import Theme

if TYPE_CHECKING:  # a page module imports this one
    from trainer.ui.screens.page import Page


@dataclass
class UiState:
    """A screen's own state between frames (focus, pan, typed text). Reset when the screen changes.

    `focus` None means nothing has focus: where a choice is made, nothing is pre-selected until the trainee
    moves the focus with a key or the mouse.
    """

    focus: int | None = 0
    hover: int | None = None
    pan: float = 0.5
    pan_velocity: float = 0.0
    pan_target: float | None = None
    inspected: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    ticks: set[str] = field(default_factory=set)
    radio: dict[str, str] = field(default_factory=dict)
    page: int = 0
    part: int = 0  # of a text page too long for one screen at the chosen text size
    message: str | None = None
    skip_reveal: bool = False


class Unfinished(NamedTuple):
    """An unfinished session the picker offers to resume."""

    session_id: str
    scenario_id: str
    started: str
    title: str


@dataclass
class Frame:
    """Everything a screen may read. `now` is seconds on this screen (the app's clock, paused with Esc)."""

    theme: Theme
    size: tuple[int, int]
    lang: str
    ui: UiState
    now: float = 0.0
    view: View | None = None
    scenario: Scenario | None = None
    timer_left: float | None = None
    scenarios: tuple[ScenarioCard, ...] = ()  # the picker's bundled scenarios (cards, not loaded)
    resume: tuple[Unfinished, ...] = ()  # the picker's unfinished sessions, listed first
    findings: tuple[str, ...] = ()  # a scenario file's problems, each naming file:line:column
    perspective: tuple[Page, ...] = ()  # the perspective switch, then the learning goals, as pages to draw
    show_meters: bool = False  # the instructor's --show-meters: tension and trust bars during play
    timed_out: bool = False  # the node's time is up: "De tijd is om" shows, its default follows
    seed: int = 0  # the session's seed: who passes by in the street
    pace: float = 1.0  # the session's tempo: > 1 is slower (the scene moves 1/pace as fast)
    settings: SettingsView | None = None  # the settings page's values and notes
    street_t: float | None = None  # seconds into the selection street (the session's); None: `now`
    departed: frozenset[str] = frozenset()  # candidates who have left the street: no longer addressable
    revote: RevoteQuestion | None = None  # a group revote the gespreksleider opened: the decision again


@dataclass
class Layout:
    """Positions of everything on a screen: drawn from and clicked on, and what layout tests check."""

    buttons: list[tuple[pygame.Rect, Command]] = field(default_factory=list)
    texts: list[tuple[str, TextBlock, pygame.Rect, pygame.font.Font]] = field(default_factory=list)
    rects: dict[str, pygame.Rect] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)

    def button(self, rect: pygame.Rect, command: Command, label: str) -> None:
        self.buttons.append((rect, command))
        self.labels.append(label)

    def text(self, name: str, block: TextBlock, box: pygame.Rect, font: pygame.font.Font) -> TextBlock:
        """Register laid-out text: drawn from here, and checked by layout tests to fit its box."""
        self.texts.append((name, block, box, font))
        return block

    def text_named(self, name: str) -> tuple[TextBlock, pygame.Rect, pygame.font.Font]:
        _, tb, box, font = next(entry for entry in self.texts if entry[0] == name)
        return tb, box, font


# --- commands: what a screen asks the app to do ---


@dataclass(frozen=True)
class Command:
    pass


@dataclass(frozen=True)
class Choose(Command):
    choice_id: str


@dataclass(frozen=True)
class Advance(Command):
    pass


@dataclass(frozen=True)
class Answer(Command):
    question_id: str
    text: str
    shared: bool | None = None  # with the last question: "mag gedeeld worden" (ticked or not)


@dataclass(frozen=True)
class Register(Command):
    grounds: tuple[str, ...]
    legal_basis: str
    outcome: str
    reason: str


@dataclass(frozen=True)
class StartPlayer(Command):
    trainee: str
    group: str | None


@dataclass(frozen=True)
class PickScenario(Command):
    index: int


@dataclass(frozen=True)
class ResumeSession(Command):
    session_id: str


@dataclass(frozen=True)
class SetLang(Command):
    lang: str


@dataclass(frozen=True)
class Begin(Command):
    pass


@dataclass(frozen=True)
class ToMenu(Command):
    pass


@dataclass(frozen=True)
class Quit(Command):
    pass


@dataclass(frozen=True)
class Unpause(Command):
    pass


@dataclass(frozen=True)
class OpenSettings(Command):
    pass


@dataclass(frozen=True)
class Adjust(Command):
    """One change on the settings page: `name` is a Preferences field, `step` +1 or -1."""

    name: str
    step: int
