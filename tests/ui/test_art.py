"""The procedural art: deterministic, cached, the sizes asked for, people standing on the bottom edge, and the
parameters (skin tone, demeanour, damage, time of day) visibly changing the picture."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

import pygame
import pytest

from trainer.model.scenario import Appearance, Vehicle
from trainer.model.vocabulary import (
    Backdrop,
    Build,
    Clothing,
    Demeanour,
    Hair,
    Headwear,
    TimeOfDay,
    VehicleKind,
)
from trainer.ui import art
from trainer.ui.art.backdrop import build_scene
from trainer.ui.art.samples import PEOPLE


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    pygame.display.init()
    art.clear_caches()
    yield
    art.clear_caches()


def person(**kw: Any) -> Appearance:
    base: dict[str, Any] = {"skin_tone": 3, "age": 35}
    base.update(kw)
    return Appearance.model_validate(base)


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def opaque_rows(surface: pygame.Surface) -> list[int]:
    """Rows (top to bottom) that hold at least one clearly visible pixel."""
    mask = pygame.mask.from_surface(surface, 127)
    w, h = surface.get_size()
    return [y for y in range(h) if any(mask.get_at((x, y)) for x in range(0, w, 1))]


def luminance(surface: pygame.Surface, rect: pygame.Rect) -> float:
    sub = surface.subsurface(rect)
    r, g, b, _ = pygame.transform.average_color(sub)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# --- backdrops -----------------------------------------------------------------------------------


@pytest.mark.parametrize("backdrop", [b.value for b in Backdrop])
@pytest.mark.parametrize("time_of_day", [t.value for t in TimeOfDay])
def test_every_backdrop_renders_at_every_time_of_day(backdrop: str, time_of_day: str) -> None:
    surface = art.render_backdrop(backdrop, time_of_day, (640, 240))
    assert surface.get_size() == (640, 240)
    colours = {surface.get_at((x, y))[:3] for x in range(0, 640, 16) for y in range(0, 240, 12)}
    assert len(colours) > 20, "a street scene, not a flat fill"


def test_backdrop_is_deterministic_and_seeded() -> None:
    first = pixels(art.render_backdrop("winkelstraat", "nacht", (800, 300), seed=7))
    art.clear_caches()
    assert pixels(art.render_backdrop("winkelstraat", "nacht", (800, 300), seed=7)) == first
    assert pixels(art.render_backdrop("winkelstraat", "nacht", (800, 300), seed=8)) != first


def test_unknown_backdrop_falls_back_to_woonstraat() -> None:
    unknown = art.render_backdrop("maanlandschap", "middag", (400, 200))
    assert pixels(unknown) == pixels(art.render_backdrop("woonstraat", "middag", (400, 200)))


def test_night_is_darker_with_lit_windows_and_lamps() -> None:
    size = (1600, 480)
    day = art.render_backdrop("woonstraat", "middag", size)
    night = art.render_backdrop("woonstraat", "nacht", size)
    sky = pygame.Rect(0, 0, 1600, 40)
    assert luminance(night, sky) < luminance(day, sky) * 0.4
    street = pygame.Rect(0, 60, 1600, 250)  # facades: dark at night, with warm lit windows among them
    assert luminance(night, street) < luminance(day, street)
    warm = [night.get_at((x, y)) for x in range(0, 1600, 3) for y in range(60, 310, 3)]
    assert sum(1 for c in warm if c.r > 220 and c.g > 170 and c.b < 200) > 30


@pytest.mark.parametrize(
    "backdrop", ["woonstraat", "plein", "fietspad", "auto_aan_de_stoeprand", "villawijk"]
)
def test_day_and_night_share_one_street_layout(backdrop: str) -> None:
    """Only the light changes: every lamp post stands in the same place at every time of day."""
    places = {tod.value: build_scene(backdrop, tod.value, (1600, 480), 3).lamps for tod in TimeOfDay}
    assert places["nacht"], "the view has lamp posts"
    assert all(lamps == places["nacht"] for lamps in places.values())


def test_train_windows_are_light_by_day_and_dark_by_night_while_the_carriage_stays_lit() -> None:
    size = (1600, 480)
    day = art.render_backdrop("trein", "middag", size)
    night = art.render_backdrop("trein", "nacht", size)
    windows = pygame.Rect(400, 195, 1200, 80)  # the band of windows on the far wall, between the seat backs
    assert luminance(night, windows) < luminance(day, windows) * 0.7
    ceiling = pygame.Rect(0, 0, 1600, 60)  # the carriage's own light, unlike a street's night sky
    assert luminance(night, ceiling) > luminance(day, ceiling) * 0.7
    floor = pygame.Rect(
        0, round(480 * art.GROUND_Y_FRACTION) - 10, 1600, 20
    )  # people stand on the aisle floor
    assert luminance(day, floor) < luminance(day, windows)


def test_ground_line_is_exported() -> None:
    assert 0.7 < art.GROUND_Y_FRACTION < 0.95


# --- people --------------------------------------------------------------------------------------


def _renders_standing(
    appearance: Appearance, demeanour: Demeanour = Demeanour.KALM, height: int = 200
) -> pygame.Surface:
    surface = art.render_person(appearance, demeanour, height)
    assert surface.get_height() == height
    assert surface.get_flags() & pygame.SRCALPHA
    rows = opaque_rows(surface)
    assert rows, "something is drawn"
    assert rows[-1] >= height - 2, "feet touch the bottom edge"
    assert surface.get_at((0, 0)).a == 0, "the background is transparent"
    return surface


@pytest.mark.parametrize("hair", list(Hair))
def test_every_hair_style(hair: Hair) -> None:
    _renders_standing(person(hair=hair))


@pytest.mark.parametrize("headwear", list(Headwear))
def test_every_headwear(headwear: Headwear) -> None:
    bare = pixels(_renders_standing(person()))
    assert pixels(_renders_standing(person(headwear=headwear))) != bare or headwear is Headwear.GEEN


@pytest.mark.parametrize("clothing", list(Clothing))
def test_every_clothing(clothing: Clothing) -> None:
    _renders_standing(person(clothing=clothing))


@pytest.mark.parametrize("build", list(Build))
def test_every_build(build: Build) -> None:
    _renders_standing(person(build=build))


@pytest.mark.parametrize("demeanour", list(Demeanour))
def test_every_demeanour_has_its_own_posture(demeanour: Demeanour) -> None:
    calm = pixels(_renders_standing(person(accessories=["telefoon"])))
    posed = pixels(_renders_standing(person(accessories=["telefoon"]), demeanour))
    assert (posed != calm) == (demeanour is not Demeanour.KALM)


@pytest.mark.parametrize(
    "accessory", get_args(get_args(Appearance.model_fields["accessories"].annotation)[0])
)
def test_every_accessory(accessory: str) -> None:
    _renders_standing(person(accessories=[accessory]))


@pytest.mark.parametrize("colour", get_args(Appearance.model_fields["clothing_color"].annotation))
def test_every_clothing_colour(colour: str) -> None:
    _renders_standing(person(clothing_color=colour, headwear="hoofddoek"))


@pytest.mark.parametrize("facing", ["front", "left", "right", "back", "sideways?"])
def test_facings(facing: str) -> None:
    surface = art.render_person(person(), Demeanour.KALM, 180, facing=facing)
    assert surface.get_height() == 180


def test_skin_tones_differ() -> None:
    seen = {pixels(art.render_person(person(skin_tone=tone), Demeanour.KALM, 160)) for tone in range(1, 7)}
    assert len(seen) == 6


def test_height_scales_the_figure_and_children_are_smaller() -> None:
    def top(app: Appearance) -> int:
        return opaque_rows(art.render_person(app, Demeanour.KALM, 300))[0]

    tall, average, child = top(person(height=200)), top(person(height=170)), top(person(age=7, height=125))
    assert tall < average < child
    # A surface of height_px spans REFERENCE_CM: 170 cm reaches about 170/215 of the way up.
    assert abs((300 - average) / 300 - 170 / art.REFERENCE_CM) < 0.04


def test_person_is_deterministic_and_cached() -> None:
    app = PEOPLE[3][0]
    first = art.render_person(app, Demeanour.ONVERSCHILLIG, 240)
    assert art.render_person(app, Demeanour.ONVERSCHILLIG, 240) is first
    snapshot = pixels(first)
    art.clear_caches()
    again = art.render_person(app, Demeanour.ONVERSCHILLIG, 240)
    assert again is not first and pixels(again) == snapshot


def test_sample_cast_all_render() -> None:
    for app, mood in PEOPLE:
        _renders_standing(app, mood, 240)


# --- portraits and groups ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [64, 180, 320])
def test_portrait_size_and_alpha(size: int) -> None:
    surface = art.render_portrait(person(), Demeanour.KALM, size)
    assert surface.get_size() == (size, size)
    assert surface.get_at((0, 0)).a == 0
    assert surface.get_at((size // 2, size // 3)).a == 255, "the face fills the upper middle"


def test_portrait_expressions_differ_and_are_cached() -> None:
    faces = {pixels(art.render_portrait(person(), mood, 200)) for mood in Demeanour}
    assert len(faces) == len(Demeanour)
    assert art.render_portrait(person(), Demeanour.BANG, 200) is art.render_portrait(
        person(), Demeanour.BANG, 200
    )


def test_group_overlaps_and_keeps_heights() -> None:
    members = [PEOPLE[2], PEOPLE[3], PEOPLE[8]]
    group = art.render_group(members, 300)
    singles = [art.render_person(a, d, 300) for a, d in members]
    assert group.get_height() == 300
    assert max(s.get_width() for s in singles) < group.get_width() < sum(s.get_width() for s in singles)
    assert opaque_rows(group)[-1] >= 298
    assert art.render_group(members, 300) is group
    assert art.render_group([], 300).get_height() == 300


# --- vehicles ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(VehicleKind))
def test_every_vehicle_kind_with_and_without_occupants(kind: VehicleKind) -> None:
    empty = art.render_vehicle(Vehicle(kind=kind), [], 200)
    full = art.render_vehicle(Vehicle(kind=kind), [PEOPLE[2][0], PEOPLE[5][0]], 200)
    for surface in (empty, full):
        assert surface.get_height() == 200
        assert opaque_rows(surface)[-1] >= 197, "wheels on the bottom edge"
    assert pixels(empty) != pixels(full), "occupants are visible"


@pytest.mark.parametrize("colour", get_args(Vehicle.model_fields["color"].annotation))
def test_every_vehicle_colour(colour: str) -> None:
    assert art.render_vehicle(Vehicle(kind="auto", color=colour), [], 120).get_height() == 120


@pytest.mark.parametrize("damage", ["achterlicht", "koplamp", "deuk", "geen_licht"])
@pytest.mark.parametrize("kind", ["auto", "oude_auto", "bestelbus", "scooter"])
def test_damage_is_visible(kind: str, damage: str) -> None:
    intact = art.render_vehicle(Vehicle(kind=kind), [], 200)
    damaged = art.render_vehicle(Vehicle(kind=kind, damage=[damage]), [], 200)
    assert pixels(intact) != pixels(damaged)


def test_bike_without_light_is_darker_at_the_lamp() -> None:
    lit = art.render_vehicle(Vehicle(kind="fiets"), [], 400)
    unlit = art.render_vehicle(Vehicle(kind="fiets", damage=["geen_licht"]), [], 400)
    assert lit.get_size() == unlit.get_size()

    def brightest(s: pygame.Surface) -> int:
        w, h = s.get_size()
        return max(sum(s.get_at((x, y))[:3]) for x in range(w // 2, w) for y in range(h // 3, h * 3 // 4, 2))

    assert brightest(unlit) < brightest(lit) - 100


def test_vehicle_is_deterministic_and_cached() -> None:
    vehicle = Vehicle(kind="auto", color="zilver", damage=["achterlicht"])
    first = art.render_vehicle(vehicle, [PEOPLE[2][0]], 240)
    assert art.render_vehicle(vehicle, [PEOPLE[2][0]], 240) is first
    snapshot = pixels(first)
    art.clear_caches()
    assert pixels(art.render_vehicle(vehicle, [PEOPLE[2][0]], 240)) == snapshot
