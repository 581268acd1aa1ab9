"""The selection street at second t: where every candidate is and what they are doing, from their beats.

Pure and deterministic: `candidates_at(node, t)` depends on nothing but the node and t, so the same second
always gives the same picture, and a replay shows what the trainee saw. The crowd is `engine.crowd`.
Positions are shares of the street (0..1), which wraps round: 0.98 and 0.02 stand close together.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from trainer.model.beats import (
    WALK_SPEED,
    delta,
    leave_target,
    leaves_at,
    move_seconds,
    prop_target,
    wrap,
)
from trainer.model.scenario import Candidate, SelectionNode
from trainer.model.street import MOVES, Act, Prop, PropKind

__all__ = ["WALK_SPEED", "Placed", "Pose", "candidate_at", "candidates_at", "departed", "wrap"]
STRIDE = 0.018  # street share per walk cycle (two steps)
LEAVE_DEPTH = 1.0  # someone leaving walks away into the distance, shrinking and fading
SEAT_DEPTH = 0.3  # where a carriage's seats stand, behind the aisle
LOOK_PERIOD = 1.6  # seconds per glance when looking around


class Pose(StrEnum):
    STAAN = "staan"
    LOPEN = "lopen"
    ZITTEN = "zitten"
    LEUNEN = "leunen"
    BELLEN = "bellen"
    ZITTEN_BELLEN = "zitten_bellen"  # seated, phone in hand
    FIETSEN = "fietsen"


@dataclass(frozen=True, slots=True)
class Placed:
    """One figure at one second: a candidate (all their cast together) or a passer-by."""

    key: str  # candidate id, or 'crowd:N' / 'aux:ID:N'
    x: float  # 0..1 along the wrapping street
    depth: float  # 0 at the kerb where candidates stand; >0 further off (smaller), <0 nearer
    pose: Pose
    facing: int  # -1 walking or looking to the left, 1 to the right, 0 towards the viewer
    phase: float  # 0..1 through the walk or pedal cycle; idle sway otherwise
    alpha: float = 1.0  # fades out while leaving
    candidate: str | None = None


def candidate_at(cand: Candidate, props: dict[str, Prop], t: float, index: int = 0) -> Placed | None:
    """Where `cand` is at second t, and doing what; None once they have left the street."""
    x, pose, facing = cand.position, Pose.STAAN, 0
    phase = (t * 0.23 + index * 0.37) % 1.0  # idle sway, out of step between people
    depth, alpha = 0.0, 1.0
    riding = cand.vehicle is not None and str(cand.vehicle.kind) in ("fiets", "scooter")
    for beat in sorted(cand.beats, key=lambda b: b.at):
        if t < beat.at:
            break
        since = t - beat.at
        if beat.do in MOVES:
            target = (
                leave_target(beat, x, props, index)
                if beat.do == Act.VERTREKKEN
                else prop_target(props, beat, x, index)
            )
            act = Act.FIETSEN if riding and beat.do in (Act.VERTREKKEN, Act.LOPEN) else beat.do
            span = move_seconds(x, target, act)
            d = delta(x, target)
            done = 1.0 if span <= 0 else min(1.0, since / span)
            moving = done < 1.0
            x = wrap(x + d * done)
            facing = (1 if d > 0 else -1) if moving else 0
            pose = (Pose.FIETSEN if act == Act.FIETSEN else Pose.LOPEN) if moving else Pose.STAAN
            if act == Act.FIETSEN and not moving:
                pose = Pose.FIETSEN  # a cyclist waits astride
            phase = (abs(d) * done / STRIDE) % 1.0 if moving else phase
            if beat.do == Act.VERTREKKEN:
                depth = LEAVE_DEPTH * done
                alpha = max(0.0, 1.0 - max(0.0, done - 0.6) / 0.4)
                if not moving:
                    return None
        elif beat.do == Act.ZITTEN:
            x, pose, facing = prop_target(props, beat, x, index), Pose.ZITTEN, 0
            seat = props.get(beat.prop or "")
            if seat is not None and seat.kind == PropKind.STOELEN:
                depth = SEAT_DEPTH  # a carriage's seats stand back from the aisle
        elif beat.do == Act.LEUNEN:
            x, pose, facing = prop_target(props, beat, x, index), Pose.LEUNEN, 0
        elif beat.do == Act.BELLEN:
            seated = pose in (Pose.ZITTEN, Pose.ZITTEN_BELLEN)
            pose, facing = (Pose.ZITTEN_BELLEN if seated else Pose.BELLEN), 0
        elif beat.do == Act.RONDKIJKEN:
            # Looking around turns the head; whoever sits or leans stays so.
            pose = pose if pose in (Pose.ZITTEN, Pose.LEUNEN, Pose.ZITTEN_BELLEN) else Pose.STAAN
            facing = (-1, 0, 1, 0)[int(since / LOOK_PERIOD) % 4]
        elif beat.do in (Act.STAAN, Act.OPSTAAN):
            if beat.prop is not None:
                x = prop_target(props, beat, x, index)
            pose, facing = Pose.STAAN, 0
    return Placed(cand.id, wrap(x), depth, pose, facing, phase, alpha, cand.id)


def departed(node: SelectionNode, t: float) -> frozenset[str]:
    """Candidates who have left the street by second t: they can no longer be addressed."""
    props = {p.id: p for p in node.props}
    out = set()
    for cand in node.candidates:
        gone = leaves_at(cand, props)
        if gone is not None and t >= gone:
            out.add(cand.id)
    return frozenset(out)


def candidates_at(node: SelectionNode, t: float) -> tuple[Placed, ...]:
    """Every candidate still in the street at second t."""
    props = {p.id: p for p in node.props}
    placed = (candidate_at(c, props, t, i) for i, c in enumerate(node.candidates))
    return tuple(p for p in placed if p is not None)
