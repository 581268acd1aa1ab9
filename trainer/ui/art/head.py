"""The head: neck, ears, face shape and a calm, simple face whose brows, eyes and mouth carry the demeanour.

Detail follows size: a few pixels tall, the eyes are dots; in a portrait they get whites, irises and lids.
"""

from __future__ import annotations

import math

from trainer.ui.art import hair, veil
from trainer.ui.art import palette as pal
from trainer.ui.art.figure import Figure, HeadFrame
from trainer.ui.art.pen import Pen, Point, mirror

_FACE = mirror([(0.0, 1.0), (0.62, 0.93), (0.95, 0.56), (1.0, 0.1), (0.94, -0.3), (0.74, -0.7), (0.4, -0.95)])
_FACE_CHILD = mirror(
    [(0.0, 1.0), (0.64, 0.94), (0.97, 0.55), (1.0, 0.05), (0.95, -0.35), (0.8, -0.72), (0.46, -0.96)]
)

# Brows as (inner lift, outer lift) in head units, mouth as (curve, width, open).
_BROWS = {
    "kalm": (0.0, 0.0),
    "vriendelijk": (0.04, 0.02),
    "nerveus": (0.07, -0.01),
    "geirriteerd": (-0.06, 0.0),
    "bang": (0.11, -0.02),
    "boos": (-0.1, 0.03),
    "onverschillig": (-0.01, -0.01),
}
_MOUTH = {
    "kalm": (0.05, 0.2, 0.0),
    "vriendelijk": (0.11, 0.26, 0.0),
    "nerveus": (-0.015, 0.15, 0.0),
    "geirriteerd": (-0.03, 0.2, 0.0),
    "bang": (0.0, 0.12, 0.07),
    "boos": (-0.07, 0.2, 0.0),
    "onverschillig": (-0.01, 0.18, 0.0),
}


