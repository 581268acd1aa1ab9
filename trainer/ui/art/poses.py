"""People in motion: walk, idle, sit, lean and phone poses of the standing figure, as cached sprites.

A pose bends the figure `build_figure` made (legs, arms, the upper body's height); the painter is the same,
so a walking person looks like the same person standing. Walk cycles have WALK_FRAMES frames; the timeline
says which one to show. Sprites are cached by everything that decides them, like every other art function.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pygame

from trainer.model.scenario import Appearance, Vehicle
from trainer.ui.art import props
from trainer.ui.art.cache import LRU, appearance_key
from trainer.ui.art.cycles import PEDAL_FRAMES, ik
from trainer.ui.art.figure import Arm, Figure, Leg, build_figure
from trainer.ui.art.pen import Pen, Point, downsample, px_per_cm
from trainer.ui.art.person import draw_person

WALK_FRAMES = 8
STRIDE = 0.1  # of the height: how far a foot reaches in front of the hips at the longest
FOOT_LIFT = 0.06  # of the height: the swinging foot's highest point
WALK_HIPS = 0.35  # of the standing hip spacing
ARM_SWING = 0.075  # of the height: how far a hand swings in front of (or behind) the body
POSES = ("staan", "lopen", "zitten", "leunen", "bellen")
_sprites = LRU(900)


def _shift_up(fig: Figure, dy: float) -> Figure:
    """The body from the hips up moved by dy (negative: down), legs left to the caller."""

    def p(pt: Point) -> Point:
        return (pt[0], pt[1] + dy)

    arms = tuple(replace(a, shoulder=p(a.shoulder), elbow=p(a.elbow), hand=p(a.hand)) for a in fig.arms)
    return replace(
        fig,
        head=p(fig.head),
        chin_y=fig.chin_y + dy,
        shoulder_y=fig.shoulder_y + dy,
        waist_y=fig.waist_y + dy,
        hip_y=fig.hip_y + dy,
        hem_y=fig.hem_y + dy,
        arms=(arms[0], arms[1]),
    )


def _walk(fig: Figure, frame: int, facing: int) -> Figure:
    """One frame of a walk: a visible stride with the legs alternating, the swinging leg's knee bent and its
    foot lifted, the standing leg straight; the body is highest where the legs pass each other and lowest
    where they are furthest apart (the bob); each arm swings against its leg, the forward one bent."""
    h = fig.height
    a = 2 * math.pi * frame / WALK_FRAMES
    stride = h * STRIDE  # how far a foot gets in front of (or behind) the hips
    # Walking, the body is turned the way it goes: the hips close together, so the legs swing past each other
    # (as seen from the side) instead of crossing into an X.
    hip_x = [leg.hip[0] * WALK_HIPS for leg in fig.legs]
    thigh = [math.dist(leg.hip, leg.knee) for leg in fig.legs]
    shin = [math.dist(leg.knee, leg.ankle) for leg in fig.legs]
    phases = [a, a + math.pi]  # the two legs half a cycle apart
    ankles: list[Point] = []
    for i, ph in enumerate(phases):
        forward = math.sin(ph)  # -1 behind .. 1 in front
        swinging = math.cos(ph) > 0  # moving forward: the foot is off the ground
        lift = h * FOOT_LIFT * math.cos(ph) ** 2 * math.sin(ph + math.pi / 2) if swinging else 0.0
        ankle_y = fig.legs[i].ankle[1] + max(0.0, lift)
        ankles.append((hip_x[i] + facing * forward * stride, ankle_y))
    # The hips sit as high as the standing leg allows (legs apart: lower), less a little knee give.
    stance = 0 if math.cos(phases[0]) <= 0 else 1
    reach = thigh[stance] + shin[stance]
    dx = ankles[stance][0] - hip_x[stance]
    hip_y = min(fig.hip_y, ankles[stance][1] + math.sqrt(max(0.0, reach**2 - dx**2)) * 0.995)
    drop = hip_y - fig.hip_y
    fig = _shift_up(fig, drop)
    legs: list[Leg] = []
    for i in range(2):
        hip = (hip_x[i], hip_y)
        knee = ik(hip, ankles[i], thigh[i], shin[i], float(facing))  # knees bend forward
        legs.append(Leg(hip, knee, ankles[i]))
    arms: list[Arm] = []
    for i, arm in enumerate(fig.arms):
        if fig.phone_arm == i or fig.crossed:
            arms.append(arm)
            continue
        leg_side = 0 if arm.shoulder[0] < 0 else 1  # the arm on the viewer-left goes with the right leg
        swing = -math.sin(phases[leg_side])
        upper, fore = math.dist(arm.shoulder, arm.elbow), math.dist(arm.elbow, arm.hand)
        sx, sy = arm.shoulder
        hand = (
            arm.hand[0] * 0.9 + facing * swing * h * ARM_SWING,
            arm.hand[1] + max(0.0, swing) * h * 0.035 + abs(swing) * h * 0.01,
        )
        elbow = ik((sx, sy), hand, upper, fore, float(-facing))  # elbows bend backwards
        arms.append(replace(arm, elbow=elbow, hand=hand))
    return replace(fig, legs=(legs[0], legs[1]), arms=(arms[0], arms[1]), shift=0.0)


def _sit(fig: Figure) -> Figure:
    """Seated, seen from the front: hips at seat height, thighs towards the viewer, shins down."""
    h = fig.height
    seat = h * 0.26
    drop = seat - fig.hip_y
    fig = _shift_up(fig, drop)
    legs = []
    for leg in fig.legs:
        hip = (leg.hip[0] * 1.05, leg.hip[1] + drop)
        knee = (leg.hip[0] * 1.25, seat - h * 0.02)  # the thigh comes towards us: foreshortened
        ankle = (leg.ankle[0] * 1.15, leg.ankle[1])
        legs.append(Leg(hip, knee, ankle))
    arms = []
    for arm in fig.arms:
        if arm.hand[1] < fig.hip_y + h * 0.05 and not fig.crossed:  # hands rest on the thighs
            s = 1 if arm.shoulder[0] > 0 else -1
            hand = (s * fig.hip_half * 0.8, seat + h * 0.02)
            arms.append(replace(arm, hand=hand, elbow=(s * (fig.shoulder_half + h * 0.01), seat + h * 0.1)))
        else:
            arms.append(arm)
    return replace(fig, legs=(legs[0], legs[1]), arms=(arms[0], arms[1]), shift=0.0)


def _lean(fig: Figure) -> Figure:
    """Leaning back against something: weight on one leg, the other crossed in front."""
    h = fig.height
    l0, l1 = fig.legs
    crossed = Leg(
        l1.hip, (l1.knee[0] - h * 0.03, l1.knee[1]), (l0.ankle[0] + h * 0.02, l1.ankle[1] + h * 0.005)
    )
    return replace(fig, legs=(l0, crossed), shift=h * 0.01)


def _phone(fig: Figure) -> Figure:
    """A phone raised to look at: the right hand up in front of the chest."""
    h = fig.height
    arm = fig.arms[1]
    sx, sy = arm.shoulder
    hand = (h * 0.03, sy - h * 0.1)
    elbow = (sx + h * 0.015, sy - h * 0.16)
    return replace(fig, arms=(fig.arms[0], replace(arm, elbow=elbow, hand=hand)), phone_arm=1, crossed=False)


def posed(app: Appearance, mood: str, facing: int, pose: str, frame: int) -> Figure:
    side = {-1: "left", 1: "right"}.get(facing, "front")
    if pose in ("bellen", "zitten_bellen") and "telefoon" not in app.accessories:
        app = app.model_copy(update={"accessories": [*app.accessories, "telefoon"]})
    calm = pose in ("lopen", "zitten", "zitten_bellen") and mood != "nerveus"
    fig = build_figure(app, "kalm" if calm else mood, side)
    if pose == "lopen":
        return _walk(fig, frame, facing or 1)
    if pose == "zitten":
        return _sit(fig)
    if pose == "zitten_bellen":
        return _phone(_sit(fig))
    if pose == "leunen":
        return _lean(fig)
    if pose == "bellen":
        return _phone(fig)
    return fig


def _surface(
    app: Appearance, mood: str, height_px: int, facing: int, pose: str, frame: int, ss: int
) -> pygame.Surface:
    fig = posed(app, mood, facing, pose, frame)
    scale = px_per_cm(height_px)
    left, right = (e + 12.0 for e in props.extents(fig))
    width = max(2, 2 * math.ceil(max(left, right) * scale))
    big = pygame.Surface((width * ss, height_px * ss), pygame.SRCALPHA)
    draw_person(Pen(big, scale * ss, (width / 2 * ss, height_px * ss)), fig)
    return downsample(big, (width, height_px)) if ss > 1 else big


def person_sprite(
    app: Appearance, mood: str, height_px: int, *, facing: int = 0, pose: str = "staan", frame: int = 0
) -> pygame.Surface:
    """A person in a pose, feet centred on the bottom edge; cached. Small figures skip supersampling."""
    frame = frame % WALK_FRAMES if pose == "lopen" else 0
    ss = 2 if height_px >= 240 else 1
    key = (appearance_key(app), mood, int(height_px), facing, pose, frame)
    return _sprites.get_or_make(
        key, lambda: fast(_surface(app, mood, int(height_px), facing, pose, frame, ss))
    )


def fast(surface: pygame.Surface) -> pygame.Surface:
    """In the display's pixel format when there is a display: blitting dozens a frame is then cheaper."""
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert_alpha()
    return surface


_rides = LRU(64 * PEDAL_FRAMES)


def rider_sprite(
    app: Appearance, height_px: int, facing: int, colour: str = "zwart", frame: int = 0
) -> pygame.Surface:
    """Someone cycling, side view, facing the way they ride; `frame` turns the pedals."""
    from trainer.ui import art

    frame %= PEDAL_FRAMES
    key = (appearance_key(app), int(height_px), facing, colour, frame)

    def make() -> pygame.Surface:
        bike = art.render_vehicle(
            Vehicle.model_validate({"kind": "fiets", "color": colour}), [app], height_px, frame
        )
        return fast(pygame.transform.flip(bike, True, False) if facing < 0 else bike)

    return _rides.get_or_make(key, make)


def clear() -> None:
    _sprites.clear()
    _rides.clear()
