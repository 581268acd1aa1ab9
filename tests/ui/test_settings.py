"""The settings page: by keyboard, every clock stopped, remembered between runs; the slower tempo is
recorded with the session; sound is optional all the way through the window."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.conftest import SCENARIOS
from trainer.engine.events import SessionStarted
from trainer.paths import assets_dir
from trainer.records import RecordStore
from trainer.ui.app import PlayerOptions
from trainer.ui.pilot import Pilot
from trainer.ui.preferences import Preferences, load_preferences

FIETSER = SCENARIOS / "fietser_zonder_licht.yaml"


def _to_street(pilot: Pilot) -> None:
    assert pilot.screen == "briefing"
    pilot.press("enter")
    assert pilot.screen == "selection"


def test_f3_opens_the_settings_and_every_clock_stands_still(tmp_path: Path) -> None:
    pilot = Pilot(PlayerOptions(trainee="S1", scenario_file=FIETSER))
    _to_street(pilot)
    pilot.wait(2)
    pilot.press("f3")
    assert pilot.screen == "settings"
    left = pilot.app.frame().timer_left
    labels = pilot.layout().labels
    assert labels[0].startswith("Volume: 70%") and "Langzamer tempo: uit" in labels
    pilot.wait(10)
    assert pilot.app.frame().timer_left == left, "the timer stood still while the settings were open"
    pilot.press("f3")
    assert pilot.screen == "selection"
    pilot.press("f3", "esc")  # Esc closes it too
    assert pilot.screen == "selection"


def test_changes_by_keyboard_are_remembered_in_the_next_run(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    options = PlayerOptions(trainee="S2", scenario_file=FIETSER, settings_file=settings)
    pilot = Pilot(options)
    pilot.press("f3")
    pilot.press("right", "right", "left")  # the focus starts on the volume: 80, 90, 80
    assert pilot.layout().labels[0] == "Volume: 80%"
    pilot.press("down", "enter")  # sound off
    pilot.press("down", "right")  # text size: large
    pilot.press("down", "space")  # slower tempo on
    pilot.press("f3")
    prefs, ok = load_preferences(settings)
    assert ok and prefs == Preferences(volume=80, muted=True, text_size=2, slow=True)
    assert pilot.app.theme.scale_index == 2
    again = Pilot(
        PlayerOptions(trainee="S2", scenario_file=FIETSER, preferences=prefs, settings_file=settings)
    )
    assert again.app.theme.scale_index == 2 and again.app.senses.prefs == prefs
    again.press("f1")  # F1 makes text smaller, and that is remembered too
    assert load_preferences(settings)[0].text_size == 1


def test_the_pause_menu_leads_to_the_settings_and_back(tmp_path: Path) -> None:
    pilot = Pilot(PlayerOptions(trainee="S3", scenario_file=FIETSER))
    _to_street(pilot)
    pilot.press("esc")
    assert pilot.screen == "pause"
    settings_button = pilot.layout().labels.index("Instellingen (F3)")
    pilot.press(*["down"] * settings_button, "enter")
    assert pilot.screen == "settings"
    back = pilot.layout().labels.index("Terug")
    pilot.press(*["down"] * back, "enter")
    assert pilot.screen == "pause"
    pilot.press("esc")
    assert pilot.screen == "selection"


def test_slower_tempo_lengthens_the_timer_and_is_recorded(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        pilot = Pilot(
            PlayerOptions(trainee="S4", scenario_file=FIETSER, preferences=Preferences(slow=True)),
            store=store,
        )
        _to_street(pilot)
        session = pilot.app.session
        assert session is not None and session.pace == 1.5
        limit = session.view().node.time_limit  # type: ignore[union-attr]
        assert pilot.app.frame().timer_left == pytest.approx(limit * 1.5, abs=0.1)
        first = store.events(store.sessions()[0].id)[0]
        assert first.type == "session_started" and '"pace":1.5' in first.payload
        assert isinstance(session.events[0], SessionStarted) and session.events[0].pace == 1.5


def test_an_unreadable_settings_file_is_said_and_left_alone(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text("{kapot", encoding="utf-8")
    pilot = Pilot(PlayerOptions(trainee="S8", scenario_file=FIETSER, settings_file=settings))
    pilot.press("f3", "right")
    assert pilot.app.senses.prefs.volume == 80, "it still works for this run"
    assert "onleesbaar" in " ".join(pilot.layout().text_named("notes")[0].lines)
    assert settings.read_text(encoding="utf-8") == "{kapot"


def test_a_new_tempo_during_play_waits_for_the_next_scenario() -> None:
    pilot = Pilot(PlayerOptions(trainee="S5", scenario_file=FIETSER))
    _to_street(pilot)
    pilot.press("f3")
    assert "Geldt vanaf het volgende scenario." in pilot.layout().text_named("notes")[0].lines
    pilot.press(*["down"] * 3, "enter")
    assert pilot.app.senses.prefs.slow
    pilot.press("f3")
    assert pilot.app.session is not None and pilot.app.session.pace == 1.0


def test_the_game_plays_silently_when_the_mixer_fails(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    pilot = Pilot(PlayerOptions(trainee="S6", scenario_file=FIETSER, sounds=assets_dir() / "sounds"))
    assert not pilot.app.senses.sound.enabled
    _to_street(pilot)
    pilot.wait(3)
    pilot.press("f3")
    notes = " ".join(pilot.layout().text_named("notes")[0].lines)
    assert "geen geluidsapparaat" in notes and "onleesbaar" not in notes
    pilot.press(*["down"] * 4, "enter")  # try to switch reading aloud on: it stays off
    assert not pilot.app.senses.prefs.speech
    pilot.press("f3", "n")
    assert pilot.app.session is not None and len(pilot.app.session.events) > 2
    out, err = capfd.readouterr()
    assert "audio" not in (out + err).lower()


def test_with_the_dummy_device_the_ambience_plays_and_the_cue_counts_down() -> None:
    pilot = Pilot(PlayerOptions(trainee="S7", scenario_file=FIETSER, sounds=assets_dir() / "sounds"))
    sound = pilot.app.senses.sound
    assert sound.enabled  # SDL_AUDIODRIVER=dummy
    _to_street(pilot)
    assert pygame.mixer.Channel(0).get_busy(), "the street's ambience"
    assert pygame.mixer.Channel(1).get_busy(), "fietser_zonder_licht drizzles: rain over it"
    limit = pilot.app.session.view().node.time_limit  # type: ignore[union-attr]
    pilot.wait(limit - 12)
    assert sound.ticks == 0
    pilot.wait(11.5)
    assert sound.ticks == 10, "one soft cue on each of the last ten seconds"
    pilot.press("esc")
    assert sound.paused
    pygame.mixer.quit()
