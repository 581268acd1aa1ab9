"""Gardens of detached houses and their edge on the street: old beeches, a line of far crowns, drives, shrubs,
hedges, garden walls, gate pillars and the small lights of a villa district.

x, base are pixels; sizes are metres times `scene.m` (or a smaller scale passed in, for what stands back).
"""

from __future__ import annotations

import math

import pygame

from trainer.ui.art.palette import RGB, mix, shade
from trainer.ui.art.scene import Scene

HEDGE: RGB = (58, 96, 58)
BEECH: RGB = (86, 122, 64)
COPPER_BEECH: RGB = (110, 62, 60)
BEECH_BARK: RGB = (132, 130, 122)
GRAVEL: RGB = (198, 188, 164)
LAMP_GLOBE: RGB = (255, 232, 186)


# --- far off ---------------------------------------------------------------------------------------


def woods(scene: Scene, base: float) -> None:
    """The old trees of the gardens further back: a soft, hazy, uneven line of crowns above the roofs."""
    rng, u = scene.rng, scene.m * 0.5
    haze = mix(scene.t((70, 100, 66)), scene.light.sky_horizon, 0.42)
    dark = shade(haze, 0.92)
    x = -rng.uniform(0, 6) * u
    while x < scene.w + 4 * u:
        tall = rng.uniform(12, 22) * u  # one crown: a cluster of rounds on its own height
        r = rng.uniform(2.6, 4.2) * u
        for _ in range(4):
            cx, cy = x + rng.uniform(-r, r), base - tall + rng.uniform(0, tall * 0.3)
            pygame.draw.circle(scene.surface, dark, (cx + r * 0.2, cy + r * 0.15), r)
            pygame.draw.circle(scene.surface, haze, (cx, cy), r * 0.92)
        pygame.draw.rect(
            scene.surface, haze, (round(x - r), round(base - tall + r * 0.5), round(2 * r), round(tall))
        )
        x += r * rng.uniform(1.2, 1.8)
    pygame.draw.rect(scene.surface, dark, (0, round(base - 4 * u), scene.w, round(4 * u) + 2))


# --- trees -----------------------------------------------------------------------------------------


def beech(scene: Scene, x: float, foot: float, k: float, height: float, copper: bool = False) -> None:
    """An old beech: a smooth grey trunk that forks into limbs, under a broad, low-hanging dome of leaves."""
    m, rng = scene.m * k, scene.rng
    bark, dark_bark = BEECH_BARK, shade(BEECH_BARK, 0.72)
    crown_base = foot - height * 0.42 * m
    girth = 0.42 * m
    scene.poly(
        bark,
        [
            (x - girth * 1.5, foot),
            (x + girth * 1.5, foot),
            (x + girth * 0.9, foot - 0.6 * m),
            (x + girth * 0.8, crown_base),
            (x - girth * 0.8, crown_base),
            (x - girth * 0.9, foot - 0.6 * m),
        ],
    )
    scene.rect(dark_bark, x + girth * 0.25, crown_base, girth * 0.55, foot - crown_base - 0.5 * m)
    limbs = []
    for side in (-1.0, -0.35, 0.4, 1.0):
        end = (x + side * height * 0.22 * m, crown_base - height * rng.uniform(0.18, 0.26) * m)
        limbs.append(end)
        pygame.draw.line(
            scene.surface, scene.t(bark), (x, crown_base + 0.4 * m), end, max(1, round(girth * 0.7))
        )
    leaf = COPPER_BEECH if copper else BEECH
    cx, cy = x, foot - height * 0.64 * m
    rx, ry = height * 0.36 * m, height * 0.3 * m
    blobs = []
    for i in range(22):
        a = i / 22 * math.tau + rng.random() * 0.3
        d = 0.3 + rng.random() * 0.55
        blobs.append((cx + math.cos(a) * rx * d, cy + math.sin(a) * ry * d * 0.85, min(rx, ry) * 0.36))
    for lx, ly in limbs:  # the crown hangs low over the limbs' ends
        blobs.append((lx, ly + 0.6 * m, min(rx, ry) * 0.3))
    dark, light = shade(leaf, 0.74), mix(leaf, (214, 222, 150), 0.08)
    for bx, by, r in blobs:
        pygame.draw.circle(scene.surface, scene.t(dark), (bx + r * 0.14, by + r * 0.12), r)
    for bx, by, r in blobs:
        pygame.draw.circle(scene.surface, scene.t(leaf), (bx - r * 0.1, by - r * 0.08), r * 0.88)
    for bx, by, r in blobs:  # sunlit tufts on the upper left of each round
        if by < cy and rng.random() < 0.6:
            pygame.draw.circle(scene.surface, scene.t(light), (bx - r * 0.3, by - r * 0.3), r * 0.45)
    for lx, ly in limbs[1:3]:  # a glimpse of the limbs through the leaves
        pygame.draw.line(
            scene.surface, scene.t(dark_bark), (x, cy + ry * 0.3), (lx, ly + 1.0 * m), max(1, round(0.12 * m))
        )


