"""The player: window, loop and the glue between screens and the Session.

`App.step(events, dt)` runs one frame from given events, so the real loop and the headless Pilot share every
line of behaviour. The engine clock is a PausableClock over an injected clock: Esc stops every timer.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from trainer.engine.clock import Clock, MonotonicClock, PausableClock
from trainer.engine.errors import EngineError
from trainer.engine.session import Session
from trainer.engine.views import Phase, View
from trainer.model.loader import LoadedScenario
from trainer.model.scenario import SelectionNode
from trainer.paths import scenarios_dir
from trainer.ui import frame as fr
from trainer.ui import scenery
from trainer.ui.input import Action, Input, translate
from trainer.ui.key_repeat import KeyRepeat
from trainer.ui.later import heard, typed

# Re-exported: the command and the tests build the window through this module.
from trainer.ui.options import SIZE as SIZE
from trainer.ui.options import NoDisplayError as NoDisplayError
from trainer.ui.options import PlayerOptions as PlayerOptions
from trainer.ui.reload_note import reload_file
from trainer.ui.revoting import Change, RevoteOverlay
from trainer.ui.routing import SCREENS, Screen
from trainer.ui.senses import Senses, on_screen
from trainer.ui.source import SessionSource
from trainer.ui.strings import t
from trainer.ui.theme import Theme
from trainer.ui.widgets import notice

if TYPE_CHECKING:  # the page module draws the street behind its text: imported with the first page
    from trainer.ui.screens.page import Page

FADE_SECONDS = 0.2
TIMEOUT_NOTICE_SECONDS = 2.0  # "De tijd is om" stays this long before the default applies
ENDING_MIN_READ_SECONDS = 2.5  # an ending ignores Enter and clicks this long, so it is not skipped unread
NOTE_SECONDS = 8.0  # what an F5 reload replayed stays this long, or until a key
# Where a choice is made, nothing is pre-selected.
NO_INITIAL_FOCUS = frozenset({Screen.SELECTION, Screen.DIALOGUE, Screen.ENDING})


class App:
    def __init__(
        self,
        options: PlayerOptions,
        sessions: SessionSource,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.options = options
        self.sessions = sessions  # injected by the command: files, records and resuming live there
        self.rng = rng or random.Random()  # draws each session's seed (choice order); injected in tests
        self.clock = PausableClock(clock or MonotonicClock())
        self.lang = options.lang
        self.size = options.size
        self.theme = Theme(height=self.size[1], scale_index=options.preferences.text_size)
        self.ui = fr.UiState()
        self.screen: Screen = Screen.START
        self.screen_since = self.clock.now()
        self.paused = False
        self.overlay = Screen.PAUSE  # which overlay a pause shows: the pause menu or the briefing and info
        self._under: fr.UiState | None = None  # the screen's own state while an overlay is open
        # Seconds the node was on screen before its countdown began (the dialogue's text typing); None: the
        # countdown has not begun and the timer stands still.
        self.countdown_held: float | None = None
        self.timeout_since: float | None = None  # clock time when "De tijd is om" appeared
        self.note: tuple[str, str] | None = None  # what an F5 reload did, shown until a key or a few seconds
        self.note_since = 0.0
        self.running = True
        self.trainee = options.trainee
        self.group = options.group
        self.loaded: LoadedScenario | None = None
        self.session: Session | None = None
        self.resume: tuple[fr.Unfinished, ...] = ()
        self.findings: tuple[str, ...] = ()
        self.perspective: tuple[Page, ...] = ()
        self._held = KeyRepeat()
        self.surface = self._open_window()
        o, rng = options, random.Random(self.rng.random())  # sound and speech; the settings page
        self.senses = Senses.open(o.preferences, o.settings_file, o.sounds, o.speech_cache, rng)
        self._settings_from_pause = False  # the settings page was opened from the pause menu
        self.revoting = RevoteOverlay(options.revotes)  # group revotes from the gespreksleider
        self._begin()

    # --- window ---

    def _open_window(self) -> pygame.Surface:
        try:
            pygame.display.init()
        except pygame.error as exc:
            raise NoDisplayError(str(exc)) from None
        pygame.font.init()
        pygame.display.set_caption(t(self.lang, "app_title"))
        flags = pygame.FULLSCREEN if self.options.fullscreen else pygame.RESIZABLE
        if pygame.display.get_driver() not in ("dummy", "offscreen"):
            try:
                return pygame.display.set_mode(self.size, flags, vsync=1)
            except pygame.error:  # no vsync on this laptop: the loop still caps at 60 fps
                pass
        return pygame.display.set_mode(self.size, flags)

    # --- flow ---

    def _begin(self) -> None:
        # A session id names its trainee: resuming needs no code typed again (the README promises it).
        if self.options.resume_id and self.sessions.can_resume():
            self._resume(self.options.resume_id)
        elif self.trainee is None:
            self.ui.fields = {"code": "", "group": self.group or ""}
            self._go(Screen.START)
        else:
            self._after_start()

    def _after_start(self) -> None:
        if self.options.scenario_file is not None:
            if self._load_file(self.options.scenario_file):
                self._go(Screen.BRIEFING)
        else:
            self.resume = tuple(
                fr.Unfinished(*row) for row in self.sessions.unfinished(self.trainee, self.lang)
            )
            self._go(Screen.PICKER)

    def _load_file(self, path: Path) -> bool:
        """Load (or reload) a scenario file; findings go on screen instead of crashing."""
        loaded, errors = self.sessions.load(path, self.lang)
        if loaded is None:
            self.findings = tuple(errors)
            self._go(Screen.FINDINGS)
            return False
        self._use(loaded)
        return True

    def _use(self, loaded: LoadedScenario) -> None:
        """The scenario to play from now on; its own backdrop images are loaded for every picture."""
        self.loaded = loaded
        scenery.use_images(loaded.scenario, Path(loaded.path))

    def _go(self, screen: Screen) -> None:
        self.screen = screen
        self._held.clear()  # a key held on the last screen does not act on this one
        ui = fr.UiState(fields=self.ui.fields if screen == Screen.START else {})
        if screen in NO_INITIAL_FOCUS:
            ui.focus = None
        if self.paused:
            self._under = ui  # the new screen shows once the overlay closes
        else:
            self.ui = ui
        self.screen_since = self.clock.now()
        self.countdown_held = None
        self.timeout_since = None

    def _start_session(self, start_node: str | None = None, seed: int | None = None) -> None:
        assert self.loaded is not None
        self.session = self.sessions.start(
            self.loaded,
            trainee=self.trainee,
            group=self.group,
            lang=self.lang,
            clock=self.clock,
            seed=self.rng.randrange(2**31) if seed is None else seed,
            start_node=start_node or self.options.start_node,
            pace=self.senses.prefs.pace,
        )
        self._follow_session()

    def _resume(self, session_id: str) -> None:
        self.session = self.sessions.resume(session_id, self.clock)
        self.trainee, self.group = self.sessions.owner(session_id)
        scenery.use_images(self.session.scenario, self._source_of(self.session.scenario.id))
        self._follow_session()

    def _source_of(self, scenario_id: str) -> Path:
        """Where a resumed scenario's own images are looked for (assets/images/ is always searched too):
        next to the file given on the command line, else in the bundled folder (a file there is named by
        its id)."""
        if self.options.scenario_file is not None:
            return Path(self.options.scenario_file)
        return scenarios_dir() / f"{scenario_id}.yaml"

    def _follow_session(self) -> None:
        """Pick the screen for the session's phase; called after every engine call."""
        session = self.session
        assert session is not None
        phase = session.phase
        if phase == Phase.PLAY:
            node = session.view().node
            name = Screen.SELECTION if isinstance(node, SelectionNode) else Screen.DIALOGUE
        elif phase == Phase.DONE:
            view = session.view()
            from trainer.ui.screens import pages  # imported with the screens that need it, not at launch

            self.perspective = pages.perspective_pages(
                session.shown_scenario, view.perspective, self.lang, view.meters, view.visited
            )
            name = Screen.PERSPECTIVE if self.perspective else Screen.DONE
        else:
            name = {
                Phase.ENDING: Screen.ENDING,
                Phase.REFLECTION: Screen.REFLECTION,
                Phase.REGISTRATION: Screen.REGISTRATION,
            }[phase]
        self._go(name)

    # --- one frame ---

    @property
    def showing(self) -> Screen:
        """The screen on display: an overlay (the pause menu, or the briefing and info) while paused."""
        return self.overlay if self.paused else self.screen

    def frame(self) -> fr.Frame:
        view = (
            self.session.view()
            if self.session is not None and self.screen not in (Screen.DONE, Screen.PERSPECTIVE)
            else None
        )
        scenario = (
            self.session.shown_scenario  # pooled people in this session's look
            if self.session is not None
            else (self.loaded.scenario if self.loaded else None)
        )
        street = self._street(view)
        return fr.Frame(
            self.theme,
            self.size,
            self.lang,
            self.ui,
            now=self.clock.now() - self.screen_since,
            view=view,
            scenario=scenario,
            timer_left=self.timer_left(view),
            scenarios=tuple(self.options.scenarios),
            resume=self.resume,
            findings=self.findings,
            perspective=self.perspective,
            show_meters=self.options.show_meters,
            timed_out=self.timeout_since is not None,
            seed=self.session.seed if self.session is not None else 0,
            pace=self.session.pace if self.session is not None else 1.0,
            settings=self.senses.view(playing=self.session is not None),
            street_t=street[0],
            departed=street[1],
            revote=self.revoting.question,
        )

    def _street(self, view: View | None) -> tuple[float | None, frozenset[str]]:
        """The selection street's second and who has left, as the session counts them."""
        session = self.session
        if session is None or view is None or not isinstance(view.node, SelectionNode):
            return None, frozenset()
        return session.seconds_here(), session.departed()

    def timer_left(self, view: View | None) -> float | None:
        """Seconds left on the current node's timer, as the session reports it, while a node is in play.

        The countdown stands still until the node's text has finished typing (see `_start_countdown`): the
        seconds the typing took are given back."""
        if self.session is None or view is None or view.phase != Phase.PLAY:
            return None
        left = self.session.time_left()
        if left is None or view.timer_seconds is None:
            return None
        if self.countdown_held is None:
            return float(view.timer_seconds)
        return left + self.countdown_held

    def _start_countdown(self) -> None:
        """A street scene counts from entering it; a dialogue once its text has finished typing."""
        session = self.session
        if self.countdown_held is not None or session is None:
            return
        if self.screen == Screen.SELECTION:
            self.countdown_held = 0.0
        elif self.screen == Screen.DIALOGUE and typed(self.frame()):
            left, seconds = session.time_left(), session.view().timer_seconds
            self.countdown_held = seconds - left if left is not None and seconds else 0.0

    def step(self, events: list[pygame.event.Event], dt: float, *, draw: bool = True) -> None:
        """Handle events, run timers, draw. Everything the trainee sees goes through here.

        `draw=False` runs the frame's logic without painting it: the Pilot lets time pass that way, since a
        frame nobody looks at changes nothing a trainee could see."""
        self._check_revote()
        spec = SCREENS[self.showing]
        for event in events:
            if event.type == pygame.VIDEORESIZE and not self.options.fullscreen:
                self.size = (max(800, event.w), max(500, event.h))
                self.theme.height = self.size[1]
                self.surface = pygame.display.set_mode(self.size, pygame.RESIZABLE)
                continue
            self._held.track(event, self.clock.now())
            inp = translate(event, typing=spec.typing(self.frame()))
            if inp is not None:
                self._input(inp)
            spec = SCREENS[self.showing]
        self._repeat_held()
        if not self.paused:
            spec.update(self.frame(), dt)
            self._start_countdown()
            self._run_timer()
            read = self._age() >= ENDING_MIN_READ_SECONDS
            if self.screen == Screen.ENDING and self.ui.focus is None and read:
                self.ui.focus = 0  # read long enough: now Enter continues
            crowd = heard(self.frame()) if self.screen == Screen.SELECTION else ()
            shown = on_screen(self.session, self.screen.value, self.timer_left, self.lang, crowd)
            self.senses.frame(self.clock.now(), shown)
        if draw:
            SCREENS[self.showing].draw(self.surface, self.frame())
            if self.timeout_since is not None and not self.paused:
                notice(self.surface, t(self.lang, "time_up"), t(self.lang, "time_up_detail"), self.theme)
            elif self.note is not None and self.clock.now() - self.note_since < NOTE_SECONDS:
                notice(self.surface, *self.note, self.theme)
            self._fade_in()

    def _check_revote(self) -> None:
        """A group revote opened on the console shows over whatever is on screen, every clock stopped, until
        the trainee votes; one closed before that goes away again."""
        showing = self.paused and self.overlay == Screen.REVOTE
        change = self.revoting.check(self.session, self.group, self.lang, showing)
        if change == Change.OPEN:
            if self.paused and not showing:
                self._toggle_pause(self.overlay)  # the pause menu or the notes give way to the revote
            if not showing:
                self._toggle_pause(Screen.REVOTE)
            self.ui = fr.UiState(focus=None)
        elif change == Change.CLOSE:
            self._toggle_pause(Screen.REVOTE)

    def _repeat_held(self) -> None:
        for key in self._held.due(self.clock.now()):
            if not self._held.holds(key):  # a repeat may have changed screens
                continue
            event = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="")
            inp = translate(event, typing=SCREENS[self.showing].typing(self.frame()))
            if inp is not None:
                self._input(inp)

    def _age(self) -> float:
        return self.clock.now() - self.screen_since

    def _fade_in(self) -> None:
        """A short fade from black when the screen changes: softer than a cut, too short to slow anyone."""
        age = self.clock.now() - self.screen_since
        if age < FADE_SECONDS and not self.paused:
            shade = pygame.Surface(self.size, pygame.SRCALPHA)
            shade.fill((0, 0, 0, int(200 * (1 - age / FADE_SECONDS))))
            self.surface.blit(shade, (0, 0))

    def _run_timer(self) -> None:
        """At zero, say "De tijd is om" first; only after the notice does the node's default apply."""
        frame = self.frame()
        if frame.timer_left is None or frame.timer_left > 0 or self.session is None:
            return
        if self.timeout_since is None:
            self.timeout_since = self.clock.now()
        elif self.clock.now() - self.timeout_since >= TIMEOUT_NOTICE_SECONDS:
            self.session.timeout()
            self._follow_session()

    def _input(self, inp: Input) -> None:
        self.note = None  # read: any key or click puts the reload note away
        if inp.action == Action.QUIT:
            self.running = False
            return
        if self.showing == Screen.REVOTE and inp.action in (Action.PAUSE, Action.SETTINGS, Action.NOTES):
            return  # the revote stays until answered (or closed by the gespreksleider)
        if inp.action == Action.PAUSE and self.screen not in (Screen.START, Screen.PICKER):
            self._toggle_pause(Screen.PAUSE if not self.paused else self.overlay)
            return
        if inp.action == Action.SETTINGS and (not self.paused or self.overlay == Screen.SETTINGS):
            self._settings_from_pause = False
            self._toggle_pause(Screen.SETTINGS)  # volume, text size, tempo: with every clock stopped
            return
        if (
            inp.action == Action.NOTES
            and self.screen in (Screen.SELECTION, Screen.DIALOGUE)
            and (not self.paused or self.overlay == Screen.NOTES)
        ):
            self._toggle_pause(Screen.NOTES)  # the briefing and what is known, with every clock stopped
            return
        if self.timeout_since is not None and not self.paused:
            return  # the time is up: the default follows, nothing can be chosen any more
        if (
            self.screen == Screen.ENDING
            and self._age() < ENDING_MIN_READ_SECONDS
            and inp.action in (Action.CONFIRM, Action.CLICK, Action.CHOOSE)
        ):
            return  # an Enter pressed right after the last choice must not skip the ending unread
        if inp.action == Action.BIGGER or inp.action == Action.SMALLER:
            step = 1 if inp.action == Action.BIGGER else -1
            self.theme.scale_index = self.senses.adjust("text_size", step).text_size  # and remembered
            return
        if inp.action == Action.RELOAD and self.options.scenario_file is not None:
            reload_file(self)
            return
        command = SCREENS[self.showing].handle(inp, self.frame())
        if command is not None:
            self._command(command)

    def _toggle_pause(self, overlay: Screen = Screen.PAUSE) -> None:
        """Open or close an overlay; it gets its own focus, so keys on it leave the screen below untouched."""
        self.paused = not self.paused
        self.overlay = overlay
        if self.paused:
            self._under, self.ui = self.ui, fr.UiState()
        elif self._under is not None:
            self.ui, self._under = self._under, None
        self.clock.pause() if self.paused else self.clock.resume()
        self.senses.pause() if self.paused else self.senses.resume()

    def _command(self, command: fr.Command) -> None:
        session = self.session
        try:
            if self.showing == Screen.REVOTE and isinstance(command, fr.Choose) and session is not None:
                self.revoting.vote(session, command.choice_id)
                self._toggle_pause(Screen.REVOTE)
                if session.phase != Phase.PLAY:  # in play a note would hide the scene while its timer runs
                    self.note, self.note_since = (t(self.lang, "revote_thanks"), ""), self.clock.now()
            elif isinstance(command, fr.SetLang):
                self.lang = command.lang
                pygame.display.set_caption(t(self.lang, "app_title"))
            elif isinstance(command, fr.StartPlayer):
                self.trainee, self.group = command.trainee, command.group
                self._after_start()
            elif isinstance(command, fr.PickScenario):
                # Read and checked only now: a broken file shows its findings instead of the briefing.
                if self._load_file(Path(self.options.scenarios[command.index].path)):
                    self._go(Screen.BRIEFING)
            elif isinstance(command, fr.ResumeSession):
                self._resume(command.session_id)
            elif isinstance(command, fr.Begin):
                self._start_session()
            elif isinstance(command, fr.Unpause) and self._settings_from_pause:
                self._settings_from_pause = False
                self.overlay, self.ui = Screen.PAUSE, fr.UiState()  # back to the pause menu
            elif isinstance(command, fr.Unpause):
                self._toggle_pause(self.overlay)
            elif isinstance(command, fr.OpenSettings) and self.paused:
                self._settings_from_pause = True
                self.overlay, self.ui = Screen.SETTINGS, fr.UiState()
            elif isinstance(command, fr.Adjust):  # applied and remembered; a tempo from the next session
                self.theme.scale_index = self.senses.adjust(command.name, command.step).text_size
            elif isinstance(command, fr.ToMenu):
                if self.paused:
                    self._toggle_pause()
                self.session = None
                self.options.scenario_file = None
                self._after_start()
            elif isinstance(command, fr.Quit):
                self.running = False
            elif self.screen == Screen.PERSPECTIVE and isinstance(command, fr.Advance):
                if self.ui.page + 1 < len(self.perspective):
                    self.ui.page += 1
                    self.ui.part = 0
                else:
                    self._go(Screen.DONE)
            elif session is not None:
                self._session_command(session, command)
        except EngineError as exc:
            self.ui.message = exc.message(self.lang)

    def _session_command(self, session: Session, command: fr.Command) -> None:
        if isinstance(command, fr.Choose):
            session.choose(command.choice_id)
        elif isinstance(command, fr.Advance):
            session.advance()
        elif isinstance(command, fr.Answer):
            if command.shared is not None:
                session.share(command.shared)
            session.answer(command.question_id, command.text)
        elif isinstance(command, fr.Register):
            session.register(command.grounds, command.legal_basis, command.outcome, command.reason)
        else:
            return
        self._follow_session()

    def run(self) -> None:
        """The real loop: 60 frames a second, until the window closes."""
        ticker = pygame.time.Clock()
        pygame.key.start_text_input()
        while self.running:
            dt = ticker.tick(60) / 1000
            self.step(pygame.event.get(), dt)
            pygame.display.flip()
        self.revoting.close()
        self.senses.close()
        pygame.quit()
