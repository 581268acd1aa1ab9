"""The body below the neck: legs and shoes, the torso in its clothing, arms and hands.

Flat illustration with one shade: light comes from the upper left, so right-hand edges are a step darker.
"""

from __future__ import annotations

from trainer.ui.art import palette as pal
from trainer.ui.art.figure import Arm, Figure
from trainer.ui.art.hair import garment_rgb
from trainer.ui.art.palette import RGB
from trainer.ui.art.pen import Pen, Point, mirror, spline

_TROUSERS: dict[str, RGB] = {
    "casual": pal.DENIM,
    "sportief": (58, 60, 68),
    "net": (52, 54, 62),
    "werkkleding": (56, 64, 84),
    "uniform": (24, 30, 50),
    "winterjas": (50, 64, 94),
    "regenjas": (52, 54, 62),
}
_SHOES: dict[str, tuple[RGB, RGB]] = {  # upper, sole
    "casual": ((236, 236, 232), (180, 182, 186)),
    "sportief": ((226, 228, 232), (120, 126, 136)),
    "net": ((44, 34, 30), (26, 22, 20)),
    "werkkleding": ((88, 66, 46), (40, 34, 30)),
    "uniform": ((22, 22, 26), (12, 12, 14)),
    "winterjas": ((70, 56, 46), (36, 30, 28)),
    "regenjas": ((58, 42, 32), (30, 24, 20)),
}


def clothing(fig: Figure) -> str:
    return str(fig.app.clothing)


def shaded(
    pen: Pen, base: RGB, points: list[Point], steps: int = 5, amount: float = 0.84, keep: float = 0.84
) -> None:
    """Fill a shape in its shade colour, then most of it (anchored on the left) in the base colour."""
    pts = spline(points, True, steps)
    pen.poly(pal.shade(base, amount), pts)
    left = min(x for x, _ in pts)
    pen.poly(base, [(left + (x - left) * keep, y) for x, y in pts])


def legs(pen: Pen, fig: Figure) -> None:
    h = fig.height
    trousers = _TROUSERS.get(clothing(fig), pal.DENIM)
    upper, sole = _SHOES.get(clothing(fig), _SHOES["casual"])
    tw = fig.thigh_w
    for i, leg in enumerate(fig.legs):
        col = trousers if i == 0 else pal.shade(trousers, 0.9)
        pen.limb(col, leg.hip, leg.knee, tw, tw * 0.8)
        pen.limb(col, leg.knee, leg.ankle, tw * 0.8, tw * 0.64)
    l0, l1 = fig.legs
    pen.poly(
        trousers,
        [
            (l0.hip[0] - tw * 0.5, fig.waist_y - h * 0.02),
            (l1.hip[0] + tw * 0.5, fig.waist_y - h * 0.02),
            (l1.hip[0] + tw * 0.5, l1.hip[1]),
            (l1.hip[0], l1.hip[1] - tw * 0.45),
            (l0.hip[0], l0.hip[1] - tw * 0.45),
            (l0.hip[0] - tw * 0.5, l0.hip[1]),
        ],
    )
    pen.line(
        pal.shade(trousers, 0.8),
        (l0.hip[0] * 0.2 + l1.hip[0] * 0.8 - tw * 0.3, l1.hip[1] - tw * 0.2),
        (l1.hip[0] - tw * 0.2, l1.hip[1] - tw * 0.45),
        h * 0.003,
    )
    if clothing(fig) == "werkkleding":
        for leg in fig.legs:
            y = leg.ankle[1] + h * 0.07
            x = leg.ankle[0] + (leg.knee[0] - leg.ankle[0]) * 0.3
            pen.line(pal.REFLECT, (x - tw * 0.36, y), (x + tw * 0.36, y), h * 0.012)
    if clothing(fig) == "sportief":
        for s, leg in zip((-1.0, 1.0), fig.legs, strict=True):
            pen.line(
                pal.shade(trousers, 1.5),
                (leg.hip[0] + s * tw * 0.42, leg.hip[1]),
                (leg.ankle[0] + s * tw * 0.3, leg.ankle[1] + h * 0.01),
                h * 0.006,
            )
    for s, leg in zip((-1.0, 1.0), fig.legs, strict=True):
        x = leg.ankle[0]
        w = h * 0.064 * (0.92 if fig.child else 1.0)
        out = s * w * 0.12
        shoe = [
            (x - w * 0.5 + out, -0.4),
            (x + w * 0.5 + out, -0.4),
            (x + w * 0.48 + out, h * 0.022),
            (x + w * 0.2, h * 0.044),
            (x - w * 0.26, h * 0.044),
            (x - w * 0.5 + out, h * 0.02),
        ]
        pen.smooth(upper, shoe, steps=3)
        pen.rect(sole, x - w * 0.5 + out, -0.5, w, h * 0.011 + 0.5, radius=h * 0.004)


