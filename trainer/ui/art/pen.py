"""Drawing in centimetres: a Pen maps model coordinates (x right, y up from the ground) onto a surface.

Figures and vehicles are drawn supersampled on a Pen and scaled down with smoothscale, which gives
anti-aliased edges for plain pygame.draw polygons.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from trainer.ui.art.palette import RGB

Point = tuple[float, float]
Colour = RGB | tuple[int, int, int, int]

REFERENCE_CM = 215.0
"""The height in centimetres that a surface of `height_px` pixels spans (people, groups, vehicles alike)."""


def px_per_cm(height_px: int) -> float:
    """Scale shared by every render function, so people and vehicles drawn at one height_px are to scale."""
    return height_px / REFERENCE_CM


def spline(points: Sequence[Point], closed: bool = True, steps: int = 5) -> list[Point]:
    """Catmull-Rom curve through the points: smooth organic outlines from a few control points."""
    n = len(points)
    if n < 3:
        return list(points)
    out: list[Point] = []
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if closed else points[max(i - 1, 0)]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed else points[min(i + 2, n - 1)]
        for k in range(steps):
            t = k / steps
            t2 = t * t
            t3 = t2 * t
            out.append(
                (
                    0.5
                    * (
                        2 * p1[0]
                        + (p2[0] - p0[0]) * t
                        + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
                        + (3 * p1[0] - p0[0] - 3 * p2[0] + p3[0]) * t3
                    ),
                    0.5
                    * (
                        2 * p1[1]
                        + (p2[1] - p0[1]) * t
                        + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
                        + (3 * p1[1] - p0[1] - 3 * p2[1] + p3[1]) * t3
                    ),
                )
            )
    if not closed:
        out.append(points[-1])
    return out


def mirror(points: Sequence[Point], cx: float = 0.0) -> list[Point]:
    """The points followed by their mirror image (reversed), for symmetric closed shapes."""
    return list(points) + [(2 * cx - x, y) for x, y in reversed(points)]


class Pen:
    """Draws on `surface` with model coordinates in cm: pixel = origin + (x, -y) * scale."""

    def __init__(self, surface: pygame.Surface, scale: float, origin: Point) -> None:
        self.surface = surface
        self.s = scale
        self.ox, self.oy = origin

    def p(self, x: float, y: float) -> Point:
        return (self.ox + x * self.s, self.oy - y * self.s)

    def pts(self, points: Sequence[Point]) -> list[Point]:
        s, ox, oy = self.s, self.ox, self.oy
        return [(ox + x * s, oy - y * s) for x, y in points]

    def poly(self, colour: Colour, points: Sequence[Point]) -> None:
        if len(points) >= 3:
            pygame.draw.polygon(self.surface, colour, self.pts(points))

    def smooth(self, colour: Colour, points: Sequence[Point], steps: int = 5) -> None:
        self.poly(colour, spline(points, True, steps))

    def circle(self, colour: Colour, x: float, y: float, r: float) -> None:
        px, py = self.p(x, y)
        pygame.draw.circle(self.surface, colour, (px, py), max(1.0, r * self.s))

    def ellipse(self, colour: Colour, x: float, y: float, rx: float, ry: float) -> None:
        px, py = self.p(x, y)
        w, h = max(2.0, 2 * rx * self.s), max(2.0, 2 * ry * self.s)
        pygame.draw.ellipse(self.surface, colour, pygame.FRect(px - w / 2, py - h / 2, w, h))

    def rect(self, colour: Colour, x: float, y: float, w: float, h: float, radius: float = 0.0) -> None:
        """Axis-aligned box with its lower-left corner at (x, y)."""
        px, py = self.p(x, y + h)
        pygame.draw.rect(
            self.surface,
            colour,
            pygame.Rect(round(px), round(py), max(1, round(w * self.s)), max(1, round(h * self.s))),
            0,
            round(radius * self.s),
        )

    def line(self, colour: Colour, a: Point, b: Point, width: float) -> None:
        """A thick segment with round caps."""
        self.limb(colour, a, b, width, width)

    def polyline(self, colour: Colour, points: Sequence[Point], width: float, smooth: bool = False) -> None:
        pts = spline(points, False, 4) if smooth else list(points)
        w = max(1, round(width * self.s))
        pygame.draw.lines(self.surface, colour, False, self.pts(pts), w)
        if w >= 3:
            for x, y in (pts[0], pts[-1]):
                self.circle(colour, x, y, width / 2)

    def limb(self, colour: Colour, a: Point, b: Point, wa: float, wb: float) -> None:
        """A tapered capsule from a (width wa) to b (width wb): arms, legs, bike tubes."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1e-6
        nx, ny = -dy / length, dx / length
        ra, rb = wa / 2, wb / 2
        self.poly(
            colour,
            [
                (a[0] + nx * ra, a[1] + ny * ra),
                (b[0] + nx * rb, b[1] + ny * rb),
                (b[0] - nx * rb, b[1] - ny * rb),
                (a[0] - nx * ra, a[1] - ny * ra),
            ],
        )
        self.circle(colour, a[0], a[1], ra)
        self.circle(colour, b[0], b[1], rb)

    def arc(
        self,
        colour: Colour,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        a0: float,
        a1: float,
        width: float,
        steps: int = 10,
    ) -> None:
        """An elliptical arc between angles a0..a1 (radians, counter-clockwise from +x): brows, mouths,
        tyres."""
        pts = [
            (cx + rx * math.cos(a0 + (a1 - a0) * i / steps), cy + ry * math.sin(a0 + (a1 - a0) * i / steps))
            for i in range(steps + 1)
        ]
        self.polyline(colour, pts, width)

    def ring(self, colour: Colour, x: float, y: float, r: float, width: float) -> None:
        px, py = self.p(x, y)
        pygame.draw.circle(
            self.surface, colour, (px, py), max(1.0, r * self.s), max(1, round(width * self.s))
        )


def downsample(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """Supersampled drawing → final size (smoothscale keeps per-pixel alpha)."""
    if surface.get_size() == size:
        return surface
    return pygame.transform.smoothscale(surface, size)


def vertical_gradient(surface: pygame.Surface, rect: pygame.Rect, top: RGB, bottom: RGB) -> None:
    """Fill rect with a top→bottom gradient, one horizontal line per row."""
    h = max(1, rect.height - 1)
    for i in range(rect.height):
        t = i / h
        c = (
            int(top[0] + (bottom[0] - top[0]) * t),
            int(top[1] + (bottom[1] - top[1]) * t),
            int(top[2] + (bottom[2] - top[2]) * t),
        )
        pygame.draw.line(surface, c, (rect.left, rect.top + i), (rect.right - 1, rect.top + i))
