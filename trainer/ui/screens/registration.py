"""Registration of the stop (as in MEOS/Proco): grounds, power used, outcome and a reason in own words."""

from __future__ import annotations

import pygame

from trainer.model.text import tr
from trainer.model.vocabulary import (
    GROUND_LABELS,
    LEGAL_BASIS_LABELS,
    OUTCOME_LABELS,
    REGISTRABLE_POWERS,
    Ground,
    Outcome,
)
from trainer.ui import theme as th
from trainer.ui.frame import Command, Frame, Layout, Register
from trainer.ui.input import Action, Input
from trainer.ui.strings import t
from trainer.ui.text import draw_block, draw_text
from trainer.ui.widgets import button, check_row, fit, panel, text_field

GROUPS = ("grounds", "basis", "outcome")
MAX_REASON = 500


def _options(lang: str) -> dict[str, list[tuple[str, str]]]:
    return {
        "grounds": [(g.value, tr(*GROUND_LABELS[g], lang)) for g in Ground],
        "basis": [(b.value, tr(*LEGAL_BASIS_LABELS[b], lang)) for b in REGISTRABLE_POWERS],
        "outcome": [(o.value, tr(*OUTCOME_LABELS[o], lang)) for o in Outcome],
    }


def controls(frame: Frame) -> list[tuple[str, str]]:
    """Every focusable control in order: (group, value); then the reason field and the button."""
    opts = _options(frame.lang)
    return [(g, v) for g in GROUPS for v, _ in opts[g]] + [("reason", ""), ("submit", "")]


def typing(frame: Frame) -> bool:
    return controls(frame)[(frame.ui.focus or 0) % len(controls(frame))][0] == "reason"


