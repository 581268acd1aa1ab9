"""Which screen module shows what: one table, so the app loop stays free of per-screen branches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from trainer.ui.frame import Command, Frame, Layout
from trainer.ui.input import Input
from trainer.ui.screens import dialogue, page, pages, picker, reflection, registration, selection, start


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
    all_pages: list[page.Page] = frame.extra.get("perspective", [])
    index = min(frame.ui.page, len(all_pages) - 1)
    return pages.with_buttons(all_pages[index], frame.lang, last=index == len(all_pages) - 1)


def _module(mod: Any) -> ScreenSpec:
    return ScreenSpec(
        mod.layout,
        mod.draw,
        mod.handle,
        getattr(mod, "typing", lambda _f: False),
        getattr(mod, "update", lambda _f, _dt: None),
    )


SCREENS: dict[str, ScreenSpec] = {
    "start": _module(start),
    "picker": _module(picker),
    "briefing": _page(pages.briefing),
    "selection": _module(selection),
    "dialogue": _module(dialogue),
    "ending": _page(pages.ending),
    "reflection": _module(reflection),
    "registration": _module(registration),
    "perspective": _page(_perspective),
    "done": _page(pages.done),
    "findings": _page(pages.findings),
    "pause": _page(pages.pause),
    "notes": _page(pages.notes),
}
