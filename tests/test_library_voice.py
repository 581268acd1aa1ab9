"""Across the bundled library: the officer's own "deed het deugd?", and no stock phrases.

Blauw Vakmanschap asks not only whether a stop was right (deugde het?) but also how it felt (deed het deugd?),
for the citizen and for the officer. The citizen's side is in the perspectives; the officer's own experience
(irritation, doubt, fear, a colleague's pressure, relief) is a reflection question whose id starts with
`deed_het_deugd` (the convention in scenarios/README.md, section 9). It is asked on every route, so at least
one such question has no `when:`.

A library written from one template reads like one: the Hague court's question and "under time pressure" were
the stock sentences of the first seven scenarios. Each may appear at most twice in the whole library (text and
comments, Dutch and English), so the next scenario says it in its own words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SCENARIOS
from trainer.model.loader import load_scenario
from trainer.model.scenario import FlagCondition, Scenario
from trainer.model.vocabulary import Step

OWN_EXPERIENCE_PREFIX = "deed_het_deugd"
SCENARIO_FILES = sorted(SCENARIOS.glob("*.yaml"))

# Each stock phrase with its English twin; matched case-insensitively, across line breaks in a folded text.
STOCK_PHRASES = {
    "toets van het Hof": r"toets\s+van\s+het\s+hof",
    "the court's test": r"the\s+court's\s+test",
    "onder tijdsdruk": r"onder\s+tijdsdruk",
    "under time pressure": r"under\s+time\s+pressure",
}
MAX_PER_LIBRARY = 2


def own_experience_problems(scenario: Scenario) -> list[str]:
    """What is missing for the officer's own "deed het deugd?" (empty when the scenario asks it)."""
    own = [q for q in scenario.reflection if q.id.startswith(OWN_EXPERIENCE_PREFIX)]
    if not own:
        return [f"no reflection question with an id starting with {OWN_EXPERIENCE_PREFIX!r}"]
    problems = [] if any(not q.when for q in own) else ["asked only on some routes: every one has a when:"]
    for q in own:
        if q.step != Step.REFLECTEREN:
            problems.append(f"{q.id} is a {q.step.value} question, not reflecteren")
        if not q.text.nl.strip() or not (q.text.en or "").strip():
            problems.append(f"{q.id} lacks Dutch or English")
    return problems


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_every_route_asks_how_it_felt_for_the_officer(path: Path) -> None:
    assert own_experience_problems(load_scenario(path).scenario) == []


def test_a_scenario_without_the_question_or_with_it_only_on_some_routes_is_caught() -> None:
    # Known answers: strip the question from a bundled scenario, or make it conditional: the check says so.
    scenario = load_scenario(SCENARIOS / "nachtelijke_verkeerscontrole.yaml").scenario
    others = [q for q in scenario.reflection if not q.id.startswith(OWN_EXPERIENCE_PREFIX)]
    own = [q for q in scenario.reflection if q.id.startswith(OWN_EXPERIENCE_PREFIX)]
    without = scenario.model_copy(update={"reflection": others})
    assert own_experience_problems(without) == [
        f"no reflection question with an id starting with {OWN_EXPERIENCE_PREFIX!r}"
    ]
    conditional = [q.model_copy(update={"when": [FlagCondition(flag="video_online")]}) for q in own]
    only_some = scenario.model_copy(update={"reflection": others + conditional})
    assert own_experience_problems(only_some) == ["asked only on some routes: every one has a when:"]


def test_the_guide_documents_the_convention() -> None:
    text = (SCENARIOS / "README.md").read_text(encoding="utf-8")
    assert f"`{OWN_EXPERIENCE_PREFIX}`" in text


@pytest.mark.parametrize("phrase", sorted(STOCK_PHRASES))
def test_no_stock_phrase_appears_more_than_twice_in_the_library(phrase: str) -> None:
    pattern = re.compile(STOCK_PHRASES[phrase], re.IGNORECASE)
    counts = {
        path.name: n
        for path in SCENARIO_FILES
        if (n := len(pattern.findall(path.read_text(encoding="utf-8"))))
    }
    assert sum(counts.values()) <= MAX_PER_LIBRARY, f"{phrase!r} {sum(counts.values())} times: {counts}"
