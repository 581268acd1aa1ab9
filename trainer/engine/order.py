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
from typing import Generic, TypeVar

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


class Orders(Generic[T]):
    """Every order one set of options can be shown in, each built once: what `draw_order` draws, as
    (options, their ids), for the hot path of entering a node.

    The draws are exactly those of `random.Random.shuffle` on the unpinned middle (the same calls to the
    same `_randbelow`, in the same order), so the same seed gives the same order and leaves the RNG in
    the same state; the draws then index a memo of the orders already built instead of shuffling a list.
    """

    __slots__ = ("_first", "_ident", "_last", "_memo", "_middle", "_size")
    MEMO_UP_TO = 8  # 8! = 40,320 orders at most, and only those drawn are kept

    def __init__(self, parts: Parts[T], ident: Callable[[T], str]) -> None:
        self._first, self._middle, self._last = tuple(parts[0]), tuple(parts[1]), tuple(parts[2])
        self._ident = ident
        self._size = len(self._middle)
        self._memo: dict[int, tuple[tuple[T, ...], tuple[str, ...]]] = {}
        if self._size <= 1:
            self._memo[0] = self._build(0)

    def draw(self, rng: random.Random) -> tuple[tuple[T, ...], tuple[str, ...]]:
        """The options in the order to show, and their ids; draws from `rng` as `draw_order` does."""
        size = self._size
        if size <= 1:  # nothing to shuffle: no draw, as in draw_order
            return self._memo[0]
        if size <= 3 and type(rng) is random.Random:
            # Random._randbelow(n) written out for n = 3 and 2 (both take 2 bits): redraw until below n.
            # Most nodes have two or three choices, and the call costs more than the draw.
            bits = rng.getrandbits
            key = bits(2)
            while key >= size:
                key = bits(2)
            if size == 3:
                last = bits(2)
                while last >= 2:
                    last = bits(2)
                key = key * 2 + last
        else:
            randbelow = rng._randbelow  # type: ignore[attr-defined]  # what shuffle itself calls
            key = 0
            for i in range(size - 1, 0, -1):
                key = key * (i + 1) + randbelow(i + 1)
        found = self._memo.get(key)
        if found is None:
            found = self._build(key)
            if size <= self.MEMO_UP_TO:
                self._memo[key] = found
        return found

    def _build(self, key: int) -> tuple[tuple[T, ...], tuple[str, ...]]:
        """The order of the draws encoded in `key` (first draw most significant), swapped as shuffle
        swaps."""
        draws = []
        for radix in range(2, self._size + 1):  # the last draw (radix 2) is the least significant digit
            key, digit = divmod(key, radix)
            draws.append(digit)
        middle = list(self._middle)
        for i, j in zip(range(self._size - 1, 0, -1), reversed(draws), strict=True):
            middle[i], middle[j] = middle[j], middle[i]
        options = (*self._first, *middle, *self._last)
        return options, tuple(map(self._ident, options))


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
