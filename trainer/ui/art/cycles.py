"""Two-wheelers in side view (a Dutch city bike, a scooter) and a person riding one.

Geometry is in centimetres with the rear axle at x=0 and the front to the right; `facing=-1` mirrors it.
Lamps are drawn lit unless broken or switched off (damage `geen_licht`): that difference is often the lesson.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from trainer.ui.art import palette as pal
from trainer.ui.art.body import _SHOES, _TROUSERS
from trainer.ui.art.figure import Figure, HeadFrame
from trainer.ui.art.hair import garment_rgb, hair_back
from trainer.ui.art.head import draw_head
from trainer.ui.art.palette import RGB
from trainer.ui.art.pen import Pen, Point

TYRE: RGB = (34, 34, 36)
BIKE_LENGTH = 146.0
SCOOTER_LENGTH = 150.0
BIKE_GRIP: Point = (80.0, 100.0)
BOTTOM_BRACKET: Point = (42.0, 28.0)
CRANK = 13.0
PEDAL_FRAMES = 6  # frames of one turn of the cranks
CRANK_REST = -0.9  # radians: the near pedal forward and down, as a parked bike or frame 0 shows it


def pedal_points(crank: float) -> tuple[Point, Point]:
    """Where the near and far pedals are for a crank angle (radians, 0 = pointing forward)."""
    bx, by = BOTTOM_BRACKET
    dx, dy = CRANK * math.cos(crank), CRANK * math.sin(crank)
    return (bx + dx, by + dy), (bx - dx, by - dy)


Map = Callable[[float, float], Point]


def _mapper(x0: float, facing: int) -> Map:
    return lambda x, y: (x0 + facing * x, y)


def ik(a: Point, c: Point, l1: float, l2: float, bend: float) -> Point:
    """Two-bone joint (knee, elbow) between a and c; bend=+1 rotates the joint counter-clockwise."""
    dx, dy = c[0] - a[0], c[1] - a[1]
    d = max(abs(l1 - l2) + 0.01, min(l1 + l2 - 0.01, math.hypot(dx, dy)))
    alpha = math.acos(max(-1.0, min(1.0, (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d))))
    theta = math.atan2(dy, dx) + bend * alpha
    return (a[0] + l1 * math.cos(theta), a[1] + l1 * math.sin(theta))


def lamp(pen: Pen, x: float, y: float, r: float, lit: bool, broken: bool, rear: bool) -> None:
    """A lamp: lit (glowing), off (dark glass) or broken (dark with cracks)."""
    on, off = ((236, 44, 40), (96, 36, 36)) if rear else ((255, 246, 210), (84, 86, 92))
    if lit and not broken:
        halo = (250, 120, 100) if rear else (255, 226, 150)
        pen.circle(halo, x, y, r * 1.7)
        pen.circle(on, x, y, r)
        return
    pen.circle(off, x, y, r)
    pen.circle(pal.lighten(off, 0.3), x - r * 0.3, y + r * 0.3, r * 0.25)
    if broken:
        crack = (20, 20, 22)
        pen.polyline(
            crack, [(x - r * 0.9, y + r * 0.5), (x - r * 0.1, y), (x + r * 0.3, y + r * 0.8)], r * 0.16
        )
        pen.polyline(crack, [(x - r * 0.1, y), (x + r * 0.2, y - r * 0.9)], r * 0.16)


def _wheel(pen: Pen, m: Map, x: float, y: float, r: float, spokes: int) -> None:
    cx, cy = m(x, y)
    pen.ring(TYRE, cx, cy, r, r * 0.11)
    pen.ring((168, 170, 176), cx, cy, r * 0.87, r * 0.04)
    for k in range(spokes):
        ang = math.pi * 2 * k / spokes
        pen.line(
            (150, 152, 158), (cx, cy), (cx + math.cos(ang) * r * 0.85, cy + math.sin(ang) * r * 0.85), 0.45
        )
    pen.circle((120, 122, 128), cx, cy, r * 0.09)


def draw_bicycle(
    pen: Pen,
    grip_x: float,
    facing: int,
    colour: RGB,
    lamp_lit: bool = True,
    front_broken: bool = False,
    rear_broken: bool = False,
    crank: float = CRANK_REST,
) -> None:
    """A Dutch city bike; grip_x is where the rider's hand holds the handlebar; `crank` turns the pedals."""
    m = _mapper(grip_x - facing * BIKE_GRIP[0], facing)
    r = 33.0
    for x in (0.0, 110.0):
        _wheel(pen, m, x, r, r, 14)
        cx, cy = m(x, r)
        a0, a1 = (0.25, math.pi - 0.1) if facing > 0 else (0.1, math.pi - 0.25)
        pen.arc((40, 42, 46), cx, cy, r + 3.2, r + 3.2, a0, a1, 2.4, 12)
    tube = 3.4
    joints = {"bb": (42.0, 28.0), "seat": (30.0, 84.0), "head_top": (96.0, 88.0), "head_low": (100.0, 66.0)}
    pen.line(colour, m(*joints["bb"]), m(0.0, r), tube * 0.8)
    pen.line(colour, m(*joints["seat"]), m(0.0, r), tube * 0.8)
    pen.line(colour, m(*joints["bb"]), m(*joints["seat"]), tube)
    pen.line(colour, m(*joints["head_low"]), m(*joints["bb"]), tube)
    pen.line(colour, m(97.0, 80.0), m(34.0, 44.0), tube)
    pen.line(colour, m(*joints["head_top"]), m(*joints["head_low"]), tube * 1.3)
    pen.line(colour, m(*joints["head_low"]), m(110.0, r), tube * 0.85)
    pen.poly((40, 42, 46), [m(46.0, 35.0), m(-1.0, 39.0), m(-3.0, 29.0), m(44.0, 21.0)])
    pen.line((58, 60, 64), m(-8.0, 64.0), m(30.0, 64.0), 2.2)
    pen.line((58, 60, 64), m(-4.0, 64.0), m(0.0, r), 1.6)
    near, _far = pedal_points(crank)
    pen.line((70, 72, 76), m(*BOTTOM_BRACKET), m(*near), 2.6)
    pen.line((30, 30, 32), m(near[0] - 4.5, near[1]), m(near[0] + 4.5, near[1]), 3.0)
    pen.line((70, 72, 76), m(*joints["seat"]), m(27.0, 92.0), 2.6)
    pen.smooth((36, 30, 28), [m(14.0, 93.0), m(20.0, 97.0), m(36.0, 96.0), m(34.0, 91.0)], steps=3)
    pen.line((70, 72, 76), m(*joints["head_top"]), m(94.0, 102.0), 2.6)
    pen.polyline((70, 72, 76), [m(94.0, 102.0), m(88.0, 104.5), m(80.0, 101.0)], 2.4)
    pen.line((30, 30, 32), m(82.0, 101.5), m(76.0, 99.5), 3.4)
    fx, fy = m(103.5, 76.0)
    lamp(pen, fx, fy, 3.0, lamp_lit, front_broken, rear=False)
    rx, ry = m(-9.0, 63.0)
    lamp(pen, rx, ry, 2.2, lamp_lit, rear_broken, rear=True)


