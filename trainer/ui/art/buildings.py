"""Dutch facades seen straight on: brick row houses with gables, shops, flats. Windows light up at night.

x, base are pixels (left edge, ground line); sizes are metres times scene.m.
"""

from __future__ import annotations

import pygame

from trainer.ui.art.palette import RGB, WINDOW_LIT, mix, shade
from trainer.ui.art.scene import Scene

BRICKS: tuple[RGB, ...] = (
    (150, 70, 54),
    (128, 60, 48),
    (116, 76, 58),
    (146, 98, 72),
    (176, 140, 100),
    (160, 82, 62),
    (104, 64, 52),
)
PAINTED: tuple[RGB, ...] = (
    (226, 222, 212),
    (220, 206, 176),
    (150, 152, 150),
    (92, 104, 100),
    (200, 186, 160),
)
DOORS: tuple[RGB, ...] = ((40, 72, 58), (40, 52, 84), (124, 42, 40), (30, 30, 34), (112, 76, 52))
FRAME: RGB = (236, 234, 226)
ROOF_TILES: tuple[RGB, ...] = ((76, 66, 66), (132, 70, 52), (60, 62, 70))
STOREY = 3.0


def glass_colour(scene: Scene) -> RGB:
    """Unlit glass mirrors the sky a little."""
    return mix(scene.light.sky_top, (34, 40, 52), 0.55 if not scene.night else 0.35)


def window(
    scene: Scene,
    x: float,
    y: float,
    w: float,
    h: float,
    lit_chance: float,
    frame: RGB = FRAME,
    cross: bool = True,
) -> None:
    """A framed window, top-left at (x, y); lit windows glow warm at night."""
    m = scene.m
    f = max(1.0, 0.08 * m)
    scene.rect(frame, x, y, w, h)
    inner = (x + f, y + f, w - 2 * f, h - 2 * f)
    if scene.night and scene.lit(lit_chance):
        colour = WINDOW_LIT[scene.lit_rng.randrange(len(WINDOW_LIT))]
        scene.emit(colour, *inner)
        if scene.lit_rng.random() < 0.5:  # curtains half drawn
            scene.emit(shade(colour, 0.72), inner[0], inner[1], inner[2] * 0.22, inner[3])
            scene.emit(shade(colour, 0.72), inner[0] + inner[2] * 0.78, inner[1], inner[2] * 0.22, inner[3])
        scene.glows.append(
            (
                pygame.Rect(round(x - w * 0.6), round(y - h * 0.4), round(w * 2.2), round(h * 1.8)),
                (70, 50, 22),
            )
        )
    else:
        g = glass_colour(scene)
        scene.emit(g, *inner)
        pts = [
            (inner[0] + inner[2] * 0.55, inner[1]),
            (inner[0] + inner[2], inner[1]),
            (inner[0] + inner[2], inner[1] + inner[3] * 0.35),
            (inner[0] + inner[2] * 0.15, inner[1] + inner[3]),
        ]
        if not scene.night:
            pygame.draw.polygon(scene.surface, mix(g, (255, 255, 255), 0.12), pts)
    if cross:
        scene.rect(frame, x + w / 2 - f / 2, y, f, h)
        scene.rect(frame, x, y + h * 0.32, w, f)


def _door(scene: Scene, x: float, base: float, colour: RGB) -> None:
    m = scene.m
    scene.rect(FRAME, x - 0.08 * m, base - 2.55 * m, 1.16 * m, 2.55 * m)
    scene.rect(colour, x, base - 2.2 * m, 1.0 * m, 2.2 * m)
    scene.rect(shade(colour, 0.8), x + 0.12 * m, base - 2.05 * m, 0.76 * m, 0.8 * m)
    window(scene, x, base - 2.5 * m, 1.0 * m, 0.3 * m, 0.6, cross=False)
    scene.rect((150, 150, 146), x - 0.2 * m, base - 0.16 * m, 1.4 * m, 0.16 * m)
    pygame.draw.circle(
        scene.surface, scene.t((200, 180, 110)), (x + 0.85 * m, base - 1.1 * m), max(1.0, 0.05 * m)
    )


