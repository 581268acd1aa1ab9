"""A group revote: the same decision again, over whatever the trainee was on.

Drawn like the dialogue's "Wat doe je nu?" (numbered choice buttons on a panel over the node's backdrop),
with a line saying it is a group revote, and without a countdown and without what followed the first choice.
"""

from __future__ import annotations

import pygame

from trainer.engine.revote import RevoteQuestion
from trainer.ui import scenery
from trainer.ui import theme as th
from trainer.ui.frame import Choose, Command, Frame, Layout
from trainer.ui.input import Input
from trainer.ui.screens.base import draw_buttons, handle_buttons
from trainer.ui.strings import t
from trainer.ui.text import block, draw_block
from trainer.ui.widgets import BUTTON_TEXT, clipped, fit, fit_all, label_box, panel


def _question(frame: Frame) -> RevoteQuestion:
    assert frame.revote is not None
    return frame.revote


def _situation(frame: Frame) -> list[str]:
    """The selection's question, or the scene's lines with their speakers (as the dialogue shows them)."""
    question = _question(frame)
    if question.prompt:
        return [question.prompt]
    out = []
    for speaker, text in question.lines:
        member = scenery.cast_member(frame.scenario, speaker) if frame.scenario is not None else None
        out.append(f"{member.name.get(frame.lang) if member else t(frame.lang, 'narrator')}: {text}")
    return out


def option_labels(frame: Frame) -> list[str]:
    return [
        o.label if o.label is not None else t(frame.lang, "revote_nobody") for o in _question(frame).options
    ]


def layout(frame: Frame) -> Layout:
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    box = pygame.Rect(0, 0, min(w - px(80), px(1100)), h - px(80))
    box.center = (w // 2, h // 2)
    out.rects["panel"] = box
    inner = box.inflate(-px(48), -px(36))
    head = pygame.Rect(inner.left, inner.top, inner.width, px(36))
    tb, font = fit(t(frame.lang, "revote_title"), frame.theme, 26, head, bold=True)
    out.text("title", tb, head, font)
    note = pygame.Rect(inner.left, head.bottom + px(4), inner.width, px(52))
    tb, font = fit(t(frame.lang, "revote_line"), frame.theme, 17, note, min_size=11)
    out.text("note", tb, note, font)
    situation = pygame.Rect(inner.left, note.top + tb.height + px(12), inner.width, int(inner.height * 0.30))
    blocks, font = fit_all(_situation(frame), frame.theme, 18, situation.width, situation.height, px(6))
    y = situation.top
    for i, tb in enumerate(blocks):
        area = pygame.Rect(situation.left, y, situation.width, max(0, situation.bottom - y))
        tb = clipped(tb, font, area)
        out.text(f"line{i}", tb, area, font)
        y += tb.height + px(6)
    situation.height = max(0, y - situation.top)
    out.rects["situation"] = situation
    choices = pygame.Rect(
        inner.left, situation.bottom + px(10), inner.width, inner.bottom - situation.bottom - px(10)
    )
    out.rects["choices"] = choices
    labels = option_labels(frame)
    heading, gap = px(40), px(8)
    avail = choices.height - heading - gap * max(0, len(labels) - 1)
    width = choices.width - px(10)
    label_width = label_box(pygame.Rect(0, 0, width, 100), frame.theme, numbered=True).width
    size = float(BUTTON_TEXT)
    while True:  # one size for all options, the largest at which all fit (as the dialogue does)
        font = frame.theme.font(size)
        needs = [max(px(44), block(text, font, label_width).height + px(16)) for text in labels]
        if sum(needs) <= avail or size <= 12:
            break
        size -= 1
    y = choices.top + heading
    for option, text, need in zip(_question(frame).options, labels, needs, strict=True):
        out.button(pygame.Rect(choices.left, y, width, need), Choose(option.choice_id), text)
        y += need + gap
    _shrink(out, box, y - gap + px(24))
    return out


def _shrink(out: Layout, box: pygame.Rect, bottom: int) -> None:
    """A short question gets a short panel, centred: the panel loses what its content leaves over, and
    panel and content move down by half of that."""
    spare = box.bottom - bottom
    if spare <= 0:
        return
    box.height -= spare
    down = spare // 2
    moved = [r for n, r in out.rects.items() if n != "panel"] + [r for r, _ in out.buttons]
    for rect in [box, *moved, *(entry[2] for entry in out.texts)]:
        rect.move_ip(0, down)


def draw(surface: pygame.Surface, frame: Frame) -> None:
    lay = layout(frame)
    question = _question(frame)
    if frame.scenario is not None:
        surface.blit(scenery.scene_backdrop(frame.scenario, question.node_id, frame.size, dim=140), (0, 0))
    else:
        surface.fill(th.INK)
    panel(surface, lay.rects["panel"], alpha=235)
    for name, tb, box, font in lay.texts:
        colour = th.ACCENT if name == "title" else th.TEXT_DIM if name == "note" else th.TEXT
        draw_block(surface, tb, font, colour, box.topleft)
    choices = lay.rects["choices"]
    draw_block(
        surface,
        block(t(frame.lang, "what_now"), frame.theme.heading, choices.width),
        frame.theme.heading,
        th.TEXT,
        choices.topleft,
    )
    draw_buttons(surface, frame, lay, numbered=True)


def handle(inp: Input, frame: Frame) -> Command | None:
    return handle_buttons(inp, frame, layout(frame), numbered=True)
