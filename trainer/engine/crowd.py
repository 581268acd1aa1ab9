"""Passers-by in the selection street, drawn from the session's seed: walking through, waiting, cycling.

Never selectable: they carry no candidate id. `crowd_plan` draws who is there once per session (seed, node,
density, time of day); `crowd_at(plan, t)` says where each is at second t, purely. Positions wrap round.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from trainer.engine.timeline import SEAT_DEPTH, Placed, Pose
from trainer.model.beats import WALK_SPEED, beat_ends, prop_target, wrap
from trainer.model.scenario import Appearance, SelectionNode
from trainer.model.street import Act, Density

PEOPLE: dict[Density, int] = {Density.LEEG: 0, Density.RUSTIG: 8, Density.DRUK: 18, Density.VOL: 28}
SEATS_TAKEN: dict[Density, float] = {
    Density.LEEG: 0.0,
    Density.RUSTIG: 0.3,
    Density.DRUK: 0.66,
    Density.VOL: 1.0,
}
HOUR: dict[str, float] = {"ochtend": 1.0, "middag": 1.0, "avond": 0.7, "nacht": 0.35}
FADE_IN = 1.0  # seconds a newcomer takes to appear while the street fills up
NEAR_SHARE = 0.15  # passers-by who walk past nearer than the candidates


@dataclass(frozen=True, slots=True)
class Walker:
    """One passer-by: who they are and how they move."""

    key: str
    appearance: Appearance
    kind: str  # 'lopen', 'wachten', 'fietsen', 'zitten', 'bellen'
    x0: float
    speed: float  # signed share of the street per second (0 for those who wait or sit)
    depth: float
    arrives: float  # second they appear
    leaves: float | None = None  # second they are gone (a traveller someone stands behind)
    umbrella: bool = False
    suitcase: bool = False  # pulls a rolling suitcase (drawn, and heard)


@dataclass(frozen=True, slots=True)
class CrowdPlan:
    walkers: tuple[Walker, ...]
    wet: bool


_HAIR = ("kort", "kort", "lang", "krullen", "kaal", "vlechtjes")
_COLOURS = ("blauw", "zwart", "grijs", "rood", "groen", "geel", "wit", "bruin", "paars")
_CLOTHES = ("casual", "casual", "sportief", "net", "werkkleding", "winterjas", "regenjas")
_HAIR_COLOURS = ("zwart", "bruin", "blond", "rood", "grijs")


def passer_by(rng: random.Random) -> Appearance:
    """An ordinary person: every look, age and build, like a real street."""
    age = rng.choice((rng.randint(15, 30), rng.randint(25, 60), rng.randint(55, 85)))
    hair = "grijs" if age > 65 and rng.random() < 0.6 else rng.choice(_HAIR)
    accessories = [a for a in ("rugzak", "tas", "telefoon", "koptelefoon") if rng.random() < 0.22]
    return Appearance.model_validate(
        {
            "skin_tone": rng.randint(1, 6),
            "age": age,
            "build": rng.choice(("slank", "gemiddeld", "gemiddeld", "stevig")),
            "height": rng.randint(156, 194),
            "hair": hair,
            "hair_color": "grijs" if hair == "grijs" else rng.choice(_HAIR_COLOURS),
            "headwear": rng.choice(("geen",) * 6 + ("pet", "muts", "hoofddoek")),
            "clothing": rng.choice(_CLOTHES),
            "clothing_color": rng.choice(_COLOURS),
            "accessories": accessories,
        }
    )


def _count(density: Density, hour: str) -> int:
    return round(PEOPLE[density] * HOUR.get(hour, 1.0))


def crowd_plan(
    node: SelectionNode,
    *,
    seed: int,
    hour: str,
    time_limit: float,
    wet: bool = False,
    seats: tuple[float, ...] = (),
    suitcases: float = 0.0,
) -> CrowdPlan:
    """Who passes by in this street in this session. `seats`: where seats are (a train carriage);
    `suitcases`: the share of walkers pulling one (travellers at a station)."""
    rng = random.Random(f"crowd:{seed}")
    # A stream of its own, so adding suitcases left every other draw (and every earlier picture) as it was.
    luggage = random.Random(f"luggage:{seed}")
    walkers: list[Walker] = []
    crowd = node.crowd
    start, end = crowd.density, crowd.to or crowd.density
    if seats:
        taken = SEATS_TAKEN[max(start, end, key=lambda d: PEOPLE[d])]
        order = list(range(len(seats)))
        rng.shuffle(order)
        free = {_nearest(seats, c.position) for c in node.candidates}
        for n, i in enumerate(order[: round(len(seats) * taken)]):
            if i not in free:
                walkers.append(Walker(f"crowd:{n}", passer_by(rng), "zitten", seats[i], 0.0, SEAT_DEPTH, 0.0))
    else:
        first, last = _count(start, hour), _count(end, hour)
        for i in range(max(first, last)):
            # The street fills (or empties) evenly over the time limit: the i-th person arrives when the
            # count passes i.
            arrives = 0.0 if i < first else time_limit * (i - first + 0.5) / max(1, last - first)
            roll = rng.random()
            kind = (
                "fietsen"
                if roll < crowd.cyclists
                else ("wachten" if roll < crowd.cyclists + 0.22 else "lopen")
            )
            near = rng.random() < NEAR_SHARE and kind != "wachten"
            depth = -0.22 if near else rng.uniform(0.2, 1.0)
            direction = rng.choice((-1, 1))
            speed = direction * (
                rng.uniform(0.12, 0.2) if kind == "fietsen" else rng.uniform(0.7, 1.2) * WALK_SPEED
            )
            if kind == "wachten":
                speed = 0.0
                kind = "bellen" if rng.random() < 0.35 else "wachten"
            umbrella = wet and kind in ("lopen", "wachten") and rng.random() < 0.65
            suitcase = luggage.random() < suitcases and kind == "lopen" and not umbrella
            walkers.append(
                Walker(
                    f"crowd:{i}",
                    passer_by(rng),
                    kind,
                    rng.random(),
                    speed,
                    depth,
                    arrives,
                    None,
                    umbrella,
                    suitcase,
                )
            )
    walkers += _phone_travellers(node, rng)
    return CrowdPlan(tuple(walkers), wet)


def _nearest(seats: tuple[float, ...], x: float) -> int:
    return min(range(len(seats)), key=lambda i: abs(seats[i] - x))


def _phone_travellers(node: SelectionNode, rng: random.Random) -> list[Walker]:
    """For every 'achter' beat, the traveller busy with a phone whom the candidate steps in behind."""
    props = {p.id: p for p in node.props}
    out: list[Walker] = []
    for cand in node.candidates:
        x = cand.position
        for n, (beat, end) in enumerate(beat_ends(cand, props)):
            target = prop_target(props, beat, x, 0)
            if beat.do == Act.ACHTER:
                side = 1 if (target - x) % 1.0 < 0.5 else -1
                out.append(
                    Walker(
                        f"aux:{cand.id}:{n}",
                        passer_by(rng),
                        "bellen",
                        wrap(target + side * 0.018),
                        0.0,
                        0.05,
                        max(0.0, beat.at - 4.0),
                        end + 9.0,
                    )
                )
            if beat.do in (Act.LOPEN, Act.ACHTER, Act.FIETSEN) or beat.prop is not None:
                x = target
    return out


def crowd_at(plan: CrowdPlan, t: float) -> tuple[Placed, ...]:
    """Every passer-by present at second t, with pose and facing."""
    out: list[Placed] = []
    for w in plan.walkers:
        if t < w.arrives or (w.leaves is not None and t >= w.leaves + 3.0):
            continue
        alpha = min(1.0, (t - w.arrives) / FADE_IN) if w.arrives > 0 else 1.0
        if w.kind in ("lopen", "fietsen"):
            travelled = w.speed * t
            pose = Pose.FIETSEN if w.kind == "fietsen" else Pose.LOPEN
            stride = 0.05 if w.kind == "fietsen" else 0.018
            out.append(
                Placed(
                    w.key,
                    wrap(w.x0 + travelled),
                    w.depth,
                    pose,
                    1 if w.speed > 0 else -1,
                    (abs(travelled) / stride) % 1.0,
                    alpha,
                )
            )
        elif w.leaves is not None and t >= w.leaves:  # the phone traveller walks on
            gone = t - w.leaves
            out.append(
                Placed(
                    w.key,
                    wrap(w.x0 + WALK_SPEED * gone),
                    w.depth,
                    Pose.LOPEN,
                    1,
                    (WALK_SPEED * gone / 0.018) % 1.0,
                    max(0.0, 1.0 - gone / 3.0),
                )
            )
        else:
            pose = {"zitten": Pose.ZITTEN, "bellen": Pose.BELLEN}.get(w.kind, Pose.STAAN)
            phase = (t * 0.2 + w.x0) % 1.0
            out.append(Placed(w.key, w.x0, w.depth, pose, 0, phase, alpha))
    return tuple(out)
