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
from trainer.ui.strings import t
from trainer.ui.text import block, draw_block, draw_text
from trainer.ui.widgets import BUTTON_TEXT, clipped, countdown, fit, fit_all, label_box, meter, panel

REVEAL_CHARS_PER_SECOND = 45
INFO_SHARE = 0.5  # of the right column at most, for dispatch and MEOS items; the choices get the rest


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
    """Lines left, choices right; when the choices would not fit whole (large text, long options), the
    choice column widens and the lines take less width."""
    for split in (0.60, 0.45):
        out, cramped = _layout(frame, split)
        if not cramped:
            return out
    return _layout(frame, 0.36)[0]


def _layout(frame: Frame, split: float) -> tuple[Layout, bool]:
    """The layout with the lines/choices border at `split` of the width, and whether the choices are cut."""
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    assert frame.view is not None
    node = _node(frame)
    right = pygame.Rect(int(w * split), px(70), int(w * (1 - split)) - px(20), h - px(90))
    out.rects["lines"] = pygame.Rect(px(20), int(h * 0.50), int(w * split) - px(40), int(h * 0.50) - px(20))
    side = min(int(h * 0.50) - px(70) - px(64), int(w * 0.25))
    out.rects["portrait"] = pygame.Rect(px(20), px(70), side, side)
    info_h = _layout_info(frame, out, right) if node.info else 0
    choices = pygame.Rect(right.left, right.top + info_h, right.width, right.height - info_h)
    out.rects["choices"] = choices
    heading = px(40)
    options = frame.view.choices
    cramped = False
    if options:
        gap = px(8)
        avail = choices.height - heading - px(10) - gap * (len(options) - 1)
        width = choices.width - px(34)
        label_width = label_box(pygame.Rect(0, 0, width, 100), frame.theme, numbered=True).width
        texts = [o.choice.text.get(frame.lang) for o in options]
        # One text size for all options, the largest at which every option fits whole: scaling the boxes
        # instead cut the longest option short while a short one kept room to spare.
        size = float(BUTTON_TEXT)
        while True:
            font = frame.theme.font(size)
            needs = [max(px(44), block(text, font, label_width).height + px(16)) for text in texts]
            if sum(needs) <= avail or size <= 12:  # 12: the smallest a button draws its label at
                cramped = sum(needs) > avail
                break
            size -= 1
        y = choices.top + heading
        for option, text, need in zip(options, texts, needs, strict=True):
            rect = pygame.Rect(choices.left + px(24), y, width, need)
            out.button(rect, Choose(option.id), text)
            y += need + gap
    elif frame.view.can_advance:
        rect = pygame.Rect(choices.left + px(24), choices.bottom - px(64), choices.width - px(34), px(56))
        out.button(rect, Advance(), t(frame.lang, "continue"))
    text_box = out.rects["lines"].inflate(-px(32), -px(28))
    out.rects["help"] = pygame.Rect(text_box.left, text_box.bottom - px(24), text_box.width, px(24))
    text_box.height -= px(30)
    texts = [f"{name}: {text}" for name, text in _script(frame)]
    blocks, font = fit_all(texts, frame.theme, 20, text_box.width, text_box.height, px(6), min_size=11)
    y = text_box.top
    for i, tb in enumerate(blocks):  # one size for all lines: the last line is not starved
        box = pygame.Rect(text_box.left, y, text_box.width, max(0, text_box.bottom - y))
        tb = clipped(tb, font, box)
        out.text(f"line{i}", tb, box, font)
        y += tb.height + px(6)
    _layout_top(frame, out)
    return out, cramped


