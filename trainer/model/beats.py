"""Beats as times and places: where a beat takes a candidate, how long it takes, when they have left.

Pure arithmetic on the authored beats, shared by the checker (overlapping beats, a default who leaves) and
the engine's timeline (where everyone is at second t). Positions are shares of the wrapping street.
"""

from __future__ import annotations

from trainer.model.scenario import Candidate
from trainer.model.street import MOVES, Act, Beat, Prop, PropKind
from trainer.model.vocabulary import CueKind

WALK_SPEED = 0.055  # share of the street per second: about 1.3 m/s at the scale people are drawn
RIDE_SPEED = 0.16
LEAN_OFFSET = 0.012  # stand beside a pillar or a machine, not inside it
LEAVE_STEP = 0.12  # someone leaving without a destination walks this far while going off into the distance


def wrap(x: float) -> float:
    return x % 1.0


def delta(a: float, b: float) -> float:
    """Signed shortest way from a to b on the wrapping street."""
    d = (b - a) % 1.0
    return d - 1.0 if d > 0.5 else d


def prop_target(props: dict[str, Prop], beat: Beat, here: float, index: int) -> float:
    """Where a beat takes the candidate: `to`, else beside or on its prop, else where they are."""
    if beat.to is not None:
        return beat.to
    prop = props.get(beat.prop or "")
    if prop is None:
        return here
    if beat.do in (Act.ZITTEN,) or prop.kind in (PropKind.BANK, PropKind.STOELEN, PropKind.TRAP):
        return prop.position
    side = -1 if index % 2 else 1
    return prop.position + side * LEAN_OFFSET


def speed(act: Act) -> float:
    return RIDE_SPEED if act == Act.FIETSEN else WALK_SPEED


def move_seconds(start: float, target: float, act: Act) -> float:
    """How long a walk or a ride from start to target takes."""
    return abs(delta(start, target)) / speed(act)


def leave_target(beat: Beat, here: float, props: dict[str, Prop], index: int) -> float:
    if beat.to is None and beat.prop is None:
        return wrap(here + LEAVE_STEP)
    return prop_target(props, beat, here, index)


def leaves_at(cand: Candidate, props: dict[str, Prop]) -> float | None:
    """The second the candidate has left the street (and can no longer be addressed), or None."""
    return next((end for beat, end in beat_ends(cand, props) if beat.do == Act.VERTREKKEN), None)


def beat_ends(cand: Candidate, props: dict[str, Prop]) -> list[tuple[Beat, float]]:
    """Each beat with the second it is done: a walk or ride when it arrives, anything else at once."""
    out: list[tuple[Beat, float]] = []
    x = cand.position
    riding = cand.vehicle is not None and str(cand.vehicle.kind) in ("fiets", "scooter")
    for beat in sorted(cand.beats, key=lambda b: b.at):
        end = beat.at
        if beat.do in MOVES:
            target = (
                leave_target(beat, x, props, 0)
                if beat.do == Act.VERTREKKEN
                else prop_target(props, beat, x, 0)
            )
            act = Act.FIETSEN if riding and beat.do in (Act.VERTREKKEN, Act.LOPEN) else beat.do
            end = beat.at + move_seconds(x, target, act)
            x = target
        elif beat.prop is not None:
            x = prop_target(props, beat, x, 0)
        out.append((beat, end))
    return out


# What an officer could know without seeing it (a report, MEOS, a colleague's words, earlier events): the
# inspect card (and `play --text`) keeps these when the street shows the rest (behaviour, clothing, vehicles)
# in the beats.
KNOWN_KINDS = frozenset({CueKind.INFORMATIE, CueKind.OMSTANDIGHEDEN})


def card_cues(cand: Candidate) -> list[int]:
    """Indexes of the cues told in words: all of them, unless the street shows the behaviour."""
    return [i for i, cue in enumerate(cand.cues) if not cand.beats or cue.kind in KNOWN_KINDS]
