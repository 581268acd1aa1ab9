"""Vote, discuss, revote on a hittepunt slide: R opens a revote of that decision on every trainee's window
(or, when everyone played on this laptop, a show of hands the leader types in), the panel shows the votes
coming in, and R again closes it and shows first vote against revote per option, how many changed and in
which direction relative to the kader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from debrief.slides import Slide
from trainer.ui import theme as th
from trainer.ui.lead.source import LeadSource
from trainer.ui.present.draw import BODY, MARGIN, Drawn, Painter
from trainer.ui.strings import t

if TYPE_CHECKING:
    from debrief.live import DecisionTally
    from trainer.records.group_journal import Revote

DIGITS = {getattr(pygame, f"K_{d}"): d for d in "0123456789"} | {
    getattr(pygame, f"K_KP{d}"): d for d in "0123456789"
}
MAX_HANDS = 99


@dataclass(frozen=True)
class RevoteRow:
    key: str  # the option's letter on the slide
    first: int
    now: int


@dataclass(frozen=True)
class RevoteView:
    """What the panel shows: the head line, a row per option, and the summary lines."""

    head: str
    rows: tuple[RevoteRow, ...]
    summary: tuple[str, ...]
    hands: bool
    closed: bool
    focus: int = -1  # the option whose hand count is being typed


class RevoteBoard:
    """The revote state of the presentation (one revote at a time)."""

    def __init__(self, source: LeadSource, lang: str) -> None:
        self.source = source
        self.lang = lang
        self.revote: Revote | None = None
        self.closed = False
        self.focus = 0
        self.typed: dict[str, str] = {}
        self.drawn: list[Drawn] = []
        self.view: RevoteView | None = None

    def _tally(self, slide: Slide) -> DecisionTally | None:
        live = self.source.live
        if slide.scenario_id:
            return live.decision(slide.scenario_id, slide.node)
        return next((d for d in live.decisions if d.node_id == slide.node), None)

    def handles(self, key: int, slide: Slide) -> bool:
        """Keys the revote takes on a hittepunt slide: R, and while counting hands the arrows and digits."""
        r = self.revote
        mine = r is not None and r.node_id == slide.node
        if key == pygame.K_r:
            if r is not None and mine and not self.closed:
                self.source.close_revote(r.revote_id)
                self.closed = True
            else:
                tally = self._tally(slide)
                if tally is None:
                    return True
                if r is not None and not self.closed:
                    self.source.close_revote(r.revote_id)  # one revote at a time
                self.revote = self.source.open_revote(tally.scenario_id, tally.node_id)
                self.closed, self.focus, self.typed = False, 0, {}
            return True
        if not (mine and self.source.one_laptop and not self.closed):
            return False
        n = len(slide.options)
        if key in (pygame.K_UP, pygame.K_DOWN) and n:
            self.focus = (self.focus + (1 if key == pygame.K_DOWN else -1)) % n
            return True
        if key in DIGITS or key == pygame.K_BACKSPACE:
            option = slide.options[self.focus % n]
            text = self.typed.get(option.key, "")
            text = text[:-1] if key == pygame.K_BACKSPACE else (text + DIGITS[key])[-2:]
            self.typed[option.key] = text
            assert self.revote is not None
            self.source.set_hands(
                self.revote.revote_id,
                _choice_id(slide, option.key, self._tally(slide)),
                min(MAX_HANDS, int(text or 0)),
            )
            return True
        return False

    def view_for(self, slide: Slide) -> RevoteView | None:
        """The panel's data for this slide, or None when no revote of it was opened."""
        r, live = self.revote, self.source.live
        if r is None or r.node_id != slide.node:
            return None
        result = live.revote_result(r.revote_id)
        if result is None:
            return None
        rows = tuple(RevoteRow(o.key, o.first, o.revote) for o in result.options)
        focus = -1 if self.closed else self.focus
        if self.source.one_laptop:
            head = t(
                self.lang,
                "lead_revote_closed" if self.closed else "lead_revote_open_hands",
                votes=result.voters,
            )
            # hands do not say who moved where: the least that changed, and the spread over the kader
            first, now = result.by_assessment()["in_lijn"]
            summary = (
                t(self.lang, "lead_revote_changed_hands", n=result.changed),
                t(self.lang, "lead_revote_in_line", first=first, now=now),
            )
            return RevoteView(head, rows, summary, True, self.closed, focus)
        if not self.closed:
            head = t(self.lang, "lead_revote_open", votes=result.voters, total=len(live.trainees))
            return RevoteView(head, rows, (), False, False)
        summary = (
            t(self.lang, "lead_revote_changed", n=result.changed, of=result.voters),
            t(self.lang, "lead_revote_towards", n=result.moved_towards_kader),
            t(self.lang, "lead_revote_away", n=result.moved_away),
        )
        return RevoteView(t(self.lang, "lead_revote_closed", votes=result.voters), rows, summary, False, True)

    def draw(self, surface: pygame.Surface, slide: Slide) -> None:
        """The revote panel over the slide's side panel; the help line says R."""
        self.view = self.view_for(slide)
        p = Painter(surface)
        w, h = surface.get_size()
        if self.view is None:
            hint = pygame.Rect(w - p.px(MARGIN) - p.px(300), p.px(28), p.px(300), p.px(40))
            p.text("revote_hint", t(self.lang, "lead_revote_help"), hint, BODY, colour=th.FOCUS)
            self.drawn = p.drawn
            return
        v = self.view
        box = pygame.Rect(
            round(w * 0.6), round(h * 0.26), w - round(w * 0.6) - p.px(MARGIN), h - round(h * 0.26) - p.px(70)
        )
        pygame.draw.rect(surface, th.PANEL_LIGHT, box.inflate(p.px(16), p.px(12)), border_radius=8)
        pygame.draw.rect(surface, th.FOCUS, box.inflate(p.px(16), p.px(12)), p.px(3), border_radius=8)
        y = p.text(
            "revote_head",
            v.head,
            pygame.Rect(box.left, box.top, box.width, p.px(80)),
            30,
            bold=True,
            colour=th.FOCUS,
        ).bottom + p.px(8)
        if v.closed or v.hands:
            cols = [box.left, box.left + box.width // 3, box.left + 2 * box.width // 3]
            for k, word in enumerate(t(self.lang, "lead_revote_head").split(" · ")):
                p.text(
                    f"revote_col{k}",
                    word,
                    pygame.Rect(cols[k], y, box.width // 3, p.px(40)),
                    BODY,
                    colour=th.TEXT_DIM,
                )
            y += p.px(40)
            for i, row in enumerate(v.rows):
                if i == v.focus:
                    pygame.draw.rect(
                        surface,
                        th.FOCUS,
                        (box.left - p.px(6), y - p.px(2), box.width + p.px(12), p.px(40)),
                        p.px(3),
                        border_radius=6,
                    )
                for k, text in enumerate((row.key, str(row.first), str(row.now))):
                    p.text(
                        f"revote_row{i}_{k}",
                        text,
                        pygame.Rect(cols[k], y, box.width // 3, p.px(40)),
                        BODY,
                        bold=True,
                    )
                y += p.px(42)
        for i, line in enumerate(v.summary):
            y = p.text(
                f"revote_summary{i}", line, pygame.Rect(box.left, y + p.px(4), box.width, p.px(70)), BODY
            ).bottom
        self.drawn = p.drawn


def _choice_id(slide: Slide, key: str, tally: DecisionTally | None) -> str:
    """The choice behind an option letter: the slide's option carries its id when the deck was built from a
    sheet; the tally's order is the fallback."""
    for o in slide.options:
        if o.key == key and o.choice_id:
            return o.choice_id
    index = [o.key for o in slide.options].index(key)
    if tally is not None and index < len(tally.options):
        return tally.options[index].choice_id
    return key
