"""Registration of the stop (as in MEOS/Proco): grounds, power used, outcome and a reason in own words."""

from __future__ import annotations

import pygame

from trainer.model.vocabulary import (
    GROUND_LABELS,
    LEGAL_BASIS_LABELS,
    OUTCOME_LABELS,
    Ground,
    LegalBasis,
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
    k = 1 if lang == "en" else 0
    return {
        "grounds": [(g.value, GROUND_LABELS[g][k]) for g in Ground],
        "basis": [(b.value, LEGAL_BASIS_LABELS[b][k]) for b in LegalBasis],
        "outcome": [(o.value, OUTCOME_LABELS[o][k]) for o in Outcome],
    }


def controls(frame: Frame) -> list[tuple[str, str]]:
    """Every focusable control in order: (group, value); then the reason field and the button."""
    opts = _options(frame.lang)
    return [(g, v) for g in GROUPS for v, _ in opts[g]] + [("reason", ""), ("submit", "")]


def typing(frame: Frame) -> bool:
    return controls(frame)[frame.ui.focus % len(controls(frame))][0] == "reason"


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
    help_box = pygame.Rect(px(20), h - px(74), w - px(320), px(44))
    out.rects["help"] = help_box
    inner = help_box.inflate(-px(16), -px(4))
    if frame.ui.message:  # what is still missing, above the key help (which stays visible)
        half = inner.height // 2
        message_box = pygame.Rect(inner.left, inner.top, inner.width, half)
        tb, font = fit(frame.ui.message, frame.theme, 15, message_box, min_size=9)
        out.text("message", tb, message_box, font)
        inner = pygame.Rect(inner.left, inner.top + half, inner.width, inner.height - half)
    tb, font = fit(t(frame.lang, "reg_help"), frame.theme, 15, inner, min_size=9)
    out.text("help", tb, inner, font)
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
    focus = controls(frame)[ui.focus % len(controls(frame))]
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
    for name in ("message", "help"):
        if any(entry[0] == name for entry in lay.texts):
            tb, box, font = lay.text_named(name)
            colour = th.WARN if name == "message" else th.TEXT_DIM
            draw_block(surface, tb, font, colour, (box.left, box.centery - tb.height // 2))


def _toggle(frame: Frame, group: str, value: str) -> None:
    frame.ui.message = None  # the form changed: an old complaint would be stale
    if group == "grounds":
        key = f"grounds:{value}"
        frame.ui.ticks.symmetric_difference_update({key})
    else:
        frame.ui.radio[group] = value


def _submit(frame: Frame) -> Command | None:
    command = _register(frame)
    missing = [
        key for key, value in (("basis", command.legal_basis), ("outcome", command.outcome)) if not value
    ]
    if missing:
        # Name only what is still missing, so the message is true for the form as it is now.
        frame.ui.message = t(
            frame.lang, "reg_incomplete" if len(missing) == 2 else f"reg_missing_{missing[0]}"
        )
        return None
    return command


def handle(inp: Input, frame: Frame) -> Command | None:
    ui = frame.ui
    items = controls(frame)
    ui.focus %= len(items)
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
