"""Which screen module shows what: one table, so the app loop stays free of per-screen branches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import pygame

from trainer.ui.frame import Command, Frame, Layout
from trainer.ui.input import Input
from trainer.ui.screens import (
    dialogue,
    page,
    pages,
    picker,
    reflection,
    registration,
    revote,
    selection,
    settings,
    start,
)


class Screen(StrEnum):
    """Every screen the player can show; the app names screens only through this."""

    START = "start"
    PICKER = "picker"
    BRIEFING = "briefing"
    SELECTION = "selection"
    DIALOGUE = "dialogue"
    ENDING = "ending"
    REFLECTION = "reflection"
    REGISTRATION = "registration"
    PERSPECTIVE = "perspective"
    DONE = "done"
    FINDINGS = "findings"
    PAUSE = "pause"
    NOTES = "notes"  # the briefing and what is known (B), over play with every clock stopped
    SETTINGS = "settings"  # F3 or from the pause menu: volume, text size, tempo, reading aloud
    REVOTE = "revote"  # a group revote, over whatever was on screen, with every clock stopped


class ScreenModule(Protocol):
    """The contract every screen module keeps: lay out the frame it is given, draw it, turn input into a
    command. It makes no engine calls, reads no clock and opens no files. A screen with text entry adds
    `typing(frame) -> bool`; one with animation adds `update(frame, dt) -> None`."""

    def layout(self, frame: Frame) -> Layout: ...

    def draw(self, surface: pygame.Surface, frame: Frame) -> None: ...

    def handle(self, inp: Input, frame: Frame) -> Command | None: ...


@dataclass(frozen=True)
class ScreenSpec:
    layout: Callable[[Frame], Layout]
    draw: Callable[[pygame.Surface, Frame], None]
    handle: Callable[[Input, Frame], Command | None]
    typing: Callable[[Frame], bool] = lambda _frame: False
    update: Callable[[Frame, float], None] = lambda _frame, _dt: None


def _page(content: Callable[[Frame], page.Page]) -> ScreenSpec:
    return ScreenSpec(
        layout=lambda f: page.layout(f, content(f)),
        draw=lambda s, f: page.draw(s, f, content(f)),
        handle=lambda i, f: page.handle(i, f, content(f)),
    )


def _perspective(frame: Frame) -> page.Page:
    all_pages = frame.perspective
    index = min(frame.ui.page, len(all_pages) - 1)
    return pages.with_buttons(all_pages[index], frame.lang, last=index == len(all_pages) - 1)


def _module(mod: ScreenModule) -> ScreenSpec:
    return ScreenSpec(
        mod.layout,
        mod.draw,
        mod.handle,
        getattr(mod, "typing", lambda _f: False),
        getattr(mod, "update", lambda _f, _dt: None),
    )


SCREENS: dict[Screen, ScreenSpec] = {
    Screen.START: _module(start),
    Screen.PICKER: _module(picker),
    Screen.BRIEFING: _page(pages.briefing),
    Screen.SELECTION: _module(selection),
    Screen.DIALOGUE: _module(dialogue),
    Screen.ENDING: _page(pages.ending),
    Screen.REFLECTION: _module(reflection),
    Screen.REGISTRATION: _module(registration),
    Screen.PERSPECTIVE: _page(_perspective),
    Screen.DONE: _page(pages.done),
    Screen.FINDINGS: _page(pages.findings),
    Screen.PAUSE: _page(pages.pause),
    Screen.NOTES: _page(pages.notes),
    Screen.SETTINGS: _module(settings),
    Screen.REVOTE: _module(revote),
}
assert set(SCREENS) == set(Screen), "every screen has a module"
