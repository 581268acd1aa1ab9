"""The Hof test section with known answers: a group whose selections follow behaviour and one whose selections
follow a look must be told apart, in words and in figures; small groups get no claim, tiny ones no figures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from debrief.hof import MIN_SELECTIONS
from debrief.render import render_html, render_markdown
from debrief.sheet import Sheet
from debrief.sources import GroupInfo, Material, SessionRecord
from debrief.summary import fold
from tests.conftest import SCENARIOS
from tests.debrief.synthetic import Trainee, play
from trainer.engine.clock import FakeClock
from trainer.engine.session import Session
from trainer.model.loader import load_scenario
from trainer.model.scenario import SelectionNode

LOADED = load_scenario(SCENARIOS / "stationsplein.yaml")
SCENARIO = LOADED.scenario
SELECTION = SCENARIO.nodes[SCENARIO.start]
assert isinstance(SELECTION, SelectionNode)
CANDIDATE_OF = {cast_id: c.id for c in SELECTION.candidates for cast_id in c.cast}

Policy = Callable[[int, dict[str, str]], str]


def behaviour(i: int, _casting: dict[str, str]) -> str:
    """Three in four go for the man the report and his own behaviour point at, whatever he looks like."""
    return "zakkenroller" if i % 4 != 3 else "oudere_man"


def look(_i: int, casting: dict[str, str]) -> str:
    """Everyone goes for whoever has the darkest look, whatever they do."""
    return CANDIDATE_OF[next(cast_id for cast_id, look_id in casting.items() if look_id == "donker")]


def sheet(n: int, policy: Policy, lang: str = "nl") -> Sheet:
    records = []
    for i in range(n):
        session = Session(
            SCENARIO, seed=i, clock=FakeClock(), casting_place=i, scenario_hash=LOADED.content_hash
        )
        play(session, Trainee(choices=[policy(i, session.casting)]))
        records.append(
            SessionRecord(
                f"{i:032x}",
                f"T{i:02d}",
                None,
                "hof",
                LOADED.content_hash,
                f"2026-12-06T09:{i:02d}",
                True,
                tuple(session.events),
            )
        )
    material = Material(SCENARIO, LOADED.content_hash, tuple(records), GroupInfo("hof"), ())
    return fold(material, lang=lang)


def test_behaviour_and_look_groups_are_told_apart_in_figures_and_words() -> None:
    follows_behaviour = sheet(32, behaviour)
    follows_look = sheet(24, look)
    [b] = follows_behaviour.hof
    [lk] = follows_look.hof
    # figures: per person the behaviour group is all-or-nothing, per look it is flat
    rob = next(r for r in b.rows if "regenjas" in r.label)
    assert rob.total.selected == 24 and rob.total.shown == 32
    assert all(r.total.selected == 0 for r in b.rows if r is not rob)
    assert {c.shown for c in b.by_look} == {32}  # every session showed every look once
    assert max(c.selected for c in b.by_look) - min(c.selected for c in b.by_look) <= 2
    # the look group: the dark look is always chosen, the others never, and every person about equally
    donker = lk.looks.index(next(x for x in lk.looks if "zeer donker" in x))
    assert lk.by_look[donker].selected == 24 and sum(c.selected for c in lk.by_look) == 24
    assert all(r.total.selected == 8 for r in lk.rows)
    # words: a claim only from MIN_SELECTIONS selections, and then opposite claims
    assert b.selections >= MIN_SELECTIONS and lk.selections >= MIN_SELECTIONS
    assert b.p_value is not None and b.p_value > 0.5
    assert lk.p_value is not None and lk.p_value < 0.01
    assert "niet groter dan toeval" in b.verdict and "volgden vooral de persoon" in b.verdict
    assert "groter dan toeval verklaart" in lk.verdict and "hoe mensen eruitzagen" in lk.verdict


def test_a_group_of_twelve_gets_figures_but_no_claim() -> None:
    [t] = sheet(12, look).hof
    assert t.figures and t.p_value is None
    assert "geen uitspraak" in t.caution and "12 keuzes" in t.caution


def test_fewer_than_five_sessions_get_no_figures() -> None:
    s = sheet(4, look)
    [t] = s.hof
    assert not t.figures
    html = render_html(s, "group")
    assert "De toets van het Hof" in html and '<table class="hof-table"' not in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_section_renders_escaped_in_both_languages(lang: str) -> None:
    s = sheet(24, look, lang)
    html = render_html(s, "group", lang)
    assert ("De toets van het Hof" if lang == "nl" else "The Hof test") in html
    assert '<table class="hof-table"' in html and "<script" not in html
    md = render_markdown(s, "group", lang)
    assert ("toets van het Hof" if lang == "nl" else "Hof test") in md


def test_the_individual_sheet_shows_own_looks_next_to_the_others() -> None:
    s = sheet(12, look)
    mine = s.hof_mine[0]
    assert {r.label for r in mine} == {r.label for r in s.hof[0].rows}
    for row in mine:
        assert sum(n for _look, n, _k in row.others) == 11  # the other eleven runs, by look
        assert row.look not in {look for look, _n, _k in row.others} or len(row.others) == 3
    html = render_html(s, "individual", person=0)
    assert "Jouw toets van het Hof" in html
    # the group sheet names no trainee anywhere, so no trainee next to a look
    group = render_markdown(s, "group")
    assert not any(f"T{i:02d}" in group for i in range(12))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_headwear_a_look_can_set_has_words_on_the_sheet(lang: str) -> None:
    """A pool may swap headwear (a niqab included); the sheet names each look in words, never by a key."""
    from debrief.hof import look_words
    from debrief.words import Words
    from trainer.model.scenario import Look
    from trainer.model.vocabulary import Headwear

    words = {h: look_words(Look(id="x", headwear=h), Words(lang)) for h in Headwear}
    assert len(set(words.values())) == len(Headwear)
    assert words[Headwear.NIQAB] == {"nl": "met niqab", "en": "with a niqab"}[lang]
