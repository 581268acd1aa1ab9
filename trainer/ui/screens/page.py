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
from trainer.ui.strings import t
from trainer.ui.text import TextBlock, block, draw_block
from trainer.ui.their_side import draw_their_side
from trainer.ui.widgets import fit, meter, panel

Gauge = tuple[str, int, int, int]  # label, value, min, max


@dataclass(frozen=True)
class Page:
    title: str
    paragraphs: tuple[tuple[str, str], ...]  # (heading, text); heading may be ""
    buttons: tuple[tuple[str, Command], ...]
    portrait: object | None = None  # a CastMember to show beside the text
    meters: tuple[Gauge, ...] = ()  # shown under the title: after play, never during it
    scene: object | None = None  # a CastMember: the street drawn from their side, beside the text
    heard: str | None = None  # the trainee's own line, in a bubble in that scene


SCENE_SHARE = 0.4  # of the window width: the perspective scene, left of the text


def card(frame: Frame, out: Layout, beside_scene: bool = False) -> pygame.Rect:
    """The centred panel text pages sit on (recorded as rects['box']); returns its padded inside.
    Beside a scene, the panel takes the window's right part and the scene the left (rects['scene'])."""
    w, h = frame.size
    px = frame.theme.px
    box = pygame.Rect(0, 0, min(w - px(40), px(980)), h - px(60))
    box.center = (w // 2, h // 2)
    if beside_scene:
        left = int(w * SCENE_SHARE)
        out.rects["scene"] = pygame.Rect(0, 0, left, h)
        box = pygame.Rect(left + px(12), px(30), w - left - px(32), h - px(60))
    out.rects["box"] = box
    return box.inflate(-px(56), -px(40))


def layout(frame: Frame, page: Page) -> Layout:
    px = frame.theme.px
    out = Layout()
    inner = card(frame, out, beside_scene=page.scene is not None and frame.scenario is not None)
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
    parts, font = _parts(frame, page, body)
    part = min(frame.ui.part, len(parts) - 1)
    for name, tb, box, f in parts[part]:
        out.text(name, tb, box, f)
    buttons = page.buttons
    if part < len(parts) - 1:  # more text on the next part: 'Verder' first, the page's own buttons last
        buttons = ((t(frame.lang, "next"), NextPart()),)
    if len(parts) > 1:
        _, ttb, tbox, tfont = out.texts[0]
        title = f"{page.title} ({part + 1}/{len(parts)})"
        ttb, tfont = fit(title, frame.theme, 32, tbox, bold=True)
        out.texts[0] = ("title", ttb, tbox, tfont)
    width = min(px(300), (inner.width - px(16) * (len(buttons) - 1)) // max(1, len(buttons)))
    for i, (label, cmd) in enumerate(buttons):
        out.button(
            pygame.Rect(
                inner.right - (len(buttons) - i) * (width + px(16)) + px(16), buttons_top, width, px(52)
            ),
            cmd,
            label,
        )
    return out


MIN_PARAGRAPH = 15  # text-size units: below this a long page is split into parts instead of shrinking further

Entry = tuple[str, TextBlock, pygame.Rect, pygame.font.Font]


@dataclass(frozen=True)
class NextPart(Command):
    """Show the next part of a page too long for one screen at this text size."""


def _parts(frame: Frame, page: Page, body: pygame.Rect) -> tuple[list[list[Entry]], pygame.font.Font]:
    """The paragraphs laid out in one or more parts that each fit the body.

    One text size for all paragraphs, the largest (19 down to MIN_PARAGRAPH) at which they fit on one
    part; a page that does not fit even then is split between lines into parts, so the trainee's chosen
    text size is kept and no word is lost.
    """
    px = frame.theme.px
    head_h, gap = px(30), px(14)
    size = 19.0
    while True:
        font = frame.theme.font(size)
        blocks = [block(text, font, body.width) for _heading, text in page.paragraphs]
        total = sum(tb.height + gap for tb in blocks) + head_h * sum(1 for h, _ in page.paragraphs if h)
        if total - gap <= body.height or size <= MIN_PARAGRAPH:
            break
        size -= 1
    parts: list[list[Entry]] = [[]]
    y = body.top
    for i, ((heading, _text), tb) in enumerate(zip(page.paragraphs, blocks, strict=True)):
        if heading and y + head_h + tb.line_height > body.bottom and parts[-1]:
            parts.append([])  # a heading goes with at least one line of its paragraph
            y = body.top
        if heading:
            head_box = pygame.Rect(body.left, y, body.width, px(28))
            htb, hfont = fit(heading, frame.theme, 18, head_box, bold=True)
            parts[-1].append((f"head{i}", htb, head_box, hfont))
            y += head_h
        lines = list(tb.lines)
        piece = 0
        while lines:
            room = max(1, (body.bottom - y) // tb.line_height)
            if (body.bottom - y) < tb.line_height and parts[-1]:
                parts.append([])
                y = body.top
                continue
            chunk, lines = lines[:room], lines[room:]
            part_tb = TextBlock(tuple(chunk), tb.line_height, tb.width)
            box = pygame.Rect(body.left, y, body.width, max(part_tb.height, body.bottom - y))
            parts[-1].append((f"para{i}" + (f".{piece}" if piece else ""), part_tb, box, font))
            piece += 1
            y += part_tb.height + gap
            if lines:
                parts.append([])
                y = body.top
    return [p for p in parts if p] or [[]], font


def draw(surface: pygame.Surface, frame: Frame, page: Page) -> None:
    if frame.scenario is not None:
        surface.blit(scenery.scene_backdrop(frame.scenario, None, frame.size, dim=150), (0, 0))
    else:
        surface.fill(th.INK)
    lay = layout(frame, page)
    if "scene" in lay.rects and frame.scenario is not None:
        draw_their_side(
            surface,
            lay.rects["scene"],
            frame.scenario,
            page.scene,  # type: ignore[arg-type]
            page.heard,
            frame.theme,
        )
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
    command = handle_buttons(inp, frame, layout(frame, page))
    if isinstance(command, NextPart):
        frame.ui.part += 1
        frame.ui.focus = 0
        return None
    return command
