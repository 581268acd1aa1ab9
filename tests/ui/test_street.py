"""The living street as drawn: one second, one picture; no passer-by covers the focused person."""

from __future__ import annotations

import pygame
import pytest

from tests.conftest import ROOT
from trainer.commands.common import load_clean
from trainer.engine.clock import FakeClock
from trainer.engine.session import Session
from trainer.model.scenario import SelectionNode
from trainer.ui import street as st
from trainer.ui.frame import Frame, UiState
from trainer.ui.screens import selection
from trainer.ui.strings import t
from trainer.ui.theme import Theme

SIZE = (1280, 720)


def _frame(name: str, t: float, pan: float = 0.5, seed: int = 3, focus: int | None = None) -> Frame:
    sc = load_clean(str(ROOT / "scenarios" / f"{name}.yaml"), "nl").scenario
    nid = next(n for n, x in sc.nodes.items() if isinstance(x, SelectionNode))
    session = Session(sc, clock=FakeClock(), start_node=nid)
    ui = UiState(pan=pan, focus=focus)
    return Frame(
        Theme(height=SIZE[1]), SIZE, "nl", ui, view=session.view(), scenario=sc, seed=seed, street_t=t
    )


def _pixels(frame: Frame) -> bytes:
    surface = pygame.Surface(SIZE)
    selection.draw(surface, frame)
    return pygame.image.tobytes(surface, "RGB")


def test_same_second_same_frame() -> None:
    first = _pixels(_frame("stationsplein", 47.25))
    _pixels(_frame("stationsplein", 80.0))  # another second in between: caches must not leak state
    assert _pixels(_frame("stationsplein", 47.25)) == first
    assert _pixels(_frame("stationsplein", 48.0)) != first  # and the street does move


def test_crowd_never_covers_the_focused_candidate() -> None:
    for name in ("stationsplein", "preventief_fouilleren"):
        frame = _frame(name, 0.0)
        street = selection.street_of(frame)
        for cand in street.node.candidates:
            for step in range(0, street.node.time_limit * 4):
                t = step / 4
                offset = 0
                drawn = street.figures(t, offset, cand.id)
                mine = [i for i, d in enumerate(drawn) if d.candidate == cand.id]
                if not mine:
                    continue  # left the street
                first_mine = min(mine)
                rects = [drawn[i].rect for i in mine]
                for d in drawn[first_mine + 1 :]:
                    if d.candidate is None:
                        assert not any(d.rect.colliderect(r) for r in rects), (name, cand.id, t, d.key)


def test_street_wraps_round() -> None:
    frame = _frame("stationsplein", 10.0, pan=0.25)
    width = selection.street_of(frame).width
    turned = _frame("stationsplein", 10.0, pan=1.25)  # a full turn to the right
    assert selection.offset(frame) == selection.offset(turned)
    assert _pixels(frame) == _pixels(turned)
    assert 0 <= selection.offset(frame) < width


def test_departed_candidate_has_no_place_on_screen() -> None:
    frame = _frame("stationsplein", 110.0)
    frame.departed = frozenset({"fietsster"})
    lay = selection.layout(frame)
    assert "cand:fietsster" not in lay.rects
    assert "fietsster" not in st.street(frame.scenario, "plein", SIZE, 3).candidate_rects(110.0, 0)  # type: ignore[arg-type]


def test_perspective_switch_is_seen() -> None:
    """From the stopped person's side: the scene beside the text, the trainee's own line in the bubble."""
    from trainer.engine import perspective
    from trainer.engine.views import Phase
    from trainer.ui.screens import page, pages

    sc = load_clean(str(ROOT / "scenarios" / "stationsplein.yaml"), "nl").scenario
    session = Session(sc, clock=FakeClock())
    session.choose("jongen_pilaar")
    while session.phase == Phase.PLAY:
        view = session.view()
        session.choose(view.choices[0].id) if view.choices else session.advance()
    route = perspective.perspective_pages(sc, session.events, "nl")  # mid-session: not in the view yet
    shown = pages.perspective_pages(sc, route, "nl", session.state.meters)
    said = [p for p in shown if p.heard]
    assert said, "the trainee's own lines appear as heard"
    for p in said:
        assert (t("nl", "you_are"), p.heard) in p.paragraphs or (
            t("nl", "timeout_then"),
            p.heard,
        ) in p.paragraphs
    frame = Frame(Theme(height=SIZE[1]), SIZE, "nl", UiState(), scenario=sc)
    lay = page.layout(frame, said[0])
    assert "scene" in lay.rects and not lay.rects["scene"].colliderect(lay.rects["box"])
    assert page.layout(frame, shown[-1]).rects.get("scene") is None  # the learning goals: no scene


def test_esc_stops_the_street_and_a_departure_is_refused_in_play() -> None:
    """In the window: Esc stands the street still; once the cyclist has ridden off, she cannot be chosen."""
    from trainer.ui.app import PlayerOptions
    from trainer.ui.pilot import Pilot

    pilot = Pilot(PlayerOptions(trainee="B1", scenario_file=ROOT / "scenarios" / "stationsplein.yaml"))
    pilot.press("enter")
    assert pilot.screen == "selection"
    pilot.wait(5)
    pilot.press("escape")
    before = pilot.app._under.pan if pilot.app._under else None  # noqa: SLF001 - the screen below the pause
    t0 = pilot.app.session.seconds_here()  # type: ignore[union-attr]
    pilot.wait(20)
    assert pilot.app.session.seconds_here() == t0  # type: ignore[union-attr]
    assert (pilot.app._under.pan if pilot.app._under else None) == before  # noqa: SLF001
    pilot.press("escape")
    pilot.wait(100)
    frame = pilot.app.frame()
    assert "fietsster" in frame.departed
    assert "cand:fietsster" not in pilot.layout().rects
    index = sorted(frame.view.node.candidates, key=lambda c: c.position).index(  # type: ignore[union-attr]
        next(c for c in frame.view.node.candidates if c.id == "fietsster")  # type: ignore[union-attr]
    )
    pilot.press(str(index + 1))  # her number does nothing any more
    assert pilot.app.ui.inspected is None and pilot.screen == "selection"
    from trainer.ui.frame import Choose

    pilot.app._command(Choose("fietsster"))  # noqa: SLF001 - as a click that raced her departure would
    assert pilot.screen == "selection"
    assert pilot.app.ui.message is not None and "weggelopen" in pilot.app.ui.message


def test_rain_brings_umbrellas_out_only_under_the_open_sky(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passers-by in a wet station square carry umbrellas; the same people in a shop's back office (inside)
    have none up."""
    from trainer.model.loader import load_scenario_text

    monkeypatch.setattr(st, "is_wet", lambda scenario, node_id: True)
    text = (ROOT / "scenarios" / "stationsplein.yaml").read_text(encoding="utf-8")
    umbrellas = {}
    for backdrop in ("stationsplein", "winkel_kantoor"):
        sc = load_scenario_text(
            text.replace("backdrop: stationsplein", f"backdrop: {backdrop}"), "x.yaml"
        ).scenario
        nid = next(n for n, x in sc.nodes.items() if isinstance(x, SelectionNode))
        plan = st.Street(sc, nid, SIZE, 3).plan
        assert plan.walkers, backdrop
        umbrellas[backdrop] = sum(w.umbrella for w in plan.walkers)
    assert umbrellas["stationsplein"] > 0
    assert umbrellas["winkel_kantoor"] == 0
