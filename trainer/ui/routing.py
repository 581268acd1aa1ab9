"""Which screen module shows what: one table, so the app loop stays free of per-screen branches.

A screen's module is imported the first time it is shown: the street and the dialogue pull in all the
drawing code, which the window's first frame (the start page or the picker) does not need.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, cast

import pygame

from trainer.ui.frame import Command, Frame, Layout
from trainer.ui.input import Input

if TYPE_CHECKING:
    from trainer.ui.screens import page


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
    from trainer.ui.screens import page  # it draws the street behind the text: not needed at launch

    return ScreenSpec(
        layout=lambda f: page.layout(f, content(f)),
        draw=lambda s, f: page.draw(s, f, content(f)),
        handle=lambda i, f: page.handle(i, f, content(f)),
    )


def _screen(name: str) -> ScreenModule:
    return cast(ScreenModule, importlib.import_module(f"trainer.ui.screens.{name}"))


def _pages(name: str) -> ScreenSpec:
    """A text page whose content comes from `pages.<name>`."""
    from trainer.ui.screens import pages

    content: Callable[[Frame], page.Page] = getattr(pages, name)
    return _page(content)


def _perspective(frame: Frame) -> page.Page:
    from trainer.ui.screens import pages

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


_BUILD: dict[Screen, Callable[[], ScreenSpec]] = {
    Screen.START: lambda: _module(_screen("start")),
    Screen.PICKER: lambda: _module(_screen("picker")),
    Screen.BRIEFING: lambda: _pages("briefing"),
    Screen.SELECTION: lambda: _module(_screen("selection")),
    Screen.DIALOGUE: lambda: _module(_screen("dialogue")),
    Screen.ENDING: lambda: _pages("ending"),
    Screen.REFLECTION: lambda: _module(_screen("reflection")),
    Screen.REGISTRATION: lambda: _module(_screen("registration")),
    Screen.PERSPECTIVE: lambda: _page(_perspective),
    Screen.DONE: lambda: _pages("done"),
    Screen.FINDINGS: lambda: _pages("findings"),
    Screen.PAUSE: lambda: _pages("pause"),
    Screen.NOTES: lambda: _pages("notes"),
    Screen.SETTINGS: lambda: _module(_screen("settings")),
    Screen.REVOTE: lambda: _module(_screen("revote")),
}
assert set(_BUILD) == set(Screen), "every screen has a module"


class _Screens(Mapping[Screen, ScreenSpec]):
    """The table, each entry built (and its module imported) on first use."""

    def __init__(self) -> None:
        self._built: dict[Screen, ScreenSpec] = {}

    def __getitem__(self, screen: Screen) -> ScreenSpec:
        spec = self._built.get(screen)
        if spec is None:
            spec = self._built[screen] = _BUILD[screen]()
        return spec

    def __iter__(self) -> Iterator[Screen]:
        return iter(_BUILD)

    def __len__(self) -> int:
        return len(_BUILD)


SCREENS: Mapping[Screen, ScreenSpec] = _Screens()
