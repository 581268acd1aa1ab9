"""Drawing helpers shared by screens: panels, buttons with focus rings, fields, timers and meters.

Focus is always shown by a thick outline *and* a marker, never by colour alone.
"""

from __future__ import annotations

import math

import pygame

from trainer.ui import theme as th
from trainer.ui.text import TextBlock, block, draw_block, draw_text, rendered
from trainer.ui.theme import Theme


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    *,
    alpha: int = 225,
    colour: th.Colour = th.PANEL,
    radius: int = 12,
) -> None:
    """A translucent rounded panel: text stays readable over the street scene."""
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*colour, alpha), layer.get_rect(), border_radius=radius)
    surface.blit(layer, rect)


BUTTON_TEXT = 19


def fit(
    text: str, theme: Theme, size: float, box: pygame.Rect, *, bold: bool = False, min_size: float = 12
) -> tuple[TextBlock, pygame.font.Font]:
    """The largest font (from `size` down to `min_size`) whose wrapped text fits the box."""
    current = size
    while True:
        font = theme.font(current, bold=bold)
        tb = block(text, font, box.width)
        if tb.fits(box):
            return tb, font
        if current <= min_size:
            return _truncated(tb, font, box), font
        current -= 1


def fit_all(
    texts: list[str], theme: Theme, size: float, width: int, height: int, gap: int, *, min_size: float = 11
) -> tuple[list[TextBlock], pygame.font.Font]:
    """One font for several stacked texts: the largest at which all of them, with gaps, fit the height.

    Fitting each text in turn into what is left starves the last one (the third cue on the inspect card,
    the last line of a scene); sharing one size keeps every text whole and the sizes even.
    """
    current = size
    while True:
        font = theme.font(current)
        blocks = [block(text, font, width) for text in texts]
        total = sum(tb.height for tb in blocks) + gap * max(0, len(blocks) - 1)
        if (total <= height and all(tb.width <= width for tb in blocks)) or current <= min_size:
            return blocks, font
        current -= 1


def clipped(tb: TextBlock, font: pygame.font.Font, box: pygame.Rect) -> TextBlock:
    """The block as is when it fits the box, else cut short with an ellipsis (and marked truncated)."""
    return tb if tb.fits(box) else _truncated(tb, font, box)


