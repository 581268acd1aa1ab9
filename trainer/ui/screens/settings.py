"""Settings (F3, or from the pause menu): volume, mute, text size, the slower tempo, reading lines aloud.

An overlay like the pause menu: every clock stands still while it is open. Up/Down (or Tab) choose a row,
Left/Right or Enter change it, Esc or F3 closes. The App applies and remembers each change
(`trainer.ui.preferences`); this screen only draws `frame.settings` and asks for changes.
"""

from __future__ import annotations

import pygame

from trainer.ui import theme as th
from trainer.ui.frame import Adjust, Command, Frame, Layout, Unpause
from trainer.ui.input import Action, Input
from trainer.ui.preferences import Preferences
from trainer.ui.screens.base import draw_buttons, handle_buttons
from trainer.ui.strings import t
from trainer.ui.text import draw_block, draw_text
from trainer.ui.widgets import fit, panel

ROWS = ("volume", "muted", "text_size", "slow", "speech")


def _value(name: str, prefs: Preferences, lang: str) -> str:
    if name == "volume":
        return t(lang, "settings_volume", value=prefs.volume)
    if name == "text_size":
        return t(lang, "settings_text", value=t(lang, f"size_{prefs.text_size}"))
    flag = getattr(prefs, name)
    if name == "muted":  # the row says whether sound is on, not whether mute is
        flag = not flag
    return t(lang, f"settings_{name}", value=t(lang, "state_on" if flag else "state_off"))


def _notes(frame: Frame) -> list[str]:
    """What a row cannot say in one line: why speech is off, when the tempo applies, what is not kept."""
    s = frame.settings
    assert s is not None
    lang = frame.lang
    notes = [t(lang, "settings_slow_note")]
    if s.playing:
        notes.append(t(lang, "settings_slow_next"))
    if s.speech_problem == "no_espeak":
        notes.append(t(lang, "settings_speech_missing"))
    elif s.speech_problem == "no_sound":
        notes.append(t(lang, "settings_speech_no_sound"))
    if s.unreadable:
        notes.append(t(lang, "settings_not_saved"))
    return notes


def layout(frame: Frame) -> Layout:
    s = frame.settings
    assert s is not None
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    box = pygame.Rect(0, 0, min(w - px(40), px(760)), min(h - px(40), px(640)))
    box.center = (w // 2, h // 2)
    out.rects["box"] = box
    inner = box.inflate(-px(60), -px(40))
    y = inner.top + px(86)
    row_h = px(46)
    for name in ROWS:
        rect = pygame.Rect(inner.left, y, inner.width, row_h)
        label = _value(name, s.prefs, frame.lang)
        out.button(rect, Adjust(name, 1), label)
        out.rects[f"row:{name}"] = rect
        y += row_h + px(8)
    back = pygame.Rect(inner.left, y + px(4), px(200), row_h)
    out.button(back, Unpause(), t(frame.lang, "settings_back"))
    out.rects["back"] = back
    notes = pygame.Rect(inner.left, back.bottom + px(14), inner.width, inner.bottom - back.bottom - px(14))
    out.rects["notes"] = notes
    tb, font = fit("\n".join(_notes(frame)), frame.theme, 15, notes, min_size=10)
    out.text("notes", tb, notes, font)
    return out


def draw(surface: pygame.Surface, frame: Frame) -> None:
    lay = layout(frame)
    shade = pygame.Surface(frame.size, pygame.SRCALPHA)
    shade.fill((0, 0, 0, 170))
    surface.blit(shade, (0, 0))
    box = lay.rects["box"]
    panel(surface, box, alpha=240)
    px = frame.theme.px
    draw_text(
        surface,
        t(frame.lang, "settings_title"),
        frame.theme.heading,
        th.TEXT,
        (box.left + px(30), box.top + px(20)),
    )
    help_box = pygame.Rect(box.left + px(30), box.top + px(70), box.width - px(60), px(28))
    tb, font = fit(t(frame.lang, "settings_help"), frame.theme, 14, help_box, min_size=10)
    draw_block(surface, tb, font, th.TEXT_DIM, help_box.topleft)
    draw_buttons(surface, frame, lay)
    tb, box_notes, font = lay.text_named("notes")
    draw_block(surface, tb, font, th.TEXT_DIM, box_notes.topleft)


def handle(inp: Input, frame: Frame) -> Command | None:
    lay = layout(frame)
    focus = frame.ui.focus
    if inp.action in (Action.LEFT, Action.RIGHT) and focus is not None and focus < len(ROWS):
        return Adjust(ROWS[focus], -1 if inp.action == Action.LEFT else 1)
    if inp.action in (Action.LEFT, Action.RIGHT):
        return None  # not a row: left and right do not move the focus here
    if inp.action == Action.TOGGLE and focus is not None and focus < len(ROWS):
        return Adjust(ROWS[focus], 1)
    return handle_buttons(inp, frame, lay)