def garden_tree(scene: Scene, x: float, foot: float, k: float) -> None:
    """A tree between two villas, `k` times as far as scene.m: an old beech (now and then a copper one), or a
    dark conifer."""
    rng, u = scene.rng, scene.m * k
    roll = rng.random()
    if roll < 0.25:
        green = scene.t((46, 78, 60))
        hgt = rng.uniform(9, 13) * u
        pts = [(x, foot - hgt), (x + 1.9 * u, foot - 0.5 * u), (x - 1.9 * u, foot - 0.5 * u)]
        pygame.draw.polygon(scene.surface, green, pts)
        pygame.draw.polygon(scene.surface, shade(green, 0.8), [pts[0], pts[1], (x + 0.3 * u, foot - 0.5 * u)])
        return
    beech(scene, x, foot, k, rng.uniform(15, 22), copper=roll > 0.85)


def lantern(scene: Scene, x: float, y: float, r: float) -> None:
    """A small light (wall lantern, lamp on a gate pillar): a dim glass by day, glowing from dusk."""
    if scene.night:
        pygame.draw.circle(scene.surface, LAMP_GLOBE, (x, y), max(1.5, r))
        scene.glows.append(
            (pygame.Rect(round(x - r * 6), round(y - r * 6), round(r * 12), round(r * 12)), (120, 96, 50))
        )
    else:
        pygame.draw.circle(scene.surface, scene.t((214, 214, 206)), (x, y), max(1.5, r))
        pygame.draw.circle(scene.surface, scene.t((40, 40, 44)), (x, y), max(1.5, r), 1)


# --- gardens and their edge ------------------------------------------------------------------------


def front_garden(
    scene: Scene, left: float, right: float, drive: float, vb: float, hb: float, u: float
) -> None:
    """A drive of gravel or brick from the villa to the gate, shrubs and a low garden lamp."""
    rng, m = scene.rng, scene.m
    gravel = rng.random() < 0.6
    colour = GRAVEL if gravel else (150, 96, 80)
    near, far = 1.9 * m, 1.5 * u
    pts = [(drive - far, vb), (drive + far, vb), (drive + near, hb), (drive - near, hb)]
    scene.poly(colour, pts)
    pygame.draw.lines(scene.surface, scene.t(shade(colour, 0.8)), False, [pts[1], pts[2]])
    pygame.draw.lines(scene.surface, scene.t(shade(colour, 0.8)), False, [pts[0], pts[3]])
    speck = scene.t(shade(colour, 0.86))
    for _ in range(int((hb - vb) * near / 18)):
        t = rng.random()
        half = far + (near - far) * t
        sy = vb + (hb - vb) * t
        scene.surface.set_at((int(drive + rng.uniform(-half, half)), int(sy)), speck)
    for _ in range(rng.randint(2, 4)):  # rounded shrubs along the villa
        sx = rng.uniform(left, right)
        if abs(sx - drive) < near * 1.6:
            continue
        r = rng.uniform(0.7, 1.3) * u
        green = rng.choice(((70, 108, 64), (58, 92, 60), (84, 116, 70)))
        pygame.draw.circle(
            scene.surface, scene.t(shade(green, 0.8)), (sx + r * 0.15, vb + 0.3 * u - r * 0.6), r
        )
        pygame.draw.circle(scene.surface, scene.t(green), (sx, vb + 0.2 * u - r * 0.7), r * 0.85)
    bx = drive + near * 0.85 * (1 if rng.random() < 0.5 else -1)  # a garden lamp by the drive
    by = hb - 0.22 * (hb - vb)
    scene.rect((40, 42, 44), bx - 0.05 * m, by - 0.7 * m, 0.1 * m, 0.7 * m)
    lantern(scene, bx, by - 0.78 * m, 0.11 * m)


