"""Across the bundled library, length is no clue: the in_lijn option is the longest at no more than 40%.

A trainee who always picks the longest text must not walk the ideal route. Measured in Dutch and English,
counting a tie for longest as longest (the strict reading).
"""

from __future__ import annotations

import pytest

from tests.conftest import SCENARIOS
from trainer.model.content_checks import inline_longest
from trainer.model.loader import load_scenario

MAX_SHARE = 0.40


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