def draw_head(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    """Everything from the neck up, after the torso (the back layer of hair comes before the torso)."""
    tone = fig.app.skin_tone
    skin, shadow = pal.skin(tone), pal.skin_shadow(tone)
    hair.headwear_back(pen, fig, f)
    covered = hair.covers_hair(fig)
    if str(fig.app.headwear) not in hair.COVERING:
        nx, ny = fig.head[0], fig.shoulder_y - fig.height * 0.01
        neck_top = f.cy - f.b * 0.6
        pen.poly(
            skin,
            [
                (nx - fig.neck_w / 2, ny),
                (nx - fig.neck_w / 2, neck_top),
                (nx + fig.neck_w / 2, neck_top),
                (nx + fig.neck_w / 2, ny),
            ],
        )
        cx, cy = f.at(0.0, -0.92)
        pen.ellipse(shadow, cx, cy, f.a * 0.46, f.b * 0.16)
    if fig.facing == "back":
        cover = hair.covering_rgb(fig)
        if cover is not None:  # a scarf or hood is all one sees of the head from behind
            pen.smooth(cover, f.shape(_FACE))
            pen.polyline(
                pal.shade(cover, 0.85),
                f.shape([(-0.5, 0.9), (0.0, 0.2), (0.1, -0.9)]),
                f.b * 0.04,
                smooth=True,
            )
            hair.headphones(pen, fig, f)
            return
        pen.smooth(skin, f.shape(_FACE))
        for s in (-1.0, 1.0):
            x, y = f.at(s * 0.98, -0.05)
            pen.ellipse(skin, x, y, f.a * 0.15, f.b * 0.22)
        hair.hair_front(pen, fig, f)
        if veil.has_col(fig):
            veil.col_back(pen, fig, f)
        hair.headwear_front(pen, fig, f)
        hair.headphones(pen, fig, f)
        return
    if str(fig.app.headwear) == "niqab":
        # Covered but for the eyes: the covering first, then eyes and brows on the open band.
        hair.headwear_front(pen, fig, f)
        _eyes(pen, fig, f, f.b * 2 * pen.s >= 70)
        if "bril" in fig.app.accessories:
            _glasses(pen, f, fig.app.skin_tone)
        hair.headphones(pen, fig, f)
        return
    if not covered:
        for s in (-1.0, 1.0):
            if f.d and s == -f.d:
                continue
            x, y = f.at(s * (0.98 - 0.08 * abs(f.d)), -0.06)
            pen.ellipse(skin, x, y, f.a * 0.16, f.b * 0.23)
            pen.ellipse(shadow, x + s * f.a * 0.02, y, f.a * 0.07, f.b * 0.12)
    pen.smooth(skin, f.shape(_FACE_CHILD if fig.child else _FACE))
    # Light from the upper left: a soft shadow along the right jaw.
    pen.smooth(
        pal.mix(skin, shadow, 0.45),
        f.shape(
            [(0.98, 0.1), (0.94, -0.3), (0.74, -0.7), (0.4, -0.95), (0.5, -0.78), (0.76, -0.42), (0.86, 0.0)]
        ),
    )
    _face(pen, fig, f)
    hair.hair_front(pen, fig, f)
    if veil.has_col(fig):  # under the hood or cap, over the mouth
        veil.col_front(pen, fig, f)
    hair.headwear_front(pen, fig, f)
    if "bril" in fig.app.accessories:
        _glasses(pen, f, fig.app.skin_tone)
    hair.headphones(pen, fig, f)


def _face(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    tone, mood = fig.app.skin_tone, fig.mood
    shadow = pal.skin_shadow(tone)
    detailed = f.b * 2 * pen.s >= 70
    _eyes(pen, fig, f, detailed)
    # Nose: a soft shadow shape, turned with the head.
    nx, ny = f.feat(0.06, -0.36)
    pen.ellipse(shadow, nx, ny, f.a * 0.14, f.b * 0.05)
    pen.polyline(shadow, [f.feat(0.1, -0.05), f.feat(0.15, -0.28), f.feat(0.09, -0.35)], f.b * 0.035)
    _mouth(pen, fig, f, detailed)
    if fig.app.age >= 60:
        line = pal.mix(pal.skin(tone), shadow, 0.8)
        for s in (-1.0, 1.0):
            pen.polyline(
                line,
                [f.feat(s * 0.24, -0.38), f.feat(s * 0.33, -0.52), f.feat(s * 0.3, -0.64)],
                f.b * 0.025,
                smooth=True,
            )
    if mood == "vriendelijk" and detailed:
        for s in (-1.0, 1.0):
            cx, cy = f.feat(s * 0.55, -0.36)
            pen.ellipse(pal.mix(pal.skin(tone), (210, 110, 100), 0.14), cx, cy, f.a * 0.16, f.b * 0.08)


def _eyes(pen: Pen, fig: Figure, f: HeadFrame, detailed: bool) -> None:
    """Eyes and brows: on their own they carry the demeanour when the rest of the face is covered."""
    tone, mood = fig.app.skin_tone, fig.mood
    ink = pal.feature_ink(tone)
    shadow = pal.skin_shadow(tone)
    lx, ly = fig.look
    eye_v = -0.04 if not fig.child else -0.1
    eye_rx, eye_ry = (0.15, 0.1) if detailed else (0.095, 0.085)
    if fig.child:
        eye_rx, eye_ry = eye_rx * 1.12, eye_ry * 1.12
    bi, bo = _BROWS.get(mood, (0.0, 0.0))
    lid = mood == "onverschillig" or (mood == "boos" and detailed)
    for s in (-1.0, 1.0):
        ex, ey = f.feat(s * 0.37, eye_v)
        if detailed:
            wide = 1.25 if mood == "bang" else 1.0
            pen.ellipse((246, 244, 238), ex, ey, f.a * eye_rx, f.b * eye_ry * wide)
            ix, iy = ex + lx * f.a * 0.07, ey + ly * f.b * 0.06
            pen.circle((70, 46, 34), ix, iy, f.b * 0.082)
            pen.circle(ink, ix, iy, f.b * 0.045)
            pen.circle((250, 250, 250), ix - f.a * 0.025, iy + f.b * 0.03, f.b * 0.018)
            top = ey + f.b * eye_ry * wide
            if lid:
                cover = 0.45 if mood == "onverschillig" else 0.3
                pen.ellipse(
                    pal.mix(pal.skin(tone), shadow, 0.5),
                    ex,
                    top - f.b * eye_ry * cover * 0.6,
                    f.a * eye_rx * 1.04,
                    f.b * eye_ry * cover,
                )
            pen.arc(
                ink, ex, ey, f.a * eye_rx * 1.02, f.b * eye_ry * wide, 0.15, math.pi - 0.15, f.b * 0.028, 8
            )
        else:
            ry = eye_ry * (0.55 if lid or ly < -0.2 else 1.0)
            pen.ellipse(ink, ex + lx * f.a * 0.04, ey + ly * f.b * 0.03, f.a * eye_rx, f.b * ry)
        # Brows: inner end lifts for worry, drops for anger; outer end stays.
        inner = f.feat(s * 0.16, 0.22 + bi)
        outer = f.feat(s * 0.56, 0.22 + bo)
        mid = f.feat(s * 0.36, 0.26 + (bi + bo) / 2 + 0.015)
        brow = pal.mix(hair.hair_rgb(fig), ink, 0.5) if str(fig.app.hair) != "kaal" else pal.shade(ink, 1.4)
        pen.polyline(brow, [inner, mid, outer], f.b * (0.05 if detailed else 0.065))


def _mouth(pen: Pen, fig: Figure, f: HeadFrame, detailed: bool) -> None:
    curve, width, opened = _MOUTH.get(fig.mood, (0.04, 0.2, 0.0))
    colour = pal.lip(fig.app.skin_tone)
    y0 = -0.58 if not fig.child else -0.6
    cx, cy = f.feat(0.0, y0)
    if opened:
        pen.ellipse(pal.shade(colour, 0.7), cx, cy, f.a * width * 0.55, f.b * opened)
        return
    pts: list[Point] = []
    for i in range(7):
        t = -1 + 2 * i / 6
        pts.append(
            f.feat(t * width, y0 - curve * (1 - t * t) + (0.012 * t if fig.mood == "onverschillig" else 0))
        )
    pen.polyline(colour, pts, f.b * (0.045 if detailed else 0.06))
    if detailed and curve > 0.06:
        lower = [
            f.feat(t * width * 0.6, y0 - curve * 1.05 - 0.03 * (1 - t * t)) for t in (-1, -0.5, 0, 0.5, 1)
        ]
        pen.polyline(pal.mix(colour, pal.skin(fig.app.skin_tone), 0.5), lower, f.b * 0.03)


def _glasses(pen: Pen, f: HeadFrame, tone: int) -> None:
    frame = (44, 40, 42) if tone <= 4 else (150, 128, 96)
    w = f.b * 0.045
    for s in (-1.0, 1.0):
        ex, ey = f.feat(s * 0.37, -0.04)
        rx, ry = f.a * 0.25, f.b * 0.16
        corners = [(ex - rx, ey + ry), (ex + rx, ey + ry), (ex + rx * 0.9, ey - ry), (ex - rx * 0.9, ey - ry)]
        pen.polyline(frame, corners + corners[:1], w)
        pen.line(frame, f.feat(s * 0.62, 0.06), f.at(s * 0.98, 0.02), w)
    pen.polyline(frame, [f.feat(-0.12, 0.04), f.feat(0.0, 0.08), f.feat(0.12, 0.04)], w)
