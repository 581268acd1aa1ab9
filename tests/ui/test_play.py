"""The player plays every bundled scenario to the end, by keys, and one by mouse, recording every choice."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from tests.conftest import SCENARIOS
from tests.ui.drive import by_keys, by_mouse
from trainer.commands.cards import scenario_cards
from trainer.engine.events import ChoiceMade, EndingReached, RegistrationMade
from trainer.model.loader import LoadedScenario
from trainer.records import RecordStore
from trainer.ui.app import TIMEOUT_NOTICE_SECONDS, PlayerOptions
from trainer.ui.pilot import Pilot

SCENARIO_FILES = sorted(SCENARIOS.glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", [1, 2])
def test_every_scenario_plays_to_the_end_by_keys(path: Path, seed: int, tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        pilot = Pilot(PlayerOptions(trainee="K1", group="toets", scenario_file=path), store=store)
        assert pilot.screen == "briefing"
        seen = by_keys(pilot, random.Random(seed))
        assert {"briefing", "selection", "ending", "reflection", "registration", "done"} <= set(seen)
        session = pilot.app.session
        assert session is not None
        assert any(isinstance(e, EndingReached) for e in session.events)
        assert any(isinstance(e, RegistrationMade) for e in session.events)
        [row] = store.sessions()
        assert row.status == "finished" and row.event_count == len(session.events)


def test_a_scenario_plays_to_the_end_by_mouse(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        pilot = Pilot(PlayerOptions(trainee="M1", scenario_file=SCENARIO_FILES[0]), store=store)
        pilot.click(pilot.layout().buttons[0][0].center)
        seen = by_mouse(pilot, random.Random(3))
        assert "registration" in seen and pilot.screen == "done"
        made = [e for e in pilot.app.session.events if isinstance(e, ChoiceMade)]  # type: ignore[union-attr]
        assert made and all(not e.timed_out for e in made)


def test_start_screen_menu_and_language(tmp_path: Path) -> None:
    cards = scenario_cards(SCENARIO_FILES, None)
    pilot = Pilot(PlayerOptions(scenarios=cards))
    assert pilot.screen == "start"
    pilot.press("enter")  # on the language buttons: switch to English
    assert pilot.app.lang == "en"
    pilot.press("tab")
    pilot.type("A17")
    pilot.press("tab")
    pilot.type("ochtend")
    pilot.press("tab", "enter")
    assert pilot.screen == "picker" and (pilot.app.trainee, pilot.app.group) == ("A17", "ochtend")
    pilot.press("down", "enter")
    picked = cards[1 % len(cards)]  # read and checked only now, when it is picked
    assert pilot.screen == "briefing" and pilot.app.loaded is not None
    assert pilot.app.loaded.path == picked.path and pilot.app.loaded.scenario.id == picked.scenario_id


def test_invalid_trainee_code_is_refused_on_screen() -> None:
    pilot = Pilot(PlayerOptions())
    pilot.press("tab")
    pilot.type("Jan Jansen")  # spaces are not allowed: codes are pseudonyms, not names
    pilot.press("tab", "tab", "enter")
    assert pilot.screen == "start" and pilot.app.ui.message


def test_timer_runs_out_and_escape_pauses_it() -> None:
    pilot = Pilot(PlayerOptions(trainee="T1", scenario_file=SCENARIO_FILES[0]))
    pilot.press("enter")
    assert pilot.screen == "selection"
    left = pilot.app.frame().timer_left
    assert left is not None
    pilot.press("esc")
    assert pilot.screen == "pause"
    pilot.wait(left + 5)  # paused: time stands still
    pilot.press("esc")
    assert pilot.screen == "selection"
    pilot.wait(left + 1)
    # "De tijd is om" is on screen and nothing has been chosen yet; the default follows after the notice
    assert pilot.app.frame().timed_out and pilot.screen == "selection"
    assert not [e for e in pilot.app.session.events if isinstance(e, ChoiceMade)]  # type: ignore[union-attr]
    pilot.wait(TIMEOUT_NOTICE_SECONDS)
    made = [e for e in pilot.app.session.events if isinstance(e, ChoiceMade)]  # type: ignore[union-attr]
    assert made[-1].timed_out and made[-1].node == pilot.app.session.scenario.start  # type: ignore[union-attr]


def test_f5_reload_shows_findings_instead_of_crashing(tmp_path: Path) -> None:
    from trainer.commands.window_cmd import error_lines

    path = tmp_path / "s.yaml"
    text = SCENARIO_FILES[0].read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    pilot = Pilot(
        PlayerOptions(trainee="I1", scenario_file=path), check=lambda loaded: error_lines(loaded, "nl")
    )
    pilot.press("enter")
    path.write_text(text.replace("goto:", "gooto:", 1), encoding="utf-8")
    pilot.press("f5")
    assert pilot.screen == "findings" and any("S002" in line for line in pilot.app.findings)
    path.write_text(text, encoding="utf-8")
    pilot.press("f5")
    assert pilot.screen == "selection"


def test_start_at_a_node_for_instructors() -> None:
    from trainer.model.loader import load_scenario

    loaded = load_scenario(SCENARIO_FILES[0])
    node = next(n for n, x in loaded.scenario.nodes.items() if x.type == "scene")
    pilot = Pilot(PlayerOptions(trainee="I2", scenario_file=SCENARIO_FILES[0], start_node=node))
    pilot.press("enter")
    assert pilot.app.session is not None and pilot.app.session.node_id == node


def test_menu_offers_an_unfinished_session_and_resumes_it(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        first = Pilot(PlayerOptions(trainee="R9", scenario_file=SCENARIO_FILES[0]), store=store)
        first.press("enter", "n")  # begin, then address nobody: the session is now under way
        node = first.app.session.node_id  # type: ignore[union-attr]
        events = len(first.app.session.events)  # type: ignore[union-attr]
        # the laptop is closed here; the next start offers the session first in the menu
        again = Pilot(
            PlayerOptions(trainee="R9", scenarios=scenario_cards(SCENARIO_FILES, None)), store=store
        )
        assert again.screen == "picker"
        assert again.layout().labels[0].startswith("Verder met")
        again.press("enter")
        session = again.app.session
        assert session is not None and session.node_id == node and len(session.events) == events
        assert store.sessions(trainee="R9")[0].status == "active"


def test_resizing_and_text_size_keep_every_text_in_its_box() -> None:
    import pygame

    pilot = Pilot(PlayerOptions(trainee="Z1", scenario_file=SCENARIO_FILES[0]))
    pilot.press("enter")
    pilot.app.step([pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=600, size=(1024, 600))], 1 / 60)
    assert pilot.app.size == (1024, 600) and pilot.app.surface.get_size() == (1024, 600)
    for _ in range(3):
        pilot.press("f2")
    assert pilot.app.theme.scale_index == 3
    pilot.press("tab", "enter")  # look at someone: the card with cues
    lay = pilot.layout()
    assert all(tb.fits(box) for _name, tb, box, _font in lay.texts)
    assert all(rect.clip(pygame.Rect(0, 0, 1024, 600)) == rect for rect, _ in lay.buttons)


def test_resume_from_the_command_line(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        first = Pilot(PlayerOptions(trainee="C1", scenario_file=SCENARIO_FILES[0]), store=store)
        first.press("enter", "n")
        row = store.sessions(trainee="C1")[0]
        again = Pilot(PlayerOptions(trainee="C1", resume_id=row.id[:8]), store=store)
        assert again.app.session is not None and again.app.session.node_id == first.app.session.node_id  # type: ignore[union-attr]
        assert again.screen == "dialogue"


def test_a_broken_scenario_in_the_menu_shows_its_findings_when_picked_and_leads_back(tmp_path: Path) -> None:
    """The menu shows cards only; the full check runs on picking, so its message is still seen where it
    matters, with the way back to the menu."""
    from trainer.commands.common import findings

    broken = tmp_path / "kapot.yaml"
    broken.write_text("id: [dit is geen scenario\n", encoding="utf-8")
    bad_goto = tmp_path / "fout.yaml"
    text = SCENARIO_FILES[0].read_text(encoding="utf-8")
    bad_goto.write_text(re.sub(r"goto: [a-z_]+", "goto: bestaat_niet", text, count=1), encoding="utf-8")
    cards = scenario_cards([broken, bad_goto, SCENARIO_FILES[0]], None)
    assert not cards[0].readable and cards[1].readable  # the card of a file with errors is still its card

    def check(loaded: LoadedScenario) -> list[str]:
        return [d.format("nl") for d in findings(loaded) if d.severity == "error"]

    pilot = Pilot(PlayerOptions(trainee="K1", scenarios=cards), check=check)
    for index, where in ((0, "kapot.yaml:2:1: fout L003"), (1, "C101")):
        assert pilot.screen == "picker"
        pilot.app.ui.focus = index
        pilot.press("enter")
        assert pilot.screen == "findings" and pilot.app.findings
        assert all(where in line for line in pilot.app.findings[:1])
        assert pilot.layout().labels == ["Terug naar het menu", "Afsluiten"]
        pilot.press("enter")
    assert pilot.screen == "picker"
