"""Geometry of a standing person: proportions from age, build and height; arm and leg pose from demeanour.

All lengths are centimetres, x to the viewer's right, y up from the ground. Index 0 is the viewer-left side.
Postures are subtle on purpose: the same calm figure, with the arms and weight telling the mood.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.model.scenario import Appearance
from trainer.ui.art.pen import Point

_BUILD = {  # shoulder, chest, waist, hip half-widths; upper-arm and thigh widths (adult of 175 cm)
    "slank": (18.5, 15.5, 13.5, 15.0, 8.6, 13.0),
    "gemiddeld": (20.5, 17.5, 16.0, 17.0, 9.8, 14.5),
    "stevig": (23.5, 21.5, 20.5, 20.5, 12.0, 17.0),
}


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * max(0.0, min(1.0, t))


@dataclass
class Arm:
    shoulder: Point
    elbow: Point
    hand: Point
    hand_shown: bool = True
    fist: bool = False
    open_palm: bool = False


@dataclass
class Leg:
    hip: Point
    knee: Point
    ankle: Point


@dataclass
class Figure:
    """Everything the body, head and prop painters need, already posed."""

    app: Appearance
    mood: str
    facing: str
    height: float
    hh: float
    hw: float
    head: Point
    neck_w: float
    chin_y: float
    shoulder_y: float
    shoulder_half: float
    chest_half: float
    waist_y: float
    waist_half: float
    hip_y: float
    hip_half: float
    hem_y: float
    arm_w: float
    thigh_w: float
    shift: float
    arms: tuple[Arm, Arm]
    legs: tuple[Leg, Leg]
    crossed: bool = False
    phone_arm: int | None = None
    look: Point = (0.0, 0.0)
    child: bool = False
    elderly: bool = False
    extras: dict[str, float] = field(default_factory=dict)

    @property
    def half_width(self) -> float:
        """Half the horizontal extent of the body with arms, before side props."""
        xs = [abs(a.elbow[0]) for a in self.arms] + [abs(a.hand[0]) for a in self.arms]
        return max(max(xs) + self.arm_w, self.shoulder_half + self.arm_w, self.hw * 0.75) + 2.0


def build_figure(app: Appearance, mood: str, facing: str = "front") -> Figure:
    """Pose a person from their appearance and demeanour."""
    age = app.age
    h = float(app.height)
    elderly = age >= 75
    child = age < 13
    if elderly:
        h *= 0.975  # a slight stoop
    # Head count: 5.3 heads at six, 7 for adults (a touch larger than life: friendlier, clearer faces).
    heads = _lerp(5.3, 7.0, (age - 6) / 12)
    hh = h / heads
    hw = hh * _lerp(0.82, 0.74, (age - 6) / 12)
    k = h / 175.0
    sh, ch, wa, hi, aw, tw = (v * k for v in _BUILD.get(str(app.build), _BUILD["gemiddeld"]))
    if child:
        sh, ch, wa, hi = sh * 0.92, ch * 0.95, wa * 1.02, hi * 0.95
    neck = h * (0.03 if child else 0.037)
    if elderly:
        neck *= 0.55
    if mood == "bang":
        neck *= 0.5  # shoulders drawn up
    chin_y = h - hh
    shoulder_y = chin_y - neck
    hip_y = h * _lerp(0.44, 0.48, (age - 6) / 10)
    waist_y = hip_y + h * 0.11
    long_coat = str(app.clothing) in ("winterjas", "regenjas")
    hem_y = hip_y - h * (0.10 if long_coat else 0.035 if str(app.clothing) == "net" else 0.01)
    shift = h * 0.014 if mood in ("nerveus", "onverschillig") else 0.0
    look = {"nerveus": (0.22, 0.0), "bang": (0.0, 0.05), "onverschillig": (-0.15, 0.0)}.get(mood, (0.0, 0.0))

    # Seen from behind, the arms simply hang: a gesture in front of the body would not be seen.
    pose = "kalm" if facing == "back" else mood
    if facing == "back":
        app = app.model_copy(update={"accessories": [a for a in app.accessories if a != "telefoon"]})
    arms, crossed, phone_arm = _pose_arms(app, pose, h, sh, wa, hi, aw, shoulder_y, waist_y, hip_y, shift)
    if phone_arm is not None and mood == "onverschillig":
        look = (0.0, -0.35)
    legs = _pose_legs(h, hi, hip_y, shift, mood)
    return Figure(
        app=app,
        mood=mood,
        facing=facing,
        height=h,
        hh=hh,
        hw=hw,
        head=(shift * 0.4, h - hh / 2),
        neck_w=hw * 0.48,
        chin_y=chin_y,
        shoulder_y=shoulder_y,
        shoulder_half=sh,
        chest_half=ch,
        waist_y=waist_y,
        waist_half=wa,
        hip_y=hip_y,
        hip_half=hi,
        hem_y=hem_y,
        arm_w=aw,
        thigh_w=tw,
        shift=shift,
        arms=arms,
        legs=legs,
        crossed=crossed,
        phone_arm=phone_arm,
        look=look,
        child=child,
        elderly=elderly,
    )


def _pose_arms(
    app: Appearance,
    mood: str,
    h: float,
    sh: float,
    wa: float,
    hi: float,
    aw: float,
    sy: float,
    waist_y: float,
    hip_y: float,
    shift: float,
) -> tuple[tuple[Arm, Arm], bool, int | None]:
    ua, fa = h * 0.165, h * 0.145
    sx = sh - aw * 0.45
    jy = sy - aw * 0.55  # the round of the upper arm meets the shoulder line
    has_phone = "telefoon" in app.accessories
    arms: list[Arm] = []
    crossed = False
    phone_arm: int | None = None
    for s in (-1.0, 1.0):
        sho = (s * sx + shift * 0.5, jy)
        if mood == "vriendelijk":
            arm = Arm(
                sho,
                (s * (sx + h * 0.03), jy - ua * 0.96),
                (s * (sx + h * 0.07), jy - ua - fa * 0.62),
                open_palm=True,
            )
        elif mood == "nerveus":
            arm = Arm(
                sho,
                (s * (sx + h * 0.014), jy - ua * 0.95),
                (s * h * 0.012 + shift * 0.4, jy - ua - h * 0.045),
            )
        elif mood == "geirriteerd":
            crossed = True
            # Forearms stacked: the left one lower with its hand under the right arm, the right one on top.
            lift = 0.0 if s < 0 else h * 0.042
            arm = Arm(
                sho,
                (s * (sx + h * 0.022), jy - h * 0.172 + lift),
                (-s * (sx - h * 0.006), jy - h * 0.16 + lift),
            )
        elif mood == "bang":
            arm = Arm(sho, (s * (sx - h * 0.004), jy - ua * 0.86), (s * h * 0.028, jy - h * 0.085))
        elif mood == "boos":
            arm = Arm(
                sho,
                (s * (sx + h * 0.075), jy - h * 0.135),
                (s * (wa + h * 0.008), waist_y - h * 0.015),
                fist=True,
            )
        elif mood == "onverschillig":
            arm = Arm(
                sho,
                (s * (sx + h * 0.028), jy - ua * 0.96),
                (s * (hi - h * 0.035), hip_y + h * 0.035),
                hand_shown=False,
            )
        else:  # kalm
            arm = Arm(sho, (s * (sx + h * 0.016), jy - ua), (s * (sx + h * 0.02), jy - ua - fa))
        arms.append(arm)
    if has_phone and not crossed:
        phone_arm = 1
        if mood == "onverschillig":
            arms[1] = Arm(arms[1].shoulder, (sx + h * 0.006, jy - ua * 0.9), (h * 0.03, jy - h * 0.125))
        elif mood in ("kalm", "vriendelijk", "boos"):
            sho = arms[1].shoulder
            arms[1] = Arm(sho, (sx + h * 0.016, jy - ua), (sx + h * 0.02, jy - ua - fa))
    return (arms[0], arms[1]), crossed, phone_arm


def _pose_legs(h: float, hi: float, hip_y: float, shift: float, mood: str) -> tuple[Leg, Leg]:
    knee_y = h * 0.265
    ankle_y = h * 0.035
    stance = hi * 0.52
    legs: list[Leg] = []
    for s in (-1.0, 1.0):
        hip = (s * hi * 0.48 + shift, hip_y - h * 0.02)
        if shift and s > 0:  # the relaxed leg: knee in, foot out
            legs.append(
                Leg(
                    hip,
                    (s * stance * 0.8 + shift * 0.4, knee_y + h * 0.005),
                    (s * (stance + h * 0.02), ankle_y),
                )
            )
        else:
            legs.append(
                Leg(hip, (s * stance * 0.92 + shift * 0.8, knee_y), (s * stance + shift * 0.6, ankle_y))
            )
    if mood == "bang":  # knees a little together
        legs = [Leg(lg.hip, (lg.knee[0] * 0.85, lg.knee[1]), lg.ankle) for lg in legs]
    return legs[0], legs[1]


@dataclass(frozen=True)
class HeadFrame:
    """Head coordinates: u across (-1..1 is the head's half-width), v up (-1 chin .. 1 crown).

    `d` is the facing direction: 0 front, -1 turned to the viewer's left, 1 to the right. Features shift
    towards that side, which gives a three-quarter view without a second drawing.
    """

    cx: float
    cy: float
    a: float
    b: float
    d: float = 0.0
    pitch: float = 0.0

    def at(self, u: float, v: float) -> Point:
        return (self.cx + u * self.a, self.cy + v * self.b)

    def feat(self, u: float, v: float) -> Point:
        """A facial feature point, shifted and narrowed when the head is turned."""
        if self.d:
            u = u * 0.86 + 0.2 * self.d
        return (self.cx + u * self.a, self.cy + (v - self.pitch) * self.b)

    def shape(self, uv: list[Point]) -> list[Point]:
        return [self.at(u, v) for u, v in uv]


def head_frame(fig: Figure) -> HeadFrame:
    d = {"left": -1.0, "right": 1.0}.get(fig.facing, 0.0)
    # A lowered face: the stoop of old age, or eyes on a phone.
    pitch = (
        0.08 if fig.phone_arm is not None and fig.mood == "onverschillig" else 0.06 if fig.elderly else 0.0
    )
    return HeadFrame(fig.head[0], fig.head[1], fig.hw / 2, fig.hh / 2, d, pitch)
