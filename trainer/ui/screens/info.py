"""What the officer knows (dispatch, MEOS, briefing items) as a terminal-like card, on the street and in
scenes."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from trainer.model.scenario import InfoItem
from trainer.ui import theme as th
from trainer.ui.frame import Frame
from trainer.ui.text import TextBlock, block, draw_block
from trainer.ui.widgets import fit, panel

LARGEST, SMALLEST = 16, 10


def info_blocks(
    frame: Frame, items: Sequence[InfoItem], box: pygame.Rect, *, grow_to: int = 0
) -> tuple[list[tuple[TextBlock, pygame.font.Font, TextBlock, pygame.font.Font]], int]:
    """(head, head font, text, text font) per item at the largest size where all of it fits, and the height.

    Every word of a report matters to the choice, so the text shrinks rather than being cut, and at the
    smallest size the card may grow down to `grow_to` pixels tall (large text, small window). Only beyond
    that is each item given an equal share and cut with an ellipsis (B shows all of it).
    """
    px, lang = frame.theme.px, frame.lang
    width = box.width - px(28)
    for size in range(LARGEST, SMALLEST - 1, -1):
        head_font, text_font = frame.theme.font(size, bold=True), frame.theme.font(size)
        rows = []
        height = px(10)
        for item in items:
            head = block(item.heading(lang), head_font, width)
            text = block(item.text.get(lang), text_font, width)
            rows.append((head, head_font, text, text_font))
            height += head.height + text.height + px(10)
        if height <= box.height or (size == SMALLEST and height <= grow_to):
            return rows, height
    share = pygame.Rect(0, 0, width, (box.height - px(10)) // max(1, len(items)) - px(34))
    rows = []
    for item in items:
        head, head_font = fit(item.heading(lang), frame.theme, 12, box, bold=True)
        text, text_font = fit(item.text.get(lang), frame.theme, SMALLEST, share, min_size=SMALLEST)
        rows.append((head, head_font, text, text_font))
    return rows, box.height


def draw_info(
    surface: pygame.Surface, frame: Frame, items: Sequence[InfoItem], box: pygame.Rect, *, grow_to: int = 0
) -> None:
    """Each item's kind and title (the kind written out, not only coloured), then its text."""
    px = frame.theme.px
    rows, height = info_blocks(frame, items, box, grow_to=grow_to)
    panel(surface, pygame.Rect(box.left, box.top, box.width, height), colour=(12, 30, 40), alpha=235)
    y = box.top + px(10)
    for head, head_font, text, text_font in rows:
        draw_block(surface, head, head_font, th.ACCENT, (box.left + px(14), y))
        y += head.height
        draw_block(surface, text, text_font, th.TEXT, (box.left + px(14), y))
        y += text.height + px(10)
