"""Which decision points the group should talk about: the hittepunten.

For each decision point, only the sessions that reached it count (n = how many chose there):

    disagreement D = H / ln(min(k, n))    H = -sum(p_i ln p_i) over the options' shares p_i, k = options
    offered
                                          (0 when everyone chose alike, 1 when the choices spread as evenly as
                                          n people over k options can; 0 when min(k, n) < 2)
    distance     K = (niet_in_lijn + 0.5 * discutabel) / n
                                          (0 when every choice was in line with the kader, 1 when none was)
    heat         = sqrt(n / N) * (D + K) / 2    N = sessions in the sheet

The square root keeps a point that a third of the group reached in play without letting one person's detour
outweigh the moment everyone went through. The hittepunten are the (at most) three hottest points with heat
of at least MIN_HEAT that at least MIN_REACH people reached (fewer, and a 1-1-1 split says nothing about the
group while it points at the few who were there), ties broken by reach and then by the scenario's own order;
when no point qualifies, the first decision point is shown so the conversation still has a place to start.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol, TypeVar

MIN_HEAT = 0.15
MIN_REACH = 4
"""Below about five people a figure identifies someone (domain.md); four is the least spread worth a talk."""
SMALL = 5
"""Below this many, prompts leave out per-option counts and ask about the option, not about who chose it."""
LIMIT = 3
HIGH, SOME = 0.6, 0.3  # thresholds for the words on the sheet
FAR, PARTLY = 0.5, 0.25


def disagreement(counts: Sequence[int], offered: int) -> float:
    """Normalised Shannon entropy of a choice distribution (see the module docstring)."""
    n = sum(counts)
    scale = min(offered, n)
    if scale < 2:
        return 0.0
    entropy = -sum((c / n) * math.log(c / n) for c in counts if c)
    return min(1.0, entropy / math.log(scale))


def distance(not_in_line: int, debatable: int, n: int) -> float:
    """Weighted share of choices away from the kader."""
    return (not_in_line + 0.5 * debatable) / n if n else 0.0


def heat(d: float, k: float, reached: int, group: int) -> float:
    return math.sqrt(reached / group) * (d + k) / 2 if group else 0.0


class _Point(Protocol):
    @property
    def heat(self) -> float: ...
    @property
    def reached(self) -> int: ...
    @property
    def order(self) -> int: ...


P = TypeVar("P", bound=_Point)


def select(points: Sequence[P], limit: int = LIMIT) -> list[P]:
    """The hittepunten, hottest first; never empty when any point was reached."""
    reached = [p for p in points if p.reached]
    ranked = sorted(reached, key=lambda p: (-round(p.heat, 9), -p.reached, p.order))
    chosen = [p for p in ranked if p.heat >= MIN_HEAT and p.reached >= MIN_REACH][:limit]
    if not chosen and reached:
        chosen = [min(reached, key=lambda p: p.order)]
    return chosen


def reason_keys(d: float, k: float) -> list[str]:
    """Why a point is hot, as catalogue keys: disagreement first, then distance from the kader."""
    keys = []
    if d >= HIGH:
        keys.append("reason_split_high")
    elif d >= SOME:
        keys.append("reason_split_some")
    if k >= FAR:
        keys.append("reason_far")
    elif k >= PARTLY:
        keys.append("reason_partly")
    return keys or ["reason_calm"]
