"""Scenario picker: unfinished sessions to resume first, then the bundled scenarios with place, time and
duration.

The learning goals are not shown here: they name the intended answers, so they come after the reflection.
"""

from __future__ import annotations

import pygame

from trainer.model.card import ScenarioCard
from trainer.ui import theme as th
from trainer.ui.frame import Command, Frame, Layout, PickScenario, ResumeSession, Unfinished
from trainer.ui.input import Input
from trainer.ui.screens.base import draw_buttons, handle_buttons
from trainer.ui.strings import t
from trainer.ui.text import draw_block, draw_text
from trainer.ui.widgets import fit, panel


def _entries(frame: Frame) -> list[tuple[str, Command]]:
    lang = frame.lang
    out: list[tuple[str, Command]] = []
    for session_id, _scenario_id, started, title in frame.resume:
        out.append((t(lang, "resume_item", title=title, started=started), ResumeSession(session_id)))
    for i, card in enumerate(frame.scenarios):
        out.append((card.title_in(lang), PickScenario(i)))
    return out


def layout(frame: Frame) -> Layout:
    w, h = frame.size
    px = frame.theme.px
    out = Layout()
    entries = _entries(frame)
    left = pygame.Rect(px(40), px(100), int(w * 0.42), h - px(130))
    out.rects["list"] = left
    each = min(px(60), (left.height - px(8) * len(entries)) // max(1, len(entries)))
    for i, (label, cmd) in enumerate(entries):
        out.button(
            pygame.Rect(left.left + px(20), left.top + i * (each + px(8)), left.width - px(20), each),
            cmd,
            label,
        )
    details = pygame.Rect(left.right + px(30), px(100), w - left.right - px(70), h - px(130))
    out.rects["details"] = details
    card = _focused_scenario(frame)
    if card is not None:
        inner = details.inflate(-px(40), -px(40))
        facts_box = pygame.Rect(inner.left, inner.top + px(70), inner.width, px(120))
        tb, font = fit(facts(card, frame.lang), frame.theme, 18, facts_box, min_size=12)
        out.text("facts", tb, facts_box, font)
    return out


def facts(card: ScenarioCard, lang: str) -> str:
    """Place, time of day and duration: what an officer knows before a shift, nothing about the answers."""
    if not card.readable:
        return t(lang, "pick_unreadable")  # picking it shows the loader's own message
    when = t(lang, f"tod_{card.time_of_day}")
    return f"{card.place_in(lang)}, {when}\n{t(lang, 'minutes', n=card.duration_minutes)}"


def _focused_scenario(frame: Frame) -> ScenarioCard | None:
    """The scenario behind the focused entry; for an unfinished session, the bundled one it belongs to."""
    entries = _entries(frame)
    if not entries:
        return None
    cmd = entries[min(frame.ui.focus or 0, len(entries) - 1)][1]
    scenarios = frame.scenarios
    if isinstance(cmd, PickScenario):
        return scenarios[cmd.index]
    resumed = _focused_resume(frame)
    scenario_id = resumed[1] if resumed else None
    return next((card for card in scenarios if card.scenario_id == scenario_id), None)


def _focused_resume(frame: Frame) -> Unfinished | None:
    """(session id, scenario id, started, title) when the focus is on an unfinished session."""
    resume = frame.resume
    focus = min(frame.ui.focus or 0, len(_entries(frame)) - 1)  # nothing focused yet: the first entry
    return resume[focus] if 0 <= focus < len(resume) else None


def draw(surface: pygame.Surface, frame: Frame) -> None:
    surface.fill(th.INK)
    lay = layout(frame)
    theme, lang, px = frame.theme, frame.lang, frame.theme.px
    draw_text(surface, t(lang, "pick_title"), theme.title, th.TEXT, (px(40), px(30)))
    draw_buttons(surface, frame, lay)
    card = _focused_scenario(frame)
    resumed = _focused_resume(frame)
    details = lay.rects["details"]
    panel(surface, details, alpha=255)
    if card is None and resumed is None:
        return
    inner = details.inflate(-px(40), -px(40))
    title = resumed[3] if resumed else card.title_in(lang)  # type: ignore[union-attr]
    tb, font = fit(title, theme, 26, pygame.Rect(inner.left, inner.top, inner.width, px(40)), bold=True)
    draw_block(surface, tb, font, th.TEXT, inner.topleft)
    if resumed:  # an unfinished session: when it began, above the scenario's own facts
        draw_text(
            surface,
            t(lang, "resume_started", started=resumed[2]),
            theme.small,
            th.TEXT_DIM,
            (inner.left, inner.top + px(40)),
        )
    for _name, tb, box, font in lay.texts:
        draw_block(surface, tb, font, th.TEXT, box.topleft)


def handle(inp: Input, frame: Frame) -> Command | None:
    return handle_buttons(inp, frame, layout(frame))
