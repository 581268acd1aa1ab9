"""A naive player must not beat chance: shown order and option length give no clue to the in-line option.

Every bundled scenario is played under 50 seeds by a player who always takes the first option shown and by
one who always takes the longest option; each one's share of "in lijn" choices may exceed that of a uniformly
random player by at most 10 percentage points (issue 11, "Done when").
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from tests.conftest import SCENARIOS
from trainer.engine import FakeClock, Phase, Session
from trainer.engine.events import ChoiceMade
from trainer.engine.views import ChoiceOption
from trainer.model.loader import load_scenario
from trainer.model.scenario import Scenario
from trainer.model.vocabulary import Assessment

SEEDS = range(50)
RANDOM_RUNS_PER_SEED = 4  # the baseline is itself random: more runs make it steady
MARGIN = 0.10
SCENARIO_FILES = sorted(SCENARIOS.glob("*.yaml"))

Strategy = Callable[[Sequence[ChoiceOption], random.Random], ChoiceOption]


def first_shown(options: Sequence[ChoiceOption], _rng: random.Random) -> ChoiceOption:
    return options[0]


def longest(options: Sequence[ChoiceOption], _rng: random.Random) -> ChoiceOption:
    return max(options, key=lambda o: len(o.choice.text.get("nl")))  # ties: the first shown


def uniform(options: Sequence[ChoiceOption], rng: random.Random) -> ChoiceOption:
    return rng.choice(list(options))


def play(scenario: Scenario, seed: int, strategy: Strategy, rng: random.Random) -> tuple[int, int]:
    """(in-line choices, all choices) of one run to its ending; the trainee never lets a timer run out."""
    session = Session(scenario, seed=seed, clock=FakeClock())
    for _ in range(500):
        view = session.view()
        if view.phase != Phase.PLAY:
            break
        if view.can_advance:
            session.advance()
        else:
            session.choose(strategy(view.choices, rng).id)
    made = [e for e in session.events if isinstance(e, ChoiceMade)]
    return sum(e.assessment == Assessment.IN_LIJN.value for e in made), len(made)


@cache
def _scenario(path: Path) -> Scenario:
    return load_scenario(path).scenario


@cache
def shares(strategy_name: str) -> tuple[float, dict[str, float]]:
    """The in-line share over the whole library, and per scenario."""
    strategy = {"first": first_shown, "longest": longest, "random": uniform}[strategy_name]
    runs = RANDOM_RUNS_PER_SEED if strategy_name == "random" else 1
    total_in = total = 0
    per: dict[str, float] = {}
    for path in SCENARIO_FILES:
        s_in = s_all = 0
        for seed in SEEDS:
            for run in range(runs):
                got, count = play(_scenario(path), seed, strategy, random.Random(seed * 1000 + run))
                s_in, s_all = s_in + got, s_all + count
        per[path.stem] = s_in / s_all
        total_in, total = total_in + s_in, total + s_all
    return total_in / total, per


def _report(name: str) -> str:
    share, per = shares(name)
    base, base_per = shares("random")
    rows = ", ".join(f"{k} {v:.0%} (random {base_per[k]:.0%})" for k, v in per.items())
    return f"{name}: {share:.1%} in lijn vs random {base:.1%}; {rows}"


def test_always_the_first_option_shown_does_not_beat_chance() -> None:
    share, _ = shares("first")
    baseline, _ = shares("random")
    assert share <= baseline + MARGIN, _report("first")


def test_always_the_longest_option_does_not_beat_chance() -> None:
    share, _ = shares("longest")
    baseline, _ = shares("random")
    assert share <= baseline + MARGIN, _report("longest")


def test_the_strategies_are_measured_on_real_choices() -> None:
    """Guards the test itself: every scenario is played and the random baseline is not degenerate."""
    baseline, per = shares("random")
    assert set(per) == {p.stem for p in SCENARIO_FILES}
    assert 0.05 < baseline < 0.95
