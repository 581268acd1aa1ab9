"""Hair and headwear, drawn in head coordinates (see HeadFrame): a back layer before the body and face,
a front layer after the face. A headscarf frames the face and drapes over the shoulders, as it is worn.
"""

from __future__ import annotations

import math

from trainer.ui.art import palette as pal
from trainer.ui.art import veil
from trainer.ui.art.figure import Figure, HeadFrame
from trainer.ui.art.palette import RGB
from trainer.ui.art.pen import Pen, Point, mirror, spline

ACCENT: dict[str, RGB] = {  # knitwear and caps: a calm colour next to the clothing colour
    "blauw": (188, 150, 76),
    "zwart": (140, 62, 62),
    "grijs": (62, 90, 128),
    "rood": (62, 62, 72),
    "groen": (186, 166, 136),
    "geel": (62, 80, 110),
    "wit": (88, 108, 140),
    "bruin": (196, 176, 146),
    "paars": (166, 156, 146),
}


def hair_rgb(fig: Figure) -> RGB:
    name = (
        "grijs"
        if str(fig.app.hair) == "grijs" and fig.app.hair_color not in ("grijs", "wit")
        else fig.app.hair_color
    )
    return pal.hair_colour(name, fig.app.age)


def garment_rgb(fig: Figure) -> RGB:
    return pal.POLICE_NAVY if str(fig.app.clothing) == "uniform" else pal.colour(fig.app.clothing_color)


COVERING = ("hoofddoek", "niqab", "capuchon")  # headwear that hides the hair and the neck


def covering_rgb(fig: Figure) -> RGB | None:
    """The colour of a headscarf, niqab or hood, which is all one sees of the head from behind."""
    hw = str(fig.app.headwear)
    if hw == "hoofddoek":
        return pal.SCARF.get(fig.app.clothing_color, (150, 130, 140))
    if hw == "niqab":
        return veil.niqab_rgb(fig)
    return garment_rgb(fig) if hw == "capuchon" else None


def covers_hair(fig: Figure) -> bool:
    return str(fig.app.headwear) in COVERING


# --- back layer (before torso) -------------------------------------------------------------------


