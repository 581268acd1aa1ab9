"""Conditions on a look, with known answers: a line or choice written for one look shows in exactly the
sessions that drew it (in play, a plan per look, the transcript, save/restore, the debrief's re-run and the
storyboard of a place); coverage searches every casting; the checker refuses a look that decides the story.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, PLANS, SCENARIOS
from trainer.engine import FakeClock, Session
from trainer.engine.casting import casting_rng, draw_casting
from trainer.engine.checking import check
from trainer.engine.plan import follow, parse_plan
from trainer.engine.routes import coverage
from trainer.engine.rules import compile_conditions, rules_for
from trainer.engine.save import restore, save
from trainer.engine.transcript import transcript
from trainer.model.loader import LoadedScenario, load_scenario, load_scenario_text
from trainer.model.scenario import LookCondition, LookTraits, Scenario

NOAH = {
    "donker": "Is het omdat ik een zwarte jongen ben? Zeg het maar eerlijk.",
    "getint": "Is het om mijn kleur? Zeg het maar eerlijk.",
    "licht": "Wat heb ik dan gedaan? Zeg het maar eerlijk.",
}


def station() -> Scenario:
    return load_scenario(SCENARIOS / "stationsplein.yaml").scenario


def place_for(scenario: Scenario, cast_id: str, look: str) -> int:
    """The first place in a group at which `cast_id` draws `look`."""
    return next(p for p in range(12) if draw_casting(scenario, casting_rng(0), p)[cast_id] == look)


@pytest.mark.parametrize("look", sorted(NOAH))
def test_the_pilaar_plan_shows_noah_the_line_of_his_look_and_no_other(look: str) -> None:
    """A plan per look: the same choices, played at the place that gives Noah this look."""
    scenario = station()
    plan_path = PLANS / "stationsplein" / "pilaar_excuses.yaml"
    plan = parse_plan(plan_path.read_text(encoding="utf-8"), str(plan_path))
    session = Session(scenario, clock=FakeClock(), casting_place=place_for(scenario, "noah", look))
    assert session.casting["noah"] == look
    follow(session, plan)
    said = "\n".join(transcript(scenario, session.events))
    assert NOAH[look] in said
    assert not [other for key, other in NOAH.items() if key != look and other in said]


def test_the_view_save_restore_and_the_debrief_rerun_see_the_same_lines() -> None:
    from debrief.runs import read_run
    from debrief.sources import SessionRecord

    scenario = station()
    for look in NOAH:
        session = Session(
            scenario, seed=4, clock=FakeClock(), casting_place=place_for(scenario, "noah", look)
        )
        session.choose("jongen_pilaar")
        session.choose("c_rugzak_reden")
        shown = [line.text.nl for line in session.view().lines]
        assert NOAH[look] in shown and len([t for t in NOAH.values() if t in shown]) == 1
        restored = restore(scenario, json.loads(json.dumps(save(session))))
        assert [line.text.nl for line in restored.view().lines] == shown
        assert restored.state.looks == {"noah": look}
        record = SessionRecord(
            "s1", "A1", None, None, session.content_hash, "2026-01-01", False, tuple(session.events)
        )
        assert read_run(scenario, record, "nl").state == session.state


# A pooled cyclist whose warning depends on nothing but behaviour, with one line and one extra option
# written for a look. The option is an alternative, never the only way: the story is the same in every look.
LOOKED = """casting:
  - id: straat
    cast: [fietser]
    looks: [{id: a, skin_tone: 1}, {id: b, skin_tone: 6, headwear: muts}]
"""
EXTRA_CHOICE = """      - id: muts_benoemen
        text: {nl: "'Met die muts zag ik je bijna niet.'", en: "'With that beanie I almost missed you.'"}
        step: bejegenen
        assessment: discutabel
        rationale: {nl: "Gaat het om de muts of om het licht?", en: "Is it the beanie or the light?"}
        when: [{of: fietser, look_has: {headwear: muts}}]
        goto: terugblik_na_controle
"""


def looked(extra_choice: str = EXTRA_CHOICE) -> LoadedScenario:
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    anchor = "        values: [proportionaliteit]\n        goto: terugblik_na_controle\n"
    text = text.replace(anchor, anchor + extra_choice) + LOOKED
    return load_scenario_text(text, "looked.yaml")


def test_a_choice_for_one_look_is_offered_in_that_look_only_and_coverage_reaches_it() -> None:
    loaded = looked()
    assert [d.format() for d in check(loaded)] == []
    offered = {}
    for look in ("a", "b"):
        place = place_for(loaded.scenario, "fietser", look)
        session = Session(loaded.scenario, clock=FakeClock(), casting_place=place)
        session.choose("fietser_zonder_licht")
        session.choose("concreet")
        offered[look] = {c.id for c in session.choices()}
    assert offered == {"a": {"rustig"}, "b": {"rustig", "muts_benoemen"}}
    cov = coverage(loaded.scenario)
    assert cov.unreachable_choices == [] and cov.gaps == []
    # two castings the choice can tell apart, each searched: look a plays the 4 routes of the scenario
    # without the option, look b those 4 plus the option after 'concreet' and after 'vaag'
    plain = coverage(looked(extra_choice="").scenario)
    assert plain.routes is not None and cov.routes == 2 * plain.routes + 2


def test_a_look_condition_reads_the_looks_as_drawn() -> None:
    scenario = looked().scenario
    rules = rules_for(scenario)
    has_beanie = LookCondition(of="fietser", look_has=LookTraits(headwear="muts"))
    dark = LookCondition.model_validate({"of": "fietser", "look_has": {"skin_tone": [5, 6]}})
    not_a = LookCondition.model_validate({"of": "fietser", "look": "a", "is": False})
    for cond, yes in ((has_beanie, "b"), (dark, "b"), (not_a, "b")):
        test = compile_conditions([cond], scenario)
        assert test is not None
        assert [look for look in ("a", "b") if test(rules.start_state({"fietser": look}))] == [yes]


def test_a_look_that_is_the_only_way_out_is_refused_at_its_condition() -> None:
    """Without an unconditioned 'rustig', a calm stop in look a could go nowhere: a look decides it."""
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "        values: [proportionaliteit]\n",
        "        values: [proportionaliteit]\n        when: [{of: fietser, look: b}]\n",
    )
    loaded = load_scenario_text(text + LOOKED, "stuck.yaml")
    found = [d for d in check(loaded) if d.code == "C177"]
    assert [(d.line, d.column) for d in found] == [(96, 16)], [d.format() for d in found]
    assert found[0].args["target"] == "afhandelen"


def test_the_storyboard_of_a_place_leaves_out_what_its_look_rules_out() -> None:
    from trainer.ui.storyboard_parts import annotated_view

    scenario = station()
    for look in NOAH:
        casting = draw_casting(scenario, casting_rng(0), place_for(scenario, "noah", look))
        session = Session(scenario, clock=FakeClock(), start_node="c_waarom")
        lines = [line.text.nl for line in annotated_view(scenario, session.view(), casting).lines]
        assert [t for t in NOAH.values() if any(t in line for line in lines)] == [NOAH[look]]
    # without a place, every line with its condition in words
    session = Session(scenario, clock=FakeClock(), start_node="c_waarom")
    every = [line.text.nl for line in annotated_view(scenario, session.view()).lines]
    assert all(any(t in line for line in every) for t in NOAH.values())
    assert any(line.startswith("[alleen als Noah in look donker]") for line in every)
