"""Optional sound: an ambience per scene, rain over it, crowd sounds, a soft cue in a timer's last seconds.

Sound is atmosphere only: nothing essential is given by sound alone (the countdown is drawn, announcements
have no words). Without an audio device, or when the mixer or a file fails, `Sound.open` returns a sound
that does nothing and says nothing; the game runs silent.

    sound = Sound.open(assets_dir() / "sounds", volume=0.7, muted=False)
    sound.scene("station_square", rain=True)   # once per scene; same arguments again cost nothing
    sound.countdown(timer_left)                 # every frame: a tock on each of the last ten seconds
    sound.crowd(heard)                          # every frame: the passers-by on screen, each panned
    sound.pause() / sound.resume()              # Esc: everything stops with the timers
    sound.set_volume(0.5); sound.set_muted(True)
    sound.play_file(path)                       # a spoken line (speech.py)
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pygame

from trainer.model.atmosphere import Atmosphere
from trainer.ui.crowd_sound import MAX_HEARD, Heard, stereo

AMBIENCE_FOR_BACKDROP: dict[str, str] = {
    "stationsplein": "station_square",
    "trein": "train_carriage",
    "winkel_kantoor": "back_office",
    "plein": "busy_square",
    "winkelstraat": "busy_square",
    "woonstraat": "street_night",
    "fietspad": "street_night",
    "villawijk": "street_night",
    "auto_aan_de_stoeprand": "street_night",
}
"""Which loop plays under which drawn backdrop; an image backdrop plays none."""

CUE_SECONDS = 10  # the cue sounds on each of a timer's last ten seconds
FADE_MS = 700
# Channels: each kind of sound has its own, so a footstep never cuts off the rain or a spoken line; the crowd
# has one per figure heard (CROWD .. CROWD + MAX_HEARD - 1), so each can be panned where it walks.
AMBIENCE, RAIN, CUE, EFFECT, VOICE, CROWD = range(6)
LEVELS = {AMBIENCE: 0.55, RAIN: 0.45, CUE: 0.6, EFFECT: 0.5, VOICE: 1.0}  # mixed under the master volume
CROWD_LEVEL = 0.6
ONE_SHOT = frozenset({"bike"})  # a cyclist rings once as they come by; steps, wheels and voices loop


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send what C libraries print to the process's stderr to the null device for a moment."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def ambience_for(backdrop: str, atmosphere: Atmosphere | None = None) -> tuple[str | None, bool]:
    """The ambience loop for a scene and whether rain plays over it."""
    return AMBIENCE_FOR_BACKDROP.get(backdrop), atmosphere is not None and atmosphere.wet


class Sound:
    """The mixer, when there is one. Every method is safe to call every frame, with or without a device."""

    def __init__(self, folder: Path | None, volume: float = 0.7, muted: bool = False) -> None:
        """Use `Sound.open` (which tries the mixer); a Sound built directly with folder None is silent."""
        self.folder = folder
        self.enabled = folder is not None
        self.volume = min(1.0, max(0.0, volume))
        self.muted = muted
        self.paused = False
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self._scene: tuple[str | None, bool] = (None, False)
        self._last_tick: int | None = None
        self.ticks = 0  # cues played: what tests count when there is no ear
        self._crowd: list[str | None] = [None] * MAX_HEARD  # which figure each crowd channel follows
        self.panned: dict[str, tuple[str, float, float]] = {}  # figure -> (sound, left, right), this frame

    @classmethod
    def open(cls, folder: Path, volume: float = 0.7, muted: bool = False) -> Sound:
        """Start the mixer; on any failure (no device, no driver, no folder) a silent Sound, quietly."""
        try:
            if not folder.is_dir():
                return cls(None, volume, muted)
            if not pygame.mixer.get_init():
                with _quiet_stderr():  # ALSA writes its complaints about a missing card straight to fd 2
                    pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=1024)
            pygame.mixer.set_num_channels(max(CROWD + MAX_HEARD, 8, pygame.mixer.get_num_channels()))
            pygame.mixer.set_reserved(CROWD + MAX_HEARD)  # Sound.play() elsewhere never takes ours
        except (pygame.error, OSError, NotImplementedError):
            return cls(None, volume, muted)
        return cls(folder, volume, muted)

    # --- what plays ---

    def scene(self, ambience: str | None, rain: bool = False) -> None:
        """Cross-fade to this scene's loops; the same scene again changes nothing."""
        if not self.enabled or (ambience, rain) == self._scene:
            return
        old_ambience, old_rain = self._scene
        self._scene = (ambience, rain)
        if ambience != old_ambience:
            self._loop(AMBIENCE, ambience)
        if rain != old_rain:
            self._loop(RAIN, "rain" if rain else None)

    def countdown(self, timer_left: float | None) -> None:
        """A soft cue on each whole second of a timer's last ten; nothing else when the timer is off."""
        if timer_left is None or timer_left <= 0 or timer_left > CUE_SECONDS:
            self._last_tick = None
            return
        second = math.ceil(timer_left)
        if second != self._last_tick:
            self._last_tick = second
            self.ticks += 1
            self._play(CUE, "timer_tick")

    def effect(self, name: str) -> None:
        """A one-off sound on the effect channel."""
        self._play(EFFECT, name)

    def crowd(self, heard: Sequence[Heard]) -> None:
        """The passers-by heard this frame, each on a channel of its own that follows them: its left and
        right levels are set from where the figure is drawn, every frame. A figure no longer heard fades."""
        level = 0.0 if self.muted else self.volume * CROWD_LEVEL
        self.panned = {h.key: (h.sound, *stereo(h.pan, h.gain * level)) for h in heard}
        if not self.enabled or self.paused:
            return
        try:
            for slot, key in enumerate(self._crowd):
                if key is not None and key not in self.panned:
                    pygame.mixer.Channel(CROWD + slot).fadeout(FADE_MS // 2)
                    self._crowd[slot] = None
            for h in heard:
                if h.key not in self._crowd:
                    if None not in self._crowd:
                        continue
                    slot = self._crowd.index(None)
                    self._crowd[slot] = h.key
                    sound = self._get(h.sound)
                    if sound is not None:
                        loops = 0 if h.sound in ONE_SHOT else -1
                        pygame.mixer.Channel(CROWD + slot).play(sound, loops=loops, fade_ms=FADE_MS // 2)
                _, left, right = self.panned[h.key]
                pygame.mixer.Channel(CROWD + self._crowd.index(h.key)).set_volume(left, right)
        except pygame.error:
            return

    def play_file(self, path: Path) -> None:
        """A spoken line from a file (speech.py writes them); interrupts the line before it."""
        if not self.enabled or self.paused:
            return
        try:
            sound = pygame.mixer.Sound(str(path))
            channel = pygame.mixer.Channel(VOICE)
            channel.set_volume(self._level(VOICE))
            channel.play(sound)
        except (pygame.error, OSError):
            return

    def voice_busy(self) -> bool:
        """Whether a spoken line is still playing (the next one waits for it)."""
        if not self.enabled:
            return False
        try:
            return bool(pygame.mixer.Channel(VOICE).get_busy())
        except pygame.error:
            return False

    def stop(self) -> None:
        """Silence everything (back to the menu)."""
        self._scene = (None, False)
        self._crowd = [None] * MAX_HEARD
        if self.enabled:
            with contextlib.suppress(pygame.error):
                pygame.mixer.stop()

    # --- settings ---

    def set_volume(self, volume: float) -> None:
        self.volume = min(1.0, max(0.0, volume))
        self._apply_levels()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        self._apply_levels()

    def pause(self) -> None:
        self.paused = True
        if self.enabled:
            with contextlib.suppress(pygame.error):
                pygame.mixer.pause()

    def resume(self) -> None:
        self.paused = False
        if self.enabled:
            with contextlib.suppress(pygame.error):
                pygame.mixer.unpause()

    # --- inside ---

    def _level(self, channel: int) -> float:
        return 0.0 if self.muted else self.volume * LEVELS[channel]

    def _apply_levels(self) -> None:
        if not self.enabled:
            return
        try:
            for channel in LEVELS:
                pygame.mixer.Channel(channel).set_volume(self._level(channel))
        except pygame.error:
            pass

    def _get(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self._sounds:
            sound = None
            assert self.folder is not None
            for suffix in (".ogg", ".wav"):
                path = self.folder / f"{name}{suffix}"
                if path.is_file():
                    try:
                        sound = pygame.mixer.Sound(str(path))
                    except (pygame.error, OSError):
                        sound = None
                    break
            self._sounds[name] = sound  # a missing or broken file stays silent, and is not tried again
        return self._sounds[name]

    def _loop(self, channel: int, name: str | None) -> None:
        try:
            ch = pygame.mixer.Channel(channel)
            if name is None:
                ch.fadeout(FADE_MS)
                return
            sound = self._get(name)
            if sound is None:
                ch.fadeout(FADE_MS)
                return
            ch.set_volume(self._level(channel))
            ch.play(sound, loops=-1, fade_ms=FADE_MS)
            if self.paused:
                ch.pause()
        except pygame.error:
            return

    def _play(self, channel: int, name: str) -> None:
        if not self.enabled or self.paused:
            return
        sound = self._get(name)
        if sound is None:
            return
        try:
            ch = pygame.mixer.Channel(channel)
            ch.set_volume(self._level(channel))
            ch.play(sound)
        except pygame.error:
            return
