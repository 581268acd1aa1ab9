"""Vote, discuss, revote on a hittepunt slide: R opens a revote of that decision on every trainee's window
(or, when everyone played on this laptop, a show of hands the leader types in), the panel shows the votes
coming in, and R again closes it and shows first vote against revote per option, how many changed and in
which direction relative to the kader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from debrief.hittepunten import SMALL
from debrief.revotes import summary
from debrief.slides import Slide
from debrief.words import Words
from trainer.ui import theme as th
from trainer.ui.lead.draw_live import fit
from trainer.ui.lead.source import LeadSource
from trainer.ui.present.draw import BODY, MARGIN, Drawn, Painter
from trainer.ui.strings import t
from trainer.ui.text import rendered

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
    label: str = ""


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
        labels = {o.key: o.label for o in slide.options}
        rows = tuple(RevoteRow(o.key, o.first, o.revote, labels.get(o.key, "")) for o in result.options)
        self.votes_in, self.of = result.voters, len(live.trainees)
        if not self.closed and self.source.one_laptop:
            return RevoteView(t(self.lang, "lead_revote_open_hands"), rows, (), True, False, self.focus)
        if not self.closed:
            head = t(self.lang, "lead_revote_open", votes=result.voters, total=len(live.trainees))
            return RevoteView(head, rows, (), False, False)
        # closed: the sheet's own words and its rule for small numbers, so screen and paper agree
        shown = rows if result.voters >= SMALL else ()
        head = t(self.lang, "lead_revote_closed", votes=result.voters)
        said = summary(result, Words(self.lang)).replace(" → ", f" {t(self.lang, 'lead_arrow')} ")  # no glyph
        return RevoteView(head, shown, (said,), self.source.one_laptop, True)

    def draw(self, surface: pygame.Surface, slide: Slide, panel: pygame.Rect | None) -> None:
        """Over the slide's side panel (`panel`, as the deck laid it out): a hint before a revote, the votes
        coming in, or the hands being counted; once closed, the result over the whole chart, one row per
        option with its label, first vote and revote."""
        self.view = self.view_for(slide)
        p = Painter(surface)
        w, h = surface.get_size()
        box = panel or pygame.Rect(round(w * 0.58), round(h * 0.25), round(w * 0.38), round(h * 0.63))
        v = self.view
        if v is None:
            hint = pygame.Rect(box.left, box.bottom - p.px(44), box.width, p.px(44))
            pygame.draw.rect(surface, th.PANEL, hint)
            p.text("revote_hint", t(self.lang, "lead_revote_help"), hint, BODY, colour=th.FOCUS)
            self.drawn = p.drawn
            return
        if v.closed:
            box = pygame.Rect(p.px(MARGIN), box.top, box.right - p.px(MARGIN), box.height)
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
        y = self._table(p, v, pygame.Rect(box.left, y, box.width, box.bottom - y))
        for i, line in enumerate(v.summary):
            cell = pygame.Rect(box.left, y + p.px(8), box.width, box.bottom - y - p.px(8))
            y = p.text(f"revote_summary{i}", line, cell, BODY).bottom
        self.drawn = p.drawn

    def _table(self, p: Painter, v: RevoteView, area: pygame.Rect) -> int:
        """First vote and revote per option; with the room of the whole chart, each option's label too."""
        if not v.rows:
            return area.top
        wide = v.closed
        label_w = round(area.width * 0.6) if wide else 0
        num_w = (area.width - label_w - p.px(40)) // 2
        cols = [area.left, area.left + p.px(40) + label_w, area.left + p.px(40) + label_w + num_w]
        words = t(self.lang, "lead_revote_head").split(" · ")
        for k, word in enumerate(words if not wide else ["", *words[1:]]):
            cell = pygame.Rect(cols[k] if k else area.left, area.top, num_w if k else p.px(200), p.px(40))
            p.text(f"revote_col{k}", word, cell, BODY, colour=th.TEXT_DIM)
        y = area.top + p.px(40)
        row_h = p.px(40)
        for i, row in enumerate(v.rows):
            if i == v.focus:
                ring = pygame.Rect(area.left - p.px(6), y - p.px(2), area.width + p.px(12), row_h)
                pygame.draw.rect(p.surface, th.FOCUS, ring, p.px(3), border_radius=6)
            key = f"{row.key}  {row.label}" if wide else row.key
            key_w = p.px(40) + label_w - p.px(12) if wide else num_w
            _one_line(p, f"revote_row{i}_0", key, pygame.Rect(area.left, y, key_w, row_h))
            for k, number in ((1, row.first), (2, row.now)):
                cell = pygame.Rect(cols[k] if wide else area.left + k * area.width // 3, y, num_w, row_h)
                p.text(f"revote_row{i}_{k}", str(number), cell, BODY, bold=True)
            y += row_h + p.px(2)
        return y


def _one_line(p: Painter, name: str, text: str, box: pygame.Rect) -> None:
    """Text at body size on one line, cut with an ellipsis (the option's full text is on the slide)."""
    font = p.theme.font(BODY)
    shown = fit(text, font, box.width)
    p.surface.blit(rendered(shown, font, th.TEXT), box.topleft)
    p.drawn.append(Drawn(name, p.px(BODY), pygame.Rect(box.topleft, font.size(shown)), (shown,)))


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
