"""Vehicles in side view, front to the right: a car, an older car, a van, and two-wheelers with their rider.

Occupants of cars and vans are whole figures drawn behind the glass and masked to the windows, so their hair,
headwear and glasses match their standing figure. Damage is visible: a cracked lamp, a dent, lamps that are
off.
"""

from __future__ import annotations

import math
from typing import cast

import pygame

from trainer.model.scenario import Appearance, Vehicle
from trainer.ui.art import palette as pal
from trainer.ui.art.cycles import (
    BIKE_GRIP,
    CRANK_REST,
    draw_bicycle,
    draw_rider,
    draw_scooter,
    lamp,
    pedal_points,
)
from trainer.ui.art.figure import build_figure
from trainer.ui.art.palette import RGB
from trainer.ui.art.pen import Pen, Point, downsample, px_per_cm, spline
from trainer.ui.art.person import draw_person

INTERIOR: RGB = (34, 38, 46)
CLEAR = (0, 0, 0, 0)

# Side profiles (cm, rear at x=0): body below the belt, cabin, windows, axles, wheel radius, lamps.
_SHAPES: dict[str, dict[str, object]] = {
    "auto": {
        "length": 430.0,
        "wheel": 32.0,
        "axles": (84.0, 346.0),
        "body": [
            (2, 34),
            (0, 72),
            (8, 94),
            (120, 99),
            (300, 97),
            (392, 86),
            (424, 76),
            (430, 52),
            (426, 30),
            (0, 30),
        ],
        "cabin": [(34, 94), (74, 138), (120, 146), (236, 145), (300, 97)],
        "windows": [
            [(62, 101), (86, 133), (122, 139), (176, 139), (176, 101)],
            [(184, 101), (184, 139), (232, 138), (284, 101)],
        ],
        "seams": [180.0, 288.0],
        "tail": (8.0, 80.0),
        "head": (418.0, 78.0),
        "seats": [(212.0, 0.0), (120.0, 0.0)],
        "belt": ((10, 91), (392, 84)),
    },
    "oude_auto": {
        "length": 456.0,
        "wheel": 30.0,
        "axles": (96.0, 360.0),
        "body": [(0, 36), (0, 84), (70, 90), (300, 90), (450, 86), (456, 76), (456, 40), (450, 30), (4, 30)],
        "cabin": [(86, 90), (112, 134), (262, 136), (316, 90)],
        "windows": [
            [(102, 95), (120, 128), (186, 129), (186, 95)],
            [(194, 95), (194, 129), (258, 129), (300, 95)],
        ],
        "seams": [190.0, 306.0],
        "tail": (7.0, 74.0),
        "head": (452.0, 70.0),
        "seats": [(224.0, -8.0), (140.0, -8.0)],
        "belt": ((6, 84), (448, 82)),
    },
    "bestelbus": {
        "length": 520.0,
        "wheel": 34.0,
        "axles": (100.0, 420.0),
        "body": [
            (0, 32),
            (0, 196),
            (8, 204),
            (380, 204),
            (440, 150),
            (500, 112),
            (518, 96),
            (520, 40),
            (510, 30),
            (0, 30),
        ],
        "cabin": [],
        "windows": [[(390, 116), (390, 188), (404, 190), (446, 150), (478, 116)]],
        "seams": [150.0, 376.0],
        "tail": (8.0, 96.0),
        "head": (510.0, 100.0),
        "seats": [(420.0, 30.0), (398.0, 30.0)],
        "belt": ((6, 120), (440, 118)),
    },
}


def vehicle_surface(
    vehicle: Vehicle, occupants: list[Appearance], height_px: int, crank: float = CRANK_REST
) -> pygame.Surface:
    kind = str(vehicle.kind)
    colour = pal.colour(vehicle.color)
    if kind in ("fiets", "scooter"):
        return _two_wheeler(kind, colour, list(vehicle.damage), occupants, height_px, crank)
    shape = _SHAPES.get(kind, _SHAPES["auto"])
    length = float(shape["length"])  # type: ignore[arg-type]
    scale = px_per_cm(height_px)
    margin = 12.0
    width = max(2, math.ceil((length + 2 * margin) * scale))
    ss = 2
    big = pygame.Surface((width * ss, height_px * ss), pygame.SRCALPHA)
    pen = Pen(big, scale * ss, (margin * scale * ss, height_px * ss))
    _car(pen, shape, kind, colour, list(vehicle.damage), occupants)
    return downsample(big, (width, height_px))


