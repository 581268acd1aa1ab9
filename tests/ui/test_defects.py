"""The window as a trainee met it in a first real play-through (issue 12, items 3-12): one test per defect."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.conftest import SCENARIOS
from trainer.commands.cards import scenario_cards
from trainer.engine.events import ChoiceMade
from trainer.model.graph import node_choices
from trainer.model.loader import load_scenario
from trainer.model.scenario import Scenario, SelectionNode
from trainer.records import RecordStore
from trainer.ui.app import PlayerOptions
from trainer.ui.pilot import Pilot
from trainer.ui.screens import selection
from trainer.ui.strings import t

FIETSER = SCENARIOS / "fietser_zonder_licht.yaml"
STATION = SCENARIOS / "stationsplein.yaml"


def _made(scenario: Scenario, node: str, choice: str, *, timed_out: bool = False) -> ChoiceMade:
    _cid, step, ch, _p = next(o for o in node_choices(scenario, node) if o[0] == choice)
    return ChoiceMade(
        1.0, node, choice, step.value, ch.assessment.value, ch.goto, 1.0, timed_out, (), (), None, ()
    )


def _node_with(scenario: Scenario, choice: str) -> str:
    return next(n for n in scenario.nodes if any(o[0] == choice for o in node_choices(scenario, n)))


def _addressing(scenario: Scenario, cast_id: str) -> ChoiceMade:
    start = scenario.nodes[scenario.start]
    assert isinstance(start, SelectionNode)
    cand = next(c for c in start.candidates if c.cast[0] == cast_id)
    return _made(scenario, scenario.start, cand.id)


# --- 3: perspective pages name the person who speaks ---


def test_perspective_heading_is_the_speaker_and_the_name_is_not_doubled() -> None:
    from trainer.engine.perspective import perspective_pages
    from trainer.ui.perspective import told

    sc = load_scenario(STATION).scenario
    start = sc.nodes[sc.start]
    assert isinstance(start, SelectionNode)
    events = [
        _addressing(sc, start.candidates[0].cast[0]),
        _made(sc, _node_with(sc, "c_rugzak_reden"), "c_rugzak_reden"),
    ]
    line = "Kijk eens om je heen."
    page = next(
        p
        for p in (told(p, "nl") for p in perspective_pages(sc, events, "nl"))
        if any(line in x for _h, x in p.paragraphs)
    )
    heading, text = next((h, x) for h, x in page.paragraphs if line in x)
    assert heading == "Noah" and not text.startswith("Noah")
    assert page.portrait is not None and page.portrait.id == "noah"


def test_a_bystanders_line_is_not_put_under_the_addressed_persons_name() -> None:
    from trainer.engine.perspective import perspective_pages
    from trainer.ui.perspective import told

    sc = load_scenario(FIETSER).scenario
    events = [_addressing(sc, "sem"), _made(sc, _node_with(sc, "b_waarschuwing"), "b_waarschuwing")]
    page = next(
        p
        for p in (told(p, "nl") for p in perspective_pages(sc, events, "nl"))
        if any("Zie je wel" in x for _h, x in p.paragraphs)
    )
    heading, _text = next((h, x) for h, x in page.paragraphs if "Zie je wel" in x)
    assert heading != "Sem" and "Sem" not in page.title
    assert page.portrait is not None and page.portrait.id == "nadia"


def test_a_timed_out_default_is_not_put_in_the_trainees_mouth() -> None:
    from trainer.engine.perspective import perspective_pages
    from trainer.ui.perspective import told

    sc = load_scenario(FIETSER).scenario
    node = _node_with(sc, "b_waarschuwing")
    for timed_out, expected in ((False, "Jij"), (True, "De tijd was om. Daarna")):
        events = [_addressing(sc, "sem"), _made(sc, node, "b_waarschuwing", timed_out=timed_out)]
        page = next(
            p
            for p in (told(p, "nl") for p in perspective_pages(sc, events, "nl"))
            if any("Zie je wel" in x for _h, x in p.paragraphs)
        )
        assert page.paragraphs[0][0] == expected


# --- 4: --resume ID works without --trainee ---


def test_resume_by_id_alone_opens_the_session(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        first = Pilot(PlayerOptions(trainee="C1", scenario_file=FIETSER), store=store)
        first.press("enter", "n")
        row = store.sessions(trainee="C1")[0]
        again = Pilot(PlayerOptions(resume_id=row.id[:8]), store=store)
        assert again.screen not in ("start", "picker")
        assert again.app.session is not None and again.app.session.node_id == first.app.session.node_id  # type: ignore[union-attr]
        assert again.app.trainee == "C1"


# --- 5: the resume item says the title, and its details are filled in ---


def test_resume_item_shows_the_title_and_details(tmp_path: Path) -> None:
    scenarios = scenario_cards(sorted(SCENARIOS.glob("*.yaml")), None)
    with RecordStore(tmp_path / "r.db") as store:
        first = Pilot(PlayerOptions(trainee="R2", scenario_file=FIETSER), store=store)
        first.press("enter", "n")
        menu = Pilot(PlayerOptions(trainee="R2", scenarios=scenarios), store=store)
        label = menu.layout().labels[0]
        assert "Fietser zonder licht" in label and "fietser_zonder_licht" not in label
        assert "facts" in {name for name, *_ in menu.layout().texts}  # the details panel is not empty


# --- 6: the inspect card shows every cue at the largest text size ---


@pytest.mark.parametrize("size", [(1280, 800), (900, 560)])
@pytest.mark.parametrize("path", [FIETSER, SCENARIOS / "grenscontrole_trein.yaml"], ids=lambda p: p.stem)
def test_inspect_card_shows_every_cue_in_full_at_the_largest_text(size: tuple[int, int], path: Path) -> None:
    pilot = Pilot(PlayerOptions(trainee="Z2", scenario_file=path, size=size))
    pilot.press("enter", "f2", "f2")
    node = pilot.app.session.view().node  # type: ignore[union-attr]
    assert isinstance(node, SelectionNode)
    for i in range(len(node.candidates)):
        pilot.press("tab")
        pilot.press("i") if pilot.app.ui.inspected is None else None
        lay = pilot.layout()
        cues = [(tb, box) for name, tb, box, _f in lay.texts if name.startswith("cue")]
        cand = next(c for c in node.candidates if c.id == pilot.app.ui.inspected)
        # The card holds what an officer could know; with beats, the street shows the rest (issue 16).
        expected = [cand.cues[int(j)].text.get("nl") for j in selection.card_cues(cand)]
        if cand.beats:
            expected.append(t("nl", "seen_in_street"))
        assert len(cues) == len(expected), i
        assert all(tb.fits(box) for tb, box in cues)
        shown = [" ".join(tb.lines).split() for tb, _box in cues]
        assert shown == [text.split() for text in expected]  # every word, none cut off
        assert all(box.bottom <= lay.rects["address"].top for _tb, box in cues)


# --- 7: the countdown covers nothing ---


@pytest.mark.parametrize("bigger", [0, 1, 2])
def test_countdown_does_not_cover_the_meters_or_the_prompt_at_900x560(bigger: int) -> None:
    # meters are drawn during play only for an instructor's demonstration (--show-meters)
    pilot = Pilot(PlayerOptions(trainee="Z3", scenario_file=FIETSER, size=(900, 560), show_meters=True))
    pilot.press("enter", *["f2"] * bigger)
    checked = 0
    for _ in range(6):
        lay = pilot.layout()
        clock = lay.rects.get("countdown")
        others = [k for k in lay.rects if k.startswith("meter:") or k == "prompt"]
        if clock is not None and others:
            checked += 1
            assert [k for k in others if clock.colliderect(lay.rects[k])] == []
        if pilot.screen == "selection":
            pilot.press("tab", "enter", "enter")
        elif pilot.screen == "dialogue":
            pilot.press("enter", "1")
    assert checked >= 2  # the street and at least one timed scene with meters


# --- 8: the registration message is true for the form as it is ---


def _to_registration(pilot: Pilot) -> None:
    """Play quickly through the engine to the form; the form itself is then used through the window."""
    session = pilot.app.session
    assert session is not None
    while session.phase.value not in ("registration", "done"):
        view = session.view()
        if view.question is not None:
            session.answer(view.question.id, "x")
        elif view.can_advance:
            session.advance()
        else:
            session.choose(view.choices[0].id)
    pilot.app._follow_session()
    pilot.advance(2)


def test_registration_message_names_what_is_missing_and_goes_away() -> None:
    pilot = Pilot(PlayerOptions(trainee="G1", scenario_file=FIETSER))
    pilot.press("enter")
    _to_registration(pilot)
    assert pilot.screen == "registration"
    pilot.press("tab", "enter")  # on the powers: the first Enter chooses the focused power
    pilot.press("enter")  # the second submits: only the outcome is missing
    assert pilot.app.ui.message == "Kies nog een afloop."
    assert {"message", "help"} <= {name for name, *_ in pilot.layout().texts}  # the key help stays
    pilot.press("tab", "enter")  # choose an outcome: the complaint is gone
    assert pilot.app.ui.message is None


# --- 9: the start page's error stays in its card ---


def test_start_page_error_wraps_inside_its_card() -> None:
    for size in ((1280, 720), (900, 560)):
        pilot = Pilot(PlayerOptions(size=size))
        pilot.press("tab", "tab", "tab", "enter")
        lay = pilot.layout()
        tb, box, _font = lay.text_named("message")
        assert pilot.app.ui.message and tb.fits(box)
        assert " ".join(tb.lines).split() == pilot.app.ui.message.split()
        assert lay.rects["box"].contains(box)


# --- 10: the portrait follows the speaker ---


def test_portrait_is_the_person_whose_line_is_typing() -> None:
    from trainer.ui.screens import dialogue

    pilot = Pilot(PlayerOptions(trainee="P1", scenario_file=FIETSER))
    pilot.press("enter")
    session = pilot.app.session
    assert session is not None
    sc = session.scenario
    # find a scene whose lines have two different cast speakers, the first of them first
    target = None
    for node_id, node in sc.nodes.items():
        speakers = [ln.speaker for ln in getattr(node, "lines", []) if not ln.when]
        cast = [s for s in speakers if any(c.id == s for c in sc.cast)]
        if len(set(cast)) >= 2 and node.type == "scene":
            target = node_id
            break
    assert target is not None
    pilot.app._start_session(target)
    pilot.advance(1)
    frame = pilot.app.frame()
    first = next(ln.speaker for ln in frame.view.lines if any(c.id == ln.speaker for c in sc.cast))  # type: ignore[union-attr]
    assert dialogue._portrait_member(frame).id == first  # type: ignore[union-attr]
    pilot.press("enter")  # show all text: the portrait is the last speaker's
    last = next(ln.speaker for ln in reversed(frame.view.lines) if any(c.id == ln.speaker for c in sc.cast))  # type: ignore[union-attr]
    assert dialogue._portrait_member(pilot.app.frame()).id == last  # type: ignore[union-attr]


# --- 11: holding an arrow keeps looking around ---


def test_holding_an_arrow_key_keeps_panning_and_enter_does_not_repeat() -> None:
    pilot = Pilot(PlayerOptions(trainee="K2", scenario_file=STATION))
    pilot.press("enter")
    pilot.app.ui.pan = pilot.app.ui.pan_target = 0.0
    pilot.wait(0.5)
    pilot.hold("right", 1.0)
    pilot.wait(1.0)
    assert pilot.app.ui.pan > 0.12 * 3  # one press moves 0.12; a held second keeps going
    pilot.hold("left", 0.2)  # shorter than the repeat delay: one step only
    pilot.wait(1.0)
    before = pilot.app.screen
    pilot.hold("enter", 1.5)
    assert pilot.app.screen == before or pilot.app.screen == "dialogue"


# --- 12: --no-record --trainee skips the start page ---


def test_no_record_with_a_trainee_code_skips_the_start_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from trainer import cli
    from trainer.ui.app import App

    seen: list[str] = []
    monkeypatch.setattr(App, "run", lambda self: seen.append(self.screen))
    assert cli.main(["play", "--no-record", "--trainee", "M1", str(FIETSER)]) == 0
    assert seen == ["briefing"]


def test_key_repeat_never_outlives_its_screen() -> None:
    pilot = Pilot(PlayerOptions(trainee="K3", scenario_file=FIETSER))
    pilot._send(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode=""))
    pilot.press("enter")  # the briefing closes while Down is still held
    assert pilot.app._held.pending() == {}


def test_a_long_briefing_at_the_largest_text_is_read_part_by_part() -> None:
    pilot = Pilot(
        PlayerOptions(trainee="L1", scenario_file=SCENARIOS / "grenscontrole_trein.yaml", size=(900, 560))
    )
    pilot.press("f2", "f2")
    title = pilot.layout().texts[0][1].lines
    assert pilot.screen == "briefing" and "(1/2)" in " ".join(title)
    pilot.press("enter")  # the next part, not the street
    assert pilot.screen == "briefing" and "(2/2)" in " ".join(pilot.layout().texts[0][1].lines)
    pilot.press("enter")
    assert pilot.screen == "selection"


def test_resume_with_no_record_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from trainer import cli

    assert cli.main(["play", "--no-record", "--resume", "abc"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--resume" in err[0] and "Traceback" not in err[0]
