"""Start: language, pseudonymous trainee code and group label."""

from __future__ import annotations

import re

import pygame

from trainer.ui import theme as th
from trainer.ui.frame import Command, Frame, Layout, SetLang, StartPlayer
from trainer.ui.input import Action, Input
from trainer.ui.strings import t
from trainer.ui.text import draw_block, draw_text
from trainer.ui.widgets import button, fit, panel, text_field

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
FIELDS = ("code", "group")
LANG, CODE_FIELD, GROUP_FIELD, START = range(4)


def typing(frame: Frame) -> bool:
    return frame.ui.focus in (CODE_FIELD, GROUP_FIELD)


def layout(frame: Frame) -> Layout:
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    box = pygame.Rect(0, 0, min(w - px(40), px(720)), min(h - px(40), px(560)))
    box.center = (w // 2, h // 2)
    out.rects["box"] = box
    inner = box.inflate(-px(60), -px(40))
    intro = pygame.Rect(inner.left, inner.top + px(64), inner.width, px(90))
    out.rects["intro"] = intro
    tb, font = fit(t(frame.lang, "start_intro"), frame.theme, 18, intro)
    out.text("intro", tb, intro, font)
    y = intro.bottom + px(16)
    out.rects["nl"] = pygame.Rect(inner.left, y, px(150), px(44))
    out.rects["en"] = pygame.Rect(inner.left + px(164), y, px(150), px(44))
    y += px(64)
    for name in FIELDS:
        out.rects[f"label:{name}"] = pygame.Rect(inner.left, y, inner.width, px(26))
        out.rects[name] = pygame.Rect(inner.left, y + px(28), inner.width, px(46))
        y += px(92)
    out.rects["start"] = pygame.Rect(inner.left, min(y, inner.bottom - px(52)), px(240), px(52))
    out.button(
        out.rects["start"],
        StartPlayer(frame.ui.fields.get("code", ""), frame.ui.fields.get("group") or None),
        t(frame.lang, "start"),
    )
    if frame.ui.message:  # beside the button, inside the card, wrapped
        start = out.rects["start"]
        box = pygame.Rect(start.right + px(20), start.top, inner.right - start.right - px(20), start.height)
        tb, font = fit(frame.ui.message, frame.theme, 16, box, min_size=10)
        out.text("message", tb, box, font)
    return out


def draw(surface: pygame.Surface, frame: Frame) -> None:
    surface.fill(th.INK)
    lay = layout(frame)
    theme, lang, ui, px = frame.theme, frame.lang, frame.ui, frame.theme.px
    box = lay.rects["box"]
    panel(surface, box, alpha=255)
    draw_text(surface, t(lang, "start_title"), theme.title, th.TEXT, (box.left + px(30), box.top + px(20)))
    tb, area, font = lay.text_named("intro")
    draw_block(surface, tb, font, th.TEXT_DIM, area.topleft)
    for code in ("nl", "en"):
        chosen = lang == code
        label = ("• " if chosen else "") + ("Nederlands" if code == "nl" else "English")
        button(surface, lay.rects[code], label, theme, focused=ui.focus == LANG and chosen)
    for i, name in enumerate(FIELDS):
        draw_text(
            surface,
            t(lang, "trainee_code" if name == "code" else "group_label"),
            theme.small,
            th.TEXT,
            lay.rects[f"label:{name}"].topleft,
        )
        text_field(
            surface,
            lay.rects[name],
            ui.fields.get(name, ""),
            theme,
            focused=ui.focus == CODE_FIELD + i,
            now=frame.now,
        )
    button(surface, lay.rects["start"], t(lang, "start"), theme, focused=ui.focus == START)
    if ui.message:
        tb, area, font = lay.text_named("message")
        draw_block(surface, tb, font, th.WARN, (area.left, area.centery - tb.height // 2))


def handle(inp: Input, frame: Frame) -> Command | None:
    ui = frame.ui
    focus = ui.focus or 0  # this form always has a focus; None only where a choice is made
    field = FIELDS[focus - CODE_FIELD] if typing(frame) else None
    if inp.action == Action.TEXT and field and inp.text:
        ui.fields[field] = (ui.fields.get(field, "") + inp.text)[:40]
    elif inp.action == Action.BACKSPACE and field:
        ui.fields[field] = ui.fields.get(field, "")[:-1]
    elif inp.action in (Action.NEXT_FOCUS, Action.DOWN):
        ui.focus = (focus + 1) % 4
    elif inp.action in (Action.PREV_FOCUS, Action.UP):
        ui.focus = (focus - 1) % 4
    elif inp.action in (Action.LEFT, Action.RIGHT) and ui.focus == LANG:
        return SetLang("en" if frame.lang == "nl" else "nl")
    elif inp.action == Action.CONFIRM:
        if ui.focus == LANG:
            return SetLang("en" if frame.lang == "nl" else "nl")
        if ui.focus != START:
            ui.focus = focus + 1
            return None
        return _start(frame)
    elif inp.action == Action.CLICK and inp.pos is not None:
        lay = layout(frame)
        for code in ("nl", "en"):
            if lay.rects[code].collidepoint(inp.pos):
                return SetLang(code)
        for i, name in enumerate(FIELDS):
            if lay.rects[name].collidepoint(inp.pos):
                ui.focus = CODE_FIELD + i
        if lay.rects["start"].collidepoint(inp.pos):
            return _start(frame)
    return None


def _start(frame: Frame) -> Command | None:
    code = frame.ui.fields.get("code", "").strip()
    group = frame.ui.fields.get("group", "").strip()
    if not CODE.match(code) or (group and not CODE.match(group)):
        frame.ui.message = t(frame.lang, "code_needed")
        frame.ui.focus = CODE_FIELD if not CODE.match(code) else GROUP_FIELD
        return None
    return StartPlayer(code, group or None)
