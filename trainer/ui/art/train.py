"""Inside an intercity carriage, seen across the aisle at standing eye level.

A row of windows with the landscape outside, facing pairs of seats, a luggage rack, a lit ceiling and, at the
left
end, the glass door to the vestibule. The far wall stands at `scene.m` pixels per metre with its foot at
WALL_FOOT;
people stand nearer, in the aisle, on the ground line. Inside is lit by the carriage, not the sky: day and
night
differ in the windows (landscape, or dark glass with reflections) and in the ceiling lights.
"""

from __future__ import annotations

import random

import pygame

from trainer.ui.art.palette import RGB, WINDOW_LIT, clamp, mix, shade
from trainer.ui.art.pen import vertical_gradient
from trainer.ui.art.scene import Scene

WALL_FOOT = 0.76  # the floor along the far wall, as a fraction of the height
BAY = 1.95  # metres between seat pairs, one window each
VIEWS_METRES = 0.2  # pixels per metre over the height (views.VIEWS['trein'])
WALL: RGB = (222, 224, 222)
PANEL: RGB = (200, 204, 206)
FRAME: RGB = (92, 98, 108)
SEAT: RGB = (46, 72, 122)
HEADREST: RGB = (226, 228, 224)
HANDLE: RGB = (240, 196, 40)
FLOOR: RGB = (96, 100, 108)
ALU: RGB = (178, 184, 192)
INDOOR = {
    "ochtend": (1.0, 0.98, 0.95),
    "middag": (1.0, 1.0, 1.0),
    "avond": (0.9, 0.88, 0.86),
    "nacht": (0.84, 0.84, 0.87),
}
LUGGAGE: tuple[RGB, ...] = (
    (150, 46, 48),
    (40, 44, 52),
    (70, 96, 120),
    (120, 92, 64),
    (86, 110, 80),
    (196, 150, 60),
)


class _Paint:
    """Colours under the carriage's own light."""

    def __init__(self, time_of_day: str) -> None:
        self.k = INDOOR.get(time_of_day, INDOOR["middag"])

    def __call__(self, c: RGB) -> RGB:
        return (clamp(c[0] * self.k[0]), clamp(c[1] * self.k[1]), clamp(c[2] * self.k[2]))


def trein(scene: Scene, time_of_day: str) -> None:
    h, w, m, rng = scene.h, scene.w, scene.m, scene.rng
    p = _Paint(time_of_day)
    foot = WALL_FOOT * h
    sill, top = foot - 0.76 * m, foot - 1.94 * m
    end = min(0.8 * h, 0.3 * w)  # the end wall with the vestibule door, at the left
    x0 = end + rng.uniform(0.3, 0.6) * m
    bays = [x0 + i * BAY * m for i in range(int((w - x0) / (BAY * m)) + 2)]
    _outside(scene, round(top - 4), round(sill + 4), time_of_day)
    # The wall, with a rounded hole per window; a night window mirrors the lit carriage.
    band = pygame.Surface((w, round(sill - top) + 12), pygame.SRCALPHA)
    band.fill((*p(WALL), 255))
    panes = [
        pygame.Rect(round(bx + 0.22 * m), round(top), round((BAY - 0.44) * m), round(sill - top))
        for bx in bays
    ]
    scene.panes.extend(panes)
    radius = round(0.16 * m)
    for pane in panes:
        pygame.draw.rect(band, (0, 0, 0, 0), pane.move(0, -round(top) + 6), border_radius=radius)
        if scene.night:
            _reflection(scene, pane)
        else:
            glare = mix(scene.light.sky_horizon, (255, 255, 255), 0.3)
            for dx in (0.2, 0.26):
                pygame.draw.line(
                    scene.surface,
                    glare,
                    (pane.x + pane.w * dx, pane.bottom - 2),
                    (pane.x + pane.w * (dx + 0.14), pane.y + 2),
                    max(1, round(0.015 * m)),
                )
    scene.surface.blit(band, (0, round(top) - 6))
    pygame.draw.rect(scene.surface, p(WALL), (0, 0, w, round(top) - 5))
    for pane in panes:
        pygame.draw.rect(
            scene.surface, p(FRAME), pane.inflate(4, 4), max(2, round(0.05 * m)), border_radius=radius
        )
    pygame.draw.rect(scene.surface, p(PANEL), (0, round(sill + 6), w, round(foot - sill) - 5))
    pygame.draw.line(
        scene.surface, p(shade(PANEL, 0.86)), (0, sill + 6), (w, sill + 6), max(1, round(0.03 * m))
    )
    pygame.draw.rect(
        scene.surface, p(shade(PANEL, 0.8)), (0, round(foot - 0.14 * m), w, round(0.14 * m))
    )  # heater
    _ceiling(scene, p, bays, top)
    _floor(scene, p, foot)
    for bx in bays:
        _table(scene, p, bx + BAY * m / 2, foot - 0.76 * m)
        _seats(scene, p, bx, foot)
        _luggage(scene, p, bx, top - 0.2 * m)
    _end_wall(scene, p, end, foot, time_of_day)


