"""Cached art for screens: backdrops at window size, portraits, and the selection panorama with its people.

Rendering is pure and deterministic, so results are cached by what determines them; screens call these every
frame at no cost after the first.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pygame

from trainer.images import find_image
from trainer.model.atmosphere import atmosphere_of, backdrop_of
from trainer.model.scenario import Candidate, CastMember, EndingNode, Scenario
from trainer.model.vocabulary import Backdrop
from trainer.ui import art
from trainer.ui.art import photo
from trainer.ui.art.backdrop import INDOORS
from trainer.ui.text import rendered

PANORAMA_WIDTH = 3.0  # the selection street is three windows wide
# Figure surfaces stand for 215 cm (art.REFERENCE_CM), so people and vehicles share one scale: at 0.56 of the
# window height someone of 175 cm fills about 0.46 of it, close to the kerb.
PERSON_HEIGHT = 0.56
VEHICLE_HEIGHT = 0.32  # cars stand a little further off, so several fit in the street


def _dim(surface: pygame.Surface, alpha: int) -> pygame.Surface:
    out = surface.copy()
    shade = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, alpha))
    out.blit(shade, (0, 0))
    return out


# Surfaces are large (a 1280x720 backdrop is 3.7 MB, a panorama 11 MB): keep only what the current scenario
# uses.
@lru_cache(maxsize=4)
def backdrop(
    name: str, time_of_day: str, size: tuple[int, int], dim: int = 0, weather: str = "droog"
) -> pygame.Surface:
    surface = art.render_backdrop(name, time_of_day, size, 0, weather)
    return _dim(surface, dim) if dim else surface


def use_images(scenario: Scenario, scenario_file: Path) -> list[str]:
    """Load the backdrop images `scenario` names (next to `scenario_file`, or in assets/images/) so every
    street, scene and storyboard draws them; returns the names that could not be loaded (`trainer check`
    reports those as C105 or C150 before play, so this happens only when checks were skipped)."""
    names = {scenario.setting.backdrop} | {
        n.backdrop for n in scenario.nodes.values() if not isinstance(n, EndingNode) and n.backdrop
    }
    _forget_the_last_scenario(scenario)
    loaded: dict[str, pygame.Surface] = {}
    failed: list[str] = []
    for name in sorted(names - {b.value for b in Backdrop}):
        path = find_image(name, scenario_file)
        try:
            if path is None:
                raise FileNotFoundError(name)
            loaded[name] = pygame.image.load(str(path))
        except (OSError, pygame.error):
            failed.append(name)
    photo.register(loaded)
    backdrop.cache_clear()
    return failed


_last_scenario: list[str] = []  # the id of the scenario whose pictures the caches hold


def _forget_the_last_scenario(scenario: Scenario) -> None:
    """Drop the pictures of the scenario played before (its backdrops, people, portraits, vehicles, rendered
    lines): a window that plays one scenario after another would otherwise keep each one's surfaces until
    the caches' counts ran out, and peak memory grew with the size of the library."""
    if _last_scenario and _last_scenario[0] != scenario.id:
        art.clear_caches()
        rendered.cache_clear()
    _last_scenario[:] = [scenario.id]


scene_name = backdrop_of  # the backdrop a node is drawn on (sound asks it too, without the drawing code)


def scene_backdrop(
    scenario: Scenario, node_id: str | None, size: tuple[int, int], dim: int = 0
) -> pygame.Surface:
    """A node's backdrop in its own weather and light (the setting's for a page or an ending)."""
    atm = atmosphere_of(scenario, node_id)
    return backdrop(scene_name(scenario, node_id), atm.palette, size, dim, atm.weather.value)


class StreetMoment(Protocol):
    """What a street renderer knows about a moment (the street's `layers.LayerContext` has these)."""

    @property
    def scenario(self) -> Scenario: ...
    @property
    def node_id(self) -> str: ...
    @property
    def t(self) -> float: ...
    @property
    def offset(self) -> int: ...


