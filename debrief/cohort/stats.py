"""The report's statistics, pure and tested with known answers.

- `wilson`: a share with its 95% Wilson score interval (good at small n and near 0 or 1);
- `diff_proportions`: the difference of two shares with Newcombe's hybrid score interval (method 10);
- `cohens_d`: a standardised mean difference (pooled SD) with the usual large-sample 95% interval
  (Hedges & Olkin: se = sqrt((n1 + n2) / (n1 n2) + d² / (2 (n1 + n2))));
- `look_permutation_p`: the Hof test at cohort scale. Per person the looks they appeared in are fixed and
  only which appearances were selected is shuffled (a multivariate hypergeometric draw per person), with a
  fixed seed; the statistic is the chi-square distance between selections per look and what each person's
  own selection rate predicts (as `debrief.hof`). Drawing counts rather than shuffling lists keeps a test
  over 100,000 sessions as cheap as one over twelve.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float


def wilson(k: int, n: int) -> Interval:
    """k of n as a share with its 95% Wilson interval."""
    if n <= 0:
        raise ValueError("no observations")
    p = k / n
    z2 = Z95 * Z95
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return Interval(p, max(0.0, centre - half), min(1.0, centre + half))


def diff_proportions(k1: int, n1: int, k2: int, n2: int) -> Interval:
    """p2 - p1 (the change from the first group to the second) with Newcombe's hybrid interval."""
    a, b = wilson(k1, n1), wilson(k2, n2)
    d = b.estimate - a.estimate
    low = d - math.sqrt((b.estimate - b.low) ** 2 + (a.high - a.estimate) ** 2)
    high = d + math.sqrt((b.high - b.estimate) ** 2 + (a.estimate - a.low) ** 2)
    return Interval(d, max(-1.0, low), min(1.0, high))


@dataclass(frozen=True)
class Moments:
    """n, mean and (sample) variance of a continuous measure, as SQL's COUNT, SUM and SUM of squares give."""

    n: int
    mean: float
    var: float

    @classmethod
    def of_sums(cls, n: int, total: float, squares: float) -> Moments:
        mean = total / n if n else 0.0
        var = (squares - n * mean * mean) / (n - 1) if n > 1 else 0.0
        return cls(n, mean, max(0.0, var))

    @classmethod
    def of(cls, values: Sequence[float]) -> Moments:
        return cls.of_sums(len(values), sum(values), sum(v * v for v in values))


def cohens_d(before: Moments, after: Moments) -> Interval | None:
    """(after - before) / pooled SD with its 95% interval; None when either side has under 2 values or
    there is no spread at all."""
    n1, n2 = before.n, after.n
    if n1 < 2 or n2 < 2:
        return None
    pooled = math.sqrt(((n1 - 1) * before.var + (n2 - 1) * after.var) / (n1 + n2 - 2))
    if pooled == 0:
        return None
    d = (after.mean - before.mean) / pooled
    se = math.sqrt((n1 + n2) / (n1 * n2) + d * d / (2 * (n1 + n2)))
    return Interval(d, d - Z95 * se, d + Z95 * se)


# --- the Hof test over counts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One pooled person: how often they appeared in each look, and how often they were selected in all."""

    shown: tuple[int, ...]  # per look
    selected: int


def _expected(persons: Sequence[Person], k: int) -> list[float]:
    expected = [0.0] * k
    for person in persons:
        total = sum(person.shown)
        if total:
            for look, n in enumerate(person.shown):
                expected[look] += n * person.selected / total
    return expected


def look_statistic(observed: Sequence[float], expected: Sequence[float]) -> float:
    """Chi-square distance of selections per look from what the persons' own rates predict."""
    return sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True) if e > 0)


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


EXACT_UP_TO = 400.0
"""Variance up to which a hypergeometric draw is exact; above it (thousands of appearances per person) the
normal approximation is used, whose error there is far below what 999 rounds can resolve."""


def hypergeometric(rng: Random, good: int, bad: int, draws: int) -> int:
    """How many of `draws` taken without replacement from good + bad are good. Exact inversion, searching
    outward from the mode (a draw costs about a standard deviation of steps), up to a variance of
    `EXACT_UP_TO`; beyond it a rounded normal draw with the same mean and variance, clipped to the range."""
    low, high = max(0, draws - bad), min(good, draws)
    if low == high:
        return low
    total = good + bad
    mean = draws * good / total
    var = mean * (bad / total) * (total - draws) / max(1, total - 1)
    if var > EXACT_UP_TO:
        return min(high, max(low, round(rng.gauss(mean, math.sqrt(var)))))
    mode = min(high, max(low, (draws + 1) * (good + 1) // (good + bad + 2)))

    def ratio(x: int) -> float:  # p(x + 1) / p(x)
        return (good - x) * (draws - x) / ((x + 1) * (bad - draws + x + 1))

    p_mode = math.exp(_log_comb(good, mode) + _log_comb(bad, draws - mode) - _log_comb(good + bad, draws))
    u = rng.random() - p_mode
    if u <= 0:
        return mode
    up, down, p_up, p_down = mode + 1, mode - 1, p_mode, p_mode
    while up <= high or down >= low:
        if up <= high:
            p_up *= ratio(up - 1)
            u -= p_up
            if u <= 0:
                return up
            up += 1
        if down >= low:
            p_down /= ratio(down)
            u -= p_down
            if u <= 0:
                return down
            down -= 1
    return mode  # rounding left a sliver of probability: the likeliest value


def draw_selected(rng: Random, shown: Sequence[int], selected: int) -> list[int]:
    """Which looks `selected` of a person's appearances fall in, drawn without replacement."""
    out, left, todo = [], sum(shown), selected
    for n in shown:
        left -= n
        x = hypergeometric(rng, n, left, todo) if todo else 0
        out.append(x)
        todo -= x
    return out


def look_test(
    persons: Sequence[Person], selected_by_look: Sequence[int], rounds: int = 999, seed: int = 20230207
) -> float:
    """Permutation p for the observed selections per look, given each person's appearances per look and
    selections (their sum over persons equals `selected_by_look`'s total)."""
    k = len(selected_by_look)
    expected = _expected(persons, k)
    observed = look_statistic([float(x) for x in selected_by_look], expected)
    rng = Random(seed)
    hits = 0
    for _ in range(rounds):
        counts = [0] * k
        for person in persons:
            if person.selected:
                for look, x in enumerate(draw_selected(rng, person.shown, person.selected)):
                    counts[look] += x
        if look_statistic([float(c) for c in counts], expected) >= observed - 1e-9:
            hits += 1
    return (hits + 1) / (rounds + 1)