def boundary(scene: Scene, drives: list[float], hb: float) -> None:
    """Hedges along the pavement, opened for each drive between two gate pillars; now and then a low wall
    with an open lawn behind it instead."""
    rng, m = scene.rng, scene.m
    openings = sorted(drives)
    edges = [-4 * m] + [v for d in openings for v in (d - 2.2 * m, d + 2.2 * m)] + [scene.w + 4 * m]
    for i in range(0, len(edges) - 1, 2):
        x0, x1 = edges[i], edges[i + 1]
        if x1 <= x0:
            continue
        if rng.random() < 0.22:
            _low_wall(scene, x0, x1, hb, m)
        else:
            _hedge(scene, x0, x1, hb, rng.uniform(1.4, 2.0) * m)
    for d in openings:
        if rng.random() < 0.45:  # an iron gate, swung open into the garden
            _gate_leaf(scene, d - 2.0 * m, hb - 0.15 * m, m)
        for s in (-1, 1):
            _pillar(scene, d + s * 2.2 * m, hb, m, lamp=s > 0 and rng.random() < 0.7)


def _gate_leaf(scene: Scene, x: float, base: float, m: float) -> None:
    """A wrought-iron gate leaf seen almost edge-on: bars between two rails, just inside the pillar."""
    iron = scene.t((30, 32, 34))
    w, tall = 0.55 * m, 1.2 * m
    for i in range(6):
        bx = x + w * i / 5
        pygame.draw.line(
            scene.surface, iron, (bx, base), (bx, base - tall - 0.12 * m * (1 - abs(i - 2.5) / 2.5))
        )
    for y in (base - 0.15 * m, base - tall * 0.85):
        pygame.draw.line(scene.surface, iron, (x, y), (x + w, y), max(1, round(0.05 * m)))


def _hedge(scene: Scene, x0: float, x1: float, base: float, tall: float) -> None:
    """A clipped hedge: a flat front with a soft, slightly uneven top."""
    rng = scene.rng
    top = base - tall
    dark, mid = scene.t(shade(HEDGE, 0.8)), scene.t(HEDGE)
    pygame.draw.rect(scene.surface, dark, pygame.Rect(round(x0), round(top), round(x1 - x0), round(tall) + 1))
    pygame.draw.rect(
        scene.surface,
        mid,
        pygame.Rect(round(x0), round(top + tall * 0.12), round(x1 - x0), round(tall * 0.6)),
    )
    r = max(2.0, tall * 0.16)
    x = x0
    while x < x1:
        pygame.draw.circle(scene.surface, mid, (x, top + r * 0.6 + rng.uniform(-1, 1)), r)
        x += r * 1.3
    leaf = scene.t(mix(HEDGE, (160, 190, 110), 0.25))
    for _ in range(int((x1 - x0) * tall / 40)):
        lx, ly = rng.uniform(x0, x1), rng.uniform(top + r * 0.4, base - tall * 0.2)
        scene.surface.set_at((int(lx), int(ly)), leaf)
    pygame.draw.rect(
        scene.surface,
        scene.t(shade(HEDGE, 0.55)),
        pygame.Rect(round(x0), round(base - tall * 0.12), round(x1 - x0), round(tall * 0.12) + 1),
    )


def _low_wall(scene: Scene, x0: float, x1: float, base: float, m: float) -> None:
    brick = (132, 70, 56)
    scene.rect(brick, x0, base - 0.7 * m, x1 - x0, 0.7 * m)
    mortar = scene.t(shade(brick, 0.86))
    for i in range(1, 4):
        y = base - 0.7 * m * i / 4
        pygame.draw.line(scene.surface, mortar, (x0, y), (x1, y))
    scene.rect((204, 200, 190), x0, base - 0.8 * m, x1 - x0, 0.12 * m)


def _pillar(scene: Scene, x: float, base: float, m: float, lamp: bool) -> None:
    brick = (136, 72, 56)
    scene.rect(brick, x - 0.25 * m, base - 1.5 * m, 0.5 * m, 1.5 * m)
    scene.rect(shade(brick, 0.8), x + 0.12 * m, base - 1.5 * m, 0.13 * m, 1.5 * m)
    scene.rect((210, 206, 196), x - 0.32 * m, base - 1.62 * m, 0.64 * m, 0.14 * m)
    if lamp:
        lantern(scene, x, base - 1.82 * m, 0.17 * m)
        scene.lamps.append((x, base - 1.82 * m, base))


def leaves(scene: Scene, y0: float, y1: float) -> None:
    """Fallen beech leaves in the verge and along the gutter."""
    rng = scene.rng
    colours = [scene.t(c) for c in ((150, 96, 44), (176, 120, 56), (120, 76, 40))]
    for _ in range(scene.w // 5):
        lx, ly = rng.uniform(0, scene.w), rng.uniform(y0, y1)
        pygame.draw.ellipse(scene.surface, rng.choice(colours), (lx, ly, 3, 2))
