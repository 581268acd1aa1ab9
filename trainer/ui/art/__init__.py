"""Procedural art: street backdrops, people, portraits, vehicles and groups, drawn with pygame from
parameters.

No image files, except a backdrop image an author names (`art.photo`). People are calm, stylised, dignified
figures; demeanour shows in posture and face, subtly.
Every function is deterministic and cached: equal parameters return the same Surface object, so treat results
as
read-only (copy() before drawing on one).

Scale: a surface `height_px` tall spans REFERENCE_CM (215 cm) for people, groups and vehicles alike, with the
feet or
wheels on the bottom edge, so figures and vehicles rendered at one height_px stand to scale. Backdrops put the
ground line at GROUND_Y_FRACTION of their height.
"""

from __future__ import annotations

import math

import pygame

from trainer.model.scenario import Appearance, Vehicle
from trainer.model.vocabulary import Demeanour
from trainer.ui.art import backdrop as _backdrop
from trainer.ui.art import person as _person
from trainer.ui.art import photo as _photo
from trainer.ui.art import vehicles as _vehicles
from trainer.ui.art.backdrop import GROUND_Y_FRACTION
from trainer.ui.art.cache import LRU, appearance_key, vehicle_key
from trainer.ui.art.cycles import CRANK_REST, PEDAL_FRAMES
from trainer.ui.art.pen import REFERENCE_CM, px_per_cm
from trainer.ui.art.weather import draw_weather

__all__ = [
    "GROUND_Y_FRACTION",
    "REFERENCE_CM",
    "clear_caches",
    "draw_weather",
    "px_per_cm",
    "render_backdrop",
    "render_group",
    "render_person",
    "render_portrait",
    "render_vehicle",
]

FACINGS = ("front", "left", "right", "back")

_backdrops = LRU(6)
_people = LRU(256)
_portraits = LRU(64)
_vehicles_cache = LRU(32 * PEDAL_FRAMES)  # riders pedal: a sprite per crank position
_groups = LRU(32)


def render_backdrop(
    backdrop: str, time_of_day: str, size: tuple[int, int], seed: int = 0, weather: str = "droog"
) -> pygame.Surface:
    """A street scene of `size` (e.g. a 3200x720 panorama); an image registered under the name
    (`art.photo.register`) is drawn from that image, other unknown names draw a 'woonstraat'.

    Night and evening light the street lamps (with pools of light) and a share of the windows. `weather`
    ('droog', 'motregen', 'regen', 'mist') greys the sky and wets or fogs the still picture; falling rain
    and drifting fog are drawn per frame (`art.weather.draw_weather`).
    """
    key = (backdrop, str(time_of_day), (int(size[0]), int(size[1])), seed, str(weather), _photo.generation())
    own = _photo.image(backdrop)
    if own is not None:  # the author's own picture (registered when the scenario was opened)
        return _backdrops.get_or_make(key, lambda: _photo.render(own, str(time_of_day), size, str(weather)))
    return _backdrops.get_or_make(
        key, lambda: _backdrop.render(backdrop, str(time_of_day), size, seed, str(weather))
    )


def render_person(
    appearance: Appearance, demeanour: Demeanour, height_px: int, *, facing: str = "front"
) -> pygame.Surface:
    """A standing figure with per-pixel alpha: height_px tall, feet on the bottom edge, centred horizontally.

    facing: 'front', 'left' or 'right' (three-quarter view of the face) or 'back'.
    """
    facing = facing if facing in FACINGS else "front"
    key = (appearance_key(appearance), str(demeanour), int(height_px), facing)
    return _people.get_or_make(
        key, lambda: _person.person_surface(appearance, str(demeanour), int(height_px), facing)
    )


def render_portrait(appearance: Appearance, demeanour: Demeanour, size: int) -> pygame.Surface:
    """A size x size head-and-shoulders portrait with alpha; the face shows the demeanour."""
    key = (appearance_key(appearance), str(demeanour), int(size))
    return _portraits.get_or_make(
        key, lambda: _person.portrait_surface(appearance, str(demeanour), int(size))
    )


def render_vehicle(
    vehicle: Vehicle, occupants: list[Appearance], height_px: int, pedal: int = 0
) -> pygame.Surface:
    """A vehicle in side view (front to the right), wheels on the bottom edge, occupants visible.

    Cars and vans show occupants through the side windows; on a bike or scooter the first occupant rides.
    `pedal` is the frame of a pedalling cycle (0 .. PEDAL_FRAMES - 1): the cranks and the rider's legs turn.
    """
    pedal = pedal % PEDAL_FRAMES if str(vehicle.kind) == "fiets" else 0
    key = (vehicle_key(vehicle), tuple(appearance_key(a) for a in occupants), int(height_px), pedal)
    crank = CRANK_REST - 2 * math.pi * pedal / PEDAL_FRAMES  # riding to the right the cranks turn clockwise
    return _vehicles_cache.get_or_make(
        key, lambda: _vehicles.vehicle_surface(vehicle, list(occupants), int(height_px), crank)
    )


def render_group(members: list[tuple[Appearance, Demeanour]], height_px: int) -> pygame.Surface:
    """People standing together, slightly overlapping; the first member stands in front."""
    key = (tuple((appearance_key(a), str(d)) for a, d in members), int(height_px))
    return _groups.get_or_make(
        key, lambda: _person.group_surface([(a, str(d)) for a, d in members], int(height_px))
    )


def clear_caches() -> None:
    """Forget every cached surface (tests, or after a display mode change)."""
    for cache in (_backdrops, _people, _portraits, _vehicles_cache, _groups):
        cache.clear()
