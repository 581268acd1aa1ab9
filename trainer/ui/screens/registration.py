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
from trainer.ui.text import block, draw_block, draw_text
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
    if not _columns(frame, out):
        out = Layout()
        _one_block(frame, out)
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


def _label_box(frame: Frame, rect: pygame.Rect) -> pygame.Rect:
    px = frame.theme.px
    return pygame.Rect(rect.left + px(30), rect.top, rect.width - px(36), rect.height)


def _rows(frame: Frame, out: Layout, rows: list[tuple[str, str, str, pygame.Rect]]) -> None:
    """Option rows (box at the left, label after it), one text size per block so the rows look alike."""
    size = 16.0  # one size while it stays readable (13); below that, only the longest rows shrink further
    while size > 13 and not all(
        block(label, frame.theme.font(size), _label_box(frame, r).width).fits(_label_box(frame, r))
        for _g, _v, label, r in rows
    ):
        size -= 1
    for group, value, label, rect in rows:
        out.rects[f"{group}:{value}"] = rect
        tb, font = fit(label, frame.theme, size, _label_box(frame, rect), min_size=11)
        out.text(f"{group}:{value}", tb, _label_box(frame, rect), font)


def _columns(frame: Frame, out: Layout) -> bool:
    """All three blocks side by side, the reason under the outcomes. False if a label would be cut."""
    w, h = frame.size
    px = frame.theme.px
    opts = _options(frame.lang)
    top = px(70)
    col_w = (w - px(80)) // 3
    small = frame.theme.font(11)
    planned: list[tuple[str, str, str, pygame.Rect]] = []
    bottoms = []
    for c, group in enumerate(GROUPS):
        left = px(20) + c * (col_w + px(20))
        out.rects[f"head:{group}"] = pygame.Rect(left, top, col_w, px(30))
        rows = opts[group]
        avail = (h - px(100) - top - px(40)) if group != "outcome" else px(40) * len(rows)
        each = min(px(40), avail // len(rows))
        for i, (value, label) in enumerate(rows):
            rect = pygame.Rect(left, top + px(36) + i * each, col_w, each - px(2))
            if not block(label, small, rect.width - px(36)).fits(rect.inflate(-px(36), 0)):
                return False  # even the smallest text would be cut: use one block at a time
            planned.append((group, value, label, rect))
        bottoms.append(top + px(36) + len(rows) * each)
    for group in GROUPS:
        _rows(frame, out, [row for row in planned if row[0] == group])
    left = px(20) + 2 * (col_w + px(20))
    out.rects["head:reason"] = pygame.Rect(left, bottoms[2] + px(12), col_w, px(30))
    out.rects["reason"] = pygame.Rect(left, bottoms[2] + px(44), col_w, h - bottoms[2] - px(44) - px(100))
    return out.rects["reason"].height >= px(60)


def _one_block(frame: Frame, out: Layout) -> None:
    """Large text or a small window: the four blocks as tabs, the focused one shown in full width.

    Tab already moves from block to block, so keys work the same; a click on a tab opens it. The tabs
    say which blocks are filled in (a tick in the text, not only a colour).
    """
    w, h = frame.size
    px = frame.theme.px
    opts = _options(frame.lang)
    current = controls(frame)[(frame.ui.focus or 0) % len(controls(frame))][0]
    current = "reason" if current == "submit" else current
    top = px(64)
    tab_w = (w - px(40) - px(12) * 3) // 4
    for i, group in enumerate((*GROUPS, "reason")):
        out.rects[f"head:{group}"] = pygame.Rect(px(20) + i * (tab_w + px(12)), top, tab_w, px(48))
    area = pygame.Rect(px(20), top + px(60), w - px(40), h - px(100) - top - px(72))
    out.rects["block"] = area
    if current == "reason":
        out.rects["reason"] = area
        return
    rows = opts[current]
    per_col = (len(rows) + 1) // 2 if len(rows) > 6 else len(rows)
    cols = (len(rows) + per_col - 1) // per_col
    col_w = (area.width - px(20) * (cols - 1)) // cols
    each = min(px(64), area.height // per_col)
    planned = []
    for i, (value, label) in enumerate(rows):
        col, row = divmod(i, per_col)
        rect = pygame.Rect(area.left + col * (col_w + px(20)), area.top + row * each, col_w, each - px(2))
        planned.append((current, value, label, rect))
    _rows(frame, out, planned)


def _filled(frame: Frame, group: str) -> bool:
    if group == "grounds":
        return any(k.startswith("grounds:") for k in frame.ui.ticks)
    if group == "reason":
        return bool(frame.ui.fields.get("reason", "").strip())
    return bool(frame.ui.radio.get(group))


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
    tabs = "block" in lay.rects
    focus = controls(frame)[(ui.focus or 0) % len(controls(frame))]
    for group, key in heads.items():
        head = lay.rects[f"head:{group}"]
        label = t(lang, key)
        if tabs:  # a tab: open (outlined, marked) or closed; a tick when filled in
            is_open = group == focus[0] or (group == "reason" and focus[0] == "submit")
            panel(surface, head, alpha=255 if is_open else 140, radius=8)
            if is_open:
                pygame.draw.rect(surface, th.ACCENT, head, width=px(2), border_radius=8)
            filled = f" ({t(lang, 'reg_filled')})" if _filled(frame, group) else ""
            label = ("» " if is_open else "") + label + filled
            inner = head.inflate(-px(12), -px(4))
            tb, font = fit(label, theme, 17, inner, bold=True, min_size=10)
            draw_block(surface, tb, font, th.TEXT, (inner.left, inner.centery - tb.height // 2))
        else:
            draw_text(surface, label, theme.font(17, bold=True), th.ACCENT, head.topleft)
    for group, value in controls(frame)[:-2]:
        rect = lay.rects.get(f"{group}:{value}")
        if rect is None:
            continue
        ticked = f"grounds:{value}" in ui.ticks if group == "grounds" else ui.radio.get(group) == value
        check_row(
            surface, rect, "", theme, ticked=ticked, focused=focus == (group, value), radio=group != "grounds"
        )
        tb, box, font = lay.text_named(f"{group}:{value}")
        draw_block(surface, tb, font, th.TEXT, (box.left, box.centery - tb.height // 2))
    if "reason" in lay.rects:
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
        if "block" in lay.rects:  # a tab opens its block
            for g in (*GROUPS, "reason"):
                if lay.rects[f"head:{g}"].collidepoint(inp.pos):
                    ui.focus = next(i for i, (gg, _) in enumerate(items) if gg == g)
                    return None
        for i, (g, v) in enumerate(items):
            rect = lay.rects.get(f"{g}:{v}") if g in GROUPS else lay.rects.get(g)
            if rect is not None and rect.collidepoint(inp.pos):
                ui.focus = i
                if g in GROUPS:
                    _toggle(frame, g, v)
    return None