def _torso_points(fig: Figure) -> list[Point]:
    h, sy = fig.height, fig.shoulder_y
    extra = h * 0.012 if clothing(fig) == "winterjas" else 0.0
    hem = max(fig.hip_half, fig.waist_half) + extra + (h * 0.006 if clothing(fig) == "net" else 0.0)
    sh = fig.shoulder_half + extra * 0.5
    slope = h * (0.03 if fig.elderly else 0.02)
    half = [
        (fig.neck_w * 0.62, sy + h * 0.024),
        (fig.neck_w * 1.1, sy + h * 0.018),
        (sh * 0.78, sy + h * 0.004),
        (sh, sy - slope),
        (fig.chest_half + extra + 1.0, sy - h * 0.1),
        (fig.waist_half + extra, fig.waist_y),
        (hem, fig.hem_y + h * 0.006),
        (hem * 0.5, fig.hem_y),
    ]
    pts = mirror([(-x, y) for x, y in half])
    dx = fig.shift * 0.5
    return [(x + dx * max(0.0, (sy - y) / (sy - fig.hem_y)), y) for x, y in pts]


def half_width_at(fig: Figure, y: float) -> float:
    """The torso's half-width at height y (linear between control points), for bands and seams."""
    pts = [(abs(x), yy) for x, yy in _torso_points(fig) if x < 0]
    pts.sort(key=lambda p: -p[1])
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        if y1 <= y <= y0:
            t = (y0 - y) / ((y0 - y1) or 1.0)
            return x0 + (x1 - x0) * t - 0.6
    return fig.waist_half


