"""`trainer play --text`: the trainee's game in a terminal, phase for phase as in the window.

Briefing first; then each node as the window shows it (the street with what you see of each person, or the
lines, the information and "Wat doe je nu?"); the ending; each reflection question once; the registration;
and the perspective switch last. Nothing evaluative (assessments, rationales, learning goals, the other
side's view) appears before the reflection is finished. Text is wrapped to the terminal; choices are read
as numbers and a wrong answer gets a one-line hint. All wording comes from the UI string catalogues.
"""

from __future__ import annotations

import math
import shutil
import textwrap
import time
from collections.abc import Callable, Sequence

from trainer.commands.street_words import doing_words, happened
from trainer.engine.errors import EngineError
from trainer.engine.events import NodeEntered, TimedOut
from trainer.engine.session import Session
from trainer.engine.views import ChoiceOption, Phase, View
from trainer.model.beats import card_cues
from trainer.model.graph import NOBODY
from trainer.model.scenario import CastMember, EndingNode, InfoItem, Line, SceneNode, SelectionNode
from trainer.model.vocabulary import (
    GROUND_LABELS,
    LEGAL_BASIS_LABELS,
    OUTCOME_LABELS,
    REGISTRABLE_POWERS,
    STEP_LABELS,
    STEP_ORDER,
    Ground,
    Outcome,
)
from trainer.records.revote_desk import RevoteDesk
from trainer.ui.perspective import told
from trainer.ui.strings import t

Ask = Callable[[str], str]
Say = Callable[[str], None]
MAX_WIDTH = 100  # long lines are hard to read even in a wide terminal


def terminal_width() -> int:
    return max(40, min(MAX_WIDTH, shutil.get_terminal_size((80, 24)).columns - 1))


