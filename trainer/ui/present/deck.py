"""The presentation's state and input: which slide, how far revealed, which option in focus, typed text.

`Deck.step(events)` runs one frame from given events, so the real loop and the headless PresentPilot share
every line of behaviour. Arrow keys and Page Up/Down move (presentation clickers send those), Enter reveals
(or, on the last slide, adds the typed commitment), Esc leaves. Commitments are handed to `save` each time one
is added, so a closed laptop loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pygame

from debrief.slides import Slide
from trainer.ui.present import draw

NEXT_KEYS = (pygame.K_RIGHT, pygame.K_PAGEDOWN)
BACK_KEYS = (pygame.K_LEFT, pygame.K_PAGEUP)
MAX_COMMITMENT = 200


@dataclass
class DeckState:
    index: int = 0
    stage: int = 0  # reveals done on this slide (0: talk first)
    focus: int = 0  # the option in focus on a hot spot
    page: int = 0  # the page of a long side-panel text (a rationale, a perspective)
    typed: str = ""
    commitments: list[str] = field(default_factory=list)
    help_variant: str = ""  # "_lead" in the console: Esc goes back to the live board, R opens a revote


class Deck:
    def __init__(
        self,
        slides: Sequence[Slide],
        surface: pygame.Surface,
        lang: str,
        *,
        commitments: Sequence[str] = (),
        save: Callable[[list[str]], None] | None = None,
    ) -> None:
        self.slides = tuple(slides)
        self.surface = surface
        self.lang = lang
        self.state = DeckState(commitments=list(commitments))
        self.save = save
        self.running = True
        self.drawn: list[draw.Drawn] = []  # the last frame's text, for tests

    @property
    def slide(self) -> Slide:
        return self.slides[self.state.index]

    def step(self, events: Sequence[pygame.event.Event]) -> None:
        for event in events:
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == pygame.KEYDOWN:
                self._key(event.key)
            elif event.type == pygame.TEXTINPUT and self.slide.kind == "mee":
                self.state.typed = (self.state.typed + event.text)[:MAX_COMMITMENT]
        self.drawn = draw.slide(self.surface, self.slide, self.state, self.lang, len(self.slides))

    @property
    def pages(self) -> int:
        """How many pages the side panel's text needs in the frame last drawn (1 when it fits)."""
        return max((d.page[1] for d in self.drawn if d.page is not None), default=1)

    def _key(self, key: int) -> None:
        s = self.state
        if key == pygame.K_ESCAPE:
            self.running = False
        elif key in NEXT_KEYS:
            self.forward()
        elif key in BACK_KEYS:
            self.back()
        elif key == pygame.K_RETURN or key == pygame.K_KP_ENTER:
            if self.slide.kind == "mee":
                self._commit()
            else:
                self.forward()
        elif key == pygame.K_BACKSPACE and self.slide.kind == "mee":
            s.typed = s.typed[:-1]
        elif key in (pygame.K_UP, pygame.K_DOWN) and self.slide.options:
            s.focus = (s.focus + (1 if key == pygame.K_DOWN else -1)) % len(self.slide.options)
            s.page = 0

    def forward(self) -> None:
        """Show the next page of a long panel text, else reveal the next part of this slide, else go to the
        next slide: a clicker's one button reads everything in order."""
        s = self.state
        if s.page + 1 < self.pages:
            s.page += 1
            return
        s.page = 0
        if s.stage + 1 < self.slide.steps:
            s.stage += 1
        elif s.index + 1 < len(self.slides):
            s.index, s.stage, s.focus = s.index + 1, 0, 0

    def back(self) -> None:
        s = self.state
        if s.page > 0:
            s.page -= 1
            return
        if s.stage > 0:
            s.stage -= 1
        elif s.index > 0:
            s.index, s.focus = s.index - 1, 0
            s.stage = self.slide.steps - 1

    def _commit(self) -> None:
        text = " ".join(self.state.typed.split())
        if text:
            self.state.commitments.append(text)
            self.state.typed = ""
            if self.save is not None:
                self.save(list(self.state.commitments))