def house(scene: Scene, x: float, w: float, base: float, storeys: int, style: str, facade: RGB) -> float:
    """A narrow row house; returns the top of its walls (pixels)."""
    m, rng = scene.m, scene.rng
    top = base - (0.4 + storeys * STOREY) * m
    scene.rect(facade, x, top, w, base - top)
    mortar = shade(facade, 0.93)
    y = top + 0.5 * m
    step = 0.5 * m
    while y < base and step > 3:
        pygame.draw.line(scene.surface, scene.t(mortar), (x, y), (x + w - 1, y))
        y += step
    scene.rect(shade(facade, 0.7), x, base - 0.4 * m, w, 0.4 * m)
    trim = FRAME if sum(facade) < 560 else (110, 110, 108)
    _top(scene, x, w, top, style, facade, trim)
    cols = max(1, int(w / (1.8 * m)))
    gap = w / cols
    for s in range(1, storeys):
        wy = base - (0.4 + s * STOREY + 2.2) * m
        for c in range(cols):
            window(scene, x + gap * c + (gap - 1.0 * m) / 2, wy, 1.0 * m, 1.6 * m, scene.light.lit_windows)
            scene.rect(trim, x + gap * c + (gap - 1.2 * m) / 2, wy + 1.6 * m, 1.2 * m, 0.1 * m)
    door_left = rng.random() < 0.5
    dx = x + 0.4 * m if door_left else x + w - 1.4 * m
    _door(scene, dx, base, DOORS[rng.randrange(len(DOORS))])
    free_x0, free_x1 = (dx + 1.4 * m, x + w - 0.3 * m) if door_left else (x + 0.3 * m, dx - 0.4 * m)
    if free_x1 - free_x0 > 1.0 * m:
        window(scene, free_x0, base - 2.5 * m, free_x1 - free_x0, 1.9 * m, scene.light.lit_windows * 1.2)
    return top


def _top(scene: Scene, x: float, w: float, top: float, style: str, facade: RGB, trim: RGB) -> None:
    m = scene.m
    cx = x + w / 2
    if style == "flat":
        scene.rect(trim, x - 0.1 * m, top - 0.35 * m, w + 0.2 * m, 0.35 * m)
        scene.rect(shade(trim, 0.8), x - 0.1 * m, top - 0.05 * m, w + 0.2 * m, 0.08 * m)
    elif style == "pitched":
        tiles = ROOF_TILES[int(x) % len(ROOF_TILES)]
        scene.poly(
            tiles,
            [
                (x - 0.2 * m, top),
                (x + w + 0.2 * m, top),
                (x + w - 1.4 * m, top - 2.8 * m),
                (x + 1.4 * m, top - 2.8 * m),
            ],
        )
        if w > 4.5 * m:
            dw = 1.6 * m
            scene.rect(FRAME, cx - dw / 2, top - 1.9 * m, dw, 1.5 * m)
            window(
                scene, cx - dw / 2 + 0.15 * m, top - 1.75 * m, dw - 0.3 * m, 1.1 * m, scene.light.lit_windows
            )
        scene.rect(trim, x - 0.2 * m, top - 0.12 * m, w + 0.4 * m, 0.14 * m)
    elif style == "step":
        steps = 4
        pts = [(x, top)]
        for i in range(steps):
            xl = x + i * (w * 0.4 / steps)
            pts += [(xl, top - (i + 1) * 0.9 * m), (xl + w * 0.4 / steps, top - (i + 1) * 0.9 * m)]
        peak = top - (steps + 0.6) * 0.9 * m
        pts += [(cx - w * 0.1, peak), (cx + w * 0.1, peak)]
        right = [(2 * cx - px, py) for px, py in pts[::-1]]
        scene.poly(facade, pts + right, aa=False)
        window(scene, cx - 0.45 * m, top - 2.6 * m, 0.9 * m, 1.3 * m, scene.light.lit_windows)
    else:  # neck gable with curved shoulders
        neck = w * 0.34
        h1, h2 = 1.2 * m, 3.4 * m
        pts = [
            (x, top),
            (x, top - 0.3 * m),
            (cx - neck - 0.6 * m, top - h1 * 0.6),
            (cx - neck, top - h1),
            (cx - neck, top - h2),
            (cx, top - h2 - 0.9 * m),
            (cx + neck, top - h2),
            (cx + neck, top - h1),
            (cx + neck + 0.6 * m, top - h1 * 0.6),
            (x + w, top - 0.3 * m),
            (x + w, top),
        ]
        scene.poly(facade, pts)
        pygame.draw.lines(scene.surface, scene.t(trim), False, pts[1:-1], max(1, round(0.12 * m)))
        window(scene, cx - 0.5 * m, top - 2.8 * m, 1.0 * m, 1.5 * m, scene.light.lit_windows)


