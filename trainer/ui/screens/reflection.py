"""Reflection: one question at a time, a typed answer."""

from __future__ import annotations

import pygame

from trainer.model.text import tr
from trainer.model.vocabulary import STEP_LABELS
from trainer.ui import theme as th
from trainer.ui.frame import Answer, Command, Frame, Layout
from trainer.ui.input import Action, Input
from trainer.ui.screens.base import draw_buttons
from trainer.ui.screens.page import card
from trainer.ui.strings import t
from trainer.ui.text import draw_block
from trainer.ui.widgets import check_row, fit, panel, text_field

MAX_ANSWER = 2000


def typing(frame: Frame) -> bool:
    return True


def layout(frame: Frame) -> Layout:
    assert frame.view is not None and frame.view.question is not None
    px = frame.theme.px
    out = Layout()
    inner = card(frame, out)
    q = frame.view.question
    step = tr(*STEP_LABELS[q.step], frame.lang)
    title_box = pygame.Rect(inner.left, inner.top, inner.width, px(44))
    tb, font = fit(f"{t(frame.lang, 'reflection_title')} · {step}", frame.theme, 28, title_box, bold=True)
    out.text("title", tb, title_box, font)
    q_box = pygame.Rect(inner.left, title_box.bottom + px(10), inner.width, px(110))
    tb, font = fit(q.text.get(frame.lang), frame.theme, 22, q_box)
    out.text("question", tb, q_box, font)
    last = frame.view.last_question
    share = px(44) if last else 0
    out.rects["field"] = pygame.Rect(
        inner.left, q_box.bottom + px(10), inner.width, inner.bottom - q_box.bottom - px(130) - share
    )
    if last:
        out.rects["share"] = pygame.Rect(inner.left, out.rects["field"].bottom + px(8), inner.width, px(36))
    help_box = pygame.Rect(inner.left, out.rects["field"].bottom + px(8) + share, inner.width, px(48))
    help_text = t(frame.lang, "reflection_help")
    if last:
        help_text += " · " + t(frame.lang, "share_help")
    tb, font = fit(help_text, frame.theme, 15, help_box, min_size=10)
    out.text("help", tb, help_box, font)
    out.button(
        pygame.Rect(inner.right - px(260), inner.bottom - px(56), px(260), px(52)),
        _answer(frame),
        t(frame.lang, "next"),
    )
    return out


def _answer(frame: Frame) -> Answer:
    """The answer as typed; with the last question also the "mag gedeeld worden" tick (default: no)."""
    assert frame.view is not None and frame.view.question is not None
    qid = frame.view.question.id
    shared = ("share" in frame.ui.ticks) if frame.view.last_question else None
    return Answer(qid, frame.ui.fields.get(qid, "").strip(), shared)


def draw(surface: pygame.Surface, frame: Frame) -> None:
    surface.fill(th.INK)
    lay = layout(frame)
    panel(surface, lay.rects["box"], alpha=255)
    for name, tb, box, font in lay.texts:
        draw_block(surface, tb, font, th.TEXT_DIM if name == "help" else th.TEXT, box.topleft)
    assert frame.view is not None and frame.view.question is not None
    text_field(
        surface,
        lay.rects["field"],
        frame.ui.fields.get(frame.view.question.id, ""),
        frame.theme,
        focused=(frame.ui.focus or 0) % 2 == 0 or "share" not in lay.rects,
        now=frame.now,
    )
    if "share" in lay.rects:
        check_row(
            surface,
            lay.rects["share"],
            t(frame.lang, "share_label"),
            frame.theme,
            ticked="share" in frame.ui.ticks,
            focused=(frame.ui.focus or 0) % 2 == 1,
        )
    draw_buttons(surface, frame, lay)


def handle(inp: Input, frame: Frame) -> Command | None:
    assert frame.view is not None and frame.view.question is not None
    qid = frame.view.question.id
    current = frame.ui.fields.get(qid, "")
    focus = frame.ui.focus or 0  # the answer field is where typing goes before anything has focus
    on_box = frame.view.last_question and focus % 2 == 1
    if frame.view.last_question and inp.action in (Action.NEXT_FOCUS, Action.PREV_FOCUS):
        frame.ui.focus = (focus + 1) % 2
    elif on_box and (inp.action == Action.TOGGLE or (inp.action == Action.TEXT and inp.text == " ")):
        frame.ui.ticks.symmetric_difference_update({"share"})
    elif on_box and inp.action == Action.TEXT:
        pass  # typing goes to the answer field only when it has the focus
    elif inp.action == Action.TEXT and inp.text:
        frame.ui.fields[qid] = (current + inp.text)[:MAX_ANSWER]
    elif inp.action == Action.NEWLINE:
        frame.ui.fields[qid] = (current + "\n")[:MAX_ANSWER]
    elif inp.action == Action.BACKSPACE:
        frame.ui.fields[qid] = current[:-1]
    elif inp.action == Action.CONFIRM:
        return _answer(frame)
    elif inp.action == Action.CLICK and inp.pos is not None:
        lay = layout(frame)
        if "share" in lay.rects and lay.rects["share"].collidepoint(inp.pos):
            frame.ui.ticks.symmetric_difference_update({"share"})
            frame.ui.focus = 1
        elif lay.buttons[0][0].collidepoint(inp.pos):
            return _answer(frame)
    return None
