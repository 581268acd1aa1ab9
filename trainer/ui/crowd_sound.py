"""What the crowd sounds like from where the trainee looks: the passers-by the street draws, each heard at its
own place.

The same seeded crowd (`engine.crowd`) that the street draws decides what is heard: a walker's footsteps, a
cyclist's freewheel and bell, a rolling suitcase, someone talking on the phone. Each sound is panned by the
figure's place on screen (left to right as drawn, the shorter way round the wrapping street) and is louder
the nearer the figure stands; figures just off screen fade out. Pure: no pygame, so a test can follow one
figure across the screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trainer.engine.crowd import CrowdPlan, Walker, crowd_at
from trainer.engine.timeline import Placed

MAX_HEARD = 4  # more at once is a wash of noise in which no one figure can be placed
EDGE = 0.25  # share of a window beyond either edge over which a figure fades out
FAR_GAIN = 0.3  # how loud someone at the back of the street is, against someone at the kerb


@dataclass(frozen=True, slots=True)
class Heard:
    """One figure's sound this frame: 0 = hard left, 1 = hard right; gain 0..1 before the master volume."""

    key: str
    sound: str
    pan: float
    gain: float


def sound_of(walker: Walker) -> str | None:
    """What a passer-by sounds like, or None (someone waiting or sitting is quiet)."""
    if walker.kind == "fietsen":
        return "bike"
    if walker.kind == "lopen":
        return "suitcase" if walker.suitcase else "footsteps"
    if walker.kind == "bellen":
        return "phone_voice"
    return None


def heard(
    plan: CrowdPlan,
    t: float,
    centre: float,
    view: float,
    placed: tuple[Placed, ...] | None = None,
    walkers: dict[str, Walker] | None = None,
) -> tuple[Heard, ...]:
    """The loudest few sounds at second t. `centre`: the middle of the window as a share of the street
    (0..1, wrapping); `view`: the window's width as a share of the street. `placed` and `walkers`: the
    crowd at t and the plan's walkers by key, when the caller has them already (the street does)."""
    walkers = walkers if walkers is not None else {w.key: w for w in plan.walkers}
    out: list[Heard] = []
    for p in placed if placed is not None else crowd_at(plan, t):
        walker = walkers.get(p.key)
        sound = sound_of(walker) if walker is not None else None
        if sound is None:
            continue
        if walker is not None and walker.leaves is not None and t >= walker.leaves:
            sound = "footsteps"  # the phone call is over: they walk on
        offset = (p.x - centre + 0.5) % 1.0 - 0.5  # the shorter way round, in street shares
        screen = 0.5 + offset / view  # 0 left edge .. 1 right edge
        outside = max(0.0, -screen, screen - 1.0)
        if outside >= EDGE:
            continue
        nearness = min(1.0, max(0.0, (p.depth + 0.22) / 1.22))  # -0.22 at the kerb .. 1 at the back
        gain = (1.0 - (1.0 - FAR_GAIN) * nearness) * (1.0 - outside / EDGE) * p.alpha
        out.append(Heard(p.key, sound, min(1.0, max(0.0, screen)), round(gain, 4)))
    out.sort(key=lambda h: (-h.gain, h.key))
    return tuple(out[:MAX_HEARD])


def stereo(pan: float, gain: float) -> tuple[float, float]:
    """Left and right levels for a pan (equal power, so a figure crossing the middle does not dip)."""
    return gain * math.cos(pan * math.pi / 2), gain * math.sin(pan * math.pi / 2)
