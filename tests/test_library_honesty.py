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

# A tone strategy marks the candidates a naive player would pick among (uniformly) from their skin tones.
TONE_STRATEGIES: dict[str, Callable[[list[float]], list[bool]]] = {
    "lightest": lambda tones: [t == min(tones) for t in tones],
    "darkest": lambda tones: [t == max(tones) for t in tones],
    # The reverse stereotype the review warned about: never the darkest, any of the others. When all tie,
    # there is nobody to avoid, so the player picks among all.
    "avoid the darkest": lambda tones: (
        [t < max(tones) for t in tones] if min(tones) < max(tones) else [True] * len(tones)
    ),
    "avoid the lightest": lambda tones: (
        [t > min(tones) for t in tones] if min(tones) < max(tones) else [True] * len(tones)
    ),
}


def _tone_hits(pick: Callable[[list[float]], list[bool]]) -> dict[str, tuple[float, float, int]]:
    """Per bundled scenario: (share of selections where picking by skin tone finds an in_lijn candidate,
    chance, number of selections), averaged over the seeds as the sessions show the cast (casting drawn per
    seed). The player picks uniformly among the candidates the strategy marks."""
    from trainer.engine import FakeClock, Session
    from trainer.model.scenario import SelectionNode

    table: dict[str, tuple[float, float, int]] = {}
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        seeds = SEEDS if scenario.casting else range(1)
        hits = chance = 0.0
        points = 0
        for seed in seeds:
            shown = Session(scenario, seed=seed, clock=FakeClock()).shown_scenario
            tone = {m.id: m.appearance.skin_tone for m in shown.cast}
            for node in scenario.nodes.values():
                if not isinstance(node, SelectionNode):
                    continue
                tones = [sum(tone[c] for c in cand.cast) / len(cand.cast) for cand in node.candidates]
                inline = [cand.address.assessment == Assessment.IN_LIJN for cand in node.candidates]
                picked = [ok for ok, chosen in zip(inline, pick(tones), strict=True) if chosen]
                weight = 1 / len(seeds)
                hits += weight * sum(picked) / len(picked)
                chance += weight * sum(inline) / len(inline)
                points += 1 if seed == seeds[0] else 0
        if points:
            table[path.stem] = (hits / points, chance / points, points)
    return table


@pytest.mark.parametrize("strategy", list(TONE_STRATEGIES))
def test_picking_by_skin_tone_finds_the_inline_candidate_no_more_often_than_chance(strategy: str) -> None:
    """The review behind issue 15 found the 'wrong' pick was nearly always a young man of colour and the
    offender the white commuter type: a trainee could learn to reverse the stereotype instead of reading the
    facts. A naive player who always picks the lightest (or darkest) candidate, or who picks anyone but the
    darkest (or lightest), must not beat chance across the library. The failure lists every scenario, so an
    author sees which one skews."""
    table = _tone_hits(TONE_STRATEGIES[strategy])
    points = sum(n for _h, _c, n in table.values())
    share = sum(h * n for h, _c, n in table.values()) / points
    chance = sum(c * n for _h, c, n in table.values()) / points
    rows = "\n".join(
        f"  {name:32s} {h:4.0%} vs {c:4.0%} chance ({h - c:+.0%})" for name, (h, c, _n) in table.items()
    )
    assert share <= chance + MARGIN, (
        f"'{strategy}' finds in_lijn at {share:.0%} of selections; chance is {chance:.0%}. "
        f"Per scenario:\n{rows}"
    )
