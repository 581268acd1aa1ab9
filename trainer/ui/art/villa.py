"""A villa district (villawijk): detached villas set back behind hedges and front gardens, a wide quiet lane
under big old beeches.

Depth in three planes, as in the other street views: the villas stand well back (VILLA_SCALE of `scene.m`),
each alone on its lot with lawn, shrubs and garden trees between; the hedges, gate pillars and garden walls
line the pavement at `scene.m`; the beeches in the verge and the lamps stand nearer still. People and cars
stand on the road, at the ground line. No shops and no bikes: nobody parks a row of bikes here.

Every villa drawn is kept in `scene.parts["villa"]` (its wall, left to right), so tests can check that they
stand apart.
"""

from __future__ import annotations

import math

import pygame

from trainer.ui.art import buildings as bld
from trainer.ui.art import garden, ground, street
from trainer.ui.art.palette import RGB, shade
from trainer.ui.art.scene import Scene

VILLA_BASE = 0.605  # where the villas meet their lawns, share of the height
HEDGE_BASE = 0.69  # the foot of the hedges along the pavement
VERGE_TOP = 0.712  # grass strip with the lane's beeches, between pavement and kerb
KERB_TOP = 0.742
ROAD_TOP = 0.754
VILLA_SCALE = 0.72  # the villas are that much further off than the hedges

PLASTER: tuple[RGB, ...] = ((236, 232, 222), (226, 220, 204), (214, 212, 204))
VILLA_BRICK: tuple[RGB, ...] = ((128, 60, 48), (150, 82, 60), (112, 70, 56), (164, 120, 92))
ROOF_DARK: tuple[RGB, ...] = ((58, 58, 64), (70, 60, 58), (92, 56, 46))
THATCH: RGB = (132, 114, 84)
SHUTTERS: tuple[RGB, ...] = ((44, 84, 64), (34, 44, 64), (236, 234, 226), (120, 44, 40))


def villawijk(scene: Scene, time_of_day: str) -> None:
    h, w, m, rng = scene.h, scene.w, scene.m, scene.rng
    u = m * VILLA_SCALE
    vb, hb = VILLA_BASE * h, HEDGE_BASE * h
    garden.woods(scene, vb)
    ground.grass(scene, vb - 0.004 * h, hb)
    lots: list[tuple[float, float, float]] = []  # villa left, right, and where its drive leaves the lot
    x = -rng.uniform(2.0, 9.0) * u
    while x < w + 6 * u:
        gap = rng.uniform(6.0, 12.0) * u
        garden.garden_tree(scene, x + gap * rng.uniform(0.3, 0.7), vb + 0.6 * u, VILLA_SCALE)
        x += gap
        vw = rng.uniform(11.0, 15.0) * u
        drive = _villa(scene, x, vw, vb, u)
        lots.append((x, x + vw, drive))
        x += vw
    for left, right, drive in lots:
        garden.front_garden(scene, left, right, drive, vb, hb, u)
    garden.boundary(scene, [d for _l, _r, d in lots], hb)
    ground.paving(scene, hb, VERGE_TOP * h, ground.TILE, 1.6, 2.2, growth=0.6)
    ground.grass(scene, VERGE_TOP * h, KERB_TOP * h)
    ground.kerb(scene, KERB_TOP * h, (ROAD_TOP - KERB_TOP) * h)
    ground.asphalt(scene, ROAD_TOP * h, h, (92, 92, 96))
    gutter = ROAD_TOP * h
    ground.paving(scene, gutter, gutter + 0.02 * h, (118, 116, 110), 0.01 * h, 1.8, growth=0.4)
    _lane(scene, gutter + 0.02 * h)
    garden.leaves(scene, VERGE_TOP * h, gutter + 0.03 * h)
    trees = street_positions(scene, 34.0, 6.0, 3.0)
    lamps = street_positions(scene, 30.0, 3.0, 14.0)
    for i, tx in enumerate(trees):
        garden.beech(scene, tx, (VERGE_TOP + 0.02) * h, 1.05, rng.uniform(16.0, 19.0), copper=i % 5 == 3)
    for lx in lamps:
        near = min(trees, key=lambda tx: abs(tx - lx), default=lx + 9 * m)
        if abs(lx - near) < 3.0 * m:  # never a lamp post against a trunk: step aside
            lx = near + (3.0 * m if lx >= near else -3.0 * m)
        street.lamp_classic(scene, lx, (VERGE_TOP + 0.024) * h, 1.1)


