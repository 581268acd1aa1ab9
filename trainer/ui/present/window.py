"""The presentation's window and loop, and a Pilot that drives the same Deck headless for tests and
snapshots (under SDL_VIDEODRIVER=dummy no window appears)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pygame

from debrief.slides import Slide
from trainer.ui.present.deck import Deck

SIZE = (1280, 720)


class NoDisplayError(Exception):
    """No screen to open a window on."""


def present(
    slides: Sequence[Slide],
    lang: str,
    *,
    commitments: Sequence[str] = (),
    save: Callable[[list[str]], None] | None = None,
    fullscreen: bool = True,
) -> list[str]:
    """Show the slides full-screen until Esc; returns the commitments typed (already handed to `save`)."""
    try:
        pygame.display.init()
    except pygame.error as exc:
        raise NoDisplayError(str(exc)) from None
    pygame.font.init()
    pygame.display.set_caption("Nabespreking" if lang != "en" else "Debrief")
    if fullscreen and pygame.display.get_driver() not in ("dummy", "offscreen"):
        surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    else:
        surface = pygame.display.set_mode(SIZE)
    deck = Deck(slides, surface, lang, commitments=commitments, save=save)
    ticker = pygame.time.Clock()
    pygame.key.start_text_input()
    try:
        while deck.running:
            deck.step(pygame.event.get())
            pygame.display.flip()
            ticker.tick(30)
    finally:
        pygame.quit()
    return deck.state.commitments


KEYS = {
    "right": pygame.K_RIGHT,
    "left": pygame.K_LEFT,
    "up": pygame.K_UP,
    "down": pygame.K_DOWN,
    "pagedown": pygame.K_PAGEDOWN,
    "pageup": pygame.K_PAGEUP,
    "enter": pygame.K_RETURN,
    "esc": pygame.K_ESCAPE,
    "backspace": pygame.K_BACKSPACE,
}


class PresentPilot:
    """Presses keys and types into a Deck drawn on an off-screen surface of any size."""

    def __init__(
        self,
        slides: Sequence[Slide],
        lang: str = "nl",
        size: tuple[int, int] = SIZE,
        *,
        commitments: Sequence[str] = (),
        save: Callable[[list[str]], None] | None = None,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.deck = Deck(slides, pygame.Surface(size), lang, commitments=commitments, save=save)
        self.deck.step([])

    def press(self, *keys: str) -> None:
        for key in keys:
            self.deck.step([pygame.event.Event(pygame.KEYDOWN, key=KEYS[key], mod=0, unicode="")])

    def type(self, text: str) -> None:
        self.deck.step([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text])

    def screenshot(self, path: Path) -> Path:
        pygame.image.save(self.deck.surface, str(path))
        return path
