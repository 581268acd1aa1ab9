"""Drawing a session's casting: which look each pooled cast member has, as a pure function.

Alone, a session draws its assignment from its own seeded RNG (a random permutation of the pool's looks).
In a group, the session's place in the group (0, 1, 2, ...) picks a row of a Latin square: one fixed
shuffle of the looks per scenario and pool, rotated by the place. Over any k consecutive places (k looks)
every cast member wears every look exactly once, so the Hof test gets the same behaviour in every look
about equally often from a handful of sessions on, which random draws cannot promise a group of 12.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from itertools import permutations, product
from random import Random

from trainer.model.scenario import CastingPool, Scenario


def _group_shuffle(scenario_id: str, pool: CastingPool) -> list[int]:
    """The pool's looks in one fixed order per scenario and pool (a stable hash, not Python's `hash`)."""
    digest = hashlib.sha256(f"{scenario_id}/{pool.id}".encode()).digest()
    order = list(range(len(pool.looks)))
    Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return order


def casting_rng(seed: int) -> Random:
    """The session seed's own stream for the casting, apart from the one that draws choice orders."""
    return Random(f"casting/{seed}")


def draw_casting(scenario: Scenario, rng: Random, place: int | None = None) -> dict[str, str]:
    """Cast id -> look id for every pooled cast member.

    `place` is the session's place in its group (None: not in a group, draw from `rng`). Only the draw
    without a place takes numbers from `rng`, so a replay that knows the place draws the same and the
    choice order that follows from `rng` is unchanged. A pool with more members than looks (refused by the
    checker, C172) repeats looks rather than failing."""
    assignment: dict[str, str] = {}
    for pool in scenario.casting:
        k = len(pool.looks)
        if place is None:
            order = rng.sample(range(k), k)
            offset = 0
        else:
            order = _group_shuffle(scenario.id, pool)
            offset = place
        for i, cast_id in enumerate(pool.cast):
            assignment[cast_id] = pool.looks[order[(i + offset) % k]].id
    return assignment


def casting_variants(scenario: Scenario, members: Sequence[str]) -> list[dict[str, str]]:
    """Every casting a session can draw, told apart only on `members`: within a pool, the named members
    get distinct looks in every order (any draw is a permutation of the looks). One empty casting when
    `members` is empty."""
    variants: list[dict[str, str]] = [{}]
    for pool in scenario.casting:
        named = [cid for cid in pool.cast if cid in members]
        if not named:
            continue
        ids = [look.id for look in pool.looks]
        if len(named) > len(ids):  # refused by the checker (C172); draws repeat looks then
            options = list(product(ids, repeat=len(named)))
        else:
            options = list(permutations(ids, len(named)))
        variants = [{**v, **dict(zip(named, combo, strict=True))} for v in variants for combo in options]
    return variants