def _outside(scene: Scene, y0: int, y1: int, time_of_day: str) -> None:
    """The landscape through the windows: polder, a tree line, a farm and the overhead line's masts."""
    s, w, lt = scene.surface, scene.w, scene.light
    m = scene.m * 0.14  # out there, far beyond the glass
    rng = scene.lit_rng
    horizon = y0 + round((y1 - y0) * 0.36)
    dark = scene.night
    vertical_gradient(
        s, pygame.Rect(0, y0, w, horizon - y0), mix(lt.sky_top, lt.sky_horizon, 0.35), lt.sky_horizon
    )
    land = scene.t((110, 146, 86)) if not dark else mix(lt.sky_top, (20, 26, 24), 0.6)
    bands = [
        (0.0, land),
        (0.2, scene.t((150, 160, 92))),
        (0.45, scene.t((96, 138, 78))),
        (0.8, scene.t((84, 124, 70))),
    ]
    for f, c in bands:
        y = horizon + f * (y1 - horizon)
        pygame.draw.rect(
            s, c if not dark else shade(land, 1.0 - f * 0.4), (0, round(y), w, y1 - round(y) + 1)
        )
    haze = mix(scene.t((70, 96, 74)), lt.sky_horizon, 0.45) if not dark else mix(land, lt.sky_top, 0.3)
    x = -rng.uniform(0, 3) * m
    while x < w:  # far tree lines and farms on the horizon
        tw = rng.uniform(5, 22) * m
        th = rng.uniform(0.6, 1.5) * m
        pygame.draw.ellipse(s, haze, (x, horizon - th, tw, th * 2))
        if rng.random() < 0.25:
            fx = x + tw * 0.5
            pygame.draw.polygon(
                s,
                haze,
                [
                    (fx, horizon),
                    (fx, horizon - 2 * m),
                    (fx + 2.5 * m, horizon - 3.6 * m),
                    (fx + 5 * m, horizon - 2 * m),
                    (fx + 5 * m, horizon),
                ],
            )
            if dark and rng.random() < 0.7:
                pygame.draw.rect(s, WINDOW_LIT[0], (round(fx + 1.5 * m), round(horizon - 1.5 * m), 3, 2))
        x += tw + rng.uniform(5, 50) * m
    if not dark:  # speed: streaks in the verge
        for _ in range(w // 60):
            y = rng.uniform(horizon + 0.6 * (y1 - horizon), y1)
            sx = rng.uniform(0, w)
            pygame.draw.line(s, scene.t((120, 156, 96)), (sx, y), (sx + rng.uniform(8, 30) * m, y))
    mast = scene.t((140, 144, 150)) if not dark else mix(lt.sky_top, (60, 64, 72), 0.5)
    x = rng.uniform(0, 150) * m
    while x < w:
        pygame.draw.line(s, mast, (x, y1), (x, y0), max(1, round(0.5 * m)))
        x += rng.uniform(160, 220) * m
    pygame.draw.line(s, mast, (0, y0 + (y1 - y0) * 0.1), (w, y0 + (y1 - y0) * 0.1), 1)


def _reflection(scene: Scene, pane: pygame.Rect) -> None:
    """Dark glass mirrors the ceiling lights and the seats behind the viewer, faintly."""
    s = scene.surface
    k = scene.light.glow
    strip = pygame.Rect(pane.x, pane.y + pane.h // 8, pane.w, max(2, pane.h // 14))
    s.fill((int(64 * k), int(62 * k), int(56 * k)), strip, special_flags=pygame.BLEND_RGB_ADD)
    seat = (int(26 * k), int(28 * k), int(34 * k))
    for f in (0.12, 0.88):
        back = pygame.Rect(0, 0, pane.w // 9, pane.h // 2)
        back.midbottom = (pane.x + round(pane.w * f), pane.bottom)
        s.fill(seat, back, special_flags=pygame.BLEND_RGB_ADD)


def _ceiling(scene: Scene, p: _Paint, bays: list[float], top: float) -> None:
    s, w, h, m = scene.surface, scene.w, scene.h, scene.m
    cove = top - 0.55 * m
    vertical_gradient(s, pygame.Rect(0, 0, w, round(cove)), p((236, 236, 232)), p((212, 214, 214)))
    pygame.draw.rect(s, p((206, 208, 210)), (0, round(cove), w, round(top - cove)))
    pygame.draw.line(s, p((176, 180, 184)), (0, cove), (w, cove), max(1, round(0.03 * m)))
    pygame.draw.rect(
        s, p((150, 154, 160)), (0, round(cove - 0.2 * m), w, max(1, round(0.05 * m)))
    )  # air vent
    for bx in bays:  # panel seams, running towards the viewer
        pygame.draw.line(s, p((196, 198, 200)), (bx, cove - 0.22 * m), (bx - 0.08 * h, 0), 1)
    strips = ((0.14 * h, 0.03 * h), (cove - 0.42 * m, 0.012 * h))
    lamp = WINDOW_LIT[3] if scene.night else (246, 246, 240)
    for y, th in strips:
        pygame.draw.rect(s, p((170, 174, 180)), (0, round(y - th * 0.3), w, round(th * 1.6)))
        for bx in bays:
            seg = pygame.Rect(round(bx + 0.1 * m), round(y), round((BAY - 0.2) * m), max(1, round(th)))
            pygame.draw.rect(s, lamp, seg)
            if scene.night:
                scene.glows.append((seg.inflate(seg.w * 0.3, th * 8), (70, 68, 60)))


def _floor(scene: Scene, p: _Paint, foot: float) -> None:
    s, w, h, m = scene.surface, scene.w, scene.h, scene.m
    pygame.draw.rect(s, p(shade(FLOOR, 0.82)), (0, round(foot), w, h - round(foot)))
    aisle = foot + 0.2 * m
    vertical_gradient(
        s, pygame.Rect(0, round(aisle), w, h - round(aisle)), p(mix(FLOOR, (150, 154, 160), 0.3)), p(FLOOR)
    )
    pygame.draw.line(s, p((150, 154, 160)), (0, aisle), (w, aisle), max(1, round(0.05 * m)))
    y, gap = aisle + 0.12 * m, 0.1 * m
    while y < h:  # the floor's grain, running along the carriage
        pygame.draw.line(s, p(shade(FLOOR, 0.9)), (0, y), (w, y), 1)
        gap *= 1.5
        y += gap


def _seats(scene: Scene, p: _Paint, x: float, foot: float) -> None:
    """A pair of seats back to back at x: the left one faces left, the right one faces right (into the next
    bay)."""
    s, m = scene.surface, scene.m * 1.12  # the seats stand a little nearer than the wall
    base = foot + 0.2 * scene.m
    dark = p(shade(SEAT, 0.7))
    for side in (-1, 1):
        leg = [
            (x + side * 0.12 * m, base),
            (x + side * 0.18 * m, base),
            (x + side * 0.44 * m, base - 0.38 * m),
            (x + side * 0.34 * m, base - 0.38 * m),
        ]
        pygame.draw.polygon(s, p((110, 114, 122)), leg)
        cushion = pygame.Rect(0, 0, round(0.56 * m), round(0.15 * m))
        cushion.bottomleft = (round(x + 0.12 * m), round(base - 0.36 * m))
        if side < 0:
            cushion.right = round(x - 0.12 * m)
        pygame.draw.rect(s, p(SEAT), cushion, border_radius=round(0.06 * m))
        pygame.draw.line(
            s, dark, (cushion.x + 4, cushion.bottom - 1), (cushion.right - 4, cushion.bottom - 1), 2
        )
    back = [
        (x - 0.2 * m, base - 0.42 * m),
        (x - 0.26 * m, base - 1.12 * m),
        (x - 0.18 * m, base - 1.24 * m),
        (x + 0.18 * m, base - 1.24 * m),
        (x + 0.26 * m, base - 1.12 * m),
        (x + 0.2 * m, base - 0.42 * m),
    ]
    pygame.draw.polygon(s, p(SEAT), back)
    pygame.draw.aalines(s, p(SEAT), True, back)
    pygame.draw.line(s, dark, (x, base - 1.2 * m), (x, base - 0.44 * m), max(1, round(0.03 * m)))
    for side in (-1, 1):
        rest = pygame.Rect(0, 0, round(0.2 * m), round(0.26 * m))
        rest.midtop = (round(x + side * 0.13 * m), round(base - 1.3 * m))
        pygame.draw.rect(s, p(HEADREST), rest, border_radius=round(0.06 * m))
    pygame.draw.rect(
        s,
        p(HANDLE),
        (round(x - 0.07 * m), round(base - 1.36 * m), round(0.14 * m), round(0.07 * m)),
        border_radius=round(0.03 * m),
    )


def _table(scene: Scene, p: _Paint, cx: float, y: float) -> None:
    s, m = scene.surface, scene.m
    pygame.draw.rect(s, p((120, 124, 132)), (round(cx - 0.04 * m), round(y), round(0.08 * m), round(0.3 * m)))
    pygame.draw.rect(
        s,
        p((214, 216, 218)),
        (round(cx - 0.3 * m), round(y - 0.03 * m), round(0.6 * m), round(0.06 * m)),
        border_radius=2,
    )


def _luggage(scene: Scene, p: _Paint, x: float, y: float) -> None:
    """The rack over one bay, seen from below: a glass shelf with an aluminium rail, sometimes a bag on it."""
    s, m, rng = scene.surface, scene.m, scene.rng
    for _ in range(rng.choice((0, 1, 1, 2))):
        bw, bh = rng.uniform(0.35, 0.7) * m, rng.uniform(0.22, 0.36) * m
        bx = x + rng.uniform(0.3, BAY - 0.4) * m - bw / 2
        pygame.draw.rect(
            s,
            p(rng.choice(LUGGAGE)),
            (round(bx), round(y - bh), round(bw), round(bh + 0.1 * m)),
            border_radius=round(0.06 * m),
        )
    shelf = pygame.Rect(round(x), round(y), round(BAY * m) + 1, round(0.12 * m))
    pygame.draw.rect(s, p((190, 206, 212)), shelf)
    pygame.draw.line(s, p((210, 222, 226)), shelf.topleft, shelf.topright, max(1, round(0.02 * m)))
    pygame.draw.line(s, p(ALU), (x, shelf.bottom), (x + BAY * m, shelf.bottom), max(2, round(0.05 * m)))
    pygame.draw.line(
        s,
        p(shade(ALU, 0.8)),
        (x + 0.02 * m, y - 0.02 * m),
        (x + 0.02 * m, shelf.bottom + 0.1 * m),
        max(2, round(0.05 * m)),
    )


def _end_wall(scene: Scene, p: _Paint, end: float, foot: float, time_of_day: str) -> None:
    """The end of the carriage at the left: a partition with a glass sliding door to the vestibule and a
    display."""
    s, h, m = scene.surface, scene.h, scene.m
    pygame.draw.rect(s, p((214, 216, 214)), (0, round(0.2 * h), round(end), round(foot - 0.2 * h)))
    pygame.draw.line(s, p((184, 188, 190)), (end, 0.2 * h), (end, foot), max(2, round(0.06 * m)))
    pygame.draw.line(s, p((184, 188, 190)), (0, 0.2 * h), (end, 0.2 * h), max(1, round(0.04 * m)))
    door = pygame.Rect(0, 0, round(1.0 * m), round(2.0 * m))
    door.midbottom = (round(end * 0.5), round(foot))
    pygame.draw.rect(
        s, p((120, 126, 134)), door.inflate(round(0.16 * m), round(0.12 * m)).move(0, round(-0.06 * m))
    )
    vestibule = p((150, 156, 162)) if not scene.night else p((96, 100, 110))
    glass = door.inflate(-round(0.14 * m), -round(0.14 * m))
    pygame.draw.rect(s, vestibule, glass)
    outer = pygame.Rect(0, 0, round(0.5 * glass.w), round(0.3 * glass.h))
    outer.midtop = (glass.centerx, glass.y + round(0.2 * glass.h))
    pygame.draw.rect(
        s, scene.light.sky_horizon if not scene.night else scene.light.sky_top, outer, border_radius=3
    )
    pygame.draw.rect(s, p((226, 190, 50)), (glass.x, glass.bottom - round(0.5 * m), glass.w, round(0.5 * m)))
    pygame.draw.rect(s, p(FRAME), glass, max(2, round(0.04 * m)))
    button = (round(door.right + 0.25 * m), round(foot - 1.1 * m))
    pygame.draw.circle(s, p((60, 64, 70)), button, round(0.09 * m))
    pygame.draw.circle(s, (80, 190, 100), button, round(0.05 * m))
    sign = pygame.Rect(0, 0, round(1.3 * m), round(0.22 * m))
    sign.midbottom = (door.centerx, door.y - round(0.15 * m))
    pygame.draw.rect(s, (22, 24, 30), sign, border_radius=2)
    amber = (250, 176, 60)
    for i in range(7):  # the next stop in dotted amber, too small to read
        pygame.draw.rect(
            s,
            amber,
            (
                sign.x + sign.w * (0.08 + i * 0.12),
                sign.y + sign.h * 0.35,
                sign.w * 0.08,
                max(1, sign.h * 0.3),
            ),
        )


def seat_positions(width: int, height: int, seed: int = 0) -> tuple[float, ...]:
    """Where a passenger sits in a carriage `width` wide (shares of the width): the seats `trein` draws.

    Follows `trein`'s layout: its first draw from the scene's Random places the first bay."""
    rng = random.Random(f"trein:{seed}")
    m = VIEWS_METRES * height
    end = min(0.8 * height, 0.3 * width)
    x0 = end + rng.uniform(0.3, 0.6) * m
    out = []
    for i in range(int((width - x0) / (BAY * m)) + 2):
        bx = x0 + i * BAY * m
        for side in (-1, 1):
            x = bx + side * 0.4 * m * 1.12
            if 0 < x < width:
                out.append(x / width)
    return tuple(out)