def weather_layer(surface: pygame.Surface, ctx: StreetMoment) -> None:
    """Rain or fog over a street, for a renderer's layer list (`layers.register(layers.AIR, weather_layer)`):
    the node's weather at ctx.t, drifting with the view's turn. The still part (wet pavement, grey sky, fog
    on the facades) comes with `art.render_backdrop(name, atm.palette, size, seed, atm.weather)`."""
    seed = getattr(ctx, "seed", 0)
    scene_weather(surface, ctx.scenario, ctx.node_id, ctx.t, seed if isinstance(seed, int) else 0, ctx.offset)


def scene_weather(
    surface: pygame.Surface,
    scenario: Scenario,
    node_id: str | None,
    t: float,
    seed: int,
    pan_px: float = 0.0,
) -> None:
    """What moves in a node's weather (rain, drizzle, fog) over what is drawn, at `t` seconds."""
    atm = atmosphere_of(scenario, node_id)
    art.draw_weather(
        surface,
        atm.weather.value,
        t,
        seed,
        palette=atm.palette,
        indoors=scene_name(scenario, node_id) in INDOORS,
        pan_px=pan_px,
        ground_y=surface.get_height() * 0.8,
    )


def cast_member(scenario: Scenario, cast_id: str) -> CastMember | None:
    return next((c for c in scenario.cast if c.id == cast_id), None)


def portrait(member: CastMember, size: int) -> pygame.Surface:
    return art.render_portrait(member.appearance, member.demeanour, size)


def candidate_image(scenario: Scenario, candidate: Candidate, height: int) -> pygame.Surface:
    members = [m for m in (cast_member(scenario, cid) for cid in candidate.cast) if m is not None]
    if candidate.vehicle is not None:
        return art.render_vehicle(
            candidate.vehicle, [m.appearance for m in members], int(height * VEHICLE_HEIGHT / PERSON_HEIGHT)
        )
    if len(members) > 1:
        return art.render_group([(m.appearance, m.demeanour) for m in members], height)
    return art.render_person(members[0].appearance, members[0].demeanour, height)


class Panorama:
    """The selection street: one wide surface with everyone drawn in, and where each candidate stands."""

    def __init__(self, scenario: Scenario, node_id: str, size: tuple[int, int]) -> None:
        from trainer.model.scenario import SelectionNode

        node = scenario.nodes[node_id]
        assert isinstance(node, SelectionNode)
        width, height = int(size[0] * PANORAMA_WIDTH), size[1]
        name = node.backdrop or scenario.setting.backdrop
        atm = atmosphere_of(scenario, node_id)
        self.surface = art.render_backdrop(name, atm.palette, (width, height), 0, atm.weather.value).copy()
        self.rects: dict[str, pygame.Rect] = {}
        ground = int(height * art.GROUND_Y_FRACTION)
        for cand in sorted(node.candidates, key=lambda c: c.position):
            image = candidate_image(scenario, cand, int(height * PERSON_HEIGHT))
            margin = size[0] * 0.35  # keep people away from the panorama's outer edges
            x = int(margin + cand.position * (width - 2 * margin))
            rect = image.get_rect(midbottom=(x, ground))
            self.surface.blit(image, rect)
            self.rects[cand.id] = image.get_bounding_rect().move(
                rect.topleft
            )  # the drawn pixels: focus and clicks
        self.width = width


_PANORAMAS: dict[tuple[int, str, tuple[int, int]], tuple[Scenario, Panorama]] = {}


def panorama(scenario: Scenario, node_id: str, size: tuple[int, int]) -> Panorama:
    key = (id(scenario), node_id, size)
    hit = _PANORAMAS.get(key)
    if hit is not None and hit[0] is scenario:
        return hit[1]
    if len(_PANORAMAS) >= 2:
        _PANORAMAS.clear()
    built = Panorama(scenario, node_id, size)
    _PANORAMAS[key] = (scenario, built)
    return built