def torso(pen: Pen, fig: Figure) -> None:
    base = garment_rgb(fig)
    shaded(pen, base, _torso_points(fig))
    h, sy, kind = fig.height, fig.shoulder_y, clothing(fig)
    cx = fig.shift * 0.25
    dark = pal.shade(base, 0.72)

    def band(y: float, thick: float, colour: RGB) -> None:
        w0, w1 = half_width_at(fig, y + thick / 2), half_width_at(fig, y - thick / 2)
        pen.poly(
            colour,
            [
                (cx - w0, y + thick / 2),
                (cx + w0, y + thick / 2),
                (cx + w1, y - thick / 2),
                (cx - w1, y - thick / 2),
            ],
        )

    if fig.facing == "back":
        pen.line(dark, (cx, sy - h * 0.02), (cx, fig.hem_y + h * 0.01), h * 0.003)  # the back seam
        if kind in ("uniform", "werkkleding"):
            band(sy - h * 0.115, h * 0.016, pal.REFLECT)
        return

    if kind == "casual":
        tee = (228, 226, 220) if fig.app.clothing_color not in ("wit", "geel") else (70, 78, 92)
        pen.poly(
            tee,
            [
                (cx - fig.neck_w * 0.62, sy + h * 0.01),
                (cx + fig.neck_w * 0.62, sy + h * 0.01),
                (cx + h * 0.02, fig.hem_y),
                (cx - h * 0.02, fig.hem_y),
            ],
        )
        for s in (-1.0, 1.0):
            pen.line(
                dark, (cx + s * fig.neck_w * 0.62, sy + h * 0.01), (cx + s * h * 0.02, fig.hem_y), h * 0.005
            )
    elif kind == "sportief":
        pen.line(dark, (cx, sy + h * 0.004), (cx, fig.hem_y + h * 0.004), h * 0.004)
        pen.poly(
            pal.shade(base, 0.86),
            [
                (cx - fig.neck_w * 0.62, sy + h * 0.018),
                (cx + fig.neck_w * 0.62, sy + h * 0.018),
                (cx + fig.neck_w * 0.5, sy - h * 0.006),
                (cx - fig.neck_w * 0.5, sy - h * 0.006),
            ],
        )
    elif kind in ("net", "uniform"):
        shirt = pal.POLICE_SHIRT if kind == "uniform" else (240, 240, 236)
        v = sy - h * (0.06 if kind == "uniform" else 0.11)
        pen.poly(
            shirt, [(cx - fig.neck_w * 0.6, sy + h * 0.012), (cx + fig.neck_w * 0.6, sy + h * 0.012), (cx, v)]
        )
        for s in (-1.0, 1.0):
            pen.poly(
                pal.shade(base, 0.82),
                [
                    (cx + s * fig.neck_w * 0.6, sy + h * 0.012),
                    (cx, v),
                    (cx + s * fig.neck_w * 0.95, sy - h * 0.05),
                ],
            )
        if kind == "uniform":
            pen.line((20, 24, 36), (cx, v), (cx, fig.hem_y), h * 0.004)
            band(sy - h * 0.115, h * 0.014, pal.REFLECT)
            band(fig.waist_y - h * 0.035, h * 0.022, (20, 20, 24))
            bx = cx + fig.chest_half * 0.5
            pen.ellipse((212, 178, 92), bx, sy - h * 0.065, h * 0.008, h * 0.01)
    elif kind == "werkkleding":
        pen.line(dark, (cx, sy + h * 0.006), (cx, fig.hem_y), h * 0.004)
        for y in (sy - h * 0.12, fig.waist_y - h * 0.03):
            band(y, h * 0.016, pal.REFLECT if fig.app.clothing_color in ("geel", "wit") else pal.HIVIS)
    elif kind == "regenjas":
        # A smooth trench: a belt at the waist, a collar, a row of buttons on an off-centre front.
        front = cx + fig.chest_half * 0.18
        pen.line(dark, (front, sy - h * 0.02), (front, fig.hem_y), h * 0.004)
        band(fig.waist_y - h * 0.01, h * 0.016, pal.shade(base, 0.78))
        for i in range(4):
            pen.circle(dark, front - h * 0.012, sy - h * 0.05 - i * h * 0.045, h * 0.0045)
        for s in (-1.0, 1.0):
            pen.poly(
                pal.shade(base, 0.88),
                [
                    (cx + s * fig.neck_w * 0.5, sy + h * 0.026),
                    (cx + s * fig.neck_w * 1.15, sy + h * 0.004),
                    (cx + s * fig.neck_w * 0.2, sy - h * 0.06),
                ],
            )
    elif kind == "winterjas":
        y = sy - h * 0.05
        while y > fig.hem_y + h * 0.02:
            w = half_width_at(fig, y)
            pen.polyline(dark, [(cx - w, y), (cx, y - h * 0.004), (cx + w, y)], h * 0.003)
            y -= h * 0.05
        pen.line(pal.shade(base, 0.6), (cx, sy + h * 0.01), (cx, fig.hem_y), h * 0.004)
        pen.poly(
            pal.shade(base, 0.9),
            [
                (cx - fig.neck_w * 0.7, sy + h * 0.028),
                (cx + fig.neck_w * 0.7, sy + h * 0.028),
                (cx + fig.neck_w * 0.8, sy - h * 0.004),
                (cx - fig.neck_w * 0.8, sy - h * 0.004),
            ],
        )


