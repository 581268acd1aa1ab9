"""The street views (a villa district in villa.py), and the insides: a train carriage (train.py) and a shop's
back office (office_room.py). Each lays out facades, ground and furniture for any width from a seeded Random.

Facades stand across the street (their base at `fb`); people and vehicles stand nearer, on the ground line.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from trainer.ui.art import buildings as bld
from trainer.ui.art import ground, street
from trainer.ui.art.office_room import winkel_kantoor
from trainer.ui.art.palette import RGB, mix
from trainer.ui.art.scene import Scene
from trainer.ui.art.station import office, skyline, station
from trainer.ui.art.train import trein
from trainer.ui.art.villa import villawijk

BRANDS: tuple[RGB, ...] = (
    (40, 90, 140),
    (160, 52, 50),
    (44, 110, 82),
    (196, 146, 44),
    (92, 64, 122),
    (34, 34, 38),
    (206, 108, 44),
)


def _facade(scene: Scene) -> RGB:
    rng = scene.rng
    return rng.choice(bld.PAINTED) if rng.random() < 0.22 else rng.choice(bld.BRICKS)


def _row_of_houses(
    scene: Scene, fb: float, widths: tuple[float, float], storeys: tuple[int, ...], styles: tuple[str, ...]
) -> None:
    m, rng = scene.m, scene.rng
    x = -rng.uniform(0.5, 3.0) * m
    while x < scene.w:
        w = rng.uniform(*widths) * m
        n = rng.choice(storeys)
        style = "pitched" if n <= 2 and rng.random() < 0.8 else rng.choice(styles)
        bld.house(scene, x, w, fb, n, style, _facade(scene))
        x += w


def _along(scene: Scene, every: float, jitter: float, offset: float = 0.0) -> list[float]:
    """Positions along the street every `every` metres (± jitter), deterministic per scene."""
    xs, x = [], (offset + scene.rng.uniform(0, every * 0.5)) * scene.m
    while x < scene.w + every * scene.m:
        xs.append(x)
        x += (every + scene.rng.uniform(-jitter, jitter)) * scene.m
    return xs


def woonstraat(scene: Scene, time_of_day: str) -> None:
    h = scene.h
    fb = 0.64 * h
    skyline(scene, fb, (10, 20), (120, 120, 128))
    _row_of_houses(scene, fb, (4.6, 6.6), (2, 2, 3, 3, 4), ("neck", "step", "flat", "neck"))
    pave = fb + 0.036 * h
    ground.paving(scene, fb, pave, ground.TILE, 2.0, 2.2, growth=0.6)
    ground.kerb(scene, pave, 0.012 * h)
    ground.paving(scene, pave + 0.012 * h, h, ground.BRICK_ROAD, 3.0, 2.3, growth=5.0)
    for x in _along(scene, 9.0, 3.0):
        if scene.rng.random() < 0.35:
            street.parked_bike(
                scene, x, fb + 0.012 * h, 0.95, scene.rng.choice(((40, 42, 48), (70, 90, 120)))
            )
    for i, x in enumerate(_along(scene, 15.0, 3.0)):
        street.tree(scene, x, pave, 1.05, scene.rng.uniform(7.0, 9.5), kind=i)
    for x in _along(scene, 24.0, 2.0, 7.0):
        street.lamp_classic(scene, x, pave + 0.004 * h, 1.05)


def winkelstraat(scene: Scene, time_of_day: str) -> None:
    h, m, rng = scene.h, scene.m, scene.rng
    fb = 0.64 * h
    skyline(scene, fb, (12, 22), (120, 118, 124))
    x = -rng.uniform(0.5, 2.0) * m
    while x < scene.w:
        w = rng.uniform(5.0, 8.0) * m
        bld.shop(scene, x, w, fb, rng.choice((2, 3, 3, 4)), _facade(scene), rng.choice(BRANDS))
        x += w
    ground.paving(scene, fb, h, (176, 172, 164), 2.5, 1.0, growth=6.0)
    gutter = 0.8 * h
    scene.rect((150, 148, 142), 0, gutter, scene.w, 0.01 * h)
    for x in _along(scene, 20.0, 4.0, 4.0):
        street.lamp_classic(scene, x, fb + 0.05 * h, 1.15)
    for i, x in enumerate(_along(scene, 26.0, 5.0, 12.0)):
        (street.planter if i % 2 else street.bench)(scene, x, fb + 0.07 * h, 1.2)


def stationsplein(scene: Scene, time_of_day: str) -> None:
    h, w, m, rng = scene.h, scene.w, scene.m, scene.rng
    fb = 0.6 * h
    skyline(scene, fb, (18, 40), (110, 116, 126))
    width = min(w * 0.42, 64 * m)
    x0 = w * 0.5 - width / 2 if w < 2000 else w * 0.34
    x1 = x0 + width
    x = -rng.uniform(0, 4) * m
    while x < x0 - 8 * m:
        bw = min(rng.uniform(12, 20) * m, x0 - 8 * m - x)
        office(
            scene,
            x,
            bw,
            fb,
            rng.randint(4, 7),
            rng.choice(((176, 170, 160), (120, 126, 134), (150, 110, 90))),
        )
        x += bw + rng.uniform(1, 3) * m
    x = x1 + 12 * m
    while x < w:
        bw = rng.uniform(12, 20) * m
        office(
            scene,
            x,
            bw,
            fb,
            rng.randint(4, 8),
            rng.choice(((176, 170, 160), (120, 126, 134), (96, 100, 110))),
        )
        x += bw + rng.uniform(1, 3) * m
    station(scene, x0, x1, fb, time_of_day)
    ground.paving(scene, fb, h, ground.PLAZA, 3.0, 2.0, growth=6.0, stagger=False)
    street.bike_rack(scene, x0 - 6 * m, x0 + width * 0.3, fb + 0.03 * h, 1.3)
    street.bike_rack(scene, x1 - width * 0.3, x1 + 4 * m, fb + 0.03 * h, 1.3)
    for ry in (0.7 * h, 0.715 * h, 0.74 * h, 0.758 * h):  # tram tracks across the square
        scene.rect((120, 122, 126), 0, ry, w, max(1, 0.004 * h))
    street.shelter(scene, x1 + 20 * m if x1 + 24 * m < w else x0 - 22 * m, 0.69 * h, 1.25)
    for x in _along(scene, 34.0, 4.0, 6.0):
        street.lamp_mast(scene, x, 0.685 * h, 1.3, side=1)


def auto_aan_de_stoeprand(scene: Scene, time_of_day: str) -> None:
    h, m, rng = scene.h, scene.m, scene.rng
    fb = 0.6 * h
    skyline(scene, fb, (10, 24), (118, 120, 128))
    x = -rng.uniform(0.5, 2.0) * m
    while x < scene.w:
        if rng.random() < 0.4:
            w = rng.uniform(18, 30) * m
            bld.flat(
                scene,
                x,
                w,
                fb,
                rng.choice((3, 4, 4)),
                rng.choice(((170, 128, 92), (150, 110, 80), (186, 180, 168))),
            )
        else:
            w = rng.uniform(4.8, 6.2) * m * 4
            for i in range(4):
                bld.house(
                    scene, x + i * w / 4, w / 4, fb, 2, "pitched", bld.BRICKS[(int(x) // 7) % len(bld.BRICKS)]
                )
        x += w
    pave = 0.7 * h
    ground.paving(scene, fb, pave, ground.TILE, 2.2, 1.1, growth=1.5)
    ground.kerb(scene, pave, 0.022 * h)
    ground.asphalt(scene, pave + 0.022 * h, h)
    ground.dashes(scene, 0.94 * h, 0.006 * h, 0.5 * m * 3, 0.5 * m * 3)
    for i, x in enumerate(_along(scene, 16.0, 3.0)):
        street.tree(scene, x, pave - 0.01 * h, 1.15, rng.uniform(7.5, 10.0), kind=i + 1)
    for x in _along(scene, 30.0, 3.0, 9.0):
        street.lamp_mast(scene, x, pave - 0.004 * h, 1.1, side=1)


def plein(scene: Scene, time_of_day: str) -> None:
    h, w, m, rng = scene.h, scene.w, scene.m, scene.rng
    fb = 0.58 * h
    skyline(scene, fb, (8, 18), (120, 120, 128))
    _row_of_houses(scene, fb, (5.0, 8.0), (3, 3, 4), ("neck", "step", "flat"))
    ground.paving(scene, fb, h, (170, 150, 132), 2.5, 2.2, growth=7.0)
    cafe = w * 0.18
    for i in range(3):
        street.terrace(
            scene, cafe + i * 4.2 * m * 1.3, 0.665 * h, 1.3, rng.choice(((226, 222, 212), (160, 52, 50)))
        )
    _fountain(scene, w * 0.55, 0.7 * h, 1.4)
    for i, x in enumerate(_along(scene, 26.0, 6.0, 14.0)):
        if abs(x - w * 0.55) > 10 * m:
            street.tree(scene, x, 0.69 * h, 1.5, rng.uniform(8.0, 11.0), kind=i)
    for x in _along(scene, 30.0, 4.0, 22.0):
        street.lamp_classic(scene, x, 0.71 * h, 1.45)
    for x in _along(scene, 38.0, 6.0, 30.0):
        street.bench(scene, x, 0.75 * h, 1.7)


def _fountain(scene: Scene, x: float, base: float, k: float) -> None:
    m = scene.m * k
    stone, water = (176, 172, 164), mix(scene.light.sky_top, (120, 170, 200), 0.5)
    pygame.draw.ellipse(
        scene.surface,
        scene.t(stone),
        pygame.Rect(round(x - 4 * m), round(base - 1.0 * m), round(8 * m), round(1.4 * m)),
    )
    pygame.draw.ellipse(
        scene.surface,
        water,
        pygame.Rect(round(x - 3.6 * m), round(base - 0.9 * m), round(7.2 * m), round(0.8 * m)),
    )
    scene.rect(stone, x - 0.25 * m, base - 2.2 * m, 0.5 * m, 1.8 * m)
    pygame.draw.ellipse(
        scene.surface,
        scene.t(stone),
        pygame.Rect(round(x - 1.1 * m), round(base - 2.45 * m), round(2.2 * m), round(0.45 * m)),
    )
    spray = mix(water, (255, 255, 255), 0.55)
    for s in (-1, 1):
        pts = []
        for i in range(13):
            t = i / 12
            pts.append((x + s * (0.2 + 2.6 * t) * m, base - (2.5 + 1.2 * t - 3.4 * t * t) * m))
        pygame.draw.lines(scene.surface, spray, False, pts, max(1, round(0.12 * m)))
    pygame.draw.line(scene.surface, spray, (x, base - 2.4 * m), (x, base - 3.6 * m), max(1, round(0.14 * m)))


def fietspad(scene: Scene, time_of_day: str) -> None:
    h, w, m, rng = scene.h, scene.w, scene.m, scene.rng
    skyline(scene, 0.6 * h, (4, 12), (116, 122, 120))
    _turbine(scene, w * 0.7, 0.6 * h, m * 0.18)
    ground.grass(scene, 0.6 * h, 0.63 * h)
    ground.water(scene, 0.63 * h, 0.675 * h)
    ground.grass(scene, 0.675 * h, 0.775 * h)
    for i, x in enumerate(_along(scene, 16.0, 4.0)):
        street.tree(scene, x, 0.7 * h, 1.25, rng.uniform(8, 11), kind=2 + (i % 2) * 2)
    scene.rect(mix(ground.BIKE_RED, (255, 255, 255), 0.1), 0, 0.775 * h, w, 0.006 * h)
    bike = pygame.Rect(0, round(0.781 * h), w, round(0.16 * h))
    pygame.draw.rect(scene.surface, scene.t(ground.BIKE_RED), bike)
    ground.dashes(scene, 0.848 * h, 0.005 * h, 1.2 * m, 1.6 * m)
    scene.rect((130, 126, 118), 0, 0.941 * h, w, 0.008 * h)
    ground.grass(scene, 0.949 * h, h)
    for x in _along(scene, 28.0, 3.0, 5.0):
        street.lamp_mast(scene, x, 0.775 * h, 1.45, side=1)


def _turbine(scene: Scene, x: float, base: float, m: float) -> None:
    white = scene.t(mix((240, 240, 236), scene.light.sky_horizon, 0.4))
    top = base - 80 * m
    pygame.draw.line(scene.surface, white, (x, base), (x, top), max(1, round(1.6 * m)))
    for i in range(3):
        a = math.radians(20 + i * 120)
        pygame.draw.line(
            scene.surface,
            white,
            (x, top),
            (x + math.cos(a) * 38 * m, top + math.sin(a) * 38 * m),
            max(1, round(1.2 * m)),
        )


VIEWS: dict[str, tuple[Callable[[Scene, str], None], float]] = {  # the view and its metres-to-pixels factor
    "woonstraat": (woonstraat, 0.036),
    "winkelstraat": (winkelstraat, 0.036),
    "stationsplein": (stationsplein, 0.03),
    "auto_aan_de_stoeprand": (auto_aan_de_stoeprand, 0.034),
    "plein": (plein, 0.028),
    "fietspad": (fietspad, 0.03),
    "villawijk": (villawijk, 0.032),
    "trein": (trein, 0.2),  # indoors: the far wall of the carriage is near
    "winkel_kantoor": (winkel_kantoor, 0.18),  # indoors: a small room, its far wall a few metres off
}