def _lane(scene: Scene, top: float) -> None:
    """The lane: two paler bands the tyres have polished, drain grates in the gutter, a few leaves."""
    h, m, rng = scene.h, scene.m, scene.rng
    for y, band in ((0.8, 0.04), (0.93, 0.06)):  # soft-edged: added light, strongest mid-band
        rows = max(2, round(band * h))
        sheen = pygame.Surface((scene.w, rows))
        for i in range(rows):
            k = round(7 * math.sin(math.pi * i / (rows - 1)) * scene.light.ambient[1])
            pygame.draw.line(sheen, (k, k, k), (0, i), (scene.w, i))
        scene.surface.blit(sheen, (0, round(y * h)), special_flags=pygame.BLEND_RGB_ADD)
    x = rng.uniform(2, 10) * m
    while x < scene.w:
        grate = pygame.Rect(round(x), round(top - 0.014 * h), round(0.6 * m), max(2, round(0.01 * h)))
        pygame.draw.rect(scene.surface, scene.t((48, 48, 50)), grate)
        for i in range(1, 4):
            gx = grate.x + grate.w * i / 4
            pygame.draw.line(scene.surface, scene.t((96, 96, 98)), (gx, grate.y), (gx, grate.bottom - 1))
        x += rng.uniform(18, 26) * m
    colours = [scene.t(c) for c in ((140, 92, 46), (166, 112, 54))]
    for _ in range(scene.w // 70):
        lx, ly = rng.uniform(0, scene.w), rng.uniform(top, h)
        size = 2 + (ly - top) / (h - top) * 3  # nearer leaves look bigger
        pygame.draw.ellipse(scene.surface, rng.choice(colours), (lx, ly, size * 1.5, size))


def street_positions(scene: Scene, every: float, jitter: float, offset: float) -> list[float]:
    """Positions along the lane every `every` metres (± jitter), deterministic per scene."""
    xs, x = [], (offset + scene.rng.uniform(0, every * 0.5)) * scene.m
    while x < scene.w + every * scene.m:
        xs.append(x)
        x += (every + scene.rng.uniform(-jitter, jitter)) * scene.m
    return xs


# --- villas ----------------------------------------------------------------------------------------


def _villa(scene: Scene, x: float, w: float, base: float, u: float) -> float:
    """A detached villa, left edge x; returns where its drive meets the hedge (pixels along the street)."""
    rng = scene.rng
    style = rng.choice(("schild", "schild", "riet", "modern", "gevel"))
    storeys = 1 if style == "riet" else 2
    wall_h = (3.2 if storeys == 1 else 6.0) * u
    top = base - wall_h
    wall = rng.choice(PLASTER) if style == "modern" or rng.random() < 0.45 else rng.choice(VILLA_BRICK)
    garage = rng.random() < 0.55
    gw = 3.6 * u
    gx = x + w - gw if rng.random() < 0.5 else x
    body_x, body_w = (x + gw, w - gw) if garage and gx == x else (x, w - gw if garage else w)
    scene.parts.setdefault("villa", []).append(pygame.Rect(round(x), round(top), round(w), round(wall_h)))
    if style == "riet":
        _thatch(scene, body_x, body_w, top, base, u)
    elif style == "modern":
        _modern(scene, body_x, body_w, base, u, wall)
    else:
        _walls(scene, body_x, body_w, top, base, u, wall)
        _hipped(scene, body_x, body_w, top, u, rng.choice(ROOF_DARK))
        if style == "gevel":
            _gable_wing(scene, body_x, body_w, top, base, u, wall)
    if style != "modern":
        _windows(scene, body_x, body_w, base, u, storeys)
    door_x = body_x + body_w * rng.uniform(0.4, 0.6)
    _front_door(scene, door_x, base, u, style == "modern")
    if garage:
        _garage(scene, gx, gw, base, u, wall)
        return gx + gw / 2
    return door_x


def _walls(scene: Scene, x: float, w: float, top: float, base: float, u: float, colour: RGB) -> None:
    scene.rect(colour, x, top, w, base - top)
    if colour not in PLASTER:
        mortar = scene.t(shade(colour, 0.92))
        y = top + 0.4 * u
        while y < base and 0.4 * u > 3:
            pygame.draw.line(scene.surface, mortar, (x, y), (x + w - 1, y))
            y += 0.4 * u
    scene.rect(shade(colour, 0.68), x, base - 0.45 * u, w, 0.45 * u)  # plinth
    scene.rect(shade(colour, 0.82), x, top, w, 0.25 * u)  # shadow under the eaves


def _hipped(scene: Scene, x: float, w: float, top: float, u: float, tiles: RGB) -> None:
    """A steep hipped roof (schilddak) with a chimney and one or two dormers."""
    rng = scene.rng
    rise = min(5.2 * u, w * 0.42)
    over = 0.6 * u
    ridge = top - rise
    chim = x + w * rng.choice((0.28, 0.72))
    scene.rect((120, 64, 50), chim - 0.35 * u, ridge - 1.0 * u, 0.7 * u, 2.5 * u)
    scene.rect((92, 90, 88), chim - 0.45 * u, ridge - 1.15 * u, 0.9 * u, 0.2 * u)
    scene.poly(
        tiles,
        [
            (x - over, top + 0.2 * u),
            (x + w + over, top + 0.2 * u),
            (x + w - rise * 0.8, ridge),
            (x + rise * 0.8, ridge),
        ],
    )
    for i in range(1, 5):  # courses of tiles
        y = top + 0.2 * u - rise * i / 5
        inset = (rise * 0.8 + over) * i / 5
        pygame.draw.line(
            scene.surface, scene.t(shade(tiles, 0.85)), (x - over + inset, y), (x + w + over - inset, y)
        )
    scene.rect(shade(tiles, 0.6), x - over, top + 0.05 * u, w + 2 * over, 0.22 * u)  # gutter
    count = 2 if w > 12 * u else 1
    for i in range(count):
        dx = x + w * ((i + 1) / (count + 1))
        _dormer(scene, dx, top - rise * 0.22, u, tiles)


def _dormer(scene: Scene, cx: float, foot: float, u: float, tiles: RGB) -> None:
    scene.rect(bld.FRAME, cx - 0.9 * u, foot - 1.5 * u, 1.8 * u, 1.5 * u)
    bld.window(scene, cx - 0.7 * u, foot - 1.35 * u, 1.4 * u, 1.1 * u, scene.light.lit_windows * 0.6)
    scene.poly(
        tiles, [(cx - 1.2 * u, foot - 1.45 * u), (cx + 1.2 * u, foot - 1.45 * u), (cx, foot - 2.3 * u)]
    )


def _thatch(scene: Scene, x: float, w: float, top: float, base: float, u: float) -> None:
    """A thatched villa: low white walls under a tall reed roof that comes down to the ground floor."""
    rng = scene.rng
    _walls(scene, x, w, top, base, u, PLASTER[0])
    over, rise = 0.8 * u, min(6.5 * u, w * 0.55)
    ridge = top - rise
    chim = x + w * 0.7
    scene.rect((120, 64, 50), chim - 0.35 * u, ridge - 0.9 * u, 0.7 * u, 2.2 * u)
    outline = [
        (x - over, top + 0.5 * u),
        (x - over * 0.6, top - 0.1 * u),
        (x + rise * 0.55, ridge + 0.3 * u),
        (x + rise * 0.62, ridge),
        (x + w - rise * 0.62, ridge),
        (x + w - rise * 0.55, ridge + 0.3 * u),
        (x + w + over * 0.6, top - 0.1 * u),
        (x + w + over, top + 0.5 * u),
    ]
    scene.poly(THATCH, outline)
    streak = scene.t(shade(THATCH, 0.86))
    lines = max(1, int(w / (0.35 * u)))
    for i in range(lines):  # the reed's grain, running from the eaves up to the ridge
        t = (i + rng.random() * 0.5) / lines
        foot = (x - over + (w + 2 * over) * t, top + 0.3 * u)
        head = (x + rise * 0.62 + (w - rise * 1.24) * t, ridge + 0.4 * u)
        pygame.draw.line(scene.surface, streak, foot, head)
    scene.rect(shade(THATCH, 0.7), x - over, top + 0.3 * u, w + 2 * over, 0.3 * u)  # the thick lower edge
    scene.rect((64, 62, 60), x + rise * 0.6, ridge - 0.35 * u, w - rise * 1.2, 0.5 * u)  # the ridge cap
    cx = x + w * 0.35  # an eyebrow dormer
    pygame.draw.ellipse(
        scene.surface, scene.t(shade(THATCH, 0.9)), (cx - 1.4 * u, top - rise * 0.55, 2.8 * u, 2.0 * u)
    )
    bld.window(
        scene, cx - 0.7 * u, top - rise * 0.55 + 0.7 * u, 1.4 * u, 0.9 * u, scene.light.lit_windows * 0.7
    )


def _modern(scene: Scene, x: float, w: float, base: float, u: float, wall: RGB) -> None:
    """A modern villa: two white blocks, the upper one shifted, wide glass and a strip of timber."""
    rng = scene.rng
    lower_top, upper_top = base - 3.1 * u, base - 6.2 * u
    shift = w * rng.uniform(-0.12, 0.12)
    ux, uw = x + w * 0.12 + shift, w * 0.76
    scene.rect(wall, x, lower_top, w, base - lower_top)
    scene.rect(wall, ux, upper_top, uw, lower_top - upper_top)
    scene.rect((150, 108, 74), ux + uw * 0.62, upper_top, uw * 0.38, lower_top - upper_top)  # timber cladding
    for i in range(1, 8):
        lx = ux + uw * 0.62 + uw * 0.38 * i / 8
        pygame.draw.line(scene.surface, scene.t((124, 88, 60)), (lx, upper_top), (lx, lower_top))
    scene.rect((60, 62, 66), x - 0.2 * u, lower_top - 0.2 * u, w + 0.4 * u, 0.25 * u)  # roof edges
    scene.rect((60, 62, 66), ux - 0.2 * u, upper_top - 0.25 * u, uw + 0.4 * u, 0.3 * u)
    scene.rect(shade(wall, 0.7), x, base - 0.3 * u, w, 0.3 * u)
    lit = scene.light.lit_windows * 1.2
    bld.window(scene, x + 0.8 * u, base - 2.6 * u, w * 0.45, 2.2 * u, lit, frame=(60, 62, 66), cross=False)
    bld.window(
        scene, ux + 0.5 * u, upper_top + 0.7 * u, uw * 0.5, 1.6 * u, lit, frame=(60, 62, 66), cross=False
    )


def _gable_wing(scene: Scene, x: float, w: float, top: float, base: float, u: float, wall: RGB) -> None:
    """A wing that comes forward under its own steep gable, as on many villas of the 1920s and 30s."""
    left = scene.rng.random() < 0.5
    gw = min(5.0 * u, w * 0.42)
    gx = x + 0.4 * u if left else x + w - gw - 0.4 * u
    peak = top - 4.6 * u
    _walls(scene, gx, gw, top, base, u, wall)
    scene.poly(wall, [(gx, top + 1), (gx + gw, top + 1), (gx + gw / 2, peak)])
    roof = (60, 58, 62)
    for s in (-1, 1):
        edge = gx + gw / 2 + s * (gw / 2 + 0.5 * u)
        pygame.draw.line(
            scene.surface,
            scene.t(roof),
            (gx + gw / 2, peak - 0.3 * u),
            (edge, top + 0.3 * u),
            max(2, round(0.35 * u)),
        )
    bld.window(scene, gx + gw / 2 - 0.5 * u, top - 2.4 * u, 1.0 * u, 1.4 * u, scene.light.lit_windows)


def _windows(scene: Scene, x: float, w: float, base: float, u: float, storeys: int) -> None:
    """Ground-floor windows (some with shutters) and a row upstairs, leaving room for the front door."""
    rng = scene.rng
    shutters = rng.random() < 0.5
    colour = rng.choice(SHUTTERS)
    lit = scene.light.lit_windows * 1.3  # a villa at dusk: people are home
    cols = max(2, int(w / (3.2 * u)))
    gap = w / cols
    for c in range(cols):
        cx = x + gap * (c + 0.5)
        if abs(cx - (x + w / 2)) < gap * 0.45 and cols % 2:
            continue  # the door's bay
        bld.window(scene, cx - 0.8 * u, base - 2.6 * u, 1.6 * u, 1.8 * u, lit)
        if storeys > 1:
            bld.window(scene, cx - 0.65 * u, base - 5.4 * u, 1.3 * u, 1.5 * u, lit * 0.8)
        if shutters:
            for s in (-1, 1):
                sx = cx + s * 1.05 * u - 0.25 * u
                scene.rect(colour, sx, base - 2.6 * u, 0.5 * u, 1.8 * u)
                scene.rect(shade(colour, 0.8), sx + 0.22 * u, base - 2.6 * u, 0.06 * u, 1.8 * u)


def _front_door(scene: Scene, cx: float, base: float, u: float, modern: bool) -> None:
    """The front door under a small canopy, with a lantern beside it that burns from dusk."""
    colour = (60, 62, 66) if modern else bld.DOORS[scene.rng.randrange(len(bld.DOORS))]
    scene.rect(bld.FRAME if not modern else (90, 92, 96), cx - 0.65 * u, base - 2.55 * u, 1.3 * u, 2.55 * u)
    scene.rect(colour, cx - 0.5 * u, base - 2.35 * u, 1.0 * u, 2.35 * u)
    scene.rect(shade(colour, 0.8), cx - 0.35 * u, base - 2.15 * u, 0.7 * u, 0.9 * u)
    scene.rect((150, 148, 142), cx - 0.9 * u, base - 0.18 * u, 1.8 * u, 0.18 * u)
    if not modern:
        scene.rect((70, 70, 74), cx - 1.0 * u, base - 2.9 * u, 2.0 * u, 0.25 * u)
    lx, ly = cx + 0.95 * u, base - 1.9 * u
    garden.lantern(scene, lx, ly, 0.16 * u)


def _garage(scene: Scene, x: float, w: float, base: float, u: float, wall: RGB) -> None:
    top = base - 3.0 * u
    scene.rect(wall, x, top, w, base - top)
    scene.rect((60, 62, 66), x - 0.15 * u, top - 0.25 * u, w + 0.3 * u, 0.3 * u)
    door = (214, 212, 204) if wall not in PLASTER else (92, 96, 100)
    dx, dw = x + 0.35 * u, w - 0.7 * u
    scene.rect(door, dx, base - 2.3 * u, dw, 2.3 * u)
    for i in range(1, 5):
        pygame.draw.line(
            scene.surface,
            scene.t(shade(door, 0.8)),
            (dx, base - 2.3 * u * i / 5),
            (dx + dw, base - 2.3 * u * i / 5),
        )
