"""A scene: who speaks (portrait and name), the lines appearing, information panels, and 'Wat doe je nu?'."""

from __future__ import annotations

import pygame

from trainer.model.scenario import CastMember, SceneNode
from trainer.model.vocabulary import MeterKind
from trainer.ui import scenery
from trainer.ui import theme as th
from trainer.ui.frame import Advance, Choose, Command, Frame, Layout
from trainer.ui.input import Action, Input
from trainer.ui.screens.base import draw_buttons, handle_buttons
from trainer.ui.screens.info import draw_info
from trainer.ui.strings import t
from trainer.ui.text import block, draw_block, draw_text
from trainer.ui.widgets import BUTTON_TEXT, countdown, fit, label_box, meter, panel

REVEAL_CHARS_PER_SECOND = 45


def _node(frame: Frame) -> SceneNode:
    assert frame.view is not None and isinstance(frame.view.node, SceneNode)
    return frame.view.node


def _script(frame: Frame) -> list[tuple[str, str]]:
    """(speaker name, text) for each line of the node."""
    assert frame.scenario is not None
    out = []
    assert frame.view is not None
    for line in frame.view.lines:
        member = scenery.cast_member(frame.scenario, line.speaker)
        name = member.name.get(frame.lang) if member else t(frame.lang, "narrator")
        out.append((name, line.text.get(frame.lang)))
    return out


def layout(frame: Frame) -> Layout:
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    assert frame.view is not None
    node = _node(frame)
    right = pygame.Rect(int(w * 0.60), px(70), int(w * 0.40) - px(20), h - px(90))
    out.rects["lines"] = pygame.Rect(px(20), int(h * 0.50), int(w * 0.60) - px(40), int(h * 0.50) - px(20))
    side = min(int(h * 0.50) - px(70) - px(64), int(w * 0.25))
    out.rects["portrait"] = pygame.Rect(px(20), px(70), side, side)
    info_h = 0
    if node.info:
        info_h = int(right.height * 0.42)
        out.rects["info"] = pygame.Rect(right.left, right.top, right.width, info_h - px(10))
    choices = pygame.Rect(right.left, right.top + info_h, right.width, right.height - info_h)
    out.rects["choices"] = choices
    heading = px(40)
    options = frame.view.choices
    if options:
        gap = px(8)
        avail = choices.height - heading - px(10) - gap * (len(options) - 1)
        width = choices.width - px(34)
        label_width = label_box(pygame.Rect(0, 0, width, 100), frame.theme, numbered=True).width
        needs = [
            block(o.choice.text.get(frame.lang), frame.theme.font(BUTTON_TEXT), label_width).height + px(16)
            for o in options
        ]
        scale = min(1.0, avail / max(1, sum(needs)))
        y = choices.top + heading
        for option, need in zip(options, needs, strict=True):
            each = max(px(44), int(need * scale))
            rect = pygame.Rect(choices.left + px(24), y, width, each)
            out.button(rect, Choose(option.id), option.choice.text.get(frame.lang))
            y += each + gap
    elif frame.view.can_advance:
        rect = pygame.Rect(choices.left + px(24), choices.bottom - px(64), choices.width - px(34), px(56))
        out.button(rect, Advance(), t(frame.lang, "continue"))
    text_box = out.rects["lines"].inflate(-px(32), -px(28))
    out.rects["help"] = pygame.Rect(text_box.left, text_box.bottom - px(24), text_box.width, px(24))
    text_box.height -= px(30)
    y = text_box.top
    for i, (name, text) in enumerate(_script(frame)):
        box = pygame.Rect(text_box.left, y, text_box.width, max(0, text_box.bottom - y))
        tb, font = fit(f"{name}: {text}", frame.theme, 20, box, min_size=13)
        out.text(f"line{i}", tb, box, font)
        y += tb.height + px(6)
    _meter_rects(frame, out)
    return out


def _portrait_member(frame: Frame) -> CastMember | None:
    """Who is shown: the last citizen who speaks here, else your colleague if they speak, else nobody
    (a portrait of someone silent would suggest you are talking to them)."""
    assert frame.scenario is not None
    assert frame.view is not None
    speakers = [scenery.cast_member(frame.scenario, line.speaker) for line in reversed(frame.view.lines)]
    present = [m for m in speakers if m is not None]
    return next((m for m in present if m.kind.value != "agent"), present[0] if present else None)