def _truncated(tb: TextBlock, font: pygame.font.Font, box: pygame.Rect) -> TextBlock:
    """Last resort for extreme content: keep the lines that fit and end with an ellipsis."""
    keep = max(1, box.height // tb.line_height)
    lines = list(tb.lines[:keep])
    last = lines[-1]
    while last and font.size(last + " …")[0] > box.width:
        last = last[:-1]
    lines[-1] = last + " …"
    return TextBlock(tuple(lines), tb.line_height, min(tb.width, box.width), truncated=True)


def label_box(rect: pygame.Rect, theme: Theme, *, numbered: bool) -> pygame.Rect:
    """Where a button's label goes (after the number badge, if any)."""
    x = rect.left + theme.px(12) + (theme.px(36) if numbered else 0)
    return pygame.Rect(x, rect.top + theme.px(4), rect.right - x - theme.px(10), rect.height - theme.px(8))


def button(
    surface: pygame.Surface,
    rect: pygame.Rect,
    label: str,
    theme: Theme,
    *,
    focused: bool = False,
    hovered: bool = False,
    key: str | None = None,
    enabled: bool = True,
) -> None:
    base = th.PANEL_LIGHT if enabled else th.PANEL
    if hovered and enabled:
        base = (58, 68, 88)
    pygame.draw.rect(surface, base, rect, border_radius=10)
    if focused:
        pygame.draw.rect(surface, th.FOCUS, rect, width=theme.px(3), border_radius=10)
        pygame.draw.polygon(
            surface,
            th.FOCUS,
            [
                (rect.left - theme.px(14), rect.centery - theme.px(7)),
                (rect.left - theme.px(4), rect.centery),
                (rect.left - theme.px(14), rect.centery + theme.px(7)),
            ],
        )
    if key is not None:
        badge = pygame.Rect(rect.left + theme.px(12), rect.centery - theme.px(13), theme.px(26), theme.px(26))
        pygame.draw.rect(surface, th.ACCENT if enabled else th.TEXT_DIM, badge, border_radius=6)
        draw_text(surface, key, theme.font(16, bold=True), th.INK, badge.center, anchor="center")
    inner = label_box(rect, theme, numbered=key is not None)
    tb, font = fit(label, theme, BUTTON_TEXT, inner)
    draw_block(
        surface, tb, font, th.TEXT if enabled else th.TEXT_DIM, (inner.left, inner.centery - tb.height // 2)
    )


def text_field(
    surface: pygame.Surface,
    rect: pygame.Rect,
    value: str,
    theme: Theme,
    *,
    focused: bool,
    now: float,
    placeholder: str = "",
) -> None:
    pygame.draw.rect(surface, (250, 250, 246), rect, border_radius=8)
    pygame.draw.rect(
        surface,
        th.FOCUS if focused else th.TEXT_DIM,
        rect,
        width=theme.px(3 if focused else 1),
        border_radius=8,
    )
    font = theme.body
    inner = rect.inflate(-theme.px(20), -theme.px(12))
    shown = value or placeholder
    colour = th.INK if value else (120, 124, 132)
    tb = block(shown, font, inner.width)
    lines = tb.lines[-max(1, inner.height // tb.line_height) :]  # keep the end (where the caret is) in view
    draw_block(surface, TextBlock(lines, tb.line_height, tb.width), font, colour, inner.topleft)
    if focused and int(now * 2) % 2 == 0:  # blinking caret
        last = lines[-1] if value else ""
        cx = inner.left + font.size(last)[0] + 2
        cy = inner.top + (len(lines) - 1) * tb.line_height
        pygame.draw.line(surface, th.INK, (cx, cy + 3), (cx, cy + tb.line_height - 3), 2)


def check_row(
    surface: pygame.Surface,
    rect: pygame.Rect,
    label: str,
    theme: Theme,
    *,
    ticked: bool,
    focused: bool,
    radio: bool = False,
) -> None:
    """A checkbox (square, tick mark) or radio (circle, dot): shape and mark carry the state, not colour."""
    if focused:
        pygame.draw.rect(surface, th.FOCUS, rect.inflate(theme.px(6), 0), width=theme.px(2), border_radius=6)
    box = pygame.Rect(rect.left + theme.px(4), rect.centery - theme.px(9), theme.px(18), theme.px(18))
    if radio:
        pygame.draw.circle(surface, th.TEXT, box.center, box.width // 2, 2)
        if ticked:
            pygame.draw.circle(surface, th.TEXT, box.center, box.width // 4)
    else:
        pygame.draw.rect(surface, th.TEXT, box, 2, border_radius=3)
        if ticked:
            pygame.draw.lines(
                surface,
                th.TEXT,
                False,
                [
                    (box.left + 3, box.centery),
                    (box.centerx - 1, box.bottom - 4),
                    (box.right - 3, box.top + 3),
                ],
                3,
            )
    inner = pygame.Rect(box.right + theme.px(8), rect.top, rect.right - box.right - theme.px(10), rect.height)
    tb, font = fit(label, theme, 16, inner, min_size=11)
    draw_block(surface, tb, font, th.TEXT, (inner.left, inner.centery - tb.height // 2))


def countdown(
    surface: pygame.Surface, center: tuple[int, int], radius: int, left: float, total: float, theme: Theme
) -> None:
    """A ring that empties, with the seconds as a number (readable without colour)."""
    share = max(0.0, min(1.0, left / total)) if total else 0.0
    pygame.draw.circle(surface, th.PANEL, center, radius)
    pygame.draw.circle(surface, th.TEXT_DIM, center, radius, 3)
    colour = th.ALERT if left <= 10 else th.ACCENT
    if share > 0:
        rect = pygame.Rect(0, 0, radius * 2 - 6, radius * 2 - 6)
        rect.center = center
        pygame.draw.arc(
            surface, colour, rect, math.pi / 2, math.pi / 2 + 2 * math.pi * share, max(3, radius // 5)
        )
    label = rendered(str(max(0, math.ceil(left))), theme.font(radius * 0.7 / theme.unit, bold=True), th.TEXT)
    surface.blit(label, label.get_rect(center=center))


def notice(surface: pygame.Surface, title: str, detail: str, theme: Theme) -> None:
    """A banner across the middle over a dimmed screen: said in words, not only shown by a colour."""
    w, h = surface.get_size()
    px = theme.px
    shade = pygame.Surface((w, h), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 120))
    surface.blit(shade, (0, 0))
    box = pygame.Rect(0, 0, min(w - px(40), px(620)), px(150))
    box.center = (w // 2, h // 2)
    panel(surface, box, alpha=245)
    pygame.draw.rect(surface, th.ALERT, box, width=px(3), border_radius=12)
    head = pygame.Rect(box.left + px(24), box.top + px(18), box.width - px(48), px(56))
    tb, font = fit(title, theme, 36, head, bold=True)
    draw_block(surface, tb, font, th.TEXT, (head.centerx - tb.width // 2, head.top))
    body = pygame.Rect(
        box.left + px(24), head.bottom + px(8), box.width - px(48), box.bottom - head.bottom - px(20)
    )
    tb, font = fit(detail, theme, 18, body, min_size=11)
    draw_block(surface, tb, font, th.TEXT_DIM, (body.centerx - tb.width // 2, body.top))


def meter(
    surface: pygame.Surface, rect: pygame.Rect, label: str, value: int, low: int, high: int, theme: Theme
) -> None:
    """A thin labelled bar: subtle, but with a text label and tick marks so colour is not needed."""
    head = pygame.Rect(rect.left, rect.top, rect.width, rect.height - theme.px(10))
    tb, font = fit(label, theme, 15, head, min_size=10)  # long names shrink rather than overlap
    draw_block(surface, tb, font, th.TEXT_DIM, head.topleft)
    bar = pygame.Rect(rect.left, rect.bottom - theme.px(8), rect.width, theme.px(8))
    pygame.draw.rect(surface, th.PANEL_LIGHT, bar, border_radius=4)
    share = (value - low) / (high - low) if high > low else 0
    pygame.draw.rect(
        surface, th.TEXT_DIM, (bar.left, bar.top, int(bar.width * share), bar.height), border_radius=4
    )
    for i in range(1, 4):
        x = bar.left + bar.width * i // 4
        pygame.draw.line(surface, th.PANEL, (x, bar.top), (x, bar.bottom))