def draw_scooter(
    pen: Pen,
    x0: float,
    facing: int,
    colour: RGB,
    lamp_lit: bool = True,
    front_broken: bool = False,
    rear_broken: bool = False,
) -> None:
    """A step-through scooter; x0 is the rear axle."""
    m = _mapper(x0, facing)
    r = 20.0
    for x in (0.0, 118.0):
        cx, cy = m(x, r)
        pen.circle(TYRE, cx, cy, r)
        pen.circle((150, 152, 158), cx, cy, r * 0.55)
        pen.circle((96, 98, 104), cx, cy, r * 0.2)
    dark = pal.shade(colour, 0.78)
    pen.smooth(
        colour,
        [
            m(-24.0, 36.0),
            m(-20.0, 58.0),
            m(8.0, 70.0),
            m(62.0, 66.0),
            m(74.0, 42.0),
            m(62.0, 27.0),
            m(0.0, 28.0),
        ],
        steps=4,
    )
    pen.poly((52, 54, 60), [m(58.0, 24.0), m(104.0, 24.0), m(104.0, 31.0), m(58.0, 31.0)])
    pen.smooth(
        colour, [m(98.0, 26.0), m(104.0, 88.0), m(114.0, 98.0), m(124.0, 64.0), m(122.0, 30.0)], steps=4
    )
    pen.arc(
        dark,
        *m(118.0, r),
        r + 4.0,
        r + 4.0,
        0.2 if facing > 0 else 0.6,
        math.pi - (0.6 if facing > 0 else 0.2),
        4.0,
        10,
    )
    pen.line((70, 72, 76), m(116.0, 96.0), m(112.0, 112.0), 3.6)
    pen.line((40, 42, 46), m(100.0, 113.0), m(122.0, 115.0), 3.2)
    pen.smooth((34, 32, 34), [m(4.0, 69.0), m(10.0, 76.0), m(64.0, 75.0), m(68.0, 68.0)], steps=3)
    pen.line((90, 92, 96), m(-4.0, 24.0), m(30.0, 22.0), 4.0)
    hx, hy = m(121.0, 106.0)
    lamp(pen, hx, hy, 4.2, lamp_lit, front_broken, rear=False)
    tx, ty = m(-22.0, 52.0)
    lamp(pen, tx, ty, 3.0, lamp_lit, rear_broken, rear=True)


