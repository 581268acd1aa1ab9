"""A text page over a dimmed backdrop: a title, paragraphs that fit their box, and buttons at the bottom.

Briefing, ending, perspective, done and findings are all pages with different content.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from trainer.ui import scenery
from trainer.ui import theme as th
from trainer.ui.frame import Command, Frame, Layout
from trainer.ui.input import Input
from trainer.ui.screens.base import draw_buttons, handle_buttons
from trainer.ui.text import draw_block
from trainer.ui.widgets import fit, meter, panel

Gauge = tuple[str, int, int, int]  # label, value, min, max


@dataclass(frozen=True)
class Page:
    title: str
    paragraphs: tuple[tuple[str, str], ...]  # (heading, text); heading may be ""
    buttons: tuple[tuple[str, Command], ...]
    portrait: object | None = None  # a CastMember to show beside the text
    meters: tuple[Gauge, ...] = ()  # shown under the title: after play, never during it


def card(frame: Frame, out: Layout) -> pygame.Rect:
    """The centred panel text pages sit on (recorded as rects['box']); returns its padded inside."""
    w, h = frame.size
    px = frame.theme.px
    box = pygame.Rect(0, 0, min(w - px(40), px(980)), h - px(60))
    box.center = (w // 2, h // 2)
    out.rects["box"] = box
    return box.inflate(-px(56), -px(40))


def layout(frame: Frame, page: Page) -> Layout:
    px = frame.theme.px
    out = Layout()
    inner = card(frame, out)
    title_box = pygame.Rect(inner.left, inner.top, inner.width, px(52))
    tb, font = fit(page.title, frame.theme, 32, title_box, bold=True)
    out.text("title", tb, title_box, font)
    text_left = inner.left
    top = title_box.bottom
    if page.meters:
        out.rects["meters"] = pygame.Rect(inner.left, top + px(6), inner.width, px(38))
        top = out.rects["meters"].bottom + px(4)
    if page.portrait is not None:
        out.rects["portrait"] = pygame.Rect(inner.left, top + px(10), px(150), px(150))
        text_left = inner.left + px(170)
    buttons_top = inner.bottom - px(56)
    body = pygame.Rect(text_left, top + px(12), inner.right - text_left, buttons_top - top - px(24))
    # Paragraphs share the body's height; each gets its share, shrinking its font if needed.
    count = max(1, len(page.paragraphs))
    y = body.top
    for i, (heading, text) in enumerate(page.paragraphs):
        share = pygame.Rect(body.left, y, body.width, (body.bottom - y) // (count - i))
        if heading:
            head_box = pygame.Rect(share.left, share.top, share.width, px(28))
            htb, hfont = fit(heading, frame.theme, 18, head_box, bold=True)
            out.text(f"head{i}", htb, head_box, hfont)
            share = pygame.Rect(share.left, share.top + px(30), share.width, share.height - px(30))
        tb, font = fit(text, frame.theme, 19, share, min_size=11)
        out.text(f"para{i}", tb, pygame.Rect(share.left, share.top, share.width, share.height), font)
        y = share.top + tb.height + px(14)
    width = min(px(300), (inner.width - px(16) * (len(page.buttons) - 1)) // max(1, len(page.buttons)))
    for i, (label, cmd) in enumerate(page.buttons):
        out.button(
            pygame.Rect(
                inner.right - (len(page.buttons) - i) * (width + px(16)) + px(16), buttons_top, width, px(52)
            ),
            cmd,
            label,
        )
    return out


def draw(surface: pygame.Surface, frame: Frame, page: Page) -> None:
    if frame.scenario is not None:
        setting = frame.scenario.setting
        surface.blit(
            scenery.backdrop(setting.backdrop, setting.time_of_day.value, frame.size, dim=150), (0, 0)
        )
    else:
        surface.fill(th.INK)
    lay = layout(frame, page)
    panel(surface, lay.rects["box"], alpha=235)
    if page.portrait is not None and "portrait" in lay.rects:
        box = lay.rects["portrait"]
        surface.blit(scenery.portrait(page.portrait, box.width), box)  # type: ignore[arg-type]
    for name, tb, box, font in lay.texts:
        colour = th.TEXT if name.startswith(("title", "head")) else (225, 228, 232)
        draw_block(surface, tb, font, colour, box.topleft)
    if page.meters:
        row = lay.rects["meters"]
        each = min(frame.theme.px(300), row.width // len(page.meters))
        for i, (label, value, low, high) in enumerate(page.meters):
            box = pygame.Rect(row.left + i * each, row.top, each - frame.theme.px(20), row.height)
            meter(surface, box, f"{label}: {value}/{high}", value, low, high, frame.theme)
    draw_buttons(surface, frame, lay)


def handle(inp: Input, frame: Frame, page: Page) -> Command | None:
    return handle_buttons(inp, frame, layout(frame, page))
