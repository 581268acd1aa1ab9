"""Large buildings: a modern station hall with canopy, sign and clock; office towers; a distant skyline."""

from __future__ import annotations

import math

import pygame

from trainer.paths import assets_dir
from trainer.ui.art.buildings import glass_colour, window
from trainer.ui.art.palette import RGB, mix, shade
from trainer.ui.art.scene import Scene

CLOCK_TIME = {"ochtend": (8, 10), "middag": (13, 25), "avond": (19, 40), "nacht": (23, 15)}
SIGN_BLUE: RGB = (28, 44, 96)


def skyline(scene: Scene, base: float, rng_heights: tuple[float, float], colour: RGB) -> None:
    """Far-off blocks in haze, with a few lit windows at night: depth behind the street."""
    m, rng, lit = scene.m * 0.5, scene.rng, scene.lit_rng  # twice as far away as the facades
    x = -rng.random() * 4 * m
    haze = mix(scene.t(colour), scene.light.sky_horizon, 0.62)
    rows = mix(haze, scene.light.sky_top, 0.25)
    while x < scene.w:
        w = rng.uniform(6, 18) * m
        h = rng.uniform(*rng_heights) * m
        pygame.draw.rect(scene.surface, haze, pygame.Rect(round(x), round(base - h), round(w) + 1, round(h)))
        y = base - h + 1.2 * m
        while y < base:  # faint floors, far away
            pygame.draw.line(
                scene.surface, rows, (x + 0.6 * m, y), (x + w - 0.6 * m, y), max(1, round(0.25 * m))
            )
            if scene.night:
                for _ in range(int(w / (2 * m))):
                    if lit.random() < 0.18:
                        wx = x + lit.random() * (w - 0.6 * m)
                        scene.emit((150, 128, 86), wx, y - 0.5 * m, 0.35 * m, 0.35 * m)
            y += 1.6 * m
        x += w + rng.uniform(-2, 1) * m


def office(scene: Scene, x: float, w: float, base: float, storeys: int, facade: RGB) -> None:
    m = scene.m
    top = base - storeys * 3.4 * m
    scene.rect(facade, x, top, w, base - top)
    cols = max(1, int(w / (1.6 * m)))
    gap = w / cols
    for s in range(storeys):
        y = top + s * 3.4 * m + 0.7 * m
        for c in range(cols):
            window(
                scene,
                x + c * gap + 0.15 * m,
                y,
                gap - 0.3 * m,
                2.2 * m,
                0.3,
                frame=shade(facade, 0.8),
                cross=False,
            )
    scene.rect(shade(facade, 0.7), x, top - 0.6 * m, w, 0.6 * m)