def draw_rider(
    pen: Pen,
    fig: Figure,
    m: Map,
    facing: int,
    hip: Point,
    grip: Point,
    foot: Point,
    foot_far: Point,
    lean: float,
) -> None:
    """A person seated on a two-wheeler, seen from the side, face turned a little towards the viewer."""
    h = fig.height
    kind = str(fig.app.clothing)
    trousers = _TROUSERS.get(kind, pal.DENIM)
    shoe = _SHOES.get(kind, _SHOES["casual"])[0]
    garment = garment_rgb(fig)
    thigh, shin = h * 0.245, h * 0.235
    torso_len = fig.shoulder_y - fig.hip_y
    sho = (hip[0] + math.sin(lean) * torso_len, hip[1] + math.cos(lean) * torso_len)
    for target, col in ((foot_far, pal.shade(trousers, 0.72)), (foot, trousers)):
        knee = ik(hip, target, thigh, shin, 1.0)
        pen.limb(col, m(*hip), m(*knee), fig.thigh_w, fig.thigh_w * 0.8)
        pen.limb(col, m(*knee), m(*target), fig.thigh_w * 0.8, fig.thigh_w * 0.62)
        pen.ellipse(
            shoe if col == trousers else pal.shade(shoe, 0.7), *m(target[0] + 4.0, target[1] - 2.0), 7.0, 3.6
        )
    depth = fig.chest_half * 1.2
    ua, fa = h * 0.165, h * 0.15
    skin = pal.skin(fig.app.skin_tone)
    phone = "telefoon" in fig.app.accessories
    if "rugzak" in fig.app.accessories:
        back = (sho[0] - depth * 0.62, sho[1] - torso_len * 0.34)
        pen.ellipse((60, 66, 78), *m(*back), depth * 0.5, torso_len * 0.36)
    if phone:  # one hand steers (the far arm), the other holds the phone
        far_elbow = ik(sho, grip, ua, fa, -1.0)
        pen.limb(pal.shade(garment, 0.72), m(*sho), m(*far_elbow), fig.arm_w, fig.arm_w * 0.9)
        pen.limb(pal.shade(garment, 0.72), m(*far_elbow), m(*grip), fig.arm_w * 0.9, fig.arm_w * 0.75)
        pen.circle(pal.shade(skin, 0.8), *m(*grip), h * 0.02)
    head_c = (sho[0] + math.sin(lean) * 8.0 + 3.0, sho[1] + (fig.chin_y - fig.shoulder_y) + fig.hh / 2)
    hx, hy = m(*head_c)
    seated = replace(fig, head=(hx, hy), shoulder_y=sho[1] + 4.0, facing="right" if facing > 0 else "left")
    frame = HeadFrame(hx, hy, fig.hw / 2, fig.hh / 2, 0.65 * facing, 0.08 if phone else 0.0)
    hair_back(pen, seated, frame)
    low = (hip[0] - depth * 0.1, hip[1] - 4.0)
    _side_torso(pen, m, low, sho, depth * (1.1 if kind == "winterjas" else 1.0), garment)
    draw_head(pen, seated, frame)
    hand = (sho[0] + h * 0.13, sho[1] - h * 0.13) if phone else grip
    elbow = ik(sho, hand, ua, fa, -1.0)
    pen.limb(pal.shade(garment, 0.92), m(*sho), m(*elbow), fig.arm_w, fig.arm_w * 0.9)
    pen.limb(pal.shade(garment, 0.92), m(*elbow), m(*hand), fig.arm_w * 0.9, fig.arm_w * 0.75)
    if phone:
        px, py = m(hand[0] + 1.0, hand[1] + 3.0)
        pen.rect((30, 32, 38), px - h * 0.014, py - h * 0.02, h * 0.028, h * 0.05, radius=h * 0.004)
        pen.rect((150, 190, 230), px - h * 0.011, py - h * 0.016, h * 0.022, h * 0.042, radius=h * 0.003)
    pen.circle(skin, *m(*hand), h * 0.02)


def _side_torso(pen: Pen, m: Map, low: Point, sho: Point, depth: float, colour: RGB) -> None:
    """A torso in profile: straight back, a little chest and belly in front, rounded shoulder."""
    ux, uy = sho[0] - low[0], sho[1] - low[1]
    length = math.hypot(ux, uy) or 1.0
    ux, uy = ux / length, uy / length
    nx, ny = uy, -ux  # forward
    shape = [
        (0.0, -0.5),
        (0.0, 0.46),
        (0.4, 0.52),
        (0.78, 0.54),
        (0.98, 0.36),
        (1.06, 0.0),
        (0.98, -0.42),
        (0.6, -0.5),
    ]
    pts = [
        m(low[0] + ux * t * length + nx * a * depth, low[1] + uy * t * length + ny * a * depth)
        for t, a in shape
    ]
    pen.smooth(colour, pts, steps=4)
    back = [pts[0], pts[-1], pts[-2]]
    pen.polyline(pal.shade(colour, 0.8), back, depth * 0.06, smooth=True)
