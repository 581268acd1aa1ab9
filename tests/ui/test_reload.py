"""F5 in the window replays the path (issue 19): back where the instructor was, or stopped and said why."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from trainer.commands.window_cmd import error_lines
from trainer.engine.replay_path import Replayed, Stop
from trainer.ui.app import NOTE_SECONDS, PlayerOptions
from trainer.ui.frame import Advance, Choose
from trainer.ui.pilot import Pilot
from trainer.ui.reload_note import replay_words

TEXT = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def _click_command(pilot: Pilot, wanted: object) -> None:
    rect = next(r for r, cmd in pilot.layout().buttons if cmd == wanted)
    pilot.click(rect.center)


def _play_to_reflection(tmp_path: Path, lang: str = "nl") -> tuple[Pilot, Path]:
    path = tmp_path / "minimaal.yaml"
    path.write_text(TEXT, encoding="utf-8")
    pilot = Pilot(
        PlayerOptions(trainee="I1", scenario_file=path, lang=lang),
        check=lambda loaded: error_lines(loaded, lang),
    )
    pilot.press("enter")  # the briefing
    assert pilot.screen == "selection"
    pilot.click(pilot.layout().rects["cand:fietser_zonder_licht"].center)  # look closer
    _click_command(pilot, Choose("fietser_zonder_licht"))
    _click_command(pilot, Choose("vaag"))
    _click_command(pilot, Choose("boete_houding"))
    pilot.press("enter")  # the narrator's line types out at once
    _click_command(pilot, Advance())
    session = pilot.app.session
    assert session is not None and session.node_id == "reflectie_keuze"
    return pilot, path


def test_f5_on_an_unchanged_file_comes_back_to_the_same_node_and_state(tmp_path: Path) -> None:
    pilot, _path = _play_to_reflection(tmp_path)
    old = pilot.app.session
    assert old is not None
    pilot.press("f5")
    new = pilot.app.session
    assert new is not None and new is not old
    assert new.node_id == "reflectie_keuze" and new.state == old.state and new.seed == old.seed
    assert pilot.screen == "dialogue"
    assert pilot.app.note is not None and "4 van 4 stappen opnieuw gespeeld" in pilot.app.note[1]


def test_f5_stops_where_a_choice_no_longer_exists_and_says_so(tmp_path: Path) -> None:
    pilot, path = _play_to_reflection(tmp_path)
    path.write_text(TEXT.replace("- id: boete_houding", "- id: boete_om_houding"), encoding="utf-8")
    pilot.press("f5")
    session = pilot.app.session
    assert session is not None and session.node_id == "afhandelen"
    assert session.state.meters["spanning"] == 5  # the route's tension survived the reload
    assert pilot.app.note is not None
    title, detail = pilot.app.note
    assert title == "Scenario opnieuw geladen"
    assert "keuze 'boete_houding' in 'afhandelen': die bestaat niet meer" in detail
    assert "(2 van 4 stappen)" in detail and "Je staat bij 'afhandelen'" in detail
    pilot.screenshot(tmp_path / "note.png")  # the note is drawn over the scene (looked at while writing)
    pilot.wait(NOTE_SECONDS / 2)
    assert pilot.app.note is not None
    pilot.press("right")  # any key puts it away
    assert pilot.app.note is None


def test_the_note_in_english(tmp_path: Path) -> None:
    pilot, path = _play_to_reflection(tmp_path, lang="en")
    path.write_text(TEXT.replace("at_least: 4", "at_least: 9"), encoding="utf-8")
    pilot.press("f5")
    assert pilot.app.note is not None
    assert pilot.app.note[0] == "Scenario reloaded"
    assert (
        "choice 'boete_houding' in 'afhandelen': it is no longer possible on this route" in pilot.app.note[1]
    )


def test_every_stop_has_words_in_both_languages() -> None:
    for stop in Stop:
        result = Replayed(1, 3, stop, "knoop", "keuze", "toen", "nu")
        for lang in ("nl", "en"):
            words = replay_words(result, "hier", lang)
            assert "knoop" in words and "{" not in words and "'hier'" in words


def test_f5_with_recording_keeps_the_times_of_the_replayed_moves(tmp_path: Path) -> None:
    from trainer.records import RecordStore

    path = tmp_path / "minimaal.yaml"
    path.write_text(TEXT, encoding="utf-8")
    with RecordStore(tmp_path / "r.db") as store:
        pilot = Pilot(
            PlayerOptions(trainee="I2", scenario_file=path),
            store=store,
            check=lambda loaded: error_lines(loaded, "nl"),
        )
        pilot.press("enter")
        pilot.wait(2.0)
        pilot.click(pilot.layout().rects["cand:fietser_zonder_licht"].center)
        _click_command(pilot, Choose("fietser_zonder_licht"))
        pilot.wait(3.0)
        _click_command(pilot, Choose("concreet"))
        _click_command(pilot, Choose("rustig"))
        pilot.press("enter")
        _click_command(pilot, Advance())
        old = pilot.app.session
        assert old is not None and old.node_id == "reflectie_keuze"
        pilot.wait(4.0)
        pilot.press("f5")
        new = pilot.app.session
        assert new is not None and new is not old and new.node_id == "reflectie_keuze"
        assert new.elapsed() >= old.elapsed()  # the clock goes on from where the old session was
        rows = [store.events(r.id) for r in store.sessions(trainee="I2")]
        assert len(rows) == 2
        times = sorted(([e.mono_time for e in events] for events in rows), key=len)
        # the new record says what the trainee did and when, not that everything happened at F5
        assert times[0] == times[1][: len(times[0])] and len(times[0]) == len(times[1])
        assert max(times[0]) > 5.0