def station(scene: Scene, x0: float, x1: float, base: float, time_of_day: str) -> None:
    """A glass station hall with a curved roof, a canopy over the entrances, a sign and a clock."""
    m = scene.m
    w = x1 - x0
    h = 13.0 * m
    roof = [(x0 + w * t, base - h - math.sin(math.pi * t) * 3.2 * m) for t in (i / 24 for i in range(25))]
    hall = [(x0, base)] + roof + [(x1, base)]
    inside = (255, 226, 170) if scene.night else glass_colour(scene)
    if scene.night:
        pygame.draw.polygon(scene.surface, mix(inside, (120, 100, 70), 0.35), hall)
        scene.glows.append(
            (pygame.Rect(round(x0), round(base - h * 1.1), round(w), round(h * 1.4)), (60, 50, 30))
        )
    else:
        pygame.draw.polygon(scene.surface, inside, hall)
    steel = (86, 94, 104)
    col = scene.t(steel) if not scene.night else (50, 54, 62)
    for i in range(int(w / (2.4 * m)) + 1):
        x = x0 + i * 2.4 * m
        t = (x - x0) / w
        pygame.draw.line(
            scene.surface,
            col,
            (x, base),
            (x, base - h - math.sin(math.pi * t) * 3.2 * m),
            max(1, round(0.12 * m)),
        )
    for j in range(1, 5):
        y = base - j * 3.0 * m
        pygame.draw.line(scene.surface, col, (x0, y), (x1, y), max(1, round(0.1 * m)))
    pygame.draw.lines(scene.surface, scene.t((66, 72, 82)), False, roof, max(2, round(0.5 * m)))
    # Canopy, entrances, sign.
    scene.rect((200, 204, 210), x0 - 3 * m, base - 4.6 * m, w + 6 * m, 0.5 * m)
    for i in range(int((w + 6 * m) / (6 * m)) + 1):
        scene.rect((120, 126, 134), x0 - 2.8 * m + i * 6 * m, base - 4.1 * m, 0.25 * m, 4.1 * m)
    for i in range(3):
        ex = x0 + w * (0.25 + 0.25 * i) - 2.0 * m
        scene.rect((40, 44, 52), ex, base - 3.2 * m, 4.0 * m, 3.2 * m)
        if scene.night:
            scene.emit((236, 220, 180), ex + 0.2 * m, base - 3.0 * m, 3.6 * m, 3.0 * m)
    if scene.night:
        for i in range(int(w / (8 * m)) + 1):
            scene.lamps.append((x0 + i * 8 * m, base - 4.3 * m, base))
    _sign(scene, x0 + w / 2, base - h + 1.4 * m, m)
    _clock(scene, x1 + 5 * m, base, m, time_of_day)


def _sign(scene: Scene, cx: float, y: float, m: float) -> None:
    sw, sh = 11 * m, 2.0 * m
    rect = pygame.Rect(round(cx - sw / 2), round(y), round(sw), round(sh))
    pygame.draw.rect(scene.surface, SIGN_BLUE if scene.night else scene.t(SIGN_BLUE), rect)
    size = max(8, round(sh * 0.62))
    try:
        font = _font(size)
    except (FileNotFoundError, pygame.error):
        return
    text = font.render("STATION", True, (250, 250, 246))
    scene.surface.blit(text, text.get_rect(center=rect.center))


_FONTS: dict[int, pygame.font.Font] = {}


def _font(size: int) -> pygame.font.Font:
    if size not in _FONTS:
        if not pygame.font.get_init():
            pygame.font.init()
        _FONTS[size] = pygame.font.Font(str(assets_dir() / "fonts" / "NotoSans-Bold.ttf"), size)
    return _FONTS[size]


def _clock(scene: Scene, x: float, base: float, m: float, time_of_day: str) -> None:
    """A station clock on a post, showing a time that fits the part of the day."""
    post = (60, 64, 72)
    scene.rect(post, x - 0.12 * m, base - 5.0 * m, 0.24 * m, 5.0 * m)
    cy, r = base - 5.6 * m, 0.8 * m
    pygame.draw.circle(scene.surface, scene.t(post), (x, cy), r * 1.12)
    face = (246, 246, 240) if scene.night else scene.t((246, 246, 240))
    pygame.draw.circle(scene.surface, face, (x, cy), r)
    ink = (24, 24, 28)
    for i in range(12):
        a = i / 12 * math.tau
        pygame.draw.line(
            scene.surface,
            ink,
            (x + math.sin(a) * r * 0.8, cy - math.cos(a) * r * 0.8),
            (x + math.sin(a) * r * 0.95, cy - math.cos(a) * r * 0.95),
            max(1, round(0.06 * m)),
        )
    hours, minutes = CLOCK_TIME.get(time_of_day, (12, 0))
    for frac, length, width in (((hours % 12 + minutes / 60) / 12, 0.5, 0.12), (minutes / 60, 0.78, 0.08)):
        a = frac * math.tau
        pygame.draw.line(
            scene.surface,
            ink,
            (x, cy),
            (x + math.sin(a) * r * length, cy - math.cos(a) * r * length),
            max(1, round(width * m)),
        )
