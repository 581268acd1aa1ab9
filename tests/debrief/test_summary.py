"""The pure fold: hittepunten formula, prompts, sections, and the same records giving the same sheet."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from debrief import hittepunten
from debrief.sheet import Sheet
from tests.debrief.conftest import sheet_of


def test_disagreement_is_normalised_entropy() -> None:
    assert hittepunten.disagreement([5, 0, 0], 3) == 0.0
    assert hittepunten.disagreement([3, 3], 2) == pytest.approx(1.0)
    assert hittepunten.disagreement([1, 1], 5) == pytest.approx(1.0)  # two people split as far as two can
    assert hittepunten.disagreement([1], 4) == 0.0
    expected = -(0.5 * math.log(0.5) + 2 * 0.25 * math.log(0.25)) / math.log(3)
    assert hittepunten.disagreement([2, 1, 1], 3) == pytest.approx(expected)


def test_distance_weights_debatable_half() -> None:
    assert hittepunten.distance(0, 0, 4) == 0.0
    assert hittepunten.distance(2, 2, 4) == pytest.approx(0.75)
    assert hittepunten.distance(0, 0, 0) == 0.0


def test_heat_grows_with_reach() -> None:
    assert hittepunten.heat(1.0, 0.0, 12, 12) == pytest.approx(0.5)
    assert hittepunten.heat(1.0, 0.0, 3, 12) == pytest.approx(0.25)


def test_hittepunten_of_the_group(group_sheet: Sheet) -> None:
    hot = group_sheet.hittepunten
    assert 1 <= len(hot) <= 3
    assert hot[0].point.node_id == "straat"  # everyone chose there, and the group split five ways
    assert [h.point.heat for h in hot] == sorted((h.point.heat for h in hot), reverse=True)
    assert all(h.point.heat >= hittepunten.MIN_HEAT for h in hot)
    first = hot[0].point
    assert first.reached == 12 and sum(o.count for o in first.options) == 12
    assert {o.assessment for o in first.options} == {"in_lijn", "discutabel", "niet_in_lijn"}


def test_prompts_speak_of_choices_not_people(group_sheet: Sheet) -> None:
    codes = {p.code for p in group_sheet.participants}
    for h in group_sheet.hittepunten:
        assert 1 <= len(h.prompts) <= 3
        for prompt in h.prompts:
            text = " ".join((prompt.observation, prompt.thought, prompt.question))
            assert prompt.observation.startswith("Ik zag") and prompt.thought.startswith("Ik denk")
            assert prompt.question.endswith("?")
            assert not any(code in text.split() for code in codes)
    golf = hittepunten_prompt(group_sheet)
    assert "uiterlijk" in golf and "had je dan hetzelfde gekozen" in golf


def hittepunten_prompt(sheet: Sheet) -> str:
    first = sheet.hittepunten[0].prompts[0]
    return f"{first.observation} {first.thought} {first.question}"


def test_sections_from_the_records(group_sheet: Sheet) -> None:
    s = group_sheet
    assert [p.code for p in s.participants] == [f"T{i:02d}" for i in range(1, 13)]
    assert sum(e.count for e in s.endings) == 12
    assert [r.step for r in s.steps] == ["selecteren", "uitleggen", "bejegenen", "reflecteren"]
    assert s.steps[0].total >= 12
    t01 = s.registrations[0]
    assert t01.key == "A" and t01.registered_at_all
    assert t01.mismatches == (
        "geregistreerd als grond, maar niet wat de keuze uitlokte: gedrag, informatie",
        "wat de keuze uitlokte staat er niet in: uiterlijk, 'past niet hier', onderbuikgevoel",
    )
    t02 = s.registrations[1]
    assert t02.mismatches == ()  # a rear light, registered as what it was
    assert len(s.reflections) == 6 and all(len(r.answers) == 12 for r in s.reflections)
    assert any(m.kind == "vertrouwen" and m.who == "Yassin" for m in s.meters)
    assert s.timeline[0].node_id == "straat"
    assert len(s.routes) == 12 and s.routes[0][0].option.choice_id == "oude_auto"


def test_same_records_same_sheet(group_db: Path) -> None:
    assert sheet_of(group_db) == sheet_of(group_db)


def test_unfinished_session_is_included_and_marked(golden_db: Path) -> None:
    sheet = sheet_of(golden_db)
    assert [p.code for p in sheet.unfinished] == ["T12"]
    assert any(e.title == "niet afgerond" and e.who == ("T12",) for e in sheet.endings)
    assert not sheet.registrations[11].registered_at_all


def test_names_only_when_asked(golden_db: Path) -> None:
    assert sheet_of(golden_db).participants[0].label == "T01"
    assert sheet_of(golden_db, names=True).participants[0].label == "Agent A (T01)"


def test_english_sheet(group_db: Path) -> None:
    sheet = sheet_of(group_db, lang="en")
    assert sheet.title == "Night-time traffic stop"
    assert sheet.hittepunten[0].prompts[0].observation.startswith("I saw")
