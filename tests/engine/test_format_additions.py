"""Issue 19's format additions, played by the real rules: conditional goto, several legal bases, the new
outcome and ground, reflection questions that depend on the route, and C110 deciding on the state graph."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from trainer.engine import FakeClock, Session
from trainer.engine.checking import check
from trainer.engine.events import ChoiceMade, EndingReached, NodeEntered
from trainer.engine.rules import rules_for
from trainer.engine.views import Phase
from trainer.model.loader import LoadedScenario, load_scenario_text

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
RUSTIG = "        values: [proportionaliteit]\n        goto: terugblik_na_controle\n"


def load(*edits: tuple[str, str]) -> LoadedScenario:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return load_scenario_text(text, "minimaal.yaml")


def play(loaded: LoadedScenario, *choices: str) -> Session:
    session = Session(loaded.scenario, clock=FakeClock())
    for choice in choices:
        while session.view().can_advance and session.phase == Phase.PLAY:
            session.advance()
        session.choose(choice)
    while session.phase in (Phase.PLAY, Phase.ENDING) and session.view().can_advance:
        session.advance()
    return session


def nodes(session: Session) -> list[str]:
    return [e.node for e in session.events if isinstance(e, NodeEntered)]


def branch(goto: str) -> tuple[str, str]:
    return (RUSTIG, f"        values: [proportionaliteit]\n        goto: {goto}\n")


def test_conditional_goto_takes_the_first_branch_that_holds() -> None:
    loaded = load(branch("[{when: [{flag: gefilmd}], to: reflectie_keuze}, {to: terugblik_na_controle}]"))
    assert check(loaded) == []
    filmed = play(loaded, "fietser_zonder_licht", "vaag", "rustig")
    assert nodes(filmed)[-1] == "reflectie_keuze"
    calm = play(loaded, "fietser_zonder_licht", "concreet", "rustig")
    assert nodes(calm)[-2:] == ["terugblik_na_controle", "reflectie_keuze"]


def test_conditional_goto_sees_the_choices_own_effects() -> None:
    # 'vaag' itself sets gefilmd: its goto already sees the flag set
    loaded = load(
        (
            "        perspective: {nl: Alweer ik., en: Me again.}\n        goto: afhandelen\n",
            "        perspective: {nl: Alweer ik., en: Me again.}\n"
            "        goto: [{when: [{flag: gefilmd}], to: terugblik_na_controle}, {to: afhandelen}]\n",
        )
    )
    session = play(loaded, "fietser_zonder_licht", "vaag")
    assert nodes(session)[-2:] == ["terugblik_na_controle", "reflectie_keuze"]


def test_a_session_with_a_conditional_goto_replays_from_its_events() -> None:
    from trainer.engine.save import restore, save

    loaded = load(branch("[{when: [{flag: gefilmd}], to: reflectie_keuze}, {to: terugblik_na_controle}]"))
    session = play(loaded, "fietser_zonder_licht", "vaag", "rustig")
    again = restore(loaded.scenario, save(session), clock=FakeClock())
    assert nodes(again) == nodes(session)


GOTO_AT_5 = "[{when: [{meter: spanning, at_least: 5}], to: einde_waarschuwing}, {to: terugblik_na_controle}]"


def test_c110_follows_the_conditions_of_a_goto() -> None:
    # tension never reaches 11 (its max is 10): the branch that skips reflecteren is never taken
    never = load(
        branch(
            "[{when: [{meter: spanning, at_least: 11}], to: einde_waarschuwing}, {to: terugblik_na_controle}]"
        )
    )
    assert [d.code for d in check(never)] == []
    # after 'vaag' tension is 5: that route reaches the ending without reflecteren, reported at the branch
    once = load(
        branch(
            "[{when: [{meter: spanning, at_least: 5}], to: einde_waarschuwing}, {to: terugblik_na_controle}]"
        )
    )
    [gap] = check(once)
    assert gap.code == "C110" and gap.args["steps"] == "reflecteren"
    line = BASE.splitlines().index("        values: [proportionaliteit]") + 2
    column = GOTO_AT_5.index("einde_waarschuwing") + len("        goto: ") + 1
    assert (gap.line, gap.column) == (line, column)  # the `to:` of the branch that jumps past the step


def test_c110_follows_the_when_of_a_choice() -> None:
    skip = (
        "        when: [{meter: spanning, at_least: 4}]\n        goto: terugblik_na_controle\n",
        "        when: [{meter: spanning, at_least: LEVEL}]\n        goto: einde_waarschuwing\n",
    )
    never = load((skip[0], skip[1].replace("LEVEL", "11")))
    assert [d.code for d in check(never)] == []
    reachable = load((skip[0], skip[1].replace("LEVEL", "4")))
    assert [d.code for d in check(reachable)] == ["C110"]


def test_reflection_questions_follow_the_route() -> None:
    loaded = load(
        (
            "registration:\n",
            "  - id: camera\n    step: reflecteren\n"
            '    text: {nl: "Wat deed de camera met je?", en: "What did the camera do to you?"}\n'
            "    when: [{flag: gefilmd}]\nregistration:\n",
        )
    )
    assert check(loaded) == []
    asked = {}
    for route in (("concreet",), ("vaag",)):
        session = play(loaded, "fietser_zonder_licht", *route, "rustig", "bespreken")
        assert session.phase == Phase.REFLECTION
        ids = []
        while (question := session.next_question()) is not None:
            ids.append(question.id)
            session.answer(question.id, "antwoord")
        asked[route[0]] = ids
    assert asked == {"concreet": ["waarom"], "vaag": ["waarom", "camera"]}


def test_several_legal_bases_per_choice() -> None:
    loaded = load(
        (
            "          legal_basis: wvw_160\n",
            "          legal_basis: [wvw_160, politiewet_8]\n          offence: [rvv_35]\n",
        )
    )
    assert check(loaded) == []
    option = rules_for(loaded.scenario).option("straat", "fietser_zonder_licht")
    assert option is not None
    assert option.legal_bases == ("wvw_160", "politiewet_8") and option.offences == ("rvv_35",)
    session = play(loaded, "fietser_zonder_licht")
    made = next(e for e in session.events if isinstance(e, ChoiceMade))
    assert made.legal_basis == "wvw_160"  # the record keeps its shape: the first power


def test_an_offence_in_a_list_of_powers_is_reported_at_that_entry() -> None:
    loaded = load(("          legal_basis: wvw_160\n", "          legal_basis: [wvw_160, rvv_35]\n"))
    [finding] = check(loaded)
    line = BASE.splitlines().index("          legal_basis: wvw_160") + 1
    column = "          legal_basis: [wvw_160, rvv_35]".index("rvv_35") + 1
    assert (finding.code, finding.line, finding.column) == ("C140", line, column)


def test_outcome_without_a_measure_and_the_ground_attitude() -> None:
    loaded = load(
        ("    outcome: waarschuwing\n", "    outcome: afgerond_zonder_maatregel\n"),
        ("          grounds: [voertuig]\n", "          grounds: [voertuig, houding]\n"),
    )
    # houding (attitude towards the police) is no objective ground: in_lijn with it is questioned (C120)
    assert [d.code for d in check(loaded)] == ["C120"]
    session = play(loaded, "fietser_zonder_licht", "concreet", "rustig", "bespreken")
    assert [e.outcome for e in session.events if isinstance(e, EndingReached)] == [
        "afgerond_zonder_maatregel"
    ]


@pytest.mark.parametrize("goto", ["[]", "[{when: [{flag: gefilmd}], to: 3}]"])
def test_a_malformed_conditional_goto_is_a_schema_error(goto: str) -> None:
    from trainer.model.diagnostics import ScenarioError

    with pytest.raises(ScenarioError):
        load(branch(goto))
