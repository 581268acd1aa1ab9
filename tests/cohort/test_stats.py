"""The report's statistics against known answers (textbook values and exact distributions)."""

from __future__ import annotations

import math
from collections import Counter
from random import Random

import pytest

from debrief.cohort.stats import (
    Moments,
    Person,
    cohens_d,
    diff_proportions,
    hypergeometric,
    look_test,
    wilson,
)


def test_wilson_matches_the_textbook() -> None:
    # Newcombe (1998), table I: 81/263 -> 0.2553 to 0.3662; 0/10 -> 0 to 0.2775
    a = wilson(81, 263)
    assert (round(a.low, 4), round(a.high, 4)) == (0.2553, 0.3662)
    b = wilson(0, 10)
    assert b.low == 0 and round(b.high, 4) == 0.2775


def test_newcombe_difference_matches_the_paper() -> None:
    # Newcombe (1998b), example: 56/70 vs 48/80: difference 0.2, 95% CI 0.0524 to 0.3339 (method 10)
    d = diff_proportions(48, 80, 56, 70)
    assert round(d.estimate, 4) == 0.2
    assert (round(d.low, 4), round(d.high, 4)) == (0.0524, 0.3339)


def test_cohens_d_and_its_interval() -> None:
    before = Moments.of([1.0, 2.0, 3.0, 4.0, 5.0])
    after = Moments.of([3.0, 4.0, 5.0, 6.0, 7.0])
    d = cohens_d(before, after)
    assert d is not None
    sd = math.sqrt(2.5)
    assert d.estimate == pytest.approx(2 / sd)
    se = math.sqrt(10 / 25 + d.estimate**2 / 20)
    assert d.low == pytest.approx(d.estimate - 1.959964 * se, abs=1e-5)
    assert cohens_d(Moments.of([1.0]), after) is None
    assert Moments.of_sums(3, 6.0, 14.0) == Moments.of([1.0, 2.0, 3.0])


def test_hypergeometric_draws_follow_the_exact_distribution() -> None:
    rng = Random(1)
    good, bad, draws = 7, 13, 8
    n = 20000
    seen = Counter(hypergeometric(rng, good, bad, draws) for _ in range(n))
    total = math.comb(good + bad, draws)
    for x in range(0, 8):
        p = math.comb(good, x) * math.comb(bad, draws - x) / total
        assert abs(seen[x] / n - p) < 4 * math.sqrt(p * (1 - p) / n) + 1e-3
    # large populations stay fast and within range
    big = [hypergeometric(rng, 40_000, 60_000, 30_000) for _ in range(2000)]
    assert all(0 <= x <= 30_000 for x in big)
    mean = sum(big) / len(big)
    var = sum((x - mean) ** 2 for x in big) / (len(big) - 1)
    exact_var = 30_000 * 0.4 * 0.6 * 70_000 / 99_999  # n p (1 - p) (N - n) / (N - 1)
    assert abs(mean - 12_000) < 4 * math.sqrt(exact_var / len(big))
    assert 0.9 < var / exact_var < 1.1
    # just under the switch the exact search is used, and it agrees too
    mid = [hypergeometric(rng, 2_000, 2_000, 1_800) for _ in range(2000)]
    assert abs(sum(mid) / len(mid) - 900) < 2


def test_look_test_tells_look_from_behaviour() -> None:
    # three persons each shown 100 times in each of three looks
    shown = (100, 100, 100)
    # by behaviour: person 0 always selected, the others never: the looks carry nothing
    behaviour = [Person(shown, 300), Person(shown, 0), Person(shown, 0)]
    assert look_test(behaviour, [100, 100, 100]) > 0.5
    # by look: whoever wears look 2 is selected, everyone equally often
    look = [Person(shown, 100), Person(shown, 100), Person(shown, 100)]
    assert look_test(look, [0, 0, 300]) < 0.01
    # a naive coin-flipper does not beat chance: over 40 seeded cohorts about 5% fall under 0.05
    rng = Random(7)
    small = 0
    for _ in range(40):
        picks = [[rng.random() < 0.3 for _ in range(30)] for _ in range(3)]  # per look, 10 per person
        persons = [Person((10, 10, 10), sum(sum(p[j::3]) for p in picks)) for j in range(3)]
        by_look = [sum(p) for p in picks]
        # keep persons' totals consistent with looks: rebuild per person from the same picks
        small += look_test(persons, by_look, rounds=199) < 0.05
    assert small <= 6
