"""Sound is optional: silent and quiet without a device or when the mixer fails; the shipped files load,
loop where they should, and never clip; the timer's cue counts the last ten seconds only."""

from __future__ import annotations

import array
import subprocess
import wave
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from trainer.model.atmosphere import Atmosphere
from trainer.model.vocabulary import Daylight, TimeOfDay, Weather
from trainer.paths import assets_dir
from trainer.ui.sound import AMBIENCE_FOR_BACKDROP, Sound, ambience_for

SOUNDS = assets_dir() / "sounds"
NAMES = (
    "station_square",
    "street_night",
    "train_carriage",
    "busy_square",
    "back_office",
    "rain",
    "footsteps",
    "bike",
    "phone_voice",
    "suitcase",
    "timer_tick",
)


@pytest.fixture(autouse=True)
def _no_mixer_left() -> Iterator[None]:
    yield
    if pygame.mixer.get_init():
        pygame.mixer.quit()


def test_every_sound_is_shipped_with_its_licence_and_script() -> None:
    for name in NAMES:
        assert (SOUNDS / f"{name}.ogg").is_file(), name
    assert "CC0" in (SOUNDS / "LICENSE.md").read_text(encoding="utf-8")
    assert (SOUNDS / "make_sounds.py").is_file()
    total = sum((SOUNDS / f"{n}.ogg").stat().st_size for n in NAMES)
    assert total < 800_000, "small files"


def test_the_dummy_driver_plays_silently_and_the_files_load() -> None:
    sound = Sound.open(SOUNDS, volume=0.5)
    assert sound.enabled  # SDL_AUDIODRIVER=dummy: a device that hears nothing
    sound.scene("station_square", rain=True)
    assert pygame.mixer.Channel(0).get_busy() and pygame.mixer.Channel(1).get_busy()
    for name in NAMES:
        loaded = sound._get(name)
        assert loaded is not None and loaded.get_length() > 0.2, name
    sound.pause()
    sound.effect("bike")  # paused: nothing new starts
    assert not pygame.mixer.Channel(3).get_busy()
    sound.resume()
    sound.set_muted(True)
    assert pygame.mixer.Channel(0).get_volume() == 0.0
    sound.set_muted(False)
    sound.set_volume(0.4)
    assert pygame.mixer.Channel(0).get_volume() == pytest.approx(0.4 * 0.55, abs=0.01)
    sound.stop()


def test_a_failing_mixer_means_silence_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    sound = Sound.open(SOUNDS)
    assert not sound.enabled
    for call in (
        lambda: sound.scene("trein", rain=True),
        lambda: sound.countdown(3.0),
        lambda: sound.effect("bike"),
        lambda: sound.play_file(SOUNDS / "bike.ogg"),
        sound.pause,
        sound.resume,
        lambda: sound.set_volume(0.2),
        sound.stop,
    ):
        call()  # nothing raises, nothing prints


def test_a_missing_folder_is_silent(tmp_path: Path) -> None:
    assert not Sound.open(tmp_path / "nowhere").enabled


def test_the_cue_sounds_once_on_each_of_the_last_ten_seconds() -> None:
    sound = Sound(None)  # silent, but it still counts
    t = 20.0
    while t > -1.0:
        sound.countdown(t)
        sound.countdown(t)  # two frames in the same second: one cue
        t -= 0.25
    assert sound.ticks == 10
    sound.countdown(None)
    assert sound.ticks == 10


def test_each_drawn_backdrop_has_an_ambience_and_rain_follows_the_weather() -> None:
    from trainer.model.vocabulary import Backdrop

    assert set(AMBIENCE_FOR_BACKDROP) == {b.value for b in Backdrop}
    wet = Atmosphere(Weather.MOTREGEN, Daylight.DAGLICHT, TimeOfDay.MIDDAG)
    dry = Atmosphere(Weather.MIST, Daylight.DONKER, TimeOfDay.NACHT)
    assert ambience_for("stationsplein", wet) == ("station_square", True)
    assert ambience_for("woonstraat", dry) == ("street_night", False)
    assert ambience_for("sloterdijk.png", wet) == (None, True)


def _decoded(tmp_path: Path, name: str) -> tuple[float, float, float]:
    """Duration, peak (0..1) and the jump at the loop seam, decoded with sox as the trainee would hear it."""
    wav = tmp_path / f"{name}.wav"
    subprocess.run(["sox", str(SOUNDS / f"{name}.ogg"), "-b", "16", str(wav)], check=True)
    with wave.open(str(wav), "rb") as w:
        frames, rate, n = w.readframes(w.getnframes()), w.getframerate(), w.getnframes()
    data = array.array("h")
    data.frombytes(frames)
    peak = max(abs(v) for v in data) / 32767
    seam = abs(data[-1] - data[0]) / 32767
    return n / rate, peak, seam


@pytest.mark.skipif(
    not __import__("shutil").which("sox"), reason="sox measures the sounds (make system-deps)"
)
@pytest.mark.parametrize("name", NAMES)
def test_listen_measure_duration_peak_and_loop_seam(tmp_path: Path, name: str) -> None:
    seconds, peak, seam = _decoded(tmp_path, name)
    assert 0.2 <= seconds <= 31, seconds
    assert 0.1 < peak < 0.9, f"{name}: peak {peak:.2f} (no clipping, not silent)"
    if name in ("phone_voice", "suitcase"):  # loops the crowd plays under a figure as long as it is heard
        assert seconds >= 4 and seam < 0.1, f"{name}: {seconds:.1f} s, seam {seam:.2f}"
    ambiences = ("station_square", "street_night", "train_carriage", "busy_square", "back_office")
    if name in (*ambiences, "rain", "footsteps"):
        assert seconds >= 6
        assert seam < 0.1, f"{name}: the loop clicks at its seam ({seam:.2f})"


@pytest.mark.parametrize("driver", [None, "alsa", "no_such_driver"])
def test_without_a_sound_card_the_game_says_nothing(driver: str | None) -> None:
    """A laptop without a device (this test machine has no card): no ALSA chatter on stderr, no traceback."""
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SDL_AUDIODRIVER"}
    env.update({"SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    if driver is not None:
        env["SDL_AUDIODRIVER"] = driver
    code = (
        "from trainer.paths import assets_dir\n"
        "from trainer.ui.sound import Sound\n"
        "s = Sound.open(assets_dir() / 'sounds')\n"
        "s.scene('station_square', True); s.countdown(3.0); s.effect('bike')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "" and done.stdout == ""