def _layout_top(frame: Frame, out: Layout) -> None:
    """The countdown and the meters along the top: meters stop before the countdown, never under it."""
    assert frame.view is not None and frame.scenario is not None
    px = frame.theme.px
    clock = None
    if frame.timer_left is not None and frame.view.timer_seconds:
        clock = pygame.Rect(0, 0, px(60), px(60))
        clock.center = (frame.size[0] // 2, px(40))
        out.rects["countdown"] = clock
    if not frame.show_meters:
        return  # during play a moving bar is a live score: by default it waits for the ending page
    x = px(20)
    limit = (clock.left - px(16)) if clock is not None else int(frame.size[0] * 0.58)
    for name in _meters_shown(frame):
        rect = pygame.Rect(x, px(12), px(150), px(34))
        if rect.right > limit:
            break
        out.rects[f"meter:{name}"] = rect
        x += px(170)


def _portrait_member(frame: Frame) -> CastMember | None:
    """Who is shown: the person whose line is typing now, or the last person who spoke before it.

    The portrait follows the text: while the first speaker's line types, it is theirs, not the node's last
    speaker's. Narrator lines keep the previous speaker; before anyone speaks nobody is shown (a portrait of
    someone silent would suggest you are talking to them).
    """
    assert frame.scenario is not None and frame.view is not None
    started = frame.view.lines[: _typing_line(frame) + 1]
    speakers = [scenery.cast_member(frame.scenario, line.speaker) for line in reversed(started)]
    return next((m for m in speakers if m is not None), None)


def _typing_line(frame: Frame) -> int:
    """Index of the line the reveal has reached (the last line once everything is shown)."""
    assert frame.view is not None
    last = len(frame.view.lines) - 1
    if frame.ui.skip_reveal:
        return last
    revealed = int(frame.now * REVEAL_CHARS_PER_SECOND)
    for i, (name, text) in enumerate(_script(frame)):
        revealed -= len(f"{name}: {text}") + 1
        if revealed < 0:
            return i
    return last


def draw(surface: pygame.Surface, frame: Frame) -> None:
    assert frame.view is not None and frame.scenario is not None
    lay = layout(frame)
    theme, lang, px = frame.theme, frame.lang, frame.theme.px
    surface.blit(scenery.scene_backdrop(frame.scenario, frame.view.node_id, frame.size, dim=90), (0, 0))
    scenery.scene_weather(surface, frame.scenario, frame.view.node_id, frame.now / frame.pace, frame.seed)
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
    for _name, tb, box, font in (entry for entry in lay.texts if entry[0].startswith("line")):
        draw_block(surface, tb, font, th.TEXT, box.topleft, max_chars=revealed)
        if revealed is not None:
            revealed -= sum(len(line) + 1 for line in tb.lines)
    if "info" in lay.rects:
        _draw_info(surface, frame, lay)
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
    if "countdown" in lay.rects and frame.timer_left is not None and frame.view.timer_seconds:
        clock = lay.rects["countdown"]
        countdown(surface, clock.center, clock.width // 2, frame.timer_left, frame.view.timer_seconds, theme)


def _layout_info(frame: Frame, out: Layout, right: pygame.Rect) -> int:
    """Dispatch and MEOS items, as tall as their text needs (at most half the column): the rest goes to
    the choices, which otherwise ran off the window at the largest text size. Returns the height used."""
    px, lang = frame.theme.px, frame.lang
    items = _node(frame).info
    width = right.width - px(28)
    texts = [item.text.get(lang) for item in items]
    most = int(right.height * INFO_SHARE) - px(10) - px(16) - px(36) * len(items)
    blocks, font = fit_all(texts, frame.theme, 16, width, most, px(10), min_size=11)
    needed = px(16) + sum(px(26) + tb.height + px(10) for tb in blocks)
    box = pygame.Rect(
        right.left, right.top, right.width, min(needed, int(right.height * INFO_SHARE) - px(10))
    )
    out.rects["info"] = box
    y = box.top + px(10)
    for i, (item, tb) in enumerate(zip(items, blocks, strict=True)):
        head_box = pygame.Rect(box.left + px(14), y, width, px(24))
        htb, hfont = fit(item.heading(lang), frame.theme, 16, head_box, bold=True)
        out.text(f"infohead{i}", htb, head_box, hfont)
        y += px(26)
        area = pygame.Rect(box.left + px(14), y, width, max(0, box.bottom - y - px(6)))
        tb = clipped(tb, font, area)
        out.text(f"info{i}", tb, area, font)
        y += tb.height + px(10)
    return box.height + px(10)


def _draw_info(surface: pygame.Surface, frame: Frame, lay: Layout) -> None:
    """Dispatch and MEOS items as a terminal-like card; the kind is written out, not only coloured."""
    panel(surface, lay.rects["info"], colour=(12, 30, 40), alpha=235)
    for name, tb, box, font in lay.texts:
        if name.startswith("info"):
            draw_block(surface, tb, font, th.ACCENT if name.startswith("infohead") else th.TEXT, box.topleft)


def _meters_shown(frame: Frame) -> list[str]:
    """Tension and the trust of people in view."""
    assert frame.view is not None and frame.scenario is not None
    present = {line.speaker for line in frame.view.lines}
    portrait = _portrait_member(frame)
    if portrait is not None:
        present.add(portrait.id)
    return [
        name
        for name, spec in frame.scenario.state.meters.items()
        if spec.kind != MeterKind.ANDERS and (spec.kind != MeterKind.VERTROUWEN or spec.cast in present)
    ]


def _draw_meters(surface: pygame.Surface, frame: Frame, lay: Layout) -> None:
    """Small, top left, where the layout placed them (clear of the countdown), only with --show-meters."""
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


def line_ends(frame: Frame) -> list[float]:
    """Seconds after entering the node at which each line has typed out: the storyboard shows the node at
    each of these moments, so every line is seen with its own speaker's portrait."""
    ends, chars = [], 0
    for name, text in _script(frame):
        chars += len(f"{name}: {text}") + 1
        ends.append((chars - 0.5) / REVEAL_CHARS_PER_SECOND)  # the line's last character, not the next line
    return ends


def _chars(frame: Frame) -> int:
    return sum(len(f"{n}: {x}") + 1 for n, x in _script(frame))


def typed(frame: Frame) -> bool:
    """Whether the node's text has finished typing (or was shown at once): a countdown starts only then."""
    return frame.ui.skip_reveal or frame.now * REVEAL_CHARS_PER_SECOND >= _chars(frame)
