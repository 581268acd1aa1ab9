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
from trainer.ui.present.draw import BODY, Drawn, Painter
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
        self.votes_in = self.of = 0

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

    def close(self) -> None:
        if self.revote is not None and not self.closed:
            self.source.close_revote(self.revote.revote_id)
            self.closed = True

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
            summary: tuple[str, ...] = (
                t(self.lang, "lead_revote_changed_hands", n=result.changed),
                t(self.lang, "lead_revote_in_line", first=first, now=now),
            )
            return RevoteView(head, rows, summary, True, self.closed, focus)
        self.votes_in, self.of = result.voters, len(live.trainees)
        if not self.closed:
            head = t(self.lang, "lead_revote_open", votes=result.voters, total=len(live.trainees))
            return RevoteView(head, rows, (), False, False)
        summary = (
            t(self.lang, "lead_revote_changed", n=result.changed, of=result.voters),
            t(self.lang, "lead_revote_towards", n=result.moved_towards_kader),
            t(self.lang, "lead_revote_away", n=result.moved_away),
        )
        sideways = result.changed - result.moved_towards_kader - result.moved_away
        if sideways:
            summary += (t(self.lang, "lead_revote_sideways", n=sideways),)
        return RevoteView(t(self.lang, "lead_revote_closed", votes=result.voters), rows, summary, False, True)

    def draw(self, surface: pygame.Surface, slide: Slide, panel: pygame.Rect | None) -> None:
        """The revote panel over the slide's side panel (`panel`, as the deck laid it out); before a revote,
        a line that says R."""
        self.view = self.view_for(slide)
        p = Painter(surface)
        w, h = surface.get_size()
        box = panel or pygame.Rect(round(w * 0.58), round(h * 0.25), round(w * 0.38), round(h * 0.63))
        if self.view is None:
            hint = pygame.Rect(box.left, box.bottom - p.px(44), box.width, p.px(44))
            pygame.draw.rect(surface, th.PANEL, hint)
            p.text("revote_hint", t(self.lang, "lead_revote_help"), hint, BODY, colour=th.FOCUS)
            self.drawn = p.drawn
            return
        v = self.view
        pygame.draw.rect(surface, th.PANEL_LIGHT, box.inflate(p.px(16), p.px(12)), border_radius=8)
        pygame.draw.rect(surface, th.FOCUS, box.inflate(p.px(16), p.px(12)), p.px(3), border_radius=8)
        head = pygame.Rect(box.left, box.top, box.width, p.px(80))
        y = p.text("revote_head", v.head, head, 30, bold=True, colour=th.FOCUS).bottom + p.px(8)
        if not (v.closed or v.hands):
            # votes stay hidden while they come in (nobody follows the crowd): only how many are in
            bar = pygame.Rect(box.left, y + p.px(8), box.width, p.px(30))
            share = self.votes_in / max(1, self.of)
            pygame.draw.rect(
                surface, th.ACCENT, (bar.left, bar.top, round(bar.width * min(1.0, share)), bar.height)
            )
            pygame.draw.rect(surface, th.TEXT, bar, 2)
            hint = pygame.Rect(box.left, bar.bottom + p.px(20), box.width, p.px(80))
            p.text("revote_close", t(self.lang, "lead_revote_close"), hint, BODY, colour=th.TEXT_DIM)
            self.drawn = p.drawn
            return
        cols = [box.left, box.left + box.width // 3, box.left + 2 * box.width // 3]
        for k, word in enumerate(t(self.lang, "lead_revote_head").split(" · ")):
            cell = pygame.Rect(cols[k], y, box.width // 3, p.px(40))
            p.text(f"revote_col{k}", word, cell, BODY, colour=th.TEXT_DIM)
        y += p.px(40)
        row_h = p.px(40)
        for i, row in enumerate(v.rows):
            if i == v.focus:
                ring = pygame.Rect(box.left - p.px(6), y - p.px(2), box.width + p.px(12), row_h)
                pygame.draw.rect(surface, th.FOCUS, ring, p.px(3), border_radius=6)
            for k, text in enumerate((row.key, str(row.first), str(row.now))):
                cell = pygame.Rect(cols[k], y, box.width // 3, row_h)
                p.text(f"revote_row{i}_{k}", text, cell, BODY, bold=True)
            y += row_h + p.px(2)
        for i, line in enumerate(v.summary):
            cell = pygame.Rect(box.left, y + p.px(4), box.width, p.px(70))
            y = p.text(f"revote_summary{i}", line, cell, BODY).bottom
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
