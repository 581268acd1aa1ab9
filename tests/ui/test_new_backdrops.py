"""The villa district and the shop's back office: they show what their scenario texts say.

A villawijk is detached villas with gardens between them behind hedges, lamps along the lane, lit windows at
dusk; a winkel_kantoor is an inside (lit by its own strip lights, no street lamps, no rain on the floor) with
grey camera monitors that stay lit whatever the hour."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from trainer.model.vocabulary import Backdrop, TimeOfDay
from trainer.ui import art
from trainer.ui.art.backdrop import INDOORS, build_scene
from trainer.ui.art.light import FACADE_BASE
from trainer.ui.art.views import VIEWS
from trainer.ui.art.villa import HEDGE_BASE, VILLA_BASE
from trainer.ui.sound import AMBIENCE_FOR_BACKDROP

SIZES = [(1280, 720), (900, 560), (3200, 720)]


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    pygame.display.init()
    art.clear_caches()
    yield
    art.clear_caches()


def luminance(surface: pygame.Surface, rect: pygame.Rect) -> float:
    r, g, b, _ = pygame.transform.average_color(surface.subsurface(rect))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_both_are_known_everywhere_a_backdrop_is_listed() -> None:
    for name in ("villawijk", "winkel_kantoor"):
        assert name in {b.value for b in Backdrop}
        assert name in VIEWS and name in FACADE_BASE and name in AMBIENCE_FOR_BACKDROP
    assert "winkel_kantoor" in INDOORS and "villawijk" not in INDOORS
    assert AMBIENCE_FOR_BACKDROP["winkel_kantoor"] not in ("train_carriage", "street_night", "busy_square")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_villas_stand_apart_not_in_a_terraced_row(size: tuple[int, int], seed: int) -> None:
    scene = build_scene("villawijk", "middag", size, seed)
    villas = sorted(scene.parts["villa"], key=lambda r: r.x)
    visible = [v for v in villas if v.right > 0 and v.x < size[0]]
    assert len(visible) >= 2, "more than one villa in view"
    metre = VIEWS["villawijk"][1] * size[1]
    for left, right in zip(villas, villas[1:], strict=False):
        assert right.x - left.right > 4 * metre, "a garden of at least a few metres between two villas"
    built = sum(min(v.right, size[0]) - max(v.x, 0) for v in visible)
    assert built < 0.75 * size[0], "more garden and trees than wall"
    for v in villas:
        assert v.bottom == pytest.approx(VILLA_BASE * size[1], abs=2), "set back: behind the hedge line"
        assert v.bottom < HEDGE_BASE * size[1]


def test_villas_have_lamps_by_the_lane_and_lit_windows_at_dusk() -> None:
    size = (1280, 720)
    places = {tod.value: build_scene("villawijk", tod.value, size, 3).lamps for tod in TimeOfDay}
    assert places["avond"], "lamp posts along the lane and on gate pillars"
    assert all(lamps == places["avond"] for lamps in places.values()), "one layout at every hour"
    tall = [lamp for lamp in places["avond"] if lamp[2] - lamp[1] > 3.5 * VIEWS["villawijk"][1] * size[1]]
    assert tall, "street lamps, not only garden lights"
    dusk = art.render_backdrop("villawijk", "avond", size, 3)
    band = range(int(0.3 * size[1]), int(VILLA_BASE * size[1]), 3)
    warm = [dusk.get_at((x, y)) for x in range(0, size[0], 3) for y in band]
    assert sum(1 for c in warm if c.r > 220 and c.g > 170 and c.b < 200) > 30, "lit windows"


def test_villawijk_by_night_is_darker_and_rain_wets_the_road() -> None:
    size = (1280, 720)
    day = art.render_backdrop("villawijk", "middag", size)
    night = art.render_backdrop("villawijk", "nacht", size)
    sky = pygame.Rect(0, 0, size[0], 40)
    assert luminance(night, sky) < 0.4 * luminance(day, sky)
    dry = build_scene("villawijk", "nacht", size, 0, "droog")
    wet = build_scene("villawijk", "nacht", size, 0, "regen")
    x, _head, foot = max(wet.lamps, key=lambda lamp: lamp[2] - lamp[1])
    below = pygame.Rect(round(x) - 3, round(foot) + 12, 6, 30)
    assert luminance(wet.surface, below) > luminance(dry.surface, below) + 5, "lamplight mirrored on wet road"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("time_of_day", [t.value for t in TimeOfDay])
def test_the_office_is_lit_from_inside_with_no_street_lamps(size: tuple[int, int], time_of_day: str) -> None:
    scene = build_scene("winkel_kantoor", time_of_day, size, 0)
    assert scene.lamps == [], "no street lamps in a back office"
    assert scene.panes, "one small window to the outside"
    day = build_scene("winkel_kantoor", "middag", size, 0)
    floor = pygame.Rect(0, round(size[1] * art.GROUND_Y_FRACTION) - 10, size[0], 20)
    assert luminance(scene.surface, floor) > 0.8 * luminance(day.surface, floor), (
        "the strip lights, not the sky"
    )
    wall = pygame.Rect(0, round(size[1] * 0.4), size[0], round(size[1] * 0.2))
    assert luminance(scene.surface, wall) > 0.8 * luminance(day.surface, wall)


def test_only_the_office_window_shows_the_hour() -> None:
    size = (1280, 720)
    day = build_scene("winkel_kantoor", "middag", size, 0)
    night = build_scene("winkel_kantoor", "nacht", size, 0)
    pane = day.panes[0]
    assert luminance(night.surface, pane) < 0.5 * luminance(day.surface, pane)


def test_rain_beads_the_office_window_and_nothing_else() -> None:
    size = (900, 560)
    dry = build_scene("winkel_kantoor", "middag", size, 0, "droog").surface
    wet = build_scene("winkel_kantoor", "middag", size, 0, "regen")
    pane = wet.panes[0]
    assert pygame.image.tobytes(dry.subsurface(pane), "RGB") != pygame.image.tobytes(
        wet.surface.subsurface(pane), "RGB"
    )
    floor = pygame.Rect(0, round(size[1] * 0.78), size[0], round(size[1] * 0.2))
    assert pygame.image.tobytes(dry.subsurface(floor), "RGB") == pygame.image.tobytes(
        wet.surface.subsurface(floor), "RGB"
    ), "no wet floor, no puddles indoors"


@pytest.mark.parametrize("time_of_day", ["middag", "nacht"])
def test_camera_monitors_show_grey_pictures_that_glow_at_any_hour(time_of_day: str) -> None:
    size = (1280, 720)
    scene = build_scene("winkel_kantoor", time_of_day, size, 0)
    monitors = scene.parts["monitor"]
    assert len(monitors) >= 2, "the desk's screens (and the one on the wall)"
    for rect in monitors:
        pixels = [
            scene.surface.get_at((x, y))
            for x in range(rect.x, rect.right, 2)
            for y in range(rect.y, rect.bottom, 2)
        ]
        grey = sum(1 for c in pixels if max(c.r, c.g, c.b) - min(c.r, c.g, c.b) < 16)
        assert grey > 0.9 * len(pixels), "camera images are grey"
        assert 70 < luminance(scene.surface, rect) < 200, "a picture: neither off nor blank white"
    (door,) = scene.parts["door_window"]
    assert luminance(scene.surface, door) > luminance(
        scene.surface, pygame.Rect(0, door.bottom + 40, size[0], 60)
    )