def draw(surface: pygame.Surface, frame: Frame) -> None:
    assert frame.view is not None and frame.scenario is not None
    lay = layout(frame)
    node = _node(frame)
    theme, lang, px = frame.theme, frame.lang, frame.theme.px
    name = node.backdrop or frame.scenario.setting.backdrop
    surface.blit(scenery.backdrop(name, frame.scenario.setting.time_of_day.value, frame.size, dim=90), (0, 0))
    member = _portrait_member(frame)
    if member is not None:
        box = lay.rects["portrait"]
        panel(surface, box, alpha=160)
        surface.blit(scenery.portrait(member, box.width), box)
        role = member.role.get(lang)
        plate = pygame.Rect(
            box.left, box.bottom + px(4), max(box.width, theme.small.size(role)[0] + px(20)), px(54)
        )
        panel(surface, plate, alpha=200)
        draw_text(
            surface,
            member.name.get(lang),
            theme.font(18, bold=True),
            th.TEXT,
            (plate.left + px(10), plate.top + px(2)),
        )
        draw_text(surface, role, theme.small, th.TEXT_DIM, (plate.left + px(10), plate.top + px(28)))
    _draw_meters(surface, frame, lay)
    panel(surface, lay.rects["lines"])
    revealed = None if frame.ui.skip_reveal else int(frame.now * REVEAL_CHARS_PER_SECOND)
    for _name, tb, box, font in lay.texts:
        draw_block(surface, tb, font, th.TEXT, box.topleft, max_chars=revealed)
        if revealed is not None:
            revealed -= sum(len(line) + 1 for line in tb.lines)
    if "info" in lay.rects:
        draw_info(surface, frame, node.info, lay.rects["info"])
    help_box = lay.rects["help"]
    tb, font = fit(t(lang, "dialogue_help"), theme, 14, help_box, min_size=10)
    draw_block(surface, tb, font, th.TEXT_DIM, (help_box.left, help_box.centery - tb.height // 2))
    choices = lay.rects["choices"]
    panel(surface, choices)
    if frame.view.choices:
        draw_text(
            surface, t(lang, "what_now"), theme.heading, th.TEXT, (choices.left + px(24), choices.top + px(6))
        )
        draw_buttons(surface, frame, lay, numbered=True)
    else:
        draw_buttons(surface, frame, lay)
    if frame.timer_left is not None and frame.view.timer_seconds:
        countdown(
            surface, (frame.size[0] // 2, px(40)), px(30), frame.timer_left, frame.view.timer_seconds, theme
        )


def _meter_rects(frame: Frame, out: Layout) -> None:
    """Where tension and the trust of people in view go (top left), only with the instructor's
    --show-meters."""
    assert frame.view is not None and frame.scenario is not None
    if not frame.show_meters:
        return  # during play a moving bar is a live score: by default it waits for the ending page
    px = frame.theme.px
    x = px(20)
    present = {line.speaker for line in frame.view.lines}
    portrait = _portrait_member(frame)
    if portrait is not None:
        present.add(portrait.id)
    for name, spec in frame.scenario.state.meters.items():
        if spec.kind == MeterKind.ANDERS or (spec.kind == MeterKind.VERTROUWEN and spec.cast not in present):
            continue
        out.rects[f"meter:{name}"] = pygame.Rect(x, px(12), px(150), px(34))
        x += px(170)
        if x > frame.size[0] * 0.4:
            break


def _draw_meters(surface: pygame.Surface, frame: Frame, lay: Layout) -> None:
    assert frame.view is not None and frame.scenario is not None
    for key, rect in lay.rects.items():
        if key.startswith("meter:"):
            spec = frame.scenario.state.meters[key[6:]]
            value = frame.view.meters.get(key[6:], spec.start)
            meter(surface, rect, spec.label.get(frame.lang), value, spec.min, spec.max, frame.theme)


def handle(inp: Input, frame: Frame) -> Command | None:
    if (
        inp.action == Action.CONFIRM
        and not frame.ui.skip_reveal
        and frame.now * REVEAL_CHARS_PER_SECOND < _chars(frame)
    ):
        frame.ui.skip_reveal = True  # first Enter shows all text at once
        return None
    assert frame.view is not None
    if inp.action == Action.CONFIRM and not frame.view.choices and frame.ui.focus is None:
        frame.ui.focus = 0  # a lone 'Verder' is not a choice: once the text is read, Enter continues
    return handle_buttons(inp, frame, layout(frame), numbered=True)


def _chars(frame: Frame) -> int:
    return sum(len(f"{n}: {x}") + 1 for n, x in _script(frame))


def typed(frame: Frame) -> bool:
    """Whether the node's text has finished typing (or was shown at once): a countdown starts only then."""
    return frame.ui.skip_reveal or frame.now * REVEAL_CHARS_PER_SECOND >= _chars(frame)
