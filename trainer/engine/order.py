"""The order in which a node's choices are shown: drawn from the session's seeded RNG, pins respected.

Authored order says nothing to a trainee: instructors tend to write the answer they want first and
longest, so a trainee who pressed 1 every time would walk the ideal route. Each session therefore shows the
choices of each node in its own order, drawn from `random.Random(seed)` so a replay shows exactly what was
shown. An author pins an option whose place carries meaning ("do nothing" last) with `pin: laatst` or
`pin: eerst`. `Rules.shown` (engine/rules.py) applies it on entering a node.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

FIRST = "eerst"
LAST = "laatst"

T = TypeVar("T")
Parts = tuple[Sequence[T], Sequence[T], Sequence[T]]
"""Options split by pin: (pinned first, the rest, pinned last), each in authored order."""


def partition(options: Sequence[T], pin: Callable[[T], str | None]) -> Parts[T]:
    """Split options by their pin; done once per node where the legal options never change."""
    first = tuple(o for o in options if pin(o) == FIRST)
    last = tuple(o for o in options if pin(o) == LAST)
    middle = tuple(o for o in options if pin(o) not in (FIRST, LAST))
    return first, middle, last


def draw_order(parts: Parts[T], rng: random.Random) -> tuple[T, ...]:
    """The options in the order to show: pinned-first ones, the rest shuffled, pinned-last ones.

    Pinned options keep their authored order among themselves. The RNG is drawn from only when there is
    more than one option to shuffle, so nodes without a real choice do not move later orders. A shuffle's
    draws depend only on the number shuffled, so the same seed gives the same order whatever is shuffled.
    """
    first, middle, last = parts
    if len(middle) > 1:
        shuffled = list(middle)
        rng.shuffle(shuffled)
        return (*first, *shuffled, *last)
    return (*first, *middle, *last)


def shuffled(options: list[T], rng: random.Random) -> tuple[T, ...]:
    """`draw_order` where nothing is pinned: the list (the caller's own, shuffled in place) in the order
    to show. The same draws as `draw_order`, without splitting by pin first."""
    if len(options) > 1:
        rng.shuffle(options)
    return tuple(options)


def shown_order(options: Sequence[tuple[str, str | None]], rng: random.Random) -> tuple[str, ...]:
    """Ids of (id, pin) options in the order to show (see `draw_order`)."""
    return tuple(cid for cid, _pin in draw_order(partition(options, lambda o: o[1]), rng))


def sheet_order(node_id: str, options: Sequence[tuple[str, str | None]]) -> tuple[str, ...]:
    """A fixed order for a debrief sheet that owes nothing to the author's: pins first/last, the rest by a
    hash.

    The sheet must be the same for the same records, so no RNG; and it must not list the in-line option
    first just because the author wrote it first (a group would learn that 'A' is the answer).
    """

    def rank(cid: str) -> str:
        return hashlib.sha256(f"{node_id}:{cid}".encode()).hexdigest()

    first = [cid for cid, pin in options if pin == FIRST]
    last = [cid for cid, pin in options if pin == LAST]
    middle = sorted((cid for cid, pin in options if pin not in (FIRST, LAST)), key=rank)
    return (*first, *middle, *last)
