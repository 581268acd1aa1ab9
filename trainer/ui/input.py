"""Turns pygame events into named actions. Screens only ever see actions, so keys can be remapped in one
place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

import pygame


class Action(Enum):
    UP = auto()
    DOWN = auto()
    LEFT = auto()
    RIGHT = auto()
    NEXT_FOCUS = auto()
    PREV_FOCUS = auto()
    CONFIRM = auto()
    PAUSE = auto()
    CHOOSE = auto()  # with index 0-8 (keys 1-9)
    NOBODY = auto()  # address nobody (selection)
    INSPECT = auto()
    NOTES = auto()  # B: reopen the briefing and the information during play
    TOGGLE = auto()  # space: tick a checkbox
    CLICK = auto()  # with pos
    MOTION = auto()  # with pos (hover)
    WHEEL = auto()  # with index (+1 / -1)
    TEXT = auto()  # with text
    BACKSPACE = auto()
    NEWLINE = auto()
    RELOAD = auto()  # F5: re-read the scenario file
    BIGGER = auto()
    SMALLER = auto()
    SETTINGS = auto()  # F3: volume, text size, tempo, reading aloud (every clock stops)
    QUIT = auto()


@dataclass(frozen=True)
class Input:
    action: Action
    index: int | None = None
    pos: tuple[int, int] | None = None
    text: str | None = None


KEYS: dict[int, Action] = {
    pygame.K_UP: Action.UP,
    pygame.K_DOWN: Action.DOWN,
    pygame.K_LEFT: Action.LEFT,
    pygame.K_RIGHT: Action.RIGHT,
    pygame.K_RETURN: Action.CONFIRM,
    pygame.K_KP_ENTER: Action.CONFIRM,
    pygame.K_ESCAPE: Action.PAUSE,
    pygame.K_BACKSPACE: Action.BACKSPACE,
    pygame.K_F5: Action.RELOAD,
    pygame.K_F2: Action.BIGGER,
    pygame.K_F1: Action.SMALLER,
    pygame.K_F3: Action.SETTINGS,
}


def translate(event: pygame.event.Event, *, typing: bool) -> Input | None:
    """One pygame event → one Input, or None. While a text field has focus, letters and digits are text."""
    if event.type == pygame.QUIT:
        return Input(Action.QUIT)
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return Input(Action.CLICK, pos=event.pos)
    if event.type == pygame.MOUSEMOTION:
        return Input(Action.MOTION, pos=event.pos)
    if event.type == pygame.MOUSEWHEEL:
        return Input(Action.WHEEL, index=1 if event.y > 0 else -1)
    if event.type == pygame.TEXTINPUT and typing:
        return Input(Action.TEXT, text=event.text)
    if event.type != pygame.KEYDOWN:
        return None
    key, mods = event.key, event.mod
    if key == pygame.K_TAB:
        return Input(Action.PREV_FOCUS if mods & pygame.KMOD_SHIFT else Action.NEXT_FOCUS)
    if key == pygame.K_RETURN and mods & pygame.KMOD_SHIFT and typing:
        return Input(Action.NEWLINE)
    if key in KEYS:
        return Input(KEYS[key])
    if typing:
        return None  # printable keys arrive as TEXTINPUT
    if pygame.K_1 <= key <= pygame.K_9:
        return Input(Action.CHOOSE, index=key - pygame.K_1)
    if pygame.K_KP1 <= key <= pygame.K_KP9:
        return Input(Action.CHOOSE, index=key - pygame.K_KP1)
    if key == pygame.K_SPACE:
        return Input(Action.TOGGLE)
    if key == pygame.K_n:
        return Input(Action.NOBODY)
    if key == pygame.K_i:
        return Input(Action.INSPECT)
    if key == pygame.K_b:
        return Input(Action.NOTES)
    if key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
        return Input(Action.BIGGER)
    if key in (pygame.K_MINUS, pygame.K_KP_MINUS):
        return Input(Action.SMALLER)
    return None
