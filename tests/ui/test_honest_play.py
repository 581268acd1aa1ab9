"""Issue 11 and 12 in the window: no pre-selection, no live score, timeouts said, info on screen, goals
after."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest

from tests.conftest import FIXTURES, SCENARIOS
from tests.ui.cards import card_of
from trainer.engine import perspective
from trainer.engine.clock import FakeClock
from trainer.engine.events import ChoiceMade, SessionStarted, TimedOut
from trainer.engine.session import Session
from trainer.model.graph import NOBODY
from trainer.model.loader import load_scenario
from trainer.model.scenario import SceneNode
from trainer.ui.app import ENDING_MIN_READ_SECONDS, TIMEOUT_NOTICE_SECONDS, PlayerOptions
from trainer.ui.pilot import Pilot
from trainer.ui.screens import pages
from trainer.ui.screens.info import info_blocks
from trainer.ui.screens.picker import facts
from trainer.ui.screens.selection import info_grow_to

MINIMAL = FIXTURES / "minimal.yaml"
STATIONSPLEIN = SCENARIOS / "stationsplein.yaml"
FIETSER = SCENARIOS / "fietser_zonder_licht.yaml"


def _to_dialogue(**options: object) -> Pilot:
    """The minimal scenario at its first scene (timer 20 s, three choices)."""
    pilot = Pilot(PlayerOptions(trainee="H1", scenario_file=MINIMAL, start_node="aanspreken", **options))  # type: ignore[arg-type]
    pilot.press("enter")  # briefing → the scene
    assert pilot.screen == "dialogue"
    return pilot


def test_no_option_has_focus_when_the_choices_appear_and_enter_alone_chooses_nothing() -> None:
    pilot = _to_dialogue()
    assert pilot.app.ui.focus is None
    pilot.press("enter")  # the first Enter only completes the typing text
    assert pilot.app.ui.skip_reveal and pilot.screen == "dialogue"
    pilot.press("enter")  # nothing focused: nothing happens
    assert pilot.screen == "dialogue" and pilot.app.session.node_id == "aanspreken"  # type: ignore[union-attr]
    pilot.press("down")  # the first arrow gives focus to the first option shown
    assert pilot.app.ui.focus == 0
    first = pilot.app.session.view().choices[0].id  # type: ignore[union-attr]
    pilot.press("enter")
    made = [e for e in pilot.app.session.events if isinstance(e, ChoiceMade)]  # type: ignore[union-attr]
    assert made[-1].choice == first


def test_hovering_an_option_gives_it_focus() -> None:
    pilot = _to_dialogue()
    rect, _ = pilot.layout().buttons[1]
    pilot._send(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    assert pilot.app.ui.focus == 1


def test_meters_are_not_drawn_during_play_unless_the_instructor_asks() -> None:
    hidden = _to_dialogue()
    assert not [k for k in hidden.layout().rects if k.startswith("meter:")]
    shown = _to_dialogue(show_meters=True)
    assert [k for k in shown.layout().rects if k.startswith("meter:")]


def test_the_countdown_starts_when_the_text_has_finished_typing() -> None:
    pilot = _to_dialogue()
    assert pilot.app.frame().timer_left == 20  # typing: the countdown has not started
    pilot.press("enter")  # typing done at once
    pilot.wait(5)
    left = pilot.app.frame().timer_left
    assert left is not None and 14 < left < 16


def test_a_timeout_is_said_before_the_default_applies_and_recorded_as_a_timeout() -> None:
    pilot = _to_dialogue()
    pilot.press("enter")
    pilot.wait(20.2)
    assert pilot.app.frame().timed_out and pilot.screen == "dialogue"
    pilot.press("1")  # too late: the notice blocks choosing
    session = pilot.app.session
    assert session is not None and not [e for e in session.events if isinstance(e, ChoiceMade)]
    pilot.wait(TIMEOUT_NOTICE_SECONDS)
    [timed] = [e for e in session.events if isinstance(e, TimedOut)]
    [made] = [e for e in session.events if isinstance(e, ChoiceMade)]
    assert timed.default == "vaag" and made.choice == "vaag" and made.timed_out


def test_street_starts_without_focus_and_i_or_enter_do_nothing() -> None:
    pilot = Pilot(PlayerOptions(trainee="H2", scenario_file=FIETSER))
    pilot.press("enter")
    assert pilot.screen == "selection" and pilot.app.ui.focus is None
    pilot.press("i")
    assert pilot.app.ui.inspected is None
    pilot.press("enter")
    assert pilot.screen == "selection"
    assert not [e for e in pilot.app.session.events if isinstance(e, ChoiceMade)]  # type: ignore[union-attr]


def test_the_first_tab_goes_to_the_visible_person_nearest_the_middle() -> None:
    pilot = Pilot(PlayerOptions(trainee="H3", scenario_file=STATIONSPLEIN))
    pilot.press("enter")
    lay = pilot.layout()
    width = pilot.app.size[0]
    people = {k[5:]: r for k, r in lay.rects.items() if k.startswith("cand:")}
    visible = {k: r for k, r in people.items() if r.right > 0 and r.left < width}
    nearest = min(visible, key=lambda k: abs(visible[k].centerx - width / 2))
    pilot.press("tab", "i")
    assert pilot.app.ui.inspected == nearest


def test_the_ending_page_needs_a_deliberate_key_after_a_short_reading_time() -> None:
    scenario = load_scenario(MINIMAL).scenario
    ending = next(n for n, x in scenario.nodes.items() if x.type == "ending")
    pilot = Pilot(PlayerOptions(trainee="H4", scenario_file=MINIMAL, start_node=ending))
    pilot.press("enter")
    assert pilot.screen == "ending" and pilot.app.ui.focus is None
    pilot.press("enter")  # pressed right after the last choice: ignored
    assert pilot.screen == "ending"
    pilot.wait(ENDING_MIN_READ_SECONDS)
    pilot.press("enter")
    assert pilot.screen == "reflection"


def test_the_picker_shows_place_time_and_duration_but_not_the_learning_goals() -> None:
    loaded = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    pilot = Pilot(PlayerOptions(trainee="H5", scenarios=[card_of(item) for item in loaded]))
    assert pilot.screen == "picker"
    for i, item in enumerate(loaded):
        pilot.app.ui.focus = i
        shown = " ".join(" ".join(tb.lines) for _n, tb, _b, _f in pilot.layout().texts)
        goals = item.scenario.learning_goals
        for step in ("selecteren", "uitleggen", "bejegenen", "reflecteren"):
            assert getattr(goals, step).get("nl")[:40] not in shown
        assert item.scenario.setting.place.get("nl") in facts(card_of(item), "nl")
        assert f"{item.scenario.duration_minutes} minuten" in facts(card_of(item), "nl")


def test_the_learning_goals_come_after_the_reflection_on_the_last_page() -> None:
    scenario = load_scenario(MINIMAL).scenario
    session = Session(scenario, clock=FakeClock())
    route = pages.perspective_pages(scenario, session.view().perspective, "nl", session.state.meters)
    assert route[-1].title == "Leerdoelen van dit scenario"
    assert scenario.learning_goals.selecteren.get("nl") in [text for _h, text in route[-1].paragraphs]


def test_a_timed_out_default_is_not_told_as_something_the_trainee_did() -> None:
    scenario = load_scenario(MINIMAL).scenario
    session = Session(scenario, clock=FakeClock())
    session.choose("fietser_zonder_licht")
    session.timeout()  # default 'vaag', which has a perspective line
    route = perspective.perspective_pages(scenario, session.events, "nl")  # mid-session: not in the view yet
    told = pages.perspective_pages(scenario, route, "nl", session.state.meters)
    page = next(p for p in told if any(text == "Gewoon een controle." for _h, text in p.paragraphs))
    heading = next(h for h, text in page.paragraphs if text == "Gewoon een controle.")
    assert heading == "De tijd was om. Daarna"
    assert told[0].meters  # tension and trust appear after play


@pytest.mark.parametrize(
    "size,bigger", [((1280, 720), 0), ((900, 560), 2)], ids=["1280x720", "900x560-largest"]
)
def test_the_info_items_are_on_the_street_screen_in_full(size: tuple[int, int], bigger: int) -> None:
    pilot = Pilot(PlayerOptions(trainee="H6", scenario_file=STATIONSPLEIN, size=size))
    pilot.press(*["f2"] * bigger)
    while pilot.screen == "briefing":  # a long briefing at large text comes in parts
        pilot.press("enter")
    lay = pilot.layout()
    assert "info" in lay.rects
    frame = pilot.app.frame()
    node = frame.view.node  # type: ignore[union-attr]
    rows, height = info_blocks(frame, node.info, lay.rects["info"], grow_to=info_grow_to(frame))  # type: ignore[union-attr]
    assert height <= max(lay.rects["info"].height, info_grow_to(frame))
    for (_h, _hf, text, _tf), item in zip(rows, node.info, strict=True):  # type: ignore[union-attr]
        assert " ".join(text.lines).split() == item.text.get("nl").split()  # every word, no ellipsis


def test_b_reopens_the_briefing_and_info_with_time_standing_still() -> None:
    pilot = Pilot(PlayerOptions(trainee="H7", scenario_file=STATIONSPLEIN))
    pilot.press("enter")
    left = pilot.app.frame().timer_left
    pilot.press("b")
    assert pilot.screen == "notes"
    page = pages.notes(pilot.app.frame())
    text = " ".join(t for _h, t in page.paragraphs)
    assert pilot.app.session.scenario.briefing.text.get("nl") in text  # type: ignore[union-attr]
    assert "16:20" in text
    pilot.wait(30)
    pilot.press("b")
    assert pilot.screen == "selection"
    assert abs((pilot.app.frame().timer_left or 0) - (left or 0)) < 1


def test_each_window_session_gets_its_own_seed_from_the_injected_rng(tmp_path: Path) -> None:
    seeds = []
    for rng_seed in (1, 2):
        pilot = Pilot(PlayerOptions(trainee="H8", scenario_file=MINIMAL), rng=random.Random(rng_seed))
        pilot.press("enter")
        started = pilot.app.session.events[0]  # type: ignore[union-attr]
        assert isinstance(started, SessionStarted)
        seeds.append(started.seed)
    assert seeds[0] != seeds[1]


def test_a_scene_with_only_continue_goes_on_with_enter() -> None:
    scenario = load_scenario(SCENARIOS / "stationsplein.yaml").scenario
    node = next(n for n, x in scenario.nodes.items() if isinstance(x, SceneNode) and not x.choices)
    pilot = Pilot(PlayerOptions(trainee="H9", scenario_file=STATIONSPLEIN, start_node=node))
    pilot.press("enter", "enter", "enter")
    assert pilot.app.session.node_id != node  # type: ignore[union-attr]


def test_nobody_is_addressed_only_by_n_or_the_focused_button() -> None:
    pilot = Pilot(PlayerOptions(trainee="H10", scenario_file=FIETSER))
    pilot.press("enter", "up", "enter")  # Up from nothing focuses the last person; Enter opens her card
    pilot.press("n")
    made = [e for e in pilot.app.session.events if isinstance(e, ChoiceMade)]  # type: ignore[union-attr]
    assert made and made[0].choice == NOBODY


def test_keys_on_the_briefing_overlay_leave_the_choices_unfocused() -> None:
    pilot = _to_dialogue()
    pilot.press("b", "down", "down", "b")
    assert pilot.screen == "dialogue" and pilot.app.ui.focus is None


def test_show_meters_reaches_the_window_from_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import trainer.ui.app as app_module
    from trainer.cli import main

    seen: list[PlayerOptions] = []

    class FakeApp:
        def __init__(self, options: PlayerOptions, *_sessions: object, **_kw: object) -> None:
            seen.append(options)

        def run(self) -> None:
            pass

    monkeypatch.setattr(app_module, "App", FakeApp)
    assert main(["play", str(MINIMAL), "--no-record", "--show-meters"]) == 0
    assert main(["play", str(MINIMAL), "--no-record"]) == 0
    assert [o.show_meters for o in seen] == [True, False]