def _car(
    pen: Pen, shape: dict[str, object], kind: str, colour: RGB, damage: list[str], occupants: list[Appearance]
) -> None:
    length = float(shape["length"])  # type: ignore[arg-type]
    r = float(shape["wheel"])  # type: ignore[arg-type]
    axles: tuple[float, float] = shape["axles"]  # type: ignore[assignment]
    body: list[Point] = shape["body"]  # type: ignore[assignment]
    cabin: list[Point] = shape["cabin"]  # type: ignore[assignment]
    windows: list[list[Point]] = shape["windows"]  # type: ignore[assignment]
    if kind == "oude_auto":
        colour = pal.mix(colour, (150, 146, 136), 0.18)  # paint faded with the years
    dark, light = pal.shade(colour, 0.8), pal.lighten(colour, 0.22)
    pen.ellipse((0, 0, 0, 70), length / 2, 2.0, length * 0.52, 7.0)
    if cabin:
        pen.poly(colour, spline(cabin, closed=True, steps=3) if kind == "auto" else cabin)
    pen.poly(colour, body)
    pen.poly(dark, [(p[0], min(p[1], 58.0)) for p in body])
    belt: tuple[Point, Point] = shape["belt"]  # type: ignore[assignment]
    pen.line(light, belt[0], belt[1], 2.2)
    for win in windows:
        pen.poly(INTERIOR, win)
    _occupants(pen, shape, windows, occupants)
    for x in shape["seams"]:  # type: ignore[attr-defined]
        top = 98.0 if kind != "bestelbus" else 196.0
        pen.line(pal.shade(colour, 0.62), (x, 34.0), (x, top), 0.9)
        if kind != "bestelbus" or x > 300:
            pen.rect(
                pal.shade(colour, 0.55),
                x - 22.0,
                84.0 if kind != "bestelbus" else 100.0,
                12.0,
                3.0,
                radius=1.5,
            )
    if kind == "bestelbus":
        pen.line(pal.shade(colour, 0.62), (150.0, 190.0), (376.0, 190.0), 0.9)
    for x in axles:  # wheel arches cut clear, then the wheels
        pen.circle(CLEAR, x, r, r + 5.0)
        pen.circle(pal.shade(colour, 0.45), x, r, r + 4.0)
        _wheel(pen, x, r, old=kind == "oude_auto")
    if kind == "oude_auto":
        for x0 in (-2.0, length - 14.0):
            pen.rect((196, 198, 202), x0, 34.0, 16.0, 10.0, radius=3.0)
        for x, y in ((axles[0] + 44, 40), (axles[1] - 40, 46), (axles[1] + 42, 38)):
            pen.ellipse((122, 72, 44), x, y, 4.0, 2.6)
    else:
        pen.rect(pal.shade(colour, 0.55), -1.0, 30.0, 26.0, 12.0, radius=4.0)
        pen.rect(pal.shade(colour, 0.55), length - 28.0, 30.0, 29.0, 12.0, radius=4.0)
    mirror = [(p[0], p[1]) for p in windows[-1]]
    mx, my = mirror[-1][0] - 4.0, mirror[-1][1] + 2.0
    pen.smooth(
        dark, [(mx, my), (mx + 10.0, my + 2.0), (mx + 12.0, my + 10.0), (mx + 2.0, my + 10.0)], steps=2
    )
    lit = "geen_licht" not in damage
    tx, ty = cast(tuple[float, float], shape["tail"])
    hx, hy = cast(tuple[float, float], shape["head"])
    lamp(pen, tx, ty, 7.0, lit, "achterlicht" in damage, rear=True)
    lamp(pen, hx, hy, 6.0, lit, "koplamp" in damage, rear=False)
    if "deuk" in damage:
        _dent(pen, colour, float(shape["seams"][0]) - 50.0, 62.0)  # type: ignore[index]


def _wheel(pen: Pen, x: float, r: float, old: bool) -> None:
    pen.circle((28, 28, 30), x, r, r)
    rim = (150, 152, 158) if old else (176, 180, 186)
    pen.circle(rim, x, r, r * 0.6)
    pen.circle(pal.shade(rim, 0.7), x, r, r * 0.5)
    if not old:
        for k in range(5):
            a = k / 5 * math.tau + 0.3
            pen.line(rim, (x, r), (x + math.cos(a) * r * 0.5, r + math.sin(a) * r * 0.5), r * 0.12)
    pen.circle(rim, x, r, r * 0.16)


def _dent(pen: Pen, colour: RGB, x: float, y: float) -> None:
    """A dent: an irregular dark hollow, a bright crease along its top, scrapes through the paint."""
    pen.smooth(
        pal.shade(colour, 0.66),
        [(x - 20, y + 2), (x - 8, y + 9), (x + 10, y + 7), (x + 22, y - 1), (x + 6, y - 8), (x - 12, y - 6)],
        steps=4,
    )
    pen.smooth(
        pal.shade(colour, 0.8),
        [(x - 12, y + 1), (x - 2, y + 5), (x + 12, y + 3), (x + 4, y - 4), (x - 8, y - 3)],
        steps=4,
    )
    pen.polyline(
        pal.lighten(colour, 0.5),
        [(x - 18, y + 4), (x - 6, y + 10), (x + 10, y + 8), (x + 21, y + 1)],
        1.0,
        smooth=True,
    )
    scrape = pal.mix(colour, (200, 200, 196), 0.6)
    for k in range(3):
        pen.line(scrape, (x - 26 + k * 5, y - 2 + k * 3), (x - 6 + k * 6, y + 1 + k * 3), 0.6)