def shop(scene: Scene, x: float, w: float, base: float, storeys: int, facade: RGB, brand: RGB) -> None:
    """A shop building: upper floors like a house, a big lit shop window and a sign board below."""
    m = scene.m
    house(scene, x, w, base, storeys, scene.rng.choice(("flat", "neck", "step", "flat")), facade)
    front_top = base - 3.6 * m
    scene.rect((58, 58, 62), x, front_top, w, 3.6 * m)
    scene.rect(brand, x + 0.2 * m, front_top + 0.15 * m, w - 0.4 * m, 0.7 * m)
    scene.rect(mix(brand, (255, 255, 255), 0.7), x + w * 0.3, front_top + 0.38 * m, w * 0.4, 0.2 * m)
    gx, gy, gw, gh = x + 0.3 * m, front_top + 1.0 * m, w - 1.9 * m, 2.45 * m
    if scene.night:
        scene.emit((255, 240, 208), gx, gy, gw, gh)
        scene.glows.append(
            (pygame.Rect(round(gx - gw * 0.2), round(gy), round(gw * 1.4), round(gh * 2.4)), (90, 74, 44))
        )
    else:
        scene.emit(glass_colour(scene), gx, gy, gw, gh)
    rng = scene.rng
    for _ in range(3):  # displays behind the glass
        dw, dh = rng.uniform(0.5, 1.1) * m, rng.uniform(0.6, 1.4) * m
        dx = gx + rng.uniform(0.1, 0.8) * (gw - dw)
        c = mix(brand, (240, 236, 226), rng.uniform(0.2, 0.7))
        (scene.emit if scene.night else scene.rect)(
            shade(c, 0.85) if scene.night else c, dx, gy + gh - dh, dw, dh
        )
    scene.rect((40, 40, 44), x + w - 1.5 * m, front_top + 1.0 * m, 1.2 * m, 2.6 * m)
    window(scene, x + w - 1.4 * m, front_top + 1.1 * m, 1.0 * m, 1.6 * m, 0.9, cross=False)
    if rng.random() < 0.55:
        stripe = mix(brand, (250, 250, 250), 0.55)
        ax0, ax1, ay = x + 0.1 * m, x + w - 0.1 * m, front_top + 0.9 * m
        scene.poly(
            brand, [(ax0, ay), (ax1, ay), (ax1 + 0.3 * m, ay + 0.9 * m), (ax0 - 0.3 * m, ay + 0.9 * m)]
        )
        n = max(2, int(w / (0.5 * m)))
        for i in range(0, n, 2):
            t0, t1 = i / n, (i + 1) / n
            scene.poly(
                stripe,
                [
                    (ax0 + (ax1 - ax0) * t0, ay),
                    (ax0 + (ax1 - ax0) * t1, ay),
                    (ax0 - 0.3 * m + (ax1 - ax0 + 0.6 * m) * t1, ay + 0.9 * m),
                    (ax0 - 0.3 * m + (ax1 - ax0 + 0.6 * m) * t0, ay + 0.9 * m),
                ],
                aa=False,
            )


def flat(scene: Scene, x: float, w: float, base: float, storeys: int, facade: RGB) -> None:
    """A post-war apartment block (portiekflat): bands of windows, balconies, a stair window column."""
    m = scene.m
    top = base - storeys * STOREY * m - 0.6 * m
    scene.rect(facade, x, top, w, base - top)
    scene.rect(shade(facade, 0.8), x - 0.2 * m, top - 0.3 * m, w + 0.4 * m, 0.4 * m)
    bay = 3.6 * m
    n = max(1, int(w / bay))
    gap = w / n
    for s in range(storeys):
        y = base - (s + 1) * STOREY * m - 0.2 * m
        for i in range(n):
            bx = x + i * gap
            if i % 3 == 1:
                window(scene, bx + gap / 2 - 0.5 * m, y + 0.6 * m, 1.0 * m, 1.8 * m, 0.55, cross=False)
                continue
            window(scene, bx + 0.35 * m, y + 0.6 * m, gap - 0.7 * m, 1.5 * m, scene.light.lit_windows)
            if s > 0:
                scene.rect(shade(facade, 0.75), bx + 0.2 * m, y + 2.0 * m, gap - 0.4 * m, 0.9 * m)
                scene.rect(shade(facade, 0.6), bx + 0.2 * m, y + 2.0 * m, gap - 0.4 * m, 0.1 * m)
