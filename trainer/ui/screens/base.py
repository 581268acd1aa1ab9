"""Behaviour shared by screens: a focusable list of buttons driven by keys, numbers and the mouse."""

from __future__ import annotations

import pygame

from trainer.ui import theme as th
from trainer.ui.frame import Command, Frame, Layout
from trainer.ui.input import Action, Input
from trainer.ui.widgets import button


def clicked(layout: Layout, pos: tuple[int, int] | None) -> Command | None:
    if pos is None:
        return None
    return next((cmd for rect, cmd in layout.buttons if rect.collidepoint(pos)), None)


def hovered(layout: Layout, pos: tuple[int, int] | None) -> int | None:
    if pos is None:
        return None
    return next((i for i, (rect, _) in enumerate(layout.buttons) if rect.collidepoint(pos)), None)


def handle_buttons(inp: Input, frame: Frame, layout: Layout, *, numbered: bool = False) -> Command | None:
    """Up/Down/Tab move the focus, Enter takes it, 1-9 take a numbered button, the mouse clicks or hovers.

    Without focus (nothing pre-selected) the first move focuses the first or last button and Enter does
    nothing.
    """
    count = len(layout.buttons)
    ui = frame.ui
    if count == 0:
        return None
    if inp.action in (Action.DOWN, Action.NEXT_FOCUS, Action.RIGHT):
        ui.focus = 0 if ui.focus is None else (ui.focus + 1) % count
    elif inp.action in (Action.UP, Action.PREV_FOCUS, Action.LEFT):
        ui.focus = count - 1 if ui.focus is None else (ui.focus - 1) % count
    elif inp.action == Action.CONFIRM:
        return None if ui.focus is None else layout.buttons[min(ui.focus, count - 1)][1]
    elif inp.action == Action.CHOOSE and numbered and inp.index is not None and inp.index < count:
        ui.focus = inp.index
        return layout.buttons[inp.index][1]
    elif inp.action == Action.CLICK:
        return clicked(layout, inp.pos)
    elif inp.action == Action.MOTION:
        ui.hover = hovered(layout, inp.pos)
        if ui.hover is not None:
            ui.focus = ui.hover  # hovering gives focus, so Enter takes what the pointer is on
    return None


def draw_buttons(surface: pygame.Surface, frame: Frame, layout: Layout, *, numbered: bool = False) -> None:
    for i, ((rect, _), label) in enumerate(zip(layout.buttons, layout.labels, strict=True)):
        button(
            surface,
            rect,
            label,
            frame.theme,
            focused=frame.ui.focus == i,
            hovered=frame.ui.hover == i,
            key=str(i + 1) if numbered else None,
        )


def background(surface: pygame.Surface) -> None:
    surface.fill(th.INK)