def _sleeve(pen: Pen, fig: Figure, arm: Arm, i: int) -> None:
    base = garment_rgb(fig)
    col = base if i == 0 else pal.shade(base, 0.9)
    w, h = fig.arm_w, fig.height
    # A shadow on the body side keeps the arm distinct from a jacket of the same colour.
    off = (0.9 if i == 0 else -0.9, -0.5)
    edge = pal.shade(base, 0.66)
    pen.limb(
        edge,
        (arm.shoulder[0] + off[0] * 0.3, arm.shoulder[1]),
        (arm.elbow[0] + off[0], arm.elbow[1] + off[1]),
        w,
        w * 0.9,
    )
    pen.limb(
        edge,
        (arm.elbow[0] + off[0], arm.elbow[1] + off[1]),
        (arm.hand[0] + off[0], arm.hand[1] + off[1]),
        w * 0.88,
        w * 0.74,
    )
    pen.limb(col, arm.shoulder, arm.elbow, w, w * 0.9)
    pen.limb(col, arm.elbow, arm.hand, w * 0.88, w * 0.74)
    kind = clothing(fig)
    mid = ((arm.elbow[0] + arm.hand[0]) / 2, (arm.elbow[1] + arm.hand[1]) / 2)
    if kind in ("werkkleding", "uniform"):
        dx, dy = arm.hand[0] - arm.elbow[0], arm.hand[1] - arm.elbow[1]
        n = max(1e-6, (dx * dx + dy * dy) ** 0.5)
        ux, uy = dx / n * h * 0.007, dy / n * h * 0.007
        px, py = -dy / n * w * 0.42, dx / n * w * 0.42
        pen.poly(
            pal.REFLECT,
            [
                (mid[0] + px - ux, mid[1] + py - uy),
                (mid[0] + px + ux, mid[1] + py + uy),
                (mid[0] - px + ux, mid[1] - py + uy),
                (mid[0] - px - ux, mid[1] - py - uy),
            ],
        )
    if kind == "sportief":
        pen.polyline(pal.lighten(base, 0.7), [arm.shoulder, arm.elbow, arm.hand], h * 0.005)


def _hand(pen: Pen, fig: Figure, arm: Arm) -> None:
    if not arm.hand_shown:
        return
    h = fig.height
    c, rim = pal.skin(fig.app.skin_tone), pal.shade(pal.skin_shadow(fig.app.skin_tone), 0.8)
    x, y = arm.hand
    rx, ry = (
        (h * 0.021, h * 0.021)
        if arm.fist
        else (h * 0.02, h * 0.027)
        if arm.open_palm
        else (h * 0.019, h * 0.026)
    )
    if not arm.fist and not arm.open_palm:
        y -= h * 0.004
    # A darker rim keeps hands readable against clothing of a similar colour.
    pen.ellipse(rim, x + h * 0.002, y - h * 0.002, rx + h * 0.003, ry + h * 0.003)
    pen.ellipse(c, x, y, rx, ry)


def arms(pen: Pen, fig: Figure) -> None:
    """Arms after the torso; crossed arms tuck one hand under the other arm."""
    a0, a1 = fig.arms
    if fig.crossed:
        base, w = garment_rgb(fig), fig.arm_w
        edge = pal.shade(base, 0.66)

        def under(a: Point, b: Point, wa: float, wb: float, dx: float, dy: float) -> None:
            pen.limb(edge, (a[0] + dx, a[1] + dy), (b[0] + dx, b[1] + dy), wa, wb)

        under(a0.shoulder, a0.elbow, w, w * 0.9, 0.9, -0.4)
        pen.limb(base, a0.shoulder, a0.elbow, w, w * 0.9)
        under(a0.elbow, a0.hand, w * 0.9, w * 0.8, 0.0, -1.0)
        pen.limb(pal.shade(base, 0.92), a0.elbow, a0.hand, w * 0.9, w * 0.8)
        under(a1.shoulder, a1.elbow, w, w * 0.9, -0.9, -0.4)
        pen.limb(pal.shade(base, 0.9), a1.shoulder, a1.elbow, w, w * 0.9)
        under(a1.elbow, a1.hand, w * 0.9, w * 0.8, 0.0, -1.1)
        pen.limb(pal.shade(base, 0.97), a1.elbow, a1.hand, w * 0.9, w * 0.8)
        _hand(pen, fig, a1)
        return
    for i, arm in enumerate(fig.arms):
        _sleeve(pen, fig, arm, i)
    for i, arm in enumerate(fig.arms):
        if i != fig.phone_arm:
            _hand(pen, fig, arm)


def hand(pen: Pen, fig: Figure, arm: Arm) -> None:
    _hand(pen, fig, arm)