def _occupants(
    pen: Pen, shape: dict[str, object], windows: list[list[Point]], occupants: list[Appearance]
) -> None:
    """People seen through the side windows: drawn on a layer, masked to the glass, with a reflection on
    top."""
    if not occupants:
        _reflection(pen, windows)
        return
    box = _glass_box(pen, windows)
    layer = pygame.Surface(box.size, pygame.SRCALPHA)
    seats: list[tuple[float, float]] = shape["seats"]  # type: ignore[assignment]
    win_top = max(p[1] for p in windows[0])
    order = list(enumerate(occupants[:4]))
    for i, app in reversed(order):
        seat_x, dy = seats[min(i, len(seats) - 1)]
        if i >= len(seats):
            seat_x -= 40.0 * (i - len(seats) + 1)
        fig = build_figure(app, "kalm", "front")
        head_y = min(124.0 + dy + (app.height - 175) * 0.45, win_top - fig.hh * 0.5)
        if app.age < 13:
            head_y -= 6.0
        sub = Pen(
            layer,
            pen.s,
            (
                pen.ox - box.x + (seat_x - fig.head[0]) * pen.s,
                pen.oy - box.y - (head_y - fig.head[1]) * pen.s,
            ),
        )
        draw_person(sub, fig)
    layer.blit(_glass_mask(pen, windows, box), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    pen.surface.blit(layer, box.topleft)
    _reflection(pen, windows)


def _glass_box(pen: Pen, windows: list[list[Point]]) -> pygame.Rect:
    pts = [p for win in windows for p in pen.pts(win)]
    x0, y0 = min(p[0] for p in pts), min(p[1] for p in pts)
    x1, y1 = max(p[0] for p in pts), max(p[1] for p in pts)
    return pygame.Rect(int(x0) - 1, int(y0) - 1, int(x1 - x0) + 3, int(y1 - y0) + 3)


def _glass_mask(pen: Pen, windows: list[list[Point]], box: pygame.Rect) -> pygame.Surface:
    mask = pygame.Surface(box.size, pygame.SRCALPHA)
    for win in windows:
        pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - box.x, y - box.y) for x, y in pen.pts(win)])
    return mask


def _reflection(pen: Pen, windows: list[list[Point]]) -> None:
    """A soft diagonal sheen on the glass, so people read as sitting behind a window."""
    box = _glass_box(pen, windows)
    sheen = pygame.Surface(box.size, pygame.SRCALPHA)
    for win in windows:
        x0 = min(p[0] for p in win)
        x1 = max(p[0] for p in win)
        y0, y1 = min(p[1] for p in win), max(p[1] for p in win)
        band = [
            (x0 + (x1 - x0) * 0.55, y1),
            (x0 + (x1 - x0) * 0.8, y1),
            (x0 + (x1 - x0) * 0.5, y0),
            (x0 + (x1 - x0) * 0.25, y0),
        ]
        pygame.draw.polygon(sheen, (255, 255, 255, 40), [(x - box.x, y - box.y) for x, y in pen.pts(band)])
    sheen.blit(_glass_mask(pen, windows, box), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    pen.surface.blit(sheen, box.topleft)


def _same(x: float, y: float) -> Point:
    return (x, y)


def _two_wheeler(
    kind: str, colour: RGB, damage: list[str], occupants: list[Appearance], height_px: int, crank: float
) -> pygame.Surface:
    """A bike or scooter with its first occupant riding; a child gets a smaller bike."""
    scale = px_per_cm(height_px)
    rider = occupants[0] if occupants else None
    k = min(1.12, max(0.68, (rider.height if rider else 178) / 178.0))  # bike and rider scale together
    span = (-40.0, 150.0) if kind == "fiets" else (-30.0, 146.0)
    width = max(2, math.ceil((span[1] - span[0]) * k * scale) + 4)
    ss = 3 if height_px < 260 else 2
    big = pygame.Surface((width * ss, height_px * ss), pygame.SRCALPHA)
    pen = Pen(big, scale * ss * k, ((-span[0] * k * scale + 2) * ss, height_px * ss))
    pen.ellipse((0, 0, 0, 60), 55.0, 1.5, 80.0, 4.0)
    lit = "geen_licht" not in damage
    front, rear = "koplamp" in damage, "achterlicht" in damage
    fig = build_figure(rider.model_copy(update={"height": 178}), "kalm", "right") if rider else None
    if kind == "fiets":
        draw_bicycle(pen, BIKE_GRIP[0], 1, colour, lit, front, rear, crank)
        if fig:
            near, far = pedal_points(crank)  # the feet stay on the pedals: the legs follow the cranks
            foot, foot_far = (near[0] + 2.0, near[1] + 2.0), (far[0] + 2.0, far[1] + 2.0)
            draw_rider(pen, fig, _same, 1, (25.0, 102.0), (78.0, 100.0), foot, foot_far, 0.2)
    else:
        draw_scooter(pen, 0.0, 1, colour, lit, front, rear)
        if "deuk" in damage:
            _dent(pen, colour, 20.0, 50.0)
        if fig:
            draw_rider(pen, fig, _same, 1, (38.0, 84.0), (106.0, 114.0), (82.0, 32.0), (74.0, 32.0), 0.06)
    return downsample(big, (width, height_px))
