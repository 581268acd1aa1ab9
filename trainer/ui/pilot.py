"""Drive the player headless, as a trainee would: keys, typing, clicks and time, on a fixed clock.

Tests and `trainer storyboard` use it; under SDL_VIDEODRIVER=dummy no window appears.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pygame

from trainer.engine.clock import FakeClock
from trainer.model.loader import LoadedScenario
from trainer.records import RecordStore
from trainer.records.sessions import RecordedSessions
from trainer.ui.app import App, PlayerOptions
from trainer.ui.frame import Layout
from trainer.ui.routing import SCREENS, Screen

FRAME = 1 / 60

KEY_NAMES = {
    "enter": pygame.K_RETURN,
    "esc": pygame.K_ESCAPE,
    "tab": pygame.K_TAB,
    "space": pygame.K_SPACE,
    "left": pygame.K_LEFT,
    "right": pygame.K_RIGHT,
    "up": pygame.K_UP,
    "down": pygame.K_DOWN,
    "backspace": pygame.K_BACKSPACE,
    "f5": pygame.K_F5,
    "f1": pygame.K_F1,
    "f2": pygame.K_F2,
    "f3": pygame.K_F3,
    "n": pygame.K_n,
    "i": pygame.K_i,
    "b": pygame.K_b,
}


class Pilot:
    """Drives an App on a FakeClock; every input goes through `App.step`, as in the real loop."""

    def __init__(
        self,
        options: PlayerOptions,
        *,
        store: RecordStore | None = None,
        check: Callable[[LoadedScenario], list[str]] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.clock = FakeClock()
        self.app = App(
            options, RecordedSessions(store, check=check), clock=self.clock, rng=rng or random.Random(0)
        )
        self.advance(1)

    def advance(self, frames: int = 1) -> None:
        """Let time pass: `frames` frames of 1/60 s each, with no input."""
        for _ in range(frames):
            self.clock.advance(FRAME)
            self.app.step([], FRAME)

    def wait(self, seconds: float) -> None:
        """Let `seconds` pass frame by frame, timers and all, but paint only the last frame: the frames in
        between are never looked at (a minute of waiting took 3,600 paints)."""
        frames = max(1, round(seconds / FRAME))
        for i in range(frames):
            self.clock.advance(FRAME)
            self.app.step([], FRAME, draw=i == frames - 1)

    def _send(self, event: pygame.event.Event) -> None:
        self.clock.advance(FRAME)
        self.app.step([event], FRAME)

    def press(self, *keys: str, shift: bool = False) -> None:
        """Press keys by name ('enter', 'tab', 'left') or single characters/digits ('1', 'n')."""
        for key in keys:
            code = KEY_NAMES.get(key) or pygame.key.key_code(key)
            mod = pygame.KMOD_SHIFT if shift else 0
            self._send(
                pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=key if len(key) == 1 else "")
            )
            self._send(pygame.event.Event(pygame.KEYUP, key=code, mod=mod))

    def hold(self, key: str, seconds: float) -> None:
        """Hold a key down for a while, then let go (as a trainee holding an arrow to look around)."""
        code = KEY_NAMES.get(key) or pygame.key.key_code(key)
        self._send(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=""))
        self.wait(seconds)
        self._send(pygame.event.Event(pygame.KEYUP, key=code, mod=0))

    def type(self, text: str) -> None:
        """Type text into the focused field, one character event at a time."""
        for char in text:
            self._send(pygame.event.Event(pygame.TEXTINPUT, text=char))

    def click(self, pos: tuple[int, int]) -> None:
        """Move the mouse to `pos` and click the left button there."""
        self._send(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        self._send(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        self._send(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))

    def layout(self) -> Layout:
        """The layout of the screen on display (rects, wrapped text), for assertions on geometry."""
        return SCREENS[self.app.showing].layout(self.app.frame())

    @property
    def screen(self) -> Screen:
        return self.app.showing

    def screenshot(self, path: Path) -> Path:
        """Save the last painted frame as PNG."""
        pygame.image.save(self.app.surface, str(path))
        return path
