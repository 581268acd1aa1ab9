"""A whole backdrop: sky for the time of day, one of the street views, and at night the light of lamps and
windows."""

from __future__ import annotations

import random

import pygame

from trainer.ui.art import light as weather_light
from trainer.ui.art.palette import Light, light, mix
from trainer.ui.art.pen import vertical_gradient
from trainer.ui.art.scene import Scene, add_glow
from trainer.ui.art.views import VIEWS

GROUND_Y_FRACTION = 0.86
"""Where people and vehicles stand: feet at round(height * GROUND_Y_FRACTION)."""

INDOORS = frozenset({"trein", "winkel_kantoor"})
"""Views lit from inside: no pools of street light on the floor where people stand."""


def render(
    backdrop: str, time_of_day: str, size: tuple[int, int], seed: int, weather: str = "droog"
) -> pygame.Surface:
    return build_scene(backdrop, time_of_day, size, seed, weather).surface


def build_scene(
    backdrop: str, time_of_day: str, size: tuple[int, int], seed: int, weather: str = "droog"
) -> Scene:
    """Draw the backdrop and keep what was placed (lamps, lit windows) for inspection.

    `time_of_day` picks the light ('ochtend', 'middag', 'avond' for dusk, 'nacht' for dark: the model's
    `Atmosphere.palette`); `weather` ('droog', 'motregen', 'regen', 'mist') greys the sky and wets or fogs
    the still picture (light.py). What falls and drifts is drawn per frame by weather.py."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    view, metres = VIEWS.get(backdrop, VIEWS["woonstraat"])
    name = backdrop if backdrop in VIEWS else "woonstraat"
    lt = weather_light.overcast(light(time_of_day), weather)
    surface = pygame.Surface((w, h))
    # One stream for the layout, another for which windows are lit: day and night share the street.
    scene = Scene(
        surface, lt, random.Random(f"{name}:{seed}"), random.Random(f"{name}:{seed}:lit"), metres * h
    )
    _sky(scene, lt, random.Random(f"sky:{seed}"))
    weather_light.cloud_deck(scene, weather, random.Random(f"clouds:{seed}"))
    view(scene, time_of_day)
    _foreground_shade(scene)
    indoors = name in INDOORS
    base = weather_light.FACADE_BASE.get(name, 0.62) * h
    if str(weather) == weather_light.FOG:  # fog veils the street before the lamps shine through it
        weather_light.apply(scene, weather, base, indoors)
    if lt.lamps_on:
        _night_light(scene, lt, random.Random(f"pools:{name}:{seed}"), pools=not indoors)
    if str(weather) != weather_light.FOG:
        weather_light.apply(scene, weather, base, indoors)
    return scene


def _foreground_shade(scene: Scene) -> None:
    """Darken the nearest ground a little: depth, and calmer contrast under people's feet."""
    h = scene.h
    top = round(h * 0.8)
    shade = pygame.Surface((scene.w, h - top))
    for i in range(h - top):
        v = 255 - round(30 * i / max(1, h - top - 1))
        pygame.draw.line(shade, (v, v, v), (0, i), (scene.w, i))
    scene.surface.blit(shade, (0, top), special_flags=pygame.BLEND_RGB_MULT)


def _sky(scene: Scene, lt: Light, rng: random.Random) -> None:
    w, h = scene.w, scene.h
    horizon = round(0.66 * h)
    vertical_gradient(scene.surface, pygame.Rect(0, 0, w, horizon), lt.sky_top, lt.sky_horizon)
    if lt.stars:
        for _ in range(w * h // 9000):
            x, y = rng.random() * w, rng.random() * h * 0.45
            b = rng.randint(120, 230)
            scene.surface.set_at((int(x), int(y)), (b, b, min(255, b + 20)))
        mx, my, r = w * 0.78, h * 0.12, h * 0.035
        add_glow(scene, mx, my, r * 7, r * 7, (40, 44, 60))
        pygame.draw.circle(scene.surface, (232, 230, 212), (mx, my), r)
        for dx, dy, rr in ((-0.3, -0.2, 0.28), (0.25, 0.3, 0.2), (0.35, -0.35, 0.12)):
            pygame.draw.circle(scene.surface, (212, 210, 192), (mx + dx * r, my + dy * r), r * rr)
        return
    cloud = mix(lt.sky_horizon, lt.sky_top, 0.35) if lt.glow else mix(lt.sky_top, (255, 255, 255), 0.78)
    shadow = mix(cloud, lt.sky_top, 0.25)
    for _ in range(max(1, w // 420)):
        cx, cy = rng.random() * w, h * (0.06 + rng.random() * 0.24)
        size = h * (0.03 + rng.random() * 0.03)
        puffs = [
            (
                cx + (i - 2) * size * 0.9 + rng.uniform(-5, 5),
                cy - size * rng.uniform(0.0, 0.7),
                size * rng.uniform(0.7, 1.1),
            )
            for i in range(5)
        ]
        for px, py, r in puffs:
            pygame.draw.circle(scene.surface, shadow, (px, py + r * 0.15), r)
        for px, py, r in puffs:
            pygame.draw.circle(scene.surface, cloud, (px, py), r * 0.94)


def _night_light(scene: Scene, lt: Light, rng: random.Random, pools: bool = True) -> None:
    """Additive light: window halos, lamp heads, pools under the lamps and on the ground where people
    stand."""
    k = lt.glow
    warm = (int(150 * k), int(110 * k), int(50 * k))
    for rect, colour in scene.glows:
        add_glow(
            scene,
            rect.centerx,
            rect.centery,
            rect.width,
            rect.height,
            (int(colour[0] * k), int(colour[1] * k), int(colour[2] * k)),
        )
    for x, head_y, ground_y in scene.lamps:
        tall = max(4.0, ground_y - head_y)
        add_glow(scene, x, head_y, tall * 0.7, tall * 0.7, (int(170 * k), int(140 * k), int(80 * k)))
        add_glow(scene, x, ground_y, tall * 2.0, tall * 0.35, warm)
    if not pools:
        return
    h, w = scene.h, scene.w
    y = h * GROUND_Y_FRACTION
    spacing = h * 1.3
    x = rng.uniform(0, spacing)
    while x < w + spacing:
        add_glow(scene, x, y, h * 1.1, h * 0.2, (int(70 * k), int(56 * k), int(30 * k)))
        x += spacing * rng.uniform(0.8, 1.2)