def hair_back(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    """Hair that falls behind the head and shoulders: long hair, braids, the volume of curls."""
    if covers_hair(fig):
        return
    style = str(fig.app.hair)
    c = hair_rgb(fig)
    dark = pal.shade(c, 0.8)
    if style == "lang":
        pen.smooth(
            dark, f.shape(mirror([(-1.06, 0.55), (-1.22, -0.4), (-1.3, -1.6), (-1.28, -2.55), (-0.7, -2.7)]))
        )
    elif style == "vlechtjes":
        for s in (-1.0, 1.0):
            for k in range(3):
                u = s * (0.72 + 0.2 * k)
                for j in range(11):
                    x, y = f.at(u + s * 0.02 * j, 0.1 - 0.26 * j)
                    pen.ellipse(dark if j % 2 else c, x, y, f.a * 0.13, f.b * 0.16)
    elif style == "krullen" and str(fig.app.headwear) in ("geen", "koptelefoon"):
        _curl_cloud(pen, f, c, dark, front=False)


def _curl_cloud(pen: Pen, f: HeadFrame, c: RGB, dark: RGB, front: bool) -> None:
    """Curly hair as a soft cloud: a darker rim for depth, a lighter crown, a few curls for texture."""
    if not front:
        pen.smooth(dark, f.shape(mirror([(-1.22, -0.2), (-1.32, 0.5), (-1.0, 1.2), (-0.4, 1.42)])))
        for i in range(13):
            ang = math.pi * (-0.08 + 1.16 * i / 12)
            x, y = f.at(1.12 * math.cos(ang), 0.42 + 0.92 * math.sin(ang))
            pen.ellipse(dark, x, y, f.a * 0.34, f.b * 0.28)
        return
    for i in range(11):
        ang = math.pi * (0.02 + 0.96 * i / 10)
        x, y = f.at(0.98 * math.cos(ang), 0.5 + 0.8 * math.sin(ang))
        pen.ellipse(c, x, y, f.a * 0.3, f.b * 0.24)
    pen.smooth(c, f.shape([(-1.0, 0.45), (-0.6, 1.1), (0.6, 1.1), (1.0, 0.45), (0.0, 0.62)]))
    for i in range(9):
        u = -0.9 + 1.8 * i / 8
        x, y = f.at(u, 0.56 + 0.12 * (1 - u * u))
        pen.ellipse(c, x, y, f.a * 0.17, f.b * 0.13)
    curl = pal.shade(c, 0.72) if sum(c) > 120 else pal.lighten(c, 0.12)
    for u, v in (
        (-0.7, 0.95),
        (-0.25, 1.2),
        (0.3, 1.15),
        (0.75, 0.92),
        (-0.5, 0.7),
        (0.1, 0.82),
        (0.55, 0.68),
    ):
        x, y = f.at(u, v)
        pen.arc(curl, x, y, f.a * 0.09, f.b * 0.07, 0.3, 3.6, f.b * 0.025, 6)


# --- front layer (after face) --------------------------------------------------------------------

_CAP_OUTER = [
    (-1.05, -0.05),
    (-1.1, 0.42),
    (-0.86, 0.88),
    (-0.42, 1.1),
    (0.2, 1.12),
    (0.76, 0.96),
    (1.08, 0.5),
    (1.05, -0.05),
]


def hair_front(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    if covers_hair(fig):
        return
    style = str(fig.app.hair)
    c = hair_rgb(fig)
    if f.d == 0 and fig.facing == "back":
        if style != "kaal":
            pen.smooth(
                c,
                f.shape(
                    [
                        (-1.06, -0.5),
                        (-1.1, 0.42),
                        (-0.8, 0.95),
                        (0, 1.12),
                        (0.8, 0.95),
                        (1.1, 0.42),
                        (1.06, -0.5),
                        (0, -0.62),
                    ]
                ),
            )
        return
    if style == "kaal":
        x, y = f.at(-0.32, 0.72)
        pen.ellipse(pal.lighten(pal.skin(fig.app.skin_tone), 0.18), x, y, f.a * 0.26, f.b * 0.1)
        return
    if style == "krullen":
        if str(fig.app.headwear) in ("geen", "koptelefoon"):
            _curl_cloud(pen, f, c, pal.shade(c, 0.8), front=True)
        else:
            _short_cap(pen, f, c, hairline=0.5)
        return
    if style == "lang":
        part = 0.18 + 0.1 * f.d
        pen.smooth(
            c,
            f.shape(
                [
                    (-1.12, -0.95),
                    (-1.16, 0.3),
                    (-0.86, 0.9),
                    (-0.3, 1.12),
                    (0.4, 1.1),
                    (0.9, 0.86),
                    (1.16, 0.3),
                    (1.12, -0.95),
                    (0.9, -0.7),
                    (0.86, 0.2),
                    (0.62, 0.52),
                    (part, 0.66),
                    (part - 0.3, 0.5),
                    (-0.7, 0.42),
                    (-0.86, 0.1),
                    (-0.9, -0.7),
                ]
            ),
        )
        return
    if style == "vlechtjes":
        _short_cap(pen, f, c, hairline=0.6, tight=True)
        line = pal.shade(c, 0.62) if sum(c) > 150 else pal.lighten(c, 0.22)
        for k in range(-2, 3):
            pts = [
                f.at(k * 0.3 * (0.55 + 0.45 * t), 0.6 + 0.45 * t - 0.05 * abs(k) * t) for t in (0.0, 0.5, 1.0)
            ]
            pen.polyline(line, pts, f.b * 0.04, smooth=True)
        return
    _short_cap(pen, f, c, hairline=0.66 if style == "grijs" and fig.app.age >= 50 else 0.56)


def _short_cap(pen: Pen, f: HeadFrame, c: RGB, hairline: float, tight: bool = False) -> None:
    k = 0.97 if tight else 1.0
    outer = [(u * k, v * k if v > 0 else v) for u, v in _CAP_OUTER]
    side = 0.2 * f.d
    inner = [
        (0.93, 0.08),
        (0.9, 0.34),
        (0.56, hairline - 0.02),
        (0.05 + side, hairline + 0.02),
        (-0.45, hairline - 0.04),
        (-0.86, 0.36),
        (-0.93, 0.08),
    ]
    pen.smooth(c, f.shape(outer + inner))


# --- headwear ------------------------------------------------------------------------------------


def headwear_back(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    """Drawn after the torso and before the face: the hood and the drape of a headscarf or niqab."""
    hw = str(fig.app.headwear)
    if hw in ("hoofddoek", "niqab"):
        c = covering_rgb(fig) or (150, 130, 140)
        pen.smooth(
            c,
            f.shape(
                mirror(
                    [
                        (0.55, 1.28),
                        (1.06, 0.96),
                        (1.24, 0.3),
                        (1.3, -0.7),
                        (1.75, -1.55),
                        (2.25, -2.2),
                        (1.6, -2.8),
                        (0.6, -3.05),
                    ]
                )
            ),
        )
        fold = pal.shade(c, 0.86) if sum(c) > 150 else pal.lighten(c, 0.08)
        for s in (-1.0, 1.0):
            pen.polyline(
                fold, f.shape([(s * 0.9, -1.2), (s * 1.3, -1.9), (s * 1.2, -2.5)]), f.b * 0.05, smooth=True
            )
        pen.polyline(fold, f.shape([(-0.7, -2.1), (0.0, -2.45), (0.75, -2.05)]), f.b * 0.05, smooth=True)
    elif hw == "capuchon":
        c = garment_rgb(fig)
        pen.smooth(
            c, f.shape(mirror([(-1.55, -1.75), (-1.38, -0.7), (-1.32, 0.45), (-0.9, 1.22), (-0.3, 1.4)]))
        )
        if fig.facing != "back":
            pen.smooth(
                pal.shade(c, 0.55), f.shape(mirror([(-1.0, -1.1), (-1.08, 0.2), (-0.72, 0.98), (-0.2, 1.1)]))
            )


def headwear_front(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    hw = str(fig.app.headwear)
    if hw == "hoofddoek":
        c = pal.SCARF.get(fig.app.clothing_color, (150, 130, 140))
        band = pal.lighten(c, 0.1)
        outer = veil.SCARF_OUTLINE
        inner = [
            (-0.86, -0.3),
            (-0.88, 0.3),
            (-0.62, 0.62),
            (0.0, 0.72),
            (0.62, 0.62),
            (0.88, 0.3),
            (0.86, -0.3),
            (0.62, -0.84),
            (0.0, -1.02),
            (-0.62, -0.84),
        ]
        _ring(pen, band, f, outer, inner)
    elif hw == "niqab":
        veil.niqab_front(pen, fig, f)
    elif hw == "capuchon":
        c = garment_rgb(fig)
        outer = [
            (-1.16, -0.6),
            (-1.2, 0.3),
            (-0.92, 1.0),
            (0.0, 1.22),
            (0.92, 1.0),
            (1.2, 0.3),
            (1.16, -0.6),
            (1.26, -1.2),
            (0.0, -1.3),
            (-1.26, -1.2),
        ]
        inner = [
            (-0.9, -0.6),
            (-0.92, 0.25),
            (-0.66, 0.72),
            (0.0, 0.84),
            (0.66, 0.72),
            (0.92, 0.25),
            (0.9, -0.6),
            (0.7, -1.05),
            (0.0, -1.12),
            (-0.7, -1.05),
        ]
        _ring(pen, c, f, outer, inner)
    elif hw == "pet":
        c = ACCENT.get(fig.app.clothing_color, (70, 80, 100))
        pen.smooth(
            c,
            f.shape(
                [
                    (-1.1, 0.36),
                    (-1.04, 0.8),
                    (-0.6, 1.16),
                    (0.0, 1.26),
                    (0.6, 1.16),
                    (1.04, 0.8),
                    (1.1, 0.36),
                    (0.0, 0.42),
                ]
            ),
        )
        bx, by = f.at(0.3 * f.d, 0.36)
        pen.ellipse(pal.shade(c, 0.72), bx, by, f.a * 1.08, f.b * 0.13)
        x, y = f.at(0.0, 1.24)
        pen.circle(pal.shade(c, 0.8), x, y, f.b * 0.06)
    elif hw == "muts":
        c = ACCENT.get(fig.app.clothing_color, (120, 60, 60))
        pen.smooth(
            c,
            f.shape(
                [(-1.1, 0.3), (-1.06, 0.86), (-0.6, 1.26), (0.0, 1.36), (0.6, 1.26), (1.06, 0.86), (1.1, 0.3)]
            ),
        )
        pen.smooth(
            pal.shade(c, 0.88), f.shape([(-1.14, 0.24), (-1.14, 0.56), (1.14, 0.56), (1.14, 0.24)]), steps=1
        )
        for k in range(-5, 6):
            pen.line(pal.shade(c, 0.74), f.at(k * 0.19, 0.28), f.at(k * 0.19, 0.52), f.b * 0.025)
    elif hw == "politiepet":
        navy = pal.POLICE_NAVY
        pen.smooth(
            navy,
            f.shape(
                [
                    (-1.08, 0.42),
                    (-1.3, 1.02),
                    (-0.7, 1.22),
                    (0.0, 1.26),
                    (0.7, 1.22),
                    (1.3, 1.02),
                    (1.08, 0.42),
                ]
            ),
            steps=3,
        )
        pen.poly((22, 24, 30), f.shape([(-1.1, 0.42), (-1.12, 0.7), (1.12, 0.7), (1.1, 0.42)]))
        ex, ey = f.at(0.0 + 0.15 * f.d, 0.82)
        pen.circle((214, 180, 92), ex, ey, f.b * 0.1)
        vx, vy = f.at(0.25 * f.d, 0.4)
        pen.ellipse((16, 16, 20), vx, vy, f.a * 1.0, f.b * 0.14)
        pen.line((70, 74, 86), f.at(-0.6, 0.38), f.at(0.6, 0.38), f.b * 0.03)


def _ring(pen: Pen, colour: RGB, f: HeadFrame, outer: list[Point], inner: list[Point]) -> None:
    """A band between two closed outlines (the scarf or hood framing the face)."""
    o = spline(f.shape(outer), True, 5)
    i = spline(f.shape(inner), True, 5)
    # Split into two halves joined at the top and bottom so each piece is a simple polygon.
    n, m = len(o), len(i)
    left_o, right_o = o[: n // 2 + 1], o[n // 2 :] + o[:1]
    left_i, right_i = i[: m // 2 + 1], i[m // 2 :] + i[:1]
    pen.poly(colour, left_o + left_i[::-1])
    pen.poly(colour, right_o + right_i[::-1])


def headphones(pen: Pen, fig: Figure, f: HeadFrame) -> None:
    if "koptelefoon" not in fig.app.accessories:
        return
    c, cup = (52, 54, 60), (34, 36, 40)
    top = 1.42 if str(fig.app.hair) == "krullen" and str(fig.app.headwear) == "geen" else 1.2
    pen.arc(c, f.cx, f.cy + f.b * 0.05, f.a * 1.16, f.b * (top - 0.05), 0.15, math.pi - 0.15, f.b * 0.1, 14)
    for s in (-1.0, 1.0):
        x, y = f.at(s * 1.1, -0.05)
        pen.ellipse(cup, x, y, f.a * 0.2, f.b * 0.3)
