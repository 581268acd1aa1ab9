"""Ground surfaces, receding towards the facades: brick streets, tiled pavements, asphalt, a red bike path,
grass and water. Rows get taller towards the bottom edge, which gives depth without a vanishing point.
"""

from __future__ import annotations

import pygame

from trainer.ui.art.palette import RGB, mix, shade
from trainer.ui.art.pen import vertical_gradient
from trainer.ui.art.scene import Scene

BRICK_ROAD: RGB = (142, 96, 82)
TILE: RGB = (164, 162, 156)
PLAZA: RGB = (184, 180, 170)
ASPHALT: RGB = (78, 80, 86)
BIKE_RED: RGB = (164, 78, 66)
GRASS: RGB = (104, 142, 78)
KERB: RGB = (190, 188, 182)


def _rows(y0: float, y1: float, first: float, growth: float) -> list[tuple[float, float]]:
    rows = []
    y = y0
    while y < y1:
        h = first * (1 + growth * (y - y0) / max(1.0, y1 - y0))
        rows.append((y, min(h, y1 - y)))
        y += h
    return rows


def paving(
    scene: Scene,
    y0: float,
    y1: float,
    colour: RGB,
    first: float,
    ratio: float,
    growth: float = 3.0,
    stagger: bool = True,
) -> None:
    """Bricks or tiles: rows of `first` px growing towards the bottom, joints every `ratio` row heights."""
    surf = scene.surface
    base = scene.t(colour)
    mortar = scene.t(shade(colour, 0.87))
    pygame.draw.rect(surf, base, pygame.Rect(0, round(y0), scene.w, round(y1 - y0) + 1))
    for i, (y, h) in enumerate(_rows(y0, y1, first, growth)):
        if i % 3 == 1:
            pygame.draw.rect(
                surf, scene.t(shade(colour, 0.97)), pygame.Rect(0, round(y), scene.w, max(1, round(h)))
            )
        pygame.draw.line(surf, mortar, (0, round(y)), (scene.w, round(y)))
        step = h * ratio
        if step < 3:
            continue
        x = step / 2 if stagger and i % 2 else 0.0
        while x < scene.w:
            pygame.draw.line(surf, mortar, (round(x), round(y)), (round(x), round(y + h)))
            x += step


def asphalt(scene: Scene, y0: float, y1: float, colour: RGB = ASPHALT) -> None:
    top, bottom = scene.t(shade(colour, 0.92)), scene.t(colour)
    vertical_gradient(scene.surface, pygame.Rect(0, round(y0), scene.w, round(y1 - y0) + 1), top, bottom)
    rng = scene.rng
    speck = scene.t(shade(colour, 1.12))
    for _ in range(scene.w // 6):
        x, y = rng.random() * scene.w, y0 + rng.random() * (y1 - y0)
        scene.surface.set_at((int(x), int(y)), speck)


def kerb(scene: Scene, y: float, height: float) -> None:
    """A kerb: the light top edge and its shaded face."""
    scene.rect(KERB, 0, y, scene.w, height * 0.45)
    scene.rect(shade(KERB, 0.7), 0, y + height * 0.45, scene.w, height * 0.55)


def dashes(
    scene: Scene, y: float, thick: float, dash: float, gap: float, colour: RGB = (236, 236, 230)
) -> None:
    x = 0.0
    while x < scene.w:
        scene.rect(colour, x, y, dash, thick)
        x += dash + gap


def grass(scene: Scene, y0: float, y1: float) -> None:
    vertical_gradient(
        scene.surface,
        pygame.Rect(0, round(y0), scene.w, round(y1 - y0) + 1),
        scene.t(shade(GRASS, 0.88)),
        scene.t(GRASS),
    )
    rng = scene.rng
    blade = scene.t(shade(GRASS, 0.8))
    for _ in range(scene.w // 4):
        x, y = rng.random() * scene.w, y0 + rng.random() * (y1 - y0)
        pygame.draw.line(scene.surface, blade, (x, y), (x + 1, y - 2 - (y - y0) * 0.03))


def water(scene: Scene, y0: float, y1: float) -> None:
    """A canal reflecting the sky, with a few ripples."""
    sky = scene.light
    top = mix(sky.sky_horizon, (40, 60, 70), 0.45)
    bottom = mix(sky.sky_top, (30, 46, 56), 0.55)
    vertical_gradient(scene.surface, pygame.Rect(0, round(y0), scene.w, round(y1 - y0) + 1), top, bottom)
    rng = scene.rng
    ripple = mix(top, (255, 255, 255), 0.18)
    for _ in range(scene.w // 40):
        x, y = rng.random() * scene.w, y0 + 2 + rng.random() * (y1 - y0 - 4)
        pygame.draw.line(scene.surface, ripple, (x, y), (x + 8 + rng.random() * 30, y))
