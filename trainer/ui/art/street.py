"""Street furniture in flat illustration: lamp posts, trees, benches, bollards, parked bikes, terraces,
shelters.

Positions are pixels; sizes are metres times `k * scene.m` (k > 1 for things nearer than the facades).
"""

from __future__ import annotations

import math

import pygame

from trainer.ui.art.palette import RGB, mix, shade
from trainer.ui.art.scene import Scene

LAMP_GREEN: RGB = (44, 66, 58)
STEEL: RGB = (118, 124, 132)
LAMP_ON: RGB = (255, 236, 190)


def lamp_classic(scene: Scene, x: float, ground: float, k: float = 1.0) -> None:
    """The green lantern post of Dutch residential streets and squares."""
    m = scene.m * k
    top = ground - 4.2 * m
    scene.rect(LAMP_GREEN, x - 0.09 * m, top, 0.18 * m, 4.2 * m)
    scene.rect(LAMP_GREEN, x - 0.16 * m, ground - 0.5 * m, 0.32 * m, 0.5 * m)
    scene.rect(LAMP_GREEN, x - 0.22 * m, top - 0.08 * m, 0.44 * m, 0.1 * m)
    glass = [
        (x - 0.26 * m, top - 0.75 * m),
        (x + 0.26 * m, top - 0.75 * m),
        (x + 0.18 * m, top - 0.08 * m),
        (x - 0.18 * m, top - 0.08 * m),
    ]
    if scene.night:
        pygame.draw.polygon(scene.surface, LAMP_ON, glass)
    else:
        scene.poly((196, 204, 206), glass)
    scene.poly(
        LAMP_GREEN, [(x - 0.34 * m, top - 0.75 * m), (x + 0.34 * m, top - 0.75 * m), (x, top - 1.05 * m)]
    )
    scene.lamps.append((x, top - 0.42 * m, ground))


