"""The console's window and loop, and a LeadPilot that drives the same Console headless for tests, snapshots
and the bench (under SDL_VIDEODRIVER=dummy no window appears)."""

from __future__ import annotations

from pathlib import Path

import pygame

from trainer.ui.lead.console import Console
from trainer.ui.lead.source import LeadSource
from trainer.ui.present.window import NoDisplayError

SIZE = (1280, 720)
FPS = 30


def lead(source: LeadSource, lang: str, *, size: tuple[int, int] = SIZE, fullscreen: bool = False) -> None:
    """Run the console until the leader closes it (Esc on the live board, or the window's close button)."""
    try:
        pygame.display.init()
    except pygame.error as exc:
        raise NoDisplayError(str(exc)) from None
    pygame.font.init()
    pygame.display.set_caption(("Gespreksleider" if lang != "en" else "Console") + f" · {source.group}")
    if fullscreen and pygame.display.get_driver() not in ("dummy", "offscreen"):
        surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    else:
        surface = pygame.display.set_mode(size, pygame.RESIZABLE)
    console = Console(source, surface, lang)
    ticker = pygame.time.Clock()
    pygame.key.stop_text_input()  # letters are commands until a note is typed
    try:
        while console.running:
            events = pygame.event.get()
            for event in events:
                resized = pygame.display.get_surface() if event.type == pygame.VIDEORESIZE else None
                if resized is not None:
                    console.surface = resized
            console.step(events)
            pygame.display.flip()
            ticker.tick(FPS)
    finally:
        try:
            console.close()
        finally:
            pygame.quit()


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
    **{ch: getattr(pygame, f"K_{ch}") for ch in "abcdefghijklmnopqrstuvwxyz0123456789"},
}


class LeadPilot:
    """Presses keys and types into a Console drawn on an off-screen surface of any size."""

    def __init__(self, source: LeadSource, lang: str = "nl", size: tuple[int, int] = SIZE) -> None:
        pygame.display.init()
        pygame.font.init()
        self.console = Console(source, pygame.Surface(size), lang)
        self.console.step([])

    def press(self, *keys: str) -> None:
        for key in keys:
            self.console.step([pygame.event.Event(pygame.KEYDOWN, key=KEYS[key], mod=0, unicode="")])

    def type(self, text: str) -> None:
        self.console.step([pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text])

    def frame(self) -> None:
        """One frame with no input: the console polls and redraws."""
        self.console.step([])

    def text(self) -> str:
        """Everything the last frame wrote, one piece per line: what a test reads."""
        c = self.console
        if c.state.mode == "present" and c.deck is not None:
            pieces = [" ".join(d.lines) for d in c.deck.drawn]
            if c.revote is not None:
                pieces += [" ".join(d.lines) for d in c.revote.drawn]
            return "\n".join(pieces)
        return "\n".join(p.text for p in c.placed)

    def screenshot(self, path: Path) -> Path:
        pygame.image.save(self.console.surface, str(path))
        return path
