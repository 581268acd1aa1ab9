"""Across the bundled library, length is no clue.

A trainee who always picks the longest text, or the shortest, or the one in the middle, must not find the
in_lijn option more often than by chance. Measured per choice point (a node with two or more options, at
least one in_lijn), in Dutch and English; a tie for longest counts as longest (the strict reading).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import SCENARIOS
from trainer.model.content_checks import inline_longest
from trainer.model.graph import node_choices
from trainer.model.loader import load_scenario
from trainer.model.scenario import ChoiceBase
from trainer.model.vocabulary import Assessment

MAX_SHARE = 0.40
MARGIN = 0.10  # a strategy may beat a uniformly random pick by at most 10 percentage points

RANKS: dict[str, Callable[[int], int]] = {
    "shortest": lambda n: 0,
    "second shortest": lambda n: 1,
    "middle": lambda n: n // 2,
    "second longest": lambda n: n - 2,
    "longest": lambda n: n - 1,
}


def _choice_points() -> list[list[ChoiceBase]]:
    points = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        for node_id in scenario.nodes:
            options = [choice for _cid, _step, choice, _path in node_choices(scenario, node_id)]
            if len(options) >= 2 and any(c.assessment == Assessment.IN_LIJN for c in options):
                points.append(options)
    return points


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_inline_option_is_longest_at_no_more_than_40_percent_of_choice_points(lang: str) -> None:
    points = longest = 0
    per_file = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        count = inline_longest(load_scenario(path).scenario, lang)
        points += len(count.points)
        longest += len(count.longest)
        per_file.append(f"{path.stem}: {len(count.longest)}/{len(count.points)}")
    assert points >= 100, "the library should have many choice points"
    assert longest <= MAX_SHARE * points, f"{longest}/{points} ({longest / points:.0%}): " + "; ".join(
        per_file
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("rank", list(RANKS))
def test_no_length_rank_finds_the_inline_option_more_often_than_chance(rank: str, lang: str) -> None:
    points = _choice_points()
    chance = sum(sum(c.assessment == Assessment.IN_LIJN for c in p) / len(p) for p in points) / len(points)
    hits = 0
    for options in points:
        ordered = sorted(options, key=lambda c: len(c.text.get(lang)))
        hits += ordered[RANKS[rank](len(ordered))].assessment == Assessment.IN_LIJN
    share = hits / len(points)
    assert share <= chance + MARGIN, (
        f"'{rank}' finds in_lijn at {share:.0%} of points; chance is {chance:.0%}"
    )


# --- type is no clue either ---------------------------------------------------------------------------

SEEDS = range(60)


def _tone_hits(pick: Callable[[list[float]], float]) -> tuple[float, float]:
    """(share of selections where picking by skin tone finds an in_lijn candidate, chance), averaged over
    every selection of every bundled scenario as the sessions show them (casting drawn per seed). A tie
    counts each tied candidate equally."""
    from trainer.engine import FakeClock, Session
    from trainer.model.scenario import SelectionNode

    hits = chance = 0.0
    points = 0
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        seeds = SEEDS if scenario.casting else range(1)
        for seed in seeds:
            shown = Session(scenario, seed=seed, clock=FakeClock()).shown_scenario
            tone = {m.id: m.appearance.skin_tone for m in shown.cast}
            for node in scenario.nodes.values():
                if not isinstance(node, SelectionNode):
                    continue
                tones = [sum(tone[c] for c in cand.cast) / len(cand.cast) for cand in node.candidates]
                inline = [cand.address.assessment == Assessment.IN_LIJN for cand in node.candidates]
                target = pick(tones)
                tied = [ok for t, ok in zip(tones, inline, strict=True) if t == target]
                weight = 1 / len(seeds)
                hits += weight * sum(tied) / len(tied)
                chance += weight * sum(inline) / len(inline)
                points += 1 if seed == seeds[0] else 0
    return hits / points, chance / points


@pytest.mark.parametrize("strategy", ["lightest", "darkest"])
def test_picking_by_skin_tone_finds_the_inline_candidate_no_more_often_than_chance(strategy: str) -> None:
    """The review behind issue 15 found the 'wrong' pick was nearly always a young man of colour and the
    offender the white commuter type: a trainee could learn to reverse the stereotype instead of reading the
    facts. A naive player who always picks the lightest (or darkest) candidate must not beat chance."""
    share, chance = _tone_hits(min if strategy == "lightest" else max)
    assert share <= chance + MARGIN, f"'{strategy}' finds in_lijn at {share:.0%}; chance is {chance:.0%}"