def lamp_mast(scene: Scene, x: float, ground: float, k: float = 1.0, side: int = 1) -> None:
    """A tall modern mast with an arm, as on station squares, main roads and bike paths."""
    m = scene.m * k
    top = ground - 7.0 * m
    scene.poly(
        STEEL, [(x - 0.12 * m, ground), (x + 0.12 * m, ground), (x + 0.06 * m, top), (x - 0.06 * m, top)]
    )
    end = x + side * 1.4 * m
    pygame.draw.line(scene.surface, scene.t(STEEL), (x, top), (end, top - 0.25 * m), max(1, round(0.1 * m)))
    head = pygame.Rect(0, 0, round(0.9 * m), max(2, round(0.2 * m)))
    head.center = (round(end), round(top - 0.2 * m))
    pygame.draw.rect(scene.surface, scene.t((70, 74, 80)), head, border_radius=max(1, head.height // 2))
    if scene.night:
        pygame.draw.rect(
            scene.surface,
            LAMP_ON,
            head.inflate(-head.width // 5, -head.height // 2).move(0, head.height // 3),
        )
    scene.lamps.append((end, top - 0.1 * m, ground))


def tree(scene: Scene, x: float, ground: float, k: float = 1.0, height: float = 8.0, kind: int = 0) -> None:
    """A street tree: a trunk and a crown of overlapping rounds, shaded on the right."""
    m = scene.m * k
    rng = scene.rng
    trunk = (92, 74, 60)
    crown_h = height * 0.62
    scene.poly(
        trunk,
        [
            (x - 0.22 * m, ground),
            (x + 0.22 * m, ground),
            (x + 0.12 * m, ground - height * 0.55 * m),
            (x - 0.12 * m, ground - height * 0.55 * m),
        ],
    )
    greens = ((88, 132, 76), (74, 120, 70), (104, 144, 84), (96, 128, 64))
    base = greens[kind % len(greens)]
    cy = ground - (height - crown_h / 2) * m
    rx, ry = crown_h * (0.42 if kind % 3 == 2 else 0.58) * m, crown_h / 2 * m
    dark = shade(base, 0.78)
    blobs = []
    for i in range(7):
        ang = i / 7 * math.tau + rng.random() * 0.5
        blobs.append(
            (
                x + math.cos(ang) * rx * 0.55,
                cy + math.sin(ang) * ry * 0.5,
                min(rx, ry) * (0.5 + rng.random() * 0.15),
            )
        )
    for bx, by, r in blobs:
        pygame.draw.circle(scene.surface, scene.t(dark), (bx + r * 0.12, by + r * 0.08), r)
    for bx, by, r in blobs:
        pygame.draw.circle(scene.surface, scene.t(base), (bx - r * 0.1, by - r * 0.06), r * 0.9)
    pygame.draw.circle(
        scene.surface,
        scene.t(mix(base, (200, 220, 160), 0.18)),
        (x - rx * 0.3, cy - ry * 0.35),
        min(rx, ry) * 0.32,
    )


def bench(scene: Scene, x: float, ground: float, k: float = 1.0) -> None:
    m = scene.m * k
    wood, iron = (150, 112, 76), (52, 56, 60)
    scene.rect(iron, x - 0.85 * m, ground - 0.45 * m, 0.08 * m, 0.45 * m)
    scene.rect(iron, x + 0.77 * m, ground - 0.45 * m, 0.08 * m, 0.45 * m)
    scene.rect(wood, x - 1.0 * m, ground - 0.5 * m, 2.0 * m, 0.1 * m)
    for i in range(3):
        scene.rect(
            shade(wood, 0.9 + 0.05 * i), x - 1.0 * m, ground - (0.75 + 0.13 * i) * m, 2.0 * m, 0.09 * m
        )


def bollards(scene: Scene, x0: float, x1: float, ground: float, k: float = 1.0) -> None:
    """A row of 'Amsterdammertjes'."""
    m = scene.m * k
    step = 1.6 * m
    x = x0
    colour = (86, 40, 34)
    while x < x1:
        scene.poly(
            colour,
            [
                (x - 0.09 * m, ground),
                (x + 0.09 * m, ground),
                (x + 0.07 * m, ground - 0.8 * m),
                (x - 0.07 * m, ground - 0.8 * m),
            ],
            aa=False,
        )
        pygame.draw.circle(scene.surface, scene.t(colour), (x, ground - 0.82 * m), 0.09 * m)
        x += step


def parked_bike(scene: Scene, x: float, ground: float, k: float, colour: RGB) -> None:
    """A small side-view bicycle silhouette for bike racks."""
    m = scene.m * k
    r = 0.33 * m
    tyre = scene.t((30, 30, 34))
    col = scene.t(colour)
    w = max(1, round(0.05 * m))
    for cx in (x - 0.55 * m, x + 0.55 * m):
        pygame.draw.circle(scene.surface, tyre, (cx, ground - r), r, max(1, round(0.06 * m)))
    bb = (x - 0.05 * m, ground - r * 0.9)
    seat = (x - 0.2 * m, ground - 0.95 * m)
    head = (x + 0.42 * m, ground - 0.95 * m)
    for a, b in (
        (bb, seat),
        (bb, head),
        ((x - 0.55 * m, ground - r), bb),
        ((x - 0.55 * m, ground - r), seat),
        (head, (x + 0.55 * m, ground - r)),
    ):
        pygame.draw.line(scene.surface, col, a, b, w)
    pygame.draw.line(scene.surface, tyre, (seat[0] - 0.1 * m, seat[1]), (seat[0] + 0.1 * m, seat[1]), w + 1)
    pygame.draw.line(scene.surface, tyre, head, (head[0] - 0.12 * m, head[1] - 0.08 * m), w + 1)


def bike_rack(scene: Scene, x0: float, x1: float, ground: float, k: float = 1.0) -> None:
    """A row of parked bicycles, as in front of every Dutch station."""
    m = scene.m * k
    colours = ((40, 42, 48), (60, 80, 110), (120, 40, 40), (70, 90, 70), (170, 170, 176), (30, 30, 30))
    x = x0
    pygame.draw.line(
        scene.surface,
        scene.t(STEEL),
        (x0, ground - 0.55 * m),
        (x1, ground - 0.55 * m),
        max(1, round(0.05 * m)),
    )
    while x < x1:
        parked_bike(scene, x, ground, k, colours[scene.rng.randrange(len(colours))])
        x += (0.45 + scene.rng.random() * 0.35) * m


def planter(scene: Scene, x: float, ground: float, k: float = 1.0) -> None:
    m = scene.m * k
    scene.rect((120, 124, 128), x - 0.7 * m, ground - 0.6 * m, 1.4 * m, 0.6 * m)
    for i, dx in enumerate((-0.4, 0.0, 0.4)):
        pygame.draw.circle(
            scene.surface,
            scene.t(((76, 120, 70), (92, 136, 78), (70, 110, 64))[i]),
            (x + dx * m, ground - 0.75 * m),
            0.38 * m,
        )


def terrace(scene: Scene, x: float, ground: float, k: float = 1.0, colour: RGB = (230, 226, 216)) -> None:
    """A café parasol with a table and two chairs."""
    m = scene.m * k
    pole = (90, 92, 96)
    scene.rect(pole, x - 0.04 * m, ground - 2.3 * m, 0.08 * m, 2.3 * m)
    scene.poly(
        colour, [(x - 1.5 * m, ground - 2.1 * m), (x + 1.5 * m, ground - 2.1 * m), (x, ground - 2.7 * m)]
    )
    scene.rect(shade(colour, 0.85), x - 1.5 * m, ground - 2.12 * m, 3.0 * m, 0.12 * m)
    scene.rect((70, 70, 74), x - 0.45 * m, ground - 0.75 * m, 0.9 * m, 0.06 * m)
    scene.rect((70, 70, 74), x - 0.03 * m, ground - 0.75 * m, 0.06 * m, 0.75 * m)
    for s in (-1, 1):
        cx = x + s * 0.8 * m
        scene.rect((60, 62, 66), cx - 0.2 * m, ground - 0.45 * m, 0.4 * m, 0.05 * m)
        scene.rect((60, 62, 66), cx + s * 0.17 * m - 0.025 * m, ground - 0.9 * m, 0.05 * m, 0.9 * m)
        scene.rect((60, 62, 66), cx - s * 0.17 * m - 0.025 * m, ground - 0.45 * m, 0.05 * m, 0.45 * m)


def shelter(scene: Scene, x: float, ground: float, k: float = 1.0) -> None:
    """A tram or bus shelter: glass panes under a flat roof."""
    m = scene.m * k
    w, h = 4.0 * m, 2.6 * m
    glass = mix(scene.light.sky_horizon, (170, 190, 200), 0.5)
    scene.rect(glass, x - w / 2, ground - h, w, h)
    for i in range(5):
        scene.rect((70, 76, 84), x - w / 2 + i * w / 4 - 0.04 * m, ground - h, 0.08 * m, h)
    scene.rect((60, 66, 74), x - w / 2 - 0.2 * m, ground - h - 0.2 * m, w + 0.4 * m, 0.22 * m)
    scene.rect((96, 100, 108), x - w / 2 + 0.3 * m, ground - 0.5 * m, w * 0.5, 0.08 * m)
    if scene.night:
        scene.emit((240, 236, 220), x - w / 2 + 0.1 * m, ground - h + 0.02 * m, w - 0.2 * m, 0.1 * m)
        scene.lamps.append((x, ground - h, ground))
