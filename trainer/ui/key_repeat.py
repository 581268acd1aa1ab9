"""Our own key repeat, on the injected clock: the Pilot can hold a key, and a pause stops the repeats."""

from __future__ import annotations

import pygame

# Held keys repeat only where repeating is safe: looking around, moving focus, deleting typed text.
# Enter, Tab and digits never repeat, so a key held a little too long cannot skip a page or a choice.
REPEAT_KEYS = (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_BACKSPACE)
REPEAT_DELAY, REPEAT_INTERVAL = 0.35, 0.07


class KeyRepeat:
    """Which repeatable keys are held, and when each repeats next."""

    def __init__(self) -> None:
        self._held: dict[int, float] = {}  # repeatable key -> clock time of its next repeat

    def clear(self) -> None:
        self._held.clear()

    def track(self, event: pygame.event.Event, now: float) -> None:
        if event.type == pygame.KEYDOWN and event.key in REPEAT_KEYS:
            self._held[event.key] = now + REPEAT_DELAY
        elif event.type == pygame.KEYUP:
            self._held.pop(event.key, None)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self._held.clear()  # the key-up went to another window

    def due(self, now: float) -> list[int]:
        """The held keys whose repeat is due now (each scheduled for its next repeat)."""
        keys = [key for key, at in self._held.items() if now >= at]
        for key in keys:
            self._held[key] = now + REPEAT_INTERVAL
        return keys

    def pending(self) -> dict[int, float]:
        """The held keys and when each repeats next (a copy)."""
        return dict(self._held)

    def holds(self, key: int) -> bool:
        return key in self._held