def layout(frame: Frame) -> Layout:
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    opts = _options(frame.lang)
    top = px(70)
    col_w = (w - px(80)) // 3
    bottoms = []
    for c, group in enumerate(GROUPS):
        left = px(20) + c * (col_w + px(20))
        out.rects[f"head:{group}"] = pygame.Rect(left, top, col_w, px(30))
        rows = opts[group]
        avail = (h - px(100) - top - px(40)) if group != "outcome" else px(40) * len(rows)
        each = min(px(40), avail // len(rows))
        for i, (value, label) in enumerate(rows):
            rect = pygame.Rect(left, top + px(36) + i * each, col_w, each - px(2))
            out.rects[f"{group}:{value}"] = rect
            tb, font = fit(
                label, frame.theme, 16, pygame.Rect(0, 0, col_w - px(36), rect.height), min_size=11
            )
            out.text(
                f"{group}:{value}",
                tb,
                pygame.Rect(rect.left + px(30), rect.top, col_w - px(36), rect.height),
                font,
            )
        bottoms.append(top + px(36) + len(rows) * each)
    left = px(20) + 2 * (col_w + px(20))
    out.rects["head:reason"] = pygame.Rect(left, bottoms[2] + px(12), col_w, px(30))
    out.rects["reason"] = pygame.Rect(left, bottoms[2] + px(44), col_w, h - bottoms[2] - px(44) - px(100))
    out.rects["submit"] = pygame.Rect(w - px(280), h - px(80), px(260), px(56))
    out.button(out.rects["submit"], _register(frame), t(frame.lang, "register"))
    out.rects["help"] = pygame.Rect(px(20), h - px(74), w - px(320), px(44))
    return out


def _register(frame: Frame) -> Register:
    ui = frame.ui
    grounds = tuple(v for v in (g.value for g in Ground) if f"grounds:{v}" in ui.ticks)
    return Register(
        grounds, ui.radio.get("basis", ""), ui.radio.get("outcome", ""), ui.fields.get("reason", "").strip()
    )


def draw(surface: pygame.Surface, frame: Frame) -> None:
    surface.fill(th.INK)
    theme, lang, ui, px = frame.theme, frame.lang, frame.ui, frame.theme.px
    lay = layout(frame)
    draw_text(surface, t(lang, "registration_title"), theme.heading, th.TEXT, (px(20), px(20)))
    heads = {"grounds": "reg_grounds", "basis": "reg_basis", "outcome": "reg_outcome", "reason": "reg_reason"}
    for group, key in heads.items():
        draw_text(
            surface, t(lang, key), theme.font(17, bold=True), th.ACCENT, lay.rects[f"head:{group}"].topleft
        )
    focus = controls(frame)[(ui.focus or 0) % len(controls(frame))]
    for group, value in controls(frame)[:-2]:
        rect = lay.rects[f"{group}:{value}"]
        ticked = f"grounds:{value}" in ui.ticks if group == "grounds" else ui.radio.get(group) == value
        check_row(
            surface, rect, "", theme, ticked=ticked, focused=focus == (group, value), radio=group != "grounds"
        )
        tb, box, font = lay.text_named(f"{group}:{value}")
        draw_block(surface, tb, font, th.TEXT, (box.left, box.centery - tb.height // 2))
    text_field(
        surface,
        lay.rects["reason"],
        ui.fields.get("reason", ""),
        theme,
        focused=focus[0] == "reason",
        now=frame.now,
    )
    button(surface, lay.rects["submit"], t(lang, "register"), theme, focused=focus[0] == "submit")
    panel(surface, lay.rects["help"], alpha=160)
    message = ui.message or t(lang, "reg_help")
    tb, font = fit(message, theme, 15, lay.rects["help"].inflate(-px(16), -px(4)), min_size=10)
    draw_block(
        surface,
        tb,
        font,
        th.WARN if ui.message else th.TEXT_DIM,
        (lay.rects["help"].left + px(8), lay.rects["help"].centery - tb.height // 2),
    )


def _toggle(frame: Frame, group: str, value: str) -> None:
    if group == "grounds":
        key = f"grounds:{value}"
        frame.ui.ticks.symmetric_difference_update({key})
    else:
        frame.ui.radio[group] = value


def _submit(frame: Frame) -> Command | None:
    command = _register(frame)
    if not command.legal_basis or not command.outcome:
        frame.ui.message = t(frame.lang, "reg_incomplete")
        return None
    return command


def handle(inp: Input, frame: Frame) -> Command | None:
    ui = frame.ui
    items = controls(frame)
    ui.focus = (ui.focus or 0) % len(items)  # a form always has a focus; None only where a choice is made
    group, value = items[ui.focus]
    if group == "reason" and inp.action == Action.TEXT and inp.text:
        ui.fields["reason"] = (ui.fields.get("reason", "") + inp.text)[:MAX_REASON]
    elif group == "reason" and inp.action == Action.BACKSPACE:
        ui.fields["reason"] = ui.fields.get("reason", "")[:-1]
    elif inp.action in (Action.DOWN, Action.UP):
        ui.focus = (ui.focus + (1 if inp.action == Action.DOWN else -1)) % len(items)
    elif inp.action in (Action.NEXT_FOCUS, Action.PREV_FOCUS):
        order = [*GROUPS, "reason", "submit"]
        nxt = order[(order.index(group) + (1 if inp.action == Action.NEXT_FOCUS else -1)) % len(order)]
        ui.focus = next(i for i, (g, _) in enumerate(items) if g == nxt)
    elif inp.action == Action.TOGGLE and group in GROUPS:
        _toggle(frame, group, value)
    elif inp.action == Action.CONFIRM:
        if group in GROUPS and group != "grounds" and ui.radio.get(group) != value:
            _toggle(frame, group, value)
            return None
        return _submit(frame)
    elif inp.action == Action.CLICK and inp.pos is not None:
        lay = layout(frame)
        if lay.rects["submit"].collidepoint(inp.pos):
            return _submit(frame)
        for i, (g, v) in enumerate(items):
            rect = lay.rects.get(f"{g}:{v}") if g in GROUPS else lay.rects.get(g)
            if rect is not None and rect.collidepoint(inp.pos):
                ui.focus = i
                if g in GROUPS:
                    _toggle(frame, g, v)
    return None
