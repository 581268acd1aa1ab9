"""The console's state and input: the live screen (focus, flags and their notes, the codes toggle) and, once
the group has finished or the leader presses P, the projector presentation with its revotes.

`Console.step(events)` runs one frame from given events: it polls the source (never blocking), handles the
keys, and draws. The real window loop and the headless LeadPilot share every line of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from trainer.model.text import message_of
from trainer.ui.lead import draw_live
from trainer.ui.lead.revote import RevoteBoard
from trainer.ui.lead.source import LeadSource
from trainer.ui.lead.view import SMALL, Bar, DecisionRow, Dot, FlagLine, LiveView, NoteEntry, column_of
from trainer.ui.present.deck import Deck
from trainer.ui.strings import t

if TYPE_CHECKING:
    from debrief.live import DecisionTally

MAX_NOTE = 160
STATUS_FRAMES = 120  # four seconds at the window's 30 frames a second


@dataclass
class ConsoleState:
    mode: str = "live"  # live | present
    codes: bool = False  # the leader's private view: codes and small counts, loudly marked
    focus_kind: str = "decision"  # decision | trainee
    decision: int = 0
    trainee: int = 0
    typing: tuple[str | None, str | None, str] | None = (
        None  # (at_session, at_node, where) while a note is typed
    )
    typed: str = ""
    status: str = ""
    status_frames: int = 0  # frames the status line still shows before the help returns
    presented: bool = False  # the presentation has been opened once (all finished opens it only once)
    errors: list[str] = field(default_factory=list)


class Console:
    def __init__(self, source: LeadSource, surface: pygame.Surface, lang: str) -> None:
        self.source = source
        self.surface = surface
        self.lang = lang
        self.state = ConsoleState()
        self.running = True
        self.deck: Deck | None = None
        self.revote: RevoteBoard | None = None
        self.placed: list[draw_live.Placed] = []  # the last live frame's layout, for tests
        self.view: LiveView | None = None

    # --- one frame -------------------------------------------------------------------------------------
    def step(self, events: Sequence[pygame.event.Event]) -> None:
        self.source.poll()
        problem = self.source.problem()
        if problem is not None:
            problem = t(self.lang, "lead_watch_failed", problem=problem)
        for_deck: list[pygame.event.Event] = []
        for event in events:
            if event.type == pygame.QUIT:
                self.running = False
            elif self.state.mode == "present":
                if not self._present_event(event):
                    for_deck.append(event)
            elif event.type == pygame.KEYDOWN:
                self._live_key(event.key)
            elif event.type == pygame.TEXTINPUT and self.state.typing is not None:
                self.state.typed = (self.state.typed + event.text)[:MAX_NOTE]
        if self.state.mode == "live" and not self.state.presented and self._all_finished():
            self.say(t(self.lang, "lead_all_finished"))
            self.start_presentation()
        if self.state.mode == "present" and self.deck is not None:
            self._draw_present(for_deck)
            return
        self.state.status_frames = max(0, self.state.status_frames - 1)
        self.view = self.live_view(problem)
        self.placed = draw_live.live(self.surface, self.view, self.lang)

    def say(self, line: str, frames: int = STATUS_FRAMES) -> None:
        """Show one line in place of the help for a few seconds."""
        self.state.status, self.state.status_frames = line, frames

    def _all_finished(self) -> bool:
        return self.source.live.all_finished

    def close(self) -> None:
        """The console closes: a revote still open is closed, so no trainee's window keeps asking."""
        if self.revote is not None:
            self.revote.close()

    # --- live ------------------------------------------------------------------------------------------
    def live_view(self, problem: str | None = None) -> LiveView:
        """The live screen's data from the source's fold and this console's state."""
        s, live = self.state, self.source.live
        trainees = sorted(live.trainees, key=lambda p: p.anon_label)
        decisions = self.decisions()
        s.decision = min(s.decision, max(0, len(decisions) - 1))
        s.trainee = min(s.trainee, max(0, len(trainees) - 1))
        flags = list(live.flags)
        flagged_nodes = {f.at_node for f in flags if f.at_session is None}
        dots = tuple(
            Dot(
                p.anon_label,
                column_of(p.started, p.finished, p.step.value if p.step is not None else None),
                p.code if s.codes else None,
                s.focus_kind == "trainee" and i == s.trainee,
            )
            for i, p in enumerate(trainees)
        )
        rows = []
        for i, d in enumerate(decisions):
            reached = sum(o.count for o in d.options)
            shown = s.codes or reached >= SMALL
            rows.append(
                DecisionRow(
                    _title(d, self.lang),
                    d.step.label(self.lang),
                    reached,
                    d.timeouts,
                    tuple(Bar(f"{o.key}  {o.label(self.lang)}", o.count, o.assessment) for o in d.options),
                    shown,
                    s.focus_kind == "decision" and i == s.decision,
                    d.node_id in flagged_nodes,
                )
            )
        by_session = {p.session_id: p for p in trainees}
        lines = []
        for f in flags:
            if f.at_session is not None and f.at_session in by_session:
                p = by_session[f.at_session]
                where = f"{p.anon_label} ({p.code})" if s.codes else p.anon_label
                if f.at_node is not None:
                    where = t(self.lang, "lead_flag_at", who=where, at=self._node_title(f.at_node))
            elif f.at_node is not None:
                where = self._node_title(f.at_node)
            else:
                where = "–"
            lines.append(FlagLine(f.seq + 1, where, f.note))
        entry = NoteEntry(s.typing[2], s.typed) if s.typing is not None else None
        return LiveView(
            self.source.group,
            sum(p.started for p in trainees),
            sum(p.finished for p in trainees),
            len(trainees),
            dots,
            tuple(rows),
            tuple(lines),
            s.codes,
            entry,
            problem or (s.status if s.status_frames > 0 else ""),
        )

    def decisions(self) -> list[DecisionTally]:
        """The decision points someone has reached, in the scenario's order: a branch nobody took yet is
        no news during play (the sheet lists every point afterwards)."""
        return [d for d in self.source.live.decisions if d.reached]

    def _node_title(self, node_id: str) -> str:
        for d in self.source.live.decisions:
            if d.node_id == node_id:
                return _title(d, self.lang)
        return node_id.replace("_", " ")

    def _live_key(self, key: int) -> None:
        s = self.state
        if s.typing is not None:
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self._save_flag(" ".join(s.typed.split()))
            elif key == pygame.K_ESCAPE:
                self._save_flag("")
            elif key == pygame.K_BACKSPACE:
                s.typed = s.typed[:-1]
            return
        live = self.source.live
        if key == pygame.K_ESCAPE:
            self.running = False
        elif key == pygame.K_c:
            s.codes = not s.codes
        elif key in (pygame.K_UP, pygame.K_DOWN) and self.decisions():
            s.focus_kind = "decision"
            s.decision = (s.decision + (1 if key == pygame.K_DOWN else -1)) % len(self.decisions())
        elif key in (pygame.K_LEFT, pygame.K_RIGHT) and live.trainees:
            s.focus_kind = "trainee"
            s.trainee = (s.trainee + (1 if key == pygame.K_RIGHT else -1)) % len(live.trainees)
        elif key == pygame.K_f:
            self._begin_flag()
        elif key == pygame.K_p:
            self.start_presentation()

    def _begin_flag(self) -> None:
        """Mark this moment for what is in focus; the note is typed next (Enter saves, Esc saves without)."""
        s, live = self.state, self.source.live
        if s.focus_kind == "trainee" and live.trainees:
            p = sorted(live.trainees, key=lambda x: x.anon_label)[s.trainee]
            where = f"{p.anon_label} ({p.code})" if s.codes else p.anon_label
            s.typing = (p.session_id, p.node, where)
        elif self.decisions():
            d = self.decisions()[min(s.decision, len(self.decisions()) - 1)]
            s.typing = (None, d.node_id, _title(d, self.lang))
        else:
            s.typing = (None, None, self.source.group)  # nothing to point at yet: a flag for the group
        s.typed = ""
        pygame.key.start_text_input()

    def _save_flag(self, note: str) -> None:
        s = self.state
        assert s.typing is not None
        at_session, at_node, _ = s.typing
        s.typing, s.typed = None, ""
        try:
            flag = self.source.add_flag(at_session, at_node, note)
        except Exception as exc:  # noqa: BLE001 - any store failure is said on screen; the loop goes on
            self.say(t(self.lang, "lead_save_failed", problem=_one_line(exc, self.lang)))
            return
        self.say(t(self.lang, "lead_flag_saved", seq=flag.seq + 1))
        pygame.key.stop_text_input()

    # --- presentation ----------------------------------------------------------------------------------
    def start_presentation(self) -> None:
        """Build the deck from the records as they are now and switch to it; when the records do not make
        a sheet yet (nobody played), the live board stays and says why."""
        self.state.presented = True
        try:
            shown = self.source.presentation()
        except Exception as exc:  # noqa: BLE001 - the reason goes on screen; the console stays usable
            self.say(_one_line(exc, self.lang))
            return
        self.deck = Deck(
            shown.slides,
            self.surface,
            self.lang,
            commitments=shown.commitments,
            save=self.source.save_commitments,
        )
        self.deck.state.help_variant = "_lead"
        self.state.status_frames = 0  # what the live board said is done
        self.revote = RevoteBoard(self.source, self.lang)
        self.state.mode = "present"
        self.state.codes = False  # the room sees what comes next: back on the live board codes are off
        pygame.key.start_text_input()

    def _present_event(self, event: pygame.event.Event) -> bool:
        """Handle what the console adds to the deck (revotes, Esc back to live); False: the deck's."""
        assert self.deck is not None and self.revote is not None
        slide = self.deck.slide
        if event.type != pygame.KEYDOWN:
            return False
        if slide.kind == "hot" and slide.node and self.revote.handles(event.key, slide):
            return True
        if event.key == pygame.K_ESCAPE:
            self.state.mode = "live"  # back to the live board; Esc there closes the console
            return True
        return False

    def _draw_present(self, events: list[pygame.event.Event]) -> None:
        assert self.deck is not None and self.revote is not None
        self.deck.surface = self.surface  # the window may have been resized
        self.deck.step(events)
        self.deck.running = True  # the console, not the deck, decides when to close
        slide = self.deck.slide
        if slide.kind == "hot" and slide.node:
            panel = next((d.rect for d in self.deck.drawn if d.name == "side_panel"), None)
            self.revote.draw(self.surface, slide, panel)


def _title(d: DecisionTally, lang: str) -> str:
    return (d.title_en if lang == "en" and d.title_en else d.title_nl) or d.node_id.replace("_", " ")


def _one_line(exc: Exception, lang: str) -> str:
    return " ".join((message_of(exc, lang) or type(exc).__name__).split())
