"""A few reviewed pictures of the player. A failing comparison writes .new.png and .diff.png next to the
snapshot; update only deliberately with `pytest --update-goldens` (from the repository root)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.conftest import SCENARIOS
from tests.ui.screens_all import frame
from trainer.engine.clock import FakeClock
from trainer.engine.session import Session
from trainer.model.loader import load_scenario
from trainer.ui.frame import Frame, UiState
from trainer.ui.routing import SCREENS
from trainer.ui.screens.selection import focus_pan

SNAPSHOTS = Path(__file__).parent / "snapshots"
SIZE = (960, 540)
EXAMPLE = SCENARIOS / "nachtelijke_verkeerscontrole.yaml"
TOLERANCE = 0.005  # share of pixels allowed to differ by more than LEVELS (font hinting, driver rounding)
LEVELS = 24


def _states() -> dict[str, tuple[str, object]]:
    loaded = load_scenario(EXAMPLE)
    sc = loaded.scenario
    first_scene = next(n for n, x in sc.nodes.items() if x.type == "scene")
    selection = Session(sc, clock=FakeClock())
    inspected = sorted(sc.nodes[sc.start].candidates, key=lambda c: c.position)[1]  # type: ignore[union-attr]
    ending = next(n for n, x in sc.nodes.items() if x.type == "ending")
    registration = Session(sc, clock=FakeClock(), start_node=ending)
    registration.advance()
    for q in sc.reflection:
        registration.answer(q.id, "…")
    return {
        "briefing": ("briefing", frame(loaded, None, SIZE, "nl")),
        "selection": (
            "selection",
            _inspecting(
                frame(
                    loaded, selection, SIZE, "nl", UiState(focus=1, inspected=inspected.id, skip_reveal=True)
                )
            ),
        ),
        "dialogue_en": (
            "dialogue",
            frame(
                loaded,
                Session(sc, clock=FakeClock(), start_node=first_scene),
                SIZE,
                "en",
                UiState(focus=None, skip_reveal=True),  # as the choices appear: nothing pre-selected
            ),
        ),
        "registration": (
            "registration",
            frame(
                loaded,
                registration,
                SIZE,
                "nl",
                UiState(ticks={"grounds:voertuig"}, radio={"basis": "wvw_160"}),
            ),
        ),
    }


def _inspecting(state: Frame) -> Frame:
    state.ui.pan = focus_pan(state)
    return state


def _diff(a: pygame.Surface, b: pygame.Surface) -> tuple[float, pygame.Surface]:
    if a.get_size() != b.get_size():
        return 1.0, b.copy()
    w, h = a.get_size()
    marked = b.copy()
    raw_a, raw_b = pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB")
    bad = 0
    for i in range(0, len(raw_a), 3):
        if max(abs(raw_a[i + k] - raw_b[i + k]) for k in range(3)) > LEVELS:
            bad += 1
            marked.set_at(((i // 3) % w, (i // 3) // w), (255, 0, 255))
    return bad / (w * h), marked


@pytest.mark.parametrize("name", ["briefing", "selection", "dialogue_en", "registration"])
def test_snapshot(name: str, update_goldens: bool) -> None:
    screen, state = _states()[name]
    surface = pygame.Surface(SIZE)
    SCREENS[screen].draw(surface, state)  # type: ignore[arg-type]
    reference = SNAPSHOTS / f"{name}.png"
    if update_goldens or not reference.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        pygame.image.save(surface, str(reference))
        if not update_goldens:
            pytest.fail(f"new snapshot written: {reference}; look at it and commit it deliberately")
        return
    share, marked = _diff(pygame.image.load(str(reference)), surface)
    if share > TOLERANCE:
        pygame.image.save(surface, str(reference.with_suffix(".new.png")))
        pygame.image.save(marked, str(reference.with_suffix(".diff.png")))
    assert share <= TOLERANCE, (
        f"{name}: {share:.2%} of pixels differ; see {reference.with_suffix('.diff.png')}"
    )
