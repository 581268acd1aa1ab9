"""What the player hears, and the settings that shape it, as the App drives them once a frame.

One object so the loop stays small: `Senses.frame(...)` picks the ambience for the scene on screen (rain
over it when the node is wet), sounds the timer's cue, lets the passers-by drawn in the street be heard
where they walk (`crowd_sound`), and reads a dialogue's lines aloud when the trainee asked for that.
`adjust` applies one change from the settings page and remembers it. Nothing here is needed to play:
without a device or without espeak-ng everything is silent and quiet.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from trainer.engine.session import Session
from trainer.engine.views import View
from trainer.model.atmosphere import atmosphere_of, backdrop_of
from trainer.model.scenario import Scenario, SelectionNode
from trainer.ui.crowd_sound import Heard
from trainer.ui.preferences import Preferences, SettingsView, adjusted, load_preferences, save_preferences
from trainer.ui.sound import Sound, ambience_for
from trainer.ui.speech import Speech


@dataclass(frozen=True)
class OnScreen:
    """What the App shows this frame, as far as sound cares."""

    scenario: Scenario | None
    node_id: str | None
    in_scene: bool  # the street or a dialogue (not a menu, a page or the reflection)
    outdoors_sounds: bool  # play a passer-by now and then
    timer_left: float | None
    lines: tuple[str, ...]  # the node's lines, for reading aloud
    lang: str
    visit: int  # changes each time a node is entered, so its lines are read again on a return
    heard: tuple[Heard, ...] = ()  # the passers-by heard this frame, where they are drawn


def on_screen(
    session: Session | None,
    screen: str,
    timer_left: Callable[[View | None], float | None],
    lang: str,
    heard: tuple[Heard, ...] = (),
) -> OnScreen:
    """What sound needs to know about a frame: the scene on screen (`screen` is the App's Screen value,
    `timer_left` the App's countdown for a view)."""
    in_scene = screen in ("selection", "dialogue") and session is not None
    view = session.view() if in_scene and session is not None else None
    return OnScreen(
        scenario=session.scenario if session is not None else None,
        node_id=view.node_id if view is not None else None,
        in_scene=in_scene,
        outdoors_sounds=screen == "selection",
        timer_left=timer_left(view) if view is not None else None,
        lines=spoken(view, screen, lang) if in_scene and view is not None else (),
        lang=lang,
        visit=len(session.events) if session is not None else 0,
        heard=heard if in_scene else (),
    )


def spoken(view: View, screen: str, lang: str) -> tuple[str, ...]:
    """What is read aloud on a screen, in reading order: a dialogue's lines, then what the officer knows
    (reports, MEOS, dispatch: title and text); in the street, the scene's description (its prompt) and the
    same information. Names of people and options are not read: they are read on the screen itself."""
    node = view.node
    info = tuple(f"{item.title.get(lang)}. {item.text.get(lang)}" for item in getattr(node, "info", ()))
    if screen == "dialogue":
        return tuple(line.text.get(lang) for line in view.lines) + info
    if screen == "selection" and isinstance(node, SelectionNode):
        return (node.prompt.get(lang), *info)
    return ()


class Senses:
    def __init__(
        self,
        prefs: Preferences,
        *,
        remembered: bool,
        settings_file: Path | None,
        sound: Sound,
        speech: Speech | None,
        rng: random.Random | None = None,
    ) -> None:
        self.prefs = prefs
        # Only a file that can be read is ever written (it may hold the server setting).
        self.remembered = remembered and settings_file is not None
        self.unreadable = settings_file is not None and not remembered
        self.settings_file = settings_file
        self.sound = sound
        self.speech = speech
        self.rng = rng or random.Random(0)
        self._spoken_visit: int | None = None
        self._ready: Path | None = None
        sound.set_volume(prefs.volume / 100)
        sound.set_muted(prefs.muted)

    @classmethod
    def open(
        cls,
        prefs: Preferences,
        settings_file: Path | None,
        sounds: Path | None,
        speech_cache: Path | None,
        rng: random.Random,
    ) -> Senses:
        """Sound from `sounds` (None: silent), speech cached in `speech_cache` (None: never read aloud),
        settings remembered in `settings_file` (None: for this run only)."""
        sound = Sound.open(sounds, prefs.volume / 100, prefs.muted) if sounds is not None else Sound(None)
        speech = Speech(speech_cache) if speech_cache is not None else None
        return cls(
            prefs,
            remembered=settings_file is not None and load_preferences(settings_file)[1],
            settings_file=settings_file,
            sound=sound,
            speech=speech,
            rng=rng,
        )

    # --- settings ---

    def view(self, playing: bool) -> SettingsView:
        problem = None
        if not self.sound.enabled:
            problem = "no_sound"
        elif self.speech is None or not self.speech.available:
            problem = "no_espeak"
        return SettingsView(self.prefs, self.unreadable, problem, playing)

    def adjust(self, name: str, step: int) -> Preferences:
        """Apply one change and remember it (when the settings file can be written)."""
        before = self.prefs
        prefs = adjusted(self.prefs, name, step)
        if name == "speech" and prefs.speech and not self.view(False).speech_available:
            prefs = before  # cannot be switched on: the page says why
        self.prefs = prefs
        self.sound.set_volume(prefs.volume / 100)
        self.sound.set_muted(prefs.muted)
        if not prefs.speech and self.speech is not None:
            self.speech.stop()
            self._ready = None
        if self.remembered and self.settings_file is not None and prefs != before:
            self.remembered = save_preferences(self.settings_file, prefs)
        return prefs

    # --- each frame ---

    def pause(self) -> None:
        self.sound.pause()

    def resume(self) -> None:
        self.sound.resume()

    def frame(self, now: float, shown: OnScreen) -> None:
        """Run sound for one frame; `now` is the App's clock (stands still while paused)."""
        if shown.scenario is None or not shown.in_scene:
            self.sound.scene(None, False)
            self.sound.countdown(None)
            self.sound.crowd(())
            return
        atm = atmosphere_of(shown.scenario, shown.node_id)
        self.sound.scene(*ambience_for(backdrop_of(shown.scenario, shown.node_id), atm))
        self.sound.countdown(shown.timer_left)
        self.sound.crowd(shown.heard if shown.outdoors_sounds else ())
        self._speak(shown)

    def _speak(self, shown: OnScreen) -> None:
        speech = self.speech
        if speech is None or not self.prefs.speech or not speech.available or not self.sound.enabled:
            return
        if shown.visit != self._spoken_visit:
            self._spoken_visit = shown.visit
            self._ready = None
            speech.say(list(shown.lines), shown.lang)
        if self._ready is None:
            self._ready = speech.poll()
        if self._ready is not None and not self.sound.voice_busy():
            self.sound.play_file(self._ready)
            self._ready = None

    def close(self) -> None:
        if self.speech is not None:
            self.speech.close()
        self.sound.stop()