class Terminal:
    """Wrapped output and numbered questions. `ask` reads a line (raising at end of input), `say` prints."""

    def __init__(self, lang: str, ask: Ask, say: Say, width: int | None = None) -> None:
        self.lang = lang
        self.ask = ask
        self.say = say
        self.width = width or terminal_width()
        self._k = 1 if lang == "en" else 0

    # --- output ---

    def para(self, text: str, indent: str = "", first: str | None = None) -> None:
        """A paragraph wrapped to the terminal width (words are never split); `first` starts line one."""
        for line in text.split("\n"):
            wrapped = textwrap.wrap(
                line,
                self.width,
                initial_indent=indent if first is None else first,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            for part in wrapped or [""]:
                self.say(part)

    def heading(self, text: str) -> None:
        self.say("")
        self.para(f"== {text} ==")

    def wait(self) -> None:
        self.ask(t(self.lang, "txt_continue"))

    # --- input ---

    def pick(self, options: Sequence[str], prompt: str) -> int:
        """One option by number; anything else gets a one-line hint and the question again."""
        for i, option in enumerate(options, 1):
            self.para(option, indent=" " * 6, first=f"  {i}. ".ljust(6))
        while True:
            raw = self.ask(prompt)
            if raw.isdigit() and 1 <= int(raw) <= len(options):
                return int(raw) - 1
            self.say(t(self.lang, "txt_hint_one", n=len(options)))

    def pick_many(self, options: Sequence[str], prompt: str) -> list[int]:
        """Zero or more options as numbers separated by commas (Enter: none)."""
        for i, option in enumerate(options, 1):
            self.para(option, indent=" " * 6, first=f"  {i}. ".ljust(6))
        while True:
            parts = [p for p in self.ask(prompt).replace(" ", "").split(",") if p]
            if all(p.isdigit() and 1 <= int(p) <= len(options) for p in parts):
                return sorted({int(p) - 1 for p in parts})
            self.say(t(self.lang, "txt_hint_many", n=len(options)))


class TextHost(Terminal):
    """Plays one session on a terminal."""

    def __init__(
        self,
        session: Session,
        lang: str,
        ask: Ask,
        say: Say,
        width: int | None = None,
        *,
        revotes: RevoteDesk | None = None,
        group: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(lang, ask, say, width)
        self.session = session
        self.revotes = revotes
        self.group = group
        self.sleep, self.now = sleep, now

    def play(self) -> None:
        self.briefing()
        shown: int | None = None  # index of the NodeEntered event already shown
        while self.session.phase != Phase.DONE:
            if self.revote():
                shown = None  # show the node again after the revote
            view = self.session.view()
            if view.phase in (Phase.PLAY, Phase.ENDING):
                entered = self._entered_index()
                if entered != shown:
                    shown = entered
                    self.show_node(view)
                self.act(view)
            elif view.phase == Phase.REFLECTION and view.question is not None:
                step = STEP_LABELS[view.question.step][self._k]
                self.heading(f"{t(self.lang, 'reflection_title')} · {step}")
                self.para(view.question.text.get(self.lang))
                self.session.answer(view.question.id, self.ask(t(self.lang, "txt_answer")))
            elif view.phase == Phase.REGISTRATION:
                self.registration()
        self.perspective()
        self.goals()
        self.heading(t(self.lang, "done_title"))
        self.para(t(self.lang, "done_text"))

    def revote(self) -> bool:
        """Between two steps: answer a group revote if the gespreksleider has opened one. True if asked."""
        if self.revotes is None:
            return False
        revote = self.revotes.check(self.session, self.group)
        question = self.revotes.question(self.session, revote, self.lang) if revote is not None else None
        if revote is None or question is None:
            return False
        lang = self.lang
        self.heading(t(lang, "revote_title"))
        self.para(t(lang, "revote_line"))
        self.say("")
        if question.prompt:
            self.para(question.prompt)
        for speaker, text in question.lines:
            member = next((c for c in self.session.shown_scenario.cast if c.id == speaker), None)
            self.para(f"{member.name.get(lang) if member else t(lang, 'narrator')}: {text}")
        self.say("")
        self.para(t(lang, "what_now"))
        labels = [
            t(lang, "txt_address", label=o.label)
            if question.prompt and o.label
            else o.label or t(lang, "revote_nobody")
            for o in question.options
        ]
        picked = self.pick(labels, t(lang, "txt_number"))
        self.revotes.vote(self.session, revote, question.options[picked].choice_id)
        self.para(t(lang, "revote_thanks"))
        return True

    def await_revotes(self, seconds: float) -> None:
        """After the ending: stay for the group's revotes for `seconds` (Ctrl+C ends the wait)."""
        if self.revotes is None or self.group is None or seconds <= 0:
            return
        self.say("")
        self.para(t(self.lang, "txt_revote_wait"))
        deadline = self.now() + seconds
        try:
            while self.now() < deadline:
                if not self.revote():
                    self.sleep(0.1)
        except KeyboardInterrupt:
            self.say("")

    def _entered_index(self) -> int:
        events = self.session.events
        return next(i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], NodeEntered))

    def briefing(self) -> None:
        sc, lang = self.session.scenario, self.lang
        self.heading(f"{t(lang, 'briefing_title')}: {sc.title.get(lang)}")
        self.para(sc.setting.place.get(lang))
        self.say("")
        self.para(f"{t(lang, 'you_are')}: {sc.briefing.you.get(lang)}")
        partner = next((c for c in sc.cast if c.id == sc.briefing.partner), None)
        if partner is not None:
            self.para(f"{t(lang, 'partner')}: {partner.name.get(lang)}, {partner.role.get(lang)}")
        self.say("")
        self.para(sc.briefing.text.get(lang))
        self.ask(t(lang, "txt_begin"))

    def show_node(self, view: View) -> None:
        node, lang = view.node, self.lang
        if isinstance(node, SelectionNode):
            self.heading(t(lang, "txt_street"))
            self.para(node.prompt.get(lang))
            self.info(node.info)  # what is known; the street itself is told each time the trainee looks
        elif isinstance(node, SceneNode):
            self.say("")
            self.lines(view.lines)
            self.info(node.info)
        elif isinstance(node, EndingNode):
            outcome = OUTCOME_LABELS[node.outcome][self._k]
            self.heading(f"{t(lang, 'ending_title')}: {node.title.get(lang)}")
            self.lines(view.lines)
            self.say("")
            self.para(f"{t(lang, 'ending_title')}: {outcome}")
            self.para(node.summary.get(lang))

    def look(self, member: CastMember) -> str:
        """A cast member's look in words, as the window would draw it."""
        a, lang = member.appearance, self.lang
        hair = t(
            lang,
            f"txt_hair_{a.hair.value}",
            colour=t(lang, f"txt_colour_{a.hair_color}"),
            colours=t(lang, f"txt_colours_{a.hair_color}"),  # Dutch inflects before a plural: zwarte krullen
        )
        # no name: the window shows no names in the street either; hair under a scarf or hood is not drawn
        if a.headwear.value in ("hoofddoek", "niqab", "capuchon"):
            text = t(lang, "txt_look_covered", age=a.age, tone=a.skin_tone)
        else:
            text = t(lang, "txt_look", age=a.age, tone=a.skin_tone, hair=hair)
        if a.headwear.value != "geen":
            text = t(lang, "txt_headwear", look=text, headwear=t(lang, f"txt_headwear_{a.headwear.value}"))
        if "col_omhoog" in a.accessories and a.headwear.value != "niqab":
            text = t(lang, "txt_headwear", look=text, headwear=t(lang, "txt_accessory_col_omhoog"))
        return text

    def lines(self, lines: Sequence[Line]) -> None:
        """The lines shown in the session's current state (conditions read the whole route so far)."""
        for line in lines:
            member = next((c for c in self.session.shown_scenario.cast if c.id == line.speaker), None)
            name = member.name.get(self.lang) if member else t(self.lang, "narrator")
            self.para(f"{name}: {line.text.get(self.lang)}")

    def info(self, items: Sequence[InfoItem]) -> None:
        """What the officer knows (reports, MEOS, dispatch): before the choice, as on screen."""
        for item in items:
            self.say("")
            self.para(f"[{item.kind.label(self.lang).upper()}] {item.title.get(self.lang)}")
            self.para(item.text.get(self.lang), indent="  ")

    def watch(self, view: View) -> None:
        """The selection: look, then address someone still there, nobody, or look again while the time runs
        on (the window's street, in words: what each does now, what happened since the last look)."""
        session, lang = self.session, self.lang
        since: float | None = None
        while not self._out_of_time(view):  # the time ran out before a look: the default follows
            now = session.seconds_here()
            self.tell_street(view, since, now)
            since = now
            present = [o for o in view.choices if o.id not in session.departed()]
            left = session.time_left()
            limit = f" ({t(lang, 'time_left', n=max(0, math.ceil(left)))})" if left is not None else ""
            self.say("")
            self.para(f"{t(lang, 'what_now')}{limit}")
            # looking again comes last, after 'nobody': the numbers of the people stay as they were
            labels = [self.option_text(view, o) for o in present] + [t(lang, "txt_look_again")]
            picked = self.pick(labels, t(lang, "txt_number"))
            if self._out_of_time(view):
                return  # answered after the limit: the default, said in words, not the late answer
            if picked == len(present):
                continue
            try:
                session.choose(present[picked].id)
            except EngineError as exc:  # they left while the trainee was deciding: said, and look again
                self.para(exc.message(lang))
                continue
            self.para(f"→ {t(lang, 'you_are')}: {labels[picked]}")
            return

    def _out_of_time(self, view: View) -> bool:
        """When the clock has run out: the rules take the default, and the trainee is told which."""
        left = self.session.time_left()
        if left is None or left > 0 or self.session.phase != Phase.PLAY:
            return False
        self.session.timeout()
        self.para(t(self.lang, "txt_timed_out", default=self.default_text(view)))
        return True

    def tell_street(self, view: View, since: float | None, now: float) -> None:
        """What can be seen at second `now`: what happened since the last look, then each person as they
        are now (their look, what they are doing, what an officer knows of them), or that they have left."""
        node, lang, ind = view.node, self.lang, " " * 6
        assert isinstance(node, SelectionNode)
        props = {p.id: p for p in node.props}
        self.say("")
        self.para(t(lang, "txt_street_now", n=int(now)))
        events = happened(node, since, now, lang) if since is not None else []
        if events:
            self.para(t(lang, "txt_since"), indent="  ")
            for who, words in events:
                self.para(f"{who.label.get(lang)}: {words}", indent=ind, first="    - ")
        away, shown = self.session.departed(), {m.id: m for m in self.session.shown_scenario.cast}
        for option in view.choices:
            cand = next((c for c in node.candidates if c.id == option.id), None)
            if cand is None:
                continue
            self.say("")
            self.para(cand.label.get(lang), indent="  ")
            if cand.id in away:
                self.para(t(lang, "txt_gone"), indent=ind, first="    · ")
                continue
            if self.session.scenario.casting:
                # the window shows everyone's look; the terminal says it, so the Hof test runs here too
                for cast_id in cand.cast:
                    self.para(self.look(shown[cast_id]), indent=ind, first="    · ")
            if cand.beats:
                self.para(
                    t(lang, "txt_now", doing=doing_words(cand, props, now, lang)), indent=ind, first="    · "
                )
            for i in card_cues(cand):
                self.para(cand.cues[i].text.get(lang), indent=ind, first="    - ")

    def act(self, view: View) -> None:
        session, lang = self.session, self.lang
        if isinstance(view.node, SelectionNode) and view.phase == Phase.PLAY:
            self.watch(view)
            return
        if view.can_advance:
            self.wait()
            session.advance()
            return
        self.say("")
        limit = f" ({t(lang, 'time_left', n=view.timer_seconds)})" if view.timer_seconds else ""
        self.para(f"{t(lang, 'what_now')}{limit}")
        started = session.elapsed()
        labels = [self.option_text(view, o) for o in view.choices]
        picked = self.pick(labels, t(lang, "txt_number"))
        if view.timer_seconds and session.elapsed() - started > view.timer_seconds:
            session.timeout()  # the engine's rules pick the default; the record says which
            self.para(t(lang, "txt_timed_out", default=self.default_text(view)))
        else:
            self.para(f"→ {t(lang, 'you_are')}: {labels[picked]}")
            session.choose(view.choices[picked].id)

    def option_text(self, view: View, option: ChoiceOption) -> str:
        """What an option says: a person's label in the street, else the choice's own words."""
        node = view.node
        if isinstance(node, SelectionNode) and option.id != NOBODY:
            cand = next(c for c in node.candidates if c.id == option.id)
            return t(self.lang, "txt_address", label=cand.label.get(self.lang))
        return option.choice.text.get(self.lang)

    def default_text(self, view: View) -> str:
        """The words of the choice the timeout fell back on (never its id), from the recorded TimedOut."""
        default = next(e.default for e in reversed(self.session.events) if isinstance(e, TimedOut))
        option = next((o for o in view.choices if o.id == default), None)
        return self.option_text(view, option) if option is not None else default

    def registration(self) -> None:
        sc, lang, k = self.session.scenario, self.lang, self._k
        self.heading(t(lang, "registration_title"))
        self.para(sc.registration.intro.get(lang))
        self.say("")
        self.para(t(lang, "reg_grounds"))
        grounds = [
            list(Ground)[i].value
            for i in self.pick_many([GROUND_LABELS[g][k] for g in Ground], t(lang, "txt_numbers"))
        ]
        self.say("")
        self.para(t(lang, "reg_basis"))
        # the power used (an offence such as RVV art. 35 is not a power, so it is not offered here)
        basis = REGISTRABLE_POWERS[
            self.pick([LEGAL_BASIS_LABELS[b][k] for b in REGISTRABLE_POWERS], t(lang, "txt_number"))
        ]
        self.say("")
        self.para(t(lang, "reg_outcome"))
        outcome = list(Outcome)[self.pick([OUTCOME_LABELS[o][k] for o in Outcome], t(lang, "txt_number"))]
        reason = self.ask(t(lang, "reg_reason"))
        self.session.register(grounds, basis.value, outcome.value, reason)

    def goals(self) -> None:
        """The learning goals, only now: shown before play they named the intended answers (issue 11)."""
        goals = self.session.scenario.learning_goals
        self.heading(t(self.lang, "goals"))
        for step in STEP_ORDER:
            self.para(f"{STEP_LABELS[step][self._k]}: {getattr(goals, step.value).get(self.lang)}")

    def perspective(self) -> None:
        """The perspective switch, after the reflection and the registration, as in the window."""
        for page in (told(p, self.lang) for p in self.session.view().perspective):
            self.heading(page.title)
            for heading, text in page.paragraphs:
                self.say("")
                if heading:
                    self.para(f"{heading}:")
                self.para(text, indent="  " if heading else "")
            self.wait()
